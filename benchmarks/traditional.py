"""Traditional characters: score the seeds and the dev set in traditional characters.

    python benchmarks/traditional.py [--out benchmarks/results/traditional.md]

Each document is converted with OpenCC ``s2t`` (same length: the script checks
it, so gold offsets stay); the gold is converted the same way: an entity's text
is its slice of the converted document, and every name or text field of a
cluster or fact is the converted slice where the simplified document has it
(else the name converted alone). Both versions are scored with SPEC section 9;
the issue asks for overall F1 within 0.02.
"""
from __future__ import annotations

import argparse
import copy
import time
from pathlib import Path
from typing import Any, Callable

import opencc

from zone_ie.cli import predict_records
from zone_ie.evaluate import evaluate, load_jsonl
from zone_ie.io import Record, iter_records

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "benchmarks" / "data"
PARTS = ["entities", "clusters", "alias", "located_in", "metric", "metric_relaxed", "project", "overall"]
FACT_TEXT_FIELDS = ("name", "alias", "company", "park", "subject", "indicator_text", "scope")
S2T = opencc.OpenCC("s2t")


def s2t_same_length(text: str) -> str:
    """``text`` in traditional characters, as long as ``text`` (else line by line, then char by char)."""
    out = S2T.convert(text)
    if len(out) == len(text):
        return out
    lines = []
    for line in text.split("\n"):
        c = S2T.convert(line)
        lines.append(c if len(c) == len(line) else "".join(S2T.convert(ch)[:1] or ch for ch in line))
    return "\n".join(lines)


def _namer(simp: str, trad: str) -> Callable[[str], str]:
    def convert(name: str) -> str:
        if not name:
            return name
        i = simp.find(name)
        return trad[i : i + len(name)] if i >= 0 else S2T.convert(name)
    return convert


def convert_gold(gold: dict[str, Any], simp: str, trad: str) -> dict[str, Any]:
    """The gold of ``simp`` for its traditional version ``trad`` (offsets unchanged)."""
    g = copy.deepcopy(gold)
    name = _namer(simp, trad)
    for e in g.get("entities", []):
        assert simp[e["start"] : e["end"]] == e["text"], (gold["doc_id"], e)
        e["text"] = trad[e["start"] : e["end"]]
    for c in g.get("clusters", []):
        c["canonical"] = name(c["canonical"])
        c["names"] = [name(n) for n in c["names"]]
    for f in g.get("facts", []):
        for k in FACT_TEXT_FIELDS:
            if isinstance(f.get(k), str):
                f[k] = name(f[k])
    return g


def score(gold: list[dict], records: list[Record]) -> dict:
    return evaluate(gold, predict_records(records, "char")).to_json()


def both(gold: list[dict], records: list[Record]) -> tuple[dict, dict, int, int, int]:
    """(simplified scores, traditional scores, characters changed by s2t, gold entities
    whose converted slice is s2t of their text, gold entities)."""
    by_id = {r.doc_id: r for r in records}
    t_records, t_gold, changed, agree, total = [], [], 0, 0, 0
    for g in gold:
        r = by_id[g["doc_id"]]
        trad = s2t_same_length(r.text)
        assert len(trad) == len(r.text), r.doc_id
        changed += sum(a != b for a, b in zip(r.text, trad))
        t_records.append(Record(r.doc_id, trad, r.date, r.source))
        t_gold.append(convert_gold(g, r.text, trad))
        for e in g.get("entities", []):
            total += 1
            agree += trad[e["start"] : e["end"]] == S2T.convert(e["text"])
    return score(gold, records), score(t_gold, t_records), changed, agree, total


def seeds() -> tuple[list[dict], list[Record]]:
    records = [r for r in iter_records([ROOT / "seeds" / "docs"]) if isinstance(r, Record)]
    return load_jsonl(ROOT / "seeds" / "gold.jsonl"), records


def dev() -> tuple[list[dict], list[Record]]:
    gold = load_jsonl(DATA / "dev" / "gold.jsonl")
    records = [r for r in iter_records([DATA / "dev" / "docs.jsonl"]) if isinstance(r, Record)]
    return gold, records


def run() -> dict[str, tuple[dict, dict, int, int, int, int]]:
    out = {}
    for name, load in (("seeds", seeds), ("dev", dev)):
        gold, records = load()
        simp, trad, changed, agree, total = both(gold, records)
        out[name] = (simp, trad, changed, sum(len(r.text) for r in records), agree, total)
    return out


def table(results: dict[str, tuple[dict, dict, int, int, int, int]]) -> str:
    lines = [
        f"Traditional characters ({time.strftime('%Y-%m-%d')}): each set as given (simplified) and "
        "converted with OpenCC s2t, gold converted the same way (`benchmarks/traditional.py`). "
        "F1, SPEC section 9, char segmenter.",
        "",
        "| part | " + " | ".join(f"{n} | {n} traditional" for n in results) + " |",
        "|---|" + "---|---|" * len(results),
    ]
    for part in PARTS:
        cells = []
        for simp, trad, *_ in results.values():
            cells += [f"{simp[part]['f1']:.3f}", f"{trad[part]['f1']:.3f}"]
        lines.append(f"| {part} | " + " | ".join(cells) + " |")
    lines.append("")
    for name, (simp, trad, changed, chars, agree, total) in results.items():
        diff = trad["overall"]["f1"] - simp["overall"]["f1"]
        lines.append(f"- {name}: {changed:,} of {chars:,} characters changed by s2t (every document kept "
                     f"its length; {agree} of {total} gold entity slices of the converted text are s2t of "
                     f"the simplified entity text); overall F1 "
                     f"{simp['overall']['f1']:.3f} simplified, {trad['overall']['f1']:.3f} traditional "
                     f"(difference {diff:+.3f}).")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "traditional.md"))
    args = ap.parse_args()
    text = table(run())
    Path(args.out).parent.mkdir(parents=True, exist_ok=True)
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
