"""How likely an extracted metric figure is right: features and a small learned model.

The relation extractors decide a figure's subject, indicator, period and scope by
precedence rules; where those rules are unsure, the figure they give is often wrong
(a city's figure, a forecast, a number inside a long clause). This module scores
each metric fact with a logistic model over plain features of the fact and its
sentence (indicator, unit, kind of figure, period grain, distance to the subject's
last mention, area, forecast and threshold cue words, quotes, ...).

The model is data: ``patterns/fact_confidence.json`` holds the cue words, the
weights and the threshold, written by ``benchmarks/train_confidence.py`` from the
labelled sets. Scoring is a dot product: deterministic and fast. The same feature
function reads a processed Doc (the ``zone_fact_filter`` component) and a SPEC
result record with its raw text (training), so both see exactly the same features;
sentences are read in the repaired text, where a PDF line break is no sentence end.
"""
from __future__ import annotations

import json
import math
from bisect import bisect_right
from collections import Counter
from pathlib import Path
from typing import Any, Iterable, Mapping, Optional, Sequence

import regex

from .repair import RepairedText, repair, table_rows
from .resources import load_json

MODEL_FILE = "fact_confidence.json"  # in patterns/
FEATURES_VERSION = 1

# sentence ends for the evidence's sentence
_SENT_END = "。！？；\n"
# distance buckets (characters from the subject's last mention to the evidence)
_DISTANCE_BUCKETS = ((30, "d30"), (100, "d100"), (300, "d300"), (1000, "d1000"))


def _get(fact: Any, key: str) -> Any:
    # a JSON record (dict) or a model (fact, quantity, period); ``dict`` is checked directly: ``Mapping`` is slow
    return fact.get(key) if type(fact) is dict else getattr(fact, key, None)


def _simplified(text: str) -> str:
    """``text`` in simplified characters, as the repaired text and the cue words are."""
    from .convert import simplified_view

    return simplified_view(text) or text if text else text


def _sentence(text: str, start: int, end: int) -> str:
    """The sentence (or line) around ``text[start:end]``."""
    a = max(text.rfind(c, 0, start) for c in _SENT_END) + 1
    ends = [i for i in (text.find(c, end) for c in _SENT_END) if i >= 0]
    return text[a : min(ends) if ends else len(text)]


class _Cues:
    """The cue-word alternations of the model file."""

    def __init__(self, cues: Mapping[str, Sequence[str]]) -> None:
        def alt(key: str) -> Optional[regex.Pattern]:
            words = sorted(cues.get(key) or (), key=len, reverse=True)
            return regex.compile("|".join(map(regex.escape, words))) if words else None

        self.area = alt("area_words")
        self.future = alt("future_words")
        self.threshold = alt("threshold_words")
        self.pairing = alt("pairing_words")
        self.indicator_words = tuple(cues.get("indicator_text_words") or ())
        self.sub_park_tails = tuple(cues.get("sub_park_tails") or ())


def metric_features(
    fact: Any,
    span: tuple[int, int],
    text: str,
    subject_starts: Sequence[int],
    subject_label: Optional[str],
    same_span: int,
    cues: _Cues,
    simplify: bool = True,
) -> dict[str, float]:
    """The features of one metric fact (a model or its JSON dict).

    ``span``: the evidence in ``text``, the repaired text; ``subject_starts``: starts
    (in ``text``) of the mentions of the subject's cluster; ``same_span``: how many
    metric facts share this fact's evidence; ``simplify``: the document has
    traditional characters (its text fields are read in simplified ones).
    """
    simple = _simplified if simplify else str
    f: dict[str, float] = {"ind=" + str(_get(fact, "indicator")): 1.0}
    value = _get(fact, "value")
    unit = str((_get(value, "unit") if value is not None else None) or "none").split(":")[0]
    f["unit=" + unit] = 1.0
    f["qual=" + str(_get(value, "qualifier") if value is not None else None)] = 1.0
    if value is not None:
        f["has_value"] = 1.0
    if _get(fact, "yoy_pct") is not None:
        f["has_yoy"] = 1.0
    if _get(fact, "share_pct") is not None:
        f["has_share"] = 1.0
    period = _get(fact, "period")
    if period is None:
        f["period=none"] = 1.0
    elif _get(period, "start_month") is None:
        f["period=year"] = 1.0
    elif _get(period, "start_month") == _get(period, "end_month"):
        f["period=month"] = 1.0
    else:
        f["period=range"] = 1.0
    scope = simple(_get(fact, "scope") or "")
    itext = simple(_get(fact, "indicator_text") or "")
    if scope:
        f["scope"] = 1.0
        if scope == itext:
            f["scope=indicator_text"] = 1.0
    for w in cues.indicator_words:
        if w in itext:
            f["it_" + w] = 1.0
    f["subject=" + str(subject_label)] = 1.0
    subject = simple(_get(fact, "subject") or "")
    if cues.sub_park_tails and subject.endswith(cues.sub_park_tails):
        f["subject_sub_park"] = 1.0
    start, end = span
    before = [s for s in subject_starts if s < end]
    if before and max(before) >= start:
        f["d_in"] = 1.0
    else:
        d = start - max(before) if before else None
        for limit, name in _DISTANCE_BUCKETS:
            if d is not None and d <= limit:
                f[name] = 1.0
                break
        else:
            f["d_far"] = 1.0
    sent = _sentence(text, start, end)
    evidence = text[start:end]
    # no length or position features: they learn an article style (the PDF seeds' long
    # sentences), not whether a figure is right
    if subject and subject in sent:
        f["subject_in_sentence"] = 1.0
    for name, rx in (("area", cues.area), ("future", cues.future), ("threshold", cues.threshold),
                     ("pairing", cues.pairing)):
        if rx is not None and rx.search(sent):
            f[name + "_in_sentence"] = 1.0
    if cues.area is not None and cues.area.search(evidence):
        f["area_in_evidence"] = 1.0
    if text.count("“", 0, start) > text.count("”", 0, start):
        f["in_quote"] = 1.0
    f["same_span"] = min(same_span, 4) / 4
    return f


