//! (Not built yet: shows the placeholder.)

use super::theme::Theme;
use crate::app::{App, SessionView};
use ratatui::prelude::*;

pub fn draw(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, theme: &Theme) {
    super::placeholder::draw(frame, area, app, s.screen.title(app.t), theme);
}
