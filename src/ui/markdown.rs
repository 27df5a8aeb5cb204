//! The report's Markdown as screen rows, read the way the Word export reads it (with
//! pulldown-cmark, see `export::docx`): headings, bold and italic as modifiers, lists
//! with their bullets and numbers, block quotes, links as their text and target,
//! paragraph breaks inside items, tables laid out in columns. The previews (Rapport,
//! Samenvatting) render the escaped Markdown the export writes, so `*cursief*` shows in
//! italics without its stars and a typed `# niet een kop` shows as typed, as in the
//! md, html and docx.

use super::theme::Theme;
use pulldown_cmark::{Alignment, Event, HeadingLevel, Options, Parser, Tag, TagEnd};
use ratatui::prelude::*;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

/// What the Word export reads: CommonMark with tables.
const OPTIONS: Options = Options::ENABLE_TABLES;

/// Rows and where each heading starts.
pub type Rendered = std::rc::Rc<(Vec<Line<'static>>, Vec<(usize, String)>)>;

type CacheEntry = (std::rc::Rc<str>, usize, usize, Theme, Rendered);

thread_local! {
    /// The last few renderings (the Samenvatting's, the Rapport's): a preview is drawn
    /// every frame but changes only with the session, the width or the theme.
    static CACHE: std::cell::RefCell<Vec<CacheEntry>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// [`rows`] of `markdown[from..]`, kept while the same preview text (the very `Rc`),
/// start, width and theme are asked for again.
pub fn rows_cached(
    markdown: &std::rc::Rc<str>,
    from: usize,
    width: usize,
    theme: &Theme,
) -> Rendered {
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some(i) = cache.iter().position(|(m, f, w, t, _)| {
            std::rc::Rc::ptr_eq(m, markdown) && *f == from && *w == width && t == theme
        }) {
            let hit = cache.remove(i);
            let rendered = hit.4.clone();
            cache.push(hit);
            return rendered;
        }
        let rendered: Rendered =
            std::rc::Rc::new(rows(markdown.get(from..).unwrap_or(""), width, theme));
        if cache.len() >= 4 {
            cache.remove(0);
        }
        cache.push((
            markdown.clone(),
            from,
            width,
            theme.clone(),
            rendered.clone(),
        ));
        rendered
    })
}

/// The Markdown as rows `width` wide, and where each heading starts (row, heading text
/// as [`heading_text`] gives it).
pub fn rows(
    markdown: &str,
    width: usize,
    theme: &Theme,
) -> (Vec<Line<'static>>, Vec<(usize, String)>) {
    let mut r = Renderer {
        theme,
        width: width.max(1),
        out: Vec::new(),
        headings: Vec::new(),
        spans: Vec::new(),
        bold: 0,
        italic: 0,
        links: Vec::new(),
        heading: None,
        quote: 0,
        lists: Vec::new(),
        marker: None,
        table: None,
    };
    for (event, range) in Parser::new_ext(markdown, OPTIONS).into_offset_iter() {
        if let Event::End(TagEnd::Heading(_)) = event {
            // Before the heading's rows: the row it starts on.
            let at = r.out.len();
            r.headings.push((
                at,
                heading_text(markdown[range.clone()].lines().next().unwrap_or("")),
            ));
        }
        r.event(event);
    }
    r.flush();
    (r.out, r.headings)
}

/// A Markdown heading's text as it reads: `## Analyse\-driehoek` → `Analyse-driehoek`.
pub fn heading_text(line: &str) -> String {
    plain(line.trim().trim_start_matches('#').trim())
}

