"""Main-text extraction measured on the HTML development pages.

`python -m evals.htmldev` reads the 130 saved pages of `../shared/htmldev/`
and scores, by token-level precision, recall and F1 against the text of each
page's `expected.html` (as article-extraction benchmarks do), three texts:

- trafilatura alone (`trafilatura.extract`, its defaults, tables kept);
- `ingest`'s document text (trafilatura or readability-lxml, `webpage.py`);
- that text without the sentences the noise marker marks (what a brief can cite).

Tokens are lower-cased `\\w+` runs, counted as a bag; scores are the mean over
pages (a page `ingest` skips as no article scores its recall as 0). The
reference is what Mozilla's Readability.js keeps, not a human annotation.
The article pages are also scored in two fixed halves, by position in name
order: the noise rules for web pages were tuned on the even half only, so the
odd half is held out.
"""

from __future__ import annotations

import json
import logging
import re
import sys
import time
from collections import Counter
from pathlib import Path

import lxml.html
import trafilatura

from summarizer.errors import SummarizerError
from summarizer.ingest.files import ingest
from summarizer.segment.sentences import segment

ROOT = Path(__file__).resolve().parent.parent
HTMLDEV = ROOT.parent / "shared" / "htmldev" / "pages"
_TOKEN = re.compile(r"\w+")
SYSTEMS = ("trafilatura", "ingest", "ingest_body")


def tokens(text: str) -> Counter[str]:
    return Counter(_TOKEN.findall(text.lower()))


def prf(predicted: str, reference: str) -> tuple[float, float, float]:
    """Token-level precision, recall and F1 of `predicted` against `reference`.

    >>> prf("the cat sat", "the cat sat down")
    (1.0, 0.75, 0.8571428571428571)
    """
    ours, theirs = tokens(predicted), tokens(reference)
    hit = sum((ours & theirs).values())
    p = hit / sum(ours.values()) if ours else 0.0
    r = hit / sum(theirs.values()) if theirs else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def reference_text(page: Path) -> str:
    html = (page / "expected.html").read_text(encoding="utf-8")
    return lxml.html.fromstring(html).text_content() if html.strip() else ""


def ours(page: Path) -> tuple[str, str]:
    """`ingest`'s text of the page and its text without noise sentences ('' if skipped)."""
    try:
        corpus = segment(ingest([page / "source.html"]))
    except SummarizerError:
        return "", ""
    doc = corpus.documents[0]
    body = "\n".join(s.text for s in doc.sentences if s.is_body)
    return doc.document.text, body


def evaluate(root: Path = HTMLDEV, limit: int | None = None) -> dict:
    if not root.is_dir():
        return {"skipped": f"{root} not found"}
    logger = logging.getLogger("summarizer")
    level = logger.level
    logger.setLevel(logging.ERROR)  # skipped pages score 0 anyway; no warning per page
    try:
        return _evaluate(root, limit)
    finally:
        logger.setLevel(level)


def _evaluate(root: Path, limit: int | None) -> dict:
    pages = sorted(p for p in root.iterdir() if (p / "source.html").is_file())[:limit]
    scores: dict[str, list[tuple[float, float, float]]] = {name: [] for name in SYSTEMS}
    per_page, skipped, started = {}, [], time.perf_counter()
    for page in pages:
        reference = reference_text(page)
        alone = trafilatura.extract((page / "source.html").read_bytes()) or ""
        text, body = ours(page)
        if not text:
            skipped.append(page.name)
        results = {name: prf(out, reference)
                   for name, out in zip(SYSTEMS, (alone, text, body), strict=True)}
        for name, result in results.items():
            scores[name].append(result)
        per_page[page.name] = {name: round(r[2], 3) for name, r in results.items()}
    read = [i for i, page in enumerate(pages) if page.name not in skipped]
    systems = {name: _mean(rows) for name, rows in scores.items()}
    articles = {name: _mean([rows[i] for i in read]) for name, rows in scores.items()}
    # Two fixed halves by position in name order, so that a rule tuned on one can be
    # checked on the other.
    halves = {half: {name: _mean([rows[i] for i in read if i % 2 == parity])
                     for name, rows in scores.items()}
              for half, parity in (("even", 0), ("odd", 1))}
    return {"pages": len(pages), "systems": systems, "articles": articles, "halves": halves,
            "skipped": skipped,
            "seconds_per_page": round((time.perf_counter() - started) / max(len(pages), 1), 3),
            "per_page": per_page}


