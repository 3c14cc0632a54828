"""Park-column tables (``指标名称 保税区 经开区 冶金园 高新区 合计 占全市比重``): a table
whose columns are parks and whose rows are indicators, as a city's statistics bulletin
compares its zones. Layout repair keeps the rows (:func:`zone_ie.repair.table_rows`, also
for cells single spaces set apart); here the header names the parks (mentions of the
text), each indicator row gives one metric per park column in the unit its name brackets
(``一般公共预算收入（亿元）``), a growth row under it (``比上年增长（%）``) adds each park's
change, and a ``其中：`` row keeps the unit of the row above. Columns of a total or of the
city's share (``合计``, ``占全市比重``) are no park's. The period is the one that governs
the table (its title's year). Header words: ``park_table_*`` in ``patterns/relations.json``."""
from __future__ import annotations

from typing import Optional

from ..models import MetricFact, Period, Quantity
from .context import DocContext, Ent, cues, has_cue
from .indicators import find_indicator, vocab
from .table_rows import NUMBER, UNIT, cells, headed_tables, strip_row_lead, table_period


def park_column_table_metrics(ctx: DocContext) -> list[MetricFact]:
    """The metrics of every park-column table of the document."""
    out: list[MetricFact] = []
    for heads, (s, e), rows in headed_tables(ctx, _header_cells):
        parks = park_columns(ctx, heads, s, e)
        if parks is None:
            continue
        period = table_period(ctx, (s, e))
        per = Period(**period) if period else None
        last: Optional[tuple[str, Optional[str], tuple]] = None  # (indicator, scope, unit) of the row above
        made: list[MetricFact] = []  # the metrics of the row above, for its growth row
        for rs, re_ in rows:
            row = cells(ctx.text[rs:re_])
            if len(row) != len(heads):
                continue
            name = row[0].replace(" ", "").replace("\u3000", "")
            if UNIT.sub("", name).startswith(tuple(cues()["park_table_growth_rows"])) and made:
                for m, cell in zip(made, [row[i] for i in parks]):
                    if NUMBER.match(cell):
                        m.yoy_pct = float(cell)
                continue
            name, sub = strip_row_lead(name)
            unit = _unit(name) or (last[2] if sub and last else None)
            words = UNIT.sub("", name)
            if unit is None or not words:
                made = []
                continue
            hit = find_indicator(words)
            indicator = hit[0] if hit else ("enterprise_count" if unit[1] == "count" else "other")
            scope = (words[:hit[1]] or None) if hit else (words if indicator == "enterprise_count" else None)
            if hit and scope is None:
                scope = vocab()["form_scopes"].get(words[hit[1]:hit[2]])
            if indicator == "enterprise_count" and scope is None:
                scope = words  # ``高新技术企业（家）``: the class of firms counted
            ev = ctx.raw(rs, re_)
            made = []
            for i, park in parks.items():
                amount = row[i].replace(",", "")
                if not NUMBER.match(amount):
                    continue
                value = Quantity(value=round(float(amount) * unit[0], 6), unit=unit[1],
                                 **({"classifier": unit[2]} if unit[1] == "count" else {}))
                made.append(MetricFact(subject=park.text, indicator=indicator, indicator_text=words, scope=scope,
                                       value=value, period=per, evidence=ev))
            out.extend(made)
            if not sub:
                last = (indicator, scope, unit)
    return out


def _header_cells(heads: list[str]) -> Optional[list[str]]:
    """The header's cells when its first cell names the indicator column (``指标名称``)."""
    if len(heads) < 3 or not has_cue("table_name_headers", heads[0].replace(" ", "").replace("\u3000", "")):
        return None
    return heads


def park_columns(ctx: DocContext, heads: list[str], s: int, e: int) -> Optional[dict[int, Ent]]:
    """Column index -> park for a header whose cells name two parks or more, else None."""
    parks = [x for x in ctx.ents_in(s, e) if x.label == "PARK"]
    out: dict[int, Ent] = {}
    for i, cell in enumerate(heads[1:], 1):
        park = next((p for p in parks if p.text == cell.strip()), None)
        if park is not None:
            out[i] = park
    return out if len(out) >= 2 else None


def _unit(name: str) -> Optional[tuple[float, str, Optional[str]]]:
    """``(scale, unit, classifier)`` of a row name's bracketed unit (``（亿元）``, ``（家）``)."""
    m = UNIT.search(name)
    if m is None:
        return None
    word = m.group("unit")
    money = cues()["project_table_units"].get(word)
    if money:
        return float(money[0]), money[1], None
    if word in cues()["park_table_count_units"]:
        return 1.0, "count", word
    return None
