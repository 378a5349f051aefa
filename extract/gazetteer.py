"""Find the known organisations, laws and topics of the reference data in a text."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import Entity
from .pipeline import component
from .reference import KnownEntity, load_reference

RULE = "gazetteer/1"
CLASSES = {"AdvisoryBody", "Committee", "Organisation", "Law", "Topic"}


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    key: str
    cls: str


def is_acronym(form: str) -> bool:
    """'SER', 'VNO-NCW', 'RI&E', 'NCvB', 'Wet op de SER': matched with their exact capitals
    only. 'Burgerlijk Wetboek' is a name, matched in any case."""
    return len(form) <= 3 or any(sum(c.isupper() for c in word) >= 2 for word in form.split())


def lookup_key(form: str) -> str:
    """Acronyms keep their capitals; names are looked up case-insensitively."""
    form = re.sub(r"\s+", " ", form.strip())
    return form if is_acronym(form) else form.casefold()


def lower_first_word(form: str) -> str | None:
    """'wet op de SER' for 'Wet op de SER', 'richtlijn (EU) 2022/2041' for 'Richtlijn (EU)
    2022/2041': a name with capitals inside is matched with its exact capitals, but its first
    word, a common noun, is written either way in running text. None for a form of one word or
    whose first word is not a capitalised word ('Was', 'VN-Verdrag Handicap')."""
    first, _, rest = form.partition(" ")
    if not rest or len(first) < 3 or not (first[0].isupper() and first[1:].islower() and first.isalpha()):
        return None
    return lookup_key(first.lower() + " " + rest)


TOKEN = re.compile(r"\w+|[^\w\s]")
BLOCKED_BEFORE = re.compile(r"[\w&:-]")  # "deeltijd-WW" is not the WW, "ECLI:NL:RVS" no council
BLOCKED_AFTER = re.compile(r"[\w&]|[.:/][^\W\d]")  # nor is "Rijksoverheid.nl" a mention


MEMO_SIZE = 200_000
_WORD_CHAR = re.compile(r"\w")


@dataclass(frozen=True)
class Dictionary:
    """Every written form by its lookup key, and per first token the longest form's length in
    tokens: a text is scanned token by token, trying the longest candidate first."""

    acronyms: dict[str, KnownEntity]  # exact written form → entity
    names: dict[str, KnownEntity]  # case-folded written form → entity
    longest: dict[str, int]
    seen: dict[str, KnownEntity | None] = field(default_factory=dict, compare=False)  # memo of get
    # For the fast scan (see `_find_lowered`): the lowered first tokens as one regex, and every
    # prefix (two tokens or more) of a form's lowered tokens.
    first_tokens: re.Pattern | None = field(default=None, compare=False)
    prefixes: frozenset[tuple[str, ...]] = field(default=frozenset(), compare=False)

    def get(self, written: str) -> KnownEntity | None:
        if written not in self.seen:
            if len(self.seen) > MEMO_SIZE:  # memory stays flat over a large corpus
                self.seen.clear()
            folded = " ".join(written.split())
            self.seen[written] = self.acronyms.get(folded) or self.names.get(folded.casefold())
        return self.seen[written]


_compiled: dict[int, tuple] = {}


def dictionary(known: tuple[KnownEntity, ...]) -> Dictionary:
    """The dictionary of a reference set, made once per set."""
    if id(known) not in _compiled:
        _compiled.clear()
        _compiled[id(known)] = (known, _compile(known))
    return _compiled[id(known)][1]


def _compile(known: tuple[KnownEntity, ...]) -> Dictionary:
    acronyms, names, longest = {}, {}, {}
    prefixes: set[tuple[str, ...]] = set()
    singles: set[str] = set()  # lowered one-token forms
    for entity in known:
        if entity.cls not in CLASSES:
            continue
        for form in entity.forms:
            tokens = TOKEN.findall(form)
            if not tokens:
                continue
            table = acronyms if is_acronym(form) else names
            table.setdefault(lookup_key(form), entity)
            if table is acronyms and (variant := lower_first_word(form)):
                acronyms.setdefault(variant, entity)
            first = tokens[0].casefold()
            longest[first] = max(longest.get(first, 0), len(tokens))
            # Both ways of lowering a form: a name is looked up by its whole case-folded text.
            for lowered in ([t.casefold() for t in tokens], TOKEN.findall(form.casefold())):
                prefixes.update(tuple(lowered[:n]) for n in range(2, len(lowered) + 1))
                if len(lowered) == 1:
                    singles.add(lowered[0])
    return Dictionary(acronyms, names, longest, first_tokens=_first_tokens_regex(longest, prefixes, singles),
                      prefixes=frozenset(prefixes))


def _first_tokens_regex(firsts, prefixes=(), singles=None) -> re.Pattern:
    """The tokens of a lowered text that begin some form: one regex, its words as a trie so
    that `re` tries one branch per character instead of one per word.

    A word that is no form by itself ("de" of "De Nederlandsche Bank") can only begin a hit
    when the next token continues a form, so the regex asks for that token too: most "de"
    are then no candidate at all. Without `singles` every word is a candidate."""
    tokens = [w for w in firsts if TOKEN.fullmatch(w)]  # a lowered text token is one token
    words = [w for w in tokens if _WORD_CHAR.match(w)]
    signs = [w for w in tokens if not _WORD_CHAR.match(w)]
    ends = {}
    if singles is not None:
        seconds: dict[str, set[str]] = {}
        for prefix in prefixes:
            if len(prefix) == 2:
                seconds.setdefault(prefix[0], set()).add(prefix[1])
        ends = {w: _next_token_regex(seconds.get(w, ())) for w in words if w not in singles}
    body = rf"(?<!\w){_trie(words, ends)}(?!\w)" if words else "(?!)"
    if signs:
        body += "|" + "|".join(map(re.escape, sorted(signs)))
    return re.compile(body)


def _next_token_regex(nexts) -> str:
    """A lookahead for a next token (as `_NEXT_TOKEN` reads it) among `nexts`."""
    words = [t for t in nexts if _WORD_CHAR.match(t)]
    signs = [t for t in nexts if not _WORD_CHAR.match(t)]
    options = ([_trie(words) + r"(?!\w)"] if words else []) + [re.escape(t) for t in sorted(signs)]
    return r"(?!\w)(?=\s*(?:" + "|".join(options) + "))" if options else "(?!)"


def _trie(words: list[str], ends: dict[str, str] | None = None) -> str:
    """One regex for `words`; `ends` may add a condition after a word (a lookahead)."""
    root: dict = {}
    for word in words:
        node = root
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = (ends or {}).get(word, "")

    def regex(node: dict) -> str:
        branches = [re.escape(ch) + regex(child) for ch, child in sorted(node.items()) if ch]
        end = node.get("")
        if not branches:
            return end or ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if end is None:
            return body
        return f"(?:{body}|{end})" if end else f"(?:{body})?"

    return regex(root)


def find(text: str, known: tuple[KnownEntity, ...] | None = None) -> list[Hit]:
    """Known forms in `text`, longest first, left to right, not overlapping."""
    lexicon = dictionary(known if known is not None else load_reference())
    lowered = _simply_lowered(text)
    if lowered is not None:
        return _find_lowered(text, lowered, lexicon)
    return _find_plain(text, lexicon)


def _find_plain(text: str, lexicon: Dictionary) -> list[Hit]:
    tokens = [m.span() for m in TOKEN.finditer(text)]
    longest = lexicon.longest
    # Only tokens that begin some form can start a hit: test those, in order.
    starts = [i for i, word in enumerate(TOKEN.findall(text)) if word.casefold() in longest]
    hits, free = [], 0
    for i in starts:
        if i < free:
            continue
        found = _match_at(text, tokens, i, lexicon)
        if found is not None:
            hits.append(found[0])
            free = found[1]
    return hits


def _match_at(text: str, tokens: list[tuple[int, int]], i: int, lexicon: Dictionary):
    start = tokens[i][0]
    most = lexicon.longest.get(text[start:tokens[i][1]].casefold())
    if not most or (start and BLOCKED_BEFORE.match(text, start - 1)):
        return None
    for n in range(min(most, len(tokens) - i), 0, -1):
        end = tokens[i + n - 1][1]
        entity = lexicon.get(text[start:end])
        if entity is not None and not BLOCKED_AFTER.match(text, end):
            return Hit(start, end, entity.key, entity.cls), i + n
    return None


# ------------------------------------------------------------ fast scan
# `_find_plain` tokenises the whole text and tries every token. The fast scan finds the few
# tokens that begin a form with one regex over the lowered text, reads tokens forward from
# there, and only looks up spans whose lowered tokens begin some form. This is exact when
# lowering each character equals case-folding it and keeps tokens as they are, which
# `_simply_lowered` checks per document (tests/extract/test_fast_paths.py).

_simple_chars: dict[str, bool] = {}
_NEXT_TOKEN = re.compile(r"\s*(\w+|[^\w\s])")  # what TOKEN.search finds from the end of a token


def _lowers_simply(ch: str) -> bool:
    low = ch.lower()
    return (len(low) == 1 and ch.casefold() == low and ch.isspace() == low.isspace()
            and bool(_WORD_CHAR.match(ch)) == bool(_WORD_CHAR.match(low)))


def _simply_lowered(text: str) -> str | None:
    """`text.lower()` when that case-folds every character one for one, else None."""
    if not text.isascii():
        for ch in set(text):
            ok = _simple_chars.get(ch)
            if ok is None:
                ok = _simple_chars[ch] = _lowers_simply(ch)
            if not ok:
                return None
    return text.lower()


def _find_lowered(text: str, lowered: str, lexicon: Dictionary) -> list[Hit]:
    """What `_find_plain` finds (lowered: `_simply_lowered(text)`)."""
    hits, free = [], 0
    longest, prefixes, get = lexicon.longest, lexicon.prefixes, lexicon.get
    for first in lexicon.first_tokens.finditer(lowered):
        start = first.start()
        if start < free or (start and BLOCKED_BEFORE.match(text, start - 1)):
            continue
        most = longest[first.group()]
        # Token ends from the first token on, as far as the lowered tokens begin some form.
        ends, words, pos = [first.end()], (first.group(),), first.end()
        while len(ends) < most and (token := _NEXT_TOKEN.match(lowered, pos)) is not None:
            words += (token.group(1),)
            if words not in prefixes:
                break
            ends.append(token.end())
            pos = token.end()
        for end in reversed(ends):
            entity = get(text[start:end])
            if entity is not None and not BLOCKED_AFTER.match(text, end):
                hits.append(Hit(start, end, entity.key, entity.cls))
                free = end
                break
    return hits


_keyed: tuple[tuple[KnownEntity, ...], dict[str, KnownEntity]] | None = None


def _by_key(known: tuple[KnownEntity, ...]) -> dict[str, KnownEntity]:
    """The reference entities by key, made once per reference tuple (by identity: hashing
    the tuple would cost as much as building the dict)."""
    global _keyed
    if _keyed is None or _keyed[0] is not known:
        _keyed = (known, {k.key: k for k in known})
    return _keyed[1]


def as_entity(known: KnownEntity) -> Entity:
    return Entity(known.key, known.cls, known.label, set(known.forms) - {known.label}, from_reference=True)


@component("known-entities", order=10)
def extract_known(ctx) -> None:
    """Pipeline component: a Mention for every known organisation, law and topic."""
    known = _by_key(load_reference())
    hits = find(ctx.text)
    for key in dict.fromkeys(hit.key for hit in hits):  # once per entity: merging again adds nothing
        ctx.entity(as_entity(known[key]))
    for hit in hits:
        ctx.mention(hit.key, hit.start, hit.end, RULE)
    ctx.notes["known_hits"] = hits
