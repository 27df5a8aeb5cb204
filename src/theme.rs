//! Colours and emphasis, as data: `assets/themes/*.json` (embedded). Neutral: the app
//! state holds the theme in use, the ui draws with it. High contrast,
//! legible from the back of a room: a dark theme, and a light one because beamers wash
//! out dark backgrounds. Only the 16 basic terminal colours are used, and status colours
//! avoid a red/green contrast, so 16-colour terminals and colour-blind viewers are served.
//! With `NO_COLOR` set, colours are dropped and emphasis is kept (bold, reversed).

use ratatui::style::{Color, Modifier, Style};
use serde::Deserialize;
use std::collections::BTreeMap;
use std::str::FromStr;
use std::sync::OnceLock;

const DONKER: &str = include_str!("../assets/themes/donker.json");
const LICHT: &str = include_str!("../assets/themes/licht.json");

/// The built-in themes, in the order the theme key cycles through them.
pub const NAMES: [&str; 2] = ["donker", "licht"];

/// Why `--theme` could not be used: the name given and what went wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ThemeError {
    pub name: String,
    pub why: String,
}

impl ThemeError {
    /// The error in the UI language.
    pub fn message(&self, t: &crate::i18n::Strings) -> String {
        crate::i18n::fill(t.e_theme, &[&self.name, &self.why])
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Theme {
    pub name: String,
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
    /// Big titles in the presenter view.
    pub title: Style,
    /// The whole screen's base (a light theme paints the background white).
    pub background: Style,
}

#[derive(Deserialize)]
struct ThemeFile {
    name: String,
    styles: BTreeMap<String, StyleDef>,
}

#[derive(Deserialize, Default)]
#[serde(default)]
struct StyleDef {
    fg: Option<String>,
    bg: Option<String>,
    bold: bool,
    underline: bool,
    reversed: bool,
}

impl StyleDef {
    fn style(&self) -> Style {
        let mut s = Style::new();
        if let Some(c) = self.fg.as_deref().and_then(|c| Color::from_str(c).ok()) {
            s = s.fg(c);
        }
        if let Some(c) = self.bg.as_deref().and_then(|c| Color::from_str(c).ok()) {
            s = s.bg(c);
        }
        if self.bold {
            s = s.add_modifier(Modifier::BOLD);
        }
        if self.underline {
            s = s.add_modifier(Modifier::UNDERLINED);
        }
        if self.reversed {
            s = s.add_modifier(Modifier::REVERSED);
        }
        s
    }
}

impl Theme {
    /// Parses a theme file (same shape as `assets/themes/donker.json`).
    pub fn parse(text: &str) -> Result<Theme, serde_json::Error> {
        let f: ThemeFile = serde_json::from_str(text)?;
        let get = |k: &str| f.styles.get(k).map(StyleDef::style).unwrap_or_default();
        Ok(Theme {
            name: f.name.clone(),
            header: get("header"),
            footer: get("footer"),
            footer_key: get("footer_key"),
            label: get("label"),
            label_focus: get("label_focus"),
            text: get("text"),
            dim: get("dim"),
            problem: get("problem"),
            ok: get("ok"),
            warn: get("warn"),
            almost: get("almost"),
            selected: get("selected"),
            border: get("border"),
            title: get("title"),
            background: get("background"),
        })
    }

    /// A built-in theme by name (`donker`/`dark`, `licht`/`light`).
    pub fn builtin(name: &str) -> Option<Theme> {
        let text = match name.to_ascii_lowercase().as_str() {
            "donker" | "dark" => DONKER,
            "licht" | "light" => LICHT,
            _ => return None,
        };
        Theme::parse(text).ok()
    }

    /// The dark theme, for hosts without a choice (tests, the interviewer).
    pub fn dark() -> &'static Theme {
        static DARK: OnceLock<Theme> = OnceLock::new();
        DARK.get_or_init(|| Theme::builtin("donker").unwrap_or_else(Theme::plain))
    }

    /// No colours at all: emphasis only. Highlights become reversed video.
    pub fn plain() -> Theme {
        Theme::builtin("donker")
            .map(|t| t.without_colour())
            .unwrap_or_else(fallback)
    }

    /// For `NO_COLOR`: drops every colour; what had a background becomes reversed.
    pub fn without_colour(&self) -> Theme {
        let strip = |s: Style| {
            let mut out = Style::new().add_modifier(s.add_modifier);
            if s.bg.is_some() {
                out = out.add_modifier(Modifier::REVERSED);
            }
            out
        };
        Theme {
            name: self.name.clone(),
            header: strip(self.header),
            footer: strip(self.footer),
            footer_key: strip(self.footer_key),
            label: strip(self.label),
            label_focus: strip(self.label_focus),
            text: strip(self.text),
            dim: strip(self.dim),
            problem: strip(self.problem),
            ok: strip(self.ok),
            warn: strip(self.warn),
            almost: strip(self.almost),
            selected: strip(self.selected),
            border: strip(self.border),
            title: strip(self.title),
            background: Style::new(),
        }
    }

    /// The theme to start with: `--theme`/`VOLGSPOT_THEME`, then `NO_COLOR`.
    pub fn choose(name: Option<&str>, no_color: bool) -> Result<Theme, ThemeError> {
        let theme = match name {
            None => Theme::builtin("donker").unwrap_or_else(Theme::plain),
            Some(n) => match Theme::builtin(n) {
                Some(t) => t,
                // Not a built-in name: a theme file of the region's own.
                None => {
                    let bad = |why: String| ThemeError {
                        name: n.to_string(),
                        why,
                    };
                    let text = std::fs::read_to_string(n).map_err(|e| bad(e.to_string()))?;
                    Theme::parse(&text).map_err(|e| bad(e.to_string()))?
                }
            },
        };
        Ok(if no_color {
            theme.without_colour()
        } else {
            theme
        })
    }

    /// The next built-in theme (the theme key cycles), keeping `NO_COLOR`.
    pub fn next(&self, no_color: bool) -> Theme {
        let i = NAMES.iter().position(|n| *n == self.name).unwrap_or(0);
        let next = Theme::builtin(NAMES[(i + 1) % NAMES.len()]).unwrap_or_else(Theme::plain);
        if no_color {
            next.without_colour()
        } else {
            next
        }
    }
}

/// Used only if an embedded theme failed to parse (a unit test guards against that).
fn fallback() -> Theme {
    let s = Style::new();
    Theme {
        name: "plain".into(),
        header: s.add_modifier(Modifier::REVERSED),
        footer: s.add_modifier(Modifier::REVERSED),
        footer_key: s.add_modifier(Modifier::BOLD | Modifier::REVERSED),
        label: s.add_modifier(Modifier::BOLD),
        label_focus: s.add_modifier(Modifier::REVERSED),
        text: s,
        dim: s,
        problem: s.add_modifier(Modifier::BOLD),
        ok: s,
        warn: s.add_modifier(Modifier::REVERSED),
        almost: s.add_modifier(Modifier::REVERSED),
        selected: s.add_modifier(Modifier::REVERSED),
        border: s,
        title: s.add_modifier(Modifier::BOLD),
        background: s,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn built_in_themes_parse_and_use_only_16_colours() {
        for name in NAMES {
            let t = Theme::builtin(name).unwrap();
            assert_eq!(t.name, name);
            for s in [t.header, t.text, t.selected, t.warn, t.title] {
                for c in [s.fg, s.bg].into_iter().flatten() {
                    assert!(
                        !matches!(c, Color::Rgb(..) | Color::Indexed(..)),
                        "{name}: {c:?}"
                    );
                }
            }
        }
        assert_ne!(Theme::builtin("licht").unwrap().selected.bg, None);
    }

    #[test]
    fn a_missing_theme_file_is_named_in_the_error() {
        let e = Theme::choose(Some("/geen/thema.json"), false).unwrap_err();
        assert_eq!(e.name, "/geen/thema.json");
        let msg = e.message(crate::i18n::Lang::Nl.strings());
        assert!(msg.starts_with("--theme /geen/thema.json: "), "{msg}");
    }

    #[test]
    fn no_color_keeps_emphasis_only() {
        let t = Theme::builtin("donker").unwrap().without_colour();
        assert_eq!(t.selected.bg, None);
        assert_eq!(t.selected.fg, None);
        assert!(t.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(t.label.add_modifier.contains(Modifier::BOLD));
    }
}
