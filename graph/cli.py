"""The `polder` command: a thin shell over plain functions a notebook can call too."""
from __future__ import annotations

import sys
from pathlib import Path

import click

from polder.extract.errors import PolderError

from .iri import DEFAULT_BASE


def graph_option(func):
    return click.option("-g", "--graph", "graph_dir", default="out", show_default=True,
                        type=click.Path(file_okay=False, path_type=Path),
                        help="Folder of a built graph (the -o of `polder build`).")(func)


def fail(message: str, hint: str | None = None) -> None:
    click.echo(f"Error: {message}", err=True)
    if hint:
        click.echo(f"Hint: {hint}", err=True)
    sys.exit(2)


class PolderGroup(click.Group):
    """Turns Polder's own errors into one line with a hint, never a traceback."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except PolderError as exc:
            fail(str(exc))


@click.group(cls=PolderGroup)
@click.version_option(package_name="polder")
def main():
    """Polder: a knowledge graph of Dutch social-economic policy (SER documents and the
    cabinet's responses), built as RDF and queried with SPARQL.

    \b
    Example:
      polder build ../shared/corpus -o out
      polder validate -g out
    """


@main.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=Path))
@click.option("-o", "--out", default="out", show_default=True, type=click.Path(file_okay=False, path_type=Path),
              help="Folder for polder.ttl, polder.trig, the store and per-document graphs.")
@click.option("--base", default=DEFAULT_BASE, show_default=True, help="Base IRI of instance IRIs.")
@click.option("--strict", is_flag=True, help="Stop with an error status at the first file that fails; OUT stays as it was.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Extraction processes (default: the number of cores).")
@click.option("--max-size", "max_size", type=click.FloatRange(min=0, min_open=True), default=50, show_default=True,
              help="Skip (and report) files larger than this many MB.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
@click.option("--reason", "reason", type=click.Choice(["none", "rdfs", "owlrl"]), default="rdfs", show_default=True,
              help="Entailments to materialise in the store (graph/entailed): RDFS rules to a fixpoint, "
                   "or owlrl's OWL RL closure of the ontology and entity layer.")
@click.option("--optimize/--no-optimize", default=True, show_default=True,
              help="Compact the store once built: queries run faster (1.6 times on 1,000 documents) for a "
                   "compaction of 3 s at 1,000 documents, 50-70 s at 10,000.")
def build(paths, out, base, strict, jobs, max_size, quiet, reason, optimize):
    """Build the graph of PATHS (files or folders of .txt, .md, .pdf; default: the bundled corpus).

    A file that cannot be read or in which nothing is recognised is reported with its
    reason and the rest is built; the exit status is 1 when any file failed.

    \b
    Example:
      polder build ../shared/corpus -o out --jobs 2
    """
    from .corpus import BuildFailed, build_corpus
    from .cli_ingest import print_report, progress_bar

    missing = [str(p) for p in paths if not p.exists()]
    if missing:
        fail(f"no such file or folder: {', '.join(missing)}")
    try:
        with progress_bar(enabled=not quiet) as progress:
            report = build_corpus(list(paths), out, base=base, progress=progress, jobs=jobs,
                                  max_size_mb=max_size, strict=strict, reason=reason, optimize=optimize)
    except BuildFailed as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    print_report(report, quiet)
    if not quiet and report.entailed:
        mode, added, seconds = report.entailed
        click.echo(f"reasoning ({mode}): {added} entailed triples in {seconds:.2f} s")
    if not quiet:
        click.echo(f"wrote {out / 'polder.ttl'} and {out / 'polder.trig'}")
    if report.errors:
        sys.exit(1)


@main.command()
@graph_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Validation processes (default: the number of cores).")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar and no line when the graph conforms.")
def validate(graph_dir, jobs, quiet):
    """Check a built graph against the SHACL shapes; exit 1 on any violation.

    Violations are printed in the same order whatever --jobs is: the reference data, then
    each document by file name, then the corpus-wide checks.

    \b
    Example:
      polder validate -g out --jobs 2
    """
    from .cli_ingest import progress_bar
    from .validate import validate_build

    with progress_bar(enabled=not quiet) as progress:
        violations = validate_build(graph_dir, jobs=jobs, progress=progress)
    for violation in violations:
        click.echo(violation.plain())
    if violations:
        click.echo(f"{len(violations)} violation(s)", err=True)
        sys.exit(1)
    if not quiet:
        click.echo("conforms: no violations")


# Commands of the other areas live in their own modules (one per area), each exposing
# COMMANDS; they register here through the same door as the built-ins above.
COMMAND_MODULES = ("polder.graph.cli_query", "polder.graph.cli_viz", "polder.graph.cli_export",
                   "polder.graph.cli_ingest")


def _register_command_modules() -> None:
    import importlib

    for name in COMMAND_MODULES:
        for command in importlib.import_module(name).COMMANDS:
            main.add_command(command)


_register_command_modules()
