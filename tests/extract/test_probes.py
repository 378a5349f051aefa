"""Documents written for these tests in layouts the corpus does not have (plain-text headings
right above "Reactie kabinet", "Agendapunt N" minutes, numbered markdown headings, a magazine
with a photo agency in its credits, PDF text of a letter with running page headers and a
signature, minutes with "(FNV):" speaker turns and "Namens X sprak ...", an interview with
role + field + name and initiatives named in ordinary words; cabinet responses with bold
"Advies 1a" lead-ins, joined "De SER adviseert: ... Kabinetsreactie: ..." lines and a range of
recommendations, roman headings over quoted recommendations, PDF text with sub-numbers on their own
lines): the facts an analyst would
expect, end to end. Not corpus text; they guard the rules against fitting only the five
corpus documents."""
from __future__ import annotations

from pathlib import Path

import pytest

from polder.extract.pipeline import extract_file

PROBES = Path(__file__).parent / "probes"


@pytest.fixture(scope="module")
def extracted():
    return {p.stem: extract_file(p) for p in sorted(PROBES.iterdir())}


def labels(ex, cls: str) -> set[str]:
    return {e.label for e in ex.entities.values() if e.cls == cls}


def keys(ex, *classes: str) -> set[str]:
    return {k for k, e in ex.entities.items() if e.cls in classes}


def stances(ex) -> dict[str, str]:
    out = {}
    for key, entity in ex.entities.items():
        if entity.cls == "Response":
            stance = next(v.curie for p, v in entity.props if p == "polder:stance")
            out[key.split("/recommendation/")[1].split("/")[0]] = stance.split(":")[1]
    return out


def relations(ex, prop: str) -> set[tuple[str, str]]:
    return {(r.subject.rsplit("/", 1)[-1], getattr(r.value, "key", r.value)) for r in ex.relations if r.prop == prop}


def test_plain_text_response(extracted):
    ex = extracted["kabinetsreactie_platte_tekst"]
    assert ex.doc.kind == "government_response"
    assert stances(ex) == {"1": "Adopted", "2": "NotAdopted", "3": "UnderConsideration", "4": "PartlyAdopted"}
    assert {"Marieke Jansen", "Y.J. van Hijum"} <= labels(ex, "Person")
    assert "SER-commissie Sociaal-Economische Aangelegenheden" in labels(ex, "Committee")
    assert "Wet arbeidsmarkt in balans aanpassen" not in labels(ex, "Law")


def test_numbered_markdown_response(extracted):
    ex = extracted["kabinetsreactie_genummerd"]
    assert stances(ex) == {"1": "Adopted", "2": "NotAdopted", "3": "PartlyAdopted", "4": "UnderConsideration",
                           "5": "Noted"}


