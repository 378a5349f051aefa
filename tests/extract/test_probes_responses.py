"""Cabinet responses written for these tests (not corpus text) in layouts and phrasings the corpus
and the older probes lack: the recommendations and reactions in a markdown table, a summary list of
the recommendations before they are answered (as bullets, or as a table with one-word verdicts), "- Aanbeveling 1:" bullets
with "Reactie:" lines, a letter in the first person of the minister who signs it, "2.3"-style sections
with "Standpunt kabinet" lines, reactions over several paragraphs, numbered lists of facts and
"Aanbeveling 3.2 ..." in running text that are no recommendations, and stances in other words. The
facts an analyst would expect, end to end."""
from __future__ import annotations

import pytest

from polder.extract.pipeline import extract_file

from test_probes import PROBES, labels, relations, stances  # the probes' shared helpers

NAMES = ("kabinetsreactie_tabel_overzicht", "kabinetsreactie_minister_opsomming",
         "kabinetsreactie_paragrafen_standpunt", "kabinetsreactie_samenvatting_vooraf", "kabinetsreactie_kamerbrief_wij",
         "kabinetsreactie_twee_ministers", "kabinetsreactie_rangtelwoorden", "kabinetsreactie_ad_punten",
         "kabinetsreactie_lopende_tekst", "kabinetsreactie_letters_cursief")


@pytest.fixture(scope="module")
def extracted():
    return {name: extract_file(next(PROBES.glob(f"{name}.*"))) for name in NAMES}


def recommendations(ex) -> dict[str, object]:
    return {k.rsplit("/", 1)[1]: e for k, e in ex.entities.items() if e.cls == "Recommendation"}


def prop_keys(entity, prop: str) -> set[str]:
    return {getattr(v, "key", v) for p, v in entity.props if p == prop}


def response_respondents(ex) -> set[str]:
    return {key for e in ex.entities.values() if e.cls == "Response" for key in prop_keys(e, "polder:respondent")}


def test_recommendations_and_reactions_in_a_markdown_table(extracted):
    """One row per recommendation: number, proposal and reaction cells. The numbered facts above the
    table and 'Aanbeveling 6 wordt ...' in the closing paragraph are no recommendations."""
    ex = extracted["kabinetsreactie_tabel_overzicht"]
    assert ex.doc.kind == "government_response"
    assert stances(ex) == {"1": "Adopted",  # "neemt deze aanbeveling over"
                           "2": "NotAdopted",  # "verwerpt dit voorstel"
                           "3": "Adopted",  # "Wij gaan hiermee aan de slag"
                           "4": "UnderConsideration",  # "staat niet onwelwillend tegenover ..., maar wil eerst ... afwachten"
                           "5": "Noted",  # "De verantwoordelijkheid hiervoor ligt bij werkgevers en werknemers"
                           "6": "PartlyAdopted"}  # "deelt de analyse, maar een apart fonds gaat het kabinet te ver"
    recs = recommendations(ex)
    assert set(recs) == {"1", "2", "3", "4", "5", "6"}
    assert recs["2"].label == "Maak kinderopvang kosteloos voor alle ouders, ook voor ouders die niet werken"
    description = dict(recs["1"].props)["dcterms:description"]
    assert description.startswith("Financier") and "|" not in description and "neemt" not in description
    # "Werkgevers en werknemers maken ... afspraken": the groups are asked to act, not the cabinet
    assert {"group/werkgevers", "group/werknemers"} <= prop_keys(recs["5"], "polder:addressedTo")
    assert "org/kabinet" not in prop_keys(recs["5"], "polder:addressedTo")
    assert labels(ex, "Advice") == {"Kinderopvang als basisvoorziening"}
    assert relations(ex, "polder:respondent") == {("kabinetsreactie_tabel_overzicht", "org/kabinet")}


