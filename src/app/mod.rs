//! Application state and `update`: no terminal, no disk. The runtime (`tui`) feeds it
//! events and carries out the [`Effect`]s it asks for.

pub mod action;
pub mod compose;
pub mod field;
pub mod intake;
pub mod interview_edit;
pub mod interviews;
pub mod keys;
pub mod list;
pub mod picker;
pub mod remote;
pub mod save_schedule;
pub mod screen;
pub mod start;
pub mod summary;
pub mod triangle;
pub mod undo;
pub mod wheel;

pub use action::{Action, Effect};
pub use save_schedule::{SAVE_MAX_WAIT, SAVE_QUIET, SAVE_RETRY, SAVE_SPACING, SaveSchedule};
pub use screen::ScreenState;
pub use start::{StartEntry, StartState};

use crate::i18n::{Lang, Strings};
use crate::method::Method;
use crate::model::Session;
use crate::store::SaveError;
use crate::store::recovery::Recovery;
use ratatui::crossterm::event::{
    Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};
use std::path::PathBuf;
use std::time::Instant;
use time::OffsetDateTime;

/// The [`Ctx`] a screen gets, from the app's own fields: a macro, not a method, so that
/// it borrows only those fields and the view stays free to borrow mutably beside it.
macro_rules! app_ctx {
    ($app:expr) => {
        Ctx {
            method: &$app.method,
            t: $app.t,
            now: $app.now,
            show_names: $app.show_names,
        }
    };
}

/// What a screen needs besides its own state and the session.
pub struct Ctx<'a> {
    pub method: &'a Method,
    pub t: &'static Strings,
    pub now: OffsetDateTime,
    /// F8: the interviewees' names shown (what the screen shows, so what a search
    /// may look in).
    pub show_names: bool,
}

/// What a screen did with a key or a paste.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// Not a key of this screen.
    Ignored,
    /// Taken; the session did not change.
    Handled,
    /// Taken; the session changed (autosave follows).
    Changed,
    /// Taken; the runtime must do something (disk, ...).
    Effect(Effect),
}

/// What the header says about saving.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveState {
    /// Opened, nothing changed yet.
    Clean,
    Saved(OffsetDateTime),
    Failed(SaveError),
}

/// The one list of session screens, in method order: `Variant = "id" => module`. The
/// module is the screen's `State` here (it implements [`ScreenState`]) and its
/// `DRAWING` in `ui/` (same name). `screens!(m)` hands the list to macro `m`:
/// `session_screens!` (the [`Screen`] enum and dispatch), `session_view!` (below: the
/// states on [`SessionView`]) and the ui's list of drawings.
macro_rules! screens {
    ($then:ident) => {
        $then! {
            Intake = "intake" => intake,
            Interviews = "interviews" => interviews,
            Triangle = "triangle" => triangle,
            Wheel = "wheel" => wheel,
            Summary = "summary" => summary,
            Report = "report" => compose,
        }
    };
}
use screen::session_screens;
pub(crate) use screens;

/// An open session: the document, where it is saved, the undo history and each
/// screen's state (one field per screen, named as its module).
macro_rules! session_view {
    ($($variant:ident = $id:literal => $field:ident),* $(,)?) => {
        pub struct SessionView {
            pub doc: Session,
            pub path: PathBuf,
            pub screen: Screen,
            /// When to save and what reached the disk (`s.generation`, `s.save`, …
            /// through `Deref`, so the runtime and the interviewer mode share one
            /// schedule).
            pub saving: SaveSchedule,
            pub history: undo::History,
            /// What the last undo or redo did ("Ongedaan: verwijderen"), until the next
            /// key.
            pub undo_note: Option<String>,
            /// Browse mode (see `remote`): opened from disk, no field has the cursor yet.
            pub browse: bool,
            $(pub $field: $field::State,)*
        }

        impl SessionView {
            pub fn new(doc: Session, path: PathBuf) -> Self {
                SessionView {
                    history: undo::History::default(),
                    undo_note: None,
                    browse: false,
                    $($field: ScreenState::open(&doc),)*
                    doc,
                    path,
                    screen: Screen::ALL[0],
                    saving: SaveSchedule::default(),
                }
            }
        }
    };
}

screens!(session_screens);
screens!(session_view);

