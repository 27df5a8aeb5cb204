//! The composed report: the first draft generated from the session, and the blocks of a
//! composition resolved into what the templates write ([`PieceOut`]).
//!
//! A session without a composition is reported through [`first_draft`], generated anew
//! at every export, so a facilitator who never composes gets the report as before.
//! Drawn blocks are resolved here, from the report parts [`super::report::build`] has
//! already filtered for the version: the publieksversie cannot show what `build` left
//! out. What a block loses in the publieksversie is kept as an `omitted` piece with the
//! reason, which only the on-screen preview shows.

use super::report::{
    ActivityOut, IntentionOut, ItemOut, NoteOut, Report, note_is_public, note_out,
};
use crate::i18n::Lang;
use crate::method::Method;
use crate::model::compose::{
    Block, BlockKind, ComposedSection, Composition, Drawing, REGION, Source,
};
use crate::model::{NoteKind, Session};
use serde::Serialize;

/// One block as the templates write it.
#[derive(Debug, Clone, Default, Serialize)]
pub struct PieceOut {
    /// paragraph, labelled, heading, list, drawn, quote, wheel, drawing, omitted.
    pub kind: &'static str,
    pub id: String,
    pub text: String,
    pub label: String,
    /// The lead-in as typed; None: `lead_word` (a words key) says it.
    pub lead: Option<String>,
    pub lead_word: String,
    /// How the default lead is written: "label" (Markdown `word:`, HTML `<h3>`) or
    /// "sentence" (as it is).
    pub lead_style: &'static str,
    pub numbered: bool,
    /// region, observation, focus_areas, triangle, notes, intentions, follow_up,
    /// activities (drawn blocks); written (hand-written lists).
    pub source: &'static str,
    pub items: Vec<ListItem>,
    pub quote: Option<NoteOut>,
    /// triangle / wheel (drawing blocks).
    pub drawing: &'static str,
    /// The wheel sentence: with the generated phase sentence.
    pub with_phase: bool,
    /// The block's own public mark (the internal report says "niet openbaar").
    pub public: bool,
    /// Why an omitted block is left out: hidden, not_public, quote_no_approval,
    /// quote_no_consent, quote_missing, nothing, not_placed.
    pub reason: &'static str,
    /// What the omitted block was (its kind).
    pub was: &'static str,
    /// Items of a drawn list the publieksversie leaves out: how many, and why (never
    /// their text). Only the on-screen preview says so.
    pub left_out: Vec<LeftOut>,
}

/// Items of a drawn list left out of the publieksversie for one reason.
#[derive(Debug, Clone, Default, Serialize, PartialEq, Eq)]
pub struct LeftOut {
    /// not_public, conflict, quote_conflict, quote_changed, quote_no_approval,
    /// quote_no_consent, follow_up_open.
    pub reason: &'static str,
    pub count: usize,
}

/// Counts reasons in the order they first occur.
fn count_reasons(reasons: impl Iterator<Item = &'static str>) -> Vec<LeftOut> {
    let mut out: Vec<LeftOut> = Vec::new();
    for reason in reasons {
        match out.iter_mut().find(|l| l.reason == reason) {
            Some(l) => l.count += 1,
            None => out.push(LeftOut { reason, count: 1 }),
        }
    }
    out
}

/// Why the publieksversie leaves a note out (None: it is in).
pub fn note_left_out(iv: &crate::model::Interview, n: &crate::model::Note) -> Option<&'static str> {
    if note_is_public(iv, n) {
        return None;
    }
    let quote = n.kind == NoteKind::Citaat;
    Some(if !n.public {
        "not_public"
    } else {
        match super::report::withheld(iv, n) {
            Some(super::report::Withheld::Conflict) if quote => "quote_conflict",
            Some(super::report::Withheld::Conflict) => "conflict",
            // Imported as approved, but without the words approved: which words the
            // person agreed to is unknown, so it waits as a changed one does.
            Some(super::report::Withheld::ChangedAfterApproval) if n.approved.is_none() => {
                "quote_unrecorded"
            }
            Some(super::report::Withheld::ChangedAfterApproval) => "quote_changed",
            None if !n.approved_as_is() => "quote_no_approval",
            None if !iv.consent.quotes_public => "quote_no_consent",
            None => "quote_no_approval",
        }
    })
}

