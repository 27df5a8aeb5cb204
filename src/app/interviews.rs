//! Interviews screen: the list of interviews, one interview's notes (the shared
//! [`Editor`]), the synthesis across all interviews, and importing interview files.

use super::field::Field;
use super::interview_edit::{self, Editor, Focus};
use super::keys::{Binding, CLOSE, DELETE, DOWN, KeyHelp, OPEN, UP, ch, find, help_of, key};
use super::picker::{self, Picked};
use super::undo::{quoted, step};
use super::{Ctx, Effect, Outcome};
use crate::i18n::{Strings, fill};
use crate::method::Method;
use crate::model::{Id, Interview, NoteKind, Session};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::cell::RefCell;
use std::path::PathBuf;
use std::sync::Arc;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Open,
    New,
    Delete,
    Undo,
    Synthesis,
    Import,
    Back,
    FilterArea,
    FilterKind,
    FilterInterview,
    Search,
    Clear,
    Mark,
    ImportGo,
    /// Picker: show / hide the files of other pacts or rounds.
    Others,
    Done,
    TakeDetails,
    KeepDetails,
}

const NONE: KeyModifiers = KeyModifiers::NONE;

/// The list of interviews.
pub static KEYS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.k_up_down),
    Binding::new(DOWN, Act::Down, |t| t.k_up_down),
    Binding::new(OPEN, Act::Open, |t| t.interviews.k_open).footer(),
    Binding::new(&[ch('n')], Act::New, |t| t.interviews.k_new).footer(),
    Binding::new(&[ch('s')], Act::Synthesis, |t| t.interviews.k_synthesis).footer(),
    Binding::new(&[ch('i')], Act::Import, |t| t.interviews.k_import).footer(),
    Binding::new(DELETE, Act::Delete, |t| t.interviews.k_delete),
    Binding::new(&[ch('u')], Act::Undo, |t| t.interviews.k_undo),
    Binding::new(&[ch('x')], Act::TakeDetails, |t| {
        t.interviews.k_take_details
    }),
    Binding::new(&[ch('r')], Act::KeepDetails, |t| {
        t.interviews.k_keep_details
    }),
];

/// One interview: the editor's keys plus the way back.
pub static DETAIL_KEYS: &[Binding<Act>] =
    &[Binding::new(CLOSE, Act::Back, |t| t.interviews.k_back).footer()];

pub static SYNTHESIS_KEYS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.interviews.k_scroll),
    Binding::new(DOWN, Act::Down, |t| t.interviews.k_scroll),
    Binding::new(&[ch('a')], Act::FilterArea, |t| t.interviews.k_filter_area).footer(),
    Binding::new(&[ch('k')], Act::FilterKind, |t| t.interviews.k_filter_kind).footer(),
    Binding::new(&[ch('v')], Act::FilterInterview, |t| {
        t.interviews.k_filter_interview
    }),
    Binding::new(&[ch('/')], Act::Search, |t| t.interviews.k_search).footer(),
    Binding::new(&[ch('x')], Act::Clear, |t| t.interviews.k_clear),
    Binding::new(&[key(KeyCode::Esc), ch('s')], Act::Back, |t| {
        t.interviews.k_back
    })
    .footer(),
];

pub static SEARCH_KEYS: &[Binding<Act>] =
    &[
        Binding::new(&[key(KeyCode::Enter), key(KeyCode::Esc)], Act::Done, |t| {
            t.interviews.k_done
        })
        .footer(),
    ];

/// The import picker's keys besides the one picker's ([`IMPORT`]).
pub static PICKER_KEYS: &[Binding<Act>] =
    &[Binding::new(&[ch('t')], Act::Others, |t| t.interviews.k_others).footer()];

/// The import on the one picker: Space ticks a file, Enter imports the ticked files
/// (or the one under the cursor), `/` searches, Esc closes.
pub static IMPORT: picker::Keys = picker::Keys {
    browse: IMPORT_KEYS,
    search: IMPORT_SEARCH_KEYS,
};

static IMPORT_KEYS: &[Binding<picker::Act>] = &[
    Binding::new(UP, picker::Act::Up, |t| t.k_select_prev),
    Binding::new(DOWN, picker::Act::Down, |t| t.k_select_next),
    Binding::new(&[ch(' ')], picker::Act::Toggle, |t| t.interviews.k_mark).footer(),
    Binding::new(OPEN, picker::Act::Choose, |t| t.interviews.k_import_go).footer(),
    Binding::new(&[ch('/')], picker::Act::Search, |t| t.k_search).footer(),
    Binding::new(CLOSE, picker::Act::Close, |t| t.k_close).footer(),
];

static IMPORT_SEARCH_KEYS: &[Binding<picker::Act>] = &[
    Binding::new(UP, picker::Act::Up, |t| t.k_select_prev),
    Binding::new(DOWN, picker::Act::Down, |t| t.k_select_next),
    Binding::new(OPEN, picker::Act::Choose, |t| t.interviews.k_import_go).footer(),
    Binding::new(CLOSE, picker::Act::Close, |t| t.k_search_end).footer(),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    List,
    Detail,
    Synthesis,
}

/// Interview files offered for import.
#[derive(Debug, Clone)]
pub struct Picker {
    pub dir: PathBuf,
    pub files: Vec<PathBuf>,
    /// What each file holds, read when the picker opened (None: unreadable).
    pub info: Vec<Option<FileInfo>>,
    pub marked: Vec<bool>,
    /// The cursor and the search (the one picker).
    pub pick: picker::Picker,
    /// Files for another pact or round were chosen: Enter again imports them anyway.
    pub confirm: Option<Vec<PathBuf>>,
    /// The first `own` of `files` are this session's pact and round (or say no pact);
    /// the files of other pacts or rounds come after them, when shown.
    pub own: usize,
    /// The files of other pacts or rounds while hidden (T shows them).
    pub others: Vec<(PathBuf, Option<FileInfo>)>,
}

