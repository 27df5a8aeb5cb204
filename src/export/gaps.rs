//! What the report still lacks, for the Samenvatting screen's checklist. Pure data: the
//! screen words it and knows where each gap is fixed.

use super::report::build;
use crate::i18n::Lang;
use crate::method::Method;
use crate::model::{Approval, NoteKind, Session};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    NoPactName,
    NoRegionDescription,
    /// An attention area with nothing to say in the publieksversie (its name).
    EmptySection(String),
    /// Quotes whose speaker has not answered yet.
    QuotesAwaitingApproval(usize),
    /// Notes an import found edited on both sides, not yet resolved.
    NotesWithConflict(usize),
    /// Quotes whose words changed after the speaker approved them ("gewijzigd na
    /// akkoord"): left out of the publieksversie until approved again.
    QuotesChangedAfterApproval(usize),
    /// Public quotes attributed without a name, by a role and organisation only one
    /// interviewee has: the attribution still points at one person.
    AttributionIdentifies(usize),
    /// Quotes the publieksversie may carry that the composed report (Rapport screen)
    /// does not use: approved, consented and public, but in no quote block.
    QuotesNotInReport(usize),
    /// Nothing from the triangle is marked public.
    NoPublicTriangleItems,
    NoPhase,
    IntentionsWithoutOwner(usize),
    /// Intentions whose "uiterlijk" is not a date (kept as typed; the report prints it).
    IntentionsWithInvalidDate(usize),
    NoIntentions,
}

pub fn gaps(session: &Session, method: &Method) -> Vec<Gap> {
    let mut out = Vec::new();
    let intake = &session.intake;
    if intake.pact_name.trim().is_empty() {
        out.push(Gap::NoPactName);
    }
    // Judged on the public version: that is the one the region shares, as composed on
    // the Rapport screen (or its first draft).
    let public = build(session, method, Lang::Nl, true);
    let region_says = public
        .region_blocks
        .iter()
        .any(|p| p.says_something() && !(p.source == "region" && public.region.is_empty()));
    if !region_says {
        out.push(Gap::NoRegionDescription);
    }
    for (sec, area) in public.sections.iter().zip(&method.areas) {
        if sec.empty {
            out.push(Gap::EmptySection(area.name.clone()));
        }
    }
    let waiting = session
        .interviews
        .iter()
        .flat_map(|iv| iv.notes.iter())
        .filter(|n| n.kind == NoteKind::Citaat && n.approval == Approval::NietGevraagd)
        .count();
    if waiting > 0 {
        out.push(Gap::QuotesAwaitingApproval(waiting));
    }
    let conflicts = session
        .interviews
        .iter()
        .flat_map(|iv| iv.notes.iter())
        .filter(|n| n.has_conflict())
        .count();
    if conflicts > 0 {
        out.push(Gap::NotesWithConflict(conflicts));
    }
    let changed = session
        .interviews
        .iter()
        .flat_map(|iv| iv.notes.iter())
        .filter(|n| {
            n.kind == NoteKind::Citaat
                && n.approval_state() == crate::model::ApprovalState::GewijzigdNaAkkoord
        })
        .count();
    if changed > 0 {
        out.push(Gap::QuotesChangedAfterApproval(changed));
    }
    // A composed report takes new quotes only when they are added to it; one without a
    // composition (its first draft) takes every quote.
    if let Some(comp) = &session.composition {
        let used: std::collections::HashSet<&crate::model::Id> = comp
            .sections
            .iter()
            .flat_map(|s| &s.blocks)
            .filter(|b| !b.hidden)
            .filter_map(|b| match &b.kind {
                crate::model::compose::BlockKind::Quote { note } => Some(note),
                _ => None,
            })
            .collect();
        let unused = session
            .interviews
            .iter()
            .flat_map(|iv| iv.notes.iter().map(move |n| (iv, n)))
            .filter(|(iv, n)| {
                n.kind == NoteKind::Citaat
                    && super::report::note_is_public(iv, n)
                    && !used.contains(&n.id)
            })
            .count();
        if unused > 0 {
            out.push(Gap::QuotesNotInReport(unused));
        }
    }
    let identifying = super::report::identifying_attributions(session);
    if identifying > 0 {
        out.push(Gap::AttributionIdentifies(identifying));
    }
    if !session.triangle.items.iter().any(|i| i.public) {
        out.push(Gap::NoPublicTriangleItems);
    }
    if session
        .wheel
        .placement
        .phase
        .as_deref()
        .is_none_or(|p| method.phase(p).is_none())
    {
        out.push(Gap::NoPhase);
    }
    let without_owner = session
        .intentions
        .iter()
        .filter(|i| !i.text.trim().is_empty() && i.owner.trim().is_empty())
        // Done or dropped: nobody needs to pull it any more.
        .filter(|i| {
            !matches!(
                i.outcome,
                Some(
                    crate::model::rounds::FollowUp::Gedaan
                        | crate::model::rounds::FollowUp::Vervallen
                )
            )
        })
        .count();
    if without_owner > 0 {
        out.push(Gap::IntentionsWithoutOwner(without_owner));
    }
    let bad_date = session
        .intentions
        .iter()
        .filter(|i| crate::model::validate::parse_date(&i.due).is_err())
        .count();
    if bad_date > 0 {
        out.push(Gap::IntentionsWithInvalidDate(bad_date));
    }
    if !session.intentions.iter().any(|i| !i.text.trim().is_empty()) {
        out.push(Gap::NoIntentions);
    }
    out
}
