"""Turn the official-zone CSVs in ``patterns/gazetteer`` into ruler patterns.

Run ``python -m zone_ie.gazetteer`` after editing the CSVs; it rewrites
``patterns/entity_patterns.jsonl`` (one ``{"label", "pattern", "id"}`` per
name, ``id`` = the official name, so every short form clusters with it).
Short forms that do not end in a zone suffix (brand names such as ``光谷``) get
``"needs_context": true``: the ruler accepts them only when the document also
uses another name of the same zone or declares them as an alias.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Iterator

from .resources import gazetteer_rows, load_json


def build_patterns() -> Iterator[dict]:
    suffixes = tuple(load_json("grammar.json")["park_suffixes"])
    seen: set[str] = set()
    for row in gazetteer_rows():
        official = row["name"].strip()
        names = [official] + [s.strip() for s in row["short_names"].split("|") if s.strip()]
        for name in names:
            if name in seen:
                continue
            seen.add(name)
            pat = {"label": "PARK", "pattern": name, "id": official}
            if not name.endswith(suffixes):
                pat["needs_context"] = True
            yield pat


def main(out: str | None = None) -> None:
    path = Path(out) if out else Path(__file__).resolve().parent.parent / "patterns" / "entity_patterns.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for p in build_patterns():
            f.write(json.dumps(p, ensure_ascii=False) + "\n")
    print(f"wrote {path}", file=sys.stderr)


if __name__ == "__main__":
    main(*sys.argv[1:])
