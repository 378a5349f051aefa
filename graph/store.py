"""The embedded store (pyoxigraph) and the sorted, deterministic serialisations of it."""
from __future__ import annotations

import contextlib
import shutil
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from polder.ontology import SYSTEM_FILES

from .iri import DEFAULT_BASE, PREFIXES

STORE_DIR = "store"


def system_graph_iri(name: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}graph/{name}"


def load_store(path: Path, nquad_files: list[Path], base: str = DEFAULT_BASE) -> ox.Store:
    """A fresh store at `path` with the ontology, reference data and every document graph."""
    if path.exists():
        shutil.rmtree(path)
    store = ox.Store(str(path))
    for name, file in SYSTEM_FILES.items():
        store.bulk_load(path=str(file), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(system_graph_iri(name, base)))
    for file in nquad_files:
        store.bulk_load(path=str(file), format=ox.RdfFormat.N_QUADS)
    store.flush()
    return store


def open_store(out: Path, read_only: bool = True) -> ox.Store:
    path = Path(out) / STORE_DIR
    if not path.exists():
        from polder.extract.errors import PolderError
        raise PolderError(f"no built graph in {out} (run `polder build -o {out}` first)")
    return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))


_NUMERIC = {f"http://www.w3.org/2001/XMLSchema#{t}" for t in ("integer", "decimal", "double")}


def term_order(term) -> tuple:
    """The order of SPARQL ORDER BY (blank nodes, IRIs, literals; numbers by value), in Python:
    oxigraph's own ORDER BY is some 10x slower on large stores."""
    if isinstance(term, ox.NamedNode):
        return (1, term.value)
    if isinstance(term, ox.BlankNode):
        return (0, term.value)
    if term.datatype.value in _NUMERIC:
        with contextlib.suppress(ValueError):
            return (2, 0, float(term.value), term.value, term.datatype.value, "")
    return (2, 1, 0.0, term.value, term.datatype.value, term.language or "")


def sorted_quads(store: ox.Store) -> Iterator[ox.Quad]:
    """Every quad ordered by graph, subject, predicate, object; one graph in memory at a time."""
    for graph in sorted(store.named_graphs(), key=term_order):
        quads = store.quads_for_pattern(None, None, None, graph)
        yield from sorted(quads, key=lambda q: (term_order(q.subject), term_order(q.predicate), term_order(q.object)))


def sorted_union_triples(store: ox.Store) -> Iterator[ox.Triple]:
    """The distinct triples of all graphs ordered by subject, predicate, object; one subject at a time."""
    subjects = sorted({q.subject for q in store.quads_for_pattern(None, None, None)}, key=term_order)
    for subject in subjects:
        triples = {ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(subject, None, None)}
        yield from sorted(triples, key=lambda t: (term_order(t.predicate), term_order(t.object)))


def write_trig(store: ox.Store, target: Path) -> None:
    ox.serialize(sorted_quads(store), str(target), ox.RdfFormat.TRIG, prefixes=PREFIXES)


def write_turtle(store: ox.Store, target: Path) -> None:
    ox.serialize(sorted_union_triples(store), str(target), ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_ntriples(store: ox.Store, target: Path) -> None:
    ox.serialize(sorted_union_triples(store), str(target), ox.RdfFormat.N_TRIPLES)
