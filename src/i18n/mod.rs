//! Every UI string, one table per language. Dutch is the default.
//! Templates use `{}` placeholders, filled in order by [`fill`].
//! Strings of a screen live in that screen's file here (`interviews.rs`, ...), each with
//! its Dutch and English table side by side; [`Strings`] links them.

pub mod cli;
pub mod compose;
pub mod intake;
pub mod interviews;
pub mod portfolio;
pub mod room;
pub mod rounds;
pub mod start;
pub mod summary;
pub mod triangle;
pub mod wheel;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Nl,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Option<Lang> {
        match s.trim().to_ascii_lowercase().as_str() {
            "nl" | "nederlands" | "dutch" => Some(Lang::Nl),
            "en" | "english" | "engels" => Some(Lang::En),
            _ => None,
        }
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Nl => &NL,
            Lang::En => &EN,
        }
    }
}

/// Replaces each `{}` in `template` with the next argument.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut args = args.iter();
    let mut rest = template;
    while let Some(i) = rest.find("{}") {
        out.push_str(&rest[..i]);
        out.push_str(args.next().copied().unwrap_or(""));
        rest = &rest[i + 2..];
    }
    out.push_str(rest);
    out
}

pub struct Strings {
    pub app_name: &'static str,
    /// Each session screen's title, by the screen's id.
    pub screens: &'static [(&'static str, &'static str)],
    pub round: &'static str,
    pub no_pact_name: &'static str,
    pub saved_at: &'static str,
    pub not_saved: &'static str,
    pub not_saved_yet: &'static str,
    pub saving: &'static str,
    pub disk_full: &'static str,
    pub read_only: &'static str,
    pub too_large_to_save: &'static str,
    pub saved_beside: &'static str,
    pub help_title: &'static str,
    pub help_close: &'static str,
    pub help_global: &'static str,
    pub quit_unsaved: &'static str,
    pub yes_no: &'static str,
    pub too_small: &'static str,
    // keys
    pub k_next_screen: &'static str,
    pub k_prev_screen: &'static str,
    pub k_help: &'static str,
    pub k_quit: &'static str,
    pub k_next_field: &'static str,
    pub k_prev_field: &'static str,
    pub k_type: &'static str,
    pub k_newline: &'static str,
    pub k_undo: &'static str,
    pub k_redo: &'static str,
    pub k_open: &'static str,
    pub k_up_down: &'static str,
    pub k_close: &'static str,
    pub k_confirm: &'static str,
    pub k_recover: &'static str,
    pub k_open_as_is: &'static str,
    // start screen
    pub start_title: &'static str,
    pub start_new: &'static str,
    pub start_demo: &'static str,
    pub start_folder: &'static str,
    pub start_none: &'static str,
    pub col_pact: &'static str,
    pub col_round: &'static str,
    pub col_date: &'static str,
    pub col_saved: &'static str,
    pub unreadable: &'static str,
    // intake
    pub f_pact: &'static str,
    pub f_round: &'static str,
    pub f_date: &'static str,
    pub f_time: &'static str,
    pub f_place: &'static str,
    pub f_meeting: &'static str,
    pub f_facilitators: &'static str,
    pub f_interviewers: &'static str,
    pub f_region: &'static str,
    pub f_ambition: &'static str,
    pub f_ambition_source: &'static str,
    pub round_focus: &'static str,
    pub p_not_a_date: &'static str,
    pub p_not_a_time: &'static str,
    pub p_round: &'static str,
    pub p_required: &'static str,
    // load / lock / panic
    pub e_file: &'static str,
    pub e_missing: &'static str,
    pub e_empty: &'static str,
    pub e_directory: &'static str,
    pub e_symlink: &'static str,
    pub e_too_large: &'static str,
    pub e_io: &'static str,
    /// A method file (`--method`): file and reason; file, field and reason.
    pub e_method_read: &'static str,
    pub e_method_parse: &'static str,
    pub e_method_field: &'static str,
    /// `--theme`: name and reason.
    pub e_theme: &'static str,
    pub e_not_utf8: &'static str,
    pub e_syntax: &'static str,
    pub e_cut_off: &'static str,
    pub e_duplicate_key: &'static str,
    pub e_field: &'static str,
    pub e_field_nopos: &'static str,
    pub e_future: &'static str,
    pub e_backup_hint: &'static str,
    pub e_locked: &'static str,
    pub e_lock_symlink: &'static str,
    pub e_lock_not_plain: &'static str,
    pub e_lock_io: &'static str,
    pub e_no_terminal: &'static str,
    pub e_emergency: &'static str,
    pub interview_saved_in: &'static str,
    /// On exit after another program changed the interview file: where the notes are.
    pub interview_saved_in_conflict: &'static str,
    pub e_emergency_failed: &'static str,
    pub created: &'static str,
    pub k_presenter: &'static str,
    pub k_peek: &'static str,
    pub k_names: &'static str,
    pub k_theme: &'static str,
    pub k_undo_app: &'static str,
    pub k_redo_app: &'static str,
    pub peek_title: &'static str,
    pub names_shown: &'static str,
    pub presenter_keys: &'static str,
    pub peek_last: &'static str,
    pub presenter_refused: &'static str,
    pub nothing_to_undo: &'static str,
    pub nothing_to_redo: &'static str,
    /// "Ongedaan: {}" with what was undone (the label of the key that did it).
    pub undone: &'static str,
    pub redone: &'static str,
    /// What a stretch of typing and an import are called after undo.
    pub undo_typing: &'static str,
    pub undo_import: &'static str,
    pub k_add: &'static str,
    pub k_edit: &'static str,
    pub k_delete: &'static str,
    pub k_undo_delete: &'static str,
    pub k_select_prev: &'static str,
    /// The picker (`app::picker`): tick, search, end the search, close; the search
    /// line, no match, rows below.
    pub k_pick: &'static str,
    pub k_search: &'static str,
    pub k_search_end: &'static str,
    pub k_pick_done: &'static str,
    pub k_pick_choose: &'static str,
    pub k_pick_cancel: &'static str,
    pub pick_search: &'static str,
    pub pick_no_match: &'static str,
    pub pick_more: &'static str,
    pub k_select_next: &'static str,
    pub k_move_up: &'static str,
    pub k_move_down: &'static str,
    pub k_next_cell: &'static str,
    pub k_prev_cell: &'static str,
    pub k_done: &'static str,
    pub k_choice: &'static str,
    /// Zorg en welzijn, Onderwijs, Overheid, Anders (order of `PartnerKind::ALL`).
    pub partner_kinds: [&'static str; 4],
    pub intake: &'static intake::Strings,
    // recovery
    pub copy_emergency: &'static str,
    pub copy_backup: &'static str,
    pub recover_offer: &'static str,
    pub session_unreadable: &'static str,
    pub start_newer_copy: &'static str,
    pub e_emergency_hint: &'static str,
    pub interviews: &'static interviews::Strings,
    pub triangle: &'static triangle::Strings,
    pub wheel: &'static wheel::Strings,
    pub summary: &'static summary::Strings,
    pub compose: &'static compose::Strings,
    pub rounds: &'static rounds::Strings,
    pub portfolio: &'static portfolio::Strings,
    pub start: &'static start::Strings,
    pub room: &'static room::Strings,
}

pub static NL: Strings = Strings {
    app_name: "Volgspot",
    screens: &[
        ("intake", "Intake"),
        ("interviews", "Interviews"),
        ("triangle", "Analyse-driehoek"),
        ("wheel", "Samenwerkingswiel"),
        ("summary", "Samenvatting"),
        ("report", "Rapport"),
    ],
    round: "ronde",
    no_pact_name: "(naam van het pact)",
    saved_at: "opgeslagen {}",
    not_saved: "niet opgeslagen: {}",
    not_saved_yet: "nog niet opgeslagen",
    saving: "wijzigingen…",
    disk_full: "schijf vol",
    read_only: "geen schrijfrechten in de map",
    saved_beside: "een ander programma heeft het bestand gewijzigd; deze versie staat daarom apart in {} (beide blijven bewaard; open het gewenste bestand via het startscherm)",
    too_large_to_save: "de sessie is te groot om op te slaan ({} MB; volgspot opent tot {} MB). Er is niets overschreven en alles staat nog in het geheugen: haal lange geplakte teksten of overbodige notities weg, dan wordt weer vanzelf opgeslagen",
    help_title: "Toetsen: {}",
    help_close: "Esc sluit dit venster",
    help_global: "Overal",
    quit_unsaved: "Niet opgeslagen: {}. Wijzigingen sinds {} gaan verloren. Toch afsluiten?",
    yes_no: "j = ja, afsluiten · n / Esc = nee, terug",
    too_small: "Maak het venster groter (minstens 60×20)",
    k_next_screen: "volgend scherm",
    k_prev_screen: "vorig",
    k_help: "hulp",
    k_quit: "stoppen",
    k_next_field: "volgend veld",
    k_prev_field: "vorig veld",
    k_type: "typen in het veld",
    k_newline: "nieuwe regel (tekstvak) / volgend veld",
    k_undo: "ongedaan maken (in het veld)",
    k_redo: "opnieuw (in het veld)",
    k_open: "openen",
    k_up_down: "kiezen",
    k_close: "sluiten",
    k_confirm: "bevestigen",
    k_recover: "herstellen uit de kopie",
    k_open_as_is: "sessiebestand openen zoals het is",
    start_title: "Volgspot — kies een sessie",
    start_new: "+ Nieuwe sessie",
    start_demo: "◇ Voorbeeldsessie openen",
    start_folder: "Sessiemap: {}",
    start_none: "Nog geen sessies in deze map.",
    col_pact: "Pact",
    col_round: "Ronde",
    col_date: "Datum",
    col_saved: "Laatst opgeslagen",
    unreadable: "onleesbaar: {}",
    f_pact: "Naam van het pact",
    f_round: "Volgspot-ronde (1–3)",
    f_date: "Datum sessie",
    f_time: "Begintijd",
    f_place: "Plaats",
    f_meeting: "Soort bijeenkomst",
    f_facilitators: "Begeleider(s)",
    f_interviewers: "Interviewer(s)",
    f_region: "Waar werkt de regio aan?",
    f_ambition: "Ambitie van het pact",
    f_ambition_source: "Bron van de ambitie",
    round_focus: "Focus ronde {}: {}",
    p_not_a_date: "Geen geldige datum: typ bijvoorbeeld 2026-11-22 of 22-11-2026.",
    p_not_a_time: "Geen geldige tijd: typ bijvoorbeeld 09:30.",
    p_round: "De ronde is 1, 2 of 3.",
    p_required: "Vul de naam van het pact in.",
    e_file: "Bestand {}",
    e_missing: "bestaat niet",
    e_empty: "is leeg (geen tekst)",
    e_directory: "is een map, geen sessiebestand",
    e_symlink: "is een symbolische koppeling; open het bestand zelf",
    e_too_large: "is te groot ({} bytes; maximaal {})",
    e_io: "kan niet gelezen worden: {}",
    e_method_read: "methodebestand {}: kan niet gelezen worden: {}",
    e_method_parse: "methodebestand {}: geen geldige methode: {}",
    e_method_field: "methodebestand {}: veld {}: {}",
    e_theme: "--theme {}: {}",
    e_not_utf8: "is geen UTF-8-tekst (regel {}, kolom {})",
    e_syntax: "is beschadigd: regel {}, kolom {}: {}",
    e_duplicate_key: "is beschadigd: regel {}, kolom {}: de sleutel '{}' staat twee keer in hetzelfde object (de tweede zou de eerste stilletjes vervangen). Haal er één weg",
    e_cut_off: "het bestand houdt halverwege op (afgebroken of niet helemaal gekopieerd)",
    e_field: "heeft een fout in veld '{}' (regel {}, kolom {}): {}",
    e_field_nopos: "heeft een fout in veld '{}': {}",
    e_future: "is gemaakt met een nieuwere volgspot (schemaversie {}; deze versie kent t/m {}). Werk volgspot bij.",
    e_backup_hint: "Het bestand is niet gewijzigd. Een reservekopie staat in {}",
    e_no_terminal: "volgspot: geen terminal om in te tekenen ({}). Start volgspot in een terminalvenster.",
    e_locked: "Deze sessie is al geopend door {}. Sluit daar eerst af.",
    e_lock_symlink: "Het vergrendelbestand {} is een symbolische koppeling; volgspot schrijft daar niet doorheen. Verwijder de koppeling en probeer het opnieuw.",
    e_lock_not_plain: "Het vergrendelbestand {} is geen gewoon bestand (een apparaat, pijp of tweede naam van een ander bestand). Verwijder het en probeer het opnieuw.",
    e_lock_io: "Het vergrendelbestand {} kan niet worden aangemaakt of gebruikt: {}. Controleer of de map {} beschrijfbaar is.",
    e_emergency: "volgspot is vastgelopen. Een noodkopie van de sessie staat in {}",
    interview_saved_in: "Het interview staat in {}\nStuur dit bestand naar de begeleider; die voegt het toe met I op het scherm Interviews.",
    interview_saved_in_conflict: "Een ander programma heeft {} veranderd; uw notities staan daarom in {}\nStuur dat bestand naar de begeleider; die voegt het toe met I op het scherm Interviews.",
    e_emergency_failed: "volgspot is vastgelopen en kon geen noodkopie schrijven: {}",
    created: "Nieuwe sessie: {}",
    k_presenter: "presentatieweergave aan/uit",
    k_peek: "vooruitkijken: volgend scherm",
    k_names: "namen tonen/verbergen",
    k_theme: "thema licht/donker",
    k_undo_app: "ongedaan maken",
    k_redo_app: "opnieuw",
    peek_title: "Vooruitkijken: {} (alleen voor u; Esc sluit)",
    names_shown: "namen zichtbaar",
    peek_last: "Dit is het laatste scherm: er is geen volgend scherm om vooruit te kijken.",
    presenter_keys: "F4 bewerken · PgDn/PgUp scherm · F5 klok · ? hulp · Ctrl-Q stoppen",
    presenter_refused: "Hier wordt alleen getoond: F4 terug naar bewerken om te typen.",
    nothing_to_undo: "Niets meer om ongedaan te maken.",
    nothing_to_redo: "Niets meer om opnieuw te doen.",
    undone: "Ongedaan: {}",
    redone: "Opnieuw: {}",
    undo_typing: "typen",
    undo_import: "import",
    k_add: "toevoegen",
    k_edit: "bewerken",
    k_delete: "verwijderen",
    k_undo_delete: "verwijderen ongedaan maken",
    k_select_prev: "vorige regel",
    k_pick: "aan/uit",
    k_search: "zoeken",
    k_search_end: "zoeken stoppen",
    k_pick_done: "sluiten",
    k_pick_choose: "kiezen",
    k_pick_cancel: "annuleren",
    pick_search: "Zoeken: ",
    pick_no_match: "Niets gevonden voor '{}'.",
    pick_more: "+{} meer",
    k_select_next: "volgende regel",
    k_move_up: "regel omhoog",
    k_move_down: "regel omlaag",
    k_next_cell: "volgend vak",
    k_prev_cell: "vorig vak",
    k_done: "klaar met bewerken",
    k_choice: "andere keuze (← →)",
    partner_kinds: ["Zorg en welzijn", "Onderwijs", "Overheid", "Anders"],
    intake: &intake::NL,
    room: &room::NL,
    copy_emergency: "noodkopie",
    copy_backup: "reservekopie",
    recover_offer: "Van {} is er een {} met nieuwer werk. Sessiebestand: {} · {}: {}. Er wordt niets verwijderd.",
    session_unreadable: "onleesbaar",
    start_newer_copy: "⚠ nieuwere {}",
    e_emergency_hint: "Er is ook een noodkopie: {}",
    interviews: &interviews::NL,
    triangle: &triangle::NL,
    wheel: &wheel::NL,
    summary: &summary::NL,
    compose: &compose::NL,
    rounds: &rounds::NL,
    portfolio: &portfolio::NL,
    start: &start::NL,
};

pub static EN: Strings = Strings {
    app_name: "Volgspot",
    screens: &[
        ("intake", "Intake"),
        ("interviews", "Interviews"),
        ("triangle", "Analysis triangle"),
        ("wheel", "Collaboration wheel"),
        ("summary", "Summary"),
        ("report", "Report"),
    ],
    round: "round",
    no_pact_name: "(pact name)",
    saved_at: "saved {}",
    not_saved: "not saved: {}",
    not_saved_yet: "not saved yet",
    saving: "changes…",
    disk_full: "disk full",
    read_only: "no write permission in the folder",
    saved_beside: "another program changed the file; this version is therefore saved separately in {} (both are kept; open the one you want from the start screen)",
    too_large_to_save: "the session is too large to save ({} MB; volgspot opens up to {} MB). Nothing was overwritten and everything is still in memory: remove long pasted texts or notes you do not need, and saving resumes by itself",
    help_title: "Keys: {}",
    help_close: "Esc closes this window",
    help_global: "Everywhere",
    quit_unsaved: "Not saved: {}. Changes since {} will be lost. Quit anyway?",
    yes_no: "y = yes, quit · n / Esc = no, go back",
    too_small: "Make the window larger (at least 60×20)",
    k_next_screen: "next screen",
    k_prev_screen: "previous",
    k_help: "help",
    k_quit: "quit",
    k_next_field: "next field",
    k_prev_field: "previous field",
    k_type: "type into the field",
    k_newline: "new line (text box) / next field",
    k_undo: "undo (in the field)",
    k_redo: "redo (in the field)",
    k_open: "open",
    k_up_down: "choose",
    k_close: "close",
    k_confirm: "confirm",
    k_recover: "recover from the copy",
    k_open_as_is: "open the session file as it is",
    start_title: "Volgspot — choose a session",
    start_new: "+ New session",
    start_demo: "◇ Open the example session",
    start_folder: "Session folder: {}",
    start_none: "No sessions in this folder yet.",
    col_pact: "Pact",
    col_round: "Round",
    col_date: "Date",
    col_saved: "Last saved",
    unreadable: "unreadable: {}",
    f_pact: "Pact name",
    f_round: "Volgspot round (1–3)",
    f_date: "Session date",
    f_time: "Start time",
    f_place: "Place",
    f_meeting: "Kind of meeting",
    f_facilitators: "Facilitator(s)",
    f_interviewers: "Interviewer(s)",
    f_region: "What is the region working on?",
    f_ambition: "The pact's ambition",
    f_ambition_source: "Source of the ambition",
    round_focus: "Focus of round {}: {}",
    p_not_a_date: "Not a valid date: type e.g. 2026-11-22 or 22-11-2026.",
    p_not_a_time: "Not a valid time: type e.g. 09:30.",
    p_round: "The round is 1, 2 or 3.",
    p_required: "Fill in the pact's name.",
    e_file: "File {}",
    e_missing: "does not exist",
    e_empty: "is empty (no text)",
    e_directory: "is a folder, not a session file",
    e_symlink: "is a symbolic link; open the file itself",
    e_too_large: "is too large ({} bytes; at most {})",
    e_io: "cannot be read: {}",
    e_method_read: "method file {}: cannot be read: {}",
    e_method_parse: "method file {}: not a valid method: {}",
    e_method_field: "method file {}: field {}: {}",
    e_theme: "--theme {}: {}",
    e_not_utf8: "is not UTF-8 text (line {}, column {})",
    e_syntax: "is damaged: line {}, column {}: {}",
    e_duplicate_key: "is damaged: line {}, column {}: the key '{}' appears twice in the same object (the second would silently replace the first). Remove one of them",
    e_cut_off: "the file stops halfway (cut off, or not copied completely)",
    e_field: "has an error in field '{}' (line {}, column {}): {}",
    e_field_nopos: "has an error in field '{}': {}",
    e_future: "was made by a newer volgspot (schema version {}; this one knows up to {}). Please update volgspot.",
    e_backup_hint: "The file was not changed. A backup is at {}",
    e_no_terminal: "volgspot: no terminal to draw in ({}). Start volgspot in a terminal window.",
    e_locked: "This session is already open by {}. Close it there first.",
    e_lock_symlink: "The lock file {} is a symbolic link; volgspot does not write through it. Remove the link and try again.",
    e_lock_not_plain: "The lock file {} is not a plain file (a device, a pipe or a second name of another file). Remove it and try again.",
    e_lock_io: "The lock file {} cannot be created or used: {}. Check that the folder {} is writable.",
    e_emergency: "volgspot crashed. An emergency copy of the session is at {}",
    interview_saved_in: "The interview is in {}\nSend this file to the facilitator, who adds it with I on the Interviews screen.",
    interview_saved_in_conflict: "Another program changed {}, so your notes are in {}\nSend that file to the facilitator, who adds it with I on the Interviews screen.",
    e_emergency_failed: "volgspot crashed and could not write an emergency copy: {}",
    created: "New session: {}",
    k_presenter: "presenter view on/off",
    k_peek: "look ahead: next screen",
    k_names: "show/hide names",
    k_theme: "theme light/dark",
    k_undo_app: "undo",
    k_redo_app: "redo",
    peek_title: "Look ahead: {} (for you only; Esc closes)",
    names_shown: "names visible",
    peek_last: "This is the last screen: there is no next screen to look ahead at.",
    presenter_keys: "F4 edit · PgDn/PgUp screen · F5 clock · ? help · Ctrl-Q quit",
    presenter_refused: "This view only shows: F4 back to editing to type.",
    nothing_to_undo: "Nothing left to undo.",
    nothing_to_redo: "Nothing left to redo.",
    undone: "Undone: {}",
    redone: "Redone: {}",
    undo_typing: "typing",
    undo_import: "import",
    k_add: "add",
    k_edit: "edit",
    k_delete: "delete",
    k_undo_delete: "undo delete",
    k_select_prev: "previous row",
    k_pick: "on/off",
    k_search: "search",
    k_search_end: "stop searching",
    k_pick_done: "close",
    k_pick_choose: "choose",
    k_pick_cancel: "cancel",
    pick_search: "Search: ",
    pick_no_match: "Nothing found for '{}'.",
    pick_more: "+{} more",
    k_select_next: "next row",
    k_move_up: "move row up",
    k_move_down: "move row down",
    k_next_cell: "next cell",
    k_prev_cell: "previous cell",
    k_done: "done editing",
    k_choice: "other choice (← →)",
    partner_kinds: ["Care and welfare", "Education", "Government", "Other"],
    intake: &intake::EN,
    room: &room::EN,
    copy_emergency: "emergency copy",
    copy_backup: "backup",
    recover_offer: "For {} there is a {} with newer work. Session file: {} · {}: {}. Nothing is deleted.",
    session_unreadable: "unreadable",
    start_newer_copy: "⚠ newer {}",
    e_emergency_hint: "There is also an emergency copy: {}",
    interviews: &interviews::EN,
    triangle: &triangle::EN,
    wheel: &wheel::EN,
    summary: &summary::EN,
    compose: &compose::EN,
    rounds: &rounds::EN,
    portfolio: &portfolio::EN,
    start: &start::EN,
};

impl Strings {
    /// A session screen's title, by its id (the id itself when no title is known).
    pub fn screen_title(&self, id: &'static str) -> &'static str {
        self.screens
            .iter()
            .find(|(i, _)| *i == id)
            .map_or(id, |(_, title)| title)
    }

    /// A load problem in plain words, naming the file and the position.
    /// Why a session (or interview file) cannot be locked, naming the lock file.
    pub fn lock_error(&self, e: &crate::store::lock::LockError) -> String {
        use crate::store::lock::LockError as L;
        let shown = |p: &std::path::Path| p.display().to_string();
        let msg = match e {
            L::Held(who) => fill(self.e_locked, &[who]),
            L::Symlink(p) => fill(self.e_lock_symlink, &[&shown(p)]),
            L::NotPlain(p) => fill(self.e_lock_not_plain, &[&shown(p)]),
            L::Io(p, err) => {
                let dir = p
                    .parent()
                    .filter(|d| !d.as_os_str().is_empty())
                    .unwrap_or(std::path::Path::new("."));
                fill(self.e_lock_io, &[&shown(p), &err.to_string(), &shown(dir)])
            }
        };
        crate::sanitize::visible(&msg).into_owned()
    }

    /// Why a file could not be imported as an interview file.
    pub fn import_error(&self, e: &crate::store::ImportError) -> String {
        match e {
            crate::store::ImportError::SessionFile(path) => fill(
                self.interviews.session_not_interview,
                &[&path.display().to_string()],
            ),
            crate::store::ImportError::Load(e) => self.load_error(e),
        }
    }

    pub fn load_error(&self, e: &crate::store::LoadError) -> String {
        let file = fill(self.e_file, &[&e.path.display().to_string()]);
        // File names and parser messages quote the file: shown, never passed raw.
        crate::sanitize::visible(&format!("{file} {}", self.load_problem(&e.problem))).into_owned()
    }

    /// What is wrong with a file, without naming it (for a line that names it already).
    pub fn load_problem(&self, problem: &crate::store::LoadProblem) -> String {
        use crate::store::LoadProblem as P;
        let what = match problem {
            P::Missing => self.e_missing.to_string(),
            P::Empty => self.e_empty.to_string(),
            P::Directory => self.e_directory.to_string(),
            P::Symlink => self.e_symlink.to_string(),
            P::TooLarge { size, cap } => {
                fill(self.e_too_large, &[&size.to_string(), &cap.to_string()])
            }
            P::Io(msg) => fill(self.e_io, &[msg]),
            P::NotUtf8 { line, column } => {
                fill(self.e_not_utf8, &[&line.to_string(), &column.to_string()])
            }
            P::Syntax { line, column, msg } => {
                // serde_json words its errors in English; the common one (a file that
                // was cut off) is said in the UI's language.
                let msg = if msg.starts_with("EOF while parsing") {
                    self.e_cut_off
                } else {
                    msg.as_str()
                };
                fill(
                    self.e_syntax,
                    &[&line.to_string(), &column.to_string(), msg],
                )
            }
            P::Field {
                field,
                line,
                column,
                msg,
            } if *line > 0 => fill(
                self.e_field,
                &[field, &line.to_string(), &column.to_string(), msg],
            ),
            P::Field { field, msg, .. } => fill(self.e_field_nopos, &[field, msg]),
            P::DuplicateKey { key, line, column } => fill(
                self.e_duplicate_key,
                &[&line.to_string(), &column.to_string(), key],
            ),
            P::FutureVersion { found, supported } => {
                fill(self.e_future, &[&found.to_string(), &supported.to_string()])
            }
        };
        crate::sanitize::visible(&what).into_owned()
    }

    pub fn partner_kind(&self, k: crate::model::PartnerKind) -> &'static str {
        let i = crate::model::PartnerKind::ALL
            .iter()
            .position(|x| *x == k)
            .unwrap_or(3);
        self.partner_kinds[i]
    }

