"""`polder export`: the built graph as a file a linked-data portal takes without hand work.

Streamed from the store: one sorted SPARQL query feeds pyoxigraph's serialisers, and
JSON-LD is compacted one named graph at a time, so the corpus is never one in-memory
graph. `--base` moves instance IRIs inside that query; vocabulary IRIs stay as they are.
"""
from __future__ import annotations

import itertools
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from polder.extract.errors import PolderError
from polder.ontology import HERE as ONTOLOGY_DIR

from .iri import DEFAULT_BASE, PREFIXES
from .links import LINK_SELECT, PREFIX_LINES, has_links, links_graph_iri
from .store import open_store

CONTEXT_FILE = ONTOLOGY_DIR / "context.jsonld"
IANA = "http://www.iana.org/assignments/media-types/"
EU_FILE_TYPE = "http://publications.europa.eu/resource/authority/file-type/"


@dataclass(frozen=True)
class Format:
    name: str
    label: str
    rdf_format: ox.RdfFormat
    quads: bool  # named graphs kept (TriG, N-Quads, JSON-LD) or the union only
    media_type: str
    file_type: str  # code in the EU file-type authority list

    @property
    def media_type_iri(self) -> str:
        return IANA + self.media_type

    @property
    def file_type_iri(self) -> str:
        return EU_FILE_TYPE + self.file_type


FORMATS = {f.name: f for f in (
    Format("ttl", "Turtle", ox.RdfFormat.TURTLE, False, "text/turtle", "RDF_TURTLE"),
    Format("trig", "TriG", ox.RdfFormat.TRIG, True, "application/trig", "RDF_TRIG"),
    Format("nt", "N-Triples", ox.RdfFormat.N_TRIPLES, False, "application/n-triples", "RDF_N_TRIPLES"),
    Format("nq", "N-Quads", ox.RdfFormat.N_QUADS, True, "application/n-quads", "RDF_N_QUADS"),
    Format("jsonld", "JSON-LD", ox.RdfFormat.JSON_LD, True, "application/ld+json", "JSON_LD"),
)}
SUFFIXES = {"ttl": "ttl", "turtle": "ttl", "trig": "trig", "nt": "nt", "nq": "nq",
            "jsonld": "jsonld", "json": "jsonld"}


class ExportError(PolderError):
    """An export that cannot be made as asked."""


def format_for(name: str | None, target: Path) -> Format:
    """The named format, else the one the file name's suffix implies."""
    key = name or SUFFIXES.get(target.suffix.lstrip(".").lower())
    if key not in FORMATS:
        raise ExportError(f"cannot tell the format of {target}: use --format {'|'.join(FORMATS)}")
    return FORMATS[key]


def built_base(graph_dir: Path) -> str:
    """The instance base the graph was built with (manifest.json), else the default."""
    manifest = Path(graph_dir) / "manifest.json"
    if manifest.exists():
        return json.loads(manifest.read_text(encoding="utf-8")).get("base", DEFAULT_BASE)
    return DEFAULT_BASE


def check_base(base: str) -> str:
    if not base.startswith(("http://", "https://")) or not base.endswith(("/", "#")):
        raise ExportError(f"--base must be an http(s) IRI ending in / or #: {base}")
    return base


# ---------------------------------------------------------------- the one sorted query

def rebased(var: str, old: str, new: str) -> str:
    """SPARQL expression: `var` with its instance base `old` replaced by `new`."""
    if old == new:
        return var
    return (f'IF(isIRI({var}) && STRSTARTS(STR({var}), "{old}"), '
            f'IRI(CONCAT("{new}", STRAFTER(STR({var}), "{old}"))), {var})')


def source_pattern(with_links: bool, old: str) -> str:
    """Every quad of the store (?g0 ?s0 ?p ?o0), plus the links-out when not yet stored."""
    stored = "{ GRAPH ?g0 { ?s0 ?p ?o0 } }"
    if not with_links:
        return stored
    links = f"{{ SELECT (?s AS ?s0) ?p (?o AS ?o0) WHERE {{ {LINK_SELECT} }} }}"
    return f"{stored} UNION {{ {links} BIND(<{links_graph_iri(old).value}> AS ?g0) }}"


