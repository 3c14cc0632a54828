"""Name facts by their cluster and drop facts that repeat an earlier one.

A page may print a paragraph twice, and a document may name one firm by its
legal name, its declared alias and a short form: a located_in fact is the same
fact whichever of those names it was found with.
"""
from __future__ import annotations

from collections import Counter
from typing import Any, Hashable, Iterable

from ..models import LocatedInFact, MetricFact, ProjectFact


def canonical_names(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``mention text -> the name facts use for its cluster`` from ``(text, key)`` pairs.

    Facts name a cluster by its most frequent mention (ties: the longer one): the
    name the article itself settles on, e.g. a park's usual form rather than a
    once-used variant with a province prefix.
    """
    counts: dict[str, Counter] = {}
    key_of: dict[str, str] = {}
    for text, key in pairs:
        key = key or text
        key_of.setdefault(text, key)
        counts.setdefault(key_of[text], Counter())[text] += 1
    best = {k: max(c, key=lambda t: (c[t], len(t))) for k, c in counts.items()}
    return {text: best[key] for text, key in key_of.items()}


def canonicalize(facts: Iterable[Any], names: dict[str, str]) -> list[Any]:
    """Replace park/company fields by their cluster key (alias facts keep the names as written)."""
    out = []
    for f in facts:
        if isinstance(f, LocatedInFact):
            update = {"company": names.get(f.company, f.company), "park": names.get(f.park, f.park)}
        elif isinstance(f, ProjectFact):
            update = {
                "company": names.get(f.company, f.company) if f.company else None,
                "park": names.get(f.park, f.park) if f.park else None,
            }
        elif isinstance(f, MetricFact):
            update = {"subject": names.get(f.subject, f.subject)}
        else:
            update = {}
        if any(getattr(f, k) != v for k, v in update.items()):
            f = f.model_copy(update=update)  # facts already named canonically are kept as they are
        out.append(f)
    return out


def fact_key(fact: Any) -> Hashable:
    """The identity of a fact: located_in by its pair, others by all fields but evidence.

    Facts of one class dump their fields in one order (nested values are models
    too), so the dump's ``repr`` tells facts apart exactly as its JSON would.
    """
    if isinstance(fact, LocatedInFact):
        return ("located_in", fact.company, fact.park)
    return type(fact).__name__, repr(fact.model_dump(exclude={"evidence"}))


def dedupe(facts: Iterable[Any]) -> list[Any]:
    """Facts in order, each distinct fact once."""
    seen: set[Hashable] = set()
    out = []
    for f in facts:
        k = fact_key(f)
        if k not in seen:
            seen.add(k)
            out.append(f)
    return out
