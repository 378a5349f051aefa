"""Organisations beyond the reference data: acronym definitions, "Stichting ...",
committees named in context, institutions by their head word ("Universiteit van X"), units of
a known organisation ("FNV-Ledenparlement"), names in a telling context ("X is een stichting",
"projectleider van het X", a source whose link is the name's domain), names coordinated with
a found organisation ("bij A in Ermelo én bij B"), the addressee of a letter ("uw Kamer") and
typos of a known acronym. Rules live in patterns/organisations.toml.

Known organisations are looked up in the reference first, so a name or acronym that the
reference knows never becomes a second entity. Leaves every organisation hit of the
document (known and new) in ctx.notes["org_hits"] for the person rules.
"""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from . import scan
from .model import Entity, Ref
from .names import known_org_forms, normal_form, slug
from .pipeline import component
from .reference import by_key

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
    kinds: tuple[str, ...] = ()  # document kinds the rule serves; all when empty
    label: str | None = None  # the named group that is the name, else the whole match
    not_after_head: frozenset[str] = frozenset()
    per_document: bool = False  # one entity per document ("commissie van voorbereiding")
    optional_guard: bool = False  # the word before the head may be left out of the name
    first_not: frozenset[str] = frozenset()  # words the name may not start with ("guard", "places": those lists)
    no_known_prefix: bool = False  # no leading words of the name may be a known organisation
    joined_by: frozenset[str] = frozenset()  # the name must hold one of these joining words ("en", "voor")
    key_prefix: str = ""  # written before the name in its key ("SER-": the key of "SER-commissie X" for "commissie X")
    family_name: bool = False  # a name may open with a family name's particle ("Van Rooij Kunststoftechniek B.V.")

    def serves(self, kind: str | None) -> bool:
        return kind is None or not self.kinds or kind in self.kinds


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
    key: str | None = None
    alts: tuple[str, ...] = ()
    per_document: bool = False


@lru_cache(maxsize=1)
def load_data() -> dict:
    return tomllib.loads(PATTERNS.read_text(encoding="utf-8"))


def as_rule(r: dict) -> Rule:
    return Rule(r["id"], re.compile(r["pattern"]), r.get("kind"), r.get("parent"), tuple(r.get("kinds", ())),
                r.get("label"), frozenset(r.get("not_after_head", ())), r.get("per_document", False),
                r.get("optional_guard", False), frozenset(r.get("first_not", ())), r.get("no_known_prefix", False),
                frozenset(r.get("joined_by", ())), r.get("key_prefix", ""), r.get("family_name", False))


@lru_cache(maxsize=1)
def load_rules() -> tuple[tuple[Rule, ...], dict[str, list[str]]]:
    data = load_data()
    return tuple(as_rule(r) for r in data["rule"]), data["classes"]


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


def spells_with_compound_parts(words: list[str], capitals: str) -> bool:
    """The acronym takes a letter from inside a compound word too: 'Sociale Verzekeringsbank' is SVB,
    'Nederlandse Vereniging voor Volkskrediet' NVVK. Every capitalised word gives its initial, in order,
    and then at most two letters from further in, in order; lower-case words give none."""
    parts = [part for w in words for part in w.split("-") if part[:1].isupper()]

    def inner_ends(inner: str, k: int):  # where the capitals stand after 0, 1 or 2 letters from `inner`
        yield k
        pos = 0
        for _ in range(2):
            pos = inner.find(capitals[k].lower(), pos) + 1 if k < len(capitals) else 0
            if not pos:
                return
            k += 1
            yield k

    def spells(i: int, j: int) -> bool:  # parts[i:] spell capitals[j:]
        if i == len(parts):
            return j == len(capitals)
        if j == len(capitals) or parts[i][0] != capitals[j]:
            return False
        return any(spells(i + 1, k) for k in inner_ends(parts[i][1:].lower(), j + 1))

    return len(parts) >= 2 and spells(0, 0)


