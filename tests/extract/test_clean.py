from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from polder.extract.clean import _LIGATURES, FOOTNOTE_SEPARATOR, clean, clean_text, wrap_width

CORPUS = Path(__file__).parents[2].parent / "shared" / "corpus"
CORPUS_FILES = sorted(CORPUS.glob("*.txt"))


def assert_map_exact(original: str, ct) -> None:
    assert len(ct.origin) == len(ct.text) + 1
    assert ct.origin[-1] == len(original)
    for i, ch in enumerate(ct.text):
        o = ct.origin[i]
        assert 0 <= o < len(original)
        # Replacements produce whitespace, a ligature's letters or an HTML entity's character;
        # every other character is a copy.
        assert ch == original[o] or ch.isspace() or original[o] in _LIGATURES or original[o] == "&", (i, ch, original[o])


def test_hyphenation():
    t = "Dit is steeds belang-\nrijker voor het SER-\nadvies en de zee-\negel, werk-\nen privé."
    c = clean(t).text
    assert "belangrijker" in c
    assert "SER-advies" in c
    assert "zee-egel" in c
    assert "werk- en privé" in c


def test_wrapped_lines_join_paragraphs_stay():
    t = "De voorzitter opent de \r\nvergadering.\r\n\r\n2. Welkom\r\nDe voorzitter heet \r\niedereen welkom.\r\n- punt een\r\n"
    c = clean(t)
    assert "\r" not in c.text
    assert "opent de vergadering." in c.text
    assert "vergadering.\n\n2. Welkom\nDe voorzitter heet iedereen welkom.\n- punt een" in c.text
    assert_map_exact(t, c)


def test_page_header_and_number_removed():
    t = ("de gezondheidseffectbepaling van \n\n26 Nederlandse Arbeidsinspectie: Arbo in bedrijf."
         "\n\n\nDatum\n05-12-2025\n\nOnze referentie\n2025-0000276625\n\nPagina 16 van 25\n\n"
         "preventiemaatregelen. Het idee is goed.\n\n\n\n2\n\n5. Actualiteiten\n")
    t = "Er is een bron.26 En verder " + t
    c = clean(t)
    assert "gezondheidseffectbepaling van preventiemaatregelen. Het idee" in c.text
    for gone in ("Pagina", "Onze referentie", "2025-0000276625", "05-12-2025"):
        assert gone not in c.text
    assert "\n2\n" not in c.text and "5. Actualiteiten" in c.text
    assert c.text.rstrip().endswith("26 Nederlandse Arbeidsinspectie: Arbo in bedrijf.")
    assert_map_exact(t, c)


def test_footnote_markers_removed_numbers_kept():
    t = ("De technologie.6 Het advies ‘Gezond werken’1 aan de Arbovisie3. Ik heb uw Kamer "
         "geïnformeerd.4 In 2040 geldt artikel 5 en 2.7. is een paragraaf; nr. 528 en 1,5 meter, "
         "CO2 en (hierna: Arbovisie).2 Klaar.")
    c = clean(t).text
    assert "technologie. Het" in c
    assert "‘Gezond werken’ aan" in c
    assert "Arbovisie. Ik" in c
    assert "geïnformeerd. In" in c
    for kept in ("2040", "artikel 5", "2.7.", "nr. 528", "1,5 meter", "CO2"):
        assert kept in c
    assert "Arbovisie). Klaar." in c


def test_footnote_block_moved_sentence_joins():
    t = ("Het kabinet steunt dit.6 De SER roept op om de Gezondheidsraad onderzoek te laten "
         "verrichten naar de huidige\n6 Zoals dit ook verplicht is op basis van artikel 3 van de Arbowet.\n"
         "7 Zie de aanhef van artikel 3 (De werkgever zorgt\nvoor de veiligheid).\n"
         " normstellingen, inclusief de vraag of de normering past.7\n")
    c = clean(t)
    assert "naar de huidige normstellingen, inclusief" in c.text
    tail = c.text[c.text.index("normering past."):]
    assert "6 Zoals dit ook verplicht is op basis van artikel 3 van de Arbowet." in tail
    assert "7 Zie de aanhef van artikel 3 (De werkgever zorgt voor de veiligheid)." in tail
    assert_map_exact(t, c)


