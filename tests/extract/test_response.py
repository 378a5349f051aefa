"""Recommendation parsing on each numbering shape, and the stance classifier's cues."""
from __future__ import annotations

import re

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
    ("Het kabinet ziet echter geen toegevoegde waarde in een wetswijziging.",
     "Het kabinet ziet toegevoegde waarde in een wetswijziging.", "NotAdopted"),
    ("Het kabinet kiest ervoor dit niet te doen.", "Het kabinet kiest ervoor dit te doen.", "NotAdopted"),
    ("Ik neem deze aanbeveling over.", "Ik neem deze aanbeveling niet over.", "Adopted"),
    ("Het kabinet is voornemens deze aanbeveling over te nemen.",
     "Het kabinet is niet voornemens deze aanbeveling over te nemen.", "Adopted"),
    ("Het kabinet heeft geen bezwaar tegen het voorstel en neemt het over.",
     "Het kabinet heeft bezwaar tegen het voorstel en neemt het niet over.", "Adopted"),
    ("Ik ga verkennen of een subsidie mogelijk is.", "Ik heb een subsidie mogelijk gemaakt.", "UnderConsideration"),
    ("Wij onderschrijven het advies van de raad.", "Wij onderschrijven het advies van de raad niet.", "Adopted"),
    ("Ik ben het met de raad eens.", "Ik ben het niet met de raad eens.", "Adopted"),
    ("Het kabinet zal de Arbeidsinspectie bij de uitwerking betrekken.",
     "De Arbeidsinspectie is bij de uitwerking betrokken geweest.", "Adopted"),
    ("Het kabinet ondersteunt dit initiatief.", "Dit ondersteunt de ontwikkeling van een nieuw model.", "Adopted"),
    ("Het kabinet neemt dit voorstel in overweging.", "Het kabinet neemt dit voorstel over.", "UnderConsideration"),
    ("Het is aan het volgende kabinet om hierover te besluiten.", "Het kabinet besluit hier zelf over.",
     "UnderConsideration"),
    ("Het kabinet ziet dit als een taak van sociale partners.", "Het kabinet ziet dit als een eigen taak en zet zich in voor voorlichting.", "Noted"),
    ("Het is aan werkgevers en werknemers om hierover afspraken te maken.",
     "Het kabinet zet zich in voor afspraken met werkgevers en werknemers.", "Noted"),
    ("Het kabinet gaat samen met VNO-NCW, MKB-Nederland en de FNV verkennen of een minimumtarief uitvoerbaar is.",
     "Het kabinet heeft samen met VNO-NCW, MKB-Nederland en de FNV een minimumtarief ingevoerd.", "UnderConsideration"),
    ("Een deel van de voorstellen wordt overgenomen.", "De voorstellen worden overgenomen.", "PartlyAdopted"),
    ("Over de leerrekening besluit een volgend kabinet.", "Over de leerrekening besluit het kabinet zelf.",
     "UnderConsideration"),
    ("Het kabinet zal deze aanbeveling uitvoeren.", "De gemeenten zijn begonnen.", "Adopted"),
    ("Het kabinet gaat hiermee aan de slag.", "Het kabinet heeft hier kennis van genomen.", "Adopted"),
    ("Het kabinet staat positief tegenover deze aanbeveling.",
     "Het kabinet staat niet positief tegenover deze aanbeveling.", "Adopted"),
    ("Het kabinet kiest ervoor de huidige regeling te handhaven.",
     "Het kabinet kiest ervoor de regeling aan te passen.", "NotAdopted"),
    ("Het kabinet neemt het eerste deel van de aanbeveling over, maar niet het tweede.",
     "Het kabinet neemt de aanbeveling over.", "PartlyAdopted"),
    ("Het kabinet laat een verkenning uitvoeren naar de haalbaarheid.",
     "Het kabinet heeft de haalbaarheid vastgesteld.", "UnderConsideration"),
])
def test_each_cue_fires_and_its_absence_or_negation_changes_the_verdict(positive, negative, stance_name):
    verdict = stance.classify(positive)
    assert verdict.stance == stance_name
    assert any(f.stance == stance_name for f in verdict.fired)  # a cue decided, not the default
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


@pytest.mark.parametrize("text,mix_id", [
    ("Het kabinet steunt de aanbeveling. Of er een fonds komt, is aan het volgende kabinet.",
     "stance.mix.adopt-and-defer/"),
    ("Het kabinet neemt de aanbeveling over. De verplichting wordt later bezien.", "stance.mix.adopt-and-defer/"),
    ("Het kabinet zet in op meer voorlichting. Het is aan werkgevers om de RI&E op orde te brengen.",
     "stance.mix.adopt-and-hand-off/"),
])
def test_mix_rules_make_a_mixed_reaction_partly_adopted(text, mix_id):
    verdict = stance.classify(text)
    assert verdict.stance == "PartlyAdopted"
    assert verdict.mix is not None and verdict.mix.id.startswith(mix_id)
    assert len(stance.sentences(verdict.quote())) == 2  # both sides of the mix are quoted


@pytest.mark.parametrize("text,expected", [
    # agreeing with the analysis is no verdict on the recommendation: the deferral decides
    ("Het kabinet deelt de analyse van de SER. Of er een fonds komt, is aan het volgende kabinet.", "UnderConsideration"),
    # endorsing the recommendation and naming who carries it out is adoption
    ("Het kabinet neemt de aanbeveling over. Het is aan werkgevers om de RI&E op orde te brengen.", "Adopted"),
    # a mix does not overrule a third stance that leads
    ("Het kabinet ziet geen aanleiding voor een nieuwe wet. Het kabinet zet in op voorlichting. "
     "Het is aan werkgevers om dit op te pakken.", "NotAdopted"),
    ("Het is aan werkgevers om de RI&E op orde te brengen.", "Noted"),
])
def test_mix_rules_do_not_fire_without_both_sides(text, expected):
    verdict = stance.classify(text)
    assert verdict.mix is None
    assert verdict.stance == expected


def test_response_records_the_mix_rule_among_its_cues():
    text = SER_RESPONSE.replace("Het kabinet ziet geen aanleiding om een verplicht budget in te voeren.",
                                "Het kabinet steunt de aanbeveling. Of het budget verplicht wordt, is aan het volgende kabinet.")
    result = run(text)
    resp = result.entities[f"doc/{result.doc.stem}/recommendation/2/response"]
    cues = [v for p, v in resp.props if p == "polder:cue"]
    assert stance_of(result, "2") == "PartlyAdopted"
    assert any(c.startswith("stance.mix.adopt-and-defer/") for c in cues)
    assert sum(p == "polder:stance" for p, _ in resp.props) == 1


def test_stance_rules_have_unique_versioned_ids_and_known_mix_kinds():
    rules = stance.load_rules()
    ids = [c.id for c in rules.cues] + [m.id for m in rules.mixes]
    assert len(ids) == len(set(ids))
    assert all(re.fullmatch(r"stance\.[a-z]+\.[a-z0-9-]+/\d+", i) for i in ids)
    kinds = set(stance.STANCES) | {t for c in rules.cues for t in c.tags}
    assert all(set(m.all_of) | set(m.none_of) <= kinds for m in rules.mixes)


def test_voiced_cue_in_a_sentence_about_a_commission_proposal_is_no_stance():
    """The cabinet's support of a European Commission proposal, as its BNC-fiche states it,
    is no stance on the recommendation; the same support without the fiche is."""
    about_proposal = stance.classify("Zoals vermeld in het BNC-fiche, steunt het kabinet het doel van dit voorstel.")
    assert about_proposal.stance == "Noted" and not about_proposal.fired
    assert stance.classify("Het kabinet steunt het doel van dit voorstel.").stance == "Adopted"


NUMBERED_VOICED = """Kabinetsreactie op het advies 'Zekerheid voor mensen'

Hierbij ontvangt u de reactie van het kabinet.

1. Verkort de loondoorbetaling bij ziekte

Het kabinet neemt deze aanbeveling over.

2. Schaf de zelfstandigenaftrek af

Het kabinet ziet geen reden om de aftrek verder af te bouwen.
"""


def test_numbered_headings_whose_paragraphs_open_in_the_cabinets_voice():
    """Without a "Reactie" line, a paragraph that opens with "Het kabinet" is the reaction."""
    result = run(NUMBERED_VOICED, stem="kabinetsreactie_genummerd")
    assert sorted(recommendations(result)) == ["1", "2"]
    assert (stance_of(result, "1"), stance_of(result, "2")) == ("Adopted", "NotAdopted")


def test_a_heading_line_right_above_its_reaction_line_stays_a_heading():
    text = ("Kabinetsreactie op het advies 'Zekerheid voor mensen'\n\n"
            "Aanbeveling 1: Onderzoek een minimumuurloon voor zelfstandigen\nReactie kabinet\n"
            "Het kabinet neemt deze aanbeveling over.\n\n"
            "Aanbeveling 2: Versterk de handhaving door de Nederlandse Arbeidsinspectie\nReactie kabinet\n"
            "Het kabinet ziet geen aanleiding om extra middelen vrij te maken.\n")
    result = run(text, stem="kabinetsreactie_platte_tekst")
    labels = {n: e.label for n, e in recommendations(result).items()}
    assert labels == {"1": "Onderzoek een minimumuurloon voor zelfstandigen",
                      "2": "Versterk de handhaving door de Nederlandse Arbeidsinspectie"}
    assert (stance_of(result, "1"), stance_of(result, "2")) == ("Adopted", "NotAdopted")


