//! Strings of the interviews screen, the offline interviewer mode and the import.

pub struct Strings {
    pub hidden_name: &'static str,
    pub presenter_summary: &'static str,
    pub kinds: [&'static str; 4],
    pub note_kinds: [&'static str; 5],
    /// The same, broken over two lines, for a narrow table header (80 columns).
    pub note_kinds_head: [&'static str; 5],
    pub approvals: [&'static str; 3],
    pub yes: &'static str,
    pub no: &'static str,
    pub none: &'static str,
    pub all: &'static str,
    pub more: &'static str,
    // list
    pub list_title: &'static str,
    pub list_empty: &'static str,
    pub col_who: &'static str,
    pub col_kind: &'static str,
    pub col_date: &'static str,
    pub col_notes: &'static str,
    pub col_quotes: &'static str,
    pub consent_none: &'static str,
    pub consent_anonymous: &'static str,
    pub consent_named: &'static str,
    pub unnamed: &'static str,
    pub deleted: &'static str,
    /// D on an interview with notes: who, how many notes.
    pub delete_ask: &'static str,
    /// The same when the report quotes some of them: who, notes, quotes.
    pub delete_ask_quotes: &'static str,
    pub restored: &'static str,
    // detail
    pub f_interviewee: &'static str,
    pub f_organisation: &'static str,
    pub f_role: &'static str,
    pub f_kind: &'static str,
    pub f_date: &'static str,
    pub f_interviewer: &'static str,
    pub f_quotes_public: &'static str,
    pub f_with_name: &'static str,
    pub f_coarse: &'static str,
    pub coarse_attribution: &'static str,
    pub fields_hint: &'static str,
    pub notes_title: &'static str,
    pub no_notes: &'static str,
    pub no_notes_name_first: &'static str,
    pub capture: &'static str,
    pub public: &'static str,
    pub conflict: &'static str,
    pub field_names: [&'static str; 16],
    pub conflict_from: &'static str,
    pub corner: &'static str,
    pub phase: &'static str,
    pub focus: &'static str,
    pub approval: &'static str,
    pub not_public: &'static str,
    pub n_name_required: &'static str,
    pub n_only_quotes: &'static str,
    pub note_one: &'static str,
    pub note_many: &'static str,
    pub interview_one: &'static str,
    pub interview_many: &'static str,
    pub dropped_empty: &'static str,
    pub session_not_interview: &'static str,
    // synthesis
    pub synthesis_title: &'static str,
    pub filter_area: &'static str,
    pub filter_kind: &'static str,
    pub filter_interview: &'static str,
    pub filter_search: &'static str,
    pub synthesis_empty: &'static str,
    // import
    pub picker_title: &'static str,
    pub picker_none: &'static str,
    pub picker_confirm: &'static str,
    /// The picker's row for a file that cannot be read: its label.
    pub picker_damaged: &'static str,
    /// A file made by a newer volgspot: not damaged, but this version cannot read it.
    pub picker_newer: &'static str,
    /// `interview --list`: a file skipped as unreadable, and why.
    pub iv_list_damaged: &'static str,
    /// The picker hides files of other pacts or rounds: how many, and the key.
    pub picker_others_hidden: &'static str,
    /// The heading above them once shown.
    pub picker_others_heading: &'static str,
    pub k_others: &'static str,
    pub import_title: &'static str,
    pub rep_added: &'static str,
    pub rep_updated: &'static str,
    pub rep_conflicts: &'static str,
    pub rep_fields_conflict: &'static str,
    pub rep_unchanged: &'static str,
    pub rep_skipped_empty: &'static str,
    pub rep_kept_deleted: &'static str,
    pub rep_back: &'static str,
    pub rep_collision: &'static str,
    pub rep_renumbered: &'static str,
    pub rep_dup_in_file: &'static str,
    pub rep_deleted: &'static str,
    pub rep_fields_updated: &'static str,
    pub rep_other_round: &'static str,
    /// Asked in a terminal before importing another pact's or round's file.
    pub rep_ask_anyway: &'static str,
    /// Said when such a file was not imported.
    pub rep_skipped: &'static str,
    pub repaired_interview: &'static str,
    pub repaired_note: &'static str,
    pub changed_after_approval: &'static str,
    pub conflict_deleted_session: &'static str,
    pub conflict_deleted_file: &'static str,
    pub conflict_field: &'static str,
    pub conflict_fields_iv: &'static str,
    pub source_session: &'static str,
    pub source_file: &'static str,
    pub rep_error: &'static str,
    pub rep_saved: &'static str,
    pub rep_other_pact: &'static str,
    // interviewer mode
    pub iv_title: &'static str,
    pub iv_file: &'static str,
    pub iv_no_file: &'static str,
    pub iv_name_first: &'static str,
    pub iv_none_here: &'static str,
    pub iv_not_found: &'static str,
    pub iv_ambiguous: &'static str,
    pub iv_same_name: &'static str,
    // keys
    pub k_open: &'static str,
    pub k_new: &'static str,
    pub k_delete: &'static str,
    pub k_undo: &'static str,
    pub k_synthesis: &'static str,
    pub k_import: &'static str,
    pub k_back: &'static str,
    pub k_store: &'static str,
    pub k_capture_area: &'static str,
    pub k_to_notes: &'static str,
    pub k_to_capture: &'static str,
    pub k_area: &'static str,
    pub k_kind: &'static str,
    pub k_public: &'static str,
    pub k_approval: &'static str,
    pub k_corner: &'static str,
    pub k_phase: &'static str,
    pub k_focus: &'static str,
    pub k_edit: &'static str,
    pub k_fields: &'static str,
    pub k_swap: &'static str,
    pub k_resolve: &'static str,
    pub k_keep_both: &'static str,
    pub k_take_details: &'static str,
    pub k_keep_details: &'static str,
    pub k_select: &'static str,
    pub k_done: &'static str,
    pub k_cancel: &'static str,
    pub k_choice: &'static str,
    pub k_filter_area: &'static str,
    pub k_filter_kind: &'static str,
    pub k_filter_interview: &'static str,
    pub k_search: &'static str,
    pub k_clear: &'static str,
    pub k_scroll: &'static str,
    pub k_mark: &'static str,
    pub k_import_go: &'static str,
    /// Names of undo steps: the interview by role and organisation, quoted.
    pub undo_new: &'static str,
    pub undo_deleted: &'static str,
    pub undo_restored: &'static str,
    pub undo_edited: &'static str,
}

pub static NL: Strings = Strings {
    hidden_name: "(naam verborgen, F8)",
    presenter_summary: "interviews: {} · notities: {}",
    kinds: ["Zorg en welzijn", "Onderwijs", "Overheid", "Anders"],
    note_kinds: [
        "observatie",
        "succesfactor",
        "belemmering",
        "citaat",
        "verbeteridee",
    ],
    note_kinds_head: [
        "obser-\nvatie",
        "succes-\nfactor",
        "belem-\nmering",
        "citaat",
        "verbeter-\nidee",
    ],
    approvals: ["niet gevraagd", "akkoord", "geweigerd"],
    yes: "ja",
    no: "nee",
    none: "—",
    all: "alle",
    more: "+{} meer",
    list_title: "Interviews ({})",
    list_empty: "Nog geen interviews. N = nieuw interview, I = importeren uit interviewbestanden.",
    col_who: "Wie",
    col_kind: "Soort",
    col_date: "Datum",
    col_notes: "Notities",
    col_quotes: "Citaten",
    consent_none: "niet openbaar",
    consent_anonymous: "openbaar zonder naam",
    consent_named: "openbaar met naam",
    unnamed: "(naam)",
    deleted: "Verwijderd: {}. Ctrl-Z zet het terug.",
    delete_ask: "Interview {} verwijderen, met {} notities? J = verwijderen, andere toets = bewaren. (Ctrl-Z zet het daarna nog terug.)",
    delete_ask_quotes: "Interview {} verwijderen, met {} notities, waarvan {} geciteerd in het rapport? J = verwijderen, andere toets = bewaren. (Ctrl-Z zet het daarna nog terug.)",
    restored: "Teruggezet: {}",
    f_interviewee: "Naam geïnterviewde",
    f_organisation: "Organisatie",
    f_role: "Rol",
    f_kind: "Soort organisatie",
    f_date: "Datum",
    f_interviewer: "Interviewer",
    f_quotes_public: "Citaten openbaar",
    f_with_name: "Met naam",
    f_coarse: "Alleen soort organisatie",
    coarse_attribution: "een geïnterviewde ({})",
    fields_hint: "Spatie wijzigt een keuze · Esc klaar",
    notes_title: "Notities ({})",
    no_notes: "Nog geen notities: typ hieronder en druk Enter.",
    no_notes_name_first: "Eerst de naam hierboven (Enter); daarna typ je hier de notities.",
    capture: "Nieuw · {} ▸",
    public: "openbaar",
    conflict: "⚠ andere versie: {}",
    field_names: [
        "gebied",
        "soort",
        "hoek",
        "fase",
        "focus",
        "openbaar",
        "goedkeuring",
        "naam",
        "organisatie",
        "rol",
        "soort organisatie",
        "datum",
        "interviewer",
        "citaten openbaar",
        "met naam",
        "alleen soort organisatie",
    ],
    conflict_from: "⚠ versie uit {}: {}",
    corner: "hoek: {}",
    phase: "fase: {}",
    focus: "focus: {}",
    approval: "goedkeuring: {}",
    not_public: "niet openbaar",
    n_name_required: "Eerst de naam: die kan niet leeg blijven (Ctrl-Q stopt).",
    n_only_quotes: "Goedkeuring vragen kan alleen bij een citaat (k: soort).",
    note_one: "{} notitie",
    note_many: "{} notities",
    interview_one: "{} interview",
    interview_many: "{} interviews",
    dropped_empty: "Leeg interview weggelaten. Ctrl-Z zet het terug.",
    session_not_interview: "{}: dit is een sessiebestand, geen interviewbestand. Open het met 'volgspot open'; interviewbestanden eindigen op .interview.json.",
    synthesis_title: "Synthese: {} uit {}",
    filter_area: "Gebied: {}",
    filter_kind: "Soort: {}",
    filter_interview: "Interview: {}",
    filter_search: "Zoek: {}",
    synthesis_empty: "Geen notities bij dit filter.",
    picker_title: "Interviewbestanden in {}",
    picker_none: "Geen interviewbestanden (*.interview.json) in de sessiemap.\nKopieer ze naar de map hierboven, of in een terminal:\nvolgspot import SESSIEBESTAND INTERVIEWBESTAND...",
    picker_others_hidden: "Bestanden van andere pacten of rondes: {} — T toont ze",
    picker_others_heading: "Van andere pacten of rondes (⚠: Enter vraagt eerst) — T verbergt ze",
    k_others: "andere pacten",
    picker_confirm: "⚠ Gekozen: van een ander pact of een andere ronde.\nEnter: toch importeren · andere toets: terug",
    picker_damaged: "✗ beschadigd bestand: {}",
    picker_newer: "✗ gemaakt met een nieuwere volgspot: {}",
    iv_list_damaged: "Overgeslagen, beschadigd bestand: {}",
    import_title: "Import",
    rep_added: "{}: nieuw interview, {}",
    rep_updated: "{}: bijgewerkt (notities nieuw: {}, gewijzigd: {})",
    rep_conflicts: "{}: {} aan beide kanten gewijzigd, gemarkeerd met ⚠",
    rep_fields_conflict: "{}: gegevens aan beide kanten gewijzigd; die van de sessie zijn behouden, die van het bestand staan erbij (⚠)",
    rep_unchanged: "{}: niets nieuw",
    rep_skipped_empty: "{}: leeg interview (geen notities, geen gegevens), niet toegevoegd",
    rep_kept_deleted: "{}: in de sessie verwijderd en sindsdien niet gewijzigd; blijft verwijderd",
    rep_back: "{}: in de sessie verwijderd, maar de interviewer heeft het sindsdien gewijzigd: terug, elke notitie gemarkeerd met ⚠",
    rep_collision: "{}: het id in dit bestand hoort bij het interview met iemand anders in de sessie; daarom geïmporteerd als nieuw interview (eigen id)",
    rep_renumbered: "{}: {} kregen een nieuw id (het id was al in gebruik)",
    rep_dup_in_file: "{}: {} in het bestand hadden hetzelfde id; elk apart gehouden met een eigen id",
    rep_deleted: "{}: {} door de interviewer verwijderd, hier ook verwijderd",
    rep_fields_updated: "{}: {} van de gegevens overgenomen uit het bestand",
    rep_other_round: "Let op: {} is een interview voor ronde {}, deze sessie is ronde {}",
    rep_ask_anyway: "Toch importeren in deze sessie? (j/N) ",
    rep_skipped: "{}: niet geïmporteerd. Is het toch de goede sessie? Importeer dan opnieuw met --anyway.",
    repaired_interview: "Twee interviews hadden hetzelfde id; {} kreeg een nieuw id (niets samengevoegd)",
    repaired_note: "Twee notities hadden hetzelfde id (interview {}); de tweede kreeg een nieuw id (niets samengevoegd)",
    changed_after_approval: "gewijzigd na akkoord",
    conflict_deleted_session: "⚠ verwijderd in de sessie, gewijzigd door de interviewer ({})",
    conflict_deleted_file: "⚠ verwijderd door de interviewer ({}), gewijzigd in de sessie",
    conflict_field: "⚠ {}: in de sessie {}, in het bestand {} ({})",
    conflict_fields_iv: "⚠ gegevens aan beide kanten gewijzigd: {}",
    source_session: "sessie",
    source_file: "het interviewbestand",
    rep_error: "{}: niet geïmporteerd: {}",
    rep_saved: "Opgeslagen in {}",
    rep_other_pact: "Let op: {} is een interview voor pact '{}', deze sessie is van '{}'",
    iv_title: "Interview (offline)",
    iv_file: "bestand {}",
    iv_no_file: "nog geen bestand: vul eerst de naam in",
    iv_name_first: "Wie interview je? Typ de naam en druk Enter.",
    iv_none_here: "Geen interviews in {}",
    iv_not_found: "Geen interview met de naam '{}' in {}; wel:",
    iv_ambiguous: "Meer dan één interview met de naam '{}'; geef het bestand:",
    iv_same_name: "Er is al een interview met {} ({}). Enter: toch een nieuw interview · Esc: een andere naam (het bestaande heropen je met: volgspot interview \"{}\")",
    k_open: "openen",
    k_new: "nieuw interview",
    k_delete: "verwijderen",
    k_undo: "terugzetten",
    k_synthesis: "synthese",
    k_import: "importeren",
    k_back: "terug",
    k_store: "opslaan",
    k_capture_area: "gebied",
    k_to_notes: "notities",
    k_to_capture: "nieuwe notitie",
    k_area: "gebied (1–5)",
    k_kind: "soort",
    k_public: "openbaar aan/uit",
    k_approval: "goedkeuring citaat",
    k_corner: "hoek driehoek",
    k_phase: "fase wiel",
    k_focus: "focusgebied",
    k_edit: "tekst bewerken",
    k_fields: "gegevens interview",
    k_swap: "⚠ andere versie houden",
    k_resolve: "⚠ deze versie houden",
    k_keep_both: "⚠ beide houden (twee notities)",
    k_take_details: "⚠ gegevens uit het bestand overnemen",
    k_keep_details: "⚠ gegevens van de sessie houden",
    k_select: "kiezen",
    k_done: "klaar",
    k_cancel: "annuleren",
    k_choice: "keuze wijzigen",
    k_filter_area: "filter gebied",
    k_filter_kind: "filter soort",
    k_filter_interview: "filter interview",
    k_search: "zoeken",
    k_clear: "filters wissen",
    k_scroll: "scrollen",
    k_mark: "aanvinken",
    k_import_go: "importeren",
    undo_new: "nieuw interview",
    undo_deleted: "interview {} verwijderd",
    undo_restored: "interview {} teruggezet",
    undo_edited: "interview {} bewerkt",
};

pub static EN: Strings = Strings {
    hidden_name: "(name hidden, F8)",
    presenter_summary: "interviews: {} · notes: {}",
    kinds: ["Care and welfare", "Education", "Government", "Other"],
    note_kinds: [
        "observation",
        "success factor",
        "obstacle",
        "quote",
        "improvement idea",
    ],
    note_kinds_head: [
        "obser-\nvation",
        "success\nfactor",
        "obstacle",
        "quote",
        "improve-\nment idea",
    ],
    approvals: ["not asked", "approved", "refused"],
    yes: "yes",
    no: "no",
    none: "—",
    all: "all",
    more: "+{} more",
    list_title: "Interviews ({})",
    list_empty: "No interviews yet. N = new interview, I = import from interview files.",
    col_who: "Who",
    col_kind: "Kind",
    col_date: "Date",
    col_notes: "Notes",
    col_quotes: "Quotes",
    consent_none: "not public",
    consent_anonymous: "public without name",
    consent_named: "public with name",
    unnamed: "(name)",
    deleted: "Deleted: {}. Ctrl-Z brings it back.",
    delete_ask: "Delete interview {} with its {} notes? Y = delete, any other key = keep. (Ctrl-Z brings it back afterwards.)",
    delete_ask_quotes: "Delete interview {} with its {} notes, {} of them quoted in the report? Y = delete, any other key = keep. (Ctrl-Z brings it back afterwards.)",
    restored: "Restored: {}",
    f_interviewee: "Interviewee's name",
    f_organisation: "Organisation",
    f_role: "Role",
    f_kind: "Kind of organisation",
    f_date: "Date",
    f_interviewer: "Interviewer",
    f_quotes_public: "Quotes public",
    f_with_name: "With name",
    f_coarse: "Kind of org. only",
    coarse_attribution: "an interviewee ({})",
    fields_hint: "Space changes a choice · Esc done",
    notes_title: "Notes ({})",
    no_notes: "No notes yet: type below and press Enter.",
    no_notes_name_first: "First the name above (Enter); then you type the notes here.",
    capture: "New · {} ▸",
    public: "public",
    conflict: "⚠ other version: {}",
    field_names: [
        "area",
        "kind",
        "corner",
        "phase",
        "focus",
        "public",
        "approval",
        "name",
        "organisation",
        "role",
        "kind of organisation",
        "date",
        "interviewer",
        "quotes public",
        "with name",
        "kind of organisation only",
    ],
    conflict_from: "⚠ version from {}: {}",
    corner: "corner: {}",
    phase: "phase: {}",
    focus: "focus: {}",
    approval: "quote check: {}",
    not_public: "not public",
    n_name_required: "Name first: it cannot stay empty (Ctrl-Q quits).",
    n_only_quotes: "Approval can only be asked for a quote (k: kind).",
    note_one: "{} note",
    note_many: "{} notes",
    interview_one: "{} interview",
    interview_many: "{} interviews",
    dropped_empty: "Empty interview left out. Ctrl-Z brings it back.",
    session_not_interview: "{}: this is a session file, not an interview file. Open it with 'volgspot open'; interview files end in .interview.json.",
    synthesis_title: "Synthesis: {} from {}",
    filter_area: "Area: {}",
    filter_kind: "Kind: {}",
    filter_interview: "Interview: {}",
    filter_search: "Search: {}",
    synthesis_empty: "No notes match this filter.",
    picker_title: "Interview files in {}",
    picker_none: "No interview files (*.interview.json) in the session folder.\nCopy them to the folder above, or in a terminal:\nvolgspot import SESSION_FILE INTERVIEW_FILE...",
    picker_others_hidden: "Files of other pacts or rounds: {} — T shows them",
    picker_others_heading: "Of other pacts or rounds (⚠: Enter asks first) — T hides them",
    k_others: "other pacts",
    picker_confirm: "⚠ Chosen: of another pact or another round.\nEnter: import anyway · other key: back",
    picker_damaged: "✗ damaged file: {}",
    picker_newer: "✗ made by a newer volgspot: {}",
    iv_list_damaged: "Skipped, damaged file: {}",
    import_title: "Import",
    rep_added: "{}: new interview, {}",
    rep_updated: "{}: updated (notes new: {}, changed: {})",
    rep_conflicts: "{}: {} changed on both sides, marked with ⚠",
    rep_fields_conflict: "{}: details changed on both sides; the session's were kept, the file's are shown beside them (⚠)",
    rep_unchanged: "{}: nothing new",
    rep_skipped_empty: "{}: empty interview (no notes, no details), not added",
    rep_kept_deleted: "{}: deleted in the session and not changed since; stays deleted",
    rep_back: "{}: deleted in the session, but the interviewer changed it since: back, every note marked with ⚠",
    rep_collision: "{}: this file's id belongs to the interview with someone else in the session; imported as a new interview instead (its own id)",
    rep_renumbered: "{}: {} got a new id (the id was taken)",
    rep_dup_in_file: "{}: {} in the file shared an id; each kept apart with its own id",
    rep_deleted: "{}: {} deleted by the interviewer, deleted here too",
    rep_fields_updated: "{}: {} of the details taken from the file",
    rep_other_round: "Note: {} is an interview for round {}, this session is round {}",
    rep_ask_anyway: "Import into this session anyway? (y/N) ",
    rep_skipped: "{}: not imported. If it is the right session after all, import again with --anyway.",
    repaired_interview: "Two interviews shared an id; {} got a new id (nothing merged)",
    repaired_note: "Two notes shared an id (interview {}); the second got a new id (nothing merged)",
    changed_after_approval: "changed after approval",
    conflict_deleted_session: "⚠ deleted in the session, changed by the interviewer ({})",
    conflict_deleted_file: "⚠ deleted by the interviewer ({}), changed in the session",
    conflict_field: "⚠ {}: {} in the session, {} in the file ({})",
    conflict_fields_iv: "⚠ details changed on both sides: {}",
    source_session: "session",
    source_file: "the interview file",
    rep_error: "{}: not imported: {}",
    rep_saved: "Saved in {}",
    rep_other_pact: "Note: {} is an interview for pact '{}', this session is for '{}'",
    iv_title: "Interview (offline)",
    iv_file: "file {}",
    iv_no_file: "no file yet: fill in the name first",
    iv_name_first: "Who are you interviewing? Type the name and press Enter.",
    iv_none_here: "No interviews in {}",
    iv_not_found: "No interview named '{}' in {}; there are:",
    iv_ambiguous: "More than one interview named '{}'; give the file:",
    iv_same_name: "There is already an interview with {} ({}). Enter: a new interview anyway · Esc: another name (reopen the existing one with: volgspot interview \"{}\")",
    k_open: "open",
    k_new: "new interview",
    k_delete: "delete",
    k_undo: "restore",
    k_synthesis: "synthesis",
    k_import: "import",
    k_back: "back",
    k_store: "store",
    k_capture_area: "area",
    k_to_notes: "notes",
    k_to_capture: "new note",
    k_area: "attention area (1–5)",
    k_kind: "kind",
    k_public: "public on/off",
    k_approval: "quote check",
    k_corner: "triangle corner",
    k_phase: "wheel phase",
    k_focus: "focus area",
    k_edit: "edit text",
    k_fields: "interview details",
    k_swap: "⚠ keep the other version",
    k_resolve: "⚠ keep this version",
    k_keep_both: "⚠ keep both (two notes)",
    k_take_details: "⚠ take the details from the file",
    k_keep_details: "⚠ keep the session's details",
    k_select: "choose",
    k_done: "done",
    k_cancel: "cancel",
    k_choice: "change choice",
    k_filter_area: "filter area",
    k_filter_kind: "filter kind",
    k_filter_interview: "filter interview",
    k_search: "search",
    k_clear: "clear filters",
    k_scroll: "scroll",
    k_mark: "mark",
    k_import_go: "import",
    undo_new: "new interview",
    undo_deleted: "interview {} deleted",
    undo_restored: "interview {} put back",
    undo_edited: "interview {} edited",
};

impl Strings {
    pub fn kind(&self, k: crate::model::PartnerKind) -> &'static str {
        self.kinds[k.index()]
    }

    pub fn note_kind(&self, k: crate::model::NoteKind) -> &'static str {
        self.note_kinds[k.index()]
    }

    /// The kind's name for a table header `width` columns wide: whole when it fits,
    /// else over two lines.
    pub fn note_kind_head(&self, k: crate::model::NoteKind, width: usize) -> &'static str {
        let whole = self.note_kinds[k.index()];
        if unicode_width::UnicodeWidthStr::width(whole) <= width {
            whole
        } else {
            self.note_kinds_head[k.index()]
        }
    }

    pub fn approval_name(&self, a: crate::model::Approval) -> &'static str {
        self.approvals[a.index()]
    }

    /// "1 notitie", "3 notities".
    pub fn count_notes(&self, n: usize) -> String {
        crate::i18n::fill(
            if n == 1 {
                self.note_one
            } else {
                self.note_many
            },
            &[&n.to_string()],
        )
    }

    /// "1 interview", "3 interviews".
    pub fn count_interviews(&self, n: usize) -> String {
        crate::i18n::fill(
            if n == 1 {
                self.interview_one
            } else {
                self.interview_many
            },
            &[&n.to_string()],
        )
    }

    pub fn consent(&self, c: crate::model::Consent) -> &'static str {
        match (c.quotes_public, c.with_name) {
            (false, _) => self.consent_none,
            (true, false) => self.consent_anonymous,
            (true, true) => self.consent_named,
        }
    }

