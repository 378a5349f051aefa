import json
from pathlib import Path

import pytest

from polder.extract.clean import clean
from polder.extract.classify import KINDS, classify, find_date, find_title

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
GOLD = Path(__file__).parents[2].parent / "shared" / "acceptance" / "gold"
EXPECTED = {  # kind and date per corpus document, checked against the gold files below
    "000": ("minutes", "2020-06-19"),
    "001": ("government_response", None),
    "002": ("government_response", "2025-12-05"),
    "003": ("minutes", "2024-10-17"),
    "004": ("magazine", "2021-09"),
}


def corpus_text(prefix: str) -> str:
    files = sorted(CORPUS.glob(f"{prefix}_*.txt"))
    assert files, f"the bundled corpus has no {prefix}_*.txt"
    return files[0].read_text(encoding="utf-8")


@pytest.mark.parametrize("prefix", sorted(EXPECTED))
def test_corpus_kind_title_date(prefix):
    text = corpus_text(prefix)
    kind, date = EXPECTED[prefix]
    gold_files = sorted(GOLD.glob(f"{prefix}_*.json"))
    if gold_files:
        gold = json.loads(gold_files[0].read_text(encoding="utf-8"))["document"]
        assert (gold["type"], gold["date"]) == (kind, date)
    assert classify(text) == kind
    title = find_title(text, kind)
    assert title and len(title) > 10
    found, evidence = find_date(text, kind)
    assert found == date
    if date:
        assert evidence and all(w in " ".join(text.split()) for w in evidence.split()[:3])


def test_corpus_titles():
    assert find_title(corpus_text("001"), "government_response") == \
        "Kabinetsreactie SER-advies Naar een werkend arbostelsel voor iedereen, arbovisie 2040, deel 1"
    assert "Gezond en veilig werken door effectieve regels en preventie" in find_title(corpus_text("002"), "government_response")
    assert "17 oktober 2024" in find_title(corpus_text("003"), "minutes")
    t4 = find_title(corpus_text("004"), "magazine")
    assert "Magazine van de Sociaal-Economische Raad" in t4 and "September 2021" in t4


# ---------------------------------------------------------------- made-up texts

MINUTES = """1. Opening
De voorzitter opent de vergadering en heet de raadsleden welkom.

2. Vaststelling verslag raadsvergadering 12 maart 2023
Het verslag wordt vastgesteld.

3. Mededelingen
Het overleg vandaag [14/4] verloopt goed.

4. Rondvraag en sluiting
"""

RESPONSE = """Geachte voorzitter,

Op 3 maart jl. bood de SER mij het advies ‘Werk dat werkt voor
iedereen’ aan. In deze brief reageert het kabinet op dit advies. Het kabinet steunt
de aanbevelingen en informeert uw Kamer over de voortgang.

Datum
7 november 2024

De Minister van Sociale Zaken en Werkgelegenheid,
"""

MAGAZINE = """Maart 2019 #1 - jaargang 59

magazine
Magazine van de Sociaal-Economische Raad

Tekst Jan Jansen Foto Piet Pieters
Een interview over werk.
"""

ADVICE = """Advies

Samenvatting

De raad adviseert het kabinet om de regels te vereenvoudigen. In dit advies doet de
SER aanbevelingen. De raad beveelt aan om te investeren. Aanbeveling 2: meer preventie.
"""


def test_kinds_of_made_up_texts():
    assert classify(MINUTES) == "minutes"
    assert classify(RESPONSE) == "government_response"
    assert classify(MAGAZINE) == "magazine"
    assert classify(ADVICE) == "advice"
    assert classify("Een boodschappenlijst: brood, kaas en melk.") == "other"
    assert set(KINDS) == {"minutes", "government_response", "magazine", "advice", "other"}


def test_minutes_today_date_takes_year_from_earlier_meeting():
    assert find_date(MINUTES, "minutes")[0] == "2023-04-14"
    # the earlier meeting is late in the year: "today" falls in the next year
    text = MINUTES.replace("12 maart 2023", "14 december 2023").replace("[14/4]", "[19/1]")
    assert find_date(text, "minutes")[0] == "2024-01-19"
    assert find_title(MINUTES, "minutes") == "Verslag van de raadsvergadering van de SER van 14 april 2023"


def test_minutes_meeting_date_sentence():
    text = "Bijlage\n\nOp de raadsvergadering van 3 februari 2022 is het advies besproken.\n"
    date, evidence = find_date(text, "minutes")
    assert date == "2022-02-03"
    assert evidence == "Op de raadsvergadering van 3 februari 2022 is het advies besproken."


