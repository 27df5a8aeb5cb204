//! Samenvatting screen: a live preview of the report (intern or publiek), a checklist of
//! what the report still lacks with a jump to the screen that fixes it, and export.

use super::keys::{
    Binding, DOWN, KeyHelp, NEXT_FIELD, OPEN, PREV_FIELD, UP, ch, find, help_of, key,
};
use super::{Ctx, Effect, Outcome, Screen};
use crate::export::{self, Gap};
use crate::i18n::{Lang, Strings, fill};
use crate::method::Method;
use crate::model::Session;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::cell::{Cell, RefCell};
use std::path::PathBuf;
use std::rc::Rc;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Toggle,
    Up,
    Down,
    PageDown,
    Top,
    Bottom,
    NextGap,
    PrevGap,
    Jump,
    Export,
    Intentions,
}

pub static KEYS: &[Binding<Act>] = &[
    Binding::new(&[ch('p')], Act::Toggle, |t| t.summary.k_toggle).footer(),
    Binding::new(&[ch('e')], Act::Export, |t| t.summary.k_export).footer(),
    Binding::new(&[ch('i')], Act::Intentions, |t| t.summary.k_intentions),
    Binding::new(NEXT_FIELD, Act::NextGap, |t| t.summary.k_select),
    Binding::new(PREV_FIELD, Act::PrevGap, |t| t.summary.k_select_prev),
    Binding::new(OPEN, Act::Jump, |t| t.summary.k_jump).footer(),
    Binding::new(UP, Act::Up, |t| t.summary.k_scroll),
    Binding::new(DOWN, Act::Down, |t| t.summary.k_scroll),
    Binding::new(&[ch(' ')], Act::PageDown, |t| t.summary.k_page),
    Binding::new(&[key(KeyCode::Home)], Act::Top, |t| t.summary.k_top),
    Binding::new(&[key(KeyCode::End)], Act::Bottom, |t| t.summary.k_bottom),
];

/// The preview as built for one session generation, version and language.
struct Cached {
    generation: u64,
    public: bool,
    lang: Lang,
    show_names: bool,
    markdown: Rc<str>,
    gaps: Rc<[Gap]>,
    /// The publieksversie's: the session it was built from, as [`public_content`] reads
    /// it, so a change of the clock alone (F5, F6, F7) does not build it again.
    content: Option<Session>,
}

/// The session as the publieksversie and the checklist read it: without the agenda and
/// its clock (only the internal report has them) and the moment of the last change.
fn public_content(doc: &Session) -> Session {
    let mut d = doc.clone();
    d.agenda = Default::default();
    d.updated = d.created;
    d
}

#[derive(Default)]
pub struct State {
    pub public: bool,
    /// First preview row shown (wrapped rows).
    pub scroll: usize,
    /// The selected checklist item.
    pub selected: usize,
    /// Paths written by the last export, or why it failed.
    pub exported: Option<Result<Vec<PathBuf>, String>>,
    /// Set by drawing: rows of the preview area and the largest useful scroll, so keys
    /// page and stop at the end.
    pub page_rows: Cell<usize>,
    pub max_scroll: Cell<usize>,
    /// Set by drawing: the section at the top of the preview (its heading's number and
    /// text) and how many rows into it, so the room's window shows the same part of the
    /// publieksversie. In the room: the position to show.
    pub top: RefCell<Option<Section>>,
    /// The previews built, at most one per version (the facilitator's and the
    /// publieksversie the presenter view and the room show).
    cache: RefCell<Vec<Cached>>,
}

/// A place in the report: the `index`th heading (text `heading`), `rows` rows below it.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(default)]
pub struct Section {
    pub index: usize,
    pub heading: String,
    pub rows: usize,
    /// The facilitator reads the publieksversie (the rows then count the same lines).
    pub public: bool,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("summary::State")
            .field("public", &self.public)
            .field("scroll", &self.scroll)
            .finish()
    }
}

/// Where a gap is fixed.
pub fn gap_screen(gap: &Gap) -> Screen {
    match gap {
        Gap::NoPactName | Gap::NoRegionDescription => Screen::Intake,
        // A section is filled on the Rapport screen (its blocks say where each piece
        // comes from).
        Gap::EmptySection(_) | Gap::QuotesNotInReport(_) => Screen::Report,
        Gap::QuotesAwaitingApproval(_)
        | Gap::NotesWithConflict(_)
        | Gap::QuotesChangedAfterApproval(_)
        | Gap::AttributionIdentifies(_) => Screen::Interviews,
        Gap::NoPublicTriangleItems => Screen::Triangle,
        Gap::NoPhase
        | Gap::IntentionsWithoutOwner(_)
        | Gap::IntentionsWithInvalidDate(_)
        | Gap::NoIntentions => Screen::Wheel,
    }
}