/// One line of the Markdown as plain text (for the room, which reads line by line): a
/// list marker at its start kept as it is, the rest read as inline Markdown (escapes
/// resolved, emphasis markers dropped, a link as its text and target), a hard break's
/// backslash at its end dropped.
pub fn plain(line: &str) -> String {
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let marker = if line.starts_with("- ") {
        2
    } else if digits > 0 && line[digits..].starts_with(". ") {
        digits + 2
    } else {
        0
    };
    let (marker, rest) = line.split_at(marker);
    let backslashes = rest.len() - rest.trim_end_matches('\\').len();
    let rest = if backslashes % 2 == 1 {
        &rest[..rest.len() - 1]
    } else {
        rest
    };
    let mut out = marker.to_string();
    // Most lines hold nothing Markdown reads inline: as they are (the room reads every
    // line of the report at every frame).
    if !rest.contains(['\\', '*', '_', '[', ']', '<', '>', '&', '`']) {
        out.push_str(rest.trim());
        return out;
    }
    let mut links: Vec<(String, usize)> = Vec::new();
    for event in Parser::new_ext(rest.trim_start(), Options::empty()) {
        match event {
            Event::Text(t) | Event::Code(t) => out.push_str(&t),
            Event::SoftBreak | Event::HardBreak => out.push(' '),
            Event::Start(Tag::Link { dest_url, .. }) => {
                links.push((dest_url.to_string(), out.len()))
            }
            Event::End(TagEnd::Link) => {
                if let Some((url, from)) = links.pop() {
                    let text = out[from..].to_string();
                    if shows_target(&text, &url) {
                        out.push_str(&format!(" ({url})"));
                    }
                }
            }
            _ => {}
        }
    }
    out
}

/// Whether a link's target says more than its text (`<https://x.nl>` does not).
fn shows_target(text: &str, url: &str) -> bool {
    let text = text.trim();
    text != url && url.strip_prefix("mailto:") != Some(text)
}

struct ListCtx {
    /// The next number; None: bullets.
    next: Option<u64>,
    /// The column the items' text starts at.
    indent: usize,
}

struct TableCtx {
    rows: Vec<Vec<String>>,
    row: Vec<String>,
    cell: String,
    right: Vec<bool>,
}

struct Renderer<'t> {
    theme: &'t Theme,
    width: usize,
    out: Vec<Line<'static>>,
    headings: Vec<(usize, String)>,
    /// The text of the block being read, with its styles; `\n` is a line break.
    spans: Vec<(String, Style)>,
    bold: u32,
    italic: u32,
    /// Open links: target, and where their text starts in `spans`.
    links: Vec<(String, usize)>,
    heading: Option<HeadingLevel>,
    quote: usize,
    lists: Vec<ListCtx>,
    /// The bullet or number of an item whose first row is still to come.
    marker: Option<String>,
    table: Option<TableCtx>,
}

