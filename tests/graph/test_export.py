"""`polder export` and `polder docs`: every format parsed back by independent parsers,
the round trip isomorphic to the built graph, DCAT-AP conformance, --base, links out."""
from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, RDF, VOID

from polder.graph.cli import main
from polder.graph.dcat import DEFAULT_CONFIG, metadata_paths
from polder.graph.export import CONTEXT_FILE, FORMATS, built_base, export
from polder.graph.iri import PREFIXES
from polder.graph.links import LINK_TRIPLES, WETTEN, has_links, link_quads
from polder.ontology import ONTOLOGY

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "dcat-ap-3.0.1"
NEW_BASE = "https://data.example.nl/polder/"
SPDX = Namespace("http://spdx.org/rdf/terms#")
DCAT = Namespace("http://www.w3.org/ns/dcat#")  # rdflib's closed DCAT warns under pytest
RAPPER_SYNTAX = {"ttl": ("turtle", "ntriples"), "nt": ("ntriples", "ntriples"), "trig": ("trig", "nquads")}
OX_FORMAT = {name: fmt.rdf_format for name, fmt in FORMATS.items()}


@pytest.fixture(scope="module")
def exports(built, tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("export")
    for name in FORMATS:
        export(built, folder / f"polder.{name}")
    export(built, folder / "rebased.nq", base=NEW_BASE)
    return folder


@pytest.fixture(scope="module")
def expected(built) -> set[ox.Quad]:
    """The built graph as the export should carry it: the store, which the build gave its
    links out (a store without them gets them added by the export)."""
    store = ox.Store.read_only(str(built / "store"))
    if has_links(store, built_base(built)):
        return set(store)
    return set(store) | set(link_quads(store, built_base(built)))


def as_triples(quads) -> set[ox.Quad]:
    return {ox.Quad(q.subject, q.predicate, q.object) for q in quads}


def has_blank(quad: ox.Quad) -> bool:
    return isinstance(quad.subject, ox.BlankNode) or isinstance(quad.object, ox.BlankNode)


def canonical(quads) -> set[ox.Quad]:
    dataset = ox.Dataset(quads)
    dataset.canonicalize(ox.CanonicalizationAlgorithm.UNSTABLE)
    return set(dataset)


def assert_isomorphic(got: set[ox.Quad], want: set[ox.Quad]) -> None:
    """Ground statements compared as N-Quads lines; those with blank nodes (the ontology's
    owl:oneOf list) compared after canonical relabelling."""
    ground_got = {str(q) for q in got if not has_blank(q)}
    ground_want = {str(q) for q in want if not has_blank(q)}
    assert ground_got == ground_want, (sorted(ground_want - ground_got)[:3], sorted(ground_got - ground_want)[:3])
    assert len(got) == len(want)
    assert canonical(got) == canonical(want)


def parse_quads(path: Path, fmt: str) -> set[ox.Quad]:
    parsed = ox.parse(path=str(path), format=OX_FORMAT[fmt])
    return {q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object) for q in parsed}


# ---------------------------------------------------------------- round trip

@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_pyoxigraph_reads_back_the_built_graph(exports, expected, fmt):
    got = parse_quads(exports / f"polder.{fmt}", fmt)
    want = expected if FORMATS[fmt].quads else as_triples(expected)
    assert_isomorphic(got, want)


@pytest.mark.parametrize("fmt", sorted(RAPPER_SYNTAX))
def test_rapper_reads_back_the_built_graph(exports, expected, fmt):
    syntax, output = RAPPER_SYNTAX[fmt]
    run = subprocess.run(["rapper", "-q", "-i", syntax, "-o", output, str(exports / f"polder.{fmt}")],
                         capture_output=True, check=False)
    assert run.returncode == 0, run.stderr.decode()
    rdf_format = ox.RdfFormat.N_QUADS if output == "nquads" else ox.RdfFormat.N_TRIPLES
    parsed = ox.parse(run.stdout, format=rdf_format)
    got = {q if isinstance(q, ox.Quad) else ox.Quad(q.subject, q.predicate, q.object) for q in parsed}
    assert_isomorphic(got, expected if FORMATS[fmt].quads else as_triples(expected))


def test_turtle_is_prefixed_and_sorted(exports):
    text = (exports / "polder.ttl").read_text(encoding="utf-8")
    assert "@prefix polder: <https://w3id.org/polder/def#> ." in text
    subjects = [line.split(" ", 1)[0].strip("<>") for line in text.splitlines() if line.startswith("<")]
    assert subjects == sorted(subjects) and len(subjects) == len(set(subjects))


