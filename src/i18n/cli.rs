//! The command line's help in Dutch (`volgspot --help`, the default language). The
//! English help is the doc comments in `main.rs`; these replace it, by the argument's
//! and the command's id, when the UI language is Dutch (`--lang`, `VOLGSPOT_LANG`).

/// `(argument id, help)`.
pub type ArgHelp = (&'static str, &'static str);

/// The options every command has.
pub const GLOBAL_ARGS: &[ArgHelp] = &[
    ("lang", "Taal van de schermen: nl (standaard) of en."),
    (
        "theme",
        "Kleuren: donker (standaard), licht (voor een beamer), of een themabestand.",
    ),
    (
        "method",
        "Een eigen methodebestand (JSON, zoals assets/method.nl.json).",
    ),
];

pub const ABOUT: &str = "Volgspot: een gestructureerde reflectie op een regionaal zorgpact";

pub const LONG_ABOUT: &str = "Zonder opdracht: het startscherm met de sessies in de sessiemap.\n\
    Sessiemap: $VOLGSPOT_DIR, anders de gegevensmap van het systeem.";

/// `(command, about, [(argument id, help)])`.
pub const COMMANDS: &[(&str, &str, &[ArgHelp])] = &[
    (
        "new",
        "Maak een nieuwe sessie en open die.",
        &[
            ("pact", "De naam van het pact."),
            ("round", "Volgspotronde: 1, 2 of 3."),
            (
                "from",
                "De volgende ronde van het pact van deze sessie: neemt intake, driehoek, \
                 wiel en voornemens mee, en houdt deze ronde als vergelijking.",
            ),
        ],
    ),
    (
        "open",
        "Open een sessiebestand, waar het ook staat.",
        &[("path", "Pad van een .volgspot.json-bestand.")],
    ),
    (
        "demo",
        "Open een kladkopie van de ingebouwde voorbeeldsessie.",
        &[],
    ),
    (
        "bench-data",
        "Schrijf een gegenereerde sessie om te meten (maten: typical, large).",
        &[
            ("portfolio", "30 pacten × 3 rondes, in de map van -o."),
            (
                "output",
                "Waar het sessiebestand komt (met --portfolio: de map).",
            ),
        ],
    ),
    (
        "export",
        "Schrijf de rapportage: intern (standaard) of de publieksversie (--public).",
        &[
            ("session", "Pad van een .volgspot.json-bestand."),
            (
                "public",
                "De publieksversie: alleen wat openbaar en goedgekeurd is.",
            ),
            ("format", "md, html, docx (Word) of csv."),
            (
                "output",
                "Waarheen (standaard: naast de sessie, bv. <naam>.intern.md).",
            ),
        ],
    ),
    (
        "overzicht",
        "Overzicht van alle pacten in een map (standaard de sessiemap): rondes, fasen, \
         voornemens, pacten per fase per halfjaar, belemmeringen en succesfactoren.",
        &[
            ("dir", "De map met sessiebestanden."),
            ("format", "md, html, docx (Word) of csv."),
            (
                "output",
                "Waarheen (standaard: overzicht.<formaat> in de map).",
            ),
        ],
    ),
    (
        "interview",
        "Interviewermodus zonder sessie: de notities van één interview, bewaard als \
         interviewbestand in de sessiemap.",
        &[
            ("pact", "Het pact waar het interview over gaat."),
            ("interviewer", "Je eigen naam, bewaard bij het interview."),
            (
                "round",
                "De Volgspotronde (1, 2 of 3) van het interview; de import controleert die.",
            ),
            ("list", "Toon de interviews in de sessiemap en stop."),
            (
                "file",
                "Open een bestaand .interview.json-bestand (of het interview met deze \
                 naam in de sessiemap) in plaats van een nieuw te beginnen.",
            ),
        ],
    ),
    (
        "zaal",
        "Het scherm voor de zaal (beamer): alleen lezen, volgt het scherm van de \
         gespreksleider bij dezelfde sessie (standaard de laatst bewaarde sessie in de map).",
        &[("session", "Pad van een .volgspot.json-bestand.")],
    ),
    (
        "import",
        "Voeg interviewbestanden samen in een sessie (niet terwijl de sessie open is).",
        &[
            ("session", "Het .volgspot.json-sessiebestand."),
            ("files", "Een of meer .interview.json-bestanden."),
            (
                "anyway",
                "Importeer bestanden van een ander pact of andere ronde zonder te vragen.",
            ),
        ],
    ),
];
