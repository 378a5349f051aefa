"""Skip a regex over a text that cannot match it.

A pattern whose top level needs a fixed piece of text ("Stichting", "ommissie" in
"[Cc]ommissie") cannot match a text without that piece; a substring test is many times
faster than the regex engine trying the pattern at every position (a pattern that opens
with a lookbehind or a character class gets no fast literal search from `re`).
"""
from __future__ import annotations

import re
from functools import lru_cache
try:  # the parser `re` itself uses (Python 3.11+): private, so a Python without it only loses speed
    from re import _parser as sre_parse
    from re import _constants as _c  # its node codes, for the required words below
    from re._constants import (AT, AT_BEGINNING, AT_BEGINNING_STRING, ASSERT, ASSERT_NOT,
                               BRANCH, CATEGORY, CATEGORY_DIGIT, CATEGORY_SPACE, IN,
                               LITERAL, MAX_REPEAT, MIN_REPEAT, NEGATE, RANGE, SUBPATTERN)
except ImportError:  # pragma: no cover - exercised by a test that hides the parser
    sre_parse = None

IGNORECASE = re.IGNORECASE.value
# Characters outside ASCII whose lower or upper case is (partly) ASCII: only these can
# match an ASCII letter of a case-insensitive pattern ("ſ" matches "s", "K" (Kelvin) "k").
_FOLDS_TO_ASCII = re.compile("[\u00df\u0130\u0131\u0149\u017f\u01f0\u1e96-\u1e9a\u212a\ufb00-\ufb06]")


@lru_cache(maxsize=None)
def needed_text(regex: re.Pattern) -> tuple[str, bool]:
    """The longest piece of text that every match of `regex` contains ("" when unknown), and
    whether the pattern ignores case (the piece is then ASCII)."""
    if not isinstance(regex.pattern, str):
        return "", False
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    ignore_case = bool(parsed.state.flags & IGNORECASE)
    needed = max(_literal_runs(parsed, ignore_case), key=len, default="")
    if ignore_case and not needed.isascii():
        return "", False
    return (needed.lower() if ignore_case else needed), ignore_case


def _literal_runs(items, ignore_case: bool) -> list[str]:
    """Runs of consecutive literal characters in a sequence that must match in full;
    the body of a plain group at this level counts as part of the sequence."""
    runs, run = [], ""
    for op, av in _flattened(items, ignore_case):
        if op is LITERAL:
            run += chr(av)
        else:
            runs.append(run)
            run = ""
    return runs + [run]


def _flattened(items, ignore_case: bool):
    for op, av in items:
        if op is SUBPATTERN and not av[1] and not av[2]:  # a group that changes no flags
            yield from _flattened(av[3], ignore_case)
        else:
            yield op, av


@lru_cache(maxsize=None)
def needed_any(regex: re.Pattern) -> tuple[tuple[str, ...], bool]:
    """Pieces of text of which every match of `regex` contains at least one (() when unknown),
    and whether the pattern ignores case: `needed_text` that also looks into alternatives,
    so that "(\\*\\*|__)...|\\*..." needs one of "**", "__", "*"."""
    if not isinstance(regex.pattern, str):
        return (), False
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    ignore_case = bool(parsed.state.flags & IGNORECASE)
    pieces = _needed_pieces(parsed, ignore_case)
    if not pieces or (ignore_case and not all(p.isascii() for p in pieces)):
        return (), False
    return tuple(sorted(p.lower() if ignore_case else p for p in pieces)), ignore_case


def _needed_pieces(items, ignore_case: bool) -> frozenset[str] | None:
    """The best set of pieces one of which a match of the sequence `items` contains: a literal
    run, an alternation whose every branch needs something, or a repeat needed at least once."""
    options = [frozenset((run,)) for run in _literal_runs(items, ignore_case) if run]
    for op, av in _flattened(items, ignore_case):
        if op is BRANCH:
            branches = [_needed_pieces(branch, ignore_case) for branch in av[1]]
            if all(branches):
                options.append(frozenset().union(*branches))
        elif op in (MAX_REPEAT, MIN_REPEAT) and av[0] >= 1:
            body = _needed_pieces(av[2], ignore_case)
            if body:
                options.append(body)
    # The best set is the one whose shortest piece is longest (fewest pieces on a tie).
    return max(options, key=lambda o: (min(map(len, o)), -len(o)), default=None)


