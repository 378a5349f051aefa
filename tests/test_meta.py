"""Meta-tests: every command documented, every pattern file loads, vocabulary in sync."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from polder.extract.pipeline import registered
from polder.graph import iri
from polder.graph.cli import main
from polder.ontology import ONTOLOGY

ROOT = Path(__file__).resolve().parents[1]
VOCABULARY = ROOT.parent / "shared" / "design" / "VOCABULARY.md"
COMMANDS = sorted(main.commands)


def test_the_cli_has_every_verb_of_the_brief():
    assert {"build", "validate", "queries", "query", "serve", "viz", "analyze", "export", "docs",
            "add", "remove", "push"} <= set(COMMANDS)


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_has_help_with_an_example(name):
    result = CliRunner().invoke(main, [name, "--help"])
    assert result.exit_code == 0, result.output
    assert "Example" in result.output, f"`polder {name} --help` shows no example"


@pytest.mark.parametrize("name", COMMANDS)
def test_every_command_is_in_the_readme(name):
    assert re.search(rf"\bpolder {name}\b", (ROOT / "README.md").read_text(encoding="utf-8"))


@pytest.mark.parametrize("path", sorted((ROOT / "extract" / "patterns").glob("*.toml")), ids=lambda p: p.name)
def test_every_pattern_file_loads(path):
    assert tomllib.loads(path.read_text(encoding="utf-8"))


def test_pipeline_components_are_registered_for_every_kind():
    components = registered()
    assert {"known-entities", "legal-references"} <= set(components)
    for kind in ("minutes", "government_response", "magazine"):
        assert any(kind in c.kinds for c in components.values())


def test_every_vocabulary_term_is_declared_in_the_ontology():
    """The contract in VOCABULARY.md: each polder: term it names exists in polder.ttl."""
    declared = {str(s) for s in Graph().parse(ONTOLOGY, format="turtle").subjects()}
    named = set(re.findall(r"`polder:(\w+)`", VOCABULARY.read_text(encoding="utf-8")))
    missing = sorted(t for t in named if str(iri.POLDER[t]) not in declared)
    assert not missing, f"VOCABULARY.md terms missing from the ontology: {missing}"


def test_namespaces_match_the_vocabulary():
    text = VOCABULARY.read_text(encoding="utf-8")
    for prefix in ("polder", "org", "foaf", "eli", "prov", "dcterms", "skos"):
        assert f"`{iri.PREFIXES[prefix]}`" in text, prefix
    assert iri.DEFAULT_BASE in text
