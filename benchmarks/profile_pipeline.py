"""Single-process speed of each pipeline stage, optionally with a cProfile dump.

    .venv/bin/python benchmarks/profile_pipeline.py                  # char, seeds x6
    .venv/bin/python benchmarks/profile_pipeline.py --segmenter pkuseg --repeat 3
    .venv/bin/python benchmarks/profile_pipeline.py --profile 40     # + top 40 by tottime
    .venv/bin/python benchmarks/profile_pipeline.py --profile 40 --only zone_entity_ruler
    .venv/bin/python benchmarks/profile_pipeline.py --docs /tmp/corpus/docs --limit 200

Times the tokenizer (``nlp.make_doc``: layout repair + segmentation + Doc) and
every pipeline component separately on the same documents, and reports
characters per second for each and for the whole pipeline. ``--profile N``
runs the documents once more under :mod:`cProfile` and prints the N functions
with the highest own time (``--only NAME`` profiles that stage alone; ``tok``
is the tokenizer); ``--dump FILE`` also writes the raw stats for snakeviz/pstats.
"""
from __future__ import annotations

import argparse
import collections
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path
from typing import Callable, Optional

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import zone_ie  # noqa: E402
from zone_ie.io import read_text_file  # noqa: E402


def load_texts(docs: Path, repeat: int, limit: Optional[int]) -> list[str]:
    paths = sorted(docs.glob("*.txt"))
    if limit:
        paths = paths[:limit]
    return [read_text_file(p) for p in paths] * repeat


def stages(nlp) -> list[tuple[str, Callable]]:
    return [("tok", nlp.make_doc), *nlp.pipeline]


def run(nlp, texts: list[str]) -> collections.Counter:
    """Seconds spent in each stage over ``texts`` (every stage runs; all are timed)."""
    spent: collections.Counter = collections.Counter()
    clock = time.perf_counter
    steps = stages(nlp)
    for text in texts:
        doc = text
        for name, proc in steps:
            t = clock()
            doc = proc(doc)
            spent[name] += clock() - t
    return spent


def profile(nlp, texts: list[str], top: int, only: Optional[str], dump: Optional[str]) -> None:
    prof = cProfile.Profile()
    steps = stages(nlp)
    for text in texts:
        doc = text
        for name, proc in steps:
            on = only is None or name == only
            if on:
                prof.enable()
            doc = proc(doc)
            if on:
                prof.disable()
    if dump:
        prof.dump_stats(dump)
    out = io.StringIO()
    pstats.Stats(prof, stream=out).sort_stats("tottime").print_stats(top)
    print(out.getvalue())


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--segmenter", default="char", choices=("char", "pkuseg", "auto"))
    ap.add_argument("--docs", type=Path, default=ROOT / "seeds" / "docs", help="directory of .txt files")
    ap.add_argument("--repeat", type=int, default=6, help="pass over the documents this many times")
    ap.add_argument("--limit", type=int, default=None, help="use only the first N documents")
    ap.add_argument("--warmup", type=int, default=1, help="untimed passes first (caches, lazy imports)")
    ap.add_argument("--profile", type=int, default=0, metavar="N", help="print the top N functions by tottime")
    ap.add_argument("--only", default=None, help="profile only this stage (tok or a component name)")
    ap.add_argument("--dump", default=None, help="write the cProfile stats to this file")
    args = ap.parse_args(argv)

    nlp = zone_ie.load(segmenter=args.segmenter)
    texts = load_texts(args.docs, args.repeat, args.limit)
    if not texts:
        sys.exit(f"no .txt files in {args.docs}")
    n = sum(map(len, texts))
    for _ in range(args.warmup):
        run(nlp, texts[: max(1, len(texts) // args.repeat)])
    spent = run(nlp, texts)
    print(f"{len(texts)} docs, {n} chars, segmenter={args.segmenter}")
    for name, _ in stages(nlp):
        print(f"  {name:20s} {n / spent[name]:>12,.0f} chars/s  {spent[name]:7.3f} s")
    total = sum(spent.values())
    print(f"  {'total':20s} {n / total:>12,.0f} chars/s  {total:7.3f} s")
    if args.profile:
        profile(nlp, texts, args.profile, args.only, args.dump)


if __name__ == "__main__":
    main()
