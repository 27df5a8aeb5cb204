//! One interview with its notes: the editing component shared by the Interviews screen
//! (session) and the offline interviewer mode. It works on a `&mut Interview`, so either
//! host can own the document.
//!
//! Fast capture first: the capture line takes typed text and Enter stores a note with the
//! last used attention area. From the notes list, single keys recode the selected note.

use super::field::{Field, FieldInput, FieldKind, FieldSpec};
use super::keys::{
    Binding, CLOSE, DELETE, DOWN, KeyHelp, MOVE_DOWN, MOVE_UP, OPEN, PUBLIC, UP, ch, ctrl, find,
    key, shift,
};
use super::{Ctx, Outcome};
use crate::method::Method;
use crate::model::{DeletedBy, Id, Interview, Note, NoteKind, PartnerKind};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Store,
    CaptureArea,
    ToNotes,
    ToCapture,
    Up,
    Down,
    MoveUp,
    MoveDown,
    /// The n-th attention area of the method (0-based).
    Area(usize),
    Kind,
    Public,
    Approval,
    Corner,
    Phase,
    Focus,
    Edit,
    Fields,
    Delete,
    Undo,
    Swap,
    Resolve,
    KeepBoth,
    Done,
    Cancel,
    Next,
    Prev,
    Choice,
}

/// Keys while the capture line has the cursor (typing).
pub static CAPTURE_KEYS: &[Binding<Act>] = &[
    Binding::new(OPEN, Act::Store, |t| t.interviews.k_store).footer(),
    Binding::new(&[key(KeyCode::F(2))], Act::CaptureArea, |t| {
        t.interviews.k_capture_area
    })
    .footer(),
    Binding::new(&[key(KeyCode::Up), key(KeyCode::Tab)], Act::ToNotes, |t| {
        t.interviews.k_to_notes
    })
    .footer(),
];

/// Keys on the notes list (not typing): single keys recode the selected note. Public
/// was P here before O was everyone's: kept working.
pub static NOTES_KEYS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.k_up_down),
    Binding::new(DOWN, Act::Down, |t| t.k_up_down),
    Binding::new(MOVE_UP, Act::MoveUp, |t| t.k_move_up),
    Binding::new(MOVE_DOWN, Act::MoveDown, |t| t.k_move_down),
    Binding::new(&[ch('1')], Act::Area(0), |t| t.interviews.k_area).footer(),
    Binding::new(&[ch('2')], Act::Area(1), |t| t.interviews.k_area),
    Binding::new(&[ch('3')], Act::Area(2), |t| t.interviews.k_area),
    Binding::new(&[ch('4')], Act::Area(3), |t| t.interviews.k_area),
    Binding::new(&[ch('5')], Act::Area(4), |t| t.interviews.k_area),
    Binding::new(&[ch('k')], Act::Kind, |t| t.interviews.k_kind).footer(),
    Binding::new(PUBLIC, Act::Public, |t| t.interviews.k_public).alias(&[ch('p')]),
    Binding::new(&[ch('a')], Act::Approval, |t| t.interviews.k_approval),
    Binding::new(&[ch('h')], Act::Corner, |t| t.interviews.k_corner),
    Binding::new(&[ch('w')], Act::Phase, |t| t.interviews.k_phase),
    Binding::new(&[ch('f')], Act::Focus, |t| t.interviews.k_focus),
    Binding::new(&[key(KeyCode::Enter), ch('e')], Act::Edit, |t| {
        t.interviews.k_edit
    }),
    Binding::new(&[ch('n'), key(KeyCode::Tab)], Act::ToCapture, |t| {
        t.interviews.k_to_capture
    })
    .footer(),
    Binding::new(&[ch('g')], Act::Fields, |t| t.interviews.k_fields),
    Binding::new(DELETE, Act::Delete, |t| t.interviews.k_delete),
    Binding::new(&[ch('u'), ctrl('z')], Act::Undo, |t| t.interviews.k_undo),
    Binding::new(&[ch('x')], Act::Swap, |t| t.interviews.k_swap),
    Binding::new(&[ch('r')], Act::Resolve, |t| t.interviews.k_resolve),
    Binding::new(&[ch('c')], Act::KeepBoth, |t| t.interviews.k_keep_both),
];

