"""project facts (SPEC 4): named …项目/工程/基地/生产线 with company, park,
investment, capacity and status.

Three shapes of naming, all grammar from ``patterns/relations.json``:

* a name ending in a project suffix (``年产12万吨…基地项目``, ``…供水扩建工程``);
* the items of a project list (``实施了A、B和C等10个项目``, ``推进A、B项目搬迁升级``);
* a company's phase (``X集团单晶硅一期20GW``).

Groups (``46个工业项目``, ``一批…项目``) are statistics, not named projects.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

import regex

from .. import rx
from ..clusters import place_name_set
from ..models import ProjectFact, Quantity
from ..names import norm_name
from .context import ALIAS_BRACKET, PROJECT_NAME_AFTER, DocContext, Ent, after_last, before_first, char_class, cues, ends_any, first_status, has_cue, in_table, longest_first, table_spans
from .project_names import NAME_BREAK, find_names, project_grammar
from .project_tables import table_projects
from .subjects import _company_anaphor
from .located import ancestors, here_park, is_partner, is_sub_park, parent_parks, sub_park_home, sub_park_topic

_CAPACITY_UNITS = ("W", "t", "Wh", "m2", "mu")

def _status(text: str) -> Optional[str]:
    return first_status("project_status", text)


def _money(q) -> bool:
    """A sum of money (yuan, or a foreign currency: ``2亿欧元``)."""
    return _money_unit(q.q.get("unit") or "")


@lru_cache(maxsize=256)
def _money_unit(unit: str) -> bool:
    return bool(rx.match(cues()["project_investment_units_re"], unit))


def _investment(ctx: DocContext, s: int, e: int, start: Optional[int] = None, end: Optional[int] = None
                ) -> Optional[Quantity]:
    """The sum invested in the project named at ``[start, end)`` of the sentence ``[s, e)``:
    the one that introduces the name (``投资12亿元的‹name›``), else the first in the name's
    clause (``，B公司将投资12亿元建设‹name›``), else the first in the sentence."""
    text = ctx.text
    sums = [q for q in ctx.qtys_starting(s, e)
            if _money(q) and has_cue("investment_cues", text[max(s, q.start - 6):q.start])]
    if not sums:
        return None
    if start is not None and end is not None and len(sums) > 1:
        lead = [q for q in sums if q.end <= start and rx.match(cues()["project_after_investment_re"], text[q.end:start])]
        if lead:
            return Quantity(**lead[-1].q)
        lo = after_last(text, "，,；;。", s, start)
        hi = before_first(text, "，,；;。", end, e)
        own = [q for q in sums if lo <= q.start < hi]
        if own:
            return Quantity(**own[0].q)
    return Quantity(**sums[0].q)


def _capacity(ctx: DocContext, start: int, end: int) -> list[Quantity]:
    """Quantities in a capacity unit, or any count after a capacity cue (``年产300万只``)."""
    text = ctx.text
    return [
        Quantity(**q.q) for q in ctx.qtys_in(start, end)
        if (
            q.q.get("unit") in _CAPACITY_UNITS
            or (not _money(q) and text[max(start, q.start - 3):q.start].endswith(tuple(cues()["capacity_cues"]))))
    ]


def _after_investment(ctx: DocContext, s: int, start: int) -> bool:
    """``投资18亿元建设的‹name›``, ``总投资8亿元的‹name›``, ``投资2亿欧元启动‹name›``: a
    name introduced by the sum invested in it is a named project."""
    text = ctx.text
    for q in ctx.qtys_in(s, start):
        if _money(q) and rx.match(cues()["project_after_investment_re"], text[q.end:start]):
            before = text[max(s, q.start - 6):q.start]
            if ends_any(before, cues()["investment_cues"]):
                return True
    return False


def _company(ctx: DocContext, s: int, start: int, end: int) -> Optional[Ent]:
    inside = [x for x in ctx.ents_in(start, end) if x.label == "COMPANY"]
    if inside:
        return inside[0]
    named = _firm_named_park(ctx, start, end)
    if named is not None:  # ``吉运通商贸物流园项目``: the firm whose name opens the park it builds
        return named
    after = _BY_COMPANY.match(ctx.text, end)
    if after is not None:  # ``X项目由Y公司投资建设``: the company named as its builder
        x = ctx.ent_at(after.end())
        if x is not None and x.label == "COMPANY" and x.start == after.end():
            return x
    for x in reversed(ctx.ents_in(s, start)):  # the last company before the name that is not a partner
        if x.label == "COMPANY" and not is_partner(ctx, x, end):
            return x
    hit = _company_anaphor(ctx, s, start)  # ``该企业此次追加投资42亿元建设…二期项目``: the firm referred to
    return hit[2] if hit is not None else None


def _firm_named_park(ctx: DocContext, start: int, end: int) -> Optional[Ent]:
    """A firm of the document whose name opens a park named at the start of the project
    name ``[start, end)`` (``吉运通商贸物流园项目`` after ``A、吉运通等企业``)."""
    park = next((x for x in ctx.ents_in(start, end, "PARK") if x.start == start), None)
    if park is None:
        return None
    by_first = ctx._index.get("firms_by_first_char")
    if by_first is None:  # the document's firms by their first character, once
        by_first = ctx._index["firms_by_first_char"] = {}
        for x in ctx.ents:
            if x.label == "COMPANY" and len(x.text) >= 2:
                by_first.setdefault(x.text[0], []).append(x)
    firms = [x for x in by_first.get(park.text[0], ()) if park.text.startswith(x.text) and len(park.text) > len(x.text)]
    return max(firms, key=lambda x: len(x.text)) if firms else None


def _park(ctx: DocContext, s: int, e: int, start: int, company: Optional[Ent] = None) -> Optional[Ent]:
    """A park named in the sentence (after the name first), else the sub-park the text
    places the company in, else the paragraph's topic."""
    text = ctx.text
    # a park-like project name (``中集智能制造产业园项目``) hosts nothing
    parks = [x for x in ctx.ents_in(s, e) if x.label == "PARK" and not PROJECT_NAME_AFTER.match(text, x.end)]
    after = [x for x in parks if x.start >= start]
    if after and (not _other_firm(ctx, start, after[0].start, company)
                  or _COLLECTIVE.search(text, start, after[0].start)):
        # (not a park in the clause of another firm named after this project, unless the
        # projects go there together: ``A项目…，B项目…，两个项目均落户Y产业园``)
        return after[0]
    sub = _sub_park_anaphor(ctx, s, start) or here_park(ctx, s, start)
    if sub is not None:
        return sub
    before = [x for x in parks if x.end <= start]
    if before and (is_sub_park(before[-1]) or text.startswith(("内，", "内,", "里，", "里,"), before[-1].end)) and not (
            _other_firm(ctx, s, before[-1].start, company)
            and (company is None or company.start > before[-1].start)):
        # 位于X高新区的Y产业园内，Z公司…生产线: built in the sub-park, as in a zone that opens the
        # sentence as a locative (``X基地内，A、B等企业扩能项目…``), unless another firm's clause
        # holds it (``A公司在Y产业园建设…，B公司则投资…建设…基地``)
        return before[-1]
    topic = sub_park_topic(ctx, s)
    if topic is None and company is not None:
        topic = sub_park_home(ctx, company, s)
    topic = topic or ctx.topic_at(s)
    if topic is not None and any(x.key == topic.key and PROJECT_NAME_AFTER.match(text, x.end) for x in ctx.ents_in(s, e)):
        # ``正极材料产业园项目``: the project named like a park is not its own host; the zone
        # that holds it is (or none)
        zones = ancestors(parent_parks(ctx), topic)
        return zones[0] if zones else None
    return topic


