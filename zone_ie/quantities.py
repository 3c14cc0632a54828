"""Quantities (SPEC 5): parse one expression, or scan a text for all of them.

>>> parse_quantity("近百亿元")
Quantity(value=10000000000.0, low=None, high=None, unit='CNY', qualifier='under', classifier=None)

The grammar is one precompiled ``regex`` pattern built from ``patterns/units.json``;
a match is then checked (years, dates, model codes, idioms) and scaled. A number
with no unit gets ``unit=""``; the scanner reports such bare numbers only when
they carry 万 or 亿 (``年产值达4亿``), since they are then plainly amounts.
"""
from __future__ import annotations

import math
import re
from operator import itemgetter
from typing import Any, NamedTuple, Optional

import regex

from .models import Quantity
from .numerals import CN_SCALES, arabic_to_number, cn_to_number, scale_of, tidy, to_halfwidth
from .resources import load_json

_DATA = load_json("units.json")


class QuantityMatch(NamedTuple):
    """A quantity found in a text: ``text[start:end]`` and what it means."""

    start: int
    end: int
    text: str
    quantity: Quantity


# --- tables ------------------------------------------------------------------

_FORMS: dict[str, tuple[Optional[str], float]] = {}
for _row in _DATA["units"]:
    for _form in _row["forms"]:
        _FORMS[_form] = (_row["unit"], float(_row["factor"]))
_FORMS["个多月"] = (None, 1.0)
_CLASSIFIERS: frozenset[str] = frozenset(_DATA["classifiers"])
_COMPOUNDS: dict[str, tuple[str, float]] = {
    form: (unit, float(row["factor"]))
    for unit, row in _DATA["compounds"].items()
    for form in row["forms"]
}
_QUAL: dict[str, str] = {}
for _place in ("prefix", "suffix"):
    for _q, _words in _DATA["qualifiers"][_place].items():
        for _w in _words:
            _QUAL[_w] = _q
_TIME_UNITS = frozenset({"年", "个月", "个多月", "周", "天", "小时", "星期"})
_YEAR_UNITS = frozenset({"年"})


def _alt(words, follow: Optional[dict[str, str]] = None) -> str:
    """Longest-first alternation; ASCII words may not run into more letters."""
    follow = follow or {}
    parts = []
    for w in sorted(set(words), key=lambda s: (-len(s), s)):
        p = regex.escape(w)
        if w[-1].isascii() and w[-1].isalpha():
            p += r"(?![A-Za-z])"
        if w in follow:
            p += f"(?![{regex.escape(follow[w])}])"
        parts.append(p)
    return "(?:" + "|".join(parts) + ")"


_S = r"[ \t\u00a0]*"
_CN = "零〇一二两三四五六七八九十百千万亿"
# A thousands separator is part of the number (SPEC 5, v1.1): 1,745 and, as PDF text
# prints it, 1 745 (one space; a non-breaking or thin space too).
_NUM_AR = r"(?<![0-9A-Za-z_.])(?:[0-9]{1,3}(?:(?:,|[ \u00a0\u2009\u202f](?=[0-9]{3}(?![0-9])))[0-9]{3})+(?![0-9])|[0-9]+)(?:\.[0-9]+)?"
_NUM_CN = (
    rf"(?<![{_CN}数几若上第])[零〇一二两三四五六七八九十百千][{_CN}]*"
    r"(?:点[零〇一二三四五六七八九]+[万亿]*)?"
    # a bare 万 is a number only when qualified: 近万家, 超万人, 万余人
    rf"|(?<=[近超逾约])万(?![{_CN}])|(?<![{_CN}])万(?=[余多])"
    # a bare magnitude bounding a class (亿元以上 = 1e8 CNY, over; SPEC 5 v1.1)
    rf"|(?<![{_CN}0-9.])[万亿](?=(?:元|美元)(?:以上|以下))"
    rf"|(?<=[近超逾约过破])亿(?=元|美元)"  # 超亿元, 刚过亿元: 1e8
)
_NUM = rf"(?:{_NUM_AR}|{_NUM_CN})"
_MULT = f"[{CN_SCALES}]+"
_INF = "[余多]"
_UNIT = _alt(
    [*_FORMS, *_CLASSIFIERS], {**_DATA["unit_not_followed_by"], "个亿": "元", "个亿元": "以级"}
)
_DEN = _alt(_DATA["denominators"]) + r"|\p{Han}"
_PRE_GUARD = {
    "近": r"(?<![最附将接临靠])",
    "约": r"(?<![签合节契制公条预履特邀违相])",
    "过": r"(?<![经通超不越度路错难跨通去])",
}
_PRE = "(?:" + "|".join(
    _PRE_GUARD.get(w, "") + regex.escape(w)
    for w in sorted(
        {w for ws in _DATA["qualifiers"]["prefix"].values() for w in ws}, key=lambda s: -len(s)
    )
) + ")"
_POST = _alt(
    [w for ws in _DATA["qualifiers"]["suffix"].values() for w in ws] + ["多", "余"],
    {"上下": "游级楼班两"},
)
_DASH_CHARS = "".join(d for d in _DATA["range_dashes"] if len(d) == 1 and not regex.match(r"\p{Han}", d))
_DASH_WORDS = [d for d in _DATA["range_dashes"] if d not in _DASH_CHARS]
_DASH = f"(?:[{regex.escape(_DASH_CHARS)}]{{1,2}}|{'|'.join(_DASH_WORDS)})"