impl Renderer<'_> {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) | Event::Code(t) => self.text(&t),
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => self.text("\n"),
            Event::Rule => {
                self.flush();
                self.gap();
                self.out
                    .push(Line::styled("─".repeat(self.width), self.theme.dim));
            }
            // Raw HTML never comes from user text (it is escaped); the Word export's
            // drawing markers are not for the screen.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => {
                self.flush();
                self.gap();
            }
            Tag::Heading { level, .. } => {
                self.flush();
                self.gap();
                self.heading = Some(level);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.gap();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.gap();
            }
            Tag::List(first) => {
                self.flush();
                if self.lists.is_empty() {
                    self.gap();
                }
                let indent = self.lists.last().map_or(0, |l| l.indent);
                self.lists.push(ListCtx {
                    next: first,
                    indent,
                });
            }
            Tag::Item => {
                self.flush();
                let parent = self
                    .lists
                    .len()
                    .checked_sub(2)
                    .map_or(0, |i| self.lists[i].indent);
                if let Some(list) = self.lists.last_mut() {
                    let marker = match &mut list.next {
                        Some(n) => {
                            let m = format!("{n}. ");
                            *n += 1;
                            m
                        }
                        None => "• ".to_string(),
                    };
                    list.indent = parent + marker.width();
                    self.marker = Some(marker);
                }
            }
            Tag::Table(alignments) => {
                self.flush();
                self.gap();
                self.table = Some(TableCtx {
                    rows: Vec::new(),
                    row: Vec::new(),
                    cell: String::new(),
                    right: alignments.iter().map(|a| *a == Alignment::Right).collect(),
                });
            }
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Link { dest_url, .. } => {
                let at = match &self.table {
                    Some(t) => t.cell.len(),
                    None => self.spans.len(),
                };
                self.links.push((dest_url.to_string(), at));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::CodeBlock => self.flush(),
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                // An empty item still shows its bullet.
                if self.marker.is_some() {
                    self.spans.push((String::new(), self.theme.text));
                    self.flush();
                }
            }
            TagEnd::TableCell => {
                if let Some(t) = &mut self.table {
                    let cell = std::mem::take(&mut t.cell);
                    t.row.push(cell.trim().to_string());
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let row = std::mem::take(&mut t.row);
                    t.rows.push(row);
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let rows = table_rows(t.rows, &t.right, self.width, self.theme);
                    self.out.extend(rows);
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Link => self.end_link(),
            _ => {}
        }
    }

    /// A link's target after its text, when it says more than the text.
    fn end_link(&mut self) {
        let Some((url, at)) = self.links.pop() else {
            return;
        };
        if let Some(t) = &mut self.table {
            let text = t.cell.get(at..).unwrap_or("").to_string();
            if shows_target(&text, &url) {
                t.cell.push_str(&format!(" ({url})"));
            }
            return;
        }
        let text: String = self.spans[at.min(self.spans.len())..]
            .iter()
            .map(|(s, _)| s.as_str())
            .collect();
        if shows_target(&text, &url) {
            let style = self.style();
            self.spans.push((" ".to_string(), style));
            self.spans.push((format!("({url})"), self.theme.dim));
        }
    }

    fn style(&self) -> Style {
        let mut style = match self.heading {
            Some(HeadingLevel::H1) => self.theme.header,
            Some(HeadingLevel::H2) => self.theme.label.add_modifier(Modifier::UNDERLINED),
            Some(_) => self.theme.label,
            None => self.theme.text,
        };
        if self.quote > 0 || self.italic > 0 {
            style = style.add_modifier(Modifier::ITALIC);
        }
        if self.bold > 0 {
            style = style.add_modifier(Modifier::BOLD);
        }
        if !self.links.is_empty() {
            style = style.add_modifier(Modifier::UNDERLINED);
        }
        style
    }

    fn text(&mut self, text: &str) {
        let text = crate::sanitize::visible(text);
        if let Some(t) = &mut self.table {
            t.cell.push_str(&text.replace('\n', " "));
            return;
        }
        let style = self.style();
        self.spans.push((text.into_owned(), style));
    }

    /// A blank row between blocks (not at the top, not twice, not before an item's
    /// first row).
    fn gap(&mut self) {
        let blank = self.out.last().is_none_or(|l| l.width() == 0);
        if !blank && self.marker.is_none() {
            self.out.push(Line::raw(""));
        }
    }

    /// The block read so far as rows: quote bars and the item's indent before each, the
    /// item's bullet or number before the first.
    fn flush(&mut self) {
        if self.spans.is_empty() {
            return;
        }
        let spans = std::mem::take(&mut self.spans);
        let bars = "│ ".repeat(self.quote);
        let indent = self.lists.last().map_or(0, |l| l.indent);
        let mut first: Vec<Span<'static>> = Vec::new();
        let mut rest: Vec<Span<'static>> = Vec::new();
        if !bars.is_empty() {
            first.push(Span::styled(bars.clone(), self.theme.dim));
            rest.push(Span::styled(bars, self.theme.dim));
        }
        match self.marker.take() {
            Some(marker) => {
                let pad = indent.saturating_sub(marker.width());
                first.push(Span::styled(
                    format!("{}{marker}", " ".repeat(pad)),
                    self.theme.label,
                ));
            }
            None if indent > 0 => first.push(Span::raw(" ".repeat(indent))),
            None => {}
        }
        if indent > 0 {
            rest.push(Span::raw(" ".repeat(indent)));
        }
        self.out.extend(wrap(&spans, self.width, first, rest));
    }
}