    /// A warning when an interview file names another pact than the session (imported
    /// all the same: the names may just be spelled differently).
    /// `who` names the interview: the interviewee, or role and organisation where names
    /// are hidden (the import message is on the projected screen).
    pub fn other_pact(
        &self,
        file: &crate::model::interview_file::InterviewFile,
        session: &crate::model::Session,
        who: &str,
    ) -> Option<String> {
        let (a, b) = (file.pact.trim(), session.intake.pact_name.trim());
        let slug = crate::store::paths::slug;
        if a.is_empty() || b.is_empty() || slug(a) == slug(b) {
            return None;
        }
        let who = if who.trim().is_empty() {
            self.unnamed
        } else {
            who.trim()
        };
        Some(crate::i18n::fill(self.rep_other_pact, &[who, a, b]))
    }

    /// An interview file's name as shown on a projected screen: the file names carry the
    /// interviewee's name, so with names hidden only the date it starts with shows.
    pub fn file_label(&self, name: &str, show_names: bool) -> String {
        if show_names {
            return name.to_string();
        }
        let date: String = name.chars().take(10).collect();
        let is_date = date.len() == 10
            && date.chars().enumerate().all(|(i, c)| {
                if i == 4 || i == 7 {
                    c == '-'
                } else {
                    c.is_ascii_digit()
                }
            });
        if is_date {
            format!("{date} {}", self.hidden_name)
        } else {
            self.hidden_name.to_string()
        }
    }

