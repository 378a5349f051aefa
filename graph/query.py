"""Running SPARQL against a built graph (or a remote endpoint) and writing the results.

A result is a `Result`: for SELECT the variables and rows (dicts of pyoxigraph terms),
for ASK a boolean, for CONSTRUCT/DESCRIBE a list of triples. The same writers serve the
CLI, the Python API and the HTTP endpoint.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass, field
from pathlib import Path
from xml.sax.saxutils import escape

import pyoxigraph as ox

from polder import queries as catalogue
from polder.extract.errors import PolderError

from .iri import PREFIXES
from .store import open_store, union_default

FORMATS = ("table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld")
RDF_FORMATS = {"ttl": ox.RdfFormat.TURTLE, "nt": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}
XSD = "http://www.w3.org/2001/XMLSchema#"


class QueryError(PolderError):
    pass


@dataclass
class Result:
    form: str  # SELECT, ASK or GRAPH (CONSTRUCT/DESCRIBE)
    variables: list[str] = field(default_factory=list)
    rows: list[dict[str, object]] = field(default_factory=list)
    boolean: bool | None = None
    triples: list[ox.Triple] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.triples) if self.form == "GRAPH" else len(self.rows)


def resolve_query(name_or_text: str, params: dict[str, str] | None = None) -> str:
    """A saved query's name, a path to an .rq file, or SPARQL text → bound SPARQL text."""
    params = params or {}
    if name_or_text in catalogue.names():
        return catalogue.get(name_or_text).bind(**params)
    path = Path(name_or_text)
    if name_or_text.endswith(".rq") or (len(name_or_text) < 300 and "{" not in name_or_text and path.is_file()):
        if not path.is_file():
            raise QueryError(f"no such query file: {name_or_text}")
        return catalogue.load(path).bind(**params)
    if "{" not in name_or_text:
        raise catalogue.QueryNotFound(name_or_text, catalogue.names())
    return catalogue.parse(name_or_text, "inline").bind(**params)


def run_on_store(store: ox.Store, sparql: str, max_rows: int | None = None) -> Result:
    try:
        answer = store.query(sparql, use_default_graph_as_union=union_default(store))
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    return collect(answer, max_rows)


def run_local(out: str | Path, sparql: str, max_rows: int | None = None) -> Result:
    return run_on_store(open_store(Path(out)), sparql, max_rows)


def collect(answer, max_rows: int | None = None) -> Result:
    """pyoxigraph's lazy answer → a Result, stopping with an error past `max_rows`."""
    if isinstance(answer, ox.QueryBoolean) or isinstance(answer, bool):
        return Result("ASK", boolean=bool(answer))
    if isinstance(answer, ox.QueryTriples):
        return Result("GRAPH", triples=take(answer, max_rows))
    variables = [v.value for v in answer.variables]
    rows = [{v: s[v] for v in variables if s[v] is not None} for s in take(answer, max_rows)]
    return Result("SELECT", variables, rows)


class TooManyResults(QueryError):
    def __init__(self, max_rows: int):
        super().__init__(f"the result has more than {max_rows} rows (the limit); add a LIMIT or narrow the query")
        self.max_rows = max_rows


def take(items, max_rows: int | None) -> list:
    taken = []
    for item in items:
        if max_rows is not None and len(taken) >= max_rows:
            raise TooManyResults(max_rows)
        taken.append(item)
    return taken


# ---------------------------------------------------------------- writers

def write(result: Result, fmt: str = "table") -> str:
    if fmt not in FORMATS:
        raise QueryError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    if result.form == "GRAPH":
        return write_graph(result.triples, fmt if fmt in RDF_FORMATS else "ttl")
    if fmt in RDF_FORMATS:
        raise QueryError(f"format {fmt} is for CONSTRUCT/DESCRIBE; use table, csv, tsv, json or xml")
    return {"table": write_table, "csv": write_csv, "tsv": write_tsv,
            "json": write_json, "xml": write_xml}[fmt](result)


def write_graph(triples: list[ox.Triple], fmt: str = "ttl") -> str:
    prefixes = PREFIXES if fmt == "ttl" else None
    data = ox.serialize(triples, format=RDF_FORMATS[fmt], prefixes=prefixes) if prefixes else \
        ox.serialize(triples, format=RDF_FORMATS[fmt])
    return data.decode("utf-8")


def plain(term) -> str:
    """A term as an analyst reads it: the IRI or the literal's lexical value."""
    return "" if term is None else term.value


def python_value(term):
    """A term as a Python value: IRIs as str, numbers and booleans converted."""
    if not isinstance(term, ox.Literal):
        return None if term is None else term.value
    kind = term.datatype.value.removeprefix(XSD)
    converters = {"integer": int, "int": int, "long": int, "decimal": float, "double": float,
                  "float": float, "boolean": lambda v: v == "true"}
    try:
        return converters.get(kind, str)(term.value)
    except ValueError:
        return term.value


def write_table(result: Result) -> str:
    if result.form == "ASK":
        return ("yes" if result.boolean else "no") + "\n"
    header = result.variables
    cells = [[compact(row.get(v)) for v in header] for row in result.rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(header)]
    lines = ["  ".join(h.ljust(w) for h, w in zip(header, widths)),
             "  ".join("-" * w for w in widths)]
    lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in cells]
    lines.append(f"({len(cells)} row{'s' if len(cells) != 1 else ''})")
    return "\n".join(lines) + "\n"


def compact(term) -> str:
    """IRIs shortened with the known prefixes, for the aligned table."""
    text = plain(term).replace("\n", " ")
    if isinstance(term, ox.NamedNode):
        for prefix, ns in PREFIXES.items():
            if text.startswith(ns):
                return f"{prefix}:{text[len(ns):]}"
    return text


