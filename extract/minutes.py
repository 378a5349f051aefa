"""Meetings from minutes: which meeting, its date and chair, its numbered agenda items
("3.", "3.1", "3a", "Agendapunt 3 –", "Ad 3.", "3)") with titles and speakers, who was
welcomed, said farewell, left early or sent apologies, what was adopted ("vastgesteld") and
which other meetings the minutes refer to. The meeting's closing line ends the last item.
Rules live in patterns/minutes.toml. Only documents of kind "minutes" get a Meeting.
"""
from __future__ import annotations

import re
import tomllib
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from . import scan
from .classify import dutch_date
from .model import Entity, Ref
from .names import slug, stem_key
from .persons import fill, lexicon
from .pipeline import component
from .sentences import sentence_bounds

PATTERNS = Path(__file__).with_name("patterns") / "minutes.toml"


@dataclass(frozen=True)
class Item:
    number: str
    title: str
    start: int  # the numbered line
    title_start: int
    end: int  # where the next item of the same or a higher level starts


@lru_cache(maxsize=1)
def rules() -> dict:
    """minutes.toml, its speaker patterns filled with persons.toml's verbs ({SAYS}, {ACTS})."""
    data = tomllib.loads(PATTERNS.read_text(encoding="utf-8"))
    verbs = lexicon().fragments
    data["speaker"] = {name: fill(value, verbs) if isinstance(value, str) else value
                       for name, value in data["speaker"].items()}
    return data


def body_of(ctx) -> str | None:
    """The council whose meeting this is: the SER when the minutes name it, also in a letterhead
    in capitals ("SOCIAAL-ECONOMISCHE RAAD") that the gazetteer does not read."""
    hits = ctx.notes.get("org_hits", [])
    if any(h.key == "org/ser" for h in hits):
        return "SER"
    head = ctx.text[:rules()["meeting"]["head_chars"]]
    return "SER" if re.search(rules()["meeting"]["ser_in_capitals"], head) else None


def meeting_label(ctx) -> str:
    spec = rules()["meeting"]
    council = re.search(spec["council"], ctx.text)
    body = (None if council else body_in_title(ctx)) or body_of(ctx)
    words = [spec["council_label"] if council else spec["other_label"], body or "", dutch_date(ctx.result.doc.date)]
    return " ".join(w for w in words if w)


_TITLE_CHARS = 300


def body_in_title(ctx) -> str | None:
    """The committee or council named in the minutes' head (up to the attendance list): "Verslag van de
    vergadering van de Commissie Duurzame Ontwikkeling" is that committee's meeting; so is one under a
    line that names a body the rules do not know ("Commissie Arbeidsmarkt en Sociale Zekerheid")."""
    attendance = _ATTENDANCE.search(ctx.text, 0, _TITLE_CHARS)
    end = attendance.start() if attendance else _TITLE_CHARS
    for hit in ctx.notes.get("org_hits", []):
        if hit.start >= end:
            break
        entity = ctx.result.entities.get(hit.key)
        if entity is not None and entity.cls in ("Committee", "AdvisoryBody") and hit.key != "org/ser":  # (body_of's)
            return entity.label
    line = _BODY_LINE.search(ctx.text, 0, end)
    return line.group(1) if line else None


_ATTENDANCE = re.compile(r"(?im)^[ \t|*_]*(?:aanwezig|afwezig|deelnemers)\b")
_BODY_LINE = re.compile(r"(?m)^[ \t*_#]*((?:SER-)?(?:[Cc]ommissie|Platform|Werkgroep|Raad)[ \t]+[A-Z][^\n*]{2,80}?)[ \t*_]*$")


# ---------------------------------------------------------------- agenda

