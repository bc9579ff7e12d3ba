"""Measure the verifier (`summarizer.verifier.decide`) on human-labelled dev data.

Sets, read from ``../shared/evaldata`` (or ``$EVALDATA``):

- WiCE oracle chunks: each claim has several rows of short evidence; a claim
  scores the max over its rows. ``supported`` is positive; ``partially_supported``
  counts as negative and is also reported on its own (share accepted).
- SummEdits (news): the summary against the whole article.
- FRANK: system summaries against their CNN/DM or XSum article; positive when
  every summary sentence is factual. Most of its summaries are lower-cased and
  PTB-tokenized, so they are detokenized and given the article's casing first.

For SummEdits and FRANK the summary is split into sentences and the article
into sentences; a summary scores the MIN over its sentences of
``check(sentence, article_sentences).score``, which is how the verifier is
applied per sentence in the pipeline.

Balanced accuracy, (TPR + TNR) / 2, is computed at ONE threshold on ``score``,
the same for every set: by default ``summarizer.verifier.decide.THRESHOLD``, which was
chosen on this dev data (``--tune`` prints the threshold that maximises the
mean over the three sets, as a check that it is still the right one).

Configurations: ``both`` (the entailment model and the rule signals, combined),
``signals alone`` (the model switched off), ``model alone`` (every rule
signal switched off) and, with ablation, each signal left out in turn. Each
configuration is scored at its own fixed threshold, ``check.threshold``,
chosen on held-out TRAINING data (never on these sets).

The adversarial suites are scored with ``check().supported``: the share of
perturbed claims rejected, per kind, and the share of faithful ones accepted;
``evals/adversarial/seeds.jsonl`` (hand-written over the seeds) and
``evals/adversarial/multinews.jsonl`` (rule-made from Multi-News clusters no
training data comes from, fixed before training) and ``evals/adversarial/duc.jsonl``
(template edits of DUC 2003 newswire read by hand, with role swaps written by hand:
attribution dropped, antonyms, swapped entities and roles, and true controls;
`evals/adversarial_duc.py`, frozen before the verifier was changed for it) are
reported apart.

Run: ``python -m evals.verifier [--limit N] [--no-ablation] [--tune]``; prints a
Markdown table and writes ``evals/out/verifier.json``.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from functools import lru_cache
from pathlib import Path

import pysbd

from summarizer.language.lemmas import getAllLemmas
from summarizer.language.text import STOPWORDS
from summarizer.segment.sentences import split_spans
from summarizer.verifier import decide as check_module
from summarizer.verifier.decide import MODEL, RULES, SIGNALS, check, clear_caches

ROOT = Path(__file__).resolve().parent.parent
EVALDATA = Path(os.environ.get("EVALDATA", ROOT.parent / "shared" / "evaldata"))
ADVERSARIAL = ROOT / "evals" / "adversarial" / "seeds.jsonl"
SUITES = {"seeds": ADVERSARIAL, "multinews": ROOT / "evals" / "adversarial" / "multinews.jsonl",
          "duc": ROOT / "evals" / "adversarial" / "duc.jsonl"}
OUT = ROOT / "evals" / "out" / "verifier.json"

_SEGMENTER = pysbd.Segmenter(language="en", clean=False)
# XSum/BBC articles often lose the space after a full stop ("Kosaka.And").
_GLUED = re.compile(r"(?<=[a-z][.!?])(?=[A-Z][a-z])")

Example = tuple[float, str]  # (score, label): label is "pos", "neg" or "partial"
Scorer = Callable[[str, list[str]], float]


def scorer(disabled: frozenset[str] | None = None) -> Scorer:
    def score(claim: str, evidence: list[str]) -> float:
        return check(claim, evidence, disabled=disabled).score

    return score


def read_jsonl(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def build_suite(build: Callable[[int], list[dict]], path: Path, per_kind: int,
                about: str) -> None:
    """The command line of a suite's builder: `--per-kind N`, then the suite written."""
    parser = argparse.ArgumentParser(description=about)
    parser.add_argument("--per-kind", type=int, default=per_kind)
    write_suite(build(parser.parse_args().per_kind), path)


