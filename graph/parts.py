"""Each named graph's share of the exports, made where the graph is made.

A document's graph is written once as sorted N-Quads (for the store) and, in the same
worker, as the pieces the exports are joined from:

    <name>.trig   the graph's block of polder.trig (no prefix lines)
    <name>.ttl    the triples about the document's own things (its IRI and the IRIs under
                  it: mentions, recommendations, responses, agenda items) as Turtle; no
                  other graph has them, so polder.ttl can take them as they are
    <name>.nt     the other triples (about laws, persons, organisations, ...), as sorted
                  N-Triples lines: other graphs may say the same, so they are merged

polder.trig is the prefix lines plus every graph's block in graph-IRI order; polder.ttl is
the prefix lines, the merged shared triples, then every document's own block. Both are
concatenations, so the serialising runs in parallel with the rest of the graph work.
"""
from __future__ import annotations

import heapq
import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Iterable, Iterator

import pyoxigraph as ox

from .iri import PREFIXES

SUFFIXES = (".nq", ".trig", ".ttl", ".nt")
_PREFIX_LINES = re.compile(rb"(?:@prefix [^\n]*\n)*")
MERGE_FAN_IN = 256  # files merged at once; more are merged in rounds (open-file limits)


@dataclass(frozen=True)
class GraphParts:
    nquads: bytes
    trig: bytes
    turtle: bytes
    shared: bytes


def graph_parts(triples: Iterable[tuple[str, str, str]], graph_iri: str) -> GraphParts:
    """The parts of one named graph from its triples as N-Triples terms."""
    graph, own_prefix = f"<{graph_iri}>", f"<{graph_iri}/"
    lines = sorted(f"{s} {p} {o}" for s, p, o in triples)
    owned = [line.startswith(own_prefix) or line.startswith(graph + " ") for line in lines]
    nquads = "".join(f"{line} {graph} .\n" for line in lines).encode("utf-8")
    own = "".join(f"{line} .\n" for line, mine in zip(lines, owned) if mine).encode("utf-8")
    return GraphParts(nquads=nquads, trig=reserialised(nquads, ox.RdfFormat.N_QUADS, ox.RdfFormat.TRIG),
                      turtle=reserialised(own, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.TURTLE) if own else b"",
                      shared="".join(f"{line} .\n" for line, mine in zip(lines, owned) if not mine).encode("utf-8"))


def reserialised(data: bytes, source: ox.RdfFormat, target: ox.RdfFormat) -> bytes:
    """Lines Polder wrote itself (so parsed without re-validation) in another syntax, without
    prefix lines. Parsing text is cheaper than making a Python Quad of each term triple."""
    quads = ox.parse(input=data, format=source, lenient=True)
    return without_prefixes(ox.serialize(quads, format=target, prefixes=PREFIXES))


def nquads_parts(nquads: bytes, graph_iri: str) -> GraphParts:
    """The parts of a graph given as N-Quads (the ontology and reference graphs)."""
    quads = ox.parse(input=nquads, format=ox.RdfFormat.N_QUADS)
    return graph_parts(((str(q.subject), str(q.predicate), str(q.object)) for q in quads), graph_iri)


def without_prefixes(data: bytes) -> bytes:
    return data[_PREFIX_LINES.match(data).end():]


def prefix_lines(fmt: ox.RdfFormat) -> bytes:
    """The @prefix lines oxigraph writes at the top of a file in `fmt`."""
    sample = ox.serialize([ox.Triple(ox.NamedNode(PREFIXES["rdf"] + "a"), ox.NamedNode(PREFIXES["rdf"] + "b"),
                                     ox.Literal("c"))], format=fmt, prefixes=PREFIXES)
    return sample[:_PREFIX_LINES.match(sample).end()]


def write_parts(folder: Path, name: str, parts: GraphParts) -> bool:
    """Write folder/<name>.{nq,trig,ttl,nt}; whether any of them changed. Files are replaced,
    never written in place: they may be hard links into the previous build."""
    changed = False
    for suffix, data in zip(SUFFIXES, (parts.nquads, parts.trig, parts.turtle, parts.shared)):
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
    return all((folder / f"{name}{suffix}").exists() for suffix in SUFFIXES)


# --- joining -------------------------------------------------------------------------------

def join_trig(graph_files: list[Path], target: Path) -> None:
    """polder.trig from the graphs' .nq files (the .trig beside each is used), in graph order."""
    with open(target, "wb") as out:
        out.write(prefix_lines(ox.RdfFormat.TRIG))
        for nq in sorted(graph_files, key=graph_name):
            out.write(nq.with_suffix(".trig").read_bytes())


def join_turtle(graph_files: list[Path], target: Path) -> None:
    """polder.ttl: the distinct shared triples of all graphs, then each graph's own triples."""
    ordered = sorted(graph_files, key=graph_name)
    work = target.with_name(f".{target.name}.{os.getpid()}.merge")
    work.mkdir(exist_ok=True)
    try:
        union = work / "shared.nt"
        write_union([nq.with_suffix(".nt") for nq in ordered], union, work)
        with open(target, "wb") as out:
            out.write(prefix_lines(ox.RdfFormat.TURTLE))
            triples = ox.parse(path=str(union), format=ox.RdfFormat.N_TRIPLES)
            out.write(without_prefixes(ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)))
            for nq in ordered:
                out.write(nq.with_suffix(".ttl").read_bytes())
    finally:
        for f in work.iterdir():
            f.unlink()
        work.rmdir()


def graph_name(file: Path) -> str:
    """The named graph of a per-graph N-Quads file (its first line's last term)."""
    with open(file, encoding="utf-8") as stream:
        line = stream.readline()
    body = line.rstrip("\n").removesuffix(" .")
    return body[body.rfind(" <") + 2:-1]


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
