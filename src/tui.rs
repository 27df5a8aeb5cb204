//! The runtime: terminal set-up, the event loop, autosave, and the effects `update`
//! asks for (opening files, quitting). Also the last line of defence on panic.

use crate::app::{App, Effect, Overlay, SessionView, StartEntry, StartState, View};
use crate::clock;
use crate::i18n::fill;
use crate::model::Session;
use crate::store::{self, atomic, autosave::Saver, lock, paths};
use crate::ui;
use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::cell::RefCell;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};
use time::OffsetDateTime;

/// The built-in example session, embedded so `volgspot demo` works from any folder.
pub const EXAMPLE: &str = include_str!("../sessions/voorbeeld.volgspot.json");

pub struct Runtime {
    pub dir: PathBuf,
    // Declared before the lock, so it is dropped first: a save still running at exit
    // finishes (with its conflict check) while the session is still locked.
    saver: Saver,
    pub lock: Option<lock::SessionLock>,
    /// A session created in this run (`+ Nieuwe sessie`, `volgspot new`): removed on
    /// quitting when nothing was entered in it (see [`discard_untouched`]).
    pub fresh: Option<PathBuf>,
}

impl Runtime {
    pub fn new(dir: PathBuf) -> Self {
        Runtime {
            dir,
            lock: None,
            fresh: None,
            saver: Saver::new(),
        }
    }
}

/// Why a session could not be opened or made; worded in the UI language by
/// [`OpenError::message`] (from i18n's wording of each store error).
#[derive(Debug)]
pub enum OpenError {
    /// Someone else has it open (or its lock cannot be made).
    Lock(lock::LockError),
    /// The file cannot be read as a session; a backup or emergency copy beside it, if
    /// there is one, is named.
    Load {
        error: Box<store::LoadError>,
        backup: Option<PathBuf>,
        emergency: Option<PathBuf>,
    },
    /// A new file could not be written.
    Save(store::SaveError),
    /// The session folder could not be made.
    Folder {
        dir: PathBuf,
        why: String,
    },
    NextRound(store::next_round::Error),
    /// The embedded example does not parse (a unit test guards against it).
    Example,
    /// A session file given where an interview file was asked for.
    NotAnInterview(PathBuf),
    /// A file could not be renamed or read.
    Io(String),
    /// The portfolio of a folder without sessions.
    NoSessions(PathBuf),
}

impl OpenError {
    pub fn message(&self, t: &crate::i18n::Strings) -> String {
        match self {
            OpenError::Lock(e) => t.lock_error(e),
            OpenError::Load {
                error,
                backup,
                emergency,
            } => {
                let mut msg = t.load_error(error);
                if let Some(bak) = backup {
                    msg.push_str(". ");
                    msg.push_str(&fill(t.e_backup_hint, &[&bak.display().to_string()]));
                }
                if let Some(copy) = emergency {
                    msg.push_str(". ");
                    msg.push_str(&fill(t.e_emergency_hint, &[&copy.display().to_string()]));
                }
                msg
            }
            OpenError::Save(e) => t.save_error(e),
            OpenError::Folder { dir, why } => format!("{}: {why}", dir.display()),
            OpenError::NextRound(e) => e.message(t),
            OpenError::Example => "the embedded example session is invalid".to_string(),
            OpenError::NotAnInterview(path) => fill(
                t.interviews.session_not_interview,
                &[&path.display().to_string()],
            ),
            OpenError::Io(why) => fill(t.e_io, &[why]),
            OpenError::NoSessions(dir) => fill(t.start.no_sessions, &[&dir.display().to_string()]),
        }
    }
}

