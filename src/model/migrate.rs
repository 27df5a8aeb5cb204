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
