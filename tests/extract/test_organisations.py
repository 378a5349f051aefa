"""Organisation rules: each with a case that fires and a look-alike that must not."""
from __future__ import annotations

import pytest

from polder.extract.organisations import candidates, known_for


def found(text: str, kind: str | None = None) -> dict[str, str]:
    return {c.name: c.cls for c in candidates(text, kind)}


def extracted(tmp_path, text: str, name: str = "reactie.txt"):
    """The whole pipeline's extraction of `text` as a file called `name`."""
    from polder.extract.pipeline import extract_file
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return extract_file(path)


@pytest.mark.parametrize("text, name, cls", [
    ("samen met de Beroepsvereniging Arbo Adviseurs (BvAA) is gekeken", "Beroepsvereniging Arbo Adviseurs", "Organisation"),
    ("het Nederlands Centrum voor Beroepsziekten (NCvB) meldt", "Nederlands Centrum voor Beroepsziekten", "Organisation"),
    ("de commissie Sociale Zekerheid (SZ) adviseert", "commissie Sociale Zekerheid", "Committee"),
    ("volgens de Stichting Voor Werkende Ouders is dat", "Stichting Voor Werkende Ouders", "Organisation"),
    ("De heer X, voorzitter van de werkgroep internationaal, vertelt", "werkgroep internationaal", "Committee"),
    ("zoals de commissie-Borstlap voorstelde", "commissie-Borstlap", "Committee"),
    ("de SER-commissie Arbeidsomstandigheden bespreekt", "SER-commissie Arbeidsomstandigheden", "Committee"),
    # a union's sector is its unit
    ("Bij FNV Metaal lopen de onderhandelingen vast", "FNV Metaal", "Organisation"),
    ("Ook FNV Zorg & Welzijn voert actie", "FNV Zorg & Welzijn", "Organisation"),
])
def test_organisation_found(text, name, cls):
    assert found(text).get(name) == cls


@pytest.mark.parametrize("text", [
    "de Corporate Sustainability Reporting Directive (CSRD) geldt",  # a directive, not a body
    "Zero Death by Accidents & Chemicals (ZDAC) is een programma",
    "De Stichting heeft dat besloten.",  # no name after Stichting
    "Nieuw is een leernetwerk over inclusie.",  # an adjective before a copula
    "de werkgroep heeft gesproken",  # no name after werkgroep
    "Het Kabinet en De Kroonleden zijn het eens.",
    "In Nederland (NL) werken veel mensen.",  # initials do not spell a name
])
def test_look_alikes_are_no_organisations(text):
    assert found(text) == {}


def test_known_name_or_acronym_is_looked_up_in_the_reference():
    [candidate] = [c for c in candidates("de Sociaal-Economische Raad (SER) adviseert") if c.abbr == "SER"]
    assert known_for(candidate).key == "org/ser"


def test_unknown_name_is_new():
    [candidate] = candidates("de Beroepsvereniging Arbo Adviseurs (BvAA)")
    assert known_for(candidate) is None


# ---------------------------------------------------------------- named institutions and head nouns

@pytest.mark.parametrize("text, name, rule", [
    ("studieadviseur Universiteit\n\nvan Amsterdam", "Universiteit van Amsterdam", "org/university/1"),
    ("ze stapte over naar de Radboud Universiteit, waar", "Radboud Universiteit", "org/university/1"),
    ("student ontwikkeling Hogeschool van Rotterdam", "Hogeschool van Rotterdam", "org/hogeschool/1"),
    ("de opleiding aan het ROC van Amsterdam, maar", "ROC van Amsterdam", "org/roc/1"),
    ("counselor MBO College\n\nAirport & Amstelland\n\n“Een", "MBO College Airport & Amstelland", "org/college/1"),
    ("het initiatief voor de Denktank Coronacrisis, bestaande uit", "Denktank Coronacrisis", "org/head-noun/1"),
    ("werkt de Nederlandse Vereniging voor Klinische Arbeidsgeneeskunde samen",
     "Nederlandse Vereniging voor Klinische Arbeidsgeneeskunde", "org/head-noun/1"),
    ("de helpdesk van Bureau REACH helpt", "Bureau REACH", "org/head-noun/1"),
    ("en de Patiëntenfederatie Nederland in samenwerking", "Patiëntenfederatie Nederland", "org/national-body/1"),
    ("bij het Bacteriologisch Adviesbureau in Ermelo", "Bacteriologisch Adviesbureau", "org/adjective-bureau/1"),
    ("medezeggenschap bij de gemeente Barendrecht is anders", "gemeente Barendrecht", "org/government/1"),
    ("Start-up Gable Systems ontwikkelt een looprobot", "Gable Systems", "org/start-up/1"),
    ("Tekst Jan Jansen Foto’s ANP/Caspar Huurdeman", "ANP", "org/photo-agency/2"),
])
def test_head_word_rules_fire(text, name, rule):
    assert (name, rule) in {(c.name, c.rule) for c in candidates(text)}