/// Loads and locks a session; on success the app shows it.
pub fn open_session(app: &mut App, rt: &mut Runtime, path: &Path) -> Result<(), OpenError> {
    let t = app.t;
    let held = lock::acquire(path).map_err(OpenError::Lock)?;
    let (doc, migrated) = store::load_session(path).map_err(|error| OpenError::Load {
        error: Box::new(error),
        backup: Some(paths::backup_path(path)).filter(|p| p.is_file()),
        emergency: Some(paths::emergency_path(path)).filter(|p| p.is_file()),
    })?;
    store::atomic::clean_stale_temps(path);
    // Duplicate ids (an older volgspot could make them) get fresh ids, never merged.
    let mut doc = doc;
    let repairs = crate::model::merge::repair_session_ids(&mut doc);
    let migrated = migrated || !repairs.is_empty();
    let mut view = SessionView::new(doc, path.to_path_buf());
    // Opened from disk: browse mode, so a remote's keys type nothing (see `app::remote`).
    view.browse = true;
    if !repairs.is_empty() {
        view.interviews.message = Some(t.interviews.repairs(&repairs, false).join("\n"));
    }
    // The wheel compares with an earlier round of the same pact in the same folder;
    // read here, once, so drawing never touches the disk.
    // A session made from an earlier round holds a snapshot of it: that one, always.
    view.wheel.earlier = match &view.doc.baseline {
        Some(b) => Some(crate::app::wheel::Earlier {
            round: b.round,
            wheel: b.wheel.clone(),
            label: fill(
                t.rounds.baseline,
                &[&b.round.to_string(), b.session_date.trim(), &b.file],
            ),
        }),
        None => store::rounds::earlier_round(path, &view.doc).map(|s| crate::app::wheel::Earlier {
            round: s.intake.round,
            label: fill(
                t.rounds.baseline_folder,
                &[&s.intake.round.to_string(), s.intake.session_date.trim()],
            ),
            wheel: s.wheel,
        }),
    };
    if migrated {
        // Written back only now that the load succeeded; the old file becomes the .bak.
        match store::save_session(path, &view.doc) {
            Ok(at) => view.on_saved(0, Ok(at)),
            Err(e) => view.on_saved(0, Err(e)),
        }
    }
    rt.lock = Some(held);
    app.view = View::Session(Box::new(view));
    Ok(())
}

/// Opens a session with the content of a newer backup or emergency copy. The session
/// file is saved from it at once (its old content becomes the `.bak`); the copy stays.
pub fn recover_session(
    app: &mut App,
    rt: &mut Runtime,
    r: &store::recovery::Recovery,
) -> Result<(), OpenError> {
    let t = app.t;
    // `volgspot open` may hold this session's lock already; a second lock on it from
    // this process would be refused.
    rt.lock = None;
    let held = lock::acquire(&r.session).map_err(OpenError::Lock)?;
    let (mut doc, _) = store::load_session(&r.copy).map_err(|error| OpenError::Load {
        error: Box::new(error),
        backup: None,
        emergency: None,
    })?;
    store::atomic::clean_stale_temps(&r.session);
    let repairs = crate::model::merge::repair_session_ids(&mut doc);
    let mut view = SessionView::new(doc, r.session.clone());
    if !repairs.is_empty() {
        view.interviews.message = Some(t.interviews.repairs(&repairs, false).join("\n"));
    }
    // Mark as changed so a failed save below keeps retrying and Ctrl-Q warns.
    view.generation = 1;
    match store::save_session(&r.session, &view.doc) {
        Ok(at) => view.on_saved(1, Ok(at)),
        Err(e) => view.on_saved(1, Err(e)),
    }
    rt.lock = Some(held);
    app.view = View::Session(Box::new(view));
    Ok(())
}

