//! First observations per attention area: one text box per area of the method.

use crate::app::field::{Field, FieldInput};
use crate::app::keys::{Binding, KeyHelp, NEXT_FIELD, PREV_FIELD, find, help_of};
use crate::app::{Ctx, Outcome};
use crate::method::Method;
use crate::model::Session;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use std::collections::BTreeMap;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Next,
    Prev,
}

pub static KEYS: &[Binding<Act>] = &[
    Binding::new(NEXT_FIELD, Act::Next, |t| t.k_next_field).footer(),
    Binding::new(PREV_FIELD, Act::Prev, |t| t.k_prev_field),
];

/// The text boxes are made when first typed in (the areas come from the method, which
/// the screen sees only in `ctx`); until then the session's text is shown as is.
#[derive(Default)]
pub struct Form {
    /// Index into the method's areas.
    pub focus: usize,
    pub fields: BTreeMap<String, Field>,
}

impl Form {
    pub fn help(&self) -> Vec<KeyHelp> {
        help_of(KEYS)
    }

    /// The focused area's id and its text box.
    fn focused<'a>(
        &'a mut self,
        doc: &Session,
        method: &Method,
    ) -> Option<(String, &'a mut Field)> {
        let id = method.areas.get(self.focus)?.id.clone();
        let field = self.fields.entry(id.clone()).or_insert_with(|| {
            Field::new(
                doc.intake
                    .observations
                    .get(&id)
                    .map(String::as_str)
                    .unwrap_or(""),
                true,
            )
        });
        Some((id, field))
    }

    fn step(&mut self, forward: bool, method: &Method) {
        let n = method.areas.len().max(1);
        self.focus = if forward {
            (self.focus + 1) % n
        } else {
            (self.focus + n - 1) % n
        };
    }

    pub fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        if let Some(act) = find(KEYS, &key) {
            self.step(act == Act::Next, ctx.method);
            return Outcome::Handled;
        }
        let Some((id, field)) = self.focused(doc, ctx.method) else {
            return Outcome::Ignored;
        };
        // Arrows leave a box from its first / last line.
        let row = field.cursor_row();
        let last = field.line_count();
        match key.code {
            KeyCode::Up if row == 0 => {
                self.step(false, ctx.method);
                return Outcome::Handled;
            }
            KeyCode::Down if row + 1 >= last => {
                self.step(true, ctx.method);
                return Outcome::Handled;
            }
            _ => {}
        }
        match field.input(key) {
            FieldInput::Changed => commit(doc, id, field.text()),
            FieldInput::Done => {
                self.step(true, ctx.method);
                Outcome::Handled
            }
            _ => Outcome::Handled,
        }
    }

    pub fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome {
        let Some((id, field)) = self.focused(doc, ctx.method) else {
            return Outcome::Ignored;
        };
        if field.paste(text) == FieldInput::Changed {
            commit(doc, id, field.text())
        } else {
            Outcome::Handled
        }
    }
}

fn commit(doc: &mut Session, id: String, text: String) -> Outcome {
    if text.is_empty() {
        doc.intake.observations.remove(&id);
    } else {
        doc.intake.observations.insert(id, text);
    }
    Outcome::Changed
}