def test_numbered_line_without_marker_is_not_a_footnote():
    t = "Een zin zonder noten en\n5 punten op een rij\nvolgen hier."
    assert "5 punten" in clean(t).text.split("\n\n")[0]


def test_markdown():
    t = ("## **Kabinetsreactie SER-advies Arbovisie**\n\nDe *zero death* aanpak en __vet__ "
         "commissie<sup>1</sup> werkt\\- goed op nationaal,\n\n---\n\n<sup>1</sup> Dit is een commissie.\n\n"
         "sectoraal en bedrijfsniveau.\n")
    c = clean(t)
    assert c.text.startswith("Kabinetsreactie SER-advies Arbovisie\n\n")
    assert "De zero death aanpak en vet commissie werkt- goed op nationaal, sectoraal en bedrijfsniveau." in c.text
    assert c.text.rstrip().endswith("1 Dit is een commissie.")
    assert "*" not in c.text and "<sup>" not in c.text and "---" not in c.text
    assert_map_exact(t, c)


def test_to_original():
    t = "Het **kabinet** steunt\ndit."
    c = clean(t)
    s = c.text.index("kabinet")
    a, b = c.to_original(s, s + len("kabinet"))
    assert t[a:b] == "kabinet"
    s = c.text.index("steunt dit")
    a, b = c.to_original(s, s + len("steunt dit"))
    assert t[a:b] == "steunt\ndit"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab C1 2.\n\n-*#_<>/sup\\\r\f‘’é,:9")), max_size=300))
def test_map_invariant_random(text):
    assert_map_exact(text, clean(text))


@pytest.mark.parametrize("path", CORPUS_FILES, ids=lambda p: p.name[:3])
def test_map_invariant_corpus(path):
    text = path.read_text(encoding="utf-8")
    c = clean(text)
    assert_map_exact(text, c)
    # Every word of the original survives (markers and headers aside): spot-check long words.
    words = {w for w in text.split() if len(w) > 12 and w.isalpha()}
    missing = [w for w in words if w not in c.text]
    assert len(missing) <= len(words) * 0.02, missing[:10]


def test_corpus_specifics():
    assert CORPUS_FILES, "the bundled corpus is missing"
    by = {p.name[:3]: clean(p.read_text(encoding="utf-8")).text for p in CORPUS_FILES}
    assert "huidige normstellingen, inclusief" in by["002"]
    assert "Pagina 16 van 25" not in by["002"]
    assert "op nationaal, sectoraal en bedrijfsniveau" in by["001"]
    assert "Bij deze instrumenten gaat het" in by["001"]
    assert "belangrijker, waarmee" in by["004"]


# ---------------------------------------------------------------- sentences (extract/sentences.py)

from polder.extract.sentences import sentence_at, sentence_bounds  # noqa: E402


def span_of(text, word):
    i = text.index(word)
    return i, i + len(word)


def test_sentence_abbreviations_and_numbering():
    t = ("Vorige zin. De heer A. (dhr. Jansen) zegt o.a. dat art. 5 geldt, bijv. in nr. 528 van "
         "februari jl. en e.a. gezegd. Volgende zin.\n\n2.7. Richt een infrastructuur in\nDe SER doet iets.")
    assert sentence_at(t, *span_of(t, "art. 5")) == \
        "De heer A. (dhr. Jansen) zegt o.a. dat art. 5 geldt, bijv. in nr. 528 van februari jl. en e.a. gezegd."
    assert sentence_at(t, *span_of(t, "Richt")) == "2.7. Richt een infrastructuur in"
    assert sentence_at(t, *span_of(t, "doet")) == "De SER doet iets."