def agenda_items(text: str) -> list[Item]:
    """Numbered lines that continue the agenda's numbering (1, 2, 3, 3.1, 3.2, 4, ...).

    Two kinds of numbered lines are no items although their numbers fit: the agenda listed
    before the minutes (lines without a blank line between them), which gives way when the
    numbering starts again at 1; and a list inside an item ("1. Verkort ...", "2. ...") whose
    numbers run on past the item's ("5. Zorg voor ..." in item 4).

    An item taken before its turn ("5." written before "4.", as the meeting took it) is one
    when it stands apart on its line and the skipped number follows as an item later."""
    found: list[tuple[str, str, int, int]] = []
    top, current, sub = 0, 0, 0
    skipped: set[int] = set()  # numbers passed over by an item taken early
    skipped_line = None  # (number, end) of the last numbered line that was no item
    lines = [m for m in scan.candidate_finditer(re.compile(rules()["agenda"]["line"]), _agenda_line_starts(text), text)
             if not m.group("below") or _heads_title_below(m)]
    roman = any(m.group("number") == "II" and _at_line_start(text, m) for m in lines)
    majors = [_major_number(text, m, roman) for m in lines]
    for i, m in enumerate(lines):
        number = _item_number(text, m, current, roman)
        if number is None:
            continue
        major, minor = split_number(number)
        major_n, minor_n = int(major), _minor_index(minor)
        if not minor and major_n == 1 and top > 1 and _listed_together(text, found):
            found, top, current, sub, skipped = [], 0, 0, 0, set()  # the agenda listed first; the minutes start here
        goes_on_a_list = (skipped_line is not None and skipped_line[0] == major_n - 1 and not minor
                          and not _blank_line_between(text, skipped_line[1], m.start()))
        if not minor and not goes_on_a_list and (major_n == top + 1 or major_n in skipped
                                                 or _taken_early(text, lines, majors, i, top)):
            skipped |= set(range(top + 1, major_n))
            skipped.discard(major_n)
            top, current, sub = max(top, major_n), major_n, 0
        elif minor and major_n == current and minor_n in (sub, sub + 1):
            sub = minor_n
        else:
            skipped_line = (major_n if not minor else -1, m.end())
            continue
        skipped_line = None
        found.append((number, m.group("title").strip(), m.start(), m.start("title")))
    end = meeting_end(text, found[-1][3]) if found else len(text)
    return [Item(n, t, s, ts, _item_end(found, i, end)) for i, (n, t, s, ts) in enumerate(found)]


ROMAN = {numeral: str(n) for n, numeral in enumerate(
    "I II III IV V VI VII VIII IX X XI XII XIII XIV XV XVI XVII XVIII XIX XX".split(), 1)}


def _heads_title_below(m: re.Match) -> bool:
    """Whether an agenda line whose title stands on the next line is an item's number: it says so
    ("Agendapunt 3", "III", "4.") and the title is no sentence. A number alone on its line may be a
    PDF page's."""
    says_so = m.group("prefix") or m.group("stop") or not m.group("number")[0].isdigit()
    return bool(says_so) and not m.group("title").rstrip().endswith(".")


def _at_line_start(text: str, m: re.Match) -> bool:
    return m.start() == 0 or text[m.start() - 1] == "\n"


def _item_number(text: str, m: re.Match, current: int, roman: bool) -> str | None:
    """Agenda line m's number in digits: as written ("3", "3.1", "3a"), a Roman numeral's value
    ("III" → "3", where the agenda counts in them), a lone letter under the current item ("a" →
    "2a"). None for a Roman numeral or lone letter that opens no line: mid-line they are an
    initial or a list's letter."""
    number = m.group("number")
    if number[0].isdigit() or number in ROMAN:
        return _major_number(text, m, roman) if not number[0].isdigit() else number
    if not _at_line_start(text, m):
        return None
    return f"{current}{number}" if current and number.islower() else None


def _major_number(text: str, m: re.Match, roman: bool) -> str | None:
    """`_item_number` of a line numbered in digits or Roman numerals (no lone letter, whose number
    depends on the item above it)."""
    number = m.group("number")
    if number[0].isdigit():
        return number
    if number in ROMAN and roman and _at_line_start(text, m):
        return ROMAN[number]
    return None