def write_csv(result: Result) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    if result.form == "ASK":
        writer.writerows([["boolean"], ["true" if result.boolean else "false"]])
    else:
        writer.writerow(result.variables)
        writer.writerows([plain(row.get(v)) for v in result.variables] for row in result.rows)
    return buffer.getvalue()


def write_tsv(result: Result) -> str:
    if result.form == "ASK":
        return "?boolean\n" + ("true" if result.boolean else "false") + "\n"
    lines = ["\t".join(f"?{v}" for v in result.variables)]
    lines += ["\t".join("" if row.get(v) is None else str(row[v]) for v in result.variables)
              for row in result.rows]
    return "\n".join(lines) + "\n"


def json_term(term) -> dict:
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    out = {"type": "literal", "value": term.value}
    if term.language:
        out["xml:lang"] = term.language
    elif term.datatype.value != XSD + "string":
        out["datatype"] = term.datatype.value
    return out


def write_json(result: Result) -> str:
    if result.form == "ASK":
        return json.dumps({"head": {}, "boolean": bool(result.boolean)})
    bindings = [{v: json_term(t) for v, t in row.items()} for row in result.rows]
    return json.dumps({"head": {"vars": result.variables}, "results": {"bindings": bindings}},
                      ensure_ascii=False)


def xml_term(term) -> str:
    if isinstance(term, ox.NamedNode):
        return f"<uri>{escape(term.value)}</uri>"
    if isinstance(term, ox.BlankNode):
        return f"<bnode>{escape(term.value)}</bnode>"
    if term.language:
        return f'<literal xml:lang="{escape(term.language)}">{escape(term.value)}</literal>'
    return f'<literal datatype="{escape(term.datatype.value)}">{escape(term.value)}</literal>'


def write_xml(result: Result) -> str:
    head = '<?xml version="1.0"?>\n<sparql xmlns="http://www.w3.org/2005/sparql-results#">\n'
    if result.form == "ASK":
        return head + f"<head/><boolean>{'true' if result.boolean else 'false'}</boolean></sparql>\n"
    variables = "".join(f'<variable name="{v}"/>' for v in result.variables)
    rows = "".join("<result>" + "".join(f'<binding name="{v}">{xml_term(t)}</binding>' for v, t in row.items())
                   + "</result>\n" for row in result.rows)
    return head + f"<head>{variables}</head>\n<results>\n{rows}</results>\n</sparql>\n"


# ---------------------------------------------------------------- remote endpoints

def endpoint_url(url: str, path: str) -> str:
    """`http://host:7878` → `http://host:7878/<path>` (Oxigraph's layout); full URLs are kept."""
    from urllib.parse import urlsplit

    return url.rstrip("/") + path if urlsplit(url).path in ("", "/") else url


def run_remote(url: str, sparql: str) -> Result:
    """The same query through SPARQLWrapper against any SPARQL 1.1 endpoint."""
    from SPARQLWrapper import JSON, N3, SPARQLWrapper

    client = SPARQLWrapper(endpoint_url(url, "/query"))
    client.setQuery(sparql)
    client.setMethod("POST")
    form = catalogue.query_form(sparql)
    try:
        if form in ("CONSTRUCT", "DESCRIBE"):
            client.setReturnFormat(N3)
            client.addCustomHttpHeader("Accept", "application/n-triples")
            data = client.query().response.read()
            return Result("GRAPH", triples=list(ox.parse(data, format=ox.RdfFormat.N_TRIPLES)))
        client.setReturnFormat(JSON)
        return from_json(client.query().convert())
    except Exception as exc:  # urllib and SPARQLWrapper raise many kinds; one line for users
        raise QueryError(f"remote query to {url} failed: {type(exc).__name__}: {exc}".splitlines()[0]) from None


def from_json(data: dict) -> Result:
    if "boolean" in data:
        return Result("ASK", boolean=bool(data["boolean"]))
    variables = data["head"]["vars"]
    rows = [{v: term_from_json(b) for v, b in binding.items()} for binding in data["results"]["bindings"]]
    return Result("SELECT", variables, rows)


def term_from_json(binding: dict):
    if binding["type"] == "uri":
        return ox.NamedNode(binding["value"])
    if binding["type"] == "bnode":
        return ox.BlankNode(binding["value"])
    if "xml:lang" in binding:
        return ox.Literal(binding["value"], language=binding["xml:lang"])
    datatype = binding.get("datatype")
    return ox.Literal(binding["value"], datatype=ox.NamedNode(datatype)) if datatype else ox.Literal(binding["value"])


def push_graph(out: str | Path, url: str) -> tuple[int, int]:
    """PUT every named graph of the built store to a Graph Store Protocol endpoint."""
    store = open_store(Path(out))
    target = endpoint_url(url, "/store")
    graphs = sorted(store.named_graphs(), key=lambda g: g.value)
    triples = sum(put_graph(target, graph, store) for graph in graphs)
    return len(graphs), triples


def put_graph(target: str, graph: ox.NamedNode, store: ox.Store) -> int:
    from urllib.parse import quote
    from urllib.request import Request, urlopen

    triples = [ox.Triple(q.subject, q.predicate, q.object) for q in store.quads_for_pattern(None, None, None, graph)]
    body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    request = Request(f"{target}?graph={quote(graph.value, safe='')}", data=body, method="PUT",
                      headers={"Content-Type": "application/n-triples"})
    try:
        with urlopen(request, timeout=60) as response:
            response.read()
    except OSError as exc:
        raise QueryError(f"push of {graph.value} to {target} failed: {exc}") from None
    return len(triples)
