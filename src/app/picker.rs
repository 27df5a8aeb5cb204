//! One picker: a list in a popup to tick rows in (multi-select) or choose one row from,
//! with a search that narrows it (`/`, then type). The rows and which are ticked belong
//! to the host (the session holds the ticks); the picker holds the cursor and the
//! search, and says which row to tick, untick or choose. The same keys everywhere:
//! ↑/↓, Space ticks, Enter does the picker's act (tick, choose, import), `/` searches,
//! Esc ends the search or closes. Used by the triangle's and the wheel's evidence
//! lists, the focus areas, the triangle's move menu ([`CHOOSE`]) and the interview
//! import (its own [`Keys`] with Enter = import).

use super::field::{Field, FieldInput};
use super::keys::{Binding, CLOSE, DOWN, KeyHelp, UP, ch, find, help_of, key};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    Toggle,
    /// Enter where the picker chooses one row (or acts on the ticked ones).
    Choose,
    Search,
    Close,
}

/// A picker's keys: while browsing and while the search is typed (then the rest is
/// typed into it). [`TICK`] for a list to tick, [`CHOOSE`] to choose one row; a host
/// with another act for Enter (import) has its own, with the same keys.
pub struct Keys {
    pub browse: &'static [Binding<Act>],
    pub search: &'static [Binding<Act>],
}

impl std::fmt::Debug for Keys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Keys")
    }
}

/// Ticking rows: Space and Enter tick, Esc is done.
pub static TICK: Keys = Keys {
    browse: KEYS,
    search: SEARCH_KEYS,
};

/// Choosing one row: Enter (or Space) chooses, Esc cancels.
pub static CHOOSE: Keys = Keys {
    browse: CHOOSE_KEYS,
    search: CHOOSE_SEARCH_KEYS,
};

static CHOOSE_KEYS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.k_select_prev),
    Binding::new(DOWN, Act::Down, |t| t.k_select_next),
    Binding::new(&[key(KeyCode::Enter), ch(' ')], Act::Choose, |t| {
        t.k_pick_choose
    })
    .footer(),
    Binding::new(&[ch('/')], Act::Search, |t| t.k_search).footer(),
    Binding::new(CLOSE, Act::Close, |t| t.k_pick_cancel).footer(),
];

static CHOOSE_SEARCH_KEYS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.k_select_prev),
    Binding::new(DOWN, Act::Down, |t| t.k_select_next),
    Binding::new(&[key(KeyCode::Enter)], Act::Choose, |t| t.k_pick_choose).footer(),
    Binding::new(CLOSE, Act::Close, |t| t.k_search_end).footer(),
];

/// The keys of a picker.
pub static KEYS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.k_select_prev),
    Binding::new(DOWN, Act::Down, |t| t.k_select_next),
    Binding::new(&[ch(' '), key(KeyCode::Enter)], Act::Toggle, |t| t.k_pick).footer(),
    Binding::new(&[ch('/')], Act::Search, |t| t.k_search).footer(),
    Binding::new(CLOSE, Act::Close, |t| t.k_pick_done).footer(),
];

/// The keys while the search is typed (the rest is typed into it).
pub static SEARCH_KEYS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.k_select_prev),
    Binding::new(DOWN, Act::Down, |t| t.k_select_next),
    Binding::new(&[key(KeyCode::Enter)], Act::Toggle, |t| t.k_pick).footer(),
    Binding::new(CLOSE, Act::Close, |t| t.k_search_end).footer(),
];

/// What the host does after a key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Picked {
    /// Nothing for the host (the cursor moved, the search changed, or not a key of the
    /// picker).
    Nothing,
    /// Tick or untick this row (an index into the host's rows).
    Toggle(usize),
    /// Enter on this row (an index into the host's rows): choose it, or act.
    Choose(usize),
    /// The picker is done.
    Close,
}

/// Ticks `item` in `list` if it is not there, else unticks it.
pub fn toggle<T: PartialEq>(list: &mut Vec<T>, item: T) {
    match list.iter().position(|x| *x == item) {
        Some(p) => {
            list.remove(p);
        }
        None => list.push(item),
    }
}

#[derive(Debug, Clone)]
pub struct Picker {
    /// Position among the rows shown (those the search matches).
    pub cursor: usize,
    /// The search being typed, if any.
    pub search: Option<Box<Field>>,
    pub keys: &'static Keys,
}