def _other_firm(ctx: DocContext, a: int, b: int, company: Optional[Ent]) -> bool:
    """Whether a firm other than ``company`` is named in ``[a, b)``."""
    return any(x.label == "COMPANY" and (company is None or x.key != company.key) for x in ctx.ents_in(a, b))


_COLLECTIVE = re.compile(r"[均都]|以上|[0-9一二两三四五六七八九十]+个(?:项目|工程)")
_BY_COMPANY = re.compile(r"[（(]?[一二三四五六七八九十]?期?[）)]?[，,]?(?:(?:该|这一|此)?项目)?(?:由|系)")


def _sub_park_anaphor(ctx: DocContext, s: int, start: int) -> Optional[Ent]:
    """``公司在产业园北区投资建设的…项目``: a bare sub-park word before the name refers to
    the sub-park of that kind named last in the article."""
    text = ctx.text
    for w in cues().get("sub_park_suffixes", []):
        k = text.find(w, s, start)
        if k < 0 or ctx.ent_at(k) is not None:
            continue
        article = ctx.article_at(s)
        prior = [x for x in ctx.parks_before(s, article) if is_sub_park(x) and x.text.endswith(w)]
        if prior:
            return prior[-1]
    return None


def _snap_start(ctx: DocContext, start: int, end: int) -> int:
    """A name never starts inside a mention, and starts at the company it names."""
    ent = ctx.ent_at(start)
    if ent is not None and ent.start < start:
        start = ent.start
    inside = ctx.ents_in(start, end, "COMPANY")
    return inside[0].start if inside else start


