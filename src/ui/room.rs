//! The room's window (`volgspot zaal`): built for the back of a meeting room. Big text
//! for the few things that matter (the screen, the agenda block and its minutes left,
//! the current corner's items, the wheel's phases, the intentions with their
//! kartrekkers), solid markers instead of Braille, no key footer, the publieksversie of
//! the Samenvatting, names only with the privacy switch (F8) on the facilitator's side.
//! Every cell gets the theme's background.

use super::theme::Theme;
use crate::app::{App, SessionView};
use crate::i18n::fill;
use crate::model::agenda::{ClockState, state};
use crate::sanitize::visible_line;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

/// Whether the terminal lacks Unicode drawing (see [`super::ascii::terminal`]).
pub fn ascii_terminal() -> bool {
    super::ascii::terminal()
}

/// What the room knows about its contact with the facilitator's window.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Contact {
    Following,
    /// Never heard from the facilitator's window.
    Waiting,
    /// Lost since this time (`14:03:05`).
    LostSince(String),
}

/// The markers: a solid block (or `#` without Unicode drawing).
/// The start of one row of a room list: its marker and its text, the chosen row
/// highlighted, the others bold (read from the back of the room).
fn row(theme: &Theme, ascii: bool, on: bool, text: String) -> Vec<Span<'static>> {
    let style = if on {
        theme.selected
    } else {
        theme.text.add_modifier(Modifier::BOLD)
    };
    vec![
        Span::styled(marker(ascii, on), theme.label),
        Span::styled(text, style),
    ]
}

fn marker(ascii: bool, on: bool) -> &'static str {
    match (ascii, on) {
        (false, true) => "█ ",
        (false, false) => "▌ ",
        (true, true) => "# ",
        (true, false) => "- ",
    }
}

/// The theme's base with a background always set: the room owns every cell.
pub fn base(theme: &Theme) -> Style {
    let b = theme.background;
    if b.bg.is_some() {
        b
    } else {
        b.bg(Color::Black).fg(b.fg.unwrap_or(Color::White))
    }
}

fn big(frame: &mut Frame, area: Rect, text: &str, style: Style, ascii: bool) -> u16 {
    let w = text.width() as u16;
    let size = if ascii {
        // Without Unicode drawing only full-size pixels survive the fold (to `#`).
        (w * 8 <= area.width && area.height >= 40).then_some((PixelSize::Full, 8))
    } else if w * 8 <= area.width && area.height >= 40 {
        Some((PixelSize::Full, 8))
    } else if w * 8 <= area.width && area.height >= 20 {
        Some((PixelSize::HalfHeight, 4))
    } else if w * 4 <= area.width && area.height >= 20 {
        Some((PixelSize::Quadrant, 4))
    } else {
        None
    };
    match size {
        Some((px, h)) => {
            let r = Rect { height: h, ..area };
            frame.render_widget(
                BigText::builder()
                    .pixel_size(px)
                    .style(style)
                    .lines(vec![text.to_string().into()])
                    .centered()
                    .build(),
                r,
            );
            h
        }
        None => {
            let r = Rect { height: 1, ..area };
            frame.render_widget(
                Paragraph::new(text.to_string())
                    .style(style.add_modifier(Modifier::BOLD))
                    .centered(),
                r,
            );
            1
        }
    }
}

/// "nog 12 min" / "2 min te lang", whole minutes rounded up as everywhere.
pub fn minutes_line(app: &App, s: &SessionView) -> (String, String) {
    let t = app.t;
    let r = t.room;
    let agenda = &s.doc.agenda;
    let title = |i: usize| {
        agenda
            .blocks
            .get(i)
            .map(|b| visible_line(&b.title).into_owned())
            .unwrap_or_default()
    };
    let mins = super::widgets::timer::whole_minutes;
    match state(agenda, app.now) {
        ClockState::NotStarted => (String::new(), r.clock_not_started.to_string()),
        ClockState::Finished { .. } => (String::new(), r.agenda_done.to_string()),
        ClockState::Running(b) | ClockState::Paused(b) => {
            let mut m = if b.overrun() {
                fill(r.minutes_over, &[&mins(b.left_seconds).to_string()])
            } else {
                fill(r.minutes_left, &[&mins(b.left_seconds).to_string()])
            };
            if agenda.clock.paused_at.is_some() {
                m = format!("{m} · {}", r.clock_paused);
            }
            (title(b.index), m)
        }
    }
}

