//! One text field: a wrapper around `ratatui_textarea::TextArea` (word wrap, Dutch
//! diacritics, paste, undo), shared by every screen that lets the user type.

use super::keys::{Binding, CLOSE, KeyHelp, NEXT_FIELD, OPEN, REDO, UNDO, find, help_of};
use ratatui::crossterm::event::KeyEvent;
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

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Act {
    Done,
    Cancel,
    Newline,
    Undo,
    Redo,
}

/// The keys a one-line field handles itself (the rest is typed).
pub(crate) static ONE_LINE_KEYS: &[Binding<Act>] = &[
    Binding::new(OPEN, Act::Done, |t| t.triangle.k_store).footer(),
    Binding::new(CLOSE, Act::Cancel, |t| t.triangle.k_stop_typing).footer(),
    Binding::new(UNDO, Act::Undo, |t| t.k_undo),
    Binding::new(REDO, Act::Redo, |t| t.k_redo),
];

/// The keys a text box handles itself.
pub(crate) static TEXTBOX_KEYS: &[Binding<Act>] = &[
    Binding::new(CLOSE, Act::Done, |t| t.triangle.k_store).footer(),
    Binding::new(NEXT_FIELD, Act::Done, |t| t.triangle.k_store),
    Binding::new(OPEN, Act::Newline, |t| t.triangle.k_newline),
    Binding::new(UNDO, Act::Undo, |t| t.k_undo),
    Binding::new(REDO, Act::Redo, |t| t.k_redo),
];

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

    fn keys(&self) -> &'static [Binding<Act>] {
        if self.multiline {
            TEXTBOX_KEYS
        } else {
            ONE_LINE_KEYS
        }
    }

    /// The keys the field handles itself, for the screen's help.
    pub fn help(&self) -> Vec<KeyHelp> {
        help_of(self.keys())
    }

    /// Feeds a key. Ctrl-Z / Ctrl-Y undo and redo inside the field.
    pub fn input(&mut self, key: KeyEvent) -> FieldInput {
        let changed = |yes: bool| {
            if yes {
                FieldInput::Changed
            } else {
                FieldInput::Moved
            }
        };
        match find(self.keys(), &key) {
            Some(Act::Done) => FieldInput::Done,
            Some(Act::Cancel) => FieldInput::Cancel,
            Some(Act::Newline) => {
                self.area.insert_newline();
                FieldInput::Changed
            }
            Some(Act::Undo) => changed(self.area.undo()),
            Some(Act::Redo) => changed(self.area.redo()),
            None => changed(self.area.input(key)),
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

/// One field of a record `T` (an intake detail, an interview detail, a column of a
/// list): its label and how it is edited. The one description every form and list
/// reads (a list column adds its width, see `list::Column`).
pub struct FieldSpec<T> {
    pub label: fn(&crate::i18n::Strings) -> &'static str,
    pub kind: FieldKind<T>,
}

/// How a field is edited.
pub enum FieldKind<T> {
    /// Free text. `set` stores it as typed and says when it is not valid (the text
    /// stays, with a message; a list puts the old value back on leaving the cell).
    Text {
        get: fn(&T) -> String,
        set: fn(&mut T, &str) -> Result<(), crate::model::validate::Problem>,
        /// A text box (Enter is a new line) rather than one line.
        multiline: bool,
    },
    /// Shown, not edited (e.g. the actual time of an agenda block).
    ReadOnly { get: fn(&T) -> String },
    /// One of a fixed set of options, cycled with ←/→ or Space.
    Choice {
        count: fn(&crate::method::Method) -> usize,
        get: fn(&T, &crate::method::Method) -> usize,
        set: fn(&mut T, &crate::method::Method, usize),
        label: fn(&crate::i18n::Strings, &crate::method::Method, usize) -> String,
    },
}

impl<T> FieldSpec<T> {
    /// The value as shown.
    pub fn show(&self, row: &T, t: &crate::i18n::Strings, m: &crate::method::Method) -> String {
        match &self.kind {
            FieldKind::Text { get, .. } | FieldKind::ReadOnly { get } => get(row),
            FieldKind::Choice { get, label, .. } => label(t, m, get(row, m)),
        }
    }

    /// The text of a text field (empty for a choice).
    pub fn text(&self, row: &T) -> String {
        match &self.kind {
            FieldKind::Text { get, .. } | FieldKind::ReadOnly { get } => get(row),
            FieldKind::Choice { .. } => String::new(),
        }
    }

    /// Stores typed text (a choice or a read-only field takes none).
    pub fn store(&self, row: &mut T, text: &str) -> Result<(), crate::model::validate::Problem> {
        match &self.kind {
            FieldKind::Text { set, .. } => set(row, text),
            _ => Ok(()),
        }
    }

    pub fn multiline(&self) -> bool {
        matches!(
            self.kind,
            FieldKind::Text {
                multiline: true,
                ..
            }
        )
    }

    pub fn is_text(&self) -> bool {
        matches!(self.kind, FieldKind::Text { .. })
    }

    /// A choice one step on (or back): true when it is a choice.
    pub fn cycle(&self, row: &mut T, m: &crate::method::Method, forward: bool) -> bool {
        let FieldKind::Choice {
            count, get, set, ..
        } = &self.kind
        else {
            return false;
        };
        let n = count(m).max(1);
        let cur = get(row, m);
        set(
            row,
            m,
            if forward {
                (cur + 1) % n
            } else {
                (cur + n - 1) % n
            },
        );
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::{KeyCode, KeyModifiers};

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
