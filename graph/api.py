"""Python API for notebooks: open a built graph and ask it questions.

    >>> from polder.graph.api import open_graph
    >>> g = open_graph("out")                 # memory=True: slower to open, faster to query
    >>> rows = g.query("recommendations-citing-provision",
    ...                provision="https://w3id.org/polder/id/law/arbowet/artikel-5")
    >>> g.dataframe("stance-counts")          # needs pandas
"""
from __future__ import annotations

from pathlib import Path

from polder import queries

from .query import Result, python_value, resolve_query, run_on_store, run_remote
from .store import open_store


class PolderGraph:
    """A built graph (the folder `polder build -o` wrote), or a remote SPARQL endpoint."""

    def __init__(self, out: str | Path | None = None, endpoint: str | None = None, memory: bool = False):
        self.out = Path(out) if out is not None else None
        self.endpoint = endpoint
        self.store = open_store(self.out, memory=memory) if endpoint is None else None

    def result(self, name_or_sparql: str, **params: str) -> Result:
        sparql = resolve_query(name_or_sparql, {k: str(v) for k, v in params.items()})
        return run_remote(self.endpoint, sparql) if self.endpoint else run_on_store(self.store, sparql)

    def query(self, name_or_sparql: str, **params: str) -> list[dict] | bool:
        """Rows as dicts of plain Python values (IRIs as str); True/False for ASK;
        for CONSTRUCT/DESCRIBE one dict per triple with keys s, p, o."""
        result = self.result(name_or_sparql, **params)
        if result.form == "ASK":
            return bool(result.boolean)
        if result.form == "GRAPH":
            return [{"s": t.subject.value, "p": t.predicate.value, "o": python_value(t.object)}
                    for t in result.triples]
        return [{v: python_value(row.get(v)) for v in result.variables} for row in result.rows]

    def dataframe(self, name_or_sparql: str, **params: str):
        """The rows as a pandas DataFrame (pandas is optional: install it to use this)."""
        try:
            import pandas
        except ImportError:
            raise ImportError("dataframe() needs pandas: pip install pandas") from None
        result = self.result(name_or_sparql, **params)
        if result.form == "ASK":
            return pandas.DataFrame({"boolean": [bool(result.boolean)]})
        if result.form == "GRAPH":
            return pandas.DataFrame(self.query(name_or_sparql, **params), columns=["s", "p", "o"])
        rows = [{v: python_value(row.get(v)) for v in result.variables} for row in result.rows]
        return pandas.DataFrame(rows, columns=result.variables)

    @staticmethod
    def saved_queries() -> dict[str, str]:
        """Saved query name → title."""
        return {name: q.title for name, q in queries.catalogue().items()}


def open_graph(out: str | Path = "out", endpoint: str | None = None, memory: bool = False) -> PolderGraph:
    """A built graph, or a remote endpoint. `memory=True` copies the store into memory first:
    slower to open, faster to query (see `polder.graph.store.in_memory`)."""
    return PolderGraph(out, endpoint, memory) if endpoint is None else PolderGraph(None, endpoint)
