"""Real-world ingest: bad input is reported per file, --strict, incremental add/remove equal a rebuild."""
from __future__ import annotations

import hashlib
import json
import shutil

import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from polder.graph.cli import main
from polder.graph.corpus import add_documents, build_corpus, remove_documents, verify_files

EXPORTS = ("polder.ttl", "polder.trig")


def pdf_without_text_layer(path):
    from reportlab.pdfgen import canvas

    page = canvas.Canvas(str(path))
    page.rect(100, 100, 200, 200, fill=1)  # a drawing, no text: what a scan looks like to the reader
    page.save()


@pytest.fixture(scope="module")
def two_docs(tmp_path_factory, corpus_dir):
    """A small corpus of two real documents (one minutes, one government response)."""
    folder = tmp_path_factory.mktemp("two")
    for stem in ("003_37ef82bf58dec8e9", "002_8ef608f686a71c2c"):
        shutil.copy(corpus_dir / f"{stem}.txt", folder / f"{stem}.txt")
    return folder


@pytest.fixture
def bad_folder(tmp_path, two_docs):
    folder = tmp_path / "in"
    shutil.copytree(two_docs, folder)
    (folder / "binary.txt").write_bytes(b"\x00\x01\x02binary\x00" * 50)
    (folder / "empty.md").write_text("")
    (folder / "latin.txt").write_bytes(b"\x81\x8d\x8f\x90\x9d\xff\xfe" * 20)  # neither UTF-8 nor cp1252
    (folder / "nothing.txt").write_text("Hallo wereld. Dit is een kort briefje zonder inhoud.\n" * 3)
    (folder / "big.txt").write_text("Sociaal-Economische Raad. " * 60_000)  # 1.5 MB
    (folder / "notes.docx").write_bytes(b"PK\x03\x04 not really")
    pdf_without_text_layer(folder / "scan.pdf")
    return folder


def build_cli(*args):
    return CliRunner().invoke(main, ["build", *map(str, args)])


def query(out, sparql):
    store = ox.Store.read_only(str(out / "store"))
    return list(store.query(sparql, use_default_graph_as_union=True))


def test_every_bad_file_is_reported_with_its_reason_and_the_rest_builds(bad_folder, tmp_path):
    out = tmp_path / "out"
    result = build_cli(bad_folder, bad_folder / "notes.docx", "-o", out, "--max-size", "1")
    assert result.exit_code == 1
    reasons = {"binary.txt": "binary", "empty.md": "empty", "latin.txt": "cannot decode",
               "nothing.txt": "nothing recognised", "big.txt": "too large", "notes.docx": "unsupported",
               "scan.pdf": "no text layer"}
    errors = [line for line in result.output.splitlines() if line.startswith("error:")]
    for name, reason in reasons.items():
        assert any(name in line and reason in line for line in errors), (name, result.output)
    manifest = json.loads((out / "manifest.json").read_text())
    assert sorted(manifest["documents"]) == ["002_8ef608f686a71c2c", "003_37ef82bf58dec8e9"]
    assert len(manifest["errors"]) == len(reasons)
    assert not verify_files(out)


def test_strict_stops_at_the_first_failure_and_keeps_the_previous_graph(bad_folder, two_docs, tmp_path):
    out = tmp_path / "out"
    assert build_cli(two_docs, "-o", out, "-q").exit_code == 0
    before = {name: (out / name).read_bytes() for name in (*EXPORTS, "manifest.json")}
    result = build_cli(bad_folder, "-o", out, "--strict")
    assert result.exit_code == 1 and "--strict" in result.output
    assert {name: (out / name).read_bytes() for name in before} == before
    assert not list(tmp_path.glob(".out.staging-*"))


def test_a_clean_build_exits_zero_and_records_sources(two_docs, tmp_path):
    out = tmp_path / "out"
    result = build_cli(two_docs, "-o", out, "--jobs", "1")
    assert result.exit_code == 0, result.output
    sources = json.loads((out / "manifest.json").read_text())["sources"]
    assert set(sources) == {"002_8ef608f686a71c2c", "003_37ef82bf58dec8e9"}
    for stem, record in sources.items():
        assert len(record["sha256"]) == 64 and record["path"].endswith(f"{stem}.txt")
        assert record["kind"] in ("minutes", "government_response")