/// Creates a new session file in the session folder and opens it.
pub fn create_session(
    app: &mut App,
    rt: &mut Runtime,
    pact: &str,
    round: u8,
) -> Result<PathBuf, OpenError> {
    let now = clock::now();
    paths::ensure_dir(&rt.dir).map_err(|e| OpenError::Folder {
        dir: rt.dir.clone(),
        why: e.to_string(),
    })?;
    let mut doc = Session::new(pact, round, now);
    crate::app::intake::ensure_agenda(&mut doc, &app.method);
    let path = paths::new_session_path(&rt.dir, pact, round, &now.date().to_string());
    store::write_new(&path, &doc).map_err(OpenError::Save)?;
    open_session(app, rt, &path)?;
    // Without a name (`+ Nieuwe sessie`, `volgspot new`): not kept if nothing is entered.
    // A name given on the command line is kept, as asked.
    rt.fresh = pact.trim().is_empty().then(|| path.clone());
    // A new session: the facilitator starts typing the pact's name at once.
    if let Some(s) = app.session_mut() {
        s.browse = false;
    }
    Ok(path)
}

/// On quitting: the session created in this run, when nothing was entered in it (still
/// the generation it was created with, everything saved, under its first name), is
/// removed with its backup while its lock is held (released when the runtime goes), so no empty `sessie-ronde1-…` is
/// left behind. Returns the removed file.
pub fn discard_untouched(app: &App, rt: &Runtime) -> Option<PathBuf> {
    let fresh = rt.fresh.as_ref()?;
    let s = app.session()?;
    if s.path != *fresh || s.generation > 0 || s.unsaved() || rt.lock.is_none() {
        return None;
    }
    std::fs::remove_file(fresh).ok()?;
    let _ = std::fs::remove_file(paths::backup_path(fresh));
    let _ = atomic::sync_dir(fresh);
    Some(fresh.clone())
}

/// Creates the next round of the pact of session file `from` in the session folder
/// (carrying intake, triangle, wheel and intentions) and opens it.
pub fn create_next_round(
    app: &mut App,
    rt: &mut Runtime,
    from: &Path,
) -> Result<PathBuf, OpenError> {
    let method = &app.method;
    let path = store::next_round::create(&rt.dir, from, clock::now(), |doc| {
        crate::app::intake::ensure_agenda(doc, method);
    })
    .map_err(OpenError::NextRound)?;
    open_session(app, rt, &path)?;
    Ok(path)
}

/// Opens a fresh scratch copy of the example (never the file in `sessions/`).
pub fn open_demo(app: &mut App, rt: &mut Runtime) -> Result<PathBuf, OpenError> {
    let dir = rt.dir.join("demo");
    paths::ensure_dir(&dir).map_err(|e| OpenError::Folder {
        dir: dir.clone(),
        why: e.to_string(),
    })?;
    let path = dir.join("voorbeeld.volgspot.json");
    // Lock first, so a demo open elsewhere is not overwritten under its feet.
    let held = lock::acquire(&path).map_err(OpenError::Lock)?;
    let (doc, _) = store::parse_session(EXAMPLE).map_err(|_| OpenError::Example)?;
    store::write_new(&path, &doc).map_err(OpenError::Save)?;
    drop(held);
    open_session(app, rt, &path)?;
    // A new session: the facilitator starts typing the pact's name at once.
    if let Some(s) = app.session_mut() {
        s.browse = false;
    }
    Ok(path)
}

/// The sessions in the folder, grouped by pact (see `app::start::order`). Each is loaded
/// whole only when it changed since the last listing (the folder's index remembers the
/// rest, see `store::folder`), and so are its backup and emergency copy.
pub fn scan_sessions(dir: &Path) -> Vec<StartEntry> {
    let mut folder = store::folder::Folder::open(dir);
    let mut entries: Vec<StartEntry> = folder
        .sessions()
        .into_iter()
        .map(|listed| {
            let path = listed.path;
            let summary = folder.checked(&path, listed.meta.as_ref());
            let updated = summary.as_ref().ok().map(|h| h.updated);
            let recovery = store::recovery::find_with(&path, updated, |copy| {
                folder.copy_updated(copy, updated)
            });
            StartEntry {
                path,
                summary,
                recovery,
            }
        })
        .collect();
    folder.finish();
    crate::app::start::order(&mut entries);
    entries
}

