//! Pact identity: when two sessions (or an interview file and a session) belong to the
//! same pact. One rule for the start screen's groups, the overview, the next round and
//! the import picker:
//!
//! Two names are the same pact when they have the same words, where a word is a run of
//! letters and digits compared without case and without accents (also an accent typed
//! as a separate combining mark); spaces, punctuation and symbols only separate words.
//! So `Zorgpact Nóord`, `zorgpact noord!` and ` Zorgpact-Noord ` are one pact;
//! `Zorgpact Noord 2` is another. A name with no letter or digit is no pact name.

/// The key a pact name is compared by; empty for a name without any letter or digit.
pub fn pact_key(name: &str) -> String {
    let mut out = String::new();
    let mut gap = false;
    for c in name.to_lowercase().chars() {
        // Combining marks (U+0300–U+036F) belong to the letter before them: dropped.
        if ('\u{300}'..='\u{36f}').contains(&c) {
            continue;
        }
        let c = fold(c);
        if c.is_alphanumeric() {
            if gap && !out.is_empty() {
                out.push(' ');
            }
            gap = false;
            out.push(c);
        } else {
            gap = true;
        }
    }
    out
}

/// Whether `a` and `b` name the same pact (both non-empty keys, equal).
pub fn same_pact(a: &str, b: &str) -> bool {
    let (a, b) = (pact_key(a), pact_key(b));
    !a.is_empty() && a == b
}

/// Whether `name` names a pact at all (has a letter or digit).
pub fn has_pact_name(name: &str) -> bool {
    name.chars().any(char::is_alphanumeric)
}

/// A letter without its accent (`ë` → `e`, `É` → `e`); any other character as it is.
/// The one accent rule for pact identity, file names and searching.
pub fn fold(c: char) -> char {
    let lower = if c.is_uppercase() {
        c.to_lowercase().next().unwrap_or(c)
    } else {
        c
    };
    match lower {
        'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
        'è' | 'é' | 'ê' | 'ë' => 'e',
        'ì' | 'í' | 'î' | 'ï' => 'i',
        'ò' | 'ó' | 'ô' | 'ö' | 'õ' | 'ø' => 'o',
        'ù' | 'ú' | 'û' | 'ü' => 'u',
        'ý' | 'ÿ' => 'y',
        'ç' => 'c',
        'ñ' => 'n',
        'ĳ' => 'i',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accents_case_punctuation_and_spacing_do_not_make_another_pact() {
        for n in [
            "Zorgpact Nóord",
            "Zorgpact Noord!",
            "  zorgpact   noord ",
            "ZORGPACT-NOORD",
            "Zorgpact No\u{301}ord",
        ] {
            assert!(same_pact(n, "Zorgpact Noord"), "{n}");
        }
        assert!(!same_pact("Zorgpact Noord 2", "Zorgpact Noord"));
        assert!(!same_pact("Zorgpact Noordoost", "Zorgpact Noord"));
        assert!(!same_pact("", ""));
        assert!(!same_pact("!!", "?"));
        assert_eq!(pact_key(" Súdwest-Fryslân "), "sudwest fryslan");
    }

    #[test]
    fn a_name_needs_a_letter_or_digit() {
        assert!(has_pact_name("Pact 1"));
        assert!(!has_pact_name("  -- "));
        assert!(!has_pact_name(""));
    }
}