def test_sentence_pdf_line_breaks():
    t = "Het kabinet steunt de \naanbeveling van de SER.4 Daarna\nvolgt meer.\n\nNieuwe alinea zonder punt"
    s, e = sentence_bounds(t, *span_of(t, "aanbeveling"))
    assert t[s:e] == "Het kabinet steunt de \naanbeveling van de SER.4"
    assert sentence_at(t, *span_of(t, "volgt")) == "Daarna volgt meer."
    assert sentence_at(t, *span_of(t, "alinea")) == "Nieuwe alinea zonder punt"


def test_sentence_window_is_bounded():
    t = "woord " * 1000
    s, e = sentence_bounds(t, 3000, 3005)
    assert s <= 3000 and e >= 3005 and e - s <= 620


def test_sentence_contains_span_folded():
    t = "Eerste zin.  Tweede   zin\nmet  ruimte. Derde."
    start, end = span_of(t, "zin\nmet  ruimte")
    assert "zin met ruimte" in sentence_at(t, start, end)


def test_a_short_heading_line_keeps_its_line_breaks():
    text = ("Aanbeveling 2: Versterk de handhaving door de Nederlandse Arbeidsinspectie\nReactie kabinet\n"
            "Het kabinet ziet geen aanleiding.\n")
    assert clean(text).text == text


def test_wrapped_sentences_are_joined_even_where_a_line_is_short_or_capitalised():
    text = "Besproken door de sociale partners in de \nSER hebben dit besproken en \nzijn het eens.\n"
    assert clean(text).text == "Besproken door de sociale partners in de SER hebben dit besproken en zijn het eens.\n"
    text = "De brief van de minister van Sociale Zaken en\nWerkgelegenheid\nover de aanpak is ontvangen.\n"
    assert clean(text).text == "De brief van de minister van Sociale Zaken en Werkgelegenheid over de aanpak is ontvangen.\n"


def test_a_signature_behind_academic_titles_is_its_own_paragraph():
    text = "Het kabinet rekent op de steun van de sociale partners.\n\nDe minister van Sociale Zaken en Werkgelegenheid,\n\nmr. drs. H.W. ter Horst-Bakker\n"
    assert "Werkgelegenheid,\n\nmr. drs. H.W. ter Horst-Bakker" in clean(text).text
    # a sentence that a page break cut still joins, also before a lower-case abbreviation
    cut = "Het kabinet wil de regels voor platformwerk verduidelijken, zodat\n\nmr. en drs. niet langer als titels gelden.\n"
    assert "zodat mr. en drs. niet" in clean(cut).text


def test_a_heading_for_a_range_or_a_sub_number_keeps_its_line():
    text = ("Het kabinet neemt aanbeveling 3 over.\n\nAanbevelingen 4 tot en met 6 – Kennis en voorlichting\n"
            "De SER adviseert: ontwikkel een stoffenkaart.\n\nAanbeveling 7a Verduidelijk de regels\n"
            "De raad vraagt om duidelijkheid.\n")
    view = clean(text).text
    assert "Kennis en voorlichting\nDe SER adviseert" in view
    assert "Verduidelijk de regels\nDe raad vraagt" in view
    # a sentence that names a range of recommendations goes on as one paragraph
    prose = "Zoals genoemd in de aanbevelingen 4 tot en met 6 van het\nadvies, is meer kennis nodig.\n"
    assert "van het advies, is" in clean(prose).text


