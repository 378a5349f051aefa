"""Namespaces and IRIs: the one place where Polder's IRIs are made."""
from __future__ import annotations

from rdflib import Namespace, URIRef
from polder.extract.keys import document_key, slug, slug_stem  # noqa: F401  (re-exported)
from rdflib.namespace import DCTERMS, FOAF, OWL, PROV, RDF, RDFS, SKOS, XSD

POLDER = Namespace("https://w3id.org/polder/def#")
ORG = Namespace("http://www.w3.org/ns/org#")
ELI = Namespace("http://data.europa.eu/eli/ontology#")
OA = Namespace("http://www.w3.org/ns/oa#")
DEFAULT_BASE = "https://w3id.org/polder/id/"
SYSTEM_GRAPHS = ("graph/ontology", "graph/reference", "graph/topics")

PREFIXES = {
    "polder": str(POLDER), "org": str(ORG), "eli": str(ELI), "prov": str(PROV),
    "dcterms": str(DCTERMS), "skos": str(SKOS), "foaf": str(FOAF), "rdf": str(RDF),
    "rdfs": str(RDFS), "xsd": str(XSD), "owl": str(OWL), "oa": str(OA),
}
_NAMESPACES = {"polder": POLDER, "org": ORG, "eli": ELI, "prov": PROV, "dcterms": DCTERMS, "oa": OA,
               "skos": SKOS, "foaf": FOAF, "rdf": RDF, "rdfs": RDFS}


def term(curie: str) -> URIRef:
    """'org:unitOf' -> the full IRI; unknown prefixes raise KeyError."""
    prefix, local = curie.split(":", 1)
    return _NAMESPACES[prefix][local]


def instance(key: str, base: str = DEFAULT_BASE) -> URIRef:
    """An instance IRI: the base followed by the entity key (e.g. 'law/arbowet')."""
    return URIRef(base + key)


def key_of(iri: str, base: str = DEFAULT_BASE) -> str | None:
    """The key of an instance IRI, or None when the IRI is not under the base."""
    return iri[len(base):] if iri.startswith(base) else None