pub fn draw(frame: &mut Frame, app: &App, s: &SessionView, contact: &Contact) {
    draw_with(frame, app, s, contact, app.ascii);
}

/// [`draw`], with or without Unicode drawing (`ascii`: plain letters, `#` markers).
pub fn draw_with(frame: &mut Frame, app: &App, s: &SessionView, contact: &Contact, ascii: bool) {
    draw_room(frame, app, s, contact, ascii);
    if ascii {
        super::ascii::fold(frame.buffer_mut());
    }
}

/// The room's screen black (`.` / `b`).
pub fn black(frame: &mut Frame) {
    let area = frame.area();
    frame.render_widget(
        Block::default().style(Style::new().bg(Color::Black).fg(Color::Black)),
        area,
    );
}

fn draw_room(frame: &mut Frame, app: &App, s: &SessionView, contact: &Contact, ascii: bool) {
    let theme = &app.theme;
    let area = frame.area();
    if app.blank {
        black(frame);
        return;
    }
    let bg = base(theme);
    super::widgets::fill::style(frame.buffer_mut(), area, bg);
    let area = area.inner(Margin::new(2, 1));
    let t = app.t;
    // Lost contact: said plainly, at the bottom, in the warning style.
    let (area, contact_area) = match contact {
        Contact::Following => (area, None),
        _ => {
            let [a, _, c] = area.layout(&Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(2),
            ]));
            (a, Some(c))
        }
    };
    if let Some(c) = contact_area {
        let text = match contact {
            Contact::LostSince(at) => fill(t.room.lost_contact, &[at]),
            _ => t.room.waiting.to_string(),
        };
        // Which session the room follows (it may have been picked from the folder).
        let file = s.path.file_name().unwrap_or_default().to_string_lossy();
        let follows = fill(t.room.follows, &[&visible_line(&file)]);
        frame.render_widget(
            Paragraph::new(vec![
                Line::styled(text, theme.warn.add_modifier(Modifier::BOLD)),
                Line::styled(follows, theme.label),
            ])
            .centered(),
            c,
        );
    }
    let mut y = area.y;
    let title = s.screen.title(t);
    let h = big(frame, Rect { y, ..area }, title, theme.title, ascii);
    y += h;
    // "2/6 · Interviews · Terugblik intake en interviews" and the names warning.
    let (block_title, minutes) = minutes_line(app, s);
    let place = format!("{} · {title}", s.screen.place());
    let mut spans = vec![Span::styled(place, theme.label)];
    if !block_title.is_empty() {
        spans.push(Span::styled(format!(" · {block_title}"), theme.label));
    }
    if app.show_names {
        spans.push(Span::styled("  ", bg));
        spans.push(Span::styled(
            t.room.names_warning,
            theme.warn.add_modifier(Modifier::BOLD),
        ));
    }
    if y < area.bottom() {
        frame.render_widget(
            Paragraph::new(Line::from(spans)).centered(),
            Rect {
                y,
                height: 1,
                ..area
            },
        );
        y += 1;
    }
    // The minutes left, big where there is room.
    if y < area.bottom() {
        let clock_style = super::widgets::timer::style(theme, &s.doc.agenda, app.now);
        let r = Rect {
            y,
            height: area.bottom() - y,
            ..area
        };
        let running = !block_title.is_empty();
        let h = if area.height >= 40 && running {
            // The agenda block and its minutes together, when both fit big.
            let both = format!("{block_title} · {minutes}");
            let per_letter = if ascii { BIG_ASCII } else { BIG };
            let text = if (both.width() as u16) * per_letter <= area.width {
                both
            } else {
                minutes.clone()
            };
            big(frame, r, &text, clock_style, ascii)
        } else {
            frame.render_widget(
                Paragraph::new(Line::styled(
                    minutes.clone(),
                    clock_style.add_modifier(Modifier::BOLD),
                ))
                .centered(),
                Rect { height: 1, ..r },
            );
            1
        };
        y += h + 1;
    }
    if y >= area.bottom() {
        return;
    }
    // What the screen shows the room (its `DRAWING.room`).
    let content = (super::view(s.screen).room)(app, s, theme);
    let (headline, mut parts) = match content {
        RoomView::Parts { headline, parts } => (headline, parts),
        RoomView::Drawn(draw) => {
            if y < area.bottom() {
                let body = Rect {
                    y,
                    height: area.bottom() - y,
                    ..area
                };
                draw(frame, body, app, s, theme, ascii);
            }
            return;
        }
    };
    // On a big screen the headline (the pact's name on the Intake) in big letters; the
    // first part, which says it small, is then left out.
    if area.height >= 40
        && let Some(head) = headline
            .as_deref()
            .map(|h| visible_line(h.trim()).into_owned())
        && !head.is_empty()
        && (head.width() as u16) * 4 <= area.width
    {
        let r = Rect {
            y,
            height: area.bottom() - y,
            ..area
        };
        let h = big_quadrant(frame, r, &head, theme.title, ascii);
        y += h + 1;
        if h > 0 && !parts.is_empty() {
            parts.remove(0);
        }
    }
    if y >= area.bottom() {
        return;
    }
    let body = Rect {
        y,
        height: area.bottom() - y,
        ..area
    };
    // A big screen: the few things that matter in big letters, when they all fit; else
    // the paragraphs small and the items big; else all small.
    if body.width >= 120 {
        let fits = |p: &[Part]| big_rows(p, body.width, ascii) <= body.height as usize;
        if fits(&parts) {
            draw_big(frame, body, parts, theme, ascii);
            return;
        }
        let parts_items: Vec<Part> = parts
            .into_iter()
            .map(|p| match p {
                Part::Big {
                    bar: false,
                    on: false,
                    text,
                    ..
                } => Part::Line(Line::styled(text, theme.text.add_modifier(Modifier::BOLD))),
                p => p,
            })
            .collect();
        if fits(&parts_items) {
            draw_big(frame, body, parts_items, theme, ascii);
            return;
        }
        parts = parts_items;
    }
    let lines: Vec<Line> = parts.into_iter().map(|p| p.small(theme, ascii)).collect();
    // Big screens get air between the lines.
    let lines = if body.height as usize >= lines.len() * 2 && body.width >= 120 {
        lines
            .into_iter()
            .flat_map(|l| [l, Line::from("")])
            .collect()
    } else {
        lines
    };
    frame.render_widget(
        Paragraph::new(lines).style(bg).wrap(Wrap { trim: false }),
        body,
    );
}

