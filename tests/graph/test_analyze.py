"""`polder analyze`: the entity graph, centrality, explained paths and communities.

Most tests run on a tiny store built here, so that every expectation follows from data
the test itself wrote; one runs on the corpus build.
"""
from __future__ import annotations

import csv
import io
import json
import random
from pathlib import Path

import networkx as nx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from networkx.algorithms.link_analysis.pagerank_alg import _pagerank_python

from polder.graph import analyze as an
from polder.graph.cli import main
from polder.graph.iri import DEFAULT_BASE
from polder.graph.store import system_graph_iri
from polder.ontology import ONTOLOGY

XSS_LABEL = "<img src=x onerror=window.polderXss=1>"
XSS_ALT = "</script><script>window.polderXss=2</script>"

# A small world: a hub (the council), a chain FNV ← recommendation → article 5 → law,
# a separate pair of organisations, and an organisation whose names are HTML.
TINY_TRIG = """
PREFIX polder: <https://w3id.org/polder/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX id: <%(base)s>

id:doc\\/a {
  id:doc\\/a a polder:Document , polder:Minutes ; rdfs:label "Verslag van de proefvergadering"@nl ;
      polder:contentHash "aa" ; polder:mentions id:org\\/raad , id:org\\/bond , id:person\\/jan-jansen , id:org\\/x .
  id:org\\/raad a polder:AdvisoryBody ; rdfs:label "Raad voor Proeven"@nl ; skos:altLabel "RvP"@nl .
  id:org\\/raad\\/cie a polder:Committee ; rdfs:label "Commissie Proefzaken"@nl ; org:unitOf id:org\\/raad .
  id:org\\/bond a polder:Organisation ; rdfs:label "Bond van Proefwerkers"@nl ; skos:altLabel "BvP"@nl .
  id:person\\/jan-jansen a polder:Person ; rdfs:label "Jan Jansen"@nl ;
      polder:represents id:org\\/bond ; org:memberOf id:org\\/raad ; prov:wasDerivedFrom id:doc\\/a .
  id:person\\/els a polder:Person ; rdfs:label "Els Proef"@nl ; org:memberOf id:org\\/raad .
  id:org\\/x a polder:Organisation ; rdfs:label "%(xss)s"@nl ; skos:altLabel "%(alt)s"@nl ; org:unitOf id:org\\/raad .
  id:org\\/p a polder:Organisation ; rdfs:label "Proefstichting Noord"@nl ; org:memberOf id:org\\/q .
  id:org\\/q a polder:Organisation ; rdfs:label "Proefstichting Zuid"@nl .
  id:doc\\/a\\/mention\\/1 a polder:Mention ; polder:mentionOf id:person\\/jan-jansen ; polder:inDocument id:doc\\/a ;
      polder:quote "De heer Jansen (BvP) spreekt namens de Bond van Proefwerkers." ; polder:start 10 .
  id:doc\\/a\\/mention\\/2 a polder:Mention ; polder:mentionOf id:org\\/bond ; polder:inDocument id:doc\\/a ;
      polder:quote "De heer Jansen (BvP) spreekt namens de Bond van Proefwerkers." ; polder:start 30 .
  id:doc\\/a\\/mention\\/3 a polder:Mention ; polder:mentionOf id:org\\/x ; polder:inDocument id:doc\\/a ;
      polder:quote "Ook %(xss)s was aanwezig." ; polder:start 90 .
  id:doc\\/a\\/mention\\/4 a polder:Mention ; polder:mentionOf id:org\\/p ; polder:inDocument id:doc\\/a ;
      polder:quote "Proefstichting Noord is lid van Proefstichting Zuid." ; polder:start 120 .
}

id:doc\\/b {
  id:doc\\/b a polder:Document , polder:GovernmentResponse ; rdfs:label "Kabinetsreactie op het proefadvies"@nl ;
      polder:contentHash "bb" .
  id:doc\\/b\\/recommendation\\/1 a polder:Recommendation ; rdfs:label "Aanbeveling 1"@nl ;
      polder:addressedTo id:org\\/bond ; polder:refersTo id:law\\/proefwet\\/artikel-5 .
  id:law\\/proefwet a polder:Law ; rdfs:label "Proefomstandighedenwet"@nl ; skos:altLabel "Proefwet"@nl .
  id:law\\/proefwet\\/artikel-5 a polder:Provision ; rdfs:label "artikel 5 Proefomstandighedenwet"@nl ;
      eli:is_part_of id:law\\/proefwet ; polder:articleNumber "5" .
  id:doc\\/b\\/mention\\/1 a polder:Mention ; polder:mentionOf id:doc\\/b\\/recommendation\\/1 ; polder:inDocument id:doc\\/b ;
      polder:quote "Aanbeveling 1 vraagt de bond artikel 5 van de Proefwet na te leven." ; polder:start 5 .
  id:doc\\/b\\/mention\\/2 a polder:Mention ; polder:mentionOf id:law\\/proefwet\\/artikel-5 ; polder:inDocument id:doc\\/b ;
      polder:quote "Aanbeveling 1 vraagt de bond artikel 5 van de Proefwet na te leven." ; polder:start 40 .
  id:doc\\/b\\/mention\\/3 a polder:Mention ; polder:mentionOf id:org\\/bond ; polder:inDocument id:doc\\/b ;
      polder:quote "De bond reageert later." ; polder:start 200 .
}
""" % {"base": DEFAULT_BASE, "xss": XSS_LABEL, "alt": XSS_ALT}


