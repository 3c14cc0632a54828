"""Text helpers of the entity ruler: the ``Match`` tuple, literal-word matching
(``_PhraseIndex``, ``_literal_spans``, tries and lookaheads) and overlap resolution.
No spaCy here: everything works on strings and character offsets."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from operator import itemgetter, le, lt
from typing import Iterable, Optional

import numpy as np
import regex

from ..clusters import trie_pattern


class Match(tuple):
    """``(start, end, label, id)`` in repaired-text characters."""

    __slots__ = ()

    def __new__(cls, start: int, end: int, label: str, id_: str = "") -> "Match":
        return super().__new__(cls, (start, end, label, id_))

    # itemgetter properties run in C (a lambda per access showed in profiles)
    start = property(itemgetter(0))
    end = property(itemgetter(1))
    label = property(itemgetter(2))
    id = property(itemgetter(3))


def _starts_with_place(first: Optional[tuple[int, int]]) -> bool:
    """Whether :meth:`Places.first` found a place at the very start (``None``: no place at all)."""
    return first is not None and first[0] == 0


_NOT_BUSINESS_HEADS = ("集团", "股份", "控股")  # legal-form words, never a business word after a brand

class _PhraseIndex:
    """Leftmost-longest matching of many literal words of two or more characters,
    the same matches as ``re.compile(trie_pattern(words)).finditer``.

    A word can start only where the text has the first three characters of a
    longer word or the two characters of a two-character word. numpy hashes the
    text's character triples and pairs into bit tables to find those positions
    (a hash collision only adds a candidate); dictionary lookups check them.
    """

    BITS = 18

    def __init__(self, words: set[str]) -> None:
        self.words = words
        self.two = {w for w in words if len(w) == 2}
        lengths: dict[str, set[int]] = {}
        for w in words:
            if len(w) >= 3:
                lengths.setdefault(w[:3], set()).add(len(w))
        self.lengths = {k: tuple(sorted(n, reverse=True)) for k, n in lengths.items()}
        self.table2 = np.zeros(1 << self.BITS, dtype=bool)
        self.table3 = np.zeros(1 << self.BITS, dtype=bool)
        for key in self.two:
            self.table2[self._hashes(np.array([ord(ch) for ch in key], dtype=np.uint32))[0][0]] = True
        for key in self.lengths:
            self.table3[self._hashes(np.array([ord(ch) for ch in key], dtype=np.uint32))[1][0]] = True

    @classmethod
    def _hashes(cls, codes: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Hashes of the code point pairs and triples starting at each position."""
        pair = (codes[:-1] * np.uint32(0x9E3779B1)) ^ (codes[1:] * np.uint32(0x85EBCA77))  # wraps around
        triple = pair[:-1] ^ (codes[2:] * np.uint32(0xC2B2AE3D))
        shift = np.uint32(32 - cls.BITS)
        return pair >> shift, triple >> shift

    @classmethod
    def build(cls, words: Iterable[str]) -> Optional["_PhraseIndex"]:
        """The index, or None when a word is shorter than two characters (or no words)."""
        ws = set(words)
        if not ws or min(map(len, ws)) < 2:
            return None
        return cls(ws)

    def spans(self, text: str) -> list[tuple[int, int]]:
        if len(text) < 2:
            return []
        pairs, triples = self._hashes(np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32))
        maybe = self.table2.take(pairs)
        maybe[:-1] |= self.table3.take(triples)
        lengths, words, two = self.lengths, self.words, self.two
        out = []
        pos = 0
        for i in np.flatnonzero(maybe).tolist():
            if i < pos:
                continue
            for n in lengths.get(text[i : i + 3], ()):
                w = text[i : i + n]  # shorter at the end of the text: then still the longest
                if w in words:
                    pos = i + len(w)
                    out.append((i, pos))
                    break
            else:
                if text[i : i + 2] in two:
                    pos = i + 2
                    out.append((i, pos))
        return out


