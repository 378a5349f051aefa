"""`polder analyze`: network analytics (networkx) over the entity graph.

The entity graph is the RDF graph projected to entities and their relations: no
literals, no Mentions, no ontology terms, and source documents only when asked. It is
read from a built store with SPARQL, never by loading the whole TriG.

    >>> store = open_store(Path("out"))
    >>> graph = entity_graph(store)
    >>> central(graph, top=10)
    >>> explained_path(store, graph, "FNV", "artikel 5 Arbeidsomstandighedenwet")
"""
from __future__ import annotations

import itertools

import csv
import difflib
import io
import json
import tomllib
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import pyoxigraph as ox

from polder.extract.errors import PolderError

from .iri import POLDER, PREFIXES
from .store import open_store, union_default

STYLE_FILE = Path(__file__).with_name("labels_nl.toml")
RDF_TYPE = PREFIXES["rdf"] + "type"
# Provenance and typing, not relations between things: never drawn as edges.
NOT_RELATIONS = {RDF_TYPE, str(POLDER.mentions), str(POLDER.mentionedIn), str(POLDER.mentionOf),
                 str(POLDER.inDocument), PREFIXES["prov"] + "wasDerivedFrom",
                 PREFIXES["rdfs"] + "seeAlso", PREFIXES["org"] + "hasMembership"}
PREFIX_LINES = "\n".join(f"PREFIX {p}: <{iri}>" for p, iri in PREFIXES.items())


class EntityNotFound(PolderError):
    def __init__(self, text: str, suggestions: list[str]):
        hint = f" (did you mean: {', '.join(suggestions)}?)" if suggestions else ""
        super().__init__(f"no entity labelled or named {text!r}{hint}")
        self.text = text


class NoPath(PolderError):
    def __init__(self, source: str, target: str):
        super().__init__(f"no path between {source!r} and {target!r} in the entity graph "
                         "(--documents also links entities through the documents that mention them)")


# ---------------------------------------------------------------- reading the store

def select(store: ox.Store, sparql: str) -> list[dict]:
    """Rows of a SELECT over the union of all graphs, as {variable: term}."""
    solutions = store.query(f"{PREFIX_LINES}\n{sparql}", use_default_graph_as_union=union_default(store))
    names = [v.value for v in solutions.variables]
    return [{n: row[n] for n in names if row[n] is not None} for row in solutions]


def values_clause(variable: str, iris) -> str:
    return f"VALUES ?{variable} {{ {' '.join(f'<{iri}>' for iri in iris)} }}"


def load_style() -> dict:
    with STYLE_FILE.open("rb") as f:
        return tomllib.load(f)


def class_order() -> list[str]:
    """Class local names, most specific first (the order of labels_nl.toml)."""
    return list(load_style()["classes"])


def expand(curie: str) -> str:
    prefix, local = curie.split(":", 1)
    return PREFIXES[prefix] + local


def property_labels(store: ox.Store) -> dict[str, str]:
    """Property IRI → Dutch label: the ontology's rdfs:label@nl, else labels_nl.toml."""
    labels = {expand(c): label for c, label in load_style()["properties"].items() if ":" in c}
    rows = select(store, "SELECT ?p ?l WHERE { ?p a ?kind ; rdfs:label ?l . "
                         "VALUES ?kind { owl:ObjectProperty owl:DatatypeProperty } FILTER(lang(?l) = 'nl') }")
    labels.update({row["p"].value: row["l"].value for row in rows})
    return labels


def class_labels(store: ox.Store) -> dict[str, str]:
    """Class local name → Dutch label from the ontology."""
    rows = select(store, "SELECT ?c ?l WHERE { ?c a owl:Class ; rdfs:label ?l . FILTER(lang(?l) = 'nl') "
                         f"FILTER(STRSTARTS(STR(?c), '{POLDER}')) }}")
    return {row["c"].value[len(str(POLDER)):]: row["l"].value for row in rows}


