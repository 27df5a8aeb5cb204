//! Analyse-driehoek screen: the three corners and three guiding questions of the method
//! definition, each a list of items the facilitator types as the room speaks; dot votes;
//! focus areas, innovation kind, owner and partners; links to interview notes; a drawn
//! view for the room and the analysekader table.
//!
//! Undo is the app-wide one (Ctrl-Z, or U): every edit here is one step of it.

use super::field::{Field, FieldInput};
use super::keys::{
    ADD, Binding, CLOSE, Combo, DELETE, DOWN, KeyHelp, MOVE_DOWN, MOVE_UP, NEXT_FIELD, PUBLIC, UP,
    ch, find, help_of, key, shift,
};
use super::picker::{CHOOSE, Picked, Picker, toggle};
use super::undo::{quoted, step};
use super::{Ctx, Outcome};
use crate::method::Method;
use crate::model::{Id, Innovation, Session, Triangle, TriangleItem};
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::collections::HashMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Add,
    EditTitle,
    EditDetail,
    Delete,
    Up,
    Down,
    NextPlace,
    PrevPlace,
    /// To the n-th place (0-based).
    Jump(usize),
    MoveUp,
    MoveDown,
    MoveTo,
    VoteUp,
    VoteDown,
    Sort,
    Focus,
    Public,
    Innovation,
    Owner,
    Partners,
    Evidence,
    Notes,
    NextView,
    Toggle,
    Close,
    Choose,
    NewFocus,
    TakeSuggestion,
    Clear,
}

/// X was the triangle's own delete key before D was everyone's, [ ] the lists' move keys.
const OLD_DELETE: &[Combo] = &[ch('x')];
const OLD_MOVE_UP: &[Combo] = &[ch('[')];
const OLD_MOVE_DOWN: &[Combo] = &[ch(']')];

/// The editing view, nothing being typed.
pub static EDIT_KEYS: &[Binding<Act>] = &[
    Binding::new(ADD, Act::Add, |t| t.triangle.k_add).footer(),
    Binding::new(&[ch('+'), ch('=')], Act::VoteUp, |t| t.triangle.k_vote).footer(),
    Binding::new(&[ch('-')], Act::VoteDown, |t| t.triangle.k_vote),
    Binding::new(&[ch('v')], Act::NextView, |t| t.triangle.k_view).footer(),
    Binding::new(
        &[key(KeyCode::Enter), key(KeyCode::F(2))],
        Act::EditTitle,
        |t| t.triangle.k_edit_title,
    )
    .footer(),
    Binding::new(
        &[key(KeyCode::Tab), key(KeyCode::Right)],
        Act::NextPlace,
        |t| t.triangle.k_next_place,
    )
    .footer(),
    Binding::new(
        &[shift(KeyCode::BackTab), key(KeyCode::Left)],
        Act::PrevPlace,
        |t| t.triangle.k_prev_place,
    ),
    Binding::new(UP, Act::Up, |t| t.triangle.k_select),
    Binding::new(DOWN, Act::Down, |t| t.triangle.k_select),
    Binding::new(&[ch('s')], Act::Sort, |t| t.triangle.k_sort).footer(),
    Binding::new(&[ch('t')], Act::EditDetail, |t| t.triangle.k_edit_detail),
    Binding::new(DELETE, Act::Delete, |t| t.triangle.k_delete).alias(OLD_DELETE),
    Binding::new(MOVE_UP, Act::MoveUp, |t| t.triangle.k_shift).alias(OLD_MOVE_UP),
    Binding::new(MOVE_DOWN, Act::MoveDown, |t| t.triangle.k_shift).alias(OLD_MOVE_DOWN),
    Binding::new(&[ch('m')], Act::MoveTo, |t| t.triangle.k_move_to),
    Binding::new(&[ch('f')], Act::Focus, |t| t.triangle.k_focus),
    Binding::new(PUBLIC, Act::Public, |t| t.triangle.k_public),
    Binding::new(&[ch('i')], Act::Innovation, |t| t.triangle.k_innovation),
    Binding::new(&[ch('k')], Act::Owner, |t| t.triangle.k_owner),
    Binding::new(&[ch('p')], Act::Partners, |t| t.triangle.k_partners),
    Binding::new(&[ch('e')], Act::Evidence, |t| t.triangle.k_evidence),
    Binding::new(&[ch('n')], Act::Notes, |t| t.triangle.k_notes),
];

/// The drawn view: the room looks, nothing to select.
pub static DRAWN_KEYS: &[Binding<Act>] = &[
    Binding::new(&[ch('v')], Act::NextView, |t| t.triangle.k_view).footer(),
    Binding::new(CLOSE, Act::Close, |t| t.triangle.k_back_to_edit).footer(),
];

/// The analysekader table.
pub static KADER_KEYS: &[Binding<Act>] = &[
    Binding::new(
        &[key(KeyCode::Enter), key(KeyCode::F(2))],
        Act::EditTitle,
        |t| t.triangle.k_edit_cell,
    )
    .footer(),
    Binding::new(PUBLIC, Act::TakeSuggestion, |t| t.triangle.k_take).footer(),
    Binding::new(&[ch('v')], Act::NextView, |t| t.triangle.k_view).footer(),
    Binding::new(UP, Act::Up, |t| t.triangle.k_select),
    Binding::new(DOWN, Act::Down, |t| t.triangle.k_select),
    Binding::new(DELETE, Act::Clear, |t| t.triangle.k_clear).alias(OLD_DELETE),
];

/// While a one-line field takes the keys, besides the field's own: Tab stores too.
pub static FIELD_KEYS: &[Binding<Act>] = &[Binding::new(NEXT_FIELD, Act::Choose, |t| {
    t.triangle.k_store
})];

/// The focus-area checklist also adds the region's own areas.
pub static FOCUS_KEYS: &[Binding<Act>] =
    &[Binding::new(&[ch('n')], Act::NewFocus, |t| t.triangle.k_new_focus).footer()];

