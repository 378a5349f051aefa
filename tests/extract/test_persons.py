"""Person rules: each with a case that fires and a look-alike that must not."""
from __future__ import annotations

import pytest

from polder.extract import gazetteer
from polder.extract.organisations import OrgHit
from polder.extract.persons import detect, one_edit, same_document_mapping
from polder.extract.model import DocumentInfo, Entity, Extraction

from test_probes import memberships  # the probes' shared helper


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
    # a role of an organisation in apposition, with a form of address before the name
    ("Het kabinet dankt de voorzitter van de SER, mevrouw Hanneke Roelofs, voor het advies.", "Hanneke Roelofs",
     "head", "org/ser"),
    # a signature whose role and ministry take more than a line's width before the name
    ("De staatssecretaris van Sociale Zaken en Werkgelegenheid,\n\ndrs. L.K. Vermeulen", "L.K. Vermeulen", "role",
     "org/szw"),
    # ... and signed with one initial
    ("Hoogachtend,\n\nDe minister van Sociale Zaken en Werkgelegenheid,\n\nY. Jansen\n", "Y. Jansen", "role", "org/szw"),
    ("De minister van Sociale Zaken en Werkgelegenheid,\n\ndrs. Ö. Demirtaş-Verbeek", "Ö. Demirtaş-Verbeek", "role",
     "org/szw"),
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
    ("Jan Bakker (1967) werkt al dertig jaar bij Tata Steel.", "Jan Bakker"),  # a year of birth
    ("Volgens bestuurder Mei Chen van FNV Metaal is dat zo.", "Mei Chen"),  # a month as given name
    ("Het rapport is klaar.\nLotte Brinkman opent de bijeenkomst.", "Lotte Brinkman"),  # opens a sentence and acts
    ("Daarna het CPB. Eline Vos (CPB) licht de cijfers toe.", "Eline Vos"),
    ("Lisa Tjon A Fong (24) is de nieuwe voorzitter.", "Lisa Tjon A Fong"),  # a capital alone between spaces
    ("Tekst: Annelies de Groot-Brink | Beeld: Merel Tjon A Fong\n", "Merel Tjon A Fong"),  # ... in a credit
    ("Volgens staatssecretaris Hamid el-Khatib is dat zo.", "Hamid el-Khatib"),  # a particle joined by a hyphen
    ("Het kabinet voert de motie-Nijboer/Öztürk uit.", "Öztürk"),  # a motion's name joined by a hyphen
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
    "2025 – heden: kroonlid Sociaal-Economische Raad.",  # an office before an organisation's name
    "Zo zegt de directeur Sociaal Medische Zaken van UWV.",  # a department's name
    "Uit de Nationale Enquête Arbeidsomstandigheden van TNO blijkt dat.",  # a capitalised phrase goes on before it
    "Sinds de Wet Arbeidsmarkt (2015) is dat anders.",  # a year in brackets after no name
    "Het rapport is klaar, Lotte Brinkman opent de bijeenkomst.",  # acts, but opens no sentence
    "Wij bespreken de volgende punten,\nA. Werkgevers\n",  # one initial alone on a line under no office
    "Zij wijst op artikel 7:658 van het Burgerlijk Wetboek: een werkgever moet zorgen.",  # a law before a colon
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


# ---------------------------------------------------------------- plural roles and titles, copulas, bylines

def rules(text: str) -> dict[str, str]:
    return {hit.name: hit.rule for hit, _ in detect(text, org_hits(text))}


def test_plural_role_before_a_list_gives_the_singular_role():
    found = persons("Afscheid van de Kroonleden Anna Smit en Bert de Kok. Daarna de rondvraag.")
    assert [(f.role, f.relation) for f in found["Anna Smit"]] == [("kroonlid", "member")]
    assert "Bert de Kok" in found  # listed with a found person


def test_plural_role_before_capitalised_words_that_are_no_name():
    assert persons("Daarna spraken de hoogleraren Europese Studies met elkaar.") == {}


def test_role_copula_name():
    found = detect("Plaatsvervangend secretaris is Jan Dijk geweest.", {})
    [(hit, facts)] = found
    assert (hit.name, hit.rule, facts[0].role) == ("Jan Dijk", "persons/role-copula/1", "secretaris")


@pytest.mark.parametrize("text", [
    "Het probleem is Groene Groei, zegt men.",  # a copula without a role before it
    "De secretaris heeft Groene Groei gelezen.",  # a role without a copula
    "De taak van de voorzitter is Goede Zorg voor iedereen te regelen.",  # the words go on: no name
])
def test_role_copula_needs_both(text):
    assert persons(text) == {}


def test_plural_title_before_a_list_of_surnames():
    found = rules("De tafels staan onder leiding van de heren Smit en Van Dijk en bespreken AI.")
    assert found == {"Smit": "persons/titled-plural/1", "Van Dijk": "persons/titled-plural/1"}
    assert set(rules("Verder de dames Bakker, De Vries en Ter Horst.")) == {"Bakker", "De Vries", "Ter Horst"}


def test_plural_title_in_a_greeting_is_no_list():
    assert persons("Dames en heren, welkom op de Dag van de Arbeid.") == {}


@pytest.mark.parametrize("text", [
    "De heren Ministers van Financiën en Economische Zaken spraken elkaar.",
    "De dames Verpleegkundigen Noord kwamen ook.",
])
def test_plural_title_needs_a_list_of_two_names_at_least(text):
    assert persons(text) == {}


def test_byline_before_a_column_heading():
    text = "Lees meer op de site.\n\nDocent economie\n\nMarieke Zwart\n\nColumn\n\nInvesteer in scholing\n"
    assert rules(text) == {"Marieke Zwart": "persons/byline/1"}


@pytest.mark.parametrize("text", [
    "Lees meer.\n\nGroene Groei\n\nInleiding\n\nDe economie groeit.\n",  # a heading, no genre word after it
    "Zo schreef Groene Groei\n\nColumn\n\nTekst volgt.\n",  # not alone on its line
])
def test_byline_needs_a_line_of_its_own_and_the_genre_heading(text):
    assert persons(text) == {}


def test_name_before_van_and_a_known_organisation():
    found = relations("Vorige week heeft Karel Appelboom van Tesla een auto getoond.")
    assert found == {("Karel Appelboom", "member", "org/tesla")}


def test_one_word_before_van_and_an_organisation_is_no_name():
    assert persons("Gisteren kwam Appelboom van Tesla langs.") == {}


