"""Each named graph's share of the exports, made where the graph is made.

A document's graph is written, in the worker that made it, as the pieces the store and the
exports are made from:

    <name>.trig   the graph's block of polder.trig (no prefix lines); with the prefix lines
                  in front, blocks load into the store as they are
    <name>.ttl    the triples about the document's own things (its IRI and the IRIs under
                  it: mentions, recommendations, responses, agenda items) as Turtle; no
                  other graph has them, so polder.ttl can take them as they are
    <name>.nt     the other triples (about laws, persons, organisations, ...), as sorted
                  N-Triples lines: other graphs may say the same, so they are merged
    <name>.ent    what the graph entails under the ontology's RDFS rules and does not state
                  itself, as sorted N-Triples lines: the store's entailed graph is loaded
                  from these (graph/reason.py), not reasoned over again

polder.trig is the prefix lines plus every graph's block in graph-IRI order; polder.ttl is
the prefix lines, every graph's own triples in the same order, then the merged shared
triples. A fresh build appends each graph's parts as it comes (`Exports`), so only the
shared triples are left for the end. Both are
concatenations, so the serialising runs in parallel with the rest of the graph work.
The TriG block is the graph's one file (its name and order come from it): no N-Quads copy
is written, which at 10,000 documents is 5.5 GB less to write and read back.
"""
from __future__ import annotations

import hashlib
import heapq
import os
import re
import shutil
import subprocess
import threading
from bisect import bisect_left
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from .iri import PREFIXES

SUFFIXES = (".trig", ".ttl", ".nt", ".ent")
_PREFIX_LINES = re.compile(rb"(?:@prefix [^\n]*\n)*")
MERGE_FAN_IN = 256  # files merged at once; more are merged in rounds (open-file limits)


@dataclass(frozen=True)
class GraphParts:
    trig: bytes
    turtle: bytes
    shared: bytes
    entailed: bytes | None = None  # None: not asked for (a build without RDFS reasoning)


def graph_parts(lines: Iterable[str], graph_iri: str, entail: bool = False) -> GraphParts:
    """The parts of one named graph from its triples as N-Triples lines without the closing
    " ." (`<s> <p> "o"`), in any order; with `entail`, also what they entail under RDFS."""
    lines = sorted(lines)
    if not lines:
        return GraphParts(trig=b"", turtle=b"", shared=b"", entailed=b"" if entail else None)
    # Sorted, the graph's own triples are two runs: those about its IRI and those about the
    # IRIs under it (a run ends where its prefix with the last character + 1 would go).
    runs = [(bisect_left(lines, f"<{graph_iri}> "), bisect_left(lines, f"<{graph_iri}>!")),
            (bisect_left(lines, f"<{graph_iri}/"), bisect_left(lines, f"<{graph_iri}0"))]
    cuts = sorted({0, len(lines), *(i for run in runs for i in run)})
    turtle, own, shared = [], [], []
    for piece in zip(cuts, cuts[1:]):
        statements = (" .\n".join(lines[piece[0]:piece[1]]) + " .\n").encode("utf-8")
        # One serialisation serves both exports: the writer groups only the triples of one
        # subject, so a run of subjects comes out the same alone as among the others.
        text = reserialised(statements, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE)
        turtle.append(text)
        if piece in runs:
            own.append(text)
        else:
            shared.append(statements)
    # A graph's TriG block is its Turtle one tab further in (literals never hold a raw newline).
    block = b"\t" + b"".join(turtle).replace(b"\n", b"\n\t")[:-1]
    entailed = None
    if entail:
        from .reason import ontology_entailer  # (reason → store → parts)
        entailed = "".join(f"{line} .\n" for line in ontology_entailer().entailed(lines)).encode("utf-8")
    return GraphParts(trig=f"<{graph_iri}> {{\n".encode("utf-8") + block + b"}\n",
                      turtle=b"".join(own), shared=b"".join(shared), entailed=entailed)


def reserialised(data: bytes, source: ox.RdfFormat, target: ox.RdfFormat) -> bytes:
    """Lines Polder wrote itself (so parsed without re-validation) in another syntax, without
    prefix lines. Parsing text is cheaper than making a Python Quad of each term triple."""
    quads = ox.parse(input=data, format=source, lenient=True)
    return without_prefixes(ox.serialize(quads, format=target, prefixes=PREFIXES))


