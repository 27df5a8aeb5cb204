//! The columns of the intake lists: partners, documents, agenda blocks.

use crate::app::Screen;
use crate::app::list::{Column, ColumnKind};
use crate::model::validate;
use crate::model::{AgendaBlock, Document, Partner, PartnerKind};

pub static PARTNERS: [Column<Partner>; 4] = [
    Column {
        label: |t| t.intake.col_org,
        width: 4,
        kind: ColumnKind::Text {
            get: |p| p.organisation.clone(),
            set: |p, s| {
                p.organisation = s.to_string();
                Ok(())
            },
        },
    },
    Column {
        label: |t| t.intake.col_kind,
        width: 3,
        kind: ColumnKind::Choice {
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
    Column {
        label: |t| t.intake.col_role,
        width: 3,
        kind: ColumnKind::Text {
            get: |p| p.role.clone(),
            set: |p, s| {
                p.role = s.to_string();
                Ok(())
            },
        },
    },
    Column {
        label: |t| t.intake.col_contact,
        width: 3,
        kind: ColumnKind::Text {
            get: |p| p.contact.clone(),
            set: |p, s| {
                p.contact = s.to_string();
                Ok(())
            },
        },
    },
];

pub static DOCUMENTS: [Column<Document>; 4] = [
    Column {
        label: |t| t.intake.col_title,
        width: 4,
        kind: ColumnKind::Text {
            get: |d| d.title.clone(),
            set: |d, s| {
                d.title = s.to_string();
                Ok(())
            },
        },
    },
    Column {
        label: |t| t.intake.col_doc_kind,
        width: 2,
        kind: ColumnKind::Text {
            get: |d| d.kind.clone(),
            set: |d, s| {
                d.kind = s.to_string();
                Ok(())
            },
        },
    },
    Column {
        label: |t| t.intake.col_date,
        width: 2,
        kind: ColumnKind::Text {
            get: |d| d.date.clone(),
            // Kept as typed; an invalid date is shown with a message until corrected.
            set: |d, s| {
                d.date = s.to_string();
                validate::parse_date(s).map(|_| ())
            },
        },
    },
    Column {
        label: |t| t.intake.col_points,
        width: 6,
        kind: ColumnKind::Text {
            get: |d| d.key_points.clone(),
            set: |d, s| {
                d.key_points = s.to_string();
                Ok(())
            },
        },
    },
];

pub static AGENDA: [Column<AgendaBlock>; 4] = [
    Column {
        label: |t| t.intake.col_block,
        width: 6,
        kind: ColumnKind::Text {
            get: |b| b.title.clone(),
            set: |b, s| {
                b.title = s.to_string();
                Ok(())
            },
        },
    },
    Column {
        label: |t| t.intake.col_minutes,
        width: 1,
        kind: ColumnKind::Text {
            get: |b| b.minutes.to_string(),
            set: |b, s| match s.trim().parse::<u32>() {
                Ok(m) if m <= 600 => {
                    b.minutes = m;
                    Ok(())
                }
                _ => Err(validate::Problem::NotANumber),
            },
        },
    },
    Column {
        label: |t| t.intake.col_screen,
        width: 4,
        kind: ColumnKind::Choice {
            count: |_| Screen::ALL.len(),
            get: |b, _| Screen::from_id(&b.screen).map(Screen::index).unwrap_or(0),
            set: |b, _, i| b.screen = Screen::ALL[i].id().to_string(),
            label: |t, _, i| Screen::ALL[i].title(t).to_string(),
        },
    },
    Column {
        label: |t| t.intake.col_actual,
        width: 2,
        kind: ColumnKind::ReadOnly {
            get: |b| {
                if b.actual_seconds == 0 {
                    String::new()
                } else {
                    format!("{}", (b.actual_seconds + 30) / 60)
                }
            },
        },
    },
];