/// What a screen shows the room, below its title, place and minutes: each screen's
/// `DRAWING.room` makes it from the session and the facilitator's place.
pub type RoomFn = fn(&App, &SessionView, &Theme) -> RoomView;

/// A screen's content in the room window.
pub enum RoomView {
    /// The few things that matter, big where they fit (see [`Part`]). `headline`: said
    /// in big letters above them on a big screen (the pact's name on the Intake); the
    /// first part says it small and is left out when the headline shows.
    Parts {
        headline: Option<String>,
        parts: Vec<Part>,
    },
    /// Drawn by the screen itself into the body (the publieksversie), with or without
    /// Unicode drawing.
    Drawn(fn(&mut Frame, Rect, &App, &SessionView, &Theme, bool)),
}

impl RoomView {
    /// Parts without a headline.
    pub fn parts(parts: Vec<Part>) -> RoomView {
        RoomView::Parts {
            headline: None,
            parts,
        }
    }
}

/// The Samenvatting and the Rapport show the room the publieksversie: on a big screen the
/// section being discussed in big letters, else the part the facilitator has at the
/// top of the preview.
pub fn publieksversie(_app: &App, _s: &SessionView, _theme: &Theme) -> RoomView {
    RoomView::Drawn(draw_publieksversie)
}

fn draw_publieksversie(
    frame: &mut Frame,
    body: Rect,
    app: &App,
    s: &SessionView,
    theme: &Theme,
    ascii: bool,
) {
    if body.width >= 120 && body.height >= 30 {
        let parts = big_summary(app, s, theme, body.width, body.height);
        draw_big(frame, body, parts, theme, ascii);
    } else {
        let (lines, rows) = followed_summary(app, s, theme, body.width, body.height);
        frame.render_widget(
            Paragraph::new(lines).style(base(theme)).scroll((rows, 0)),
            body,
        );
    }
}

