"""The fast paths of the gazetteer, the footnote markers, sentence ends and `scan` find exactly
what the plain code they replace finds."""
from __future__ import annotations

import re
from pathlib import Path

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


def stop_texts(max_size: int):
    """Texts of the pieces that decide whether a full stop ends a sentence."""
    pieces = list("aA1. \n\t\xa0\f!?”)(‘") + ["art", "nr", "o.a", "2.7", "bijv", "Kamerstukken"]
    return st.lists(st.sampled_from(pieces), max_size=max_size).map("".join)


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


# ---------------------------------------------------------------- second round of fast paths

def ignore_case_patterns() -> list[re.Pattern]:
    """The case-insensitive patterns of the rules, which `scan.finditer` leads in on the lowered text."""
    from polder.extract import classify
    _, cues = classify._cues()
    found = [p for rules in cues.values() for p, _, _ in rules]
    found += [re.compile(r"(?i)\b(?:de\s+)?x\s*y?\s+z|\bab(?:c|d\s+e)?\b"), re.compile(r"(?i)s\s*k\b")]
    return [p for p in found if scan.folded_lead(p) is not None]


def test_folded_lead_reads_the_leading_literals():
    assert scan.folded_lead(re.compile(r"(?i)\b(?:de\s+)?voorzitter,?\s+(?:\w+\s+)?opent\b")).pattern == \
        r"(?:de\s+voorzitter(?:,\s+|\s+)|voorzitter(?:,\s+|\s+))"
    assert scan.folded_lead(re.compile(r"(?i)\bDe (?:Staatssecretaris|Minister)\b")).pattern == \
        r"de\ (?:staatssecretaris|minister)"
    assert scan.folded_lead(re.compile(r"Stichting")) is None  # case-sensitive: `re` does it
    assert scan.folded_lead(re.compile(r"(?i)\w+ing")) is None  # no literal to lead with
    assert scan.folded_lead(re.compile(r"(?i)a?")) is None  # may match empty text


def test_case_insensitive_patterns_find_the_plain_matches_on_the_corpus(corpus_dir):
    patterns = ignore_case_patterns()
    assert len(patterns) > 10
    for path in sorted(corpus_dir.iterdir()):
        raw = read_document(path).text
        for text in (raw, clean(raw).text):
            for p in patterns:
                assert [m.span() for m in scan.finditer(p, text)] == [m.span() for m in p.finditer(text)], p.pattern


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["de", "De", "DE", "voorzitter", "VOORZITTER", "opent", "x", "X", "y", "z", "ab",
                                 "abc", "abd e", "s", "ſ", "K", "k", "İ", "é", " ", "  ", "\n", ",", "-"]),
                max_size=30).map("".join))
def test_case_insensitive_patterns_find_the_plain_matches(text):
    for p in ignore_case_patterns():
        assert [m.span() for m in scan.finditer(p, text)] == [m.span() for m in p.finditer(text)], p.pattern


def test_gazetteer_asks_for_the_next_token_of_words_that_are_no_form():
    first = gazetteer.dictionary(load_reference()).first_tokens
    assert first.match("de") is None and first.match("de nederlandse") is None
    assert first.match("de nederlandsche bank").group() == "de"
    assert first.match("kabinet") is not None  # a form by itself
    assert first.match("wet") is None and first.match("wet op de ondernemingsraden").group() == "wet"


@settings(max_examples=300, deadline=None)
@given(stop_texts(max_size=40))
def test_token_before_a_stop_is_what_the_regex_finds(text):
    for m in sentences._END.finditer(text):
        if m.group()[0] != ".":
            continue
        lo = max(0, m.start() - 30)
        tok = sentences._TOKEN_BEFORE.search(text, lo, m.end())
        if tok and tok.start(1) >= m.start():  # the stop's own first character: no word
            assert set(tok.group(1)) <= set(".!?") and sentences._token_before(text, lo, m.start()) == ""
        else:
            assert sentences._token_before(text, lo, m.start()) == (tok.group(1) if tok else "")


def plain_breaks(text: str) -> list[tuple[int, int]]:
    from polder.extract.clean import _BREAK
    return [m.span() for m in _BREAK.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="a \t\n\f.", max_size=40))
def test_line_breaks_are_the_plain_ones(text):
    from polder.extract.clean import _breaks
    assert [m.span() for m in _breaks(text)] == plain_breaks(text)


