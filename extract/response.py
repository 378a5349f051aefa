"""Recommendations of an advice and the cabinet's stance on each.

A government response answers an advice (an Advice entity, the same node wherever that
advice is named) and reacts to its numbered recommendations one by one. Each
recommendation becomes a Recommendation entity (key doc/<stem>/recommendation/<number>)
with its proposal text, who it is addressed to, the laws and provisions cited in its
section and its topics; the cabinet's reaction becomes a Response entity with one stance
(extract/stance.py). Rules live in patterns/recommendations.toml.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache
from itertools import takewhile
from pathlib import Path


from . import scan
from . import stance as stance_classifier
from .keys import document_key, slug
from .model import Entity, Ref, Vocab
from .pipeline import component
from .reference import load_reference

PATTERNS = Path(__file__).with_name("patterns") / "recommendations.toml"
ROMAN = {"I": 1, "V": 5, "X": 10}
_PARAGRAPH = re.compile(r"[^\n]+")
_SPACE = re.compile(r"\s*")


@dataclass(frozen=True)
class Heading:
    number: str
    label: str
    start: int
    end: int  # end of the heading's line
    rule: str
    explicit: bool = False
    body: int = -1  # where the section's text starts when the line ran on past the label
    also: tuple[str, ...] = ()  # the other numbers of a range heading ("Aanbevelingen 4 tot en met 6")

    @property
    def outline(self) -> tuple[int, ...]:
        return outline_of(self.number)

    @property
    def last_outline(self) -> tuple[int, ...]:
        """The outline of the last number it stands for (a range heading's end)."""
        return outline_of(self.also[-1]) if self.also else self.outline

    @property
    def text_start(self) -> int:
        return self.body if self.body >= 0 else self.end

    def numbers(self) -> tuple[str, ...]:
        return (self.number,) + self.also


@dataclass
class Section:
    heading: Heading
    start: int
    end: int
    proposal: list[tuple[int, int]] = field(default_factory=list)
    reaction: list[tuple[int, int]] = field(default_factory=list)
    marked: bool = False  # the reaction opens with a "Reactie" line
    markers: list[tuple[int, int]] = field(default_factory=list)  # spans of those lines' marker words
    # number → a table cell that gives its stance in a word or two ("Deels overnemen")
    verdicts: dict[str, tuple[int, int]] = field(default_factory=dict)


# ---------------------------------------------------------------- rules

@lru_cache(maxsize=1)
def rules() -> dict:
    data = tomllib.loads(PATTERNS.read_text(encoding="utf-8"))
    m = re.M
    data["headings"] = [(h["id"], re.compile(h["pattern"], m), h.get("explicit", False)) for h in data["heading"]]
    data["reply_rules"] = {h["id"] for h in data["heading"] if h.get("reply")}
    sec = data["section"]
    words = sec["reaction_marker"]
    data["marker"] = re.compile(rf"^(?:{words})\s*:?\s*$", m)
    data["marker_inline"] = re.compile(rf"^(?:{words})\s*:[ \t]*(?=\S)")
    data["marker_mid"] = re.compile(rf"[.!?][ \t]+(?:{words})\s*:[ \t]*(?=\S)")
    data["closing"] = re.compile(sec["closing"], m)
    data["closing_heading"] = re.compile(sec["closing_heading"], m)
    data["voice"] = re.compile(sec["cabinet_voice"], m)  # a paragraph may open with the voice
    data["not_rec"] = re.compile(sec["not_a_recommendation"])
    data["label_end"] = re.compile(sec["label_end"])
    data["title_rules"] = [(r["id"], re.compile(r["pattern"], m)) for r in data["advice"]["title_rule"]]
    data["unnumbered"]["proposal"] = re.compile(data["unnumbered"]["proposal"], m)
    data["referenced"]["reference"] = re.compile(data["referenced"]["reference"])
    data["cited"]["marker"] = re.compile(data["cited"]["marker"])
    data["referenced"]["sentence"]["opens"] = re.compile(data["referenced"]["sentence"]["opens"])
    data["advice_chapter"]["heading"] = re.compile(data["advice_chapter"]["heading"])
    reported = data["reported"]
    reported["proposal"] = re.compile(reported["proposal"])
    reported["verb_needs"] = {verb: re.compile(needs) for verb, needs in reported["verb_needs"].items()}
    reported["reaction"] = {name: re.compile(pattern) for name, pattern in reported["reaction"].items()}
    data["groups"] = [(g["label"], re.compile(g["pattern"], re.I)) for g in data["group"]]
    data["counted_group"] = re.compile(sec["counted_group"], re.I)
    table = data["table"]
    for name in ("reaction_column", "proposal_column", "number_column", "number_in_cell", "verdict_column"):
        table[name] = re.compile(table[name])
    adv = data["advice"]
    data["first_person"] = re.compile(adv["first_person"])
    data["cabinet_named"] = re.compile(adv["cabinet_named"])
    mins = data["minutes"]
    data["list_intro"] = re.compile(mins["list_intro"], re.I | m)
    data["list_item"] = re.compile(mins["item"], m)
    data["list_item_reaction"] = re.compile(mins["item_reaction"])
    data["list_item_reaction_voice"] = re.compile(mins["item_reaction_voice"])
    data["agenda_advice"] = re.compile(mins["agenda_advice"], m)
    data["bullet_reaction"] = re.compile(mins["bullet_reaction"], m)
    return data


def outline_of(number: str) -> tuple[int, ...]:
    """'3.2' → (3, 2); '1a' → (1, 1): a letter after a number is one level deeper."""
    out: list[int] = []
    for part in number.split("."):
        if len(part) > 1 and part[:-1].isdigit() and part[-1].isalpha():
            out += [int(part[:-1]), ordinal(part[-1])]
        else:
            out.append(ordinal(part))
    return tuple(out)


def ordinal(part: str) -> int:
    """'3' → 3, 'IV' → 4, 'c' → 3."""
    if part.isdigit():
        return int(part)
    if set(part) <= set(ROMAN):
        values = [ROMAN[c] for c in part]
        return sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values))
    return ord(part.lower()) - ord("a") + 1


# ---------------------------------------------------------------- the text's layout

def main_text_end(ctx) -> int:
    """Where the footnotes that the cleaner moved to the end begin (else the text's end)."""
    origin, text = ctx.clean.origin, ctx.text
    highest = -1
    for m in _PARAGRAPH.finditer(text):
        if origin[m.start()] < highest and re.match(r"\d{1,3}\s", m.group()):
            return m.start()
        highest = max(highest, origin[m.end() - 1])
    return len(text)


def footnotes(ctx, start: int) -> dict[int, tuple[int, int]]:
    """Footnote number → clean span of its text, for the notes after `start`."""
    notes = {}
    for m in re.finditer(r"(?m)^(\d{1,3})\s+\S[^\n]*", ctx.text[start:]):
        notes.setdefault(int(m.group(1)), (start + m.start(), start + m.end()))
    return notes


_DIGITS = re.compile(r"\d+")


def note_markers(ctx, start: int, end: int) -> set[int]:
    """Numbers of the footnote markers the cleaner deleted inside clean span [start, end)."""
    kept = ctx.notes.get("_kept_offsets")
    if kept is None:
        kept = ctx.notes["_kept_offsets"] = set(ctx.clean.origin)
    ostart, oend = ctx.clean.to_original(start, end)
    raw = ctx.raw.text
    # A marker's first digit is one the cleaner deleted, and opens a run of digits (what it is
    # glued to, a word or the ">" of "<sup>", is no digit); most spans hold no such digit.
    candidates = ctx.notes.get("_deleted_run_starts")
    if candidates is None:
        candidates = ctx.notes["_deleted_run_starts"] = [
            m.start() for m in _DIGITS.finditer(raw) if m.start() not in kept]
    at = bisect_left(candidates, ostart)
    if at == len(candidates) or candidates[at] >= oend:
        return set()
    found = set()
    for m in re.finditer(r"(?:<sup>)?(\d{1,3})(?:</sup>)?", raw[ostart:oend]):
        first, last = ostart + m.start(), ostart + m.end() - 1
        glued = first > 0 and not raw[first - 1].isspace() and not raw[first - 1].isdigit()
        # a marker is a deleted run inside kept text, glued to the word before it
        if glued and ostart + m.start(1) not in kept and first - 1 in kept and last + 1 in kept:
            found.add(int(m.group(1)))
    return found


# ---------------------------------------------------------------- headings → sections

def find_headings(text: str, end: int) -> list[Heading]:
    found: dict[int, Heading] = {}
    for rule_id, pattern, explicit in rules()["headings"]:
        for m in scan.finditer_upto(pattern, text, end):
            if m.start() not in found:
                found[m.start()] = heading_of(m, rule_id, explicit)
    return sorted(found.values(), key=lambda h: h.start)


