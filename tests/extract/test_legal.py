"""Legal references and known-entity matching, on made-up sentences of every shape."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polder.extract import gazetteer
from polder.extract.legal import find_citations, find_named_laws, law_forms
from polder.extract.reference import load_reference


def cite(text: str):
    hits = [(h.start, h.end, h.key) for h in gazetteer.find(text) if h.cls == "Law"]
    return [(c.article, c.paragraph, c.law) for c in find_citations(text, hits)]


@pytest.mark.parametrize("text, expected", [
    ("Op basis van artikel 5 van de Arbeidsomstandighedenwet moeten werkgevers", ("5", None, "law/arbowet")),
    ("Artikel 46a WOR stelt dat de Raad tot taak heeft", ("46a", None, "law/wor")),
    ("geregeld in artikel 16, zevende lid, van de Arbowet dat", ("16", "7", "law/arbowet")),
    ("een aanpassing van artikel 16 lid 7 van de Arbowet aan", ("16", "7", "law/arbowet")),
    ("zoals in het Burgerlijk wetboek art 7: 658, lid 4 is opgenomen", ("7:658", "4", "law/bw7")),
    ("de CBM, een artikel 43-commissie van de Wet op de SER, die", ("43", None, "law/wet-op-de-ser")),
    ("Artikel 9, derde lid, van de Arbeidsomstandighedenwet.", ("9", "3", "law/arbowet")),
    ("een aanvulling van artikel 2.1.2 Wmo 2015 is nodig", ("2.1.2", None, "law/wmo-2015")),  # chapter.section.article
])
def test_article_with_its_law(text, expected):
    assert expected in cite(text)


def test_bare_article_takes_the_law_of_its_passage():
    text = "De Arbowet regelt veel. Artikel 12 schrijft overleg voor met de medezeggenschap."
    assert cite(text) == [("12", None, "law/arbowet")]


def test_bare_article_without_a_law_in_its_passage_stays_without_one():
    assert cite("Zie artikel 12 voor de details.") == [("12", None, None)]


def test_two_laws_in_one_sentence_are_not_guessed_between():
    text = "De WOR en de Arbowet kennen beide een artikel 12 dat hier speelt."
    assert cite(text) == [("12", None, None)]


@pytest.mark.parametrize("text", [
    "In 2.7. beveelt de SER aan", "paragraaf 3 van het advies", "nr. 528 van de Kamerstukken",
    "de artikelen in de krant",
])
def test_no_article_where_there_is_none(text):
    assert [c for c in cite(text) if c[2]] == []


def test_named_law_that_the_reference_does_not_know():
    text = "op basis van de Wet verlenging loondoorbetalingsverplichting bij ziekte (Wvlbz of VLZ)."
    found = find_named_laws(text, law_forms(load_reference()))
    assert [(name, abbr) for _s, _e, name, abbr, _r in found] == [
        ("Wet verlenging loondoorbetalingsverplichting bij ziekte", "Wvlbz")]


def test_a_compound_law_opened_by_algemene_or_tijdelijke():
    text = "Zie artikel 14 van de Algemene Kinderbijslagwet (AKW) en de Algemene Nieuwe regels."
    found = find_named_laws(text, law_forms(load_reference()))
    assert [(name, abbr) for _s, _e, name, abbr, _r in found] == [("Algemene Kinderbijslagwet", "AKW")]


def test_named_law_pattern_ignores_ordinary_words():
    text = "De wet- en regelgeving is complex. Wet is wet, zei hij."
    assert find_named_laws(text, law_forms(load_reference())) == []


@pytest.mark.parametrize("text, key", [
    ("de SER-subcommissie GSW informeert", "org/ser/gsw"),
    ("Het kabinet en de Sociaal-Economische Raad", "org/ser"),
    ("volgens het burgerlijk wetboek", "law/bw7"),
    ("namens VNO-NCW sprak", "org/vno-ncw"),
])
def test_known_entities_are_found(text, key):
    assert key in {h.key for h in gazetteer.find(text)}


@pytest.mark.parametrize("text, key", [
    ("de deeltijd-WW werd verlengd", "law/ww"),
    ("ECLI:NL:RVS:2024:4367", "org/rvs"),
    ("zie Rijksoverheid.nl voor meer", "org/rijksoverheid"),
    ("de ser", "org/ser"),  # acronyms keep their capitals
])
def test_known_entities_not_found_where_they_are_not_meant(text, key):
    assert key not in {h.key for h in gazetteer.find(text)}


def test_law_before_the_article():
    assert cite("Zie de WOR, artikel 46a, over de taak van de raad.") == [("46a", None, "law/wor")]


@pytest.mark.parametrize("text, names", [
    # a verb that closes the clause is no part of the name
    ("Het kabinet zal de Wet betaald ouderschapsverlof aanpassen, maar niet nu.", ["Wet betaald ouderschapsverlof"]),
    ("Daarom wordt de Wet modernisering zorgstelsel gewijzigd.", ["Wet modernisering zorgstelsel"]),
    # a name the document gave before, followed by more words, is that name
    ("Pas de Wet bescherming flexwerkers (WBF) aan. Het kabinet zal artikel 2 van de Wet bescherming"
     " flexwerkers spoedig herschrijven.", ["Wet bescherming flexwerkers"]),
    # a known law plus a verb is the known law: the gazetteer finds it, this rule finds nothing
    ("Het kabinet wil de Wet op de ondernemingsraden wijzigen.", []),
])
def test_named_law_ends_at_its_last_noun(text, names):
    found = find_named_laws(text, law_forms(load_reference()))
    assert sorted({name for _s, _e, name, _a, _r in found}) == names
    assert all(text[s:e] == name for s, e, name, _a, _r in found)


@pytest.mark.parametrize("text, expected", [
    # laws that number articles per chapter
    ("Zie artikel 2.3, eerste lid, van de Wet inkomstenbelasting 2001.", [("2.3", "1", "law/wet-ib-2001")]),
    ("Artikel 3.5 Omgevingswet regelt dat.", [("3.5", None, "law/omgevingswet")]),
    # every article of a list, with the law named after the list
    ("op grond van de artikelen 5 en 6 van de Arbowet", [("5", None, "law/arbowet"), ("6", None, "law/arbowet")]),
    ("de artikelen 5, 6 en 7a van de Arbeidsomstandighedenwet gelden",
     [("5", None, "law/arbowet"), ("6", None, "law/arbowet"), ("7a", None, "law/arbowet")]),
])
def test_chapter_numbered_articles_and_lists_of_articles(text, expected):
    assert cite(text) == expected


def test_numbering_without_the_word_artikel_is_still_no_article():
    assert cite("In 2.7. beveelt de SER aan dat de Arbowet in 3.2 wordt besproken.") == []


@pytest.mark.parametrize("text, expected", [
    # the paragraph before its article
    ("Het tweede lid van artikel 5 van de Arbowet gaat over de inventarisatie.", [("5", "2", "law/arbowet")]),
    ("Ingevolge lid 3 van artikel 2:10 Awb kan dat.", [("2:10", "3", "law/awb")]),
    ("De Arbowet regelt veel. Het derde lid van artikel 12 schrijft overleg voor.", [("12", "3", "law/arbowet")]),
])
def test_paragraph_before_its_article(text, expected):
    assert cite(text) == expected


@pytest.mark.parametrize("text", [
    "Het tweede lid van de commissie sprak over de Arbowet.",  # a member, no paragraph of an article
    "het eerste lid van de Arbowet",  # no article named
])
def test_paragraph_words_without_an_article_are_no_citation(text):
    assert cite(text) == []


def test_ilo_convention_by_its_number_is_a_law():
    text = "Nederland ratificeerde ILO-verdrag 155; het ILO-Verdrag 190 volgt."
    found = find_named_laws(text, law_forms(load_reference()))
    assert [name for _s, _e, name, _a, _r in found] == ["ILO-verdrag 155", "ILO-Verdrag 190"]


@pytest.mark.parametrize("text", [
    "De ILO-verdragen gaan over arbeid.", "het ILO-verdrag over geweld", "ILO-verdrag 2024/25 is geen nummer",
])
def test_ilo_words_without_a_convention_number_are_no_law(text):
    assert find_named_laws(text, law_forms(load_reference())) == []


def _laws_and_provisions(tmp_path, text: str) -> tuple[set[str], set[str]]:
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text(text, encoding="utf-8")
    ex = extract_file(path)
    return ({k for k, e in ex.entities.items() if e.cls == "Law"},
            {k for k, e in ex.entities.items() if e.cls == "Provision"})


def test_a_decree_named_after_a_known_act_is_a_law_of_its_own(tmp_path):
    laws, provisions = _laws_and_provisions(
        tmp_path, "Kabinetsreactie\n\nHet Besluit SUWI regelt de uitvoering. Artikel 3 van het Besluit SUWI geldt.\n")
    assert "law/besluit-suwi" in laws and "law/suwi" not in laws
    assert "law/besluit-suwi/artikel-3" in provisions


def test_a_known_act_after_a_decision_word_stays_the_act(tmp_path):
    laws, _ = _laws_and_provisions(tmp_path, "Kabinetsreactie\n\nBesluit: de Wet SUWI blijft. Het besluit WW kwam laat.\n")
    assert {"law/suwi", "law/ww"} <= laws and not any("besluit" in k for k in laws)


def test_an_article_of_a_law_the_reference_does_not_know(tmp_path):
    _, provisions = _laws_and_provisions(
        tmp_path, "Kabinetsreactie\n\nZie artikel 4, tweede lid, van de Wet betaalbare kinderopvang.\n")
    assert {"law/wet-betaalbare-kinderopvang/artikel-4",
            "law/wet-betaalbare-kinderopvang/artikel-4/lid-2"} <= provisions


def test_a_named_laws_abbreviation_later_in_the_text_is_that_law(tmp_path):
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text("Kabinetsreactie\n\nDe Wet bescherming flexwerkers (WBF) komt er. De Arbowet blijft. Artikel 2 van de"
                    " WBF geeft een recht; de WBF-regels en WBFX zijn iets anders.\n", encoding="utf-8")
    ex = extract_file(path)
    written = [ex_m.span.text for ex_m in ex.mentions if ex_m.key == "law/wet-bescherming-flexwerkers"]
    assert written == ["Wet bescherming flexwerkers", "WBF"]  # not "WBF-regels", "WBFX" or the bracket
    assert "law/wet-bescherming-flexwerkers/artikel-2" in ex.entities


@pytest.mark.parametrize("text, key", [
    ("zoals het Handvest van de grondrechten van de Europese Unie bepaalt", "law/handvest-grondrechten-eu"),
    ("het Europees Sociaal Handvest geldt ook", "law/europees-sociaal-handvest"),
    ("een beroep op het EVRM", "law/evrm"),
])
def test_treaties_on_rights_are_known_laws(text, key):
    assert key in {h.key for h in gazetteer.find(text)}


def test_the_handvest_alone_is_no_known_law():
    assert not [h for h in gazetteer.find("Het Handvest noemt dat recht.") if h.cls == "Law"]


def test_an_eu_acts_number_is_one_of_its_labels():
    """Cited by number ('Richtlijn (EU) 2022/2041'), an EU act is known by that number: a written
    form analysts see (altLabel), not a hidden one."""
    by_key = {k.key: k for k in load_reference()}
    assert "Richtlijn (EU) 2022/2041" in by_key["law/richtlijn-minimumlonen"].forms
    from rdflib import Graph, Literal
    from rdflib.namespace import SKOS
    from polder.extract.reference import ONTOLOGY_DIR
    g = Graph().parse(ONTOLOGY_DIR / "reference.ttl")
    assert Literal("Richtlijn (EU) 2022/2041", lang="nl") in set(g.objects(None, SKOS.altLabel))


def test_an_article_of_another_instrument_takes_no_law_from_the_passage():
    text = "De Arbowet is duidelijk. Toch biedt artikel 31 van het Handvest meer bescherming."
    assert cite(text) == [("31", None, None)]


def test_an_article_of_a_named_law_takes_that_law_over_the_passage(tmp_path):
    laws, provisions = _laws_and_provisions(
        tmp_path, "Kabinetsreactie\n\nDe Wet bescherming flexwerkers (WBF) komt er. De Arbowet blijft. Toch geeft"
                  " artikel 2 van de WBF een recht.\n")
    assert "law/wet-bescherming-flexwerkers/artikel-2" in provisions and "law/arbowet/artikel-2" not in provisions


@pytest.mark.parametrize("text, expected", [
    # a short range cites the articles between its ends too
    ("de artikelen 3 tot en met 6 van de Arbowet",
     [("3", None, "law/arbowet"), ("4", None, "law/arbowet"), ("5", None, "law/arbowet"), ("6", None, "law/arbowet")]),
    ("de artikelen 7:629 t/m 7:631 BW", [("7:629", None, "law/bw7"), ("7:630", None, "law/bw7"),
                                         ("7:631", None, "law/bw7")]),
    # a long range, or one whose ends carry letters or lie in two books: its ends only
    ("de artikelen 150 tot en met 220 van de Pensioenwet",
     [("150", None, "law/pensioenwet"), ("220", None, "law/pensioenwet")]),
    ("de artikelen 7:668a tot en met 7:670 BW", [("7:668a", None, "law/bw7"), ("7:670", None, "law/bw7")]),
    ("de artikelen 6:162 tot en met 7:611 BW", [("6:162", None, "law/bw6"), ("7:611", None, "law/bw7")]),
])
def test_ranges_of_articles(text, expected):
    assert cite(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("zie art. 5:8 en 5:9 ATW", [("5:8", None, "law/atw"), ("5:9", None, "law/atw")]),
    ("op grond van artikel 5 en 6 van de Arbowet", [("5", None, "law/arbowet"), ("6", None, "law/arbowet")]),
    ("artt. 7:670 en 7:670a BW", [("7:670", None, "law/bw7"), ("7:670a", None, "law/bw7")]),
])
def test_a_list_after_the_singular_word_with_its_law(text, expected):
    assert cite(text) == expected


def test_a_number_after_an_article_without_a_law_is_no_second_article():
    # "artikel 5 en 6 weken": no law right after the list, so only article 5 (of the passage's law)
    assert cite("De Arbowet geldt. Na artikel 5 en 6 weken wachten volgt een besluit.") == [("5", None, "law/arbowet")]


@pytest.mark.parametrize("text, expected", [
    ("artikel 18, eerste en tweede lid, van de Arbowet", [("18", "1", "law/arbowet"), ("18", "2", "law/arbowet")]),
    ("artikel 7:658a, leden 1 en 3, BW", [("7:658a", "1", "law/bw7"), ("7:658a", "3", "law/bw7")]),
    ("artikel 9, eerste, tweede en vierde lid, van de Arbowet",
     [("9", "1", "law/arbowet"), ("9", "2", "law/arbowet"), ("9", "4", "law/arbowet")]),
    ("De Arbowet is streng. Artikel 3, leden 1 tot en met 3, zegt dat.",
     [("3", "1", "law/arbowet"), ("3", "2", "law/arbowet"), ("3", "3", "law/arbowet")]),
])
def test_several_paragraphs_of_one_article(text, expected):
    assert sorted(cite(text)) == expected


@pytest.mark.parametrize("text", [
    "Het eerste en tweede lid van de commissie spraken over de Arbowet.",  # members, no article
    "De Arbowet kent leden 1 en 2 van de ondernemingsraad niet.",
])
def test_paragraph_lists_without_an_article_are_no_citation(text):
    assert cite(text) == []


def test_a_paragraph_before_its_article_at_the_start_of_a_sentence():
    assert cite("Lid 3 van artikel 13 van de Arbowet is helder.") == [("13", "3", "law/arbowet")]


@pytest.mark.parametrize("text", [
    "Hoofdstuk 4 van de Arbowet gaat over jongeren.", "Zie titel 7.10 BW.", "Boek 7 van het Burgerlijk Wetboek",
    "Zie p. 5 van de Arbowet-brochure.", "In dit artikel over de Arbowet leest u meer.",
])
def test_chapters_titles_books_and_pages_are_no_articles(text):
    assert cite(text) == []


@pytest.mark.parametrize("text, names", [
    ("De Wet versterking regie volkshuisvesting is in behandeling bij de Eerste Kamer.",
     ["Wet versterking regie volkshuisvesting"]),
    ("Daarom geldt de Wet redelijke huurprijzen sinds juli; de Wet vaste huurcontracten wordt geëvalueerd.",
     ["Wet redelijke huurprijzen", "Wet vaste huurcontracten"]),
])
def test_a_named_law_ends_before_a_verb_or_adverb(text, names):
    found = find_named_laws(text, law_forms(load_reference()))
    assert [name for _s, _e, name, _a, _r in found] == names


@pytest.mark.parametrize("text", [
    "Volgens de Wet is dat zo, zei hij.",  # "Wet" and a verb: no name
    "Want de wet is duidelijk, vindt zij.",
])
def test_the_word_wet_before_a_verb_is_no_law(text):
    assert find_named_laws(text, law_forms(load_reference())) == []


@pytest.mark.parametrize("text, name", [
    ("Ook de richtlijn (EU) 2024/869 moet worden omgezet.", "richtlijn (EU) 2024/869"),
    ("Verordening (EU) nr. 492/2011 regelt het vrij verkeer.", "Verordening (EU) nr. 492/2011"),
    ("De Richtlijn 2019/904/EU gaat over plastic.", "Richtlijn 2019/904/EU"),
])
def test_an_eu_act_by_its_number_is_a_law(text, name):
    found = find_named_laws(text, law_forms(load_reference()))
    assert [n for _s, _e, n, _a, _r in found] == [name]


@pytest.mark.parametrize("text", [
    "Richtlijn - EU - 2024/869 - EN - EUR-Lex.",  # the title of a link
    "Kamerstukken II 2024/25, 25883, nr. 528.",
    "de richtlijn 2024/25 van de NVAB",  # a guideline with a year, no EU act
    "Richtlijn (EU) 2022/2041 betreffende minimumlonen",  # known: the gazetteer finds it
])
def test_numbers_that_are_no_unknown_eu_act(text):
    assert find_named_laws(text, law_forms(load_reference())) == []


def test_a_known_laws_own_short_form_in_brackets(tmp_path):
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text("Kabinetsreactie\n\nDe Wet op de medische keuringen (Wmk) geldt. De Wmk is streng; de Wmk-regels en"
                    " WmkX niet. De Arbowet (zie bijlage) en de WOR (SER) ook.\n", encoding="utf-8")
    ex = extract_file(path)
    assert [m.span.text for m in ex.mentions if m.key == "law/wet-medische-keuringen"] == [
        "Wet op de medische keuringen", "Wmk"]
    # "(SER)" after a law is the SER's form, not the law's
    assert [m.span.text for m in ex.mentions if m.key == "law/wor"] == ["WOR"]


@pytest.mark.parametrize("text, expected", [
    # an acronym right after the number that is no known law: no law rather than the passage's
    ("De Arbowet geldt. Artikel 4 ESC en artikel 5 zijn relevant.", [("4", None, None), ("5", None, "law/arbowet")]),
    ("Zie artikel 153 VWEU over de sociale politiek.", [("153", None, "law/vweu")]),
    # "van deze" + a noun that is no kind of law: another text's article
    ("In artikel 2 van deze reeks bespraken we de Arbowet.", [("2", None, None)]),
    ("De Arbowet is streng. Volgens artikel 5 van deze wet moet de werkgever dat.", [("5", None, "law/arbowet")]),
])
def test_what_follows_the_number_decides_between_no_law_and_the_passages(text, expected):
    assert cite(text) == expected


def test_an_abbreviation_with_a_full_stop_does_not_end_the_sentence():
    # "art. 6 EVRM en artikel 12": the sentence names two laws, so artikel 12 is not guessed
    assert cite("Art. 6 EVRM en artikel 12 gelden, zegt de Grondwet.") == [
        ("6", None, "law/evrm"), ("12", None, None)]


def test_eu_acts_listed_by_number_after_the_plural():
    from polder.extract.legal import listed_eu_acts
    text = "de richtlijnen 2004/37/EG en 98/24/EG en de verordeningen (EU) 2016/679 en (EU) 2019/1020"
    assert [name for _s, _e, name in listed_eu_acts(text)] == [
        "Richtlijn 2004/37/EG", "Richtlijn 98/24/EG", "Verordening (EU) 2016/679", "Verordening (EU) 2019/1020"]


@pytest.mark.parametrize("text", [
    "de richtlijnen 2024 en 2025 van de NVAB", "de richtlijnen van de NVAB en het NHG",
    "de richtlijnen 2024/25 en 2025/26 van de beroepsgroep",
])
def test_lists_that_are_no_eu_acts(text):
    from polder.extract.legal import listed_eu_acts
    assert listed_eu_acts(text) == []


def test_listed_eu_acts_are_known_acts_or_laws_of_their_own(tmp_path):
    laws, _ = _laws_and_provisions(tmp_path, "Kabinetsreactie\n\nDe richtlijnen 2004/37/EG en 2019/130/EU zijn"
                                             " herzien.\n")
    assert {"law/cmrd", "law/richtlijn-2019-130-eu"} <= laws


@pytest.mark.parametrize("text, expected", [
    # "BW" alone is Book 7, but an article number names its own book
    ("aansprakelijk op grond van artikel 6:162 BW", [("6:162", None, "law/bw6")]),
    ("volgens art. 2:391 van het Burgerlijk Wetboek", [("2:391", None, "law/bw2")]),
    ("artikel 7:658 BW", [("7:658", None, "law/bw7")]),
    ("artikel 5:8 ATW", [("5:8", None, "law/atw")]),  # other laws number per chapter: no book
    ("artikel 4:1 BW", [("4:1", None, "law/bw7")]),  # a book the reference data does not have: the code's
])
def test_an_article_of_the_civil_code_is_in_the_book_its_number_names(text, expected):
    assert cite(text) == expected


def test_the_codes_name_in_a_citation_of_another_book_is_that_book(tmp_path):
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text("Kabinetsreactie\n\nDe werkgever is aansprakelijk op grond van artikel 6:162 BW. Artikel 7:658 BW"
                    " gaat voor.\n", encoding="utf-8")
    ex = extract_file(path)
    mentions = sorted((m.span.start, m.span.text, m.key) for m in ex.mentions if m.key in ("law/bw6", "law/bw7"))
    assert [(text, key) for _start, text, key in mentions] == [
        ("BW", "law/bw6"), ("BW", "law/bw7")]
    assert ex.entities["law/bw6/artikel-6-162"].label == "artikel 6:162 Burgerlijk Wetboek Boek 6"
    # the book is written as the code: it carries the code's names ("BW", "Burgerlijk Wetboek")
    assert ("skos:altLabel", "BW") in ex.entities["law/bw6"].props
    assert ("skos:altLabel", "Burgerlijk Wetboek") in ex.entities["law/bw6"].props


@pytest.mark.parametrize("text, expected", [
    ("Het eerste en tweede lid van artikel 5 van de Arbowet gelden.", [("5", "1", "law/arbowet"), ("5", "2", "law/arbowet")]),
    ("Leden 1 en 2 van artikel 25 WOR regelen het advies.", [("25", "1", "law/wor"), ("25", "2", "law/wor")]),
])
def test_several_paragraphs_before_their_article(text, expected):
    assert sorted(cite(text)) == expected


def test_ordinals_of_a_list_before_no_article_are_no_paragraphs():
    assert cite("Het eerste en tweede lid van de raad stemden tegen de Arbowet.") == []


@pytest.mark.parametrize("text, names", [
    ("Zie de Wet borging voor het verbouwen 2019.", ["Wet borging voor het verbouwen 2019"]),
    ("Het wetsvoorstel Wet meer zekerheid flexwerkers is ingediend.", ["Wet meer zekerheid flexwerkers"]),
    ("Wetsvoorstel Wet thuiswerken waar je wilt, ingediend door Kamerleden.", ["Wet thuiswerken waar je wilt"]),
])
def test_a_named_law_with_its_year_and_a_named_bill(text, names):
    found = find_named_laws(text, law_forms(load_reference()))
    assert [name for _s, _e, name, _a, _r in found] == names


@pytest.mark.parametrize("text", [
    "Volgens de Wet van 2023.", "De Wet van 5 juli 2023 tot wijziging van de Pensioenwet.",
    "Het wetsvoorstel over de uitzendsector ligt er.", "Het wetsvoorstel is ingediend.",
    "de wet uit 2019.", "de Wet sinds 2019.",
])
def test_a_year_or_a_bill_without_a_name_is_no_law(text):
    assert [n for _s, _e, n, _a, _r in find_named_laws(text, law_forms(load_reference()))] == []


@pytest.mark.parametrize("text, expected", [
    ("de artikelen 3-5 van de Arbowet", [("3", None, "law/arbowet"), ("4", None, "law/arbowet"), ("5", None, "law/arbowet")]),
    ("art. 7:629–7:630 BW", [("7:629", None, "law/bw7"), ("7:630", None, "law/bw7")]),
    ("de artikelen 3 tot en met 5 en 9 van de Arbowet",
     [("3", None, "law/arbowet"), ("4", None, "law/arbowet"), ("5", None, "law/arbowet"), ("9", None, "law/arbowet")]),
    ("Artikel 3, leden 1-2, van de Arbowet", [("3", "1", "law/arbowet"), ("3", "2", "law/arbowet")]),
])
def test_ranges_with_a_dash_and_a_range_inside_a_list(text, expected):
    assert sorted(cite(text)) == sorted(expected)


@pytest.mark.parametrize("text, expected", [
    ("de CBM, een artikel 43-commissie van de Wet op de SER", [("43", None, "law/wet-op-de-ser")]),
    ("De Arbowet geldt. Zie artikel 5 - 6 weken later volgt meer.", [("5", None, "law/arbowet")]),
])
def test_a_dash_after_an_article_is_no_range_without_a_second_article_of_a_law(text, expected):
    assert cite(text) == expected


@pytest.mark.parametrize("text", [
    "De Wet en regelgeving moet eenvoudiger.", "Volgens de Wet van vraag en aanbod.", "de Wet of regeling.",
    "Van Wet naar praktijk, zegt hij.", "de Wet bevat regels.", "Het Kabinetsbesluit volgt.",
    "Het Raadsbesluit van de gemeente.",
])
def test_words_after_wet_that_make_no_name(text):
    assert find_named_laws(text, law_forms(load_reference())) == []


@pytest.mark.parametrize("text, names", [
    ("de Wet eerlijk verhuurderschap bevat regels.", ["Wet eerlijk verhuurderschap"]),
    ("Het Sloopbesluit en het Vuurwerkbesluit gelden.", ["Sloopbesluit", "Vuurwerkbesluit"]),
])
def test_names_before_a_verb_and_decrees_by_compound(text, names):
    assert [n for _s, _e, n, _a, _r in find_named_laws(text, law_forms(load_reference()))] == names


@pytest.mark.parametrize("text, key", [
    ("De WagwEU regelt de detachering.", "law/wagweu"),
    ("het loonkostenvoordeel uit de Wtl", "law/wtl"),
    ("de Wet banenafspraak en quotum arbeidsbeperkten", "law/wet-banenafspraak"),
    ("de IOW voor oudere werklozen", "law/iow"),
    ("de Wet normering topinkomens (WNT)", "law/wnt"),
])
def test_social_security_and_wage_laws_are_known(text, key):
    assert key in {h.key for h in gazetteer.find(text)}


@pytest.mark.parametrize("text, key", [
    ("de Europese richtlijn adequate minimumlonen", "law/richtlijn-minimumlonen"),
    ("de Richtlijn beloningstransparantie", "law/richtlijn-loontransparantie"),
])
def test_eu_directives_by_the_names_dutch_texts_give_them(text, key):
    assert key in {h.key for h in gazetteer.find(text)}


def test_an_amendment_of_a_directive_names_the_directive():
    """'de wijziging Richtlijn Europese Ondernemingsraden' refers to the EOR directive (2009/38/EG),
    which the amendment changes: a real reference, kept although a gold list may name it otherwise."""
    text = "Twee richtlijnen zijn de wijziging Richtlijn Europese Ondernemingsraden en Richtlijn Loontransparantie."
    assert {"law/richtlijn-eor", "law/richtlijn-loontransparantie"} <= {h.key for h in gazetteer.find(text)}


def test_an_ilo_convention_is_one_law_however_it_is_written(tmp_path):
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text("Kabinetsreactie\n\nHet ILO-verdrag nr. 190 is geratificeerd. Verdrag 190 van de ILO verbiedt geweld;"
                    " ook ILO-conventie 155 en verdrag nr. 174 van de Internationale Arbeidsorganisatie gelden.\n",
                    encoding="utf-8")
    ex = extract_file(path)
    laws = {k: e.label for k, e in ex.entities.items() if e.cls == "Law"}
    assert laws == {"law/ilo-verdrag-190": "ILO-verdrag 190", "law/ilo-verdrag-155": "ILO-verdrag 155",
                    "law/ilo-verdrag-174": "ILO-verdrag 174"}


@pytest.mark.parametrize("text", [
    "Het verdrag van de ILO uit 1919.", "verdrag 2 van de EU", "de ILO-verdragen worden besproken",
])
def test_convention_words_without_an_ilo_convention(text):
    assert [n for _s, _e, n, _a, _r in find_named_laws(text, law_forms(load_reference()))] == []


def test_a_known_eu_act_by_its_number_in_lower_case(tmp_path):
    """'de richtlijn (EU) 2022/2041': the reference's form has capitals inside, which the
    gazetteer keeps exact; the EU act rule reads it, and it is the known directive, not a new law."""
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text("Kabinetsreactie\n\nOok de richtlijn (EU) 2022/2041 en de verordening (EG) nr. 883/2004 gelden.\n",
                    encoding="utf-8")
    ex = extract_file(path)
    assert {k for k, e in ex.entities.items() if e.cls == "Law"} == {"law/richtlijn-minimumlonen",
                                                                   "law/coordinatieverordening"}
    assert "org/eu" not in ex.entities  # the "(EU)" inside the act's number


def test_ilo_conventions_listed_by_number(tmp_path):
    laws, _ = _laws_and_provisions(tmp_path, "Kabinetsreactie\n\nDe ILO-verdragen 155 en 190 en de ILO-conventies nrs."
                                             " 81, 129 en 174 zijn geratificeerd.\n")
    assert laws == {f"law/ilo-verdrag-{n}" for n in (81, 129, 155, 174, 190)}


@pytest.mark.parametrize("text", [
    "De ILO-verdragen uit 2019 en 2020 gelden.",  # years, no numbers of conventions
    "De ILO-verdragen zijn 100 jaar en ouder.",
])
def test_ilo_words_with_other_numbers_are_no_list_of_conventions(text):
    from polder.extract.legal import listed_laws
    assert listed_laws(text) == []


@pytest.mark.parametrize("text, expected", [
    ("de artikelen 2.9 tot en met 2.11 van de Omgevingswet",
     [("2.9", None, "law/omgevingswet"), ("2.10", None, "law/omgevingswet"), ("2.11", None, "law/omgevingswet")]),
    ("de artikelen 2.9 tot en met 3.2 van de Omgevingswet",  # two chapters: the ends only
     [("2.9", None, "law/omgevingswet"), ("3.2", None, "law/omgevingswet")]),
])
def test_ranges_of_chapter_numbered_articles(text, expected):
    assert cite(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Op grond van artikel 10d Participatiewet kan dat; het vierde en vijfde lid van dat artikel regelen de hoogte.",
     [("10d", None, "law/participatiewet"), ("10d", "4", "law/participatiewet"), ("10d", "5", "law/participatiewet")]),
    ("Artikel 5 van de Arbowet is helder. Lid 2 van hetzelfde artikel ook.",
     [("5", None, "law/arbowet"), ("5", "2", "law/arbowet")]),
])
def test_paragraphs_of_the_article_cited_just_before(text, expected):
    assert cite(text) == expected


@pytest.mark.parametrize("text", [
    "In dit artikel leest u meer over de Arbowet.",  # a magazine's article
    "De Arbowet is helder. Het tweede lid van dat artikel ontbreekt.",  # no article cited before
    "Zie artikel 12 voor de details. Het tweede lid van dat artikel ontbreekt.",  # an article without its law
])
def test_that_article_without_an_article_of_a_law_before_it(text):
    assert [c for c in cite(text) if c[1]] == []


@pytest.mark.parametrize("text, expected", [
    ("De Arbowet geldt. In artikel 5 van de cao staat meer.", [("5", None, None)]),
    ("De Arbowet geldt. Artikel 4 van het nieuwe convenant en artikel 12 van de statuten ook.",
     [("4", None, None), ("12", None, None)]),
    ("De Arbowet geldt. Artikel 5 van de nieuwe wet is streng.", [("5", None, "law/arbowet")]),
    ("De Arbowet geldt. Artikel 5 van de wet is streng.", [("5", None, "law/arbowet")]),
    ("De Wet X is er. Artikel 5 van het wetsvoorstel is streng, net als de Arbowet.", [("5", None, "law/arbowet")]),
    ("Artikel 5 van de arbowet is streng.", [("5", None, "law/arbowet")]),  # a known law in lower case
])
def test_an_article_of_a_text_that_is_no_law_takes_no_law_from_the_passage(text, expected):
    assert cite(text) == expected


@pytest.mark.parametrize("text, names", [
    ("de Wet redelijke huurprijzen en de Wet eerlijk verhuurderschap.", ["Wet redelijke huurprijzen", "Wet eerlijk verhuurderschap"]),
    ("met de Wet redelijke huurprijzen of de Wet vaste huurcontracten wil het kabinet",
     ["Wet redelijke huurprijzen", "Wet vaste huurcontracten"]),
    ("De Tijdelijke wet taakverwaarlozing en de Algemene wet inzake rijksbelastingen.",
     ["Tijdelijke wet taakverwaarlozing", "Algemene wet inzake rijksbelastingen"]),
])
def test_named_laws_in_a_row_and_with_an_adjective(text, names):
    assert [n for _s, _e, n, _a, _r in find_named_laws(text, law_forms(load_reference()))] == names


@pytest.mark.parametrize("text, laws", [
    ("De Invoeringswet Omgevingswet en de Aanpassingswet WIA gelden.",
     {"law/invoeringswet-omgevingswet", "law/aanpassingswet-wia"}),  # acts that bring in or adapt another
    ("De Wet arbeid en Zorg is oud.", {"law/wazo"}),  # a known law in odd capitals: no "Wet arbeid" besides
])
def test_acts_named_after_another_and_names_inside_known_laws(tmp_path, text, laws):
    found, _ = _laws_and_provisions(tmp_path, "Kabinetsreactie\n\n" + text + "\n")
    assert found == laws


@pytest.mark.parametrize("text", [
    "Het kabinet wil de Wet aanpassen en de SER vragen.", "Daarom wordt de Wet gewijzigd.",
])
def test_wet_and_a_closing_verb_alone_is_no_name(text):
    assert find_named_laws(text, law_forms(load_reference())) == []


@pytest.mark.parametrize("text, names", [
    ("Per 1 januari 2027 wordt de Wet zeggenschap zorgprofessionals van kracht, die ...", ["Wet zeggenschap zorgprofessionals"]),
    ("Nu is de Wet versterking regie volkshuisvesting in consultatie.", ["Wet versterking regie volkshuisvesting"]),
    ("de Wet arbeidsmarkt in balans en de Wet modernisering in werking,", ["Wet modernisering"]),  # "in balans" stays
])
def test_a_named_law_ends_before_a_phrase_about_its_status(text, names):
    assert [n for _s, _e, n, _a, _r in find_named_laws(text, law_forms(load_reference()))] == names


def test_a_short_form_defined_with_hierna(tmp_path):
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text("Kabinetsreactie\n\nMet de Wet aanpak schijnconstructies (hierna te noemen: WAS) kwam de"
                    " ketenaansprakelijkheid. De Wet redelijke huurprijzen (hierna: Wrh) is nieuw. De WAS en de Wrh werken.\n",
                    encoding="utf-8")
    ex = extract_file(path)
    written = lambda key: [m.span.text for m in ex.mentions if m.key == key]  # noqa: E731
    assert written("law/was") == ["Wet aanpak schijnconstructies", "WAS"]  # not the bracket's own "WAS"
    assert written("law/wet-redelijke-huurprijzen") == ["Wet redelijke huurprijzen", "Wrh"]


def test_a_named_law_whose_short_form_is_a_known_laws_is_that_law(tmp_path):
    """'de Wet arbeidsvreemdelingen (hierna: Wav)': the Wet arbeid vreemdelingen by a variant of its name."""
    laws, _ = _laws_and_provisions(tmp_path, "Kabinetsreactie\n\nDe Wet arbeidsvreemdelingen (hierna: Wav) geldt.\n")
    assert laws == {"law/wav"}


def test_a_short_form_that_is_also_a_word_opens_no_sentence_as_the_law(tmp_path):
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text("Kabinetsreactie\n\nDe Wet aanpak schijnconstructies (hierna: Was) geldt. De Was werkt. Was het"
                    " genoeg? Volgens de Was niet.\n", encoding="utf-8")
    ex = extract_file(path)
    assert [m.span.text for m in ex.mentions if m.key == "law/was"] == ["Wet aanpak schijnconstructies", "Was", "Was"]


def test_a_bills_short_title_in_brackets():
    text = "Bepalingen over de medezeggenschap van werknemers (Wet medezeggenschap werknemers). Zie (Wet is wet)."
    assert [n for _s, _e, n, _a, _r in find_named_laws(text, law_forms(load_reference()))] == [
        "Wet medezeggenschap werknemers"]


def test_the_eor_directive_by_the_title_of_its_revision():
    text = "een herziening van de richtlijn betreffende de instelling en werking van Europese Ondernemingsraden"
    assert "law/richtlijn-eor" in {h.key for h in gazetteer.find(text)}


def test_a_list_of_articles_of_a_named_law(tmp_path):
    """The law after a list is read from the laws the text names, so a law the reference data
    does not know counts too."""
    _, provisions = _laws_and_provisions(tmp_path, "Kabinetsreactie\n\nDe Wet redelijke huurprijzen (Wrh) is nieuw. Zie"
                                                   " artikel 3 en 4 van de Wrh.\n")
    assert {"law/wet-redelijke-huurprijzen/artikel-3", "law/wet-redelijke-huurprijzen/artikel-4"} <= provisions


_ORDINAL = st.sampled_from(["eerste", "tweede", "derde", "zevende", "twaalfde", "Eerste"])
_JOIN = st.sampled_from([" en ", " of ", " tot en met ", " t/m ", "-", " – ", ", ", " ", "\n"])
_NUMBER = st.sampled_from(["1", "2", "18", "7:658", "46a"])
_AROUND = st.sampled_from(["", "zie ", "het ", " van de WOR", ".", "maatschap", "\n"])
_CITATION = st.one_of(
    st.tuples(_AROUND, _NUMBER, st.sampled_from([",", "", " ,"]), _ORDINAL, _JOIN, _ORDINAL, _AROUND).map(
        lambda t: f"{t[0]}artikel {t[1]}{t[2]} {t[3]}{t[4]}{t[5]} lid{t[6]}"),
    st.tuples(_AROUND, st.sampled_from(["leden", "Leden"]), _NUMBER, _JOIN, _NUMBER, _NUMBER, _AROUND).map(
        lambda t: f"{t[0]}{t[1]} {t[2]}{t[3]}{t[4]} van artikel {t[5]}{t[6]}"),
    st.tuples(_ORDINAL, _JOIN, _ORDINAL, st.sampled_from(["dat", "dit", "hetzelfde", "het"]), _AROUND).map(
        lambda t: f"het {t[0]}{t[1]}{t[2]} lid van {t[3]} artikel{t[4]}"),
    st.tuples(_NUMBER, st.sampled_from(["dat", "datzelfde", "een"])).map(lambda t: f"lid {t[0]} van {t[1]} artikel"),
)


@settings(max_examples=500, deadline=None)
@given(st.lists(_CITATION, min_size=1, max_size=3).map(" ".join))
def test_the_hints_hold_wherever_the_paragraph_rules_match(text):
    from polder.extract.legal import _THAT_ARTICLE_HINT, _that_article_regex, has_paragraph_list, load_rules
    for rule in load_rules()[0]:
        if rule.paragraph_list and rule.regex.search(text):
            assert has_paragraph_list(text), (rule.id, text)
    if _that_article_regex().search(text):
        assert _THAT_ARTICLE_HINT.search(text), text


def test_the_paragraph_hints_on_written_citations():
    from polder.extract.legal import has_paragraph_list
    assert has_paragraph_list("artikel 18, eerste en tweede lid, van de WOR")
    assert has_paragraph_list("de leden 1, 2 en 4 van artikel 25 WOR")
    assert not has_paragraph_list("artikel 18, tweede lid, van de WOR en de leden van de raad")


def test_an_article_coordinated_with_the_next_takes_the_law_named_after_both(tmp_path):
    """"artikel 5:3 en artikel 5:5 van de Arbeidstijdenwet" in a sentence that named another law before:
    both articles are of the Arbeidstijdenwet."""
    from polder.extract.pipeline import extract_file
    path = tmp_path / "brief.txt"
    path.write_text("Kabinetsreactie\n\nHet gaat om artikel 13, eerste lid, WML en de rusttijden uit artikel 5:3 en "
                    "artikel 5:5 van de Arbeidstijdenwet.\n", encoding="utf-8")
    provisions = {k for k, e in extract_file(path).entities.items() if e.cls == "Provision"}
    assert {"law/atw/artikel-5-3", "law/atw/artikel-5-5", "law/wml/artikel-13"} <= provisions
    assert not any(k.startswith("law/wml/artikel-5") for k in provisions)


@pytest.mark.parametrize("text, law", [
    ("zonder handhaving blijft de Wet eerlijk werk een papieren tijger.", "Wet eerlijk werk"),
    ("Dat regelt de Wet flexibele arbeidsduur en is een taak van gemeenten.", "Wet flexibele arbeidsduur"),
    ("Het kabinet onderzoekt of dat in de Wet flexibele arbeidsduur uitvoerbaar is.", "Wet flexibele arbeidsduur"),
])
def test_a_law_name_ends_before_an_article_or_a_clause_of_its_own(text, law):
    from polder.extract.pipeline import extract
    from polder.extract.reader import RawDocument
    result = extract(RawDocument(path="x.txt", stem="x", text=text, encoding="utf-8", sha256="0" * 64))
    assert [e.label for e in result.entities.values() if e.cls == "Law"] == [law]


def test_an_article_of_the_directive_is_no_article_of_the_act_before_it():
    text = ("Volgens richtlijn (EU) 2022/2041 moet het minimumloon toereikend zijn. Alleen artikel 14 van de Wml "
            "is aangepast, in het licht van artikel 5 van de richtlijn.")
    found = cite(text)
    assert ("14", None, "law/wml") in found
    assert ("5", None, "law/richtlijn-minimumlonen") in found
    assert not any(article == "5" and law == "law/wml" for article, _, law in found)


def test_an_article_of_that_kind_of_law_without_one_in_its_passage_has_no_law():
    found = cite("De Wml is gewijzigd. Artikel 5 van de richtlijn is daarbij leidend.")
    assert ("5", None, None) in found


@pytest.mark.parametrize("text", [
    "Hij wijst op artikel 391 van Boek 2 BW.",
    "Hij wijst op artikel 391 van Boek 2 van het Burgerlijk Wetboek.",
    "Hij wijst op artikel 2:391 BW.",
])
def test_an_article_of_a_book_of_the_civil_code_is_numbered_by_its_book(text):
    assert cite(text) == [("2:391", None, "law/bw2")]


def test_a_law_name_ends_before_a_verbs_particle_and_a_conjunction():
    text = "Het kabinet wacht de evaluatie van de Wet betaald ouderschapsverlof af voordat het besluit."
    found = find_named_laws(text, law_forms(load_reference()))
    assert [name for _s, _e, name, _a, _r in found] == ["Wet betaald ouderschapsverlof"]


def test_an_article_of_the_directive_the_text_named_paragraphs_before():
    text = ("Richtlijn (EU) 2022/2041 betreffende toereikende minimumlonen is aangenomen.\n\n"
            "Lidstaten moeten volgens artikel 5, eerste lid, van de richtlijn criteria hanteren. "
            "Artikel 5, tweede lid, noemt de koopkracht.\n\nDe Arbowet regelt iets anders.\n\n"
            "Het gaat om een actieplan (artikel 4, tweede lid, van de richtlijn).")
    found = cite(text)
    directive = found[0][2]
    assert directive is not None and "arbowet" not in directive
    assert found == [("5", "1", directive), ("5", "2", directive), ("4", "2", directive)]


def test_a_paragraph_without_a_law_after_a_passage_that_names_two_stays_without_one():
    text = "De Arbowet en de WOR regelen veel.\n\nArtikel 12 schrijft overleg voor."
    assert cite(text) == [("12", None, None)]


@pytest.mark.parametrize("text, name", [
    ("In het wetsvoorstel Implementatiewet richtlijn duurzaamheidsrapportering, dat is ingediend.",
     "Implementatiewet richtlijn duurzaamheidsrapportering"),
    ("4. Wetsvoorstel Wet versterking naleving medezeggenschap\nDe secretaris licht toe.",
     "Wet versterking naleving medezeggenschap"),  # the name ends its line
    ("Het kabinet dient de Wet versterking naleving medezeggenschap in.",
     "Wet versterking naleving medezeggenschap"),  # a verb's particle is no part
    ("Dat regelt de Wet inburgering in het buitenland.", "Wet inburgering in het buitenland"),
])
def test_bills_by_their_title(text, name):
    assert [n for _s, _e, n, _a, _r in find_named_laws(text, law_forms(load_reference()))] == [name]