impl Picker {
    /// How many files of other pacts or rounds there are.
    pub fn others_count(&self) -> usize {
        self.others.len() + (self.files.len() - self.own)
    }

    /// Whether the files of other pacts or rounds are in the list.
    pub fn others_shown(&self) -> bool {
        self.files.len() > self.own
    }

    /// T: the files of other pacts or rounds in the list (under their own heading), or
    /// out of it again (their marks cleared: nothing hidden is imported).
    pub fn toggle_others(&mut self) {
        if self.others_shown() {
            let files = self.files.split_off(self.own);
            let info = self.info.split_off(self.own);
            self.marked.truncate(self.own);
            self.others = files.into_iter().zip(info).collect();
            self.pick.cursor = self.pick.cursor.min(self.own.saturating_sub(1));
        } else if !self.others.is_empty() {
            for (f, i) in std::mem::take(&mut self.others) {
                self.files.push(f);
                self.info.push(i);
                self.marked.push(false);
            }
            self.pick.cursor = self.own;
        }
    }

    /// Each file's row as the picker shows it (see [`import_row`]).
    pub fn rows(&self, doc: &Session, t: &Strings, show_names: bool) -> Vec<String> {
        self.files
            .iter()
            .enumerate()
            .map(|(i, f)| {
                import_row(
                    self.info.get(i).and_then(Option::as_ref),
                    f,
                    doc,
                    t,
                    show_names,
                )
            })
            .collect()
    }
}

/// An interview file's row in the import picker. Files are told apart without names:
/// role and organisation (the interviewee with `show_names`, F8), date, interviewer,
/// notes, pact and round; another pact's or round's file has its pact and round first,
/// after a ⚠ (at 80 columns the end of the row is cut). A file that cannot be read
/// looks damaged, not like an interview, and its file name (which carries the
/// interviewee's name) shows only with `show_names`. The search looks in the row as
/// shown, so it never finds a hidden name and finds the names F8 shows.
pub fn import_row(
    info: Option<&FileInfo>,
    file: &std::path::Path,
    doc: &Session,
    t: &Strings,
    show_names: bool,
) -> String {
    let ti = t.interviews;
    let Some(info) = info else {
        let file = file.file_name().unwrap_or_default().to_string_lossy();
        return fill(ti.picker_damaged, &[&ti.file_label(&file, show_names)]);
    };
    if info.newer.is_some() {
        let file = file.file_name().unwrap_or_default().to_string_lossy();
        return fill(ti.picker_newer, &[&ti.file_label(&file, show_names)]);
    }
    let who = if show_names {
        info.interviewee.trim().to_string()
    } else {
        info.source.clone()
    };
    let round = info.round.map(|r| format!("{} {r}", t.round));
    let elsewhere = info.elsewhere(doc);
    let (front, back) = if elsewhere {
        (vec![Some(info.pact.clone()), round], vec![])
    } else {
        (vec![], vec![Some(info.pact.clone()), round])
    };
    let parts: Vec<String> = front
        .into_iter()
        .chain([
            Some(who),
            Some(info.date.clone()),
            Some(info.interviewer.clone()),
            Some(ti.count_notes(info.notes)),
        ])
        .chain(back)
        .flatten()
        .filter(|x| !x.trim().is_empty())
        .collect();
    let warn = if elsewhere { "⚠ " } else { "" };
    format!("{warn}{}", parts.join(" · "))
}

/// How many of the interview's notes the report quotes (its Rapport's quote blocks).
fn quoted_notes(doc: &Session, iv: &Interview) -> usize {
    use crate::model::compose::BlockKind;
    let Some(c) = &doc.composition else {
        return 0;
    };
    c.sections
        .iter()
        .flat_map(|s| &s.blocks)
        .filter(|b| match &b.kind {
            BlockKind::Quote { note } => iv.notes.iter().any(|n| n.id == *note),
            _ => false,
        })
        .count()
}

/// An interview file at a glance, so rows can be told apart with names hidden.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FileInfo {
    pub interviewee: String,
    /// Role and organisation: what the screen shows while names are hidden.
    pub source: String,
    pub interviewer: String,
    pub date: String,
    pub notes: usize,
    pub pact: String,
    pub round: Option<u8>,
    /// Not readable because a newer volgspot made it (its schema version): the row says
    /// so instead of calling the file damaged.
    pub newer: Option<u32>,
}

impl FileInfo {
    pub fn of(f: &crate::model::interview_file::InterviewFile) -> Self {
        FileInfo {
            interviewee: f.interview.interviewee.clone(),
            source: source(&f.interview),
            interviewer: f.interview.interviewer.clone(),
            date: f.interview.date.clone(),
            notes: f.interview.notes.len(),
            pact: f.pact.clone(),
            round: f.round,
            newer: None,
        }
    }

    /// What is known of a file that could not be read: only why, when a newer volgspot
    /// made it (`None`: damaged).
    pub fn unreadable(problem: &crate::store::LoadProblem) -> Option<Self> {
        match problem {
            crate::store::LoadProblem::FutureVersion { found, .. } => Some(FileInfo {
                newer: Some(*found),
                ..FileInfo::default()
            }),
            _ => None,
        }
    }

    /// Whether the file can be imported (read, and not too new for this version).
    pub fn readable(info: Option<&FileInfo>) -> bool {
        info.is_some_and(|i| i.newer.is_none())
    }

    /// For another pact or another round than the session (an unknown one is not
    /// "another").
    pub fn elsewhere(&self, doc: &Session) -> bool {
        use crate::model::pact::{has_pact_name, same_pact};
        let (a, b) = (self.pact.as_str(), doc.intake.pact_name.as_str());
        let pact = has_pact_name(a) && has_pact_name(b) && !same_pact(a, b);
        pact || self.round.is_some_and(|r| r != doc.intake.round)
    }
}

