"""Entity resolution across the corpus: one real-world entity, one key.

`corpus_index` sees every document's extraction once (streamed) and keeps only names,
keys and the organisations a person is tied to; `apply` rewrites one extraction with it.

Within one document the extractors already join "de heer Putters", "Putters" and
"Nanda Piersma"/"mevrouw Piersma". Across documents a surname-only person is joined to a
full-name person only when the evidence supports it: the same surname and a shared
affiliation (both tied to the same organisation). Two people with one surname and nothing
else in common stay apart. Every key gets one label across the corpus: its fullest name.
"""
from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable

from polder.extract.model import Extraction, Ref
from polder.extract.names import compatible_given, split_name, surname_key
from polder.extract.persons import rekey, rekeyed

AFFILIATIONS = {"org:memberOf", "org:headOf", "polder:represents"}


@dataclass
class Index:
    labels: dict[str, Counter] = field(default_factory=lambda: defaultdict(Counter))
    affiliations: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    persons: set[str] = field(default_factory=set)
    mapping: dict[str, str] = field(default_factory=dict)
    canonical: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class Share:
    """One document's part of the index, flat: a worker hands it back with its result, and the
    resolution a build leaves keeps one per document (10,000 of them as Counters and sets
    took 1 GB to load back)."""

    labels: tuple[tuple[str, str, int], ...]  # (entity key, label, how often)
    affiliations: tuple[tuple[str, str], ...]  # (person key, organisation key)
    persons: tuple[str, ...]
    keys: tuple[str, ...]  # every entity key of the document, reference data's too


def corpus_index(extractions: Iterable[Extraction]) -> Index:
    return merged_index(document_share(extraction) for extraction in extractions)


def document_share(extraction: Extraction) -> Share:
    """One document's share of the index."""
    index = Index()
    add_to_index(index, extraction)
    return Share(tuple((key, label, n) for key, labels in sorted(index.labels.items())
                       for label, n in sorted(labels.items())),
                 tuple((key, org) for key, orgs in sorted(index.affiliations.items()) for org in sorted(orgs)),
                 tuple(sorted(index.persons)), tuple(sorted(extraction.entities)))


def merged_index(shares: Iterable[Share]) -> Index:
    """The corpus index from the documents' shares (given in stem order)."""
    index = Index()
    for share in shares:
        for key, label, n in share.labels:
            index.labels[key][label] += n
        for key, org in share.affiliations:
            index.affiliations[key].add(org)
        index.persons.update(share.persons)
    index.mapping = person_mapping(index)
    for key, labels in index.labels.items():
        target = index.mapping.get(key, key)
        index.labels.setdefault(target, Counter()).update(labels) if target != key else None
    index.canonical = {key: canonical_label(labels) for key, labels in index.labels.items()}
    return index


def add_to_index(index: Index, extraction: Extraction) -> None:
    for entity in extraction.entities.values():
        if entity.from_reference:
            continue
        index.labels[entity.key][entity.label] += 1
        if entity.cls == "Person":
            index.persons.add(entity.key)
    for relation in extraction.relations:
        if relation.prop in AFFILIATIONS and isinstance(relation.value, Ref):
            index.affiliations[relation.subject].add(relation.value.key)


def canonical_label(labels: Counter) -> str:
    """The fullest written name: most words, not ALL CAPS, most frequent, then alphabetical."""
    return min(labels, key=lambda l: (-len(l.split()), l.isupper(), -labels[l], l))


def person_mapping(index: Index) -> dict[str, str]:
    by_surname: dict[str, list[str]] = defaultdict(list)
    names = {key: canonical_label(index.labels[key]) for key in sorted(index.persons)}
    for key, name in names.items():
        by_surname[surname_key(name)].append(key)
    mapping = {}
    for group in by_surname.values():
        full = {key: fullness(names[key]) for key in group}
        for key in group:
            # only a fuller name can be joined with: most persons have none with their surname
            fuller = [other for other in group if full[other] > full[key]]
            target = joined_with(key, names[key], fuller, names, index) if fuller else None
            if target:
                mapping[key] = target
    return mapping


def fullness(name: str) -> tuple[int, bool]:
    """How fully a name is written: by its words, then a given name over initials ("Ruud
    Scheepmaker" is fuller than "R. Scheepmaker")."""
    return len(name.split()), any(c.islower() for c in split_name(name)[0])


def joined_with(key: str, name: str, fuller: list[str], names: dict[str, str], index: Index) -> str | None:
    """The one fuller-named person this one is evidently the same as, or None."""
    given = split_name(name)[0]
    fits = [other for other in fuller
            if compatible_given(given, split_name(names[other])[0])
            and index.affiliations[key] & index.affiliations[other]]
    return fits[0] if len(fits) == 1 else None


def signature(keys: Iterable[str], index: Index) -> str:
    """All that `apply` takes from the index for a document with these entity keys: the
    key each gets (`rekeyed`) and the label that key has. Two indexes with the same
    signature for a document turn it into the same graph."""
    keys = sorted(keys)
    mapping = document_mapping(keys, index)
    seen = [(key, target, index.canonical.get(target)) for key in keys for target in [rekeyed(key, mapping)]]
    return hashlib.sha256(repr(seen).encode("utf-8")).hexdigest()


def document_mapping(keys: Iterable[str], index: Index) -> dict[str, str]:
    """The part of the index's person mapping that concerns a document with these keys."""
    keys = set(keys)
    return {k: v for k, v in index.mapping.items() if k in keys}


def apply(extraction: Extraction, index: Index | dict) -> Extraction:
    if not isinstance(index, Index):
        return extraction
    rekey(extraction, document_mapping(extraction.entities, index))
    for entity in extraction.entities.values():
        label = index.canonical.get(entity.key)
        if label and label != entity.label and not entity.from_reference:
            entity.alt_labels.add(entity.label)
            entity.label = label
            entity.alt_labels.discard(label)
    return extraction
