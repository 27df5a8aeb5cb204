//! The portfolio (Overzicht): all pacts of a programme at once, from the sessions in one
//! folder. Per pact its rounds, dates, wheel phase per round (and per partner kind),
//! intentions done / open and missing kartrekkers; how many pacts stood in each phase
//! per half year (the shape of the national progress report's tables); and the
//! obstacles and success factors across pacts, grouped by focus area and attention
//! area, with the pacts that name each.
//!
//! Names of interviewees never appear: only pact names, phases, counts, intention texts
//! and owners (organisations) and the text of obstacle and success-factor notes.

use crate::i18n::{Lang, fill};
use crate::method::Method;
use crate::model::rounds::FollowUp;
use crate::model::{NoteKind, PartnerKind, Session};
use crate::store::{load_session, paths};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, PartialEq)]
pub struct Portfolio {
    pub pacts: Vec<PactOut>,
    /// Period labels, oldest first ("2026-1" = January–June 2026).
    pub periods: Vec<Period>,
    /// One row per phase of the method's wheel, then "not placed" and "no session yet";
    /// each with a count per period.
    pub counts: Vec<CountRow>,
    /// Pacts per period (every pact counted once in every period).
    pub totals: Vec<usize>,
    pub themes: Vec<ThemeGroup>,
    /// Files that could not be read (names only).
    pub unreadable: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Period {
    pub year: i32,
    /// 1: January–June, 2: July–December.
    pub half: u8,
}

#[derive(Debug, Clone, PartialEq)]
pub struct PactOut {
    pub name: String,
    pub rounds: Vec<RoundOut>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct RoundOut {
    pub round: u8,
    pub date: String,
    /// The phase's name (empty: not placed).
    pub phase: String,
    /// The phase's id (`None`: not placed).
    pub phase_id: Option<String>,
    pub per_kind: Vec<(PartnerKind, String)>,
    pub intentions: usize,
    pub done: usize,
    /// Not done yet: no follow-up, ongoing or not done (dropped ones are not open).
    pub open: usize,
    /// Open intentions without a kartrekker.
    pub without_owner: usize,
    pub file: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct CountRow {
    /// A phase id, or `-` (not placed), or `0` (no session yet).
    pub id: String,
    pub name: String,
    pub counts: Vec<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeGroup {
    pub focus: String,
    pub area: String,
    pub kind: NoteKind,
    pub items: Vec<ThemeItem>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct ThemeItem {
    pub text: String,
    pub pacts: Vec<String>,
}

/// The sessions in `dir` (not its subfolders), read in full; unreadable ones by name.
pub fn read_folder(dir: &Path) -> (Vec<(PathBuf, Session)>, Vec<String>) {
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|r| {
            r.flatten()
                .map(|e| e.path())
                .filter(|p| {
                    p.file_name()
                        .is_some_and(|n| n.to_string_lossy().ends_with(paths::SESSION_SUFFIX))
                })
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut sessions = Vec::new();
    let mut unreadable = Vec::new();
    for p in files {
        match load_session(&p) {
            Ok((s, _)) => sessions.push((p, s)),
            Err(_) => unreadable.push(file_name(&p)),
        }
    }
    (sessions, unreadable)
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

fn period_of(date: &str) -> Option<Period> {
    let d = crate::model::validate::parse_date(date.trim()).ok()??;
    Some(Period {
        year: d.year(),
        half: if (d.month() as u8) <= 6 { 1 } else { 2 },
    })
}

fn phase_name(method: &Method, s: &Session, id: &str) -> String {
    crate::export::report::phase_name(s, method, id)
}

/// The portfolio of these sessions. Sessions of one pact (same name, any case) are its
/// rounds; of two sessions of the same round, the one saved last counts.
pub fn build(
    sessions: &[(PathBuf, Session)],
    unreadable: Vec<String>,
    method: &Method,
    lang: Lang,
) -> Portfolio {
    let t = lang.strings().portfolio;
    let by_pact = rounds_by_pact(sessions);
    let mut pacts = Vec::new();
    let mut dated: Vec<(usize, Period, Option<String>)> = Vec::new();
    let mut themes = Themes::new();
    for (i, (key, rounds)) in by_pact.iter().enumerate() {
        let name = rounds
            .values()
            .last()
            .map(|(s, _)| s.intake.pact_name.trim().to_string())
            .filter(|n| !n.is_empty())
            .unwrap_or_else(|| key.clone());
        let mut out = Vec::new();
        for (round, (s, file)) in rounds {
            out.push(round_out(method, s, *round, file));
            if let Some(p) = period_of(&s.intake.session_date) {
                dated.push((i, p, s.wheel.placement.phase.clone()));
            }
            add_themes(&mut themes, method, t, s, &name);
        }
        pacts.push(PactOut { name, rounds: out });
    }
    pacts.sort_by_key(|p| p.name.to_lowercase());

    let mut periods: Vec<Period> = dated.iter().map(|d| d.1).collect();
    periods.sort();
    periods.dedup();
    let counts = phase_counts(method, t, &periods, &dated, by_pact.len());
    let totals = (0..periods.len())
        .map(|c| counts.iter().map(|r| r.counts[c]).sum())
        .collect();
    Portfolio {
        pacts,
        periods,
        counts,
        totals,
        themes: theme_groups(themes),
        unreadable,
    }
}

/// pact key → round → (session, file name). Sessions without a pact name are no pact:
/// left out of the overview (the start screen lists them under "(zonder naam)").
fn rounds_by_pact(
    sessions: &[(PathBuf, Session)],
) -> BTreeMap<String, BTreeMap<u8, (&Session, String)>> {
    let mut by_pact: BTreeMap<String, BTreeMap<u8, (&Session, String)>> = BTreeMap::new();
    for (p, s) in sessions {
        let key = crate::model::pact::pact_key(&s.intake.pact_name);
        if key.is_empty() {
            continue;
        }
        let rounds = by_pact.entry(key).or_default();
        let keep = rounds
            .get(&s.intake.round)
            .is_none_or(|(old, _)| old.updated < s.updated);
        if keep {
            rounds.insert(s.intake.round, (s, file_name(p)));
        }
    }
    by_pact
}

/// One round of a pact: where it stood on the wheel and how its intentions went.
fn round_out(method: &Method, s: &Session, round: u8, file: &str) -> RoundOut {
    let w = &s.wheel;
    let open: Vec<_> = s
        .intentions
        .iter()
        .filter(|i| !i.text.trim().is_empty())
        .filter(|i| !matches!(i.outcome, Some(FollowUp::Gedaan | FollowUp::Vervallen)))
        .collect();
    RoundOut {
        round,
        date: s.intake.session_date.trim().to_string(),
        phase: w
            .placement
            .phase
            .as_deref()
            .map(|id| phase_name(method, s, id))
            .unwrap_or_default(),
        phase_id: w.placement.phase.clone(),
        per_kind: w
            .per_kind
            .iter()
            .map(|(k, id)| (*k, phase_name(method, s, id)))
            .collect(),
        intentions: s
            .intentions
            .iter()
            .filter(|i| !i.text.trim().is_empty())
            .count(),
        done: s
            .intentions
            .iter()
            .filter(|i| i.outcome == Some(FollowUp::Gedaan))
            .count(),
        open: open.len(),
        without_owner: open.iter().filter(|i| i.owner.trim().is_empty()).count(),
        file: file.to_string(),
    }
}

/// (focus, area, kind) → lowercased text → (text as first written, pacts).
type Themes = BTreeMap<(String, String, u8), BTreeMap<String, (String, Vec<String>)>>;

/// The session's obstacles (kind 0) and success factors (kind 1), by focus area and
/// area, each text once with the pacts that named it.
fn add_themes(
    themes: &mut Themes,
    method: &Method,
    t: &crate::i18n::portfolio::Strings,
    s: &Session,
    pact: &str,
) {
    for iv in &s.interviews {
        for n in &iv.notes {
            let kind = match n.kind {
                NoteKind::Belemmering => 0,
                NoteKind::Succesfactor => 1,
                _ => continue,
            };
            let text = n.text.split_whitespace().collect::<Vec<_>>().join(" ");
            if text.is_empty() {
                continue;
            }
            let area = method
                .areas
                .iter()
                .find(|a| a.id == n.area)
                .map(|a| a.name.clone())
                .unwrap_or_else(|| t.no_area.to_string());
            let focuses = if n.focus_areas.is_empty() {
                vec![t.no_focus.to_string()]
            } else {
                n.focus_areas.clone()
            };
            for f in focuses {
                let group = themes.entry((f, area.clone(), kind)).or_default();
                let item = group
                    .entry(text.to_lowercase())
                    .or_insert_with(|| (text.clone(), Vec::new()));
                if !item.1.iter().any(|p| p == pact) {
                    item.1.push(pact.to_string());
                }
            }
        }
    }
}

/// Counts per period: each pact counted once per period, in the phase of its latest
/// session up to the end of that period (as a progress report's "stand van zaken").
/// `dated`: (pact index, period, phase id) of every dated session.
fn phase_counts(
    method: &Method,
    t: &crate::i18n::portfolio::Strings,
    periods: &[Period],
    dated: &[(usize, Period, Option<String>)],
    n_pacts: usize,
) -> Vec<CountRow> {
    let mut counts: Vec<CountRow> = method
        .wheel
        .phases
        .iter()
        .map(|p| CountRow {
            id: p.id.clone(),
            name: p.name.clone(),
            counts: vec![0; periods.len()],
        })
        .collect();
    counts.push(CountRow {
        id: "-".into(),
        name: t.not_placed.into(),
        counts: vec![0; periods.len()],
    });
    counts.push(CountRow {
        id: "0".into(),
        name: t.not_started.into(),
        counts: vec![0; periods.len()],
    });
    for (col, period) in periods.iter().enumerate() {
        for pact in 0..n_pacts {
            let latest = dated
                .iter()
                .filter(|(i, p, _)| *i == pact && p <= period)
                .max_by_key(|(_, p, _)| *p);
            let row = match latest {
                None => counts.len() - 1,
                Some((_, _, Some(id))) => counts
                    .iter()
                    .position(|r| r.id == *id)
                    .unwrap_or(counts.len() - 2),
                Some((_, _, None)) => counts.len() - 2,
            };
            counts[row].counts[col] += 1;
        }
    }
    counts
}

/// The themes as groups, each group's texts named by the most pacts first.
fn theme_groups(themes: Themes) -> Vec<ThemeGroup> {
    themes
        .into_iter()
        .map(|((focus, area, kind), items)| {
            let mut items: Vec<ThemeItem> = items
                .into_values()
                .map(|(text, pacts)| ThemeItem { text, pacts })
                .collect();
            // Named by the most pacts first: what recurs across regions.
            items.sort_by(|a, b| b.pacts.len().cmp(&a.pacts.len()).then(a.text.cmp(&b.text)));
            ThemeGroup {
                focus,
                area,
                kind: if kind == 0 {
                    NoteKind::Belemmering
                } else {
                    NoteKind::Succesfactor
                },
                items,
            }
        })
        .collect()
}

pub fn period_label(t: &crate::i18n::portfolio::Strings, p: Period) -> String {
    fill(
        if p.half == 1 { t.half_1 } else { t.half_2 },
        &[&p.year.to_string()],
    )
}

pub fn kind_word(t: &crate::i18n::portfolio::Strings, k: NoteKind) -> &'static str {
    if k == NoteKind::Belemmering {
        t.obstacles
    } else {
        t.factors
    }
}

/// "Zorg en welzijn: Richten; Onderwijs: Kaderen", or a dash.
pub fn pct_line(lang: Lang, r: &RoundOut) -> String {
    let strings = lang.strings();
    if r.per_kind.is_empty() {
        return strings.portfolio.dash.to_string();
    }
    r.per_kind
        .iter()
        .map(|(k, p)| format!("{}: {p}", strings.partner_kinds[k.index()]))
        .collect::<Vec<_>>()
        .join("; ")
}

/// Markdown; every user text escaped.
pub fn markdown(p: &Portfolio, lang: Lang) -> String {
    use super::md_escape::escape as e;
    let t = lang.strings().portfolio;
    let cell = |s: &str| e(&s.split_whitespace().collect::<Vec<_>>().join(" "));
    let mut out = format!("# {}\n\n", t.title);
    out.push_str(&fill(t.intro, &[&p.pacts.len().to_string()]));
    out.push_str("\n\n");
    out.push_str(&format!("## {}\n\n", t.pacts_heading));
    out.push_str(&format!(
        "| {} |\n|{}\n",
        t.columns.join(" | "),
        "---|".repeat(t.columns.len())
    ));
    for pact in &p.pacts {
        for r in &pact.rounds {
            out.push_str(&format!(
                "| {} | {} | {} | {} | {} | {} | {} | {} |\n",
                cell(&pact.name),
                r.round,
                cell(&r.date),
                if r.phase.is_empty() {
                    t.dash.to_string()
                } else {
                    cell(&r.phase)
                },
                cell(&pct_line(lang, r)),
                r.done,
                r.open,
                r.without_owner,
            ));
        }
    }
    out.push_str(&format!("\n## {}\n\n", t.counts_heading));
    let labels: Vec<String> = p.periods.iter().map(|x| period_label(t, *x)).collect();
    out.push_str(&format!(
        "| {} | {} |\n|---|{}\n",
        t.phase,
        labels.join(" | "),
        "--:|".repeat(labels.len())
    ));
    for (i, row) in p.counts.iter().enumerate() {
        let name = if i < p.counts.len() - 2 {
            format!("{} {}: {}", t.phase_word, i + 1, cell(&row.name))
        } else {
            cell(&row.name)
        };
        let nums: Vec<String> = row.counts.iter().map(usize::to_string).collect();
        out.push_str(&format!("| {name} | {} |\n", nums.join(" | ")));
    }
    let nums: Vec<String> = p.totals.iter().map(usize::to_string).collect();
    out.push_str(&format!("| **{}** | {} |\n", t.total, nums.join(" | ")));
    out.push_str(&format!("\n## {}\n\n", t.themes_heading));
    if p.themes.is_empty() {
        out.push_str(t.nothing);
        out.push('\n');
    }
    for g in &p.themes {
        out.push_str(&format!(
            "### {} · {} · {}\n\n",
            cell(&g.focus),
            cell(&g.area),
            kind_word(t, g.kind)
        ));
        for it in &g.items {
            out.push_str(&format!(
                "- {} — *{}*\n",
                cell(&it.text),
                it.pacts
                    .iter()
                    .map(|n| cell(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            ));
        }
        out.push('\n');
    }
    if !p.unreadable.is_empty() {
        out.push_str(&format!(
            "\n{}: {}\n",
            t.unreadable,
            p.unreadable
                .iter()
                .map(|n| cell(n))
                .collect::<Vec<_>>()
                .join(", ")
        ));
    }
    out
}

/// CSV: one row per pact and round, then one per phase count, then one per theme item.
pub fn csv(p: &Portfolio, lang: Lang) -> String {
    // One table, one header: the first column names the part (pacts and rounds, counts
    // per phase per period, obstacles and success factors); each part fills its own
    // columns and leaves the others empty, so a spreadsheet can filter on the part and
    // pivot the counts (one row per phase per period, "long" form).
    use super::csv::row;
    let t = lang.strings().portfolio;
    let mut out = String::from("\u{feff}");
    let mut header: Vec<&str> = vec![t.csv_section];
    header.extend(t.columns.iter());
    header.extend(t.csv_more.iter());
    let width = header.len();
    row(&mut out, &header);
    // Columns by position: 0 part, 1..=8 `columns`, 9.. `csv_more`.
    let mut line = |cells: &[(usize, &str)]| {
        let mut v: Vec<&str> = vec![""; width];
        for (i, c) in cells {
            v[*i] = c;
        }
        row(&mut out, &v);
    };
    for pact in &p.pacts {
        for r in &pact.rounds {
            let (round, done, open, wo) = (
                r.round.to_string(),
                r.done.to_string(),
                r.open.to_string(),
                r.without_owner.to_string(),
            );
            let kinds = pct_line(lang, r);
            line(&[
                (0, t.pacts_heading),
                (1, &pact.name),
                (2, &round),
                (3, &r.date),
                (4, &r.phase),
                (5, &kinds),
                (6, &done),
                (7, &open),
                (8, &wo),
            ]);
        }
    }
    let labels: Vec<String> = p.periods.iter().map(|x| period_label(t, *x)).collect();
    let rows = p
        .counts
        .iter()
        .map(|r| (r.name.as_str(), &r.counts))
        .chain([(t.total, &p.totals)]);
    for (name, counts) in rows {
        for (label, n) in labels.iter().zip(counts.iter()) {
            let n = n.to_string();
            line(&[(0, t.counts_heading), (4, name), (9, label), (10, &n)]);
        }
    }
    for g in &p.themes {
        for it in &g.items {
            let pacts = it.pacts.join(", ");
            line(&[
                (0, t.themes_heading),
                (11, &g.focus),
                (12, &g.area),
                (13, kind_word(t, g.kind)),
                (14, &it.text),
                (15, &pacts),
            ]);
        }
    }
    out
}

/// Self-contained HTML with an inline SVG chart: pacts per phase over the periods.
pub fn html(p: &Portfolio, lang: Lang) -> String {
    use super::svg::escape as e;
    let t = lang.strings().portfolio;
    let mut out = String::new();
    out.push_str(&format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody{{font-family:sans-serif;max-width:60em;margin:2em auto;color:#222}}\ntable{{border-collapse:collapse;margin:1em 0}}\nth,td{{border:1px solid #bbb;padding:.2em .5em;text-align:left}}\ntd.num{{text-align:right}}\n@media print{{body{{margin:0}}}}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n",
        match lang {
            Lang::Nl => "nl",
            Lang::En => "en",
        },
        e(t.title),
        e(t.title),
        e(&fill(t.intro, &[&p.pacts.len().to_string()]))
    ));
    out.push_str(&format!(
        "<h2>{}</h2>\n<table>\n<thead><tr>",
        e(t.pacts_heading)
    ));
    for c in t.columns {
        out.push_str(&format!("<th>{}</th>", e(c)));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for pact in &p.pacts {
        for r in &pact.rounds {
            out.push_str(&format!(
                "<tr><td>{}</td><td class=\"num\">{}</td><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>\n",
                e(&pact.name),
                r.round,
                e(&r.date),
                if r.phase.is_empty() { e(t.dash) } else { e(&r.phase) },
                e(&pct_line(lang, r)),
                r.done,
                r.open,
                r.without_owner
            ));
        }
    }
    out.push_str("</tbody>\n</table>\n");
    out.push_str(&format!("<h2>{}</h2>\n", e(t.counts_heading)));
    out.push_str(&chart(p, lang));
    out.push_str(&format!("<table>\n<thead><tr><th>{}</th>", e(t.phase)));
    for x in &p.periods {
        out.push_str(&format!("<th>{}</th>", e(&period_label(t, *x))));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    for (i, row) in p.counts.iter().enumerate() {
        let name = if i < p.counts.len() - 2 {
            format!("{} {}: {}", t.phase_word, i + 1, row.name)
        } else {
            row.name.clone()
        };
        out.push_str(&format!("<tr><td>{}</td>", e(&name)));
        for c in &row.counts {
            out.push_str(&format!("<td class=\"num\">{c}</td>"));
        }
        out.push_str("</tr>\n");
    }
    out.push_str(&format!("<tr><th>{}</th>", e(t.total)));
    for c in &p.totals {
        out.push_str(&format!("<td class=\"num\">{c}</td>"));
    }
    out.push_str("</tr>\n</tbody>\n</table>\n");
    if !p.periods.is_empty() {
        out.push_str(&format!("<h3>{}</h3>\n", e(t.pact_chart_heading)));
        out.push_str(&pact_chart(p, lang));
    }
    out.push_str(&format!("<h2>{}</h2>\n", e(t.themes_heading)));
    if p.themes.is_empty() {
        out.push_str(&format!("<p>{}</p>\n", e(t.nothing)));
    }
    for g in &p.themes {
        out.push_str(&format!(
            "<h3>{} · {} · {}</h3>\n<ul>\n",
            e(&g.focus),
            e(&g.area),
            e(kind_word(t, g.kind))
        ));
        for it in &g.items {
            out.push_str(&format!(
                "<li>{} — <em>{}</em></li>\n",
                e(&it.text),
                e(&it.pacts.join(", "))
            ));
        }
        out.push_str("</ul>\n");
    }
    if !p.unreadable.is_empty() {
        out.push_str(&format!(
            "<p>{}: {}</p>\n",
            e(t.unreadable),
            e(&p.unreadable.join(", "))
        ));
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// Stacked bars: one per period, a band per phase (height = pacts in that phase).
fn chart(p: &Portfolio, lang: Lang) -> String {
    use super::svg::escape as e;
    const FILLS: [&str; 8] = PHASE_FILLS;
    let t = lang.strings().portfolio;
    let n = p.periods.len().max(1);
    let total = p.totals.iter().copied().max().unwrap_or(0).max(1);
    let (bar_w, gap, h, left, top) = (48.0, 24.0, 200.0, 40.0, 10.0);
    let width = left + n as f64 * (bar_w + gap) + 220.0;
    let height = top + h + 40.0;
    let mut s = format!(
        "<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">\n",
        e(t.chart_title)
    );
    for (col, period) in p.periods.iter().enumerate() {
        let x = left + col as f64 * (bar_w + gap);
        let mut y = top + h;
        for (i, row) in p.counts.iter().enumerate() {
            let c = row.counts[col];
            if c == 0 {
                continue;
            }
            let bh = h * c as f64 / total as f64;
            y -= bh;
            let fill = if i < p.counts.len() - 2 {
                FILLS[i % FILLS.len()]
            } else {
                "#dddddd"
            };
            s.push_str(&format!(
                "<rect x=\"{x}\" y=\"{y:.1}\" width=\"{bar_w}\" height=\"{bh:.1}\" fill=\"{fill}\"><title>{}: {c}</title></rect>\n",
                e(&row.name)
            ));
        }
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n",
            x + bar_w / 2.0,
            top + h + 16.0,
            e(&period_label(t, *period))
        ));
    }
    let lx = left + n as f64 * (bar_w + gap) + 10.0;
    for (i, row) in p.counts.iter().enumerate() {
        let fill = if i < p.counts.len() - 2 {
            FILLS[i % FILLS.len()]
        } else {
            "#dddddd"
        };
        let y = top + i as f64 * 18.0;
        s.push_str(&format!(
            "<rect x=\"{lx}\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{fill}\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\">{}</text>\n",
            lx + 16.0,
            y + 10.0,
            e(&row.name)
        ));
    }
    s.push_str("</svg>\n");
    s
}

/// One row per pact, one column per half year: the phase of the pact's session in that
/// period as a coloured cell with its number (the last session when there are two),
/// so each pact's way through the phases can be read across.
fn pact_chart(p: &Portfolio, lang: Lang) -> String {
    use super::svg::escape as e;
    let t = lang.strings().portfolio;
    if p.periods.is_empty() || p.pacts.is_empty() {
        return String::new();
    }
    let phases = p.counts.len().saturating_sub(2);
    let (cell_w, cell_h, left, top) = (72.0, 18.0, 200.0, 20.0);
    let width = left + p.periods.len() as f64 * cell_w + 10.0;
    let height = top + p.pacts.len() as f64 * cell_h + 10.0;
    let mut s = format!(
        "<svg viewBox=\"0 0 {width} {height}\" width=\"{width}\" height=\"{height}\" role=\"img\" aria-label=\"{}\">\n",
        e(t.pact_chart_title)
    );
    for (col, period) in p.periods.iter().enumerate() {
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"12\" font-size=\"11\" text-anchor=\"middle\">{}</text>\n",
            left + col as f64 * cell_w + cell_w / 2.0,
            e(&period_label(t, *period))
        ));
    }
    for (row, pact) in p.pacts.iter().enumerate() {
        let y = top + row as f64 * cell_h;
        s.push_str(&format!(
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"end\">{}</text>\n",
            left - 6.0,
            y + 13.0,
            e(&pact.name)
        ));
        for r in &pact.rounds {
            let Some(col) = period_of(&r.date).and_then(|x| p.periods.iter().position(|q| *q == x))
            else {
                continue;
            };
            let k = r
                .phase_id
                .as_ref()
                .and_then(|id| p.counts[..phases].iter().position(|c| c.id == *id));
            let (fill, label) = match k {
                Some(k) => (PHASE_FILLS[k % PHASE_FILLS.len()], (k + 1).to_string()),
                None => ("#dddddd", t.dash.to_string()),
            };
            let x = left + col as f64 * cell_w;
            let text_fill = if k.is_some_and(|k| k % PHASE_FILLS.len() >= 2) {
                "#ffffff"
            } else {
                "#222222"
            };
            s.push_str(&format!(
                "<rect x=\"{:.1}\" y=\"{y:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"><title>{} · {} {} · {}</title></rect><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"11\" text-anchor=\"middle\" fill=\"{text_fill}\">{}</text>\n",
                x + 1.0,
                cell_w - 2.0,
                cell_h - 2.0,
                e(&pact.name),
                e(t.phase),
                e(&label),
                e(if r.phase.is_empty() { t.not_placed } else { &r.phase }),
                x + cell_w / 2.0,
                y + 12.5,
                e(&label)
            ));
        }
    }
    s.push_str("</svg>\n");
    s
}

/// Colours of phases 1, 2, … in both charts.
const PHASE_FILLS: [&str; 8] = [
    "#c6dbef", "#6baed6", "#2171b5", "#08306b", "#74c476", "#238b45", "#fdae6b", "#e6550d",
];

/// The portfolio as text in one format; no control character but newline and tab.
pub fn render(p: &Portfolio, lang: Lang, format: super::Format) -> String {
    let clean = |text: String| crate::sanitize::for_export(&text).into_owned();
    match format {
        // Word is made from the Markdown by the caller (`export::docx::from_markdown`).
        super::Format::Markdown | super::Format::Docx => clean(markdown(p, lang)),
        super::Format::Html => clean(html(p, lang)),
        super::Format::Csv => csv(p, lang),
    }
}
