"""The backend against the real default GGUF model."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarizer.draft.backend import Backend
from summarizer.draft.drafting import citation_grammar
from summarizer.errors import ModelError
from summarizer.settings import Settings, default_model


@pytest.fixture(scope="module")
def model() -> Backend:
    return Backend(default_model(), n_ctx=Settings().context)


def test_default_model_loads_with_its_identity(model: Backend) -> None:
    info = model.info
    assert Path(info.path).name == "SmolLM2-135M-Instruct.Q4_1.gguf"
    assert len(info.sha256) == 64 and "smollm2" in info.name.lower()
    assert model.context_size() == 2048


def test_prompt_uses_the_models_chat_template(model: Backend) -> None:
    prompt = model.format("Hello there")
    assert "<|im_start|>user\nHello there<|im_end|>" in prompt
    assert prompt.endswith("<|im_start|>assistant\n")
    assert model.count_tokens("Hello there") == len(model.tokens(prompt))


def test_grammar_allows_only_listed_labels_and_repeats(model: Backend) -> None:
    user = "[1] Kim visited a factory.\n[2] Kim toured a plant.\nSay what both report."
    first = model.chat(user, citation_grammar(2), 48)
    assert first == model.chat(user, citation_grammar(2), 48)
    labels = [part.split("]")[0] for part in first.split("[")[1:]]
    assert set(labels) <= {"1", "2"}


def test_truncated_gguf_fails_to_load_with_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "cut.gguf"
    broken.write_bytes(default_model().read_bytes()[:4096])
    with pytest.raises(ModelError, match="could not load the model"):
        Backend(broken)


def test_each_draft_depends_on_its_own_prompt_only(model: Backend, seed_corpus) -> None:
    """Drafting the seeds' facts forwards and backwards gives each fact the same text."""
    from summarizer.draft.drafting import draft
    from summarizer.stories.group import group
    from summarizer.stories.plan import plan

    chosen = plan(group(seed_corpus), seed_corpus, 4, model.context_size())
    assert len(chosen.facts) >= 3
    reordered = chosen.model_copy(update={"facts": tuple(reversed(chosen.facts))})

    def texts(p):  # fact_id -> drafted text, in whatever order they were drafted
        drafts = draft(p, seed_corpus, model)
        return {f.fact_id: d.text for f, d in zip(p.facts, drafts, strict=True)}

    forwards = texts(chosen)
    assert forwards == texts(reordered)
    assert all(forwards.values())
