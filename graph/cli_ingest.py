"""`polder add` and `polder remove`: grow or shrink a built graph without a rebuild."""
from __future__ import annotations

import contextlib
import sys
import time
from pathlib import Path

import click

from .cli import graph_option
from .corpus import DEFAULT_MAX_MB, BuildFailed, BuildReport, add_documents, remove_documents

BAR_WIDTH = 24


class ProgressBar:
    """One line on stderr: bar, count, documents/s and ETA, redrawn at most 10 times a second."""

    def __init__(self, stream=sys.stderr):
        self.stream = stream
        self.started = time.perf_counter()
        self.drawn = 0.0

    def __call__(self, done: int, total: int, _path: str) -> None:
        now = time.perf_counter()
        if now - self.drawn < 0.1 and done < total:
            return
        self.drawn = now
        rate = done / max(now - self.started, 1e-9)
        eta = (total - done) / rate if rate else 0
        filled = int(BAR_WIDTH * done / max(total, 1))
        self.stream.write(f"\r[{'#' * filled}{'.' * (BAR_WIDTH - filled)}] {done}/{total} "
                          f"{rate:.1f} docs/s ETA {int(eta) // 60}:{int(eta) % 60:02d} ")
        self.stream.flush()

    def close(self) -> None:
        if self.drawn:
            self.stream.write("\n")
            self.stream.flush()


@contextlib.contextmanager
def progress_bar(enabled: bool = True, stream=None):
    """A progress callback when `stream` (stderr) is a terminal, else None."""
    stream = stream or sys.stderr
    if not (enabled and stream.isatty()):
        yield None
        return
    bar = ProgressBar(stream)
    try:
        yield bar
    finally:
        bar.close()


def print_report(report: BuildReport, quiet: bool) -> None:
    for warning in report.warnings:
        click.echo(f"warning: {warning}", err=True)
    for error in report.errors:
        click.echo(f"error: {error}", err=True)
    if not quiet:
        click.echo(report.summary())


def finish(report: BuildReport, quiet: bool) -> None:
    print_report(report, quiet)
    if report.errors:
        sys.exit(1)


@click.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(exists=True, path_type=Path))
@graph_option
@click.option("--strict", is_flag=True, help="Stop with an error status at the first file that fails; the graph stays as it was.")
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None, help="Extraction processes (default: the number of cores).")
@click.option("--max-size", "max_size", type=click.FloatRange(min=0, min_open=True), default=DEFAULT_MAX_MB,
              show_default=True, help="Skip (and report) files larger than this many MB.")
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def add(files, graph_dir, strict, jobs, max_size, quiet):
    """Add documents (files or folders) to a built graph, or replace them when they changed.

    Only the new documents are extracted and only the named graphs that change are
    reloaded; a file whose content is already in the graph is left alone.

    \b
    Example:
      polder add new-advice.pdf -g out
    """
    try:
        with progress_bar(enabled=not quiet) as progress:
            report = add_documents(list(files), graph_dir, progress, jobs=jobs, max_size_mb=max_size, strict=strict)
    except BuildFailed as exc:
        click.echo(f"error: {exc}", err=True)
        sys.exit(1)
    finish(report, quiet)


@click.command()
@click.argument("docs", nargs=-1, required=True)
@graph_option
@click.option("-q", "--quiet", is_flag=True, help="Print only errors.")
def remove(docs, graph_dir, quiet):
    """Remove documents (by file stem or document IRI) and their named graphs from a built graph.

    \b
    Example:
      polder remove 004_3ed600bc322f094c -g out
    """
    finish(remove_documents(list(docs), graph_dir), quiet)


COMMANDS = [add, remove]
