//! Rapport screen: the report composer. Per report section (the region, then the
//! method's attention areas) the report is an ordered list of blocks the facilitator
//! adds, edits, moves, hides and deletes; a preview shows the publieksversie exactly as
//! exported, with what it leaves out marked and why.
//!
//! A session that was never composed shows the first draft (generated from the session,
//! as the fixed report was); the first change here stores it in the session, so from
//! then on the report is the facilitator's. Every change is one step of the app-wide
//! undo, named by the label of the key that made it ("Ongedaan: blok verplaatst").

use super::field::{Field, FieldInput};
use super::keys::{
    ADD, Binding, CLOSE, DELETE, DOWN, KeyHelp, MOVE_DOWN, MOVE_UP, NEXT_FIELD, OPEN, PREV_FIELD,
    PUBLIC, UP, ch, find, help_of, key,
};
use super::{Ctx, Outcome};
use crate::export::compose::first_draft;
use crate::i18n::{Lang, Strings, fill};
use crate::method::Method;
use crate::model::compose::{
    Block, BlockKind, ComposedSection, Composition, Drawing, REGION, Source,
};
use crate::model::{Id, NoteKind, Session};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::borrow::Cow;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    NextSection,
    PrevSection,
    Add,
    Edit,
    MoveUp,
    MoveDown,
    Hide,
    Public,
    Delete,
    Numbered,
    Question,
    Version,
    Scroll,
    ScrollBack,
    Top,
    Bottom,
    Export,
}