def test_export_is_byte_identical_when_repeated(built, exports, tmp_path):
    again = tmp_path / "polder.trig"
    export(built, again)
    for original, repeated in zip((exports / "polder.trig", *metadata_paths(exports / "polder.trig")),
                                  (again, *metadata_paths(again))):
        assert original.read_bytes() == repeated.read_bytes(), original.name


# ---------------------------------------------------------------- --base

def test_base_moves_every_instance_iri_and_no_vocabulary_iri(built, exports, expected):
    old = built_base(built)
    rebased = parse_quads(exports / "rebased.nq", "nq")
    iris = {t.value for q in rebased for t in (q.subject, q.predicate, q.object, q.graph_name)
            if isinstance(t, ox.NamedNode)}
    assert not any(iri.startswith(old) for iri in iris)
    assert any(iri.startswith(NEW_BASE) for iri in iris)

    def moved(term):
        if isinstance(term, ox.NamedNode) and term.value.startswith(old):
            return ox.NamedNode(NEW_BASE + term.value[len(old):])
        return term

    want = {ox.Quad(moved(q.subject), q.predicate, moved(q.object), moved(q.graph_name)) for q in expected}
    assert_isomorphic(rebased, want)
    vocabulary = {i for i in iris if not i.startswith(NEW_BASE)}
    original = {t.value for q in expected for t in (q.subject, q.predicate, q.object, q.graph_name)
                if isinstance(t, ox.NamedNode) and not t.value.startswith(old)}
    assert vocabulary == original


def test_base_moves_the_metadata_too(exports):
    dcat = Graph().parse(metadata_paths(exports / "rebased.nq")[0])
    datasets = list(dcat.subjects(RDF.type, DCAT.Dataset))
    assert len(datasets) == 1 and str(datasets[0]).startswith(NEW_BASE)


def test_a_bad_base_is_a_one_line_error(built, tmp_path):
    result = CliRunner().invoke(main, ["export", "-g", str(built), "-o", str(tmp_path / "x.ttl"),
                                       "--base", "urn:x"])
    assert result.exit_code == 2
    assert result.output.strip().startswith("Error: --base must be") and "Traceback" not in result.output


# ---------------------------------------------------------------- JSON-LD

def test_jsonld_reads_naturally_with_the_context(exports, expected):
    document = json.loads((exports / "polder.jsonld").read_text(encoding="utf-8"))
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    assert document["@context"] == context
    keys = {key for graph in document["@graph"] for node in graph["@graph"] for key in node}
    assert not [key for key in keys if key.startswith("http")]
    used = {q.predicate.value for q in expected}
    for term in ("label", "articleNumber", "unitOf", "isPartOf", "mentionOf"):
        iri = expand(context[term]["@id"] if isinstance(context[term], dict) else context[term], context)
        assert (term in keys) == (iri in used), term


def expand(curie: str, context: dict) -> str:
    prefix, local = curie.split(":", 1)
    return context[prefix] + local


def test_context_has_a_term_for_every_ontology_property():
    context = json.loads(CONTEXT_FILE.read_text(encoding="utf-8"))["@context"]
    ontology = Graph().parse(ONTOLOGY)
    polder = PREFIXES["polder"]
    owl = Namespace("http://www.w3.org/2002/07/owl#")
    properties = {str(p)[len(polder):] for cls in (owl.ObjectProperty, owl.DatatypeProperty)
                  for p in ontology.subjects(RDF.type, cls) if str(p).startswith(polder)}
    assert properties and properties <= set(context)


# ---------------------------------------------------------------- links out

def test_provisions_link_to_their_article_on_wetten_overheid_nl(built, exports):
    store = ox.Store.read_only(str(built / "store"))
    rows = list(store.query(f"""PREFIX polder: <{PREFIXES['polder']}> PREFIX eli: <{PREFIXES['eli']}>
        SELECT ?p ?n ?bwb WHERE {{ ?p a polder:Provision ; polder:articleNumber ?n ; eli:is_part_of+ ?law .
        ?law polder:bwbId ?bwb }}""", use_default_graph_as_union=True))
    assert rows, "the corpus cites articles of laws with a BWB identifier"
    exported = Graph().parse(exports / "polder.ttl")
    see_also = URIRef(PREFIXES["rdfs"] + "seeAlso")
    for row in rows:
        target = URIRef(f"{WETTEN}jci1.3:c:{row['bwb'].value}&artikel={row['n'].value}")
        assert (URIRef(row["p"].value), see_also, target) in exported
    assert not [o for o in exported.objects(None, see_also) if "hoofdstuk=" in str(o)]


