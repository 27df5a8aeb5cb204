//! Header, footer and overlays shared by all screens of a session.

use super::theme::Theme;
use super::widgets::popup;
use crate::app::keys::{self, HelpRow, KeyHelp};
use crate::app::{App, SaveState, SessionView};
use crate::clock;
use crate::i18n::{Strings, fill};
use crate::ui::widgets::cache::Para;
use ratatui::crossterm::event::KeyCode;
use ratatui::layout::Rect;
use ratatui::prelude::*;
use ratatui::widgets::Wrap;
use unicode_width::UnicodeWidthStr;

pub fn save_text(t: &Strings, s: &SessionView) -> (String, bool) {
    match &s.save {
        SaveState::Failed(e) => (t.save_failed(e), true),
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
        crate::sanitize::visible_line(&s.doc.intake.pact_name).into_owned()
    };
    let place = s.header_place(t);
    let left = format!(" {pact} · {} {} ", t.round, s.doc.intake.round);
    let (saved, failed) = save_text(t, s);
    // Names on and a blank room screen are loud: the facilitator must not miss them.
    let mut names = String::new();
    if app.blank {
        names.push_str(&format!(" {} ", t.room.blank_on));
    }
    if app.show_names {
        names.push_str(&format!(" {} ", t.room.names_warning));
    }
    // Right after undo or redo the header says what it undid, in place of the save state.
    let saved = match &s.undo_note {
        Some(note) if !failed => note.clone(),
        _ => saved,
    };
    let saved = format!(" {saved} ");
    let right = format!("{names}{saved}");
    let w = area.width as usize;
    // The clock says as much as fits next to the place and the save state: the time
    // left always shows, the block's title and the schedule give way first.
    let clock_room = w.saturating_sub(place.width() + right.width() + 2);
    let clock = match crate::model::agenda::state(&s.doc.agenda, app.now) {
        crate::model::agenda::ClockState::NotStarted => String::new(),
        _ => format!(
            " {} ",
            super::widgets::timer::status_fit(t, &s.doc.agenda, app.now, clock_room)
        ),
    };
    // The pact name gives way first; the place, the clock and the save state stay.
    let used = place.chars().count() + right.chars().count() + clock.chars().count();
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
    let pad = w.saturating_sub(left.chars().count() + used);
    let right_style = if failed { theme.warn } else { theme.header };
    let line = Line::from(vec![
        Span::styled(place, theme.header.add_modifier(Modifier::REVERSED)),
        Span::styled(left, theme.header),
        Span::styled(" ".repeat(pad), theme.header),
        Span::styled(
            clock,
            super::widgets::timer::style(theme, &s.doc.agenda, app.now),
        ),
        Span::styled(names, theme.warn.add_modifier(Modifier::BOLD)),
        Span::styled(saved, right_style),
    ]);
    frame.render_widget(Para::new(line).style(theme.header), area);
}

/// The footer: the main keys of what is on screen. Help and quit always fit; the
/// others are shown in order as far as the width allows.
pub fn footer(frame: &mut Frame, area: Rect, t: &Strings, keys: &[KeyHelp], theme: &Theme) {
    let rows = keys::rows(keys, t);
    let shown: Vec<&HelpRow> = rows.iter().filter(|b| b.footer).collect();
    // The footer names only the first key of each row (both of an ↑↓ or PgUp/PgDn
    // pair); help lists them all.
    let len = |b: &HelpRow| footer_keys(b).chars().count() + (b.short)(t).chars().count() + 3;
    let mut width: usize = shown.iter().filter(|b| b.essential).map(|b| len(b)).sum();
    let mut keep: Vec<&HelpRow> = Vec::new();
    for b in shown {
        let is = |code| b.keys[0].0 == code;
        // "PgUp vorig" alone, without "PgDn volgend", would point the wrong way.
        let next_missing = is(KeyCode::PageUp)
            && !b.keys.iter().any(|k| k.0 == KeyCode::PageDown)
            && !keep.iter().any(|k| k.keys[0].0 == KeyCode::PageDown);
        if b.essential {
            keep.push(b);
        } else if width + len(b) <= area.width as usize && !next_missing {
            width += len(b);
            keep.push(b);
        }
    }
    let mut spans = Vec::new();
    for b in keep {
        spans.push(Span::styled(
            format!(" {}", footer_keys(b)),
            theme.footer_key,
        ));
        spans.push(Span::styled(format!(" {} ", (b.short)(t)), theme.footer));
    }
    frame.render_widget(Para::new(Line::from(spans)).style(theme.footer), area);
}

/// The keys a footer entry names: the first, or both of a pair that goes two ways.
fn footer_keys(b: &HelpRow) -> String {
    let has = |code| b.keys.iter().any(|k| k.0 == code && k.1.is_empty());
    if has(KeyCode::Up) && has(KeyCode::Down) {
        "↑↓".to_string()
    } else if has(KeyCode::PageUp) && has(KeyCode::PageDown) {
        "PgUp/PgDn".to_string()
    } else {
        b.keys[0].name()
    }
}

