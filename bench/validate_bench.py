"""Time `polder validate` on synthetic builds and print documents, seconds and documents/s.

    python bench/validate_bench.py 300 1000 [--jobs 1 2] [--work /tmp/polder-bench]
    python bench/validate_bench.py --graph out [--jobs 2]

Each size is built once (`polder build --reason none`, kept in WORK/out-N and reused while its
manifest is there) from a corpus made by bench/synth.py; `--graph` times an existing build
instead. Every run is `polder validate -q` in a subprocess, so imports and loading the shapes
and reference data count too. CPU seconds add up the validation's worker processes: unlike
wall time they barely change when other work shares the machine.
"""
from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from synth import VERSION, generate  # noqa: E402

POLDER = Path(sys.executable).with_name("polder")


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def built(size: int, work: Path, jobs: int) -> Path:
    corpus, out = work / f"corpus-{size}-v{VERSION}", work / f"out-{size}"
    if (out / "manifest.json").exists():
        return out
    if not corpus.exists():
        generate(corpus, size, seed=size)
    subprocess.run([str(POLDER), "build", str(corpus), "-o", str(out), "--jobs", str(jobs), "--reason", "none",
                    "-q"], check=True)
    return out


def timed_validate(out: Path, jobs: int) -> dict:
    documents = len(list((out / "docs").glob("*.trig")))
    cpu_before = children_cpu()
    started = time.perf_counter()
    run = subprocess.run([str(POLDER), "validate", "-g", str(out), "--jobs", str(jobs), "-q"],
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    seconds = time.perf_counter() - started
    if run.returncode not in (0, 1):  # 1: violations found, still a complete run
        sys.exit(f"polder validate failed ({run.returncode}):\n{run.stderr}")
    return {"documents": documents, "jobs": jobs, "seconds": round(seconds, 1),
            "docs/s": round(documents / seconds, 1), "CPU s": round(children_cpu() - cpu_before, 1),
            "violations": len(run.stdout.splitlines()), "graph": str(out)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[300, 1000])
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="validation processes; one run each")
    parser.add_argument("--work", type=Path, default=Path("/tmp/polder-bench"))
    parser.add_argument("--graph", type=Path, help="time this built graph instead of synthetic ones")
    parser.add_argument("--build-jobs", type=int, default=2, help="processes for building a synthetic size")
    args = parser.parse_args()
    if args.graph:
        outs = [args.graph]
    else:
        args.work.mkdir(parents=True, exist_ok=True)
        outs = [built(size, args.work, args.build_jobs) for size in args.sizes]
    for out in outs:
        for jobs in args.jobs:
            print(json.dumps(timed_validate(out, jobs), ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
