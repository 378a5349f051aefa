"""The cabinet's stance on one recommendation, from cue phrases in its reaction.

Explainable by design: every cue is a phrase in patterns/stance.toml with an id, a stance
and a weight; the classifier sums the weights of the cues that fire per stance and
reports which cues fired and in which sentences. Mixed reactions (adopts one part, defers
or refuses another) are PartlyAdopted: by a named mix rule ([[mix]] in the TOML) when
cues of each of its kinds fired, else when the adopting and refusing scores are close.
"""
from __future__ import annotations

import re
import tomllib
from re import _constants as _sre, _parser as _sre_parser  # the regex parser (Python 3.11+), for required_words
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

PATTERNS = Path(__file__).with_name("patterns") / "stance.toml"
STANCES = ("Adopted", "PartlyAdopted", "UnderConsideration", "NotAdopted", "Noted")
_SENTENCE = re.compile(r"[^.!?\n]+(?:[.!?]+|$)")
_ABBREVIATION_END = re.compile(r"\b(?:o\.a|bijv|nr|art|jl|m\.n|d\.w\.z|i\.v\.m|t\.a\.v|o\.m|e\.d|c\.q|incl)$", re.I)
DECISIONS = ("Adopted", "PartlyAdopted", "NotAdopted")  # what a clause that only asks whether does not decide
PREAMBLE = "preamble"  # the tag of cues that agree with the goal or the analysis, not with the recommendation
_ABBREVIATION_REACH = 16  # characters before a full stop that an abbreviation can take (\b still sees further)


@dataclass(frozen=True)
class Cue:
    id: str
    stance: str
    weight: float
    pattern: re.Pattern
    negatable: bool = True
    negated: str = "NotAdopted"
    tags: frozenset[str] = frozenset()
    needs_voice: bool = False  # fires only in a sentence whose subject may be the cabinet
    # words (lower case) of which every match contains one, from required_words(); None: no prefilter
    needs: tuple[str, ...] | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True)
class Mix:
    """Cues of every kind in `all_of` and none in `none_of` fired (a kind: a cue tag or a
    stance) → `stance`."""
    id: str
    stance: str
    all_of: tuple[str, ...]
    none_of: tuple[str, ...] = ()


@dataclass(frozen=True)
class Fired:
    cue: Cue
    stance: str  # the cue's stance, or its negated stance
    weight: float
    phrase: str
    sentence: str
    start: int  # offset of the sentence in the classified text
    end: int

    @property
    def kinds(self) -> set[str]:
        """The stance it counts for, plus the cue's tags unless it was negated."""
        return {self.stance} | (set(self.cue.tags) if self.stance == self.cue.stance else set())


@dataclass
class Verdict:
    stance: str
    scores: dict[str, float]
    fired: list[Fired] = field(default_factory=list)
    mix: Mix | None = None  # the mix rule that decided, if any

    def deciding(self) -> list[Fired]:
        """The cues behind the verdict (for PartlyAdopted: both sides of the mix)."""
        if self.mix is not None:
            return [f for f in self.fired if f.kinds & set(self.mix.all_of)]
        sides = {self.stance} | ({"Adopted", "UnderConsideration", "NotAdopted"} if self.stance == "PartlyAdopted" else set())
        return [f for f in self.fired if f.stance in sides]

    def quote(self) -> str:
        seen = dict.fromkeys(f.sentence for f in self.deciding())
        return " ".join(seen)


@dataclass(frozen=True)
class Rules:
    cues: tuple[Cue, ...]
    negation: re.Pattern
    window: int
    mixed_share: float
    conflict_min: float
    default: str
    first_weight: float
    voice: re.Pattern
    mixes: tuple[Mix, ...] = ()
    not_about: re.Pattern | None = None  # a voiced sentence about something else than the recommendation
    hypothetical: re.Pattern | None = None  # a clause that only asks whether ("of ...")
    hypothetical_stance: str = "UnderConsideration"
    prefilter: Prefilter | None = field(default=None, compare=False, repr=False)


def cue_of(c: dict) -> Cue:
    pattern = re.compile(c["pattern"], re.I)
    return Cue(c["id"], c["stance"], float(c["weight"]), pattern,
               bool(c.get("negatable", True)), c.get("negated", "NotAdopted"),
               frozenset(c.get("tags", ())), bool(c.get("needs_voice", False)), required_words(pattern))