/// The list of blocks.
pub static KEYS: &[Binding<Act>] = &[
    Binding::new(ADD, Act::Add, |t| t.compose.k_add).footer_as(|t| t.compose.f_add),
    Binding::new(OPEN, Act::Edit, |t| t.compose.k_edit).footer_as(|t| t.compose.f_edit),
    // Section and export before the rest: the footer at 80 columns shows them.
    Binding::new(NEXT_FIELD, Act::NextSection, |t| t.compose.k_section)
        .footer_as(|t| t.compose.f_section),
    Binding::new(&[ch('e')], Act::Export, |t| t.summary.k_export).footer_as(|t| t.compose.f_export),
    Binding::new(MOVE_UP, Act::MoveUp, |t| t.compose.k_move).footer_as(|t| t.compose.f_move),
    Binding::new(MOVE_DOWN, Act::MoveDown, |t| t.compose.k_move),
    Binding::new(DELETE, Act::Delete, |t| t.compose.k_delete).footer_as(|t| t.compose.f_delete),
    Binding::new(&[ch('h')], Act::Hide, |t| t.compose.k_hide).footer_as(|t| t.compose.f_hide),
    Binding::new(PUBLIC, Act::Public, |t| t.compose.k_public).footer_as(|t| t.compose.f_public),
    Binding::new(&[ch('v')], Act::Version, |t| t.compose.k_version)
        .footer_as(|t| t.compose.f_version),
    Binding::new(PREV_FIELD, Act::PrevSection, |t| t.compose.k_section_prev),
    Binding::new(UP, Act::Up, |t| t.compose.k_select),
    Binding::new(DOWN, Act::Down, |t| t.compose.k_select),
    Binding::new(&[ch('k')], Act::Question, |t| t.compose.k_question)
        .footer_as(|t| t.compose.f_question),
    Binding::new(&[ch('n')], Act::Numbered, |t| t.compose.k_numbered),
    Binding::new(&[ch(' ')], Act::Scroll, |t| t.compose.k_scroll),
    Binding::new(&[key(KeyCode::Backspace)], Act::ScrollBack, |t| {
        t.compose.k_scroll_back
    }),
    Binding::new(&[key(KeyCode::Home)], Act::Top, |t| t.summary.k_top),
    Binding::new(&[key(KeyCode::End)], Act::Bottom, |t| t.compose.k_bottom),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pick {
    Up,
    Down,
    First,
    Last,
    Choose,
    Cancel,
    /// The add menu's numbers (1.–0.): that kind at once.
    Number(usize),
}

/// A choice list (block kind, source, quote).
pub static PICK_KEYS: &[Binding<Pick>] = &[
    Binding::new(OPEN, Pick::Choose, |t| t.compose.k_pick).footer(),
    Binding::new(CLOSE, Pick::Cancel, |t| t.compose.k_cancel).footer(),
    Binding::new(UP, Pick::Up, |t| t.compose.k_choose),
    Binding::new(DOWN, Pick::Down, |t| t.compose.k_choose),
    Binding::new(&[key(KeyCode::Home)], Pick::First, |t| {
        t.compose.k_first_last
    }),
    Binding::new(&[key(KeyCode::End)], Pick::Last, |t| t.compose.k_first_last),
];

/// The add menu: a choice list whose rows are numbered 1.–0., the numbers choose.
pub static KIND_KEYS: &[Binding<Pick>] = &[
    Binding::new(OPEN, Pick::Choose, |t| t.compose.k_pick).footer(),
    Binding::new(CLOSE, Pick::Cancel, |t| t.compose.k_cancel).footer(),
    Binding::new(UP, Pick::Up, |t| t.compose.k_choose),
    Binding::new(DOWN, Pick::Down, |t| t.compose.k_choose),
    Binding::new(&[key(KeyCode::Home)], Pick::First, |t| {
        t.compose.k_first_last
    }),
    Binding::new(&[key(KeyCode::End)], Pick::Last, |t| t.compose.k_first_last),
    Binding::new(&[ch('1')], Pick::Number(0), |t| t.compose.k_number),
    Binding::new(&[ch('2')], Pick::Number(1), |t| t.compose.k_number),
    Binding::new(&[ch('3')], Pick::Number(2), |t| t.compose.k_number),
    Binding::new(&[ch('4')], Pick::Number(3), |t| t.compose.k_number),
    Binding::new(&[ch('5')], Pick::Number(4), |t| t.compose.k_number),
    Binding::new(&[ch('6')], Pick::Number(5), |t| t.compose.k_number),
    Binding::new(&[ch('7')], Pick::Number(6), |t| t.compose.k_number),
    Binding::new(&[ch('8')], Pick::Number(7), |t| t.compose.k_number),
    Binding::new(&[ch('9')], Pick::Number(8), |t| t.compose.k_number),
    Binding::new(&[ch('0')], Pick::Number(9), |t| t.compose.k_number),
];

/// The kinds the add menu offers, in the order of `Strings::compose.kinds`.
pub const KIND_COUNT: usize = 10;

/// What the screen is doing.
#[derive(Debug, Clone, Default)]
pub enum Mode {
    #[default]
    List,
    /// Choosing the kind of a new block.
    Kind { sel: usize },
    /// Choosing where a drawn list comes from.
    Source { sel: usize, options: Vec<Source> },
    /// Choosing a quote; `replace`: for the selected quote block, not a new one.
    Quote {
        sel: usize,
        notes: Vec<Id>,
        replace: bool,
    },
    /// Typing: the label or lead (one line) and the text (a text box).
    Edit(Box<Edit>),
}

#[derive(Debug, Clone)]
pub struct Edit {
    pub label: Option<Field>,
    pub text: Option<Field>,
    /// The label field has the keys (else the text).
    pub on_label: bool,
    /// Editing the section's question, not a block.
    pub question: bool,
    /// A drawn list's default lead-in, prefilled: stored unchanged, the block keeps
    /// following the report's wording.
    pub default_lead: Option<String>,
    /// A block being added: put into the session when what was typed is stored, not
    /// before, so a block cancelled (or left empty) leaves nothing behind, not even an
    /// undo step.
    pub added: Option<BlockKind>,
    /// The block was added by this editor (it reached the session with the first
    /// character typed): emptied again and closed, it goes again.
    pub inserted: bool,
}

/// The preview as built for one generation, version, language and privacy switch.
type Preview = (u64, bool, Lang, bool, Rc<str>);

#[derive(Default)]
pub struct State {
    /// 0: the region; then the method's areas.
    pub section: usize,
    pub selected: usize,
    pub mode: Mode,
    /// The preview shows the internal version (else the publieksversie).
    pub internal: bool,
    /// First preview row shown, from the selected section's heading.
    pub scroll: usize,
    pub page_rows: Cell<usize>,
    /// Set by drawing: the largest useful scroll of the preview.
    pub max_scroll: Cell<usize>,
    cache: RefCell<Option<Preview>>,
    /// What the last change did, to which block, in which section ("alinea verplaatst
    /// in HET PROCES"): the undo step's name.
    step: Option<String>,
    /// E was pressed: what the export wrote (or why not) shows in full, in a popup,
    /// until the next key.
    pub export_shown: bool,
}

impl std::fmt::Debug for State {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("compose::State")
            .field("section", &self.section)
            .field("selected", &self.selected)
            .field("mode", &self.mode)
            .finish()
    }
}

/// The report's sections: the region, then the method's attention areas.
pub fn areas(method: &Method) -> Vec<String> {
    std::iter::once(REGION.to_string())
        .chain(method.areas.iter().map(|a| a.id.clone()))
        .collect()
}

/// The composition shown: the session's, else the first draft.
pub fn composition<'a>(doc: &'a Session, method: &Method) -> Cow<'a, Composition> {
    crate::export::compose::composition(doc, method)
}

/// The section of `area` as shown: the composition's; an area the composition has no
/// section for (added to the method after composing) shows its first-draft section.
pub fn section(comp: &Composition, area: &str) -> ComposedSection {
    comp.section(area)
        .cloned()
        .unwrap_or_else(|| ComposedSection {
            area: area.to_string(),
            ..ComposedSection::default()
        })
}

/// [`section`], with the first draft's section of `area` when the composition lacks it.
pub fn section_of(doc: &Session, method: &Method, area: &str) -> ComposedSection {
    let comp = composition(doc, method);
    match comp.section(area) {
        Some(s) => s.clone(),
        None => section(&first_draft(doc, method), area),
    }
}

