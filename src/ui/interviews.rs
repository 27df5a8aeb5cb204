//! The Interviews screen: list, one interview (shared with the interviewer mode), the
//! synthesis, and the import picker.

use super::room::{Part, RoomView};
use super::theme::Theme;
use super::widgets::cache;
use super::widgets::lines::{Lines, LinesRef};
use super::widgets::text::{cut, wrap, wrap_count};
use crate::app::field::FieldKind;
use crate::app::interview_edit::{Editor, FIELDS, Focus, Notice, area_name};
use crate::app::interviews::{
    DrawCache, Mode, Picker, State, source, synthesis_group_len, synthesis_notes, who_shown,
};
use crate::app::{App, ClickList, SessionView};
use crate::i18n::{Strings, fill};
use crate::method::Method;
use crate::model::{Interview, Note, NoteKind, Session};
use crate::sanitize::visible_line;
use ratatui::prelude::*;
use ratatui::widgets::{Block, Borders, Paragraph};
use std::collections::HashMap;
use unicode_width::UnicodeWidthStr;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    let st = &s.interviews;
    match st.mode {
        Mode::List => app.click_list.set(draw_list(
            frame,
            area,
            app.t,
            &s.doc,
            st,
            app.show_names,
            theme,
        )),
        Mode::Detail => {
            let ed = st.editor.as_ref().and_then(|(id, e)| {
                s.doc
                    .interviews
                    .iter()
                    .find(|i| i.id == *id)
                    .map(|i| (i, e))
            });
            match ed {
                Some((iv, e)) => draw_editor_kept(
                    frame,
                    area,
                    app.t,
                    &app.method,
                    iv,
                    e,
                    app.show_names,
                    theme,
                    Some(&st.drawn),
                ),
                None => {
                    draw_list(frame, area, app.t, &s.doc, st, app.show_names, theme);
                }
            }
        }
        Mode::Synthesis => draw_synthesis(frame, area, app, s, st, theme),
    }
    if let Some(p) = &st.picker {
        draw_picker(frame, area, app.t, p, &s.doc, app.show_names, theme);
    }
}

