"""Group sentences from different documents that state the same fact.

Star clustering over TF-IDF cosine: the most central sentence not yet used
seeds a fact, and each other document contributes its closest unused sentence
if it is close enough. A fact therefore holds at most one sentence per
document, and its weight is how many sources (outlets, else documents) it spans. Numbers that
disagree inside a fact are reported as conflicts, never averaged away; they
are read by the verifier's quantity reader, so "15 thousand" is 15000.

Grouping runs within one story at a time: its cost grows with the square of
a story's sentences, never with the whole input.
"""

from __future__ import annotations

import re
from itertools import combinations

import numpy as np

from summarizer.language.quantities import canon, read_quantities
from summarizer.language.similarity import tfidf_matrix
from summarizer.language.text import STOPWORDS, stem
from summarizer.models import Citation, Conflict, Corpus, Fact, Grouping, Sentence
from summarizer.verifier import same_fact

SAME_FACT = 0.3  # cosine at which two sentences from different sources share a fact


def group(corpus: Corpus) -> Grouping:
    body = corpus.body()
    if not body:
        return Grouping(facts=())
    sim = _similarity(body)
    centrality = _centrality(body, sim)
    used: set[int] = set()
    facts = []
    for seed in sorted(range(len(body)), key=lambda i: (-centrality[i], body[i].sentence_id)):
        if seed in used:
            continue
        members = [seed, *_closest_per_document(seed, body, sim, used)]
        used.update(members)
        members.sort(key=lambda i: body[i].sentence_id)
        facts.append(
            Fact(
                fact_id=f"f{len(facts) + 1:03d}",
                sentence_ids=tuple(body[i].sentence_id for i in members),
                sources=len({body[i].source for i in members}),
                centrality=round(float(np.mean([centrality[i] for i in members])), 6),
            )
        )
    conflicts = [c for f in facts for c in find_conflicts(f, corpus)]
    return Grouping(facts=tuple(facts), conflicts=tuple(conflicts))


def _similarity(body: list[Sentence]) -> np.ndarray:
    matrix = tfidf_matrix([s.text for s in body])
    return (matrix @ matrix.T).toarray()


def _centrality(body: list[Sentence], sim: np.ndarray) -> np.ndarray:
    """How strongly each sentence is echoed by other documents: sum of best matches."""
    docs = sorted({s.doc_id for s in body})
    doc_of = np.array([docs.index(s.doc_id) for s in body])
    scores = np.zeros(len(body))
    for d in range(len(docs)):
        columns = doc_of == d
        best = sim[:, columns].max(axis=1)
        scores += np.where(doc_of == d, 0.0, best)
    return scores / max(len(docs) - 1, 1)


def _closest_per_document(
    seed: int, body: list[Sentence], sim: np.ndarray, used: set[int]
) -> list[int]:
    """Each other document's unused sentence closest to `seed`, if close enough.

    One pass of numpy over the seed's row: sentences are grouped by document
    (`body` keeps each document's sentences together), so the best of each
    document is a `maximum.reduceat`; ties go to the earlier sentence.
    """
    row = sim[seed].copy()
    if used:
        row[list(used)] = -1.0
    doc_ids = [s.doc_id for s in body]
    starts = [i for i in range(len(body)) if i == 0 or doc_ids[i] != doc_ids[i - 1]]
    best = np.maximum.reduceat(row, starts)
    chosen = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else len(body)
        if doc_ids[start] == body[seed].doc_id or best[k] < SAME_FACT:
            continue
        chosen.append(start + int(np.argmax(row[start:end] == best[k])))
    return sorted(chosen, key=lambda i: doc_ids[i])


# A quantity as written: digits or number words, joined by spaces or hyphens.
_NUMBER_WORD = (
    r"(?:zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|"
    r"fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|"
    r"seventy|eighty|ninety|hundred|thousand|million|billion|trillion|dozen)"
)
_PART = rf"(?:\d[\d,]*(?:\.\d+)?|{_NUMBER_WORD})"
_COUNTED = re.compile(
    rf"(?<![\w.,])({_PART}(?:[\s-]+(?:and[\s-]+)?{_PART})*)[\s-]+([A-Za-z]+)", re.IGNORECASE
)


def counted_things(text: str) -> dict[str, str]:
    """Unit stem -> the number as written, for numbers followed by what they count.

    The number is read by the verifier's quantity reader (`quantities.py`), so
    "15 thousand troops" and "fifteen thousand troops" count 15000 troops.

    >>> counted_things("around 15,000 troops and an 8,700-ton submarine")
    {'troop': '15,000', 'ton': '8,700'}
    >>> counted_things("about 15 thousand troops")
    {'troop': '15 thousand'}
    """
    return {unit: written for unit, (written, _) in counted_values(text).items()}


def counted_values(text: str) -> dict[str, tuple[str, str]]:
    """Unit stem -> (number as written, its value as one canonical string)."""
    found: dict[str, tuple[str, str]] = {}
    for match in _COUNTED.finditer(text):
        written, unit = match.group(1).strip(), match.group(2)
        values = [q.value for q in read_quantities(written)]
        if len(values) != 1 or unit.lower() in STOPWORDS:
            continue
        found.setdefault(stem(unit.lower()), (written, canon(values[0])))
    return found


def find_conflicts(fact: Fact, corpus: Corpus) -> list[Conflict]:
    """Units counted with different quantities by sources that otherwise say the same thing.

    Sentences of one fact share words, not always their subject: "24 hours" of
    a search mission and "two hours" of diving are no disagreement. Two sources
    conflict only when one sentence, given the other's number, is supported by
    the other (`agree_but_for`).
    """
    by_unit: dict[str, dict[str, tuple[str, str]]] = {}
    for sentence_id in fact.sentence_ids:
        for unit, value in counted_values(corpus.sentence(sentence_id).text).items():
            by_unit.setdefault(unit, {})[sentence_id] = value
    conflicts = []
    for unit, values in sorted(by_unit.items()):
        if len({value for _, value in values.values()}) < 2:
            continue
        involved: set[str] = set()
        for a, b in combinations(values, 2):
            one, other = corpus.sentence(a), corpus.sentence(b)
            if values[a][1] != values[b][1] and one.source != other.source and (
                agree_but_for(one, values[a][0], other, values[b][0])
            ):
                involved.update((a, b))
        if involved:
            conflicts.append(Conflict(
                fact_id=fact.fact_id, unit=unit,
                values={sid: values[sid][0] for sid in values if sid in involved},
                citations=tuple(Citation.of(corpus.sentence(sid)) for sid in values
                                if sid in involved),
            ))
    return conflicts


def agree_but_for(one: Sentence, one_number: str, other: Sentence, other_number: str) -> bool:
    """Whether either sentence, with the other's number written in, is supported by the other."""
    return any(
        same_fact(a.readable.replace(a_number, b_number, 1), [b.readable]).supported
        for a, a_number, b, b_number in ((one, one_number, other, other_number),
                                         (other, other_number, one, one_number))
    )