def name_before(text: str, paren: int, abbr: str) -> tuple[int, str] | None:
    """The shortest run of words before `paren` that starts with a capital and whose
    capitals spell the acronym's capitals; (start, name) or None."""
    capitals = "".join(c for c in abbr if c.isupper())
    words = list(re.finditer(r"[^\s()]+", text[max(0, paren - 200):paren]))[-LOOKBACK_WORDS:]
    offset = max(0, paren - 200)
    for i in range(len(words) - 1, -1, -1):
        run = [w.group() for w in words[i:]]
        if not run[0][:1].isupper() or any(re.search(r"[.;:!?]$", w) for w in run[:-1]):
            continue
        if any(w.endswith(",") for w in run[:-1]) and (len(run) < 3 or run[-2] != "en"):
            continue  # a comma only inside an enumerating name: "Werk, Zorg en Inkomen (WZI)"
        if len(run) >= 2 and (initials(run) == capitals or spells_with_compound_parts(run, capitals)):
            start = offset + words[i].start()
            start = _with_committee_word(text, start, words, i, offset)
            return start, re.sub(r"\s+", " ", text[start:paren].strip())
    return None


def _with_committee_word(text: str, start: int, words, i: int, offset: int) -> int:
    """Take in a lower-case 'commissie' or 'werkgroep' right before the name."""
    if i > 0 and words[i - 1].group().lower() in ("commissie", "subcommissie", "werkgroep", "ser-commissie",
                                                  "ser-subcommissie"):
        return offset + words[i - 1].start()
    return start


def acronym_candidates(text: str, rule: Rule) -> list[Candidate]:
    found = []
    for m in scan.finditer(rule.regex, text):
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

# Where a match of a rule may begin (see `led_finditer`), for rules that open with an optional
# word, which makes `re` try them at every position: the word or the head after it, as
# alternatives that open with a literal. Keep them in step with patterns/organisations.toml:
# a lead must match wherever its rule does.
_CAPITALS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
_HEAD_NOUNS = ("Denktank|Zorggroep|Federatie|Vereniging|Alliantie|Kennisinstituut|Kenniscentrum|Expertisecentrum|"
               "Steunpunt|Proeftuin|Bureau|Instituut|Centrum|Platform|Raad|Bond|Verbond|Fonds|Autoriteit|Inspectie|"
               "Agentschap|Academie|Coalitie|Netwerk")
_LEADS = {
    # a guard word (a capital, small letters, "e" or "s") before the head, or the head
    "org/head-noun/1": re.compile("|".join(rf"{c}[a-zà-ÿ]+[es][^\S\n]+(?:{_HEAD_NOUNS})" for c in _CAPITALS)
                                  + "|" + _HEAD_NOUNS),
}


# Rules whose matches stay on one line, begin with a capital and hold a rarer piece of text
# (see `_on_lines_with`). Keep them in step with patterns/organisations.toml: every match must hold
# its anchor.
_ANCHORS = {
    "org/copula-definition/1": re.compile(r"is[^\S\n]+een[^\S\n]"),  # "X is een stichting"
    "org/apposition/1": re.compile(r",[^\S\n]+(?:de|het)[^\S\n]"),  # "X, de vereniging van ..."
}
_CAPITAL = re.compile("[A-Z]")


def _on_lines_with(regex: re.Pattern, anchor: re.Pattern, text: str):
    """`regex.finditer(text)` for a rule whose matches begin with a capital, hold no line break
    and hold `anchor`: tried only at the capitals of the lines where `anchor` is found (the rule
    opens with lookbehinds, so `re` would try it at every capital of the text)."""
    starts = [c.start() for line in scan.lines_with(anchor, text) for c in _CAPITAL.finditer(text, *line)]
    return scan.candidate_finditer(regex, starts, text)


def _back_over(text: str, pos: int, chars: str = "", space: bool = False) -> int:
    """Where the run before `pos` of letters, digits, "_" and `chars` (with `space`: of white space
    instead) begins."""
    if space:
        while pos and text[pos - 1].isspace():
            pos -= 1
        return pos
    while pos and (text[pos - 1].isalnum() or text[pos - 1] == "_" or text[pos - 1] in chars):
        pos -= 1
    return pos


def _word_before_space(text: str, pos: int, chars: str = "") -> list[int]:
    """The start of the word (letters, digits, "_" and `chars`) that ends where the white space
    before `pos` begins: [] without white space or word there."""
    space = _back_over(text, pos, space=True)
    word = _back_over(text, space, chars) if space < pos else space
    return [word] if word < space else []