/// One part of a room screen's body: a line of ordinary text, or one of the few things
/// that matter (a corner's item, a phase, an intention with its kartrekker, a partner),
/// drawn in big letters where the screen allows and as a marked row where it does not.
pub enum Part {
    Line(Line<'static>),
    Big {
        /// The facilitator's selection (or the pact's phase).
        on: bool,
        text: String,
        /// Small, after the big text: a count, a kind, a status.
        tail: String,
        /// A marker before it (an item of a list).
        bar: bool,
    },
}

impl Part {
    /// An item of a list (with a marker), `on` when the facilitator has it selected;
    /// `tail` small after it.
    pub fn big(on: bool, text: impl Into<String>, tail: impl Into<String>) -> Part {
        Part::Big {
            on,
            text: text.into(),
            tail: tail.into(),
            bar: true,
        }
    }

    /// Big text without a marker: a heading (`on`) or a paragraph.
    pub fn plain(on: bool, text: impl Into<String>) -> Part {
        Part::Big {
            on,
            text: text.into(),
            tail: String::new(),
            bar: false,
        }
    }

    fn small(self, theme: &Theme, ascii: bool) -> Line<'static> {
        match self {
            Part::Line(l) => l,
            Part::Big {
                bar: false,
                on,
                text,
                ..
            } => {
                let style = if on { theme.title } else { theme.text };
                Line::styled(text, style.add_modifier(Modifier::BOLD))
            }
            Part::Big { on, text, tail, .. } => {
                let mut spans = row(theme, ascii, on, text);
                if !tail.is_empty() {
                    spans.push(Span::styled(tail, theme.dim));
                }
                Line::from(spans)
            }
        }
    }
}

/// Big letters: quadrant pixels, 4 columns and 4 rows a letter (32×64 pixels with an
/// 8×16 font): about four times the height of ordinary text.
const BIG: u16 = 4;
/// Without Unicode drawing: full-size pixels (`#` after the fold), 8 columns and 8 rows a
/// letter; quadrant pixels would fold to blots.
const BIG_ASCII: u16 = 8;

/// The big letters' pixels and cells per letter (square: columns = rows).
fn big_font(ascii: bool) -> (PixelSize, u16) {
    if ascii {
        (PixelSize::Full, BIG_ASCII)
    } else {
        (PixelSize::Quadrant, BIG)
    }
}
/// Columns before the big text: the marker and a space.
const BIG_INDENT: u16 = 3;

fn big_lines(text: &str, width: u16, ascii: bool) -> Vec<String> {
    let (_, cell) = big_font(ascii);
    let chars = (width.saturating_sub(BIG_INDENT) / cell).max(1) as usize;
    // The big font has ASCII and Latin-1: dashes, curly quotes and ellipses would be
    // blank, so they take their ASCII form.
    let text: String = text
        .trim()
        .chars()
        .map(|c| {
            if ('\u{2000}'..='\u{206F}').contains(&c) {
                super::ascii::char_of(c)
            } else {
                c
            }
        })
        .collect();
    super::widgets::text::wrap_words(&text, chars)
}

/// The rows the parts take in big letters (each big part with a blank row after it).
fn big_rows(parts: &[Part], width: u16, ascii: bool) -> usize {
    let (_, cell) = big_font(ascii);
    let w = width.max(1) as usize;
    parts
        .iter()
        .map(|p| match p {
            Part::Line(l) => l.width().max(1).div_ceil(w),
            Part::Big { text, .. } => big_lines(text, width, ascii).len() * cell as usize + 1,
        })
        .sum()
}

