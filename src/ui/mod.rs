//! Rendering: a pure function of the app state.

pub mod chrome;
pub mod intake;
pub mod interviews;
pub mod placeholder;
pub mod start;
pub mod summary;
pub mod theme;
pub mod triangle;
pub mod wheel;
pub mod widgets;

use crate::app::keys;
use crate::app::{App, Overlay, Screen, View};
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};
use theme::{DARK, Theme};

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

pub fn draw(frame: &mut Frame, app: &App) {
    let theme: &Theme = &DARK;
    let area = frame.area();
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        frame.render_widget(
            Paragraph::new(app.t.too_small)
                .style(theme.label)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    let [top, body, bottom] = area.layout(&Layout::vertical([
        Constraint::Length(1),
        Constraint::Fill(1),
        Constraint::Length(1),
    ]));
    let inner = body.inner(Margin::new(1, 1));
    let (bindings, title) = match &app.view {
        View::Start(st) => {
            frame.render_widget(
                Paragraph::new(format!(" {} ", app.t.app_name)).style(theme.header),
                top,
            );
            start::draw(frame, inner, app, st, theme);
            (keys::start_help(), app.t.start_title)
        }
        View::Session(s) => {
            chrome::header(frame, top, app, s, theme);
            match s.screen {
                Screen::Intake => intake::draw(frame, inner, app, s, theme),
                Screen::Interviews => interviews::draw(frame, inner, app, s, theme),
                Screen::Triangle => triangle::draw(frame, inner, app, s, theme),
                Screen::Wheel => wheel::draw(frame, inner, app, s, theme),
                Screen::Summary => summary::draw(frame, inner, app, s, theme),
            }
            (s.help(), s.screen.title(app.t))
        }
    };
    chrome::footer(frame, bottom, app.t, &bindings, theme);
    match &app.overlay {
        None => {}
        Some(Overlay::Help) => chrome::help(frame, body, app.t, title, &bindings, theme),
        Some(Overlay::ConfirmQuit(text)) => {
            chrome::message(frame, body, text, app.t.yes_no, theme.problem, theme)
        }
        Some(Overlay::Recover(r)) => {
            let hint = crate::app::keys::help_of(crate::app::keys::RECOVER)
                .iter()
                .map(|k| format!("{} = {}", crate::app::keys::names(k), (k.label)(app.t)))
                .collect::<Vec<_>>()
                .join(" · ");
            chrome::message(
                frame,
                body,
                &app.t.recovery_offer(r),
                &hint,
                theme.warn,
                theme,
            )
        }
        Some(Overlay::Message(text)) => {
            chrome::message(frame, body, text, app.t.help_close, theme.problem, theme)
        }
    }
}