# Rules that need a word of their own, found by plain searches; a match begins at a fixed place
# beside it: (the words, the places where a match may begin for a word found at `at`). Keep them
# in step with patterns/organisations.toml: every match must begin at one of those places.
_WORD_STARTS = {
    # "Vakbond Nederland", "Techniekfederatie Nederland": the word before the space before "Nederland"
    "org/national-body/1": (("Nederland",), lambda text, at, word: _word_before_space(text, at)),
    # "Universiteit Utrecht", "Radboud Universiteit": "Universiteit", or the word before it
    "org/university/1": (("Universiteit",), lambda text, at, word: [at, *_word_before_space(text, at, "-")]),
    # "... technologiebedrijf ASML": the space after "bedrijf", "onderneming", "fabrikant", "producent"
    "org/company-noun/1": (("bedrijf ", "onderneming ", "fabrikant ", "producent "),
                           lambda text, at, word: [at + len(word) - 1]),
    # "directeur van het X": right after the role word
    "org/role-of/1": (("leider", "directeur", "voorzitter", "bestuurder", "manager", "coördinator", "oprichter",
                       "woordvoerder", "secretaris"), lambda text, at, word: [at + len(word)]),
    # "commissie SZW", "Subcommissie ABC", "werkgroep XYZ": the first letter, or "Sub" before it
    "org/committee-acronym/1": (("ommissie", "erkgroep"), lambda text, at, word: [at - 4, at - 1]),
    # "OR van ...", "de ondernemingsraad van ...", "Groepsondernemingsraad", "Centrale OR"
    "org/works-council/1": (("OR", "ndernemingsraad"),
                            lambda text, at, word: _works_council_starts(text, at if word == "OR" else at - 1)),
    # "Heijmans Bouwgroep": the capitals of the word before the space before the compound with "groep",
    # "bedrijf", "fabriek" or "holding" (its start, or after "&" in it)
    "org/company-compound/1": (("groep", "bedrijf", "fabriek", "holding"),
                               lambda text, at, word: _compound_guard_starts(text, at)),
}


def _works_council_starts(text: str, council: int) -> list[int]:
    """"OR" or "ondernemingsraad" at `council`, "Groeps" glued before it, "Centrale" and white space
    before it."""
    return [_back_over(text, council, space=True) - len("Centrale"), council - len("Groeps"), council]


def _compound_guard_starts(text: str, at: int) -> list[int]:
    compound = at  # back over the compound's small letters ([a-zà-ÿ]) to its capital
    while compound and ("a" <= text[compound - 1] <= "z" or "à" <= text[compound - 1] <= "ÿ"):
        compound -= 1
    compound -= 1
    if compound < 0 or not "A" <= text[compound] <= "Z":
        return []
    starts = []
    for word in _word_before_space(text, compound, "&-"):
        starts += (i for i in range(word, compound) if "A" <= text[i] <= "Z")
    return starts


def _word_finditer(regex: re.Pattern, words, places, text: str):
    """`regex.finditer(text)` for a `_WORD_STARTS` rule: tried only at the places beside its words."""
    starts = []
    for word in words:
        at = text.find(word)
        while at >= 0:
            starts += places(text, at, word)
            at = text.find(word, at + 1)
    return scan.candidate_finditer(regex, sorted(start for start in starts if start >= 0), text)


def _matches(text: str, rule: Rule):
    """`rule.regex.finditer(text)`, by the fastest way known for the rule."""
    if rule.id in _LEADS:
        return scan.led_finditer(rule.regex, _LEADS[rule.id], text)
    if rule.id in _ANCHORS:
        return _on_lines_with(rule.regex, _ANCHORS[rule.id], text)
    if rule.id in _WORD_STARTS:
        return _word_finditer(rule.regex, *_WORD_STARTS[rule.id], text)
    return scan.finditer(rule.regex, text)


def rule_candidates(text: str, rule: Rule) -> list[Candidate]:
    found = []
    for m in _matches(text, rule):
        span = name_span(text, m, rule)
        if span is None:
            m = after_refused_word(text, m, rule)
            span = name_span(text, m, rule) if m else None
        if span is None:
            continue
        label = _label(text[span[0]:span[1]], rule)
        key = f"{rule.parent or 'org'}/{slug(rule.key_prefix + label)}" if rule.key_prefix else None
        found.append(Candidate(*span, label, rule.kind or class_of(label), rule.id, parent=rule.parent,
                               per_document=rule.per_document, key=key))
    return found


