//! Screens that are not built yet say so plainly.

use super::theme::Theme;
use crate::app::App;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};

pub fn draw(frame: &mut Frame, area: Rect, app: &App, title: &str, theme: &Theme) {
    let lines = vec![
        Line::from(""),
        Line::styled(title.to_string(), theme.label),
        Line::from(""),
        Line::styled(app.t.placeholder, theme.dim),
    ];
    frame.render_widget(
        Paragraph::new(lines)
            .alignment(Alignment::Center)
            .wrap(Wrap { trim: true }),
        area,
    );
}
