"""Recommendation parsing on each numbering shape, and the stance classifier's cues."""
from __future__ import annotations

import pytest

from polder.extract import response, stance
from polder.extract.model import Vocab
from polder.extract.reader import RawDocument
from polder.extract.pipeline import extract

SER_RESPONSE = """Kabinetsreactie op het SER-advies 'Werk dat werkt'

De SER bood het kabinet het advies 'Werk dat werkt' aan. Het kabinet reageert per aanbeveling.

Aanbeveling 1: Versterk de handhaving

De SER adviseert de Arbeidsinspectie te versterken en werkgevers beter te controleren.

Kabinetsreactie

Het kabinet neemt deze aanbeveling over en zal de inspectie uitbreiden.

Aanbeveling 2: Verplicht een preventiebudget

De SER stelt voor een verplicht budget in te voeren.

Kabinetsreactie

Het kabinet ziet geen aanleiding om een verplicht budget in te voeren.
"""

RVS_ROMAN = """Kabinetsreactie op het advies van de RVS 'Zorg voor later'

Geachte Voorzitter, hierbij ontvangt u mijn reactie op het advies 'Zorg voor later' van de Raad voor Volksgezondheid en Samenleving.

I. Investeer in preventie
De raad adviseert meer te investeren in preventie.

Reactie
Het kabinet onderschrijft deze aanbeveling en zet in op preventie.

II. Maak de zorg toegankelijker
De raad adviseert de eigen bijdrage af te schaffen.

Reactie
Het kabinet gaat eerst verkennen wat de gevolgen zijn en laat de keuze aan het volgende kabinet.
"""

LETTERED = """Kabinetsreactie op het advies 'Samen verder'

a. Versterk de samenwerking
De SER adviseert gemeenten beter samen te werken.

Reactie
Het kabinet steunt dit deels, maar neemt het voorstel voor een fonds niet over.

b. Evalueer de wet
De SER adviseert de wet te evalueren.

Reactie
Het kabinet neemt kennis van dit advies.
"""

NUMBERED_OUTLINE = """Kabinetsreactie op het advies 'Gezond werk'

1. Regels
Inleiding over de regels.

1.1. Actualiseer de normen
De SER adviseert de normen te actualiseren, zie artikel 5 van de Arbowet.

Reactie
Het kabinet neemt de aanbeveling over.

1.2. Verken een nieuwe aanpak
De SER adviseert een verkenning.

Reactie
Het kabinet ziet geen reden de aanpak te wijzigen.

2. Tot slot
Het kabinet dankt de SER voor het advies.
"""


def run(text: str, stem: str = "test_doc"):
    return extract(RawDocument(path=f"{stem}.txt", stem=stem, text=text, encoding="utf-8", sha256="0" * 64))


def recommendations(result) -> dict[str, object]:
    return {dict(e.props)["polder:number"]: e for e in result.entities.values() if e.cls == "Recommendation"}


def stance_of(result, number: str) -> str:
    key = f"doc/{result.doc.stem}/recommendation/{number}/response"
    return next(v.curie for p, v in result.entities[key].props if p == "polder:stance").split(":")[1]


@pytest.fixture(scope="module")
def raw_document_fields():
    import dataclasses
    return {f.name for f in dataclasses.fields(RawDocument)}


def test_raw_document_has_the_fields_the_tests_use(raw_document_fields):
    assert {"path", "stem", "text", "encoding", "sha256"} <= raw_document_fields


@pytest.mark.parametrize("text,numbers", [
    (SER_RESPONSE, {"1", "2"}),
    (RVS_ROMAN, {"I", "II"}),
    (LETTERED, {"a", "b"}),
    (NUMBERED_OUTLINE, {"1.1", "1.2"}),
])
def test_recommendation_numbers_per_shape(text, numbers):
    result = run(text)
    assert result.doc.kind == "government_response"
    assert set(recommendations(result)) == numbers


def test_each_recommendation_has_a_label_description_and_advice():
    result = run(SER_RESPONSE)
    rec = recommendations(result)["1"]
    assert rec.label == "Versterk de handhaving"
    assert "Arbeidsinspectie" in dict(rec.props)["dcterms:description"]
    advice = next(e for e in result.entities.values() if e.cls == "Advice")
    assert advice.key == "advice/werk-dat-werkt"
    assert ("polder:hasRecommendation", response.Ref(rec.key)) in advice.props