@pytest.mark.parametrize("text, name", [
    ("onder voorzitterschap van mevrouw drs. Marieke Jansen is het advies opgesteld", "Marieke Jansen"),
    ("Het woord is aan de heer mr. J. de Vries.", "J. de Vries"),
    ("de minister van Sociale Zaken en Werkgelegenheid,\n\nY.J. van Hijum", "Y.J. van Hijum"),
    ("Volgens prof. dr. K.C.J.M. Putters is dat nodig.", "K.C.J.M. Putters"),
    # after an academic title one initial is a name's, and a hyphenated given name goes on to the surname
    ("Aanwezig: prof. dr. K. Öztürk, dr. M. Brouwers en anderen.", "K. Öztürk"),
    ("Aanwezig: prof. dr. K. Öztürk, dr. M. Brouwers en anderen.", "M. Brouwers"),
    ("In het panel sprak dr. Anne-Marie de Bruin over werk.", "Anne-Marie de Bruin"),
    ("Het woord is aan mevrouw Anne-Marie Smit.", "Anne-Marie Smit"),
    # the given name in brackets after the initials
    ("Ondertekend door mr. dr. H.E. (Hester) Wagenaar.", "Hester Wagenaar"),
    ("De minister,\n\nW.F. (Wouter) Kleinjan", "Wouter Kleinjan"),
    # an office before a surname with letters outside ASCII
    ("Kroonlid Öztürk wijst erop dat de termijn kort is.", "Öztürk"),
])
def test_names_with_academic_titles_and_initials(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "De RI&E. Daarbij hoort een plan van aanpak.",       # an abbreviation's last letter
    "Zie bijlage A. Werkgevers moeten dit melden.",      # one initial without a particle
    "De punten A. en B. worden besproken.",
    "Het rapport (p. 12) en de bijlage (blz. 4) Daarna.",
    "Zie bijlage B. (Tabel) Werkgevers moeten dit melden.",  # a bracket after one initial, no title
])
def test_initial_look_alikes_are_no_persons(text):
    assert persons(text) == {}


@pytest.mark.parametrize("text, names", [
    # a role that opens the sentence is no given name
    ("Directeur Peter de Bruin van Techniek Nederland ziet een tekort.", {"Peter de Bruin"}),
    # "Volgens" opens a sentence as a cue, as "volgens" does inside one
    ("Volgens Fatima Ouali, econoom, zijn de kosten ongelijk verdeeld.", {"Fatima Ouali"}),
    # a photo agency before the slash is no person; in a motion "/" joins two members
    ("Tekst Jorien van Dalen  Foto's Hollandse Hoogte/Mark Visser\n", {"Jorien van Dalen", "Mark Visser"}),
    ("de motie van de leden Ceder/de Kort over ketens", {"Ceder", "de Kort"}),
    # a surname that a comma or "en" lists opens with a capital: "de Kamer" is none
    ("met de Kamerleden Van Duinen en Oosterhout, de Kamer halfjaarlijks informeren", {"Van Duinen", "Oosterhout"}),
    # an acronym or a compound office before a name is no part of a capitalised phrase
    ("afscheid van VCP Bob van der Wal en FNV-voorzitter Tuur Elzinga zegt het", {"Bob van der Wal", "Tuur Elzinga"}),
])
def test_sentence_openers_credits_and_motions(text, names):
    assert set(persons(text)) == names


def test_a_letters_signature_gives_the_minister_and_the_ministry():
    text = "Hoogachtend,\n\nDe minister van Sociale Zaken en Werkgelegenheid,\n\nY.J. van Hijum\n"
    assert ("Y.J. van Hijum", "role", "org/szw") in relations(text)
    # a minister named in running text, with a comma and a new line after the ministry, is no signature
    assert relations("De minister van Sociale Zaken en Werkgelegenheid, zo\nzegt Jan de Vries\n") == set()


@pytest.mark.parametrize("text, name, role", [
    ("Minister Van Hijum van Sociale Zaken zei dat.", "Van Hijum", "minister"),
    ("Dat schreef staatssecretaris Nobel in een brief.", "Nobel", "staatssecretaris"),
    ("Volgens minister De Jonge is dat nodig.", "De Jonge", "minister"),
])
def test_an_office_before_a_bare_surname(text, name, role):
    assert name in persons(text)
    assert (name, "role", None) in relations(text)


@pytest.mark.parametrize("text", [
    "De minister van Sociale Zaken en Werkgelegenheid schrijft.",   # a ministry
    "De Minister Van Sociale Zaken en Werkgelegenheid schrijft.",
    "de Minister President zei het al",
    "De Staatssecretaris Participatie en Integratie schrijft.",      # a portfolio
])
def test_offices_without_a_name(text):
    assert persons(text) == {}


@pytest.mark.parametrize("text, name", [
    ("Volgens prof. dr. Kim Putters is dat nodig.", "Kim Putters"),
    ("dr. Jan de Vries schreef het rapport", "Jan de Vries"),
    ("De brief van mr. Bakker.", "Bakker"),
])
def test_academic_titles_without_a_form_of_address(text, name):
    assert name in persons(text)


def test_academic_look_alikes():
    assert persons("zie p. 12 en dr. 4 van de bijlage") == {}


def roles(text: str) -> set[tuple[str, str | None, str | None]]:
    return {(hit.name, f.role, f.org.key if f.org else None) for hit, facts in detect(text, org_hits(text))
            for f in facts}


def test_a_signature_with_academic_titles_on_the_joined_line():
    # a PDF's lines joined: the lower-case title continued the ministry's line
    text = "De minister van Sociale Zaken en Werkgelegenheid, mr. drs. H.W. ter Horst-Bakker\n"
    assert ("H.W. ter Horst-Bakker", "minister", "org/szw") in roles(text)
    text = "De minister van Sociale Zaken en Werkgelegenheid,\n\nprof. dr. A.B. de Wit\n"
    assert ("A.B. de Wit", "minister", "org/szw") in roles(text)


def test_an_apposition_without_titles_is_no_signature():
    """The role comes from the apposition between commas, not from the signature rule."""
    text = "De minister van Sociale Zaken en Werkgelegenheid, A.B. de Wit, schrijft dat.\n"
    rules = [f.rule for _, facts in detect(text, org_hits(text)) for f in facts if f.role == "minister"]
    assert rules == ["persons/role-of-apposition/1"]


@pytest.mark.parametrize("text, name, role, org", [
    ("Aanwezig: mevrouw El Idrissi (kroonlid), de heer Bos.", "El Idrissi", "kroonlid", None),  # org from default_org
    ("Sanne Koopmans, hoogleraar aan de Universiteit Leiden, zegt het.", "Sanne Koopmans", "hoogleraar", "org/universiteit-leiden"),
    ("Directeur Ruben Sterkenburg van de FNV ziet dat anders.", "Ruben Sterkenburg", "directeur", "org/fnv"),
])
def test_roles_in_brackets_after_aan_and_around_the_name(text, name, role, org):
    assert (name, role, org) in roles(text)