def after_refused_word(text: str, m: re.Match, rule: Rule) -> re.Match | None:
    """A match of the rule that starts after the refused match's first word and overlaps it:
    "Bij Universiteit Utrecht" (the guard 'Bij' refused), "Ook Microsoft Nederland B.V." (the
    first word 'Ook' refused). The search goes on after the refused match, so these would be lost."""
    first = re.match(r"\S+", text[m.start():m.end()])
    if first is None or first.end() >= m.end() - m.start():
        return None
    # (a window of the text keeps the search short; the match found is then taken whole)
    retry = rule.regex.search(text, m.start() + first.end(), min(len(text), m.end() + 200))
    if retry is None or retry.start() >= m.end():
        return None
    return rule.regex.match(text, retry.start())


def name_span(text: str, m: re.Match, rule: Rule) -> tuple[int, int] | None:
    """The name's span, or None. A word before the head ("Radboud Universiteit") must be no
    determiner and start no sentence: else the name starts at the head, or there is none when
    the rule needs that word. The word after the head must not be one of the rule's
    exceptions ("Raad van Bestuur")."""
    start, end = m.span(rule.label) if rule.label else m.span()
    if "guard" in rule.regex.groupindex and m.group("guard"):
        if m.group("guard") in load_data()["guard"]["words"] or starts_sentence(text, m.start("guard")):
            if not rule.optional_guard:
                return None
            start = _skip_space(text, m.end("guard"))
    from_head = text[m.end("guard") if "guard" in rule.regex.groupindex and m.group("guard") else start:end]
    after_head = re.findall(r"\b[A-Z][\w&]*", from_head)[1:2]
    if after_head and after_head[0] in rule.not_after_head:
        return None
    if not name_allowed(text[start:end], rule):
        return None
    if "domain" in rule.regex.groupindex and not names_domain(text[start:end], m.group("domain")):
        return None
    return start, end


def name_allowed(name: str, rule: Rule) -> bool:
    """The rule's tests on the name itself: its first word (`first_not`) and its leading
    words (`no_known_prefix`: "directeur van de FNV Jan Smit" is no organisation)."""
    words = name.split()
    if not words:
        return False
    if rule.first_not and words[0] in banned_first_words(rule.first_not) \
            and not (rule.family_name and words[0] in _FAMILY_PARTICLES and len(words) >= 3):
        return False
    if rule.joined_by and rule.joined_by.isdisjoint(words):
        return False
    if rule.no_known_prefix:
        forms = known_org_forms()
        if any(normal_form(" ".join(words[:n])) in forms for n in range(1, len(words))):
            return False
    return True


_FAMILY_PARTICLES = frozenset({"Van", "De", "Ten", "Ter"})  # "Van Rooij Kunststoftechniek", "De Vries Bouw"


@lru_cache(maxsize=None)
def banned_first_words(first_not: frozenset[str]) -> frozenset[str]:
    """`first_not` with the word lists it names ("guard", "places") spelled out."""
    lists = {name: load_data()[name]["words"] for name in ("guard", "places")}
    return first_not.union(*(lists[name] for name in first_not & lists.keys()))


def names_domain(name: str, domain: str) -> bool:
    """'De ArgumentenFabriek' and argumentenfabriek.nl: the name's letters (an article
    before it left out) are the web domain's."""
    compact = re.sub(r"[^a-z0-9]", "", re.sub(r"^(?:de|het)\s+", "", name.lower()))
    return bool(compact) and compact == re.sub(r"[^a-z0-9]", "", domain.lower())


def starts_sentence(text: str, pos: int) -> bool:
    pos = _back_over_space(text, pos)
    return not pos or text[pos - 1] in ".!?:“\"‘"


def _back_over_space(text: str, pos: int) -> int:
    """Where `text[:pos].rstrip()` ends, without copying the text."""
    while pos and text[pos - 1].isspace():
        pos -= 1
    return pos


def _skip_space(text: str, pos: int) -> int:
    """Where `text[pos:].lstrip()` starts, without copying the text."""
    while pos < len(text) and text[pos].isspace():
        pos += 1
    return pos


def _label(written: str, rule: Rule) -> str:
    written = re.sub(r"\s+", " ", written)
    if rule.id.startswith("org/committee-acronym") or rule.id.startswith("org/working-group"):
        return written[0].lower() + written[1:]
    return written


