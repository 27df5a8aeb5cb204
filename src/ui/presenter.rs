//! The presenter view: what the room sees on the beamer. Editing chrome hidden, the
//! screen's title in big letters with its place ("3/6"), the agenda block and the
//! minutes left always visible, and each screen's content in its largest form: the
//! drawn triangle and wheel, counts instead of lists. Names follow the privacy switch.

use super::theme::Theme;
use super::widgets::timer;
use crate::app::{App, SessionView};
use crate::i18n::fill;
use crate::model::PartnerKind;
use ratatui::prelude::*;
use ratatui::widgets::{Cell, Paragraph, Row, Table, Wrap};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

/// The largest letters that fit: full (8 rows), half height (4), quadrant (4, half as
/// wide); `None` when even those do not fit (then the title is plain bold text).
fn pixel_size(title: &str, area: Rect) -> Option<(PixelSize, u16)> {
    let chars = title.width() as u16;
    if chars * 8 <= area.width && area.height >= 40 {
        Some((PixelSize::Full, 8))
    } else if chars * 8 <= area.width {
        Some((PixelSize::HalfHeight, 4))
    } else if chars * 4 <= area.width {
        Some((PixelSize::Quadrant, 4))
    } else {
        None
    }
}

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let title = s.screen.title(t);
    // Without Unicode drawing only the full-size letters survive the fold to `#`.
    let big = pixel_size(title, area).filter(|(px, _)| !app.ascii || *px == PixelSize::Full);
    let title_h = big.map(|(_, h)| h).unwrap_or(1);
    let [title_area, status_area, _, body, keys_area] = area.layout(&Layout::vertical([
        Constraint::Length(title_h),
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    match big {
        Some((size, _)) => frame.render_widget(
            BigText::builder()
                .pixel_size(size)
                .style(theme.title)
                .lines(vec![title.into()])
                .centered()
                .build(),
            title_area,
        ),
        None => frame.render_widget(
            Paragraph::new(title).style(theme.title).centered(),
            title_area,
        ),
    }
    // "3/6 · Zorgpact … · ⏱ Analyse-driehoek nog 12:34 · op schema": the time left always
    // shows, and so does the warning when names are on; the pact name and the block's
    // title give way first on a narrow screen.
    let w = status_area.width as usize;
    let place = s.screen.place();
    let names = if app.show_names {
        format!("  {} ", t.room.names_warning)
    } else {
        String::new()
    };
    let room = w.saturating_sub(place.width() + names.width() + 3);
    let clock = timer::status_fit(t, &s.doc.agenda, app.now, room);
    let pact = s.doc.intake.pact_name.trim();
    let with_pact = format!("{place} · {pact} · {clock}");
    let status = if !pact.is_empty() && with_pact.width() + names.width() <= w {
        with_pact
    } else {
        format!("{place} · {clock}")
    };
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(status, timer::style(theme, &s.doc.agenda, app.now)),
            Span::styled(names, theme.warn.add_modifier(Modifier::BOLD)),
        ]))
        .centered(),
        status_area,
    );
    // The keys of this view; after a refused key, how to get back to editing.
    let (keys, style) = if app.presenter_refused {
        (t.presenter_refused, theme.warn)
    } else {
        (t.presenter_keys, theme.dim)
    };
    frame.render_widget(Paragraph::new(keys).style(style).centered(), keys_area);
    let body = body.inner(Margin::new(2, 0));
    (super::view(s.screen).presenter)(frame, body, app, s, theme);
}

/// The pact in a few lines: round focus, ambition, partners per kind, the region.
pub fn intake(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let i = &s.doc.intake;
    let mut lines: Vec<Line> = Vec::new();
    if let Some(r) = app.method.round(i.round) {
        lines.push(Line::styled(
            fill(t.round_focus, &[&r.number.to_string(), &r.focus]),
            theme.label,
        ));
        lines.push(Line::from(""));
    }
    if !i.ambition.text.trim().is_empty() {
        lines.push(Line::styled(
            format!("“{}”", i.ambition.text.trim()),
            theme.text,
        ));
        if !i.ambition.source.trim().is_empty() {
            lines.push(Line::styled(format!("— {}", i.ambition.source), theme.dim));
        }
        lines.push(Line::from(""));
    }
    let counts: Vec<String> = PartnerKind::ALL
        .iter()
        .map(|k| {
            let n = i.partners.iter().filter(|p| p.kind == *k).count();
            format!("{} {n}", t.partner_kind(*k))
        })
        .collect();
    lines.push(Line::styled(counts.join("  ·  "), theme.label));
    lines.push(Line::from(""));
    for para in i
        .region_description
        .split('\n')
        .filter(|p| !p.trim().is_empty())
    {
        lines.push(Line::styled(para.to_string(), theme.text));
    }
    frame.render_widget(Paragraph::new(lines).wrap(Wrap { trim: true }), area);
}

/// The first findings as counts: attention area × kind. Nobody's name on the wall.
pub fn interviews(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    use crate::model::NoteKind as K;
    let t = app.t;
    let kinds = [
        K::Succesfactor,
        K::Belemmering,
        K::Citaat,
        K::Verbeteridee,
        K::Observatie,
    ];
    let mut widths = vec![Constraint::Fill(3)];
    widths.extend([Constraint::Fill(2); 5]);
    widths.push(Constraint::Fill(1));
    let [top, table] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    // At 80 columns a kind's name does not fit its column: it breaks over the header's
    // two lines instead of being cut ("succesfac").
    let cols = Layout::horizontal(widths.clone()).spacing(1).split(table);
    let col_w = cols.get(1).map_or(0, |c| c.width as usize);
    let header = Row::new(
        std::iter::once(Cell::from(""))
            .chain(
                kinds
                    .iter()
                    .map(|k| Cell::from(Text::from(t.interviews.note_kind_head(*k, col_w)))),
            )
            .chain(std::iter::once(Cell::from("Σ"))),
    )
    .style(theme.label);
    let rows = app.method.areas.iter().map(|a| {
        let notes = s
            .doc
            .interviews
            .iter()
            .flat_map(|iv| iv.notes.iter())
            .filter(|n| n.area == a.id);
        let mut per = [0usize; 5];
        let mut total = 0;
        for n in notes {
            if let Some(i) = kinds.iter().position(|k| *k == n.kind) {
                per[i] += 1;
            }
            total += 1;
        }
        Row::new(
            std::iter::once(Cell::from(a.name.clone()).style(theme.label))
                .chain(per.iter().map(|n| Cell::from(n.to_string())))
                .chain(std::iter::once(
                    Cell::from(total.to_string()).style(theme.label),
                )),
        )
        .height(2)
    });
    let summary = fill(
        t.interviews.presenter_summary,
        &[
            &s.doc.interviews.len().to_string(),
            &s.doc.note_count().to_string(),
        ],
    );
    frame.render_widget(Paragraph::new(summary).style(theme.text), top);
    frame.render_widget(
        Table::new(rows, widths)
            .header(header.height(2))
            .style(theme.text),
        table,
    );
}