def may_match(regex: re.Pattern, text: str) -> bool:
    """False when `text` lacks what every match of `regex` needs."""
    if sre_parse is None:
        return True
    needed, ignore_case = needed_text(regex)
    if needed:
        return _holds(needed, text, ignore_case)
    pieces, ignore_case = needed_any(regex)
    if not pieces:
        return True
    # The piece found last time is tried first: texts alike hold the same pieces.
    last = _found_last.get(regex)
    if last is not None and _holds(last, text, ignore_case):
        return True
    for piece in pieces:
        if piece != last and _holds(piece, text, ignore_case):
            if len(_found_last) > 10_000:
                _found_last.clear()
            _found_last[regex] = piece
            return True
    return False


_found_last: dict[re.Pattern, str] = {}


def _holds(piece: str, text: str, ignore_case: bool) -> bool:
    """Whether `text` holds `piece`; remembered for the last text, as several patterns need
    the same piece and an absent piece costs a search through the whole text."""
    global _held_in
    if text is not _held_in:
        _held.clear()
        _held_in = text
    found = _held.get((piece, ignore_case))
    if found is None:
        found = _held[piece, ignore_case] = _search_piece(piece, text, ignore_case)
    return found


_held: dict[tuple[str, bool], bool] = {}
_held_in: str | None = None  # the text that `_held` is about