def test_role_look_alikes():
    assert not any(r for _, r, _ in roles("Aanwezig: mevrouw El Idrissi (zie bijlage), de heer Bos."))
    # "aan" after a role names no organisation unless a known one is written there
    assert ("Sanne Koopmans", "hoogleraar", None) in roles("Sanne Koopmans, hoogleraar aan het woord, zegt het.")


@pytest.mark.parametrize("text, name", [
    ("Namens VNO-NCW sprak daarna de heer De Groot over de kosten.", "De Groot"),
    ("Dat is zo. Namens de FNV vraagt mevrouw Yildiz het woord.", "Yildiz"),
])
def test_a_fronted_namens_gives_the_speaker_its_organisation(text, name):
    assert (name, "represents", "org/fnv" if "FNV" in text else "org/vno-ncw") in relations(text)


@pytest.mark.parametrize("text", [
    "Namens VNO-NCW werd een brief gestuurd aan de heer De Groot.",  # no speech verb before the name
    "Namens VNO-NCW en de vakbonden sprak de heer De Groot.",        # more than the organisation
    "Hij sprak namens VNO-NCW met de heer De Groot.",                # 'namens' opens no sentence
])
def test_fronted_namens_look_alikes(text):
    assert ("De Groot", "represents", "org/vno-ncw") not in relations(text)


@pytest.mark.parametrize("text, name, relation, org", [
    ("De heer Çelik (VNO-NCW) verwijst naar het Handvest.", "Çelik", "represents", "org/vno-ncw"),
    ("Mevrouw Öztürk (FNV) is het daar niet mee eens.", "Öztürk", "represents", "org/fnv"),
])
def test_names_that_open_with_a_capital_outside_ascii(text, name, relation, org):
    assert (name, relation, org) in relations(text)


@pytest.mark.parametrize("text, name", [
    ("“Het gaat goed,” zegt Şule Yıldız over haar werk.", "Şule Yıldız"),
    ("Gerrit-Jan Pals (19) is leerling-monteur in Zwolle.", "Gerrit-Jan Pals"),
    ("“Dat lukt,” zegt Anne-Marie de Boer tevreden.", "Anne-Marie de Boer"),
])
def test_accented_and_hyphenated_given_names(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Het Sociaal-Economische Raad-advies (2024) is helder.",  # a hyphenated compound with no cue
    "Özel Zorg is een begrip in de sector.",
])
def test_accented_and_hyphenated_look_alikes(text):
    assert persons(text) == {}


def test_an_age_and_a_copula_before_the_role():
    text = "Joost Smit (52) is algemeen directeur van Techniek Nederland. Daarna volgt de pauze."
    assert ("Joost Smit", "role", "org/techniek-nederland") in relations(text)


def test_an_age_without_a_role_gives_no_role():
    text = "Joost Smit (52) is blij met de Techniek Nederland-cijfers."
    assert not any(org for name, _rel, org in relations(text) if name == "Joost Smit")


@pytest.mark.parametrize("text, name", [
    ("Foto: Jeroen Mulder", "Jeroen Mulder"), ("Tekst: Anna de Wit | Beeld: ANP/Kees Bos", "Anna de Wit"),
    ("Tekst: Anna de Wit | Beeld: ANP/Kees Bos", "Kees Bos"),
])
def test_credits_with_a_colon(text, name):
    assert name in persons(text)


def test_a_credit_word_with_a_colon_at_a_line_end_names_nobody():
    assert persons("Foto:\nDe Raad vergadert vandaag.") == {}


def _magazine_people(tmp_path, sentence: str) -> tuple[set[str], set[tuple[str, str]]]:
    from polder.extract.pipeline import extract_file
    path = tmp_path / "stuk.txt"
    path.write_text("SER Magazine\n\n" + sentence + "\n", encoding="utf-8")
    ex = extract_file(path)
    persons = {e.key for e in ex.entities.values() if e.cls == "Person"}
    roles = {(r.subject.split("/")[1], r.value.key.split("/")[3]) for r in ex.relations
             if r.prop == "org:hasMembership"}
    return persons, roles


@pytest.mark.parametrize("sentence, person, role", [
    ("Volgens econoom Lotte Wijnstra (CPB) stijgen de lonen.", "lotte-wijnstra", "econoom"),
    ("Onderzoeker Daan Koning van TNO waarschuwt.", "daan-koning", "onderzoeker"),
    ("Analist Kees de Vries (ING) verwacht groei.", "kees-de-vries", "analist"),
    ("“Het moet anders,” zegt docent Els Bakker.", "els-bakker", "docent"),
])
def test_a_role_ending_alone_is_a_role_and_no_first_name(tmp_path, sentence, person, role):
    persons, roles = _magazine_people(tmp_path, sentence)
    assert persons == {f"person/{person}"}
    assert (person, role) in roles


def test_a_role_word_without_a_name_makes_no_person(tmp_path):
    persons, _ = _magazine_people(tmp_path, "De econoom verwacht groei. Onderzoekers van TNO waarschuwen.")
    assert persons == set()


@pytest.mark.parametrize("sentence, person, role", [
    ("Hoogleraar arbeidseconomie Ilse Vermaat van de Rijksuniversiteit Groningen waarschuwt.", "ilse-vermaat",
     "hoogleraar"),
    ("Dat zegt hoogleraar arbeidsrecht Evert Verhulp.", "evert-verhulp", "hoogleraar"),
])
def test_a_field_may_stand_between_role_and_name(tmp_path, sentence, person, role):
    persons, roles = _magazine_people(tmp_path, sentence)
    assert persons == {f"person/{person}"} and (person, role) in roles


def test_a_word_that_is_no_field_keeps_role_and_name_apart(tmp_path):
    # "hoogleraar gisteren Ilse Vermaat": no field ending, so no role for her
    _, roles = _magazine_people(tmp_path, "Dat meldde een hoogleraar gisteren aan Ilse Vermaat.")
    assert not any(person == "ilse-vermaat" for person, _ in roles)


@pytest.mark.parametrize("text, name, org", [
    ("Mevrouw El Amrani, namens VNO-NCW, kan zich vinden in de hoofdlijnen.", "El Amrani", "org/vno-ncw"),
    ("Aanwezig:\ndrs. K. El Khatib, namens MKB-Nederland\nde heer Bos (FNV)", "K. El Khatib", "org/mkb-nederland"),
    # the clean view joins a list of one person a line: the next item's title ends the organisation
    ("Aanwezig: mevrouw Kok (kroonlid) drs. K. El Khatib, namens MKB-Nederland de heer Bos (FNV)",
     "K. El Khatib", "org/mkb-nederland"),
])
def test_a_comma_and_namens_after_a_name_that_opens_its_line(text, name, org):
    assert (name, "represents", org) in relations(text)