pub fn start_view(dir: &Path) -> View {
    View::Start(StartState::new(dir.to_path_buf(), scan_sessions(dir)))
}

/// Start screen: reads every session of the folder whole and shows the portfolio.
fn open_portfolio(app: &mut App) -> Result<(), OpenError> {
    let (method, lang) = (&app.method, app.lang);
    let View::Start(st) = &mut app.view else {
        return Ok(());
    };
    let (sessions, unreadable) = crate::export::portfolio::read_folder(&st.dir);
    if sessions.is_empty() {
        return Err(OpenError::NoSessions(st.dir.clone()));
    }
    let data = crate::export::portfolio::build(&sessions, unreadable, method, lang);
    st.portfolio = Some(Box::new(crate::app::start::PortfolioView::new(data)));
    Ok(())
}

/// Writes the portfolio shown as `overzicht.md`, `.html` and `.csv` in the session
/// folder (as `volgspot overzicht` does); the view says where, or why not.
fn export_portfolio(app: &mut App) {
    let lang = app.lang;
    let View::Start(st) = &mut app.view else {
        return;
    };
    let Some(p) = &mut st.portfolio else {
        return;
    };
    use crate::export::Format;
    let (mut written, mut failed) = (Vec::new(), Vec::new());
    for format in [Format::Markdown, Format::Html, Format::Csv] {
        let path = st.dir.join(format!("overzicht.{}", format.extension()));
        let text = crate::export::portfolio::render(&p.data, lang, format);
        match crate::export::write_file(&path, &text) {
            Ok(()) => written.push(path),
            Err(e) => failed.push(e.to_string()),
        }
    }
    p.written = Some((written, failed));
}

/// Carries out an effect `update` asked for (public for tests that drive the runtime).
pub fn apply(app: &mut App, rt: &mut Runtime, effect: Effect) {
    let result = match effect {
        Effect::Open(path) => open_session(app, rt, &path),
        // A search that found nothing: what was typed is offered as the pact's name.
        Effect::Create => {
            let name = match &app.view {
                View::Start(st) if st.visible().is_empty() => st.query.trim().to_string(),
                _ => String::new(),
            };
            let made = create_session(app, rt, &name, 1);
            // From the start screen, named by the search or not: kept only when used.
            rt.fresh = made.as_ref().ok().cloned();
            made.map(|_| ())
        }
        Effect::OpenDemo => open_demo(app, rt).map(|_| ()),
        Effect::NextRound(from) => create_next_round(app, rt, &from).map(|_| ()),
        Effect::OpenPortfolio => open_portfolio(app),
        Effect::ExportPortfolio => {
            export_portfolio(app);
            Ok(())
        }
        Effect::ForceQuit => {
            app.should_quit = true;
            Ok(())
        }
        Effect::Recover(r) => recover_session(app, rt, &r),
        Effect::SaveAndQuit => {
            save_before_quit(app, rt);
            Ok(())
        }
        // Moving between screens needs no I/O: `App::handle_key` does it.
        Effect::GoTo(_) | Effect::GoToIntentions | Effect::GoToReportSection(_) => Ok(()),
        Effect::Export => {
            export_reports(app);
            Ok(())
        }
        Effect::ListInterviewFiles => {
            if let Some(s) = app.session_mut() {
                let dir = session_folder(&s.path);
                let files = store::interview_files(&dir);
                // Read once here, so drawing never touches the disk.
                let info = files
                    .iter()
                    .map(|p| {
                        use crate::app::interviews::FileInfo;
                        match store::load_interview_file(p) {
                            Ok((f, _)) => Some(FileInfo::of(&f)),
                            Err(e) => FileInfo::unreadable(&e.problem),
                        }
                    })
                    .collect();
                s.interviews.open_picker_with(&s.doc, dir, files, info);
            }
            Ok(())
        }
        Effect::ImportInterviews(files) => {
            let t = app.t;
            let now = app.now;
            let show_names = app.show_names;
            let loaded = files
                .into_iter()
                .map(|p| {
                    let f = crate::store::load_for_import(&p);
                    (p, f)
                })
                .collect();
            if let Some(s) = app.session_mut() {
                let lines = s.import_interviews(loaded, t, now, show_names);
                app.overlay = Some(Overlay::Message(lines.join(" · ")));
            }
            Ok(())
        }
    };
    if let Err(e) = result {
        app.overlay = Some(Overlay::Message(e.message(app.t)));
    }
}

