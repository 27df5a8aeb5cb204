//! Markdown and HTML through minijinja templates (`assets/templates/`). The templates are
//! embedded; `VOLGSPOT_TEMPLATES` may name a folder with files of the same names, so a
//! consultant can adjust the wording without recompiling.

use super::ExportError;
use super::report::Report;
use super::svg;
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Value;
use minijinja::{AutoEscape, Environment, UndefinedBehavior, context};

fn embedded(name: &str) -> Option<&'static str> {
    Some(match name {
        "report.md" => include_str!("../../assets/templates/report.md"),
        "report.html" => include_str!("../../assets/templates/report.html"),
        "words.nl" => include_str!("../../assets/templates/words.nl"),
        "words.en" => include_str!("../../assets/templates/words.en"),
        "methodiek.nl.md" => include_str!("../../assets/templates/methodiek.nl.md"),
        "methodiek.en.md" => include_str!("../../assets/templates/methodiek.en.md"),
        _ => return None,
    })
}

/// The override folder's file for a template name, when `VOLGSPOT_TEMPLATES` is set and
/// holds one.
fn override_path(name: &str) -> Option<std::path::PathBuf> {
    let dir = std::env::var_os("VOLGSPOT_TEMPLATES").filter(|d| !d.is_empty())?;
    let path = std::path::Path::new(&dir).join(name);
    path.exists().then_some(path)
}

/// A template's text: the override folder's file when there is one, else the embedded.
/// An override that cannot be read (not UTF-8, no permission) is an error naming the
/// file, never silently replaced by the embedded text.
fn source(name: &str) -> Result<Option<String>, ExportError> {
    if let Some(path) = override_path(name) {
        return std::fs::read_to_string(&path)
            .map(Some)
            .map_err(|e| ExportError::Template {
                origin: path.display().to_string(),
                detail: e.to_string(),
            });
    }
    Ok(embedded(name).map(str::to_string))
}

/// Where a template comes from, for an error: the override file, or the built-in name.
fn origin(name: &str) -> String {
    match override_path(name) {
        Some(path) => path.display().to_string(),
        None => format!("template {name}"),
    }
}

fn env() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_loader(|name| {
        source(name).map_err(|e| {
            minijinja::Error::new(minijinja::ErrorKind::InvalidOperation, e.to_string())
        })
    });
    // Block tags on their own lines leave no blank lines behind.
    if let Ok(syntax) = SyntaxConfig::builder()
        .trim_blocks(true)
        .lstrip_blocks(true)
        .build()
    {
        env.set_syntax(syntax);
    }
    // Chainable: a method definition without e.g. a "resultaten" corner just shows less.
    env.set_undefined_behavior(UndefinedBehavior::Chainable);
    env.set_auto_escape_callback(|name| {
        if name.ends_with(".html") {
            AutoEscape::Html
        } else {
            AutoEscape::None
        }
    });
    // The Markdown's user text is escaped already (`|` included, see `convert`); its
    // line breaks stay line breaks.
    env.add_filter("oneline", |s: String| super::md_escape::item_lines(&s));
    env.add_filter("cell", |s: String| cell(&s));
    // A quote's later lines and paragraphs stay in the quote (`> ` before each).
    env.add_filter("quote_lines", |s: String| super::md_escape::quote_lines(&s));
    env.add_filter("plural", plural);
    env.add_filter("join_and", join_and);
    // Text with markup is safe HTML already (see `convert`), its lines apart by `<br/>`.
    env.add_filter("nl2br", |v: Value| {
        if v.is_safe() {
            return v;
        }
        let s = v.to_string();
        Value::from_safe_string(s.lines().map(svg::escape).collect::<Vec<_>>().join("<br/>"))
    });
    env.add_filter("md_html", |s: String| Value::from_safe_string(md_html(&s)));
    // Text without its markup, where HTML shows no tags (the window title).
    env.add_filter("plain", |v: Value| {
        if v.is_safe() {
            Value::from(strip_tags(&v.to_string()))
        } else {
            v
        }
    });
    env
}

