"""Organisation rules: each with a case that fires and a look-alike that must not."""
from __future__ import annotations

import pytest

from polder.extract.organisations import candidates, known_for


def found(text: str) -> dict[str, str]:
    return {c.name: c.cls for c in candidates(text)}


@pytest.mark.parametrize("text, name, cls", [
    ("samen met de Beroepsvereniging Arbo Adviseurs (BvAA) is gekeken", "Beroepsvereniging Arbo Adviseurs", "Organisation"),
    ("het Nederlands Centrum voor Beroepsziekten (NCvB) meldt", "Nederlands Centrum voor Beroepsziekten", "Organisation"),
    ("de commissie Sociale Zekerheid (SZ) adviseert", "commissie Sociale Zekerheid", "Committee"),
    ("volgens de Stichting Voor Werkende Ouders is dat", "Stichting Voor Werkende Ouders", "Organisation"),
    ("De heer X, voorzitter van de werkgroep internationaal, vertelt", "werkgroep internationaal", "Committee"),
    ("zoals de commissie-Borstlap voorstelde", "commissie-Borstlap", "Committee"),
    ("de SER-commissie Arbeidsomstandigheden bespreekt", "SER-commissie Arbeidsomstandigheden", "Committee"),
])
def test_organisation_found(text, name, cls):
    assert found(text).get(name) == cls


@pytest.mark.parametrize("text", [
    "de Corporate Sustainability Reporting Directive (CSRD) geldt",  # a directive, not a body
    "Zero Death by Accidents & Chemicals (ZDAC) is een programma",
    "De Stichting heeft dat besloten.",  # no name after Stichting
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