#[derive(Debug, Clone)]
pub struct Synthesis {
    /// Index into the method's areas.
    pub area: Option<usize>,
    pub kind: Option<NoteKind>,
    /// Index into the session's interviews.
    pub interview: Option<usize>,
    pub search: Field,
    pub searching: bool,
    pub scroll: usize,
    /// Built when drawn, per session generation (see `synthesis_notes`).
    index: RefCell<Option<SearchIndex>>,
}

#[derive(Debug, Clone)]
pub struct State {
    pub mode: Mode,
    pub selected: usize,
    pub editor: Option<(Id, Editor)>,
    /// Deleted interviews, newest last: U on the list puts one back even after a later
    /// import (out of order, as a copy with its own id when the file came back), which
    /// the app-wide undo, going back step by step, cannot.
    deleted: Vec<(usize, Arc<Interview>)>,
    /// A short line under the list (deleted, restored, or the question before a delete).
    pub message: Option<String>,
    /// D on an interview with notes asks first: J or Y deletes this one, any other
    /// key keeps it.
    pub confirm_delete: Option<Id>,
    /// What the undo step the last key made is called ("interview ‘…’ verwijderd").
    pub step: Option<String>,
    pub picker: Option<Picker>,
    pub synth: Synthesis,
    /// What the drawing built from this state and the session, kept between frames (the
    /// note lists: `ui::interviews`); keyed there by the session's generation.
    pub drawn: DrawCache,
}

/// A slot for what the drawing of a screen keeps between frames, opaque to `app` (which
/// does not know `ui`'s types). A copy of the state starts with an empty slot.
#[derive(Default)]
pub struct DrawCache(pub RefCell<Option<Box<dyn std::any::Any + Send>>>);

impl Clone for DrawCache {
    fn clone(&self) -> Self {
        DrawCache::default()
    }
}

impl std::fmt::Debug for DrawCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DrawCache")
    }
}

impl State {
    pub fn new(_doc: &Session) -> Self {
        State {
            mode: Mode::List,
            selected: 0,
            editor: None,
            deleted: Vec::new(),
            message: None,
            confirm_delete: None,
            step: None,
            picker: None,
            synth: Synthesis {
                area: None,
                kind: None,
                interview: None,
                search: Field::new("", false),
                searching: false,
                scroll: 0,
                index: RefCell::new(None),
            },
            drawn: DrawCache::default(),
        }
    }

    /// After undo/redo: the selection on the interview the undo touched; an interview
    /// open on its notes stays open, on a note that exists.
    pub fn rebuild(&mut self, doc: &Session, before: &Session) {
        let old = std::mem::replace(self, State::new(doc));
        self.selected =
            super::list::restored_selection(old.selected, &doc.interviews, &before.interviews);
        if old.mode == Mode::Detail
            && let Some((id, mut editor)) = old.editor
            && let Some(iv) = doc.interviews.iter().find(|iv| iv.id == id)
        {
            editor.clamp(iv);
            self.mode = Mode::Detail;
            self.editor = Some((id, editor));
        }
    }

    /// Whether a text field has the keys (then `?` is typed and F1 opens help).
    pub fn typing(&self) -> bool {
        if let Some(p) = &self.picker {
            return p.pick.typing();
        }
        match self.mode {
            Mode::List => false,
            Mode::Detail => self.editor.as_ref().is_some_and(|(_, e)| e.typing()),
            Mode::Synthesis => self.synth.searching,
        }
    }

    pub fn help(&self, doc: &Session) -> Vec<KeyHelp> {
        if let Some(p) = &self.picker {
            let mut h = p.pick.help();
            if !p.pick.typing() && p.others_count() > 0 {
                h.extend(help_of(PICKER_KEYS));
            }
            return h;
        }
        match self.mode {
            // On an interview whose details changed on both sides, the keys that
            // settle it come first.
            Mode::List
                if doc
                    .interviews
                    .get(self.selected)
                    .is_some_and(|iv| !iv.fields_conflict.is_empty()) =>
            {
                let mut h = help_of(KEYS);
                let settle: Vec<KeyHelp> = KEYS
                    .iter()
                    .filter(|b| matches!(b.action, Act::TakeDetails | Act::KeepDetails))
                    .map(|b| KeyHelp {
                        footer: true,
                        ..b.help()
                    })
                    .collect();
                h.retain(|k| !settle.iter().any(|s| std::ptr::eq(s.keys, k.keys)));
                h.splice(0..0, settle);
                h
            }
            Mode::List => help_of(KEYS),
            Mode::Detail => {
                let Some((id, e)) = &self.editor else {
                    return help_of(DETAIL_KEYS);
                };
                let iv = doc.interviews.iter().find(|iv| iv.id == *id);
                let mut h = e.help(iv.map(|iv| &**iv));
                // Esc goes back only where the editor leaves it alone; a second "Esc …"
                // in the footer would be a lie.
                let esc = KeyEvent::new(KeyCode::Esc, NONE);
                if find(e.table(), &esc).is_none() {
                    h.extend(help_of(DETAIL_KEYS));
                }
                h
            }
            Mode::Synthesis if self.synth.searching => help_of(SEARCH_KEYS),
            Mode::Synthesis => help_of(SYNTHESIS_KEYS),
        }
    }

    /// The runtime found these interview files: show the picker (nothing known of
    /// what they hold: all listed as this pact's).
    pub fn open_picker(&mut self, dir: PathBuf, files: Vec<PathBuf>) {
        self.picker = Some(Picker {
            dir,
            marked: vec![false; files.len()],
            own: files.len(),
            info: vec![None; files.len()],
            files,
            pick: picker::Picker::new(&IMPORT),
            confirm: None,
            others: Vec::new(),
        });
    }

