//! Key tables: data, so the footer and the `?` overlay list exactly what works.

use super::action::Action;
use super::screen::Screen;
use crate::i18n::Strings;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy)]
pub struct Combo(pub KeyCode, pub KeyModifiers);

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

pub struct Binding {
    pub keys: &'static [Combo],
    pub action: Action,
    pub label: fn(&Strings) -> &'static str,
    /// Shown in the footer (the rest only in the help overlay).
    pub footer: bool,
}

impl Combo {
    pub fn matches(&self, key: &KeyEvent) -> bool {
        let mods = key.modifiers - SHIFT;
        match (self.0, key.code) {
            // Shift is part of the character for `?`; ignore it there.
            (KeyCode::Char(a), KeyCode::Char(b)) => {
                a.eq_ignore_ascii_case(&b) && (self.1 - SHIFT) == mods
            }
            (a, b) => a == b && self.1 == key.modifiers,
        }
    }

    pub fn name(&self) -> String {
        let key = match self.0 {
            KeyCode::PageDown => "PgDn".to_string(),
            KeyCode::PageUp => "PgUp".to_string(),
            KeyCode::Right => "→".to_string(),
            KeyCode::Left => "←".to_string(),
            KeyCode::Up => "↑".to_string(),
            KeyCode::Down => "↓".to_string(),
            KeyCode::Enter => "Enter".to_string(),
            KeyCode::Esc => "Esc".to_string(),
            KeyCode::Tab => "Tab".to_string(),
            KeyCode::BackTab => "Shift-Tab".to_string(),
            KeyCode::F(n) => format!("F{n}"),
            KeyCode::Char(c) => c.to_uppercase().to_string(),
            other => format!("{other:?}"),
        };
        let key = if matches!(self.0, KeyCode::Char('?')) {
            "?".to_string()
        } else {
            key
        };
        if self.1.contains(CTRL) {
            format!("Ctrl-{key}")
        } else {
            key
        }
    }
}

pub fn names(b: &Binding) -> String {
    b.keys
        .iter()
        .map(Combo::name)
        .collect::<Vec<_>>()
        .join(" / ")
}

/// Keys that work on every screen of a session, also while typing.
pub static GLOBAL: &[Binding] = &[
    Binding {
        keys: &[Combo(KeyCode::PageDown, NONE), Combo(KeyCode::Right, CTRL)],
        action: Action::NextScreen,
        label: |t| t.k_next_screen,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::PageUp, NONE), Combo(KeyCode::Left, CTRL)],
        action: Action::PrevScreen,
        label: |t| t.k_prev_screen,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::F(1), NONE)],
        action: Action::ShowHelp,
        label: |t| t.k_help,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::Char('q'), CTRL)],
        action: Action::Quit,
        label: |t| t.k_quit,
        footer: true,
    },
];

/// `?` opens help on screens where nothing is being typed.
pub static HELP_NOT_TYPING: &[Binding] = &[Binding {
    keys: &[Combo(KeyCode::Char('?'), NONE), Combo(KeyCode::F(1), NONE)],
    action: Action::ShowHelp,
    label: |t| t.k_help,
    footer: true,
}];

pub static HELP_TYPING: &[Binding] = &[Binding {
    keys: &[Combo(KeyCode::F(1), NONE)],
    action: Action::ShowHelp,
    label: |t| t.k_help,
    footer: true,
}];

pub static INTAKE: &[Binding] = &[
    Binding {
        keys: &[Combo(KeyCode::Tab, NONE), Combo(KeyCode::Down, NONE)],
        action: Action::FocusNext,
        label: |t| t.k_next_field,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::BackTab, SHIFT), Combo(KeyCode::Up, NONE)],
        action: Action::FocusPrev,
        label: |t| t.k_prev_field,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::Char('z'), CTRL)],
        action: Action::FieldUndo,
        label: |t| t.k_undo,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::Char('y'), CTRL)],
        action: Action::FieldRedo,
        label: |t| t.k_redo,
        footer: false,
    },
];

/// Listed in help only: handled by the text field itself.
pub static TYPING_INFO: &[Binding] = &[Binding {
    keys: &[Combo(KeyCode::Enter, NONE)],
    action: Action::FocusNext,
    label: |t| t.k_newline,
    footer: false,
}];

pub static START: &[Binding] = &[
    Binding {
        keys: &[Combo(KeyCode::Up, NONE)],
        action: Action::SelectUp,
        label: |t| t.k_up_down,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::Down, NONE)],
        action: Action::SelectDown,
        label: |t| t.k_up_down,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::Enter, NONE)],
        action: Action::OpenSelected,
        label: |t| t.k_open,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::Char('?'), NONE), Combo(KeyCode::F(1), NONE)],
        action: Action::ShowHelp,
        label: |t| t.k_help,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::Char('q'), CTRL), Combo(KeyCode::Esc, NONE)],
        action: Action::Quit,
        label: |t| t.k_quit,
        footer: true,
    },
];

/// Whether a screen has a text field taking keys (then `?` is text, F1 is help).
pub fn typing(screen: Screen) -> bool {
    matches!(screen, Screen::Intake)
}

/// The screen's own bindings, in the order help shows them.
pub fn screen_bindings(screen: Screen) -> Vec<&'static Binding> {
    let mut out: Vec<&'static Binding> = Vec::new();
    match screen {
        Screen::Intake => {
            out.extend(INTAKE.iter());
            out.extend(TYPING_INFO.iter());
        }
        Screen::Interviews | Screen::Triangle | Screen::Wheel | Screen::Summary => {}
    }
    out
}

/// Every binding that applies on `screen`: screen first, then global.
pub fn all_bindings(screen: Screen) -> Vec<&'static Binding> {
    let mut out = screen_bindings(screen);
    let global = |a: Action| GLOBAL.iter().filter(move |b| b.action == a);
    out.extend(global(Action::NextScreen));
    out.extend(global(Action::PrevScreen));
    out.extend(if typing(screen) {
        HELP_TYPING.iter()
    } else {
        HELP_NOT_TYPING.iter()
    });
    out.extend(global(Action::Quit));
    out
}

/// Finds the action for a key on a screen, if any.
pub fn lookup(bindings: &[&'static Binding], key: &KeyEvent) -> Option<Action> {
    bindings
        .iter()
        .find(|b| b.keys.iter().any(|c| c.matches(key)))
        .map(|b| b.action)
}
