"""Persons with their roles and affiliations, as the text states them.

A capitalised pair of words becomes a person only with a cue (patterns/persons.toml):
a title ("de heer Putters"), a role word before or after it ("SER-voorzitter Mariëtte
Hamer", "Ingrid Thijssen, de nieuwe VNO-NCW-voorzitter"), an organisation in brackets
("Roderik Pape (namens VNO-NCW)"), a speech verb, a quote, an age, a credit line, a
motion ("motie Van Weyenberg"), a plural title or role before a list ("de heren Smit en Van
Dijk", "de Kroonleden X en Y"), a role and a copula ("Secretaris is X geweest") or a byline
above a column, "onder leiding van X", a header line ("Secretaris: X") or a line labelled with a
plural role ("Kroonleden: X, Y"), a markdown table row. "X van Tesla" is the name X when Tesla
is an organisation. A surname alone beside a speech cue ("zegt Smit", "Çelik: ...") is a mention
of the one person written in full with it. Leaves (start, end, key) of every person in
ctx.notes["person_hits"] for the minutes and magazine components.
"""
from __future__ import annotations

import re
import tomllib
from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass, replace
from functools import lru_cache
from itertools import accumulate
from pathlib import Path

from . import scan
from .model import Entity, Extraction, Mention, Ref, Relation
from .names import PARTICLES, person_key, slug, split_name, without_title
from .pipeline import component
from .reference import load_reference

PATTERNS = Path(__file__).with_name("patterns") / "persons.toml"
ROLE_CUE = "persons/role/1"


@dataclass(frozen=True)
class PersonHit:
    start: int
    end: int
    name: str
    rule: str
    title: str | None = None


@dataclass(frozen=True)
class Lexicon:
    fragments: dict[str, str]  # persons.toml's named pieces of pattern, filled in
    rules: dict[str, tuple[re.Pattern, str | None]]
    full: re.Pattern
    role: str
    roles: dict[str, str]
    default_org: dict[str, str]
    stop: frozenset[str]
    cues_before: tuple[tuple[str, re.Pattern], ...]
    cues_after: tuple[tuple[str, re.Pattern], ...]
    org_heads: tuple[str, ...]
    role_spaces: int | None = None  # white space inside a role at most (None: unknown)
    field: str = "(?!)"  # a field between a role and the name ("hoogleraar arbeidsrecht X")
    cues_both: tuple[tuple[str, re.Pattern, re.Pattern], ...] = ()  # cues that need text before and after
    # (id, quick test, pattern with a role before the name, pattern the text after the name must match)
    role_cues: tuple[tuple[str, re.Pattern, re.Pattern, re.Pattern | None], ...] = ()
    plurals: dict[str, str] | None = None  # plural role word -> singular role
    portfolio: tuple[str, ...] = ()  # endings of capitalised words that are no first name
    place_roles: dict[str, str] | None = None  # an office of a place -> its body ("wethouder" -> "gemeente")
    not_given: frozenset[str] = frozenset()  # words that are no first name, though they may end a surname
    not_surname: frozenset[str] = frozenset()  # words that end place names, never a surname
    full_lead: re.Pattern | None = None  # where a match of `full` may begin (see `full_names`)


def organisation_heads() -> list[str]:
    from .organisations import load_rules
    return load_rules()[1]["organisation_heads"]


def looks_like_organisation(text: str, hit) -> bool:
    """'Universiteit van Amsterdam', 'Raad voor Openbaar Bestuur': words of an organisation."""
    words = _LETTERS.findall(hit.name.lower())
    if any(w.endswith(lexicon().org_heads) for w in words):
        return True
    return _ORG_WORDS_BEFORE.search(text[max(0, hit.start - 40):hit.start]) is not None


# (the patterns of the functions that run for every name are compiled once: `re.search(pattern,
# ...)` looks a pattern up in `re`'s cache on every call)
_LETTERS = re.compile(r"[^\W\d_]+")
_ORG_WORDS_BEFORE = re.compile(r"[A-Z][\w-]*\s+(?:voor|van|der|de|het)\s+$")
_SPACES = re.compile(r"\s+")
# an article (and an adjective) right before a capitalised name makes it a thing's: "de jaarlijkse Monitor Brede
# Welvaart van het CBS", "de Nationale Voorleesdagen van Stichting Lezen" ("de 45-jarige Sanne Bakker" is a person)
_THING_BEFORE = re.compile(r"(?<![\w-])(?:[Dd]e|[Hh]et|[Ee]en|[Dd]eze|[Dd]it)\s+(?:[a-z][\w-]*e\s+){0,2}$")


def fill(pattern: str, fragments: dict[str, str]) -> str:
    return re.sub(r"\{([A-Z]+)\}", lambda m: fragments[m.group(1)], pattern)


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    data = tomllib.loads(PATTERNS.read_text(encoding="utf-8"))
    fragments: dict[str, str] = {}
    for name, value in data["fragments"].items():
        fragments[name] = fill(value, fragments)
    nationalities = data["stop"].get("nationalities", [])
    fragments["NATIONALITY"] = "|".join(map(re.escape, nationalities))
    rules = {r["id"]: (re.compile(fill(r["pattern"], fragments)), r.get("role")) for r in data["rule"]}
    cues = data["cue"]
    plurals = data.get("plural_roles", {})
    role = role_pattern(data["roles"], data["generic_role"]["endings"], plurals)
    with_role = {**fragments, "ROLE": role}
    return Lexicon(
        fragments=fragments, rules=rules, full=re.compile(fill(r"(?<![\w-]){FULL}(?![\w-])", fragments)),
        full_lead=full_lead(fragments),
        role=role,
        roles={k.lower(): v for k, v in data["roles"].items()},
        default_org={k.lower(): v for k, v in data["default_org"].items()},
        stop=(frozenset(data["stop"]["words"]) | frozenset(nationalities) | role_words(data["roles"], plurals)
              | role_words(dict.fromkeys(data["generic_role"]["endings"]), {})),  # "Onderzoeker Daan Koning"
        portfolio=tuple(data["stop"].get("portfolio_endings", ())),
        place_roles={k.lower(): v for k, v in data.get("place_roles", {}).items()},
        not_given=frozenset(data["stop"].get("not_given", ())),
        not_surname=frozenset(data["stop"].get("not_surname", ())),
        cues_before=tuple((c["id"], re.compile(fill(c["before"], fragments)))
                          for c in cues if "before" in c and "after" not in c),
        cues_after=tuple((c["id"], re.compile(fill(c["after"], fragments)))
                         for c in cues if "after" in c and "before" not in c),
        org_heads=tuple(organisation_heads()) + tuple(data["stop"].get("org_endings", ())),
        role_spaces=role_spaces(data["roles"], data["generic_role"]["endings"], plurals),
        cues_both=tuple((c["id"], re.compile(fill(c["before"], fragments)), re.compile(fill(c["after"], fragments)))
                        for c in cues if "before" in c and "after" in c),
        role_cues=tuple((c["id"], re.compile(c["needs"]), re.compile(fill(c["before"], with_role)),
                         re.compile(c["after"]) if "after" in c else None)
                        for c in data.get("role_cue", ())),
        plurals={k.lower(): v for k, v in plurals.items()},
        field=(r"(?:[a-z][a-zà-ÿ-]*(?:" + "|".join(map(re.escape, data["generic_role"].get("field_endings", [])))
               + r")|(?:[A-Z][a-zà-ÿ-]+\s+(?:en\s+)?)?(?:" + portfolio_pattern(data["stop"].get("portfolio_endings", []))
               + "))"))  # (a portfolio of two words: "directeur Sociale Zaken Hanna Bergsma", "Werk en Inkomen")


# FULL's particles: "(?:(?:van|de|...|della)[ \t]+){0,3}"
_FULL_PARTICLES = re.compile(r"\(\?:\(\?:([^()]*)\)\[ \\t\]\+\)\{0,3\}")


def full_lead(fragments: dict[str, str]) -> re.Pattern:
    """Where a match of FULL may begin (see `full_names`): a capital that no letter or hyphen
    precedes, its word and the space after it, then a capital, a particle and a space, or GLUED.
    (The lookbehind stands after the capital, so that `re` still searches for the capital fast.)
    Without FULL's particles found, any small letter or quote may follow the space."""
    particles = _FULL_PARTICLES.search(fragments["FULL"])
    after = rf"(?:{particles.group(1)})[ \t]|{{GLUED}}" if particles else r"[^\W\d_'’]|['’]"
    return re.compile(fill(r"{UP}(?<![\w-].){LOW}+(?:-{UP}{LOW}+)?[ \t]+(?:{UP}|" + after + ")", fragments))