def _search_piece(piece: str, text: str, ignore_case: bool) -> bool:
    if not ignore_case:
        return piece in text
    lowered = _lowered(text)
    return lowered is None or piece in lowered


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """The text in lower case, or None when a character in it could match ASCII otherwise."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


def finditer(regex: re.Pattern, text: str):
    """`regex.finditer(text)`, skipped when the text lacks what every match needs."""
    if sre_parse is None:
        return regex.finditer(text)
    if not may_match(regex, text):
        return iter(())
    lead = folded_lead(regex)
    if lead is not None and (lowered := _lowered(text)) is not None:
        return led_finditer(regex, lead, text, lowered)
    loose = unguarded(regex)
    if loose is not None and (_fast_start(loose) or opened(regex) is None):
        return _guarded_finditer(regex, loose, text)
    return (opened(regex) or regex).finditer(text)


@lru_cache(maxsize=None)
def _fast_start(regex: re.Pattern) -> bool:
    """Whether `re` searches for `regex` by its first character or literal (it opens with one)."""
    items = sre_parse.parse(regex.pattern, regex.flags)
    while len(items) and items[0][0] is SUBPATTERN and not items[0][1][1] and not items[0][1][2]:
        items = items[0][1][3]  # a group's first character is the pattern's (flags unchanged)
    return bool(len(items)) and items[0][0] in (LITERAL, IN)


# ------------------------------------------------------------ first characters
# `re` finds no fast start for a pattern that opens with a lookbehind, "\b" or an alternation
# of character classes ("\b[Dd]e\s+heer|\b[Mm]evrouw|..."), and tries the whole pattern at every
# position. A lookahead for the characters a match can begin with ("(?=[DdMmh])") fails at
# most positions after one test; the matches stay the same.

@lru_cache(maxsize=None)
def opened(regex: re.Pattern) -> re.Pattern | None:
    """`regex` behind a lookahead for its first characters, when that is known and can help:
    not for a pattern that ignores case, opens with a literal (`re` searches for it fast) or
    may begin with a space or a digit (too many positions)."""
    if not isinstance(regex.pattern, str) or regex.flags & IGNORECASE:
        return None
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    if not len(parsed) or parsed[0][0] is LITERAL:
        return None
    first = _first_chars(parsed)
    if first is None or first[1] or not first[0] or any(p.startswith("\\") for p in first[0]):
        return None
    body = _GLOBAL_FLAGS.sub("", regex.pattern, count=1)
    return re.compile("(?=[" + "".join(dict.fromkeys(first[0])) + "])" + body, regex.flags)


_GLOBAL_FLAGS = re.compile(r"\A\(\?[aiLmsux]+\)")


def _first_chars(items) -> tuple[list[str], bool] | None:
    """The class items (as regex text) of every character a match of the sequence `items` can
    begin with, and whether it can match empty text; None when unknown."""
    parts: list[str] = []
    for op, av in items:
        if op in (AT, ASSERT, ASSERT_NOT):  # zero-width: the next item consumes the first character
            continue
        if op is LITERAL:
            return parts + [re.escape(chr(av))], False
        if op is IN:
            found = [_class_item(o, a) for o, a in av]
            return (None if None in found else (parts + found, False))
        if op is BRANCH:
            branches = [_first_chars(branch) for branch in av[1]]
            if None in branches:
                return None
            parts += [p for found, _ in branches for p in found]
            if not any(empty for _, empty in branches):
                return parts, False
        elif op is SUBPATTERN and not av[1] and not av[2]:
            found = _first_chars(av[3])
            if found is None:
                return None
            parts += found[0]
            if not found[1]:
                return parts, False
        elif op in (MAX_REPEAT, MIN_REPEAT):
            found = _first_chars(av[2])
            if found is None:
                return None
            parts += found[0]
            if av[0] >= 1 and not found[1]:
                return parts, False
        else:
            return None
    return parts, True


def _class_item(op, av) -> str | None:
    if op is LITERAL:
        return re.escape(chr(av))
    if op is RANGE:
        return re.escape(chr(av[0])) + "-" + re.escape(chr(av[1]))
    if op is CATEGORY and av is CATEGORY_DIGIT:
        return "\\d"
    return None  # a negated class or another category


# A pattern that opens with a guard such as "(?<![\w-])", "\b" or a group of lookbehinds makes
# `re` test the guard at every position. Without it the rest often starts with a literal or a
# class that `re` finds fast; each place the rest matches is then tried with the whole pattern.

@lru_cache(maxsize=None)
def unguarded(regex: re.Pattern) -> re.Pattern | None:
    """`regex` without the items it opens with that match no text (lookbehinds, anchors, "\\b"
    and groups of them: "(?<=[rs])(?:(?<=leider)|(?<=directeur))", "(?:\\A|(?<=\\n))"), when
    it has such items and what is left cannot match empty text nor opens with an optional part."""
    pattern, flags = regex.pattern, ""
    if not isinstance(pattern, str):
        return None
    if (m := _GLOBAL_FLAGS.match(pattern)) is not None:
        flags, pattern = m.group(), pattern[m.end():]
    cut = 0
    while cut < len(pattern):
        end = _item_end(pattern, cut)
        if end is None or _width(flags + pattern[:end], regex.flags) != (0, 0):
            break
        cut = end
    if not cut:
        return None
    rest = pattern[cut:]
    if (first := _ITEM.match(rest)) is not None and first.group().startswith("[") and first.group().endswith("]+"):
        cls = first.group()[:-1]
        rest = cls + cls + "*" + rest[first.end():]  # "[ ]+x" as "[ ][ ]*x": `re` searches for "[ ]"
    try:
        loose = re.compile(flags + rest, regex.flags)
    except re.error:
        return None
    parsed = sre_parse.parse(loose.pattern, regex.flags)
    return loose if parsed.getwidth()[0] > 0 and not _opens_optional(parsed) else None


# One item at the top level of a pattern: an escape, a class, a group or a character, with
# any quantifier after it.
_ITEM = re.compile(r"(?:\\.|\[\^?\]?(?:\\.|[^\]\\])*\]|\((?:\?[:=!]|\?<[=!])?|[^()|\\\[])"
                   r"(?:[*+?]|\{\d*(?:,\d*)?\})?\??")


def _item_end(pattern: str, start: int) -> int | None:
    """Where the top-level item at `start` ends (a group with its body), or None at a "|"."""
    m = _ITEM.match(pattern, start)
    if m is None:
        return None
    if not m.group().startswith("("):
        return m.end()
    depth, i = 1, m.end()
    while depth:
        inner = _ITEM.match(pattern, i) or (re.match(r"[|)]", pattern[i:i + 1]) if i < len(pattern) else None)
        if inner is None:
            return None
        token = inner.group()
        depth += token.startswith("(") - (token == ")")
        i = i + len(token) if inner.re is _ITEM else i + 1
    quantifier = re.match(r"(?:[*+?]|\{\d*(?:,\d*)?\})?\??", pattern[i:])
    return i + quantifier.end()


def _width(pattern: str, flags: int) -> tuple[int, int] | None:
    try:
        return sre_parse.parse(pattern, flags).getwidth()
    except re.error:
        return None


def _opens_optional(parsed) -> bool:
    """Whether the pattern opens with an optional part ("(?:sub)?"): `re` then finds no first
    character to search for, and the loose pattern only adds work."""
    op, av = parsed[0]
    return op in (MAX_REPEAT, MIN_REPEAT) and av[0] == 0


def _guarded_finditer(regex: re.Pattern, loose: re.Pattern, text: str):
    """The matches of `regex.finditer(text)`: every match of `regex` is a match of `loose` at
    the same place, so trying `regex` only where `loose` matches finds the same ones."""
    return led_finditer(regex, loose, text, text)


# ------------------------------------------------------------ case-insensitive patterns
# `re` finds no fast start for a pattern that ignores case and tries it at every position.
# Where the text lowers one for one (`_lowered`), a match's first characters, lowered, are
# the pattern's leading literals in lower case: a case-sensitive regex of those finds the
# few places worth trying in the lowered text, at the same offsets.

LEAD_LIMIT = 2000  # characters of lead regex; alternatives multiply


@lru_cache(maxsize=None)
def folded_lead(regex: re.Pattern) -> re.Pattern | None:
    """For a pattern that ignores case, a case-sensitive regex that matches the lowered text
    wherever `regex` matches the text (a lead such as "(?:de\\s+voorzitter|voorzitter)"),
    or None when the pattern opens with nothing literal or may match empty text."""
    if not isinstance(regex.pattern, str) or not regex.flags & IGNORECASE or regex.flags & re.LOCALE:
        return None
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    if not parsed.state.flags & IGNORECASE or parsed.getwidth()[0] == 0:
        return None
    lead = _lead(list(_flattened(parsed, True)), True, bool(parsed.state.flags & re.MULTILINE))
    return re.compile(lead) if lead and len(lead) <= LEAD_LIMIT else None


def _lead(items: list, at_start: bool, multiline: bool) -> str:
    """A regex that the lowered text matches where the sequence `items` matches ("" when
    nothing is known); `at_start`: zero-width items before it may be skipped."""
    out = ""
    for i, (op, av) in enumerate(items):
        if op is AT and at_start and not out and av in (AT_BEGINNING, AT_BEGINNING_STRING):
            # kept: "^\\s*x" is then tried at line starts only, not at every space
            out += r"(?m:^)" if av is AT_BEGINNING and multiline else r"\A"
            continue
        if op in (AT, ASSERT, ASSERT_NOT) and at_start and not out:
            continue  # a guard in front: the lead only says where a match may begin
        if op is LITERAL and av < 128:
            out += re.escape(chr(av).lower())
        elif _is_space_class(op, av):
            out += r"\s"
        elif op in (MAX_REPEAT, MIN_REPEAT) and len(av[2]) == 1 and _is_space_class(*av[2][0]):
            out += r"\s+" if av[0] >= 1 else r"\s*"
        elif op is BRANCH or (op in (MAX_REPEAT, MIN_REPEAT) and (av[0], av[1]) == (0, 1)):
            # One alternative per branch, each followed by the rest ("(?:x)?" is x-or-nothing).
            rest = items[i + 1:]
            branches = av[1] if op is BRANCH else [av[2], []]
            leads = [_lead(list(_flattened(b, True)) + rest, at_start and not out, multiline) for b in branches]
            if all(leads):
                out += "(?:" + "|".join(leads) + ")"
            return out
        else:
            return out
    return out


def _is_space_class(op, av) -> bool:
    return op is IN and len(av) == 1 and av[0] == (CATEGORY, CATEGORY_SPACE)


def led_finditer(regex: re.Pattern, lead: re.Pattern, text: str, lowered: str | None = None, end: int | None = None):
    """The matches of `regex.finditer(text, 0, end)`, trying `regex` only where `lead` matches
    `lowered` (by default the text itself; else the text in lower case, with the same offsets).
    `lead` must match wherever a match of `regex` begins. A lead that opens with a literal, or
    whose alternatives each do, lets `re` skip to the few places worth trying, where a pattern
    that opens with a lookbehind, "\\b" or an optional part is tried at every position."""
    lowered = text if lowered is None else lowered
    end = len(lowered) if end is None else end
    pos = 0
    # Past the end `search` would still find a lead that matches there ("(?m:^)" after a last
    # line break): stop, as `finditer` does.
    while pos <= end and (candidate := lead.search(lowered, pos, end)) is not None:
        found = regex.match(text, candidate.start(), end)
        if found is None:
            pos = candidate.start() + 1
        else:
            yield found
            pos = found.end() if found.end() > found.start() else found.end() + 1


def lines_with(anchor: re.Pattern, text: str):
    """(start, end) of each line of `text` that holds a match of `anchor`, once each, in order:
    where a rule whose matches stay on one line and hold the anchor is worth trying."""
    line_end = -1
    for a in anchor.finditer(text):
        if a.start() < line_end:
            continue  # a line already given
        line_start = text.rfind("\n", 0, a.start()) + 1
        line_end = text.find("\n", a.end())
        line_end = len(text) if line_end < 0 else line_end
        yield line_start, line_end


def candidate_finditer(regex: re.Pattern, starts, text: str):
    """`regex.finditer(text)` when every match begins at one of `starts` (ascending; repeats are
    harmless): `regex` is tried at those places only."""
    pos = 0
    for start in starts:
        if start >= pos and (found := regex.match(text, start)) is not None:
            yield found
            pos = found.end() if found.end() > found.start() else found.end() + 1


# ------------------------------------------------------------ searching up to an offset
# `re` tries a pattern that opens with "^" (multi-line) or that ignores case at every position.
# finditer_upto leads it to the places where a match can start, with the same matches.

def finditer_upto(regex: re.Pattern, text: str, end: int):
    """`regex.finditer(text, 0, end)`, trying `regex` only where a match can start."""
    after_break = _after_line_break(regex)
    if after_break is not None:
        return _line_finditer(regex, after_break, text, end)
    lead = folded_lead(regex)
    low = _lowered(text) if lead is not None else None
    if low is not None:
        return led_finditer(regex, lead, text, low, end)
    return regex.finditer(text, 0, end)


@lru_cache(maxsize=64)
def _after_line_break(regex: re.Pattern) -> re.Pattern | None:
    """For a multi-line pattern that opens with "^" and matches no empty text: a line break
    followed by the pattern ("\\n(?=...)"), which `re` finds by a fast search for the break."""
    if not regex.flags & re.MULTILINE or not isinstance(regex.pattern, str):
        return None
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    if not len(parsed) or parsed[0] != (AT, AT_BEGINNING) or parsed.getwidth()[0] == 0:
        return None
    body = re.sub(r"\A\(\?[aiLmsux]+\)", "", regex.pattern)  # global flags: kept in regex.flags
    return re.compile(rf"\n(?={body})", regex.flags)


def _line_finditer(regex: re.Pattern, after_break: re.Pattern, text: str, end: int):
    """The matches of `regex.finditer(text, 0, end)` for a pattern that matches only at a line's
    start: at the text's start, and after each line break where `after_break` says it matches."""
    first = regex.match(text, 0, end)
    pos = 0
    if first is not None:
        yield first
        pos = first.end()
    # a break right before `pos` opens a line at `pos`, where the next match may start
    while (hit := after_break.search(text, max(pos - 1, 0), end)) is not None:
        m = regex.match(text, hit.start() + 1, end)
        if m is None:  # cannot happen: the same pattern at the same place
            pos = hit.start() + 2
            continue
        yield m
        pos = m.end()


