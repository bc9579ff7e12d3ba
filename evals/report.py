"""Markdown report, RESULTS.md page and the verifier score chart of an eval run."""

from __future__ import annotations

from pathlib import Path

from . import editions, htmldev, stories


def pct(value: float | None) -> str:
    return "n/a" if value is None else f"{100 * value:.1f}%"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    return ["| " + " | ".join(header) + " |", "|" + "---|" * len(header),
            *("| " + " | ".join(r) + " |" for r in rows), ""]


def seeds_lines(s: dict, alce: dict) -> list[str]:
    kf = s.get("key_facts", {})
    rows = [
        ["items (drafted / repaired / replaced)",
         f"{s['items']} ({s['origins']['drafted']} / {s['origins']['repaired']} / "
         f"{s['origins']['replaced']}), {s['dropped']} drafts dropped"],
        ["citation validity (span == cited_text)",
         f"{pct(s['citation_validity']['valid'])} of {s['citation_validity']['n']}"],
        ["attribution (sentences with >= 1 citation)", pct(s["attribution"])],
        ["support: pipeline verdict / check() re-check",
         f"{pct(s['support']['verdict'])} / {pct(s['support']['recheck'])}"],
    ]
    if "judge" in s:
        rows.append([f"support: judge model ({s['judge']['model']})",
                     f"{pct(s['judge']['accepted'])} of {s['judge']['n']}"])
    rows += [
        ["key-fact recall (gold)",
         f"{pct(kf.get('recall'))} of {kf.get('n', 0)} facts; missed: "
         f"{', '.join(kf.get('missed', [])) or 'none'}; items matching no gold fact: "
         f"{kf.get('items_off_gold', 0)}"],
        ["noise leakage (items citing noise)", str(s["noise_leakage"]["items"])],
        ["redundant item pairs (mutual support)",
         f"{s['redundancy']['pairs']} ({pct(s['redundancy']['share'])} of pairs)"],
        ["corroboration (sources per item)",
         f"mean {s['corroboration']['mean']:.2f}; per item {s['corroboration']['per_item']}; "
         f">= 2 sources: {pct(s['corroboration']['multi_source_share'])}"],
        ["conflicts found", str(len(s["conflicts"]))],
        ["ALCE citation recall / precision",
         f"{pct(alce['recall'])} / {pct(alce['precision'])} ({alce['citations']} citations; "
         f"decider: {alce['decider']})"],
    ]
    lines = ["## 1-2. Brief of seeds/", "", *_table(["metric", "value"], rows)]
    lines += ["Items:", ""]
    lines += [f"{i}. {t['text']} ({t['origin']}, {t['sources']} sources)"
              for i, t in enumerate(s["text"], 1)]
    return [*lines, ""]


def verifier_lines(v: dict) -> list[str]:
    if "skipped" in v:
        return ["## 3. Verifier accuracy", "", f"Skipped: {v['skipped']}", ""]
    limit = f"first {v['limit']} of each set" if v["limit"] else "whole dev sets"
    rows = [[name, f"{r['bacc']:.1f}", f"{r['tpr']:.1f}", f"{r['tnr']:.1f}", f"{r['auc']:.1f}",
             f"{r['n_pos']}/{r['n_neg']}"] for name, r in v["sets"].items()]
    lines = [f"## 3. Verifier accuracy (threshold {v['threshold']}, {limit})", "",
             *_table(["set", "balanced acc.", "TPR", "TNR", "AUC", "pos/neg"], rows)]
    if v["wice_partial"]:
        p = v["wice_partial"]
        lines += [f"WiCE partially_supported, separately: supported-vs-not_supported balanced "
                  f"accuracy {p['bacc_strict']:.1f}; partials accepted "
                  f"{p['partial_accepted']:.1f}%.", ""]
    if v.get("missing"):
        lines += [f"Dev sets not found, left out: {'; '.join(v['missing'])}.", ""]
    adv = [[k, str(r["n"]), f"{r['correct']:.1f}"] for k, r in v["adversarial"].items()]
    return [*lines, "Adversarial suite (paraphrase: % accepted; others: % rejected):", "",
            *_table(["kind", "n", "correct %"], adv)]