@pytest.mark.parametrize("text", [
    "Elke Universiteit heeft een eigen beleid.",  # a determiner is no name
    "De Hogeschool heeft besloten.",  # no name after the head
    "Het ROC is dicht.",
    "De Raad van Bestuur besloot dat.",  # a governing body, not an organisation
    "Het College van Burgemeester besloot.",  # a determiner before College
    "van de Denktank Corona \nAangezien dit zo is",  # a name does not run on to the next line
    "Het Adviesbureau belde.",  # a determiner before the bureau
    "in de gemeente. Zij gaat",  # no name after gemeente
    "start-up bedrijven groeien",  # no capitalised name
    "Foto Henk Rougoor",  # a photographer, no agency
])
def test_head_word_look_alikes(text):
    found_names = {c.name for c in candidates(text)}
    assert not any(n for n in found_names if "Aangezien" in n or n in {
        "Elke Universiteit", "Hogeschool", "ROC", "Raad van Bestuur", "Het College van Burgemeester",
        "Het Adviesbureau", "Henk", "bedrijven"}), found_names
    assert found(text) == {} or text.startswith("van de Denktank")


def test_shortened_name_is_a_form_of_the_full_name():
    found_ = candidates("de Denktank Corona. Later de Denktank Coronacrisis")
    assert {c.name for c in found_} == {"Denktank Coronacrisis"}
    assert any("Denktank Corona" in c.alts for c in found_)


def test_preparatory_committee_only_in_minutes():
    text = "de commissie van voorbereiding maakt de omslag"
    assert [c.cls for c in candidates(text, "minutes") if c.rule.startswith("org/preparatory")] == ["Committee"]
    assert not [c for c in candidates(text, "government_response") if c.rule.startswith("org/preparatory")]


# ---------------------------------------------------------------- units and typos

def test_unit_of_a_known_organisation():
    [unit] = [c for c in candidates("de vergadering van het FNV-Ledenparlement") if c.rule == "org/unit/1"]
    assert (unit.name, unit.parent, unit.key) == ("FNV Ledenparlement", "org/fnv", "org/fnv/ledenparlement")


def test_unit_of_a_misspelt_acronym_gets_the_known_spelling():
    [unit] = [c for c in candidates("de jonge ondernemers van AWNV Jong") if c.rule == "org/unit/1"]
    assert unit.name == "AWVN Jong" and "AWNV Jong" in unit.alts


def test_unit_word_after_an_unknown_word_is_nothing():
    assert not [c for c in candidates("de familie XQZW Jong en Piet Jong") if c.rule == "org/unit/1"]


def test_known_acronym_tolerates_one_transposition_only():
    from polder.extract.organisations import known_acronym
    assert known_acronym("CMB") == "CBM"
    assert known_acronym("CBM") == "CBM"
    assert known_acronym("MCB") is None  # two swaps away
    assert known_acronym("Cmb") is None


# ---------------------------------------------------------------- whole-document rules

LETTER = ("Aan de Voorzitter van de Tweede Kamer der Staten-Generaal\n\n"
          "Het kabinet reageert op het advies van de SER. Ik informeer uw Kamer voor de zomer. "
          "De NLA meldt dit aan de Kamer. Zie Richtlijn (EU) 2024/869 en de EU-richtlijn. "
          "Het kabinet werkt met de vakbonden FNV, CNV en De Unie. De CBM en de CMB overleggen. "
          "De Kamer van Koophandel helpt. Binnen de SER-commissie Arbeidsomstandigheden is gesproken.\n")


@pytest.fixture(scope="module")
def letter():
    from polder.extract.pipeline import extract
    from polder.extract.reader import RawDocument
    return extract(RawDocument("letter.txt", "letter", LETTER, "utf-8", "0"))


