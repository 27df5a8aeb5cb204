//! The method definition: rounds, attention areas, triangle corners and questions, focus
//! areas, wheel phases and activities, the default agenda. It is data (`assets/`), so a
//! region's wording or another phase model needs no recompile: `VOLGSPOT_METHOD` or
//! `--method` points at a file of the same shape.

use serde::Deserialize;
use std::path::{Path, PathBuf};

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
    /// What of the triangle the report shows in this area's section.
    #[serde(default)]
    pub report: AreaReport,
}

/// The triangle's part of an area's report section, as data (the templates know no ids).
#[derive(Debug, Clone, Default, Deserialize, serde::Serialize)]
pub struct AreaReport {
    /// The region's focus areas (themes), numbered.
    #[serde(default)]
    pub focus_areas: bool,
    /// Corners or questions whose items are listed under a heading: the heading is a
    /// word of the report's wording (`words.nl`: `projects`, `wanted_result`).
    #[serde(default)]
    pub groups: Vec<ReportGroup>,
    /// Corners or questions whose items are listed without a heading.
    #[serde(default)]
    pub places: Vec<String>,
    /// Where the pact stands on the collaboration wheel.
    #[serde(default)]
    pub wheel: bool,
    /// The section of results: its interview notes headed as results, the intentions
    /// and what lies ahead.
    #[serde(default)]
    pub progress: bool,
}

#[derive(Debug, Clone, Deserialize, serde::Serialize)]
pub struct ReportGroup {
    pub place: String,
    pub word: String,
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

/// Why a method file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MethodError {
    /// The file could not be read.
    Read { path: PathBuf, why: String },
    /// Not JSON, or not the shape of a method definition.
    Parse { path: PathBuf, why: String },
    /// Parsed, but a field is wrong (see [`Problem`]).
    Check { path: PathBuf, problem: Problem },
}

impl MethodError {
    /// The error in the UI language, naming the file (and the field).
    pub fn message(&self, t: &crate::i18n::Strings) -> String {
        use crate::i18n::fill;
        match self {
            MethodError::Read { path, why } => {
                fill(t.e_method_read, &[&path.display().to_string(), why])
            }
            MethodError::Parse { path, why } => {
                fill(t.e_method_parse, &[&path.display().to_string(), why])
            }
            MethodError::Check { path, problem } => fill(
                t.e_method_field,
                &[&path.display().to_string(), &problem.field, &problem.why],
            ),
        }
    }
}

