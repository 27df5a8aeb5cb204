//! Application state and `update`: no terminal, no disk. The runtime (`tui`) feeds it
//! events and carries out the [`Effect`]s it asks for.

pub mod action;
pub mod intake;
pub mod keys;
pub mod screen;

pub use action::{Action, Effect};
pub use screen::Screen;

use crate::i18n::{Lang, Strings};
use crate::method::Method;
use crate::model::Session;
use crate::store::SaveError;
use intake::IntakeForm;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::path::PathBuf;
use std::time::Instant;
use time::OffsetDateTime;

/// What the header says about saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Opened, nothing changed yet.
    Clean,
    Saved(OffsetDateTime),
    Failed(SaveError),
}

pub struct SessionView {
    pub doc: Session,
    pub path: PathBuf,
    pub screen: Screen,
    pub save: SaveState,
    /// Bumped on every change; saves report the generation they wrote.
    pub generation: u64,
    pub saved_generation: u64,
    /// The generation last handed to the saver.
    pub requested_generation: u64,
    pub last_edit: Option<Instant>,
    pub first_unsaved_edit: Option<Instant>,
    pub last_attempt: Option<Instant>,
    pub intake: IntakeForm,
}

impl SessionView {
    pub fn new(doc: Session, path: PathBuf) -> Self {
        let intake = IntakeForm::new(&doc.intake);
        SessionView {
            doc,
            path,
            screen: Screen::Intake,
            save: SaveState::Clean,
            generation: 0,
            saved_generation: 0,
            requested_generation: 0,
            last_edit: None,
            first_unsaved_edit: None,
            last_attempt: None,
            intake,
        }
    }

    pub fn unsaved(&self) -> bool {
        self.generation > self.saved_generation
    }

    fn changed(&mut self, now: OffsetDateTime) {
        self.generation += 1;
        self.doc.updated = now;
        let t = Instant::now();
        self.last_edit = Some(t);
        self.first_unsaved_edit.get_or_insert(t);
    }

    /// Whether the runtime should hand a snapshot to the saver now: changes exist that
    /// were not handed over yet, and typing paused (300 ms) or the oldest unsaved change
    /// is 700 ms old, so every change is on disk within a second. After a failure,
    /// retry every 2 seconds.
    pub fn wants_save(&self, now: Instant) -> bool {
        if !self.unsaved() {
            return false;
        }
        if let SaveState::Failed(_) = self.save {
            return self
                .last_attempt
                .is_none_or(|t| now.duration_since(t).as_millis() >= 2000);
        }
        if self.generation <= self.requested_generation {
            return false;
        }
        let quiet = self
            .last_edit
            .is_none_or(|t| now.duration_since(t).as_millis() >= 300);
        let old = self
            .first_unsaved_edit
            .is_some_and(|t| now.duration_since(t).as_millis() >= 700);
        quiet || old
    }

    pub fn on_saved(&mut self, generation: u64, result: Result<OffsetDateTime, SaveError>) {
        match result {
            Ok(at) => {
                self.saved_generation = self.saved_generation.max(generation);
                self.save = SaveState::Saved(at);
                if !self.unsaved() {
                    self.first_unsaved_edit = None;
                }
            }
            Err(e) => self.save = SaveState::Failed(e),
        }
    }
}

pub struct StartEntry {
    pub path: PathBuf,
    /// Pact, round, date, last saved, or why the file cannot be read.
    pub summary: Result<(String, u8, String, OffsetDateTime), String>,
}

#[derive(Default)]
pub struct StartState {
    pub dir: PathBuf,
    pub entries: Vec<StartEntry>,
    /// 0 = new session, 1 = example, 2.. = entries.
    pub selected: usize,
}

pub enum Overlay {
    Help,
    ConfirmQuit(String),
    Message(String),
}

pub enum View {
    Start(StartState),
    Session(Box<SessionView>),
}

pub struct App {
    pub lang: Lang,
    pub t: &'static Strings,
    pub method: Method,
    pub view: View,
    pub overlay: Option<Overlay>,
    pub should_quit: bool,
    /// The wall clock as of the last event; rendering reads time only from here.
    pub now: OffsetDateTime,
}

impl App {
    pub fn new(lang: Lang, method: Method, view: View, now: OffsetDateTime) -> Self {
        App {
            lang,
            t: lang.strings(),
            method,
            view,
            overlay: None,
            should_quit: false,
            now,
        }
    }

    pub fn session(&self) -> Option<&SessionView> {
        match &self.view {
            View::Session(s) => Some(s),
            View::Start(_) => None,
        }
    }

    pub fn session_mut(&mut self) -> Option<&mut SessionView> {
        match &mut self.view {
            View::Session(s) => Some(s),
            View::Start(_) => None,
        }
    }

