"""Layout-noise robustness: score clean and noisy versions of the same documents.

    python benchmarks/robustness.py [--gold seeds/gold.jsonl] [--seed 7]

Noise imitates PDF text extraction, by insertion only (so gold offsets remap
exactly): a line break (``\\n`` or ``\\n\\n``) every 9–16 characters inside
sentences, and letter-spacing (a space between characters, ASCII runs such as
``41.6%`` kept whole, as justified PDF lines print them) on one line in eight. Entities that the noise breaks keep raw offsets spanning the break,
as SPEC section 1 requires. Documents come from ``--gold`` (texts read from
``seeds/docs`` unless the JSONL carries a ``text`` field).
"""
from __future__ import annotations

import argparse
import json
import random
from pathlib import Path

from zone_ie.evaluate import evaluate
from zone_ie.io import read_text_file
from zone_ie.pipeline import load, make_doc
from zone_ie.result import doc_result

ROOT = Path(__file__).resolve().parent.parent
PARTS = ["entities", "clusters", "alias", "located_in", "metric", "metric_relaxed", "project", "overall"]
FINAL = set("。！？!?…\n")


def add_noise(text: str, rng: random.Random) -> tuple[str, list[int]]:
    """Noisy text and ``pos`` with ``pos[i]`` = new offset of old character ``i``."""
    out: list[str] = []
    pos: list[int] = []
    n = 0  # characters written so far
    col, width = 0, rng.randint(9, 16)
    spaced = False
    for i, ch in enumerate(text):
        pos.append(n)
        out.append(ch)
        n += 1
        if ch == "\n":
            col, spaced = 0, rng.random() < 0.125
            continue
        col += 1
        nxt = text[i + 1] if i + 1 < len(text) else "\n"
        if nxt in "\n" or ch in FINAL:
            continue
        if col >= width:
            brk = rng.choice(["\n", "\n\n"])
            out.append(brk)
            n += len(brk)
            col, width, spaced = 0, rng.randint(9, 16), rng.random() < 0.125
        elif spaced and not ch.isspace() and not nxt.isspace() and not (ch.isascii() and nxt.isascii()):
            out.append(" ")
            n += 1
    pos.append(n)
    return "".join(out), pos


def remap(gold: dict, noisy: str, pos: list[int]) -> dict:
    g = json.loads(json.dumps(gold))
    for e in g["entities"]:
        e["start"], e["end"] = pos[e["start"]], pos[e["end"] - 1] + 1
        e["text"] = noisy[e["start"] : e["end"]]
    for f in g["facts"]:
        if f.get("evidence"):
            s, t = f["evidence"]
            f["evidence"] = [pos[s], pos[max(s, t - 1)] + 1]
    return g


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--gold", default=str(ROOT / "seeds" / "gold.jsonl"))
    ap.add_argument("--docs", default=str(ROOT / "seeds" / "docs"))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--segmenter", default="char")
    ap.add_argument("--out", default=None, help="write the markdown table here")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    nlp = load(segmenter=args.segmenter)
    golds = [json.loads(line) for line in open(args.gold, encoding="utf-8") if line.strip()]
    clean_gold, noisy_gold, clean_pred, noisy_pred = [], [], [], []
    for g in golds:
        text = g.get("text") or read_text_file(Path(args.docs) / f"{g['doc_id']}.txt")
        noisy, pos = add_noise(text, rng)
        ng = remap(g, noisy, pos)
        clean_gold.append(g)
        noisy_gold.append(ng)
        for t, sink in ((text, clean_pred), (noisy, noisy_pred)):
            doc = nlp(make_doc(nlp, t, g["doc_id"], g.get("date")))
            sink.append(doc_result(doc).to_json_dict())
    clean = evaluate(clean_gold, clean_pred).to_json()
    noisy = evaluate(noisy_gold, noisy_pred).to_json()
    lines = [
        f"Layout-noise robustness on `{Path(args.gold).name}` ({len(golds)} documents, segmenter {args.segmenter}, noise seed {args.seed})",
        "",
        "| part | clean F1 | noisy F1 | change |",
        "|---|---|---|---|",
    ]
    for part in PARTS:
        c, n = clean[part]["f1"], noisy[part]["f1"]
        lines.append(f"| {part} | {c:.3f} | {n:.3f} | {n - c:+.3f} |")
    table = "\n".join(lines) + "\n"
    print(table)
    if args.out:
        Path(args.out).write_text(table, encoding="utf-8")


if __name__ == "__main__":
    main()