/// A gap in words.
pub fn gap_text(gap: &Gap, t: &Strings) -> String {
    let s = t.summary;
    let count = |one: &str, many: &str, n: usize| {
        if n == 1 {
            one.to_string()
        } else {
            fill(many, &[&n.to_string()])
        }
    };
    match gap {
        Gap::NoPactName => s.no_pact_name.to_string(),
        Gap::NoRegionDescription => s.no_region.to_string(),
        Gap::EmptySection(name) => fill(s.empty_section, &[name]),
        Gap::QuotesAwaitingApproval(n) => count(s.quotes_waiting_one, s.quotes_waiting, *n),
        Gap::NotesWithConflict(n) => count(s.conflicts_one, s.conflicts, *n),
        Gap::QuotesChangedAfterApproval(n) => count(s.changed_one, s.changed, *n),
        Gap::AttributionIdentifies(n) => count(s.identifies_one, s.identifies, *n),
        Gap::QuotesNotInReport(n) => count(s.unused_quotes_one, s.unused_quotes, *n),
        Gap::NoPublicTriangleItems => s.no_public_triangle.to_string(),
        Gap::NoPhase => s.no_phase.to_string(),
        Gap::IntentionsWithoutOwner(n) => count(s.no_owner_one, s.no_owner, *n),
        Gap::IntentionsWithInvalidDate(n) => count(s.bad_date_one, s.bad_date, *n),
        Gap::NoIntentions => s.no_intentions.to_string(),
    }
}

impl State {
    pub fn new(_doc: &Session) -> Self {
        State::default()
    }

    /// The report preview (Markdown) and the checklist, rebuilt only when the session,
    /// the version or the language changed, not on every frame.
    pub fn preview(
        &self,
        view: &super::SessionView,
        method: &Method,
        lang: Lang,
        t: &Strings,
        show_names: bool,
    ) -> (Rc<str>, Rc<[Gap]>) {
        self.preview_of(self.public, view, method, lang, t, show_names)
    }

    /// The publieksversie whatever the facilitator reads (the presenter view and the
    /// room show only that): the same cache as [`State::preview`], so it is built once
    /// per change of the session, the language or the privacy switch, not per frame.
    pub fn public_preview(
        &self,
        view: &super::SessionView,
        method: &Method,
        lang: Lang,
        t: &Strings,
        show_names: bool,
    ) -> Rc<str> {
        self.preview_of(true, view, method, lang, t, show_names).0
    }

    fn preview_of(
        &self,
        public: bool,
        view: &super::SessionView,
        method: &Method,
        lang: Lang,
        t: &Strings,
        show_names: bool,
    ) -> (Rc<str>, Rc<[Gap]>) {
        let (doc, generation) = (&view.doc, view.generation);
        // An earlier round of the pact (found when the session opened) is compared in
        // the internal report.
        let earlier = view.wheel.earlier.as_ref().map(|e| (e.round, &e.wheel));
        let mut cache = self.cache.borrow_mut();
        // Anything built for another generation, language or privacy switch is stale
        // (and may hold names the switch now hides): gone before anything is used.
        cache.retain(|c| c.lang == lang && c.show_names == show_names);
        // Another generation: the publieksversie is kept when only the clock changed
        // (what the room sees while the remote's F5 starts it); anything else goes.
        if cache.iter().any(|c| c.generation != generation) {
            let content = public_content(doc);
            cache.retain_mut(|c| {
                if c.generation != generation && c.content.as_ref() == Some(&content) {
                    c.generation = generation;
                }
                c.generation == generation
            });
        }
        if let Some(c) = cache.iter().find(|c| c.public == public) {
            return (c.markdown.clone(), c.gaps.clone());
        }
        // The preview is projected: the privacy switch hides names here too (the
        // exported files are not affected). Interviewees are reported by role and
        // organisation instead; a name typed elsewhere (in a note) is blanked.
        let hidden;
        let shown = if show_names {
            doc
        } else {
            let mut copy = doc.clone();
            for iv in &mut copy.interviews {
                let iv = Arc::make_mut(iv);
                iv.interviewee = if super::interviews::source(iv).is_empty() {
                    t.interviews.hidden_name.to_string()
                } else {
                    String::new()
                };
            }
            // A partner's contact person is a name too.
            for p in &mut copy.intake.partners {
                if !p.contact.trim().is_empty() {
                    p.contact = t.interviews.hidden_name.to_string();
                }
            }
            hidden = copy;
            &hidden
        };
        let mut report = export::build(shown, method, lang, public);
        if let Some((round, wheel)) = earlier {
            export::add_earlier_round(&mut report, method, round, wheel);
        }
        let mut markdown = export::render_preview(&report)
            .unwrap_or_else(|e| fill(t.summary.render_failed, &[&e.to_string()]));
        if !show_names {
            markdown = super::compose::mask_names(&markdown, doc, t.interviews.hidden_name);
        }
        // The checklist does not depend on the version: shared with the other entry.
        let gaps = match cache.first() {
            Some(c) => c.gaps.clone(),
            None => export::gaps(doc, method).into(),
        };
        let c = Cached {
            generation,
            public,
            lang,
            show_names,
            markdown: markdown.into(),
            gaps,
            content: public.then(|| public_content(doc)),
        };
        let out = (c.markdown.clone(), c.gaps.clone());
        cache.push(c);
        out
    }

