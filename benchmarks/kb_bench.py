"""The park knowledge base: identity counts on the project's articles, and build time at scale.

    python benchmarks/kb_bench.py                    # both parts -> benchmarks/results/kb.md
    python benchmarks/kb_bench.py --skip-scale       # only the counts on the articles
    python benchmarks/kb_bench.py --docs 10000       # size of the scale corpus (default 10,000)

Part 1, identity: the seeds and every ``docs.jsonl`` under ``benchmarks/data``
(``dev/noisy`` left out: the same articles, same doc_ids, with layout noise) are
extracted into a fact store and ``kb build`` run on it; the same is done with the
gold clusters of those articles (what a perfect extractor would store), which
separates linking from extraction errors. Reported: park clusters in, park
records out, records linked to the gazetteer, and possible duplicates: two records
that share a name form or identity key at a compatible place (the check for
"each real park once").

Part 2, scale: ``--docs`` synthetic articles (``benchmarks/make_corpus.py``'s
variations of the seeds and the project's passages; distinct doc_ids) are
extracted (one process, char segmenter, timed end to end including model load)
into a fact store, then ``kb build`` runs on it (timed), then again with nothing
new (incremental), then after 100 more documents.
"""
from __future__ import annotations

import argparse
import json
import platform
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from zone_ie.batch import Outcome, content_sha256, run_extract  # noqa: E402
from zone_ie.io import Record, iter_records  # noqa: E402
from zone_ie.kb import KnowledgeBase  # noqa: E402
from zone_ie.kb.gazetteer import name_form  # noqa: E402
from zone_ie.kb.identity import local_key  # noqa: E402
from zone_ie.store import Store  # noqa: E402


def article_sets() -> list[tuple[str, Path, Path]]:
    """(set name, documents, gold) of the seeds and every ``docs.jsonl`` under ``benchmarks/data``."""
    data = ROOT / "benchmarks" / "data"
    sets = [("seeds", ROOT / "seeds" / "docs", ROOT / "seeds" / "gold.jsonl")]
    for p in sorted(data.rglob("*docs.jsonl")):
        if "noisy" in p.parts or "kb_demo" in p.parts:
            continue
        gold = p.with_name("gold.jsonl") if p.name == "docs.jsonl" else p  # heldout*: gold inline
        name = p.parent.name if p.name == "docs.jsonl" else p.name[: -len("_docs.jsonl")]
        sets.append((name, p, gold))
    return sets


def combined_articles(out: Path) -> tuple[Path, dict[str, dict[str, Any]]]:
    """All articles in one JSONL file, doc_ids prefixed by their set (``blind4/b01`` and
    ``heldout2/b01`` are different articles), and their gold records by the new doc_id."""
    path = out / "articles.jsonl"
    gold: dict[str, dict[str, Any]] = {}
    with open(path, "w", encoding="utf-8") as f:
        for name, docs, gold_file in article_sets():
            golds = {}
            for line in gold_file.read_text(encoding="utf-8").splitlines():
                if line.strip():
                    d = json.loads(line)
                    if "clusters" in d:
                        golds[d["doc_id"]] = d
            for rec in iter_records([str(docs)]):
                if not isinstance(rec, Record):
                    continue
                doc_id = f"{name}/{rec.doc_id}"
                f.write(json.dumps({"doc_id": doc_id, "date": rec.date, "text": rec.text}, ensure_ascii=False) + "\n")
                if rec.doc_id in golds:
                    gold[doc_id] = golds[rec.doc_id]
    return path, gold


def gold_store(db: Path, articles: Path, gold: dict[str, dict[str, Any]]) -> int:
    """A fact store holding the gold clusters and facts of the articles."""
    n = 0
    with Store(db) as s:
        for rec in iter_records([str(articles)]):
            if not isinstance(rec, Record) or rec.doc_id not in gold:
                continue
            g = gold[rec.doc_id]
            result = {"doc_id": rec.doc_id, "date": rec.date, "entities": g.get("entities", []),
                      "clusters": g["clusters"], "facts": g.get("facts", [])}
            s.write(Outcome.from_dict({"doc_id": rec.doc_id, "source": rec.source, "date": rec.date,
                                       "sha256": content_sha256(rec.text), "n_chars": len(rec.text),
                                       "result": result}))
            n += 1
    return n


