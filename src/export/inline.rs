//! The small inline markup a facilitator may type in any text that reaches a report:
//! `**vet**`, `*cursief*` (or `_cursief_`), `[tekst](https://…)` links (http, https and
//! mailto only) and a paragraph break (an empty line). It is read with `pulldown-cmark`
//! and written out again as Markdown (see [`to_markdown`]) or HTML ([`to_html`]); Word
//! gets it from the Markdown.
//!
//! Everything else stays text, exactly as typed: raw HTML, images, code, other link
//! schemes (`javascript:`), entities, headings, lists, quotes, tables and code blocks are
//! never passed on. Before parsing, every line is trimmed and anything at its start that
//! could open a block is backslash-escaped, and every `&` is escaped (so `&amp;` stays
//! `&amp;`); what the parser then still finds outside the subset is put back as the
//! source text it came from. The Markdown writer escapes that text as
//! [`super::md_escape`] always has.

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};
use std::borrow::Cow;

/// One piece of a paragraph.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    /// A line break inside a paragraph (a typed newline).
    Break,
    Em(Vec<Inline>),
    Strong(Vec<Inline>),
    Link {
        url: String,
        content: Vec<Inline>,
    },
}

/// User text as paragraphs of inline pieces (no empty paragraph).
pub fn parse(text: &str) -> Vec<Vec<Inline>> {
    let clean = crate::sanitize::for_export(text);
    let mut paragraphs = Vec::new();
    let mut lines: Vec<&str> = Vec::new();
    for line in clean.lines().map(str::trim) {
        if line.is_empty() {
            if !lines.is_empty() {
                paragraphs.push(parse_paragraph(&lines));
                lines.clear();
            }
        } else {
            lines.push(line);
        }
    }
    if !lines.is_empty() {
        paragraphs.push(parse_paragraph(&lines));
    }
    paragraphs.retain(|p| !p.is_empty());
    paragraphs
}

/// Whether `text` may hold markup at all: most text does not and is passed on as plain
/// text without being parsed.
pub fn may_have_markup(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| match b {
        b'*' | b'[' | b'<' | b'\\' => true,
        // `_` between two letters or digits (as in `in_uitvoering`) is no emphasis.
        b'_' => {
            let word = |j: Option<usize>| {
                j.and_then(|j| bytes.get(j))
                    .is_some_and(|c| c.is_ascii_alphanumeric())
            };
            !(word(i.checked_sub(1)) && word(Some(i + 1)))
        }
        b'\n' => text[i + 1..]
            .split('\n')
            .next()
            .is_some_and(|l| l.trim().is_empty()),
        _ => false,
    })
}

/// A link target the report may carry: http, https or mailto, nothing else.
fn allowed_url(url: &str) -> bool {
    let lower = url.trim().to_ascii_lowercase();
    ["http://", "https://", "mailto:"]
        .iter()
        .any(|s| lower.starts_with(s) && lower.len() > s.len())
}

/// One paragraph's source for the parser: its lines, each made unable to open a block.
/// `inserted` holds the byte offsets of the backslashes added here, so that source text
/// put back (a refused link, code) shows as typed.
fn neutralize(lines: &[&str]) -> (String, Vec<usize>) {
    let mut src = String::new();
    let mut inserted = Vec::new();
    // A link reference definition's label may run over lines (`[a\nb]: url`): the
    // paragraph's first `[` is escaped when `]:` is anywhere in it.
    let definition = lines.iter().any(|l| l.contains("]:"));
    for (n, line) in lines.iter().enumerate() {
        if n > 0 {
            src.push('\n');
        }
        let line = line.replace('\t', " ");
        let escape_at = if n == 0 && definition && line.starts_with('[') {
            Some(0)
        } else {
            block_start(&line)
        };
        // Inside an autolink (`<https://…>`) a backslash is literal: nothing escaped.
        let mut autolink_end = 0;
        let chars: Vec<(usize, char)> = line.char_indices().collect();
        let alnum = |k: Option<usize>| {
            k.and_then(|k| chars.get(k))
                .is_some_and(|(_, c)| c.is_alphanumeric())
        };
        for (k, &(i, c)) in chars.iter().enumerate() {
            if c == '<'
                && let Some(len) = autolink_len(&line[i..])
            {
                autolink_end = i + len;
            }
            let in_autolink = i < autolink_end;
            // A typed `\` before a markup character escapes it, as in CommonMark
            // (`\*niet\*` is two asterisks); any other typed `\` stays `\`.
            let escapes = c == '\\'
                && chars
                    .get(k + 1)
                    .is_some_and(|(_, n)| matches!(n, '*' | '_' | '[' | ']' | '`'));
            // A run of `*` between letters or digits (`2*3*4`) is text, not emphasis.
            let intraword = c == '*' && {
                let start = chars[..k].iter().rposition(|(_, c)| *c != '*');
                let end = chars[k..]
                    .iter()
                    .position(|(_, c)| *c != '*')
                    .map(|e| k + e);
                alnum(start) && alnum(end)
            };
            // A typed `&` stays `&` (`&amp;` is no entity), a typed `\` stays `\`.
            if Some(i) == escape_at
                || intraword
                || (!in_autolink && (c == '&' || c == '\\' && !escapes))
            {
                inserted.push(src.len());
                src.push('\\');
            }
            src.push(c);
        }
    }
    (src, inserted)
}

