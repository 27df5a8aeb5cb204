//! Offline interviewer mode (`volgspot interview`): a lean TUI around the same interview
//! editor as the Interviews screen, writing one self-contained interview file in the
//! session folder. No session is needed; `volgspot import` merges the file later.
//!
//! The file is created as soon as the interviewee's name is known (it is in the file
//! name); then it is saved by the same runtime and schedule as a session (one save per
//! burst of typing, every change on disk within about a second): atomic replace with a
//! backup, exactly like sessions.

use crate::app::interview_edit::{Editor, Focus};
use crate::app::keys::{self, KeyHelp};
use crate::app::{Ctx, Outcome, SaveSchedule, SaveState};
use crate::clock;
use crate::i18n::{Strings, fill};
use crate::method::Method;
use crate::model::Interview;
use crate::model::interview_file::InterviewFile;
use crate::store::{self, autosave::Saver, lock, paths};
use crate::tui::OpenError;
use crate::ui::{self, theme::Theme};
use ratatui::crossterm::event::{self, Event, KeyCode, KeyEventKind, KeyModifiers};
use ratatui::prelude::*;
use ratatui::widgets::Paragraph;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

pub struct Interviewer {
    pub t: &'static Strings,
    pub method: Method,
    pub doc: InterviewFile,
    pub dir: PathBuf,
    /// None until the interviewee's name is known.
    pub path: Option<PathBuf>,
    pub editor: Editor,
    /// When to save and what reached the disk (`iv.save`, `iv.generation`, … through
    /// `Deref`): the session's schedule.
    pub saving: SaveSchedule,
    pub help: bool,
    pub should_quit: bool,
    lock: Option<lock::SessionLock>,
    /// A rename to this path failed once: not tried again for the same name.
    rename_refused: Option<PathBuf>,
    /// The interviewee's name the file was named by (or found with when reopened): the
    /// file follows a name set or changed here, but a reopened file is not renamed
    /// just for being called otherwise.
    named_as: String,
    /// An interview with the same interviewee's name is already in the folder (its
    /// file): asked before a second one is started.
    pub same_name: Option<PathBuf>,
    /// The name the interviewer confirmed a second interview for.
    twin_ok: String,
}

fn norm(s: &str) -> String {
    s.chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect()
}

/// The interviews on this laptop: (file, what it holds), sorted by file name (date first).
pub fn interviews_in(dir: &Path) -> Vec<(PathBuf, InterviewFile)> {
    store::interview_files(dir)
        .into_iter()
        .filter_map(|p| store::load_interview_file(&p).ok().map(|(f, _)| (p, f)))
        .collect()
}

/// One line per interview for `volgspot interview --list`: date, name, notes, pact,
/// round and file.
pub fn list_lines(t: &'static Strings, dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut damaged = Vec::new();
    for p in store::interview_files(dir) {
        match store::load_interview_file(&p) {
            Ok((f, _)) => out.push(row(t, &p, &f)),
            Err(e) => damaged.push(fill(t.interviews.iv_list_damaged, &[&t.load_error(&e)])),
        }
    }
    if out.is_empty() {
        out.push(fill(
            t.interviews.iv_none_here,
            &[&dir.display().to_string()],
        ));
    }
    // Said, not silently left out: a damaged file is somebody's interview.
    out.extend(damaged);
    out
}

fn row(t: &'static Strings, p: &Path, f: &InterviewFile) -> String {
    let iv = &f.interview;
    let round = f.round.map(|r| format!("{} {r}", t.round));
    [
        Some(iv.date.clone()),
        Some(iv.interviewee.clone()),
        Some(t.interviews.count_notes(iv.notes.len())),
        Some(f.pact.clone()),
        round,
        Some(
            p.file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned(),
        ),
    ]
    .into_iter()
    .flatten()
    .filter(|x| !x.trim().is_empty())
    .collect::<Vec<_>>()
    .join(" · ")
}