/// Styled text wrapped at spaces to `width` columns (a word longer than a row is cut),
/// `first` before the first row and `rest` before the others; `\n` breaks a row.
fn wrap(
    spans: &[(String, Style)],
    width: usize,
    first: Vec<Span<'static>>,
    rest: Vec<Span<'static>>,
) -> Vec<Line<'static>> {
    enum Token {
        Word(Vec<(String, Style)>),
        Space(Style),
        Break,
    }
    let mut tokens: Vec<Token> = Vec::new();
    let mut word: Vec<(String, Style)> = Vec::new();
    for (text, style) in spans {
        for c in text.chars() {
            if c == ' ' || c == '\n' {
                if !word.is_empty() {
                    tokens.push(Token::Word(std::mem::take(&mut word)));
                }
                tokens.push(if c == ' ' {
                    Token::Space(*style)
                } else {
                    Token::Break
                });
                continue;
            }
            match word.last_mut() {
                Some((w, s)) if s == style => w.push(c),
                _ => word.push((c.to_string(), *style)),
            }
        }
    }
    if !word.is_empty() {
        tokens.push(Token::Word(word));
    }
    let prefix_width = |p: &[Span]| p.iter().map(Span::width).sum::<usize>();
    let start = prefix_width(&rest);
    let width = width.max(start + 4);
    let mut out = Vec::new();
    let mut line = first;
    let mut used = prefix_width(&line);
    let mut empty = true;
    let mut space: Option<Style> = None;
    let push = |spans: &mut Vec<Span<'static>>, text: &str, style: Style| match spans.last_mut() {
        Some(last) if last.style == style => last.content.to_mut().push_str(text),
        _ => spans.push(Span::styled(text.to_string(), style)),
    };
    for token in tokens {
        match token {
            Token::Space(style) => space = Some(space.unwrap_or(style)),
            Token::Break => {
                out.push(Line::from(std::mem::replace(&mut line, rest.clone())));
                used = start;
                empty = true;
                space = None;
            }
            Token::Word(parts) => {
                let w: usize = parts.iter().map(|(t, _)| t.width()).sum();
                let sep = usize::from(!empty && space.is_some());
                if !empty && used + sep + w > width {
                    out.push(Line::from(std::mem::replace(&mut line, rest.clone())));
                    used = start;
                } else if sep == 1 {
                    // A space between two link words is not underlined.
                    let style = space.unwrap_or_default();
                    push(&mut line, " ", style.remove_modifier(Modifier::UNDERLINED));
                    used += 1;
                }
                space = None;
                let fits = used + w <= width;
                for (text, style) in parts {
                    if fits {
                        push(&mut line, &text, style);
                        used += text.width();
                        continue;
                    }
                    // Longer than a row: cut by width.
                    for c in text.chars() {
                        let cw = c.width().unwrap_or(0);
                        if used + cw > width && used > start {
                            out.push(Line::from(std::mem::replace(&mut line, rest.clone())));
                            used = start;
                        }
                        push(&mut line, &c.to_string(), style);
                        used += cw;
                    }
                }
                empty = false;
            }
        }
    }
    out.push(Line::from(line));
    out
}

/// The plain width of a string, for the table layout.
fn cell_width(s: &str) -> usize {
    s.width()
}