def without_prefixes(data: bytes) -> bytes:
    return data[_PREFIX_LINES.match(data).end():]


@lru_cache(maxsize=None)
def prefix_lines(fmt: ox.RdfFormat) -> bytes:
    """The @prefix lines oxigraph writes at the top of a file in `fmt`."""
    sample = ox.serialize([ox.Triple(ox.NamedNode(PREFIXES["rdf"] + "a"), ox.NamedNode(PREFIXES["rdf"] + "b"),
                                     ox.Literal("c"))], format=fmt, prefixes=PREFIXES)
    return sample[:_PREFIX_LINES.match(sample).end()]


def write_parts(folder: Path, name: str, parts: GraphParts) -> bool:
    """Write folder/<name>.{trig,ttl,nt}; whether any of them changed. Files are replaced,
    never written in place: they may be hard links into the previous build."""
    changed = False
    for suffix, data in zip(SUFFIXES, (parts.trig, parts.turtle, parts.shared, parts.entailed)):
        if data is None:
            continue
        target = folder / f"{name}{suffix}"
        if target.exists() and target.read_bytes() == data:
            continue
        tmp = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        tmp.write_bytes(data)
        os.replace(tmp, target)
        changed = True
    return changed


def unlink_parts(folder: Path, name: str) -> None:
    for suffix in SUFFIXES:
        (folder / f"{name}{suffix}").unlink(missing_ok=True)


def has_parts(folder: Path, name: str) -> bool:
    return all((folder / f"{name}{suffix}").exists() for suffix in SUFFIXES[:3])  # .ent only with RDFS


# --- joining -------------------------------------------------------------------------------

class HashedFile:
    """A file written in appends, hashing (sha256) what it writes."""

    def __init__(self, path: Path):
        self.path, self.stream, self.sha256 = path, open(path, "wb"), hashlib.sha256()

    def write(self, data: bytes) -> None:
        self.stream.write(data)
        self.sha256.update(data)

    def append(self, source: Path) -> None:
        with open(source, "rb") as stream:
            while chunk := stream.read(1 << 20):
                self.write(chunk)

    def close(self) -> str:
        self.stream.close()
        return self.sha256.hexdigest()


class Exports:
    """polder.trig and polder.ttl written as the graphs come: each graph's TriG block and own
    Turtle are appended, and at the end the merged shared triples close polder.ttl.

    The files are right only when the graphs come in graph-IRI order; `finish` says whether
    they did (a build adds the documents in file-name order, which is nearly always it)."""

    def __init__(self, folder: Path):
        self.folder = folder
        self.trig, self.turtle = HashedFile(folder / "polder.trig"), HashedFile(folder / "polder.ttl")
        self.trig.write(prefix_lines(ox.RdfFormat.TRIG))
        self.turtle.write(prefix_lines(ox.RdfFormat.TURTLE))
        self.blocks: list[Path] = []
        self.last, self.in_order = "", True

    def add(self, block: Path) -> None:
        name = graph_name(block)
        self.in_order = self.in_order and name > self.last
        self.last = name
        self.blocks.append(block)
        if self.in_order:
            self.trig.append(block)
            self.turtle.append(block.with_suffix(".ttl"))

    def finish(self, more: list[Path]) -> dict[str, str] | None:
        """Add the blocks in `more` and the shared triples; the files' sha256, or None when the
        graphs came out of order (the files are then incomplete: join them afresh)."""
        for block in sorted(more, key=graph_name):
            self.add(block)
        if self.in_order:
            append_shared_turtle(self.turtle, self.blocks, self.folder)
        hashes = {"polder.trig": self.trig.close(), "polder.ttl": self.turtle.close()}
        return hashes if self.in_order else None

    def abandon(self) -> None:
        self.trig.close()
        self.turtle.close()