# ---------------------------------------------------------------- a literal prefilter per cue
# Most sentences fire few of the cues, yet running all of them costs one regex scan each. From
# each cue's parsed pattern we derive words one of which any match must contain ("steun" for
# "\b(?:onder)?steun(?:t|en)?\b"); a cue none of whose words is in the lowered sentence cannot
# fire and is not run. The derivation only ever gives up (no prefilter), never guesses: a node
# it does not know matches "anything".

_MAX_WORDS = 64  # a larger set of alternative strings counts as unknown
_EMPTY = frozenset({""})
# The only characters that the (ignore-case) regex matches to an ASCII letter but str.lower() does
# not turn into it: İ and ı match i, ſ matches s. A sentence with one of them is scanned in full.
_CASE_TRAPS = ("\u0130", "\u0131", "\u017f")


def lowered(text: str) -> str | None:
    """`text` in lower case for looking up required words, or None when it holds a character
    that an ignore-case regex matches to an ASCII letter that its lower case is not."""
    return None if any(c in text for c in _CASE_TRAPS) else text.lower()


def required_words(pattern: re.Pattern) -> tuple[str, ...] | None:
    """Lower-case words one of which occurs (case-insensitively) in every match of `pattern`."""
    sets = required_word_sets(pattern)
    return sets[0] if sets else None


def required_word_sets(pattern: re.Pattern) -> list[tuple[str, ...]]:
    """Sets of lower-case words such that every match of `pattern` contains a word of each set
    (case-insensitively), the most selective first; [] when none is known."""
    try:
        sets = _words_of_seq(_sre_parser.parse(pattern.pattern, pattern.flags))[1]
    except Exception:  # an unexpected parse tree: no prefilter
        return []
    return [tuple(sorted(ws)) for ws in sorted(set(sets), key=lambda ws: (_cost(ws), sorted(ws)))]


def _product(a, b):
    """Each string of `a` followed by each of `b`, or None when unknown or too many."""
    if a is None or b is None or len(a) * len(b) > _MAX_WORDS:
        return None
    return frozenset(x + y for x in a for y in b)


def _cost(words) -> float:
    """How likely a text holds one of `words` (shorter words are likelier), plus a little per word."""
    return sum(4.0 ** -min(len(w), 8) for w in words) + 0.002 * len(words)


def _required(candidates) -> list[frozenset[str]]:
    """The word sets that can serve: non-empty, no empty word; a word that contains another of
    its set is dropped (finding the shorter one is implied)."""
    return [frozenset(w for w in c if not any(v != w and v in w for v in c))
            for c in candidates if c and "" not in c]


def _words_of(op, av):
    """(exact, required) of one parsed node: every string it can match (None: unknown or too
    many) and word sets of which every match contains a word of each ([]: none known)."""
    if op is _sre.LITERAL:
        c = chr(av)
        return (frozenset({c.lower()}), []) if c.isascii() else (None, [])
    if op is _sre.IN:
        chars = set()
        for o, v in av:
            if o is _sre.LITERAL:
                chars.add(chr(v))
            elif o is _sre.RANGE and v[1] - v[0] < 16:
                chars.update(map(chr, range(v[0], v[1] + 1)))
            else:  # a negation or a category (\w, \s, ...)
                return None, []
        return (frozenset(c.lower() for c in chars), []) if all(c.isascii() for c in chars) else (None, [])
    if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):  # zero width: consumes nothing
        return _EMPTY, []
    if op is _sre.SUBPATTERN:
        return _words_of_seq(av[3])
    if op is _sre.ATOMIC_GROUP:
        return _words_of_seq(av)
    if op is _sre.BRANCH:  # one word of the most selective set of each alternative
        if len(av[1]) > _MAX_WORDS:  # (every law's name): too many words to look for, and slow to list
            return None, []
        alternatives = [_words_of_seq(p) for p in av[1]]
        exacts = [e for e, _ in alternatives]
        exact = None
        if None not in exacts and sum(map(len, exacts)) <= _MAX_WORDS:
            exact = frozenset().union(*exacts)
        if all(n for _, n in alternatives):
            return exact, [frozenset().union(*(min(n, key=_cost) for _, n in alternatives))]
        return exact, []
    if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
        low, high, sub = av
        e, n = _words_of_seq(sub)
        exact = None
        if e is not None and high <= 3:
            exact, power = (_EMPTY if low == 0 else frozenset()), _EMPTY
            for k in range(1, high + 1):
                power = _product(power, e)
                if power is None:
                    exact = None
                    break
                if k >= low:
                    exact |= power
            if exact is not None and len(exact) > _MAX_WORDS:
                exact = None
        return exact, (n if low >= 1 else [])
    return None, []  # any other node (\w, ., a back reference, ...): unknown


