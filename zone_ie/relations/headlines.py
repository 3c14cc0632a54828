"""Figures of display lines that the body states again.

News pages print a figure twice: once in a display line (the title, a subtitle,
a section head such as ``■外贸：进出口增长两成以上`` or ``【数据】…``) and again in
the body sentence that says whose figure it is, of what period and scope. The
body's statement is the fact; the display line's copy is a repeat with less
context (it is often given to the wrong subject or period). A display line's
figure (:func:`display_spans`) is dropped when the same number (same unit, within
the scorer's tolerance) is stated in a body paragraph of the document, and always
when it is in the title block above the document's first sentence (the title often
rounds or sums what the body states). A figure printed only in a later display
line is kept.
"""
from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache
from typing import Iterable

from ..models import MetricFact
from ..evaluate import VALUE_REL_TOL
from ..repair import body_start, heading_line, label_over_figure, numbered_head
from .context import DocContext, cues, in_table

_LINE_END = re.compile(r"[。！？!?…][”’」』\"')）)]*\s*$")


# ``永州日报全媒体记者 唐湘云 周霁 发自深圳``: a paper's name before 记者 and the names after it
_BYLINE_IN = re.compile(r"^[\u4e00-\u9fff·]{2,14}?(?:记者|通讯员)[ \u3000]+[\u4e00-\u9fff]{2,4}")


def display_spans(raw: str) -> list[tuple[int, int]]:
    """Raw ``[start, end)`` spans of display lines: the heading block printed before
    each byline (walked back line by line until a line that ends a sentence),
    marker lines (``■…``, ``【…】…``, ``## …``) that end no sentence, and the section
    heads of unwrapped text (``起步区:工业营收增长六成以上``, see :func:`~zone_ie.repair.heading_line`).

    Works on the raw lines: layout repair joins a heading that ends without
    punctuation to the paragraph after it."""
    c = cues()
    limit = c["display_line_max_len"]
    lines = []  # (start, end, stripped text) of non-blank raw lines
    pos = 0
    for line in raw.split("\n"):
        t = line.strip()
        if t:
            lines.append((pos, pos + len(line), t))
        pos += len(line) + 1
    out = []
    bylines = tuple(c["byline_markers"])
    markers = tuple(c["display_line_markers"])
    body = body_start(raw)
    for i, (s, e, t) in enumerate(lines):
        last = s + len(raw[s:e].rstrip()) - 1
        numbered = numbered_head(raw, last)  # (a numbered head needs no check of the next line's start)
        if ((s > body or numbered) and i + 1 < len(lines)
                and heading_line(raw, last, "" if numbered else lines[i + 1][2][0])):
            out.append((s, e))  # a section head of unwrapped text (a numbered one anywhere: ``一、总体运行情况``)
            continue
        head = t.lstrip("◎（(")
        if head.startswith(bylines) or (_BYLINE_IN.match(head) and "。" not in head and len(head) <= 40):
            size = 0
            for ps, pe, pt in reversed(lines[max(0, i - c["display_block_max_lines"]):i]):
                if _LINE_END.search(pt):
                    break
                size += len("".join(pt.split()))
                if size > c["display_block_max_chars"]:
                    break
                out.append((ps, pe))
        elif t.startswith(markers) and len("".join(t.split())) <= limit and not _LINE_END.search(t) and "。" not in t:
            if i + 1 < len(lines) and label_over_figure(raw, _text_start(raw, s, e), e, _text_start(raw, *lines[i + 1][:2])):
                continue  # ``▶ 地区生产总值⏎43.8亿元``: the label of the figure under it, no display line
            out.append((s, e))
    return sorted(set(out))


def _text_start(raw: str, s: int, e: int) -> int:
    """Where the text of the raw line ``[s, e)`` starts after its indent."""
    return e - len(raw[s:e].lstrip())


def _numbers(m: MetricFact) -> Iterable[tuple[str, float]]:
    if m.value is not None and m.value.value is not None:
        yield m.value.unit, float(m.value.value)
    if m.yoy_pct is not None:
        yield "%", float(m.yoy_pct)
    if m.share_pct is not None:
        yield "%", float(m.share_pct)


def _same(a: float, b: float, tol: float = VALUE_REL_TOL) -> bool:
    return abs(a - b) <= tol * abs(b) + 1e-9


