"""Area subjects (issue 14.2): a figure about a city, county, province, the nation or
a group of zones is not the park's, even inside a park paragraph or said by a park
official. Word lists: ``area_*`` in ``patterns/relations.json``; place names from
``patterns/places.json`` and the gazetteer."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Optional

from ..clusters import county_name_set, place_name_set
from .context import ALIAS_BRACKET, DocContext, anaphora_in, cues, per_document, zone_group_head


#
# A figure about a city, county, province, the nation or a group of zones is not
# the park's, even in a park paragraph (issue 14.2): ``全市规上工业增加值增长7.7%``,
# ``长沙县同期固定资产投资增长11.3%``, ``湖南全省增长8.1%``. The area must stand at the
# head of a clause of the figure's sentence, before the figure, with no park or
# company named (and no park anaphor) between it and the figure; an area in a share
# or comparison base (``占全市的``, ``高于全省``) is not at a clause head.


def area_subject(ctx: DocContext, pos: int, sent_start: int) -> bool:
    """Whether the figure at ``pos`` is about an administrative area, not a park."""
    hints = _doc_hints(ctx)
    para = ctx.paragraphs[ctx.paragraph_at(pos)] if ctx.paragraphs else None
    lo = para.start if para is not None else sent_start
    k = bisect_left(hints, lo)
    if k == len(hints) or hints[k] >= pos:
        return False  # no area word in the paragraph before the figure
    j = bisect_left(hints, sent_start)
    heads = per_document(ctx, "area_heads", _area_heads, sent_start) if j < len(hints) and hints[j] < pos else []
    k = bisect_left(heads, (pos,)) - 1
    if k < 0:
        # no area in this sentence: a sentence that names nobody carries the area an
        # earlier sentence of its paragraph was about (``同期，德阳全市…。其中…增长18.1%``)
        if ctx.ents_in(sent_start, pos):
            return False
        return (per_document(ctx, "carried_area", _carried_area, ctx.paragraph_at(pos), sent_start)
                and not _anaphora_from(ctx, sent_start, sent_start, pos)
                and not _park_word_speaks_of_park(ctx, sent_start, pos))
    a_end = heads[k][1]
    # ``全省综保区进出口…``: a bare zone word right after the area (and its qualifiers) is
    # that area's group of zones, not an anaphor of the park
    g = _area_grammar()
    z = g["zone_after"].match(ctx.text, a_end, pos)
    return (not _named_after(ctx, a_end, pos) and not _anaphora_from(ctx, sent_start, z.end() if z else a_end, pos)
            and not _park_word_speaks_of_park(ctx, z.end() if z else a_end, pos))


_BRACKETED = re.compile(r"[（(][^（()）]*[)）]")


def _named_after(ctx: DocContext, a_end: int, pos: int) -> bool:
    """Whether a park or company is named between the area and the figure, outside
    brackets (``武进区（不含常州经开区）…``: the bracket qualifies the area)."""
    ents = ctx.ents_in(a_end, pos)
    if not ents:
        return False
    spans = [m.span() for m in _BRACKETED.finditer(ctx.text, a_end, pos)]
    return any(not any(a <= e.start and e.end <= b for a, b in spans) for e in ents)


@lru_cache(maxsize=1)
def _park_word_clause_re() -> "re.Pattern[str]":
    words = "|".join(map(re.escape, sorted(cues()["area_carry_park_words"], key=len, reverse=True)))
    return re.compile(rf"(?:^|(?<=[，,；;：:。！？\n]))(?:{words})(?![内里中的])")


def _park_word_opens_clause(text: str, start: int, end: int) -> bool:
    """``全县对…实施关停并转。经过十余年发展，园区现有企业21家``: a generic park word
    opening a clause (``area_carry_park_words``) speaks of the park again, so the area an
    earlier sentence was about is not carried to it."""
    return _park_word_clause_re().search(text, start, end) is not None


def _park_word_speaks_of_park(ctx: DocContext, start: int, pos: int) -> bool:
    """A generic park word opening a clause in ``[start, pos)`` (:func:`_park_word_opens_clause`)
    when no group of zones came before it in the paragraph (:func:`_zone_group_before`)."""
    return _park_word_opens_clause(ctx.text, start, pos) and not _zone_group_before(ctx, ctx.paragraph_at(pos), pos)


@lru_cache(maxsize=1)
def _counted_zones_re() -> "re.Pattern[str]":
    words = "|".join(map(re.escape, sorted(cues()["area_carry_park_words"], key=len, reverse=True)))
    return re.compile(rf"(?:\d+|[一二三四五六七八九十两几]+)[个家所大][\u4e00-\u9fff]{{0,6}}?(?:{words}|开发区)")


def _zone_group_before(ctx: DocContext, para: int, pos: int) -> bool:
    """Whether the paragraph names a group of zones before ``pos``: an area's
    (``全市园区…``, ``全市3个国家级开发区…``) or a counted one (``4个园区中有3个…``); then a
    later bare 园区 is that group."""
    g = _area_grammar()
    p = ctx.paragraphs[para]
    if _counted_zones_re().search(ctx.text, p.start, pos) is not None:
        return True
    for s, e, _ in ctx.sentences_of(para):
        if s >= pos:
            break
        for _, a_end in per_document(ctx, "area_heads", _area_heads, s):
            if a_end < pos and g["zone_after"].match(ctx.text, a_end, e) is not None:
                return True
    return False


def _anaphora_from(ctx: DocContext, sent_start: int, start: int, end: int) -> bool:
    """Whether a zone anaphor of the sentence at ``sent_start`` lies in ``[start, end)``."""
    found = per_document(ctx, "sentence_anaphora", _sentence_anaphora, sent_start)
    k = bisect_left(found, start)
    return k < len(found) and found[k] < end


def _sentence_anaphora(ctx: DocContext, sent_start: int) -> list[int]:
    end = ctx.sentence_at(sent_start)[1]
    return [a for a, _ in anaphora_in(ctx, sent_start, end)]


def _carried_area(ctx: DocContext, para: int, sent_start: int) -> bool:
    """Whether the nearest earlier sentence of the paragraph that names a subject names an area."""
    for s, e, _ in reversed(ctx.sentences_of(para)):
        if s >= sent_start:
            continue
        heads = per_document(ctx, "area_heads", _area_heads, s)
        ents = ctx.ents_in(s, e)
        if not heads:
            if ents or per_document(ctx, "sentence_anaphora", _sentence_anaphora, s):
                return False
            continue
        # (a zone word inside the area, ``全省开发区``, is the area's, not an anaphor of the park)
        ana = [a for a in per_document(ctx, "sentence_anaphora", _sentence_anaphora, s)
               if not any(h0 <= a < h1 for h0, h1 in heads)]
        last = max(ents[-1].end if ents else -1, ana[-1] if ana else -1)
        if heads and heads[-1][0] > last:
            return True
        if last >= 0:
            return False
    return False


def _doc_hints(ctx: DocContext) -> list[int]:
    """Where an area word can end, found in one scan of the document."""
    hints = ctx._index.get("area_hints")
    if hints is None:
        g = _area_grammar()
        hints = [m.start() for m in g["hint"].finditer(ctx.text)]
        # a group of zones (``4家国家级开发区``) ends where its zone word does
        groups = [m.end() - 2 for m in g["group"].finditer(ctx.text)]
        # a county or district with its unit (``鹿泉区``)
        text, counties = ctx.text, g["counties"]
        groups += [i for i in (m.start() for m in g["county_unit_re"].finditer(text))
                   if any(text[max(0, i - n):i] in counties for n in (2, 3, 4)) or text[max(0, i - 1):i + 1] in counties]
        groups += _bare_place_hints(ctx)
        # a town or sub-district (``招贤镇``, ``陵阳街道``) ends with its unit
        groups += [m.end() - 1 for m in g["township_unit"].finditer(text)]
        if groups:
            hints = sorted(set(hints) | set(groups))
        ctx._index["area_hints"] = hints
    return hints


def _names_a_park(ctx: DocContext, place: str) -> bool:
    """Whether a park of the document is named from ``place`` written bare, without a unit
    (``张江`` of 张江科学城; ``长沙县`` stays the county)."""
    if place[-1] in _UNIT_CHARS:
        return False
    heads = ctx._index.get("park_heads")
    if heads is None:
        sizes = _area_grammar()["place_sizes"]
        heads = ctx._index["park_heads"] = frozenset(e.text[:n] for e in ctx.ents if e.label == "PARK" for n in sizes)
    return place in heads


def _bare_place_end(text: str, k: int, end: int) -> Optional[int]:
    """The end of a bare place at ``k`` that a figure's words follow (``新疆外贸进出口总值…``)."""
    g = _area_grammar()
    for n in g["place_sizes"]:
        if text[k:k + n] in g["places"] and g["bare_next"].match(text, k + n, end):
            return k + n
    return None


