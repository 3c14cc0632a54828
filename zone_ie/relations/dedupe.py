"""Name facts by their cluster and drop facts that repeat an earlier one.

A page may print a paragraph twice, and a document may name one firm by its
legal name, its declared alias and a short form: a located_in fact is the same
fact whichever of those names it was found with.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Hashable, Iterable

from ..models import LocatedInFact, MetricFact, ProjectFact
from .context import cues


def canonical_names(pairs: Iterable[tuple[str, str]]) -> dict[str, str]:
    """``mention text -> the name facts use for its cluster`` from ``(text, key)`` pairs.

    Facts name a cluster by its most frequent mention (ties: the longer one): the
    name the article itself settles on, e.g. a park's usual form rather than a
    once-used variant with a province prefix.
    """
    counts: dict[str, dict[str, int]] = {}  # key -> mention text -> count, texts in first-seen order
    key_of: dict[str, str] = {}
    for text, key in pairs:
        key = key_of.setdefault(text, key or text)
        c = counts.get(key)
        if c is None:
            counts[key] = {text: 1}
        else:
            c[text] = c.get(text, 0) + 1
    generic = _generic_names()
    best = {}
    for k, c in counts.items():
        named = {t: n for t, n in c.items() if t not in generic}
        best[k] = _most_frequent(named or c)  # ``自贸片区`` is the kind, ``厦门自贸片区`` the name
    return {text: best[key] for text, key in key_of.items()}


@lru_cache(maxsize=1)
def _generic_names() -> frozenset[str]:
    """Bare kind words a cluster may hold (``自贸片区``, ``综保区``): never the name facts use
    when the cluster has a name of its own (``generic_zone_names``)."""
    return frozenset(cues().get("generic_zone_names", []))


def _most_frequent(counts: dict[str, int]) -> str:
    """The most frequent text, the longer on ties, the first seen on full ties."""
    if len(counts) == 1:
        return next(iter(counts))
    return max(counts, key=lambda t: (counts[t], len(t)))


def canonicalize(facts: Iterable[Any], names: dict[str, str]) -> list[Any]:
    """Replace park/company fields by their cluster key (alias facts keep the names as written)."""
    out = []
    for f in facts:  # facts already named canonically are kept as they are
        if isinstance(f, MetricFact):  # the fact classes are disjoint: the most frequent first
            subject = names.get(f.subject, f.subject)
            if f.subject != subject:
                f = f.model_copy(update={"subject": subject})
        elif isinstance(f, LocatedInFact):
            company, park = names.get(f.company, f.company), names.get(f.park, f.park)
            if f.company != company or f.park != park:
                f = f.model_copy(update={"company": company, "park": park})
        elif isinstance(f, ProjectFact):
            company = names.get(f.company, f.company) if f.company else None
            park = names.get(f.park, f.park) if f.park else None
            if f.company != company or f.park != park:
                f = f.model_copy(update={"company": company, "park": park})
        out.append(f)
    return out


def fact_key(fact: Any) -> Hashable:
    """The identity of a fact: located_in by its pair, metrics by all fields but evidence
    and indicator words, others by all fields but evidence.

    Facts of one class dump their fields in one order (nested values are models
    too), so the dump's ``repr`` tells facts apart exactly as its JSON would.
    """
    if isinstance(fact, LocatedInFact):
        return ("located_in", fact.company, fact.park)
    if isinstance(fact, MetricFact):
        # the words a figure is stated with (``进出口`` in a headline, ``实现进出口`` in the
        # lead) do not make it another figure
        return "MetricFact", repr(fact.model_dump(exclude={"evidence", "indicator_text"}))
    return type(fact).__name__, repr(fact.model_dump(exclude={"evidence"}))


def _head(fact: Any) -> Hashable:
    """Some string fields of a fact: facts with equal :func:`fact_key` have equal heads,
    so a fact whose head is new is a new fact (no dump needed to tell)."""
    if isinstance(fact, MetricFact):
        return "metric", fact.subject, fact.indicator, fact.scope
    if isinstance(fact, ProjectFact):
        return "project", fact.name, fact.company, fact.park
    if isinstance(fact, LocatedInFact):
        return fact_key(fact)
    return type(fact).__name__


def dedupe(facts: Iterable[Any]) -> list[Any]:
    """Facts in order, each distinct fact once (distinct by :func:`fact_key`)."""
    first: dict[Hashable, Any] = {}  # head -> the first fact with it
    keys: dict[Hashable, set[Hashable]] = {}  # head -> keys of its kept facts, once a second fact has it
    out = []
    for f in facts:
        head = _head(f)
        if head not in first:
            first[head] = f
            out.append(f)
            continue
        kept = keys.get(head)
        if kept is None:
            kept = keys[head] = {fact_key(first[head])}
        k = fact_key(f)
        if k not in kept:
            kept.add(k)
            out.append(f)
    return out