@pytest.mark.parametrize("text", [
    "De voorzitter bedankt de heer Bos, namens de FNV, voor zijn inzet.",   # thanked, not speaking for it
    "Zij spreekt met dr. Bos, namens VNO-NCW, over de cao.",
    "Mevrouw El Amrani, namens VNO-NCW en de FNV samen, vraagt ...",        # the organisation goes on
])
def test_comma_namens_look_alikes(text):
    assert not {r for r in relations(text) if r[1] == "represents"}


def test_a_role_that_labels_the_next_line_is_no_role_of_the_name_above():
    text = "Voorzitter: prof. dr. W.H. Kuipers\nSecretaris: mr. drs. L.M. Schouten-Baars\nNotulist: S. de Graaf\n"
    assert roles(text) == {("W.H. Kuipers", "voorzitter", None), ("L.M. Schouten-Baars", "secretaris", None),
                           ("S. de Graaf", "notulist", None)}
    # a role on the next line without a colon still belongs to the name: a magazine's caption
    assert ("Maurice Knijnenburg", "voorzitter", "org/ser/jongerenplatform") in roles(
        "Maurice Knijnenburg\nvoorzitter SER Jongerenplatform\n")


def test_a_role_label_needs_the_name_to_end_its_line():
    assert roles("Secretaris: mr. Bakker heeft de stukken rondgestuurd.") == set()


@pytest.mark.parametrize("text, name", [
    ("Kroonlid Van 't Hof wijst erop dat het recht grenzen stelt.", "Van 't Hof"),
    ("Daarna vraagt raadslid Jansen het woord.", "Jansen"),
])
def test_kroonlid_or_raadslid_before_a_bare_surname(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Volgens Den Haag is daar geen geld voor.",          # a place after a speech cue
    "De vergadering is in Den Haag.\nVoorzitter: mw. Kok",
    "De Kroonleden Nederland breed zijn akkoord.",
    "Het kroonlid van de SER is afwezig.",
])
def test_places_and_role_words_without_a_surname_are_no_persons(text):
    assert not {n for n in persons(text) if n in ("Den Haag", "Nederland", "Haag") or n.startswith("Kroon")}


@pytest.mark.parametrize("text, name", [
    ("Tekst: Mirjam d'Ancona | Beeld: Sven van 't Veer", "Mirjam d'Ancona"),
    ("Tekst: Mirjam d'Ancona | Beeld: Sven van 't Veer", "Sven van 't Veer"),
    ("Aanwezig: Anna Jansen-de Vries (FNV), de heer Bos.", "Anna Jansen-de Vries"),
    ("“Dat moet anders,” zegt Selin Ünal-van der Lee.", "Selin Ünal-van der Lee"),
])
def test_glued_particles_apostrophes_and_particles_after_a_hyphen(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Volgens d'r moeder is dat zo.",                      # a glued particle needs a capital after it
    "De lijn Utrecht-de Bilt rijdt weer.",                # a hyphenated place pair without a cue
])
def test_particle_look_alikes(text):
    assert persons(text) == {}


def test_an_age_and_a_comma_before_the_role():
    assert ("Eva Smit", "ceo", "org/fnv") in roles("Eva Smit (38), CEO van de FNV, herkent het.")
    assert not roles("Eva Smit (38), moeder van twee kinderen, herkent het.")


def test_works_at_a_known_organisation():
    assert ("Selin Ünal", "member", "org/fnv") in relations("Selin Ünal werkt sinds 2020 bij de FNV.")
    # a capitalised pair that works at no known organisation is no person
    assert persons("Het Rode Kruis werkt bij rampen samen met gemeenten.") == {}


def test_a_double_surname_with_a_particle_after_the_hyphen_stays_whole():
    from polder.extract.names import split_name
    assert split_name("F. Bakker-de Lange") == ("F.", "Bakker-de Lange")
    assert split_name("Bakker-de Lange") == ("", "Bakker-de Lange")
    assert split_name("Lisa Tjon A Fong") == ("Lisa", "Tjon A Fong")
    assert split_name("Anne-Marie Jansen") == ("Anne-Marie", "Jansen")  # a hyphenated given name is no surname
    # "Bakker-de Lange" in the same minutes is the one "F. Bakker-de Lange"
    assert same_document_mapping(_extraction("F. Bakker-de Lange", "Bakker-de Lange")) == {
        "person/bakker-de-lange": "person/f.-bakker-de-lange"}  # (the helper keys by label)


@pytest.mark.parametrize("text, name, role, org", [
    ("Directeur Arbeidsmarkt Wouter Sibbel van het UWV ziet het.", "Wouter Sibbel", "directeur", "org/uwv"),
    ("Dat zegt wethouder Onderwijs Anna Kok in een reactie.", "Anna Kok", "wethouder", None),
])
def test_a_capitalised_portfolio_between_role_and_name(text, name, role, org):
    assert (name, role, org) in roles(text)
    assert not {n for n in persons(text) if n.split()[0] in ("Arbeidsmarkt", "Onderwijs")}


def test_a_portfolio_is_no_first_name():
    # with a role before it the real name after it is read whole; alone it leaves one word, no name
    assert "Wouter Sibbel" in persons("Volgens directeur Werkgelegenheid Wouter Sibbel gaat het goed.")
    assert persons("Werkgelegenheid Wouter zei niets.") == {}


@pytest.mark.parametrize("text, name", [
    ("Volgens oud-minister Karien van Gennip is dat zo.", "Karien van Gennip"),
    ("Dat zei ex-wethouder Jan Bos gisteren.", "Jan Bos"),
    ("Dat zei voormalig minister Jan Bos gisteren.", "Jan Bos"),
])
def test_a_former_office_is_no_role(text, name):
    assert name in persons(text)
    assert not {r for n, r, _ in roles(text) if n == name and r in ("minister", "wethouder")}


def _hits(text: str) -> list[tuple[str, str]]:
    return [(hit.name, hit.rule) for hit, _ in detect(text, org_hits(text))]


def test_a_surname_beside_a_speech_cue_is_a_mention_of_the_full_name():
    text = ("“Wij zoeken planners,” zegt Eva Smit. “Het moet sneller,” zegt Smit. Later vult Van der "
            "Meulen-Kaya aan, die eerder zei: Joris van der Meulen-Kaya (41) werkt in Leiden. Van der Meulen-Kaya "
            "wijst op de cijfers. Smit: “Klopt.”")
    surnames = [name for name, rule in _hits(text) if rule == "persons/surname-cue/1"]
    assert surnames == ["Smit", "Van der Meulen-Kaya", "Smit"]