/// One item of a list: hand-written text, or a drawn triangle item, note, intention or
/// activity (the templates word each as the fixed report did).
#[derive(Debug, Clone, Default, Serialize)]
pub struct ListItem {
    pub text: String,
    pub item: Option<ItemOut>,
    pub note: Option<NoteOut>,
    pub intention: Option<IntentionOut>,
    pub activity: Option<ActivityOut>,
}

impl PieceOut {
    fn new(kind: &'static str, b: &Block) -> Self {
        PieceOut {
            kind,
            id: b.id.to_string(),
            text: String::new(),
            label: String::new(),
            lead: None,
            lead_word: String::new(),
            lead_style: "label",
            numbered: false,
            source: "",
            items: Vec::new(),
            quote: None,
            drawing: "",
            with_phase: false,
            public: b.public,
            reason: "",
            was: "",
            left_out: Vec::new(),
        }
    }

    /// The piece left out: only what it was and why, none of its content (templates
    /// can be overridden; what is not in the report is not handed to them).
    fn omitted(self, reason: &'static str) -> Self {
        PieceOut {
            kind: "omitted",
            id: self.id,
            public: self.public,
            reason,
            was: self.kind,
            ..PieceOut::default()
        }
    }

    /// Whether the piece is in the report (not left out).
    pub fn shown(&self) -> bool {
        self.kind != "omitted"
    }

    /// In the report, and words (not only a drawing).
    pub fn says_something(&self) -> bool {
        self.shown() && self.kind != "drawing"
    }
}

/// The first draft: the session reported as the fixed report did, as blocks.
pub fn first_draft(session: &Session, method: &Method) -> Composition {
    let drawn = |source: Source| {
        Block::new(BlockKind::Drawn {
            source,
            lead: None,
            numbered: false,
        })
    };
    let mut sections = vec![ComposedSection {
        area: REGION.to_string(),
        question: None,
        blocks: vec![
            drawn(Source::Region),
            Block::new(BlockKind::Drawing {
                what: Drawing::Triangle,
            }),
        ],
    }];
    for area in &method.areas {
        let r = &area.report;
        let mut blocks = vec![drawn(Source::Observation {
            area: area.id.clone(),
        })];
        if r.focus_areas {
            blocks.push(Block::new(BlockKind::Drawn {
                source: Source::FocusAreas,
                lead: None,
                numbered: true,
            }));
        }
        for g in &r.groups {
            blocks.push(drawn(Source::Triangle {
                place: g.place.clone(),
                word: Some(g.word.clone()),
            }));
        }
        for p in &r.places {
            blocks.push(drawn(Source::Triangle {
                place: p.clone(),
                word: None,
            }));
        }
        for kinds in [
            vec![NoteKind::Observatie, NoteKind::Verbeteridee],
            vec![NoteKind::Succesfactor],
            vec![NoteKind::Belemmering],
        ] {
            blocks.push(drawn(Source::Notes {
                area: area.id.clone(),
                kinds,
            }));
        }
        for iv in &session.interviews {
            for n in &iv.notes {
                if n.area == area.id && n.kind == NoteKind::Citaat && !n.text.trim().is_empty() {
                    blocks.push(Block::new(BlockKind::Quote { note: n.id.clone() }));
                }
            }
        }
        if r.wheel {
            blocks.push(Block::new(BlockKind::Wheel { with_phase: true }));
            blocks.push(Block::new(BlockKind::Drawing {
                what: Drawing::Wheel,
            }));
        }
        if r.progress {
            blocks.push(drawn(Source::FollowUp));
            blocks.push(drawn(Source::Intentions));
        }
        sections.push(ComposedSection {
            area: area.id.clone(),
            question: None,
            blocks,
        });
    }
    Composition { sections }
}

