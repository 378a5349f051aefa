"""Beyond one machine: push to a real Oxigraph server and run the saved queries there."""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from click.testing import CliRunner

from polder import queries
from polder.graph.cli import main
from polder.graph.query import push_graph, run_local, run_remote
from polder.graph.store import open_store

OXIGRAPH = shutil.which("oxigraph") or str(Path(sys.executable).with_name("oxigraph"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def oxigraph_server(tmp_path_factory):
    port = free_port()
    process = subprocess.Popen([OXIGRAPH, "serve", "--location", str(tmp_path_factory.mktemp("oxigraph")),
                                "--bind", f"127.0.0.1:{port}", "--union-default-graph"])
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(base + "/query?query=ASK%7B%7D", timeout=2).read()
            break
        except OSError:
            time.sleep(0.2)
    try:
        yield base
    finally:
        process.terminate()
        process.wait(10)


def as_set(result) -> set:
    if result.form == "GRAPH":
        return {str(t) for t in result.triples}
    if result.form == "ASK":
        return {result.boolean}
    return {tuple(sorted((k, str(v)) for k, v in row.items())) for row in result.rows}


@pytest.fixture(scope="module")
def pushed(built, oxigraph_server):
    graphs, triples = push_graph(built, oxigraph_server)
    return graphs, triples


def test_push_puts_one_graph_per_document(built, pushed, oxigraph_server):
    graphs, triples = pushed
    local = open_store(built)
    assert graphs == len(list(local.named_graphs())) and triples == len(local)
    remote = run_remote(oxigraph_server, "SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } }")
    assert {row["g"].value for row in remote.rows} == {g.value for g in local.named_graphs()}


def test_push_again_replaces_instead_of_adding(built, pushed, oxigraph_server):
    count = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    before = run_remote(oxigraph_server, count).rows[0]["n"].value
    push_graph(built, oxigraph_server)
    assert run_remote(oxigraph_server, count).rows[0]["n"].value == before == str(pushed[1])


@pytest.mark.parametrize("name", queries.names())
def test_saved_query_gives_the_same_answer_remotely(built, pushed, oxigraph_server, name):
    sparql = queries.get(name).bind()
    assert as_set(run_remote(oxigraph_server, sparql)) == as_set(run_local(built, sparql))


def test_cli_push_and_remote_query(built, oxigraph_server):
    runner = CliRunner()
    pushed = runner.invoke(main, ["push", "--endpoint", oxigraph_server + "/store", "-g", str(built)])
    assert pushed.exit_code == 0 and "pushed" in pushed.output
    answer = runner.invoke(main, ["query", "documents-by-kind", "--endpoint", oxigraph_server, "-f", "csv"])
    local = runner.invoke(main, ["query", "documents-by-kind", "-g", str(built), "-f", "csv"])
    assert answer.exit_code == 0 and sorted(answer.output.splitlines()) == sorted(local.output.splitlines())
