"""Draft one brief sentence per planned fact with the local model.

The model sees the fact's source sentences under short labels [1], [2], ...
and a llama.cpp grammar lets it end only with labels from that list, so every
citation it writes resolves to a real sentence. Labels map back to sentence
IDs here, and each citation carries its sentence's exact span.
"""

from __future__ import annotations

import re
from concurrent.futures import ThreadPoolExecutor
from typing import Protocol

from summarizer import progress
from summarizer.draft import prompts
from summarizer.models import (
    Candidate,
    Citation,
    Corpus,
    Dropped,
    Fact,
    ModelInfo,
    Plan,
    Sentence,
)

TEMPLATE = "draft.j2"
MAX_NEW_TOKENS = 96
_CITED = re.compile(r"^(?P<text>.*?)(?P<labels>(?:\s*\[\d+\])+)\s*$", re.DOTALL)


class Drafter(Protocol):
    """What drafting needs from a model backend: in process (`Backend`) or a server."""

    @property
    def info(self) -> ModelInfo: ...

    where: str  # "in process", or the server's URL
    slots: int  # requests it takes at once

    def count_tokens(self, user_message: str) -> int: ...

    def context_size(self) -> int: ...

    def chat(self, user_message: str, grammar: str, max_tokens: int) -> str: ...


def citation_grammar(n_labels: int) -> str:
    """GBNF: a sentence, then one to `n_labels` citation labels from 1..n_labels.

    >>> print(citation_grammar(2))
    root ::= text cites
    text ::= [A-Z] [^\\[\\]\\n]*
    cites ::= cite cite?
    cite ::= " [" label "]"
    label ::= "1" | "2"
    """
    labels = " | ".join(f'"{i}"' for i in range(1, n_labels + 1))
    return "\n".join(
        [
            "root ::= text cites",
            r"text ::= [A-Z] [^\[\]\n]*",
            # Bounded, so the model cannot loop on labels until it runs out of tokens.
            "cites ::= cite" + " cite?" * (n_labels - 1),
            'cite ::= " [" label "]"',
            f"label ::= {labels}",
        ]
    )


def parse(raw: str, sentences: list[Sentence]) -> tuple[str, tuple[Citation, ...]]:
    """Split the model output into its sentence and the citations its labels name.

    Output with no labels (the model ran out of tokens) yields no citations,
    which verification then treats as unsupported.
    """
    match = _CITED.match(raw.strip())
    if not match:
        return raw.strip(), ()
    labels = dict.fromkeys(int(x) for x in re.findall(r"\d+", match.group("labels")))
    cited = [Citation.of(sentences[i - 1]) for i in labels if 1 <= i <= len(sentences)]
    return match.group("text").strip(), tuple(cited)


def draft_fact(fact: Fact, corpus: Corpus, model: Drafter) -> Candidate | Dropped:
    sentences = [corpus.sentence(sid) for sid in fact.sentence_ids]
    if len(sentences) == 1:
        # Nothing to fuse: the source's own sentence is the most faithful one there is, and
        # costs no model time (8 of the 30 facts of a 100-document brief have one sentence).
        only = sentences[0]
        return Candidate(fact_id=fact.fact_id, text=only.readable, citations=(Citation.of(only),),
                         raw="", origin="quoted")
    user = prompts.render(
        TEMPLATE,
        sentences=[{"label": i, "text": s.readable} for i, s in enumerate(sentences, 1)],
    )
    needed = model.count_tokens(user) + MAX_NEW_TOKENS
    if needed > model.context_size():
        return Dropped(
            text="",
            citations=tuple(Citation.of(s) for s in sentences),
            reasons=(f"prompt needs {needed} tokens; the model's context holds "
                     f"{model.context_size()}. Use a model with a larger context.",),
        )
    raw = model.chat(user, citation_grammar(len(sentences)), MAX_NEW_TOKENS)
    text, citations = parse(raw, sentences)
    return Candidate(fact_id=fact.fact_id, text=text, citations=citations, raw=raw)


def draft(plan: Plan, corpus: Corpus, model: Drafter) -> list[Candidate | Dropped]:
    return draft_all([(plan, corpus)], model)[0]


def draft_all(stories: list[tuple[Plan, Corpus]], model: Drafter, parallel: int = 1,
              ) -> list[list[Candidate | Dropped]]:
    """Every planned fact of every story drafted, up to `parallel` requests at once.

    The drafts come back in plan order whatever `parallel` is: each one depends on
    its own prompt alone, so the brief does not depend on how many ran together.
    A model server batches what arrives together (llama-server's slots, vLLM); the
    in-process model is given one request at a time.
    """
    jobs = [(fact, corpus) for plan, corpus in stories for fact in plan.facts]
    workers = max(1, min(parallel, model.slots, len(jobs)))
    if workers == 1:
        done = [draft_fact(fact, corpus, model)
                for fact, corpus in progress.steps(jobs, "drafting fact")]
    else:
        with ThreadPoolExecutor(workers, thread_name_prefix="draft") as pool:
            futures = [pool.submit(draft_fact, fact, corpus, model) for fact, corpus in jobs]
            try:
                done = [f.result() for f in progress.steps(futures, "drafting fact")]
            except BaseException:
                for future in futures:  # one failed: the brief fails, ask nothing more
                    future.cancel()
                raise
    out, start = [], 0
    for plan, _ in stories:
        out.append(done[start:start + len(plan.facts)])
        start += len(plan.facts)
    return out
