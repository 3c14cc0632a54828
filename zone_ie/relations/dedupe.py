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
        key = key_of.setdefault(text, key)
        c = counts.get(key)
        if c is None:
            c = counts[key] = Counter()
        c[text] += 1
    best = {k: max(c, key=lambda t: (c[t], len(t))) for k, c in counts.items()}
    return {text: best[key] for text, key in key_of.items()}


def canonicalize(facts: Iterable[Any], names: dict[str, str]) -> list[Any]:
    """Replace park/company fields by their cluster key (alias facts keep the names as written)."""
    out = []
    for f in facts:  # facts already named canonically are kept as they are
        if isinstance(f, LocatedInFact):
            company, park = names.get(f.company, f.company), names.get(f.park, f.park)
            if f.company != company or f.park != park:
                f = f.model_copy(update={"company": company, "park": park})
        elif isinstance(f, ProjectFact):
            company = names.get(f.company, f.company) if f.company else None
            park = names.get(f.park, f.park) if f.park else None
            if f.company != company or f.park != park:
                f = f.model_copy(update={"company": company, "park": park})
        elif isinstance(f, MetricFact):
            subject = names.get(f.subject, f.subject)
            if f.subject != subject:
                f = f.model_copy(update={"subject": subject})
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


def _head(fact: Any) -> Hashable:
    """Some string fields of a fact: facts with equal :func:`fact_key` have equal heads,
    so a fact whose head is new is a new fact (no dump needed to tell)."""
    if isinstance(fact, MetricFact):
        return "metric", fact.subject, fact.indicator, fact.indicator_text, fact.scope
    if isinstance(fact, ProjectFact):
        return "project", fact.name, fact.company, fact.park
    if isinstance(fact, LocatedInFact):
        return fact_key(fact)
    return type(fact).__name__


def dedupe(facts: Iterable[Any]) -> list[Any]:
    """Facts in order, each distinct fact once (distinct by :func:`fact_key`)."""
    kept: dict[Hashable, tuple[list[Any], set[Hashable]]] = {}  # head -> (kept facts not keyed yet, keys)
    out = []
    for f in facts:
        head = _head(f)
        group = kept.get(head)
        if group is None:
            kept[head] = ([f], set())
            out.append(f)
            continue
        pending, keys = group
        if pending:
            keys.update(fact_key(g) for g in pending)
            pending.clear()
        k = fact_key(f)
        if k not in keys:
            keys.add(k)
            out.append(f)
    return out