def multinews_lines(m: dict) -> list[str]:
    if "skipped" in m:
        return ["## 4. Content selection (Multi-News)", "", f"Skipped: {m['skipped']}", ""]
    rows = [[name, str(r["n"]), f"{100 * r['rouge1_recall']:.1f}", f"{100 * r['rouge1_f1']:.1f}",
             f"{100 * r['rouge2_recall']:.1f}", f"{100 * r['rouge2_f1']:.1f}"]
            for name, r in m["systems"].items()]
    lines = [f"## 4. Content selection: Multi-News dev, {m['clusters']} clusters, "
             f"first {m['words']} words", "",
             *_table(["system", "clusters", "R1 recall", "R1 F1", "R2 recall", "R2 F1"], rows)]
    if b := m.get("brief"):
        short = f" (under {m['words']}: lowers its recall)" if b["mean_words"] < m["words"] else ""
        lines += [f"Our brief: {b['items']} items, mean {b['mean_words']:.0f} words{short}, "
                  "support share "
                  f"(check() re-check) {pct(b['support_share'])}, verdict "
                  f"{pct(b['verdict_share'])}, {b['seconds_per_cluster']:.1f} s per cluster.", ""]
    if m.get("failed"):
        lines += [f"Clusters the pipeline refused: {len(m['failed'])}", ""]
    return lines


def duc_lines(d: dict) -> list[str]:
    """DUC 2003: story headlines against the human ones; clusters briefed alone."""
    title = "## 8. DUC 2003 (task 4): headlines and content"
    if "skipped" in d:
        return [title, "", f"Skipped: {d['skipped']}", ""]
    h, c = d["headlines"], d["content"]
    tuned = h["stories"] - h["held_out_stories"]
    parts = [("all", h["stories"], h),
             ("held out (clusters 16-30)", h["held_out_stories"], h["held_out"]),
             ("tuned on (clusters 1-15)", tuned, h["tuned_on"])]
    rows = [[name, str(n), f"{100 * r['headline']['recall']:.1f}",
             f"{100 * r['headline']['f1']:.1f}",
             f"{100 * r['first_lead_sentence']['recall']:.1f}",
             f"{100 * r['first_lead_sentence']['f1']:.1f}"] for name, n, r in parts]
    lines = [title, "",
             "Headlines: the 30 clusters' documents as one folder of untitled files, briefed "
             "once without a model; each story's headline against the human 10-word headlines "
             "of its documents (ROUGE-1, Porter stemming, mean over references), beside the "
             "first sentence of the story's first document. A story counts as held out when "
             "most of its documents are.", "",
             *_table(["stories", "n", "ours R1 recall", "ours R1 F1", "first lead sentence "
                      "R1 recall", "first lead sentence R1 F1"], rows),
             f"Our headlines: median {h['median_words']} words; not stand-alone "
             f"(`headline_like`): {h['not_standalone']}; briefed in {h['seconds']:.0f} s.", ""]
    lines += [f"- not stand-alone: {text}" for text in h["failing"][:5]]
    lines += [""] if h["failing"] else []
    seconds = {"brief": f"{c['seconds_per_cluster']:.1f}"}
    rows = [[name, str(c["clusters"]), f"{100 * r['rouge1_recall']:.1f}",
             f"{100 * r['rouge2_recall']:.1f}", seconds.get(name, "-")]
            for name, r in c["systems"].items()]
    return [*lines,
            f"Content: each of {c['clusters']} clusters briefed alone, first {c['words']} words, "
            "against the cluster's four human summaries (mean over them).", "",
            *_table(["system", "clusters", "R1 recall", "R2 recall", "s per cluster"], rows)]


def planted_lines(p: dict) -> list[str]:
    rows = [[k, str(r["n"]), pct(r["caught"])] for k, r in p["kinds"].items()]
    rows.append(["all", str(p["n"]), pct(p["caught"])])
    lines = ["## 5. Planted errors (perturbed source sentences through verify_candidate)", "",
             *_table(["kind", "n", "not kept as drafted"], rows),
             f"Controls (the same sentences unperturbed) kept: {pct(p['controls_kept'])} of "
             f"{p['controls']}.", ""]
    if p["missed"]:
        lines += ["Examples that got through:", ""]
        lines += [f"- {m['kind']}: {m['text']}" for m in p["missed"][:5]]
        lines.append("")
    return lines