impl SessionView {
    /// App-wide undo (or redo): back to the session as it was before the last action.
    /// Says what it undid in `undo_note`.
    pub fn undo(&mut self, redo: bool, now: OffsetDateTime, t: &Strings) -> bool {
        let restored = if redo {
            self.history.redo(&self.doc, self.generation)
        } else {
            self.history.undo(&self.doc, self.generation)
        };
        let Some((mut doc, what)) = restored else {
            return false;
        };
        let note = if redo { t.redone } else { t.undone };
        self.undo_note = Some(crate::i18n::fill(note, &[&what]));
        // The session clock is time, not content: undoing a change made before F5 or F7
        // must not stop the clock or take the room back to an earlier block, and the
        // minutes each block actually took stay recorded.
        doc.agenda.clock = self.doc.agenda.clock.clone();
        for b in &mut doc.agenda.blocks {
            if let Some(now) = self.doc.agenda.blocks.iter().find(|c| c.id == b.id) {
                b.actual_seconds = now.actual_seconds;
            }
        }
        let before = std::mem::replace(&mut self.doc, doc);
        self.rebuild_screens(&before);
        self.changed(now);
        true
    }

    /// A key for the current screen, with the snapshots undo needs (see `undo`).
    fn dispatch_key(&mut self, key: KeyEvent, ctx: &Ctx) -> Outcome {
        self.undo_note = None;
        let typing = self.typing();
        let nav = undo::is_navigation(&key);
        let snapshot = !(nav || typing && self.history.burst_open());
        let before = snapshot.then(|| (self.doc.clone(), self.generation));
        let generation = self.generation;
        // What the step is called after undo: the label of the key, from the very table
        // that dispatches it.
        let what = || match self.own_help().iter().find(|h| h.takes(&key)) {
            Some(h) => (h.label)(ctx.t).to_string(),
            None => self.screen.title(ctx.t).to_string(),
        };
        let what = if typing {
            ctx.t.undo_typing.to_string()
        } else {
            what()
        };
        let outcome = self.dispatch(Some(key), "", ctx);
        // A screen that knows what its change was names it ("alinea verplaatst in …").
        let named = self.current().step_name();
        let what = named.clone().unwrap_or(what);
        let changed = before.as_ref().is_some_and(|(_, g)| *g != self.generation);
        // On to another field without a change (Enter in a form): what is typed there
        // is a step of its own, named after that field.
        if typing
            && before.is_none()
            && generation == self.generation
            && let (Some(now), Some(open)) = (named.as_deref(), self.history.burst_name())
            && now != open
        {
            self.history.close_burst(self.generation);
        }
        match (typing, before) {
            (true, Some((doc, g))) => self.history.open_burst(doc, g, what),
            (false, Some((doc, _))) if changed => {
                self.history.close_burst(self.generation);
                self.history.push(doc, what);
                if self.typing() {
                    self.history.continue_last();
                }
            }
            // Into a text field without a change yet: the typing that follows is one step.
            (false, Some((doc, g))) if self.typing() => self.history.open_burst(
                doc,
                g,
                named.unwrap_or_else(|| ctx.t.undo_typing.to_string()),
            ),
            _ => {}
        }
        if nav || !self.typing() {
            self.history.close_burst(self.generation);
        }
        outcome
    }

    /// " ◀ 2/6 Interviews ▶ ": where the header says the room is; the arrows can be
    /// clicked (see `App::handle_mouse`).
    pub fn header_place(&self, t: &Strings) -> String {
        format!(" ◀ {} {} ▶ ", self.screen.place(), self.screen.title(t))
    }

    /// The current screen's state.
    fn current(&self) -> &dyn ScreenState {
        self.state(self.screen)
    }

    /// Whether the current screen has a text field taking keys.
    pub fn typing(&self) -> bool {
        if self.browsing() {
            return false;
        }
        self.current().typing()
    }

    /// Whether the current screen has a key of its own for `key`.
    fn claims(&self, key: &KeyEvent) -> bool {
        self.own_help().iter().any(|h| h.takes(key))
    }

    /// Every key of the current screen, for the footer and the `?` overlay.
    pub fn help(&self) -> Vec<keys::KeyHelp> {
        if self.browsing() {
            return keys::session_help(keys::help_of(remote::BROWSE), false);
        }
        keys::session_help(self.own_help(), self.typing())
    }

    fn own_help(&self) -> Vec<keys::KeyHelp> {
        self.current().help(&self.doc)
    }

