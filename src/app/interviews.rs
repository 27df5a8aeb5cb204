//! Interviews screen: interviews, notes, synthesis, import.

use super::keys::{Binding, KeyHelp, find, help_of};
use super::{Ctx, Outcome};
use crate::model::Session;
use ratatui::crossterm::event::KeyEvent;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {}

pub static KEYS: &[Binding<Act>] = &[];

#[derive(Debug, Default)]
pub struct State {}

impl State {
    pub fn new(_doc: &Session) -> Self {
        State::default()
    }

    /// Whether a text field has the keys (then `?` is typed and F1 opens help).
    pub fn typing(&self) -> bool {
        false
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        help_of(KEYS)
    }

    pub fn handle_key(&mut self, _doc: &mut Session, key: KeyEvent, _ctx: &Ctx) -> Outcome {
        match find(KEYS, &key) {
            Some(act) => match act {},
            None => Outcome::Ignored,
        }
    }

    pub fn paste(&mut self, _doc: &mut Session, _text: &str, _ctx: &Ctx) -> Outcome {
        Outcome::Ignored
    }
}