def _mean(rows: list[tuple[float, float, float]]) -> dict[str, float]:
    n = max(len(rows), 1)
    return {k: round(sum(r[i] for r in rows) / n, 4)
            for i, k in enumerate(("precision", "recall", "f1"))}


def lines(result: dict) -> list[str]:
    """The report section (Markdown)."""
    title = "## 7. Main text of saved web pages (htmldev)"
    if "skipped" in result and isinstance(result["skipped"], str):
        return [title, "", f"Skipped: {result['skipped']}", ""]
    rows = [f"| {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} | "
            f"{a['precision']:.3f} | {a['recall']:.3f} | {a['f1']:.3f} |"
            for (name, r), a in zip(result["systems"].items(), result["articles"].values(),
                                    strict=True)]
    return [title, "",
            f"{result['pages']} pages, token precision / recall / F1 against the text of "
            "Readability.js's output, mean over pages; `ingest_body` leaves out the sentences "
            "marked as noise.", "",
            "| text | P (all) | R (all) | F1 (all) | P (articles) | R (articles) | "
            "F1 (articles) |", "|---|---|---|---|---|---|---|", *rows, "",
            *_half_lines(result.get("halves", {})),
            f"Pages read as no article (scored 0 under 'all', left out under 'articles'): "
            f"{len(result['skipped'])} "
            f"({', '.join(result['skipped']) or 'none'}); "
            f"{result['seconds_per_page']:.2f} s per page (both extractors and the noise "
            "marker).", ""]


def _half_lines(halves: dict) -> list[str]:
    """The article pages in two halves by name order: even positions, where the noise rules
    for web pages were tuned (in-sample), and odd ones, held out."""
    if not halves:
        return []
    rows = [f"| {half} | {name} | {r['precision']:.3f} | {r['recall']:.3f} | {r['f1']:.3f} |"
            for half, systems in halves.items() for name, r in systems.items()]
    return ["By half (article pages, sorted by name; the noise rules for web pages were tuned "
            "on the even positions only, the odd ones are held out):", "",
            "| half | text | P | R | F1 |", "|---|---|---|---|---|", *rows, ""]


def update_results(result: dict, path: Path = ROOT / "evals" / "RESULTS.md") -> None:
    """Put this part's section into RESULTS.md, in place of an earlier one, before the cost."""
    text = path.read_text(encoding="utf-8")
    section = "\n".join(lines(result))
    head = section.split("\n", 1)[0]
    if head in text:
        start = text.index(head)
        end = text.find("\n## ", start + 1)
        text = text[:start] + section + ("\n" + text[end + 1 :] if end >= 0 else "")
    elif "## 6. Cost" in text:
        text = text.replace("## 6. Cost", section + "\n## 6. Cost", 1)
    else:
        text = text.rstrip("\n") + "\n\n" + section
    path.write_text(text, encoding="utf-8")


def main() -> None:
    """`python -m evals.htmldev [N] [--write-results]`: the first N pages, or all."""
    args = [a for a in sys.argv[1:] if a != "--write-results"]
    result = evaluate(limit=int(args[0]) if args else None)
    print("\n".join(lines(result)))
    if "--write-results" in sys.argv[1:]:
        update_results(result)
    worst = sorted(result.get("per_page", {}).items(), key=lambda kv: kv[1]["ingest_body"])[:10]
    print(json.dumps(dict(worst), indent=1))


if __name__ == "__main__":
    main()