/// Choosing where to move an item, besides the one picker's keys ([`CHOOSE`]): a
/// digit jumps to that corner or question at once.
pub static MOVE_KEYS: &[Binding<Act>] = &[
    Binding::new(&[ch('1')], Act::Jump(0), |t| t.triangle.k_jump).footer(),
    Binding::new(&[ch('2')], Act::Jump(1), |t| t.triangle.k_jump),
    Binding::new(&[ch('3')], Act::Jump(2), |t| t.triangle.k_jump),
    Binding::new(&[ch('4')], Act::Jump(3), |t| t.triangle.k_jump),
    Binding::new(&[ch('5')], Act::Jump(4), |t| t.triangle.k_jump),
    Binding::new(&[ch('6')], Act::Jump(5), |t| t.triangle.k_jump),
    Binding::new(&[ch('7')], Act::Jump(6), |t| t.triangle.k_jump),
    Binding::new(&[ch('8')], Act::Jump(7), |t| t.triangle.k_jump),
    Binding::new(&[ch('9')], Act::Jump(8), |t| t.triangle.k_jump),
];

/// The move menu's rows as the picker shows and searches them: "2 Resultaten (hier
/// nu)".
pub fn move_rows(method: &Method, here: &str, t: &crate::i18n::Strings) -> Vec<String> {
    places(method)
        .into_iter()
        .enumerate()
        .map(|(n, p)| {
            let mark = if p.id == here {
                format!(" {}", t.triangle.here)
            } else {
                String::new()
            };
            format!("{} {}{mark}", n + 1, p.name)
        })
        .collect()
}

/// Reading an item's interview notes.
pub static NOTES_KEYS: &[Binding<Act>] = &[
    Binding::new(&[key(KeyCode::Esc), key(KeyCode::Enter)], Act::Close, |t| {
        t.triangle.k_close
    })
    .footer(),
    Binding::new(&[ch('e')], Act::Evidence, |t| t.triangle.k_evidence).footer(),
    Binding::new(UP, Act::Up, |t| t.triangle.k_select),
    Binding::new(DOWN, Act::Down, |t| t.triangle.k_select),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    #[default]
    Edit,
    Drawn,
    Kader,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Target {
    Title,
    Detail,
    Owner,
    Partners,
    /// A new focus area of the region's own (from the focus checklist).
    NewFocus,
    /// An analysekader cell, by row id.
    Kader(String),
}

#[derive(Debug, Clone)]
pub enum Mode {
    Browse,
    Typing {
        target: Target,
        field: Box<Field>,
        item: Option<Id>,
        /// The item was just added: an empty title on leaving removes it again.
        fresh: bool,
    },
    /// The item's focus areas, ticked in the one picker.
    FocusPick(Picker),
    /// The item's evidence: interview notes, ticked in the one picker.
    EvidencePick(Picker),
    Notes {
        scroll: usize,
    },
    /// Where to move the item: one place chosen in the one picker.
    MovePick(Picker),
}

/// Every interview note as the evidence picker shows and searches it: role and
/// organisation, never the interviewee's name (the room may be watching), and the text.
pub fn evidence_rows(doc: &Session) -> Vec<String> {
    all_notes(doc)
        .into_iter()
        .map(|(iv, n)| note_row(doc, iv, n))
        .collect()
}

/// Note `n` of interview `iv`: "role, organisation: text".
pub fn note_row(doc: &Session, iv: usize, n: usize) -> String {
    let i = &doc.interviews[iv];
    format!("{}: {}", super::interviews::source(i), i.notes[n].text)
}

/// A short message in the view's top line; strings come from the screen's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Deleted,
    SortedNoReorder,
    OnlyProjects,
    NoNotes,
    NoItem,
    Moved,
}

#[derive(Debug, Clone)]
pub struct State {
    pub view: View,
    pub mode: Mode,
    /// Index into [`places`]: corners first, then guiding questions.
    pub place: usize,
    /// Index of the selected item in the place's shown order.
    pub selected: usize,
    pub sort_by_votes: bool,
    pub kader_row: usize,
    pub status: Option<Status>,
    /// What the undo step the last key made is called ("‘…’ verplaatst naar …").
    pub step: Option<String>,
}

/// A corner or guiding question: where items live.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Place {
    pub id: String,
    pub name: String,
    pub corner: bool,
}

/// Corners, then guiding questions, as the method defines them.
pub fn places(method: &Method) -> Vec<Place> {
    let t = &method.triangle;
    t.corners
        .iter()
        .map(|c| Place {
            id: c.id.clone(),
            name: c.name.clone(),
            corner: true,
        })
        .chain(t.questions.iter().map(|q| Place {
            id: q.id.clone(),
            name: q.text.clone(),
            corner: false,
        }))
        .collect()
}

/// Indices (into `tri.items`) of a place's items in shown order: as arranged, or by
/// votes (most first; equal votes keep their arranged order).
pub fn shown(tri: &Triangle, place: &str, by_votes: bool) -> Vec<usize> {
    let mut v: Vec<usize> = (0..tri.items.len())
        .filter(|&i| tri.items[i].place == place)
        .collect();
    if by_votes {
        v.sort_by_key(|&i| std::cmp::Reverse(tri.items[i].votes));
    }
    v
}

/// Swaps the item at shown position `pos` with its neighbour in the arranged order.
/// Returns the item's new position, or None at the edge.
pub fn reorder(tri: &mut Triangle, place: &str, pos: usize, up: bool) -> Option<usize> {
    let v = shown(tri, place, false);
    let other = if up { pos.checked_sub(1)? } else { pos + 1 };
    let (&a, &b) = (v.get(pos)?, v.get(other)?);
    tri.items.swap(a, b);
    Some(other)
}