def test_laws_with_a_bwb_id_link_to_their_text(exports):
    exported = Graph().parse(exports / "polder.ttl")
    bwb = URIRef(PREFIXES["polder"] + "bwbId")
    see_also = URIRef(PREFIXES["rdfs"] + "seeAlso")
    laws = list(exported.subject_objects(bwb))
    assert laws
    for law, identifier in laws:
        assert (law, see_also, URIRef(WETTEN + str(identifier))) in exported


# ---------------------------------------------------------------- DCAT and VoID

def dcat_ap_shapes() -> Graph:
    """The official shapes with ranges; five property-shape references in 3.0.1 name shapes
    that neither file defines, which pyshacl refuses, so those references are dropped."""
    shapes = Graph().parse(REFERENCE / "dcat-ap-SHACL.ttl").parse(REFERENCE / "ranges.ttl")
    sh = Namespace("http://www.w3.org/ns/shacl#")
    dangling = [(s, p) for s, p in shapes.subject_objects(sh.property) if (p, None, None) not in shapes]
    assert len(dangling) <= 5
    for subject, shape in dangling:
        shapes.remove((subject, sh.property, shape))
    return shapes


@pytest.fixture(scope="module")
def shapes() -> Graph:
    return dcat_ap_shapes()


def conforms(data: Graph, shapes: Graph) -> tuple[bool, str]:
    from pyshacl import validate

    ok, _, text = validate(data, shacl_graph=shapes, inference="none")
    return ok, text


@pytest.mark.parametrize("fmt", ["ttl", "jsonld"])
def test_dcat_conforms_to_dcat_ap(exports, shapes, fmt):
    data = Graph().parse(metadata_paths(exports / f"polder.{fmt}")[0])
    ok, report = conforms(data, shapes)
    assert ok, report


def test_the_shapes_catch_a_dataset_without_title(exports, shapes):
    data = Graph().parse(metadata_paths(exports / "polder.ttl")[0])
    dataset = next(data.subjects(RDF.type, DCAT.Dataset))
    data.remove((dataset, DCTERMS.title, None))
    assert not conforms(data, shapes)[0]


def test_dcat_describes_the_dataset_and_the_file(built, exports):
    target = exports / "polder.nq"
    data = Graph().parse(metadata_paths(target)[0])
    dataset = next(data.subjects(RDF.type, DCAT.Dataset))
    assert {t.language for t in data.objects(dataset, DCTERMS.title)} == {"nl", "en"}
    assert {t.language for t in data.objects(dataset, DCTERMS.description)} == {"nl", "en"}
    themes = {str(t).rsplit("/", 1)[1] for t in data.objects(dataset, DCAT.theme)}
    assert {"SOCI", "GOVE"} <= themes
    for prop in (DCTERMS.identifier, DCTERMS.publisher, DCTERMS.creator, DCAT.contactPoint,
                 DCTERMS.accessRights, DCTERMS.issued, DCTERMS.modified):
        assert data.value(dataset, prop) is not None, prop
    distribution = data.value(dataset, DCAT.distribution)
    assert int(data.value(distribution, DCAT.byteSize)) == target.stat().st_size
    checksum = data.value(distribution, SPDX.checksum)
    assert str(data.value(checksum, SPDX.checksumValue)) == hashlib.sha256(target.read_bytes()).hexdigest()
    assert str(data.value(distribution, DCAT.mediaType)).endswith("application/n-quads")
    assert data.value(distribution, DCTERMS.license) is not None


def test_modified_is_the_newest_document_date(built, exports):
    store = ox.Store.read_only(str(built / "store"))
    dates = [row["d"].value for row in store.query(
        "SELECT ?d WHERE { GRAPH ?g { ?g <http://purl.org/dc/terms/identifier> ?i ; <http://purl.org/dc/terms/date> ?d } }")]
    data = Graph().parse(metadata_paths(exports / "polder.ttl")[0])
    dataset = next(data.subjects(RDF.type, DCAT.Dataset))
    assert str(data.value(dataset, DCTERMS.modified)) == max(dates)
    assert str(data.value(dataset, DCTERMS.issued)) == min(dates)


