//! The start screen: the sessions of the folder grouped by pact (newest pact first,
//! its rounds newest first under it), searched by typing, with file names on request,
//! and the portfolio (Overzicht) of all pacts as a view of its own.
//!
//! The list comes from the folder's headers only (`store::folder`): no session is read
//! whole for grouping or searching.

use super::keys::{Binding, CLOSE, DOWN, KeyHelp, OPEN, UP, ch, ctrl, help_of, key};
use super::{Action, Effect};
use crate::store::LoadProblem;
use crate::store::folder::Header;
use crate::store::recovery::Recovery;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use std::path::PathBuf;

pub struct StartEntry {
    pub path: PathBuf,
    /// Pact, round, date, place and last save, or why the file cannot be read.
    pub summary: Result<Header, LoadProblem>,
    /// A newer backup or emergency copy, offered when the entry is opened.
    pub recovery: Option<Recovery>,
}

impl StartEntry {
    /// The pact this entry is grouped under (`None`: the file cannot be read), by
    /// [`crate::model::pact::pact_key`]: empty for sessions without a pact name.
    pub fn group_key(&self) -> Option<String> {
        self.summary
            .as_ref()
            .ok()
            .map(|h| crate::model::pact::pact_key(&h.pact_name))
    }

    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    }

    /// Whether every word of `query` is found in the pact, place, date or round (a
    /// file that cannot be read: in its file name). Case does not matter.
    pub fn matches(&self, words: &[String]) -> bool {
        words.is_empty() || {
            let hay = self.haystack();
            words.iter().all(|w| hay.contains(w.as_str()))
        }
    }

    /// What a search looks in, folded (see [`fold`]); "ronde 2" and "round 2" find
    /// the round.
    fn haystack(&self) -> String {
        fold(&match &self.summary {
            Ok(h) => format!(
                "{}\n{}\n{}\nronde {r}\nround {r}",
                h.pact_name,
                h.place,
                h.session_date,
                r = h.round
            ),
            Err(_) => self.file_name(),
        })
    }
}

