"""Place names and cluster keys for PARK / COMPANY mentions (SPEC 2, 3).

Pure string functions, no spaCy: the entity ruler uses them to cut name edges
(a place name starts a name) and to give every mention of one real-world park
or company the same cluster key (``span.id_``).

* :class:`Places` knows province / prefecture names (from the gazetteer CSVs
  plus ``patterns/places.json``) in full and short form (``内蒙古自治区`` /
  ``内蒙古``, ``宁波市`` / ``宁波``) and county-level units written with an
  administrative suffix (``北仑区``, ``准格尔旗``) after a known place.
* :func:`park_key` strips leading places and unifies zone-suffix variants
  (``山东省潍坊经济开发区`` = ``潍坊经开区``; ``江阴国家高新区`` = ``江阴高新区``).
* :func:`company_core` / :func:`company_shorts` strip legal forms, bracketed
  places, leading places and trailing business words
  (``宁波甬飞科技发展有限公司`` -> ``甬飞科技发展``, ``甬飞科技``, ``甬飞``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Iterable, Optional, Sequence

import regex

from . import rx
from .resources import gazetteer_rows, load_json

ADMIN_SUFFIXES = ("维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "自治州", "地区", "省", "市", "盟")
COUNTY_SUFFIXES = ("自治县", "新区", "县", "区", "旗", "市", "盟", "州", "镇")

# zone-suffix variants that name the same kind of zone (longest first)
PARK_SUFFIX_CANON: tuple[tuple[str, str], ...] = (
    ("国家高新技术产业开发区", "高新区"),
    ("高新技术产业开发区", "高新区"),
    ("新技术产业开发区", "高新区"),
    ("高新技术开发区", "高新区"),
    ("新技术开发区", "高新区"),
    ("国家高新区", "高新区"),
    ("高新区", "高新区"),
    ("国家级经济技术开发区", "经开区"),
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("国家经开区", "经开区"),
    ("经开区", "经开区"),
    ("开发区", "经开区"),  # ``青州开发区``: the short form of an 经济(技术)开发区
    ("综合保税区", "综保区"),
    ("综保区", "综保区"),
    ("自由贸易试验区", "自贸区"),
    ("自贸试验区", "自贸区"),
    ("自贸区", "自贸区"),
    ("高新技术产业园区", "高新技术产业园"),  # 高新 is also a place: never strip it from the kind
    ("高新技术产业园", "高新技术产业园"),
    # a sub-park's short form drops 工业/产业 (鄂尔多斯装备制造工业园区 -> 装备制造园)
    ("产业园区", "园"),
    ("工业园区", "园"),
    ("产业园", "园"),
    ("工业园", "园"),
    ("科技园区", "科技园"),
    ("物流园区", "物流园"),
    ("产业集聚区", "集聚区"),  # ``灵宝市产业集聚区`` / ``灵宝集聚区``
    ("工业集聚区", "集聚区"),
    ("集聚区", "集聚区"),
)


def derive_place_names(extra: Iterable[str] = ()) -> list[str]:
    """Province / prefecture names from the gazetteer, full and short, plus ``extra``."""
    names: set[str] = set()
    for row in gazetteer_rows():
        for col in ("province", "city"):
            for full in (x.strip() for x in row.get(col, "").split("|")):
                if not full or full.endswith("新区"):
                    continue
                names.add(full)
                short = _strip_admin(full)
                if len(short) >= 2:
                    names.add(short)
    names.update(x for x in extra if x)
    return sorted(names, key=lambda s: (-len(s), s))


def _strip_admin(name: str) -> str:
    for suf in ADMIN_SUFFIXES:
        if name.endswith(suf) and len(name) - len(suf) >= 2:
            # 回族/蒙古族… inside an autonomous prefecture name
            core = name[: -len(suf)]
            core = rx.sub(r"(?:[\p{Han}]{1,4}族)+$", "", core) if suf == "自治州" else core
            return core if len(core) >= 2 else name
    return name


MEMO_SIZE = 1 << 13  # entries per memoized function of a short string (bounded memory: ~15 such caches)


class Places:
    """Find place names (optionally with an admin suffix) in a string.

    :meth:`first`, :meth:`strip_leading` and :meth:`is_place` are pure
    functions of short strings that recur within and across documents; each
    instance memoizes them (the caches are rebuilt, not pickled).
    """

    def __init__(self, names: Sequence[str]) -> None:
        self.names = list(names)
        alt = "|".join(regex.escape(n) for n in sorted(set(names), key=len, reverse=True))
        admin = "|".join(regex.escape(s) for s in ADMIN_SUFFIXES)
        county = "|".join(regex.escape(s) for s in COUNTY_SUFFIXES)
        # a known place, its admin suffix, then any county-level units (compiled on
        # first use: ~30 ms, and only names that are no plain place list need it)
        self._chain_pattern = (
            rf"(?:{alt})(?:{admin})?(?:[（(](?:{alt})(?:{admin})?[)）])?(?:\p{{Han}}{{1,3}}?(?:{county}))?" if alt else r"(?!)"
        )
        self._chain_re: Optional[regex.Pattern[str]] = None
        # the longest place, then an optional admin suffix: literals only, so the
        # stdlib engine on a character trie gives the same matches several times faster
        one = "|".join(re.escape(s) for s in ADMIN_SUFFIXES)
        self._one = re.compile(rf"(?:{trie_pattern(set(names))})(?:{one})?" if alt else r"(?!)")
        self._county = regex.compile(rf"\p{{Han}}{{1,3}}?(?:{county})")
        for name in ("first", "strip_leading", "is_place"):  # the bound methods, memoized
            setattr(self, name, lru_cache(maxsize=MEMO_SIZE)(getattr(self, name)))

    def __getstate__(self) -> dict[str, Any]:
        return {"names": self.names}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["names"])  # type: ignore[misc]

    def first(self, s: str, start: int = 0) -> Optional[tuple[int, int]]:
        """``(start, end)`` of the leftmost place in ``s`` at or after ``start``."""
        m = self._one.search(s, start)
        return (m.start(), m.end()) if m else None

    def spans(self, s: str) -> list[tuple[int, int]]:
        """All non-overlapping place spans in ``s``."""
        return [(m.start(), m.end()) for m in self._one.finditer(s)]

    def strip_leading(self, s: str, keep_core: bool = True, min_core: int = 1) -> str:
        """Remove place names (and county units after them) from the start of ``s``.

        With ``keep_core`` the last place is kept when nothing (fewer than
        ``min_core`` characters) would be left.
        """
        out = s
        while True:
            m = self._one.match(out)
            if not m or m.end() == 0:
                break
            rest = out[m.end():]
            c = self._county.match(rest)
            # a county unit directly after a place: 宁波市北仑区
            if c and c.end() < len(rest):
                cand = rest[c.end():]
                if not keep_core or len(cand) >= min_core:
                    rest = cand
            if keep_core and len(rest) < min_core:
                break
            out = rest
        return out

    def is_place(self, s: str) -> bool:
        """Whether ``s`` is entirely a chain of places / county units."""
        if not s or not self._one.match(s):  # both tests below need a place at the start
            return False
        return self.strip_leading(s, keep_core=False) == "" or bool(self._chain().fullmatch(s))

    def _chain(self) -> "regex.Pattern[str]":
        if self._chain_re is None:
            self._chain_re = regex.compile(self._chain_pattern)
        return self._chain_re


_SPACES = regex.compile(r"\s+")
_LEADING_BRACKET = regex.compile(r"^\([^()]*\)")
_BRACKETED = regex.compile(r"（([^（）]*)）")


def _without_spaces(s: str) -> str:
    """``s`` without whitespace (``\\s``); an alphanumeric string (most names) has none."""
    return s if s.isalnum() else _SPACES.sub("", s)


def park_key(name: str, places: Places, counties: Optional[Places] = None) -> str:
    """Cluster key of a park name: places stripped, suffix variants unified (``counties``:
    the places that may stand before a zone word with or without their 县/市)."""
    n = _without_spaces(name).replace("（", "(").replace("）", ")")
    suffix = ""
    for long, canon in PARK_SUFFIX_CANON:
        if n.endswith(long):
            n, suffix = n[: -len(long)], canon
            break
    core = places.strip_leading(n, keep_core=True, min_core=1) if n else n
    if core.startswith("("):  # a leading bracketed place: (宁波)
        core = _LEADING_BRACKET.sub("", core) or core
    if suffix and len(core) >= 3 and core.endswith(_COUNTY_TAILS) and (counties or places).is_place(core[:-1]):
        core = core[:-1]  # ``湘阴县工业园区`` / ``湘阴工业园``: the place with or without its 县
    return core + suffix


_COUNTY_TAILS = ("县", "市", "区", "旗")


def company_core(name: str, places: Places, legal_forms: Sequence[str]) -> str:
    """Name without legal form, bracketed place and leading place."""
    n = _without_spaces(name).replace("(", "（").replace(")", "）")
    forms = _by_length_of(tuple(legal_forms))
    while True:  # the longest form that leaves two characters or more, again and again
        f = word_before(forms, n, 2, len(n))
        if f is None:
            break
        n = n[: -len(f)]
    if "（" in n:  # the pattern needs an opening bracket
        n = _BRACKETED.sub(lambda m: "" if places.is_place(m.group(1)) else m.group(0), n)
    return places.strip_leading(n, keep_core=True, min_core=2)


def company_shorts(
    name: str, places: Places, legal_forms: Sequence[str], business_words: Sequence[str]
) -> list[str]:
    """Short forms of a legal name: its core, then trailing business words cut off."""
    return core_shorts(company_core(name, places, legal_forms), business_words)


def core_shorts(core: str, business_words: Sequence[str]) -> list[str]:
    """:func:`company_shorts` of a name whose :func:`company_core` is ``core``."""
    out = [core]
    words = _by_length_of(tuple(business_words))
    cur = core
    while True:  # the longest word that leaves two characters or more
        w = word_before(words, cur, 2, len(cur))
        if w is None:
            return out
        cur = cur[: -len(w)]
        out.append(cur)


ByLength = tuple[tuple[int, frozenset[str]], ...]


def words_by_length(words: Iterable[str]) -> ByLength:
    """``words`` grouped by length, longest first, for :func:`word_at` / :func:`word_before`."""
    groups: dict[int, set[str]] = {}
    for w in words:
        groups.setdefault(len(w), set()).add(w)
    return tuple((n, frozenset(ws)) for n, ws in sorted(groups.items(), reverse=True))


@lru_cache(maxsize=64)
def _by_length_of(words: tuple[str, ...]) -> ByLength:
    return words_by_length(words)


def word_at(by_len: ByLength, text: str, i: int) -> Optional[str]:
    """The longest word that ``text`` has at ``i`` (``text.startswith(w, i)``), or None."""
    for n, ws in by_len:
        if n == 0:
            return "" if i <= len(text) else None
        w = text[i : i + n]
        if len(w) == n and w in ws:
            return w
    return None


def word_before(by_len: ByLength, text: str, start: int, end: int) -> Optional[str]:
    """The longest word that ``text[start:end]`` ends with (``text.endswith(w, start, end)``), or None."""
    for n, ws in by_len:
        if n == 0:
            return "" if start <= end and start <= len(text) else None
        if end - start >= n:
            w = text[end - n : end]
            if w in ws:
                return w
    return None


def trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literal words, factored as a character trie.

    Equivalent to a longest-first alternation of the words, but the regex engine
    tries one branch per character instead of every word at every position.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts, singles, optional = [], [], "" in node
        for ch in sorted(k for k in node if k):
            rest = build(node[ch])
            if rest:
                alts.append(re.escape(ch) + rest)
            else:
                singles.append(re.escape(ch))
        if singles:
            alts.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)


@lru_cache(maxsize=1)
def county_name_set() -> frozenset[str]:
    """:func:`load_county_names` as a set (membership tests of areas and sub-parks)."""
    return frozenset(load_county_names())


@lru_cache(maxsize=1)
def place_name_set() -> frozenset[str]:
    """The place names of two characters or more, as a set (membership tests of areas and
    located_in)."""
    return frozenset(p for p in load_place_names() if len(p) >= 2)


def load_place_names() -> list[str]:
    """The place list the ruler uses: gazetteer places plus ``places.json`` extras."""
    try:
        extra = load_json("places.json").get("places", [])
    except FileNotFoundError:
        extra = []
    return derive_place_names(extra)


def load_county_names() -> list[str]:
    """County-level places in short form (``patterns/counties.json``): where a park's name
    starts (``离不开新昌高新园区`` -> 新昌高新园区). Not in :func:`load_place_names`: many are
    also brands (大丰集团, 嘉禾精工), and a company named by a county is still a company."""
    try:
        return list(load_json("counties.json").get("places", []))
    except FileNotFoundError:
        return []
