//! Across rounds of one pact: round N+1 is created from round N, carrying its intake,
//! triangle, wheel and intentions, and holding a snapshot of round N's facts (the
//! baseline) so the comparison never depends on which files are in the folder.

use super::{Id, Intention, Session, TriangleItem, Wheel};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// The last round the method knows (ronde 3 looks at securing the results).
pub const LAST_ROUND: u8 = 3;

/// What became of an intention agreed in an earlier round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FollowUp {
    Gedaan,
    Loopt,
    NietGedaan,
    Vervallen,
}

impl FollowUp {
    pub const ALL: [FollowUp; 4] = [
        FollowUp::Gedaan,
        FollowUp::Loopt,
        FollowUp::NietGedaan,
        FollowUp::Vervallen,
    ];

    /// The id the report templates word (`gedaan`, `loopt`, `niet_gedaan`, `vervallen`).
    pub fn id(self) -> &'static str {
        match self {
            FollowUp::Gedaan => "gedaan",
            FollowUp::Loopt => "loopt",
            FollowUp::NietGedaan => "niet_gedaan",
            FollowUp::Vervallen => "vervallen",
        }
    }

    /// The next status as a key cycles them: none → gedaan → … → vervallen → none.
    pub fn cycle(current: Option<FollowUp>) -> Option<FollowUp> {
        match current {
            None => Some(FollowUp::Gedaan),
            Some(f) => {
                let i = FollowUp::ALL.iter().position(|x| *x == f).unwrap_or(0);
                FollowUp::ALL.get(i + 1).copied()
            }
        }
    }
}

/// A snapshot of the round a session was created from.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Baseline {
    /// The earlier session's id.
    pub session: Id,
    pub pact: String,
    pub round: u8,
    /// The earlier session's date as typed.
    #[serde(default)]
    pub session_date: String,
    /// The earlier session's file name (not its folder), for naming the baseline.
    #[serde(default)]
    pub file: String,
    /// When the snapshot was taken.
    #[serde(with = "time::serde::rfc3339")]
    pub taken: OffsetDateTime,
    /// Phase, phase per partner kind, activity statuses (and the region's names).
    #[serde(default)]
    pub wheel: Wheel,
    #[serde(default)]
    pub triangle: Vec<TriangleItem>,
    #[serde(default)]
    pub intentions: Vec<Intention>,
}

/// Why no next round can be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NextRoundError {
    /// The session is already in the method's last round.
    LastRound(u8),
}

/// Round N+1 of `prev`'s pact. `file`: the name of `prev`'s file (named as baseline).
/// Carried: pact, region text, ambition, partners, documents, facilitators and
/// interviewers, meeting and place; the triangle items (marked carried, votes and
/// evidence cleared: those belonged to round N's session), own focus areas and the
/// analysekader; the wheel as starting point; the intentions, to be followed up.
/// Not carried: interviews, observations, the agenda's times, the clock.
pub fn next_round(
    prev: &Session,
    file: &str,
    now: OffsetDateTime,
) -> Result<Session, NextRoundError> {
    let round = prev.intake.round.max(1);
    if round >= LAST_ROUND {
        return Err(NextRoundError::LastRound(round));
    }
    let mut s = Session::new(&prev.intake.pact_name, round + 1, now);
    let from = &prev.intake;
    s.intake.region_description = from.region_description.clone();
    s.intake.ambition = from.ambition.clone();
    s.intake.partners = from.partners.clone();
    s.intake.documents = from.documents.clone();
    s.intake.facilitators = from.facilitators.clone();
    s.intake.interviewers = from.interviewers.clone();
    s.intake.meeting = from.meeting.clone();
    s.intake.place = from.place.clone();
    s.triangle = prev.triangle.clone();
    for it in &mut s.triangle.items {
        it.carried_from = Some(round);
        it.votes = 0;
        it.evidence.clear();
    }
    s.wheel = prev.wheel.clone();
    s.wheel.placement.motivation.clear();
    for a in s.wheel.activities.values_mut() {
        a.evidence.clear();
    }
    s.intentions = prev
        .intentions
        .iter()
        // Dropped ones stay dropped; everything else is to be followed up again.
        .filter(|i| i.outcome != Some(FollowUp::Vervallen) && i.outcome != Some(FollowUp::Gedaan))
        .map(|i| Intention {
            carried_from: Some(round),
            outcome: None,
            outcome_note: String::new(),
            ..i.clone()
        })
        .collect();
    s.baseline = Some(Baseline {
        session: prev.id.clone(),
        pact: prev.intake.pact_name.clone(),
        round,
        session_date: prev.intake.session_date.clone(),
        file: file.to_string(),
        taken: now,
        wheel: prev.wheel.clone(),
        triangle: prev.triangle.items.clone(),
        intentions: prev.intentions.clone(),
    });
    Ok(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActivityState, ActivityStatus, Partner};

    #[test]
    fn round_two_carries_intake_triangle_wheel_and_intentions_with_a_snapshot() {
        let now = OffsetDateTime::UNIX_EPOCH;
        let mut r1 = Session::new("Zorgpact Noord", 1, now);
        r1.intake.region_description = "Regio".into();
        r1.intake.partners.push(Partner {
            organisation: "ROC Noord".into(),
            ..Partner::default()
        });
        r1.triangle.items.push(TriangleItem {
            title: "Leerwerkplaats".into(),
            votes: 4,
            ..TriangleItem::default()
        });
        r1.wheel.placement.phase = Some("richten".into());
        r1.wheel.activities.insert(
            "pad".into(),
            ActivityState {
                status: ActivityStatus::Bezig,
                ..ActivityState::default()
            },
        );
        r1.intentions.push(Intention {
            text: "Stagebureau".into(),
            ..Intention::default()
        });
        let r2 = next_round(&r1, "noord-ronde1.volgspot.json", now).unwrap();
        assert_eq!(r2.intake.round, 2);
        assert_eq!(r2.intake.pact_name, "Zorgpact Noord");
        assert_eq!(r2.intake.partners[0].organisation, "ROC Noord");
        assert_eq!(r2.triangle.items[0].carried_from, Some(1));
        assert_eq!(r2.triangle.items[0].votes, 0);
        assert_eq!(r2.wheel.placement.phase.as_deref(), Some("richten"));
        assert_eq!(r2.intentions[0].carried_from, Some(1));
        assert_eq!(r2.intentions[0].outcome, None);
        let b = r2.baseline.as_ref().unwrap();
        assert_eq!(
            (b.round, b.file.as_str()),
            (1, "noord-ronde1.volgspot.json")
        );
        assert_eq!(b.triangle[0].votes, 4);
        assert_ne!(r2.id, r1.id);
    }

    #[test]
    fn there_is_no_round_after_the_last() {
        let r3 = Session::new("P", 3, OffsetDateTime::UNIX_EPOCH);
        assert_eq!(
            next_round(&r3, "", OffsetDateTime::UNIX_EPOCH),
            Err(NextRoundError::LastRound(3))
        );
    }

    #[test]
    fn the_follow_up_key_cycles_through_all_four_and_back_to_none() {
        let mut f = None;
        let mut seen = Vec::new();
        for _ in 0..5 {
            f = FollowUp::cycle(f);
            seen.push(f);
        }
        assert_eq!(seen[..4], FollowUp::ALL.map(Some));
        assert_eq!(seen[4], None);
    }
}
