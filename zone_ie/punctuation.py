"""Half-width sentence stops: a view of the raw text where a web page's ``.`` that
ends a sentence (``合计进出口6.2亿元.3月份,区内…``) reads as ``。``.

Web pages and their copies often end Chinese sentences with the ASCII full stop.
The pipeline's sentence, clause and period rules read ``。``; :func:`sentence_stop_view`
gives them a copy of the text, exactly as long, where each such stop is ``。``
(character ``i`` stands for raw character ``i``, like the simplified view of
:mod:`zone_ie.convert`), so every offset still points into what the user gave.

A ``.`` is a sentence stop when a Chinese character or the close of a figure or a
quote (``%``, ``）``, ``”``) stands before it and a Chinese character, a digit, an
opening quote, a space or the end of the line follows: ``6.2`` (a decimal),
``www.gov.cn``, ``No.1`` and ``2024.03.21`` keep their dots.
"""
from __future__ import annotations

import re
from typing import Optional

_STOP = re.compile(r"(?<=[\u4e00-\u9fff%％）)”\"」])\.(?=[\u4e00-\u9fff\d“\"「\s]|$)")


def sentence_stop_view(text: str) -> Optional[str]:
    """``text`` with its half-width sentence stops read as ``。``, or ``None`` when it has none."""
    if "." not in text:
        return None
    view = _STOP.sub("。", text)
    return None if view == text else view
