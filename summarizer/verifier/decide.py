"""Decide whether evidence supports a claim, combining the signals in `signals.py`.

Content alignment gives the base score; each hard error (a number, date or
name the evidence lacks, a flipped negation, an antonym, a swapped word of a
closed class, swapped roles) scales it down and is reported as a reason. With
several evidence texts the best single one is tried first, then the smallest
greedy union of the best few, as MiniCheck takes the best over chunks.

The learned entailment model (`entail.py`), when asked for, then reads the claim
beside the evidence, and a small logistic model fitted on held-out training data
(`combine.py`) turns its probability and the signals that fired into one
calibrated score; a number or date the evidence lacks stays a hard error.
Without the model (switched off as "model", off by default, or absent) the rule
score decides.

Every signal can be switched off by name (`disabled`), so that the eval
harness (`evals/verifier.py`) can measure what each one is worth.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from summarizer.models import CheckResult
from summarizer.verifier import attribution, combine, entail, signals

# A claim with no hard error scoring at or above it is supported. On the dev sets
# (evals/verifier.py) 0.75 gives a mean balanced accuracy of 70.6 and the best single
# threshold, 0.64, gives 71.3, but there the true negative rate falls on FRANK from
# 54% to 47% and on SummEdits from 62% to 54%; a brief that says less but is all true
# is the better trade, so 0.75 is kept.
THRESHOLD = 0.75
PENALTY = 0.4  # multiplier applied once per kind of hard error
UNION_POOL = 8  # evidence texts, best first, that a greedy union may draw on


def _pairs(found: list[tuple[str, str]], joiner: str) -> str:
    return ", ".join(f"{a}{joiner}{b}" for a, b in found)


# name -> (finder, how to report what it found); each finding is one hard error.
HARD_SIGNALS: dict[str, tuple[Callable[[str, str], object], Callable[[object], str]]] = {
    "numbers": (
        signals.missing_numbers,
        lambda found: f"numbers not in the evidence: {', '.join(found)}",  # type: ignore[arg-type]
    ),
    "names": (
        signals.missing_names,
        lambda found: f"names not in the evidence: {', '.join(found)}",  # type: ignore[arg-type]
    ),
    "negation": (signals.polarity_flip, lambda _: "negation differs from the evidence"),
    "antonyms": (
        signals.antonym_swaps,
        lambda found: "opposite words: " + _pairs(found, " vs "),  # type: ignore[arg-type]
    ),
    "classes": (
        signals.class_swaps,
        lambda found: "substituted words: " + _pairs(found, " for "),  # type: ignore[arg-type]
    ),
    "phrases": (
        signals.unsupported_phrase,
        lambda found: "unsupported phrase: " + " ".join(found),  # type: ignore[arg-type]
    ),
    "roles": (
        signals.role_swaps,
        lambda found: "roles swapped: " + _pairs(found, " and "),  # type: ignore[arg-type]
    ),
    # Who did what to whom, from the parse (`summarizer/language/roles.py`).
    "parties": (
        signals.party_errors,
        lambda found: "parties differ from the evidence: " + _pairs(  # type: ignore[arg-type]
            found, " where it has "),
    ),
}
# Signals also tried against every other evidence text that is about the claim:
# evidence elsewhere that says the opposite outweighs a text that merely overlaps.
# Antonyms are left out: a long article about a claim often uses one in passing
# ("Villa lost at Wembley" beside "won the semi-final"); on FRANK leaving them out
# gains a point of balanced accuracy and loses nothing elsewhere.
CONTRADICTIONS = ("negation",)
RELATED = 0.6  # coverage at which another evidence text counts as being about the claim
RULES: tuple[str, ...] = ("coverage", *HARD_SIGNALS, "contradiction", "attribution")
MODEL = "model"
SIGNALS: tuple[str, ...] = (*RULES, MODEL)
NONE: frozenset[str] = frozenset()
NO_CONTENT = "no content words to check"


def judge(
    claim: str, evidence: str, disabled: frozenset[str] = NONE
) -> tuple[float, list[str], bool]:
    """(score, reasons, hard_error) for one claim against one evidence text.

    `disabled` names signals (see `SIGNALS`) to leave out; without coverage
    the base score is 1.
    """
    judged = _judge(claim, evidence, disabled)
    return judged.score, judged.reasons, judged.hard


@dataclass(frozen=True)
class Judged:
    """What the rules found for one claim against one evidence text."""

    score: float
    reasons: list[str]
    fired: tuple[str, ...]  # names of the hard signals that found an error
    share: float  # coverage: the share of the claim's content words the evidence states

    @property
    def hard(self) -> bool:
        return bool(self.fired)


def _judge(claim: str, evidence: str, disabled: frozenset[str] = NONE) -> Judged:
    share, missing = (1.0, []) if "coverage" in disabled else signals.coverage(claim, evidence)
    reasons = []
    if not signals.content_units(claim) and "coverage" not in disabled:
        # Nothing to check ("He did it."): unsupported, and say why, since callers
        # report the first reason of every rejected claim.
        reasons.append(NO_CONTENT)
    elif missing:
        reasons.append(f"words not in the evidence: {', '.join(missing)}")
    errors, fired = [], []
    for name, (find, describe) in HARD_SIGNALS.items():
        if name not in disabled and (found := find(claim, evidence)):
            errors.append(describe(found))
            fired.append(name)
    score = share * PENALTY ** len(errors)
    return Judged(score, errors + reasons, tuple(fired), share)


def check(
    claim: str, evidence: list[str], disabled: frozenset[str] | None = None
) -> CheckResult:
    """Check `claim` against `evidence`: the rule signals, then the entailment model.

    `disabled=None` means every signal, and the model only when `entail.enabled()`.

    >>> r = check("Kim ordered new factories.", ["Rain fell.", "Kim orders new factories."],
    ...           disabled=frozenset({"model"}))
    >>> r.supported, r.score, r.evidence_index, r.reasons
    (True, 1.0, (1,), ('covers all content words',))
    """
    return check_with_rules(claim, evidence, disabled)[0]


def for_sources(disabled: frozenset[str] | None = None) -> frozenset[str]:
    """The signals for a source's own words (a source sentence, or one cut only at its
    commas) against other sources: all of `disabled`'s (by default every rule, and the
    model when it is on) but the parse, which is there for words written here (drafts,
    claims put to `summarizer check`) and costs a second to load."""
    if disabled is None:
        disabled = NONE if entail.enabled() else frozenset({MODEL})
    return disabled | {"parties"}


def check_with_rules(
    claim: str, evidence: list[str], disabled: frozenset[str] | None = None
) -> tuple[CheckResult, float]:
    """`check()`, and beside it the rules' own score, which keeps its meaning (the share
    of content words covered, scaled down per error) when the model is on."""
    if disabled is None:
        disabled = NONE if entail.enabled() else frozenset({MODEL})
    if not evidence or not claim.strip():
        return CheckResult(supported=False, score=0.0, evidence_index=(),
                           reasons=("no evidence",)), 0.0
    rules = rule_check(claim, evidence, disabled)
    p = None if MODEL in disabled else entail.probability(claim, evidence)
    if p is None:
        supported = _passes(rules.score, rules.hard) and rules.attributed is None
        reasons = rules.reasons or (["covers all content words"] if supported else [])
        return _result(supported, rules.score, rules.chosen, reasons), rules.score
    if set(RULES) <= disabled:  # the model alone, for the ablation
        score, hard = p, False
    else:
        score, hard = combine.score(p, rules), bool(set(rules.fired) & combine.KEPT_HARD)
        if hard or rules.attributed:  # as in the rules' own score: a named error pulls the
            score *= PENALTY  # score down too
    supported = (score >= combine.threshold(model_alone=set(RULES) <= disabled) and not hard
                 and rules.attributed is None)
    reasons = [f"entailment {p:.2f}", *rules.reasons]
    return _result(supported, score, rules.chosen, reasons), rules.score


def same_fact(claim: str, evidence: list[str]) -> CheckResult:
    """`check()` for whether two texts state one fact (grouping, restated news): who says
    it does not change what is said, so attribution is not asked for. Both are sources'
    words (or items made of them), so the parse is not read (`for_sources`)."""
    return check(claim, evidence, for_sources() | {"attribution"})


def threshold(disabled: frozenset[str] = NONE) -> float:
    """The score at which a claim without a hard error is supported, for this ablation."""
    if MODEL in disabled or entail.load() is None:
        return THRESHOLD
    return combine.threshold(model_alone=set(RULES) <= disabled)


def _result(supported: bool, score: float, chosen: list[int], reasons: list[str]) -> CheckResult:
    return CheckResult(
        supported=supported,
        score=round(min(max(score, 0.0), 1.0), 4),
        evidence_index=tuple(chosen),
        reasons=tuple(reasons),
    )


@dataclass(frozen=True)
class RuleVerdict:
    """The rule signals' verdict over a list of evidence texts."""

    score: float
    reasons: list[str]
    fired: tuple[str, ...]  # hard signals that fired, "contradiction" included
    share: float
    chosen: list[int]
    attributed: str | None = None  # who the evidence says said it, when the claim does not

    @property
    def hard(self) -> bool:
        return bool(self.fired)