LETTER_HEAD = ("Aan de Voorzitter van de Tweede Kamer\n\nDatum 14 oktober 2025\n"
               "Betreft {subject}\n\nGeachte voorzitter,\n\n"
               "De Sociaal-Economische Raad (SER) bracht een advies uit.\n\n"
               "Aanbeveling 1: Doe het\nDe raad beveelt aan het te doen.\n\n"
               "Reactie kabinet\nHet kabinet neemt deze aanbeveling over.\n")


def test_the_advice_from_a_letters_subject_line():
    result = run(LETTER_HEAD.format(subject="Kabinetsreactie op het SER-advies Zeggenschap in de platformeconomie"))
    advice = [e.label for e in result.entities.values() if e.cls == "Advice"]
    assert advice == ["Zeggenschap in de platformeconomie"]


def test_a_subject_line_about_something_else_names_no_advice():
    result = run(LETTER_HEAD.format(subject="Voortgang arbeidsmarktbeleid en het advies van de raad"))
    assert not [e for e in result.entities.values() if e.cls == "Advice"]


SUB_NUMBERED = """Kabinetsreactie op het advies 'Leren in de regio'

Aanbeveling 1a
Richt regionale leerfondsen op.

Reactie
Het kabinet neemt deze aanbeveling over.

Aanbeveling 1b
Verleng de scholingsbudgetten.

Reactie
Het kabinet ziet geen aanleiding de budgetten te verlengen.

Aanbeveling 2
Evalueer de regeling.

Reactie
Het kabinet gaat verkennen hoe een evaluatie kan worden opgezet.
"""


def test_sub_numbered_recommendations_1a_1b_keep_their_outline():
    result = run(SUB_NUMBERED)
    assert sorted(recommendations(result)) == ["1a", "1b", "2"]
    assert [stance_of(result, n) for n in ("1a", "1b", "2")] == ["Adopted", "NotAdopted", "UnderConsideration"]
    assert recommendations(result)["1a"].label == "Richt regionale leerfondsen op"  # the label from the next line


def test_a_number_glued_to_a_word_is_no_sub_number():
    text = SUB_NUMBERED.replace("Aanbeveling 1a\n", "Aanbeveling 1amendement\n")
    assert "1a" not in recommendations(run(text))


def test_outline_of_sub_numbers():
    assert [response.outline_of(n) for n in ("1a", "1b", "2", "3.2", "IV")] == [(1, 1), (1, 2), (2,), (3, 2), (4,)]


RANGE = """Kabinetsreactie op het advies 'Werk en zorg'

Aanbeveling 1: Verruim het verlof
De SER adviseert het verlof te verruimen.
Reactie kabinet
Het kabinet neemt deze aanbeveling over.

Aanbevelingen 2 tot en met 4: Voorlichting
De SER adviseert (2) een campagne, (3) een website en (4) een loket.
Reactie kabinet
Het kabinet gaat verkennen hoe dit kan.

Aanbeveling 5: Evalueer
De SER adviseert een evaluatie.
Reactie kabinet
Het kabinet neemt kennis van deze aanbeveling.
"""


def test_one_reaction_to_a_range_of_recommendations_answers_each():
    result = run(RANGE)
    recs = recommendations(result)
    assert sorted(recs) == ["1", "2", "3", "4", "5"]
    assert {stance_of(result, n) for n in ("2", "3", "4")} == {"UnderConsideration"}
    assert stance_of(result, "5") == "Noted"
    assert dict(recs["3"].props)["dcterms:description"].startswith("(3) een website")


@pytest.mark.parametrize("heading,numbers", [
    ("Aanbevelingen 2 en 3: Voorlichting", ["1", "2", "3"]),
    ("Aanbevelingen 2-4: Voorlichting", ["1", "2", "3", "4"]),
    ("Aanbevelingen 2, 3 en 4: Voorlichting", ["1", "2", "3", "4"]),
    ("Aanbevelingen 2 tot en met 40: Voorlichting", ["1", "2"]),  # too wide for a range: the first number only
])
def test_range_headings(heading, numbers):
    text = RANGE.replace("Aanbevelingen 2 tot en met 4: Voorlichting", heading).split("Aanbeveling 5")[0]
    assert sorted(recommendations(run(text)), key=int) == numbers


def test_a_reaction_marker_after_a_sentence_of_a_joined_paragraph_opens_the_reaction():
    text = ("Kabinetsreactie op het advies 'Werk en zorg'\n\n"
            "Aanbeveling 1 – Verruim het verlof\n"
            "De SER adviseert: verruim het verlof. Kabinetsreactie: Het kabinet ziet geen aanleiding het verlof te verruimen.\n\n"
            "Aanbeveling 2 – Maak een loket\n"
            "De SER adviseert: maak een loket. De reactie: werkgevers willen dat.\n")
    result = run(text)
    recs = recommendations(result)
    assert stance_of(result, "1") == "NotAdopted"
    assert "Kabinetsreactie" not in dict(recs["1"].props)["dcterms:description"]
    # "De reactie:" inside a sentence opens nothing: the proposal keeps its text and there is no reaction
    assert "werkgevers willen dat" in dict(recs["2"].props)["dcterms:description"]
    assert f"doc/{result.doc.stem}/recommendation/2/response" not in result.entities


@pytest.mark.parametrize("marker", ["Onze reactie", "Mijn reactie", "Kabinetsappreciatie", "Antwoord kabinet"])
def test_more_reaction_markers(marker):
    text = SER_RESPONSE.replace("Kabinetsreactie\n", f"{marker}\n")
    result = run(text)
    assert (stance_of(result, "1"), stance_of(result, "2")) == ("Adopted", "NotAdopted")


def test_the_closing_formula_ends_the_last_section():
    text = SER_RESPONSE + "\nHoogachtend,\n\nDe minister van Sociale Zaken en Werkgelegenheid,\n\nJ. Jansen\n"
    result = run(text)
    resp = result.entities[f"doc/{result.doc.stem}/recommendation/2/response"]
    assert "Hoogachtend" not in dict(resp.props)["polder:quote"]
    addressed = {v.key for p, v in recommendations(result)["2"].props if p == "polder:addressedTo"}
    assert "org/szw" not in addressed


@pytest.mark.parametrize("heading", ["Tot slot", "## Afsluiting", "Slotopmerkingen:"])
def test_a_closing_heading_ends_the_last_section(heading):
    """What follows "Tot slot" reacts to no recommendation: its laws and words are not the last one's."""
    text = SER_RESPONSE + f"\n{heading}\n\nHet kabinet wijst op artikel 18b van de Participatiewet en dankt de raad.\n"
    result = run(text)
    rec = recommendations(result)["2"]
    assert not any("participatiewet" in getattr(v, "key", "") for p, v in rec.props if p == "polder:refersTo")
    resp = result.entities[f"doc/{result.doc.stem}/recommendation/2/response"]
    assert "dankt" not in dict(resp.props)["polder:quote"] and stance_of(result, "2") == "NotAdopted"
    # a sentence that opens with the words goes on in the section
    result = run(SER_RESPONSE + "\nTot slot wijst het kabinet op artikel 18b van de Participatiewet.\n")
    assert any("participatiewet" in getattr(v, "key", "") for p, v in recommendations(result)["2"].props
               if p == "polder:refersTo")


@pytest.mark.parametrize("reaction,voiced", [
    ("Dit voorstel betrekken wij bij de begroting.", True),
    ("Deze aanbeveling neemt het kabinet over.", True),
    ("Hierop komt het kabinet in het voorjaar terug.", True),
    ("Daarom moet het kabinet de wet wijzigen.", False),  # the council asking the cabinet
    ("Dit vraagt de raad van het kabinet.", False),
])
def test_a_fronted_object_before_the_cabinet_is_the_cabinets_voice(reaction, voiced):
    assert bool(response.rules()["voice"].search(reaction)) is voiced


def test_the_advising_body_is_not_addressed_by_its_own_recommendation():
    text = SER_RESPONSE.replace("De SER adviseert de Arbeidsinspectie te versterken",
                                "De SER adviseert de Arbeidsinspectie en de Gezondheidsraad te versterken")
    addressed = {v.key for p, v in recommendations(run(text))["1"].props if p == "polder:addressedTo"}
    assert "org/ser" not in addressed
    assert {"org/kabinet", "org/gezondheidsraad"} <= addressed  # another advisory body still is


@pytest.mark.parametrize("line,number", [
    ("Aanbeveling nr. 4: Versterk de handhaving", "4"),
    ("AANBEVELING 4 Versterk de handhaving", "4"),
    ("Aanbeveling 4 — Versterk de handhaving", "4"),
    ("Advies nr. 2024/03 over de handhaving", None),  # a document number, no recommendation
    ("ADVIES VAN DE RAAD OVER DE HANDHAVING", None),
])
def test_explicit_heading_variants(line, number):
    found = [h.number for h in response.find_headings(line + "\n", len(line) + 1)]
    assert found == ([number] if number else [])


@pytest.mark.parametrize("label,government", [
    ("Gemeenten bieden zij-instromers een loket", False),
    ("De sociale partners maken afspraken over scholing", False),
    ("Werk samen met gemeenten aan een loket", True),  # an imperative to the government
    ("Versterk de rol van sociale partners", True),
])
def test_a_heading_that_opens_with_the_group_to_act_does_not_address_the_government(label, government):
    text = SER_RESPONSE.replace("Versterk de handhaving", label)
    addressed = {v.key for p, v in recommendations(run(text))["1"].props if p == "polder:addressedTo"}
    assert ("org/kabinet" in addressed) is government