def written(extraction, key: str) -> list[str]:
    return [m.span.text for m in extraction.mentions if m.key == key]


def test_your_chamber_is_the_addressee(letter):
    assert {"uw Kamer"} <= set(written(letter, "org/tweede-kamer"))
    assert "De Kamer" not in " ".join(written(letter, "org/tweede-kamer"))  # the Kamer van Koophandel


def test_acronym_of_a_legal_instrument_is_no_mention(letter):
    assert written(letter, "org/eu") == []


def test_de_unie_only_as_written_mid_sentence(letter):
    assert written(letter, "org/de-unie") == ["De Unie"]


def test_typo_of_a_known_acronym_is_a_mention_of_it(letter):
    assert sorted(written(letter, "org/ser/cbm")) == ["CBM", "CMB"]
    assert not [k for k in letter.entities if k.endswith("/cmb")]


def test_longer_name_wins_over_the_known_acronym_inside_it(letter):
    assert "org/ser/ser-commissie-arbeidsomstandigheden" in letter.entities


# ---------------------------------------------------------------- names in a telling context

def rules_found(text: str) -> set[tuple[str, str]]:
    return {(c.name, c.rule) for c in candidates(text)}


@pytest.mark.parametrize("text, name, rule", [
    ("Het congres was druk. Werkplaats Zuid is een publiek-private samenwerking van gemeenten.",
     "Werkplaats Zuid", "org/copula-definition/1"),
    ("zegt Anna Smit, coördinator van het Leerhuis Techniek en Zorg, opgericht in 2020.",
     "Leerhuis Techniek en Zorg", "org/role-of/1"),
    ("De centrale OR van Waterbedrijf Oost is een ander niveau.", "centrale OR van Waterbedrijf Oost",
     "org/works-council/1"),
    ("samen met de topsector\nLogistiek en andere partijen", "topsector Logistiek", "org/topsector/1"),
    ("De bedrijfscommissie voor de overheid bemiddelt bij geschillen.", "bedrijfscommissie voor de overheid",
     "org/company-committee/1"),
    ("12 De Leerfabriek: Tips voor werkgevers (2024). Link: https://www.leerfabriek.nl/tips\n",
     "De Leerfabriek", "org/source-domain/1"),
    ("Zij werkt in het Spaarne Gasthuis als verpleegkundige.", "Spaarne Gasthuis", "org/hospital/1"),
    ("Hij ligt in Ziekenhuis Rivierenland sinds maart.", "Ziekenhuis Rivierenland", "org/hospital/1"),
    ("Hij werkte bij Lakfabriek Noord B.V. in Deventer.", "Lakfabriek Noord", "org/legal-form/2"),
])
def test_context_rules_fire(text, name, rule):
    assert (name, rule) in rules_found(text)


@pytest.mark.parametrize("text", [
    "Het is een samenwerking van gemeenten.",  # a determiner is no name
    "Het overleg was kort. Zij is een echte netwerkorganisatie.",  # a pronoun is no name
    "Het overleg was kort. Marieke Zwart is een ervaren bestuurder.",  # no organisation head
    "Hij is voorzitter van de Raad van Bestuur.",  # a governing body
    "Zij is directeur van de FNV Jan Smit belde.",  # a known organisation, then a person
    "Zij is voorzitter van de Kamer.",  # one word is too little
    "De OR van het bedrijf vergadert.",  # no name after the works council
    "de topsectoren en de regio's",  # no name after the top sector
    "de topsector\n\nInleiding volgt",  # a paragraph break ends the name
    "Een bedrijfscommissie is nodig.",  # no 'voor de ...'
    "12 Jan Smit: Tips (2024). Link: https://www.werk.nl/tips\n",  # the name is not the domain
    "Het Ziekenhuis is open.",  # a determiner before the head
    "Nederland BV moet investeren.",  # a figure of speech
    "De BV is opgericht.",  # no name before the legal form
    "Het overleg was kort. Europa is een samenwerking van landen.",  # a place
    "Volgens de directeur van het Stadsmuseum Karel Wit is cultuur belangrijk.",  # a museum, then its director
])
def test_context_rule_look_alikes(text):
    assert found(text) == {}, found(text)