def portfolio_pattern(endings: list[str]) -> str:
    """A capitalised word with a portfolio ending ("Arbeidsmarkt"), or the ending itself
    capitalised ("Onderwijs")."""
    tails = "|".join(map(re.escape, endings))
    whole = "|".join(re.escape(e[:1].upper() + e[1:]) for e in endings)
    return rf"[A-Z][a-zà-ÿ-]*(?:{tails})|(?:{whole})"


def role_words(roles: dict[str, str], plurals: dict[str, str]) -> frozenset[str]:
    """One-word roles as a sentence may begin with them ("Directeur Peter de Bruin"): no
    part of a name."""
    return frozenset(w[:1].upper() + w[1:] for w in (*roles, *plurals) if " " not in w)


def role_pattern(roles: dict[str, str], endings: list[str], plurals: dict[str, str] | None = None) -> str:
    words = sorted([*roles, *(plurals or {})], key=len, reverse=True)
    lexical = "|".join(f"[{w[0].upper()}{w[0].lower()}]{re.escape(w[1:])}" for w in words)
    # a compound with a role ending ("projectleider", "Commissievoorzitter" opening a sentence), or the
    # ending alone, also opening a sentence ("econoom", "Onderzoeker")
    generic = (r"(?:[A-Za-z][a-zà-ÿ-]*)?(?:" + "|".join(endings) + ")|(?:"
               + "|".join(e[:1].upper() + re.escape(e[1:]) for e in endings) + ")")
    return rf"(?:(?i:{lexical})|{generic})(?![\w-])"


def role_spaces(roles: dict[str, str], endings: list[str], plurals: dict[str, str] | None = None) -> int | None:
    """The most white space characters a match of `role_pattern` holds: roles are written
    literally, generic roles are one word. None when an ending is more than a word."""
    if any(re.escape(e) != e for e in endings):
        return None
    return max((sum(c.isspace() for c in w) for w in (*roles, *(plurals or {}), *endings)), default=0)


# ---------------------------------------------------------------- finding names

TITLED = "persons/titled/4"
OFFICE = "persons/office-surname/2"
ACADEMIC = "persons/academic/3"
CREDIT = "persons/credit/1"
ATTENDANCE = "persons/attendance-list/2"
ATTENDANCE_BY_ORG = "persons/attendance-by-organisation/1"
MOTION = "persons/motion/4"
INITIALS = "persons/initials/2"
SIGNED = "persons/signed-initial/1"


def rule_matches(rule_id: str, text: str):
    """`regex.finditer(text)` of a rule of patterns/persons.toml, by the fastest way known for
    it: tried only where its form of address, initials, office or list word stands (the
    places and leads below must hold every place a match can begin: tested on the corpus)."""
    regex, _ = lexicon().rules[rule_id]
    if rule_id == TITLED:
        return scan.candidate_finditer(regex, _address_starts(text), text)
    if rule_id in _DOTTED:
        return scan.candidate_finditer(regex, _dotted_starts(text, *_DOTTED[rule_id]), text)
    if rule_id == OFFICE:
        return scan.candidate_finditer(regex, _office_starts(text), text)
    if rule_id in _LIST_LEADS:
        return scan.led_finditer(regex, _LIST_LEADS[rule_id], text)
    return scan.finditer(regex, text)


def titled(text: str, rule_id: str = TITLED) -> list[PersonHit]:
    """Names after a form of address ("mevrouw Arends"), with OFFICE after an office
    ("minister Van Hijum"), with ACADEMIC after academic titles ("prof. dr. Kim Putters"):
    the words before the name are its title. With INITIALS, names written with initials
    ("Y.J. van Hijum"), which have none."""
    regex, _ = lexicon().rules[rule_id]
    has_title = "title" in regex.groupindex
    matches = rule_matches(rule_id, text)
    stop = lexicon().stop
    return [PersonHit(m.start("name"), m.end("name"), called_name(m.group("name")), rule_id,
                      _SPACES.sub(" ", m.group("title")).lower() if has_title else None)
            for m in matches if m.group("name").split()[-1] not in stop]


_CALLED = re.compile(r"^(?:(?:Chr|Th|Ch|Ph|Tj|Sj|IJ|[A-Z])\.\s*)+\((?P<called>[^()]+)\)\s+")  # (initials as _DIGRAPHS)


def called_name(name: str) -> str:
    """'H.E. (Hester) Wagenaar' → 'Hester Wagenaar': the given name in brackets stands for the initials;
    'Hendrik-Jan (H.J.) Bosscher' → 'Hendrik-Jan Bosscher': the initials in brackets add nothing."""
    m = _CALLED.match(name)
    if m:
        return f"{m['called']} {name[m.end():]}"
    return _INITIALS_IN_BRACKETS.sub(" ", name, count=1)


_INITIALS_IN_BRACKETS = re.compile(r"(?<=[a-zà-ÿ])[ \t]+\((?:[A-Z]\.){1,4}\)[ \t]+")


# The offices of OFFICE (patterns/persons.toml) without their first letter, which may be either
# case, and the roles a compound office ends with ("FNV-voorzitter"). Keep them in step with the rule.
_OFFICES = ("inister", "taatssecretaris", "remier", "urocommissaris", "roonlid", "aadslid")
_COMPOUND_OFFICES = ("-voorzitter", "-directeur", "-topman", "-topvrouw", "-bestuurder", "-woordvoerder")


def _office_starts(text: str) -> list[int]:
    """The places where a match of OFFICE may begin, ascending: the letter before an office, or a
    capital in the hyphenated word before a compound's role ("FNV-voorzitter", "SER-"). The rule
    opens with a lookbehind, which makes `re` try it at every position; the offices are found by
    plain searches."""
    starts = []
    for office in _OFFICES:
        at = text.find(office, 1)
        while at >= 0:
            starts.append(at - 1)
            at = text.find(office, at + 1)
    for role in _COMPOUND_OFFICES:
        at = text.find(role)
        while at >= 0:
            word = at  # back over the letters, digits, "_", "&" and "-" before the role
            while word and (text[word - 1].isalnum() or text[word - 1] in "_&-"):
                word -= 1
            starts += (i for i in range(word, at) if "A" <= text[i] <= "Z")
            at = text.find(role, at + 1)
    return sorted(starts)


def _address_starts(text: str) -> list[int]:
    """The places where a match of TITLED may begin, ascending: its form of address (patterns/
    persons.toml, TITLE: "de heer", "heer", "mevrouw", "dhr.", "mw.", "mevr."), found from "heer",
    "evr", "hr." and "w." by plain searches. (The rule opens with "\\b" and lookbehinds, which make
    `re` try it at every position.) Keep it in step with TITLE."""
    starts = []
    at = text.find("heer")
    while at >= 0:
        starts.append(at)  # "heer"
        space = at
        while space and text[space - 1].isspace():
            space -= 1
        if space < at:
            starts.append(space - 2)  # "de heer"
        at = text.find("heer", at + 1)
    for tail in ("evr", "hr.", "w."):  # "mevrouw", "mevr.", "dhr.", "mw." from their second letter
        at = text.find(tail, 1)
        while at >= 0:
            starts.append(at - 1)
            at = text.find(tail, at + 1)
    return sorted(start for start in starts if start >= 0)


def _dot_lead(titles: tuple[str, ...], initials: bool) -> re.Pattern:
    """A full stop after one of `titles` or, with `initials`, after a capital. It opens with the
    full stop, which `re` searches for fast."""
    behind = [rf"(?<={re.escape(t)}\.)" for t in titles]
    if initials:
        behind += [r"(?<=[A-Z]\.)"] + [rf"(?<={pair}\.)" for pair in _DIGRAPHS]
    return re.compile(r"\.(?:" + "|".join(behind) + ")")


# initials of two or three letters (persons.toml's INITIAL): "Th.M. de Vries", "Chr. Jansen", "IJ. de Boer"
_DIGRAPHS = ("Chr", "Th", "Ch", "Ph", "Tj", "Sj")


