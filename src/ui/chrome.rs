//! Header, footer and overlays shared by all screens of a session.

use super::theme::Theme;
use crate::app::keys::{self, KeyHelp};
use crate::app::{App, SaveState, Screen, SessionView};
use crate::clock;
use crate::i18n::{Strings, fill};
use ratatui::layout::{Constraint, Rect};
use ratatui::prelude::*;
use ratatui::widgets::{Block, BorderType, Borders, Clear, Paragraph, Wrap};

pub fn save_text(t: &Strings, s: &SessionView) -> (String, bool) {
    match &s.save {
        SaveState::Failed(e) => (fill(t.not_saved, &[&t.save_error(e)]), true),
        _ if s.unsaved() => (t.saving.to_string(), false),
        SaveState::Saved(at) => (fill(t.saved_at, &[&clock::hms(*at)]), false),
        SaveState::Clean => (String::new(), false),
    }
}

pub fn header(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let t = app.t;
    let pact = if s.doc.intake.pact_name.trim().is_empty() {
        t.no_pact_name.to_string()
    } else {
        s.doc.intake.pact_name.clone()
    };
    let place = format!(
        " {}/{} {} ",
        s.screen.index() + 1,
        Screen::ALL.len(),
        s.screen.title(t)
    );
    let left = format!(" {pact} · {} {} ", t.round, s.doc.intake.round);
    let (saved, failed) = save_text(t, s);
    let right = format!(" {saved} ");
    let w = area.width as usize;
    let used = place.chars().count() + right.chars().count();
    let left: String = if used + left.chars().count() > w {
        let room = w.saturating_sub(used + 1);
        let mut l: String = left.chars().take(room).collect();
        if room > 0 {
            l.pop();
            l.push('…');
        }
        l
    } else {
        left
    };
    let pad =
        w.saturating_sub(left.chars().count() + place.chars().count() + right.chars().count());
    let right_style = if failed { theme.warn } else { theme.header };
    let line = Line::from(vec![
        Span::styled(place, theme.header.add_modifier(Modifier::REVERSED)),
        Span::styled(left, theme.header),
        Span::styled(" ".repeat(pad), theme.header),
        Span::styled(right, right_style),
    ]);
    frame.render_widget(Paragraph::new(line).style(theme.header), area);
}

/// The footer: the main keys of what is on screen. Help and quit always fit; the
/// others are shown in order as far as the width allows.
pub fn footer(frame: &mut Frame, area: Rect, t: &Strings, keys: &[KeyHelp], theme: &Theme) {
    let shown: Vec<&KeyHelp> = keys.iter().filter(|b| b.footer).collect();
    // The footer names only the first key of each binding; `?` lists them all.
    let len = |b: &KeyHelp| b.keys[0].name().chars().count() + (b.label)(t).chars().count() + 3;
    let mut width: usize = shown.iter().filter(|b| b.essential).map(|b| len(b)).sum();
    let mut keep = Vec::new();
    for b in shown {
        if b.essential {
            keep.push(b);
        } else if width + len(b) <= area.width as usize {
            width += len(b);
            keep.push(b);
        }
    }
    let mut spans = Vec::new();
    for b in keep {
        spans.push(Span::styled(
            format!(" {}", b.keys[0].name()),
            theme.footer_key,
        ));
        spans.push(Span::styled(format!(" {} ", (b.label)(t)), theme.footer));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)).style(theme.footer), area);
}

fn popup(frame: &mut Frame, area: Rect, width: u16, height: u16) -> Rect {
    let w = width
        .min(area.width.saturating_sub(2))
        .max(10.min(area.width));
    let h = height
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    let r = area.centered(Constraint::Length(w), Constraint::Length(h));
    frame.render_widget(Clear, r);
    r
}

pub fn help(
    frame: &mut Frame,
    area: Rect,
    t: &Strings,
    title: &str,
    bindings: &[KeyHelp],
    theme: &Theme,
) {
    let key_w = bindings
        .iter()
        .map(|b| keys::names(b).chars().count())
        .max()
        .unwrap_or(0);
    let mut lines: Vec<Line> = bindings
        .iter()
        .map(|b| {
            Line::from(vec![
                Span::styled(format!("{:<key_w$}  ", keys::names(b)), theme.label),
                Span::styled((b.label)(t), theme.text),
            ])
        })
        .collect();
    lines.push(Line::from(""));
    lines.push(Line::from(Span::styled(t.help_close, theme.dim)));
    let width = lines.iter().map(|l| l.width()).max().unwrap_or(20) as u16 + 4;
    let r = popup(frame, area, width, lines.len() as u16 + 2);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(theme.label)
        .title(Span::styled(fill(t.help_title, &[title]), theme.label));
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}

/// Rows that `text` takes when wrapped at word boundaries into `width` columns.
fn wrapped_rows(text: &str, width: usize) -> usize {
    let width = width.max(1);
    let mut rows = 1;
    let mut used = 0;
    for word in text.split(' ') {
        let w = unicode_width::UnicodeWidthStr::width(word);
        if used > 0 && used + 1 + w <= width {
            used += 1 + w;
            continue;
        }
        if used > 0 {
            rows += 1;
        }
        // The word starts a row; a word longer than the row is broken over several.
        let extra = w.saturating_sub(1) / width;
        rows += extra;
        used = w - extra * width;
    }
    rows
}

pub fn message(frame: &mut Frame, area: Rect, text: &str, hint: &str, style: Style, theme: &Theme) {
    let longest = text.chars().count().max(hint.chars().count());
    let width = (longest as u16 + 4).clamp(30, 70);
    let inner_w = width.saturating_sub(2).max(1) as usize;
    // Text and hint both wrap: count their rows so nothing is cut off.
    let rows = (wrapped_rows(text, inner_w) + wrapped_rows(hint, inner_w)) as u16 + 3;
    let r = popup(frame, area, width, rows);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(style);
    let lines = vec![
        Line::from(Span::styled(text.to_string(), theme.text)),
        Line::from(""),
        Line::from(Span::styled(hint.to_string(), theme.label)),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .block(block)
            .wrap(Wrap { trim: false }),
        r,
    );
}
