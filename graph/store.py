"""The embedded store (pyoxigraph) and the sorted, deterministic serialisations of it."""
from __future__ import annotations

import heapq
import io
import shutil
import tempfile
from pathlib import Path
from typing import Iterator

import pyoxigraph as ox

from polder.ontology import SYSTEM_FILES

from .iri import DEFAULT_BASE, PREFIXES

STORE_DIR = "store"


def system_graph_iri(name: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}graph/{name}"


def system_nquads(base: str = DEFAULT_BASE) -> dict[str, str]:
    """The ontology, reference data and topics, each as sorted N-Quads of its named graph."""
    out = {}
    for name, file in SYSTEM_FILES.items():
        graph = ox.NamedNode(system_graph_iri(name, base))
        triples = ox.parse(path=str(file), format=ox.RdfFormat.TURTLE)
        out[name] = "".join(sorted({f"{t.subject} {t.predicate} {t.object} {graph} .\n" for t in triples}))
    return out


class ConcatenatedFiles(io.RawIOBase):
    """Several files read as one stream, so that the store loads them in one bulk load."""

    def __init__(self, files: list[Path]):
        self.files = iter(files)
        self.current = None

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        while True:
            if self.current is None:
                path = next(self.files, None)
                if path is None:
                    return 0
                self.current = open(path, "rb")
            n = self.current.readinto(buffer)
            if n:
                return n
            self.current.close()
            self.current = None


LOAD_CHUNK_BYTES = 16_000_000  # oxigraph's bulk loader holds a whole call in memory: load in chunks


def load_store(path: Path, nquad_files: list[Path]) -> ox.Store:
    """A fresh store at `path` holding the quads of every file (which Polder wrote itself, so
    the loader may skip re-validating IRIs)."""
    if path.exists():
        shutil.rmtree(path)
    store = ox.Store(str(path))
    for chunk in chunks_by_size(nquad_files, LOAD_CHUNK_BYTES):
        stream = io.BufferedReader(ConcatenatedFiles(chunk), 1 << 20)
        store.bulk_load(input=stream, format=ox.RdfFormat.N_QUADS, lenient=True)
    store.flush()
    return store


def chunks_by_size(files: list[Path], limit: int) -> Iterator[list[Path]]:
    chunk, size = [], 0
    for file in files:
        if chunk and size + file.stat().st_size > limit:
            yield chunk
            chunk, size = [], 0
        chunk.append(file)
        size += file.stat().st_size
    if chunk:
        yield chunk


def open_store(out: Path, read_only: bool = True) -> ox.Store:
    path = Path(out) / STORE_DIR
    if not path.exists():
        from polder.extract.errors import PolderError
        raise PolderError(f"no built graph in {out} (run `polder build -o {out}` first)")
    return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))


# --- polder.trig and polder.ttl ------------------------------------------------------------
# Both are written from the per-graph N-Quads files, whose lines are sorted: graphs in IRI
# order and, inside each, lines in text order, which keeps every subject's triples together.
# Streaming from files keeps memory flat, and the work is done by oxigraph's parser and
# serialiser.

def graph_name(file: Path) -> str:
    """The named graph of a per-graph N-Quads file (its first line's last term)."""
    with open(file, encoding="utf-8") as stream:
        line = stream.readline()
    return _graph_term(line)[1:-1]


def _graph_term(line: str) -> str:
    """'<s> <p> <o> <g> .' → '<g>'."""
    body = line.rstrip("\n").removesuffix(" .")
    return body[body.rfind(" <") + 1:]


def write_trig(graph_files: list[Path], target: Path) -> None:
    ordered = sorted(graph_files, key=graph_name)
    quads = (q for f in ordered for q in ox.parse(path=str(f), format=ox.RdfFormat.N_QUADS))
    ox.serialize(quads, str(target), ox.RdfFormat.TRIG, prefixes=PREFIXES)


MERGE_FAN_IN = 256  # files merged at once; more are merged in rounds (open-file limits)


def union_lines(graph_files: list[Path], work: Path) -> Iterator[str]:
    """The distinct triples of all graphs as sorted N-Triples lines (a k-way merge)."""
    files, quads = list(graph_files), True
    while len(files) > MERGE_FAN_IN:
        files = [_merged_file(files[i:i + MERGE_FAN_IN], quads, work / f"merge-{len(files)}-{i}.nt")
                 for i in range(0, len(files), MERGE_FAN_IN)]
        quads = False
    yield from _merge(files, quads)


def _merge(files: list[Path], quads: bool) -> Iterator[str]:
    streams = [open(f, encoding="utf-8") for f in files]
    try:
        previous = None
        lines = ((_without_graph(line) for line in s) for s in streams) if quads else streams
        for line in heapq.merge(*lines):
            if line != previous:
                yield line
            previous = line
    finally:
        for stream in streams:
            stream.close()


def _merged_file(files: list[Path], quads: bool, target: Path) -> Path:
    with open(target, "w", encoding="utf-8") as out:
        out.writelines(_merge(files, quads))
    return target


def _without_graph(line: str) -> str:
    """'<s> <p> <o> <g> .' → '<s> <p> <o> .'"""
    body = line.rstrip("\n").removesuffix(" .")
    return body[: len(body) - len(_graph_term(line)) - 1] + " .\n"


def write_turtle(graph_files: list[Path], target: Path) -> None:
    with tempfile.TemporaryDirectory(dir=target.parent, prefix=".merge-") as work:
        union = Path(work) / "union.nt"
        with open(union, "w", encoding="utf-8") as out:
            out.writelines(union_lines(graph_files, Path(work)))
        triples = ox.parse(path=str(union), format=ox.RdfFormat.N_TRIPLES)
        ox.serialize(triples, str(target), ox.RdfFormat.TURTLE, prefixes=PREFIXES)