def heading_of(m: re.Match, rule_id: str, explicit: bool) -> Heading:
    label, cut = label_cut(m.group("label"))
    groups = m.groupdict()
    number = groups.get("number") or groups.get("number2") or str(rules()["ordinal_words"][groups["word"].lower()])
    rest = groups.get("rest") or groups.get("rest2")  # (number2, rest2: the range rule's form with an article)
    also = range_numbers(number, rest) if rest else ()
    same_line = "\n" not in m.string[m.start():m.start("label")]  # not a label taken from the next line
    if not same_line and explicit and (rules()["voice"].match(label) or _PARAGRAPH_LINE.search(m.group("label"))):
        # "Aanbeveling 1" + "Het kabinet neemt deze aanbeveling over. ...": the next line is the reaction or
        # another paragraph, no label
        line_end = m.string.find("\n", m.start())
        return Heading(number.rstrip("."), "", m.start(), line_end, rule_id, explicit)
    body = m.start("label") + cut if cut is not None and explicit and same_line else -1
    named = _NAMED_IN_LABEL.match(label) if not explicit else None
    if named:  # "3.1 Aanbeveling 1: Verkort de termijn": the section's number is no recommendation's
        return Heading(named.group("number"), named.group("label"), m.start(), m.end(), rule_id, True, body)
    return Heading(number.rstrip("."), label, m.start(), m.end(), rule_id, explicit, body, also)


_PARAGRAPH_LINE = re.compile(r"^[^\n]{160}|[.!?][ \t]+[A-Z]")  # a long line, or one of several sentences
_NAMED_IN_LABEL = re.compile(r"Aanbeveling\s+(?P<number>\d{1,2}[a-h]?)\s*[:.–-]\s*(?P<label>\S.*)")


def range_numbers(first: str, rest: str) -> tuple[str, ...]:
    """The numbers after the first of "4 tot en met 6", "4-6", "4, 5 en 6" (none when implausible)."""
    numbers = [int(first)] + [int(n) for n in re.findall(r"\d+", rest)]
    if len(numbers) == 2 and re.search(r"tot\s+en\s+met|t/m|[–-]", rest):
        numbers = list(range(numbers[0], numbers[1] + 1))
    if len(numbers) > rules()["section"]["max_range"] or numbers != sorted(set(numbers)) or len(numbers) < 2:
        return ()
    return tuple(str(n) for n in numbers[1:])


def label_of(line: str) -> str:
    return label_cut(line)[0]


def label_cut(line: str) -> tuple[str, int | None]:
    """A heading's label: its line up to where the PDF text ran on into the body; and the
    offset in `line` where that body starts (None when the label is the whole line)."""
    lead = len(line) - len(line.lstrip(" *_:"))
    stripped = line.strip(" *_:")
    m = rules()["label_end"].search(stripped)
    cut = m.start() if m and m.start() >= 12 else None
    label = stripped[:cut] if cut is not None else stripped
    return label.strip(" .")[:rules()["section"]["max_label"]], (lead + m.end() if cut is not None else None)


def in_outline(headings: list[Heading]) -> list[Heading]:
    """Headings whose numbers continue one outline ("1", "1.1", "1.2", "2", ...); lists
    inside a section that restart at 1 fall out."""
    kept: list[Heading] = []
    for h in headings:
        prev = kept[-1].last_outline if kept else (0,)
        if h.outline > prev and successor(prev, h.outline) or not kept and opens_in_a_chapter(h.outline):
            kept.append(h)
    return kept


def opens_in_a_chapter(outline: tuple[int, ...]) -> bool:
    """"3.1", "4.1.1": the first of a chapter's numbered parts, where the chapters before hold no
    recommendation ("3.1  Breng de witte vlek in beeld" after an unnumbered introduction)."""
    return len(outline) >= 2 and all(x == 1 for x in outline[1:])


def successor(prev: tuple[int, ...], nxt: tuple[int, ...]) -> bool:
    for i, (a, b) in enumerate(zip(prev, nxt)):
        if a != b:
            return b - a <= 2 and all(x == 1 for x in nxt[i + 1:])
    return len(nxt) > len(prev) and all(x == 1 for x in nxt[len(prev):])


def is_leaf(h: Heading, headings: list[Heading]) -> bool:
    prefix = h.number + "."
    return not any(o.number.startswith(prefix) for o in headings)


def without_bare_lists(text: str, headings: list[Heading]) -> list[Heading]:
    """Leave out runs of numbered lines with nothing between them ("1. Ruim 900.000 kinderen ...",
    "2. ..."): a list of facts, or a summary of the recommendations answered further on. The
    run's last item goes too: its section only seems long because it takes in what follows."""
    bare = {h.start for h in bare_list_items(text, headings)}
    return [h for h in headings if h.start not in bare]


def bare_list_items(text: str, headings: list[Heading]) -> list[Heading]:
    """The items of runs of numbered lines with nothing between them."""
    bare: dict[int, Heading] = {}
    for h, nxt in zip(headings, headings[1:]):
        if text[h.text_start:nxt.start].strip() == "" and next_in_list(h, nxt) \
                and inline_reaction(text, h) is None and inline_reaction(text, nxt) is None:
            bare.update({h.start: h, nxt.start: nxt})
    return list(bare.values())


def inline_reaction(text: str, h: Heading) -> int | None:
    """Where a sentence in the cabinet's voice begins on the heading's own line, after the
    proposal's first sentence: "1. Voer het toelatingsstelsel in. Het kabinet is het hiermee eens."
    (a paragraph of the list answers its proposal itself). None when the line holds no reaction."""
    line_end = text.find("\n", h.start, h.end)
    if h.body >= 0 or line_end >= 0:
        return None  # (a label cut off from a body is read by `split_section`; one from the next line is no such line)
    m = rules()["voice"].search(text, h.start + 1, h.end)
    return m.start() + (len(m.group()) - len(m.group().lstrip(".!? \n"))) if m else None


def next_in_list(h: Heading, nxt: Heading) -> bool:
    """`nxt` is the item after `h` in one list: same rule, same level, the next number."""
    a, b = h.last_outline, nxt.outline
    return h.rule == nxt.rule and len(a) == len(b) and a[:-1] == b[:-1] and b[-1] == a[-1] + 1


def candidate_headings(text: str, end: int) -> list[list[Heading]]:
    """The outlines the numbered headings may form: the one from the document's start, and
    one from each list that restarts at 1 inside a section ("2. Aanbevelingen en reactie",
    then "1. Introduceer ...", "2. Veranker ...")."""
    headings = without_bare_lists(text, find_headings(text, end))
    explicit = [h for h in headings if h.explicit]
    same_kind = [h for h in headings if not h.explicit]
    if len(explicit) >= 2 or explicit and not same_kind:  # one explicit heading alone: an advice of one recommendation
        outline = in_outline(explicit)
        return [outline + continued_below(outline, same_kind)]
    by_rule = Counter(h.rule for h in same_kind)
    best = [h for h in same_kind if h.rule == (by_rule.most_common(1)[0][0] if by_rule else None)]
    outline = in_outline(best)
    restarts = [i for i, h in enumerate(best) if i and h.outline == (1,) and h not in outline]
    return [outline] + [in_outline(best[i:]) for i in restarts]


def continued_below(outline: list[Heading], headings: list[Heading]) -> list[Heading]:
    """Numbered headings after the last of `outline` that go on with its numbers one level down:
    a second advice answered in the same letter ("Aanbeveling 1" ... "Aanbeveling 4", then "Deel
    B." and "5.1 Stel ...", "5.2 ..."). A chapter after the outline ("5. Tot slot") is no part."""
    if not outline:
        return []
    later = [h for h in headings if h.start > outline[-1].start and len(h.outline) >= 2]
    kept = in_outline(outline + later)[len(outline):]
    return kept if kept and all(len(h.outline) >= 2 for h in kept) else []


def sections(text: str, end: int, unnumbered: bool = False) -> list[Section]:
    """The recommendations' sections; with `unnumbered`, when no heading or table numbers
    any, those of proposals answered one by one without numbers. Of several outlines, the
    one whose sections hold the most marked reactions ("Reactie kabinet:")."""
    tables = list(table_blocks(text, end))
    every = find_headings(text, end)
    outlines = [outline_sections(text, end, headings, tables, every) for headings in candidate_headings(text, end)]
    # the one with the most marked reactions, then the most recommendations ("## 1. Inleiding", "## 2.
    # Reactie", then "**1. Verduidelijk ...**" ... "**5. ...**"); the first of equals
    found = max(outlines, key=lambda found: (sum(s.marked for s in found), len(found)))
    grouped = grouped_reply_sections(text, end)
    if len(grouped) > len(found):  # runs of headings, each answered by one "Reactie" below it
        found = grouped
    cited = cited_sections(text, end)
    if reacted(cited) > sum(len(s.heading.numbers()) for s in found) > 0:  # the headings were the advice's themes
        found = cited
    answered = {n for s in found for n in s.heading.numbers() if s.reaction or s not in cited}
    every_row = [s for t in tables for s in table_rows(text, t)]
    # a summary table's stance column speaks for the detailed reaction of the same number; so does its short reaction
    # cell ("Gedeeltelijk overgenomen") for a theme that answers several numbers at once
    columns = {r.heading.number: r.verdicts[r.heading.number] for r in every_row if r.heading.number in r.verdicts}
    cells = {r.heading.number: r.reaction[0] for r in every_row
             if r.reaction and _VERDICT_CELL_WORDS >= len(text[slice(*r.reaction[0])].split())}
    for s in found:
        stated = columns | cells if s.heading.also else columns
        s.verdicts = {n: stated[n] for n in s.heading.numbers() if n in stated} | s.verdicts
    rows = [s for s in every_row if s.heading.number not in answered]
    rowed = {s.heading.number for s in rows}
    found = [s for s in found if not (s in cited and not s.reaction and s.heading.number in rowed)]
    if found or rows or not unnumbered:
        return sorted(found + rows, key=lambda s: s.start)
    other = referenced_sections(text, end) or unnumbered_sections(text, end) or reported_sections(text, end)
    return cited if reacted(cited) > reacted(other) else other