def rule_check(claim: str, evidence: list[str], disabled: frozenset[str] = NONE) -> RuleVerdict:
    """The rules alone: the best single evidence text, else the best greedy union of them."""
    judged = [_judge(claim, e, disabled) for e in evidence]
    best = max(range(len(evidence)), key=lambda i: (judged[i].score, -i))
    chosen = [best]
    result = judged[best]
    if len(evidence) > 1 and not _passes(result.score, result.hard):
        ranked = sorted(range(len(evidence)), key=lambda i: (-judged[i].score, i))
        pool = ranked[:UNION_POOL] + _supplying(claim, evidence, best, ranked[UNION_POOL:])
        chosen = _greedy_union(claim, evidence, pool, result.score, disabled)
        if len(chosen) > 1:
            result = _judge(claim, _join(evidence, chosen), disabled)
    score, reasons, fired = result.score, result.reasons, result.fired
    if "contradiction" not in disabled and (found := _contradiction(claim, evidence, chosen,
                                                                     disabled)):
        score, reasons, fired = score * PENALTY, [found, *reasons], (*fired, "contradiction")
    who = None
    if "attribution" not in disabled and (who := attribution.unattributed(
            claim, [evidence[i] for i in sorted(chosen)])):
        # Unsupported whatever the score: the evidence says someone said it, not that it is
        # so. Like any named error, it pulls the score down too.
        score, reasons = score * PENALTY, [f"states as fact what the evidence attributes to {who}",
                                           *reasons]
    return RuleVerdict(score, reasons, fired, result.share, chosen, who)


