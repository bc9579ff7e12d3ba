"""The pure parts of drafting: the citation grammar, parsing labels, citations from sentences."""

from __future__ import annotations

import pytest

from summarizer.draft.drafting import citation_grammar, parse
from summarizer.models import Citation, Sentence

SENTENCES = [
    Sentence(
        sentence_id=f"d-s00{i}", doc_id="d", index=i, start=10 * i, end=10 * i + 6, text=f"S{i} x."
    )
    for i in range(3)
]


@pytest.mark.parametrize(
    ("n", "labels"),
    [(1, '"1"'), (2, '"1" | "2"'), (12, " | ".join(f'"{i}"' for i in range(1, 13)))],
)
def test_citation_grammar(n: int, labels: str) -> None:
    assert citation_grammar(n).splitlines() == [
        "root ::= text cites",
        r"text ::= [A-Z] [^\[\]\n]*",
        "cites ::= cite" + " cite?" * (n - 1),
        'cite ::= " [" label "]"',
        f"label ::= {labels}",
    ]


@pytest.mark.parametrize(
    ("raw", "text", "cited"),
    [
        ("Kim left. [1] [2]", "Kim left.", ["d-s000", "d-s001"]),
        ("Kim left. [2][1][2]", "Kim left.", ["d-s001", "d-s000"]),  # order kept, repeats once
        ("  Kim left. [3]  \n", "Kim left.", ["d-s002"]),
        ("Kim left.", "Kim left.", []),  # ran out of tokens before any label
        ("Kim left. [0] [4]", "Kim left.", []),  # labels outside the list resolve to nothing
        ("Kim left. [4] [1]", "Kim left.", ["d-s000"]),
        ("Kim left [1", "Kim left [1", []),
        ("[1]", "", ["d-s000"]),
    ],
)
def test_parse(raw: str, text: str, cited: list[str]) -> None:
    got_text, citations = parse(raw, SENTENCES)
    assert got_text == text
    assert [c.sentence_id for c in citations] == cited


def test_citation_of_copies_the_exact_span() -> None:
    c = Citation.of(SENTENCES[1])
    assert (c.doc_id, c.sentence_id, c.start, c.end, c.cited_text) == (
        "d",
        "d-s001",
        10,
        16,
        "S1 x.",
    )


def test_citations_of_seed_sentences_index_their_documents(seed_corpus) -> None:
    for segmented in seed_corpus.documents:
        text = segmented.document.text
        for s in segmented.sentences:
            c = Citation.of(s)
            assert text[c.start : c.end] == c.cited_text


def test_a_fact_of_one_sentence_is_quoted_resolved_and_never_sent_to_the_model() -> None:
    from summarizer.draft.drafting import draft_fact
    from summarizer.models import Corpus, Document, Fact
    from summarizer.segment.sentences import segment_document
    from summarizer.verifier.verify_drafts import verify_candidate

    class NoModel:  # drafting must not get as far as the model
        def count_tokens(self, user_message: str) -> int:
            raise AssertionError("the model was asked")

        context_size = chat = count_tokens

    text = ("Kim Jong Un visited a munitions factory on Friday, state media said.\n"
            "He ordered officials to build more missile factories next year.\n")
    segmented = segment_document(Document(doc_id="d", path="d.txt", title="", sha256="0",
                                          text=text))
    second = segmented.sentences[1]
    fact = Fact(fact_id="f1", sentence_ids=(second.sentence_id,), sources=1, centrality=1.0)
    candidate = draft_fact(fact, Corpus(documents=(segmented,)), NoModel())
    assert candidate.origin == "quoted"
    assert candidate.text == ("[Kim Jong Un] ordered officials to build more missile "
                              "factories next year.")
    item, lost = verify_candidate(candidate, [second], fact)
    assert lost is None and item is not None and item.origin == "quoted"
    assert item.citations[0].cited_text == second.text  # the exact words stay the citation
