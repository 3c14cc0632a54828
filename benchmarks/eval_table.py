"""Score the pipeline on every labelled set; print the markdown table the README shows.

    python benchmarks/eval_table.py [--out benchmarks/results/eval.md]

Sets (SPEC section 9, micro-averaged over documents, char segmenter unless noted):
- seeds: the five seed articles (raw PDF text), also with the pkuseg segmenter;
- dev / dev noisy: ``benchmarks/data/dev`` (24 real-style articles around real parks,
  1,242 facts; the same with PDF layout noise) — the development set, tuned on;
- blind4 A / B: ``benchmarks/data/blind4`` (14 articles written by helpers from real
  parks and figures, labelled by other helpers), each batch scored once before any
  tuning on it (``benchmarks/results/blind4.md`` keeps those numbers), tuned on afterwards;
- blind5: ``benchmarks/data/blind5`` (10 more articles, written and labelled the same way),
  scored before any tuning (``benchmarks/results/blind5.md``), tuned on from 2026-12-07;
- blind6 / blind7: ``benchmarks/data/blind6``, ``blind7`` (15 more articles each, written and
  labelled the same way), each scored before any tuning (``benchmarks/results/blind6.md``,
  ``blind7.md``), tuned on afterwards;
- blind8: ``benchmarks/data/blind8`` (12 more articles), scored before any tuning
  (``benchmarks/results/blind8.md``), tuned on from the next session;
- blind9 / blind10: ``benchmarks/data/blind9``, ``blind10`` (12 more articles each), each scored
  before any tuning (``benchmarks/results/blind9.md``, ``blind10.md``), tuned on afterwards;
- blind11: ``benchmarks/data/blind11`` (12 more articles), scored before any tuning
  (``benchmarks/results/blind11.md``), not tuned on (a check set of the confidence filter);
- blind12: ``benchmarks/data/blind12`` (12 articles of new kinds), scored before any tuning
  (``benchmarks/results/blind12.md``), tuned on afterwards;
- blind13: ``benchmarks/data/blind13`` (12 articles of new kinds), scored before any tuning
  (``benchmarks/results/blind13.md``), tuned on afterwards;
- blind14: ``benchmarks/data/blind14`` (12 articles of new kinds), scored before any tuning
  (``benchmarks/results/blind14.md``), tuned on afterwards;
- blind15: ``benchmarks/data/blind15`` (12 articles of common kinds), scored at the end of the
  session that wrote it (``benchmarks/results/blind15.md``), tuned on by the next session;
- blind16: ``benchmarks/data/blind16`` (12 articles of common kinds), scored when its labels
  arrived (``benchmarks/results/blind16.md``), tuned on by the next session;
- blind17: ``benchmarks/data/blind17`` (12 articles, kinds unlike blind16's), scored when its
  labels arrived (``benchmarks/results/blind17.md``), tuned on by the next session;
- blind18: ``benchmarks/data/blind18`` (12 articles of kinds no earlier batch had), scored when
  its labels arrived (``benchmarks/results/blind18.md``), tuned on two sessions later;
- blind19: ``benchmarks/data/blind19`` (12 articles of twelve kinds, common and new), scored when
  its labels arrived (``benchmarks/results/blind19.md``), tuned on by the next session;
- blind20: ``benchmarks/data/blind20`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind20.md``), tuned on by the next session;
- blind21: ``benchmarks/data/blind21`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind21.md``), tuned on by the next session;
- blind22: ``benchmarks/data/blind22`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind22.md``), tuned on by the next session;
- blind23: ``benchmarks/data/blind23`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind23.md``), tuned on in the same session;
- blind24: ``benchmarks/data/blind24`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind24.md``), tuned on by the next session;
- blind25: ``benchmarks/data/blind25`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind25.md``), tuned on in the same session;
- blind26: ``benchmarks/data/blind26`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind26.md``), tuned on by the next session;
- blind27: ``benchmarks/data/blind27`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind27.md``), tuned on in the same session;
- blind28: ``benchmarks/data/blind28`` (12 articles of twelve new kinds), scored when its labels
  arrived (``benchmarks/results/blind28.md``), tuned on by the next session;
- blind29: ``benchmarks/data/blind29`` (16 articles of sixteen new kinds), scored when its labels
  arrived (``benchmarks/results/blind29.md``), tuned on by the next session;
- blind30: ``benchmarks/data/blind30`` (16 articles of sixteen new kinds), scored when its labels
  arrived, not tuned on (``benchmarks/results/blind30.md``): the honest estimate;
- blind31: ``benchmarks/data/blind31`` (16 articles of sixteen new kinds), scored with the final code
  of the session that briefed it when its labels arrived, not tuned on (``benchmarks/results/blind31.md``);
- h1 / h2 / h3: the project's earlier invented sets (``heldout*_docs.jsonl``);
- seeds trad. / dev trad.: the seeds and dev in traditional characters (OpenCC s2t, gold
  converted the same way: ``benchmarks/traditional.py``).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

from zone_ie.cli import predict_records
from zone_ie.evaluate import evaluate, load_jsonl
from zone_ie.io import Record, iter_records

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
sys.path.insert(0, str(ROOT / "benchmarks"))

import traditional  # noqa: E402  (benchmarks/traditional.py)
PARTS = ["entities", "clusters", "alias", "located_in", "metric", "metric_relaxed", "project", "overall"]


def score_records(gold: list[dict], records: list[Record], segmenter: str = "char") -> dict:
    return evaluate(gold, predict_records(records, segmenter)).to_json()


def seeds(segmenter: str) -> dict:
    records = [r for r in iter_records([ROOT / "seeds" / "docs"]) if isinstance(r, Record)]
    return score_records(load_jsonl(ROOT / "seeds" / "gold.jsonl"), records, segmenter)


def jsonl_set(gold_path: Path, docs_path: Path | None = None, prefix: str = "") -> dict:
    """A set whose gold lines carry the text, or whose texts are in ``docs_path``."""
    gold = [g for g in load_jsonl(gold_path) if g["doc_id"].startswith(prefix)]
    if docs_path is None:
        records = [Record(g["doc_id"], g["text"], g.get("date")) for g in gold]
    else:
        wanted = {g["doc_id"] for g in gold}
        records = [r for r in iter_records([docs_path]) if isinstance(r, Record) and r.doc_id in wanted]
    return score_records(gold, records)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "eval.md"))
    args = ap.parse_args()
    dev = DATA / "dev"
    cols = {
        "seeds": seeds("char"),
        "seeds pkuseg": seeds("pkuseg"),
        "dev": jsonl_set(dev / "gold.jsonl", dev / "docs.jsonl"),
        "dev noisy": jsonl_set(dev / "noisy" / "gold.jsonl", dev / "noisy" / "docs.jsonl"),
        "blind4 A": jsonl_set(DATA / "blind4" / "gold.jsonl", prefix="a"),
        "blind4 B": jsonl_set(DATA / "blind4" / "gold.jsonl", prefix="b"),
        "blind5": jsonl_set(DATA / "blind5" / "gold.jsonl", DATA / "blind5" / "docs.jsonl"),
        "blind6": jsonl_set(DATA / "blind6" / "gold.jsonl", DATA / "blind6" / "docs.jsonl"),
        "blind7": jsonl_set(DATA / "blind7" / "gold.jsonl", DATA / "blind7" / "docs.jsonl"),
        "blind8": jsonl_set(DATA / "blind8" / "gold.jsonl", DATA / "blind8" / "docs.jsonl"),
        "blind9": jsonl_set(DATA / "blind9" / "gold.jsonl", DATA / "blind9" / "docs.jsonl"),
        "blind10": jsonl_set(DATA / "blind10" / "gold.jsonl", DATA / "blind10" / "docs.jsonl"),
        "blind11": jsonl_set(DATA / "blind11" / "gold.jsonl", DATA / "blind11" / "docs.jsonl"),
        "blind12": jsonl_set(DATA / "blind12" / "gold.jsonl", DATA / "blind12" / "docs.jsonl"),
        "blind13": jsonl_set(DATA / "blind13" / "gold.jsonl", DATA / "blind13" / "docs.jsonl"),
        "blind14": jsonl_set(DATA / "blind14" / "gold.jsonl", DATA / "blind14" / "docs.jsonl"),
        "blind15": jsonl_set(DATA / "blind15" / "gold.jsonl", DATA / "blind15" / "docs.jsonl"),
        "blind16": jsonl_set(DATA / "blind16" / "gold.jsonl", DATA / "blind16" / "docs.jsonl"),
        "blind17": jsonl_set(DATA / "blind17" / "gold.jsonl", DATA / "blind17" / "docs.jsonl"),
        "blind18": jsonl_set(DATA / "blind18" / "gold.jsonl", DATA / "blind18" / "docs.jsonl"),
        "blind19": jsonl_set(DATA / "blind19" / "gold.jsonl", DATA / "blind19" / "docs.jsonl"),
        "blind20": jsonl_set(DATA / "blind20" / "gold.jsonl", DATA / "blind20" / "docs.jsonl"),
        "blind21": jsonl_set(DATA / "blind21" / "gold.jsonl", DATA / "blind21" / "docs.jsonl"),
        "blind22": jsonl_set(DATA / "blind22" / "gold.jsonl", DATA / "blind22" / "docs.jsonl"),
        "blind23": jsonl_set(DATA / "blind23" / "gold.jsonl", DATA / "blind23" / "docs.jsonl"),
        "blind24": jsonl_set(DATA / "blind24" / "gold.jsonl", DATA / "blind24" / "docs.jsonl"),
        "blind25": jsonl_set(DATA / "blind25" / "gold.jsonl", DATA / "blind25" / "docs.jsonl"),
        "blind26": jsonl_set(DATA / "blind26" / "gold.jsonl", DATA / "blind26" / "docs.jsonl"),
        "blind27": jsonl_set(DATA / "blind27" / "gold.jsonl", DATA / "blind27" / "docs.jsonl"),
        "blind28": jsonl_set(DATA / "blind28" / "gold.jsonl", DATA / "blind28" / "docs.jsonl"),
        "blind29": jsonl_set(DATA / "blind29" / "gold.jsonl", DATA / "blind29" / "docs.jsonl"),
        "blind30": jsonl_set(DATA / "blind30" / "gold.jsonl", DATA / "blind30" / "docs.jsonl"),
        "blind31": jsonl_set(DATA / "blind31" / "gold.jsonl", DATA / "blind31" / "docs.jsonl"),
        "h1": jsonl_set(DATA / "heldout_docs.jsonl"),
        "h2": jsonl_set(DATA / "heldout2_docs.jsonl"),
        "h3": jsonl_set(DATA / "heldout3_docs.jsonl"),
        "seeds trad.": traditional.both(*traditional.seeds())[1],
        "dev trad.": traditional.both(*traditional.dev())[1],
    }
    names = list(cols)
    lines = [
        f"Evaluation ({time.strftime('%Y-%m-%d')}), SPEC section 9, F1 micro-averaged over documents "
        "(P / R for dev and blind30). See `benchmarks/eval_table.py` for the sets.",
        "",
        "| part | " + " | ".join(names) + " | dev P | dev R | blind30 P | blind30 R |",
        "|---|" + "---|" * (len(names) + 4),
    ]
    for part in PARTS:
        row = [f"{cols[n][part]['f1']:.3f}" for n in names]
        extra = [f"{cols['dev'][part]['p']:.3f}", f"{cols['dev'][part]['r']:.3f}",
                 f"{cols['blind30'][part]['p']:.3f}", f"{cols['blind30'][part]['r']:.3f}"]
        lines.append(f"| {part} | " + " | ".join(row + extra) + " |")
    table = "\n".join(lines) + "\n"
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(table, encoding="utf-8")
    print(table)


if __name__ == "__main__":
    main()
