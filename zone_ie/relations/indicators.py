"""Indicator vocabulary (``patterns/indicators.json``): phrase -> (id, form, scope)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional

from ..resources import load_json


@lru_cache(maxsize=None)
def vocab() -> dict[str, Any]:
    return dict(load_json("indicators.json"))


@lru_cache(maxsize=None)
def _forms() -> list[tuple[str, str]]:
    """``(form, id)`` pairs, longest form first."""
    pairs = [(f, ind["id"]) for ind in vocab()["indicators"] for f in ind["forms"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


def find_indicator(phrase: str) -> Optional[tuple[str, int, int]]:
    """The indicator id and the span of its form in ``phrase``: the longest form,
    the rightmost occurrence on ties of length."""
    best: Optional[tuple[str, int, int]] = None
    for form, ind in _forms():
        if best is not None and len(form) < best[2] - best[1]:
            break
        i = phrase.rfind(form)
        if i >= 0 and (best is None or i > best[1]):
            best = (ind, i, i + len(form))
    return best


def strip_words(phrase: str, words: list[str], both: bool = True) -> str:
    """``phrase`` without any of ``words`` repeated at its ends."""
    changed = True
    while changed and phrase:
        changed = False
        for w in sorted(words, key=len, reverse=True):
            if phrase.endswith(w):
                phrase, changed = phrase[: -len(w)], True
            elif both and phrase.startswith(w):
                phrase, changed = phrase[len(w):], True
    return phrase