/// The length of the autolink (`<https://…>`, `<mailto:…>`) `text` starts with, if any.
fn autolink_len(text: &str) -> Option<usize> {
    let lower = text.get(..10).unwrap_or(text).to_ascii_lowercase();
    if !["<http://", "<https://", "<mailto:"]
        .iter()
        .any(|p| lower.starts_with(p))
    {
        return None;
    }
    let end = text[1..].find(|c: char| c == '>' || c == '<' || c.is_whitespace())?;
    (text.as_bytes()[1 + end] == b'>').then_some(end + 2)
}

/// The byte offset of the character to escape so `line` opens no block, if any.
fn block_start(line: &str) -> Option<usize> {
    let mut chars = line.chars();
    let first = chars.next()?;
    let second = chars.next();
    let lower = line.to_ascii_lowercase();
    match first {
        '*' | '_' => {
            let rule = line.chars().filter(|c| *c != ' ').all(|c| c == first)
                && line.chars().filter(|c| *c == first).count() >= 3;
            (second.is_none_or(|c| c == ' ') || rule).then_some(0)
        }
        // A link reference definition `[x]: url` would swallow the line.
        '[' => line.contains("]:").then_some(0),
        '<' => (!["<http://", "<https://", "<mailto:"]
            .iter()
            .any(|p| lower.starts_with(p)))
        .then_some(0),
        '!' | '\\' => None,
        // A code span may start a line; three backticks open a fenced block.
        '`' => line.starts_with("```").then_some(0),
        c if c.is_ascii_punctuation() => Some(0),
        c if c.is_ascii_digit() => {
            let digits = line.bytes().take_while(u8::is_ascii_digit).count();
            let after = line[digits..].chars().next();
            (matches!(after, Some('.' | ')'))
                && line[digits + 1..].chars().next().is_none_or(|c| c == ' '))
            .then_some(digits)
        }
        _ => None,
    }
}