def findall(regex: re.Pattern, text: str) -> list:
    return regex.findall(text) if may_match(regex, text) else []


# ------------------------------------------------------------ required words
# Words one of which every match must contain, for deciding without the regex engine that a
# text (a sentence, a document) cannot hold a match: stance runs only the cues whose words a
# sentence holds; legal skips rules whose word sets a document lacks. The derivation only ever
# gives up (no words), never guesses: a node it does not know matches "anything".

_MAX_WORDS = 64  # a larger set of alternative strings counts as unknown
_EMPTY = frozenset({""})


def lowered(text: str) -> str | None:
    """`text` in lower case for looking up required words (or leads), or None when it holds
    a character that an ignore-case regex matches to an ASCII letter that its lower case is not."""
    return _lowered(text)


def required_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which occurs (case-insensitively) in every match of `pattern`."""
    sets = required_word_sets(pattern)
    return sets[0] if sets else None


def required_word_sets(pattern: re.Pattern) -> list[tuple[str, ...]]:
    """Sets of lower-case words such that every match of `pattern` contains a word of each set
    (case-insensitively), the most selective first; [] when none is known."""
    try:
        sets = _words_of_seq(sre_parse.parse(pattern.pattern, pattern.flags))[1]
    except Exception:  # an unexpected parse tree: no prefilter
        return []
    return [tuple(sorted(ws)) for ws in sorted(set(sets), key=lambda ws: (_cost(ws), sorted(ws)))]


def _product(a, b):
    """Each string of `a` followed by each of `b`, or None when unknown or too many."""
    if a is None or b is None or len(a) * len(b) > _MAX_WORDS:
        return None
    return frozenset(x + y for x in a for y in b)


def _cost(words) -> float:
    """How likely a text holds one of `words` (shorter words are likelier), plus a little per word."""
    return sum(4.0 ** -min(len(w), 8) for w in words) + 0.002 * len(words)


def _required(candidates) -> list[frozenset[str]]:
    """The word sets that can serve: non-empty, no empty word; a word that contains another of
    its set is dropped (finding the shorter one is implied)."""
    return [frozenset(w for w in c if not any(v != w and v in w for v in c))
            for c in candidates if c and "" not in c]


def _words_of(op, av):
    """(exact, required) of one parsed node: every string it can match (None: unknown or too
    many) and word sets of which every match contains a word of each ([]: none known)."""
    if op is _c.LITERAL:
        c = chr(av)
        return (frozenset({c.lower()}), []) if c.isascii() else (None, [])
    if op is _c.IN:
        chars = set()
        for o, v in av:
            if o is _c.LITERAL:
                chars.add(chr(v))
            elif o is _c.RANGE and v[1] - v[0] < 16:
                chars.update(map(chr, range(v[0], v[1] + 1)))
            else:  # a negation or a category (\w, \s, ...)
                return None, []
        return (frozenset(c.lower() for c in chars), []) if all(c.isascii() for c in chars) else (None, [])
    if op in (_c.AT, _c.ASSERT, _c.ASSERT_NOT):  # zero width: consumes nothing
        return _EMPTY, []
    if op is _c.SUBPATTERN:
        return _words_of_seq(av[3])
    if op is _c.ATOMIC_GROUP:
        return _words_of_seq(av)
    if op is _c.BRANCH:  # one word of the most selective set of each alternative
        if len(av[1]) > _MAX_WORDS:  # (every law's name): too many words to look for, and slow to list
            return None, []
        alternatives = [_words_of_seq(p) for p in av[1]]
        exacts = [e for e, _ in alternatives]
        exact = None
        if None not in exacts and sum(map(len, exacts)) <= _MAX_WORDS:
            exact = frozenset().union(*exacts)
        if all(n for _, n in alternatives):
            return exact, [frozenset().union(*(min(n, key=_cost) for _, n in alternatives))]
        return exact, []
    if op in (_c.MAX_REPEAT, _c.MIN_REPEAT, _c.POSSESSIVE_REPEAT):
        low, high, sub = av
        e, n = _words_of_seq(sub)
        exact = None
        if e is not None and high <= 3:
            exact, power = (_EMPTY if low == 0 else frozenset()), _EMPTY
            for k in range(1, high + 1):
                power = _product(power, e)
                if power is None:
                    exact = None
                    break
                if k >= low:
                    exact |= power
            if exact is not None and len(exact) > _MAX_WORDS:
                exact = None
        return exact, (n if low >= 1 else [])
    return None, []  # any other node (\w, ., a back reference, ...): unknown


def _words_of_seq(items):
    """(exact, required) of a sequence: runs of nodes with known strings join into longer words;
    what each run spells is required, and so is what each node requires."""
    candidates, run, exact = [], _EMPTY, _EMPTY
    for op, av in items:
        e, n = _words_of(op, av)
        candidates += n
        exact = _product(exact, e)
        joined = _product(run, e)
        if joined is None:  # the run ends here; what it spelled is required
            candidates.append(run)
            joined = e if e is not None else _EMPTY
        run = joined
    candidates.append(run)
    return exact, _required(candidates)


def longest_word_regex(words) -> str:
    """A regex that matches the longest of `words` starting where it is tried (each step of
    the trie has one way on, so the greedy match is the longest word)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body
    return build(root)
