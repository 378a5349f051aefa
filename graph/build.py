"""Facts → RDF: one document's Extraction becomes its named graph (N-Quads and export parts).

The triples are made as N-Triples lines (pyoxigraph writes each term once, escaping
included), sorted and re-serialised: at tens of thousands of documents rdflib's in-memory
graph cost more than all extraction together, and Python term objects per triple cost more
than the graph's text.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox
from rdflib import Literal as RdfLiteral
from rdflib.namespace import XSD

from polder.extract.model import Entity, Extraction, Mention, Ref, Relation, Vocab

from .iri import DEFAULT_BASE, document_key, instance, slug, term
from .links import provision_urls
from .parts import GraphParts, graph_parts

KIND_CLASSES = {"minutes": "polder:Minutes", "government_response": "polder:GovernmentResponse",
                "magazine": "polder:Magazine", "advice": "polder:Advice"}
XSD_NS = "http://www.w3.org/2001/XMLSchema#"
LABELS = {"rdfs:label", "skos:altLabel", "skos:hiddenLabel"}


def date_type(value: str) -> str:
    """'2024-10-17' → date, '2021-09' → gYearMonth, '2021' → gYear."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return "date"
    return "gYearMonth" if re.fullmatch(r"\d{4}-\d{2}", value) else "gYear"


def date_literal(value: str) -> RdfLiteral:
    """The same typed date as an rdflib literal (for code that builds rdflib graphs)."""
    return RdfLiteral(value, datatype=XSD[date_type(value)])


_FOLDED_AWAY = re.compile(r"[\s\-\u00ad]+")


@lru_cache(maxsize=1 << 16)  # labels and written forms recur across documents
def fold(text: str) -> str:
    """A written form without case, spaces or hyphens (PDF text breaks words with them)."""
    return _FOLDED_AWAY.sub("", text).casefold()


def written_forms(entity: Entity) -> set[str]:
    forms = {entity.label, *entity.alt_labels}
    forms |= {str(v) for p, v in entity.props if p in ("polder:articleNumber", "polder:number") or p in LABELS}
    return {fold(f) for f in forms if f}


@lru_cache(maxsize=None)
def vocab(curie: str) -> str:
    return str(ox.NamedNode(str(term(curie))))


def typed(value: object, datatype: str) -> str:
    if datatype == "integer" and type(value) is int:  # digits need no escaping: the common case, made cheap
        return f'"{value}"^^<{XSD_NS}integer>'
    return str(ox.Literal(str(value), datatype=ox.NamedNode(XSD_NS + datatype)))


def dutch(text: str) -> str:
    return str(ox.Literal(text, language="nl"))


def plain(text: str) -> str:
    return str(ox.Literal(text))


mention_slug = lru_cache(maxsize=1 << 16)(slug)  # entity keys recur across documents


# The terms of a Mention's triples, written once: mentions are most of a document's triples.
_MENTIONS, _TYPE, _MENTION = vocab("polder:mentions"), vocab("rdf:type"), vocab("polder:Mention")
_MENTION_OF, _IN_DOCUMENT = vocab("polder:mentionOf"), vocab("polder:inDocument")
_START, _END, _QUOTE = vocab("polder:start"), vocab("polder:end"), vocab("polder:quote")
_RULE, _PAGE, _HIDDEN_LABEL = vocab("polder:rule"), vocab("polder:page"), vocab("skos:hiddenLabel")


