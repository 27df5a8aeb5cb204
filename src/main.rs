//! The `volgspot` command line.

use clap::{CommandFactory, FromArgMatches, Parser, Subcommand};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use volgspot::app::{App, View};
use volgspot::export;
use volgspot::i18n::Lang;
use volgspot::interviewer::{self, Interviewer};
use volgspot::method::Method;
use volgspot::model::merge;
use volgspot::store::{self, lock, paths, save_loop};
use volgspot::theme::Theme;
use volgspot::{clock, tui};

#[derive(Parser)]
#[command(
    name = "volgspot",
    version,
    about = "Volgspot: a structured reflection on a regional care pact",
    long_about = "Without a command: the start screen with the sessions in the session folder.\n\
                  Session folder: $VOLGSPOT_DIR, else the system's data folder."
)]
struct Cli {
    /// UI language: nl (default) or en.
    #[arg(long, global = true, env = "VOLGSPOT_LANG", default_value = "nl")]
    lang: String,
    /// Colour theme: donker (default), licht (for beamers), or a theme file.
    #[arg(long, global = true, env = "VOLGSPOT_THEME")]
    theme: Option<String>,
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
        /// The next round of this session's pact: carries intake, triangle, wheel and
        /// intentions (to follow up), and keeps a snapshot of this round to compare with.
        #[arg(long, conflicts_with_all = ["pact", "round"])]
        from: Option<PathBuf>,
    },
    /// Open a session file anywhere.
    Open {
        /// Path of a .volgspot.json file.
        path: PathBuf,
    },
    /// Open a scratch copy of the built-in example session.
    Demo,
    /// Write a generated session for timing (sizes: typical, large).
    BenchData {
        #[arg(long, default_value = "typical")]
        size: String,
        /// 30 pacts × 3 rounds of sessions, written into the folder given by -o.
        #[arg(long)]
        portfolio: bool,
        /// Where to write the session file (with --portfolio: the folder).
        #[arg(short = 'o', long)]
        output: PathBuf,
    },
    /// Write the report: internal (default) or the publieksversie (--public).
    Export {
        /// Path of a .volgspot.json file.
        session: PathBuf,
        /// The public version: only what is marked public and approved.
        #[arg(long)]
        public: bool,
        /// md, html, docx (Word) or csv.
        #[arg(long, default_value = "md")]
        format: String,
        /// Where to write (default: next to the session, e.g. <name>.intern.md).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Overview of all pacts in a folder (default: the session folder): rounds, phases,
    /// intentions, pacts per phase per half year, obstacles and success factors.
    #[command(alias = "portfolio")]
    Overzicht {
        /// The folder with session files.
        dir: Option<PathBuf>,
        /// md, html, docx (Word) or csv.
        #[arg(long, default_value = "md")]
        format: String,
        /// Where to write (default: overzicht.<format> in the folder).
        #[arg(short = 'o', long = "output")]
        output: Option<PathBuf>,
    },
    /// Offline interviewer mode: notes of one interview, saved as an interview file in
    /// the session folder (no session needed).
    Interview {
        /// The pact the interview is about.
        #[arg(long)]
        pact: Option<String>,
        /// Your name, stored with the interview.
        #[arg(long)]
        interviewer: Option<String>,
        /// The Volgspot round (1, 2 or 3) the interview is for; the import checks it.
        #[arg(long, value_parser = clap::value_parser!(u8).range(1..=3))]
        round: Option<u8>,
        /// List the interviews in the session folder and stop.
        #[arg(long)]
        list: bool,
        /// Reopen an existing .interview.json file (or the interview with this
        /// interviewee's name in the session folder) instead of starting a new one.
        file: Option<PathBuf>,
    },
    /// The room's window for the beamer: read-only, follows the facilitator's window
    /// of the same session (default: the most recently saved session in the folder).
    #[command(alias = "room")]
    Zaal {
        /// Path of a .volgspot.json file.
        session: Option<PathBuf>,
    },
    /// Merge interview files into a session (refused while the session is open).
    Import {
        /// The .volgspot.json session file.
        session: PathBuf,
        /// One or more .interview.json files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Import files of another pact or round without asking.
        #[arg(long)]
        anyway: bool,
    },
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

/// The UI language asked for before the command line is parsed (so `--help` speaks it):
/// `--lang X` / `--lang=X`, else `VOLGSPOT_LANG`, else Dutch.
fn lang_asked() -> Lang {
    let args: Vec<String> = std::env::args().collect();
    let from_args = args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .map(str::to_string)
            .or_else(|| (a == "--lang").then(|| args.get(i + 1).cloned()).flatten())
    });
    from_args
        .or_else(|| std::env::var("VOLGSPOT_LANG").ok())
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::Nl)
}