def test_a_ministers_letter_with_a_summary_list_and_bulleted_recommendations(extracted):
    """'• Aanbeveling 1 – ...' bullets announce the five recommendations; '- Aanbeveling 1: ...' bullets
    with 'Reactie:' lines answer them. The minister writes 'ik' and never for the cabinet, so the
    minister who signs is the respondent."""
    ex = extracted["kabinetsreactie_minister_opsomming"]
    assert stances(ex) == {"1": "PartlyAdopted",  # "Ik deel de analyse, maar een wettelijke plicht ... gaat mij te ver"
                           "2": "NotAdopted",  # "Ik kan mij niet vinden in deze aanbeveling"
                           "3": "UnderConsideration",  # third paragraph: "neem dit advies mee in de verkenning"
                           "4": "NotAdopted",  # "Ik zie hier geen rol voor de overheid"
                           "5": "Noted"}  # "Ik heb kennisgenomen van dit voorstel"
    recs = recommendations(ex)
    # the answered section, not the summary bullet, is the recommendation's section
    assert "automatisch laten deelnemen" in dict(recs["1"].props)["dcterms:description"]
    assert "law/pensioenwet/artikel-150o" in prop_keys(recs["5"], "polder:refersTo")
    minister = "person/m-j-van-der-linden-kok"
    assert relations(ex, "polder:respondent") == {("kabinetsreactie_minister_opsomming", minister)}
    assert response_respondents(ex) == {minister}
    assert "org/kabinet" in prop_keys(recs["2"], "polder:addressedTo")  # the advice still asks the government


def test_sub_numbered_sections_with_standpunt_lines(extracted):
    """'2 Ontwikkelen op de arbeidsmarkt' groups '2.1', '2.2', ...; 'Standpunt kabinet' opens each
    reaction; a numbered list of facts in the introduction and 'Aanbeveling 2.1 en ...' in running
    text are no recommendations; '4 Tot slot' is none either."""
    ex = extracted["kabinetsreactie_paragrafen_standpunt"]
    assert stances(ex) == {"2.1": "Adopted",  # "herkent zich in de analyse ... en gaat hiermee aan de slag"
                           "2.2": "NotAdopted",  # "Deze aanbeveling volgt het kabinet niet"
                           "2.3": "UnderConsideration",  # second paragraph: "houdt deze aanbeveling in beraad"
                           "3.1": "UnderConsideration",  # "staat er niet afwijzend tegenover, maar wil eerst ..."
                           "3.2": "PartlyAdopted",  # "omarmt het doel ..., maar wijst een nieuwe fiscale regeling af"
                           "3.3": "NotAdopted"}  # "is geen voorstander van"
    recs = recommendations(ex)
    assert recs["2.2"].label == "Verplicht werkgevers tot een jaarlijks scholingsplan"
    # "iedere werkgever met meer dan tien werknemers": employees are counted, not asked to act
    assert prop_keys(recs["2.2"], "polder:addressedTo") == {"org/kabinet", "group/werkgevers"}
    assert relations(ex, "polder:respondent") == {("kabinetsreactie_paragrafen_standpunt", "org/kabinet")}


def test_a_summary_table_with_verdicts_before_the_detailed_reactions(extracted):
    """A two-column table ('Aanbeveling 1: ...' | 'Overgenomen') sums up; numbered headings answer the
    first three in prose, the fourth only in the table."""
    ex = extracted["kabinetsreactie_samenvatting_vooraf"]
    assert stances(ex) == {"1": "Adopted", "2": "NotAdopted", "3": "PartlyAdopted", "4": "UnderConsideration"}
    recs = recommendations(ex)
    assert recs["4"].label == "Stel een Europees paspoort voor arbeidsmigranten in"
    # the detailed section answers recommendation 1, not the table's row
    assert "Basisregistratie" in dict(recs["1"].props)["dcterms:description"]
    response = ex.entities[next(k for k in ex.entities if k.endswith("recommendation/1/response"))]
    assert dict(response.props)["polder:quote"] == "Het kabinet neemt deze aanbeveling over."
    assert "org/nla" in prop_keys(recs["3"], "polder:addressedTo")


def test_pdf_text_of_a_letter_in_the_first_person_plural(extracted):
    """PDF text: 'Betreft Beleidsreactie op het SER-advies ...', 'Aanbeveling 1 van de SER: ...' headings
    (one running on to a second line), 'Aanbeveling 3 (hoofdstuk 4): ...', 'Onze appreciatie' lines,
    a reaction that runs over a page break, 'we' and never the cabinet: the signing minister responds."""
    ex = extracted["kabinetsreactie_kamerbrief_wij"]
    assert ex.doc.kind == "government_response"
    assert labels(ex, "Advice") == {"Werkende armoede voorkomen"}
    assert stances(ex) == {"1": "UnderConsideration",  # "terughoudend" ... (next page) "We wachten daarom de evaluatie ... af"
                           "2": "Adopted",  # "We gaan hierin mee"
                           "3": "Adopted",  # "Dit is al staand beleid"
                           "4": "NotAdopted"}  # "bedenkingen bij een verplichting ... geven hier dan ook geen opvolging aan"
    recs = recommendations(ex)
    assert recs["1"].label == "Verhoog het wettelijk minimumloon voor jongeren van 18 tot 21 jaar"
    assert recs["3"].label == "Zorg voor een vast aanspreekpunt bij schulden"
    assert "Pagina" not in dict(recs["1"].props)["dcterms:description"]
    minister = "person/h-w-ter-horst-bakker"
    assert relations(ex, "polder:respondent") == {("kabinetsreactie_kamerbrief_wij", minister)}
    assert response_respondents(ex) == {minister}


