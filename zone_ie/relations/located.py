"""located_in facts (SPEC 4, 10): which company operates in which park.

Cues, all from ``patterns/relations.json``: apposition (``X高新区企业Y``,
``X园区Y公司``), a settle/build verb linking a company to a park, a company's
plant or project in a paragraph about a park, and the named members of a
park's industrial cluster. Customers, suppliers and partners are skipped. A
company in a sub-park is also located in the zone that contains it.
"""
from __future__ import annotations

from collections import Counter

import re
from functools import lru_cache
from typing import Optional

from .. import rx
from ..clusters import county_name_set, place_name_set
from ..models import LocatedInFact, ProjectFact
from .context import ALIAS_BRACKET, ALIAS_WORDS, PROJECT_NAME_AFTER, DocContext, Ent, after_last, before_first, cues, has_cue, is_sub_park, longest_first, per_document, resolve_anaphor




def parent_parks(ctx: DocContext) -> dict[str, Ent]:
    """:func:`_parent_parks`, computed once per document."""
    return per_document(ctx, "parent_parks", _parent_parks)


def _parent_parks(ctx: DocContext) -> dict[str, Ent]:
    """Sub-park key -> containing park (SPEC 10), from

    * adjacent mentions (``A高新区B园区``);
    * a sub-park name that starts with a zone's name (``X新区数字经济产业园`` in ``X新区``);
    * ``位于<zone>(东部)的<sub-park>`` / ``<sub-park>位于<zone>``, the zone named or
      said with a bare zone word (``位于经开区东部的…产业园``).
    """
    text = ctx.text
    c = cues()
    parks = [e for e in ctx.ents if e.label == "PARK"]
    out: dict[str, Ent] = {}
    for a, b in zip(parks, parks[1:]):
        if 0 <= b.start - a.end <= 1 and text[a.end:b.start] in c["containment_adjacent_gaps"] and a.key != b.key:
            out.setdefault(b.key, a)
    _stated_containment(ctx, parks, out)
    zones: dict[str, Ent] = {}  # name -> first mention of the zones another zone's name may open
    for e in parks:
        if len(e.text) >= 4 and not is_sub_park(e) and not e.text.endswith(_FREE_TRADE_ZONES):
            zones.setdefault(e.text, e)
    for b in parks:
        if b.key in out:
            continue
        if not is_sub_park(b):
            # ``<zone>位于<zone>内``: a zone inside another (综保区 in an 物流园区)
            after = rx.match(c["containment_after_re"], text[b.end:b.end + 8])
            a = _zone_starting_at(ctx, b.end + after.end()) if after is not None else None
            if a is not None and a.key != b.key and _inside_after(text, a.end):
                out[b.key] = a
                continue
            # ``X新区综合保税区`` in ``X新区``; not ``中国（X）自由贸易试验区Y片区`` in the free-trade
            # zone by its name alone (labelled sets split 11 / 17 on it): only a stated frame says so
            a = next((zones[b.text[:n]] for n in range(len(b.text) - 2, 3, -1)
                      if b.text[:n] in zones and zones[b.text[:n]].key != b.key), None)
            if a is not None:
                out[b.key] = a
            continue
        a = next((a for a in parks if a.key != b.key and len(a.text) < len(b.text) and b.text.startswith(a.text)), None)
        if a is not None:
            out[b.key] = a
            continue
        a = None
        gap = rx.search(c["containment_gap_re"], text[max(0, b.start - 8):b.start])
        if gap is not None:  # <zone>(东部)的<sub-park>
            a = _zone_ending_at(ctx, max(0, b.start - 8) + gap.start())
        elif not any(x.end == b.start for x in parks):
            a = _zone_ending_at(ctx, b.start)  # ``综保区维修产业园``: a zone word right before the sub-park
        after = rx.match(c["containment_after_re"], text[b.end:b.end + 8])
        if a is None and after is not None:  # <sub-park>位于<zone>
            a = _zone_starting_at(ctx, b.end + after.end())
        if a is None:  # 在<zone>新增规划21.3平方公里，建设<sub-park>
            a = _built_in(ctx, b)
        if a is not None and a.key != b.key and not is_sub_park(a):
            out[b.key] = a
    main: dict[int, tuple[Optional[Ent], bool]] = {}
    for b in parks:
        # a sub-park with no stated home, in a paragraph about a zone, is in that zone;
        # a paragraph about the sub-park itself, in an article about one zone, is in that zone
        if is_sub_park(b) and b.key not in out:
            topic = ctx.topic_at(b.start)
            if topic is not None and topic.key == b.key:
                article = ctx.article_at(b.start)
                if article not in main:
                    main[article] = _article_zone(ctx, parks, article)
                topic, among = main[article]
                if among and _names_a_place(b, topic):
                    continue  # ``中新南宁国际物流园`` beside an article's zone: a park of its own
            if (topic is not None and topic.key != b.key and not is_sub_park(topic) and not _placed_elsewhere(b, topic)
                    and not _moved_from(ctx, topic, b)):
                out[b.key] = topic
    return out


