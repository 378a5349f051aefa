"""Documents written for these tests (not corpus text), dense with legal references in forms
no other probe has: ranges and lists of articles after "artikelen" and after the singular
"art.", several paragraphs of one article ("eerste en tweede lid", "leden 1 en 3"), a paragraph
before its article at the start of a sentence ("Lid 3 van artikel 13"), chapters and titles that
are no articles, a known law introduced with a short form of its own ("(Wab)" ... "de Wab"), a
law's name followed by a verb, EU acts by their number, and look-alikes ("in dit artikel",
"wet- en regelgeving", "de wet van vraag en aanbod", "het Wetboek van de toekomst", "p. 12").
Minutes cite the EU treaties ("artikel 155 VWEU"), books of the civil code by their article
numbers ("artikel 6:162 BW" is Book 6), EU acts listed after the plural ("de richtlijnen (EU)
2019/1152 en (EU) 2022/2041") and articles of other texts ("artikel 2 van deze notitie").
An SER advice cites chapter-numbered articles ("de artikelen 2.9 tot en met 2.11 Wtl"), decrees
of a law ("het Besluit Wtl", "de Regeling Wtl"), paragraphs of "dat artikel", and has footnotes
with an amending act by its date.
The facts an analyst would expect, end to end.

What an analyst expects of a range: "de artikelen 3 tot en met 6" cites 3, 4, 5 and 6, each a
provision; a long range ("150 tot en met 220") or one whose ends carry letters ("7:668a t/m
7:670") is cited by its two ends only, since its inner articles cannot be listed from the text."""
from __future__ import annotations

import pytest

from polder.extract.pipeline import extract_file

from test_probes import PROBES, keys, labels

NAMES = ("wetgeving_kabinetsreactie_reeksen", "wetgeving_magazine_europa")


@pytest.fixture(scope="module")
def extracted():
    return {name: extract_file(next(PROBES.glob(f"{name}.*"))) for name in NAMES}


def written(ex, key: str) -> list[str]:
    return [m.span.text for m in ex.mentions if m.key == key]


def test_ranges_and_lists_of_articles(extracted):
    ex = extracted["wetgeving_kabinetsreactie_reeksen"]
    provisions = keys(ex, "Provision")
    assert {f"law/arbowet/artikel-{n}" for n in (3, 4, 5, 6)} <= provisions  # "artikelen 3 tot en met 6"
    assert {"law/ww/artikel-15", "law/ww/artikel-16", "law/ww/artikel-17"} <= provisions  # "15 tot en met 17 WW"
    assert {"law/participatiewet/artikel-3", "law/participatiewet/artikel-4",
            "law/participatiewet/artikel-6"} <= provisions
    assert "law/participatiewet/artikel-5" not in provisions  # "3, 4 en 6" is a list, not a range
    assert {"law/atw/artikel-5-8", "law/atw/artikel-5-9"} <= provisions  # "art. 5:8 en 5:9 ATW"
    assert {"law/bw7/artikel-7-670", "law/bw7/artikel-7-670a"} <= provisions  # "art. 7:670 en 7:670a BW"
    assert {"law/wazo/artikel-5-1", "law/wazo/artikel-5-9"} <= provisions
    assert not {f"law/wazo/artikel-5-{n}" for n in range(2, 9)} & provisions  # "5:1 en 5:9": two articles
    # a long range: its ends only
    pension = {k for k in provisions if k.startswith("law/pensioenwet/")}
    assert pension == {"law/pensioenwet/artikel-150", "law/pensioenwet/artikel-220"}
    # the inner articles of a range are cited by the range's own words
    assert written(ex, "law/arbowet/artikel-4") == ["3 tot en met 6"]