def test_minutes_date_from_the_date_field_with_weekday_and_hours():
    """The "Datum:" field names the meeting's day; a later meeting in the text is not it."""
    text = ("Verslag van de openbare raadsvergadering\n\n**Datum:** vrijdag 14 november 2025, 13.30 – 16.15 uur\n"
            "**Plaats:** SER-gebouw, Den Haag\n\n1. Opening\nAgenderen voor de vergadering van 4 december 2025.\n")
    assert find_date(clean(text).text, "minutes")[0] == "2025-11-14"


def test_minutes_date_from_a_capitalised_vergadering_line():
    text = ("Notulen commissie Consumentenaangelegenheden (CCA)\n\nVergadering van donderdag 2 oktober 2025, 10.00 uur\n\n"
            "1. Opening\nDit punt wordt geagendeerd voor de vergadering van 4 december 2025.\n")
    assert find_date(text, "minutes")[0] == "2025-10-02"


def test_minutes_earlier_meeting_is_not_the_date():
    text = "1. Opening\n2. Verslag raadsvergadering van 26 september 2024\nVastgesteld.\n"
    assert find_date(text, "minutes") == (None, None)


def test_minutes_own_title_names_the_meeting():
    text = "Verslag van de openbare raadsvergadering van vrijdag 17 januari 2025, gehouden te Den Haag.\n\n1. Opening\n"
    assert find_date(text, "minutes")[0] == "2025-01-17"
    earlier = "Verslag van de vorige raadsvergadering van vrijdag 13 december 2024\n\n1. Opening\n"
    assert find_date(earlier, "minutes") == (None, None)


def test_minutes_heading_title():
    text = "Verslag van de 740ste Raadsvergadering van 5 mei 2021\n\n1. Opening\n"
    assert find_title(text, "minutes") == "Verslag van de 740ste Raadsvergadering van 5 mei 2021"


def test_response_header_date_and_title():
    assert find_date(RESPONSE, "government_response") == ("2024-11-07", "Datum 7 november 2024")
    assert find_title(RESPONSE, "government_response") == \
        "Kabinetsreactie op het SER-advies ‘Werk dat werkt voor iedereen’"
    numeric = "Datum\n05-12-2025\n\nOnze referentie\n2025-1\n\nPagina 2 van 9\n"
    assert find_date(numeric, "government_response")[0] == "2025-12-05"


def test_response_without_own_date():
    text = ("## **Kabinetsreactie op het advies X**\n\nOp 7 september 2023 was er een rondetafel. "
            "Het kabinet verwacht in het voorjaar van 2024 een vervolgadvies.\n")
    assert find_date(text, "government_response") == (None, None)
    assert find_title(text, "government_response") == "Kabinetsreactie op het advies X"


def test_letter_date():
    text = "Den Haag, 2 oktober 2023\n\nHet kabinet reageert op het advies.\n"
    assert find_date(text, "government_response")[0] == "2023-10-02"


def test_magazine_issue():
    assert find_date(MAGAZINE, "magazine") == ("2019-03", "Maart 2019 #1 - jaargang 59")
    assert find_title(MAGAZINE, "magazine") == \
        "Magazine van de Sociaal-Economische Raad, Maart 2019 #1 - jaargang 59"
    assert find_date("magazine zonder nummer\n\nover werk in 2020", "magazine") == (None, None)


@pytest.mark.parametrize("head, iso", [
    ("SER Magazine | december 2026\n\nIn gesprek", "2026-12"), ("Nummer 4 – juni 2025\n", "2025-06"),
    ("SER magazine, mei 2024 #2\n", "2024-05"),
])
def test_magazine_issue_after_its_name(head, iso):
    assert find_date(head + "\nHet verhaal.\n", "magazine")[0] == iso


def test_a_date_after_a_place_in_running_text_is_no_issue():
    text = "Magazine\n\nDen Haag, 12 december 2026 is de dag waarop de raad besloot.\n"
    assert find_date(text, "magazine") == (None, None)


def test_a_letters_subject_line_is_the_responses_title():
    text = ("> Retouradres Postbus 90801 2509 LV Den Haag\n\nAan de Voorzitter van de Tweede Kamer\n\n"
            "Datum 3 maart 2026\nBetreft Kabinetsreactie op het SER-advies Werk in de zorg\n\n"
            "Geachte voorzitter,\n\nHet kabinet dankt de raad. Het kabinet neemt de aanbeveling over.\n")
    assert find_title(text, "government_response") == "Kabinetsreactie op het SER-advies Werk in de zorg"


