"""`polder viz`: an interactive, self-contained HTML picture of the graph (pyvis + vis-network).

Three views: the whole entity graph, the neighbourhood of one entity, or the result of
a CONSTRUCT query. The page works offline: vis-network is inlined from the copy pyvis
ships, there is no Bootstrap, and every text from the documents is escaped (tooltips are
built as DOM text nodes, never parsed as HTML).

    >>> html = render_view(Path("out"), focus="Arbowet", depth=2)
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

import jinja2
import networkx as nx
import pyoxigraph as ox
import pyvis
from pyvis.network import Network

from polder.extract.errors import PolderError

from . import analyze
from .analyze import entity_graph, find_entity, load_style, select, values_clause
from .store import open_store, union_default

VIS_JS = Path(pyvis.__file__).parent / "lib" / "vis-9.1.2" / "vis-network.min.js"
DEFAULT_LIMIT = 500
SHAPE_SYMBOLS = {"dot": "●", "square": "■", "diamond": "◆", "triangle": "▲", "triangleDown": "▼",
                 "star": "★", "hexagon": "⬢"}


class NotAConstructQuery(PolderError):
    def __init__(self, name: str):
        super().__init__(f"{name}: only a CONSTRUCT or DESCRIBE query can be drawn as a graph")


class QueryNotFound(PolderError):
    def __init__(self, name: str):
        super().__init__(f"no saved query, file or CONSTRUCT text {name!r}")


@dataclass
class View:
    """What to draw: a graph of entities with a title and notes for the reader."""

    graph: nx.MultiDiGraph
    title: str
    notes: list[str] = field(default_factory=list)
    focus: str | None = None


# ---------------------------------------------------------------- choosing what to draw

def whole_view(graph: nx.MultiDiGraph, limit: int) -> View:
    view = View(graph, "Polder: de hele graaf")
    return reduce_by_degree(view, limit)


def focus_view(graph: nx.MultiDiGraph, focus: str, depth: int, limit: int) -> View:
    """The neighbourhood of one entity, `depth` hops in either direction."""
    centre = find_entity(graph, focus)
    distance = nx.single_source_shortest_path_length(graph.to_undirected(as_view=True), centre, cutoff=depth)
    label = graph.nodes[centre]["label"]
    view = View(graph.subgraph(distance).copy(), f"Polder: {label} en omgeving (diepte {depth})", focus=centre)
    if len(distance) > limit:
        keep = sorted(distance, key=lambda n: (distance[n], -graph.degree(n), n))[:limit]
        view.notes.append(reduced_note(limit, len(distance), f"dichtst bij {label}, dan hoogste graad"))
        view.graph = graph.subgraph(keep).copy()
    return view


def reduce_by_degree(view: View, limit: int) -> View:
    total = len(view.graph)
    if total > limit:
        keep = sorted(view.graph, key=lambda n: (-view.graph.degree(n), n))[:limit]
        view.graph = view.graph.subgraph(keep).copy()
        view.notes.append(reduced_note(limit, total, "hoogste graad"))
    return view


def reduced_note(limit: int, total: int, how: str) -> str:
    return f"Grote graaf: {limit} van {total} knopen getoond ({how}). Kies een focus voor de rest."


# ---------------------------------------------------------------- query views

def query_text(query: str) -> tuple[str, str]:
    """(name, SPARQL text) for a saved query's name, a file path or inline CONSTRUCT text."""
    if "{" in query:  # inline SPARQL text
        return "query", query
    path = Path(query)
    if path.suffix == ".rq" and path.is_file():
        return path.stem, path.read_text(encoding="utf-8")
    saved = saved_query(query)
    if saved is None:
        raise QueryNotFound(query)
    return query, saved


def saved_query(name: str) -> str | None:
    """A saved query from the `polder.queries` catalogue, parameters bound to their defaults.

    The catalogue's own error (which lists the known names) reaches the user unchanged.
    """
    try:
        from polder.queries import get
    except ImportError:
        return None
    found = get(name)
    return found.bind() if hasattr(found, "bind") else getattr(found, "sparql", None)


def query_view(store: ox.Store, entity_view: nx.MultiDiGraph, query: str, limit: int,
               show_mentions: bool) -> View:
    """The triples of a CONSTRUCT between IRIs, drawn with the entities' labels and classes."""
    name, text = query_text(query)
    result = store.query(f"{analyze.PREFIX_LINES}\n{text}", use_default_graph_as_union=union_default(store))
    if not isinstance(result, ox.QueryTriples):
        raise NotAConstructQuery(name)
    graph = triples_graph(list(result), entity_view, analyze.property_labels(store))
    if not show_mentions:
        graph.remove_nodes_from([n for n, d in list(graph.nodes(data=True)) if d["cls"] == "Mention"])
    return reduce_by_degree(View(graph, f"Polder: resultaat van {name}"), limit)