/// The command line, with its help in the UI language (Dutch from `i18n::cli`; English
/// from the doc comments here).
fn cli_command(lang: Lang) -> clap::Command {
    use volgspot::i18n::cli;
    let mut cmd = Cli::command();
    if lang == Lang::En {
        return cmd;
    }
    cmd = cmd.about(cli::ABOUT).long_about(cli::LONG_ABOUT);
    for (id, help) in cli::GLOBAL_ARGS {
        cmd = cmd.mut_arg(*id, |a| a.help(*help));
    }
    for (name, about, args) in cli::COMMANDS {
        cmd = cmd.mut_subcommand(*name, |mut c| {
            c = c.about(*about).long_about(None);
            for (id, help) in *args {
                c = c.mut_arg(*id, |a| a.help(*help).long_help(None));
            }
            c
        });
    }
    cmd
}

fn parse_cli() -> Cli {
    let matches = cli_command(lang_asked()).get_matches();
    Cli::from_arg_matches(&matches).unwrap_or_else(|e| e.exit())
}

/// Everything volgspot prints may quote files from other laptops (names, paths, parser
/// messages): control, bidi and zero-width characters are shown visibly, never raw.
macro_rules! say {
    ($($arg:tt)*) => {
        println!("{}", volgspot::sanitize::visible(&format!($($arg)*)))
    };
}

/// [`say!`] on standard error.
macro_rules! warn {
    ($($arg:tt)*) => {
        eprintln!("{}", volgspot::sanitize::visible(&format!($($arg)*)))
    };
}

fn main() -> ExitCode {
    clock::init_local_offset();
    let cli = parse_cli();
    let Some(lang) = Lang::parse(&cli.lang) else {
        warn!("volgspot: --lang: use nl or en (got '{}')", cli.lang);
        return ExitCode::from(2);
    };
    let method = match &cli.method {
        Some(p) => match Method::from_file(p, &volgspot::app::Screen::ids()) {
            Ok(m) => m,
            Err(e) => {
                warn!("volgspot: {}", e.message(lang.strings()));
                return ExitCode::from(2);
            }
        },
        None => Method::builtin(lang),
    };
    if let Some(Command::Export {
        session,
        public,
        format,
        output,
    }) = &cli.command
    {
        return export(&method, lang, session, *public, format, output.as_deref());
    }
    let dir = paths::session_dir();
    if let Some(Command::Overzicht {
        dir: folder,
        format,
        output,
    }) = &cli.command
    {
        let folder = folder.clone().unwrap_or_else(|| dir.clone());
        return overzicht(&method, lang, &folder, format, output.as_deref());
    }
    let theme = cli.theme.clone();
    let command = match cli.command {
        Some(c @ Command::Interview { .. }) => return interview(lang, method, dir, c),
        Some(
            c @ (Command::BenchData { .. } | Command::SaveLoop { .. } | Command::HoldLock { .. }),
        ) => {
            return tool(c);
        }
        Some(Command::Import {
            session,
            files,
            anyway,
        }) => return import(lang, &session, &files, anyway),
        Some(Command::Zaal { session }) => {
            return zaal(lang, method, theme.as_deref(), &dir, session);
        }
        other => other,
    };
    let mut rt = tui::Runtime::new(dir.clone());
    // The start screen's list is read below, only when no session is opened.
    let empty_start = View::Start(volgspot::app::StartState::new(dir.clone(), Vec::new()));
    let mut app = App::new(lang, method, empty_start, clock::now());
    // NO_COLOR (any value, https://no-color.org): emphasis only, no colours.
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    app.ascii = volgspot::ui::ascii::terminal();
    app.theme = match Theme::choose(theme.as_deref(), app.no_color) {
        Ok(t) => t,
        Err(e) => {
            warn!("volgspot: {}", e.message(app.t));
            return ExitCode::from(2);
        }
    };
    let opened = match command {
        None => Ok(()),
        Some(Command::New {
            from: Some(from), ..
        }) => tui::create_next_round(&mut app, &mut rt, &from).map(|_| ()),
        Some(Command::New { pact, round, .. }) => {
            tui::create_session(&mut app, &mut rt, pact.as_deref().unwrap_or(""), round).map(|_| ())
        }
        Some(Command::Open { path }) => {
            let opened = tui::open_session(&mut app, &mut rt, &path);
            // Say so when a newer backup or emergency copy exists, and offer it.
            // The session was just loaded: its time of last change is known; of the
            // copies only the header is read unless it says they are newer.
            let updated = app.session().map(|s| s.doc.updated);
            if opened.is_ok()
                && let Some(r) = volgspot::store::recovery::find_with(&path, updated, |copy| {
                    volgspot::store::folder::copy_updated(copy, updated)
                })
            {
                app.overlay = Some(volgspot::app::Overlay::Recover(r));
            }
            opened
        }
        Some(Command::Demo) => tui::open_demo(&mut app, &mut rt).map(|_| ()),
        // Handled above, before the terminal is set up.
        Some(_) => Ok(()),
    };
    if let Err(e) = opened {
        warn!("volgspot: {}", e.message(app.t));
        return ExitCode::FAILURE;
    }
    if matches!(app.view, View::Start(_)) {
        app.view = tui::start_view(&dir);
    }
    tui::run(app, rt)
}