def local_name(iri: str) -> str:
    return iri.rsplit("#", 1)[-1].rsplit("/", 1)[-1]


def property_label(iri: str, labels: dict[str, str]) -> str:
    return labels.get(iri) or local_name(iri)


# ---------------------------------------------------------------- the entity graph

@dataclass
class Entity:
    iri: str
    cls: str
    label: str
    alt_labels: tuple[str, ...] = ()
    is_source: bool = False  # a document that was read (not one only cited)


ENTITY_QUERY = f"""
SELECT DISTINCT ?e ?cls ?label ?alt ?hash WHERE {{
  ?e a ?cls . FILTER(isIRI(?e) && STRSTARTS(STR(?cls), '{POLDER}') && ?cls != polder:Mention
                     && !STRSTARTS(STR(?e), '{POLDER}'))
  OPTIONAL {{ ?e rdfs:label ?label }}
  OPTIONAL {{ ?e skos:altLabel ?alt }}
  OPTIONAL {{ ?e polder:contentHash ?hash }}
}}"""


def entities(store: ox.Store) -> dict[str, Entity]:
    """Every typed entity (and document) in the store, by IRI."""
    order = {name: i for i, name in enumerate(class_order())}
    found: dict[str, dict] = {}
    for row in select(store, ENTITY_QUERY):
        info = found.setdefault(row["e"].value, {"classes": set(), "labels": {}, "alt": set(), "source": False})
        info["classes"].add(local_name(row["cls"].value))
        if "label" in row:
            info["labels"][getattr(row["label"], "language", None) or ""] = row["label"].value
        if "alt" in row:
            info["alt"].add(row["alt"].value)
        info["source"] = info["source"] or "hash" in row
    return {iri: make_entity(iri, info, order) for iri, info in found.items()}


def make_entity(iri: str, info: dict, order: dict[str, int]) -> Entity:
    cls = min(info["classes"], key=lambda c: (order.get(c, len(order)), c))
    labels = info["labels"]
    label = labels.get("nl") or labels.get("") or next(iter(sorted(labels.values())), None) or local_name(iri)
    return Entity(iri, cls, label, tuple(sorted(info["alt"] - {label})), info["source"])


RELATION_QUERY = """
SELECT ?s ?p ?o ?g WHERE { GRAPH ?g { ?s ?p ?o } FILTER(isIRI(?o) && ?p != rdf:type) }"""
MEMBERSHIP_QUERY = """
SELECT ?s ?o ?role ?g WHERE { GRAPH ?g { ?s org:hasMembership ?m . ?m org:organization ?o .
  OPTIONAL { ?m org:role ?r . OPTIONAL { ?r rdfs:label ?role } } } }"""


def relations(store: ox.Store) -> list[tuple[str, str, str, str]]:
    """(subject, property, object, graph) for every triple between two IRIs."""
    rows = select(store, RELATION_QUERY)
    return [(r["s"].value, r["p"].value, r["o"].value, r["g"].value) for r in rows
            if isinstance(r["s"], ox.NamedNode) and r["p"].value not in NOT_RELATIONS]


def memberships(store: ox.Store) -> list[tuple[str, str, str | None, str]]:
    """(person, organisation, role label or None, graph) of each org:Membership."""
    return [(r["s"].value, r["o"].value, r["role"].value if "role" in r else None, r["g"].value)
            for r in select(store, MEMBERSHIP_QUERY) if isinstance(r["o"], ox.NamedNode)]


