"""Facts → RDF: one document's Extraction becomes the triples of its named graph."""
from __future__ import annotations

import re

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS, SKOS, XSD

from polder.extract.model import Entity, Extraction, Mention, Ref, Relation, Vocab

from .iri import DEFAULT_BASE, POLDER, PREFIXES, document_key, instance, slug, term

KIND_CLASSES = {"minutes": POLDER.Minutes, "government_response": POLDER.GovernmentResponse,
                "magazine": POLDER.Magazine, "advice": POLDER.Advice}


def date_literal(value: str) -> Literal:
    """'2024-10-17' → xsd:date, '2021-09' → xsd:gYearMonth, '2021' → xsd:gYear."""
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return Literal(value, datatype=XSD.date)
    if re.fullmatch(r"\d{4}-\d{2}", value):
        return Literal(value, datatype=XSD.gYearMonth)
    return Literal(value, datatype=XSD.gYear)


def fold(text: str) -> str:
    """A written form without case, spaces or hyphens (PDF text breaks words with them)."""
    return re.sub(r"[\s\-\u00ad]+", "", text).casefold()


def written_forms(entity: Entity) -> set[str]:
    forms = {entity.label, *entity.alt_labels}
    forms |= {str(v) for p, v in entity.props if p in ("polder:articleNumber", "polder:number")}
    return {fold(f) for f in forms if f}


def new_graph() -> Graph:
    g = Graph()
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns)
    return g


class GraphBuilder:
    """Writes one Extraction into an rdflib Graph under an instance base."""

    def __init__(self, extraction: Extraction, base: str = DEFAULT_BASE):
        self.ex = extraction
        self.base = base
        self.graph = new_graph()
        self.doc = self.iri(document_key(extraction.doc.stem))

    def iri(self, key: str) -> URIRef:
        return instance(key, self.base)

    def value(self, value: object):
        if isinstance(value, Ref):
            return self.iri(value.key)
        if isinstance(value, Vocab):
            return term(value.curie)
        if isinstance(value, bool):
            return Literal(value)
        if isinstance(value, int):
            return Literal(value, datatype=XSD.integer)
        if isinstance(value, URIRef):
            return value
        return Literal(str(value))

    def build(self) -> Graph:
        self.add_document()
        for key in sorted(self.ex.entities):
            self.add_entity(self.ex.entities[key])
        for mention in self.ex.mentions:
            self.add_mention(mention)
            self.add_variant(mention)
        for relation in self.ex.relations:
            self.add_relation(relation)
        return self.graph

    def add_variant(self, mention: Mention) -> None:
        """A mention written in a form its entity has no label for ("uw Kamer", a typo such as
        "CMB") keeps that form as a skos:hiddenLabel, so every Mention's text is a known form."""
        entity = self.ex.entities.get(mention.key)
        written = " ".join(mention.span.text.split())
        if entity is None or not written:
            return
        if not any(form in fold(written) for form in written_forms(entity)):
            self.graph.add((self.iri(mention.key), SKOS.hiddenLabel, Literal(written, lang="nl")))

    def add_document(self) -> None:
        info, g, doc = self.ex.doc, self.graph, self.doc
        g.add((doc, RDF.type, POLDER.Document))
        if info.kind in KIND_CLASSES:
            g.add((doc, RDF.type, KIND_CLASSES[info.kind]))
        g.add((doc, DCTERMS.identifier, Literal(info.stem)))
        g.add((doc, RDFS.label, Literal(info.title or info.stem, lang="nl")))
        if info.title:
            g.add((doc, DCTERMS.title, Literal(info.title, lang="nl")))
        if info.date:
            g.add((doc, DCTERMS.date, date_literal(info.date)))
        g.add((doc, POLDER.contentHash, Literal(info.sha256)))
        g.add((doc, POLDER.encoding, Literal(info.encoding)))

    def add_entity(self, entity: Entity) -> None:
        g, node = self.graph, self.iri(entity.key)
        if not entity.from_reference:
            g.add((node, RDF.type, term(entity.cls if ":" in entity.cls else f"polder:{entity.cls}")))
            g.add((node, RDFS.label, Literal(entity.label, lang="nl")))
            for alt in sorted(entity.alt_labels - {entity.label}):
                g.add((node, SKOS.altLabel, Literal(alt, lang="nl")))
            g.add((node, PROV.wasDerivedFrom, self.doc))
        for prop, value in entity.props:
            literal_date = prop == "dcterms:date" and isinstance(value, str)
            g.add((node, term(prop), date_literal(value) if literal_date else self.value(value)))

    def mention_iri(self, mention: Mention) -> URIRef:
        return self.iri(f"{document_key(self.ex.doc.stem)}/mention/{mention.span.start}-{mention.span.end}-{slug(mention.key)}")

    def add_mention(self, mention: Mention) -> None:
        g, node, span = self.graph, self.mention_iri(mention), mention.span
        entity = self.iri(mention.key)
        g.add((self.doc, POLDER.mentions, entity))
        g.add((node, RDF.type, POLDER.Mention))
        g.add((node, POLDER.mentionOf, entity))
        g.add((node, POLDER.inDocument, self.doc))
        g.add((node, POLDER.start, Literal(span.start, datatype=XSD.integer)))
        g.add((node, POLDER.end, Literal(span.end, datatype=XSD.integer)))
        g.add((node, POLDER.quote, Literal(span.sentence)))
        g.add((node, POLDER.rule, Literal(mention.rule)))
        if span.page is not None:
            g.add((node, POLDER.page, Literal(span.page, datatype=XSD.integer)))

    def add_relation(self, relation: Relation) -> None:
        subject = self.iri(relation.subject)
        self.graph.add((subject, term(relation.prop), self.value(relation.value)))
        if relation.evidence is not None:
            self.add_mention(Mention(relation.subject, relation.evidence, relation.rule))


def document_graph(extraction: Extraction, base: str = DEFAULT_BASE) -> Graph:
    return GraphBuilder(extraction, base).build()


def to_nquads(graph: Graph, graph_iri: str) -> str:
    """The graph as sorted N-Quads lines in the named graph `graph_iri`."""
    lines = graph.serialize(format="nt", encoding="utf-8").decode("utf-8").splitlines()
    quads = sorted({f"{line[:-2].rstrip()} <{graph_iri}> ." for line in lines if line.strip()})
    return "\n".join(quads) + "\n"