def test_clean_maps_through_each_pass_as_composing_does(corpus_dir):
    from polder.extract.clean import CleanText, _apply, _compose, _passes
    for path in sorted(corpus_dir.iterdir()):
        result = CleanText(read_document(path).text, list(range(len(read_document(path).text) + 1)))
        for step in _passes():
            edits, appendix = step(result.text)
            plain = _compose(result, _apply(result.text, edits, appendix))
            result = _apply(result.text, edits, appendix, result.origin)
            assert result == plain
        assert result == clean(read_document(path).text)


def plain_role_before(window: str):
    from polder.extract.persons import _role_before_pattern, lexicon
    return _role_before_pattern(lexicon().role, lexicon().field).search(window)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["SER-", "voorzitter", "Voorzitter", "algemeen", "plaatsvervangend", "secretaris",
                                 "projectleider", "lid", "de", "Kamer", "hoogleraar", "arbeidsrecht",
                                 "economie", " ", "  ", "\n", "\t", "-", "x"]),
                max_size=14).map("".join))
def test_role_before_searches_only_the_last_words(window):
    from polder.extract.persons import _role_before_pattern, _role_search_start, lexicon
    fast = _role_before_pattern(lexicon().role, lexicon().field).search(window, _role_search_start(window))
    plain = plain_role_before(window)
    assert (fast and (fast.span(), fast.groupdict())) == (plain and (plain.span(), plain.groupdict()))


def test_role_before_on_the_corpus(corpus_dir):
    from polder.extract.persons import _role_before_pattern, _role_search_start, lexicon
    regex = _role_before_pattern(lexicon().role, lexicon().field)
    for path in sorted(corpus_dir.iterdir()):
        text = clean(read_document(path).text).text
        for m in re.finditer(r"[A-Z]", text):  # every place a name may begin
            window = text[max(0, m.start() - 60):m.start()]
            fast = regex.search(window, _role_search_start(window))
            plain = regex.search(window)
            assert (fast and fast.span()) == (plain and plain.span())


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 30), st.integers(0, 10)).map(lambda t: (t[0], t[0] + t[1])), max_size=8),
       st.integers(0, 40), st.integers(0, 10))
def test_overlap_test_is_any_overlap(spans, start, width):
    from polder.extract.persons import _overlap_test
    end = start + width
    assert _overlap_test(spans)(start, end) == any(s < end and start < e for s, e in spans)


def test_relate_keeps_one_of_each_relation_when_the_list_is_replaced():
    from polder.extract.context import Context
    from polder.extract.model import DocumentInfo, Extraction, Relation
    ctx = Context(raw=None, clean=None, result=Extraction(DocumentInfo("s", "p", "other", None, None, "utf-8", "", 0)))
    ctx.relate("a", "p", "v", "r")
    ctx.relate("a", "p", "v", "r")
    ctx.result.relations = list(ctx.result.relations)  # as `persons.rekey` does
    ctx.relate("a", "p", "v", "r")
    ctx.result.relations.append(Relation("b", "p", "v", "r"))  # a list changed behind its back
    ctx.relate("b", "p", "v", "r")
    assert [r.subject for r in ctx.result.relations] == ["a", "b"]


# ---------------------------------------------------------------- third round of fast paths

def plain_dropped(ctx, hit) -> bool:
    """`organisations.dropped` as it was before its rules were compiled once."""
    from polder.extract.organisations import load_data, starts_sentence
    text = ctx.text
    for spec in load_data()["drop"]:
        if spec.get("key", hit.key) != hit.key:
            continue
        if "unless_written" in spec:
            if text[hit.start:hit.end] != spec["unless_written"] or starts_sentence(text, hit.start):
                return True
        elif re.search(spec.get("before", ""), text[max(0, hit.start - 20):hit.start]) and \
                re.search(spec.get("after", ""), text[hit.end:hit.end + 30]):
            return True
    return False


def test_sentence_ends_found_once_are_the_plain_ones(corpus_dir):
    for path in sorted(corpus_dir.iterdir()):
        raw = read_document(path).text
        for text in (raw, clean(raw).text):
            found = sentences.SentenceEnds(text)
            assert list(zip(found.starts, found.ends)) == plain_sentence_ends(text)


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(list("aA1. \n\t\f!?”)(") + ["art", "nr", "o.a", "2.7", "- ", "• ", "bijv", "\n\n"]),
                max_size=40).map("".join))
