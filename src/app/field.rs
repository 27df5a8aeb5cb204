//! One text field: a wrapper around `ratatui_textarea::TextArea` (word wrap, Dutch
//! diacritics, paste, undo), shared by every screen that lets the user type.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::style::{Modifier, Style};
use ratatui_textarea::{CursorMove, TextArea, WrapMode};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FieldInput {
    /// The text changed.
    Changed,
    /// A key the field used without changing the text (cursor moves).
    Moved,
    /// Enter in a one-line field, or Esc/Tab in a text box: the user is done.
    Done,
    /// Esc in a one-line field.
    Cancel,
}

#[derive(Debug, Clone)]
pub struct Field {
    pub area: TextArea<'static>,
    pub multiline: bool,
}

impl Field {
    pub fn new(text: &str, multiline: bool) -> Self {
        let lines: Vec<String> = if multiline {
            text.split('\n').map(str::to_string).collect()
        } else {
            vec![text.replace('\n', " ")]
        };
        let mut area = TextArea::new(lines);
        area.set_wrap_mode(WrapMode::WordOrGlyph);
        area.set_cursor_line_style(Style::default());
        // The field being typed in is underlined, so the room sees where text goes.
        area.set_style(Style::new().add_modifier(Modifier::UNDERLINED));
        area.move_cursor(CursorMove::Bottom);
        area.move_cursor(CursorMove::End);
        Field { area, multiline }
    }

    pub fn text(&self) -> String {
        self.area.lines().join("\n")
    }

    pub fn cursor_row(&self) -> usize {
        self.area.cursor().0
    }

    pub fn line_count(&self) -> usize {
        self.area.lines().len()
    }

    /// Feeds a key. Ctrl-Z / Ctrl-Y undo and redo inside the field.
    pub fn input(&mut self, key: KeyEvent) -> FieldInput {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        match key.code {
            KeyCode::Enter if !self.multiline => return FieldInput::Done,
            KeyCode::Esc if !self.multiline => return FieldInput::Cancel,
            KeyCode::Esc | KeyCode::Tab if self.multiline => return FieldInput::Done,
            KeyCode::Char('z') if ctrl => {
                return if self.area.undo() {
                    FieldInput::Changed
                } else {
                    FieldInput::Moved
                };
            }
            KeyCode::Char('y') if ctrl => {
                return if self.area.redo() {
                    FieldInput::Changed
                } else {
                    FieldInput::Moved
                };
            }
            _ => {}
        }
        if self.area.input(key) {
            FieldInput::Changed
        } else {
            FieldInput::Moved
        }
    }

    /// Pasted text goes in at once; a one-line field turns line breaks into spaces.
    pub fn paste(&mut self, text: &str) -> FieldInput {
        let text = if self.multiline {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.replace(['\r', '\n'], " ")
        };
        if self.area.insert_str(text) {
            FieldInput::Changed
        } else {
            FieldInput::Moved
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(c: KeyCode) -> KeyEvent {
        KeyEvent::new(c, KeyModifiers::NONE)
    }

    #[test]
    fn typing_diacritics_undo_and_done() {
        let mut f = Field::new("", false);
        for c in "Één".chars() {
            assert_eq!(f.input(key(KeyCode::Char(c))), FieldInput::Changed);
        }
        assert_eq!(f.text(), "Één");
        f.input(KeyEvent::new(KeyCode::Char('z'), KeyModifiers::CONTROL));
        assert_ne!(f.text(), "Één");
        assert_eq!(f.input(key(KeyCode::Enter)), FieldInput::Done);
        assert_eq!(f.paste("a\nb"), FieldInput::Changed);
        assert!(!f.text().contains('\n'));
    }
}
