//! The room's window (`volgspot zaal`): a second, read-only view for the beamer that
//! follows the facilitator's window.
//!
//! The channel is local and file-based, no network: the facilitator's window writes a
//! small state file beside the session (`<session>.zaal`, mode 0600, replaced atomically
//! with the store's safe writer) whenever what the room shows changes, and every second
//! as a heartbeat. The room polls it (and the session file, for content) every 50 ms. It
//! never takes the lock and never writes anything; when the heartbeat stops it says so.
//!
//! How the room knows the facilitator is alive ([`live`]), checked on every poll:
//! - the state file exists (a facilitator that quits removes it),
//! - its modification time is less than [`LOST_AFTER`] old (the facilitator rewrites it
//!   every [`HEARTBEAT`]; a file left by a killed or crashed window goes stale), and
//! - the session's lock file names a process that still runs: the lock file holds
//!   "user@host pid N"; on this host, pid N must exist and not be a zombie (a lock file
//!   of another host, over a shared folder, cannot be checked and is trusted; a missing
//!   lock file means no facilitator).
//!
//! Without contact the room never shows names: the privacy switch (F8) of a facilitator
//! that is gone, or of a stale state file, is off in the room until a live facilitator
//! says otherwise.

use crate::app::{App, Screen, SessionView, View};
use crate::model::Agenda;
use serde::{Deserialize, Serialize};
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::time::{Duration, Instant, SystemTime};

/// How often the facilitator's window rewrites the state file while nothing changes.
pub const HEARTBEAT: Duration = Duration::from_secs(1);
/// Without a heartbeat for this long, the room says it lost contact.
pub const LOST_AFTER: Duration = Duration::from_secs(4);
/// How often the room looks at the files.
pub const POLL: Duration = Duration::from_millis(50);

/// What the room needs to follow the facilitator: no text, no names (those come from the
/// session file and the privacy switch).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct RoomState {
    pub screen: String,
    pub blank: bool,
    pub show_names: bool,
    pub theme: String,
    /// The triangle's place (corner or question) and selected item.
    pub triangle_place: usize,
    pub triangle_item: Option<String>,
    /// The wheel's selected row, the intention panel and its selection.
    pub wheel_cursor: usize,
    pub wheel_intentions: bool,
    pub wheel_intention: usize,
    pub interview: usize,
    /// The part of the Samenvatting at the top of the facilitator's preview.
    pub summary: Option<crate::app::summary::Section>,
    /// The Rapport's selected section, its preview's scroll and whether that preview
    /// is the internal version: the room follows the Rapport's section.
    pub report_section: usize,
    pub report_scroll: usize,
    pub report_internal: bool,
    /// The agenda and its clock, so F5/F6/F7 reach the room before the autosave does.
    pub agenda: Agenda,
    /// Bumped on every write; the heartbeat.
    pub beat: u64,
}

/// `<session>.zaal`, beside the session file.
pub fn state_path(session: &Path) -> PathBuf {
    let mut name = session.file_name().unwrap_or_default().to_os_string();
    name.push(".zaal");
    session.with_file_name(name)
}

impl RoomState {
    pub fn of(app: &App, s: &SessionView) -> RoomState {
        let method = &app.method;
        RoomState {
            screen: s.screen.id().to_string(),
            blank: app.blank,
            show_names: app.show_names,
            theme: app.theme.name.clone(),
            triangle_place: s.triangle.place,
            triangle_item: s
                .triangle
                .selected_index(&s.doc, method)
                .and_then(|i| s.doc.triangle.items.get(i))
                .map(|it| it.id.0.clone()),
            wheel_cursor: s.wheel.cursor,
            wheel_intentions: s.wheel.panel == crate::app::wheel::Panel::Intentions,
            wheel_intention: s.wheel.intentions.selected,
            interview: s.interviews.selected,
            summary: s.summary.top.borrow().clone(),
            report_section: s.compose.section,
            report_scroll: s.compose.scroll,
            report_internal: s.compose.internal,
            agenda: s.doc.agenda.clone(),
            beat: 0,
        }
    }

