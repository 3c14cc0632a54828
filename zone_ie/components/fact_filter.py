"""``zone_fact_filter``: drop metric figures the confidence model finds unlikely.

Runs after ``zone_relations``. Each metric fact in ``doc._.facts`` gets a
probability from :class:`zone_ie.confidence.FactScorer`; facts below the
threshold are removed (a wrong figure costs an analyst more than a missed one).
The probability of every kept fact is in ``doc._.fact_confidence`` (parallel to
``doc._.facts``; ``None`` for facts the model does not score).

Settings (``[components.zone_fact_filter]``): ``threshold`` (``null``: the one the
model was trained with; ``0``: keep everything and only score) and ``model_file``
(``null``: the shipped ``patterns/fact_confidence.json``). The model travels with
the pipeline (``to_disk``/``to_bytes``), like the entity ruler's patterns.
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterable, Optional

import srsly
from spacy.language import Language
from spacy.tokens import Doc

from ..confidence import FactScorer
from ..result import _mentions, doc_clusters


@Language.factory("zone_fact_filter", default_config={"threshold": None, "model_file": None})
def make_fact_filter(
    nlp: Language, name: str, threshold: Optional[float], model_file: Optional[str]
) -> "ZoneFactFilter":
    return ZoneFactFilter(name, threshold=threshold, model_file=model_file)


class ZoneFactFilter:
    """Score metric facts and drop the unlikely ones; see the module docstring."""

    def __init__(self, name: str = "zone_fact_filter", threshold: Optional[float] = None,
                 model_file: Optional[str] = None) -> None:
        self.name = name
        self.scorer = FactScorer.from_file(model_file)
        self._threshold = threshold

    @property
    def threshold(self) -> float:
        return self.scorer.threshold if self._threshold is None else float(self._threshold)

    def __call__(self, doc: Doc) -> Doc:
        facts = list(doc._.facts or [])
        if not facts:
            doc._.fact_confidence = []
            return doc
        rep = doc._.repair
        mentions = _mentions(doc)
        entities = []
        for s, e, label, text, _ in mentions:
            rs, re_ = rep.span_to_raw(s, e)
            entities.append((rs, re_, label, text))
        clusters = [(c.label, c.canonical, c.names) for c in doc_clusters(doc, mentions)]
        scores = self.scorer.score(facts, rep, entities, clusters)
        th = self.threshold
        kept = [(f, p) for f, p in zip(facts, scores) if p is None or p >= th]
        doc._.facts = [f for f, _ in kept]
        doc._.fact_confidence = [p for _, p in kept]
        return doc

    # --- serialization (the model travels with the pipeline) ----------------
    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps({"model": self.scorer.model})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "ZoneFactFilter":
        self.scorer = FactScorer(srsly.msgpack_loads(data)["model"])
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        # the standard json module: floats round-trip exactly
        (path / "model.json").write_text(json.dumps(self.scorer.model, ensure_ascii=False, indent=1), encoding="utf8")

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "ZoneFactFilter":
        self.scorer = FactScorer(json.loads((Path(path) / "model.json").read_text(encoding="utf8")))
        return self