pub fn help(
    frame: &mut Frame,
    area: Rect,
    t: &Strings,
    title: &str,
    bindings: &[KeyHelp],
    theme: &Theme,
) {
    // The screen's own keys in columns; the app-wide keys after them as a compact
    // paragraph ("PgDn volgend scherm · F4 presentatie · …"), so all fit at 80×24.
    let rows = keys::rows(bindings, t);
    let entries: Vec<(String, &str)> = rows
        .iter()
        .filter(|b| !b.global)
        .map(|b| (keys::names(&b.keys), (b.label)(t)))
        .collect();
    let rows_avail = area.height.saturating_sub(2) as usize;
    let max_w = area.width.saturating_sub(6) as usize;
    let app_wide = app_wide_lines(&rows, t, max_w, theme);
    let rows_for_own = rows_avail.saturating_sub(app_wide.len() + 1);
    let two = entries.len() + 4 > rows_for_own && max_w >= 60;
    let gap = 3;
    let col_w = if two { (max_w - gap) / 2 } else { max_w };
    let columns: Vec<Vec<Line>> = if two {
        // Split where the taller column is lowest (labels wrap differently per column).
        (1..entries.len())
            .map(|k| {
                vec![
                    help_column(&entries[..k], col_w, theme),
                    help_column(&entries[k..], col_w, theme),
                ]
            })
            .min_by_key(|c| c[0].len().max(c[1].len()))
            .unwrap_or_default()
    } else {
        vec![help_column(&entries, col_w, theme)]
    };
    let widths: Vec<usize> = columns
        .iter()
        .map(|c| c.iter().map(Line::width).max().unwrap_or(0))
        .collect();
    let height = columns.iter().map(Vec::len).max().unwrap_or(0);
    let mut lines: Vec<Line> = (0..height)
        .map(|i| {
            let mut spans: Vec<Span> = Vec::new();
            for (c, col) in columns.iter().enumerate() {
                let line = col.get(i).cloned().unwrap_or_default();
                let pad = if c + 1 < columns.len() {
                    widths[c] + gap - line.width()
                } else {
                    0
                };
                spans.extend(line.spans);
                spans.push(Span::raw(" ".repeat(pad)));
            }
            Line::from(spans)
        })
        .collect();
    if !app_wide.is_empty() {
        if !lines.is_empty() {
            lines.push(Line::from(""));
        }
        lines.extend(app_wide);
    }
    // Room inside the border: the closing hint, and a blank line before it if it fits.
    let inside = rows_avail.saturating_sub(2);
    if lines.len() + 1 > inside {
        let keep = inside.saturating_sub(2);
        let hidden = lines.len() - keep;
        lines.truncate(keep);
        lines.push(Line::styled(format!("… +{hidden}"), theme.dim));
    }
    if lines.len() + 2 <= inside {
        lines.push(Line::from(""));
    }
    lines.push(Line::from(Span::styled(t.help_close, theme.dim)));
    let width = lines.iter().map(|l| l.width()).max().unwrap_or(20) as u16 + 4;
    let r = popup::centered(area, width, lines.len() as u16 + 2);
    let title = Span::styled(fill(t.help_title, &[title]), theme.label);
    let inner = popup::frame(frame, r, title, theme.label, theme);
    frame.render_widget(Para::new(lines).wrap(Wrap { trim: false }), inner);
}

/// The app-wide keys as one wrapped paragraph of "key label" pairs.
fn app_wide_lines<'a>(
    bindings: &[HelpRow],
    t: &Strings,
    width: usize,
    theme: &Theme,
) -> Vec<Line<'a>> {
    let mut lines = Vec::new();
    let mut cur: Vec<Span> = Vec::new();
    let mut cur_w = 0;
    for b in bindings.iter().filter(|b| b.global) {
        let key = keys::names(&b.keys);
        let label = (b.label)(t);
        let w = key.chars().count() + label.chars().count() + 4;
        if cur_w + w > width && !cur.is_empty() {
            lines.push(Line::from(std::mem::take(&mut cur)));
            cur_w = 0;
        }
        cur.push(Span::styled(key, theme.label));
        cur.push(Span::styled(format!(" {label}   "), theme.text));
        cur_w += w;
    }
    if !cur.is_empty() {
        lines.push(Line::from(cur));
    }
    lines
}

/// One column of the help overlay: keys left, labels wrapped beside them.
fn help_column<'a>(entries: &[(String, &str)], width: usize, theme: &Theme) -> Vec<Line<'a>> {
    let key_w = entries
        .iter()
        .map(|(k, _)| k.chars().count())
        .max()
        .unwrap_or(0)
        .min(width / 2);
    let label_w = width.saturating_sub(key_w + 2).max(8);
    let mut out = Vec::new();
    for (keys, label) in entries {
        for (i, part) in super::widgets::text::wrap_words(label, label_w)
            .into_iter()
            .enumerate()
        {
            let k = if i == 0 { keys.as_str() } else { "" };
            out.push(Line::from(vec![
                Span::styled(format!("{k:<key_w$}  "), theme.label),
                Span::styled(part, theme.text),
            ]));
        }
    }
    out
}

pub fn message(frame: &mut Frame, area: Rect, text: &str, hint: &str, style: Style, theme: &Theme) {
    let longest = text.chars().count().max(hint.chars().count());
    let width = (longest as u16 + 4).clamp(30, 70);
    let inner_w = width.saturating_sub(2).max(1) as usize;
    // Text and hint both wrap: count their rows so nothing is cut off.
    let rows = (wrapped_rows(text, inner_w) + wrapped_rows(hint, inner_w)) as u16 + 3;
    let r = popup::centered(area, width, rows);
    let inner = popup::frame(frame, r, None, style, theme);
    let lines = vec![
        Line::from(Span::styled(text.to_string(), theme.text)),
        Line::from(""),
        Line::from(Span::styled(hint.to_string(), theme.label)),
    ];
    frame.render_widget(Para::new(lines).wrap(Wrap { trim: false }), inner);
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