/// Writes md + html of both versions next to the session; the Samenvatting screen
/// shows the paths (or why it failed).
pub fn export_reports(app: &mut App) {
    let (method, lang) = (&app.method, app.lang);
    if let View::Session(s) = &mut app.view {
        let earlier = s.wheel.earlier.as_ref().map(|e| (e.round, &e.wheel));
        let result = crate::export::write_all(&s.doc, method, lang, &s.path, earlier);
        s.summary.exported = Some(result.map_err(|e| e.to_string()));
    }
}

/// The folder a session file lives in (interview files are looked for there).
pub fn session_folder(path: &Path) -> PathBuf {
    match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Ctrl-Q: save first; if that fails, say why and ask.
fn save_before_quit(app: &mut App, rt: &mut Runtime) {
    let t = app.t;
    let Some(s) = app.session_mut() else {
        app.should_quit = true;
        return;
    };
    if !s.unsaved() {
        app.should_quit = true;
        return;
    }
    // A generation already handed to the saver is not handed over again: a second job
    // for the old name, still queued after `follow_pact_name` renamed the file, would
    // write the placeholder `sessie-ronde1-…` back beside the renamed file.
    if s.generation > s.requested_generation || matches!(s.save, crate::app::SaveState::Failed(_)) {
        rt.saver
            .request(s.generation, s.path.clone(), s.doc.clone());
        s.save_started(Instant::now());
    }
    match rt.saver.wait_for(s.generation, Duration::from_secs(10)) {
        Some(o) => s.on_saved(o.generation, o.result),
        None => {
            let g = s.generation;
            s.on_saved(g, Err(store::SaveError::Other("timeout".into())))
        }
    }
    if !s.unsaved() {
        app.should_quit = true;
        return;
    }
    let reason = match &s.save {
        crate::app::SaveState::Failed(e) => t.save_error(e),
        _ => String::new(),
    };
    // Changes since the last save that reached the file: its modification time (the
    // state says only that this save failed; the session's creation is not it).
    let on_disk = std::fs::metadata(&s.path)
        .and_then(|m| m.modified())
        .ok()
        .map(|t| OffsetDateTime::from(t).to_offset(clock::now().offset()));
    let since = match (&s.save, on_disk) {
        (crate::app::SaveState::Saved(at), _) => clock::hms(*at),
        (_, Some(at)) => clock::hms(at),
        _ => clock::hms(s.doc.created),
    };
    app.overlay = Some(Overlay::ConfirmQuit(fill(
        t.quit_unsaved,
        &[&reason, &since],
    )));
}

/// A hidden test hook: typing this character makes the app panic, so tests can prove
/// the terminal is restored and the emergency copy written. Only in debug builds (the
/// ones `cargo test` runs): a release binary has no way to be told to panic.
#[cfg(debug_assertions)]
fn test_panic_char() -> Option<char> {
    std::env::var("VOLGSPOT_TEST_PANIC_ON")
        .ok()
        .and_then(|s| s.chars().next())
}

#[cfg(not(debug_assertions))]
fn test_panic_char() -> Option<char> {
    None
}

/// How long the event loop waits for a key when nothing else is due.
const IDLE_POLL: Duration = Duration::from_millis(100);
/// At most this many waiting events are handled before the next frame.
const MAX_BATCH: usize = 256;

/// What the one runtime drives: the facilitator's app (a session) or the interviewer
/// mode (one interview file). The event loop, the autosave schedule, panic safety and
/// the emergency copy are the runtime's; the host says what to draw, what an event does
/// and what a save writes.
pub trait Host {
    /// What is saved: a session, an interview file.
    type Doc: serde::Serialize + Send + 'static;
    /// Whether the mouse is captured (clicks select rows); the interviewer's terminal
    /// keeps its own text selection.
    const MOUSE: bool;
    fn strings(&self) -> &'static crate::i18n::Strings;
    fn set_now(&mut self, now: OffsetDateTime);
    fn draw(&self, frame: &mut ratatui::Frame);
    /// One terminal event, with whatever it asks for (a save before quitting, ...).
    fn handle(&mut self, event: event::Event);
    fn saver(&self) -> &Saver<Self::Doc>;
    /// The save schedule of what is open (None: nothing to save to yet).
    fn schedule(&mut self) -> Option<&mut crate::app::SaveSchedule>;
    /// Where a save writes now, and what.
    fn snapshot(&self) -> Option<(PathBuf, Self::Doc)>;
    /// Housekeeping once events and finished saves are in (a file following a name,
    /// the room's window); whether the screen changed.
    fn after(&mut self) -> bool;
    fn should_quit(&self) -> bool;
    /// At exit (`ok`: the loop ended normally): the copy to write beside a file so
    /// nothing is lost, as (the file it belongs to, the document).
    fn emergency(&self, ok: bool) -> Option<(PathBuf, Self::Doc)>;
    /// After the terminal is back: what to say or withdraw.
    fn exit(&self, ok: bool);
}

/// The facilitator's app with its runtime: the host of `volgspot`, `open`, `demo`.
pub struct Tui {
    pub app: App,
    pub rt: Runtime,
}

impl Host for Tui {
    type Doc = Session;
    const MOUSE: bool = true;
    fn strings(&self) -> &'static crate::i18n::Strings {
        self.app.t
    }
    fn set_now(&mut self, now: OffsetDateTime) {
        self.app.now = now;
    }
    fn draw(&self, frame: &mut ratatui::Frame) {
        ui::draw(frame, &self.app)
    }
    fn handle(&mut self, ev: event::Event) {
        for effect in self.app.handle_event(ev) {
            apply(&mut self.app, &mut self.rt, effect);
        }
    }
    fn saver(&self) -> &Saver<Session> {
        &self.rt.saver
    }
    fn schedule(&mut self) -> Option<&mut crate::app::SaveSchedule> {
        self.app.session_mut().map(|s| &mut s.saving)
    }
    fn snapshot(&self) -> Option<(PathBuf, Session)> {
        self.app.session().map(|s| (s.path.clone(), s.doc.clone()))
    }
    fn after(&mut self) -> bool {
        let mut changed = false;
        if let Some(s) = self.app.session_mut() {
            let before = s.path.clone();
            follow_pact_name(s, &mut self.rt);
            changed = s.path != before;
        }
        // The room's window (`volgspot zaal`) follows through a small state file.
        crate::room::publish(&self.app);
        changed
    }
    fn should_quit(&self) -> bool {
        self.app.should_quit
    }
    fn emergency(&self, ok: bool) -> Option<(PathBuf, Session)> {
        // A normal quit saved first or was confirmed after a failed save.
        (!ok).then(|| self.snapshot()).flatten()
    }
    fn exit(&self, ok: bool) {
        // The room's window then says plainly that it lost contact.
        if let Some(s) = self.app.session() {
            crate::room::withdraw(&s.path);
        }
        // A new session in which nothing was entered is not left behind (said so).
        if ok && let Some(gone) = discard_untouched(&self.app, &self.rt) {
            let name = gone.file_name().unwrap_or_default().to_string_lossy();
            eprintln!(
                "{}",
                crate::sanitize::visible(&fill(self.app.t.start.untouched_removed, &[&name]))
            );
        }
    }
}