@pytest.mark.parametrize("line,number", [
    ("- Aanbeveling 3: Versterk de handhaving", "3"),  # a bullet may open the heading
    ("• Advies 2 – Versterk de handhaving", "2"),
    ("Aanbeveling 6 wordt ook besproken in het overleg met de sector.", None),  # running text
    ("Aanbeveling 2.1 en de volgende aanbevelingen gaan over de arbeidsmarkt.", None),
    ("- de aanbeveling 3 van de raad", None),
    ("Aanbeveling 4 van de SER: Versterk de handhaving", "4"),
    ("Aanbeveling 5 (pagina 12) – Versterk de handhaving", "5"),
    ("Aanbeveling 4 van de SER wordt later besproken.", None),
])
def test_bulleted_headings_and_recommendations_named_in_running_text(line, number):
    found = [h.number for h in response.find_headings(line + "\n", len(line) + 1)]
    assert found == ([number] if number else [])


TABLE_RESPONSE = """Kabinetsreactie op het advies 'Werk dat werkt'

Het kabinet reageert hieronder per aanbeveling.

| Nr. | Aanbeveling | Reactie kabinet |
|---|---|---|
| 1 | Versterk de handhaving door de Arbeidsinspectie. | Het kabinet neemt deze aanbeveling over. |
| 2 | Verplicht een preventiebudget. | Het kabinet ziet geen aanleiding voor een verplicht budget. |
"""


def test_a_table_row_per_recommendation_with_its_reaction():
    result = run(TABLE_RESPONSE)
    recs = recommendations(result)
    assert set(recs) == {"1", "2"}
    assert recs["1"].label == "Versterk de handhaving door de Arbeidsinspectie"
    assert dict(recs["1"].props)["dcterms:description"] == "Versterk de handhaving door de Arbeidsinspectie."
    assert stance_of(result, "1") == "Adopted" and stance_of(result, "2") == "NotAdopted"


@pytest.mark.parametrize("header", [
    "| Nr. | Maatregel | Budget (mln euro) |",  # no proposal and no reaction column
    "| Aanbeveling | Betrokken partijen |",  # no reaction column
    "| Jaar | Reactie kabinet |",  # no proposal column
    "| Nr. | Aanbeveling | Rol kabinet |",  # what the cabinet is to do is no reaction
])
def test_a_table_without_a_proposal_and_a_reaction_column_has_no_recommendations(header):
    text = ("Kabinetsreactie op het advies 'Werk dat werkt'\n\nHet kabinet neemt maatregelen.\n\n" + header
            + "\n|---|---|---|\n| 1 | Meer inspecteurs | 20 |\n| 2 | Een campagne | 5 |\n")
    assert recommendations(run(text)) == {}


def test_a_summary_table_leaves_the_numbers_it_shares_with_headings_to_the_headings():
    text = SER_RESPONSE.replace("Het kabinet reageert per aanbeveling.",
                                "\n\n| Aanbeveling | Standpunt |\n|---|---|\n| 1. Versterk de handhaving | Afgewezen |\n"
                                "| 3. Maak een fonds | Afgewezen |\n")
    result = run(text)
    assert set(recommendations(result)) == {"1", "2", "3"}
    assert stance_of(result, "1") == "Adopted"  # the section's reaction, not the table's "Afgewezen"
    assert stance_of(result, "3") == "NotAdopted"


def test_a_numbered_list_of_facts_is_no_recommendation():
    """Numbered lines with nothing between them are a list; its last item does not take in the text
    that follows (here: a reaction in the cabinet's voice)."""
    facts = ("De raad noemt drie cijfers:\n\n1. Ruim een miljoen werkenden volgde geen scholing.\n"
             "2. Praktisch opgeleiden leren minder.\n3. Kleine werkgevers investeren het minst.\n\n"
             "Het kabinet herkent dit beeld en neemt maatregelen.\n")
    text = "Kabinetsreactie op het advies 'Werk dat werkt'\n\n" + facts
    assert recommendations(run(text)) == {}
    # a numbered line with its own text below it stays a heading
    headings = NUMBERED_OUTLINE.replace("Reactie\nHet kabinet neemt", "Reactie\n1. Het kabinet neemt")
    assert {"1.1", "1.2"} <= set(recommendations(run(headings)))


def test_the_outline_keeps_the_answered_headings_after_a_summary_list():
    summary = ("De raad doet twee aanbevelingen:\n\n1.1. Actualiseer de normen\n1.2. Verken een nieuwe aanpak\n\n")
    text = NUMBERED_OUTLINE.replace("1. Regels\n", summary + "1. Regels\n")
    recs = recommendations(run(text))
    assert set(recs) == {"1.1", "1.2"}
    assert "artikel 5" in dict(recs["1.1"].props)["dcterms:description"]


@pytest.mark.parametrize("proposal,addressed", [
    ("De SER adviseert iedere werkgever met meer dan tien werknemers een plan te laten maken.", False),
    ("De SER adviseert per 100 werknemers een preventiemedewerker.", False),
    ("De SER adviseert werknemers beter te betrekken bij het arbobeleid.", True),
])
def test_a_counted_group_is_not_addressed(proposal, addressed):
    text = SER_RESPONSE.replace("De SER adviseert de Arbeidsinspectie te versterken en werkgevers beter te controleren.",
                                proposal)
    keys = {v.key for p, v in recommendations(run(text))["1"].props if p == "polder:addressedTo"}
    assert ("group/werknemers" in keys) is addressed


MINISTER_LETTER = """Reactie op het SER-advies 'Werk dat werkt'

Aanbeveling 1: Versterk de handhaving

De SER adviseert de Arbeidsinspectie te versterken.

Reactie
{reaction}

Aanbeveling 2: Verplicht een preventiebudget

De SER stelt voor een verplicht budget in te voeren.

Reactie
Ik zie geen aanleiding om een verplicht budget in te voeren.

Hoogachtend,

De minister van Sociale Zaken en Werkgelegenheid,

A.B. de Vries
"""


@pytest.mark.parametrize("reaction,respondent", [
    ("Ik neem deze aanbeveling over.", "person/a-b-de-vries"),  # the minister speaks for himself
    ("Het kabinet neemt deze aanbeveling over.", "org/kabinet"),  # the letter speaks for the cabinet
])
def test_the_signing_minister_is_the_respondent_of_a_letter_in_the_first_person(reaction, respondent):
    result = run(MINISTER_LETTER.format(reaction=reaction))
    doc = {getattr(r.value, "key", None) for r in result.relations if r.prop == "polder:respondent"}
    assert doc == {respondent}
    responses = {v.key for e in result.entities.values() if e.cls == "Response" for p, v in e.props
                 if p == "polder:respondent"}
    assert responses == {respondent}


def test_an_unsigned_first_person_letter_keeps_the_cabinet_as_respondent():
    text = MINISTER_LETTER.format(reaction="Ik neem deze aanbeveling over.").replace("A.B. de Vries\n", "")
    result = run(text)
    assert {getattr(r.value, "key", None) for r in result.relations if r.prop == "polder:respondent"} == {"org/kabinet"}


def test_one_explicit_heading_alone_is_a_recommendation():
    text = SER_RESPONSE.split("Aanbeveling 2")[0]
    assert set(recommendations(run(text))) == {"1"}
    assert stance_of(run(text), "1") == "Adopted"


@pytest.mark.parametrize("sentence,title", [
    ("Hierbij reageer ik op het advies van de Raad voor Volksgezondheid en Samenleving 'Zorg op afstand'.",
     "Zorg op afstand"),
    ("Hierbij reageer ik op het advies van de SER 'Zorg op afstand'.", "Zorg op afstand"),
    # the advice of the Raad van State on a bill is not named by the bill's title
    ("Het advies van de Raad van State over het wetsvoorstel 'Wet werken waar je wilt' volgt.", None),
])
def test_the_advice_named_after_its_body(sentence, title):
    text = "Geachte voorzitter,\n\n" + sentence + "\n\n" + SER_RESPONSE.split("\n\n", 2)[2]
    advices = {e.label for e in run(text).entities.values() if e.cls == "Advice"}
    assert advices == ({title} if title else set())


def test_two_signing_ministers_of_a_letter_in_the_first_person_plural_both_respond():
    text = (MINISTER_LETTER.format(reaction="Wij nemen deze aanbeveling over.")
            + "\nDe minister van Onderwijs, Cultuur en Wetenschap,\n\nC.D. Jansen\n")
    result = run(text)
    doc = {getattr(r.value, "key", None) for r in result.relations if r.prop == "polder:respondent"}
    assert doc == {"person/a-b-de-vries", "person/c-d-jansen"}


@pytest.mark.parametrize("line,marker", [
    ("Reactie minister van OCW", True),
    ("Reactie van de minister van Sociale Zaken en Werkgelegenheid:", True),
    ("Reactie minister voor Armoedebeleid, Participatie en Pensioenen", True),
    ("Reactie van beide ministers", True),
    ("Reactie minister van Financiën volgt later", False),  # a sentence about a reaction
])
def test_one_ministers_reaction_marker(line, marker):
    assert bool(response.rules()["marker"].fullmatch(line)) is marker