    /// Puts what the facilitator shows into the room's own app.
    pub fn apply(&self, app: &mut App) {
        app.blank = self.blank;
        app.show_names = self.show_names;
        if app.theme.name != self.theme
            && let Some(t) = crate::theme::Theme::builtin(&self.theme)
        {
            app.theme = if app.no_color { t.without_colour() } else { t };
        }
        let method = app.method.clone();
        if let View::Session(s) = &mut app.view {
            if let Some(screen) = Screen::from_id(&self.screen) {
                s.screen = screen;
            }
            s.triangle.place = self.triangle_place;
            // The item by id (the room's copy of the session may be a save behind).
            if let Some(place) = s.triangle.place_id(&method) {
                let shown = crate::app::triangle::shown(&s.doc.triangle, &place, false);
                s.triangle.selected = shown
                    .iter()
                    .position(|&i| {
                        Some(&s.doc.triangle.items[i].id.0) == self.triangle_item.as_ref()
                    })
                    .unwrap_or(0);
            }
            s.wheel.cursor = self.wheel_cursor;
            s.wheel.panel = if self.wheel_intentions {
                crate::app::wheel::Panel::Intentions
            } else {
                crate::app::wheel::Panel::Wheel
            };
            s.wheel.intentions.selected = self.wheel_intention;
            s.interviews.selected = self.interview;
            *s.summary.top.borrow_mut() = self.summary.clone();
            s.compose.section = self.report_section;
            s.compose.scroll = self.report_scroll;
            s.compose.internal = self.report_internal;
            s.doc.agenda = self.agenda.clone();
        }
    }
}

struct Published {
    path: PathBuf,
    state: RoomState,
    at: Instant,
}

static LAST: Mutex<Option<Published>> = Mutex::new(None);

/// Called by the facilitator's event loop: writes the state file when what the room
/// shows changed, or as a heartbeat. Failures are ignored (the room then says it lost
/// contact; the facilitator's own work is not affected).
pub fn publish(app: &App) {
    let Some(s) = app.session() else {
        return;
    };
    let state = RoomState::of(app, s);
    let path = state_path(&s.path);
    let Ok(mut last) = LAST.lock() else {
        return;
    };
    let beat = match last.as_ref() {
        Some(p) if p.path == path && p.state.beat > 0 => {
            let same = RoomState {
                beat: p.state.beat,
                ..state.clone()
            } == p.state;
            if same && p.at.elapsed() < HEARTBEAT {
                return;
            }
            p.state.beat + 1
        }
        _ => 1,
    };
    let state = RoomState { beat, ..state };
    let bytes = crate::store::to_json(&state);
    // No fsync: the room polls the file, and after a crash it is stale anyway.
    let _ = crate::store::atomic::replace_volatile(&path, &bytes);
    *last = Some(Published {
        path,
        state,
        at: Instant::now(),
    });
}

/// The facilitator quits: the state file goes (the room then says it lost contact).
pub fn withdraw(session: &Path) {
    let _ = std::fs::remove_file(state_path(session));
}

/// The state file was rewritten less than [`LOST_AFTER`] ago.
pub fn state_fresh(session: &Path) -> bool {
    std::fs::metadata(state_path(session))
        .and_then(|m| m.modified())
        .is_ok_and(|t| {
            SystemTime::now()
                .duration_since(t)
                .map_or(true, |age| age < LOST_AFTER)
        })
}

/// A live facilitator is presenting this session: its state file is there and fresh,
/// and its lock holder runs (see the module's notes).
pub fn live(session: &Path) -> bool {
    state_fresh(session) && crate::store::lock::holder_alive(session) != Some(false)
}

/// Which session `volgspot zaal` without a file follows.
#[derive(Debug, PartialEq)]
pub enum Pick {
    /// The one session a live facilitator presents ([`live`]).
    Live(PathBuf),
    /// Several are presented: the user must choose (their paths, sorted).
    Several(Vec<PathBuf>),
    /// Nobody presents: the most recently changed session (the room waits for it).
    Newest(PathBuf),
    /// No session in the folder.
    None,
}

/// The session for the room in `dir`: the one being presented (a live state file and
/// lock), if exactly one; several → the user chooses; none → the newest session file.
pub fn pick_session(dir: &Path) -> Pick {
    let dir = if dir.as_os_str().is_empty() {
        Path::new(".")
    } else {
        dir
    };
    let Ok(entries) = std::fs::read_dir(dir) else {
        return Pick::None;
    };
    let sessions: Vec<(SystemTime, PathBuf)> = entries
        .flatten()
        .filter(|e| e.file_name().to_string_lossy().ends_with(".volgspot.json"))
        .filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path())))
        .collect();
    let mut presented: Vec<PathBuf> = sessions
        .iter()
        .filter(|(_, p)| live(p))
        .map(|(_, p)| p.clone())
        .collect();
    presented.sort();
    match presented.len() {
        1 => Pick::Live(presented.remove(0)),
        0 => match sessions.into_iter().max() {
            Some((_, p)) => Pick::Newest(p),
            None => Pick::None,
        },
        _ => Pick::Several(presented),
    }
}

