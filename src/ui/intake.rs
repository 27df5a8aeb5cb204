//! The Intake screen: tabs for its parts, then the part itself.

use super::room::{Part, RoomView};
use super::theme::Theme;
use super::widgets::form::{self, FormRow};
use super::widgets::table;
use crate::app::intake::{FIELDS, Section, columns};
use crate::app::{App, SessionView};
use crate::i18n::fill;
use crate::model::PartnerKind;
use crate::model::agenda;
use crate::sanitize::visible_line;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Tabs, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let st = &s.intake;
    let [tabs_area, body] = area.layout(&Layout::vertical([
        Constraint::Length(2),
        Constraint::Fill(1),
    ]));
    let counts = [
        None,
        Some(s.doc.intake.partners.len()),
        Some(s.doc.intake.documents.len()),
        None,
        None,
    ];
    let titles = t
        .intake
        .sections
        .iter()
        .zip(counts)
        .map(|(name, n)| match n {
            Some(n) => format!("{name} ({n})"),
            None => name.to_string(),
        });
    frame.render_widget(
        Tabs::new(titles)
            .select(st.section.index())
            .style(theme.dim)
            .highlight_style(theme.selected)
            .divider("│"),
        tabs_area,
    );
    // Partners and agenda have a summary line above their table.
    let with_summary = matches!(st.section, Section::Partners | Section::Agenda);
    let [summary, list] = body.layout(&Layout::vertical([
        Constraint::Length(if with_summary { 2 } else { 0 }),
        Constraint::Fill(1),
    ]));
    match st.section {
        Section::Details => details(frame, body, app, s, theme),
        Section::Observations => observations(frame, body, app, s, theme),
        Section::Partners => {
            partner_counts(frame, summary, app, s, theme);
            let rows = &s.doc.intake.partners;
            table::draw(
                frame,
                list,
                app,
                rows,
                &columns::PARTNERS,
                &st.partners,
                theme,
            );
        }
        Section::Documents => {
            let rows = &s.doc.intake.documents;
            table::draw(
                frame,
                list,
                app,
                rows,
                &columns::DOCUMENTS,
                &st.documents,
                theme,
            );
        }
        Section::Agenda => {
            agenda_summary(frame, summary, app, s, theme);
            let rows = &s.doc.agenda.blocks;
            table::draw(frame, list, app, rows, &columns::AGENDA, &st.agenda, theme);
        }
    }
}

fn details(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let f = &s.intake.details;
    let round_focus = app
        .method
        .round(s.doc.intake.round)
        .map(|r| fill(t.round_focus, &[&r.number.to_string(), &r.focus]));
    let rows: Vec<FormRow> = FIELDS
        .iter()
        .enumerate()
        .map(|(i, spec)| {
            let mut extra = Vec::new();
            if let Some(p) = f.problems[i] {
                extra.push(Line::styled(format!("⚠ {}", t.problem(p)), theme.problem));
            }
            if i == 1
                && let Some(r) = &round_focus
            {
                extra.push(Line::styled(r.clone(), theme.dim));
            }
            FormRow {
                label: (spec.label)(t).to_string(),
                text: f.text(i),
                editor: (i == f.focus && !s.browsing()).then(|| &f.editors[i]),
                multiline: spec.multiline(),
                extra,
            }
        })
        .collect();
    form::draw(frame, area, &rows, f.focus, theme);
}

fn observations(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let o = &s.intake.observations;
    let rows: Vec<FormRow> = app
        .method
        .areas
        .iter()
        .enumerate()
        .map(|(i, a)| {
            let editor = (i == o.focus && !s.browsing())
                .then(|| o.fields.get(&a.id).map(|f| &f.area))
                .flatten();
            FormRow {
                label: a.name.clone(),
                text: s
                    .doc
                    .intake
                    .observations
                    .get(&a.id)
                    .cloned()
                    .unwrap_or_default(),
                editor,
                multiline: true,
                extra: vec![Line::styled(a.question.clone(), theme.dim)],
            }
        })
        .collect();
    form::draw(frame, area, &rows, o.focus, theme);
}