/// `volgspot interview`: interviewer mode, on a new interview or one reopened by its file
/// or the interviewee's name (`--list` lists those in the session folder).
fn interview(lang: Lang, method: Method, dir: PathBuf, command: Command) -> ExitCode {
    let Command::Interview {
        pact,
        interviewer,
        round,
        list,
        file,
    } = command
    else {
        return ExitCode::from(2);
    };
    let t = lang.strings();
    if list {
        for line in interviewer::list_lines(t, &dir) {
            say!("{line}");
        }
        return ExitCode::SUCCESS;
    }
    // Not a file: the interviewee's name, looked up in the session folder.
    let file = match file {
        Some(p) if !p.exists() && p.components().count() == 1 => {
            match interviewer::find_by_name(&dir, &p.to_string_lossy()) {
                Ok(found) => Some(found),
                Err(e) => {
                    warn!("volgspot: {}", e.message(t));
                    return ExitCode::FAILURE;
                }
            }
        }
        other => other,
    };
    let app = match file {
        Some(path) => match Interviewer::open(t, method, &path) {
            Ok(a) => a,
            Err(e) => {
                warn!("volgspot: {}", e.message(t));
                return ExitCode::FAILURE;
            }
        },
        None => Interviewer::new(
            t,
            method,
            dir,
            pact.as_deref().unwrap_or(""),
            interviewer.as_deref().unwrap_or(""),
        ),
    };
    let mut app = app;
    if round.is_some() {
        app.doc.round = round;
    }
    interviewer::run(app)
}
/// The hidden commands for tests and benchmarks: `bench-data`, `save-loop`, `hold-lock`.
fn tool(command: Command) -> ExitCode {
    match command {
        Command::BenchData {
            size,
            portfolio,
            output,
        } if portfolio || size == "portfolio" => {
            if let Err(e) = paths::ensure_dir(&output) {
                warn!("volgspot: {}: {e}", output.display());
                return ExitCode::FAILURE;
            }
            for (name, doc) in volgspot::bench_data::portfolio(30, 3, 42) {
                if let Err(e) = volgspot::store::write_new(&output.join(&name), &doc) {
                    warn!("volgspot: {name}: {e:?}");
                    return ExitCode::FAILURE;
                }
            }
            say!("{}", output.display());
            ExitCode::SUCCESS
        }
        Command::BenchData { size, output, .. } => {
            let Some(size) = volgspot::bench_data::Size::parse(&size) else {
                warn!("volgspot: --size: use typical, large or huge (got '{size}')");
                return ExitCode::from(2);
            };
            let doc = volgspot::bench_data::generate(size, 42);
            match volgspot::store::write_new(&output, &doc) {
                Ok(()) => {
                    say!("{}", output.display());
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    warn!("volgspot: {}: {e:?}", output.display());
                    ExitCode::FAILURE
                }
            }
        }
        Command::SaveLoop { path, kind } => {
            let Some(kind) = save_loop::Kind::parse(&kind) else {
                warn!("volgspot: --kind: session or interview");
                return ExitCode::from(2);
            };
            match save_loop::run(kind, &path) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    warn!("volgspot: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Command::HoldLock { path } => match lock::acquire(&path) {
            Ok(_held) => {
                say!("locked");
                loop {
                    std::thread::sleep(std::time::Duration::from_secs(3600));
                }
            }
            Err(e) => {
                warn!("{e:?}");
                ExitCode::FAILURE
            }
        },
        _ => ExitCode::from(2),
    }
}

/// `volgspot zaal`: the room's window. Reads the session and the facilitator's state
/// file; takes no lock and writes nothing.
fn zaal(
    lang: Lang,
    method: Method,
    theme: Option<&str>,
    dir: &Path,
    session: Option<PathBuf>,
) -> ExitCode {
    let t = lang.strings();
    // Without a file: the session being presented (a live facilitator), if exactly one;
    // the room says on screen which file it follows while it waits.
    let session = match session {
        Some(p) => p,
        None => match volgspot::room::pick_session(dir) {
            volgspot::room::Pick::Live(p) | volgspot::room::Pick::Newest(p) => p,
            volgspot::room::Pick::Several(paths) => {
                let names: Vec<String> = paths
                    .iter()
                    .map(|p| {
                        volgspot::sanitize::visible_line(
                            &p.file_name().unwrap_or_default().to_string_lossy(),
                        )
                        .into_owned()
                    })
                    .collect();
                warn!(
                    "volgspot: {}",
                    volgspot::i18n::fill(t.room.several_live, &[&names.join(", ")])
                );
                return ExitCode::from(2);
            }
            volgspot::room::Pick::None => {
                warn!("volgspot: {}", t.room.room_usage);
                return ExitCode::from(2);
            }
        },
    };
    let mut app = App::new(lang, method, View::Start(Default::default()), clock::now());
    app.no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
    app.ascii = volgspot::ui::ascii::terminal();
    app.theme = match Theme::choose(theme, app.no_color) {
        Ok(t) => t,
        Err(e) => {
            warn!("volgspot: {}", e.message(app.t));
            return ExitCode::from(2);
        }
    };
    if let Err(e) = store::load_session(&session) {
        warn!("volgspot: {}", t.load_error(&e));
        return ExitCode::FAILURE;
    }
    volgspot::room::run(app, session)
}

/// `volgspot export`: reads the session (no lock needed, it is not changed), writes one
/// report atomically with mode 0600 and prints the path.
fn export(
    method: &Method,
    lang: Lang,
    session: &Path,
    public: bool,
    format: &str,
    output: Option<&Path>,
) -> ExitCode {
    let t = lang.strings();
    let Some(format) = export::Format::parse(format) else {
        warn!("volgspot: {}", export::format_error(lang, format));
        return ExitCode::from(2);
    };
    let doc = match store::load_session(session) {
        Ok((doc, _)) => doc,
        Err(e) => {
            warn!("volgspot: {}", t.load_error(&e));
            return ExitCode::FAILURE;
        }
    };
    let mut doc = doc;
    for line in t
        .interviews
        .repairs(&merge::repair_session_ids(&mut doc), true)
    {
        warn!("volgspot: {line}");
    }
    if public {
        let (conflicts, changed) = export::report::withheld_counts(&doc);
        if let Some(msg) = t.summary.withheld_text(conflicts, changed) {
            eprintln!("volgspot: {msg}");
        }
    }
    let mut report = export::build(&doc, method, lang, public);
    // An earlier round of the same pact in the same folder: compared in the internal report.
    // A session made from an earlier round compares with its own snapshot instead.
    if doc.baseline.is_none()
        && let Some(earlier) = store::rounds::earlier_round(session, &doc)
    {
        export::add_earlier_round(&mut report, method, earlier.intake.round, &earlier.wheel);
    }
    let path = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| export::default_path(session, &doc.intake.session_date, public, format));
    match export::bytes(&report, format).and_then(|bytes| export::write_file(&path, bytes)) {
        Ok(()) => {
            say!("{}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            warn!("volgspot: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `volgspot overzicht [DIR]`: reads every session in the folder (nothing is changed),
/// writes the overview atomically with mode 0600 and prints the path.
fn overzicht(
    method: &Method,
    lang: Lang,
    dir: &Path,
    format: &str,
    output: Option<&Path>,
) -> ExitCode {
    let t = lang.strings();
    let Some(format) = export::Format::parse(format) else {
        warn!("volgspot: {}", export::format_error(lang, format));
        return ExitCode::from(2);
    };
    let (sessions, unreadable) = export::portfolio::read_folder(dir);
    if sessions.is_empty() {
        warn!(
            "volgspot: {}",
            volgspot::i18n::fill(t.portfolio.empty_folder, &[&dir.display().to_string()])
        );
        return ExitCode::FAILURE;
    }
    let p = export::portfolio::build(&sessions, unreadable, method, lang);
    let path = output
        .map(Path::to_path_buf)
        .unwrap_or_else(|| dir.join(format!("overzicht.{}", format.extension())));
    let text = export::portfolio::render(&p, lang, format);
    let bytes = match format {
        export::Format::Docx => export::docx::from_markdown(&text, &|_| None),
        _ => Ok(text.into_bytes()),
    };
    match bytes.and_then(|bytes| export::write_file(&path, bytes)) {
        Ok(()) => {
            say!("{}", path.display());
            ExitCode::SUCCESS
        }
        Err(e) => {
            warn!("volgspot: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `volgspot import SESSION FILE...`: merge interview files, print what changed, save.
/// Asks a yes/no question on the terminal; no terminal (a script, CI) is a no.
fn confirm(question: &str) -> bool {
    use std::io::{IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return false;
    }
    print!("{question}");
    let _ = std::io::stdout().flush();
    let mut answer = String::new();
    if std::io::stdin().read_line(&mut answer).is_err() {
        return false;
    }
    matches!(
        answer.trim().to_lowercase().as_str(),
        "j" | "ja" | "y" | "yes"
    )
}

fn import(lang: Lang, session: &std::path::Path, files: &[PathBuf], anyway: bool) -> ExitCode {
    let t = lang.strings();
    let _held = match lock::acquire(session) {
        Ok(h) => h,
        Err(e) => {
            warn!("volgspot: {}", t.lock_error(&e));
            return ExitCode::FAILURE;
        }
    };
    let mut doc = match store::load_session(session) {
        Ok((doc, _)) => doc,
        Err(e) => {
            warn!("volgspot: {}", t.load_error(&e));
            return ExitCode::FAILURE;
        }
    };
    let before = doc.clone();
    // Duplicate ids (from an older volgspot) are repaired before anything is merged.
    for line in t
        .interviews
        .repairs(&merge::repair_session_ids(&mut doc), true)
    {
        say!("{line}");
    }
    let mut ok = true;
    for path in files {
        // A session file given by mistake is named as such, not as a "newer version".
        match volgspot::store::load_for_import(path).map_err(|e| t.import_error(&e)) {
            Ok(file) => {
                let who = &file.interview.interviewee;
                let warnings: Vec<String> = [
                    t.interviews.other_pact(&file, &doc, who),
                    t.interviews.other_round(&file, &doc, who),
                ]
                .into_iter()
                .flatten()
                .collect();
                for w in &warnings {
                    say!("{w}");
                }
                // Another pact's or round's file is imported only when asked for: in a
                // terminal by answering yes, otherwise with --anyway.
                if !warnings.is_empty() && !anyway && !confirm(t.interviews.rep_ask_anyway) {
                    ok = false;
                    let name = path.display().to_string();
                    warn!(
                        "{}",
                        volgspot::i18n::fill(t.interviews.rep_skipped, &[&name])
                    );
                    continue;
                }
                let name = path.file_name().unwrap_or_default().to_string_lossy();
                let report = merge::merge_file_from(&mut doc, &file, &name);
                for line in t.interviews.report(&report) {
                    say!("{line}");
                }
            }
            Err(msg) => {
                ok = false;
                let name = path.display().to_string();
                warn!(
                    "{}",
                    volgspot::i18n::fill(t.interviews.rep_error, &[&name, &msg])
                );
            }
        }
    }
    if doc != before {
        doc.updated = clock::now();
        if let Err(e) = store::save_session(session, &doc) {
            warn!("volgspot: {}", t.save_error(&e));
            return ExitCode::FAILURE;
        }
        say!(
            "{}",
            volgspot::i18n::fill(t.interviews.rep_saved, &[&session.display().to_string()])
        );
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

#[cfg(test)]
mod cli_tests {
    use super::*;

    #[test]
    fn every_command_and_option_has_dutch_help() {
        let nl = cli_command(Lang::Nl);
        for sub in nl.get_subcommands().filter(|c| !c.is_hide_set()) {
            let name = sub.get_name();
            if name == "help" {
                continue;
            }
            assert!(
                volgspot::i18n::cli::COMMANDS
                    .iter()
                    .any(|(n, ..)| *n == name),
                "no Dutch help for `{name}`"
            );
        }
        let en = Cli::command();
        for arg in nl.get_arguments() {
            let id = arg.get_id();
            let english = en.get_arguments().find(|a| a.get_id() == id);
            if id != "help" && id != "version" {
                assert_ne!(
                    arg.get_help().map(|h| h.to_string()),
                    english.and_then(|a| a.get_help()).map(|h| h.to_string()),
                    "--{id}"
                );
            }
        }
    }
}
