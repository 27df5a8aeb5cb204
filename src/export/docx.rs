//! The report as a Word document (.docx, A4), made from the Markdown report: whatever the
//! Markdown template writes reaches Word in the same order, with headings, lists, quotes,
//! tables, bold, italic and links. A line `<!-- volgspot:drawing triangle -->` (or
//! `wheel`) in the Markdown becomes that drawing, as a PNG rasterised from the SVG the
//! HTML report shows (`resvg`): the same picture in both, drawn once.

use super::report::Report;
use docx_rs::{
    AbstractNumbering, AlignmentType, BreakType, Docx, Hyperlink, HyperlinkType, IndentLevel,
    Level, LevelJc, LevelOverride, LevelText, LineSpacing, NumberFormat, Numbering, NumberingId,
    PageMargin, Paragraph, Pic, Run, RunFonts, SpecialIndentType, Start, Style, StyleType, Table,
    TableCell, TableRow, WidthType,
};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// A4 in twentieths of a point, and the margins of the HTML report's print style.
const PAGE_W: u32 = 11906;
const PAGE_H: u32 = 16838;
const MARGIN_TB: i32 = 1134; // 20 mm
const MARGIN_LR: i32 = 1020; // 18 mm
const TEXT_W: usize = (PAGE_W as usize) - 2 * (MARGIN_LR as usize);
/// EMU (English Metric Units) per twip.
const EMU_PER_TWIP: u32 = 635;

/// Numbering ids (docx-rs declares its own numbering 1, decimal).
const BULLETS: usize = 10;
const DECIMAL: usize = 11;

/// A drawing ready to embed.
pub struct Image {
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
}

/// The report as .docx bytes.
pub fn write(report: &Report) -> Result<Vec<u8>, super::ExportError> {
    let md = super::render::markdown(report)?;
    // XML 1.0 has no U+FFFE and U+FFFF (controls are gone already): Word would ask to
    // repair a document holding one.
    let md: String = crate::sanitize::for_export(&md)
        .chars()
        .filter(|c| !matches!(c, '\u{fffe}' | '\u{ffff}'))
        .collect();
    let tri = super::render::word(report.lang, "triangle_figure")?;
    let wheel = super::render::word(report.lang, "wheel_figure")?;
    let drawing = |name: &str| match name {
        "triangle" => rasterise(&super::svg::triangle(&report.triangle, &tri)),
        "wheel" => rasterise(&super::svg::wheel(&report.wheel, &wheel)),
        _ => None,
    };
    from_markdown(&md, &drawing)
}

/// An SVG as a PNG at twice its size (sharp when printed). The labels need a font: the
/// system's fonts are loaded once; without any, the drawing has no labels.
pub fn rasterise(svg: &str) -> Option<Image> {
    use resvg::{tiny_skia, usvg};
    use std::sync::{Arc, OnceLock};
    static FONTS: OnceLock<(Arc<usvg::fontdb::Database>, String)> = OnceLock::new();
    let (fonts, family) = FONTS.get_or_init(|| {
        let mut db = usvg::fontdb::Database::new();
        db.load_system_fonts();
        // The drawings name no font: a sans-serif the machine has, as the HTML's.
        let have = |name: &str| {
            db.faces()
                .any(|f| f.families.iter().any(|(n, _)| n.eq_ignore_ascii_case(name)))
        };
        let family = [
            "Arial",
            "Helvetica",
            "Liberation Sans",
            "DejaVu Sans",
            "Noto Sans",
        ]
        .into_iter()
        .find(|f| have(f))
        .map(str::to_string)
        .or_else(|| {
            db.faces()
                .next()
                .and_then(|f| f.families.first())
                .map(|(n, _)| n.clone())
        })
        .unwrap_or_else(|| "sans-serif".to_string());
        db.set_sans_serif_family(family.clone());
        (Arc::new(db), family)
    });
    let options = usvg::Options {
        fontdb: fonts.clone(),
        font_family: family.clone(),
        ..usvg::Options::default()
    };
    let tree = usvg::Tree::from_str(svg, &options).ok()?;
    let scale = 2.0;
    let size = tree.size().to_int_size().scale_by(scale)?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())?;
    pixmap.fill(tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        tiny_skia::Transform::from_scale(scale, scale),
        &mut pixmap.as_mut(),
    );
    Some(Image {
        png: pixmap.encode_png().ok()?,
        width_px: size.width(),
        height_px: size.height(),
    })
}