def test_markdown_links_images_html_and_note_references():
    t = ('![Foto van Anna de Boer](https://example.org/a.jpg "Anna de Boer")\n\n'
         '**Tekst:** [Karel Mulder](https://example.org/km "auteur") | Beeld: Sander Koning\n\n'
         '<div class="intro">Een gesprek met <strong>Anna de Boer</strong>, voorzitter.</div>\n\n'
         'Zij werkt bij Stichting Werk &amp; Inkomen&nbsp;Noord en noemt de wet.[^1]\n')
    c = clean(t)
    assert c.text.startswith("Foto van Anna de Boer\n\nTekst: Karel Mulder | Beeld: Sander Koning\n\n")
    assert "\nEen gesprek met Anna de Boer, voorzitter.\n" in c.text
    assert "Stichting Werk & Inkomen Noord en noemt de wet.\n" in c.text
    assert not any(s in c.text for s in ("<", ">", "](", "[^1]", "&amp;", "https"))
    assert_map_exact(t, c)


def test_markdown_look_alikes_stay():
    t = "Als a < b en c > d, dan R&D en [1] en & zo; <sup>2</sup> boven. Zie [^2]: de noot.\n"
    c = clean(t).text
    assert "a < b en c > d" in c and "R&D en [1] en & zo" in c and "[^2]:" in c


def test_markdown_table_rows_stay_lines():
    t = ("Het overzicht:\n\n| Aanbeveling | Reactie kabinet |\n|---|---|\n"
         "| Meer scholing | Het kabinet neemt dit over |\n| Minder regels | Het kabinet neemt dit niet over |\n\nSlot.\n")
    lines = clean(t).text.splitlines()
    assert "| Meer scholing | Het kabinet neemt dit over |" in lines
    assert "| Minder regels | Het kabinet neemt dit niet over |" in lines


def test_soft_hyphens_zero_width_odd_spaces_and_ligatures():
    t = ("De Arbeids\xadomstandighedenwet en de onder\u200bnemingsraad.\nMinister van\xa0Hijum"
         " (8\u202f%) en het \ufb01nanci\u00eble plan van de Stichting\u2060 van de Arbeid.\n")
    c = clean(t)
    assert c.text == ("De Arbeidsomstandighedenwet en de ondernemingsraad. Minister van Hijum (8 %) en het"
                      " financiële plan van de Stichting van de Arbeid.\n")
    s = c.text.index("financiële")
    a, b = c.to_original(s, s + len("financiële"))
    assert t[a:b] == "\ufb01nanci\u00eble"  # the written form, ligature and all
    assert_map_exact(t, c)


def test_markdown_quoted_blocks_lose_their_markers():
    t = ("Het advies zegt:\n\n> De SER adviseert het kabinet om de regeling\n> uit te breiden met een"
         " scholingsbudget.\n>> Een citaat in een citaat.\n\nDaarna 5 > 3 en a>b.\n")
    c = clean(t).text
    assert "De SER adviseert het kabinet om de regeling uit te breiden met een scholingsbudget." in c
    assert "scholingsbudget. Een citaat in een citaat.\n" in c and "5 > 3 en a>b." in c


def test_ad_and_bracketed_numbers_head_their_lines():
    t = ("Ad 3. Vaststelling van het verslag van de vergadering van 12 maart en de actiepunten\n"
         "De raad stelt het verslag vast.\n"
         "4) Advies over de toekomst van het pensioenstelsel en de uitvoering daarvan\n"
         "Mevrouw Bakker leidt het advies in.\n")
    lines = clean(t).text.splitlines()
    assert lines[0].endswith("de actiepunten") and lines[1] == "De raad stelt het verslag vast."
    assert lines[2].endswith("uitvoering daarvan") and lines[3].startswith("Mevrouw Bakker")


def test_an_attendance_list_keeps_one_person_a_line():
    t = ("Aanwezig:\nmw. dr. A.B. de Vries-Janssen (kroonlid)\nprof. mr. J. van 't Hof\n"
         "dhr. drs. K. El Khatib, namens MKB-Nederland\nde heer P. Smit (FNV)\n\n"
         "De voorzitter zegt dat mw. dr. Jansen\nde heer Pietersen zal vervangen.\n")
    lines = clean(t).text.splitlines()
    assert "prof. mr. J. van 't Hof" in lines and "dhr. drs. K. El Khatib, namens MKB-Nederland" in lines
    assert "de heer P. Smit (FNV)" in lines
    assert "De voorzitter zegt dat mw. dr. Jansen de heer Pietersen zal vervangen." in lines  # a wrapped sentence