def _is_group(name: str) -> bool:
    return bool(project_grammar()["group"].search(name))


_DEICTIC = re.compile("[该等这此]")  # 该/这/此 point back, 等 closes a list: not a name


def _named(ctx: DocContext, name: str, start: int, company: Optional[Ent], capacity: list[Quantity]) -> bool:
    """A named project: not a group, not a bare company + suffix, not a generic noun."""
    if _DEICTIC.search(name) or _is_group(name) or _COUNTED_SUFFIX.search(name):
        return False  # ``A、B两个项目``: counted projects named before, no name of its own
    if company is not None and company.start >= start and name[company.end - start:] in cues()["project_suffixes"]:
        # 某公司项目: the company's projects in general, unless an investment frames this one
        # (``总投资10.3亿元的盛泉新材料项目``)
        return _after_investment(ctx, ctx.sentence_at(start)[0], start)
    if _only_kind_words(name):
        return False  # ``全力推进重点项目`` / ``新签约项目`` / ``外资项目``: a kind of project, even with a cost
    if capacity or _after_investment(ctx, ctx.sentence_at(start)[0], start):
        return True
    if _bracketed_cost(ctx, start + len(name)) is not None:
        return True  # ``A液晶显示模组扩建项目(3亿元)``: a project listed with its own cost
    if _COST_AFTER.match(ctx.text, start + len(name)) and not _generic_head(name):
        return True  # ``科裕电子项目总投资1.2亿元``: a project named with its own investment (SPEC 4)
    if company is not None and company.end >= start - 1 and company.start < start + len(name):
        return True
    if company is not None and 0 <= company.start - (start + len(name)) <= 4:
        return True  # ``X项目由Y公司实施``: the builder is named right after it
    if company is not None and 0 < start - company.end <= 12 and _builder_gap(ctx.text[company.end:start]):
        return True  # ``X公司签约建设Y项目``: the company builds it
    return _specific(ctx, name, start)


def _builder_gap(gap: str) -> bool:
    """Whether ``gap`` holds only builder verbs (``签约建设``, ``投资2亿元建设``)."""
    gap = _MONEY_IN_GAP.sub("", regex.sub(c_alias_bracket(), "", gap)).lstrip("”’\"）)")  # after an alias: …“X”）签约
    if not gap:
        return False  # a verb must say the company builds it
    return _made_of(gap, "project_builder_gap_words")


def _made_of(text: str, key: str) -> bool:
    """Whether ``text`` is a run of words of the cue list ``key`` only (longest first)."""
    words = longest_first(key)
    while text:
        w = next((w for w in words if text.startswith(w)), None)
        if w is None:
            return False
        text = text[len(w):]
    return True