_VERDICT_CELL_WORDS = 4  # a reaction cell of a few words states a stance: "Gedeeltelijk overgenomen", "Niet overnemen"
GROUPED_RULE = "rec.grouped-reply/1"


def grouped_reply_sections(text: str, end: int) -> list[Section]:
    """Runs of explicit headings with nothing between them ("Aanbeveling 1: ...", "Aanbeveling 2: ..."), each
    run answered by one "Reactie" block below it whose lines open on the numbers ("Aanbeveling 1 neemt het
    kabinet over. ...", "Met aanbeveling 2 is het kabinet het eens ..."): each heading takes its own lines."""
    headings = [h for h in find_headings(text, end) if h.explicit]
    out: list[Section] = []
    i = 0
    while i < len(headings):
        run = [headings[i]]
        while i + 1 < len(headings) and next_in_list(run[-1], headings[i + 1]) \
                and not text[run[-1].text_start:headings[i + 1].start].strip():
            i += 1
            run.append(headings[i])
        i += 1
        after = headings[i].start if i < len(headings) else closing_at(text, run[-1].end, end)
        marker = rules()["marker"].search(text, run[-1].text_start, after)
        if len(run) < 2 or marker is None:
            continue
        lines = takewhile(lambda p: not heading_like(text[p[0]:p[1]]),
                          (m.span() for m in _PARAGRAPH.finditer(text, marker.end(), after)))
        # by sentence: the clean view may have joined the reaction's lines into one paragraph
        block = [(ps + a, ps + b) for ps, pe in lines for a, b in stance_classifier.sentences(text[ps:pe])]
        numbers = tuple(h.number for h in run)
        for h in run:
            own = own_paragraphs(text, block, h.number, numbers)
            section_end = own[-1][1] if own else h.end
            out.append(Section(replace(h, rule=GROUPED_RULE), h.start, section_end, proposal=[(h.start, h.end)],
                               reaction=own, marked=bool(own)))
    return out


def reacted(found: list[Section]) -> int:
    """How many of the sections hold a reaction."""
    return sum(1 for s in found if s.reaction)


def outline_sections(text: str, end: int, headings: list[Heading], tables: list[re.Match],
                     every: list[Heading] = ()) -> list[Section]:
    """The recommendations' sections under one outline of numbered headings (`every`: all the
    numbered headings, which may hold the chapter after the outline's)."""
    out = []
    for i, h in enumerate(headings):
        stop = headings[i + 1].start if i + 1 < len(headings) else closing_at(text, h.end, end)
        if i + 1 == len(headings):
            stop = min(stop, next_chapter(headings, every, h.end) or stop)
        stop = min([stop] + [t.start() for t in tables if h.end <= t.start() < stop])
        closing_heading = rules()["closing_heading"].search(text, h.end, stop)
        stop = closing_heading.start() if closing_heading else stop
        if h.explicit or is_leaf(h, headings):
            out.append(split_section(text, Section(h, h.start, stop)))
    replies_to(text, end, out)
    summaries_to_wholes(text, out)
    marked_somewhere = any(s.marked for s in out)
    return [s for s in out if is_recommendation(s, marked_somewhere, text)]


def summaries_to_wholes(text: str, found: list[Section]) -> None:
    """After a recommendation's parts ("Ad 4a", "Ad 4b", "Ad 4c"), a reaction paragraph that names the whole ("Het
    kabinet neemt aanbeveling 4 daarmee grotendeels, maar niet volledig over.") answers the whole, not the last part."""
    wholes = {s.heading.number: s for s in found}
    reference = rules()["referenced"]["reference"]
    for part in found:
        m = _PART.fullmatch(part.heading.number)
        whole = wholes.get(m.group("whole")) if m else None
        if whole is None:
            continue
        summary = [(a, b) for a, b in part.reaction
                   if referenced_number(reference, text, a, b) == whole.heading.number and rules()["voice"].search(text, a, b)]
        if summary:
            part.reaction = [span for span in part.reaction if span not in summary]
            whole.reaction = summary  # its own words ("De SER doet onder deze aanbeveling drie voorstellen.") are no answer
            whole.marked = True


def next_chapter(headings: list[Heading], every: list[Heading], after: int) -> int | None:
    """Where the chapter after the one that holds the outline begins ("2. Reactie per aanbeveling",
    "Ad 1." ... "Ad 8.", then "3. Implementatie ..."): the last recommendation's section ends there."""
    before = [h for h in every if h.start < headings[0].start and len(h.outline) == 1 and h.rule != headings[0].rule]
    if not before:
        return None
    chapter = before[-1]
    return next((h.start for h in every if h.start >= after and h.rule == chapter.rule
                 and h.outline == (chapter.outline[0] + 1,)), None)


def referenced_sections(text: str, end: int) -> list[Section]:
    """Recommendations taken up in running text by their number ("In aanbeveling 1 vraagt de
    SER ...", "De derde aanbeveling richt zich ..."), see [referenced]: the paragraph that first
    names a number in its first sentence, and what follows it up to the next such paragraph."""
    spec = rules()["referenced"]
    closing = closing_at(text, 0, end)
    paragraphs = [m.span() for m in _PARAGRAPH.finditer(text, 0, closing)]
    starts: list[tuple[int, str, int]] = []  # (paragraph index, number, end of the first sentence)
    for i, (s, e) in enumerate(paragraphs):
        first = stance_classifier.sentences(text[s:e])
        first_end = s + first[0][1] if first else e
        number = referenced_number(spec["reference"], text, s, first_end)
        if number and not any(n == number for _, n, _ in starts):
            starts.append((i, number, first_end))
    numbers = [int(n) for _, n, _ in starts]
    if len(starts) < spec["min_found"] or numbers != sorted(numbers):
        return referenced_sentences(text, closing)
    out = []
    for n, (i, number, first_end) in enumerate(starts):
        last = starts[n + 1][0] if n + 1 < len(starts) else len(paragraphs)
        s, e = paragraphs[i]
        following = list(takewhile(lambda p: not heading_like(text[p[0]:p[1]]), paragraphs[i + 1:last]))
        after = _SPACE.match(text, first_end, e).end()
        reaction = ([(after, e)] if after < e else []) + following
        if not reaction:
            continue
        label = text[s:first_end].strip().rstrip(".")[:rules()["section"]["max_label"]]
        heading = Heading(number, label, s, first_end, spec["id"])
        out.append(Section(heading, s, reaction[-1][1], proposal=[(s, first_end)], reaction=reaction))
    return out


def referenced_sentences(text: str, closing: int) -> list[Section]:
    """Recommendations taken up sentence by sentence within paragraphs: a sentence that opens on a
    number higher than the last ([referenced.sentence]) starts one; its reaction is what follows up to
    the next, or the sentence itself when the cabinet's voice is in it alone."""
    spec, voice = rules()["referenced"]["sentence"], rules()["reported"]["reaction"]["voice"]
    units = sentence_units(text, closing)
    starts: list[tuple[int, str, tuple[str, ...]]] = []  # (unit index, number, the group's other numbers)
    for i, (s, e, heading) in enumerate(units):
        m = None if heading else spec["opens"].match(text, s, e)
        if m is None:
            continue
        number = m["number"] or str(rules()["ordinal_words"][m["ordinal"]])
        also = range_numbers(number, m["rest"]) if m["rest"] else ()
        if not starts or int(number) > int((starts[-1][2] or (starts[-1][1],))[-1]):
            starts.append((i, number, also))
    if len(starts) < spec["min_found"]:
        return []
    out = []
    for n, (i, number, also) in enumerate(starts):
        s, e, _ = units[i]
        last = starts[n + 1][0] if n + 1 < len(starts) else len(units)
        following = [(a, b) for a, b, _ in takewhile(lambda unit: not unit[2], units[i + 1:last])]
        reaction = following if any(voice.search(text, a, b) for a, b in following) else [(s, e)]
        label = text[s:e].strip().rstrip(".")[:rules()["section"]["max_label"]]
        heading = Heading(number, label, s, e, spec["id"], also=also)
        out.append(Section(heading, s, max(e, reaction[-1][1]), proposal=[(s, e)], reaction=reaction))
    return out


