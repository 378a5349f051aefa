"""Find the known organisations, laws and topics of the reference data in a text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Entity
from .pipeline import component
from .reference import KnownEntity, load_reference

RULE = "gazetteer/1"
CLASSES = {"AdvisoryBody", "Committee", "Organisation", "Law", "Topic"}


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    key: str
    cls: str


def is_acronym(form: str) -> bool:
    """'SER', 'VNO-NCW', 'RI&E', 'NCvB', 'Wet op de SER': matched with their exact capitals
    only. 'Burgerlijk Wetboek' is a name, matched in any case."""
    return len(form) <= 3 or any(sum(c.isupper() for c in word) >= 2 for word in form.split())


def lookup_key(form: str) -> str:
    """Acronyms keep their capitals; names are looked up case-insensitively."""
    form = re.sub(r"\s+", " ", form.strip())
    return form if is_acronym(form) else form.casefold()


TOKEN = re.compile(r"\w+|[^\w\s]")
BLOCKED_BEFORE = re.compile(r"[\w&:-]")  # "deeltijd-WW" is not the WW, "ECLI:NL:RVS" no council
BLOCKED_AFTER = re.compile(r"[\w&]|[.:/][^\W\d]")  # nor is "Rijksoverheid.nl" a mention


MEMO_SIZE = 200_000


@dataclass(frozen=True)
class Dictionary:
    """Every written form by its lookup key, and per first token the longest form's length in
    tokens: a text is scanned token by token, trying the longest candidate first."""

    acronyms: dict[str, KnownEntity]  # exact written form → entity
    names: dict[str, KnownEntity]  # case-folded written form → entity
    longest: dict[str, int]
    seen: dict[str, KnownEntity | None] = field(default_factory=dict, compare=False)  # memo of get

    def get(self, written: str) -> KnownEntity | None:
        if written not in self.seen:
            if len(self.seen) > MEMO_SIZE:  # memory stays flat over a large corpus
                self.seen.clear()
            folded = " ".join(written.split())
            self.seen[written] = self.acronyms.get(folded) or self.names.get(folded.casefold())
        return self.seen[written]


_compiled: dict[int, tuple] = {}


def dictionary(known: tuple[KnownEntity, ...]) -> Dictionary:
    """The dictionary of a reference set, made once per set."""
    if id(known) not in _compiled:
        _compiled.clear()
        _compiled[id(known)] = (known, _compile(known))
    return _compiled[id(known)][1]


def _compile(known: tuple[KnownEntity, ...]) -> Dictionary:
    lexicon = Dictionary({}, {}, {})
    for entity in known:
        if entity.cls not in CLASSES:
            continue
        for form in entity.forms:
            tokens = TOKEN.findall(form)
            if not tokens:
                continue
            table = lexicon.acronyms if is_acronym(form) else lexicon.names
            table.setdefault(lookup_key(form), entity)
            first = tokens[0].casefold()
            lexicon.longest[first] = max(lexicon.longest.get(first, 0), len(tokens))
    return lexicon


def find(text: str, known: tuple[KnownEntity, ...] | None = None) -> list[Hit]:
    """Known forms in `text`, longest first, left to right, not overlapping."""
    lexicon = dictionary(known if known is not None else load_reference())
    tokens = [m.span() for m in TOKEN.finditer(text)]
    longest = lexicon.longest
    # Only tokens that begin some form can start a hit: test those, in order.
    starts = [i for i, word in enumerate(TOKEN.findall(text)) if word.casefold() in longest]
    hits, free = [], 0
    for i in starts:
        if i < free:
            continue
        found = _match_at(text, tokens, i, lexicon)
        if found is not None:
            hits.append(found[0])
            free = found[1]
    return hits


def _match_at(text: str, tokens: list[tuple[int, int]], i: int, lexicon: Dictionary):
    start = tokens[i][0]
    most = lexicon.longest.get(text[start:tokens[i][1]].casefold())
    if not most or (start and BLOCKED_BEFORE.match(text, start - 1)):
        return None
    for n in range(min(most, len(tokens) - i), 0, -1):
        end = tokens[i + n - 1][1]
        entity = lexicon.get(text[start:end])
        if entity is not None and not BLOCKED_AFTER.match(text, end):
            return Hit(start, end, entity.key, entity.cls), i + n
    return None


def as_entity(known: KnownEntity) -> Entity:
    return Entity(known.key, known.cls, known.label, set(known.forms) - {known.label}, from_reference=True)


@component("known-entities", order=10)
def extract_known(ctx) -> None:
    """Pipeline component: a Mention for every known organisation, law and topic."""
    known = {k.key: k for k in load_reference()}
    hits = find(ctx.text)
    for hit in hits:
        ctx.entity(as_entity(known[hit.key]))
        ctx.mention(hit.key, hit.start, hit.end, RULE)
    ctx.notes["known_hits"] = hits
