"""Project tables (``项目名称 | 投资方 | 总投资(亿元) | 进展``): a bulletin's table whose rows
are projects, one row each, with the investor, the investment (in the unit the header
names) and the stage. Layout repair keeps the rows (:func:`zone_ie.repair.table_rows`);
here the header line names the columns and every row whose name cell names a project is
a project fact of the park the table's paragraph is about. Header words:
``project_table_*`` in ``patterns/relations.json``."""
from __future__ import annotations

from typing import Optional

from ..models import ProjectFact, Quantity
from .context import DocContext, Ent, cues, first_status
from .table_rows import NUMBER, UNIT, cells, headed_tables



def table_projects(ctx: DocContext) -> list[ProjectFact]:
    """The projects of every project table of the document, in text order."""
    out: list[ProjectFact] = []
    for roles, _, rows in headed_tables(ctx, _header_roles):
        for rs, re_ in rows:
            fact = _row_project(ctx, roles, rs, re_)
            if fact is not None:
                out.append(fact)
    return out


def _header_roles(heads: list[str]) -> Optional[dict]:
    """Column indexes of ``name``, ``company``, ``investment`` (with the unit's scale and
    currency) and ``status``; None when the line heads no project table."""
    if len(heads) < 3:
        return None
    c = cues()
    roles: dict = {"_n": len(heads)}
    for i, cell in enumerate(heads):
        word = cell.replace(" ", "")
        if word in c["project_table_name_headers"] and "name" not in roles:
            roles["name"] = i
        elif any(h in word for h in c["project_table_company_headers"]) and "company" not in roles:
            roles["company"] = i
        elif "投资" in word and "investment" not in roles:
            m = UNIT.search(word)
            scale = c["project_table_units"].get(m.group("unit")) if m else None
            if scale is not None:
                roles["investment"], roles["scale"] = i, scale
        elif any(h in word for h in c["project_table_status_headers"]) and "status" not in roles:
            roles["status"] = i
    return roles if "name" in roles and ("investment" in roles or "company" in roles) else None


def _row_project(ctx: DocContext, roles: dict, s: int, e: int) -> Optional[ProjectFact]:
    text = ctx.text
    row = cells(text[s:e])
    if len(row) != roles["_n"]:
        return None
    name = row[roles["name"]]
    if not name.endswith(tuple(cues()["project_suffixes"])):
        return None  # a row of another kind (a total, a note)
    company = _named(ctx, row[roles["company"]], s, e) if "company" in roles else None
    investment = None
    amount = row[roles["investment"]].replace(",", "") if "investment" in roles else ""
    if NUMBER.match(amount):  # ``42,000.00`` (万元)
        factor, unit = roles["scale"]
        investment = Quantity(value=round(float(amount) * factor, 6), unit=unit)
    status = first_status("project_table_status", row[roles["status"]]) if "status" in roles else None
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