def _inside_after(text: str, pos: int) -> bool:
    """``内`` / ``核心区`` at ``pos``, after the zone's declared short name if one follows it
    (``位于X开发区（以下简称Y）内``)."""
    alias = _ALIAS_AT.match(text, pos, pos + 30)
    if alias is not None:
        pos = alias.end()
    return rx.match(cues()["containment_inside_re"], text[pos:pos + 3]) is not None


def _stated_containment(ctx: DocContext, parks: list[Ent], out: dict[str, Ent]) -> None:
    """Containment the text states in a frame (``patterns/relations.json``):

    * ``A（以下简称a）B``: a part named right after its zone and the zone's short name;
    * ``B…（全部）位于A（内）``: a zone opening its sentence that lies in another (a zone
      that is no sub-park needs ``内`` or ``核心区``);
    * ``A…涵盖/包括/下辖B片区、C片区和D园``: the areas listed after a zone.
    """
    text = ctx.text
    c = cues()
    for b in parks:
        if b.key in out or b.start < 4 or text[b.start - 1] not in "）)":
            continue
        paren = _ALIAS_BEFORE.search(text, max(0, b.start - 30), b.start)
        if paren is not None:
            a = _zone_ending_at(ctx, paren.start())
            if a is not None and a.key != b.key:
                out[b.key] = a
    for (s, e, _), ents in zip(ctx.sentences, ctx.ents_by_sentence()):
        mine = [x for x in ents if x.label == "PARK"]
        if not mine:
            continue
        b = mine[0]
        if (b.key not in out and b.start - s <= 12 and after_last(text, "，,", s, b.start) == s
                and _SUBJECT_VERB.search(text, b.end, e) is not None):
            for m in rx.finditer(c["containment_subject_re"], text, b.end, e):
                if any(x.key != b.key for x in mine if b.end <= x.start < m.start()):
                    break  # another zone between: it is that zone's location
                a = _zone_starting_at(ctx, m.end())
                if a is not None and a.key != b.key and (is_sub_park(b) or _inside_after(text, a.end)):
                    out[b.key] = a
                    break
        if len(mine) < 2:
            continue
        for m in rx.finditer(c["containment_cover_re"], text, s, e):
            zones = [x for x in mine if x.end <= m.start() and not is_sub_park(x)]
            if not zones:
                continue
            a = zones[-1]
            stop = before_first(text, "。；;", m.end(), e)
            for b in mine:
                if m.end() <= b.start < stop and b.key not in out and b.key != a.key and (
                        is_sub_park(b) or b.text.endswith(_AREA_WORDS)):
                    out[b.key] = a


_ALIAS_AT = re.compile(ALIAS_BRACKET)
_ALIAS_BEFORE = re.compile(ALIAS_BRACKET + "$")  # (searched in a window ending at a name)
_AREA_WORDS = ("片区", "园区", "园")
_SUBJECT_VERB = re.compile("位于|地处|坐落")  # what ``containment_subject_re`` needs (a quick test)
_FREE_TRADE_ZONES = ("自由贸易试验区", "自贸试验区", "自贸区")


_BUILT_IN_VERB = re.compile(r"(?:规划建设|建设|布局|打造|设立|建成|兴建)(?:了|起)?$")


def _built_in(ctx: DocContext, b: Ent) -> Optional[Ent]:
    """``在X产业园区新增规划21.3平方公里，建设Y产业园``: a sub-park built ``在`` a zone named
    earlier in its sentence is inside that zone."""
    text = ctx.text
    k = b.start
    while k > 0 and text[k - 1] in "“\"":
        k -= 1
    if not _BUILT_IN_VERB.search(text, max(0, k - 6), k):
        return None
    s = ctx.sentence_at(b.start)[0]
    zones = [a for a in ctx.ents_in(s, b.start, "PARK") if a.key != b.key and text[a.start - 1:a.start] == "在"]
    return zones[-1] if zones else None