def test_organisation_coordinated_by_a_repeated_preposition():
    from polder.extract.organisations import coordinated_candidates
    text = "Hij werkte bij het Technisch Adviesbureau in Zwolle én bij Lakfabriek Noord in Deventer."
    spans = [(c.start, c.end) for c in candidates(text)]
    found_ = [(c.name, c.rule) for c in coordinated_candidates(text, spans)]
    assert found_ == [("Lakfabriek Noord", "org/coordination/1")]


def test_no_coordination_without_the_same_preposition():
    from polder.extract.organisations import coordinated_candidates
    text = "Hij werkte bij het Technisch Adviesbureau in Zwolle en met Lakfabriek Noord samen."
    spans = [(c.start, c.end) for c in candidates(text)]
    assert coordinated_candidates(text, spans) == []


@pytest.mark.parametrize("text, name", [
    ("Sanne werkt als projectleider bij netbeheerder Alliander in Arnhem.", "Alliander"),
    ("Het pensioenfonds kent het probleem, zegt woningcorporatie Ymere Groep.", "Ymere Groep"),
    ("Dat meldt Aedes, de vereniging van woningcorporaties, in een reactie.", "Aedes"),
    ("Volgens de cijfers van Techniek Nederland, de brancheorganisatie voor de installatiesector, groeit het tekort.",
     "Techniek Nederland"),
    ("De SER-commissie Sociaal-Economische Aangelegenheden (SEA) bespreekt het advies.",
     "SER-commissie Sociaal-Economische Aangelegenheden"),
    ("Foto's Hollandse Hoogte/Mark Visser", "Hollandse Hoogte"),
])
def test_organisations_introduced_by_what_they_are(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "Netbeheerder De Vries zei dat niet.",                      # a sentence's first word is no cue
    "het pensioenfonds In de toekomst moet dat anders",        # a guard word is no name
    "Ook Nederland, de grootste economie van de regio, groeit.",  # a place defined by an apposition
    "De SER-commissie Arbeidsomstandigheden. De raad besluit.",  # a sentence's first word ends the name
])
def test_introductions_that_are_no_organisations(text):
    names = found(text)
    assert not {"De Vries", "In", "Nederland", "Arbeidsomstandigheden De"} & set(names)
    assert "SER-commissie Arbeidsomstandigheden De" not in names


def test_de_unie_at_the_end_of_a_longer_written_form():
    from polder.extract.pipeline import extract
    from polder.extract.reader import RawDocument
    text = ("Het initiatief kwam van de vakbond De Unie. Vakbond De Unie stemde in. "
            "De Unie van Utrecht is een verdrag. Binnen de Unie geldt dat ook.\n")
    ex = extract(RawDocument("unie.txt", "unie", text, "utf-8", "0"))
    assert written(ex, "org/de-unie") == ["vakbond De Unie", "Vakbond De Unie"]


@pytest.mark.parametrize("text, name", [
    ("Met het project Nieuwe Energie voor de Bouw krijgen jongeren werk.", "Nieuwe Energie voor de Bouw"),
    ("Doel van de pilot Werkfit Twente is om", "Werkfit Twente"),
    ("met het platform Eerlijk Werk Online, een samenwerking van", "Eerlijk Werk Online"),
    ("Het kabinet steunt het initiatief Wijs met Werk sinds 2024.", "Wijs met Werk"),
    ("je hebt het project Samen\nSterk Rotterdam. Dat loopt.", "Samen Sterk Rotterdam"),  # a column's line break
    ("gebruikten de Proeftuin Zorgrobots voor het testen", "Proeftuin Zorgrobots"),
    ("volgens het Kenniscentrum Techniek is dat", "Kenniscentrum Techniek"),
])
def test_a_name_introduced_by_what_it_is(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "Het programma Arbo Actief is nog in ontwikkeling.",     # a programme is an instrument
    "Via het platform LinkedIn vinden zij werk.",            # one capitalised word is not enough
    "Het project loopt sinds mei. Nieuwe Leden zijn welkom.",  # no name right after the noun
    "Een pilot in Groningen Stad liep goed.",                # the noun is no article's
    "het project De Nieuwe Bouw",                            # a determiner opens no such name
    "het platform\n\nNieuwe Kop Hier",                       # a blank line ends the name
])
def test_introduced_name_look_alikes(text):
    assert not {n for n, cls in found(text).items()} - {"Groningen Stad"}


