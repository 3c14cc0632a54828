"""Project tables (``项目名称 | 投资方 | 总投资(亿元) | 进展``): a bulletin's table whose rows
are projects, one row each, with the investor, the investment (in the unit the header
names) and the stage. Layout repair keeps the rows (:func:`zone_ie.repair.table_rows`);
here the header line names the columns and every row whose name cell names a project is
a project fact of the park the table's paragraph is about. Header words:
``project_table_*`` in ``patterns/relations.json``."""
from __future__ import annotations

import re
from typing import Optional

from ..models import ProjectFact, Quantity
from .context import DocContext, Ent, cues, table_spans

_SPLIT = re.compile(r"\s*[|｜\t]\s*|[ \u3000]{2,}")
_NUMBER = re.compile(r"^\d+(?:\.\d+)?$")
_UNIT = re.compile(r"[（(](?P<unit>[^()（）]{1,4})[)）]")


def table_projects(ctx: DocContext) -> list[ProjectFact]:
    """The projects of every project table of the document, in text order."""
    spans = table_spans(ctx)
    out: list[ProjectFact] = []
    k = 0
    while k < len(spans):
        s, e = spans[k]
        roles = _header_roles(_cells(ctx.text[s:e]))
        k += 1
        if roles is None:
            continue
        while k < len(spans) and spans[k][0] <= spans[k - 1][1] + 1:
            rs, re_ = spans[k]
            k += 1
            fact = _row_project(ctx, roles, rs, re_)
            if fact is not None:
                out.append(fact)
    return out


def _cells(line: str) -> list[str]:
    return [c for c in _SPLIT.split(line.strip()) if c]


def _header_roles(cells: list[str]) -> Optional[dict]:
    """Column indexes of ``name``, ``company``, ``investment`` (with the unit's scale and
    currency) and ``status``; None when the line heads no project table."""
    if len(cells) < 3:
        return None
    c = cues()
    roles: dict = {"_n": len(cells)}
    for i, cell in enumerate(cells):
        word = cell.replace(" ", "")
        if word in c["project_table_name_headers"] and "name" not in roles:
            roles["name"] = i
        elif any(h in word for h in c["project_table_company_headers"]) and "company" not in roles:
            roles["company"] = i
        elif "投资" in word and "investment" not in roles:
            m = _UNIT.search(word)
            scale = c["project_table_units"].get(m.group("unit")) if m else None
            if scale is not None:
                roles["investment"], roles["scale"] = i, scale
        elif any(h in word for h in c["project_table_status_headers"]) and "status" not in roles:
            roles["status"] = i
    return roles if "name" in roles and ("investment" in roles or "company" in roles) else None


def _row_project(ctx: DocContext, roles: dict, s: int, e: int) -> Optional[ProjectFact]:
    text = ctx.text
    cells = _cells(text[s:e])
    if len(cells) != roles["_n"]:
        return None
    name = cells[roles["name"]]
    if not name.endswith(tuple(cues()["project_suffixes"])):
        return None  # a row of another kind (a total, a note)
    company = _named(ctx, cells[roles["company"]], s, e) if "company" in roles else None
    investment = None
    amount = cells[roles["investment"]].replace(",", "") if "investment" in roles else ""
    if _NUMBER.match(amount):  # ``42,000.00`` (万元)
        factor, unit = roles["scale"]
        investment = Quantity(value=round(float(amount) * factor, 6), unit=unit)
    status = None
    if "status" in roles:
        cell = cells[roles["status"]]
        hits = [(cell.find(w), st) for w, st in cues()["project_table_status"] if w in cell]
        status = min(hits)[1] if hits else None
    park = ctx.topic_at(s)
    start = text.find(name, s, e)
    capacity = [Quantity(**q.q) for q in ctx.qtys_in(start, start + len(name))
                if text.endswith(tuple(cues()["capacity_cues"]), max(start, q.start - 3), q.start)]
    return ProjectFact(name=name, company=company.text if company else None, park=park.text if park else None,
                       investment=investment, capacity=capacity, status=status, evidence=ctx.raw(s, e))


def _named(ctx: DocContext, cell: str, s: int, e: int) -> Optional[Ent]:
    """The company a row's investor cell names: the longest mention inside the cell."""
    a = ctx.text.find(cell.strip(), s, e)
    if a < 0:
        return None
    b = a + len(cell.strip())
    inside = [x for x in ctx.ents_in(a, b) if x.label == "COMPANY"]
    return max(inside, key=lambda x: x.end - x.start) if inside else None
