//! Key tables: data, so the footer and the `?` overlay list exactly what works.

use super::action::Action;
use crate::i18n::Strings;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Combo(pub KeyCode, pub KeyModifiers);

const NONE: KeyModifiers = KeyModifiers::NONE;
const CTRL: KeyModifiers = KeyModifiers::CONTROL;
const SHIFT: KeyModifiers = KeyModifiers::SHIFT;

/// The label of a binding in the UI language.
pub type Label = fn(&Strings) -> &'static str;

/// A key table entry: one action, the keys that do it (the first is the one the footer
/// shows), its label. The same table dispatches and is listed by `?` help and the
/// footer, so the help cannot list a key that does nothing. Screens use their own
/// action type `A`; the app-wide keys use [`Action`].
pub struct Binding<A: 'static = Action> {
    pub keys: &'static [Combo],
    /// Older keys for the same action, kept working but not listed: help shows the keys
    /// every screen shares.
    pub aliases: &'static [Combo],
    pub action: A,
    pub label: Label,
    /// Shown in the footer (the rest only in the help overlay).
    pub footer: bool,
    /// A shorter label for the footer, where the full one would crowd out other keys.
    pub short: Option<Label>,
}

impl<A> Binding<A> {
    /// A binding listed in help only.
    pub const fn new(keys: &'static [Combo], action: A, label: Label) -> Self {
        Binding {
            keys,
            aliases: &[],
            action,
            label,
            footer: false,
            short: None,
        }
    }

    /// Also shown in the footer, with a shorter label there.
    pub const fn footer_as(mut self, short: Label) -> Self {
        self.footer = true;
        self.short = Some(short);
        self
    }

    /// Older keys that keep working, unlisted.
    pub const fn alias(mut self, aliases: &'static [Combo]) -> Self {
        self.aliases = aliases;
        self
    }

    /// Whether this binding takes the key (listed or alias).
    pub fn takes(&self, key: &KeyEvent) -> bool {
        self.keys.iter().chain(self.aliases).any(|c| c.matches(key))
    }

    /// Also shown in the footer.
    pub const fn footer(mut self) -> Self {
        self.footer = true;
        self
    }

    pub fn help(&self) -> KeyHelp {
        KeyHelp {
            keys: self.keys,
            aliases: self.aliases,
            label: self.label,
            footer: self.footer,
            short: self.short,
            essential: false,
            global: false,
        }
    }
}

/// A key without modifiers.
pub const fn key(code: KeyCode) -> Combo {
    Combo(code, NONE)
}

/// A character key.
pub const fn ch(c: char) -> Combo {
    Combo(KeyCode::Char(c), NONE)
}

/// Ctrl with a character.
pub const fn ctrl(c: char) -> Combo {
    Combo(KeyCode::Char(c), CTRL)
}

/// Shift with a key.
pub const fn shift(code: KeyCode) -> Combo {
    Combo(code, SHIFT)
}

// The keys of the acts every screen has, the same everywhere. The first key is the one
// the footer shows.

/// Select the previous / next row.
pub const UP: &[Combo] = &[key(KeyCode::Up)];
pub const DOWN: &[Combo] = &[key(KeyCode::Down)];
/// Open or edit the selected row.
pub const OPEN: &[Combo] = &[key(KeyCode::Enter)];
/// Close a popup or part, back to where it was opened.
pub const CLOSE: &[Combo] = &[key(KeyCode::Esc)];
/// Add a row.
pub const ADD: &[Combo] = &[ch('a'), key(KeyCode::Insert)];
/// Delete the selected row.
pub const DELETE: &[Combo] = &[ch('d'), key(KeyCode::Delete)];
/// Move the selected row up / down.
pub const MOVE_UP: &[Combo] = &[shift(KeyCode::Up)];
pub const MOVE_DOWN: &[Combo] = &[shift(KeyCode::Down)];
/// Public (in the publieksversie) on / off.
pub const PUBLIC: &[Combo] = &[ch('o')];
/// Next / previous field or part.
pub const NEXT_FIELD: &[Combo] = &[key(KeyCode::Tab)];
pub const PREV_FIELD: &[Combo] = &[shift(KeyCode::BackTab)];
/// Undo / redo.
pub const UNDO: &[Combo] = &[ctrl('z')];
pub const REDO: &[Combo] = &[ctrl('y')];

/// What the footer and the `?` overlay need of a binding, whatever its action type.
#[derive(Clone, Copy)]
pub struct KeyHelp {
    pub keys: &'static [Combo],
    /// Older keys that work too (not listed).
    pub aliases: &'static [Combo],
    pub label: Label,
    pub footer: bool,
    /// The footer's shorter label, if any.
    pub short: Option<Label>,
    /// Always in the footer, however narrow (help and quit).
    pub essential: bool,
    /// An app-wide key (listed compactly after the screen's own keys in help).
    pub global: bool,
}