# Rules whose every match opens with an academic title and its full stop or (INITIALS) with an
# initial ("prof. dr. Kim Putters", "Y.J. van Hijum"): (the dot lead, the titles, whether an initial
# may open it). Keep the titles in step with patterns/persons.toml (ACADEMIC and the rules).
_ACADEMIC_TITLES = ("Prof", "prof", "Drs", "drs", "Dr", "dr", "Mr", "mr", "Ir", "ir")
_INITIALS_TITLES = ("prof", "drs", "dr", "mr", "ir", "ing", "ds")
_DOTTED = {
    ACADEMIC: (_dot_lead(_ACADEMIC_TITLES, False), _ACADEMIC_TITLES, False),
    INITIALS: (_dot_lead(_INITIALS_TITLES, True), _INITIALS_TITLES, True),
}


def _dotted_starts(text: str, dot: re.Pattern, titles: tuple[str, ...], initials: bool) -> list[int]:
    """The places where a match of a `_DOTTED` rule may begin, ascending: before the title or the
    capital of each full stop that `dot` finds. (The rules open with lookbehinds, which make `re`
    try them at every position.)"""
    starts = []
    for m in dot.finditer(text):
        stop = m.start()
        if initials and "A" <= text[stop - 1] <= "Z":
            starts.append(stop - 1)  # (no title ends with a capital)
            if text.endswith("IJ", 0, stop):
                starts.append(stop - 2)
            continue
        if initials:
            starts.extend(stop - len(pair) for pair in _DIGRAPHS if text.endswith(pair, 0, stop))
        for title in titles:
            if text.endswith(title, 0, stop):
                starts.append(stop - len(title))
    return sorted(starts)


# a listed name: capitalised words and particles ("Sven van 't Veer", "Mirjam d'Ancona",
# "Selin Ünal-de Bruijn", "Merel Tjon A Fong")
@lru_cache(maxsize=1)
def listed_name() -> re.Pattern:
    """The pattern of a listed name, with persons.toml's letters of a name (UP, LOW: "Aydın")."""
    return re.compile(fill(r"(?:[A-Z]{2,}/)?(?P<n>(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Ee]l|['’]t|A(?=\s+[A-Z]))\s+|"
                           r"(?:[Dd]['’])?{UP}{LOW}+(?:-{UP}{LOW}+|-(?:de|den|der|van|ter|ten)\s+)?\s*)+)",
                           lexicon().fragments))


SURNAME_FIRST = "persons/inverted-initials/1"


def surname_first(text: str) -> list[PersonHit]:
    """'Bakker, A.', 'Van Dijk, C.J.', 'Meijer, P. de' in a list: the name in its usual order
    ('A. Bakker', 'C.J. van Dijk', 'P. de Meijer'), the mention on the written form."""
    regex, _ = lexicon().rules[SURNAME_FIRST]
    hits = []
    for m in _surname_first_matches(regex, text):
        surname = m.group("surname")
        if surname.split()[-1] in lexicon().stop:
            continue
        words = surname.split()
        # a particle written first with a capital is written small after the initials
        while len(words) > 1 and words[0].lower() in PARTICLES and words[0][:1].isupper():
            words[0] = words[0].lower()
            break
        particle = f"{m.group('particle')} " if m.group("particle") else ""
        name = f"{m.group('initials')} {particle}{' '.join(words)}"
        hits.append(PersonHit(m.start("surname"), m.end("initials") if not particle else m.end("particle"),
                              name, SURNAME_FIRST))
    return hits


_INITIALS_AFTER_COMMA = re.compile(r",[ \t]*[A-Z]\.")


def _surname_first_matches(regex: re.Pattern, text: str):
    """`regex.finditer(text)` for the surname-first rule, tried only on the lines that hold a
    comma before initials: the rule opens with lookbehinds, which `re` tries at every position,
    and a match stays on its line (its lookahead accepts the line's end)."""
    for line_start, line_end in scan.lines_with(_INITIALS_AFTER_COMMA, text):
        yield from regex.finditer(text, line_start, line_end)


# Where a match of the motion rule may begin (see `led_finditer`): "motie", "het lid", "de leden",
# "Kamerleden", "Kamerlid". Keep it in step with the rule.
_LIST_LEADS = {MOTION: re.compile(r"Motie|motie|het\s+lid|de\s+leden|Kamerleden|Kamerlid")}


_BRACKETS_AFTER = re.compile(r"\s*\([^()]*\)$")
_LIST_ITEM = re.compile(r"(?:[^/,;(]|\([^()]*\))+?(?=\s*(?:/|,|;|\sen\s|$))")  # (a comma in brackets stays inside)
_LIST_ITEM_LEAD = re.compile(r"^(?:en\s+|[A-Z]{2,}/)")


def listed(text: str, rule_id: str) -> list[PersonHit]:
    """Persons of a list rule (motions, credits): every name in the `names` group."""
    regex, _ = lexicon().rules[rule_id]
    item = listed_name()
    hits = []
    for m in rule_matches(rule_id, text):
        for part in _LIST_ITEM.finditer(m.group("names")):
            if rule_id == CREDIT and m.group("names")[part.end():part.end() + 1] == "/":
                continue  # a photo agency: "Hollandse Hoogte/Mark Visser" (in motions "/" joins names)
            # (what a listed name's brackets hold, "Mulder (secretaris)", is no part of it)
            name = drop_trailing_stop(_LIST_ITEM_LEAD.sub("", _BRACKETS_AFTER.sub("", part.group().strip())))
            start = m.start("names") + part.start() + part.group().find(name)
            first = name.split()[0] if name else ""
            if name and (first not in lexicon().stop or first.lower() in PARTICLES) and item.fullmatch(name):
                hits.append(PersonHit(start, start + len(name), name, rule_id))
    return hits


def drop_trailing_stop(name: str) -> str:
    words = name.split()
    while len(words) > 1 and words[-1] in lexicon().stop:
        words.pop()
    return name[:name.rfind(words[-1]) + len(words[-1])] if words else name


def trimmed(text: str, m: re.Match) -> PersonHit | None:
    """A FULL candidate without leading stop words; None when too little is left."""
    return trimmed_span(text, m.start(), m.end())


def trimmed_span(text: str, start: int, end: int) -> PersonHit | None:
    """`trimmed` of the candidate text[start:end]: without leading stop words and portfolios
    ("Arbeidsmarkt"). When leading words go, the name may go on after the candidate:
    "Directeur Arbeidsmarkt Wouter Sibbel" is "Wouter Sibbel"."""
    words = text[start:end].split()
    dropped = False
    while words and (words[0] in lexicon().stop or _no_given_name(words[0]) or _role_word().fullmatch(words[0])):
        start = text.index(words[1], start + len(words[0])) if len(words) > 1 else end
        words = words[1:]
        dropped = True
    if dropped and start < end:
        longer = lexicon().full.match(text, start)
        if longer and longer.end() > end:
            end = longer.end()
            words = text[start:end].split()
    for i in range(2, len(words) - 1):  # "Karin Zwartjes van Sociale ...": a ministry or portfolio after "van"
        if words[i] == "van" and (words[i + 1] in lexicon().stop or _no_given_name(words[i + 1])
                                  or words[i + 1] in lexicon().not_surname):
            end = [m.end() for m in _WORD_RUN.finditer(text, start, end)][i - 1]
            words = words[:i]
            break
    if len(words) == 3 and words[1][:1].isupper() and re.search(r"(?:^|[.!?]\s+)$", text[max(0, start - 3):start]):
        start = text.index(words[1], start + len(words[0]))  # "Verder Roderik Pape": a sentence-initial word
        words = words[1:]
    if len(words) < 2 or words[0][:1].islower() or words[-1] in lexicon().stop or words[-1] in lexicon().not_surname:
        return None
    return PersonHit(start, end, text[start:end], "")


def with_full_name(hit: PersonHit, full_hits: list[PersonHit]) -> PersonHit:
    """An office before a given name and a surname ("Minister Karin Zwartjes van Sociale Zaken"): the
    office rule reads one word as the surname; the full name that starts there is the name."""
    longer = next((f for f in full_hits if f.start == hit.start and f.end > hit.end), None)
    return replace(hit, end=longer.end, name=longer.name, title=None) if longer else hit


_WORD_RUN = re.compile(r"\S+")