def _passes(score: float, hard: bool) -> bool:
    return score >= THRESHOLD and not hard


def _join(evidence: list[str], chosen: list[int]) -> str:
    return " ".join(evidence[i] for i in sorted(chosen))


def _supplying(claim: str, evidence: list[str], best: int, rest: list[int]) -> list[int]:
    """Texts in `rest` that state a number or name of the claim that `best` lacks.

    A claim often joins a sentence's event to a figure stated elsewhere ("sales fell
    and it expects $5bn in 2023"); that sentence may share few other words with it.
    """
    lacking = {*signals.missing_numbers(claim, evidence[best]),
               *signals.missing_names(claim, evidence[best])}
    if not lacking:
        return []
    return [
        i for i in rest
        if lacking - {*signals.missing_numbers(claim, evidence[i]),
                      *signals.missing_names(claim, evidence[i])}
    ]


def _greedy_union(
    claim: str, evidence: list[str], pool: list[int], score: float, disabled: frozenset[str]
) -> list[int]:
    """Add evidence texts from `pool` (best first) while each raises the union's score."""
    chosen = [pool[0]]
    improved = True
    while improved:
        improved = False
        for i in pool:
            if i in chosen:
                continue
            trial = judge(claim, _join(evidence, [*chosen, i]), disabled)[0]
            if trial > score + 1e-9:
                chosen, score, improved = [*chosen, i], trial, True
    return chosen


def _contradiction(
    claim: str, evidence: list[str], chosen: list[int], disabled: frozenset[str]
) -> str | None:
    """A reason if another evidence text about the claim contradicts it."""
    for i, text in enumerate(evidence):
        if i in chosen or signals.coverage(claim, text)[0] < RELATED:
            continue
        for name in CONTRADICTIONS:
            find, describe = HARD_SIGNALS[name]
            if name not in disabled and (found := find(claim, text)):
                return f"evidence {i} contradicts it: {describe(found)}"
    return None


def clear_caches() -> None:
    """Empty the verifier's caches (word keys, parses, scored pairs), as in a fresh
    process; the entailment model and the parser's pipeline themselves stay loaded."""
    from summarizer.language import entities, quantities, roles, text, wordkeys
    from summarizer.verifier import coverage, opposites

    for module in (coverage, entities, opposites, quantities, text, wordkeys):
        for obj in vars(module).values():
            if callable(getattr(obj, "cache_clear", None)):
                obj.cache_clear()
    roles.clear_caches()
    entail.clear_cache()