def quad_query(old: str, new: str, with_links: bool) -> str:
    return (PREFIX_LINES + f"SELECT DISTINCT ?g ?s ?p ?o WHERE {{ {source_pattern(with_links, old)} "
            f"BIND({rebased('?g0', old, new)} AS ?g) BIND({rebased('?s0', old, new)} AS ?s) "
            f"BIND({rebased('?o0', old, new)} AS ?o) }} ORDER BY ?g ?s ?p ?o")


def triple_query(old: str, new: str, with_links: bool) -> str:
    return (PREFIX_LINES + f"SELECT DISTINCT ?s ?p ?o WHERE {{ {source_pattern(with_links, old)} "
            f"BIND({rebased('?s0', old, new)} AS ?s) BIND({rebased('?o0', old, new)} AS ?o) "
            f"}} ORDER BY ?s ?p ?o")


@dataclass
class Source:
    """A built store seen through an export: its base, the new base, links added or not."""
    store: ox.Store
    old_base: str
    new_base: str
    with_links: bool

    def quads(self) -> Iterator[ox.Quad]:
        rows = self.store.query(quad_query(self.old_base, self.new_base, self.with_links),
                                use_default_graph_as_union=True)
        return (ox.Quad(row["s"], row["p"], row["o"], row["g"]) for row in rows)

    def triples(self) -> Iterator[ox.Triple]:
        rows = self.store.query(triple_query(self.old_base, self.new_base, self.with_links),
                                use_default_graph_as_union=True)
        return (ox.Triple(row["s"], row["p"], row["o"]) for row in rows)


def open_source(graph_dir: Path, base: str | None = None) -> Source:
    store = open_store(graph_dir)
    old = built_base(graph_dir)
    new = check_base(base) if base else old
    return Source(store, old, new, with_links=not has_links(store, old))


# ---------------------------------------------------------------- writers

def export(graph_dir: Path, target: Path, fmt: str | None = None, base: str | None = None,
           config_file: Path | None = None) -> list[Path]:
    """Write the built graph in `graph_dir` to `target`, with its DCAT and VoID beside it."""
    from .dcat import load_config, write_metadata

    config = load_config(config_file)
    target = Path(target)
    format_ = format_for(fmt, target)
    source = open_source(Path(graph_dir), base)
    target.parent.mkdir(parents=True, exist_ok=True)
    write(source, format_, target)
    return [target, *write_metadata(source, target, format_, config)]


def write(source: Source, fmt: Format, target: Path) -> None:
    if fmt.name == "jsonld":
        write_jsonld(source.quads(), target)
        return
    statements = source.quads() if fmt.quads else source.triples()
    prefixes = PREFIXES if fmt.name in ("ttl", "trig") else None
    ox.serialize(statements, str(target), fmt.rdf_format, prefixes=prefixes)


def load_context() -> dict:
    return json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]


def write_jsonld(quads: Iterable[ox.Quad], target: Path) -> None:
    """One JSON-LD document: the context inline, then one object per named graph."""
    context = load_context()
    with open(target, "w", encoding="utf-8") as out:
        out.write('{\n  "@context": ' + indented(context, 2) + ',\n  "@graph": [')
        for i, (graph, group) in enumerate(itertools.groupby(quads, key=lambda q: q.graph_name)):
            block = {"id": graph.value, "@graph": compact_graph(group, context)}
            out.write(("," if i else "") + "\n    " + indented(block, 4))
        out.write("\n  ]\n}\n")


def compact_graph(quads: Iterable[ox.Quad], context: dict) -> list[dict]:
    """The nodes of one graph, compacted with Polder's context (pyld, JSON-LD 1.1)."""
    from pyld import jsonld

    triples = (ox.Triple(q.subject, q.predicate, q.object) for q in quads)
    ntriples = ox.serialize(triples, None, ox.RdfFormat.N_TRIPLES).decode("utf-8")
    expanded = jsonld.from_rdf(ntriples, {"format": "application/n-quads"})
    compacted = jsonld.compact(expanded, {"@context": context})
    compacted.pop("@context", None)
    return compacted.get("@graph", [compacted] if compacted else [])


def indented(value: object, level: int) -> str:
    text = json.dumps(value, indent=2, ensure_ascii=False)
    return text.replace("\n", "\n" + " " * level)
