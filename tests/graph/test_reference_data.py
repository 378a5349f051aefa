"""Checks on the reference data (ontology/reference.ttl) and the topic scheme (ontology/topics.ttl).

These files are dictionaries for the extractors, so besides being valid against the shapes they
must be unambiguous: no written form may belong to two entities.
"""
from __future__ import annotations

import re
from collections import defaultdict
from pathlib import Path

import pytest
from rdflib import RDF, RDFS, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, SKOS

ONTOLOGY = Path(__file__).resolve().parents[2] / "ontology"
POLDER = Namespace("https://w3id.org/polder/def#")
ORG = Namespace("http://www.w3.org/ns/org#")
BASE = "https://w3id.org/polder/id/"

ORG_TYPES = {
    "advisory_body", "committee", "union", "employer_org", "government", "ministry", "inspectorate",
    "research_institute", "parliament", "political_party", "education", "company", "foundation",
    "international", "other",
}
LAW_TYPES = {"act", "decree", "ministerial_regulation", "scheme", "treaty", "eu_regulation", "eu_directive"}
ENTITY_CLASSES = (POLDER.Organisation, POLDER.AdvisoryBody, POLDER.Committee, POLDER.Law, POLDER.Topic)
LABEL_PROPS = (RDFS.label, SKOS.altLabel, SKOS.hiddenLabel, SKOS.prefLabel)
BWB_RE = re.compile(r"^BWB[RV]\d{7}$")


def _parse(*names: str) -> Graph:
    g = Graph()
    for name in names:
        g.parse(ONTOLOGY / name, format="turtle")
    return g


@pytest.fixture(scope="module")
def reference() -> Graph:
    return _parse("reference.ttl")


@pytest.fixture(scope="module")
def topics() -> Graph:
    return _parse("topics.ttl")


@pytest.fixture(scope="module")
def combined() -> Graph:
    return _parse("polder.ttl", "reference.ttl", "topics.ttl")


def _entities(g: Graph) -> set[URIRef]:
    return {s for cls in ENTITY_CLASSES for s in g.subjects(RDF.type, cls)}


def test_files_parse_and_are_not_trivial(reference, topics):
    assert len(set(reference.subjects(RDF.type, POLDER.Law))) >= 50
    assert len(set(reference.subjects(RDF.type, POLDER.AdvisoryBody))) >= 10
    assert len(set(reference.subjects(RDF.type, POLDER.Committee))) >= 3
    assert len(set(topics.subjects(RDF.type, POLDER.Topic))) >= 30


def test_shacl_conforms(combined):
    from pyshacl import validate

    shapes = Graph().parse(ONTOLOGY / "shapes.ttl", format="turtle")
    conforms, _, text = validate(combined, shacl_graph=shapes, ont_graph=None, inference="rdfs",
                                 advanced=True, allow_warnings=True)
    assert conforms, text


def test_iris_are_under_the_instance_base(reference, topics):
    for g in (reference, topics):
        for s in _entities(g):
            assert str(s).startswith(BASE), s
    for s in _entities(reference):
        local = str(s)[len(BASE):]
        assert re.fullmatch(r"(org|law)/[a-z0-9-]+(/[a-z0-9-]+)?", local), s
    for s in _entities(topics):
        assert re.fullmatch(r"topic/[a-z0-9-]+", str(s)[len(BASE):]), s


def test_every_entity_has_exactly_one_dutch_label(reference, topics):
    for g in (reference, topics):
        for s in _entities(g):
            labels = list(g.objects(s, RDFS.label))
            assert len(labels) == 1, (s, labels)
            assert isinstance(labels[0], Literal) and labels[0].language == "nl", (s, labels)
            assert str(labels[0]).strip() == str(labels[0]) and labels[0], s


def test_all_label_forms_are_dutch_literals(reference, topics):
    for g in (reference, topics):
        for s in _entities(g):
            for p in (SKOS.altLabel, SKOS.hiddenLabel):
                for o in g.objects(s, p):
                    assert isinstance(o, Literal) and o.language == "nl", (s, p, o)
                    assert str(o).strip() == str(o) and len(str(o)) >= 2, (s, p, o)


def test_no_form_is_shared_by_two_entities(reference, topics):
    """Case-insensitively, a label, altLabel or hiddenLabel names one entity only (across both files)."""
    owners: dict[str, set[URIRef]] = defaultdict(set)
    for g in (reference, topics):
        for s in _entities(g):
            for p in LABEL_PROPS:
                for o in g.objects(s, p):
                    owners[str(o).casefold()].add(s)
    shared = {form: sorted(map(str, who)) for form, who in owners.items() if len(who) > 1}
    assert not shared, shared


def test_organisations_have_a_known_type(reference):
    for s in set(reference.subjects(RDF.type, POLDER.Organisation)) | set(
        reference.subjects(RDF.type, POLDER.AdvisoryBody)
    ) | set(reference.subjects(RDF.type, POLDER.Committee)):
        types = [str(o) for o in reference.objects(s, DCTERMS.type)]
        assert len(types) == 1 and types[0] in ORG_TYPES, (s, types)
    for s in reference.subjects(RDF.type, POLDER.AdvisoryBody):
        assert str(reference.value(s, DCTERMS.type)) == "advisory_body", s
    for s in reference.subjects(RDF.type, POLDER.Committee):
        assert str(reference.value(s, DCTERMS.type)) == "committee", s


