"""Drafting through a local OpenAI-compatible model server: llama-server, Ollama, LM Studio, vLLM.

The `openai` client speaks the protocol, with bounded time-outs and its own
retries (connection errors, 429 and 5xx, with back-off); whatever still fails
becomes one ModelError, so a brief either completes or writes nothing. Where
the server takes a GBNF grammar (llama.cpp's servers do), drafts are held to
the citation grammar as in process; a server that refuses the field is asked
again without it, and parsing and verification still keep every citation real.
"""

from __future__ import annotations

import os
import threading
from functools import cached_property

from summarizer.errors import ModelError
from summarizer.language.tokens import count as count_tokens
from summarizer.models import ModelInfo
from summarizer.settings import Settings

CONNECT_SECONDS = 5.0  # a server on loopback that takes longer to accept is not there
RETRIES = 2  # the client's own retries, with back-off, before a request fails
CHAT_OVERHEAD = 32  # tokens of chat markup around one user message, for any template
# For llama.cpp's servers: no reuse of a slot's cached prompt, since a prompt evaluated in a
# different split gives different numerics, and so a draft that depended on which request
# had used the slot before it. Sent with the grammar, and dropped with it by a server that
# refuses either.
LLAMA_CPP = {"cache_prompt": False}
# How to start llama-server so that a draft does not depend on what it was batched with.
# llama.cpp picks its CPU kernels by how many rows a batch holds: repacked weights take a
# gemm path from 4 rows and a gemv path below, flash attention a tiled path for long
# batches; each sums in another order, and a greedy draft can turn on the last bit. With
# these flags, and a build without llamafile's sgemm (`-DGGML_LLAMAFILE=OFF`, which is
# used from 2 rows up), a brief of 100 articles came out the same in 15 runs at
# --parallel 1, 2 and 4; a stock build with its defaults gave three briefs in 4 runs at 4.
DETERMINISTIC_LLAMA_SERVER = ("--no-repack", "--flash-attn", "off")


class ServerBackend:
    """One model on an OpenAI-compatible server, asked greedily with a fixed seed."""

    def __init__(self, url: str, model: str | None = None, settings: Settings | None = None,
                 ) -> None:
        import openai

        settings = settings or Settings()
        self.url = url.rstrip("/")
        self.where = self.url
        self.seed = settings.seed
        self.slots = settings.parallel
        self._context = settings.context
        self._grammar = True
        self._lock = threading.Lock()
        self._client = openai.OpenAI(
            base_url=self.url,
            # Local servers ignore the key; one that checks it reads it from the environment.
            api_key=os.environ.get("SUMMARIZER_LLM_KEY") or "none",
            timeout=openai.Timeout(settings.llm_timeout, connect=CONNECT_SECONDS),
            max_retries=RETRIES,
        )
        self.model = self._served(model)

    def _served(self, wanted: str | None) -> str:
        """The model to ask for: `wanted` if the server lists it, else the first it lists.
        Asking also proves that the server answers before any document is drafted."""
        listed = [m.id for m in self._ask(lambda: self._client.models.list().data,
                                          "listing its models")]
        if wanted and listed and wanted not in listed:
            raise ModelError(f"the model server at {self.url} does not serve {wanted!r} "
                             f"(it lists {', '.join(map(repr, listed[:5]))})",
                             "Pass one of those with --llm-model, or load the model.")
        if wanted:
            return wanted
        if not listed:
            raise ModelError(f"the model server at {self.url} lists no model",
                             "Load a model into the server, or name one with --llm-model.")
        return listed[0]

    @cached_property
    def info(self) -> ModelInfo:
        return ModelInfo(path=self.url, name=self.model, sha256="")

    def context_size(self) -> int:
        return self._context

    def count_tokens(self, user_message: str) -> int:
        """tiktoken's count plus the chat markup: the server's own tokenizer is not ours to
        call, so the setting `context` must not exceed what the server was started with."""
        return count_tokens(user_message) + CHAT_OVERHEAD

    def chat(self, user_message: str, grammar: str, max_tokens: int) -> str:
        """Greedy completion of one user turn, held to `grammar` where the server allows."""
        import openai

        request = {"model": self.model, "temperature": 0.0, "seed": self.seed,
                   "max_tokens": max_tokens,
                   "messages": [{"role": "user", "content": user_message}]}
        if self._grammar:
            try:
                return self._complete({**request, "extra_body": {**LLAMA_CPP, "grammar": grammar}})
            except ModelError as e:
                if not isinstance(e.__cause__, openai.BadRequestError):
                    raise
                with self._lock:  # refused the grammar: ask without it from now on
                    self._grammar = False
        return self._complete(request)

    def _complete(self, request: dict) -> str:
        response = self._ask(lambda: self._client.chat.completions.create(**request),
                             "drafting")
        choices = getattr(response, "choices", None)
        content = choices[0].message.content if choices else None
        if not isinstance(content, str):
            raise ModelError(f"the model server at {self.url} answered without a completion",
                             "Check that --llm-url points at a chat-completions server.")
        return content

    def _ask(self, call, doing: str):  # type: ignore[no-untyped-def]
        import openai

        try:
            return call()
        except openai.APIStatusError as e:
            raise ModelError(
                f"the model server at {self.url} refused {doing} "
                f"(HTTP {e.status_code}): {_first_line(e.message)}",
                "Check --llm-url and --llm-model against what the server serves.",
            ) from e
        except openai.APITimeoutError as e:
            raise ModelError(
                f"the model server at {self.url} did not answer {doing} in time",
                "Check that it is running and not overloaded, or raise `llm_timeout`.",
            ) from e
        except (openai.OpenAIError, ValueError) as e:
            raise ModelError(
                f"the model server at {self.url} could not be used for {doing}: "
                f"{_first_line(str(e))}",
                "Check that the server is running and --llm-url is right "
                "(e.g. http://127.0.0.1:8080/v1).",
            ) from e


def _first_line(text: str) -> str:
    """The first line of a library's message, without its full stop (ours follows)."""
    return (text.strip().splitlines() or [""])[0][:200].rstrip(".")
