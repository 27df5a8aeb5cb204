//! The room's window (`volgspot zaal`): built for the back of a meeting room. Big text
//! for the few things that matter (the screen, the agenda block and its minutes left,
//! the current corner's items, the wheel's phases, the intentions with their
//! kartrekkers), solid markers instead of Braille, no key footer, the publieksversie of
//! the Samenvatting, names only with the privacy switch (F8) on the facilitator's side.
//! Every cell gets the theme's background.

use super::theme::Theme;
use crate::app::{App, Screen, SessionView};
use crate::i18n::fill;
use crate::model::agenda::{ClockState, state};
use crate::sanitize::visible_line;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Paragraph, Wrap};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

/// Whether the terminal lacks Unicode drawing: the Linux console, a VT220, or the
/// explicit switch `VOLGSPOT_ASCII=1`.
pub fn ascii_terminal() -> bool {
    if std::env::var("VOLGSPOT_ASCII").is_ok_and(|v| !v.is_empty() && v != "0") {
        return true;
    }
    std::env::var("TERM").is_ok_and(|t| {
        let t = t.to_ascii_lowercase();
        t == "linux" || t == "dumb" || t.starts_with("vt") || t == "ansi"
    })
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
        None
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
    draw_with(frame, app, s, contact, ascii_terminal());
}

/// [`draw`], with or without Unicode drawing (`ascii`: plain letters, `#` markers).
pub fn draw_with(frame: &mut Frame, app: &App, s: &SessionView, contact: &Contact, ascii: bool) {
    let theme = &app.theme;
    let area = frame.area();
    if app.blank {
        frame.render_widget(
            Block::default().style(Style::new().bg(Color::Black).fg(Color::Black)),
            area,
        );
        return;
    }
    let bg = base(theme);
    frame.render_widget(Block::default().style(bg), area);
    let area = area.inner(Margin::new(2, 1));
    let t = app.t;
    // Lost contact: said plainly, at the bottom, in the warning style.
    let (area, contact_area) = match contact {
        Contact::Following => (area, None),
        _ => {
            let [a, _, c] = area.layout(&Layout::vertical([
                Constraint::Fill(1),
                Constraint::Length(1),
                Constraint::Length(1),
            ]));
            (a, Some(c))
        }
    };
    if let Some(c) = contact_area {
        let text = match contact {
            Contact::LostSince(at) => fill(t.room.lost_contact, &[at]),
            _ => t.room.waiting.to_string(),
        };
        frame.render_widget(
            Paragraph::new(text)
                .style(theme.warn.add_modifier(Modifier::BOLD))
                .centered(),
            c,
        );
    }
    let mut y = area.y;
    let title = s.screen.title(t);
    let h = big(frame, Rect { y, ..area }, title, theme.title, ascii);
    y += h;
    // "2/5 · Interviews · Terugblik intake en interviews" and the names warning.
    let (block_title, minutes) = minutes_line(app, s);
    let place = format!("{}/{} · {title}", s.screen.index() + 1, Screen::ALL.len());
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
            big(frame, r, &minutes, clock_style, ascii)
        } else {
            frame.render_widget(
                Paragraph::new(minutes.clone())
                    .style(clock_style.add_modifier(Modifier::BOLD))
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
    // On a big screen the one thing that matters most here in big letters: the pact,
    // the selected item of the triangle, the pact's phase on the wheel.
    if area.height >= 40
        && let Some(head) = headline(app, s)
        && (head.width() as u16) * 4 <= area.width
    {
        let r = Rect {
            y,
            height: area.bottom() - y,
            ..area
        };
        y += big_quadrant(frame, r, &head, theme.title, ascii) + 1;
    }
    if y >= area.bottom() {
        return;
    }
    let body = Rect {
        y,
        height: area.bottom() - y,
        ..area
    };
    let lines = match s.screen {
        Screen::Intake => intake(app, s, theme, ascii),
        Screen::Interviews => interviews(app, s, theme, ascii),
        Screen::Triangle => triangle(app, s, theme, ascii),
        Screen::Wheel => wheel(app, s, theme, ascii),
        Screen::Summary | Screen::Report => summary(app, s, theme),
    };
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
        Paragraph::new(lines).style(bg).wrap(Wrap { trim: true }),
        body,
    );
}