@lru_cache(maxsize=1)
def _role_word() -> re.Pattern:
    """A role word, also a compound ("Commissievoorzitter", "Projectleider"): no first name."""
    return re.compile(lexicon().role)


def _no_given_name(word: str) -> bool:
    """A portfolio ("Arbeidsmarkt") or a word that opens place names ("Sint Maarten", "Hoek van
    Holland") is no first name, though it may end a surname ("Jan de Groot")."""
    return word in lexicon().not_given or word.lower().endswith(lexicon().portfolio)


def full_names(text: str) -> list[PersonHit]:
    found = []
    # (`re` would try FULL at every capital; the lead, at the capitals that a word and a space
    # lead to the next word from, and it opens with a class that `re` searches for fast)
    for m in scan.led_finditer(lexicon().full, lexicon().full_lead, text):
        hit = trimmed(text, m)
        if hit is not None and not _inside_capitalised_phrase(text, hit.start):
            found.append(hit)
    return found


_CAPITALISED_BEFORE = re.compile(r"(?<![\w-])([A-ZÀ-ÖØ-Þ][a-zà-öø-ÿ]+)[ \t]$")  # (not "VCP", "FNV-voorzitter")
_SENTENCE_OPENS_BEFORE = re.compile(r"(?:^|[.!?:;]\s+|\n\s*)$")


def _inside_capitalised_phrase(text: str, start: int) -> bool:
    """'de Nationale Enquête Arbeidsomstandigheden': the candidate goes on a capitalised word in the
    middle of a sentence that is no stop word, role or portfolio: the words name a thing, not a person."""
    window = text[max(0, start - 40):start]
    m = _CAPITALISED_BEFORE.search(window)
    if not m:
        return False
    word = m.group(1)
    if word in lexicon().stop or _no_given_name(word) or _role_word().fullmatch(word) \
            or _SENTENCE_OPENS_BEFORE.search(window, 0, m.start()):
        return False  # ("met Europarlementariër Lotte de Vries": a role compound before the name)
    return True


# ---------------------------------------------------------------- cues and roles

@dataclass(frozen=True)
class RoleFact:
    role: str | None
    org: str | None
    relation: str  # head | member | role | represents
    rule: str


_ARTICLE = re.compile(r"(?:de\s+|het\s+)?")


def org_at(org_hits: dict[int, object], pos: int, text: str):
    """The organisation written at `pos` (after an optional 'de'/'het')."""
    m = _ARTICLE.match(text[pos:pos + 5])
    return org_hits.get(pos) or org_hits.get(pos + m.end())


def role_before(text: str, hit: PersonHit, org_hits) -> RoleFact | None:
    window = text[max(0, hit.start - 80):hit.start]
    m = _role_before_pattern(lexicon().role, lexicon().field).search(window, _role_search_start(window))
    if not m:
        offset = hit.start - len(window)
        return role_cue_before(window, text[hit.end:hit.end + 40], lambda at: org_at(org_hits, offset + at, text))
    org = None
    if m.group("orgpre"):
        org = org_at(org_hits, hit.start - len(window) + m.start("orgpre"), text)
    return fact(m.group("role"), org, "persons/role-before/1")


def role_cue_before(window: str, following: str, org_in_window=lambda at: None) -> RoleFact | None:
    """A role written before the name with words between ([[role_cue]]): "Secretaris is X"
    (and, where the cue says so, the right words after the name: "... is X geweest"). A cue's
    `org` group names the organisation when a known one is written there."""
    for rule, quick, regex, after in lexicon().role_cues:
        if quick.search(window) and (after is None or after.match(following)):
            m = regex.search(window)
            if m:
                org = org_in_window(m.start("org")) if "org" in regex.groupindex and m.group("org") else None
                return fact(m.group("role"), org, rule)
    return None


def _role_search_start(window: str) -> int:
    """The earliest offset where `_role_before_pattern` can match `window`: a match ends the
    window with white space, after a role with at most `role_spaces` white space characters
    inside, an organisation with none and perhaps a field (one word), so it begins within the
    window's last words."""
    spaces = lexicon().role_spaces
    if spaces is None:
        return 0
    core = window.rstrip()
    if len(core) == len(window):
        return len(window)  # no white space to end on
    words = core.rsplit(None, spaces + 2)
    if len(words) <= spaces + 2:
        return 0
    return len(core) - len(core[len(words[0]):].lstrip())


# (an age, with a copula or a comma, may stand between: "Joost Smit (52) is algemeen directeur
# van X", "Eva Smit (38), CEO van X"; a copula alone: "Nadia Bouhassoun is kroonlid van de SER"; a profile's next line "Functie: ..." gives the role; a
# role on the next line that a colon follows labels that line: "W.H. Kuipers\nSecretaris: ...")
AFTER_ROLE = r"^(?![ \t]*\n\s*(?:{ROLE})[ \t]*:)(?:,\s+(?:(?:tevens|sinds\s+\S+|de|het|onze|nieuwe|toenmalige|senior|junior|plaatsvervangend|waarnemend|interim)\s+)*|\s*\n[ \t]*Functie:[ \t]*|\s*\n\s*|\s+(?:is|was)\s+(?:(?:de|het|een|nieuwe|algemeen|sinds\s+\S+|nu|inmiddels)\s+)*|\s+|\s*\((?=(?:{ROLE})(?:,\s*(?:{ROLE}))*\))|\s*\(\d{1,3}\)\s+(?:is|was|werkt\s+als)\s+(?:(?:de|het|een|algemeen|sinds\s+\S+|nu|inmiddels)\s+)*|\s*\(\d{1,3}\),\s+(?:(?:de|het|sinds\s+\S+)\s+)*)(?:(?P<orgpre>[A-Z][\w&]*(?:-[A-Z][\w&]*)*)-)?(?P<role>{ROLE}),?(?:\s+(?:van|bij|aan)\s+|\s+)?"


@lru_cache(maxsize=4)
def _role_before_pattern(role: str, field: str = "(?!)") -> re.Pattern:
    # (a former office is read with its prefix, and `fact` gives it no role: "oud-minister X",
    # "ex-wethouder Y", "voormalig directeur Z")
    # (academic titles may stand between the role and the name: "CBM-voorzitter mr. Aylin Çelik")
    return re.compile(rf"(?:(?P<orgpre>[A-Z][\w&]*(?:-[A-Z][\w&]*)*)-|(?<![\w-]))"
                      rf"(?P<role>{FORMER}?{role})(?:\s+{field}(?![\w-]))?\s+(?:(?:prof|dr|drs|mr|ir|ing)\.\s*)*$")


@lru_cache(maxsize=4)
def _role_after_pattern(role: str) -> re.Pattern:
    return re.compile(AFTER_ROLE.replace("{ROLE}", role))


def roles_after(text: str, hit: PersonHit, org_hits) -> list[RoleFact]:
    rest_at = hit.end
    rest = text[rest_at:rest_at + 120]
    out = []
    m = _role_after_pattern(lexicon().role).match(rest)
    if m:
        pre = m.group("orgpre")
        org = org_at(org_hits, rest_at + m.start("orgpre"), text) if pre else org_at(org_hits, rest_at + m.end(), text)
        if org is None and not pre:
            org = place_body(text, rest_at + m.end(), m.group("role"), org_hits)
        if org is None and not pre and not rest[m.end("role"):m.end("role") + 1] == ",":
            org = org_after_field(text, rest_at + m.end(), org_hits)
        out.append(fact(m.group("role"), org, "persons/role-after/1"))
    out += org_after(text, rest_at, org_hits) or namens_after(text, hit, org_hits)
    return out


_PLACE = re.compile(r"[A-Z][\w'’-]+(?:[ \t]+(?:aan[ \t]+de[nr]?[ \t]+)?[A-Z][\w'’-]+)?(?![\w-])")
# a role's field or portfolio before its organisation: "wethouder Werk en Inkomen van de gemeente Eindhoven",
# "directeur Werkbedrijf bij UWV", "hoogleraar arbeidsrecht aan Tilburg University" (a few words, no clause
# boundary between)
_FIELD_THEN_ORG = re.compile(r"(?:[A-Z][\w&-]*(?:[ \t]+(?:en|&|[A-Z][\w&-]*)){0,3}|[a-z][\w-]*)[ \t]+(?:van|bij|aan)[ \t]+")