@pytest.mark.parametrize("text", [
    "Mevrouw Eva Smit is er. Smit merkte op dat het knelt.",   # a verb in the past tense after it
    "Mevrouw Eva Smit is er. Daarop antwoordde Smit dat het kan.",
    "Mevrouw Eva Smit is er. Dat vroeg Smit zich af.",
])
def test_every_speech_verb_beside_a_surname_is_a_cue(text):
    assert [name for name, rule in _hits(text) if rule == "persons/surname-cue/1"] == ["Smit"]


@pytest.mark.parametrize("text", [
    # a surname without a full name in the document, or a place after "zegt"
    "“Het moet sneller,” zegt Smit. Volgens Brussel is dat niet nodig.",
    # two persons share the surname: which one is meant the text does not say
    "Volgens Eva Smit en Jan Smit (40) is dat zo, zegt Smit.",
    # the surname as a word in a name of something else
    "Dat zegt Eva Smit. De Smitstraat ligt in Zwolle, zegt de Smitsbank.",
    # the surname ends someone else's longer name ("Mee ter Five" is not Ste Five)
    "Mevrouw Eva Smit is er. De heer Jan ter Smit merkt op dat het knelt.",
    "Mevrouw Eva de Vries is er. De heer Joul de Vries vroeg het woord.",
])
def test_surname_cue_look_alikes(text):
    assert not [name for name, rule in _hits(text) if rule == "persons/surname-cue/1"]


@pytest.mark.parametrize("text, name, org", [
    ("FNV-voorzitter Elzinga zei het al.", "Elzinga", "org/fnv"),
    ("Dat zei VNO-NCW-voorzitter Thijssen.", "Thijssen", "org/vno-ncw"),
    ("Volgens FNV-voorzitter Van der Berg kan dat.", "Van der Berg", "org/fnv"),
])
def test_an_organisations_role_before_a_bare_surname(text, name, org):
    assert (name, "voorzitter", org) in roles(text)


@pytest.mark.parametrize("text", [
    "De SER-voorzitter Nederland rondreisde.",        # a stop word, no surname
    "de FNV-voorzitter en de VNO-NCW-directeur",      # no name at all
    "FNV-voorzitter Sociale Zaken",                   # a portfolio
])
def test_organisation_role_look_alikes(text):
    assert persons(text) == {}


def test_a_plural_works_at_gives_every_listed_name_the_organisation():
    text = "Kerem Çelik en Selin Ünal werken allebei bij de FNV."
    assert {("Kerem Çelik", "member", "org/fnv"), ("Selin Ünal", "member", "org/fnv")} <= relations(text)
    # a singular verb belongs to the last name only
    text = "Over Kerem Çelik (30) en Selin Ünal werkt bij de FNV niemand meer."
    assert "Kerem Çelik" in persons(text) and ("Kerem Çelik", "member", "org/fnv") not in relations(text)


@pytest.mark.parametrize("text, name", [
    ("Tekst en beeld: Jan Smit\n", "Jan Smit"),
    ("Tekst & fotografie: Anna de Wit\n", "Anna de Wit"),
    ("Beeld: Jeroen Poortvliet, Hollandse Hoogte\n", "Jeroen Poortvliet"),
])
def test_credits_for_two_jobs_and_beside_an_agency(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Illustratie: Studio Vierkant\n",
    "Fotografie: Hollandse Hoogte\n",
    "Foto's: Getty Images\n",
    "Tekst en beeld zijn in dit nummer belangrijk.\n",
])
def test_credit_look_alikes_studios_and_agencies(text):
    assert persons(text) == {}


def test_a_bracket_with_a_unit_of_a_known_organisation():
    assert ("Lin Chen", "represents", "org/ing") in relations("Lin Chen (ING Economisch Bureau) rekent het voor.")
    # a bracket that goes on in lower case is a remark, no affiliation
    assert not relations("Lin Chen (ING is haar werkgever) rekent het voor.")


def test_a_profiles_function_line_gives_the_role():
    text = "Naam: Fatima el Amrani\nFunctie: wijkverpleegkundige\nLeeftijd: 34\n"
    assert ("Fatima el Amrani", "wijkverpleegkundige", None) in roles(text)
    # another label on the next line gives nothing
    assert not roles("Naam: Fatima el Amrani\nWoonplaats: Den Haag\n")


def test_a_line_labelled_with_a_plural_role_gives_every_listed_person_the_role():
    text = ("Kroonleden: mevrouw A. Bakker (voorzitter), de heer B. Claassen, mevrouw C. Dekker "
            "Werkgeversleden: de heer D. Evers (VNO-NCW)\n")
    found = roles(text)
    assert {("A. Bakker", "kroonlid", None), ("A. Bakker", "voorzitter", None), ("B. Claassen", "kroonlid", None),
            ("C. Dekker", "kroonlid", None)} <= found
    # the next label (joined onto the line) ends the list
    assert ("D. Evers", "kroonlid", None) not in found
    # a plural role in running text labels no list
    assert not any(r == "kroonlid" for _, r, _ in roles("Volgens de kroonleden: de heer B. Claassen heeft gelijk.\n"))


def test_mevr_as_a_form_of_address():
    found = persons("Mevr. Jansen (FNV) merkt op dat het kan. Mevr. dr. A. de Boer, namens VNO-NCW, vraagt het woord.")
    assert {"Jansen", "A. de Boer"} <= set(found)
    assert ("A. de Boer", "represents", "org/vno-ncw") in relations(
        "Mevr. dr. A. de Boer, namens VNO-NCW, vraagt het woord.")
    assert persons("De mevr.-afdeling sluit.") == {}


def test_a_name_led_by():
    assert "Kim Putters" in persons("Onder voorzitterschap van Kim Putters vergaderde de raad.")
    assert "Anna de Wit" in persons("De tafels werkten onder leiding van Anna de Wit.")
    assert persons("Onder leiding van Sociale Zaken werkt het.") == {}


def _extracted(tmp_path, text: str):
    from polder.extract.pipeline import extract
    from polder.extract.reader import read_document
    path = tmp_path / "stuk.txt"
    path.write_text(text, encoding="utf-8")
    return extract(read_document(path))


def test_an_office_of_a_place_belongs_to_the_body_the_document_names(tmp_path):
    ex = _extracted(tmp_path, "De gemeente Rotterdam doet mee. Ahmed Bouali, wethouder van Rotterdam, kent de "
                              "cijfers. Bouali (45) is sinds 2022 wethouder.\n")
    assert memberships(ex) == {("person/ahmed-bouali", "role/wethouder", "org/gemeente-rotterdam")}
    # without the gemeente in the text no body is made up
    ex = _extracted(tmp_path, "Ahmed Bouali, wethouder van Rotterdam, kent de cijfers.\n")
    assert memberships(ex) == {("person/ahmed-bouali", "role/wethouder", None)}
    # "burgemeester van de haven" names no place
    ex = _extracted(tmp_path, "De gemeente Rotterdam doet mee. Anna Kok, wethouder van de haven, zegt het.\n")
    assert ("person/anna-kok", "role/wethouder", "org/gemeente-rotterdam") not in memberships(ex)


