//! Schema versions and migrations. Migrations work on the raw JSON value, before the
//! typed parse, so a file from an older binary loads without the types knowing its past.

use super::SCHEMA_VERSION;
use serde_json::{Map, Value};

/// Brings `doc` from `from` up to [`SCHEMA_VERSION`]. Callers have already refused
/// versions newer than the binary knows.
pub fn migrate(doc: &mut Value, from: u32) {
    let mut version = from;
    while version < SCHEMA_VERSION {
        match version {
            0 | 1 => v1_to_v2(doc),
            2 => {
                if let Some(ivs) = doc.get_mut("interviews").and_then(Value::as_array_mut) {
                    ivs.iter_mut().for_each(merge_values_from_fingerprints);
                }
            }
            // 3 → 4 added the baseline, 4 → 5 the composed report: both optional, so
            // an older session loads without them (no composition: the report is the
            // first draft generated from the session, as before).
            _ => {}
        }
        version += 1;
    }
    if let Some(obj) = doc.as_object_mut() {
        obj.insert("schema_version".into(), Value::from(SCHEMA_VERSION));
    }
}

/// Version 1 kept the pact name and round at the top level; version 2 moved them into
/// the intake section.
fn v1_to_v2(doc: &mut Value) {
    let Some(obj) = doc.as_object_mut() else {
        return;
    };
    let pact = obj.remove("pact");
    let round = obj.remove("round");
    let intake = obj
        .entry("intake")
        .or_insert_with(|| Value::Object(Map::new()));
    if let Some(intake) = intake.as_object_mut() {
        if let Some(p) = pact {
            intake.entry("pact_name").or_insert(p);
        }
        if let Some(r) = round {
            intake.entry("round").or_insert(r);
        }
    }
}