_MD_NOTE = re.compile(r"\[\^\d{1,3}\]:")  # a markdown footnote's text: "[^1]: Wet van 12 december 2015 ..."


def advice_chapter_sections(text: str, end: int) -> list[Section]:
    """An advice's own recommendations: the numbered headings (or list items) of the chapter a heading
    "Aanbevelingen" opens, up to the next heading without a number ([advice_chapter])."""
    spec = rules()["advice_chapter"]
    chapter = spec["heading"].search(text, 0, end)
    if chapter is None:
        return []
    numbered = [h for h in find_headings(text, end) if h.start > chapter.end()]
    stop = next((m.start() for m in _PARAGRAPH.finditer(text, chapter.end(), end)
                 if _MD_NOTE.match(m.group()) or heading_like(m.group()) and not any(h.start == m.start() for h in numbered)),
                end)
    headings = in_outline([h for h in numbered if h.start < stop and len(h.outline) == 1])
    if len(headings) < spec["min_found"]:
        return []
    out = []
    for i, h in enumerate(headings):
        h = replace(h, rule=spec["id"])
        section_end = headings[i + 1].start if i + 1 < len(headings) else stop
        out.append(Section(h, h.start, section_end, proposal=[(h.start, h.start + len(text[h.start:section_end].rstrip()))]))
    return out


def cited_sections(text: str, end: int) -> list[Section]:
    """Recommendations cited by their number in brackets after the proposal, answered in sentences
    that name the number, in any order (see [cited])."""
    spec = rules()["cited"]
    proposals: dict[str, tuple[int, int]] = {}
    for m in spec["marker"].finditer(text, 0, end):
        line_start = text.rfind("\n", 0, m.start()) + 1
        sentence_start = max([line_start] + [s.end() for s in _SENTENCE_END.finditer(text, line_start, m.start())])
        for number in re.findall(r"\d{1,2}", m["numbers"]):
            proposals.setdefault(number, (sentence_start, m.end()))
    if len(proposals) < spec["min_found"]:
        return []
    runs = reaction_runs(text, closing_at(text, 0, end), proposals)
    out = []
    for number, (ps, pe) in proposals.items():
        reaction = runs.get(number, [])
        label = spec["marker"].sub("", text[ps:pe]).strip(" -–•*;,.:")[:rules()["section"]["max_label"]]
        heading = Heading(number, label, ps, pe, spec["id"])
        out.append(Section(heading, ps, max([pe] + [e for _, e in reaction]), proposal=[(ps, pe)], reaction=reaction))
    return sorted(out, key=lambda s: int(s.heading.number))


def reaction_runs(text: str, end: int, proposals: dict[str, tuple[int, int]]) -> dict[str, list[tuple[int, int]]]:
    """number → the sentences that answer it: from a sentence that names the number (not in a
    citation's brackets) up to one that names another, cites one, or a heading; the sentences in
    the cabinet's voice right after a citation of one number answer that number too."""
    spec, reference, voice = rules()["cited"], rules()["referenced"]["reference"], rules()["voice"]
    runs: dict[str, list[tuple[int, int]]] = {}
    first_citation = min(start for start, _ in proposals.values())
    current = None
    for ps, pe in (m.span() for m in _PARAGRAPH.finditer(text, first_citation, end)):
        if heading_like(text[ps:pe]):
            current = None
            continue
        after_citation = False
        for s, e in ((ps + a, ps + b) for a, b in stance_classifier.sentences(text[ps:pe])):
            cited = [m for m in spec["marker"].finditer(text, s, e)]
            if cited:
                numbers = re.findall(r"\d{1,2}", cited[-1]["numbers"])
                current, after_citation = (numbers[0] if len(numbers) == 1 else None), True
                tail = _SPACE.match(text, cited[-1].end(), e).end()
                if current and tail < e and voice.match(text[tail:e]):
                    runs.setdefault(current, []).append((tail, e))
                continue
            named = [n for m in reference.finditer(text, s, e)
                     if (n := m["number"] or str(rules()["ordinal_words"][m["ordinal"]])) in proposals
                     and text[m.start() - 1:m.start()] != "("]
            plural = _PLURAL_REFERENCE.search(text, s, e) if not named else None
            if plural and plural["number"] in proposals:
                named = [plural["number"]]  # "Het kabinet neemt de aanbevelingen 1 en 2 over."
            if named:
                current = named[0]
            elif after_citation and not voice.match(text[s:e]):
                current = None  # the advice retold after a citation, not answered
            after_citation = False
            if current:
                for number in (current,) + group_after(text, s, e, current, proposals):
                    runs.setdefault(number, []).append((s, e))
    return runs


_PLURAL_REFERENCE = re.compile(r"\b[Aa]anbevelingen\s+(?P<number>\d{1,2})(?P<rest>(?:\s*(?:,|en|tot\s+en\s+met|t/m)\s*\d{1,2})+)\b")


def group_after(text: str, start: int, end: int, number: str, proposals) -> tuple[str, ...]:
    """The other numbers of a sentence that answers a group: "Aanbeveling 1 en 2 neemt het kabinet over", "Het
    kabinet neemt de aanbevelingen 1 en 2 over"."""
    m = rules()["referenced"]["sentence"]["opens"].match(text, start, end)
    if m is None or m["number"] != number or not m["rest"]:
        m = _PLURAL_REFERENCE.search(text, start, end)
    if m is None or m["number"] != number or not m["rest"]:
        return ()
    return tuple(n for n in range_numbers(number, m["rest"]) if n in proposals)


_SENTENCE_END = re.compile(r"[.!?:;][ \t]+(?=[A-Z‘“(-])|^[ \t]*[-•*–][ \t]+", re.M)


def referenced_number(reference: re.Pattern, text: str, start: int, end: int) -> str | None:
    """The number of the recommendation text[start:end] names ("aanbeveling 4", "de vierde
    aanbeveling"), or None."""
    m = reference.search(text, start, end)
    if m is None:
        return None
    return m["number"] or str(rules()["ordinal_words"][m["ordinal"]])


def unnumbered_sections(text: str, end: int) -> list[Section]:
    """Recommendations without numbers: a proposing paragraph right before one in the
    cabinet's voice (see [unnumbered]); numbered in the order they come. The reaction runs
    on to the next proposal, a heading or the letter's closing."""
    spec, voice = rules()["unnumbered"], rules()["voice"]
    paragraphs = [m.span() for m in _PARAGRAPH.finditer(text, 0, end)]
    starts = [i for i, (s, e) in enumerate(paragraphs[:-1])
              if spec["min_words"] <= len(text[s:e].split()) <= spec["max_words"]
              and spec["proposal"].match(text, s, e) and not voice.search(text, s, e)
              and voice.search(text, *paragraphs[i + 1])]
    closing = closing_at(text, 0, end)
    out = []
    for n, i in enumerate(starts, 1):
        s, e = paragraphs[i]
        last = starts[n] if n < len(starts) else len(paragraphs)
        reaction = list(takewhile(lambda p: p[0] < closing and not heading_like(text[p[0]:p[1]]),
                                  paragraphs[i + 1:last]))
        if reaction:
            heading = Heading(str(len(out) + 1), label_of(text[s:e]), s, e, spec["id"])
            out.append(Section(heading, s, reaction[-1][1], reaction=reaction))
    return out


def reported_sections(text: str, end: int) -> list[Section]:
    """Proposals retold in running text, one sentence each ("De SER beveelt aan ...", "Daarnaast
    stelt de raad voor ..."), each answered by what follows it in the cabinet's voice (see
    [reported]); numbered in the order they come."""
    spec = rules()["reported"]
    units = sentence_units(text, closing_at(text, 0, end))
    starts = [i for i, (s, e, heading) in enumerate(units) if not heading and proposes(text, s, e)]
    out = []
    for n, i in enumerate(starts):
        s, e, _ = units[i]
        proposal_end, reaction = semicolon_reaction(text, s, e)
        following = units[i + 1:starts[n + 1] if n + 1 < len(starts) else len(units)]
        for s2, e2, _ in takewhile(lambda unit: not unit[2], following):
            if reaction and "\n" not in text[reaction[-1][1]:s2]:
                reaction[-1] = (reaction[-1][0], e2)  # one span per paragraph
            else:
                reaction.append((s2, e2))
        if any(spec["reaction"]["voice"].search(text, a, b) for a, b in reaction):
            label = text[s:proposal_end].strip().rstrip(".")[:rules()["section"]["max_label"]]
            heading = Heading(str(len(out) + 1), label, s, proposal_end, spec["id"])
            out.append(Section(heading, s, reaction[-1][1], proposal=[(s, proposal_end)], reaction=reaction))
    return out


def sentence_units(text: str, end: int) -> list[tuple[int, int, bool]]:
    """(start, end, is a heading) of each sentence up to `end`; a heading-like line is one unit (no reaction
    runs on past it)."""
    units = []
    for m in _PARAGRAPH.finditer(text, 0, end):
        ps, pe = m.span()
        if heading_like(m.group()):
            units.append((ps, pe, True))
        else:
            units += [(ps + s, ps + e, False) for s, e in stance_classifier.sentences(m.group())]
    return units


