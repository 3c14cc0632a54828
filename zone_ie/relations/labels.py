"""Label frames (issue 14.3): the ``指标：数值`` lines of bulletins and data releases.

``■ 地区生产总值：完成61.8亿元，同比增长12.6%`` or ``2. 外贸进出口总额:36.2亿元``: the
indicator stands before a colon and the figure after it, with nothing but value verbs
(``完成``, ``实现``, ``达``) in between. The colon ends a clause for every other purpose, so
without this frame the figure would be read with the words ``完成`` as its indicator.
Bullets and list numbers in front of the label are not part of it (``label_marks``,
``label_number_re`` in ``patterns/indicators.json``)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .context import DocContext
from .indicators import find_indicator, strip_words, vocab

_COLONS = "：:"
_CLAUSE_BEFORE_LABEL = re.compile(r"[，,；;。！？\n]")


def label_frame(ctx: DocContext, s: int, cs: int, q_start: int, prev_end: int) -> Optional[tuple[int, int]]:
    """``(start, end)`` of the label a figure at ``q_start`` is stated under, when its
    clause (starting at ``cs`` in the sentence starting at ``s``) opens right after a
    colon and holds nothing but value verbs before the figure; else None. ``prev_end``:
    the end of the figure before (a label names only the first figure after it)."""
    if cs <= s or ctx.text[cs - 1] not in _COLONS or prev_end > cs:
        return None
    text = ctx.text
    between = text[cs:q_start].strip()
    if between and strip_words(between, _value_words()):
        return None  # ``…：其中出口…``: the clause names its own indicator
    colon = cs - 1
    start = s
    for m in _CLAUSE_BEFORE_LABEL.finditer(text, s, colon):
        start = m.end()
    start = after_marks(text, start, colon)
    label = text[start:colon].strip()
    v = vocab()
    if not (v["label_min"] <= len(label) <= v["label_max"]) or find_indicator(label) is None:
        return None
    return start, colon


def after_marks(text: str, start: int, end: int) -> int:
    """``start`` moved past the whitespace, bullets and list number opening a label."""
    m = _number_re().match(text, start, end)
    return m.end() if m else start


@lru_cache(maxsize=1)
def _number_re() -> "re.Pattern[str]":
    marks = re.escape("".join(vocab()["label_marks"]))
    return re.compile(r"[\s%s]*(?:%s)?[\s%s]*" % (marks, vocab()["label_number_re"], marks))


@lru_cache(maxsize=1)
def _value_words() -> tuple[str, ...]:
    return tuple(vocab()["value_verbs"] + vocab()["label_value_words"])
