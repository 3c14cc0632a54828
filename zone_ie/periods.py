"""Reporting periods (SPEC 6): parse one expression, or scan a text for all of them.

>>> parse_period("2022年1—8月")
Period(year=2022, start_month=1, end_month=8)
>>> parse_period("今年一季度", ref_year=2023)
Period(year=2023, start_month=1, end_month=3)

Years that are not written out resolve from ``ref_year`` (the document date's
year); without it they stay None. Expressions that state no period (截至目前,
近年来, 今年以来, 去年同期) parse to None, and the scanner reports them with
``period=None`` so a caller can stop carrying an earlier period over.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any, Callable, NamedTuple, Optional

import regex

from .models import Period
from .numerals import cn_to_number, to_halfwidth


_Group = Callable[[str], Optional[str]]  # a match's ``group``: name -> text or None


class PeriodMatch(NamedTuple):
    """A period expression found in a text; ``period`` is None for 截至目前 and kin."""

    start: int
    end: int
    text: str
    period: Optional[Period]


_S = r"[ \t\u00a0]*"
_RELATIVE = {"今年": 0, "本年": 0, "当年": None, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_NONE = (
    "截至目前|截止目前|截止到目前|截至当前|截止当前|到目前为止|目前为止|截至今日|"
    "近年来|近些年来?|近几年来?|今年以来|年初以来|年初至今|去年同期|上年同期|同期"
)
_CUT = r"截至|截止到|截止|(?<![^，,。；;：:\n“”])(?:到|至)"  # 到/至 opening a clause: ``到2020年9月，园区…``
_YEAR = (
    r"(?:(?P<y>(?<![0-9.])(?:19|20)[0-9]{2}(?![0-9]))|(?P<ycn>[一二][〇零一二三四五六七八九]{3}))"
    rf"(?:{_S}年(?P<yd>度)?(?P<yend>底|末)?|(?=上半年|下半年|前三季度|第?[一二三四1-4]季度))"
    r"|(?P<rel>今年|本年|去年|上年|前年|明年)(?P<reld>度)?(?:年?(?P<rend>底|末))?"
)
_MN = r"(?:(?<![0-9.])(?:1[0-2]|0?[1-9])(?![0-9.])|(?<![零〇一二两三四五六七八九十百千万第])(?:十[一二]?|[一二三四五六七八九]))"
_QN = r"[一二三四1-4]"
_DASH = r"(?:[-–—―~〜]{1,2}|至|到)"
_HALF = "上半年|下半年|全年|前三季度|前两季度|前二季度|前三个季度|前两个季度|首季度|首季"
_BODY = (
    rf"(?P<half>{_HALF})"
    rf"|(?P<qa>{_QN}){_S}{_DASH}{_S}(?P<qb>{_QN}){_S}季度"
    rf"|(?P<q>第?{_S}(?P<qn>{_QN}){_S}季度)(?P<qend>末|度末)?"
    rf"|[前头]{_S}(?P<fn>{_MN}|两){_S}个?{_S}月"
    rf"|(?P<ma>{_MN}){_S}(?:月份?)?{_S}{_DASH}{_S}(?P<mb>{_MN}){_S}月份?(?P<mbend>底|末)?"
    rf"|(?P<mn>{_MN}){_S}月份?(?:{_S}(?P<day>[0-9]{{1,2}}|[一二三四五六七八九十]{{1,3}}){_S}[日号])?"
    r"(?P<mod>上旬|中旬|下旬|初|底|末|中)?"
)
_PERIOD = (
    rf"(?P<none>{_NONE})"
    r"|(?P<plan>十(?P<pn>[一二三四五])五[”\"]?期?末)"
    rf"|(?P<yr>(?<![0-9.])(?:19|20)[0-9]{{2}}{_S}年?{_S}{_DASH}{_S}(?:19|20)[0-9]{{2}}{_S}年度?)"
    rf"|(?:(?P<cut>{_CUT}){_S})?(?:(?:{_YEAR}){_S}(?:{_BODY})?|(?:{_BODY}))(?:{_S}(?P<since>以来|至今))?"
)
# PERIOD_RE and _SCAN_RE: compiled on first use (module ``__getattr__``, ~13 ms each)
# Every character a PERIOD_RE match can start with: the first characters of the
# _NONE words, of _CUT (截), of _RELATIVE's words, of a year (1/2, 一/二), of
# _BODY's words (上下半年, 全年, 前…) and numbers (ASCII digits, 一…十, 第), plus
# the blanks _S that may open ``第?{_S}季度`` when 第 is absent.
_PERIOD_FIRST = "".join(sorted(
    {w[0] for w in _NONE.replace("?", "").split("|")}
    | {w[0] for w in _RELATIVE}
    | set("截到至上下全前头第首0123456789一二三四五六七八九十 \t\u00a0")
))
# A tighter test at those characters: a match starts with a digit, 一…十, 第,
# 前 or a blank (numbers, 第?{_S}季度, 前N个月), or else with one of the words
# (their first two characters): 目 of 项目 or 年 of 年底 starts none.
_PERIOD_HEAD = "(?=[{}]|{})".format(
    regex.escape("0123456789一二三四五六七八九十第前头 \t\u00a0"),
    "|".join(sorted({
        w[:2] for w in [*_NONE.replace("?", "").split("|"), *_RELATIVE, *_HALF.split("|"),
                        "截至", "截止", "到", "至"]
    })),
)
# The scanner's pattern: same matches as PERIOD_RE (no match starts elsewhere),
# but ``regex`` skips every other position with a set test (~8x faster).
_SCAN_PATTERN = rf"(?=[{regex.escape(_PERIOD_FIRST)}]){_PERIOD_HEAD}(?:{_PERIOD})"
_LAZY_PATTERNS = {"PERIOD_RE": _PERIOD, "_SCAN_RE": _SCAN_PATTERN}


@lru_cache(maxsize=None)
def _lazy(name: str) -> "regex.Pattern[str]":
    return regex.compile(_LAZY_PATTERNS[name])


def __getattr__(name: str) -> Any:
    """``PERIOD_RE`` and ``_SCAN_RE`` as module attributes (compiled on first use)."""
    if name in _LAZY_PATTERNS:
        return _lazy(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _rename_repeats(pattern: str) -> tuple[str, dict[str, str]]:
    """``pattern`` with the 2nd, 3rd… group of one name renamed ``name__2`` …
    (``re`` wants unique names; ``regex`` shares one group among them)."""
    seen: dict[str, int] = {}
    alias: dict[str, str] = {}

    def rename(m: "re.Match[str]") -> str:
        name = m.group(1)
        seen[name] = seen.get(name, 0) + 1
        if seen[name] == 1:
            return m.group()
        alias[f"{name}__{seen[name]}"] = name
        return f"(?P<{name}__{seen[name]}>"

    return re.sub(r"\(\?P<(\w+)>", rename, pattern), alias


# The scanner runs _SCAN_RE's pattern on the standard ``re`` engine, ~2.5x faster
# here. Both are backtracking engines with the same (Perl) semantics, and the
# pattern uses nothing they read differently (no \p{..}, \d, \w, \b or
# variable-width lookbehind); only the repeated _BODY group names need renaming.
_FAST_PATTERN, _ALIAS = _rename_repeats(_SCAN_PATTERN)
_FAST_SCAN_RE = re.compile(_FAST_PATTERN)
_FAST_NAMES = sorted(_FAST_SCAN_RE.groupindex, key=_FAST_SCAN_RE.groupindex.get)
assert len(_FAST_NAMES) == _FAST_SCAN_RE.groups  # every group is named
# (index of a renamed copy, index of its name) in ``m.groups()``
_COPIES = [(_FAST_NAMES.index(a), _FAST_NAMES.index(n)) for a, n in _ALIAS.items()]


def _fast_groups(m: "re.Match[str]") -> Optional[_Group]:
    """The ``group`` function of a _FAST_SCAN_RE match as _SCAN_RE would report it
    (None if two copies of a name both captured: never expected)."""
    groups = list(m.groups())
    for copy, name in _COPIES:
        v = groups[copy]
        if v is not None:
            if groups[name] is not None:
                return None
            groups[name] = v
    return dict(zip(_FAST_NAMES, groups)).get  # a copy's own name is never asked


def _month(text: Optional[str]) -> Optional[int]:
    if not text:
        return None
    if text == "两":
        return 2
    n = int(text) if text.isdigit() else cn_to_number(text)
    return int(n) if n is not None and 1 <= n <= 12 and n == int(n) else None


def _year(g: _Group, ref_year: Optional[int]) -> tuple[Optional[int], bool]:
    """The year of a match and whether the expression wrote one at all."""
    if g("y"):
        return int(g("y")), True
    if g("ycn"):
        n = cn_to_number(g("ycn"))
        return (int(n) if n else None), True
    rel = g("rel")
    if rel:
        off = _RELATIVE[rel]
        return (None if ref_year is None or off is None else ref_year + off), True
    return ref_year, False


def _months(g: _Group) -> Optional[tuple[Optional[int], Optional[int]]]:
    """(start_month, end_month) of the body; (None, None) without one; None if invalid."""
    cut, since = bool(g("cut")), bool(g("since"))
    if g("half"):
        span = {"上半年": (1, 6), "下半年": (7, 12), "全年": (1, 12), "前三季度": (1, 9),
                "前三个季度": (1, 9), "首季度": (1, 3), "首季": (1, 3)}.get(g("half"), (1, 6))
    elif g("qa"):
        a, b = _month(g("qa")), _month(g("qb"))
        if not a or not b or a > 4 or b > 4 or a >= b:
            return None
        span = (3 * a - 2, 3 * b)
    elif g("q"):
        n = _month(g("qn"))
        if not n or n > 4:
            return None
        span = (1 if cut or g("qend") else 3 * n - 2, 3 * n)  # ``三季度末``: cumulative to its end
    elif g("fn"):
        n = _month(g("fn"))
        if not n:
            return None
        span = (1, n)
    elif g("ma"):
        a, b = _month(g("ma")), _month(g("mb"))
        if not a or not b or a > b:
            return None
        span = (a, b)
    elif g("mn"):
        n = _month(g("mn"))
        if not n:
            return None
        span = (1, n) if cut else (n, n)
    elif g("yend") or g("rend"):
        span = (1, 12)  # 2021年末 / 去年底: a year-end figure covers the year (SPEC 6, v1.1)
    else:
        return (None, None)
    return (span[0], None) if since else span


def _build(g: _Group, ref_year: Optional[int]) -> tuple[bool, Optional[dict]]:
    """(valid, period fields as a ``model_dump()`` dict) for one match of PERIOD_RE,
    given as its ``group`` function (name -> captured text or None)."""
    if g("none") or g("yr"):
        return True, None
    if g("plan"):
        # ``“十二五”末``: the last year of a five-year plan (十一五 2006–2010 … 十五五 2026–2030)
        return True, {"year": 2005 + 5 * "一二三四五".index(g("pn")) + 5, "start_month": None, "end_month": None}
    year, written = _year(g, ref_year)
    months = _months(g)
    if months is None:
        return False, None
    start, end = months
    if start is None and g("since"):
        return True, None  # 今年以来, 2020年以来
    if not written and start is None:
        return False, None
    if year is None and start is None:
        return True, None
    return True, {"year": year, "start_month": start, "end_month": end}


def find_periods(text: str, ref_year: Optional[int] = None) -> list[PeriodMatch]:
    """Every period expression in ``text``, left to right, longest, non-overlapping."""
    return [
        PeriodMatch(start, end, text[start:end], None if p is None else Period(**p))
        for start, end, p in scan_periods(to_halfwidth(text), ref_year)
    ]


def scan_periods(t: str, ref_year: Optional[int] = None) -> list[tuple[int, int, Optional[dict]]]:
    """:func:`find_periods` on ``t = to_halfwidth(text)``, as ``(start, end,
    fields)`` with the fields of each Period as a fresh ``model_dump()`` dict."""
    out: list[tuple[int, int, Optional[dict]]] = []
    pos = 0
    search = _FAST_SCAN_RE.search
    while True:
        m = search(t, pos)
        if m is None:
            return _with_bare_year_ends(t, out, ref_year) if "年末" in t or "年底" in t else out
        g = _fast_groups(m)
        if g is None:  # ask ``regex`` itself
            at = m.start()
            m = _lazy("_SCAN_RE").match(t, at)
            if m is None:
                pos = at + 1
                continue
            g = m.group
        ok, period = _build(g, ref_year)
        if not ok:
            pos = m.start() + 1
            continue
        start, end = m.start(), m.end()
        while end > start and t[end - 1] in " \t\u00a0":
            end -= 1
        out.append((start, end, period))
        pos = max(end, start + 1)


# ``年末全区实有市场主体…``: a bare year-end opening a clause is the context year's end
# (SPEC 6 v1.1 as for ``2021年末``); not a deadline (``年底前``), not inside a clause
# (``预计年底建成``). Found in a pass of its own: a year-end written with its year
# (``2021年底``, ``今年年末``) is a match of the main scan already.
_BARE_YEAR_END = re.compile(r"(?<![^，,。；;：:\n“])年[末底](?!前|以前|之前)")


def _with_bare_year_ends(t: str, out: list, ref_year: Optional[int]) -> list:
    ends = [(m.start(), m.end(), {"year": ref_year, "start_month": 1, "end_month": 12})
            for m in _BARE_YEAR_END.finditer(t)
            if not any(s < m.end() and m.start() < e for s, e, _ in out)]
    return sorted(out + ends, key=lambda x: x[0]) if ends else out


_STRIP = " \t\r\n\u3000，。、；：,.;:（）()“”\"'"


def parse_period(text: str, ref_year: Optional[int] = None) -> Optional[Period]:
    """The period ``text`` states (``"1—8月"`` -> {Y, 1, 8}), or None.

    ``ref_year`` resolves 今年/去年/前年 and periods written without a year.
    If ``text`` is not one whole expression, the first one found in it is used.
    """
    if not isinstance(text, str):
        return None
    if ref_year is not None and not isinstance(ref_year, int):
        ref_year = None
    t = to_halfwidth(text).strip(_STRIP)
    if not t:
        return None
    m = _lazy("PERIOD_RE").fullmatch(t)
    if m is not None:
        ok, period = _build(m.group, ref_year)
        if ok:
            return None if period is None else Period(**period)
    found = find_periods(t, ref_year)
    return found[0].period if found else None
