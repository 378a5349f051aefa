"""The embedded store (pyoxigraph) and the sorted, deterministic serialisations of it."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox

from polder.ontology import SYSTEM_FILES

from .iri import DEFAULT_BASE, PREFIXES

STORE_DIR = "store"
ALL_QUADS = "SELECT ?g ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g ?s ?p ?o"
UNION_TRIPLES = "SELECT DISTINCT ?s ?p ?o WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?s ?p ?o"


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


def write_trig(store: ox.Store, target: Path) -> None:
    quads = (ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in store.query(ALL_QUADS))
    ox.serialize(quads, str(target), ox.RdfFormat.TRIG, prefixes=PREFIXES)


def write_turtle(store: ox.Store, target: Path) -> None:
    triples = (ox.Triple(row["s"], row["p"], row["o"]) for row in store.query(UNION_TRIPLES))
    ox.serialize(triples, str(target), ox.RdfFormat.TURTLE, prefixes=PREFIXES)


def write_ntriples(store: ox.Store, target: Path) -> None:
    triples = (ox.Triple(row["s"], row["p"], row["o"]) for row in store.query(UNION_TRIPLES))
    ox.serialize(triples, str(target), ox.RdfFormat.N_TRIPLES)
