#!/usr/bin/env python3
"""Writes sessions/voorbeeld.volgspot.json: a fictional pact, used by `volgspot demo`,
the README and the tests. Ids are fixed so tests and golden files stay stable."""
import json, uuid

NS = uuid.UUID("6f1c1e2a-0000-4000-8000-000000000000")
def i(name): return str(uuid.uuid5(NS, name))

partners = [
    ("Zorggroep De Linde", "zorg", "trekker", "M. de Vries"),
    ("Thuiszorg Rivierenland", "zorg", "deelnemer", "S. Yilmaz"),
    ("ROC Rivierenland", "onderwijs", "trekker", "J. Bakker"),
    ("Hogeschool Waal en Linge", "onderwijs", "focusgroep", "A. Jansen"),
    ("Gemeente Lingewaard-West", "overheid", "focusgroep", "P. Mulder"),
    ("Werkgeversvereniging Zorg Rivierenland", "anders", "deelnemer", "K. Visser"),
]
notes_a = [
    ("Het pact wil voldoende goed opgeleide professionals voor zorg dichter bij huis.", "waarom", "observatie", False, "niet_gevraagd"),
    ("“We hebben elkaar gevonden, nu moeten we samen gaan leveren.”", "hoe", "citaat", True, "akkoord"),
    ("Bestuurders zien de urgentie, maar ieder vooral voor de eigen organisatie.", "proces", "belemmering", False, "niet_gevraagd"),
    ("Leerwerkplekken in de wijk lopen goed; studenten blijven vaker werken.", "voortgang", "succesfactor", True, "niet_gevraagd"),
]
notes_b = [
    ("Zorgtechnologie komt nog nauwelijks terug in het curriculum.", "wat", "belemmering", False, "niet_gevraagd"),
    ("Maak een gezamenlijke leerlijn zorg en technologie met het ROC.", "wat", "verbeteridee", True, "niet_gevraagd"),
    ("“Zonder de gemeente aan tafel blijft het een zaak van zorg en onderwijs.”", "hoe", "citaat", False, "geweigerd"),
]
# A note edited both in the session and in the interviewer's file: the merge kept both.
conflicts = {"b-0": "Zorgtechnologie komt nog nauwelijks terug in het curriculum van het mbo; wel in keuzedelen."}
# An approval records the words approved and when (schema 3).
def approved(t, ap):
    return {"text": t, "at": "2026-11-10T10:00:00+01:00"} if ap == "akkoord" else None
def notes(prefix, rows):
    out = []
    for n, (t, a, k, p, ap) in enumerate(rows):
        note = {"id": i(f"{prefix}-{n}"), "text": t, "area": a, "kind": k, "corner": None,
                "phase": None, "focus_areas": [], "public": p, "approval": ap,
                "conflict": None, "base": None}
        if approved(t, ap):
            note["approved"] = approved(t, ap)
        other = conflicts.get(f"{prefix}-{n}")
        if other:
            note["conflict"] = {"text": other, "fields": {}, "deleted_by": None,
                                "source": "", "at": None}
        out.append(note)
    return out

# The analysis triangle as the stuurgroep filled it in (fictional): (place, title, detail,
# focus areas, innovation, owner, partners, votes, evidence note ids).
tri_rows = [
    ("ambities", "Voldoende zorgprofessionals dicht bij huis", "Tekort in de wijkzorg is het gedeelde vertrekpunt.", ["Leren in de praktijk"], None, "", "", 6, ["a-0"]),
    ("ambities", "Zorgtechnologie een vaste plek in opleiding en werk", "", ["Zorg en technologie"], None, "", "", 4, ["b-0", "b-1"]),
    ("ambities", "Leven lang leren voor zittend personeel", "", ["Permanent leren"], None, "", "", 3, []),
    ("ambities", "Gemeenten als volwaardige partner aan tafel", "", [], None, "", "", 2, ["b-2"]),
    ("projecten", "Leerwerkplekken in de wijk", "Studenten mbo en hbo leren in wijkteams, begeleid door praktijkopleiders.", ["Leren in de praktijk"], "sociaal_organisatorisch", "Zorggroep De Linde", "ROC Rivierenland, Thuiszorg Rivierenland", 5, ["a-3"]),
    ("projecten", "Leerlijn zorg en technologie", "", ["Zorg en technologie"], "technologisch", "ROC Rivierenland", "Hogeschool Waal en Linge", 4, ["b-1"]),
    ("projecten", "Scholingsfonds voor zij-instromers", "", ["Permanent leren"], "sociaal_organisatorisch", "Werkgeversvereniging Zorg Rivierenland", "Gemeente Lingewaard-West", 2, []),
    ("resultaten", "20% meer studenten blijft na de opleiding in de regio werken", "", ["Leren in de praktijk"], None, "", "", 5, []),
    ("resultaten", "Elke zorgopleiding heeft een module zorgtechnologie", "", ["Zorg en technologie"], None, "", "", 3, []),
    ("resultaten", "Een gedeelde arbeidsmarktmonitor", "", [], None, "", "", 1, []),
    ("vertalen", "Per ambitie één kartrekker en een jaarplan", "", [], None, "", "", 3, []),
    ("factoren", "Succes: korte lijnen tussen zorg en ROC", "", [], None, "", "", 2, ["a-1"]),
    ("factoren", "Faalfactor: ieder kijkt vooral naar de eigen organisatie", "", [], None, "", "", 4, ["a-2"]),
    ("waarstaan", "De eerste projecten lopen; de gemeenten sluiten nog niet aan", "", [], None, "", "", 2, []),
]
triangle = {
    "items": [{"id": i(f"tri-{n}"), "place": pl, "title": t, "detail": d, "focus_areas": fa,
               "innovation": inn, "owner": o, "partners": pa, "votes": v, "public": True,
               "evidence": [i(e) for e in ev]}
              for n, (pl, t, d, fa, inn, o, pa, v, ev) in enumerate(tri_rows)],
    "own_focus_areas": ["Wijkgericht werken"],
    "kader": {"vraagstuk": "Te weinig goed toegeruste zorgprofessionals in de wijk, nu en straks.",
              "tijdshorizon": "2030"},
}