    /// One line per interview file, for the CLI and the import message.
    pub fn report(&self, r: &crate::model::merge::InterviewReport) -> Vec<String> {
        use crate::i18n::fill;
        let mut out = Vec::new();
        if r.id_collision.is_some() {
            out.push(fill(self.rep_collision, &[&r.label]));
        }
        if r.added && !r.back_after_deletion {
            out.push(fill(
                self.rep_added,
                &[&r.label, &self.count_notes(r.notes_added)],
            ));
        } else if r.notes_added > 0 || r.notes_updated > 0 {
            out.push(fill(
                self.rep_updated,
                &[
                    &r.label,
                    &r.notes_added.to_string(),
                    &r.notes_updated.to_string(),
                ],
            ));
        }
        if r.fields_updated > 0 {
            out.push(fill(
                self.rep_fields_updated,
                &[&r.label, &r.fields_updated.to_string()],
            ));
        }
        if r.notes_deleted > 0 {
            out.push(fill(
                self.rep_deleted,
                &[&r.label, &self.count_notes(r.notes_deleted)],
            ));
        }
        if r.duplicate_notes_in_file > 0 {
            out.push(fill(
                self.rep_dup_in_file,
                &[&r.label, &self.count_notes(r.duplicate_notes_in_file + 1)],
            ));
        }
        if r.notes_renumbered > 0 {
            out.push(fill(
                self.rep_renumbered,
                &[&r.label, &self.count_notes(r.notes_renumbered)],
            ));
        }
        if r.notes_conflicted > 0 {
            out.push(fill(
                self.rep_conflicts,
                &[&r.label, &self.count_notes(r.notes_conflicted)],
            ));
        }
        if r.fields_conflicted > 0 {
            out.push(fill(self.rep_fields_conflict, &[&r.label]));
        }
        if r.back_after_deletion {
            out.push(fill(self.rep_back, &[&r.label]));
        }
        if r.kept_deleted {
            out.push(fill(self.rep_kept_deleted, &[&r.label]));
        } else if r.skipped_empty {
            let label = if r.label.trim().is_empty() {
                self.unnamed
            } else {
                &r.label
            };
            out.push(fill(self.rep_skipped_empty, &[label]));
        } else if r.unchanged() {
            out.push(fill(self.rep_unchanged, &[&r.label]));
        }
        out
    }

