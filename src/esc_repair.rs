//! Repairs a key sequence that crossterm's parser splits wrongly.
//!
//! When Esc and a following arrow (or another key sent as an escape sequence) arrive in
//! one read — a fast Esc-then-↓, tmux, ssh, a presenter remote — the bytes are
//! `ESC ESC [ B`. crossterm reads `ESC ESC` as a single Esc and hands on the rest as the
//! typed characters `[` and `B`, which then land in the field being edited ("Zorgpact
//! X[B", autosaved). Within one batch of events (everything that was already waiting,
//! so nothing a person typed by hand), an Esc followed by the characters of a CSI or SS3
//! sequence is turned back into Esc plus that key.

use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};

/// The batch with every `Esc, '[' …final` (or `Esc, 'O', final`) made into Esc + its key.
/// Sequences it does not know are left as they came.
pub fn repair(batch: Vec<Event>) -> Vec<Event> {
    let mut out = Vec::with_capacity(batch.len());
    let mut i = 0;
    while i < batch.len() {
        out.push(batch[i].clone());
        if is_key(&batch[i], KeyCode::Esc)
            && let Some((key, used)) = sequence(&batch[i + 1..])
        {
            out.push(Event::Key(key));
            i += 1 + used;
            continue;
        }
        i += 1;
    }
    out
}

fn is_key(ev: &Event, code: KeyCode) -> bool {
    matches!(ev, Event::Key(k) if k.code == code && k.kind == KeyEventKind::Press)
}

/// A plain typed character (shift allowed: `B` comes as Shift-b on some terminals).
fn typed(ev: &Event) -> Option<char> {
    match ev {
        Event::Key(k)
            if k.kind == KeyEventKind::Press && (k.modifiers - KeyModifiers::SHIFT).is_empty() =>
        {
            match k.code {
                KeyCode::Char(c) => Some(c),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The key that the characters at the start of `rest` encode, and how many events it
/// took.
fn sequence(rest: &[Event]) -> Option<(KeyEvent, usize)> {
    let intro = typed(rest.first()?)?;
    match intro {
        'O' => {
            let code = final_key(typed(rest.get(1)?)?)?;
            Some((KeyEvent::new(code, KeyModifiers::NONE), 2))
        }
        '[' => {
            // Parameters (digits and ';') then one final character; at most 8 long.
            let mut params = String::new();
            for (n, ev) in rest.iter().enumerate().skip(1).take(8) {
                let c = typed(ev)?;
                if c.is_ascii_digit() || c == ';' {
                    params.push(c);
                    continue;
                }
                let (code, mods) = csi(&params, c)?;
                return Some((KeyEvent::new(code, mods), n + 1));
            }
            None
        }
        _ => None,
    }
}

fn final_key(c: char) -> Option<KeyCode> {
    Some(match c {
        'A' => KeyCode::Up,
        'B' => KeyCode::Down,
        'C' => KeyCode::Right,
        'D' => KeyCode::Left,
        'H' => KeyCode::Home,
        'F' => KeyCode::End,
        'P' => KeyCode::F(1),
        'Q' => KeyCode::F(2),
        'R' => KeyCode::F(3),
        'S' => KeyCode::F(4),
        _ => return None,
    })
}

/// `ESC [ params final`: arrows and Home/End with an optional `1;m` modifier, and the
/// `n~` keys (PageUp/Down, Delete, Insert, F5–F12).
fn csi(params: &str, fin: char) -> Option<(KeyCode, KeyModifiers)> {
    let mut parts = params.split(';');
    let first = parts.next().unwrap_or("");
    let mods = match parts.next() {
        None => KeyModifiers::NONE,
        Some(m) => modifiers(m.parse().ok()?),
    };
    if parts.next().is_some() {
        return None;
    }
    if fin == '~' {
        let code = match first.parse::<u8>().ok()? {
            1 | 7 => KeyCode::Home,
            2 => KeyCode::Insert,
            3 => KeyCode::Delete,
            4 | 8 => KeyCode::End,
            5 => KeyCode::PageUp,
            6 => KeyCode::PageDown,
            15 => KeyCode::F(5),
            17 => KeyCode::F(6),
            18 => KeyCode::F(7),
            19 => KeyCode::F(8),
            20 => KeyCode::F(9),
            21 => KeyCode::F(10),
            23 => KeyCode::F(11),
            24 => KeyCode::F(12),
            _ => return None,
        };
        return Some((code, mods));
    }
    if !(first.is_empty() || first == "1") {
        return None;
    }
    Some((final_key(fin)?, mods))
}

/// xterm's modifier parameter: 1 + (shift 1, alt 2, ctrl 4).
fn modifiers(m: u8) -> KeyModifiers {
    let bits = m.saturating_sub(1);
    let mut mods = KeyModifiers::NONE;
    if bits & 1 != 0 {
        mods |= KeyModifiers::SHIFT;
    }
    if bits & 2 != 0 {
        mods |= KeyModifiers::ALT;
    }
    if bits & 4 != 0 {
        mods |= KeyModifiers::CONTROL;
    }
    mods
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode) -> Event {
        Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
    }
    fn chars(s: &str) -> Vec<Event> {
        s.chars().map(|c| key(KeyCode::Char(c))).collect()
    }
    fn esc_then(s: &str) -> Vec<Event> {
        let mut v = vec![key(KeyCode::Esc)];
        v.extend(chars(s));
        v
    }

    #[test]
    fn esc_then_an_arrow_in_one_read_is_esc_and_the_arrow() {
        assert_eq!(
            repair(esc_then("[B")),
            vec![key(KeyCode::Esc), key(KeyCode::Down)]
        );
        assert_eq!(
            repair(esc_then("OA")),
            vec![key(KeyCode::Esc), key(KeyCode::Up)]
        );
        assert_eq!(
            repair(esc_then("[6~x")),
            vec![
                key(KeyCode::Esc),
                key(KeyCode::PageDown),
                key(KeyCode::Char('x'))
            ]
        );
        assert_eq!(
            repair(esc_then("[1;2A")),
            vec![
                key(KeyCode::Esc),
                Event::Key(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT))
            ]
        );
    }

    #[test]
    fn text_that_is_no_sequence_is_left_alone() {
        for s in ["[", "[x", "Ok", "[99~", "hallo", "[1;2;3A"] {
            assert_eq!(repair(esc_then(s)), esc_then(s), "{s}");
        }
        // Without an Esc before it, "[B" is what was typed.
        assert_eq!(repair(chars("[B")), chars("[B"));
    }
}