/// What is wrong in a method definition, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    /// The field, as a path into the file: `agenda[2].screen`.
    pub field: String,
    pub why: String,
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

    /// A method definition from a file, e.g. a region's own wording: read, parsed and
    /// checked, so a typo fails at start with the file and the field named, not later.
    /// `screens`: the ids an agenda block may link to (the app's `Screen::ids`).
    pub fn from_file(path: &Path, screens: &[&str]) -> Result<Method, MethodError> {
        let path_buf = || path.to_path_buf();
        let text = std::fs::read_to_string(path).map_err(|e| MethodError::Read {
            path: path_buf(),
            why: e.to_string(),
        })?;
        let method: Method = serde_json::from_str(&text).map_err(|e| MethodError::Parse {
            path: path_buf(),
            why: e.to_string(),
        })?;
        method
            .check(screens)
            .map_err(|problem| MethodError::Check {
                path: path_buf(),
                problem,
            })?;
        Ok(method)
    }

    /// Checks what the parser cannot: ids unique and present, references between parts
    /// (a guiding question's corners, a kader row's source, the projects corner, an
    /// agenda block's screen) pointing at something that exists.
    pub fn check(&self, screens: &[&str]) -> Result<(), Problem> {
        let bad = |field: String, why: String| Err(Problem { field, why });
        fn unique<'a>(what: &str, ids: impl Iterator<Item = &'a str>) -> Result<(), Problem> {
            let mut seen: Vec<&str> = Vec::new();
            for (i, id) in ids.enumerate() {
                let field = format!("{what}[{i}].id");
                if id.trim().is_empty() {
                    return Err(Problem {
                        field,
                        why: "empty id".into(),
                    });
                }
                // Ids name places in the reports (`<section id="…">`, anchors): plain
                // lower-case letters, digits, `_` and `-` only.
                if let Some(c) = id
                    .chars()
                    .find(|c| !matches!(c, 'a'..='z' | '0'..='9' | '_' | '-'))
                {
                    return Err(Problem {
                        field,
                        why: format!(
                            "\"{}\" holds {:?}; an id may hold only a-z, 0-9, _ and -",
                            id.escape_default(),
                            c
                        ),
                    });
                }
                if seen.contains(&id) {
                    return Err(Problem {
                        field,
                        why: format!("\"{id}\" is used twice"),
                    });
                }
                seen.push(id);
            }
            if seen.is_empty() {
                return Err(Problem {
                    field: what.into(),
                    why: "none given".into(),
                });
            }
            Ok(())
        }
        unique("areas", self.areas.iter().map(|a| a.id.as_str()))?;
        unique(
            "triangle.corners",
            self.triangle.corners.iter().map(|c| c.id.as_str()),
        )?;
        if !self.triangle.questions.is_empty() {
            unique(
                "triangle.questions",
                self.triangle
                    .corners
                    .iter()
                    .map(|c| c.id.as_str())
                    .chain(self.triangle.questions.iter().map(|q| q.id.as_str())),
            )
            .map_err(|p| Problem {
                why: format!("{} (corners and questions share one set of ids)", p.why),
                ..p
            })?;
        }
        unique(
            "wheel.phases",
            self.wheel.phases.iter().map(|p| p.id.as_str()),
        )?;
        for (i, p) in self.wheel.phases.iter().enumerate() {
            if !p.activities.is_empty() {
                unique(
                    &format!("wheel.phases[{i}].activities"),
                    p.activities.iter().map(|a| a.id.as_str()),
                )?;
            }
        }
        let corner = |id: &str| self.triangle.corners.iter().any(|c| c.id == id);
        for (i, q) in self.triangle.questions.iter().enumerate() {
            for (end, id) in [("from", &q.from), ("to", &q.to)] {
                if !corner(id) {
                    return bad(
                        format!("triangle.questions[{i}].{end}"),
                        format!("\"{id}\" is not a corner"),
                    );
                }
            }
        }
        let place = |id: &str| corner(id) || self.triangle.questions.iter().any(|q| q.id == id);
        for (i, r) in self.triangle.kader_rows.iter().enumerate() {
            if let Some(from) = &r.from
                && !place(from)
            {
                return bad(
                    format!("triangle.kader_rows[{i}].from"),
                    format!("\"{from}\" is not a corner or question"),
                );
            }
        }
        for (i, a) in self.areas.iter().enumerate() {
            let groups = a.report.groups.iter().map(|g| &g.place);
            for (j, p) in groups.chain(&a.report.places).enumerate() {
                if !place(p) {
                    return bad(
                        format!("areas[{i}].report"),
                        format!("place {j}: \"{p}\" is not a corner or question"),
                    );
                }
            }
        }
        if let Some(p) = &self.triangle.projects_corner
            && !corner(p)
        {
            return bad(
                "triangle.projects_corner".into(),
                format!("\"{p}\" is not a corner"),
            );
        }
        for (i, b) in self.agenda.iter().enumerate() {
            if !screens.contains(&b.screen.as_str()) {
                return bad(
                    format!("agenda[{i}].screen"),
                    format!("\"{}\" is not a screen ({})", b.screen, screens.join(", ")),
                );
            }
        }
        Ok(())
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
    fn a_typo_in_a_method_file_names_the_file_and_the_field() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("regio.json");
        let mut v: serde_json::Value = serde_json::from_str(METHOD_NL).unwrap();
        v["agenda"][1]["screen"] = "wiel".into();
        std::fs::write(&path, v.to_string()).unwrap();
        let e = Method::from_file(&path, &crate::app::Screen::ids())
            .unwrap_err()
            .message(Lang::Nl.strings());
        assert!(e.contains("regio.json"), "{e}");
        assert!(e.contains("agenda[1].screen"), "{e}");
        assert!(e.contains("\"wiel\" is not a screen"), "{e}");
        let mut v: serde_json::Value = serde_json::from_str(METHOD_NL).unwrap();
        v["triangle"]["questions"][0]["to"] = "resultaat".into();
        std::fs::write(&path, v.to_string()).unwrap();
        let e = Method::from_file(&path, &crate::app::Screen::ids())
            .unwrap_err()
            .message(Lang::Nl.strings());
        assert!(e.contains("triangle.questions[0].to"), "{e}");
        let mut v: serde_json::Value = serde_json::from_str(METHOD_NL).unwrap();
        v["areas"][1]["id"] = v["areas"][0]["id"].clone();
        std::fs::write(&path, v.to_string()).unwrap();
        let e = Method::from_file(&path, &crate::app::Screen::ids())
            .unwrap_err()
            .message(Lang::Nl.strings());
        assert!(e.contains("areas[1].id") && e.contains("used twice"), "{e}");
        // An id names a place in the HTML report (`<section id="…">`): nothing that
        // could leave the attribute.
        let mut v: serde_json::Value = serde_json::from_str(METHOD_NL).unwrap();
        v["areas"][2]["id"] = "x\" onmouseover=\"alert(1)".into();
        std::fs::write(&path, v.to_string()).unwrap();
        let e = Method::from_file(&path, &crate::app::Screen::ids())
            .unwrap_err()
            .message(Lang::Nl.strings());
        assert!(
            e.contains("areas[2].id") && e.contains("only a-z, 0-9, _ and -"),
            "{e}"
        );
    }

    #[test]
    fn the_built_in_methods_pass_the_check() {
        for lang in [Lang::Nl, Lang::En] {
            assert_eq!(
                Method::builtin(lang).check(&crate::app::Screen::ids()),
                Ok(())
            );
        }
    }

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