def test_sentence_ends_loop_is_the_plain_one(text):
    found = sentences.SentenceEnds(text)
    assert list(zip(found.starts, found.ends)) == plain_sentence_ends(text)
    assert found.closes == [e if text[s] in ".!?" else s for s, e in plain_sentence_ends(text)]


def test_compiled_drop_rules_drop_what_the_plain_rules_drop(corpus_dir):
    from polder.extract import organisations
    from polder.extract.context import Context
    from polder.extract.gazetteer import find
    for path in sorted(corpus_dir.iterdir()):
        view = clean(read_document(path).text)
        ctx = Context(raw=None, clean=view, result=None)
        hits = find(view.text)
        assert hits
        assert [organisations.dropped(ctx, h) for h in hits] == [plain_dropped(ctx, h) for h in hits]
    # "De Unie" kept only mid-sentence as written; a citation "(SER) 12/3" dropped.
    from polder.extract.gazetteer import Hit
    text = "Zo zei De Unie dat. De Unie zegt (SER - 2019/12) en de Unie"
    ctx = Context(raw=None, clean=clean(text), result=None)
    for start in (text.index("De Unie"), text.rindex("De Unie"), text.index("SER"), text.rindex("Unie")):
        for key in ("org/de-unie", "org/ser"):
            hit = Hit(start, start + 7 if "Unie" in text[start:start + 7] else start + 3, key, "Organisation")
            assert organisations.dropped(ctx, hit) == plain_dropped(ctx, hit)


# ---------------------------------------------------------------- fourth round of fast paths

@settings(max_examples=400, deadline=None)
@given(stop_texts(max_size=60))
def test_token_before_a_stop_needs_no_narrowing_to_its_line_and_last_space(text):
    for m in sentences._END.finditer(text):
        if m.group()[0] != ".":
            continue
        start = m.start()
        lo = max(0, start - 30)
        on_line = text.rfind("\n", lo, start) + 1 or lo  # as `_stop_ends` narrowed the window before
        narrowed = text.rfind(" ", on_line, start) + 1 or on_line
        assert sentences._token_before(text, lo, start) == sentences._token_before(text, narrowed, start)


def test_glued_markers_tried_at_digits_are_the_regex_matches(corpus_dir):
    from polder.extract.clean import _GLUED_MARKER, _glued_markers
    texts = [read_document(p).text for p in sorted(corpus_dir.iterdir())]
    texts += ["Arbovisie3 en technologie.6, advies‘x’12 of CO2 en 2.7. ¹²", "a1", "1", ""]
    for text in texts:
        assert [m.span() for m in _glued_markers(text)] == [m.span() for m in _GLUED_MARKER.finditer(text)]


def test_clean_maps_offsets_past_the_shared_table(monkeypatch):
    from polder.extract import clean as cleaning
    text = "Een regel die\ndoorloopt.\n\n3\n\nEn nog een zin. " * 20
    shared = clean(text)
    monkeypatch.setattr(cleaning, "IDENTITY_LIMIT", 10)
    assert clean(text) == shared
    assert clean("geen wijziging") == cleaning.CleanText("geen wijziging", list(range(len("geen wijziging") + 1)))


def test_remembered_pieces_belong_to_their_text():
    regex = re.compile(r"Stichting\s+[A-Z]")
    with_piece, without = "de Stichting Arbeid", "geen stichting hier"
    for _ in range(2):
        assert scan.may_match(regex, with_piece) and not scan.may_match(regex, without)
    assert scan.may_match(regex, "".join(["de Stichting", " Arbeid"]))  # equal text, other object


# ---------------------------------------------------------------- openings that match no text

ZERO_WIDTH_OPENINGS = [
    r"(?<=[rs])(?:(?<=leider)|(?<=directeur))[^\S\n]+van[^\S\n]+(?P<name>[A-Z]\w+)",
    r"(?:\A|(?<=\n)|(?<=[.!?] ))(?P<name>[A-Z][\w&-]*(?:[^\S\n]+[A-Z][\w&-]*){0,2})[^\S\n]+is[^\S\n]+een",
    r"(?<![\w&-])(?P<name>[A-Z][\w&-]+),[^\S\n]+de[^\S\n]+vereniging",
    r"(?=[A-Z])(?<!\.)[A-Z]+\b",
    r"(?im)kabinetsstandpunt|^\s*(?:reactie|standpunt)\s+(?:van\s+het\s+)?kabinet\b",
    r"(?i)^\s*reactie\s+kabinet",
    r"(?im)^[ \t]*reactie",  # its lead is only the line start: it also matches past a last line break
    r"(?m)(?<=\n)\b",  # a pattern that matches empty text
]


