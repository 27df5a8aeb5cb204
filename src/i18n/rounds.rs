//! Words for rounds: the next round, intentions' follow-up, the baseline.

pub struct Strings {
    /// `volgspot new --from` on a round-3 session.
    pub last_round: &'static str,
    pub next_exists: &'static str,
    pub needs_pact_name: &'static str,
    /// Printed / shown after the next round was made: round, pact, file.
    pub created: &'static str,
    /// The follow-up statuses, in `FollowUp::ALL` order.
    pub follow_up: [&'static str; 4],
    /// A carried intention whose follow-up is not filled in yet.
    pub follow_up_open: &'static str,
    /// "from round {}" on carried items and intentions.
    pub carried: &'static str,
    /// The baseline named on screen: round, date, file.
    pub baseline: &'static str,
    /// A comparison found in the folder (an older session without a snapshot): round, file.
    pub baseline_folder: &'static str,
    /// Key labels.
    pub k_next_round: &'static str,
    pub k_follow_up: &'static str,
    pub k_follow_up_note: &'static str,
    /// Title of the follow-up note field.
    pub follow_up_note_title: &'static str,
}

pub static NL: Strings = Strings {
    last_round: "Ronde {} is de laatste ronde van de methode: er is geen volgende ronde",
    needs_pact_name: "Deze sessie heeft nog geen pactnaam: open haar en vul bij Intake de naam van het pact in; daarna kan de volgende ronde",
    next_exists: "Ronde {} van dit pact bestaat al: {}. Open die sessie; een tweede ronde met hetzelfde nummer zou het overzicht en de vergelijking in de war brengen",
    created: "Ronde {} van {} gemaakt: {}",
    follow_up: ["gedaan", "loopt", "niet gedaan", "vervallen"],
    follow_up_open: "nog na te gaan",
    carried: "uit ronde {}",
    baseline: "Vergeleken met ronde {} ({}; {})",
    baseline_folder: "Vergeleken met ronde {} uit de map ({}; geen momentopname)",
    k_next_round: "volgende ronde",
    k_follow_up: "wat werd ervan",
    k_follow_up_note: "notitie bij de status",
    follow_up_note_title: "Wat werd ervan: notitie",
};

pub static EN: Strings = Strings {
    last_round: "Round {} is the method's last round: there is no next round",
    needs_pact_name: "This session has no pact name yet: open it and fill in the pact's name under Intake; then the next round can be made",
    next_exists: "Round {} of this pact exists already: {}. Open that session; a second round with the same number would confuse the overview and the comparison",
    created: "Round {} of {} created: {}",
    follow_up: ["done", "ongoing", "not done", "dropped"],
    follow_up_open: "to follow up",
    carried: "from round {}",
    baseline: "Compared with round {} ({}; {})",
    baseline_folder: "Compared with round {} found in the folder ({}; no snapshot)",
    k_next_round: "next round",
    k_follow_up: "what became of it",
    k_follow_up_note: "note on the status",
    follow_up_note_title: "What became of it: note",
};

impl Strings {
    pub fn follow_up(&self, f: Option<crate::model::rounds::FollowUp>) -> &'static str {
        match f {
            None => self.follow_up_open,
            Some(f) => {
                self.follow_up[crate::model::rounds::FollowUp::ALL
                    .iter()
                    .position(|x| *x == f)
                    .unwrap_or(0)]
            }
        }
    }
}
