"""located_in facts (SPEC 4, 10): which company operates in which park.

Cues, all from ``patterns/relations.json``: apposition (``X高新区企业Y``,
``X园区Y公司``), a settle/build verb linking a company to a park, a company's
plant or project in a paragraph about a park, and the named members of a
park's industrial cluster. Customers, suppliers and partners are skipped. A
company in a sub-park is also located in the zone that contains it.
"""
from __future__ import annotations

from typing import Optional

from ..models import LocatedInFact, ProjectFact
from .context import DocContext, Ent, cues


def parent_parks(ctx: DocContext) -> dict[str, Ent]:
    """Sub-park key -> containing park, from adjacent mentions (``A高新区B园区``)."""
    parks = [e for e in ctx.ents if e.label == "PARK"]
    out: dict[str, Ent] = {}
    for a, b in zip(parks, parks[1:]):
        if 0 <= b.start - a.end <= 1 and a.key != b.key:
            out.setdefault(b.key, a)
    return out


def _negative(ctx: DocContext, ent: Ent, s: int, e: int) -> bool:
    """A customer, supplier, partner or order context around ``ent``."""
    text = ctx.text
    end = ent.end
    while end < e and text[end] not in "，,。；;":
        end += 1
    window = text[max(s, ent.start - 8):max(end, min(e, ent.end + 8))]
    if any(w in window for w in cues()["located_negative"]):
        return True
    return is_partner(ctx, ent, e)


def is_partner(ctx: DocContext, ent: Ent, e: int) -> bool:
    """``与X达成/合作…``: X is the partner of the clause's subject, not its actor."""
    text = ctx.text
    end = ent.end
    while end < e and text[end] not in "，,。；;":
        end += 1
    return text[ent.start - 1:ent.start] in cues()["partner_before"] and any(
        w in text[ent.end:end] for w in cues()["partner_after"]
    )


def _pairs(ctx: DocContext) -> list[tuple[Ent, Ent, tuple[int, int]]]:
    c = cues()
    out: list[tuple[Ent, Ent, tuple[int, int]]] = []
    text = ctx.text
    for s, e, _ in ctx.sentences:
        ents = ctx.ents_in(s, e)
        companies = [x for x in ents if x.label == "COMPANY"]
        parks = [x for x in ents if x.label == "PARK"]
        topic = ctx.topic_at(s)
        cluster = any(w in text[s:e] for w in c["cluster_cues"])
        for co in companies:
            if _negative(ctx, co, s, e):
                continue
            park = _apposition(ctx, co, parks) or _verb_link(ctx, co, parks)
            if park is None and topic is not None:
                after = text[co.end:co.end + 12]
                if cluster and _in_list(text, co):
                    park = topic
                elif any(w in after for w in c["located_places"]) or any(w in text[co.end:co.end + 6] for w in c["located_build_verbs"]):
                    park = topic
                elif BROAD and not parks or BROAD and co.start - s <= 2:
                    park = topic
            if park is not None:
                out.append((co, park, (s, e)))
    return out


BROAD = True


def _in_list(text: str, co: Ent) -> bool:
    """``co`` is an item of an ``A、B等`` / ``以A、B为代表`` list."""
    return text[co.end:co.end + 1] in ("、", "等", "和") or text[co.start - 1:co.start] in ("、", "以", "和")


def _apposition(ctx: DocContext, co: Ent, parks: list[Ent]) -> Optional[Ent]:
    """``X高新区(企业)Y``: a park right before the company."""
    for p in parks:
        gap = ctx.text[p.end:co.start]
        if p.end <= co.start and (gap in ("", "企业", "的", "内", "里")):
            return p
    return None


def _verb_link(ctx: DocContext, co: Ent, parks: list[Ent]) -> Optional[Ent]:
    """``Y 落户/入驻/位于/在 X`` or ``在X建设…`` with Y the subject."""
    text = ctx.text
    for p in parks:
        if p.start < co.end or p.start - co.end > 30:
            continue
        between = text[co.end:p.start]
        if any(x in between for x in "。；"):
            continue
        if any(v in between[-6:] for v in cues()["located_verbs"]):
            return p
    return None


def located_facts(ctx: DocContext, projects: list[ProjectFact]) -> list[LocatedInFact]:
    """located_in facts from cue patterns and from projects built in a park."""
    parents = parent_parks(ctx)
    out: list[LocatedInFact] = []
    for co, park, (s, e) in _pairs(ctx):
        ev = ctx.raw(s, e)
        out.append(LocatedInFact(company=co.text, park=park.text, evidence=ev))
        if park.key in parents:
            out.append(LocatedInFact(company=co.text, park=parents[park.key].text, evidence=ev))
    for pr in projects:
        if pr.company and pr.park:
            out.append(LocatedInFact(company=pr.company, park=pr.park, evidence=pr.evidence))
    return out
