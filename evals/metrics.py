"""Metrics of one `Brief`, pure logic: no model, no files beyond what is passed in.

Each function takes a `Brief` (whose documents carry their text) and returns
plain numbers and lists, so the harness can put them in JSON as they are and
the tests can feed a hand-made brief. The entailment decider everywhere is
`summarizer.verifier.check` (its `supported` flag), unless a function is given
another `decide(claim, evidence_texts) -> bool`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from itertools import combinations
from pathlib import Path
from statistics import median

from summarizer.models import Brief, Citation, Item
from summarizer.segment.sentences import segment
from summarizer.verifier import check

Decide = Callable[[str, list[str]], bool]


def check_decides(claim: str, evidence: list[str]) -> bool:
    """The default decider: does `summarizer.verifier.check` accept the claim?"""
    return bool(evidence) and check(claim, evidence).supported


def _share(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def texts(brief: Brief) -> dict[str, str]:
    """doc_id -> decoded text of every document of the brief."""
    return {d.doc_id: d.text or "" for d in brief.documents}


# ---------------------------------------------------------------- citations


def citation_validity(brief: Brief) -> dict:
    """Share of the items' citations whose `[start, end)` is exactly their `cited_text`."""
    by_doc = texts(brief)
    cites = [c for it in brief.items for c in it.citations]
    bad = [
        c.sentence_id for c in cites
        if c.doc_id not in by_doc
        or not c.sentence_id.startswith(c.doc_id + "-s")
        or not 0 <= c.start < c.end <= len(by_doc[c.doc_id])
        or by_doc[c.doc_id][c.start : c.end] != c.cited_text
    ]
    return {"n": len(cites), "valid": _share(len(cites) - len(bad), len(cites)) if cites else 1.0,
            "invalid": bad}


