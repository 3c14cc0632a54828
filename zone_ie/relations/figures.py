"""Figures that are not metrics (issue 14.3): numbers inside names, years and dates,
capacities inside project names, bounds of a class (``投资5亿元以上的项目``), counts
that are words (``一个``, ``“两个确立”``), audiences, policy counts, figures of
unnamed examples and the sizes of frames (``在全省8个综合保税区中``). Word lists in
``patterns/relations.json`` and ``patterns/indicators.json``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import rx
from .context import DocContext, Qty, cues, has_any, has_cue, last_cue, longest_first, starts_any
from .indicators import has_vocab, strip_words, vocab, vocab_tuple


def _skip(ctx: DocContext, q: Qty, s: int, e: int, ce: int) -> bool:
    """Figures that are not metrics: inside names, years, project names, dates
    (``ce``: the end of the figure's clause)."""
    text = ctx.text
    if ctx.ent_at(q.start) is not None:
        return True
    if ctx.period_overlaps(q.start, q.end):
        return True
    if q.start >= 1 and text[q.start - 1] in "（(" and text.endswith(_PROJECT_OPEN, max(0, q.start - 3), q.start):
        return True  # ``A扩建项目(3亿元)、B项目(0.82亿元)``: each project's own investment (a project fact)
    unit = q.q.get("unit", "")
    if unit == "other:年" and (q.q.get("value") or 0) > 1900:
        return True
    if text.find("年产", max(s, q.start - 3), q.start) >= 0 or unit in ("W", "t"):
        # a capacity figure in front of a project name (``年产10万吨…项目``)
        tail = text[q.end:ce]
        for suf in cues()["project_suffixes"]:
            k = tail.find(suf)
            if 0 <= k and "，" not in tail[:k]:
                return True
    if unit == "rank" and not has_any(("位", "居", "列", "排", "名"), text[max(s, q.start - 12):q.start]):
        return True
    if unit == "rank" and q.text.startswith("前") and _ranked_names_frame(ctx, q, s):
        return True  # ``A、B、C分列全省前三名``: the frame of a ranked list (ranks 1, 2, 3), not a rank of A
    if unit == "count" and (_zone_count_re().match(text, q.end, ce) or _zones_have(ctx, q, s)):
        return True  # ``全国229家国家级经开区``, ``省级开发区有36个``: a count of zones, not a park's figure
    if unit in ("CNY", "%") and _policy_scale_re().search(text, max(s, q.start - 12), q.start) and not has_cue("policy_received", text[max(s, q.start - 12):q.start]):
        return True  # ``一次性奖励100万元``, ``按10%给予补助``: the scale of a policy offer
    return _threshold(text, q, ce)


def _ranked_names_frame(ctx: DocContext, q: Qty, s: int) -> bool:
    """Whether the top-N figure ``q`` closes a ranked-names frame right after two or more listed names."""
    m = rx.compiled(cues()["ranked_names_re"]).search(ctx.text, max(s, q.start - 12), q.end)
    if m is None or m.end() < q.start:
        return False
    last = ctx.ent_at(m.start() - 1)
    if last is None:
        return False
    before = ctx.ent_at(last.start - 2)
    return before is not None and ctx.text[before.end:last.start] in ("、", "和", "及")


@lru_cache(maxsize=1)
def _policy_scale_re() -> "re.Pattern[str]":
    return re.compile(vocab()["policy_scale_re"])


def _zones_have(ctx: DocContext, q: Qty, s: int) -> bool:
    """``省级开发区有36个``: a kind of zone (not a named park: ``X高新区共有58个项目``) has the count."""
    m = _zones_have_re().search(ctx.text, max(s, q.start - 14), q.start)
    return m is not None and ctx.ent_at(m.start()) is None


@lru_cache(maxsize=1)
def _zones_have_re() -> "re.Pattern[str]":
    """``省级开发区有36个``, ``国家级高新区共5家``: a kind of zone, then 有/共, then the count."""
    suffixes = "|".join(map(re.escape, longest_first("zone_count_suffixes")))
    return re.compile(rf"(?:{suffixes})(?:共有|有|共|计|达)$")


@lru_cache(maxsize=1)
def _zone_count_re() -> "re.Pattern[str]":
    """The noun right after a count is a kind of zone (qualifier words, then a zone suffix)."""
    quals = "|".join(map(re.escape, longest_first("zone_count_qualifiers")))
    suffixes = "|".join(map(re.escape, longest_first("zone_count_suffixes")))
    return re.compile(rf"(?:{quals})*(?:{suffixes})(?![\u4e00-\u9fff]{{0,2}}(?:企业|公司))")


def _project_list_before(text: str, s: int, k: int) -> bool:
    """Whether ``text[s:k]`` lists two or more named projects (``A项目、B工程和C项目``)."""
    head = text[s:k]
    names = [m for m in _PROJECT_ITEM.finditer(head)]
    return len(names) >= 2


_PROJECT_ITEM = re.compile(r"[^、，,。；;和及与]{2,40}?(?:项目|工程|基地|生产线|产线)(?=[、和及与]|[^、，,。；;]{0,6}$)")


def _threshold(text: str, q: Qty, ce: int) -> bool:
    """A figure that bounds a class of things (``投资5亿元以上的项目23个``,
    ``营收在1亿元至10亿元之间的企业``, ``十亿元级企业``, ``总投资30亿元的项目``): it
    qualifies the noun after it, so it is scope, not a value."""
    if q.q.get("unit") in ("%", "pp", "x", "rank", "count"):
        return False  # a count counts the noun after it (``60余家企业``); it bounds nothing
    qualified = q.q.get("qualifier") in ("over", "under") or q.q.get("low") is not None
    if not qualified and text[q.end:q.end + 1] not in _bound_first():
        return False  # neither bounded nor followed by a bound word or 的: no class
    m = _threshold_re().match(text, q.end, ce)
    if m is None:
        return False
    bounded = bool(m.group("bound")) or q.q.get("qualifier") in ("over", "under") or q.q.get("low") is not None
    if m.group("de3"):
        return bounded  # (an unbounded ``总投资30亿元的2个`` is no class)
    return bounded or bool(m.group("de") or m.group("de2"))


@lru_cache(maxsize=1)
def _bound_first() -> frozenset[str]:
    """First characters of the class bounds and of 的 (a cheap test before the pattern)."""
    return frozenset(w[0] for w in cues()["threshold_bounds"]) | {"的"}


@lru_cache(maxsize=1)
def _threshold_re() -> "re.Pattern[str]":
    c = cues()
    bounds = "|".join(sorted(c["threshold_bounds"], key=len, reverse=True))
    nouns = "|".join(sorted(c["threshold_nouns"], key=len, reverse=True))
    return re.compile(
        rf"(?P<bound>{bounds})?(?:(?P<de>的)?[^，,。；;、:：\d“”]{{0,10}}?(?:{nouns})|(?P<de2>的)[有共达]"
        # ``产值超百亿元的4家、超10亿元的13家``: the class's noun left out before its count
        rf"|(?P<de3>的)[0-9一二两三四五六七八九十几百]+(?:家|个|户|项))"
    )


def _anecdote(text: str) -> bool:
    """``某企业…降低30%``: an unnamed example, not a statistic of the subject."""
    return any(r.search(text) for r in _anecdote_res())


@lru_cache(maxsize=1)
def _anecdote_res() -> tuple["re.Pattern[str]", ...]:
    return tuple(re.compile(m + r"[^，,。；;]{0,10}(?:企业|公司|团队|单位|项目|机构)") for m in cues()["anecdote_markers"])


_LIST_JOINS = frozenset({"、", "和", "及", "与", "以及", ",", "，"})


def _noise(ctx: DocContext, q: Qty, s: int, e: int, cs: int, ce: int) -> bool:
    """Figures that are words, not statistics: ``一个``/``一套`` (the numeral 一),
    counts inside quotes (``“两个确立”``), audiences (``200名嘉宾``), frames
    (``在229家…中``), sums' counts (``两个行业合计``), product specs of other
    subjects (``我国…``) and durations without a duration cue. ``[cs, ce)`` is the
    figure's clause."""
    text = ctx.text
    c = cues()
    unit = q.q.get("unit", "")
    head, after = text[cs:q.start], text[q.end:ce]
    if _named_sum(ctx, s, q.start):
        return True
    if unit == "m" and text[q.end:q.end + 2].startswith(("外", "处", "以外", "之外", "远")):
        return True  # ``送往两公里外的陶瓷企业``: a distance to somewhere, not a figure
    if q.text.startswith("一") and text[q.start - 1:q.start] in ("每", "任何", "哪"):
        return True  # ``让每一亩地都产出效益``: 每一 is a word, no figure
    if unit == "count":
        if q.text.startswith("一") and q.q.get("value") == 1:
            return True
        if text[q.start - 1:q.start] == "第":
            return True  # ``第3个项目``: an ordinal, no count
        if q.q.get("classifier") == "类" and q.text[:1] in _HAN_NUMERALS and _HAN_NEXT.match(text, q.end):
            return True  # ``省级二类第8位``, ``三类企业``: a class's name, not a count
        named = ctx.ents_in(cs, q.start)
        if named and named[-1].end == q.start and (
                len(named) > 1 and text[named[-2].end:named[-1].start] in _LIST_JOINS):
            # ``A、B和C3家企业``: the size of a list of names just given (``X综保区4个项目``
            # after one name is that name's count)
            return True
        opened = text.rfind("“", s, q.start)
        if opened >= 0 and text.find("”", opened, q.start) < 0 and text.find("”", q.end, e) >= 0:
            return True
        if starts_any(after, c["audience_nouns"]) or has_cue("audience_nouns", after[:6]):
            return True
        if has_cue("sum_cues", after[:6]):
            return True
        if q.q.get("classifier") == "项" and rx.match(c["indicator_count_re"], after) is not None:
            return True  # ``三项指标均居全市首位``: how many of the indicators, not a figure
        if _administrative(head, after):
            return True
        if _POSSESSED.match(after) and has_vocab("possessed_nouns", after):
            return True
        if head[:1] in c["denominator_frame"] and after.endswith("中") and ce < e:
            return True
        if q.text[:1] in _HAN_NUMERALS and _enumerates(text, q.end, e):
            return True  # ``重点抓四件事：一是…``: the number of points a list makes, not a count
        if _list_size(head, q.q.get("value")):
            return True  # ``围绕电子信息、智能装备两条产业链``: the size of the list just given
    if head.lstrip(" “”\"").startswith(longest_first("own_subject_cues")):
        # ``我国…产能达…``: the country's figure (``引进国内…资金`` is the subject's own)
        return True
    v = vocab()
    if has_vocab("spec_nouns", head) and strip_words(head, v["value_verbs"], both=False).endswith(vocab_tuple("spec_nouns")):
        # ``自重为69吨`` / ``全长约8.5公里``: a product's or a work's specification, not a statistic
        return True
    if _in_slogan(text, q, s, e):
        return True
    if unit in v["noise_units"]:
        return True
    if unit == "count" and v["frame_in"] in head and _frame_out_re().match(after):
        # ``在全省8个综合保税区中排名第二``: the size of the field, not a statistic
        return True
    if unit in c["duration_units"]:
        window = text[cs:ce]
        if not has_cue("duration_cues", window) or "力争" in window:
            return True
    return False


_LIST_ITEM_SEP = re.compile("[、和及与]")


def _list_size(head: str, value) -> bool:
    """Whether a count right after a list of words (``石化、冶金、新能源电池3个…集群``,
    ``亩产效益、对外开放、创新驱动、产业集聚四大类``) is the number of its items: the clause before the count
    splits into exactly that many items, the later ones short (the first may hold a lead-in)."""
    if not value or not 2 <= value <= 8 or "等" in head or not _LIST_ITEM_SEP.search(head):
        return False
    items = _LIST_ITEM_SEP.split(head)
    if _COUNTED_BEFORE.search(items[0]):
        return False  # ``新增A中心3家、B实验室2家``: figures of their own, not a list of words
    return len(items) == value and all(1 <= len(it) <= 12 and not _DIGIT.search(it) for it in items[1:])


_DIGIT = re.compile(r"\d")
_COUNTED_BEFORE = re.compile(r"\d(?!\d*年)")  # a digit that is no year (``2025年`` may lead in)


def _enumerates(text: str, end: int, e: int) -> bool:
    """Whether the words after a count end in a colon that opens an enumeration
    (``四件事：一是…``, ``三个方面：（一）…``): ``enumeration_openers``."""
    k = text.find("：", end, min(e + 1, end + 8))
    if k < 0:
        k = text.find(":", end, min(e + 1, end + 8))
    return k >= 0 and text.startswith(tuple(cues()["enumeration_openers"]), k + 1)


_PROJECT_OPEN = ("项目（", "项目(", "工程（", "工程(", "基地（", "基地(", "产线（", "产线(")
_HAN_NUMERALS = frozenset("一二三四五六七八九十两")
_HAN_NEXT = re.compile("[\u4e00-\u9fff]")


def _named_sum(ctx: DocContext, s: int, pos: int) -> bool:
    """``A、B两个国家级园区合计实现…，增长8%``: a sum over two or more parks is none of
    theirs, nor are the figures after it in its sentence until another name is given.
    A sum over firms (``A、B两家企业合计完成产值…``) is their park's figure, the firms its scope."""
    cue = last_cue("sum_cues", ctx.text, s, pos)
    if cue is None or any(e.label in ("PARK", "COMPANY") for e in ctx.ents_in(cue, pos)):
        return False
    names = [e for e in ctx.ents_in(s, cue) if e.label == "PARK"]
    return any(ctx.text[a.end:b.start] in _LIST_JOINS for a, b in zip(names, names[1:]))


def firm_sum_scope(ctx: DocContext, s: int, pos: int) -> Optional[str]:
    """``A、B两家医药企业合计完成产值9.7亿元``: the firms summed, the scope of their park's
    figure (up to the last firm noun after them: ``A、B两家医药企业``), else None."""
    cue = last_cue("sum_cues", ctx.text, s, pos)
    if cue is None:
        return None
    firms = [e for e in ctx.ents_in(s, cue) if e.label in ("PARK", "COMPANY")]
    k = next((i for i in range(len(firms) - 1) if ctx.text[firms[i].end:firms[i + 1].start] in _LIST_JOINS), None)
    if k is None or any(e.label != "COMPANY" for e in firms[k:]):
        return None
    tail = ctx.text[firms[-1].end:cue]
    nouns = [tail.rfind(w) + len(w) for w in vocab_tuple("enterprise_nouns") if w in tail]
    return ctx.text[firms[k].start:firms[-1].end + (max(nouns) if nouns else 0)]


_POSSESSED = re.compile(r"^[^，,、]{0,4}的[^，,、]{2,}$")


@lru_cache(maxsize=1)
def _frame_out_re() -> "re.Pattern[str]":
    return re.compile(r"^[^，,。；;]{0,12}%s" % vocab()["frame_out"])


_NOUN = re.compile(r"[^，,。；;、\d]{0,8}")


def _administrative(head: str, after: str) -> bool:
    """Counts of administrative work, not of the economy: trainings and lectures
    (``8期培训班``, ``讲座6场``), cadres and party bodies (``89名干部``, ``9家直属党委``),
    policies (``出台18条…政策``), delegates (``50余家…企业代表``) and figures of speech
    (``两篇文章``, ``两个维度``)."""
    m = _NOUN.match(after)
    noun = m.group(0) if m else ""
    if has_vocab("non_figure_nouns", noun) or head.rstrip("“”\"").endswith(vocab_tuple("non_figure_nouns")):
        return True
    return has_vocab("policy_verbs", head)


def _in_slogan(text: str, q: Qty, s: int, e: int) -> bool:
    """``推进“千企联动、千星入轨、千亿营收”的…建设``: a number inside a short quoted slogan."""
    o = text.rfind("“", s, q.start)
    if q.q.get("unit") == "rank" or o < 0 or text.find("”", o, q.start) >= 0:
        return False
    c = text.find("”", q.end, e)
    quoted = text[o + 1:c]
    return (0 <= c and len(quoted) <= vocab()["slogan_max_len"] and len(quoted) > len(q.text) + 2
            and not any(ch in quoted for ch in "，,。；;"))


def _among_frame(text: str, q: Qty, ce: int, e: int) -> Optional[str]:
    """``46个工业项目中，…``: the figure only names the group the next figures are about."""
    after = text[q.end:ce]
    if q.q.get("unit") == "count" and after.endswith("中") and 1 < len(after) <= 12 and ce < e:
        return after[:-1]
    return None
