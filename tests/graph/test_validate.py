"""`polder validate`: the fast path (only the reference triples a document's results depend on,
flattened shapes, worker processes) reports exactly what checking each document merged with
the whole reference graph reports, on a clean build and on builds broken on purpose."""
from __future__ import annotations

import shutil
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from pyshacl import validate as shacl_validate
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import RDF, RDFS, SH

from polder.extract.errors import PolderError
from polder.graph import corpus
from polder.graph.cli import main
from polder.graph.iri import DEFAULT_BASE
from polder.graph.parts import trig_stream_head
from polder.graph.validate import (Context, ShapePlan, Violation, _ontology, _reference, _shapes,
                                   corpus_violations, flat_shapes, validate_build)

POLDER = Namespace("https://w3id.org/polder/def#")
TEST = Namespace(DEFAULT_BASE + "test/")


# --- the implementation before the fast path, kept as the reference -------------------------

def old_validate_graph(data: Graph, name: str, shapes: Graph, ontology: Graph) -> list[Violation]:
    conforms, report, _text = shacl_validate(data, shacl_graph=shapes, ont_graph=ontology, inference="none",
                                             allow_warnings=True)
    if conforms:
        return []
    out = []
    for result in report.subjects(SH.resultSeverity, SH.Violation):
        focus = report.value(result, SH.focusNode)
        path = report.value(result, SH.resultPath)
        messages = [m for m in report.objects(result, SH.resultMessage) if getattr(m, "language", None) in (None, "en")]
        label = data.value(focus, RDFS.label) if focus is not None else None
        focus_text = f"{label} <{focus}>" if label else f"<{focus}>"
        short = "" if path is None else (str(path).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
                                         if isinstance(path, URIRef) else str(path))
        if report.value(path, SH.inversePath) is not None:  # the one change: ^name, not a random blank node id
            short = "^" + str(report.value(path, SH.inversePath)).rsplit("#", 1)[-1]
        out.append(Violation(name, focus_text, short, str(messages[0]) if messages else "violation"))
    return sorted(out, key=lambda v: (v.graph, v.focus, v.message))


def document_graph(file: Path) -> Graph:
    quads = ox.parse(input=trig_stream_head() + file.read_bytes(), format=ox.RdfFormat.TRIG)
    triples = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads),
                           format=ox.RdfFormat.N_TRIPLES)
    return Graph().parse(data=triples.decode("utf-8"), format="nt")


def old_validate_build(out: Path, reference: Graph | None = None) -> list[Violation]:
    """Each document merged with the whole reference graph, one pyshacl run each."""
    shapes, ontology = _shapes(), _ontology()
    reference = _reference() if reference is None else reference
    violations = old_validate_graph(reference, "reference", shapes, ontology)
    for file in sorted((Path(out) / "docs").glob("*.trig")):
        data = document_graph(file)
        data += reference
        violations += old_validate_graph(data, file.stem, shapes, ontology)
    return violations + corpus_violations(out)


# --- breaking a build on purpose ---------------------------------------------------------------

def ox_term(term):
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if term.language:
        return ox.Literal(str(term), language=term.language)
    if term.datatype:
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
    return ox.Literal(str(term))


def edit_document(file: Path, add=(), drop=lambda s, p, o: False) -> None:
    """Rewrite a docs/<stem>.trig block: without the triples `drop` picks, with `add`."""
    quads = list(ox.parse(input=trig_stream_head() + file.read_bytes(), format=ox.RdfFormat.TRIG))
    name = quads[0].graph_name
    kept = [q for q in quads if not drop(q.subject.value, q.predicate.value, q.object.value)]
    kept += [ox.Quad(*(ox_term(t) for t in triple), name) for triple in add]
    file.write_bytes(ox.serialize(kept, format=ox.RdfFormat.TRIG))


def reference_entity(reference: Graph, cls, having=None) -> URIRef:
    return sorted(s for s in reference.subjects(RDF.type, cls) if having is None or (s, having, None) in reference)[0]


