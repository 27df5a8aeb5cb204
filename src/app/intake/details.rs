//! The intake details form: which fields there are (data), and the text editors behind them.
//! The editors hold exactly what was typed; the session gets the value when it is valid,
//! so an invalid date or round is shown with a message and never thrown away.

use crate::app::field::{FieldKind, FieldSpec};
use crate::app::keys::{Binding, KeyHelp, OPEN, REDO, UNDO, find, help_of, key, shift};
use crate::app::{Ctx, Outcome};
use crate::model::validate::{self, Problem};
use crate::model::{Intake, Session};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui_textarea::TextArea;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Next,
    Prev,
    Undo,
    Redo,
    /// A new line in a text box, the next field in a one-line field.
    Enter,
}

pub static KEYS: &[Binding<Act>] = &[
    Binding::new(&[key(KeyCode::Tab), key(KeyCode::Down)], Act::Next, |t| {
        t.k_next_field
    })
    .footer(),
    Binding::new(
        &[shift(KeyCode::BackTab), key(KeyCode::Up)],
        Act::Prev,
        |t| t.k_prev_field,
    ),
    Binding::new(UNDO, Act::Undo, |t| t.k_undo),
    Binding::new(REDO, Act::Redo, |t| t.k_redo),
    Binding::new(OPEN, Act::Enter, |t| t.k_newline),
];

/// The intake's details: text fields (the one field description, [`FieldSpec`]).
pub static FIELDS: &[FieldSpec<Intake>] = &[
    FieldSpec {
        label: |t| t.f_pact,
        kind: FieldKind::Text {
            get: |i| i.pact_name.clone(),
            set: |i, s| {
                i.pact_name = s.to_string();
                validate::required(s)
            },
            multiline: false,
        },
    },
    FieldSpec {
        label: |t| t.f_round,
        kind: FieldKind::Text {
            get: |i| i.round.to_string(),
            set: |i, s| {
                i.round = validate::parse_round(s)?;
                Ok(())
            },
            multiline: false,
        },
    },
    FieldSpec {
        label: |t| t.f_date,
        kind: FieldKind::Text {
            get: |i| i.session_date.clone(),
            // Dates are stored as typed, so even an invalid one survives a crash.
            set: |i, s| {
                i.session_date = s.to_string();
                validate::parse_date(s).map(|_| ())
            },
            multiline: false,
        },
    },
    FieldSpec {
        label: |t| t.f_time,
        kind: FieldKind::Text {
            get: |i| i.start_time.clone(),
            set: |i, s| {
                i.start_time = s.to_string();
                validate::parse_time(s).map(|_| ())
            },
            multiline: false,
        },
    },
    FieldSpec {
        label: |t| t.f_place,
        kind: FieldKind::Text {
            get: |i| i.place.clone(),
            set: |i, s| {
                i.place = s.to_string();
                Ok(())
            },
            multiline: false,
        },
    },
    FieldSpec {
        label: |t| t.f_meeting,
        kind: FieldKind::Text {
            get: |i| i.meeting.clone(),
            set: |i, s| {
                i.meeting = s.to_string();
                Ok(())
            },
            multiline: false,
        },
    },
    FieldSpec {
        label: |t| t.f_facilitators,
        kind: FieldKind::Text {
            get: |i| i.facilitators.clone(),
            set: |i, s| {
                i.facilitators = s.to_string();
                Ok(())
            },
            multiline: false,
        },
    },
    FieldSpec {
        label: |t| t.f_interviewers,
        kind: FieldKind::Text {
            get: |i| i.interviewers.clone(),
            set: |i, s| {
                i.interviewers = s.to_string();
                Ok(())
            },
            multiline: false,
        },
    },
    FieldSpec {
        label: |t| t.f_region,
        kind: FieldKind::Text {
            get: |i| i.region_description.clone(),
            set: |i, s| {
                i.region_description = s.to_string();
                Ok(())
            },
            multiline: true,
        },
    },
    FieldSpec {
        label: |t| t.f_ambition,
        kind: FieldKind::Text {
            get: |i| i.ambition.text.clone(),
            set: |i, s| {
                i.ambition.text = s.to_string();
                Ok(())
            },
            multiline: true,
        },
    },
    FieldSpec {
        label: |t| t.f_ambition_source,
        kind: FieldKind::Text {
            get: |i| i.ambition.source.clone(),
            set: |i, s| {
                i.ambition.source = s.to_string();
                Ok(())
            },
            multiline: false,
        },
    },
];

