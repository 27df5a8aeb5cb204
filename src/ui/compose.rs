//! Rapport: the blocks of the selected report section (each saying where it comes
//! from), and the preview of the report exactly as exported, what it leaves out marked
//! with ⊘ and why. Wide: side by side; narrow: the blocks above the preview.

use super::theme::Theme;
use crate::app::compose::{self, Mode, source_label};
use crate::app::{App, SessionView};
use crate::i18n::{Strings, fill};
use crate::method::Method;
use crate::model::compose::{Block, BlockKind, Drawing, REGION};
use crate::model::{NoteKind, Session};
use ratatui::prelude::*;
use ratatui::widgets::{Block as Frame_, Borders, Paragraph, Wrap};

/// Wide enough to put the preview beside the blocks.
const SIDE_BY_SIDE: u16 = 100;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let (left, right) = if area.width >= SIDE_BY_SIDE {
        let [l, _, r] = area.layout(&Layout::horizontal([
            Constraint::Percentage(45),
            Constraint::Length(1),
            Constraint::Fill(1),
        ]));
        (l, r)
    } else {
        let [l, r] = area.layout(&Layout::vertical([
            Constraint::Percentage(55),
            Constraint::Fill(1),
        ]));
        (l, r)
    };
    draw_blocks(frame, left, app, s, theme);
    draw_preview(frame, right, app, s, theme);
    if s.compose.export_shown {
        draw_export(frame, area, app, s, theme);
    }
}

/// After E: the folder and every file written (or why the export failed), in full.
fn draw_export(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let (text, style) = match &s.summary.exported {
        None => return,
        Some(Err(e)) => (fill(t.summary.export_failed, &[e]), theme.problem),
        Some(Ok(paths)) => {
            let (dir, names) = super::widgets::folder_and_names(paths);
            let mut text = format!("{} {dir}: {}", t.summary.exported, names.join(", "));
            // What the publieksversie just written leaves out, and why.
            let (conflicts, changed) = crate::export::report::withheld_counts(&s.doc);
            if let Some(msg) = t.summary.withheld_text(conflicts, changed) {
                text.push_str(". ");
                text.push_str(&msg);
            }
            (text, theme.ok)
        }
    };
    let text = crate::sanitize::visible(&text).into_owned();
    super::chrome::message(frame, area, &text, t.help_close, style, theme);
}

fn section_title(method: &Method, t: &Strings, area: &str) -> String {
    if area == REGION {
        return t.compose.region.to_string();
    }
    method
        .areas
        .iter()
        .position(|a| a.id == area)
        .map(|i| {
            let a = &method.areas[i];
            format!("{}. {}", i + 1, a.report_title.as_ref().unwrap_or(&a.name))
        })
        .unwrap_or_else(|| area.to_string())
}

