"""Shared helpers for names of persons and organisations (no graph imports here)."""
from __future__ import annotations

import re
from functools import lru_cache

from .keys import document_key as stem_key, slug  # noqa: F401  (re-exported for the extractors)
from .reference import KnownEntity, load_reference

PARTICLES = {"van", "de", "der", "den", "ter", "ten", "het", "'t", "in", "op", "el", "la", "le", "du", "d'",
             "von", "da", "di", "dos", "del", "della"}
TITLE = re.compile(r"^(?:de\s+heer|heer|mevrouw|mevr\.?|dhr\.?|mw\.?)\s+", re.I)


_SPACES = re.compile(r"\s+")  # compiled once: `without_title` runs for every person mention


@lru_cache(maxsize=4096)  # (a document repeats its names; bounded for long builds)
def without_title(name: str) -> str:
    return TITLE.sub("", _SPACES.sub(" ", name.strip()))


@lru_cache(maxsize=4096)
def split_name(name: str) -> tuple[str, str]:
    """'Henk den Boer' -> ('Henk', 'den Boer'); 'Van der Veen' -> ('', 'Van der Veen');
    'F. Bakker-de Lange' -> ('F.', 'Bakker-de Lange'): a particle after a hyphen joins a double surname;
    'Lisa Tjon A Fong' -> ('Lisa', 'Tjon A Fong')."""
    tokens = without_title(name).split()
    for i, token in enumerate(tokens[:-1]):
        if token == "A" and i:  # "Annemieke Tjon A Fong": a capital alone joins the words around it
            return " ".join(tokens[:i - 1]), " ".join(tokens[i - 1:])
        if token.lower() in PARTICLES or token.rpartition("-")[2].lower() in PARTICLES:
            return " ".join(tokens[:i]), " ".join(tokens[i:])
    return " ".join(tokens[:-1]), " ".join(tokens[-1:])


def surname_key(name: str) -> str:
    """A surname as a comparable key: particles lower-cased ('Van der Veen' = 'van der Veen')."""
    return slug(split_name(name)[1])


@lru_cache(maxsize=4096)
def person_key(name: str) -> str:
    return "person/" + slug(without_title(name))


def compatible_given(a: str, b: str) -> bool:
    """'Henk' ~ 'H.' ~ '' ; 'Henk' !~ 'Piet'."""
    a, b = a.replace(".", "").strip().lower(), b.replace(".", "").strip().lower()
    if not a or not b or a == b:
        return True
    return a[0] == b[0] and (len(a) == 1 or len(b) == 1)


@lru_cache(maxsize=4)
def known_org_forms(known: tuple[KnownEntity, ...] | None = None) -> dict[str, KnownEntity]:
    """Case-folded written form -> known organisation of the reference data."""
    table: dict[str, KnownEntity] = {}
    for entity in known if known is not None else load_reference():
        if entity.cls in ("AdvisoryBody", "Committee", "Organisation"):
            for form in entity.forms:
                table.setdefault(normal_form(form), entity)
    return table


def normal_form(name: str) -> str:
    return re.sub(r"\s+", " ", name.replace("-", " ")).strip().casefold()
