"""Links out to wetten.overheid.nl: laws through their BWB identifier, provisions through
a Juriconnect reference to their article (jci 1.3).

The rule is one SPARQL query, so the build can store its result (`provision_links`) and
the export can add it on the fly to a graph built without it (`LINK_TRIPLES`).
"""
from __future__ import annotations

import pyoxigraph as ox

from .iri import DEFAULT_BASE, PREFIXES

LINKS_GRAPH = "graph/links"
WETTEN = "https://wetten.overheid.nl/"

# Polder does not know an article's chapter for certain, so the reference names the
# article only (`&artikel=5`), never `&hoofdstuk=`. Article numbers outside the plain
# pattern ("5", "46a", "7:658", "2.7") link to the law instead.
PREFIX_LINES = "".join(f"PREFIX {p}: <{PREFIXES[p]}>\n" for p in ("polder", "eli", "rdf", "rdfs"))
LINK_SELECT = f"""
SELECT ?s ?p ?o WHERE {{
  BIND(rdfs:seeAlso AS ?p)
  {{
    ?s a polder:Provision ; polder:articleNumber ?number ; eli:is_part_of+ ?law .
    ?law a polder:Law ; polder:bwbId ?bwb .
    FILTER(REGEX(?number, "^[0-9A-Za-z:.]+$"))
    BIND(IRI(CONCAT("{WETTEN}jci1.3:c:", ?bwb, "&artikel=", ?number)) AS ?o)
  }} UNION {{
    ?s a polder:Provision ; eli:is_part_of+ ?law .
    ?law a polder:Law ; polder:bwbId ?bwb .
    FILTER NOT EXISTS {{ ?s polder:articleNumber ?n FILTER(REGEX(?n, "^[0-9A-Za-z:.]+$")) }}
    BIND(IRI(CONCAT("{WETTEN}", ?bwb)) AS ?o)
  }} UNION {{
    ?s a polder:Law ; polder:bwbId ?bwb .
    BIND(IRI(CONCAT("{WETTEN}", ?bwb)) AS ?o)
  }}
}}
"""
LINK_TRIPLES = PREFIX_LINES + LINK_SELECT


def links_graph_iri(base: str = DEFAULT_BASE) -> ox.NamedNode:
    return ox.NamedNode(base + LINKS_GRAPH)


def link_quads(store: ox.Store, base: str = DEFAULT_BASE) -> list[ox.Quad]:
    """The seeAlso links of `store`, in the links graph, sorted."""
    graph = links_graph_iri(base)
    rows = store.query(LINK_TRIPLES, use_default_graph_as_union=True)
    quads = {ox.Quad(row["s"], row["p"], row["o"], graph) for row in rows}
    return sorted(quads, key=str)


def has_links(store: ox.Store, base: str = DEFAULT_BASE) -> bool:
    return store.contains_named_graph(links_graph_iri(base))


def provision_links(store: ox.Store, base: str = DEFAULT_BASE) -> list[ox.Quad]:
    """Build step: store the links in their own named graph; returns them."""
    if has_links(store, base):
        store.remove_graph(links_graph_iri(base))
    quads = link_quads(store, base)
    store.add_graph(links_graph_iri(base))
    store.extend(quads)
    return quads
