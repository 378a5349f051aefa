"""`polder build`, `polder add`, `polder remove`: documents in, the store and sorted TriG/Turtle out.

read → clean → extract (per kind, in parallel) → resolve entities → one named graph per
document → store → files. OUT holds the graph and what an incremental update needs:

    extractions/<stem>.pickle   each document's facts before resolution
    resolution.pickle           the entity-resolution index the graphs were made with
    docs/<stem>.trig            each document's named graph: its block of polder.trig
    docs/<stem>.{ttl,nt}        its other parts of the exports (graph/parts.py)
    system/<name>.*             the same for the ontology, reference data, topics, law links
    store/                      the pyoxigraph store, loaded from the graphs once all are written
    polder.trig, polder.ttl     the exports, joined from the parts
    manifest.json               per document its kind, sha256 and source; the exports' hashes

Every run writes a complete new OUT in a staging folder beside it and swaps it in with one
atomic rename, so a run killed at any moment leaves the previous graph intact. `add` and
`remove` re-extract only the files given and reload only the named graphs that changed.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import multiprocessing
import os
import pickle
import shutil
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

import pyoxigraph as ox

from polder.extract.errors import PolderError
from polder.extract.model import Extraction
from polder.extract.pipeline import NothingRecognised, extract
from polder.extract.reader import file_sha256, iter_paths, read_document

from . import resolve
from .build import document_parts
from .iri import DEFAULT_BASE, document_key, instance, key_of, slug_stem
from .links import law_link_triples
from .reason import load_entailed, materialise, rdfs_refresh
from .parts import Exports, graph_parts, has_parts, join_exports, unlink_parts, write_parts
from .store import StoreLoader, load_blocks, system_graph_iri, system_triples

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MANIFEST = "manifest.json"
EXTRACTIONS = "extractions"
DOCS = "docs"
STORE = "store"
SYSTEM = "system"
RESOLUTION = "resolution.pickle"
EXPORTS = ("polder.trig", "polder.ttl")
OWNED = {MANIFEST, EXTRACTIONS, DOCS, SYSTEM, STORE, RESOLUTION, *EXPORTS}
DEFAULT_MAX_MB = 50
SEQUENTIAL_BELOW = 24  # documents: under this a process pool costs more than it saves

Progress = Callable[[int, int, str], None]


class BuildFailed(PolderError):
    """--strict: the first file that failed stops the run; OUT is left as it was."""


@dataclass
class BuildReport:
    documents: dict[str, str] = field(default_factory=dict)  # stem → kind
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0
    unchanged: list[str] = field(default_factory=list)  # add: files whose content was already in the graph
    removed: list[str] = field(default_factory=list)
    regraphed: list[str] = field(default_factory=list)  # documents whose named graph changed
    redone: list[str] = field(default_factory=list)  # first graphs written again after resolution
    entailed: tuple[str, int, float] | None = None  # (mode, triples added, seconds)
    refreshed: tuple[int, int] | None = None  # an update's RDFS entailments: (removed, added)
    phases: dict[str, float] = field(default_factory=dict)  # seconds per step of the build

    @contextlib.contextmanager
    def timed(self, phase: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self.phases[phase] = self.phases.get(phase, 0.0) + time.perf_counter() - started

    @property
    def ok(self) -> bool:
        return not self.errors

    def summary(self) -> str:
        kinds = Counter(self.documents.values())
        lines = [f"documents: {len(self.documents)} ("
                 + ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) + ")"]
        lines.append("entities: " + ", ".join(f"{c} {n}" for c, n in sorted(self.entities.items())))
        lines.append(f"triples: {self.triples}")
        lines.append(f"seconds: {self.seconds:.2f}")
        if self.phases:
            lines.append("phases: " + ", ".join(f"{name} {secs:.2f} s" for name, secs in self.phases.items()))
        if self.refreshed:
            lines.append(f"entailments refreshed for the changed graphs: {self.refreshed[0]} removed, "
                         f"{self.refreshed[1]} added")
        if self.redone:
            lines.append(f"graphs redone after cross-document resolution: {len(self.redone)}")
        for label, items in (("unchanged", self.unchanged), ("removed", self.removed)):
            if items:
                lines.append(f"{label}: {', '.join(items)}")
        if self.errors:
            lines.append(f"failed: {len(self.errors)} file(s)")
        return "\n".join(lines)


@dataclass(frozen=True)
class Options:
    base: str = DEFAULT_BASE
    jobs: int = 1
    max_bytes: int = DEFAULT_MAX_MB * 1_000_000
    strict: bool = False
    progress: Progress | None = None
    reason: str = "none"  # entailments to materialise in the store: none | rdfs | owlrl
    optimize: bool = False  # compact the store once it is built (see `compact`)


@dataclass(frozen=True)
class FirstGraph:
    """A document's graph written by its extraction worker, resolved with the document's own
    names only. It stands when the corpus-wide resolution gives the document's entities the
    same keys and labels (the same `resolve.signature`); otherwise it is written again."""

    keys: tuple[str, ...]
    signature: str
    counts: Counter


@dataclass
class Resolution:
    """The corpus-wide resolution index with every document's `Share` of it: an update merges
    the shares again without reading every document's extraction (at 10,000 documents that
    read took 28 s of each `polder add`)."""

    index: resolve.Index
    shares: dict[str, resolve.Share]


@dataclass(frozen=True)
class Outcome:
    """One file's extraction, small enough to pass back from a worker process."""

    path: str
    stem: str | None = None
    kind: str | None = None
    sha256: str | None = None
    warnings: tuple[str, ...] = ()
    share: resolve.Share | None = None  # the document's share of the entity-resolution index
    first_graph: FirstGraph | None = None
    error: str | None = None


