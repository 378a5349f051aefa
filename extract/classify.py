"""Document kind, title and date from the text's own content.

Kinds are scored from content cues kept as data in patterns/kinds.toml. Titles and
dates come from patterns of each kind; nothing is guessed: a date that the text does
not state for the document itself is left out.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from functools import cache, lru_cache
from itertools import islice
from pathlib import Path
from typing import Callable

from . import scan
from .clean import clean_text

KINDS = ("minutes", "government_response", "magazine", "advice", "other")
_PATTERNS = Path(__file__).parent / "patterns" / "kinds.toml"

MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7,
    "augustus": 8, "september": 9, "oktober": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mrt": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
    "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december")
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
_DAY = r"(?P<day>[0-3]?\d)"
TEXT_DATE = re.compile(rf"\b{_DAY}\s+{_MONTH}\s+{_YEAR}\b", re.I)
NUMERIC_DATE = re.compile(r"\b(?P<day>[0-3]?\d)[-/.](?P<month>[01]?\d)[-/.](?P<year>(?:19|20)\d\d)\b")
ISO_DATE = re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b")
MONTH_YEAR = re.compile(rf"\b{_MONTH}\s+{_YEAR}\b", re.I)
_WS = re.compile(r"\s+")


# ---------------------------------------------------------------- kind

@lru_cache(maxsize=1)
def _cues() -> tuple[float, dict[str, list[tuple[re.Pattern, float, int]]]]:
    data = tomllib.loads(_PATTERNS.read_text(encoding="utf-8"))
    cues = {kind: [(re.compile(c["pattern"]), float(c["weight"]), int(c.get("max", 1)))
                   for c in data.get(kind, [])] for kind in KINDS}
    return float(data.get("min_score", 0)), cues


def scores(text: str) -> dict[str, float]:
    _, cues = _cues()
    return {kind: sum(w * _count(p, text, cap) for p, w, cap in rules) for kind, rules in cues.items()}


def _count(pattern: re.Pattern, text: str, cap: int) -> int:
    """How often `pattern` occurs in `text`, counting no further than `cap`."""
    return sum(1 for _ in islice(scan.finditer(pattern, text), max(cap, 0)))


def classify(text: str) -> str:
    min_score, _ = _cues()
    s = scores(text)
    kind = max(KINDS, key=lambda k: (s.get(k, 0), -KINDS.index(k)))
    return kind if s.get(kind, 0) >= min_score else "other"


# ---------------------------------------------------------------- title

def find_title(text: str, kind: str) -> str | None:
    # The view is made on first use: a magazine's title found in the text itself needs none.
    view = cache(lambda: clean_text(text))
    finders = {
        "minutes": _minutes_title,
        "government_response": _response_title,
        "magazine": _magazine_title,
    }
    title = finders.get(kind, _generic_title)(text, view)
    return _fold(title) if title else None


def _fold(s: str) -> str:
    return _WS.sub(" ", s).strip(" \t\n*#_")


_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+(.+)$", re.M)
# "Kabinetsreactie op ..." as a heading, or as a letter's subject ("Betreft Kabinetsreactie op ..."); also
# by other names: "Kabinetsstandpunt over ...", "Beleidsreactie op ...", "Reactie op het RVS-advies ...",
# these only on a line that does not end as a sentence ("Reactie op het advies volgt later." is none)
_RESPONSE_LINE = re.compile(
    r"^[ \t#*_]*(?:(?:Betreft|Onderwerp)[ \t]*:?[ \t]*)?"
    r"(Kabinetsreactie\b[^\n]{5,200}"
    r"|(?:(?:Kabinetsstandpunt|Beleidsreactie|Regeringsstandpunt|Regeringsreactie)[ \t]+(?:op|over)\b"
    r"|Reactie[ \t]+op[ \t]+het[ \t]+(?:[A-Za-z&]{2,12}-)?[Aa]dvies[ \t])[^\n]{5,200}(?<![.:;]))$", re.M)
_ADVICE_NAME = re.compile(r"\badvies\s*(?:,\s*getiteld\s*)?[‘'\"“]([^’'\"”\n]{5,200}?)[’'\"”]")


def _response_title(text: str, view: Callable[[], str]) -> str | None:
    m = _RESPONSE_LINE.search(view())
    if m:
        return m.group(1)
    m = _ADVICE_NAME.search(view())
    if m:
        return f"Kabinetsreactie op het SER-advies ‘{_fold(m.group(1))}’"
    return _generic_title(text, view)


_MINUTES_HEADING = re.compile(
    r"^[ \t]*(Verslag\s+van\s+(?:de|een|het)\b[^\n]{0,160}?(?:raads)?vergadering\b[^\n]{0,100})$",
    re.M | re.I)


# other headings of minutes: "Verslag plenaire bijeenkomst", "Besluitenlijst vergadering ASZ" (not a field
# "Verslag: Iris Vellinga"); a bare "VERSLAG" or "BESLUITENLIJST" under the body's name
_RECORD_HEADING = re.compile(r"^[ \t]*((?:Concept)?(?:[Vv]erslag|[Nn]otulen|[Bb]esluitenlijst)(?![ \t]*:)[ \t]+\S[^\n]{0,200})$", re.M)
_RECORD_WORD = re.compile(r"^[ \t]*(VERSLAG|NOTULEN|BESLUITENLIJST|Verslag|Notulen|Besluitenlijst)[ \t]*$", re.M)


def _minutes_title(text: str, view: Callable[[], str]) -> str | None:
    head = view()[:1500]
    m = _MINUTES_HEADING.search(head)
    if m:
        return m.group(1)
    m = _RECORD_HEADING.search(head, 0, _HEADER_CHARS)
    word = _RECORD_WORD.search(head, 0, _HEADER_CHARS)
    if m and not (word and word.start() < m.start()):
        return m.group(1)
    date, _ = find_date(text, "minutes")
    first = next((line.strip() for line in head[:word.start()].splitlines() if line.strip()), "") if word else ""
    if first:  # "Commissie Sociaal-Economisch Beleid (SEB)" + "VERSLAG": "Verslag Commissie Sociaal-..."
        return f"{word.group(1).capitalize()} {first}" + (f", {dutch_date(date)}" if date and len(date) == 10 else "")
    council = re.search(r"(?i)raadsvergadering|\braadsleden\b", text)
    title = "Verslag van de raadsvergadering van de SER" if council else "Verslag van de vergadering"
    if date and len(date) == 10:
        title += f" van {dutch_date(date)}"
    return title


def dutch_date(iso: str | None) -> str:
    """'2025-02-06' -> '6 februari 2025', '2025-02' -> 'februari 2025', '2025' -> '2025'; '' for None."""
    if not iso:
        return ""
    parts = [int(p) for p in iso.split("-")]
    if len(parts) == 3:
        return f"{parts[2]} {MONTH_NAMES[parts[1] - 1]} {parts[0]}"
    return f"{MONTH_NAMES[parts[1] - 1]} {parts[0]}" if len(parts) == 2 else str(parts[0])


_MASTHEAD = re.compile(r"\A[ \t#*_]*SER[ \t-]*(?:[Mm]agazine|MAGAZINE)\b[^\n]*\n")
_CREDIT_LINE = re.compile(r"(?i)^(?:tekst|foto|beeld|door|interview)\b")


def _headline(text: str) -> str | None:
    """The first line under the masthead (the text's first line) that reads as a headline: a few words, not a
    sentence, not a rubric in capitals, an issue line or a credit."""
    masthead = _MASTHEAD.match(text)
    if masthead is None:
        return None
    for line in text[masthead.end():_HEADER_CHARS].splitlines():
        line = line.strip(" \t*_#")
        if not line or line.isupper() or _ISSUE_LINE.match(line) or _CREDIT_LINE.match(line):
            continue
        return line if 2 <= len(line.split()) <= 20 and line[-1] not in ".:;," else None
    return None


_ISSUE_LINE = re.compile(rf"^[ \t]*({_MONTH}\s+{_YEAR}\s*(?:#\s*\d+)?[^\n]{{0,40}}?)[ \t]*$", re.M | re.I)
_MAGAZINE_NAME = re.compile(r"^[ \t]*((?:[\w-]+[ \t]+)?[Mm]agazine\b[^\n]{0,80})$", re.M)


def _magazine_title(text: str, view: Callable[[], str]) -> str | None:
    """An article's headline (a markdown heading under the masthead: "SERmagazine | Portret" + "# Ik wil ..."),
    else the magazine's name and issue."""
    headline = _headline(text)
    if headline:
        return headline
    head = text[:3000]
    names = [m.group(1).strip() for m in _MAGAZINE_NAME.finditer(head) if len(m.group(1).split()) > 1]
    issue = _ISSUE_LINE.search(head)
    parts = [names[0]] if names else []
    if issue:
        parts.append(issue.group(1).strip())
    return ", ".join(parts) if parts else _generic_title(text, view)


def _generic_title(text: str, view: Callable[[], str]) -> str | None:
    m = _HEADING.search(view()[:5000]) or _HEADING.search(text[:5000])
    if m:
        return m.group(1)
    for line in view()[:2000].splitlines():
        line = line.strip()
        if 3 <= len(line.split()) <= 20 and not _LETTERHEAD.match(line):
            return line
    return None


# A letter's return address and addressee block: no title ("> Retouradres Postbus 20901 ...")
_LETTERHEAD = re.compile(r"(?:>|Retouradres\b|Postbus\b|Aan\s+de\s+[Vv]oorzitter\b)")


# ---------------------------------------------------------------- date

def find_date(text: str, kind: str) -> tuple[str | None, str | None]:
    finders = [_header_date, _letter_date]
    if kind == "minutes":
        # the "Datum:" line names the meeting's day, as does a line of the head that opens with it
        finders = [_header_date, _held_on_date, _meeting_date, _today_date]
    elif kind == "magazine":
        finders = [_issue_date, _header_date]
    elif kind in ("advice", "other"):
        finders = [_header_date, _letter_date, _issue_date]
    for finder in finders:
        found = finder(text)
        if found:
            return found
    return None, None


def _iso(year, month, day=None) -> str | None:
    y, mo = int(year), MONTHS.get(str(month).lower().rstrip("."), None) if not str(month).isdigit() else int(month)
    if not mo or not 1 <= mo <= 12:
        return None
    if day is None:
        return f"{y:04d}-{mo:02d}"
    d = int(day)
    return f"{y:04d}-{mo:02d}-{d:02d}" if 1 <= d <= 31 else None


def _parse_date(s: str) -> str | None:
    for rx in (ISO_DATE, NUMERIC_DATE, TEXT_DATE):
        m = rx.search(s)
        if m:
            return _iso(m["year"], m["month"], m["day"])
    return None


# ("**Datum:** vrijdag 14 november 2025, 13.30 – 16.15 uur": bold label, weekday and hours)
# (not a "Datum verslag:" or "Datum vaststelling:" line: the day of the writing, not of the meeting)
_HEADER = re.compile(r"^[ \t*_]*(?:Datum|Vergaderdatum)(?![ \t]+[a-z]+[ \t]*:)[ \t]*:?[ \t*_]*:?[ \t]*(?:\n[ \t]*)?([^\n]{6,60})$", re.M)


def _header_date(text: str):
    """A letterhead "Datum" label with the date beside or below it."""
    for m in _HEADER.finditer(text):
        iso = _parse_date(m.group(1))
        if iso:
            return iso, _fold(m.group(0))
    return None


_LETTER = re.compile(rf"^[ \t]*(?:Den Haag|'s-Gravenhage|Utrecht|Amsterdam),?\s+{TEXT_DATE.pattern}", re.M | re.I)


def _letter_date(text: str):
    m = _LETTER.search(text)
    if m:
        return _iso(m["year"], m["month"], m["day"]), _fold(m.group(0))
    return None


_MEETING = re.compile(
    rf"(?<![Vv]orige )(?<!orige raads)(?:vergadering|\bVergadering),?\s+(?:gehouden\s+)?(?:van|op)\s+"
    rf"(?:de\s+(?:SER|Sociaal-Economische\s+Raad),?\s+(?:gehouden\s+)?(?:van|op)\s+)?"
    rf"(?:(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\s+)?{TEXT_DATE.pattern}")
_PREVIOUS = re.compile(r"(?i)\b(?:verslag|notulen|conceptverslag|vorige)\b[^\n]{0,40}$")
# ... except in the document's own title: "Verslag van de raadsvergadering van 17 januari 2025"
# as one of its first lines names the meeting these minutes record
_OWN_TITLE = re.compile(r"(?i)[ \t#*]*(?:concept)?(?:verslag|notulen)\b")
_HEADER_CHARS = 600
_EARLIER = re.compile(r"(?i)\b(?:vorige|eerdere|voorgaande)\b")


def _meeting_date(text: str):
    """"Op de raadsvergadering van 17 oktober 2024 is ..." (not the minutes of an earlier one)."""
    from .sentences import sentence_at

    for m in _MEETING.finditer(text):
        line_start = text.rfind("\n", 0, m.start()) + 1
        own_title = (line_start < _HEADER_CHARS and _OWN_TITLE.match(text, line_start)
                     and not _EARLIER.search(text, line_start, m.start()))
        if _PREVIOUS.search(text, line_start, m.start()) and not own_title:
            continue
        return _iso(m["year"], m["month"], m["day"]), sentence_at(text, m.start(), m.end())
    return None


_WEEKDAY = r"(?:maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)"
# "gehouden op donderdag 28 november 2024", a dateline "*Vrijdag 16 mei 2025, 10.00 uur, SER-gebouw*" (also
# under the title, "d.d. dinsdag 14 oktober 2025", which the clean view may join to it; not a letter's "d.d.")
# ("Vergadering d.d. 12-09-2023, 13.30 uur", a dateline with a year of two digits: "Donderdag 23 mei '24, 16.00 uur")
_SHORT_YEAR = r"['’](?P<year>\d\d)\b"
_GATHERING = r"(?:[Vv]ergadering|[Oo]verleg|[Bb]ijeenkomst|[Cc]ommissie|[Rr]aad|[Pp]latform|[Ww]erkgroep|[Vv]erslag|[Nn]otulen)"
_HELD_ON = (re.compile(rf"(?i)\bgehouden\s+op\s+(?:{_WEEKDAY}\s+)?{TEXT_DATE.pattern}"),
            re.compile(rf"(?im)^[ \t*_#]*{_WEEKDAY},?\s+{TEXT_DATE.pattern}"),
            re.compile(rf"(?m)^(?:[ \t*_#]*|[^\n]{{0,120}}?\b{_GATHERING}\b[^\n]{{0,80}}?\s)d\.d\.\s+"
                       rf"(?:{_WEEKDAY},?\s+)?{TEXT_DATE.pattern}"),
            re.compile(rf"(?im)^[ \t*_#]*(?:Vergadering|Bijeenkomst|Overleg)\b[^\n]{{0,40}}?\b(?:d\.d\.|van|op)\s+"
                       rf"(?:{_WEEKDAY}\s+)?{NUMERIC_DATE.pattern}"),
            # a head's field: "Vergadering van:   donderdag 6 februari 2025, 14.00 - 16.30 uur"
            re.compile(rf"(?im)^[ \t*_#]*(?:Vergadering|Bijeenkomst|Overleg)[ \t]+(?:van|op|d\.d\.)[ \t]*:[ \t]*"
                       rf"(?:{_WEEKDAY},?\s+)?{TEXT_DATE.pattern}"),
            re.compile(rf"(?im)^[ \t*_#]*{_WEEKDAY},?\s+{_DAY}\s+{_MONTH}\s+{_SHORT_YEAR}"))


def _held_on_date(text: str):
    """The day the head of the minutes says the meeting was held on."""
    found = [m for rx in _HELD_ON for m in rx.finditer(text, 0, _HEADER_CHARS)
             if not _EARLIER.search(text, text.rfind("\n", 0, m.start()) + 1, m.start())]  # "De vorige vergadering, ..."
    if found:
        m = min(found, key=lambda m: m.start())
        year = m["year"] if len(m["year"]) == 4 else f"20{m['year']}"
        return _iso(year, m["month"], m["day"]), _fold(m.group(0))
    return None


_TODAY = re.compile(
    r"\bvandaag\s*(?:[\[(]\s*(?P<d1>[0-3]?\d)\s*[/-]\s*(?P<m1>[01]?\d)\s*[\])]"
    rf"|,?\s*(?:[\[(]\s*)?(?P<d2>[0-3]?\d)\s+(?P<m2>{'|'.join(MONTH_NAMES)})(?!\s+(?:19|20)\d\d))", re.I)


def _today_date(text: str):
    """"vandaag [19/6]": day and month from the text, the year from the dates around it."""
    from .sentences import sentence_at

    for m in _TODAY.finditer(text):
        day = int(m["d1"] or m["d2"])
        month = int(m["m1"]) if m["m1"] else MONTHS[m["m2"].lower()]
        year = _context_year(text, month, day)
        if year and 1 <= month <= 12:
            return _iso(year, month, day), sentence_at(text, m.start(), m.end())
    return None


def _context_year(text: str, month: int, day: int) -> int | None:
    """The year of the earlier meeting whose minutes are on the agenda, else the most
    frequent year of the full dates in the text."""
    for m in re.finditer(rf"(?im)^[ \t]*\d{{1,2}}\.\s+(?:Vaststelling\s+)?(?:concept)?verslag\b[^\n]*?{TEXT_DATE.pattern}", text):
        y, prev = int(m["year"]), (MONTHS[m["month"].lower()], int(m["day"]))
        return y if prev <= (month, day) else y + 1
    years = Counter(int(m["year"]) for m in TEXT_DATE.finditer(text))
    return years.most_common(1)[0][0] if years else None


_ISSUE = re.compile(rf"^[ \t]*{_MONTH}\s+{_YEAR}\b[^\n]{{0,60}}$", re.M | re.I)


# the magazine's name first: "SER Magazine | december 2026", "Nummer 4 – juni 2025"
_ISSUE_AFTER_NAME = re.compile(rf"^[^\n]{{0,40}}?[|–—•·,:-][ \t]*{_MONTH}\s+{_YEAR}\b[^\n]{{0,60}}$", re.M | re.I)


def _issue_date(text: str):
    """An issue line near the top: "September 2021 #3 - jaargang 61", or in the first lines
    after the magazine's name: "SER Magazine | december 2026"."""
    m = _ISSUE.search(text[:3000]) or _ISSUE_AFTER_NAME.search(text[:300])
    if m:
        return _iso(m["year"], m["month"]), _fold(m.group(0))
    return None
