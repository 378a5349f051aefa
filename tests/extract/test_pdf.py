"""PDF input: a PDF made from a document's text yields the same facts, with page numbers."""
from __future__ import annotations

import json
import shutil
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from polder.extract.pipeline import extract_file
from polder.extract.reader import read_document
from polder.graph.corpus import build_corpus

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "bench"))
import layouts  # noqa: E402  (the corpus as a PDF of it shows it: bench/layouts.py)

STEM = "003_37ef82bf58dec8e9"
LINES_PER_PAGE = 45


def text_to_pdf(text: str, target: Path) -> int:
    """Write `text` as a PDF with a real text layer, LINES_PER_PAGE lines a page; returns the page count."""
    return layouts.write_pdf(text, target, LINES_PER_PAGE)


@pytest.fixture(scope="module")
def pair(tmp_path_factory, corpus_dir):
    folder = tmp_path_factory.mktemp("pdf")
    shutil.copy(corpus_dir / f"{STEM}.txt", folder / f"{STEM}.txt")
    pages = text_to_pdf((corpus_dir / f"{STEM}.txt").read_text(encoding="utf-8"), folder / f"{STEM}.pdf")
    return folder / f"{STEM}.txt", folder / f"{STEM}.pdf", pages


def facts(extraction):
    entities = {(key, e.cls) for key, e in extraction.entities.items()}
    mentioned = {m.key for m in extraction.mentions}
    return entities, mentioned


def test_pdf_and_text_yield_the_same_entities_and_provisions(pair):
    text, pdf, _pages = pair
    from_text, from_pdf = extract_file(text), extract_file(pdf)
    assert from_pdf.doc.kind == from_text.doc.kind
    text_entities, text_mentioned = facts(from_text)
    pdf_entities, pdf_mentioned = facts(from_pdf)
    provisions = {k for k, cls in text_entities if cls == "Provision"}
    assert provisions and provisions == {k for k, cls in pdf_entities if cls == "Provision"}
    assert pdf_entities == text_entities
    assert pdf_mentioned == text_mentioned


def test_pdf_mentions_carry_their_page(pair, tmp_path):
    _text, pdf, pages = pair
    assert pages >= 3
    extraction = extract_file(pdf)
    seen = {m.span.page for m in extraction.mentions}
    assert None not in seen and len(seen) >= 3 and max(seen) <= pages
    out = tmp_path / "out"
    report = build_corpus([pdf], out)
    assert report.ok, report.errors
    store = ox.Store.read_only(str(out / "store"))
    rows = list(store.query("""PREFIX polder: <https://w3id.org/polder/def#>
        SELECT DISTINCT ?page WHERE { ?m a polder:Mention ; polder:page ?page }""", use_default_graph_as_union=True))
    assert {int(r["page"].value) for r in rows} == seen
    assert json.loads((out / "manifest.json").read_text())["sources"][STEM]["path"].endswith(".pdf")


def test_a_page_of_a_mention_is_the_page_its_text_is_on(pair):
    _text, pdf, _pages = pair

    raw = read_document(pdf)
    page_texts = raw.text.split("\f")
    for mention in extract_file(pdf).mentions[:50]:
        assert mention.span.text in page_texts[mention.span.page - 1]


def test_a_page_that_cannot_be_read_loses_only_itself(tmp_path, monkeypatch):
    from pypdf import PageObject


    text = "\n".join(f"Regel {i} over de Arbowet." for i in range(3 * LINES_PER_PAGE))
    assert text_to_pdf(text, tmp_path / "d.pdf") == 3
    readable = PageObject.extract_text
    calls = []

    def second_page_broken(page, *args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyError("/Font")  # what pypdf raises on a page without its resources
        return readable(page, *args, **kwargs)

    monkeypatch.setattr(PageObject, "extract_text", second_page_broken)
    doc = read_document(tmp_path / "d.pdf")
    assert doc.warnings == ["page 2: text not readable (KeyError), left out"]
    assert len(doc.page_starts) == 3 and doc.text.count("\f") == 2
    assert "Regel 0 " in doc.text and f"Regel {2 * LINES_PER_PAGE} " in doc.text
    assert f"Regel {LINES_PER_PAGE} " not in doc.text
    assert doc.page_at(doc.text.index(f"Regel {2 * LINES_PER_PAGE} ")) == 3


# ---------------------------------------------------------------- cabinet responses as PDF
# A PDF's text layer has no blank lines: paragraphs, headings and footnotes follow each other
# line by line. The responses' recommendations and stances must come out as from the text.

RESPONSES = ("001_fc19e7c83bfebfab", "002_8ef608f686a71c2c")


def recommendations(extraction) -> dict[str, str]:
    """number → stance of every recommendation the extraction found."""
    stances = {}
    for key, entity in extraction.entities.items():
        if entity.cls == "Response":
            stance = next(str(v) for p, v in entity.props if p == "polder:stance")
            stances[key.rsplit("/", 2)[1]] = stance
    return stances


@pytest.mark.parametrize("stem", RESPONSES)
def test_a_response_printed_as_pdf_yields_its_recommendations_and_stances(stem, corpus_dir, tmp_path):
    text = extract_file(corpus_dir / f"{stem}.txt")
    text_to_pdf(layouts.printed((corpus_dir / f"{stem}.txt").read_text(encoding="utf-8"), 100), tmp_path / f"{stem}.pdf")
    pdf = extract_file(tmp_path / f"{stem}.pdf")
    assert "\n\n" not in pdf_text(tmp_path / f"{stem}.pdf")  # the condition under test: no blank lines
    expected = recommendations(text)
    assert len(expected) >= 8
    assert recommendations(pdf) == expected
    assert pdf.doc.title == text.doc.title


def pdf_text(path: Path) -> str:
    return read_document(path, 50_000_000).text.replace("\f", "")