def test_two_files_with_one_name_are_an_error_not_an_overwrite(two_docs, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(two_docs / "003_37ef82bf58dec8e9.txt", other / "003_37ef82bf58dec8e9.md")
    report = build_corpus([two_docs, other], tmp_path / "out")
    assert any("same document name" in e for e in report.errors)
    assert len(report.documents) == 2


def test_parallel_and_sequential_builds_are_identical(tmp_path, corpus_dir, built, monkeypatch):
    import polder.graph.corpus as corpus

    monkeypatch.setattr(corpus, "SEQUENTIAL_BELOW", 1)
    build_corpus([corpus_dir], tmp_path / "par", jobs=2)
    for name in EXPORTS:
        assert (tmp_path / "par" / name).read_bytes() == (built / name).read_bytes(), name


def test_exports_hold_exactly_the_stored_graphs(built):
    store = ox.Store.read_only(str(built / "store"))
    stored = {q for q in store.quads_for_pattern(None, None, None) if not q.graph_name.value.endswith("graph/entailed")}
    trig = list(ox.parse(path=str(built / "polder.trig"), format=ox.RdfFormat.TRIG))
    assert set(trig) == stored
    union = {ox.Triple(q.subject, q.predicate, q.object)
             for q in ox.parse(path=str(built / "polder.ttl"), format=ox.RdfFormat.TURTLE)}
    assert union == {ox.Triple(q.subject, q.predicate, q.object) for q in stored}


def test_trig_is_sorted_by_graph_then_line(built):
    quads = list(ox.parse(path=str(built / "polder.trig"), format=ox.RdfFormat.TRIG))
    graphs = [q.graph_name.value for q in quads]
    assert graphs == sorted(graphs)
    for graph in set(graphs):
        lines = [f"{q.subject} {q.predicate} {q.object} ." for q in quads if q.graph_name.value == graph]
        assert lines == sorted(lines), graph


@pytest.mark.parametrize("merger", ["sort", "python"])
def test_union_merge_in_rounds_gives_the_same_turtle(built, tmp_path, monkeypatch, merger):
    import polder.graph.parts as parts

    monkeypatch.setattr(parts, "MERGE_FAN_IN", 2)
    if merger == "python":  # as on a machine without GNU sort
        monkeypatch.setattr(parts.shutil, "which", lambda name: None)
    else:
        assert parts.shutil.which("sort")
    files = sorted((built / "system").glob("*.trig")) + sorted((built / "docs").glob("*.trig"))
    hashes = parts.join_exports(list(reversed(files)), tmp_path)  # in any order: joined in graph order
    for name in ("polder.ttl", "polder.trig"):
        assert (tmp_path / name).read_bytes() == (built / name).read_bytes()
        assert hashes[name] == hashlib.sha256((built / name).read_bytes()).hexdigest()


def test_exports_written_out_of_graph_order_are_joined_again(built, tmp_path):
    from polder.graph.parts import Exports, graph_name

    blocks = sorted((built / "docs").glob("*.trig"), key=graph_name)
    exports = Exports(tmp_path)
    for block in reversed(blocks):
        exports.add(block)
    assert exports.finish(sorted((built / "system").glob("*.trig"))) is None


def test_a_build_appends_its_exports_instead_of_joining_them(corpus_dir, tmp_path, monkeypatch):
    import polder.graph.corpus as corpus

    def no_join(*args):
        raise AssertionError("joined afresh")

    monkeypatch.setattr(corpus, "join_exports", no_join)
    assert build_corpus([corpus_dir], tmp_path / "out").ok


def test_turtle_states_each_triple_once(built):
    lines = ox.serialize(ox.parse(path=str(built / "polder.ttl"), format=ox.RdfFormat.TURTLE),
                         format=ox.RdfFormat.N_TRIPLES).decode("utf-8").splitlines()
    assert len(lines) == len(set(lines)) > 1000


def test_a_document_owns_only_its_own_subjects(built):
    """What polder.ttl takes from a document unmerged must be about that document's things."""
    from polder.graph.parts import graph_name, prefix_lines

    for block in sorted((built / "docs").glob("*.trig")):
        graph = graph_name(block)
        own = ox.parse(prefix_lines(ox.RdfFormat.TURTLE) + block.with_suffix(".ttl").read_bytes(),
                       format=ox.RdfFormat.TURTLE)
        subjects = {t.subject.value for t in own}
        assert subjects and all(s == graph or s.startswith(graph + "/") for s in subjects), block.name


def same_exports(a, b):
    return all((a / name).read_bytes() == (b / name).read_bytes() for name in EXPORTS)


def test_add_and_remove_equal_a_full_rebuild(corpus_dir, built, tmp_path):
    stems = sorted(p.stem for p in corpus_dir.glob("*.txt"))
    out = tmp_path / "out"
    build_corpus([corpus_dir / f"{s}.txt" for s in stems[:2]], out)
    report = add_documents([corpus_dir / f"{s}.txt" for s in stems[2:]], out)
    assert report.ok and sorted(report.documents) == stems
    assert same_exports(out, built)  # the documents share organisations and laws
    remove_documents([stems[1], f"https://w3id.org/polder/id/doc/{stems[3]}"], out)
    expected = tmp_path / "expected"
    build_corpus([corpus_dir / f"{s}.txt" for s in stems if s not in (stems[1], stems[3])], expected)
    assert same_exports(out, expected)
    assert not verify_files(out)


def test_adding_an_unchanged_file_is_a_no_op(corpus_dir, tmp_path):
    out = tmp_path / "out"
    file = corpus_dir / "003_37ef82bf58dec8e9.txt"
    build_corpus([file], out)
    stamp = {name: (out / name).stat().st_mtime_ns for name in (*EXPORTS, "manifest.json")}
    result = CliRunner().invoke(main, ["add", str(file), "-g", str(out)])
    assert result.exit_code == 0 and "unchanged: 003_37ef82bf58dec8e9" in result.output
    assert {name: (out / name).stat().st_mtime_ns for name in stamp} == stamp


def test_add_replaces_only_the_changed_documents_graph(corpus_dir, tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    for stem in ("003_37ef82bf58dec8e9", "002_8ef608f686a71c2c"):
        shutil.copy(corpus_dir / f"{stem}.txt", folder / f"{stem}.txt")
    out = tmp_path / "out"
    build_corpus([folder], out)
    untouched = (out / "docs" / "002_8ef608f686a71c2c.trig").stat().st_ino
    changed = folder / "003_37ef82bf58dec8e9.txt"
    changed.write_text(changed.read_text(encoding="utf-8") + "\nZie ook artikel 7 van de Arbeidsomstandighedenwet.\n",
                       encoding="utf-8")
    report = add_documents([changed], out)
    assert report.regraphed == ["003_37ef82bf58dec8e9"]
    assert (out / "docs" / "002_8ef608f686a71c2c.trig").stat().st_ino == untouched  # hard link: not rewritten
    rebuilt = tmp_path / "rebuilt"
    build_corpus([folder], rebuilt)
    assert same_exports(out, rebuilt)


def test_remove_of_an_unknown_document_names_the_known_ones(corpus_dir, tmp_path):
    out = tmp_path / "out"
    build_corpus([corpus_dir / "003_37ef82bf58dec8e9.txt"], out)
    result = CliRunner().invoke(main, ["remove", "no-such-doc", "-g", str(out)])
    assert result.exit_code == 2 and "no-such-doc" in result.output and "003_37ef82bf58dec8e9" in result.output
    assert "Traceback" not in result.output


def test_add_to_a_folder_without_a_graph_is_a_one_line_error(corpus_dir, tmp_path):
    result = CliRunner().invoke(main, ["add", str(corpus_dir / "003_37ef82bf58dec8e9.txt"), "-g", str(tmp_path / "none")])
    assert result.exit_code == 2 and "polder build" in result.output and "Traceback" not in result.output


def test_other_files_in_out_survive_a_rebuild(two_docs, tmp_path):
    out = tmp_path / "out"
    build_corpus([two_docs], out)
    (out / "viz.html").write_text("<html></html>")
    build_corpus([two_docs], out)
    assert (out / "viz.html").read_text() == "<html></html>"


@pytest.mark.parametrize("command", ["add", "remove"])
def test_ingest_commands_have_help(command):
    result = CliRunner().invoke(main, [command, "--help"])
    assert result.exit_code == 0 and "Example" in result.output


def test_store_loaded_in_chunks_holds_the_same_quads(built, tmp_path, monkeypatch):
    import polder.graph.store as store

    monkeypatch.setattr(store, "LOAD_CHUNK_BYTES", 50_000)
    files = sorted((built / "system").glob("*.trig")) + sorted((built / "docs").glob("*.trig"))
    loader = store.StoreLoader(tmp_path / "store")
    for file in files[:len(files) // 2]:
        loader.add(file)
    loader.start()  # as a build does after extraction: what comes later is loaded by finish
    for file in files[len(files) // 2:]:
        loader.add(file)
    chunked = loader.finish()
    assert len(loader.loads) > 3
    whole = ox.Store.read_only(str(built / "store"))
    without_entailed = {q for q in whole.quads_for_pattern(None, None, None) if not q.graph_name.value.endswith("graph/entailed")}
    assert set(chunked.quads_for_pattern(None, None, None)) == without_entailed


def test_a_failed_background_load_fails_the_build_step(tmp_path):
    import polder.graph.store as store

    bad = tmp_path / "bad.trig"
    bad.write_text("<http://g> {\n<http://a> <http://b> .\n}\n", encoding="utf-8")  # an object is missing
    loader = store.StoreLoader(tmp_path / "store")
    loader.add(bad)
    with pytest.raises(SyntaxError):
        loader.finish()


MINUTES = """Verslag van de openbare raadsvergadering van {date}

1. Opening
De voorzitter opent de vergadering.

2. Advies over scholing
{sentence}
"""


HENK_DEN_BOER = "De heer Henk den Boer (MKB-Nederland) merkt op dat artikel 5 van de Arbeidsomstandighedenwet knelt."
DE_HEER_DEN_BOER = "De heer Den Boer (MKB-Nederland) wijst op de Arbeidsomstandighedenwet."


def minutes_folder(tmp_path, **sentences: tuple[str, str]):
    """A folder of minutes, one per name: (date, the sentence about a person) each."""
    folder = tmp_path / "docs"
    folder.mkdir()
    for name, (date, sentence) in sentences.items():
        (folder / f"{name}.txt").write_text(MINUTES.format(date=date, sentence=sentence))
    return folder


def test_first_graphs_that_resolution_changes_are_redone(tmp_path):
    """A build writes each graph right after extraction, with the document's own names; when
    another document shows that "De heer Den Boer" is Henk den Boer of the same organisation,
    that graph is written again, and the result equals one made after resolving everything
    first (an `add`, which resolves before writing)."""
    folder = minutes_folder(tmp_path, a=("12 maart 2021", HENK_DEN_BOER), b=("9 april 2021", DE_HEER_DEN_BOER))
    report = build_corpus([folder], tmp_path / "fresh")
    assert report.ok and report.redone == ["b"]
    assert "person/henk-den-boer" in (tmp_path / "fresh" / "docs" / "b.trig").read_text()
    build_corpus([folder / "a.txt"], tmp_path / "stepwise")
    add_documents([folder / "b.txt"], tmp_path / "stepwise")
    assert same_exports(tmp_path / "fresh", tmp_path / "stepwise")
    stores = [ox.Store.read_only(str(tmp_path / name / "store")) for name in ("fresh", "stepwise")]
    assert set(stores[0]) == set(stores[1])


def stored(out) -> set[str]:
    return {str(q) for q in ox.Store.read_only(str(out / "store"))}


def test_add_and_remove_refresh_the_entailments_to_what_a_rebuild_has(corpus_dir, tmp_path):
    """With RDFS reasoning, an update refreshes the entailments of the changed graphs only,
    and the store (entailed graph included) equals a full rebuild's."""
    files = sorted(corpus_dir.glob("*.txt"))
    out, four, five = tmp_path / "out", tmp_path / "four", tmp_path / "five"
    build_corpus(files[:-1], four, reason="rdfs")
    shutil.copytree(four, out)
    build_corpus(files, five, reason="rdfs")
    report = add_documents([files[-1]], out)
    assert report.refreshed and report.refreshed[1] > 0  # refreshed, not materialised again
    assert stored(out) == stored(five)
    report = remove_documents([files[-1].stem], out)
    assert report.refreshed and report.refreshed[0] > 0
    assert stored(out) == stored(four)


def test_an_added_document_that_resolves_an_earlier_ones_person_rewrites_that_graph_too(tmp_path):
    """Adding the document that shows "De heer Den Boer" to be Henk den Boer writes the earlier
    document's graph again (its person gets another key), and only that one; the store,
    entailments included, equals a fresh build's."""
    folder = minutes_folder(tmp_path, a=("12 maart 2021", DE_HEER_DEN_BOER), b=("9 april 2021", HENK_DEN_BOER),
                            c=("7 mei 2021", "Mevrouw Jansen (FNV) wijst op de Wet op de ondernemingsraden."))
    build_corpus([folder / "a.txt", folder / "c.txt"], tmp_path / "stepwise", reason="rdfs")
    report = add_documents([folder / "b.txt"], tmp_path / "stepwise")
    assert report.regraphed == ["a", "b"]  # c has no person the new document resolves
    assert "person/henk-den-boer" in (tmp_path / "stepwise" / "docs" / "a.trig").read_text()
    build_corpus([folder], tmp_path / "fresh", reason="rdfs")
    assert same_exports(tmp_path / "fresh", tmp_path / "stepwise")
    assert stored(tmp_path / "fresh") == stored(tmp_path / "stepwise")


def test_an_update_resolves_from_the_kept_shares_without_reading_other_extractions(corpus_dir, built, tmp_path,
                                                                                     monkeypatch):
    """The resolution a build leaves holds every document's share of the index: an add reads
    back only the extractions of graphs it writes again, and still equals a full rebuild."""
    from polder.graph import corpus

    stems = sorted(p.stem for p in corpus_dir.glob("*.txt"))
    out = tmp_path / "out"
    build_corpus([corpus_dir / f"{s}.txt" for s in stems[:-1]], out)
    read = []
    real = corpus.load_extraction
    monkeypatch.setattr(corpus, "load_extraction", lambda folder, stem: read.append(stem) or real(folder, stem))
    report = add_documents([corpus_dir / f"{stems[-1]}.txt"], out)
    assert report.ok and same_exports(out, built)
    assert set(read) <= set(report.regraphed)  # only in the workers that write graphs again
    assert sorted(corpus.previous_resolution(out).shares) == stems


def test_a_resolution_kept_without_shares_is_read_from_the_extractions(corpus_dir, built, tmp_path):
    """A graph built before the shares were kept (its resolution.pickle is the bare index)
    still takes an update, which reads the extractions instead."""
    import pickle

    from polder.graph import corpus

    stems = sorted(p.stem for p in corpus_dir.glob("*.txt"))
    out = tmp_path / "out"
    build_corpus([corpus_dir / f"{s}.txt" for s in stems[:-1]], out)
    bare = corpus.previous_resolution(out).index
    (out / corpus.RESOLUTION).write_bytes(pickle.dumps(bare))
    assert corpus.previous_resolution(out).shares == {}
    add_documents([corpus_dir / f"{stems[-1]}.txt"], out)
    assert same_exports(out, built)
    assert sorted(corpus.previous_resolution(out).shares) == stems


def test_an_update_counts_the_stated_triples_as_a_fresh_build_does(corpus_dir, tmp_path):
    """The manifest's triple count after add and remove is what a fresh build of the same
    documents counts (the stated triples, not the entailed graph), though it is counted only
    over the graphs the update replaced."""
    stems = sorted(p.stem for p in corpus_dir.glob("*.txt"))
    out, fresh = tmp_path / "out", tmp_path / "fresh"
    build_corpus([corpus_dir / f"{s}.txt" for s in stems[:2]], out, reason="rdfs")
    add_documents([corpus_dir / f"{s}.txt" for s in stems[2:]], out)
    remove_documents([stems[0]], out)
    build_corpus([corpus_dir / f"{s}.txt" for s in stems[1:]], fresh, reason="rdfs")
    counted = [json.loads((o / "manifest.json").read_text())["triples"] for o in (out, fresh)]
    assert counted[0] == counted[1] > 0


def test_a_build_compacts_its_store_unless_told_not_to(two_docs, tmp_path):
    """`polder build` compacts the store (fewer files for a query to read) and
    `--no-optimize` leaves it as loaded; both hold the same quads."""
    compacted, loaded = tmp_path / "compacted", tmp_path / "loaded"
    assert build_cli(two_docs, "-o", compacted).exit_code == 0
    assert build_cli(two_docs, "-o", loaded, "--no-optimize").exit_code == 0
    files = [len(list((out / "store").glob("*.sst"))) for out in (compacted, loaded)]
    assert files[0] < files[1]
    assert stored(compacted) == stored(loaded)