/// The room's view of the files, read-only.
pub struct Follower {
    pub session: PathBuf,
    session_stamp: Option<(SystemTime, u64)>,
    state_text: Option<String>,
    /// When the heartbeat last changed.
    pub last_beat: Option<Instant>,
    /// The wall-clock time of the last contact, for the "lost contact since" line.
    pub last_contact: Option<time::OffsetDateTime>,
    /// Whether the last poll found a live facilitator ([`live`]).
    pub alive: bool,
}

fn stamp(path: &Path) -> Option<(SystemTime, u64)> {
    let m = std::fs::metadata(path).ok()?;
    Some((m.modified().ok()?, m.len()))
}

impl Follower {
    pub fn new(session: PathBuf) -> Follower {
        Follower {
            session,
            session_stamp: None,
            state_text: None,
            last_beat: None,
            last_contact: None,
            alive: false,
        }
    }

    /// Reads whatever changed; returns true when the screen needs drawing again.
    pub fn poll(&mut self, app: &mut App) -> bool {
        let mut changed = false;
        let st = stamp(&self.session);
        if st.is_some() && st != self.session_stamp {
            // Only a complete, valid session replaces the shown one (a save is atomic,
            // but the file may be replaced between stat and read).
            if let Ok((doc, _)) = crate::store::load_session(&self.session) {
                self.session_stamp = st;
                let agenda = app.session().map(|s| s.doc.agenda.clone());
                match &mut app.view {
                    View::Session(s) => {
                        s.doc = doc;
                        // A new generation: whatever was built from the old copy (the
                        // publieksversie, the synthesis) is built again, once (the
                        // publieksversie only if more than the clock changed); between
                        // saves the frames reuse it.
                        s.saving.generation += 1;
                    }
                    View::Start(_) => {
                        app.view =
                            View::Session(Box::new(SessionView::new(doc, self.session.clone())))
                    }
                }
                // The agenda of the state file is newer than the saved one.
                if let (Some(a), Some(s)) = (agenda, app.session_mut())
                    && self.state_text.is_some()
                {
                    s.doc.agenda = a;
                }
                // What the facilitator shows, again on the new copy (the selected item
                // by id, the Samenvatting's place).
                if let Some(state) = self
                    .state_text
                    .as_deref()
                    .and_then(|t| serde_json::from_str::<RoomState>(t).ok())
                {
                    state.apply(app);
                }
                changed = true;
            }
        }
        let alive = live(&self.session);
        if let Ok(text) = std::fs::read_to_string(state_path(&self.session))
            && self.state_text.as_deref() != Some(text.as_str())
            && let Ok(state) = serde_json::from_str::<RoomState>(&text)
        {
            state.apply(app);
            self.state_text = Some(text);
            // A stale file (left by a window that was killed) is no heartbeat.
            if alive {
                self.last_beat = Some(Instant::now());
                self.last_contact = Some(app.now);
            }
            changed = true;
        }
        if alive != self.alive {
            self.alive = alive;
            changed = true;
        }
        // No live facilitator, no names: a stale or vanished state file never shows them.
        if !alive && app.show_names {
            app.show_names = false;
            changed = true;
        }
        changed
    }

    /// In contact: a live facilitator ([`live`]) and a heartbeat came in recently.
    pub fn in_contact(&self) -> bool {
        self.alive && self.last_beat.is_some_and(|t| t.elapsed() < LOST_AFTER)
    }
}