/// What the note lists were built from, kept in the interviews state's [`DrawCache`]
/// between frames: the lists are built again only when one of these changed.
#[derive(Default)]
struct KeptLists {
    /// The interview editor's note list, with the notes it was built from (compared in
    /// full: the session's generation also counts the capture line's draft, kept in the
    /// interview as it is typed, which the list does not show).
    editor: Option<(EditorKey, Vec<Note>, Vec<Line<'static>>)>,
    /// The synthesis: each note's lines (bullet, text and source wrapped, conflicts), by
    /// interview and note index, filled as notes come into view.
    synthesis: Option<(SynthesisKey, NoteLines)>,
}

/// Lines by (interview, note) index.
type NoteLines = HashMap<(usize, usize), Vec<Line<'static>>>;

/// At most this many notes' lines are kept for the synthesis (scrolling through a very
/// large session starts again from none).
const MAX_KEPT_NOTES: usize = 20_000;

#[derive(PartialEq)]
struct EditorKey {
    /// No name yet (the empty list's hint says so).
    naming: bool,
    height: u16,
    width: usize,
    sel: usize,
    focus: Focus,
    words: (usize, u64),
    styles: [Style; 4],
}

#[derive(PartialEq)]
struct SynthesisKey {
    generation: u64,
    width: usize,
    show_names: bool,
    words: (usize, u64),
    styles: [Style; 2],
}

/// The language's words and the method's areas (names and widths go into the lines):
/// which strings, and a hash of the areas.
fn words_of(t: &Strings, m: &Method) -> (usize, u64) {
    use std::hash::{Hash, Hasher};
    let mut h = std::hash::DefaultHasher::new();
    for a in &m.areas {
        a.id.hash(&mut h);
        a.name.hash(&mut h);
    }
    (std::ptr::from_ref(t) as usize, h.finish())
}

fn kept_lists(slot: &mut Option<Box<dyn std::any::Any + Send>>) -> &mut KeptLists {
    if !slot.as_ref().is_some_and(|b| b.is::<KeptLists>()) {
        *slot = Some(Box::new(KeptLists::default()));
    }
    slot.as_mut()
        .and_then(|b| b.downcast_mut::<KeptLists>())
        .expect("set above")
}

fn pad(text: &str, width: usize) -> String {
    let c = cut(text, width);
    let w = UnicodeWidthStr::width(c.as_str());
    format!("{c}{}", " ".repeat(width.saturating_sub(w)))
}

fn draw_list(
    frame: &mut Frame,
    area: Rect,
    t: &Strings,
    doc: &Session,
    st: &State,
    show_names: bool,
    theme: &Theme,
) -> Option<ClickList> {
    let ti = t.interviews;
    let w = area.width as usize;
    let mut lines = vec![Line::styled(
        fill(ti.list_title, &[&doc.interviews.len().to_string()]),
        theme.label,
    )];
    if doc.interviews.is_empty() {
        lines.push(Line::from(""));
        // Wrapped: at 80 columns the way to import must be read whole.
        for l in wrap(ti.list_empty, w) {
            lines.push(Line::styled(l, theme.dim));
        }
    }
    // Columns: who | kind | date | notes | quotes; who takes what is left.
    let wide = w >= 120;
    let (kind_w, date_w, notes_w, quotes_w) = if wide { (18, 11, 9, 22) } else { (0, 11, 4, 0) };
    let who_w = w.saturating_sub(kind_w + date_w + notes_w + quotes_w + 2);
    if !doc.interviews.is_empty() {
        let mut head = pad(ti.col_who, who_w);
        if wide {
            head.push_str(&pad(ti.col_kind, kind_w));
        }
        head.push_str(&pad(ti.col_date, date_w));
        head.push_str(&pad(if wide { ti.col_notes } else { "#" }, notes_w));
        if wide {
            head.push_str(&pad(ti.col_quotes, quotes_w));
        }
        lines.push(Line::styled(head, theme.dim));
    }
    let room = (area.height as usize).saturating_sub(lines.len() + 2);
    let first = st.selected.saturating_sub(room.saturating_sub(1));
    let shown = doc.interviews.iter().enumerate().skip(first).take(room);
    let rows_y = area.y + lines.len() as u16;
    let shown_rows = doc.interviews.len().saturating_sub(first).min(room) as u16;
    let click = (shown_rows > 0).then(|| ClickList {
        area: Rect::new(
            area.x,
            rows_y,
            area.width,
            shown_rows.min(area.bottom().saturating_sub(rows_y)),
        ),
        selected_y: rows_y + (st.selected.saturating_sub(first)) as u16,
    });
    for (i, iv) in shown {
        let mut who = who_shown(iv, ti, show_names);
        if !iv.fields_conflict.is_empty() {
            who = format!("⚠ {who}");
        }
        let mut row = pad(&who, who_w);
        if wide {
            row.push_str(&pad(ti.kind(iv.kind), kind_w));
        }
        row.push_str(&pad(&iv.date, date_w));
        row.push_str(&pad(&iv.notes.len().to_string(), notes_w));
        if wide {
            row.push_str(&pad(ti.consent(iv.consent), quotes_w));
        }
        let style = if i == st.selected {
            theme.selected
        } else {
            theme.text
        };
        lines.push(Line::styled(row, style));
    }
    let hidden = doc.interviews.len().saturating_sub(first + room);
    if hidden > 0 {
        lines.push(Line::styled(
            fill(ti.more, &[&hidden.to_string()]),
            theme.dim,
        ));
    }
    // The selected interview's details changed on both sides: both values, in full.
    if let Some(iv) = doc.interviews.get(st.selected) {
        for c in ti.fields_conflict_lines(iv, show_names) {
            for l in wrap(&c, w) {
                lines.push(Line::styled(l, theme.problem));
            }
        }
    }
    if let Some(m) = &st.message {
        // Wrapped: at 80 columns the way back ("Ctrl-Z zet het terug") is read whole.
        lines.push(Line::from(""));
        for l in wrap(m, w) {
            lines.push(Line::styled(l, theme.ok));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
    click
}

/// The links and flags of a note in words: public and (for a quote) approval first, as
/// they decide what may go out; then corner, phase, focus.
fn note_tags(t: &Strings, m: &Method, n: &Note) -> Vec<String> {
    let ti = t.interviews;
    let mut tags = Vec::new();
    tags.push(if n.public { ti.public } else { ti.not_public }.to_string());
    if n.kind == NoteKind::Citaat {
        let state = if n.approval_state() == crate::model::ApprovalState::GewijzigdNaAkkoord {
            ti.changed_after_approval
        } else {
            ti.approval_name(n.approval)
        };
        tags.push(fill(ti.approval, &[state]));
    }
    if let Some(c) = &n.corner {
        let name = m
            .triangle
            .corners
            .iter()
            .find(|x| x.id == *c)
            .map_or(c.as_str(), |x| x.name.as_str());
        tags.push(fill(ti.corner, &[name]));
    }
    if let Some(p) = &n.phase {
        let name = m.phase(p).map_or(p.as_str(), |x| x.name.as_str());
        tags.push(fill(ti.phase, &[name]));
    }
    if !n.focus_areas.is_empty() {
        tags.push(fill(ti.focus, &[&n.focus_areas.join(", ")]));
    }
    tags
}

/// The editor's notice in words.
fn notice_text(ti: &crate::i18n::interviews::Strings, n: Notice) -> &'static str {
    match n {
        Notice::NameRequired => ti.n_name_required,
        Notice::OnlyQuotes => ti.n_only_quotes,
    }
}

/// One interview with its notes and the capture line. Shared by the Interviews screen
/// and the offline interviewer mode.
#[allow(clippy::too_many_arguments)]
pub fn draw_editor(
    frame: &mut Frame,
    area: Rect,
    t: &Strings,
    m: &Method,
    iv: &Interview,
    ed: &Editor,
    show_names: bool,
    theme: &Theme,
) {
    draw_editor_kept(frame, area, t, m, iv, ed, show_names, theme, None);
}

/// The editor, its note list kept in `kept` between frames (built again when the notes,
/// the size, the selection, the focus, the language or the theme changed).
#[allow(clippy::too_many_arguments)]
fn draw_editor_kept(
    frame: &mut Frame,
    area: Rect,
    t: &Strings,
    m: &Method,
    iv: &Interview,
    ed: &Editor,
    show_names: bool,
    theme: &Theme,
    kept: Option<&DrawCache>,
) {
    let ti = t.interviews;
    let conflicts = ti.fields_conflict_lines(iv, show_names);
    let form_h = if ed.focus == Focus::Fields {
        FIELDS.len() as u16 + 1
    } else {
        2 + conflicts.len().min(3) as u16
    };
    let detail_h = if iv.notes.is_empty() {
        0
    } else {
        (area.height / 4).clamp(3, 8)
    };
    let [top, title, list, detail, capture] = area.layout(&Layout::vertical([
        Constraint::Length(form_h),
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(detail_h),
        Constraint::Length(1),
    ]));
    let v = EditorView {
        t,
        m,
        iv,
        ed,
        show_names,
        theme,
        w: area.width as usize,
        sel: ed.selected.min(iv.notes.len().saturating_sub(1)),
        kept,
    };
    v.details(frame, top, area.width, &conflicts);
    v.title(frame, title);
    v.notes(frame, list);
    v.selected_note(frame, detail);
    v.capture(frame, capture);
}

/// What the interview editor's parts are drawn from.
#[derive(Clone, Copy)]
struct EditorView<'a> {
    t: &'a Strings,
    m: &'a Method,
    iv: &'a Interview,
    ed: &'a Editor,
    show_names: bool,
    theme: &'a Theme,
    /// The editor's width.
    w: usize,
    /// The selected note (clamped).
    sel: usize,
    /// Where the note list is kept between frames.
    kept: Option<&'a DrawCache>,
}

impl EditorView<'_> {
    /// The interview's details: the form while editing them, else two lines (and the
    /// details both sides changed).
    fn details(&self, frame: &mut Frame, top: Rect, width: u16, conflicts: &[String]) {
        let EditorView {
            t,
            m,
            iv,
            ed,
            show_names,
            theme,
            w,
            ..
        } = *self;
        let ti = t.interviews;
        if ed.focus == Focus::Fields {
            let label_w = (width / 3).clamp(14, 24);
            for (i, spec) in FIELDS.iter().enumerate() {
                let y = top.y + i as u16;
                if y >= top.bottom() {
                    break;
                }
                let focused = i == ed.field;
                let ls = if focused {
                    theme.label_focus
                } else {
                    theme.label
                };
                frame.render_widget(
                    Paragraph::new((spec.label)(t)).style(ls),
                    Rect::new(top.x, y, label_w, 1),
                );
                let val = Rect::new(
                    top.x + label_w + 1,
                    y,
                    top.width.saturating_sub(label_w + 1),
                    1,
                );
                // The name is hidden here too until F8 (the screen may be projected); it is
                // typed blind meanwhile.
                let named = if focused {
                    ed.name_given
                } else {
                    !iv.interviewee.trim().is_empty()
                };
                let hidden = i == 0 && !show_names && named;
                match &spec.kind {
                    FieldKind::Text { .. } if hidden => frame.render_widget(
                        Paragraph::new(ti.hidden_name).style(if focused {
                            theme.selected
                        } else {
                            theme.dim
                        }),
                        val,
                    ),
                    FieldKind::Text { .. } if focused => frame.render_widget(&ed.edit.area, val),
                    FieldKind::Text { get, .. } | FieldKind::ReadOnly { get } => {
                        frame.render_widget(Paragraph::new(get(iv)).style(theme.text), val)
                    }
                    FieldKind::Choice { .. } => {
                        let style = if focused { theme.selected } else { theme.text };
                        frame.render_widget(
                            Paragraph::new(format!("‹ {} ›", spec.show(iv, t, m))).style(style),
                            val,
                        )
                    }
                }
            }
            let hint_y = top.y + FIELDS.len() as u16;
            if hint_y < top.bottom() {
                let hint = match ed.notice {
                    Some(n) => Line::styled(cut(notice_text(ti, n), w), theme.warn),
                    None => Line::styled(ti.fields_hint, theme.dim),
                };
                frame.render_widget(Paragraph::new(hint), Rect::new(top.x, hint_y, top.width, 1));
            }
        } else {
            let who = who_shown(iv, ti, show_names);
            // Empty details are left out, not shown as "·  ·".
            let quotes = format!("{}: {}", ti.col_quotes, ti.consent(iv.consent));
            let meta = [
                ti.kind(iv.kind),
                iv.date.trim(),
                iv.interviewer.trim(),
                &quotes,
            ]
            .into_iter()
            .filter(|p| !p.is_empty())
            .collect::<Vec<_>>()
            .join(" · ");
            let mut head = vec![
                Line::styled(cut(&who, w), theme.label),
                Line::styled(cut(&meta, w), theme.dim),
            ];
            head.extend(
                conflicts
                    .iter()
                    .map(|c| Line::styled(cut(c, w), theme.problem)),
            );
            frame.render_widget(Paragraph::new(head), top);
        }
    }