_MONEY_IN_GAP = regex.compile(r"[约近超逾]?[0-9.]+(?:万|亿)?元")


def _specific(ctx: DocContext, name: str, start: int) -> bool:
    """A name specific enough to stand alone: a long head, not a generic one, and a
    clause that says something is done to it (完成/建设/开工…)."""
    c = cues()
    suffix = next((x for x in c["project_standalone_suffixes"] if name.endswith(x)), "")
    head = name[: len(name) - len(suffix)]
    if not suffix or ctx.ents_in(start, start + len(name)):
        return False
    if len(head) < 4 or head.startswith(tuple(c["project_generic_heads"])):
        return False
    text = ctx.text
    lo, hi = start, start + len(name)
    while lo > 0 and text[lo - 1] not in "，,。；;\n":
        lo -= 1
    while hi < len(text) and text[hi] not in "，,。；;\n":
        hi += 1
    clause = text[lo:start] + text[start + len(name):hi]
    return any(w in clause for w, _ in c["project_status"])


_COST_AFTER = regex.compile(r"[，,]?(?:计划总投资|项目总投资|总投资额?|计划投资|投资额?|估算总投资)(?:约|达|为|近|超)?[0-9.]+\s*(?:万|亿)?(?:元|美元)")


def _project_head(name: str) -> tuple[str, str]:
    """``(suffix, head)`` of a project name: its project suffix (``项目``, or ``""``), and the
    words before it without a generic zone word opening them (``园区重点项目`` -> ``重点``)."""
    suffix = next((x for x in cues()["project_suffixes"] if name.endswith(x)), "")
    head = name[: len(name) - len(suffix)]
    w = next((w for w in _ZONE_WORDS if head.startswith(w)), "")
    return suffix, head[len(w):]


def _generic_head(name: str) -> bool:
    """``重点项目`` / ``产业项目``: a kind of project, not a project's name."""
    c = cues()
    _, head = _project_head(name)
    return (len(head) < 3 or head.startswith(tuple(c["project_generic_heads"])) or _is_group(name)
            or head.endswith(tuple(c["project_generic_heads"])))


_ZONE_WORDS = ("园区", "全区", "该区", "本区", "开发区", "高新区", "经开区", "新区", "片区", "综保区")


def _only_kind_words(name: str) -> bool:
    """Whether ``name`` is made only of words that qualify a kind of project (a project suffix
    after verbs, stages and classes: ``全力推进重点项目``, ``新签约项目``, ``跟踪在谈项目``,
    ``新建工业项目``; ``project_kind_words``), naming no project."""
    suffix, head = _project_head(name)  # (``园区新签约项目``: the zone's projects of a kind)
    return bool(suffix) and _made_of(head, "project_kind_words")


_BRACKETED_COST = regex.compile(r"[（(]\s*(?:总投资|投资|计划投资)?[约近超逾]?[0-9.]+\s*(?:万|亿)?(?:元|美元)\s*[)）]")


def _bracketed_cost(ctx: DocContext, end: int) -> Optional[Quantity]:
    """The cost written in brackets right after a project name (``…项目(0.82亿元)``)."""
    m = _BRACKETED_COST.match(ctx.text, end)
    if m is None:
        return None
    q = next((q for q in ctx.qtys_starting(end, m.end()) if _money(q)), None)
    return Quantity(**q.q) if q is not None else None


def _regional_firm(ctx: DocContext, company: Ent, name: str) -> Optional[Ent]:
    """``亚士创能乌鲁木齐新基地`` with ``亚士创能科技（乌鲁木齐）有限公司`` in the text: a site named by
    the firm's brand and a place is the firm's regional company of that place, when the text
    names one (``X…（place）…有限公司``)."""
    k = name.find(company.text)
    if k < 0:
        return None
    rest = name[k + len(company.text):]
    places = place_name_set()
    place = next((rest[:n] for n in (4, 3, 2) if rest[:n] in places), None)
    if place is None:
        return None
    for e in ctx.ents:
        if (e.label == "COMPANY" and e.key != company.key and e.text.startswith(company.text[:2])
                and (f"（{place}）" in e.text or f"({place})" in e.text)):
            return e
    return None


