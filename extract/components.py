"""The built-in pipeline components, in the order they run."""
from __future__ import annotations

from .gazetteer import extract_known
from .legal import extract_legal
from .pipeline import component

component("known-entities", order=10)(extract_known)
component("legal-references", order=20)(extract_legal)
