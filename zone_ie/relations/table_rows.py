"""What the table readers share (``ranking_tables``, ``project_tables``, ``series_tables``):
the cells of a table line (split by ``|``, a tab or two spaces or more), the tables of a
document as a header line with the row lines right under it, and the unit a header names
in brackets (``总投资(亿元)``)."""
from __future__ import annotations

import re
from typing import Callable, Iterator, Optional, TypeVar

from ..repair import grid_cells
from .context import DocContext, table_spans

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
        header = read_header(cells(ctx.text[s:e]))
        k += 1
        if header is None:
            continue
        rows = []
        while k < len(spans) and spans[k][0] <= spans[k - 1][1] + 1:
            rows.append(spans[k])
            k += 1
        yield header, (s, e), rows