fn big_quadrant(frame: &mut Frame, area: Rect, text: &str, style: Style, ascii: bool) -> u16 {
    if ascii || area.height < 4 {
        return 0;
    }
    frame.render_widget(
        BigText::builder()
            .pixel_size(PixelSize::Quadrant)
            .style(style)
            .lines(vec![text.to_string().into()])
            .centered()
            .build(),
        Rect { height: 4, ..area },
    );
    4
}

fn headline(app: &App, s: &SessionView) -> Option<String> {
    let doc = &s.doc;
    let text = match s.screen {
        Screen::Intake => doc.intake.pact_name.clone(),
        Screen::Triangle => {
            let i = s.triangle.selected_index(doc, &app.method)?;
            doc.triangle.items.get(i)?.title.clone()
        }
        Screen::Wheel if s.wheel.panel == crate::app::wheel::Panel::Wheel => {
            let id = doc.wheel.placement.phase.as_deref()?;
            crate::method::phase_name(&app.method, doc, id)
        }
        _ => return None,
    };
    let text = visible_line(text.trim()).into_owned();
    (!text.is_empty()).then_some(text)
}

fn intake(app: &App, s: &SessionView, theme: &Theme, ascii: bool) -> Vec<Line<'static>> {
    let t = app.t;
    let i = &s.doc.intake;
    let mut out = vec![Line::styled(
        visible_line(&i.pact_name).into_owned(),
        theme.title.add_modifier(Modifier::BOLD),
    )];
    if let Some(r) = app.method.round(i.round) {
        out.push(Line::styled(
            fill(t.round_focus, &[&r.number.to_string(), &r.focus]),
            theme.label,
        ));
    }
    if !i.ambition.text.trim().is_empty() {
        out.push(Line::from(""));
        out.push(Line::styled(
            visible_line(&i.ambition.text).into_owned(),
            theme.text.add_modifier(Modifier::BOLD),
        ));
    }
    out.push(Line::from(""));
    // Partners by organisation and kind; the contact person never (a name).
    for p in &i.partners {
        out.push(Line::from(vec![
            Span::styled(marker(ascii, true), theme.label),
            Span::styled(
                visible_line(&p.organisation).into_owned(),
                theme.text.add_modifier(Modifier::BOLD),
            ),
            Span::styled(format!("  {}", t.partner_kind(p.kind)), theme.dim),
        ]));
    }
    out
}

fn interviews(app: &App, s: &SessionView, theme: &Theme, ascii: bool) -> Vec<Line<'static>> {
    let t = app.t;
    let mut out = Vec::new();
    for (n, iv) in s.doc.interviews.iter().enumerate() {
        let who = crate::app::interviews::who_shown(iv, t.interviews, app.show_names);
        let on = n == s.interviews.selected;
        let mut spans = row(theme, ascii, on, visible_line(&who).into_owned());
        spans.push(Span::styled(format!("  ({})", iv.notes.len()), theme.dim));
        out.push(Line::from(spans));
    }
    if out.is_empty() {
        out.push(Line::styled(t.room.no_items, theme.dim));
    }
    out
}

