"""Train the metric-confidence model (``patterns/fact_confidence.json``) on labelled sets.

    python benchmarks/train_confidence.py                 # train on the default sets, write the model
    python benchmarks/train_confidence.py --check blind11 # also report sets kept out of training

Runs the pipeline with the filter scoring only (threshold 0), labels each
extracted metric fact right or wrong by the SPEC scorer against gold, fits an
L2-regularised logistic regression (Newton's method: deterministic), and picks
the threshold that maximises the mean metric F1 of the training sets (each set
once, whatever its size). Before
that, every training set is left out once (trained on the others) to show what
the filter does on a set it has not seen: ``benchmarks/results/confidence.md``.
The cue words in the model file are hand-written data and are kept as they are.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Optional

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from zone_ie.confidence import FEATURES_VERSION, FactScorer, _Cues, doc_metric_features, record_inputs  # noqa: E402
from zone_ie.evaluate import evaluate, load_jsonl  # noqa: E402
from zone_ie.pipeline import extract_many, load  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
MODEL = ROOT / "patterns" / "fact_confidence.json"
DEFAULT_TRAIN = ["seeds", "dev", "blind4", "blind5", "blind6", "blind7", "blind8", "blind9", "blind10", "blind11", "blind12", "blind13"]

Rows = list[tuple[Optional[dict[str, float]], int]]  # None: a fact the model does not score
DROP: set[str] = set()  # features left out (--drop, for ablations)


def set_rows(nlp, name: str, cues: _Cues) -> tuple[Rows, int]:
    """(features, right?) of every metric fact the pipeline extracts from set ``name``,
    and the number of gold metric facts."""
    if name == "seeds":  # the seed articles: raw PDF text files
        from zone_ie.io import Record, iter_records

        docs = [{"doc_id": r.doc_id, "text": r.text, "date": r.date}
                for r in iter_records([str(ROOT / "seeds" / "docs")]) if isinstance(r, Record)]
        gold = load_jsonl(ROOT / "seeds" / "gold.jsonl")
    else:  # a set under benchmarks/data (e.g. blind9, dev/noisy)
        docs = load_jsonl(DATA / name / "docs.jsonl")
        gold = load_jsonl(DATA / name / "gold.jsonl")
    preds = [r.to_json_dict() for r in extract_many(nlp, ((d["doc_id"], d["text"], d.get("date")) for d in docs))]
    texts = {d["doc_id"]: d["text"] for d in docs}
    details = evaluate(gold, preds).details
    rows: Rows = []
    n_gold = sum(1 for g in gold for f in g["facts"] if f["type"] == "metric")
    for pred in preds:
        wrong = {id(f) for f in details[pred["doc_id"]]["metric"].spurious}
        rep, ents, clusters = record_inputs(pred, texts[pred["doc_id"]])
        feats = doc_metric_features(pred["facts"], rep, ents, clusters, cues)
        for fact, f in zip(pred["facts"], feats):
            if f is not None:
                rows.append(({k: v for k, v in f.items() if k not in DROP}, int(id(fact) not in wrong)))
            elif fact.get("type") == "metric":  # not scored (a table row): always kept
                rows.append((None, int(id(fact) not in wrong)))
    return rows, n_gold


def fit(rows: Rows, l2: float) -> tuple[dict[str, float], float]:
    """Weights and bias of an L2-regularised logistic regression (bias not penalised),
    fitted on the scored rows (a row without features is a fact the model never sees)."""
    rows = [r for r in rows if r[0] is not None]
    keys = sorted({k for f, _ in rows for k in f})
    index = {k: i for i, k in enumerate(keys)}
    x = np.zeros((len(rows), len(keys) + 1))
    y = np.array([label for _, label in rows], dtype=float)
    for i, (f, _) in enumerate(rows):
        x[i, -1] = 1.0
        for k, v in f.items():
            x[i, index[k]] = v
    penalty = l2 * np.r_[np.ones(len(keys)), 0.0]
    w = np.zeros(len(keys) + 1)
    for _ in range(100):
        p = 1.0 / (1.0 + np.exp(-(x @ w)))
        grad = x.T @ (p - y) + penalty * w
        hess = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty)
        w -= np.linalg.solve(hess, grad)
        if np.abs(grad).max() < 1e-8:
            break
    return {k: round(float(w[i]), 4) for k, i in index.items() if abs(w[i]) >= 1e-4}, round(float(w[-1]), 4)


def _scorer(cues: dict, weights: dict[str, float], bias: float, threshold: float = 0.0) -> FactScorer:
    return FactScorer({"features_version": FEATURES_VERSION, "cues": cues,
                       "metric": {"weights": weights, "bias": bias, "threshold": threshold}})


def f1_at(scorer: FactScorer, sets: list[tuple[Rows, int]], threshold: float) -> float:
    tp = fp = n_gold = 0
    for rows, n in sets:
        n_gold += n
        for f, label in rows:
            if f is None or scorer.probability(f) >= threshold:
                tp += label
                fp += 1 - label
    return 2 * tp / (tp + fp + n_gold) if tp + fp + n_gold else 0.0


def best_threshold(scorer: FactScorer, sets: list[tuple[Rows, int]]) -> float:
    """The threshold with the best mean F1 over the sets: each set counts once, so the
    five long seed articles weigh as much as a batch of twelve."""
    best, best_th = -1.0, 0.0
    for th in np.arange(0.0, 0.6, 0.025):
        v = sum(f1_at(scorer, [s], float(th)) for s in sets) / len(sets)
        if v > best + 1e-9:
            best, best_th = v, round(float(th), 3)
    return best_th


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--train", default=",".join(DEFAULT_TRAIN), help="comma-separated sets under benchmarks/data")
    ap.add_argument("--check", default="", help="sets to report only (never trained on)")
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--drop", default="", help="comma-separated features to leave out (ablation)")
    ap.add_argument("--out", default=str(MODEL))
    ap.add_argument("--report", default=str(ROOT / "benchmarks" / "results" / "confidence.md"))
    args = ap.parse_args(argv)
    train = [s for s in args.train.split(",") if s]
    check = [s for s in args.check.split(",") if s]
    DROP.update(s for s in args.drop.split(",") if s)
    old = json.loads(MODEL.read_text(encoding="utf8"))
    cues = old["cues"]
    nlp = load(**{"components.zone_fact_filter.threshold": 0.0})
    data = {s: set_rows(nlp, s, _Cues(cues)) for s in train + check}
    lines = ["# Metric confidence filter", "",
             f"`python benchmarks/train_confidence.py --train {','.join(train)}"
             + (f" --check {','.join(check)}`" if check else "`"), "",
             "Metric F1 (strict) of each set without the filter and with it. *Left out*: the model and threshold",
             "were trained on the other training sets only. *Check*: never trained on.", "",
             "| set | how | threshold | without | with |", "|---|---|---|---|---|"]
    for held in train:
        rest = [data[s] for s in train if s != held]
        w, b = fit([r for rows, _ in rest for r in rows], args.l2)
        sc = _scorer(cues, w, b)
        th = best_threshold(sc, rest)
        lines.append(f"| {held} | left out | {th:.3f} | {f1_at(sc, [data[held]], 0.0):.3f} | "
                     f"{f1_at(sc, [data[held]], th):.3f} |")
    weights, bias = fit([r for s in train for r in data[s][0]], args.l2)
    sc = _scorer(cues, weights, bias)
    threshold = best_threshold(sc, [data[s] for s in train])
    for s in check:
        lines.append(f"| {s} | check | {threshold:.3f} | {f1_at(sc, [data[s]], 0.0):.3f} | "
                     f"{f1_at(sc, [data[s]], threshold):.3f} |")
    pooled = [data[s] for s in train]
    lines += ["", f"Final model: {len(weights)} weights, threshold {threshold:.3f}; pooled training metric F1 "
              f"{f1_at(sc, pooled, 0.0):.3f} -> {f1_at(sc, pooled, threshold):.3f}.", ""]
    model = {
        "about": "metric-fact confidence: logistic weights over zone_ie.confidence features; "
                 "written by benchmarks/train_confidence.py (cue words are hand-written)",
        "features_version": FEATURES_VERSION,
        "trained_on": train,
        "cues": cues,
        "metric": {"threshold": threshold, "bias": bias, "weights": dict(sorted(weights.items()))},
    }
    Path(args.out).write_text(json.dumps(model, ensure_ascii=False, indent=1) + "\n", encoding="utf8")
    Path(args.report).write_text("\n".join(lines), encoding="utf8")
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
