"""A synthetic corpus in the shapes of the real documents: council minutes, government
responses to an advice, and a magazine. Everything is generated from templates with random
fill: invented people, numbers, dates and laws, plus the known bodies and laws of the
reference data (so the extractors have something to find). No corpus text is copied.

    python bench/synth.py OUT_DIR -n 1000 [--seed 1] [--mean-kb 30]
"""
from __future__ import annotations

import argparse
import random
from pathlib import Path

from rdflib import Graph, Namespace
from rdflib.namespace import RDF, RDFS

from polder.ontology import REFERENCE

POLDER = Namespace("https://w3id.org/polder/def#")
SYLLABLES = ("an", "bo", "da", "el", "fi", "ger", "har", "in", "jo", "ka", "lie", "mar", "no", "pe",
             "ri", "san", "ti", "ul", "ve", "wil", "ze", "dor", "mee", "ste", "vin", "bert", "ke")
PARTICLES = ("", "", "", "van ", "de ", "van der ", "ter ")
ORDINALS = ("eerste", "tweede", "derde", "vierde", "vijfde", "zesde")
MONTHS = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
          "september", "oktober", "november", "december")
THEMES = ("arbeidsmarkt", "pensioenen", "scholing", "wonen", "klimaat", "zorg", "digitalisering",
          "bestaanszekerheid", "jongeren", "productiviteit", "energietransitie", "gelijke kansen")
FILLER = ("De raad bespreekt de gevolgen voor werkgevers en werknemers.",
          "Daarbij is aandacht nodig voor de uitvoerbaarheid en de kosten.",
          "Er is brede steun voor een gefaseerde aanpak met duidelijke mijlpalen.",
          "Verschillende leden wijzen op de regionale verschillen.",
          "De cijfers laten zien dat de groep sinds vorig jaar is gegroeid.",
          "Het is van belang dat sociale partners hierbij nauw betrokken blijven.",
          "Een evaluatie volgt na twee jaar, met een tussenrapportage.")


# Calibrated on the corpus build (`--reason none`): the real documents give about 8 mentions
# and 67 triples per KB (topics about half the mentions, organisations a third), 56 KB each.
DENSITY = 0.06  # share of sentences with facts (people, bodies, citations)
THEME_SHARE = 0.45  # share of filler sentences that name a topic
SUBJECT_ENTITY_SHARE = 0.25  # share of filler subjects that are a known body ("het kabinet")


def filler(rng: random.Random) -> str:
    """A sentence without facts, made from parts so that it varies."""
    if rng.random() < SUBJECT_ENTITY_SHARE:
        subject = "Het kabinet"
    else:
        subject = rng.choice(("De raad", "De commissie", "Een meerderheid", "Het bestuur", "Men"))
    verb = rng.choice(("bespreekt", "onderzoekt", "benadrukt", "waardeert", "agendeert"))
    thing = rng.choice(("de voorstellen", "de uitvoering", "het draagvlak", "de financiering", "de planning"))
    about = f" rond {rng.choice(THEMES)}" if rng.random() < THEME_SHARE else ""
    return f"{subject} {verb} {thing}{about}. {rng.choice(FILLER)}"


class Faker:
    """Random fill: names, numbers, dates, laws; every value invented from a seed."""

    def __init__(self, seed: int):
        self.rng = random.Random(seed)
        bodies, laws = reference_names()
        self.bodies, self.laws = bodies, laws

    def word(self, parts: int = 2) -> str:
        return "".join(self.rng.choice(SYLLABLES) for _ in range(parts))

    def person(self) -> str:
        first = self.word(self.rng.randint(1, 2)).capitalize()
        last = self.word(self.rng.randint(2, 3)).capitalize()
        return f"{first} {self.rng.choice(PARTICLES)}{last}"

    def date(self) -> str:
        return f"{self.rng.randint(1, 28)} {self.rng.choice(MONTHS)} {self.rng.randint(2015, 2030)}"

    def body(self) -> str:
        return self.rng.choice(self.bodies)

    def law(self) -> str:
        if self.rng.random() < 0.3:
            return f"Wet {self.word(3)}{self.rng.choice(('heid', 'ing', 'stelsel'))}"
        return self.rng.choice(self.laws)

    def citation(self) -> str:
        article = f"{self.rng.randint(1, 120)}{self.rng.choice(('', '', 'a', 'b'))}"
        lid = f", {self.rng.choice(ORDINALS)} lid," if self.rng.random() < 0.4 else ""
        return f"artikel {article}{lid} van de {self.law()}"

    def sentence(self) -> str:
        r = self.rng.random() / DENSITY
        if r < 0.25:
            return f"Volgens {self.person()} ({self.body()}) vraagt {self.citation()} om aanpassing."
        if r < 0.45:
            return f"De {self.body()} wijst op {self.citation()} en op de gevolgen voor {self.rng.choice(THEMES)}."
        if r < 0.55:
            return f"Het gaat om {self.rng.randint(2, 900)}.{self.rng.randint(100, 999)} mensen en {self.rng.randint(1, 40)},{self.rng.randint(1, 9)} miljard euro."
        return filler(self.rng)

    def paragraph(self, sentences: int = 6) -> str:
        return " ".join(self.sentence() for _ in range(sentences))


