//! The columns of the intake lists: partners, documents, agenda blocks.

use crate::app::Screen;
use crate::app::list::{Column, FieldKind, FieldSpec};
use crate::model::validate;
use crate::model::{AgendaBlock, Document, Partner, PartnerKind};

pub static PARTNERS: [Column<Partner>; 4] = [
    Column {
        width: 4,
        field: FieldSpec {
            label: |t| t.intake.col_org,
            kind: FieldKind::Text {
                get: |p| p.organisation.clone(),
                set: |p, s| {
                    p.organisation = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        },
    },
    Column {
        width: 3,
        field: FieldSpec {
            label: |t| t.intake.col_kind,
            kind: FieldKind::Choice {
                count: |_| PartnerKind::ALL.len(),
                get: |p, _| {
                    PartnerKind::ALL
                        .iter()
                        .position(|k| *k == p.kind)
                        .unwrap_or(3)
                },
                set: |p, _, i| p.kind = PartnerKind::ALL[i],
                label: |t, _, i| t.partner_kinds[i].to_string(),
            },
        },
    },
    Column {
        width: 3,
        field: FieldSpec {
            label: |t| t.intake.col_role,
            kind: FieldKind::Text {
                get: |p| p.role.clone(),
                set: |p, s| {
                    p.role = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        },
    },
    Column {
        width: 3,
        field: FieldSpec {
            label: |t| t.intake.col_contact,
            kind: FieldKind::Text {
                get: |p| p.contact.clone(),
                set: |p, s| {
                    p.contact = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        },
    },
];

pub static DOCUMENTS: [Column<Document>; 4] = [
    Column {
        width: 4,
        field: FieldSpec {
            label: |t| t.intake.col_title,
            kind: FieldKind::Text {
                get: |d| d.title.clone(),
                set: |d, s| {
                    d.title = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        },
    },
    Column {
        width: 2,
        field: FieldSpec {
            label: |t| t.intake.col_doc_kind,
            kind: FieldKind::Text {
                get: |d| d.kind.clone(),
                set: |d, s| {
                    d.kind = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        },
    },
    Column {
        width: 2,
        field: FieldSpec {
            label: |t| t.intake.col_date,
            kind: FieldKind::Text {
                get: |d| d.date.clone(),
                // Kept as typed; an invalid date is shown with a message until corrected.
                set: |d, s| {
                    d.date = s.to_string();
                    validate::parse_date(s).map(|_| ())
                },
                multiline: false,
            },
        },
    },
    Column {
        width: 6,
        field: FieldSpec {
            label: |t| t.intake.col_points,
            kind: FieldKind::Text {
                get: |d| d.key_points.clone(),
                set: |d, s| {
                    d.key_points = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        },
    },
];

pub static AGENDA: [Column<AgendaBlock>; 4] = [
    Column {
        width: 6,
        field: FieldSpec {
            label: |t| t.intake.col_block,
            kind: FieldKind::Text {
                get: |b| b.title.clone(),
                set: |b, s| {
                    b.title = s.to_string();
                    Ok(())
                },
                multiline: false,
            },
        },
    },
    Column {
        width: 1,
        field: FieldSpec {
            label: |t| t.intake.col_minutes,
            kind: FieldKind::Text {
                get: |b| b.minutes.to_string(),
                set: |b, s| match s.trim().parse::<u32>() {
                    Ok(m) if m <= 600 => {
                        b.minutes = m;
                        Ok(())
                    }
                    _ => Err(validate::Problem::NotANumber),
                },
                multiline: false,
            },
        },
    },
    Column {
        width: 4,
        field: FieldSpec {
            label: |t| t.intake.col_screen,
            kind: FieldKind::Choice {
                count: |_| Screen::ALL.len(),
                get: |b, _| Screen::from_id(&b.screen).map(Screen::index).unwrap_or(0),
                set: |b, _, i| b.screen = Screen::ALL[i].id().to_string(),
                label: |t, _, i| Screen::ALL[i].title(t).to_string(),
            },
        },
    },
    Column {
        width: 2,
        field: FieldSpec {
            label: |t| t.intake.col_actual,
            kind: FieldKind::ReadOnly {
                get: |b| {
                    if b.actual_seconds == 0 {
                        String::new()
                    } else {
                        format!("{}", (b.actual_seconds + 30) / 60)
                    }
                },
            },
        },
    },
];