@pytest.mark.parametrize("text", [
    "Tekst Noor Brandsma | Beeld Hidde Kooistra/ANP",  # the photographer first, then the agency
    "Foto's Mark Visser/Hollandse Hoogte",
])
def test_a_photographer_before_the_agency_is_no_organisation(text):
    assert not any(c.rule == "org/photo-agency/2" for c in candidates(text))


@pytest.mark.parametrize("text, name, rule", [
    ("zegt Sanne Kok, beleidsadviseur bij Kragten Installatiegroep in Zwolle.", "Kragten Installatiegroep",
     "org/role-at/1"),
    ("Hij werkt als monteur bij Heijmans sinds 2019.", "Heijmans", "org/role-at/1"),
    ("Joost Smit is algemeen directeur van Kragten Installatiegroep.", "Kragten Installatiegroep",
     "org/company-compound/1"),
    ("Ook Dijkstra Bouwbedrijf zoekt mensen.", "Dijkstra Bouwbedrijf", "org/company-compound/1"),
])
def test_companies_by_a_role_bij_them_or_by_their_trade(text, name, rule):
    assert (name, rule) in {(c.name, c.rule) for c in candidates(text)}


@pytest.mark.parametrize("text", [
    "zegt de adviseur bij de gemeente.",  # an article: left to other rules
    "een woordvoerder bij Minister Van Hijum",  # an office, no organisation
    "onderzoeker bij Nederland en België",  # a country
    "De Werkgroep vergaderde. Deze Doelgroep is groot.",  # a group of people, no company
    "De Bouwgroep belde.",  # a determiner before the trade
])
def test_role_bij_and_trade_look_alikes(text):
    assert not any(c.rule in ("org/role-at/1", "org/company-compound/1") for c in candidates(text)), candidates(text)


@pytest.mark.parametrize("text, name, rule", [
    ("Ook het Isala ziekenhuis zoekt technici.", "Isala ziekenhuis", "org/hospital/1"),
    ("Het bedrijf werkt samen met het Deltion College en de gemeente.", "Deltion College", "org/college/1"),
])
def test_a_name_before_a_lower_case_hospital_or_a_bare_college(text, name, rule):
    assert (name, rule) in {(c.name, c.rule) for c in candidates(text)}


@pytest.mark.parametrize("text", [
    "Het ziekenhuis belde.", "in het Rotterdamse ziekenhuis werkt zij", "Het College besloot.",
    "Dat vond het Haagse College ook.", "Elk ziekenhuis doet mee.",
])
def test_hospital_and_college_look_alikes(text):
    assert not any(c.rule in ("org/hospital/1", "org/college/1") for c in candidates(text)), candidates(text)


def test_a_company_before_its_product_is_no_mention_of_the_company():
    from polder.extract.pipeline import extract
    from polder.extract.reader import RawDocument
    text = ("Locatie: Microsoft Teams. Microsoft investeert in AI-scholing en de vergadering via Google Meet "
            "ging goed; Microsoft\nWord is daarbij niet gebruikt.\n")
    ex = extract(RawDocument("teams.txt", "teams", text, "utf-8", "0"))
    # only the company that acts keeps its mention ("Microsoft investeert"); "Microsoft\nWord" is a product
    # on two lines, still a product
    assert written(ex, "org/microsoft") == ["Microsoft"] and len(
        [m for m in ex.mentions if m.key == "org/microsoft"]) == 1


@pytest.mark.parametrize("text, name", [
    ("Samen met Fontys Hogescholen is een leerroute opgezet.", "Fontys Hogescholen"),
    ("studenten van Avans Hogeschool in Breda", "Avans Hogeschool"),
])
def test_a_name_before_hogeschool(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "Veel Nederlandse Hogescholen bieden dat aan.",  # an adjective
    "Elke Hogeschool kiest zelf.",                    # a determiner
])
def test_hogeschool_look_alikes(text):
    assert not {n for n in found(text) if "Hogeschol" in n or "Hogeschool" in n}


def test_a_care_group_and_a_care_role_at_an_organisation():
    assert "Zorggroep Noorderbreedte" in found("Kijk naar Zorggroep Noorderbreedte in Leeuwarden.")
    assert "Buurtzorg" in found("Functie: wijkverpleegkundige bij Buurtzorg\n")
    # a sentence's first capitalised word after 'bij' that is a place stays out
    assert "Nederland" not in found("Zij werkt als verpleegkundige bij Nederland het meest.")