def _placed_elsewhere(park: Ent, zone: Ent) -> bool:
    """``亳州芜湖现代产业园区`` under a paragraph about 蒙城经开区: a park whose name opens
    with a place the zone's name does not hold has a home of its own."""
    places = place_name_set()
    counties = county_name_set()  # ``平罗工业园区`` under 石嘴山高新区: a county's own zone
    place = next((park.text[:n] for n in (4, 3, 2) if park.text[:n] in places or park.text[:n] in counties), None)
    return place is not None and place not in zone.text and place not in zone.key


def _article_zone(ctx: DocContext, parks: list[Ent], article: int) -> tuple[Optional[Ent], bool]:
    """The zone (not a sub-park) an article is about, and whether it was chosen among
    several: the one it names, or the one its headline names that it also names more
    often than any other zone; else None."""
    mine = [e for e in parks if not is_sub_park(e) and ctx.article_at(e.start) == article]
    zones = {e.key: e for e in mine}
    if len(zones) <= 1:
        return next(iter(zones.values()), None), False
    counts = Counter(e.key for e in mine)
    (top, n), (_, m) = counts.most_common(2)
    head = next((p for p in ctx.paragraphs if p.article == article), None)
    in_head = head is not None and any(e.key == top and head.start <= e.start < head.end for e in mine)
    return (zones[top] if n > m and in_head else None), True


def _names_a_place(park: Ent, zone: Optional[Ent] = None) -> bool:
    """Whether a place name (a city's, or a county's) stands in the park's name (``中新南宁国际物流园``,
    ``中新澄江国际物流园``), not the place of ``zone`` (``交城公铁联运物流园`` of 交城经开区 is its part)."""
    places, counties = place_name_set(), county_name_set()
    name = park.text
    found = {name[i:i + n] for n in (2, 3, 4) for i in range(len(name) - n + 1)
             if name[i:i + n] in places or name[i:i + n] in counties}
    return any(zone is None or w not in zone.text for w in found)


def ancestors(parents: dict[str, Ent], park: Ent) -> list[Ent]:
    """The zones containing ``park``, nearest first (SPEC 10: a company in a sub-park is
    in every zone that contains it); cycles end the walk."""
    out: list[Ent] = []
    seen = {park.key}
    while park.key in parents:
        park = parents[park.key]
        if park.key in seen:
            break
        seen.add(park.key)
        out.append(park)
    return out


def _zone_ending_at(ctx: DocContext, pos: int) -> Optional[Ent]:
    a = ctx.ent_at(pos - 1) if pos > 0 else None  # mentions never overlap: one at most ends at pos
    if a is not None and a.label == "PARK" and a.end == pos:
        return a
    for w in longest_first("containment_anaphora"):
        if ctx.text.endswith(w, 0, pos) and ctx.ent_at(pos - len(w)) is None:
            return resolve_anaphor(ctx, w, pos - len(w))
    return None


def _zone_starting_at(ctx: DocContext, pos: int) -> Optional[Ent]:
    a = ctx.ent_at(pos)
    if a is not None:
        return a if a.label == "PARK" and a.start == pos else None
    for w in longest_first("containment_anaphora"):
        if ctx.text.startswith(w, pos):
            return resolve_anaphor(ctx, w, pos)
    return None


def _clause(text: str, s: int, e: int, ent: Ent) -> tuple[str, str, int]:
    """Text of ``ent``'s clause before and after it (a list comma 、 does not end a
    clause), and where the clause stops (:func:`_clause_stop` after ``ent``)."""
    lo = after_last(text, "，,。；;：:", s, ent.start)
    stop = _clause_stop(text, ent.end, e)
    return text[lo:ent.start], text[ent.end:stop], stop


def _clause_stop(text: str, pos: int, end: int) -> int:
    """The first ``，,。；;`` in ``[pos, end)``, else ``end`` (``pos`` when it is past ``end``)."""
    return before_first(text, "，,。；;", pos, end)