def candidates(text: str, kind: str | None = None) -> list[Candidate]:
    """Every rule's candidates; `kind` (a document kind) leaves out rules for other kinds."""
    rules, _ = load_rules()
    found: list[Candidate] = []
    for rule in (r for r in rules if r.serves(kind)):
        found += acronym_candidates(text, rule) if "abbr" in rule.regex.groupindex else rule_candidates(text, rule)
    return with_full_names(found + unit_candidates(text))


def shortened(short: str, full: str) -> bool:
    """'Denktank Corona' is a shortening of 'Denktank Coronacrisis': same words, the last one cut."""
    a, b = short.split(), full.split()
    return len(a) == len(b) and a[:-1] == b[:-1] and b[-1].startswith(a[-1]) and a[-1] != b[-1]


def with_full_names(found: list[Candidate]) -> list[Candidate]:
    """A shortened name in the same document is one more written form of the full one."""
    names = {c.name for c in found if not c.abbr}
    out = []
    for c in found:
        full = sorted(n for n in names if shortened(c.name, n))
        out.append(replace(c, name=full[0], alts=(*c.alts, c.name)) if len(full) == 1 and not c.abbr else c)
    return out


# ---------------------------------------------------------------- coordinated organisations

@lru_cache(maxsize=1)
def _coordination_rules() -> tuple:
    return tuple((spec["id"], re.compile(spec["before"]), re.compile(spec["after"]))
                 for spec in load_data().get("coordination", ()))


def coordinated_candidates(text: str, spans) -> list[Candidate]:
    """Names joined to a found organisation at `spans` by a repeated preposition
    ("bij X in Ermelo én bij Y"): [[coordination]] in the patterns."""
    found = []
    guard = set(load_data()["guard"]["words"])
    for start, end in sorted(spans):
        for rule, before, after in _coordination_rules():
            b = before.search(text, max(0, start - 20), start)
            a = after.match(text[end:end + 160]) if b else None
            if a is None or a.group("prep") != b.group("prep") or a.group("name").split()[0] in guard:
                continue
            name = re.sub(r"\s+", " ", a.group("name"))
            found.append(Candidate(end + a.start("name"), end + a.end("name"), name, class_of(name), rule))
    return found


# ---------------------------------------------------------------- units of a known organisation

def known_acronym(token: str) -> str | None:
    """The known one-word name `token` is, or the known acronym it is one transposition of
    neighbouring letters away from ("CMB" for "CBM")."""
    acronyms = known_acronyms()
    if token in acronyms:
        return token
    if not token.isupper():
        return None
    swaps = {token[:i] + token[i + 1] + token[i] + token[i + 2:] for i in range(len(token) - 1)}
    matches = sorted(swaps & acronyms)
    return matches[0] if len(matches) == 1 and len(token) >= 3 else None


@lru_cache(maxsize=1)
def known_acronyms() -> frozenset[str]:
    return frozenset(f for k in known_org_forms().values() for f in k.forms if re.fullmatch(r"[A-Z][A-Za-z&]{1,9}", f))


def unit_candidates(text: str) -> list[Candidate]:
    found = []
    for spec in load_data()["unit"]:
        for m in scan.finditer(re.compile(spec["pattern"]), text):
            parent = m.group("parent")
            acronym = known_acronym(parent) or (parent if "-" in parent and normal_form(parent) in known_org_forms() else None)
            if acronym:  # ("VNO-NCW", "MKB-Nederland": a known name with a hyphen)
                found.append(unit_candidate(m, acronym, spec["id"], spec.get("unit_first", False)))
    return found


def unit_candidate(m: re.Match, acronym: str, rule: str, unit_first: bool = False) -> Candidate:
    parent = known_org_forms()[normal_form(acronym)].key
    label = f"{m.group('unit')} {acronym}" if unit_first else f"{acronym} {m.group('unit')}"
    written = re.sub(r"\s+", " ", m.group())
    alts = (written,) if normal_form(written) != normal_form(label) else ()
    return Candidate(m.start(), m.end(), label, "Organisation", rule, parent=parent,
                     key=f"{parent}/{slug(m.group('unit'))}", alts=alts)


# ---------------------------------------------------------------- the component

def known_for(candidate: Candidate):
    forms = known_org_forms()
    for form in (candidate.name, candidate.abbr, re.sub(r"^(?:de|het)\s+", "", candidate.name, flags=re.I),
                 branch_of(candidate)):
        if form and normal_form(form) in forms:
            return forms[normal_form(form)]
    return None