    /// "Notities (12)" and a notice, if any.
    fn title(&self, frame: &mut Frame, title: Rect) {
        let EditorView {
            t, iv, ed, theme, ..
        } = *self;
        let ti = t.interviews;
        let mut title_spans = vec![Span::styled(
            fill(ti.notes_title, &[&iv.notes.len().to_string()]),
            theme.label,
        )];
        if let Some(n) = ed.notice.filter(|_| ed.focus != Focus::Fields) {
            title_spans.push(Span::styled(
                format!("  {}", notice_text(ti, n)),
                theme.warn,
            ));
        }
        frame.render_widget(Paragraph::new(Line::from(title_spans)), title);
    }

    /// The notes, one line each (wrapped whole when all fit), the selected one in view.
    /// The note list: built once per change of what it shows, drawn from the lines kept
    /// in between (typing a note in the capture line changes none of it).
    fn notes(&self, frame: &mut Frame, list: Rect) {
        let Some(slot) = self.kept.filter(|_| cache::enabled()) else {
            frame.render_widget(Lines(self.note_lines(list)), list);
            return;
        };
        let theme = self.theme;
        let key = EditorKey {
            naming: self.iv.interviewee.trim().is_empty(),
            height: list.height,
            width: self.w,
            sel: self.sel,
            focus: self.ed.focus,
            words: words_of(self.t, self.m),
            styles: [theme.dim, theme.selected, theme.label, theme.text],
        };
        let mut slot = slot.0.borrow_mut();
        let kept = kept_lists(&mut slot);
        match &kept.editor {
            Some((k, notes, _)) if *k == key && *notes == self.iv.notes => cache::list_hit(),
            _ => kept.editor = Some((key, self.iv.notes.clone(), self.note_lines(list))),
        }
        let lines = &kept.editor.as_ref().expect("set above").2;
        frame.render_widget(LinesRef(lines), list);
    }

