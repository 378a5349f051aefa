"""`polder validate`: SHACL (pyshacl) over each document's graph and the reference data,
plus corpus-wide checks that no single document can see."""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import Graph, URIRef
from rdflib.namespace import RDFS, SH

from polder.ontology import ONTOLOGY, REFERENCE, SHAPES, TOPICS

from .iri import DEFAULT_BASE
from .parts import trig_stream_head
from .store import open_store

# Each document graph may label an entity; across the corpus they must agree (one Dutch label).
LABEL_COUNT = """
SELECT ?entity (COUNT(DISTINCT ?label) AS ?n) WHERE {
  GRAPH ?g { ?entity rdfs:label ?label }
  FILTER(STRSTARTS(STR(?entity), ?base) && LANG(?label) IN ("nl", ""))
} GROUP BY ?entity HAVING (COUNT(DISTINCT ?label) > 1) ORDER BY ?entity
"""


@dataclass(frozen=True)
class Violation:
    graph: str
    focus: str
    path: str
    message: str

    def plain(self) -> str:
        where = f" ({self.path})" if self.path else ""
        return f"{self.graph}: {self.focus}{where}: {self.message}"


def _shapes() -> Graph:
    return Graph().parse(SHAPES, format="turtle")


def _ontology() -> Graph:
    return Graph().parse(ONTOLOGY, format="turtle")


def validate_graph(data: Graph, name: str, shapes: Graph, ontology: Graph) -> list[Violation]:
    conforms, report, _text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                             allow_warnings=True)
    if conforms:
        return []
    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        messages = [m for m in report.objects(result, SH.resultMessage) if getattr(m, "language", None) in (None, "en")]
        label = data.value(focus, RDFS.label) if focus is not None else None
        focus_text = f"{label} <{focus}>" if label else f"<{focus}>"
        out.append(Violation(name, focus_text, _short(path), str(messages[0]) if messages else "violation"))
    return sorted(out, key=lambda v: (v.graph, v.focus, v.message))


def _short(path) -> str:
    if path is None:
        return ""
    text = str(path)
    return text.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if isinstance(path, URIRef) else text


def validate_build(out: Path) -> list[Violation]:
    """Every document graph, the reference data, and the corpus-wide label check."""
    shapes, ontology = _shapes(), _ontology()
    violations = []
    reference = Graph().parse(REFERENCE, format="turtle").parse(TOPICS, format="turtle")
    violations += validate_graph(reference, "reference", shapes, ontology)
    for file in sorted((Path(out) / "docs").glob("*.trig")):
        quads = ox.parse(input=trig_stream_head() + file.read_bytes(), format=ox.RdfFormat.TRIG)
        triples = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads),
                               format=ox.RdfFormat.N_TRIPLES)
        data = Graph().parse(data=triples.decode("utf-8"), format="nt")
        data += reference
        violations += validate_graph(data, file.stem, shapes, ontology)
    store = open_store(out)
    prefix = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    base = json.loads((Path(out) / "manifest.json").read_text(encoding="utf-8")).get("base", DEFAULT_BASE)
    for row in store.query(prefix + LABEL_COUNT.replace("?base", f'"{base}"')):
        violations.append(Violation("corpus", f"<{row['entity'].value}>", "label",
                                    f"has {row['n'].value} different rdfs:label values across documents"))
    return violations