@pytest.mark.parametrize("text, name", [
    ("Bij Universiteit Utrecht en Radboud Universiteit werken ze.", "Universiteit Utrecht"),
    ("Bij Ziekenhuis Gelderse Vallei werken ze.", "Ziekenhuis Gelderse Vallei"),
    ("Ook Microsoft Nederland B.V. doet mee.", "Microsoft Nederland"),
])
def test_a_refused_first_word_does_not_hide_the_name_after_it(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "De Universiteit is groot.",        # after the refused word no name is left
    "Volgens De Stichting werkt het.",
    "Ook Nederland BV doet mee.",       # the name after the refused word is refused too
])
def test_refused_first_word_look_alikes(text):
    assert found(text) == {}


@pytest.mark.parametrize("text, name", [
    ("Het familiebedrijf Hazelhoff leidt elk jaar leerlingen op.", "Hazelhoff"),
    ("Het technologiebedrijf Lightyear ging failliet.", "Lightyear"),
    ("Volgens de autofabrikant Tesla kan dat.", "Tesla"),
])
def test_a_company_introduced_by_a_compound_of_what_it_is(text, name):
    assert name in found(text)


@pytest.mark.parametrize("text", [
    "voor het bedrijf Jan Smit zei dat het kon.",   # the bare noun: often a person follows
    "Het bouwbedrijf Nederland draait op volle toeren.",  # a place
    "Het familiebedrijf. Daarna ging het mis.",
])
def test_company_noun_look_alikes(text):
    assert found(text) == {}


def test_a_companys_branch_before_a_legal_form_is_the_company():
    from polder.extract.pipeline import extract
    from polder.extract.reader import RawDocument
    text = "Bij ASML Netherlands B.V. in Veldhoven en bij Techniek Nederland werken ze samen.\n"
    ex = extract(RawDocument("asml.txt", "asml", text, "utf-8", "0"))
    keys = {k for k, e in ex.entities.items() if e.cls == "Organisation"}
    assert "org/asml" in keys and "org/asml-netherlands" not in keys
    assert "ASML Netherlands" in written(ex, "org/asml")
    # a name of its own that ends in "Nederland" stays itself
    assert "org/techniek-nederland" in keys


def extracted_orgs(text: str) -> dict[str, set[str]]:
    from polder.extract.pipeline import extract
    from polder.extract.reader import RawDocument
    result = extract(RawDocument(path="t.txt", stem="t", text=text, encoding="utf-8", sha256="0" * 64))
    return {e.key: {e.label, *e.alt_labels} for e in result.entities.values()
            if e.cls in ("Organisation", "AdvisoryBody", "Committee")}


def test_an_acronym_may_take_letters_from_inside_a_compound_word():
    from polder.extract.organisations import spells_with_compound_parts
    assert spells_with_compound_parts(["Sociale", "Verzekeringsbank"], "SVB")
    assert spells_with_compound_parts(["Nederlandse", "Vereniging", "voor", "Volkskrediet"], "NVVK")
    assert not spells_with_compound_parts(["Nederlandse", "Vereniging"], "NVX")
    assert not spells_with_compound_parts(["Vereniging", "Nederland"], "NVB")


def test_an_acronym_the_text_defines_for_another_name_names_that_one():
    """The reference data gives NVVK to the Nederlandse Vereniging voor Veiligheidskunde; a text that writes
    "Nederlandse Vereniging voor Volkskrediet (NVVK)" means its own, every time it writes NVVK."""
    orgs = extracted_orgs("Nieuws\n\nDe Nederlandse Vereniging voor Volkskrediet (NVVK) pleit voor schuldhulp. "
                          "Volgens de NVVK is dat nodig.\n")
    assert "org/nvvk" not in orgs
    assert orgs["org/nederlandse-vereniging-voor-volkskrediet"] >= {"NVVK"}
    # the known name written slightly otherwise is the known organisation, not a redefinition
    orgs = extracted_orgs("Nieuws\n\nDe Raad voor Openbaar Bestuur (ROB) adviseert. Volgens de ROB is dat nodig.\n")
    assert "org/rob" in orgs and "org/raad-voor-openbaar-bestuur" not in orgs