fn parse_paragraph(lines: &[&str]) -> Vec<Inline> {
    let (src, inserted) = neutralize(lines);
    // The source as typed: without the backslashes added above.
    let typed = |range: std::ops::Range<usize>| -> String {
        let mut out = String::with_capacity(range.len());
        for (i, c) in src[range.clone()].char_indices() {
            if inserted.binary_search(&(range.start + i)).is_err() {
                out.push(c);
            }
        }
        out
    };
    // Open containers: (what, pieces so far).
    enum Open {
        Root,
        Em,
        Strong,
        Link(String),
        Other,
    }
    let mut stack: Vec<(Open, Vec<Inline>)> = vec![(Open::Root, Vec::new())];
    let push = |stack: &mut Vec<(Open, Vec<Inline>)>, piece: Inline| {
        let pieces = &mut stack.last_mut().expect("root").1;
        match (pieces.last_mut(), piece) {
            (Some(Inline::Text(t)), Inline::Text(more)) => t.push_str(&more),
            (_, piece) => pieces.push(piece),
        }
    };
    let mut skip_to: Option<usize> = None;
    for (event, range) in Parser::new_ext(&src, Options::empty()).into_offset_iter() {
        if let Some(end) = skip_to {
            if range.start < end {
                continue;
            }
            skip_to = None;
        }
        match event {
            Event::Text(t) => push(&mut stack, Inline::Text(t.into_string())),
            Event::SoftBreak | Event::HardBreak => push(&mut stack, Inline::Break),
            Event::Start(Tag::Emphasis) => stack.push((Open::Em, Vec::new())),
            Event::Start(Tag::Strong) => stack.push((Open::Strong, Vec::new())),
            Event::Start(Tag::Link { dest_url, .. }) if allowed_url(&dest_url) => {
                stack.push((Open::Link(dest_url.trim().to_string()), Vec::new()))
            }
            // Kept apart from the text around it, but without markup of its own.
            Event::Start(Tag::Paragraph) => stack.push((Open::Other, Vec::new())),
            // Anything else with content (a refused link, an image): its source, as typed.
            Event::Start(Tag::Link { .. } | Tag::Image { .. }) => {
                push(&mut stack, Inline::Text(typed(range.clone())));
                skip_to = Some(range.end);
            }
            Event::End(TagEnd::Emphasis | TagEnd::Strong | TagEnd::Link | TagEnd::Paragraph) => {
                if stack.len() > 1 {
                    let (open, pieces) = stack.pop().expect("open");
                    let piece = match open {
                        Open::Em => Inline::Em(pieces),
                        Open::Strong => Inline::Strong(pieces),
                        Open::Link(url) => Inline::Link {
                            url,
                            content: pieces,
                        },
                        Open::Root | Open::Other => {
                            let parent = &stack.last().expect("root").1;
                            if !parent.is_empty() && !pieces.is_empty() {
                                push(&mut stack, Inline::Break);
                            }
                            for p in pieces {
                                push(&mut stack, p);
                            }
                            continue;
                        }
                    };
                    push(&mut stack, piece);
                }
            }
            // Code, raw HTML, a rule and whatever else: the source as typed.
            Event::Code(_) | Event::InlineHtml(_) | Event::Html(_) | Event::Rule => {
                push(&mut stack, Inline::Text(typed(range)))
            }
            Event::Start(_) | Event::End(_) => {}
            _ => push(&mut stack, Inline::Text(typed(range))),
        }
    }
    // Unclosed containers (should not happen): their pieces are kept.
    while stack.len() > 1 {
        let (_, pieces) = stack.pop().expect("open");
        for p in pieces {
            push(&mut stack, p);
        }
    }
    let mut root = stack.pop().expect("root").1;
    while root.last() == Some(&Inline::Break) {
        root.pop();
    }
    root
}

/// User text as escaped Markdown with its markup kept: lines apart by `\n`, paragraphs
/// by an empty line (the templates' filters join them as the place needs).
pub fn to_markdown(text: &str) -> Cow<'_, str> {
    if super::md_escape::unchanged(text) {
        return Cow::Borrowed(text);
    }
    if !may_have_markup(text) {
        return Cow::Owned(super::md_escape::escape(text));
    }
    let mut out = String::with_capacity(text.len() + 8);
    for (n, para) in parse(text).iter().enumerate() {
        if n > 0 {
            out.push_str("\n\n");
        }
        md_pieces(para, &mut out, true);
    }
    Cow::Owned(out)
}

fn md_pieces(pieces: &[Inline], out: &mut String, mut line_start: bool) {
    for piece in pieces {
        match piece {
            Inline::Text(t) => super::md_escape::escape_piece(t, line_start, out),
            Inline::Break => out.push('\n'),
            Inline::Em(inner) => {
                out.push('*');
                md_pieces(inner, out, false);
                out.push('*');
            }
            Inline::Strong(inner) => {
                out.push_str("**");
                md_pieces(inner, out, false);
                out.push_str("**");
            }
            Inline::Link { url, content } => {
                out.push('[');
                md_pieces(content, out, false);
                out.push_str("](");
                md_url(url, out);
                out.push(')');
            }
        }
        line_start = matches!(piece, Inline::Break);
    }
}

/// A link target inside `(…)`: nothing in it can end the link, break a table cell or be
/// read as an entity; the URL stays the same URL (`&` in a query stays `&`).
fn md_url(url: &str, out: &mut String) {
    for (i, c) in url.char_indices() {
        match c {
            // Never valid in a URL as such.
            ' ' | '<' | '>' | '"' | '`' => out.push_str(&format!("%{:02X}", c as u32)),
            '(' | ')' | '\\' | '|' => {
                out.push('\\');
                out.push(c);
            }
            // `&amp;` or `&#38;` would be read as an entity: escaped; a plain `&` is not.
            '&' if {
                let rest = &url[i + 1..];
                let name = rest
                    .bytes()
                    .take_while(|b| b.is_ascii_alphanumeric() || *b == b'#')
                    .count();
                name > 0 && rest[name..].starts_with(';')
            } =>
            {
                out.push_str("\\&")
            }
            c => out.push(c),
        }
    }
}