# a display line rounds (``GDP占全市近16%`` for 15.9%, ``增长六成以上`` for 63.2%)
_ROUNDED = re.compile(r"近|约|超|逾|以上|多|左右|成")
_ROUNDED_TOL = 0.1


def drop_display_repeats(ctx: DocContext, metrics: list[MetricFact]) -> list[MetricFact]:
    """``metrics`` without the title block's figures and the display-line figures that a
    body paragraph restates."""
    if not metrics or not ctx.paragraphs:
        return metrics
    rep = ctx.repair or ctx.doc._.repair
    lead = title_block(rep.source)
    if lead:  # a figure of the title block above the first sentence is never the fact
        title = {(a, b) for a, b in (ctx.raw(q.start, q.end) for q in ctx.qtys) if b <= lead}
        metrics = [m for m in metrics
                   if m.evidence[0] >= lead or not _read_in(ctx, m, title) or _table_row(ctx, m)]
    spans = ctx.display
    if spans is None:
        spans = display_spans(rep.source)  # raw lines, simplified characters
    if not spans:
        return metrics
    starts = [a for a, _ in spans]

    def shown(raw_i: int) -> bool:
        k = bisect_right(starts, raw_i) - 1
        return k >= 0 and raw_i < spans[k][1]

    body: dict[str, list[float]] = {}
    for q in ctx.qtys:
        value = q.q.get("value")
        if value is not None and not shown(ctx.raw(q.start, q.end)[0]):
            body.setdefault(q.q.get("unit") or "", []).append(float(value))
    out = []
    for m in metrics:
        if shown(m.evidence[0]) and not _table_row(ctx, m):
            # (a table row is no display line: ``10 | X开发区 | 84.1 | 持平`` is read, not restated)
            a, b = m.evidence
            tol = _ROUNDED_TOL if _ROUNDED.search(rep.raw[a:b]) else VALUE_REL_TOL
            if any(_same(v, x, tol) for unit, v in _numbers(m) for x in body.get(unit, ())):
                continue
        out.append(m)
    return out


_CLAUSE_PUNCT = re.compile(r"[，,；;。！？!?]")


@lru_cache(maxsize=4)  # the display filter and the title period of the same document ask
def title_block(raw: str) -> int:
    """The end of the title block: the lines from the top that carry no clause or sentence
    punctuation (title, subtitle, source and date line, a menu), when a blank line closes
    them; 0 when the first line already holds
    punctuation (a wrapped PDF text starting mid-paragraph) or no blank line closes the
    block. Their figures round or frame what the body states; they are never the facts (the
    gold labels none), whether or not the body repeats the number."""
    pos = 0
    end = 0
    closed = 0
    block: list[str] = []  # the non-blank lines since the last blank line
    for line in raw.split("\n"):
        if line.strip():
            if _CLAUSE_PUNCT.search(line):
                break
            end = pos + len(line)
            block.append(line.strip())
        elif end and block:
            if closed and any(t.startswith(_DISPLAY_OPENERS) or (len(t) <= 12 and _DIGIT.search(t)) for t in block):
                break  # (an infographic's ``▶ 地区生产总值 / 43.8亿元`` block is no title block)
            closed = pos  # a blank line after heading lines closes the block, so far: a web
            # page's menu line, title and date line come one blank line apart
            block = []
        pos += len(line) + 1
    return closed


_DISPLAY_OPENERS = ("▶", "■", "【", "●", "◆", "★", "▲", "—", "##")
_DIGIT = re.compile(r"[0-9０-９]")


def _read_in(ctx: DocContext, m: MetricFact, spans: set[tuple[int, int]]) -> bool:
    """Whether ``m``'s own figure (its value, else its change or share) was read from one of
    the raw quantity ``spans``: the first quantity of its evidence that states that number."""
    if not spans:
        return False
    a, b = m.evidence
    wanted = [v for _, v in _numbers(m)]
    for q in ctx.qtys:
        qa, qb = ctx.raw(q.start, q.end)
        if qa < a or qb > b:
            continue
        value = q.q.get("value")
        if value is not None and any(_same(float(value), v) for v in wanted):
            return (qa, qb) in spans
    return False


def _table_row(ctx: DocContext, m: MetricFact) -> bool:
    """Whether ``m`` was read from a table (its evidence starts, in repaired text, inside one)."""
    a = ctx.repair.from_raw(m.evidence[0]) if ctx.repair is not None else m.evidence[0]
    return in_table(ctx, a, a + 1)
