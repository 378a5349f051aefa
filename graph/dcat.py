"""Dataset metadata written beside every export: DCAT (DCAT-AP 3.0.1 / DCAT-AP-NL) and VoID.

`FILE.dcat.ttl` describes the dataset and FILE as its distribution (media type, size,
sha256); `FILE.void.ttl` gives the statistics (triples, entities, classes, properties,
one subset per source document). What is the publisher's to say (names, contact, license,
themes) comes from `ontology/dataset.toml` or `--config FILE`; dates come from the
documents, never from the clock, so re-exporting the same graph is byte-identical.
"""
from __future__ import annotations

import tomllib
from pathlib import Path

from rdflib import Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, VOID, XSD

from polder.extract.errors import PolderError
from polder.extract.reader import file_sha256
from polder.ontology import HERE as ONTOLOGY_DIR

from .export import Format, Source, source_pattern
from .iri import PREFIXES, slug
from .links import PREFIX_LINES

DEFAULT_CONFIG = ONTOLOGY_DIR / "dataset.toml"
SPDX = Namespace("http://spdx.org/rdf/terms#")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")
FORMATS_NS = Namespace("http://www.w3.org/ns/formats/")
EU = "http://publications.europa.eu/resource/authority/"
AUTHORITY = {"themes": "data-theme", "language": "language", "access_rights": "access-right",
             "frequency": "frequency"}
VOID_FEATURES = {"ttl": "Turtle", "trig": "TriG", "nt": "N-Triples", "nq": "N-Quads", "jsonld": "JSON-LD"}
METADATA_PREFIXES = {"dcat": DCAT, "dcterms": DCTERMS, "foaf": FOAF, "skos": SKOS, "spdx": SPDX,
                     "vcard": VCARD, "void": VOID, "xsd": XSD}


class ConfigError(PolderError):
    """A dataset configuration file that cannot be used."""


# ---------------------------------------------------------------- configuration

def load_config(path: Path | None = None) -> dict:
    """The defaults of ontology/dataset.toml, overridden key by key by `path`."""
    config = read_toml(DEFAULT_CONFIG)
    return merged(config, read_toml(Path(path))) if path else config


def read_toml(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"no such dataset configuration: {path}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML: {exc}") from None


def merged(base: dict, override: dict) -> dict:
    result = dict(base)
    for key, value in override.items():
        both_tables = isinstance(value, dict) and isinstance(base.get(key), dict)
        result[key] = merged(base[key], value) if both_tables else value
    return result


def authority(field: str, code: str) -> URIRef:
    return URIRef(f"{EU}{AUTHORITY[field]}/{code}")


# ---------------------------------------------------------------- what the store says

DOCUMENT_DATES = """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?date WHERE { GRAPH ?doc { ?doc dcterms:identifier ?id ; dcterms:date ?date } }"""


def document_dates(source: Source) -> list[Literal]:
    """The documents' own dates, oldest first (ISO strings of mixed precision sort right)."""
    rows = source.store.query(DOCUMENT_DATES)
    dates = {(row["date"].value, row["date"].datatype.value) for row in rows}
    return [Literal(value, datatype=URIRef(dtype)) for value, dtype in sorted(dates)]


def configured_date(value: str) -> Literal:
    from .build import date_literal

    return date_literal(value)


def dataset_dates(source: Source, config: dict) -> tuple[Literal | None, Literal | None]:
    """(issued, modified): from the configuration, else the oldest and newest document date."""
    dates = document_dates(source)
    issued, modified = config["dataset"].get("issued"), config["dataset"].get("modified")
    issued = configured_date(issued) if issued else (dates[0] if dates else None)
    modified = configured_date(modified) if modified else (dates[-1] if dates else None)
    return issued, modified


# ---------------------------------------------------------------- DCAT

def dataset_iri(source: Source, config: dict) -> URIRef:
    return URIRef(f"{source.new_base}dataset/{config['dataset']['slug']}")


def new_metadata_graph() -> Graph:
    g = Graph(bind_namespaces="none")
    for prefix, ns in METADATA_PREFIXES.items():
        g.bind(prefix, ns)
    return g


