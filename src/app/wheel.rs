//! Samenwerkingswiel screen and intentions (voornemens).
//!
//! The phases and activities come from the method definition; the session holds the
//! placement, the per-kind placements, the activity statuses, renames and intentions.
//! Everything typed goes into the session at once (autosave), so nothing is lost.

use super::field::{Field, FieldInput};
use super::keys::{
    ADD, Binding, CLOSE, Combo, DELETE, DOWN, KeyHelp, MOVE_DOWN, MOVE_UP, PUBLIC, REDO, UNDO, UP,
    ch, find, help_of, key, shift,
};
use super::list::ListEditor;
use super::picker::{Picked, Picker, toggle};
use super::undo::{quoted, step};
use super::{Ctx, Outcome};
use crate::method::Method;
use crate::model::{ActivityStatus, Id, Intention, PartnerKind, Session, Wheel};
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

const CTRL: KeyModifiers = KeyModifiers::CONTROL;

/// The partner kinds that place the pact separately, in screen order.
pub const KINDS: [PartnerKind; 3] = [
    PartnerKind::Zorg,
    PartnerKind::Onderwijs,
    PartnerKind::Overheid,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Act {
    Up,
    Down,
    PrevPhase,
    NextPhase,
    Place,
    Kind(usize),
    CycleUp,
    CycleDown,
    Motivation,
    Status,
    Note,
    Evidence,
    Rename,
    ToggleView,
    Intentions,
    // intentions list
    Add,
    Edit,
    Delete,
    MoveUp,
    MoveDown,
    Public,
    /// What became of an intention: cycle the follow-up status / edit its note.
    FollowUp,
    FollowUpNote,
    Back,
    // text field, form and picker
    Done,
    NextField,
    PrevField,
    LinkPrev,
    LinkNext,
    Toggle,
    Undo,
    Redo,
}

/// The wheel: moving, placing, statuses. Pairs of keys (↑/↓, ←/→, +/−, 1/2/3) share
/// one label, so the help overlay lists them on one row and fits on a projected 80×24
/// screen.
pub static KEYS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.wheel.k_select),
    Binding::new(DOWN, Act::Down, |t| t.wheel.k_select),
    Binding::new(&[key(KeyCode::Left)], Act::PrevPhase, |t| t.wheel.k_phase),
    Binding::new(&[key(KeyCode::Right)], Act::NextPhase, |t| t.wheel.k_phase),
    Binding::new(&[ch('p'), key(KeyCode::Enter)], Act::Place, |t| {
        t.wheel.k_place
    })
    .footer(),
    Binding::new(&[ch('s'), ch(' ')], Act::Status, |t| t.wheel.k_status).footer(),
    Binding::new(&[ch('i')], Act::Intentions, |t| t.wheel.k_intentions).footer(),
    Binding::new(&[ch('v')], Act::ToggleView, |t| t.wheel.k_view).footer(),
    Binding::new(&[ch('1')], Act::Kind(0), |t| t.wheel.k_kind),
    Binding::new(&[ch('2')], Act::Kind(1), |t| t.wheel.k_kind),
    Binding::new(&[ch('3')], Act::Kind(2), |t| t.wheel.k_kind),
    Binding::new(&[ch('+'), ch('=')], Act::CycleUp, |t| t.wheel.k_cycle),
    Binding::new(&[ch('-')], Act::CycleDown, |t| t.wheel.k_cycle),
    Binding::new(&[ch('m')], Act::Motivation, |t| t.wheel.k_motivation),
    Binding::new(&[ch('n')], Act::Note, |t| t.wheel.k_note),
    Binding::new(&[ch('e')], Act::Evidence, |t| t.wheel.k_evidence),
    Binding::new(&[ch('r')], Act::Rename, |t| t.wheel.k_rename),
];

