"""project facts (SPEC 4): named …项目/工程/基地/生产线 with company, park,
investment, capacity and status, all from the sentence that names them."""
from __future__ import annotations

from typing import Optional

from ..models import ProjectFact, Quantity
from .context import DocContext, Ent, cues

_MAX_NAME = 30
_BREAK = set("，,。；;：:、“”\"（）()《》！？\n ")


def _name_start(ctx: DocContext, s: int, end: int) -> int:
    """Left edge of a project name ending at ``end``: the clause start, moved
    past the last stop word (verbs, prepositions) before the name."""
    text = ctx.text
    i = end
    while i > s and end - i < _MAX_NAME and text[i - 1] not in _BREAK:
        i -= 1
    best = i
    for w in sorted(cues()["project_left_stops"], key=len, reverse=True):
        k = text.rfind(w, i, end - 2)
        if k >= 0 and ctx.ent_at(k) is None and k + len(w) > best:
            best = k + len(w)
    return best


def _find_names(ctx: DocContext, s: int, e: int) -> list[tuple[int, int]]:
    text = ctx.text
    spans: list[tuple[int, int]] = []
    for suf in sorted(cues()["project_suffixes"], key=len, reverse=True):
        k = text.find(suf, s, e)
        while k >= 0:
            end = k + len(suf)
            if not any(a <= k < b for a, b in spans):
                start = _name_start(ctx, s, k)
                if end - start > len(suf) + 1:
                    spans.append((start, end))
            k = text.find(suf, end, e)
    return sorted(spans)


def _status(text: str) -> Optional[str]:
    hits = [(text.find(w), st) for w, st in cues()["project_status"] if w in text]
    return min(hits)[1] if hits else None


def _investment(ctx: DocContext, s: int, e: int) -> Optional[Quantity]:
    for q in ctx.qtys:
        if s <= q.start < e and q.q.get("unit") == "CNY":
            before = ctx.text[max(s, q.start - 6):q.start]
            if any(w in before for w in cues()["investment_cues"]):
                return Quantity(**q.q)
    return None


def _capacity(ctx: DocContext, start: int, end: int) -> list[Quantity]:
    return [Quantity(**q.q) for q in ctx.qtys if start <= q.start and q.end <= end and q.q.get("unit") in ("W", "t", "Wh", "count")]


def _company(ctx: DocContext, s: int, start: int, end: int) -> Optional[Ent]:
    inside = [x for x in ctx.ents_in(start, end) if x.label == "COMPANY"]
    if inside:
        return inside[0]
    before = [x for x in ctx.ents_in(s, start) if x.label == "COMPANY"]
    return before[-1] if before else None


def _named(ctx: DocContext, name: str, start: int, company: Optional[Ent], capacity: list[Quantity]) -> bool:
    """A named project: it carries a company name or a capacity, not a generic noun."""
    if any(w in name for w in ("该", "等", "这")):
        return False
    if capacity:
        return True
    return company is not None and company.end >= start - 1 and company.start < start + len(name)


def project_facts(ctx: DocContext) -> list[ProjectFact]:
    """Project facts of the document, in text order."""
    out: list[ProjectFact] = []
    text = ctx.text
    for s, e, _ in ctx.sentences:
        for start, end in _find_names(ctx, s, e):
            name = text[start:end]
            company = _company(ctx, s, start, end)
            parks = [x for x in ctx.ents_in(s, e) if x.label == "PARK" and x.start >= start]
            park = parks[0] if parks else ctx.topic_at(s)
            investment = _investment(ctx, s, e)
            capacity = _capacity(ctx, start, end)
            if not _named(ctx, name, start, company, capacity):
                continue
            out.append(
                ProjectFact(
                    name=name,
                    company=company.text if company else None,
                    park=park.text if park else None,
                    investment=investment,
                    capacity=capacity,
                    status=_status(text[s:e]),  # type: ignore[arg-type]
                    evidence=ctx.raw(s, e),
                )
            )
    return out