    /// After undo/redo: rebuilt from the restored session.
    pub fn rebuild(&mut self, doc: &Session, _before: &Session) {
        *self = State::new(doc);
    }

    /// Whether a text field has the keys (then `?` is typed and F1 opens help).
    pub fn typing(&self) -> bool {
        false
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        help_of(KEYS)
    }

    pub fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Some(act) = find(KEYS, &key) else {
            return Outcome::Ignored;
        };
        let max = self.max_scroll.get();
        match act {
            Act::Toggle => {
                self.public = !self.public;
                self.scroll = 0;
            }
            Act::Up => self.scroll = self.scroll.saturating_sub(1).min(max),
            Act::Down => self.scroll = (self.scroll + 1).min(max),
            Act::PageDown => {
                let page = self.page_rows.get().saturating_sub(1).max(1);
                self.scroll = (self.scroll + page).min(max);
            }
            Act::Top => self.scroll = 0,
            Act::Bottom => self.scroll = max,
            Act::NextGap | Act::PrevGap | Act::Jump => {
                let gaps = export::gaps(doc, ctx.method);
                if gaps.is_empty() {
                    return Outcome::Handled;
                }
                let n = gaps.len();
                self.selected = self.selected.min(n - 1);
                match act {
                    Act::NextGap => self.selected = (self.selected + 1) % n,
                    Act::PrevGap => self.selected = (self.selected + n - 1) % n,
                    _ => {
                        let gap = &gaps[self.selected];
                        // Intentions are fixed in their own list, not on the wheel itself.
                        return Outcome::Effect(match gap {
                            Gap::IntentionsWithoutOwner(_)
                            | Gap::IntentionsWithInvalidDate(_)
                            | Gap::NoIntentions => Effect::GoToIntentions,
                            Gap::EmptySection(name) => Effect::GoToReportSection(
                                ctx.method
                                    .areas
                                    .iter()
                                    .position(|a| a.name == *name)
                                    .map_or(0, |i| i + 1),
                            ),
                            _ => Effect::GoTo(gap_screen(gap)),
                        });
                    }
                }
            }
            Act::Export => return Outcome::Effect(Effect::Export),
            Act::Intentions => return Outcome::Effect(Effect::GoToIntentions),
        }
        Outcome::Handled
    }

    pub fn paste(&mut self, _doc: &mut Session, _text: &str, _ctx: &Ctx) -> Outcome {
        Outcome::Ignored
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::SessionView;
    use std::time::Instant;
    use time::macros::datetime;

    #[test]
    fn the_publieksversie_is_kept_through_the_clock_and_built_again_after_an_edit() {
        let (doc, _) = crate::store::parse_session(crate::tui::EXAMPLE).unwrap();
        let mut view = SessionView::new(doc, "v.volgspot.json".into());
        let (lang, t) = (Lang::Nl, Lang::Nl.strings());
        let method = Method::builtin(lang);
        let now = datetime!(2026-11-26 14:05:00 +1);
        let public = |v: &SessionView, names| v.summary.public_preview(v, &method, lang, t, names);
        let first = public(&view, false);
        assert!(
            Rc::ptr_eq(&first, &public(&view, false)),
            "reused per frame"
        );
        // F5: only the clock changed; the room's text is the same one.
        crate::model::agenda::start_or_pause(&mut view.doc.agenda, now);
        view.changed_at(now, Instant::now());
        assert!(Rc::ptr_eq(&first, &public(&view, false)));
        // The internal version has the agenda's minutes: never kept across a change.
        let internal = view.summary.preview(&view, &method, lang, t, false).0;
        crate::model::agenda::start_or_pause(&mut view.doc.agenda, now);
        view.changed_at(now, Instant::now());
        assert!(!Rc::ptr_eq(
            &internal,
            &view.summary.preview(&view, &method, lang, t, false).0
        ));
        // F8 on and off: another text each time, and without names again after.
        let named = public(&view, true);
        assert!(named.contains("Marieke de Vries"));
        let again = public(&view, false);
        assert!(!again.contains("Marieke"));
        // An edit: the new words.
        view.doc.intake.pact_name.push_str(" Xylofoon");
        view.changed_at(now, Instant::now());
        assert!(public(&view, false).contains("Xylofoon"));
    }
}