/// The portfolio shown on the start screen.
pub struct PortfolioView {
    pub data: crate::export::portfolio::Portfolio,
    /// First line shown.
    pub scroll: usize,
    /// After an export: the files written, and for each that failed why (every format
    /// is tried; a failure of one does not hide that others were written).
    pub written: Option<(Vec<PathBuf>, Vec<String>)>,
    /// The last first line that still fills the screen, as last drawn: scrolling stops
    /// there.
    pub max_scroll: std::cell::Cell<usize>,
    /// The body's lines, wrapped, for the width they were made for: made when the view
    /// opens or the width changes, not per frame (90 sessions' obstacles are many
    /// lines, and every one is checked for hidden characters).
    pub lines: std::cell::RefCell<Option<(u16, std::rc::Rc<[ratatui::text::Line<'static>]>)>>,
}

impl PortfolioView {
    pub fn new(data: crate::export::portfolio::Portfolio) -> Self {
        PortfolioView {
            data,
            scroll: 0,
            written: None,
            max_scroll: std::cell::Cell::new(usize::MAX),
            lines: std::cell::RefCell::new(None),
        }
    }
}

#[derive(Default)]
pub struct StartState {
    pub dir: PathBuf,
    /// In group order (see [`order`]).
    pub entries: Vec<StartEntry>,
    /// 0 = new session, 1 = example, 2.. = the entries that match the search, in order.
    pub selected: usize,
    /// What is typed: the list shows only the sessions that match.
    pub query: String,
    /// File names shown instead of the place.
    pub show_files: bool,
    /// The portfolio view is open.
    pub portfolio: Option<Box<PortfolioView>>,
    /// The last search's matches (for the query, over as many entries): a keystroke
    /// filters once however often the frame asks.
    found: std::cell::RefCell<Option<(String, usize, Vec<usize>)>>,
    /// Each entry's [`StartEntry::haystack`], made once.
    hay: std::cell::OnceCell<Vec<String>>,
}

/// One row of the grouped list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Row {
    New,
    Demo,
    /// A pact's heading: its name as last saved (empty: no name), how many sessions of
    /// it match and how many it has; `None` for the group of files that cannot be read.
    Heading(Option<String>, usize, usize),
    /// An entry (index into `entries`).
    Entry(usize),
}

/// Puts entries in group order: pacts by their newest save (newest first), within a
/// pact by round (highest first) and then by save; files that cannot be read last.
pub fn order(entries: &mut [StartEntry]) {
    use std::collections::HashMap;
    let mut newest: HashMap<String, time::OffsetDateTime> = HashMap::new();
    for e in entries.iter() {
        if let (Some(k), Ok(h)) = (e.group_key(), &e.summary) {
            let n = newest.entry(k).or_insert(h.updated);
            *n = (*n).max(h.updated);
        }
    }
    entries.sort_by(|a, b| match (&a.summary, &b.summary) {
        (Ok(x), Ok(y)) => {
            let (ka, kb) = (a.group_key().unwrap(), b.group_key().unwrap());
            newest[&kb]
                .cmp(&newest[&ka])
                .then_with(|| ka.cmp(&kb))
                .then_with(|| y.round.cmp(&x.round))
                .then_with(|| y.updated.cmp(&x.updated))
                .then_with(|| a.path.cmp(&b.path))
        }
        (Ok(_), Err(_)) => std::cmp::Ordering::Less,
        (Err(_), Ok(_)) => std::cmp::Ordering::Greater,
        _ => a.path.cmp(&b.path),
    });
}

/// The words of a search, folded (see [`fold`]).
/// "ronde 2" (or "round 2") stays one word: round 2, not any date with a 2 in it.
fn words(query: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for w in query.split_whitespace().map(fold) {
        if let Some(last) = out.last_mut()
            && (last == "ronde" || last == "round")
            && w.chars().all(|c| c.is_ascii_digit())
        {
            last.push(' ');
            last.push_str(&w);
            continue;
        }
        out.push(w);
    }
    out
}

/// Lowercase without accents, so "fryslan" finds "Súdwest-Fryslân" and "Zorgpact" finds
/// "ZORGPACT".
pub fn fold(s: &str) -> String {
    s.to_lowercase()
        .chars()
        .map(crate::model::pact::fold)
        .collect()
}

impl StartState {
    pub fn new(dir: PathBuf, mut entries: Vec<StartEntry>) -> Self {
        order(&mut entries);
        StartState {
            dir,
            entries,
            ..StartState::default()
        }
    }

    /// The entries that match the search, in order.
    pub fn visible(&self) -> Vec<usize> {
        if let Some((q, n, found)) = &*self.found.borrow()
            && *q == self.query
            && *n == self.entries.len()
        {
            return found.clone();
        }
        let w = words(&self.query);
        let hay = self
            .hay
            .get_or_init(|| self.entries.iter().map(StartEntry::haystack).collect());
        let found: Vec<usize> = (0..self.entries.len())
            .filter(|&i| match hay.get(i) {
                // Entries replaced after the first search: ask them directly.
                Some(h) if hay.len() == self.entries.len() => {
                    w.iter().all(|w| h.contains(w.as_str()))
                }
                _ => self.entries[i].matches(&w),
            })
            .collect();
        *self.found.borrow_mut() = Some((self.query.clone(), self.entries.len(), found.clone()));
        found
    }