/// One row of help: consecutive bindings with the same label (↑ and ↓ "choose", 1, 2
/// and 3 "kind") are one row, so the overlay stays short while every action keeps a
/// binding of its own.
pub struct HelpRow {
    pub keys: Vec<Combo>,
    pub label: Label,
    /// What the footer calls it (the label, or a shorter one).
    pub short: Label,
    pub footer: bool,
    pub essential: bool,
    pub global: bool,
}

impl KeyHelp {
    /// Whether this binding takes the key (listed or alias).
    pub fn takes(&self, key: &KeyEvent) -> bool {
        self.keys.iter().chain(self.aliases).any(|c| c.matches(key))
    }
}

/// The help rows of a list of bindings.
pub fn rows(help: &[KeyHelp], t: &Strings) -> Vec<HelpRow> {
    let mut out: Vec<HelpRow> = Vec::new();
    for h in help {
        if let Some(last) = out.last_mut()
            && (last.label)(t) == (h.label)(t)
            && last.global == h.global
        {
            last.keys.extend_from_slice(h.keys);
            last.footer |= h.footer;
            last.essential |= h.essential;
            continue;
        }
        out.push(HelpRow {
            keys: h.keys.to_vec(),
            label: h.label,
            short: h.short.unwrap_or(h.label),
            footer: h.footer,
            essential: h.essential,
            global: h.global,
        });
    }
    out
}

/// Help entries of a whole table.
pub fn help_of<A>(table: &[Binding<A>]) -> Vec<KeyHelp> {
    table.iter().map(Binding::help).collect()
}