    /// The picker with what each file holds (interviewer, date, notes, pact, round):
    /// the files of this session's pact and round first, those of other pacts or
    /// rounds hidden behind T (the picker says how many).
    pub fn open_picker_with(
        &mut self,
        doc: &Session,
        dir: PathBuf,
        files: Vec<PathBuf>,
        info: Vec<Option<FileInfo>>,
    ) {
        let mut info = info;
        info.resize(files.len(), None);
        let (own, others): (Vec<_>, Vec<_>) = files
            .into_iter()
            .zip(info)
            .partition(|(_, i)| !i.as_ref().is_some_and(|i| i.elsewhere(doc)));
        let (files, info): (Vec<PathBuf>, Vec<Option<FileInfo>>) = own.into_iter().unzip();
        self.picker = Some(Picker {
            dir,
            marked: vec![false; files.len()],
            own: files.len(),
            files,
            info,
            pick: picker::Picker::new(&IMPORT),
            confirm: None,
            others,
        });
    }

    /// What the undo step the last key made is called.
    pub fn step_name(&self) -> Option<String> {
        self.step.clone()
    }

    /// "interview ‘role, organisation’" (never the name: the footer may be projected).
    fn step_of(&self, template: &str, iv: &Interview, t: &Strings) -> String {
        step(template, &[&quoted(&who_shown(iv, t.interviews, false))])
    }