def org_after_field(text: str, pos: int, org_hits):
    """The organisation after a role's field: 'directeur Werkbedrijf bij UWV'."""
    m = _FIELD_THEN_ORG.match(text, pos, pos + 80)
    return org_at(org_hits, m.end(), text) if m else None



def place_body(text: str, pos: int, role: str, org_hits):
    """'Ahmed Bouali, wethouder van Rotterdam': the body of the place named after an office of a
    place ([place_roles]: "gemeente Rotterdam"), when the document names that body."""
    body = lexicon().place_roles.get(re.sub(r"\s+", " ", role).lower())
    m = _PLACE.match(text, pos) if body else None
    if m is None or text[max(0, pos - 4):pos].strip() != "van":
        return None
    return _by_key(org_hits).get(f"org/{slug(body + ' ' + m.group())}")


_BY_KEY: list = [None, 0, {}]  # the last org_hits seen, its size, its hits by key


def _by_key(org_hits) -> dict:
    """`{h.key: h for h in org_hits.values()}`, made once for a document's hits."""
    if _BY_KEY[0] is not org_hits or _BY_KEY[1] != len(org_hits):
        _BY_KEY[:] = [org_hits, len(org_hits), {h.key: h for h in org_hits.values()}]
    return _BY_KEY[2]


# the bracket closes after the organisation, or after a unit of it: "(ING Economisch Bureau)"
_BRACKET_CLOSE = r"^(?:[ \t]+[A-Z][\w-]*){0,3}\s*\)"
# "Selin Ünal werkt bij de Arbeidsinspectie", "X en Y werken allebei bij Z"
_WORKS_AT = (r"^\s+werk(?:t|te|en|ten)\s+(?:(?:allebei|beiden|al|nu|inmiddels|sinds\s+\S+|\d+\s+jaar)\s+)*"
             r"bij\s+")


# (the way to the organisation, the relation, the rule, what must follow the organisation)
_ORG_AFTER = tuple((re.compile(regex), relation, rule, re.compile(close) if close else None)
                   for regex, relation, rule, close in (
                       (r"^\s+van\s+", "member", "persons/of-org/1", None),
                       (_WORKS_AT, "member", "persons/works-at/1", None),
                       (r"^\s*\((?:namens\s+)?", "represents", "persons/bracket-org/1", _BRACKET_CLOSE),
                       (r"^,\s+", "represents", "persons/comma-org/1", r"^\s*:")))


def org_after(text: str, pos: int, org_hits) -> list[RoleFact]:
    """'mevrouw Arends van de FNV', 'Roderik Pape (namens VNO-NCW)', 'Tuur Elzinga, FNV:',
    'Selin Ünal werkt bij de Arbeidsinspectie'."""
    rest = text[pos:pos + 80]
    for regex, relation, rule, close in _ORG_AFTER:
        m = regex.match(rest)
        org = org_at(org_hits, pos + m.end(), text) if m else None
        if org is not None and (close is None or close.match(text[org.end:org.end + 60])):
            return [RoleFact(None, org, relation, rule)]
    return []


_NAMENS_AFTER = re.compile(r",\s+namens\s+")
# the organisation ends the clause, or the next item of a list the clean view joined into one
# line: "drs. K. El Khatib, namens MKB-Nederland de heer R. van der Berg (VNO-NCW) ..."
_ORG_CLOSES = re.compile(r"[ \t]*(?:[,.;:)\n]|\Z|(?:[Dd]e[ \t]+heer|[Mm]evrouw|[Mm]w\.|[Mm]evr\.|[Dd]hr\.|prof\.|dr\.|drs\.|mr\.)[ \t])")
# the name opens a line, a sentence or a list item, after its title: "drs. K. El Khatib, namens
# MKB-Nederland", "Mevrouw El Amrani, namens VNO-NCW, kan ..." ("De voorzitter dankt de heer Bos,
# namens de raad, ..." is no such name; an academic title's full stop ends no sentence)
_NAME_OPENS = re.compile(r"(?:^|\n|(?<!\bdr)(?<!\bdrs)(?<!\bmr)(?<!\bir)(?<!\bing)(?<!\bprof)[.!?;:]\s+|\)[ \t]+)[ \t]*"
                         r"(?:(?:[Dd]e[ \t]+heer|[Mm]evrouw|[Mm]w\.|[Mm]evr\.|[Dd]hr\.)[ \t]+)?"
                         r"(?:(?:prof|dr|drs|mr|ir|ing)\.[ \t]*)*(?:[A-Z]\.[ \t]?)*$")


def namens_after(text: str, hit: PersonHit, org_hits) -> list[RoleFact]:
    """'mevrouw El Amrani, namens VNO-NCW, ...': the organisation after ', namens' when the name
    opens its sentence or line and the organisation ends its clause."""
    m = _NAMENS_AFTER.match(text, hit.end)
    org = org_at(org_hits, m.end(), text) if m else None
    if org is None or not _ORG_CLOSES.match(text, org.end):
        return []
    if not _NAME_OPENS.search(text, max(0, hit.start - 40), hit.start):
        return []
    return [RoleFact(None, org, "represents", "persons/namens-after/1")]


FORMER = r"(?:(?:[Oo]ud|[Ee]x)-|[Vv]oormalige?\s+)"
_FORMER = re.compile(FORMER)


def fact(role: str, org, rule: str) -> RoleFact:
    role = _SPACES.sub(" ", role)
    if _FORMER.match(role):
        return RoleFact(None, None, "former", rule)  # a cue for the name, no role it holds
    role = (lexicon().plurals or {}).get(role.lower(), role)
    relation = lexicon().roles.get(role.lower(), "role")
    return RoleFact(role.lower() if role.lower() != "kamerlid" else "Kamerlid", org, relation, rule)


def has_cue(text: str, hit: PersonHit) -> str | None:
    before = text[max(0, hit.start - 40):hit.start]
    for rule, regex in lexicon().cues_before:
        if regex.search(before):
            return rule
    for rule, regex in lexicon().cues_after:
        if regex.match(text[hit.end:hit.end + 160]):
            return rule
    for rule, before_regex, after_regex in lexicon().cues_both:
        if before_regex.search(before) and after_regex.match(text[hit.end:hit.end + 160]):
            return rule
    return None


# ---------------------------------------------------------------- recording

def record_person(ctx, hit: PersonHit) -> str:
    name = without_title(hit.name)
    key = person_key(name)
    alts = {f"{hit.title} {name}"} if hit.title else set()
    ctx.entity(Entity(key, "Person", name, alts))
    ctx.mention(key, hit.start, hit.end, hit.rule)
    return key


def record_fact(ctx, key: str, hit: PersonHit, role: RoleFact, known_keys: set[str]) -> None:
    evidence = (hit.start, hit.end)
    org = role.org.key if role.org is not None else lexicon().default_org.get((role.role or "").lower())
    if org is not None and role.org is None and org not in known_keys:
        org = None
    if role.relation == "represents" and org:
        ctx.link(key, "polder:represents", org, role.rule, evidence=evidence)
    elif role.relation == "head" and org:
        ctx.link(key, "org:headOf", org, role.rule, evidence=evidence)
    elif role.relation == "member" and org and not role.role:
        ctx.link(key, "org:memberOf", org, role.rule, evidence=evidence)
    elif role.role:
        if role.relation == "member" and org:
            ctx.link(key, "org:memberOf", org, role.rule, evidence=evidence)
        membership(ctx, key, role.role, org, role.rule, evidence)


def membership(ctx, person: str, role: str, org: str | None, rule: str, evidence) -> None:
    role_key = f"role/{slug(role)}"
    ctx.entity(Entity(role_key, "org:Role", role))
    key = f"{person}/membership/{slug(role)}" + (f"/{slug(org)}" if org else "")
    entity = Entity(key, "org:Membership", f"{role} ({org.split('/')[-1]})" if org else role)
    entity.add("org:member", Ref(person))
    entity.add("org:role", Ref(role_key))
    if org:
        entity.add("org:organization", Ref(org))
    ctx.entity(entity)
    ctx.link(person, "org:hasMembership", key, rule, evidence=evidence)