_APART = re.compile(r"(?:\A|\n[ \t]*[-=_*#]*[ \t]*\n)\Z")


def _taken_early(text: str, lines: list[re.Match], numbers: list[str | None], i: int, top: int) -> bool:
    """Whether numbered line i (`numbers`: the lines' numbers in digits), numbered top + 2, is an
    item taken before item top + 1: it stands apart (after a blank or ruled line) and a later
    line, apart too, is item top + 1."""
    def apart(m: re.Match) -> bool:
        return _APART.search(text, max(0, m.start() - 200), m.start()) is not None

    if numbers[i] != str(top + 2) or top == 0 or not apart(lines[i]):
        return False
    return any(n == str(top + 1) and apart(m) for m, n in zip(lines[i + 1:], numbers[i + 1:]))


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _blank_line_between(text: str, start: int, end: int) -> bool:
    return _BLANK_LINE.search(text, start, end) is not None


def _listed_together(text: str, found: list[tuple[str, str, int, int]]) -> bool:
    """Two numbered lines or more, one under the other without a blank line: a list."""
    return len(found) >= 2 and not any(_blank_line_between(text, a[3], b[2]) for a, b in zip(found, found[1:]))


# Where an agenda line may begin (patterns/minutes.toml, [agenda] line): at a line's start or
# after "." or ")" and a space, then perhaps "Agendapunt", "Punt" or "Ad", then the number's first digit.
# The rule opens with that choice, which makes `re` try it at every position; these open with a
# literal or a small class, which `re` searches for fast. Keep them in step with the rule.
_AGENDA_AFTER_BREAK = re.compile(r"\n[ \t]*(?:[Aa]gendapunt(?:[ \t]+|[ \t]*\n[ \t]*(?=\d))|[Pp]unt[ \t]+|[Aa]d[ \t]+)?(?:\d|[IVX]{1,4}(?:\.|[ \t]*\n)|[a-h][.)])")
_AGENDA_AFTER_STOP = re.compile(r"[.)]\s[ \t]*(?:[Aa]gendapunt[ \t]+|[Pp]unt[ \t]+|[Aa]d[ \t]+)?\d")


def _agenda_line_starts(text: str) -> list[int]:
    """The places where a match of the agenda rule may begin, ascending."""
    starts = [0]
    starts += (m.start() + 1 for m in _AGENDA_AFTER_BREAK.finditer(text))
    starts += (m.start() + 2 for m in _AGENDA_AFTER_STOP.finditer(text))
    return sorted(starts)


_LINE_ENDS_SENTENCE = re.compile(r"[.!?][\"”’)]*[ \t]*(?=\n|\Z)")


def meeting_end(text: str, last_item: int) -> int:
    """Where the line that closes the meeting ends ("... sluit de vergadering om 12.30 uur."),
    after the last item's title: the first line end after a full stop, as a wrapped sentence
    may go on on the next line. The text's end when no closing is written."""
    m = re.compile(rules()["agenda"]["closing"]).search(text, last_item)
    if not m:
        return len(text)
    stop = _LINE_ENDS_SENTENCE.search(text, m.end(), m.end() + 300)
    return stop.end() if stop else len(text)


def split_number(number: str) -> tuple[str, str]:
    """'3.2' -> ('3', '2'); '3b' -> ('3', 'b') (a sub-item by letter); '4' -> ('4', '')."""
    if "." in number:
        major, _, minor = number.partition(".")
        return major, minor
    return number.rstrip("abcdefgh"), number.lstrip("0123456789")


def _minor_index(minor: str) -> int:
    """'2' -> 2, 'b' -> 2, '' -> 0."""
    return int(minor) if minor.isdigit() else (ord(minor) - ord("a") + 1 if minor else 0)


def _level(number: str) -> int:
    return 1 if split_number(number)[1] else 0


