//! The `volgspot` command line.

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use volgspot::app::{App, View};
use volgspot::i18n::Lang;
use volgspot::method::Method;
use volgspot::store::{lock, paths, save_loop};
use volgspot::{clock, tui};

#[derive(Parser)]
#[command(
    name = "volgspot",
    version,
    about = "Volgspot: een gestructureerde reflectie op een regionaal zorgpact / a structured reflection on a regional care pact",
    long_about = "Zonder opdracht: het startscherm met de sessies in de sessiemap.\n\
                  Sessiemap: $VOLGSPOT_DIR, anders de gegevensmap van het systeem."
)]
struct Cli {
    /// UI language: nl (default) or en.
    #[arg(long, global = true, env = "VOLGSPOT_LANG", default_value = "nl")]
    lang: String,
    /// A method definition file (JSON, same shape as assets/method.nl.json).
    #[arg(long, global = true, env = "VOLGSPOT_METHOD")]
    method: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Create a new session and open it.
    New {
        /// The pact's name.
        #[arg(long)]
        pact: Option<String>,
        /// Volgspot round: 1, 2 or 3.
        #[arg(long, default_value_t = 1, value_parser = clap::value_parser!(u8).range(1..=3))]
        round: u8,
    },
    /// Open a session file anywhere.
    Open {
        /// Path of a .volgspot.json file.
        path: PathBuf,
    },
    /// Open a scratch copy of the built-in example session.
    Demo,
    /// (testing) Hold the lock of a session until killed.
    #[command(hide = true)]
    HoldLock { path: PathBuf },
    /// (testing) Save generation after generation until killed; print each one saved.
    #[command(hide = true)]
    SaveLoop {
        path: PathBuf,
        /// session or interview
        #[arg(long, default_value = "session")]
        kind: String,
    },
}

fn main() -> ExitCode {
    clock::init_local_offset();
    let cli = Cli::parse();
    let Some(lang) = Lang::parse(&cli.lang) else {
        eprintln!("volgspot: --lang: use nl or en (got '{}')", cli.lang);
        return ExitCode::from(2);
    };
    let method = match &cli.method {
        Some(p) => match Method::from_file(p) {
            Ok(m) => m,
            Err(e) => {
                eprintln!("volgspot: {e}");
                return ExitCode::from(2);
            }
        },
        None => Method::builtin(lang),
    };
    let dir = paths::session_dir();
    let mut rt = tui::Runtime::new(dir.clone());
    let mut app = App::new(lang, method, tui::start_view(&dir), clock::now());
    let opened = match cli.command {
        None => Ok(()),
        Some(Command::New { pact, round }) => {
            tui::create_session(&mut app, &mut rt, pact.as_deref().unwrap_or(""), round).map(|_| ())
        }
        Some(Command::Open { path }) => {
            let opened = tui::open_session(&mut app, &mut rt, &path);
            // Say so when a newer backup or emergency copy exists, and offer it.
            if opened.is_ok()
                && let Some(r) = volgspot::store::recovery::find(&path)
            {
                app.overlay = Some(volgspot::app::Overlay::Recover(r));
            }
            opened
        }
        Some(Command::Demo) => tui::open_demo(&mut app, &mut rt).map(|_| ()),
        Some(Command::SaveLoop { path, kind }) => {
            let Some(kind) = save_loop::Kind::parse(&kind) else {
                eprintln!("volgspot: --kind: session or interview");
                return ExitCode::from(2);
            };
            return match save_loop::run(kind, &path) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("volgspot: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        Some(Command::HoldLock { path }) => {
            return match lock::acquire(&path) {
                Ok(_held) => {
                    println!("locked");
                    loop {
                        std::thread::sleep(std::time::Duration::from_secs(3600));
                    }
                }
                Err(e) => {
                    eprintln!("{e:?}");
                    ExitCode::FAILURE
                }
            };
        }
    };
    if let Err(msg) = opened {
        eprintln!("volgspot: {msg}");
        return ExitCode::FAILURE;
    }
    if matches!(app.view, View::Start(_)) {
        app.view = tui::start_view(&dir);
    }
    tui::run(app, rt)
}