/// Keys while a note's text is being edited.
pub static EDIT_KEYS: &[Binding<Act>] = &[
    Binding::new(OPEN, Act::Done, |t| t.interviews.k_done).footer(),
    Binding::new(CLOSE, Act::Cancel, |t| t.interviews.k_cancel).footer(),
];

/// Keys in the interview's details form.
pub static FIELDS_KEYS: &[Binding<Act>] = &[
    Binding::new(
        &[key(KeyCode::Tab), key(KeyCode::Down), key(KeyCode::Enter)],
        Act::Next,
        |t| t.k_next_field,
    )
    .footer(),
    Binding::new(
        &[shift(KeyCode::BackTab), key(KeyCode::Up)],
        Act::Prev,
        |t| t.k_prev_field,
    ),
    Binding::new(
        &[ch(' '), key(KeyCode::Left), key(KeyCode::Right)],
        Act::Choice,
        |t| t.interviews.k_choice,
    ),
    Binding::new(CLOSE, Act::Done, |t| t.interviews.k_done).footer(),
];

fn yes_no(v: usize, t: &crate::i18n::Strings) -> String {
    let t = t.interviews;
    if v == 1 { t.yes } else { t.no }.to_string()
}

/// A text field of the interview (any text is valid: stored as typed).
macro_rules! text {
    ($label:ident, $($field:ident).+) => {
        FieldSpec {
            label: |t| t.interviews.$label,
            kind: FieldKind::Text {
                get: |i| i.$($field).+.clone(),
                set: |i, s| {
                    i.$($field).+ = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        }
    };
}

/// A yes/no field of the interview's consent, cycled with Space or ←/→.
macro_rules! yes_no {
    ($label:ident, $field:ident) => {
        FieldSpec {
            label: |t| t.interviews.$label,
            kind: FieldKind::Choice {
                count: |_| 2,
                get: |i, _| usize::from(i.consent.$field),
                set: |i, _, v| i.consent.$field = v == 1,
                label: |t, _, v| yes_no(v, t),
            },
        }
    };
}

/// The interview's details, in the order the interviewer asks them (name first): the
/// one field description ([`FieldSpec`]).
pub static FIELDS: &[FieldSpec<Interview>] = &[
    text!(f_interviewee, interviewee),
    text!(f_organisation, organisation),
    text!(f_role, role),
    FieldSpec {
        label: |t| t.interviews.f_kind,
        kind: FieldKind::Choice {
            count: |_| PartnerKind::ALL.len(),
            get: |i, _| i.kind.index(),
            set: |i, _, k| i.kind = PartnerKind::ALL[k],
            label: |t, _, k| t.interviews.kind(PartnerKind::ALL[k]).to_string(),
        },
    },
    text!(f_date, date),
    text!(f_interviewer, interviewer),
    yes_no!(f_quotes_public, quotes_public),
    yes_no!(f_with_name, with_name),
    yes_no!(f_coarse, coarse),
];

/// A short line the editor shows after a refused key (strings in the screen's table).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Notice {
    /// The interviewer mode does not go on without the interviewee's name.
    NameRequired,
    /// Approval is asked for quotes only.
    OnlyQuotes,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Focus {
    Capture,
    Notes,
    EditNote,
    Fields,
}

/// A note as it was before a delete or a destructive change, so it can come back.
#[derive(Debug, Clone)]
struct Undo {
    index: usize,
    note: Note,
    removed: bool,
    /// A note this step added (B: both versions kept), removed again on undo.
    added: Option<Id>,
}

#[derive(Debug, Clone)]
pub struct Editor {
    pub focus: Focus,
    pub capture: Field,
    /// The note text or details field being edited.
    pub edit: Field,
    /// The focused details field.
    pub field: usize,
    pub selected: usize,
    /// The attention area new notes get: the last one used.
    pub last_area: String,
    undo: Vec<Undo>,
    /// The note as it was when its text edit began.
    editing: Option<Note>,
    /// Focus areas the region added itself (the session's), next to the method's.
    pub own_focus: Vec<String>,
    /// The name field cannot be left empty (the offline interviewer mode: the name is
    /// what the file is called by, and typed text must not land in a note instead).
    pub name_required: bool,
    /// Why the last key did nothing; cleared by the next key.
    pub notice: Option<Notice>,
    /// The name field held a name when it got the focus: with names hidden it stays
    /// hidden while edited (a name being typed for the first time shows).
    pub name_given: bool,
    /// Who deletes a note here (the tombstone says so): the session, or the interviewer
    /// in the offline mode.
    pub deleted_by: DeletedBy,
    /// U / Ctrl-Z on the notes undo here: in the offline interviewer mode, which has no
    /// session history. In a session the app-wide undo takes back note edits too.
    pub own_undo: bool,
}

/// The next item of `ids` after `cur` (None → first, last → None).
fn cycle_opt(cur: Option<&str>, ids: &[String]) -> Option<String> {
    match cur.and_then(|c| ids.iter().position(|i| i == c)) {
        None => ids.first().cloned(),
        Some(p) => ids.get(p + 1).cloned(),
    }
}

impl Editor {
    pub fn new(iv: &Interview, method: &Method) -> Self {
        let last_area = iv
            .notes
            .last()
            .map(|n| n.area.clone())
            .or_else(|| method.areas.first().map(|a| a.id.clone()))
            .unwrap_or_default();
        Editor {
            focus: Focus::Capture,
            capture: Field::new(&iv.draft, false),
            edit: Field::new("", false),
            field: 0,
            selected: iv.notes.len().saturating_sub(1),
            last_area,
            undo: Vec::new(),
            editing: None,
            own_focus: Vec::new(),
            name_required: false,
            notice: None,
            deleted_by: DeletedBy::Session,
            name_given: false,
            own_undo: false,
        }
    }

    /// Starts on the details form, at the interviewee's name.
    pub fn for_new(iv: &Interview, method: &Method) -> Self {
        let mut e = Editor::new(iv, method);
        e.open_field(iv, 0);
        e
    }

    /// Back to the name field (the interviewer chose another name).
    pub fn edit_name(&mut self, iv: &Interview) {
        self.open_field(iv, 0);
    }

    fn open_field(&mut self, iv: &Interview, i: usize) {
        self.focus = Focus::Fields;
        self.field = i;
        self.name_given = !iv.interviewee.trim().is_empty();
        if FIELDS[i].is_text() {
            self.edit = Field::new(&FIELDS[i].text(iv), false);
        }
    }

    pub fn typing(&self) -> bool {
        match self.focus {
            Focus::Capture | Focus::EditNote => true,
            Focus::Fields => FIELDS[self.field].is_text(),
            Focus::Notes => false,
        }
    }

    pub fn table(&self) -> &'static [Binding<Act>] {
        match self.focus {
            Focus::Capture => CAPTURE_KEYS,
            Focus::Notes => NOTES_KEYS,
            Focus::EditNote => EDIT_KEYS,
            Focus::Fields => FIELDS_KEYS,
        }
    }

    /// The keys of what has the focus. On a note with an import conflict (⚠), the keys
    /// that settle it come first in the footer: they are the next thing to do.
    pub fn help(&self, iv: Option<&Interview>) -> Vec<KeyHelp> {
        let mut h: Vec<KeyHelp> = self
            .table()
            .iter()
            .filter(|b| self.own_undo || b.action != Act::Undo)
            .map(Binding::help)
            .collect();
        let conflict = self.focus == Focus::Notes
            && iv
                .and_then(|iv| iv.notes.get(self.selected))
                .is_some_and(|n| n.has_conflict());
        if conflict {
            let settle: Vec<KeyHelp> = NOTES_KEYS
                .iter()
                .filter(|b| matches!(b.action, Act::Swap | Act::Resolve | Act::KeepBoth))
                .map(|b| KeyHelp {
                    footer: true,
                    ..b.help()
                })
                .collect();
            h.retain(|k| !settle.iter().any(|s| std::ptr::eq(s.keys, k.keys)));
            h.splice(0..0, settle);
        }
        h
    }

    /// Keeps the selection on a note that exists (also after the app-wide undo).
    pub fn clamp(&mut self, iv: &Interview) {
        self.selected = self.selected.min(iv.notes.len().saturating_sub(1));
    }

    pub fn handle_key(&mut self, iv: &mut Interview, key: KeyEvent, ctx: &Ctx) -> Outcome {
        self.clamp(iv);
        self.notice = None;
        // A paragraph pasted without bracketed paste arrives as typed text with bare line
        // feeds, which a raw terminal reports as Ctrl-J (in a text field: "delete to the
        // start of the line"). On the capture line each line becomes a note; in other
        // text fields the line break becomes a space. No line is lost.
        let key = if key.code == KeyCode::Char('j') && key.modifiers == KeyModifiers::CONTROL {
            match self.focus {
                Focus::Capture => KeyEvent::new(KeyCode::Enter, KeyModifiers::NONE),
                _ if self.typing() => KeyEvent::new(KeyCode::Char(' '), KeyModifiers::NONE),
                _ => key,
            }
        } else {
            key
        };
        let act = find(self.table(), &key).filter(|a| self.own_undo || *a != Act::Undo);
        match self.focus {
            Focus::Capture => match act {
                Some(Act::Store) => {
                    let text = self.capture.text().trim().to_string();
                    if text.is_empty() {
                        return Outcome::Handled;
                    }
                    iv.notes.push(Note {
                        text,
                        area: self.last_area.clone(),
                        ..Note::default()
                    });
                    self.selected = iv.notes.len() - 1;
                    self.capture = Field::new("", false);
                    iv.draft.clear();
                    Outcome::Changed
                }
                Some(Act::CaptureArea) => {
                    let ids: Vec<String> = ctx.method.areas.iter().map(|a| a.id.clone()).collect();
                    self.last_area = cycle_opt(Some(&self.last_area), &ids)
                        .or_else(|| ids.first().cloned())
                        .unwrap_or_default();
                    Outcome::Handled
                }
                Some(Act::ToNotes) => {
                    if !iv.notes.is_empty() {
                        self.focus = Focus::Notes;
                    }
                    Outcome::Handled
                }
                _ if key.code == KeyCode::Esc => {
                    if iv.notes.is_empty() {
                        Outcome::Ignored
                    } else {
                        self.focus = Focus::Notes;
                        Outcome::Handled
                    }
                }
                _ => match self.capture.input(key) {
                    FieldInput::Changed => self.keep_draft(iv),
                    _ => Outcome::Handled,
                },
            },
            Focus::Notes => match act {
                Some(a) => self.notes_act(iv, a, ctx),
                None => Outcome::Ignored,
            },
            // The note follows every keystroke (autosave keeps it); the text from before
            // the edit is on the undo stack, and Esc puts it back.
            Focus::EditNote => {
                let original = self.editing.clone();
                let Some(n) = iv.notes.get_mut(self.selected) else {
                    self.focus = Focus::Notes;
                    return Outcome::Handled;
                };
                match act {
                    Some(Act::Done) => {
                        self.focus = Focus::Notes;
                        if let Some(o) = original
                            && o.text != n.text
                        {
                            self.undo.push(Undo {
                                index: self.selected,
                                note: o,
                                removed: false,
                                added: None,
                            });
                        }
                        Outcome::Handled
                    }
                    Some(Act::Cancel) => {
                        self.focus = Focus::Notes;
                        match original {
                            Some(o) if o.text != n.text => {
                                n.text = o.text;
                                Outcome::Changed
                            }
                            _ => Outcome::Handled,
                        }
                    }
                    _ => match self.edit.input(key) {
                        FieldInput::Changed => {
                            n.text = self.edit.text();
                            Outcome::Changed
                        }
                        _ => Outcome::Handled,
                    },
                }
            }
            Focus::Fields => self.fields_key(iv, act, key, ctx),
        }
    }

    fn fields_key(
        &mut self,
        iv: &mut Interview,
        act: Option<Act>,
        key: KeyEvent,
        ctx: &Ctx,
    ) -> Outcome {
        let spec = &FIELDS[self.field];
        // A text field takes Space, Left and Right itself.
        let act = match act {
            Some(Act::Choice) if spec.is_text() => None,
            a => a,
        };
        // Leaving the name field empty is refused where the name is required, so the
        // name typed next cannot end up as a note.
        let leaves = matches!(act, Some(Act::Next | Act::Done));
        if leaves && self.name_required && self.field == 0 && iv.interviewee.trim().is_empty() {
            self.notice = Some(Notice::NameRequired);
            return Outcome::Handled;
        }
        match act {
            Some(Act::Next) => {
                if self.field + 1 < FIELDS.len() {
                    self.open_field(iv, self.field + 1);
                } else {
                    self.focus = Focus::Capture;
                }
                Outcome::Handled
            }
            Some(Act::Prev) => {
                self.open_field(iv, self.field.saturating_sub(1));
                Outcome::Handled
            }
            Some(Act::Done) => {
                self.focus = Focus::Capture;
                Outcome::Handled
            }
            Some(Act::Choice) => {
                spec.cycle(iv, ctx.method, true);
                Outcome::Changed
            }
            _ if spec.is_text() => match self.edit.input(key) {
                FieldInput::Changed => {
                    let _ = spec.store(iv, &self.edit.text());
                    Outcome::Changed
                }
                _ => Outcome::Handled,
            },
            _ => Outcome::Handled,
        }
    }

    fn notes_act(&mut self, iv: &mut Interview, act: Act, ctx: &Ctx) -> Outcome {
        let m = ctx.method;
        if iv.notes.is_empty() && !matches!(act, Act::ToCapture | Act::Fields | Act::Undo) {
            return Outcome::Handled;
        }
        let i = self.selected;
        match act {
            Act::Up => {
                if i == 0 {
                    // Past the top: nothing above; stay.
                } else {
                    self.selected -= 1;
                }
                return Outcome::Handled;
            }
            Act::Down => {
                if i + 1 < iv.notes.len() {
                    self.selected += 1;
                } else {
                    self.focus = Focus::Capture;
                }
                return Outcome::Handled;
            }
            Act::ToCapture => {
                self.focus = Focus::Capture;
                return Outcome::Handled;
            }
            // Shift-↑/↓: the note moves, the selection with it (as rows do in every list).
            Act::MoveUp | Act::MoveDown => {
                let j = if act == Act::MoveUp {
                    i.checked_sub(1)
                } else {
                    Some(i + 1).filter(|j| *j < iv.notes.len())
                };
                let Some(j) = j else {
                    return Outcome::Handled;
                };
                iv.notes.swap(i, j);
                self.selected = j;
                return Outcome::Changed;
            }
            Act::Fields => {
                self.open_field(iv, 0);
                return Outcome::Handled;
            }
            Act::Edit => {
                self.edit = Field::new(&iv.notes[i].text, false);
                self.editing = Some(iv.notes[i].clone());
                self.focus = Focus::EditNote;
                return Outcome::Handled;
            }
            Act::Delete => {
                let by = if self.deleted_by == DeletedBy::Interviewer {
                    iv.interviewer.clone()
                } else {
                    String::new()
                };
                let note = iv.delete_note(i, self.deleted_by, &by, ctx.now);
                self.undo.push(Undo {
                    index: i,
                    note,
                    removed: true,
                    added: None,
                });
                self.clamp(iv);
                if iv.notes.is_empty() {
                    self.focus = Focus::Capture;
                }
                return Outcome::Changed;
            }
            Act::Undo => {
                let Some(u) = self.undo.pop() else {
                    return Outcome::Handled;
                };
                if let Some(id) = &u.added {
                    iv.notes.retain(|n| n.id != *id);
                }
                if u.removed {
                    iv.deleted.retain(|t| t.id != *u.note.file_key());
                    let at = u.index.min(iv.notes.len());
                    iv.notes.insert(at, u.note);
                    self.selected = at;
                } else if let Some(n) = iv.notes.iter_mut().find(|n| n.id == u.note.id) {
                    *n = u.note;
                }
                self.focus = Focus::Notes;
                return Outcome::Changed;
            }
            _ => {}
        }
        let n = &mut iv.notes[i];
        match act {
            Act::Area(k) => {
                let Some(area) = m.areas.get(k) else {
                    return Outcome::Handled;
                };
                n.area = area.id.clone();
                self.last_area = area.id.clone();
            }
            Act::Kind => n.kind = n.kind.next(),
            Act::Public => n.public = !n.public,
            Act::Approval if n.kind != NoteKind::Citaat => {
                self.notice = Some(Notice::OnlyQuotes);
                return Outcome::Handled;
            }
            Act::Approval => n.set_approval(n.approval.next(), ctx.now),
            Act::Corner => {
                let ids: Vec<String> = m.triangle.corners.iter().map(|c| c.id.clone()).collect();
                n.corner = cycle_opt(n.corner.as_deref(), &ids);
            }
            Act::Phase => {
                let ids: Vec<String> = m.wheel.phases.iter().map(|p| p.id.clone()).collect();
                n.phase = cycle_opt(n.phase.as_deref(), &ids);
            }
            Act::Focus => {
                // One key cycles through the method's focus areas and the region's own
                // (one at a time).
                let mut all = m.focus_areas.clone();
                all.extend(
                    self.own_focus
                        .iter()
                        .filter(|f| !all.contains(f))
                        .cloned()
                        .collect::<Vec<_>>(),
                );
                let cur = n.focus_areas.last().map(String::as_str);
                n.focus_areas = cycle_opt(cur, &all).into_iter().collect();
            }
            Act::Swap | Act::Resolve | Act::KeepBoth => {
                if n.conflict.is_none() {
                    return Outcome::Handled;
                }
                self.undo.push(Undo {
                    index: i,
                    note: n.clone(),
                    removed: false,
                    added: None,
                });
                match act {
                    Act::Swap => {
                        if let Some(side) = crate::model::merge::take_other_version(n) {
                            // The other side's version is "deleted": so be it, with a
                            // tombstone, and undo (U) brings it back.
                            let by = if side == DeletedBy::Interviewer {
                                iv.interviewer.clone()
                            } else {
                                String::new()
                            };
                            iv.delete_note(i, side, &by, ctx.now);
                            // Undo puts the note back as it was, conflict and all.
                            if let Some(u) = self.undo.last_mut() {
                                u.removed = true;
                            }
                            self.clamp(iv);
                        }
                    }
                    Act::Resolve => crate::model::merge::keep_this_version(n),
                    _ => {
                        let Some(twin) = crate::model::merge::split_versions(n) else {
                            self.undo.pop();
                            return Outcome::Handled;
                        };
                        if let Some(u) = self.undo.last_mut() {
                            u.added = Some(twin.id.clone());
                        }
                        iv.notes.insert(i + 1, twin);
                    }
                }
            }
            _ => return Outcome::Handled,
        }
        Outcome::Changed
    }

    /// Mirrors the capture line into the document, so autosave keeps it.
    fn keep_draft(&mut self, iv: &mut Interview) -> Outcome {
        let text = self.capture.text();
        if iv.draft == text {
            return Outcome::Handled;
        }
        iv.draft = text;
        Outcome::Changed
    }

    pub fn paste(&mut self, iv: &mut Interview, text: &str) -> Outcome {
        match self.focus {
            Focus::Capture => {
                self.capture.paste(text);
                self.keep_draft(iv)
            }
            Focus::EditNote => {
                self.edit.paste(text);
                match iv.notes.get_mut(self.selected) {
                    Some(n) => {
                        n.text = self.edit.text();
                        Outcome::Changed
                    }
                    None => Outcome::Handled,
                }
            }
            Focus::Fields if FIELDS[self.field].is_text() => {
                self.edit.paste(text);
                let _ = FIELDS[self.field].store(iv, &self.edit.text());
                Outcome::Changed
            }
            Focus::Fields => Outcome::Ignored,
            Focus::Notes => Outcome::Ignored,
        }
    }
}

/// The display name of an attention area id (the id itself when the method lacks it).
pub fn area_name<'a>(m: &'a Method, id: &'a str) -> &'a str {
    m.area(id).map(|a| a.name.as_str()).unwrap_or(id)
}
