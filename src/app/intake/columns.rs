//! The columns of the intake lists: partners, documents, agenda blocks.

use crate::app::Screen;
use crate::app::list::{Column, FieldKind, FieldSpec};
use crate::model::validate;
use crate::model::{AgendaBlock, Document, Partner, PartnerKind};

/// A column of plain one-line text kept as typed: `width`, the label's word in
/// `t.intake`, and the field it edits.
macro_rules! text_column {
    ($width:expr, $label:ident, $field:ident) => {
        Column {
            width: $width,
            field: FieldSpec {
                label: |t| t.intake.$label,
                kind: FieldKind::Text {
                    get: |x| x.$field.clone(),
                    set: |x, s| {
                        x.$field = s.to_string();
                        Ok(())
                    },
                    multiline: false,
                },
            },
        }
    };
}

pub static PARTNERS: [Column<Partner>; 4] = [
    text_column!(4, col_org, organisation),
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
    text_column!(3, col_role, role),
    text_column!(3, col_contact, contact),
];

pub static DOCUMENTS: [Column<Document>; 4] = [
    text_column!(4, col_title, title),
    text_column!(2, col_doc_kind, kind),
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
    text_column!(6, col_points, key_points),
];

pub static AGENDA: [Column<AgendaBlock>; 4] = [
    text_column!(6, col_block, title),
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