@pytest.mark.parametrize("line,number", [
    ("Aanbeveling B: Versterk de handhaving", "B"),
    ("Aanbeveling I: Versterk de handhaving", "I"),  # a roman numeral
    ("Aanbeveling A wordt later besproken.", None),
])
def test_recommendations_numbered_by_capital_letter(line, number):
    found = [h.number for h in response.find_headings(line + "\n", len(line) + 1)]
    assert found == ([number] if number else [])
    assert response.ordinal("B") == 2


@pytest.mark.parametrize("line,number", [
    ("Eerste aanbeveling: versterk de handhaving", "1"),
    ("Tweede advies – Verhoog het budget", "2"),
    ("Tweede aanbeveling van de SER: Verhoog het budget", "2"),
    ("Eerste aanbeveling is dat de raad meer wil.", None),  # running text
    ("De eerste aanbeveling: versterk de handhaving", None),
])
def test_recommendations_numbered_by_ordinal_words(line, number):
    found = [h.number for h in response.find_headings(line + "\n", len(line) + 1)]
    assert found == ([number] if number else [])


AD_REPLIES = """Kabinetsreactie op het advies 'Werk dat werkt'

De raad doet de volgende aanbevelingen:

1. Versterk de handhaving.
2. Verplicht een preventiebudget.

Ad 1
Het kabinet neemt deze aanbeveling over.

Ad 2
Het kabinet ziet geen aanleiding voor een verplicht budget.
"""


def test_replies_to_listed_recommendations():
    result = run(AD_REPLIES)
    recs = recommendations(result)
    assert recs["2"].label == "Verplicht een preventiebudget"
    assert (stance_of(result, "1"), stance_of(result, "2")) == ("Adopted", "NotAdopted")


@pytest.mark.parametrize("line,number", [
    ("Ad 1", "1"),
    ("Ad aanbeveling 2: Verplicht een budget", "2"),
    ("Ad hoc overleg volgt.", None),  # "ad hoc"
    ("Ad 3 wordt hieronder besproken.", None),
])
def test_reply_headings(line, number):
    found = [h.number for h in response.find_headings(line + "\n", len(line) + 1)]
    assert found == ([number] if number else [])


def test_a_status_column_with_one_word_verdicts():
    text = ("Kabinetsreactie op het advies 'Werk dat werkt'\n\nHet kabinet geeft uw Kamer per aanbeveling de stand van zaken.\n\n"
            "| Aanbeveling | Status |\n|---|---|\n| 1. Versterk de handhaving | In uitvoering |\n"
            "| 2. Verplicht een budget | Afgewezen |\n| 3. Maak een loket | Wordt onderzocht |\n")
    result = run(text)
    assert [stance_of(result, n) for n in ("1", "2", "3")] == ["Adopted", "NotAdopted", "UnderConsideration"]
    # a sentence that reports on something carried out is no verdict
    assert stance.classify("De evaluatie is in 2024 uitgevoerd.").stance == "Noted"


REFERENCED = """Kabinetsreactie op het SER-advies 'Hybride werken'

Geachte voorzitter,

De SER heeft het advies 'Hybride werken' uitgebracht. De raad pleit voor afspraken op het niveau van de sector. Hieronder ga ik in op de aanbevelingen.

Het verzoek om thuis te werken

In aanbeveling 1 vraagt de SER het kabinet om in de Wet flexibel werken een zwaardere toets op te nemen. Het kabinet neemt deze aanbeveling niet over.

Gezond thuiswerken

Ook de tweede aanbeveling, over de thuiswerkplek, spreekt het kabinet aan. De raad vraagt om de regels uit te leggen.

Het kabinet neemt deze aanbeveling over.

Tot slot vraagt de SER in zijn derde aanbeveling de vrijstelling te verhogen. Het kabinet beraadt zich hier nog op.

Hoogachtend,

de minister van Sociale Zaken en Werkgelegenheid,

J. Jansen
"""


def test_recommendations_taken_up_by_their_number_in_running_text():
    """A letter that names each recommendation by its number where it takes it up: the text's numbers, not
    the order of proposals found ("De raad pleit voor ..." in the introduction is none)."""
    result = run(REFERENCED)
    recs = recommendations(result)
    assert set(recs) == {"1", "2", "3"}
    assert recs["3"].label.startswith("Tot slot vraagt de SER in zijn derde aanbeveling")
    assert [stance_of(result, n) for n in "123"] == ["NotAdopted", "Adopted", "UnderConsideration"]
    # one number named once is no such letter; numbers out of order neither
    once = run(REFERENCED.replace("Ook de tweede", "Ook de").replace("zijn derde", "zijn"))
    assert recommendations(once).keys() != {"1"}
    assert not any(m.rule.startswith("rec.referenced") for m in once.mentions)  # (the look-alike above can hardly fail)
    swapped = REFERENCED.replace("aanbeveling 1 ", "aanbeveling 4 ")
    assert "4" not in recommendations(run(swapped))


def test_a_list_that_restarts_at_one_inside_a_section_holds_the_recommendations():
    """"2. Aanbevelingen en reactie" and then "1. Introduceer ...", "2. Veranker ...": the list whose items
    carry the reactions is the outline, not the document's own section numbers."""
    text = ("Kabinetsreactie op het SER-advies 'Vakmanschap'\n\n1. Inleiding\n\nDe SER bracht het advies uit.\n\n"
            "2. Aanbevelingen en reactie van het kabinet\n\n"
            "1. Introduceer een ontwikkelbudget voor iedere werkende.\n\n"
            "Reactie kabinet: Het kabinet neemt deze aanbeveling niet over.\n\n"
            "2. Veranker het recht op scholing van de werknemer.\n\n"
            "Reactie kabinet: Het kabinet neemt deze aanbeveling over.\n\n"
            "3. Maak de bekostiging van het mbo flexibeler.\n\n"
            "Reactie kabinet: Het kabinet neemt deze aanbeveling gedeeltelijk over.\n\n"
            "3. Tot slot\n\nHet kabinet dankt de SER en wijst op artikel 18b van de Participatiewet.\n")
    result = run(text)
    recs = recommendations(result)
    assert set(recs) == {"1", "2", "3"} and recs["2"].label.startswith("Veranker")
    assert [stance_of(result, n) for n in "123"] == ["NotAdopted", "Adopted", "PartlyAdopted"]
    assert not any("participatiewet" in getattr(v, "key", "") for p, v in recs["3"].props if p == "polder:refersTo")


def test_a_magazine_lists_an_advices_recommendations_with_the_cabinets_reaction_to_each():
    text = ("# SER Magazine — mei 2025\n\n### Kabinet reageert op advies\n\nHet kabinet heeft gereageerd op het "
            "SER-advies. Het kabinet deelt de analyse. Het advies bevatte drie aanbevelingen:\n\n"
            "1. Richt per sector een leerwerkloket in. **Het kabinet neemt deze aanbeveling over** en stelt middelen "
            "beschikbaar.\n2. Voer een scholingsaftrek in. Het kabinet neemt deze aanbeveling niet over.\n"
            "3. Maak scholing onderdeel van het jaargesprek.\n\nDe commissie is tevreden.\n")
    result = run(text, "sermagazine_kort_nieuws")
    assert result.doc.kind == "magazine"
    recs = recommendations(result)
    assert set(recs) == {"1", "2", "3"} and recs["1"].label == "Richt per sector een leerwerkloket in"
    assert [stance_of(result, n) for n in "12"] == ["Adopted", "NotAdopted"]
    assert f"doc/{result.doc.stem}/recommendation/3/response" not in result.entities  # no reaction given


def test_a_quoted_list_of_recommendations_in_a_magazine_box():
    text = ("SER Magazine | maart 2025\n\nInterview\n\n> **Het advies in het kort**\n>\n> De SER doet twee "
            "aanbevelingen:\n>\n> 1. Behoud de koppeling met het minimumloon.\n> 2. Maak inkomen voorspelbaarder.\n")
    assert set(recommendations(run(text, "sermagazine_interview"))) == {"1", "2"}


def test_the_last_recommendation_ends_where_the_next_chapter_begins():
    """"2. Reactie per aanbeveling", "Ad 1." ... "Ad 2.", then "3. Implementatie ...": the next chapter is no part
    of the last reaction (its "grotendeels" made the adoption partial)."""
    text = ("Kabinetsreactie op het SER-advies 'Zeker werk'\n\n1. Hoofdlijn\n\nDe SER bracht een advies uit.\n\n"
            "2. Reactie per aanbeveling\n\nAd 1. Verhoog het minimumloon\n\nHet kabinet neemt deze aanbeveling niet over.\n\n"
            "Ad 2. Monitor de bestaanszekerheid\n\nHet kabinet neemt deze aanbeveling over.\n\n"
            "3. Implementatie van de richtlijn\n\nNederland voldoet al grotendeels aan de verplichtingen van artikel 4 "
            "van de Participatiewet.\n")
    result = run(text)
    assert stance_of(result, "2") == "Adopted"
    assert not any("participatiewet" in getattr(v, "key", "") for p, v in recommendations(result)["2"].props)


def test_a_magazine_asks_what_the_cabinet_does_with_the_recommendations():
    text = ("SER Magazine | oktober 2024\n\nKabinet neemt aanbevelingen over\n\nHet kabinet reageert op het advies.\n\n"
            "Wat doet het kabinet met de aanbevelingen?\n\n"
            "1. Ontwikkelbudget voor iedere werkende. Het kabinet neemt deze aanbeveling over.\n\n"
            "2. Een landelijk fonds voor scholing. Het kabinet neemt deze aanbeveling niet over.\n")
    result = run(text, "sermagazine_nieuws")
    assert [stance_of(result, n) for n in "12"] == ["Adopted", "NotAdopted"]
    # without the question a numbered list is no recommendations, unless its items are answered in so many words
    asked_otherwise = text.replace("Wat doet het kabinet met de aanbevelingen?", "Wat doet het kabinet nu?")
    facts_only = asked_otherwise.replace(" Het kabinet neemt deze aanbeveling over.", "").replace(
        " Het kabinet neemt deze aanbeveling niet over.", "")
    assert recommendations(run(facts_only, "sermagazine_nieuws")) == {}
    assert [stance_of(run(asked_otherwise, "sermagazine_nieuws"), n) for n in "12"] == ["Adopted", "NotAdopted"]


