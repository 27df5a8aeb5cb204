//! Strings of the summary screen. Report wording itself lives in `assets/templates/`.

pub struct Strings {
    pub preview_internal: &'static str,
    pub preview_public: &'static str,
    pub position: &'static str,
    pub checklist: &'static str,
    pub complete: &'static str,
    pub more: &'static str,
    pub no_pact_name: &'static str,
    pub no_region: &'static str,
    pub empty_section: &'static str,
    pub quotes_waiting_one: &'static str,
    pub quotes_waiting: &'static str,
    pub no_public_triangle: &'static str,
    pub no_phase: &'static str,
    pub no_owner_one: &'static str,
    pub no_owner: &'static str,
    pub bad_date_one: &'static str,
    pub bad_date: &'static str,
    pub no_intentions: &'static str,
    pub conflicts_one: &'static str,
    pub conflicts: &'static str,
    pub changed_one: &'static str,
    pub changed: &'static str,
    /// "Let op: de publieksversie laat weg: {}", the parts below (zero parts omitted).
    pub withheld: &'static str,
    pub withheld_conflict_one: &'static str,
    pub withheld_conflicts: &'static str,
    pub withheld_changed_one: &'static str,
    pub withheld_changed: &'static str,
    pub withheld_and: &'static str,
    pub identifies_one: &'static str,
    pub identifies: &'static str,
    pub unused_quotes_one: &'static str,
    pub unused_quotes: &'static str,
    pub goes_to: &'static str,
    pub exported: &'static str,
    pub export_failed: &'static str,
    pub render_failed: &'static str,
    /// `volgspot export --format pdf`: the formats there are.
    pub format_error: &'static str,
    pub k_toggle: &'static str,
    pub k_scroll: &'static str,
    pub k_page: &'static str,
    pub k_top: &'static str,
    pub k_bottom: &'static str,
    pub k_select: &'static str,
    pub k_select_prev: &'static str,
    pub k_jump: &'static str,
    pub k_export: &'static str,
    pub k_intentions: &'static str,
}

pub static NL: Strings = Strings {
    preview_internal: "Voorbeeld: rapportage (intern)",
    preview_public: "Voorbeeld: publieksversie",
    position: "regel {} van {}",
    checklist: "Wat ontbreekt nog",
    complete: "Niets meer: het rapport is compleet.",
    more: "+{} meer",
    no_pact_name: "de naam van het pact ontbreekt",
    no_region: "'Waar werkt de regio aan?' is leeg",
    empty_section: "{} is leeg (niets publiek)",
    quotes_waiting_one: "1 citaat wacht op akkoord",
    quotes_waiting: "{} citaten wachten op akkoord",
    no_public_triangle: "niets uit de analyse-driehoek is publiek",
    no_phase: "geen fase gekozen op het wiel",
    no_owner_one: "1 voornemen zonder kartrekker",
    no_owner: "{} voornemens zonder kartrekker",
    bad_date_one: "1 voornemen met een datum die geen datum is",
    bad_date: "{} voornemens met een datum die geen datum is",
    no_intentions: "nog geen voornemens",
    conflicts_one: "1 notitie met een conflict (⚠)",
    conflicts: "{} notities met een conflict (⚠)",
    changed_one: "1 citaat gewijzigd na akkoord: niet in de publieksversie tot het opnieuw akkoord is",
    changed: "{} citaten gewijzigd na akkoord: niet in de publieksversie tot ze opnieuw akkoord zijn",
    withheld: "Let op: de publieksversie laat weg: {}",
    withheld_conflict_one: "1 openbare notitie met een open importconflict (⚠)",
    withheld_conflicts: "{} openbare notities met een open importconflict (⚠)",
    withheld_changed_one: "1 citaat gewijzigd na akkoord",
    withheld_changed: "{} citaten gewijzigd na akkoord",
    withheld_and: " en ",
    identifies_one: "1 openbaar citaat zonder naam wijst toch één persoon aan (unieke rol en organisatie): kies bij het interview (G) 'alleen soort organisatie'",
    unused_quotes_one: "1 goedgekeurd citaat staat niet in het rapport: voeg het toe bij Rapport (A, Citaat…)",
    unused_quotes: "{} goedgekeurde citaten staan niet in het rapport: voeg ze toe bij Rapport (A, Citaat…)",
    identifies: "{} openbare citaten zonder naam wijzen toch één persoon aan (unieke rol en organisatie): kies bij het interview (G) 'alleen soort organisatie'",
    goes_to: "Enter: naar {}",
    exported: "Geschreven in",
    export_failed: "Exporteren mislukt: {}",
    render_failed: "Het rapport kan niet gemaakt worden: {}",
    format_error: "--format: onbekend formaat '{}'; kies md, html, docx of csv",
    k_toggle: "intern/publiek",
    k_scroll: "scrollen",
    k_page: "pagina verder",
    k_top: "naar het begin",
    k_bottom: "naar het eind",
    k_select: "volgend punt van de lijst",
    k_select_prev: "vorig punt van de lijst",
    k_jump: "naar punt",
    k_export: "exporteren",
    k_intentions: "voornemens (naar de lijst)",
};

