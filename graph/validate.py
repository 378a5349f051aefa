"""`polder validate`: SHACL (pyshacl) over each document's graph and the reference data,
plus corpus-wide checks that no single document can see.

What each document is checked against is its own graph merged with the reference data
(ontology/reference.ttl, topics.ttl) and the ontology, as if the whole reference graph were
merged in; only the part of it that can change a result is actually merged:

- a node is *affected* by the document when the document states something about it (it is
  a subject there), points at it over an inverse shape path, or gives a type to a value the
  node must have a class for (sh:class);
- for an affected node every reference triple about it, the reference triples pointing at it
  over an inverse shape path, the types of its sh:class values and all rdfs:subClassOf triples
  are merged: everything its SHACL result depends on;
- a node the document does not affect has the result it has in the reference data alone,
  which is computed once (the "reference" check) and repeated under the document's name,
  exactly as a full merge would report it.

Likewise only the document's triples a result can depend on are read: types, labels,
subclasses and the predicates of shape paths. This holds for shapes whose targets are classes
and whose constraints look at a focus node's own types and its values over a predicate or an
inverse predicate; `ShapePlan` checks that, and otherwise (or when a document adds
rdfs:subClassOf triples) the whole document and reference graph are merged, as before.

Documents are checked with `flat_shapes` (same results, half the pyshacl time) in worker
processes (`jobs`), results in file order. Two things print differently from the first
version, which left them to chance: an inverse path is `^name`, not a blank node id, and an
entity with two labels in the reference data shows the first one, not the first of a set.
"""
from __future__ import annotations

import gc
import json
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

import pyoxigraph as ox
from pyshacl import validate as shacl_validate
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SH, XSD

from polder.extract.errors import PolderError
from polder.ontology import ONTOLOGY, REFERENCE, SHAPES, TOPICS

from .iri import DEFAULT_BASE
from .parts import trig_stream_head
from .store import STORE_DIR, open_store

# Each document graph may label an entity; across the corpus they must agree (one Dutch label).
LABEL_COUNT = """
SELECT ?entity (COUNT(DISTINCT ?label) AS ?n) WHERE {
  GRAPH ?g { ?entity rdfs:label ?label }
  FILTER(STRSTARTS(STR(?entity), ?base) && LANG(?label) IN ("nl", ""))
} GROUP BY ?entity HAVING (COUNT(DISTINCT ?label) > 1) ORDER BY ?entity
"""

Progress = Callable[[int, int, str], None]


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


def _reference() -> Graph:
    return Graph().parse(REFERENCE, format="turtle").parse(TOPICS, format="turtle")


# --- one graph -------------------------------------------------------------------------

def _results(data: Graph, shapes: Graph, ontology: Graph | None, label_of=None) -> list[tuple]:
    """(focus node, focus text, path, message) of each sh:Violation of `data`; `label_of`
    gives the label shown with a focus node (default: its first rdfs:label in `data`).
    Without `ontology`, `data` is validated in place: it must already hold what it needs."""
    conforms, report, _text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                             allow_warnings=True, inplace=ontology is None)
    if conforms:
        return []
    label_of = label_of or (lambda node: data.value(node, RDFS.label))
    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        messages = [m for m in report.objects(result, SH.resultMessage) if getattr(m, "language", None) in (None, "en")]
        label = label_of(focus) if focus is not None else None
        focus_text = f"{label} <{focus}>" if label else f"<{focus}>"
        out.append((focus, focus_text, _short(path, report), str(messages[0]) if messages else "violation"))
    return out


def _violations(name: str, results: Iterable[tuple]) -> list[Violation]:
    found = [Violation(name, text, path, message) for _focus, text, path, message in results]
    return sorted(found, key=lambda v: (v.graph, v.focus, v.message, v.path))


def validate_graph(data: Graph, name: str, shapes: Graph, ontology: Graph) -> list[Violation]:
    """The violations of one graph merged with the ontology, sorted (graph, focus, message, path)."""
    return _violations(name, _results(data, shapes, ontology))


def _short(path, report: Graph | None = None) -> str:
    """A path's local name; an inverse path as ^name (not the id of the blank node it is in the
    report, which changes from run to run)."""
    if path is None:
        return ""
    if isinstance(path, URIRef):
        return str(path).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
    inverse = report.value(path, SH.inversePath) if report is not None else None
    return f"^{_short(inverse)}" if isinstance(inverse, URIRef) else str(path)


