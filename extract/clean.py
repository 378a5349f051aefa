"""A clean view of a document's text for extraction, with an exact map back.

PDF and markdown noise is undone only by deleting or replacing characters, so every
clean character still knows where it came from: `CleanText.origin[i]` is the offset in
the original text of clean character i. Replacements only ever produce whitespace.

The work is done in a few passes; each pass is a list of edits ``(start, end,
replacement)`` applied at once by `_apply`, and the maps of the passes are composed:

1. line endings (CRLF, lone CR) become "\\n";
2. block noise: page numbers, page headers/footers, footnote blocks (moved to the end);
3. markdown markup;
4. footnote markers and words hyphenated across a line break;
5. line breaks: wrapped lines are joined, paragraph breaks stay.

Speed on the corpus (5 documents, 281 KB): about 2.5-3.2 MB/s (measured by
tests/extract/test_clean.py::test_speed_on_corpus, which prints the figure).
"""
from __future__ import annotations

import html
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from . import scan

Edit = tuple[int, int, str]
FOOTNOTE_SEPARATOR = "\n\n"


@dataclass
class CleanText:
    text: str
    origin: list[int]  # len(text) + 1 entries; origin[len(text)] is the end of the original

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Clean span -> original span (end exclusive, covering the last character)."""
        if end <= start:
            return self.origin[start], self.origin[start]
        return self.origin[start], self.origin[end - 1] + 1


def clean(text: str) -> CleanText:
    result = None  # None while no pass has changed the text: the map is then the identity
    for step in _passes():
        edits, appendix = step(text)
        if edits or appendix:
            result = _apply(text, edits, appendix, result.origin if result is not None else None)
            text = result.text
    if result is None:  # the identity map, made only now that it is needed
        result = CleanText(text, list(_identity(len(text) + 1)[:len(text) + 1]))
    return result


def clean_text(text: str) -> str:
    """`clean(text).text`, without the map back: for callers that only read the view."""
    for step in _passes():
        edits, appendix = step(text)
        if edits or appendix:
            text = "".join(piece for piece, _ in _pieces(text, edits, appendix))
    return text


def _passes():
    return (_line_endings, _characters, _blocks, _markdown, _markers_and_hyphens, _line_breaks)


# ---------------------------------------------------------------- edit engine

def _apply(text: str, edits: list[Edit], appendix: list[tuple[int, int]] = (),
           through: list[int] | None = None) -> CleanText:
    """Apply non-overlapping edits in one pass; append `appendix` spans at the end.

    An edit overlapping an earlier one is dropped. Replacement characters map to the
    start of the span they replace; appended spans keep their own origins. With `through`
    (the origins of `text` itself) the result maps through it: `_compose` in the same pass.
    """
    parts: list[str] = []
    origin: list[int] = []
    if through is None:
        through = _identity(len(text) + 1)  # maps each offset to itself
    for piece, origins in _pieces(text, edits, appendix):
        parts.append(piece)
        if isinstance(origins, range):
            origin.extend(through[origins.start:origins.stop])  # a slice, not one lookup per character
        else:
            origin.extend(through[o] for o in origins)
    origin.append(through[len(text)])
    return CleanText("".join(parts), origin)


_IDENTITY: list[int] = []
IDENTITY_LIMIT = 1 << 20  # offsets kept at most (about 36 MB)


def _identity(n: int) -> Sequence[int]:
    """The offsets 0 .. n-1 (or more) as a list. Copying offsets out of one shared list is many
    times faster than making them anew: a clean map holds an offset per character."""
    if n > IDENTITY_LIMIT:
        return range(n)
    if len(_IDENTITY) < n:
        _IDENTITY.extend(range(len(_IDENTITY), max(n, min(2 * len(_IDENTITY), IDENTITY_LIMIT))))
    return _IDENTITY


def _pieces(text: str, edits: list[Edit], appendix: list[tuple[int, int]]):
    """The clean text's pieces in order, each with the origins of its characters."""
    pos = 0
    for start, end, repl in sorted(edits, key=lambda e: (e[0], e[1])):
        if start < pos:
            continue
        yield text[pos:start], range(pos, start)
        yield repl, [start] * len(repl)
        pos = end
    yield text[pos:], range(pos, len(text))
    for start, end in appendix:
        sep_at = start if start < len(text) else len(text) - 1
        yield FOOTNOTE_SEPARATOR, [sep_at] * len(FOOTNOTE_SEPARATOR)
        yield text[start:end], range(start, end)


def _compose(first: CleanText, second: CleanText) -> CleanText:
    """`second` mapped through `first` (what `_apply(..., through=first.origin)` makes)."""
    return CleanText(second.text, list(map(first.origin.__getitem__, second.origin)))


