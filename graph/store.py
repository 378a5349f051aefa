"""The embedded store (pyoxigraph): the system graphs, bulk loading, opening a built graph."""
from __future__ import annotations

import io
import json
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from polder.ontology import SYSTEM_FILES

from .iri import DEFAULT_BASE
from .parts import trig_stream_head

STORE_DIR = "store"
# `polder serve` copies a graph into memory unless told otherwise when the copies of all its
# workers take at most this share of the memory available. A copy of 0.78 M quads, with the
# merged default graph, peaked at 800 MB per million while loading: 900 bytes a triple.
MEMORY_SHARE = 0.25
BYTES_PER_TRIPLE_IN_MEMORY = 900


def system_graph_iri(name: str, base: str = DEFAULT_BASE) -> str:
    return f"{base}graph/{name}"


def system_triples() -> dict[str, set[str]]:
    """The ontology, reference data and topics, each as the N-Triples lines (without the
    closing " .") of its named graph, what `parts.graph_parts` takes."""
    return {name: {f"{t.subject} {t.predicate} {t.object}" for t in ox.parse(path=str(file), format=ox.RdfFormat.TURTLE)}
            for name, file in SYSTEM_FILES.items()}


class ConcatenatedFiles(io.RawIOBase):
    """`head`, then several files, read as one stream, so that the store loads them in one
    bulk load."""

    def __init__(self, files: list[Path], head: bytes = b""):
        self.files = iter(files)
        self.current = io.BytesIO(head) if head else None

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
LOADER_THREADS = 2  # two chunks load side by side into the one store


def in_chunks(files: list[Path], limit: int | None = None) -> list[list[Path]]:
    """The files in runs of about `limit` (LOAD_CHUNK_BYTES) bytes, in order: one bulk load each."""
    limit = LOAD_CHUNK_BYTES if limit is None else limit
    chunks: list[list[Path]] = [[]]
    size = 0
    for file in files:
        if size >= limit:
            chunks.append([])
            size = 0
        chunks[-1].append(file)
        size += file.stat().st_size
    return [chunk for chunk in chunks if chunk]


class StoreLoader:
    """Fills a fresh store from the graphs' TriG blocks (graph/parts.py), in chunks, on
    threads of its own (oxigraph releases the GIL while it loads).

    The blocks are collected while the documents are extracted and loaded only once
    extraction is done (`start`), beside resolution and the exports. On two cores, loading
    during extraction cost more than it overlapped: at 10,000 documents the build used 707
    CPU-s and took 371 s that way, against 571 CPU-s and 304 s loading after; each part
    costs less when it does not share the cores and their caches with the other."""

    def __init__(self, path: Path):
        if path.exists():
            shutil.rmtree(path)
        self.store = ox.Store(str(path))
        self.pool = ThreadPoolExecutor(LOADER_THREADS, thread_name_prefix="polder-store")
        self.files: list[Path] = []
        self.loads: list[Future] = []

    def add(self, file: Path) -> None:
        self.files.append(file)

    def start(self) -> None:
        """Load what was added so far; what is added later is loaded by `finish`."""
        for chunk in in_chunks(self.files):
            self.loads.append(self.pool.submit(self._load, chunk))
        self.files = []

    def finish(self) -> ox.Store:
        """Wait for every load (a failed one raises here) and return the flushed store."""
        self.start()
        try:
            for load in self.loads:
                load.result()
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
        store, self.store = self.store, None  # the caller's reference is the last: closing it frees the lock
        store.flush()
        return store

    def abandon(self) -> None:
        """Stop after the chunks being loaded (the build failed; the store is thrown away)."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.store = None

    def _load(self, files: list[Path]) -> None:
        load_blocks(self.store, files)


def load_blocks(store: ox.Store, files: list[Path]) -> None:
    """Bulk-load graphs' TriG blocks (graph/parts.py) as one TriG document."""
    stream = io.BufferedReader(ConcatenatedFiles(files, trig_stream_head()), 1 << 20)
    # Polder wrote these files itself, so the loader may skip re-validating IRIs.
    store.bulk_load(input=stream, format=ox.RdfFormat.TRIG, lenient=True)