def test_several_paragraphs_of_one_article(extracted):
    ex = extracted["wetgeving_kabinetsreactie_reeksen"]
    provisions = keys(ex, "Provision")
    assert {"law/arbowet/artikel-18/lid-1", "law/arbowet/artikel-18/lid-2",  # "eerste en tweede lid"
            "law/bw7/artikel-7-658a/lid-1", "law/bw7/artikel-7-658a/lid-3",  # "leden 1 en 3, BW"
            "law/bw7/artikel-7-669/lid-3",  # "artikel 7:669, derde lid, onder b, BW"
            "law/arbowet/artikel-13/lid-3"} <= provisions  # "Lid 3 van artikel 13 van de Arbowet"
    assert "law/bw7/artikel-7-658a/lid-2" not in provisions
    part_of = {k: next(v.key for p, v in e.props if p == "eli:is_part_of")
               for k, e in ex.entities.items() if e.cls == "Provision"}
    assert part_of["law/arbowet/artikel-18/lid-2"] == "law/arbowet/artikel-18"
    assert "law/wfw/artikel-2" in provisions  # "artikel 2, onderdeel c, van de Wet flexibel werken"


def test_chapters_titles_and_pages_are_no_articles(extracted):
    ex = extracted["wetgeving_kabinetsreactie_reeksen"]
    provisions = keys(ex, "Provision")
    assert "law/arbowet/artikel-7" not in provisions  # "Hoofdstuk 7 van de Arbowet"
    assert "law/wazo/artikel-5" not in provisions  # "De Wazo kent in hoofdstuk 5"
    assert "law/bw7/artikel-7-10" not in provisions  # "titel 7.10"
    assert not {k for k in provisions if k.endswith(("artikel-12", "lid-12"))}  # "pagina 12", "p. 5"
    assert "law/bw7" in keys(ex, "Law")  # "Boek 7 van het Burgerlijk Wetboek"


def test_laws_of_the_response_and_their_look_alikes(extracted):
    ex = extracted["wetgeving_kabinetsreactie_reeksen"]
    laws = keys(ex, "Law")
    assert {"law/arbowet", "law/atw", "law/bw7", "law/wazo", "law/wfw", "law/ww", "law/participatiewet",
            "law/pensioenwet", "law/wtp"} <= laws
    assert not {label for label in labels(ex, "Law") if label.lower().startswith(("wetsvoorstel", "wet van",
                                                                                  "wet- en", "wetenschap"))}
    assert written(ex, "law/wtp") == ["Wet toekomst pensioenen", "Wtp", "Wtp"]  # a known form, also in brackets


def test_a_known_law_with_a_short_form_the_reference_does_not_have(extracted):
    ex = extracted["wetgeving_kabinetsreactie_reeksen"]
    # "de Wet op de medische keuringen (Wmk)": later "de Wmk" is that law (the reference knows "WMK")
    assert written(ex, "law/wet-medische-keuringen") == ["Wet op de medische keuringen", "Wmk", "Wmk", "Wmk"]
    assert "law/wet-medische-keuringen/artikel-4" in keys(ex, "Provision")  # "artikel 4 van de Wmk"


def test_the_wab_by_its_usual_short_form(extracted):
    ex = extracted["wetgeving_magazine_europa"]
    assert written(ex, "law/wab") == ["Wet arbeidsmarkt in balans", "Wab", "Wab"]  # "(Wab)", "De Wab ging"


def test_eu_acts_by_name_and_by_number(extracted):
    ex = extracted["wetgeving_magazine_europa"]
    laws = keys(ex, "Law")
    assert {"law/richtlijn-minimumlonen", "law/csrd", "law/richtlijn-eor", "law/avg", "law/ai-verordening",
            "law/machineverordening", "law/machinerichtlijn"} <= laws
    # an EU act the reference data does not know, by its number (written in lower case)
    assert "law/richtlijn-eu-2024-869" in laws
    assert ex.entities["law/richtlijn-eu-2024-869"].label == "Richtlijn (EU) 2024/869"


