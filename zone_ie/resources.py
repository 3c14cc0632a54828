"""Load the data shipped in ``patterns/`` (installed as ``zone_ie.patterns``)."""
from __future__ import annotations

import csv
import io
import json
from functools import lru_cache
from importlib import resources
from typing import Any, Iterator

PACKAGE = "zone_ie.patterns"


def _file(name: str):
    return resources.files(PACKAGE).joinpath(name)


def read_text(name: str) -> str:
    """Text of a data file, e.g. ``read_text("grammar.json")``."""
    return _file(name).read_text(encoding="utf-8")


@lru_cache(maxsize=None)
def load_json(name: str) -> Any:
    return json.loads(read_text(name))


def iter_jsonl(name: str) -> Iterator[dict[str, Any]]:
    for line in read_text(name).splitlines():
        line = line.strip()
        if line and not line.startswith("//"):
            yield json.loads(line)


def gazetteer_rows() -> Iterator[dict[str, str]]:
    """Rows of every CSV in ``patterns/gazetteer``, with a ``kind`` field (file stem)."""
    folder = resources.files(PACKAGE).joinpath("gazetteer")
    for entry in sorted(folder.iterdir(), key=lambda p: p.name):
        if entry.name.endswith(".csv"):
            kind = entry.name[:-4]
            for row in csv.DictReader(io.StringIO(entry.read_text(encoding="utf-8"))):
                row["kind"] = kind
                yield row


@lru_cache(maxsize=1)
def user_dictionary() -> tuple[str, ...]:
    """Words pkuseg must keep whole: zone names, suffixes, legal forms, terms."""
    words: set[str] = set()
    for p in iter_jsonl("entity_patterns.jsonl"):
        if isinstance(p.get("pattern"), str):
            words.add(p["pattern"])
    g = load_json("grammar.json")
    words.update(g["park_suffixes"])
    words.update(g["company_legal_forms"])
    try:
        for ind in load_json("indicators.json").get("indicators", []):
            words.update(ind.get("forms", []))
    except FileNotFoundError:
        pass
    return tuple(sorted(w for w in words if len(w) >= 2))
