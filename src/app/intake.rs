//! The intake form: which fields there are (data), and the text editors behind them.
//! The editors hold exactly what was typed; the session gets the value when it is valid,
//! so an invalid date or round is shown with a message and never thrown away.

use crate::i18n::Strings;
use crate::model::Intake;
use crate::model::validate::{self, Problem};
use ratatui_textarea::{TextArea, WrapMode};

pub struct FieldSpec {
    pub label: fn(&Strings) -> &'static str,
    pub multiline: bool,
    pub get: fn(&Intake) -> String,
    /// Stores the typed text in the session; returns the problem if it is not valid
    /// (then the session keeps its previous value).
    pub set: fn(&mut Intake, &str) -> Result<(), Problem>,
}

pub static FIELDS: &[FieldSpec] = &[
    FieldSpec {
        label: |t| t.f_pact,
        multiline: false,
        get: |i| i.pact_name.clone(),
        set: |i, s| {
            i.pact_name = s.to_string();
            validate::required(s)
        },
    },
    FieldSpec {
        label: |t| t.f_round,
        multiline: false,
        get: |i| i.round.to_string(),
        set: |i, s| {
            i.round = validate::parse_round(s)?;
            Ok(())
        },
    },
    FieldSpec {
        label: |t| t.f_date,
        multiline: false,
        get: |i| i.session_date.clone(),
        // Dates are stored as typed, so even an invalid one survives a crash.
        set: |i, s| {
            i.session_date = s.to_string();
            validate::parse_date(s).map(|_| ())
        },
    },
    FieldSpec {
        label: |t| t.f_time,
        multiline: false,
        get: |i| i.start_time.clone(),
        set: |i, s| {
            i.start_time = s.to_string();
            validate::parse_time(s).map(|_| ())
        },
    },
    FieldSpec {
        label: |t| t.f_place,
        multiline: false,
        get: |i| i.place.clone(),
        set: |i, s| {
            i.place = s.to_string();
            Ok(())
        },
    },
    FieldSpec {
        label: |t| t.f_meeting,
        multiline: false,
        get: |i| i.meeting.clone(),
        set: |i, s| {
            i.meeting = s.to_string();
            Ok(())
        },
    },
    FieldSpec {
        label: |t| t.f_facilitators,
        multiline: false,
        get: |i| i.facilitators.clone(),
        set: |i, s| {
            i.facilitators = s.to_string();
            Ok(())
        },
    },
    FieldSpec {
        label: |t| t.f_interviewers,
        multiline: false,
        get: |i| i.interviewers.clone(),
        set: |i, s| {
            i.interviewers = s.to_string();
            Ok(())
        },
    },
    FieldSpec {
        label: |t| t.f_region,
        multiline: true,
        get: |i| i.region_description.clone(),
        set: |i, s| {
            i.region_description = s.to_string();
            Ok(())
        },
    },
    FieldSpec {
        label: |t| t.f_ambition,
        multiline: true,
        get: |i| i.ambition.text.clone(),
        set: |i, s| {
            i.ambition.text = s.to_string();
            Ok(())
        },
    },
    FieldSpec {
        label: |t| t.f_ambition_source,
        multiline: false,
        get: |i| i.ambition.source.clone(),
        set: |i, s| {
            i.ambition.source = s.to_string();
            Ok(())
        },
    },
];

pub struct IntakeForm {
    pub focus: usize,
    pub editors: Vec<TextArea<'static>>,
    /// The current problem per field (None when valid).
    pub problems: Vec<Option<Problem>>,
}

pub fn editor(text: &str, multiline: bool) -> TextArea<'static> {
    let lines: Vec<String> = if multiline {
        text.split('\n').map(str::to_string).collect()
    } else {
        vec![text.replace('\n', " ")]
    };
    let mut ta = TextArea::new(lines);
    ta.set_wrap_mode(WrapMode::WordOrGlyph);
    ta.set_cursor_line_style(ratatui::style::Style::default());
    // The field being typed in is underlined, so the room sees where the text goes.
    ta.set_style(ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::UNDERLINED));
    ta.move_cursor(ratatui_textarea::CursorMove::Bottom);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

impl IntakeForm {
    pub fn new(intake: &Intake) -> Self {
        let editors = FIELDS
            .iter()
            .map(|f| editor(&(f.get)(intake), f.multiline))
            .collect();
        let mut probe = intake.clone();
        let problems = FIELDS
            .iter()
            .map(|f| (f.set)(&mut probe, &(f.get)(intake)).err())
            .collect();
        IntakeForm {
            focus: 0,
            editors,
            problems,
        }
    }

    pub fn spec(&self) -> &'static FieldSpec {
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
        self.problems[self.focus] = (FIELDS[self.focus].set)(intake, &text).err();
        *intake != before
    }

    /// Up/Down move the cursor inside a text box, and leave it only from its first or
    /// last line, so every field stays reachable with the arrows.
    pub fn arrow_stays_inside(&self, key: &ratatui::crossterm::event::KeyEvent) -> bool {
        use ratatui::crossterm::event::{KeyCode, KeyModifiers};
        if !self.spec().multiline || key.modifiers != KeyModifiers::NONE {
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
