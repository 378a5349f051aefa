"""The fast paths of the gazetteer, the footnote markers, sentence ends and `scan` find exactly
what the plain code they replace finds."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from polder.extract import gazetteer, scan, sentences
from polder.extract.clean import _MARKER, _is_marker, clean, markers_in
from polder.extract.reader import read_document
from polder.extract.reference import load_reference

# Words that begin known forms, in several casings, with characters that lower or fold oddly.
GAZETTEER_ALPHABET = st.sampled_from([
    "de", "De", "DE", "SER", "ser", "Ser", "Sociaal-Economische", "Raad", "raad", "van", "Wet", "op",
    "VNO-NCW", "FNV", "Arbeidsomstandighedenwet", "Burgerlijk", "Wetboek", "Nederland", "sociale",
    "zekerheid", "kabinet", "ſ", "K", "İ", "ß", "é", " ", "  ", "\n", "-", ".", ":", "&", "/", "(", ")"])


def plain_is_end(text: str, m: re.Match) -> bool:
    """`sentences._is_end` as it was before its fast path."""
    if m.group() == "\n":
        at = m.start()
        if sentences._ITEM.match(text, at + 1):
            return True
        line = text[text.rfind("\n", 0, at) + 1:at].rstrip()
        return bool(sentences._ITEM.match(line)) and line[-1:] not in ".,;:!?" and text[at + 1:at + 2].isupper()
    if m.group()[0] != ".":
        return True
    line_start = text.rfind("\n", 0, m.start()) + 1
    tok = sentences._TOKEN_BEFORE.search(text, max(line_start, m.start() - 30), m.end())
    if not tok:
        return True
    word = tok.group(1).lstrip("(‘“\"'[").lower()
    if word in sentences.ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if sentences._NUMBERING.fullmatch(word) and not text[line_start:tok.start(1)].strip():
        return False
    return True


def plain_markers(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in _MARKER.finditer(text) if _is_marker(text, m.start())]


def sentence_ends(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in sentences._END.finditer(text) if sentences._is_end(text, m)]


def plain_sentence_ends(text: str) -> list[tuple[int, int]]:
    return [m.span() for m in sentences._END.finditer(text) if plain_is_end(text, m)]


def test_fast_paths_change_nothing_on_the_corpus(corpus_dir):
    lexicon = gazetteer.dictionary(load_reference())
    for path in sorted(corpus_dir.iterdir()):
        raw = read_document(path).text
        view = clean(raw).text
        for text in (raw, view):
            assert gazetteer.find(text) == gazetteer._find_plain(text, lexicon)
            assert [m.span() for m in markers_in(text)] == plain_markers(text)
            assert sentence_ends(text) == plain_sentence_ends(text)


@settings(max_examples=300, deadline=None)
@given(st.lists(GAZETTEER_ALPHABET, max_size=40).map(" ".join), st.booleans())
def test_gazetteer_fast_scan_finds_what_the_token_scan_finds(text, glued):
    text = text.replace(" ", "") if glued else text
    lexicon = gazetteer.dictionary(load_reference())
    assert gazetteer.find(text) == gazetteer._find_plain(text, lexicon)


def test_gazetteer_falls_back_when_lowering_is_not_case_folding():
    assert gazetteer._simply_lowered("Straße") is None  # "ß" folds to "ss"
    assert gazetteer._simply_lowered("İstanbul") is None  # lower case "i̇" is two characters
    assert gazetteer._simply_lowered("Coöperatie SER") == "coöperatie ser"


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab.,)’\"12³ \n", max_size=30))
def test_glued_markers_are_the_accepted_marker_matches(text):
    assert [m.span() for m in markers_in(text)] == plain_markers(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aA1. \n\t!?”)(") + ["art", "nr", "o.a", "2.7", "- ", "• ", "bijv"]),
                max_size=40).map("".join))
def test_sentence_ends_are_the_plain_ones(text):
    assert sentence_ends(text) == plain_sentence_ends(text)


def test_needed_any_looks_into_alternatives():
    assert scan.needed_any(re.compile(r"(\*\*|__)x|(?<!\w)\*y")) == (("**", "*y", "__"), False)
    assert scan.needed_any(re.compile(r"(?i)\bdit\s+advies\b|\bin\s+dit\s+advies\b")) == (("advies",), True)
    assert scan.needed_any(re.compile(r"a|b?")) == ((), False)  # the second branch needs nothing
    assert scan.needed_any(re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)) == (("#",), False)
    assert scan.may_match(re.compile(r"(\*\*|__)x|\*y"), "geen sterren") is False


def test_opened_puts_the_first_characters_in_front():
    assert scan.opened(re.compile(r"(?<![\w-])(?:[Ss]ub)?[Cc]ommissie")).pattern == \
        r"(?=[SsCc])(?<![\w-])(?:[Ss]ub)?[Cc]ommissie"
    assert scan.opened(re.compile(r"Stichting")) is None  # `re` searches for a literal itself
    assert scan.opened(re.compile(r"(?i)\bkabinet")) is None
    assert scan.opened(re.compile(r"\s*x")) is None
    assert scan.opened(re.compile(r"(?:a|b?)")) is None  # may match empty text