def _object_of_trade(before: str, after: str) -> bool:
    """``供应A、B等厂商``, ``进入A的供应链``, ``为A提供…``: a customer of the clause's
    subject (``before``, ``after``: the text of its clause around it)."""
    for b, a in cues()["located_object_frames"]:
        if (not b or b in before) and (not a or a in after):
            return True
    return False


_OBJECT_PREPOSITIONS = frozenset("从向为给替")
_LIST_CLOSED = re.compile(r"[^，,。；;]{0,40}?等[^，,。；;、]{0,6}?(?:企业|公司|厂商|龙头)")


def _negative(ctx: DocContext, ent: Ent, s: int, e: int, clause: tuple[str, str, int]) -> bool:
    """A customer, supplier, partner or order context around ``ent`` (``clause``: its :func:`_clause`)."""
    text = ctx.text
    before, after, end = clause
    start = ent.start
    while start > s and text[start - 1] in "、和及与":  # A、B和C: the cue before A covers the list
        prev = ctx.ent_at(start - 2)
        if prev is None or prev.end != start - 1:
            break
        start = prev.start
    stop = max(end, min(e, ent.end + 8))
    closed = _LIST_CLOSED.match(text, ent.end, stop)
    if (closed is not None and not text.startswith("的", closed.end())
            and _OBJECT_PREPOSITIONS.isdisjoint(text[max(s, start - 12):start])):
        # ``A、B等整机企业以及120余家配套供应商`` / ``A、B等配套企业订单饱满``: the list is the
        # subject; what follows it says nothing of whom they serve (``A等知名企业的稳定供货商``
        # and ``从A等企业采购`` go on with the list as an object)
        stop = closed.end()
    window = _unnamed(ctx, max(s, start - 8), stop)
    if has_cue("located_negative", window):
        return True
    lo = ent.start - len(before)
    return _partner(ctx, ent, after) or _object_of_trade(_unnamed(ctx, lo, ent.start), _unnamed(ctx, ent.end, ent.end + len(after)))


def _unnamed(ctx: DocContext, a: int, b: int) -> str:
    """``text[a:b]`` with the names in it blanked: a cue word inside a firm's name
    (``华远供应链管理有限公司``, ``蓝天客户服务有限公司``) says nothing of whom it serves."""
    ents = ctx.ents_in(a, b) if b > a else []
    if not ents:
        return ctx.text[a:b]
    parts, pos = [], a
    for x in ents:
        parts.append(ctx.text[pos:max(pos, x.start)])
        pos = max(pos, x.end)
    parts.append(ctx.text[pos:b])
    return "·".join(parts)


def is_partner(ctx: DocContext, ent: Ent, e: int) -> bool:
    """``与X达成/合作…``: X is the partner of the clause's subject, not its actor."""
    return _partner(ctx, ent, ctx.text[ent.end:_clause_stop(ctx.text, ent.end, e)])


def _partner(ctx: DocContext, ent: Ent, after: str) -> bool:
    """:func:`is_partner`, ``after``: the text of ``ent``'s clause after it."""
    text = ctx.text
    start = ent.start
    while start > 1 and text[start - 1] in "、和及":  # 与A、B保持合作: the cue before A covers the list
        prev = ctx.ent_at(start - 2)
        if prev is None or prev.end != start - 1 or prev.label != ent.label:
            break
        start = prev.start
    return text[start - 1:start] in cues()["partner_before"] and any(w in after for w in cues()["partner_after"])