def _fact(ctx: DocContext, name: str, company: Optional[Ent], park: Optional[Ent],
          s: int, e: int, capacity: list[Quantity], status: Optional[str], end: Optional[int] = None) -> ProjectFact:
    own = _bracketed_cost(ctx, end) if end is not None else None
    if company is not None:
        company = _regional_firm(ctx, company, name) or company
    return ProjectFact(
        name=name,
        company=company.text if company else None,
        park=park.text if park else None,
        investment=own or _investment(ctx, s, e, None if end is None else end - len(name), end),
        capacity=capacity,
        status=status,  # type: ignore[arg-type]
        evidence=ctx.raw(s, e),
    )


@lru_cache(maxsize=1)
def _list_verbs() -> list[tuple[str, str]]:
    """``(verb, status)`` pairs of project lists, longest verb first."""
    return sorted(cues()["project_list_verbs"], key=lambda vs: -len(vs[0]))


def _list_projects(ctx: DocContext, s: int, e: int) -> list[tuple[int, int, ProjectFact]]:
    """Items of ``(verb) A、B和C等(N个)项目`` and ``A、B项目<tail>`` lists."""
    text = ctx.text
    out = []
    sentence = text[s:e]
    if not (has_cue("project_list_markers", sentence) or "等" in sentence or "项目" in sentence):
        return out  # every list marker holds one of these words
    verbs = _list_verbs()
    for m in project_grammar()["list_marker"].finditer(text, s, e):
        tail = m.group("tail")
        etc = tail is not None and tail.startswith("等")  # ``A基地、B中试项目等均在其列``
        if etc:
            tail = ""
        if tail is not None and not _list_cuts().search(text, s, m.start()):
            continue  # one item at most: not a list
        if tail is not None and (_COUNTED_END.search(text, max(s, m.start() - 4), m.start()) or tail.endswith(("后", "时"))):
            continue  # ``A、B两个项目投产后``: the projects named before, counted again; a time clause
        lo = after_last(text, "，,。；;：:\n", s, m.start())  # the clause start
        status = None
        for verb, st in verbs:
            k = text.rfind(verb, lo, m.start())
            if k >= 0 and ctx.ent_at(k) is None:
                lo, status = k + len(verb), st
                break
        items = _split_items(ctx, lo, m.start())
        suffixes = tuple(cues()["project_suffixes"])
        if tail is not None and _tail_is_predicate(tail):
            tail = ""  # ``A项目、B项目今年相继开工``: the words after 项目 say what the items did
        if tail is not None:  # ``A、B项目搬迁升级``: a list of company-led items only
            if len(items) < 2 or not all(_company_at(ctx, a) for a, _ in items):
                continue
        item_park: Optional[Ent] = None
        for a, b in items:
            lead = ctx.ent_at(a)
            if (lead is not None and lead.label == "PARK" and lead.start == a and b - lead.end >= 4
                    and not PROJECT_NAME_AFTER.match(text, lead.end)):
                item_park, a = lead, lead.end  # ``格尔木工业园A光伏储能、B…等4个项目``: the item's park, then the item
            item = rx.sub(c_alias_bracket(), "", text[a:b])
            if tail is None or (etc and item.endswith(suffixes)) or (b < m.start() and item.endswith(suffixes)):
                name = item  # an item named in full before the next 、 keeps its own suffix
            else:
                name = item + "项目" + tail
            if len(text[a:b]) < 2 or _is_group(text[a:b]):
                continue
            company = _company_at(ctx, a) or next(iter(ctx.ents_in(a, b, "COMPANY")), None)
            st = status or _status(text[s:e])
            f = _fact(ctx, name, company, item_park or _park(ctx, s, e, a), s, e, _capacity(ctx, a, b), st)
            if len(items) > 1:  # one sum for several projects is a group figure
                f = f.model_copy(update={"investment": _investment(ctx, a, b)})
            out.append((a, b, f))
    return out


