//! The Intake screen: the session's details, partners, documents reviewed, first
//! observations per attention area, and the agenda. F2 / Shift-F2 switch between parts.

pub mod columns;
pub mod details;
pub mod observations;

use super::keys::{Binding, KeyHelp, ch, find, help_of, key, shift};
use super::list::ListEditor;
use super::undo::{quoted, step};
use super::{Ctx, Outcome};
use crate::method::Method;
use crate::model::{AgendaBlock, Document, Id, Intake, Partner, Session};
use ratatui::crossterm::event::{KeyCode, KeyEvent};

pub use details::FIELDS;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Details,
    Partners,
    Documents,
    Observations,
    Agenda,
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Details,
        Section::Partners,
        Section::Documents,
        Section::Observations,
        Section::Agenda,
    ];

    pub fn index(self) -> usize {
        Section::ALL.iter().position(|s| *s == self).unwrap_or(0)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    NextSection,
    PrevSection,
    Longer,
    Shorter,
}

pub static SECTION_KEYS: &[Binding<Act>] = &[
    Binding::new(&[key(KeyCode::F(2))], Act::NextSection, |t| {
        t.intake.k_next_section
    })
    .footer(),
    Binding::new(&[shift(KeyCode::F(2))], Act::PrevSection, |t| {
        t.intake.k_prev_section
    }),
];

pub static AGENDA_KEYS: &[Binding<Act>] = &[
    Binding::new(&[ch('+')], Act::Longer, |t| t.intake.k_resize).footer(),
    Binding::new(&[ch('-')], Act::Shorter, |t| t.intake.k_resize),
];

pub struct State {
    pub section: Section,
    pub details: details::Form,
    pub partners: ListEditor<Partner>,
    pub documents: ListEditor<Document>,
    pub observations: observations::Form,
    pub agenda: ListEditor<AgendaBlock>,
    /// What the undo step the last key made is called ("partner ‘…’ verwijderd").
    pub step: Option<String>,
}

/// The name of the undo step a key on a list makes: the row (by its first column) and
/// what happens to it; typing in a row is "‘…’ bewerkt".
fn list_step<T: Clone + Default>(
    ed: &ListEditor<T>,
    rows: &[T],
    cols: &[super::list::Column<T>],
    key: &KeyEvent,
    t: &crate::i18n::intake::Strings,
    noun: &str,
) -> Option<String> {
    use super::field::FieldKind;
    use super::list::Act as L;
    let name = rows
        .get(ed.current(rows.len()))
        .and_then(|r| match cols.first().map(|c| &c.kind) {
            Some(FieldKind::Text { get, .. } | FieldKind::ReadOnly { get }) => Some(get(r)),
            _ => None,
        })
        .map_or(String::new(), |n| quoted(&n));
    if ed.typing() {
        return Some(step(t.undo_edited, &[noun, &name]));
    }
    match find(super::list::KEYS, key)? {
        L::Add => Some(step(t.undo_added, &[noun])),
        L::Delete => Some(step(t.undo_deleted, &[noun, &name])),
        L::MoveUp | L::MoveDown => Some(step(t.undo_moved, &[noun, &name])),
        L::Edit => Some(step(t.undo_edited, &[noun, &name])),
        L::Up | L::Down => None,
    }
}

/// The method's default agenda, as session blocks (each with its own id).
pub fn default_agenda(method: &Method) -> Vec<AgendaBlock> {
    method
        .agenda
        .iter()
        .map(|b| AgendaBlock {
            id: Id::new(),
            title: b.title.clone(),
            minutes: b.minutes,
            screen: b.screen.clone(),
            actual_seconds: 0,
        })
        .collect()
}

/// Puts the method's default agenda into a session that has none yet.
pub fn ensure_agenda(doc: &mut Session, method: &Method) -> bool {
    if doc.agenda.blocks.is_empty() {
        doc.agenda.blocks = default_agenda(method);
        return true;
    }
    false
}

impl State {
    pub fn new(intake: &Intake) -> Self {
        State {
            section: Section::Details,
            details: details::Form::new(intake),
            partners: ListEditor::default(),
            documents: ListEditor::default(),
            observations: observations::Form::default(),
            agenda: ListEditor::default(),
            step: None,
        }
    }

    /// What the undo step the last key made is called.
    pub fn step_name(&self) -> Option<String> {
        self.step.clone()
    }

    /// After undo/redo: the part stays; each list's selection goes to the row the undo
    /// touched (a deleted agenda block put back is selected again).
    pub fn rebuild(&mut self, doc: &Session, before: &Session) {
        let (now, was) = (&doc.intake, &before.intake);
        *self = State {
            section: self.section,
            partners: self.partners.rebuilt(&now.partners, &was.partners),
            documents: self.documents.rebuilt(&now.documents, &was.documents),
            agenda: self
                .agenda
                .rebuilt(&doc.agenda.blocks, &before.agenda.blocks),
            ..State::new(now)
        };
    }