def _pairs(ctx: DocContext) -> list[tuple[Ent, Ent, tuple[int, int]]]:
    out: list[tuple[Ent, Ent, tuple[int, int]]] = []
    text = ctx.text
    for (s, e, _), ents in zip(ctx.sentences, ctx.ents_by_sentence()):
        companies = [x for x in ents if x.label == "COMPANY"]
        if not companies:
            continue
        parks = [x for x in ents if x.label == "PARK"]
        topic = sub_park_topic(ctx, s) or ctx.topic_at(s)
        cluster = has_cue("cluster_cues", text[s:e]) or rx.search(cues()["cluster_cue_re"], text[s:e]) is not None
        for co in companies:
            clause = _clause(text, s, e, co)
            appos = _apposition(ctx, co, parks)
            if appos is not None and not _partner(ctx, co, clause[1]) and not _object_of_trade(clause[0], clause[1]):
                # ``X高新区企业Y``: the apposition says it; a word like 订单 nearby does not undo it
                out.append((co, appos, (s, e)))
                continue
            if _negative(ctx, co, s, e, clause):
                continue
            park = (appos or _verb_link(ctx, co, parks) or _home_of(ctx, co, parks, s)
                    or _host_link(ctx, co, parks) or _locative_lead(ctx, co, parks)
                    or _sentence_frame(ctx, co) or _inside_link(ctx, co, parks))
            if park is None:
                park = _anaphor_park(ctx, co, s, clause)
            if park is None and topic is not None:
                after = text[co.end:co.end + 12]
                if cluster and _in_list(text, co):
                    # ``P形成了以A、B为代表的企业梯队``: the park the sentence names before the list
                    before = [p for p in parks if p.end <= co.start and not PROJECT_NAME_AFTER.match(text, p.end)]
                    park = before[-1] if before else topic
                elif has_cue("located_places", after) or has_cue("located_build_verbs", text[co.end:co.end + 6]):
                    park = topic
                elif _anaphor_host(text, s, co):
                    park = topic  # ``区内已集聚了A、B等企业``: the park the paragraph is about hosts them
                elif rx.search(cues()["firm_count_list_re"], text[max(s, co.start - 80):co.start]) is not None:
                    # ``新增…企业5家，分别是A、B…``: the firms a count of the park's firms names
                    park = topic
                elif co.start - s <= 2 or (not parks and _clause_subject(clause[0])):
                    # a firm in a paragraph about the park that names no other park,
                    # or a firm opening the sentence: it is the park's firm
                    park = topic
            if park is not None and s <= park.start < e:
                park = _after_move(ctx, park, parks, e)
            if park is not None:
                out.append((co, park, (s, e)))
        _spread_over_lists(ctx, companies, out, s, e)
    return out


def _moved_from(ctx: DocContext, zone: Ent, b: Ent) -> bool:
    """Whether ``b``'s sentence names ``zone`` as where a company was before it moved to
    ``b`` (``原本在<zone>…搬到了<b>``): a move's two ends are no zone and its part."""
    s, e, _ = ctx.sentence_at(b.start)
    return any(x.key == zone.key and (end := _move_end(ctx, x, e)) is not None and end <= b.start
               for x in ctx.ents_in(s, b.start))


def _after_move(ctx: DocContext, park: Ent, parks: list[Ent], e: int) -> Optional[Ent]:
    """``原本在X租用厂房，去年把生产线搬到了Y``: a park named where the company was before a
    move its sentence (ending at ``e``) states is not where it is; the park after the move
    verb is (or none)."""
    end = _move_end(ctx, park, e)
    return park if end is None else next((p for p in parks if p.start >= end), None)


def _move_end(ctx: DocContext, park: Ent, e: int) -> Optional[int]:
    """Where the move verb after ``park`` ends, if ``park`` is named as where a company was
    (``原本在``, ``从`` before it; ``搬到``, ``迁至`` after it, before ``e``); else ``None``."""
    text = ctx.text
    if rx.search(cues()["located_former_before_re"], text[max(0, park.start - 6):park.start]) is None:
        return None
    move = rx.search(cues()["located_move_after_re"], text[park.end:e])
    return None if move is None else park.end + move.end()


def _spread_over_lists(ctx: DocContext, companies: list[Ent], out: list, s: int, e: int) -> None:
    """``已入驻A、B、C等企业`` / ``以A、B为代表``: a park linked to one member of a list of
    companies is linked to every member that is not a customer or partner (the cue
    before or after a list covers the whole list)."""
    if len(companies) < 2:
        return
    text = ctx.text
    linked = {(c.start, p.key): p for c, p, _ in out if s <= c.start < e}
    groups: list[list[Ent]] = [[companies[0]]]
    for a, b in zip(companies, companies[1:]):
        gap = "".join(text[a.end:b.start].split())
        if gap in _LIST_GAPS:
            groups[-1].append(b)
        else:
            groups.append([b])
    for group in groups:
        if len(group) < 2:
            continue
        parks = [p for c in group for (start, _), p in linked.items() if start == c.start]
        for park in dict((p.key, p) for p in parks).values():
            for co in group:
                if (co.start, park.key) in linked:
                    continue
                if _negative(ctx, co, s, e, _clause(text, s, e, co)):
                    continue
                out.append((co, park, (s, e)))
                linked[(co.start, park.key)] = park