@pytest.fixture(scope="module")
def broken(built, tmp_path_factory) -> Path:
    """A copy of the build whose document graphs break every shape, some of them at reference
    entities, and use reference entities without restating their data."""
    out = tmp_path_factory.mktemp("broken") / "out"
    shutil.copytree(built, out)
    docs = sorted((out / "docs").glob("*.trig"))
    assert len(docs) >= 3
    reference = _reference()
    ser = reference_entity(reference, POLDER.AdvisoryBody)
    law = reference_entity(reference, POLDER.Law, having=POLDER.bwbId)
    other_law = reference_entity(reference, POLDER.Law, having=RDFS.label)
    org = reference_entity(reference, POLDER.Organisation)
    advice, rec1, rec2, rec3 = TEST.advice, TEST.rec1, TEST.rec2, TEST.rec3
    response, mention = TEST.response, TEST.m1
    edit_document(docs[0], add=[
        (advice, RDF.type, POLDER.Advice), (advice, RDFS.label, Literal("Testadvies", lang="nl")),
        (advice, POLDER.hasRecommendation, rec1),
        (rec1, RDF.type, POLDER.Recommendation), (rec1, RDFS.label, Literal("Zonder nummer", lang="nl")),
        (rec2, RDF.type, POLDER.Recommendation), (rec2, RDFS.label, Literal("Zonder advies", lang="nl")),
        (rec2, POLDER.number, Literal("2")),
        # belongs to an advisory body, typed only in the reference data, not to an advice
        (rec3, RDF.type, POLDER.Recommendation), (rec3, RDFS.label, Literal("Van een adviesorgaan", lang="nl")),
        (rec3, POLDER.number, Literal("3")), (ser, POLDER.hasRecommendation, rec3),
        (response, RDF.type, POLDER.Response), (response, POLDER.stance, POLDER.Maybe),
        (response, POLDER.respondsTo, rec2),
        (mention, RDF.type, POLDER.Mention), (mention, POLDER.mentionOf, org), (mention, POLDER.inDocument, rec2),
        (mention, POLDER.start, Literal("vijf")), (mention, POLDER.end, Literal(9)),
        (mention, POLDER.quote, Literal("q")),
    ])
    edit_document(docs[1], add=[
        # a reference law gets a second BWB id (malformed) and a second label
        (law, POLDER.bwbId, Literal("XYZ")), (law, RDFS.label, Literal("Een andere naam", lang="nl")),
        # reference entities used without their data: the reference supplies it
        (other_law, RDF.type, POLDER.Law), (org, RDF.type, POLDER.Organisation),
        # an entity no one describes
        (TEST["law/onbekend"], RDF.type, POLDER.Law),
        (TEST.provision, RDF.type, POLDER.Provision), (TEST.provision, RDFS.label, Literal("artikel 1", lang="nl")),
        (TEST.provision, POLDER.articleNumber, Literal(1)), (TEST.provision, POLDER.articleNumber, Literal("2")),
        # a reference advisory body made a recommendation: it now needs a number and an advice
        (ser, RDF.type, POLDER.Recommendation),
    ])
    # a recommendation of the document loses its number, its advice and all its mentions lose their document
    edit_document(docs[2], add=[(TEST.committee, RDF.type, POLDER.Committee),
                                (TEST.committee, RDFS.label, Literal("Commissie zonder orgaan", lang="nl"))],
                  drop=lambda s, p, o: p in (str(POLDER.number), str(POLDER.inDocument)))
    return out


# --- the tests ------------------------------------------------------------------------------

def test_shipped_shapes_take_the_fast_path():
    shapes = _shapes()
    plan = ShapePlan.of(shapes)
    assert plan.local
    assert POLDER.hasRecommendation in plan.inverse and POLDER.inDocument in plan.class_out
    assert flat_shapes(shapes) is not shapes


@pytest.mark.parametrize("shape", [
    "sh:property [ sh:path polder:issuedBy ; sh:node shapes:LawShape ]",
    "sh:property [ sh:path ( polder:issuedBy rdfs:label ) ; sh:minCount 1 ]",
    "sh:property [ sh:path polder:issuedBy ; sh:property [ sh:path rdfs:label ; sh:minCount 1 ] ]",
    'sh:sparql [ sh:select "SELECT $this WHERE { }" ]',
])
def test_shapes_that_look_further_merge_everything(shape):
    text = (Path(__file__).resolve().parents[2] / "ontology" / "shapes.ttl").read_text(encoding="utf-8")
    shapes = Graph().parse(data=f"{text}\nshapes:X a sh:NodeShape ; sh:targetClass polder:Advice ; {shape} .",
                           format="turtle")
    assert not ShapePlan.of(shapes).local and ShapePlan.of(shapes).predicates() is None


def test_the_whole_merge_reports_as_before(broken):
    """What documents get when the shapes are not local: every triple, the whole reference."""
    context = Context.load()
    context.plan, context.checked = ShapePlan(False), context.shapes
    assert validate_build(broken, jobs=1, context=context) == old_validate_build(broken)


def test_flat_shapes_report_what_the_shapes_report(broken):
    """The flattened shapes on one whole graph give the same violations as the nested ones."""
    data = _reference()
    for file in sorted((broken / "docs").glob("*.trig")):
        data += document_graph(file)
    shapes, ontology = _shapes(), _ontology()
    flat = old_validate_graph(data, "all", flat_shapes(shapes), ontology)
    assert flat and flat == old_validate_graph(data, "all", shapes, ontology)


def test_clean_build_is_as_before(built):
    assert validate_build(built, jobs=1) == old_validate_build(built) == []