TWO_ADVICES = """Kabinetsreactie op de SER-adviezen 'Zeker werk' en 'Vakmensen'

Deel A. Zeker werk

Aanbeveling 1 – Vervang oproepcontracten door basiscontracten
De SER adviseert basiscontracten.

Het kabinet neemt deze aanbeveling over.

Aanbeveling 2 – Versterk het toezicht
De SER beveelt meer toezicht aan.

Het kabinet heeft hier reeds in voorzien.

Deel B. Vakmensen

3.1 Stel een actieplan op voor de installatietechniek
De SER adviseert een actieplan.

Het kabinet neemt deze aanbeveling over.

3.2 Verlaag het btw-tarief op warmtepompen
De SER stelt dit voor.

Het kabinet neemt deze aanbeveling niet over.

4. Tot slot

Wij danken de SER.
"""


def test_a_second_advice_answered_below_the_first_goes_on_with_its_numbers():
    result = run(TWO_ADVICES)
    assert set(recommendations(result)) == {"1", "2", "3.1", "3.2"}
    assert [stance_of(result, n) for n in ("3.1", "3.2")] == ["Adopted", "NotAdopted"]
    # the second recommendation's reaction ends where the second advice's numbers begin
    assert stance_of(result, "2") != "NotAdopted"


BOXED_PARTS = """Kabinetsreactie op het SER-advies 'Basisvaardigheden'

+--------------------------------------------------+
| Aanbeveling 1                                    |
| Stel een nationaal doel vast.                    |
+--------------------------------------------------+

Het kabinet neemt dit doel over.

+--------------------------------------------------+
| Aanbeveling 2                                    |
| Maak taalonderwijs beter toegankelijk:           |
| 2a. Geef gemeenten meer middelen;                |
| 2b. Werkgevers: investeer in taal.               |
+--------------------------------------------------+

Ad 2a. Het kabinet neemt deze aanbeveling over. Gemeenten ontvangen vanaf 2026 meer middelen.

Ad 2b. Deze aanbeveling richt zich tot werkgevers. Het kabinet neemt er kennis van.
"""


def test_recommendations_in_boxes_and_one_answered_through_its_parts():
    result = run(BOXED_PARTS)
    recs = recommendations(result)
    assert {"1", "2", "2a", "2b"} <= set(recs) and recs["1"].label.startswith("Stel een nationaal doel")
    assert stance_of(result, "1") == "Adopted"
    assert stance_of(result, "2") == "PartlyAdopted"  # adopted in one part, noted in the other
    cues = [v for p, v in result.entities[f"doc/{result.doc.stem}/recommendation/2/response"].props if p == "polder:cue"]
    assert cues and cues[0].startswith("stance.parts/1")
    assert response.summed_stance(["NotAdopted", "NotAdopted"]) == "NotAdopted"
    assert response.summed_stance(["Noted", "UnderConsideration"]) == "UnderConsideration"


BOLD_LEADS = """Kabinetsreactie op het SER-advies 'Goed werk voor arbeidsmigranten'

Hieronder wordt per aanbeveling de reactie van het kabinet gegeven.

**1. Voer het toelatingsstelsel voor uitzendbureaus snel in.** Het kabinet is het hiermee eens. De wet is in werking.

**2. Ontkoppel huisvesting en arbeidscontract.** De SER wil dat een arbeidsmigrant zijn woning houdt. Het kabinet neemt deze aanbeveling niet over.

**3. Registreer arbeidsmigranten altijd.** Het kabinet deelt de wens tot betere registratie, maar heeft nog geen besluit genomen over de vorm.
"""


def test_numbered_paragraphs_that_answer_their_own_proposal():
    result = run(BOLD_LEADS)
    assert set(recommendations(result)) == {"1", "2", "3"}
    assert [stance_of(result, n) for n in "123"] == ["Adopted", "NotAdopted", "UnderConsideration"]
    # a list of facts without the cabinet's voice stays no recommendation
    facts = BOLD_LEADS.replace("Het kabinet", "De sector")
    assert recommendations(run(facts)) == {}


CHAPTERS = """Kabinetsreactie op het SER-advies 'Medezeggenschap'

1. Inleiding

De SER bracht advies uit. Het kabinet dankt de raad.

2. Hoofdlijnen van het advies

Het kabinet onderschrijft de hoofdlijnen van het advies.

3. Reactie op de aanbevelingen

3.1 Aanbeveling 1: Verkort de termijn voor uitzendkrachten

Het kabinet neemt deze aanbeveling over.

3.2 Aanbeveling 2: Geef de ondernemingsraad instemmingsrecht

Aanbeveling 2 gaat het kabinet te ver. Het kabinet neemt deze aanbeveling niet over.

4. Tot slot

Het kabinet ziet uit naar de uitvoering.
"""


def test_a_section_numbered_by_the_letter_that_names_its_recommendation():
    result = run(CHAPTERS)
    recs = recommendations(result)
    assert set(recs) == {"1", "2"} and recs["1"].label == "Verkort de termijn voor uitzendkrachten"
    assert [stance_of(result, n) for n in "12"] == ["Adopted", "NotAdopted"]


def test_a_reaction_in_the_paragraph_of_a_recommendation_named_with_its_gist():
    text = ("Kabinetsreactie op het SER-advies 'Gezond doorwerken'\n\n"
            "Aanbeveling 8 (verleng de maatwerkregeling tot 2030). Het kabinet beziet deze aanbeveling welwillend. "
            "Over verlenging wordt later besloten.\n\n"
            "Aanbeveling 9 (versterk het verlofsparen). De SER wijst erop dat de regeling weinig wordt benut. "
            "Het kabinet neemt deze aanbeveling gedeeltelijk over.\n")
    result = run(text)
    assert [stance_of(result, n) for n in ("8", "9")] == ["UnderConsideration", "PartlyAdopted"]


def stances(result) -> dict[str, str]:
    """number → stance of every recommendation of the result (None where it has no response)."""
    return {number: stance_of(result, number) if f"doc/{result.doc.stem}/recommendation/{number}/response"
            in result.entities else None for number in recommendations(result)}


def test_recommendations_numbered_from_a_later_chapter():
    """"3.1 ... 5.1" after an unnumbered introduction: the outline may open on a chapter's first part."""
    text = ("Kabinetsreactie op het SER-advies 'Pensioen voor iedereen'\n\nDe aanbevelingen\n\n"
            "Hieronder reageer ik op de aanbevelingen.\n\n"
            "3.1  Breng de witte vlek jaarlijks in beeld\n\nDe SER beveelt aan dat het CBS jaarlijks rapporteert.\n\n"
            "Reactie: Het kabinet neemt deze aanbeveling over.\n\n"
            "3.2  Verkort de wachttijd voor uitzendkrachten\n\nDe SER vraagt cao-partijen de wachttijd te verkorten.\n\n"
            "Reactie: Het kabinet neemt er kennis van.\n\n"
            "4.1  Vergroot de fiscale ruimte\n\nDe SER beveelt aan de jaarruimte te verhogen.\n\n"
            "Reactie: Het kabinet neemt deze aanbeveling niet over.\n")
    assert stances(run(text)) == {"3.1": "Adopted", "3.2": "Noted", "4.1": "NotAdopted"}


GROUPED = """Kabinetsreactie op het SER-advies 'Flex in balans'

Adviezen 1 tot en met 3 – Oproepcontracten

De SER doet drie samenhangende adviezen over oproeparbeid.

Reactie
De adviezen 1 en 2 neemt het kabinet over. Het kabinet zal de oproeptermijn verlengen.

Advies 3 neemt het kabinet niet over. Een heffing per uur is niet uitvoerbaar.

Advies 4 – Gelijke beloning

De SER adviseert gelijke beloning voor uitzendkrachten.

Reactie
Het kabinet neemt hiervan kennis.
"""


def test_a_group_answered_number_by_number_gets_each_its_own_stance():
    result = run(GROUPED)
    assert [stance_of(result, n) for n in "1234"] == ["Adopted", "Adopted", "NotAdopted", "Noted"]


def test_a_group_answered_as_a_whole_gives_each_the_stance_of_the_whole():
    text = GROUPED.replace("De adviezen 1 en 2 neemt het kabinet over.", "Deze adviezen neemt het kabinet over.") \
                  .replace("Advies 3 neemt het kabinet niet over. Een heffing per uur is niet uitvoerbaar.",
                           "Het kabinet werkt ze uit in een wetsvoorstel.")
    assert [stance_of(run(text), n) for n in "123"] == ["Adopted"] * 3