def write_suite(rows: list[dict], path: Path) -> None:
    """An adversarial suite, one JSON row a line, and a count of its rows per kind."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(len(rows), dict(Counter(r["kind"] for r in rows)))


# ---------------------------------------------------------------- splitting


@lru_cache(maxsize=4096)
def doc_sentences(text: str) -> tuple[str, ...]:
    """Article sentences, split the way the pipeline splits documents."""
    text = _GLUED.sub(" ", text)
    return tuple(text[a:b] for a, b in split_spans(text) if any(c.isalnum() for c in text[a:b]))


def summary_sentences(text: str) -> list[str]:
    out = [s.strip() for s in _SEGMENTER.segment(text)]
    return [s for s in out if any(c.isalnum() for c in s)]


def summary_score(sentences: Iterable[str], doc: tuple[str, ...], score: Scorer) -> float:
    """MIN over the summary's sentences of the sentence's score against the article."""
    values = [score(s, list(doc)) for s in sentences]
    return min(values) if values else 0.0


# ---------------------------------------------------------------- loaders


def wice_claims(limit: int | None = None) -> list[dict]:
    """WiCE claims with all their oracle-chunk rows: {claim, label, rows: [evidence...]}."""
    by_id: dict[str, dict] = {}
    for row in read_jsonl(EVALDATA / "wice" / "oracle_chunks__claim__dev.jsonl"):
        key = row["meta"]["id"]
        item = by_id.setdefault(key, {"claim": row["claim"], "label": row["label"], "rows": []})
        item["rows"].append(row["evidence"])
    claims = list(by_id.values())
    return claims[:limit] if limit else claims


def score_wice(score: Scorer, limit: int | None = None) -> list[Example]:
    label = {"supported": "pos", "not_supported": "neg", "partially_supported": "partial"}
    return [
        (max(score(c["claim"], rows) for rows in c["rows"]), label[c["label"]])
        for c in wice_claims(limit)
    ]


def score_summedits(score: Scorer, limit: int | None = None) -> list[Example]:
    rows = read_jsonl(EVALDATA / "summedits_news" / "summedits_news_dev.jsonl")[:limit]
    return [
        (
            summary_score(summary_sentences(r["summary"]), doc_sentences(r["doc"]), score),
            "pos" if r["label"] == 1 else "neg",
        )
        for r in rows
    ]


# PTB-tokenized text as FRANK ships it ("the comedian 's `` show '' -lrb- 2010 -rrb- .").
_PTB = [
    # A word the summarizer could not spell: a gap, not a claim to check.
    (re.compile(r"\s*\[?\bUNK\b\]?"), ""),
    (re.compile(r"-lrb-|-lsb-|-lcb-", re.IGNORECASE), "("),
    (re.compile(r"-rrb-|-rsb-|-rcb-", re.IGNORECASE), ")"),
    (re.compile(r"``|''"), '"'),
    (re.compile(r"\\'"), "'"),
    (re.compile(r" (?=(?:'s|'re|'ve|'ll|'d|n't|'m)\b)"), ""),
    (re.compile(r"\s+(?=[.,;:!?)])|(?<=[(])\s+"), ""),
]


def detokenize(text: str) -> str:
    """Undo PTB tokenization (brackets, quotes, clitics, spaces) and drop UNK tokens."""
    for pattern, replacement in _PTB:
        text = pattern.sub(replacement, text)
    return text.strip()


def truecase(sentence: str, source: str) -> str:
    """A lower-cased sentence given the casing its words have in `source`.

    Most FRANK summaries are lower-cased; without capitals the verifier cannot
    tell a name from any other word. A word the source does not contain stays
    as it is; the first letter of the sentence is raised.
    """
    if any(c.isupper() for c in sentence):
        return sentence
    cased = _casing(source)

    def restore(m: re.Match[str]) -> str:
        word = m.group()
        if word in cased:
            return cased[word]
        # Not in the source and in no dictionary: most likely a name the summary made up.
        name = word.isalpha() and word not in STOPWORDS and not getAllLemmas(word)
        return word.capitalize() if name else word

    out = re.sub(r"\b[a-z][\w'-]*", restore, sentence)
    return out[:1].upper() + out[1:]


@lru_cache(maxsize=256)
def _casing(source: str) -> dict[str, str]:
    """Lower-cased word -> its most frequent form in `source`."""
    forms: dict[str, Counter[str]] = defaultdict(Counter)
    for m in re.finditer(r"\b[A-Za-z][\w'-]*", source):
        word, j = m.group(), m.start() - 1
        while j >= 0 and source[j].isspace():
            j -= 1
        # A capital at the start of a sentence says nothing, unless no dictionary has the word.
        lower = word.lower()
        if (j >= 0 and source[j] not in '.!?"') or not (lower in STOPWORDS or getAllLemmas(lower)):
            forms[lower][word] += 1
    return {w: c.most_common(1)[0][0] for w, c in forms.items()}


def score_frank(score: Scorer, limit: int | None = None) -> list[Example]:
    """FRANK's summary sentences, detokenized and truecased from their article."""
    rows = read_jsonl(EVALDATA / "frank" / "frank_dev.jsonl")[:limit]
    out = []
    for r in rows:
        sentences = r.get("summary_sentences") or summary_sentences(r["summary"])
        sentences = [truecase(s, r["article"]) for s in map(detokenize, sentences)
                     if any(c.isalnum() for c in s)]
        value = summary_score(sentences, doc_sentences(r["article"]), score)
        out.append((value, "pos" if r["label_binary_all_sentences_factual"] == 1 else "neg"))
    return out


