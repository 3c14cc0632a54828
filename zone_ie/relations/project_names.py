"""Where project names are in a sentence (SPEC 4): a name ends in a project suffix
(``…项目``, ``…工程``, ``…基地``, ``…生产线``) and starts after the last stop word, clause
break or list marker before it (``签约建设``, ``、``), unless a conjunction inside the
name joins its parts (``研发及产业化项目``). Word lists: ``project_*`` in
``patterns/relations.json``. Used by :mod:`.projects`, which decides which of these
spans name a project and reads its company, park, investment, capacity and status."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import regex

from .context import DocContext, char_class, cues, has_cue, longest_first

_MAX_NAME = 30
_BULLETS = frozenset("—－-–•●■▲◆◇○·")
NAME_BREAK = set("，,。；;：:、“”\"（）()《》！？\n ")


@lru_cache(maxsize=1)
def project_grammar() -> dict[str, "regex.Pattern[str]"]:
    c = cues()
    heads = "".join(c["project_group_heads"])
    num = r"(?:[0-9]+|[一二两三四五六七八九十百千几多]+)"
    words = "|".join(map(regex.escape, c["project_group_words"]))
    marker = "|".join(map(regex.escape, sorted(c["project_list_markers"], key=len, reverse=True)))
    return {
        "group": regex.compile(rf"^(?:(?:{words}))*{num}[{heads}]|^(?:一批|多个|这些|各类|一系列)"),
        "list_marker": regex.compile(
            rf"(?:{marker})|等{num}个(?:重点|重大)?(?:项目|工程)|(?<!等)项目(?P<tail>\p{{Han}}{{0,6}}?)(?=[，,。；;]|$)"
        ),
        "phase": regex.compile(c["project_phase_re"]),
        "anaphor": regex.compile(c["project_anaphor_re"]),
        "respective": regex.compile(c["project_respective_re"]),
    }


def _name_start(ctx: DocContext, s: int, end: int) -> int:
    """Left edge of a project name ending at ``end``: the clause start, moved
    past the last stop word (verbs, prepositions) before the name."""
    text = ctx.text
    i = _clause_edge(text, s, end)
    best = i
    for w, k in _last_stops(text, i, end - 2).items():
        if ctx.ent_at(k) is None and k + len(w) > best and not _inner_conjunction(ctx, w, k, i):
            best = k + len(w)
    return best


@lru_cache(maxsize=1)
def _inner_conjunction_words() -> tuple[frozenset[str], tuple[str, ...]]:
    """The conjunctions that may join products inside a name, and the project suffixes."""
    return frozenset(cues()["project_inner_conjunctions"]), tuple(cues()["project_suffixes"])


def _inner_conjunction(ctx: DocContext, w: str, k: int, lo: int) -> bool:
    """``原料药及成品药建设项目`` / ``总装及零配件制造项目``: a conjunction joining two
    products inside one name, not two names (the words before it end no project and
    no name ends right before it)."""
    conjunctions, suffixes = _inner_conjunction_words()
    if w not in conjunctions:
        return False
    left = ctx.text[lo:k]
    if not left or left.endswith(suffixes):
        return False
    return not any(e.end == k for e in ctx.ents_in(lo, k))


def _last_stops(text: str, lo: int, hi: int) -> dict[str, int]:
    """``{w: text.rfind(w, lo, hi)}`` for the stop words found in ``[lo, hi)``: one
    scan for the places a stop word starts, then the words starting there."""
    words, by_first, starts = _stop_words()
    lo, hi, _ = slice(lo, hi).indices(len(text))  # str.rfind's reading of the bounds
    if starts is None:  # an empty stop word: every position holds one
        found = {w: text.rfind(w, lo, hi) for w in words}
        return {w: k for w, k in found.items() if k >= 0}
    last: dict[str, int] = {}
    for m in starts.finditer(text, lo, hi):
        k = m.start()
        for w in by_first[text[k]]:
            if text.startswith(w, k, hi):
                last[w] = k
    return last


@lru_cache(maxsize=1)
def _stop_words() -> tuple[tuple[str, ...], dict[str, list[str]], "Optional[re.Pattern[str]]"]:
    """The left stop words, grouped by first character, and a pattern for those characters."""
    words = longest_first("project_left_stops")
    if "" in words:
        return words, {}, None
    by_first: dict[str, list[str]] = {}
    for w in words:
        by_first.setdefault(w[0], []).append(w)
    return words, by_first, char_class("".join(by_first))


def _clause_edge(text: str, s: int, end: int) -> int:
    """Just after the last break before ``end`` (a space inside ASCII words is no
    break), going back at most ``_MAX_NAME`` characters and not before ``s``."""
    lo = max(s, end - _MAX_NAME)
    if end <= lo:
        return end
    edge = lo
    for m in _BREAK_RE.finditer(text, lo, end):
        if not _ascii_space(text, m.start()):
            edge = m.end()
    return edge


_BREAK_RE = char_class("".join(sorted(NAME_BREAK)))


def _ascii_space(text: str, k: int) -> bool:
    """A space between two ASCII words (``10GW N型``) is part of a name."""
    return text[k] == " " and 0 < k < len(text) - 1 and text[k - 1].isascii() and text[k - 1].isalnum() and text[k + 1].isascii() and text[k + 1].isalnum()


def find_names(ctx: DocContext, s: int, e: int) -> list[tuple[int, int]]:
    text = ctx.text
    spans: list[tuple[int, int]] = []
    if not has_cue("project_suffixes", text[s:e]):
        return spans
    not_after = tuple(cues()["project_not_after_suffix"])
    for suf in longest_first("project_suffixes"):
        k = text.find(suf, s, e)
        while k >= 0:
            end = k + len(suf)
            inside_name = ctx.ent_at(k) is not None
            if not inside_name and not any(a <= k < b for a, b in spans) and not text.startswith(not_after, end):
                start = _name_start(ctx, s, k)
                while start < k and text[start] in _BULLETS:
                    start += 1  # ``——X项目，总投资…``: an item's bullet opens no name
                if end - start > len(suf) + 1:
                    spans.append((start, end))
            k = text.find(suf, end, e)
    return sorted(spans)