def _item_end(found, i: int, text_end: int) -> int:
    level = _level(found[i][0])
    for number, _, start, _ in found[i + 1:]:
        if _level(number) <= level:
            return start
    return text_end


def item_key(meeting: str, number: str) -> str:
    return f"{meeting}/item/{number}"


# ---------------------------------------------------------------- speakers

def speakers(ctx, item: Item, chair: str | None) -> set[str]:
    spec = rules()["speaker"]
    text = ctx.text
    found = set()
    last = None  # (end, key) of the last speaker found, for one named with it ("De heren Dekker en Yilmaz")
    for start, end, key in ctx.notes.get("person_hits", []):
        if not item.start <= start < item.end:
            continue
        if item.title_start <= start < item.title_start + len(item.title):
            found.add(key)  # named in the title: a speaker whatever the text beside it says
            continue
        with_last = last is not None and _rx(spec["coordinated"]).match(text, last[0], start) is not None
        speaks = (with_last
                  or _rx(spec["sentence_start"]).search(text[max(0, start - 20):start])
                  or _rx(spec["according_to"]).search(text[max(0, start - 40):start])
                  or _rx(spec["inverted"]).search(text[max(0, start - 90):start])
                  or _rx(spec["floor"]).search(text[max(0, start - 60):start])
                  or _rx(spec["speech_after"]).match(text[end:end + 200])
                  or _rx(spec["subject_before"]).search(text[max(0, start - 20):start])
                  and _rx(spec["subject_after"]).match(text[end:end + 70])
                  or _rx(spec["turn_before"]).search(text[max(0, start - 40):start])
                  and _rx(spec["turn_after"]).match(text[end:end + 50]))
        if speaks and _rx(spec["absent_after"]).match(text[end:end + 60]):
            if with_last:
                found.discard(last[1])  # "De heer X en mevrouw Y zijn verhinderd"
            last = None
        elif speaks:
            found.add(key)
            last = (end, key)
        else:
            last = None
    if chair and (_rx(spec["chair_words"]).search(text[item.start:item.end])
                  or _rx(spec["chair_in_title"]).search(item.title)):
        found.add(chair)
    holders = office_holders(ctx)
    for m in _rx(spec["by_office"]).finditer(text, item.start, item.end):
        persons = holders.get(slug(m["office"]), set())
        if len(persons) == 1:
            found |= persons
    return found


def office_holders(ctx) -> dict[str, set[str]]:
    """role key → the persons of the document who hold it (from their memberships): "algemeen-secretaris"."""
    holders: dict[str, set[str]] = {}
    for entity in ctx.result.entities.values():
        if entity.cls == "org:Membership":
            props = dict(entity.props)
            if "org:role" in props and "org:member" in props:
                holders.setdefault(props["org:role"].key.split("/", 1)[1], set()).add(props["org:member"].key)
    return holders


@lru_cache(maxsize=64)
def _rx(pattern: str) -> re.Pattern:
    """A pattern of the rules compiled once (`re.search(pattern, ...)` looks it up in `re`'s
    cache on every call, and `speakers` calls it for every person of every item)."""
    return re.compile(pattern)


def find_chair(ctx) -> tuple[str, tuple[int, int], str] | None:
    absent = _rx(rules()["absent_list"]["opens"])
    for rule in rules()["chair"]:
        for start, end, key in ctx.notes.get("person_hits", []):
            if absent.match(ctx.text, ctx.text.rfind("\n\n", 0, start) + 1):
                continue  # listed as away
            after = rule.get("after_person")
            before = rule.get("before_person")  # a rule with both needs both
            if (not after or _rx(after).match(ctx.text[end:end + 90])) and \
                    (not before or _rx(before).search(ctx.text[max(0, start - 60):start])):
                return key, (start, end), rule["id"]
    return None


# ---------------------------------------------------------------- attendance, decisions

_NEXT_FIELD = re.compile(r"\n[ \t*_]*[A-Z][\w'’ -]{0,40}:")  # "\nSecretariaat:  Oduya, ..."


