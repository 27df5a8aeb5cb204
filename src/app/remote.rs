//! Keys that are safe in front of a room. A presenter remote sends PageDown/PageUp,
//! F5, Shift-F5, Esc, `.` and `b`; pressed by accident or on purpose, they never edit
//! the session and never open a popup of private notes, on any screen. And a session
//! opened from disk starts in browse mode: no field has the cursor until Enter.
//!
//! This is one small filter in front of all other key handling (`App::handle_key`), so
//! the screens' own key tables stay as they are.

use super::intake::Section;
use super::keys::{Binding, Combo, ch, key};
use super::{Action, App, Effect, Overlay, Screen, SessionView, View};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

/// The keys of browse mode, for the footer and help.
pub static BROWSE: &[Binding] =
    &[
        Binding::new(&[key(KeyCode::Enter)], Action::CloseOverlay, |t| {
            t.room.k_edit
        })
        .footer(),
    ];

/// The room's app-wide keys, for help only (handled in `App::room_key`; the action is
/// not used).
pub static HELP: &[Binding] = &[
    Binding::new(&[ch('.'), ch('b')], Action::CloseOverlay, |t| {
        t.room.k_blank
    }),
    Binding::new(
        &[Combo(KeyCode::F(5), KeyModifiers::CONTROL)],
        Action::CloseOverlay,
        |t| t.room.k_clock_reset,
    ),
];

impl SessionView {
    /// Browse mode holds where a text field would otherwise have the cursor at once:
    /// the Intake's details and first observations.
    pub fn browsing(&self) -> bool {
        self.browse
            && self.screen == Screen::Intake
            && matches!(
                self.intake.section,
                Section::Details | Section::Observations
            )
    }
}

/// Whether `key` is one a presenter remote sends.
pub fn is_remote_key(key: &KeyEvent) -> bool {
    let m = key.modifiers - KeyModifiers::SHIFT;
    m.is_empty()
        && matches!(
            key.code,
            KeyCode::PageDown
                | KeyCode::PageUp
                | KeyCode::F(5)
                | KeyCode::Esc
                | KeyCode::Char('.' | 'b' | 'B')
        )
}

impl App {
    /// The room's filter, before all other key handling. `Some` when the key was taken
    /// here (with the effects it asks for); `None` to handle it as before.
    pub(super) fn room_key(&mut self, key: &KeyEvent) -> Option<Vec<Effect>> {
        if let Some(Overlay::ConfirmClockReset) = self.overlay {
            match key.code {
                KeyCode::Char('j' | 'J' | 'y' | 'Y') => {
                    self.overlay = None;
                    let now = self.now;
                    if let Some(s) = self.session_mut() {
                        crate::model::agenda::reset(&mut s.doc.agenda);
                        s.changed(now);
                    }
                }
                KeyCode::Char('n' | 'N') | KeyCode::Esc => self.overlay = None,
                _ => {}
            }
            return Some(Vec::new());
        }
        if self.overlay.is_some() {
            return None;
        }
        let View::Session(s) = &mut self.view else {
            return None;
        };
        let typing = s.typing();
        let shift = key.modifiers == KeyModifiers::SHIFT;
        let none = key.modifiers == KeyModifiers::NONE;
        match key.code {
            // The clock: F5 starts / pauses without moving screens; Shift-F5 ("start the
            // show") only ever starts or resumes; Ctrl-F5 resets, after asking.
            KeyCode::F(5) if key.modifiers == KeyModifiers::CONTROL => {
                self.overlay = Some(Overlay::ConfirmClockReset);
                return Some(Vec::new());
            }
            KeyCode::F(5) if none => return Some(self.update(Action::ClockToggle)),
            KeyCode::F(5) if shift => {
                let c = &s.doc.agenda.clock;
                if c.started_at.is_none() || c.paused_at.is_some() {
                    return Some(self.update(Action::ClockToggle));
                }
                return Some(Vec::new());
            }
            // Blank the room's screen, and back. In a text field the facilitator opened
            // on purpose (Enter), these are letters.
            KeyCode::Char('.' | 'b' | 'B') if (none || shift) && !typing => {
                self.blank = !self.blank;
                return Some(Vec::new());
            }
            // Look-ahead would cover what the room sees in presenter view.
            KeyCode::F(3) if self.presenter => {
                self.overlay = Some(Overlay::Message(self.t.room.peek_refused.to_string()));
                return Some(Vec::new());
            }
            _ => {}
        }
        if s.browsing() {
            let own = super::keys::find(super::intake::SECTION_KEYS, key).is_some()
                || super::keys::find(super::keys::GLOBAL, key).is_some()
                || super::keys::find(super::keys::HELP_NOT_TYPING, key).is_some()
                || super::keys::find(super::keys::UNDO_NOT_TYPING, key).is_some();
            if key.code == KeyCode::Enter && none {
                s.browse = false;
                return Some(Vec::new());
            }
            if !own {
                // Nothing is typed into a field the facilitator did not open.
                return Some(Vec::new());
            }
        }
        None
    }
}
