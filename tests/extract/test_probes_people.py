"""Probe documents for persons, organisations and meetings (not corpus text): minutes with header
lines ("Voorzitter:", "Secretaris:", "Notulist:"), an attendance list one person a line with
academic titles and initials, "Afwezig met kennisgeving:", speaker turns in many phrasings and
"Agendapunt 3 – ..." items; a magazine conversation with "Tekst: ... | Beeld: ..." credits, roles
before and after names (with an age and a comma), particles glued or with an apostrophe, double
surnames with a particle after the hyphen, "X en Y werken bij Z", and look-alikes (a "Foto" line,
street and place names, a boxed "MEER WETEN?"); committee minutes with "Ad 3." items, "dhr."/"mw."
speaker turns, a guest speaker, organisations by legal form, foundation, school and inspectorate, a
product name ("Microsoft Teams") and action points after the close; a markdown dossier with emphasised
credits, a quote's attribution line, organisation-prefixed roles, a former minister, a capitalised
portfolio between role and name, a "Foto" line, month and street look-alikes and a colophon; a
verbatim record with "Voorzitter:" turns, "1)" items, a chair "voorgezeten door", attendance headings
without a colon and a working group "onder leiding van" after the close; a magazine Q&A with "Hamer:"
answers, a profile box ("Naam:", "Functie:"), a photo caption with (links)/(rechts), a bracket naming a
unit of a known organisation and a care group; PDF minutes with a letterhead in capitals, attendance
lines per group ("Kroonleden: ..."), hyphenated line breaks and a running page header; markdown minutes
with bold header labels, an attendance table and bold or italic speaker names; the facts an analyst would expect, end to end."""
from __future__ import annotations

import pytest

from polder.extract.pipeline import extract_file

from test_probes import PROBES, labels, memberships, relations  # the probes' shared helpers

NAMES = ("notulen_titels_en_beurten", "magazine_gesprek_rotterdam", "notulen_commissie_ad_punten",
         "magazine_dossier_vakmanschap", "notulen_woordelijk_verslag", "magazine_vraaggesprek_profiel",
         "notulen_pdf_geledingen", "notulen_markdown_tabel")


@pytest.fixture(scope="module")
def extracted():
    return {name: extract_file(next(PROBES.glob(f"{name}.*"))) for name in NAMES}


def represents(ex) -> set[tuple[str, str]]:
    return {(r.subject, r.value.key) for r in ex.relations if r.prop == "polder:represents"}


def speakers(ex, number: str) -> set[str]:
    return {person for item, person in relations(ex, "polder:speaker") if item == number}