def test_zero_width_openings_are_left_out_of_the_loose_pattern():
    loose = scan.unguarded(re.compile(ZERO_WIDTH_OPENINGS[0]))
    assert loose.pattern.startswith(r"[^\S\n][^\S\n]*van")  # a class to search for, then the rest
    assert scan.unguarded(re.compile(ZERO_WIDTH_OPENINGS[1])).pattern.startswith("(?P<name>[A-Z]")
    assert scan.unguarded(re.compile(r"(?:a|(?<=b))c")) is None  # the opening may match "a"
    assert scan.unguarded(re.compile(r"(?<=x)\s*y")) is None  # nothing left to search for


def test_a_line_start_stays_in_the_lead():
    assert scan.folded_lead(re.compile(ZERO_WIDTH_OPENINGS[4])).pattern == (
        r"(?:kabinetsstandpunt|(?m:^)\s*(?:reactie\s+(?:van\s+het\s+kabinet|kabinet)"
        r"|standpunt\s+(?:van\s+het\s+kabinet|kabinet)))")
    assert scan.folded_lead(re.compile(ZERO_WIDTH_OPENINGS[5])).pattern == r"\A\s*reactie\s+kabinet"


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(["leider", "directeur", "Directeur", "van", "de", "Raad", "SER", "is", "een",
                                 "vereniging", "Reactie", "reactie", "kabinet", "Kabinetsstandpunt", "standpunt",
                                 "het", "A", "a.", ".", "!", ",", " ", "  ", "\n", "\n\n", "\t", "&", "-"]),
                max_size=30).map("".join))
def test_zero_width_openings_find_the_plain_matches(text):
    for pattern in ZERO_WIDTH_OPENINGS:
        p = re.compile(pattern)
        assert [(m.span(), m.groups()) for m in scan.finditer(p, text)] == \
            [(m.span(), m.groups()) for m in p.finditer(text)], pattern


def test_a_lead_that_matches_at_the_end_does_not_loop():
    p = re.compile(r"(?im)^[ \t]*magazine")
    text = "SER MAGAZINE  |  NUMMER 4\n\nIN GESPREK\n\n tekst magazine x\n"
    assert list(scan.finditer(p, text)) == [] and list(scan.finditer(p, text + " Magazine")) != []
    assert [m.span() for m in scan.finditer(p, text + " Magazine")] == [m.span() for m in p.finditer(text + " Magazine")]


# --- required words and searching up to an offset (scan) ----------------------------------

def rule_patterns() -> list[re.Pattern]:
    """The patterns of the stance cues, the legal rules and the response rules."""
    from polder.extract import legal, response, stance

    found = [c.pattern for c in stance.load_rules().cues]
    found += [rule.regex for rule in legal.load_rules()[0]]
    found += [p for p in response.rules().values() if isinstance(p, re.Pattern)]
    found += [p for _, p, _ in response.rules()["headings"]]
    return found


def test_required_word_sets_read_the_pattern():
    assert scan.required_word_sets(re.compile(r"(?i)\b(?:onder)?steun(?:t|en)?\b")) == [("steun",)]
    sets = scan.required_word_sets(re.compile(r"(?i)\b(?:Richtlijn|Verordening)\s+\(?(?:EU|EG)\)?\s*\d+"))
    assert ("richtlijn", "verordening") in sets
    assert scan.required_word_sets(re.compile(r"\w+ing")) == [("ing",)]
    assert scan.required_word_sets(re.compile(r"\w+")) == []  # nothing known: no words, never a guess


def test_every_match_holds_a_word_of_each_required_set(corpus_dir):
    """The words are a promise: a text that lacks every word of one set has no match (what
    stance and legal rely on to skip a pattern)."""
    patterns = [(p, scan.required_word_sets(p)) for p in rule_patterns()]
    assert sum(1 for _, sets in patterns if sets) > 50
    probes = Path(__file__).parent / "probes"
    for path in sorted([*corpus_dir.iterdir(), *probes.iterdir()]):
        raw = read_document(path).text
        for text in (raw, clean(raw).text):
            for p, sets in patterns:
                for m in p.finditer(text):
                    low = m.group().lower()
                    assert all(any(w in low for w in words) for words in sets), (p.pattern, m.group())