# ---------------------------------------------------------------- PDF text without blank lines
# pypdf gives a PDF's lines with no blank line between paragraphs, and headings straight
# under the text before them.

WRAPPED = ("De SER beveelt aan om de regels te verhelderen en de naleving te verbeteren. Voor de\n"
           "mogelijkheden van een budget wacht de SER de uitkomsten van het onderzoek af, dat nu\n"
           "loopt bij het ministerie en in de sectoren die het meest met de risico's te maken hebben.\n")


def test_a_heading_under_a_finished_sentence_starts_its_own_line():
    t = WRAPPED + "3.2.1 Verhelder de preventieverplichtingen\nDe SER beveelt aan ...\n"
    t += "Zie ook de eerdere brief.\nAanbeveling 2: Versterk de betrokkenheid\nDe SER ...\n"
    c = clean(t).text
    assert "\n3.2.1 Verhelder de preventieverplichtingen\n" in c
    assert "\nAanbeveling 2: Versterk de betrokkenheid\n" in c


def test_a_number_inside_a_sentence_stays_in_it():
    t = WRAPPED + "Zo staat het in de brief van het kabinet, zie paragraaf\n3.2 De SER wacht ...\n"
    assert "zie paragraaf 3.2 De SER" in clean(t).text
    t = WRAPPED + "Zo staat het in de brief van het kabinet van 2023.\n2024 De SER ...\n"
    assert "\n2024 De SER" not in clean(t).text  # a year is no heading


def test_the_first_line_is_the_title_though_the_first_paragraph_follows_it():
    t = "Kabinetsreactie SER-advies Naar een werkend arbostelsel voor iedereen, deel 1\n" + WRAPPED
    assert clean(t).text.startswith("Kabinetsreactie SER-advies Naar een werkend arbostelsel voor iedereen, deel 1\nDe SER")


def test_a_line_whose_next_word_would_have_fitted_ends_its_paragraph():
    para = WRAPPED * 4
    t = para + "Kort slot.\n" + para.replace("De SER beveelt", "Het kabinet beveelt", 1)
    c = clean(t).text
    assert "Kort slot.\nHet kabinet beveelt" in c
    # a full line that ends a sentence is a wrapped line: the next word would not have fitted
    assert "verbeteren. Voor de mogelijkheden" in c


def test_paragraph_lines_are_not_taken_for_wrapped_text():
    long_lines = "\n".join(f"Paragraaf {i} loopt door op één regel. " * (i % 4 + 1) for i in range(20))
    assert wrap_width(long_lines) is None
    assert wrap_width(WRAPPED * 5) == max(len(line) for line in WRAPPED.splitlines())


def test_a_footnote_ends_where_the_running_text_goes_on_under_it():
    t = (WRAPPED * 3 + "bij het Steunpunt RI&E4. Bedrijven tot 25 werknemers kunnen de RI&E overnemen, tenzij een\n"
         "aanvulling nodig is.\n4 Zie Branche RI&E-instrumenten, Steunpunt RI&E (rie.nl).\n"
         "Het kabinet onderschrijft het idee van de SER dat een start-RI&E de drempel kan verlagen.\n")
    c = clean(t).text
    body, _, notes = c.partition(FOOTNOTE_SEPARATOR + "4 Zie")
    assert "Het kabinet onderschrijft het idee" in body and "Het kabinet" not in notes
    assert "Steunpunt RI&E." in body  # the glued marker "RI&E4" is gone