def triples_graph(triples: list, known: nx.MultiDiGraph, labels: dict[str, str]) -> nx.MultiDiGraph:
    graph = nx.MultiDiGraph()
    types, names = {}, {}
    for t in triples:
        s, p, o = t.subject, t.predicate.value, t.object
        if p == analyze.RDF_TYPE:
            types.setdefault(term_id(s), analyze.local_name(o.value))
        elif p == analyze.PREFIXES["rdfs"] + "label" and isinstance(o, ox.Literal):
            names.setdefault(term_id(s), o.value)
        elif not isinstance(o, ox.Literal):
            analyze.add_relation(graph, term_id(s), term_id(o), p, analyze.property_label(p, labels), "query")
    for node in list(graph) + list(types):
        graph.add_node(node, **node_facts(node, known, types, names))
    return graph


def term_id(term) -> str:
    return term.value if isinstance(term, ox.NamedNode) else str(term)


def node_facts(node: str, known: nx.MultiDiGraph, types: dict, names: dict) -> dict:
    facts = dict(known.nodes[node]) if node in known else {"label": analyze.local_name(node), "cls": "", "alt": ()}
    facts["cls"] = facts["cls"] or types.get(node, "")
    facts["label"] = names.get(node, facts["label"])
    return facts


# ---------------------------------------------------------------- mentions

MENTION_NODES = """
SELECT ?m ?e ?d ?q WHERE { %s ?m polder:mentionOf ?e ; polder:inDocument ?d ; polder:quote ?q . }"""


def add_mentions(store: ox.Store, view: View) -> None:
    """Mention nodes (the evidence) between each entity and the document that mentions it."""
    rows = select(store, MENTION_NODES % values_clause("e", list(view.graph)))
    for r in rows:
        mention, entity, doc = r["m"].value, r["e"].value, r["d"].value
        view.graph.add_node(mention, label=short(r["q"].value, 40), cls="Mention", alt=())
        analyze.add_relation(view.graph, mention, entity, analyze.PREFIXES["polder"] + "mentionOf", "vermelding van", doc)
        if doc in view.graph:
            analyze.add_relation(view.graph, mention, doc, analyze.PREFIXES["polder"] + "inDocument", "in document", doc)