def entity_graph(store: ox.Store, include_documents: bool = False,
                 document_mentions: bool = False) -> nx.MultiDiGraph:
    """Entities as nodes (label, cls, alt, iri) and their relations as edges (prop, label, docs).

    With `include_documents` the source documents are nodes too, and with
    `document_mentions` also linked to every entity they mention (polder:mentions).
    """
    known = entities(store)
    keep = {iri: e for iri, e in known.items() if include_documents or not e.is_source}
    graph = nx.MultiDiGraph()
    for iri, entity in keep.items():
        graph.add_node(iri, label=entity.label, cls=entity.cls, alt=entity.alt_labels, source=entity.is_source)
    labels = property_labels(store)
    for s, p, o, g in relations(store):
        if s in keep and o in keep and s != o:
            add_relation(graph, s, o, p, property_label(p, labels), g)
    membership_label = load_style()["properties"]["membership"]
    for s, o, role, g in memberships(store):
        if s in keep and o in keep:
            add_relation(graph, s, o, expand("org:hasMembership"), role or membership_label, g)
    if include_documents and document_mentions:
        add_document_mentions(store, graph, labels)
    return without_unmentioned(graph, mentioned(store))


def add_document_mentions(store: ox.Store, graph: nx.MultiDiGraph, labels: dict[str, str]) -> None:
    prop = str(POLDER.mentions)
    for r in select(store, "SELECT DISTINCT ?d ?e WHERE { { ?d polder:mentions ?e } UNION "
                                "{ ?m polder:mentionOf ?e ; polder:inDocument ?d } }"):
        d, e = r["d"].value, r["e"].value
        if d in graph and e in graph and d != e:
            add_relation(graph, d, e, prop, property_label(prop, labels), d)


def mentioned(store: ox.Store) -> set[str]:
    rows = select(store, "SELECT DISTINCT ?e WHERE { { ?m polder:mentionOf ?e } UNION { ?d polder:mentions ?e } }")
    return {r["e"].value for r in rows}


def without_unmentioned(graph: nx.MultiDiGraph, seen: set[str]) -> nx.MultiDiGraph:
    """Only what the documents mention, their sources, and the direct context of both.

    Reference data names hundreds of bodies and laws; those no document touches, nor
    anything next to one it touches, would only crowd the picture.
    """
    core = {n for n, d in graph.nodes(data=True) if n in seen or d["source"]}
    context = {m for n in core for m in nx.all_neighbors(graph, n)}
    graph.remove_nodes_from([n for n in list(graph) if n not in core | context])
    return graph


def add_relation(graph: nx.MultiDiGraph, s: str, o: str, prop: str, label: str, doc_graph: str) -> None:
    """One edge per (s, prop, o); the graphs that assert it are collected in `docs`."""
    key = f"{prop} {label}"
    if graph.has_edge(s, o, key):
        graph.edges[s, o, key]["docs"].add(doc_graph)
    else:
        graph.add_edge(s, o, key=key, prop=prop, label=label, docs={doc_graph})


# ---------------------------------------------------------------- finding an entity

def find_entity(graph: nx.Graph, text: str) -> str:
    """The node for a label, alternative label (case-insensitive), IRI or key such as 'law/arbowet'."""
    if text in graph:
        return text
    wanted = text.casefold().strip()
    by_label = [n for n, d in graph.nodes(data=True) if d["label"].casefold() == wanted]
    by_alt = [n for n, d in graph.nodes(data=True) if wanted in (a.casefold() for a in d["alt"])]
    by_key = [n for n in graph if n.endswith("/" + text.strip("/"))]
    for candidates in (by_label, by_alt, by_key):
        if candidates:
            return max(sorted(candidates), key=graph.degree)
    raise EntityNotFound(text, suggest(graph, wanted))


def suggest(graph: nx.Graph, wanted: str) -> list[str]:
    names = {d["label"].casefold(): d["label"] for _, d in graph.nodes(data=True)}
    for _, d in graph.nodes(data=True):
        names.update({a.casefold(): a for a in d["alt"]})
    return [names[m] for m in difflib.get_close_matches(wanted, list(names), n=3, cutoff=0.6)]


# ---------------------------------------------------------------- centrality