def attendance(ctx, meeting: str, chair: str | None) -> None:
    for rule in rules()["attendance"]:
        for m in scan.finditer(re.compile(rule["cue"], re.I), ctx.text):
            s, e = sentence_bounds(ctx.text, m.start(), m.end())
            if rule.get("unless") and re.search(rule["unless"], ctx.text[s:e], flags=re.I):
                continue
            listed = rule.get("list") and re.match(rule["list"], ctx.text[m.end():m.end() + 45])
            if listed:
                s = m.end()  # a list line: every person after the cue and its colon, up to the next field
                field = _NEXT_FIELD.search(ctx.text, m.end(), e)
                e = field.start() if field else e
            persons = [(abs(start - m.start()), key) for start, _, key in ctx.notes.get("person_hits", [])
                       if s <= start < e and key != chair]
            for _, key in sorted(persons)[:1] if rule.get("nearest") and not listed else persons:
                ctx.link(meeting, rule["property"], key, rule["id"])


def decisions(ctx, items: list[Item], keys: dict[str, str]) -> None:
    spec = rules()["decision"]
    for item in items:
        body = ctx.text[item.title_start:item.end]
        if re.search(spec["cue"], body):
            ctx.relate(keys[item.number], "polder:decision", "vastgesteld", spec["id"])


def referenced_meetings(ctx, meeting: str) -> None:
    spec = rules()["reference"]
    doc_date = ctx.result.doc.date or ""
    text = ctx.text
    for m in scan.candidate_finditer(re.compile(spec["pattern"]), _reference_starts(text), text):
        iso = _iso(m, doc_date)
        if not iso or iso == doc_date:
            continue
        label = f"Raadsvergadering {body_of(ctx) or ''} {dutch_date(iso)}".replace("  ", " ")
        key = f"meeting/{slug(body_of(ctx) or 'raad')}/{iso}"
        written = re.sub(r"\s+", " ", m.group())
        entity = Entity(key, "Meeting", label, {written})
        entity.add("dcterms:date", iso)
        ctx.entity(entity)
        ctx.mention(key, m.start(), m.end(), spec["id"])
        ctx.link(meeting, "dcterms:references", key, spec["id"])


def _reference_starts(text: str) -> list[int]:
    """The places where a match of the reference rule may begin, ascending: the "R" or "r" of
    "raadsvergadering", or the ordinal before it ("412de raadsvergadering": digits, "ste", "de"
    or "e", white space). The rule opens with the optional ordinal, which makes `re` try it at
    every position; "aadsvergadering" is found by a plain search. Keep in step with the rule."""
    starts = []
    at = text.find("aadsvergadering", 1)
    while at >= 0:
        kind = at - 1
        starts.append(kind)
        space = kind
        while space and text[space - 1].isspace():
            space -= 1
        if space < kind:
            for suffix in ("ste", "de", "e"):
                if text.endswith(suffix, 0, space):
                    starts += (space - len(suffix) - digits for digits in (3, 4))
        at = text.find("aadsvergadering", at + 1)
    return sorted(s for s in starts if s >= 0)


def _iso(m: re.Match, doc_date: str) -> str | None:
    month = rules()["months"].index(m.group("month")) + 1
    year = m.group("year") or doc_date[:4]
    if not year:
        return None
    if not m.group("year") and len(doc_date) >= 7 and month < int(doc_date[5:7]) and "volgende" in m.string[max(0, m.start() - 12):m.start()]:
        year = str(int(year) + 1)
    return f"{year}-{month:02d}-{int(m.group('day')):02d}"


# ---------------------------------------------------------------- the component

