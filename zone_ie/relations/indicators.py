"""Indicator vocabulary (``patterns/indicators.json``): phrase -> (id, form, scope)."""
from __future__ import annotations

from functools import lru_cache
from typing import Any, Optional, Sequence

from ..resources import load_json


@lru_cache(maxsize=None)
def vocab() -> dict[str, Any]:
    return dict(load_json("indicators.json"))


@lru_cache(maxsize=None)
def _forms() -> list[tuple[str, str]]:
    """``(form, id)`` pairs, longest form first."""
    pairs = [(f, ind["id"]) for ind in vocab()["indicators"] for f in ind["forms"]]
    return sorted(pairs, key=lambda p: -len(p[0]))


@lru_cache(maxsize=None)
def _forms_by_length() -> tuple[tuple[int, dict[str, str]], ...]:
    """``(length, {form: id})`` groups, longest first; the first id listed wins a form."""
    groups: dict[int, dict[str, str]] = {}
    for form, ind in _forms():
        groups.setdefault(len(form), {}).setdefault(form, ind)
    return tuple(sorted(groups.items(), reverse=True))


def find_indicator(phrase: str) -> Optional[tuple[str, int, int]]:
    """The indicator id and the span of its form in ``phrase``: the longest form,
    the rightmost occurrence on ties of length."""
    n = len(phrase)
    for size, forms in _forms_by_length():
        for i in range(n - size, -1, -1):  # rightmost first
            ind = forms.get(phrase[i : i + size])
            if ind is not None:
                return ind, i, i + size
    return None


@lru_cache(maxsize=256)
def _strip_plan(words: tuple[str, ...]) -> tuple[tuple[str, ...], frozenset[str], frozenset[str]]:
    """``words`` longest first, and the characters they can start and end with."""
    ordered = tuple(sorted(words, key=len, reverse=True))
    if "" in words:  # an empty word strips everything: no shortcut
        return ordered, frozenset(), frozenset()
    return ordered, frozenset(w[0] for w in words), frozenset(w[-1] for w in words)


def strip_words(phrase: str, words: Sequence[str], both: bool = True) -> str:
    """``phrase`` without any of ``words`` repeated at its ends."""
    ordered, firsts, lasts = _strip_plan(tuple(words))
    changed = True
    while changed and phrase:
        if lasts and phrase[-1] not in lasts and not (both and phrase[0] in firsts):
            break  # no word at either end: this pass would change nothing
        changed = False
        for w in ordered:
            if phrase.endswith(w):
                phrase, changed = phrase[: -len(w)], True
            elif both and phrase.startswith(w):
                phrase, changed = phrase[len(w):], True
    return phrase
