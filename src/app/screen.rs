//! The screens of a session, in method order, and what each screen's state does for
//! the app ([`ScreenState`]): the app asks the current screen, never matches on it.

use super::keys::KeyHelp;
use super::{Ctx, Outcome, compose, intake, interviews, summary, triangle, wheel};
use crate::model::Session;
use ratatui::crossterm::event::KeyEvent;

/// What every session screen's state does.
pub trait ScreenState {
    /// Whether a text field has the keys (then `?` is typed and F1 opens help).
    fn typing(&self) -> bool;
    /// The screen's own keys, from the very tables that dispatch them.
    fn help(&self, doc: &Session) -> Vec<KeyHelp>;
    fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome;
    /// Bracketed paste: text in one go.
    fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome;
}

/// The screens whose keys do not depend on the session.
macro_rules! screen_state {
    ($($state:ty),*) => {$(
        impl ScreenState for $state {
            fn typing(&self) -> bool {
                <$state>::typing(self)
            }
            fn help(&self, _doc: &Session) -> Vec<KeyHelp> {
                <$state>::help(self)
            }
            fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
                <$state>::handle_key(self, doc, key, ctx)
            }
            fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome {
                <$state>::paste(self, doc, text, ctx)
            }
        }
    )*};
}

screen_state!(intake::State, triangle::State, wheel::State, summary::State);

impl ScreenState for compose::State {
    fn typing(&self) -> bool {
        compose::State::typing(self)
    }
    fn help(&self, _doc: &Session) -> Vec<KeyHelp> {
        compose::State::help(self)
    }
    fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        compose::State::handle_key(self, doc, key, ctx)
    }
    fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome {
        compose::State::paste(self, doc, text, ctx)
    }
}

impl ScreenState for interviews::State {
    fn typing(&self) -> bool {
        interviews::State::typing(self)
    }
    fn help(&self, doc: &Session) -> Vec<KeyHelp> {
        interviews::State::help(self, doc)
    }
    fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        interviews::State::handle_key(self, doc, key, ctx)
    }
    fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome {
        interviews::State::paste(self, doc, text, ctx)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Intake,
    Interviews,
    Triangle,
    Wheel,
    Summary,
    /// The report composer (Rapport).
    Report,
}

impl Screen {
    pub const COUNT: usize = 6;

    pub const ALL: [Screen; Screen::COUNT] = [
        Screen::Intake,
        Screen::Interviews,
        Screen::Triangle,
        Screen::Wheel,
        Screen::Summary,
        Screen::Report,
    ];

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The id used in data (agenda blocks link to screens by it).
    pub fn id(self) -> &'static str {
        match self {
            Screen::Intake => "intake",
            Screen::Interviews => "interviews",
            Screen::Triangle => "triangle",
            Screen::Wheel => "wheel",
            Screen::Summary => "summary",
            Screen::Report => "report",
        }
    }

    pub fn from_id(id: &str) -> Option<Screen> {
        Screen::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn next(self) -> Screen {
        Screen::ALL[(self.index() + 1).min(Screen::ALL.len() - 1)]
    }

    pub fn prev(self) -> Screen {
        Screen::ALL[self.index().saturating_sub(1)]
    }

    pub fn title(self, t: &crate::i18n::Strings) -> &'static str {
        t.screens[self.index()]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn agenda_blocks_link_to_exactly_these_screens() {
        let ids: Vec<&str> = Screen::ALL.iter().map(|s| s.id()).collect();
        assert_eq!(ids, crate::method::AGENDA_SCREENS);
    }
}
