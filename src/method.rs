//! The method definition: rounds, attention areas, triangle corners and questions, focus
//! areas, wheel phases and activities, the default agenda. It is data (`assets/`), so a
//! region's wording or another phase model needs no recompile: `VOLGSPOT_METHOD` or
//! `--method` points at a file of the same shape.

use serde::Deserialize;
use std::path::Path;

use crate::i18n::Lang;

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
}
