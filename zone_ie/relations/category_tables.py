"""Category tables (``类别  企业数（家）  占比  亩均税收（万元/亩）``): a table whose rows are
classes of one park's firms or projects (A类, B类 …, 合计) and whose columns are figures of
each class, as an 亩均效益 evaluation or a breakdown by size reports them. Layout repair keeps
the rows (:func:`zone_ie.repair.table_rows`); here the header's first cell names the class
column (``category_table_headers``), each other header cell a figure in the unit it
brackets; a count column gives each class an enterprise count (a share column right after
it, ``占比``, is that count's share), any other column a metric of the class. The subject is
the park the table's title names (as for indicator tables), the period the table's own. Header
words: ``category_table_*`` in ``patterns/relations.json``."""
from __future__ import annotations

from typing import Optional

from ..models import MetricFact, Period
from .context import DocContext, cues
from .indicators import find_indicator, vocab
from .periods_of import evaluation_period
from .table_rows import NUMBER, UNIT, cell_quantity, cells, headed_tables, table_period, table_subject


def category_table_metrics(ctx: DocContext) -> list[MetricFact]:
    """The metrics of every category table of the document."""
    out: list[MetricFact] = []
    for cols, (s, e), rows in headed_tables(ctx, category_columns):
        subject = table_subject(ctx, s)
        if subject is None or subject.label != "PARK":
            continue
        # (an evaluation's table without a period of its own: the evaluation's, ``2021年度…评价``)
        period = table_period(ctx, (s, e)) or evaluation_period(ctx, ctx.article_at(s))
        per = Period(**period) if period else None
        for rs, re_ in rows:
            row = cells(ctx.text[rs:re_])
            if len(row) != len(cols) or NUMBER.match(row[0]):
                continue
            label = row[0].replace(" ", "").replace("\u3000", "")
            total = label in cues()["category_table_totals"]
            ev = ctx.raw(rs, re_)
            count: Optional[MetricFact] = None
            for cell, col in zip(row[1:], cols[1:]):
                amount = cell.rstrip("%％").replace(",", "")
                if col is None or not NUMBER.match(amount):
                    continue
                kind, words, unit = col
                if kind == "share":
                    if count is not None and not total:
                        count.share_pct = float(amount)
                    continue
                qty = cell_quantity(amount, unit)
                if qty is None:
                    continue
                if kind == "count":
                    count = MetricFact(subject=subject.text, indicator="enterprise_count", indicator_text=words,
                                       scope=None if total else label, value=qty,
                                       period=per, evidence=ev)
                    out.append(count)
                    continue
                hit = find_indicator(words)
                if words.startswith(tuple(vocab()["intensity_qualifiers"])):
                    hit = None  # ``亩均营收``: an intensity, no total (as in prose)
                out.append(MetricFact(subject=subject.text, indicator=hit[0] if hit else "other",
                                      indicator_text=words, scope=None if total else label,
                                      value=qty, period=per, evidence=ev))
    return out


def category_columns(heads: list[str]) -> Optional[list[Optional[tuple[str, str, str]]]]:
    """Per column ``(kind, header words, unit)`` (kind ``count``, ``share`` or ``figure``;
    None for the class column and columns without a unit), or None when the line heads no
    category table."""
    c = cues()
    if len(heads) < 3 or heads[0].replace(" ", "").replace("\u3000", "") not in c["category_table_headers"]:
        return None
    cols: list[Optional[tuple[str, str, str]]] = [None]
    for cell in heads[1:]:
        word = cell.replace(" ", "").replace("\u3000", "")
        m = UNIT.search(word)
        words = UNIT.sub("", word)
        unit = m.group("unit") if m else ""
        if unit in c["category_table_count_units"]:
            cols.append(("count", words, unit))
        elif words in c["category_table_share_headers"] or unit in ("%", "％"):
            cols.append(("share", words, "%"))
        elif unit:
            cols.append(("figure", words, unit))
        else:
            cols.append(None)
    return cols if any(col and col[0] != "share" for col in cols) else None