SETS: dict[str, Callable[[Scorer, int | None], list[Example]]] = {
    "wice": score_wice,
    "summedits": score_summedits,
    "frank": score_frank,
}


# ---------------------------------------------------------------- metrics


def balanced_accuracy(examples: list[Example], threshold: float) -> dict[str, float]:
    """(TPR + TNR) / 2 with partials counted as negatives, plus partials accepted."""
    pos = [s for s, label in examples if label == "pos"]
    neg = [s for s, label in examples if label != "pos"]
    strict = [s for s, label in examples if label == "neg"]
    partial = [s for s, label in examples if label == "partial"]
    tpr = sum(s >= threshold for s in pos) / len(pos) if pos else 0.0
    tnr = sum(s < threshold for s in neg) / len(neg) if neg else 0.0
    result = {"bacc": 100 * (tpr + tnr) / 2, "tpr": 100 * tpr, "tnr": 100 * tnr,
              "n_pos": len(pos), "n_neg": len(neg)}
    if partial:
        strict_tnr = sum(s < threshold for s in strict) / len(strict) if strict else 0.0
        result["bacc_strict"] = 100 * (tpr + strict_tnr) / 2  # partials left out
        result["partial_accepted"] = 100 * sum(s >= threshold for s in partial) / len(partial)
    result["auc"] = 100 * auc(pos, neg)
    return result


def auc(pos: list[float], neg: list[float]) -> float:
    """Threshold-free ranking quality: P(score of a positive > score of a negative)."""
    if not pos or not neg:
        return 0.0
    wins = sum((p > n) + 0.5 * (p == n) for p in pos for n in neg)
    return wins / (len(pos) * len(neg))


def best_threshold(results: dict[str, list[Example]]) -> float:
    """The one threshold that maximises mean balanced accuracy over the sets."""
    candidates = sorted({round(s, 4) for ex in results.values() for s, _ in ex} | {0.5})
    return max(
        candidates,
        key=lambda t: sum(balanced_accuracy(ex, t)["bacc"] for ex in results.values()),
    )


# ---------------------------------------------------------------- adversarial


def adversarial(path: Path = ADVERSARIAL,
                disabled: frozenset[str] | None = None) -> dict[str, dict[str, float]]:
    """Per kind: count and the share judged correctly (perturbed rejected, faithful accepted)."""
    kinds: dict[str, list[bool]] = defaultdict(list)
    failures = []
    rows = read_jsonl(path)
    for row in rows:
        result = check(row["claim"], row["evidence"], disabled)
        correct = result.supported == row["label"]
        kinds[row["kind"]].append(correct)
        if not correct:
            failures.append({"kind": row["kind"], "claim": row["claim"], "score": result.score,
                             "reasons": list(result.reasons)})
    faithful = {r["kind"] for r in rows if r["label"]}
    perturbed = [c for k, v in kinds.items() if k not in faithful for c in v]
    kept = [c for k, v in kinds.items() if k in faithful for c in v]
    table = {k: {"n": len(v), "correct": 100 * sum(v) / len(v), "faithful": k in faithful}
             for k, v in sorted(kinds.items())}
    table["all perturbed"] = {"n": len(perturbed), "correct": 100 * sum(perturbed) / len(perturbed)}
    table["all faithful"] = {"n": len(kept), "correct": 100 * sum(kept) / max(len(kept), 1),
                             "faithful": True}
    return {"kinds": table, "failures": failures}  # type: ignore[dict-item]


# ---------------------------------------------------------------- timing


def time_brief(repeats: int = 5) -> float:
    """Seconds to check a 10-item brief, each claim against 5 evidence sentences.

    Caches are emptied before each repeat, as in a fresh `summarizer check`; the
    entailment model stays loaded (it loads once per process, timed apart).
    """
    rows = read_jsonl(ADVERSARIAL)
    evidence = [s for r in rows for s in r["evidence"]]
    items = [(rows[i]["claim"], evidence[i : i + 5]) for i in range(0, 50, 5)]
    best = float("inf")
    for _ in range(repeats):
        clear_caches()
        start = time.perf_counter()
        for claim, ev in items:
            check(claim, ev)
        best = min(best, time.perf_counter() - start)
    return best


