"""Ranking tables (``排名 | 开发区 | 得分 | 较上年位次变化``): a table whose rows are parks
(or firms), one row each, with their rank, score, change of rank and other figures in
columns. Layout repair keeps the rows (:func:`zone_ie.repair.table_rows`, also for cells
split by ``|``); here the header line names the columns and every row gives the metrics
of the park named in its name cell. The period is the one that governs the table (the
evaluation's year). Header words: ``ranking_*`` in ``patterns/relations.json``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..models import MetricFact, Period, Quantity
from .context import DocContext, Ent, cues
from .indicators import find_indicator
from .periods_of import evaluation_period, period_for
from .table_rows import NUMBER, UNIT, cell_quantity, cells, headed_tables


def ranking_table_metrics(ctx: DocContext) -> list[MetricFact]:
    """The metrics of every row of every ranking table of the document."""
    out: list[MetricFact] = []
    for roles, (s, _), rows in headed_tables(ctx, _header_roles):
        period = period_for(ctx, s, s)
        if period is None:  # the period of the evaluation the article announces
            period = evaluation_period(ctx, ctx.article_at(s))
        for rs, re_ in rows:
            out.extend(_row_metrics(ctx, roles, period, rs, re_))
    return out


def _header_roles(heads: list[str]) -> Optional[dict[str, list[int]]]:
    """Column indexes by role (``name``, ``rank``, ``score``, ``change``, ``figure``), or
    None when the line heads no ranking table (a name column and a rank or score column)."""
    if len(heads) < 3:
        return None
    c = cues()
    roles: dict[str, list[int]] = {}
    for i, cell in enumerate(heads):
        word = cell.replace(" ", "")
        if any(h in word for h in c["ranking_change_headers"]):
            roles.setdefault("change", []).append(i)
        elif word in c["ranking_rank_headers"]:
            roles.setdefault("rank", []).append(i)
        elif (dated := _dated_rank(word)) is not None:
            # ``2022年排名`` / ``上年排名``: the rank of a year of its own
            roles.setdefault("rank", []).append(i)
            roles.setdefault("_years", {})[i] = dated  # type: ignore[index]
        elif any(h in word for h in c["ranking_score_headers"]):
            roles.setdefault("score", []).append(i)
        elif any(word.endswith(h) for h in c["ranking_name_headers"]) and "name" not in roles:
            roles["name"] = [i]
        elif find_indicator(word) is not None:
            roles.setdefault("figure", []).append(i)
    if "name" not in roles or not ("rank" in roles or "score" in roles):
        return None
    roles["_headers"] = heads  # type: ignore[assignment]
    return roles


def _row_metrics(ctx: DocContext, roles: dict, period: Optional[dict], s: int, e: int) -> list[MetricFact]:
    """The metrics of one row: its rank, score, change of rank and other figures."""
    text = ctx.text
    row = cells(text[s:e])
    headers: list[str] = roles["_headers"]
    if len(row) != len(headers):
        return []
    subject = _named(ctx, row[roles["name"][0]], s, e)
    if subject is None:
        return []
    ev = ctx.raw(s, e)
    per = Period(**period) if period else None
    out: list[MetricFact] = []

    def add(text_: str, value: float, unit: str, indicator: str = "other") -> None:
        out.append(MetricFact(subject=subject.text, indicator=indicator, indicator_text=text_, period=per,
                              value=Quantity(value=value, unit=unit), evidence=ev))

    years: dict[int, tuple[str, int]] = roles.get("_years", {})
    for i in roles.get("rank", []):
        if NUMBER.match(row[i]):
            if i in years:
                col = _column_period(years[i], period)
                if col is None:
                    continue
                out.append(MetricFact(subject=subject.text, indicator="other", indicator_text=headers[i],
                                      period=Period(**col), value=Quantity(value=float(row[i]), unit="rank"),
                                      evidence=ev))
                continue
            add(headers[i], float(row[i]), "rank")
    for i in roles.get("score", []):
        if NUMBER.match(row[i]):
            add(headers[i], float(row[i]), "other:分")
    for i in roles.get("change", []):
        m = _change_re().match(row[i].replace(" ", ""))
        if m is not None:
            add(headers[i] + m.group("dir"), float(m.group("n")), "rank")
    for i in roles.get("figure", []):
        # ``规上工业增加值增速（%）``: a growth column is the change of that indicator
        hit = find_indicator(headers[i].replace(" ", ""))
        cell = row[i].rstrip("%％")
        if hit is None or not NUMBER.match(cell):
            continue
        if any(w in headers[i] for w in cues()["ranking_growth_headers"]):
            out.append(MetricFact(subject=subject.text, indicator=hit[0], indicator_text=headers[i], period=per,
                                  yoy_pct=float(cell), evidence=ev))
        elif (unit := UNIT.search(headers[i])) is not None:
            # ``营业收入（亿元）``: a level in the unit the header names
            qty = cell_quantity(cell, unit.group("unit"))
            if qty is not None and qty.unit != "%":
                out.append(MetricFact(subject=subject.text, indicator=hit[0], indicator_text=UNIT.sub("", headers[i]),
                                      period=per, value=qty, evidence=ev))
    return out


_DATED_HEAD = re.compile(r"^(?:(?P<year>(?:19|20)\d{2})年度?|(?P<prev>上年度?|去年|上一年度?))(?P<head>.+)$")


def _dated_rank(word: str) -> Optional[tuple[str, int]]:
    """``2022年排名`` -> ("year", 2022); ``上年排名`` -> ("back", 1); else None."""
    m = _DATED_HEAD.match(word)
    if m is None or m.group("head") not in cues()["ranking_rank_headers"]:
        return None
    return ("year", int(m.group("year"))) if m.group("year") else ("back", 1)


def _column_period(dated: tuple[str, int], period: Optional[dict]) -> Optional[dict]:
    """The period of a dated rank column: its own year, or the year before the table's."""
    kind, n = dated
    if kind == "year":
        return {"year": n, "start_month": None, "end_month": None}
    if period is None or period.get("year") is None:
        return None  # ``上年排名`` of a table without a year: no year to count back from
    return {"year": period["year"] - n, "start_month": None, "end_month": None}


def _named(ctx: DocContext, cell: str, s: int, e: int) -> Optional[Ent]:
    """The park or firm a row's name cell names: a mention that fills the cell."""
    for ent in ctx.ents_in(s, e):
        if ent.text == cell.strip():
            return ent
    return None


@lru_cache(maxsize=1)
def _change_re() -> "re.Pattern[str]":
    """``上升2位`` / ``前移3个位次`` / ``下降1位``: the direction and the number of places."""
    c = cues()
    words = "|".join(map(re.escape, c["ranking_up_words"] + c["ranking_down_words"]))
    return re.compile(rf"^(?P<dir>{words})(?P<n>\d+)(?:个)?(?:位次|位|名)$")
