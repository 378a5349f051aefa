"""Entity keys: the stable slug paths that the graph builder turns into IRIs.

Shared by the extractors (which name entities) and polder.graph.iri (which makes IRIs),
so that both always agree."""
from __future__ import annotations

import re
import unicodedata


# Letters that Unicode does not decompose into a Latin letter and an accent.
_LATIN_LETTERS = str.maketrans({"ı": "i", "ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "ß": "ss", "æ": "ae", "Æ": "AE",
                                "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D", "ð": "d", "þ": "th", "Þ": "Th"})


def slug(text: str) -> str:
    """A stable ASCII slug: 'Mariëtte Hamer' -> 'mariette-hamer', 'Yıldız' -> 'yildiz'."""
    text = unicodedata.normalize("NFKD", text.translate(_LATIN_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c)).lower()
    text = text.replace("&", "en")
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-") or "x"


def slug_stem(stem: str) -> str:
    """File stems keep their case and word characters, so that doc/<file-stem> matches."""
    return re.sub(r"[^A-Za-z0-9_.-]+", "-", stem).strip("-") or "document"


def document_key(stem: str) -> str:
    return f"doc/{slug_stem(stem)}"
