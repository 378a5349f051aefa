"""Skip a regex over a text that cannot match it.

A pattern whose top level needs a fixed piece of text ("Stichting", "ommissie" in
"[Cc]ommissie") cannot match a text without that piece; a substring test is many times
faster than the regex engine trying the pattern at every position (a pattern that opens
with a lookbehind or a character class gets no fast literal search from `re`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from re import _parser as sre_parse  # the parser `re` itself uses (Python 3.11+)
from re._constants import LITERAL, MAX_REPEAT, MIN_REPEAT, SUBPATTERN

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


def may_match(regex: re.Pattern, text: str) -> bool:
    """False when `text` lacks what every match of `regex` needs."""
    needed, ignore_case = needed_text(regex)
    if not needed:
        return True
    if not ignore_case:
        return needed in text
    lowered = _lowered(text)
    return lowered is None or needed in lowered


@lru_cache(maxsize=4)
def _lowered(text: str) -> str | None:
    """The text in lower case, or None when a character in it could match ASCII otherwise."""
    return None if _FOLDS_TO_ASCII.search(text) else text.lower()


def finditer(regex: re.Pattern, text: str):
    """`regex.finditer(text)`, skipped when the text lacks what every match needs."""
    if not may_match(regex, text):
        return iter(())
    loose = unguarded(regex)
    return regex.finditer(text) if loose is None else _guarded_finditer(regex, loose, text)


# A pattern that opens with a guard such as "(?<![\w-])" or "\b" makes `re` test the
# guard at every position. Without it the rest often starts with a literal that `re` finds
# fast; each place the rest matches is then tried with the whole pattern.
_LEADING_GUARD = re.compile(r"(?P<flags>\(\?[aiLmsux]+\))?(?:\\b|\(\?<!(?:\[(?:\\.|[^\]\\])+\]|\\.|[^()\[\]\\|])\))")


@lru_cache(maxsize=None)
def unguarded(regex: re.Pattern) -> re.Pattern | None:
    """`regex` without its leading guard, when it has one and cannot match empty text."""
    guard = _LEADING_GUARD.match(regex.pattern) if isinstance(regex.pattern, str) else None
    if guard is None:
        return None
    rest = (guard.group("flags") or "") + regex.pattern[guard.end():]
    try:
        loose = re.compile(rest, regex.flags)
    except re.error:
        return None
    parsed = sre_parse.parse(rest, regex.flags)
    return loose if parsed.getwidth()[0] > 0 and not _opens_optional(parsed) else None


def _opens_optional(parsed) -> bool:
    """Whether the pattern opens with an optional part ("(?:sub)?"): `re` then finds no first
    character to search for, and the loose pattern only adds work."""
    op, av = parsed[0]
    return op in (MAX_REPEAT, MIN_REPEAT) and av[0] == 0


def _guarded_finditer(regex: re.Pattern, loose: re.Pattern, text: str):
    """The matches of `regex.finditer(text)`: every match of `regex` is a match of `loose` at
    the same place, so trying `regex` only where `loose` matches finds the same ones."""
    pos = 0
    while (candidate := loose.search(text, pos)) is not None:
        found = regex.match(text, candidate.start())
        if found is None:
            pos = candidate.start() + 1
        else:
            yield found
            pos = found.end()


def findall(regex: re.Pattern, text: str) -> list:
    return regex.findall(text) if may_match(regex, text) else []