impl Default for Picker {
    /// A list to tick.
    fn default() -> Self {
        Picker::new(&TICK)
    }
}

impl Picker {
    pub fn new(keys: &'static Keys) -> Self {
        Picker {
            cursor: 0,
            search: None,
            keys,
        }
    }

    /// The picker with its cursor on row `row` (no search yet).
    pub fn at(mut self, row: usize) -> Self {
        self.cursor = row;
        self
    }

    fn table(&self) -> &'static [Binding<Act>] {
        if self.typing() {
            self.keys.search
        } else {
            self.keys.browse
        }
    }

    /// Whether the search has the keys (letters type).
    pub fn typing(&self) -> bool {
        self.search.is_some()
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        help_of(self.table())
    }

    /// The search text (empty: every row).
    pub fn query(&self) -> String {
        self.search.as_ref().map(|f| f.text()).unwrap_or_default()
    }

    /// The rows the search matches, as indices into `rows` (letter case ignored).
    pub fn shown(&self, rows: &[String]) -> Vec<usize> {
        let q = self.query().trim().to_lowercase();
        (0..rows.len())
            .filter(|&i| q.is_empty() || rows[i].to_lowercase().contains(&q))
            .collect()
    }

    /// The row under the cursor, as an index into `rows`.
    pub fn current(&self, rows: &[String]) -> Option<usize> {
        let shown = self.shown(rows);
        shown
            .get(self.cursor.min(shown.len().saturating_sub(1)))
            .copied()
    }

    /// Whether `key` is one of the picker's own now (else the host may take it: a
    /// host's extra keys work while no search is typed).
    pub fn takes(&self, key: &KeyEvent) -> bool {
        self.typing() || find(self.table(), key).is_some()
    }

    /// A key, with the host's rows as the user reads them (what the search looks in).
    pub fn handle_key(&mut self, key: KeyEvent, rows: &[String]) -> Picked {
        let n = self.shown(rows).len();
        let act = find(self.table(), &key);
        match act {
            Some(Act::Up) => self.cursor = self.cursor.min(n.saturating_sub(1)).saturating_sub(1),
            Some(Act::Down) => self.cursor = (self.cursor + 1).min(n.saturating_sub(1)),
            Some(Act::Toggle) => {
                return self.current(rows).map_or(Picked::Nothing, Picked::Toggle);
            }
            Some(Act::Choose) => {
                return self.current(rows).map_or(Picked::Nothing, Picked::Choose);
            }
            Some(Act::Search) => self.search = Some(Box::new(Field::new("", false))),
            // Esc ends a search (the whole list again), or else closes the picker.
            Some(Act::Close) if self.typing() => {
                self.search = None;
                self.cursor = 0;
            }
            Some(Act::Close) => return Picked::Close,
            None => {
                if let Some(field) = &mut self.search
                    && field.input(key) == FieldInput::Changed
                {
                    self.cursor = 0;
                }
            }
        }
        Picked::Nothing
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::crossterm::event::KeyModifiers;

    fn press(p: &mut Picker, code: KeyCode, rows: &[String]) -> Picked {
        p.handle_key(KeyEvent::new(code, KeyModifiers::NONE), rows)
    }

    #[test]
    fn search_narrows_and_enter_ticks_the_row_found() {
        let rows: Vec<String> = [
            "Wethouder: te weinig tijd",
            "Huisarts: de POH",
            "Zorggroep: tijd",
        ]
        .map(String::from)
        .to_vec();
        let mut p = Picker::default();
        assert_eq!(press(&mut p, KeyCode::Down, &rows), Picked::Nothing);
        assert_eq!(press(&mut p, KeyCode::Char(' '), &rows), Picked::Toggle(1));
        press(&mut p, KeyCode::Char('/'), &rows);
        for c in "TIJD".chars() {
            press(&mut p, KeyCode::Char(c), &rows);
        }
        assert_eq!(p.shown(&rows), vec![0, 2]);
        press(&mut p, KeyCode::Down, &rows);
        assert_eq!(press(&mut p, KeyCode::Enter, &rows), Picked::Toggle(2));
        // Esc ends the search, a second Esc closes.
        assert_eq!(press(&mut p, KeyCode::Esc, &rows), Picked::Nothing);
        assert_eq!(p.shown(&rows).len(), 3);
        assert_eq!(press(&mut p, KeyCode::Esc, &rows), Picked::Close);
    }
}
