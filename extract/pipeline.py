"""read → clean → classify → extract: one document in, one Extraction out.

Components are plain functions `component(ctx) -> None`, registered by name for the
document kinds they serve, in order. A new document kind is one module that registers
its components; the built-ins use the same door.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from .classify import classify, find_date, find_title
from .clean import clean
from .context import Context
from .errors import PolderError
from .model import DocumentInfo, Extraction
from .reader import RawDocument, read_document

ALL_KINDS = ("minutes", "government_response", "magazine", "advice", "other")


@dataclass(frozen=True)
class Component:
    name: str
    func: Callable[[Context], None]
    kinds: tuple[str, ...]
    order: int


_REGISTRY: dict[str, Component] = {}


def component(name: str, kinds: tuple[str, ...] = ALL_KINDS, order: int = 50):
    """Register a pipeline component (decorator). Lower `order` runs first."""
    def register(func):
        _REGISTRY[name] = Component(name, func, kinds, order)
        return func
    return register


def components_for(kind: str) -> list[Component]:
    _load_builtin_components()
    return sorted((c for c in _REGISTRY.values() if kind in c.kinds), key=lambda c: (c.order, c.name))


def registered() -> dict[str, Component]:
    _load_builtin_components()
    return dict(_REGISTRY)


def _load_builtin_components() -> None:
    from . import components  # noqa: F401  (registers the built-ins)


class NothingRecognised(PolderError):
    def __init__(self, path: str):
        super().__init__(f"{path}: nothing recognised (no known entity, reference or structure)")
        self.path = path


def describe(raw: RawDocument, text: str) -> DocumentInfo:
    kind = classify(text)
    date, _evidence = find_date(text, kind)
    return DocumentInfo(stem=raw.stem, path=raw.path, kind=kind, title=find_title(text, kind), date=date,
                        encoding=raw.encoding, sha256=raw.sha256, chars=len(raw.text))


def extract(raw: RawDocument) -> Extraction:
    """Run every component registered for the document's kind."""
    view = clean(raw.text)
    ctx = Context(raw, view, Extraction(describe(raw, view.text)))
    for comp in components_for(ctx.result.doc.kind):
        comp.func(ctx)
    return ctx.result


def extract_file(path: str | Path) -> Extraction:
    return extract(read_document(path))
