"""Export the fine-tuned cross-encoder to ONNX, quantise it to int8, and check both.

Writes to `summarizer/verifier/entail_model/`: `model.onnx` (int8 dynamic quantisation
of the linear layers, if it keeps balanced accuracy on the held-out training
pairs within half a point of float32; else float32), `tokenizer.json`, and
`SHA256SUMS`. Needs the optional `train` extra (torch, transformers, onnx).

Run: `python -m training.export [--model training/out/model]`.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
from pathlib import Path

import torch
from transformers import AutoModelForSequenceClassification

from summarizer.verifier import entail

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "training" / "out"
DEST = ROOT / "summarizer" / "verifier" / "entail_model"
LOSS_ALLOWED = 0.5  # points of balanced accuracy int8 may lose against float32


def to_onnx(model_dir: Path, path: Path) -> None:
    model = AutoModelForSequenceClassification.from_pretrained(model_dir).eval()
    dummy = {k: torch.ones(2, 16, dtype=torch.int64)
             for k in ("input_ids", "attention_mask", "token_type_ids")}
    axes = {0: "batch", 1: "tokens"}
    torch.onnx.export(
        model, (dummy["input_ids"], dummy["attention_mask"], dummy["token_type_ids"]),
        str(path), input_names=list(dummy), output_names=["logits"],
        dynamic_axes={**{k: axes for k in dummy}, "logits": {0: "batch"}},
        opset_version=17, dynamo=False,
    )


def quantise(src: Path, dst: Path) -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    quantize_dynamic(str(src), str(dst), weight_type=QuantType.QInt8)


def bacc(folder: Path, rows: list[dict]) -> float:
    entail.load.cache_clear()
    entail.clear_cache()
    import os

    os.environ["SUMMARIZER_ENTAIL_MODEL"] = str(folder)
    model = entail.load()
    assert model is not None, f"no model in {folder}"
    probs = model.probabilities([(r["claim"], r["evidence"]) for r in rows])
    pos = [p for p, r in zip(probs, rows, strict=True) if r["label"] == 1]
    neg = [p for p, r in zip(probs, rows, strict=True) if r["label"] == 0]
    return 50 * (sum(p >= 0.5 for p in pos) / len(pos) + sum(p < 0.5 for p in neg) / len(neg))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--model", type=Path, default=DATA / "model")
    parser.add_argument("--dest", type=Path, default=DEST)
    parser.add_argument("--limit", type=int, default=None, help="held-out pairs to compare on")
    args = parser.parse_args()
    work = args.model.parent / "onnx"
    fp32, int8 = work / "fp32", work / "int8"
    for folder in (fp32, int8):
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copy(args.model / "tokenizer.json", folder / "tokenizer.json")
    to_onnx(args.model, fp32 / "model.onnx")
    quantise(fp32 / "model.onnx", int8 / "model.onnx")
    with (DATA / "heldout.jsonl").open(encoding="utf-8") as f:
        rows = [json.loads(line) for line in f][: args.limit]
    scores = {"fp32": bacc(fp32, rows), "int8": bacc(int8, rows)}
    chosen = int8 if scores["int8"] >= scores["fp32"] - LOSS_ALLOWED else fp32
    dest = args.dest
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("model.onnx", "tokenizer.json"):
        shutil.copy(chosen / name, dest / name)
    sums = "".join(f"{hashlib.sha256((dest / n).read_bytes()).hexdigest()}  {n}\n"
                   for n in ("model.onnx", "tokenizer.json"))
    (dest / "SHA256SUMS").write_text(sums, encoding="utf-8")
    report = {"heldout_bacc_at_0.5": scores, "chosen": chosen.name,
              "bytes": (dest / "model.onnx").stat().st_size}
    (DATA / "export_report.json").write_text(json.dumps(report, indent=2))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