def _numx(i: str) -> str:
    return rf"(?P<n{i}>{_NUM}){_S}(?P<a{i}>{_INF})?{_S}(?P<m{i}>{_MULT})?{_S}(?P<b{i}>{_INF})?"


_MAIN = (
    rf"(?P<neg>(?<![0-9A-Za-z)）])[-−])?{_numx('1')}(?:{_S}(?P<u1>{_UNIT}))?(?:{_S}[(（]含[)）])?"
    rf"(?:{_S}(?P<dash>{_DASH}){_S}{_numx('2')}(?:{_S}(?P<unit>{_UNIT}))?)?"
    rf"(?:{_S}/{_S}(?P<den>{_DEN}))?"
)
_PCT = rf"百分之{_S}(?P<pn>{_NUM})"
_FRAC = rf"(?P<fd>{_NUM}){_S}分之{_S}(?P<fn>{_NUM})"
_FRAC_AR = r"(?<![0-9./:])(?P<fa>[0-9]{1,2})/(?P<fb>[0-9]{1,3})(?![0-9./])"
_RNUM = r"(?:[0-9]+|[一二三四五六七八九十百两]+)"
_RANK = (
    rf"(?P<r1>第{_S}(?P<rn1>{_RNUM}){_S}(?P<rs1>[位名])?)"
    rf"|(?<=(?:{_alt(_DATA['rank_verbs'])}){_S})(?P<rn2>{_RNUM}){_S}[位名]"
    rf"|前{_S}(?P<rn3>{_RNUM}){_S}[强名位]"
    rf"|前{_S}(?P<rn4>{_RNUM})(?=[，,。；;、）)”」\s]|$)"
    r"|(?P<rtop>榜首|首位|之首)"
)
_QTY = rf"(?:(?P<pre>{_PRE}){_S})?(?:{_PCT}|{_FRAC}|{_FRAC_AR}|{_MAIN}){_S}(?P<post>{_POST})?"
_UNIT_RE = regex.compile(_UNIT)
_QUANTITY_PATTERN = rf"{_RANK}|{_QTY}"  # QUANTITY_RE, compiled on first use (see _lazy)
# Every character a QUANTITY_RE match can start with: the first characters of
# _RANK (第, a rank number, 前, 榜首/首位/之首), of a prefix qualifier (_PRE), of
# 百分之 and of a number (_NUM: ASCII digits, Chinese numerals, a bare 万) or
# its sign (_MAIN's ``neg``). No branch starts with optional blanks.
_PRE_WORDS = sorted({w for ws in _DATA["qualifiers"]["prefix"].values() for w in ws})
_QTY_FIRST = "".join(sorted(set("0123456789" + _CN + "第前榜首之百-−") | {w[0] for w in _PRE_WORDS}))
# A tighter test at those characters: a match that starts with a prefix qualifier
# starts with the whole word (高 of 高新区 or 大 of 大力 starts none).
_QTY_HEAD = "(?=[{}]|{})".format(
    regex.escape("".join(sorted(set("0123456789" + _CN + "第前榜首之百-−")
                                | {w for w in _PRE_WORDS if len(w) == 1}))),
    "|".join(regex.escape(w) for w in _PRE_WORDS if len(w) > 1),
)
# The scanner's pattern: QUANTITY_RE behind these lookaheads. Since no match
# starts elsewhere, it finds exactly the same matches, but ``regex`` skips all
# other positions at the speed of a set test instead of trying the whole
# grammar there (~8x faster on news text).
_SCAN_PATTERN = rf"(?=[{regex.escape(_QTY_FIRST)}]){_QTY_HEAD}(?:{_RANK}|{_QTY})"  # _SCAN_RE
SINGLE_RE = regex.compile(
    rf"(?:(?P<pre>{_PRE}){_S})?{_numx('1')}{_S}(?P<u1>{_UNIT})?"
    rf"(?:{_S}/{_S}(?P<den>{_DEN}))?{_S}(?P<post>{_POST})?"
)
_BLOCKED_RE = regex.compile(_alt(_DATA["blocked"]))
_HAN_RE = regex.compile(r"\p{Han}")
_RANK_CONTEXT_RE = regex.compile(_alt(_DATA["rank_context"]))
_ORDINAL_CLASSIFIERS = frozenset(_DATA["ordinal_classifiers"])
_ORDINAL_FRAME_RE = regex.compile(_alt(_DATA["ordinal_frames"]))