def proposes(text: str, start: int, end: int) -> bool:
    """The sentence text[start:end] retells a proposal of the advisory body ([reported])."""
    spec = rules()["reported"]
    m = spec["proposal"].match(text, start, end)
    return bool(m) and bool(spec["verb_needs"][m["verb1"] or m["verb2"]].search(text[m.end():end]))


def semicolon_reaction(text: str, start: int, end: int) -> tuple[int, list[tuple[int, int]]]:
    """Where a proposal's sentence ends, and the reaction its second half holds after a
    semicolon ("De raad vraagt ook om ...; dat onderdeel wordt meegenomen in ...")."""
    semicolon = text.find(";", start, end)
    if semicolon < 0:
        return end, []
    after = _SPACE.match(text, semicolon + 1, end).end()
    if not rules()["reported"]["reaction"]["after_semicolon"].match(text, after, end):
        return end, []
    return semicolon, [(after, end)]


def heading_like(paragraph: str) -> bool:
    """A short line without a sentence's end: a heading ("Tot slot"), a signature's role."""
    return len(paragraph.split()) <= 10 and paragraph.rstrip()[-1:] not in ".!?:;”’\"'"


def replies_to(text: str, end: int, found: list[Section]) -> None:
    """A reply section ("Ad 2") reacts as a whole; its proposal is the item with its number in the
    list of recommendations before it."""
    replies = [s for s in found if s.heading.rule in rules()["reply_rules"]]
    if not replies:
        return
    listed = {}
    for item in bare_list_items(text, [h for h in find_headings(text, end) if not h.explicit]):
        listed.setdefault(item.number, item)
    for section in replies:
        item = listed.get(section.heading.number)
        section.reaction = sorted(section.proposal + section.reaction)
        section.proposal = [(item.start, item.end)] if item and item.start < section.start else []
        section.marked = True
        if item and not section.heading.label:
            section.heading = replace(section.heading, label=item.label)


# ---------------------------------------------------------------- tables

_TABLE = re.compile(r"(?m)^\|[^\n]*\|[ \t]*(?:\n\|[^\n]*\|[ \t]*)+$")
_TABLE_RULE = re.compile(r"^[\s|:-]+$")  # the "|---|:--|" line under the header


def table_blocks(text: str, end: int):
    """Runs of two or more lines that open and close with "|"."""
    return scan.finditer_upto(_TABLE, text, end)