def duplicates(kb: KnowledgeBase) -> list[tuple[str, str]]:
    """Pairs of park records that share a name form or identity key and whose mentions'
    places (their own place prefix, else the document's home place) do not tell them apart."""
    places: dict[str, set[tuple[str, str]]] = {}
    for pid, prov, city in kb.conn.execute(
            "SELECT p.park_id, m.province, m.city FROM kb_park_mentions p JOIN kb_mentions m "
            "ON m.doc_id = p.doc_id AND m.idx = p.idx"):
        if prov or city:
            places.setdefault(pid, set()).add((prov or "", city or ""))

    def apart(a: str, b: str) -> bool:
        pa, pb = places.get(a, set()), places.get(b, set())
        if not pa or not pb:
            return False
        return not any((not x[1] or not y[1] or x[1] == y[1]) and (not x[0] or not y[0] or x[0] == y[0])
                       for x in pa for y in pb)

    seen: dict[str, list[dict[str, Any]]] = {}
    for p in kb.parks():
        for k in {name_form(n) for n in p["names"]} | {local_key(kb.g, n) for n in p["names"]}:
            seen.setdefault(k, []).append(p)
    pairs = set()
    for recs in seen.values():
        for i, a in enumerate(recs):
            for b in recs[i + 1:]:
                if a["park_id"] != b["park_id"] and not apart(a["park_id"], b["park_id"]):
                    pairs.add(tuple(sorted((a["name"], b["name"]))))
    return sorted(pairs)  # type: ignore[arg-type]