def test_a_letter_of_two_ministers_with_lettered_recommendations(extracted):
    """'**Aanbeveling A: ...**' to 'E', each reaction given by one minister ('Reactie minister van OCW:') or
    both ('Reactie van beide ministers:'); 'Aanbeveling A is volgens de raad ...' in running text."""
    ex = extracted["kabinetsreactie_twee_ministers"]
    assert stances(ex) == {"A": "PartlyAdopted",  # "niet zonder meer over"
                           "B": "Adopted",  # "zijn voorstander van deze aanbeveling"
                           "C": "UnderConsideration",  # "nemen deze aanbeveling nog niet over ... daarna nemen wij een besluit"
                           "D": "NotAdopted",  # "is het niet eens met de raad"
                           "E": "Adopted"}  # "kunnen deze aanbeveling niet anders dan onderschrijven"
    ocw, szw = "person/r-j-bruins-slot", "person/t-van-der-meer"
    assert relations(ex, "polder:respondent") == {("kabinetsreactie_twee_ministers", ocw),
                                                   ("kabinetsreactie_twee_ministers", szw)}
    by_number = {k.split("/recommendation/")[1].split("/")[0]: prop_keys(e, "polder:respondent")
                 for k, e in ex.entities.items() if e.cls == "Response"}
    assert by_number == {"A": {ocw}, "B": {ocw}, "C": {szw}, "D": {szw}, "E": {ocw, szw}}
    assert recommendations(ex)["A"].label == "Maak een techniekopleiding in het mbo gratis voor volwassenen"


def test_recommendations_numbered_by_ordinal_words_with_reactions_in_the_cabinets_voice(extracted):
    """'### Eerste aanbeveling: ...' to 'Vierde', no reaction marker: the paragraphs in the cabinet's voice
    react, one of them opening with its object ('Dit voorstel betrekken wij bij ...'); a reaction whose
    agreement with the goal comes first and whose refusal follows in the next paragraph."""
    ex = extracted["kabinetsreactie_rangtelwoorden"]
    assert stances(ex) == {"1": "NotAdopted",  # "onderschrijft het belang ..." then "neemt deze aanbeveling daarom niet over"
                           "2": "UnderConsideration",  # "neemt dit mee in de verkenning"
                           "3": "Adopted",  # "deelt de opvatting ... Hiermee is de aanbeveling al geregeld"
                           "4": "Noted"}  # "heeft begrip voor deze oproep. Het is aan de sociale partners"
    recs = recommendations(ex)
    assert recs["2"].label == "maak zzp'ers in de zorg minder aantrekkelijk voor zorgaanbieders"
    assert "85 procent" in dict(recs["1"].props)["dcterms:description"]
    assert "uitvoerbaar" not in dict(recs["1"].props)["dcterms:description"]  # the reaction is no proposal
    assert "group/sociale-partners" in prop_keys(recs["4"], "polder:addressedTo")


def test_replies_ad_1_ad_2_to_a_list_of_recommendations(extracted):
    """The letter lists the recommendations ('1. Geef ...', '2. ...') and replies to each further on
    ('Ad 1', 'Ad 2', ...): the listed item is the proposal, the reply the reaction."""
    ex = extracted["kabinetsreactie_ad_punten"]
    assert stances(ex) == {"1": "Adopted",  # "neemt deze aanbeveling over"
                           "2": "UnderConsideration",  # "komt hierop terug bij de Voorjaarsnota"
                           "3": "UnderConsideration",  # "vraagt ... om advies en neemt daarna een besluit"
                           "4": "NotAdopted"}  # "ziet geen meerwaarde in een aparte regisseur"
    recs = recommendations(ex)
    assert recs["3"].label == "Laat UWV en gemeenten één klantdossier delen"
    assert dict(recs["1"].props)["dcterms:description"] == "1. Geef de regionale werkcentra een wettelijke basis."
    assert {"org/uwv", "group/gemeenten"} <= prop_keys(recs["3"], "polder:addressedTo")