    pub fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        self.step = None;
        if self.picker.is_some() {
            return self.picker_key(doc, key, ctx);
        }
        match self.mode {
            Mode::List => self.list_key(doc, key, ctx),
            Mode::Detail => self.detail_key(doc, key, ctx),
            Mode::Synthesis => self.synthesis_key(doc, key, ctx),
        }
    }

    fn picker_key(&mut self, doc: &Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Some(p) = &mut self.picker else {
            return Outcome::Ignored;
        };
        // Asked whether to import files for another pact or round: Enter does, any
        // other key goes back to the list.
        if let Some(files) = p.confirm.take() {
            if find(IMPORT.browse, &key) == Some(picker::Act::Choose) {
                self.picker = None;
                return Outcome::Effect(Effect::ImportInterviews(files));
            }
            return Outcome::Handled;
        }
        // T: the files of other pacts or rounds shown or hidden (not while searching).
        if !p.pick.takes(&key) && find(PICKER_KEYS, &key) == Some(Act::Others) {
            p.toggle_others();
            return Outcome::Handled;
        }
        // The search looks in the rows as shown: with names hidden (F8 off) it never
        // finds a hidden name; with F8 on it finds the names on screen.
        let rows = p.rows(doc, ctx.t, ctx.show_names);
        match p.pick.handle_key(key, &rows) {
            Picked::Nothing => {}
            Picked::Toggle(i) => {
                if let Some(m) = p.marked.get_mut(i) {
                    *m = !*m;
                }
            }
            Picked::Choose(i) => {
                let mut files: Vec<PathBuf> = p
                    .files
                    .iter()
                    .zip(&p.marked)
                    .filter(|(_, m)| **m)
                    .map(|(f, _)| f.clone())
                    .collect();
                if files.is_empty()
                    && let Some(f) = p.files.get(i)
                {
                    files.push(f.clone());
                }
                let elsewhere = files.iter().any(|f| {
                    p.files
                        .iter()
                        .position(|x| x == f)
                        .and_then(|k| p.info.get(k).cloned().flatten())
                        .is_some_and(|i| i.elsewhere(doc))
                });
                if elsewhere {
                    p.confirm = Some(files);
                    return Outcome::Handled;
                }
                self.picker = None;
                if files.is_empty() {
                    return Outcome::Handled;
                }
                return Outcome::Effect(Effect::ImportInterviews(files));
            }
            Picked::Close => self.picker = None,
        }
        Outcome::Handled
    }

    fn open(&mut self, doc: &Session, i: usize, ctx: &Ctx, new: bool) {
        let iv = &doc.interviews[i];
        self.selected = i;
        self.mode = Mode::Detail;
        self.message = None;
        // Back to the interview just left: keep its editor, and with it its undo stack.
        if !new && self.editor.as_ref().is_some_and(|(id, _)| *id == iv.id) {
            return;
        }
        let mut editor = if new {
            Editor::for_new(iv, ctx.method)
        } else {
            Editor::new(iv, ctx.method)
        };
        editor.own_focus = doc.triangle.own_focus_areas.clone();
        self.editor = Some((iv.id.clone(), editor));
    }

    /// "Delete this interview?" answered "keep" (a key the app took before the list
    /// saw it): the question and its message go.
    pub fn cancel_question(&mut self) {
        if self.confirm_delete.take().is_some() {
            self.message = None;
        }
    }

    fn list_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let t = ctx.t.interviews;
        let n = doc.interviews.len();
        self.selected = self.selected.min(n.saturating_sub(1));
        // The answer to "delete this interview with its notes?".
        if let Some(id) = self.confirm_delete.take() {
            self.message = None;
            let yes = matches!(key.code, KeyCode::Char('j' | 'J' | 'y' | 'Y'))
                && key.modifiers.difference(KeyModifiers::SHIFT).is_empty();
            if !yes {
                return Outcome::Handled;
            }
            let Some(i) = doc.interviews.iter().position(|iv| iv.id == id) else {
                return Outcome::Handled;
            };
            self.selected = i;
            return self.delete(doc, ctx);
        }
        match find(KEYS, &key) {
            Some(Act::Up) => self.selected = self.selected.saturating_sub(1),
            Some(Act::Down) => self.selected = (self.selected + 1).min(n.saturating_sub(1)),
            Some(Act::Open) if n > 0 => self.open(doc, self.selected, ctx, false),
            Some(Act::New) => {
                self.step = Some(t.undo_new.to_string());
                doc.interviews.push(Arc::new(Interview {
                    date: ctx.now.date().to_string(),
                    interviewer: doc.intake.interviewers.clone(),
                    ..Interview::default()
                }));
                self.open(doc, doc.interviews.len() - 1, ctx, true);
                return Outcome::Changed;
            }
            Some(Act::Delete) if n > 0 => {
                let iv = &doc.interviews[self.selected];
                if iv.notes.is_empty() {
                    return self.delete(doc, ctx);
                }
                // Its notes go with it, and the report's quotes of them: ask first.
                let quotes = quoted_notes(doc, iv);
                let notes = iv.notes.len().to_string();
                let who = who_shown(iv, t, false);
                self.message = Some(if quotes > 0 {
                    fill(t.delete_ask_quotes, &[&who, &notes, &quotes.to_string()])
                } else {
                    fill(t.delete_ask, &[&who, &notes])
                });
                self.confirm_delete = Some(iv.id.clone());
            }
            Some(Act::Undo) => {
                let Some((at, iv)) = self.deleted.pop() else {
                    return Outcome::Handled;
                };
                let at = at.min(doc.interviews.len());
                self.message = Some(fill(t.restored, &[&who_shown(&iv, t, false)]));
                self.step = Some(self.step_of(t.undo_restored, &iv, ctx.t));
                doc.deleted_interviews.retain(|d| d.id != *iv.file_key());
                let mut iv = iv;
                // Re-imported meanwhile: back as a copy of its own, never a second
                // interview with one id.
                let mut copy = (*iv).clone();
                if crate::model::merge::make_room_for(doc, &mut copy) {
                    iv = Arc::new(copy);
                }
                doc.interviews.insert(at, iv);
                self.selected = at;
                return Outcome::Changed;
            }
            Some(act @ (Act::TakeDetails | Act::KeepDetails))
                if doc
                    .interviews
                    .get(self.selected)
                    .is_some_and(|iv| !iv.fields_conflict.is_empty()) =>
            {
                let iv = Arc::make_mut(&mut doc.interviews[self.selected]);
                if act == Act::TakeDetails {
                    crate::model::merge::take_file_fields(iv);
                } else {
                    iv.fields_conflict.clear();
                }
                return Outcome::Changed;
            }
            Some(Act::Synthesis) => {
                self.mode = Mode::Synthesis;
                self.synth.scroll = 0;
            }
            Some(Act::Import) => return Outcome::Effect(Effect::ListInterviewFiles),
            _ => return Outcome::Ignored,
        }
        Outcome::Handled
    }

    /// Deletes the selected interview (Ctrl-Z or U brings it back).
    fn delete(&mut self, doc: &mut Session, ctx: &Ctx) -> Outcome {
        let t = ctx.t.interviews;
        let iv = doc.delete_interview(self.selected, ctx.now);
        self.message = Some(fill(t.deleted, &[&who_shown(&iv, t, false)]));
        self.step = Some(self.step_of(t.undo_deleted, &iv, ctx.t));
        self.deleted.push((self.selected, iv));
        self.selected = self.selected.min(doc.interviews.len().saturating_sub(1));
        Outcome::Changed
    }

    fn detail_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Some((id, editor)) = &mut self.editor else {
            self.mode = Mode::List;
            return Outcome::Handled;
        };
        let Some(i) = doc.interviews.iter().position(|iv| iv.id == *id) else {
            self.mode = Mode::List;
            return Outcome::Handled;
        };
        let in_form = editor.focus == Focus::Fields;
        let edited = step(
            ctx.t.interviews.undo_edited,
            &[&quoted(&who_shown(
                &doc.interviews[i],
                ctx.t.interviews,
                false,
            ))],
        );
        self.step = Some(edited);
        let out = editor.handle_key(Arc::make_mut(&mut doc.interviews[i]), key, ctx);
        let back = out == Outcome::Ignored && find(DETAIL_KEYS, &key) == Some(Act::Back);
        // Leaving the form (or the interview) of an interview with nothing in it drops it,
        // as the triangle drops an empty new item; `u` on the list brings it back.
        let left_form = in_form && editor.focus != Focus::Fields && key.code == KeyCode::Esc;
        if (back || left_form) && is_empty(&doc.interviews[i]) {
            let iv = doc.interviews.remove(i);
            self.deleted.push((i, iv));
            self.editor = None;
            self.mode = Mode::List;
            self.selected = i.min(doc.interviews.len().saturating_sub(1));
            self.message = Some(ctx.t.interviews.dropped_empty.to_string());
            return Outcome::Changed;
        }
        if back {
            self.mode = Mode::List;
            self.selected = i;
            return Outcome::Handled;
        }
        out
    }

    fn synthesis_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let s = &mut self.synth;
        if s.searching {
            if find(SEARCH_KEYS, &key).is_some() {
                s.searching = false;
            } else {
                s.search.input(key);
                s.scroll = 0;
            }
            return Outcome::Handled;
        }
        let next = |cur: Option<usize>, len: usize| match cur {
            None if len > 0 => Some(0),
            Some(i) if i + 1 < len => Some(i + 1),
            _ => None,
        };
        match find(SYNTHESIS_KEYS, &key) {
            Some(Act::Up) => s.scroll = s.scroll.saturating_sub(1),
            Some(Act::Down) => s.scroll += 1,
            Some(Act::FilterArea) => s.area = next(s.area, ctx.method.areas.len()),
            Some(Act::FilterKind) => {
                s.kind = next(s.kind.map(NoteKind::index), NoteKind::ALL.len())
                    .map(|i| NoteKind::ALL[i]);
            }
            Some(Act::FilterInterview) => s.interview = next(s.interview, doc.interviews.len()),
            Some(Act::Search) => s.searching = true,
            Some(Act::Clear) => {
                s.area = None;
                s.kind = None;
                s.interview = None;
                s.search = Field::new("", false);
            }
            Some(Act::Back) => self.mode = Mode::List,
            _ => return Outcome::Ignored,
        }
        if !matches!(find(SYNTHESIS_KEYS, &key), Some(Act::Up | Act::Down)) {
            self.synth.scroll = 0;
        }
        Outcome::Handled
    }

    pub fn paste(&mut self, doc: &mut Session, text: &str, _ctx: &Ctx) -> Outcome {
        match self.mode {
            Mode::Detail => {
                let Some((id, editor)) = &mut self.editor else {
                    return Outcome::Ignored;
                };
                match doc.interviews.iter_mut().find(|iv| iv.id == *id) {
                    Some(iv) => editor.paste(Arc::make_mut(iv), text),
                    None => Outcome::Ignored,
                }
            }
            Mode::Synthesis if self.synth.searching => {
                self.synth.search.paste(text);
                Outcome::Handled
            }
            _ => Outcome::Ignored,
        }
    }
}

