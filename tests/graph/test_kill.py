"""A build killed at any moment leaves the previous graph intact."""
from __future__ import annotations

import importlib.util
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from polder.graph.corpus import build_corpus, verify_files

ROOT = Path(__file__).resolve().parents[2]
KILL_AFTER = (0.5, 1.5, 3.0, 5.0, 8.0)  # seconds: start-up, extraction (graphs, store filling), exports, store


def synthetic_corpus(folder: Path, count: int) -> None:
    spec = importlib.util.spec_from_file_location("synth", ROOT / "bench" / "synth.py")
    synth = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(synth)
    synth.generate(folder, count, seed=7, mean_kb=20)


def assert_intact(out: Path, documents: dict) -> None:
    assert json.loads((out / "manifest.json").read_text())["documents"] == documents
    assert verify_files(out) == []
    store = ox.Store.read_only(str(out / "store"))
    rows = list(store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }", use_default_graph_as_union=True))
    assert int(rows[0]["n"].value) > 0


@pytest.mark.parametrize("seconds", KILL_AFTER)
def test_killed_build_leaves_the_previous_graph(tmp_path, corpus_dir, seconds):
    out = tmp_path / "out"
    build_corpus([corpus_dir / "003_37ef82bf58dec8e9.txt"], out)
    documents = json.loads((out / "manifest.json").read_text())["documents"]
    big = tmp_path / "big"
    synthetic_corpus(big, 160)
    polder = Path(sys.executable).with_name("polder")
    build = subprocess.Popen([str(polder), "build", str(big), "-o", str(out), "-q", "--jobs", "2"],
                             start_new_session=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(seconds)
    os.killpg(build.pid, signal.SIGKILL)  # the group is there until it is waited for, finished or not
    build.wait()
    if build.returncode == 0:  # the build was done before the kill: the new graph must then be whole
        documents = json.loads((out / "manifest.json").read_text())["documents"]
        assert len(documents) > 1
    assert_intact(out, documents)
    build_corpus([corpus_dir / "003_37ef82bf58dec8e9.txt"], out)  # the next run cleans up after the killed one
    assert not list(tmp_path.glob(".out.staging-*"))