/// Multi-line text as one line (for Markdown list items and table cells): words
/// separated by single spaces. Most text already is (one line, single spaces) and is
/// passed on as it is: this filter runs on every note of the Markdown report.
pub(super) fn oneline(s: String) -> String {
    // Every white-space character other than ' ' is one of these ASCII bytes or starts
    // with one of these lead bytes in UTF-8 (U+0085 and U+00A0: C2; U+1680: E1;
    // U+2000–U+205F: E2; U+3000: E3). Without them, only spaces need a look.
    let other_space = s.bytes().any(|b| {
        matches!(
            b,
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0xc2 | 0xe1 | 0xe2 | 0xe3
        )
    });
    let clean = !other_space && !s.starts_with(' ') && !s.ends_with(' ') && !s.contains("  ");
    if clean {
        return s;
    }
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// Text for one Markdown table cell: its lines kept apart by "; " (a table row is one
/// line, and pandoc and plain text both read "; "); the caller escapes `|`.
fn cell(text: &str) -> String {
    let mut out = String::new();
    for line in text.lines().map(|l| oneline(l.to_string())) {
        if line.is_empty() {
            continue;
        }
        if !out.is_empty() {
            // A line that already ends a sentence or clause needs no extra ";".
            out.push_str(if out.ends_with(['.', ';', ':', ',', '!', '?']) {
                " "
            } else {
                "; "
            });
        }
        out.push_str(&line);
    }
    out
}

/// `3|plural(["{n} stem", "{n} stemmen"])` → "3 stemmen": the singular for 1 and -1.
fn plural(n: i64, forms: Vec<String>) -> String {
    let form = match forms.as_slice() {
        [one, _] if n.abs() == 1 => one.as_str(),
        [_, many] => many.as_str(),
        [only] => only.as_str(),
        _ => "{n}",
    };
    form.replace("{n}", &n.to_string())
}

/// `["a", "b", "c"]|join_and(" en ")` → "a, b en c". Where an item is safe HTML (text
/// with markup), the others are escaped and the result is safe.
fn join_and(state: &minijinja::State, items: Vec<Value>, last: String) -> Value {
    let html = *state.auto_escape() != AutoEscape::None && items.iter().any(Value::is_safe);
    let text = |v: &Value| {
        if html && !v.is_safe() {
            svg::escape(&v.to_string())
        } else {
            v.to_string()
        }
    };
    let items: Vec<String> = items.iter().map(text).collect();
    let last = if html { svg::escape(&last) } else { last };
    let joined = match items.split_last() {
        None => String::new(),
        Some((only, [])) => only.clone(),
        Some((end, rest)) => format!("{}{last}{end}", rest.join(", ")),
    };
    if html {
        Value::from_safe_string(joined)
    } else {
        Value::from(joined)
    }
}

fn render_in(
    env: Environment<'static>,
    report: &Report,
    r: Value,
    template: &str,
    extra: Value,
) -> Result<String, ExportError> {
    let words = format!("words.{}", report.lang);
    let methodiek = source(&format!("methodiek.{}.md", report.lang))?.unwrap_or_default();
    let ctx = context! { r => r, words => words.clone(), methodiek => methodiek.trim(), ..extra };
    let out = env
        .get_template(template)
        .and_then(|t| t.render(ctx))
        .map_err(|e| template_error(template, &words, &e))?;
    Ok(tidy(&out))
}

/// A template error naming the file at fault: the wording file when the error is in it
/// (it is imported by the report template), else the report template; an override by
/// its path.
fn template_error(template: &str, words: &str, e: &minijinja::Error) -> ExportError {
    let at = match e.name() {
        Some(name) if name == words => name,
        _ => template,
    };
    engine_error(at, e)
}

/// What the template engine says about template `name`, naming where it comes from.
fn engine_error(name: &str, e: &minijinja::Error) -> ExportError {
    ExportError::Template {
        origin: origin(name),
        detail: format!("{e:#}"),
    }
}

/// At most one blank line in a row, no trailing spaces, one final newline: the
/// templates stay readable and the output stable.
fn tidy(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut blank = true;
    for line in text.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            if !blank {
                out.push('\n');
            }
            blank = true;
        } else {
            out.push_str(line);
            out.push('\n');
            blank = false;
        }
    }
    while out.ends_with("\n\n") {
        out.pop();
    }
    out
}

