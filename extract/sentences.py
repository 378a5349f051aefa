"""Sentence boundaries in the original text (PDF line wraps, Dutch abbreviations)."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

WINDOW = 300  # characters searched on each side; a sentence is at most ~600 characters
ABBREVIATIONS = {
    "art", "artt", "nr", "nrs", "o.a", "bijv", "bv", "dhr", "mr", "mevr", "mw", "e.a", "jl",
    "dr", "drs", "ir", "ing", "prof", "ca", "resp", "zgn", "m.b.t", "t.a.v", "i.p.v", "e.d",
    "enz", "etc", "vgl", "blz", "p", "pag", "incl", "excl", "d.w.z", "o.b.v", "m.i.v", "a.s",
    "z.s.m", "n.a.v", "i.v.m", "t.o.v", "m.n", "e.e.a", "o.m", "c.q", "evt", "ivm", "jr",
    "min", "st", "stb", "stcrt", "kamerstukken", "sr", "lid", "hfd", "par", "no",
}
_END = re.compile(r"[.!?]+[’”\"')\]]*(?:\d{1,3}(?=\s))?(?=\s)|\n[ \t\f]*\n|\f|\n")
_ITEM = re.compile(r"[ \t]*(?:\d+(?:\.\d+)*\.\s+\S|\d+\.\d+(?:\.\d+)*\s+[A-Z]|[-•*–▪]\s*\S|#)")
_TOKEN_BEFORE = re.compile(r"(\S+?)[.!?]+[’”\"')\]]*\d{0,3}$")
_NUMBERING = re.compile(r"\d+(?:\.\d+)*")
_WS = re.compile(r"\s+")


class SentenceEnds:
    """Every sentence end of a text, found once: (start, end, closing offset) per end,
    where the closing offset keeps a full stop in the sentence and leaves a line break out."""

    def __init__(self, text: str):
        self.starts, self.ends, self.closes = starts, ends, closes = [], [], []
        # `_is_end` spelled out: this loop sees every full stop and line break of the text.
        for m in _END.finditer(text):
            start, end = m.span()
            first = text[start]
            if first == "." and not _stop_ends(text, start):
                continue
            if first == "\n" and end - start == 1 and not _line_break_ends(text, start):
                continue
            starts.append(start)
            ends.append(end)
            closes.append(end if first in ".!?" else start)

    def before(self, lo: int, start: int) -> int:
        """Where a sentence containing `start` begins (at least `lo`)."""
        i = bisect_right(self.ends, start) - 1
        return self.ends[i] if i >= 0 and self.starts[i] >= lo else lo

    def after(self, end: int, hi: int) -> int:
        """Where a sentence containing `end` closes (at most `hi`)."""
        i = bisect_left(self.starts, end)
        return self.closes[i] if i < len(self.starts) and self.ends[i] <= hi else hi


@lru_cache(maxsize=4)
def sentence_ends(text: str) -> SentenceEnds:
    return SentenceEnds(text)


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of `text` that contains [start, end)."""
    lo = max(0, start - WINDOW)
    hi = min(len(text), end + WINDOW)
    ends = sentence_ends(text)
    s, e = ends.before(lo, start), ends.after(end, hi)
    if s == lo and lo > 0:
        s = _next_space(text, lo, start)
    if e == hi and hi < len(text):
        e = _prev_space(text, end, hi)
    while s < start and text[s].isspace():
        s += 1
    while e > end and text[e - 1].isspace():
        e -= 1
    return s, e


def sentence_at(text: str, start: int, end: int) -> str:
    return _folded(text, *sentence_bounds(text, start, end))


@lru_cache(maxsize=1024)
def _folded(text: str, start: int, end: int) -> str:
    """A sentence on one line; many mentions share a sentence."""
    return " ".join(text[start:end].split())  # = _WS.sub(" ", ...).strip(): the same white space


def _is_end(text: str, m: re.Match) -> bool:
    first = m.group()[0]
    if first == "\n" and m.end() - m.start() == 1:
        return _line_break_ends(text, m.start())
    if first != ".":
        return True
    return _stop_ends(text, m.start())


def _stop_ends(text: str, start: int) -> bool:
    """Whether the full stop(s) found by `_END` at `start` end a sentence."""
    # The token before the full stop is searched for on its line, at most 30 characters back;
    # it holds no white space, so the line's start and the last space only narrow the window
    # at white space, which leaves the token as it is (see _token_before).
    token = _token_before(text, start - 30 if start > 30 else 0, start)
    if not token:
        return True
    verdict = _VERDICTS.get(token)
    if verdict is None:
        if len(_VERDICTS) > MEMO_SIZE:  # memory stays flat over a large corpus
            _VERDICTS.clear()
        verdict = _VERDICTS[token] = _token_verdict(token)
    if verdict is not _OPENS_LINE:
        return verdict
    # "2.7." at the start of a line is numbering, not a sentence end.
    return bool(text[text.rfind("\n", 0, start) + 1:start - len(token)].strip())


MEMO_SIZE = 100_000
_OPENS_LINE = "numbering"  # verdict on a number: the stop ends a sentence unless the token opens its line
_VERDICTS: dict[str, bool | str] = {}  # token before a stop → True, False or _OPENS_LINE


def _token_verdict(token: str) -> bool | str:
    """Whether a stop after `token` ends a sentence, as far as the token tells."""
    word = token.lstrip("(‘“\"'[").lower()
    if word in ABBREVIATIONS or (len(word) == 1 and word.isalpha()):
        return False
    if word[:1].isdigit() and _NUMBERING.fullmatch(word):
        return _OPENS_LINE
    return True


def _token_before(text: str, lo: int, start: int) -> str:
    """Group 1 of `_TOKEN_BEFORE.search(text, lo, end)` for a sentence end [start, end) found
    by `_END`: the non-space characters from `lo` or the last white space on to `start`. (A
    shorter group would leave the rest of the token to "[.!?]+", but `_END` would then have
    matched from there already.) "" when there are none; the regex may then still find a
    stop's own first character (".." gives "."), which is no word, so the stop ends a sentence
    either way."""
    before = text[lo:start]
    if not before or before[-1].isspace():
        return ""
    return before.rsplit(None, 1)[-1]


def _line_break_ends(text: str, at: int) -> bool:
    """A single line break ends a sentence only before a list item or after a
    numbered heading ("1.1. Richt een infrastructuur in" + line break)."""
    if _ITEM.match(text, at + 1):
        return True
    if not text[at + 1:at + 2].isupper():
        return False
    line = text[text.rfind("\n", 0, at) + 1:at].rstrip()
    return bool(_ITEM.match(line)) and line[-1:] not in ".,;:!?"


def _next_space(text: str, lo: int, limit: int) -> int:
    i = text.find(" ", lo, limit)
    return i + 1 if i >= 0 else lo


def _prev_space(text: str, limit: int, hi: int) -> int:
    i = text.rfind(" ", limit, hi)
    return i if i >= 0 else hi
