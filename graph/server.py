"""`polder serve`: a read-only SPARQL 1.1 Protocol endpoint with Polder's own pages.

Queries run in worker processes that each hold the store open read-only; a query past
the time limit has its worker killed and replaced, so the server keeps serving. Routes:
``/sparql`` (GET/POST), ``/`` (offline query editor), ``/queries`` and
``/queries/<name>``, ``/queries.json``, ``/entity?iri=…``, ``/web/<file>``.
"""
from __future__ import annotations

import html
import json
import multiprocessing
import queue
import re
import signal
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Callable
from urllib.parse import parse_qs, quote, urlsplit

from polder import queries as catalogue

WEB = Path(__file__).resolve().parent / "web"
RESULT_TYPES = {  # format → media type, in order of preference for SELECT/ASK and for graphs
    "json": "application/sparql-results+json", "xml": "application/sparql-results+xml",
    "csv": "text/csv", "tsv": "text/tab-separated-values",
    "ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json",
}
ALIASES = {"application/json": "json", "application/xml": "xml", "text/xml": "xml",
           "text/plain": "nt", "application/x-turtle": "ttl"}
TABLE_FORMATS = ("json", "xml", "csv", "tsv")
GRAPH_FORMATS = ("ttl", "nt", "jsonld")
UPDATE_WORDS = re.compile(r"^\s*((PREFIX|BASE)\s[^\n]*\s*)*(INSERT|DELETE|LOAD|CLEAR|DROP|CREATE|ADD|MOVE|COPY|WITH)\b",
                          re.IGNORECASE)


@dataclass
class ServerSettings:
    out: Path
    timeout: float = 10.0
    max_rows: int = 10_000
    allow_service: bool = False
    workers: int = 2
    memory: bool = False  # each worker queries a copy of the store in memory


@dataclass
class Answer:
    status: int
    content_type: str
    body: bytes


def error(status: int, message: str) -> Answer:
    return Answer(status, "text/plain; charset=utf-8", (message + "\n").encode("utf-8"))


# ---------------------------------------------------------------- content negotiation

def wanted_formats(accept: str) -> list[str]:
    """Formats named in an Accept header, by descending q (then order of appearance)."""
    ranked = []
    for position, part in enumerate(accept.split(",")):
        media, *params = [p.strip() for p in part.split(";")]
        q = next((float(p[2:]) for p in params if p.startswith("q=") and p[2:].replace(".", "", 1).isdigit()), 1.0)
        ranked.append((-q, position, media.lower()))
    by_type = {v: k for k, v in RESULT_TYPES.items()} | ALIASES
    return [by_type[m] for _, _, m in sorted(ranked) if m in by_type]


def choose_format(accept: str, form: str, explicit: str | None = None) -> str:
    allowed = GRAPH_FORMATS if form == "GRAPH" else TABLE_FORMATS
    if explicit in allowed:
        return explicit
    return next((f for f in wanted_formats(accept or "") if f in allowed), allowed[0])


# ---------------------------------------------------------------- worker processes

