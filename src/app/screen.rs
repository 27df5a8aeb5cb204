//! The screens of a session, in method order, and what each screen's state does for
//! the app ([`ScreenState`]): the app asks the current screen, never matches on it.
//!
//! Adding a screen: its module in `app/` has a `State` that implements [`ScreenState`],
//! its module of the same name in `ui/` a `DRAWING` (facilitator view, presenter view,
//! the room window's content), and i18n its title (`Strings::screens`). One row in the
//! `screens!` list in `app/mod.rs` (beside the `pub mod` lines) registers both: it makes
//! the [`Screen`] enum (ids, order, count), the state's field on `SessionView` and the
//! dispatch to it, and the ui's list of drawings (`ui::VIEWS`).

use super::Ctx;
use super::Outcome;
use super::keys::KeyHelp;
use super::{Screen, compose, intake, interviews, summary, triangle, wheel};
use crate::model::Session;
use ratatui::crossterm::event::KeyEvent;

/// What every session screen's state does.
pub trait ScreenState {
    /// The state of a session just opened.
    fn open(doc: &Session) -> Self
    where
        Self: Sized;
    /// Whether a text field has the keys (then `?` is typed and F1 opens help).
    fn typing(&self) -> bool;
    /// The screen's own keys, from the very tables that dispatch them.
    fn help(&self, doc: &Session) -> Vec<KeyHelp>;
    fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome;
    /// Bracketed paste: text in one go.
    fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome;
    /// After undo/redo: the state rebuilt from the restored session (`before` is the
    /// session as it was just before). Where the user was (part, list, selection, view)
    /// stays, clamped to the restored session; what was open (a field, a popup) closes.
    fn rebuild(&mut self, doc: &Session, before: &Session);
    /// What the undo step the last key made is called, when the screen knows better
    /// than the key's label (the Rapport screen names the block and the section).
    fn step_name(&self) -> Option<String> {
        None
    }
    /// Before the app quits: a field still open stores what it holds (most screens'
    /// fields write to the session as they are typed in, and have nothing to do).
    fn commit_open(&mut self, _doc: &mut Session, _ctx: &Ctx) -> Outcome {
        Outcome::Handled
    }
    /// An app-wide key came while the screen waited for an answer (a question asking
    /// for J): it is answered "keep" and goes, never left armed for a later key.
    fn app_key_taken(&mut self) {}
}

/// The screens whose state forwards to inherent methods of the same names (`named:`
/// ones also name their undo steps).
macro_rules! screen_state {
    (named: $($state:ty),*) => {$(
        screen_state!(@impl $state, fn step_name(&self) -> Option<String> {
            <$state>::step_name(self)
        });
    )*};
    ($($state:ty),*) => {$(
        screen_state!(@impl $state,);
    )*};
    (@impl $state:ty, $($extra:item)?) => {
        impl ScreenState for $state {
            fn open(doc: &Session) -> Self {
                <$state>::new(doc)
            }
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
            fn rebuild(&mut self, doc: &Session, before: &Session) {
                <$state>::rebuild(self, doc, before)
            }
            $($extra)?
        }
    };
}

screen_state!(named: triangle::State, wheel::State);
screen_state!(summary::State);

impl ScreenState for intake::State {
    fn open(doc: &Session) -> Self {
        intake::State::new(&doc.intake)
    }
    fn typing(&self) -> bool {
        intake::State::typing(self)
    }
    fn help(&self, _doc: &Session) -> Vec<KeyHelp> {
        intake::State::help(self)
    }
    fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        intake::State::handle_key(self, doc, key, ctx)
    }
    fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome {
        intake::State::paste(self, doc, text, ctx)
    }
    fn rebuild(&mut self, doc: &Session, before: &Session) {
        intake::State::rebuild(self, doc, before)
    }
    fn step_name(&self) -> Option<String> {
        intake::State::step_name(self)
    }
}

impl ScreenState for compose::State {
    fn open(_doc: &Session) -> Self {
        compose::State::default()
    }
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
    fn rebuild(&mut self, doc: &Session, _before: &Session) {
        compose::State::rebuild(self, doc)
    }
    fn step_name(&self) -> Option<String> {
        compose::State::step_name(self)
    }
    fn commit_open(&mut self, doc: &mut Session, ctx: &Ctx) -> Outcome {
        compose::State::commit_open(self, doc, ctx)
    }
}

