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
    """'SER', 'VNO-NCW', 'RI&E', 'NCvB': matched with their exact capitals only."""
    return sum(c.isupper() for c in form) >= 2 or len(form) <= 3


def variants(form: str) -> set[str]:
    """Written forms to look for: the form itself and, for words, a lower-case first letter."""
    out = {form}
    if not is_acronym(form) and form[:1].isupper():
        out.add(form[0].lower() + form[1:])
    if not is_acronym(form) and form[:1].islower():
        out.add(form[0].upper() + form[1:])
    return out


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
    for entity in known:
        if entity.cls not in CLASSES:
            continue
        for form in entity.forms:
            for variant in variants(form.strip()):
                table.setdefault(variant, entity)
    forms = sorted(table, key=lambda f: (-len(f), f))
    alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in forms)
    return re.compile(rf"(?<![\w&])(?:{alternation})(?![\w&])"), table


def find(text: str, known: tuple[KnownEntity, ...] | None = None) -> list[Hit]:
    pattern, table = dictionary(known if known is not None else load_reference())
    hits = []
    for m in pattern.finditer(text):
        entity = table.get(re.sub(r"\s+", " ", m.group()))
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