/// Why no single interview in the folder has the name asked for; [`FindError::message`]
/// words it, listing the interviews there are (or the ones that match).
#[derive(Debug)]
pub enum FindError {
    NotFound {
        name: String,
        dir: PathBuf,
        all: Vec<(PathBuf, InterviewFile)>,
    },
    Ambiguous {
        name: String,
        matches: Vec<(PathBuf, InterviewFile)>,
    },
}

impl FindError {
    /// The error in the UI language, one interview a line below it.
    pub fn message(&self, t: &'static Strings) -> String {
        let (first, files) = match self {
            FindError::NotFound { name, dir, all } => (
                fill(
                    t.interviews.iv_not_found,
                    &[name, &dir.display().to_string()],
                ),
                all,
            ),
            FindError::Ambiguous { name, matches } => {
                (fill(t.interviews.iv_ambiguous, &[name]), matches)
            }
        };
        let mut lines = vec![first];
        lines.extend(files.iter().map(|(p, f)| format!("  {}", row(t, p, f))));
        lines.join("\n")
    }
}

/// Finds the interview to reopen by the interviewee's name (letters only, any case);
/// says which there are when none or several match.
pub fn find_by_name(dir: &Path, name: &str) -> Result<PathBuf, FindError> {
    let norm = |s: &str| -> String {
        s.chars()
            .filter(|c| c.is_alphanumeric())
            .flat_map(char::to_lowercase)
            .collect()
    };
    let want = norm(name);
    let all = interviews_in(dir);
    let mut hits: Vec<(PathBuf, InterviewFile)> = all
        .iter()
        .filter(|(_, f)| norm(&f.interview.interviewee) == want)
        .cloned()
        .collect();
    match hits.len() {
        1 => Ok(hits.remove(0).0),
        0 => Err(FindError::NotFound {
            name: name.to_string(),
            dir: dir.to_path_buf(),
            all,
        }),
        _ => Err(FindError::Ambiguous {
            name: name.to_string(),
            matches: hits,
        }),
    }
}

impl Interviewer {
    /// A new interview: the editor asks for the interviewee's name first.
    pub fn new(
        t: &'static Strings,
        method: Method,
        dir: PathBuf,
        pact: &str,
        interviewer: &str,
    ) -> Self {
        let now = clock::now();
        let iv = Interview {
            date: now.date().to_string(),
            interviewer: interviewer.to_string(),
            ..Interview::default()
        };
        let mut editor = Editor::for_new(&iv, &method);
        editor.name_required = true;
        editor.deleted_by = crate::model::DeletedBy::Interviewer;
        editor.own_undo = true;
        Interviewer {
            t,
            method,
            doc: InterviewFile::new(pact, iv, now),
            dir,
            path: None,
            editor,
            saving: SaveSchedule::default(),
            help: false,
            should_quit: false,
            lock: None,
            rename_refused: None,
            same_name: None,
            twin_ok: String::new(),
            named_as: String::new(),
        }
    }

    /// Reopens an interview file (after a crash, or to add notes).
    pub fn open(t: &'static Strings, method: Method, path: &Path) -> Result<Self, OpenError> {
        // A session given by mistake: say so, and do not take the session's lock.
        if store::is_session_file(path) {
            return Err(OpenError::NotAnInterview(path.to_path_buf()));
        }
        let held = lock::acquire(path).map_err(OpenError::Lock)?;
        let (doc, _) = store::load_interview_file(path).map_err(|e| OpenError::Load {
            error: Box::new(e),
            backup: None,
            emergency: None,
        })?;
        store::atomic::clean_stale_temps(path);
        let mut editor = Editor::new(&doc.interview, &method);
        editor.name_required = true;
        editor.deleted_by = crate::model::DeletedBy::Interviewer;
        editor.own_undo = true;
        let doc_name = doc.interview.interviewee.trim().to_string();
        Ok(Interviewer {
            t,
            method,
            dir: crate::tui::session_folder(path),
            path: Some(path.to_path_buf()),
            doc,
            editor,
            saving: SaveSchedule::default(),
            help: false,
            should_quit: false,
            lock: Some(held),
            rename_refused: None,
            same_name: None,
            twin_ok: String::new(),
            named_as: doc_name,
        })
    }

