"""The built-in pipeline components. Each module registers its own components with
`@component(...)` from polder.extract.pipeline; importing it is enough."""
from __future__ import annotations

import importlib

BUILTIN_MODULES = ("gazetteer", "legal", "organisations", "persons", "minutes", "response", "magazine", "topics")

for _name in BUILTIN_MODULES:
    try:
        importlib.import_module(f"{__package__}.{_name}")
    except ModuleNotFoundError as exc:  # an area that is not written yet
        if exc.name != f"{__package__}.{_name}":
            raise
