"""Fuzzing the reader and the extractors: any input ends in an Extraction or a PolderError."""
from __future__ import annotations

import hashlib

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from polder.extract.errors import PolderError, ReadError
from polder.extract.pipeline import extract
from polder.extract.reader import RawDocument, read_document

FUZZ = settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
WORDS = st.sampled_from(["artikel", "Artikel", "art.", "lid", "van de", "Wet", "SER", "1.", "2.3.", "de heer",
                         "Mevrouw", "\n", "\f", " ", "Arbowet", "kabinet", "Opening", "Rondvraag", ",", "a"])
NUMBERS = st.lists(st.integers(0, 999), min_size=1, max_size=12).map(lambda ns: ".".join(map(str, ns)) + ". ")


def raw(text: str) -> RawDocument:
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\f"]
    return RawDocument("fuzz.txt", "fuzz", text, "utf-8", hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest(),
                       page_starts=starts)


def check_extraction(text: str) -> None:
    try:
        result = extract(raw(text))
    except PolderError as exc:
        assert str(exc) and "\n" not in str(exc)
        return
    for mention in result.mentions:
        assert 0 <= mention.span.start <= mention.span.end <= len(text)
        assert text[mention.span.start:mention.span.end] == mention.span.text


@FUZZ
@given(st.text(max_size=3000))
def test_random_unicode_never_crashes_the_extractors(text):
    check_extraction(text)


@FUZZ
@given(st.lists(st.one_of(WORDS, NUMBERS, st.characters(max_codepoint=0x1F)), max_size=400).map(" ".join))
def test_legal_words_numbering_and_control_characters(text):
    check_extraction(text)


@FUZZ
@given(st.integers(1, 40), st.integers(20_000, 120_000))
def test_deep_numbering_and_very_long_lines(depth, length):
    numbering = ".".join(str(i % 9 + 1) for i in range(depth)) + ". Opening\n"
    long_line = ("artikel 5 van de Arbowet " * (length // 25))[:length]
    check_extraction(numbering + long_line + "\n" + "artikel " * 2000)


@FUZZ
@given(st.binary(max_size=4000), st.sampled_from([".txt", ".md", ".pdf"]))
def test_random_bytes_are_read_or_refused_with_a_reason(tmp_path_factory, data, suffix):
    path = tmp_path_factory.mktemp("fuzz") / f"doc{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path)
    except ReadError as exc:
        assert str(exc).startswith(str(path)) and exc.reason and "\n" not in str(exc)
        return
    assert doc.text.strip() and len(doc.sha256) == 64
    check_extraction(doc.text)


@FUZZ
@given(st.binary(min_size=1, max_size=2000))
def test_damaged_pdfs_are_refused_with_a_reason(tmp_path_factory, tail):
    path = tmp_path_factory.mktemp("pdf") / "damaged.pdf"
    path.write_bytes(b"%PDF-1.4\n" + tail)
    try:
        read_document(path)
    except ReadError as exc:
        assert "PDF" in exc.reason or "empty" in exc.reason