def _words_of_seq(items):
    """(exact, required) of a sequence: runs of nodes with known strings join into longer words;
    what each run spells is required, and so is what each node requires."""
    candidates, run, exact = [], _EMPTY, _EMPTY
    for op, av in items:
        e, n = _words_of(op, av)
        candidates += n
        exact = _product(exact, e)
        joined = _product(run, e)
        if joined is None:  # the run ends here; what it spelled is required
            candidates.append(run)
            joined = e if e is not None else _EMPTY
        run = joined
    candidates.append(run)
    return exact, _required(candidates)


def _trie(words) -> str:
    """A regex that matches the longest of `words` starting where it is tried (each step of
    the trie has one way on, so the greedy match is the longest word)."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}  # a word ends here

    def build(node: dict) -> str:
        alternatives = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body
    return build(root)


@dataclass(frozen=True)
class Prefilter:
    """Which cues can fire in a sentence, from one scan for all cues' required words."""
    words: re.Pattern  # at each position, the longest required word that starts there
    cues_of: dict[str, frozenset[int]]  # such a word → the cues that it or a word inside it lets run
    always: frozenset[int]  # the cues without required words

    @classmethod
    def of(cls, cues: tuple[Cue, ...]) -> Prefilter:
        vocabulary = sorted({w for c in cues for w in c.needs or ()})
        cues_of = {w: frozenset(i for i, c in enumerate(cues) if c.needs and any(n in w for n in c.needs))
                   for w in vocabulary}
        return cls(re.compile(f"(?=({_trie(vocabulary)}))"), cues_of,
                   frozenset(i for i, c in enumerate(cues) if c.needs is None))

    def candidates(self, sentence: str) -> list[int] | None:
        """Indices of the cues that can match in `sentence`, in order; None: all of them."""
        low = lowered(sentence)
        if low is None:
            return None
        found = set(self.words.findall(low))
        return sorted(self.always.union(*map(self.cues_of.__getitem__, found)))


@lru_cache(maxsize=1)
def load_rules() -> Rules:
    data = tomllib.loads(PATTERNS.read_text(encoding="utf-8"))
    cues = tuple(cue_of(c) for c in data["cue"])
    mixes = tuple(Mix(m["id"], m["stance"], tuple(m["all_of"]), tuple(m.get("none_of", ()))) for m in data.get("mix", ()))
    unknown = {c.stance for c in cues} - set(STANCES) | {m.stance for m in mixes} - set(STANCES)
    assert not unknown, f"unknown stance in {PATTERNS}: {unknown}"
    decision = data["decision"]
    return Rules(cues, re.compile(data["negation"]["pattern"], re.I), int(data["negation"]["window"]),
                 float(decision["mixed_share"]), float(decision["conflict_min"]), decision["default"],
                 float(data.get("first_paragraph_weight", 1)), re.compile(data["voice"]["pattern"]), mixes,
                 re.compile(data["voice"]["not_about"]) if data["voice"].get("not_about") else None,
                 re.compile(data["hypothetical"]["pattern"]) if "hypothetical" in data else None,
                 data.get("hypothetical", {}).get("stance", "UnderConsideration"), Prefilter.of(cues))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a period after a known abbreviation does not end one."""
    out, start = [], None
    for m in _SENTENCE.finditer(text):
        if start is None:
            start = m.start()
        stop = m.end() - 1
        if m.group().endswith(".") and _ABBREVIATION_END.search(text, max(0, stop - _ABBREVIATION_REACH), stop):
            continue
        out.append((start, m.end()))
        start = None
    if start is not None:
        out.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out if text[s:e].strip()]


def is_negated(sentence: str, m: re.Match, rules: Rules) -> bool:
    """A negation word in the cue's clause: before it, inside it, or closing it ("... niet.")."""
    clause_start = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start()), m.start() - rules.window, 0)
    if rules.negation.search(sentence, clause_start, m.end()):
        return True
    tail = re.match(r"[^,;.]{0,30}?\b(?:niet|geen)\s*[,;.!?]?$", sentence[m.end():].split(",")[0].strip())
    return tail is not None


