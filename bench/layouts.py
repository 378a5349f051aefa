"""Score the corpus in the other layouts documents come in, against the gold annotations.

    python bench/layouts.py [--corpus ../shared/corpus] [--work /tmp/polder-layouts] [NAME ...]

Each layout rewrites every corpus document the way another converter or a PDF gives it (the
same words, so the same gold), builds it with `polder build` and prints the acceptance scores
(F1 per kind, stance accuracy, competency questions passed) beside those of the corpus as it is:

    as-is        the files unchanged
    printed      markdown markup gone and paragraphs wrapped at 90 characters (a PDF's text)
    hyphenated   printed, with long words broken at line ends ("arbeidsomstandig-" + "heden")
    paged        printed, with "Pagina N van M" footers and form feeds every 55 lines
    unwrapped    hard-wrapped paragraphs joined into one line each (a word processor's text)
    crlf-nbsp    Windows line ends and no-break spaces after "van"
    cp1252       encoded as Windows-1252 instead of UTF-8
    pdf          printed at 100 characters as a PDF (reportlab): its text layer has no blank lines

A layout that loses recommendations or stances points at a reading rule that leans on one
document's layout. Needs reportlab (the test extras) for `pdf`.
"""
from __future__ import annotations

import argparse
import json
import random
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
KINDS = ("persons", "organisations", "laws", "provisions", "recommendations")


def paragraphs(text: str) -> list[str]:
    return re.split(r"\n\s*\n", text)


def printed(text: str, width: int = 90) -> str:
    text = re.sub(r"(?m)^#{1,6}[ \t]+", "", text)
    text = re.sub(r"\*\*|(?<!\w)\*|\*(?!\w)", "", text)
    text = re.sub(r"<sup>(\d+)</sup>", r"\1", text)
    text = re.sub(r"(?m)^---\s*$", "", text)
    return "\n\n".join("\n".join(textwrap.fill(line, width) for line in p.split("\n")) for p in paragraphs(text))


def hyphenated(text: str, seed: int = 1) -> str:
    rnd, lines = random.Random(seed), []
    for line in printed(text).split("\n"):
        words = line.split(" ")
        if len(words) > 3 and len(words[-1]) > 9 and words[-1].isalpha() and rnd.random() < 0.5:
            half = len(words[-1]) // 2
            lines += [" ".join(words[:-1] + [words[-1][:half] + "-"]), words[-1][half:]]
        else:
            lines.append(line)
    return "\n".join(lines)


def paged(text: str, every: int = 55) -> str:
    lines = printed(text).split("\n")
    pages = (len(lines) + every - 1) // every
    out = []
    for i in range(0, len(lines), every):
        out += lines[i:i + every] + [f"\nPagina {i // every + 1} van {pages}\n\f"]
    return "\n".join(out)


def unwrapped(text: str) -> str:
    """Lines of a paragraph joined; a line under 60 characters (a heading, a paragraph's last
    line) or before a list item ends its line."""
    out = []
    for p in paragraphs(text):
        lines = p.split("\n")
        joined = lines[0]
        for prev, line in zip(lines, lines[1:]):
            joined += (" " if len(prev.rstrip()) >= 60 and not re.match(r"\s*(?:\d+\.|[-*•]|#)", line) else "\n") + line
        out.append(joined)
    return "\n\n".join(out)


def write_pdf(text: str, target: Path, lines_per_page: int = 45) -> int:
    """`text` as a PDF with a real text layer, `lines_per_page` lines a page; the page count."""
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    from reportlab.pdfgen import canvas

    font = "Helvetica"
    if Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf").exists():  # keeps quotes and diacritics
        pdfmetrics.registerFont(TTFont("DejaVu", "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"))
        font = "DejaVu"
    pdf = canvas.Canvas(str(target), pagesize=A4)
    lines = [line.replace("\f", "") for line in text.splitlines()]
    for start in range(0, len(lines), lines_per_page):
        y = 800
        for line in lines[start:start + lines_per_page]:
            pdf.setFont(font, 7)
            pdf.drawString(20, y, line)
            y -= 17
        pdf.showPage()
    pdf.save()
    return (len(lines) + lines_per_page - 1) // lines_per_page


TEXT_LAYOUTS = {
    "as-is": lambda t: t,
    "printed": printed,
    "hyphenated": hyphenated,
    "paged": paged,
    "unwrapped": unwrapped,
    "crlf-nbsp": lambda t: t.replace(" van ", " van\u00a0").replace("\n", "\r\n"),
}
LAYOUTS = [*TEXT_LAYOUTS, "cp1252", "pdf"]


def make(layout: str, corpus: Path, target: Path) -> None:
    shutil.rmtree(target, ignore_errors=True)
    target.mkdir(parents=True)
    for source in sorted(p for p in corpus.iterdir() if p.suffix in (".txt", ".md")):
        text = source.read_text(encoding="utf-8")
        if layout == "cp1252":
            (target / source.name).write_bytes(text.encode("cp1252", errors="replace"))
        elif layout == "pdf":
            write_pdf(printed(text, 100), target / f"{source.stem}.pdf")
        else:
            (target / source.name).write_text(TEXT_LAYOUTS[layout](text), encoding="utf-8")


def score(trig: Path, acceptance: Path) -> dict:
    scores = subprocess.run([sys.executable, str(acceptance / "score.py"), str(trig), str(acceptance / "gold")],
                            capture_output=True, text=True, check=True).stdout
    result = json.loads(scores.strip().splitlines()[-1])
    cq = subprocess.run([sys.executable, str(acceptance / "cq.py"), str(trig), str(acceptance / "seed_cqs.json")],
                        capture_output=True, text=True).stdout.strip().splitlines()
    result["cq"] = cq[-1] if cq else "?"
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("layouts", nargs="*", metavar="NAME", help=f"layouts to score (default: all of {', '.join(LAYOUTS)})")
    parser.add_argument("--corpus", type=Path, default=SHARED / "corpus")
    parser.add_argument("--acceptance", type=Path, default=SHARED / "acceptance")
    parser.add_argument("--work", type=Path, default=Path("/tmp/polder-layouts"))
    args = parser.parse_args()
    unknown = sorted(set(args.layouts) - set(LAYOUTS))
    if unknown:
        parser.error(f"no layout {', '.join(unknown)} (layouts: {', '.join(LAYOUTS)})")
    polder = Path(sys.executable).with_name("polder")
    print(f"{'layout':12} " + " ".join(f"{k[:7]:>7}" for k in KINDS) + "  stance  competency questions")
    for layout in args.layouts or LAYOUTS:
        corpus, out = args.work / layout / "corpus", args.work / layout / "out"
        make(layout, args.corpus, corpus)
        subprocess.run([str(polder), "build", str(corpus), "-o", str(out), "--no-optimize"],
                       capture_output=True, check=True)
        result = score(out / "polder.trig", args.acceptance)
        print(f"{layout:12} " + " ".join(f"{result[k]['f1']:7.2f}" for k in KINDS)
              + f"  {result['stance_accuracy']:6.3f}  {result['cq']}", flush=True)


if __name__ == "__main__":
    main()
