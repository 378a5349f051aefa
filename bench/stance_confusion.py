#!/usr/bin/env python3
"""Confusion matrix of the cabinet's stances: gold annotations against a built graph.

    python bench/stance_confusion.py OUT/polder.trig ../shared/acceptance/gold

Rows are the gold stance, columns the predicted one ("none": no Response or no stance).
Recommendations are matched per document by their number, as score.py does.
"""
from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from pathlib import Path

from rdflib import Dataset, Namespace

POLDER = Namespace("https://w3id.org/polder/def#")
PROV = Namespace("http://www.w3.org/ns/prov#")
GOLD_NAMES = {"adopted": "Adopted", "partly_adopted": "PartlyAdopted", "under_consideration": "UnderConsideration",
              "not_adopted": "NotAdopted", "noted": "Noted"}
ORDER = list(GOLD_NAMES.values()) + ["none"]


def predicted(path: Path) -> dict[tuple[str, str], str]:
    """(document stem, number) → predicted stance name."""
    ds = Dataset(default_union=True)
    ds.parse(path, format="trig" if path.suffix == ".trig" else "turtle")
    out = {}
    for rec, number in ds.subject_objects(POLDER.number):
        doc = ds.value(rec, PROV.wasDerivedFrom)
        if doc is None:
            continue
        stances = {str(s).rsplit("#", 1)[-1] for r in ds.objects(rec, POLDER.hasResponse) for s in ds.objects(r, POLDER.stance)}
        out[(str(doc).rsplit("/", 1)[-1], str(number).rstrip("."))] = stances.pop() if len(stances) == 1 else "none"
    return out


def gold_stances(folder: Path, acceptable: bool = False) -> dict[tuple[str, str], str | set[str]]:
    """(document stem, number) → gold stance name (or, with `acceptable`, every accepted one)."""
    out = {}
    for file in sorted(folder.glob("*.json")):
        for rec in json.loads(file.read_text(encoding="utf-8")).get("recommendations", []):
            number = str(rec.get("id") or "").rstrip(".")
            if rec.get("government_stance") and re.fullmatch(r"\d+(\.\d+)*", number):
                want = GOLD_NAMES[rec["government_stance"]]
                accepted = {want} | {GOLD_NAMES[a] for a in rec.get("acceptable_stances") or [] if a in GOLD_NAMES}
                out[(file.stem, number)] = accepted if acceptable else want
    return out


def wrong(accepted: dict, pred: dict) -> list[str]:
    """The recommendations whose predicted stance no accepted reading allows."""
    return [f"{stem[:3]} {number}: want {'/'.join(sorted(ok))}, got {pred.get((stem, number), 'none')}"
            for (stem, number), ok in sorted(accepted.items()) if pred.get((stem, number)) not in ok]


def confusion(gold: dict, pred: dict) -> Counter:
    return Counter((want, pred.get(key, "none")) for key, want in gold.items())


def render(matrix: Counter) -> str:
    width = max(map(len, ORDER)) + 2
    lines = ["gold \\ predicted".ljust(20) + "".join(c.rjust(width) for c in ORDER)]
    for want in ORDER[:-1]:
        lines.append(want.ljust(20) + "".join(str(matrix[(want, got)] or ".").rjust(width) for got in ORDER))
    total = sum(matrix.values())
    right = sum(n for (w, g), n in matrix.items() if w == g)
    lines.append(f"accuracy (strict, no acceptable alternatives): {right}/{total} = {right / total:.3f}" if total else "no judged recommendations")
    return "\n".join(lines)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("graph", type=Path)
    ap.add_argument("gold", type=Path)
    args = ap.parse_args()
    pred = predicted(args.graph)
    print(render(confusion(gold_stances(args.gold), pred)))
    accepted = gold_stances(args.gold, acceptable=True)
    misses = wrong(accepted, pred)
    if accepted:
        right = len(accepted) - len(misses)
        print(f"accuracy (acceptable alternatives count, as score.py): {right}/{len(accepted)} = {right / len(accepted):.3f}")
    print("\n".join(f"    wrong: {m}" for m in misses))


if __name__ == "__main__":
    main()
