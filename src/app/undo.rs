//! App-wide undo/redo (Ctrl-Z / Ctrl-Y outside text fields) by snapshots of the session.
//!
//! A snapshot is taken before a key that may change the session outside a text field
//! (add, delete, move, vote, ...), and once at the start of a burst of typing, so undo
//! steps are "one action" or "one stretch of typing in one field". Arrow keys and the
//! like never clone the session, so moving around a large session stays instant.

use crate::model::Session;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

/// How an undo message quotes a thing (an item's title, an intention's text): in
/// quotes, on one line, cut short; nothing when it has no text yet.
pub fn quoted(text: &str) -> String {
    const MAX: usize = 32;
    let line = text.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.is_empty() {
        return String::new();
    }
    if line.chars().count() > MAX {
        let cut: String = line.chars().take(MAX - 1).collect();
        format!("‘{}…’", cut.trim_end())
    } else {
        format!("‘{line}’")
    }
}

/// A step's name: `template` filled in, without the double space an empty quote leaves.
pub fn step(template: &str, args: &[&str]) -> String {
    crate::i18n::fill(template, args)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most this many steps are kept (snapshots of a large session are a few MB).
const MAX_STEPS: usize = 100;

/// One step: the session from before it, and what the step was (the label of the key
/// that made it, "typing", "import"), so undo can say what it undid.
struct Step {
    before: Session,
    what: String,
}

#[derive(Default)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
    burst: Option<Burst>,
}

enum Burst {
    /// The session as it was when the current burst of typing began, the generation
    /// then (to see whether the burst changed anything) and what to call it.
    Open(Box<Session>, u64, String),
    /// Typing that belongs to the last step (the text of an item just added).
    PartOfLast,
}

/// Keys that only move around: no snapshot needed before them.
pub fn is_navigation(key: &KeyEvent) -> bool {
    use ratatui::crossterm::event::KeyModifiers as M;
    // Shift-↑/↓ (and the older Ctrl-↑/↓) move the selected row: a change, an undo step.
    let moves = matches!(key.code, KeyCode::Up | KeyCode::Down)
        && key.modifiers.intersects(M::SHIFT | M::CONTROL | M::ALT);
    let shifted_side =
        matches!(key.code, KeyCode::Left | KeyCode::Right) && key.modifiers.contains(M::SHIFT);
    !moves
        && !shifted_side
        && matches!(
            key.code,
            KeyCode::Up
                | KeyCode::Down
                | KeyCode::Left
                | KeyCode::Right
                | KeyCode::Home
                | KeyCode::End
                | KeyCode::PageUp
                | KeyCode::PageDown
                | KeyCode::Tab
                | KeyCode::BackTab
                | KeyCode::F(_)
        )
}

impl History {
    /// Records the state from before a change, and what the change was.
    pub fn push(&mut self, before: Session, what: String) {
        self.undo.push(Step { before, what });
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
        self.redo.clear();
    }

    pub fn burst_open(&self) -> bool {
        self.burst.is_some()
    }

    /// What the open burst of typing is called (none when it belongs to the last step).
    pub fn burst_name(&self) -> Option<&str> {
        match &self.burst {
            Some(Burst::Open(_, _, what)) => Some(what),
            _ => None,
        }
    }

    pub fn open_burst(&mut self, before: Session, generation: u64, what: String) {
        self.burst = Some(Burst::Open(Box::new(before), generation, what));
    }

    /// The typing that follows belongs to the step just pushed (e.g. "add item" and
    /// its title are undone together).
    pub fn continue_last(&mut self) {
        self.burst = Some(Burst::PartOfLast);
    }

    /// Ends a burst of typing; it becomes an undo step if it changed the session.
    pub fn close_burst(&mut self, generation: u64) {
        if let Some(Burst::Open(before, g, what)) = self.burst.take()
            && g != generation
        {
            self.push(*before, what);
        }
    }

    /// Returns the state to go back to and what the undone step was, keeping `current`
    /// for redo.
    pub fn undo(&mut self, current: &Session, generation: u64) -> Option<(Session, String)> {
        self.close_burst(generation);
        // A step that ended where it began (an item added and at once dropped again)
        // changed nothing: it is skipped, so undo never says it undid something while
        // nothing changes.
        let prev = pop_change(&mut self.undo, current)?;
        self.redo.push(Step {
            before: current.clone(),
            what: prev.what.clone(),
        });
        Some((prev.before, prev.what))
    }

    pub fn redo(&mut self, current: &Session, generation: u64) -> Option<(Session, String)> {
        self.close_burst(generation);
        let next = pop_change(&mut self.redo, current)?;
        self.undo.push(Step {
            before: current.clone(),
            what: next.what.clone(),
        });
        Some((next.before, next.what))
    }
}

/// The last step that differs from `current`; steps that would change nothing go.
fn pop_change(steps: &mut Vec<Step>, current: &Session) -> Option<Step> {
    while let Some(mut step) = steps.pop() {
        if !same_content(&mut step.before, current) {
            return Some(step);
        }
    }
    None
}

/// Whether two sessions differ only in what undo leaves alone: the time of the last
/// change and the session clock (time, not content). `a` is put back as it was.
fn same_content(a: &mut Session, b: &Session) -> bool {
    let updated = std::mem::replace(&mut a.updated, b.updated);
    let clock = std::mem::replace(&mut a.agenda.clock, b.agenda.clock.clone());
    let seconds: Vec<u64> = a.agenda.blocks.iter().map(|x| x.actual_seconds).collect();
    if a.agenda.blocks.len() == b.agenda.blocks.len() {
        for (x, y) in a.agenda.blocks.iter_mut().zip(&b.agenda.blocks) {
            x.actual_seconds = y.actual_seconds;
        }
    }
    let same = a == b;
    a.updated = updated;
    a.agenda.clock = clock;
    for (x, s) in a.agenda.blocks.iter_mut().zip(seconds) {
        x.actual_seconds = s;
    }
    same
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::OffsetDateTime;

    fn doc(name: &str) -> Session {
        let mut s = Session::new(name, 1, OffsetDateTime::UNIX_EPOCH);
        s.id = crate::model::Id("x".into());
        s
    }

    #[test]
    fn undo_redo_and_bursts() {
        let mut h = History::default();
        h.push(doc("a"), "add".into());
        let cur = doc("b");
        let (prev, what) = h.undo(&cur, 1).unwrap();
        assert_eq!(
            (prev.intake.pact_name.as_str(), what.as_str()),
            ("a", "add")
        );
        let (next, what) = h.redo(&doc("a"), 1).unwrap();
        assert_eq!(
            (next.intake.pact_name.as_str(), what.as_str()),
            ("b", "add")
        );
        // A burst that changed nothing leaves no step.
        h.open_burst(doc("b"), 5, "typing".into());
        h.close_burst(5);
        assert_eq!(h.undo.len(), 1);
        h.open_burst(doc("b"), 5, "typing".into());
        h.close_burst(6);
        assert_eq!(h.undo.len(), 2);
    }

    #[test]
    fn a_step_that_changed_nothing_is_skipped() {
        let mut h = History::default();
        h.push(doc("a"), "first".into());
        // Added and dropped again: the session is as before the step.
        h.push(doc("b"), "add".into());
        let (prev, what) = h.undo(&doc("b"), 1).unwrap();
        assert_eq!(
            (prev.intake.pact_name.as_str(), what.as_str()),
            ("a", "first")
        );
        assert!(h.undo(&doc("a"), 1).is_none());
    }
}