/// Move was Ctrl-↑/↓, < > or [ ] on the intentions list before Shift-↑/↓ was everyone's.
const OLD_MOVE_UP: &[Combo] = &[Combo(KeyCode::Up, CTRL), ch('<'), ch('[')];
const OLD_MOVE_DOWN: &[Combo] = &[Combo(KeyCode::Down, CTRL), ch('>'), ch(']')];

/// The intentions list (public was P before O was everyone's).
pub static KEYS_INTENTIONS: &[Binding<Act>] = &[
    Binding::new(UP, Act::Up, |t| t.wheel.k_select),
    Binding::new(DOWN, Act::Down, |t| t.wheel.k_select),
    // The footer at 80 columns holds all five with the short labels.
    Binding::new(ADD, Act::Add, |t| t.wheel.k_add).footer_as(|t| t.wheel.f_add),
    Binding::new(&[ch('s')], Act::FollowUp, |t| t.rounds.k_follow_up)
        .footer_as(|t| t.wheel.f_status),
    // N (note): O is public on every list.
    Binding::new(&[ch('n')], Act::FollowUpNote, |t| t.rounds.k_follow_up_note)
        .footer_as(|t| t.wheel.f_note),
    Binding::new(&[key(KeyCode::Enter), ch('e')], Act::Edit, |t| {
        t.wheel.k_edit
    })
    .footer(),
    Binding::new(DELETE, Act::Delete, |t| t.wheel.k_delete),
    Binding::new(MOVE_UP, Act::MoveUp, |t| t.wheel.k_move).alias(OLD_MOVE_UP),
    Binding::new(MOVE_DOWN, Act::MoveDown, |t| t.wheel.k_move).alias(OLD_MOVE_DOWN),
    Binding::new(PUBLIC, Act::Public, |t| t.wheel.k_public).alias(&[ch('p')]),
    Binding::new(&[key(KeyCode::Esc), ch('i')], Act::Back, |t| t.wheel.k_back)
        .footer_as(|t| t.wheel.f_back),
];

/// The form of one intention (the text fields' own keys come from the field).
pub static KEYS_FORM: &[Binding<Act>] = &[
    Binding::new(
        &[key(KeyCode::Tab), key(KeyCode::Down), key(KeyCode::Enter)],
        Act::NextField,
        |t| t.k_next_field,
    )
    .footer(),
    Binding::new(
        &[shift(KeyCode::BackTab), key(KeyCode::Up)],
        Act::PrevField,
        |t| t.k_prev_field,
    ),
    Binding::new(&[key(KeyCode::Left)], Act::LinkPrev, |t| t.wheel.k_link),
    Binding::new(&[key(KeyCode::Right)], Act::LinkNext, |t| t.wheel.k_link),
    Binding::new(&[ch(' ')], Act::Toggle, |t| t.wheel.k_toggle),
    Binding::new(CLOSE, Act::Done, |t| t.wheel.k_done).footer(),
    Binding::new(UNDO, Act::Undo, |t| t.k_undo),
    Binding::new(REDO, Act::Redo, |t| t.k_redo),
];

/// The evidence picker.

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum WheelView {
    #[default]
    Drawn,
    List,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Panel {
    #[default]
    Wheel,
    Intentions,
}

/// A row of the wheel: a phase, or one of its activities (indexes into the method).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Row {
    Phase(usize),
    Activity(usize, usize),
}

impl Row {
    pub fn phase(self) -> usize {
        match self {
            Row::Phase(p) | Row::Activity(p, _) => p,
        }
    }
}