def test_searching_up_to_an_offset_finds_the_plain_matches(corpus_dir):
    patterns = rule_patterns()
    assert sum(1 for p in patterns if p.flags & re.MULTILINE and p.pattern.startswith("^")) > 5
    for path in sorted(corpus_dir.iterdir()):
        text = clean(read_document(path).text).text
        for p in patterns:
            halves = [m.start() + (m.end() - m.start()) // 2 for m in list(p.finditer(text))[:3]]
            for end in (len(text), len(text) // 2, len(text) // 3 + 1, *halves):  # also inside a match
                assert [m.span() for m in scan.finditer_upto(p, text, end)] == \
                    [m.span() for m in p.finditer(text, 0, end)], p.pattern


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["Aanbeveling", "aanbeveling", "1", "2.", " ", "\n", "\n\n", "#", "|", "Het kabinet",
                                 "neemt", "over", ".", "ſ", "İ", "K", "De", "Ad"]), max_size=40).map("".join),
       st.integers(min_value=0, max_value=400))
def test_searching_up_to_an_offset_finds_the_plain_matches_anywhere(text, end):
    end = min(end, len(text))
    for p in rule_patterns():
        assert [m.span() for m in scan.finditer_upto(p, text, end)] == [m.span() for m in p.finditer(text, 0, end)]


# --- leads and start places of the persons, organisations and minutes rules -----------------
# These rules are tried only where a lead (written in code beside the rule) matches or at start
# places found by plain searches. A lead must hold every place a match of its rule can begin:
# a rule edited in its TOML so that it can begin elsewhere fails here, not silently.

def fast_and_plain_matches(text: str):
    """(rule, fast spans, plain spans) for every rule with a fast way in."""
    import re as _re

    from polder.extract import minutes, organisations, persons

    for rule in organisations.load_rules()[0]:
        yield rule.id, organisations._matches(text, rule), rule.regex.finditer(text)
    for rule_id, (regex, _) in persons.lexicon().rules.items():
        yield rule_id, persons.rule_matches(rule_id, text), regex.finditer(text)
    full = persons.lexicon().full
    yield "persons/full", scan.led_finditer(full, persons.lexicon().full_lead, text), full.finditer(text)
    agenda = _re.compile(minutes.rules()["agenda"]["line"])
    yield "agenda", scan.candidate_finditer(agenda, minutes._agenda_line_starts(text), text), agenda.finditer(text)
    reference = _re.compile(minutes.rules()["reference"]["pattern"])
    yield "reference", scan.candidate_finditer(reference, minutes._reference_starts(text), text), \
        reference.finditer(text)


def assert_fast_is_plain(text: str) -> int:
    found = 0
    for rule, fast, plain in fast_and_plain_matches(text):
        fast, plain = [m.span() for m in fast], [m.span() for m in plain]
        assert fast == plain, (rule, text[:200])
        found += len(plain)
    return found


def test_leads_and_start_places_find_the_plain_matches(corpus_dir, tmp_path):
    sys_path = str(Path(__file__).resolve().parents[2] / "bench")
    import sys

    sys.path.insert(0, sys_path)
    try:
        from synth import generate
    finally:
        sys.path.remove(sys_path)
    probes = Path(__file__).parent / "probes"
    files = [*sorted(corpus_dir.iterdir()), *sorted(probes.iterdir()), *generate(tmp_path / "synth", 24, seed=7)]
    found = 0
    for path in files:
        raw = read_document(path).text
        for text in (raw, clean(raw).text):
            found += assert_fast_is_plain(text)
    assert found > 5000


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from([
    "de heer", "De heer", "mevrouw", "Mevrouw", "mw.", "dhr.", "minister", "Minister", "staatssecretaris", "prof. dr.",
    "J.A.", "A.", "van", "Van", "den", "Boer", "Jansen", "Kim Putters", "Motie", "motie", "het lid", "Kamerlid", "(FNV)",
    "Stichting", "Raad", "Vereniging", "Nederland", "is een", "ondernemingsraad", "Commissie", "CBM", "SER", "B.V.",
    "1.", "2.1", "3", "Agendapunt", "vergadering van", "12 maart 2021", " ", "  ", "\n", "\n\n", ",", ".", "-", "&", "/"]),
    max_size=40).map("".join))
def test_leads_and_start_places_find_the_plain_matches_anywhere(text):
    assert_fast_is_plain(text)