def central(graph: nx.MultiDiGraph, top: int = 10, by: str = "pagerank",
            classes: tuple[str, ...] = ()) -> list[dict]:
    """The `top` most central entities by degree, betweenness and PageRank."""
    simple = nx.Graph(graph)
    if not len(simple):
        return []
    degree = dict(simple.degree())
    betweenness = nx.betweenness_centrality(simple, k=sample_size(simple), seed=0)
    pagerank = page_rank(nx.DiGraph(graph))
    rows = [{"label": d["label"], "class": d["cls"], "degree": degree[n],
             "betweenness": round(betweenness[n], 4), "pagerank": round(pagerank[n], 4), "iri": n}
            for n, d in graph.nodes(data=True) if not classes or d["cls"] in classes]
    rows.sort(key=lambda r: (-r[by], -r["degree"], r["label"]))
    return [{"rank": i, **row} for i, row in enumerate(rows[:top], 1)]


def page_rank(graph: nx.DiGraph, damping: float = 0.85, rounds: int = 100) -> dict[str, float]:
    """PageRank by power iteration in plain Python (networkx's own needs numpy and scipy)."""
    n = len(graph)
    rank = dict.fromkeys(graph, 1.0 / n)
    for _ in range(rounds):
        dangling = damping * sum(rank[v] for v in graph if not graph.out_degree(v)) / n
        new = dict.fromkeys(graph, (1.0 - damping) / n + dangling)
        for v in graph:
            share = damping * rank[v] / (graph.out_degree(v) or 1)
            for w in graph.successors(v):
                new[w] += share
        converged = sum(abs(new[v] - rank[v]) for v in graph) < n * 1e-9
        rank = new
        if converged:
            break
    return rank


def sample_size(graph: nx.Graph) -> int | None:
    """Exact betweenness up to 1,000 nodes, then a fixed sample so big corpora stay fast."""
    return None if len(graph) <= 1000 else 500


# ---------------------------------------------------------------- the explained path

MENTION_QUERY = """
SELECT DISTINCT ?e ?d ?dlabel ?q ?start WHERE {
  %s
  ?m polder:mentionOf ?e ; polder:inDocument ?d ; polder:quote ?q .
  OPTIONAL { ?m polder:start ?start }
  OPTIONAL { ?d rdfs:label ?dlabel }
}"""


def quotes_of(store: ox.Store, iris) -> dict[str, list[tuple[str, str, str]]]:
    """Entity IRI → [(document IRI, document label, quote)] in document and text order."""
    found: dict[str, list] = {}
    rows = select(store, MENTION_QUERY % values_clause("e", iris))
    rows.sort(key=lambda r: (r["d"].value, int(r["start"].value) if "start" in r else 0))
    for r in rows:
        doc_label = r["dlabel"].value if "dlabel" in r else local_name(r["d"].value)
        found.setdefault(r["e"].value, []).append((r["d"].value, doc_label, r["q"].value))
    return found


def supporting_quote(a: list, b: list, edge_docs: set[str]) -> tuple[str, str] | None:
    """(quote, document label) that best supports a hop between two entities.

    Best is a sentence that mentions both ends; then a mention of either end in a document
    that states the relation or mentions both; then any mention of either end.
    """
    sentences_b = {(d, q) for d, _, q in b}
    both = [(q, label) for d, label, q in a if (d, q) in sentences_b]
    shared_docs = edge_docs | ({d for d, _, _ in a} & {d for d, _, _ in b})
    in_shared = [(q, label) for d, label, q in a + b if d in shared_docs]
    anywhere = [(q, label) for _, label, q in a + b]
    for choice in (both, in_shared, anywhere):
        if choice:
            return choice[0]
    return None