def detect(text: str, org_hits: dict[int, object]) -> list[tuple[PersonHit, list[RoleFact]]]:
    """Every person hit with the roles the text gives it (no overlapping hits)."""
    found: list[tuple[PersonHit, list[RoleFact]]] = []
    overlaps_org = _overlap_test([(h.start, h.end) for h in org_hits.values()])
    titled_hits = titled(text)
    full_hits = full_names(text)
    for rule_id in (OFFICE, ACADEMIC, INITIALS, SIGNED):  # each only where the ones before found no name
        taken = _overlap_test([(h.start, h.end) for h in titled_hits])
        new = [h for h in titled(text, rule_id) if not taken(h.start, h.end)
               and not (rule_id == OFFICE and overlaps_org(h.start, h.end))]  # "kroonlid Sociaal-Economische Raad"
        titled_hits += [with_full_name(h, full_hits) if rule_id == OFFICE else h for h in new]
    taken = _overlap_test([(h.start, h.end) for h in titled_hits])
    titled_hits += [h for h in surname_first(text) if not taken(h.start, h.end)]
    for hit in (titled_hits + listed(text, MOTION) + listed(text, "persons/titled-plural/1")
                + listed(text, CREDIT) + listed(text, ATTENDANCE) + listed(text, ATTENDANCE_BY_ORG)):
        if hit.rule == CREDIT and looks_like_organisation(text, hit):
            continue
        found.append((hit, facts_for(text, hit, org_hits)))
    candidates = []
    org_starts = sorted(org_hits)
    for hit in full_hits:
        if overlaps_org(hit.start, hit.end):
            hit = before_org(text, hit, org_starts)
            if hit is None or overlaps_org(hit.start, hit.end):
                continue
        if looks_like_organisation(text, hit) or _THING_BEFORE.search(text, max(0, hit.start - 40), hit.start):
            continue
        facts = facts_for(text, hit, org_hits)
        cue = has_cue(text, hit)
        if facts or cue:
            found.append((PersonHit(hit.start, hit.end, hit.name, facts[0].rule if facts else cue), facts))
        else:
            candidates.append(hit)
    found = coordinated(text, found, candidates)
    listed_spans = {(h.start, h.end) for h, _ in found}
    found = speaking_elsewhere(text, found, [c for c in candidates if (c.start, c.end) not in listed_spans])
    found = with_list_roles(text, found)
    named = [hit for hit, _ in found]
    return without_overlaps(found + surname_mentions(text, named) + given_name_mentions(text, named))


LIST_ROLE = "persons/list-label/1"


@lru_cache(maxsize=1)
def _list_label() -> re.Pattern:
    """A line labelled with a plural role, up to the line's end or the next label ("Kroonleden: mevrouw
    A, de heer B Werkgeversleden: ..." when the clean view joined two lines)."""
    plurals = "|".join(re.escape(w) for w in sorted(lexicon().plurals or {}, key=len, reverse=True))
    # (or a table's row: "| Kroonleden | Groenewegen, Kasteleijn |")
    return re.compile(rf"(?:^|\n)[ \t]*(?:[-•*–|][ \t]+)?(?P<role>(?i:{plurals}))[ \t]*[:|](?P<list>[^\n]*?)(?=\s[A-Z][a-z]+:|\n|$)")


@lru_cache(maxsize=1)
def _list_label_after_break() -> re.Pattern:
    """`_list_label` after a line break only: it opens with that literal, which `re` searches
    for fast ("(?:^|\\n)" makes `re` try the whole pattern at every position)."""
    return re.compile(_list_label().pattern.replace(r"(?:^|\n)", r"\n", 1))


def _list_labels(text: str) -> list[re.Match]:
    """`_list_label().finditer(text)`: the text's start tried alone, then every line break."""
    first = _list_label().match(text)
    rest = _list_label_after_break().finditer(text, first.end() if first else 0)
    return [first, *rest] if first else list(rest)


def with_list_roles(text: str, found):
    """Every person on a line labelled with a plural role ("Kroonleden: mevrouw Bakker, de heer
    Claassen, mevrouw Dekker (voorzitter)") holds that role in the singular, beside any other."""
    if not lexicon().plurals:
        return found
    spans = [(m.start("list"), m.end("list"), m.group("role")) for m in _list_labels(text)]
    if not spans:
        return found
    out = []
    for hit, facts in found:
        role = next((r for s, e, r in spans if s <= hit.start < e), None)
        if role:
            listed_role = fact(role, None, LIST_ROLE)
            if not any(f.role == listed_role.role for f in facts):
                facts = [*facts, listed_role]
        out.append((hit, facts))
    return out


SURNAME_CUE = "persons/surname-cue/1"


@lru_cache(maxsize=1)
def surname_cues() -> tuple[re.Pattern, re.Pattern]:
    """The speech cue before a surname ("zegt Smit"), read back from the surname's start, and the
    one after it: its colon, or a verb ("Elzinga wijst op ..."), read from the surname's end.
    Both with persons.toml's speech verbs (SAYS); after it, what a person does too (ACTS)."""
    says = lexicon().fragments["SAYS"]
    return (re.compile(rf"\b(?:{says}|aldus|[Vv]olgens)\s+\Z"),
            # (whom the speaker represents may stand between: "Terpstra (Consumentenbond): ...")
            re.compile(rf"(?:\s*\([^()\n]{{1,40}}\))?(?::\s|\s+(?:{says}|{lexicon().fragments['ACTS']})\b)"))


_CUE_REACH = 40  # characters before a surname that hold a cue and the space after it
# a name's given name or particle right before a surname: there it ends a longer name, someone
# else's ("De heer Mee ter Five merkt op" is not Ste Five); a form of address is no name
_NAME_BEFORE = re.compile(r"(?<![\w'’-])(?:(?!Mevrouw\b|Heer\b|Volgens\b|Aldus\b)[A-Z][\w'’-]*|van|de|der|den|ter|ten|"
                          r"in|['’]t)[ \t]+\Z")
_NAME_CHAR = re.compile(r"[\w'’-]")


def surname_mentions(text: str, hits: list[PersonHit]) -> list[tuple[PersonHit, list]]:
    """A person's surname alone where a speech cue stands beside it ("zegt Smit", "aldus Van der
    Meulen-Kaya", "Çelik: ...", "Elzinga wijst op"): a mention of the one person of the document
    written in full with that surname. Alone, a surname after "zegt" may name a place or a
    company ("zegt Brussel"), so no new person comes of it."""
    full: dict[str, list[str]] = {}
    for hit in hits:
        given, surname = split_name(without_title(hit.name))
        # (initials too: "G.J. Dijkhuizen" in the attendance list, "Dijkhuizen vraagt"; a list of surnames by
        # group or organisation names persons by surname alone: "FNV: Jansen, De Boer", "Jansen (FNV) vindt")
        if (given or hit.rule in (ATTENDANCE, ATTENDANCE_BY_ORG)) and len(surname) > 2:
            full.setdefault(surname[:1].upper() + surname[1:], []).append(hit.name)
    surnames = [s for s, names in full.items() if len(set(names)) == 1]
    if not surnames:
        return []
    # The few surnames of the document (first letter in either case) are looked up in the text
    # and the cues tried beside them: a pattern of the surnames would be compiled anew for every
    # document, and the cues alone occur everywhere (every colon).
    cue_before, cue_after = surname_cues()
    after_cue: dict[int, int] = {}  # surname start → end, the longest surname after a cue
    before_cue: dict[int, int] = {}  # surname end → start, the longest surname before a cue
    for form in {f for s in surnames for f in (s, s[0].lower() + s[1:])}:
        at = text.find(form)
        while at >= 0:
            end = at + len(form)
            if _NAME_BEFORE.search(text, max(0, at - _CUE_REACH), at):
                at = text.find(form, at + 1)
                continue
            if (end > after_cue.get(at, at) and not _NAME_CHAR.match(text, end)
                    and cue_before.search(text, max(0, at - _CUE_REACH), at)):
                after_cue[at] = end
            if (at < before_cue.get(end, end) and (at == 0 or not _NAME_CHAR.match(text, at - 1))
                    and cue_after.match(text, end)):
                before_cue[end] = at
            at = text.find(form, at + 1)
    found = [*after_cue.items(), *((start, end) for end, start in before_cue.items())]
    return [(PersonHit(s, e, text[s:e], SURNAME_CUE), []) for s, e in sorted(found)]


GIVEN_NAME_CUE = "persons/given-name-cue/1"
_SENTENCE_OPENS = re.compile(r"(?:\A|[.!?][\"”’]?[ \t]+|\n[ \t]*(?:[-*•–][ \t]+)?)\Z")


