"""Score predictions against gold (SPEC section 9).

The scorer works on plain SPEC JSON objects (``dict``), so it does not depend
on the pipeline; :class:`zone_ie.models.DocResult` objects are accepted too and
dumped to dicts first.

Decisions where SPEC 9 leaves room (documented here, mirrored in
``tests/reference_scorer.py``):

- Documents are paired by ``doc_id``. A gold document without a prediction
  scores as an empty prediction (everything is a false negative). Predictions
  for documents not in gold are ignored and reported in
  :attr:`EvalResult.warnings`; for a repeated predicted ``doc_id`` the first
  one is used.
- Names in fact fields are resolved through the GOLD clusters of the
  document: ``norm_name(name)`` is looked up among the names (and canonical)
  of the gold clusters of the field's label (alias: the fact's ``label``;
  located_in: COMPANY / PARK; metric subject: PARK first, then COMPANY;
  project: COMPANY / PARK). An unknown name resolves to its own
  ``norm_name``, so identical unknown strings still match each other.
- ``entities``: sets of ``(start, end, label)``; duplicates count once.
- ``clusters``: gold units are the gold clusters ``(label, cluster)``. A
  predicted cluster (all its ``names`` plus ``canonical``) finds every gold
  cluster of the same label that one of its names norm-matches; tp is the
  number of distinct gold clusters found, fn the rest. A predicted cluster
  that finds no gold cluster is ONE false positive (identical predicted
  clusters, same label and same set of normalized names, count once). Names
  of a predicted cluster that hits something are not penalised.
- Numbers: a Quantity agrees when the units are equal and each of
  ``value``, ``low``, ``high`` is null on both sides or given on both sides
  and within 0.5 % of the gold number (``|p - g| <= 0.005 * |g|``);
  ``qualifier`` and ``classifier`` are not scored. A Quantity whose
  value, low and high are all null counts as absent. ``yoy_pct`` and
  ``share_pct`` agree within 0.05 absolute. A relative epsilon (1e-9) absorbs
  float noise, so the tolerance edge itself agrees.
- ``metric`` (strict): subject cluster, ``indicator`` and period
  ``(year, start_month, end_month)`` equal (a null period equals an all-null
  one); each of value / yoy_pct / share_pct is null on both sides or agrees;
  if gold has a non-empty ``scope``, the predicted scope must be non-empty and
  equal to it or contain it or be contained in it (after ``norm_name``); a
  null gold scope ignores the predicted scope.
- ``metric_relaxed``: subject cluster and indicator equal and at least one of
  value / yoy_pct / share_pct given on both sides and agreeing.
- ``project``: normalized names non-empty and one contains the other, or
  ``LCS / max(len) >= 0.6``; company and park are checked only where gold
  gives them (non-null), investment only where gold gives one (a predicted
  investment against a null gold investment is not a mismatch). Capacity and
  status are not scored.
- Matching is one-to-one and maximal (SPEC v1.1): the largest set of matching
  (gold, prediction) pairs, found by augmenting paths, so the score does not
  depend on the order of facts in either file.
- Scores: ``p = tp / (tp + fp)``, ``r = tp / (tp + fn)``, ``f1`` their
  harmonic mean; any 0/0 is 0.0 (also when a part is empty on both sides).
  Totals are micro-averaged: tp / fp / fn summed over documents.
  ``overall`` sums tp / fp / fn of alias, located_in, metric (strict) and
  project.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

from .names import NAME_SIM, lcs_len, project_names_match  # noqa: F401  (re-exported)
from .names import norm_name as _norm_name

PARTS = (
    "entities",
    "clusters",
    "alias",
    "located_in",
    "metric",
    "metric_relaxed",
    "project",
    "overall",
)
OVERALL_PARTS = ("alias", "located_in", "metric", "project")

VALUE_REL_TOL = 0.005
PCT_ABS_TOL = 0.05
_EPS = 1e-9

DocsInput = Union[str, Path, Iterable[Any]]  # JSONL path, or dicts / DocResults
Key = tuple


def norm_name(s: Optional[str]) -> str:
    """SPEC 3 ``norm_name`` (see :func:`zone_ie.names.norm_name`); ``None`` -> ``""``."""
    return _norm_name(s) if s else ""


@dataclass
class Score:
    """Counts and precision / recall / F1 of one part."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.p, self.r
        return 2 * p * r / (p + r) if p + r else 0.0

    def __iadd__(self, other: "Score") -> "Score":
        self.tp += other.tp
        self.fp += other.fp
        self.fn += other.fn
        return self

    def to_json(self) -> dict[str, Union[float, int]]:
        return {"p": self.p, "r": self.r, "f1": self.f1, "tp": self.tp, "fp": self.fp, "fn": self.fn}