/// A table as aligned columns (the last one wrapped); when even that does not fit, one
/// "Kop: waarde · Kop: waarde" item per row.
fn table_rows(
    mut table: Vec<Vec<String>>,
    right: &[bool],
    width: usize,
    theme: &Theme,
) -> Vec<Line<'static>> {
    let cols = table.iter().map(Vec::len).max().unwrap_or(0);
    if cols == 0 {
        return Vec::new();
    }
    for row in &mut table {
        row.resize(cols, String::new());
    }
    let widths: Vec<usize> = (0..cols)
        .map(|c| table.iter().map(|r| cell_width(&r[c])).max().unwrap_or(0))
        .collect();
    const GAP: usize = 2;
    let lead: usize = widths.iter().take(cols - 1).map(|w| w + GAP).sum();
    let style = |i: usize| if i == 0 { theme.label } else { theme.text };
    let plain_wrap = |text: &str, width: usize, indent: usize| -> Vec<String> {
        wrap(
            &[(text.to_string(), Style::default())],
            width,
            Vec::new(),
            {
                if indent > 0 {
                    vec![Span::raw(" ".repeat(indent))]
                } else {
                    Vec::new()
                }
            },
        )
        .into_iter()
        .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
        .collect()
    };
    if lead + 12.min(widths[cols - 1]).max(1) <= width {
        let last = width - lead;
        let mut out = Vec::new();
        for (i, row) in table.iter().enumerate() {
            let mut prefix = String::new();
            for (c, cell) in row.iter().enumerate().take(cols - 1) {
                let pad = " ".repeat(widths[c] - cell_width(cell));
                if right.get(c).copied().unwrap_or(false) {
                    prefix.push_str(&pad);
                    prefix.push_str(cell);
                } else {
                    prefix.push_str(cell);
                    prefix.push_str(&pad);
                }
                prefix.push_str(&" ".repeat(GAP));
            }
            let end = &row[cols - 1];
            // A right-aligned last column is numbers: padded, not wrapped.
            let parts = if right.get(cols - 1).copied().unwrap_or(false) && end.width() <= last {
                let pad = widths[cols - 1].min(last).saturating_sub(end.width());
                vec![format!("{}{end}", " ".repeat(pad))]
            } else {
                plain_wrap(end, last, 0)
            };
            for (k, part) in parts.into_iter().enumerate() {
                let head = if k == 0 {
                    prefix.clone()
                } else {
                    " ".repeat(lead)
                };
                out.push(Line::styled(
                    format!("{head}{part}").trim_end().to_string(),
                    style(i),
                ));
            }
        }
        return out;
    }
    let Some((header, body)) = table.split_first() else {
        return Vec::new();
    };
    body.iter()
        .flat_map(|row| {
            let text = header
                .iter()
                .zip(row)
                .filter(|(_, v)| !v.is_empty())
                .map(|(h, v)| {
                    if h.is_empty() {
                        v.clone()
                    } else {
                        format!("{h}: {v}")
                    }
                })
                .collect::<Vec<_>>()
                .join(" · ");
            plain_wrap(&format!("• {text}"), width, 2)
                .into_iter()
                .map(|r| Line::styled(r, theme.text))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(lines: &[Line]) -> Vec<String> {
        lines
            .iter()
            .map(|l| l.spans.iter().map(|s| s.content.as_ref()).collect())
            .collect()
    }

    #[test]
    fn plain_reads_a_line_as_it_prints() {
        assert_eq!(plain("\\# niet een kop"), "# niet een kop");
        assert_eq!(plain("1\\. niet een lijst"), "1. niet een lijst");
        assert_eq!(
            plain("- **Governance:** *zo* en \\\\"),
            "- Governance: zo en \\"
        );
        assert_eq!(plain("2. [site](https://x.nl)"), "2. site (https://x.nl)");
        assert_eq!(plain("<https://x.nl>"), "https://x.nl");
        assert_eq!(plain("eerste regel\\"), "eerste regel");
        assert_eq!(heading_text("## 2\\. HET *WAT*"), "2. HET WAT");
    }

    #[test]
    fn lists_quotes_and_breaks_are_laid_out_with_their_markers() {
        let theme = Theme::dark();
        let md = "Lead:\n\n1. een item dat lang genoeg is om af te breken\\\n  tweede alinea\n2. twee\n\n> geciteerd\n\n- a\n";
        let (rows, _) = rows(md, 20, theme);
        assert_eq!(
            text(&rows),
            [
                "Lead:",
                "",
                "1. een item dat lang",
                "   genoeg is om af",
                "   te breken",
                "   tweede alinea",
                "2. twee",
                "",
                "│ geciteerd",
                "",
                "• a",
            ]
        );
    }

    #[test]
    fn a_paragraph_break_inside_an_item_stays_in_the_item() {
        let md = format!(
            "- {}\n- {}\n",
            crate::export::md_escape::item_lines("eerste alinea\n\ntweede alinea"),
            crate::export::md_escape::item_lines("regel\nvolgende")
        );
        let (rows, _) = rows(&md, 40, Theme::dark());
        assert_eq!(
            text(&rows),
            [
                "• eerste alinea",
                "",
                "  tweede alinea",
                "• regel",
                "  volgende"
            ]
        );
    }
}