class GraphBuilder:
    """Writes one Extraction as the triples of its named graph, under an instance base, as
    N-Triples lines without the closing " ." (`<s> <p> "o"`)."""

    def __init__(self, extraction: Extraction, base: str = DEFAULT_BASE):
        self.ex = extraction
        self.base = base
        self.lines: set[str] = set()
        # Per-document caches: a document mentions the same few entities hundreds of times.
        self._iris: dict[str, str] = {}
        self._plains: dict[str, str] = {}
        self._forms: dict[str, set[str]] = {}
        self._variants: dict[tuple[str, str], str | None] = {}
        self.doc = self.iri(document_key(extraction.doc.stem))
        self.doc_key = document_key(extraction.doc.stem)

    def iri(self, key: str) -> str:
        node = self._iris.get(key)
        if node is None:
            node = self._iris[key] = str(ox.NamedNode(str(instance(key, self.base))))  # validates the IRI
        return node

    def add(self, subject, curie: str, value) -> None:
        self.lines.add(f"{subject} {vocab(curie)} {value}")

    def value(self, value: object):
        if isinstance(value, Ref):
            return self.iri(value.key)
        if isinstance(value, Vocab):
            return vocab(value.curie)
        if isinstance(value, bool):
            return typed(str(value).lower(), "boolean")
        if isinstance(value, int):
            return typed(value, "integer")
        return plain(str(value))

    def build(self) -> set[str]:
        self.add_document()
        for key in sorted(self.ex.entities):
            self.add_entity(self.ex.entities[key])
        for mention in self.ex.mentions:
            self.add_mention(mention)
            self.add_variant(mention)
        for relation in self.ex.relations:
            self.add_relation(relation)
        return self.lines

    def add_document(self) -> None:
        info, doc = self.ex.doc, self.doc
        self.add(doc, "rdf:type", vocab("polder:Document"))
        if info.kind in KIND_CLASSES:
            self.add(doc, "rdf:type", vocab(KIND_CLASSES[info.kind]))
        self.add(doc, "dcterms:identifier", plain(info.stem))
        self.add(doc, "rdfs:label", dutch(info.title or info.stem))
        if info.title:
            self.add(doc, "dcterms:title", dutch(info.title))
        if info.date:
            self.add(doc, "dcterms:date", typed(info.date, date_type(info.date)))
        self.add(doc, "polder:contentHash", plain(info.sha256))
        self.add(doc, "polder:encoding", plain(info.encoding))

    def add_entity(self, entity: Entity) -> None:
        node = self.iri(entity.key)
        if not entity.from_reference:
            self.add(node, "rdf:type", vocab(entity.cls if ":" in entity.cls else f"polder:{entity.cls}"))
            self.add(node, "rdfs:label", dutch(entity.label))
            for alt in sorted(entity.alt_labels - {entity.label}):
                self.add(node, "skos:altLabel", dutch(alt))
            self.add(node, "prov:wasDerivedFrom", self.doc)
        for prop, value in entity.props:
            if prop in LABELS and isinstance(value, str):  # a name, in Dutch like every label
                self.add(node, prop, dutch(value))
            elif prop == "dcterms:date" and isinstance(value, str):
                self.add(node, prop, typed(value, date_type(value)))
            else:
                self.add(node, prop, self.value(value))
        if entity.cls == "Provision":
            for url in provision_urls(entity, self.ex.entities):
                self.add(node, "rdfs:seeAlso", str(ox.NamedNode(url)))

    def mention_iri(self, mention: Mention) -> str:
        span = mention.span
        # Digits, hyphens and a slug ([a-z0-9-]) after a valid IRI keep it valid: no need to
        # check each mention's IRI again.
        return f"{self.doc[:-1]}/mention/{span.start}-{span.end}-{mention_slug(mention.key)}>"

    def add_mention(self, mention: Mention) -> None:
        node, span, entity, doc = self.mention_iri(mention), mention.span, self.iri(mention.key), self.doc
        # The bulk of a document's triples: written in place, added in one call.
        lines = [f"{doc} {_MENTIONS} {entity}",
                 f"{node} {_TYPE} {_MENTION}",
                 f"{node} {_MENTION_OF} {entity}",
                 f"{node} {_IN_DOCUMENT} {doc}",
                 f"{node} {_START} {typed(span.start, 'integer')}",
                 f"{node} {_END} {typed(span.end, 'integer')}",
                 f"{node} {_QUOTE} {self.plain(span.sentence)}",
                 f"{node} {_RULE} {self.plain(mention.rule)}"]
        if span.page is not None:
            lines.append(f"{node} {_PAGE} {typed(span.page, 'integer')}")
        self.lines.update(lines)

    def plain(self, text: str) -> str:
        """A text as a literal, written once however many mentions share it (sentences, rules)."""
        literal = self._plains.get(text)
        if literal is None:
            literal = self._plains[text] = plain(text)
        return literal

    def add_variant(self, mention: Mention) -> None:
        """A mention written in a form its entity has no label for ("uw Kamer", a typo such as
        "CMB") keeps that form as a skos:hiddenLabel, so every Mention's text is a known form."""
        seen = (mention.key, mention.span.text)  # most mentions repeat a form already judged
        if seen not in self._variants:
            self._variants[seen] = self.hidden_label(mention.key, mention.span.text)
        if self._variants[seen] is not None:
            self.lines.add(self._variants[seen])

    def hidden_label(self, key: str, text: str) -> str | None:
        """The skos:hiddenLabel line for the entity `key` written as `text`, or None when the
        entity is unknown or already has a form in it."""
        entity = self.ex.entities.get(key)
        written = " ".join(text.split())
        if entity is None or not written:
            return None
        forms = self._forms.get(key)
        if forms is None:
            forms = self._forms[key] = written_forms(entity)
        folded = fold(written)
        if any(form in folded for form in forms):
            return None
        return f"{self.iri(key)} {_HIDDEN_LABEL} {dutch(written)}"

    def add_relation(self, relation: Relation) -> None:
        self.add(self.iri(relation.subject), relation.prop, self.value(relation.value))
        if relation.evidence is not None:
            self.add_mention(Mention(relation.subject, relation.evidence, relation.rule))


def document_triples(extraction: Extraction, base: str = DEFAULT_BASE) -> set[tuple[str, str, str]]:
    """The document graph's triples as N-Triples terms."""
    # Subjects and predicates are IRIs or blank nodes: the first two spaces end them.
    return {tuple(line.split(" ", 2)) for line in GraphBuilder(extraction, base).build()}


def document_graph_iri(extraction: Extraction, base: str = DEFAULT_BASE) -> str:
    return str(instance(document_key(extraction.doc.stem), base))


def document_parts(extraction: Extraction, base: str = DEFAULT_BASE, entail: bool = False) -> GraphParts:
    """The document's named graph as its pieces of the store and the exports (graph/parts.py);
    with `entail`, also its RDFS entailments."""
    return graph_parts(GraphBuilder(extraction, base).build(), document_graph_iri(extraction, base), entail)