def add_texts(g: Graph, node: URIRef, prop: URIRef, texts: dict | str) -> None:
    if isinstance(texts, str):
        texts = {"nl": texts}
    for lang, text in sorted(texts.items()):
        for value in ([text] if isinstance(text, str) else text):
            g.add((node, prop, Literal(value, lang=lang)))


def add_concept(g: Graph, node: URIRef, cls: URIRef, label: str) -> None:
    """An authority-list value, typed as the DCAT-AP ranges ask, with a label."""
    g.add((node, RDF.type, cls))
    g.add((node, RDF.type, SKOS.Concept))
    g.add((node, SKOS.prefLabel, Literal(label, lang="nl")))


def add_agent(g: Graph, node: URIRef, names: dict | str) -> None:
    g.add((node, RDF.type, FOAF.Agent))
    add_texts(g, node, FOAF.name, names)


def add_contact(g: Graph, dataset: URIRef, contact: dict) -> None:
    node = URIRef(f"{dataset}/contact")
    g.add((dataset, DCAT.contactPoint, node))
    g.add((node, RDF.type, VCARD.Organization))
    g.add((node, RDF.type, VCARD.Kind))
    g.add((node, VCARD.fn, Literal(contact["name"])))
    if contact.get("email"):
        g.add((node, VCARD.hasEmail, URIRef(f"mailto:{contact['email']}")))
    if contact.get("url"):
        g.add((node, VCARD.hasURL, URIRef(contact["url"])))


def add_vocabulary_values(g: Graph, dataset: URIRef, config: dict) -> None:
    """Themes, language, access rights and frequency from the EU authority lists."""
    info, labels = config["dataset"], config.get("labels", {})
    for code in info["themes"]:
        g.add((dataset, DCAT.theme, authority("themes", code)))
        add_concept(g, authority("themes", code), SKOS.Concept, labels.get(code, code))
    for field, prop, cls in (("language", DCTERMS.language, DCTERMS.LinguisticSystem),
                             ("access_rights", DCTERMS.accessRights, DCTERMS.RightsStatement),
                             ("frequency", DCTERMS.accrualPeriodicity, DCTERMS.Frequency)):
        g.add((dataset, prop, authority(field, info[field])))
        add_concept(g, authority(field, info[field]), cls, labels.get(info[field], info[field]))


def add_dataset(g: Graph, source: Source, config: dict) -> URIRef:
    info, dataset = config["dataset"], dataset_iri(source, config)
    g.add((dataset, RDF.type, DCAT.Dataset))
    add_texts(g, dataset, DCTERMS.title, info["title"])
    add_texts(g, dataset, DCTERMS.description, info["description"])
    add_texts(g, dataset, DCAT.keyword, info.get("keywords", {}))
    g.add((dataset, DCTERMS.identifier, Literal(str(dataset))))
    publisher = URIRef(config["publisher"]["iri"])
    g.add((dataset, DCTERMS.publisher, publisher))
    add_agent(g, publisher, config["publisher"]["name"])
    creator = URIRef(config.get("creator", {}).get("iri") or publisher)
    g.add((dataset, DCTERMS.creator, creator))
    if creator != publisher:
        add_agent(g, creator, config["creator"].get("name", str(creator)))
    add_contact(g, dataset, config["contact"])
    add_vocabulary_values(g, dataset, config)
    if info.get("landing_page"):
        g.add((dataset, DCAT.landingPage, URIRef(info["landing_page"])))
        g.add((URIRef(info["landing_page"]), RDF.type, FOAF.Document))
    g.add((dataset, DCTERMS.conformsTo, URIRef(PREFIXES["polder"].rstrip("#"))))
    g.add((URIRef(PREFIXES["polder"].rstrip("#")), RDF.type, DCTERMS.Standard))
    add_dates(g, dataset, source, config)
    return dataset


def add_dates(g: Graph, node: URIRef, source: Source, config: dict) -> None:
    issued, modified = dataset_dates(source, config)
    if issued is not None:
        g.add((node, DCTERMS.issued, issued))
    if modified is not None:
        g.add((node, DCTERMS.modified, modified))