/// The composition as shown, every section of the method present (a missing one from
/// the first draft).
fn full_composition(doc: &Session, method: &Method) -> Composition {
    let mut comp = composition(doc, method).into_owned();
    if areas(method).iter().any(|a| comp.section(a).is_none()) {
        let draft = first_draft(doc, method);
        for s in draft.sections {
            if comp.section(&s.area).is_none() {
                comp.sections.push(s);
            }
        }
    }
    comp
}

/// Applies `f` to a copy of the composition shown and stores it in the session only
/// when something really changed: a key that changes nothing leaves a session on its
/// first draft (which keeps following the session) and makes no undo step.
fn change<R>(
    doc: &mut Session,
    method: &Method,
    f: impl FnOnce(&mut Composition) -> R,
) -> (bool, R) {
    let before = full_composition(doc, method);
    let mut after = before.clone();
    let r = f(&mut after);
    // A section only looked up (pushed empty by `section_mut`) is no change.
    after.sections.retain(|s| {
        before.section(&s.area).is_some() || !s.blocks.is_empty() || s.question.is_some()
    });
    let changed = after != before;
    if changed {
        doc.composition = Some(after);
    }
    (changed, r)
}

fn outcome(changed: bool) -> Outcome {
    if changed {
        Outcome::Changed
    } else {
        Outcome::Handled
    }
}

/// The sources a drawn list in section `area` can come from.
pub fn sources(method: &Method, area: &str) -> Vec<Source> {
    let mut out = Vec::new();
    if area == REGION {
        out.push(Source::Region);
    } else {
        out.push(Source::Observation {
            area: area.to_string(),
        });
    }
    for c in &method.triangle.corners {
        out.push(Source::Triangle {
            place: c.id.clone(),
            word: None,
        });
    }
    for q in &method.triangle.questions {
        out.push(Source::Triangle {
            place: q.id.clone(),
            word: None,
        });
    }
    out.push(Source::FocusAreas);
    if area != REGION {
        for kinds in [
            vec![NoteKind::Observatie, NoteKind::Verbeteridee],
            vec![NoteKind::Succesfactor],
            vec![NoteKind::Belemmering],
        ] {
            out.push(Source::Notes {
                area: area.to_string(),
                kinds,
            });
        }
    }
    out.push(Source::Intentions);
    out.push(Source::FollowUp);
    out.push(Source::Activities);
    out
}

/// Where a drawn block's items come from, in words ("Analyse-driehoek › Projecten").
pub fn source_label(source: &Source, method: &Method, t: &Strings) -> String {
    let c = t.compose;
    let area_name = |id: &str| {
        method
            .areas
            .iter()
            .find(|a| a.id == id)
            .map_or(id.to_string(), |a| a.name.clone())
    };
    match source {
        Source::Region => c.src_region.to_string(),
        Source::Observation { area } => fill(c.src_observation, &[&area_name(area)]),
        Source::FocusAreas => c.src_focus.to_string(),
        Source::Triangle { place, .. } => {
            let name = method
                .triangle
                .corners
                .iter()
                .find(|k| k.id == *place)
                .map(|k| k.name.clone())
                .or_else(|| {
                    method
                        .triangle
                        .questions
                        .iter()
                        .find(|q| q.id == *place)
                        .map(|q| q.text.clone())
                })
                .unwrap_or_else(|| place.clone());
            fill(c.src_triangle, &[&name])
        }
        Source::Notes { area, kinds } => {
            let kinds: Vec<&str> = kinds.iter().map(|k| t.interviews.note_kind(*k)).collect();
            fill(c.src_notes, &[&area_name(area), &kinds.join(" + ")])
        }
        Source::Intentions => c.src_intentions.to_string(),
        Source::FollowUp => c.src_follow_up.to_string(),
        Source::Activities => c.src_activities.to_string(),
    }
}

/// The quotes a quote block can name: every note of kind citaat, in interview order.
pub fn quote_notes(doc: &Session) -> Vec<Id> {
    doc.interviews
        .iter()
        .flat_map(|iv| iv.notes.iter())
        .filter(|n| n.kind == NoteKind::Citaat && !n.text.trim().is_empty())
        .map(|n| n.id.clone())
        .collect()
}

impl State {
    /// After undo/redo: where the user was stays, clamped; what was open closes.
    pub fn rebuild(&mut self, _doc: &Session) {
        self.mode = Mode::List;
        *self.cache.borrow_mut() = None;
    }

    pub fn typing(&self) -> bool {
        matches!(self.mode, Mode::Edit(_))
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        match &self.mode {
            Mode::List => help_of(KEYS),
            Mode::Kind { .. } => help_of(KIND_KEYS),
            Mode::Source { .. } | Mode::Quote { .. } => help_of(PICK_KEYS),
            Mode::Edit(e) => e.field().map(Field::help).unwrap_or_default(),
        }
    }