def given_name_mentions(text: str, hits: list[PersonHit]) -> list[tuple[PersonHit, list]]:
    """A given name alone that opens a sentence and speaks or acts in it ("Sanne opent om 16.05",
    "Yasmina vertelt dat ..."): a mention of the one person of the document written in full with
    that given name, as informal minutes and interviews call people."""
    people: dict[str, set[str]] = {}
    for hit in hits:
        given, _ = split_name(without_title(hit.name))
        first = given.split()[0] if given else ""
        if len(first) > 2 and "." not in first:
            people.setdefault(first, set()).add(without_title(hit.name))
    _, cue_after = surname_cues()
    found = []
    for first, names in people.items():
        if len(names) != 1:
            continue  # two persons share the given name: whose it is stays open
        name = next(iter(names))
        at = text.find(first)  # (str.find, not a pattern a name: see `surname_mentions`)
        while at >= 0:
            end = at + len(first)
            if (not _NAME_CHAR.match(text, end) and _SENTENCE_OPENS.search(text, max(0, at - 12), at)
                    and cue_after.match(text, end)):
                found.append((PersonHit(at, end, name, GIVEN_NAME_CUE), []))
            at = text.find(first, at + 1)
    return found


_OF_ORG = re.compile(r"[ \t]+van[ \t]+(?:de[ \t]+|het[ \t]+)?")


def before_org(text: str, hit: PersonHit, org_starts: list[int]) -> PersonHit | None:
    """'Elon Musk van Tesla': a name whose last words are 'van' and an organisation is the
    name before 'van'; `org_after` then reads the organisation. None when nothing is left."""
    i = bisect_left(org_starts, hit.start + 1)
    if i == len(org_starts) or org_starts[i] >= hit.end:
        return None
    for m in _OF_ORG.finditer(text, hit.start, org_starts[i]):
        if m.end() == org_starts[i]:
            return trimmed_span(text, hit.start, m.start())
    return None


def _overlap_test(spans: list[tuple[int, int]]):
    """A test whether [start, end) overlaps one of `spans`: `any(s < end and start < e for s, e
    in spans)`, by bisection: of the spans that begin before `end`, the one reaching furthest."""
    spans = sorted(spans)
    starts = [s for s, _ in spans]
    furthest = list(accumulate((e for _, e in spans), max))

    def overlaps(start: int, end: int) -> bool:
        i = bisect_left(starts, end)
        return i > 0 and furthest[i - 1] > start
    return overlaps


SPEAKS_ELSEWHERE = "persons/speaks-elsewhere/1"


def speaking_elsewhere(text: str, found, candidates: list[PersonHit]):
    """A full name without a cue of its own ("Sharon Kromodimedjo-Pinas weet nog precies ...") whose
    surname speaks elsewhere in the document ("zegt Kromodimedjo-Pinas", "Kromodimedjo-Pinas: ...") is
    a person: the interviewee, introduced once. (A thing's name is not quoted by its last word.)"""
    _, cue_after = surname_cues()
    cue_before = _speech_verb_before()  # (not "volgens Brussel": only a speech verb)
    # (a surname a found person has speaks for that person: "Hans-Peter Verhoef ... Verhoef: ...", not
    # for "zijn vader, Cornelis Verhoef")
    spoken_for = {split_name(without_title(h.name))[1] for h, _ in found}
    # (nor when two names without a cue share the surname: whose it is stays open)
    shared = Counter(split_name(h.name)[1] for h in candidates)
    promoted = []
    for hit in candidates:
        given, surname = split_name(hit.name)
        if not given or len(surname) < 3 or surname[0].islower() or surname in spoken_for or shared[surname] > 1:
            continue
        speaks = False
        for m in written_surname(surname).finditer(text):
            if hit.start <= m.start() < hit.end or _NAME_BEFORE.search(text, max(0, m.start() - _CUE_REACH), m.start()):
                continue  # the name itself, or the end of a longer name
            if cue_before.search(text, max(0, m.start() - _CUE_REACH), m.start()) or cue_after.match(text, m.end()):
                speaks = True
                break
        if speaks:
            promoted.append(hit)
    return found + [(PersonHit(h.start, h.end, h.name, SPEAKS_ELSEWHERE), []) for h in promoted]


@lru_cache(maxsize=1)
def _speech_verb_before() -> re.Pattern:
    return re.compile(rf"\b(?:{lexicon().fragments['SAYS']})\s+\Z")


@lru_cache(maxsize=1024)
def written_surname(surname: str) -> re.Pattern:
    return re.compile(rf"(?<![\w'’-]){re.escape(surname)}(?![\w'’-])")


def coordinated(text: str, found, candidates: list[PersonHit]):
    """Names listed with a found person ('Ad Bergwerff en Ger Jaarsma', 'X, Y en Z') are persons too."""
    starts = {h.start for h, _ in found}
    ends = {h.end for h, _ in found}
    pending = sorted(candidates, key=lambda h: h.start)
    # A joiner holds only white space, commas and "en": a found name joined to a candidate
    # ends or starts within the run of such characters beside it, found once per candidate.
    reach = {id(hit): (_joiner_run_before(text, hit.start), _joiner_run_after(text, hit.end)) for hit in pending}
    added = True
    while added:
        added = False
        for hit in list(pending):
            left, right = reach[id(hit)]
            if (any(e in ends and _JOINER.fullmatch(text, e, hit.start) for e in range(left, hit.start))
                    or any(s in starts and _JOINER.fullmatch(text, hit.end, s) for s in range(hit.end + 1, right + 1))):
                found.append((PersonHit(hit.start, hit.end, hit.name, "persons/coordination/1"),
                              shared_facts(text, hit, found)))
                starts.add(hit.start)
                ends.add(hit.end)
                pending.remove(hit)
                added = True
    return found


def _joiner_run_before(text: str, pos: int) -> int:
    """Where the run of characters a joiner may hold (white space, ",", "e", "n") before `pos` starts."""
    while pos and (text[pos - 1] in ",en" or text[pos - 1].isspace()):
        pos -= 1
    return pos


def _joiner_run_after(text: str, pos: int) -> int:
    """Where the run of characters a joiner may hold after `pos` ends."""
    while pos < len(text) and (text[pos] in ",en" or text[pos].isspace()):
        pos += 1
    return pos


_PLURAL_WORKS_AT = re.compile(r"\s+werk(?:en|ten)\s")


def shared_facts(text: str, hit: PersonHit, found) -> list[RoleFact]:
    """'Kerem Çelik en Selin Ünal werken bij de Arbeidsinspectie': the plural verb after the
    last name of the list gives the first its organisation too."""
    for other, facts in found:
        if other.start > hit.end and _JOINER.fullmatch(text, hit.end, other.start) \
                and _PLURAL_WORKS_AT.match(text, other.end):
            return [f for f in facts if f.rule == "persons/works-at/1"]
    return []


_JOINER = re.compile(r"\s*(?:,|\sen|,\s*en)\s+|\s+en\s+")


def facts_for(text: str, hit: PersonHit, org_hits) -> list[RoleFact]:
    before = role_before(text, hit, org_hits)
    if hit.rule == MOTION:
        return [fact("Kamerlid", None, hit.rule)]
    after = roles_after(text, hit, org_hits)
    if before and before.org is None and after and after[-1].rule == "persons/of-org/1":
        before = RoleFact(before.role, after[-1].org, before.relation, before.rule)  # "directeur X van Y"
    return (([before] if before else []) + (org_before(text, hit, org_hits) or org_fronted(text, hit, org_hits))
            + after + table_row(text, hit, org_hits))


@lru_cache(maxsize=1)
def fronted() -> re.Pattern:
    """'Namens <org> <speech verb> [daarna] de heer|mevrouw [titles]', up to the name."""
    return re.compile(r"(?:^|[.!?:]\s+|\n\s*)[Nn]amens\s+(?:de\s+|het\s+)?(?P<org>\S[^\n.!?]{0,50}?)\s+"
                      + lexicon().fragments["SAYS"] + r"\s+"
                      r"(?:(?:daarna|vervolgens|ook|eerst|nog|als\s+eerste|tot\s+slot)\s+)?"
                      r"(?:[Dd]e\s+heer|[Mm]evrouw)\s+(?:(?:prof|dr|drs|mr|ir|ing)\.\s*)*$")