@dataclass
class PartDetail:
    """What happened to each unit of one part in one document."""

    matched: list[tuple[Any, Any]] = field(default_factory=list)  # (gold, pred)
    missed: list[Any] = field(default_factory=list)  # gold not matched
    spurious: list[Any] = field(default_factory=list)  # pred not matched


@dataclass
class EvalResult:
    """Micro-averaged scores, per-document scores and per-document details."""

    parts: dict[str, Score]
    per_doc: dict[str, dict[str, Score]]
    details: dict[str, dict[str, PartDetail]]
    warnings: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, dict[str, Union[float, int]]]:
        """``{part: {"p", "r", "f1", "tp", "fp", "fn"}}`` for the eight parts."""
        return {part: self.parts[part].to_json() for part in PARTS}


def load_jsonl(path: Union[str, Path]) -> list[dict]:
    """Read a SPEC JSONL file (blank lines skipped)."""
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def as_docs(docs: DocsInput) -> list[dict]:
    """Docs as SPEC dicts from a JSONL path or an iterable of dicts / DocResults."""
    if isinstance(docs, (str, Path)):
        return load_jsonl(docs)
    out = []
    for doc in docs:
        out.append(doc.model_dump(mode="json") if hasattr(doc, "model_dump") else doc)
    return out


# ---------------------------------------------------------------- resolution


class _Clusters:
    """Resolve names to gold clusters of one document."""

    def __init__(self, clusters: list[dict]):
        self.index: dict[tuple[str, str], int] = {}
        for i, cl in enumerate(clusters):
            for name in [cl.get("canonical"), *(cl.get("names") or [])]:
                n = norm_name(name)
                if n:
                    self.index.setdefault((cl["label"], n), i)

    def find(self, name: Optional[str], label: str) -> Optional[int]:
        return self.index.get((label, norm_name(name)))

    def key(self, name: Optional[str], *labels: str) -> Key:
        """Cluster key of ``name`` (first label that knows it), else its norm_name."""
        for label in labels:
            i = self.find(name, label)
            if i is not None:
                return ("cluster", i)
        return ("name", norm_name(name))


# ---------------------------------------------------------------- numbers


def _num_close(g: Optional[float], p: Optional[float], rel: bool) -> bool:
    if g is None or p is None:
        return g is None and p is None
    tol = VALUE_REL_TOL * abs(g) if rel else PCT_ABS_TOL
    return abs(p - g) <= tol + _EPS * max(1.0, abs(g))


def quantity_agrees(g: Optional[dict], p: Optional[dict]) -> bool:
    """Two non-null Quantities agree: same unit, value/low/high within 0.5 %."""
    if not g or not p or g.get("unit") != p.get("unit"):
        return False
    return all(_num_close(g.get(k), p.get(k), rel=True) for k in ("value", "low", "high"))


def _period(period: Optional[dict]) -> tuple:
    period = period or {}
    return (period.get("year"), period.get("start_month"), period.get("end_month"))


def _quantity(q: Optional[dict]) -> Optional[dict]:
    """``q`` if it gives a number, else None (a Quantity without numbers is absent)."""
    if q and any(q.get(k) is not None for k in ("value", "low", "high")):
        return q
    return None


