"""Meetings from minutes: agenda numbering, chair, speakers, attendance, references."""
from __future__ import annotations

import pytest

from polder.extract.clean import clean_text
from polder.extract.minutes import agenda_items, dutch_date
from polder.extract.pipeline import extract
from polder.extract.reader import read_document

MINUTES = """Verslag van de raadsvergadering van de SER, 17 oktober 2024

1. Opening en mededelingen

De heer Putters, voorzitter, opent de vergadering met een woord van welkom.

Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.

2. Vaststelling verslag raadsvergadering 26 september 2024
Het verslag wordt ongewijzigd vastgesteld met dank aan de notulist, de heer Dirven.

3. Stand van zaken advies over medezeggenschap
3.1 Inleiding voorzitter
De voorzitter leidt het onderwerp in. In 2023 waren er 12 bijeenkomsten.

3.2 Toelichting heer Houweling, tevens voorzitter van de CBM
De heer Houweling licht het advies toe.

4. Rondvraag en sluiting
De volgende raadsvergadering vindt plaats op donderdag 21 november a.s. om 10.15 uur.
"""


def built(tmp_path, text: str, name: str = "verslag-raadsvergadering-17-oktober-2024.txt"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract(read_document(path))


def facts(extraction, prop: str) -> set[tuple[str, str]]:
    return {(r.subject.rsplit("/", 1)[-1], getattr(r.value, "key", r.value)) for r in extraction.relations
            if r.prop == prop}


def test_agenda_numbering_follows_the_sequence():
    items = agenda_items(MINUTES)
    assert [i.number for i in items] == ["1", "2", "3", "3.1", "3.2", "4"]
    assert items[4].title == "Toelichting heer Houweling, tevens voorzitter van de CBM"


def test_an_agenda_listed_before_the_minutes_gives_way_to_their_items():
    text = ("AGENDA\n\n1.  Opening\n2.  Verslag\n3.  Rondvraag en sluiting\n\n\n1. Opening\n\nDe voorzitter opent.\n\n"
            "2. Verslag\n\nHet verslag wordt vastgesteld.\n\n3. Rondvraag en sluiting\n\nDe voorzitter sluit de vergadering.\n")
    items = agenda_items(text)
    assert [i.number for i in items] == ["1", "2", "3"]
    assert text[items[0].start:items[0].end].count("opent") == 1 and items[0].start > text.index("De voorzitter") - 20


def test_a_list_inside_an_item_does_not_continue_the_agenda():
    text = ("1. Opening\n\nTekst.\n\n2. Ontwerpadvies\n\nDe aanbevelingen:\n1. Verkort de termijn voor werkgevers\n"
            "met minder dan 25 werknemers.\n2. Introduceer een verzekering.\n3. Evalueer de maatregelen na vijf jaar.\n\n"
            "Het advies wordt vastgesteld.\n\n3. Rondvraag en sluiting\n\nNiets.\n")
    assert [(i.number, i.title) for i in agenda_items(text)] == [
        ("1", "Opening"), ("2", "Ontwerpadvies"), ("3", "Rondvraag en sluiting")]


def test_numbers_in_running_text_are_no_items():
    items = agenda_items("1. Opening\nTekst.\n\n2023 was een goed jaar.\n7. Slot van iets\n2. Rondvraag\n")
    assert [i.number for i in items] == ["1", "2"]


def test_meeting_chair_speakers_and_attendance(tmp_path):
    ex = built(tmp_path, MINUTES)
    assert ex.doc.kind == "minutes"
    meetings = [e for e in ex.entities.values() if e.cls == "Meeting" and e.key.endswith("/meeting")]
    assert len(meetings) == 1
    assert facts(ex, "polder:chair") == {("meeting", "person/putters")}
    speakers = facts(ex, "polder:speaker")
    assert ("3.2", "person/houweling") in speakers
    assert ("3.1", "person/putters") in speakers  # "Inleiding voorzitter": the chair speaks
    assert ("3.1", "person/houweling") not in speakers
    assert ("meeting", "person/bolster-damen") in facts(ex, "polder:leftEarly")
    assert ("meeting", "person/putters") not in facts(ex, "polder:welcomed")  # the chair welcomes


def test_referred_meetings_and_decisions(tmp_path):
    ex = built(tmp_path, MINUTES)
    referred = {v for _, v in facts(ex, "dcterms:references")}
    assert "meeting/ser/2024-09-26" in referred
    # "21 november a.s." has no year: dated from the document's date, or left out without one
    assert any(k.endswith("-11-21") for k in referred) == bool(ex.doc.date)
    assert ("2", "vastgesteld") in facts(ex, "polder:decision")
    assert ("4", "vastgesteld") not in facts(ex, "polder:decision")


def test_a_letter_gets_no_meeting(tmp_path):
    letter = "Geachte voorzitter,\n\nHierbij bied ik u de kabinetsreactie aan op het SER-advies. " \
             "De heer Putters, voorzitter, heeft het advies aangeboden.\n\nDe minister van Sociale Zaken en Werkgelegenheid\n"
    ex = built(tmp_path, letter, "kabinetsreactie.txt")
    assert ex.doc.kind != "minutes"
    assert not [e for e in ex.entities.values() if e.cls in ("Meeting", "AgendaItem")]


def test_dutch_date():
    assert dutch_date("2024-10-17") == "17 oktober 2024" and dutch_date("2021-09") == "september 2021"


def test_agenda_items_concern_the_topics_they_discuss(tmp_path):
    text = MINUTES.replace("De heer Houweling licht het advies toe.",
                           "De heer Houweling licht het advies over medezeggenschap toe. Medezeggenschap staat onder druk.")
    concerns = facts(built(tmp_path, text, "minutes.txt"), "polder:concerns")
    assert ("3.2", "topic/medezeggenschap") in concerns      # twice under 3.2
    assert ("3", "topic/medezeggenschap") in concerns        # in the title of 3
    assert not any(item == "1" for item, _ in concerns)      # the opening is about nothing


def speakers_of(tmp_path, text: str) -> set[tuple[str, str]]:
    return facts(built(tmp_path, text, "minutes.txt"), "polder:speaker")


def test_a_person_whose_sentence_says_they_spoke_is_a_speaker(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Zoals afgesproken heeft mevrouw Arends van de FNV, voor de opening, een inleiding gehouden over vitaliteit.")
    assert ("1", "person/arends") in speakers_of(tmp_path, text)


def test_a_person_only_thanked_is_no_speaker(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Het verslag is opgesteld door mevrouw Arends van de FNV, die daarvoor wordt bedankt.")
    assert not any(person == "person/arends" for _, person in speakers_of(tmp_path, text))


AGENDAPUNT_MINUTES = """Verslag van de raadsvergadering van vrijdag 17 januari 2025

Agendapunt 1 Opening en mededelingen

De voorzitter, de heer dr. K. Smeets, opent de vergadering.

Agendapunt 2: Ontwerpadvies Werken aan brede welvaart

Mevrouw Visser licht het ontwerpadvies toe.
De heer dr. Dekker (FNV) steunt het advies.
"""


def test_agendapunt_items_and_a_chair_named_after_the_word_voorzitter(tmp_path):
    assert [(i.number, i.title) for i in agenda_items(AGENDAPUNT_MINUTES)] == [
        ("1", "Opening en mededelingen"), ("2", "Ontwerpadvies Werken aan brede welvaart")]
    ex = built(tmp_path, AGENDAPUNT_MINUTES)
    assert facts(ex, "polder:chair") == {("meeting", "person/k-smeets")}
    assert {("2", "person/visser"), ("2", "person/dekker")} <= facts(ex, "polder:speaker")
    assert ex.doc.date == "2025-01-17"


def test_a_name_after_a_fronted_phrase_and_a_speech_verb_is_a_speaker(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Namens VNO-NCW sprak daarna de heer De Groot over de kosten. Vervolgens vraagt mevrouw Arends het woord.")
    assert {("1", "person/de-groot"), ("1", "person/arends")} <= speakers_of(tmp_path, text)


def test_a_name_after_a_verb_that_opens_no_sentence_is_no_speaker(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Het secretariaat stuurt namens VNO-NCW een brief aan de heer De Groot. Men vraagt mevrouw Arends om advies.")
    assert not {person for _, person in speakers_of(tmp_path, text)} & {"person/de-groot", "person/arends"}


def test_an_absence_list_gives_every_listed_person(tmp_path):
    text = MINUTES.replace("1. Opening en mededelingen\n",
                           "Afwezig: de heren Hofstra, Van Dam en mevrouw Timmermans.\n\n1. Opening en mededelingen\n")
    absent = facts(built(tmp_path, text), "polder:absentWithApologies")
    assert {("meeting", "person/hofstra"), ("meeting", "person/van-dam"), ("meeting", "person/timmermans")} <= absent


def test_an_absence_in_running_text_gives_only_the_nearest_person(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "De heer Hofstra deelt mee dat mevrouw Timmermans vandaag afwezig is.")
    absent = facts(built(tmp_path, text), "polder:absentWithApologies")
    assert absent == {("meeting", "person/timmermans")}


def test_an_item_number_followed_by_a_dash():
    text = "1. Opening\nDe voorzitter opent.\n\nAgendapunt 2 – Advies Arbeidsmigratie\nTekst.\n\n3 - Rondvraag\n"
    assert [(i.number, i.title) for i in agenda_items(text)] == [
        ("1", "Opening"), ("2", "Advies Arbeidsmigratie"), ("3", "Rondvraag")]
    # a dash with no number before it, or a year, continues no agenda
    assert [i.number for i in agenda_items("1. Opening\n2025 – Een jaar van groei\n- Punten van aandacht\n")] == ["1"]


def test_the_floor_a_question_answered_and_a_kroonlid_make_speakers(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "De voorzitter geeft het woord aan mevrouw Arends. Op een vraag van de heer De Groot antwoordt "
        "mevrouw Visser dat het kan. Kroonlid Jansen wijst erop dat het laat is.")
    assert {("1", "person/arends"), ("1", "person/de-groot"), ("1", "person/visser"),
            ("1", "person/jansen")} <= speakers_of(tmp_path, text)


def test_floor_and_question_look_alikes_are_no_speakers(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "De brief gaat over het woord van de heer De Groot. Het advies komt voort uit een vraag van "
        "mevrouw Visser aan de commissie.")
    assert not {person for _, person in speakers_of(tmp_path, text)} & {"person/de-groot", "person/visser"}


def test_the_meetings_close_ends_the_last_item(tmp_path):
    text = MINUTES.replace("De volgende raadsvergadering vindt plaats op donderdag 21 november a.s. om 10.15 uur.\n",
                           "De voorzitter sluit de vergadering om 12.30 uur.\n\nBijlage: verslag van de "
                           "werkconferentie\nMevrouw Visser opende met een inleiding over medezeggenschap.\n")
    items = agenda_items(text)
    assert items[-1].number == "4" and text[items[-1].start:items[-1].end].rstrip().endswith("12.30 uur.")
    assert not {person for item, person in speakers_of(tmp_path, text) if item == "4"} & {"person/visser"}
    # without a closing sentence the last item runs to the end of the text
    assert agenda_items(MINUTES)[-1].end == len(MINUTES)


def test_ad_items_of_committee_minutes():
    text = "Ad 1. Opening\nDhr. Mulder opent.\n\nAd 2. Verslag\nVastgesteld.\n"
    assert [(i.number, i.title) for i in agenda_items(text)] == [("1", "Opening"), ("2", "Verslag")]
    # a given name "Ad" before a surname opens no item
    assert [i.number for i in agenda_items("1. Opening\nAd Bergwerff neemt 2 Kroonleden mee.\n")] == ["1"]


def test_a_fronted_invitation_or_reference_before_a_speaker(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Op uitnodiging van de commissie presenteert dr. Sanne Hoekstra haar onderzoek. "
        "Naar aanleiding van het verslag meldt mw. Lindeman dat de brief is verstuurd.")
    assert {("1", "person/sanne-hoekstra"), ("1", "person/lindeman")} <= speakers_of(tmp_path, text)


def test_a_fronted_phrase_without_a_speech_verb_makes_no_speaker(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Op uitnodiging van de commissie is dr. Sanne Hoekstra aanwezig. Naar aanleiding van het verslag "
        "ontvangt mw. Lindeman een bedankje.")
    assert not {person for _, person in speakers_of(tmp_path, text)} & {"person/sanne-hoekstra", "person/lindeman"}


def test_items_numbered_with_a_bracket_and_chair_turns_of_a_verbatim_record(tmp_path):
    text = ("Verslag van de raadsvergadering van de SER, 17 oktober 2024\n\nDe vergadering wordt voorgezeten door "
            "de heer Putters.\n\n1) Opening\nVoorzitter: Ik open de vergadering.\n\n2) Advies\n"
            "Voorzitter: prof. dr. Jansen is vandaag afwezig.\nDe heer Dekker (FNV): Wij steunen het advies.\n")
    assert [(i.number, i.title) for i in agenda_items(text)] == [("1", "Opening"), ("2", "Advies")]
    ex = built(tmp_path, text)
    assert facts(ex, "polder:chair") == {("meeting", "person/putters")}
    speakers = facts(ex, "polder:speaker")
    assert ("1", "person/putters") in speakers and ("2", "person/dekker") in speakers
    # "Voorzitter: prof. dr. Jansen" is a header line naming someone, no turn of the chair
    assert ("2", "person/putters") not in speakers


def test_a_chair_needs_the_meeting_as_subject(tmp_path):
    text = MINUTES.replace(
        "De heer Putters, voorzitter, opent de vergadering met een woord van welkom.",
        "Twee tafels gingen verder onder leiding van de heer Bharosa. De werkgroep wordt voorgezeten door "
        "mevrouw Piersma.")
    assert facts(built(tmp_path, text), "polder:chair") == set()


def test_a_welcome_for_someone_and_a_welcome_for_all(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Een bijzonder woord van welkom voor de heer Fortuin.")
    assert ("meeting", "person/fortuin") in facts(built(tmp_path, text), "polder:welcomed")
    # "opent de vergadering met een woord van welkom" welcomes nobody by name
    assert ("meeting", "person/putters") not in facts(built(tmp_path, MINUTES), "polder:welcomed")


def test_leaving_at_a_time_and_an_absence_heading_without_a_colon(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "[Mevrouw Bolster-Damen verlaat om 11.00 uur de vergadering.]").replace(
        "1. Opening en mededelingen\n",
        "Afwezig met kennisgeving mevrouw A. Bos (CNV) de heer C. de Wit (kroonlid)\n\n1. Opening en mededelingen\n")
    ex = built(tmp_path, text)
    assert facts(ex, "polder:leftEarly") == {("meeting", "person/bolster-damen")}
    assert {("meeting", "person/a-bos"), ("meeting", "person/c-de-wit")} <= facts(ex, "polder:absentWithApologies")
    # "afwezig" in running text, then a name: only the nearest, not a list
    text = MINUTES.replace("Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
                           "Omdat mevrouw Bos afwezig is, spreekt de heer De Wit.")
    assert facts(built(tmp_path, text), "polder:absentWithApologies") == {("meeting", "person/bos")}


def test_apologies_received_from_several_persons(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Bericht van verhindering is ontvangen van mevrouw Bakker-de Groot en de heer Van Leeuwen.")
    absent = facts(built(tmp_path, text), "polder:absentWithApologies")
    assert {("meeting", "person/bakker-de-groot"), ("meeting", "person/van-leeuwen")} <= absent
    # the one who reports it is not absent: only the persons after the cue
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "De heer Van Leeuwen meldt dat bericht van verhindering is ontvangen van mevrouw Bakker-de Groot.")
    absent = facts(built(tmp_path, text), "polder:absentWithApologies")
    assert ("meeting", "person/bakker-de-groot") in absent and ("meeting", "person/van-leeuwen") not in absent


def test_speakers_after_ook_and_after_a_reply_phrase(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Ook de heer De Groot steunt het advies. Hierop reageert mevrouw Arends instemmend. In reactie daarop "
        "zegt de heer Visser dat het kan.")
    assert {("1", "person/de-groot"), ("1", "person/arends"), ("1", "person/visser")} <= speakers_of(tmp_path, text)


def test_a_reply_phrase_without_a_speech_verb_makes_no_speaker(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "Hierop ontvangt mevrouw Arends een bos bloemen. Het stuk noemt ook de heer De Groot.")
    assert not {person for _, person in speakers_of(tmp_path, text)} & {"person/arends", "person/de-groot"}


def test_chair_named_in_a_header_or_a_sentence_opening_onder_voorzitterschap(tmp_path):
    plain = MINUTES.replace("De heer Putters, voorzitter, opent de vergadering met een woord van welkom.",
                            "De voorzitter opent de vergadering.")
    for head, chair in (("Voorzitter van de vergadering: de heer Smeets\n", "person/smeets"),
                        ("Onder voorzitterschap van Kim Putters vergaderde de raad.\n", "person/kim-putters")):
        text = plain.replace("1. Opening en mededelingen\n", head + "\n1. Opening en mededelingen\n")
        assert facts(built(tmp_path, text), "polder:chair") == {("meeting", chair)}
    # the chair of a working group is no chair of the meeting
    text = plain.replace("1. Opening en mededelingen\n",
                         "Voorzitter van de werkgroep: de heer Smeets\n\n1. Opening en mededelingen\n")
    assert facts(built(tmp_path, text), "polder:chair") == set()


def test_sub_items_numbered_by_letter(tmp_path):
    text = MINUTES.replace("3.1 Inleiding voorzitter", "3a. Inleiding voorzitter").replace(
        "3.2 Toelichting heer Houweling", "3b) Toelichting heer Houweling")
    items = [(i.number, i.title) for i in agenda_items(text)]
    assert ("3a", "Inleiding voorzitter") in items and ("3b", "Toelichting heer Houweling, tevens voorzitter van de CBM") in items
    speakers = speakers_of(tmp_path, text)
    assert {("3b", "person/houweling"), ("3", "person/houweling")} <= speakers  # a sub-item's speaker speaks under 3
    # letters out of order, or glued to a word, continue no agenda
    assert [i.number for i in agenda_items("1. Opening\n1c. Later\n2. Advies\n2ab Iets\n")] == ["1", "2"]


def test_a_chair_named_in_apposition_without_a_form_of_address(tmp_path):
    text = MINUTES.replace("De heer Putters, voorzitter, opent de vergadering met een woord van welkom.",
                           "De voorzitter, Kim Putters, opent de vergadering.")
    assert facts(built(tmp_path, text), "polder:chair") == {("meeting", "person/kim-putters")}


def test_a_person_the_sentence_says_is_away_is_no_speaker(tmp_path):
    text = MINUTES.replace(
        "Mevrouw Bolster-Damen verlaat de vergadering wegens verplichtingen elders eerder.",
        "De heer De Groot is vandaag niet aanwezig. Mevrouw Arends heeft zich afgemeld. Mevrouw Visser is "
        "aanwezig en licht het stuk toe.")
    speakers = {person for _, person in speakers_of(tmp_path, text)}
    assert not speakers & {"person/de-groot", "person/arends"} and "person/visser" in speakers


COMMITTEE_TURNS = """Notulen commissie Consumentenaangelegenheden (CCA)

Vergadering van donderdag 2 oktober 2025

Aanwezig: mr. A.B. de Vries (voorzitter), mevrouw mr. J.C. Terpstra (Consumentenbond), de heer S. de Haan
(Thuiswinkel.org), de heer G.J. Dijkhuizen (MKB-Nederland), mr. D. van den Heuvel (NVB), de heer P. Smit (FNV).

Agendapunt 1 - Opening

De voorzitter opent de vergadering.

Agendapunt 2 - Algemene voorwaarden

Terpstra (Consumentenbond): het beding is onredelijk bezwarend.

De Haan: de webwinkels houden zich aan de code.

Dijkhuizen vraagt of de termijn haalbaar is. Van den Heuvel (NVB) wijst erop dat banken al werken aan een oplossing.

Agendapunt 3 - Sluiting

Smit had het stuk niet ontvangen. De voorzitter sluit de vergadering.
"""


def test_turns_by_surname_alone_after_the_attendance_list_named_them_with_initials(tmp_path):
    """The attendance list writes "de heer G.J. Dijkhuizen"; the turns write "Dijkhuizen vraagt", "De Haan:",
    "Terpstra (Consumentenbond): ...", "Van den Heuvel (NVB) wijst erop". A surname without a speech
    cue ("Smit is het eens") is no turn."""
    found = speakers_of(tmp_path, COMMITTEE_TURNS)
    assert {("2", "person/j-c-terpstra"), ("2", "person/s-de-haan"), ("2", "person/g-j-dijkhuizen"),
            ("2", "person/d-van-den-heuvel")} <= found
    assert not any(person == "person/p-smit" for _, person in found)


def test_the_chair_from_brackets_with_another_role_beside_it(tmp_path):
    text = ("Verslag van de raadsvergadering van 14 november 2025\n\nAanwezig: de heer dr. R.P. ten Cate (kroonlid, "
            "voorzitter), mevrouw A. Bos (vicevoorzitter).\n\n1. Opening\n\nDe voorzitter opent de vergadering.\n\n"
            "2. Rondvraag\n\nMevrouw Bos vraagt naar de planning.\n")
    result = built(tmp_path, text, "minutes.txt")
    assert facts(result, "polder:chair") == {("meeting", "person/r-p-ten-cate")}


def test_a_chair_listed_as_away_is_not_the_chair(tmp_path):
    text = ("Verslag van de raadsvergadering van 21 februari 2025\n\nAanwezig: de heer R.J. Koolhaas (FNV), mevrouw A. Bos "
            "(CNV).\n\nAfwezig met kennisgeving:\nmevrouw H.M. Verbrugge (voorzitter)\n\n1. Opening\n\nDe heer Koolhaas opent "
            "de vergadering.\n\n2. Rondvraag\n\nMevrouw Bos vraagt naar de planning. De voorzitter sluit de vergadering.\n")
    result = built(tmp_path, text, "minutes.txt")
    assert facts(result, "polder:chair") == set()
    assert ("meeting", "person/h-m-verbrugge") in facts(result, "polder:absentWithApologies")
    assert ("2", "person/h-m-verbrugge") not in facts(result, "polder:speaker")


@pytest.mark.parametrize("head,date", [
    # the day it was held, not the day the report was written
    ("VERSLAG\n\nvan de 52e vergadering van de commissie Arbeidsomstandigheden,\ngehouden op donderdag 28 november "
     "2024 te Den Haag\n\nDatum verslag     : 6 december 2024\n", "2024-11-28"),
    # a dateline under the title
    ("# Verslag openbare raadsvergadering\n\n*Vrijdag 16 mei 2025, 10.00 uur, SER-gebouw Den Haag*\n", "2025-05-16"),
])
def test_the_day_the_head_of_the_minutes_says_the_meeting_was_held(head, date):
    from polder.extract.classify import find_date
    text = head + "\n1. Opening\n\nDe voorzitter opent de vergadering om 10.00 uur.\n"
    assert find_date(text, "minutes")[0] == date


@pytest.mark.parametrize("attendance", [
    "AANWEZIG\n\nVoorzitter\nmw. dr. M.J. Terpstra-Bouali\n\nKroonleden\nprof. dr. H.W. Lindeboom\n",
    "| Naam | Rol |\n|---|---|\n| mw. dr. M.J. Terpstra-Bouali | kroonlid, voorzitter |\n"
    "| prof. dr. H.W. Lindeboom | kroonlid |\n",
])
def test_the_chair_on_the_line_under_the_word_or_in_a_table_row(tmp_path, attendance):
    text = ("Verslag van de raadsvergadering van de SER van vrijdag 21 maart 2025\n\n" + attendance +
            "\n1. Opening\n\nDe voorzitter opent de vergadering. De heer Lindeboom vraagt het woord.\n")
    assert facts(built(tmp_path, text), "polder:chair") == {("meeting", "person/m-j-terpstra-bouali")}


BY_SURNAME = """Verslag bijeenkomst stuurgroep, 5 november 2024

Aanwezig: Nadia Tahiri (voorzitter), Luuk Dekkers (secretaris), Eline de Bruijn (ministerie van SZW)

1. Opening

Tahiri opent de bijeenkomst.

2. Monitor

Dekkers presenteert de eerste resultaten. De Bruijn verwijst naar de Wet op de ondernemingsraden.
- mw. Kaya (FNV): de scholingsplicht wordt nauwelijks nageleefd.
"""


def test_a_surname_that_opens_a_sentence_and_acts_in_it_is_a_speaker(tmp_path):
    assert {("1", "person/nadia-tahiri"), ("2", "person/luuk-dekkers"), ("2", "person/eline-de-bruijn"),
            ("2", "person/kaya")} <= speakers_of(tmp_path, BY_SURNAME)


def test_a_surname_that_opens_a_sentence_without_acting_is_no_speaker(tmp_path):
    text = BY_SURNAME.replace("Dekkers presenteert de eerste resultaten.", "Dekkers is vandaag afwezig.")
    assert ("2", "person/luuk-dekkers") not in speakers_of(tmp_path, text)


TAKEN_EARLY = """Besluitenlijst commissie, 11 februari 2025

1.  Opening en vaststelling agenda

Agendapunt 3 wordt vóór agendapunt 2 behandeld.

3.  Internetconsultatie wijziging Wet educatie en beroepsonderwijs

De heer Schuurman meldt dat de consultatie loopt.

2.  Presentatie arbeidsmarktprognoses

Mevrouw Brandsma presenteert de prognoses.

4.  Rondvraag en sluiting
"""


def test_an_item_taken_before_its_turn_is_an_item():
    assert [i.number for i in agenda_items(TAKEN_EARLY)] == ["1", "3", "2", "4"]


def test_a_number_two_ahead_without_the_skipped_one_later_is_no_item():
    text = TAKEN_EARLY.replace("2.  Presentatie", "Presentatie")
    assert [i.number for i in agenda_items(text)] == ["1"]


def test_items_in_roman_numerals_where_the_agenda_counts_in_them():
    text = "Verslag\n\nI. Opening\n\nDe voorzitter opent.\n\nII. Verslag vorige vergadering\n\nIII. Rondvraag\n"
    assert [(i.number, i.title) for i in agenda_items(text)] == [
        ("1", "Opening"), ("2", "Verslag vorige vergadering"), ("3", "Rondvraag")]
    # one taken before its turn, in Roman numerals too
    early = text.replace("II. Verslag vorige vergadering", "III. Rondvraag vooraf").replace("III. Rondvraag\n",
                                                                                          "II. Verslag\n")
    assert [i.number for i in agenda_items(early)] == ["1", "3", "2"]
    # a lone "I." with no "II." is an initial: "I. Zwart (JOB MBO)"
    assert agenda_items("Aanwezig:\nI. Zwart (JOB MBO)\n\n1. Opening\n\n2. Rondvraag\n")[0].title == "Opening"


def test_sub_items_by_a_lone_letter_under_their_item(tmp_path):
    text = ("Notulen 4e vergadering, 24 april 2025\n\n1. Opening\nDe voorzitter opent de vergadering.\n\n"
            "2. Notulen en actielijst\na. Notulen 3e vergadering (27 maart 2025)\nDe notulen worden vastgesteld.\n"
            "b. Actielijst\nDe actiepunten zijn afgehandeld.\n\n3. Rondvraag en sluiting\n")
    assert [(i.number, i.title) for i in agenda_items(text)] == [
        ("1", "Opening"), ("2", "Notulen en actielijst"), ("2a", "Notulen 3e vergadering (27 maart 2025)"),
        ("2b", "Actielijst"), ("3", "Rondvraag en sluiting")]
    items = {e.label for e in built(tmp_path, text).entities.values() if e.cls == "AgendaItem"}
    assert "Actielijst" in items and "Notulen en actielijst" in items


CHAIR_LINES = """Verslag van de vergadering van de commissie, gehouden op woensdag 12 maart 2025

Aanwezig:
drs. H.J. Veenstra                 voorzitter
mevrouw M. Oukili                  lid (FNV)

1. Opening
De voorzitter opent de vergadering.
"""


@pytest.mark.parametrize("line, chair", [
    ("drs. H.J. Veenstra                 voorzitter", "person/h-j-veenstra"),  # the role in a column
    ("W.H.M. (Wim) Scheepers, voorzitter (kroonlid)", "person/wim-scheepers"),  # after a comma
])
def test_the_chair_named_by_a_role_beside_the_name_in_the_attendance_list(tmp_path, line, chair):
    text = CHAIR_LINES.replace("drs. H.J. Veenstra                 voorzitter", line)
    assert facts(built(tmp_path, text), "polder:chair") == {("meeting", chair)}
    vice = text.replace(" voorzitter", " vicevoorzitter")
    assert facts(built(tmp_path, vice), "polder:chair") == set()


def test_the_chair_of_the_header_comes_before_one_who_chairs_something_else(tmp_path):
    text = ("Verslag van de raadsvergadering van 22 november 2024\n\nVoorzitter: mevrouw prof. dr. A.M. Kuipers\n\n"
            "1. Opening\nDe voorzitter opent de vergadering. De commissie van voorbereiding is onder voorzitterschap "
            "van mevrouw T.L. Ngo aan het werk gegaan.\n")
    assert facts(built(tmp_path, text), "polder:chair") == {("meeting", "person/a-m-kuipers")}


def test_an_acronym_is_a_committees_whole_name_before_en(tmp_path):
    text = ("Verslag gezamenlijke bijeenkomst, 3 oktober 2024\n\nAanwezig: Lotte Brinkman (voorzitter)\n\n"
            "1. Opening\nHet is de eerste keer dat de commissie SEB en het Jongerenplatform gezamenlijk vergaderen.\n")
    labels = {e.label for e in built(tmp_path, text).entities.values() if e.cls == "Committee"}
    assert not any("Jongerenplatform" in label for label in labels)


INFORMAL = """SER Jongerenplatform – notulen plenair overleg, 23 mei 2024

Aanwezig: Sanne de Wit (voorzitter, CNV Jongeren), Fleur van Houten (ISO), Mehmet Aydın (Nationale Jeugdraad, online)
Afwezig: Lotte Brink (LAKS) – ziek
Vanuit het secretariaat: Jesse Boonstra (notulen)

Punt 1 – Opening
Sanne opent om 16.05. Welkom aan Mehmet.

Punt 2 – Studiefinanciering
Fleur vertelt dat de basisbeurs terug is. Mehmet vraagt naar cijfers.
"""


def test_informal_minutes_with_punt_items_full_name_lists_and_given_names(tmp_path):
    assert [(i.number, i.title) for i in agenda_items(INFORMAL)] == [("1", "Opening"), ("2", "Studiefinanciering")]
    ex = built(tmp_path, INFORMAL)
    persons = {e.label for e in ex.entities.values() if e.cls == "Person"}
    assert {"Sanne de Wit", "Fleur van Houten", "Mehmet Aydın", "Lotte Brink", "Jesse Boonstra"} <= persons
    assert {("1", "person/sanne-de-wit"), ("2", "person/fleur-van-houten"), ("2", "person/mehmet-aydin")} <= \
        facts(ex, "polder:speaker")
    assert ("1", "person/mehmet-aydin") not in facts(ex, "polder:speaker")  # welcomed, not acting
    assert ("meeting", "person/lotte-brink") in facts(ex, "polder:absentWithApologies")
    assert ("meeting", "person/jesse-boonstra") not in facts(ex, "polder:absentWithApologies")  # the next field


BY_ORGANISATION = """Verslag online bijeenkomst werkgroep, 7 februari 2024

Voorzitter: prof. dr. A. Verhoeven (kroonlid)
FNV: Jansen, De Boer
VNO-NCW: Hofman
SER-secretariaat: Mulder (secretaris), Kaya (verslag)
NB: Graag

1. Opening
Voorzitter Verhoeven opent de bijeenkomst.

2. Leven lang ontwikkelen
Jansen (FNV) vindt dat het budget te laag is. Hofman (VNO-NCW) wijst op de fondsen.
"""


def test_attendance_listed_by_organisation_in_surnames(tmp_path):
    ex = built(tmp_path, BY_ORGANISATION)
    persons = {e.label for e in ex.entities.values() if e.cls == "Person"}
    assert {"Jansen", "De Boer", "Hofman", "Mulder", "Kaya"} <= persons and "Graag" not in persons
    assert {("2", "person/jansen"), ("2", "person/hofman")} <= facts(ex, "polder:speaker")


def test_the_chair_of_this_meeting_in_place_of_the_absent_chair(tmp_path):
    text = ("Verslag van de 752ste vergadering van de Sociaal-Economische Raad, 20 september 2024\n\n"
            "Aanwezig: de heer ir. J.W. van Asselt (plaatsvervangend voorzitter, voorzitter van deze vergadering); "
            "de heer W. Hoekstra (algemeen secretaris).\n\n"
            "Afwezig: mevrouw drs. M.J. Terpstra (voorzitter), wegens buitenlandse verplichtingen.\n\n"
            "1. Opening\nDe voorzitter opent de vergadering.\n")
    assert facts(built(tmp_path, text), "polder:chair") == {("meeting", "person/j-w-van-asselt")}


def test_a_sub_item_numbered_without_a_stop_keeps_its_line():
    text = ("1. Vaststelling ontwerpadvies\n\n1a Toelichting door de voorzitter van de commissie van voorbereiding\n"
            "Prof. mr. dr. Kramer licht het ontwerpadvies toe.\n\n1b Bespreking\nDe raad stemt in.\n")
    from polder.extract.clean import clean
    assert [(i.number, i.title) for i in agenda_items(clean(text).text)] == [
        ("1", "Vaststelling ontwerpadvies"), ("1a", "Toelichting door de voorzitter van de commissie van voorbereiding"),
        ("1b", "Bespreking")]


def test_the_secretary_named_by_office_speaks_when_one_person_holds_it(tmp_path):
    text = MINUTES.replace("4. Rondvraag en sluiting\n", "4. Rondvraag en sluiting\nDe secretaris licht de planning toe.\n") \
                  .replace("Verslag van de raadsvergadering van de SER, 17 oktober 2024\n",
                           "Verslag van de raadsvergadering van de SER, 17 oktober 2024\n\nSecretaris: mevrouw Wesselink\n")
    assert ("4", "person/wesselink") in speakers_of(tmp_path, text)
    # without a person who holds the office, nobody is made a speaker by it
    alone = MINUTES.replace("4. Rondvraag en sluiting\n", "4. Rondvraag en sluiting\nDe secretaris licht de planning toe.\n")
    assert {p for item, p in speakers_of(tmp_path, alone) if item == "4"} == set()


def test_items_taken_together_share_their_speakers(tmp_path):
    text = MINUTES.replace("4. Rondvraag en sluiting\n",
                           "4. Werkprogramma 2025 en\n5. Kaderbrief begroting 2026\n\nDe heer Çelik licht beide stukken toe.\n\n"
                           "6. Rondvraag en sluiting\n")
    found = speakers_of(tmp_path, text)
    assert {("4", "person/celik"), ("5", "person/celik")} <= found
    # an item with a text of its own keeps its own speakers
    assert ("3", "person/celik") not in found


@pytest.mark.parametrize("heading", ["**Agendapunt {n}**", "Agendapunt {n}:", "{roman}", "{n}."])
def test_an_items_title_on_the_line_under_its_number(heading):
    romans = ["I", "II", "III"]
    titles = ["Opening", "Ontwerpadvies arbeidsmigratie", "Rondvraag en sluiting"]
    text = "Verslag\n\n" + "\n\n".join(
        heading.format(n=n, roman=romans[n - 1]) + "\n" + title + "\n\nDe heer Pietersen licht dit toe."
        for n, title in enumerate(titles, 1)) + "\n"
    found = agenda_items(clean_text(text))  # (the clean view drops the markdown)
    assert [(i.number, i.title) for i in found] == [("1", titles[0]), ("2", titles[1]), ("3", titles[2])]


def test_a_number_alone_on_its_line_heads_no_item_without_a_sign_that_it_does():
    # a PDF page's number above a heading, and a sentence under "Agendapunt 3"
    text = ("Verslag\n\n1. Opening\n\nDe voorzitter opent.\n\n2\nVerslag vorige keer\n\n"
            "Agendapunt 3\nDe heer Pietersen vraagt het woord.\n")
    assert [i.number for i in agenda_items(text)] == ["1"]


def test_a_committees_meeting_dated_dd_with_the_chair_before_a_semicolon(tmp_path):
    text = ("Verslag van de vergadering van de SER-commissie Sociaal-Economische Aangelegenheden\n\n"
            "d.d. dinsdag 14 oktober 2025\n\n"
            "Aanwezig: mevrouw A. Jansen, voorzitter; de heer B. Pietersen; mevrouw C. de Wit\n\n"
            "I\nOpening\n\nDe voorzitter opent de vergadering.\n\nII\nRondvraag\n\nDe voorzitter sluit de vergadering.\n")
    result = built(tmp_path, text, "verslag-commissie.txt")
    meeting = result.entities["doc/verslag-commissie/meeting"]
    assert meeting.label == "Vergadering SER-commissie Sociaal-Economische Aangelegenheden 14 oktober 2025"
    assert result.doc.date == "2025-10-14"
    assert facts(result, "polder:chair") == {("meeting", "person/a-jansen")}
    assert [e.label for e in result.entities.values() if e.cls == "AgendaItem"] == ["Opening", "Rondvraag"]
    # a letter's "d.d." in the head is no meeting's date
    letter = text.replace("d.d. dinsdag 14 oktober 2025", "Naar aanleiding van uw brief d.d. 3 mei 2025")
    assert built(tmp_path, letter, "verslag-commissie.txt").doc.date is None


def test_speakers_by_a_view_reported_agreement_and_names_taken_together(tmp_path):
    text = ("Verslag van de vergadering, gehouden op woensdag 8 oktober 2025\n\n"
            "Aanwezig: de heer K. Bosman (voorzitter), mevrouw L. Hendriks (FNV), de heer M. Yilmaz (VNO-NCW), "
            "de heer P. Dekker (MKB-Nederland), mevrouw R. Smit (CNV), de heer T. Bakker (LTO)\n\n"
            "1. Opening\nDe voorzitter opent de vergadering.\n\n"
            "2. Ontwerpadvies bestaanszekerheid\nVolgens de heer Yilmaz is het advies te optimistisch. "
            "Hendriks (FNV) is het daar niet mee eens. De heren Dekker en Yilmaz vragen om een doorrekening. "
            "Mevrouw Smit en de heer Bakker zijn verhinderd.\n")
    speakers = {key for item, key in facts(built(tmp_path, text), "polder:speaker") if item == "2"}
    assert speakers == {"person/m-yilmaz", "person/l-hendriks", "person/p-dekker"}


BESLUITENLIJST = """Commissie Arbeidsmarkt en Sociale Zekerheid

BESLUITENLIJST

Vergadering van:   donderdag 3 april 2025, 14.00 - 16.30 uur

Aanwezig
mw. prof. dr. J.E. Staal (voorzitter), dhr. mr. A. Karaca, mw. S. Lammers, mw. R. Rietveld, dhr. drs. C. van Duin (secretaris)


Agendapunt
1
Opening en vaststelling agenda
De voorzitter, mevrouw Staal, opent de vergadering. Mevrouw Rietveld is aangeschoven als nieuwe waarnemer.


Agendapunt
2
Consultatiereactie wetsvoorstel Wet basisverzekering arbeidsongeschiktheid zelfstandigen (ASZ/25/10)
Dhr. Karaca licht de reactie toe. Naar aanleiding daarvan meldt de secretaris dat de termijn sluit.
- Mevrouw Lammers vraagt om een passage over de premie.
"""


def test_a_decision_list_with_items_as_table_cells_and_a_head_of_fields(tmp_path):
    result = built(tmp_path, BESLUITENLIJST, "asz-besluiten.txt")
    assert result.doc.date == "2025-04-03"
    assert result.doc.title == "Besluitenlijst Commissie Arbeidsmarkt en Sociale Zekerheid, 3 april 2025"
    meeting = result.entities["doc/asz-besluiten/meeting"]
    assert meeting.label == "Vergadering Commissie Arbeidsmarkt en Sociale Zekerheid 3 april 2025"
    assert [e.label for e in result.entities.values() if e.cls == "AgendaItem"] == [
        "Opening en vaststelling agenda",
        "Consultatiereactie wetsvoorstel Wet basisverzekering arbeidsongeschiktheid zelfstandigen (ASZ/25/10)"]
    speakers = facts(result, "polder:speaker")
    assert ("1", "person/j-e-staal") in speakers  # the chair named in apposition opens
    assert ("1", "person/r-rietveld") not in speakers  # introduced, not speaking
    assert {("2", "person/a-karaca"), ("2", "person/c-van-duin"), ("2", "person/s-lammers")} <= speakers


def test_a_stand_in_chair_and_sentences_about_coming_and_going(tmp_path):
    text = ("Verslag van de raadsvergadering, gehouden op vrijdag 19 september 2025\n\n"
            "Aanwezig:\nde heer T. Haverkamp – FNV, plaatsvervangend voorzitter (voorzitter van deze vergadering)\n"
            "de heer F. Westbroek (VNO-NCW)\nde heer B. Bouwhuis (VNO-NCW)\nmevrouw K. Olthof (VNO-NCW)\n"
            "mevrouw C. Smit (CNV)\n\nAfwezig: mevrouw M.E. Strijbosch (voorzitter)\n\n"
            "1. Opening\nDe heer Haverkamp opent de vergadering. Hij deelt mee dat de voorzitter, mevrouw Strijbosch, "
            "wegens ziekte verhinderd is. De heer Westbroek wordt vervangen door de heer Bouwhuis. Mevrouw Olthof "
            "(VNO-NCW) neemt de plaats in van de heer Westbroek. Mevrouw Smit verlaat om 11.00 uur de vergadering.\n\n"
            "2. Rondvraag\nDe voorzitter sluit de vergadering.\n")
    result = built(tmp_path, text, "raad-19-september.txt")
    assert facts(result, "polder:chair") == {("meeting", "person/t-haverkamp")}
    assert {key for item, key in facts(result, "polder:speaker") if item == "1"} == {"person/t-haverkamp"}


def test_speakers_by_office_a_fronted_clause_and_apposition_and_who_is_announced(tmp_path):
    text = ("Verslag van de raadsvergadering\n\nVergaderdatum: 16 juni 2023\n\n"
            "Aanwezig: mevrouw K. Hamer (voorzitter), mevrouw R. Ramdin (kroonlid), de heer S. Boukhari (FNV), "
            "mevrouw L. Tjoelker (algemeen secretaris), de heer P. Postma (VNO-NCW)\n\n"
            "1. Opening en mededelingen\nDe voorzitter opent de vergadering. Mevrouw Ramdin (Kroonlid) heeft zich "
            "afgemeld. De heer Postma is per 1 juni benoemd tot lid van de CBM.\n\n"
            "2. Advies over zorg\nMinister Bosschaart dankt de Raad voor het advies. In de gedachtewisseling die volgt, "
            "vraagt de heer Boukhari de minister naar de planning. De algemeen secretaris, mevrouw Tjoelker, "
            "antwoordt dat de planning rond is.\n\n3. Sluiting\nDe voorzitter sluit de vergadering.\n")
    result = built(tmp_path, text, "raad-16-juni-2023.txt")
    assert result.doc.date == "2023-06-16"
    speakers = facts(result, "polder:speaker")
    assert {key for item, key in speakers if item == "1"} == {"person/k-hamer"}
    assert {"person/s-boukhari", "person/l-tjoelker"} <= {key for item, key in speakers if item == "2"}
    assert any("bosschaart" in key for item, key in speakers if item == "2")