    fn note_lines(&self, list: Rect) -> Vec<Line<'static>> {
        let EditorView {
            t,
            m,
            iv,
            ed,
            theme,
            w,
            sel,
            ..
        } = *self;
        let ti = t.interviews;
        let mut lines = Vec::new();
        if iv.notes.is_empty() {
            // While the name is still asked for, the list must not invite typing a note: what
            // is typed goes into the name.
            let naming = ed.focus == Focus::Fields && iv.interviewee.trim().is_empty();
            let hint = if naming {
                ti.no_notes_name_first
            } else {
                ti.no_notes
            };
            lines.push(Line::styled(hint, theme.dim));
        }
        let area_w = m
            .areas
            .iter()
            .map(|a| a.name.width())
            .max()
            .unwrap_or(8)
            .min(14);
        let kind_w = ti.note_kinds.iter().map(|k| k.width()).max().unwrap_or(8);
        let rows = (list.height as usize).saturating_sub(lines.len());
        let total = iv.notes.len();
        let head_w = area_w + kind_w + 4;
        let text_w = w.saturating_sub(head_w).max(1);
        // When every note fits wrapped (a large screen), show them whole.
        // Stops wrapping as soon as the room is used up: a long interview is not wrapped
        // whole on every keystroke.
        let whole = total > 0 && total <= rows && {
            let mut used = 0;
            iv.notes.iter().all(|n| {
                used += wrap_count(&n.text, text_w);
                used <= rows
            })
        };
        // Lines for "+N meer" above and below are reserved only when needed.
        let (first, space) = if total <= rows {
            (0, rows)
        } else if sel + 1 < rows {
            (0, rows.saturating_sub(1))
        } else {
            let space = rows.saturating_sub(2).max(1);
            (sel + 1 - space, space)
        };
        if first > 0 {
            lines.push(Line::styled(
                fill(ti.more, &[&first.to_string()]),
                theme.dim,
            ));
        }
        for (i, n) in iv.notes.iter().enumerate().skip(first).take(space) {
            let mark = if n.has_conflict() {
                "⚠"
            } else if n.public {
                "●"
            } else {
                " "
            };
            let head = format!(
                "{} {} {} ",
                pad(area_name(m, &n.area), area_w),
                pad(ti.note_kind(n.kind), kind_w),
                mark
            );
            let style = if i == sel && ed.focus != Focus::Capture && ed.focus != Focus::Fields {
                theme.selected
            } else if i == sel {
                theme.label
            } else {
                theme.text
            };
            if whole {
                for (j, l) in wrap(&n.text, text_w).into_iter().enumerate() {
                    let lead = if j == 0 {
                        head.clone()
                    } else {
                        " ".repeat(head_w)
                    };
                    lines.push(Line::styled(format!("{lead}{l}"), style));
                }
            } else {
                lines.push(Line::styled(
                    format!("{head}{}", cut(&n.text, text_w)),
                    style,
                ));
            }
        }
        let below = iv.notes.len().saturating_sub(first + space);
        if below > 0 {
            lines.push(Line::styled(
                fill(ti.more, &[&below.to_string()]),
                theme.dim,
            ));
        }
        lines
    }

    /// The selected note in full (while its text is edited: the field, and a merged
    /// text's other version below it).
    fn selected_note(&self, frame: &mut Frame, detail: Rect) {
        let EditorView {
            t,
            m,
            iv,
            ed,
            show_names,
            theme,
            w,
            sel,
            ..
        } = *self;
        let ti = t.interviews;
        if let Some(n) = iv.notes.get(sel)
            && detail.height > 0
        {
            let block = Block::default()
                .borders(Borders::TOP)
                .border_style(theme.border);
            let inner = block.inner(detail);
            frame.render_widget(block, detail);
            if ed.focus == Focus::EditNote {
                // Editing a merged text: the other version stays in view below.
                let other: Vec<String> = ti
                    .conflict_lines(n, show_names)
                    .iter()
                    .flat_map(|c| wrap(c, w))
                    .collect();
                let keep = (inner.height as usize / 2).min(other.len()) as u16;
                let [edit, below] = inner.layout(&Layout::vertical([
                    Constraint::Fill(1),
                    Constraint::Length(keep),
                ]));
                frame.render_widget(&ed.edit.area, edit);
                if keep > 0 {
                    let lines: Vec<Line> = other
                        .into_iter()
                        .take(keep as usize)
                        .map(|l| Line::styled(l, theme.problem))
                        .collect();
                    frame.render_widget(Lines(lines), below);
                }
            } else {
                let mut out: Vec<Line> = Vec::new();
                let tags = note_tags(t, m, n);
                let mut body = wrap(&n.text, w);
                let mut extra = Vec::new();
                // Wrapped, not cut: the approval state must stay readable at 80 columns.
                for l in wrap(&tags.join(" · "), w).into_iter().take(2) {
                    extra.push(Line::styled(l, theme.dim));
                }
                // Both versions in full: the note's text is the session's, the other
                // version says where it comes from.
                for c in ti.conflict_lines(n, show_names) {
                    for l in wrap(&c, w) {
                        extra.push(Line::styled(l, theme.problem));
                    }
                }
                let room = (inner.height as usize).saturating_sub(extra.len()).max(1);
                if body.len() > room {
                    body.truncate(room);
                    if let Some(l) = body.last_mut() {
                        *l = cut(&format!("{l}…"), w);
                    }
                }
                out.extend(body.into_iter().map(|l| Line::styled(l, theme.text)));
                out.extend(extra);
                frame.render_widget(Lines(out), inner);
            }
        }
    }

    /// The capture line: the prompt with the area a new note gets, and the field.
    fn capture(&self, frame: &mut Frame, capture: Rect) {
        let EditorView {
            t, m, ed, theme, ..
        } = *self;
        let ti = t.interviews;
        let prompt = fill(ti.capture, &[area_name(m, &ed.last_area)]);
        let pw = (prompt.width() as u16 + 1).min(capture.width / 2);
        let ps = if ed.focus == Focus::Capture {
            theme.label_focus
        } else {
            theme.label
        };
        frame.render_widget(
            Paragraph::new(prompt).style(ps),
            Rect::new(capture.x, capture.y, pw, 1),
        );
        let field = Rect::new(
            capture.x + pw + 1,
            capture.y,
            capture.width.saturating_sub(pw + 1),
            1,
        );
        if ed.focus == Focus::Capture {
            frame.render_widget(&ed.capture.area, field);
        } else {
            frame.render_widget(Paragraph::new(ed.capture.text()).style(theme.dim), field);
        }
    }
}

