"""Reasoning: the RDFS rule path and the OWL RL path give the same answers."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

from polder import queries
from polder.graph.query import run_local, run_on_store
from polder.graph.reason import ReasoningError, materialise

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import query_bench  # noqa: E402

ORGANISATIONS = ("PREFIX org: <http://www.w3.org/ns/org#> PREFIX polder: <https://w3id.org/polder/def#> "
                 "SELECT DISTINCT ?o WHERE { ?o a org:Organization ; a polder:%s }")


def answers(run) -> dict[str, set]:
    out = {}
    for name, saved in queries.catalogue().items():
        result = run(saved.bind())
        out[name] = ({str(t) for t in result.triples} if result.form == "GRAPH"
                     else {tuple(sorted((k, str(v)) for k, v in row.items())) for row in result.rows})
    return out


@pytest.fixture(scope="module")
def reasoned(built, tmp_path_factory) -> dict[str, Path]:
    copies = {}
    for mode in ("rdfs", "owlrl"):
        copies[mode] = tmp_path_factory.mktemp(mode) / "out"
        shutil.copytree(built, copies[mode])
        added, seconds = materialise(copies[mode], mode)
        assert added > 0 and seconds >= 0
    return copies


def test_both_paths_give_the_same_answers_on_the_corpus(reasoned):
    rdfs = answers(lambda q: run_local(reasoned["rdfs"], q))
    owlrl = answers(lambda q: run_local(reasoned["owlrl"], q))
    assert rdfs == owlrl


def test_both_paths_give_the_same_answers_on_polder_shaped_data():
    quads = query_bench.generate(10_000, reason=False)
    results = {}
    for mode in ("rdfs", "owlrl"):
        store = query_bench.oxigraph_store(quads)
        materialise(store, mode)
        results[mode] = answers(lambda q: run_on_store(store, q))
    assert results["rdfs"] == results["owlrl"]
    assert sum(1 for rows in results["rdfs"].values() if rows) >= 15


@pytest.mark.parametrize("mode", ["rdfs", "owlrl"])
@pytest.mark.parametrize("cls", ["Committee", "AdvisoryBody"])
def test_org_organization_finds_committees_and_advisory_bodies(built, reasoned, mode, cls):
    assert len(run_local(built, ORGANISATIONS % cls)) == 0  # not stated, only entailed
    assert len(run_local(reasoned[mode], ORGANISATIONS % cls)) > 0


def test_inverse_properties_are_filled_in():
    store = query_bench.oxigraph_store(query_bench.generate(10_000, reason=False))
    ask = "ASK { ?e <https://w3id.org/polder/def#mentionedIn> ?d }"
    assert not store.query(ask, use_default_graph_as_union=True)
    materialise(store, "rdfs")
    assert store.query(ask, use_default_graph_as_union=True)


def test_entailments_live_in_their_own_graph_and_are_replaced():
    store = query_bench.oxigraph_store(query_bench.generate(10_000))
    first, _ = materialise(store, "rdfs")
    graph = "https://w3id.org/polder/id/graph/entailed"
    count = f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH <{graph}> {{ ?s ?p ?o }} }}"
    assert int(next(iter(store.query(count)))["n"].value) == first
    materialise(store, "rdfs")
    assert int(next(iter(store.query(count)))["n"].value) == first
    materialise(store, "none")
    assert int(next(iter(store.query(count)))["n"].value) == 0


def test_unknown_mode_is_an_error():
    with pytest.raises(ReasoningError, match="rdfs"):
        materialise(query_bench.oxigraph_store([]), "magic")


def test_schema_driven_rdfs_equals_the_sparql_rules():
    """The fast RDFS path (Python over the schema) entails exactly what the SPARQL UPDATE
    rules entail when run to a fixpoint."""
    from polder.graph.reason import entailed_graph, rdfs_closure, rdfs_closure_fast

    quads = query_bench.generate(10_000, reason=False)
    entailed = {}
    for name, closure in (("sparql", rdfs_closure), ("fast", rdfs_closure_fast)):
        store = query_bench.oxigraph_store(quads)
        closure(store, entailed_graph())
        entailed[name] = {str(q) for q in store.quads_for_pattern(None, None, None, entailed_graph())}
    assert entailed["fast"] and entailed["fast"] == entailed["sparql"]