# ---------------------------------------------------------------- main


CONFIGS: dict[str, frozenset[str]] = {
    "both": frozenset(),
    "signals alone": frozenset({MODEL}),
    "model alone": frozenset(RULES),
}


def run(limit: int | None, ablation: bool, tune: bool, threshold: float | None = None) -> dict:
    configs = dict(CONFIGS)
    if ablation:
        configs |= {f"- {name}": frozenset({name}) for name in SIGNALS if name != MODEL}
    report: dict = {"limit": limit, "configs": {}, "thresholds": {}}
    for label, disabled in configs.items():
        start = time.perf_counter()
        t = check_module.threshold(disabled) if threshold is None else threshold
        report["thresholds"][label] = t
        results = {name: load(scorer(disabled), limit) for name, load in SETS.items()}
        entry = {name: balanced_accuracy(ex, t) for name, ex in results.items()}
        if tune or label == "both":
            best = best_threshold(results)
            entry["best_threshold"] = best  # type: ignore[assignment]
            entry["bacc_at_best"] = {  # type: ignore[assignment]
                name: balanced_accuracy(ex, best)["bacc"] for name, ex in results.items()
            }
        if label == "both":
            entry["scores"] = results  # type: ignore[assignment]
        entry["seconds"] = round(time.perf_counter() - start, 1)  # type: ignore[assignment]
        report["configs"][label] = entry
    report["threshold"] = report["thresholds"]["both"]
    report["adversarial"] = {
        suite: {label: adversarial(path, CONFIGS[label]) for label in CONFIGS}
        for suite, path in SUITES.items()
    }
    report["brief_check_seconds"] = round(time_brief(), 4)
    return report


def markdown(report: dict) -> str:
    lines = [
        "Balanced accuracy (%) at each configuration's fixed threshold "
        "(WiCE: partially_supported as negative)",
        "",
        "| config | threshold | WiCE | WiCE sup-vs-not | WiCE partial acc. | SummEdits | FRANK "
        "| mean |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for label, e in report["configs"].items():
        w, s, f = e["wice"], e["summedits"], e["frank"]
        mean = (w["bacc"] + s["bacc"] + f["bacc"]) / 3
        lines.append(
            f"| {label} | {report['thresholds'][label]} | {w['bacc']:.1f} | "
            f"{w['bacc_strict']:.1f} | {w['partial_accepted']:.1f} | {s['bacc']:.1f} | "
            f"{f['bacc']:.1f} | {mean:.1f} |"
        )
    base = report["configs"]["both"]
    lines += [
        "",
        "AUC (both): " + ", ".join(
            f"{n} {base[n]['auc']:.1f}" for n in ("wice", "summedits", "frank")
        ),
        f"Best single threshold on this data (for reference only): {base['best_threshold']} -> "
        + ", ".join(f"{n} {v:.1f}" for n, v in base["bacc_at_best"].items()),
    ]
    for suite, by_config in report["adversarial"].items():
        labels = list(by_config)
        lines += ["", f"Adversarial suite `{suite}` (check().supported; % correct)", "",
                  "| kind | n | " + " | ".join(labels) + " |",
                  "|---|---|" + "---|" * len(labels)]
        for kind, v in by_config[labels[0]]["kinds"].items():
            what = "accepted" if v.get("faithful") else "rejected"
            cells = " | ".join(f"{by_config[c]['kinds'][kind]['correct']:.1f}" for c in labels)
            lines.append(f"| {kind} ({what}) | {v['n']} | {cells} |")
    lines += ["", f"10-item brief check(): {1000 * report['brief_check_seconds']:.1f} ms"]
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="first N items of each set")
    parser.add_argument("--no-ablation", action="store_true", help="only all signals on")
    parser.add_argument("--tune", action="store_true", help="best threshold for every config")
    parser.add_argument("--threshold", type=float, default=None,
                        help="one score threshold for every configuration "
                             "(default: each configuration's own, check.threshold)")
    args = parser.parse_args()
    if not EVALDATA.is_dir():
        raise SystemExit(f"{EVALDATA} not found: the dev sets are needed (set EVALDATA)")
    report = run(args.limit, not args.no_ablation, args.tune, args.threshold)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(report, indent=2), encoding="utf-8")
    print(markdown(report))
    print(f"\nwrote {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