_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’]?\s+(?=[A-Z\"“])")


def item_sentences(item: Item) -> list[str]:
    """The sentences of an item's text (an item is normally one sentence)."""
    return [s for s in _SENTENCE_END.split(item.text.strip()) if s.strip()]


def attribution(brief: Brief) -> float:
    """Share of the brief's sentences that carry at least one citation."""
    counted = [(len(item_sentences(it)), bool(it.citations)) for it in brief.items]
    total = sum(n for n, _ in counted)
    return _share(sum(n for n, cited in counted if cited), total) if total else 1.0


def support(brief: Brief, decide: Decide = check_decides) -> dict:
    """Share of items the pipeline's verdict accepts, and that `decide` accepts again."""
    items = brief.items
    rechecked = [decide(it.text, [c.evidence for c in it.citations]) for it in items]
    return {
        "n": len(items),
        "verdict": _share(sum(it.verdict.supported for it in items), len(items)),
        "recheck": _share(sum(rechecked), len(items)),
        "unsupported": [it.text for it, ok in zip(items, rechecked, strict=True) if not ok],
    }


# ---------------------------------------------------------------- ALCE


def alce(brief: Brief, decide: Decide = check_decides) -> dict:
    """ALCE citation recall and precision (Gao et al., 2023), `decide` as the NLI model.

    Recall: an item counts when the union of its citations supports it (an item
    with no citation counts 0). Precision: every citation of an item whose
    union does not support it is wrong; of a supported item with several
    citations, a citation is wrong ("irrelevant") when it alone does not
    support the item AND the other citations support it without it.
    """
    recalled, correct, total, irrelevant = 0, 0, 0, []
    for it in brief.items:
        cited = [c.evidence for c in it.citations]
        total += len(cited)
        joint = bool(cited) and decide(it.text, cited)
        recalled += joint
        if not joint:
            continue
        if len(cited) == 1:
            correct += 1
            continue
        for i, text in enumerate(cited):
            others = cited[:i] + cited[i + 1 :]
            if not decide(it.text, [text]) and decide(it.text, others):
                irrelevant.append(it.citations[i].sentence_id)
            else:
                correct += 1
    return {
        "recall": _share(recalled, len(brief.items)),
        "precision": _share(correct, total),
        "items": len(brief.items),
        "citations": total,
        "irrelevant": irrelevant,
    }


# ---------------------------------------------------------------- gold key facts


def _normal(text: str) -> str:
    return text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')


def locate(quote: str, text: str) -> tuple[int, int] | None:
    """`[start, end)` of `quote` in `text`, allowing straight for curly quote marks."""
    start = text.find(quote)
    if start < 0:
        start = _normal(text).find(_normal(quote))  # same length: indices carry over
    return (start, start + len(quote)) if start >= 0 else None


def _overlaps(c: Citation, doc_id: str, span: tuple[int, int]) -> bool:
    return c.doc_id == doc_id and c.start < span[1] and span[0] < c.end


def key_fact_recall(brief: Brief, gold: dict, decide: Decide = check_decides) -> dict:
    """Share of gold facts that some item covers.

    A fact is recalled when an item cites a span overlapping the fact's
    evidence quote in one of the fact's files ("span"), or when one of the
    fact's quotes supports the item's text ("text"). Quotes that cannot be
    found verbatim in their file are listed in `unresolved`.
    """
    by_name = {Path(d.path).name: d.doc_id for d in brief.documents}
    by_doc = texts(brief)
    facts, unresolved = {}, []
    matched_items: set[int] = set()
    for fact in gold["facts"]:
        how = None
        for name, quote in fact["evidence"].items():
            doc_id = by_name.get(name)
            span = locate(quote, by_doc[doc_id]) if doc_id else None
            if span is None:
                unresolved.append(f"{fact['id']}:{name}")
                continue
            for i, it in enumerate(brief.items):
                if any(_overlaps(c, doc_id, span) for c in it.citations):  # type: ignore[arg-type]
                    how = how or "span"
                    matched_items.add(i)
        for i, it in enumerate(brief.items):
            if any(decide(it.text, [q]) for q in fact["evidence"].values()):
                how = how or "text"
                matched_items.add(i)
        facts[fact["id"]] = how
    recalled = [f for f, how in facts.items() if how]
    return {
        "recall": _share(len(recalled), len(facts)),
        "n": len(facts),
        "recalled": {f: facts[f] for f in recalled},
        "missed": [f for f, how in facts.items() if not how],
        "items_off_gold": len(brief.items) - len(matched_items),
        "unresolved": unresolved,
    }


# ---------------------------------------------------------------- noise, redundancy


def noise_sentences(brief: Brief) -> dict[str, tuple[int, int, str]]:
    """sentence_id -> (start, end, reason) for every sentence the segmenter marks as noise."""
    documents = [d.document(d.text or "") for d in brief.documents]
    corpus = segment(documents)
    return {
        s.sentence_id: (s.start, s.end, s.noise)
        for d in corpus.documents for s in d.sentences if s.noise
    }


def noise_leakage(brief: Brief) -> dict:
    """Items that cite a sentence marked as noise (by ID or by overlapping span)."""
    noise = noise_sentences(brief)
    leaks = []
    for it in brief.items:
        for c in it.citations:
            hit = c.sentence_id in noise or any(
                sid.startswith(c.doc_id + "-s") and a < c.end and c.start < b
                for sid, (a, b, _) in noise.items()
            )
            if hit:
                leaks.append({"item": it.text, "sentence_id": c.sentence_id})
    return {"items": len({leak["item"] for leak in leaks}), "leaks": leaks,
            "noise_sentences": len(noise)}


def redundancy(brief: Brief, decide: Decide = check_decides) -> dict:
    """Pairs of items each of which supports the other: the brief says it twice."""
    items = brief.items
    pairs = [
        [i, j] for i, j in combinations(range(len(items)), 2)
        if decide(items[i].text, [items[j].text]) and decide(items[j].text, [items[i].text])
    ]
    n_pairs = len(items) * (len(items) - 1) // 2
    return {"pairs": len(pairs), "share": _share(len(pairs), n_pairs), "which": pairs}


def corroboration(brief: Brief) -> dict:
    """Sources per item (distinct documents whose cited span supports it)."""
    sources = [it.sources for it in brief.items]
    return {
        "per_item": sources,
        "mean": _share(sum(sources), len(sources)),
        "multi_source_share": _share(sum(s >= 2 for s in sources), len(sources)),
    }


def origins(brief: Brief) -> dict[str, int]:
    out = {"drafted": 0, "repaired": 0, "replaced": 0, "quoted": 0}
    for it in brief.items:
        out[it.origin] = out.get(it.origin, 0) + 1
    return out


def words_per_item(brief: Brief) -> dict[str, float]:
    """Median and 90th percentile of the words of the brief's items (nearest rank)."""
    counts = sorted(len(it.text.split()) for it in brief.items)
    if not counts:
        return {"median": 0, "p90": 0, "max": 0}
    return {"median": median(counts), "p90": counts[min(len(counts) - 1,
                                                        math.ceil(0.9 * len(counts)) - 1)],
            "max": counts[-1]}


def brief_metrics(brief: Brief, gold: dict | None = None, decide: Decide = check_decides) -> dict:
    """Every metric of section 1 and 2 for one brief."""
    out = {
        "items": len(brief.items),
        "dropped": len(brief.dropped),
        "origins": origins(brief),
        "words_per_item": words_per_item(brief),
        "citation_validity": citation_validity(brief),
        "attribution": attribution(brief),
        "support": support(brief, decide),
        "noise_leakage": noise_leakage(brief),
        "redundancy": redundancy(brief, decide),
        "corroboration": corroboration(brief),
        "conflicts": [c.model_dump() for c in brief.conflicts],
        "alce": alce(brief, decide),
    }
    if gold is not None:
        out["key_facts"] = key_fact_recall(brief, gold, decide)
    return out
