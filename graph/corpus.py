"""`polder build`: documents in, the store and sorted TriG/Turtle out.

read → clean → extract (per kind) → resolve entities → one named graph per document →
store → files. Each document's graph is written to OUT/docs/<stem>.nq as soon as it is
made, so memory stays flat however large the corpus; the store and the union files are
assembled from those files and swapped in atomically at the end.
"""
from __future__ import annotations

import json
import os
import pickle
import shutil
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from polder.extract.errors import PolderError
from polder.extract.model import Extraction
from polder.extract.pipeline import extract
from polder.extract.reader import iter_paths, read_document

from . import resolve
from .build import document_graph, to_nquads
from .iri import DEFAULT_BASE, document_key, instance
from .store import load_store, write_trig, write_turtle

DEFAULT_CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"
MANIFEST = "manifest.json"


@dataclass
class BuildReport:
    documents: dict[str, str] = field(default_factory=dict)  # stem → kind
    errors: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    entities: Counter = field(default_factory=Counter)
    triples: int = 0
    seconds: float = 0.0

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
        if self.errors:
            lines.append(f"failed: {len(self.errors)} file(s)")
        return "\n".join(lines)


def extract_one(path: Path) -> tuple[Extraction | None, list[str], str | None]:
    """(extraction, warnings, error) for one file; a bad file is an error, never a crash."""
    try:
        raw = read_document(path)
        return extract(raw), [f"{path}: {w}" for w in raw.warnings], None
    except PolderError as exc:
        return None, [], str(exc)
    except Exception as exc:  # an extractor bug must not stop the other documents
        return None, [], f"{path}: extraction failed: {type(exc).__name__}: {exc}"


def extract_all(paths: list[Path], work: Path, report: BuildReport,
                progress: Callable[[int, int, str], None] | None = None) -> list[Path]:
    """Extract every file into a pickle under `work`; returns the pickles in path order."""
    pickles = []
    for i, path in enumerate(paths, 1):
        extraction, warnings, error = extract_one(path)
        report.warnings.extend(warnings)
        if error:
            report.errors.append(error)
        else:
            target = work / f"{extraction.doc.stem}.pickle"
            target.write_bytes(pickle.dumps(extraction, protocol=pickle.HIGHEST_PROTOCOL))
            pickles.append(target)
        if progress:
            progress(i, len(paths), str(path))
    return pickles


def load_extractions(pickles: Iterable[Path]) -> Iterable[Extraction]:
    for file in pickles:
        yield pickle.loads(file.read_bytes())


def write_document_graphs(pickles: list[Path], docs_dir: Path, base: str, report: BuildReport) -> list[Path]:
    index = resolve.corpus_index(load_extractions(pickles))
    files = []
    for extraction in load_extractions(pickles):
        extraction = resolve.apply(extraction, index)
        graph = document_graph(extraction, base)
        stem = extraction.doc.stem
        target = docs_dir / f"{stem}.nq"
        target.write_text(to_nquads(graph, str(instance(document_key(stem), base))), encoding="utf-8")
        files.append(target)
        report.documents[stem] = extraction.doc.kind
        report.entities.update(e.cls for e in extraction.entities.values() if not e.from_reference)
    return files


def replace_dir(new: Path, target: Path) -> None:
    """Swap `new` in for `target` so that a reader never sees half of either."""
    old = target.with_name(target.name + ".old")
    if old.exists():
        shutil.rmtree(old)
    if target.exists():
        os.replace(target, old)
    os.replace(new, target)
    if old.exists():
        shutil.rmtree(old)


def build_corpus(paths: list[str | Path] | None, out: str | Path, base: str = DEFAULT_BASE,
                 progress: Callable[[int, int, str], None] | None = None) -> BuildReport:
    started = time.perf_counter()
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    report = BuildReport()
    files = iter_paths(paths or [DEFAULT_CORPUS])
    with tempfile.TemporaryDirectory(dir=out, prefix=".build-") as tmp:
        work = Path(tmp)
        (work / "pickles").mkdir()
        (work / "docs").mkdir()
        pickles = extract_all(files, work / "pickles", report, progress)
        docs = write_document_graphs(pickles, work / "docs", base, report)
        store = load_store(work / "store", docs, base)
        report.triples = len(store)
        write_trig(store, work / "polder.trig")
        write_turtle(store, work / "polder.ttl")
        del store
        write_manifest(work / MANIFEST, report, base)
        for name in ("polder.trig", "polder.ttl", MANIFEST):
            os.replace(work / name, out / name)
        replace_dir(work / "docs", out / "docs")
        replace_dir(work / "store", out / "store")
    report.seconds = time.perf_counter() - started
    return report


def write_manifest(target: Path, report: BuildReport, base: str) -> None:
    data = {"base": base, "documents": report.documents, "errors": report.errors}
    target.write_text(json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n", encoding="utf-8")