_LIST_GAPS = frozenset({"、", "和", "及", "以及", ",", "，"})



def located_pairs(ctx: DocContext) -> list[tuple[Ent, Ent, tuple[int, int]]]:
    """``(company, park, sentence)`` links from cue patterns, computed once per document."""
    pairs = ctx.__dict__.get("_located_pairs")
    if pairs is None:
        pairs = ctx.__dict__["_located_pairs"] = _pairs(ctx) + _registered(ctx)
    return pairs


def _registered(ctx: DocContext) -> list[tuple[Ent, Ent, tuple[int, int]]]:
    """``1、公司名称：X有限公司 ⏎ 2、注册资本：… ⏎ 3、注册地址：福建省宁德市Y经济技术开发区``: an
    information block (an announcement's) names a firm, then registers it at an address in a
    park: the firm is located there (``located_register_*``; the block ends at a blank line,
    at the next name, or after ``located_register_span`` characters)."""
    text = ctx.text
    c = cues()
    if "名称" not in text:
        return []
    out: list[tuple[Ent, Ent, tuple[int, int]]] = []
    names = list(rx.finditer(c["located_register_name_re"], text))
    for k, m in enumerate(names):
        co = ctx.ent_at(m.end())
        if co is None or co.label != "COMPANY" or co.start != m.end():
            continue
        end = min(len(text), co.end + int(c["located_register_span"]))
        blank = text.find("\n\n", co.end, end)
        end = blank if blank >= 0 else end
        if k + 1 < len(names):
            end = min(end, names[k + 1].start())
        a = rx.search(c["located_register_address_re"], text, co.end, end)
        if a is None:
            continue
        stop = rx.search(c["located_register_stop_re"], text, a.end(), end)
        parks = [x for x in ctx.ents_in(a.end(), stop.start() if stop else end) if x.label == "PARK"]
        if parks:
            out.append((co, parks[-1], (m.start(), parks[-1].end)))
    return out


def sub_park_home(ctx: DocContext, co: Ent, pos: int) -> Optional[Ent]:
    """The sub-park the text places ``co`` in (``园内企业Y``, ``Y是产业园引进的…``),
    in an earlier sentence of the same article: the most specific park of its projects."""
    article = ctx.article_at(pos)
    homes = [p for s, p in _sub_park_links(ctx).get(co.key, ()) if s < pos and ctx.article_at(s) == article]
    return homes[-1] if homes else None


def _sub_park_links(ctx: DocContext) -> dict[str, list[tuple[int, Ent]]]:
    """Company key -> ``(sentence start, sub-park)`` of its :func:`located_pairs`
    into a sub-park, in pair order (built once per document)."""
    links = ctx._index.get("sub_park_links")
    if links is None:
        links = ctx._index["sub_park_links"] = {}
        for c, p, (s, _) in located_pairs(ctx):
            if is_sub_park(p):
                links.setdefault(c.key, []).append((s, p))
    return links


def _clause_subject(before: str) -> bool:
    """A company opening its clause (only frame words before it): the clause is about
    it, not about a customer named inside someone else's clause."""
    return _FRAME_ONLY.fullmatch(before) is not None


_FRAME_ONLY = re.compile(r"[ “”\"]*(?:(?:其中|目前|同时|此外|另外|如今|近年来|今年|去年|(?:19|20)\d\d年)[，,]?)*")


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
        if has_cue("located_verbs", between[-6:]):
            return _innermost(ctx, p)
    return None


def _innermost(ctx: DocContext, p: Ent) -> Ent:
    """``落户郴州高新区新能源装备产业园``: the last park of a chain of adjacent names (a zone,
    then its part), where the firm is; its zones are added as its ancestors."""
    gaps = cues()["containment_adjacent_gaps"]
    while True:
        nxt = ctx.ent_at(p.end) or ctx.ent_at(p.end + 1)
        if nxt is None or nxt.label != "PARK" or nxt.key == p.key or ctx.text[p.end:nxt.start] not in gaps:
            return p
        p = nxt