    /// The area id of the selected section.
    pub fn area(&self, method: &Method) -> String {
        let all = areas(method);
        all[self.section.min(all.len() - 1)].clone()
    }

    pub fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        if matches!(self.mode, Mode::List) {
            self.step = None;
        }
        match &mut self.mode {
            Mode::List => match find(KEYS, &key) {
                Some(act) => self.act(doc, act, ctx),
                None => Outcome::Ignored,
            },
            Mode::Edit(_) => self.edit_key(doc, key, ctx),
            Mode::Kind { .. } => match find(KIND_KEYS, &key) {
                Some(p) => self.pick(doc, p, ctx),
                None => Outcome::Handled,
            },
            _ => match find(PICK_KEYS, &key) {
                Some(p) => self.pick(doc, p, ctx),
                None => Outcome::Handled,
            },
        }
    }

    pub fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome {
        // Lines pasted into a typed list's items lose their bullets and numbers ("1. ",
        // "- ", "•"): the list writes its own.
        let into_items = match &self.mode {
            Mode::Edit(e) if !e.on_label && !e.question => {
                let area = self.area(ctx.method);
                let kind = e.added.clone().or_else(|| {
                    section_of(doc, ctx.method, &area)
                        .blocks
                        .get(self.selected)
                        .map(|b| b.kind.clone())
                });
                matches!(kind, Some(BlockKind::List { .. }))
            }
            _ => false,
        };
        if let Mode::Edit(e) = &mut self.mode
            && let Some(f) = e.field_mut()
        {
            if into_items {
                let lines: Vec<&str> = text.lines().map(strip_list_marker).collect();
                f.paste(&lines.join("\n"));
            } else {
                f.paste(text);
            }
            return self.sync(doc, ctx);
        }
        Outcome::Ignored
    }

    /// What the undo step the last key made is called, when this screen knows better
    /// than the key's label.
    pub fn step_name(&self) -> Option<String> {
        self.step.clone()
    }

    /// The section's name in an undo message: the area's name, or "de regio".
    fn section_name(&self, ctx: &Ctx) -> String {
        let area = self.area(ctx.method);
        ctx.method
            .areas
            .iter()
            .find(|a| a.id == area)
            .map_or_else(|| ctx.t.compose.undo_region.to_string(), |a| a.name.clone())
    }

    /// `template` ("{} verplaatst in {}") with the block's word and the section's name.
    fn step_text(&self, template: &str, kind: &BlockKind, ctx: &Ctx) -> String {
        let words = &ctx.t.compose.block_words;
        let word = match kind {
            BlockKind::Paragraph { .. } => words[0],
            BlockKind::Labelled { .. } => words[1],
            BlockKind::Heading { .. } => words[2],
            BlockKind::List { .. } => words[3],
            BlockKind::Drawn { .. } => words[4],
            BlockKind::Quote { .. } => words[5],
            BlockKind::Wheel { .. } => words[6],
            BlockKind::Drawing { .. } => words[7],
        };
        fill(template, &[word, &self.section_name(ctx)])
    }

    /// One key of the block list.
    pub fn act(&mut self, doc: &mut Session, act: Act, ctx: &Ctx) -> Outcome {
        let method = ctx.method;
        let area = self.area(method);
        let n = section_of(doc, method, &area).blocks.len();
        self.selected = self.selected.min(n.saturating_sub(1));
        let sections = areas(method).len();
        let c = ctx.t.compose;
        let block = section_of(doc, method, &area)
            .blocks
            .get(self.selected)
            .cloned();
        if let Some(b) = &block {
            let numbered = matches!(
                b.kind,
                BlockKind::List { numbered: true, .. } | BlockKind::Drawn { numbered: true, .. }
            );
            let template = match act {
                Act::MoveUp | Act::MoveDown => Some(c.undo_moved),
                Act::Hide if b.hidden => Some(c.undo_shown),
                Act::Hide => Some(c.undo_hidden),
                Act::Public if b.public => Some(c.undo_not_public),
                Act::Public => Some(c.undo_public),
                Act::Numbered if numbered => Some(c.undo_unnumbered),
                Act::Numbered => Some(c.undo_numbered),
                Act::Delete => Some(c.undo_deleted),
                Act::Edit => Some(match b.kind {
                    BlockKind::Quote { .. }
                    | BlockKind::Wheel { .. }
                    | BlockKind::Drawing { .. } => c.undo_changed,
                    _ => c.undo_edited,
                }),
                _ => None,
            };
            self.step = template.map(|t| self.step_text(t, &b.kind, ctx));
        }
        if act == Act::Question {
            self.step = Some(fill(c.undo_question, &[&self.section_name(ctx)]));
        }
        match act {
            Act::Up => self.selected = self.selected.saturating_sub(1),
            Act::Down => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Act::NextSection | Act::PrevSection => {
                self.section = if act == Act::NextSection {
                    (self.section + 1) % sections
                } else {
                    (self.section + sections - 1) % sections
                };
                self.selected = 0;
                self.scroll = 0;
            }
            Act::Version => {
                self.internal = !self.internal;
                self.scroll = 0;
            }
            Act::Scroll => {
                let page = self.page_rows.get().saturating_sub(1).max(1);
                self.scroll = (self.scroll + page).min(self.max_scroll.get());
            }
            Act::ScrollBack => {
                let page = self.page_rows.get().saturating_sub(1).max(1);
                self.scroll = self.scroll.saturating_sub(page);
            }
            Act::Top => self.scroll = 0,
            Act::Bottom => self.scroll = self.max_scroll.get(),
            Act::Export => {
                self.export_shown = true;
                return Outcome::Effect(super::Effect::Export);
            }
            Act::Add => self.mode = Mode::Kind { sel: 0 },
            Act::Question => {
                let q = section_of(doc, method, &area).question.unwrap_or_else(|| {
                    method
                        .areas
                        .iter()
                        .find(|a| a.id == area)
                        .map(|a| a.question.clone())
                        .unwrap_or_default()
                });
                self.mode = Mode::Edit(Box::new(Edit {
                    label: Some(Field::new(&q, false)),
                    text: None,
                    on_label: true,
                    question: true,
                    default_lead: None,
                    added: None,
                    inserted: false,
                }));
            }
            Act::Edit => {
                let Some(b) = section_of(doc, method, &area)
                    .blocks
                    .get(self.selected)
                    .cloned()
                else {
                    return Outcome::Handled;
                };
                match &b.kind {
                    BlockKind::Quote { .. } => {
                        self.mode = Mode::Quote {
                            sel: 0,
                            notes: quote_notes(doc),
                            replace: true,
                        };
                    }
                    BlockKind::Wheel { .. } | BlockKind::Drawing { .. } => {
                        let i = self.selected;
                        let (changed, ()) = change(doc, method, |c| {
                            let Some(blk) = c.section_mut(&area).blocks.get_mut(i) else {
                                return;
                            };
                            match &mut blk.kind {
                                BlockKind::Wheel { with_phase } => *with_phase = !*with_phase,
                                BlockKind::Drawing { what } => {
                                    *what = match what {
                                        Drawing::Triangle => Drawing::Wheel,
                                        Drawing::Wheel => Drawing::Triangle,
                                    }
                                }
                                _ => {}
                            }
                        });
                        return outcome(changed);
                    }
                    kind => self.mode = Mode::Edit(Box::new(Edit::of(kind, doc, method, ctx.t))),
                }
            }
            Act::MoveUp | Act::MoveDown => {
                if n < 2 {
                    return Outcome::Handled;
                }
                let i = self.selected;
                let up = act == Act::MoveUp;
                let (changed, j) = change(doc, method, |c| c.section_mut(&area).move_block(i, up));
                if let Some(j) = j {
                    self.selected = j;
                }
                return outcome(changed);
            }
            Act::Hide | Act::Public | Act::Numbered | Act::Delete => {
                if n == 0 {
                    return Outcome::Handled;
                }
                let i = self.selected;
                let (changed, left) = change(doc, method, |c| {
                    let sec = c.section_mut(&area);
                    if let Some(b) = sec.blocks.get_mut(i) {
                        match act {
                            Act::Hide => b.hidden = !b.hidden,
                            Act::Public => b.public = !b.public,
                            Act::Numbered => match &mut b.kind {
                                BlockKind::List { numbered, .. }
                                | BlockKind::Drawn { numbered, .. } => *numbered = !*numbered,
                                _ => {}
                            },
                            _ => {
                                sec.blocks.remove(i);
                            }
                        }
                    }
                    sec.blocks.len()
                });
                self.selected = i.min(left.saturating_sub(1));
                return outcome(changed);
            }
        }
        Outcome::Handled
    }

    /// Inserts `block` after the selected one (first in an empty section) and selects it.
    fn insert(&mut self, doc: &mut Session, method: &Method, block: Block) {
        let area = self.area(method);
        let selected = self.selected;
        let (_, at) = change(doc, method, |c| {
            let sec = c.section_mut(&area);
            let at = if sec.blocks.is_empty() {
                0
            } else {
                (selected + 1).min(sec.blocks.len())
            };
            sec.blocks.insert(at, block);
            at
        });
        self.selected = at;
    }

    fn pick(&mut self, doc: &mut Session, p: Pick, ctx: &Ctx) -> Outcome {
        let method = ctx.method;
        let count = match &self.mode {
            Mode::Kind { .. } => KIND_COUNT,
            Mode::Source { options, .. } => options.len(),
            Mode::Quote { notes, .. } => notes.len(),
            _ => 0,
        };
        let sel = match &mut self.mode {
            Mode::Kind { sel } | Mode::Source { sel, .. } | Mode::Quote { sel, .. } => sel,
            _ => return Outcome::Ignored,
        };
        match p {
            Pick::Up => *sel = sel.saturating_sub(1),
            Pick::Down => *sel = (*sel + 1).min(count.saturating_sub(1)),
            Pick::First => *sel = 0,
            Pick::Last => *sel = count.saturating_sub(1),
            Pick::Number(n) if n < count => {
                *sel = n;
                return self.pick(doc, Pick::Choose, ctx);
            }
            Pick::Number(_) => {}
            Pick::Cancel => self.mode = Mode::List,
            Pick::Choose => {
                let sel = *sel;
                let mode = std::mem::take(&mut self.mode);
                match mode {
                    Mode::Kind { .. } => return self.add_kind(doc, sel, ctx),
                    Mode::Source { options, .. } => {
                        let Some(source) = options.get(sel).cloned() else {
                            return Outcome::Handled;
                        };
                        let kind = BlockKind::Drawn {
                            source,
                            lead: None,
                            numbered: false,
                        };
                        self.step = Some(self.step_text(ctx.t.compose.undo_added, &kind, ctx));
                        self.insert(doc, method, Block::new(kind));
                        return Outcome::Changed;
                    }
                    Mode::Quote { notes, replace, .. } => {
                        let Some(note) = notes.get(sel).cloned() else {
                            return Outcome::Handled;
                        };
                        if replace {
                            let area = self.area(method);
                            let i = self.selected;
                            let (changed, ()) = change(doc, method, |c| {
                                if let Some(b) = c.section_mut(&area).blocks.get_mut(i) {
                                    b.kind = BlockKind::Quote { note };
                                }
                            });
                            return outcome(changed);
                        } else {
                            let kind = BlockKind::Quote { note };
                            self.step = Some(self.step_text(ctx.t.compose.undo_added, &kind, ctx));
                            self.insert(doc, method, Block::new(kind));
                        }
                        return Outcome::Changed;
                    }
                    _ => {}
                }
            }
        }
        Outcome::Handled
    }

    /// Adds a block of kind `k` (the add menu's index); text blocks open for typing.
    fn add_kind(&mut self, doc: &mut Session, k: usize, ctx: &Ctx) -> Outcome {
        let method = ctx.method;
        let text = String::new;
        let kind = match k {
            0 => BlockKind::Paragraph { text: text() },
            1 => BlockKind::Labelled {
                label: text(),
                text: text(),
            },
            2 => BlockKind::Heading { text: text() },
            3 | 4 => BlockKind::List {
                lead: text(),
                items: Vec::new(),
                numbered: k == 4,
            },
            5 => {
                self.mode = Mode::Source {
                    sel: 0,
                    options: sources(method, &self.area(method)),
                };
                return Outcome::Handled;
            }
            6 => {
                self.mode = Mode::Quote {
                    sel: 0,
                    notes: quote_notes(doc),
                    replace: false,
                };
                return Outcome::Handled;
            }
            7 => BlockKind::Wheel { with_phase: true },
            8 => BlockKind::Drawing {
                what: Drawing::Triangle,
            },
            _ => BlockKind::Drawing {
                what: Drawing::Wheel,
            },
        };
        self.step = Some(self.step_text(ctx.t.compose.undo_added, &kind, ctx));
        if kind.has_text() {
            let mut e = Edit::of(&kind, doc, method, ctx.t);
            e.added = Some(kind);
            self.mode = Mode::Edit(Box::new(e));
            return Outcome::Handled;
        }
        self.insert(doc, method, Block::new(kind));
        Outcome::Changed
    }

    fn edit_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Mode::Edit(e) = &mut self.mode else {
            return Outcome::Ignored;
        };
        let Some(f) = e.field_mut() else {
            self.mode = Mode::List;
            return Outcome::Handled;
        };
        match f.input(key) {
            // What is typed reaches the session as it is typed (as in every other
            // screen's fields): autosave keeps it, Ctrl-Q and a crash lose nothing.
            FieldInput::Changed => self.sync(doc, ctx),
            FieldInput::Moved => Outcome::Handled,
            // Esc in a one-line field (label, lead-in, question) stores what was typed,
            // as Esc does in the text box and as the footer says ("klaar met typen"):
            // nothing typed is ever thrown away by a key that does not say so. A block
            // just added and left empty still goes again (in `store`).
            FieldInput::Cancel => {
                let e = match std::mem::take(&mut self.mode) {
                    Mode::Edit(e) => e,
                    _ => return Outcome::Handled,
                };
                self.store(doc, *e, ctx)
            }
            FieldInput::Done => {
                if e.on_label && e.text.is_some() {
                    e.on_label = false;
                    return Outcome::Handled;
                }
                let e = match std::mem::take(&mut self.mode) {
                    Mode::Edit(e) => e,
                    _ => return Outcome::Handled,
                };
                self.store(doc, *e, ctx)
            }
        }
    }

    /// The open editor's text into the session, the editor staying open.
    fn sync(&mut self, doc: &mut Session, ctx: &Ctx) -> Outcome {
        let Mode::Edit(mut e) = std::mem::take(&mut self.mode) else {
            return Outcome::Handled;
        };
        let changed = self.write(doc, &mut e, ctx);
        self.mode = Mode::Edit(e);
        outcome(changed)
    }

    /// Closes the editor, what was typed stored: a block added and left empty goes
    /// again.
    fn store(&mut self, doc: &mut Session, mut e: Edit, ctx: &Ctx) -> Outcome {
        let changed = self.write(doc, &mut e, ctx);
        if e.inserted {
            let area = self.area(ctx.method);
            let i = self.selected;
            let empty = section_of(doc, ctx.method, &area)
                .blocks
                .get(i)
                .is_some_and(|b| {
                    b.kind.text().trim().is_empty()
                        && b.kind.label().is_none_or(|l| l.trim().is_empty())
                });
            if empty {
                change(doc, ctx.method, |c| {
                    let blocks = &mut c.section_mut(&area).blocks;
                    if i < blocks.len() {
                        blocks.remove(i);
                    }
                });
                self.selected = i.saturating_sub(1);
                return Outcome::Changed;
            }
        }
        outcome(changed)
    }

    /// An open editor (Ctrl-Q, …): what it holds is stored and it closes.
    pub fn commit_open(&mut self, doc: &mut Session, ctx: &Ctx) -> Outcome {
        match std::mem::take(&mut self.mode) {
            Mode::Edit(e) => self.store(doc, *e, ctx),
            other => {
                self.mode = other;
                Outcome::Handled
            }
        }
    }

    /// Writes what the editor holds into the session; whether that changed it.
    fn write(&mut self, doc: &mut Session, e: &mut Edit, ctx: &Ctx) -> bool {
        let method = ctx.method;
        let area = self.area(method);
        let label = e.label.as_ref().map(Field::text);
        if e.question {
            let q = label.unwrap_or_default();
            let generic = method
                .areas
                .iter()
                .find(|a| a.id == area)
                .map(|a| a.question.clone())
                .unwrap_or_default();
            // The method's question typed back: the generic one again; cleared: no
            // question line at all.
            let q = (q.trim() != generic.trim()).then(|| q.trim().to_string());
            let (changed, ()) = change(doc, method, |c| c.section_mut(&area).question = q);
            return changed;
        }
        let text = e.text.as_ref().map(Field::text).unwrap_or_default();
        // The default lead-in left as it was: still the default.
        let label = label.filter(|l| e.default_lead.as_deref().map(str::trim) != Some(l.trim()));
        // A block being added: into the session now, unless nothing was typed.
        if let Some(kind) = &e.added {
            let mut kind = kind.clone();
            kind.set_text(&text, label.as_deref());
            if kind.text().trim().is_empty() && kind.label().is_none_or(|l| l.trim().is_empty()) {
                return false;
            }
            self.insert(doc, method, Block::new(kind));
            e.added = None;
            e.inserted = true;
            return true;
        }
        let i = self.selected;
        let before = section_of(doc, method, &area).blocks.get(i).cloned();
        let Some(before) = before else {
            return false;
        };
        let mut kind = before.kind.clone();
        kind.set_text(&text, label.as_deref());
        if kind == before.kind {
            return false;
        }
        let (changed, ()) = change(doc, method, |c| {
            if let Some(b) = c.section_mut(&area).blocks.get_mut(i) {
                b.kind = kind;
            }
        });
        changed
    }

    /// The preview: the report as exported (the publieksversie, or the internal
    /// version), with what is left out marked; rebuilt only when something changed.
    ///
    /// With the privacy switch off (names hidden, for the room), a name the export
    /// prints is shown as a marked placeholder ("‹naam: F8›"), so the facilitator sees
    /// that the region will read a name there without the room reading it.
    pub fn preview(
        &self,
        view: &super::SessionView,
        method: &Method,
        lang: Lang,
        show_names: bool,
    ) -> Rc<str> {
        let mut cache = self.cache.borrow_mut();
        let public = !self.internal;
        if let Some((g, p, l, n, text)) = cache.as_ref()
            && *g == view.generation
            && *p == public
            && *l == lang
            && *n == show_names
        {
            return text.clone();
        }
        let t = lang.strings();
        // With the privacy switch off, the names are masked in a copy of the session
        // before the report is built (a text replacement afterwards would leave "de
        // Vries" of "Jan de Vries" behind a shorter "Jan"); a name typed elsewhere (in a
        // note) is then replaced, longest first, before anything else touches the text.
        let masked;
        let doc = if show_names {
            &view.doc
        } else {
            let mut copy = view.doc.clone();
            for iv in &mut copy.interviews {
                if !iv.interviewee.trim().is_empty() {
                    std::sync::Arc::make_mut(iv).interviewee = t.compose.name_hidden.to_string();
                }
            }
            for p in &mut copy.intake.partners {
                if !p.contact.trim().is_empty() {
                    p.contact = t.compose.name_hidden.to_string();
                }
            }
            masked = copy;
            &masked
        };
        let mut report = crate::export::build(doc, method, lang, public);
        report.preview = true;
        let mut text = crate::export::render_preview(&report)
            .unwrap_or_else(|e| fill(t.summary.render_failed, &[&e.to_string()]));
        if !show_names {
            text = mask_names(&text, &view.doc, t.compose.name_hidden);
        }
        // Never a control character to the terminal: shown as a picture (␛).
        if let std::borrow::Cow::Owned(v) = crate::sanitize::visible(&text) {
            text = v;
        }
        let text: Rc<str> = text.into();
        *cache = Some((view.generation, public, lang, show_names, text.clone()));
        text
    }
}