/// The drawing named by a marker line, if `html` is one.
fn drawing_marker(html: &str) -> Option<&str> {
    html.trim()
        .strip_prefix("<!--")?
        .strip_suffix("-->")?
        .trim()
        .strip_prefix("volgspot:drawing ")
        .map(str::trim)
}

struct ListCtx {
    numbering: usize,
    first_paragraph: bool,
}

struct TableCtx {
    rows: Vec<TableRow>,
    cells: Vec<TableCell>,
    cell: Vec<Paragraph>,
    head: bool,
    columns: usize,
}

struct Builder<'a> {
    doc: Docx,
    para: Option<Paragraph>,
    heading: Option<HeadingLevel>,
    bold: u32,
    italic: u32,
    code: bool,
    link: Option<(String, Vec<Run>)>,
    lists: Vec<ListCtx>,
    quote: u32,
    table: Option<TableCtx>,
    next_numbering: usize,
    images: usize,
    drawing: &'a dyn Fn(&str) -> Option<Image>,
}

/// Markdown (CommonMark with tables) as .docx bytes. `drawing` gives the image for a
/// marker line `<!-- volgspot:drawing NAME -->`; other raw HTML is left out.
pub fn from_markdown(
    md: &str,
    drawing: &dyn Fn(&str) -> Option<Image>,
) -> Result<Vec<u8>, super::ExportError> {
    let mut b = Builder {
        doc: document(),
        para: None,
        heading: None,
        bold: 0,
        italic: 0,
        code: false,
        link: None,
        lists: Vec::new(),
        quote: 0,
        table: None,
        next_numbering: 20,
        images: 0,
        drawing,
    };
    for event in Parser::new_ext(md, Options::ENABLE_TABLES) {
        b.event(event);
    }
    b.flush();
    let mut xml = b.doc.build();
    xml.document = unique_drawing_ids(&xml.document);
    let mut out = std::io::Cursor::new(Vec::new());
    xml.pack(&mut out)
        .map_err(|e| super::ExportError::Docx(e.to_string()))?;
    Ok(out.into_inner())
}

/// docx-rs gives every drawing the id 1; Word may ask to repair a document whose
/// drawings share an id, so each gets its own (1, 2, …).
fn unique_drawing_ids(document: &[u8]) -> Vec<u8> {
    const MARK: &[u8] = b"<wp:docPr id=\"1\"";
    let mut out = Vec::with_capacity(document.len() + 16);
    let mut rest = document;
    let mut n = 0;
    while let Some(at) = memchr::memmem::find(rest, MARK) {
        n += 1;
        out.extend_from_slice(&rest[..at]);
        out.extend_from_slice(format!("<wp:docPr id=\"{n}\"").as_bytes());
        rest = &rest[at + MARK.len()..];
    }
    out.extend_from_slice(rest);
    out
}

fn document() -> Docx {
    let heading = |id: &str, name: &str, size: usize, level: usize| {
        Style::new(id, StyleType::Paragraph)
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color("1F3A68")
            .outline_lvl(level)
            .line_spacing(LineSpacing::new().before(240).after(80))
    };
    // One list level: its number format and text, indented by its depth.
    let list_level = |level: usize, format: &str, text: String| {
        Level::new(
            level,
            Start::new(1),
            NumberFormat::new(format),
            LevelText::new(text),
            LevelJc::new("left"),
        )
        .indent(
            Some(360 * (level as i32 + 1)),
            Some(SpecialIndentType::Hanging(360)),
            None,
            None,
        )
    };
    let bullet = |level: usize| {
        let mark = if level.is_multiple_of(2) {
            "•"
        } else {
            "◦"
        };
        list_level(level, "bullet", mark.to_string())
    };
    let decimal = |level: usize| list_level(level, "decimal", format!("%{}.", level + 1));
    let mut bullets = AbstractNumbering::new(BULLETS);
    let mut numbers = AbstractNumbering::new(DECIMAL);
    for level in 0..9 {
        bullets = bullets.add_level(bullet(level));
        numbers = numbers.add_level(decimal(level));
    }
    Docx::new()
        .page_size(PAGE_W, PAGE_H)
        .page_margin(
            PageMargin::new()
                .top(MARGIN_TB)
                .bottom(MARGIN_TB)
                .left(MARGIN_LR)
                .right(MARGIN_LR),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .east_asia("Calibri")
                .cs("Calibri"),
        )
        .default_size(22)
        // Some air after each paragraph (6 pt), as the HTML's.
        .default_line_spacing(LineSpacing::new().after(120))
        .add_style(heading("Heading1", "heading 1", 36, 0))
        .add_style(heading("Heading2", "heading 2", 28, 1))
        .add_style(heading("Heading3", "heading 3", 24, 2))
        .add_style(heading("Heading4", "heading 4", 22, 3))
        .add_style(
            Style::new("Quote", StyleType::Paragraph)
                .name("Quote")
                .based_on("Normal")
                .next("Normal")
                .q_format(true)
                .italic()
                .color("333333")
                .indent(Some(567), None, Some(567), None),
        )
        .add_abstract_numbering(bullets)
        .add_abstract_numbering(numbers)
        .add_numbering(Numbering::new(BULLETS, BULLETS))
        .add_numbering(Numbering::new(DECIMAL, DECIMAL))
}

