"""Indicator vocabulary (``patterns/indicators.json``): phrase -> (id, form, scope)."""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Any, Optional, Sequence

from ..resources import load_json
from .context import _alternation


@lru_cache(maxsize=None)
def vocab() -> dict[str, Any]:
    return dict(load_json("indicators.json"))


@lru_cache(maxsize=None)
def vocab_tuple(key: str) -> tuple[str, ...]:
    """``tuple(vocab()[key])``, built once (for str.startswith / endswith)."""
    return tuple(vocab()[key])


def has_vocab(key: str, text: str) -> bool:
    """Whether a word of the ``vocab()`` list ``key`` occurs in ``text``."""
    return _vocab_alternation(key).search(text) is not None


@lru_cache(maxsize=None)
def _vocab_alternation(key: str) -> "re.Pattern[str]":
    return _alternation(tuple(vocab()[key]))


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


@lru_cache(maxsize=None)
def _form_heads() -> Optional[frozenset[str]]:
    """The first two characters of every form (None when a form is shorter)."""
    forms = [f for f, _ in _forms()]
    if any(len(f) < 2 for f in forms):
        return None
    return frozenset(f[:2] for f in forms)


@lru_cache(maxsize=4096)
def find_indicator(phrase: str) -> Optional[tuple[str, int, int]]:
    """The indicator id and the span of its form in ``phrase``: the longest form,
    the rightmost occurrence on ties of length (memoized: a figure's phrase is
    looked up several times, and indicator phrases recur)."""
    heads = _form_heads()
    n = len(phrase)
    if heads is not None:
        # only where a form's first two characters stand can a form start
        starts = [i for i in range(n - 1) if phrase[i : i + 2] in heads]
        if not starts:
            return None
    else:
        starts = list(range(n + 1))
    for size, forms in _forms_by_length():
        for i in reversed(starts):  # rightmost first
            if i + size <= n:
                ind = forms.get(phrase[i : i + size])
                if ind is not None:
                    return ind, i, i + size
    return None


@lru_cache(maxsize=256)
def _strip_plan(words: tuple[str, ...]) -> tuple[tuple[str, ...], dict[str, list[int]], dict[str, list[int]]]:
    """``words`` longest first, and the positions in that order of the words
    ending (starting) with each character."""
    ordered = tuple(sorted(words, key=len, reverse=True))
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    for k, w in enumerate(ordered):
        by_last.setdefault(w[-1:], []).append(k)
        by_first.setdefault(w[:1], []).append(k)
    return ordered, by_last, by_first


def strip_words(phrase: str, words: Sequence[str], both: bool = True) -> str:
    """``phrase`` without any of ``words`` repeated at its ends.

    Each pass tries the words longest first, stripping a word from the end (or
    else from the start) of what is left; passes repeat until one changes
    nothing. Only the words ending (starting) with the current last (first)
    character can match, so a pass visits just those, in the same order.
    """
    ordered, by_last, by_first = _strip_plan(tuple(words))
    if "" in by_last:  # an empty word matches anything: the plain loop
        return _strip_words_plain(phrase, ordered, both)
    none: list[int] = []
    changed = True
    while changed and phrase:
        changed = False
        k = -1  # the last word tried in this pass
        while phrase:
            ends = by_last.get(phrase[-1], none)
            j = bisect_right(ends, k)
            nxt = ends[j] if j < len(ends) else len(ordered)
            if both:
                starts = by_first.get(phrase[0], none)
                j = bisect_right(starts, k)
                if j < len(starts) and starts[j] < nxt:
                    nxt = starts[j]
            if nxt == len(ordered):
                break
            w = ordered[nxt]
            if phrase.endswith(w):
                phrase, changed = phrase[: -len(w)], True
            elif both and phrase.startswith(w) and not phrase.startswith(_kept_heads()):
                phrase, changed = phrase[len(w):], True
            k = nxt
    return phrase


@lru_cache(maxsize=1)
def _kept_heads() -> tuple[str, ...]:
    """Words that open a noun and begin with a strippable word (``有效发明专利``: 有 is no
    verb there; ``新能源``): never stripped from a phrase's start (``strip_keep_heads``)."""
    v = vocab()
    return tuple(v.get("strip_keep_heads", [])) + tuple(v.get("scope_new_nouns", []))


def _strip_words_plain(phrase: str, ordered: Sequence[str], both: bool) -> str:
    changed = True
    while changed and phrase:
        changed = False
        for w in ordered:
            if phrase.endswith(w):
                phrase, changed = phrase[: -len(w)], True
            elif both and phrase.startswith(w) and not phrase.startswith(_kept_heads()):
                phrase, changed = phrase[len(w):], True
    return phrase
