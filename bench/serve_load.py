"""Load test of `polder serve` over the SPARQL 1.1 protocol on loopback.

    python bench/serve_load.py -g OUT [--clients 20] [--seconds 60] [--port 7979]

Starts `polder serve -g OUT`, waits until /sparql answers, then runs the saved queries
(queries/*.rq with their default parameters) from CLIENTS threads for SECONDS and prints
throughput, p50/p99 latency and the errors.
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

from polder import queries


def saved_queries() -> list[str]:
    return [q.bind() for q in queries.catalogue().values()]


def ask(url: str, sparql: str, timeout: float = 30) -> None:
    body = urllib.parse.urlencode({"query": sparql}).encode()
    request = urllib.request.Request(url, data=body, headers={
        "Content-Type": "application/x-www-form-urlencoded", "Accept": "application/sparql-results+json, text/turtle;q=0.9"})
    with urllib.request.urlopen(request, timeout=timeout) as response:
        body = response.read()
        if "json" in response.headers.get("Content-Type", ""):  # CONSTRUCT answers in Turtle
            json.loads(body)


def start_server(graph: Path, port: int) -> subprocess.Popen:
    polder = Path(sys.executable).with_name("polder")
    server = subprocess.Popen([str(polder), "serve", "-g", str(graph), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/sparql"
    for _ in range(300):
        try:
            ask(url, "ASK { ?s ?p ?o }", timeout=2)
            return server
        except (urllib.error.URLError, ConnectionError, OSError):
            if server.poll() is not None:
                sys.exit(f"polder serve stopped: {server.stderr.read().decode()[-500:]}")
            time.sleep(0.2)
    server.kill()
    sys.exit("polder serve did not answer within 60 s")


def client(url: str, sparqls: list[str], until: float, offset: int, latencies: list, errors: list) -> None:
    i = offset
    while time.perf_counter() < until:
        sparql = sparqls[i % len(sparqls)]
        started = time.perf_counter()
        try:
            ask(url, sparql)
            latencies.append(time.perf_counter() - started)
        except Exception as exc:  # every failure counts, whatever its kind
            errors.append(f"{type(exc).__name__}: {exc}")
        i += 1


def run(url: str, clients: int, seconds: float) -> dict:
    sparqls, latencies, errors = saved_queries(), [], []
    until = time.perf_counter() + seconds
    threads = [threading.Thread(target=client, args=(url, sparqls, until, n, latencies, errors)) for n in range(clients)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    ordered = sorted(latencies) or [0.0]
    return {"clients": clients, "seconds": seconds, "queries": len(sparqls), "requests": len(latencies),
            "throughput/s": round(len(latencies) / seconds, 1),
            "p50 ms": round(1000 * statistics.median(ordered), 1),
            "p99 ms": round(1000 * ordered[min(len(ordered) - 1, int(0.99 * len(ordered)))], 1),
            "errors": len(errors), "first errors": sorted(set(errors))[:5]}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-g", "--graph", type=Path, default=Path("out"))
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--port", type=int, default=7979)
    args = parser.parse_args()
    server = start_server(args.graph, args.port)
    try:
        print(json.dumps(run(f"http://127.0.0.1:{args.port}/sparql", args.clients, args.seconds)))
    finally:
        server.terminate()
        server.wait(timeout=10)


if __name__ == "__main__":
    main()