    pub fn help_keys(&self) -> Vec<KeyHelp> {
        let mut h = self.editor.help(Some(&self.doc.interview));
        let help = if self.editor.typing() {
            keys::HELP_TYPING
        } else {
            keys::HELP_NOT_TYPING
        };
        h.extend(help.iter().map(|b| KeyHelp {
            essential: true,
            ..b.help()
        }));
        h.extend(
            keys::GLOBAL
                .iter()
                .filter(|b| b.action == crate::app::Action::Quit)
                .map(|b| KeyHelp {
                    essential: true,
                    ..b.help()
                }),
        );
        h
    }

    /// Creates the file once there is something to name it by: the interviewee's name
    /// (after leaving the name field) or a first note.
    /// With `force` (quitting), any typed detail or note is reason enough.
    fn ensure_file(&mut self, force: bool) -> Result<(), OpenError> {
        if self.path.is_some() {
            return Ok(());
        }
        let iv = &self.doc.interview;
        let on_name = self.editor.focus == Focus::Fields && self.editor.field == 0;
        let named = !iv.interviewee.trim().is_empty() && (force || !on_name);
        let typed = [&iv.organisation, &iv.role, &iv.draft];
        let anything = force && typed.iter().any(|t| !t.trim().is_empty());
        if !named && iv.notes.is_empty() && !anything {
            return Ok(());
        }
        // Typing an existing name again asks first (not on the way out: nothing typed
        // may be lost, so then it gets a file of its own).
        let name = norm(&iv.interviewee);
        if !force && !name.is_empty() && name != self.twin_ok {
            let existing = interviews_in(&self.dir)
                .into_iter()
                .find(|(_, f)| norm(&f.interview.interviewee) == name);
            if let Some((p, _)) = existing {
                self.same_name = Some(p);
                return Ok(());
            }
        }
        paths::ensure_dir(&self.dir).map_err(|e| OpenError::Folder {
            dir: self.dir.clone(),
            why: e.to_string(),
        })?;
        let path = paths::unique(&self.dir, &self.base_name(), paths::INTERVIEW_SUFFIX);
        let held = lock::acquire(&path).map_err(OpenError::Lock)?;
        store::write_new(&path, &self.doc).map_err(OpenError::Save)?;
        self.lock = Some(held);
        self.named_as = iv.interviewee.trim().to_string();
        self.path = Some(path);
        // Written as it was a moment ago: the schedule saves it again at once.
        self.saving.generation += 1;
        Ok(())
    }

    /// The file name without suffix the interview should have: `<date>-<name>`.
    fn base_name(&self) -> String {
        let iv = &self.doc.interview;
        let who = if iv.interviewee.trim().is_empty() {
            "interview".to_string()
        } else {
            paths::slug(&iv.interviewee)
        };
        // Slugged: a typed date must not put a "/" in the file name.
        format!("{}-{who}", paths::slug(&iv.date))
    }

    /// Whether the file's name no longer follows the interviewee's name (or date), and
    /// the name is not being typed right now (no rename per keystroke).
    pub fn needs_rename(&self) -> bool {
        let Some(path) = &self.path else {
            return false;
        };
        let name = self.doc.interview.interviewee.trim();
        if name.is_empty()
            || name == self.named_as
            || (self.editor.focus == Focus::Fields && matches!(self.editor.field, 0 | 4))
        {
            return false;
        }
        let name = path.file_name().unwrap_or_default().to_string_lossy();
        let Some(stem) = name.strip_suffix(paths::INTERVIEW_SUFFIX) else {
            return false;
        };
        let base = self.base_name();
        // `unique` may have added "-2", "-3": that still follows the name.
        let follows = stem == base
            || stem
                .strip_prefix(&base)
                .and_then(|r| r.strip_prefix('-'))
                .is_some_and(|n| n.parse::<u32>().is_ok());
        !follows
    }

