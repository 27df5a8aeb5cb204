//! Colours and emphasis. High contrast, legible from the back of a room.

use ratatui::style::{Color, Modifier, Style};

pub struct Theme {
    pub header: Style,
    pub footer: Style,
    pub footer_key: Style,
    pub label: Style,
    pub label_focus: Style,
    pub text: Style,
    pub dim: Style,
    pub problem: Style,
    pub ok: Style,
    pub warn: Style,
    /// The clock when 20% of a block is left.
    pub almost: Style,
    pub selected: Style,
    pub border: Style,
}

pub static DARK: Theme = Theme {
    header: Style::new()
        .fg(Color::White)
        .bg(Color::Blue)
        .add_modifier(Modifier::BOLD),
    footer: Style::new().fg(Color::Black).bg(Color::Gray),
    footer_key: Style::new()
        .fg(Color::Black)
        .bg(Color::Gray)
        .add_modifier(Modifier::BOLD),
    label: Style::new().fg(Color::White).add_modifier(Modifier::BOLD),
    label_focus: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    text: Style::new().fg(Color::White),
    dim: Style::new().fg(Color::Gray),
    problem: Style::new()
        .fg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    ok: Style::new().fg(Color::LightGreen),
    warn: Style::new()
        .fg(Color::Black)
        .bg(Color::LightRed)
        .add_modifier(Modifier::BOLD),
    almost: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    selected: Style::new()
        .fg(Color::Black)
        .bg(Color::Yellow)
        .add_modifier(Modifier::BOLD),
    border: Style::new().fg(Color::Gray),
};
