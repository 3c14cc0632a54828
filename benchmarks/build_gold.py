"""Build SPEC gold JSONL (section 8) from compact annotations.

    python benchmarks/build_gold.py ANN_DIR DOCS_JSONL OUT_JSONL

``ANN_DIR/*.json`` hold ``{"doc_id", "date", "clusters", "facts"}`` with each fact's
``evidence`` as a substring of the article (the form of ``seeds/ann`` and the dev
set's ``ann``). The gold gets:
- entities: every occurrence of every cluster name, whitespace and line breaks
  inside a name tolerated, longest name first, never overlapping;
- facts: the evidence substring turned into ``[start, end]`` raw offsets (first
  occurrence; whitespace inside tolerated the same way).
Errors (a name or evidence not found) are listed and stop the build.
"""
from __future__ import annotations

import json
import re
import sys
from pathlib import Path


_HALF = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}  # full-width ASCII -> ASCII, same length


def _loose(s: str) -> "re.Pattern[str]":
    """``s`` with optional whitespace between its characters (full-width forms read as ASCII)."""
    chars = [re.escape(c) for c in s.translate(_HALF) if not c.isspace()]
    return re.compile(r"\s*".join(chars))


def entities(text: str, clusters: list[dict]) -> list[dict]:
    names = {(n, c["label"]) for c in clusters for n in [c["canonical"], *c["names"]] if n.strip()}
    taken = [False] * len(text)
    out = []
    for name, label in sorted(names, key=lambda x: (-len(re.sub(r"\s", "", x[0])), x[0])):
        for m in _loose(name).finditer(text.translate(_HALF)):
            if any(taken[m.start():m.end()]):
                continue
            for i in range(m.start(), m.end()):
                taken[i] = True
            out.append({"start": m.start(), "end": m.end(), "label": label, "text": text[m.start():m.end()]})
    return sorted(out, key=lambda e: e["start"])


def build(ann: dict, text: str) -> tuple[dict, list[str]]:
    errors = []
    facts = []
    for f in ann["facts"]:
        f = dict(f)
        ev = f.get("evidence")
        if isinstance(ev, str):
            m = _loose(ev).search(text.translate(_HALF)) if ev.strip() else None
            if m is None:
                errors.append(f"{ann['doc_id']}: evidence not found: {ev!r}")
                continue
            f["evidence"] = [m.start(), m.end()]
        facts.append(f)
    for c in ann["clusters"]:
        for n in [c["canonical"], *c["names"]]:
            if not _loose(n).search(text.translate(_HALF)):
                errors.append(f"{ann['doc_id']}: name not in text: {n!r}")
    doc = {"doc_id": ann["doc_id"], "date": ann.get("date"), "text": text,
           "entities": entities(text, ann["clusters"]), "clusters": ann["clusters"], "facts": facts}
    return doc, errors


def main(ann_dir: str, docs_jsonl: str, out: str) -> None:
    texts = {}
    for line in open(docs_jsonl, encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            texts[r["doc_id"]] = r
    docs, errors = [], []
    for p in sorted(Path(ann_dir).glob("*.json")):
        ann = json.loads(p.read_text(encoding="utf-8"))
        rec = texts[ann["doc_id"]]
        ann.setdefault("date", rec.get("date"))
        doc, errs = build(ann, rec["text"])
        docs.append(doc)
        errors += errs
    if errors:
        print("\n".join(errors), file=sys.stderr)
        raise SystemExit(f"{len(errors)} errors; nothing written")
    with open(out, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print(f"wrote {len(docs)} documents to {out}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