def test_a_footnote_keeps_its_link_on_the_next_line():
    t = (WRAPPED * 3 + "gezond werken voor jongeren.11\n11 De ArgumentenFabriek: Praktische tips. Hoe blijven jongeren gezond?\n"
         "(2025).\nLink: https://www.argumentenfabriek.nl/nieuws/tips\nDe SER ziet ...\n")
    notes = clean(t).text.partition(FOOTNOTE_SEPARATOR)[2]
    assert "Link: https://www.argumentenfabriek.nl" in notes


def test_a_block_of_fields_keeps_one_field_a_line():
    """Markdown joins "**Datum:** ..." and "**Plaats:** ..." into one paragraph; they are fields of their own."""
    t = "# Verslag\n\n**Datum:** vrijdag 14 november 2025, 13.30 – 16.15 uur\n**Plaats:** SER-gebouw, Den Haag\n"
    assert "16.15 uur\nPlaats: SER-gebouw" in clean(t).text
    # a sentence with a colon in it is no field: the lines of a paragraph stay joined
    t = "De raad stelt het volgende vast over de uitvoering van de wet en de gevolgen daarvan: het\nwerkt niet goed.\n"
    assert "daarvan: het werkt" in clean(t).text


def test_a_lettered_heading_after_a_blank_line_is_no_sentence_cut_by_a_page_break():
    t = "## Aanbevelingen en kabinetsreactie\n\n**a. Zet de richtlijn tijdig om**\n\nDe raad adviseert dit.\n"
    assert "kabinetsreactie\n\na. Zet de richtlijn" in clean(t).text
    t = "De raad heeft in dit advies een aantal voorstellen gedaan over\n\nde uitvoering van de wet.\n"
    assert "gedaan over de uitvoering" in clean(t).text  # a sentence cut by a page break is joined


def test_a_running_header_of_a_two_page_pdf_goes_from_the_second_page():
    """pypdf opens page 2 with the form feed on the header's line ("\\fVerslag ... Kenmerk R/3117"): the
    header goes, the form feed and the first page's copy stay, and "3.1 ..." keeps its own line."""
    header = "Verslag raadsvergadering 21 februari 2025    Kenmerk R/3117"
    t = (f"{header}\nVerslag van de openbare raadsvergadering\n\n3. Asiel en werk\nDe raad bespreekt het advies.\n"
         f"Pagina 1 van 2\n\f{header}\n3.1 Arbeidsmarkttoegang van asielzoekers\nDe heer Nijboer merkt op dat het kan.\n")
    c = clean(t).text
    assert c.startswith(header) and c.count("Kenmerk R/3117") == 1
    assert "\n3.1 Arbeidsmarkttoegang" in c


def test_a_heading_ended_by_a_line_in_brackets_stays_apart_from_the_text_under_it():
    t = ("5.  Internetconsultatie wijziging Wet educatie en beroepsonderwijs\n"
         "    (flexibilisering mbo-opleidingen en mbo-certificaten en meer woorden)\n"
         "Dhr. Schuurman meldt dat de consultatie loopt tot 7 maart 2025.\n")
    lines = clean(t).text.split("\n")
    assert lines[0].endswith("(flexibilisering mbo-opleidingen en mbo-certificaten en meer woorden)")
    assert lines[1].startswith("Dhr. Schuurman")


def test_a_sub_item_by_letter_keeps_its_own_line():
    t = "2. Notulen en actielijst\na. Notulen 3e vergadering (27 maart 2025)\nDe notulen worden vastgesteld.\n"
    assert clean(t).text.split("\n")[:2] == ["2. Notulen en actielijst", "a. Notulen 3e vergadering (27 maart 2025)"]