def _numbers(g: dict, p: dict) -> list[Optional[bool]]:
    """Per number (value, yoy_pct, share_pct): None if both lack it, else agreement."""
    out: list[Optional[bool]] = []
    gv, pv = _quantity(g.get("value")), _quantity(p.get("value"))
    out.append(None if gv is None and pv is None else quantity_agrees(gv, pv))
    for k in ("yoy_pct", "share_pct"):
        gn, pn = g.get(k), p.get(k)
        out.append(None if gn is None and pn is None else _num_close(gn, pn, rel=False))
    return out


def _scope_ok(g: Optional[str], p: Optional[str]) -> bool:
    gs, ps = norm_name(g), norm_name(p)
    if not gs:
        return True
    return bool(ps) and (gs in ps or ps in gs)


# ---------------------------------------------------------------- fact matchers

Matcher = Callable[[dict, dict, _Clusters], bool]


def _alias_match(g: dict, p: dict, cl: _Clusters) -> bool:
    def key(f: dict) -> Key:
        labels = (f["label"],) if f.get("label") else ("PARK", "COMPANY")
        return (cl.key(f.get("name"), *labels), norm_name(f.get("alias")))

    return key(g) == key(p)


def _located_match(g: dict, p: dict, cl: _Clusters) -> bool:
    return cl.key(g.get("company"), "COMPANY") == cl.key(p.get("company"), "COMPANY") and cl.key(
        g.get("park"), "PARK"
    ) == cl.key(p.get("park"), "PARK")


def _same_subject_indicator(g: dict, p: dict, cl: _Clusters) -> bool:
    return g.get("indicator") == p.get("indicator") and cl.key(
        g.get("subject"), "PARK", "COMPANY"
    ) == cl.key(p.get("subject"), "PARK", "COMPANY")


def _metric_match(g: dict, p: dict, cl: _Clusters) -> bool:
    return (
        _same_subject_indicator(g, p, cl)
        and _period(g.get("period")) == _period(p.get("period"))
        and all(ok is not False for ok in _numbers(g, p))
        and _scope_ok(g.get("scope"), p.get("scope"))
    )


def _metric_relaxed_match(g: dict, p: dict, cl: _Clusters) -> bool:
    return _same_subject_indicator(g, p, cl) and any(ok is True for ok in _numbers(g, p))


def _project_match(g: dict, p: dict, cl: _Clusters) -> bool:
    if not project_names_match(g.get("name"), p.get("name")):
        return False
    for fld, label in (("company", "COMPANY"), ("park", "PARK")):
        if g.get(fld) and cl.key(g[fld], label) != cl.key(p.get(fld), label):
            return False
    g_inv = _quantity(g.get("investment"))
    return g_inv is None or quantity_agrees(g_inv, p.get("investment"))


_MATCHERS: dict[str, tuple[str, Matcher]] = {
    "alias": ("alias", _alias_match),
    "located_in": ("located_in", _located_match),
    "metric": ("metric", _metric_match),
    "metric_relaxed": ("metric", _metric_relaxed_match),
    "project": ("project", _project_match),
}


def _maximal(gold: list[dict], pred: list[dict], match: Matcher, cl: _Clusters) -> PartDetail:
    """Maximum one-to-one matching of gold and predicted facts (SPEC 9, v1.1).

    Augmenting paths (Kuhn's algorithm) over the match graph: the number of matched
    pairs is the largest possible, so it does not depend on the order of either list.
    Which pairs are reported when several maximum matchings exist follows file order.
    """
    edges = [[j for j, p in enumerate(pred) if match(g, p, cl)] for g in gold]
    owner: list[Optional[int]] = [None] * len(pred)

    def augment(i: int, seen: set[int]) -> bool:
        for j in edges[i]:
            if j in seen:
                continue
            seen.add(j)
            if owner[j] is None or augment(owner[j], seen):
                owner[j] = i
                return True
        return False

    for i in range(len(gold)):
        if edges[i]:
            augment(i, set())
    pair_of = {i: j for j, i in enumerate(owner) if i is not None}
    detail = PartDetail()
    for i, g in enumerate(gold):
        if i in pair_of:
            detail.matched.append((g, pred[pair_of[i]]))
        else:
            detail.missed.append(g)
    detail.spurious = [p for j, p in enumerate(pred) if owner[j] is None]
    return detail


# ---------------------------------------------------------------- parts


