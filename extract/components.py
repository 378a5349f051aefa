"""The built-in pipeline components. Each module registers its own components with
`@component(...)` from polder.extract.pipeline; importing it is enough. A new document
kind or rule family is one more module here."""
from __future__ import annotations

import importlib

BUILTIN_MODULES = ("gazetteer", "legal", "organisations", "persons", "minutes", "response")

for _name in BUILTIN_MODULES:
    importlib.import_module(f"{__package__}.{_name}")
