"""Throughput of the clean view (extract/clean.py) on the bundled corpus.

    python bench/clean_bench.py [FOLDER]
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

from polder.extract.clean import clean

CORPUS = Path(__file__).resolve().parents[2] / "shared" / "corpus"


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
    size = sum(len(t.encode("utf-8")) for t in texts)
    best = float("inf")
    for _ in range(5):
        started = time.perf_counter()
        for text in texts:
            clean(text)
        best = min(best, time.perf_counter() - started)
    print(f"clean(): {size / best / 1e6:.2f} MB/s over {len(texts)} files ({size} bytes), best of 5")


if __name__ == "__main__":
    main()
