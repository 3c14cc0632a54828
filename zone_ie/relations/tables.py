"""Statistics tables (``指标　　单位　　1—10月　　同比±%　　全市同比±%``): a bulletin's
table of main indicators, one row a figure. Layout repair keeps a table's rows and column
gaps (:func:`zone_ie.repair.table_rows`); here the header line names the columns (the
unit, the value of the reported period, the change on a year before, and the comparison
columns of the city or province, which are not the park's), each row gives one metric of
the park the table's title names, dated by the period in the header or the title. The
sentences of a table are not read as prose. Header words: ``table_*`` in
``patterns/relations.json``."""
from __future__ import annotations

import re
from typing import Optional

from ..models import MetricFact, Period, Quantity
from ..repair import SECTION_NUMBER
from .context import DocContext, Ent, cues, has_cue, table_spans
from .indicators import find_indicator, vocab
from .park_column_tables import park_columns
from .table_rows import cell_quantity, cells as table_cells, strip_row_lead, table_period, table_subject

_GAP = re.compile(r"[ \u3000\t]{2,}|\t")
_NUMBER = re.compile(r"^[-+－]?\d[\d,]*(?:\.\d+)?$")
_DASH = re.compile(r"^[—–-]+$")
_YEAR_HEAD = re.compile(r"^(?:19|20)\d\d年?(?:度|末|底)?$")


def table_metrics(ctx: DocContext) -> list[MetricFact]:
    """One metric per row of each statistics table with a header line."""
    spans = table_spans(ctx)
    if not spans:
        return []
    out: list[MetricFact] = []
    text = ctx.text
    k = 0
    while k < len(spans):
        heads = _cells(text[spans[k][0]:spans[k][1]])
        roles = _header_roles(heads)
        if roles is None or park_columns(ctx, heads, *spans[k]) is not None:
            k += 1  # (a header naming parks heads a park-column table: ``park_column_tables``)
            continue
        head_start = spans[k][0]
        subject = table_subject(ctx, head_start)
        period = table_period(ctx, spans[k])
        pending = ""  # a row name wrapped onto the next line
        k += 1
        while k < len(spans) and spans[k][0] <= spans[k - 1][1] + 1:
            s, e = spans[k]
            cells = _cells(text[s:e])
            k += 1
            if len(cells) == 1 and not _figure(cells[0]):
                pending += cells[0]
                continue
            name, pending = pending + cells[0], ""
            if subject is None:
                continue
            m = _row_metric(ctx, subject, period, name, cells, roles, (s, e))
            if m is not None:
                out.append(m)
    return out


def _cells(line: str) -> list[str]:
    """The cells of a table line: set apart by column gaps, or by bars on a web page
    (``一、公共财政总收入 | 万元 | 40950 | 2.1``)."""
    if "|" in line or "｜" in line:
        return table_cells(line)
    return [c for c in _GAP.split(line.strip()) if c]


def _join_spaced(cells: list[str]) -> list[str]:
    """``指　　标`` letter-spaced into one-character cells is one header word; two header
    words a single space sets apart (``同比增长(%)　占全市比重(%)``, a narrow last gap) are two."""
    out: list[str] = []
    split: list[str] = []
    for c in cells:
        parts = [x for x in _ONE_GAP.split(c) if x]
        split.extend(parts if len(parts) > 1 and all(len(x) >= 3 for x in parts) else [c])
    for c in split:
        if out and len(c) == 1 and len(out[-1]) == 1 and not _figure(c) and not _figure(out[-1]):
            out[-1] += c
        else:
            out.append(c)
    return out


_ONE_GAP = re.compile(r"[ \u3000]")


def _figure(cell: str) -> bool:
    return bool(_NUMBER.match(cell) or _DASH.match(cell))