def _bare_place_hints(ctx: DocContext) -> list[int]:
    """Where a bare place heading a clause, a figure's words after it, ends (see :func:`_area_at`);
    not a place a park of the document is named from (``张江`` of 张江科学城)."""
    g = _area_grammar()
    text = ctx.text
    out = []
    first = g["first_chars"]
    for m in _HEAD_START.finditer(text):
        k = m.end()
        if text[k:k + 1] not in first and text[k:k + 1] not in g["skip_first"] and text.find("期间", k, k + 8) < 0:
            continue  # neither a place nor a head word or period before one opens the clause
        k = g["skip"].match(text, k).end()
        if text[k:k + 1] not in first:
            continue
        b = _bare_place_end(text, k, len(text))
        if b is not None and not _names_a_park(ctx, text[k:b]):
            out.append(b - 1)
    return out


_UNIT_CHARS = frozenset("省市县区州旗盟镇乡")
_HEAD_START = re.compile(r"^|[，,。；;：:！？\n]")


def _area_heads(ctx: DocContext, sent_start: int) -> list[tuple[int, int]]:
    """``(start, end)`` of the areas heading a clause of the sentence at ``sent_start``."""
    text = ctx.text
    end = ctx.sentence_at(sent_start)[1] if sent_start < len(text) else sent_start
    out: list[tuple[int, int]] = []
    doc_hints = _doc_hints(ctx)
    hints = doc_hints[bisect_left(doc_hints, sent_start):bisect_left(doc_hints, end)]
    if not hints:
        return out  # no character an area word ends with (市, 省, 县, 全国, …)
    breaks = [sent_start] + [m.end() for m in _CLAUSE_BREAK.finditer(text, sent_start, end)]
    # only the clauses that hold a hint can open with an area
    heads = sorted({breaks[bisect_right(breaks, h) - 1] for h in hints})
    for k in heads:
        span = _area_at(text, k, end)
        if span is None:
            continue
        a, b = span
        if ctx.ent_at(a) is not None or ctx.ent_at(b - 1) is not None:
            continue
        if _names_a_park(ctx, text[a:b]):
            continue  # ``张江已集聚…``: the short name of a park the document names, not the place
        if text[b - 1] == "市" and _coextensive(ctx):
            continue  # ``全市（新区）主要经济指标``: the city is the 新区
        out.append((a, b))
    return out


