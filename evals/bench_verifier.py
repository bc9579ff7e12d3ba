"""How fast the verifier checks, with the entailment model: a benchmark, not a test.

Reports the model's load time (once per process), the time to check a
10-item brief against 5 evidence sentences each (caches emptied, model
loaded; target under 1 s), and the claims per second of a real
`summarizer check` run, process start included (target at least 20).

Run: `python -m evals.bench_verifier [--claims N]`.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from evals.verifier import SUITES, read_jsonl, time_brief
from summarizer.verifier import entail

ROOT = Path(__file__).resolve().parent.parent


def load_seconds() -> float:
    start = time.perf_counter()
    entail.load()
    return time.perf_counter() - start


def cli_claims_per_second(n: int) -> tuple[int, float]:
    rows = read_jsonl(SUITES["multinews"])[:n]
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "claims.jsonl"
        path.write_text("".join(json.dumps({"claim": r["claim"], "evidence": r["evidence"]})
                                + "\n" for r in rows), encoding="utf-8")
        start = time.perf_counter()
        subprocess.run([sys.executable, "-m", "summarizer.cli", "check", str(path)],
                       check=True, capture_output=True, cwd=ROOT)
        seconds = time.perf_counter() - start
    return len(rows), len(rows) / seconds


def main() -> None:
    os.environ["SUMMARIZER_ENTAIL"] = "1"  # the model on, here and in the CLI it starts
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--claims", type=int, default=200, help="claims for `summarizer check`")
    args = parser.parse_args()
    report = {"model_load_seconds": round(load_seconds(), 3),
              "model_bytes": (entail.model_dir() / entail.MODEL_FILE).stat().st_size,
              "brief_10x5_seconds": round(time_brief(), 3)}
    n, rate = cli_claims_per_second(args.claims)
    report |= {"cli_claims": n, "cli_claims_per_second": round(rate, 1)}
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