/// "Zorg en welzijn 2 · Onderwijs 2 · Overheid 1 · Anders 1 — gouden driehoek compleet"
fn partner_counts(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let count = |k: PartnerKind| s.doc.intake.partners.iter().filter(|p| p.kind == k).count();
    let mut spans: Vec<Span> = Vec::new();
    for k in PartnerKind::ALL {
        if !spans.is_empty() {
            spans.push(Span::styled(" · ", theme.dim));
        }
        spans.push(Span::styled(
            format!("{} {}", t.partner_kind(k), count(k)),
            theme.text,
        ));
    }
    let missing: Vec<&str> = [
        PartnerKind::Zorg,
        PartnerKind::Onderwijs,
        PartnerKind::Overheid,
    ]
    .into_iter()
    .filter(|k| count(*k) == 0)
    .map(|k| t.partner_kind(k))
    .collect();
    spans.push(Span::styled("  —  ", theme.dim));
    if missing.is_empty() {
        spans.push(Span::styled(
            format!("✓ {}", t.intake.triangle_complete),
            theme.ok,
        ));
    } else {
        spans.push(Span::styled(
            format!(
                "⚠ {}",
                fill(t.intake.triangle_missing, &[&missing.join(", ")])
            ),
            theme.problem,
        ));
    }
    frame.render_widget(
        Paragraph::new(Line::from(spans)).wrap(Wrap { trim: true }),
        area,
    );
}

fn agenda_summary(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let blocks = &s.doc.agenda.blocks;
    // F6 minutes show in the total and the planned end: "Totaal 120+5 min".
    let extra = agenda::extra_minutes(&s.doc.agenda);
    let total = match extra {
        0 => agenda::total_minutes(blocks).to_string(),
        n => format!("{}+{n}", agenda::total_minutes(blocks)),
    };
    let mut parts = vec![fill(t.intake.agenda_total, &[&total])];
    if let Ok(Some(start)) = crate::model::validate::parse_time(&s.doc.intake.start_time) {
        let end = agenda::planned_end_with_extra(start, &s.doc.agenda);
        parts.push(fill(
            t.intake.agenda_end,
            &[&format!("{:02}:{:02}", end.hour(), end.minute())],
        ));
    }
    parts.push(super::widgets::timer::status_text(
        t,
        &s.doc.agenda,
        app.now,
    ));
    frame.render_widget(
        Paragraph::new(Line::styled(parts.join("  ·  "), theme.label)).wrap(Wrap { trim: true }),
        area,
    );
}

/// The Intake screen: drawn for the facilitator and the beamer.
pub const DRAWING: super::ScreenDrawing = super::ScreenDrawing {
    screen: crate::app::Screen::Intake,
    draw,
    presenter: super::presenter::intake,
    room,
};

/// The room sees the pact's name (big on a big screen), the round, the ambition and the
/// partners by organisation and kind (the contact person never: a name).
fn room(app: &App, s: &SessionView, theme: &Theme) -> RoomView {
    RoomView::Parts {
        headline: Some(s.doc.intake.pact_name.clone()),
        parts: intake_parts(app, s, theme),
    }
}

fn intake_parts(app: &App, s: &SessionView, theme: &Theme) -> Vec<Part> {
    let t = app.t;
    let i = &s.doc.intake;
    let mut out = vec![Part::Line(Line::styled(
        visible_line(&i.pact_name).into_owned(),
        theme.title.add_modifier(Modifier::BOLD),
    ))];
    if let Some(r) = app.method.round(i.round) {
        out.push(Part::Line(Line::styled(
            fill(t.round_focus, &[&r.number.to_string(), &r.focus]),
            theme.label,
        )));
    }
    if !i.ambition.text.trim().is_empty() {
        out.push(Part::Line(Line::from("")));
        out.push(Part::plain(
            false,
            visible_line(&i.ambition.text).into_owned(),
        ));
    }
    out.push(Part::Line(Line::from("")));
    // Partners by organisation and kind; the contact person never (a name).
    for p in &i.partners {
        out.push(Part::big(
            true,
            visible_line(&p.organisation).into_owned(),
            format!("  {}", t.partner_kind(p.kind)),
        ));
    }
    out
}
