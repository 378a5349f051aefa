"""Synthetic Polder-shaped graphs and a timing of every saved query on two engines.

    python bench/query_bench.py --triples 10000 100000 [--repeat 20] [--only NAME ...] [--cache DIR]

The generator makes documents (minutes, advices, government responses, magazines),
persons, organisations with committees, laws with provisions, recommendations with
stances, meetings with agenda items, topics and mentions with quotes, in one named graph
per document, plus the ontology. Each saved query (with its default parameters) is timed
in the same run on three engines: pyoxigraph's persistent store (RocksDB, as `polder build`
writes it and `polder query` opens it: `disk`, queried with the default graph as the union of
the named graphs), pyoxigraph's in-memory store as `polder serve` and `open_graph(...,
memory=True)` copy a build (`memory`: the named graphs and their merge in the default graph,
which queries read), and rdflib's in-memory Graph. The table gives p50/p95 in ms and the
ratios of the p50s (rdflib / engine).

The shape follows the corpus build (`polder build`, default `--reason rdfs`), measured on
it: about 470 mentions per document over about 90 distinct entities (topics most, then
organisations, persons, laws, few provisions); about 11 recommendations per advice, each
addressed to about 3 actors and concerning a few topics; a reaction per recommendation
with mostly "adopted" stances; topics labelled with rdfs:label and skos:prefLabel. As in a
build, with `--restate` each document's graph restates the type and label of every entity
it mentions, so those triples stand in many graphs; pyoxigraph 0.5's union default graph
then matches each once per graph (oxigraph#1919), and lookups of labels multiply. The entailed graph is made by the same
RDFS rules as `polder build` (polder.graph.reason).
"""
from __future__ import annotations

import argparse
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import pyoxigraph as ox

BASE = "https://w3id.org/polder/id/"
NS = {"polder": "https://w3id.org/polder/def#", "org": "http://www.w3.org/ns/org#",
      "eli": "http://data.europa.eu/eli/ontology#", "dcterms": "http://purl.org/dc/terms/",
      "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "skos": "http://www.w3.org/2004/02/skos/core#",
      "prov": "http://www.w3.org/ns/prov#", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
      "xsd": "http://www.w3.org/2001/XMLSchema#"}
STANCES = ("Adopted", "PartlyAdopted", "UnderConsideration", "NotAdopted", "Noted")
STANCE_WEIGHTS = (55, 17, 17, 7, 4)  # corpus: mostly adopted, a few not
# What mentions point at, as shares measured on the corpus build.
MENTION_TARGETS = (("topic", 50), ("organisation", 34), ("person", 6), ("law", 5), ("provision", 1),
                   ("recommendation", 2), ("committee", 2))
MENTIONS_PER_DOCUMENT = (250, 700)
ENTITIES_PER_DOCUMENT = (50, 120)
KINDS = ("Minutes", "Advice", "GovernmentResponse", "Magazine")
GENERATOR_VERSION = 2  # part of the cache file's name: raise it when the generator changes
TRIPLES_PER_DOCUMENT = 3600  # measured average of what `Generator.document` writes, entailments included


def t(curie: str) -> ox.NamedNode:
    prefix, local = curie.split(":", 1)
    return ox.NamedNode(NS[prefix] + local)


def node(key: str) -> ox.NamedNode:
    return ox.NamedNode(BASE + key)


def lit(value, datatype: str | None = None, lang: str | None = None) -> ox.Literal:
    if lang:
        return ox.Literal(str(value), language=lang)
    if isinstance(value, int):
        return ox.Literal(str(value), datatype=t("xsd:integer"))
    return ox.Literal(str(value), datatype=t(datatype)) if datatype else ox.Literal(str(value))