/// The one event loop: draw, hand a due save to the saver, wait for events (no longer
/// than until the next save is due), take in finished saves, housekeeping.
fn event_loop<H: Host>(terminal: &mut DefaultTerminal, host: &RefCell<H>) -> std::io::Result<()> {
    let panic_char = test_panic_char();
    // A frame is drawn after anything happened (a key, a save started or finished) and
    // otherwise once a second, for what shows the time: not every 100 ms for nothing
    // (a frame is a few tenths of a millisecond, and ratatui writes a few bytes even
    // when nothing changed).
    let mut changed = true;
    let mut drawn_second = i64::MIN;
    let mut frames = crate::frames::FrameWriter::new();
    loop {
        {
            let mut h = host.borrow_mut();
            let wall = clock::now();
            h.set_now(wall);
            let second = wall.unix_timestamp();
            if changed || second != drawn_second {
                frames.draw(terminal, |f| h.draw(f))?;
                changed = false;
                drawn_second = second;
            }
            // The snapshot for the saver is taken after the frame is out, so the key
            // that made a save due is on screen first.
            let now = Instant::now();
            if h.schedule().is_some_and(|s| s.wants_save(now))
                && let Some((path, doc)) = h.snapshot()
                && let Some(s) = h.schedule()
            {
                s.save_started(now);
                let generation = s.generation;
                h.saver().request(generation, path, doc);
                changed = true;
            }
        }
        // Wake up for a save that falls due before the next key (at the latest in 100 ms).
        let now = Instant::now();
        let wait = host
            .borrow_mut()
            .schedule()
            .and_then(|s| s.save_due())
            .map_or(IDLE_POLL, |due| {
                due.saturating_duration_since(now).min(IDLE_POLL)
            });
        if event::poll(wait)? {
            changed = true;
            // Drain everything typed before drawing again, so fast typing stays fast.
            // Read the whole batch first: a key sequence crossterm split wrongly can only
            // be seen whole (see `esc_repair`).
            let mut batch = vec![event::read()?];
            while batch.len() < MAX_BATCH && event::poll(Duration::ZERO)? {
                batch.push(event::read()?);
            }
            for ev in crate::esc_repair::repair(batch) {
                if let (Some(c), event::Event::Key(k)) = (panic_char, &ev)
                    && k.code == event::KeyCode::Char(c)
                {
                    panic!("test hook: forced panic");
                }
                let mut h = host.borrow_mut();
                h.set_now(clock::now());
                h.handle(ev);
                if h.should_quit() {
                    break;
                }
            }
        }
        let mut h = host.borrow_mut();
        for o in h.saver().poll() {
            changed = true;
            if let Some(s) = h.schedule() {
                s.on_saved(o.generation, o.result);
            }
        }
        changed |= h.after();
        if h.should_quit() {
            return Ok(());
        }
    }
}

