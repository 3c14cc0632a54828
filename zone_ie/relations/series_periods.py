"""Periods of figures in a series: each figure of a list dated by the year it stands for.

- ``2020年至2022年，X分别实现营业收入3.38亿元、4.16亿元和4.52亿元；净利润分别为…``: a
  range of years, then a ``分别`` list with as many values as the range has years, dates
  the values in order (the same for ``2020年、2021年和2022年，…分别为…`` and for a list of
  months or quarters: ``1月、2月X进出口值分别为8.91亿元和10.53亿元``);
- ``营业收入由2020年的1398.2亿元增至2024年的1862.5亿元；规上工业总产值由1356.7亿元增至
  1790.4亿元``: the later from–to pairs of the sentence compare the same two years as the
  first one, which wrote them.

The years written for the series beat any period the figure took from its paragraph or the
article (a range of years states no single period, so the figure had none of its own).
"""
from __future__ import annotations

import re
from typing import Optional

from ..models import MetricFact, Period
from .context import DocContext, Qty, after_last, before_first
from .indicators import vocab

_RANGE = re.compile(r"((?:19|20)\d{2})年?\s*(?:至|到|—|–|-|~|～)\s*((?:19|20)\d{2})年(?:间|度)?")
_YEAR_JOIN = re.compile(r"\s*[、和及与]\s*")
_FULL_STOP = "。！？!?\n"
_LIST_STOP = "；;。！？!?\n"
_YEAR_BEFORE = re.compile(r"((?:19|20)\d{2})年(?:底|末)?的?(?:不足|约|近|超过?|逾|仅)?$")


def date_series(ctx: DocContext, metrics: list[MetricFact]) -> None:
    """Give the figures of year series their years (see the module docstring), in place."""
    if not metrics:
        return
    text = ctx.text
    if "分别" in text:
        for years, end in _cached_year_runs(ctx):
            _date_respective(ctx, metrics, years, end)
    if "由" in text or "从" in text:
        _date_from_to(ctx, metrics)


def years_before(ctx: DocContext, pos: int) -> bool:
    """Whether a range or list of years stands before ``pos`` in its full sentence (a list
    of values after it is a series over those years, not a list of subjects or scopes)."""
    text = ctx.text
    start = after_last(text, _FULL_STOP, 0, pos)
    return any(start <= end <= pos for _, end in _cached_year_runs(ctx))


def _cached_year_runs(ctx: DocContext) -> list[tuple[list[int], int]]:
    hit = ctx._index.get("year_runs")
    if hit is None:
        hit = ctx._index["year_runs"] = _year_runs(ctx)
    return hit


def _year_runs(ctx: DocContext) -> list[tuple[list[dict], int]]:
    """``(periods, end)`` of each range of years (``2020年至2022年``) and each list of two or
    more periods of one kind (``2020年、2021年和2022年``, ``1月、2月``, ``一季度、二季度``),
    with the position right after it."""
    out: list[tuple[list[dict], int]] = []
    pers = ctx.pers
    i = 0
    while i < len(pers):
        p = pers[i]
        m = _RANGE.fullmatch(p.text.strip())
        if p.p is None and m is not None:
            y1, y2 = int(m.group(1)), int(m.group(2))
            if 2 <= y2 - y1 + 1 <= 6:
                out.append(([_year(y) for y in range(y1, y2 + 1)], p.end))
            i += 1
            continue
        kind = _kind(p)
        run = [p]
        while (kind is not None and i + len(run) < len(pers) and _kind(pers[i + len(run)]) == kind
               and _YEAR_JOIN.fullmatch(ctx.text, run[-1].end, pers[i + len(run)].start)):
            run.append(pers[i + len(run)])
        if len(run) >= 2:
            out.append(([dict(r.p) for r in run], run[-1].end))
        i += len(run)
    return out


def _year(y: int) -> dict:
    return {"year": y, "start_month": None, "end_month": None}


def _kind(p) -> Optional[str]:
    """``year`` for a whole year, ``month`` for one month, ``quarter`` for one quarter
    (of a known year), else None: the periods a series lists."""
    if p.p is None or p.p.get("year") is None:
        return None
    a, b = p.p.get("start_month"), p.p.get("end_month")
    if a is None:
        return "year"
    if a == b:
        return "month"
    if b is not None and b - a == 2 and a in (1, 4, 7, 10) and "季" in p.text:
        return "quarter"
    return None



def _date_respective(ctx: DocContext, metrics: list[MetricFact], years: list[dict], pos: int) -> None:
    """The ``分别`` lists after ``pos`` in its full sentence that hold one value per year."""
    text = ctx.text
    sentence_end = before_first(text, _FULL_STOP, pos, len(text))
    k = text.find("分别", pos, sentence_end)
    while k >= 0:
        end = before_first(text, _LIST_STOP, k, sentence_end)
        nxt = text.find("分别", k + 2, end)
        end = nxt if nxt >= 0 else end
        values: list[Qty] = []
        for q in ctx.qtys_in(k, end):  # the run of values of one unit the list opens with
            if values and q.q.get("unit") != values[0].q.get("unit"):
                break
            if q.q.get("unit") not in ("%", "pp", "rank") or values:
                values.append(q)
        if len(values) == len(years):
            for q, period in zip(values, years):
                _set_period(ctx, metrics, q, period)
        k = text.find("分别", k + 2, sentence_end)


def _date_from_to(ctx: DocContext, metrics: list[MetricFact]) -> None:
    """Later from–to pairs of a full sentence take the years of the first dated pair."""
    text = ctx.text
    verbs = vocab()["from_to_verbs"]
    start = 0
    n = len(text)
    while start < n:
        end = before_first(text, _FULL_STOP, start, n)
        years: Optional[tuple[int, int]] = None
        qtys = ctx.qtys_in(start, end)
        for a, b in zip(qtys, qtys[1:]):
            opener = text[after_last(text, "，,；;：:", start, a.start):a.start]
            if not ("由" in opener or "从" in opener):
                continue
            y_b = _YEAR_BEFORE.search(text, max(a.end, b.start - 8), b.start)
            gap = text[a.end:y_b.start() if y_b else b.start]
            if gap not in verbs:
                continue
            y_a = _YEAR_BEFORE.search(opener)
            if y_a is not None and y_b is not None:
                years = (int(y_a.group(1)), int(y_b.group(1)))
            elif y_a is None and y_b is None and years is not None:
                _set_year(ctx, metrics, a, years[0])
                _set_year(ctx, metrics, b, years[1])
        start = end + 1


def _set_year(ctx: DocContext, metrics: list[MetricFact], q: Qty, year: int) -> None:
    """Date the value metric read from ``q`` with ``year``."""
    _set_period(ctx, metrics, q, _year(year))


def _set_period(ctx: DocContext, metrics: list[MetricFact], q: Qty, period: dict) -> None:
    """Date the value metric read from ``q`` with ``period``."""
    a, b = ctx.raw(q.start, q.end)
    value = q.q.get("value")
    for m in metrics:
        if (m.value is not None and m.value.value is not None and value is not None
                and m.evidence[0] <= a and b <= m.evidence[1] and abs(m.value.value - value) <= 1e-6 * max(1.0, abs(value))):
            m.period = Period(**period)
            return
