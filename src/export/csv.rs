//! Notes and intentions as CSV: one row each, UTF-8 with a byte-order mark (so
//! spreadsheets read ë correctly), every field quoted, CRLF between rows (RFC 4180);
//! line breaks inside a field stay inside its quotes.
//!
//! Fields are text, never formulas: control characters (but newline and tab) are dropped,
//! and a field a spreadsheet would evaluate (starting with `=`, `+`, `-`, `@`, tab or CR)
//! gets a leading `'`, as OWASP advises against CSV injection.

use super::render::{word, word_value};
use super::report::Report;

/// Characters that make a spreadsheet read a cell as a formula.
const FORMULA_START: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

pub(crate) fn field(s: &str) -> String {
    let s = crate::sanitize::for_export(s);
    let guard = if s.starts_with(FORMULA_START) {
        "'"
    } else {
        ""
    };
    format!("\"{guard}{}\"", s.replace('"', "\"\""))
}

pub(crate) fn row(out: &mut String, fields: &[&str]) {
    let line: Vec<String> = fields.iter().map(|f| field(f)).collect();
    out.push_str(&line.join(","));
    out.push_str("\r\n");
}

pub fn write(report: &Report) -> Result<String, super::ExportError> {
    let lang = report.lang;
    let header: Vec<String> = word_value(lang, "csv_header")?
        .try_iter()
        .map_err(|e| super::ExportError::Template {
            origin: format!("template words.{lang}"),
            detail: e.to_string(),
        })?
        .map(|v| v.to_string())
        .collect();
    let (note, intention) = (word(lang, "csv_note")?, word(lang, "csv_intention")?);
    let (yes, no) = (word(lang, "yes")?, word(lang, "no")?);
    let (kinds, approvals) = (
        word_value(lang, "note_kinds")?,
        word_value(lang, "approval")?,
    );
    // Ids are worded by the wording template; an id it lacks is written as is.
    let say = |map: &minijinja::Value, id: &str| {
        map.get_item(&minijinja::Value::from(id))
            .ok()
            .filter(|v| !v.is_undefined() && !v.is_none())
            .map_or_else(|| id.to_string(), |v| v.to_string())
    };
    let yn = |b: bool| if b { yes.as_str() } else { no.as_str() };
    let mut out = String::from("\u{feff}");
    row(
        &mut out,
        &header.iter().map(String::as_str).collect::<Vec<_>>(),
    );
    for s in &report.sections {
        for n in s
            .observations
            .iter()
            .chain(&s.factors)
            .chain(&s.obstacles)
            .chain(&s.ideas)
            .chain(&s.quotes)
        {
            let approval = if n.kind == "citaat" {
                say(&approvals, n.approval)
            } else {
                String::new()
            };
            let kind = say(&kinds, n.kind);
            row(
                &mut out,
                &[
                    &note,
                    &s.name,
                    &kind,
                    &n.text,
                    &n.who,
                    yn(n.public),
                    &approval,
                    "",
                    "",
                ],
            );
        }
    }
    // An intention's type: what became of it (for one carried from an earlier round).
    let follow_up = word_value(lang, "follow_up")?;
    for i in &report.intentions {
        let status = i.status.map(|id| say(&follow_up, id)).unwrap_or_default();
        row(
            &mut out,
            &[
                &intention,
                "",
                &status,
                &i.text,
                "",
                yn(i.public),
                "",
                &i.owner,
                &i.due,
            ],
        );
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::field;

    #[test]
    fn cells_a_spreadsheet_would_evaluate_are_guarded() {
        assert_eq!(field("\t=1+1"), "\"'\t=1+1\"");
        assert_eq!(field("=A1"), "\"'=A1\"");
        assert_eq!(field("a\u{1b}[2J\u{7}b"), "\"a[2Jb\"");
        assert_eq!(field("gewoon \"citaat\""), "\"gewoon \"\"citaat\"\"\"");
    }
}
