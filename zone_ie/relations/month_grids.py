"""Month grids (``1月 0.74　2月 0.52　3月 0.80　4月 0.79``): lines whose every cell is a
month and its figure, under a caption that names the subject, the indicator, the year and
the unit (``2023年X经济开发区分月工业用电量（单位：亿千瓦时）``), as a statistics page prints
a monthly series. Each cell is a metric of the caption's subject (a park or a firm named
in the caption; a caption naming neither gives nothing: a city's series is no park's),
for that month of the caption's year, in the caption's unit. Caption words:
``month_grid_*`` in ``patterns/relations.json``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..models import MetricFact, Period, Quantity
from ..quantities import scan_quantities
from .context import DocContext, Ent, cues
from .indicators import find_indicator

_CELL = re.compile(r"(?<![\d.])(1[0-2]|[1-9])月[ \u3000]*(-?\d+(?:\.\d+)?)(?![\d.])")
_GRID_LINE = re.compile(r"[ \u3000\t]*(?:(?:1[0-2]|[1-9])月[ \u3000]*-?\d+(?:\.\d+)?[ \u3000\t]*){2,}")
_CAPTION_UNIT = re.compile(r"[（(]单位[：:][ \u3000]*(?P<unit>[^()（）]{1,8})[)）]")
_YEAR = re.compile(r"((?:19|20)\d\d)年")


def month_grid_metrics(ctx: DocContext) -> list[MetricFact]:
    """The metrics of every month grid of the document."""
    text = ctx.text
    if "单位" not in text:
        return []
    out: list[MetricFact] = []
    lines = _lines(text)
    k = 0
    while k < len(lines):
        s, e = lines[k]
        if not _GRID_LINE.fullmatch(text, s, e):
            k += 1
            continue
        first = k
        while k < len(lines) and _GRID_LINE.fullmatch(text, *lines[k]):
            k += 1
        caption = _caption(text, lines, first)
        if caption is not None:
            out.extend(_grid_metrics(ctx, caption, lines[first:k]))
    return out


def _lines(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every line of ``text``."""
    out, pos = [], 0
    for line in text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def _caption(text: str, lines: list[tuple[int, int]], first: int) -> Optional[tuple[int, int]]:
    """The span of the non-empty line right above a grid when it names a unit (``（单位：…）``)."""
    j = first - 1
    while j >= 0 and not text[lines[j][0]:lines[j][1]].strip():
        j -= 1
    if j < 0 or first - j > 2 or _CAPTION_UNIT.search(text, *lines[j]) is None:
        return None
    return lines[j]


def _grid_metrics(ctx: DocContext, caption: tuple[int, int], rows: list[tuple[int, int]]) -> list[MetricFact]:
    """One metric per cell of a grid under ``caption``."""
    text = ctx.text
    cs, ce = caption
    head = text[cs:ce]
    subject = _subject(ctx, cs, ce)
    year = _YEAR.search(head)
    unit_m = _CAPTION_UNIT.search(head)
    scale = _scale(unit_m.group("unit").strip()) if unit_m else None
    if subject is None or year is None or scale is None:
        return []
    words = head[subject.end - cs : unit_m.start()]
    words = _strip_lead(words.strip())
    if not words:
        return []
    hit = find_indicator(words)
    indicator = hit[0] if hit else "other"
    out: list[MetricFact] = []
    for rs, re_ in rows:
        for m in _CELL.finditer(text, rs, re_):
            month = int(m.group(1))
            value = Quantity(value=round(float(m.group(2)) * scale[0], 6), unit=scale[1])
            out.append(MetricFact(subject=subject.text, indicator=indicator, indicator_text=words,
                                  period=Period(year=int(year.group(1)), start_month=month, end_month=month),
                                  value=value, evidence=ctx.raw(m.start(), m.end())))
    return out


def _subject(ctx: DocContext, s: int, e: int) -> Optional[Ent]:
    """The park (else the firm) the caption names, its last one."""
    ents = ctx.ents_in(s, e)
    parks = [x for x in ents if x.label == "PARK"]
    if parks:
        return parks[-1]
    firms = [x for x in ents if x.label == "COMPANY"]
    return firms[-1] if firms else None


def _strip_lead(words: str) -> str:
    """The indicator words without a lead that says the series is monthly (``分月``, ``各月``)."""
    for lead in cues()["month_grid_leads"]:
        if words.startswith(lead):
            return words[len(lead):]
    return words


@lru_cache(maxsize=64)
def _scale(unit: str) -> Optional[tuple[float, str]]:
    """``(factor, unit)`` of a caption's unit (``亿千瓦时`` -> (1e11, "Wh")), or None."""
    found = scan_quantities("1" + unit)
    if len(found) != 1 or found[0][0] != 0 or found[0][1] != len(unit) + 1:
        return None
    q = found[0][2]
    if q.get("value") is None or not q.get("unit"):
        return None
    return float(q["value"]), q["unit"]