def test_a_return_address_is_no_title():
    text = "> Retouradres Postbus 90801 2509 LV Den Haag\n\nAan de Voorzitter van de Tweede Kamer\n\nOver de arbeidsmarkt van morgen\n"
    assert find_title(text, "other") == "Over de arbeidsmarkt van morgen"
    # a subject line that is no reaction leaves the title to the other rules
    assert find_title("Betreft Kabinetsreactievoorstel\n\nWerk en inkomen in balans\n", "government_response") \
        != "Kabinetsreactievoorstel"


def test_minutes_date_after_gehouden_op():
    text = ("Verslag van de openbare raadsvergadering van de Sociaal-Economische Raad, gehouden op\n"
            "vrijdag 6 juni 2025 te Den Haag\n\n1. Opening\n\nDe voorzitter opent de vergadering.\n")
    assert find_date(text, "minutes")[0] == "2025-06-06"
    assert find_date("Op de vergadering, gehouden op 3 maart 2025, werd besloten.", "minutes")[0] == "2025-03-03"
    # an earlier meeting named in passing is still not this one's date
    assert find_date("De vorige vergadering, gehouden op 3 maart 2025, is besproken.", "minutes")[0] != "2025-03-03"


# ---------------------------------------------------------------- responses by other names

BELEIDSREACTIE = """Beleidsreactie op het SER-advies 'Werk in uitvoering'

Geachte voorzitter,

Hierbij stuur ik u mijn beleidsreactie op het advies 'Werk in uitvoering' van de SER.

Aanbeveling 1: Versterk de uitvoering
Reactie: Ik neem deze aanbeveling over.

Hoogachtend,

de minister voor Armoedebeleid, Participatie en Pensioenen,

C.E.G. van Gennip
"""

REGERINGSSTANDPUNT = """Regeringsstandpunt over het advies van de Raad voor Volksgezondheid en Samenleving 'Zorg op afstand'

De regering heeft met belangstelling kennisgenomen van het advies.

1. Investeer in digitale zorg
Reactie: De regering neemt deze aanbeveling over.

2. Schaf de eigen bijdrage af
Reactie: De regering neemt deze aanbeveling niet over.
"""

RVS_REACTIE = """Reactie op het RVS-advies 'Zorg voor later'

Ik ontving op 3 maart het advies. Mijn reactie per aanbeveling volgt hieronder.

I. Investeer in preventie
Reactie
Ik onderschrijf deze aanbeveling.
"""


@pytest.mark.parametrize("text", [BELEIDSREACTIE, REGERINGSSTANDPUNT, RVS_REACTIE])
def test_a_response_by_another_name_is_a_government_response(text):
    assert classify(text) == "government_response"


def test_an_advice_that_names_the_government_and_a_reaction_stays_an_advice():
    text = """Advies 'Werk in uitvoering'

Samenvatting

De SER adviseert de regering de uitvoering te versterken. In dit advies doet de raad drie aanbevelingen.
De regering heeft de SER gevraagd om advies. De regering moet volgens de raad meer investeren. In
reactie op het advies van de commissie vroeg de regering om snelheid. De regering kan dit in 2026 regelen.
"""
    assert classify(text) == "advice"


def test_minutes_that_discuss_a_beleidsreactie_stay_minutes():
    text = MINUTES.replace("Het verslag wordt vastgesteld.",
                           "Het verslag wordt vastgesteld. De voorzitter meldt dat de beleidsreactie van de minister "
                           "op het advies binnen is.\nReactie: de raad bespreekt die in de volgende vergadering.")
    assert classify(text) == "minutes"


@pytest.mark.parametrize("text,title", [
    (BELEIDSREACTIE, "Beleidsreactie op het SER-advies 'Werk in uitvoering'"),
    (RVS_REACTIE, "Reactie op het RVS-advies 'Zorg voor later'"),  # not "... SER-advies ..."
    (REGERINGSSTANDPUNT.replace("Regeringsstandpunt over", "Kabinetsstandpunt over"),
     "Kabinetsstandpunt over het advies van de Raad voor Volksgezondheid en Samenleving 'Zorg op afstand'"),
    # a paragraph that opens with "Reactie op het advies" is no title line
    (RESPONSE.replace("Geachte voorzitter,", "Reactie op het advies: het kabinet is positief, zoals de brief hieronder toelicht."),
     "Kabinetsreactie op het SER-advies ‘Werk dat werkt voor iedereen’"),
])
def test_the_title_of_a_response_by_another_name(text, title):
    assert find_title(text, "government_response") == title