# --- what the shapes look at -------------------------------------------------------------

# Constraints on a value node by itself (its lexical form, datatype, kind, membership of a
# list), counts of value nodes, and sh:class (the value's types, which are merged).
LOCAL_CONSTRAINTS = {SH.minCount, SH.maxCount, SH.datatype, SH.pattern, SH.flags, SH["in"], SH["class"],
                     SH.nodeKind, SH.minLength, SH.maxLength, SH.languageIn, SH.uniqueLang, SH.hasValue,
                     SH.minInclusive, SH.maxInclusive, SH.minExclusive, SH.maxExclusive}
DESCRIPTIVE = {SH.message, SH.severity, SH.name, SH.description, SH.order, SH.group, SH.deactivated,
               SH.defaultValue, SH.targetClass, SH.property, SH.path, SH.inversePath}


@dataclass(frozen=True)
class ShapePlan:
    """What the shapes can look at from a focus node. `local` is False when they use anything
    else (other targets, nested shapes, SPARQL, longer paths, ...): then a document is merged
    with the whole reference graph."""
    local: bool
    forward: frozenset = frozenset()         # predicates that are paths
    inverse: frozenset = frozenset()         # predicates of sh:inversePath paths
    class_out: frozenset = frozenset()       # predicates whose values need a class
    class_in: frozenset = frozenset()        # inverse predicates whose values need a class

    @classmethod
    def of(cls, shapes: Graph) -> "ShapePlan":
        for s, p, _o in shapes:
            if str(p).startswith(str(SH)) and p not in LOCAL_CONSTRAINTS | DESCRIPTIVE:
                return cls(False)
        shape_nodes = set(shapes.subjects(SH.targetClass, None)) | set(shapes.subjects(SH.property, None))
        if any((s, RDF.type, kind) in shapes for s in shape_nodes for kind in (RDFS.Class, OWL.Class)):
            return cls(False)  # implicit class targets
        if any((s, SH.path, None) in shapes for s in shapes.subjects(SH.property, None)):
            return cls(False)  # property shapes of the values: they look two steps away
        forward, inverse, class_out, class_in = set(), set(), set(), set()
        for shape, path in shapes.subject_objects(SH.path):
            needs_class = (shape, SH["class"], None) in shapes
            if isinstance(path, URIRef):
                forward.add(path)
                if needs_class:
                    class_out.add(path)
                continue
            step = list(shapes.predicate_objects(path))
            if len(step) != 1 or step[0][0] != SH.inversePath or not isinstance(step[0][1], URIRef):
                return cls(False)
            inverse.add(step[0][1])
            if needs_class:
                class_in.add(step[0][1])
        return cls(True, frozenset(forward), frozenset(inverse), frozenset(class_out), frozenset(class_in))

    def predicates(self) -> frozenset | None:
        """The predicates of the triples a result can depend on (None: any): types, paths,
        subclasses, and labels (shown with a focus node)."""
        if not self.local:
            return None
        return self.forward | self.inverse | {RDF.type, RDFS.subClassOf, RDFS.label}


# A node shape that only gathers property shapes for its targets.
GATHERING = {RDF.type, RDFS.label, RDFS.comment, SH.targetClass, SH.property, SH.name, SH.description}


def flat_shapes(shapes: Graph) -> Graph:
    """The same constraints with each property shape given the targets of the node shape that
    holds it. A SHACL processor then reports the same results (focus node, path, message,
    severity), but pyshacl checks a top-level shape on all its focus nodes at once instead of
    once per focus node: about twice as fast. Returns `shapes` itself when a node shape does
    more than gather property shapes, or a property shape is shared or has targets of its own."""
    holders = defaultdict(list)
    for node, prop in shapes.subject_objects(SH.property):
        holders[prop].append(node)
    if any(len(nodes) > 1 for nodes in holders.values()):
        return shapes
    if any((prop, p, None) in shapes for prop in holders for p in (SH.targetClass, SH.property)):
        return shapes
    nodes = {node for (node,) in holders.values()}
    if any(p not in GATHERING for node in nodes for p in shapes.predicates(node, None)):
        return shapes
    flat = Graph()
    flat.namespace_manager = shapes.namespace_manager
    flat += ((s, p, o) for s, p, o in shapes if s not in nodes)
    for prop, (node,) in holders.items():
        flat += ((prop, SH.targetClass, c) for c in shapes.objects(node, SH.targetClass))
    return flat