/// User text for the HTML report: `Ok` when it has markup (safe HTML, lines apart by
/// `<br/>`, paragraphs by two), `Err` with the plain text (lines apart by `\n`) when it
/// has none, for the template to escape as any text.
pub fn to_html(text: &str) -> Result<String, Cow<'_, str>> {
    if !may_have_markup(text) {
        return Err(Cow::Borrowed(text));
    }
    let paragraphs = parse(text);
    let plain = paragraphs.len() <= 1
        && paragraphs
            .iter()
            .flatten()
            .all(|p| matches!(p, Inline::Text(_) | Inline::Break));
    if plain {
        let mut out = String::new();
        for p in paragraphs.iter().flatten() {
            match p {
                Inline::Text(t) => out.push_str(t),
                _ => out.push('\n'),
            }
        }
        return Err(Cow::Owned(out));
    }
    let mut out = String::with_capacity(text.len() + 16);
    for (n, para) in paragraphs.iter().enumerate() {
        if n > 0 {
            out.push_str("<br/><br/>");
        }
        html_pieces(para, &mut out);
    }
    Ok(out)
}

fn html_pieces(pieces: &[Inline], out: &mut String) {
    for piece in pieces {
        match piece {
            Inline::Text(t) => out.push_str(&super::svg::escape(t)),
            Inline::Break => out.push_str("<br/>"),
            Inline::Em(inner) => {
                out.push_str("<em>");
                html_pieces(inner, out);
                out.push_str("</em>");
            }
            Inline::Strong(inner) => {
                out.push_str("<strong>");
                html_pieces(inner, out);
                out.push_str("</strong>");
            }
            Inline::Link { url, content } => {
                out.push_str("<a href=\"");
                out.push_str(&super::svg::escape(url));
                out.push_str("\">");
                html_pieces(content, out);
                out.push_str("</a>");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn md(s: &str) -> String {
        to_markdown(s).into_owned()
    }

    fn html(s: &str) -> String {
        match to_html(s) {
            Ok(h) => h,
            Err(plain) => format!("plain:{plain}"),
        }
    }

    #[test]
    fn bold_italic_and_links_are_kept() {
        assert_eq!(
            md("**Governance:** de _regio_ en *zo*"),
            "**Governance:** de *regio* en *zo*"
        );
        assert_eq!(
            html("**Governance:** de _regio_ en *zo*"),
            "<strong>Governance:</strong> de <em>regio</em> en <em>zo</em>"
        );
        assert_eq!(
            md("zie [de site](https://example.org/a_b?x=1&y=(2)&amp;z)"),
            "zie [de site](https://example.org/a_b?x=1&y=\\(2\\)\\&amp;z)"
        );
        assert_eq!(
            html("zie [de <site>](https://example.org/?x=1&y=2)"),
            "zie <a href=\"https://example.org/?x=1&amp;y=2\">de &lt;site&gt;</a>"
        );
        assert_eq!(
            html("mail <mailto:a@b.nl>"),
            "mail <a href=\"mailto:a@b.nl\">mailto:a@b.nl</a>"
        );
    }

    #[test]
    fn other_link_schemes_images_code_and_html_stay_text() {
        assert_eq!(
            md("[klik](javascript:alert(1)) ![x](http://x/y.png)"),
            "\\[klik\\](javascript:alert(1)) !\\[x\\](http://x/y.png)"
        );
        assert_eq!(
            html("[klik](javascript:alert(1)) `*c*` <b>x</b> &amp;"),
            "plain:[klik](javascript:alert(1)) `*c*` <b>x</b> &amp;"
        );
        assert_eq!(md("`*c*` <b>&amp;"), "\\`\\*c\\*\\` \\<b\\>\\&amp;");
    }

    #[test]
    fn blocks_stay_text_and_paragraph_breaks_are_kept() {
        assert_eq!(
            md("*a*\n# kop\n- lijst\n1. een\n> quote\n***\n[x]: http://y"),
            "*a*\n\\# kop\n\\- lijst\n1\\. een\n\\> quote\n\\*\\*\\*\n\\[x\\]: http://y"
        );
        assert_eq!(md("**een**\n\n\n  twee"), "**een**\n\ntwee");
        assert_eq!(html("een\n\ntwee"), "een<br/><br/>twee");
        assert_eq!(html("een\ntwee _x"), "plain:een\ntwee _x");
    }

    #[test]
    fn review_cases_definition_label_over_lines_autolink_ampersand_backslash() {
        // A link reference definition's label over two lines would swallow the quote.
        let q = "[Aanvulling van\nde wethouder]: bijlage";
        assert_eq!(md(q), "\\[Aanvulling van\nde wethouder\\]: bijlage");
        assert_eq!(html(q), "plain:[Aanvulling van\nde wethouder]: bijlage");
        // In an autolink a backslash is literal: the `&` is not escaped there.
        let a = "zie <https://a.nl/?x=1&y=2>";
        assert_eq!(
            html(a),
            "zie <a href=\"https://a.nl/?x=1&amp;y=2\">https://a.nl/?x=1&amp;y=2</a>"
        );
        // (`\\&` in the link text is Markdown's escape of `&`; the URL has none.)
        assert_eq!(
            md(a),
            "zie [https://a.nl/?x=1\\&y=2](https://a.nl/?x=1&y=2)"
        );
        // A typed backslash stays.
        assert_eq!(html("a\\b *c*"), "a\\b <em>c</em>");
        assert_eq!(md("a\\b *c*"), "a\\\\b *c*");
        // Before a markup character it escapes it, as in CommonMark: a literal `*`.
        assert_eq!(html("C:\\map\\*x*"), "plain:C:\\map*x*");
    }

    /// Tryout: `\*niet\*` gave `\niet\` with "niet\" in italics; `2*3*4` gave 234 with
    /// the 3 in italics.
    #[test]
    fn a_typed_backslash_escapes_markup_and_intraword_asterisks_stay() {
        // The HTML as the reader gets it (plain text or with markup).
        let shown = |s: &str| html(s).trim_start_matches("plain:").to_string();
        assert_eq!(md("\\*niet\\*"), "\\*niet\\*");
        assert_eq!(shown("\\*niet\\*"), "*niet*");
        assert_eq!(shown("\\_a\\_ en \\[b\\]"), "_a_ en [b]");
        assert_eq!(md("2*3*4"), "2\\*3\\*4");
        assert_eq!(shown("2*3*4 en 2**3**4"), "2*3*4 en 2**3**4");
        assert_eq!(shown("a*b*c"), "a*b*c");
        // Emphasis at word boundaries still is.
        assert_eq!(
            shown("heel *goed* en **vet**."),
            "heel <em>goed</em> en <strong>vet</strong>."
        );
        assert_eq!(shown("x *y*z"), "x *y*z");
    }

    #[test]
    fn text_without_markup_is_escaped_as_before() {
        for s in [
            "gewoon",
            "in_uitvoering",
            "a | b # c",
            "- lijst",
            "R. de Boer",
            "een\ntwee",
        ] {
            assert_eq!(md(s), super::super::md_escape::escape(s), "{s:?}");
        }
    }

    proptest::proptest! {
        /// Whatever is typed, the Markdown opens no raw HTML, no image and no link other
        /// than http(s)/mailto, and the parser reads back only the subset.
        #[test]
        fn markdown_output_holds_only_the_subset(s in "[a-z <>*_\\[\\]()!:/`&#\\-\n\\\\|]{0,40}") {
            let out = md(&s);
            for (event, _) in Parser::new_ext(&out, Options::empty()).into_offset_iter() {
                match event {
                    Event::Html(h) | Event::InlineHtml(h) => proptest::prop_assert!(false, "html {h:?} in {out:?}"),
                    Event::Start(Tag::Image { .. }) => proptest::prop_assert!(false, "image in {out:?}"),
                    Event::Start(Tag::Link { dest_url, .. }) => {
                        proptest::prop_assert!(allowed_url(&dest_url), "{dest_url} in {out:?}")
                    }
                    Event::Start(Tag::Heading { .. } | Tag::List(_) | Tag::BlockQuote(_) | Tag::CodeBlock(_)) => {
                        proptest::prop_assert!(false, "block in {out:?}")
                    }
                    Event::Code(_) | Event::Rule => proptest::prop_assert!(false, "code/rule in {out:?}"),
                    _ => {}
                }
            }
        }
    }
}