/// The composition the report is built from: the session's, else the first draft.
pub fn composition<'a>(session: &'a Session, method: &Method) -> std::borrow::Cow<'a, Composition> {
    match &session.composition {
        Some(c) => std::borrow::Cow::Borrowed(c),
        None => std::borrow::Cow::Owned(first_draft(session, method)),
    }
}

/// Fills the report's region and section blocks (and the pact's own questions) from
/// the session's composition or the first draft.
pub fn fill(report: &mut Report, session: &Session, method: &Method, lang: Lang) {
    let comp = composition(session, method);
    let empty = ComposedSection::default();
    let region = comp.section(REGION).unwrap_or(&empty);
    report.region_blocks = resolve(region, report, session, method, lang);
    for i in 0..report.sections.len() {
        let id = report.sections[i].id.clone();
        // An area added to the method after composing: its first-draft section.
        let draft;
        let sec = match comp.section(&id) {
            Some(sec) => sec,
            None => {
                draft = first_draft(session, method);
                match draft.section(&id) {
                    Some(sec) => sec,
                    None => {
                        report.sections[i].empty = true;
                        continue;
                    }
                }
            }
        };
        // The pact's own question; an empty one: no question line.
        if let Some(q) = &sec.question {
            report.sections[i].question = q.trim().to_string();
        }
        let pieces = resolve(sec, report, session, method, lang);
        report.sections[i].empty = !pieces.iter().any(PieceOut::says_something);
        report.sections[i].blocks = pieces;
    }
}

/// The blocks of one section as pieces for the report's version.
pub fn resolve(
    sec: &ComposedSection,
    report: &Report,
    session: &Session,
    method: &Method,
    lang: Lang,
) -> Vec<PieceOut> {
    sec.blocks
        .iter()
        .map(|b| piece(b, report, session, method, lang))
        .collect()
}

fn piece(b: &Block, r: &Report, session: &Session, method: &Method, lang: Lang) -> PieceOut {
    let public = r.public;
    let mut p = match &b.kind {
        BlockKind::Paragraph { text } => {
            let mut p = PieceOut::new("paragraph", b);
            p.text = text.trim().to_string();
            p
        }
        BlockKind::Labelled { label, text } => {
            let mut p = PieceOut::new("labelled", b);
            p.label = label.trim().trim_end_matches(':').trim().to_string();
            p.text = text.trim().to_string();
            p
        }
        BlockKind::Heading { text } => {
            let mut p = PieceOut::new("heading", b);
            p.text = text.trim().to_string();
            p
        }
        BlockKind::List {
            lead,
            items,
            numbered,
        } => {
            let mut p = PieceOut::new("list", b);
            p.source = "written";
            p.lead = Some(lead.trim().to_string());
            p.numbered = *numbered;
            p.items = items
                .iter()
                .map(|t| t.trim())
                .filter(|t| !t.is_empty())
                .map(|t| ListItem {
                    text: t.to_string(),
                    ..ListItem::default()
                })
                .collect();
            p
        }
        BlockKind::Drawn {
            source,
            lead,
            numbered,
        } => drawn(b, source, lead, *numbered, r, session, method),
        BlockKind::Quote { note } => {
            let mut p = PieceOut::new("quote", b);
            let found = session
                .interviews
                .iter()
                .find_map(|iv| iv.notes.iter().find(|n| n.id == *note).map(|n| (iv, n)));
            match found {
                None => return p.omitted("quote_missing"),
                Some((iv, n)) => {
                    // No longer a quote (its kind changed, or its words are gone): left
                    // out of both versions, it would read as someone's words.
                    if n.kind != NoteKind::Citaat || n.text.trim().is_empty() {
                        return p.omitted("quote_not_quote");
                    }
                    if public && let Some(why) = note_left_out(iv, n) {
                        return p.omitted(why);
                    }
                    p.quote = Some(note_out(iv, n, &n.area, public, lang));
                }
            }
            p
        }
        BlockKind::Wheel { with_phase } => {
            let mut p = PieceOut::new("wheel", b);
            p.with_phase = *with_phase;
            if public && !r.wheel.placed {
                return p.omitted("not_placed");
            }
            p
        }
        BlockKind::Drawing { what } => {
            let mut p = PieceOut::new("drawing", b);
            p.drawing = match what {
                Drawing::Triangle => "triangle",
                Drawing::Wheel => "wheel",
            };
            if *what == Drawing::Wheel && !r.wheel.placed {
                return p.omitted("not_placed");
            }
            p
        }
    };
    if b.hidden {
        return p.omitted("hidden");
    }
    if public && !b.public {
        return p.omitted("not_public");
    }
    let empty = match p.kind {
        "paragraph" | "heading" => p.text.is_empty(),
        "labelled" => p.text.is_empty() && p.label.is_empty(),
        "list" | "drawn" => p.items.is_empty() && p.source != "region",
        _ => false,
    };
    if empty {
        // A list whose every item is left out still says so.
        let left_out = std::mem::take(&mut p.left_out);
        p = p.omitted("nothing");
        p.left_out = left_out;
    }
    p
}