def test_minutes_with_agendapunt_lines(extracted):
    ex = extracted["verslag_agendapunten"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-01-17"
    assert relations(ex, "polder:chair") == {("meeting", "person/k-smeets")}
    assert {("3", "person/visser"), ("3", "person/dekker"), ("3", "person/el-amrani"),
            ("3", "person/jansen")} <= relations(ex, "polder:speaker")


def test_magazine_with_agency_credits(extracted):
    ex = extracted["magazine_energietransitie"]
    persons = labels(ex, "Person")
    assert {"Jorien van Dalen", "Mark Visser", "Thomas Verbeek", "Fatima Ouali", "Peter de Bruin"} <= persons
    assert not {"Hollandse Hoogte", "Directeur Peter de Bruin"} & persons
    organisations = {e.key for e in ex.entities.values() if e.cls in ("Organisation", "Committee", "AdvisoryBody")}
    assert {"org/aedes", "org/alliander", "org/cpb", "org/techniek-nederland"} <= organisations


def test_response_with_the_reaction_on_the_markers_line(extracted):
    ex = extracted["kabinetsstandpunt_inline"]
    assert ex.doc.kind == "government_response"  # "Kabinetsstandpunt" names the kind too
    assert stances(ex) == {"2.1": "Adopted", "2.2": "NotAdopted", "2.3": "UnderConsideration"}


def test_minutes_with_an_attendance_list(extracted):
    ex = extracted["notulen_aanwezigheidslijst"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-03-19"  # "... van de Sociaal-Economische Raad op woensdag ..."
    assert relations(ex, "polder:chair") == {("meeting", "person/smeets")}  # "de heer Smeets (voorzitter)"
    assert {("2", "person/yilmaz"), ("2", "person/van-den-berg"), ("2", "person/kramer")} <= relations(ex, "polder:speaker")
    assert {("meeting", "person/mulder"), ("meeting", "person/peters")} <= relations(ex, "polder:absentWithApologies")
    assert ("person/yilmaz", "org/fnv") in {(r.subject, getattr(r.value, "key", None)) for r in ex.relations
                                            if r.prop == "polder:represents"}


def memberships(ex) -> set[tuple[str, str, str | None]]:
    out = set()
    for e in ex.entities.values():
        if e.cls == "org:Membership":
            props = {p: getattr(v, "key", v) for p, v in e.props}
            out.add((props["org:member"], props["org:role"], props.get("org:organization")))
    return out


def test_pdf_text_response_with_running_headers_and_a_signature(extracted):
    ex = extracted["kabinetsreactie_pdf_kopregels"]
    assert ex.doc.kind == "government_response"
    assert stances(ex) == {"1": "Adopted", "2": "NotAdopted", "3": "UnderConsideration"}
    assert labels(ex, "Advice") == {"Zeggenschap in de platformeconomie"}  # from the 'Betreft' line
    # the signature's line was joined by the clean view: "Werkgelegenheid, mr. drs. H.W. ..."
    assert ("person/h-w-ter-horst-bakker", "role/minister", "org/szw") in memberships(ex)
    provisions = {e.key for e in ex.entities.values() if e.cls == "Provision"}
    assert {"law/bw7/artikel-7-610", "law/bw7/artikel-7-610a", "law/wor/artikel-35c"} <= provisions
    assert not any("12 mei" in label for label in labels(ex, "Law"))  # an amending act by its date is no law
    assert "org/eerlijk-werk-online" in ex.entities  # "het platform Eerlijk Werk Online, een samenwerking ..."


def test_minutes_with_bracketed_speakers_and_a_fronted_namens(extracted):
    ex = extracted["verslag_sprekers_namens"]
    assert ex.doc.kind == "minutes" and ex.doc.date == "2025-02-03"
    assert relations(ex, "polder:chair") == {("meeting", "person/ingrid-brouwer-lam")}  # onder voorzitterschap van
    assert {("2", "person/bakker"), ("2", "person/yilmaz"), ("2", "person/de-groot"), ("2", "person/van-leeuwen"),
            ("2", "person/el-idrissi")} <= relations(ex, "polder:speaker")
    represents = {(r.subject, r.value.key) for r in ex.relations if r.prop == "polder:represents"}
    assert {("person/bakker", "org/fnv"), ("person/yilmaz", "org/vno-ncw"),
            ("person/de-groot", "org/vno-ncw")} <= represents
    assert {("meeting", "person/hofstra"), ("meeting", "person/van-dam"),
            ("meeting", "person/timmermans")} <= relations(ex, "polder:absentWithApologies")
    assert ("person/el-idrissi", "role/kroonlid", "org/ser") in memberships(ex)


def test_magazine_interview_with_roles_and_named_initiatives(extracted):
    ex = extracted["magazine_interview_rollen"]
    assert {"Sanne Koopmans", "Ruben Sterkenburg", "Wendy Akkerman", "Jolien de Wit"} <= labels(ex, "Person")
    assert {("person/sanne-koopmans", "role/hoogleraar", "org/universiteit-leiden"),
            ("person/ruben-sterkenburg", "role/directeur", "org/stichting-vakmanschap-morgen")} <= memberships(ex)
    assert {"org/leerwerk-akkoord", "org/de-unie", "org/nationaal-groeifonds",
            "org/stichting-vakmanschap-morgen"} <= set(ex.entities)
    assert "org/slim-leren-in-de-regio" not in ex.entities  # a programme is no organisation
    assert "law/bw7/artikel-7-611a" in ex.entities


def addressed(ex, number: str) -> set[str]:
    rec = next(e for k, e in ex.entities.items() if k.endswith(f"/recommendation/{number}"))
    return {v.key for p, v in rec.props if p == "polder:addressedTo"}


def test_bold_lead_ins_with_sub_numbers_and_onze_reactie(extracted):
    """'**Advies 1a** ...' lead-ins, 'Onze reactie:' before each reaction, a letter signed by a
    staatssecretaris; stances in other words ('omarmt', 'heeft begrip voor', 'in aangepaste vorm')."""
    ex = extracted["kabinetsreactie_vetgedrukt"]
    assert ex.doc.kind == "government_response"
    assert stances(ex) == {"1a": "Adopted", "1b": "NotAdopted", "2": "Noted", "3": "UnderConsideration",
                           "4": "PartlyAdopted"}
    assert labels(ex, "Advice") == {"Vakmanschap in de zorg van morgen"}
    refs = {v.key for k, e in ex.entities.items() if k.endswith("/recommendation/1b") for p, v in e.props
            if p == "polder:refersTo"}
    assert "law/bw7/artikel-7-611a" in refs
    assert "group/sociale-partners" in addressed(ex, "2") and "group/gemeenten" in addressed(ex, "3")
    assert "org/ser" not in addressed(ex, "1a")  # the advising council does not address itself
    # "Sociale partners ... maken ...", "Gemeenten bieden ...": the group that is to act, not the cabinet
    assert "org/kabinet" not in addressed(ex, "2") | addressed(ex, "3") and "org/kabinet" in addressed(ex, "1a")


def test_ser_adviseert_and_kabinetsreactie_in_joined_lines_with_a_range(extracted):
    """'De SER adviseert: ... Kabinetsreactie: ...' that the clean view joins into one paragraph, and
    one reaction to 'Aanbevelingen 4 tot en met 6'."""
    ex = extracted["kabinetsreactie_ser_adviseert"]
    assert stances(ex) == {"1": "Adopted", "2": "NotAdopted", "3": "Adopted", "4": "UnderConsideration",
                           "5": "UnderConsideration", "6": "UnderConsideration", "7": "NotAdopted"}
    refs = {v.key for k, e in ex.entities.items() if k.endswith("/recommendation/1") for p, v in e.props
            if p == "polder:refersTo"}
    assert "law/arbobesluit" in refs
    descriptions = {k.rsplit("/", 1)[1]: dict(e.props).get("dcterms:description", "") for k, e in ex.entities.items()
                    if e.cls == "Recommendation"}
    assert descriptions["5"].startswith("(5) laat branches") and "Kabinetsreactie" not in descriptions["1"]
    assert "org/ser" not in addressed(ex, "2") and "group/werkgevers" in addressed(ex, "2")


def test_roman_headings_with_quoted_recommendations_and_fronted_objects(extracted):
    """Roman headings, the recommendation quoted in italics, no reaction marker: the reaction opens
    with its object ('Deze aanbeveling neemt het kabinet over', 'Dit voorstel betrekken wij bij ...')."""
    ex = extracted["kabinetsreactie_romeins_cursief"]
    assert stances(ex) == {"I": "Adopted", "II": "NotAdopted", "III": "UnderConsideration", "IV": "Noted"}
    assert labels(ex, "Advice") == {"Ruimte voor regionale werkgelegenheid"}
    assert {"group/sociale-partners", "group/gemeenten"} <= addressed(ex, "IV")
    assert "org/szw" not in addressed(ex, "IV")  # the signature after "Hoogachtend," is no part of it


def test_pdf_text_with_sub_numbered_recommendations_on_their_own_lines(extracted):
    """PDF text: 'Aanbeveling 1a' alone on its line, the proposal on the next, hyphenated breaks and
    running page footers, 'Reactie' lines, signed by a staatssecretaris."""
    ex = extracted["kabinetsreactie_pdf_subnummers"]
    assert stances(ex) == {"1a": "Adopted", "1b": "PartlyAdopted", "2": "NotAdopted", "3": "UnderConsideration"}
    assert labels(ex, "Advice") == {"Een eerlijke pensioenopbouw voor zelfstandigen"}
    recs = {k.rsplit("/", 1)[1]: e for k, e in ex.entities.items() if e.cls == "Recommendation"}
    assert recs["1b"].label == "Verhoog de jaarruimte voor zelfstandigen"
    assert "law/wet-bpf-2000/artikel-2" in {v.key for p, v in recs["1a"].props if p == "polder:refersTo"}
    assert relations(ex, "polder:respondent") == {("kabinetsreactie_pdf_subnummers", "org/kabinet")}
