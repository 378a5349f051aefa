"""Dictionaries of known entities, generated from the reference Turtle in ontology/.

An analyst extends Polder by editing ontology/reference.ttl or topics.ttl: every
rdfs:label, skos:altLabel and skos:hiddenLabel there becomes a written form the
extractors look for.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from rdflib import Graph, URIRef
from rdflib.namespace import DCTERMS, RDF, RDFS, SKOS

ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
REFERENCE_FILES = ("reference.ttl", "topics.ttl")
BASE = "https://w3id.org/polder/id/"
POLDER = "https://w3id.org/polder/def#"
ORG_UNIT_OF = URIRef("http://www.w3.org/ns/org#unitOf")
BWB_ID = URIRef(POLDER + "bwbId")


@dataclass
class KnownEntity:
    key: str
    cls: str
    label: str
    forms: set[str] = field(default_factory=set)
    kind: str | None = None
    parent: str | None = None
    bwb_id: str | None = None


def _class_name(g: Graph, node) -> str | None:
    names = sorted(str(c)[len(POLDER):] for c in g.objects(node, RDF.type) if str(c).startswith(POLDER))
    for preferred in ("Committee", "AdvisoryBody", "Organisation", "Law", "Topic", "Person"):
        if preferred in names:
            return preferred
    return names[0] if names else None


def _known(g: Graph, node) -> KnownEntity | None:
    cls = _class_name(g, node)
    label = g.value(node, RDFS.label) or g.value(node, SKOS.prefLabel)
    if not cls or label is None or not str(node).startswith(BASE):
        return None
    forms = {str(o) for p in (RDFS.label, SKOS.prefLabel, SKOS.altLabel, SKOS.hiddenLabel)
             for o in g.objects(node, p)}
    parent = g.value(node, ORG_UNIT_OF)
    kind = g.value(node, DCTERMS.type)
    bwb = g.value(node, BWB_ID)
    return KnownEntity(key=str(node)[len(BASE):], cls=cls, label=str(label), forms=forms,
                       kind=str(kind) if kind else None,
                       parent=str(parent)[len(BASE):] if parent else None,
                       bwb_id=str(bwb) if bwb else None)


@lru_cache(maxsize=4)
def load_reference(directory: Path = ONTOLOGY_DIR) -> tuple[KnownEntity, ...]:
    """All known entities of the reference files, sorted by key."""
    g = Graph()
    for name in REFERENCE_FILES:
        path = directory / name
        if path.exists():
            g.parse(path, format="turtle")
    found = (_known(g, s) for s in set(g.subjects(RDF.type, None)))
    return tuple(sorted((k for k in found if k), key=lambda k: k.key))


def by_key(directory: Path = ONTOLOGY_DIR) -> dict[str, KnownEntity]:
    return dict(_by_key(directory))


@lru_cache(maxsize=4)
def _by_key(directory: Path) -> dict[str, KnownEntity]:
    # load_reference() and load_reference(ONTOLOGY_DIR) are two cache entries: call it as others do
    known = load_reference() if directory == ONTOLOGY_DIR else load_reference(directory)
    return {k.key: k for k in known}
