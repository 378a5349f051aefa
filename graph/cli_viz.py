"""`polder viz` and `polder analyze`: thin shells over graph/viz.py and graph/analyze.py."""
from __future__ import annotations

from pathlib import Path

import click

from .cli import graph_option

CENTRAL_COLUMNS = ["rank", "label", "class", "degree", "betweenness", "pagerank", "iri"]
PATH_COLUMNS = ["step", "from", "relation", "to", "quote", "document"]
COMMUNITY_COLUMNS = ["community", "size", "members"]


@click.command()
@graph_option
@click.option("--focus", metavar="LABEL_OR_IRI", help="Draw the neighbourhood of this entity (label, abbreviation or IRI).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 10), help="Hops around --focus.")
@click.option("--query", metavar="NAME_OR_FILE", help="Draw the result of a CONSTRUCT query: saved name, .rq file or inline text.")
@click.option("--limit", default=500, show_default=True, type=click.IntRange(1), help="Most nodes to draw; bigger views are reduced.")
@click.option("--show-mentions", is_flag=True, help="Also draw the Mention nodes (the evidence).")
@click.option("-o", "--output", required=True, type=click.Path(dir_okay=False, path_type=Path), help="The HTML file to write.")
def viz(graph_dir, focus, depth, query, limit, show_mentions, output):
    """Write an interactive, self-contained HTML graph (works offline).

    \b
    Example:
      polder viz -g out --focus "Arbowet" --depth 2 -o arbowet.html
      polder viz -g out --query queries/my-construct.rq -o result.html
    """
    from .viz import write_view

    target = write_view(graph_dir, output, focus=focus, depth=depth, query=query, limit=limit,
                        show_mentions=show_mentions)
    click.echo(f"wrote {target}")


@click.command()
@graph_option
@click.option("--top", default=10, show_default=True, type=click.IntRange(1), help="How many central entities to list.")
@click.option("--by", type=click.Choice(["pagerank", "degree", "betweenness"]), default="pagerank", show_default=True,
              help="The centrality to rank by.")
@click.option("--class", "classes", multiple=True, metavar="CLASS", help="Only entities of this class (e.g. Person, Provision); repeatable.")
@click.option("--path", nargs=2, metavar="FROM TO", help="The shortest explained path between two entities.")
@click.option("--communities", is_flag=True, help="Groups of closely connected entities.")
@click.option("--method", type=click.Choice(["louvain", "greedy"]), default="louvain", show_default=True,
              help="Community detection method.")
@click.option("--documents", is_flag=True, help="Include the source documents, linked to the entities they mention.")
@click.option("--format", "fmt", type=click.Choice(["table", "csv", "json"]), default="table", show_default=True)
def analyze(graph_dir, top, by, classes, path, communities, method, documents, fmt):
    """Network analytics over the entity graph: central entities, explained paths, communities.

    \b
    Example:
      polder analyze -g out --top 10
      polder analyze -g out --path FNV "artikel 5 Arbeidsomstandighedenwet"
      polder analyze -g out --communities --format json
    """
    from . import analyze as an

    store, graph = an.analyze(graph_dir, include_documents=documents)
    if path:
        rows, columns = an.explained_path(store, graph, *path), PATH_COLUMNS
    elif communities:
        rows, columns = an.communities(graph, method), COMMUNITY_COLUMNS
    else:
        rows, columns = an.central(graph, top, by, tuple(classes)), CENTRAL_COLUMNS
    click.echo(an.format_rows(rows, columns, fmt))


COMMANDS = [viz, analyze]