def explained_path(store: ox.Store, graph: nx.MultiDiGraph, source: str, target: str) -> list[dict]:
    """The shortest path between two entities, one row per hop with its property and a quote."""
    start, end = find_entity(graph, source), find_entity(graph, target)
    try:
        nodes = first_shortest_path(graph.to_undirected(as_view=True), start, end)
    except nx.NetworkXNoPath:
        raise NoPath(source, target) from None
    quotes = quotes_of(store, nodes)
    return [hop_row(graph, i, a, b, quotes) for i, (a, b) in enumerate(zip(nodes, nodes[1:]), 1)]


def first_shortest_path(graph, start: str, end: str, candidates: int = 1000) -> list[str]:
    """Of the shortest paths (the first `candidates` found), the smallest by its IRIs: the
    answer must not depend on the order in which the graph happened to be built."""
    return min(itertools.islice(nx.all_shortest_paths(graph, start, end), candidates))


def hop_row(graph: nx.MultiDiGraph, step: int, a: str, b: str, quotes: dict) -> dict:
    forward = graph.has_edge(a, b)
    s, o = (a, b) if forward else (b, a)
    key, edge = sorted(graph.get_edge_data(s, o).items())[0]
    support = supporting_quote(quotes.get(s, []), quotes.get(o, []), edge["docs"])
    relation = edge["label"] if forward else f"{edge['label']} (←)"
    return {"step": step, "from": graph.nodes[a]["label"], "relation": relation, "to": graph.nodes[b]["label"],
            "quote": support[0] if support else "", "document": support[1] if support else "",
            "property": edge["prop"], "from_iri": a, "to_iri": b}


# ---------------------------------------------------------------- communities

def communities(graph: nx.MultiDiGraph, method: str = "louvain") -> list[dict]:
    """Groups of entities more connected to each other than to the rest, biggest first."""
    simple = nx.Graph(graph)
    simple.remove_nodes_from([n for n in list(simple) if simple.degree(n) == 0])
    if not len(simple):
        return []
    if method == "greedy":
        groups = nx.community.greedy_modularity_communities(simple)
    else:
        groups = nx.community.louvain_communities(simple, seed=0)
    ordered = sorted((sorted(g, key=lambda n: (-simple.degree(n), graph.nodes[n]["label"])) for g in groups),
                     key=lambda g: (-len(g), graph.nodes[g[0]]["label"]))
    return [{"community": i, "size": len(g), "members": [graph.nodes[n]["label"] for n in g], "iris": g}
            for i, g in enumerate(ordered, 1)]


# ---------------------------------------------------------------- output

def format_rows(rows: list[dict], columns: list[str], fmt: str = "table", width: int = 70) -> str:
    """Rows as an aligned text table, CSV or JSON."""
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2, default=sorted)
    if fmt == "csv":
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=columns, extrasaction="ignore", lineterminator="\n")
        writer.writeheader()
        writer.writerows({c: cell_text(row.get(c)) for c in columns} for row in rows)
        return buffer.getvalue().rstrip("\n")
    return text_table(rows, columns, width)


def cell_text(value, width: int | None = None) -> str:
    text = "; ".join(map(str, value)) if isinstance(value, (list, tuple, set)) else str(value if value is not None else "")
    text = " ".join(text.split())
    return text if width is None or len(text) <= width else text[: width - 1] + "…"


def text_table(rows: list[dict], columns: list[str], width: int) -> str:
    cells = [[cell_text(row.get(c), width) for c in columns] for row in rows]
    widths = [max([len(c)] + [len(r[i]) for r in cells]) for i, c in enumerate(columns)]
    lines = ["  ".join(c.ljust(w) for c, w in zip(columns, widths)).rstrip(),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(v.ljust(w) for v, w in zip(r, widths)).rstrip() for r in cells]
    return "\n".join(lines)


def analyze(out_dir: Path, include_documents: bool = False) -> tuple[ox.Store, nx.MultiDiGraph]:
    """The store of a built graph and its entity graph (documents linked to what they
    mention when `include_documents`), for a notebook or the CLI."""
    store = open_store(Path(out_dir))
    return store, entity_graph(store, include_documents, document_mentions=include_documents)
