//! The five screens, in method order.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Intake,
    Interviews,
    Triangle,
    Wheel,
    Summary,
}

impl Screen {
    pub const ALL: [Screen; 5] = [
        Screen::Intake,
        Screen::Interviews,
        Screen::Triangle,
        Screen::Wheel,
        Screen::Summary,
    ];

    pub fn index(self) -> usize {
        Screen::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }

    /// The id used in data (agenda blocks link to screens by it).
    pub fn id(self) -> &'static str {
        match self {
            Screen::Intake => "intake",
            Screen::Interviews => "interviews",
            Screen::Triangle => "triangle",
            Screen::Wheel => "wheel",
            Screen::Summary => "summary",
        }
    }

    pub fn from_id(id: &str) -> Option<Screen> {
        Screen::ALL.into_iter().find(|s| s.id() == id)
    }

    pub fn next(self) -> Screen {
        Screen::ALL[(self.index() + 1).min(Screen::ALL.len() - 1)]
    }

    pub fn prev(self) -> Screen {
        Screen::ALL[self.index().saturating_sub(1)]
    }

    pub fn title(self, t: &crate::i18n::Strings) -> &'static str {
        t.screens[self.index()]
    }
}