def test_a_group_heading_with_an_article_and_a_paragraph_that_opens_on_numbers():
    text = ("Kabinetsreactie op het SER-advies 'Armoede'\n\n"
            "Aanbeveling 1. Het kabinet neemt deze aanbeveling over.\n\n"
            "De aanbevelingen 2 en 3. Deze aanbevelingen gaan over handhaving. Ik laat beide punten meenemen in de "
            "evaluatie van de wet.\n\n"
            "De adviezen 4 en 5 neemt het kabinet over, zoals gezegd.\n")
    recs = recommendations(run(text))
    assert {"1", "2", "3"} <= set(recs)
    assert not {"4", "5"} & set(recs)  # a paragraph that opens "De adviezen 8 en 9 neemt ..." is no heading


def test_the_outline_with_more_recommendations_wins_over_the_chapters():
    text = ("Kabinetsreactie op het CBM-advies 'Samen verduurzamen'\n\n## 1. Inleiding\n\nHet advies is goed.\n\n"
            "## 2. Reactie op de aanbevelingen\n\n"
            "**1. Verduidelijk het adviesrecht**\n\nHet kabinet neemt deze aanbeveling over.\n\n"
            "**2. Geef de ondernemingsraad informatie**\n\nHet kabinet zal de aanbeveling nader verkennen.\n\n"
            "**3. Versterk de ondernemingsraad**\n\nHet kabinet neemt deze aanbeveling niet over.\n\n"
            "## 3. Samenhang met ander beleid\n\nHet kabinet betrekt het advies bij de Klimaatwet.\n")
    assert stances(run(text)) == {"1": "Adopted", "2": "UnderConsideration", "3": "NotAdopted"}


THEMED = """Kabinetsreactie op het SER-advies 'Mens en machine'

De SER doet vier aanbevelingen, gegroepeerd rond twee thema's.

1. Vaardigheden en kennis
De SER stelt vast dat werkenden weinig zijn voorbereid. Hij beveelt aan te investeren in AI-geletterdheid (aanbeveling 1). Daarnaast adviseert de raad een kennisplatform in te richten (aanbeveling 3).
Het kabinet gaat met aanbeveling 1 aan de slag. Vanaf 2026 komt er budget.
Over aanbeveling 3 is nog geen besluit genomen.
2. Zeggenschap
De SER beveelt aan:
- werkgevers te verplichten werknemers te informeren (aanbeveling 2);
- een recht op menselijke tussenkomst in te voeren (aanbeveling 4).
Aanbeveling 2 neemt het kabinet niet over. Ook aanbeveling 4 onderschrijft het kabinet.
Tot slot
Het kabinet dankt de SER.
"""


def test_recommendations_cited_in_brackets_within_themes():
    result = run(THEMED)
    recs = recommendations(result)
    assert set(recs) == {"1", "2", "3", "4"}  # not the themes "1. Vaardigheden ..." and "2. Zeggenschap"
    assert recs["2"].label == "werkgevers te verplichten werknemers te informeren"
    assert [stance_of(result, n) for n in "1234"] == ["Adopted", "NotAdopted", "UnderConsideration", "Adopted"]


def test_citations_without_answers_do_not_replace_the_headings():
    text = THEMED.replace("Het kabinet gaat met aanbeveling 1 aan de slag.", "Het kabinet neemt dit over.") \
                 .replace("Over aanbeveling 3 is nog geen besluit genomen.", "") \
                 .replace("Aanbeveling 2 neemt het kabinet niet over. Ook aanbeveling 4 onderschrijft het kabinet.",
                          "Het kabinet neemt dit niet over.")
    assert set(recommendations(run(text))) == {"1", "2"}  # the numbered headings stay


def test_a_magazine_box_with_the_cabinets_reaction_under_each_item():
    text = ("SER Magazine | juli 2025\n\nReacties op het advies\n\nDe SER bracht een advies uit over verzuim.\n\n"
            "WAT ADVISEERT DE SER?\n\n"
            "1. Beperk de loondoorbetalingsplicht bij ziekte tot één jaar.\n"
            "Kabinet: neemt deze aanbeveling over en werkt haar uit in een wetsvoorstel.\n\n"
            "2. Vereenvoudig de poortwachterstoets.\n"
            "Kabinet: neemt deze aanbeveling niet over.\n\n"
            "3. Betrek de ondernemingsraad bij het verzuimbeleid.\n"
            "Kabinet: neemt hiervan kennis.\n")
    assert stances(run(text)) == {"1": "Adopted", "2": "NotAdopted", "3": "Noted"}


def test_a_magazine_list_answered_after_it_by_ordinals():
    text = ("SER Magazine | mei 2025\n\nJongeren en zekerheid\n\nDe SER bracht een advies uit. Wat adviseert het "
            "Jongerenplatform?\n\n1. Verhoog het minimumjeugdloon.\n2. Geef stagiairs een vergoeding.\n"
            "3. Verbied nulurencontracten voor scholieren.\n\nHet kabinet reageerde in april. De eerste aanbeveling "
            "wordt daarmee niet overgenomen. Over de tweede aanbeveling is nog geen besluit genomen. De derde "
            "aanbeveling neemt het kabinet wel over.\n")
    assert stances(run(text)) == {"1": "NotAdopted", "2": "UnderConsideration", "3": "Adopted"}


def test_a_bare_heading_whose_next_line_is_the_reaction_gets_no_label():
    """"Aanbeveling 1" alone on its line, then "Het kabinet neemt ...": the reaction is not the label."""
    text = ("Kabinetsreactie op het SER-advies 'Circulaire economie'\n\nHet kabinet reageert per aanbeveling.\n\n"
            "Aanbeveling 1\n\nHet kabinet neemt deze aanbeveling over. Er komt een programma.\n\n"
            "Aanbeveling 2\n\nDe SER vraagt om normering. Het kabinet neemt deze aanbeveling niet over.\n\n"
            "Aanbeveling 3\n\nStimuleer hergebruik van bouwmaterialen\n\nHet kabinet neemt hiervan kennis.\n")
    result = run(text)
    recs = recommendations(result)
    assert stances(result) == {"1": "Adopted", "2": "NotAdopted", "3": "Noted"}
    assert "kabinet" not in recs["1"].label and "normering" not in recs["2"].label
    assert recs["3"].label == "Stimuleer hergebruik van bouwmaterialen"  # a short line of one sentence is


def test_numbered_headings_whose_label_is_quoted():
    text = ("Kabinetsreactie op het SER-advies 'Zorgarbeidsmarkt'\n\nHet kabinet reageert per aanbeveling.\n\n"
            "1. \"Geef regionale werkgevers een rol in het opleiden\"\n\nHet kabinet neemt deze aanbeveling over.\n\n"
            "2. „Verlaag de administratieve lasten”\n\nHet kabinet neemt deze aanbeveling niet over.\n")
    assert stances(run(text)) == {"1": "Adopted", "2": "NotAdopted"}


def test_recommendations_taken_up_sentence_by_sentence_within_paragraphs():
    text = (
        "Kabinetsreactie op het SER-advies 'Naar een nieuw overlegmodel'\n\nGeachte voorzitter,\n\n"
        "Het advies bevat acht aanbevelingen. Aanbeveling 1 vraagt het kabinet de sociale partners eerder te "
        "betrekken. Het kabinet neemt deze aanbeveling over. Aanbeveling 2 vraagt om een jaarlijkse agenda. Het "
        "kabinet onderschrijft dit.\n\nIn aanbeveling 3 adviseert de SER een onafhankelijke voorzitter aan te "
        "stellen. Het kabinet neemt deze aanbeveling niet over. Aanbeveling 4 gaat over de regio. Het kabinet zal "
        "deze aanbeveling nader bezien.\n\nDe aanbevelingen 5 en 6 richten zich op sociale partners zelf. Het "
        "kabinet neemt hiervan kennis. Met aanbeveling 8, het evalueren van het model, stemt het kabinet in.\n\n"
        "Hoogachtend,\n\nDe minister van Sociale Zaken en Werkgelegenheid\n")
    result = run(text)
    assert stances(result) == {"1": "Adopted", "2": "Adopted", "3": "NotAdopted", "4": "UnderConsideration",
                               "5": "Noted", "6": "Noted", "8": "Adopted"}
    assert recommendations(result)["4"].label == "Aanbeveling 4 gaat over de regio"
    # a number lower than the last one is a reference back, not a new recommendation
    back = text.replace("Het kabinet neemt hiervan kennis.", "Het kabinet neemt hiervan kennis. Aanbeveling 2 "
                        "hangt hiermee samen.")
    assert stances(run(back)) == stances(result)


ADVICE_SUMMARY = """# Samenvatting advies 'Duurzaam terug naar werk'

## Aanleiding

De minister vroeg de SER om advies. In dit advies concludeert de SER dat het stelsel werkt. 1. Dit is geen aanbeveling.

## Aanbevelingen

De raad doet de volgende aanbevelingen.

**1. Behoud de loondoorbetalingsperiode van twee jaar.**
De SER is van mening dat de periode een prikkel tot re-integratie is.

**2. Vervang de toets op inspanningen door een toets op het resultaat.**
De raad adviseert de toetsing door UWV anders in te richten.

**3. Versterk het vangnet van de Ziektewet voor flexwerkers.**
Werknemers met een tijdelijk contract moeten beter worden begeleid.

## Tot slot

1. De SER benadrukt de samenhang.
"""


