"""Build synthetic corpora of growing size and print documents/s, MB/s, peak memory and triples.

    python bench/build_bench.py 100 1000 10000 [--jobs 2] [--work /tmp/polder-bench]

Each size is built by `polder build` in a subprocess. Memory is sampled every 0.2 s over the
build and its worker processes, three ways: the largest sum of their proportional set sizes
(PSS: pages a forked worker shares with its parent count once), the largest sum of their
resident set sizes (RSS: shared pages count once per process, so this over-counts) and the
largest RSS of any one process.
"""
from __future__ import annotations

import argparse
import json
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

import psutil

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synth import VERSION, generate  # noqa: E402


def tree_memory(proc: psutil.Process) -> tuple[int, int, int]:
    """(sum of PSS, sum of RSS, largest RSS) over the build and its workers."""
    pss = rss = largest = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            info = p.memory_full_info()
        except psutil.Error:
            continue
        pss, rss, largest = pss + info.pss, rss + info.rss, max(largest, info.rss)
    return pss, rss, largest


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def timed_build(corpus: Path, out: Path, jobs: int, reason: str) -> tuple[float, float, tuple, int, str]:
    """(seconds, CPU seconds, peaks of `tree_memory` in bytes, exit status, the build's phases line)
    of one `polder build`. CPU seconds count the build and its workers: unlike wall time they
    barely change when other work shares the machine."""
    polder = Path(sys.executable).with_name("polder")
    cpu_before = children_cpu()
    started = time.perf_counter()
    child = subprocess.Popen([str(polder), "build", str(corpus), "-o", str(out), "--jobs", str(jobs),
                              "--reason", reason], stdout=subprocess.PIPE, text=True)
    proc, peak = psutil.Process(child.pid), (0, 0, 0)
    while child.poll() is None:
        peak = tuple(map(max, peak, tree_memory(proc)))
        time.sleep(0.2)
    phases = next((line.split(":", 1)[1].strip() for line in child.stdout if line.startswith("phases:")), "")
    child.wait()
    return time.perf_counter() - started, children_cpu() - cpu_before, peak, child.returncode, phases


def bench(size: int, work: Path, jobs: int, reason: str) -> dict:
    corpus = work / f"corpus-{size}-v{VERSION}"  # made once per generator version
    if not corpus.exists():
        generate(corpus, size, seed=size)
    megabytes = sum(p.stat().st_size for p in corpus.iterdir()) / 1e6
    shutil.rmtree(work / f"out-{size}", ignore_errors=True)  # a first build: no earlier graph to replace
    seconds, cpu, peak, status, phases = timed_build(corpus, work / f"out-{size}", jobs, reason)
    triples = json.loads((work / f"out-{size}" / "manifest.json").read_text()).get("triples", 0)
    return {"documents": size, "MB": round(megabytes, 1), "seconds": round(seconds, 1),
            "docs/s": round(size / seconds, 1), "MB/s": round(megabytes / seconds, 3),
            "CPU s": round(cpu, 1), "CPU s/MB": round(cpu / megabytes, 2),
            "peak MB (PSS sum)": round(peak[0] / 1e6), "peak MB (RSS sum)": round(peak[1] / 1e6),
            "peak MB (largest RSS)": round(peak[2] / 1e6), "triples": triples, "exit": status, "reason": reason,
            "phases": phases}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[100, 1000])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--work", type=Path, default=Path("/tmp/polder-bench"))
    parser.add_argument("--reason", default="none", choices=["none", "rdfs", "owlrl"],
                        help="materialised entailments; timed as the build's 'reasoning' phase")
    args = parser.parse_args()
    args.work.mkdir(parents=True, exist_ok=True)
    for size in args.sizes:
        print(json.dumps(bench(size, args.work, args.jobs, args.reason), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
