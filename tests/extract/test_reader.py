from pathlib import Path

import pytest

from polder.extract.errors import PolderError, ReadError
from polder.extract.reader import RawDocument, iter_paths, read_document


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


def test_crlf_kept_exactly(tmp_path):
    doc = read_document(write(tmp_path, "a.txt", b"Regel een\r\nRegel twee\r\n"))
    assert doc.text == "Regel een\r\nRegel twee\r\n"
    assert doc.encoding == "utf-8" and doc.warnings == []
    assert doc.stem == "a" and len(doc.sha256) == 64
    assert doc.page_starts == [0] and doc.page_at(5) is None


def test_bom_is_dropped(tmp_path):
    doc = read_document(write(tmp_path, "b.md", "\ufeff# Titel é".encode("utf-8")))
    assert doc.encoding == "utf-8-sig"
    assert doc.text == "# Titel é"


def test_cp1252_with_warning(tmp_path):
    doc = read_document(write(tmp_path, "c.txt", "geïnformeerd – ‘advies’".encode("cp1252")))
    assert doc.encoding == "cp1252"
    assert doc.text == "geïnformeerd – ‘advies’"
    assert any("cp1252" in w for w in doc.warnings)


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_utf16_with_its_byte_order_mark(tmp_path, codec):
    text = "Kabinetsreactie op het SER-advies – ‘Werk’ é\r\n"
    doc = read_document(write(tmp_path, "u.txt", "\ufeff".encode(codec) + text.encode(codec)))
    assert doc.encoding == "utf-16" and doc.text == text and doc.warnings == []


def test_utf16_that_is_empty_binary_or_broken(tmp_path):
    with pytest.raises(ReadError, match="empty file"):
        read_document(write(tmp_path, "v.txt", "\ufeff  \n".encode("utf-16-le")))
    with pytest.raises(ReadError, match="binary file"):
        read_document(write(tmp_path, "w.txt", b"\xff\xfe" + bytes(range(1, 9)) * 50))
    with pytest.raises(ReadError, match="invalid UTF-16"):
        read_document(write(tmp_path, "x.txt", b"\xff\xfeA\x00\x00\xd8B\x00"))  # a lone surrogate


def test_undecodable(tmp_path):
    with pytest.raises(ReadError, match="cannot decode"):
        read_document(write(tmp_path, "d.txt", b"abc \xe9\x81 def"))


def test_binary(tmp_path):
    with pytest.raises(ReadError, match="binary file, not text"):
        read_document(write(tmp_path, "e.txt", b"PK\x03\x04\x00\x00 zip"))
    with pytest.raises(ReadError, match="binary file"):
        read_document(write(tmp_path, "f.txt", bytes(range(1, 9)) * 50 + b"tekst"))


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n "])
def test_empty(tmp_path, data):
    with pytest.raises(ReadError, match="empty file"):
        read_document(write(tmp_path, "g.txt", data))


def test_unsupported_suffix(tmp_path):
    p = write(tmp_path, "h.docx", b"tekst")
    with pytest.raises(ReadError) as e:
        read_document(p)
    assert str(e.value) == f"{p}: unsupported file type '.docx' (supported: .txt, .md, .pdf)"
    assert isinstance(e.value, PolderError) and e.value.path == str(p)


def test_too_large(tmp_path):
    with pytest.raises(ReadError, match=r"file too large \(11 bytes > 10\)"):
        read_document(write(tmp_path, "i.txt", b"x" * 11), max_bytes=10)


def test_missing(tmp_path):
    with pytest.raises(ReadError, match="no such file"):
        read_document(tmp_path / "nope.txt")


def test_form_feeds_are_pages(tmp_path):
    doc = read_document(write(tmp_path, "j.txt", b"een\ftwee\fdrie"))
    assert doc.page_starts == [0, 4, 9]
    assert [doc.page_at(i) for i in (0, 3, 4, 9, 12)] == [1, 1, 2, 3, 3]


def make_pdf(path: Path, pages: list[str]) -> None:
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(path))
    for text in pages:
        c.drawString(72, 720, text)
        c.showPage()
    c.save()


def test_pdf_pages(tmp_path):
    p = tmp_path / "k.pdf"
    make_pdf(p, ["Eerste pagina tekst", "Tweede pagina tekst", "Derde"])
    doc = read_document(p)
    assert doc.encoding == "pdf"
    assert len(doc.page_starts) == 3
    for n, word in enumerate(["Eerste", "Tweede", "Derde"], start=1):
        at = doc.text.index(word)
        assert doc.page_at(at) == n
        assert doc.text[doc.page_starts[n - 1]:].lstrip().startswith(word)


def test_pdf_without_text(tmp_path):
    p = tmp_path / "scan.pdf"
    from reportlab.pdfgen import canvas
    c = canvas.Canvas(str(p))
    c.rect(10, 10, 100, 100)
    c.showPage()
    c.save()
    with pytest.raises(ReadError, match=r"PDF has no text layer \(scanned\?\)"):
        read_document(p)


def test_broken_pdf(tmp_path):
    with pytest.raises(ReadError, match="cannot read PDF"):
        read_document(write(tmp_path, "broken.pdf", b"%PDF-1.4\nthis is not really a pdf\n"))


def test_iter_paths(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / ".hidden").mkdir()
    for name in ["b.txt", "a.md", "sub/c.pdf", "x.docx", ".h.txt", ".hidden/d.txt"]:
        (tmp_path / name).write_text("x")
    found = iter_paths([tmp_path])
    assert [p.relative_to(tmp_path).as_posix() for p in found] == ["a.md", "b.txt", "sub/c.pdf"]
    assert iter_paths([tmp_path / "x.docx"]) == [tmp_path / "x.docx"]
    assert iter_paths([tmp_path / "b.txt", tmp_path]) [0] == tmp_path / "b.txt"
    assert len(iter_paths([tmp_path / "b.txt", tmp_path])) == 3


def test_rawdocument_page_at_single_page():
    d = RawDocument("p", "p", "abc", "utf-8", "0" * 64, [], [0])
    assert d.page_at(1) is None