/// Nothing typed or chosen yet: no name, organisation, role, notes or draft, and the
/// choices as a new interview has them (date and interviewer are filled in by themselves).
pub fn is_empty(iv: &Interview) -> bool {
    let blank = |s: &str| s.trim().is_empty();
    let fresh = Interview::default();
    blank(&iv.interviewee)
        && blank(&iv.organisation)
        && blank(&iv.role)
        && blank(&iv.draft)
        && iv.notes.is_empty()
        && iv.kind == fresh.kind
        && iv.consent == fresh.consent
}

/// Name of the interviewee for the list and messages.
pub fn label(iv: &Interview, t: &crate::i18n::interviews::Strings) -> String {
    if iv.interviewee.trim().is_empty() {
        t.unnamed.to_string()
    } else {
        iv.interviewee.clone()
    }
}

/// `name — role, organisation`, leaving out what is empty.
pub fn who(iv: &Interview, t: &crate::i18n::interviews::Strings) -> String {
    let src = source(iv);
    if src.is_empty() {
        label(iv, t)
    } else {
        format!("{} — {src}", label(iv, t))
    }
}

/// `who`, unless the privacy switch hides names: then role and organisation only.
pub fn who_shown(iv: &Interview, t: &crate::i18n::interviews::Strings, show_names: bool) -> String {
    if show_names {
        return who(iv, t);
    }
    let src = source(iv);
    if src.is_empty() {
        t.hidden_name.to_string()
    } else {
        src
    }
}

/// Who said it, without the name: role and organisation (the synthesis is projected).
pub fn source(iv: &Interview) -> String {
    match (iv.role.trim(), iv.organisation.trim()) {
        ("", "") => String::new(),
        (r, "") => r.to_string(),
        ("", o) => o.to_string(),
        (r, o) => format!("{r}, {o}"),
    }
}

/// Every note in the synthesis's order with its text lowercased, built once per session
/// generation. The search then only scans: lowercasing and sorting 10 000 notes again on
/// every keystroke in the search field cost more than the rest of the frame.
///
/// At 100 000 notes even the scan is too slow for a keystroke, so the index also holds,
/// for every ASCII character, the set of notes whose text contains it (a bitset): a
/// query is only checked against the notes that contain all of its ASCII characters
/// (and a one-letter query not at all). The last few results are kept, so Backspace back
/// to an earlier query, or a filter switched back, costs nothing; a query that extends
/// a kept one is checked only against that one's result.
#[derive(Debug, Clone)]
struct SearchIndex {
    generation: u64,
    notes: Vec<Indexed>,
    /// `ascii[b]` has bit `i` set when note `i` (in `notes`) contains byte `b`.
    ascii: Vec<Vec<u64>>,
    /// Recent results, the newest last.
    recent: Vec<Kept>,
}

/// A kept result: the query, the notes found and their positions in the index.
type Kept = (Query, Arc<[(usize, usize)]>, Arc<[u32]>);

/// What a result depends on besides the index: the search text (in search form) and
/// the filters.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Query {
    text: String,
    interview: Option<usize>,
    area: Option<usize>,
    kind: Option<NoteKind>,
}

/// How many results are kept.
const RECENT: usize = 8;

#[derive(Debug, Clone)]
struct Indexed {
    at: (usize, usize),
    area: Option<usize>,
    kind: NoteKind,
    text: Box<str>,
    conflict: Option<Box<str>>,
}

impl SearchIndex {
    /// Ordered by attention area (method order, unknown areas last), then kind, then
    /// interview order.
    fn build(doc: &Session, m: &Method, generation: u64) -> Self {
        let mut notes = Vec::new();
        for (ii, iv) in doc.interviews.iter().enumerate() {
            for (ni, n) in iv.notes.iter().enumerate() {
                notes.push(Indexed {
                    at: (ii, ni),
                    area: m.areas.iter().position(|a| a.id == n.area),
                    kind: n.kind,
                    text: search_form(&n.text).into(),
                    conflict: n
                        .conflict
                        .as_ref()
                        .and_then(|c| c.text.as_deref())
                        .map(|c| search_form(c).into()),
                });
            }
        }
        // Stable: interview order is kept within a group.
        notes.sort_by_key(|x| (x.area.unwrap_or(usize::MAX), x.kind.index()));
        let words = notes.len().div_ceil(64);
        let mut ascii = vec![vec![0u64; words]; 128];
        for (i, x) in notes.iter().enumerate() {
            let mut has = 0u128;
            for b in x
                .text
                .bytes()
                .chain(x.conflict.iter().flat_map(|c| c.bytes()))
            {
                if b < 128 {
                    has |= 1 << b;
                }
            }
            while has != 0 {
                let b = has.trailing_zeros() as usize;
                has &= has - 1;
                ascii[b][i / 64] |= 1 << (i % 64);
            }
        }
        SearchIndex {
            generation,
            notes,
            ascii,
            recent: Vec::new(),
        }
    }