def identity_part(tmp: Path) -> list[str]:
    lines = ["## Identity on the project's articles", ""]
    sets = article_sets()
    articles, gold_records = combined_articles(tmp)
    lines.append("Inputs: " + ", ".join(f"`{p.relative_to(ROOT)}`" for _, p, _ in sets)
                 + " (doc_ids prefixed by their set: `blind4` and `heldout2` both have a `b01`; `dev/noisy` "
                 "left out: the dev articles again, same doc_ids).")
    lines.append("")
    pred = tmp / "pred.sqlite"
    run_extract([str(articles)], segmenter="char", db=str(pred), progress=False)
    gold = tmp / "gold.sqlite"
    n_gold = gold_store(gold, articles, gold_records)
    lines += ["| clusters from | documents | park clusters in | park records out | linked to the gazetteer "
              "(records / clusters) | sub-parks with a parent | possible duplicates | companies | figures | "
              "figures in conflict (across documents) |", "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    notes = []
    for label, db in (("extraction (char)", pred), (f"gold annotations ({n_gold} documents)", gold)):
        with KnowledgeBase(db) as kb:
            st = kb.build(full=True)
            linked = kb.conn.execute(
                "SELECT COUNT(*) FROM kb_park_mentions m JOIN kb_parks p USING (park_id) "
                "WHERE p.zone_name IS NOT NULL").fetchone()[0]
            subs = kb.conn.execute("SELECT COUNT(*) FROM kb_parks WHERE parent_id IS NOT NULL").fetchone()[0]
            across = kb.conn.execute("SELECT COUNT(*) FROM park_metrics WHERE conflict_across_docs = 1").fetchone()[0]
            multi = [p for p in kb.parks() if p["n_docs"] > 1]
            dups = duplicates(kb)
            lines.append(f"| {label} | {st.documents} | {st.park_clusters} | {st.parks} | "
                         f"{st.gazetteer_parks} / {linked} | {subs} | {len(dups)} | {st.companies} | {st.metrics} | "
                         f"{st.conflicts} ({across}) |")
            notes.append(f"- {label}: parks named by more than one document: "
                         + ("; ".join(f"{p['name']} ({p['n_docs']} docs, {p['level']})" for p in multi) or "none")
                         + (". Possible duplicates: " + "; ".join(" / ".join(d) for d in dups) if dups else ""))
    return lines + [""] + notes + [""]


def scale_corpus(out: Path, n_docs: int, seed: int = 20261206) -> Path:
    """``n_docs`` synthetic articles as one JSONL file (distinct doc_ids), deterministic."""
    from make_corpus import _passages, variation  # type: ignore[import-not-found]

    from zone_ie.io import read_text_file

    rng = random.Random(seed)
    seeds = [read_text_file(p) for p in sorted((ROOT / "seeds" / "docs").glob("*.txt"))]
    paragraphs = [p for s in seeds + _passages() for p in s.split("\n") if len(p.strip()) >= 20]
    path = out / "corpus.jsonl"
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for i in range(n_docs):
            text = variation(paragraphs, rng, rng.randrange(4, 16))
            f.write(json.dumps({"doc_id": f"kb{i:05d}", "text": text, "date": "2024-06-30"}, ensure_ascii=False) + "\n")
    return path


def scale_part(tmp: Path, n_docs: int) -> list[str]:
    corpus = scale_corpus(tmp, n_docs)
    extra = tmp / "extra.jsonl"
    with open(corpus, encoding="utf-8") as f, open(extra, "w", encoding="utf-8") as g:
        for i, line in enumerate(f):
            if i >= 100:
                break
            d = json.loads(line)
            d["doc_id"] = "more" + d["doc_id"]
            g.write(json.dumps(d, ensure_ascii=False) + "\n")
    n_chars = sum(len(json.loads(line)["text"]) for line in open(corpus, encoding="utf-8"))
    db = tmp / "facts.sqlite"
    t0 = time.perf_counter()
    summary = run_extract([str(corpus)], segmenter="char", db=str(db), progress=False)
    t_extract = time.perf_counter() - t0
    t0 = time.perf_counter()
    with KnowledgeBase(db) as kb:
        st = kb.build(full=True)
    t_build = time.perf_counter() - t0
    t0 = time.perf_counter()
    with KnowledgeBase(db) as kb:
        kb.build()
    t_again = time.perf_counter() - t0
    run_extract([str(extra)], segmenter="char", db=str(db), progress=False)
    t0 = time.perf_counter()
    with KnowledgeBase(db) as kb:
        st2 = kb.build()
    t_more = time.perf_counter() - t0
    failed = getattr(summary, "failed", 0)
    return [
        f"## Build time on {n_docs:,} documents", "",
        f"Corpus: {n_docs:,} synthetic articles ({n_chars:,} characters; `benchmarks/make_corpus.py` variations of the "
        "seeds and the project's passages, park names swapped, numbers changed; distinct doc_ids). Machine: "
        f"{platform.machine()}, Python {platform.python_version()}, 2 cores shared with other work; one process each.",
        "",
        "| step | seconds | documents/s |", "|---|---:|---:|",
        f"| `zone-ie extract --db` (char segmenter, 1 process, incl. model load; {failed} failed) | "
        f"{t_extract:.1f} | {n_docs / t_extract:,.0f} |",
        f"| `zone-ie kb build --full` (every document read) | {t_build:.1f} | {n_docs / t_build:,.0f} |",
        f"| `zone-ie kb build` again, nothing new | {t_again:.1f} | – |",
        f"| `zone-ie kb build` after 100 more documents (100 read) | {t_more:.1f} | – |",
        "",
        f"kb build / extract: **{t_build / t_extract:.2f}×** the extraction time. Result: {st.line()}. "
        f"After the 100 more: {st2.line()}.",
        "",
        "The synthetic articles change every number and reuse twenty place names for their parks, so one park "
        "gets different figures for one period from different documents: most figures are conflicts there, as "
        "they should be. The 100 more documents repeat the first 100 under new doc_ids: their figures all merge "
        "into existing rows (same counts). A build with nothing new only compares signatures; a build after new "
        "documents re-derives every record (ids must not depend on the order documents arrive in), so it costs "
        "about as much as a full build minus the reading.",
        "",
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--skip-scale", action="store_true")
    ap.add_argument("--out", default=str(ROOT / "benchmarks" / "results" / "kb.md"))
    args = ap.parse_args()
    lines = ["# Park knowledge base (`zone-ie kb`)", "", "Written by `python benchmarks/kb_bench.py`.", ""]
    with tempfile.TemporaryDirectory() as d:
        lines += identity_part(Path(d))
        print("\n".join(lines), file=sys.stderr)
        if not args.skip_scale:
            lines += scale_part(Path(d), args.docs)
    Path(args.out).write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[-12:]), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