def uses_service(sparql: str) -> bool:
    """SERVICE as a keyword, not inside a string, IRI or comment."""
    stripped = re.sub(r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(\\.|[^"\\])*"|\'(\\.|[^\'\\])*\'|<[^<>\s]*>|#[^\n]*',
                      " ", sparql)
    return re.search(r"\bSERVICE\b", stripped, re.IGNORECASE) is not None


def execute(store, sparql: str, accept: str, explicit: str | None, max_rows: int) -> Answer:
    from .query import QueryError, TooManyResults, run_on_store, write

    try:
        result = run_on_store(store, sparql, max_rows)
    except TooManyResults as exc:
        return error(413, f"Result too large: {exc}")
    except QueryError as exc:
        if UPDATE_WORDS.match(sparql):
            return error(403, "This endpoint is read-only: SPARQL UPDATE is refused.")
        return error(400, f"Bad query: {exc}")
    except OSError as exc:  # e.g. a SERVICE endpoint that cannot be reached
        return error(502, f"Query failed: {exc}")
    fmt = choose_format(accept, result.form, explicit)
    return Answer(200, RESULT_TYPES[fmt] + "; charset=utf-8", write(result, fmt).encode("utf-8"))


def worker_main(out: str, max_rows: int, memory: bool, connection) -> None:
    from .store import open_store

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C reaches the whole group; the server stops us
    store = open_store(Path(out), memory=memory)
    connection.send("ready")
    while True:
        try:
            job = connection.recv()
        except EOFError:  # the server is gone
            return
        if job is None:
            return
        answer = execute(store, *job, max_rows)
        connection.send((answer.status, answer.content_type, answer.body))


class Worker:
    def __init__(self, settings: ServerSettings):
        context = multiprocessing.get_context("spawn")
        self.connection, child = context.Pipe()
        self.process = context.Process(target=worker_main, daemon=True,
                                       args=(str(settings.out), settings.max_rows, settings.memory, child))
        self.process.start()
        self.ready = False

    def wait_ready(self) -> None:
        """Wait until the worker has opened the store (which takes seconds with --memory):
        the time limit counts from there."""
        if not self.ready:
            try:
                self.connection.recv()
            except EOFError:
                from polder.extract.errors import PolderError
                raise PolderError("a query worker stopped while opening the graph "
                                  "(with --memory: is there enough memory for a copy per worker?)") from None
            self.ready = True

    def stop(self) -> None:
        self.process.kill()
        self.process.join(5)


class WorkerPool:
    """Runs each query in an idle worker; a worker past the time limit is replaced."""

    def __init__(self, settings: ServerSettings):
        self.settings = settings
        self.idle: queue.Queue[Worker] = queue.Queue()
        workers = [Worker(settings) for _ in range(max(1, settings.workers))]
        for worker in workers:
            worker.wait_ready()
            self.idle.put(worker)

    def run(self, sparql: str, accept: str = "", explicit: str | None = None) -> Answer:
        if not self.settings.allow_service and uses_service(sparql):
            return error(403, "Federated queries (SERVICE) are disabled on this endpoint "
                              "(start it with --allow-service to allow them).")
        worker = self.idle.get()
        try:
            worker.wait_ready()
            worker.connection.send((sparql, accept, explicit))
            if worker.connection.poll(self.settings.timeout):
                status, content_type, body = worker.connection.recv()
                self.idle.put(worker)
                return Answer(status, content_type, body)
        except (EOFError, OSError):
            pass
        worker.stop()
        self.idle.put(Worker(self.settings))
        return error(503, f"Query stopped: it ran longer than the time limit of {self.settings.timeout:g} s.")

    def close(self) -> None:
        while not self.idle.empty():
            self.idle.get().stop()


# ---------------------------------------------------------------- pages

def page(title: str, body: str) -> Answer:
    text = (f"<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>{html.escape(title)}</title>"
            f"<link rel=\"stylesheet\" href=\"/web/polder.css\"></head><body>"
            f"<nav><a href=\"/\">Query editor</a> · <a href=\"/queries\">Saved queries</a></nav>"
            f"<h1>{html.escape(title)}</h1>{body}</body></html>")
    return Answer(200, "text/html; charset=utf-8", text.encode("utf-8"))


def term_html(binding: dict | None) -> str:
    if binding is None:
        return ""
    value = html.escape(binding["value"])
    if binding["type"] == "uri":
        return f'<a href="/entity?iri={quote(binding["value"], safe="")}">{value}</a>'
    return value


def table_html(data: dict) -> str:
    variables = data["head"]["vars"]
    head = "".join(f"<th>{html.escape(v)}</th>" for v in variables)
    rows = "".join("<tr>" + "".join(f"<td>{term_html(b.get(v))}</td>" for v in variables) + "</tr>"
                   for b in data["results"]["bindings"])
    return f'<table class="results"><thead><tr>{head}</tr></thead><tbody>{rows}</tbody></table>' \
           f'<p class="count">{len(data["results"]["bindings"])} rows</p>'


def catalogue_json() -> Answer:
    items = [{"name": q.name, "title": q.title, "description": q.description, "sparql": q.sparql,
              "params": [{"name": p.name, "default": p.default, "note": p.note} for p in q.params]}
             for q in catalogue.catalogue().values()]
    return Answer(200, "application/json", json.dumps(items, ensure_ascii=False).encode("utf-8"))


def queries_page() -> Answer:
    items = "".join(f'<li><a href="/queries/{quote(q.name)}">{html.escape(q.title)}</a> '
                    f'<code>{html.escape(q.name)}</code>{graph_link(q)}<br><small>{html.escape(q.description)}</small></li>'
                    for q in catalogue.catalogue().values())
    return page("Saved queries", f"<ul class=\"queries\">{items}</ul>")


def graph_link(saved) -> str:
    """A CONSTRUCT query's result can be looked at as a network."""
    if saved.form != "CONSTRUCT":
        return ""
    return f' · <a href="/graph?query={quote(saved.name)}">show as graph</a>'


ENTITY_FACTS = "SELECT DISTINCT ?p ?o WHERE {{ {iri} ?p ?o }} ORDER BY ?p ?o"
ENTITY_INCOMING = ("SELECT DISTINCT ?s ?p WHERE {{ ?s ?p {iri} FILTER(?p NOT IN (<https://w3id.org/polder/def#mentionOf>)) }} "
                   "ORDER BY ?p ?s")
ENTITY_MENTIONS = ("PREFIX polder: <https://w3id.org/polder/def#> SELECT ?document ?start ?end ?quote WHERE {{ "
                   "?m polder:mentionOf {iri} ; polder:inDocument ?document ; polder:start ?start ; "
                   "polder:end ?end ; polder:quote ?quote }} ORDER BY ?document ?start")


# ---------------------------------------------------------------- HTTP

class Handler(BaseHTTPRequestHandler):
    server_version = "PolderSPARQL/0.1"
    pool: WorkerPool  # set on the class made by `make_server`

    def do_GET(self):
        url = urlsplit(self.path)
        self.respond(self.route(url.path, parse_qs(url.query), None))

    def do_POST(self):
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        self.respond(self.route(url.path, parse_qs(url.query), body))

    def route(self, path: str, args: dict, body: bytes | None) -> Answer:
        if path in ("/sparql", "/query"):
            return self.sparql(args, body)
        if path == "/":
            return static("index.html")
        if path.startswith("/web/"):
            return static(path.removeprefix("/web/"))
        if path == "/queries.json":
            return catalogue_json()
        if path == "/queries":
            return queries_page()
        if path.startswith("/queries/"):
            return self.saved_query(path.removeprefix("/queries/"), args)
        if path == "/entity":
            return self.entity(first(args, "iri"))
        if path == "/graph":
            return self.graph_view(args)
        return error(404, f"Not found: {path}")

    def sparql(self, args: dict, body: bytes | None) -> Answer:
        content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
        if body is not None and content_type == "application/x-www-form-urlencoded":
            args = {**args, **parse_qs(body.decode("utf-8"))}
        if content_type == "application/sparql-update" or "update" in args:
            return error(403, "This endpoint is read-only: SPARQL UPDATE is refused.")
        sparql = body.decode("utf-8") if content_type == "application/sparql-query" else first(args, "query")
        if not sparql:
            return error(400, "Missing query: pass ?query=… or POST a SPARQL query.")
        return self.pool.run(sparql, self.headers.get("Accept", ""), first(args, "format"))

    def saved_query(self, name: str, args: dict) -> Answer:
        saved = catalogue.catalogue().get(name)
        if saved is None:
            return error(404, f"No saved query named {name!r}; see /queries")
        params = {p.name: first(args, p.name) for p in saved.params if first(args, p.name)}
        try:
            sparql = saved.bind(**params)
        except catalogue.BadParameter as exc:
            return error(400, str(exc))
        explicit = first(args, "format")
        if explicit or saved.form in ("CONSTRUCT", "DESCRIBE"):
            return self.pool.run(sparql, self.headers.get("Accept", ""), explicit)
        answer = self.pool.run(sparql, "application/sparql-results+json")
        if answer.status != 200:
            return answer
        description = f"<p>{html.escape(saved.description)}</p><pre>{html.escape(sparql)}</pre>"
        return page(saved.title, description + table_html(json.loads(answer.body)))

    def graph_view(self, args: dict) -> Answer:
        """The pyvis view of `polder viz`: /graph, /graph?focus=Arbowet&depth=2, /graph?query=NAME."""
        from polder.extract.errors import PolderError

        from .viz import render_view

        name = first(args, "query")
        if name is not None and name not in catalogue.catalogue():
            return error(404, f"No saved query named {name!r}; see /queries")
        depth = first(args, "depth") or "2"
        if not depth.isdigit() or not 0 < int(depth) <= 5:
            return error(400, "depth must be a whole number from 1 to 5")
        try:
            view = render_view(self.pool.settings.out, focus=first(args, "focus"), depth=int(depth), query=name)
        except PolderError as exc:
            return error(400, str(exc))
        return Answer(200, "text/html; charset=utf-8", view.encode("utf-8"))

    def entity(self, iri: str | None) -> Answer:
        from .query import QueryError
        from polder.queries import to_term

        try:
            term = str(to_term(iri or "", "iri", "iri"))
        except (catalogue.BadParameter, QueryError):
            return error(400, f"Not an IRI: {iri!r}")
        sections = []
        for heading, template in (("Facts", ENTITY_FACTS), ("Pointing here", ENTITY_INCOMING),
                                  ("Mentions", ENTITY_MENTIONS)):
            answer = self.pool.run(template.format(iri=term), "application/sparql-results+json")
            if answer.status != 200:
                return answer
            sections.append(f"<h2>{heading}</h2>" + table_html(json.loads(answer.body)))
        graph = f'<p><a href="/graph?focus={quote(iri)}">show as graph</a></p>'
        return page(iri, graph + "".join(sections))

    def respond(self, answer: Answer) -> None:
        self.send_response(answer.status)
        self.send_header("Content-Type", answer.content_type)
        self.send_header("Content-Length", str(len(answer.body)))
        self.send_header("Cache-Control", "no-store")
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(answer.body)

    def log_message(self, format, *args):  # quiet by default; errors still go to stderr
        pass


def first(args: dict, key: str) -> str | None:
    values = args.get(key)
    return values[0] if values else None


STATIC_TYPES = {".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8",
                ".css": "text/css; charset=utf-8"}


def static(name: str) -> Answer:
    path = (WEB / name).resolve()
    if path.parent != WEB or not path.is_file() or path.suffix not in STATIC_TYPES:
        return error(404, f"Not found: {name}")
    return Answer(200, STATIC_TYPES[path.suffix], path.read_bytes())


class PolderHTTPServer(ThreadingHTTPServer):
    daemon_threads = True
    request_queue_size = 128  # the default 5 resets connections under a burst of clients


def make_server(settings: ServerSettings, host: str = "127.0.0.1", port: int = 7878) -> ThreadingHTTPServer:
    from .store import open_store

    open_store(settings.out)  # fail early, with Polder's message, when nothing is built
    handler = type("PolderHandler", (Handler,), {"pool": WorkerPool(settings)})
    return PolderHTTPServer((host, port), handler)


def stop_on_signal(signum, frame) -> None:
    raise KeyboardInterrupt


def serve_forever(settings: ServerSettings, host: str = "127.0.0.1", port: int = 7878,
                  ready: Callable[[], None] | None = None) -> None:
    server = make_server(settings, host, port)
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, stop_on_signal)  # `kill` stops the server as Ctrl-C does
    if ready:
        ready()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.RequestHandlerClass.pool.close()
        server.server_close()