@dataclass
class Context:
    """Everything a document is checked against, loaded once (and inherited by workers)."""
    shapes: Graph
    ontology: Graph
    reference: Graph
    plan: ShapePlan
    checked: Graph  # the shapes documents are checked with: flat_shapes(shapes)
    reference_results: list = field(default_factory=list)  # (focus, text, path, message) of the reference
    by_subject: dict = field(default_factory=dict)          # node → reference and ontology triples about it
    by_object: dict = field(default_factory=dict)           # (predicate, node) → triples, inverse/class paths
    types: dict = field(default_factory=dict)               # node → its rdf:type triples
    schema: list = field(default_factory=list)              # rdfs:subClassOf triples
    from_ontology: set = field(default_factory=set)         # triples in the ontology, not the reference
    triples: list = field(default_factory=list)             # reference, then ontology triples (see load)
    position: dict = field(default_factory=dict)            # triple → its place in `triples`

    @classmethod
    def load(cls, reference: Graph | None = None) -> "Context":
        """The bundled shapes, ontology and reference data (or another `reference` graph)."""
        shapes, ontology = _shapes(), _ontology()
        reference = _reference() if reference is None else reference
        plan = ShapePlan.of(shapes)
        ctx = cls(shapes, ontology, reference, plan, flat_shapes(shapes) if plan.local else shapes)
        ctx.reference_results = _results(reference, shapes, ontology)
        watched = ctx.plan.inverse | ctx.plan.class_out
        ctx.from_ontology = {t for t in ontology if t not in reference}
        # Subject by subject, each one's triples in file order: a node's first label is then the
        # one the reference data shows (a graph's own iteration order changes from run to run).
        for graph in (reference, ontology):
            for subject in sorted(set(graph.subjects()), key=lambda n: (isinstance(n, BNode), str(n))):
                ctx.triples += [(subject, p, o) for p, o in graph.predicate_objects(subject)
                                if graph is reference or (subject, p, o) in ctx.from_ontology]
        for triple in ctx.triples:
            ctx.position[triple] = len(ctx.position)
            s, p, o = triple
            ctx.by_subject.setdefault(s, []).append(triple)
            if p in watched:
                ctx.by_object.setdefault((p, o), []).append(triple)
            if p == RDF.type:
                ctx.types.setdefault(s, []).append(triple)
            elif p == RDFS.subClassOf:
                ctx.schema.append(triple)
        return ctx


# --- one document ------------------------------------------------------------------------

XSD_STRING = str(XSD.string)
# namespace attributes are looked up in Python: once here, not per triple
TYPE, LABEL, SUBCLASS = RDF.type, RDFS.label, RDFS.subClassOf


def _term(term, cache: dict):
    found = cache.get(term)
    if found is None:
        if isinstance(term, ox.NamedNode):
            found = URIRef(term.value)
        elif isinstance(term, ox.BlankNode):
            found = BNode(term.value)
        elif term.language:
            found = Literal(term.value, lang=term.language)
        elif term.datatype.value == XSD_STRING:
            found = Literal(term.value)  # as N-Triples writes and rdflib reads a plain string
        else:
            found = Literal(term.value, datatype=URIRef(term.datatype.value))
        cache[term] = found
    return found


def document_triples(file: Path, predicates: frozenset | None = None) -> list[tuple]:
    """The triples of a docs/<stem>.trig block (its named graph flattened), in file order; only
    those with one of `predicates` when given."""
    keep = None if predicates is None else {str(p) for p in predicates}
    try:
        quads = ox.parse(input=trig_stream_head() + file.read_bytes(), format=ox.RdfFormat.TRIG)
        cache: dict = {}
        return [(_term(q.subject, cache), _term(q.predicate, cache), _term(q.object, cache)) for q in quads
                if keep is None or q.predicate.value in keep]
    except (SyntaxError, ValueError, OSError) as exc:
        raise PolderError(f"{file}: cannot read this document graph: {exc}") from exc


def _affected(own: list[tuple], ctx: Context) -> set:
    """The nodes whose SHACL result the document can change (see the module docstring)."""
    plan = ctx.plan
    affected = {s for s, _p, _o in own}
    affected.update(o for _s, p, o in own if p in plan.inverse)
    typed = {s for s, p, _o in own if p == TYPE}
    for v in typed:
        for p in plan.class_out:
            affected.update(s for s, _p, _o in ctx.by_object.get((p, v), ()))
        for q in plan.class_in:
            affected.update(o for _s, _p, o in ctx.by_subject.get(v, ()) if _p == q)
    return affected


