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
from re._constants import LITERAL, SUBPATTERN

IGNORECASE = re.IGNORECASE.value


@lru_cache(maxsize=None)
def needed_text(regex: re.Pattern) -> str:
    """The longest piece of text that every match of `regex` contains ("" when unknown)."""
    if regex.flags & re.IGNORECASE or not isinstance(regex.pattern, str):
        return ""
    parsed = sre_parse.parse(regex.pattern, regex.flags)
    if parsed.state.flags & IGNORECASE:
        return ""
    return max(_literal_runs(parsed), key=len, default="")


def _literal_runs(items) -> list[str]:
    """Runs of consecutive literal characters in a sequence that must match in full;
    the body of a plain group at this level counts as part of the sequence."""
    runs, run = [], ""
    for op, av in _flattened(items):
        if op is LITERAL:
            run += chr(av)
        else:
            runs.append(run)
            run = ""
    return runs + [run]


def _flattened(items):
    for op, av in items:
        if op is SUBPATTERN and not (av[1] & IGNORECASE) and not av[2]:
            yield from _flattened(av[3])
        else:
            yield op, av


def finditer(regex: re.Pattern, text: str):
    """`regex.finditer(text)`, skipped when the text lacks what every match needs."""
    needed = needed_text(regex)
    return regex.finditer(text) if needed in text else iter(())


def findall(regex: re.Pattern, text: str) -> list:
    needed = needed_text(regex)
    return regex.findall(text) if needed in text else []
