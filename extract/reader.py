"""Read a document file into text, keeping the text exactly as decoded.

Offsets produced later index into `RawDocument.text`, so nothing here normalises
newlines or whitespace. Pages are separated by form feeds: a PDF's pages are joined
with "\\f", and a text file's own form feeds count as page breaks too.
"""
from __future__ import annotations

import bisect
import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from .errors import ReadError

SUPPORTED_SUFFIXES = (".txt", ".md", ".pdf")
PAGE_SEPARATOR = "\f"
_SNIFF = 8192
_CONTROL_SHARE = 0.05  # more control characters than this in the first 8 KB: binary
_ALLOWED_CONTROLS = {9, 10, 12, 13}
_CONTROL_BYTES = bytes(b for b in [*range(32), 127] if b not in _ALLOWED_CONTROLS)


@dataclass
class RawDocument:
    path: str
    stem: str
    text: str
    encoding: str
    sha256: str
    warnings: list[str] = field(default_factory=list)
    page_starts: list[int] = field(default_factory=lambda: [0])

    def page_at(self, offset: int) -> int | None:
        """1-based page number of `offset`, None when the text has a single page."""
        if len(self.page_starts) <= 1:
            return None
        return max(1, bisect.bisect_right(self.page_starts, offset))


def read_document(path: str | Path, max_bytes: int = 50_000_000) -> RawDocument:
    p = Path(path)
    suffix = p.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES:
        shown = suffix or "(none)"
        raise ReadError(p, f"unsupported file type '{shown}' (supported: {', '.join(SUPPORTED_SUFFIXES)})")
    data = _read_bytes(p, max_bytes)
    if suffix == ".pdf":
        text, page_starts, warnings = _pdf_text(p, data)
        encoding = "pdf"
    else:
        text, encoding, warnings = _decode(p, data)
        page_starts = [0] + [m.end() for m in re.finditer(PAGE_SEPARATOR, text)]
    if not text.strip():
        raise ReadError(p, "empty file" if suffix != ".pdf" else "PDF has no text layer (scanned?)")
    return RawDocument(
        path=str(p), stem=p.stem, text=text, encoding=encoding,
        sha256=hashlib.sha256(data).hexdigest(), warnings=warnings, page_starts=page_starts,
    )


def iter_paths(paths: list[str | Path]) -> list[Path]:
    """Expand folders (recursively, sorted, supported suffixes, no hidden files).

    A file named explicitly is kept whatever its suffix, so that reading it reports why
    it is not supported instead of silently skipping it.
    """
    out: list[Path] = []
    seen: set[Path] = set()
    for given in paths:
        p = Path(given)
        if p.is_dir():
            found = sorted(
                f for f in p.rglob("*")
                if f.is_file() and f.suffix.lower() in SUPPORTED_SUFFIXES
                and not any(part.startswith(".") for part in f.relative_to(p).parts)
            )
        elif p.exists():
            found = [p]
        else:
            raise ReadError(p, "no such file or directory")
        for f in found:
            if f not in seen:
                seen.add(f)
                out.append(f)
    return out


def _read_bytes(p: Path, max_bytes: int) -> bytes:
    try:
        if p.is_dir():
            raise ReadError(p, "is a directory, not a file")
        size = p.stat().st_size
        if size > max_bytes:
            raise ReadError(p, f"file too large ({size} bytes > {max_bytes})")
        data = p.read_bytes()
    except FileNotFoundError:
        raise ReadError(p, "no such file") from None
    except PermissionError:
        raise ReadError(p, "permission denied") from None
    except IsADirectoryError:
        raise ReadError(p, "is a directory, not a file") from None
    except OSError as e:
        raise ReadError(p, f"cannot read file: {e.strerror or e}") from None
    if not data.strip():
        raise ReadError(p, "empty file")
    return data


def _looks_binary(data: bytes) -> bool:
    head = data[:_SNIFF]
    if b"\x00" in head:
        return True
    controls = len(head) - len(head.translate(None, _CONTROL_BYTES))
    return controls > _CONTROL_SHARE * len(head)


def _decode(p: Path, data: bytes) -> tuple[str, str, list[str]]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with its byte order mark (Windows "Unicode")
        return _decode_utf16(p, data), "utf-16", []
    if _looks_binary(data):
        raise ReadError(p, "binary file, not text")
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8"), "utf-8-sig", []
        except UnicodeDecodeError as e:
            raise ReadError(p, f"cannot decode: byte 0x{data[3 + e.start]:02x} at offset {3 + e.start} "
                               "is not valid UTF-8 after a UTF-8 byte order mark") from None
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError as e:
        first_bad = e.start
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError as e:
        raise ReadError(p, f"cannot decode: not UTF-8 (byte 0x{data[first_bad]:02x} at offset {first_bad}) "
                           f"nor cp1252 (byte 0x{data[e.start]:02x} at offset {e.start})") from None
    return text, "cp1252", [f"decoded as cp1252 (not valid UTF-8: byte 0x{data[first_bad]:02x} at offset {first_bad})"]


def _decode_utf16(p: Path, data: bytes) -> str:
    try:
        text = data.decode("utf-16")
    except UnicodeDecodeError as e:
        raise ReadError(p, f"cannot decode: invalid UTF-16 at offset {e.start} after a UTF-16 byte order mark") from None
    if not text.strip():
        raise ReadError(p, "empty file")
    head = text[:_SNIFF]
    # Bytes that are no text decode to scattered letters of many scripts, hardly ever to spaces.
    if _looks_binary(head.encode("utf-8", "replace")) or sum(c.isspace() for c in head) < 0.02 * len(head):
        raise ReadError(p, "binary file, not text")
    return text


def _pdf_text(p: Path, data: bytes) -> tuple[str, list[int], list[str]]:
    """The text of each page, joined by form feeds; where each page starts; warnings for pages
    whose text could not be read (they count as empty: one damaged page loses only itself)."""
    import io
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            try:
                reader.decrypt("")
            except Exception:
                raise ReadError(p, "cannot read PDF: encrypted") from None
        pages, warnings = [], []
        for number, page in enumerate(reader.pages, 1):
            try:
                pages.append((page.extract_text() or "").replace(PAGE_SEPARATOR, "\n"))
            except Exception as e:  # pypdf raises many kinds on a damaged content stream
                pages.append("")
                warnings.append(f"page {number}: text not readable ({type(e).__name__}), left out")
    except ReadError:
        raise
    except (PdfReadError, Exception) as e:  # pypdf raises many kinds on damaged files
        msg = str(e).splitlines()[0] if str(e) else type(e).__name__
        raise ReadError(p, f"cannot read PDF: {msg}") from None
    if not pages or not any(t.strip() for t in pages):
        raise ReadError(p, "PDF has no text layer (scanned?)")
    starts, pos = [], 0
    for t in pages:
        starts.append(pos)
        pos += len(t) + len(PAGE_SEPARATOR)
    return PAGE_SEPARATOR.join(pages), starts, warnings


def file_sha256(path: str | Path) -> str:
    """SHA-256 of a file's bytes, read in blocks (also for files too large to read whole)."""
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()