    /// Gives the file the interviewee's current name. Call only with nothing being saved
    /// (the saver idle, everything written): the new name is locked first, then the file
    /// (and its backup) renamed in one step each, then the old lock let go. On any
    /// failure the file keeps its old name, whole; no retry until the name changes again.
    pub fn follow_name(&mut self) -> Result<(), OpenError> {
        if !self.needs_rename() || self.unsaved() {
            return Ok(());
        }
        let Some(old) = self.path.clone() else {
            return Ok(());
        };
        let new = paths::unique(&self.dir, &self.base_name(), paths::INTERVIEW_SUFFIX);
        if self.rename_refused.as_deref() == Some(new.as_path()) {
            return Ok(());
        }
        let held = match lock::acquire(&new) {
            Ok(h) => h,
            Err(e) => {
                self.rename_refused = Some(new);
                return Err(OpenError::Lock(e));
            }
        };
        if let Err(e) = std::fs::rename(&old, &new) {
            drop(held);
            let _ = std::fs::remove_file(paths::lock_path(&new));
            self.rename_refused = Some(new);
            return Err(OpenError::Io(e.to_string()));
        }
        let bak = paths::backup_path(&old);
        if bak.exists() {
            let _ = std::fs::rename(&bak, paths::backup_path(&new));
        }
        // The new lock is held before the old one goes: never a moment unlocked.
        self.lock = Some(held);
        let _ = std::fs::remove_file(paths::lock_path(&old));
        self.path = Some(new);
        self.rename_refused = None;
        self.named_as = self.doc.interview.interviewee.trim().to_string();
        Ok(())
    }

    /// One key; returns whether the document changed.
    pub fn handle_key(&mut self, key: event::KeyEvent) -> bool {
        self.handle_key_at(key, Instant::now())
    }

    /// One key pressed at `at` (tests pass their own moments).
    pub fn handle_key_at(&mut self, key: event::KeyEvent, at: Instant) -> bool {
        let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
        if self.help {
            if matches!(
                key.code,
                KeyCode::Esc | KeyCode::Enter | KeyCode::Char('?') | KeyCode::F(1)
            ) {
                self.help = false;
            }
            return false;
        }
        if key.code == KeyCode::Char('q') && ctrl {
            // Whatever was typed gets a file, even if the name field was never left.
            if let Err(e) = self.ensure_file(true) {
                self.save = SaveState::Failed(store::SaveError::Other(e.message(self.t)));
            }
            self.should_quit = true;
            return false;
        }
        if key.code == KeyCode::F(1) || (key.code == KeyCode::Char('?') && !self.editor.typing()) {
            self.help = true;
            return false;
        }
        if self.same_name.is_some() {
            match key.code {
                KeyCode::Enter => {
                    self.same_name = None;
                    self.twin_ok = norm(&self.doc.interview.interviewee);
                    self.after(Outcome::Handled, at);
                }
                KeyCode::Esc => {
                    self.same_name = None;
                    self.editor.edit_name(&self.doc.interview);
                }
                _ => {}
            }
            return false;
        }
        let ctx = Ctx {
            method: &self.method,
            t: self.t,
            now: clock::now(),
            show_names: false,
        };
        let out = self.editor.handle_key(&mut self.doc.interview, key, &ctx);
        self.after(out, at)
    }

    pub fn paste(&mut self, text: &str) -> bool {
        let out = self.editor.paste(&mut self.doc.interview, text);
        self.after(out, Instant::now())
    }

    fn after(&mut self, out: Outcome, at: Instant) -> bool {
        let changed = out == Outcome::Changed;
        if changed {
            self.saving.changed_at(at);
            self.doc.updated = clock::now();
        }
        if let Err(e) = self.ensure_file(false) {
            self.save = SaveState::Failed(store::SaveError::Other(e.message(self.t)));
        }
        changed
    }