def test_minutes_header_lines_give_chair_secretary_and_minute_taker(extracted):
    ex = extracted["notulen_titels_en_beurten"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-11-14"
    assert relations(ex, "polder:chair") == {("meeting", "person/w-h-kuipers")}  # "Voorzitter: prof. dr. W.H. Kuipers"
    roles = memberships(ex)
    assert ("person/l-m-schouten-baars", "role/secretaris", None) in roles
    assert ("person/s-de-graaf", "role/notulist", None) in roles
    # a role that labels the next line is no role of the name above it
    assert not {(p, r) for p, r, _ in roles if p == "person/w-h-kuipers" and r != "role/voorzitter"}
    assert not {(p, r) for p, r, _ in roles if p == "person/l-m-schouten-baars" and r == "role/notulist"}


def test_attendance_list_with_titles_initials_and_namens(extracted):
    ex = extracted["notulen_titels_en_beurten"]
    assert {"A.B. de Vries-Janssen", "J. van 't Hof", "K. El Khatib", "R. van der Berg", "E. Öztürk",
            "T. Ünal"} <= labels(ex, "Person")
    assert {("person/a-b-de-vries-janssen", "role/kroonlid", "org/ser"),
            ("person/j-van-t-hof", "role/kroonlid", "org/ser")} <= memberships(ex)
    assert {("person/k-el-khatib", "org/mkb-nederland"), ("person/r-van-der-berg", "org/vno-ncw"),
            ("person/e-ozturk", "org/fnv"), ("person/t-unal", "org/cnv")} <= represents(ex)
    assert {("meeting", "person/h-verbruggen"), ("meeting", "person/p-dijkhuizen")} <= relations(
        ex, "polder:absentWithApologies")
    assert ("meeting", "person/t-unal") in relations(ex, "polder:welcomed")


def test_agenda_items_with_a_dash_and_speaker_turns(extracted):
    ex = extracted["notulen_titels_en_beurten"]
    items = {e.props[0][1]: e.label for e in ex.entities.values() if e.cls == "AgendaItem"}
    assert items == {"1": "Opening en mededelingen", "2": "Vaststelling verslag",
                     "3": "Advies Arbeidsmigratie in goede banen", "4": "Werkprogramma 2026",
                     "5": "Rondvraag", "6": "Sluiting"}
    # given the floor, remarks, a question, "Kroonlid Van 't Hof wijst erop", a question answered
    assert {"person/a-b-de-vries-janssen", "person/r-van-der-berg", "person/e-ozturk", "person/j-van-t-hof",
            "person/k-el-khatib", "person/t-unal"} <= speakers(ex, "3")
    assert "person/l-m-schouten-baars" in speakers(ex, "4")
    assert not speakers(ex, "2") and not speakers(ex, "5")


def test_minutes_look_alikes_are_no_persons(extracted):
    ex = extracted["notulen_titels_en_beurten"]
    persons = labels(ex, "Person")
    # "Volgens Den Haag", "te Den Haag", "Mevrouw de voorzitter", "Januari en februari", "Daarnaast"
    assert not {p for p in persons if p.split()[0] in ("Den", "Januari", "Daarnaast", "Mededelingen", "Mevrouw")}
    assert not {p for p in persons if "voorzitter" in p.lower() or "Advies" in p}
    assert persons == {"W.H. Kuipers", "L.M. Schouten-Baars", "S. de Graaf", "A.B. de Vries-Janssen", "J. van 't Hof",
                       "K. El Khatib", "R. van der Berg", "E. Öztürk", "T. Ünal", "H. Verbruggen", "P. Dijkhuizen"}


def test_magazine_credits_with_colons_and_particles(extracted):
    ex = extracted["magazine_gesprek_rotterdam"]
    assert {"Mirjam d'Ancona", "Sven van 't Veer"} <= labels(ex, "Person")  # "Tekst: ... | Beeld: ..."


def test_magazine_roles_before_and_after_names(extracted):
    ex = extracted["magazine_gesprek_rotterdam"]
    assert {"Ahmed Bouali", "Eva Smit", "Tuur Elzinga", "Kim Putters", "Van Hijum", "Kerem Çelik",
            "Selin Ünal-de Bruijn", "Joris van der Meulen-Kaya"} <= labels(ex, "Person")
    heads = {(r.subject, r.value.key) for r in ex.relations if r.prop == "org:headOf"}
    assert {("person/eva-smit", "org/havenlogistiek-smit"),  # "Eva Smit (38), CEO van Havenlogistiek Smit B.V."
            ("person/tuur-elzinga", "org/fnv"), ("person/kim-putters", "org/ser")} <= heads
    roles = memberships(ex)
    # "wethouder van Rotterdam" in a text that names the gemeente Rotterdam; the bare "wethouder" of the
    # box below says nothing more and goes
    assert not {m for m in roles if m[0] == "person/ahmed-bouali" and m[2] is None}
    assert {("person/ahmed-bouali", "role/wethouder", "org/gemeente-rotterdam"),
            ("person/van-hijum", "role/minister", "org/szw"),
            ("person/joris-van-der-meulen-kaya", "role/onderzoeker", "org/uva")} <= roles
    members = {(r.subject, r.value.key) for r in ex.relations if r.prop == "org:memberOf"}
    assert {("person/selin-unal-de-bruijn", "org/nla"),  # "Kerem Çelik en Selin Ünal-de Bruijn werken allebei bij
            ("person/kerem-celik", "org/nla")} <= members  # de Arbeidsinspectie"


def test_magazine_organisations_in_ordinary_words(extracted):
    ex = extracted["magazine_gesprek_rotterdam"]
    organisations = {k for k, e in ex.entities.items() if e.cls in ("Organisation", "Committee", "AdvisoryBody")}
    assert {"org/gemeente-rotterdam", "org/gemeente-utrecht", "org/provincie-groningen", "org/uwv",
            "org/hogeschool-rotterdam", "org/havenlogistiek-smit", "org/stichting-techniekpact-rijnmond",
            "org/nla", "org/uva", "org/cpb", "org/eur", "org/fnv", "org/szw"} <= organisations


def test_magazine_surnames_beside_speech_cues_are_mentions_of_the_full_names(extracted):
    ex = extracted["magazine_gesprek_rotterdam"]
    text = (PROBES / "magazine_gesprek_rotterdam.txt").read_text(encoding="utf-8")
    written = {(m.key, text[m.span.start:m.span.end]) for m in ex.mentions if m.key.startswith("person/")}
    assert {("person/eva-smit", "Smit"), ("person/tuur-elzinga", "Elzinga"), ("person/kim-putters", "Putters"),
            ("person/kerem-celik", "Çelik"), ("person/selin-unal-de-bruijn", "Ünal-de Bruijn"),
            ("person/joris-van-der-meulen-kaya", "Van der Meulen-Kaya")} <= written
    assert "person/smit" not in ex.entities and "person/putters" not in ex.entities


def test_magazine_look_alikes_are_no_persons_or_organisations(extracted):
    ex = extracted["magazine_gesprek_rotterdam"]
    persons = labels(ex, "Person")
    assert not {p for p in persons if any(w in p for w in ("Foto", "Rotterdam", "Slinge", "Zuidplein", "Meer",
                                                           "Werk", "Twintig", "Daarnaast", "Volgens"))}
    assert len(persons) == 10
    organisations = {e.label for e in ex.entities.values() if e.cls in ("Organisation", "Committee")}
    assert not {o for o in organisations if "Slinge" in o or "Zuidplein" in o or o.startswith("Werk in")}


def test_committee_minutes_with_ad_items_and_abbreviated_titles(extracted):
    ex = extracted["notulen_commissie_ad_punten"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-09-09"
    items = {e.props[0][1]: e.label for e in ex.entities.values() if e.cls == "AgendaItem"}
    assert items == {"1": "Opening en vaststelling agenda", "2": "Verslag vorige vergadering",
                     "3": "Conceptadvies Wendbare arbeidsmarkt", "4": "Onderzoek Hogeschool Rotterdam",
                     "5": "Rondvraag en sluiting"}
    assert relations(ex, "polder:chair") == {("meeting", "person/h-mulder")}
    aydin = next(k for k, e in ex.entities.items() if e.label == "N. Aydın")
    assert {"person/f-bakker-de-lange", "person/j-vermeulen", aydin, "person/p-de-jong"} <= speakers(ex, "3")
    assert "person/m-lindeman" in speakers(ex, "2")  # "Naar aanleiding van het verslag meldt mw. Lindeman"
    assert {"person/sanne-hoekstra", "person/j-vermeulen"} <= speakers(ex, "4")  # a guest, and a question
    assert "person/j-vermeulen" not in speakers(ex, "5")  # the action points come after the close
    assert ("meeting", "person/b-kramer") in relations(ex, "polder:absentWithApologies")


def test_committee_minutes_persons_and_their_organisations(extracted):
    ex = extracted["notulen_commissie_ad_punten"]
    # "Mw. Bakker-de Lange" is the "F. Bakker-de Lange" of the attendance list
    assert "person/bakker-de-lange" not in ex.entities
    assert {("person/f-bakker-de-lange", "org/fnv"), ("person/j-vermeulen", "org/vno-ncw"),
            ("person/b-kramer", "org/mkb-nederland")} <= represents(ex)
    assert {("person/sanne-hoekstra", "role/lector", "org/hogeschool-rotterdam"),
            ("person/p-de-jong", "role/kroonlid", "org/ser"),
            ("person/m-lindeman", "role/secretaris", None)} <= memberships(ex)


def test_committee_minutes_organisations_and_a_product_name(extracted):
    ex = extracted["notulen_commissie_ad_punten"]
    organisations = {k for k, e in ex.entities.items() if e.cls in ("Organisation", "Committee", "AdvisoryBody")}
    assert {"org/ser/ser-commissie-sociaal-economische-aangelegenheden", "org/szw", "org/uwv", "org/nla",
            "org/hogeschool-rotterdam", "org/stichting-loopbaan-zuid-holland", "org/roc-albeda", "org/ing",
            "org/inspectie-van-het-onderwijs", "org/cpb"} <= organisations
    assert "org/microsoft" not in organisations  # "Locatie: Microsoft Teams" names a product
    assert not {o for o in organisations if "actiepunt" in o or "besluit" in o}


def test_markdown_dossier_persons_and_roles(extracted):
    ex = extracted["magazine_dossier_vakmanschap"]
    assert ex.doc.kind == "magazine"
    persons = labels(ex, "Person")
    assert {"Lieke van der Wal-Bos", "Joost Leenders", "Mohamed El Ouardi", "Piet Fortuin", "Ingrid Thijssen",
            "Karien van Gennip", "Hanna Kowalczyk", "Wouter Sibbel"} <= persons
    heads = {(r.subject, r.value.key) for r in ex.relations if r.prop == "org:headOf"}
    assert {("person/piet-fortuin", "org/cnv"), ("person/ingrid-thijssen", "org/vno-ncw")} <= heads
    assert {("person/mohamed-el-ouardi", "role/teamleider", "org/vdl-groep"),
            ("person/hanna-kowalczyk", "role/hr-directeur", "org/asml"),
            # "Directeur Arbeidsmarkt Wouter Sibbel van het UWV": the portfolio is no first name
            ("person/wouter-sibbel", "role/directeur", "org/uwv")} <= memberships(ex)
    # "oud-minister Karien van Gennip" is no minister now
    assert not {m for m in memberships(ex) if m[0] == "person/karien-van-gennip"}


def test_markdown_dossier_organisations(extracted):
    ex = extracted["magazine_dossier_vakmanschap"]
    organisations = {k for k, e in ex.entities.items() if e.cls in ("Organisation", "Committee", "AdvisoryBody")}
    assert {"org/asml", "org/cnv", "org/vno-ncw", "org/uwv", "org/vdl-groep", "org/summa-college",
            "org/fontys-hogescholen", "org/gemeente-eindhoven", "org/roc-ter-aa",
            "org/stichting-brabantse-ontwikkelings-maatschappij"} <= organisations


def test_markdown_dossier_look_alikes(extracted):
    ex = extracted["magazine_dossier_vakmanschap"]
    persons = labels(ex, "Person")
    # a "Foto" line above a caption, headings in capitals, months, streets, a colophon's studio
    assert not {p for p in persons if any(w in p for w in ("Foto", "Werkplaats", "Summa", "Juni", "Maart",
                                                           "Stationsweg", "Kennedylaan", "Studio", "Arbeidsmarkt",
                                                           "MAAKINDUSTRIE", "Kort", "Colofon"))}
    organisations = {e.label for e in ex.entities.values() if e.cls in ("Organisation", "Committee")}
    assert not {o for o in organisations if any(w in o for w in ("Studio", "Techniekhuis", "Stationsweg", "Excel"))}


def test_verbatim_record_chair_items_and_turns(extracted):
    ex = extracted["notulen_woordelijk_verslag"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-03-21"
    assert relations(ex, "polder:chair") == {("meeting", "person/m-a-hamer")}  # "wordt voorgezeten door"
    items = {e.props[0][1]: e.label for e in ex.entities.values() if e.cls == "AgendaItem"}
    assert items == {"1": "Opening", "2": "Sociaal Akkoord 2025", "3": "Sluiting"}
    assert speakers(ex, "2") == {"person/m-a-hamer", "person/tuur-elzinga", "person/ingrid-thijssen",
                                 "person/jacco-vonhof", "person/piet-fortuin"}
    # the working groups "onder leiding van de heer Putters en mevrouw Thijssen" met after the close
    assert speakers(ex, "3") == {"person/m-a-hamer"}


def test_verbatim_record_attendance(extracted):
    ex = extracted["notulen_woordelijk_verslag"]
    assert relations(ex, "polder:absentWithApologies") == {("meeting", "person/a-bos"), ("meeting", "person/c-de-wit")}
    assert relations(ex, "polder:welcomed") == {("meeting", "person/piet-fortuin")}
    assert relations(ex, "polder:leftEarly") == {("meeting", "person/jacco-vonhof")}
    assert {("person/tuur-elzinga", "org/fnv"), ("person/ingrid-thijssen", "org/vno-ncw"),
            ("person/jacco-vonhof", "org/mkb-nederland"), ("person/piet-fortuin", "org/cnv")} <= represents(ex)
    assert ("person/kim-putters", "role/kroonlid", "org/ser") in memberships(ex)
    assert not {p for p in labels(ex, "Person") if "voorzitter" in p.lower() or "Akkoord" in p}


def test_magazine_q_and_a_profile_and_caption(extracted):
    ex = extracted["magazine_vraaggesprek_profiel"]
    assert {"Mariëtte Hamer", "Bas Oudshoorn", "Fatima el Amrani", "Joke Verhoeven", "Martijn Balster",
            "Anouk Kok", "Lin Chen"} <= labels(ex, "Person")
    text = (PROBES / "magazine_vraaggesprek_profiel.txt").read_text(encoding="utf-8")
    answers = [text[m.span.start:m.span.end] for m in ex.mentions if m.key == "person/mariette-hamer"]
    assert answers.count("Hamer") == 2  # "Hamer: ..." before each answer
    assert {("person/fatima-el-amrani", "role/wijkverpleegkundige", "org/buurtzorg"),  # "Naam: ... Functie: ..."
            ("person/anouk-kok", "role/onderzoeker", "org/scp"),
            ("person/martijn-balster", "role/wethouder", None)} <= memberships(ex)
    assert ("person/lin-chen", "org/ing") in represents(ex)  # "(ING Economisch Bureau)"
    heads = {(r.subject, r.value.key) for r in ex.relations if r.prop == "org:headOf"}
    assert ("person/mariette-hamer", "org/ser") in heads
    organisations = {k for k, e in ex.entities.items() if e.cls in ("Organisation", "Committee", "AdvisoryBody")}
    assert {"org/buurtzorg", "org/zorggroep-noorderbreedte", "org/gemeente-den-haag", "org/actiz", "org/cbs",
            "org/scp", "org/ing", "org/ser"} <= organisations


def test_magazine_q_and_a_look_alikes(extracted):
    ex = extracted["magazine_vraaggesprek_profiel"]
    persons = labels(ex, "Person")
    # question lines, profile labels, a place, a box heading, months
    assert not {p for p in persons if any(w in p for w in ("Naam", "Functie", "Leeftijd", "Woonplaats", "Den Haag",
                                                           "PROFIEL", "Achtergrond", "Meer", "Wat", "Nederland"))}
    assert len(persons) == 7


def test_pdf_minutes_with_attendance_per_group(extracted):
    ex = extracted["notulen_pdf_geledingen"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-05-16"
    meeting = next(e for e in ex.entities.values() if e.cls == "Meeting")
    assert meeting.label == "Raadsvergadering SER 16 mei 2025"  # "SOCIAAL-ECONOMISCHE RAAD" in the letterhead
    assert relations(ex, "polder:chair") == {("meeting", "person/a-bakker-visser")}
    kroonleden = {p for p, r, o in memberships(ex) if r == "role/kroonlid" and o == "org/ser"}
    assert kroonleden == {"person/a-bakker-visser", "person/b-claassen", "person/c-dekker"}  # "Kroonleden: ..."
    assert {("person/d-evers", "org/vno-ncw"), ("person/e-fransen", "org/mkb-nederland"),
            ("person/f-gerritsen", "org/fnv"), ("person/g-hendriks", "org/cnv")} <= represents(ex)
    heads = {(r.subject, r.value.key) for r in ex.relations if r.prop == "org:headOf"}
    assert ("person/c-dekker", "org/ser/commissie-van-voorbereiding-notulen-pdf-geledingen") in heads


def test_pdf_minutes_speakers_across_a_page_break(extracted):
    ex = extracted["notulen_pdf_geledingen"]
    assert speakers(ex, "2") == {"person/c-dekker", "person/f-gerritsen", "person/d-evers", "person/e-fransen",
                                 "person/g-hendriks", "person/b-claassen"}
    # thanked by the chair, said to arrive later or to be away ("De heer Fortuin is niet aanwezig"): no speaker
    assert speakers(ex, "3") == {"person/a-bakker-visser"} and speakers(ex, "1") == {"person/a-bakker-visser"}
    assert len(labels(ex, "Person")) == 10


def test_markdown_minutes_with_an_attendance_table(extracted):
    ex = extracted["notulen_markdown_tabel"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-10-02"
    assert relations(ex, "polder:chair") == {("meeting", "person/j-m-schreuder")}  # "**Voorzitter:** mevrouw drs. ..."
    # "| de heer R. Aksoy | FNV | lid |": the organisation cell and the role cell
    assert {("person/r-aksoy", "org/fnv"), ("person/l-van-dijk-meijer", "org/vno-ncw"),
            ("person/p-brouwer", "org/mkb-nederland")} <= represents(ex)
    assert {("person/j-m-schreuder", "role/kroonlid", "org/ser"), ("person/s-bakker", "role/secretaris", None),
            ("person/r-aksoy", "role/lid", None)} <= memberships(ex)
    assert ("meeting", "person/t-jansen") in relations(ex, "polder:absentWithApologies")
    assert speakers(ex, "2") == {"person/s-bakker", "person/r-aksoy", "person/l-van-dijk-meijer", "person/p-brouwer"}
    # the table's header row and the organisation cells are no persons
    assert not {p for p in labels(ex, "Person") if any(w in p for w in ("Naam", "Organisatie", "Rol", "secretariaat"))}