def _lines(text: str) -> list[tuple[int, int]]:
    """(start, end) of each line, end including its newline."""
    out, pos = [], 0
    for m in re.finditer(r"\n", text):
        out.append((pos, m.end()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


# ---------------------------------------------------------------- pass 1

def _line_endings(text: str):
    return [(m.start(), m.end(), "\n") for m in re.finditer(r"\r\n?", text)], []


# Characters that PDF and HTML converters leave in words and between them: a soft hyphen or a
# zero-width space inside "Arbeids\xadomstandighedenwet" hides the law, a no-break space in
# "van\xa0Hijum" splits the name, a ligature in "ﬁnanciële" is no letter pair to the rules.
_INVISIBLE = "\xad\u200b\u200c\u200d\u2060"
_ODD_SPACES = "\xa0\u2007\u2009\u202f"
_LIGATURES = {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl",
              "\ufb05": "st", "\ufb06": "st"}
_ODD_CHARACTER = re.compile(f"[{_INVISIBLE}{_ODD_SPACES}{''.join(_LIGATURES)}]")


def _characters(text: str):
    edits: list[Edit] = []
    for m in _ODD_CHARACTER.finditer(text):
        char = m.group()
        edits.append((m.start(), m.end(), "" if char in _INVISIBLE else " " if char in _ODD_SPACES else _LIGATURES[char]))
    return edits, []


# ---------------------------------------------------------------- pass 2: blocks

_PAGE_NUMBER = re.compile(r"[ \t]*(?:[-–][ \t]*)?\d{1,3}(?:[ \t]*[-–])?[ \t]*\n?")
_PAGE_OF = re.compile(r"[ \t]*(?:Pagina|Page|Blz\.?)[ \t]+\d{1,4}(?:[ \t]+(?:van|of|/)[ \t]+\d{1,4})?[ \t]*\n?", re.I)
# Letterhead labels of Dutch government letters, repeated at the top of every page.
_HEADER_LABEL = re.compile(
    r"[ \t]*(?:Datum|Onze referentie|Uw referentie|Ons kenmerk|Uw kenmerk|Kenmerk|"
    r"Bijlage\(n\)|Bijlagen?|Contactpersoon|Afdeling|Directie)[ \t]*\n?", re.I)
_FOOTNOTE_START = re.compile(r"(\d{1,3})[ \t]+\S")
_LINK = re.compile(r"https?://|www\.")
_URL_LINE = re.compile(r"[ \t]*(?:https?://|file:/|www\.)\S+[ \t]*\n?")
_MD_RULE = re.compile(r"[ \t]*(?:-{3,}|\*{3,}|_{3,})[ \t]*\n?")
_MD_FOOTNOTE = re.compile(r"[ \t]*(?:<sup>\d{1,3}</sup>|\[\^\d{1,3}\]:)")
_BLANK = re.compile(r"[ \t\f]*\n?")


def _blocks(text: str):
    lines = _lines(text)
    removed: set[int] = set()
    appendix: list[tuple[int, int]] = []
    _page_numbers(text, lines, removed)
    _letterheads(text, lines, removed)
    _running_lines(text, lines, removed)
    _running_blocks(text, lines, removed)
    _pdf_footnotes(text, lines, removed, appendix)
    _md_footnotes(text, lines, removed, appendix)
    # (a removed line keeps the form feed it opens with: the page break still separates what is around it;
    # rfind gives -1 without one, and the edit starts at the line's start)
    edits = [(max(lines[i][0], text.rfind("\f", *lines[i]) + 1), lines[i][1], "") for i in sorted(removed)]
    return edits, appendix


def _is_blank(text: str, line: tuple[int, int]) -> bool:
    return _BLANK.fullmatch(text, *line) is not None


def _page_numbers(text, lines, removed):
    """A number alone on a line between blank lines, or "Pagina 3 van 25"."""
    for i, line in enumerate(lines):
        if _PAGE_OF.fullmatch(text, *line):
            removed.add(i)
        elif _PAGE_NUMBER.fullmatch(text, *line):
            before = i == 0 or _is_blank(text, lines[i - 1]) or text[line[0] - 2:line[0] - 1] == "\f"
            after = i + 1 == len(lines) or _is_blank(text, lines[i + 1])
            if before and after:
                removed.add(i)


def _letterheads(text, lines, removed):
    """Label/value pairs ("Datum" / "05-12-2025") clustered around a "Pagina N van M" line."""
    for i, line in enumerate(lines):
        if not _PAGE_OF.fullmatch(text, *line):
            continue
        for step in (-1, 1):
            j = i + step
            while 0 <= j < len(lines):
                if _is_blank(text, lines[j]):
                    j += step
                elif _HEADER_LABEL.fullmatch(text, *lines[j]) and step == 1 and j + 1 < len(lines):
                    removed.update((j, j + 1))
                    j += 2
                elif step == -1 and j > 0 and _HEADER_LABEL.fullmatch(text, *lines[j - 1]):
                    removed.update((j - 1, j))
                    j -= 2
                else:
                    break


def _pages(text, lines) -> list[list[int]]:
    """The indexes of each page's lines that are not blank (pages begin at form feeds)."""
    pages: list[list[int]] = [[]]
    for i, (s, e) in enumerate(lines):
        if "\f" in text[s:e]:
            pages.append([])
        if not _is_blank(text, (s, e)):
            pages[-1].append(i)
    return pages


def _line_key(text, line) -> str:
    """A line as it repeats from page to page: numbers (page, date) aside."""
    return re.sub(r"\d+", "#", text[line[0]:line[1]].replace("\f", "").strip())


def _running_lines(text, lines, removed):
    """Lines that open or close most pages (needs form feeds between pages)."""
    if "\f" not in text:
        return
    page_edges = _pages(text, lines)
    keys = Counter()
    edge_lines: list[tuple[str, int]] = []
    for page in page_edges:
        for i in {page[0], page[-1]} if page else ():
            key = _line_key(text, lines[i])
            if key:
                edge_lines.append((key, i))
                keys[key] += 1
    two_pages = len(page_edges) == 2  # (a line on both pages' edges runs; its first page copy may be the title)
    need = 2 if two_pages else max(3, len(page_edges) // 2)
    for key, i in edge_lines:
        ff = "\f" in text[lines[i][0]:lines[i][1]]  # a page's first line opens with the form feed: pypdf joins pages so
        if keys[key] >= need and (ff or not two_pages):
            removed.add(i)


RUNNING_BLOCK_LINES = 12  # the most lines a page's running header (a letter's sidebar) is looked for in


def _running_blocks(text, lines, removed):
    """The block of lines that opens every page after the first (a ministry's letter repeats its name,
    directorate, reference and date in a sidebar): each line of a page's leading run that opens
    most pages (numbers aside) goes. The first page keeps its copy, the letterhead."""
    if "\f" not in text:
        return
    pages = _pages(text, lines)
    if len(pages) < 3:
        return
    tops = Counter(k for page in pages[1:] for k in {_line_key(text, lines[i]) for i in page[:RUNNING_BLOCK_LINES]})
    need = max(2, (len(pages) - 1) * 2 // 3)
    for page in pages[1:]:
        for i in page[:RUNNING_BLOCK_LINES]:
            if tops[_line_key(text, lines[i])] < need:
                break
            removed.add(i)


def _pdf_footnotes(text, lines, removed, appendix):
    """Blocks of numbered notes ("6 Zoals dit ...") that PDF text puts inside the flow.

    A note's number must not be lower than the last note's, and its marker must occur
    shortly before it in the text. The block runs over the note's wrapped lines, the next notes and link
    lines; it ends at a blank line followed by other text or at a line opening with a
    space (pypdf begins a new page that way).
    """
    markers: dict[int, list[int]] | None = None  # found on the first numbered line only
    width: int | None | bool = False  # the text's wrap width, found on the first numbered line only
    expected = 1
    i = 0
    while i < len(lines):
        m = _FOOTNOTE_START.match(text, *lines[i])
        if i in removed or not m or int(m.group(1)) < expected:
            i += 1
            continue
        if markers is None:
            markers = _markers_by_number(text)
        if not _marker_near(markers.get(int(m.group(1)), ()), lines[i][0]):
            i += 1
            continue
        if width is False:
            width = wrap_width(text)
        i, expected = _take_footnote_block(text, lines, i, int(m.group(1)), removed, appendix, width)


def _markers_by_number(text: str) -> dict[int, list[int]]:
    markers: dict[int, list[int]] = {}
    for m in markers_in(text):
        if m.group(1).isdecimal():
            markers.setdefault(int(m.group(1)), []).append(m.start())
    return markers


def _marker_near(positions, line_start: int, reach: int = 6000) -> bool:
    return any(line_start - reach <= p < line_start for p in positions)


def _take_footnote_block(text, lines, i, number, removed, appendix, width=None):
    note_start = i
    last = i
    i += 1
    while i < len(lines) and i - note_start < 60:
        s, e = lines[i]
        m = _FOOTNOTE_START.match(text, s, e)
        if m and int(m.group(1)) == number + 1:
            _add_note(text, lines, note_start, last, removed, appendix)
            number, note_start, last = number + 1, i, i
        elif _URL_LINE.fullmatch(text, s, e):
            removed.add(i)
        elif _is_blank(text, (s, e)):
            j = i
            while j < len(lines) and _is_blank(text, lines[j]):
                j += 1
            nxt = lines[j] if j < len(lines) else None
            if not nxt or not (_URL_LINE.fullmatch(text, *nxt) or (
                    (m2 := _FOOTNOTE_START.match(text, *nxt)) and int(m2.group(1)) == number + 1)):
                break
            i = j - 1
        elif text[s] in " \t\f" or last < i - 1:
            break
        elif (_paragraph_ends(text[lines[last][0]:lines[last][1]].strip(), text, s, width)
              and not _LINK.search(text, s, e)):
            break  # the running text goes on under the note, with no blank line between (PDF text)
        else:
            last = i
        i += 1
    _add_note(text, lines, note_start, last, removed, appendix)
    return i, number + 1


def _add_note(text, lines, first, last, removed, appendix):
    removed.update(range(first, last + 1))
    start, end = lines[first][0], lines[last][1]
    while end > start and text[end - 1].isspace():
        end -= 1
    appendix.append((start, end))


def _md_footnotes(text, lines, removed, appendix):
    """Markdown rules ("---") and footnote definitions ("<sup>1</sup> ...", "[^1]: ...")."""
    for i, line in enumerate(lines):
        if i in removed:
            continue
        if _MD_RULE.fullmatch(text, *line):
            removed.add(i)
        elif _MD_FOOTNOTE.match(text, *line):
            _add_note(text, lines, i, i, removed, appendix)


# ---------------------------------------------------------------- pass 3: markdown

_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)
_MD_PAIRED = re.compile(
    r"(\*\*|__)(?=\S)(?:(?!\1).)+?(?<=\S)\1"
    r"|(?<![\w*\\])\*(?=[^\s*])[^*\n]*?(?<=[^\s*\\])\*(?![\w*])")
_MD_TAG = re.compile(r"<(sup|sub)>([^<\n]{0,40})</\1>")
_MD_ESCAPE = re.compile(r"\\(?=[\\`*_{}\[\]()#+\-.!<>|~])")
# A link or an image keeps its text (an image its alt text): "[tekst](url "titel")".
_MD_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\s]+(?:[ \t]+(?:\"[^\"\n]*\"|'[^'\n]*'))?\)")
# HTML that markdown converters leave in: block tags become line breaks, inline tags go.
_HTML_BLOCK = re.compile(r"</?(?:p|div|br|h[1-6]|li|ul|ol|blockquote|section|article|header|footer|figure|"
                         r"figcaption|table|thead|tbody|tr|hr)\b[^<>\n]*>", re.I)
_HTML_INLINE = re.compile(r"</?(?:a|abbr|b|cite|em|font|i|mark|q|small|span|strong|u)\b[^<>\n]*>", re.I)
_MD_QUOTE = re.compile(r"^(?:[ \t]*>)+[ \t]?", re.M)  # a quoted block's "> " (also "> > ")
_MD_NOTE_REFERENCE = re.compile(r"\[\^\d{1,3}\](?!:)")  # "[^1]"; the note itself opens with "[^1]:"
_HTML_ENTITY = re.compile(r"&(?:[a-zA-Z]{2,8}|#\d{2,5}|#x[0-9a-fA-F]{2,4});")
# A numbered line in bold that ends a sentence, with its paragraph on the next line: a heading
# ("**1. Behoud de loondoorbetalingsperiode van twee jaar.**" + "De SER is van mening ..."). Markdown
# reads the two lines as one paragraph, and so would the line-break pass; a blank line keeps them apart.
_MD_BOLD_HEADING = re.compile(r"(?m)^[ \t]*(?:\*\*|__)\d{1,2}(?:\.\d{1,2}){0,3}[.)]?[ \t]+[^\n]*[.!?](?:\*\*|__)[ \t]*(\n)(?=[ \t]*\S)")


# A box drawn in plain text around a quoted recommendation:
#   +------------------------------+
#   | Aanbeveling 1                |
#   | Stel een nationaal doel vast |
#   +------------------------------+
# Its borders go, and the bars that open and close each line; a row of several cells stays.
_BOX_BORDER = re.compile(r"(?m)^[ \t]*\+[-=]{8,}\+[ \t]*(?:\n|\Z)")
_BOX_LINE = re.compile(r"[ \t]*\|[ \t]?[^\n|]*?([ \t]*\|[ \t]*)(?=\n|\Z)")


def _box_edits(text: str) -> list[Edit]:
    edits: list[Edit] = []
    borders = list(scan.finditer(_BOX_BORDER, text))
    for top, bottom in zip(borders[::2], borders[1::2]):
        inner = [_BOX_LINE.fullmatch(text, a, b) for a, b in _line_spans(text, top.end(), bottom.start())]
        if not inner or None in inner:
            continue  # not a box of single cells: leave it as written
        edits += [(top.start(), top.end(), ""), (bottom.start(), bottom.end(), "")]
        for m in inner:
            bar = text.index("|", m.start())
            edits += [(m.start(), bar + 1 + (text[bar + 1:bar + 2] in " \t"), ""), (m.start(1), m.end(1), "")]
    return edits


def _line_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """(start, end) of each line in text[start:end], without its line break."""
    spans, at = [], start
    while at < end:
        stop = text.find("\n", at, end)
        stop = end if stop < 0 else stop
        spans.append((at, stop))
        at = stop + 1
    return spans


def _markdown(text: str):
    edits: list[Edit] = [(m.start(), m.end(), "") for m in scan.finditer(_MD_HEADING, text)]
    edits += [(m.start(), m.end(), "") for m in scan.finditer(_MD_QUOTE, text)]
    edits += [(m.start(1), m.end(1), "\n\n") for m in scan.finditer(_MD_BOLD_HEADING, text)]
    for m in scan.finditer(_MD_PAIRED, text):
        width = 2 if text.startswith(("**", "__"), m.start()) else 1
        edits += [(m.start(), m.start() + width, ""), (m.end() - width, m.end(), "")]
    for m in scan.finditer(_MD_TAG, text):
        line_start = m.start() == 0 or text[m.start() - 1] == "\n"
        if m.group(1) == "sup" and m.group(2).isdigit() and not line_start:
            edits.append((m.start(), m.end(), ""))  # a footnote reference
        else:
            edits += [(m.start(), m.start(2), ""), (m.end(2), m.end(), "")]
    edits += [(m.start(), m.end(), "") for m in scan.finditer(_MD_ESCAPE, text)]
    edits += _box_edits(text)
    for m in scan.finditer(_MD_LINK, text):
        edits += [(m.start(), m.start(1), ""), (m.end(1), m.end(), "")]
    edits += [(m.start(), m.end(), "") for m in scan.finditer(_MD_NOTE_REFERENCE, text)]
    edits += [(m.start(), m.end(), "\n") for m in scan.finditer(_HTML_BLOCK, text)]
    edits += [(m.start(), m.end(), "") for m in scan.finditer(_HTML_INLINE, text)]
    for m in scan.finditer(_HTML_ENTITY, text):
        character = html.unescape(m.group()).replace("\xa0", " ")  # &nbsp; as the space the rules know
        if character != m.group():  # an unknown name stays as written
            edits.append((m.start(), m.end(), character))
    return edits, []


# ---------------------------------------------------------------- pass 4: markers, hyphens

# Digits glued to a word ending in lower case ("Arbovisie3"), to an ampersand acronym
# ("RI&E4": no such name ends in a digit) or to punctuation after a word ("technologie.6",
# "advies‘…’1"); "2.7." and "CO2" are not markers.
_MARKER = re.compile(r"(?<![\d¹²³⁰⁴-⁹])([0-9]{1,3}|[¹²³⁰⁴-⁹]{1,3})(?![\d,.]\d)(?=[\s.,;:!?)\]]|$)")
_GLUED_BEFORE = re.compile(
    r"(?:[a-zà-ÿ]{2}|&[A-Z]|[^\W\d_][.,;:!?)\]]|[^\W\d_][)\]][.,;:!?]|\S[’”\"])\Z")
# `_MARKER` where `_GLUED_BEFORE` holds, as lookbehinds: `re` then rejects most digits
# itself (the opening lookahead makes it look at digits only).
_GLUED_MARKER = re.compile(
    r"(?=[0-9¹²³⁰⁴-⁹])(?<![\d¹²³⁰⁴-⁹])"
    r"(?:(?<=[a-zà-ÿ]{2})|(?<=&[A-Z])|(?<=[^\W\d_][.,;:!?)\]])|(?<=[^\W\d_][)\]][.,;:!?])|(?<=\S[’”\"]))"
    r"([0-9]{1,3}|[¹²³⁰⁴-⁹]{1,3})(?![\d,.]\d)(?=[\s.,;:!?)\]]|$)")
_NOT_MARKER_BEFORE = re.compile(r"\b(?:nr|nrs|art|blz|p|pag|no|lid|hfd|par|fig|tab)\.$", re.I)
_HYPHEN_BREAK = re.compile(r"([^\W\d_]+)-[ \t]*\n[ \t]*(?=([^\W\d_]+))")
_HYPHEN_AT_BREAK = re.compile(r"-[ \t]*\n")
_LETTER = re.compile(r"[^\W\d_]")
_KEEP_HYPHEN_PREFIXES = {"oud", "ex", "niet", "vice", "non", "semi", "pseudo", "zelf", "oud-"}
_COORDINATORS = {"en", "of", "tot", "noch"}
_VOWELS = set("aeiouyáéíóúäëïöü")


def _markers_and_hyphens(text: str):
    edits: list[Edit] = []
    for m in markers_in(text):
        edits.append((m.start(), m.end(), ""))
    for m in _hyphen_breaks(text):
        edits.append(_hyphen_edit(m))
    return edits, []


_MARKER_DIGIT = re.compile(r"[0-9¹²³⁰⁴-⁹]")  # where `_GLUED_MARKER` can match: its opening lookahead


def markers_in(text: str):
    """The matches of `_MARKER` that `_is_marker` accepts."""
    for m in _glued_markers(text):
        if _is_marker(text, m.start()):
            yield m


def _glued_markers(text: str):
    """`_GLUED_MARKER.finditer(text)`, tried only at digits: `re` finds a digit by itself many
    times faster than it tries the whole pattern at every character."""
    return scan.led_finditer(_GLUED_MARKER, _MARKER_DIGIT, text, text)


def _hyphen_breaks(text: str):
    """`_HYPHEN_BREAK.finditer(text)`, found from the rare "-\\n" back to the word's start:
    a match always starts at a word's first letter."""
    for hyphen in _HYPHEN_AT_BREAK.finditer(text):
        start = hyphen.start()
        while start and _LETTER.match(text, start - 1):
            start -= 1
        m = _HYPHEN_BREAK.match(text, start) if start < hyphen.start() else None
        if m:
            yield m


def _is_marker(text: str, start: int) -> bool:
    return (_GLUED_BEFORE.search(text, max(0, start - 3), start) is not None
            and not _NOT_MARKER_BEFORE.search(text, max(0, start - 5), start))


def _hyphen_edit(m: re.Match) -> Edit:
    """Join "belang-\\nrijker"; keep the hyphen in "SER-\\nadvies", "zee-\\negel",
    "oud-\\nwerknemers"; keep hyphen and space in "werk-\\nen privéleven".

    Heuristic: the hyphen is real when the next part starts with a capital, the first
    part is an abbreviation (all capitals), a known prefix, or the parts meet in two
    vowels (Dutch writes a hyphen against "klinkerbotsing").
    """
    first, nxt = m.group(1), m.group(2)
    hyphen = m.end(1)
    if nxt.lower() in _COORDINATORS:
        return hyphen + 1, m.end(), " "
    real = (nxt[0].isupper() or (first.isupper() and len(first) > 1)
            or first.lower() in _KEEP_HYPHEN_PREFIXES
            or (first[-1].lower() in _VOWELS and nxt[0].lower() in _VOWELS))
    return (hyphen + 1 if real else hyphen), m.end(), ""


# ---------------------------------------------------------------- pass 5: line breaks

_BREAK = re.compile(r"[ \t]*[\n\f][ \t\n\f]*")
_BREAK_CHAR = re.compile(r"[\n\f]")
_ITEM_START = re.compile(r"(?:\d+(?:\.\d+)*[a-h]?[.)]\s|[-–•*▪●◦·]\s?\S|\(?[a-z]\)\s|[a-h]\.[ \t]+[A-Z]|[A-Z]\.\s)")
_SENTENCE_END = ".!?:;"
_BRACKETED_LINE = re.compile(r"\([^()\n]*\)")
_NUMBERED_HEADING = re.compile(r"\d+(?:\.\d+)*[a-h]?[.)]?\s+[A-Z]")  # "2.1 Inleiding", "3. Rondvraag", "4) Sluiting", "3a Toelichting"
# the same, with numbers as headings have them (a year is none: "... van 2023." + "2024 De SER ...")
_HEADING_NUMBER = re.compile(r"\d{1,2}(?:\.\d{1,2}){0,3}[.)]?\s+[A-Z‘“]")
# A heading that names itself ("Aanbeveling 3: Onderzoek ...", "Agendapunt 4 Rondvraag"),
# however long: plain text often puts the next line right under it.
_LABEL_NUMBER = r"(?:\d{1,2}(?:\.\d{1,2}){0,3}[a-h]?|[IVX]{1,5}|[a-h])\b"
# "Aanbeveling 3: ...", "Aanbevelingen 4 tot en met 6 – ..." (a range answered at once)
_LABELLED_HEADING = re.compile(r"(?:Aanbeveling(?:en)?|Advies|Adviespunt|Agendapunt|Punt|Ad|Hoofdstuk|Paragraaf|Recommendation)"
                               rf"\s+{_LABEL_NUMBER}(?:\s*(?:-|–|tot\s+en\s+met|t/m|,|en)\s*{_LABEL_NUMBER})*"
                               r"\s*[:.)–-]?\s+[A-Z‘“]")
_SHORT_LINE = 40  # a line this short, capitalised and unpunctuated, standing alone is a heading
_NEXT_LINE_START = re.compile(r"\s*(\S)")
# a paragraph that opens with a name behind academic titles starts anew, though in lower case:
# "De minister van Sociale Zaken en Werkgelegenheid," + blank line + "mr. drs. H.W. ter Horst"
# a lettered heading or item: "a. Zet de richtlijn om", "b) Sluit aan bij ..."
_LETTERED_HEADING = re.compile(r"[a-h][.)][ \t]+[A-Z]")
_TITLED_NAME = re.compile(r"(?:(?:mr|dr|drs|prof|ir|ing)\.[ \t]*)+(?:[A-Z]\.|[A-Z][a-z])")
# a line that opens with a person's form of address or title, short enough to be one entry of a list
# a field's line: a label of one to four words and a colon ("Datum:", "**Plaats:**", "Ons kenmerk:")
_FIELD_LINE = re.compile(r"[*_ \t]*[A-Z][\w'’-]*(?:[ \t]+[\w'’-]+){0,3}[*_ \t]*:(?!\S)")
_PERSON_LINE = re.compile(r"(?:(?:[Dd]hr|[Mm]w|[Mm]evr|[Mm]r|[Dd]r|[Dd]rs|[Pp]rof|[Ii]r|[Ii]ng)\.[ \t]*|"
                          r"(?:[Dd]e[ \t]+heer|[Mm]evrouw)[ \t]+)+(?:[A-Z]\.|[A-Z][a-z]|(?:van|de|den|der|ter|ten)\b)")
_LIST_LINE = 80
# the fields that head minutes or a letter: who was there in what capacity, the date, the reference
_HEAD_FIELD = re.compile(r"[*_ \t]*(?:Aanwezig|Afwezig|Afgemeld|Verhinderd|Secretariaat|Secretaris|Notulist|Notulen|Verslag|"
                         r"Gasten?|Voorzitter|Agendaleden|Toehoorders?|Datum|Kenmerk|Ons[ \t]+kenmerk|Onderwerp|Betreft)(?:[ \t]+[\w'’-]+){0,3}[*_ \t]*:(?!\S)")
# the office a letter is signed in, on its own line above the name: "De staatssecretaris van Volksgezondheid, Welzijn en Sport,"
_SIGNING_OFFICE = re.compile(r"(?:[Dd]e[ \t]+)?(?:[Mm]inister|[Ss]taatssecretaris)[ \t]+(?:van|voor)[ \t]+[^\n]{3,80},")
_INITIALS_LINE = re.compile(r"(?:[A-Z]\.){1,4}[ \t]*(?:\([A-Z][a-z]+\)[ \t]*)?(?:[A-Z][a-z]|(?:van|de|den|der|ter|ten)\b)")


def _listed_person(text: str, pos: int = 0) -> bool:
    """Whether a line (at `pos`) opens with a person's name as a list writes it: after a form of
    address or title, or after initials ("W.H.M. (Wim) Scheepers, voorzitter")."""
    return _PERSON_LINE.match(text, pos) is not None or _INITIALS_LINE.match(text, pos) is not None
# a line that ends in a word that needs more after it is no heading: "... Sociale Zaken en"
_OPEN_END = re.compile(r"\s(?:en|of|de|het|een|van|voor|in|op|met|aan|bij|door|naar|tot|over|om|te|dat|die)$")
_WRAPPED_SHARE = 0.5  # of the longer lines, this many near the widest: the text is hard-wrapped
_FITS = 0.85  # a next word that would have fitted in this share of the width was broken off on purpose
_NEXT_WORD = re.compile(r"[ \t]*(\S+)")
_INNER_SENTENCE_END = re.compile(r"[.;!?]\s")  # a line that holds a sentence's end is no title
_LEADING_SPACE = re.compile(r"\s*")


def _line_breaks(text: str):
    edits: list[Edit] = []
    width = wrap_width(text)
    for m in _breaks(text):
        if m.start() == 0 or m.end() == len(text):
            continue
        repl = _break_replacement(text, m, width)
        if text[m.start():m.end()] != repl:
            edits.append((m.start(), m.end(), repl))
    return edits, []


def _breaks(text: str):
    """`_BREAK.finditer(text)`, found from each "\\n" or "\\f" back over the spaces before it:
    `_BREAK` opens with optional spaces, so `re` would try it at every character."""
    pos = 0
    while (brk := _BREAK_CHAR.search(text, pos)) is not None:
        start = brk.start()
        while start > pos and text[start - 1] in " \t":
            start -= 1
        m = _BREAK.match(text, start)
        yield m
        pos = m.end()


def _heading_follows(text: str, start: int) -> bool:
    """Whether the line at `start` is a short heading on its own line ("Reactie kabinet"):
    capitalised, without closing punctuation, ended by a line break, and followed by a line
    that opens a sentence. (A wrapped sentence's short line, "SER hebben dit besproken en",
    goes on in lower case.)"""
    end = text.find("\n", start, start + _SHORT_LINE + 1)
    if end < 0:
        return False
    line = text[start:end].rstrip()
    after = _NEXT_LINE_START.match(text, end)
    return (bool(line) and line[0].isupper() and line[-1] not in _SENTENCE_END + ",-"
            and after is not None and (after.group(1).isupper() or after.group(1).isdigit()))


def wrap_width(text: str) -> int | None:
    """The width in characters a hard-wrapped text (PDF text, a plain-text letter) was wrapped
    at; None when its lines are paragraphs of their own (markdown, word-processor text)."""
    lengths = sorted(len(line.strip()) for line in text.split("\n") if len(line.strip()) >= 20)
    if len(lengths) < 10:
        return None
    width = lengths[int(len(lengths) * 0.9)]
    near = sum(1 for n in lengths if 0.8 * width <= n <= 1.05 * width)
    return width if width <= 160 and near >= _WRAPPED_SHARE * len(lengths) else None


def _paragraph_ends(prev_line: str, text: str, start: int, width: int | None) -> bool:
    """Whether a hard-wrapped line that ends a sentence ends its paragraph: the next line's first
    word would have fitted on it, so the writer broke the line (PDF text keeps no blank line
    between paragraphs)."""
    if width is None or not prev_line or prev_line[-1] not in ".!?:":
        return False
    word = _NEXT_WORD.match(text, start)
    return bool(word) and word.group(1)[0].isupper() and len(prev_line) + 1 + len(word.group(1)) <= _FITS * width


_UNDER_A_NUMBER = re.compile(r"(?:^|\n)[ \t]*\d{1,2}[.)]?[ \t]*\n[^\n]+\Z")


def _break_replacement(text: str, m: re.Match, width: int | None = None) -> str:
    run = m.group()
    prev_line = text[text.rfind("\n", 0, m.start()) + 1:m.start()].strip()
    nxt = text[m.end():m.end() + 12]
    prev_char = prev_line[-1:] if prev_line else ""
    if run.count("\n") >= 2 or "\f" in run:
        # A page break or removed block may cut a sentence in two.
        mid_sentence = (len(prev_line) >= 30 and (prev_char.isalpha() or prev_char == ",")
                        and nxt[:1].islower() and not _TITLED_NAME.match(text, m.end())
                        and not _LETTERED_HEADING.match(text, m.end()))
        return " " if mid_sentence else "\n\n"
    if _ITEM_START.match(nxt) or nxt[:1] == "|" or prev_char == "|":  # a list item, a markdown table row
        return "\n"
    if len(prev_line) < _LIST_LINE and _listed_person(prev_line) and _listed_person(text, m.end()):
        return "\n"  # an attendance list, one person a line: "mw. dr. A.B. de Vries (kroonlid)", "A. Poelman (LTO)"
    if _HEAD_FIELD.match(text, m.end()):
        return "\n"  # a field of a meeting's head starts its own line: "Secretariaat: mw. M.L. Brouwer"
    if _SIGNING_OFFICE.fullmatch(prev_line) and nxt[:1].isupper():
        return "\n"  # the signer's name under the office: "De staatssecretaris van VWS," + "Ilse Jongbloed-Aksoy"
    if _FIELD_LINE.match(prev_line) and _FIELD_LINE.match(text, m.end()):
        return "\n"  # a block of fields, one a line: "**Datum:** 14 november 2025" + "**Plaats:** Den Haag"
    if ((_NUMBERED_HEADING.match(prev_line) or _LABELLED_HEADING.match(prev_line) or _BRACKETED_LINE.fullmatch(prev_line))
            and prev_char not in _SENTENCE_END and nxt[:1].isupper()):
        return "\n"  # (a heading's last line may be an aside in brackets: "(flexibilisering mbo-opleidingen)")
    if prev_char in ".!?" and (_HEADING_NUMBER.match(text, m.end()) or _LABELLED_HEADING.match(text, m.end())):
        # PDF text keeps no blank line above a heading: "... aanbodkant." + "3.2.1 Verhelder ...",
        # "... te monitoren." + "Aanbeveling 2: Versterk ..."
        return "\n"
    if _heading_follows(text, m.end()) or _paragraph_ends(prev_line, text, m.end(), width):
        return "\n"
    if nxt[:1].isupper() and _UNDER_A_NUMBER.search(text, max(0, m.start() - len(prev_line) - 12), m.start()):
        return "\n"  # a title under its number's own line ("Agendapunt" + "6" + "Consultatiereactie ... (ASZ/25/10)")
    if (prev_char and prev_char not in _SENTENCE_END + ",-" and nxt[:1].isupper()
            and not _OPEN_END.search(prev_line) and not _INNER_SENTENCE_END.search(prev_line)
            and text.find("\n", _LEADING_SPACE.match(text).end(), m.start()) < 0):
        return "\n"  # the document's first line is its title: PDF text runs it into the first paragraph
    heading_like = (len(prev_line) < 50 and prev_char and prev_char not in _SENTENCE_END + ",-"
                    and (nxt[:1].isupper() or nxt[:1] in "“‘\"'" or nxt[:1].isdigit())
                    and not _OPEN_END.search(prev_line) and not _name_split(prev_line, text, m.end()))
    return "\n" if heading_like else " "


# A name wrapped between its given name and its surname in a narrow column: "Namens de werkgevers reageert Sandra" +
# "Kooistra, beleidsadviseur ..." (a sentence's line, three words or more, that ends on a capitalised word, and a
# next line that goes on with a surname and a comma, a bracket or small words)
_GIVEN_NAME_END = re.compile(r"\S+\s+\S+\s+(?:\S+\s+)*[A-ZÀ-Ý][a-zà-ÿ]+(?:-[A-ZÀ-Ý][a-zà-ÿ]+)?$")
_SURNAME_GOES_ON = re.compile(r"(?:(?:van|de|der|den|ter|ten|el)[ \t]+){0,3}[A-ZÀ-Ý][a-zà-ÿ'’]+(?:-[A-ZÀ-Ý]?[a-zà-ÿ'’]+)?"
                              r"(?:,|[ \t]+\(|[ \t]+(?:is|was|zegt|vertelt|van|bij|en)\b)")


def _name_split(prev_line: str, text: str, start: int) -> bool:
    words = prev_line.split()
    return (bool(_GIVEN_NAME_END.search(prev_line)) and any(w[:1].islower() for w in words[:-1])
            and bool(_SURNAME_GOES_ON.match(text, start)))