    pub fn typing(&self) -> bool {
        match self.section {
            Section::Details | Section::Observations => true,
            Section::Partners => self.partners.typing(),
            Section::Documents => self.documents.typing(),
            Section::Agenda => self.agenda.typing(),
        }
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        let mut out = match self.section {
            Section::Details => self.details.help(),
            Section::Partners => self.partners.help(),
            Section::Documents => self.documents.help(),
            Section::Observations => self.observations.help(),
            Section::Agenda => {
                let mut h = self.agenda.help();
                if !self.agenda.typing() {
                    h.extend(help_of(AGENDA_KEYS));
                }
                h
            }
        };
        out.extend(help_of(SECTION_KEYS));
        out
    }

    pub fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let t = ctx.t.intake;
        self.step = match self.section {
            Section::Partners => list_step(
                &self.partners,
                &doc.intake.partners,
                &columns::PARTNERS,
                &key,
                t,
                t.undo_partner,
            ),
            Section::Documents => list_step(
                &self.documents,
                &doc.intake.documents,
                &columns::DOCUMENTS,
                &key,
                t,
                t.undo_document,
            ),
            Section::Agenda => {
                let minutes = !self.agenda.typing() && find(AGENDA_KEYS, &key).is_some();
                let name = doc
                    .agenda
                    .blocks
                    .get(self.agenda.selected)
                    .map_or(String::new(), |b| quoted(&b.title));
                if minutes {
                    Some(step(t.undo_minutes, &[&name]))
                } else {
                    list_step(
                        &self.agenda,
                        &doc.agenda.blocks,
                        &columns::AGENDA,
                        &key,
                        t,
                        t.undo_block,
                    )
                }
            }
            // Typing in a form: named after the key (Enter may move on to the next field).
            Section::Details | Section::Observations => None,
        };
        if let Some(act) = find(SECTION_KEYS, &key) {
            let i = self.section.index();
            let n = Section::ALL.len();
            self.section = Section::ALL[match act {
                Act::PrevSection => (i + n - 1) % n,
                _ => (i + 1) % n,
            }];
            if self.section == Section::Agenda && ensure_agenda(doc, ctx.method) {
                return Outcome::Changed;
            }
            return Outcome::Handled;
        }
        let out = self.section_key(doc, key, ctx);
        if matches!(self.section, Section::Details | Section::Observations) {
            self.step = Some(self.form_step(ctx));
        }
        out
    }

    /// What typing in the focused form field is called: the field's own label, or
    /// the attention area of the observation.
    fn form_step(&self, ctx: &Ctx) -> String {
        let t = ctx.t.intake;
        if self.section == Section::Details {
            step(t.undo_field, &[(self.details.spec().label)(ctx.t)])
        } else {
            let area = ctx
                .method
                .areas
                .get(self.observations.focus)
                .map_or(String::new(), |a| quoted(&a.name));
            step(t.undo_observation, &[&area])
        }
    }

    fn section_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        match self.section {
            Section::Details => self.details.handle_key(doc, key, ctx),
            Section::Observations => self.observations.handle_key(doc, key, ctx),
            Section::Partners => {
                self.partners
                    .handle_key(&mut doc.intake.partners, &columns::PARTNERS, key, ctx)
            }
            Section::Documents => {
                self.documents
                    .handle_key(&mut doc.intake.documents, &columns::DOCUMENTS, key, ctx)
            }
            Section::Agenda => {
                if !self.agenda.typing()
                    && let Some(act) = find(AGENDA_KEYS, &key)
                    && let Some(b) = doc.agenda.blocks.get_mut(self.agenda.selected)
                {
                    b.minutes = match act {
                        Act::Shorter => b.minutes.saturating_sub(5).max(5),
                        _ => (b.minutes + 5).min(600),
                    };
                    return Outcome::Changed;
                }
                self.agenda
                    .handle_key(&mut doc.agenda.blocks, &columns::AGENDA, key, ctx)
            }
        }
    }

    pub fn paste(&mut self, doc: &mut Session, text: &str, ctx: &Ctx) -> Outcome {
        match self.section {
            Section::Details => self.details.paste(doc, text, ctx),
            Section::Observations => self.observations.paste(doc, text, ctx),
            Section::Partners => {
                self.partners
                    .paste(&mut doc.intake.partners, &columns::PARTNERS, text)
            }
            Section::Documents => {
                self.documents
                    .paste(&mut doc.intake.documents, &columns::DOCUMENTS, text)
            }
            Section::Agenda => self
                .agenda
                .paste(&mut doc.agenda.blocks, &columns::AGENDA, text),
        }
    }
}