def join_exports(graph_files: list[Path], folder: Path) -> dict[str, str]:
    """polder.trig and polder.ttl from the parts of these graphs, in graph order; their sha256.

    Three jobs side by side (copying and hashing release the GIL, the merge is `sort`): the
    TriG blocks, the graphs' own Turtle, and the merged shared triples, appended last. At
    10,000 documents (3 GB) one after the other took 17 s of every `polder add`."""
    blocks = sorted(graph_files, key=graph_name)
    trig, turtle = HashedFile(folder / "polder.trig"), HashedFile(folder / "polder.ttl")
    shared = folder / f".shared.{os.getpid()}.ttl"

    def append_all(out: HashedFile, head: bytes, files: list[Path]) -> None:
        out.write(head)
        for file in files:
            out.append(file)

    try:
        with ThreadPoolExecutor(3, thread_name_prefix="polder-exports") as pool:
            jobs = [pool.submit(append_all, trig, prefix_lines(ox.RdfFormat.TRIG), blocks),
                    pool.submit(append_all, turtle, prefix_lines(ox.RdfFormat.TURTLE),
                                [block.with_suffix(".ttl") for block in blocks]),
                    pool.submit(write_shared_turtle, blocks, shared, folder)]
            for job in jobs:
                job.result()
        turtle.append(shared)
        return {"polder.trig": trig.close(), "polder.ttl": turtle.close()}
    finally:
        trig.stream.close()
        turtle.stream.close()
        shared.unlink(missing_ok=True)


def write_shared_turtle(blocks: list[Path], target: Path, folder: Path) -> None:
    with open(target, "wb") as stream:
        append_shared_turtle(stream, blocks, folder)


def append_shared_turtle(out, blocks: list[Path], folder: Path) -> None:
    """The distinct shared triples of these graphs (their .nt parts), as Turtle, written to
    `out` (a HashedFile or a binary stream)."""
    work = folder / f".shared.{os.getpid()}.{threading.get_ident()}.merge"
    work.mkdir(exist_ok=True)
    try:
        union = work / "shared.nt"
        write_union([block.with_suffix(".nt") for block in blocks], union, work)
        triples = ox.parse(path=str(union), format=ox.RdfFormat.N_TRIPLES)
        out.write(without_prefixes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)))
    finally:
        for f in work.iterdir():
            f.unlink()
        work.rmdir()


def graph_name(file: Path) -> str:
    """The named graph of a graph's TriG block: its first line is `<iri> {`."""
    with open(file, encoding="utf-8") as stream:
        line = stream.readline()
    if not (line.startswith("<") and line.rstrip().endswith("> {")):
        raise ValueError(f"{file}: not a graph's TriG block")
    return line[1:line.rindex("> {")]


def trig_stream_head() -> bytes:
    """What goes before concatenated blocks to make them a TriG document: the prefix lines."""
    return prefix_lines(ox.RdfFormat.TRIG)


def write_union(files: list[Path], target: Path, work: Path) -> None:
    """The distinct lines of sorted files, sorted, into `target`: by `sort -m -u` in byte
    order (the code-point order the files are sorted in), a merge in C, where there is a
    GNU sort; otherwise by a k-way merge in Python, about ten times slower."""
    sort = shutil.which("sort")
    if sort and len(files) > 1:
        inputs = work / "inputs"
        inputs.write_bytes(b"".join(os.fsencode(f) + b"\0" for f in files))
        done = subprocess.run([sort, "-m", "-u", f"--batch-size={MERGE_FAN_IN}", f"--files0-from={inputs}",
                               "-T", str(work), "-o", str(target)], env={**os.environ, "LC_ALL": "C"},
                              capture_output=True)
        if done.returncode == 0:
            return
    with open(target, "w", encoding="utf-8") as out:
        out.writelines(union_lines(files, work))


def union_lines(files: list[Path], work: Path) -> Iterator[str]:
    """The distinct lines of sorted files, sorted (a k-way merge, in rounds for many files)."""
    files = list(files)
    while len(files) > MERGE_FAN_IN:
        files = [_merged_file(files[i:i + MERGE_FAN_IN], work / f"merge-{len(files)}-{i}.nt")
                 for i in range(0, len(files), MERGE_FAN_IN)]
    yield from _merge(files)


def _merge(files: list[Path]) -> Iterator[str]:
    streams = [open(f, encoding="utf-8") for f in files]
    try:
        previous = None
        for line in heapq.merge(*streams):
            if line != previous:
                yield line
            previous = line
    finally:
        for stream in streams:
            stream.close()


def _merged_file(files: list[Path], target: Path) -> Path:
    with open(target, "w", encoding="utf-8") as out:
        out.writelines(_merge(files))
    return target