/// The report's Markdown with every interviewee's and contact person's name replaced
/// by `hidden`, longest first ("Jan de Vries" before "Jan"), as typed and as the
/// Markdown escapes it.
pub fn mask_names(markdown: &str, doc: &Session, hidden: &str) -> String {
    let mut names: Vec<String> = Vec::new();
    for name in doc
        .interviews
        .iter()
        .map(|iv| iv.interviewee.trim())
        .chain(doc.intake.partners.iter().map(|p| p.contact.trim()))
        .filter(|n| !n.is_empty())
    {
        for line_start in [false, true] {
            let mut escaped = String::new();
            crate::export::md_escape::escape_piece(name, line_start, &mut escaped);
            names.push(escaped);
        }
        names.push(name.to_string());
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    let mut text = markdown.to_string();
    for name in &names {
        if text.contains(name.as_str()) {
            text = text.replace(name.as_str(), hidden);
        }
    }
    text
}

pub use crate::model::compose::strip_list_marker;

/// The language of a string table.
fn lang_of(t: &Strings) -> Lang {
    if std::ptr::eq(t, Lang::En.strings()) {
        Lang::En
    } else {
        Lang::Nl
    }
}

impl Edit {
    fn of(kind: &BlockKind, doc: &Session, method: &Method, t: &Strings) -> Edit {
        let default_lead = match kind {
            BlockKind::Drawn {
                source, lead: None, ..
            } => Some(
                // The follow-up list's sentence names the round it looks back on.
                crate::export::compose::default_lead(source, method, lang_of(t)).replace(
                    "{n}",
                    &crate::export::compose::previous_round(doc).to_string(),
                ),
            ),
            _ => None,
        };
        let label = match &default_lead {
            Some(d) => Some(Field::new(d, false)),
            None => kind.label().map(|l| Field::new(&l, false)),
        };
        let text = kind
            .has_text()
            .then(|| Field::new(&kind.text(), true))
            .filter(|_| !matches!(kind, BlockKind::Drawn { .. }));
        let on_label = label.is_some();
        Edit {
            label,
            text,
            on_label,
            question: false,
            default_lead,
            added: None,
            inserted: false,
        }
    }

    pub fn field(&self) -> Option<&Field> {
        if self.on_label {
            self.label.as_ref()
        } else {
            self.text.as_ref()
        }
    }

    fn field_mut(&mut self) -> Option<&mut Field> {
        if self.on_label {
            self.label.as_mut()
        } else {
            self.text.as_mut()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(method: &Method) -> Ctx<'_> {
        Ctx {
            method,
            t: Lang::Nl.strings(),
            now: time::macros::datetime!(2026-11-28 10:00 UTC),
            show_names: false,
        }
    }

    #[test]
    fn pasted_list_markers_are_stripped() {
        for (line, want) in [
            ("1. Eerste", "Eerste"),
            ("  12) Twaalf", "Twaalf"),
            ("- streep", "streep"),
            ("• bolletje", "bolletje"),
            ("* ster", "ster"),
            ("1.5 fte erbij", "1.5 fte erbij"),
            ("-3% verzuim", "-3% verzuim"),
            ("2026. Een jaar", "2026. Een jaar"),
            ("gewoon", "gewoon"),
        ] {
            assert_eq!(strip_list_marker(line), want, "{line}");
        }
    }

    #[test]
    fn the_first_change_stores_the_first_draft_and_moves_a_block() {
        let method = Method::builtin(Lang::Nl);
        let mut doc = Session::new(
            "Zorgpact X",
            1,
            time::macros::datetime!(2026-11-28 10:00 UTC),
        );
        let mut st = State::default();
        let c = ctx(&method);
        assert_eq!(st.act(&mut doc, Act::Down, &c), Outcome::Handled);
        assert!(doc.composition.is_none(), "looking changes nothing");
        let draft = first_draft(&doc, &method);
        let region = section(&draft, REGION);
        assert_eq!(st.act(&mut doc, Act::MoveUp, &c), Outcome::Changed);
        let now = section(doc.composition.as_ref().unwrap(), REGION);
        assert_eq!(now.blocks[0].kind, region.blocks[1].kind);
        assert_eq!(now.blocks[1].kind, region.blocks[0].kind);
    }
}
