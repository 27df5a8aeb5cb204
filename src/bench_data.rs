//! Generated sessions for benchmarks and for timing the real binary
//! (`volgspot bench-data`). Seeded, so every run measures the same document.

use crate::model::*;
use time::macros::datetime;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Size {
    /// 30 partners, 12 interviews × 40 notes, 40 triangle items, 20 intentions.
    Typical,
    /// 10 000 notes over 60 interviews, 500 triangle items (about 3–5 MB of JSON).
    Large,
    /// 100 000 notes over 300 interviews, 500 triangle items (about 40–60 MB of JSON):
    /// for the benchmarks that must not grow with the note count.
    Huge,
}

impl Size {
    pub fn parse(s: &str) -> Option<Size> {
        match s {
            "typical" => Some(Size::Typical),
            "large" => Some(Size::Large),
            "huge" => Some(Size::Huge),
            _ => None,
        }
    }
}

/// A small deterministic generator (splitmix64): no dependency, same output everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn id(&mut self) -> Id {
        Id(format!("{:016x}-{:016x}", self.next(), self.next()))
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }

    /// A Dutch-looking sentence of `words` words.
    fn sentence(&mut self, words: usize) -> String {
        const W: &[&str] = &[
            "zorg",
            "onderwijs",
            "gemeente",
            "samenwerking",
            "wijk",
            "professionals",
            "opleiding",
            "praktijk",
            "technologie",
            "leerwerkplek",
            "bestuurders",
            "urgentie",
            "partners",
            "ambitie",
            "regio",
            "studenten",
            "werkgevers",
            "welzijn",
            "innovatie",
            "borging",
            "financiering",
            "voortgang",
            "knelpunt",
            "één",
            "coöperatie",
        ];
        let mut s: Vec<&str> = (0..words).map(|_| self.pick(W)).collect();
        if let Some(first) = s.first_mut() {
            *first = first.trim();
        }
        let mut out = s.join(" ");
        out.push('.');
        out
    }
}

pub fn generate(size: Size, seed: u64) -> Session {
    let (partners, interviews, notes_per, items, intentions) = match size {
        Size::Typical => (30, 12, 40, 40, 20),
        Size::Large => (30, 60, 10_000 / 60 + 1, 500, 60),
        Size::Huge => (30, 300, 100_000 / 300 + 1, 500, 60),
    };
    let mut r = Rng(seed);
    let now = datetime!(2026-11-26 14:00:00 +1);
    let mut s = Session::new("Zorgpact Benchmark", 2, now);
    s.id = r.id();
    s.intake.region_description = (0..4)
        .map(|_| r.sentence(30))
        .collect::<Vec<_>>()
        .join("\n");
    let kinds = PartnerKind::ALL;
    s.intake.partners = (0..partners)
        .map(|i| Partner {
            id: r.id(),
            organisation: format!("Organisatie {i}"),
            kind: kinds[i % 4],
            role: r.pick(&["trekker", "focusgroep", "deelnemer"]).into(),
            contact: format!("Contact {i}"),
        })
        .collect();
    let areas = ["waarom", "wat", "hoe", "proces", "voortgang"];
    let note_kinds = [
        NoteKind::Observatie,
        NoteKind::Succesfactor,
        NoteKind::Belemmering,
        NoteKind::Citaat,
        NoteKind::Verbeteridee,
    ];
    let mut total = 0;
    let max_notes = match size {
        Size::Typical => usize::MAX,
        Size::Large => 10_000,
        Size::Huge => 100_000,
    };
    s.interviews = (0..interviews)
        .map(|i| {
            let n = notes_per.min(max_notes - total);
            total += n;
            Interview {
                id: r.id(),
                interviewee: format!("Geïnterviewde {i}"),
                organisation: format!("Organisatie {}", i % partners),
                role: "deelprojectleider".into(),
                kind: kinds[i % 4],
                date: "2026-11-03".into(),
                interviewer: "Interviewer".into(),
                consent: Consent {
                    quotes_public: i % 2 == 0,
                    with_name: i % 4 == 0,
                    ..Consent::default()
                },
                notes: (0..n)
                    .map(|_| Note {
                        id: r.id(),
                        text: {
                            let words = 12 + r.below(20);
                            r.sentence(words)
                        },
                        area: areas[r.below(5)].into(),
                        kind: note_kinds[r.below(5)],
                        public: r.below(3) == 0,
                        ..Note::default()
                    })
                    .collect(),
                ..Interview::default()
            }
        })
        .map(std::sync::Arc::new)
        .collect();
    let places = [
        "ambities",
        "projecten",
        "resultaten",
        "vertalen",
        "factoren",
        "waarstaan",
    ];
    let note_ids: Vec<Id> = s
        .interviews
        .iter()
        .flat_map(|iv| iv.notes.iter().map(|n| n.id.clone()))
        .collect();
    s.triangle.items = (0..items)
        .map(|i| TriangleItem {
            id: r.id(),
            place: places[r.below(places.len())].into(),
            title: r.sentence(5),
            detail: r.sentence(15),
            votes: r.below(8) as i32,
            public: true,
            // Every fifth item is backed by one to three interview notes.
            evidence: if i % 5 == 0 {
                (0..1 + r.below(3))
                    .map(|_| note_ids[r.below(note_ids.len())].clone())
                    .collect()
            } else {
                Vec::new()
            },
            ..TriangleItem::default()
        })
        .collect();
    s.wheel.placement.phase = Some("richten".into());
    for a in [
        "bewustzijn",
        "startpunt",
        "visie",
        "coalitie",
        "pad",
        "middelen",
    ] {
        s.wheel.activities.insert(
            a.into(),
            ActivityState {
                status: ActivityStatus::Bezig,
                note: r.sentence(8),
                evidence: Vec::new(),
            },
        );
    }
    s.intentions = (0..intentions)
        .map(|i| Intention {
            id: r.id(),
            text: r.sentence(10),
            owner: if i % 5 == 0 {
                String::new()
            } else {
                format!("Partner {i}")
            },
            due: "2027-06-01".into(),
            link: None,
            public: i % 2 == 0,
            ..Intention::default()
        })
        .collect();
    s
}