fn draw_big(frame: &mut Frame, area: Rect, parts: Vec<Part>, theme: &Theme, ascii: bool) {
    let (px, cell) = big_font(ascii);
    let mut y = area.y;
    for part in parts {
        if y >= area.bottom() {
            return;
        }
        let rest = area.bottom() - y;
        match part {
            Part::Line(l) => {
                let h = (l.width().max(1).div_ceil(area.width.max(1) as usize) as u16).min(rest);
                frame.render_widget(
                    Paragraph::new(l).wrap(Wrap { trim: false }),
                    Rect {
                        y,
                        height: h,
                        ..area
                    },
                );
                y += h;
            }
            Part::Big {
                on,
                text,
                tail,
                bar,
            } => {
                let lines = big_lines(&text, area.width, ascii);
                let h = lines.len() as u16 * cell;
                if h > rest {
                    // Never half a line of big letters.
                    return;
                }
                // The marker: a solid bar for the selection, a thin one for the others.
                if bar {
                    let bar = if on { "██" } else { "▌" };
                    frame.render_widget(
                        Paragraph::new(vec![Line::from(bar); h as usize]).style(theme.label),
                        Rect {
                            y,
                            height: h,
                            width: 2.min(area.width),
                            ..area
                        },
                    );
                }
                let style = if on {
                    theme.title.add_modifier(Modifier::BOLD)
                } else {
                    theme.text.add_modifier(Modifier::BOLD)
                };
                let last_w = lines.last().map_or(0, |l| l.width() as u16) * cell;
                let text_area = Rect {
                    x: area.x + BIG_INDENT,
                    y,
                    width: area.width.saturating_sub(BIG_INDENT),
                    height: h,
                };
                frame.render_widget(
                    BigText::builder()
                        .pixel_size(px)
                        .style(style)
                        .lines(lines.into_iter().map(Line::from).collect::<Vec<_>>())
                        .left_aligned()
                        .build(),
                    text_area,
                );
                y += h;
                // The tail beside the last big line (in its middle), or under it.
                if !tail.is_empty() {
                    let tail = tail.trim().to_string();
                    let tw = tail.width() as u16;
                    let x = text_area.x + last_w + 2;
                    let r = if x + tw <= area.right() && h >= 2 {
                        Rect::new(x, y - 2, tw, 1)
                    } else if y < area.bottom() {
                        Rect::new(text_area.x, y, text_area.width, 1)
                    } else {
                        return;
                    };
                    frame.render_widget(Paragraph::new(Line::styled(tail, theme.label)), r);
                }
                y += 1;
            }
        }
    }
}

fn big_quadrant(frame: &mut Frame, area: Rect, text: &str, style: Style, ascii: bool) -> u16 {
    let (px, cell) = big_font(ascii);
    if area.height < cell || (text.width() as u16) * cell > area.width {
        return 0;
    }
    frame.render_widget(
        BigText::builder()
            .pixel_size(px)
            .style(style)
            .lines(vec![text.to_string().into()])
            .centered()
            .build(),
        Rect {
            height: cell,
            ..area
        },
    );
    cell
}

/// The publieksversie in the big layout from the heading of the section the facilitator
/// reads: the headings in big letters, the text under them as the preview renders it
/// (lists with their bullets, italics and bold), `width` wide. The rows the facilitator
/// scrolled past in that section are left out.
fn big_summary(app: &App, s: &SessionView, theme: &Theme, width: u16, height: u16) -> Vec<Part> {
    let rendered = summary_with_headings(app, s, theme, width);
    let (lines, headings) = (&rendered.0, &rendered.1);
    let (start, skip) = followed_place(app, s, headings, lines.len()).unwrap_or((0, 0));
    let mut out = Vec::new();
    let mut used = 0usize;
    let mut n = start;
    while n < lines.len() && used < height as usize {
        if n > start && n <= start + skip {
            n += 1;
            continue;
        }
        if let Some((_, text)) = headings.iter().find(|(h, _)| *h == n) {
            out.push(Part::plain(true, text.clone()));
            used += 4;
            // The heading's own rows (it may wrap), and the blank row after it: the big
            // letters have their own.
            while n < lines.len() && lines[n].width() > 0 {
                n += 1;
            }
            while n < lines.len() && lines[n].width() == 0 {
                n += 1;
            }
            continue;
        }
        out.push(Part::Line(lines[n].clone()));
        used += 1;
        n += 1;
    }
    out
}

/// Where the room follows the facilitator in the publieksversie: the first row of the
/// section and the rows into it (at most to the section's last row). On the Rapport the
/// section selected there (Tab) and its preview's scroll; elsewhere the section at the
/// top of the Samenvatting's preview (found by its heading, else by its number).
fn followed_place(
    app: &App,
    s: &SessionView,
    headings: &[(usize, String)],
    rows: usize,
) -> Option<(usize, usize)> {
    let (k, into) = if s.screen == crate::app::Screen::Report {
        let c = &s.compose;
        let area_id = c.area(&app.method);
        let prefix = match app.method.areas.iter().position(|a| a.id == area_id) {
            Some(i) if area_id != crate::model::compose::REGION => format!("\n## {}. ", i + 1),
            _ => "\n## ".to_string(),
        };
        let markdown = s
            .summary
            .public_preview(s, &app.method, app.lang, app.t, app.show_names);
        let line = markdown
            .find(&prefix)
            .and_then(|i| markdown[i + 1..].lines().next())?;
        let text = super::markdown::heading_text(line);
        let k = headings.iter().position(|(_, h)| *h == text)?;
        // Rows into it only when the facilitator reads the publieksversie there too.
        (k, if c.internal { 0 } else { c.scroll })
    } else {
        let top = s.summary.top.borrow().clone()?;
        let k = headings
            .iter()
            .position(|(_, h)| *h == top.heading)
            .or_else(|| headings.len().checked_sub(1).map(|l| top.index.min(l)))?;
        // Rows into it only when the facilitator reads the same version (the internal
        // one has other rows in a section).
        (k, if top.public { top.rows } else { 0 })
    };
    let start = headings[k].0;
    let end = headings.get(k + 1).map_or(rows, |h| h.0);
    Some((start, into.min(end.saturating_sub(start + 1))))
}

