"""A park knowledge base across documents (``zone-ie kb``).

``KnowledgeBase("facts.sqlite").build()`` links every PARK cluster of every
stored document to one park record (an official zone of the gazetteer, or a
local park with a stable id), every COMPANY cluster to one company record, and
merges the parks' figures into ``park_metrics`` (one row per distinct figure,
all its sources kept, conflicts flagged). Modules: :mod:`.gazetteer` (zones,
places, name forms), :mod:`.identity` (linking), :mod:`.metrics` (figures and
conflicts), :mod:`.base` (storage and queries), :mod:`.page` (the HTML page),
:mod:`.cli` (the ``kb`` commands).
"""
from __future__ import annotations

from .base import BuildStats, KnowledgeBase

__all__ = ["BuildStats", "KnowledgeBase"]