def _locative_lead(ctx: DocContext, co: Ent, parks: list[Ent]) -> Optional[Ent]:
    """``在X产业园，Y公司…``: a locative frame opening the sentence places the company
    that opens the next clause."""
    text = ctx.text
    for i in range(len(parks) - 1, -1, -1):
        p = parks[i]
        if p.end > co.start or not _LEAD_GAP.fullmatch(text, p.end, co.start):
            continue
        j = i  # ``在A高新区B产业园，``: the frame may name the zone before the sub-park
        while j > 0 and _CHAIN_GAP.fullmatch(text, parks[j - 1].end, parks[j].start):
            j -= 1  # (``在A（以下简称“a”）B片区，``: with the zone's short name between)
        if text[parks[j].start - 1:parks[j].start] == "在":
            return p
    return None


_LEAD_GAP = re.compile(r"(?:内|里|中|园区内)?[，,][ “]*")
_FRAME_OPEN = re.compile(r"[ “”\"]*在?")
_FRAME_CLOSE = re.compile(r"(?P<post>内|里|中|园区内)?[，,]")
_CLAUSE_LEAD = re.compile(r"[，,；;][ “]*")


def _sentence_frame(ctx: DocContext, co: Ent) -> Optional[Ent]:
    """``在X工业园，A公司的生产线…；B公司的项目…。`` / ``X工业园内，A…，B…``: a locative frame
    opening the sentence (``在`` before the park, or ``内``/``里`` after it) places every company
    that opens a later clause of the sentence (to its 。, over ``；``), when no other park
    comes between."""
    text = ctx.text
    s = after_last(text, "。！？!?\n", max(0, co.start - 300), co.start)
    parks = ctx.ents_in(s, co.start, "PARK")
    first = parks[0] if parks else None
    if first is None or first.end > co.start:
        return None
    lead = _FRAME_OPEN.fullmatch(text, s, first.start)
    if lead is None:
        return None
    last = first  # ``在A高新区B产业园，``: the frame may name the zone, then its part
    for p in parks:
        if p.start >= last.end and _CHAIN_GAP.fullmatch(text, last.end, p.start):
            last = p
    close = _FRAME_CLOSE.match(text, last.end)
    if close is None or (not text[first.start - 1:first.start] == "在" and not close.group("post")):
        return None
    if any(p.start >= close.end() and p.start < co.start for p in parks):
        return None  # another park between the frame and the company
    k = co.start
    while k > close.end() and text[k - 1] in " “":
        k -= 1
    if k != close.end() and text[k - 1] not in "，,；;":
        return None  # the company does not open its clause
    return last
_CHAIN_GAP = re.compile(rf"|[（(](?:{ALIAS_WORDS})[“\"]?|[”\"]?[）)]")


def _host_link(ctx: DocContext, co: Ent, parks: list[Ent]) -> Optional[Ent]:
    """``P（已）入驻/集聚了/引进了 A、B等企业``: the park before a hosting verb that governs
    the company (no sentence break, no other company or park between verb and list)."""
    text = ctx.text
    for p in reversed(parks):
        if p.end > co.start or co.start - p.end > 60:
            continue
        between = text[p.end:co.start]
        if any(x in between for x in "。；;"):
            return None
        k = max((between.rfind(v) for v in _host_verbs()), default=-1)
        if k < 0:
            return None
        tail = between[k:]
        if any(x.label == "COMPANY" for x in ctx.ents_in(p.end, p.end + k)):
            return None  # the verb belongs to a company named before it
        if any(x.start >= p.end + k for x in ctx.ents_in(p.end + k, co.start)):
            # another name after the verb: only a list of companies may come before co
            names = ctx.ents_in(p.end + k, co.start)
            if any(x.label != "COMPANY" for x in names):
                return None
            if not all("".join(text[a.end:b.start].split()) in _LIST_GAPS
                       for a, b in zip(names + [co], (names + [co])[1:])):
                return None
        if "，" in tail or "," in tail:
            return None
        return p
    return None


def _anaphor_host(text: str, s: int, co: Ent) -> bool:
    """``区内已集聚了A、B等企业`` / ``园区先后引进了A``: a park anaphor (``host_anaphors``) and a
    hosting verb right before the company, in its clause."""
    lo = max(s, co.start - 24)
    before = text[lo:co.start]
    k = max((before.rfind(v) for v in _host_verbs()), default=-1)
    if k < 0 or any(c in before[k:] for c in "，,。；;"):
        return False
    head = before[:k].rstrip("已目前先后相继陆续均都共还")  # ``区内已…``, ``园区先后…``
    return head.endswith(tuple(cues()["host_anaphors"]))


