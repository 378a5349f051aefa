"""The fast paths of extraction find exactly what the plain regex scans they replace find."""
from __future__ import annotations

import re

from hypothesis import given, settings, strategies as st

from polder.extract import classify, clean, legal, organisations, persons, scan
from polder.extract.clean import _HYPHEN_BREAK, _hyphen_breaks
from polder.extract.reader import read_document

# Text made of the characters the patterns care about, plus those that fold to ASCII.
ALPHABET = st.sampled_from(list("aeknrsSKCc -\n\t.,()&/éſKıİ12³*#") + [
    "Kamer", "commissie", "Stichting", "Nederland", "kabinet", "Uw", "de", "SER", "ROC", "heer", "artikel", "wet",
    "Wet", "lid", "Jansen", "<sup>", "</sup>", "**", "[a](b)", "College", "Universiteit"])
TEXTS = st.lists(ALPHABET, max_size=60).map("".join)


def all_patterns() -> list[re.Pattern]:
    """Every pattern that extraction scans whole texts with through `scan`."""
    rules, _ = organisations.load_rules()
    _, cues = classify._cues()
    data = organisations.load_data()
    specs = data["unit"] + data["addressee"] + [data["typo"]]
    people = persons.lexicon()
    return ([r.regex for r in rules] + [p for kind in cues.values() for p, _, _ in kind]
            + [re.compile(s["pattern"]) for s in specs]
            + [r.regex for r in legal.load_rules()[0]] + [r.regex for r in legal.named_law_rules()]
            + [regex for regex, _ in people.rules.values()] + [people.full]
            + [clean._MARKER, clean._MD_HEADING, clean._MD_PAIRED, clean._MD_TAG, clean._MD_ESCAPE, clean._MD_LINK])


def spans(matches) -> list[tuple[int, int]]:
    return [m.span() for m in matches]


def test_needed_text_is_what_every_match_contains():
    assert scan.needed_text(re.compile(r"(?<![\w-])Stichting\s+[A-Z]")) == ("Stichting", False)
    assert scan.needed_text(re.compile(r"[Cc]ommissie-(?P<n>[A-Z]\w+)")) == ("ommissie-", False)
    assert scan.needed_text(re.compile(r"(?i)\bKabinet\b")) == ("kabinet", True)
    assert scan.needed_text(re.compile(r"a(?i:bc)d")) == ("a", False)  # a group with its own flags counts as unknown
    assert scan.needed_text(re.compile(r"(?:ab|cd)?x")) == ("x", False)
    assert scan.needed_text(re.compile(r"(?i)é")) == ("", False)


def test_case_insensitive_skip_respects_characters_that_fold_to_ascii():
    regex = re.compile(r"(?i)kabinet")
    for text in ("het KABİNET", "het Kabinet", "het \u212aabinet"):  # the last with a Kelvin sign
        assert regex.search(text)
        assert scan.may_match(regex, text)
        assert spans(scan.finditer(regex, text)) == spans(regex.finditer(text))
    assert scan.may_match(regex, "geen reactie") is False


def test_skipping_changes_nothing_on_the_corpus(corpus_dir):
    texts = [read_document(p).text for p in sorted(corpus_dir.iterdir())]
    for regex in all_patterns():
        for text in texts:
            assert spans(scan.finditer(regex, text)) == spans(regex.finditer(text)), regex.pattern


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_skipping_changes_nothing_on_random_text(text):
    for regex in all_patterns():
        assert spans(scan.finditer(regex, text)) == spans(regex.finditer(text)), regex.pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(list("ab1_- \t\nXé²") + ["-\n", "en"]), max_size=40).map("".join))
def test_hyphen_breaks_found_from_the_hyphen_are_the_regex_matches(text):
    fast = [(m.span(), m.groups()) for m in _hyphen_breaks(text)]
    assert fast == [(m.span(), m.groups()) for m in _HYPHEN_BREAK.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=" \t\n\u00a0.a!“", max_size=20), st.integers(0, 20))
def test_starts_sentence_reads_back_over_space_like_rstrip(text, pos):
    pos = min(pos, len(text))
    before = text[:pos].rstrip()
    assert organisations.starts_sentence(text, pos) == (not before or before[-1] in ".!?:“\"‘")


def test_without_the_regex_parser_scan_is_plain_and_finds_the_same(corpus_dir, monkeypatch):
    """`scan` reads patterns with `re`'s private parser; where a Python lacks it, the plain
    scans run instead and find the same."""
    texts = [read_document(path).text for path in sorted(corpus_dir.iterdir())]
    patterns = all_patterns()
    fast = [[spans(scan.finditer(p, t)) for p in patterns] for t in texts]
    monkeypatch.setattr(scan, "sre_parse", None)
    assert scan.may_match(re.compile("Stichting"), "no such word")
    assert [[spans(scan.finditer(p, t)) for p in patterns] for t in texts] == fast
