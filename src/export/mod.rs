//! The post-session report: an internal report and a publieksversie, as Markdown,
//! self-contained HTML and CSV.
//!
//! [`report::build`] decides what goes in (and so what is published); the writers only
//! format a [`Report`]. Wording lives in the templates under `assets/templates/`.

pub mod compose;
pub mod convert;
pub mod csv;
pub mod docx;
mod error;
pub mod gaps;
pub mod inline;
pub mod md_escape;
pub mod portfolio;
pub mod progress;
pub mod render;
pub mod report;
pub mod svg;

pub use error::ExportError;
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
    /// Word (.docx), made from the Markdown.
    Docx,
}

impl Format {
    pub fn parse(s: &str) -> Option<Format> {
        match s.trim().to_ascii_lowercase().as_str() {
            "md" | "markdown" => Some(Format::Markdown),
            "html" | "htm" => Some(Format::Html),
            "csv" => Some(Format::Csv),
            "docx" | "word" => Some(Format::Docx),
            _ => None,
        }
    }

    pub fn extension(self) -> &'static str {
        match self {
            Format::Markdown => "md",
            Format::Html => "html",
            Format::Csv => "csv",
            Format::Docx => "docx",
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
pub fn render(report: &Report, format: Format) -> Result<String, ExportError> {
    let clean = |text: String| match crate::sanitize::for_export(&text) {
        std::borrow::Cow::Borrowed(_) => text,
        std::borrow::Cow::Owned(cleaned) => cleaned,
    };
    match format {
        Format::Markdown => render::markdown(report).map(clean),
        Format::Html => render::html(report).map(clean),
        Format::Csv => csv::write(report),
        Format::Docx => Err(ExportError::NotText),
    }
}

/// The report as the bytes of a file in one format (Word's included).
pub fn bytes(report: &Report, format: Format) -> Result<Vec<u8>, ExportError> {
    match format {
        Format::Docx => docx::write(report),
        _ => render(report, format).map(String::into_bytes),
    }
}

/// The Markdown the previews (Rapport, Samenvatting, the room) show: what
/// [`render`] writes for [`Format::Markdown`], escaped and with its inline markup, read
/// on screen as the export is (`ui::markdown`). Control characters are left for the
/// screen to show as pictures; the Word export's drawing markers are left out.
pub fn render_preview(report: &Report) -> Result<String, ExportError> {
    render::markdown_preview(report)
}

/// `x/zorgpact-ronde1-2026-10-01.volgspot.json` with session date 12-11-2026 →
/// `x/zorgpact-ronde1-2026-11-12.publiek.html`: named after the session file, with the
/// date it was made on (in its name) replaced by the date of the session itself. A name
/// without a date, or a session date that is not a date, keeps the file's name.
pub fn default_path(
    session_path: &Path,
    session_date: &str,
    public: bool,
    format: Format,
) -> PathBuf {
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
    let stem = with_session_date(&stem, session_date);
    let version = if public { "publiek" } else { "intern" };
    session_path.with_file_name(format!("{stem}.{version}.{}", format.extension()))
}

/// `stem` with its `-YYYY-MM-DD` (before an optional `-N` made for uniqueness) replaced
/// by the session date, as YYYY-MM-DD.
fn with_session_date(stem: &str, session_date: &str) -> String {
    let Some(date) = crate::model::validate::parse_date(session_date.trim())
        .ok()
        .flatten()
    else {
        return stem.to_string();
    };
    let iso = format!(
        "{:04}-{:02}-{:02}",
        date.year(),
        date.month() as u8,
        date.day()
    );
    // Where a date sits: at the end, or before a final `-N`.
    let is_date = |s: &str| {
        let b = s.as_bytes();
        b.len() == 10
            && b[4] == b'-'
            && b[7] == b'-'
            && b.iter()
                .enumerate()
                .all(|(i, c)| i == 4 || i == 7 || c.is_ascii_digit())
    };
    let (body, tail) = match stem.rsplit_once('-') {
        Some((body, n))
            if !n.is_empty() && n.len() <= 3 && n.bytes().all(|c| c.is_ascii_digit()) =>
        {
            (body, &stem[body.len()..])
        }
        _ => (stem, ""),
    };
    for (b, t) in [(body, tail), (stem, "")] {
        if b.len() >= 11 && b.is_char_boundary(b.len() - 10) && is_date(&b[b.len() - 10..]) {
            let start = &b[..b.len() - 10];
            if start.ends_with('-') {
                return format!("{start}{iso}{t}");
            }
        }
    }
    stem.to_string()
}

/// Writes `text` atomically with mode 0600: reports hold names and quotes. A name that
/// leads to a device or pipe (`-o /dev/stdout`, `-o /dev/null`, a named pipe) is written
/// to, not replaced by a file; a link to anything else is replaced, never written
/// through.
pub fn write_file(path: &Path, text: impl AsRef<[u8]>) -> Result<(), ExportError> {
    use std::os::unix::fs::FileTypeExt;
    let text = text.as_ref();
    let err = |error: std::io::Error| ExportError::Write {
        path: path.to_path_buf(),
        error,
    };
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
        return out.write_all(text).and_then(|()| out.flush()).map_err(err);
    }
    atomic::write_atomic(path, text, None).map_err(err)
}

/// Writes Markdown, HTML and Word of both versions next to the session; returns the
/// paths.
/// `earlier`: the round number and wheel of an earlier round of the same pact, for the
/// comparison in the internal report.
pub fn write_all(
    session: &Session,
    method: &Method,
    lang: Lang,
    session_path: &Path,
    earlier: Option<(u8, &crate::model::Wheel)>,
) -> Result<Vec<PathBuf>, ExportError> {
    let mut written = Vec::new();
    for public in [false, true] {
        let mut report = build(session, method, lang, public);
        if let Some((round, wheel)) = earlier {
            add_earlier_round(&mut report, method, round, wheel);
        }
        for format in [Format::Markdown, Format::Html, Format::Docx] {
            let path = default_path(session_path, &session.intake.session_date, public, format);
            write_file(&path, bytes(&report, format)?)?;
            written.push(path);
        }
    }
    Ok(written)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn export_names_carry_the_session_date() {
        let name = |file: &str, date: &str| {
            default_path(Path::new(file), date, true, Format::Docx)
                .display()
                .to_string()
        };
        assert_eq!(
            name("d/pact-ronde1-2026-10-01.volgspot.json", "12-11-2026"),
            "d/pact-ronde1-2026-11-12.publiek.docx"
        );
        assert_eq!(
            name("pact-ronde1-2026-10-01-2.volgspot.json", "2026-11-12"),
            "pact-ronde1-2026-11-12-2.publiek.docx"
        );
        // No date in the name, or no date typed: the file's name as it is.
        assert_eq!(
            name("rivierenland.volgspot.json", "12-11-2026"),
            "rivierenland.publiek.docx"
        );
        assert_eq!(
            name("pact-ronde1-2026-10-01.volgspot.json", "volgende week"),
            "pact-ronde1-2026-10-01.publiek.docx"
        );
    }
}
