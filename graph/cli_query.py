"""Commands for analysts: queries, query, serve, push, reason."""
from __future__ import annotations

from pathlib import Path

import click

from .cli import graph_option

FORMAT_CHOICE = click.Choice(["table", "csv", "tsv", "json", "xml", "ttl", "nt", "jsonld"])


def parse_params(pairs: tuple[str, ...]) -> dict[str, str]:
    params = {}
    for pair in pairs:
        if "=" not in pair:
            raise click.BadParameter(f"{pair!r} is not NAME=VALUE", param_hint="--param")
        name, value = pair.split("=", 1)
        params[name.strip()] = value.strip()
    return params


@click.command("queries")
def list_queries():
    """List the saved queries: name and title.

    \b
    Example:
      polder queries
    """
    from polder import queries

    catalogue = queries.catalogue()
    width = max(len(name) for name in catalogue)
    for name, saved in catalogue.items():
        params = " ".join(f"--param {p.name}=…" for p in saved.params)
        click.echo(f"{name.ljust(width)}  {saved.title}" + (f"   [{params}]" if params else ""))


@click.command("query")
@click.argument("name_or_file", required=False)
@click.option("--sparql", help="An inline SPARQL query instead of NAME|FILE.")
@click.option("-p", "--param", "params", multiple=True, metavar="NAME=VALUE",
              help="A parameter of the saved query (repeatable).")
@click.option("-f", "--format", "fmt", type=FORMAT_CHOICE, default="table", show_default=True,
              help="Result format (ttl/nt/jsonld for CONSTRUCT and DESCRIBE).")
@click.option("--endpoint", metavar="URL", help="Run against a remote SPARQL endpoint instead of -g.")
@graph_option
def query(name_or_file, sparql, params, fmt, endpoint, graph_dir):
    """Run a saved query (by NAME), an .rq FILE, or --sparql TEXT.

    \b
    Example:
      polder query recommendations-citing-provision -g out \\
        --param provision=https://w3id.org/polder/id/law/arbowet/artikel-4
      polder query --sparql 'SELECT * WHERE { ?s ?p ?o } LIMIT 5' -f csv
    """
    from .query import resolve_query, run_local, run_remote, write

    if bool(name_or_file) == bool(sparql):
        raise click.UsageError("give either NAME|FILE or --sparql TEXT")
    text = resolve_query(name_or_file or sparql, parse_params(params))
    result = run_remote(endpoint, text) if endpoint else run_local(graph_dir, text)
    click.echo(write(result, fmt), nl=False)


@click.command("serve")
@graph_option
@click.option("--host", default="127.0.0.1", show_default=True, help="Address to bind to.")
@click.option("--port", default=7878, show_default=True, help="Port to listen on.")
@click.option("--timeout", default=10.0, show_default=True, help="Time limit per query, in seconds.")
@click.option("--max-rows", default=10_000, show_default=True, help="Most rows (or triples) a result may have.")
@click.option("--allow-service", is_flag=True, help="Allow federated queries (SERVICE).")
@click.option("--workers", default=2, show_default=True, help="Query worker processes.")
@click.option("--memory/--disk", default=None,
              help="Query a copy of the store in memory (lookup-heavy queries run 3-12x faster, at about "
                   "0.5 GB per million triples per worker and some seconds per million to start) or the "
                   "store on disk. Default: memory when the workers' copies fit in a quarter of the "
                   "memory available.")
def serve(graph_dir, host, port, timeout, max_rows, allow_service, workers, memory):
    """Serve the graph: SPARQL endpoint at /sparql, query editor at /, saved queries at
    /queries, entity pages at /entity?iri=… (read-only).

    \b
    Example:
      polder serve -g out --port 7878
    """
    from .server import ServerSettings, serve_forever
    from .store import small_enough_for_memory

    if memory is None:
        memory = small_enough_for_memory(graph_dir, copies=workers)
    settings = ServerSettings(Path(graph_dir), timeout, max_rows, allow_service, workers, memory)
    if memory:
        click.echo(f"loading {graph_dir} into memory ({workers} worker(s)) ...")
    serve_forever(settings, host, port, ready=lambda: click.echo(
        f"serving {graph_dir} at http://{host}:{port}/ (SPARQL at /sparql); Ctrl-C stops"))


@click.command("push")
@click.option("--endpoint", required=True, metavar="URL",
              help="Graph Store Protocol URL (e.g. http://host:7878/store; a bare host gets /store).")
@graph_option
def push(endpoint, graph_dir):
    """Load the graph into an external SPARQL 1.1 store, one named graph per document
    (each replacing what was there).

    \b
    Example:
      polder push --endpoint http://127.0.0.1:7878 -g out
    """
    from .query import push_graph

    count, triples = push_graph(graph_dir, endpoint)
    click.echo(f"pushed {count} graphs ({triples} triples) to {endpoint}")


@click.command("reason")
@graph_option
@click.option("--mode", type=click.Choice(["none", "rdfs", "owlrl"]), default="rdfs", show_default=True,
              help="rdfs: fast SPARQL rules; owlrl: OWL RL closure of the entity layer.")
def reason(graph_dir, mode):
    """Materialise entailments into the graph …/graph/entailed of a built store.

    \b
    Example:
      polder reason -g out --mode rdfs
    """
    from .reason import materialise

    added, seconds = materialise(graph_dir, mode)
    click.echo(f"reasoning ({mode}): {added} entailed triples in {seconds:.2f} s")


COMMANDS = [list_queries, query, serve, push, reason]