_HAN = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}+")
_BRAND_CHARS = regex.compile(r"[\p{Han}A-Za-z]+")
_COUNTED = regex.compile(r"第?[\d一二三四五六七八九十两几多]+(?:大|个|家|座|批)")  # 五大园区
_COUNTED_INSIDE = regex.compile(r"[\d一二三四五六七八九十两几]+(?:个|家|座|批|所)")  # 杭州四个国家级经开区
_BRACKETED = regex.compile(r"[（(].*?[)）]")
_BRACKETED_HEAD = regex.compile(r"[（(](\p{Han}{2,3})[)）]\p{Han}")  # Y（X）有限公司
_PHASE = regex.compile(r"[一二三四五六七八九十\d]+期$")


def _without_phase(item: str) -> str:
    """``item`` without a trailing phase (``二期``); only an item ending in 期 has one
    (``$`` also matches before a final newline)."""
    return _PHASE.sub("", item) if item.endswith(("期", "期\n")) else item


def _han_between(first: str, last: str, text: str) -> list[str]:
    r"""The matches of ``regex.finditer(escape(first) + r"\p{Han}" + escape(last), text)``
    for single characters ``first`` and ``last``: ``str.find`` finds the candidates."""
    out = []
    i = text.find(first)
    while i >= 0:
        if text.startswith(last, i + 2) and _HAN.match(text, i + 1):
            out.append(text[i : i + 3])
            i = text.find(first, i + 3)
        else:
            i = text.find(first, i + 1)
    return out


def _literal_spans(words: Iterable[str], text: str) -> list[tuple[int, int, str]]:
    """``(start, end, word)`` of ``_literals(words).finditer(text)``: the leftmost,
    then longest word, and on after it. For a document's own few words, ``str.find``
    per word is much cheaper than compiling a pattern."""
    ws = set(words)
    if "" in ws:
        return [(m.start(), m.end(), m.group()) for m in _literals(ws).finditer(text)]
    hits = []
    for w in ws:
        i = text.find(w)
        while i >= 0:
            hits.append((i, -len(w), w))
            i = text.find(w, i + 1)
    hits.sort()
    out = []
    pos = 0
    for i, neg_len, w in hits:
        if i >= pos:
            pos = i - neg_len
            out.append((i, pos, w))
    return out


# the clauses of company lists end at punctuation; a clause without ``、`` lists
# companies only with this cue (literal characters, so stdlib ``re`` can find the ends)
_CLAUSE_END = re.compile(r"[，。；：,;:！？!?\n“”「」《》（）()]")
_LIST_CUE = regex.compile(r"等(?:[\d一二三四五六七八九十百多余]+家)?(?:上市公司|企业|公司)")
_LIST_TAIL = regex.compile(r"等.*$")


def _unanchored(pattern: "regex.Pattern[str]") -> Optional["regex.Pattern[str]"]:
    r"""For ``^X``: ``X``, whose ``search(s, 1)`` finds the least ``k >= 1`` with
    ``pattern.match(s[k:])``. None unless ``X`` cannot see what precedes a match
    (no anchor, lookbehind, word boundary, inline flag or escape but ``\d`` and
    ``\p{..}``): only then is matching at ``k`` in ``s`` matching the slice ``s[k:]``."""
    src = pattern.pattern
    if not src.startswith("^") or pattern.flags & ~(regex.UNICODE | regex.VERSION0):
        return None
    body = src[1:]
    if "^" in body or "$" in body or re.search(r"\\(?!d|p\{)|\(\?(?!:)", body):
        return None
    return regex.compile(body)


def _literals(words: Iterable[str]) -> "re.Pattern[str]":
    """The same matches as an alternation of the words, longest first, for plain
    ``search``/``finditer``: a stdlib trie, several times faster than ``regex``."""
    ws = set(words)
    return re.compile(trie_pattern(ws) if ws and "" not in ws else _alternation_source(ws))


def _alternation_source(ws: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) if ws else r"(?!)"