/// A session created without a pact name is named `sessie-ronde<N>-<date>…`; once the
/// name is typed (and its field left) and everything is saved, the file takes the pact's
/// name. The new name is locked before the file moves, so it is never unlocked; if any
/// step fails, the file simply keeps its old name.
fn follow_pact_name(s: &mut SessionView, rt: &mut Runtime) {
    let pact = s.doc.intake.pact_name.trim();
    let placeholder = format!("{}-ronde", paths::slug(""));
    let name = s
        .path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    // Also a name made for another round of this pact (the round was switched after the
    // file was named): "…-ronde1-…" for a round-2 session.
    let other_round = name
        .strip_prefix(&format!("{}-ronde", paths::slug(pact)))
        .and_then(|rest| rest.split('-').next())
        .is_some_and(|r| r != s.doc.intake.round.to_string());
    let named_placeholder = name.starts_with(&placeholder) || other_round;
    let typing_the_name = s.screen == crate::app::Screen::Intake
        && s.intake.section == crate::app::intake::Section::Details
        && s.intake.details.focus == 0;
    let in_flight = s.requested_generation > s.saved_generation;
    // After a conflict the file on disk is another program's version: never rename it.
    let conflict = matches!(
        s.save,
        crate::app::SaveState::Failed(store::SaveError::Conflict { .. })
    );
    if pact.is_empty()
        || !named_placeholder
        || typing_the_name
        || s.unsaved()
        || in_flight
        || conflict
    {
        return;
    }
    let Some(dir) = s.path.parent().map(Path::to_path_buf) else {
        return;
    };
    let date = s.doc.created.date().to_string();
    let new = paths::new_session_path(&dir, pact, s.doc.intake.round, &date);
    let Ok(held) = lock::acquire(&new) else {
        return;
    };
    if std::fs::rename(&s.path, &new).is_err() {
        drop(held);
        let _ = std::fs::remove_file(paths::lock_path(&new));
        return;
    }
    let old = std::mem::replace(&mut s.path, new.clone());
    let _ = std::fs::rename(paths::backup_path(&old), paths::backup_path(&new));
    let _ = atomic::sync_dir(&new);
    rt.lock = Some(held);
    let _ = std::fs::remove_file(paths::lock_path(&old));
}