/// The words key of a drawn list's default lead-in ("projects", "next_steps"; empty:
/// none) and how it is written: "label" (`word:`, a heading in HTML) or "sentence".
pub fn lead_word(source: &Source, method: &Method) -> (String, &'static str) {
    let (word, style) = match source {
        Source::FocusAreas => ("themes", "label"),
        Source::Triangle { word, .. } => return (word.clone().unwrap_or_default(), "label"),
        Source::Notes { area, kinds } => {
            let progress = method
                .areas
                .iter()
                .any(|a| a.id == *area && a.report.progress);
            let word = match kinds.as_slice() {
                [NoteKind::Succesfactor] => "factors",
                [NoteKind::Belemmering] => "obstacles",
                _ if progress => "results",
                _ => "from_interviews",
            };
            (word, "label")
        }
        Source::Intentions => ("next_steps", "sentence"),
        Source::FollowUp => ("progress_since", "sentence"),
        Source::Region | Source::Observation { .. } | Source::Activities => ("", "label"),
    };
    (word.to_string(), style)
}

/// The round the follow-up list looks back on: where the carried intentions come from,
/// else the round before the session's.
pub fn previous_round(session: &Session) -> u8 {
    session
        .intentions
        .iter()
        .find_map(|i| i.carried_from)
        .unwrap_or_else(|| session.intake.round.saturating_sub(1))
}

/// A drawn list's default lead-in as the Markdown report writes it ("Projecten en
/// activiteiten:"), from the report's wording; empty when it has none.
pub fn default_lead(source: &Source, method: &Method, lang: Lang) -> String {
    let (word, style) = lead_word(source, method);
    if word.is_empty() {
        return String::new();
    }
    let code = match lang {
        Lang::Nl => "nl",
        Lang::En => "en",
    };
    match super::render::word(code, &word) {
        Ok(w) if style == "label" => format!("{w}:"),
        Ok(w) => w,
        Err(_) => String::new(),
    }
}