def cells(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans of the stripped cells of one table row text[start:end]."""
    bars = [start + m.start() for m in re.finditer(r"\|", text[start:end])]
    out = []
    for a, b in zip(bars, bars[1:]):
        inner = text[a + 1:b]
        lead = len(inner) - len(inner.lstrip())
        out.append((a + 1 + lead, a + 1 + len(inner.rstrip())))
    return out


def table_columns(header: list[str]) -> tuple[int, int, int | None, int | None] | None:
    """(proposal, reaction, number, verdict) column indices of a recommendations table, else None. The
    verdict column ("Standpunt" beside "Reactie kabinet") gives the stance in a word or two."""
    t = rules()["table"]
    reactions = [i for i, c in enumerate(header) if t["reaction_column"].search(c)]
    if not reactions:
        return None
    verdicts = [i for i in reactions if t["verdict_column"].match(header[i].strip(" *_"))]
    verdict = verdicts[0] if verdicts and len(reactions) > 1 else None
    reaction = next(i for i in reactions if i != verdict)
    proposal = next((i for i, c in enumerate(header) if i not in reactions and t["proposal_column"].search(c)), None)
    if proposal is None:
        return None
    number = next((i for i, c in enumerate(header) if t["number_column"].match(c.strip(" *_"))), None)
    return proposal, reaction, number, verdict


def table_rows(text: str, block: re.Match) -> list[Section]:
    """One section per row of a table that answers recommendations: the proposal cell is the
    proposal, the reaction cell the (marked) reaction."""
    lines = [m for m in _PARAGRAPH.finditer(text, block.start(), block.end())]
    header = [text[a:b] for a, b in cells(text, lines[0].start(), lines[0].end())]
    columns = table_columns(header)
    if columns is None:
        return []
    proposal, reaction, number_col, verdict_col = columns
    t = rules()["table"]
    out = []
    for row in (m for m in lines[1:] if not _TABLE_RULE.match(m.group())):
        spans = cells(text, row.start(), row.end())
        if max(proposal, reaction) >= len(spans):
            continue
        (ps, pe), (rs, re_) = spans[proposal], spans[reaction]
        number = text[slice(*spans[number_col])].strip(" .*_") if number_col is not None and number_col < len(spans) else ""
        opening = t["number_in_cell"].match(text, ps, pe)
        if opening:
            number = number or opening.group("number")
            ps = opening.end()
        number = number if re.fullmatch(r"\d{1,2}(?:\.\d{1,2}){0,3}[a-h]?|[IVX]{1,5}|[a-h]", number) else str(len(out) + 1)
        if ps >= pe or rs >= re_:
            continue
        label = first_sentence(text[ps:pe])
        heading = Heading(number, label, ps, pe, t["id"], explicit=True)
        verdict = spans[verdict_col] if verdict_col is not None and verdict_col < len(spans) else None
        out.append(Section(heading, row.start(), row.end(), proposal=[(ps, pe)], reaction=[(rs, re_)], marked=True,
                           verdicts={number: verdict} if verdict and verdict[0] < verdict[1] else {}))
    return out


def closing_at(text: str, start: int, end: int) -> int:
    """Where the letter's closing formula ("Hoogachtend,") stands after `start`, else `end`."""
    m = rules()["closing"].search(text, start, end)
    return m.start() if m else end


def split_section(text: str, section: Section) -> Section:
    """Proposal paragraphs until a "Reactie" line; reaction paragraphs after it. A new
    sub-proposal ("De SER adviseert ...") after a reaction switches back."""
    r = rules()
    in_reaction = False
    h = section.heading
    # (a heading whose line runs on in the cabinet's voice opens the reaction: "Ad 2a. Het kabinet neemt deze
    # aanbeveling over. Gemeenten ontvangen ...")
    # (or a reply's line that answers in so many words: "Ad 4b. Ook het voorstel voor informatiepunten neemt het kabinet over.")
    answers = h.rule in r["reply_rules"] and bool(stance_classifier.classify(h.label).fired)
    start = h.start if answers or h.body >= 0 and r["voice"].match(h.label) else h.text_start
    own_line = inline_reaction(text, h)
    if own_line is not None:  # the heading's line goes on with the reaction
        section.proposal.append((h.start, own_line))
    for m in _PARAGRAPH.finditer(text, start, section.end):
        para = m.group()
        if r["marker"].fullmatch(para.strip()):
            in_reaction = section.marked = True
            section.markers.append((m.start(), m.end()))
            continue
        inline = r["marker_inline"].match(para)
        if inline:  # "Reactie kabinet: Het kabinet ...": the rest of the paragraph reacts
            in_reaction = section.marked = True
            section.markers.append((m.start(), m.start() + inline.end()))
            section.reaction.append((m.start() + inline.end(), m.end()))
            continue
        mid = None if in_reaction else r["marker_mid"].search(para)
        if mid:  # "... in het Arbobesluit. Kabinetsreactie: Het kabinet ...": the lines were joined
            in_reaction = section.marked = True
            section.markers.append((m.start() + mid.start() + 1, m.start() + mid.end()))
            section.proposal.append((m.start(), m.start() + mid.start() + 1))
            section.reaction.append((m.start() + mid.end(), m.end()))
            continue
        if section.marked and in_reaction and not r["voice"].search(para) and re.search(r"\bDe\s+(?:SER|[Rr]aad)\s+(?:adviseert|beveelt|stelt\s+voor|vraagt|pleit)", para):
            in_reaction = False
        (section.reaction if in_reaction else section.proposal).append((m.start(), m.end()))
    if not section.marked:
        section.proposal, section.reaction = voiced(text, section.proposal)
    if own_line is not None and not section.marked:
        section.reaction.insert(0, (own_line, h.end))
    elif own_line is not None:
        section.proposal.append((own_line, h.end))  # (a marked reaction follows: the line's rest is the proposal's)
    return section


def voiced(text: str, paragraphs: list[tuple[int, int]]) -> tuple[list, list]:
    """Without a "Reactie" line: paragraphs in the cabinet's voice are the reaction."""
    voice = rules()["voice"]
    # (from the stop before a paragraph that a cut label left mid-line: "Aanbeveling 8 (...). Het kabinet ...")
    reaction = [p for p in paragraphs if voice.search(text, max(0, p[0] - 2), p[1])]
    return [p for p in paragraphs if p not in reaction], reaction


def is_recommendation(section: Section, marked_somewhere: bool, text: str) -> bool:
    if section.heading.explicit or section.marked:
        return True
    if rules()["not_rec"].match(section.heading.label) or not section.reaction:
        return False
    if marked_somewhere:  # the others' reactions are marked: this one answers in so many words, or is no recommendation
        return bool(stance_classifier.classify(joined(text, section.reaction)).fired)
    return True


# ---------------------------------------------------------------- the advice answered

def advice_title(ctx) -> tuple[str, str, int] | None:
    """(title, rule id, clean offset) of the advice the document answers."""
    head = ctx.text[:4000]
    candidates = []
    for rule_id, pattern in rules()["title_rules"]:
        m = pattern.search(ctx.result.doc.title or "") if ".response-title/" in rule_id else None
        if m:
            return clean_title(m.group("title")), rule_id, 0
        m = pattern.search(head)
        if m:
            candidates.append((m.start(), clean_title(m.group("title")), rule_id))
    if not candidates:
        return None
    start, title, rule_id = min(candidates)
    return title, rule_id, start


def clean_title(title: str) -> str:
    return re.sub(r"\s+", " ", title).strip(" .,:;‘’'\"“”")


def advisory_bodies() -> dict[str, str]:
    return {k.key: k.label for k in load_reference() if k.cls in ("AdvisoryBody", "Committee")}


def issuer(ctx, at: int) -> str | None:
    """The advisory body named nearest before `at`, else the one the document names most."""
    bodies = advisory_bodies()
    hits = [h for h in ctx.notes.get("known_hits", []) if h.key in bodies]
    window = rules()["advice"]["issuer_window"]
    near = [h for h in hits if at - window <= h.start <= at + 80]
    if near:
        return top_level(min(near, key=lambda h: abs(h.start - at)).key)
    counts = Counter(top_level(h.key) for h in hits)
    return counts.most_common(1)[0][0] if counts else None


def top_level(key: str) -> str:
    """A committee's advice is issued by its council for the `issuedBy` of the advice."""
    known = {k.key: k for k in load_reference()}
    while key in known and known[key].cls == "Committee" and known[key].parent:
        key = known[key].parent
    return key


def respondent_key() -> str | None:
    forms = set(rules()["advice"]["respondent_forms"])
    for known in load_reference():
        if known.cls in ("Organisation", "AdvisoryBody") and (known.label in forms or forms & known.forms):
            return known.key
    return None


def signers(ctx, end: int) -> tuple[str, ...]:
    """The persons signing after the letter's closing formula whom a membership gives one of the
    signer roles (a minister, a state secretary), in the order they sign."""
    closings = list(scan.finditer_upto(rules()["closing"], ctx.text, end))
    if not closings:
        return ()
    after = ctx.clean.origin[closings[-1].start()]
    roles = set(rules()["advice"]["signer_roles"])
    holders = {dict((p, getattr(v, "key", v)) for p, v in e.props).get("org:member")
               for e in ctx.result.entities.values() if e.cls == "org:Membership"
               and any(p == "org:role" and getattr(v, "key", None) in roles for p, v in e.props)}
    signed = sorted((m.span.start, m.key) for m in ctx.result.mentions if m.key in holders and m.span.start >= after)
    return tuple(dict.fromkeys(key for _, key in signed))


def named_in_marker(ctx, section: Section, signers: tuple[str, ...]) -> tuple[str, ...]:
    """The signers whose ministry the section's reaction marker names ("Reactie minister van OCW:"),
    when a letter of several ministers gives each reaction to one of them."""
    if len(signers) < 2 or not section.markers:
        return ()
    named = {h.key for h in noted_within(ctx, "known_hits", section.markers)}
    return tuple(p for p in signers if organisations_of(ctx, p) & named)


def organisations_of(ctx, person: str) -> set[str]:
    """The organisations of a person's memberships in this document."""
    out = set()
    for e in ctx.result.entities.values():
        props = dict((p, getattr(v, "key", v)) for p, v in e.props)
        if e.cls == "org:Membership" and props.get("org:member") == person and props.get("org:organization"):
            out.add(props["org:organization"])
    return out


def speaks_for_signer(text: str, found: list[Section]) -> bool:
    """The reactions speak in the first person and never for the cabinet or the government."""
    reactions = joined(text, [span for s in found for span in s.reaction])
    return bool(rules()["first_person"].search(reactions)) and not rules()["cabinet_named"].search(reactions)


def advice_entity(title: str, body: str | None) -> Entity:
    advice = Entity(f"advice/{slug(title)}", "Advice", title, props=[("dcterms:title", title)])
    if body:
        advice.add("polder:issuedBy", Ref(body))
    return advice


# ---------------------------------------------------------------- one recommendation

def rec_key(ctx, number: str) -> str:
    return f"{document_key(ctx.result.doc.stem)}/recommendation/{number}"


def joined(text: str, spans: list[tuple[int, int]]) -> str:
    return "\n\n".join(text[s:e].strip() for s, e in spans)


def section_spans(ctx, section: Section, notes: dict[int, tuple[int, int]]) -> list[tuple[int, int]]:
    """The section itself plus the footnotes its markers point to."""
    numbers = note_markers(ctx, section.start, section.end)
    return [(section.start, section.end)] + [notes[n] for n in sorted(numbers) if n in notes]


def noted_within(ctx, name: str, spans) -> list:
    """The findings in ctx.notes[name] that start inside one of `spans`, in their noted order."""
    items = ctx.notes.get(name, [])
    index = _start_index(ctx, name, items)
    found: set[int] = set()
    for s, e in spans:
        found.update(index[1][bisect_left(index[0], s):bisect_left(index[0], e)])
    return [items[i] for i in sorted(found)]


def _start_index(ctx, name: str, items: list) -> tuple[list[int], list[int]]:
    """(sorted starts, item positions in that order) of a noted list, made once per list."""
    cached = ctx.notes.get(("start-index", name))
    if cached is None or cached[0] is not items or cached[1] != len(items):
        start_of = _NOTE_START[name]
        order = sorted(range(len(items)), key=lambda i: start_of(items[i]))
        cached = (items, len(items), ([start_of(items[i]) for i in order], order))
        ctx.notes[("start-index", name)] = cached
    return cached[2]


_NOTE_START = {"citations": lambda noted: noted[0].start, "known_hits": lambda hit: hit.start}


def cited(ctx, spans: list[tuple[int, int]]) -> list[str]:
    """Provisions and laws cited inside the spans, in text order."""
    keys = [key for c, key in noted_within(ctx, "citations", spans)]
    keys += [h.key for h in noted_within(ctx, "known_hits", spans) if h.cls == "Law"]
    return list(dict.fromkeys(keys))


def topics(ctx, spans: list[tuple[int, int]]) -> list[str]:
    keys = [h.key for h in noted_within(ctx, "known_hits", spans) if h.cls == "Topic"]
    return list(dict.fromkeys(keys))


def addressees(ctx, section: Section, government: str | None, issuer: str | None = None) -> list[Entity | str]:
    """Known organisations named in the proposal, generic groups, and the government; not the
    body that gives the advice ("De SER adviseert ...") nor its committees."""
    text = joined(ctx.text, section.proposal) + " " + section.heading.label
    actors: list[Entity | str] = []
    if government and not names_its_actor(section.heading.label):
        actors.append(government)
    organisations = ("Organisation", "AdvisoryBody", "Committee")
    for h in noted_within(ctx, "known_hits", section.proposal):
        if h.cls in organisations and h.key != government and (issuer is None or top_level(h.key) != issuer):
            actors.append(h.key)
    for label, pattern in rules()["groups"]:
        if any(not counted(text, m.start()) for m in pattern.finditer(text)):
            actors.append(Entity(f"group/{slug(label)}", "Actor", label))
    return actors


def counted(text: str, at: int) -> bool:
    """The group word at `at` follows a number or "per", "aantal": a measure, not an actor."""
    return rules()["counted_group"].search(text, max(0, at - 20), at) is not None


def names_its_actor(label: str) -> bool:
    """The heading opens with the group that is to act ("Gemeenten bieden ...", "Sociale partners
    maken ..."), not with an imperative to the government ("Zorg voor ...")."""
    label = re.sub(r"^(?:De|de)\s+", "", label)
    return any(pattern.match(label) for _, pattern in rules()["groups"])


def reaction_text(ctx, section: Section, number: str | None = None) -> tuple[str, int | None]:
    """The reaction's text and where its first paragraph ends in it; for one `number` of a group
    ("Adviezen 3 tot en met 5"), the paragraphs that answer it by number when some do."""
    spans = section.reaction
    if number is not None and section.heading.also:
        spans = own_paragraphs(ctx.text, spans, number, section.heading.numbers()) or spans
    if not spans:
        return "", None
    first = spans[0]
    return joined(ctx.text, spans), first[1] - first[0]


# a paragraph of a group's reaction that opens on its numbers: "De adviezen 3 en 4 neemt het kabinet over.",
# "Advies 5 neemt het kabinet niet over.", "Aanbevelingen 6 tot en met 8: ..."
_NUMBERS_OPEN = re.compile(r"\s*(?:[*_]+\s*)?(?:(?:De|de|Voor|voor|Ook|ook|Wat|Met|Over|Bij|In)\s+(?:betreft\s+)?)?"
                           r"(?:[Aa]dvie(?:s|zen)|[Aa]anbeveling(?:en)?|[Vv]oorstel(?:len)?)\s+"
                           r"(?P<first>\d{1,2})(?P<rest>(?:\s*(?:,|en|tot\s+en\s+met|t/m|[–-])\s*\d{1,2})*)\b")


# ... or on one by its ordinal: "Bij de derde aanbeveling maakt het kabinet onderscheid."
_ORDINAL_OPEN = re.compile(r"\s*(?:[*_]+\s*)?(?:(?:Bij|Voor|Wat|Met|Over|Ook|Op)\s+(?:betreft\s+)?)?[Dd]e\s+(?P<word>eerste|tweede|"
                           r"derde|vierde|vijfde|zesde|zevende|achtste|negende|tiende|elfde|twaalfde)\s+aanbeveling\b")


def own_paragraphs(text: str, spans: list[tuple[int, int]], number: str,
                   numbers: tuple[str, ...]) -> list[tuple[int, int]]:
    """The paragraphs of a group's reaction about `number`: a paragraph that opens on numbers of the
    group answers those, and so do the paragraphs after it up to the next such opening; paragraphs
    before the first such opening answer the whole group. Empty when no paragraph opens on numbers."""
    own, current, named_any = [], None, False
    for start, end in spans:
        m = _NUMBERS_OPEN.match(text, start, end)
        ordinal = _ORDINAL_OPEN.match(text, start, end) if m is None else None
        if m or ordinal:
            named = ({str(rules()["ordinal_words"][ordinal["word"]])} if ordinal else
                     {m.group("first"), *(range_numbers(m.group("first"), m.group("rest")) if m.group("rest") else ())})
            if named & set(numbers):
                current, named_any = named, True
        if current is None:
            inside = {referenced_number(rules()["referenced"]["reference"], text, r.start(), r.end())
                      for r in rules()["referenced"]["reference"].finditer(text, start, end)} & set(numbers)
            if inside and number not in inside:
                continue  # before any opening, a paragraph that names some of the group answers those only
        if current is None or number in current:
            own.append((start, end))
    return own if named_any else []


def add_recommendation(ctx, section: Section, advice: Entity | None, government: str | None,
                       notes: dict[int, tuple[int, int]], number: str | None = None,
                       respondents: tuple[str, ...] = ()) -> None:
    h = section.heading
    number = number or h.number
    key = rec_key(ctx, number)
    description = joined(ctx.text, section.proposal)
    if h.also:
        description = enumerated_part(description, number, h.numbers())
    rec = ctx.entity(Entity(key, "Recommendation", h.label or first_sentence(description) or f"Aanbeveling {number}",
                            props=[("polder:number", number)]))
    if description:
        rec.add("dcterms:description", description)
    issuer = None
    if advice is not None:
        advice.add("polder:hasRecommendation", Ref(key))
        for _, body in (p for p in advice.props if p[0] == "polder:issuedBy"):
            rec.add("polder:issuedBy", body)
            issuer = body.key
    ctx.mention(key, h.start, h.end, h.rule)
    spans = section_spans(ctx, section, notes)
    for target in cited(ctx, spans):
        rec.add("polder:refersTo", Ref(target))
    for topic in topics(ctx, spans):
        rec.add("polder:concerns", Ref(topic))
    for actor in addressees(ctx, section, government, issuer):
        if isinstance(actor, Entity):
            ctx.entity(actor)
            actor = actor.key
        rec.add("polder:addressedTo", Ref(actor))
    if section.reaction:
        respondents = respondents or ((government,) if government else ())
        add_response(ctx, rec, section, named_in_marker(ctx, section, respondents) or respondents)


def first_sentence(text: str) -> str:
    """A label for a heading that gives only a number ("Aanbeveling 1a"): the proposal's first sentence."""
    m = re.match(r"[^\n]{3,250}?[.!?](?=\s|$)", text)
    return (m.group() if m else text[:250].split("\n")[0]).strip().rstrip(".")


def enumerated_part(text: str, number: str, numbers: tuple[str, ...]) -> str:
    """The part of a grouped proposal marked "(4) ..." for recommendation 4, else the whole."""
    starts = [text.find(f"({n})") for n in numbers]
    i = numbers.index(number)
    if starts[i] < 0:
        return text
    later = [s for s in starts[i + 1:] if s > starts[i]]
    return text[starts[i]:later[0] if later else len(text)].strip(" ,;\n")


def add_response(ctx, rec: Entity, section: Section, respondents: tuple[str, ...]) -> None:
    number = rec.key.rsplit("/", 1)[1]
    text, first_end = reaction_text(ctx, section, number)
    verdict = stance_classifier.classify(text, first_end)
    cell = section.verdicts.get(number)
    if cell is not None:  # the stance column says it in so many words, when a cue fires in it
        stated = stance_classifier.classify(ctx.text[slice(*cell)])
        verdict = stated if stated.fired else verdict
    key = f"{rec.key}/response"
    response = ctx.entity(Entity(key, "Response", f"Reactie op aanbeveling {number}",
                                 props=[("polder:stance", Vocab(f"polder:{verdict.stance}")),
                                        ("polder:respondsTo", Ref(rec.key))]))
    quote = verdict.quote() or text[:300]
    if quote:
        response.add("polder:quote", quote)
    for respondent in respondents:
        response.add("polder:respondent", Ref(respondent))
    for fired in verdict.fired:
        response.add("polder:cue", f"{fired.cue.id} ({fired.stance}): {fired.phrase}")
    if verdict.mix is not None:
        response.add("polder:cue", f"{verdict.mix.id} ({verdict.mix.stance}): {' + '.join(verdict.mix.all_of)}")
    rec.add("polder:hasResponse", Ref(key))


# ---------------------------------------------------------------- components

@component("recommendations", kinds=("government_response", "advice"), order=60)
def extract_recommendations(ctx) -> None:
    """Pipeline component: the advice answered, its recommendations and the stances."""
    end = main_text_end(ctx)
    response = ctx.result.doc.kind == "government_response"
    found = sections(ctx.text, end, unnumbered=response)  # an advice's own proposals have no reaction
    if not found and ctx.result.doc.kind == "advice":
        found = advice_chapter_sections(ctx.text, end)
    government = respondent_key() if response else None
    respondents = (government,) if government else ()
    if government and found and speaks_for_signer(ctx.text, found):
        respondents = signers(ctx, end) or respondents
    advice = add_advice(ctx, government, respondents)
    notes = footnotes(ctx, end)
    numbers = []
    for section in found:
        for number in section.heading.numbers():
            add_recommendation(ctx, section, advice, government, notes, number, respondents)
            numbers.append(number)
    answered_through_parts(ctx, numbers, respondents)


PARTS_RULE = "stance.parts/1"
_PART = re.compile(r"(?P<whole>\d+(?:\.\d+)*?)(?:\.\d+|[a-h])")


def answered_through_parts(ctx, numbers: list[str], respondents: tuple[str, ...]) -> None:
    """A recommendation answered only through its parts ("Aanbeveling 2" in a box, then "Ad 2a.",
    "Ad 2b.", "Ad 2c."): its stance sums up theirs (`summed_stance`), when every part has one."""
    entities = ctx.result.entities
    for number in numbers:
        key = rec_key(ctx, number)
        parts = [n for n in numbers if (m := _PART.fullmatch(n)) and m.group("whole") == number]
        if not parts or f"{key}/response" in entities:
            continue
        stances = [stance_of(entities.get(f"{rec_key(ctx, n)}/response")) for n in parts]
        if None in stances:
            continue
        stance = summed_stance(stances)
        response = ctx.entity(Entity(f"{key}/response", "Response", f"Reactie op aanbeveling {number}",
                                     props=[("polder:stance", Vocab(f"polder:{stance}")),
                                            ("polder:respondsTo", Ref(key))]))
        response.add("polder:cue", f"{PARTS_RULE} ({stance}): " + ", ".join(f"{n} {s}" for n, s in zip(parts, stances)))
        for respondent in respondents:
            response.add("polder:respondent", Ref(respondent))
        entities[key].add("polder:hasResponse", Ref(response.key))


def stance_of(response: Entity | None) -> str | None:
    if response is None:
        return None
    return next((str(v.curie).split(":", 1)[1] for p, v in response.props if p == "polder:stance"), None)


def summed_stance(stances: list[str]) -> str:
    """One stance for several: theirs when they agree; adopted in part when some part is (partly)
    adopted; else under consideration when some part is; else not adopted when some part is not."""
    if len(set(stances)) == 1:
        return stances[0]
    for adopted in ("Adopted", "PartlyAdopted"):
        if adopted in stances:
            return "PartlyAdopted"
    for stance in ("UnderConsideration", "NotAdopted"):
        if stance in stances:
            return stance
    return "Noted"


def add_advice(ctx, government: str | None, respondents: tuple[str, ...] = ()) -> Entity | None:
    found = advice_title(ctx)
    if found is None:
        return None
    title, rule_id, at = found
    advice = ctx.entity(advice_entity(title, issuer(ctx, at)))
    doc = document_key(ctx.result.doc.stem)
    if ctx.result.doc.kind == "government_response":
        ctx.link(doc, "polder:respondsTo", advice.key, rule_id)
        for respondent in respondents or ((government,) if government else ()):
            rule = rule_id if respondent == government else rules()["advice"]["signer_rule"]
            ctx.link(doc, "polder:respondent", respondent, rule)
    return advice


@component("minutes-recommendations", kinds=("minutes", "magazine"), order=60)
def extract_presented_recommendations(ctx) -> None:
    """Pipeline component: an advice's numbered recommendations as minutes and the magazine
    present them (only a numbered list announced as the advice's recommendations or
    conclusions). An item that goes on with a stance after its proposal ("1. Richt ... in.
    Het kabinet neemt deze aanbeveling over ...") carries the cabinet's reaction."""
    r = rules()
    text, end = ctx.text, main_text_end(ctx)
    bullets = list(scan.finditer_upto(r["bullet_reaction"], text, end))
    if len(bullets) >= 2:
        bullet_recommendations(ctx, bullets)
        return
    for intro in scan.finditer_upto(r["list_intro"], text, end):
        items = list_items(text, intro.end(), end)
        if len(items) < 2:
            continue
        advice = presented_advice(ctx, intro.start())
        reactions = [item_reaction(text, h) for h in items]
        # answered after the list: "De eerste aanbeveling wordt niet overgenomen" (a report of the cabinet's
        # reaction; minutes discuss the council's own advice)
        if not any(reaction for _, reaction in reactions) and ctx.result.doc.kind != "minutes":
            runs = reaction_runs(text, end, {h.number: (h.start, h.end) for h in items})
            reactions = [(h.end, runs.get(h.number, [])) for h in items]
        if not any(reaction for _, reaction in reactions) and ctx.result.doc.kind == "magazine":
            topical = topical_reactions(text, end, items)
            reactions = [(h.end, topical.get(h.number, [])) for h in items]
        for h, (proposal_end, reaction) in zip(items, reactions):
            government = respondent_key() if reaction else None
            add_recommendation(ctx, Section(h, h.start, h.end, proposal=[(h.start, proposal_end)], reaction=reaction),
                               advice, government, {})
    if ctx.result.doc.kind == "magazine" and not any(e.cls == "Recommendation" for e in ctx.result.entities.values()):
        reported_in_magazine(ctx, end)


_TOKEN = re.compile(r"[a-zà-ÿ][a-zà-ÿ-]{6,}")


def topical_reactions(text: str, end: int, items: list[Heading]) -> dict[str, list[tuple[int, int]]]:
    """A magazine's list of recommendations answered elsewhere in the story by subject, not by number ("neemt onze
    aanbeveling over een centraal reparatieplatform over" for "1. Richt een landelijk reparatieplatform in"):
    number → a sentence outside the list that shares the item's own long words (words no other item has, also
    inside a compound), with the next two, where a stance cue fires in them: of those sharing the most, the first."""
    words = {h.number: set(_TOKEN.findall(text[h.start:h.end].lower())) for h in items}
    shared = {w for n, ws in words.items() for w in ws if sum(w in other for other in words.values()) > 1}
    own = {n: ws - shared for n, ws in words.items()}
    listed = (items[0].start, items[-1].end)
    paragraphs = [m for m in _PARAGRAPH.finditer(text, 0, end) if not (listed[0] <= m.start() < listed[1])]
    units = [(m.start() + a, m.start() + b) for m in paragraphs for a, b in stance_classifier.sentences(m.group())]
    line_end = {u: text.find("\n", u[0]) % (len(text) + 1) for u in units}  # a window stays in its paragraph
    out: dict[str, list[tuple[int, int]]] = {}
    for number, mine in own.items():
        def overlap(unit) -> int:
            theirs = set(_TOKEN.findall(text[unit[0]:unit[1]].lower()))
            return sum(1 for w in mine if w in theirs or any(w in t for t in theirs))  # ("termijn": "bewijslasttermijn")
        scored = sorted((-sc, i) for i, u in enumerate(units) if (sc := overlap(u)))
        for _, i in scored:  # the sentences that say most about it first, in text order; the first answered
            window = [u for u in units[i:i + 3] if line_end[u] == line_end[units[i]]]
            if stance_classifier.classify(joined(text, window)).fired:
                out[number] = window
                break
    return out


def reported_in_magazine(ctx, end: int) -> None:
    """A magazine's report of a cabinet's reaction laid out as a response lays it out ("Aanbeveling 2: ..." with
    the reaction under it, a table, numbered headings): a response's sections, each answered in so many words
    (a stance cue fires in its reaction), two at least."""
    text = ctx.text
    answered = [s for s in sections(text, end)
                if s.reaction and stance_classifier.classify(joined(text, s.reaction)).fired]
    if len(answered) < 2:
        return
    advice = presented_advice(ctx, answered[0].start) or add_advice(ctx, None)
    for section in answered:
        for number in section.heading.numbers():
            add_recommendation(ctx, section, advice, respondent_key(), {}, number)


BULLET_RULE = "rec.minutes.bullet-reaction/1"


def bullet_recommendations(ctx, bullets: list[re.Match]) -> None:
    """Recommendations reported a bullet each, "- Aanbeveling 2 (gist): het kabinet neemt ...": the gist in
    brackets is the proposal, what follows the colon the cabinet's reaction."""
    advice = presented_advice(ctx, bullets[0].start())
    seen = set()
    for m in bullets:
        if m["number"] in seen:
            continue
        seen.add(m["number"])
        h = Heading(m["number"], m["label"].strip(), m.start(), m.end(), BULLET_RULE, explicit=True)
        section = Section(h, m.start(), m.end(), proposal=[m.span("label")], reaction=[m.span("reaction")])
        add_recommendation(ctx, section, advice, respondent_key(), {})


_CABINET_OPENS = re.compile(r"[.!?][ \t]+(?P<voice>(?:Het\s+kabinet|De\s+regering|De\s+minister|De\s+staatssecretaris)\s+[a-z])")


def item_reaction(text: str, item: Heading) -> tuple[int, list[tuple[int, int]]]:
    """Where a listed item's proposal ends, and its reaction: the sentences after the first,
    when a stance cue fires in them."""
    voice = _CABINET_OPENS.search(text, item.start, item.end)
    if voice:  # a sentence in the cabinet's voice reacts, cue or none: "Het kabinet heeft nog geen keuze gemaakt ..."
        return voice.start() + 1, [(voice.start("voice"), item.end)]
    sentences = stance_classifier.sentences(text[item.start:item.end])
    if len(sentences) < 2:
        return item.end, []
    first_end, rest = item.start + sentences[0][1], item.start + sentences[1][0]
    if not stance_classifier.classify(text[rest:item.end]).fired:
        return item.end, []
    return first_end, [(rest, item.end)]


_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _blank_line(text: str, start: int, end: int) -> bool:
    return _BLANK_LINE.search(text, start, end) is not None


def list_items(text: str, start: int, end: int) -> list[Heading]:
    """Consecutive "1.", "2.", ... items right after an announcing line."""
    items: list[Heading] = []
    for m in _PARAGRAPH.finditer(text, start, end):
        item = rules()["list_item"].match(m.group())
        if not item and items and (rules()["list_item_reaction"].match(m.group()) or rules()["list_item_reaction_voice"].match(
                m.group()) and not _blank_line(text, items[-1].end, m.start())):
            items[-1] = replace(items[-1], end=m.end())  # "Kabinet: neemt deze aanbeveling over." under the item
            continue
        if not item and items and not _blank_line(text, items[-1].end, m.start()) \
                and text[items[-1].end - 1] not in ".!?:;" and m.group()[:1].isalpha():
            items[-1] = replace(items[-1], end=m.end())  # the item's sentence goes on on the next line
            continue
        if not item or int(item.group("number")) != len(items) + 1:
            break
        items.append(Heading(item.group("number"), label_of(item.group("label")), m.start(), m.end(),
                             "rec.minutes.list-item/1"))
    return items


def presented_advice(ctx, at: int) -> Entity | None:
    """The advice of the agenda item the list stands in."""
    heading = None
    for m in scan.finditer_upto(rules()["agenda_advice"], ctx.text, at):
        heading = m
    if heading is None:
        return None
    return ctx.entity(advice_entity(clean_title(heading.group("title")), issuer(ctx, heading.start())))


@component("document-topics", order=70)
def extract_document_topics(ctx) -> None:
    """Pipeline component: a document concerns the topics it mentions at least 3 times."""
    counts = Counter(h.key for h in ctx.notes.get("known_hits", []) if h.cls == "Topic")
    doc = document_key(ctx.result.doc.stem)
    for key, n in sorted(counts.items()):
        if n >= 3:
            ctx.link(doc, "polder:concerns", key, "topics.document-frequency/1")