def test_an_acronym_or_a_camel_case_word_before_nederland_is_an_organisation():
    orgs = extracted_orgs("Nieuws\n\nErbij waren ZZP Nederland en VluchtelingenWerk Nederland. Ook in Midden Nederland "
                          "en bij de SER Nederland.\n")
    assert {"org/zzp-nederland", "org/vluchtelingenwerk-nederland"} <= set(orgs)
    assert not any("midden" in key or key == "org/ser-nederland" for key in orgs)


def test_a_committee_whose_name_enumerates_with_commas():
    """"SER-commissie Werk, Zorg en Inkomen (WZI)" is one committee; "de commissie Werk, Zorg en Inkomen (WZI)" in
    the same document is that SER committee. A comma that does not enumerate ends the name."""
    orgs = extracted_orgs("Nieuws\n\nDe SER-commissie Werk, Zorg en Inkomen (WZI) adviseert. Voorzitter van de commissie "
                          "Werk, Zorg en Inkomen (WZI) is Ruud Scheepmaker.\n")
    assert set(orgs) >= {"org/ser/ser-commissie-werk-zorg-en-inkomen"} and "WZI" in orgs["org/ser/ser-commissie-werk-zorg-en-inkomen"]
    assert not any(key.startswith("org/commissie-werk") for key in orgs)
    orgs = extracted_orgs("Nieuws\n\nDe SER-commissie Arbeidsomstandigheden, Bert Smit en anderen spraken.\n")
    assert "org/ser/ser-commissie-arbeidsomstandigheden" in orgs


def _committees(text: str, kind: str) -> dict[str, tuple[str | None, str | None]]:
    from polder.extract.organisations import as_ser_committees, key_for
    found = as_ser_committees(sorted(candidates(text, kind), key=lambda c: (c.start, -c.end)), text, kind)
    return {c.name: (c.parent, key_for(c, "")) for c in found if c.cls == "Committee"}


def test_a_committee_named_in_the_sers_own_documents_is_the_sers():
    text = ("De commissie Werkende Armoede bereidde het advies voor; ook de commissie Arbeidsmarkt- en "
            "Onderwijsbeleid sprak erover. De commissie Arbeidsomstandigheden vergaderde.")
    found = _committees(text, "minutes")
    assert found["commissie Werkende Armoede"] == ("org/ser", "org/ser/ser-commissie-werkende-armoede")
    assert found["commissie Arbeidsmarkt- en Onderwijsbeleid"][0] == "org/ser"
    assert found["commissie Arbeidsomstandigheden"][0] == "org/ser"
    # not in a cabinet's letter; not the Europese Commissie, a Kamer committee or one named after its chair
    assert _committees(text, "government_response") == {}
    assert _committees("De Europese Commissie en de vaste commissie Sociale Zaken. Volgens de commissie "
                       "Borstlap niet; de commissie De Vries wel.", "minutes") == {}


def test_an_acronym_after_a_ser_committee_is_its_own_and_names_it_later():
    text = ("De SER-commissie Arbeidsmarkt en Sociale Zekerheid (ASZ) kwam bijeen; de commissie ASZ besloot. "
            "Het advies is voorbereid door de Commissie Sociaal-Economische Vraagstukken (SEV) van de SER.")
    found = _committees(text, "government_response")
    key = "org/ser/ser-commissie-arbeidsmarkt-en-sociale-zekerheid"
    assert found["SER-commissie Arbeidsmarkt en Sociale Zekerheid"] == ("org/ser", key)
    assert found["commissie ASZ"] == ("org/ser", key)
    assert found["Commissie Sociaal-Economische Vraagstukken"][0] == "org/ser"  # "... (SEV) van de SER"


def test_a_preposition_opening_the_sentence_is_no_part_of_the_name():
    names = found("Volgens Glastuinbouw Nederland, de brancheorganisatie van telers, groeit het.")
    assert "Glastuinbouw Nederland" in names and "Volgens Glastuinbouw Nederland" not in names


def test_a_company_named_after_a_family_before_its_legal_form():
    assert "Van Rooij Kunststoftechniek" in found("Bij Van Rooij Kunststoftechniek B.V. in Helmond werken 240 mensen.")
    assert not any(name.startswith("Van ") for name in found("Van Shell B.V. kwam geen reactie."))