def _tail_is_predicate(tail: str) -> bool:
    """Whether the words after a list's closing 项目 are its predicate (a time word,
    an adverb or a stage verb: ``今年相继开工``, ``均已投产``), not part of the names."""
    heads = cues()["project_list_tail_heads"]
    return tail.startswith(tuple(heads)) or _status(tail[:4]) is not None or any(
        tail.startswith(v) for v, _ in _list_verbs())


_COUNTED_END = regex.compile(r"[0-9一二两三四五六七八九十几]+个$")
_COUNTED_SUFFIX = regex.compile(r"[0-9一二两三四五六七八九十几]+个(?:重点|重大)?(?:项目|工程)$")


def c_alias_bracket() -> str:
    """A declared alias in brackets after a company name (``（以下简称“X”）``)."""
    return ALIAS_BRACKET


def _company_at(ctx: DocContext, pos: int) -> Optional[Ent]:
    ent = ctx.ent_at(pos)
    return ent if ent is not None and ent.label == "COMPANY" and ent.start == pos else None


def _list_cuts() -> "re.Pattern[str]":
    """The characters :func:`_split_items` may cut a list at."""
    return char_class("、" + cues()["project_list_separators"])


def _split_items(ctx: DocContext, lo: int, hi: int) -> list[tuple[int, int]]:
    """Split a list on 、, and on 和/及 where a company name follows."""
    text = ctx.text
    seps = cues()["project_list_separators"]
    cuts = [lo]
    for i in range(lo, hi):
        ch = text[i]
        if ch == "、" or (ch in seps and ch != "、" and _company_at(ctx, i + 1) and ctx.ent_at(i) is None):
            cuts.append(i)
            cuts.append(i + 1)
    cuts.append(hi)
    return [(a, b) for a, b in zip(cuts[::2], cuts[1::2]) if b > a]


def _phase_projects(ctx: DocContext, s: int, e: int, ents: list[Ent]) -> list[tuple[int, int, ProjectFact]]:
    """``<company>…N期`` (``X集团单晶硅一期20GW``), unless a project suffix follows;
    ``ents`` are the sentence's mentions."""
    text = ctx.text
    out = []
    for co in ents:
        if co.label != "COMPANY":
            continue
        m = project_grammar()["phase"].search(text, co.end, min(e, co.end + 10))
        if m is None or any(c in NAME_BREAK for c in text[co.end:m.start()]):
            continue
        end = m.end()
        if any(text.startswith(suf, end, end + 8) for suf in cues()["project_suffixes"]):
            continue
        cap = [Quantity(**q.q) for q in ctx.qtys_starting(end, end + 2) if q.q.get("unit") in _CAPACITY_UNITS]
        out.append((co.start, end, _fact(ctx, text[co.start:end], co, _park(ctx, s, e, co.start), s, e, cap, _status(text[end:e]))))
    return out