    /// The rows of the list: new, example, then each pact's heading with its matching
    /// sessions under it. Headings cannot be selected.
    pub fn rows(&self) -> Vec<Row> {
        let mut rows = vec![Row::New, Row::Demo];
        let visible = self.visible();
        let keys: Vec<Option<String>> = visible
            .iter()
            .map(|&j| self.entries[j].group_key())
            .collect();
        // Each group's size in the whole folder: "1 of 3" during a search.
        let mut totals: std::collections::HashMap<Option<String>, usize> =
            std::collections::HashMap::new();
        if !self.query.is_empty() {
            for e in &self.entries {
                *totals.entry(e.group_key()).or_default() += 1;
            }
        }
        let mut i = 0;
        while i < visible.len() {
            let n = keys[i..].iter().take_while(|k| **k == keys[i]).count();
            let name = self.entries[visible[i]]
                .summary
                .as_ref()
                .ok()
                .map(|h| h.pact_name.trim().to_string());
            let total = totals.get(&keys[i]).copied().unwrap_or(n);
            rows.push(Row::Heading(name, n, total));
            rows.extend(visible[i..i + n].iter().map(|&j| Row::Entry(j)));
            i += n;
        }
        rows
    }

    /// The entry selected, if a session is.
    pub fn selected_entry(&self) -> Option<&StartEntry> {
        let i = *self.visible().get(self.selected.checked_sub(2)?)?;
        self.entries.get(i)
    }

    fn selectable(&self) -> usize {
        self.visible().len() + 2
    }

    /// Typing changed the search: the first matching session is selected (Enter opens
    /// it), or "new session" when nothing matches or nothing is typed.
    fn searched(&mut self) {
        self.selected = if !self.query.is_empty() && !self.visible().is_empty() {
            2
        } else {
            0
        };
    }

    /// A key of the list (not of the portfolio view). `Some(action)` for the app-wide
    /// part (open, next round, help, quit); `None` when handled here or ignored.
    pub fn handle_key(&mut self, key: &KeyEvent) -> Option<Action> {
        if let Some(a) = super::keys::find(KEYS, key) {
            match a {
                Act::App(a) => return Some(a),
                Act::PageUp => self.selected = self.selected.saturating_sub(PAGE),
                Act::PageDown => self.selected = (self.selected + PAGE).min(self.selectable() - 1),
                Act::Clear => {
                    self.query.clear();
                    self.selected = self.selected.min(self.selectable() - 1);
                }
                Act::Erase => {
                    self.query.pop();
                    self.searched();
                }
                Act::Files => self.show_files = !self.show_files,
            }
            return None;
        }
        // Type to search: any character without Ctrl or Alt.
        if let KeyCode::Char(c) = key.code
            && (key.modifiers - KeyModifiers::SHIFT).is_empty()
            && !c.is_control()
            && self.query.chars().count() < MAX_QUERY
        {
            self.query.push(c);
            self.searched();
        }
        None
    }

    /// A click on the list row `delta` rows below (above, when negative) the selected
    /// one: that row is selected, unless it is a pact's heading.
    pub fn click(&mut self, delta: isize) {
        let rows = self.rows();
        let selectable: Vec<usize> = (0..rows.len())
            .filter(|&r| !matches!(rows[r], Row::Heading(..)))
            .collect();
        let Some(&at) = selectable.get(self.selected) else {
            return;
        };
        let target = at as isize + delta;
        if let Some(k) = selectable.iter().position(|&r| r as isize == target) {
            self.selected = k;
        }
    }

    /// Pasted text goes into the search (its first line; no control characters).
    pub fn paste(&mut self, text: &str) {
        if self.portfolio.is_some() {
            return;
        }
        let line = text.lines().next().unwrap_or_default();
        let room = MAX_QUERY.saturating_sub(self.query.chars().count());
        self.query
            .extend(line.chars().filter(|c| !c.is_control()).take(room));
        self.searched();
    }