def test_config_overrides_publisher_and_keeps_defaults(built, tmp_path):
    config = tmp_path / "dataset.toml"
    config.write_text('[publisher]\niri = "https://example.nl/org"\nname = "Voorbeeldorganisatie"\n'
                      '[contact]\nemail = "data@example.nl"\n[dataset]\nmodified = "2030-01-02"\n', encoding="utf-8")
    target = tmp_path / "polder.ttl"
    export(built, target, config_file=config)
    data = Graph().parse(metadata_paths(target)[0])
    dataset = next(data.subjects(RDF.type, DCAT.Dataset))
    assert data.value(dataset, DCTERMS.publisher) == URIRef("https://example.nl/org")
    assert Literal("Voorbeeldorganisatie", lang="nl") in set(data.objects(URIRef("https://example.nl/org"), None))
    assert str(data.value(dataset, DCTERMS.modified)) == "2030-01-02"
    contact = data.value(dataset, DCAT.contactPoint)
    assert URIRef("mailto:data@example.nl") in set(data.objects(contact, None))
    assert DEFAULT_CONFIG.exists() and data.value(dataset, DCAT.landingPage) is not None


def test_void_counts_and_one_subset_per_document(built, exports):
    void = Graph().parse(metadata_paths(exports / "polder.ttl")[1])
    dataset = next(void.subjects(VOID.subset, None, unique=True))
    triples = parse_quads(exports / "polder.nt", "nt")
    assert int(void.value(dataset, VOID.triples)) == len(triples)
    assert int(void.value(dataset, VOID.properties)) == len({q.predicate for q in triples})
    classes = {q.object for q in triples if q.predicate.value == str(RDF.type)}
    assert int(void.value(dataset, VOID.classes)) == len(classes)
    assert int(void.value(dataset, VOID.entities)) > 0
    manifest = json.loads((built / "manifest.json").read_text(encoding="utf-8"))
    sources = {str(void.value(s, DCTERMS.identifier)) for s in void.objects(dataset, VOID.subset)}
    assert sources == set(manifest["documents"])


# ---------------------------------------------------------------- CLI and docs

def test_cli_export_guesses_the_format_and_rejects_unknown_suffixes(built, tmp_path):
    runner = CliRunner()
    ok = runner.invoke(main, ["export", "-g", str(built), "-o", str(tmp_path / "polder.nt")])
    assert ok.exit_code == 0, ok.output
    assert (tmp_path / "polder.nt.dcat.ttl").exists() and (tmp_path / "polder.nt.void.ttl").exists()
    bad = runner.invoke(main, ["export", "-g", str(built), "-o", str(tmp_path / "polder.rdf")])
    assert bad.exit_code == 2 and "cannot tell the format" in bad.output


def test_docs_page_shows_classes_and_properties_in_both_languages(tmp_path):
    result = CliRunner().invoke(main, ["docs", "-o", str(tmp_path / "site")])
    assert result.exit_code == 0, result.output
    page = (tmp_path / "site" / "index.html").read_text(encoding="utf-8")
    ontology = Graph().parse(ONTOLOGY)
    rdfs_label = URIRef(PREFIXES["rdfs"] + "label")
    labels = [label for subject in (URIRef(PREFIXES["polder"] + name) for name in ("Provision", "issuedBy", "articleNumber", "Recommendation"))
              for label in ontology.objects(subject, rdfs_label)]
    for label in labels:
        assert str(label) in page, label
    assert (tmp_path / "site" / "polder.ttl").read_bytes() == ONTOLOGY.read_bytes()
    assert json.loads((tmp_path / "site" / "context.jsonld").read_text(encoding="utf-8"))["@context"]


def test_the_build_links_exactly_what_the_link_rule_says(built):
    """Links are written while each document's graph is made; the SPARQL rule (which the
    export uses for graphs built without links) must find the very same ones."""
    store = ox.Store.read_only(str(built / "store"))
    rule = {(r["s"].value, r["o"].value) for r in store.query(LINK_TRIPLES, use_default_graph_as_union=True)}
    see_also = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#seeAlso")
    stored = {(q.subject.value, q.object.value) for q in store.quads_for_pattern(None, see_also, None)
              if q.object.value.startswith(WETTEN)}
    assert rule and stored == rule
