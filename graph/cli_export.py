"""`polder export` and `polder docs`: files for linked-data portals and the ontology page."""
from __future__ import annotations

from pathlib import Path

import click

from .cli import graph_option
from .export import FORMATS


@click.command()
@graph_option
@click.option("-o", "--output", "target", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="The export file; FILE.dcat.ttl and FILE.void.ttl are written beside it.")
@click.option("--format", "fmt", type=click.Choice(sorted(FORMATS)), default=None,
              help="Output format (default: from the file name's suffix).")
@click.option("--base", default=None, help="Move every instance IRI under this base (vocabulary IRIs stay).")
@click.option("--config", "config_file", type=click.Path(dir_okay=False, exists=True, path_type=Path),
              help="Dataset description (publisher, contact, license); default ontology/dataset.toml.")
def export(graph_dir, target, fmt, base, config_file):
    """Export a built graph for a linked-data portal, with DCAT and VoID metadata.

    \b
    Example:
      polder export -g out --format trig -o dist/polder.trig
      polder export -g out -o dist/polder.jsonld --base https://data.example.nl/polder/
    """
    from .export import export as export_graph

    written = export_graph(graph_dir, target, fmt, base, config_file)
    click.echo("wrote " + ", ".join(str(path) for path in written))


@click.command()
@click.option("-o", "--out", default="docs", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for index.html, polder.ttl and context.jsonld.")
def docs(out):
    """Write an HTML page of the ontology, with its Turtle and JSON-LD context beside it.

    \b
    Example:
      polder docs -o site/ontology
    """
    from .docs import write_docs

    for path in write_docs(out):
        click.echo(f"wrote {path}")


COMMANDS = [export, docs]