    /// A short reason for the start screen's list (the full message comes on opening).
    pub fn load_problem_short(&self, p: &crate::store::LoadProblem) -> String {
        use crate::store::LoadProblem as P;
        match p {
            P::Syntax { line, column, .. }
            | P::NotUtf8 { line, column }
            | P::DuplicateKey { line, column, .. } => {
                format!("{line}:{column}")
            }
            P::Field { field, .. } => field.clone(),
            P::FutureVersion { found, .. } => format!("v{found}"),
            P::TooLarge { size, .. } => format!("{size} B"),
            P::Missing => self.e_missing.to_string(),
            P::Empty => self.e_empty.to_string(),
            P::Directory => self.e_directory.to_string(),
            P::Symlink => self.e_symlink.to_string(),
            P::Io(msg) => msg.clone(),
        }
    }

    pub fn copy_kind(&self, k: crate::store::recovery::CopyKind) -> &'static str {
        match k {
            crate::store::recovery::CopyKind::Emergency => self.copy_emergency,
            crate::store::recovery::CopyKind::Backup => self.copy_backup,
        }
    }

    /// The recovery offer, with both moments of last change.
    pub fn recovery_offer(&self, r: &crate::store::recovery::Recovery) -> String {
        let when = |t: time::OffsetDateTime| format!("{} {}", t.date(), crate::clock::hms(t));
        let name = r
            .session
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let kind = self.copy_kind(r.kind);
        let session = r
            .session_updated
            .map_or(self.session_unreadable.to_string(), when);
        fill(
            self.recover_offer,
            &[&name, kind, &session, kind, &when(r.copy_updated)],
        )
    }