def short(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


# ---------------------------------------------------------------- tooltips

def tooltips(store: ox.Store, view: View, class_names: dict[str, str]) -> dict[str, str]:
    """Plain-text tooltip per node: class, label, the documents that mention it, one quote."""
    quotes = analyze.quotes_of(store, list(view.graph)) if len(view.graph) else {}
    return {n: tooltip(n, d, quotes.get(n, []), class_names) for n, d in view.graph.nodes(data=True)}


def tooltip(iri: str, data: dict, quotes: list, class_names: dict[str, str]) -> str:
    lines = [f"{class_names.get(data['cls'], data['cls'] or 'Ding')}: {data['label']}"]
    if data.get("alt"):
        lines.append("ook: " + ", ".join(data["alt"][:6]))
    lines.append(iri)
    documents = list(dict.fromkeys(label for _, label, _ in quotes))
    if documents:
        more = f" (+{len(documents) - 5})" if len(documents) > 5 else ""
        lines.append("Vermeld in: " + "; ".join(short(d, 80) for d in documents[:5]) + more)
        lines.append(f"“{short(quotes[0][2], 300)}”")
    return "\n".join(lines)


# ---------------------------------------------------------------- pyvis

def network(view: View, tips: dict[str, str], styles: dict) -> Network:
    """The view as a pyvis Network: colour and shape by class, size by degree."""
    net = Network(directed=True, height="100%", width="100%")
    simple = nx.Graph(view.graph)
    for node, data in sorted(view.graph.nodes(data=True)):
        style = styles.get(data["cls"], {"colour": "#bbbbbb", "shape": "dot"})
        net.add_node(node, label=short(data["label"], 60), color=style["colour"], shape=style["shape"],
                     size=node_size(simple.degree(node)), tip=tips.get(node, data["label"]),
                     borderWidth=4 if node == view.focus else 1, cls=data["cls"])
    for s, o, data in sorted(view.graph.edges(data=True), key=lambda e: (e[0], e[1], e[2]["label"])):
        net.add_edge(s, o, label=data["label"], arrows="to", tip=data["label"])
    net.options = page_options(len(view.graph))
    return net


def node_size(degree: int) -> float:
    return round(min(12 + 5 * math.sqrt(degree), 48), 1)


def page_options(node_count: int) -> dict:
    """Lay out once (stabilise), then the page turns physics off so big views stay responsive."""
    return {
        # labels stay readable when a big view is zoomed out to fit (vis hides them below 5 px)
        "nodes": {"font": {"size": 18, "face": "sans-serif", "strokeWidth": 3, "strokeColor": "#ffffff"},
                  "scaling": {"label": {"enabled": True, "min": 16, "max": 30, "drawThreshold": 3}}},
        "edges": {"font": {"size": 12, "align": "middle", "color": "#555555"}, "color": {"color": "#9aa0a6"},
                  "smooth": {"enabled": node_count <= 150, "type": "dynamic"}},
        "physics": {"enabled": True, "solver": "forceAtlas2Based",
                    "forceAtlas2Based": {"gravitationalConstant": -60, "springLength": 120},
                    "stabilization": {"enabled": True, "iterations": 400 if node_count <= 200 else 150,
                                      "updateInterval": 50}},
        "layout": {"improvedLayout": node_count <= 100, "randomSeed": 7},
        "interaction": {"hover": True, "tooltipDelay": 150, "navigationButtons": False},
    }


# ---------------------------------------------------------------- the page

PAGE = jinja2.Environment(autoescape=True).from_string("""<!DOCTYPE html>
<html lang="nl">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
<title>{{ title }}</title>
<link rel="icon" href="data:,">
<style>
html, body { margin: 0; height: 100%; font-family: sans-serif; }
body { display: flex; flex-direction: column; }
header { padding: 6px 12px; border-bottom: 1px solid #ddd; }
header h1 { font-size: 18px; margin: 4px 0; }
.note { color: #8a4b00; margin: 2px 0; }
.legend { list-style: none; padding: 0; margin: 4px 0; display: flex; flex-wrap: wrap; gap: 4px 14px; font-size: 13px; }
.legend .symbol { font-size: 16px; margin-right: 4px; }
#graph { flex: 1; min-height: 300px; }
div.vis-tooltip { position: absolute; visibility: hidden; padding: 6px; max-width: 420px; white-space: pre-wrap;
  font-size: 13px; background: #fffef5; border: 1px solid #888; border-radius: 3px; pointer-events: none; z-index: 5;
  box-shadow: 2px 2px 8px rgba(0,0,0,.2); }
</style>
</head>
<body>
<header>
<h1>{{ title }}</h1>
<p class="stats">{{ node_count }} knopen, {{ edge_count }} relaties</p>
{% for note in notes %}<p class="note">{{ note }}</p>{% endfor %}
<ul class="legend">{% for item in legend %}<li><span class="symbol" style="color: {{ item.colour }}">{{ item.symbol }}</span>{{ item.name }}</li>{% endfor %}</ul>
</header>
<div id="graph"></div>
<script type="application/json" id="polder-data">{{ data|tojson }}</script>
<script>{{ vis_js|safe }}</script>
<script>
(function () {
  var data = JSON.parse(document.getElementById("polder-data").textContent);
  function asText(items) {
    items.forEach(function (item) {
      var tip = document.createElement("div");
      tip.textContent = item.tip;
      item.title = tip;
      delete item.tip;
    });
    return items;
  }
  var nodes = new vis.DataSet(asText(data.nodes));
  var edges = new vis.DataSet(asText(data.edges));
  var network = new vis.Network(document.getElementById("graph"), {nodes: nodes, edges: edges}, data.options);
  window.polder = {network: network, nodes: nodes, edges: edges, ready: false};
  network.once("stabilizationIterationsDone", function () {
    network.setOptions({physics: {enabled: false}});
    network.once("afterDrawing", function () { window.polder.ready = true; });
    network.redraw();
  });
})();
</script>
</body>
</html>
""")


def legend(view: View, styles: dict, class_names: dict[str, str]) -> list[dict]:
    present = {d["cls"] for _, d in view.graph.nodes(data=True)}
    return [{"name": class_names.get(cls, cls), "colour": style["colour"], "symbol": SHAPE_SYMBOLS.get(style["shape"], "●")}
            for cls, style in styles.items() if cls in present]


def page(view: View, net: Network, styles: dict, class_names: dict[str, str]) -> str:
    nodes, edges, _heading, _height, _width, _options = net.get_network_data()
    return PAGE.render(title=view.title, notes=view.notes, legend=legend(view, styles, class_names),
                       node_count=len(nodes), edge_count=len(edges),
                       data={"nodes": nodes, "edges": edges, "options": net.options},
                       vis_js=VIS_JS.read_text(encoding="utf-8"))


# ---------------------------------------------------------------- the plain functions

def choose_view(store: ox.Store, focus: str | None = None, depth: int = 2, query: str | None = None,
                limit: int = DEFAULT_LIMIT, show_mentions: bool = False) -> View:
    graph = entity_graph(store, include_documents=True)
    if query:
        view = query_view(store, graph, query, limit, show_mentions)
    elif focus:
        view = focus_view(graph, focus, depth, limit)
    else:
        view = whole_view(graph, limit)
    if show_mentions and not query:
        add_mentions(store, view)
    return view


def render_store(store: ox.Store, **options) -> str:
    """The HTML page of a view (options as for `choose_view`) of an open store."""
    view = choose_view(store, **options)
    styles = load_style()["classes"]
    class_names = analyze.class_labels(store)
    net = network(view, tooltips(store, view, class_names), styles)
    return page(view, net, styles, class_names)


def render_view(out_dir: Path | str, focus: str | None = None, depth: int = 2, query: str | None = None,
                limit: int = DEFAULT_LIMIT, show_mentions: bool = False) -> str:
    """The HTML page for a built graph: whole, around `focus`, or of a CONSTRUCT `query`."""
    store = open_store(Path(out_dir))
    return render_store(store, focus=focus, depth=depth, query=query, limit=limit, show_mentions=show_mentions)


def write_view(out_dir: Path | str, target: Path | str, **options) -> Path:
    target = Path(target)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_view(out_dir, **options), encoding="utf-8")
    return target
