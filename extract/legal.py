"""Legal references: 'artikel 5 van de Arbeidsomstandighedenwet', 'Artikel 46a WOR',
'artikel 16, zevende lid, van de Arbowet', 'art 7: 658, lid 4 BW', 'een artikel
43-commissie van de Wet op de SER', lists and short ranges ('de artikelen 3 tot en met 6'),
several paragraphs ('eerste en tweede lid'), 'het vierde lid van dat artikel'; laws the
reference data does not know ('de Wet X (WX)', 'Richtlijn (EU) 2024/869', 'ILO-verdrag 190'),
decrees of known laws ('het Besluit SUWI') and known laws' own short forms ('(Wmk)').
Rules live in patterns/legal.toml."""
from __future__ import annotations

import re
import tomllib
from re import _constants as _sre, _parser as _sre_parser  # the regex parser (Python 3.11+)
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path

from . import gazetteer, scan
from .model import Entity, Ref
from .pipeline import component
from .reference import KnownEntity, load_reference

PATTERNS = Path(__file__).with_name("patterns") / "legal.toml"
CONTEXT_WINDOW = 1500  # how far back a bare "artikel 12" looks for the law of its passage


@dataclass(frozen=True)
class Rule:
    id: str
    regex: re.Pattern
    after_law: bool = False  # matched only right after a law the text names
    list_group: str | None = None  # a group holding several articles ("5, 6 en 7")
    before: re.Pattern | None = None  # the paragraph's ordinal, read backwards from the match
    paragraph_list: bool = False  # one article, several paragraphs ("eerste en tweede lid")
    law_after: str | None = None  # "required"/"optional": the law named right after the match


@dataclass(frozen=True)
class Citation:
    start: int
    end: int
    article: str
    paragraph: str | None
    law: str | None  # key of the law, None when the text does not say
    rule: str
    book_of_code: bool = False  # the law is the book of a code its article number names ("6:162")