def write_tiny_graph(out: Path) -> Path:
    """A built-graph folder (OUT/store) holding the ontology and TINY_TRIG."""
    store = ox.Store(str(out / "store"))
    store.bulk_load(path=str(ONTOLOGY), format=ox.RdfFormat.TURTLE, to_graph=ox.NamedNode(system_graph_iri("ontology")))
    store.load(TINY_TRIG.encode("utf-8"), format=ox.RdfFormat.TRIG)
    store.flush()
    del store
    return out


def iri(key: str) -> str:
    return DEFAULT_BASE + key


@pytest.fixture(scope="module")
def tiny(tmp_path_factory) -> Path:
    return write_tiny_graph(tmp_path_factory.mktemp("tiny"))


@pytest.fixture(scope="module")
def tiny_graph(tiny):
    return an.analyze(tiny)


def test_entity_graph_holds_entities_and_relations_only(tiny_graph):
    _, graph = tiny_graph
    assert iri("org/raad") in graph and iri("law/proefwet/artikel-5") in graph
    assert not [n for n in graph if "/mention/" in n or n.startswith("https://w3id.org/polder/def")]
    assert iri("doc/a") not in graph  # source documents only on request
    assert graph.nodes[iri("org/raad")]["cls"] == "AdvisoryBody"
    props = {d["prop"].rsplit("#", 1)[-1] for _, _, d in graph.edges(data=True)}
    assert "wasDerivedFrom" not in props and "type" not in props
    assert {"unitOf", "represents", "is_part_of", "refersTo", "addressedTo"} <= props


def test_documents_are_optional(tiny):
    store = an.open_store(tiny)
    assert iri("doc/a") in an.entity_graph(store, include_documents=True)


def test_edge_labels_are_dutch_from_the_ontology_or_the_table(tiny_graph):
    _, graph = tiny_graph
    labels = {d["prop"].rsplit("#", 1)[-1]: d["label"] for _, _, d in graph.edges(data=True)}
    assert labels["refersTo"] == "verwijst naar"  # rdfs:label@nl in ontology/polder.ttl
    assert labels["addressedTo"] == "gericht aan"
    assert labels["is_part_of"] == an.load_style()["properties"]["eli:is_part_of"]


@pytest.mark.parametrize("text, key", [("Raad voor Proeven", "org/raad"), ("rvp", "org/raad"),
                                       ("PROEFWET", "law/proefwet"), ("law/proefwet/artikel-5", "law/proefwet/artikel-5")])
def test_find_entity_by_label_abbreviation_or_key(tiny_graph, text, key):
    _, graph = tiny_graph
    assert an.find_entity(graph, text) == iri(key)
    assert an.find_entity(graph, iri(key)) == iri(key)


def test_an_unknown_entity_is_a_one_line_error_with_suggestions(tiny_graph):
    _, graph = tiny_graph
    with pytest.raises(an.EntityNotFound, match="Raad voor Proeven") as info:
        an.find_entity(graph, "Raad voor Proefen")
    assert "\n" not in str(info.value)


def test_the_hub_is_the_most_central(tiny_graph):
    _, graph = tiny_graph
    rows = an.central(graph, top=3, by="degree")
    assert rows[0]["iri"] == iri("org/raad")
    assert rows[0]["degree"] == nx.Graph(graph).degree(iri("org/raad"))
    assert [r["rank"] for r in rows] == [1, 2, 3]
    by_pagerank = an.central(graph, top=len(graph))
    assert [r["pagerank"] for r in by_pagerank] == sorted((r["pagerank"] for r in by_pagerank), reverse=True)