_BRANCH = re.compile(r"\s+(?:Nederland|Netherlands|Holding|Group|Groep|International|Europe)$")


def branch_of(candidate: Candidate) -> str | None:
    """A company's legal entity named by the company and its country or holding: "ASML Netherlands
    B.V." is ASML, "Microsoft Nederland B.V." is Microsoft (only for names before a legal form:
    "Techniek Nederland" is an organisation of its own)."""
    if candidate.rule != "org/legal-form/2":
        return None
    stripped = _BRANCH.sub("", candidate.name)
    return stripped if stripped != candidate.name else None


def key_for(candidate: Candidate, stem: str) -> str:
    if candidate.key:
        return candidate.key
    name = f"{candidate.name} {stem}" if candidate.per_document else candidate.name
    return f"{candidate.parent}/{slug(name)}" if candidate.parent else f"org/{slug(name)}"


def new_entity(candidate: Candidate, stem: str = "") -> Entity:
    alts = {candidate.abbr} if candidate.abbr else set()
    entity = Entity(key_for(candidate, stem), candidate.cls, candidate.name, alts | set(candidate.alts))
    if candidate.parent:
        entity.add("org:unitOf", Ref(candidate.parent))
    return entity


def overlaps(start: int, end: int, spans) -> bool:
    return any(s < end and start < e for s, e in spans)


def blocked(start: int, end: int, spans) -> bool:
    """Overlaps a span that it does not contain: a longer name wins over the known
    acronym inside it ("SER-commissie Arbeidsomstandigheden" over "SER")."""
    return any(s < end and start < e and not (start <= s and e <= end) for s, e in spans)


def take(start: int, end: int, hit: OrgHit, taken: list, hits: list[OrgHit]) -> None:
    hits[:] = [h for h in hits if not (start <= h.start and h.end <= end)]
    hits.append(hit)
    taken.append((start, end))


SER_DOCUMENTS = ("minutes", "magazine")  # the SER's own: a committee they name is the SER's
_OF_THE_SER = re.compile(r"\s+van\s+de\s+(?:SER|Sociaal-Economische\s+Raad)(?![\w-])")


def _as_ser_committee(c: Candidate) -> Candidate:
    """A committee as the SER's, with the key of its name written "SER-commissie ..."."""
    key = None if _ser_committee_name(c.name) else f"org/ser/{slug('SER-' + c.name)}"
    return replace(c, cls="Committee", parent="org/ser", key=key)


def as_ser_committees(found: list[Candidate], text: str = "", kind: str | None = None) -> list[Candidate]:
    """"de commissie Werk, Zorg en Inkomen (WZI)" in a document that also writes "SER-commissie Werk, Zorg en
    Inkomen" is that SER committee: one key, and its acronym. "SER-commissie Arbeidsmarkt en Sociale
    Zekerheid (ASZ)" is a committee of the SER with its acronym; "de commissie ASZ" later on is that one."""
    found = [_as_ser_committee(c) if c.abbr and not c.parent and (_ser_committee_name(c.name) or (
                 c.cls == "Committee" and (kind in SER_DOCUMENTS or _OF_THE_SER.match(text, c.end)))) else c
             for c in found]
    ser = {normal_form(c.name).removeprefix("ser commissie "): c for c in found
           if c.parent and normal_form(c.name).startswith("ser commissie ")}
    by_abbr = {c.abbr: c for c in found if c.abbr and c.cls == "Committee"}
    if not ser and not by_abbr:
        return found
    out = []
    for c in found:
        same = ser.get(normal_form(c.name).removeprefix("commissie ")) if c.abbr and not c.parent else None
        if same is None and c.rule.startswith("org/committee-acronym/"):
            same = by_abbr.get(c.name.split()[-1])
        out.append(replace(c, cls=same.cls, parent=same.parent, key=key_for(same, "")) if same else c)
    return out


def _ser_committee_name(name: str) -> bool:
    return normal_form(name).startswith(("ser commissie ", "ser subcommissie "))


def redefined_acronyms(found: list[Candidate]) -> set[str]:
    """Acronyms the text defines for a name the reference data does not know ("Nederlandse Vereniging
    voor Volkskrediet (NVVK)") while it gives them to another organisation (the Nederlandse Vereniging
    voor Veiligheidskunde): in this document they name the text's organisation."""
    forms = known_org_forms()
    return {c.abbr for c in found if c.abbr and normal_form(c.abbr) in forms and known_for(replace(c, abbr=None)) is None
            and not any(_name_letters(c.name) == _name_letters(f) for f in forms[normal_form(c.abbr)].forms)}