def cost_lines(c: dict) -> list[str]:
    stages = ", ".join(f"{k} {v:.2f} s" for k, v in c["brief_timings"].items())
    g = c["generation"]
    parts = ", ".join(f"{k} {v:.0f} s" for k, v in c["part_seconds"].items())
    return ["## 6. Cost", "",
            f"- seeds brief stages: {stages}",
            f"- model load: {c['model_load_seconds']:.2f} s; generation: {g['tokens']} tokens "
            f"in {g['seconds']:.2f} s = {g['tokens_per_second']} tokens/s (prompt included)",
            f"- verifier alone: a 10-claim brief, 5 evidence sentences each, checked in "
            f"{1000 * c['check_10_items_seconds']:.0f} ms (best of 5, caches cleared)",
            f"- peak memory (ru_maxrss): {c['peak_rss_mb']:.0f} MB",
            f"- harness parts: {parts}; total {c['total_seconds']:.0f} s", ""]


def markdown(result: dict, chart: str | None) -> str:
    meta = result["meta"]
    lines = [f"# Eval report ({meta['mode']} run)", "",
             f"`{meta['command']}` on {meta['date']}; model {meta['model']['name']} "
             f"(`{Path(meta['model']['path']).name}`, sha256 {meta['model']['sha256'][:12]}); "
             f"{meta['machine']}.", ""]
    failed = result["thresholds"]["failed"]
    lines += [f"Thresholds ({result['thresholds']['file']}, {meta['mode']}): "
              + ("all met." if not failed else f"{len(failed)} failed:"), ""]
    lines += [f"- {f}" for f in failed] + ([""] if failed else [])
    lines += seeds_lines(result["seeds"], result["alce"])
    lines += verifier_lines(result["verifier"])
    if chart:
        lines += [f"![verifier score distributions]({chart})", ""]
    lines += multinews_lines(result["multinews"])
    lines += planted_lines(result["planted"])
    if "htmldev" in result:
        lines += htmldev.lines(result["htmldev"])
    if "stories" in result:
        lines += stories.lines(result["stories"])
    if "duc" in result:
        lines += duc_lines(result["duc"])
    if "editions" in result:
        lines += editions.lines(result["editions"])
    lines += cost_lines(result["cost"])
    return "\n".join(lines)


def results_page(result: dict, chart: Path) -> str:
    meta = result["meta"]
    head = [
        "<!-- Written by the eval harness (`summarizer eval --write-results`); "
        "do not edit by hand. -->", "",
        "# Latest full eval run", "",
        f"- command: `{meta['command']}`",
        f"- date: {meta['date']}",
        f"- model: {meta['model']['name']} ({meta['model']['path']})",
        f"- judge model: {meta['judge_model'] or 'none'}",
        f"- verifier score chart: ![verifier scores]({chart})", "",
    ]
    return "\n".join(head) + markdown(result, None).split("\n", 1)[1]


def chart(examples: dict[str, list], threshold: float, path: Path) -> None:
    """Histograms of the verifier's score for supported vs unsupported claims, per dev set."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(1, len(examples), figsize=(4.5 * len(examples), 3.4), squeeze=False)
    bins = [i / 20 for i in range(21)]
    for ax, (name, ex) in zip(axes[0], examples.items(), strict=True):
        for label, colour, title in (("pos", "tab:green", "supported"),
                                     ("neg", "tab:red", "unsupported"),
                                     ("partial", "tab:orange", "partially supported")):
            scores = [s for s, lab in ex if lab == label]
            if scores:
                ax.hist(scores, bins=bins, alpha=0.55, color=colour, density=True,
                        label=f"{title} ({len(scores)})")
        ax.axvline(threshold, color="black", linestyle="--", linewidth=1)
        ax.set_title(name)
        ax.set_xlabel("check() score")
        ax.legend(fontsize=7)
    axes[0][0].set_ylabel("density")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