/// Obstacles and success factors that recur across pacts in the portfolio workload.
const RECURRING: [(&str, NoteKind); 6] = [
    (
        "Te weinig stageplekken in de wijkverpleging.",
        NoteKind::Belemmering,
    ),
    ("Financiering stopt na de pilotfase.", NoteKind::Belemmering),
    (
        "Roosters van school en zorg sluiten niet op elkaar aan.",
        NoteKind::Belemmering,
    ),
    (
        "Bestuurders committeren zich zichtbaar.",
        NoteKind::Succesfactor,
    ),
    ("Een vaste kwartiermaker per regio.", NoteKind::Succesfactor),
    ("Studenten leren in gemengde teams.", NoteKind::Succesfactor),
];

/// The portfolio workload: `pacts` pacts × `rounds` rounds (round 2 and 3 made from the
/// round before, as `volgspot new --from` does, with intentions followed up), sessions
/// half a year apart, each with the "typical" size of interviews. File name → session.
pub fn portfolio(pacts: usize, rounds: u8, seed: u64) -> Vec<(String, Session)> {
    let mut r = Rng(seed);
    let phases = ["kaderen", "richten", "mobiliseren", "bestendigen"];
    let focus = [
        "Zorg en technologie",
        "Permanent leren",
        "Leren in de praktijk",
        "Toenemende opleidingseisen",
    ];
    let mut out = Vec::new();
    for k in 0..pacts {
        let pact = format!("Zorgpact Regio {:02}", k + 1);
        // Pacts start in different half years and move on a phase now and then.
        let start = r.below(3);
        let mut phase = r.below(2);
        let mut prev: Option<Session> = None;
        for round in 1..=rounds {
            let base = generate(Size::Typical, seed ^ (k as u64 * 31 + u64::from(round)));
            let half = start + usize::from(round - 1);
            // Five half years from March 2024: the last rounds are in the past (2026), so
            // the overview shows no period that has not begun.
            let (year, month) = (
                2024 + (half / 2) as i32,
                if half.is_multiple_of(2) { 3 } else { 10 },
            );
            let date = format!("{year}-{month:02}-15");
            let now = time::OffsetDateTime::UNIX_EPOCH
                + time::Duration::days(20_000 + half as i64 * 182 + k as i64);
            let mut s = match &prev {
                Some(p) => {
                    let file = format!(
                        "{}-ronde{}-{}.volgspot.json",
                        crate::store::paths::slug(&pact),
                        round - 1,
                        p.intake.session_date
                    );
                    crate::model::rounds::next_round(p, &file, now).expect("round 1 or 2")
                }
                None => {
                    let mut s = base.clone();
                    s.id = r.id();
                    s.intake.pact_name = pact.clone();
                    s.intake.round = 1;
                    s
                }
            };
            s.created = now;
            s.updated = now;
            s.intake.session_date = date.clone();
            // This round's interviews and notes, with names unique to the pact.
            s.interviews = base
                .interviews
                .iter()
                .enumerate()
                .map(|(i, iv)| {
                    let mut iv = (**iv).clone();
                    iv.interviewee = format!("Geïnterviewde {k}-{round}-{i}");
                    for n in iv.notes.iter_mut() {
                        n.focus_areas = vec![focus[r.below(focus.len())].to_string()];
                        if r.below(8) == 0 {
                            let (text, kind) = RECURRING[r.below(RECURRING.len())];
                            n.text = text.to_string();
                            n.kind = kind;
                        }
                    }
                    std::sync::Arc::new(iv)
                })
                .collect();
            if round > 1 && r.below(2) == 0 {
                phase = (phase + 1).min(phases.len() - 1);
            }
            s.wheel.placement.phase = Some(phases[phase].to_string());
            s.wheel.per_kind.insert(
                PartnerKind::Onderwijs,
                phases[phase.saturating_sub(r.below(2))].to_string(),
            );
            // Follow up what was carried; add this round's own intentions.
            for (i, it) in s
                .intentions
                .iter_mut()
                .filter(|i| i.carried_from.is_some())
                .enumerate()
            {
                it.outcome = crate::model::rounds::FollowUp::ALL.get(i % 5).copied();
            }
            if round > 1 {
                s.intentions
                    .extend(base.intentions.iter().take(6).map(|i| Intention {
                        id: r.id(),
                        ..i.clone()
                    }));
            }
            out.push((
                format!(
                    "{}-ronde{round}-{date}.volgspot.json",
                    crate::store::paths::slug(&pact)
                ),
                s.clone(),
            ));
            prev = Some(s);
        }
    }
    out
}