fn draw_synthesis(
    frame: &mut Frame,
    area: Rect,
    app: &App,
    view: &SessionView,
    st: &State,
    theme: &Theme,
) {
    let (t, m, show_names) = (app.t, &app.method, app.show_names);
    let ti = t.interviews;
    let s = &st.synth;
    let doc = &view.doc;
    let w = area.width as usize;
    let notes = synthesis_notes(doc, m, s, view.generation);
    let [head, filters, body] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Fill(1),
    ]));
    frame.render_widget(
        Paragraph::new(Line::styled(
            fill(
                ti.synthesis_title,
                &[
                    &ti.count_notes(notes.len()),
                    &ti.count_interviews(doc.interviews.len()),
                ],
            ),
            theme.label,
        )),
        head,
    );
    let area_f = s
        .area
        .and_then(|a| m.areas.get(a))
        .map_or(ti.all, |a| a.name.as_str());
    let kind_f = s.kind.map_or(ti.all, |k| ti.note_kind(k));
    let iv_f = s
        .interview
        .and_then(|i| doc.interviews.get(i))
        .map_or(ti.all.to_string(), |iv| source(iv));
    let f = format!(
        "{} · {} · {} · ",
        fill(ti.filter_area, &[area_f]),
        fill(ti.filter_kind, &[kind_f]),
        fill(ti.filter_interview, &[&iv_f]),
    );
    let search_label = fill(ti.filter_search, &[""]);
    let fw = (f.width() + search_label.width()) as u16;
    let fw = fw.min(filters.width.saturating_sub(10));
    frame.render_widget(
        Paragraph::new(Line::styled(format!("{f}{search_label}"), theme.dim)),
        Rect::new(filters.x, filters.y, fw, 1),
    );
    let sr = Rect::new(
        filters.x + fw,
        filters.y,
        filters.width.saturating_sub(fw),
        1,
    );
    if s.searching {
        frame.render_widget(&s.search.area, sr);
    } else {
        frame.render_widget(Paragraph::new(s.search.text()).style(theme.text), sr);
    }

    // Group headers with counts, then the notes (wrapped), attributed without names.
    let mut lines: Vec<Line> = Vec::new();
    if notes.is_empty() {
        lines.push(Line::styled(ti.synthesis_empty, theme.dim));
    }
    // The line where each note starts, for the "+N meer" count.
    let mut starts: Vec<usize> = Vec::new();
    let mut cur_area: Option<&str> = None;
    let mut cur_kind: Option<NoteKind> = None;
    let rows = body.height as usize;
    // Lay out only what can be seen: once the lines reach past the scrolled-to screen,
    // the rest only counts towards "+N meer" (with 10 000 notes, wrapping them all cost
    // tens of milliseconds per keystroke in the search field).
    let mut not_laid_out = 0;
    // Each note's lines are built once per change of the session (or of the width, the
    // names switch, the language, the theme) and kept: a search keystroke only picks
    // the notes it shows.
    let mut slot = st.drawn.0.borrow_mut();
    let mut kept = cache::enabled().then(|| {
        let key = SynthesisKey {
            generation: view.generation,
            width: w,
            show_names,
            words: words_of(t, m),
            styles: [theme.text, theme.problem],
        };
        let kept = kept_lists(&mut slot);
        if kept.synthesis.as_ref().is_none_or(|(k, _)| *k != key) {
            kept.synthesis = Some((key, HashMap::new()));
        }
        &mut kept.synthesis.as_mut().expect("set above").1
    });
    let mut reused = false;
    for (k, &(ii, ni)) in notes.iter().enumerate() {
        if lines.len() > s.scroll + rows {
            not_laid_out = notes.len() - k;
            break;
        }
        let iv = &doc.interviews[ii];
        let n = &iv.notes[ni];
        if cur_area != Some(n.area.as_str()) {
            cur_area = Some(n.area.as_str());
            cur_kind = None;
            let count = synthesis_group_len(s, k, false).unwrap_or_else(|| {
                notes[k..]
                    .iter()
                    .take_while(|&&(a, b)| doc.interviews[a].notes[b].area == n.area)
                    .count()
            });
            if !lines.is_empty() {
                lines.push(Line::from(""));
            }
            lines.push(Line::styled(
                format!("{} ({count})", area_name(m, &n.area)),
                theme.label_focus,
            ));
        }
        if cur_kind != Some(n.kind) {
            cur_kind = Some(n.kind);
            let count = synthesis_group_len(s, k, true).unwrap_or_else(|| {
                notes[k..]
                    .iter()
                    .take_while(|&&(a, b)| {
                        let x = &doc.interviews[a].notes[b];
                        x.area == n.area && x.kind == n.kind
                    })
                    .count()
            });
            lines.push(Line::styled(
                format!("  {} ({count})", ti.note_kind(n.kind)),
                theme.label,
            ));
        }
        starts.push(lines.len());
        let note_lines = || {
            let mut out = Vec::new();
            let mark = if n.has_conflict() { "⚠ " } else { "" };
            let src = source(iv);
            let text = if src.is_empty() {
                format!("{mark}{}", n.text)
            } else {
                format!("{mark}{} — {src}", n.text)
            };
            for (j, l) in wrap(&text, w.saturating_sub(6)).into_iter().enumerate() {
                let prefix = if j == 0 { "    • " } else { "      " };
                out.push(Line::styled(format!("{prefix}{l}"), theme.text));
            }
            for c in ti.conflict_lines(n, show_names) {
                for l in wrap(&c, w.saturating_sub(6)) {
                    out.push(Line::styled(format!("      {l}"), theme.problem));
                }
            }
            out
        };
        match kept.as_deref_mut() {
            Some(kept) => {
                if kept.len() >= MAX_KEPT_NOTES && !kept.contains_key(&(ii, ni)) {
                    kept.clear();
                }
                reused |= kept.contains_key(&(ii, ni));
                let these = kept.entry((ii, ni)).or_insert_with(note_lines);
                lines.extend(these.iter().cloned());
            }
            None => lines.extend(note_lines()),
        }
    }
    if reused {
        cache::list_hit();
    }
    let max_scroll = lines.len().saturating_sub(rows);
    let first = s.scroll.min(max_scroll);
    let mut shown: Vec<Line> = lines.into_iter().skip(first).collect();
    if shown.len() > rows {
        // Count notes, not lines: how many notes start below the last shown row.
        let hidden = starts
            .iter()
            .filter(|&&at| at >= first + rows.saturating_sub(1))
            .count()
            .saturating_add(not_laid_out)
            .max(1);
        shown.truncate(rows - 1);
        shown.push(Line::styled(
            fill(ti.more, &[&hidden.to_string()]),
            theme.dim,
        ));
    }
    frame.render_widget(Lines(shown), body);
}