@pytest.mark.parametrize("text", [
    "Foto\nDe Jong Beheer aan het werk in de hal.",   # a credit word at a line's end, a caption below
    "Beeld\nHet Rode Kruis helpt bij de opvang.",
])
def test_a_credit_word_before_a_caption_that_opens_with_an_article(text):
    assert persons(text) == {}


def test_a_credit_on_the_next_line_still_names_the_photographer():
    assert "Anna de Vries" in persons("Foto's\nAnna de Vries\n")


def test_a_table_row_gives_the_organisation_and_the_role_cells():
    text = "| Naam | Organisatie | Rol |\n|---|---|---|\n| de heer R. Aksoy | FNV | secretaris |\n"
    assert {("R. Aksoy", None, "org/fnv"), ("R. Aksoy", "secretaris", None)} <= roles(text)
    # a cell that holds more than the organisation, or a name outside a table, gives nothing
    assert not roles("| de heer R. Aksoy | lid van de FNV sinds 2020 |\n")
    assert not roles("De heer R. Aksoy zegt: FNV | lid\n")


@pytest.mark.parametrize("text, name, role", [
    ("De voorzitter, Kim Putters, opent de vergadering.", "Kim Putters", "voorzitter"),
    ("Volgens de secretaris, Jan de Vries, is het stuk verstuurd.", "Jan de Vries", "secretaris"),
    ("Aanwezig: mevrouw El Idrissi (kroonlid, voorzitter), de heer Bos.", "El Idrissi", "kroonlid"),
])
def test_a_role_in_apposition_and_a_list_of_roles_in_brackets(text, name, role):
    assert (name, role, None) in roles(text)


@pytest.mark.parametrize("text", [
    "Volgens de voorzitter, Kim Putters en Jan Bos zijn er.",   # no comma closes the name
    "Hij is de voorzitter, Jan Smit niet.",
    "Aanwezig: mevrouw El Idrissi (kroonlid en meer), de heer Bos.",
])
def test_apposition_look_alikes(text):
    assert not {r for _, r, _ in roles(text) if r in ("voorzitter", "kroonlid")}


@pytest.mark.parametrize("text", [
    "Volgens Sint Maarten is dat zo.",
    "Volgens Hoek van Holland gaat het goed.",
    "Dat zegt Santpoort Noord al jaren.",
    "Volgens Groot Ammers klopt het.",
])
def test_place_names_after_a_speech_cue_are_no_persons(text):
    assert persons(text) == {}


@pytest.mark.parametrize("text, name", [
    ("Dat zegt Jan de Groot.", "Jan de Groot"),   # a word that opens place names may end a surname
    ("Dat zegt Piet Hoek.", "Piet Hoek"),
    ("Dat zegt Fleur West.", "Fleur West"),
])
def test_surnames_that_are_also_place_words(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text, name", [
    ("Volgens Ursula von der Leyen kan het.", "Ursula von der Leyen"),
    ("Dat zegt Anna de la Rive.", "Anna de la Rive"),
    ("Dat zei eurocommissaris Von der Leyen gisteren.", "Von der Leyen"),
])
def test_foreign_particles(text, name):
    assert name in persons(text)


def test_a_foreign_particle_keeps_given_name_and_surname_apart():
    from polder.extract.names import split_name
    assert split_name("Ursula von der Leyen") == ("Ursula", "von der Leyen")
    assert persons("Volgens de von-Neumann-architectuur werkt het.") == {}


def test_an_attendance_list_with_the_surname_first():
    text = "Aanwezig: Bakker, A. (voorzitter); Van Dijk, C.J. (FNV); Meijer, P. de (kroonlid)\n"
    assert {("A. Bakker", "voorzitter", None), ("C.J. van Dijk", None, "org/fnv"),
            ("P. de Meijer", "kroonlid", None)} <= roles(text)
    hits = {hit.name: text[hit.start:hit.end] for hit, _ in detect(text, org_hits(text))}
    assert hits["C.J. van Dijk"] == "Van Dijk, C.J."  # the mention is the written form


@pytest.mark.parametrize("text", [
    "Nederland, B.V. is geen naam.\n",               # a stop word
    "Zie bijlage: Ministerie, A. en B. hierna.\n",   # not closed by a bracket, a separator or the line's end
    "Zij zag Bakker, A. de hand schudden.\n",         # no list position before it
])
def test_surname_first_look_alikes(text):
    assert persons(text) == {}


@pytest.mark.parametrize("text,name", [
    # a given name, a particle and the surname after a title: the whole name, not the given name alone
    ("De heer Jan van Dam sprak over de cao.", "Jan van Dam"),
    ("Mevrouw Ka ter Vinke sluit zich hierbij aan.", "Ka ter Vinke"),
    ("De heer Fi van der Anbertmee merkt op dat het knelt.", "Fi van der Anbertmee"),
    # two given names without a hyphen
    ("De heer Jan Willem Bakker sprak.", "Jan Willem Bakker"),
    ("Mevrouw Anna Maria de Vries sprak.", "Anna Maria de Vries"),
    # and as before: a surname alone, a particle surname, one given name
    ("De heer Putters opent de vergadering.", "Putters"),
    ("De heer Van der Berg sprak.", "Van der Berg"),
    ("Mevrouw Nanda Piersma zei het.", "Nanda Piersma"),
])
def test_a_titled_name_is_taken_whole(text, name):
    assert list(persons(text)) == [name]


def test_a_role_in_apposition_needs_the_name_to_close_it():
    """"de staatssecretaris van Financiën, de heer Rutger Smeenk." is his role; a name that runs on into
    the sentence is no apposition."""
    assert ("Rutger Smeenk", "role", None) in relations("Er sprak de staatssecretaris van Financiën, de heer Rutger Smeenk.")
    assert not relations("De voorzitter van de SER, de heer Jan Smit heeft gezegd dat het kan.")


def test_a_bulleted_line_labelled_with_a_plural_role():
    """"- *Kroonleden:* prof. dr. A, prof. dr. B" (markdown: the bullet and the italics stay in the clean view's
    bullet) gives each listed person the singular role."""
    text = "Aanwezig:\n\n- Kroonleden: prof. dr. C.M. van der Molen-Sprenger, prof. dr. K. Öztürk\n"
    assert {("C.M. van der Molen-Sprenger", "kroonlid", None), ("K. Öztürk", "kroonlid", None)} <= roles(text)