def test_laws_have_a_known_type(reference):
    for s in reference.subjects(RDF.type, POLDER.Law):
        types = [str(o) for o in reference.objects(s, DCTERMS.type)]
        assert len(types) == 1 and types[0] in LAW_TYPES, (s, types)


def test_committees_are_units_of_an_advisory_body(reference):
    committees = set(reference.subjects(RDF.type, POLDER.Committee))
    assert URIRef(BASE + "org/ser/cbm") in committees
    assert URIRef(BASE + "org/ser/gsw") in committees
    for c in committees:
        parents = list(reference.objects(c, ORG.unitOf))
        assert parents, c
        for parent in parents:
            assert (parent, RDF.type, POLDER.AdvisoryBody) in reference, (c, parent)


def test_unit_of_targets_exist(reference):
    for s, parent in reference.subject_objects(ORG.unitOf):
        assert (parent, RDF.type, None) in reference, (s, parent)


def test_bwb_ids_are_well_formed_and_linked(reference):
    seen: dict[str, URIRef] = {}
    for law, bwb in reference.subject_objects(POLDER.bwbId):
        assert (law, RDF.type, POLDER.Law) in reference, law
        assert BWB_RE.match(str(bwb)), (law, bwb)
        assert str(bwb) not in seen, (bwb, law, seen.get(str(bwb)))
        seen[str(bwb)] = law
        assert (law, RDFS.seeAlso, URIRef(f"https://wetten.overheid.nl/{bwb}")) in reference, law
        assert len(list(reference.objects(law, POLDER.bwbId))) == 1, law


def test_contract_examples(reference):
    arbowet = URIRef(BASE + "law/arbowet")
    assert str(reference.value(arbowet, POLDER.bwbId)) == "BWBR0010346"
    assert str(reference.value(arbowet, RDFS.label)) == "Arbeidsomstandighedenwet"
    assert Literal("Arbowet", lang="nl") in set(reference.objects(arbowet, SKOS.altLabel))
    ser = URIRef(BASE + "org/ser")
    assert (ser, RDF.type, POLDER.AdvisoryBody) in reference
    assert str(reference.value(ser, RDFS.label)) == "Sociaal-Economische Raad"
    assert str(reference.value(URIRef(BASE + "law/wor"), POLDER.bwbId)) == "BWBR0002747"
    assert (URIRef(BASE + "org/ser/cbm"), ORG.unitOf, ser) in reference


def test_topics_are_in_the_scheme(topics):
    scheme = URIRef(BASE + "topic/scheme")
    assert (scheme, RDF.type, SKOS.ConceptScheme) in topics
    assert topics.value(scheme, RDFS.label) == Literal("Polder-beleidsonderwerpen", lang="nl")
    all_topics = set(topics.subjects(RDF.type, POLDER.Topic))
    for t in all_topics:
        assert (t, RDF.type, SKOS.Concept) in topics, t
        assert (t, SKOS.inScheme, scheme) in topics, t
        pref = list(topics.objects(t, SKOS.prefLabel))
        assert len(pref) == 1 and pref[0] == topics.value(t, RDFS.label), t
        definitions = list(topics.objects(t, SKOS.definition))
        assert len(definitions) == 1 and definitions[0].language == "nl", t
        for b in topics.objects(t, SKOS.broader):
            assert b in all_topics, (t, b)
    for t in topics.objects(scheme, SKOS.hasTopConcept):
        assert t in all_topics, t


def test_broader_hierarchy_has_no_cycles(topics):
    for t in set(topics.subjects(RDF.type, POLDER.Topic)):
        seen = {t}
        frontier = list(topics.objects(t, SKOS.broader))
        while frontier:
            b = frontier.pop()
            assert b not in seen, ("cycle", t, b)
            seen.add(b)
            frontier.extend(topics.objects(b, SKOS.broader))


@pytest.mark.parametrize("slug", [
    "rie", "psychosociale-arbeidsbelasting", "fysieke-belasting", "gevaarlijke-stoffen", "beroepsziekten",
    "medezeggenschap", "arbodienstverlening", "bedrijfsartsen", "preventie", "toezicht-en-handhaving",
    "arbeidsmigratie", "arbeidsmarkt", "sociale-zekerheid", "pensioenen", "leven-lang-ontwikkelen",
    "brede-welvaart", "duurzaamheid", "kunstmatige-intelligentie", "zzp", "flexibele-arbeid",
    "kennisinfrastructuur", "bronbeleid", "monitoring", "arbocatalogi", "ziekteverzuim", "re-integratie",
    "arbeidsongevallen", "jongeren", "studiefinanciering", "wonen", "inkomen-en-koopkracht", "gelijke-kansen",
    "vitaliteit", "werkgeverschap-en-opdrachtgeverschap", "ketenaansprakelijkheid",
])
def test_required_topics_exist(topics, slug):
    assert (URIRef(BASE + "topic/" + slug), RDF.type, POLDER.Topic) in topics


@pytest.mark.parametrize("iri, former", [
    ("law/participatiewet", "Wet werk en bijstand"),
    ("law/participatiewet", "WWB"),
    ("law/wfw", "Wet aanpassing arbeidsduur"),
    ("law/wet-op-de-ser", "Wet op de bedrijfsorganisatie"),
    ("org/vcp", "MHP"),
])
def test_former_names_are_written_forms_an_older_document_is_matched_by(reference, iri, former):
    assert Literal(former, lang="nl") in set(reference.objects(URIRef(BASE + iri), SKOS.altLabel))