def project_facts(ctx: DocContext) -> list[ProjectFact]:
    """Project facts of the document, in text order."""
    out: list[tuple[int, ProjectFact]] = []
    text = ctx.text
    may_name = _name_words()
    headlines = _headline_projects(ctx)
    out.extend((a, f) for a, _, f in headlines.values())
    tables = table_spans(ctx)
    if tables:
        out.extend((ctx.repair.from_raw(f.evidence[0]), f) for f in table_projects(ctx))
    for (s, e, para), ents in zip(ctx.sentences, ctx.ents_by_sentence()):
        if para in headlines:
            continue  # a project's own item paragraph: one project, read whole
        if tables and in_table(ctx, s, e):
            continue  # a table row is read by ``table_projects``
        found: list[tuple[int, int, ProjectFact]] = []
        names: list[tuple[int, int]] = []
        if may_name.search(text, s, e):  # else none of the three finds anything
            found = _respective_projects(ctx, s, e)
            listed = _list_projects(ctx, s, e)
            if listed:
                found += [x for x in listed if not any(a < x[1] and x[0] < b for a, b, _ in found)]
            names = find_names(ctx, s, e)
        if not found and out and _follow_up(ctx, s, e, names, out):
            continue
        for start, end in names:
            start = _snap_start(ctx, start, end)
            if any(a < end and start < b for a, b, _ in found):
                continue
            name = text[start:end]
            company = _company(ctx, s, start, end)
            capacity = _capacity(ctx, start, end)
            if not _named(ctx, name, start, company, capacity):
                continue
            found.append((start, end, _fact(ctx, name, company, _park(ctx, s, e, start, company), s, e, capacity,
                                            _status(text[s:e]), end)))
        for a, b, f in _phase_projects(ctx, s, e, ents) if ents else ():
            if not any(x < b and a < y for x, y, _ in found):
                found.append((a, b, f))
        if found:
            out.extend((a, f) for a, _, f in found)
    return [f for _, f in sorted(out, key=lambda t: t[0])]


def _headline_projects(ctx: DocContext) -> dict[int, tuple[int, int, ProjectFact]]:
    """Paragraph index -> the project of an item paragraph headed by its name
    (``——美芝精密科技产业园项目。由A公司投资建设，总投资50亿元，选址城北片区…``)."""
    text = ctx.text
    out: dict[int, tuple[int, int, ProjectFact]] = {}
    for i, p in enumerate(ctx.paragraphs):
        # the item opens the paragraph, or follows a lead-in the layout joined to it (``如下：——X项目。``)
        colon = max(text.find("：", p.start, p.start + 30), text.find(":", p.start, p.start + 30))
        m = _headline_re().match(text, p.start, p.end) or (
            _headline_re().match(text, colon + 1, p.end) if colon >= 0 else None)
        if m is None:
            continue
        a, b = m.span("name")
        name = text[a:b]
        suffix = next((x for x in cues()["project_suffixes"] if name.endswith(x)), "")
        head = name[: len(name) - len(suffix)]
        if len(head) < 4 or head.startswith(tuple(cues()["project_generic_heads"])) or _is_group(name):
            continue  # ``（一）产业项目：…``: a heading for a kind of projects, not a project
        ents = ctx.ents_in(p.start, p.end)
        companies = [x for x in ents if x.label == "COMPANY" and not is_partner(ctx, x, p.end)]
        company = companies[0] if companies else None
        parks = [x for x in ents if x.label == "PARK" and x.start >= b and not PROJECT_NAME_AFTER.match(text, x.end)]
        park = parks[0] if parks else _article_zone(ctx, p.start)
        first_end = ctx.sentence_at(p.start)[1]
        capacity = _capacity(ctx, a, p.end)
        fact = ProjectFact(
            name=text[a:b], company=company.text if company else None, park=park.text if park else None,
            investment=_investment(ctx, p.start, p.end), capacity=capacity,
            status=_status(text[p.start:p.end]),  # type: ignore[arg-type]
            evidence=ctx.raw(p.start, max(first_end, min(p.end, b + 1))),
        )
        if fact.company or fact.park or fact.investment or fact.capacity:
            out[i] = (a, b, fact)
    return out


def _article_zone(ctx: DocContext, pos: int) -> Optional[Ent]:
    """The zone an article is about: its most mentioned park that is not a sub-park
    (nor a park-like project name), first mention on ties."""
    article = ctx.article_at(pos)
    zones = [x for x in ctx.ents if x.label == "PARK" and ctx.article_at(x.start) == article
             and not is_sub_park(x) and not PROJECT_NAME_AFTER.match(ctx.text, x.end)]
    if not zones:
        return ctx.topic_at(pos)
    counts: dict[str, int] = {}
    for x in zones:
        counts[x.key] = counts.get(x.key, 0) + 1
    best = max(counts.values())
    return next(x for x in zones if counts[x.key] == best)


@lru_cache(maxsize=1)
def _headline_re() -> "re.Pattern[str]":
    return re.compile(cues()["project_headline_re"])