/// The Markdown report, every user text escaped with its inline markup kept (see
/// [`super::inline`]), converted as the report is handed to the template.
pub fn markdown(report: &Report) -> Result<String, ExportError> {
    let r = super::convert::to_value(report, super::convert::Target::Markdown);
    render_in(env(), report, r, "report.md", Value::from(())).map(|md| blank_around_blocks(&md))
}

/// The Markdown as the previews show it: the report's own Markdown (escaped, not yet
/// cleaned of control characters, which the screen shows as pictures), without the
/// drawing markers (lines only the Word export reads).
pub fn markdown_preview(report: &Report) -> Result<String, ExportError> {
    markdown(report).map(|md| {
        let kept: Vec<&str> = md
            .lines()
            .filter(|l| !l.starts_with("<!-- volgspot:drawing "))
            .collect();
        tidy(&kept.join("\n"))
    })
}

/// Markdown needs a blank line before a heading and after a list; the templates'
/// whitespace trimming does not always leave one.
fn blank_around_blocks(md: &str) -> String {
    // "- " or a number and ". " (only the start of the line is looked at).
    let is_item = |l: &str| {
        let digits = l.bytes().take_while(u8::is_ascii_digit).count();
        l.starts_with("- ") || (digits > 0 && l[digits..].starts_with(". "))
    };
    let mut out = String::with_capacity(md.len() + 64);
    let mut prev = "";
    let mut after_break = false;
    for line in md.lines() {
        // The next line of a text with line breaks (see `md_escape::item_lines`): part of
        // the item or paragraph above, so no gap.
        let continued = after_break && line.starts_with("  ");
        // An odd number of backslashes at the end: a hard break, not an escaped `\`.
        after_break = (line.len() - line.trim_end_matches('\\').len()) % 2 == 1;
        if continued {
            out.push_str(line);
            out.push('\n');
            continue;
        }
        let needs_gap = !prev.is_empty()
            && !line.is_empty()
            && (line.starts_with('#')
                || (is_item(prev) != is_item(line) && !prev.starts_with('#'))
                || (line.starts_with('>') && !prev.starts_with('>')));
        if needs_gap {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        prev = line;
    }
    out
}

pub fn html(report: &Report) -> Result<String, ExportError> {
    let tri = word(report.lang, "triangle_figure")?;
    let wheel = word(report.lang, "wheel_figure")?;
    let extra = context! {
        svg_triangle => Value::from_safe_string(svg::triangle(&report.triangle, &tri)),
        svg_wheel => Value::from_safe_string(svg::wheel(&report.wheel, &wheel)),
    };
    let r = super::convert::to_value(report, super::convert::Target::Html);
    render_in(env(), report, r, "report.html", extra)
}

/// One value from the wording template (`words.<lang>`), e.g. the CSV header.
pub fn word_value(lang: &str, key: &str) -> Result<Value, ExportError> {
    let env = env();
    let name = format!("words.{lang}");
    let tmpl = env
        .get_template(&name)
        .map_err(|e| engine_error(&name, &e))?;
    let captured = tmpl
        .render_captured(())
        .map_err(|e| engine_error(&name, &e))?;
    captured
        .state()
        .lookup(key)
        .filter(|v| !v.is_undefined())
        .ok_or_else(|| ExportError::MissingWord {
            origin: origin(&name),
            key: key.to_string(),
        })
}

pub fn word(lang: &str, key: &str) -> Result<String, ExportError> {
    word_value(lang, key).map(|v| v.to_string())
}

/// Safe HTML of [`super::inline::to_html`] as plain text: tags left out, the entities it
/// writes read back.
fn strip_tags(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut in_tag = false;
    for c in html.chars() {
        match c {
            '<' => in_tag = true,
            '>' if in_tag => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

/// The little Markdown the method text uses: `###` headings, `-` and `1.` lists,
/// paragraphs. Everything is escaped.
pub fn md_html(text: &str) -> String {
    let mut out = String::new();
    let mut list: Option<&str> = None;
    let mut para: Vec<String> = Vec::new();
    let flush_para = |para: &mut Vec<String>, out: &mut String| {
        if !para.is_empty() {
            out.push_str(&format!("<p>{}</p>\n", para.join(" ")));
            para.clear();
        }
    };
    let close_list = |list: &mut Option<&str>, out: &mut String| {
        if let Some(tag) = list.take() {
            out.push_str(&format!("</{tag}>\n"));
        }
    };
    for line in text.lines() {
        let line = line.trim();
        let numbered = line
            .split_once(". ")
            .filter(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()))
            .map(|(_, rest)| rest);
        if line.is_empty() {
            flush_para(&mut para, &mut out);
            close_list(&mut list, &mut out);
        } else if let Some(h) = line.strip_prefix('#') {
            flush_para(&mut para, &mut out);
            close_list(&mut list, &mut out);
            let level = (1 + h.chars().take_while(|c| *c == '#').count()).clamp(3, 6);
            let h = h.trim_start_matches('#').trim();
            out.push_str(&format!("<h{level}>{}</h{level}>\n", svg::escape(h)));
        } else if let Some(item) = line.strip_prefix("- ").or(numbered) {
            flush_para(&mut para, &mut out);
            let tag = if numbered.is_some() { "ol" } else { "ul" };
            if list != Some(tag) {
                close_list(&mut list, &mut out);
                out.push_str(&format!("<{tag}>\n"));
                list = Some(tag);
            }
            out.push_str(&format!("<li>{}</li>\n", svg::escape(item)));
        } else {
            close_list(&mut list, &mut out);
            para.push(svg::escape(line));
        }
    }
    flush_para(&mut para, &mut out);
    close_list(&mut list, &mut out);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn md_html_knows_headings_lists_and_paragraphs_and_escapes() {
        let html = md_html(
            "Een <b>tekst</b>\nop twee regels.\n\n### Kop\n\n- a & b\n- c\n\n1. een\n2. twee",
        );
        assert_eq!(
            html,
            "<p>Een &lt;b&gt;tekst&lt;/b&gt; op twee regels.</p>\n<h3>Kop</h3>\n<ul>\n<li>a &amp; b</li>\n<li>c</li>\n</ul>\n<ol>\n<li>een</li>\n<li>twee</li>\n</ol>\n"
        );
    }

    #[test]
    fn markdown_gets_blank_lines_around_lists_and_headings() {
        assert_eq!(
            blank_around_blocks("Tekst:\n- a\n- b\nNa\n## Kop\nx\n"),
            "Tekst:\n\n- a\n- b\n\nNa\n\n## Kop\nx\n"
        );
        assert_eq!(tidy("a  \n\n\n\nb\n\n"), "a\n\nb\n");
    }

    #[test]
    fn oneline_joins_words_with_single_spaces() {
        for (input, want) in [
            ("al op een regel", "al op een regel"),
            ("", ""),
            (" ", ""),
            ("  twee  spaties ", "twee spaties"),
            ("regel\nvolgende\r\nderde", "regel volgende derde"),
            ("tab\there", "tab here"),
            ("vast\u{a0}spatie", "vast spatie"),
            ("eind ", "eind"),
            (" begin", "begin"),
            ("één… “zo”", "één… “zo”"),
            ("a\u{3000}b\u{2028}c\u{85}d\u{1680}e", "a b c d e"),
            ("coöperatie  é", "coöperatie é"),
        ] {
            assert_eq!(oneline(input.to_string()), want, "{input:?}");
            let split: Vec<&str> = input.split_whitespace().collect();
            assert_eq!(oneline(input.to_string()), split.join(" "), "{input:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn oneline_is_split_whitespace_joined(s in "[ a\t\n\u{a0}\u{2000}-\u{2030}\u{3000}éö“]{0,40}") {
            proptest::prop_assert_eq!(
                oneline(s.clone()),
                s.split_whitespace().collect::<Vec<_>>().join(" ")
            );
        }
    }
}