/// Moves an item to another place, at the end of that place's list.
pub fn move_to(tri: &mut Triangle, index: usize, place: &str) {
    let mut item = tri.items.remove(index);
    item.place = place.to_string();
    tri.items.push(item);
}

/// Changes an item's votes; never below zero. Returns whether it changed.
pub fn vote(tri: &mut Triangle, index: usize, delta: i32) -> bool {
    let Some(item) = tri.items.get_mut(index) else {
        return false;
    };
    let new = (item.votes + delta).max(0);
    let changed = new != item.votes;
    item.votes = new;
    changed
}

/// Focus areas to choose from: the method's, then the region's own.
/// The focus areas as the picker shows and searches them: the region's own marked so.
pub fn focus_rows(method: &Method, tri: &Triangle, t: &crate::i18n::Strings) -> Vec<String> {
    let own = &tri.own_focus_areas;
    focus_choices(method, tri)
        .into_iter()
        .map(|f| {
            if own.contains(&f) && !method.focus_areas.contains(&f) {
                format!("{f} ({})", t.triangle.own)
            } else {
                f
            }
        })
        .collect()
}

pub fn focus_choices(method: &Method, tri: &Triangle) -> Vec<String> {
    let mut out: Vec<String> = method.focus_areas.clone();
    for f in &tri.own_focus_areas {
        if !out.contains(f) {
            out.push(f.clone());
        }
    }
    out
}

/// Whether items of this place may carry innovation kind, owner and partners.
pub fn is_projects(method: &Method, place: &str) -> bool {
    match &method.triangle.projects_corner {
        Some(id) => id == place,
        None => method.triangle.corners.iter().any(|c| c.id == place),
    }
}

/// Every interview note as (interview index, note index), in interview order.
pub fn all_notes(doc: &Session) -> Vec<(usize, usize)> {
    doc.interviews
        .iter()
        .enumerate()
        .flat_map(|(i, iv)| (0..iv.notes.len()).map(move |n| (i, n)))
        .collect()
}

/// How many of an item's evidence links point at notes that exist.
/// For one item; lists of items use [`NoteIndex`] instead.
pub fn evidence_count(doc: &Session, item: &TriangleItem) -> usize {
    if item.evidence.is_empty() {
        return 0;
    }
    doc.interviews
        .iter()
        .flat_map(|iv| &iv.notes)
        .filter(|n| item.evidence.contains(&n.id))
        .count()
}

/// The session's note ids, built at most once per frame so that counting the evidence of
/// the listed items does not scan all notes once per item (500 items × 10 000 notes took
/// 20 ms a keystroke). Empty, and free, when no item has evidence.
pub struct NoteIndex<'a>(HashMap<&'a str, usize>);

impl<'a> NoteIndex<'a> {
    pub fn new(doc: &'a Session) -> Self {
        let mut ids = HashMap::new();
        if doc.triangle.items.iter().any(|it| !it.evidence.is_empty()) {
            ids.reserve(doc.interviews.iter().map(|iv| iv.notes.len()).sum());
            for n in doc.interviews.iter().flat_map(|iv| &iv.notes) {
                *ids.entry(n.id.0.as_str()).or_insert(0) += 1;
            }
        }
        NoteIndex(ids)
    }

    /// The same count as [`evidence_count`]: notes whose id the item links to.
    pub fn evidence_count(&self, item: &TriangleItem) -> usize {
        let ev = &item.evidence;
        ev.iter()
            .enumerate()
            .filter(|&(i, id)| !ev[..i].contains(id))
            .map(|(_, id)| self.0.get(id.0.as_str()).copied().unwrap_or(0))
            .sum()
    }
}

pub fn linked_notes(doc: &Session, item: &TriangleItem) -> Vec<(usize, usize)> {
    all_notes(doc)
        .into_iter()
        .filter(|&(i, n)| item.evidence.contains(&doc.interviews[i].notes[n].id))
        .collect()
}

/// The triangle's proposal for an analysekader row: the items of the row's source place
/// by votes, one per line; for partners, the owners and partners named on them.
pub fn suggestion(method: &Method, tri: &Triangle, row_id: &str) -> String {
    let Some(row) = method.triangle.kader_rows.iter().find(|r| r.id == row_id) else {
        return String::new();
    };
    let Some(from) = &row.from else {
        return String::new();
    };
    let items = shown(tri, from, true);
    if row.from_field.as_deref() == Some("partners") {
        let mut names: Vec<String> = Vec::new();
        for &i in &items {
            let it = &tri.items[i];
            for n in std::iter::once(it.owner.as_str()).chain(it.partners.split([',', ';'])) {
                let n = n.trim();
                if !n.is_empty() && !names.iter().any(|x| x.eq_ignore_ascii_case(n)) {
                    names.push(n.to_string());
                }
            }
        }
        names.join(", ")
    } else {
        items
            .iter()
            .map(|&i| tri.items[i].title.trim())
            .filter(|t| !t.is_empty())
            .collect::<Vec<_>>()
            .join("\n")
    }
}

impl State {
    pub fn new(_doc: &Session) -> Self {
        State {
            view: View::Edit,
            mode: Mode::Browse,
            place: 0,
            selected: 0,
            sort_by_votes: false,
            kader_row: 0,
            status: None,
            step: None,
        }
    }

    /// After undo/redo: view, place, selection, sort and kader row stay.
    pub fn rebuild(&mut self, doc: &Session, _before: &Session) {
        let old = std::mem::replace(self, State::new(doc));
        self.view = old.view;
        self.place = old.place;
        self.selected = old.selected;
        self.sort_by_votes = old.sort_by_votes;
        self.kader_row = old.kader_row;
    }