def _merge(own: list[tuple], ctx: Context) -> tuple[Graph, set | None]:
    """The document's graph plus what it is validated with, and the nodes whose results count
    (None: all of them; the whole reference graph is merged)."""
    data = Graph()
    _add(data, own)
    if not ctx.plan.local or any(p == SUBCLASS for _s, p, _o in own):
        _add(data, ctx.triples)
        return data, None
    plan = ctx.plan
    affected = _affected(own, ctx)
    merged = []
    for node in affected:
        merged += ctx.by_subject.get(node, ())
        for q in plan.inverse:
            merged += ctx.by_object.get((q, node), ())
    values = set()
    for s, p, o in (*own, *merged):
        if p in plan.class_out and s in affected:
            values.add(o)
        elif p in plan.class_in and o in affected:
            values.add(s)
    for node in values:
        merged += ctx.types.get(node, ())
    merged += ctx.schema
    # in the order of a full merge: a node's first label is the one a full merge shows
    _add(data, sorted(set(merged), key=ctx.position.__getitem__))
    return data, affected


def _add(graph: Graph, triples: Iterable[tuple]) -> None:
    """graph += triples, straight into the store: the terms are rdflib's own already."""
    add = graph.store.add
    for triple in triples:
        add(triple, graph)


def check_document(file: Path, ctx: Context) -> list[Violation]:
    own = document_triples(file, ctx.plan.predicates())
    data, affected = _merge(own, ctx)

    own_labels = {t for t in own if t[1] == LABEL}

    def label_of(node):  # the first label in the document, then in the reference; not the ontology's
        return next((label for label in data.objects(node, LABEL)
                     if (node, LABEL, label) in own_labels or (node, LABEL, label) not in ctx.from_ontology), None)

    results = _results(data, ctx.checked, None, label_of)
    if affected is not None:
        results = [r for r in results if r[0] in affected]
        results += [r for r in ctx.reference_results if r[0] not in affected]
    return _violations(file.stem, results)


# --- the build -----------------------------------------------------------------------------

_CONTEXT: Context | None = None


def _set_context(ctx: Context) -> None:
    global _CONTEXT
    _CONTEXT = ctx


def _check(file: Path) -> list[Violation]:
    return check_document(file, _CONTEXT)


def document_files(out: Path) -> list[Path]:
    out = Path(out)
    if not (out / STORE_DIR).is_dir() or not (out / "docs").is_dir():
        raise PolderError(f"no built graph in {out} (run `polder build -o {out}` first)")
    return sorted((out / "docs").glob("*.trig"))


def validate_build(out: Path, jobs: int | None = None, progress: Progress | None = None,
                   context: Context | None = None) -> list[Violation]:
    """Every document graph, the reference data, and the corpus-wide label check.

    `jobs` worker processes check the documents (None: one per core); the result does not
    depend on it. `progress(done, total, path)` is called after each document. `context`:
    what to check against (default: `Context.load()`)."""
    from .corpus import default_jobs, parallel_map

    files = document_files(out)
    ctx = context or Context.load()
    violations = _violations("reference", ctx.reference_results)
    _set_context(ctx)
    gc.freeze()  # what is loaded so far stays: collections need not scan it again (some 10% faster)
    try:
        results = parallel_map(_check, files, jobs or default_jobs(), initializer=_set_context, initargs=(ctx,))
        for done, (file, found) in enumerate(zip(files, results), 1):
            violations += found
            if progress:
                progress(done, len(files), str(file))
    finally:
        gc.unfreeze()
        _set_context(None)
    violations += corpus_violations(out)
    return violations


def corpus_violations(out: Path) -> list[Violation]:
    """Labels of one entity that disagree across documents."""
    store = open_store(out)
    prefix = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
    base = json.loads((Path(out) / "manifest.json").read_text(encoding="utf-8")).get("base", DEFAULT_BASE)
    return [Violation("corpus", f"<{row['entity'].value}>", "label",
                      f"has {row['n'].value} different rdfs:label values across documents")
            for row in store.query(prefix + LABEL_COUNT.replace("?base", f'"{base}"'))]