def _fast_pattern() -> str:
    """_SCAN_RE's pattern for the standard ``re`` engine (~3x faster here).

    Both are backtracking engines with the same (Perl) semantics; ``re`` lacks
    two things the grammar uses, which are widened here: the rank verbs'
    variable-width lookbehind (to the character before the number) and ``\\p{Han}``
    in a denominator (to any non-ASCII character). A wider atom never loses a
    match; a match that went through one (``rn2`` or ``den`` captured) is redone
    by ``regex``, and any other is exactly the one ``regex`` finds.
    """
    pattern = _SCAN_PATTERN
    verbs = _DATA["rank_verbs"]
    lookbehind = f"(?<=(?:{_alt(verbs)}){_S})"
    wide = f"(?<=[{regex.escape(''.join(sorted({w[-1] for w in verbs})))} \\t\\u00a0])"
    assert pattern.count(lookbehind) == 1 and pattern.count(r"\p{Han}") == 1
    return pattern.replace(lookbehind, wide).replace(r"\p{Han}", r"[^\x00-\x7f]")


_FAST_SCAN_RE = re.compile(_fast_pattern())
_FAST_INDEX = {name: i - 1 for name, i in _FAST_SCAN_RE.groupindex.items()}  # in m.groups()
_BARE_GROUPS = itemgetter(*(_FAST_INDEX[k] for k in "r1 rn2 rn3 rn4 rtop pn fd fa n1 u1 n2 den m1".split()))
# Group names by group number, for patterns whose groups are all uniquely named;
# keyed by id (these module-level patterns live forever): hashing a compiled ``re``
# pattern hashes its whole program.
_GROUP_NAMES: dict[int, tuple[str, ...]] = {}


def _register(p: "regex.Pattern[str] | re.Pattern[str]") -> None:
    if sorted(p.groupindex.values()) == list(range(1, p.groups + 1)):
        _GROUP_NAMES[id(p)] = tuple(sorted(p.groupindex, key=p.groupindex.get))


for _p in (SINGLE_RE, _FAST_SCAN_RE):
    _register(_p)

# ``regex`` patterns that the scanner needs only now and then (a match through a
# widened atom, parse_quantity), compiled on first use: ~30 ms each at start-up.
_LAZY_PATTERNS = {"QUANTITY_RE": _QUANTITY_PATTERN, "_SCAN_RE": _SCAN_PATTERN}
_LAZY_COMPILED: dict[str, "regex.Pattern[str]"] = {}