    /// The header's word on a save that did not reach the file: "niet opgeslagen: …", or,
    /// when it went to a conflict copy, where it went.
    pub fn save_failed(&self, e: &crate::store::SaveError) -> String {
        if e.saved_elsewhere() {
            self.save_error(e)
        } else {
            fill(self.not_saved, &[&self.save_error(e)])
        }
    }

    pub fn save_error(&self, e: &crate::store::SaveError) -> String {
        use crate::store::SaveError as S;
        match e {
            S::DiskFull => self.disk_full.to_string(),
            S::ReadOnly => self.read_only.to_string(),
            S::Conflict { copy } => fill(self.saved_beside, &[&copy.display().to_string()]),
            S::TooLarge { size, cap } => {
                let mb = |b: u64| b.div_ceil(1024 * 1024).to_string();
                fill(self.too_large_to_save, &[&mb(*size), &mb(*cap)])
            }
            S::Other(msg) => msg.clone(),
        }
    }

    pub fn problem(&self, p: crate::model::validate::Problem) -> &'static str {
        use crate::model::validate::Problem as P;
        match p {
            P::NotADate => self.p_not_a_date,
            P::NotATime => self.p_not_a_time,
            P::RoundOutOfRange => self.p_round,
            P::Required => self.p_required,
            P::NotANumber => self.intake.minutes_not_number,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill("a {} b {}", &["1", "2"]), "a 1 b 2");
        assert_eq!(fill("x {}", &[]), "x ");
    }
}
