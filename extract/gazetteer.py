"""Find the known organisations, laws and topics of the reference data in a text."""
from __future__ import annotations

import re
from dataclasses import dataclass

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


def pattern_for(form: str) -> str:
    body = re.escape(form).replace(r"\ ", r"\s+")
    return body if is_acronym(form) else f"(?i:{body})"


_compiled: dict[int, tuple] = {}


def dictionary(known: tuple[KnownEntity, ...]) -> tuple[re.Pattern, dict[str, KnownEntity]]:
    """One alternation of every written form, longest first, and the form → entity table
    (compiled once per reference set)."""
    if id(known) not in _compiled:
        _compiled.clear()
        _compiled[id(known)] = (known, *_compile(known))
    return _compiled[id(known)][1:]


def _compile(known: tuple[KnownEntity, ...]) -> tuple[re.Pattern, dict[str, KnownEntity]]:
    table: dict[str, KnownEntity] = {}
    forms: dict[str, str] = {}
    for entity in known:
        if entity.cls not in CLASSES:
            continue
        for form in entity.forms:
            table.setdefault(lookup_key(form), entity)
            forms.setdefault(lookup_key(form), form.strip())
    ordered = sorted(forms.values(), key=lambda f: (-len(f), f))
    alternation = "|".join(pattern_for(f) for f in ordered)
    # not after a hyphen or colon ("deeltijd-WW" is not the WW, "ECLI:NL:RVS" no council),
    # not inside a web address ("Rijksoverheid.nl")
    return re.compile(rf"(?<![\w&:-])(?:{alternation})(?![\w&]|[.:/][^\W\d])"), table


def find(text: str, known: tuple[KnownEntity, ...] | None = None) -> list[Hit]:
    pattern, table = dictionary(known if known is not None else load_reference())
    hits = []
    for m in pattern.finditer(text):
        entity = table.get(lookup_key(m.group()))
        if entity is not None:
            hits.append(Hit(m.start(), m.end(), entity.key, entity.cls))
    return hits


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