class Generator:
    """Deterministic (seeded) Polder-shaped quads, about `triples` of them."""

    def __init__(self, triples: int, seed: int = 5, restate: bool = False):
        self.restate = restate
        self.rng = random.Random(seed)
        self.documents = max(8, triples // TRIPLES_PER_DOCUMENT)
        self.laws = max(5, self.documents // 4)
        self.persons = max(10, self.documents // 2)
        self.organisations = max(8, self.documents)
        self.committees = max(3, self.organisations // 16)
        self.topics = max(5, self.documents // 4)
        self.quads: list[ox.Quad] = []
        self.graph: ox.NamedNode | None = None
        self.descriptions: dict[ox.NamedNode, list[tuple]] = {}  # entity → its type and label triples

    def add(self, s, p, o) -> None:
        self.quads.append(ox.Quad(s, p, o, self.graph))

    def entity(self, key: str, cls: str, label: str, alt: str | None = None) -> ox.NamedNode:
        n = node(key)
        described = [(t("rdf:type"), t(cls)), (t("rdfs:label"), lit(label, lang="nl"))]
        if alt:
            described.append((t("skos:altLabel"), lit(alt, lang="nl")))
        for p, o in described:
            self.add(n, p, o)
        self.descriptions[n] = described
        return n

    def generate(self) -> list[ox.Quad]:
        self.ontology()
        self.graph = node("graph/reference")
        self.reference()
        for i in range(self.documents):
            self.graph = node(f"doc/d{i:06d}")
            self.document(i)
        return self.quads

    def ontology(self) -> None:
        path = Path(__file__).resolve().parents[1] / "ontology" / "polder.ttl"
        graph = node("graph/ontology")
        self.quads += [ox.Quad(q.subject, q.predicate, q.object, graph)
                       for q in ox.parse(path=str(path), format=ox.RdfFormat.TURTLE)]

    def reference(self) -> None:
        ser = self.entity("org/ser", "polder:AdvisoryBody", "Sociaal-Economische Raad", "SER")
        for c in range(self.committees):
            committee = self.entity(f"org/ser/c{c}", "polder:Committee", f"Commissie {c}", f"C{c}")
            self.add(committee, t("org:unitOf"), ser)
        for o in range(self.organisations):
            self.entity(f"org/o{o}", "polder:Organisation", f"Organisatie {o}", f"O{o}")
        for law in range(self.laws):
            self.law(law)
        for topic in range(self.topics):
            concept = self.entity(f"topic/t{topic}", "polder:Topic", f"Onderwerp {topic}")
            self.add(concept, t("skos:prefLabel"), lit(f"Onderwerp {topic}", lang="nl"))
        for p in range(self.persons):
            self.person(p)

    def law(self, i: int) -> None:
        key, bwb = ("law/arbowet", "BWBR0010346") if i == 0 else (f"law/w{i}", f"BWBR{i:07d}")
        law = self.entity(key, "polder:Law", f"Wet {i}", f"W{i}")
        self.add(law, t("polder:bwbId"), lit(bwb))
        for a in range(1, 21):
            article = self.entity(f"{key}/artikel-{a}", "polder:Provision", f"artikel {a} Wet {i}")
            self.add(article, t("eli:is_part_of"), law)
            self.add(article, t("polder:articleNumber"), lit(str(a)))
            if a % 5 == 0:
                lid = self.entity(f"{key}/artikel-{a}/lid-2", "polder:Provision", f"artikel {a}, lid 2 Wet {i}")
                self.add(lid, t("eli:is_part_of"), article)
                self.add(lid, t("polder:articleNumber"), lit(str(a)))
                self.add(lid, t("polder:paragraph"), lit("2"))

    def person(self, i: int) -> None:
        person = self.entity(f"person/p{i}", "polder:Person", f"Persoon {i}")
        self.add(person, t("polder:represents"), self.some_org())
        self.add(person, t("org:memberOf"), self.some_org())
        if i < self.organisations:
            self.add(person, t("org:headOf"), node(f"org/o{i}"))

    def some_org(self) -> ox.NamedNode:
        return node(f"org/o{self.rng.randrange(self.organisations)}")

    def some_provision(self) -> ox.NamedNode:
        if self.rng.random() < 0.1:  # a popular article, as artikel 5 Arbowet is in the corpus
            return node("law/arbowet/artikel-5")
        law = self.rng.randrange(self.laws)
        return node(f"{'law/arbowet' if law == 0 else f'law/w{law}'}/artikel-{self.rng.randint(1, 20)}")

    def some_law(self) -> ox.NamedNode:
        if self.rng.random() < 0.3:  # the corpus cites the Arbowet most
            return node("law/arbowet")
        return node(f"law/w{self.rng.randrange(1, self.laws)}")

    def some(self, prefix: str, count: int) -> ox.NamedNode:
        return node(f"{prefix}{self.rng.randrange(count)}")

    def document(self, i: int) -> None:
        doc, kind = self.graph, KINDS[i % len(KINDS)]
        self.add(doc, t("rdf:type"), t("polder:Document"))
        self.add(doc, t("rdf:type"), t(f"polder:{kind}"))
        self.add(doc, t("dcterms:identifier"), lit(f"d{i:06d}"))
        self.add(doc, t("rdfs:label"), lit(f"Document {i}", lang="nl"))
        self.add(doc, t("dcterms:title"), lit(f"Document {i}", lang="nl"))
        self.add(doc, t("dcterms:date"), lit(f"{2015 + i % 10}-{1 + i % 12:02d}-{1 + i % 28:02d}", "xsd:date"))
        getattr(self, f"{kind.lower()}_facts")(doc, i)
        entities = [self.mentionable() for _ in range(self.rng.randint(*ENTITIES_PER_DOCUMENT))]
        for m in range(self.rng.randint(*MENTIONS_PER_DOCUMENT)):
            self.mention(doc, i, m, self.rng.choice(entities))
        if not self.restate:
            return
        # as a build does, the document's graph restates what it says the entities it
        # mentions are (type, label): the same triples then stand in many graphs
        for entity in dict.fromkeys(entities):
            for p, o in self.descriptions.get(entity, ()):
                self.add(entity, p, o)

    def mentionable(self) -> ox.NamedNode:
        kinds, weights = zip(*MENTION_TARGETS)
        kind = self.rng.choices(kinds, weights)[0]
        if kind == "provision":
            return self.some_provision()
        if kind == "law":
            return self.some_law()
        if kind == "recommendation":
            advice = 4 * self.rng.randrange(max(1, self.documents // 4)) + 1
            return node(f"doc/d{advice:06d}/recommendation/{self.rng.randint(1, 11)}")
        prefix, count = {"topic": ("topic/t", self.topics), "organisation": ("org/o", self.organisations),
                         "person": ("person/p", self.persons), "committee": ("org/ser/c", self.committees)}[kind]
        return self.some(prefix, count)

    def mention(self, doc, i: int, m: int, target: ox.NamedNode) -> None:
        mention = node(f"doc/d{i:06d}/mention/{m * 40}-{m * 40 + 12}")
        self.add(doc, t("polder:mentions"), target)
        self.add(mention, t("rdf:type"), t("polder:Mention"))
        self.add(mention, t("polder:mentionOf"), target)
        self.add(mention, t("polder:inDocument"), doc)
        self.add(mention, t("polder:start"), lit(m * 40))
        self.add(mention, t("polder:end"), lit(m * 40 + 12))
        self.add(mention, t("polder:quote"), lit(f"Een zin {m} in document {i} over iets."))
        self.add(mention, t("polder:rule"), lit("bench-1"))

    def advice_facts(self, doc, i: int) -> None:
        self.add(doc, t("polder:issuedBy"), node("org/ser"))
        for r in range(1, 12):
            rec = self.entity(f"doc/d{i:06d}/recommendation/{r}", "polder:Recommendation", f"Aanbeveling {r}")
            self.add(doc, t("polder:hasRecommendation"), rec)
            self.add(rec, t("polder:number"), lit(str(r)))
            self.add(rec, t("polder:refersTo"), self.some_provision())
            for _ in range(3):
                self.add(rec, t("polder:addressedTo"), self.some_org())
            for _ in range(self.rng.randint(2, 7)):
                self.add(rec, t("polder:concerns"), self.some("topic/t", self.topics))
            self.add(rec, t("prov:wasDerivedFrom"), doc)

    def governmentresponse_facts(self, doc, i: int) -> None:
        advice = node(f"doc/d{i - 1:06d}")  # the advice just before it
        self.add(doc, t("polder:respondsTo"), advice)
        self.add(doc, t("polder:respondent"), self.some_org())
        for r in range(1, 12):
            rec = node(f"doc/d{i - 1:06d}/recommendation/{r}")
            response = node(f"doc/d{i:06d}/response/{r}")
            self.add(response, t("rdf:type"), t("polder:Response"))
            self.add(response, t("polder:respondsTo"), rec)
            self.add(response, t("polder:stance"), t(f"polder:{self.rng.choices(STANCES, STANCE_WEIGHTS)[0]}"))
            self.add(response, t("polder:concerns"), self.some("topic/t", self.topics))
            self.add(response, t("polder:quote"), lit(f"Het kabinet reageert op aanbeveling {r}."))
            self.add(response, t("prov:wasDerivedFrom"), doc)

    def minutes_facts(self, doc, i: int) -> None:
        meeting = self.entity(f"doc/d{i:06d}/meeting", "polder:Meeting", f"Vergadering {i}")
        self.add(meeting, t("polder:recordedIn"), doc)
        self.add(meeting, t("dcterms:date"), lit(f"{2015 + i % 10}-03-01", "xsd:date"))
        self.add(meeting, t("polder:chair"), self.some("person/p", self.persons))
        for a in range(1, 11):
            item = self.entity(f"doc/d{i:06d}/meeting/item/{a}", "polder:AgendaItem", f"Agendapunt {a}")
            self.add(meeting, t("polder:hasAgendaItem"), item)
            self.add(item, t("polder:number"), lit(str(a)))
            self.add(item, t("polder:speaker"), self.some("person/p", self.persons))
            self.add(item, t("polder:speaker"), self.some("person/p", self.persons))
            self.add(item, t("prov:wasDerivedFrom"), doc)
        for _ in range(8):
            self.add(doc, t("polder:concerns"), self.some("topic/t", self.topics))

    def magazine_facts(self, doc, i: int) -> None:
        for _ in range(4):
            self.add(doc, t("polder:concerns"), self.some("topic/t", self.topics))


def generate(triples: int, seed: int = 5, reason: bool = True, cache: Path | None = None,
             restate: bool = False) -> list[ox.Quad]:
    """The generated quads plus (by default) their RDFS entailments, as `polder build` stores them.

    With `cache` (a folder), the quads are read from an N-Quads file there when it exists
    (written on the first run), so repeated runs skip the generation and the reasoning. The
    file is keyed by GENERATOR_VERSION, size and seed: raise the version after changing the
    generator (delete the file after changing the rules).
    """
    from polder.graph.reason import materialise

    if cache is not None:
        path = Path(cache) / (f"query-bench-{GENERATOR_VERSION}-{triples}-seed{seed}{'-rdfs' if reason else ''}"
                              f"{'-restated' if restate else ''}.nq")
        if path.exists():
            return list(ox.parse(path=str(path), format=ox.RdfFormat.N_QUADS))
        quads = generate(triples, seed, reason, restate=restate)
        path.parent.mkdir(parents=True, exist_ok=True)
        ox.serialize(quads, output=str(path), format=ox.RdfFormat.N_QUADS)
        return quads

    store = oxigraph_store(Generator(triples, seed, restate).generate())
    if reason:
        materialise(store, "rdfs")
    return list(store)


def oxigraph_store(quads: list[ox.Quad]) -> ox.Store:
    store = ox.Store()
    store.extend(quads)
    return store


def memory_copy(quads: list[ox.Quad]) -> ox.Store:
    """The quads in memory as `polder.graph.store.in_memory` copies a build: the named graphs
    and their RDF merge in the default graph, which queries read (`union_default`)."""
    store = oxigraph_store(quads)
    store.bulk_extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    return store


def persistent_store(quads: list[ox.Quad], folder: Path) -> ox.Store:
    """The quads in a fresh RocksDB store under `folder`, bulk-loaded and opened read-only
    as a build leaves it for `polder query`."""
    if folder.exists():
        shutil.rmtree(folder)
    store = ox.Store(str(folder))
    store.bulk_extend(quads)
    store.flush()
    store.optimize()
    del store  # the read-write handle holds the lock
    return ox.Store.read_only(str(folder))


def rdflib_graph(quads: list[ox.Quad]):
    import rdflib

    data = ox.serialize((ox.Triple(q.subject, q.predicate, q.object) for q in quads), format=ox.RdfFormat.N_TRIPLES)
    graph = rdflib.Graph()
    graph.parse(data=data.decode("utf-8"), format="nt")
    return graph


def timings(run, repeat: int) -> list[float]:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        run()
        times.append((time.perf_counter() - started) * 1000)
    return times


def p95(values: list[float]) -> float:
    return sorted(values)[max(0, round(0.95 * len(values)) - 1)]


def bench(triples: int, repeat: int, rdflib_repeat: int, only: list[str] | None = None,
          cache: Path | None = None, restate: bool = False):
    """One row per saved query, yielded as soon as it is timed: (size, name, p50/p95 × engines)."""
    from polder import queries
    from polder.graph.store import union_default

    catalogue = queries.catalogue()
    unknown = sorted(set(only or ()) - set(catalogue))
    if unknown:
        raise SystemExit(f"no saved query named {unknown[0]!r}; known: {', '.join(catalogue)}")
    quads = generate(triples, cache=cache, restate=restate)
    with tempfile.TemporaryDirectory(prefix="polder-query-bench-") as folder:
        disk = persistent_store(quads, Path(folder) / "store")
        memory, graph = memory_copy(quads), rdflib_graph(quads)
        for name, saved in catalogue.items():
            if only and name not in only:
                continue
            sparql = saved.bind()
            times = [timings(lambda: list(store.query(sparql, use_default_graph_as_union=union_default(store))), repeat)
                     for store in (disk, memory)]
            try:
                times.append(timings(lambda: list(graph.query(sparql)), rdflib_repeat))
            except Exception:  # rdflib fails on some valid SPARQL (e.g. GROUP_CONCAT over unbound)
                times.append([float("nan")])
            yield (len(quads), name, *(f(t) for t in times for f in (statistics.median, p95)))
        del disk


def print_table(rows) -> None:
    """The table, a line per row as the rows come (a query on rdflib at 10^6 triples can take
    minutes)."""
    print(f"{'triples':>8}  {'query':34} {'disk p50':>9} {'disk p95':>9} {'mem p50':>8} {'mem p95':>8} "
          f"{'rdflib p50':>11} {'rdflib p95':>11} {'disk ×':>7} {'mem ×':>7}")
    for size, name, d50, d95, m50, m95, r50, r95 in rows:
        print(f"{size:>8}  {name:34} {d50:9.2f} {d95:9.2f} {m50:8.2f} {m95:8.2f} {r50:11.2f} {r95:11.2f} "
              f"{r50 / max(d50, 1e-3):6.1f}x {r50 / max(m50, 1e-3):6.1f}x", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--triples", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=20, help="runs per query on pyoxigraph")
    parser.add_argument("--rdflib-repeat", type=int, default=5, help="runs per query on rdflib")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="time only these saved queries")
    parser.add_argument("--cache", type=Path, metavar="DIR",
                        help="keep the generated quads as N-Quads in DIR and reuse them on later runs")
    parser.add_argument("--restate", action="store_true",
                        help="each document's graph restates the type and label of what it mentions, as builds do")
    args = parser.parse_args(argv)
    for size in args.triples:
        print_table(bench(size, args.repeat, args.rdflib_repeat, args.only, args.cache, args.restate))


if __name__ == "__main__":
    main()
