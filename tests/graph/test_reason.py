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


# --- refreshing the RDFS entailments of changed graphs only ------------------------------

def entailed_quads(store) -> set[str]:
    from polder.graph.reason import entailed_graph

    return {str(q) for q in store.quads_for_pattern(None, None, None, entailed_graph())}


def fully_reasoned(quads) -> set[str]:
    store = query_bench.oxigraph_store(quads)
    materialise(store, "rdfs")
    return entailed_quads(store)


def change_graphs(store, graphs: dict, replacements: dict):
    """Remove `graphs` (IRIs) from the store and add `replacements` (name → quads); what
    `rdfs_refresh` takes: the quads of the changed graphs before and after."""
    import pyoxigraph as ox

    before = [q for g in graphs for q in store.quads_for_pattern(None, None, None, ox.NamedNode(g))]
    for g in graphs:
        store.remove_graph(ox.NamedNode(g))
    after = [q for quads in replacements.values() for q in quads]
    store.extend(after)
    return before, after


@pytest.mark.parametrize("changed", [["d000001"], ["d000000", "d000003", "d000007"]])
def test_refreshing_changed_graphs_equals_reasoning_again(changed):
    """Removing documents' graphs and adding them back, with the entailments refreshed for
    those graphs alone, leaves the entailed graph a full pass gives at each step."""
    from polder.graph.reason import rdfs_refresh

    quads = query_bench.generate(10_000, reason=False)
    graphs = {f"https://w3id.org/polder/id/doc/{d}" for d in changed}
    mine = [q for q in quads if q.graph_name.value in graphs]
    rest = [q for q in quads if q.graph_name.value not in graphs]
    assert mine and rest
    store = query_bench.oxigraph_store(quads)
    materialise(store, "rdfs")
    removed, added = rdfs_refresh(store, *change_graphs(store, graphs, {}))
    assert removed > 0
    assert entailed_quads(store) == fully_reasoned(rest)
    removed, added = rdfs_refresh(store, *change_graphs(store, {}, {"back": mine}))
    assert added > 0
    assert entailed_quads(store) == fully_reasoned(quads)


def test_a_triple_a_changed_graph_states_leaves_the_entailed_graph():
    """An entailment that a new graph states outright is no longer an entailment (a full
    pass never writes a stated triple), and comes back when that graph goes."""
    import pyoxigraph as ox

    from polder.graph.reason import entailed_graph, rdfs_refresh

    quads = query_bench.generate(10_000, reason=False)
    store = query_bench.oxigraph_store(quads)
    materialise(store, "rdfs")
    some = next(q for q in store.quads_for_pattern(None, None, None, entailed_graph()))
    stating = [ox.Quad(some.subject, some.predicate, some.object, ox.NamedNode("https://w3id.org/polder/id/doc/new"))]
    removed, _ = rdfs_refresh(store, *change_graphs(store, {}, {"new": stating}))
    assert removed == 1 and str(some) not in entailed_quads(store)
    assert entailed_quads(store) == fully_reasoned(quads + stating)
    _, added = rdfs_refresh(store, *change_graphs(store, {"https://w3id.org/polder/id/doc/new": None}, {}))
    assert added == 1 and str(some) in entailed_quads(store)


def test_a_type_still_entailed_through_another_documents_range_stays():
    """A person that two documents name only as a speaker (polder:speaker has range Person)
    keeps the entailed types when one of the documents goes: the other still entails them."""
    import pyoxigraph as ox

    from polder.graph.reason import rdfs_refresh

    base = "https://w3id.org/polder/id/"
    speaker, person = ox.NamedNode("https://w3id.org/polder/def#speaker"), ox.NamedNode(base + "person/x-only")
    docs = {name: [ox.Quad(ox.NamedNode(f"{base}doc/{name}/item/1"), speaker, person, ox.NamedNode(f"{base}doc/{name}"))]
            for name in ("one", "two")}
    quads = query_bench.generate(10_000, reason=False) + docs["one"] + docs["two"]
    store = query_bench.oxigraph_store(quads)
    materialise(store, "rdfs")
    assert f"<{person.value}> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" in " ".join(entailed_quads(store))
    rdfs_refresh(store, *change_graphs(store, {f"{base}doc/one": None}, {}))
    assert entailed_quads(store) == fully_reasoned([q for q in quads if q not in docs["one"]])


def test_a_builds_entailments_written_per_graph_equal_a_full_pass(corpus_dir, tmp_path):
    """A build loads the entailed graph from what each graph entails (its .ent part) less what
    other graphs state; a full pass over its store entails exactly the same."""
    from polder.graph.corpus import build_corpus

    out = tmp_path / "out"
    report = build_corpus([corpus_dir], out, reason="rdfs")
    store = query_bench.oxigraph_store([])
    store.bulk_extend(ox_quads(out))
    from_parts = entailed_quads(store)
    assert report.entailed[1] == len(from_parts) > 1000
    materialise(store, "rdfs")
    assert entailed_quads(store) == from_parts
    assert any((out / "docs").glob("*.ent")) and any((out / "system").glob("*.ent"))


def ox_quads(out):
    import pyoxigraph as ox

    return list(ox.Store.read_only(str(out / "store")))


def test_the_line_entailer_concludes_what_the_schema_does():
    """The per-graph path works on N-Triples lines through templates per predicate (and per
    class for rdf:type); each template gives what `Schema.consequences` gives the triple."""
    import pyoxigraph as ox

    from polder.graph.reason import ontology_entailer

    entailer = ontology_entailer()
    quads = query_bench.generate(10_000, reason=False)
    for q in quads[::7]:
        line = f"{q.subject} {q.predicate} {q.object}"
        expected = {f"{t.subject} {t.predicate} {t.object}"
                    for t in entailer.schema.consequences(ox.Triple(q.subject, q.predicate, q.object))}
        assert set(entailer.consequences(line)) == expected, line


def test_a_build_without_rdfs_writes_no_entailment_parts(corpus_dir, tmp_path):
    from polder.graph.corpus import build_corpus

    build_corpus([corpus_dir / "003_37ef82bf58dec8e9.txt"], tmp_path / "out", reason="none")
    assert (tmp_path / "out" / "docs" / "003_37ef82bf58dec8e9.trig").exists()
    assert not any((tmp_path / "out").rglob("*.ent"))