/// FNV-1a, 64 bit, as version 2 used for its merge fingerprints.
fn fingerprint(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.as_bytes() {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

fn field<'a>(obj: &'a Value, name: &str, default: &'a Value) -> &'a Value {
    obj.get(name).unwrap_or(default)
}

/// Version 2 remembered only fingerprints of what was last imported; version 3 keeps the
/// values. Where the fingerprint still matches the current value, that value *is* the
/// base; where it does not, the base is unknown (any difference with a file counts as a
/// change on both sides, so no text is ever overwritten). Also: a conflict becomes a
/// record (the other text in full), and an approval is bound to the text as it is now.
/// For a session's interviews and an interview file's interview alike.
pub fn merge_values_from_fingerprints(iv: &mut Value) {
    let empty = Value::String(String::new());
    let no = Value::Bool(false);
    let null = Value::Null;
    if let Some(fp) = iv.get("base").and_then(Value::as_str).map(String::from) {
        let anders = Value::from("anders");
        let consent = iv.get("consent").cloned().unwrap_or(Value::Null);
        let values = [
            field(iv, "interviewee", &empty).clone(),
            field(iv, "organisation", &empty).clone(),
            field(iv, "role", &empty).clone(),
            field(iv, "kind", &anders).clone(),
            field(iv, "date", &empty).clone(),
            field(iv, "interviewer", &empty).clone(),
            field(&consent, "quotes_public", &no).clone(),
            field(&consent, "with_name", &no).clone(),
        ];
        let matches = fingerprint(&Value::Array(values.to_vec()).to_string()) == fp;
        let base = if matches {
            let mut m = Map::new();
            for (k, v) in [
                "interviewee",
                "organisation",
                "role",
                "kind",
                "date",
                "interviewer",
            ]
            .iter()
            .zip(&values)
            {
                m.insert((*k).into(), v.clone());
            }
            let mut c = Map::new();
            c.insert("quotes_public".into(), values[6].clone());
            c.insert("with_name".into(), values[7].clone());
            m.insert("consent".into(), Value::Object(c));
            Value::Object(m)
        } else {
            Value::Null
        };
        if let Some(o) = iv.as_object_mut() {
            o.insert("base".into(), base);
        }
    }
    let Some(notes) = iv.get_mut("notes").and_then(Value::as_array_mut) else {
        return;
    };
    for n in notes {
        let text = n.get("text").cloned().unwrap_or_else(|| empty.clone());
        if n.get("approval").and_then(Value::as_str) == Some("akkoord")
            && n.get("approved").is_none_or(Value::is_null)
            && let Some(o) = n.as_object_mut()
        {
            let mut a = Map::new();
            a.insert("text".into(), text.clone());
            o.insert("approved".into(), Value::Object(a));
        }
        if let Some(c) = n.get("conflict").and_then(Value::as_str).map(String::from)
            && let Some(o) = n.as_object_mut()
        {
            let mut m = Map::new();
            m.insert("text".into(), Value::String(c));
            o.insert("conflict".into(), Value::Object(m));
        }
        let Some(old) = n.get("base").filter(|b| b.is_object()).cloned() else {
            continue;
        };
        let text_fp = old.get("text").and_then(Value::as_str).unwrap_or("");
        let coding_fp = old.get("coding").and_then(Value::as_str).unwrap_or("");
        let observatie = Value::from("observatie");
        let niet = Value::from("niet_gevraagd");
        let list = Value::Array(Vec::new());
        let names = [
            "area",
            "kind",
            "corner",
            "phase",
            "focus_areas",
            "public",
            "approval",
        ];
        let defaults = [&empty, &observatie, &null, &null, &list, &no, &niet];
        let coding: Vec<Value> = names
            .iter()
            .zip(defaults)
            .map(|(k, d)| field(n, k, d).clone())
            .collect();
        let mut base = Map::new();
        if text.as_str().is_some_and(|t| fingerprint(t) == text_fp) {
            base.insert("text".into(), text.clone());
        }
        if fingerprint(&Value::Array(coding.clone()).to_string()) == coding_fp {
            let mut m: Map<String, Value> =
                names.iter().map(|k| (*k).to_string()).zip(coding).collect();
            m.insert(
                "approved".into(),
                n.get("approved").cloned().unwrap_or(Value::Null),
            );
            base.insert("coding".into(), Value::Object(m));
        }
        if let Some(o) = n.as_object_mut() {
            o.insert("base".into(), Value::Object(base));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn v1_pact_and_round_move_into_intake() {
        let mut v: Value =
            serde_json::from_str(r#"{"schema_version":1,"pact":"Zorgpact X","round":2}"#).unwrap();
        migrate(&mut v, 1);
        assert_eq!(v["intake"]["pact_name"], "Zorgpact X");
        assert_eq!(v["intake"]["round"], 2);
        assert_eq!(v["schema_version"], SCHEMA_VERSION);
        assert!(v.get("pact").is_none());
    }
}

#[cfg(test)]
mod fingerprint_tests {
    use super::*;
    use crate::model::Session;

    fn v2_with_bases(text_fp: &str, coding_fp: &str, fields_fp: &str) -> Session {
        let mut v = serde_json::json!({
            "schema_version": 2,
            "id": "s",
            "created": "2026-11-01T10:00:00Z",
            "updated": "2026-11-01T10:00:00Z",
            "interviews": [{
                "id": "iv", "interviewee": "Ans", "base": fields_fp,
                "notes": [{
                    "id": "n", "text": "wat Ans zei", "area": "hoe", "kind": "citaat",
                    "approval": "akkoord", "conflict": "de andere versie",
                    "base": {"text": text_fp, "coding": coding_fp}
                }]
            }]
        });
        migrate(&mut v, 2);
        serde_json::from_value(v).unwrap()
    }

    #[test]
    fn fingerprints_that_still_match_become_values_and_others_an_unknown_base() {
        let text_fp = fingerprint("wat Ans zei");
        let coding = serde_json::json!(["hoe", "citaat", null, null, [], false, "akkoord"]);
        let coding_fp = fingerprint(&coding.to_string());
        let fields = serde_json::json!(["Ans", "", "", "anders", "", "", false, false]);
        let fields_fp = fingerprint(&fields.to_string());
        let s = v2_with_bases(&text_fp, &coding_fp, &fields_fp);
        let iv = &s.interviews[0];
        assert_eq!(
            iv.base.as_ref().map(|b| b.interviewee.as_str()),
            Some("Ans")
        );
        let n = &iv.notes[0];
        let base = n.base.as_ref().unwrap();
        assert_eq!(base.text.as_deref(), Some("wat Ans zei"));
        assert_eq!(base.coding.as_ref(), Some(&n.coding()));
        // The old conflict keeps its text in full; the approval holds for these words.
        assert_eq!(
            n.conflict.as_ref().and_then(|c| c.text.as_deref()),
            Some("de andere versie")
        );
        assert!(n.approved_as_is());

        let s = v2_with_bases("0000000000000000", "0000000000000000", "x");
        let n = &s.interviews[0].notes[0];
        assert_eq!(n.base, Some(crate::model::NoteBase::default()));
        assert!(s.interviews[0].base.is_none());
        assert_eq!(n.text, "wat Ans zei");
    }
}
