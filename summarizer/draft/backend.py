"""The only module that talks to llama-cpp-python.

The prompt is formatted with the model's own chat template (read from the
GGUF metadata) and tokenized here, so the token count used for the exact
context check is the count of exactly what the model is given.
"""

from __future__ import annotations

import hashlib
import logging
import os
from functools import cached_property
from pathlib import Path

from summarizer.errors import ModelError
from summarizer.models import ModelInfo
from summarizer.settings import Settings

GGUF_MAGIC = b"GGUF"


def check_model_file(path: Path) -> None:
    """Fail with one clear line unless `path` is a readable GGUF file."""
    if not path.is_file():
        raise ModelError(
            f"model file {path} does not exist",
            "Pass --model PATH to a .gguf file, or run `make setup` to install the default.",
        )
    with path.open("rb") as f:
        magic = f.read(4)
    if magic != GGUF_MAGIC:
        raise ModelError(
            f"{path} is not a GGUF model (it does not start with 'GGUF')",
            "Pass a .gguf chat model file; see models/README.md.",
        )


def sha256_of(path: Path) -> str:
    """The model file's SHA-256, read in blocks: a GGUF may be larger than memory allows."""
    with path.open("rb") as f:
        return hashlib.file_digest(f, "sha256").hexdigest()


class Backend:
    """A loaded GGUF chat model, greedy and seeded so that runs repeat exactly."""

    where = "in process"  # where drafts go, as a brief's `drafting.backend` says
    slots = 1  # one llama.cpp context: one request at a time

    def __init__(self, path: Path, n_ctx: int | None = None, seed: int | None = None) -> None:
        defaults = Settings()
        n_ctx = n_ctx or defaults.context
        seed = defaults.seed if seed is None else seed
        check_model_file(path)
        self.path = path
        self.seed = seed
        try:
            from llama_cpp import Llama
            from llama_cpp.llama_chat_format import Jinja2ChatFormatter

            # llama.cpp's own notices would interleave with the brief on stderr;
            # load failures still arrive as exceptions below.
            logging.getLogger("llama-cpp-python").setLevel(logging.CRITICAL)

            self._llm = Llama(
                model_path=str(path),
                n_ctx=n_ctx,
                n_threads=os.cpu_count() or 2,
                seed=seed,
                verbose=False,
            )
        except Exception as e:  # llama.cpp reports load failures as bare ValueErrors
            raise ModelError(
                f"could not load the model {path}: {e}",
                "Check that the file is a complete GGUF chat model; see models/README.md.",
            ) from e
        template = self._llm.metadata.get("tokenizer.chat_template")
        self._formatter = (
            Jinja2ChatFormatter(
                template=template,
                eos_token=self._token_text(self._llm.token_eos()),
                bos_token=self._token_text(self._llm.token_bos()),
            )
            if template
            else None
        )

    @classmethod
    def from_settings(cls, path: Path, settings: Settings) -> Backend:
        return cls(path, n_ctx=settings.context, seed=settings.seed)

    def _token_text(self, token: int) -> str:
        if token < 0:
            return ""
        return self._llm.detokenize([token], special=True).decode("utf-8", errors="ignore")

    @cached_property
    def info(self) -> ModelInfo:
        name = self._llm.metadata.get("general.name") or self.path.stem
        return ModelInfo(path=str(self.path), name=name, sha256=sha256_of(self.path))

    def context_size(self) -> int:
        return self._llm.n_ctx()

    def format(self, user_message: str) -> str:
        """The full prompt text: the chat template applied to one user message."""
        if self._formatter is None:  # a base model with no template: plain turn markers
            return f"User: {user_message}\nAssistant:"
        messages = [{"role": "user", "content": user_message}]
        return self._formatter(messages=messages).prompt

    def tokens(self, text: str) -> list[int]:
        return self._llm.tokenize(text.encode("utf-8"), add_bos=False, special=True)

    def count_tokens(self, user_message: str) -> int:
        return len(self.tokens(self.format(user_message)))

    def chat(self, user_message: str, grammar: str, max_tokens: int) -> str:
        """Greedy completion of one user turn, constrained by a GBNF grammar."""
        from llama_cpp import LlamaGrammar

        try:
            # llama-cpp-python would reuse the cached prefix of the previous prompt; the
            # different batch split changes the numerics enough to change a greedy path,
            # so a draft would depend on what was drafted before it. Start from empty.
            self._llm.reset()
            out = self._llm.create_completion(
                prompt=self.tokens(self.format(user_message)),
                max_tokens=max_tokens,
                temperature=0.0,
                seed=self.seed,
                grammar=LlamaGrammar.from_string(grammar, verbose=False),
            )
        except Exception as e:
            raise ModelError(
                f"the model failed while generating: {e}",
                "Try a smaller --max-items, or another GGUF chat model.",
            ) from e
        return out["choices"][0]["text"]

    def option_probabilities(self, user_message: str, options: tuple[str, ...]) -> list[float]:
        """Probability of each option as the first token of the reply, among the options only.

        This is what a grammar allowing only these options would sample from;
        reading the logits directly gives the probability instead of one draw.
        Each option counts with and without a capital first letter.
        """
        import llama_cpp
        import numpy as np

        prompt = self.tokens(self.format(user_message))
        if len(prompt) + 1 > self.context_size():
            raise ModelError(
                f"the question needs {len(prompt)} tokens; the model's context holds "
                f"{self.context_size()}",
                "Shorten the evidence, or raise `context` in the config file.",
            )
        try:
            self._llm.reset()
            self._llm.eval(prompt)
        except Exception as e:
            raise ModelError(
                f"the model failed while judging: {e}", "Try another GGUF model."
            ) from e
        logits = np.ctypeslib.as_array(
            llama_cpp.llama_get_logits_ith(self._llm.ctx, -1), shape=(self._llm.n_vocab(),)
        ).astype(np.float64)
        weights = []
        for option in options:
            ids = {self.tokens(v)[0] for v in (option, option.capitalize())}
            weights.append(sum(np.exp(logits[i] - logits.max()) for i in ids))
        total = sum(weights)
        return [w / total for w in weights]