def _lazy(name: str) -> "regex.Pattern[str]":
    p = _LAZY_COMPILED.get(name)
    if p is None:
        p = _LAZY_COMPILED[name] = regex.compile(_LAZY_PATTERNS[name], regex.V0)
        _register(p)
    return p


def __getattr__(name: str) -> Any:
    """``QUANTITY_RE`` and ``_SCAN_RE`` as module attributes (compiled on first use)."""
    if name in _LAZY_PATTERNS:
        return _lazy(name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# --- building ----------------------------------------------------------------


def _num(text: Optional[str]) -> Optional[float]:
    if not text:
        return None
    if text[0].isdigit() and text[0].isascii():
        return arabic_to_number(text)
    return cn_to_number(text)


def _rank(m: regex.Match, t: str, scan: bool) -> Optional[dict]:
    if m.group("rtop"):
        if scan and m.group("rtop") != "榜首" and not _RANK_CONTEXT_RE.search(_clause_before(t, m.start())):
            # ``首位`` / ``居全省之首`` rank only after a rank verb (``居``, ``位列``…)
            return None
        return _fields({"value": 1.0, "unit": "rank"})
    if m.group("r1"):
        if not m.group("rs1") and m.end() < len(t):
            nxt = t[m.end()]
            # ``X是湖南省第六家千亿园区`` / ``成为全省第5个“千亿园区”``: its place in the order of a
            # class is a rank (SPEC 10 as the labelled sets write it)
            ordinal = nxt in _ORDINAL_CLASSIFIERS and _ORDINAL_FRAME_RE.search(_clause_before(t, m.start(), 24))
            if not ordinal and _HAN_RE.match(nxt) and nxt != "的":
                return None
        n = _num(m.group("rn1"))
    elif m.group("rn4"):
        if scan:
            head = _clause_before(t, m.start(), 24)
            verbs = list(_RANK_CONTEXT_RE.finditer(head))
            if not verbs or "、" in head[:verbs[-1].start()]:
                # ``稳居全国前三十``, ``进入综合排名前100``: a bare 前N ranks only after a rank verb,
                # and not a list of things that share the top places (``A、B、C三个项目位列前三``)
                return None
        n = _num(m.group("rn4"))
    else:
        n = _num(m.group("rn2") or m.group("rn3"))
    if n is None or n <= 0:
        return None
    return _fields({"value": n, "unit": "rank"})


def _clause_before(t: str, i: int, width: int = 16) -> str:
    """Up to ``width`` characters before ``i``, cut at the last clause break."""
    head = t[max(0, i - width):i]
    cut = max(head.rfind(c) for c in "，。；,;！？!?\n")
    return head[cut + 1:]


def _qualifier(pre: Optional[str], post: Optional[str], infix: bool) -> Optional[str]:
    if pre:
        return _QUAL.get(pre)
    if infix:
        return "over"
    if post in ("多", "余"):
        return "over"
    return _QUAL.get(post) if post else None


def _fields(q: dict) -> dict:
    """``q`` as ``Quantity(**q).model_dump()`` gives it (every field, in order)."""
    return {
        "value": q.get("value"), "low": q.get("low"), "high": q.get("high"),
        "unit": q["unit"], "qualifier": q.get("qualifier"), "classifier": q.get("classifier"),
    }


def _groupdict(m: regex.Match) -> dict:
    """``m.groupdict()``, ~30x faster: ``regex`` rebuilds the name table on each call."""
    names = _GROUP_NAMES.get(id(m.re))
    if names is None:
        return m.groupdict()
    return dict(zip(names, m.groups()))


def _build(
    t: str, m: regex.Match, scan: bool, gd: Optional[dict] = None
) -> Optional[tuple[dict, int, int]]:
    """The Quantity fields (a ``model_dump()`` dict) for a match of QUANTITY_RE /
    SINGLE_RE, with its span, or None. ``gd``: ``m.groupdict()`` if known."""
    gd = _groupdict(m) if gd is None else gd
    get = gd.get
    start, end = m.start(), m.end()
    if get("r1") or get("rn2") or get("rn3") or get("rn4") or get("rtop"):
        q = _rank(m, t, scan)
        return None if q is None else (q, start, end)
    post = get("post")
    if post:
        end = m.start("post")
    if get("pn") is not None:
        n = _num(gd["pn"])
        q = None if n is None else dict(value=n, unit="%")
    elif get("fd") is not None:
        d, n = _num(gd["fd"]), _num(gd["fn"])
        q = None if not d or n is None else dict(value=round(n / d * 100, 2), unit="%")
    elif get("fa") is not None:
        d, n = float(gd["fb"]), float(gd["fa"])
        if not d or n >= d:
            return None
        q = dict(value=round(n / d * 100, 2), unit="%")
    else:
        if scan and not _may_scan(gd):
            return None
        q = _build_main(t, m, scan, gd)
        if q is None:
            return None
        if q.pop("_trim", False):
            end = q.pop("_end")
            post = None
    if q is None:
        return None
    n1start = m.start("n1") if get("n1") else start
    if scan and _BLOCKED_RE.match(t, n1start):
        return None
    unit = q["unit"]
    if post in ("多", "余") and unit[6:] not in _TIME_UNITS:
        post = None
    if post:
        end = m.end("post")
    while end > start and t[end - 1] in " \t\u00a0":
        end -= 1
    infix = q.pop("_infix", False)
    scaled = q.pop("_scaled", False)
    q["qualifier"] = _qualifier(get("pre"), post, infix)
    if scan and not _scan_ok(t, q, end, scaled):
        return None
    for k in ("value", "low", "high"):
        v = q.get(k)
        if v is not None:
            if not math.isfinite(v):
                return None
            q[k] = tidy(v)
    return _fields(q), start, end


def _bare_number(groups: tuple) -> bool:
    """Whether :func:`_build` drops this _FAST_SCAN_RE match (``m.groups()``) at
    :func:`_may_scan`; decided on the tuple, without building the group dict."""
    r1, rn2, rn3, rn4, rtop, pn, fd, fa, n1, u1, n2, den, m1 = _BARE_GROUPS(groups)
    return not (
        r1 or rn2 or rn3 or rn4 or rtop or pn is not None or fd is not None or fa is not None
        or u1 or n2 is not None or den or m1 or "万" in n1 or "亿" in n1
    )


def _may_scan(gd: dict) -> bool:
    """False for a bare number the scanner always drops (see :func:`_scan_ok`):
    no unit, no ``/`` denominator, no range, no multiplier and no 万/亿 in it."""
    n1 = gd["n1"]
    return bool(gd.get("u1") or gd.get("n2") is not None or gd.get("den") or gd.get("m1")
                or "万" in n1 or "亿" in n1)


def _scan_ok(t: str, q: dict, end: int, scaled: bool) -> bool:
    """Context checks for the scanner: size labels, bare numbers, reduplication."""
    nxt = t[end] if end < len(t) else ""
    if nxt == "级":
        return False
    if q["unit"] == "":
        return scaled and not (nxt.isascii() and nxt.isalnum())
    cls = q.get("classifier")
    if cls and t.startswith(cls, end):
        return False
    return True


_ARABIC = regex.compile(r"[0-9,.\s\u00a0\u2009\u202f]+")
_CLOCK = frozenset("时点:：")


def _build_main(t: str, m: regex.Match, scan: bool, gd: Optional[dict] = None) -> Optional[dict]:
    gd = gd if gd is not None else m.groupdict()
    get = gd.get
    n1, n2 = get("n1"), get("n2")
    m1, m2 = get("m1") or "", get("m2") or ""
    u1, unit_text, den = get("u1"), get("unit"), get("den")
    infix = bool(get("a1") or get("b1") or get("a2") or get("b2"))
    is_range = n2 is not None
    if is_range and u1 and unit_text and u1 != unit_text:
        return _single(t, m, scan)
    if not is_range and u1:
        unit_text = u1
    elif is_range and u1 and not unit_text:
        unit_text = u1
    v1, v2 = _num(n1), _num(n2)
    if v1 is None or (is_range and v2 is None):
        return _single(t, m, scan) if is_range else None
    # a single Chinese scale char that is really part of the unit: 千瓦时, 千米
    if n1 in ("十", "百", "千") and unit_text and (n1 + unit_text) in _FORMS:
        return None
    extended_end = None
    last_mult = "m2" if is_range else "m1"
    if unit_text is None and not den and get(last_mult):
        # 500千伏: the multiplier run swallowed the first character of the unit
        mult = gd[last_mult]
        for k in range(1, len(mult)):
            u = _UNIT_RE.match(t, m.start(last_mult) + k)
            if u is not None:
                unit_text, extended_end = u.group(), u.end()
                if is_range:
                    m2 = mult[:k]
                else:
                    m1 = mult[:k]
                break
        else:
            u = _UNIT_RE.match(t, m.start(last_mult))
            if u is not None and u.group() in _FORMS and _FORMS[u.group()][0] is None:
                unit_text, extended_end = u.group(), u.end()
                if is_range:
                    m2 = ""
                else:
                    m1 = ""
    if unit_text == "个多月":
        unit_text, infix = "个月", True
    if unit_text == "分" and (is_range or not _ARABIC.fullmatch(n1 or "") or t[max(0, m.start() - 1):m.start()] in _CLOCK):
        return None  # a score is written in digits (91.74分); 十分 is ``very``, 12时30分 a time
    digits = (n1 or "") + (n2 or "")
    scaled = bool(m1 or m2) or "万" in digits or "亿" in digits
    written = (m2 if is_range else m1) + (unit_text or "")
    if den:
        compound = _COMPOUNDS.get(f"{written}/{den}")
        base, factor, other = (compound[0], compound[1], None) if compound else (None, 1.0, f"{written}/{den}")
        mult1 = mult2 = 1.0
    elif unit_text is None:
        base, factor, other = "", 1.0, None
        mult1, mult2 = scale_of(m1), scale_of(m2)
    elif unit_text in _CLASSIFIERS:
        base, factor, other = "count", 1.0, None
        mult1, mult2 = scale_of(m1), scale_of(m2)
    else:
        base, factor = _FORMS[unit_text]
        other = None if base else written
        mult1, mult2 = (1.0, 1.0) if other else (scale_of(m1), scale_of(m2))
    if is_range and not m1 and m2 and not other and v1 <= v2:
        mult1 = mult2
    if other is not None:
        if unit_text in _YEAR_UNITS and _looks_like_year(v1, v2, n1, n2):
            return None
        unit = "other:" + other
    else:
        unit = base
    q: dict = {"unit": unit, "_infix": infix, "_scaled": scaled}
    if unit == "count":
        q["classifier"] = unit_text
    if get("neg"):
        v1 = -v1
    if is_range:
        q["low"], q["high"] = v1 * mult1 * factor, v2 * mult2 * factor
        if q["low"] > q["high"]:
            return _single(t, m, scan)
    else:
        q["value"] = v1 * mult1 * factor
    if extended_end is not None:
        q.update(_trim=True, _end=extended_end)
    return q


def _looks_like_year(v1: float, v2: Optional[float], n1: str, n2: Optional[str]) -> bool:
    return any(
        v is not None and v.is_integer() and 1000 <= v <= 2999 and "." not in (n or "")
        for v, n in ((v1, n1), (v2, n2))
    )


def _single(t: str, m: regex.Match, scan: bool) -> Optional[dict]:
    """Fall back from a bad range to its first number alone."""
    s = SINGLE_RE.match(t, m.start())
    if s is None or s.end() > m.end():
        return None
    built = _build(t, s, scan)
    if built is None:
        return None
    d, _, end = built
    d.update(_trim=True, _end=end, _infix=d["qualifier"] == "over", _scaled=True)
    d.pop("qualifier")
    return d


# --- public API --------------------------------------------------------------


def find_quantities(text: str) -> list[QuantityMatch]:
    """Every quantity in ``text``, left to right, longest match, non-overlapping."""
    return [
        QuantityMatch(start, end, text[start:end], Quantity(**q))
        for start, end, q in scan_quantities(to_halfwidth(text))
    ]


def scan_quantities(t: str) -> list[tuple[int, int, dict]]:
    """:func:`find_quantities` on ``t = to_halfwidth(text)``, as ``(start, end,
    fields)`` with the fields of each Quantity as a fresh ``model_dump()`` dict."""
    out: list[tuple[int, int, dict]] = []
    pos = 0
    search = _FAST_SCAN_RE.search
    names = _GROUP_NAMES[id(_FAST_SCAN_RE)]
    rn2, den = _FAST_INDEX["rn2"], _FAST_INDEX["den"]
    while True:
        m = search(t, pos)
        if m is None:
            return _spread_list_units(t, out)
        groups = m.groups()
        gd: Optional[dict] = None
        if groups[rn2] is not None or groups[den] is not None:
            at = m.start()  # went through a widened atom: ask ``regex`` itself
            m = _lazy("QUANTITY_RE").match(t, at)
            if m is None:
                pos = at + 1
                continue
        elif _bare_number(groups):
            pos = m.start() + 1  # what _build would say, without the call
            continue
        else:
            gd = dict(zip(names, groups))
        built = _build(t, m, True, gd)
        if built is None:
            pos = m.start() + 1
            continue
        q, start, end = built
        out.append((start, end, q))
        pos = max(end, start + 1)


# ``8.2个、8.0个和7.5个百分点`` / ``12.5、8.3和6.1%``: in a list of figures the unit of
# the last item applies to every item (issue 14.3); only for units without a scale
_LIST_ITEM_BEFORE = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?)(个)?[ \t]*[、和及与][ \t]*$")
_SPREAD_UNITS = ("pp", "%")