def default_jobs() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# --- extraction -------------------------------------------------------------------------

def require_something(extraction: Extraction, path: Path) -> None:
    if not (extraction.entities or extraction.mentions or extraction.relations):
        raise NothingRecognised(str(path))


def extract_to(path: Path, folder: Path, max_bytes: int, graphs: Path | None = None,
               base: str = DEFAULT_BASE, entail: bool = False) -> Outcome:
    """Extract one file into folder/<stem>.pickle (and, given `graphs`, write its first graph
    there); a bad file is an Outcome with an error, never a crash."""
    try:
        raw = read_document(path, max_bytes)
        extraction = extract(raw)
        require_something(extraction, path)
    except PolderError as exc:
        return Outcome(str(path), error=str(exc))
    except Exception as exc:  # an extractor bug must not stop the other documents
        return Outcome(str(path), error=f"{path}: extraction failed: {type(exc).__name__}: {exc}")
    write_atomic(folder / f"{raw.stem}.pickle", pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
    info, share = extraction.doc, resolve.document_share(extraction)
    first = write_first_graph(extraction, share, graphs, base, entail) if graphs is not None else None
    return Outcome(str(path), info.stem, info.kind, info.sha256, tuple(f"{path}: {w}" for w in raw.warnings),
                   share, first)


def write_first_graph(extraction: Extraction, share: resolve.Share, graphs: Path, base: str,
                      entail: bool = False) -> FirstGraph:
    own, keys = resolve.merged_index([share]), share.keys
    extraction = resolve.apply(extraction, own)
    write_parts(graphs, extraction.doc.stem, document_parts(extraction, base, entail))
    return FirstGraph(keys, resolve.signature(keys, own), entity_counts(extraction))


def entity_counts(extraction: Extraction) -> Counter:
    return Counter(e.cls for e in extraction.entities.values() if not e.from_reference)


def pool_context():
    """fork where there is one: workers inherit the loaded reference data and patterns."""
    methods = multiprocessing.get_all_start_methods()
    return multiprocessing.get_context("fork" if "fork" in methods else None)


def parallel_map(func: Callable, items: list, jobs: int, initializer=None, initargs=()) -> Iterator:
    """map(func, items) over `jobs` processes, results in the order of `items`."""
    if jobs <= 1 or len(items) < SEQUENTIAL_BELOW:
        if initializer:
            initializer(*initargs)
        yield from map(func, items)
        return
    chunk = max(1, min(64, len(items) // (jobs * 8)))
    pool = ProcessPoolExecutor(jobs, mp_context=pool_context(), initializer=initializer, initargs=initargs)
    try:
        yield from pool.map(func, items, chunksize=chunk)
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def split_clashing_names(paths: list[Path]) -> tuple[list[Path], list[str]]:
    """Two files that would become the same document: the later one is an error."""
    first: dict[str, Path] = {}
    keep, errors = [], []
    for path in paths:
        name = slug_stem(path.stem).casefold()
        if name in first:
            errors.append(f"{path}: same document name as {first[name]} (rename one of them)")
        else:
            first[name] = path
            keep.append(path)
    return keep, errors


def extract_all(paths: list[Path], folder: Path, report: BuildReport, options: Options,
                graphs: Path | None = None, written: Callable[[Path], None] | None = None) -> dict[str, Outcome]:
    """Extract every file into pickles under `folder`; stem → Outcome of those that succeeded.
    Given `graphs`, each document's first graph is written there and `written` told of it."""
    folder.mkdir(parents=True, exist_ok=True)
    if graphs is not None:
        graphs.mkdir(exist_ok=True)
    paths, clashes = split_clashing_names(paths)
    for error in clashes:
        record_error(report, error, options)
    work = partial(extract_to, folder=folder, max_bytes=options.max_bytes, graphs=graphs, base=options.base,
                   entail=options.reason == "rdfs")
    done: dict[str, Outcome] = {}
    for i, outcome in enumerate(parallel_map(work, paths, options.jobs), 1):
        report.warnings.extend(outcome.warnings)
        if outcome.error:
            record_error(report, outcome.error, options)
        else:
            done[outcome.stem] = outcome
            if written and outcome.first_graph:
                written(graphs / f"{outcome.stem}.trig")
        if options.progress:
            options.progress(i, len(paths), outcome.path)
    return done


def record_error(report: BuildReport, error: str, options: Options) -> None:
    report.errors.append(error)
    if options.strict:
        raise BuildFailed(f"{error} (--strict: nothing was written)")


# --- graphs -----------------------------------------------------------------------------

_INDEX: dict = {}


def _set_index(index) -> None:
    global _INDEX
    _INDEX = index


def load_extraction(folder: Path, stem: str) -> Extraction:
    return pickle.loads((folder / EXTRACTIONS / f"{stem}.pickle").read_bytes())


def resolution_index(folder: Path, stems: list[str], known: dict[str, resolve.Share]) -> Resolution:
    """The corpus-wide index, fed in stem order so that a build and an update agree. The
    `known` shares came back from this run's workers or with the previous index; the others
    (from a graph built before shares were kept) are read from the extractions."""
    shares = {stem: known[stem] if stem in known else resolve.document_share(load_extraction(folder, stem))
              for stem in sorted(stems)}
    return Resolution(resolve.merged_index(shares.values()), shares)


def graph_to(stem: str, folder: Path, base: str, entail: bool = False) -> tuple[str, str, Counter, bool]:
    """Write docs/<stem>.{trig,ttl,nt} from the pickle; (stem, kind, entity counts, whether
    its graph changed)."""
    extraction = resolve.apply(load_extraction(folder, stem), _INDEX)
    target = folder / DOCS / f"{stem}.trig"
    before = target.read_bytes() if target.exists() else None
    parts = document_parts(extraction, base, entail)
    write_parts(folder / DOCS, stem, parts)
    return stem, extraction.doc.kind, entity_counts(extraction), before != parts.trig


def write_document_graphs(folder: Path, stems: list[str], index, options: Options) -> dict[str, tuple]:
    (folder / DOCS).mkdir(exist_ok=True)
    work = partial(graph_to, folder=folder, base=options.base, entail=options.reason == "rdfs")
    results = parallel_map(work, sorted(stems), options.jobs, initializer=_set_index, initargs=(index,))
    return {stem: (kind, counts, changed) for stem, kind, counts, changed in results}


# --- files ------------------------------------------------------------------------------

def write_atomic(target: Path, data: bytes) -> None:
    tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    tmp.write_bytes(data)
    os.replace(tmp, target)


def pipeline_fingerprint() -> str:
    """A hash of the code and data that turn a file into its graph: extractors, patterns,
    reference data, graph writing. Cached extractions are only valid under the same one."""
    import polder.extract
    import polder.ontology

    roots = [Path(polder.extract.__file__).parent, Path(polder.ontology.__file__).parent]
    files = [f for root in roots for f in sorted(root.rglob("*")) if f.suffix in (".py", ".toml", ".ttl", ".json")]
    files += [Path(__file__).with_name(name) for name in ("build.py", "parts.py", "reason.py", "resolve.py", "iri.py",
                                                          "store.py")]
    digest = hashlib.sha256()
    for file in files:
        if file.is_file() and "__pycache__" not in file.parts:
            digest.update(file.name.encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def read_manifest(out: Path) -> dict:
    """The manifest of a graph that add/remove can update."""
    path = Path(out) / MANIFEST
    if not path.exists() or not (Path(out) / EXTRACTIONS).is_dir():
        raise PolderError(f"no built graph to update in {out} (run `polder build -o {out}` first)")
    manifest = json.loads(path.read_text(encoding="utf-8"))
    if manifest.get("fingerprint") != pipeline_fingerprint():
        raise PolderError(f"{out} was built with other extraction rules or reference data: "
                          f"run `polder build -o {out}` again")
    return manifest


def write_manifest(folder: Path, manifest: dict) -> None:
    text = json.dumps(manifest, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    write_atomic(folder / MANIFEST, text.encode("utf-8"))


def new_manifest(base: str, sources: dict, errors: list[str], files: dict, triples: int, reason: str) -> dict:
    return {"base": base, "documents": {stem: s["kind"] for stem, s in sources.items()},
            "sources": sources, "errors": errors, "files": files, "triples": triples,
            "reasoning": reason, "fingerprint": pipeline_fingerprint()}


def verify_files(out: Path) -> list[str]:
    """Exports whose sha256 differs from the manifest's (empty when OUT is whole)."""
    files = json.loads((Path(out) / MANIFEST).read_text(encoding="utf-8")).get("files", {})
    return [name for name, sha in sorted(files.items()) if file_sha256(Path(out) / name) != sha]


# --- staging and the atomic swap --------------------------------------------------------

def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE); False where unsupported."""
    try:
        import ctypes
        libc = ctypes.CDLL(None, use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    errno = ctypes.get_errno()
    if errno in (22, 38, 95):  # EINVAL, ENOSYS, EOPNOTSUPP: this file system cannot
        return False
    raise OSError(errno, os.strerror(errno), str(b))


def publish(stage: Path, out: Path) -> None:
    """Put the staged OUT in place of `out`; afterwards `stage` holds the previous one."""
    if not out.exists():
        os.rename(stage, out)
        return
    if not _exchange(stage, out):  # two renames: a kill in between leaves `out` missing, never mixed
        old = stage.with_name(stage.name + ".old")
        os.rename(out, old)
        os.rename(stage, out)
        os.rename(old, stage)
    for entry in stage.iterdir():  # files of others (a viz, an export) stay in OUT
        if entry.name not in OWNED and not (out / entry.name).exists():
            os.rename(entry, out / entry.name)


def remove_stale_stages(out: Path) -> None:
    """Staging folders of runs that were killed."""
    for stage in out.parent.glob(f".{out.name}.staging-*"):
        pid = stage.name.rsplit("-", 1)[-1].split(".")[0]
        if pid.isdigit() and not _alive(int(pid)):
            shutil.rmtree(stage, ignore_errors=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextlib.contextmanager
def staging(out: Path) -> Iterator[Path]:
    out.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_stages(out)
    stage = out.parent / f".{out.name}.staging-{os.getpid()}"
    shutil.rmtree(stage, ignore_errors=True)
    stage.mkdir()
    try:
        yield stage
    finally:
        shutil.rmtree(stage, ignore_errors=True)


# --- the three operations -----------------------------------------------------------------

def options_for(base: str, progress: Progress | None, jobs: int | None, max_size_mb: float, strict: bool,
                reason: str = "none", optimize: bool = False) -> Options:
    return Options(base=base, jobs=jobs or default_jobs(), max_bytes=int(max_size_mb * 1_000_000),
                   strict=strict, progress=progress, reason=reason, optimize=optimize)


def shares_of(done: dict[str, Outcome]) -> dict[str, resolve.Share]:
    return {stem: o.share for stem, o in done.items() if o.share is not None}


def source_record(outcome: Outcome) -> dict:
    return {"kind": outcome.kind, "path": str(Path(outcome.path).resolve()), "sha256": outcome.sha256}


def build_corpus(paths: list[str | Path] | None, out: str | Path, base: str = DEFAULT_BASE,
                 progress: Progress | None = None, *, jobs: int | None = None,
                 max_size_mb: float = DEFAULT_MAX_MB, strict: bool = False, reason: str = "none",
                 optimize: bool = True) -> BuildReport:
    """Build the graph of `paths` (files or folders) into `out`, replacing what was there;
    with `optimize`, the store is compacted for querying (see `compact`)."""
    started = time.perf_counter()
    out, report = Path(out), BuildReport()
    options = options_for(base, progress, jobs, max_size_mb, strict, reason, optimize)
    files = iter_paths(paths or [DEFAULT_CORPUS])
    with staging(out) as stage:
        # Each worker writes its document's graph as soon as it is extracted (resolution
        # later redoes only those it changes); the exports are appended to as the graphs
        # come, and the store loads them all once extraction is done.
        loader, exports = StoreLoader(stage / STORE), Exports(stage)

        def written(block: Path) -> None:
            loader.add(block)
            exports.add(block)

        try:
            with report.timed("extract"):
                done = extract_all(files, stage / EXTRACTIONS, report, options, graphs=stage / DOCS,
                                   written=written)
            loader.start()
            sources = {stem: source_record(o) for stem, o in sorted(done.items())}
            first = {stem: o.first_graph for stem, o in done.items() if o.first_graph}
            finish(stage, sources, set(sources), None, report, options, shares_of(done), loader, first, exports)
        except BaseException:
            loader.abandon()
            exports.abandon()
            raise
        publish(stage, out)
    report.seconds = time.perf_counter() - started
    return report


def finish(stage: Path, sources: dict, changed: set[str], old: Resolution | None, report: BuildReport,
           options: Options, shares: dict[str, resolve.Share], loader: StoreLoader | None = None,
           first: dict[str, FirstGraph] | None = None, exports: Exports | None = None,
           stated: int = 0) -> None:
    """Resolve, write the changed documents' graphs, update the store and write exports +
    manifest. A fresh build comes with its `loader` already loading the documents' `first`
    graphs into the store and its `exports` already holding them; only the graphs the
    corpus-wide resolution changes are redone (and then the exports joined afresh). `shares`
    are those of this run's documents; an update brings the `old` resolution and the number
    of triples `stated` in the documents' and system graphs before it."""
    with report.timed("resolve"):
        known = {stem: share for stem, share in (old.shares if old else {}).items() if stem in sources}
        resolution = resolution_index(stage, list(sources), {**known, **shares})
        index = resolution.index
        keys = {stem: share.keys for stem, share in resolution.shares.items() if stem not in shares}
    first = first or {}
    if first:
        regraph = {stem for stem in sources
                   if stem not in first or resolve.signature(first[stem].keys, index) != first[stem].signature}
        report.redone = sorted(regraph)
    else:
        regraph = changed | resolved_otherwise(keys, index, old.index if old else None)
        regraph |= {stem for stem in sources if not has_parts(stage / DOCS, stem)}  # made before parts existed
    with report.timed("graphs"):
        system = write_system_graphs(stage, options.base, options.reason == "rdfs")
        for file in system if loader else ():
            loader.add(file)
        results = {stem: (sources[stem]["kind"], first[stem].counts, True) for stem in sources if stem in first}
        results.update(write_document_graphs(stage, sorted(regraph & set(sources)), index, options))
    write_atomic(stage / RESOLUTION, pickle.dumps(resolution, protocol=pickle.HIGHEST_PROTOCOL))
    for stem, (kind, counts, was_changed) in sorted(results.items()):
        sources[stem]["entities"] = dict(sorted(counts.items()))
        if was_changed:
            report.regraphed.append(stem)
    with report.timed("exports"):
        files = None
        if exports and regraph & set(first):
            exports.abandon()  # it holds graphs that were written again: join afresh
        elif exports:
            files = exports.finish(system)  # None when the graphs came out of order
        if files is None:
            files = join_exports(system + sorted((stage / DOCS).glob("*.trig")), stage)
    change = None
    with report.timed("store"):
        if loader:
            store = loader.finish()
            if first:  # first graphs that resolution changed: replace them
                store, _ = replace_graphs(store, stage, sorted(regraph & set(first)), [], options.base)
            report.triples = len(store)
        else:
            # RDFS entailments are brought up to date for the changed graphs alone: their
            # quads before and after are what that needs.
            change = GraphChange() if incremental_reasoning(options, report, sources) else None
            store, delta = replace_graphs(ox.Store(str(stage / STORE)), stage, report.regraphed, report.removed,
                                          options.base, change)
            # counted by the graphs replaced: a count of the whole store took 3.7 s at 10,000
            # documents, and would take in the entailed graph
            report.triples = stated + delta
        del store
    if options.reason != "none":  # entailments live in the store only, in their own graph
        with report.timed("reasoning"):
            if change is not None:
                started = time.perf_counter()
                report.refreshed = refresh_entailments(stage / STORE, change, options.base)
                added, seconds = report.refreshed[1], time.perf_counter() - started
            elif options.reason == "rdfs":  # the graphs' own entailments, written beside them
                started = time.perf_counter()
                parts = [stage / DOCS / f"{stem}.ent" for stem in sorted(sources)] + \
                        [file.with_suffix(".ent") for file in system]
                added = load_entailed(ox.Store(str(stage / STORE)), parts, options.base)
                seconds = time.perf_counter() - started
            else:
                added, seconds = materialise(ox.Store(str(stage / STORE)), options.reason, options.base)
        report.entailed = (options.reason, added, seconds)
    if options.optimize:
        with report.timed("optimize"):
            compact(stage / STORE)
    write_manifest(stage, new_manifest(options.base, sources, report.errors, files, report.triples, options.reason))
    report.documents = {stem: s["kind"] for stem, s in sources.items()}
    for s in sources.values():
        report.entities.update(s.get("entities", {}))


def compact(store_path: Path) -> None:
    """Compact the store (oxigraph's optimize: RocksDB merges the files each bulk load left).
    Queries then read far fewer files: the saved queries ran in 66 s instead of 108 s on
    1,000 documents, for 3 s of compaction (50-70 s at 10,000 documents); and the first
    update does not stall on the compaction instead (17-19 s at 10,000 documents)."""
    ox.Store(str(store_path)).optimize()


def resolved_otherwise(keys: dict[str, tuple[str, ...]], index, old_index) -> set[str]:
    """The documents (of those whose entity `keys` are given) whose graphs the new index
    changes: those whose entities get other keys or labels (`resolve.signature`). Every one
    without an earlier index or when that cannot be compared."""
    if _equal(index, old_index):
        return set()
    try:
        return {stem for stem, own in keys.items()
                if resolve.signature(own, index) != resolve.signature(own, old_index)}
    except Exception:  # an earlier index of another shape: write every graph again
        return set(keys)


def _equal(a, b) -> bool:
    try:
        return b is not None and bool(a == b)
    except Exception:  # an index that cannot compare is treated as changed
        return False


def write_system_graphs(stage: Path, base: str, entail: bool = False) -> list[Path]:
    """The ontology, reference data, topics and the laws' links out as per-graph parts beside
    the documents' (provisions carry their own links in their document's graph); their
    TriG blocks."""
    folder = stage / SYSTEM
    folder.mkdir(exist_ok=True)
    files = []
    graphs = {**system_triples(), "links": law_link_triples(base)}
    for name, lines in graphs.items():
        write_parts(folder, name, graph_parts(lines, system_graph_iri(name, base), entail))
        files.append(folder / f"{name}.trig")
    return files


@dataclass
class GraphChange:
    """The quads of replaced or removed graphs as they were (`before`) and are (`after`)."""
    before: list = field(default_factory=list)
    after: list = field(default_factory=list)


def incremental_reasoning(options: Options, report: BuildReport, sources: dict) -> bool:
    """Whether an update refreshes the RDFS entailments of its changed graphs instead of
    materialising them all again: yes unless most documents changed (then the whole pass is
    cheaper than looking at each changed resource)."""
    changed = len(set(report.regraphed) | set(report.removed))
    return options.reason == "rdfs" and changed <= max(1, len(sources) // 2)


def refresh_entailments(store_path: Path, change: GraphChange, base: str) -> tuple[int, int]:
    """The RDFS entailments brought up to date for the changed graphs; (removed, added)."""
    return rdfs_refresh(ox.Store(str(store_path)), change.before, change.after, base)


def replace_graphs(store: ox.Store, stage: Path, regraphed: list[str], removed: list[str], base: str,
                   change: GraphChange | None = None) -> tuple[ox.Store, int]:
    """The store with the named graphs of these documents replaced by their files, or removed,
    and how many quads that added (less than none when it took away more); given `change`, it
    gets their quads before and after."""
    docs = stage / DOCS
    graphs = {stem: ox.NamedNode(str(instance(document_key(stem), base))) for stem in set(regraphed) | set(removed)}
    before = quads_in(store, list(graphs.values()))
    for stem in sorted(graphs):
        if change is not None:
            change.before.extend(store.quads_for_pattern(None, None, None, graphs[stem]))
        store.remove_graph(graphs[stem])
    if regraphed:
        load_blocks(store, [docs / f"{stem}.trig" for stem in sorted(regraphed)])
        if change is not None:
            for stem in sorted(regraphed):
                change.after.extend(store.quads_for_pattern(None, None, None, graphs[stem]))
    store.flush()
    return store, quads_in(store, [graphs[stem] for stem in regraphed]) - before


def quads_in(store: ox.Store, graphs: list[ox.NamedNode]) -> int:
    """How many quads these named graphs hold."""
    if not graphs:
        return 0
    values = " ".join(str(graph) for graph in graphs)
    rows = store.query(f"SELECT (COUNT(*) AS ?n) WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}")
    return int(next(iter(rows))["n"].value)


def stage_copy(out: Path, stage: Path) -> None:
    """The previous OUT in the staging folder: hard links for files, a checkpoint of the store."""
    for name in (EXTRACTIONS, DOCS):  # *.nq: graphs as builds before the TriG blocks wrote them
        shutil.copytree(out / name, stage / name, copy_function=os.link, ignore=shutil.ignore_patterns("*.nq"))
    ox.Store.read_only(str(out / STORE)).backup(str(stage / STORE))


def previous_resolution(out: Path) -> Resolution | None:
    """The resolution a build or update left in `out`; one from before shares were kept holds
    no shares (the extractions are read then)."""
    path = out / RESOLUTION
    if not path.exists():
        return None
    kept = pickle.loads(path.read_bytes())
    return kept if isinstance(kept, Resolution) else Resolution(kept, {})


def add_documents(files: list[str | Path], out: str | Path, progress: Progress | None = None, *,
                  jobs: int | None = None, max_size_mb: float = DEFAULT_MAX_MB, strict: bool = False) -> BuildReport:
    """Add or replace documents in a built graph; a file whose content is already there is a no-op."""
    started = time.perf_counter()
    out, report = Path(out), BuildReport()
    manifest = read_manifest(out)
    options = options_for(manifest["base"], progress, jobs, max_size_mb, strict, manifest.get("reasoning", "none"))
    sources = manifest.get("sources", {})
    todo = [p for p in iter_paths(files) if not already_there(p, sources, report)]
    if todo:
        with staging(out) as stage:
            stage_copy(out, stage)
            done = extract_all(todo, stage / EXTRACTIONS, report, options)
            sources.update({stem: source_record(o) for stem, o in done.items()})
            finish(stage, dict(sorted(sources.items())), set(done), previous_resolution(out), report, options,
                   shares_of(done), stated=manifest["triples"])
            publish(stage, out)
    else:
        report.documents = manifest["documents"]
        report.triples = manifest.get("triples", 0)
    report.seconds = time.perf_counter() - started
    return report


def already_there(path: Path, sources: dict, report: BuildReport) -> bool:
    known = sources.get(path.stem)
    if known is None or not path.is_file():
        return False
    if file_sha256(path) != known["sha256"]:
        return False
    report.unchanged.append(path.stem)
    return True


def stem_of(doc: str, manifest: dict) -> str:
    """A document's stem from its stem, file name or IRI."""
    sources = manifest.get("sources", {})
    key = key_of(doc, manifest["base"]) or ""
    for stem in sources:
        if stem in (doc, Path(doc).stem) or key == document_key(stem):
            return stem
    known = ", ".join(sorted(sources)[:10]) + (" ..." if len(sources) > 10 else "")
    raise PolderError(f"no document '{doc}' in the graph (documents: {known or 'none'})")


def remove_documents(docs: list[str], out: str | Path, jobs: int | None = None) -> BuildReport:
    """Remove documents (by stem or document IRI) and their named graphs from a built graph."""
    started = time.perf_counter()
    out, report = Path(out), BuildReport()
    manifest = read_manifest(out)
    options = options_for(manifest["base"], None, jobs, DEFAULT_MAX_MB, False, manifest.get("reasoning", "none"))
    stems = sorted({stem_of(doc, manifest) for doc in docs})
    sources = {s: v for s, v in manifest["sources"].items() if s not in stems}
    with staging(out) as stage:
        stage_copy(out, stage)
        for stem in stems:
            (stage / EXTRACTIONS / f"{stem}.pickle").unlink()
            unlink_parts(stage / DOCS, stem)
        report.removed = stems
        finish(stage, sources, set(), previous_resolution(out), report, options, {}, stated=manifest["triples"])
        publish(stage, out)
    report.seconds = time.perf_counter() - started
    return report