fn drawn(
    b: &Block,
    source: &Source,
    lead: &Option<String>,
    numbered: bool,
    r: &Report,
    session: &Session,
    method: &Method,
) -> PieceOut {
    let mut p = PieceOut::new("drawn", b);
    p.lead = lead.as_ref().map(|l| l.trim().to_string());
    let (word, style) = lead_word(source, method);
    p.lead_word = word;
    p.lead_style = style;
    p.numbered = numbered;
    let text = |t: &str| ListItem {
        text: t.to_string(),
        ..ListItem::default()
    };
    match source {
        Source::Region => {
            p.source = "region";
            if r.region.is_empty() && r.partner_groups.is_empty() && r.ambition.is_none() {
                p.items.clear();
                return p.omitted("nothing");
            }
        }
        Source::Observation { area } => {
            p.source = "observation";
            p.items = session
                .intake
                .observations
                .get(area)
                .map_or("", |s| s)
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(text)
                .collect();
        }
        Source::FocusAreas => {
            p.source = "focus_areas";
            p.items = r.triangle.focus_areas.iter().map(|f| text(f)).collect();
        }
        Source::Triangle { place, .. } => {
            p.source = "triangle";
            p.items = r
                .triangle
                .by_place
                .get(place)
                .map(|pl| {
                    pl.items
                        .iter()
                        .map(|it| ListItem {
                            item: Some(it.clone()),
                            ..ListItem::default()
                        })
                        .collect()
                })
                .unwrap_or_default();
            if r.public {
                p.left_out = count_reasons(
                    session
                        .triangle
                        .items
                        .iter()
                        .filter(|it| {
                            it.place == *place && !it.public && !it.title.trim().is_empty()
                        })
                        .map(|_| "not_public"),
                );
            }
        }
        Source::Notes { area, kinds } => {
            p.source = "notes";
            let sec = r.sections.iter().find(|s| s.id == *area);
            if let Some(sec) = sec {
                for k in kinds {
                    let notes = match k {
                        NoteKind::Observatie => &sec.observations,
                        NoteKind::Succesfactor => &sec.factors,
                        NoteKind::Belemmering => &sec.obstacles,
                        NoteKind::Verbeteridee => &sec.ideas,
                        NoteKind::Citaat => &sec.quotes,
                    };
                    p.items.extend(notes.iter().map(|n| ListItem {
                        note: Some(n.clone()),
                        ..ListItem::default()
                    }));
                }
            }
            if r.public {
                p.left_out = count_reasons(session.interviews.iter().flat_map(|iv| {
                    iv.notes
                        .iter()
                        .filter(|n| {
                            n.area == *area && kinds.contains(&n.kind) && !n.text.trim().is_empty()
                        })
                        .filter_map(|n| note_left_out(iv, n))
                }));
            }
        }
        Source::Intentions => {
            p.source = "intentions";
            p.items = r
                .intentions
                .iter()
                .filter(|i| i.carried_from.is_none())
                .map(|i| ListItem {
                    intention: Some(i.clone()),
                    ..ListItem::default()
                })
                .collect();
            if r.public {
                p.left_out = count_reasons(
                    session
                        .intentions
                        .iter()
                        .filter(|i| {
                            i.carried_from.is_none() && !i.public && !i.text.trim().is_empty()
                        })
                        .map(|_| "not_public"),
                );
            }
        }
        Source::FollowUp => {
            p.source = "follow_up";
            // The default lead-in typed back or kept from the prefill: its round filled.
            if let Some(lead) = &mut p.lead
                && lead.contains("{n}")
            {
                *lead = lead.replace("{n}", &previous_round(session).to_string());
            }
            // The publieksversie tells only what became of them, not what is still to
            // be checked.
            p.items = r
                .intentions
                .iter()
                .filter(|i| i.carried_from.is_some() && (!r.public || i.status.is_some()))
                .map(|i| ListItem {
                    intention: Some(i.clone()),
                    ..ListItem::default()
                })
                .collect();
            if r.public {
                let open = r
                    .intentions
                    .iter()
                    .filter(|i| i.carried_from.is_some() && i.status.is_none())
                    .map(|_| "follow_up_open");
                let private = session
                    .intentions
                    .iter()
                    .filter(|i| i.carried_from.is_some() && !i.public && !i.text.trim().is_empty())
                    .map(|_| "not_public");
                p.left_out = count_reasons(private.chain(open));
            }
        }
        Source::Activities => {
            p.source = "activities";
            p.items = r
                .wheel
                .phases
                .iter()
                .flat_map(|ph| &ph.activities)
                .map(|a| ListItem {
                    activity: Some(a.clone()),
                    ..ListItem::default()
                })
                .collect();
        }
    }
    p
}