fn draw_blocks(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let c = t.compose;
    let st = &s.compose;
    let method = &app.method;
    let all = compose::areas(method);
    let sec_id = st.area(method);
    let sec = compose::section_of(&s.doc, method, &sec_id);
    let _ = all;
    let title = format!(" {} ", section_title(method, t, &sec_id));
    let block = Frame_::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(title, theme.label));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines: Vec<Line> = Vec::new();
    let state_line = if s.doc.composition.is_some() {
        c.composed
    } else {
        c.first_draft
    };
    lines.push(Line::styled(cut(state_line, width), theme.dim));
    // E exports from here too; where it went (or why not) is said here as well.
    match &s.summary.exported {
        Some(Ok(paths)) => {
            let names: Vec<String> = paths
                .iter()
                .filter_map(|p| p.file_name())
                .map(|n| n.to_string_lossy().into_owned())
                .collect();
            let msg = format!("{} {}", t.summary.exported, names.join("  "));
            lines.push(Line::styled(cut(&msg, width), theme.ok));
        }
        Some(Err(e)) => {
            let msg = fill(t.summary.export_failed, &[e]);
            lines.push(Line::styled(cut(&msg, width), theme.problem));
        }
        None => {}
    }
    if sec_id != REGION {
        let q = sec
            .question
            .clone()
            .map(|q| {
                if q.is_empty() {
                    c.no_question.to_string()
                } else {
                    q
                }
            })
            .unwrap_or_else(|| {
                format!(
                    "{} {}",
                    method
                        .areas
                        .iter()
                        .find(|a| a.id == sec_id)
                        .map_or("", |a| a.question.as_str()),
                    c.question_default
                )
            });
        lines.push(Line::from(vec![
            Span::styled(format!("{}: ", c.question), theme.label),
            Span::styled(
                cut(&q, width.saturating_sub(c.question.len() + 2)),
                theme.text,
            ),
        ]));
    }
    match &st.mode {
        Mode::List => {
            if sec.blocks.is_empty() {
                lines.push(Line::styled(c.no_blocks, theme.dim));
            }
            let sel = st.selected.min(sec.blocks.len().saturating_sub(1));
            let room = (inner.height as usize).saturating_sub(lines.len()).max(1);
            let first = sel.saturating_sub(room.saturating_sub(1));
            for (i, b) in sec.blocks.iter().enumerate().skip(first).take(room) {
                let mark = if i == sel { "›" } else { " " };
                let text = format!("{mark}{}", block_line(b, &s.doc, method, t, app.show_names));
                let style = if i == sel { theme.selected } else { theme.text };
                let style = if b.hidden {
                    style.patch(theme.dim)
                } else {
                    style
                };
                let tag = match &b.kind {
                    BlockKind::Quote { note } => Some(quote_state(note, &s.doc, t)),
                    _ => None,
                };
                lines.push(row(&text, tag, width, style, i == sel, theme));
            }
        }
        Mode::Kind { sel } => {
            lines.push(Line::styled(c.choose_kind, theme.label));
            let room = (inner.height as usize).saturating_sub(lines.len()).max(1);
            let first = sel.saturating_sub(room.saturating_sub(1));
            for (i, k) in c.kinds.iter().enumerate().skip(first).take(room) {
                let style = if i == *sel {
                    theme.selected
                } else {
                    theme.text
                };
                lines.push(Line::styled(
                    cut(&format!("{}. {k}", (i + 1) % 10), width),
                    style,
                ));
            }
        }
        Mode::Source { sel, options } => {
            lines.push(Line::styled(c.choose_source, theme.label));
            let room = (inner.height as usize).saturating_sub(lines.len()).max(1);
            let first = sel.saturating_sub(room.saturating_sub(1));
            for (i, o) in options.iter().enumerate().skip(first).take(room) {
                let style = if i == *sel {
                    theme.selected
                } else {
                    theme.text
                };
                lines.push(Line::styled(cut(&source_label(o, method, t), width), style));
            }
        }
        Mode::Quote { sel, notes, .. } => {
            lines.push(Line::styled(c.choose_quote, theme.label));
            if notes.is_empty() {
                lines.push(Line::styled(c.no_quotes, theme.warn));
            }
            let room = (inner.height as usize).saturating_sub(lines.len()).max(1);
            let first = sel.saturating_sub(room.saturating_sub(1));
            for (i, id) in notes.iter().enumerate().skip(first).take(room) {
                let style = if i == *sel {
                    theme.selected
                } else {
                    theme.text
                };
                let text = quote_line(id, &s.doc, t, app.show_names);
                let tag = Some(quote_state(id, &s.doc, t));
                lines.push(row(&text, tag, width, style, i == *sel, theme));
            }
        }
        Mode::Edit(e) => {
            let used = lines.len() as u16;
            frame.render_widget(Paragraph::new(lines), inner);
            let rest = Rect {
                y: inner.y + used,
                height: inner.height.saturating_sub(used),
                ..inner
            };
            draw_edit(frame, rest, e, s, method, t, theme);
            return;
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

fn draw_edit(
    frame: &mut Frame,
    area: Rect,
    e: &compose::Edit,
    s: &SessionView,
    method: &Method,
    t: &Strings,
    theme: &Theme,
) {
    let c = t.compose;
    let sec = compose::section_of(&s.doc, method, &s.compose.area(method));
    // A block being added is not in the session yet.
    let kind = e
        .added
        .as_ref()
        .or_else(|| sec.blocks.get(s.compose.selected).map(|b| &b.kind));
    let label_name = if e.question {
        c.question
    } else {
        match kind {
            Some(BlockKind::Labelled { .. }) => c.label,
            _ => c.lead,
        }
    };
    let text_name = match kind {
        Some(BlockKind::List { .. }) => c.items,
        _ => c.text,
    };
    let mut y = area.y;
    let bottom = area.y + area.height;
    let inner_width = area.width.saturating_sub(2);
    // Only the field being typed in is a text area (with its cursor); the other shows
    // its text, so there is one cursor on screen.
    let show = |frame: &mut Frame, f: &crate::app::field::Field, focused: bool, rect: Rect| {
        if focused {
            frame.render_widget(&f.area, rect);
        } else {
            let text = crate::sanitize::visible(&f.text()).into_owned();
            frame.render_widget(
                Paragraph::new(text)
                    .style(theme.text)
                    .wrap(Wrap { trim: false }),
                rect,
            );
        }
    };
    if let Some(f) = &e.label {
        if y < bottom {
            let style = if e.on_label {
                theme.label_focus
            } else {
                theme.label
            };
            frame.render_widget(
                Paragraph::new(Span::styled(label_name, style)),
                Rect::new(area.x, y, area.width, 1),
            );
            y += 1;
        }
        if y < bottom {
            // A long question or label wraps (the cursor's room at the end counted),
            // leaving the text box at least three rows.
            let wanted = super::widgets::text::wrap_count(
                &format!("{} ", f.text()),
                inner_width.max(1) as usize,
            ) as u16;
            let keep = if e.text.is_some() { 4 } else { 0 };
            let rows = wanted.min((bottom - y).saturating_sub(keep)).clamp(1, 6);
            show(
                frame,
                f,
                e.on_label,
                Rect::new(area.x + 2, y, inner_width, rows.min(bottom - y)),
            );
            y += rows.min(bottom - y);
        }
    }
    if let Some(f) = &e.text {
        if y < bottom {
            let style = if e.on_label {
                theme.label
            } else {
                theme.label_focus
            };
            frame.render_widget(
                Paragraph::new(Span::styled(text_name, style)),
                Rect::new(area.x, y, area.width, 1),
            );
            y += 1;
        }
        if y < bottom {
            show(
                frame,
                f,
                !e.on_label,
                Rect::new(area.x + 2, y, inner_width, bottom - y),
            );
        }
    }
}

/// One block as a row of the list: its kind, its text or where it comes from, and
/// whether it is hidden or not public.
pub fn block_line(b: &Block, doc: &Session, method: &Method, t: &Strings, names: bool) -> String {
    let c = t.compose;
    let short = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut out = match &b.kind {
        BlockKind::Paragraph { text } => format!("¶ {}", short(text)),
        BlockKind::Labelled { label, text } => format!("¶ {}: {}", short(label), short(text)),
        BlockKind::Heading { text } => format!("# {}", short(text)),
        BlockKind::List {
            lead,
            items,
            numbered,
        } => {
            let mark = if *numbered { "1." } else { "•" };
            let lead = if lead.trim().is_empty() {
                String::new()
            } else {
                format!("{} ", short(lead))
            };
            format!(
                "{mark} {lead}[{}] {}",
                fill(c.n_items, &[&items.len().to_string()]),
                items.first().map(|i| short(i)).unwrap_or_default()
            )
        }
        BlockKind::Drawn {
            source,
            lead,
            numbered,
        } => {
            let mark = if *numbered { "1." } else { "▸" };
            let lead = match lead {
                Some(l) if !l.trim().is_empty() => format!("{} ", short(l)),
                _ => String::new(),
            };
            format!("{mark} {lead}⟵ {}", source_label(source, method, t))
        }
        BlockKind::Quote { note } => format!("❝ {}", quote_line(note, doc, t, names)),
        BlockKind::Wheel { with_phase } => if *with_phase {
            c.wheel_with_phase
        } else {
            c.wheel_motivation_only
        }
        .to_string(),
        BlockKind::Drawing { what } => match what {
            Drawing::Triangle => c.drawing_triangle,
            Drawing::Wheel => c.drawing_wheel,
        }
        .to_string(),
    };
    if b.hidden {
        out = format!("({}) {out}", c.hidden);
    } else if !b.public {
        out = format!("({}) {out}", c.not_public);
    }
    out
}

/// Whether a quote may be published, and the word for it (akkoord, geen akkoord,
/// gewijzigd na akkoord, geen toestemming, open importconflict, niet openbaar): what the
/// publieksversie decides (`export::compose::note_left_out`), in the screen's words.
fn quote_state(id: &crate::model::Id, doc: &Session, t: &Strings) -> (&'static str, bool) {
    let c = t.compose;
    let found = doc
        .interviews
        .iter()
        .find_map(|iv| iv.notes.iter().find(|n| n.id == *id).map(|n| (iv, n)));
    let Some((iv, n)) = found else {
        return (c.quote_gone, false);
    };
    if n.kind != NoteKind::Citaat || n.text.trim().is_empty() {
        return (c.quote_not_quote, false);
    }
    match crate::export::compose::note_left_out(iv, n) {
        None => (c.quote_ok, true),
        Some("not_public") => (c.not_public, false),
        Some("quote_conflict" | "conflict") => (c.quote_conflict, false),
        Some("quote_changed") => (c.quote_changed, false),
        Some("quote_unrecorded") => (c.quote_unrecorded, false),
        Some("quote_no_consent") => (c.quote_no_consent, false),
        Some(_) => (c.quote_waiting, false),
    }
}

/// A quote in the list: its state first, so a long quote never hides it
/// ("[akkoord] who — “the words”").
fn quote_line(id: &crate::model::Id, doc: &Session, t: &Strings, names: bool) -> String {
    let found = doc
        .interviews
        .iter()
        .find_map(|iv| iv.notes.iter().find(|n| n.id == *id).map(|n| (iv, n)));
    let (state, _) = quote_state(id, doc, t);
    let Some((iv, n)) = found else {
        return format!("[{state}]");
    };
    let who = crate::app::interviews::who_shown(iv, t.interviews, names);
    let text: String = n.text.split_whitespace().collect::<Vec<_>>().join(" ");
    if text.starts_with(['“', '"', '\'', '‘', '„']) {
        format!("[{state}] {who} — {text}")
    } else {
        format!("[{state}] {who} — “{text}”")
    }
}

/// One row of the block list or the quote picker, cut to the width; a quote's state
/// tag in green when it may be published, else in the warning colour (in the
/// selection's colour on the selected row).
fn row(
    text: &str,
    tag: Option<(&str, bool)>,
    width: usize,
    style: Style,
    selected: bool,
    theme: &Theme,
) -> Line<'static> {
    let text = cut(text, width);
    let Some((state, ok)) = tag else {
        return Line::styled(text, style);
    };
    let tag = format!("[{state}]");
    let Some(at) = text.find(&tag) else {
        return Line::styled(text, style);
    };
    let tag_style = if selected {
        style
    } else if ok {
        theme.ok
    } else {
        theme.warn
    };
    Line::from(vec![
        Span::styled(text[..at].to_string(), style),
        Span::styled(tag, tag_style),
        Span::styled(text[at + state.len() + 2..].to_string(), style),
    ])
}

fn draw_preview(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let c = app.t.compose;
    let st = &s.compose;
    let title = if st.internal {
        c.preview_internal
    } else {
        c.preview_public
    };
    let block = Frame_::new()
        .borders(Borders::TOP)
        .border_style(theme.border)
        .title(Span::styled(format!(" {title} "), theme.label));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let markdown = st.preview(s, &app.method, app.lang, app.show_names);
    let width = inner.width.max(1) as usize;
    // From the selected section's heading ("## 2. HET WAT"; the region's is the first).
    let heading = {
        let area_id = st.area(&app.method);
        match app.method.areas.iter().position(|a| a.id == area_id) {
            Some(i) if area_id != REGION => format!("\n## {}. ", i + 1),
            _ => "\n## ".to_string(),
        }
    };
    let from = markdown.find(&heading).map_or(0, |i| i + 1);
    let rendered = super::markdown::rows_cached(&markdown, from, width, theme);
    let rows = &rendered.0;
    let text_of = |l: &Line| {
        l.spans
            .iter()
            .map(|s| s.content.as_ref())
            .collect::<String>()
    };
    let start = 0;
    st.page_rows.set(inner.height as usize);
    st.max_scroll
        .set(rows.len().saturating_sub(inner.height as usize));
    let first = (start + st.scroll).min(rows.len().saturating_sub(1));
    let shown: Vec<Line> = rows
        .iter()
        .skip(first)
        .take(inner.height as usize)
        .map(|l| {
            if text_of(l).trim_start().starts_with('⊘') {
                Line::styled(text_of(l), theme.warn)
            } else {
                l.clone()
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(shown).wrap(Wrap { trim: false }), inner);
}

/// One row of user text: controls and invisible characters shown, cut to the width.
fn cut(text: &str, width: usize) -> String {
    super::widgets::text::cut(&crate::sanitize::visible_line(text), width)
}

/// The report composer (Rapport): drawn for the facilitator; the beamer shows the
/// publieksversie, as on the Samenvatting.
pub const DRAWING: super::ScreenDrawing = super::ScreenDrawing {
    screen: crate::app::Screen::Report,
    draw,
    presenter: super::room::public_summary,
    room: super::room::publieksversie,
};