def _entities(gold: dict, pred: dict) -> PartDetail:
    def key(e: dict) -> tuple:
        return (e.get("start"), e.get("end"), e.get("label"))

    detail = PartDetail()
    pred_by_key: dict[tuple, dict] = {}
    for e in pred.get("entities") or []:
        pred_by_key.setdefault(key(e), e)
    gold_keys: set[tuple] = set()
    for e in gold.get("entities") or []:
        k = key(e)
        if k in gold_keys:
            continue
        gold_keys.add(k)
        if k in pred_by_key:
            detail.matched.append((e, pred_by_key[k]))
        else:
            detail.missed.append(e)
    detail.spurious = [e for k, e in pred_by_key.items() if k not in gold_keys]
    return detail


def _clusters(gold: dict, pred: dict, cl: _Clusters) -> PartDetail:
    gold_clusters = gold.get("clusters") or []
    found: dict[int, dict] = {}
    spurious: dict[tuple, dict] = {}
    for pc in pred.get("clusters") or []:
        label = pc.get("label")
        names = [pc.get("canonical"), *(pc.get("names") or [])]
        hits = {i for i in (cl.find(n, label) for n in names if norm_name(n)) if i is not None}
        for i in sorted(hits):
            found.setdefault(i, pc)
        if not hits:
            spurious.setdefault((label, frozenset(norm_name(n) for n in names if norm_name(n))), pc)
    detail = PartDetail(spurious=list(spurious.values()))
    for i, gc in enumerate(gold_clusters):
        if i in found:
            detail.matched.append((gc, found[i]))
        else:
            detail.missed.append(gc)
    return detail


def _score(detail: PartDetail) -> Score:
    return Score(tp=len(detail.matched), fp=len(detail.spurious), fn=len(detail.missed))


def evaluate_doc(gold: dict, pred: Optional[dict]) -> dict[str, PartDetail]:
    """Details of every scored part (all but ``overall``) for one document."""
    pred = pred or {}
    cl = _Clusters(gold.get("clusters") or [])
    details = {"entities": _entities(gold, pred), "clusters": _clusters(gold, pred, cl)}
    gold_facts = gold.get("facts") or []
    pred_facts = pred.get("facts") or []
    for part, (ftype, matcher) in _MATCHERS.items():
        g = [f for f in gold_facts if f.get("type") == ftype]
        p = [f for f in pred_facts if f.get("type") == ftype]
        details[part] = _maximal(g, p, matcher, cl)
    return details


def evaluate(gold: DocsInput, predictions: DocsInput) -> EvalResult:
    """Score ``predictions`` against ``gold`` (doc dicts, DocResults or JSONL paths)."""
    gold_docs = as_docs(gold)
    warnings: list[str] = []
    preds: dict[str, dict] = {}
    for doc in as_docs(predictions):
        doc_id = doc.get("doc_id")
        if doc_id in preds:
            warnings.append(f"duplicate prediction for doc_id {doc_id!r}: first one used")
        else:
            preds[doc_id] = doc
    totals = {part: Score() for part in PARTS}
    per_doc: dict[str, dict[str, Score]] = {}
    details: dict[str, dict[str, PartDetail]] = {}
    for doc in gold_docs:
        doc_id = doc["doc_id"]
        if doc_id in details:
            raise ValueError(f"duplicate gold doc_id {doc_id!r}")
        if doc_id not in preds:
            warnings.append(f"no prediction for gold doc_id {doc_id!r}: all false negatives")
        doc_details = evaluate_doc(doc, preds.get(doc_id))
        scores = {part: _score(d) for part, d in doc_details.items()}
        scores["overall"] = Score()
        for part in OVERALL_PARTS:
            scores["overall"] += scores[part]
        for part in PARTS:
            totals[part] += scores[part]
        per_doc[doc_id] = {part: scores[part] for part in PARTS}
        details[doc_id] = doc_details
    for doc_id in preds:
        if doc_id not in details:
            warnings.append(f"prediction for doc_id {doc_id!r} not in gold: ignored")
    return EvalResult(parts=totals, per_doc=per_doc, details=details, warnings=warnings)
