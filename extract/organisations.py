"""Organisations beyond the reference data: acronym definitions, "Stichting ...",
committees named in context. Rules live in patterns/organisations.toml.

Known organisations are looked up in the reference first, so a name or acronym that the
reference knows never becomes a second entity. Leaves every organisation hit of the
document (known and new) in ctx.notes["org_hits"] for the person rules.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .model import Entity, Ref
from .names import known_org_forms, normal_form, slug
from .pipeline import component

PATTERNS = Path(__file__).with_name("patterns") / "organisations.toml"
ORG_CLASSES = {"AdvisoryBody", "Committee", "Organisation"}
CONNECTORS = {"van", "voor", "de", "der", "het", "en", "op", "tot", "in", "te"}
LOOKBACK_WORDS = 10


@dataclass(frozen=True)
class Rule:
    id: str
    regex: re.Pattern
    kind: str | None = None
    parent: str | None = None


@dataclass(frozen=True)
class OrgHit:
    start: int
    end: int
    key: str
    cls: str


@dataclass(frozen=True)
class Candidate:
    start: int
    end: int
    name: str
    cls: str
    rule: str
    abbr: str | None = None
    parent: str | None = None


@lru_cache(maxsize=1)
def load_rules() -> tuple[tuple[Rule, ...], dict[str, list[str]]]:
    data = tomllib.loads(PATTERNS.read_text(encoding="utf-8"))
    rules = tuple(Rule(r["id"], re.compile(r["pattern"]), r.get("kind"), r.get("parent")) for r in data["rule"])
    return rules, data["classes"]


def class_of(name: str) -> str:
    _, classes = load_rules()
    head = name.split()[0].lower().split("-")[-1] if name.split() else ""
    if head in classes["advisory"]:
        return "AdvisoryBody"
    if head in classes["committee"] or any(head.endswith(c) for c in ("commissie", "werkgroep")):
        return "Committee"
    return "Organisation"


# ---------------------------------------------------------------- acronym definitions

def initials(words: list[str]) -> str:
    """Capitals that start the words or their hyphenated parts: 'Sociaal-Economische Raad' -> 'SER'."""
    return "".join(part[0] for w in words for part in w.split("-") if part[:1].isupper())


def name_before(text: str, paren: int, abbr: str) -> tuple[int, str] | None:
    """The shortest run of words before `paren` that starts with a capital and whose
    capitals spell the acronym's capitals; (start, name) or None."""
    capitals = "".join(c for c in abbr if c.isupper())
    words = list(re.finditer(r"[^\s()]+", text[max(0, paren - 200):paren]))[-LOOKBACK_WORDS:]
    offset = max(0, paren - 200)
    for i in range(len(words) - 1, -1, -1):
        run = [w.group() for w in words[i:]]
        if not run[0][:1].isupper() or any(re.search(r"[.;:,!?]$", w) for w in run[:-1]):
            continue
        if initials(run) == capitals and len(run) >= 2:
            start = offset + words[i].start()
            start = _with_committee_word(text, start, words, i, offset)
            return start, re.sub(r"\s+", " ", text[start:paren].strip())
    return None


def _with_committee_word(text: str, start: int, words, i: int, offset: int) -> int:
    """Take in a lower-case 'commissie' or 'werkgroep' right before the name."""
    if i > 0 and words[i - 1].group().lower() in ("commissie", "subcommissie", "werkgroep"):
        return offset + words[i - 1].start()
    return start


def acronym_candidates(text: str, rule: Rule) -> list[Candidate]:
    found = []
    for m in rule.regex.finditer(text):
        abbr = m.group("abbr")
        if sum(c.isupper() for c in abbr) < 2:
            continue
        named = name_before(text, m.start(), abbr)
        if named and has_organisation_head(named[1]):
            start, name = named
            found.append(Candidate(start, m.end(), name, class_of(name), rule.id, abbr))
    return found