_SMALL_WORD = re.compile(r"(?<![\w-])[a-z]\w*")
_NOT_LETTER = re.compile(r"[\W\d_]+")


def _name_letters(name: str) -> str:
    """A name's capitalised words as one run of letters: 'Raad voor Openbaar Bestuur' and 'Raad voor het
    Openbaar Bestuur', 'Landelijke Studenten Vakbond' and 'Landelijke Studentenvakbond' are one name."""
    return _NOT_LETTER.sub("", _SMALL_WORD.sub("", name)).lower()


def record_candidate(ctx, candidate: Candidate, taken: list[tuple[int, int]], hits: list[OrgHit],
                     redefined: set[str] = frozenset()) -> Entity | None:
    known = known_for(replace(candidate, abbr=None) if candidate.abbr in redefined else candidate)
    end = candidate.start + len(candidate.name) if candidate.abbr else candidate.end
    if blocked(candidate.start, end, taken) or (candidate.start, end) in taken:
        return None
    if known is not None:
        ctx.mention(known.key, candidate.start, end, candidate.rule)
        take(candidate.start, end, OrgHit(candidate.start, end, known.key, known.cls), taken, hits)
        return None
    entity = ctx.entity(new_entity(candidate, ctx.result.doc.stem))
    ctx.mention(entity.key, candidate.start, end, candidate.rule)
    take(candidate.start, end, OrgHit(candidate.start, end, entity.key, entity.cls), taken, hits)
    return entity


@lru_cache(maxsize=256)
def written_forms(form: str) -> re.Pattern:
    """`form` as a whole word. The guard before it is tested after the form, which is the same
    test but lets `re` search for the form's text directly."""
    escaped = re.escape(form)
    return re.compile(rf"{escaped}(?<![\w&-]{escaped})(?![\w&])")


def later_mentions(ctx, entity: Entity, taken, hits: list[OrgHit]) -> None:
    """Every later written form of a new organisation: its name and its acronym."""
    for form in dict.fromkeys([entity.label, *sorted(entity.alt_labels)]):  # a fixed order: runs agree
        for m in written_forms(form).finditer(ctx.text):
            if not overlaps(m.start(), m.end(), taken):
                ctx.mention(entity.key, m.start(), m.end(), "org/later-mention/1")
                hits.append(OrgHit(m.start(), m.end(), entity.key, entity.cls))
                taken.append((m.start(), m.end()))


# ---------------------------------------------------------------- known forms that are no mention

def dropped(ctx, hit) -> bool:
    text = ctx.text
    for key, unless_written, before, after in _drop_rules():
        if key is not None and key != hit.key:
            continue
        if unless_written is not None:
            written = text[hit.start:hit.end]  # "De Unie" mid-sentence, or a longer form ending so: "vakbond De Unie"
            if not written.endswith(unless_written) or written == unless_written and starts_sentence(text, hit.start):
                return True
        # (the text after first: those patterns open with "^" and a rare character, so they fail fast)
        elif after.search(text[hit.end:hit.end + 30]) and before.search(text[max(0, hit.start - 40):hit.start]):
            return True
    return False


@lru_cache(maxsize=1)
def _drop_rules() -> tuple:
    """The [[drop]] rules compiled once (`dropped` runs for every known hit): (key or None,
    the written form that is kept or None, the regexes before and after the hit)."""
    return tuple((spec.get("key"), spec.get("unless_written"), re.compile(spec.get("before", "")),
                  re.compile(spec.get("after", ""))) for spec in load_data()["drop"])


def drop_known(ctx, hits: list, also=lambda hit: False) -> list:
    """Take back the gazetteer's mentions that `dropped` (or `also`) rejects; keep the rest."""
    gone = {ctx.clean.to_original(h.start, h.end) + (h.key,) for h in hits if dropped(ctx, h) or also(h)}
    if not gone:
        return hits  # (all kept: no span to translate again)
    ctx.result.mentions[:] = [m for m in ctx.result.mentions if (m.span.start, m.span.end, m.key) not in gone]
    still = {m.key for m in ctx.result.mentions}
    for key in {g[2] for g in gone} - still:
        ctx.result.entities.pop(key, None)
    return [h for h in hits if ctx.clean.to_original(h.start, h.end) + (h.key,) not in gone]


