"""What the table readers share (``tables``, ``ranking_tables``, ``project_tables``,
``series_tables``, ``park_column_tables``, ``category_tables``):
the cells of a table line (split by ``|``, a tab or two spaces or more), the tables of a
document as a header line with the row lines right under it, the unit a header names
in brackets (``总投资(亿元)``), a table's subject and period, and a row's lead (``其中：``)."""
from __future__ import annotations

import re
from typing import Callable, Iterator, Optional, TypeVar

from ..models import Quantity
from ..quantities import scan_quantities
from ..repair import UNIT_LINE, grid_cells
from .context import DocContext, Ent, cues, table_spans
from .periods_of import period_for

_SPLIT = re.compile(r"\s*[|｜\t]\s*|[ \u3000]{2,}")
NUMBER = re.compile(r"^-?\d+(?:\.\d+)?$")
UNIT = re.compile(r"[（(](?P<unit>[^()（）]{1,4})[)）]")

H = TypeVar("H")


def cells(line: str) -> list[str]:
    """The cells of one table line (set apart by single spaces when nothing wider
    separates them: :func:`zone_ie.repair.grid_cells`)."""
    out = [c for c in _SPLIT.split(line.strip()) if c]
    return out if len(out) >= 3 else grid_cells(line)


def headed_tables(ctx: DocContext, read_header: Callable[[list[str]], Optional[H]]
                  ) -> Iterator[tuple[H, tuple[int, int], list[tuple[int, int]]]]:
    """``(header, header span, row spans)`` of every table whose first line ``read_header``
    accepts (it returns None for a line that heads no table of its kind); the rows are the
    lines right under the header, up to the first gap."""
    spans = table_spans(ctx)
    k = 0
    while k < len(spans):
        s, e = spans[k]
        heads = cells(ctx.text[s:e])
        k += 1
        if k < len(spans) and spans[k][0] <= e + 1 and UNIT_LINE.fullmatch(ctx.text[spans[k][0]:spans[k][1]]):
            # ``营业收入`` over ``（亿元）``: the units line under the header belongs to it
            heads = _with_units(ctx.text[s:e], heads, ctx.text[spans[k][0]:spans[k][1]])
            k += 1
        header = read_header(heads)
        if header is None:
            continue
        rows = []
        while k < len(spans) and spans[k][0] <= spans[k - 1][1] + 1:
            rows.append(spans[k])
            k += 1
        yield header, (s, e), rows


def _with_units(line: str, heads: list[str], units: str) -> list[str]:
    """``heads`` with each unit of the line under the header appended to the header cell
    above it (the last cell starting at or before the unit's column)."""
    starts, pos = [], 0
    for h in heads:
        pos = line.find(h, pos)
        starts.append(pos)
        pos += len(h)
    out = list(heads)
    for m in UNIT.finditer(units):
        col = max((i for i, a in enumerate(starts) if 0 <= a <= m.start() + 1), default=None)
        if col is not None:
            out[col] += m.group()
    return out


def cell_quantity(value: str, unit: Optional[str]) -> Optional[Quantity]:
    """The quantity of a number cell in the unit its column names (``1286.4`` + ``亿元``),
    or None when it does not read as exactly one quantity with a unit."""
    found = scan_quantities(value.replace(",", "") + (unit or ""))
    if len(found) != 1 or not found[0][2].get("unit"):
        return None
    return Quantity(**found[0][2])


def table_subject(ctx: DocContext, header: int) -> Optional[Ent]:
    """The park named in the table's title: the nearest park in the lines above the
    header (at most three non-empty lines), else the header paragraph's topic."""
    text = ctx.text
    lo = header
    for _ in range(3):
        lo = text.rfind("\n", 0, max(0, lo - 1))
        while lo > 0 and text[lo - 1] == "\n":
            lo -= 1
        if lo < 0:
            lo = 0
            break
    parks = [e for e in ctx.ents_in(lo, header) if e.label == "PARK"]
    if parks:
        return parks[-1]
    return ctx.paragraphs[ctx.paragraph_at(header)].topic if ctx.paragraphs else None


def table_period(ctx: DocContext, header: tuple[int, int]) -> Optional[dict]:
    """The period in the header line (``1—10月``), else in the title above it."""
    s, e = header
    pers = ctx.pers_in(s, e)
    if pers:
        return period_for(ctx, pers[0].end, s)
    lo = ctx.text.rfind("\n\n", 0, s)
    pers = ctx.pers_in(max(0, lo), s)
    return period_for(ctx, pers[-1].end, pers[-1].start) if pers else None


def strip_row_lead(name: str) -> tuple[str, bool]:
    """A row name without its lead (``其中：``, ``#``: a sub-row of the row above), and
    whether it had one."""
    had = False
    for lead in cues()["table_row_leads"]:
        if name.startswith(lead):
            name, had = name[len(lead):], True
    return name, had
