"""The catalogue of saved analyst queries: one `.rq` file per question.

Each file starts with a header comment::

    # title: Recommendations that refer to a provision
    # description: ...
    # param provision: https://w3id.org/polder/id/law/arbowet/artikel-5  (artikel 5 Arbowet)

A parameter's default decides its kind: an IRI (``https://...`` or ``<...>``), a quoted
or bare string, an integer, or ``*`` for "unbound" (no restriction). Values are bound as
a ``VALUES`` block at the start of the query's WHERE clause, written as RDF terms, never
pasted in as SPARQL text, so a value cannot change the query. A query whose parameters
must restrict a subquery (before its LIMIT, say) marks the place with a line
``# VALUES`` (optionally followed by an explanation); the block goes right after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph as ox

from polder.extract.errors import PolderError

HERE = Path(__file__).resolve().parent
HEADER_LINE = re.compile(r"#\s*(title|description|param)\s*:?\s*(.*)")
PARAM_LINE = re.compile(r"(\w+)\s*:\s*(\S+)\s*(?:\((.*)\))?\s*$")
WHERE_BRACE = re.compile(r"\bWHERE\s*\{", re.IGNORECASE)
VALUES_MARK = re.compile(r"^[ \t]*# VALUES\b[^\n]*$", re.MULTILINE)
UNBOUND = "*"


class QueryNotFound(PolderError):
    def __init__(self, name: str, known: list[str]):
        super().__init__(f"no saved query named {name!r}; known: {', '.join(known)}")


class BadParameter(PolderError):
    pass


@dataclass(frozen=True)
class Param:
    name: str
    default: str
    note: str = ""

    @property
    def kind(self) -> str:
        return value_kind(self.default)


@dataclass(frozen=True)
class SavedQuery:
    name: str
    title: str
    description: str
    sparql: str
    params: tuple[Param, ...] = field(default_factory=tuple)
    path: Path | None = None

    @property
    def form(self) -> str:
        """SELECT, ASK, CONSTRUCT or DESCRIBE."""
        return query_form(self.sparql)

    def bind(self, **values: str | None) -> str:
        """The query text with parameters bound (defaults for the ones not given)."""
        known = {p.name: p for p in self.params}
        unknown = sorted(set(values) - set(known))
        if unknown:
            raise BadParameter(f"query {self.name!r} has no parameter {unknown[0]!r}; "
                               f"parameters: {', '.join(known) or 'none'}")
        chosen = {p.name: values.get(p.name) or p.default for p in self.params}
        terms = {name: to_term(value, known[name].kind, name) for name, value in chosen.items()
                 if value != UNBOUND}
        return with_values(self.sparql, terms)


def value_kind(default: str) -> str:
    if default == UNBOUND or re.fullmatch(r"<?https?://\S+>?", default):
        return "iri"
    if re.fullmatch(r"-?\d+", default):
        return "integer"
    return "string"


def to_term(value: str, kind: str, name: str = "value") -> ox.NamedNode | ox.Literal:
    """A user's value as an RDF term; an invalid IRI is an error, not a query fragment."""
    try:
        if kind == "iri":
            return ox.NamedNode(value.strip().removeprefix("<").removesuffix(">"))
        if kind == "integer":
            return ox.Literal(str(int(value)), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))
    except ValueError as exc:
        raise BadParameter(f"parameter {name}: {value!r} is not a valid {kind} ({exc})") from None
    return ox.Literal(strip_quotes(value))


def strip_quotes(value: str) -> str:
    return value[1:-1] if len(value) >= 2 and value[0] == value[-1] == '"' else value


def with_values(sparql: str, terms: dict[str, ox.NamedNode | ox.Literal]) -> str:
    """Insert `VALUES (?a ?b) { (t1 t2) }` after the `# VALUES` line, or else just inside
    the first WHERE block."""
    if not terms:
        return sparql
    match = VALUES_MARK.search(sparql) or WHERE_BRACE.search(sparql)
    if match is None:
        raise BadParameter("cannot bind parameters: the query has no WHERE clause")
    names = " ".join(f"?{name}" for name in terms)
    row = " ".join(str(term) for term in terms.values())
    block = f"\n  VALUES ({names}) {{ ({row}) }}\n"
    return sparql[:match.end()] + block + sparql[match.end():]


def query_form(sparql: str) -> str:
    body = re.sub(r"#[^\n]*", "", sparql)
    body = re.sub(r"\b(PREFIX|BASE)\b[^\n]*", "", body, flags=re.IGNORECASE)
    match = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.IGNORECASE)
    return match.group(1).upper() if match else "SELECT"


def parse(text: str, name: str, path: Path | None = None) -> SavedQuery:
    header = {"title": name, "description": ""}
    params = []
    for line in text.splitlines():
        match = HEADER_LINE.match(line.strip())
        if not line.startswith("#"):
            break
        if match and match.group(1) == "param":
            params.append(parse_param(match.group(2), name))
        elif match:
            header[match.group(1)] = match.group(2).strip()
    return SavedQuery(name, header["title"], header["description"], text, tuple(params), path)


def parse_param(text: str, query_name: str) -> Param:
    match = PARAM_LINE.match(text.strip())
    if match is None:
        raise BadParameter(f"query {query_name!r}: cannot read parameter line {text!r}")
    return Param(match.group(1), match.group(2), (match.group(3) or "").strip())


def load(path: str | Path) -> SavedQuery:
    path = Path(path)
    return parse(path.read_text(encoding="utf-8"), path.stem, path)


def catalogue(folder: Path = HERE) -> dict[str, SavedQuery]:
    """Every saved query by name (its file stem), sorted."""
    return {q.name: q for q in (load(p) for p in sorted(folder.glob("*.rq")))}


def names() -> list[str]:
    return list(catalogue())


def get(name: str) -> SavedQuery:
    queries = catalogue()
    if name not in queries:
        raise QueryNotFound(name, list(queries))
    return queries[name]
