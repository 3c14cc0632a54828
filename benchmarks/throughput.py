"""Throughput of the batch extraction against JioNLP and a bare spaCy tokenizer.

    python benchmarks/make_corpus.py          # once: out/bench-corpus (>= 5 MB, gitignored)
    python benchmarks/throughput.py           # -> benchmarks/results/throughput.md
    python benchmarks/throughput.py --configs char-1,char-2 --limit 100 --rounds 1 --distinct-runs 0
    python benchmarks/throughput.py --startup-only  # -> benchmarks/results/startup.md

Every configuration runs in a subprocess of its own on the same documents, so
that its peak RSS (``resource.getrusage``) is its own: the main process's, and
with ``--n-process 2`` the largest worker's (RUSAGE_CHILDREN). Timings exclude
start-up (imports, pipeline or model load), which is reported separately.

* ``zone_ie char|pkuseg, N proc``: :class:`zone_ie.batch.BatchExtractor` over the
  corpus records (validate, hash, repair, segment, normalize, entities, relations,
  SPEC result), as ``zone-ie extract --n-process N`` runs it (no output writing).
  Every row reads its texts into memory before the clock starts, zone_ie's records
  as JioNLP's and spaCy's texts.
* ``JioNLP extract_money + extract_time``: ``jionlp.ner.extract_money(text)`` and
  ``jionlp.ner.extract_time(text, time_base=...)`` (defaults, with parsing) on each
  whole document (``pip install 'zone-ie[bench]'``).
* ``spacy.blank("zh") char``: the spaCy Chinese character tokenizer alone, the floor;
  every row gives its rate as a fraction of it (``× spaCy floor``).

A second table repeats JioNLP and the one-process ``char`` pipeline on the distinct
documents (the seeds and the project's own passages, each once), the median of
``--distinct-runs`` fresh processes: the recombined corpus repeats names and phrases,
which memoized lookups profit from more than on text never seen.

Start-up (:func:`startup_seconds`): wall time of ``zone-ie extract`` on a one-line
file in fresh processes (imports, pipeline load, one document, exit), the median
of a few runs; also written alone to ``benchmarks/results/startup.md``.
"""
from __future__ import annotations

import argparse
import contextlib
import io
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
CORPUS = ROOT / "out" / "bench-corpus"
RESULTS = ROOT / "benchmarks" / "results" / "throughput.md"
DISTINCT = ROOT / "out" / "bench-distinct"
STARTUP = ROOT / "benchmarks" / "results" / "startup.md"
TINY = "甲乙高新区今年1—6月完成固定资产投资12亿元，同比增长5.5%。\n"
# one made-up sentence run before timing by every configuration that loads lazily
WARM_UP = "2023年1—6月，某某高新区实现规上工业总产值120亿元，同比增长8.5%，占全市的36%；甲乙科技有限公司总投资5亿元的年产10万吨项目开工。"

CONFIGS = {
    "blank": 'spacy.blank("zh") char tokenization (floor)',
    "jionlp": "JioNLP extract_money + extract_time",
    "char-1": "zone_ie full pipeline, char, 1 process",
    "char-2": "zone_ie full pipeline, char, 2 processes",
    "pkuseg-1": "zone_ie full pipeline, pkuseg, 1 process",
    "pkuseg-2": "zone_ie full pipeline, pkuseg, 2 processes",
}


def _paths(corpus: Path, limit: int | None) -> list[Path]:
    paths = sorted((corpus / "docs").glob("*.txt"))
    return paths[:limit] if limit else paths