def test_a_box_drawn_around_a_recommendation_leaves_its_text():
    t = ("Inleiding.\n\n+------------------------------------+\n"
         "| Aanbeveling 1                      |\n"
         "| Stel een nationaal doel vast: in   |\n"
         "| 2030 is het aantal gedaald.        |\n"
         "+------------------------------------+\n\nHet kabinet neemt dit doel over.\n")
    c = clean(t)
    assert "|" not in c.text and "+--" not in c.text
    assert "Aanbeveling 1\nStel een nationaal doel vast: in 2030 is het aantal gedaald." in c.text
    assert_map_exact(t, c)
    # a table of several cells a row stays as written
    grid = "+----------+----------+\n| a        | b        |\n+----------+----------+\n"
    assert clean(grid).text.count("|") == 3


def test_a_field_of_the_head_starts_its_own_line():
    t = ("Namens het ministerie van SZW: dhr. drs. W. Dijkhuizen, directeur Arbeidsverhoudingen\n"
         "Secretariaat: mw. M.L. Brouwer (secretaris)\n")
    assert clean(t).text.split("\n")[1] == "Secretariaat: mw. M.L. Brouwer (secretaris)"
    letter = "Postbus 20018\n2509 LV Den Haag\nDatum: 27 juni 2024\n"
    assert "Haag\nDatum:" in clean(letter).text


def test_the_signers_name_keeps_its_line_under_the_office():
    t = ("Hoogachtend,\n\nDe staatssecretaris van Volksgezondheid, Welzijn en Sport,\nIlse Jongbloed-Aksoy\n")
    assert "Sport,\nIlse Jongbloed-Aksoy" in clean(t).text
    # a line under an office that goes on in lower case is the same sentence
    assert "Financiën, die het advies las" in clean("Het kabinet en de minister van Financiën,\ndie het advies las, "
                                                     "reageren samen.\n").text


def test_a_running_block_atop_every_page_after_the_first_goes():
    sidebar = "Ministerie van Sociale Zaken en\nWerkgelegenheid\nKenmerk\n2025-0000093418\nDatum\n16 mei 2025\n"
    body = ["Het kabinet reageert op het advies van de raad.\n", "Aanbeveling 1 – Geef iedereen een budget\n",
            "Het kabinet neemt deze aanbeveling over.\n", "Aanbeveling 2 – Versterk de regio\n"]
    t = sidebar + "Betreft\nKabinetsreactie\n" + body[0] + "".join("\f" + sidebar + b for b in body[1:])
    c = clean(t).text
    assert c.count("Kenmerk") == 1  # the letterhead on the first page stays
    assert "Werkgelegenheid\nKenmerk" not in c[c.find("Aanbeveling 1") - 80:]
    assert "Aanbeveling 2 – Versterk de regio" in c
    # a line that opens only some pages stays
    t2 = "Titel\nTekst een.\n\fKop A\nTekst twee.\n\fKop B\nTekst drie.\n\fKop C\nTekst vier.\n"
    assert all(k in clean(t2).text for k in ("Kop A", "Kop B", "Kop C"))


def test_a_bold_numbered_sentence_over_its_paragraph_stays_a_heading():
    text = ("## Aanbevelingen\n\n**1. Behoud de periode van twee jaar.**\nDe SER is van mening dat de periode werkt.\n\n"
            "**Let op.**\nDit blijft een alinea.\n")
    view = clean_text(text)
    assert "1. Behoud de periode van twee jaar.\n\nDe SER is van mening" in view
    assert "Let op. Dit blijft een alinea." in view  # a bold line without a number joins its paragraph


def test_a_name_wrapped_between_given_name_and_surname_in_a_column_joins():
    text = ("Arbeidsmigratie\n\nHet kabinet moet meer doen.\n\nNamens de werkgevers reageert Sandra \nKooistra, "
            "beleidsadviseur arbeidsmarkt bij \nVNO-NCW en MKB-Nederland.\n\n"
            "De rol van de gemeente\nWethouder Ruud Hermans opende.\n")
    view = clean_text(text)
    assert "reageert Sandra Kooistra, beleidsadviseur" in view
    assert "De rol van de gemeente\nWethouder" in view  # a heading keeps its line
