"""Documents written for these tests in layouts the corpus does not have (plain-text headings
right above "Reactie kabinet", "Agendapunt N" minutes, numbered markdown headings, a magazine
with a photo agency in its credits): the facts an analyst would expect, end to end. Not
corpus text; they guard the rules against fitting only the five corpus documents."""
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
    assert ("person/yilmaz", "org/fnv") in {(r.subject, getattr(r.value, "key", None)) for r in ex.relations
                                            if r.prop == "polder:represents"}