def _header_roles(cells: list[str]) -> Optional[dict[str, int]]:
    """Column index of ``name``, ``unit``, ``value`` and ``yoy`` in a header line, or
    None when the line is no table header (a name column and a change column at least)."""
    c = cues()
    cells = _join_spaced(cells)
    if len(cells) < 3 or not has_cue("table_name_headers", cells[0].replace("\u3000", "").replace(" ", "")):
        return None
    if sum(1 for cell in cells[1:] if _YEAR_HEAD.match(cell)) >= 2:
        return None  # ``项目｜2023年｜2022年｜增减``: a comparison of years (a series table's)
    roles: dict[str, int] = {"name": 0}
    for i, cell in enumerate(cells[1:], 1):
        if has_cue("table_share_headers", cell):
            roles.setdefault("share", i)  # ``占全市比重(%)``: the row's share of the whole
            continue
        if has_cue("table_other_area_headers", cell):
            continue  # 全市同比, 全省: the comparison columns
        if cell in c["table_unit_headers"]:
            roles.setdefault("unit", i)
        elif has_cue("table_change_headers", cell):
            roles.setdefault("yoy", i)
        else:
            roles.setdefault("value", i)
    return roles if "yoy" in roles or "value" in roles else None


def _row_metric(ctx: DocContext, subject: Ent, period: Optional[dict], name: str, cells: list[str],
                roles: dict[str, int], span: tuple[int, int]) -> Optional[MetricFact]:
    """The metric of one table row, or None when the row states no figure of the park."""
    name = name.replace("\u3000", "").replace(" ", "")
    scope = None
    number = SECTION_NUMBER.match(name)
    if number is not None and number.end() < len(name):
        name = name[number.end():]  # ``一、公共财政总收入``: the row's outline number
    name, _ = strip_row_lead(name)
    if not name:
        return None

    def cell(role: str) -> Optional[str]:
        i = roles.get(role)
        return cells[i] if i is not None and i < len(cells) else None

    unit, value, yoy = cell("unit"), cell("value"), cell("yoy")
    qty: Optional[Quantity] = None
    share = None
    if value and _NUMBER.match(value):
        if unit == "%" or (unit is None and value.endswith("%")):
            share = float(value.rstrip("%"))
        else:
            qty = cell_quantity(value, unit if unit and not _DASH.match(unit) else None)
    change = float(yoy) if yoy and _NUMBER.match(yoy) else None
    part = cell("share")
    if share is None and qty is not None and part and _NUMBER.match(part):
        share = float(part.rstrip("%"))
    if qty is None and share is None and change is None:
        return None
    hit = find_indicator(name)
    indicator = hit[0] if hit is not None else "other"
    if hit is not None and hit[1] > 0:
        scope = name[:hit[1]] or None
    if hit is not None and scope is None:
        scope = vocab()["form_scopes"].get(name[hit[1]:hit[2]])  # ``工业投资`` -> 工业, as in prose
    return MetricFact(subject=subject.text, indicator=indicator, indicator_text=name, scope=scope,
                      value=qty, yoy_pct=change, share_pct=share,
                      period=Period(**period) if period else None, evidence=ctx.raw(*span))


def merge_table_metrics(table: list[MetricFact], prose: list[MetricFact],
                        keys: Optional[dict[str, str]] = None) -> list[MetricFact]:
    """The prose under a table restates its rows (``全区规模以上工业总产值612.47亿元，同比增长
    13.8%``): a prose metric of the same subject, indicator and period with the row's value
    or change takes the row's missing numbers and the row's line as its evidence, and the row
    is dropped; other rows stay."""
    out = list(prose)
    for t in table:
        key = keys.get(t.subject, t.subject) if keys else t.subject
        same = next((m for m in out if (keys.get(m.subject, m.subject) if keys else m.subject) == key
                     and m.indicator == t.indicator
                     and m.period == t.period and (_same_value(m, t) or (
                         t.yoy_pct is not None and m.yoy_pct == t.yoy_pct))), None)
        if same is None:
            out.append(t)
            continue
        if same.value is None and t.value is not None:
            same.value = t.value
        if same.yoy_pct is None and t.yoy_pct is not None:
            same.yoy_pct = t.yoy_pct
        if same.share_pct is None and t.share_pct is not None:
            same.share_pct = t.share_pct
        # the row confirms the prose: its line is the evidence (a table's figure, which the
        # confidence model, reading prose cues, does not judge)
        same.evidence = t.evidence
    return out


def _same_value(a: MetricFact, b: MetricFact) -> bool:
    return a.value is not None and b.value is not None and a.value.value == b.value.value