def test_dutch_laws_in_the_magazine_and_their_look_alikes(extracted):
    ex = extracted["wetgeving_magazine_europa"]
    laws = keys(ex, "Law")
    assert {"law/wml", "law/wtp", "law/wet-dba", "law/wwz", "law/participatiewet", "law/wet-betaalbare-huur",
            "law/wet-versterking-regie-volkshuisvesting"} <= laws  # "... volkshuisvesting is in behandeling"
    assert written(ex, "law/wet-betaalbare-huur") == ["Wet betaalbare huur", "Wbh", "Wbh"]  # its name, "(Wbh)", "De Wbh"
    assert not {label for label in labels(ex, "Law")
                if label.lower().startswith(("wet van", "wet- en", "wetboek", "wetenschap", "wetsvoorstel"))}
    assert not keys(ex, "Provision")  # "In dit artikel", "Artikel 3 van een nieuwe reeks", "p. 12"


def test_minutes_citing_eu_treaties_and_books_of_the_civil_code():
    ex = extract_file(PROBES / "wetgeving_notulen_sociale_dialoog.txt")
    assert ex.doc.kind == "minutes"
    provisions = keys(ex, "Provision")
    assert {"law/vweu/artikel-155",  # "artikel 155 VWEU"
            "law/vweu/artikel-154",  # "Artikel 154 van het Verdrag betreffende de werking van de Europese Unie"
            "law/veu/artikel-3", "law/europees-sociaal-handvest/artikel-6",  # "art. 6 ESH"
            "law/bw7/artikel-7-658", "law/bw6/artikel-6-162", "law/bw2/artikel-2-391",
            "law/bw7/artikel-7-611", "law/bw7/artikel-7-612"} <= provisions  # "7:610 t/m 7:613 BW"
    # "artikel 28 van het Handvest": which charter the text does not say; "artikel 2 van deze notitie"
    assert not {k for k in provisions if k.endswith(("/artikel-28", "/artikel-2"))}
    laws = keys(ex, "Law")
    # "de richtlijnen (EU) 2019/1152 en (EU) 2022/2041 en de verordeningen (EU) 2016/679 en (EU) 2019/1149"
    assert {"law/richtlijn-arbeidsvoorwaarden", "law/richtlijn-minimumlonen", "law/avg",
            "law/ela-verordening"} <= laws
    assert not {label for label in labels(ex, "Law")
                if label.lower().startswith(("wet van", "wet- en", "wetboek", "wetenschap"))}


def test_an_advice_with_chapter_numbered_articles_decrees_and_footnotes():
    ex = extract_file(PROBES / "wetgeving_advies_voetnoten.md")
    provisions = keys(ex, "Provision")
    assert {"law/wtl/artikel-2-1/lid-1",  # "Artikel 2.1, eerste lid, onder a, Wtl"
            "law/wtl/artikel-2-2",
            "law/wtl/artikel-2-9", "law/wtl/artikel-2-10", "law/wtl/artikel-2-11",  # "2.9 tot en met 2.11 Wtl"
            "law/wfsv/artikel-122a", "law/participatiewet/artikel-10d",
            "law/participatiewet/artikel-10d/lid-4",  # "het vierde en vijfde lid van dat artikel"
            "law/participatiewet/artikel-10d/lid-5",
            "law/handvest-grondrechten-eu/artikel-26",
            "law/besluit-wtl/artikel-3"} <= provisions  # "artikel 3 van het Besluit Wtl" (a footnote)
    assert "law/wfsv/artikel-4a" not in provisions  # "hoofdstuk 4a van de Wfsv"
    assert not {k for k in provisions if k.endswith(("/artikel-4", "/artikel-2-3", "/artikel-14"))}  # bijlage, §, page
    laws = keys(ex, "Law")
    assert {"law/wtl", "law/wfsv", "law/participatiewet", "law/wet-banenafspraak", "law/besluit-wtl",
            "law/regeling-wtl", "law/vn-verdrag-handicap", "law/richtlijn-2000-78-eg"} <= laws
    # "Wet van 12 december 2015 tot wijziging van ...": an amending act by its date; "Kabinetsbesluit"
    assert not {label for label in labels(ex, "Law") if label.startswith(("Wet van", "Kabinets", "Wet- en"))}
