//! Round trips: any session, whatever text its fields hold (unicode, quotes, back-
//! slashes, newlines, control characters), saves and loads back equal.

use proptest::collection::{btree_map, vec};
use proptest::prelude::*;
use volgspot::model::*;
use volgspot::store;

/// Text as people paste it, and worse.
fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[\"\\\\\n\r\t '’“”éëĳ€😀\u{0}\u{7f}\u{200b}a-zA-Z0-9]{0,24}",
    ]
}

fn id() -> impl Strategy<Value = Id> {
    text().prop_map(Id)
}

fn kind() -> impl Strategy<Value = PartnerKind> {
    prop::sample::select(PartnerKind::ALL.to_vec())
}

fn note() -> impl Strategy<Value = Note> {
    (
        (id(), text(), text(), 0..5usize),
        (prop::option::of(text()), prop::option::of(text())),
        (
            vec(text(), 0..3),
            any::<bool>(),
            0..3usize,
            prop::option::of(text()),
        ),
    )
        .prop_map(
            |((id, text, area, k), (corner, phase), (focus_areas, public, a, conflict))| Note {
                id,
                area,
                kind: [
                    NoteKind::Observatie,
                    NoteKind::Succesfactor,
                    NoteKind::Belemmering,
                    NoteKind::Citaat,
                    NoteKind::Verbeteridee,
                ][k],
                corner,
                phase,
                focus_areas,
                public,
                approval: [
                    Approval::NietGevraagd,
                    Approval::Akkoord,
                    Approval::Geweigerd,
                ][a],
                approved: (a == 1).then(|| volgspot::model::Approved {
                    text: text.clone(),
                    at: None,
                }),
                text,
                conflict: conflict.map(|c: String| c.as_str().into()),
                base: None,
                file_id: None,
            },
        )
}

fn interview() -> impl Strategy<Value = Interview> {
    (
        (id(), text(), text(), text(), kind()),
        (text(), text(), any::<bool>(), any::<bool>(), text()),
        vec(note(), 0..4),
    )
        .prop_map(
            |(
                (id, interviewee, organisation, role, kind),
                (date, interviewer, qp, wn, draft),
                notes,
            )| {
                Interview {
                    id,
                    interviewee,
                    organisation,
                    role,
                    kind,
                    date,
                    interviewer,
                    consent: Consent {
                        quotes_public: qp,
                        with_name: wn,
                        // Coarse only without a name, as the form offers it.
                        coarse: qp && !wn,
                    },
                    notes,
                    base: Some(volgspot::model::InterviewFields {
                        interviewee: "b".into(),
                        ..Default::default()
                    }),
                    draft,
                    ..Interview::default()
                }
            },
        )
}

fn partner() -> impl Strategy<Value = Partner> {
    (id(), text(), kind(), text(), text()).prop_map(|(id, organisation, kind, role, contact)| {
        Partner {
            id,
            organisation,
            kind,
            role,
            contact,
        }
    })
}

fn triangle_item() -> impl Strategy<Value = TriangleItem> {
    (
        (id(), text(), text(), text(), vec(text(), 0..3)),
        (0..3usize, text(), text(), any::<i32>(), any::<bool>()),
        vec(id(), 0..3),
    )
        .prop_map(
            |(
                (id, place, title, detail, focus_areas),
                (inn, owner, partners, votes, public),
                evidence,
            )| {
                TriangleItem {
                    id,
                    place,
                    title,
                    detail,
                    focus_areas,
                    innovation: [
                        None,
                        Some(Innovation::Technologisch),
                        Some(Innovation::SociaalOrganisatorisch),
                    ][inn],
                    owner,
                    partners,
                    votes,
                    public,
                    evidence,
                    carried_from: None,
                }
            },
        )
}

fn intention() -> impl Strategy<Value = Intention> {
    (
        id(),
        text(),
        text(),
        text(),
        prop::option::of(text()),
        any::<bool>(),
    )
        .prop_map(|(id, text, owner, due, link, public)| Intention {
            id,
            text,
            owner,
            due,
            link,
            public,
            ..Intention::default()
        })
}

fn moment() -> impl Strategy<Value = time::OffsetDateTime> {
    (0i64..4_102_444_800, 0u32..1_000_000_000, -12i8..14).prop_map(|(secs, nanos, h)| {
        (time::OffsetDateTime::from_unix_timestamp(secs).unwrap()
            + time::Duration::nanoseconds(nanos.into()))
        .to_offset(time::UtcOffset::from_hms(h, 0, 0).unwrap())
    })
}

fn session() -> impl Strategy<Value = Session> {
    (
        (id(), moment(), moment()),
        (
            vec(text(), 9),
            1u8..=3,
            vec(partner(), 0..4),
            btree_map(text(), text(), 0..3),
        ),
        vec(interview(), 0..3),
        (vec(triangle_item(), 0..4), btree_map(text(), text(), 0..3)),
        (
            vec(intention(), 0..3),
            btree_map(text(), text(), 0..3),
            text(),
        ),
    )
        .prop_map(
            |(
                (id, created, updated),
                (f, round, partners, observations),
                interviews,
                (items, kader),
                (intentions, renames, motivation),
            )| {
                let mut s = Session::new("", round, created);
                s.id = id;
                s.updated = updated;
                let i = &mut s.intake;
                i.pact_name = f[0].clone();
                i.region_description = f[1].clone();
                i.session_date = f[2].clone();
                i.start_time = f[3].clone();
                i.place = f[4].clone();
                i.meeting = f[5].clone();
                i.facilitators = f[6].clone();
                i.interviewers = f[7].clone();
                i.ambition = Quote {
                    text: f[8].clone(),
                    source: f[0].clone(),
                };
                i.partners = partners;
                i.observations = observations;
                s.interviews = interviews.into_iter().map(Into::into).collect();
                s.triangle.items = items;
                s.triangle.kader = kader;
                s.intentions = intentions;
                s.wheel.renames = renames;
                s.wheel.placement.motivation = motivation;
                s
            },
        )
}

proptest! {
    // Every case fsyncs three times; 64 through the disk, many more through the parser.
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn a_saved_session_loads_back_equal(s in session()) {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("r.volgspot.json");
        store::save_session(&path, &s).unwrap();
        let (back, migrated) = store::load_session(&path).unwrap();
        prop_assert!(!migrated);
        prop_assert_eq!(back, s);
    }

}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    /// The parser alone, on many more cases (no disk).
    #[test]
    fn serialised_sessions_parse_back_equal(s in session()) {
        let text = String::from_utf8(store::to_json(&s)).unwrap();
        prop_assert_eq!(store::parse_session(&text).unwrap().0, s);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Whatever the session holds, both reports render in every format, in both
    /// languages, and the checklist can be made: export never panics.
    #[test]
    fn export_never_panics(s in session()) {
        use volgspot::export::{self, Format};
        use volgspot::i18n::Lang;
        use volgspot::method::Method;
        for lang in [Lang::Nl, Lang::En] {
            let method = Method::builtin(lang);
            for public in [false, true] {
                let report = export::build(&s, &method, lang, public);
                for format in [Format::Markdown, Format::Html, Format::Csv] {
                    prop_assert!(export::render(&report, format).is_ok());
                }
            }
            let _ = export::gaps(&s, &method);
        }
    }
}