    /// Ctrl-Q: what is unsaved is saved first (waiting up to 10 s); then the file
    /// takes the interviewee's name if it has not yet.
    fn save_before_quit(&mut self, saver: &Saver<InterviewFile>) {
        if self.unsaved()
            && let Some(p) = self.path.clone()
        {
            saver.request(self.generation, p, self.doc.clone());
            self.saving.save_started(Instant::now());
            if let Some(o) = saver.wait_for(self.generation, Duration::from_secs(10)) {
                self.saving.on_saved(o.generation, o.result);
            }
        }
        if !self.unsaved() {
            let _ = self.follow_name();
        }
    }
}

crate::app::save_schedule::deref_to_schedule!(Interviewer, saving);

pub fn draw(frame: &mut Frame, app: &Interviewer) {
    let theme = Theme::dark();
    let t = app.t;
    let area = frame.area();
    if area.width < ui::MIN_WIDTH || area.height < ui::MIN_HEIGHT {
        frame.render_widget(Paragraph::new(t.too_small).style(theme.label), area);
        return;
    }
    let [top, body, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let ti = t.interviews;
    let file = match &app.path {
        Some(p) => fill(
            ti.iv_file,
            &[&p.file_name().unwrap_or_default().to_string_lossy()],
        ),
        None => ti.iv_no_file.to_string(),
    };
    let saved = match &app.save {
        SaveState::Failed(e) => t.save_failed(e),
        _ if app.unsaved() && app.path.is_some() => t.saving.to_string(),
        SaveState::Saved(at) => fill(t.saved_at, &[&clock::hms(*at)]),
        SaveState::Clean => String::new(),
    };
    // Saving state first: it must stay visible however long the file name is.
    let round = app
        .doc
        .round
        .map(|r| format!("{} {r}", t.round))
        .unwrap_or_default();
    let parts = [
        ti.iv_title,
        saved.as_str(),
        app.doc.pact.trim(),
        round.as_str(),
        file.as_str(),
    ];
    let parts: Vec<&str> = parts.into_iter().filter(|p| !p.is_empty()).collect();
    let head = format!(" {}", parts.join(" · "));
    let style = if matches!(app.save, SaveState::Failed(_)) {
        theme.warn
    } else {
        theme.header
    };
    let head = ui::widgets::text::cut(&head, top.width as usize);
    frame.render_widget(Paragraph::new(head).style(style), top);
    let mut inner = body.inner(Margin::new(1, 1));
    if let Some(p) = &app.same_name {
        let name = app.doc.interview.interviewee.trim();
        let file = p.file_name().unwrap_or_default().to_string_lossy();
        let ask = fill(ti.iv_same_name, &[name, &file, name]);
        let lines = ui::widgets::text::wrap(&ask, inner.width as usize);
        let h = (lines.len() as u16).min(inner.height);
        frame.render_widget(
            Paragraph::new(lines.join("\n")).style(theme.warn),
            Rect::new(inner.x, inner.y, inner.width, h),
        );
        inner.y += h;
        inner.height = inner.height.saturating_sub(h);
    } else if app.path.is_none() {
        frame.render_widget(
            Paragraph::new(ti.iv_name_first).style(theme.ok),
            Rect::new(inner.x, body.y, inner.width, 1),
        );
    }
    inner.height = inner.height.max(1);
    ui::interviews::draw_editor(
        frame,
        inner,
        t,
        &app.method,
        &app.doc.interview,
        &app.editor,
        // The interviewer's own laptop, not projected: names are shown.
        true,
        theme,
    );
    let bindings = app.help_keys();
    ui::chrome::footer(frame, bottom, t, &bindings, theme);
    if app.help {
        ui::chrome::help(frame, body, t, ti.iv_title, &bindings, theme);
    }
}

/// The interviewer mode as the runtime's host, with its own saver (interview files).
struct Host {
    iv: Interviewer,
    saver: Saver<InterviewFile>,
    /// The terminal shows only ASCII (see `ui::ascii`).
    ascii: bool,
}

impl crate::tui::Host for Host {
    type Doc = InterviewFile;
    const MOUSE: bool = false;
    fn strings(&self) -> &'static Strings {
        self.iv.t
    }
    fn set_now(&mut self, _now: time::OffsetDateTime) {}
    fn draw(&self, frame: &mut Frame) {
        draw(frame, &self.iv);
        if self.ascii {
            crate::ui::ascii::fold(frame.buffer_mut());
        }
    }
    fn handle(&mut self, ev: Event) {
        match ev {
            Event::Key(k) if k.kind != KeyEventKind::Release => {
                self.iv.handle_key(k);
            }
            Event::Paste(text) => {
                self.iv.paste(&text);
            }
            _ => {}
        }
        if self.iv.should_quit {
            self.iv.save_before_quit(&self.saver);
        }
    }
    fn saver(&self) -> &Saver<InterviewFile> {
        &self.saver
    }
    fn schedule(&mut self) -> Option<&mut SaveSchedule> {
        // Nothing to save to before the file exists (it is named by the interviewee).
        self.iv.path.is_some().then_some(&mut self.iv.saving)
    }
    fn snapshot(&self) -> Option<(PathBuf, InterviewFile)> {
        self.iv.path.clone().map(|p| (p, self.iv.doc.clone()))
    }
    fn after(&mut self) -> bool {
        // Only while the saver is idle and all is on disk: it writes by path. A failed
        // rename leaves the file whole under its old name, which the header shows;
        // nothing is lost, so no alarm.
        if !self.iv.unsaved() && self.iv.in_flight.is_none() {
            let before = self.iv.path.clone();
            let _ = self.iv.follow_name();
            return self.iv.path != before;
        }
        false
    }
    fn should_quit(&self) -> bool {
        self.iv.should_quit
    }
    fn emergency(&self, ok: bool) -> Option<(PathBuf, InterviewFile)> {
        let a = &self.iv;
        (!ok || (a.unsaved() && a.path.is_some())).then(|| {
            let target = a
                .path
                .clone()
                .unwrap_or_else(|| a.dir.join(format!("interview{}", paths::INTERVIEW_SUFFIX)));
            (target, a.doc.clone())
        })
    }
    fn exit(&self, ok: bool) {
        let a = &self.iv;
        if !ok {
            return;
        }
        // The interviewer has to send the file on: say where it is (the default folder
        // is a hidden one in the home directory).
        if let Some(p) = a.path.as_ref().filter(|_| !a.unsaved()) {
            let shown = |p: &std::path::Path| {
                std::path::absolute(p)
                    .unwrap_or_else(|_| p.to_path_buf())
                    .display()
                    .to_string()
            };
            // After a conflict the notes went to a copy beside the file: name that one.
            let msg = match &a.save {
                SaveState::Failed(store::SaveError::Conflict { copy }) => {
                    fill(a.t.interview_saved_in_conflict, &[&shown(p), &shown(copy)])
                }
                _ => fill(a.t.interview_saved_in, &[&shown(p)]),
            };
            println!("{}", crate::sanitize::visible(&msg));
        }
    }
}

/// Runs the interviewer TUI until Ctrl-Q, on the one runtime (`tui::run_host`): saved
/// per burst of typing, like a session.
pub fn run(app: Interviewer) -> ExitCode {
    crate::tui::run_host(Host {
        iv: app,
        saver: Saver::new(),
        ascii: crate::ui::ascii::terminal(),
    })
}

#[cfg(test)]
mod list_tests {
    use super::*;

    #[test]
    fn the_list_says_it_skipped_a_damaged_file() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(
            dir.path().join("2026-11-28-kapot.interview.json"),
            "{ niet af",
        )
        .unwrap();
        let t = crate::i18n::Lang::Nl.strings();
        let lines = list_lines(t, dir.path());
        assert!(
            lines
                .iter()
                .any(|l| l.starts_with("Overgeslagen, beschadigd bestand:")
                    && l.contains("2026-11-28-kapot.interview.json")),
            "{lines:?}"
        );
    }
}