fn triangle(app: &App, s: &SessionView, theme: &Theme, ascii: bool) -> Vec<Line<'static>> {
    let t = app.t;
    let places = crate::app::triangle::places(&app.method);
    let current = s.triangle.place.min(places.len().saturating_sub(1));
    let mut out = Vec::new();
    let Some(place) = places.get(current) else {
        return out;
    };
    out.push(Line::styled(
        place.name.clone(),
        theme.title.add_modifier(Modifier::BOLD),
    ));
    let shown = crate::app::triangle::shown(&s.doc.triangle, &place.id, false);
    for (n, &i) in shown.iter().enumerate() {
        let it = &s.doc.triangle.items[i];
        let on = n == s.triangle.selected;
        out.push(Line::from(row(
            theme,
            ascii,
            on,
            visible_line(&it.title).into_owned(),
        )));
    }
    if shown.is_empty() {
        out.push(Line::styled(t.room.no_items, theme.dim));
    }
    // The other corners and questions, with how many items each has.
    out.push(Line::from(""));
    let others: Vec<String> = places
        .iter()
        .enumerate()
        .filter(|(n, _)| *n != current)
        .map(|(_, p)| {
            let count = crate::app::triangle::shown(&s.doc.triangle, &p.id, false).len();
            format!("{} ({count})", p.name)
        })
        .collect();
    out.push(Line::styled(others.join(" · "), theme.dim));
    out
}

fn wheel(app: &App, s: &SessionView, theme: &Theme, ascii: bool) -> Vec<Line<'static>> {
    let doc = &s.doc;
    let mut out = Vec::new();
    if s.wheel.panel == crate::app::wheel::Panel::Intentions {
        for (n, it) in doc.intentions.iter().enumerate() {
            let on = n == s.wheel.icur;
            let mut spans = row(theme, ascii, on, visible_line(&it.text).into_owned());
            if !it.owner.trim().is_empty() {
                spans.push(Span::styled(
                    format!("  — {}", visible_line(&it.owner)),
                    theme.label,
                ));
            }
            out.push(Line::from(spans));
        }
        if out.is_empty() {
            out.push(Line::styled(app.t.room.no_items, theme.dim));
        }
        return out;
    }
    let current = doc.wheel.placement.phase.as_deref();
    for (n, p) in app.method.wheel.phases.iter().enumerate() {
        let here = current == Some(p.id.as_str());
        let name = crate::method::phase_name(&app.method, doc, &p.id);
        out.push(Line::from(row(
            theme,
            ascii,
            here,
            format!("{}. {}", n + 1, visible_line(&name)),
        )));
    }
    if !doc.wheel.placement.motivation.trim().is_empty() && doc.wheel.placement.public {
        out.push(Line::from(""));
        out.push(Line::styled(
            visible_line(&doc.wheel.placement.motivation).into_owned(),
            theme.text,
        ));
    }
    out
}

/// The publieksversie, names hidden unless F8.
fn summary(app: &App, s: &SessionView, theme: &Theme) -> Vec<Line<'static>> {
    let mut st = crate::app::summary::State::new(&s.doc);
    st.public = true;
    let (markdown, _) = st.preview(s, &app.method, app.lang, app.t, app.show_names);
    markdown
        .lines()
        .map(|l| {
            let l = visible_line(l).into_owned();
            if l.starts_with('#') {
                Line::styled(
                    l.trim_start_matches('#').trim().to_string(),
                    theme.title.add_modifier(Modifier::BOLD),
                )
            } else {
                // Markdown emphasis (`*Publieksversie*`) reads as plain text on a beamer.
                let plain = l.trim();
                let plain = match plain.strip_prefix('*').and_then(|p| p.strip_suffix('*')) {
                    Some(inner) if !inner.is_empty() => inner.to_string(),
                    _ => l,
                };
                Line::styled(plain, theme.text)
            }
        })
        .collect()
}

/// Before the session could be read: the waiting line, on the theme's background.
pub fn waiting(frame: &mut Frame, app: &App) {
    let area = frame.area();
    frame.render_widget(Block::default().style(base(&app.theme)), area);
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
}

/// The publieksversie of the Samenvatting, for presenter view (F4): the internal report
/// and the facilitator's checklist are not for the room.
pub fn public_summary(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    frame.render_widget(
        Paragraph::new(summary(app, s, theme))
            .style(base(theme))
            .wrap(Wrap { trim: true }),
        area,
    );
}