def test_a_full_name_without_a_cue_whose_surname_speaks_elsewhere():
    """The interviewee is introduced once without a cue and quoted by surname later."""
    text = ("Sharon Kromodimedjo-Pinas weet nog precies hoe het ging. \u201cHet was spannend\u201d, zegt "
            "Kromodimedjo-Pinas. De Brede Welvaart Agenda komt eraan. Volgens Agenda niet.")
    assert set(persons(text)) >= {"Sharon Kromodimedjo-Pinas"} and "Brede Welvaart Agenda" not in persons(text)
    # a surname a found person has already speaks for that person, not for a relative named once
    text = ("Ondernemer Hans-Peter Verhoef is eigenaar. Verhoef: \u201cIk snap het.\u201d Hij nam het over in 1998, "
            "Cornelis Verhoef.")
    assert "Cornelis Verhoef" not in persons(text)
    # (as "zijn vader, Cornelis Verhoef" the relative is a person of his own: test_names_of_the_ninth_round)


def test_an_office_before_a_given_name_and_a_surname_takes_the_full_name():
    text = "Minister Karin Zwartjes van Sociale Zaken en Werkgelegenheid opende de dag, met minister Schouten van Sociale Zaken."
    assert {"Karin Zwartjes", "Schouten"} <= set(persons(text)) and "Karin" not in persons(text)


def test_a_role_after_the_name_and_a_copula():
    text = "Nadia Bouhassoun is kroonlid van de SER. Bas van Wijngaarden is voorzitter van het SER Jongerenplatform."
    assert {("Nadia Bouhassoun", "kroonlid", "org/ser"),
            ("Bas van Wijngaarden", "voorzitter", "org/ser/jongerenplatform")} <= roles(text)
    assert persons("Het Nieuwe Werken is groot geworden.") == {}


def test_a_compound_role_opening_a_sentence_and_the_inspector_general():
    text = "Interview\n\nCommissievoorzitter Emma Lindqvist opent. Ook Inspecteur-generaal Yvonne Hagenaars was er."
    assert {("Emma Lindqvist", "commissievoorzitter", None), ("Yvonne Hagenaars", "inspecteur-generaal", None)} <= roles(text)
    assert "Commissievoorzitter Emma Lindqvist" not in persons(text)


@pytest.mark.parametrize("text, name", [
    ("De brief is ondertekend door minister mr. K.L. Tjon-A-Fong.", "K.L. Tjon-A-Fong"),  # a capital alone between hyphens
    ("Dat zegt inspecteur Ruud Verschoor, die al jaren werkt.", "Ruud Verschoor"),  # a role word after the speech verb
    ("Vermeulen volgt Amira Benali op als voorzitter.", "Amira Benali"),
    ("Zij wordt opgevolgd door Iris Kramer-Mohan, tot nu toe hoofd.", "Iris Kramer-Mohan"),
    ("In memoriam Jan Blokzijl", "Jan Blokzijl"),
    ("Namens MKB-Nederland heeft Gert-Jan Hazeleger duidelijk gemaakt dat het niet kan.", "Gert-Jan Hazeleger"),
])
def test_more_cues_for_a_person(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Volgens de Nederlandsche Bank is dat zo.",  # an article after the speech verb: no role word
    "De kosten volgen Sociale Zaken op de voet.",
])
def test_look_alikes_of_the_new_cues(text):
    assert persons(text) == {}


@pytest.mark.parametrize("text, name, relation, org", [
    ("Yusuf Bakkali, directeur Werk en Inkomen van de FNV, sprak.", "Yusuf Bakkali", "role", "org/fnv"),
    ("Peter-Jan Hulsbergen, directeur Werkbedrijf bij UWV, ook.", "Peter-Jan Hulsbergen", "role", "org/uwv"),
    ("Marleen Bakker, hoogleraar arbeidsrecht aan de Universiteit Leiden, schreef het.", "Marleen Bakker", "role",
     "org/universiteit-leiden"),
    ("“Het kan,” zegt Sandra Hoek, senior beleidsadviseur bij MKB-Nederland.", "Sandra Hoek", "role", "org/mkb-nederland"),
    ("De vergadering werd geopend door CBM-voorzitter mr. Aylin Çelik.", "Aylin Çelik", "head", "org/ser/cbm"),
])
def test_a_role_with_its_field_or_a_title_between_keeps_its_organisation(text, name, relation, org):
    assert (name, relation, org) in relations(text)


def test_a_role_closed_by_a_comma_takes_no_organisation_from_the_clause_after():
    assert not any(org == "org/fnv" for _, _, org in relations("Jan Smit, directeur, zegt dat hij van de FNV komt."))


def test_who_attended_by_group_in_surnames_alone():
    text = ("| Geleding | Aanwezig |\n|---|---|\n| Kroonleden | Groenewegen, Kasteleijn, Lindeboom |\n"
            "| Werknemersleden | Sarmo, Koç en Mertens |\n")
    found = persons(text)
    assert {"Groenewegen", "Kasteleijn", "Lindeboom", "Sarmo", "Koç", "Mertens"} <= set(found)
    assert ("Lindeboom", "member", None) in relations(text)  # the plural role of the row: kroonlid (of the SER, later)
    # a line of other words is no list of persons
    assert persons("| Kroonleden | Zie bijlage, Verslag en Agenda van vandaag |\n") == {}


@pytest.mark.parametrize("text, name", [
    ("Het stuk is ondertekend door mr. Th.M. de Vries.", "Th.M. de Vries"),  # initials of two letters
    ("Het stuk is van W.Th. Bakker en verder niets.", "W.Th. Bakker"),
    ("Namens de werkgevers tekende Chr. van Dam.", "Chr. van Dam"),
    ("Het stuk is van IJ.A. de Boer en verder niets.", "IJ.A. de Boer"),
])
def test_initials_of_two_or_three_letters(text, name):
    assert name in persons(text)


def test_initials_of_two_letters_are_not_cut_to_a_lone_word():
    assert set(persons("De heer mr. Th.M. de Vries opende.")) == {"Th.M. de Vries"}


@pytest.mark.parametrize("text, name", [
    ("Daarna sprak de Noorse Ingrid Halvorsen over flexwerk.", "Ingrid Halvorsen"),
    ("De Belgische Sofie Peeters en anderen waren er.", "Sofie Peeters"),
    ("Ook de Turkse Murat Yilmaz vertelde zijn verhaal.", "Murat Yilmaz"),
])
def test_a_nationality_before_a_full_name(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "De Britse Trades Union Congress steunt het plan.",
    "Ook de Franse Conseil Economique was vertegenwoordigd.",
    "De Duitse Bundesagentur für Arbeit werkt mee.",
    "De Noorse Nationale Arbeidsraad werkt mee.",
])
def test_a_nationality_before_a_foreign_organisation_is_no_person(text):
    assert persons(text) == {}