def download_url(config: dict, path: Path) -> URIRef:
    return URIRef(config["dataset"]["download_base"] + path.name)


def add_distribution(g: Graph, dataset: URIRef, path: Path, fmt: Format, source: Source, config: dict) -> None:
    node = URIRef(f"{dataset}/distribution/{slug(path.name)}")
    g.add((dataset, DCAT.distribution, node))
    g.add((node, RDF.type, DCAT.Distribution))
    add_texts(g, node, DCTERMS.title, {"nl": f"{path.name} ({fmt.label})", "en": f"{path.name} ({fmt.label})"})
    g.add((node, DCAT.accessURL, download_url(config, path)))
    g.add((node, DCAT.downloadURL, download_url(config, path)))
    g.add((node, DCAT.mediaType, URIRef(fmt.media_type_iri)))
    g.add((URIRef(fmt.media_type_iri), RDF.type, DCTERMS.MediaType))
    g.add((node, DCTERMS.format, URIRef(fmt.file_type_iri)))
    g.add((URIRef(fmt.file_type_iri), RDF.type, DCTERMS.MediaTypeOrExtent))
    g.add((node, DCAT.byteSize, Literal(path.stat().st_size, datatype=XSD.nonNegativeInteger)))
    add_checksum(g, node, path)
    license_ = URIRef(config["license"]["iri"])
    g.add((node, DCTERMS.license, license_))
    g.add((license_, RDF.type, DCTERMS.LicenseDocument))
    add_texts(g, license_, DCTERMS.title, {"en": config["license"]["label"]})
    add_dates(g, node, source, config)