def test_summary_list_and_headings_make_one_recommendation_per_number():
    text = SER_RESPONSE.replace("Het kabinet reageert per aanbeveling.",
                                "De SER doet twee aanbevelingen:\n\n1. versterk de handhaving\n2. verplicht een budget\n")
    assert sorted(recommendations(run(text))) == ["1", "2"]


def test_grouping_and_closing_headings_are_not_recommendations():
    numbers = set(recommendations(run(NUMBERED_OUTLINE)))
    assert "1" not in numbers and "2" not in numbers


def test_recommendation_refers_to_provision_in_its_section():
    rec = recommendations(run(NUMBERED_OUTLINE))["1.1"]
    refs = {v.key for p, v in rec.props if p == "polder:refersTo"}
    assert any(key.endswith("artikel-5") for key in refs)


@pytest.mark.parametrize("text,number,expected", [
    (SER_RESPONSE, "1", "Adopted"),
    (SER_RESPONSE, "2", "NotAdopted"),
    (RVS_ROMAN, "I", "Adopted"),
    (RVS_ROMAN, "II", "UnderConsideration"),
    (LETTERED, "a", "PartlyAdopted"),
    (LETTERED, "b", "Noted"),
    (NUMBERED_OUTLINE, "1.2", "NotAdopted"),
])
def test_stance_per_shape(text, number, expected):
    assert stance_of(run(text), number) == expected


def test_response_records_cues_quote_and_respondent_shape():
    result = run(SER_RESPONSE)
    resp = result.entities[f"doc/{result.doc.stem}/recommendation/1/response"]
    cues = [v for p, v in resp.props if p == "polder:cue"]
    assert any(c.startswith("stance.adopt.neemt-over/") for c in cues)
    assert "neemt deze aanbeveling over" in dict(resp.props)["polder:quote"]
    assert isinstance(dict(resp.props)["polder:stance"], Vocab)


def test_issuer_of_an_rvs_advice_is_not_the_ser():
    result = run(RVS_ROMAN)
    advice = next(e for e in result.entities.values() if e.cls == "Advice")
    issuer = dict(advice.props).get("polder:issuedBy")
    assert issuer is not None and "ser" not in issuer.key.split("/")


@pytest.mark.parametrize("positive,negative,stance_name", [
    ("Het kabinet neemt de aanbeveling over.", "Het kabinet neemt de aanbeveling niet over.", "Adopted"),
    ("Het kabinet onderschrijft deze aanbeveling.", "Het kabinet onderschrijft deze aanbeveling niet.", "Adopted"),
    ("Het kabinet ziet geen aanleiding om de wet te wijzigen.", "Het kabinet ziet aanleiding om de wet te wijzigen.", "NotAdopted"),
    ("Het kabinet laat deze keuze aan het volgende kabinet.", "Het kabinet maakt deze keuze zelf.", "UnderConsideration"),
    ("Het kabinet gaat verkennen of dit kan.", "Het kabinet heeft dit al gedaan.", "UnderConsideration"),
    ("Het kabinet neemt het advies deels over.", "Het kabinet neemt het advies over.", "PartlyAdopted"),
    ("Het kabinet neemt kennis van het advies.", "Het kabinet neemt het advies over.", "Noted"),
])
def test_each_cue_fires_and_its_absence_or_negation_changes_the_verdict(positive, negative, stance_name):
    assert stance.classify(positive).stance == stance_name
    assert stance.classify(negative).stance != stance_name


def test_mixed_reaction_is_partly_adopted():
    text = ("Het kabinet neemt de aanbeveling over de voorlichting over. "
            "Het voorstel voor een boete acht het kabinet niet uitvoerbaar.")
    verdict = stance.classify(text)
    assert verdict.stance == "PartlyAdopted"
    assert {f.stance for f in verdict.deciding()} >= {"Adopted", "NotAdopted"}


def test_ordinals_of_each_numbering():
    assert [response.ordinal(x) for x in ("3", "IV", "c", "IX")] == [3, 4, 3, 9]


def test_minutes_without_announced_list_have_no_recommendations():
    text = ("Verslag van de raadsvergadering van de SER\n\n1. Opening\nDe voorzitter opent de vergadering.\n\n"
            "2. Mededelingen\nDe heer Jansen vindt dat werkgevers meer moeten doen.\n")
    assert recommendations(run(text)) == {}