    /// Hands a key (or, with `paste`, pasted text) to the current screen.
    fn dispatch(&mut self, key: Option<KeyEvent>, paste: &str, ctx: &Ctx) -> Outcome {
        let (doc, state) = self.state_mut(self.screen);
        let outcome = match key {
            Some(k) => state.handle_key(doc, k, ctx),
            None => state.paste(doc, paste, ctx),
        };
        if outcome == Outcome::Changed {
            self.changed(ctx.now);
        }
        outcome
    }

    /// Merges loaded interview files (or why one could not be loaded) into the session
    /// and returns the report, one line per file.
    pub fn import_interviews(
        &mut self,
        loaded: Vec<(
            PathBuf,
            Result<crate::model::interview_file::InterviewFile, crate::store::ImportError>,
        )>,
        t: &Strings,
        now: OffsetDateTime,
        show_names: bool,
    ) -> Vec<String> {
        let mut lines = Vec::new();
        // The whole import is one undo step (Ctrl-Z outside a text field).
        let before = self.doc.clone();
        for (path, file) in loaded {
            match file {
                Ok(f) => {
                    // The message is projected: without F8 an interview is named by role
                    // and organisation, as everywhere else.
                    let who = interviews::who_shown(&f.interview, t.interviews, show_names);
                    lines.extend(t.interviews.other_pact(&f, &self.doc, &who));
                    lines.extend(t.interviews.other_round(&f, &self.doc, &who));
                    let name = path.file_name().unwrap_or_default().to_string_lossy();
                    let mut r = crate::model::merge::merge_file_from(&mut self.doc, &f, &name);
                    if !show_names {
                        r.label = who;
                    }
                    lines.extend(t.interviews.report(&r));
                }
                Err(why) => {
                    let name = path.file_name().unwrap_or_default().to_string_lossy();
                    let name = t.interviews.file_label(&name, show_names);
                    // The line names the file already (by its label while names are
                    // hidden): the reason alone, so no path gives the name away.
                    lines.push(match why {
                        crate::store::ImportError::Load(e) => crate::i18n::fill(
                            t.interviews.rep_error,
                            &[&name, &t.load_problem(&e.problem)],
                        ),
                        crate::store::ImportError::SessionFile(_) => {
                            crate::i18n::fill(t.interviews.session_not_interview, &[&name])
                        }
                    });
                }
            }
        }
        if self.doc != before {
            self.history.close_burst(self.generation);
            self.history.push(before, t.undo_import.to_string());
        }
        // Merge bookkeeping may have been stamped even when nothing visible changed.
        self.changed(now);
        lines
    }

    fn changed(&mut self, now: OffsetDateTime) {
        self.changed_at(now, Instant::now());
    }

    /// A change of the session made at `at` (what every edit calls, with the clock's
    /// moment; tests pass their own).
    pub fn changed_at(&mut self, now: OffsetDateTime, at: Instant) {
        self.doc.updated = now;
        self.saving.changed_at(at);
    }
}

save_schedule::deref_to_schedule!(SessionView, saving);

/// The keys that close help, a message or the peek: Esc, Enter, `?`, F1, F3.
fn is_close_key(key: &KeyEvent) -> bool {
    matches!(
        key.code,
        KeyCode::Esc | KeyCode::Enter | KeyCode::Char('?') | KeyCode::F(1) | KeyCode::F(3)
    )
}

/// Where the current screen drew its selectable list of one-line rows: a click on a row
/// moves the selection there, as the arrow keys would (the screen stays in charge).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ClickList {
    pub area: ratatui::layout::Rect,
    /// The screen row of the selected entry.
    pub selected_y: u16,
}