def reference_names() -> tuple[list[str], list[str]]:
    """Labels of the known bodies and laws (the reference data is reference data, not corpus text)."""
    g = Graph().parse(REFERENCE, format="turtle")
    def labels(cls):
        return sorted(str(g.value(s, RDFS.label)) for s in g.subjects(RDF.type, cls) if g.value(s, RDFS.label))
    bodies = labels(POLDER.AdvisoryBody) + labels(POLDER.Organisation) + labels(POLDER.Committee)
    return bodies or ["Sociaal-Economische Raad"], labels(POLDER.Law) or ["Arbeidsomstandighedenwet"]


def minutes(f: Faker, size: int) -> str:
    chair = f.person()
    parts = [f"Verslag van de openbare raadsvergadering van {f.date()}", "",
             "1. Opening", f"De voorzitter, {chair}, opent de vergadering en heet de raadsleden welkom.", "",
             "2. Mededelingen", f.paragraph(4), ""]
    item = 3
    while sum(map(len, parts)) < size:
        parts += [f"{item}. Advies over {f.rng.choice(THEMES)}", f.paragraph(f.rng.randint(8, 20)), "",
                  f"De heer {f.person()} merkt op dat {f.citation()} knelt.", f"Mevrouw {f.person()} sluit zich hierbij aan.", ""]
        item += 1
    parts += [f"{item}. Rondvraag en sluiting", "De voorzitter sluit de vergadering.", ""]
    return "\n".join(parts)


STANCES = ("neemt deze aanbeveling over", "deelt deze analyse", "ziet hierin geen aanleiding",
            "neemt deze aanbeveling deels over", "gaat dit verkennen", "neemt kennis van dit voorstel",
            "neemt deze aanbeveling niet over", "onderschrijft deze aanbeveling")


def response(f: Faker, size: int) -> str:
    minister = f.person()
    parts = [f"Kabinetsreactie op het SER-advies over {f.rng.choice(THEMES)}", "", "Onze referentie",
             f"{f.rng.randint(1000000, 9999999)}", "", f"Datum {f.date()}", "",
             f"Hierbij geef ik een reactie op het advies van de {f.body()}. Het kabinet dankt de raad.", ""]
    n = 1
    while sum(map(len, parts)) < size:
        # each recommendation gets the cabinet's reaction under a marker, as real responses do,
        # so that the build classifies a stance for it
        parts += [f"Aanbeveling {n}", f.paragraph(f.rng.randint(10, 25)), "",
                  f.rng.choice(("Reactie kabinet", "Reactie van het kabinet", "Kabinetsreactie")),
                  f"Het kabinet {f.rng.choice(STANCES)}. {f.paragraph(f.rng.randint(1, 4))} "
                  f"Het kabinet werkt dit uit in {f.citation()}.", ""]
        n += 1
    parts += ["De Minister van Sociale Zaken en Werkgelegenheid,", "", minister, ""]
    return "\n".join(parts)


def magazine(f: Faker, size: int) -> str:
    parts = [f"{f.rng.choice(MONTHS).capitalize()} {f.rng.randint(2015, 2030)} #{f.rng.randint(1, 10)} - jaargang {f.rng.randint(40, 80)}",
             "", "magazine", "Magazine van de Sociaal-Economische Raad", ""]
    while sum(map(len, parts)) < size:
        person = f.person()
        parts += [person, f"{f.rng.choice(('voorzitter', 'directeur', 'lid', 'onderzoeker'))} {f.body()}", "",
                  f"“{f.paragraph(2)}”", "", f.paragraph(f.rng.randint(8, 16)), ""]
    return "\n".join(parts)


KINDS = (("minutes", minutes, 0.4), ("response", response, 0.4), ("magazine", magazine, 0.2))
# Raise when the documents change: benches keep generated corpora under a name with it.
# 3: every recommendation of a response has the cabinet's reaction under a marker.
VERSION = 3


def generate(out: Path, count: int, seed: int = 1, mean_kb: float = 30) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    f = Faker(seed)
    files = []
    for i in range(count):
        name, make, _ = f.rng.choices(KINDS, weights=[k[2] for k in KINDS])[0]
        size = int(f.rng.uniform(0.3, 1.7) * mean_kb * 1000)
        path = out / f"synth_{i:05d}_{name}.txt"
        path.write_text(make(f, size), encoding="utf-8")
        files.append(path)
    return files


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("-n", "--count", type=int, default=100)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--mean-kb", type=float, default=30)
    args = parser.parse_args()
    files = generate(args.out, args.count, args.seed, args.mean_kb)
    total = sum(p.stat().st_size for p in files)
    print(f"{len(files)} documents, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