/// Finds the action for a key in a table.
pub fn find<A: Copy>(table: &[Binding<A>], key: &KeyEvent) -> Option<A> {
    table.iter().find(|b| b.takes(key)).map(|b| b.action)
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

pub fn names(keys: &[Combo]) -> String {
    // A run of digit keys (1, 2, 3, 4, 5) reads better as "1–5".
    let digits: Vec<u32> = keys
        .iter()
        .filter_map(|c| match c.0 {
            KeyCode::Char(d) if c.1 == NONE => d.to_digit(10),
            _ => None,
        })
        .collect();
    if digits.len() == keys.len()
        && digits.len() >= 3
        && digits.windows(2).all(|w| w[1] == w[0] + 1)
    {
        return format!("{}–{}", digits[0], digits[digits.len() - 1]);
    }
    keys.iter().map(Combo::name).collect::<Vec<_>>().join(" / ")
}

/// Keys that work on every screen of a session, also while typing.
pub static GLOBAL: &[Binding] = &[
    Binding::new(
        &[key(KeyCode::PageDown), Combo(KeyCode::Right, CTRL)],
        Action::NextScreen,
        |t| t.k_next_screen,
    )
    .footer(),
    Binding::new(
        &[key(KeyCode::PageUp), Combo(KeyCode::Left, CTRL)],
        Action::PrevScreen,
        |t| t.k_prev_screen,
    )
    .footer(),
    Binding::new(&[key(KeyCode::F(1))], Action::ShowHelp, |t| t.k_help),
    Binding::new(&[ctrl('q')], Action::Quit, |t| t.k_quit).footer(),
    Binding::new(&[key(KeyCode::F(4))], Action::TogglePresenter, |t| {
        t.k_presenter
    }),
    Binding::new(&[key(KeyCode::F(3))], Action::Peek, |t| t.k_peek),
    Binding::new(&[key(KeyCode::F(8))], Action::ToggleNames, |t| t.k_names),
    Binding::new(&[key(KeyCode::F(9))], Action::NextTheme, |t| t.k_theme),
    Binding::new(&[key(KeyCode::F(5))], Action::ClockToggle, |t| {
        t.intake.k_clock
    }),
    Binding::new(&[key(KeyCode::F(6))], Action::ClockAddFive, |t| {
        t.intake.k_plus_five
    }),
    Binding::new(&[key(KeyCode::F(7))], Action::ClockNextBlock, |t| {
        t.intake.k_next_block
    }),
];

/// `?` opens help on screens where nothing is being typed.
pub static HELP_NOT_TYPING: &[Binding] =
    &[
        Binding::new(&[ch('?'), key(KeyCode::F(1))], Action::ShowHelp, |t| {
            t.k_help
        })
        .footer(),
    ];

/// Undo and redo of whole actions, outside text fields (inside one, the field's own).
/// U was the undo key of several screens before there was one undo: it still works.
pub static UNDO_NOT_TYPING: &[Binding] = &[
    Binding::new(UNDO, Action::Undo, |t| t.k_undo_app).alias(&[ch('u')]),
    Binding::new(REDO, Action::Redo, |t| t.k_redo_app),
];

pub static HELP_TYPING: &[Binding] =
    &[Binding::new(&[key(KeyCode::F(1))], Action::ShowHelp, |t| t.k_help).footer()];

/// The recovery offer (a newer backup or emergency copy).
pub static RECOVER: &[Binding] = &[
    Binding::new(&[ch('h'), ch('r')], Action::RecoverCopy, |t| t.k_recover).footer(),
    Binding::new(&[ch('o')], Action::OpenAsIs, |t| t.k_open_as_is).footer(),
    Binding::new(CLOSE, Action::CloseOverlay, |t| t.k_close).footer(),
];

/// A popup that is read, not answered (a message, the Rapport's export result): Esc or
/// Enter closes it; any other key closes it too and goes no further, except the
/// app-wide keys (another screen, quit), which also do what they do.
pub static READ_POPUP: &[Binding] = &[Binding::new(
    &[key(KeyCode::Esc), key(KeyCode::Enter)],
    Action::CloseOverlay,
    |t| t.k_close,
)
.footer()];

/// The footer while a read-only popup is open: its own key, then the app-wide keys
/// that still work (another screen, quit).
pub fn read_popup_help() -> Vec<KeyHelp> {
    let mut out = help_of(READ_POPUP);
    out.extend(
        GLOBAL
            .iter()
            .filter(|b| {
                matches!(
                    b.action,
                    Action::NextScreen | Action::PrevScreen | Action::Quit
                )
            })
            .map(|b| KeyHelp {
                global: true,
                essential: b.action == Action::Quit,
                ..b.help()
            }),
    );
    out
}

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
    let own_undo = out.iter().any(|h| h.keys.contains(&ctrl('z')));
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
    // `.` / `b` blank the room's screen (outside a text field, where they are letters).
    if !typing {
        out.extend(
            super::remote::HELP
                .iter()
                .filter(|b| b.keys.contains(&ch('.')))
                .map(app_wide),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::{field, intake, interview_edit, interviews, list, summary, triangle, wheel};
    use std::fmt::Debug;

    fn event(c: &Combo) -> KeyEvent {
        KeyEvent::new(c.0, c.1)
    }

    /// Every key a table lists (and every alias) reaches its own binding: no key is
    /// listed that an earlier row takes, and no key stands in two rows.
    fn honest<A: Copy + PartialEq + Debug>(name: &str, table: &[Binding<A>]) {
        for (i, b) in table.iter().enumerate() {
            assert!(!b.keys.is_empty(), "{name}: a row without keys");
            for c in b.keys.iter().chain(b.aliases) {
                let first = table.iter().position(|o| o.takes(&event(c)));
                assert_eq!(
                    first,
                    Some(i),
                    "{name}: {} is listed for {:?} but reaches row {first:?}",
                    c.name(),
                    b.action
                );
            }
        }
    }

    #[test]
    fn help_lists_exactly_the_keys_that_work() {
        honest("global", GLOBAL);
        honest("start", crate::app::start::KEYS);
        honest("portfolio", crate::app::start::PORTFOLIO_KEYS);
        honest("recover", RECOVER);
        honest("field", field::ONE_LINE_KEYS);
        honest("text box", field::TEXTBOX_KEYS);
        honest("list", list::KEYS);
        honest("list cell", list::EDIT_KEYS);
        honest("intake parts", intake::SECTION_KEYS);
        honest("agenda", intake::AGENDA_KEYS);
        honest("details", intake::details::KEYS);
        honest("observations", intake::observations::KEYS);
        honest("interviews", interviews::KEYS);
        honest("interview", interviews::DETAIL_KEYS);
        honest("synthesis", interviews::SYNTHESIS_KEYS);
        honest("search", interviews::SEARCH_KEYS);
        honest("picker", interviews::PICKER_KEYS);
        honest("capture", interview_edit::CAPTURE_KEYS);
        honest("notes", interview_edit::NOTES_KEYS);
        honest("note text", interview_edit::EDIT_KEYS);
        honest("interview details", interview_edit::FIELDS_KEYS);
        honest("triangle", triangle::EDIT_KEYS);
        honest("drawn", triangle::DRAWN_KEYS);
        honest("kader", triangle::KADER_KEYS);
        honest("triangle field", triangle::FIELD_KEYS);
        honest("focus", triangle::FOCUS_KEYS);
        honest("move", triangle::MOVE_KEYS);
        honest("triangle notes", triangle::NOTES_KEYS);
        honest("wheel", wheel::KEYS);
        honest("intentions", wheel::KEYS_INTENTIONS);
        honest("intention form", wheel::KEYS_FORM);
        honest("evidence picker", super::super::picker::KEYS);
        honest("picker search", super::super::picker::SEARCH_KEYS);
        honest("summary", summary::KEYS);
    }

    /// The binding of a table that does `act`, with the keys it lists.
    fn listed<A: Copy + PartialEq + Debug>(table: &[Binding<A>], act: A) -> &'static [Combo] {
        table
            .iter()
            .find(|b| b.action == act)
            .map(|b| b.keys)
            .unwrap_or_else(|| panic!("no binding for {act:?}"))
    }

    fn same_keys<A: Copy + PartialEq + Debug>(
        what: &str,
        shared: &[Combo],
        table: &[Binding<A>],
        act: A,
    ) {
        assert_eq!(listed(table, act), shared, "{what}: {act:?}");
        for c in shared {
            assert_eq!(find(table, &event(c)), Some(act), "{what}: {}", c.name());
        }
    }

    #[test]
    fn the_same_key_deletes_moves_and_makes_public_on_every_screen() {
        same_keys("delete", DELETE, list::KEYS, list::Act::Delete);
        same_keys("delete", DELETE, interviews::KEYS, interviews::Act::Delete);
        same_keys(
            "delete",
            DELETE,
            interview_edit::NOTES_KEYS,
            interview_edit::Act::Delete,
        );
        same_keys("delete", DELETE, triangle::EDIT_KEYS, triangle::Act::Delete);
        same_keys("delete", DELETE, wheel::KEYS_INTENTIONS, wheel::Act::Delete);

        same_keys("move", MOVE_UP, list::KEYS, list::Act::MoveUp);
        same_keys("move", MOVE_DOWN, list::KEYS, list::Act::MoveDown);
        same_keys("move", MOVE_UP, triangle::EDIT_KEYS, triangle::Act::MoveUp);
        same_keys(
            "move",
            MOVE_DOWN,
            triangle::EDIT_KEYS,
            triangle::Act::MoveDown,
        );
        same_keys("move", MOVE_UP, wheel::KEYS_INTENTIONS, wheel::Act::MoveUp);
        same_keys(
            "move",
            MOVE_DOWN,
            wheel::KEYS_INTENTIONS,
            wheel::Act::MoveDown,
        );

        same_keys(
            "public",
            PUBLIC,
            interview_edit::NOTES_KEYS,
            interview_edit::Act::Public,
        );
        same_keys("public", PUBLIC, triangle::EDIT_KEYS, triangle::Act::Public);
        same_keys("public", PUBLIC, wheel::KEYS_INTENTIONS, wheel::Act::Public);

        same_keys("add", ADD, list::KEYS, list::Act::Add);
        same_keys("add", ADD, triangle::EDIT_KEYS, triangle::Act::Add);
        same_keys("add", ADD, wheel::KEYS_INTENTIONS, wheel::Act::Add);
    }

    #[test]
    fn old_keys_keep_working_unlisted() {
        let x = event(&ch('x'));
        assert_eq!(find(triangle::EDIT_KEYS, &x), Some(triangle::Act::Delete));
        let p = event(&ch('p'));
        assert_eq!(
            find(interview_edit::NOTES_KEYS, &p),
            Some(interview_edit::Act::Public)
        );
        assert_eq!(find(wheel::KEYS_INTENTIONS, &p), Some(wheel::Act::Public));
        let lt = event(&ch('<'));
        assert_eq!(find(wheel::KEYS_INTENTIONS, &lt), Some(wheel::Act::MoveUp));
        let bracket = event(&ch(']'));
        assert_eq!(find(list::KEYS, &bracket), Some(list::Act::MoveDown));
    }

    #[test]
    fn pairs_with_one_label_are_one_help_row() {
        let t = crate::i18n::Lang::Nl.strings();
        let rows = rows(&help_of(wheel::KEYS), t);
        let kinds = rows
            .iter()
            .find(|r| (r.label)(t) == t.wheel.k_kind)
            .map(|r| names(&r.keys));
        assert_eq!(kinds.as_deref(), Some("1–3"));
        let select = rows
            .iter()
            .find(|r| (r.label)(t) == t.wheel.k_select)
            .map(|r| names(&r.keys));
        assert_eq!(select.as_deref(), Some("↑ / ↓"));
    }
}