def test_broken_build_is_reported_as_before(broken):
    new = validate_build(broken, jobs=1)
    assert new == old_validate_build(broken)
    text = "\n".join(v.plain() for v in new)
    for expected in ("A recommendation has exactly one number", "must belong to an advice",
                     "exactly one stance", "A mention is in exactly one document", "one start offset",
                     "A BWB identifier looks like", "Every entity has exactly one rdfs:label",
                     "A provision has exactly one articleNumber", "must be part of a law"):
        assert expected in text, expected
    assert str(TEST.committee) not in text  # a missing org:unitOf is a warning, not a violation
    assert "Een andere naam <" in text  # a second label: the document's is shown, as a full merge shows it
    assert "<https://w3id.org/polder/id/test/law/onbekend>" in text
    assert not any("test/m1" in v.focus and "rdfs:label" in v.message for v in new)


def test_broken_reference_data_is_repeated_per_document(built, tmp_path):
    """A violation in the reference data shows under "reference" and under every document the
    way a full merge reports it, also when a document repairs or touches the entity."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    docs = sorted((out / "docs").glob("*.trig"))
    reference = _reference()
    laws = sorted(reference.subjects(RDF.type, POLDER.Law))
    reference.remove((laws[0], RDFS.label, None))
    reference.remove((laws[1], RDFS.label, None))
    edit_document(docs[0], add=[(laws[1], RDFS.label, Literal("Hersteld", lang="nl"))])
    edit_document(docs[1], add=[(laws[0], POLDER.bwbId, Literal("BWBR0000001"))])
    new = validate_build(out, jobs=1, context=Context.load(reference))
    assert new == old_validate_build(out, reference)
    assert {(v.graph, v.focus) for v in new if str(laws[0]) in v.focus} == {
        (name, f"<{laws[0]}>") for name in ("reference", *(d.stem for d in docs))}
    assert {v.graph for v in new if str(laws[1]) in v.focus} == {"reference", *(d.stem for d in docs[1:])}


def test_an_entity_with_two_reference_labels_shows_the_first_everywhere(built, tmp_path):
    """The old full merge added the reference data in set order, so which of two labels it
    showed changed from run to run; now it is the first in the reference data, everywhere."""
    out = tmp_path / "out"
    shutil.copytree(built, out)
    docs = sorted((out / "docs").glob("*.trig"))
    reference = _reference()
    law = sorted(reference.subjects(RDF.type, POLDER.Law))[2]
    first = reference.value(law, RDFS.label)
    reference.add((law, RDFS.label, Literal("Tweede naam", lang="nl")))
    edit_document(docs[1], add=[(law, POLDER.bwbId, Literal("BWBR0000001"))])  # this document's result is its own
    new = [v for v in validate_build(out, jobs=1, context=Context.load(reference)) if str(law) in v.focus]
    assert {v.graph for v in new} == {"reference", *(d.stem for d in docs)}
    assert {v.focus for v in new} == {f"{first} <{law}>"}


def test_parallel_and_serial_agree(broken, monkeypatch):
    serial = validate_build(broken, jobs=1)
    monkeypatch.setattr(corpus, "SEQUENTIAL_BELOW", 1)  # a pool even for a handful of documents
    seen = []
    parallel = validate_build(broken, jobs=2, progress=lambda done, total, path: seen.append((done, total)))
    assert parallel == serial
    n = len(list((broken / "docs").glob("*.trig")))
    assert seen == [(i, n) for i in range(1, n + 1)]


def test_cli_output_does_not_depend_on_jobs(broken):
    one = CliRunner().invoke(main, ["validate", "-g", str(broken), "--jobs", "1"])
    two = CliRunner().invoke(main, ["validate", "-g", str(broken), "--jobs", "2", "-q"])
    assert one.exit_code == two.exit_code == 1
    lines = [v.plain() for v in old_validate_build(broken)]
    assert one.stdout.splitlines() == two.stdout.splitlines() == lines
    assert f"{len(lines)} violation(s)" in one.stderr


def test_missing_or_unbuilt_folder_is_a_clear_error(tmp_path):
    with pytest.raises(PolderError, match="no built graph"):
        validate_build(tmp_path / "nothing")
    (tmp_path / "empty").mkdir()
    result = CliRunner().invoke(main, ["validate", "-g", str(tmp_path / "empty")])
    assert result.exit_code == 2
    assert "Traceback" not in result.output and "polder build" in result.output


def test_unreadable_document_graph_names_the_file(built, tmp_path):
    out = tmp_path / "out"
    shutil.copytree(built, out)
    bad = sorted((out / "docs").glob("*.trig"))[0]
    bad.write_text("<a> { this is not trig", encoding="utf-8")
    with pytest.raises(PolderError, match=bad.name):
        validate_build(out, jobs=1)