/// Runs the room's window until `q`, Esc or Ctrl-Q in it (or Ctrl-C); `.` or `b` in it
/// blanks its own screen and back. Read-only: no lock, no saver, no writes.
pub fn run(mut app: App, session: PathBuf) -> std::process::ExitCode {
    use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
    use std::process::ExitCode;
    let mut follower = Follower::new(session);
    app.now = crate::clock::now();
    follower.poll(&mut app);
    let Some(mut terminal) = crate::tui::start_terminal(app.t) else {
        return ExitCode::FAILURE;
    };
    let outcome = (|| -> std::io::Result<()> {
        let mut last_second = None;
        let mut dirty = true;
        let mut last_contact = None;
        // `.` / `b` in the room's own window: its screen black and back, whatever the
        // facilitator's window shows.
        let mut own_blank = false;
        loop {
            app.now = crate::clock::now();
            if follower.poll(&mut app) {
                dirty = true;
            }
            let contact = match (follower.in_contact(), follower.last_contact) {
                (true, _) => crate::ui::room::Contact::Following,
                (false, None) => crate::ui::room::Contact::Waiting,
                (false, Some(at)) => crate::ui::room::Contact::LostSince(crate::clock::hms(at)),
            };
            // The clock ticks: draw once a second anyway.
            let second = app.now.unix_timestamp();
            if dirty || last_second != Some(second) || last_contact.as_ref() != Some(&contact) {
                // Text blocks of the last frame may be reused (`ui::widgets::cache`).
                crate::ui::widgets::cache::next_frame();
                let followed = app.blank;
                app.blank |= own_blank;
                let drawn = terminal.draw(|f| match app.session() {
                    Some(s) => crate::ui::room::draw(f, &app, s, &contact),
                    None if app.blank => crate::ui::room::black(f),
                    None => crate::ui::room::waiting(f, &app),
                });
                app.blank = followed;
                drawn?;
                dirty = false;
                last_second = Some(second);
                last_contact = Some(contact);
            }
            if event::poll(POLL)? {
                match event::read()? {
                    Event::Key(k) if k.kind != KeyEventKind::Release => {
                        let ctrl = k.modifiers.contains(KeyModifiers::CONTROL);
                        if matches!(k.code, KeyCode::Char('q') | KeyCode::Esc)
                            || (ctrl && matches!(k.code, KeyCode::Char('c')))
                        {
                            return Ok(());
                        }
                        if matches!(k.code, KeyCode::Char('.' | 'b' | 'B')) && !ctrl {
                            own_blank = !own_blank;
                            dirty = true;
                        }
                    }
                    Event::Resize(..) => dirty = true,
                    _ => {}
                }
            }
        }
    })();
    ratatui::restore();
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("volgspot: {}", crate::sanitize::visible(&e.to_string()));
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn session(dir: &Path, name: &str) -> PathBuf {
        let p = dir.join(name);
        std::fs::write(&p, b"{}").unwrap();
        p
    }

    /// A facilitator (this process, by its lock file) presents `session` now.
    fn present(session: &Path) {
        std::fs::write(state_path(session), b"{}").unwrap();
        std::fs::write(
            crate::store::paths::lock_path(session),
            crate::store::lock::holder_description(),
        )
        .unwrap();
    }

    fn age(path: &Path, secs: u64) {
        let f = std::fs::File::options().write(true).open(path).unwrap();
        f.set_modified(SystemTime::now() - Duration::from_secs(secs))
            .unwrap();
    }

    #[test]
    fn the_room_follows_the_presented_session_not_the_newest() {
        let d = tempfile::tempdir().unwrap();
        let presented = session(d.path(), "a.volgspot.json");
        age(&presented, 600);
        let newest = session(d.path(), "b.volgspot.json");
        // Nobody presents: the newest, as before.
        assert_eq!(pick_session(d.path()), Pick::Newest(newest.clone()));
        present(&presented);
        assert_eq!(pick_session(d.path()), Pick::Live(presented.clone()));
        // A stale state file of the newest (its window was killed) does not count.
        present(&newest);
        age(&state_path(&newest), 600);
        assert_eq!(pick_session(d.path()), Pick::Live(presented.clone()));
        // Both presented: the user chooses.
        present(&newest);
        assert_eq!(
            pick_session(d.path()),
            Pick::Several(vec![presented, newest])
        );
    }

    #[test]
    fn a_lock_file_of_another_host_is_trusted_and_a_dead_pid_is_not() {
        use crate::store::lock::holder_alive;
        let d = tempfile::tempdir().unwrap();
        let s = session(d.path(), "a.volgspot.json");
        let lock = crate::store::paths::lock_path(&s);
        assert_eq!(holder_alive(&s), Some(false), "no lock file");
        std::fs::write(&lock, "jan@een-andere-machine.invalid pid 1").unwrap();
        assert_eq!(holder_alive(&s), None);
        std::fs::write(&lock, crate::store::lock::holder_description()).unwrap();
        assert_eq!(holder_alive(&s), Some(true));
        let mut child = std::process::Command::new("true").spawn().unwrap();
        let dead = child.id();
        child.wait().unwrap();
        let host = gethostname::gethostname().to_string_lossy().into_owned();
        std::fs::write(&lock, format!("jan@{host} pid {dead}")).unwrap();
        assert_eq!(holder_alive(&s), Some(false));
    }
}
