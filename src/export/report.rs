//! The report model: what goes into the internal report and the publieksversie.
//!
//! [`build`] is the single place that decides what is published. Everything the writers
//! (Markdown, HTML, CSV) show comes from a [`Report`], so a public report cannot show
//! what `build` left out. Ids (areas, corners, phases, kinds, statuses) are passed on
//! raw; the templates word them.

use crate::i18n::Lang;
use crate::method::Method;
use crate::model::{
    ActivityStatus, Approval, Interview, Note, NoteKind, PartnerKind, Session, TriangleItem, Wheel,
};
use serde::Serialize;
use std::collections::BTreeMap;

#[derive(Debug, Clone, Serialize)]
pub struct Report {
    pub lang: &'static str,
    pub public: bool,
    pub pact: String,
    pub round: u8,
    pub date: DateOut,
    pub meeting: String,
    pub place: String,
    /// "Waar werkt de regio aan?", one entry per typed line.
    pub region: Vec<String>,
    /// The pact's partners by kind (organisation names only), for "Waar werkt de regio
    /// aan?"; kinds without partners are left out.
    pub partner_groups: Vec<PartnerGroup>,
    pub ambition: Option<QuoteOut>,
    /// The blocks of "Waar werkt de regio aan?" (see [`super::compose`]).
    pub region_blocks: Vec<super::compose::PieceOut>,
    pub sections: Vec<SectionOut>,
    pub triangle: TriangleOut,
    pub wheel: WheelOut,
    pub intentions: Vec<IntentionOut>,
    pub intentions_without_owner: usize,
    /// Progress since the round this session was created from (internal report only).
    pub progress: Option<super::progress::ProgressOut>,
    // Internal only: empty in the public version.
    pub facilitators: String,
    pub interviewers: String,
    pub partners: Vec<PartnerOut>,
    pub documents: Vec<DocumentOut>,
    pub interviews: Vec<InterviewOut>,
    pub kader: Vec<KaderOut>,
    pub agenda: Vec<BlockOut>,
    pub agenda_planned_minutes: u32,
    pub agenda_actual_minutes: u64,
    /// Rendered for the Rapport screen's preview: what is left out is marked there.
    pub preview: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct DateOut {
    /// As typed.
    pub text: String,
    pub day: Option<u8>,
    pub month: Option<u8>,
    pub year: Option<i32>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartnerGroup {
    pub kind: &'static str,
    pub names: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PartnerOut {
    pub organisation: String,
    pub kind: &'static str,
    pub role: String,
    pub contact: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct DocumentOut {
    pub title: String,
    pub kind: String,
    pub date: String,
    pub key_points: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct QuoteOut {
    pub text: String,
    pub source: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionOut {
    pub id: String,
    pub number: usize,
    pub name: String,
    /// The public report's heading (`report_title`, else `name`).
    pub heading: String,
    pub question: String,
    /// The intake's first observations, one entry per line.
    pub observation: Vec<String>,
    pub observations: Vec<NoteOut>,
    pub factors: Vec<NoteOut>,
    pub obstacles: Vec<NoteOut>,
    pub ideas: Vec<NoteOut>,
    pub quotes: Vec<NoteOut>,
    /// Notes in this area (all notes in the internal report, published ones otherwise).
    pub note_count: usize,
    /// Nothing to say in this section of the public report.
    pub empty: bool,
    /// What of the triangle this section shows (from the method definition).
    pub triangle: crate::method::AreaReport,
    /// The section's blocks, in order (see [`super::compose`]).
    pub blocks: Vec<super::compose::PieceOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct NoteOut {
    pub text: String,
    pub kind: &'static str,
    /// Who said it: the full attribution internally; in the public version only on
    /// quotes, and with the name only when the interviewee consented.
    pub who: String,
    pub public: bool,
    pub approval: &'static str,
    pub area: String,
    /// The other version of a note an import found edited on both sides (internal
    /// report only: the conflict is still to be resolved).
    pub conflict: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TriangleOut {
    pub places: Vec<PlaceOut>,
    /// The same places by id, for templates that place a corner in a section.
    pub by_place: BTreeMap<String, PlaceOut>,
    pub focus_areas: Vec<String>,
    pub item_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct PlaceOut {
    pub id: String,
    /// "corner" or "question".
    pub kind: &'static str,
    pub name: String,
    pub items: Vec<ItemOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemOut {
    pub title: String,
    pub detail: String,
    pub focus_areas: Vec<String>,
    pub innovation: Option<&'static str>,
    pub owner: String,
    pub partners: String,
    pub votes: i32,
    pub public: bool,
    pub evidence: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct WheelOut {
    pub name: String,
    pub placed: bool,
    pub phase_id: String,
    pub phase_name: String,
    pub phase_number: usize,
    pub cycle: u32,
    pub motivation: String,
    pub public: bool,
    pub phases: Vec<PhaseOut>,
    pub per_kind: Vec<KindPlacement>,
    /// The earlier round of the same pact, when there is one (internal report only).
    pub earlier_round: Option<u8>,
    /// Where the pact stood then (empty: not placed).
    pub earlier_phase_name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct PhaseOut {
    pub id: String,
    pub number: usize,
    pub name: String,
    pub current: bool,
    pub activities: Vec<ActivityOut>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActivityOut {
    pub name: String,
    pub status: &'static str,
    pub note: String,
    /// The status in the earlier round (internal report, see [`add_earlier_round`]).
    pub earlier_status: Option<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct KindPlacement {
    pub kind: &'static str,
    pub phase_name: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct IntentionOut {
    pub text: String,
    pub owner: String,
    pub due: String,
    pub public: bool,
    /// Agreed in this earlier round (carried over to be followed up).
    pub carried_from: Option<u8>,
    /// What became of it: `gedaan`, `loopt`, `niet_gedaan`, `vervallen`.
    pub status: Option<&'static str>,
    pub status_note: String,
    /// Done or dropped: no longer a step for the future.
    pub settled: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct InterviewOut {
    pub name: String,
    pub organisation: String,
    pub role: String,
    pub kind: &'static str,
    pub date: String,
    pub interviewer: String,
    pub quotes_public: bool,
    pub with_name: bool,
    pub note_count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct KaderOut {
    pub question: String,
    pub answer: String,
    /// The cell was empty and the answer is the intake's partner list.
    pub from_intake: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct BlockOut {
    pub title: String,
    pub planned_minutes: u32,
    pub actual_minutes: u64,
    /// Actual minus planned; positive means over time.
    pub diff_minutes: i64,
}

pub fn kind_id(k: NoteKind) -> &'static str {
    match k {
        NoteKind::Observatie => "observatie",
        NoteKind::Succesfactor => "succesfactor",
        NoteKind::Belemmering => "belemmering",
        NoteKind::Citaat => "citaat",
        NoteKind::Verbeteridee => "verbeteridee",
    }
}

fn approval_id(a: Approval) -> &'static str {
    match a {
        Approval::NietGevraagd => "niet_gevraagd",
        Approval::Akkoord => "akkoord",
        Approval::Geweigerd => "geweigerd",
    }
}

pub fn partner_kind_id(k: PartnerKind) -> &'static str {
    match k {
        PartnerKind::Zorg => "zorg",
        PartnerKind::Onderwijs => "onderwijs",
        PartnerKind::Overheid => "overheid",
        PartnerKind::Anders => "anders",
    }
}

pub(crate) fn status_id(s: ActivityStatus) -> &'static str {
    match s {
        ActivityStatus::NietGestart => "niet_gestart",
        ActivityStatus::Bezig => "bezig",
        ActivityStatus::Gereed => "gereed",
        ActivityStatus::NietVanToepassing => "nvt",
    }
}

/// Whether a note may appear in the publieksversie. A quote needs, besides being marked
/// public, the speaker's approval and their consent to publish quotes.
pub fn note_is_public(iv: &Interview, n: &Note) -> bool {
    if !n.public || withheld(iv, n).is_some() {
        return false;
    }
    match n.kind {
        NoteKind::Citaat => n.approved_as_is() && iv.consent.quotes_public,
        _ => true,
    }
}

/// Why a note marked public is left out of the publieksversie although it would
/// otherwise go in: an import conflict still open (on the note, or on the interview's
/// own details such as consent), or a quote whose words changed after approval.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Withheld {
    Conflict,
    ChangedAfterApproval,
}

pub fn withheld(iv: &Interview, n: &Note) -> Option<Withheld> {
    if !n.public {
        return None;
    }
    if n.has_conflict() || !iv.fields_conflict.is_empty() {
        return Some(Withheld::Conflict);
    }
    if n.kind == NoteKind::Citaat
        && n.approval_state() == crate::model::ApprovalState::GewijzigdNaAkkoord
    {
        return Some(Withheld::ChangedAfterApproval);
    }
    None
}

/// Public quotes whose attribution points at one person: no name, but a role and
/// organisation no other interviewee shares (the only ROC bestuurder), and no coarser
/// label chosen.
pub fn identifying_attributions(session: &crate::model::Session) -> usize {
    let key = |iv: &Interview| {
        (
            iv.role.trim().to_lowercase(),
            iv.organisation.trim().to_lowercase(),
        )
    };
    session
        .interviews
        .iter()
        .filter(|iv| !iv.consent.with_name && !iv.consent.coarse)
        .filter(|iv| {
            let k = key(iv);
            (!k.0.is_empty() || !k.1.is_empty())
                && session.interviews.iter().filter(|o| key(o) == k).count() == 1
        })
        .map(|iv| {
            iv.notes
                .iter()
                .filter(|n| n.kind == NoteKind::Citaat && note_is_public(iv, n))
                .count()
        })
        .sum()
}

/// How many public notes the publieksversie leaves out: (open conflict, changed after
/// approval). Both exports (the CLI and the Samenvatting screen) say so.
pub fn withheld_counts(session: &crate::model::Session) -> (usize, usize) {
    let mut out = (0, 0);
    for iv in &session.interviews {
        for n in &iv.notes {
            match withheld(iv, n) {
                Some(Withheld::Conflict) => out.0 += 1,
                Some(Withheld::ChangedAfterApproval) => out.1 += 1,
                None => {}
            }
        }
    }
    out
}

fn join_nonempty(parts: &[&str], sep: &str) -> String {
    parts
        .iter()
        .map(|p| p.trim())
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(sep)
}

/// "Marieke de Vries, bestuurlijk trekker, Zorggroep De Linde"; without the name when
/// it may not be published.
fn attribution(iv: &Interview, with_name: bool) -> String {
    let name = if with_name {
        iv.interviewee.as_str()
    } else {
        ""
    };
    join_nonempty(&[name, &iv.role, &iv.organisation], ", ")
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(String::from)
        .collect()
}

fn date_out(text: &str) -> DateOut {
    let parsed = crate::model::validate::parse_date(text).ok().flatten();
    DateOut {
        text: text.to_string(),
        day: parsed.map(|d| d.day()),
        month: parsed.map(|d| d.month() as u8),
        year: parsed.map(|d| d.year()),
    }
}

/// The phase name as the region calls it (a rename wins over the method's name).
pub fn phase_name(session: &Session, method: &Method, id: &str) -> String {
    session
        .wheel
        .renames
        .get(id)
        .filter(|s| !s.trim().is_empty())
        .cloned()
        .or_else(|| method.phase(id).map(|p| p.name.clone()))
        .unwrap_or_else(|| id.to_string())
}

fn item_out(it: &TriangleItem, public: bool) -> ItemOut {
    // Owners and partners may be people; the public version names only the item.
    ItemOut {
        title: it.title.clone(),
        detail: it.detail.clone(),
        focus_areas: it.focus_areas.clone(),
        innovation: it.innovation.map(|i| match i {
            crate::model::Innovation::Technologisch => "technologisch",
            crate::model::Innovation::SociaalOrganisatorisch => "sociaal_organisatorisch",
        }),
        owner: if public {
            String::new()
        } else {
            it.owner.clone()
        },
        partners: if public {
            String::new()
        } else {
            it.partners.clone()
        },
        votes: if public { 0 } else { it.votes },
        public: it.public,
        evidence: if public { 0 } else { it.evidence.len() },
    }
}

/// A note as the report shows it: who said it (the full attribution internally; in
/// the public version only on quotes, with the name only with consent).
pub(crate) fn note_out(iv: &Interview, n: &Note, area: &str, public: bool, lang: Lang) -> NoteOut {
    let who = match (public, n.kind) {
        (false, _) => attribution(iv, true),
        (true, NoteKind::Citaat) if !iv.consent.with_name && iv.consent.coarse => {
            crate::i18n::fill(
                lang.strings().interviews.coarse_attribution,
                &[&lang.strings().interviews.kind(iv.kind).to_lowercase()],
            )
        }
        (true, NoteKind::Citaat) => attribution(iv, iv.consent.with_name),
        (true, _) => String::new(),
    };
    NoteOut {
        text: n.text.trim().to_string(),
        kind: kind_id(n.kind),
        who,
        public: n.public,
        approval: if n.approval_state() == crate::model::ApprovalState::GewijzigdNaAkkoord {
            "gewijzigd_na_akkoord"
        } else {
            approval_id(n.approval)
        },
        area: area.to_string(),
        conflict: if public {
            None
        } else {
            n.conflict
                .as_ref()
                .and_then(|c| c.text.as_deref())
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(String::from)
        },
    }
}

/// Builds the report. `public` selects the publieksversie: only items marked public,
/// quotes approved by a speaker who consented, names only with consent.
pub fn build(session: &Session, method: &Method, lang: Lang, public: bool) -> Report {
    let intake = &session.intake;
    let intentions = intentions_out(session, public);
    let (interviews, kader, agenda) = if public {
        (Vec::new(), Vec::new(), Vec::new())
    } else {
        internal_parts(session, method)
    };
    // Contacts, roles, documents and the people who ran the Volgspot are internal.
    let (partners, documents) = if public {
        (Vec::new(), Vec::new())
    } else {
        (partners_out(session), documents_out(session))
    };
    let internal_text = |s: &str| {
        if public {
            String::new()
        } else {
            s.trim().to_string()
        }
    };

    let mut report = Report {
        lang: match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        },
        public,
        pact: intake.pact_name.trim().to_string(),
        round: intake.round,
        date: date_out(intake.session_date.trim()),
        meeting: intake.meeting.trim().to_string(),
        place: internal_text(&intake.place),
        region: lines(&intake.region_description),
        partner_groups: partner_groups(session),
        ambition: Some(QuoteOut {
            text: intake.ambition.text.trim().to_string(),
            source: intake.ambition.source.trim().to_string(),
        })
        .filter(|q| !q.text.is_empty()),
        region_blocks: Vec::new(),
        sections: sections_out(session, method, lang, public),
        triangle: triangle_out(session, method, public),
        wheel: wheel_out(session, method, public),
        intentions_without_owner: intentions
            .iter()
            .filter(|i| i.owner.is_empty() && !i.settled)
            .count(),
        intentions,
        progress: None,
        // Saturating: absurd minutes in a file show as a huge total, never a wrapped one.
        agenda_planned_minutes: agenda
            .iter()
            .fold(0u32, |t, b| t.saturating_add(b.planned_minutes)),
        agenda_actual_minutes: agenda
            .iter()
            .fold(0u64, |t, b| t.saturating_add(b.actual_minutes)),
        facilitators: internal_text(&intake.facilitators),
        interviewers: internal_text(&intake.interviewers),
        partners,
        documents,
        interviews,
        kader,
        agenda,
        preview: false,
    };
    super::compose::fill(&mut report, session, method, lang);
    super::progress::add_baseline(&mut report, method, session);
    report
}

/// One section per focus area of the method: the intake's first observation and the
/// interview notes in that area, sorted by kind (public notes only in the public version).
fn sections_out(session: &Session, method: &Method, lang: Lang, public: bool) -> Vec<SectionOut> {
    method
        .areas
        .iter()
        .enumerate()
        .map(|(i, area)| {
            let mut sec = SectionOut {
                id: area.id.clone(),
                number: i + 1,
                name: area.name.clone(),
                heading: area.report_title.clone().unwrap_or(area.name.clone()),
                question: area.question.clone(),
                observation: lines(session.intake.observations.get(&area.id).map_or("", |s| s)),
                observations: Vec::new(),
                factors: Vec::new(),
                obstacles: Vec::new(),
                ideas: Vec::new(),
                quotes: Vec::new(),
                note_count: 0,
                triangle: area.report.clone(),
                empty: true,
                blocks: Vec::new(),
            };
            for iv in &session.interviews {
                for n in iv.notes.iter().filter(|n| n.area == area.id) {
                    if n.text.trim().is_empty() || (public && !note_is_public(iv, n)) {
                        continue;
                    }
                    let out = note_out(iv, n, &area.id, public, lang);
                    sec.note_count += 1;
                    match n.kind {
                        NoteKind::Observatie => sec.observations.push(out),
                        NoteKind::Succesfactor => sec.factors.push(out),
                        NoteKind::Belemmering => sec.obstacles.push(out),
                        NoteKind::Verbeteridee => sec.ideas.push(out),
                        NoteKind::Citaat => sec.quotes.push(out),
                    }
                }
            }
            sec.empty = sec.observation.is_empty() && sec.note_count == 0;
            sec
        })
        .collect()
}

/// The triangle: its corners and questions with their items (most votes first in the
/// internal report), and every focus area the items name.
fn triangle_out(session: &Session, method: &Method, public: bool) -> TriangleOut {
    let places: Vec<PlaceOut> = method
        .triangle
        .corners
        .iter()
        .map(|c| (c.id.clone(), "corner", c.name.clone()))
        .chain(
            method
                .triangle
                .questions
                .iter()
                .map(|q| (q.id.clone(), "question", q.text.clone())),
        )
        .map(|(id, kind, name)| {
            let mut items: Vec<&TriangleItem> = session
                .triangle
                .items
                .iter()
                .filter(|it| it.place == id && (!public || it.public))
                .filter(|it| !it.title.trim().is_empty())
                .collect();
            // Most votes first; the stable sort keeps the session's order among equals.
            if !public {
                items.sort_by_key(|it| std::cmp::Reverse(it.votes));
            }
            PlaceOut {
                items: items.into_iter().map(|it| item_out(it, public)).collect(),
                id,
                kind,
                name,
            }
        })
        .collect();
    let mut focus_areas: Vec<String> = Vec::new();
    let mut add_focus = |f: &String| {
        if !f.trim().is_empty() && !focus_areas.contains(f) {
            focus_areas.push(f.clone());
        }
    };
    for p in &places {
        for it in &p.items {
            it.focus_areas.iter().for_each(&mut add_focus);
        }
    }
    if !public {
        session.triangle.own_focus_areas.iter().for_each(add_focus);
    }
    TriangleOut {
        item_count: places.iter().map(|p| p.items.len()).sum(),
        by_place: places.iter().map(|p| (p.id.clone(), p.clone())).collect(),
        places,
        focus_areas,
    }
}

/// The wheel: where the pact stands (only when that placement is public, in the public
/// version), its phases, and internally each phase's activities and the per-kind places.
fn wheel_out(session: &Session, method: &Method, public: bool) -> WheelOut {
    let placement = &session.wheel.placement;
    let show_place = !public || placement.public;
    let current = placement
        .phase
        .as_deref()
        .filter(|id| show_place && method.phase(id).is_some());
    WheelOut {
        name: method.wheel.name.clone(),
        placed: current.is_some(),
        phase_id: current.unwrap_or_default().to_string(),
        phase_name: current
            .map(|id| phase_name(session, method, id))
            .unwrap_or_default(),
        phase_number: current
            .and_then(|id| method.wheel.phases.iter().position(|p| p.id == id))
            .map_or(0, |i| i + 1),
        cycle: if show_place {
            placement.cycle.max(1)
        } else {
            1
        },
        motivation: if show_place {
            placement.motivation.trim().to_string()
        } else {
            String::new()
        },
        public: placement.public,
        phases: method
            .wheel
            .phases
            .iter()
            .enumerate()
            .map(|(i, p)| PhaseOut {
                id: p.id.clone(),
                number: i + 1,
                name: phase_name(session, method, &p.id),
                current: current == Some(p.id.as_str()),
                activities: if public {
                    Vec::new()
                } else {
                    activities_out(session, p)
                },
            })
            .collect(),
        per_kind: if public {
            Vec::new()
        } else {
            session
                .wheel
                .per_kind
                .iter()
                .map(|(k, id)| KindPlacement {
                    kind: partner_kind_id(*k),
                    phase_name: phase_name(session, method, id),
                })
                .collect()
        },
        earlier_round: None,
        earlier_phase_name: String::new(),
    }
}

/// A phase's activities with the region's names, statuses and notes (internal report).
fn activities_out(session: &Session, phase: &crate::method::Phase) -> Vec<ActivityOut> {
    phase
        .activities
        .iter()
        .map(|a| {
            let st = session.wheel.activities.get(&a.id);
            ActivityOut {
                name: session
                    .wheel
                    .renames
                    .get(&a.id)
                    .filter(|s| !s.trim().is_empty())
                    .unwrap_or(&a.name)
                    .clone(),
                status: status_id(st.map(|s| s.status).unwrap_or_default()),
                note: st.map(|s| s.note.trim().to_string()).unwrap_or_default(),
                earlier_status: None,
            }
        })
        .collect()
}

/// The intentions that have text (public ones only in the public version), with what
/// became of those carried over from an earlier round.
fn intentions_out(session: &Session, public: bool) -> Vec<IntentionOut> {
    session
        .intentions
        .iter()
        .filter(|i| !i.text.trim().is_empty() && (!public || i.public))
        .map(|i| IntentionOut {
            text: i.text.trim().to_string(),
            owner: i.owner.trim().to_string(),
            due: i.due.trim().to_string(),
            public: i.public,
            carried_from: i.carried_from,
            status: i.outcome.map(|f| f.id()),
            status_note: i.outcome_note.trim().to_string(),
            settled: matches!(
                i.outcome,
                Some(
                    crate::model::rounds::FollowUp::Gedaan
                        | crate::model::rounds::FollowUp::Vervallen
                )
            ),
        })
        .collect()
}

/// The partner organisations by kind, kinds without partners left out (both versions).
fn partner_groups(session: &Session) -> Vec<PartnerGroup> {
    PartnerKind::ALL
        .iter()
        .map(|&k| PartnerGroup {
            kind: partner_kind_id(k),
            names: partner_names(session, Some(k)),
        })
        .filter(|g| !g.names.is_empty())
        .collect()
}

/// The intake's partners with role and contact (internal report).
fn partners_out(session: &Session) -> Vec<PartnerOut> {
    session
        .intake
        .partners
        .iter()
        .filter(|p| !p.organisation.trim().is_empty())
        .map(|p| PartnerOut {
            organisation: p.organisation.trim().to_string(),
            kind: partner_kind_id(p.kind),
            role: p.role.trim().to_string(),
            contact: p.contact.trim().to_string(),
        })
        .collect()
}

/// The intake's documents (internal report).
fn documents_out(session: &Session) -> Vec<DocumentOut> {
    session
        .intake
        .documents
        .iter()
        .filter(|d| !d.title.trim().is_empty())
        .map(|d| DocumentOut {
            title: d.title.trim().to_string(),
            kind: d.kind.trim().to_string(),
            date: d.date.trim().to_string(),
            key_points: d.key_points.trim().to_string(),
        })
        .collect()
}

/// The intake's partner organisations (of one kind, or all), in the intake's order,
/// without blanks and repeats.
fn partner_names(session: &Session, kind: Option<PartnerKind>) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for p in &session.intake.partners {
        let name = p.organisation.trim();
        if !name.is_empty() && kind.is_none_or(|k| k == p.kind) && !names.iter().any(|n| n == name)
        {
            names.push(name.to_string());
        }
    }
    names
}

fn internal_parts(
    session: &Session,
    method: &Method,
) -> (Vec<InterviewOut>, Vec<KaderOut>, Vec<BlockOut>) {
    let interviews = session
        .interviews
        .iter()
        .map(|iv| InterviewOut {
            name: iv.interviewee.clone(),
            organisation: iv.organisation.clone(),
            role: iv.role.clone(),
            kind: partner_kind_id(iv.kind),
            date: iv.date.clone(),
            interviewer: iv.interviewer.clone(),
            quotes_public: iv.consent.quotes_public,
            with_name: iv.consent.with_name,
            note_count: iv.notes.len(),
        })
        .collect();
    let kader = method
        .triangle
        .kader_rows
        .iter()
        .map(|r| {
            let answer = session
                .triangle
                .kader
                .get(&r.id)
                .map(|s| s.trim().to_string())
                .unwrap_or_default();
            // "Wie zijn de partners?" left empty: the intake knows them.
            let fallback = answer.is_empty() && r.from_field.as_deref() == Some("partners");
            let partners = if fallback {
                partner_names(session, None).join(", ")
            } else {
                String::new()
            };
            KaderOut {
                question: r.text.clone(),
                from_intake: !partners.is_empty(),
                answer: if partners.is_empty() {
                    answer
                } else {
                    partners
                },
            }
        })
        .collect();
    let blocks: Vec<(String, u32, u64)> = if session.agenda.blocks.is_empty() {
        method
            .agenda
            .iter()
            .map(|b| (b.title.clone(), b.minutes, 0))
            .collect()
    } else {
        session
            .agenda
            .blocks
            .iter()
            .map(|b| (b.title.clone(), b.minutes, b.actual_seconds))
            .collect()
    };
    let agenda = blocks
        .into_iter()
        .map(|(title, planned, secs)| {
            // Rounded to the nearest minute, as a facilitator reads a clock.
            let actual = secs.saturating_add(30) / 60;
            BlockOut {
                title,
                planned_minutes: planned,
                actual_minutes: actual,
                diff_minutes: actual as i64 - planned as i64,
            }
        })
        .collect();
    (interviews, kader, agenda)
}

/// Adds the comparison with an earlier round of the same pact to an internal report:
/// where the pact stood on the wheel then, and each activity's status then.
/// A session with a baseline snapshot is compared with that (see [`build`]); a round
/// found in the folder does not replace it.
pub fn add_earlier_round(report: &mut Report, method: &Method, round: u8, earlier: &Wheel) {
    if report.public || report.progress.is_some() {
        return;
    }
    let w = &mut report.wheel;
    w.earlier_round = Some(round);
    w.earlier_phase_name = earlier
        .placement
        .phase
        .as_deref()
        .and_then(|id| method.phase(id))
        .map(|p| {
            earlier
                .renames
                .get(&p.id)
                .filter(|n| !n.trim().is_empty())
                .unwrap_or(&p.name)
                .clone()
        })
        .unwrap_or_default();
    // Phases and activities are listed in method order, so they pair up by position.
    for (out, def) in w.phases.iter_mut().zip(&method.wheel.phases) {
        for (a, adef) in out.activities.iter_mut().zip(&def.activities) {
            a.earlier_status = Some(status_id(
                earlier
                    .activities
                    .get(&adef.id)
                    .map(|s| s.status)
                    .unwrap_or_default(),
            ));
        }
    }
}
