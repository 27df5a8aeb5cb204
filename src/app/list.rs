//! A list of rows the user can add to, edit in place, delete (with undo) and reorder:
//! partners, documents, agenda blocks. Columns are data ([`Column`]), so one editor serves
//! every list. New rows go into the session at once, so nothing typed is ever lost.

use super::field::{Field, FieldInput};
use super::keys::{
    ADD, Binding, CLOSE, DELETE, DOWN, KeyHelp, MOVE_DOWN, MOVE_UP, OPEN, PREV_FIELD, UP, ch, find,
    help_of, key,
};
use super::{Ctx, Outcome};
use crate::model::validate::Problem;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub use super::field::{FieldKind, FieldSpec};

/// A column: a field of the row (the one field description, [`FieldSpec`]) and its
/// relative width. Reads as its field (`col.label`, `col.kind`, `col.show(…)`).
pub struct Column<T> {
    pub field: FieldSpec<T>,
    /// Relative width.
    pub width: u16,
}

impl<T> std::ops::Deref for Column<T> {
    type Target = FieldSpec<T>;
    fn deref(&self) -> &FieldSpec<T> {
        &self.field
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Add,
    Edit,
    Delete,
    MoveUp,
    MoveDown,
}

pub static KEYS: &[Binding<Act>] = &[
    Binding::new(ADD, Act::Add, |t| t.k_add).footer(),
    Binding::new(OPEN, Act::Edit, |t| t.k_edit).footer(),
    // Undo of a delete (or any other change) is the app-wide Ctrl-Z.
    Binding::new(DELETE, Act::Delete, |t| t.k_delete).footer(),
    Binding::new(UP, Act::Up, |t| t.k_select_prev),
    Binding::new(DOWN, Act::Down, |t| t.k_select_next),
    Binding::new(MOVE_UP, Act::MoveUp, |t| t.k_move_up).alias(&[ch('[')]),
    Binding::new(MOVE_DOWN, Act::MoveDown, |t| t.k_move_down).alias(&[ch(']')]),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EditAct {
    NextCell,
    PrevCell,
    Done,
    ChoiceNext,
    ChoicePrev,
}

pub static EDIT_KEYS: &[Binding<EditAct>] = &[
    Binding::new(
        &[key(KeyCode::Tab), key(KeyCode::Enter)],
        EditAct::NextCell,
        |t| t.k_next_cell,
    )
    .footer(),
    Binding::new(PREV_FIELD, EditAct::PrevCell, |t| t.k_prev_cell),
    Binding::new(CLOSE, EditAct::Done, |t| t.k_done).footer(),
    Binding::new(&[key(KeyCode::Right), ch(' ')], EditAct::ChoiceNext, |t| {
        t.k_choice
    }),
    Binding::new(&[key(KeyCode::Left)], EditAct::ChoicePrev, |t| t.k_choice),
];

#[derive(Debug)]
pub struct Editing {
    pub col: usize,
    /// The text field of a text column (None on a choice column).
    pub field: Option<Field>,
    pub problem: Option<Problem>,
    /// The cell's value when editing began.
    original: String,
}

#[derive(Debug)]
pub struct ListEditor<T> {
    pub selected: usize,
    pub editing: Option<Editing>,
    _rows: std::marker::PhantomData<T>,
}

/// Where a list's selection goes after undo/redo: to the first row that differs between
/// the list as it was and as it is now (the row put back, or the one taken away), or
/// where it was when the rows are the same; always on a row that exists.
pub fn restored_selection<T: PartialEq>(selected: usize, now: &[T], before: &[T]) -> usize {
    let at = if now == before {
        selected
    } else {
        (0..now.len().max(before.len()))
            .find(|&i| now.get(i) != before.get(i))
            .unwrap_or(selected)
    };
    at.min(now.len().saturating_sub(1))
}

impl<T: PartialEq> ListEditor<T> {
    /// The editor after undo/redo: nothing being edited, the selection on the row
    /// the undo touched (see [`restored_selection`]).
    pub fn rebuilt(&self, now: &[T], before: &[T]) -> Self {
        ListEditor {
            selected: restored_selection(self.selected, now, before),
            ..ListEditor::default()
        }
    }
}

impl<T> Default for ListEditor<T> {
    fn default() -> Self {
        ListEditor {
            selected: 0,
            editing: None,
            _rows: std::marker::PhantomData,
        }
    }
}

/// The list's own moves, for every list (a host that edits its rows in a form of its
/// own, as the intentions do, uses these with its own keys).
impl<T> ListEditor<T> {
    /// The selected row, clamped to the rows there are.
    pub fn current(&self, n: usize) -> usize {
        self.selected.min(n.saturating_sub(1))
    }

    pub fn up(&mut self) {
        self.selected = self.selected.saturating_sub(1);
    }

    pub fn down(&mut self, n: usize) {
        self.selected = (self.selected + 1).min(n.saturating_sub(1));
    }

    /// A new row after the selected one (first in an empty list), selected.
    pub fn add(&mut self, rows: &mut Vec<T>, row: T) -> usize {
        let at = if rows.is_empty() {
            0
        } else {
            self.current(rows.len()) + 1
        };
        rows.insert(at, row);
        self.selected = at;
        at
    }

    /// The selected row taken out (the selection stays on a row that exists).
    pub fn delete(&mut self, rows: &mut Vec<T>) -> Option<T> {
        if rows.is_empty() {
            return None;
        }
        let row = rows.remove(self.current(rows.len()));
        self.selected = self.current(rows.len());
        Some(row)
    }

    /// The selected row one up; false at the top.
    pub fn move_up(&mut self, rows: &mut [T]) -> bool {
        let at = self.current(rows.len());
        if at == 0 || rows.len() < 2 {
            return false;
        }
        rows.swap(at, at - 1);
        self.selected = at - 1;
        true
    }

    /// The selected row one down; false at the bottom.
    pub fn move_down(&mut self, rows: &mut [T]) -> bool {
        let at = self.current(rows.len());
        if at + 1 >= rows.len() {
            return false;
        }
        rows.swap(at, at + 1);
        self.selected = at + 1;
        true
    }
}

impl<T: Clone + Default> ListEditor<T> {
    pub fn typing(&self) -> bool {
        self.editing.is_some()
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        if self.editing.is_some() {
            help_of(EDIT_KEYS)
        } else {
            help_of(KEYS)
        }
    }

    fn start_edit(&mut self, rows: &[T], cols: &[Column<T>], col: usize) {
        let (field, original) = match (&cols[col].kind, rows.get(self.selected)) {
            (FieldKind::Text { get, .. }, Some(row)) => {
                let v = get(row);
                (Some(Field::new(&v, false)), v)
            }
            _ => (None, String::new()),
        };
        self.editing = Some(Editing {
            col,
            field,
            problem: None,
            original,
        });
    }

    pub fn handle_key(
        &mut self,
        rows: &mut Vec<T>,
        cols: &[Column<T>],
        key: KeyEvent,
        ctx: &Ctx,
    ) -> Outcome {
        if self.editing.is_some() {
            return self.edit_key(rows, cols, key, ctx);
        }
        let Some(act) = find(KEYS, &key) else {
            return Outcome::Ignored;
        };
        let n = rows.len();
        match act {
            Act::Up => self.up(),
            Act::Down => self.down(n),
            Act::Add => {
                self.add(rows, T::default());
                self.start_edit(rows, cols, 0);
                return Outcome::Changed;
            }
            Act::Edit if n > 0 => self.start_edit(rows, cols, 0),
            Act::Delete if self.delete(rows).is_some() => return Outcome::Changed,
            Act::MoveUp if self.move_up(rows) => return Outcome::Changed,
            Act::MoveDown if self.move_down(rows) => return Outcome::Changed,
            _ => {}
        }
        Outcome::Handled
    }

    fn edit_key(
        &mut self,
        rows: &mut [T],
        cols: &[Column<T>],
        key: KeyEvent,
        ctx: &Ctx,
    ) -> Outcome {
        let Some(ed) = self.editing.as_mut() else {
            return Outcome::Ignored;
        };
        let Some(row) = rows.get_mut(self.selected) else {
            self.editing = None;
            return Outcome::Handled;
        };
        let col = &cols[ed.col];
        let act = find(EDIT_KEYS, &key);
        let on_choice = matches!(col.kind, FieldKind::Choice { .. });
        match act {
            Some(EditAct::NextCell) | Some(EditAct::PrevCell) | Some(EditAct::Done) => {
                // Leaving a cell whose text was refused (e.g. minutes "abc"): the cell
                // keeps the value it had, not a half-typed one. Text that was stored as
                // typed (an invalid date) stays, with its message.
                let mut restored = false;
                if ed.problem.is_some()
                    && let (Some(f), FieldKind::Text { get, set, .. }) = (&ed.field, &col.kind)
                    && get(row) != f.text()
                {
                    let _ = set(row, &ed.original);
                    restored = true;
                }
                let next = match act {
                    Some(EditAct::NextCell) => (ed.col + 1..cols.len())
                        .find(|c| !matches!(cols[*c].kind, FieldKind::ReadOnly { .. })),
                    Some(EditAct::PrevCell) => Some(ed.col.saturating_sub(1)),
                    _ => None,
                };
                match next {
                    Some(c) => self.start_edit(rows, cols, c),
                    None => self.editing = None,
                }
                return if restored {
                    Outcome::Changed
                } else {
                    Outcome::Handled
                };
            }
            Some(EditAct::ChoiceNext) | Some(EditAct::ChoicePrev) if on_choice => {
                if let FieldKind::Choice {
                    count, get, set, ..
                } = &col.kind
                {
                    let n = count(ctx.method).max(1);
                    let cur = get(row, ctx.method);
                    let new = if act == Some(EditAct::ChoiceNext) {
                        (cur + 1) % n
                    } else {
                        (cur + n - 1) % n
                    };
                    set(row, ctx.method, new);
                    return Outcome::Changed;
                }
            }
            _ => {}
        }
        let (Some(field), FieldKind::Text { set, .. }) = (ed.field.as_mut(), &col.kind) else {
            return Outcome::Handled;
        };
        match field.input(key) {
            FieldInput::Changed => {
                ed.problem = set(row, &field.text()).err();
                Outcome::Changed
            }
            _ => Outcome::Handled,
        }
    }

    pub fn paste(&mut self, rows: &mut [T], cols: &[Column<T>], text: &str) -> Outcome {
        let Some(ed) = self.editing.as_mut() else {
            return Outcome::Ignored;
        };
        let (Some(field), Some(row)) = (ed.field.as_mut(), rows.get_mut(self.selected)) else {
            return Outcome::Handled;
        };
        if let FieldKind::Text { set, .. } = &cols[ed.col].kind
            && field.paste(text) == FieldInput::Changed
        {
            ed.problem = set(row, &field.text()).err();
            return Outcome::Changed;
        }
        Outcome::Handled
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::method::Method;

    #[derive(Clone, Default, Debug, PartialEq)]
    struct Row(String);

    static COLS: [Column<Row>; 1] = [Column {
        width: 1,
        field: FieldSpec {
            label: |t| t.k_add,
            kind: FieldKind::Text {
                get: |r| r.0.clone(),
                set: |r, s| {
                    r.0 = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        },
    }];

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, ratatui::crossterm::event::KeyModifiers::NONE)
    }

    #[test]
    fn add_type_delete_and_reorder() {
        let method = Method::builtin(Lang::Nl);
        let ctx = Ctx {
            method: &method,
            t: Lang::Nl.strings(),
            now: time::OffsetDateTime::UNIX_EPOCH,
            show_names: false,
        };
        let mut rows: Vec<Row> = Vec::new();
        let mut l = ListEditor::default();
        for word in ["een", "twee"] {
            assert_eq!(
                l.handle_key(&mut rows, &COLS, key(KeyCode::Char('a')), &ctx),
                Outcome::Changed
            );
            for c in word.chars() {
                l.handle_key(&mut rows, &COLS, key(KeyCode::Char(c)), &ctx);
            }
            l.handle_key(&mut rows, &COLS, key(KeyCode::Enter), &ctx);
            assert!(!l.typing());
        }
        assert_eq!(rows, vec![Row("een".into()), Row("twee".into())]);
        l.handle_key(&mut rows, &COLS, key(KeyCode::Char('[')), &ctx);
        assert_eq!(rows[0].0, "twee");
        l.handle_key(&mut rows, &COLS, key(KeyCode::Char('d')), &ctx);
        // (Undo of the delete is app-wide: see tests/intake.rs.)
        assert_eq!(rows, vec![Row("een".into())]);
    }
}