    /// Whether a text field has the keys (then `?` is typed and F1 opens help).
    pub fn typing(&self) -> bool {
        match &self.mode {
            Mode::Typing { .. } => true,
            Mode::EvidencePick(picker) | Mode::FocusPick(picker) | Mode::MovePick(picker) => {
                picker.typing()
            }
            _ => false,
        }
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        match &self.mode {
            Mode::Typing { field, .. } => {
                let mut h = field.help();
                h.extend(help_of(self.keys()));
                h
            }
            Mode::EvidencePick(picker) => picker.help(),
            Mode::MovePick(picker) => {
                let mut h = picker.help();
                if !picker.typing() {
                    h.extend(help_of(MOVE_KEYS));
                }
                h
            }
            Mode::FocusPick(picker) => {
                let mut h = picker.help();
                if !picker.typing() {
                    h.extend(help_of(FOCUS_KEYS));
                }
                h
            }
            _ => help_of(self.keys()),
        }
    }

    fn keys(&self) -> &'static [Binding<Act>] {
        match &self.mode {
            Mode::Typing { field, .. } if field.multiline => &[],
            Mode::Typing { .. } => FIELD_KEYS,
            Mode::FocusPick(_) => FOCUS_KEYS,
            Mode::EvidencePick(_) => &[],
            Mode::Notes { .. } => NOTES_KEYS,
            Mode::MovePick(_) => &[],
            Mode::Browse => match self.view {
                View::Edit => EDIT_KEYS,
                View::Drawn => DRAWN_KEYS,
                View::Kader => KADER_KEYS,
            },
        }
    }

    /// The id of the focused place (clamped, so a shorter method cannot break it).
    pub fn place_id(&self, method: &Method) -> Option<String> {
        let p = places(method);
        p.get(self.place.min(p.len().saturating_sub(1)))
            .map(|p| p.id.clone())
    }

    /// Index into `doc.triangle.items` of the selected item.
    pub fn selected_index(&self, doc: &Session, method: &Method) -> Option<usize> {
        let place = self.place_id(method)?;
        shown(&doc.triangle, &place, self.sort_by_votes)
            .get(self.selected)
            .copied()
    }

    fn clamp(&mut self, doc: &Session, method: &Method) {
        let n = places(method).len();
        self.place = self.place.min(n.saturating_sub(1));
        let count = self
            .place_id(method)
            .map(|p| shown(&doc.triangle, &p, false).len())
            .unwrap_or(0);
        self.selected = self.selected.min(count.saturating_sub(1));
        self.kader_row = self
            .kader_row
            .min(method.triangle.kader_rows.len().saturating_sub(1));
    }

    /// Applies a structural change; `Changed` when it changed (the app-wide undo keeps
    /// the session from before the key).
    fn change(
        &mut self,
        doc: &mut Session,
        f: impl FnOnce(&mut Triangle, &mut Self) -> bool,
    ) -> Outcome {
        let before = doc.triangle.clone();
        if f(&mut doc.triangle, self) && doc.triangle != before {
            Outcome::Changed
        } else {
            Outcome::Handled
        }
    }

    fn start_typing(&mut self, doc: &Session, target: Target, item: Option<Id>, fresh: bool) {
        let text = match (&target, item.as_ref().and_then(|id| find_item(doc, id))) {
            (Target::Title, Some(it)) => it.title.clone(),
            (Target::Detail, Some(it)) => it.detail.clone(),
            (Target::Owner, Some(it)) => it.owner.clone(),
            (Target::Partners, Some(it)) => it.partners.clone(),
            (Target::Kader(row), _) => doc.triangle.kader.get(row).cloned().unwrap_or_default(),
            _ => String::new(),
        };
        let multiline = matches!(target, Target::Detail | Target::Kader(_));
        self.mode = Mode::Typing {
            target,
            field: Box::new(Field::new(&text, multiline)),
            item,
            fresh,
        };
    }

    /// What the undo step the last key made is called.
    pub fn step_name(&self) -> Option<String> {
        self.step.clone()
    }

    pub fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        self.status = None;
        self.clamp(doc, ctx.method);
        let item = self
            .selected_index(doc, ctx.method)
            .map(|i| doc.triangle.items[i].clone());
        let act = matches!(self.mode, Mode::Browse)
            .then(|| find(self.keys(), &key))
            .flatten();
        let before = std::mem::discriminant(&self.mode);
        let outcome = self.dispatch_key(doc, key, ctx);
        self.step = self.name_step(doc, act, before, item.as_ref(), ctx);
        outcome
    }

    /// The undo step's name: the item (quoted), what changed and where.
    fn name_step(
        &self,
        doc: &Session,
        act: Option<Act>,
        before: std::mem::Discriminant<Mode>,
        item: Option<&TriangleItem>,
        ctx: &Ctx,
    ) -> Option<String> {
        let t = ctx.t.triangle;
        let place_name = |id: &str| {
            places(ctx.method)
                .into_iter()
                .find(|p| p.id == id)
                .map_or(id.to_string(), |p| p.name)
        };
        let title = item.map_or(String::new(), |i| quoted(&i.title));
        let here = item.map_or_else(
            || {
                self.place_id(ctx.method)
                    .map(|p| place_name(&p))
                    .unwrap_or_default()
            },
            |i| place_name(&i.place),
        );
        let kader = || {
            ctx.method
                .triangle
                .kader_rows
                .get(self.kader_row)
                .map_or(String::new(), |r| quoted(&r.text))
        };
        if let Some(act) = act {
            let named = match (self.view, act) {
                (View::Edit, Act::Add) => Some(step(t.undo_added, &[&here])),
                (View::Edit, Act::Delete) => Some(step(t.undo_deleted, &[&title, &here])),
                (View::Edit, Act::MoveUp | Act::MoveDown) => {
                    Some(step(t.undo_moved, &[&title, &here]))
                }
                (View::Edit, Act::VoteUp | Act::VoteDown) => Some(step(t.undo_votes, &[&title])),
                (View::Edit, Act::Public) => Some(step(t.undo_changed, &[t.k_public, &title])),
                (View::Edit, Act::Innovation) => {
                    Some(step(t.undo_changed, &[t.k_innovation, &title]))
                }
                (View::Kader, Act::TakeSuggestion | Act::Clear | Act::EditTitle) => {
                    Some(step(t.undo_kader, &[&kader()]))
                }
                _ => None,
            };
            if named.is_some() {
                return named;
            }
        }
        let mode = if matches!(self.mode, Mode::Browse) {
            before
        } else {
            std::mem::discriminant(&self.mode)
        };
        let moved = |picker: Mode| std::mem::discriminant(&picker) == mode;
        if moved(Mode::MovePick(Picker::default())) {
            // Where the item is now (the selection may have followed it).
            let to = item
                .and_then(|i| find_item(doc, &i.id))
                .map_or(String::new(), |i| place_name(&i.place));
            return Some(step(t.undo_moved_to, &[&title, &to]));
        }
        if moved(Mode::FocusPick(Picker::default())) {
            return Some(step(t.undo_focus, &[&title]));
        }
        if moved(Mode::EvidencePick(Picker::default())) {
            return Some(step(t.undo_changed, &[t.k_evidence, &title]));
        }
        match &self.mode {
            Mode::Typing { target, .. } => Some(match target {
                Target::Title => step(t.undo_title, &[&title]),
                Target::Detail => step(t.undo_detail, &[&title]),
                Target::Owner => step(t.undo_changed, &[t.k_owner, &title]),
                Target::Partners => step(t.undo_changed, &[t.k_partners, &title]),
                Target::NewFocus => step(t.undo_focus, &[&title]),
                Target::Kader(_) => step(t.undo_kader, &[&kader()]),
            }),
            _ => None,
        }
    }

    fn dispatch_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        if let Mode::Typing { .. } = self.mode {
            return self.typing_key(doc, key, ctx);
        }
        if let Mode::EvidencePick(_) = self.mode {
            return self.evidence_key(doc, key, ctx);
        }
        if let Mode::FocusPick(_) = self.mode {
            return self.focus_key(doc, key, ctx);
        }
        if let Mode::MovePick(_) = self.mode {
            return self.move_key(doc, key, ctx);
        }
        let Some(act) = find(self.keys(), &key) else {
            return Outcome::Ignored;
        };
        match self.mode.clone() {
            Mode::Browse => match self.view {
                View::Edit => self.edit_act(doc, act, ctx),
                View::Drawn => match act {
                    Act::NextView => self.next_view(),
                    Act::Close => {
                        self.view = View::Edit;
                        Outcome::Handled
                    }
                    _ => Outcome::Ignored,
                },
                View::Kader => self.kader_act(doc, act, ctx),
            },
            Mode::FocusPick(_) => Outcome::Ignored,
            Mode::EvidencePick(_) => Outcome::Ignored,
            Mode::Notes { scroll } => {
                match act {
                    Act::Close => self.mode = Mode::Browse,
                    Act::Up => {
                        self.mode = Mode::Notes {
                            scroll: scroll.saturating_sub(1),
                        }
                    }
                    Act::Down => self.mode = Mode::Notes { scroll: scroll + 1 },
                    Act::Evidence => self.mode = Mode::EvidencePick(Picker::default()),
                    _ => {}
                }
                Outcome::Handled
            }
            Mode::MovePick(_) => Outcome::Ignored,
            Mode::Typing { .. } => Outcome::Ignored,
        }
    }

    fn next_view(&mut self) -> Outcome {
        self.view = match self.view {
            View::Edit => View::Drawn,
            View::Drawn => View::Kader,
            View::Kader => View::Edit,
        };
        Outcome::Handled
    }

    fn edit_act(&mut self, doc: &mut Session, act: Act, ctx: &Ctx) -> Outcome {
        let method = ctx.method;
        let n_places = places(method).len();
        let Some(place) = self.place_id(method) else {
            return Outcome::Handled;
        };
        let sel = self.selected_index(doc, method);
        let count = shown(&doc.triangle, &place, false).len();
        let needs_item = matches!(
            act,
            Act::EditTitle
                | Act::EditDetail
                | Act::Delete
                | Act::MoveUp
                | Act::MoveDown
                | Act::MoveTo
                | Act::VoteUp
                | Act::VoteDown
                | Act::Focus
                | Act::Public
                | Act::Innovation
                | Act::Owner
                | Act::Partners
                | Act::Evidence
                | Act::Notes
        );
        if needs_item && sel.is_none() {
            self.status = Some(Status::NoItem);
            return Outcome::Handled;
        }
        let sel_id = sel.map(|i| doc.triangle.items[i].id.clone());
        match act {
            Act::Add => {
                let item = TriangleItem {
                    id: Id::new(),
                    place: place.clone(),
                    ..TriangleItem::default()
                };
                let id = item.id.clone();
                doc.triangle.items.push(item);
                self.select_id(doc, method, &id);
                self.start_typing(doc, Target::Title, Some(id), true);
                Outcome::Changed
            }
            Act::EditTitle => {
                self.start_typing(doc, Target::Title, sel_id, false);
                Outcome::Handled
            }
            Act::EditDetail => {
                self.start_typing(doc, Target::Detail, sel_id, false);
                Outcome::Handled
            }
            Act::Owner | Act::Partners => {
                if !is_projects(method, &place) {
                    self.status = Some(Status::OnlyProjects);
                    return Outcome::Handled;
                }
                let target = if act == Act::Owner {
                    Target::Owner
                } else {
                    Target::Partners
                };
                self.start_typing(doc, target, sel_id, false);
                Outcome::Handled
            }
            Act::Delete => {
                let i = sel.unwrap_or_default();
                let out = self.change(doc, |tri, _| {
                    tri.items.remove(i);
                    true
                });
                self.status = Some(Status::Deleted);
                self.clamp(doc, method);
                out
            }
            Act::Up => {
                self.selected = self.selected.saturating_sub(1);
                Outcome::Handled
            }
            Act::Down => {
                self.selected = (self.selected + 1).min(count.saturating_sub(1));
                Outcome::Handled
            }
            Act::NextPlace | Act::PrevPlace | Act::Jump(_) => {
                self.place = match act {
                    Act::NextPlace => (self.place + 1) % n_places.max(1),
                    Act::PrevPlace => (self.place + n_places.max(1) - 1) % n_places.max(1),
                    Act::Jump(d) if d < n_places => d,
                    _ => self.place,
                };
                self.selected = 0;
                Outcome::Handled
            }
            Act::MoveUp | Act::MoveDown => {
                if self.sort_by_votes {
                    self.status = Some(Status::SortedNoReorder);
                    return Outcome::Handled;
                }
                let pos = self.selected;
                self.change(doc, |tri, st| {
                    match reorder(tri, &place, pos, act == Act::MoveUp) {
                        Some(p) => {
                            st.selected = p;
                            true
                        }
                        None => false,
                    }
                })
            }
            Act::MoveTo => {
                self.mode = Mode::MovePick(Picker::new(&CHOOSE).at(self.place));
                Outcome::Handled
            }
            Act::VoteUp | Act::VoteDown => {
                let i = sel.unwrap_or_default();
                let delta = if act == Act::VoteUp { 1 } else { -1 };
                let out = self.change(doc, |tri, _| vote(tri, i, delta));
                // With sorting on, the selection follows the item to its new place.
                if let Some(id) = &sel_id {
                    self.select_id(doc, method, id);
                }
                out
            }
            Act::Sort => {
                self.sort_by_votes = !self.sort_by_votes;
                if let Some(id) = &sel_id {
                    self.select_id(doc, method, id);
                }
                Outcome::Handled
            }
            Act::Focus => {
                self.mode = Mode::FocusPick(Picker::default());
                Outcome::Handled
            }
            Act::Public => {
                let i = sel.unwrap_or_default();
                self.change(doc, |tri, _| {
                    tri.items[i].public = !tri.items[i].public;
                    true
                })
            }
            Act::Innovation => {
                if !is_projects(method, &place) {
                    self.status = Some(Status::OnlyProjects);
                    return Outcome::Handled;
                }
                let i = sel.unwrap_or_default();
                self.change(doc, |tri, _| {
                    let it = &mut tri.items[i];
                    it.innovation = match it.innovation {
                        None => Some(Innovation::Technologisch),
                        Some(Innovation::Technologisch) => Some(Innovation::SociaalOrganisatorisch),
                        Some(Innovation::SociaalOrganisatorisch) => None,
                    };
                    true
                })
            }
            Act::Evidence => {
                if all_notes(doc).is_empty() {
                    self.status = Some(Status::NoNotes);
                } else {
                    self.mode = Mode::EvidencePick(Picker::default());
                }
                Outcome::Handled
            }
            Act::Notes => {
                self.mode = Mode::Notes { scroll: 0 };
                Outcome::Handled
            }
            Act::NextView => self.next_view(),
            _ => Outcome::Ignored,
        }
    }

    /// Puts the selection on an item (switching place if needed).
    fn select_id(&mut self, doc: &Session, method: &Method, id: &Id) {
        let Some(item) = find_item(doc, id) else {
            return;
        };
        if let Some(p) = places(method).iter().position(|p| p.id == item.place) {
            self.place = p;
            if let Some(pos) = shown(&doc.triangle, &item.place, self.sort_by_votes)
                .iter()
                .position(|&i| doc.triangle.items[i].id == *id)
            {
                self.selected = pos;
            }
        }
    }

    fn kader_act(&mut self, doc: &mut Session, act: Act, ctx: &Ctx) -> Outcome {
        let rows = &ctx.method.triangle.kader_rows;
        let Some(row) = rows.get(self.kader_row).map(|r| r.id.clone()) else {
            return match act {
                Act::NextView => self.next_view(),
                _ => Outcome::Handled,
            };
        };
        match act {
            Act::Up => {
                self.kader_row = self.kader_row.saturating_sub(1);
                Outcome::Handled
            }
            Act::Down => {
                self.kader_row = (self.kader_row + 1).min(rows.len() - 1);
                Outcome::Handled
            }
            Act::EditTitle => {
                // An empty cell starts from the triangle's proposal, ready to adjust.
                let empty = doc
                    .triangle
                    .kader
                    .get(&row)
                    .is_none_or(|s| s.trim().is_empty());
                let before = doc.triangle.clone();
                if empty {
                    let s = suggestion(ctx.method, &doc.triangle, &row);
                    if !s.is_empty() {
                        doc.triangle.kader.insert(row.clone(), s);
                    }
                }
                self.start_typing(doc, Target::Kader(row), None, false);
                if doc.triangle != before {
                    Outcome::Changed
                } else {
                    Outcome::Handled
                }
            }
            Act::TakeSuggestion => {
                let s = suggestion(ctx.method, &doc.triangle, &row);
                self.change(doc, |tri, _| {
                    if s.is_empty() {
                        return false;
                    }
                    tri.kader.insert(row.clone(), s);
                    true
                })
            }
            Act::Clear => self.change(doc, |tri, _| tri.kader.remove(&row).is_some()),
            Act::NextView => self.next_view(),
            _ => Outcome::Ignored,
        }
    }

    fn focus_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Mode::FocusPick(picker) = &mut self.mode else {
            return Outcome::Ignored;
        };
        // N adds a focus area of the region's own (not while a search is typed).
        if !picker.typing() && find(FOCUS_KEYS, &key) == Some(Act::NewFocus) {
            let item = self
                .selected_index(doc, ctx.method)
                .map(|i| doc.triangle.items[i].id.clone());
            self.start_typing(doc, Target::NewFocus, item, false);
            return Outcome::Handled;
        }
        let choices = focus_choices(ctx.method, &doc.triangle);
        match picker.handle_key(key, &focus_rows(ctx.method, &doc.triangle, ctx.t)) {
            Picked::Nothing | Picked::Choose(_) => Outcome::Handled,
            Picked::Close => {
                self.mode = Mode::Browse;
                Outcome::Handled
            }
            Picked::Toggle(k) => {
                let (Some(i), Some(name)) = (self.selected_index(doc, ctx.method), choices.get(k))
                else {
                    return Outcome::Handled;
                };
                self.change(doc, |tri, _| {
                    toggle(&mut tri.items[i].focus_areas, name.clone());
                    true
                })
            }
        }
    }

    fn evidence_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Mode::EvidencePick(picker) = &mut self.mode else {
            return Outcome::Ignored;
        };
        let notes = all_notes(doc);
        match picker.handle_key(key, &evidence_rows(doc)) {
            Picked::Nothing | Picked::Choose(_) => Outcome::Handled,
            Picked::Close => {
                self.mode = Mode::Browse;
                Outcome::Handled
            }
            Picked::Toggle(k) => {
                let (Some(i), Some(&(iv, n))) =
                    (self.selected_index(doc, ctx.method), notes.get(k))
                else {
                    return Outcome::Handled;
                };
                let note = doc.interviews[iv].notes[n].id.clone();
                self.change(doc, |tri, _| {
                    toggle(&mut tri.items[i].evidence, note);
                    true
                })
            }
        }
    }

    fn move_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let ps = places(ctx.method);
        let here = self
            .selected_index(doc, ctx.method)
            .map(|i| doc.triangle.items[i].place.clone())
            .unwrap_or_default();
        let Mode::MovePick(picker) = &mut self.mode else {
            return Outcome::Ignored;
        };
        // A digit jumps to that corner or question (not while a search is typed).
        let jump = if picker.takes(&key) {
            None
        } else {
            match find(MOVE_KEYS, &key) {
                Some(Act::Jump(d)) if d < ps.len() => Some(d),
                Some(_) => return Outcome::Handled,
                None => None,
            }
        };
        let target = match jump {
            Some(d) => d,
            None => match picker.handle_key(key, &move_rows(ctx.method, &here, ctx.t)) {
                Picked::Choose(k) => k,
                Picked::Close => {
                    self.mode = Mode::Browse;
                    return Outcome::Handled;
                }
                Picked::Nothing | Picked::Toggle(_) => return Outcome::Handled,
            },
        };
        self.mode = Mode::Browse;
        let (Some(i), Some(to)) = (self.selected_index(doc, ctx.method), ps.get(target)) else {
            return Outcome::Handled;
        };
        if doc.triangle.items[i].place == to.id {
            return Outcome::Handled;
        }
        let out = self.change(doc, |tri, _| {
            move_to(tri, i, &to.id);
            true
        });
        self.status = Some(Status::Moved);
        self.clamp(doc, ctx.method);
        out
    }

    fn typing_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Mode::Typing { field, .. } = &mut self.mode else {
            return Outcome::Ignored;
        };
        // Tab in a one-line field finishes it too, rather than typing a tab.
        let input = if !field.multiline && find(FIELD_KEYS, &key) == Some(Act::Choose) {
            FieldInput::Done
        } else {
            field.input(key)
        };
        match input {
            FieldInput::Changed => self.sync(doc),
            FieldInput::Moved => Outcome::Handled,
            FieldInput::Done | FieldInput::Cancel => self.finish(doc, ctx),
        }
    }

    pub fn paste(&mut self, doc: &mut Session, text: &str, _ctx: &Ctx) -> Outcome {
        match &mut self.mode {
            Mode::Typing { field, .. } => match field.paste(text) {
                FieldInput::Changed => self.sync(doc),
                _ => Outcome::Handled,
            },
            _ => Outcome::Ignored,
        }
    }

    /// Copies the field into the session on every change, so autosave keeps every
    /// typed letter.
    fn sync(&mut self, doc: &mut Session) -> Outcome {
        let Mode::Typing {
            target,
            field,
            item,
            ..
        } = &self.mode
        else {
            return Outcome::Handled;
        };
        let text = field.text();
        let tri = &mut doc.triangle;
        let it = item
            .as_ref()
            .and_then(|id| tri.items.iter_mut().find(|i| i.id == *id));
        match (target, it) {
            (Target::Title, Some(it)) => it.title = text,
            (Target::Detail, Some(it)) => it.detail = text,
            (Target::Owner, Some(it)) => it.owner = text,
            (Target::Partners, Some(it)) => it.partners = text,
            (Target::Kader(row), _) => {
                if text.is_empty() {
                    tri.kader.remove(row);
                } else {
                    tri.kader.insert(row.clone(), text);
                }
            }
            _ => return Outcome::Handled,
        }
        Outcome::Changed
    }

    /// Leaves the field (the app-wide undo makes the whole edit one step); an item added
    /// and left without a title goes away again.
    fn finish(&mut self, doc: &mut Session, ctx: &Ctx) -> Outcome {
        let mode = std::mem::replace(&mut self.mode, Mode::Browse);
        let Mode::Typing {
            target,
            field,
            item,
            fresh,
        } = mode
        else {
            return Outcome::Handled;
        };
        let mut changed = false;
        match &target {
            Target::Title if fresh && field.text().trim().is_empty() => {
                if let Some(id) = item {
                    doc.triangle.items.retain(|i| i.id != id);
                    changed = true;
                }
            }
            Target::NewFocus => {
                let name = field.text().trim().to_string();
                let exists = focus_choices(ctx.method, &doc.triangle)
                    .iter()
                    .any(|f| f.eq_ignore_ascii_case(&name));
                let mut cursor = 0;
                if !name.is_empty() && !exists {
                    doc.triangle.own_focus_areas.push(name.clone());
                    // Tag the selected item with it straight away: that is why it was added.
                    if let Some(it) = item
                        .as_ref()
                        .and_then(|id| doc.triangle.items.iter_mut().find(|i| i.id == *id))
                    {
                        it.focus_areas.push(name.clone());
                    }
                    changed = true;
                }
                if let Some(p) = focus_choices(ctx.method, &doc.triangle)
                    .iter()
                    .position(|f| f.eq_ignore_ascii_case(&name))
                {
                    cursor = p;
                }
                self.mode = Mode::FocusPick(Picker::default().at(cursor));
            }
            _ => {}
        }
        self.clamp(doc, ctx.method);
        if changed {
            Outcome::Changed
        } else {
            Outcome::Handled
        }
    }
}

