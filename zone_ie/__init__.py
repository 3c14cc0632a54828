"""zone_ie: typed, verifiable facts about Chinese industrial parks from news text.

>>> import zone_ie
>>> nlp = zone_ie.load(segmenter="char")
>>> result = zone_ie.extract(raw_text, nlp=nlp)     # a DocResult (SPEC JSONL line)

Heavy parts (spaCy, the scorer, the normalizer) are imported on first use.
"""
from __future__ import annotations

from importlib import import_module
from typing import Any

from .models import (  # noqa: F401
    AliasFact, Cluster, DocResult, Entity, LocatedInFact, MetricFact, Period, ProjectFact, Quantity,
)
from .repair import RepairedText, repair  # noqa: F401

__version__ = "0.1.0"

_LAZY = {
    "load": "pipeline", "extract": "pipeline", "extract_many": "pipeline", "make_doc": "pipeline",
    "evaluate": "evaluate", "parse_quantity": "quantities", "parse_period": "periods",
    "render": "show",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        return getattr(import_module(f".{_LAZY[name]}", __name__), name)
    raise AttributeError(f"module 'zone_ie' has no attribute {name!r}")