def test_surnames_with_what_brackets_say_listed_over_lines():
    text = ("Aanwezig: Van Dalen (voorzitter, kroonlid), Aydın (kroonlid); Hendriks-de Haan\n(AWVN), "
            "Jansen (MKB-Nederland); Ruiz Gómez (FNV),\nVos (VCP, plv.).\n")
    assert {"Van Dalen", "Aydın", "Hendriks-de Haan", "Jansen", "Ruiz Gómez", "Vos"} <= set(persons(text))
    # a line of groups counted in brackets
    assert persons("Aanwezig: Leden (12), Kroonleden (3), Secretariaat (2).\n") == {}


@pytest.mark.parametrize("text, name", [
    ("Het verslag is van de heer B. 't Hooft.", "B. 't Hooft"),  # a particle of one letter and an apostrophe
    ("Het woord is aan drs. Th.M. (Thea) Bergsma-Hoekman, secretaris.", "Thea Bergsma-Hoekman"),
])
def test_more_name_forms_of_the_sixth_round(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text", [
    "Naast Kamphuis-de Vries zijn er twee kroonleden lid.",  # a preposition opening the sentence
    "Betreft Reactie op SER-advies 'Pensioen voor alle werkenden'",  # a letter's subject line
])
def test_sentence_and_field_openers_are_no_given_names(text):
    assert not any(name.split()[0] in ("Naast", "Betreft") for name in persons(text))


@pytest.mark.parametrize("text, name, role", [
    ("Bedrijfsarts Joost Verhagen van Arbo Unie is kritisch.", "Joost Verhagen", "bedrijfsarts"),
    ("Dat verwacht arbeidsrechtadvocaat Pieter-Bas van Dongen-Hartman.", "Pieter-Bas van Dongen-Hartman",
     "arbeidsrechtadvocaat"),
    ("Mijn promovendus Daan Wijnberg rekende het na.", "Daan Wijnberg", "promovendus"),
    ("Het kan beter, zegt directeur Sociale Zaken Hanna Bergsma van de gemeente.", "Hanna Bergsma", "directeur"),
])
def test_professions_and_two_word_portfolios_before_a_name(text, name, role):
    found = persons(text)
    assert list(found) == [name]
    assert any(f.role == role for f in found[name])


@pytest.mark.parametrize("text", [
    "Dat zeggen de leden van Thuiswinkel.org al jaren.",  # no members of Parliament
    "Aanwezig is teammanager Directie Consumenten van de ACM.",  # a department
    "Het woord is aan de divisiedirecteur Economisch Beleid en Onderzoek.",
])
def test_members_of_an_organisation_and_departments_are_no_persons(text):
    assert persons(text) == {}


def test_a_maghrebi_particle_after_initials():
    assert set(persons("De heer mr. A. Ben Haddou (secretaris) licht toe.")) == {"A. Ben Haddou"}


def test_a_member_of_parliament_whose_name_opens_with_an_accented_capital():
    assert "Özdemir-van Dalen" in persons("Het kabinet voert de motie van het lid Özdemir-van Dalen uit.")


@pytest.mark.parametrize("text, name", [
    ("Dat zegt Tweede Kamerlid Robin Ait Haddou.", "Robin Ait Haddou"),  # the ordinal of the office is no given name
    ("Namens CNV zit Erwin de Kok aan tafel.", "Erwin de Kok"),
    ("FNV-onderhandelaar Priscilla Doelwijt is stellig.", "Priscilla Doelwijt"),
    ("Het gesprek met Europarlementariër Lotte de Vries-Hamstra was kort.", "Lotte de Vries-Hamstra"),
    ("Docent installatietechniek Ton van Beek legt uit.", "Ton van Beek"),
    ("Het woord is aan mr. drs. Hendrik-Jan (H.J.) Bosscher.", "Hendrik-Jan Bosscher"),  # initials in brackets
])
def test_name_forms_of_the_seventh_round(text, name):
    assert set(persons(text)) == {name}


def test_a_survey_named_after_a_speech_cue_is_no_person():
    assert persons("Volgens de Nationale Enquête Arbeidsomstandigheden van TNO is dat aandeel stabiel.") == {}


@pytest.mark.parametrize("text", [
    "Volgens de jaarlijkse Monitor Brede Welvaart van het CBS gaat het goed.",
    "Ook de Nationale Voorleesdagen van Stichting Lezen waren een succes.",
])
def test_a_things_name_after_an_article_is_no_person(text):
    assert persons(text) == {}


def test_an_age_after_the_article_leaves_the_person():
    assert "Sanne Bakker" in persons("Volgens de 45-jarige Sanne Bakker van het CBS gaat het goed.")


@pytest.mark.parametrize("text, name", [
    ("Nieuws uit de raad\n\nDoor Sietske Boonstra\n\nDe raad vergaderde.", "Sietske Boonstra"),  # a byline
    ("Ilse de Wit is benoemd tot raadslid namens MKB-Nederland.", "Ilse de Wit"),
    ("Pieter-Jan Vermeulen wordt per 1 juni herbenoemd als kroonlid.", "Pieter-Jan Vermeulen"),
])
def test_a_byline_and_an_appointment_name_a_person(text, name):
    assert name in persons(text)


def test_a_byline_runs_to_its_lines_end():
    assert persons("Door Nieuwe Regels verandert veel voor werkgevers.") == {}


@pytest.mark.parametrize("text, name", [
    ("Haar moeder, Ineke van Wijk, was jarenlang lid van de raad.", "Ineke van Wijk"),  # a relative in apposition
    ("Benali volgt in de raad Ahmet Yildirim op.", "Ahmet Yildirim"),  # words between the verb and the name
    ("Ze sprak met ambassadeur Robbert-Jan van Heel.", "Robbert-Jan van Heel"),
    ("Ook secretaris-generaal Maarten Camps was er.", "Maarten Camps"),
    ("Lotte N'Diaye (25) is de nieuwe voorzitter.", "Lotte N'Diaye"),  # a glued particle with a capital
])
def test_names_of_the_ninth_round(text, name):
    assert name in persons(text)


@pytest.mark.parametrize("text, names", [
    ("Zij volgen Jan Prinsen en Mieke Sterk op.", {"Jan Prinsen", "Mieke Sterk"}),  # two successors
    ("Redactie: Annelies Verbruggen, Pieter-Bas Ruygrok. Eindredactie: Wendelien Kortekaas.",
     {"Annelies Verbruggen", "Pieter-Bas Ruygrok", "Wendelien Kortekaas"}),  # a colophon
    ("Dat zei staatssecretaris Thijs Zomerdijk van Binnenlandse Zaken gisteren.", {"Thijs Zomerdijk"}),
])
def test_names_of_the_eleventh_round(text, names):
    assert set(persons(text)) == names