def _rss_mb(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux: KiB


def worker(config: str, corpus: Path, limit: int | None) -> dict:
    """Run one configuration in this process; returns the measurements."""
    from zone_ie.io import read_text_file

    paths = _paths(corpus, limit)
    t0 = time.perf_counter()
    docs = chars = 0
    if config == "blank":
        import spacy

        nlp = spacy.blank("zh")  # default segmenter: char
        texts = [read_text_file(p) for p in paths]
        t1 = time.perf_counter()
        for doc in nlp.pipe(texts, batch_size=64):
            docs += 1
            chars += len(doc.text)
    elif config == "jionlp":
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
            import jionlp

            texts = [read_text_file(p) for p in paths]
            base = time.mktime((2024, 6, 30, 12, 0, 0, 0, 0, -1))
            jionlp.ner.extract_money(WARM_UP)  # load its lexicons before timing
            jionlp.ner.extract_time(WARM_UP, time_base=base)
            t1 = time.perf_counter()
            for text in texts:
                jionlp.ner.extract_money(text)
                jionlp.ner.extract_time(text, time_base=base)
                docs += 1
                chars += len(text)
    else:
        from zone_ie.batch import BatchExtractor
        from zone_ie.io import iter_records
        from zone_ie.pipeline import load

        segmenter, n = config.split("-")
        nlp = load(segmenter=segmenter)
        nlp(WARM_UP)  # lazily built patterns, as JioNLP's lexicons, are loaded before timing
        records = list(iter_records(paths))  # read before timing, as the texts of the other rows
        t1 = time.perf_counter()
        for o in BatchExtractor(nlp, n_process=int(n)).run(records):
            assert o.ok, o.error
            docs += 1
            chars += o.n_chars
    t2 = time.perf_counter()
    return {
        "config": config, "docs": docs, "chars": chars, "startup_s": t1 - t0, "seconds": t2 - t1,
        "rss_main_mb": _rss_mb(resource.RUSAGE_SELF), "rss_child_mb": _rss_mb(resource.RUSAGE_CHILDREN),
    }


def run_config(config: str, corpus: Path, limit: int | None) -> dict:
    cmd = [sys.executable, __file__, "--worker", config, "--corpus", str(corpus)]
    if limit:
        cmd += ["--limit", str(limit)]
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
    if proc.returncode != 0:
        raise RuntimeError(f"{config} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _median(rs: list[dict]) -> dict:
    """The run with the median rate (the lower middle one for an even count)."""
    return sorted(rs, key=lambda r: r["chars"] / r["seconds"])[(len(rs) - 1) // 2]


def _rate(r: dict) -> float:
    return r["chars"] / r["seconds"]


def paired_ratios(runs: dict[str, list[dict]], config: str, base: str) -> list[float]:
    """``config``'s rate over ``base``'s, round by round: the two ran minutes apart,
    so a slow spell of the machine slows both (a paired comparison)."""
    return [_rate(a) / _rate(b) for a, b in zip(runs.get(config, []), runs.get(base, []))]


def _ratio_cell(ratios: list[float]) -> str:
    return f"{statistics.median(ratios):.2f}" if ratios else "–"


def table(runs: dict[str, list[dict]], corpus: Path) -> str:
    """The throughput table: each row's median run; the × columns are medians of
    the per-round (paired) ratios, listed below the table."""
    configs = list(runs)
    rows = [_median(runs[c]) for c in configs]
    rounds = max(len(rs) for rs in runs.values())
    mb = sum(p.stat().st_size for p in _paths(corpus, None)) / 1e6
    lines = [
        "# Throughput",
        "",
        f"Corpus: `benchmarks/make_corpus.py` ({rows[0]['docs']} documents, {rows[0]['chars']:,} characters, "
        f"{mb:.1f} MB UTF-8); machine: {platform.machine()}, {os.cpu_count()} cores, Python "
        f"{platform.python_version()}. Each row ran in its own subprocess; start-up (imports, model load) "
        "and reading the files into memory are not in the rate. Peak RSS: the main process; with 2 processes "
        f"also the largest worker. {rounds} rounds, the configurations taking turns in each; docs/s and chars/s "
        "are each row's median run, and each × column is the median of the per-round ratios (every run "
        "against the JioNLP, spaCy or one-process run of its own round), listed under the table.",
        "",
        "| configuration | docs/s | chars/s | × JioNLP | × spaCy floor | × 1 process | start-up s | peak RSS MB (main / worker) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    notes = []
    for r in rows:
        c = r["config"]
        one = c.replace("-2", "-1") if c.endswith("-2") else None
        vs = {
            "× JioNLP": paired_ratios(runs, c, "jionlp") if "jionlp" in runs else [],
            "× spaCy floor": paired_ratios(runs, c, "blank") if "blank" in runs else [],
            "× 1 process": paired_ratios(runs, c, one) if one in runs else [],
        }
        for name in ("× JioNLP", "× 1 process"):
            if vs[name] and c != "jionlp" and c.startswith(("char", "pkuseg")):
                notes.append(f"- {CONFIGS[c]} {name}: " + ", ".join(f"{x:.2f}" for x in vs[name]))
        worker_rss = f" / {r['rss_child_mb']:.0f}" if c.endswith("-2") else ""
        lines.append(
            f"| {CONFIGS[c]} | {r['docs'] / r['seconds']:.1f} | {_rate(r):,.0f} | {_ratio_cell(vs['× JioNLP'])} "
            f"| {_ratio_cell(vs['× spaCy floor'])} | {_ratio_cell(vs['× 1 process'])} "
            f"| {r['startup_s']:.1f} | {r['rss_main_mb']:.0f}{worker_rss} |"
        )
    if notes:
        lines += ["", "Per-round ratios:", "", *notes]
    return "\n".join(lines) + "\n"


def distinct_corpus(out: Path = DISTINCT) -> Path:
    """The seeds and the project's own passages, each document once (no recombined
    text): a check that memoized lookups of names and phrases, which hit often on the
    recombined corpus, are not what makes the pipeline fast."""
    docs = out / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    for old in docs.glob("*.txt"):
        old.unlink()
    for p in sorted((ROOT / "seeds" / "docs").glob("*.txt")):
        (docs / p.name).write_bytes(p.read_bytes())
    for path in sorted((ROOT / "benchmarks" / "data").glob("heldout*_docs.jsonl")):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if line.strip():
                    d = json.loads(line)
                    (docs / f"{d['doc_id']}.txt").write_text(d["text"], encoding="utf-8")
    return out


def distinct_table(corpus: Path, runs: int) -> str:
    """JioNLP and the char pipeline on the distinct documents: the median of ``runs``
    fresh processes each (one pass, nothing memoized from an earlier pass)."""
    got: dict[str, list[dict]] = {"jionlp": [], "char-1": []}
    for _ in range(runs):  # interleaved
        for config in got:
            r = run_config(config, corpus, None)
            got[config].append(r)
            print(f"distinct {config:10} {r['chars'] / r['seconds']:12,.0f} chars/s", file=sys.stderr)
    rates = {config: _median(rs) for config, rs in got.items()}
    jio = rates["jionlp"]["chars"] / rates["jionlp"]["seconds"]
    one = rates["char-1"]["chars"] / rates["char-1"]["seconds"]
    r = rates["char-1"]
    return "\n".join([
        "",
        f"Distinct text ({r['docs']} documents, {r['chars']:,} characters: the seeds and the project's own passages, "
        f"each once; median of {runs} fresh processes):",
        "",
        "| configuration | chars/s | × JioNLP |",
        "|---|---:|---:|",
        f"| {CONFIGS['jionlp']} | {jio:,.0f} | 1.00 |",
        f"| {CONFIGS['char-1']} | {one:,.0f} | {one / jio:.2f} |",
        "",
    ])


def startup_seconds(runs: int = 7, extra: tuple[str, ...] = (), pythonpath: str | None = None) -> dict:
    """Wall and CPU seconds of ``zone-ie extract TINY.txt -q`` (+ ``extra``) in ``runs``
    fresh processes: ``{"median", "min", "max", "cpu_median", "runs"}``. ``pythonpath``
    runs another checkout of zone_ie (e.g. the code before a change) with this Python."""
    import tempfile

    script = Path(sys.executable).with_name("zone-ie")
    cmd = [str(script)] if script.exists() else [sys.executable, "-m", "zone_ie.cli"]
    env = dict(os.environ)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    walls, cpus = [], []
    with tempfile.TemporaryDirectory() as tmp:
        tiny = Path(tmp) / "tiny.txt"
        tiny.write_text(TINY, encoding="utf-8")
        for _ in range(runs):
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t0 = time.perf_counter()
            subprocess.run([*cmd, "extract", str(tiny), "-q", *extra], env=env, check=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            walls.append(time.perf_counter() - t0)
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpus.append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
    return {"median": statistics.median(walls), "min": min(walls), "max": max(walls),
            "cpu_median": statistics.median(cpus), "runs": walls}


def startup_table(rows: dict[str, dict]) -> str:
    """Markdown table of :func:`startup_seconds` results, one row per label."""
    load = os.getloadavg()[0]
    lines = [f"Start-up of `zone-ie extract` on a one-line file ({time.strftime('%Y-%m-%d')}, "
             f"{os.cpu_count()} cores, load average {load:.1f} at the end): wall seconds of fresh "
             "processes (imports, pipeline load, one document).", "",
             "| command | median s | min s | max s | CPU s (median) | runs |", "|---|---:|---:|---:|---:|---:|"]
    for label, r in rows.items():
        lines.append(f"| {label} | {r['median']:.2f} | {r['min']:.2f} | {r['max']:.2f} | "
                     f"{r['cpu_median']:.2f} | {len(r['runs'])} |")
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default=str(CORPUS))
    ap.add_argument("--configs", default=",".join(CONFIGS), help=f"comma-separated, from {list(CONFIGS)}")
    ap.add_argument("--limit", type=int, help="only the first N documents")
    ap.add_argument("--out", default=str(RESULTS))
    ap.add_argument("--rounds", type=int, default=5, help="runs of every configuration, interleaved (median reported)")
    ap.add_argument("--distinct-runs", type=int, default=5,
                    help="fresh processes per configuration on the distinct documents (0: skip that table)")
    ap.add_argument("--startup-only", action="store_true",
                    help="only time the start-up of zone-ie extract (-> benchmarks/results/startup.md)")
    ap.add_argument("--startup-runs", type=int, default=7)
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    corpus = Path(args.corpus)
    if args.worker:
        print(json.dumps(worker(args.worker, corpus, args.limit)))
        return
    startup = startup_table({"`zone-ie extract tiny.txt` (default segmenter)": startup_seconds(args.startup_runs)})
    if args.startup_only:
        STARTUP.write_text(startup, encoding="utf-8")
        print(startup)
        return
    if not (corpus / "docs").is_dir():
        sys.exit(f"no corpus in {corpus}: run `python benchmarks/make_corpus.py` first")
    configs = args.configs.split(",")
    runs: dict[str, list[dict]] = {c: [] for c in configs}
    for k in range(args.rounds):  # interleaved, so that a slow minute of the machine hits every row
        for config in configs:
            r = run_config(config, corpus, args.limit)
            print(f"round {k + 1} {config:10} {r['docs'] / r['seconds']:8.1f} docs/s "
                  f"{r['chars'] / r['seconds']:12,.0f} chars/s {r['rss_main_mb']:6.0f} MB", file=sys.stderr)
            runs[config].append(r)
    text = table(runs, corpus)
    if args.distinct_runs:
        text += distinct_table(distinct_corpus(), args.distinct_runs)
    text += "\n" + startup
    Path(args.out).write_text(text, encoding="utf-8")
    print(text)


if __name__ == "__main__":
    main()
