"""The learned entailment model: P(evidence supports claim) from a small cross-encoder.

A MiniLM-L6 cross-encoder fine-tuned in this repository (`training/`, see
`entail_model/MODEL_CARD.md`), exported to ONNX and quantised to int8. It runs
with onnxruntime and a tokenizers `tokenizer.json`: no torch at run time. The
model is loaded once per process; pairs are scored one at a time (see `BATCH`) and cached.

The verifier uses it when `$SUMMARIZER_ENTAIL=1` (`enabled()`) or when a
caller of `check()` asks for it; by default it is off, since the model trained
so far does not yet beat the rule signals on the dev sets (MODEL_CARD.md).
When the model files are missing or fail to load, `load()` returns None and
says so once on stderr, in one line; the verifier then decides by the rule
signals alone. `$SUMMARIZER_ENTAIL_MODEL` points to another model folder.
"""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from summarizer.verifier.context import select

MODEL_DIR = Path(__file__).resolve().parent / "entail_model"
MODEL_FILE = "model.onnx"
MAX_LENGTH = 144  # tokens of evidence and claim together (160 in training; evidence is cut first)
# One pair a run: int8 activations are quantised with one scale for the whole batch, so
# in a batch a pair's probability moved with its neighbours (by 0.03 with this model), and
# `summarizer check` gave one claim different scores in different files.
BATCH = 1


def enabled() -> bool:
    """Whether `check()` consults the model when its caller does not say."""
    return os.environ.get("SUMMARIZER_ENTAIL", "") == "1"


def model_dir() -> Path:
    return Path(os.environ.get("SUMMARIZER_ENTAIL_MODEL") or MODEL_DIR)


@dataclass(frozen=True)
class Entailer:
    """An ONNX cross-encoder and its tokenizer."""

    session: Any
    tokenizer: Any
    sha256: str

    def probabilities(self, pairs: list[tuple[str, str]]) -> list[float]:
        """P(supported) for each (claim, evidence) pair, `BATCH` pairs a run."""
        import numpy as np

        out: list[float] = []
        names = {i.name for i in self.session.get_inputs()}
        for i in range(0, len(pairs), BATCH):
            chunk = pairs[i : i + BATCH]
            # Evidence first, claim second: the order the model was trained on.
            encoded = self.tokenizer.encode_batch([(e, c) for c, e in chunk])
            feeds = {
                "input_ids": np.array([e.ids for e in encoded], dtype=np.int64),
                "attention_mask": np.array([e.attention_mask for e in encoded], dtype=np.int64),
                "token_type_ids": np.array([e.type_ids for e in encoded], dtype=np.int64),
            }
            logits = self.session.run(None, {k: v for k, v in feeds.items() if k in names})[0]
            shifted = logits - logits.max(axis=1, keepdims=True)
            probs = np.exp(shifted) / np.exp(shifted).sum(axis=1, keepdims=True)
            out += [float(p) for p in probs[:, 1]]
        return out


_WARNED: list[str] = []


def _warn(message: str) -> None:
    """One line on stderr, once per process: the verifier runs without the model."""
    if not _WARNED:
        _WARNED.append(message)
        print(f"summarizer: {message}; checking with the rule signals only", file=sys.stderr)


@lru_cache(maxsize=1)
def load() -> Entailer | None:
    """The model, loaded once; None (and one line on stderr) when it cannot be."""
    folder = model_dir()
    path = folder / MODEL_FILE
    if not path.is_file() or not (folder / "tokenizer.json").is_file():
        _warn(f"entailment model not found in {folder}")
        return None
    try:
        import onnxruntime
        from tokenizers import Tokenizer

        options = onnxruntime.SessionOptions()
        options.intra_op_num_threads = 2
        options.inter_op_num_threads = 1
        session = onnxruntime.InferenceSession(str(path), options,
                                               providers=["CPUExecutionProvider"])
        tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception as error:  # any failure to load means: fall back, and say so
        _warn(f"entailment model failed to load ({type(error).__name__}: {error})")
        return None
    tokenizer.enable_truncation(max_length=MAX_LENGTH, strategy="longest_first")
    tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    return Entailer(session=session, tokenizer=tokenizer, sha256=digest)


_CACHE: dict[tuple[str, str], float] = {}  # (claim, context) -> probability
_CACHE_SIZE = 50_000


def _remember(key: tuple[str, str], value: float) -> None:
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[key] = value


def probability(claim: str, evidence: list[str]) -> float | None:
    """P(the evidence supports the claim), or None without a model."""
    model = load()
    if model is None:
        return None
    key = (claim, select(claim, evidence))
    if key not in _CACHE:
        _remember(key, model.probabilities([key])[0])
    return _CACHE[key]


def clear_cache() -> None:
    """Forget scored pairs (the loaded model stays loaded)."""
    _CACHE.clear()