# ---------------------------------------------------------------- magazine articles without an issue line

@pytest.mark.parametrize("text", [
    "SER MAGAZINE  |  NUMMER 4  |  OKTOBER 2025\n\nIN GESPREK\n\nWerk maken van de stad\n\n"
    "Tekst: Mirjam d'Ancona | Beeld: Sven van 't Veer\n\nAhmed Bouali kent de cijfers. “Dat kan toch niet?” zegt Bouali.\n",
    "SER Magazine | Vraaggesprek\n\n“Zonder kinderopvang geen banen”\n\nTekst en beeld: Bas Oudshoorn\n\n"
    "Wat is het grootste probleem?\nHamer: “Veel mensen willen meer uren werken.”\n",
])
def test_a_magazine_article_by_its_credits_and_rubric(text):
    assert classify(text) == "magazine"


def test_a_letter_with_a_text_line_and_a_quote_is_no_magazine():
    text = RESPONSE.replace("Datum", "Tekst: Zie de bijlage bij deze brief.\n\nDe voorzitter zegt Nee tegen uitstel.\n\nDatum")
    assert classify(text) == "government_response"


def test_the_record_of_a_joint_meeting_with_ad_items_is_minutes():
    text = ("Verslag gezamenlijke bijeenkomst commissie SEB en SER Jongerenplatform\n\n"
            "Datum: donderdag 3 oktober 2024\n"
            "Aanwezig: Lotte Brinkman (voorzitter SEB), Youssef Amrani\n"
            "Afgemeld: Thomas Dekker (NJR)\n\n"
            "Ad 1. Opening en kennismaking\nLotte Brinkman opent de bijeenkomst.\n")
    assert classify(text) == "minutes"
    assert classify(text.replace("Aanwezig:", "Met").replace("Afgemeld:", "En").replace("Ad 1. Opening", "Start")) != "minutes"


def test_a_magazine_column_under_its_rubric_that_reports_a_cabinet_response_is_a_magazine():
    text = ("## Uit de raad\n\n*SER Magazine, nummer 4 – december 2025*\n\nDe raad heeft het advies vastgesteld. "
            "De kabinetsreactie volgt. In de kabinetsreactie staat veel. Een kabinetsreactie op het advies komt.\n")
    assert classify(text) == "magazine"
    assert classify(text.replace("*SER Magazine, nummer 4 – december 2025*", "Den Haag, december 2025")) \
        == "government_response"


@pytest.mark.parametrize("head, day", [
    ("BESLUITENLIJST\nVergadering d.d. 12-09-2023, 13.30 – 16.00 uur, zaal 2\n", "2023-09-12"),
    ("SER Jongerenplatform – notulen\nDonderdag 23 mei '24, 16.00-18.00 uur, SER Den Haag\n", "2024-05-23"),
])
def test_the_meeting_day_in_numbers_or_with_a_year_of_two_digits(head, day):
    assert find_date(head + "\n1. Opening\nDe voorzitter opent de vergadering.\n", "minutes")[0] == day


def test_the_magazine_written_as_one_word_and_its_headline_as_title():
    text = ("SERmagazine — Rondetafelgesprek\n\n# \"De vrachtwagen rijdt niet vanzelf\"\n\n"
            "**De logistiek draait op volle toeren.** Vier mensen uit de sector praten erover.\n")
    from polder.extract.clean import clean_text
    assert classify(text) == "magazine"
    assert find_title(clean_text(text), "magazine") == '"De vrachtwagen rijdt niet vanzelf"'


def test_minutes_that_discuss_a_cabinet_reaction_are_minutes():
    reaction = ("Het kabinet neemt de aanbeveling over. " * 12) + "De kabinetsreactie volgt. De kabinetsreactie is er. "
    text = ("SOCIAAL-ECONOMISCHE RAAD\nCommissie Sociaal-Economische Vraagstukken (SEV)\n\nSEV/25/044\n"
            "Den Haag, 2 juni 2025\n\nVERSLAG\nvan de 138e vergadering van de commissie, gehouden op vrijdag 16 mei 2025.\n\n"
            "1. Opening en mededelingen\nDe voorzitter opent de vergadering.\n\n"
            "3. Kabinetsreactie op het SER-advies 'Evenwichtig verzekerd'\n" + reaction + "Uw Kamer weet dit.\n")
    assert classify(text) == "minutes"
