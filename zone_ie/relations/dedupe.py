"""Drop facts that repeat an earlier one (a paragraph printed twice on a page)."""
from __future__ import annotations

import json
from typing import Any, Iterable


def fact_key(fact: Any) -> str:
    """The fact without its evidence, as a canonical string."""
    d = fact.model_dump(mode="json", exclude={"evidence"})
    return json.dumps(d, sort_keys=True, ensure_ascii=False)


def dedupe(facts: Iterable[Any]) -> list[Any]:
    """Facts in order, each distinct fact once."""
    seen: set[str] = set()
    out = []
    for f in facts:
        k = fact_key(f)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out