    /// A key of the portfolio view.
    pub fn portfolio_key(&mut self, key: &KeyEvent) -> Vec<Effect> {
        let Some(p) = &mut self.portfolio else {
            return Vec::new();
        };
        match super::keys::find(PORTFOLIO_KEYS, key) {
            Some(PAct::Up) => p.scroll = p.scroll.saturating_sub(1),
            Some(PAct::Down) => p.scroll = (p.scroll + 1).min(p.max_scroll.get()),
            Some(PAct::PageUp) => p.scroll = p.scroll.saturating_sub(PAGE),
            Some(PAct::PageDown) => p.scroll = (p.scroll + PAGE).min(p.max_scroll.get()),
            Some(PAct::Top) => p.scroll = 0,
            Some(PAct::Bottom) => p.scroll = p.max_scroll.get(),
            Some(PAct::Export) => return vec![Effect::ExportPortfolio],
            Some(PAct::Back) => self.portfolio = None,
            None => {}
        }
        Vec::new()
    }

    /// Up / down on the list.
    pub fn select(&mut self, action: Action) {
        let count = self.selectable();
        match action {
            Action::SelectUp => self.selected = self.selected.saturating_sub(1),
            Action::SelectDown => self.selected = (self.selected + 1).min(count - 1),
            _ => {}
        }
    }

    /// The keys that work now, for the footer and help.
    pub fn help(&self) -> Vec<KeyHelp> {
        let essential = |b: &Binding<Act>| KeyHelp {
            essential: matches!(b.action, Act::App(Action::ShowHelp | Action::Quit)),
            ..b.help()
        };
        if self.portfolio.is_some() {
            let mut h = help_of(PORTFOLIO_KEYS);
            h.extend(
                KEYS.iter()
                    .filter(|b| matches!(b.action, Act::App(Action::ShowHelp | Action::Quit)))
                    .map(essential),
            );
            return h;
        }
        // Keys that would do nothing now stay out of the footer (help lists them).
        let session = self.selected_entry().is_some_and(|e| e.summary.is_ok());
        KEYS.iter()
            .map(|b| {
                let mut h = essential(b);
                match b.action {
                    Act::App(Action::NextRound) => h.footer &= session,
                    Act::Clear => h.footer &= !self.query.is_empty(),
                    _ => {}
                }
                h
            })
            .collect()
    }
}

/// Rows moved by PageUp / PageDown.
const PAGE: usize = 10;
/// A search longer than this is not typed further (a pasted novel stays out).
const MAX_QUERY: usize = 80;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    App(Action),
    PageUp,
    PageDown,
    Clear,
    Erase,
    Files,
}