doc = {
  "schema_version": 4,
  "id": i("session"),
  "created": "2026-10-01T09:00:00+02:00",
  "updated": "2026-11-20T16:30:00+01:00",
  "intake": {
    "pact_name": "Zorgpact Rivierenland-West",
    "region_description": "Het Zorgpact Rivierenland-West is in 2025 opgericht door zorg- en welzijnsorganisaties, het ROC, de hogeschool en drie gemeenten.\nHet pact richt zich op voldoende en goed toegeruste professionals voor zorg dichter bij de burger, met leren in de wijk als kern.",
    "round": 1,
    "session_date": "2026-11-26",
    "start_time": "14:00",
    "place": "Gemeentehuis Lingewaard-West",
    "meeting": "Stuurgroep",
    "facilitators": "R. de Boer",
    "interviewers": "L. Smit",
    "ambition": {"text": "Samen zorgen we dat iedere inwoner zorg krijgt van professionals die goed voorbereid zijn op de zorg van morgen.", "source": "Pacttekst, mei 2025"},
    "partners": [{"id": i(f"partner-{n}"), "organisation": o, "kind": k, "role": r, "contact": c} for n, (o, k, r, c) in enumerate(partners)],
    "documents": [
      {"id": i("doc-0"), "title": "Pacttekst Zorgpact Rivierenland-West", "kind": "Pact", "date": "2025-05-12", "key_points": "Ambitie, partners, vier thema's."},
      {"id": i("doc-1"), "title": "Jaarplan 2026", "kind": "Plan", "date": "2026-01-15", "key_points": "Leerwerkplekken in de wijk; zorgtechnologie."}
    ],
    "observations": {"waarom": "Tekort aan professionals in de wijkzorg is het gedeelde vertrekpunt.", "hoe": "Focusgroep met wisselend gastheerschap."}
  },
  "interviews": [
    {"id": i("interview-a"), "interviewee": "Marieke de Vries", "organisation": "Zorggroep De Linde", "role": "bestuurlijk trekker", "kind": "zorg", "date": "2026-11-03", "interviewer": "L. Smit", "consent": {"quotes_public": True, "with_name": True}, "notes": notes("a", notes_a)},
    {"id": i("interview-b"), "interviewee": "Jeroen Bakker", "organisation": "ROC Rivierenland", "role": "deelprojectleider", "kind": "onderwijs", "date": "2026-11-05", "interviewer": "L. Smit", "consent": {"quotes_public": False, "with_name": False}, "notes": notes("b", notes_b)}
  ],
  "triangle": triangle,
  "wheel": {"renames": {}, "placement": {"phase": "richten", "cycle": 1, "motivation": "De eerste projecten zijn zichtbaar; nu de inzet richten op gezamenlijke doelen.", "public": True},
            # Onderwijs sees the pact still framing the challenge: the facilitator's conversation.
            "per_kind": {"zorg": "richten", "onderwijs": "kaderen", "overheid": "richten"},
            "activities": {
              "bewustzijn": {"status": "gereed", "note": "", "evidence": [i("a-0")]},
              "startpunt": {"status": "gereed", "note": "Knelpuntenanalyse wijkzorg 2025.", "evidence": []},
              "coalitie": {"status": "bezig", "note": "Gemeenten nog niet aan tafel.", "evidence": [i("b-2")]},
              "pad": {"status": "bezig", "note": "", "evidence": []},
              "middelen": {"status": "niet_gestart", "note": "", "evidence": []}
            }},
  "intentions": [
    {"id": i("intention-0"), "text": "een gezamenlijke leerlijn zorg en technologie uitgewerkt", "owner": "ROC Rivierenland", "due": "2027-06-01", "link": "richten", "public": True},
    {"id": i("intention-1"), "text": "een gesprekspartner vanuit de gemeenten georganiseerd", "owner": "", "due": "", "link": None, "public": True}
  ],
  "agenda": {"blocks": [], "clock": {}}
}
json.dump(doc, open("sessions/voorbeeld.volgspot.json", "w"), indent=2, ensure_ascii=False)