pub struct Form {
    pub focus: usize,
    pub editors: Vec<TextArea<'static>>,
    /// The current problem per field (None when valid).
    pub problems: Vec<Option<Problem>>,
}

pub fn editor(text: &str, multiline: bool) -> TextArea<'static> {
    crate::app::field::Field::new(text, multiline).area
}

impl Form {
    pub fn new(intake: &Intake) -> Self {
        let editors = FIELDS
            .iter()
            .map(|f| editor(&f.text(intake), f.multiline()))
            .collect();
        let mut probe = intake.clone();
        let problems = FIELDS
            .iter()
            .map(|f| f.store(&mut probe, &f.text(intake)).err())
            .collect();
        Form {
            focus: 0,
            editors,
            problems,
        }
    }

    pub fn spec(&self) -> &'static FieldSpec<Intake> {
        &FIELDS[self.focus]
    }

    pub fn text(&self, i: usize) -> String {
        self.editors[i].lines().join("\n")
    }

    /// Copies the focused editor's text into the session. Returns true when the
    /// session changed.
    pub fn commit(&mut self, intake: &mut Intake) -> bool {
        let before = intake.clone();
        let text = self.text(self.focus);
        self.problems[self.focus] = FIELDS[self.focus].store(intake, &text).err();
        *intake != before
    }

    /// Up/Down move the cursor inside a text box, and leave it only from its first or
    /// last line, so every field stays reachable with the arrows.
    pub fn arrow_stays_inside(&self, key: &KeyEvent) -> bool {
        if !self.spec().multiline() || key.modifiers != KeyModifiers::NONE {
            return false;
        }
        let ed = &self.editors[self.focus];
        let row = ed.cursor().0;
        match key.code {
            KeyCode::Up => row > 0,
            KeyCode::Down => row + 1 < ed.lines().len(),
            _ => false,
        }
    }

    pub fn focus_next(&mut self) {
        self.focus = (self.focus + 1) % FIELDS.len();
    }

    pub fn focus_prev(&mut self) {
        self.focus = (self.focus + FIELDS.len() - 1) % FIELDS.len();
    }
}

impl Form {
    /// Every field takes typed text, so `?` is a character here and F1 opens help.
    pub fn typing(&self) -> bool {
        true
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        help_of(KEYS)
    }

    pub fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, _ctx: &Ctx) -> Outcome {
        if !self.arrow_stays_inside(&key)
            && let Some(act) = find(KEYS, &key)
        {
            return match act {
                Act::Next => {
                    self.focus_next();
                    Outcome::Handled
                }
                Act::Prev => {
                    self.focus_prev();
                    Outcome::Handled
                }
                Act::Undo | Act::Redo => {
                    let ed = &mut self.editors[self.focus];
                    if act == Act::Undo {
                        ed.undo();
                    } else {
                        ed.redo();
                    }
                    self.commit_outcome(doc)
                }
                Act::Enter if !self.spec().multiline() => {
                    self.focus_next();
                    Outcome::Handled
                }
                Act::Enter => {
                    self.editors[self.focus].insert_newline();
                    self.commit_outcome(doc)
                }
            };
        }
        if self.editors[self.focus].input(key) {
            self.commit_outcome(doc)
        } else {
            Outcome::Handled
        }
    }

    /// Bracketed paste: long text lands in the field in one go.
    pub fn paste(&mut self, doc: &mut Session, text: &str, _ctx: &Ctx) -> Outcome {
        let text = if self.spec().multiline() {
            text.replace("\r\n", "\n").replace('\r', "\n")
        } else {
            text.replace(['\r', '\n'], " ")
        };
        self.editors[self.focus].insert_str(text);
        self.commit_outcome(doc)
    }

    fn commit_outcome(&mut self, doc: &mut Session) -> Outcome {
        if self.commit(&mut doc.intake) {
            Outcome::Changed
        } else {
            Outcome::Handled
        }
    }
}
