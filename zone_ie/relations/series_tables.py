"""Year tables (``年度 | 营业收入（万元） | 归母净利润（万元）``): a table whose rows are years
and whose columns are indicators, the figures of one subject over several years (a
firm's accounts in a prospectus, a park's series). Layout repair keeps the rows
(:func:`zone_ie.repair.table_rows`); the subject is the one of the sentence that
introduces the table (``报告期内，公司经营业绩…：``), each cell a metric of its column's
indicator in its row's year, in the unit the header names. Header words: ``series_*``
in ``patterns/relations.json``."""
from __future__ import annotations

import re
from typing import Optional

from ..models import MetricFact, Period, Quantity
from .context import DocContext, cues
from .indicators import find_indicator
from .subjects import subject_for
from .table_rows import NUMBER, UNIT, cells, headed_tables

_YEAR = re.compile(r"^((?:19|20)\d\d)年?度?$")


def series_table_metrics(ctx: DocContext) -> list[MetricFact]:
    """The metrics of every year table of the document."""
    out: list[MetricFact] = []
    for cols, (s, _), rows in headed_tables(ctx, _header_columns):
        subject = _introduced_subject(ctx, s)
        if subject is None:
            continue
        for rs, re_ in rows:
            out.extend(_row_metrics(ctx, subject.text, cols, rs, re_))
    return out


def _header_columns(heads: list[str]) -> Optional[list[Optional[tuple]]]:
    """Per column ``(indicator id, header text, scale, unit)`` (None for the year column
    and columns of no known indicator and unit); None when the line heads no year table."""
    if len(heads) < 2 or heads[0].replace(" ", "") not in cues()["series_period_headers"]:
        return None
    units = cues()["project_table_units"]
    cols: list[Optional[tuple]] = [None]
    for cell in heads[1:]:
        word = cell.replace(" ", "")
        hit = find_indicator(UNIT.sub("", word))
        m = UNIT.search(word)
        scale = units.get(m.group("unit")) if m else None
        cols.append((hit[0], UNIT.sub("", word), scale[0], scale[1]) if hit and scale else None)
    return cols if any(cols) else None


def _introduced_subject(ctx: DocContext, header: int):
    """The subject of the sentence right before the table's header line."""
    pos = ctx.text.rfind("\n", 0, header)
    while pos > 0 and ctx.text[pos - 1] == "\n":
        pos -= 1
    if pos <= 0:
        return None
    s, _, _ = ctx.sentence_at(pos - 1)
    return subject_for(ctx, pos - 1, s)


def _row_metrics(ctx: DocContext, subject: str, cols: list, s: int, e: int) -> list[MetricFact]:
    row = cells(ctx.text[s:e])
    year = _YEAR.match(row[0]) if row else None
    if year is None or len(row) != len(cols):
        return []
    period = Period(year=int(year.group(1)))
    ev = ctx.raw(s, e)
    out = []
    for cell, col in zip(row[1:], cols[1:]):
        amount = cell.replace(",", "")
        if col is None or not NUMBER.match(amount):
            continue
        indicator, words, scale, unit = col
        out.append(MetricFact(subject=subject, indicator=indicator, indicator_text=words, period=period,
                              value=Quantity(value=round(float(amount) * scale, 6), unit=unit), evidence=ev))
    return out
