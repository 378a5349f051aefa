"""The fast paths of writing a document's graph give exactly what the plain code they replace
gives: one Turtle serialisation for the TriG block and the own Turtle, the graph's own triples
found by bisection, and a Mention's triples written in place."""
from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
from hypothesis import given, settings, strategies as st

from polder.extract.keys import slug
from polder.extract.model import DocumentInfo, Entity, Extraction, Mention, Span
from polder.graph.build import GraphBuilder, document_graph_iri, document_parts, document_triples, dutch, fold, \
    plain, typed, vocab, written_forms
from polder.graph.parts import GraphParts, graph_parts, reserialised

GRAPH = "https://w3id.org/polder/id/doc/x"
XSD = "http://www.w3.org/2001/XMLSchema#"


def plain_graph_parts(lines: list[str], graph_iri: str) -> GraphParts:
    """`graph_parts` as it was: TriG from N-Quads, own Turtle from N-Triples, a test per line."""
    graph, own_prefix = f"<{graph_iri}>", f"<{graph_iri}/"
    lines = sorted(lines)
    owned = [line.startswith(own_prefix) or line.startswith(graph + " ") for line in lines]
    nquads = "".join(f"{line} {graph} .\n" for line in lines).encode("utf-8")
    own = "".join(f"{line} .\n" for line, mine in zip(lines, owned) if mine).encode("utf-8")
    return GraphParts(trig=reserialised(nquads, ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG),
                      turtle=reserialised(own, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE) if own else b"",
                      shared="".join(f"{line} .\n" for line, mine in zip(lines, owned) if not mine).encode("utf-8"),
                      entailed=plain_entailed(lines))


def plain_entailed(lines: list[str]) -> bytes:
    """What the lines entail and do not state, by the schema's consequences of each parsed triple."""
    from polder.graph.reason import ontology_entailer

    schema = ontology_entailer().schema
    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in ox.parse(
        input="".join(f"{line} .\n" for line in lines).encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)]
    entailed = {str(t) for triple in triples for t in schema.consequences(triple)} - {str(t) for t in triples}
    return "".join(f"{t} .\n" for t in sorted(entailed)).encode("utf-8")


# Texts with what literals must escape or keep: quotes, backslashes, line ends, tabs, control
# and non-BMP characters, and (for the tab indenting) text that looks like Turtle.
ODD_TEXT = st.lists(st.one_of(
    st.sampled_from(['"', "\\", "\n", "\r", "\t", "\u2028", "\x00", "\x7f", "😀", "𝔸", "é", " .\n\t<a> ", "}", "{", "'",
                     "#", "@nl", "^^", "a", "Z", " "]),
    st.characters(exclude_categories=("Cs",))), max_size=12).map("".join)
LITERALS = st.one_of(
    ODD_TEXT.map(lambda text: str(ox.Literal(text))),
    st.builds(lambda text, lang: str(ox.Literal(text, language=lang)), ODD_TEXT,
              st.sampled_from(["nl", "en", "nl-BE", "EN-gb", "x-private-1"])),
    st.builds(lambda value, datatype: str(ox.Literal(value, datatype=ox.NamedNode(XSD + datatype))),
              st.sampled_from(["0", "01", "-5", "+3", "1.50", "1e3", "true", "1", "2024-10-17", "2021-09", "x y"]),
              st.sampled_from(["integer", "decimal", "double", "boolean", "date", "gYearMonth", "string"])),
)
# Subjects around the graph's IRI: its own, under it, and ones that sort in between
# ("-", ".", "0", ">" and letters after its last character).
SUBJECTS = st.sampled_from([f"<{GRAPH}>", f"<{GRAPH}/mention/1-2-a>", f"<{GRAPH}/r/1>", f"<{GRAPH}/>",
                            f"<{GRAPH}-y>", f"<{GRAPH}.y>", f"<{GRAPH}0>", f"<{GRAPH}A>", f"<{GRAPH}_/z>",
                            f"<{GRAPH}y/z>", "<https://w3id.org/polder/id/doc/w>", "<https://w3id.org/polder/id/doc/y>",
                            "<https://w3id.org/polder/def#Thing>", "<http://example.org/a%20b>", "_:b1", "_:b2"])
PREDICATES = st.sampled_from([vocab("rdf:type"), vocab("rdfs:label"), vocab("polder:quote"), vocab("skos:hiddenLabel"),
                              "<http://example.org/p>", "<https://w3id.org/polder/def#a.b.>"])
OBJECTS = st.one_of(LITERALS, SUBJECTS, st.sampled_from([vocab("polder:Mention"), "<http://example.org/o>"]))
LINES = st.lists(st.builds(lambda s, p, o: f"{s} {p} {o}", SUBJECTS, PREDICATES, OBJECTS), max_size=40)


