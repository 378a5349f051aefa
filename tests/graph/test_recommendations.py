"""Recommendations and stances on the built corpus, through the saved queries."""
from __future__ import annotations

import json
from pathlib import Path

import pyoxigraph as ox
import pytest

from polder import queries
from polder.graph.iri import DEFAULT_BASE



POLDER = "https://w3id.org/polder/def#"
CQS = Path(__file__).resolve().parents[3] / "shared" / "acceptance" / "seed_cqs.json"
CQ_PREFIXES = "".join(f"PREFIX {p}: <{iri}>\n" for p, iri in {
    "polder": POLDER, "org": "http://www.w3.org/ns/org#", "eli": "http://data.europa.eu/eli/ontology#",
    "prov": "http://www.w3.org/ns/prov#", "dcterms": "http://purl.org/dc/terms/",
    "skos": "http://www.w3.org/2004/02/skos/core#", "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "foaf": "http://xmlns.com/foaf/0.1/", "xsd": "http://www.w3.org/2001/XMLSchema#"}.items())


@pytest.fixture(scope="module")
def store(built):
    return ox.Store.read_only(str(built / "store"))


@pytest.fixture(scope="module")
def manifest(built):
    return json.loads((built / "manifest.json").read_text(encoding="utf-8"))


def select(store, sparql: str) -> list[dict]:
    results = store.query(sparql, use_default_graph_as_union=True)
    names = [v.value for v in results.variables]
    return [{n: row[n] for n in names} for row in results]


def tail(term) -> str:
    return term.value.rstrip("/").rsplit("/", 1)[-1].rsplit("#", 1)[-1]


def run_saved(store, name: str, **params) -> list[dict]:
    return select(store, queries.get(name).bind(**params))


def recommendations_per_document(store) -> dict[str, int]:
    rows = select(store, f"""SELECT ?doc (COUNT(DISTINCT ?r) AS ?n) WHERE {{
        ?r a <{POLDER}Recommendation> ; <http://www.w3.org/ns/prov#wasDerivedFrom> ?doc }} GROUP BY ?doc""")
    return {tail(r["doc"]): int(r["n"].value) for r in rows}


def test_every_government_response_has_recommendations(store, manifest):
    counts = recommendations_per_document(store)
    responses = [stem for stem, kind in manifest["documents"].items() if kind == "government_response"]
    assert responses
    assert all(counts.get(stem, 0) >= 2 for stem in responses)


def test_magazines_get_no_recommendations(store, manifest):
    counts = recommendations_per_document(store)
    magazines = [stem for stem, kind in manifest["documents"].items() if kind == "magazine"]
    assert all(counts.get(stem, 0) == 0 for stem in magazines)


def test_each_response_has_exactly_one_stance_and_a_cue(store):
    rows = select(store, f"""SELECT ?resp (COUNT(DISTINCT ?s) AS ?n) (COUNT(DISTINCT ?cue) AS ?cues) WHERE {{
        ?resp a <{POLDER}Response> ; <{POLDER}stance> ?s . OPTIONAL {{ ?resp <{POLDER}cue> ?cue }} }} GROUP BY ?resp""")
    assert rows
    assert all(int(r["n"].value) == 1 for r in rows)
    assert sum(int(r["cues"].value) > 0 for r in rows) >= len(rows) * 0.8


def test_every_recommendation_belongs_to_an_advice(store):
    orphans = select(store, f"""SELECT ?r WHERE {{ ?r a <{POLDER}Recommendation> .
        FILTER NOT EXISTS {{ ?a <{POLDER}hasRecommendation> ?r }} }}""")
    assert orphans == []


def test_advice_recommendations_query_lists_an_advice_with_stances(store):
    advice = select(store, f"SELECT ?a WHERE {{ ?d <{POLDER}respondsTo> ?a . ?a a <{POLDER}Advice> }} LIMIT 1")[0]["a"]
    rows = run_saved(store, "recommendations-with-stance", advice=advice.value)
    assert len(rows) >= 2
    assert all(r["advice"] == advice for r in rows)
    assert any(r["stance"] is not None for r in rows)


def test_not_adopted_query_returns_only_not_adopted(store):
    rows = run_saved(store, "recommendations-by-stance")
    assert rows
    for row in rows:
        stances = select(store, f"SELECT ?s WHERE {{ <{row['recommendation'].value}> <{POLDER}hasResponse>/<{POLDER}stance> ?s }}")
        assert [tail(s["s"]) for s in stances] == ["NotAdopted"]


def test_recommendations_by_provision_cite_that_provision(store):
    provision = DEFAULT_BASE + "law/arbowet/artikel-5"
    rows = run_saved(store, "recommendations-citing-provision", provision=provision)
    assert rows
    assert all(r["cited"].value.startswith(provision) for r in rows)


@pytest.mark.parametrize("cq_id", ["cq09", "cq10", "cq11", "cq12", "cq13"])
def test_competency_questions(store, cq_id):
    cq = next(c for c in json.loads(CQS.read_text(encoding="utf-8")) if c["id"] == cq_id)
    answers = {tail(r["answer"]) if isinstance(r["answer"], ox.NamedNode) else r["answer"].value
               for r in select(store, CQ_PREFIXES + cq["sparql"]) if r["answer"] is not None}
    expect = {str(e) for e in cq["expect"]}
    if cq.get("mode") in ("exact", "count"):
        assert answers == expect
    else:
        assert expect <= answers