def open_store(out: Path, read_only: bool = True, memory: bool = False) -> ox.Store:
    """The built store; with `memory`, a copy of it in memory (see `in_memory`)."""
    path = Path(out) / STORE_DIR
    if not path.exists():
        from polder.extract.errors import PolderError
        raise PolderError(f"no built graph in {out} (run `polder build -o {out}` first)")
    store = ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
    if not memory:
        return store
    export = whole_export(Path(out))
    return in_memory(store, export, whole_export(Path(out), "polder.ttl") if export else None)


def whole_export(out: Path, name: str = "polder.trig") -> Path | None:
    """The build's export `name` when it is the one its manifest names (by sha256), else None."""
    from polder.extract.reader import file_sha256

    export = out / name
    try:
        expected = json.loads((out / "manifest.json").read_text(encoding="utf-8"))["files"][name]
        return export if file_sha256(export) == expected else None
    except (OSError, ValueError, KeyError, TypeError):
        return None


def union_default(store: ox.Store) -> bool:
    """Whether a query's default graph must be the union of the named graphs (a store as
    built: its default graph is empty) or is the store's own default graph (a memory copy,
    which holds the merge there)."""
    return next(iter(store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is None


def small_enough_for_memory(out: Path, copies: int = 1, available: int | None = None) -> bool:
    """Whether `copies` in-memory copies of the built graph (by its manifest's triple count)
    fit in MEMORY_SHARE of the `available` memory (default: what the system says is available)."""
    try:
        triples = json.loads((Path(out) / "manifest.json").read_text(encoding="utf-8"))["triples"]
    except (OSError, ValueError, KeyError):
        return False  # unknown size: the disk store is always safe
    available = available_memory() if available is None else available
    return triples * BYTES_PER_TRIPLE_IN_MEMORY * copies <= MEMORY_SHARE * available


def available_memory() -> int:
    """Bytes of memory available (Linux's MemAvailable); 0 where it cannot be read."""
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemAvailable:"):
                return int(line.split()[1]) * 1024
    except (OSError, ValueError, IndexError):
        pass
    return 0


def in_memory(store: ox.Store, export: Path | None = None, merged: Path | None = None) -> ox.Store:
    """A copy of the store in memory. Lookup-heavy queries run there 3–12× faster than on
    RocksDB (bench/query_bench.py), at about 0.5 GB of memory and some seconds of loading per
    million triples: worth it for a long-running server or notebook, not for one query.

    With `export` (the build's polder.trig), the graphs it holds are parsed from it, which
    takes about 2 s per million quads against 5 s for reading them out of RocksDB; only the
    graphs that the store alone keeps (the entailments) are copied from the store.

    The copy's default graph holds the RDF merge of all its graphs, every triple once, and
    queries on it read that (`union_default`): pyoxigraph 0.5 matches the union of named
    graphs quad by quad, so a label that ten documents restate would match ten times
    (oxigraph#1919). The merge costs a second copy of the triples; with `merged` (the build's
    polder.ttl, the merge of the exported graphs) it is parsed from there."""
    copy = ox.Store()
    if export is None:
        copy.bulk_extend(store.quads_for_pattern(None, None, None, None))
        copy.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())  # a graph is a set:
                         for q in store.quads_for_pattern(None, None, None, None))     # repeats fall away
        return copy
    copy.bulk_load(path=str(export), format=ox.RdfFormat.TRIG, lenient=True)
    exported = set(copy.named_graphs())
    own = [graph for graph in store.named_graphs() if graph not in exported]  # the entailments
    for graph in own:
        copy.bulk_extend(store.quads_for_pattern(None, None, None, graph))
    if merged is not None:
        copy.bulk_load(path=str(merged), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph(), lenient=True)
        sources = own
    else:
        sources = [*exported, *own]
    for graph in sources:
        copy.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph())
                         for q in store.quads_for_pattern(None, None, None, graph))
    return copy
