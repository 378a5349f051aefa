"""Shared fixtures: the corpus is built once per test session."""
from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"
GOLD = SHARED / "acceptance" / "gold"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    assert CORPUS.is_dir(), f"the bundled corpus is missing: {CORPUS}"
    return CORPUS


@pytest.fixture(scope="session")
def built(tmp_path_factory, corpus_dir) -> Path:
    """`polder build` of the bundled corpus; returns the output folder."""
    from polder.graph.corpus import build_corpus

    out = tmp_path_factory.mktemp("built") / "out"
    report = build_corpus([corpus_dir], out)
    assert report.ok, report.errors
    return out