pub enum Overlay {
    Help,
    /// The facilitator peeks at the next screen; the room's screen does not move.
    Peek,
    ConfirmQuit(String),
    Message(String),
    /// A newer copy of a session exists: recover it, or open the session as it is.
    Recover(Recovery),
    /// Ctrl-F5: put the clock back to "not started"? (j/n)
    ConfirmClockReset,
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
    pub theme: crate::theme::Theme,
    /// `NO_COLOR` was set: theme switches keep colours off.
    pub no_color: bool,
    /// Presenter view: chrome hidden, big title, content large.
    pub presenter: bool,
    /// A key that would change something was refused in presenter view (typing there
    /// would change text nobody can see); the view says how to get back to editing.
    pub presenter_refused: bool,
    /// Privacy switch: interviewee names are shown only when the facilitator turns
    /// them on; otherwise role and organisation. Off (names hidden) by default.
    pub show_names: bool,
    /// The list drawn last frame, so a mouse click can select a row (see `ClickList`).
    pub click_list: std::cell::Cell<Option<ClickList>>,
    /// The wall clock as of the last event; rendering reads time only from here.
    pub now: OffsetDateTime,
    /// `.` / `b`: the room's screen is blank (presenter view and `volgspot zaal`).
    pub blank: bool,
    /// The terminal lacks Unicode drawing (the Linux console, a VT220, `VOLGSPOT_ASCII`):
    /// every frame is folded to plain ASCII.
    pub ascii: bool,
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
            theme: crate::theme::Theme::dark().clone(),
            no_color: false,
            presenter: false,
            presenter_refused: false,
            show_names: false,
            click_list: std::cell::Cell::new(None),
            now,
            blank: false,
            ascii: false,
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
            Event::Paste(text) => self.paste(&text),
            Event::Mouse(m) => self.handle_mouse(m),
            _ => Vec::new(),
        }
    }

    /// A key while a popup is open: the popup's (None: no popup, or a message the key
    /// closed and that the key goes on past).
    fn overlay_key(&mut self, key: &KeyEvent) -> Option<Vec<Effect>> {
        let key = *key;
        // A popup that is read, not answered (a message, the Rapport's export result):
        // any key closes it. A key that changes something goes no further (D behind
        // it deleted what the reader did not see); the app-wide keys (another screen,
        // quit) and keys that only move (F2 to the next part) still do what they do.
        if self.read_popup_open() {
            self.close_read_popup();
            if is_close_key(&key) {
                return Some(Vec::new());
            }
            return match keys::find(keys::GLOBAL, &key) {
                Some(a) => Some(self.update(a)),
                None if undo::is_navigation(&key) => None,
                None => Some(Vec::new()),
            };
        }
        let overlay = self.overlay.as_ref()?;
        Some(match overlay {
            Overlay::ConfirmClockReset => Vec::new(),
            Overlay::Recover(_) => match keys::find(keys::RECOVER, &key) {
                Some(a) => self.update(a),
                None => Vec::new(),
            },
            Overlay::ConfirmQuit(_) => match key.code {
                KeyCode::Char('j' | 'J' | 'y' | 'Y') => self.update(Action::ConfirmQuit),
                KeyCode::Char('n' | 'N') | KeyCode::Esc => self.update(Action::CloseOverlay),
                _ => Vec::new(),
            },
            Overlay::Help | Overlay::Message(_) | Overlay::Peek => {
                if is_close_key(&key) {
                    self.update(Action::CloseOverlay)
                } else if key.code == KeyCode::Char('q')
                    && key.modifiers.contains(KeyModifiers::CONTROL)
                {
                    self.update(Action::Quit)
                } else {
                    Vec::new()
                }
            }
        })
    }

    /// Whether a popup that is read, not answered, is open: a message, or the
    /// Rapport's export result.
    pub fn read_popup_open(&self) -> bool {
        match &self.overlay {
            Some(Overlay::Message(_)) => true,
            Some(_) => false,
            None => self
                .session()
                .is_some_and(|s| s.screen == Screen::Report && s.compose.export_shown),
        }
    }

    fn close_read_popup(&mut self) {
        if let Some(Overlay::Message(_)) = self.overlay {
            self.overlay = None;
        }
        if let Some(s) = self.session_mut() {
            s.compose.export_shown = false;
        }
    }

    pub fn handle_key(&mut self, key: KeyEvent) -> Vec<Effect> {
        if let Some(effects) = self.room_key(&key) {
            return effects;
        }
        if let Some(effects) = self.overlay_key(&key) {
            return effects;
        }
        // Presenter view shows; it does not edit. App-wide keys, help and moving around
        // work; a key that would type or change something is refused and the view says
        // so (it used to go to a field that is not on the presenter screen).
        if self.presenter && matches!(self.view, View::Session(_)) {
            let allowed = keys::find(keys::GLOBAL, &key).is_some()
                || keys::find(keys::HELP_NOT_TYPING, &key).is_some()
                || undo::is_navigation(&key)
                || key.code == KeyCode::Esc;
            self.presenter_refused = !allowed;
            if !allowed {
                return Vec::new();
            }
            if key.code == KeyCode::Char('?') {
                return self.update(Action::ShowHelp);
            }
        }
        let ctx = app_ctx!(self);
        match &mut self.view {
            View::Start(st) => {
                if st.portfolio.is_some() {
                    // Help and quit as on the list; the view's own keys otherwise.
                    return match keys::find(start::KEYS, &key) {
                        Some(start::Act::App(a @ (Action::ShowHelp | Action::Quit))) => {
                            self.update(a)
                        }
                        _ => st.portfolio_key(&key),
                    };
                }
                match st.handle_key(&key) {
                    Some(a) => self.update(a),
                    None => Vec::new(),
                }
            }
            View::Session(s) => {
                // App-wide keys first: they work on every screen, also while typing.
                if let Some(a) = keys::find(keys::GLOBAL, &key) {
                    // A question waiting for its J is answered "keep" by any other key,
                    // an app-wide one too: never left armed for a later J.
                    s.app_key_taken();
                    return self.update(a);
                }
                if !s.typing()
                    && let Some(a) = keys::find(keys::HELP_NOT_TYPING, &key).or_else(|| {
                        keys::find(keys::UNDO_NOT_TYPING, &key).filter(|_| !s.claims(&key))
                    })
                {
                    s.app_key_taken();
                    return self.update(a);
                }
                match s.dispatch_key(key, &ctx) {
                    // Moving between screens needs no I/O: done here.
                    Outcome::Effect(Effect::GoTo(screen)) => {
                        s.go_to(screen, &ctx);
                        Vec::new()
                    }
                    Outcome::Effect(Effect::GoToReportSection(i)) => {
                        s.go_to(Screen::Report, &ctx);
                        s.compose.section = i;
                        s.compose.selected = 0;
                        Vec::new()
                    }
                    Outcome::Effect(Effect::GoToIntentions) => {
                        s.go_to(Screen::Wheel, &ctx);
                        s.wheel.panel = wheel::Panel::Intentions;
                        Vec::new()
                    }
                    Outcome::Effect(e) => vec![e],
                    _ => Vec::new(),
                }
            }
        }
    }

    /// The mouse: the wheel moves the selection (as ↑/↓ would), a click on the header's
    /// ◀ or ▶ (or elsewhere on the screen's name) switches screens.
    pub fn handle_mouse(&mut self, m: MouseEvent) -> Vec<Effect> {
        let as_key = |code| KeyEvent::new(code, KeyModifiers::NONE);
        match m.kind {
            MouseEventKind::ScrollDown => self.handle_key(as_key(KeyCode::Down)),
            MouseEventKind::ScrollUp => self.handle_key(as_key(KeyCode::Up)),
            MouseEventKind::Down(MouseButton::Left)
                if m.row > 0
                    && self.overlay.is_none()
                    && let Some(list) = self.click_list.get()
                    && list
                        .area
                        .contains(ratatui::layout::Position::new(m.column, m.row)) =>
            {
                if let View::Start(st) = &mut self.view {
                    st.click(m.row as isize - list.selected_y as isize);
                    return Vec::new();
                }
                let (code, steps) = if m.row >= list.selected_y {
                    (KeyCode::Down, m.row - list.selected_y)
                } else {
                    (KeyCode::Up, list.selected_y - m.row)
                };
                let mut effects = Vec::new();
                for _ in 0..steps {
                    effects.extend(self.handle_key(as_key(code)));
                }
                effects
            }
            MouseEventKind::Down(MouseButton::Left) if m.row == 0 && self.overlay.is_none() => {
                let Some(s) = self.session() else {
                    return Vec::new();
                };
                let width = s.header_place(self.t).chars().count() as u16;
                match m.column {
                    0..=2 => self.update(Action::PrevScreen),
                    c if c < width => self.update(Action::NextScreen),
                    _ => Vec::new(),
                }
            }
            _ => Vec::new(),
        }
    }

    fn paste(&mut self, text: &str) -> Vec<Effect> {
        let ctx = app_ctx!(self);
        if self.overlay.is_some() {
            return Vec::new();
        }
        match &mut self.view {
            View::Session(s) => match s.dispatch(None, text, &ctx) {
                Outcome::Effect(e) => vec![e],
                _ => Vec::new(),
            },
            View::Start(st) => {
                st.paste(text);
                Vec::new()
            }
        }
    }

    /// Applies an app-wide action.
    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::ShowHelp => self.overlay = Some(Overlay::Help),
            Action::Peek => {
                if let Some(s) = self.session() {
                    // The last screen has nothing after it to look ahead at.
                    self.overlay = Some(if s.screen.next() == s.screen {
                        Overlay::Message(self.t.peek_last.to_string())
                    } else {
                        Overlay::Peek
                    });
                }
            }
            Action::TogglePresenter => {
                self.presenter = !self.presenter;
                self.presenter_refused = false;
            }
            Action::ToggleNames => self.show_names = !self.show_names,
            Action::NextTheme => self.theme = self.theme.next(self.no_color),
            Action::Undo | Action::Redo => {
                let now = self.now;
                let t = self.t;
                if let Some(s) = self.session_mut()
                    && !s.undo(action == Action::Redo, now, t)
                {
                    // The message of the last undo is not left standing as if it were
                    // this one's.
                    s.undo_note = None;
                    let msg = if action == Action::Redo {
                        t.nothing_to_redo
                    } else {
                        t.nothing_to_undo
                    };
                    self.overlay = Some(Overlay::Message(msg.to_string()));
                }
            }
            Action::CloseOverlay => self.overlay = None,
            Action::Quit => {
                self.overlay = None;
                // An editor still open stores what it holds first: Ctrl-Q saves it.
                let ctx = app_ctx!(self);
                if let View::Session(s) = &mut self.view {
                    s.commit_open_edits(&ctx);
                }
                return vec![Effect::SaveAndQuit];
            }
            Action::ConfirmQuit => return vec![Effect::ForceQuit],
            Action::ClockToggle | Action::ClockAddFive | Action::ClockNextBlock => {
                let now = self.now;
                let ctx = app_ctx!(self);
                if let View::Session(s) = &mut self.view {
                    match action {
                        Action::ClockToggle => {
                            intake::ensure_agenda(&mut s.doc, &self.method);
                            // Starting the clock stays on the screen shown: a remote's F5
                            // must not move the room.
                            crate::model::agenda::start_or_pause(&mut s.doc.agenda, now);
                        }
                        Action::ClockAddFive => crate::model::agenda::add_five(&mut s.doc.agenda),
                        _ => {
                            let agenda = &mut s.doc.agenda;
                            // Moving on in the agenda also moves the room to its screen.
                            if let Some(i) = crate::model::agenda::next_block(agenda, now)
                                && let Some(screen) = Screen::from_id(&agenda.blocks[i].screen)
                            {
                                s.go_to(screen, &ctx);
                            }
                        }
                    }
                    s.changed(now);
                }
            }
            Action::RecoverCopy | Action::OpenAsIs => {
                let Some(Overlay::Recover(r)) = self.overlay.take() else {
                    return Vec::new();
                };
                return match (action, &self.view) {
                    (Action::RecoverCopy, _) => vec![Effect::Recover(r)],
                    // Already open (`volgspot open`): just close the offer.
                    (_, View::Session(_)) => Vec::new(),
                    (_, View::Start(_)) => vec![Effect::Open(r.session)],
                };
            }
            Action::NextScreen | Action::PrevScreen => {
                let ctx = app_ctx!(self);
                if let View::Session(s) = &mut self.view {
                    s.history.close_burst(s.generation);
                    let to = if action == Action::NextScreen {
                        s.screen.next()
                    } else {
                        s.screen.prev()
                    };
                    s.go_to(to, &ctx);
                }
            }
            Action::NextRound => {
                if let View::Start(st) = &self.view
                    && let Some(e) = st.selected_entry()
                    && e.summary.is_ok()
                {
                    return vec![Effect::NextRound(e.path.clone())];
                }
            }
            Action::Portfolio => {
                if matches!(self.view, View::Start(_)) {
                    return vec![Effect::OpenPortfolio];
                }
            }
            Action::SelectUp | Action::SelectDown | Action::OpenSelected => {
                if let View::Start(st) = &mut self.view {
                    if action != Action::OpenSelected {
                        st.select(action);
                        return Vec::new();
                    }
                    return vec![match st.selected {
                        0 => Effect::Create,
                        1 => Effect::OpenDemo,
                        _ => {
                            let Some(e) = st.selected_entry() else {
                                return Vec::new();
                            };
                            if let Some(r) = &e.recovery {
                                self.overlay = Some(Overlay::Recover(r.clone()));
                                return Vec::new();
                            }
                            Effect::Open(e.path.clone())
                        }
                    }];
                }
            }
        }
        Vec::new()
    }
}
