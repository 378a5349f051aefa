"""The state one document's extraction shares between pipeline components."""
from __future__ import annotations

from dataclasses import dataclass, field

from .clean import CleanText
from .model import Entity, Extraction, Mention, Ref, Relation, Span
from .reader import RawDocument
from .sentences import sentence_at


@dataclass
class Context:
    raw: RawDocument
    clean: CleanText
    result: Extraction
    notes: dict = field(default_factory=dict)  # components may leave findings for later ones
    # The relations of `result.relations` as a set, for `relate`: a list is searched in full.
    _related: set = field(default_factory=set, repr=False)
    _related_list: list | None = field(default=None, repr=False)

    @property
    def text(self) -> str:
        """The clean view that patterns run on."""
        return self.clean.text

    def span(self, start: int, end: int) -> Span:
        """A clean-view span as a Span of the original text. Its sentence comes from the
        clean view, so that quotes read without line-break hyphens and footnotes."""
        ostart, oend = self.clean.to_original(start, end)
        raw = self.raw.text
        return Span(ostart, oend, raw[ostart:oend], self.quote(start, end), self.raw.page_at(ostart))

    def quote(self, start: int, end: int) -> str:
        """The sentence around a clean span; the span itself when it is longer than a sentence."""
        sentence = sentence_at(self.clean.text, start, end)
        written = " ".join(self.clean.text[start:end].split())
        return sentence if written in sentence else written

    def entity(self, entity: Entity) -> Entity:
        return self.result.entity(entity)

    def mention(self, key: str, start: int, end: int, rule: str) -> Mention:
        """Record that the entity `key` is written at clean offsets [start, end)."""
        found = Mention(key, self.span(start, end), rule)
        self.result.mentions.append(found)
        return found

    def relate(self, subject: str, prop: str, value: object, rule: str,
               evidence: tuple[int, int] | None = None) -> None:
        span = self.span(*evidence) if evidence else None
        relation = Relation(subject, prop, value, rule, span)
        if relation not in self._relations():
            self.result.relations.append(relation)
            self._related.add(relation)

    def _relations(self) -> set:
        """`result.relations` as a set, made anew when a component replaced or changed the list."""
        relations = self.result.relations
        if relations is not self._related_list or len(relations) != len(self._related):
            self._related, self._related_list = set(relations), relations
        return self._related

    def link(self, subject: str, prop: str, target_key: str, rule: str,
             evidence: tuple[int, int] | None = None) -> None:
        self.relate(subject, prop, Ref(target_key), rule, evidence)