@settings(max_examples=400, deadline=None)
@given(LINES)
def test_graph_parts_match_the_plain_serialisations(lines):
    assert graph_parts(lines, GRAPH, entail=True) == plain_graph_parts(lines, GRAPH)


@settings(max_examples=100, deadline=None)
@given(LINES)
def test_graph_parts_take_lines_in_any_order(lines):
    assert graph_parts(reversed(lines), GRAPH) == graph_parts(sorted(lines), GRAPH)


def plain_mention_lines(builder: GraphBuilder, mention: Mention) -> set[str]:
    """A Mention's triples (and its written form's hiddenLabel) as the builder wrote them
    before its fast path: one `add` per triple, every IRI made and checked."""
    span, doc = mention.span, builder.doc
    node = builder.iri(f"{builder.doc_key}/mention/{span.start}-{span.end}-{slug(mention.key)}")
    entity = builder.iri(mention.key)
    triples = {(doc, vocab("polder:mentions"), entity), (node, vocab("rdf:type"), vocab("polder:Mention")),
               (node, vocab("polder:mentionOf"), entity), (node, vocab("polder:inDocument"), doc),
               (node, vocab("polder:start"), typed(span.start, "integer")),
               (node, vocab("polder:end"), typed(span.end, "integer")),
               (node, vocab("polder:quote"), plain(span.sentence)), (node, vocab("polder:rule"), plain(mention.rule))}
    if span.page is not None:
        triples.add((node, vocab("polder:page"), typed(span.page, "integer")))
    known = builder.ex.entities.get(mention.key)
    written = " ".join(span.text.split())
    if known is not None and written and not any(form in fold(written) for form in written_forms(known)):
        triples.add((entity, vocab("skos:hiddenLabel"), dutch(written)))
    return {f"{s} {p} {o}" for s, p, o in triples}


def extraction(mentions: list[Mention]) -> Extraction:
    info = DocumentInfo(stem="Doc 1 (x)", path="doc.txt", kind="advice", title="T", date="2024",
                        encoding="utf-8", sha256="0" * 64, chars=10)
    entities = {"org/ser": Entity("org/ser", "Organisation", "SER", {"Sociaal-Economische Raad"}),
                "law/arbowet/artikel-5": Entity("law/arbowet/artikel-5", "Provision", "artikel 5",
                                                props=[("polder:articleNumber", "5")]),
                "topic/jongeren": Entity("topic/jongeren", "Topic", "jongeren")}
    return Extraction(doc=info, entities=entities, mentions=mentions)


MENTIONS = st.builds(
    lambda key, start, length, text, sentence, rule, page: Mention(
        key, Span(start, start + length, text, sentence, page), rule),
    st.sampled_from(["org/ser", "law/arbowet/artikel-5", "topic/jongeren", "org/unknown", "person/kim-putters"]),
    st.integers(0, 10**7), st.integers(0, 50),
    st.one_of(ODD_TEXT, st.sampled_from(["SER", "S E R", "de ser", "Sociaal-\nEconomische Raad", "artikel\t5",
                                         "art. 5", "Jongeren", "uw Kamer", "  ", ""])),
    ODD_TEXT, st.sampled_from(["gazetteer/1", "law/article", 'odd "rule"\\']),
    st.one_of(st.none(), st.integers(1, 999)))


@settings(max_examples=200, deadline=None)
@given(st.lists(MENTIONS, max_size=12))
def test_mention_triples_match_one_add_per_triple(mentions):
    fast, slow = GraphBuilder(extraction(mentions)), GraphBuilder(extraction(mentions))
    expected = set()
    for mention in mentions:
        fast.add_mention(mention)
        fast.add_variant(mention)
        expected |= plain_mention_lines(slow, mention)
    assert fast.lines == expected


def test_document_triples_are_the_lines_split_into_terms():
    ex = extraction([Mention("org/ser", Span(3, 6, "SER", 'Een "zin"\nmet 😀.', 2), "gazetteer/1")])
    lines = GraphBuilder(ex).build()
    assert {f"{s} {p} {o}" for s, p, o in document_triples(ex)} == lines
    assert document_parts(ex, entail=True) == plain_graph_parts(list(lines), document_graph_iri(ex))


@pytest.mark.parametrize("name", sorted(p.name for p in (Path(__file__).resolve().parents[3] / "shared" / "corpus")
                                         .glob("*.txt"))[:2])
def test_corpus_documents_match_the_plain_serialisations(name, corpus_dir):
    from polder.extract.pipeline import extract
    from polder.extract.reader import read_document
    from polder.graph import resolve

    ex = extract(read_document(corpus_dir / name, 50_000_000))
    ex = resolve.apply(ex, resolve.merged_index([resolve.document_share(ex)]))
    parts = document_parts(ex, entail=True)
    assert parts == plain_graph_parts(list(GraphBuilder(ex).build()), document_graph_iri(ex))
    assert parts.trig and parts.turtle and parts.shared and parts.entailed