def test_an_advice_lists_its_own_recommendations_in_the_chapter_that_names_them():
    result = run(ADVICE_SUMMARY, stem="advies_samenvatting")
    assert result.doc.kind == "advice"
    recs = recommendations(result)
    assert {n: e.label for n, e in recs.items()} == {
        "1": "Behoud de loondoorbetalingsperiode van twee jaar",
        "2": "Vervang de toets op inspanningen door een toets op het resultaat",
        "3": "Versterk het vangnet van de Ziektewet voor flexwerkers"}
    assert "prikkel tot re-integratie" in dict(recs["1"].props)["dcterms:description"]
    assert "samenhang" not in dict(recs["3"].props)["dcterms:description"]  # the chapter ends at "Tot slot"
    assert not any(e.cls == "Response" for e in result.entities.values())  # an advice answers nothing
    # without the chapter's heading a numbered list is no advice's recommendations
    assert not recommendations(run(ADVICE_SUMMARY.replace("## Aanbevelingen", "## Overwegingen"), stem="advies_samenvatting"))


def test_a_tables_stance_column_beside_the_explained_reaction():
    text = ("Kabinetsreactie op het CBM-advies 'Medezeggenschap'\n\n"
            "| Nr. | Aanbeveling CBM | Reactie kabinet | Standpunt |\n|---|---|---|---|\n"
            "| 1 | Verduidelijk artikel 24 WOR. | Het kabinet neemt dit over. | Overnemen |\n"
            "| 2 | Verplicht jaarlijkse informatie over algoritmen. | Artikel 31 WOR regelt dit al grotendeels. | "
            "Deels overnemen |\n"
            "| 3 | Breid het instemmingsrecht uit. | Het kabinet steunt het doel, maar neemt de uitbreiding niet over. | "
            "Deels overnemen |\n"
            "| 4 | Stel een fonds in. | Het kabinet neemt dit niet over. | Kennisnemen |\n")
    # the explained reaction where the stance column states nothing the cues know ("Kennisnemen")
    assert stances(run(text)) == {"1": "Adopted", "2": "PartlyAdopted", "3": "PartlyAdopted", "4": "NotAdopted"}


def test_a_magazine_news_page_about_a_cabinet_reaction_with_a_box_of_recommendations():
    text = ("SER Magazine – mei 2025\nSER NIEUWS\n\nKabinet reageert op advies over leven lang ontwikkelen\n\n"
            "Het kabinet neemt het grootste deel van het SER-advies over. Dat schrijft de minister in de "
            "kabinetsreactie. Het kabinet onderschrijft de analyse. Volgens het kabinet is dat nodig. Het kabinet "
            "zet stappen. De kabinetsreactie gaat naar de Kamer. Het kabinet komt terug op de kabinetsreactie.\n\n"
            "[Kader]\nDe aanbevelingen en de reactie van het kabinet\n"
            "1. Breid de mobiliteitsteams uit tot leerwerkloketten.\n"
            "Het kabinet neemt deze aanbeveling over en stelt middelen beschikbaar.\n"
            "2. Zorg voor één ontwikkelbudget voor iedere werkende.\n"
            "Het kabinet neemt deze aanbeveling niet over; de budgettaire ruimte ontbreekt.\n"
            "3. Onderzoek een fiscale stimulans voor scholing.\n"
            "Het kabinet laat onderzoeken of een regeling mogelijk is.\n[Einde kader]\n")
    result = run(text, stem="magazine_nieuws")
    assert result.doc.kind == "magazine"  # the masthead outweighs the talk of the cabinet
    assert stances(result) == {"1": "Adopted", "2": "NotAdopted", "3": "UnderConsideration"}


def test_a_letterheads_number_field_is_no_heading_and_ordinals_take_up_the_recommendations():
    text = ("> Retouradres Postbus 20350 2500 EJ  Den Haag\n\nKenmerk\n3791046\n\nBijlage(n)\n1\n\nUw brief\n\n\n"
            "Datum 9 februari 2024\nBetreft Kabinetsreactie op het SER-advies ‘Zorg voor zorgprofessionals’\n\n"
            "Geachte voorzitter,\n\nDe SER formuleert drie aanbevelingen.\n\n"
            "De eerste aanbeveling van de SER is om de zeggenschap te verankeren.\n\n"
            "Het kabinet neemt deze aanbeveling over.\n\n"
            "De tweede aanbeveling richt zich op het terugdringen van administratieve lasten.\n\n"
            "Het kabinet neemt deze aanbeveling niet over.\n\n"
            "De derde aanbeveling vraagt om meer opleidingsplaatsen. Het kabinet zal dit nader onderzoeken.\n\n"
            "Hoogachtend,\n\nDe minister van Volksgezondheid, Welzijn en Sport\n")
    assert stances(run(text)) == {"1": "Adopted", "2": "NotAdopted", "3": "UnderConsideration"}


def test_minutes_report_the_cabinets_reaction_a_bullet_per_recommendation(tmp_path):
    text = ("VERSLAG\nvan de vergadering van de commissie, gehouden op vrijdag 16 mei 2025.\n\n"
            "Aanwezig: mevrouw H. Damsma (voorzitter), de heer P. Wisse\n\n1. Opening\nDe voorzitter opent de vergadering.\n\n"
            "2. Kabinetsreactie op het SER-advies 'Evenwichtig verzekerd'\nDe heer Wisse licht de reactie toe.\n\n"
            "- Aanbeveling 1 (de loondoorbetalingsplicht overhevelen naar een collectieve verzekering): het kabinet "
            "neemt deze aanbeveling niet over.\n"
            "- Aanbeveling 2 (re-integratie tweede spoor beleggen bij een dienstverlener): het kabinet neemt deze "
            "aanbeveling gedeeltelijk over.\n"
            "- Aanbeveling 3 (de poortwachterstoets vereenvoudigen): het kabinet neemt deze aanbeveling over.\n\n"
            "3. Rondvraag\nDe voorzitter sluit de vergadering.\n")
    result = run(text, stem="verslag_sev")
    assert result.doc.kind == "minutes"
    assert stances(result) == {"1": "NotAdopted", "2": "PartlyAdopted", "3": "Adopted"}
    assert recommendations(result)["3"].label == "de poortwachterstoets vereenvoudigen"


def test_a_group_answered_in_one_sentence_after_a_magazines_list():
    text = ("SER Magazine | oktober 2025\n\nDrie raden, één arbeidsmigrant\n\nDe vier aanbevelingen:\n\n"
            "1. Ontkoppel werk en wonen.\n2. Voer de certificering in.\n3. Schaf de inhouding af.\n\n"
            "Het kabinet reageerde in juni. Aanbeveling 1 en 2 neemt het kabinet over. Aanbeveling 3 neemt het kabinet "
            "niet over.\n")
    assert stances(run(text, stem="magazine_raden")) == {"1": "Adopted", "2": "Adopted", "3": "NotAdopted"}


def test_themes_that_name_their_recommendations_in_brackets():
    text = ("Kabinetsreactie op het SER-advies 'Leren in het werk'\n\nReactie van het kabinet\n\n"
            "Persoonlijk ontwikkelbudget (aanbeveling 1)\n\nHet kabinet laat de keuze aan een volgend kabinet.\n\n"
            "Flexibel onderwijsaanbod en erkenning van leren (aanbevelingen 2 en 3)\n\n"
            "Het kabinet onderschrijft het belang van flexibel onderwijs en neemt de tweede aanbeveling daarom over.\n\n"
            "Bij de derde aanbeveling maakt het kabinet onderscheid. Het kabinet wacht de pilot af.\n\n"
            "Ontwikkeladvies (aanbeveling 4)\n\nHet kabinet neemt deze aanbeveling niet over.\n")
    result = run(text)
    assert recommendations(result)["2"].label == "Flexibel onderwijsaanbod en erkenning van leren"
    assert stances(result) == {"1": "UnderConsideration", "2": "Adopted", "3": "UnderConsideration",
                               "4": "NotAdopted"}


def test_an_unmarked_last_section_that_answers_in_so_many_words():
    text = ("Kabinetsreactie op het SER-advies 'Energiearmoede'\n\n4.1 Versterk de energiehulp\n\n"
            "De SER vraagt om meer energiehulp.\n\nKabinetsreactie: het kabinet neemt deze aanbeveling over.\n\n"
            "4.2 Betrek bewoners bij de aanpak in de wijk\n\nDeze aanbeveling richt zich tot gemeenten. Het kabinet "
            "neemt er kennis van.\n\n5. Tot slot\n\nHet kabinet dankt de SER voor het advies.\n")
    assert stances(run(text)) == {"4.1": "Adopted", "4.2": "Noted"}


def test_a_summary_tables_stance_column_speaks_for_the_detailed_reaction_below():
    text = ("Kabinetsreactie op het CBM-advies 'Medezeggenschap'\n\n"
            "| Nr. | Aanbeveling CBM | Reactie kabinet | Standpunt |\n|---|---|---|---|\n"
            "| 1 | Verduidelijk artikel 24 WOR. | Zie hieronder. | Overnemen |\n"
            "| 2 | Verplicht informatie over algoritmen. | Zie hieronder. | Deels overnemen |\n\n"
            "Digitaal overleg (aanbeveling 1)\n\nHet kabinet neemt dit over.\n\n"
            "Algoritmen en AI (aanbeveling 2)\n\nArtikel 31 WOR regelt al veel. Het kabinet acht een aanvullende "
            "nationale verplichting daarom niet nodig, maar zal de handreiking aanvullen.\n")
    assert stances(run(text)) == {"1": "Adopted", "2": "PartlyAdopted"}