@lru_cache(maxsize=1)
def _name_words() -> "re.Pattern[str]":
    """Any word a sentence needs for a respective (``分别``), listed (a list marker,
    ``等``, ``项目``) or suffix-named (a project suffix) project."""
    words = {"分别", "等", "项目", *cues()["project_list_markers"], *cues()["project_suffixes"]}
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


def _follow_up(ctx: DocContext, s: int, e: int, names: list[tuple[int, int]],
               out: list[tuple[int, ProjectFact]]) -> bool:
    """``该基地总投资18亿元``, ``此次开工的总装测试基地投资26亿元``: a sentence that
    refers back to a project (an anaphor, or a name ending an earlier project's name)
    gives that project its missing investment and capacity."""
    text = ctx.text
    head = text[s:e]
    anaphor = project_grammar()["anaphor"].match(head)
    if not anaphor and not names:
        return False  # nothing refers back
    para = ctx.paragraph_at(s)
    # paragraph_at(pos) is para - 1 or para exactly when lo <= pos < hi
    lo = ctx.paragraphs[para - 1].start if para >= 2 else -1
    hi = ctx.paragraphs[para + 1].start if para + 1 < len(ctx.paragraphs) else len(text) + 1
    recent = [(i, f) for i, (pos, f) in enumerate(out) if lo <= pos < hi]
    if not recent:
        return False
    target = None
    if anaphor:
        target = recent[-1][0]
    else:
        for a, b in names:
            short = norm_name(text[a:b])
            for i, f in reversed(recent):
                if len(short) >= 4 and norm_name(f.name).endswith(short.removesuffix("项目")) and short != norm_name(f.name):
                    target = i
                    break
            if target is not None:
                break
    if target is None:
        return False
    pos, f = out[target]
    inv = f.investment or _investment(ctx, s, e)
    cap = f.capacity or [Quantity(**q.q) for q in ctx.qtys_starting(s, e) if q.q.get("unit") in _CAPACITY_UNITS
                         and any(w in text[max(s, q.start - 8):q.start] for w in cues()["capacity_cues"])]
    out[target] = (pos, f.model_copy(update={"investment": inv, "capacity": cap, "status": f.status or _status(head)}))
    return True


def _respective_projects(ctx: DocContext, s: int, e: int) -> list[tuple[int, int, ProjectFact]]:
    """``A、B和C3家企业，分别投资x、y和z亿元，建设P、Q和R项目``: the n-th project
    belongs to the n-th company and takes the n-th sum."""
    text = ctx.text
    k = text.find("分别", s, e)
    if k < 0:
        return []
    companies = [x for x in ctx.ents_in(s, k, "COMPANY")]
    run: list[Ent] = []
    for x in companies:  # the last run of list-joined companies before 分别
        if run and not (text[run[-1].end:x.start] in ("、", "和", "及", "与")):
            run = []
        run.append(x)
    m = project_grammar()["respective"].search(text, k, e)
    if len(run) < 2 or m is None:
        return []
    lo, hi = m.start("items"), m.end("items")
    items, a = [], lo
    for i in range(lo, hi + 1):
        if i == hi or text[i] in "、和及":
            if i - a >= 2:
                items.append((a, i))
            a = i + 1
    if len(items) != len(run):
        return []
    sums = [q for q in ctx.qtys_starting(k, lo) if q.q.get("unit") == "CNY"]
    st = _status(text[s:e])
    out = []
    for n, ((a, b), co) in enumerate(zip(items, run)):
        inv = Quantity(**sums[n].q) if len(sums) == len(run) else None
        name = text[a:b] + m.group("suffix")
        f = ProjectFact(name=name, company=co.text, park=_park(ctx, s, e, a).text if _park(ctx, s, e, a) else None,
                        investment=inv, capacity=[], status=st, evidence=ctx.raw(s, e))  # type: ignore[arg-type]
        out.append((a, b if n < len(items) - 1 else m.end(), f))
    return out
