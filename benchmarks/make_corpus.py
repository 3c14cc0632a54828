"""Build the throughput corpus: seed articles and synthetic variations of them.

    python benchmarks/make_corpus.py                 # -> out/bench-corpus/ (gitignored), >= 5 MB
    python benchmarks/make_corpus.py --mb 20 --out /data/corpus

Deterministic (a fixed random seed; same bytes every run). Each synthetic article
takes paragraphs from the seed articles and the project's own passages
(``benchmarks/data/heldout*_docs.jsonl``) in a shuffled order, changes every number
(same number of digits; dates stay), swaps park names for other parks of the same kind and
sometimes adds a line break inside a sentence (the PDF layout noise the pipeline
repairs). Written as ``docs/NNNNN.txt`` plus ``corpus.jsonl`` (same documents).
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zone_ie.io import read_text_file  # noqa: E402

PLACES = ["包头", "鄂尔多斯", "德州", "咸宁", "阿拉善", "赤峰", "烟台", "芜湖", "襄阳", "株洲", "绵阳", "洛阳",
          "宜昌", "常州", "嘉兴", "泉州", "柳州", "遵义", "榆林", "银川"]
KINDS = ["高新区", "经济开发区", "经开区", "综合保税区", "高新技术产业开发区", "产业园区"]
_PARK = re.compile(r"([\u4e00-\u9fff]{2,4})(高新技术产业开发区|经济技术开发区|经济开发区|高新区|经开区|综合保税区|产业园区)")
_NUM = re.compile(r"\d+")


def _renumber(m: re.Match, rng: random.Random) -> str:
    """Another number with as many digits; years, months and days stay as they are."""
    s = m.group()
    after = m.string[m.end() : m.end() + 1]
    if after in ("年", "月", "日", "季") or (len(s) == 4 and s[:2] in ("19", "20")):
        return s
    if len(s) == 1:
        return str(rng.randrange(1, 10))
    return str(rng.randrange(10 ** (len(s) - 1), 10 ** len(s)))


def variation(paragraphs: list[str], rng: random.Random, n_paras: int) -> str:
    paras = rng.sample(paragraphs, min(n_paras, len(paragraphs)))
    place = rng.choice(PLACES)
    kind = rng.choice(KINDS)
    out = []
    for p in paras:
        p = _NUM.sub(lambda m: _renumber(m, rng), p)
        p = _PARK.sub(lambda m: place + kind if rng.random() < 0.5 else m.group(), p)
        if len(p) > 40 and rng.random() < 0.3:  # a PDF column break inside a sentence
            cut = rng.randrange(10, len(p) - 10)
            p = p[:cut] + "\n" + p[cut:]
        out.append(p)
    return "\n".join(out) + "\n"


def _passages() -> list[str]:
    """The project's own hand-written passages (``benchmarks/data/heldout*_docs.jsonl``):
    more distinct paragraphs for the variations than the five seeds alone."""
    texts = []
    for path in sorted((ROOT / "benchmarks" / "data").glob("heldout*_docs.jsonl")):
        with open(path, encoding="utf-8") as f:
            texts.extend(json.loads(line)["text"] for line in f if line.strip())
    return texts


def build(out: Path, mb: float, seed: int = 20240501) -> tuple[int, int]:
    rng = random.Random(seed)
    seeds = [read_text_file(p) for p in sorted((ROOT / "seeds" / "docs").glob("*.txt"))]
    sources = seeds + _passages()
    paragraphs = [p for s in sources for p in s.split("\n") if len(p.strip()) >= 20]
    docs_dir = out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    for old in docs_dir.glob("*.txt"):
        old.unlink()
    target = int(mb * 1024 * 1024)
    total = n = 0
    digest = hashlib.sha256()
    with open(out / "corpus.jsonl", "w", encoding="utf-8", newline="\n") as jf:
        while total < target:
            text = seeds[n] if n < len(seeds) else variation(paragraphs, rng, rng.randrange(8, 40))
            doc_id = f"{n:05d}"
            data = text.encode("utf-8")
            (docs_dir / f"{doc_id}.txt").write_bytes(data)
            jf.write(json.dumps({"doc_id": doc_id, "text": text, "date": "2024-06-30"}, ensure_ascii=False) + "\n")
            digest.update(data)
            total += len(data)
            n += 1
    (out / "MANIFEST").write_text(f"documents {n}\nbytes {total}\nsha256 {digest.hexdigest()}\n", encoding="utf-8")
    return n, total


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(ROOT / "out" / "bench-corpus"))
    ap.add_argument("--mb", type=float, default=5.0, help="corpus size in MB of UTF-8 text (default 5)")
    args = ap.parse_args()
    n, total = build(Path(args.out), args.mb)
    print(f"{n} documents, {total / 1e6:.1f} MB in {args.out}")


if __name__ == "__main__":
    main()