pub fn find_item<'a>(doc: &'a Session, id: &Id) -> Option<&'a TriangleItem> {
    doc.triangle.items.iter().find(|i| i.id == *id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use ratatui::crossterm::event::KeyModifiers;

    const NONE: KeyModifiers = KeyModifiers::NONE;
    const SHIFT: KeyModifiers = KeyModifiers::SHIFT;
    use time::macros::datetime;

    fn item(place: &str, title: &str, votes: i32) -> TriangleItem {
        TriangleItem {
            id: Id::new(),
            place: place.into(),
            title: title.into(),
            votes,
            ..TriangleItem::default()
        }
    }

    fn titles(tri: &Triangle, place: &str, by_votes: bool) -> Vec<String> {
        shown(tri, place, by_votes)
            .into_iter()
            .map(|i| tri.items[i].title.clone())
            .collect()
    }

    fn sample() -> Triangle {
        Triangle {
            items: vec![
                item("ambities", "A", 1),
                item("projecten", "P", 0),
                item("ambities", "B", 3),
                item("ambities", "C", 3),
            ],
            ..Triangle::default()
        }
    }

    #[test]
    fn sorting_by_votes_is_stable_and_leaves_the_arrangement_alone() {
        let tri = sample();
        assert_eq!(titles(&tri, "ambities", true), ["B", "C", "A"]);
        assert_eq!(titles(&tri, "ambities", false), ["A", "B", "C"]);
    }

    #[test]
    fn reorder_swaps_within_a_place_only() {
        let mut tri = sample();
        assert_eq!(reorder(&mut tri, "ambities", 1, true), Some(0));
        assert_eq!(titles(&tri, "ambities", false), ["B", "A", "C"]);
        assert_eq!(reorder(&mut tri, "ambities", 0, true), None);
        assert_eq!(reorder(&mut tri, "ambities", 2, false), None);
        assert_eq!(titles(&tri, "projecten", false), ["P"]);
    }

    #[test]
    fn move_puts_the_item_last_in_the_other_place() {
        let mut tri = sample();
        move_to(&mut tri, 0, "projecten");
        assert_eq!(titles(&tri, "projecten", false), ["P", "A"]);
        assert_eq!(titles(&tri, "ambities", false), ["B", "C"]);
    }

    #[test]
    fn votes_never_go_below_zero() {
        let mut tri = sample();
        assert!(!vote(&mut tri, 1, -1));
        assert!(vote(&mut tri, 1, 1));
        assert_eq!(tri.items[1].votes, 1);
    }

    fn ctx(method: &Method) -> Ctx<'_> {
        Ctx {
            method,
            t: Lang::Nl.strings(),
            now: datetime!(2026-11-26 14:00 +1),
            show_names: false,
        }
    }

    fn press(st: &mut State, doc: &mut Session, ctx: &Ctx, code: KeyCode) -> Outcome {
        st.handle_key(doc, KeyEvent::new(code, NONE), ctx)
    }

    #[test]
    fn an_added_item_left_empty_disappears() {
        let method = Method::builtin(Lang::Nl);
        let ctx = ctx(&method);
        let mut doc = Session::new("T", 1, ctx.now);
        let mut st = State::new(&doc);
        press(&mut st, &mut doc, &ctx, KeyCode::Char('a'));
        press(&mut st, &mut doc, &ctx, KeyCode::Esc);
        assert!(doc.triangle.items.is_empty());
    }

    #[test]
    fn votes_with_sorting_keep_the_selection_on_the_item() {
        let method = Method::builtin(Lang::Nl);
        let ctx = ctx(&method);
        let mut doc = Session::new("T", 1, ctx.now);
        doc.triangle = sample();
        let mut st = State::new(&doc);
        press(&mut st, &mut doc, &ctx, KeyCode::Char('s'));
        // Shown: B(3) C(3) A(1); select A and give it three votes: it rises to the top.
        st.selected = 2;
        for _ in 0..3 {
            press(&mut st, &mut doc, &ctx, KeyCode::Char('+'));
        }
        assert_eq!(titles(&doc.triangle, "ambities", true), ["A", "B", "C"]);
        assert_eq!(st.selected, 0);
        // Reordering by hand is refused while sorted, with a message.
        st.handle_key(&mut doc, KeyEvent::new(KeyCode::Down, SHIFT), &ctx);
        assert_eq!(st.status, Some(Status::SortedNoReorder));
    }

    #[test]
    fn kader_suggestions_come_from_the_triangle() {
        let method = Method::builtin(Lang::Nl);
        let mut tri = sample();
        tri.items[1].owner = "ROC".into();
        tri.items[1].partners = "Gemeente, roc; Zorggroep".into();
        assert_eq!(suggestion(&method, &tri, "vraagstuk"), "B\nC\nA");
        assert_eq!(suggestion(&method, &tri, "activiteiten"), "P");
        assert_eq!(
            suggestion(&method, &tri, "partners"),
            "ROC, Gemeente, Zorggroep"
        );
        assert_eq!(suggestion(&method, &tri, "tijdshorizon"), "");
    }
}