/// A session folder for the folder benchmarks: `others` sessions of the typical size
/// beside one more of pact "Zorgpact Benchmark", round 3 (written last and returned).
/// Every tenth other is an earlier round of that pact, so the earlier-round lookup has
/// candidates to choose from; the rest belong to other pacts.
pub fn folder(dir: &std::path::Path, others: usize) -> std::io::Result<std::path::PathBuf> {
    let base = generate(Size::Typical, 42);
    let write = |s: &Session, name: &str| -> std::io::Result<std::path::PathBuf> {
        let p = dir.join(name);
        std::fs::write(&p, crate::store::to_json(s))?;
        Ok(p)
    };
    let mut r = Rng(7);
    for i in 0..others {
        let mut s = base.clone();
        s.id = r.id();
        if i % 10 == 0 {
            s.intake.round = 1 + (i / 10 % 2) as u8;
        } else {
            s.intake.pact_name = format!("Zorgpact {i}");
            s.intake.round = 1 + (i % 3) as u8;
        }
        s.updated += time::Duration::minutes(i as i64);
        write(
            &s,
            &format!("pact{i:03}-ronde{}.volgspot.json", s.intake.round),
        )?;
    }
    let mut s = base;
    s.id = r.id();
    s.intake.round = 3;
    write(&s, "zorgpact-benchmark-ronde3.volgspot.json")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn workloads_have_the_promised_shape() {
        let t = generate(Size::Typical, 1);
        assert_eq!(t.note_count(), 480);
        assert_eq!(t.intake.partners.len(), 30);
        let l = generate(Size::Large, 1);
        assert_eq!(l.note_count(), 10_000);
        assert_eq!(l.triangle.items.len(), 500);
        let bytes = crate::store::to_json(&l).len();
        assert!((3_000_000..6_000_000).contains(&bytes), "{bytes}");
        assert_eq!(generate(Size::Large, 1), l, "seeded: the same every time");
    }
}