/// The import picker (the one picker): each file's row (see
/// `app::interviews::import_row`), other pacts' and rounds' files under a heading of
/// their own, and below the rows how many are hidden and the question after Enter.
fn draw_picker(
    frame: &mut Frame,
    area: Rect,
    t: &Strings,
    p: &Picker,
    doc: &crate::model::Session,
    show_names: bool,
    theme: &Theme,
) {
    use super::widgets::picker::{Row, draw_rows, height};
    let ti = t.interviews;
    // The search looks in the rows as shown (as `app::interviews` does): with names
    // hidden it never finds a hidden name; with F8 on it finds the names on screen.
    let rows: Vec<Row> = p
        .rows(doc, t, show_names)
        .into_iter()
        .enumerate()
        .map(|(i, text)| Row {
            text,
            ticked: Some(p.marked.get(i).copied().unwrap_or(false)),
            problem: !crate::app::interviews::FileInfo::readable(
                p.info.get(i).and_then(Option::as_ref),
            ),
            heading: (i >= p.own).then(|| ti.picker_others_heading.to_string()),
            search: None,
        })
        .collect();
    let mut tail: Vec<Line> = Vec::new();
    if p.files.is_empty() && p.others.is_empty() {
        tail.extend(ti.picker_none.lines().map(|l| Line::styled(l, theme.text)));
    }
    if !p.others.is_empty() {
        tail.push(Line::styled(
            fill(ti.picker_others_hidden, &[&p.others.len().to_string()]),
            theme.dim,
        ));
    }
    if p.confirm.is_some() {
        // Two short lines: whole at 80 columns.
        tail.extend(
            ti.picker_confirm
                .lines()
                .map(|l| Line::styled(l, theme.problem)),
        );
    }
    let w = (area.width.saturating_sub(4)).min(120);
    let content = if p.files.is_empty() {
        tail.len()
    } else {
        height(&p.pick, &rows, tail.len())
    };
    let h = (content as u16 + 2)
        .min(area.height.saturating_sub(2))
        .max(3);
    let r = area.centered(Constraint::Length(w), Constraint::Length(h));
    let title = cut(
        &fill(ti.picker_title, &[&p.dir.display().to_string()]),
        w.saturating_sub(4) as usize,
    );
    let title = Span::styled(title, theme.label);
    let inner = super::widgets::popup::frame(frame, r, title, theme.label, theme);
    draw_rows(frame, inner, &p.pick, &rows, &tail, t, theme);
}

/// The Interviews screens: drawn for the facilitator and the beamer.
pub const DRAWING: super::ScreenDrawing = super::ScreenDrawing {
    screen: crate::app::Screen::Interviews,
    draw,
    presenter: super::presenter::interviews,
    room,
};

/// The room sees who was interviewed (names only with F8) and how many notes each has.
fn room(app: &App, s: &SessionView, theme: &Theme) -> RoomView {
    RoomView::parts(interviews_parts(app, s, theme))
}

fn interviews_parts(app: &App, s: &SessionView, _theme: &Theme) -> Vec<Part> {
    let t = app.t;
    let mut out = Vec::new();
    for (n, iv) in s.doc.interviews.iter().enumerate() {
        let who = crate::app::interviews::who_shown(iv, t.interviews, app.show_names);
        out.push(Part::big(
            n == s.interviews.selected,
            visible_line(&who).into_owned(),
            format!("  ({})", iv.notes.len()),
        ));
    }
    if out.is_empty() {
        out.push(Part::Line(Line::styled(t.room.no_items, _theme.dim)));
    }
    out
}
