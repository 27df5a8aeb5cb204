//! App-wide undo/redo (Ctrl-Z / Ctrl-Y outside text fields) by snapshots of the session.
//!
//! A snapshot is taken before a key that may change the session outside a text field
//! (add, delete, move, vote, ...), and once at the start of a burst of typing, so undo
//! steps are "one action" or "one stretch of typing in one field". Arrow keys and the
//! like never clone the session, so moving around a large session stays instant.

use crate::model::Session;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

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
        let prev = self.undo.pop()?;
        self.redo.push(Step {
            before: current.clone(),
            what: prev.what.clone(),
        });
        Some((prev.before, prev.what))
    }

    pub fn redo(&mut self, current: &Session, generation: u64) -> Option<(Session, String)> {
        self.close_burst(generation);
        let next = self.redo.pop()?;
        self.undo.push(Step {
            before: current.clone(),
            what: next.what.clone(),
        });
        Some((next.before, next.what))
    }
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
}
