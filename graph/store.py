"""The embedded store (pyoxigraph): the system graphs, bulk loading, opening a built graph."""
from __future__ import annotations

import io
import shutil
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import pyoxigraph as ox

from polder.ontology import SYSTEM_FILES

from .iri import DEFAULT_BASE
from .parts import trig_stream_head

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
LOADER_THREADS = 2  # one bulk load runs on one core; two chunks load side by side into the one store


class BackgroundLoader:
    """Fills a fresh store from the graphs' TriG blocks (graph/parts.py) on threads of its own, in chunks,
    while the caller goes on writing the next files: oxigraph releases the GIL while it
    loads, so the loading overlaps the graph and export work instead of following it."""

    def __init__(self, path: Path):
        if path.exists():
            shutil.rmtree(path)
        self.store = ox.Store(str(path))
        self.pool = ThreadPoolExecutor(LOADER_THREADS, thread_name_prefix="polder-store")
        self.pending: list[Path] = []
        self.pending_bytes = 0
        self.loads: list[Future] = []

    def add(self, file: Path) -> None:
        self.pending.append(file)
        self.pending_bytes += file.stat().st_size
        if self.pending_bytes >= LOAD_CHUNK_BYTES:
            self._submit()

    def finish(self) -> ox.Store:
        """Wait for every load (a failed one raises here) and return the flushed store."""
        self._submit()
        try:
            for load in self.loads:
                load.result()
        finally:
            self.pool.shutdown(wait=True, cancel_futures=True)
        store, self.store = self.store, None  # the caller's reference is the last: closing it frees the lock
        store.flush()
        return store

    def abandon(self) -> None:
        """Stop after the chunk being loaded (the build failed; the store is thrown away)."""
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.store = None

    def _submit(self) -> None:
        if self.pending:
            self.loads.append(self.pool.submit(self._load, self.pending))
        self.pending, self.pending_bytes = [], 0

    def _load(self, files: list[Path]) -> None:
        load_blocks(self.store, files)


def load_blocks(store: ox.Store, files: list[Path]) -> None:
    """Bulk-load graphs' TriG blocks (graph/parts.py) as one TriG document."""
    stream = io.BufferedReader(ConcatenatedFiles(files, trig_stream_head()), 1 << 20)
    # Polder wrote these files itself, so the loader may skip re-validating IRIs.
    store.bulk_load(input=stream, format=ox.RdfFormat.TRIG, lenient=True)


def open_store(out: Path, read_only: bool = True) -> ox.Store:
    path = Path(out) / STORE_DIR
    if not path.exists():
        from polder.extract.errors import PolderError
        raise PolderError(f"no built graph in {out} (run `polder build -o {out}` first)")
    return ox.Store.read_only(str(path)) if read_only else ox.Store(str(path))