def has_organisation_head(name: str) -> bool:
    _, classes = load_rules()
    words = re.findall(r"[^\W\d_]+", name.lower())
    return any(w.endswith(head) for w in words for head in classes["organisation_heads"])


# ---------------------------------------------------------------- other rules

def rule_candidates(text: str, rule: Rule) -> list[Candidate]:
    found = []
    for m in rule.regex.finditer(text):
        label = _label(m, rule)
        found.append(Candidate(m.start(), m.end(), label, rule.kind or class_of(label), rule.id, parent=rule.parent))
    return found


def _label(m: re.Match, rule: Rule) -> str:
    written = re.sub(r"\s+", " ", m.group())
    if rule.id.startswith("org/committee-acronym") or rule.id.startswith("org/working-group"):
        return written[0].lower() + written[1:]
    return written


def candidates(text: str) -> list[Candidate]:
    rules, _ = load_rules()
    found: list[Candidate] = []
    for rule in rules:
        found += acronym_candidates(text, rule) if "abbr" in rule.regex.groupindex else rule_candidates(text, rule)
    return found


# ---------------------------------------------------------------- the component

def known_for(candidate: Candidate):
    forms = known_org_forms()
    for form in (candidate.name, candidate.abbr, re.sub(r"^(?:de|het)\s+", "", candidate.name, flags=re.I)):
        if form and normal_form(form) in forms:
            return forms[normal_form(form)]
    return None


def new_entity(candidate: Candidate) -> Entity:
    key = f"{candidate.parent}/{slug(candidate.name)}" if candidate.parent else f"org/{slug(candidate.name)}"
    entity = Entity(key, candidate.cls, candidate.name, {candidate.abbr} if candidate.abbr else set())
    if candidate.parent:
        entity.add("org:unitOf", Ref(candidate.parent))
    return entity


def overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for s, e in spans)


def record_candidate(ctx, candidate: Candidate, taken: list[tuple[int, int]], hits: list[OrgHit]) -> Entity | None:
    known = known_for(candidate)
    if known is not None:
        if not overlaps(candidate.start, candidate.end, taken):
            end = candidate.start + len(candidate.name)
            ctx.mention(known.key, candidate.start, end, candidate.rule)
            hits.append(OrgHit(candidate.start, end, known.key, known.cls))
        return None
    if overlaps(candidate.start, candidate.end, taken):
        return None
    entity = ctx.entity(new_entity(candidate))
    end = candidate.start + len(candidate.name) if candidate.abbr else candidate.end
    ctx.mention(entity.key, candidate.start, end, candidate.rule)
    hits.append(OrgHit(candidate.start, end, entity.key, entity.cls))
    taken.append((candidate.start, candidate.end))
    return entity


def later_mentions(ctx, entity: Entity, taken, hits: list[OrgHit]) -> None:
    """Every later written form of a new organisation: its name and its acronym."""
    for form in {entity.label, *entity.alt_labels}:
        for m in re.finditer(rf"(?<![\w&-]){re.escape(form)}(?![\w&])", ctx.text):
            if not overlaps(m.start(), m.end(), taken):
                ctx.mention(entity.key, m.start(), m.end(), "org/later-mention/1")
                hits.append(OrgHit(m.start(), m.end(), entity.key, entity.cls))
                taken.append((m.start(), m.end()))


@component("organisations", order=30)
def extract_organisations(ctx) -> None:
    known_hits = [h for h in ctx.notes.get("known_hits", []) if h.cls in ORG_CLASSES]
    hits = [OrgHit(h.start, h.end, h.key, h.cls) for h in known_hits]
    taken = [(h.start, h.end) for h in known_hits]
    new = []
    for candidate in sorted(candidates(ctx.text), key=lambda c: (c.start, -c.end)):
        entity = record_candidate(ctx, candidate, taken, hits)
        if entity is not None:
            new.append(entity)
    for entity in new:
        later_mentions(ctx, entity, taken, hits)
    ctx.notes["org_hits"] = sorted(hits, key=lambda h: h.start)