def doc_metric_features(
    facts: Sequence[Any],
    rep: RepairedText,
    entities: Iterable[tuple[int, int, str, str]],
    clusters: Iterable[tuple[str, str, Sequence[str]]],
    cues: "_Cues",
) -> list[Optional[dict[str, float]]]:
    """Features of each metric fact of a document (``None`` for other facts).

    ``rep``: the document's repaired text (features read sentences there, so a PDF
    line break is no sentence end); ``entities``: ``(start, end, label, text)``
    mentions with raw offsets; ``clusters``: ``(label, canonical, names)``.
    """
    from .names import norm_name

    cluster_of: dict[str, tuple[str, str]] = {}
    for label, canonical, names in clusters:
        for name in (canonical, *names):
            cluster_of.setdefault(norm_name(name), (label, canonical))
    starts: dict[str, list[int]] = {}
    for s, _, label, name in entities:
        c = cluster_of.get(norm_name(name))
        if c is not None:
            starts.setdefault(c[1], []).append(rep.from_raw(s))
    spans = Counter(tuple(_get(f, "evidence") or ()) for f in facts if _get(f, "type") == "metric")
    rows = table_rows(rep.source)
    out: list[Optional[dict[str, float]]] = []
    for f in facts:
        if _get(f, "type") != "metric" or _in_table_row(rows, _get(f, "evidence")):
            out.append(None)  # not a metric, or read from a table row under its header
            continue
        c = cluster_of.get(norm_name(_get(f, "subject") or ""))
        raw_span = tuple(_get(f, "evidence") or (0, 0))
        span = (rep.from_raw(raw_span[0]), rep.from_raw(raw_span[1])) if raw_span else (0, 0)
        out.append(metric_features(
            f, span, rep.text, starts.get(c[1], ()) if c else (), c[0] if c else None,
            spans[raw_span], cues, rep.view is not None,
        ))
    return out


def _in_table_row(rows: Sequence[tuple[int, int]], evidence: Any) -> bool:
    """Whether a raw evidence span lies within one line of a table (a table reader's
    figure: its header names the indicator and its row the subject, so the model,
    which reads prose cues, has nothing to judge)."""
    if not rows or not evidence:
        return False
    s, e = evidence[0], evidence[1]
    k = bisect_right(rows, (s, 1 << 62)) - 1  # the last row starting at or before s (rows are sorted)
    return k >= 0 and rows[k][0] <= s and e <= rows[k][1]


class FactScorer:
    """A logistic model over :func:`metric_features`; see the module docstring."""

    def __init__(self, model: Mapping[str, Any]) -> None:
        if model.get("features_version") != FEATURES_VERSION:
            raise ValueError(
                f"the fact-confidence model was trained on feature version {model.get('features_version')}, "
                f"this code computes version {FEATURES_VERSION}: retrain it (make train-confidence)"
            )
        self.model = dict(model)
        self.cues = _Cues(model.get("cues") or {})
        metric = model.get("metric") or {}
        self.weights: dict[str, float] = dict(metric.get("weights") or {})
        self.bias = float(metric.get("bias", 0.0))
        self.threshold = float(metric.get("threshold", 0.0))

    @classmethod
    def from_file(cls, path: Optional[Path | str] = None) -> "FactScorer":
        """The model at ``path``, or the shipped one (``patterns/fact_confidence.json``)."""
        if path is None:
            return cls(load_json(MODEL_FILE))
        with open(path, encoding="utf8") as fh:
            return cls(json.load(fh))

    def probability(self, features: Mapping[str, float]) -> float:
        """The model's probability that the fact with ``features`` is right."""
        z = self.bias + sum(self.weights.get(k, 0.0) * v for k, v in features.items())
        return 1.0 / (1.0 + math.exp(-z)) if z > -700 else 0.0

    def score(
        self,
        facts: Sequence[Any],
        rep: RepairedText,
        entities: Iterable[tuple[int, int, str, str]],
        clusters: Iterable[tuple[str, str, Sequence[str]]],
    ) -> list[Optional[float]]:
        """The probability of each metric fact (``None`` for facts the model does not score)."""
        feats = doc_metric_features(facts, rep, entities, clusters, self.cues)
        return [None if f is None else round(self.probability(f), 4) for f in feats]


def record_inputs(record: Mapping[str, Any], text: str) -> tuple[RepairedText, list, list]:
    """``rep``, ``entities`` and ``clusters`` in :meth:`FactScorer.score`'s form from a SPEC
    result record and the raw text it was extracted from (repaired as the tokenizer does)."""
    from .convert import simplified_view

    rep = repair(text, simplified_view(text))
    ents = [(e["start"], e["end"], e["label"], e["text"]) for e in record.get("entities") or ()]
    clusters = [(c["label"], c["canonical"], c.get("names") or ()) for c in record.get("clusters") or ()]
    return rep, ents, clusters