# ---------------------------------------------------------------- context rules

def mention_known(ctx, key: str, start: int, end: int, rule: str, taken, hits: list[OrgHit]) -> None:
    from .gazetteer import as_entity
    known = by_key()[key]
    ctx.entity(as_entity(known))
    ctx.mention(key, start, end, rule)
    take(start, end, OrgHit(start, end, key, known.cls), taken, hits)


def addressee(ctx) -> str:
    spec = load_data()["addressees"]
    head = ctx.text[:spec["head_chars"]]
    return spec["eerste"] if re.search(spec["eerste_cue"], head) else spec["default"]


def addressee_mentions(ctx, taken, hits: list[OrgHit]) -> None:
    """'uw Kamer': the chamber the letter is written to."""
    kind = ctx.result.doc.kind
    for spec in load_data()["addressee"]:
        if spec.get("kinds") and kind not in spec["kinds"]:
            continue
        for m in scan.finditer(re.compile(spec["pattern"]), ctx.text):
            if not overlaps(m.start(), m.end(), taken):
                mention_known(ctx, addressee(ctx), m.start(), m.end(), spec["id"], taken, hits)


def typo_mentions(ctx, taken, hits: list[OrgHit]) -> None:
    """'CMB' where the document also writes the known 'CBM': a mention of the known body."""
    spec = load_data()["typo"]
    forms = known_org_forms()
    present = {ctx.text[h.start:h.end] for h in hits}
    regex = re.compile(spec["pattern"])
    for m in _typo_matches(regex, ctx.text, present):
        token = m.group()
        if token in present or overlaps(m.start(), m.end(), taken):
            continue
        meant = known_acronym(token)
        if meant and meant != token and meant in present:
            mention_known(ctx, forms[normal_form(meant)].key, m.start(), m.end(), spec["id"], taken, hits)


def _typo_matches(regex: re.Pattern, text: str, present: set[str]) -> list[re.Match]:
    """The matches of the typo rule (`regex.finditer(text)`) that can be a typo of a known acronym
    in `present`: those whose text is one swap of neighbouring letters away from it. Only these
    few words are looked for (a rule for every capitalised word is tried all over the text);
    every match of `regex` is a whole word, so each is found by its own text."""
    acronyms = known_acronyms()
    typos = {swapped for written in present if written in acronyms and written.isupper()
             for swapped in _swaps(written) if swapped not in acronyms}
    found = {}
    for typo in typos:
        at = text.find(typo)
        while at >= 0:
            m = regex.match(text, at)
            if m is not None and m.group() == typo:
                found[at] = m
            at = text.find(typo, at + 1)
    return [found[at] for at in sorted(found)]


def _swaps(token: str) -> set[str]:
    """`token` with two neighbouring letters swapped, each way ("CBM" -> "BCM", "CMB")."""
    return {token[:i] + token[i + 1] + token[i] + token[i + 2:] for i in range(len(token) - 1)}


@component("organisations", order=30)
def extract_organisations(ctx) -> None:
    kind = ctx.result.doc.kind
    found = as_ser_committees(sorted(candidates(ctx.text, kind), key=lambda c: (c.start, -c.end)), ctx.text, kind)
    redefined = redefined_acronyms(found)
    known_hits = drop_known(ctx, [h for h in ctx.notes.get("known_hits", []) if h.cls in ORG_CLASSES],
                            lambda h: ctx.text[h.start:h.end] in redefined)
    hits = [OrgHit(h.start, h.end, h.key, h.cls) for h in known_hits]
    taken = [(h.start, h.end) for h in known_hits]
    new = []
    for candidate in found:
        entity = record_candidate(ctx, candidate, taken, hits, redefined)
        if entity is not None:
            new.append(entity)
    for candidate in coordinated_candidates(ctx.text, list(taken)):
        entity = record_candidate(ctx, candidate, taken, hits)
        if entity is not None:
            new.append(entity)
    for entity in new:
        later_mentions(ctx, entity, taken, hits)
    addressee_mentions(ctx, taken, hits)
    typo_mentions(ctx, taken, hits)
    ctx.notes["org_hits"] = sorted(hits, key=lambda h: h.start)