@lru_cache(maxsize=1)
def patterns() -> dict:
    """extract/patterns/legal.toml, read once."""
    return tomllib.loads(PATTERNS.read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def load_rules() -> tuple[tuple[Rule, ...], dict[str, int], dict[str, str]]:
    data = patterns()
    ordinals = data["ordinals"]
    laws = law_forms(load_reference())
    law_alternation = "|".join(re.escape(f).replace(r"\ ", r"\s+") for f in sorted(laws, key=lambda f: (-len(f), f)))
    fragments = {"ORDINALS": "|".join(sorted(ordinals, key=len, reverse=True))}
    for name, value in data["fragments"].items():
        fragments[name] = fill(value, fragments)
    fragments["LAW"] = rf"(?:{law_alternation})(?![\w])"
    rules = tuple(Rule(r["id"], re.compile(fill(r["pattern"], fragments)), r.get("after_law", False), r.get("list"),
                       re.compile(fill(r["paragraph_before"], fragments)) if "paragraph_before" in r else None,
                       r.get("paragraph_list", False), r.get("law_after"))
                  for r in data["rule"])
    return rules, ordinals, laws


def fill(pattern: str, fragments: dict[str, str]) -> str:
    """Put named fragments in for {NAME} (upper case only, so regex counts like {0,2} stay)."""
    return re.sub(r"\{([A-Z]+)\}", lambda m: fragments[m.group(1)], pattern)


def law_forms(known: tuple[KnownEntity, ...]) -> dict[str, str]:
    """Written form → law key, with a lower-case first letter accepted for words."""
    forms = {}
    for entity in known:
        if entity.cls == "Law":
            for form in entity.forms:
                forms.setdefault(form, entity.key)
                if len(form) > 3 and form[:1].isupper() and not form[1:2].isupper():
                    forms.setdefault(form[0].lower() + form[1:], entity.key)
    return forms


def normalise_article(article: str) -> str:
    return re.sub(r"\s+", "", article)


def find_citations(text: str, law_hits: list[tuple[int, int, str]]) -> list[Citation]:
    """Every article reference in `text`, its law from the words around it or the passage."""
    rules, ordinals, laws = load_rules()
    found: dict[int, Citation] = {}
    for rule in rules:
        # Citations are keyed by where their article number starts: a later rule's reading
        # of the same number replaces an earlier one when it knows the law or adds the paragraph.
        if rule.list_group:
            made = _listed_citations(rule, text, law_hits, laws)
        elif rule.paragraph_list:
            made = _paragraph_list_citations(rule, text, law_hits, laws, ordinals) if has_paragraph_list(text) else ()
        else:
            made = _single_citations(rule, text, law_hits, laws, ordinals)
        for key, cite in made:
            kept = _merged(found.get(key), cite)
            if kept is not None:
                found[key] = kept
    citations = sorted(found.values(), key=lambda c: c.start)
    citations = sorted(citations + _paragraphs_of_that_article(text, citations, ordinals), key=lambda c: c.start)
    return [_in_its_book(c) for c in citations]


def _in_its_book(citation: Citation) -> Citation:
    """The citation with the law of its book when the article number names one ("6:162" of
    the BW is in Book 6)."""
    books = patterns().get("code_books", {}).get(citation.law)
    book, colon, _number = citation.article.partition(":")
    if books and colon and book in books:
        return replace(citation, law=books[book], book_of_code=True)
    numbered = _book_numbers().get(citation.law)
    if numbered and not colon:  # "artikel 391 van Boek 2 BW" is article 2:391, as the code numbers it
        return replace(citation, article=f"{numbered}:{citation.article}", book_of_code=True)
    return citation


@lru_cache(maxsize=1)
def _book_numbers() -> dict[str, str]:
    """The law of each book a code's articles are numbered in, by its number: {"law/bw2": "2", ...}
    (the code itself, "BW" alone, is left as written)."""
    return {law: number for books in patterns().get("code_books", {}).values() for number, law in books.items()}


def _merged(have: Citation | None, cite: Citation) -> Citation | None:
    """The reading to keep when a later rule reads the same article again: the new one when it
    knows the law and the old one did not, or when it adds the paragraph (keeping the law
    either knows); None to keep the old one."""
    if have is None or (have.law is None and cite.law is not None):
        return cite
    if have.paragraph is None and cite.paragraph is not None and cite.law in (None, have.law):
        return replace(cite, law=have.law)
    return None


def _single_citations(rule: Rule, text: str, law_hits: list[tuple[int, int, str]], laws: dict[str, str],
                      ordinals: dict[str, int]):
    """(key, citation) per match of a rule that cites one article (and maybe its paragraph)."""
    for m, start, named in _matches(rule, text, law_hits):
        word = m.groupdict().get("pword")
        if rule.before is not None and not m.group("pnum"):
            ahead = rule.before.search(text, max(0, start - 30), start)
            if ahead is None:
                continue
            start, word = ahead.start(), ahead.group("pword")
        law = named or _law_group(m, laws) or _law_named_after(text, m.end(), law_hits)
        if law is None:
            law = _law_of_next_article(text, m.end(), law_hits)
        if law is None:
            law = passage_law(text, m.start("article"), m.end(), law_hits)
        law = law or None
        paragraph = m.group("pnum") or (str(ordinals[word.lower()]) if word else None)
        yield m.start("article"), Citation(start, m.end(), normalise_article(m.group("article")), paragraph, law,
                                           rule.id)


@lru_cache(maxsize=1)
def _named_after() -> re.Pattern:
    spec = patterns()["named_after"]
    return re.compile(fill(spec["pattern"], {"LAWNOUN": spec["law_noun"]}))


def _law_named_after(text: str, end: int, law_hits: list[tuple[int, int, str]]) -> str | None:
    """The law a capitalised name right after the citation names ("van de WBF"); "" (no law,
    and no guess from the passage) when that name is no law the text names; None when the
    citation is not followed by a name."""
    m = _named_after().match(text, end)
    if m is None:
        return None
    return next((key for start, _end, key in law_hits if start == m.end()), "")


@lru_cache(maxsize=1)
def _next_article() -> re.Pattern:
    """"en artikel 5:5", "of art. 7": the next article of a coordination, its paragraph too."""
    fragments = {"ORDINALS": "|".join(sorted(patterns()["ordinals"], key=len, reverse=True))}
    paragraph = fill(patterns()["fragments"]["PARAGRAPH"], fragments)
    return re.compile(rf"\s+(?:en|of)\s+(?:[Aa]rtikel|art\.?)\s+{patterns()['fragments']['ARTICLE']}(?:\s*{paragraph})?")


def _law_of_next_article(text: str, end: int, law_hits: list[tuple[int, int, str]]) -> str | None:
    """"artikel 5:3 en artikel 5:5 van de Arbeidstijdenwet": the law named after the last article
    the citation is coordinated with (two at most)."""
    for _ in range(2):
        m = _next_article().match(text, end)
        if m is None:
            return None
        end = m.end()
        law = _law_named_after(text, end, law_hits)
        if law is not None:
            return law or None
    return None


def _law_right_after(text: str, end: int, law_hits: list[tuple[int, int, str]]) -> tuple[str, int] | None:
    """(key, end) of the law the text names right after `end`, behind "van de", "uit de" or a
    comma (the LINK fragment); None when no law stands there."""
    at = _link().match(text, end).end()
    return next(((key, e) for s, e, key in law_hits if s == at), None)


@lru_cache(maxsize=1)
def _link() -> re.Pattern:
    return re.compile(patterns()["fragments"]["LINK"])


@lru_cache(maxsize=1)
def _article_number() -> re.Pattern:
    """One article number, by the ARTICLE fragment of legal.toml."""
    return re.compile(patterns()["fragments"]["ARTICLE"])


def _listed_citations(rule: Rule, text: str, law_hits: list[tuple[int, int, str]], laws: dict[str, str]):
    """(key, citation) per article of a list ("artikelen 5, 6 en 7 van de Arbowet"), and per
    article inside a short range ("artikelen 3 tot en met 6"), cited by the range's words."""
    for m in _finditer(rule.regex, text):
        after = _law_right_after(text, m.end(), law_hits) if rule.law_after else None
        if rule.law_after == "required" and after is None:
            continue
        law = (_law_group(m, laws) or (after and after[0])
               or passage_law(text, m.start(rule.list_group), m.end(), law_hits))
        numbers = list(_article_number().finditer(text, *m.span(rule.list_group)))
        for number in numbers:
            yield number.start(), Citation(number.start(), number.end(), normalise_article(number.group()), None,
                                           law, rule.id)
        for first, last in zip(numbers, numbers[1:]):
            if _through().fullmatch(text, first.end(), last.start()):
                for article in articles_between(normalise_article(first.group()), normalise_article(last.group())):
                    yield (first.start(), article), Citation(first.start(), last.end(), article, None, law, rule.id)


def _paragraph_list_citations(rule: Rule, text: str, law_hits: list[tuple[int, int, str]], laws: dict[str, str],
                              ordinals: dict[str, int]):
    """(key, citation) per paragraph of one article ("artikel 18, eerste en tweede lid"); the
    last is keyed like the article, so that it adds its paragraph to the article's reading (or
    agrees with the paragraph-of-article rule, which reads the ordinal next to "lid")."""
    for m in _finditer(rule.regex, text):
        after = _law_right_after(text, m.end(), law_hits) if rule.law_after else None
        law = _law_group(m, laws) or (after and after[0]) or _law_named_after(text, m.end(), law_hits)
        if law is None:
            law = passage_law(text, m.start("article"), m.end(), law_hits)
        end = after[1] if after else m.end()
        article = normalise_article(m.group("article"))
        paragraphs = _paragraphs(m.group("pwords") or m.group("pnums"), ordinals)
        for paragraph in paragraphs:
            key = m.start("article") if paragraph == paragraphs[-1] else (m.start("article"), paragraph)
            yield key, Citation(m.start(), end, article, paragraph, law or None, rule.id)


def _paragraphs(listed: str, ordinals: dict[str, int]) -> list[str]:
    """The paragraph numbers of "eerste en tweede", "1, 2 en 4", "1 tot en met 3" (a range
    spelled out)."""
    words = re.findall(r"[A-Za-z]+", listed)
    items = ([str(ordinals[w.lower()]) for w in words if w.lower() in ordinals] if words and words[0].lower() in ordinals
             else re.findall(r"\d+", listed))
    if _through().search(listed) and len(items) == 2:
        items = [items[0], *articles_between(*items), items[1]]
    return list(dict.fromkeys(items))


# What every match of the rules below holds. Those rules open with alternations of ordinals,
# which `re` tries at every position; most texts hold none of these and skip them.
_THAT_ARTICLE_HINT = re.compile(r"van\s+(?:dat|dit|hetzelfde|datzelfde)\s+artikel\b")
# Before "lid": a word joining two ordinals, then the second ("en tweede"); after "leden": two
# numbers ("leden 1 en 2"). Tried only where "lid" or "eden" is written (found by str.find).
_ORDINALS_JOINED_BEFORE = re.compile(r"(?:en|of|met|t/m|[-–])\s*[a-z]*(?:de|ste)\s+\Z")
_NUMBERS_JOINED_AFTER = re.compile(r"eden\s+\d[\d\s,]*(?:en|of|tot|t/m|[-–])")


def has_paragraph_list(text: str) -> bool:
    """Whether a paragraph-list rule ("artikel 18, eerste en tweede lid") may match in `text`:
    all its matches join two ordinals before "lid" or two numbers after "leden"."""
    at = text.find("lid")
    while at >= 0:
        if _ORDINALS_JOINED_BEFORE.search(text, max(0, at - 60), at):
            return True
        at = text.find("lid", at + 3)
    at = text.find("eden")
    while at >= 0:
        if at > 0 and text[at - 1] in "Ll" and _NUMBERS_JOINED_AFTER.match(text, at):
            return True
        at = text.find("eden", at + 4)
    return False


def _paragraphs_of_that_article(text: str, citations: list[Citation], ordinals: dict[str, int]) -> list[Citation]:
    """"het vierde en vijfde lid van dat artikel": paragraphs of the article cited just before
    (within `window` characters), with its law."""
    spec = patterns()["that_article"]
    regex = _that_article_regex()
    made = []
    if not _THAT_ARTICLE_HINT.search(text):
        return made
    for m in _finditer(regex, text):
        before = [c for c in citations if c.end <= m.start() and m.start() - c.end <= spec["window"]]
        if not before or before[-1].law is None:
            continue
        cited = before[-1]
        for paragraph in _paragraphs(m.group("pwords") or m.group("pnums") or m.group("pnum"), ordinals):
            made.append(Citation(m.start(), m.end(), cited.article, paragraph, cited.law, spec["id"]))
    return made


@lru_cache(maxsize=1)
def _that_article_regex() -> re.Pattern:
    fragments = {"ORDINALS": "|".join(sorted(patterns()["ordinals"], key=len, reverse=True)),
                 "AND": patterns()["fragments"]["AND"]}
    return re.compile(fill(patterns()["that_article"]["pattern"], fragments))


@lru_cache(maxsize=1)
def _through() -> re.Pattern:
    """The words between the ends of a range ("tot en met", "t/m")."""
    return re.compile(patterns()["ranges"]["through"])


def articles_between(first: str, last: str) -> list[str]:
    """The articles strictly between the two ends of a short range: "3", "6" -> 4, 5;
    "7:629", "7:632" -> 7:630, 7:631; "2.9", "2.11" -> 2.10. None when the ends are not whole
    numbers of one book or chapter (between "7:668a" and "7:670" lie articles nobody can
    list) or too far apart."""
    head_first, number_first = _book_and_number(first)
    head_last, number_last = _book_and_number(last)
    if head_first != head_last or not (number_first.isdigit() and number_last.isdigit()):
        return []
    low, high = int(number_first), int(number_last)
    if not 0 < high - low < patterns()["ranges"]["range_limit"]:
        return []
    return [f"{head_first}{n}" for n in range(low + 1, high)]


def _book_and_number(article: str) -> tuple[str, str]:
    """"7:629" -> ("7:", "629"), "2.9" -> ("2.", "9"), "12" -> ("", "12")."""
    m = re.fullmatch(r"(.*[:.])?([^:.]*)", article)
    return m.group(1) or "", m.group(2)


def _finditer(regex: re.Pattern, text: str):
    """`scan.finditer(regex, text)`, or nothing when the text lacks every word of one of the
    word sets that each match needs a word of (scan.required_word_sets): "richtlijn" and
    "(EU)" or "/EU" for an EU act by number, where scan only looks for "ichtlijn"."""
    low = scan.lowered(text)
    _regex, word_sets, opens_with_class = _facts(regex)
    if low is not None and not all(any(w in low for w in words) for words in word_sets):
        return iter(())
    if opens_with_class:
        return regex.finditer(text) if scan.may_match(regex, text) else iter(())
    return scan.finditer(regex, text)


def _facts(regex: re.Pattern) -> tuple[re.Pattern, tuple[tuple[str, ...], ...], bool]:
    """(regex, its word sets, whether it opens with a class), kept by the regex's identity: an
    lru_cache would hash the compiled pattern, all its code, on every call (34 µs for the rules
    that hold every law's name)."""
    facts = _facts_of.get(id(regex))
    if facts is None or facts[0] is not regex:
        if len(_facts_of) >= 256:  # rules' regexes are few; bound it all the same
            _facts_of.clear()
        facts = _facts_of[id(regex)] = (regex, tuple(scan.required_word_sets(regex)), _opens_with_class(regex))
    return facts


_facts_of: dict[int, tuple[re.Pattern, tuple[tuple[str, ...], ...], bool]] = {}


def _opens_with_class(regex: re.Pattern) -> bool:
    """Whether a case-sensitive pattern opens with a character class ("[Ll]id van artikel"): `re`
    then finds the places to try by that class itself, four times faster than behind the lookahead
    for the same characters that scan.finditer puts in front of it."""
    if regex.flags & re.IGNORECASE:
        return False
    items = _sre_parser.parse(regex.pattern, regex.flags)
    return len(items) > 0 and items[0][0] is _sre.IN


def _matches(rule: Rule, text: str, law_hits: list[tuple[int, int, str]]):
    """(match, where the citation starts, the law named before it or None) per firing."""
    if not rule.after_law:
        return ((m, m.start(), None) for m in _finditer(rule.regex, text))
    found = ((rule.regex.match(text, end), start, key) for start, end, key in law_hits)
    return ((m, start, key) for m, start, key in found if m)


def _law_group(m: re.Match, laws: dict[str, str]) -> str | None:
    """The law the match names in its own `law` group, if it has one."""
    named = m.groupdict().get("law")
    return laws.get(re.sub(r"\s+", " ", named)) if named else None


def passage_law(text: str, start: int, end: int, law_hits: list[tuple[int, int, str]]) -> str | None:
    """The law a bare article belongs to: the only law named in its sentence, else the last
    law named earlier in its paragraph, else the one law the passage before it names (within
    CONTEXT_WINDOW). None rather than a guess. After "van de richtlijn" (or
    "van die verordening", ...) only a law of that kind counts: "artikel 5 van de richtlijn" after
    the Wml is no article of the Wml; it is the last one the text named, however far back."""
    kind = _KIND_AFTER.match(text, end)
    if kind:
        noun = kind.group("noun").lower()
        law_hits = [hit for hit in law_hits if noun in _kind_words(hit[2])]
        before = [key for s, e, key in law_hits if s < start]
        if before and not any(start <= s < end + 300 for s, e, key in law_hits):
            return before[-1]  # "de richtlijn": the one the text last named, however far back
    sentence_start = max(_sentence_stop_before(text, start), text.rfind("\n", 0, start)) + 1
    sentence_end = min((i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0), default=len(text))
    in_sentence = {key for s, e, key in law_hits if sentence_start <= s < sentence_end}
    if len(in_sentence) == 1:
        return in_sentence.pop()
    if in_sentence:
        return None
    paragraph_start = max(text.rfind("\n\n", 0, start), start - CONTEXT_WINDOW, 0)
    earlier = [key for s, e, key in law_hits if paragraph_start <= s < start]
    if earlier:
        return earlier[-1]
    # a paragraph that names no law goes on about the one law the passage before it named
    passage = {key for s, e, key in law_hits if start - CONTEXT_WINDOW <= s < start}
    return passage.pop() if len(passage) == 1 else None


# "artikel 5 van de richtlijn", "artikel 9 van die richtlijn", "artikel 5, tweede lid, van de verordening"
_KIND_AFTER = re.compile(r"(?:,?\s*(?:\w+\s+lid|lid\s+\d+)\s*)?,?\s+van\s+(?:de|die|deze|dit|dat|het)\s+"
                         r"(?P<noun>richtlijn|verordening|verdrag|besluit|regeling)\b")


@lru_cache(maxsize=None)
def _kind_words(key: str) -> str:
    """A law's key and every name the reference gives it, in lower case: "law/csrd richtlijn
    duurzaamheidsrapportering door ondernemingen csrd ..." (its kind is among the words)."""
    known = {entity.key: entity for entity in load_reference() if entity.cls == "Law"}
    entity = known.get(key)
    names = [entity.label, *sorted(entity.forms)] if entity else []
    return " ".join([key, *names]).lower()


def _sentence_stop_before(text: str, start: int) -> int:
    """Where the last ". " before `start` is, passing over abbreviations ("art. 6"); -1 if none."""
    stop = text.rfind(". ", 0, start)
    while stop > 0 and _abbreviation_before(text, stop):
        stop = text.rfind(". ", 0, stop)
    return stop


def _abbreviation_before(text: str, stop: int) -> bool:
    word = text[max(0, stop - 8):stop].rsplit(None, 1)[-1:]  # the word the full stop ends
    return bool(word) and word[0].lower() in _not_ending()


@lru_cache(maxsize=1)
def _not_ending() -> frozenset[str]:
    return frozenset(patterns()["sentence"]["not_ending"])


@lru_cache(maxsize=1)
def named_law_rules() -> tuple[Rule, ...]:
    ends = patterns().get("named_law_end", {})
    fragments = {"NOTINSIDE": "|".join(w.replace(" ", r"\s+") for w in words_not_inside()), "NOTFIRST": "|".join(ends.get("not_first", ["en"])),
                 "NOTCOMPOUND": "|".join(ends.get("not_compound", ["Kabinets"]))}
    return tuple(Rule(r["id"], re.compile(fill(r["pattern"], fragments))) for r in patterns().get("named_law", []))


@lru_cache(maxsize=1)
def words_not_inside() -> tuple[str, ...]:
    """Verbs and adverbs that never stand inside a law's name ("de Wet X is in behandeling")."""
    return tuple(patterns().get("named_law_end", {}).get("not_inside", ()))


@lru_cache(maxsize=1)
def named_law_last_words() -> frozenset[str]:
    """Words that end a clause after a law's name, never the name ("... de Wet X aanpassen,")."""
    return frozenset(patterns().get("named_law_end", {}).get("not_last", ()))


def find_named_laws(text: str, known_forms: dict[str, str],
                    known_found: list | None = None) -> list[tuple[int, int, str, str | None, str]]:
    """(start, end, name, abbreviation, rule id) of laws named in the text but not known; the
    (start, end, name) of known ones go to `known_found` when given."""
    found = {}
    known_lower = frozenset()  # made at the first match: most documents name no law this way
    for rule in named_law_rules():
        for m in _finditer(rule.regex, text):
            known_lower = known_lower or _lowered(tuple(known_forms))
            start, end = m.span("name")
            end = _before_word_not_inside(text, start, end)
            if end is None:
                continue
            end = _without_last_words(text, start, end)
            if end is None:
                continue
            name = re.sub(r"\s+", " ", text[start:end])
            if name.lower() not in known_lower:
                found.setdefault(start, (start, end, name, m.group("abbr"), rule.id))
            elif known_found is not None:
                known_found.append((start, end, name))
    return _cut_to_shorter_names(text, sorted(found.values()), known_lower)


@lru_cache(maxsize=4)
def _lowered(forms: tuple[str, ...]) -> frozenset[str]:
    return frozenset(f.lower() for f in forms)


def _before_word_not_inside(text: str, start: int, end: int) -> int | None:
    """The end of the name before its first verb, adverb or phrase such as "van kracht"; None
    when that leaves "Wet" alone."""
    words = list(re.finditer(r"\S+", text[start:end]))
    pairs = [f"{w.group()} {n.group()}" for w, n in zip(words, words[1:])] + [""]
    stops = frozenset(words_not_inside())
    cut = next((i for i, w in enumerate(words) if i > 0 and (w.group() in stops or pairs[i] in stops)), None)
    if cut is None:
        return end
    return start + words[cut - 1].end() if cut > 1 else None


def _without_last_words(text: str, start: int, end: int) -> int | None:
    """The end of the name once verbs that close the clause are left off; None when no word
    after "Wet" is left ("de Wet aanpassen en de SER vragen")."""
    words = list(re.finditer(r"\S+", text[start:end]))
    if len(words) == 1:  # one compound: "het Omgevingsbesluit"
        return end
    while len(words) > 1 and words[-1].group() in named_law_last_words():
        words.pop()
    return start + words[-1].end() if len(words) > 1 else None


def _cut_to_shorter_names(text: str, found: list, known_lower: frozenset[str]) -> list:
    """A name that is another name of the document (or a known law) plus more words is that
    name ("de Wet X (WX)" ... "de Wet X wijzigen"): cut it there, or drop it when the shorter
    name is a known law, which the gazetteer finds."""
    shorter_forms = known_lower | {name.lower() for _s, _e, name, _a, _r in found}
    kept = []
    for start, end, name, abbr, rule_id in found:
        words = name.split(" ")
        n = next((n for n in range(2, len(words)) if " ".join(words[:n]).lower() in shorter_forms), None)
        if n is None:
            kept.append((start, end, name, abbr, rule_id))
        elif " ".join(words[:n]).lower() not in known_lower:
            cut = start + re.match(r"\S+(?:\s+\S+){%d}" % (n - 1), text[start:end]).end()
            kept.append((start, cut, re.sub(r"\s+", " ", text[start:cut]), abbr, rule_id))
    return kept


def provision_entities(citation: Citation, laws: dict[str, KnownEntity | Entity]) -> list[Entity]:
    """The article (and its paragraph, when given) as Provision entities, of a known law or
    of one the document names."""
    law = laws[citation.law]
    article_key = f"{law.key}/artikel-{slug_article(citation.article)}"
    article = Entity(article_key, "Provision", f"artikel {citation.article} {law.label}",
                     props=[("polder:articleNumber", citation.article), ("eli:is_part_of", Ref(law.key))])
    if citation.paragraph is None:
        return [article]
    para = Entity(f"{article_key}/lid-{citation.paragraph}", "Provision",
                  f"artikel {citation.article}, lid {citation.paragraph} {law.label}",
                  props=[("polder:articleNumber", citation.article), ("polder:paragraph", citation.paragraph),
                         ("eli:is_part_of", Ref(article_key))])
    return [para, article]


def slug_article(article: str) -> str:
    return re.sub(r"[^0-9a-z]+", "-", article.lower()).strip("-")


@component("named-laws", order=15)
def extract_named_laws(ctx) -> None:
    """Pipeline component: laws named in the text that the reference data does not know."""
    _rules, _ordinals, known_forms = load_rules()
    hits = ctx.notes.setdefault("known_hits", [])
    decrees = _name_decrees(ctx, hits)
    taken = decrees + [(h.start, h.end) for h in hits if h.cls == "Law"]  # a name inside a law already read
    abbreviations, known_found = {}, []
    for start, end, name, abbr, rule in find_named_laws(ctx.text, known_forms, known_found):
        if any(s <= start < e for s, e in taken):  # "Invoeringswet" of "de Invoeringswet Omgevingswet"
            continue
        known = _known_by_key().get(known_forms.get(abbr or "", ""))
        if known is not None:  # "de Wet arbeidsvreemdelingen (hierna: Wav)": the known Wav by another name
            ctx.entity(gazetteer.as_entity(known))
            ctx.mention(known.key, start, end, rule)
            hits.append(_LawHit(start, end, known.key, "Law"))
            continue
        key, label = named_law_key(rule, name), named_law_label(rule, name)
        ctx.entity(Entity(key, "Law", label, ({abbr} if abbr else set()) | ({name} - {label})))
        ctx.mention(key, start, end, rule)
        hits.append(_LawHit(start, end, key, "Law"))
        if abbr and abbr not in known_forms:
            abbreviations.setdefault(abbr, (end, key))
    _name_known_laws_in_other_capitals(ctx, hits, known_found, known_forms)
    _name_listed_laws(ctx, hits, known_forms)
    for abbr, after, key in known_laws_abbreviated(ctx.text, hits):
        abbreviations.setdefault(abbr, (after, key))
    for abbr, (after, key) in abbreviations.items():
        for m in _whole_word(abbr).finditer(ctx.text, after):
            if not _in_definition_bracket(ctx.text, after, m.start()) and not _word_opening_a_sentence(ctx.text, m):
                ctx.mention(key, m.start(), m.end(), ABBREVIATION_RULE)
                hits.append(_LawHit(m.start(), m.end(), key, "Law"))


ABBREVIATION_RULE = "legal.named-law-abbreviation/1"


def _word_opening_a_sentence(text: str, m: re.Match) -> bool:
    """A short form that is also a word ("Was", as in "de Was" and "Was het nodig?") is no
    mention where it opens a sentence: there it is the word."""
    form = m.group()
    if not (form[1:].islower()):
        return False
    before = text[max(0, m.start() - 3):m.start()]
    return m.start() == 0 or before.endswith(("\n", ". ", "? ", "! ", ": ", "‘", "'", '"'))


def _in_definition_bracket(text: str, after: int, start: int) -> bool:
    """Whether the form at `start` is the one the name's own bracket defines: "(Wbh)",
    "(hierna: Wbh)" right after the name, which ends at `after`."""
    return start - after <= 30 and "(" in text[after:start] and ")" not in text[after:start]


def named_law_key(rule_id: str, name: str) -> str:
    """The IRI key of a law named in the text: from its name, or from the rule's key template
    filled with the name's number ("ILO-verdrag nr. 190" -> law/ilo-verdrag-190)."""
    return _from_template(rule_id, "key", name) or f"law/{slug_article(name)}"


def named_law_label(rule_id: str, name: str) -> str:
    """The label of a law named in the text: the rule's label template filled with the name's
    number, else the name as written with a capital ("richtlijn (EU) ..." -> "Richtlijn (EU) ...")."""
    return _from_template(rule_id, "label", name) or name[:1].upper() + name[1:]


def _from_template(rule_id: str, field: str, name: str) -> str | None:
    template = _templates().get(rule_id, {}).get(field)
    number = re.search(r"\d+", name) if template else None
    return template.format(number.group()) if number else None


@lru_cache(maxsize=1)
def _templates() -> dict[str, dict]:
    return {r["id"]: r for r in patterns().get("named_law", [])}


@lru_cache(maxsize=1)
def _law_lists() -> tuple[tuple[dict, re.Pattern, re.Pattern], ...]:
    """(spec, the list's regex, one number's regex) per [[law_list]] of legal.toml."""
    return tuple((spec, re.compile(fill(spec["pattern"], {"NUMBER": spec["number"]})), re.compile(spec["number"]))
                 for spec in patterns()["law_list"])


def listed_laws(text: str) -> list[tuple[int, int, str, dict]]:
    """(start, end, the law's name, its list's spec) per number of a list of laws by number
    ("de richtlijnen 2004/37/EG en 98/24/EG", "de ILO-verdragen 155 en 190")."""
    return [(n.start(), n.end(), spec["name"].format(kind=m.group("kind").capitalize(), number=n.group()), spec)
            for spec, listing, number in _law_lists()
            for m in _finditer(listing, text) for n in number.finditer(text, *m.span("numbers"))]


def listed_eu_acts(text: str) -> list[tuple[int, int, str]]:
    """(start, end, name) of the EU acts of such lists."""
    return [(s, e, name) for s, e, name, spec in listed_laws(text) if spec["id"] == "legal.eu-act-list/1"]


def _name_known_laws_in_other_capitals(ctx, hits: list, known_found: list, known_forms: dict[str, str]) -> None:
    """A known law the rules name where the gazetteer saw none: a form with capitals inside it
    written with a lower-case first letter ("de richtlijn (EU) 2022/2041")."""
    by_lower = _forms_by_lower(known_forms)
    seen = {h.start for h in hits if h.cls == "Law"}
    for start, end, name in known_found:
        known = _known_by_key().get(by_lower.get(name.lower(), ""))
        if known is not None and start not in seen:
            ctx.entity(gazetteer.as_entity(known))
            ctx.mention(known.key, start, end, KNOWN_IN_OTHER_CAPITALS_RULE)
            hits.append(_LawHit(start, end, known.key, "Law"))


KNOWN_IN_OTHER_CAPITALS_RULE = "legal.known-law-other-capitals/1"


def _forms_by_lower(known_forms: dict[str, str]) -> dict[str, str]:
    """Lower-case form → law key, made once per forms dict (load_rules gives the same one every
    time; a tuple of its items as a cache key cost more to hash than the lookup saves)."""
    global _by_lower
    if _by_lower[0] is not known_forms or _by_lower[1] != len(known_forms):
        _by_lower = (known_forms, len(known_forms), {form.lower(): key for form, key in known_forms.items()})
    return _by_lower[2]


_by_lower: tuple = (None, 0, {})  # (the forms dict, its size, its lower-case index)


def _name_listed_laws(ctx, hits: list, known_forms: dict[str, str]) -> None:
    """Each law of a list of numbers: the known law of that number, or a law of its own."""
    for start, end, name, spec in listed_laws(ctx.text):
        number = name.rsplit(" ", 1)[-1]
        key = known_forms.get(name) or spec.get("key", "").format(number=number) or f"law/{slug_article(name)}"
        known = _known_by_key().get(key)
        ctx.entity(gazetteer.as_entity(known) if known else Entity(key, "Law", name))
        ctx.mention(key, start, end, spec["id"])
        hits.append(_LawHit(start, end, key, "Law"))


def _reference_laws(known: tuple[KnownEntity, ...]) -> dict[str, KnownEntity]:
    """Key → law of the reference data, made once per reference tuple (not per document)."""
    global _laws_of
    if _laws_of[0] is not known:
        _laws_of = (known, {k.key: k for k in known if k.cls == "Law"})
    return _laws_of[1]


_laws_of: tuple = (None, {})  # (the reference tuple, its laws by key)


@lru_cache(maxsize=1)
def _known_by_key() -> dict[str, KnownEntity]:
    return {k.key: k for k in load_reference()}


def known_laws_abbreviated(text: str, hits: list) -> list[tuple[str, int, str]]:
    """(abbreviation, end of its bracket, law key) for each known law the text names with a
    short form in brackets the reference data does not have ("de Wet arbeidsmarkt in balans
    (Wab)"): the text goes on to use that form ("de Wab")."""
    bracket = re.compile(patterns()["known_law_abbreviation"]["pattern"])
    found = []
    for hit in hits:
        m = bracket.match(text, hit.end) if hit.cls == "Law" else None
        if m and m.group("abbr") not in _reference_forms():
            found.append((m.group("abbr"), m.end(), hit.key))
    return found


@lru_cache(maxsize=1)
def _reference_forms() -> frozenset[str]:
    """Every written form of every entity in the reference data."""
    return frozenset(form for entity in load_reference() for form in entity.forms)


@lru_cache(maxsize=256)
def _whole_word(form: str) -> re.Pattern:
    """`form` as a whole word, exactly as written (the guard before it is tested after the
    form, so that `re` searches for the form's text directly)."""
    escaped = re.escape(form)
    return re.compile(rf"{escaped}(?<![\w&-]{escaped})(?![\w&-])")


@lru_cache(maxsize=1)
def _decree_lead() -> tuple[str, re.Pattern]:
    spec = patterns()["decree_of_law"]
    return spec["id"], re.compile(spec["lead"])


def decrees_of_known_laws(text: str, hits: list) -> list[tuple[int, int]]:
    """(index in `hits`, start of the decree's name) of each known law that names a decree
    or regulation: "Besluit SUWI" is not the Wet SUWI."""
    _rule, lead = _decree_lead()
    found = []
    for i, hit in enumerate(hits):
        m = lead.search(text, max(0, hit.start - 25), hit.start) if hit.cls == "Law" else None
        if m:
            found.append((i, m.start()))
    return found


def _name_decrees(ctx, hits: list) -> list[tuple[int, int]]:
    """Each decree named after a known law becomes a law of its own; the known law's mention
    there is taken back (and the law itself when the text names it nowhere else). The spans
    of the decrees' names."""
    rule, _lead = _decree_lead()
    spans = []
    for i, start in decrees_of_known_laws(ctx.text, hits):
        hit = hits[i]
        name = re.sub(r"\s+", " ", ctx.text[start:hit.end])
        key = f"law/{slug_article(name)}"
        gone = ctx.clean.to_original(hit.start, hit.end) + (hit.key,)
        ctx.result.mentions[:] = [m for m in ctx.result.mentions if (m.span.start, m.span.end, m.key) != gone]
        if not any(m.key == hit.key for m in ctx.result.mentions):
            ctx.result.entities.pop(hit.key, None)
        ctx.entity(Entity(key, "Law", name))
        ctx.mention(key, start, hit.end, rule)
        hits[i] = _LawHit(start, hit.end, key, "Law")
        spans.append((start, hit.end))
    return spans


def _name_the_book(ctx, citation: Citation, book: KnownEntity) -> None:
    """The book an article is in ("6:162") becomes a law of the document, and the code's name
    inside the citation ("BW" in "artikel 6:162 BW") a mention of that book instead of Book 7."""
    entity = ctx.entity(gazetteer.as_entity(book))
    for code, names in patterns().get("code_names", {}).items():
        if book.key in patterns()["code_books"].get(code, {}).values():
            for name in names:
                entity.add("skos:altLabel", name)
    hits = ctx.notes.get("known_hits", [])
    for i, hit in enumerate(hits):
        if citation.start <= hit.start < citation.end and hit.key in patterns()["code_books"]:
            gone = ctx.clean.to_original(hit.start, hit.end) + (hit.key,)
            ctx.result.mentions[:] = [m for m in ctx.result.mentions if (m.span.start, m.span.end, m.key) != gone]
            if not any(m.key == hit.key for m in ctx.result.mentions):
                ctx.result.entities.pop(hit.key, None)
            ctx.mention(book.key, hit.start, hit.end, citation.rule)
            hits[i] = _LawHit(hit.start, hit.end, book.key, "Law")


@dataclass(frozen=True)
class _LawHit:
    start: int
    end: int
    key: str
    cls: str


@component("legal-references", order=20)
def extract_legal(ctx) -> None:
    """Pipeline component: Provisions and their Mentions."""
    laws = dict(_reference_laws(load_reference()))
    laws.update({key: e for key, e in ctx.result.entities.items() if e.cls == "Law" and key not in laws})
    hits = [(h.start, h.end, h.key) for h in ctx.notes.get("known_hits", []) if h.cls == "Law"]
    for citation in find_citations(ctx.text, hits):
        if citation.law is None or citation.law not in laws:
            continue
        if citation.book_of_code:
            _name_the_book(ctx, citation, laws[citation.law])
        entities = provision_entities(citation, laws)
        for entity in entities:
            ctx.entity(entity)
        ctx.mention(entities[0].key, citation.start, citation.end, citation.rule)
        ctx.notes.setdefault("citations", []).append((citation, entities[0].key))