/// The terminal in raw mode on the alternate screen; without one (output redirected, no
/// tty) it says so on stderr and gives `None` instead of panicking.
pub fn start_terminal(t: &crate::i18n::Strings) -> Option<DefaultTerminal> {
    match ratatui::try_init() {
        Ok(terminal) => Some(terminal),
        Err(e) => {
            ratatui::restore();
            eprintln!(
                "{}",
                crate::sanitize::visible(&fill(t.e_no_terminal, &[&e.to_string()]))
            );
            None
        }
    }
}

/// Runs the TUI until the user quits.
pub fn run(app: App, rt: Runtime) -> ExitCode {
    run_host(Tui { app, rt })
}

/// Runs a host until it quits. On panic the terminal is restored (ratatui's hook), an
/// emergency copy of what was open is written beside it and its path printed.
pub fn run_host<H: Host>(host: H) -> ExitCode {
    let t = host.strings();
    let host = RefCell::new(host);
    // No terminal (output redirected, no tty): say so instead of panicking. The file
    // was only loaded, so nothing is lost.
    let Some(mut terminal) = start_terminal(t) else {
        return ExitCode::FAILURE;
    };
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    if H::MOUSE {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
    let outcome = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        event_loop(&mut terminal, &host)
    }));
    if H::MOUSE {
        let _ = execute!(std::io::stdout(), DisableMouseCapture);
    }
    let _ = execute!(std::io::stdout(), DisableBracketedPaste);
    ratatui::restore();
    if let Ok(Err(e)) = &outcome {
        eprintln!("volgspot: {}", crate::sanitize::visible(&e.to_string()));
    }
    let ok = matches!(outcome, Ok(Ok(())));
    // The RefMut held during a panic was released while unwinding.
    if let Ok(h) = host.try_borrow() {
        if let Some((file, doc)) = h.emergency(ok) {
            emergency_copy(t, &file, &doc);
        }
        h.exit(ok);
    }
    match outcome {
        Ok(Ok(())) => ExitCode::SUCCESS,
        Ok(Err(_)) => ExitCode::FAILURE,
        Err(_) => ExitCode::from(101),
    }
}

/// The last line of defence: the document beside its file, whatever happened.
fn emergency_copy(t: &crate::i18n::Strings, file: &Path, doc: &impl serde::Serialize) {
    let path = paths::emergency_path(file);
    match store::write_new(&path, doc) {
        Ok(()) => eprintln!(
            "{}",
            crate::sanitize::visible(&fill(t.e_emergency, &[&path.display().to_string()]))
        ),
        Err(e) => eprintln!(
            "{}",
            crate::sanitize::visible(&fill(t.e_emergency_failed, &[&t.save_error(&e)]))
        ),
    }
}