@lru_cache(maxsize=1)
def _host_verbs() -> tuple[str, ...]:
    return tuple(cues()["host_verbs"])


def sub_park_topic(ctx: DocContext, pos: int) -> Optional[Ent]:
    """A paragraph that opens about a sub-park by anaphor (``该产业园位于X新区…``) is about
    the sub-park named last before it in the article; one that opens with a sub-park
    as its subject (``Y产业园是X高新区规划建设的…``) is about that sub-park."""
    if not ctx.paragraphs:
        return None
    i = ctx.paragraph_at(pos)
    memo = ctx._index.setdefault("sub_park_topic", {})  # a paragraph-level answer
    if i not in memo:
        memo[i] = _sub_park_topic(ctx, ctx.paragraphs[i], pos)
    return memo[i]


def _sub_park_topic(ctx: DocContext, p, pos: int) -> Optional[Ent]:
    first = ctx.ent_at(p.start)
    if first is not None and first.start == p.start and is_sub_park(first) and rx.match(
            cues()["located_sub_park_subject_re"], ctx.text[first.end:p.end]):
        return first
    if not rx.match(cues()["sub_park_anaphor_re"], ctx.text[p.start:p.end]):
        return None
    article = ctx.article_at(pos)
    prior = [e for e in ctx.parks_before(p.start, article) if is_sub_park(e)]
    return prior[-1] if prior else None


def here_park(ctx: DocContext, s: int, pos: int) -> Optional[Ent]:
    """``记者走进…产业园区。在这里，Y…``: a sentence opening with a place anaphor is
    about the sub-park named last before it in the article."""
    if not rx.match(cues()["here_anaphor_re"], ctx.text[s:pos]):
        return None
    article = ctx.article_at(s)
    prior = ctx.parks_before(s, article)
    return prior[-1] if prior and is_sub_park(prior[-1]) else None


def _inside_link(ctx: DocContext, co: Ent, parks: list[Ent]) -> Optional[Ent]:
    """``X综合保税区内的Y`` / ``X园区内企业Y``: the park named right before, with 内."""
    for p in parks:
        if p.end <= co.start and co.start - p.end <= 8 and rx.match(cues()["located_inside_gap_re"], ctx.text[p.end:co.start]):
            return p
    return None


def _home_of(ctx: DocContext, co: Ent, parks: list[Ent], s: int) -> Optional[Ent]:
    """``<park>，是<co>的“大本营”``: the park is the company's home."""
    if not rx.match(cues()["located_home_re"], ctx.text[co.end:co.end + 8]):
        return None
    before = [p for p in parks if p.end <= co.start]
    return before[-1] if before else None


def _anaphor_park(ctx: DocContext, co: Ent, s: int, clause: tuple[str, str, int]) -> Optional[Ent]:
    """``园区龙头企业Y``, ``同在园区的Y``, ``Y…也在园区内``: the park named last before
    the company in the same article (a sub-park when the text just named one;
    ``clause``: the company's :func:`_clause`)."""
    before, after, _ = clause
    c = cues()
    here = here_park(ctx, s, co.start)
    if here is not None:
        return here
    if not (rx.search(c["located_anaphor_before_re"], before) or rx.match(c["located_anaphor_after_re"], after)):
        return None
    article = ctx.article_at(co.start)
    prior = ctx.parks_before(co.start, article)
    return prior[-1] if prior else ctx.topic_at(co.start)


def located_facts(ctx: DocContext, projects: list[ProjectFact]) -> list[LocatedInFact]:
    """located_in facts from cue patterns and from projects built in a park."""
    parents = parent_parks(ctx)
    out: list[LocatedInFact] = []
    for co, park, (s, e) in located_pairs(ctx):
        ev = ctx.raw(s, e)
        out.append(LocatedInFact(company=co.text, park=park.text, evidence=ev))
        for zone in ancestors(parents, park):
            out.append(LocatedInFact(company=co.text, park=zone.text, evidence=ev))
    by_text = {e.text: e for e in ctx.ents if e.label == "PARK"}
    for pr in projects:
        if pr.company and pr.park:
            out.append(LocatedInFact(company=pr.company, park=pr.park, evidence=pr.evidence))
            park = by_text.get(pr.park)
            for zone in ancestors(parents, park) if park is not None else ():
                out.append(LocatedInFact(company=pr.company, park=zone.text, evidence=pr.evidence))
    return out
