//! Drives the real `volgspot` binary in a pseudo-terminal and reads its screen with a
//! terminal emulator (vt100), the way a person would see it; `ui` renders in-process.
#![allow(dead_code)]

pub mod ui;

use portable_pty::{Child, CommandBuilder, MasterPty, PtySize, native_pty_system};
use std::io::{Read, Write};
use std::path::Path;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

pub const BIN: &str = env!("CARGO_BIN_EXE_volgspot");

pub struct Term {
    parser: Arc<Mutex<vt100::Parser>>,
    writer: Box<dyn Write + Send>,
    child: Box<dyn Child + Send + Sync>,
    _master: Box<dyn MasterPty + Send>,
}

impl Term {
    pub fn spawn(dir: &Path, args: &[&str], cols: u16, rows: u16) -> Term {
        Self::spawn_env(dir, args, cols, rows, &[])
    }

    pub fn spawn_env(
        dir: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Term {
        Self::spawn_program(BIN, dir, args, cols, rows, env)
    }

    /// Any program (e.g. `sh -c` around volgspot, or `strace`) in the pseudo-terminal,
    /// with `VOLGSPOT_DIR` set to `dir`.
    pub fn spawn_program(
        program: &str,
        dir: &Path,
        args: &[&str],
        cols: u16,
        rows: u16,
        env: &[(&str, &str)],
    ) -> Term {
        let pty = native_pty_system();
        let pair = pty
            .openpty(PtySize {
                rows,
                cols,
                pixel_width: 0,
                pixel_height: 0,
            })
            .expect("open pty");
        let mut cmd = CommandBuilder::new(program);
        cmd.cwd(dir);
        cmd.args(args);
        cmd.env("VOLGSPOT_DIR", dir);
        cmd.env("TERM", "xterm-256color");
        cmd.env_remove("VOLGSPOT_LANG");
        for (k, v) in env {
            cmd.env(k, v);
        }
        let child = pair.slave.spawn_command(cmd).expect("spawn volgspot");
        drop(pair.slave);
        let parser = Arc::new(Mutex::new(vt100::Parser::new(
            rows.try_into().unwrap(),
            cols.try_into().unwrap(),
            0,
        )));
        let mut reader = pair.master.try_clone_reader().expect("reader");
        let p = parser.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 8192];
            while let Ok(n) = reader.read(&mut buf) {
                if n == 0 {
                    break;
                }
                p.lock().unwrap().process(&buf[..n]);
            }
        });
        let writer = pair.master.take_writer().expect("writer");
        Term {
            parser,
            writer,
            child,
            _master: pair.master,
        }
    }

    pub fn screen(&self) -> String {
        self.parser.lock().unwrap().screen().contents()
    }

    /// Whether the program is (still) on the alternate screen.
    pub fn alternate_screen(&self) -> bool {
        self.parser.lock().unwrap().screen().alternate_screen()
    }

    /// Waits until `text` is on screen; panics with the screen when it never comes.
    pub fn wait_for(&self, text: &str) {
        self.wait_for_within(text, Duration::from_secs(10));
    }

    pub fn wait_for_within(&self, text: &str, timeout: Duration) {
        self.wait_until(&format!("'{text}'"), Instant::now(), timeout, |s| {
            s.contains(text)
        });
    }

    /// Waits until `text` is gone from the screen.
    pub fn wait_gone(&self, text: &str) {
        self.wait_until(
            &format!("'{text}' gone"),
            Instant::now(),
            Duration::from_secs(10),
            |s| !s.contains(text),
        );
    }

    /// Waits until the screen satisfies `done`, at most `within` after `since`; returns how
    /// long it took since `since`. Panics with the screen, naming `what` it waited for.
    pub fn wait_until(
        &self,
        what: &str,
        since: Instant,
        within: Duration,
        done: impl Fn(&str) -> bool,
    ) -> Duration {
        loop {
            let screen = self.screen();
            if done(&screen) {
                return since.elapsed();
            }
            if since.elapsed() > within {
                panic!("waited {within:?} for {what}; the screen:\n{screen}");
            }
            std::thread::sleep(Duration::from_millis(5));
        }
    }

    pub fn send(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
        // Give the app a moment to take each burst of keys.
        std::thread::sleep(Duration::from_millis(60));
    }

    /// Like `send`, without the pause after it (for measuring).
    pub fn send_now(&mut self, bytes: &str) {
        self.writer.write_all(bytes.as_bytes()).unwrap();
        self.writer.flush().unwrap();
    }

    pub fn type_text(&mut self, text: &str) {
        self.send(text);
    }

    pub fn page_down(&mut self) {
        self.send("\x1b[6~");
    }

    pub fn page_up(&mut self) {
        self.send("\x1b[5~");
    }

    pub fn ctrl_q(&mut self) {
        self.send("\x11");
    }

    pub fn pid(&self) -> u32 {
        self.child.process_id().expect("pid")
    }

    /// SIGKILL: no chance to save anything on the way out.
    pub fn kill9(&mut self) {
        let pid = self.pid();
        let _ = std::process::Command::new("kill")
            .args(["-9", &pid.to_string()])
            .status();
        let _ = self.child.wait();
    }

    /// Waits for the process to end; returns whether it exited successfully.
    pub fn wait_exit(&mut self) -> bool {
        self.child.wait().map(|s| s.success()).unwrap_or(false)
    }
}

impl Drop for Term {
    fn drop(&mut self) {
        let _ = self.child.kill();
    }
}

/// The one session file in `dir` (not the temporary file of a save that a kill -9 cut
/// short: `.volgspot-tmp-…`, which the app never opens).
pub fn session_file(dir: &Path) -> std::path::PathBuf {
    let files: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.to_string_lossy().ends_with(".volgspot.json"))
        .filter(|p| {
            !p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with('.'))
        })
        .collect();
    assert_eq!(files.len(), 1, "expected one session in {dir:?}: {files:?}");
    files[0].clone()
}

/// Asserts that a run of the binary succeeded, showing what it said on stderr if not.
pub fn assert_success(out: &std::process::Output) {
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The binary run to its end with `args`, outside a terminal, in its default language.
pub fn run<I, S>(args: I) -> std::process::Output
where
    I: IntoIterator<Item = S>,
    S: AsRef<std::ffi::OsStr>,
{
    std::process::Command::new(BIN)
        .args(args)
        .env_remove("VOLGSPOT_LANG")
        .output()
        .unwrap()
}

/// The example session (`volgspot::tui::EXAMPLE`) written into `dir` as `name`.
pub fn example_session(dir: &Path, name: &str) -> std::path::PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, volgspot::tui::EXAMPLE).unwrap();
    path
}