impl ScreenState for interviews::State {
    fn open(doc: &Session) -> Self {
        interviews::State::new(doc)
    }
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
    fn rebuild(&mut self, doc: &Session, before: &Session) {
        interviews::State::rebuild(self, doc, before)
    }
    fn step_name(&self) -> Option<String> {
        interviews::State::step_name(self)
    }
    fn app_key_taken(&mut self) {
        interviews::State::cancel_question(self)
    }
}

/// Made from the one list of session screens (`screens!` in `app/mod.rs`):
/// `Variant = "id" => module`, in method order. Makes the [`Screen`] enum (ids, order,
/// count) and the map from a screen to its state on `SessionView` (the field named as
/// the module), so nothing else matches on the screen.
macro_rules! session_screens {
    ($($variant:ident = $id:literal => $field:ident),* $(,)?) => {
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum Screen {
            $($variant),*
        }

        impl Screen {
            pub const COUNT: usize = [$($id),*].len();
            pub const ALL: [Screen; Screen::COUNT] = [$(Screen::$variant),*];

            /// The id used in data (agenda blocks link to screens by it, i18n titles
            /// them by it).
            pub fn id(self) -> &'static str {
                match self {
                    $(Screen::$variant => $id),*
                }
            }
        }

        impl SessionView {
            /// The state of a screen.
            pub fn state(&self, screen: Screen) -> &dyn ScreenState {
                match screen {
                    $(Screen::$variant => &self.$field),*
                }
            }

            /// The session and a screen's state, to hand it a key.
            fn state_mut(&mut self, screen: Screen) -> (&mut Session, &mut dyn ScreenState) {
                let state: &mut dyn ScreenState = match screen {
                    $(Screen::$variant => &mut self.$field),*
                };
                (&mut self.doc, state)
            }

            /// An app-wide key (another screen, help, undo, F-keys) is about to act:
            /// the screen shown drops a question it was waiting on.
            pub fn app_key_taken(&mut self) {
                let (_, state) = self.state_mut(self.screen);
                state.app_key_taken();
            }

            /// Before quitting: every screen's open field stores what it holds.
            pub fn commit_open_edits(&mut self, ctx: &Ctx) {
                let mut changed = false;
                $(changed |= ScreenState::commit_open(&mut self.$field, &mut self.doc, ctx)
                    == Outcome::Changed;)*
                if changed {
                    self.history.close_burst(self.generation);
                    self.changed(ctx.now);
                }
            }

            /// To another screen (or another Rapport section): an editor still open is
            /// stored and closed first. The Rapport's editor finds its block by section
            /// and position, so left open it would write into whatever block sits there
            /// after a jump to another section.
            pub fn go_to(&mut self, screen: Screen, ctx: &Ctx) {
                self.commit_open_edits(ctx);
                self.screen = screen;
            }

            /// After undo/redo: every screen's state rebuilt from the restored session.
            fn rebuild_screens(&mut self, before: &Session) {
                $(ScreenState::rebuild(&mut self.$field, &self.doc, before);)*
            }
        }
    };
}
pub(crate) use session_screens;

impl Screen {
    /// Every screen's id, in order (what a method's agenda blocks may name).
    pub fn ids() -> Vec<&'static str> {
        Screen::ALL.iter().map(|s| s.id()).collect()
    }

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    pub fn from_id(id: &str) -> Option<Screen> {
        Screen::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn next(self) -> Screen {
        Screen::ALL[(self.index() + 1).min(Screen::COUNT - 1)]
    }

    pub fn prev(self) -> Screen {
        Screen::ALL[self.index().saturating_sub(1)]
    }

    /// "3/5": where the screen is in the session.
    pub fn place(self) -> String {
        format!("{}/{}", self.index() + 1, Screen::COUNT)
    }

    pub fn title(self, t: &crate::i18n::Strings) -> &'static str {
        t.screen_title(self.id())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn every_screen_has_a_title_in_every_language() {
        for lang in [Lang::Nl, Lang::En] {
            let t = lang.strings();
            for s in Screen::ALL {
                assert_ne!(s.title(t), s.id(), "{lang:?} has no title for {}", s.id());
            }
        }
    }

    #[test]
    fn the_built_in_agenda_links_to_these_screens() {
        for lang in [Lang::Nl, Lang::En] {
            let m = crate::method::Method::builtin(lang);
            assert!(
                m.agenda
                    .iter()
                    .all(|b| Screen::from_id(&b.screen).is_some())
            );
        }
    }

    #[test]
    fn a_screen_says_its_place() {
        assert_eq!(Screen::ALL[2].place(), format!("3/{}", Screen::COUNT));
    }
}
