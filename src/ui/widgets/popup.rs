//! The one popup frame: every popup (help, messages, peek, pickers, edit boxes) is
//! cleared, bordered and titled here, so they all look and behave alike.

use crate::ui::theme::Theme;
use ratatui::prelude::*;
use ratatui::widgets::{Block, BorderType, Borders, Clear};

/// A popup of about `width`×`height` centred in `area`: never wider or taller than the
/// area less a margin, never smaller than 10×3 (or the area).
pub fn centered(area: Rect, width: u16, height: u16) -> Rect {
    let w = width
        .min(area.width.saturating_sub(2))
        .max(10.min(area.width));
    let h = height
        .min(area.height.saturating_sub(2))
        .max(3.min(area.height));
    area.centered(Constraint::Length(w), Constraint::Length(h))
}

/// Draws the popup frame on `r` (cleared, the theme's background, a double border in
/// `border` style, `title` on it) and returns the area inside.
pub fn frame<'a>(
    f: &mut Frame,
    r: Rect,
    title: impl Into<Option<Span<'a>>>,
    border: Style,
    theme: &Theme,
) -> Rect {
    f.render_widget(Clear, r);
    let mut block = Block::default()
        .borders(Borders::ALL)
        .border_type(BorderType::Double)
        .border_style(border)
        .style(theme.background);
    if let Some(title) = title.into() {
        block = block.title(title);
    }
    let inner = block.inner(r);
    f.render_widget(block, r);
    inner
}
