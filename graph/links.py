"""Links out to wetten.overheid.nl: laws through their BWB identifier, provisions through
a Juriconnect reference to their article (jci 1.3).

The build writes them as it writes each document's graph (`provision_urls`) and the laws'
links as a graph of their own (`law_link_triples`): no query over the whole store. The same
rule as one SPARQL query (`LINK_TRIPLES`) lets the export add links to a graph built
without them, and the tests check that both agree.
"""
from __future__ import annotations

import re
from functools import lru_cache

import pyoxigraph as ox

from polder.extract.model import Entity, Ref
from polder.extract.reference import load_reference

from .iri import DEFAULT_BASE, PREFIXES

LINKS_GRAPH = "graph/links"
WETTEN = "https://wetten.overheid.nl/"
PLAIN_ARTICLE = re.compile(r"^[0-9A-Za-z:.]+$")
SEE_ALSO = "http://www.w3.org/2000/01/rdf-schema#seeAlso"

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


@lru_cache(maxsize=1)
def bwb_ids() -> dict[str, str]:
    """Law key → BWB identifier, from the reference data."""
    return {k.key: k.bwb_id for k in load_reference() if k.cls == "Law" and k.bwb_id}


def law_key_of(provision: Entity, entities: dict[str, Entity]) -> str | None:
    """The law a provision is part of, through its article for a paragraph."""
    seen = set()
    node = provision
    while node is not None and node.key not in seen:
        seen.add(node.key)
        parent = next((v.key for p, v in node.props if p == "eli:is_part_of" and isinstance(v, Ref)), None)
        if parent is None:
            return None
        node = entities.get(parent)
        if node is None or node.cls == "Law":
            return parent
    return None


def provision_urls(provision: Entity, entities: dict[str, Entity]) -> list[str]:
    """The Juriconnect reference of each plain article number, else the law's own page."""
    bwb = bwb_ids().get(law_key_of(provision, entities) or "")
    if bwb is None:
        return []
    numbers = [str(v) for p, v in provision.props if p == "polder:articleNumber" and PLAIN_ARTICLE.match(str(v))]
    return sorted({f"{WETTEN}jci1.3:c:{bwb}&artikel={n}" for n in numbers} or {f"{WETTEN}{bwb}"})


def law_link_triples(base: str = DEFAULT_BASE) -> list[str]:
    """Every known law's page, as N-Triples lines without the closing " ." (what
    `parts.graph_parts` takes); they make the graph `LINKS_GRAPH`."""
    return [f"<{base}{key}> <{SEE_ALSO}> <{WETTEN}{bwb}>" for key, bwb in bwb_ids().items()]