def test_the_young_members_branch_named_before_its_organisation():
    from polder.extract.organisations import unit_candidates
    found = {c.name: c.parent for c in unit_candidates("Namens Jong VNO-NCW en Jong MKB-Nederland sprak zij. Jong Nederland niet.")}
    assert found == {"Jong VNO-NCW": "org/vno-ncw", "Jong MKB-Nederland": "org/mkb-nederland"}


@pytest.mark.parametrize("text, name", [
    ("het Nationaal Regieorgaan Onderwijsonderzoek (NRO) financiert", "Nationaal Regieorgaan Onderwijsonderzoek"),
    ("de European Financial Reporting Advisory Group (EFRAG) stelt de standaarden op",
     "European Financial Reporting Advisory Group"),
])
def test_a_name_with_its_acronym_and_a_head_of_another_kind(text, name):
    assert found(text).get(name) == "Organisation"


def test_a_municipality_is_named_on_one_line():
    # a heading that ends in "gemeente" above a sentence, a fact box's "provincie Noord-Brabant" above a label
    text = "De rol van de gemeente\nWethouder Ruud Hermans opende.\n\nprovincie Noord-Brabant\nDeelnemers: zes"
    assert found(text) == {"provincie Noord-Brabant": "Organisation"}


def test_the_eu_in_an_instruments_number_is_no_mention_of_the_union(tmp_path):
    result = extracted(tmp_path, "Kabinetsreactie op het SER-advies 'Rapportage'\n\nDe Richtlijn 2013/34/EU wordt "
                                 "gewijzigd. De EU wil dat zelf.\n")
    eu = [m.span.start for m in result.mentions if m.key == "org/eu"]
    assert len(eu) == 1  # "De EU wil", not "2013/34/EU"


def test_courts_by_their_seat():
    assert found("Hij was raadsheer in het gerechtshof Arnhem-Leeuwarden en rechter in de rechtbank Den Haag.") == {
        "gerechtshof Arnhem-Leeuwarden": "Organisation", "rechtbank Den Haag": "Organisation"}


def test_the_committee_that_prepared_an_advice_in_a_response():
    text = "Het kabinet dankt Hester Wolthuis, die de voorbereidende commissie Leren en Ontwikkelen voorzat."
    assert found(text, "government_response") == {"commissie Leren en Ontwikkelen": "Committee"}


@pytest.mark.parametrize("text, name", [
    ("lid van de raad van bestuur van Koninklijke BAM Groep.", "Koninklijke BAM Groep"),
    ("Zij werkte vijftien jaar bij Royal HaskoningDHV.", "Royal HaskoningDHV"),
    ("Hij is bestuurslid van LTO Noord.", "LTO Noord"),
])
def test_royal_names_and_regional_branches(text, name):
    assert found(text).get(name) == "Organisation"


def test_the_royal_predicate_alone_is_no_name():
    assert found("Bij Koninklijk Besluit is zij benoemd, zegt de Koninklijke.") == {}


def test_a_standing_committee_of_the_kamer_is_no_ministry(tmp_path):
    result = extracted(tmp_path, "Kabinetsreactie op het SER-advies 'X'\n\nIk heb de vaste commissie voor Sociale Zaken"
                                 " en Werkgelegenheid geïnformeerd. Het ministerie van Sociale Zaken en Werkgelegenheid "
                                 "betaalt.\n")
    committee = "org/tweede-kamer/vaste-commissie-voor-sociale-zaken-en-werkgelegenheid"
    assert result.entities[committee].cls == "Committee"
    assert len([m for m in result.mentions if m.key == "org/szw"]) == 1  # the ministry itself, once


def test_the_daily_board_alone_is_the_sers(tmp_path):
    result = extracted(tmp_path, "Verslag van de vergadering\n\n1. Opening\nHet dagelijks bestuur stelt voor de aanvraag"
                                 " te laten voorbereiden. Het dagelijks bestuur van de FNV is tegen.\n", "verslag.txt")
    assert len([m for m in result.mentions if m.key == "org/ser/dagelijks-bestuur"]) == 1


def test_an_ser_committee_named_with_its_council_in_any_document():
    text = "Het kabinet dankt de Commissie Arbeidsomstandigheden van de Sociaal-Economische Raad voor het advies."
    assert found(text, "government_response") == {"Commissie Arbeidsomstandigheden": "Committee"}
