//! Rendering: a pure function of the app state.

pub mod ascii;
pub mod chrome;
pub mod compose;
pub mod intake;
pub mod interviews;
pub mod markdown;
pub mod portfolio;
pub mod presenter;
pub mod room;
pub mod start;
pub mod summary;
pub mod theme;
pub mod triangle;
pub mod wheel;
pub mod widgets;

use crate::app::keys;
use crate::app::{App, Overlay, Screen, SessionView, View};
use crate::i18n::fill;
use ratatui::prelude::*;
use ratatui::widgets::{Paragraph, Wrap};
use theme::Theme;

pub const MIN_WIDTH: u16 = 60;
pub const MIN_HEIGHT: u16 = 20;

/// Draws a screen's content into an area.
pub type DrawFn = fn(&mut Frame, Rect, &App, &SessionView, &Theme);

/// What the ui does for a session screen: the one place that draws it, for the
/// facilitator, in the presenter view (its content in its largest form) and in the
/// room window (`volgspot zaal`: its content below the title and the minutes). Each
/// screen's ui file has one (`DRAWING`); [`VIEWS`] lists them.
pub struct ScreenDrawing {
    pub screen: Screen,
    pub draw: DrawFn,
    pub presenter: DrawFn,
    pub room: room::RoomFn,
}

/// Every session screen's drawing: the `DRAWING` of the ui module named in the app's
/// one list of screens (`app::screens!`), in the same order.
macro_rules! screen_views {
    ($($variant:ident = $id:literal => $module:ident),* $(,)?) => {
        pub static VIEWS: [&ScreenDrawing; Screen::COUNT] = [$(&$module::DRAWING),*];
    };
}
crate::app::screens!(screen_views);

/// The drawing of a screen.
pub fn view(screen: Screen) -> &'static ScreenDrawing {
    VIEWS[screen.index()]
}

/// One screen's content (not the chrome around it).
fn screen_body(frame: &mut Frame, area: Rect, app: &App, s: &SessionView, screen: Screen) {
    (view(screen).draw)(frame, area, app, s, &app.theme)
}

/// One frame of the app; without Unicode drawing, folded to ASCII at the end.
pub fn draw(frame: &mut Frame, app: &App) {
    draw_views(frame, app);
    if app.ascii {
        ascii::fold(frame.buffer_mut());
    }
}

fn draw_views(frame: &mut Frame, app: &App) {
    let theme: &Theme = &app.theme;
    let area = frame.area();
    // Screens that draw a clickable list register it again this frame.
    app.click_list.set(None);
    // Both built-in themes paint the whole screen, so they read the same on a black or a
    // white terminal (a theme file without a background keeps the terminal's own).
    if theme.background != Style::default() {
        widgets::fill::style(frame.buffer_mut(), area, theme.background);
    }
    if area.width < MIN_WIDTH || area.height < MIN_HEIGHT {
        frame.render_widget(
            Paragraph::new(app.t.too_small)
                .style(theme.label)
                .wrap(Wrap { trim: true }),
            area,
        );
        return;
    }
    // `.` / `b`: the projected screen goes dark (only the facilitator's own window, in
    // normal view, keeps its content, with a loud note in the header).
    if app.presenter && app.blank && matches!(app.view, View::Session(_)) {
        widgets::fill::style(
            frame.buffer_mut(),
            area,
            Style::new().bg(Color::Black).fg(Color::Black),
        );
        return;
    }
    if app.presenter
        && let View::Session(s) = &app.view
    {
        presenter::draw(frame, area.inner(Margin::new(1, 1)), app, s, theme);
        // Help lists what works here: the app-wide keys (the screen's own are refused).
        let mut keys: Vec<_> = s
            .help()
            .into_iter()
            .filter(|k| k.global || k.essential)
            .collect();
        // The remote's keys (blank screen) and the clock reset.
        // (listed once: outside a text field the session's help has them already).
        for b in crate::app::remote::HELP {
            if !keys.iter().any(|k| k.keys == b.keys) {
                keys.push(keys::KeyHelp {
                    global: true,
                    ..b.help()
                });
            }
        }
        overlays(frame, area, app, keys, s.screen.title(app.t));
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
            match &st.portfolio {
                Some(p) => {
                    portfolio::draw(frame, inner, app, st, p, theme);
                    (st.help(), app.t.portfolio.title)
                }
                None => {
                    start::draw(frame, inner, app, st, theme);
                    (st.help(), app.t.start_title)
                }
            }
        }
        View::Session(s) => {
            chrome::header(frame, top, app, s, theme);
            screen_body(frame, inner, app, s, s.screen);
            // A popup that is read: the footer says how to close it.
            let help = if app.read_popup_open() {
                keys::read_popup_help()
            } else {
                s.help()
            };
            (help, s.screen.title(app.t))
        }
    };
    chrome::footer(frame, bottom, app.t, &bindings, theme);
    overlays(frame, body, app, bindings, title);
}

fn overlays(frame: &mut Frame, area: Rect, app: &App, bindings: Vec<keys::KeyHelp>, title: &str) {
    let theme = &app.theme;
    match &app.overlay {
        None => {}
        Some(Overlay::Help) => chrome::help(frame, area, app.t, title, &bindings, theme),
        Some(Overlay::ConfirmQuit(text)) => {
            chrome::message(frame, area, text, app.t.yes_no, theme.problem, theme)
        }
        Some(Overlay::Recover(r)) => {
            let hint = crate::app::keys::help_of(crate::app::keys::RECOVER)
                .iter()
                .map(|k| format!("{} = {}", crate::app::keys::names(k.keys), (k.label)(app.t)))
                .collect::<Vec<_>>()
                .join(" · ");
            chrome::message(
                frame,
                area,
                &app.t.recovery_offer(r),
                &hint,
                theme.warn,
                theme,
            )
        }
        Some(Overlay::ConfirmClockReset) => chrome::message(
            frame,
            area,
            app.t.room.confirm_clock_reset,
            app.t.yes_no,
            theme.warn,
            theme,
        ),
        Some(Overlay::Message(text)) => {
            chrome::message(frame, area, text, app.t.help_close, theme.problem, theme)
        }
        Some(Overlay::Peek) => {
            if let View::Session(s) = &app.view {
                peek(frame, area, app, s);
            }
        }
    }
}

/// Look ahead: the next screen in a popup, for the facilitator; the room's screen stays.
fn peek(frame: &mut Frame, area: Rect, app: &App, s: &SessionView) {
    let theme = &app.theme;
    let next = s.screen.next();
    let r = area.inner(Margin::new(2, 1));
    let place = format!("{} {}", next.place(), next.title(app.t));
    let title = Span::styled(fill(app.t.peek_title, &[&place]), theme.label);
    let inner = widgets::popup::frame(frame, r, title, theme.label, theme);
    screen_body(frame, inner, app, s, next);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_screen_has_its_own_drawing() {
        for screen in Screen::ALL {
            assert_eq!(view(screen).screen, screen);
        }
    }
}