def test_recommendations_without_numbers_answered_one_by_one():
    """Bold proposals without numbers ("**Investeer in ...**"), each answered in the cabinet's voice
    right after it: numbered in order, each with its own stance. The reaction stops at the next
    heading, so 'Tot slot' and the signature are no part of the last one; the cabinet's thanks
    after the introduction and 'Zorg voor goede voorlichting ...' under 'Tot slot' (no reaction
    follows it) are no recommendations."""
    ex = extract_file(PROBES / "kabinetsreactie_vet_ongenummerd.md")
    recs = recommendations(ex)
    assert {n: e.label for n, e in recs.items()} == {
        "1": "Investeer in een leerrecht voor praktisch opgeleide werkenden",
        "2": "Maak de erkenning van werkervaring eenvoudiger",
        "3": "Werkgevers en gemeenten moeten samen verantwoordelijk worden voor de regionale arbeidsmarkt",
        "4": "Verhoog het budget van de regionale mobiliteitsteams structureel"}
    assert stances(ex) == {"1": "Adopted", "2": "PartlyAdopted", "3": "UnderConsideration", "4": "NotAdopted"}
    quotes = [dict(e.props)["polder:quote"] for e in ex.entities.values() if e.cls == "Response"]
    assert not any("Tot slot" in q or "Gennip" in q or "Regionale samenwerking" in q for q in quotes)
    assert labels(ex, "Advice") == {"Werken aan vakmanschap"}


def test_the_unnumbered_fallback_is_asked_for_by_cabinet_responses_only():
    """An advice's own unnumbered proposals with "Het kabinet moet ..." after them are no
    answered recommendations: only a cabinet response asks for the fallback."""
    from polder.extract import response

    text = ("De raad adviseert het volgende.\n\nInvesteer in een leerrecht voor praktisch opgeleide werkenden.\n\n"
            "Het kabinet moet daarvoor in de begroting ruimte maken.\n")
    assert response.sections(text, len(text)) == []
    [section] = response.sections(text, len(text), unnumbered=True)
    assert section.heading.label == "Investeer in een leerrecht voor praktisch opgeleide werkenden"


def test_proposals_retold_in_running_text_each_with_the_reaction_after_it(extracted):
    """No headings, no numbers: "De SER beveelt allereerst aan om ...", "Daarnaast stelt de raad voor ...",
    "De raad vraagt ook om ...; dat onderdeel wordt meegenomen ..." (the reaction after the semicolon),
    "Tot slot roept de raad ... op". "De raad signaleert/constateert ..." and the thanks are no proposals."""
    ex = extracted["kabinetsreactie_lopende_tekst"]
    assert stances(ex) == {"1": "Adopted",  # "neemt deze aanbeveling over"
                           "2": "PartlyAdopted",  # "onderschrijft het doel van de raad, maar kiest een andere route"
                           "3": "NotAdopted",  # "ziet hier geen aanleiding toe"
                           "4": "UnderConsideration",  # "wordt meegenomen ..., waarover het kabinet ... een besluit neemt"
                           "5": "UnderConsideration",  # "gaat dit verkennen"
                           "6": "Noted"}  # "heeft hier begrip voor, maar dit is aan de cao-partijen zelf"
    recs = recommendations(ex)
    assert recs["2"].label.startswith("Daarnaast stelt de raad voor om een persoonlijk ontwikkelbudget")
    assert recs["4"].label.endswith("uit te breiden naar uitzendkrachten en oproepkrachten")  # not the reaction
    assert "law/bw7/artikel-7-611a" in prop_keys(recs["4"], "polder:refersTo")
    assert "law/arbowet/artikel-3" in prop_keys(recs["1"], "polder:refersTo")
    assert labels(ex, "Advice") == {"Gezond en wendbaar de eindstreep halen"}


def test_lettered_recommendations_under_a_heading_and_an_advice_title_in_italics(extracted):
    """"## Aanbevelingen en kabinetsreactie" then "**a. Zet ...**": the lettered heading is not taken for the
    rest of a sentence cut by a page break. "Reactie van het kabinet op het SER-advies *Eerlijk werk via
    platforms*" names the advice though the italics are gone; "## Afsluiting" ends the last reaction."""
    ex = extracted["kabinetsreactie_letters_cursief"]
    assert stances(ex) == {"a": "Adopted", "b": "PartlyAdopted", "c": "Adopted", "d": "NotAdopted",
                           "e": "UnderConsideration", "f": "Noted"}
    assert labels(ex, "Advice") == {"Eerlijk werk via platforms"}
    quote = dict(ex.entities["doc/kabinetsreactie_letters_cursief/recommendation/f/response"].props)["polder:quote"]
    assert "Afsluiting" not in quote and "waardeert" not in quote
