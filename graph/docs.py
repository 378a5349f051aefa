"""`polder docs`: an HTML page of the ontology (pyLODE), with its Turtle and JSON-LD context.

pyLODE renders classes and properties with every label and comment, so both languages
show. pyLODE 3.4.1 does not import (its version module reads a pyproject.toml that the
wheel lacks); 3.3.x works, offline.
"""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

from rdflib import Graph
from rdflib.namespace import RDF, SKOS

from polder.extract.errors import PolderError
from polder.ontology import ONTOLOGY

from .export import CONTEXT_FILE

PAGE = "index.html"


class DocsError(PolderError):
    """The ontology page could not be made."""


def ontology_for_pylode(path: Path = ONTOLOGY) -> Graph:
    """The ontology, minus the concept-scheme typing that pyLODE would take for a second title."""
    graph = Graph().parse(path)
    graph.remove((None, RDF.type, SKOS.ConceptScheme))
    return graph


def ontology_html(path: Path = ONTOLOGY) -> str:
    try:
        from pylode import OntPub
    except Exception as exc:  # an unusable pyLODE install must be a one-line message
        raise DocsError(f"pyLODE is not usable ({type(exc).__name__}: {exc}); pip install 'pylode>=3.3,<3.4'") from None
    quiet_root_logger()
    return OntPub(ontology=ontology_for_pylode(path)).make_html(include_css=True)


def quiet_root_logger() -> None:
    """pyLODE configures the root logger at INFO/DEBUG on import; users want no chatter."""
    root = logging.getLogger()
    root.setLevel(logging.WARNING)


def write_docs(out: Path) -> list[Path]:
    """OUT/index.html, OUT/polder.ttl and OUT/context.jsonld; returns the files written."""
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    page = out / PAGE
    page.write_text(ontology_html(), encoding="utf-8")
    turtle = Path(shutil.copyfile(ONTOLOGY, out / ONTOLOGY.name))
    context = Path(shutil.copyfile(CONTEXT_FILE, out / CONTEXT_FILE.name))
    return [page, turtle, context]
