"""Plain fact records that extractors return.

Extractors never build IRIs or triples: they return these records, with offsets into the
document's original text and the id of the rule that fired. `polder.graph.build` turns
them into RDF. An entity is identified by its `key`, a stable slug path such as
``law/arbowet``, ``law/arbowet/artikel-5``, ``org/ser/cbm`` or ``person/kim-putters``;
the graph builder puts the instance base in front of it.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    """A stretch of the original (decoded) text: ``text[start:end]``, and its sentence."""

    start: int
    end: int
    text: str
    sentence: str
    page: int | None = None


@dataclass
class Entity:
    """Something the text is about: a law, provision, organisation, person, topic, ...

    `cls` is a polder class name without prefix ("Law", "Provision", "Person",
    "Organisation", "AdvisoryBody", "Committee", "Topic", "Advice", "Meeting", ...) or a
    CURIE of another vocabulary ("org:Membership").
    `props` holds further facts as (property CURIE, value) pairs, where a value is either
    a plain Python value (a literal) or another Entity's key wrapped in `Ref`.
    """

    key: str
    cls: str
    label: str
    alt_labels: set[str] = field(default_factory=set)
    props: list[tuple[str, object]] = field(default_factory=list)
    from_reference: bool = False  # defined in ontology/reference.ttl; the graph need not repeat it

    def add(self, prop: str, value: object) -> None:
        if (prop, value) not in self.props:
            self.props.append((prop, value))


@dataclass(frozen=True)
class Ref:
    """A reference to another entity by key, used as a property value."""

    key: str


@dataclass(frozen=True)
class Vocab:
    """A vocabulary term as a property value, by CURIE: Vocab("polder:Adopted")."""

    curie: str


@dataclass(frozen=True)
class Mention:
    """One occurrence of an entity in the document, with the rule that found it."""

    key: str
    span: Span
    rule: str


@dataclass(frozen=True)
class Relation:
    """A fact between entities (or an entity and a literal), with its evidence."""

    subject: str
    prop: str
    value: object  # Ref or literal
    rule: str
    evidence: Span | None = None


@dataclass
class DocumentInfo:
    """What the reader and classifier know of a document as a whole."""

    stem: str
    path: str
    kind: str  # minutes | government_response | magazine | advice | other
    title: str | None
    date: str | None  # "YYYY-MM-DD", "YYYY-MM" or "YYYY"
    encoding: str
    sha256: str
    chars: int


@dataclass
class Extraction:
    """Everything extracted from one document."""

    doc: DocumentInfo
    entities: dict[str, Entity] = field(default_factory=dict)
    mentions: list[Mention] = field(default_factory=list)
    relations: list[Relation] = field(default_factory=list)

    def entity(self, entity: Entity) -> Entity:
        """Add an entity, or merge labels and props into the one with that key."""
        have = self.entities.get(entity.key)
        if have is None:
            self.entities[entity.key] = entity
            return entity
        have.alt_labels |= entity.alt_labels | ({entity.label} - {have.label})
        for prop, value in entity.props:
            have.add(prop, value)
        return have