def _coextensive(ctx: DocContext) -> bool:
    """Whether the document declares its city one area with a 新区 (``全市（新区）``)."""
    hit = ctx._index.get("coextensive")
    if hit is None:
        hit = ctx._index["coextensive"] = _coextensive_re().search(ctx.text) is not None
    return hit


@lru_cache(maxsize=1)
def _coextensive_re() -> "re.Pattern[str]":
    return re.compile(cues()["area_coextensive_re"])


_CLAUSE_BREAK = re.compile(r"[，,；;：:。！？\n]")


def _area_at(text: str, k: int, end: int) -> Optional[tuple[int, int]]:
    """The area that opens the clause starting at ``k`` (after head words and periods:
    ``同期，``, ``上半年，``), as ``(start, end)``, else None."""
    g = _area_grammar()
    k = g["skip"].match(text, k, end).end()
    found = None
    if text[k:k + 1] in g["first_chars"]:
        for n in g["place_sizes"]:
            if text[k:k + n] in g["places"]:
                suf = next((x for x in g["suffixes"] if text.startswith(x, k + n)), None)
                if suf is not None:
                    found = k + n + len(suf)
                    break
                grp = g["group"].match(text, k + n, end)  # ``浙江12个综合保税区…``: a place's group of zones
                if grp is not None:
                    found = grp.end()
                    break
    if found is None and text[k:k + 1] in g["first_chars"]:
        # ``新疆外贸进出口总值…``, ``太仓已累计引进…``: a bare place heading a clause, a figure's words
        # right after it (not the short name of a park the document names: see :func:`_area_heads`)
        found = _bare_place_end(text, k, end)
    if found is None and text[k:k + 1] in g["county_first"]:
        # ``鹿泉区…``, ``吴江区…``: a county or district (patterns/counties.json) with its unit
        for n in (4, 3, 2):
            if text[k:k + n] in g["counties"] and text[k + n:k + n + 1] in g["county_units"]:
                found = k + n + 1
                break
        if found is None and text[k:k + 2] in g["counties"] and text[k + 1] in g["county_units"]:
            found = k + 2  # ``莒县…``, ``曹县…``: a county of one character, named with its unit
    if found is None and not g["generic_chars"].isdisjoint(text[k + 2:k + 10]):
        m = g["generic"].match(text, k, end)
        if m is not None:
            found = m.end()
    if found is None and text[k:k + 1] in g["first_chars"]:
        m = g["plain"].match(text, k, end)
        found = m.end() if m is not None else None
    if found is None and text.startswith("市", k + 2):
        m = g["city"].match(text, k, end)  # ``界首市…``: an unknown two-character city at a clause head
        found = m.end() if m is not None else None
    if found is None and g["township_unit"].search(text, k + 2, k + 6) is not None:
        m = g["township"].match(text, k, end)  # ``招贤镇完成…``: a town below the county
        found = m.end() if m is not None and not m.group(0).endswith(g["township_not"]) else None
    if found is None:
        m = g["group"].match(text, k, end)  # ``4家国家级开发区``, ``各综合保税区``: a group of zones
        found = m.end() if m is not None else None
    if found is None or found > end or text[found:found + 1] in g["not_after"]:
        return None
    return k, found


