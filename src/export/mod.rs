//! The post-session report: an internal report and a publieksversie, as Markdown,
//! self-contained HTML and CSV.
//!
//! [`report::build`] decides what goes in (and so what is published); the writers only
//! format a [`Report`]. Wording lives in the templates under `assets/templates/`.

pub mod compose;
pub mod csv;
pub mod gaps;
pub mod md_escape;
pub mod portfolio;
pub mod progress;
pub mod render;
pub mod report;
pub mod svg;

pub use gaps::{Gap, gaps};
pub use report::{Report, add_earlier_round, build};

use crate::i18n::Lang;
use crate::method::Method;
use crate::model::Session;
use crate::store::{atomic, paths};
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Markdown,
    Html,
    Csv,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
        }
    }
}

/// Why `--format <got>` is refused, in the UI language: `main` prints it after
/// "volgspot: ".
pub fn format_error(lang: Lang, got: &str) -> String {
    crate::i18n::fill(lang.strings().summary.format_error, &[got.trim()])
}

/// The report as text in one format. No C0 or C1 control character but newline and tab
/// reaches the file (the CSV writer cleans each field itself, its rows end in CRLF).
pub fn render(report: &Report, format: Format) -> Result<String, String> {
    let clean = |text: String| match crate::sanitize::for_export(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(cleaned) => cleaned,
    };
    match format {
        Format::Markdown => render::markdown(report).map(clean),
        Format::Html => render::html(report).map(clean),
        Format::Csv => csv::write(report),
    }
}

/// The Markdown as the Samenvatting screen previews it: user text as typed, not escaped
/// (it is read there, not converted).
pub fn render_preview(report: &Report) -> Result<String, String> {
    render::markdown_preview(report)
}

/// `x/zorgpact-ronde1.volgspot.json` → `x/zorgpact-ronde1.publiek.html`.
pub fn default_path(session_path: &Path, public: bool, format: Format) -> PathBuf {
    let name = session_path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stem = name
        .strip_suffix(paths::SESSION_SUFFIX)
        .map(str::to_string)
        .or_else(|| {
            Path::new(&name)
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
        })
        .filter(|s| !s.is_empty())
        .unwrap_or_else(|| "volgspot".to_string());
    let version = if public { "publiek" } else { "intern" };
    session_path.with_file_name(format!("{stem}.{version}.{}", format.extension()))
}

/// Writes `text` atomically with mode 0600: reports hold names and quotes. A name that
/// leads to a device or pipe (`-o /dev/stdout`, `-o /dev/null`, a named pipe) is written
/// to, not replaced by a file; a link to anything else is replaced, never written
/// through.
pub fn write_file(path: &Path, text: &str) -> Result<(), String> {
    use std::os::unix::fs::FileTypeExt;
    let err = |e: std::io::Error| format!("{}: {e}", path.display());
    let stream = std::fs::metadata(path).is_ok_and(|m| {
        let t = m.file_type();
        t.is_char_device() || t.is_fifo() || t.is_socket()
    });
    if stream {
        use std::io::Write;
        let mut out = std::fs::OpenOptions::new()
            .write(true)
            .open(path)
            .map_err(err)?;
        return out
            .write_all(text.as_bytes())
            .and_then(|()| out.flush())
            .map_err(err);
    }
    atomic::write_atomic(path, text.as_bytes(), None).map_err(err)
}

/// Writes Markdown and HTML of both versions next to the session; returns the paths.
/// `earlier`: the round number and wheel of an earlier round of the same pact, for the
/// comparison in the internal report.
pub fn write_all(
    session: &Session,
    method: &Method,
    lang: Lang,
    session_path: &Path,
    earlier: Option<(u8, &crate::model::Wheel)>,
) -> Result<Vec<PathBuf>, String> {
    let mut written = Vec::new();
    for public in [false, true] {
        let mut report = build(session, method, lang, public);
        if let Some((round, wheel)) = earlier {
            add_earlier_round(&mut report, method, round, wheel);
        }
        for format in [Format::Markdown, Format::Html] {
            let path = default_path(session_path, public, format);
            write_file(&path, &render(&report, format)?)?;
            written.push(path);
        }
    }
    Ok(written)
}
