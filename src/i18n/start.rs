//! Words of the start screen's grouping and search, and of the portfolio view on it.

pub struct Strings {
    /// The search line while nothing is typed.
    pub search_hint: &'static str,
    /// The search line: what is searched for, then how many sessions match of all.
    pub searching: &'static str,
    /// No session matches the search.
    pub no_match: &'static str,
    /// A pact heading: its name, then how many sessions it has.
    pub sessions: &'static str,
    /// A pact heading during a search: its name, how many sessions match, of how many.
    pub sessions_of: &'static str,
    pub session_one: &'static str,
    /// The heading of files that cannot be read.
    pub unreadable_heading: &'static str,
    /// A pact without a name.
    pub no_name: &'static str,
    pub col_place: &'static str,
    pub col_file: &'static str,
    /// The round under a pact heading: "ronde 2".
    pub round_row: &'static str,
    /// Key labels.
    pub k_clear: &'static str,
    pub k_files: &'static str,
    pub k_portfolio: &'static str,
    pub k_page: &'static str,
    /// On quitting a new session in which nothing was typed: its file is not kept.
    pub untouched_removed: &'static str,
    pub k_top: &'static str,
    pub k_bottom: &'static str,
    pub k_erase: &'static str,
    /// The portfolio view.
    pub portfolio_folder: &'static str,
    pub k_export: &'static str,
    pub k_back: &'static str,
    pub k_scroll: &'static str,
    /// After an export: the folder, the files written.
    pub written: &'static str,
    pub write_failed: &'static str,
    /// A round's line in the view: done, open, open without kartrekker.
    pub intentions: &'static str,
    pub per_kind: &'static str,
    pub no_sessions: &'static str,
}

pub static NL: Strings = Strings {
    search_hint: "Typ om te zoeken op pact, plaats of datum",
    searching: "Zoeken: {}▏  {} van {} sessies · Esc wist",
    no_match: "Geen sessie gevonden voor deze zoekterm. Esc wist de zoekterm.",
    sessions: "{} · {} sessies",
    sessions_of: "{} · {} van {} sessies",
    session_one: "{} · 1 sessie",
    unreadable_heading: "Niet te lezen",
    no_name: "(zonder naam)",
    col_place: "Plaats",
    col_file: "Bestand",
    round_row: "ronde {}",
    k_clear: "wis zoekterm",
    k_files: "bestanden",
    k_portfolio: "overzicht",
    k_page: "pagina",
    untouched_removed: "Nieuwe sessie zonder invoer niet bewaard ({})",
    k_top: "naar het begin",
    k_bottom: "naar het eind",
    k_erase: "teken wissen",
    portfolio_folder: "Alle sessies in {} · intern: namen van geïnterviewden staan er niet in",
    k_export: "exporteren (md, html, csv)",
    k_back: "terug",
    k_scroll: "scrollen",
    written: "Overzicht geschreven in {}: {}",
    write_failed: "Niet geschreven: {}",
    intentions: "voornemens: {} gedaan, {} open, {} open zonder kartrekker",
    per_kind: "fase per soort partner: {}",
    no_sessions: "Geen sessies in {}: er is nog niets te overzien.",
};

pub static EN: Strings = Strings {
    search_hint: "Type to search by pact, place or date",
    searching: "Search: {}▏  {} of {} sessions · Esc clears",
    no_match: "No session matches this search. Esc clears it.",
    sessions: "{} · {} sessions",
    sessions_of: "{} · {} of {} sessions",
    session_one: "{} · 1 session",
    unreadable_heading: "Cannot be read",
    no_name: "(no name)",
    col_place: "Place",
    col_file: "File",
    round_row: "round {}",
    k_clear: "clear search",
    k_files: "files",
    k_portfolio: "portfolio",
    k_page: "page",
    untouched_removed: "New session with nothing entered not kept ({})",
    k_top: "to the top",
    k_bottom: "to the end",
    k_erase: "erase character",
    portfolio_folder: "All sessions in {} · internal: no interviewee names in it",
    k_export: "export (md, html, csv)",
    k_back: "back",
    k_scroll: "scroll",
    written: "Portfolio written in {}: {}",
    write_failed: "Not written: {}",
    intentions: "intentions: {} done, {} open, {} open without kartrekker",
    per_kind: "phase per partner kind: {}",
    no_sessions: "No sessions in {}: nothing to overview yet.",
};

#[cfg(test)]
mod tests {
    use super::*;

    /// Both languages fill in the same number of values in each text.
    #[test]
    fn both_languages_take_the_same_values() {
        let fields: [fn(&Strings) -> &'static str; 12] = [
            |s| s.searching,
            |s| s.sessions,
            |s| s.sessions_of,
            |s| s.session_one,
            |s| s.round_row,
            |s| s.portfolio_folder,
            |s| s.written,
            |s| s.write_failed,
            |s| s.intentions,
            |s| s.per_kind,
            |s| s.no_sessions,
            |s| s.search_hint,
        ];
        for f in fields {
            assert_eq!(
                f(&NL).matches("{}").count(),
                f(&EN).matches("{}").count(),
                "{} / {}",
                f(&NL),
                f(&EN)
            );
        }
    }
}
