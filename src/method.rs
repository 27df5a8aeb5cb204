//! The method definition: rounds, attention areas, triangle corners and questions, focus
//! areas, wheel phases and activities, the default agenda. It is data (`assets/`), so a
//! region's wording or another phase model needs no recompile: `VOLGSPOT_METHOD` or
//! `--method` points at a file of the same shape.

use serde::Deserialize;
use std::path::Path;

use crate::i18n::Lang;
use crate::model::Session;

const METHOD_NL: &str = include_str!("../assets/method.nl.json");
const METHOD_EN: &str = include_str!("../assets/method.en.json");

#[derive(Debug, Clone, Deserialize)]
pub struct Method {
    pub name: String,
    pub rounds: Vec<Round>,
    pub areas: Vec<Area>,
    pub triangle: TriangleDef,
    #[serde(default)]
    pub focus_areas: Vec<String>,
    pub wheel: WheelDef,
    #[serde(default)]
    pub agenda: Vec<AgendaDef>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Round {
    pub number: u8,
    pub focus: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Area {
    pub id: String,
    pub name: String,
    pub question: String,
    /// Heading in the public report, when it differs from `name`.
    #[serde(default)]
    pub report_title: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct TriangleDef {
    pub corners: Vec<Named>,
    pub questions: Vec<GuidingQuestion>,
    #[serde(default)]
    pub kader_rows: Vec<KaderRow>,
    /// The corner whose items are projects (they get innovation kind, owner, partners).
    /// Absent: every corner's items may carry them.
    #[serde(default)]
    pub projects_corner: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Named {
    pub id: String,
    pub name: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct GuidingQuestion {
    pub id: String,
    pub from: String,
    pub to: String,
    pub text: String,
}

#[derive(Debug, Clone, Deserialize)]
pub struct KaderRow {
    pub id: String,
    pub text: String,
    /// The corner or question whose items suggest this row's answer.
    #[serde(default)]
    pub from: Option<String>,
    /// What of those items: "title" (default) or "partners" (owners and partners).
    #[serde(default)]
    pub from_field: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct WheelDef {
    pub name: String,
    pub phases: Vec<Phase>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct Phase {
    pub id: String,
    pub name: String,
    #[serde(default)]
    pub activities: Vec<Named>,
}

#[derive(Debug, Clone, Deserialize)]
pub struct AgendaDef {
    pub title: String,
    pub minutes: u32,
    pub screen: String,
}

impl Method {
    /// The built-in definition for a language.
    pub fn builtin(lang: Lang) -> Method {
        let text = match lang {
            Lang::Nl => METHOD_NL,
            Lang::En => METHOD_EN,
        };
        // The embedded files are checked by a unit test, so this cannot fail at runtime.
        serde_json::from_str(text).expect("embedded method definition is valid")
    }

    /// A method definition from a file, e.g. a region's own wording.
    pub fn from_file(path: &Path) -> Result<Method, String> {
        let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
        serde_json::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))
    }

    pub fn round(&self, n: u8) -> Option<&Round> {
        self.rounds.iter().find(|r| r.number == n)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.wheel.phases.iter().find(|p| p.id == id)
    }

    /// The phase an activity belongs to, with the activity.
    pub fn activity(&self, id: &str) -> Option<(&Phase, &Named)> {
        self.wheel
            .phases
            .iter()
            .find_map(|p| p.activities.iter().find(|a| a.id == id).map(|a| (p, a)))
    }
}

/// The name of a wheel phase as this region calls it: the session's rename when there
/// is one, else the method's name, else the bare id (a phase from another method file).
/// Shared by the wheel screen and the export.
pub fn phase_name(method: &Method, session: &Session, id: &str) -> String {
    renamed(session, id)
        .or_else(|| method.phase(id).map(|p| p.name.clone()))
        .unwrap_or_else(|| id.to_string())
}

/// The name of a wheel activity, with the region's rename applied (see [`phase_name`]).
pub fn activity_name(method: &Method, session: &Session, id: &str) -> String {
    renamed(session, id)
        .or_else(|| method.activity(id).map(|(_, a)| a.name.clone()))
        .unwrap_or_else(|| id.to_string())
}

fn renamed(session: &Session, id: &str) -> Option<String> {
    session
        .wheel
        .renames
        .get(id)
        .filter(|n| !n.trim().is_empty())
        .cloned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_embedded_definitions_parse_and_agree_on_ids() {
        let nl = Method::builtin(Lang::Nl);
        let en = Method::builtin(Lang::En);
        let ids = |m: &Method| m.areas.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&nl), ids(&en));
        assert_eq!(nl.wheel.phases.len(), 4);
        assert_eq!(nl.agenda.iter().map(|b| b.minutes).sum::<u32>(), 120);
    }

    #[test]
    fn renames_override_phase_and_activity_names() {
        let m = Method::builtin(Lang::Nl);
        let mut s = Session::new("P", 1, time::OffsetDateTime::UNIX_EPOCH);
        assert_eq!(phase_name(&m, &s, "richten"), "Richten van de inzet");
        s.wheel.renames.insert("richten".into(), "Focus".into());
        s.wheel.renames.insert("pad".into(), "Routekaart".into());
        assert_eq!(phase_name(&m, &s, "richten"), "Focus");
        assert_eq!(activity_name(&m, &s, "pad"), "Routekaart");
        assert_eq!(phase_name(&m, &s, "onbekend"), "onbekend");
        assert_eq!(
            m.activity("pad").map(|(p, _)| p.id.as_str()),
            Some("richten")
        );
    }
}