def org_fronted(text: str, hit: PersonHit, org_hits) -> list[RoleFact]:
    """'Namens VNO-NCW sprak daarna de heer De Groot': a sentence that opens with 'namens' and
    the organisation, then a speech verb and the titled name, whom it gives to represent it."""
    start = max(0, hit.start - 100)
    m = fronted().search(text, start, hit.start) if "amens" in text[start:hit.start] else None
    org = org_at(org_hits, m.start("org"), text) if m else None
    if org is None or text[org.end:m.end("org")].strip():
        return []
    return [RoleFact(None, org, "represents", "persons/namens-fronted/1")]


TABLE_ROW = "persons/table-row/1"


def table_row(text: str, hit: PersonHit, org_hits) -> list[RoleFact]:
    """A markdown table row that names the person in its first cell: a cell that is an
    organisation and nothing else, the organisation the person speaks for ("| de heer R. Aksoy |
    FNV | lid |"); a cell that is a role and nothing else, the person's role."""
    line_start = text.rfind("\n", 0, hit.start) + 1
    if text[line_start:line_start + 1] != "|" or "|" in text[line_start + 1:hit.start]:
        return []
    line_end = text.find("\n", hit.end)
    line_end = len(text) if line_end < 0 else line_end
    facts = []
    first_bar = text.find("|", hit.end, line_end)
    for cell in re.finditer(r"[^|]+", text[first_bar + 1:line_end] if first_bar >= 0 else ""):
        start = first_bar + 1 + cell.start() + len(cell.group()) - len(cell.group().lstrip())
        written = cell.group().strip()
        org = org_hits.get(start)
        if org is not None and org.end == start + len(written):
            facts.append(RoleFact(None, org, "represents", TABLE_ROW))
        elif written and _whole_role().fullmatch(written):
            facts.append(fact(written, None, TABLE_ROW))
    return facts


@lru_cache(maxsize=1)
def _whole_role() -> re.Pattern:
    return re.compile(lexicon().role)


_TRAILING_SPACE = re.compile(r"[ \t]+$")
_NAMENS_BEFORE = re.compile(r"\bnamens\s+(?:de\s+|het\s+)?$")
_OF_AT_BEFORE = re.compile(r"\b(?:van|bij)\s+(?:de\s+|het\s+)?$")


def org_before(text: str, hit: PersonHit, org_hits) -> list[RoleFact]:
    """'van MKB Nederland Ad Bergwerff', 'namens VNO-NCW Roderik Pape'."""
    m = _TRAILING_SPACE.search(text[max(0, hit.start - 5):hit.start])
    org = _by_end(org_hits).get(hit.start - len(m.group())) if m else None
    if org is None:
        return []
    lead = text[max(0, org.start - 12):org.start]
    if _NAMENS_BEFORE.search(lead):
        return [RoleFact(None, org, "represents", "persons/org-before/1")]
    if _OF_AT_BEFORE.search(lead):
        return [RoleFact(None, org, "member", "persons/org-before/1")]
    return []


_BY_END: list = [None, 0, {}]  # the last org_hits seen, its size, its hits by end


def _by_end(org_hits) -> dict:
    """`{h.end: h for h in org_hits.values()}`, made once for a document's hits, not per name."""
    if _BY_END[0] is not org_hits or _BY_END[1] != len(org_hits):
        _BY_END[:] = [org_hits, len(org_hits), {h.end: h for h in org_hits.values()}]
    return _BY_END[2]


def without_overlaps(found):
    kept, taken = [], []
    for hit, facts in sorted(found, key=lambda f: (f[0].start, -(f[0].end - f[0].start))):
        if not any(s < hit.end and hit.start < e for s, e in taken):
            kept.append((hit, facts))
            taken.append((hit.start, hit.end))
    return kept


# ---------------------------------------------------------------- one person, one key

def rekeyed(key: str, mapping: dict[str, str]) -> str:
    """A key after `rekey` with this mapping: mapped itself, or under a mapped person."""
    if key in mapping:
        return mapping[key]
    head, _, rest = key.partition("/membership/")
    return f"{mapping[head]}/membership/{rest}" if rest and head in mapping else key


def rekey(extraction: Extraction, mapping: dict[str, str]) -> Extraction:
    """Rewrite entity keys (and keys under them, e.g. memberships) everywhere."""
    if not mapping:
        return extraction

    def new(key: str) -> str:
        return rekeyed(key, mapping)

    def value(v):
        return Ref(new(v.key)) if isinstance(v, Ref) else v

    entities = sorted(extraction.entities.values(), key=lambda e: e.key in mapping)  # targets keep their label
    extraction.entities = {}
    for e in entities:
        e.key, e.props = new(e.key), [(p, value(v)) for p, v in e.props]
        extraction.entity(e)
    extraction.mentions = [Mention(new(m.key), m.span, m.rule) for m in extraction.mentions]
    relations = [Relation(new(r.subject), r.prop, value(r.value), r.rule, r.evidence) for r in extraction.relations]
    extraction.relations = list(dict.fromkeys(relations))
    return extraction


def same_document_mapping(extraction: Extraction) -> dict[str, str]:
    """'Piersma' -> 'Nanda Piersma' when the document names exactly one person so."""
    persons = [e for e in extraction.entities.values() if e.cls == "Person"]
    names = {e.key: split_name(e.label) for e in persons}  # (given name, surname), split once
    full = {}
    for e in persons:
        given, surname = names[e.key]
        if given:
            full.setdefault(slug(surname), []).append(e.key)  # slug(surname) is surname_key(e.label)
    mapping = {}
    for e in persons:
        given, surname = names[e.key]
        if not given and len(full.get(slug(surname), [])) == 1:
            mapping[e.key] = full[slug(surname)][0]
    mapping.update(misspelt_given_names(extraction, full))
    return mapping


def misspelt_given_names(extraction: Extraction, full: dict[str, list[str]]) -> dict[str, str]:
    """'Ellly Ploumen' beside 'Elly Ploumen': one letter apart, same surname -> the commoner."""
    counts = {}
    for m in extraction.mentions:
        counts[m.key] = counts.get(m.key, 0) + 1
    mapping = {}
    for keys in full.values():
        given = {k: split_name(extraction.entities[k].label)[0] for k in keys}  # once a key, not once a pair
        for a in keys:
            for b in keys:
                ga, gb = given[a], given[b]
                if a != b and one_edit(ga, gb) and (counts.get(a, 0), a) < (counts.get(b, 0), b):
                    mapping[a] = b
    return mapping


def one_edit(a: str, b: str) -> bool:
    if abs(len(a) - len(b)) > 1 or a == b or min(len(a), len(b)) < 3:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


def drop_roles_said_better(extraction: Extraction) -> None:
    """A membership without an organisation beside the same person's same role with one
    ('wethouder' and 'wethouder' of the gemeente Rotterdam) says nothing more: it goes."""
    keys = [k for k, e in extraction.entities.items() if e.cls == "org:Membership"]
    with_org = {k.rsplit("/", 1)[0] for k in keys if k.count("/", k.index("/membership/") + 12) >= 1}
    gone = {k for k in keys if k in with_org}
    if not gone:
        return
    for key in gone:
        del extraction.entities[key]
    extraction.relations = [r for r in extraction.relations if getattr(r.value, "key", None) not in gone]
    extraction.mentions = [m for m in extraction.mentions if m.key not in gone]


_KNOWN_KEYS: list = [None, frozenset()]  # the last reference seen, its keys


def _known_keys(known) -> frozenset[str]:
    """The keys of the reference entities, made once for the (cached) reference, not per document."""
    if _KNOWN_KEYS[0] is not known:
        _KNOWN_KEYS[:] = [known, frozenset(k.key for k in known)]
    return _KNOWN_KEYS[1]


@component("persons", order=40)
def extract_persons(ctx) -> None:
    org_hits = {h.start: h for h in ctx.notes.get("org_hits", [])}
    known_keys = _known_keys(load_reference())
    hits = []
    for hit, facts in detect(ctx.text, org_hits):
        key = record_person(ctx, hit)
        for role in facts:
            record_fact(ctx, key, hit, role, known_keys)
        hits.append((hit.start, hit.end, key))
    mapping = same_document_mapping(ctx.result)
    rekey(ctx.result, mapping)
    drop_roles_said_better(ctx.result)
    ctx.notes["person_hits"] = [(s, e, mapping.get(k, k)) for s, e, k in hits]