/// Phases with their activities below them, in method order.
pub fn rows(method: &Method) -> Vec<Row> {
    let mut out = Vec::new();
    for (p, phase) in method.wheel.phases.iter().enumerate() {
        out.push(Row::Phase(p));
        out.extend((0..phase.activities.len()).map(|a| Row::Activity(p, a)));
    }
    out
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    Motivation,
    Note(String),
    Rename(String),
    /// The follow-up note of the intention with this id.
    FollowUpNote(crate::model::Id),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FormField {
    Text,
    Owner,
    Due,
    Link,
    Public,
}

impl FormField {
    pub const ALL: [FormField; 5] = [
        FormField::Text,
        FormField::Owner,
        FormField::Due,
        FormField::Link,
        FormField::Public,
    ];
}

#[derive(Debug, Clone)]
pub struct Form {
    pub id: Id,
    pub focus: FormField,
    pub text: Field,
    pub owner: Field,
    pub due: Field,
}

#[derive(Debug, Clone)]
pub enum Mode {
    Browse,
    Edit(EditTarget, Box<Field>),
    /// Evidence for an activity: notes and triangle items, ticked in the one picker.
    Pick(String, Picker),
    Form(Box<Form>),
}

/// The wheel of an earlier round of the same pact, loaded by the runtime on open.
#[derive(Debug, Clone, PartialEq)]
pub struct Earlier {
    pub round: u8,
    pub wheel: Wheel,
    /// Which session it is, as shown: round, date and file.
    pub label: String,
}

/// Something that can back up an activity: an interview note or a triangle item.
pub struct EvidenceOption {
    pub id: Id,
    /// Role and organisation of the interviewee (never the name), or "driehoek".
    pub source: String,
    pub text: String,
}

/// The evidence options as the picker shows and searches them: "source: text".
pub fn evidence_rows(options: &[EvidenceOption]) -> Vec<String> {
    options
        .iter()
        .map(|o| format!("{}: {}", o.source, o.text))
        .collect()
}

pub fn evidence_options(doc: &Session, t: &crate::i18n::Strings) -> Vec<EvidenceOption> {
    let mut out: Vec<EvidenceOption> = doc
        .interviews
        .iter()
        .flat_map(|iv| {
            let source = super::interviews::source(iv);
            iv.notes.iter().map(move |n| EvidenceOption {
                id: n.id.clone(),
                source: source.clone(),
                text: n.text.clone(),
            })
        })
        .collect();
    out.extend(doc.triangle.items.iter().map(|it| EvidenceOption {
        id: it.id.clone(),
        source: t.wheel.evidence_triangle.to_string(),
        text: it.title.clone(),
    }));
    out
}

/// What an intention can be linked to: nothing, a phase, a triangle item.
pub fn link_options(method: &Method, doc: &Session) -> Vec<Option<String>> {
    let mut out = vec![None];
    out.extend(method.wheel.phases.iter().map(|p| Some(p.id.clone())));
    out.extend(doc.triangle.items.iter().map(|i| Some(i.id.0.clone())));
    out
}

/// An intention's link in words.
pub fn link_text(
    method: &Method,
    doc: &Session,
    t: &crate::i18n::Strings,
    link: &Option<String>,
) -> String {
    let w = t.wheel;
    match link {
        None => w.no_link.to_string(),
        Some(id) if method.phase(id).is_some() => {
            crate::i18n::fill(w.link_phase, &[&crate::method::phase_name(method, doc, id)])
        }
        Some(id) => {
            let title = doc
                .triangle
                .items
                .iter()
                .find(|i| &i.id.0 == id)
                .map(|i| i.title.clone())
                .unwrap_or_else(|| id.clone());
            crate::i18n::fill(w.link_item, &[&title])
        }
    }
}

pub fn status_index(s: ActivityStatus) -> usize {
    match s {
        ActivityStatus::NietGestart => 0,
        ActivityStatus::Bezig => 1,
        ActivityStatus::Gereed => 2,
        ActivityStatus::NietVanToepassing => 3,
    }
}

fn next_status(s: ActivityStatus) -> ActivityStatus {
    match s {
        ActivityStatus::NietGestart => ActivityStatus::Bezig,
        ActivityStatus::Bezig => ActivityStatus::Gereed,
        ActivityStatus::Gereed => ActivityStatus::NietVanToepassing,
        ActivityStatus::NietVanToepassing => ActivityStatus::NietGestart,
    }
}

#[derive(Debug, Default)]
pub struct State {
    pub view: WheelView,
    pub panel: Panel,
    /// Index into [`rows`].
    pub cursor: usize,
    /// The intentions: selection, add, delete and move as on every list (edited in
    /// the intention's form).
    pub intentions: ListEditor<Intention>,
    pub mode: ModeCell,
    /// The text of the intention just deleted, for the hint under the list (undo is the
    /// app-wide one).
    pub deleted_note: Option<String>,
    pub earlier: Option<Earlier>,
    /// What the undo step the last key made is called ("status van voornemen ‘…’").
    pub step: Option<String>,
}

/// [`Mode`] with a default, so `State` can derive `Default`.
#[derive(Debug, Clone)]
pub struct ModeCell(pub Mode);

impl Default for ModeCell {
    fn default() -> Self {
        ModeCell(Mode::Browse)
    }
}

impl State {
    pub fn new(_doc: &Session) -> Self {
        State::default()
    }

    /// The row under the cursor (clamped to the method's rows).
    pub fn row(&self, method: &Method) -> Option<Row> {
        let rows = rows(method);
        rows.get(self.cursor.min(rows.len().saturating_sub(1)))
            .copied()
    }

    /// After undo/redo: the view, panel and cursor stay; the intention selected is the
    /// one the undo touched.
    pub fn rebuild(&mut self, doc: &Session, before: &Session) {
        let old = std::mem::replace(self, State::new(doc));
        self.earlier = old.earlier;
        self.view = old.view;
        self.panel = old.panel;
        self.cursor = old.cursor;
        self.intentions = old.intentions.rebuilt(&doc.intentions, &before.intentions);
    }

    /// Whether a text field has the keys (then `?` is typed and F1 opens help).
    pub fn typing(&self) -> bool {
        match &self.mode.0 {
            Mode::Edit(..) | Mode::Form(_) => true,
            Mode::Pick(_, picker) => picker.typing(),
            Mode::Browse => false,
        }
    }

    pub fn help(&self) -> Vec<KeyHelp> {
        match &self.mode.0 {
            Mode::Edit(_, field) => field.help(),
            Mode::Pick(_, picker) => picker.help(),
            _ => help_of(self.table()),
        }
    }

    fn table(&self) -> &'static [Binding<Act>] {
        match (&self.mode.0, self.panel) {
            (Mode::Edit(..), _) => &[],
            (Mode::Pick(..), _) => &[],
            (Mode::Form(_), _) => KEYS_FORM,
            (Mode::Browse, Panel::Wheel) => KEYS,
            (Mode::Browse, Panel::Intentions) => KEYS_INTENTIONS,
        }
    }

    /// What the undo step the last key made is called.
    pub fn step_name(&self) -> Option<String> {
        self.step.clone()
    }

    /// Names the step of a text field or picker by what it edits.
    fn name_open(&mut self, doc: &Session, ctx: &Ctx) {
        let w = ctx.t.wheel;
        let activity = |id: &str| {
            let name = ctx
                .method
                .wheel
                .phases
                .iter()
                .flat_map(|p| {
                    std::iter::once((&p.id, &p.name))
                        .chain(p.activities.iter().map(|a| (&a.id, &a.name)))
                })
                .find(|(i, _)| *i == id)
                .map_or(id.to_string(), |(_, n)| n.clone());
            quoted(doc.wheel.renames.get(id).unwrap_or(&name))
        };
        let intention = |id: &Id| {
            quoted(
                doc.intentions
                    .iter()
                    .find(|i| i.id == *id)
                    .map_or("", |i| i.text.as_str()),
            )
        };
        self.step = match &self.mode.0 {
            Mode::Edit(EditTarget::Motivation, _) => Some(w.undo_motivation.to_string()),
            Mode::Edit(EditTarget::Note(id), _) => Some(step(w.undo_note, &[&activity(id)])),
            Mode::Edit(EditTarget::Rename(id), _) => Some(step(w.undo_rename, &[&activity(id)])),
            Mode::Edit(EditTarget::FollowUpNote(id), _) => {
                Some(step(w.undo_iv_note, &[&intention(id)]))
            }
            Mode::Pick(id, _) => Some(step(w.undo_evidence, &[&activity(id)])),
            Mode::Form(form) => Some(step(w.undo_iv_edited, &[&intention(&form.id)])),
            Mode::Browse => None,
        };
    }

    /// Names the step of a key on the wheel or the intentions list.
    fn name_act(&mut self, doc: &Session, act: Act, ctx: &Ctx) {
        let w = ctx.t.wheel;
        let current = doc
            .intentions
            .get(self.intentions.current(doc.intentions.len()));
        let it = current.map_or(String::new(), |i| quoted(&i.text));
        self.step = match (self.panel, act) {
            (Panel::Intentions, Act::Add) => Some(w.undo_iv_added.to_string()),
            (Panel::Intentions, Act::Delete) => Some(step(w.undo_iv_deleted, &[&it])),
            (Panel::Intentions, Act::MoveUp | Act::MoveDown) => Some(step(w.undo_iv_moved, &[&it])),
            (Panel::Intentions, Act::Public) => {
                let public = current.is_some_and(|i| i.public);
                let t = if public {
                    w.undo_iv_internal
                } else {
                    w.undo_iv_public
                };
                Some(step(t, &[&it]))
            }
            (Panel::Intentions, Act::FollowUp) => Some(step(w.undo_iv_status, &[&it])),
            (Panel::Wheel, Act::Place) => Some(w.undo_place.to_string()),
            (Panel::Wheel, Act::Kind(k)) => Some(step(w.undo_kind, &[w.kinds[k]])),
            (Panel::Wheel, Act::CycleUp | Act::CycleDown) => Some(w.undo_cycle.to_string()),
            (Panel::Wheel, Act::Status) => {
                let name = match self.row(ctx.method) {
                    Some(Row::Activity(p, a)) => {
                        let a = &ctx.method.wheel.phases[p].activities[a];
                        quoted(doc.wheel.renames.get(&a.id).unwrap_or(&a.name))
                    }
                    _ => String::new(),
                };
                Some(step(w.undo_status, &[&name]))
            }
            _ => None,
        };
    }

    pub fn handle_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        self.step = None;
        let was_open = !matches!(self.mode.0, Mode::Browse);
        let outcome = self.dispatch_key(doc, key, ctx);
        // A field, form or picker (open already or just opened) names what it edits;
        // a key in the lists names its change; the form's Esc that drops an empty
        // intention says so.
        if self.step.is_none() && (was_open || !matches!(self.mode.0, Mode::Browse)) {
            self.name_open(doc, ctx);
        }
        outcome
    }

    fn dispatch_key(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        match &self.mode.0 {
            Mode::Edit(..) => self.key_edit(doc, key),
            Mode::Pick(..) => self.key_pick(doc, key, ctx),
            Mode::Form(_) => self.key_form(doc, key, ctx),
            Mode::Browse => match self.panel {
                Panel::Wheel => match find(KEYS, &key) {
                    Some(act) => {
                        self.name_act(doc, act, ctx);
                        self.act_wheel(doc, act, ctx)
                    }
                    None => Outcome::Ignored,
                },
                Panel::Intentions => match find(KEYS_INTENTIONS, &key) {
                    Some(act) => {
                        self.name_act(doc, act, ctx);
                        self.act_intentions(doc, act)
                    }
                    None => Outcome::Ignored,
                },
            },
        }
    }

    pub fn paste(&mut self, doc: &mut Session, text: &str, _ctx: &Ctx) -> Outcome {
        let changed = match &mut self.mode.0 {
            Mode::Edit(_, f) => f.paste(text) == FieldInput::Changed,
            Mode::Form(form) => match form.focus {
                FormField::Text => form.text.paste(text) == FieldInput::Changed,
                FormField::Owner => form.owner.paste(text) == FieldInput::Changed,
                FormField::Due => form.due.paste(text) == FieldInput::Changed,
                _ => false,
            },
            _ => return Outcome::Ignored,
        };
        if changed {
            self.commit(doc)
        } else {
            Outcome::Handled
        }
    }

    fn act_wheel(&mut self, doc: &mut Session, act: Act, ctx: &Ctx) -> Outcome {
        let m = ctx.method;
        let rows = rows(m);
        if rows.is_empty() {
            return if act == Act::Intentions {
                self.panel = Panel::Intentions;
                Outcome::Handled
            } else {
                Outcome::Handled
            };
        }
        self.cursor = self.cursor.min(rows.len() - 1);
        let row = rows[self.cursor];
        let phase_id = m.wheel.phases[row.phase()].id.clone();
        let activity_id = match row {
            Row::Activity(p, a) => Some(m.wheel.phases[p].activities[a].id.clone()),
            Row::Phase(_) => None,
        };
        let w = &mut doc.wheel;
        match act {
            Act::Up => self.cursor = self.cursor.saturating_sub(1),
            Act::Down => self.cursor = (self.cursor + 1).min(rows.len() - 1),
            Act::PrevPhase | Act::NextPhase => {
                let n = m.wheel.phases.len();
                let p = if act == Act::NextPhase {
                    (row.phase() + 1) % n
                } else {
                    (row.phase() + n - 1) % n
                };
                self.cursor = rows.iter().position(|r| *r == Row::Phase(p)).unwrap_or(0);
            }
            Act::Place => {
                if w.placement.phase.as_deref() == Some(&phase_id) {
                    return Outcome::Handled;
                }
                w.placement.phase = Some(phase_id);
                return Outcome::Changed;
            }
            Act::Kind(k) => {
                let kind = KINDS[k];
                if w.per_kind.get(&kind) == Some(&phase_id) {
                    w.per_kind.remove(&kind);
                } else {
                    w.per_kind.insert(kind, phase_id);
                }
                return Outcome::Changed;
            }
            Act::CycleUp => {
                w.placement.cycle = w.placement.cycle.saturating_add(1).min(9);
                return Outcome::Changed;
            }
            Act::CycleDown => {
                if w.placement.cycle <= 1 {
                    return Outcome::Handled;
                }
                w.placement.cycle -= 1;
                return Outcome::Changed;
            }
            Act::Status => {
                let Some(id) = activity_id else {
                    return Outcome::Handled;
                };
                let st = w.activities.entry(id).or_default();
                st.status = next_status(st.status);
                return Outcome::Changed;
            }
            Act::Motivation => {
                let f = Field::new(&w.placement.motivation, false);
                self.mode.0 = Mode::Edit(EditTarget::Motivation, Box::new(f));
            }
            Act::Note => {
                if let Some(id) = activity_id {
                    let text = w
                        .activities
                        .get(&id)
                        .map(|a| a.note.clone())
                        .unwrap_or_default();
                    self.mode.0 =
                        Mode::Edit(EditTarget::Note(id), Box::new(Field::new(&text, false)));
                }
            }
            Act::Rename => {
                let id = activity_id.unwrap_or(phase_id);
                let text = w.renames.get(&id).cloned().unwrap_or_default();
                self.mode.0 =
                    Mode::Edit(EditTarget::Rename(id), Box::new(Field::new(&text, false)));
            }
            Act::Evidence => {
                if let Some(id) = activity_id {
                    self.mode.0 = Mode::Pick(id, Picker::default());
                }
            }
            Act::ToggleView => {
                self.view = match self.view {
                    WheelView::Drawn => WheelView::List,
                    WheelView::List => WheelView::Drawn,
                }
            }
            Act::Intentions => self.panel = Panel::Intentions,
            _ => return Outcome::Ignored,
        }
        Outcome::Handled
    }

    fn act_intentions(&mut self, doc: &mut Session, act: Act) -> Outcome {
        if act != Act::Delete {
            self.deleted_note = None;
        }
        let list = &mut doc.intentions;
        let n = list.len();
        let cur = self.intentions.current(n);
        match act {
            Act::Up => self.intentions.up(),
            Act::Down => self.intentions.down(n),
            Act::Back => self.panel = Panel::Wheel,
            Act::Add => {
                let it = Intention {
                    public: true,
                    ..Intention::default()
                };
                self.intentions.add(list, it);
                self.open_form(doc);
                return Outcome::Changed;
            }
            Act::Edit if n > 0 => self.open_form(doc),
            Act::Delete => {
                if let Some(it) = self.intentions.delete(list) {
                    self.deleted_note = Some(it.text);
                    return Outcome::Changed;
                }
            }
            Act::MoveUp if self.intentions.move_up(list) => return Outcome::Changed,
            Act::MoveDown if self.intentions.move_down(list) => return Outcome::Changed,
            Act::Public if n > 0 => {
                list[cur].public = !list[cur].public;
                return Outcome::Changed;
            }
            Act::FollowUp if n > 0 => {
                let it = &mut list[cur];
                it.outcome = crate::model::rounds::FollowUp::cycle(it.outcome);
                return Outcome::Changed;
            }
            Act::FollowUpNote if n > 0 => {
                let it = &list[cur];
                self.mode.0 = Mode::Edit(
                    EditTarget::FollowUpNote(it.id.clone()),
                    Box::new(Field::new(&it.outcome_note, false)),
                );
            }
            _ => {}
        }
        Outcome::Handled
    }

    fn open_form(&mut self, doc: &Session) {
        if let Some(it) = doc
            .intentions
            .get(self.intentions.current(doc.intentions.len()))
        {
            self.mode.0 = Mode::Form(Box::new(Form {
                id: it.id.clone(),
                focus: FormField::Text,
                text: Field::new(&it.text, false),
                owner: Field::new(&it.owner, false),
                due: Field::new(&it.due, false),
            }));
        }
    }

    fn key_edit(&mut self, doc: &mut Session, key: KeyEvent) -> Outcome {
        let Mode::Edit(_, field) = &mut self.mode.0 else {
            return Outcome::Ignored;
        };
        match field.input(key) {
            FieldInput::Changed => self.commit(doc),
            FieldInput::Moved => Outcome::Handled,
            // Everything typed is already in the session; Esc and Enter both close.
            FieldInput::Done | FieldInput::Cancel => {
                self.mode.0 = Mode::Browse;
                Outcome::Handled
            }
        }
    }

    fn key_pick(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Mode::Pick(id, picker) = &mut self.mode.0 else {
            return Outcome::Ignored;
        };
        let options = evidence_options(doc, ctx.t);
        match picker.handle_key(key, &evidence_rows(&options)) {
            Picked::Nothing | Picked::Choose(_) => {}
            Picked::Close => self.mode.0 = Mode::Browse,
            Picked::Toggle(i) => {
                let Some(opt) = options.get(i) else {
                    return Outcome::Handled;
                };
                let st = doc.wheel.activities.entry(id.clone()).or_default();
                toggle(&mut st.evidence, opt.id.clone());
                return Outcome::Changed;
            }
        }
        Outcome::Handled
    }

    fn key_form(&mut self, doc: &mut Session, key: KeyEvent, ctx: &Ctx) -> Outcome {
        let Mode::Form(form) = &mut self.mode.0 else {
            return Outcome::Ignored;
        };
        let Some(idx) = doc.intentions.iter().position(|i| i.id == form.id) else {
            self.mode.0 = Mode::Browse;
            return Outcome::Handled;
        };
        let on_text = matches!(
            form.focus,
            FormField::Text | FormField::Owner | FormField::Due
        );
        let act = find(KEYS_FORM, &key).filter(|a| match a {
            // In a text field these keys type or move the cursor.
            Act::LinkPrev | Act::LinkNext => form.focus == FormField::Link,
            Act::Toggle => form.focus == FormField::Public,
            _ => true,
        });
        let pos = FormField::ALL
            .iter()
            .position(|f| *f == form.focus)
            .unwrap_or(0);
        match act {
            Some(Act::NextField) => {
                form.focus = FormField::ALL[(pos + 1) % FormField::ALL.len()];
                Outcome::Handled
            }
            Some(Act::PrevField) => {
                form.focus =
                    FormField::ALL[(pos + FormField::ALL.len() - 1) % FormField::ALL.len()];
                Outcome::Handled
            }
            Some(Act::Done) => {
                // A new intention left completely empty is dropped: there is nothing in it.
                let it = &doc.intentions[idx];
                let empty = it.text.trim().is_empty()
                    && it.owner.trim().is_empty()
                    && it.due.trim().is_empty();
                self.mode.0 = Mode::Browse;
                if empty {
                    self.step = Some(ctx.t.wheel.undo_iv_dropped.to_string());
                    doc.intentions.remove(idx);
                    let n = doc.intentions.len();
                    self.intentions.selected = self.intentions.current(n);
                    return Outcome::Changed;
                }
                Outcome::Handled
            }
            Some(Act::LinkPrev) | Some(Act::LinkNext) => {
                let opts = link_options(ctx.method, doc);
                let it = &mut doc.intentions[idx];
                let cur = opts.iter().position(|o| *o == it.link).unwrap_or(0);
                let n = opts.len();
                let next = if act == Some(Act::LinkNext) {
                    (cur + 1) % n
                } else {
                    (cur + n - 1) % n
                };
                it.link = opts[next].clone();
                Outcome::Changed
            }
            Some(Act::Toggle) => {
                doc.intentions[idx].public = !doc.intentions[idx].public;
                Outcome::Changed
            }
            _ if on_text => {
                let field = match form.focus {
                    FormField::Text => &mut form.text,
                    FormField::Owner => &mut form.owner,
                    _ => &mut form.due,
                };
                match field.input(key) {
                    FieldInput::Changed => self.commit(doc),
                    _ => Outcome::Handled,
                }
            }
            _ => Outcome::Handled,
        }
    }

    /// Copies the text of the open field into the session.
    fn commit(&mut self, doc: &mut Session) -> Outcome {
        let before = (doc.wheel.clone(), doc.intentions.clone());
        match &self.mode.0 {
            Mode::Edit(EditTarget::Motivation, f) => doc.wheel.placement.motivation = f.text(),
            Mode::Edit(EditTarget::Note(id), f) => {
                doc.wheel.activities.entry(id.clone()).or_default().note = f.text();
            }
            Mode::Edit(EditTarget::Rename(id), f) => {
                let text = f.text();
                if text.trim().is_empty() {
                    doc.wheel.renames.remove(id);
                } else {
                    doc.wheel.renames.insert(id.clone(), text);
                }
            }
            Mode::Edit(EditTarget::FollowUpNote(id), f) => {
                if let Some(it) = doc.intentions.iter_mut().find(|i| i.id == *id) {
                    it.outcome_note = f.text();
                }
            }
            Mode::Form(form) => {
                if let Some(it) = doc.intentions.iter_mut().find(|i| i.id == form.id) {
                    it.text = form.text.text();
                    it.owner = form.owner.text();
                    // Kept as typed; the view says when it is not a valid date.
                    it.due = form.due.text();
                }
            }
            _ => {}
        }
        if (&doc.wheel, &doc.intentions) != (&before.0, &before.1) {
            Outcome::Changed
        } else {
            Outcome::Handled
        }
    }
}
