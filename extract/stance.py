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
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from .scan import longest_word_regex, lowered, required_words

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
    stance) → `stance`. It refines the leading stance when that is one of its sides, or one
    of `over`."""
    id: str
    stance: str
    all_of: tuple[str, ...]
    none_of: tuple[str, ...] = ()
    over: tuple[str, ...] = ()


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
    double: re.Pattern | None = None  # two negations that cancel ("geen reden om ... niet over te nemen")
    council: re.Pattern | None = None  # a sentence in the advisory body's voice ("De SER roept ... op")
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
        return cls(re.compile(f"(?=({longest_word_regex(vocabulary)}))"), cues_of,
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
    mixes = tuple(Mix(m["id"], m["stance"], tuple(m["all_of"]), tuple(m.get("none_of", ())), tuple(m.get("over", ())))
                  for m in data.get("mix", ()))
    unknown = {c.stance for c in cues} - set(STANCES) | {m.stance for m in mixes} - set(STANCES)
    assert not unknown, f"unknown stance in {PATTERNS}: {unknown}"
    decision = data["decision"]
    return Rules(cues, re.compile(data["negation"]["pattern"], re.I), int(data["negation"]["window"]),
                 float(decision["mixed_share"]), float(decision["conflict_min"]), decision["default"],
                 float(data.get("first_paragraph_weight", 1)), re.compile(data["voice"]["pattern"]), mixes,
                 re.compile(data["voice"]["not_about"]) if data["voice"].get("not_about") else None,
                 re.compile(data["hypothetical"]["pattern"]) if "hypothetical" in data else None,
                 data.get("hypothetical", {}).get("stance", "UnderConsideration"),
                 re.compile(data["negation"]["double"], re.I) if "double" in data["negation"] else None,
                 re.compile(data["council"]["pattern"]) if "council" in data else None,
                 Prefilter.of(cues))


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence; a period after a known abbreviation does not end one."""
    out, start = [], None
    for m in _SENTENCE.finditer(text):
        if start is None:
            start = m.start()
        stop = m.end() - 1
        if m.group().endswith(".") and (_ABBREVIATION_END.search(text, max(0, stop - _ABBREVIATION_REACH), stop)
                                        or text[m.end():m.end() + 1].isdigit()):
            continue  # (nor one between digits: "€ 1.200 per jaar")
        out.append((start, m.end()))
        start = None
    if start is not None:
        out.append((start, len(text)))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in out if text[s:e].strip()]


def cancelled(sentence: str, rules: Rules) -> set[int]:
    """Where the negation words of a double negation start: both count for nothing."""
    if rules.double is None:
        return set()
    return {at for d in rules.double.finditer(sentence) for at in (d.start(), d.start(1))}


def is_negated(sentence: str, m: re.Match, rules: Rules, void: set[int] = frozenset()) -> bool:
    """A negation word in the cue's clause: before it, inside it, or closing it ("... niet."),
    unless it is one of the `void` (cancelled) ones."""
    clause_start = max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start()), m.start() - rules.window, 0)
    if any(w.start() not in void for w in rules.negation.finditer(sentence, clause_start, m.end())):
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
    if rules.council is not None and rules.council.match(sentence) and not has_voice(sentence, rules):
        return fired  # the council's own proposal, retold: no stance of the cabinet's
    voiced = None
    void = cancelled(sentence, rules)
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
            if not cue.negatable and void and any(m.start() <= at < m.end() for at in void):
                continue  # a cue that is itself a negation, cancelled by a second one
            stance = cue.stance
            if cue.negatable and is_negated(sentence, m, rules, void):
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
        if kinds >= set(mix.all_of) and not kinds & set(mix.none_of) and (leading in sides or leading in mix.over):
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