    /// Where the other version of a conflict comes from: the interview file's name and
    /// time (dates only when names are hidden: file names carry the interviewee's name).
    pub fn conflict_source(&self, c: &crate::model::NoteConflict, show_names: bool) -> String {
        let file = if c.source.is_empty() {
            self.source_file.to_string()
        } else {
            self.file_label(&c.source, show_names)
        };
        match c.at {
            Some(at) => format!("{file}, {} {:02}:{:02}", at.date(), at.hour(), at.minute()),
            None => file,
        }
    }

    /// A merged field's name as the screen says it.
    pub fn field_name<'a>(&self, field: &'a str) -> &'a str {
        const IDS: [&str; 16] = [
            "area",
            "kind",
            "corner",
            "phase",
            "focus_areas",
            "public",
            "approval",
            "interviewee",
            "organisation",
            "role",
            "partner_kind",
            "date",
            "interviewer",
            "consent.quotes_public",
            "consent.with_name",
            "consent.coarse",
        ];
        IDS.iter()
            .position(|f| *f == field)
            .map_or(field, |k| self.field_names[k])
    }

    /// A coding value as the screen names it.
    pub fn show_value(&self, field: &str, v: &serde_json::Value) -> String {
        use serde_json::Value;
        match (field, v) {
            ("kind", Value::String(_)) => {
                serde_json::from_value::<crate::model::NoteKind>(v.clone())
                    .map(|k| self.note_kind(k).to_string())
                    .unwrap_or_else(|_| v.to_string())
            }
            ("approval", Value::Array(a)) if !a.is_empty() => {
                serde_json::from_value::<crate::model::Approval>(a[0].clone())
                    .map(|k| self.approvals[k.index()].to_string())
                    .unwrap_or_else(|_| v.to_string())
            }
            (_, Value::Bool(true)) => self.yes.to_string(),
            (_, Value::Bool(false)) => self.no.to_string(),
            (_, Value::Null) => self.none.to_string(),
            (_, Value::String(s)) if s.is_empty() => self.none.to_string(),
            (_, Value::String(s)) => s.clone(),
            (_, Value::Array(a)) if a.is_empty() => self.none.to_string(),
            (_, Value::Array(a)) => a
                .iter()
                .map(|x| x.as_str().map_or_else(|| x.to_string(), String::from))
                .collect::<Vec<_>>()
                .join(", "),
            _ => v.to_string(),
        }
    }

    /// A conflict as lines for the screen: the other text in full, each field with both
    /// values, a deletion on one side, each labelled with where it comes from.
    pub fn conflict_lines(&self, n: &crate::model::Note, show_names: bool) -> Vec<String> {
        use crate::i18n::fill;
        use crate::model::DeletedBy;
        let Some(c) = &n.conflict else {
            return Vec::new();
        };
        let src = self.conflict_source(c, show_names);
        let mut out = Vec::new();
        match c.deleted_by {
            Some(DeletedBy::Session) => out.push(fill(self.conflict_deleted_session, &[&src])),
            Some(DeletedBy::Interviewer) => out.push(fill(self.conflict_deleted_file, &[&src])),
            None => {}
        }
        if let Some(text) = &c.text {
            out.push(fill(self.conflict_from, &[&src, text]));
        }
        let coding = serde_json::to_value(n.coding()).unwrap_or_default();
        for (field, v) in &c.fields {
            let mine = if field == "approval" {
                serde_json::json!([n.approval])
            } else {
                coding.get(field).cloned().unwrap_or_default()
            };
            out.push(fill(
                self.conflict_field,
                &[
                    self.field_name(field),
                    &self.show_value(field, &mine),
                    &self.show_value(field, v),
                    &src,
                ],
            ));
        }
        out
    }

    /// The interview's own details changed on both sides, one line per field, with
    /// where the other value comes from.
    pub fn fields_conflict_lines(
        &self,
        iv: &crate::model::Interview,
        show_names: bool,
    ) -> Vec<String> {
        use crate::i18n::fill;
        if iv.fields_conflict.is_empty() {
            return Vec::new();
        }
        let src = match &iv.source {
            Some(s) => {
                let c = crate::model::NoteConflict {
                    source: s.file.clone(),
                    at: Some(s.at),
                    ..Default::default()
                };
                self.conflict_source(&c, show_names)
            }
            None => self.source_file.to_string(),
        };
        let mine = serde_json::to_value(iv.fields()).unwrap_or_default();
        iv.fields_conflict
            .iter()
            .map(|(field, v)| {
                let at = match field.as_str() {
                    "partner_kind" => "/kind".to_string(),
                    f => format!("/{}", f.replace('.', "/")),
                };
                let hide = field == "interviewee" && !show_names;
                let show = |x: &serde_json::Value| {
                    if hide {
                        self.hidden_name.to_string()
                    } else if field == "partner_kind" {
                        serde_json::from_value::<crate::model::PartnerKind>(x.clone())
                            .map(|k| self.kind(k).to_string())
                            .unwrap_or_else(|_| x.to_string())
                    } else {
                        self.show_value(field, x)
                    }
                };
                fill(
                    self.conflict_field,
                    &[
                        self.field_name(field),
                        &show(mine.pointer(&at).unwrap_or(&serde_json::Value::Null)),
                        &show(v),
                        &src,
                    ],
                )
            })
            .collect()
    }

    /// What a repair of duplicate ids on load did, one line each.
    pub fn repairs(
        &self,
        repairs: &[crate::model::merge::IdRepair],
        show_names: bool,
    ) -> Vec<String> {
        use crate::model::merge::IdRepair;
        repairs
            .iter()
            .map(|r| match r {
                IdRepair::Interview { label } => crate::i18n::fill(
                    self.repaired_interview,
                    &[if show_names { label } else { self.hidden_name }],
                ),
                IdRepair::Note { interview } => crate::i18n::fill(
                    self.repaired_note,
                    &[if show_names {
                        interview
                    } else {
                        self.hidden_name
                    }],
                ),
            })
            .collect()
    }

    /// A warning when an interview file is for another round than the session.
    pub fn other_round(
        &self,
        file: &crate::model::interview_file::InterviewFile,
        session: &crate::model::Session,
        who: &str,
    ) -> Option<String> {
        let round = file.round?;
        if round == session.intake.round {
            return None;
        }
        let who = if who.trim().is_empty() {
            self.unnamed
        } else {
            who.trim()
        };
        Some(crate::i18n::fill(
            self.rep_other_round,
            &[who, &round.to_string(), &session.intake.round.to_string()],
        ))
    }
}
