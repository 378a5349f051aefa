"""Person rules: each with a case that fires and a look-alike that must not."""
from __future__ import annotations

import pytest

from polder.extract import gazetteer
from polder.extract.organisations import OrgHit
from polder.extract.persons import detect, one_edit, same_document_mapping
from polder.extract.model import DocumentInfo, Entity, Extraction


def org_hits(text: str) -> dict[int, OrgHit]:
    return {h.start: OrgHit(h.start, h.end, h.key, h.cls) for h in gazetteer.find(text)}


def persons(text: str) -> dict[str, list]:
    return {hit.name: facts for hit, facts in detect(text, org_hits(text))}


def relations(text: str) -> set[tuple[str, str, str | None]]:
    return {(hit.name, f.relation, f.org.key if f.org else None) for hit, facts in detect(text, org_hits(text))
            for f in facts}


@pytest.mark.parametrize("text, name, relation, org", [
    ("De heer Houweling, tevens voorzitter van de CBM, licht toe.", "Houweling", "head", "org/ser/cbm"),
    ("Het woord is aan mevrouw Arends van de FNV.", "Arends", "member", "org/fnv"),
    ("Welkom aan Ingrid Thijssen, de nieuwe VNO-NCW-voorzitter sinds maart.", "Ingrid Thijssen", "head", "org/vno-ncw"),
    ("De heer Van Holsteijn, voorzitter VCP, voert het woord.", "Van Holsteijn", "head", "org/vcp"),
    ("Nieuw zijn Luce van Kempen (SER Jongerenplatform) en anderen.", "Luce van Kempen", "represents", "org/ser/jongerenplatform"),
    ("Dat zei SER-voorzitter Mariëtte Hamer gisteren.", "Mariëtte Hamer", "head", "org/ser"),
    ("Verder Roderik Pape (namens VNO-NCW) als raadslid.", "Roderik Pape", "represents", "org/vno-ncw"),
    ("Tuur Elzinga, FNV: ‘We hebben samen de steven gewend’", "Tuur Elzinga", "represents", "org/fnv"),
])
def test_person_with_role(text, name, relation, org):
    assert (name, relation, org) in relations(text)


@pytest.mark.parametrize("text, name", [
    ("Zo meldt de notulist, de heer Dirven.", "Dirven"),
    ("Kroonlid Femke Laagland licht toe.", "Femke Laagland"),
    ("naar aanleiding van de motie Van Weyenberg over zorg.", "Van Weyenberg"),
    ("moties van Kamerleden Flach en Kisteman.", "Kisteman"),
    ("Tekst Corien Lambregtse Foto’s ANP/Caspar Huurdeman", "Caspar Huurdeman"),
    ("De compagnons Sebastiaan Behrens: “We zien het”", "Sebastiaan Behrens"),
    ("na zijn opleiding kreeg Nabil el Arrass (25) twee banen", "Nabil el Arrass"),
    ("van MKB Nederland Ad Bergwerff en Ger Jaarsma, van de VCP", "Ger Jaarsma"),
])
def test_person_forms(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "De Kroonleden hebben hun waardering uitgesproken.",
    "Het Kabinet Rutte besluit vandaag.",
    "Open Schoolgemeenschap Bijlmer (OSB) zegt dit.",
    "Nieuwe Energie voor de Bouw is een project.",
    "INTERVIEW MARIËTTE HAMER",
    "Europese Commissie: dit is beleid.",
    "Zij verwijst naar de Richtlijn Europese Ondernemingsraden.",
])
def test_look_alikes_are_no_persons(text):
    assert persons(text) == {}


def test_capitalised_pair_without_cue_is_no_person():
    assert persons("Gisteren kwam Sociale Zekerheid ter sprake; Groene Groei ook.") == {}


def _extraction(*labels: str) -> Extraction:
    doc = DocumentInfo("x", "x.txt", "minutes", None, None, "utf-8", "0", 0)
    ex = Extraction(doc)
    for label in labels:
        ex.entity(Entity("person/" + label.lower().replace(" ", "-"), "Person", label))
    return ex


def test_surname_joins_the_one_full_name_of_the_document():
    assert same_document_mapping(_extraction("Nanda Piersma", "Piersma")) == {"person/piersma": "person/nanda-piersma"}


def test_surname_stays_apart_from_two_full_names():
    assert same_document_mapping(_extraction("Henk Boer", "Piet Boer", "Boer")) == {}


def test_other_surname_is_no_match():
    assert same_document_mapping(_extraction("Henk den Boer", "De Boer")) == {}


def test_one_letter_typo_in_given_name():
    assert one_edit("Ellly", "Elly") and not one_edit("Ger", "Per") is False and not one_edit("Anna", "Hans")