def add_checksum(g: Graph, distribution: URIRef, path: Path) -> None:
    node = URIRef(f"{distribution}/checksum")
    g.add((distribution, SPDX.checksum, node))
    g.add((node, RDF.type, SPDX.Checksum))
    g.add((node, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    g.add((SPDX.checksumAlgorithm_sha256, RDF.type, SPDX.ChecksumAlgorithm))
    g.add((node, SPDX.checksumValue, Literal(file_sha256(path), datatype=XSD.hexBinary)))


def dcat_graph(source: Source, config: dict, path: Path, fmt: Format) -> Graph:
    g = new_metadata_graph()
    dataset = add_dataset(g, source, config)
    add_distribution(g, dataset, path, fmt, source, config)
    return g


# ---------------------------------------------------------------- VoID

def count(source: Source, select: str, where: str = "") -> int:
    """One COUNT over every statement of the export (?g0 ?s0 ?p ?o0, links included)."""
    query = (PREFIX_LINES + f"SELECT ({select} AS ?n) WHERE {{ "
             f"{source_pattern(source.with_links, source.old_base)} {where} }}")
    rows = list(source.store.query(query, use_default_graph_as_union=True))
    return int(rows[0]["n"].value)


def grouped(source: Source, key: str, select: str, where: str = "") -> list[tuple[str, int]]:
    triples = f"SELECT DISTINCT ?s0 ?p ?o0 WHERE {{ {source_pattern(source.with_links, source.old_base)} }}"
    query = (PREFIX_LINES + f"SELECT ?{key} ({select} AS ?n) WHERE {{ {{ {triples} }} {where} }} "
             f"GROUP BY ?{key} ORDER BY ?{key}")
    return [(row[key].value, int(row["n"].value)) for row in source.store.query(query, use_default_graph_as_union=True)]


def distinct_triples(source: Source) -> int:
    query = (PREFIX_LINES + "SELECT (COUNT(*) AS ?n) WHERE { SELECT DISTINCT ?s0 ?p ?o0 WHERE { "
             f"{source_pattern(source.with_links, source.old_base)} }} }}")
    return int(next(iter(source.store.query(query, use_default_graph_as_union=True)))["n"].value)


def statistics(source: Source) -> dict[str, int]:
    instance = f'FILTER(isIRI(?s0) && STRSTARTS(STR(?s0), "{source.old_base}"))'
    return {
        "triples": distinct_triples(source),
        "entities": count(source, "COUNT(DISTINCT ?s0)", instance),
        "classes": count(source, "COUNT(DISTINCT ?o0)", "FILTER(?p = rdf:type)"),
        "properties": count(source, "COUNT(DISTINCT ?p)"),
        "distinctSubjects": count(source, "COUNT(DISTINCT ?s0)"),
        "distinctObjects": count(source, "COUNT(DISTINCT ?o0)"),
    }


def short_name(iri: str) -> str:
    for prefix, ns in PREFIXES.items():
        if iri.startswith(ns):
            return f"{prefix}-{iri[len(ns):]}"
    return slug(iri)


def rebased(source: Source, iri: str) -> URIRef:
    old, new = source.old_base, source.new_base
    return URIRef(new + iri[len(old):] if iri.startswith(old) else iri)


def add_partitions(g: Graph, dataset: URIRef, source: Source) -> None:
    classes = grouped(source, "o0", "COUNT(DISTINCT ?s0)", "FILTER(?p = rdf:type)")
    for cls, n in classes:
        node = URIRef(f"{dataset}/class/{short_name(cls)}")
        g.add((dataset, VOID.classPartition, node))
        g.add((node, VOID["class"], URIRef(cls)))
        g.add((node, VOID.entities, Literal(n, datatype=XSD.integer)))
    for prop, n in grouped(source, "p", "COUNT(*)"):
        node = URIRef(f"{dataset}/property/{short_name(prop)}")
        g.add((dataset, VOID.propertyPartition, node))
        g.add((node, VOID.property, URIRef(prop)))
        g.add((node, VOID.triples, Literal(n, datatype=XSD.integer)))


DOCUMENT_GRAPHS = """PREFIX dcterms: <http://purl.org/dc/terms/>
SELECT ?doc ?id (COUNT(*) AS ?n) WHERE {
  GRAPH ?doc { ?doc dcterms:identifier ?id . ?s ?p ?o } } GROUP BY ?doc ?id ORDER BY ?doc"""


def add_document_subsets(g: Graph, dataset: URIRef, source: Source) -> None:
    """One void:subset per source document: its named graph."""
    for row in source.store.query(DOCUMENT_GRAPHS):
        doc = rebased(source, row["doc"].value)
        node = URIRef(f"{dataset}/subset/{slug(row['id'].value)}")
        g.add((dataset, VOID.subset, node))
        g.add((node, RDF.type, VOID.Dataset))
        g.add((node, DCTERMS.source, doc))
        g.add((node, DCTERMS.identifier, Literal(row["id"].value)))
        g.add((node, VOID.triples, Literal(int(row["n"].value), datatype=XSD.integer)))


def void_graph(source: Source, config: dict, path: Path, fmt: Format) -> Graph:
    g = new_metadata_graph()
    dataset = dataset_iri(source, config)
    g.add((dataset, RDF.type, VOID.Dataset))
    add_texts(g, dataset, DCTERMS.title, config["dataset"]["title"])
    for name, n in statistics(source).items():
        g.add((dataset, VOID[name], Literal(n, datatype=XSD.integer)))
    g.add((dataset, VOID.uriSpace, Literal(source.new_base)))
    g.add((dataset, VOID.dataDump, download_url(config, path)))
    g.add((dataset, VOID.feature, FORMATS_NS[VOID_FEATURES[fmt.name]]))
    for ns in sorted(set(PREFIXES.values())):
        g.add((dataset, VOID.vocabulary, URIRef(ns)))
    add_partitions(g, dataset, source)
    add_document_subsets(g, dataset, source)
    return g


# ---------------------------------------------------------------- files

def metadata_paths(target: Path) -> tuple[Path, Path]:
    return target.with_name(target.name + ".dcat.ttl"), target.with_name(target.name + ".void.ttl")


def write_metadata(source: Source, target: Path, fmt: Format, config: dict) -> list[Path]:
    """FILE.dcat.ttl and FILE.void.ttl beside the export FILE."""
    dcat_file, void_file = metadata_paths(target)
    dcat_file.write_bytes(dcat_graph(source, config, target, fmt).serialize(format="turtle", encoding="utf-8"))
    void_file.write_bytes(void_graph(source, config, target, fmt).serialize(format="turtle", encoding="utf-8"))
    return [dcat_file, void_file]
