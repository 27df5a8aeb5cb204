//! Progress since the earlier round, for the internal report: every part both rounds
//! have (wheel, activities, triangle items, intentions and what became of them),
//! compared against the snapshot the session holds (see `model::rounds::Baseline`).

use super::report::{Report, add_earlier_round, partner_kind_id, status_id};
use crate::method::Method;
use crate::model::rounds::{Baseline, FollowUp};
use crate::model::{Session, TriangleItem, Wheel};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ProgressOut {
    pub round: u8,
    /// The earlier session's date as typed, and its file name.
    pub date: String,
    pub file: String,
    pub phase_before: String,
    pub phase_now: String,
    pub kinds: Vec<Change>,
    /// Activities whose status changed.
    pub activities: Vec<Change>,
    pub items_added: Vec<String>,
    pub items_dropped: Vec<String>,
    pub items_changed: Vec<ItemChange>,
    /// The earlier round's intentions and what became of them.
    pub intentions: Vec<FollowUpOut>,
    pub done: usize,
    pub ongoing: usize,
    pub not_done: usize,
    pub dropped: usize,
    pub open: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Change {
    /// A partner kind id or an activity's name.
    pub what: String,
    pub before: String,
    pub now: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct ItemChange {
    pub title: String,
    /// Which fields changed: title, detail, place, owner, focus_areas, innovation, public.
    pub fields: Vec<&'static str>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUpOut {
    pub text: String,
    pub owner: String,
    /// `gedaan`, `loopt`, `niet_gedaan`, `vervallen`; None: not followed up yet.
    pub status: Option<&'static str>,
    pub note: String,
    /// Not carried into this round (deleted here).
    pub gone: bool,
}

fn phase_of(method: &Method, wheel: &Wheel, id: Option<&str>) -> String {
    id.map(|id| {
        wheel
            .renames
            .get(id)
            .filter(|n| !n.trim().is_empty())
            .cloned()
            .or_else(|| method.phase(id).map(|p| p.name.clone()))
            .unwrap_or_else(|| id.to_string())
    })
    .unwrap_or_default()
}

fn changed_fields(a: &TriangleItem, b: &TriangleItem) -> Vec<&'static str> {
    let mut f = Vec::new();
    if a.title.trim() != b.title.trim() {
        f.push("title");
    }
    if a.detail.trim() != b.detail.trim() {
        f.push("detail");
    }
    if a.place != b.place {
        f.push("place");
    }
    if a.owner.trim() != b.owner.trim() {
        f.push("owner");
    }
    if a.focus_areas != b.focus_areas {
        f.push("focus_areas");
    }
    if a.innovation != b.innovation {
        f.push("innovation");
    }
    if a.public != b.public {
        f.push("public");
    }
    f
}

/// The comparison of `now` with its baseline.
pub fn compare(method: &Method, base: &Baseline, now: &Session) -> ProgressOut {
    let bw = &base.wheel;
    let nw = &now.wheel;
    let kinds = crate::model::PartnerKind::ALL
        .iter()
        .filter_map(|k| {
            let before = phase_of(method, bw, bw.per_kind.get(k).map(String::as_str));
            let after = phase_of(method, nw, nw.per_kind.get(k).map(String::as_str));
            (before != after).then(|| Change {
                what: partner_kind_id(*k).to_string(),
                before,
                now: after,
            })
        })
        .collect();
    let activities = method
        .wheel
        .phases
        .iter()
        .flat_map(|p| &p.activities)
        .filter_map(|a| {
            let st = |w: &Wheel| {
                status_id(
                    w.activities
                        .get(&a.id)
                        .map(|s| s.status)
                        .unwrap_or_default(),
                )
            };
            let (before, after) = (st(bw), st(nw));
            (before != after).then(|| Change {
                what: nw
                    .renames
                    .get(&a.id)
                    .filter(|n| !n.trim().is_empty())
                    .cloned()
                    .unwrap_or_else(|| a.name.clone()),
                before: before.to_string(),
                now: after.to_string(),
            })
        })
        .collect();
    let find =
        |items: &[TriangleItem], id: &crate::model::Id| items.iter().position(|i| &i.id == id);
    let titled = |it: &TriangleItem| it.title.trim().to_string();
    let items_added = now
        .triangle
        .items
        .iter()
        .filter(|i| find(&base.triangle, &i.id).is_none() && !i.title.trim().is_empty())
        .map(titled)
        .collect();
    let items_dropped = base
        .triangle
        .iter()
        .filter(|i| find(&now.triangle.items, &i.id).is_none() && !i.title.trim().is_empty())
        .map(titled)
        .collect();
    let items_changed = now
        .triangle
        .items
        .iter()
        .filter_map(|i| {
            let b = &base.triangle[find(&base.triangle, &i.id)?];
            let fields = changed_fields(b, i);
            (!fields.is_empty()).then(|| ItemChange {
                title: titled(i),
                fields,
            })
        })
        .collect();
    let intentions: Vec<FollowUpOut> = base
        .intentions
        .iter()
        .filter(|i| !i.text.trim().is_empty())
        // Settled in the earlier round already (and so not carried): reported then.
        .filter(|i| !matches!(i.outcome, Some(FollowUp::Gedaan | FollowUp::Vervallen)))
        .map(|b| {
            let here = now.intentions.iter().find(|i| i.id == b.id);
            FollowUpOut {
                text: here.map_or(&b.text, |h| &h.text).trim().to_string(),
                owner: here.map_or(&b.owner, |h| &h.owner).trim().to_string(),
                // An intention already settled in the earlier round keeps that status.
                status: here.and_then(|h| h.outcome).or(b.outcome).map(|f| f.id()),
                note: here
                    .map(|h| h.outcome_note.trim().to_string())
                    .filter(|n| !n.is_empty())
                    .unwrap_or_else(|| b.outcome_note.trim().to_string()),
                gone: here.is_none(),
            }
        })
        .collect();
    let count = |s: Option<&str>| intentions.iter().filter(|i| i.status == s).count();
    ProgressOut {
        round: base.round,
        date: base.session_date.trim().to_string(),
        file: base.file.clone(),
        phase_before: phase_of(method, bw, bw.placement.phase.as_deref()),
        phase_now: phase_of(method, nw, nw.placement.phase.as_deref()),
        kinds,
        activities,
        items_added,
        items_dropped,
        items_changed,
        done: count(Some("gedaan")),
        ongoing: count(Some("loopt")),
        not_done: count(Some("niet_gedaan")),
        dropped: count(Some("vervallen")),
        open: count(None),
        intentions,
    }
}

/// Adds the comparison with the session's baseline to an internal report (the public
/// version gets the intentions' outcome only, through its intentions).
pub fn add_baseline(report: &mut Report, method: &Method, session: &Session) {
    let Some(base) = &session.baseline else {
        return;
    };
    if report.public {
        return;
    }
    add_earlier_round(report, method, base.round, &base.wheel);
    report.progress = Some(compare(method, base, session));
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::model::rounds::next_round;
    use crate::model::{ActivityState, ActivityStatus, Intention, PartnerKind};
    use time::OffsetDateTime;

    #[test]
    fn the_comparison_names_added_dropped_and_changed_items_activities_and_outcomes() {
        let method = Method::builtin(Lang::Nl);
        let now = OffsetDateTime::UNIX_EPOCH;
        let mut r1 = Session::new("P", 1, now);
        r1.intake.session_date = "2026-03-01".into();
        for t in ["Blijft", "Verdwijnt", "Wijzigt"] {
            r1.triangle.items.push(TriangleItem {
                title: t.into(),
                place: "projecten".into(),
                ..TriangleItem::default()
            });
        }
        r1.wheel.placement.phase = Some("kaderen".into());
        r1.wheel
            .per_kind
            .insert(PartnerKind::Zorg, "kaderen".into());
        r1.intentions.push(Intention {
            text: "Stagebureau".into(),
            ..Intention::default()
        });
        let mut r2 = next_round(&r1, "p-ronde1.volgspot.json", now).unwrap();
        r2.triangle.items.remove(1);
        r2.triangle.items[1].detail = "nu met toelichting".into();
        r2.triangle.items.push(TriangleItem {
            title: "Nieuw".into(),
            ..TriangleItem::default()
        });
        r2.wheel.placement.phase = Some("richten".into());
        r2.wheel
            .per_kind
            .insert(PartnerKind::Zorg, "mobiliseren".into());
        let first = method.wheel.phases[0].activities[0].id.clone();
        r2.wheel.activities.insert(
            first,
            ActivityState {
                status: ActivityStatus::Gereed,
                ..ActivityState::default()
            },
        );
        r2.intentions[0].outcome = Some(FollowUp::NietGedaan);
        r2.intentions[0].outcome_note = "geen geld".into();
        let p = compare(&method, r2.baseline.as_ref().unwrap(), &r2);
        assert_eq!((p.round, p.date.as_str()), (1, "2026-03-01"));
        assert_eq!(p.file, "p-ronde1.volgspot.json");
        assert_eq!(p.phase_before, "Kaderen van de uitdaging");
        assert_eq!(p.phase_now, "Richten van de inzet");
        assert_eq!(p.kinds.len(), 1);
        assert_eq!(p.activities.len(), 1);
        assert_eq!(
            (
                p.activities[0].before.as_str(),
                p.activities[0].now.as_str()
            ),
            ("niet_gestart", "gereed")
        );
        assert_eq!(p.items_added, vec!["Nieuw"]);
        assert_eq!(p.items_dropped, vec!["Verdwijnt"]);
        assert_eq!(p.items_changed.len(), 1);
        assert_eq!(p.items_changed[0].fields, vec!["detail"]);
        assert_eq!(p.intentions[0].status, Some("niet_gedaan"));
        assert_eq!(p.intentions[0].note, "geen geld");
        assert_eq!((p.not_done, p.open), (1, 0));
    }
}
