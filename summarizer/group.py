"""Group sentences from different documents that state the same fact.

Star clustering over TF-IDF cosine: the most central sentence not yet used
seeds a fact, and each other document contributes its closest unused sentence
if it is close enough. A fact therefore holds at most one sentence per
document, and its weight is how many sources (outlets, else documents) it spans. Numbers that
disagree inside a fact are reported as conflicts, never averaged away.
"""

from __future__ import annotations

import re

import numpy as np

from .models import Conflict, Corpus, Fact, Grouping, Sentence
from .similarity import tfidf_matrix
from .text import STOPWORDS, stem

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
    chosen = []
    for doc_id in sorted({s.doc_id for s in body} - {body[seed].doc_id}):
        options = [
            i for i, s in enumerate(body) if s.doc_id == doc_id and i not in used
        ]
        if options:
            best = max(options, key=lambda i: (sim[seed, i], -i))
            if sim[seed, best] >= SAME_FACT:
                chosen.append(best)
    return chosen


_COUNTED = re.compile(r"(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)[\s-]+([A-Za-z]+)")


def counted_things(text: str) -> dict[str, str]:
    """Unit stem -> number as written, for numbers followed by what they count.

    >>> counted_things("around 15,000 troops and an 8,700-ton submarine")
    {'troop': '15,000', 'ton': '8,700'}
    """
    found = {}
    for number, unit in _COUNTED.findall(text):
        if unit.lower() not in STOPWORDS:
            found.setdefault(stem(unit.lower()), number)
    return found


def find_conflicts(fact: Fact, corpus: Corpus) -> list[Conflict]:
    """Units counted with different numbers by different sentences of one fact."""
    by_unit: dict[str, dict[str, str]] = {}
    for sentence_id in fact.sentence_ids:
        for unit, number in counted_things(corpus.sentence(sentence_id).text).items():
            by_unit.setdefault(unit, {})[sentence_id] = number
    return [
        Conflict(fact_id=fact.fact_id, unit=unit, values=values)
        for unit, values in sorted(by_unit.items())
        if len({v.replace(",", "") for v in values.values()}) > 1
    ]
