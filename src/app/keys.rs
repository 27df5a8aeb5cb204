//! Key tables: data, so the footer and the `?` overlay list exactly what works.

use super::action::Action;
use crate::i18n::Strings;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy)]
pub struct Combo(pub KeyCode, pub KeyModifiers);

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// A key table entry. Screens use their own action type `A`; the app-wide keys use
/// [`Action`].
pub struct Binding<A: 'static = Action> {
    pub keys: &'static [Combo],
    pub action: A,
    pub label: fn(&Strings) -> &'static str,
    /// Shown in the footer (the rest only in the help overlay).
    pub footer: bool,
}

/// What the footer and the `?` overlay need of a binding, whatever its action type.
#[derive(Clone, Copy)]
pub struct KeyHelp {
    pub keys: &'static [Combo],
    pub label: fn(&Strings) -> &'static str,
    pub footer: bool,
    /// Always in the footer, however narrow (help and quit).
    pub essential: bool,
    /// An app-wide key (listed compactly after the screen's own keys in help).
    pub global: bool,
}

impl<A> Binding<A> {
    pub fn help(&self) -> KeyHelp {
        KeyHelp {
            keys: self.keys,
            label: self.label,
            footer: self.footer,
            essential: false,
            global: false,
        }
    }
}

/// Help entries of a whole table.
pub fn help_of<A>(table: &[Binding<A>]) -> Vec<KeyHelp> {
    table.iter().map(Binding::help).collect()
}

/// Finds the action for a key in a table.
pub fn find<A: Copy>(table: &[Binding<A>], key: &KeyEvent) -> Option<A> {
    table
        .iter()
        .find(|b| b.keys.iter().any(|c| c.matches(key)))
        .map(|b| b.action)
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
            KeyCode::Char(' ') => "␣".to_string(),
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
        } else if self.1.contains(SHIFT) && !matches!(self.0, KeyCode::Char(_) | KeyCode::BackTab) {
            format!("Shift-{key}")
        } else {
            key
        }
    }
}

pub fn names(b: &KeyHelp) -> String {
    // A run of digit keys (1, 2, 3, 4, 5) reads better as "1–5".
    let digits: Vec<u32> = b
        .keys
        .iter()
        .filter_map(|c| match c.0 {
            KeyCode::Char(d) if c.1 == NONE => d.to_digit(10),
            _ => None,
        })
        .collect();
    if digits.len() == b.keys.len()
        && digits.len() >= 3
        && digits.windows(2).all(|w| w[1] == w[0] + 1)
    {
        return format!("{}–{}", digits[0], digits[digits.len() - 1]);
    }
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
    Binding {
        keys: &[Combo(KeyCode::F(4), NONE)],
        action: Action::TogglePresenter,
        label: |t| t.k_presenter,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::F(3), NONE)],
        action: Action::Peek,
        label: |t| t.k_peek,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::F(8), NONE)],
        action: Action::ToggleNames,
        label: |t| t.k_names,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::F(9), NONE)],
        action: Action::NextTheme,
        label: |t| t.k_theme,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::F(5), NONE)],
        action: Action::ClockToggle,
        label: |t| t.intake.k_clock,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::F(6), NONE)],
        action: Action::ClockAddFive,
        label: |t| t.intake.k_plus_five,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::F(7), NONE)],
        action: Action::ClockNextBlock,
        label: |t| t.intake.k_next_block,
        footer: false,
    },
];

/// `?` opens help on screens where nothing is being typed.
pub static HELP_NOT_TYPING: &[Binding] = &[Binding {
    keys: &[Combo(KeyCode::Char('?'), NONE), Combo(KeyCode::F(1), NONE)],
    action: Action::ShowHelp,
    label: |t| t.k_help,
    footer: true,
}];

/// Undo and redo of whole actions, outside text fields (inside one, the field's own).
pub static UNDO_NOT_TYPING: &[Binding] = &[
    Binding {
        keys: &[Combo(KeyCode::Char('z'), CTRL)],
        action: Action::Undo,
        label: |t| t.k_undo_app,
        footer: false,
    },
    Binding {
        keys: &[Combo(KeyCode::Char('y'), CTRL)],
        action: Action::Redo,
        label: |t| t.k_redo_app,
        footer: false,
    },
];

pub static HELP_TYPING: &[Binding] = &[Binding {
    keys: &[Combo(KeyCode::F(1), NONE)],
    action: Action::ShowHelp,
    label: |t| t.k_help,
    footer: true,
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
        keys: &[
            Combo(KeyCode::Char('v'), NONE),
            Combo(KeyCode::Char('n'), NONE),
        ],
        action: Action::NextRound,
        label: |t| t.rounds.k_next_round,
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

/// The recovery offer (a newer backup or emergency copy).
pub static RECOVER: &[Binding] = &[
    Binding {
        keys: &[
            Combo(KeyCode::Char('h'), NONE),
            Combo(KeyCode::Char('r'), NONE),
        ],
        action: Action::RecoverCopy,
        label: |t| t.k_recover,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::Char('o'), NONE)],
        action: Action::OpenAsIs,
        label: |t| t.k_open_as_is,
        footer: true,
    },
    Binding {
        keys: &[Combo(KeyCode::Esc, NONE)],
        action: Action::CloseOverlay,
        label: |t| t.k_close,
        footer: true,
    },
];

/// The app-wide part of a session screen's keys, around the screen's own: next/prev
/// screen, help (`?` only when no text field takes the keys), quit.
pub fn session_help(screen_keys: Vec<KeyHelp>, typing: bool) -> Vec<KeyHelp> {
    let mut out = screen_keys;
    fn app_wide(b: &Binding) -> KeyHelp {
        KeyHelp {
            global: true,
            ..b.help()
        }
    }
    let global = |a: Action| GLOBAL.iter().filter(move |b| b.action == a).map(app_wide);
    out.extend(global(Action::NextScreen));
    out.extend(global(Action::PrevScreen));
    let help = if typing { HELP_TYPING } else { HELP_NOT_TYPING };
    out.extend(help.iter().map(|b| KeyHelp {
        essential: true,
        ..app_wide(b)
    }));
    out.extend(global(Action::Quit).map(|h| KeyHelp {
        essential: true,
        ..h
    }));
    // The app-wide undo, unless the screen has an undo of its own on these keys.
    let own_undo = out.iter().any(|h| {
        h.keys
            .iter()
            .any(|c| c.0 == KeyCode::Char('z') && c.1 == CTRL)
    });
    if !typing && !own_undo {
        out.extend(UNDO_NOT_TYPING.iter().map(app_wide));
    }
    out.extend(global(Action::TogglePresenter));
    out.extend(global(Action::Peek));
    out.extend(global(Action::ToggleNames));
    out.extend(global(Action::NextTheme));
    out.extend(global(Action::ClockToggle));
    out.extend(global(Action::ClockAddFive));
    out.extend(global(Action::ClockNextBlock));
    out
}

pub fn start_help() -> Vec<KeyHelp> {
    START
        .iter()
        .map(|b| KeyHelp {
            essential: matches!(b.action, Action::ShowHelp | Action::Quit),
            ..b.help()
        })
        .collect()
}