pub static EN: Strings = Strings {
    preview_internal: "Preview: internal report",
    preview_public: "Preview: public version",
    position: "line {} of {}",
    checklist: "Still missing",
    complete: "Nothing: the report is complete.",
    more: "+{} more",
    no_pact_name: "the pact's name is missing",
    no_region: "'What is the region working on?' is empty",
    empty_section: "{} is empty (nothing public)",
    quotes_waiting_one: "1 quote awaits approval",
    quotes_waiting: "{} quotes await approval",
    no_public_triangle: "nothing from the analysis triangle is public",
    no_phase: "no phase chosen on the wheel",
    no_owner_one: "1 intention without an owner",
    no_owner: "{} intentions without an owner",
    bad_date_one: "1 intention with a due date that is not a date",
    bad_date: "{} intentions with a due date that is not a date",
    no_intentions: "no intentions yet",
    conflicts_one: "1 note with a conflict (⚠)",
    conflicts: "{} notes with a conflict (⚠)",
    changed_one: "1 quote changed after approval: left out of the public version until approved again",
    changed: "{} quotes changed after approval: left out of the public version until approved again",
    withheld: "Note: the public version leaves out {}",
    withheld_conflict_one: "1 public note with an open import conflict (⚠)",
    withheld_conflicts: "{} public notes with an open import conflict (⚠)",
    withheld_changed_one: "1 quote changed after approval",
    withheld_changed: "{} quotes changed after approval",
    withheld_and: " and ",
    identifies_one: "1 public quote without a name still points at one person (unique role and organisation): choose 'kind of organisation only' on the interview (G)",
    unused_quotes_one: "1 approved quote is not in the report: add it on Report (A, Quote…)",
    unused_quotes: "{} approved quotes are not in the report: add them on Report (A, Quote…)",
    identifies: "{} public quotes without a name still point at one person (unique role and organisation): choose 'kind of organisation only' on the interview (G)",
    goes_to: "Enter: go to {}",
    exported: "Written to",
    export_failed: "Export failed: {}",
    render_failed: "The report cannot be made: {}",
    format_error: "--format: unknown format '{}'; choose md, html, docx or csv",
    k_toggle: "internal/public",
    k_scroll: "scroll",
    k_page: "page down",
    k_top: "to the top",
    k_bottom: "to the end",
    k_select: "next item of the list",
    k_select_prev: "previous item of the list",
    k_jump: "go to item",
    k_export: "export",
    k_intentions: "intentions (go to the list)",
};

impl Strings {
    /// What the publieksversie leaves out ("Let op: … laat weg: 1 openbare notitie … en
    /// 2 citaten …"): parts with a count of zero left out, singular or plural; None
    /// when nothing is.
    pub fn withheld_text(&self, conflicts: usize, changed: usize) -> Option<String> {
        let part = |n: usize, one: &str, many: &str| match n {
            0 => None,
            1 => Some(one.to_string()),
            n => Some(super::fill(many, &[&n.to_string()])),
        };
        let parts: Vec<String> = [
            part(
                conflicts,
                self.withheld_conflict_one,
                self.withheld_conflicts,
            ),
            part(changed, self.withheld_changed_one, self.withheld_changed),
        ]
        .into_iter()
        .flatten()
        .collect();
        (!parts.is_empty()).then(|| super::fill(self.withheld, &[&parts.join(self.withheld_and)]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_withheld_warning_counts_only_what_is_left_out() {
        assert_eq!(NL.withheld_text(0, 0), None);
        assert_eq!(
            NL.withheld_text(0, 1).unwrap(),
            "Let op: de publieksversie laat weg: 1 citaat gewijzigd na akkoord"
        );
        assert_eq!(
            NL.withheld_text(2, 3).unwrap(),
            "Let op: de publieksversie laat weg: 2 openbare notities met een open \
             importconflict (⚠) en 3 citaten gewijzigd na akkoord"
        );
        assert_eq!(
            EN.withheld_text(1, 0).unwrap(),
            "Note: the public version leaves out 1 public note with an open import conflict (⚠)"
        );
    }
}