def is_hypothetical(sentence: str, m: re.Match, rules: Rules) -> bool:
    """The cue stands in a clause that asks whether ("Of ... wordt overgenomen, hangt af van ...")."""
    if rules.hypothetical is None:
        return False
    clause_start = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start()), -1) + 1
    return rules.hypothetical.search(sentence, clause_start, m.start()) is not None


def has_voice(sentence: str, rules: Rules) -> bool:
    """The sentence names who can hold the stance, and is not about a Commission proposal."""
    return rules.voice.search(sentence) is not None and not (rules.not_about and rules.not_about.search(sentence))


def cues_in(sentence: str, start: int, weight: float, rules: Rules) -> list[Fired]:
    fired = []
    voiced = None
    cues = rules.cues
    runs = rules.prefilter.candidates(sentence) if rules.prefilter is not None else None
    if runs is not None:  # leave out the cues none of whose required words is in the sentence
        cues = [cues[i] for i in runs]
    for cue in cues:
        if cue.needs_voice:
            if voiced is None:
                voiced = has_voice(sentence, rules)
            if not voiced:
                continue
        for m in cue.pattern.finditer(sentence):
            stance = cue.stance
            if cue.negatable and is_negated(sentence, m, rules):
                stance = cue.negated
            if stance in DECISIONS and is_hypothetical(sentence, m, rules):
                stance = rules.hypothetical_stance
            fired.append(Fired(cue, stance, cue.weight * weight, m.group(), sentence, start, start + len(sentence)))
            break  # a cue counts once per sentence
    return fired


def mix_of(fired: list[Fired], rules: Rules, leading: str) -> Mix | None:
    """The first mix rule whose every kind of cue fired and whose sides lead the scores: a
    mix refines a verdict between its own sides, it does not overrule a third stance."""
    kinds = set().union(*(f.kinds for f in fired)) if fired else set()
    for mix in rules.mixes:
        sides = {f.stance for f in fired if f.kinds & set(mix.all_of)}
        if kinds >= set(mix.all_of) and not kinds & set(mix.none_of) and leading in sides:
            return mix
    return None


def decide(scores: dict[str, float], rules: Rules, preamble: float = 0.0) -> str:
    """The stance with the highest score, or PartlyAdopted for a close or strong conflict. `preamble`
    is the part of the Adopted score that only agrees with the goal or the analysis ("onderschrijft
    het belang van ...", "deelt de zorg"): it makes no conflict with a refusal or a deferral, and
    yields to them."""
    if not any(scores.values()):
        return rules.default
    adopted = scores["Adopted"] - preamble
    other = max(scores["UnderConsideration"], scores["NotAdopted"])
    if scores["PartlyAdopted"] or min(adopted, scores["NotAdopted"]) >= rules.conflict_min:
        return "PartlyAdopted"
    if adopted and other and min(adopted, other) >= rules.mixed_share * max(adopted, other):
        return "PartlyAdopted"
    if other and not adopted:
        scores = {**scores, "Adopted": 0.0}
    return max(STANCES, key=lambda s: (scores[s], -STANCES.index(s)))


def classify(text: str, first_paragraph_end: int | None = None) -> Verdict:
    """The stance of the reaction `text` (the cabinet's words on one recommendation)."""
    rules = load_rules()
    fired: list[Fired] = []
    for s, e in sentences(text):
        weight = rules.first_weight if first_paragraph_end is not None and s < first_paragraph_end else 1.0
        fired += cues_in(text[s:e], s, weight, rules)
    scores = defaultdict(float)
    for f in fired:
        scores[f.stance] += f.weight
    scores = {s: scores[s] for s in STANCES}
    preamble = sum(f.weight for f in fired if f.stance == "Adopted" and PREAMBLE in f.kinds)
    leading = decide(scores, rules, preamble)
    mix = mix_of(fired, rules, leading)
    return Verdict(mix.stance if mix else leading, scores, fired, mix)
