"""Planted errors: perturb real source sentences, cite the original, see what survives.

Each perturbed sentence becomes a drafted `Candidate` that cites the sentence
it came from, inside that sentence's fact (from `summarizer.group`), and goes
through `summarizer.verify.verify_candidate`, exactly as a model draft would.
It is caught when it does not come out as an item with its own (perturbed)
text: dropped, or replaced by a source sentence. The unperturbed sentences go
the same way as a control: they should be kept. Sentences that could not
stand alone in a brief (`summarizer.standalone`) are left out of both, since
the plan never chooses them.

Perturbations, made in code:
- number: a number in the sentence changed (2 -> 3, 15,000 -> 16,000);
- entity: a capitalised name swapped for another name of the corpus that the
  sentence's fact never mentions;
- negation: "not" after the first auxiliary (is, was, has, will...), or a
  past-tense verb turned into "did not <verb>".
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from evals.perturb import base_form
from summarizer.language.text import proper_names
from summarizer.models import Candidate, Citation, Corpus, Fact, Sentence
from summarizer.segment import standalone
from summarizer.segment.standalone import is_reported
from summarizer.stories.group import group
from summarizer.verifier.verify_drafts import verify_candidate

KINDS = ("number", "entity", "negation")
_NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:,\d{3})+|\d+)(?!\w)")
_AUX = re.compile(r"\b(is|are|was|were|has|have|had|will|would|can|could|should)\b(?! not\b)")
_PAST = re.compile(r"\b(?!(?:[Uu]sed|[Nn]eed)\b)([a-z]{3,}ed)\b")
_NAME = re.compile(r"(?<![\w’'])[A-Z][a-z]{2,}\b")


def perturb_number(text: str) -> str | None:
    m = _NUMBER.search(text)
    if not m:
        return None
    raw = m.group(1)
    value = int(raw.replace(",", ""))
    step = 1 if value < 1000 else 10 ** (len(str(value)) - 2)
    new = value + step
    new_raw = f"{new:,}" if "," in raw else str(new)
    return text[: m.start(1)] + new_raw + text[m.end(1) :]


def perturb_entity(text: str, names: list[str], avoid: str) -> str | None:
    """Swap the first mid-sentence name for a corpus name that `avoid` (the fact) never has."""
    for m in _NAME.finditer(text):
        if m.start() == 0 or m.group().lower() not in proper_names(text):
            continue
        for other in names:
            if other.lower() not in avoid.lower():
                return text[: m.start()] + other + text[m.end() :]
    return None


def perturb_negation(text: str) -> str | None:
    if m := _AUX.search(text):
        return text[: m.end()] + " not" + text[m.end() :]
    if m := _PAST.search(text):
        return text[: m.start()] + "did not " + base_form(m.group(1)) + text[m.end() :]
    return None


def corpus_names(corpus: Corpus) -> list[str]:
    """Capitalised names of the corpus, most frequent first (as written)."""
    counts: Counter[str] = Counter()
    for s in corpus.body():
        found = proper_names(s.text)
        counts.update(m.group() for m in _NAME.finditer(s.text) if m.group().lower() in found)
    return [name for name, _ in counts.most_common()]


def survives(candidate: Candidate, sentences: list[Sentence], fact: Fact) -> bool:
    """Does the candidate come out of verification as drafted: its own words, or its own
    words shortened (`summarizer/verifier/concise.py`), not repaired or replaced?"""
    item, _ = verify_candidate(candidate, sentences, fact)
    return item is not None and item.origin == candidate.origin


def planted(corpus: Corpus, limit: int | None = None) -> dict:
    """Share caught per kind, share of unperturbed controls kept, and the misses."""
    grouping = group(corpus)
    names = corpus_names(corpus)
    results: dict[str, list[bool]] = defaultdict(list)
    missed, controls_lost = [], []
    for fact in grouping.facts:
        sentences = [corpus.sentence(sid) for sid in fact.sentence_ids]
        avoid = " ".join(s.text for s in sentences)
        for s in sentences:
            if len(s.text.split()) < 6 or not s.text.endswith((".", '"', "”")):
                continue
            # A sentence that cannot stand alone in a brief ("He said...", a quotation with
            # no speaker) is never planned and is rejected whatever it says: it would measure
            # the stand-alone rules, not whether the verifier sees a changed fact.
            if standalone.problem(s.text, is_reported(s, corpus.doc(s.doc_id).document.text)):
                continue
            cited = (Citation.of(s),)
            control = Candidate(fact_id=fact.fact_id, text=s.text, citations=cited, raw=s.text)
            kept = survives(control, sentences, fact)
            results["control"].append(kept)
            if not kept:
                controls_lost.append(s.text)
            variants = {
                "number": perturb_number(s.text),
                "entity": perturb_entity(s.text, names, avoid),
                "negation": perturb_negation(s.text),
            }
            for kind, text in variants.items():
                if text is None or text == s.text:
                    continue
                candidate = Candidate(fact_id=fact.fact_id, text=text, citations=cited, raw=text)
                caught = not survives(candidate, sentences, fact)
                results[kind].append(caught)
                if not caught:
                    missed.append({"kind": kind, "text": text, "original": s.text})
        if limit and sum(len(v) for k, v in results.items() if k != "control") >= limit:
            break
    perturbed = [c for k in KINDS for c in results[k]]
    return {
        "kinds": {k: {"n": len(results[k]), "caught": _share(results[k])} for k in KINDS},
        "caught": _share(perturbed),
        "n": len(perturbed),
        "controls_kept": _share(results["control"]),
        "controls": len(results["control"]),
        "missed": missed,
        "controls_lost": controls_lost,
    }


def _share(values: list[bool]) -> float:
    return sum(values) / len(values) if values else 0.0
