"""Figures per park: merge repeated reports, flag conflicts (knowledge base).

A figure's key is park × indicator × scope × period (``indicator_text`` too
when the indicator is ``other``). Figures of one key are grouped in a fixed
order (document, fact index): a figure joins the first group whose numbers
all agree with its own under the SPEC's tolerances (value within 0.5 % in the
same unit, ``yoy_pct`` / ``share_pct`` within 0.05), else it opens a new
group. One group = one ``park_metrics`` row with every source; two groups
that disagree on a number they both give are a conflict: both rows are kept
and flagged, never averaged or dropped.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Iterable, Optional

from ..names import norm_name
from .gazetteer import short_hash

VALUE_TOL = 0.005  # SPEC 9: value within 0.5 %
PCT_TOL = 0.05  # SPEC 9: yoy_pct and share_pct within 0.05


@dataclass
class Figure:
    """One metric fact about a park, as reported by one document."""

    park_id: str
    doc_id: str
    fact_idx: int
    indicator: str
    indicator_text: str = ""
    scope: Optional[str] = None
    year: Optional[int] = None
    start_month: Optional[int] = None
    end_month: Optional[int] = None
    value: Optional[float] = None
    low: Optional[float] = None
    high: Optional[float] = None
    unit: Optional[str] = None
    qualifier: Optional[str] = None
    yoy_pct: Optional[float] = None
    share_pct: Optional[float] = None
    evidence_start: Optional[int] = None
    evidence_end: Optional[int] = None

    def key(self) -> tuple:
        scope = norm_name(self.scope) if self.scope else ""
        text = norm_name(self.indicator_text or "") if self.indicator == "other" else ""
        return (self.park_id, self.indicator, text, scope, self.year, self.start_month, self.end_month)

    @property
    def has_value(self) -> bool:
        return self.value is not None or self.low is not None or self.high is not None


@dataclass
class MetricRow:
    """One distinct figure of a key, with all the documents that report it."""

    metric_id: str
    key_id: str
    figures: list[Figure] = field(default_factory=list)
    conflict: bool = False
    across_documents: bool = False  # a disagreeing figure comes from another document

    @property
    def first(self) -> Figure:
        return self.figures[0]

    def merged(self, attr: str) -> Any:
        """The first reported ``attr`` among the sources (all agree within tolerance)."""
        for f in self.figures:
            v = getattr(f, attr)
            if v is not None:
                return v
        return None

    def value_fields(self) -> tuple[Optional[float], Optional[float], Optional[float], Optional[str], Optional[str]]:
        """value, low, high, unit, qualifier of the first source that gives a value."""
        for f in self.figures:
            if f.has_value:
                return f.value, f.low, f.high, f.unit, f.qualifier
        return None, None, None, None, None


def _close(a: Optional[float], b: Optional[float], rel: float = 0.0, abs_: float = 0.0) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return abs(a - b) <= max(abs_, rel * max(abs(a), abs(b))) + 1e-12


def values_agree(a: Figure, b: Figure) -> Optional[bool]:
    """Whether two figures' values agree; None when one has no value or the units differ."""
    if not a.has_value or not b.has_value or a.unit != b.unit:
        return None
    if a.value is not None and b.value is not None:
        return _close(a.value, b.value, rel=VALUE_TOL)
    return _close(a.low, b.low, rel=VALUE_TOL) and _close(a.high, b.high, rel=VALUE_TOL) and _close(
        a.value, b.value, rel=VALUE_TOL)


def disagreements(a: Figure, b: Figure) -> list[str]:
    """The numbers both figures give and that differ beyond the tolerance."""
    out = []
    if values_agree(a, b) is False:
        out.append("value")
    for attr in ("yoy_pct", "share_pct"):
        x, y = getattr(a, attr), getattr(b, attr)
        if x is not None and y is not None and not _close(x, y, abs_=PCT_TOL):
            out.append(attr)
    return out


def _fits(f: Figure, group: list[Figure]) -> bool:
    for g in group:
        if disagreements(f, g):
            return False
        if f.has_value and g.has_value and f.unit != g.unit:
            return False
    return True


def merge_figures(figures: Iterable[Figure]) -> list[MetricRow]:
    """Group figures into rows (one per distinct figure of a key), conflicts flagged."""
    by_key: dict[tuple, list[Figure]] = {}
    for f in sorted(figures, key=lambda f: (f.doc_id, f.fact_idx)):
        by_key.setdefault(f.key(), []).append(f)
    rows: list[MetricRow] = []
    for key in sorted(by_key, key=repr):
        key_id = "M" + short_hash(repr(key))
        groups: list[list[Figure]] = []
        for f in by_key[key]:
            target = next((g for g in groups if _fits(f, g)), None)
            if target is None:
                groups.append([f])
            else:
                target.append(f)
        key_rows = [MetricRow(f"{key_id}-{i + 1}", key_id, g) for i, g in enumerate(groups)]
        for i, a in enumerate(key_rows):
            for b in key_rows[i + 1:]:
                if a.across_documents and b.across_documents:
                    continue  # nothing more to learn from this pair
                if any(x.doc_id != y.doc_id and disagreements(x, y) for x in a.figures for y in b.figures):
                    a.conflict = b.conflict = a.across_documents = b.across_documents = True
                elif not (a.conflict and b.conflict) and any(
                        disagreements(x, y) for x in a.figures for y in b.figures):
                    a.conflict = b.conflict = True
        rows.extend(key_rows)
    return rows


def figure_from_fact(park_id: str, doc_id: str, idx: int, fact: dict[str, Any]) -> Figure:
    """A :class:`Figure` from a stored SPEC metric fact (JSON dict)."""
    period = fact.get("period") or {}
    q = fact.get("value") or {}
    ev = fact.get("evidence") or [None, None]
    return Figure(
        park_id, doc_id, idx, fact.get("indicator") or "other", fact.get("indicator_text") or "",
        fact.get("scope"), period.get("year"), period.get("start_month"), period.get("end_month"),
        q.get("value"), q.get("low"), q.get("high"), q.get("unit"), q.get("qualifier"),
        fact.get("yoy_pct"), fact.get("share_pct"), ev[0], ev[1],
    )