    /// One terminal event in, the effects it asks for out.
    pub fn handle_event(&mut self, event: Event) -> Vec<Effect> {
        match event {
            Event::Key(key) if key.kind != KeyEventKind::Release => self.handle_key(key),
            Event::Paste(text) => {
                self.paste(&text);
                Vec::new()
            }
            _ => Vec::new(),
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if let Some(overlay) = &self.overlay {
            return match overlay {
                Overlay::ConfirmQuit(_) => match key.code {
                    KeyCode::Char('j' | 'J' | 'y' | 'Y') => self.update(Action::ConfirmQuit),
                    KeyCode::Char('n' | 'N') | KeyCode::Esc => self.update(Action::CloseOverlay),
                    _ => Vec::new(),
                },
                Overlay::Help | Overlay::Message(_) => {
                    if matches!(key.code, KeyCode::Esc | KeyCode::Enter | KeyCode::Char('?'))
                        || key.code == KeyCode::F(1)
                    {
                        self.update(Action::CloseOverlay)
                    } else if key.code == KeyCode::Char('q')
                        && key.modifiers.contains(KeyModifiers::CONTROL)
                    {
                        self.update(Action::Quit)
                    } else {
                        Vec::new()
                    }
                }
            };
        }
        match &self.view {
            View::Start(_) => {
                let table: Vec<_> = keys::START.iter().collect();
                match keys::lookup(&table, &key) {
                    Some(a) => self.update(a),
                    None => Vec::new(),
                }
            }
            View::Session(s) => {
                let screen = s.screen;
                if screen == Screen::Intake && s.intake.arrow_stays_inside(&key) {
                    self.type_key(key);
                    return Vec::new();
                }
                let mut table: Vec<_> = keys::GLOBAL.iter().collect();
                table.extend(keys::screen_bindings(screen));
                if !keys::typing(screen) {
                    table.extend(keys::HELP_NOT_TYPING.iter());
                }
                match keys::lookup(&table, &key) {
                    Some(a) => self.update(a),
                    None => {
                        self.type_key(key);
                        Vec::new()
                    }
                }
            }
        }
    }

    /// Applies an action to the state.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        let now = self.now;
        match action {
            Action::ShowHelp => self.overlay = Some(Overlay::Help),
            Action::CloseOverlay => self.overlay = None,
            Action::Quit => {
                self.overlay = None;
                return vec![Effect::SaveAndQuit];
            }
            Action::ConfirmQuit => return vec![Effect::ForceQuit],
            Action::SelectUp | Action::SelectDown | Action::OpenSelected => {
                if let View::Start(st) = &mut self.view {
                    let count = st.entries.len() + 2;
                    match action {
                        Action::SelectUp => st.selected = st.selected.saturating_sub(1),
                        Action::SelectDown => st.selected = (st.selected + 1).min(count - 1),
                        _ => {
                            return vec![match st.selected {
                                0 => Effect::Create,
                                1 => Effect::OpenDemo,
                                n => Effect::Open(st.entries[n - 2].path.clone()),
                            }];
                        }
                    }
                }
            }
            _ => {
                let Some(s) = self.session_mut() else {
                    return Vec::new();
                };
                match action {
                    Action::NextScreen => s.screen = s.screen.next(),
                    Action::PrevScreen => s.screen = s.screen.prev(),
                    Action::FocusNext if s.screen == Screen::Intake => s.intake.focus_next(),
                    Action::FocusPrev if s.screen == Screen::Intake => s.intake.focus_prev(),
                    Action::FieldUndo | Action::FieldRedo if s.screen == Screen::Intake => {
                        let f = s.intake.focus;
                        if action == Action::FieldUndo {
                            s.intake.editors[f].undo();
                        } else {
                            s.intake.editors[f].redo();
                        }
                        if s.intake.commit(&mut s.doc.intake) {
                            s.changed(now);
                        }
                    }
                    _ => {}
                }
            }
        }
        Vec::new()
    }

    /// A key that no table claimed: it goes to the focused text field.
    fn type_key(&mut self, key: KeyEvent) {
        let now = self.now;
        let Some(s) = self.session_mut() else { return };
        if s.screen != Screen::Intake {
            return;
        }
        let multiline = s.intake.spec().multiline;
        if key.code == KeyCode::Enter && !multiline {
            s.intake.focus_next();
            return;
        }
        let f = s.intake.focus;
        let ed = &mut s.intake.editors[f];
        let modified = ed.input(key);
        if modified && s.intake.commit(&mut s.doc.intake) {
            s.changed(now);
        }
    }

    /// Bracketed paste: long text lands in the field in one go.
    fn paste(&mut self, text: &str) {
        let now = self.now;
        let Some(s) = self.session_mut() else { return };
        if s.screen != Screen::Intake {
            return;
        }
        let text = if s.intake.spec().multiline {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.replace(['\r', '\n'], " ")
        };
        let f = s.intake.focus;
        s.intake.editors[f].insert_str(text);
        if s.intake.commit(&mut s.doc.intake) {
            s.changed(now);
        }
    }
}