def _lookahead(words: Iterable[str]) -> "re.Pattern[str]":
    """A pattern whose ``finditer`` gives, as group 1, the longest word at each
    position where one starts: ``regex``'s ``finditer(…, overlapped=True)`` of a
    longest-first alternation of the words. A class of the words' first
    characters goes first: the engine skips other positions several times faster."""
    ws = set(words)
    first = "" if "" in ws else "".join(sorted({w[0] for w in ws}))
    head = f"(?=[{re.escape(first)}])" if first else ""
    return re.compile(f"{head}(?=({_literals(ws).pattern}))")


def _add_non_overlapping(found: list[Match], more: list[Match]) -> list[Match]:
    """``_non_overlapping(found + more)``, cheaper when ``found`` is sorted and its
    spans are disjoint and non-empty (as :func:`_non_overlapping` returns them).

    A match of ``found`` that overlaps no match of ``more`` overlaps nothing at
    all, so it is kept and blocks nothing: only the matches of ``more`` and those
    of ``found`` that they overlap compete, in their order in ``found + more``.
    A match of ``more`` with the span of a match of ``found`` that ranks before
    it (the same length and start: it has an id or the other none) never wins
    and blocks nothing, so it is left out.
    """
    starts = [m[0] for m in found]
    ends = [m[1] for m in found]
    if not (all(map(le, ends, starts[1:])) and all(map(lt, starts, ends))):
        return _non_overlapping(found + more)
    if not more:
        return list(found)
    at = {(m[0], m[1]): m for m in found}
    touched: set[int] = set()
    rivals: list[Match] = []
    for m in more:
        s, e = m[0], m[1]
        same = at.get((s, e))
        if same is not None and (same[3] != "" or m[3] == ""):
            continue
        rivals.append(m)
        j = bisect_left(starts, e) - 1  # the last match of ``found`` starting before ``m`` ends
        while j >= 0 and ends[j] > s:  # ends increase with starts
            touched.add(j)
            j -= 1
    if not touched:
        return sorted(found + _non_overlapping(rivals))
    kept = [m for j, m in enumerate(found) if j not in touched]
    return sorted(kept + _non_overlapping([found[j] for j in sorted(touched)] + rivals))


def _non_overlapping(matches: list[Match]) -> list[Match]:
    """Longest match wins; ties go to the earlier one; pattern ids preferred."""
    if not matches:
        return []
    keys = [(s - e, id_ == "", s) for s, e, _, id_ in matches]
    chosen: list[Match] = []
    occupied = bytearray(max(map(itemgetter(1), matches)))  # 1 = character taken
    for k in sorted(range(len(matches)), key=keys.__getitem__):  # stable, as sorting the matches
        m = matches[k]
        s, e = m[0], m[1]
        if s < e:
            if occupied.find(1, s, e) >= 0:
                continue
            occupied[s:e] = b"\x01" * (e - s)
        chosen.append(m)
    chosen.sort()
    return chosen


# ``(同期声)X经济开发区``: a short bracketed label before a name
_LEADING_BRACKETED = regex.compile(r"[（(][^（()）]{1,8}[)）]")
# bare zone words: never a name of their own
_GENERIC_PARK_WORDS = frozenset({"园区", "本区", "全区", "该区", "区内", "片区", "新区", "开发区", "保税区", "综保区"})


def _taken(found: Iterable[Match]):
    """``overlaps(a, b)``: whether ``[a, b)`` overlaps a span of ``found``, by bisection."""
    spans = sorted(found)  # (Match tuples: by start, then end)
    starts = [f.start for f in spans]
    ends = [f.end for f in spans]
    for i in range(1, len(ends)):
        ends[i] = max(ends[i], ends[i - 1])  # the furthest end among a span and those before

    def overlaps(a: int, b: int) -> bool:
        k = bisect_right(starts, b - 1)  # spans starting before b
        return k > 0 and ends[k - 1] > a
    return overlaps