/// The start screen's keys. Letters, digits and spaces are typed into the search, so
/// every command is on a key that types nothing. A presenter remote's keys do no harm:
/// PageUp/PageDown move, Esc clears the search, `.` and `b` are typed into it, F5 does
/// nothing.
pub static KEYS: &[Binding<Act>] = &[
    Binding::new(OPEN, Act::App(Action::OpenSelected), |t| t.k_open).footer(),
    Binding::new(&[ctrl('r')], Act::App(Action::NextRound), |t| {
        t.rounds.k_next_round
    })
    .footer(),
    // The overview before file names: at 80 columns the footer keeps it.
    Binding::new(&[ctrl('o')], Act::App(Action::Portfolio), |t| {
        t.start.k_portfolio
    })
    .footer(),
    Binding::new(&[ctrl('f')], Act::Files, |t| t.start.k_files).footer(),
    Binding::new(CLOSE, Act::Clear, |t| t.start.k_clear).footer(),
    Binding::new(UP, Act::App(Action::SelectUp), |t| t.k_up_down),
    Binding::new(DOWN, Act::App(Action::SelectDown), |t| t.k_up_down),
    Binding::new(&[key(KeyCode::PageUp)], Act::PageUp, |t| t.start.k_page),
    Binding::new(&[key(KeyCode::PageDown)], Act::PageDown, |t| t.start.k_page),
    Binding::new(&[key(KeyCode::Backspace)], Act::Erase, |t| t.start.k_erase),
    Binding::new(&[key(KeyCode::F(1))], Act::App(Action::ShowHelp), |t| {
        t.k_help
    })
    .footer(),
    Binding::new(&[ctrl('q')], Act::App(Action::Quit), |t| t.k_quit).footer(),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PAct {
    Up,
    Down,
    PageUp,
    PageDown,
    Top,
    Bottom,
    Export,
    Back,
}

/// The portfolio view's keys (help and quit are the app's, see `App::handle_key`).
pub static PORTFOLIO_KEYS: &[Binding<PAct>] = &[
    Binding::new(UP, PAct::Up, |t| t.start.k_scroll).footer(),
    Binding::new(DOWN, PAct::Down, |t| t.start.k_scroll).footer(),
    // Export and back before paging: at 80 columns the footer keeps these.
    Binding::new(&[ch('e')], PAct::Export, |t| t.start.k_export).footer(),
    Binding::new(CLOSE, PAct::Back, |t| t.start.k_back).footer(),
    Binding::new(&[key(KeyCode::PageUp)], PAct::PageUp, |t| t.start.k_page).footer(),
    Binding::new(&[key(KeyCode::PageDown), ch(' ')], PAct::PageDown, |t| {
        t.start.k_page
    })
    .footer(),
    Binding::new(&[key(KeyCode::Home)], PAct::Top, |t| t.start.k_top),
    Binding::new(&[key(KeyCode::End)], PAct::Bottom, |t| t.start.k_bottom),
];

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    fn entry(file: &str, pact: &str, round: u8, place: &str, day: u8) -> StartEntry {
        StartEntry {
            path: PathBuf::from(file),
            summary: Ok(Header {
                id: file.into(),
                pact_name: pact.into(),
                round,
                session_date: format!("2026-03-{day:02}"),
                place: place.into(),
                updated: datetime!(2026-03-01 10:00 UTC) + time::Duration::days(day.into()),
            }),
            recovery: None,
        }
    }

    fn broken(file: &str) -> StartEntry {
        StartEntry {
            path: PathBuf::from(file),
            summary: Err(LoadProblem::Empty),
            recovery: None,
        }
    }

    fn state() -> StartState {
        StartState::new(
            PathBuf::from("/tmp"),
            vec![
                entry("a1", "Pact A", 1, "Tiel", 2),
                broken("kapot"),
                entry("b1", "Pact B", 1, "Zwolle", 3),
                entry("a2", "Pact A", 2, "Tiel", 20),
                entry("b2", "pact b ", 2, "Kampen", 10),
                entry("a3", "Pact A", 3, "Culemborg", 5),
            ],
        )
    }

    fn names(st: &StartState) -> Vec<String> {
        st.rows()
            .iter()
            .map(|r| match r {
                Row::New => "new".into(),
                Row::Demo => "demo".into(),
                Row::Heading(Some(n), k, t) if k == t => format!("# {n} ({k})"),
                Row::Heading(Some(n), k, t) => format!("# {n} ({k}/{t})"),
                Row::Heading(None, k, _) => format!("# ? ({k})"),
                Row::Entry(i) => st.entries[*i].file_name(),
            })
            .collect()
    }

    #[test]
    fn pacts_newest_first_with_their_rounds_newest_first_and_unreadable_last() {
        let st = state();
        assert_eq!(
            names(&st),
            [
                "new",
                "demo",
                // Pact A was saved last (a2, day 20); its rounds 3, 2, 1.
                "# Pact A (3)",
                "a3",
                "a2",
                "a1",
                // "pact b " and "Pact B" are one pact.
                "# pact b (2)",
                "b2",
                "b1",
                "# ? (1)",
                "kapot",
            ]
        );
    }

    #[test]
    fn names_that_differ_in_accents_or_punctuation_are_one_pact_as_for_the_next_round() {
        // Ctrl-R calls these one pact (its round 2 exists): the list must too.
        let st = StartState::new(
            PathBuf::from("/tmp"),
            vec![
                entry("n1", "Zorgpact Nóord", 1, "Assen", 2),
                entry("n2", "Zorgpact Noord!", 2, "Assen", 9),
                entry("x1", "Zorgpact Noord 2", 1, "Emmen", 5),
            ],
        );
        assert_eq!(
            names(&st),
            [
                "new",
                "demo",
                "# Zorgpact Noord! (2)",
                "n2",
                "n1",
                "# Zorgpact Noord 2 (1)",
                "x1"
            ]
        );
    }

    fn typed(st: &mut StartState, text: &str) {
        for c in text.chars() {
            st.handle_key(&KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE));
        }
    }

    #[test]
    fn typing_filters_on_pact_place_and_date_and_selects_the_first_match() {
        let mut st = state();
        typed(&mut st, "tiel");
        assert_eq!(names(&st), ["new", "demo", "# Pact A (2/3)", "a2", "a1"]);
        assert_eq!(st.selected_entry().unwrap().file_name(), "a2");
        // Two words: both must match (pact b, March 3rd).
        st.handle_key(&KeyEvent::new(KeyCode::Esc, KeyModifiers::NONE));
        assert_eq!(st.query, "");
        typed(&mut st, "B 03-03");
        assert_eq!(names(&st), ["new", "demo", "# Pact B (1/2)", "b1"]);
        // Backspace widens it again.
        for _ in 0..5 {
            st.handle_key(&KeyEvent::new(KeyCode::Backspace, KeyModifiers::NONE));
        }
        assert_eq!(st.query, "B ");
        typed(&mut st, "zzz");
        assert_eq!(names(&st), ["new", "demo"]);
        assert_eq!(
            st.selected, 0,
            "nothing matches: nothing to open by mistake"
        );
    }

    #[test]
    fn a_search_ignores_case_and_accents_and_finds_a_round_by_its_word() {
        let mut st = StartState::new(
            PathBuf::from("/tmp"),
            vec![
                entry("f1", "Zorgpact Súdwest-Fryslân", 1, "Sneek", 2),
                entry("f2", "Zorgpact Súdwest-Fryslân", 2, "Sneek", 3),
                entry("t2", "Zorgpact Twente", 2, "Hengelo", 4),
            ],
        );
        typed(&mut st, "FRYSLAN");
        assert_eq!(
            names(&st),
            ["new", "demo", "# Zorgpact Súdwest-Fryslân (2)", "f2", "f1"]
        );
        st.query.clear();
        typed(&mut st, "ronde 2");
        assert_eq!(
            names(&st),
            [
                "new",
                "demo",
                "# Zorgpact Twente (1)",
                "t2",
                "# Zorgpact Súdwest-Fryslân (1/2)",
                "f2"
            ]
        );
    }

    #[test]
    fn command_keys_type_nothing_and_remote_keys_do_no_harm() {
        let mut st = state();
        let k = |c, m| KeyEvent::new(c, m);
        assert_eq!(
            st.handle_key(&k(KeyCode::Char('r'), KeyModifiers::CONTROL)),
            Some(Action::NextRound)
        );
        assert_eq!(
            st.handle_key(&k(KeyCode::Char('f'), KeyModifiers::CONTROL)),
            None
        );
        assert!(st.show_files);
        assert_eq!(st.query, "");
        // A remote: PageDown moves, F5 does nothing, Esc only clears the search.
        assert_eq!(
            st.handle_key(&k(KeyCode::PageDown, KeyModifiers::NONE)),
            None
        );
        assert_eq!(st.selected, 7, "the last session, not past it");
        assert_eq!(st.handle_key(&k(KeyCode::F(5), KeyModifiers::NONE)), None);
        assert_eq!(st.handle_key(&k(KeyCode::Esc, KeyModifiers::NONE)), None);
        assert_eq!(st.selected, 7);
        assert_eq!(
            st.handle_key(&k(KeyCode::Char('b'), KeyModifiers::NONE)),
            None
        );
        assert_eq!(st.query, "b");
    }
}
