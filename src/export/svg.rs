//! The triangle and the wheel as inline SVG, so the HTML report needs no image files.
//! Labels come from the report (method data); only geometry lives here. No `xmlns`
//! attribute: inline SVG in HTML does not need it, and the report references no URL.

use super::report::{TriangleOut, WheelOut};
use std::fmt::Write;

pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Three corners, labelled with their names and how many items each holds.
pub fn triangle(t: &TriangleOut, title: &str) -> String {
    let corners: Vec<_> = t.places.iter().filter(|p| p.kind == "corner").collect();
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="figure" viewBox="0 0 480 300" width="480" height="300" role="img" aria-label="{}">"#,
        escape(title)
    );
    s.push_str(r##"<polygon points="240,40 60,250 420,250" fill="#eef3fb" stroke="#1f3a68" stroke-width="3"/>"##);
    // Label positions: top, bottom left, bottom right (method order).
    let spots = [
        (240.0, 24.0, "middle", 240.0, 40.0),
        (20.0, 276.0, "start", 60.0, 250.0),
        (460.0, 276.0, "end", 420.0, 250.0),
    ];
    for (p, (x, y, anchor, cx, cy)) in corners.iter().zip(spots) {
        let _ = write!(
            s,
            r##"<circle cx="{cx}" cy="{cy}" r="7" fill="#1f3a68"/><text x="{x}" y="{y}" text-anchor="{anchor}" font-size="14" font-weight="bold" fill="#111">{} ({})</text>"##,
            escape(&p.name),
            p.items.len()
        );
    }
    let questions: Vec<_> = t.places.iter().filter(|p| p.kind == "question").collect();
    // Guiding questions sit on the edges: ambitions→projects (left), projects→results
    // (bottom), results→ambitions (right). Numbered; the text is in the report.
    let edges = [(135.0, 140.0), (240.0, 238.0), (345.0, 140.0)];
    for (i, (q, (x, y))) in questions.iter().zip(edges).enumerate() {
        let _ = write!(
            s,
            r##"<g><title>{}</title><circle cx="{x}" cy="{y}" r="12" fill="#ffffff" stroke="#1f3a68"/><text x="{x}" y="{}" text-anchor="middle" font-size="13" fill="#111">{}</text></g>"##,
            escape(&q.name),
            y + 5.0,
            i + 1
        );
    }
    s.push_str("</svg>");
    s
}

/// The phases as sectors of a circle, the current phase filled, a legend beside it.
pub fn wheel(w: &WheelOut, title: &str) -> String {
    let n = w.phases.len().max(1) as f64;
    let (cx, cy, r) = (120.0_f64, 120.0_f64, 100.0_f64);
    let mut s = String::new();
    let _ = write!(
        s,
        r#"<svg class="figure" viewBox="0 0 560 240" width="560" height="240" role="img" aria-label="{}">"#,
        escape(title)
    );
    for (i, p) in w.phases.iter().enumerate() {
        // Phase 1 starts at twelve o'clock and the cycle runs clockwise.
        let a0 = (i as f64 / n) * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
        let a1 = ((i + 1) as f64 / n) * std::f64::consts::TAU - std::f64::consts::FRAC_PI_2;
        let (x0, y0) = (cx + r * a0.cos(), cy + r * a0.sin());
        let (x1, y1) = (cx + r * a1.cos(), cy + r * a1.sin());
        let large = if a1 - a0 > std::f64::consts::PI { 1 } else { 0 };
        let fill = if p.current { "#1f3a68" } else { "#eef3fb" };
        let ink = if p.current { "#ffffff" } else { "#111111" };
        let _ = write!(
            s,
            r##"<path d="M{cx:.1},{cy:.1} L{x0:.1},{y0:.1} A{r:.1},{r:.1} 0 {large} 1 {x1:.1},{y1:.1} Z" fill="{fill}" stroke="#1f3a68" stroke-width="2"/>"##
        );
        let am = (a0 + a1) / 2.0;
        let (tx, ty) = (cx + 0.6 * r * am.cos(), cy + 0.6 * r * am.sin() + 7.0);
        let _ = write!(
            s,
            r#"<text x="{tx:.1}" y="{ty:.1}" text-anchor="middle" font-size="20" font-weight="bold" fill="{ink}">{}</text>"#,
            p.number
        );
        let ly = 40.0 + i as f64 * 44.0;
        let weight = if p.current { "bold" } else { "normal" };
        let mark = if p.current { "▶ " } else { "" };
        let _ = write!(
            s,
            r##"<text x="250" y="{ly:.1}" font-size="15" font-weight="{weight}" fill="#111">{mark}{}. {}</text>"##,
            p.number,
            escape(&p.name)
        );
    }
    if w.cycle > 1 {
        let _ = write!(
            s,
            r##"<circle cx="{cx}" cy="{cy}" r="18" fill="#ffffff" stroke="#1f3a68"/><text x="{cx}" y="{}" text-anchor="middle" font-size="14" fill="#111">↻{}</text>"##,
            cy + 5.0,
            w.cycle
        );
    }
    s.push_str("</svg>");
    s
}