impl Builder<'_> {
    fn event(&mut self, event: Event) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(tag) => self.end(tag),
            Event::Text(t) => self.text(&t),
            Event::Code(t) => {
                self.code = true;
                self.text(&t);
                self.code = false;
            }
            Event::SoftBreak => self.text(" "),
            Event::HardBreak => {
                let run = Run::new().add_break(BreakType::TextWrapping);
                self.run(run);
            }
            Event::Html(html) | Event::InlineHtml(html) => {
                if let Some(name) = drawing_marker(&html) {
                    self.image(name);
                }
            }
            Event::Rule => self.flush(),
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag) {
        match tag {
            Tag::Paragraph => self.flush(),
            Tag::Heading { level, .. } => {
                self.flush();
                self.heading = Some(level);
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.quote += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.code = true;
            }
            Tag::List(start) => {
                self.flush();
                let numbering = match start {
                    None => BULLETS,
                    Some(first) => {
                        // Each numbered list counts from its own start.
                        let id = self.next_numbering;
                        self.next_numbering += 1;
                        let doc = std::mem::take(&mut self.doc);
                        self.doc = doc.add_numbering(
                            Numbering::new(id, DECIMAL).add_override(
                                LevelOverride::new(self.lists.len())
                                    .start(first.try_into().unwrap_or(1)),
                            ),
                        );
                        id
                    }
                };
                self.lists.push(ListCtx {
                    numbering,
                    first_paragraph: false,
                });
            }
            Tag::Item => {
                self.flush();
                if let Some(l) = self.lists.last_mut() {
                    l.first_paragraph = true;
                }
            }
            Tag::Table(alignments) => {
                self.flush();
                self.table = Some(TableCtx {
                    rows: Vec::new(),
                    cells: Vec::new(),
                    cell: Vec::new(),
                    head: false,
                    columns: alignments.len().max(1),
                });
            }
            Tag::TableHead => {
                if let Some(t) = &mut self.table {
                    t.head = true;
                }
            }
            Tag::TableRow | Tag::TableCell => {}
            Tag::Emphasis => self.italic += 1,
            Tag::Strong => self.bold += 1,
            Tag::Link { dest_url, .. } => {
                self.link = Some((dest_url.to_string(), Vec::new()));
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph => self.flush(),
            TagEnd::Heading(_) => {
                self.flush();
                self.heading = None;
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.quote = self.quote.saturating_sub(1);
            }
            TagEnd::CodeBlock => {
                self.flush();
                self.code = false;
            }
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => self.flush(),
            TagEnd::TableCell => {
                self.flush();
                if let Some(t) = &mut self.table {
                    let mut cell = TableCell::new().width(TEXT_W / t.columns, WidthType::Dxa);
                    let paragraphs = std::mem::take(&mut t.cell);
                    if paragraphs.is_empty() {
                        // Word wants a paragraph in every cell.
                        cell = cell.add_paragraph(Paragraph::new());
                    }
                    for p in paragraphs {
                        cell = cell.add_paragraph(p);
                    }
                    t.cells.push(cell);
                }
            }
            TagEnd::TableHead | TagEnd::TableRow => {
                if let Some(t) = &mut self.table {
                    let mut cells = std::mem::take(&mut t.cells);
                    while cells.len() < t.columns {
                        cells.push(
                            TableCell::new()
                                .width(TEXT_W / t.columns, WidthType::Dxa)
                                .add_paragraph(Paragraph::new()),
                        );
                    }
                    t.rows.push(TableRow::new(cells));
                    t.head = false;
                }
            }
            TagEnd::Table => {
                if let Some(t) = self.table.take() {
                    let table = Table::new(t.rows)
                        .set_grid(vec![TEXT_W / t.columns; t.columns])
                        .width(TEXT_W, WidthType::Dxa);
                    let doc = std::mem::take(&mut self.doc);
                    self.doc = doc.add_table(table);
                }
            }
            TagEnd::Emphasis => self.italic = self.italic.saturating_sub(1),
            TagEnd::Strong => self.bold = self.bold.saturating_sub(1),
            TagEnd::Link => {
                if let Some((url, runs)) = self.link.take() {
                    let allowed = ["http://", "https://", "mailto:"]
                        .iter()
                        .any(|s| url.to_ascii_lowercase().starts_with(s));
                    let para = self.paragraph();
                    *para = if allowed {
                        let mut link = Hyperlink::new(url, HyperlinkType::External);
                        for r in runs {
                            link = link.add_run(r);
                        }
                        std::mem::take(para).add_hyperlink(link)
                    } else {
                        runs.into_iter()
                            .fold(std::mem::take(para), |p, r| p.add_run(r))
                    };
                }
            }
            _ => {}
        }
    }

    fn text(&mut self, text: &str) {
        let mut run = Run::new().add_text(text);
        if self.bold > 0 || self.table.as_ref().is_some_and(|t| t.head) {
            run = run.bold();
        }
        if self.italic > 0 {
            run = run.italic();
        }
        if self.code {
            run = run.fonts(RunFonts::new().ascii("Consolas").hi_ansi("Consolas"));
        }
        if self.link.is_some() {
            run = run.color("0563C1").underline("single");
        }
        self.run(run);
    }

    fn run(&mut self, run: Run) {
        if let Some((_, runs)) = &mut self.link {
            runs.push(run);
            return;
        }
        let para = self.paragraph();
        *para = std::mem::take(para).add_run(run);
    }

    /// The paragraph being written, opened with the style of where it stands.
    fn paragraph(&mut self) -> &mut Paragraph {
        if self.para.is_none() {
            let mut p = Paragraph::new();
            if let Some(level) = self.heading {
                let n = (level as usize).min(4);
                p = p.style(&format!("Heading{n}")).keep_next(true);
            } else if self.quote > 0 {
                p = p.style("Quote");
            }
            let depth = self.lists.len();
            if let Some(l) = self.lists.last_mut() {
                if l.first_paragraph {
                    l.first_paragraph = false;
                    p = p
                        .numbering(NumberingId::new(l.numbering), IndentLevel::new(depth - 1))
                        .line_spacing(LineSpacing::new().after(40));
                } else {
                    p = p.indent(Some(360 * depth as i32), None, None, None);
                }
            }
            self.para = Some(p);
        }
        self.para.as_mut().expect("just opened")
    }

    /// Ends the paragraph being written (if any) into the document or the table cell.
    fn flush(&mut self) {
        let Some(p) = self.para.take() else {
            return;
        };
        self.push(p);
    }

    fn push(&mut self, p: Paragraph) {
        if let Some(t) = &mut self.table {
            t.cell.push(p);
        } else {
            let doc = std::mem::take(&mut self.doc);
            self.doc = doc.add_paragraph(p);
        }
    }

    fn image(&mut self, name: &str) {
        self.flush();
        let Some(img) = (self.drawing)(name) else {
            return;
        };
        self.images += 1;
        // At most the text width, never larger than drawn (the PNG is twice the SVG).
        let max_w = TEXT_W as u32 * EMU_PER_TWIP;
        let w = (img.width_px / 2).saturating_mul(9525).min(max_w).max(1);
        let h = (u64::from(w) * u64::from(img.height_px) / u64::from(img.width_px.max(1))) as u32;
        let pic = Pic::new_with_dimensions(img.png, img.width_px, img.height_px)
            .id(format!("rIdImage{}", self.images))
            .size(w, h);
        let p = Paragraph::new()
            .align(AlignmentType::Center)
            .add_run(Run::new().add_image(pic));
        self.push(p);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_name_their_drawing() {
        assert_eq!(
            drawing_marker("<!-- volgspot:drawing wheel -->\n"),
            Some("wheel")
        );
        assert_eq!(drawing_marker("<!-- iets anders -->"), None);
    }
}
