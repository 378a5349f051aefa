"""The foundation end to end: build the corpus, check provenance, determinism, SHACL."""
from __future__ import annotations

import json
from pathlib import Path
import re
import unicodedata

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Dataset

from polder.extract.reader import read_document
from polder.graph.cli import main
from polder.graph.corpus import build_corpus

PREFIX = """PREFIX polder: <https://w3id.org/polder/def#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX eli: <http://data.europa.eu/eli/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
"""


def query(out, sparql):
    store = ox.Store.read_only(str(out / "store"))
    return list(store.query(PREFIX + sparql, use_default_graph_as_union=True))


def fold(text: str) -> str:
    """Compare written forms the way a reader would: no markup, case, spaces or hyphens
    (a PDF breaks words over lines with them)."""
    text = unicodedata.normalize("NFC", text)
    text = re.sub(r"[*_]+|<su[pb]>.*?</su[pb]>", "", text)
    return re.sub(r"[\s\-\u00ad]+", "", text).casefold()


def test_every_corpus_kind_is_recognised(built):
    manifest = json.loads((built / "manifest.json").read_text())
    assert manifest["documents"] == {
        "000_2b128f32305a0966": "minutes",
        "001_fc19e7c83bfebfab": "government_response",
        "002_8ef608f686a71c2c": "government_response",
        "003_37ef82bf58dec8e9": "minutes",
        "004_3ed600bc322f094c": "magazine",
    }


def test_mentions_point_at_written_forms_of_their_entity(built, corpus_dir):
    rows = query(built, """
        SELECT ?doc ?start ?end ?quote ?entity WHERE {
          ?m a polder:Mention ; polder:inDocument ?d ; polder:start ?start ; polder:end ?end ;
             polder:quote ?quote ; polder:mentionOf ?entity . ?d dcterms:identifier ?doc }""")
    assert len(rows) >= 500
    labels = {}
    for row in query(built, "SELECT ?e ?l WHERE { ?e rdfs:label|skos:altLabel|skos:hiddenLabel|polder:articleNumber ?l }"):
        labels.setdefault(row["e"].value, set()).add(fold(row["l"].value))
    texts = {}
    bad = []
    for row in rows:
        stem = row["doc"].value
        text = texts.setdefault(stem, read_document(corpus_dir / f"{stem}.txt").text)
        written = fold(text[int(row["start"].value):int(row["end"].value)])
        quote = fold(row["quote"].value)
        forms = labels.get(row["entity"].value, set())
        if written not in quote or not written or not any(f and f in written for f in forms):
            bad.append((stem, written, row["entity"].value))
    assert not bad, f"{len(bad)} mentions whose text is not a written form of their entity: {bad[:20]}"


def test_two_builds_are_byte_identical(built, corpus_dir, tmp_path):
    again = tmp_path / "again"
    build_corpus([corpus_dir], again)
    for name in ("polder.ttl", "polder.trig"):
        assert (again / name).read_bytes() == (built / name).read_bytes(), name


def test_files_parse_and_named_graphs_are_per_document(built):
    ds = Dataset()
    ds.parse(built / "polder.trig", format="trig")
    names = {str(g.identifier) for g in ds.graphs()}
    for stem in ("000_2b128f32305a0966", "004_3ed600bc322f094c"):
        assert f"https://w3id.org/polder/id/doc/{stem}" in names
    assert "https://w3id.org/polder/id/graph/ontology" in names
    assert "_:" not in (built / "polder.trig").read_text()


def test_laws_and_provisions_resolved(built):
    rows = query(built, """
        SELECT DISTINCT ?n WHERE { ?p eli:is_part_of+ ?law ; polder:articleNumber ?n .
                                   ?law polder:bwbId "BWBR0010346" }""")
    assert {r["n"].value for r in rows} >= {"3", "5", "9", "12", "16"}
    rows = query(built, """
        SELECT ?label WHERE { ?p polder:articleNumber "43" ; eli:is_part_of ?law . ?law rdfs:label ?label }""")
    assert [r["label"].value for r in rows] == ["Wet op de Sociaal-Economische Raad"]


def test_graph_conforms_to_shapes(built):
    result = CliRunner().invoke(main, ["validate", "-g", str(built)])
    assert result.exit_code == 0, result.output
    assert "conforms" in result.output


def test_unreadable_file_is_reported_and_the_rest_builds(tmp_path, corpus_dir):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.txt").write_text((corpus_dir / "003_37ef82bf58dec8e9.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (docs / "broken.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (docs / "empty.txt").write_text("")
    result = CliRunner().invoke(main, ["build", str(docs), "-o", str(tmp_path / "out")])
    assert result.exit_code == 1
    assert "broken.txt" in result.output and "empty.txt" in result.output
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text())
    assert list(manifest["documents"]) == ["good"]


@pytest.mark.parametrize("command", ["build", "validate"])
def test_every_command_has_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_missing_graph_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(main, ["validate", "-g", str(tmp_path / "nothing")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "polder build" in result.output


def test_builds_agree_across_hash_seeds(corpus_dir, tmp_path):
    """Set and dict order changes with PYTHONHASHSEED; the graph must not."""
    import os
    import subprocess
    import sys

    polder = str(Path(sys.executable).with_name("polder"))
    outputs = []
    for seed in ("1", "2"):
        out = tmp_path / f"seed-{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        subprocess.run([polder, "build", str(corpus_dir), "-o", str(out), "-q"], check=True, env=env)
        outputs.append((out / "polder.trig").read_bytes())
    assert outputs[0] == outputs[1]