def _spread_list_units(t: str, out: list[tuple[int, int, dict]]) -> list[tuple[int, int, dict]]:
    if not out or not any(q.get("unit") in _SPREAD_UNITS for _, _, q in out):
        return out
    by_start = {s: i for i, (s, _, _) in enumerate(out)}
    added: list[tuple[int, int, dict]] = []
    for start, _, q in list(out):
        unit = q.get("unit")
        if unit not in _SPREAD_UNITS or q.get("value") is None:
            continue
        k = start
        while True:
            m = _LIST_ITEM_BEFORE.search(t, max(0, k - 16), k)
            if m is None or m.end() != k:
                break
            a, b = m.span(1)
            end = m.end(2) if m.group(2) else b
            i = by_start.get(a)
            if i is not None:
                s0, e0, q0 = out[i]
                if unit != "pp" or q0.get("unit") != "count" or q0.get("classifier") != "个" or e0 != end:
                    break  # only ``N个、M个百分点`` splits a unit over a list of counts
                out[i] = (s0, e0, dict(q0, unit=unit, classifier=None))
            elif m.group(2) is None or unit == "pp":
                added.append((a, end, {"value": float(m.group(1)), "low": None, "high": None,
                                       "unit": unit, "qualifier": None, "classifier": None}))
            else:
                break
            k = a
    return sorted(out + added) if added else out


_STRIP = " \t\r\n\u3000，。、；：,.;:（）()“”\"'"


def parse_quantity(text: str) -> Optional[Quantity]:
    """The quantity ``text`` states (``"超两亿元"``, ``"3.8-4.2米"``), or None.

    A whole-string expression may be a bare number (``十四`` -> unit ``""``);
    otherwise the first quantity the scanner finds in ``text`` is returned.
    """
    if not isinstance(text, str):
        return None
    t = to_halfwidth(text).strip(_STRIP)
    if not t:
        return None
    m = _lazy("QUANTITY_RE").fullmatch(t)
    if m is not None:
        built = _build(t, m, scan=False)
        if built is not None and built[2] == len(t):
            return Quantity(**built[0])
    found = find_quantities(t)
    return found[0].quantity if found else None