@lru_cache(maxsize=1)
def _area_grammar() -> dict:
    """The area-subject word lists (``patterns/relations.json``), compiled once."""
    c = cues()
    places = place_name_set()
    counties = county_name_set()
    heads = sorted(c["area_head_words"], key=len, reverse=True)
    period = (r"(?:(?:19|20)\d{2}年|[今去上本]年|[一二三四1-4]季度|前三季度|上半年|全年|\d{1,2}(?:[-—至]\d{1,2})?月份?|同期|"
              + c.get("area_period_heads_re", "(?!)") + ")")
    generic = "|".join(map(re.escape, c["area_generic_suffixes"]))
    verbs = c.get("area_generic_not_start", [])
    not_start = "(?!%s)" % "|".join(map(re.escape, verbs)) if verbs else ""
    zones = "|".join(map(re.escape, sorted(c["zone_count_suffixes"], key=len, reverse=True)))
    quals = "|".join(map(re.escape, sorted([*c["zone_count_qualifiers"], "各", "所有", "全部", "和", "及", "与", "、"], key=len, reverse=True)))
    townships = "|".join(map(re.escape, c["area_township_units"]))
    return {
        "skip": re.compile(rf"[ \t　“]*(?:(?:{'|'.join(map(re.escape, heads))}|{period})[，, ]?)*"),
        "places": places,
        "place_sizes": sorted({len(p) for p in places}, reverse=True),
        "suffixes": sorted(c["area_suffixes"], key=len, reverse=True),
        # 临川全市, 郸城县, 昌吉回族自治州: an unknown place before a suffix that only places take
        "generic": re.compile(rf"{not_start}[^\W\d{re.escape(c['area_prefix_not'])}]{{2,6}}?(?:{generic})"),
        "plain": re.compile("|".join(map(re.escape, sorted(c["area_subjects"], key=len, reverse=True)))),
        "not_after": set(c["area_not_followed_by"]),
        "group": re.compile(rf"{zone_group_head()}(?:{zones})"),
        # (a count may come first, and the group's declared short name after: ``我省5个综合保税区（以下简称综保区）``)
        # (``全省共有省级开发区137家``: the area's zones it has)
        "zone_after": re.compile(rf"(?:共有|拥有|现有|已有)?(?:{zone_group_head()})?(?:{quals})*(?:{zones})(?:{ALIAS_BRACKET})?"),
        "city": re.compile(rf"[^\W\d{re.escape(c['area_prefix_not'])}]{{2}}市"),
        "township": re.compile(rf"[^\W\d{re.escape(c['area_prefix_not'])}]{{2,3}}?(?:{townships})(?={c['area_bare_place_next_re']})"),
        "township_unit": re.compile(townships),
        "township_not": tuple(c["area_township_not"]),
        # an area ends with one of its suffixes or starts with one of its plain words
        "hint": re.compile("|".join(sorted({w[-2:] for w in [*c["area_suffixes"], *c["area_generic_suffixes"]]}
                                           | {w[:2] for w in c["area_subjects"]}, key=len, reverse=True))),
        "first_chars": frozenset(w[0] for w in [*places, *c["area_subjects"]]),
        "generic_chars": frozenset(w[0] for w in c["area_generic_suffixes"]),
        "counties": counties,
        "county_first": frozenset(w[0] for w in counties),
        "county_units": frozenset(c["area_county_units"]),
        "county_unit_re": re.compile("[%s]" % "".join(c["area_county_units"])) if counties else re.compile("(?!)"),
        "bare_next": re.compile(c["area_bare_place_next_re"]),
        # what a skipped head word or period can start with
        "skip_first": frozenset(w[0] for w in heads) | frozenset(" \t　“0123456789今去上本一二三四前全同"),
    }