def test_central_filters_by_class(tiny_graph):
    _, graph = tiny_graph
    rows = an.central(graph, top=10, classes=("Person",))
    assert {r["label"] for r in rows} == {"Jan Jansen", "Els Proef"}


def test_page_rank_agrees_with_networkx():
    graph = nx.gnp_random_graph(60, 0.08, seed=random.Random(3).randint(0, 999), directed=True)
    ours, theirs = an.page_rank(graph), _pagerank_python(graph)
    assert max(abs(ours[n] - theirs[n]) for n in graph) < 1e-5


def test_explained_path_names_each_hop_with_property_and_quote(tiny):
    store, graph = an.analyze(tiny)
    hops = an.explained_path(store, graph, "BvP", "artikel 5 Proefomstandighedenwet")
    assert [(h["from"], h["to"]) for h in hops] == [("Bond van Proefwerkers", "Aanbeveling 1"),
                                                   ("Aanbeveling 1", "artikel 5 Proefomstandighedenwet")]
    assert hops[0]["relation"] == "gericht aan (←)" and hops[1]["relation"] == "verwijst naar"
    assert "artikel 5" in hops[1]["quote"] and hops[1]["document"] == "Kabinetsreactie op het proefadvies"
    assert hops[0]["quote"]  # a mention of either end in the document stating the relation


def test_no_path_between_separate_groups(tiny_graph):
    store, graph = tiny_graph
    with pytest.raises(an.NoPath):
        an.explained_path(store, graph, "Proefstichting Noord", "Raad voor Proeven")


@pytest.mark.parametrize("method", ["louvain", "greedy"])
def test_communities_separate_unconnected_groups(tiny_graph, method):
    _, graph = tiny_graph
    groups = an.communities(graph, method)
    pair = [g for g in groups if iri("org/p") in g["iris"]]
    assert len(pair) == 1 and set(pair[0]["iris"]) == {iri("org/p"), iri("org/q")}
    assert sum(g["size"] for g in groups) == len([n for n in graph if graph.degree(n)])


def test_cli_path_as_json_and_csv(tiny):
    runner = CliRunner()
    args = ["analyze", "-g", str(tiny), "--path", "BvP", "Proefwet"]
    hops = json.loads(runner.invoke(main, args + ["--format", "json"]).output)
    assert hops[-1]["to"] == "Proefomstandighedenwet" and len(hops) == 3
    table = list(csv.DictReader(io.StringIO(runner.invoke(main, args + ["--format", "csv"]).output)))
    assert [row["relation"] for row in table] == [h["relation"] for h in hops]


def test_cli_top_table_and_communities(tiny):
    runner = CliRunner()
    result = runner.invoke(main, ["analyze", "-g", str(tiny), "--top", "2"])
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split()[:3] == ["rank", "label", "class"] and len(lines) == 4
    result = runner.invoke(main, ["analyze", "-g", str(tiny), "--communities", "--format", "json"])
    assert len(json.loads(result.output)) >= 2


def test_cli_unknown_entity_fails_in_one_line(tiny):
    result = CliRunner().invoke(main, ["analyze", "-g", str(tiny), "--path", "Nergens", "Proefwet"])
    assert result.exit_code == 2
    assert "no entity labelled or named 'Nergens'" in result.output
    assert "Traceback" not in result.output


def test_analyze_the_corpus(built):
    store, graph = an.analyze(built)
    rows = an.central(graph, top=10)
    print("\n" + an.format_rows(rows, ["rank", "label", "class", "degree", "betweenness", "pagerank"]))
    assert len(rows) == min(10, len(graph)) > 0
    assert all(not n.startswith("https://w3id.org/polder/def") and "/mention/" not in n for n in graph)


def test_documents_link_what_they_mention(tiny):
    store, graph = an.analyze(tiny, include_documents=True)
    hops = an.explained_path(store, graph, "Proefstichting Noord", "Raad voor Proeven")
    assert hops[0]["to"] == "Verslag van de proefvergadering" and hops[0]["relation"] == "vermeldt (←)"
    assert hops[0]["quote"] == "Proefstichting Noord is lid van Proefstichting Zuid."


def test_shortest_path_does_not_depend_on_insertion_order():
    import networkx as nx

    from polder.graph.analyze import first_shortest_path

    paths = set()
    for middle in (["b", "a"], ["a", "b"]):
        graph = nx.Graph()
        for node in middle:
            graph.add_edge("start", node)
            graph.add_edge(node, "end")
        paths.add(tuple(first_shortest_path(graph, "start", "end")))
    assert paths == {("start", "a", "end")}
