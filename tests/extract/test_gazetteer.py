"""The gazetteer: known names with capitals inside them in running text."""
from __future__ import annotations

import pytest

from polder.extract.gazetteer import find, lower_first_word


@pytest.mark.parametrize("text, key", [
    ("Het kabinet steunt de richtlijn (EU) 2022/2041 over minimumlonen.", "law/richtlijn-minimumlonen"),
    ("Zoals de wet op de SER bepaalt, adviseert de raad.", "law/wet-op-de-ser"),
    ("Overigens biedt het steunpunt RI&E ondersteuning.", "org/steunpunt-rie"),
    ("Dat staat in boek 7 BW.", "law/bw7"),
])
def test_a_name_with_capitals_inside_may_open_in_lower_case(text, key):
    assert key in {hit.key for hit in find(text)}


def test_only_a_capitalised_first_word_of_a_longer_name_is_lowered():
    assert lower_first_word("Wet op de SER") == "wet op de SER"
    assert lower_first_word("Was") is None and lower_first_word("VN-Verdrag Handicap") is None
    assert lower_first_word("De SER") is None  # two letters: an article, not a noun
    # the rest keeps its capitals: "de richtlijn (eu) ..." is no form
    assert not any(h.key == "law/richtlijn-minimumlonen" for h in find("de richtlijn (eu) 2022/2041"))