/// The publieksversie from the section the facilitator shows (see [`followed_place`]),
/// `width` wide, and the rows to scroll into it.
fn followed_summary(
    app: &App,
    s: &SessionView,
    theme: &Theme,
    width: u16,
    height: u16,
) -> (Vec<Line<'static>>, u16) {
    let rendered = summary_with_headings(app, s, theme, width);
    let (lines, headings) = (&rendered.0, &rendered.1);
    let (start, rows) = followed_place(app, s, headings, lines.len()).unwrap_or((0, 0));
    // Rows already wrapped to the width: the rows scrolled past and a screenful.
    let shown = lines
        .iter()
        .skip(start)
        .take(rows + height as usize)
        .cloned()
        .collect();
    (shown, rows as u16)
}

/// The preview text it was built from, the width, the theme, and the rows.
type RoomLines = (std::rc::Rc<str>, u16, Theme, super::markdown::Rendered);

thread_local! {
    /// The publieksversie as the room shows it, kept while the very same preview text
    /// (the `Rc` the Samenvatting's state built for this generation of the session, this
    /// language and this privacy switch), the same width and the same theme are asked
    /// for again: the presenter view and the room draw it every frame, it changes only
    /// with those. The entry holds its `Rc`, so a new preview can never share its
    /// address.
    static SUMMARY_LINES: std::cell::RefCell<Option<RoomLines>> =
        const { std::cell::RefCell::new(None) };
}

/// The publieksversie, names hidden unless F8, rendered as the previews render it
/// (`ui::markdown`) `width` wide, and each heading's row and text: built once per change
/// of the session, language, privacy switch, width or theme (see
/// `summary::State::public_preview`), not per frame.
fn summary_with_headings(
    app: &App,
    s: &SessionView,
    theme: &Theme,
    width: u16,
) -> super::markdown::Rendered {
    let markdown = s
        .summary
        .public_preview(s, &app.method, app.lang, app.t, app.show_names);
    SUMMARY_LINES.with(|cache| {
        let mut cache = cache.borrow_mut();
        if let Some((m, w, t, lines)) = cache.as_ref()
            && std::rc::Rc::ptr_eq(m, &markdown)
            && *w == width
            && t == theme
        {
            return lines.clone();
        }
        let lines: super::markdown::Rendered = std::rc::Rc::new(super::markdown::rows(
            &for_the_room(&markdown),
            width.max(1) as usize,
            theme,
        ));
        *cache = Some((markdown, width, theme.clone(), lines.clone()));
        lines
    })
}

/// The preview's Markdown without what is for the facilitator only: the `⊘` lines that
/// say what the publieksversie leaves out and why (the room sees only what it shows).
fn for_the_room(markdown: &str) -> String {
    let mut out = String::with_capacity(markdown.len());
    for line in markdown.split_inclusive('\n') {
        if !line.starts_with('⊘') {
            out.push_str(line);
        }
    }
    out
}

/// Before the session could be read: the waiting line, on the theme's background.
pub fn waiting(frame: &mut Frame, app: &App) {
    let area = frame.area();
    super::widgets::fill::style(frame.buffer_mut(), area, base(&app.theme));
    let [_, mid, _] = area.layout(&Layout::vertical([
        Constraint::Fill(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(app.t.room.waiting)
            .style(app.theme.warn)
            .centered(),
        mid,
    );
    if app.ascii {
        super::ascii::fold(frame.buffer_mut());
    }
}

/// The publieksversie of the Samenvatting, for presenter view (F4): the internal report
/// and the facilitator's checklist are not for the room.
pub fn public_summary(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    // The part the facilitator was reading before F4.
    let (lines, rows) = followed_summary(app, s, theme, area.width, area.height);
    frame.render_widget(
        Paragraph::new(lines).style(base(theme)).scroll((rows, 0)),
        area,
    );
}