@component("minutes", kinds=("minutes",), order=60)
def extract_meeting(ctx) -> None:
    doc = stem_key(ctx.result.doc.stem)
    meeting = f"{doc}/meeting"
    entity = Entity(meeting, "Meeting", meeting_label(ctx))
    entity.add("polder:recordedIn", Ref(doc))
    if ctx.result.doc.date:
        entity.add("dcterms:date", ctx.result.doc.date)
    ctx.entity(entity)
    chair = find_chair(ctx)
    if chair:
        ctx.link(meeting, "polder:chair", chair[0], chair[2])
    items = agenda_items(ctx.text)
    keys = {item.number: item_key(meeting, item.number) for item in items}
    together = taken_together(ctx.text, items)
    for item in items:
        add_item(ctx, meeting, item, keys, chair[0] if chair else None, together.get(item.number))
    attendance(ctx, meeting, chair[0] if chair else None)
    decisions(ctx, items, keys)
    referenced_meetings(ctx, meeting)


def taken_together(text: str, items: list[Item]) -> dict[str, Item]:
    """number → the next item, for an item discussed with it: its heading has no text of its own
    before the next one's ("4. Werkprogramma SER 2025 en\n5. Kaderbrief begroting SER 2026\n\nDe heer
    Çelik licht beide stukken toe."). Its speakers are the next item's."""
    together = {}
    for item, nxt in zip(items, items[1:]):
        if _level(item.number) == _level(nxt.number) and not text[item.title_start + len(item.title):nxt.start].strip() \
                and (_JOINED_TITLE.search(item.title) or _BOTH.match(text, nxt.title_start + len(nxt.title), nxt.end)):
            together[item.number] = nxt
    return together


_JOINED_TITLE = re.compile(r"(?:\s(?:en|&)|[,+])$")  # "4. Werkprogramma SER 2025 (SER/2025/0012) en"
# the next item's text opens on both: "De heer Çelik licht beide stukken toe.", "Deze punten worden gezamenlijk besproken."
_BOTH = re.compile(r"\s*[^.!?\n]{0,80}?\b(?:beide|gezamenlijk|tezamen|samen\s+besproken)\b")


def add_item(ctx, meeting: str, item: Item, keys: dict[str, str], chair: str | None,
             together: Item | None = None) -> None:
    rule = rules()["agenda"]["id"]
    entity = Entity(keys[item.number], "AgendaItem", item.title)
    entity.add("polder:number", item.number)
    ctx.entity(entity)
    ctx.mention(keys[item.number], item.title_start, item.title_start + len(item.title), rule)
    ctx.link(meeting, "polder:hasAgendaItem", keys[item.number], rule)
    parent = keys.get(split_number(item.number)[0]) if _level(item.number) else None
    for person in sorted(speakers(ctx, item, chair) | (speakers(ctx, together, chair) if together else set())):
        ctx.link(keys[item.number], "polder:speaker", person, rules()["speaker"]["id"])
        if parent:
            ctx.link(parent, "polder:speaker", person, rules()["speaker"]["id"])
    for topic in item_topics(ctx, item):
        ctx.link(keys[item.number], "polder:concerns", topic, TOPIC_RULE)


TOPIC_RULE = "minutes.item-topic/1"


def item_topics(ctx, item: Item) -> list[str]:
    """Topics an agenda item is about: named in its title, or at least twice under it."""
    hits = [h for h in _topic_hits(ctx.notes.get("known_hits", [])) if item.start <= h.start < item.end]
    in_title = {h.key for h in hits if item.title_start <= h.start < item.title_start + len(item.title)}
    counts = Counter(h.key for h in hits)
    return sorted(in_title | {key for key, n in counts.items() if n >= 2})


_TOPIC_HITS: list = [None, 0, []]  # the last known hits seen, their number, their topics


def _topic_hits(known_hits: list) -> list:
    """The topic hits among a document's known hits, in their order: picked once for the
    document, not once for every agenda item."""
    if _TOPIC_HITS[0] is not known_hits or _TOPIC_HITS[1] != len(known_hits):
        _TOPIC_HITS[:] = [known_hits, len(known_hits), [h for h in known_hits if h.cls == "Topic"]]
    return _TOPIC_HITS[2]