    fn matches(&self, i: usize, q: &Query) -> bool {
        let x = &self.notes[i];
        q.interview.is_none_or(|f| f == x.at.0)
            && q.area.is_none_or(|a| x.area == Some(a))
            && q.kind.is_none_or(|k| k == x.kind)
            && (q.text.is_empty()
                || x.text.contains(q.text.as_str())
                || x.conflict
                    .as_deref()
                    .is_some_and(|c| c.contains(q.text.as_str())))
    }

    /// The result for `q`: kept, or computed from the smallest set of notes that must
    /// hold every match.
    fn search(&mut self, q: Query) -> Arc<[(usize, usize)]> {
        if let Some(k) = self.recent.iter().position(|(rq, _, _)| *rq == q) {
            let kept = self.recent.remove(k);
            let found = kept.1.clone();
            self.recent.push(kept);
            return found;
        }
        // A kept result for a shorter query with the same filters that this one extends.
        let narrower = self
            .recent
            .iter()
            .filter(|(rq, _, _)| {
                !rq.text.is_empty()
                    && q.text.contains(rq.text.as_str())
                    && (rq.interview, rq.area, rq.kind) == (q.interview, q.area, q.kind)
            })
            .min_by_key(|(_, _, pos)| pos.len())
            .map(|(_, _, pos)| pos.clone());
        let positions: Vec<u32> = match narrower {
            Some(pos) => pos
                .iter()
                .copied()
                .filter(|&i| self.matches(i as usize, &q))
                .collect(),
            None => {
                let bytes: Vec<usize> = {
                    let mut seen = 0u128;
                    q.text
                        .bytes()
                        .filter(|&b| {
                            b < 128 && seen & (1 << b) == 0 && {
                                seen |= 1 << b;
                                true
                            }
                        })
                        .map(usize::from)
                        .collect()
                };
                // One ASCII character: the bitset is the answer for the text.
                let exact = q.text.len() == 1 && bytes.len() == 1;
                let mut out = Vec::new();
                let words = self.notes.len().div_ceil(64);
                for w in 0..words {
                    let mut bits = if w + 1 == words && !self.notes.len().is_multiple_of(64) {
                        (1u64 << (self.notes.len() % 64)) - 1
                    } else {
                        u64::MAX
                    };
                    for &b in &bytes {
                        bits &= self.ascii[b][w];
                    }
                    while bits != 0 {
                        let i = w * 64 + bits.trailing_zeros() as usize;
                        bits &= bits - 1;
                        let x = &self.notes[i];
                        let ok = if exact {
                            q.interview.is_none_or(|f| f == x.at.0)
                                && q.area.is_none_or(|a| x.area == Some(a))
                                && q.kind.is_none_or(|k| k == x.kind)
                        } else {
                            self.matches(i, &q)
                        };
                        if ok {
                            out.push(i as u32);
                        }
                    }
                }
                out
            }
        };
        let found: Arc<[(usize, usize)]> = positions
            .iter()
            .map(|&i| self.notes[i as usize].at)
            .collect();
        if self.recent.len() == RECENT {
            self.recent.remove(0);
        }
        self.recent.push((q, found.clone(), positions.into()));
        found
    }
}

/// Text as the synthesis search compares it: lowercase, accents off, so `cooperatie`,
/// `COÖPERATIE` and `Coöperatie` find each other. `to_lowercase` on the whole text: the
/// final sigma depends on its neighbours, so lowercasing letter by letter would differ.
fn search_form(text: &str) -> String {
    text.to_lowercase()
        .chars()
        .map(crate::store::paths::fold)
        // Accents typed as a separate combining mark (NFD, as macOS and some keyboards
        // send them): the mark goes, so `e` + U+0301 and `é` both search as `e`.
        .filter(|c| !('\u{300}'..='\u{36f}').contains(c))
        .collect()
}

/// The notes the synthesis shows, as (interview index, note index), ordered by attention
/// area (method order, unknown areas last), then kind, then interview order.
/// `generation` is the session's (see `SessionView::generation`): the index is rebuilt
/// when it changes.
pub fn synthesis_notes(
    doc: &Session,
    m: &Method,
    s: &Synthesis,
    generation: u64,
) -> Arc<[(usize, usize)]> {
    let query = Query {
        text: search_form(s.search.text().trim()),
        interview: s.interview,
        area: s.area,
        kind: s.kind,
    };
    let mut index = s.index.borrow_mut();
    if index.as_ref().is_none_or(|x| x.generation != generation) {
        *index = Some(SearchIndex::build(doc, m, generation));
    }
    index.as_mut().expect("built above").search(query)
}

/// How many notes of the last search result (see [`synthesis_notes`]), from the `k`-th
/// on, share its attention area (and its kind, with `and_kind`), when that area is one
/// of the method's (`None` for an unknown area, or before any search). The result is
/// ordered by area, then kind, so this is a binary search over the index, not a walk
/// over thousands of notes (which, at 100 000 notes, cost milliseconds per frame).
pub fn synthesis_group_len(s: &Synthesis, k: usize, and_kind: bool) -> Option<usize> {
    let index = s.index.borrow();
    let index = index.as_ref()?;
    let (_, _, positions) = index.recent.last()?;
    let rest = positions.get(k..)?;
    let first = &index.notes[*rest.first()? as usize];
    let area = first.area?;
    Some(rest.partition_point(|&p| {
        let x = &index.notes[p as usize];
        x.area == Some(area) && (!and_kind || x.kind == first.kind)
    }))
}