def test_runs_of_headings_each_answered_by_one_reaction_block():
    text = ("Kabinetsreactie op het advies van de SER en de RVS\n\nThema 1. Zeggenschap\n\n"
            "Aanbeveling 1: Veranker de zeggenschap van zorgprofessionals.\n"
            "Aanbeveling 2: Verminder de registratielast in de zorg.\n\n"
            "De raden stellen dat zeggenschap helpt.\n\nReactie\n"
            "Aanbeveling 1 neemt het kabinet over. Het wetsvoorstel ligt bij de Kamer.\n"
            "Met aanbeveling 2 is het kabinet het eens wat betreft het doel, maar het kiest niet voor een vast "
            "reductiedoel. Het kabinet neemt deze aanbeveling daarom gedeeltelijk over.\n\n"
            "Thema 2. Arbeidsvoorwaarden\n\n"
            "Aanbeveling 3: Bied vaker een vast contract aan.\nAanbeveling 4: Stel een maximumtarief in.\n\n"
            "Reactie\nAanbeveling 3 is gericht aan werkgevers. Het kabinet deelt het belang van goed werkgeverschap, "
            "maar het maken van afspraken is aan de cao-partijen. Het kabinet neemt kennis van deze aanbeveling.\n"
            "Over aanbeveling 4 heeft het kabinet nog geen besluit genomen.\n\nTot slot\nHet kabinet dankt de raden.\n")
    result = run(text)
    assert stances(result) == {"1": "Adopted", "2": "PartlyAdopted", "3": "Noted", "4": "UnderConsideration"}
    assert recommendations(result)["2"].label == "Verminder de registratielast in de zorg"


@pytest.mark.parametrize("layout", ["headings", "table", "list"])
def test_a_magazine_reports_the_cabinets_reaction_as_a_response_lays_it_out(layout):
    reactions = ["Het kabinet neemt deze aanbeveling over.", "Het kabinet neemt deze aanbeveling deels over.",
                 "Het kabinet heeft nog geen keuze gemaakt en laat eerst een uitvoeringstoets uitvoeren."]
    proposals = ["Een wettelijke plicht tot een vertrouwenspersoon", "Ontslagbescherming voor de vertrouwenspersoon",
                 "Wijs de ACM aan als toezichthouder"]
    if layout == "headings":
        body = "".join(f"Aanbeveling {i}: {p}.\n{r}\n\n" for i, (p, r) in enumerate(zip(proposals, reactions), 1))
    elif layout == "table":
        body = "| Nr. | Aanbeveling SER | Reactie kabinet |\n|---|---|---|\n" + "".join(
            f"| {i} | {p} | {r} |\n" for i, (p, r) in enumerate(zip(proposals, reactions), 1))
    else:
        body = "Het advies bevatte drie aanbevelingen aan het kabinet.\n\n" + "".join(
            f"{i}. {p}.\n   {r}\n\n" for i, (p, r) in enumerate(zip(proposals, reactions), 1))
    text = ("SER Magazine | mei 2025\n\nSociale veiligheid op het werk\n\nInterview met de voorzitter. Op 14 mei "
            "stuurde de minister de kabinetsreactie naar de Kamer.\n\n" + body)
    assert stances(run(text, stem="magazine_reactie")) == {"1": "Adopted", "2": "PartlyAdopted",
                                                              "3": "UnderConsideration"}


def test_a_magazine_box_answered_by_subject_in_the_interview_above_it():
    text = ("SER Magazine | maart 2025\n\nRepareren moet lonen\n\nDe commissie bracht het advies uit.\n\n"
            "Het kabinet heeft gereageerd. Wat vindt u daarvan?\n"
            "\"Gemengd. De minister neemt onze aanbeveling over een centraal reparatieplatform over. Ook de aanbeveling "
            "om de bewijslasttermijn te verlengen wordt overgenomen.\"\n\n"
            "\"Maar bij het verlaagde btw-tarief voor reparaties zegt het kabinet nee. Dat vind ik jammer.\"\n\n"
            "En de reparatievoucher?\n\"Daarover wil het kabinet eerst een pilot laten evalueren.\"\n\n"
            "KADER: De aanbevelingen van 'Repareren loont'\n\n"
            "1. Richt een landelijk reparatieplatform in.\n2. Verleng de termijn van het bewijsvermoeden.\n"
            "3. Verlaag het btw-tarief op reparatiediensten.\n4. Voer een landelijke reparatievoucher in.\n")
    assert stances(run(text, stem="magazine_repareren")) == {"1": "Adopted", "2": "Adopted", "3": "NotAdopted",
                                                               "4": "UnderConsideration"}


def test_a_plural_group_answered_mid_sentence_within_themes():
    text = ("Kabinetsreactie op het SER-advies 'Participatiewet'\n\nCluster I: Vertrouwen\n\n"
            "De SER adviseert de terugvordering te vervangen door een bevoegdheid (aanbeveling 1) en de boete te "
            "matigen (aanbeveling 2). Ook adviseert hij de kostendelersnorm af te schaffen (aanbeveling 3).\n\n"
            "Het kabinet neemt de aanbevelingen 1 en 2 over. De vrijlating gaat naar € 1.200 per jaar.\n\n"
            "Aanbeveling 3 neemt het kabinet niet over.\n\nCluster II: Werk\n\n"
            "De SER roept werkgevers op de banenafspraak na te komen (aanbeveling 4).\n\n"
            "Het kabinet neemt kennis van aanbeveling 4. Het kabinet merkt op dat de marktsector de doelstellingen "
            "grotendeels heeft gehaald.\n")
    assert stances(run(text)) == {"1": "Adopted", "2": "Adopted", "3": "NotAdopted", "4": "Noted"}


def test_parts_answered_on_their_reply_lines_and_a_summary_for_the_whole():
    text = ("Kabinetsreactie op het SER-advies 'Arbeidsmigratie'\n\nAd 1) Registratie\n\nHet kabinet neemt dit over.\n\n"
            "Ad 2) Toezicht\n\nHet kabinet neemt dit deels over.\n\nAd 3) Huisvesting\n\n"
            "Het kabinet neemt deze aanbeveling niet over.\n\nAd 4) Informatievoorziening\n\n"
            "De SER doet onder deze aanbeveling drie voorstellen.\n\n"
            "Ad 4a. Het kabinet neemt het voorstel over dat arbeidsmigranten zich inschrijven.\n\n"
            "Ad 4b. Ook het voorstel voor informatiepunten neemt het kabinet over. Er zijn 42 punten actief.\n\n"
            "Ad 4c. Het voorstel om werkgevers een taalaanbod te laten doen, neemt het kabinet niet over.\n\n"
            "Het kabinet neemt aanbeveling 4 daarmee grotendeels, maar niet volledig over.\n\n"
            "Ad 5) Regionale afspraken\n\nHet kabinet zal dit nader onderzoeken.\n")
    assert stances(run(text)) == {"1": "Adopted", "2": "PartlyAdopted", "3": "NotAdopted", "4": "PartlyAdopted",
                                  "4a": "Adopted", "4b": "Adopted",
                                  "4c": "NotAdopted", "5": "UnderConsideration"}


def test_themes_under_section_numbers_with_an_overview_table_above():
    text = ("Kabinetsreactie op het SER-advies 'Energietransitie'\n\n## 2. Overzicht\n\n"
            "| Nr. | Aanbeveling SER | Reactie kabinet |\n|---|---|---|\n"
            "| 1 | Voer een toets in | Overgenomen |\n| 2 | Herzie de tarieven | Gedeeltelijk overgenomen |\n"
            "| 3 | Richt een fonds op | Niet overgenomen |\n\n## 3. Reactie per thema\n\n"
            "### 3.1 Rechtvaardigheid (aanbeveling 1)\n\nHet kabinet neemt deze aanbeveling over.\n\n"
            "### 3.2 Tarieven en fondsen (aanbevelingen 2 en 3)\n\nHet kabinet herziet de tarieven. Een fonds "
            "komt er niet; daarvoor ontbreekt het geld.\n")
    result = run(text)
    assert set(recommendations(result)) == {"1", "2", "3"}  # not the sections 3.1 and 3.2
    assert stances(result) == {"1": "Adopted", "2": "PartlyAdopted", "3": "NotAdopted"}


def test_a_magazine_box_numbered_apart_with_items_over_two_lines_and_a_table_asking_what_the_cabinet_does():
    box = ("SER Magazine | juni 2024\n\nArbeidsmigratie\n\nHet advies is vastgesteld. De SER doet drie aanbevelingen:\n\n"
           "1  Voer zo snel mogelijk het toelatingsstelsel in en zorg dat de\nArbeidsinspectie kan handhaven.\n"
           "2  Ontkoppel huisvesting en arbeidscontract.\n3  Schrijf arbeidsmigranten vanaf de eerste dag in.\n\n"
           "Het kabinet reageerde in mei. De eerste aanbeveling neemt het kabinet over. De tweede aanbeveling "
           "neemt het kabinet deels over. Over de derde aanbeveling is nog geen besluit genomen.\n")
    assert stances(run(box, stem="magazine_box")) == {"1": "Adopted", "2": "PartlyAdopted", "3": "UnderConsideration"}
    table = ("SER Magazine | december 2024\n\nBestaanszekerheid\n\nDe staatssecretaris reageerde namens het kabinet.\n\n"
             "| Nr. | Aanbeveling van de SER | Wat doet het kabinet? |\n|---|---|---|\n"
             "| 1 | Verhoog het minimumloon. | Niet overgenomen. |\n| 2 | Schaf de kostendelersnorm af. | Gedeeltelijk "
             "overgenomen. |\n")
    assert stances(run(table, stem="magazine_tabel")) == {"1": "NotAdopted", "2": "PartlyAdopted"}