pub use interview_edit::area_name;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::Note;

    fn doc_with(texts: &[&str]) -> Session {
        let mut doc = Session::new("p", 1, time::OffsetDateTime::UNIX_EPOCH);
        let mut iv = Interview::default();
        for t in texts {
            iv.notes.push(Note {
                text: t.to_string(),
                ..Note::default()
            });
        }
        doc.interviews.push(std::sync::Arc::new(iv));
        doc
    }

    #[test]
    fn search_finds_accents_typed_as_combining_marks_and_precomposed_alike() {
        assert_eq!(search_form("Coo\u{308}peratie"), search_form("Coöperatie"));
        assert_eq!(search_form("e\u{301}e\u{301}n"), "een");
    }

    #[test]
    fn search_ignores_case_and_accents() {
        let doc = doc_with(&[
            "Een coöperatie van zorg",
            "Geen match",
            "COOPERATIEF",
            "Één loket",
        ]);
        let m = Method::builtin(Lang::Nl);
        let mut s = State::new(&doc).synth;
        for (q, want) in [
            ("COOPERATIE", vec![0, 2]),
            ("coöperatie", vec![0, 2]),
            ("een loket", vec![3]),
        ] {
            s.search = Field::new(q, false);
            let found: Vec<usize> = synthesis_notes(&doc, &m, &s, 0)
                .iter()
                .map(|&(_, n)| n)
                .collect();
            assert_eq!(found, want, "{q:?}");
        }
    }

    #[test]
    fn search_matches_what_whole_text_lowercasing_matches() {
        let texts = [
            "Zorg in de WIJK",
            "Eén coöperatie, ÉÉN doel",
            "ΟΔΟΣ naar de regio",
            "200 \u{212A}m (Kelvin-teken)",
            "İstanbul",
            "",
        ];
        let queries = [
            "wijk", "één", "coö", "οδος", "οδοσ", "km", "k", "i̇s", "e", " ", "WIJK",
        ];
        let doc = doc_with(&texts);
        let m = Method::builtin(Lang::Nl);
        let mut s = State::new(&doc).synth;
        for q in queries {
            s.search = Field::new(q, false);
            let found: Vec<usize> = synthesis_notes(&doc, &m, &s, 0)
                .iter()
                .map(|&(_, n)| n)
                .collect();
            let want: Vec<usize> = (0..texts.len())
                .filter(|&i| search_form(texts[i]).contains(&search_form(q.trim())))
                .collect();
            assert_eq!(found, want, "{q:?}");
        }
    }

    #[test]
    fn a_new_generation_is_searched_not_the_old_index() {
        let mut doc = doc_with(&["oude tekst"]);
        let m = Method::builtin(Lang::Nl);
        let mut s = State::new(&doc).synth;
        s.search = Field::new("nieuw", false);
        assert!(synthesis_notes(&doc, &m, &s, 1).is_empty());
        std::sync::Arc::make_mut(&mut doc.interviews[0]).notes[0].text = "nieuwe tekst".into();
        assert_eq!(*synthesis_notes(&doc, &m, &s, 2), [(0, 0)]);
    }

    #[test]
    fn kept_and_narrowed_results_equal_a_full_scan() {
        let texts: Vec<String> = (0..300)
            .map(|i| {
                let w = ["zorg", "één", "regio", "Coöperatie", "wijk", "e", "EEN"];
                format!("{} {} {}", w[i % 7], w[(i / 7) % 7], w[(i / 49) % 7])
            })
            .collect();
        let refs: Vec<&str> = texts.iter().map(String::as_str).collect();
        let mut doc = doc_with(&refs);
        let m = Method::builtin(Lang::Nl);
        for (i, n) in std::sync::Arc::make_mut(&mut doc.interviews[0])
            .notes
            .iter_mut()
            .enumerate()
        {
            n.kind = NoteKind::ALL[i % NoteKind::ALL.len()];
            // Every area of the method, and one it does not know.
            n.area = m
                .areas
                .get(i % (m.areas.len() + 1))
                .map_or("onbekend".into(), |a| a.id.clone());
        }
        let mut s = State::new(&doc).synth;
        // Growing, shrinking and regrowing queries, with a kind filter on and off.
        let steps = [
            "e", "ee", "een", "een ", "een w", "een", "ee", "e", "", "z", "zo", "zor", "zorg",
            "zorg ", "zorg e", "zorg ", "wijk", "ö", "co", "coo", "e",
        ];
        for (round, q) in steps.iter().chain(steps.iter()).enumerate() {
            s.search = Field::new(q, false);
            s.kind = (round >= steps.len()).then_some(NoteKind::ALL[0]);
            // Ordered by kind (see the other tests); compared here as sets.
            let mut found: Vec<usize> = synthesis_notes(&doc, &m, &s, 0)
                .iter()
                .map(|&(_, n)| n)
                .collect();
            found.sort_unstable();
            let want: Vec<usize> = (0..texts.len())
                .filter(|&i| {
                    search_form(&texts[i]).contains(&search_form(q.trim()))
                        && s.kind.is_none_or(|k| doc.interviews[0].notes[i].kind == k)
                })
                .collect();
            assert_eq!(found, want, "{q:?} (round {round})");
            // Group sizes from the index equal a walk over the notes.
            let shown = synthesis_notes(&doc, &m, &s, 0);
            let note = |&(a, b): &(usize, usize)| &doc.interviews[a].notes[b];
            for k in 0..shown.len() {
                for and_kind in [false, true] {
                    let walk = shown[k..]
                        .iter()
                        .take_while(|x| {
                            note(x).area == note(&shown[k]).area
                                && (!and_kind || note(x).kind == note(&shown[k]).kind)
                        })
                        .count();
                    match synthesis_group_len(&s, k, and_kind) {
                        Some(n) => assert_eq!(n, walk, "{q:?} k={k} and_kind={and_kind}"),
                        None => assert_eq!(note(&shown[k]).area, "onbekend"),
                    }
                }
            }
        }
    }
}
