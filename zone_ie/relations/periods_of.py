"""When a figure is: its period, stated in its sentence or carried over from the
governing sentence, paragraph or article (the rule below), with the article's lead,
title, released-data and event periods."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from .. import rx
from ..repair import numbered_head
from .headlines import title_block
from .context import DocContext, Per, _cue_alternation, after_last, cues, ends_any, has_cue, in_table, is_question, longest_first, per_document, split_sentences
from .indicators import _vocab_alternation, find_indicator, has_vocab, vocab

_YEAR_SINCE = re.compile(r"^(?:自|从)?((?:19|20)\d\d)年(?:以来|来)$")
_YEAR_AT_END = re.compile(r"(?:19|20)\d\d年$")
_HEADING_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.%])")
_TITLE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?=年|[，,：:｜|\s　](?!\d))")  # ``2023年`` / ``2023，X交出成绩单``

#
# Period carry-over rule (inferred from the seed gold, SPEC 4/6/10):
#   1. a period stated in the figure's own sentence, before the figure, wins
#      (a blocker such as 今年以来 / 截至目前 / 至此 after it gives no period);
#   2. else the last *governing* period (one that opens a clause: ``1—8月，…``,
#      ``截至10月底，…``, ``2022年临川高新区…``) of an earlier sentence of the same paragraph;
#   3. else the article's *lead period*: the period that governs the first
#      figure of the article when that figure is in the article's first body
#      paragraph (``今年第一季度，X高新区…``); it carries to every later figure of
#      the article as long as the paragraph is still about the same park;
#   4. else no period. A dateline (``5月18日，记者从…获悉``) is never a period.
#   Refinements: when the article has a lead period, a period fronted in an
#   earlier *full* sentence (ended by 。, not ；) of the paragraph is local to it
#   and the lead comes back; an intervening sentence opened by a present-time
#   frame (``截至目前，…``) ends the carry-over; a yearless period (``全年``) takes
#   the explicit year of a governing period earlier in its full sentence; without
#   a document date, a still yearless period takes the single year printed in
#   the article's heading (``2024XX高新区…交流会举行``).


_PHRASE_AFTER = re.compile(r"[^，,。；;：:\d]{0,14}")


def _modifier(text: str, end: int) -> bool:
    """A period used as a modifier (全年的, 全年目标, 一季度重点项目集中签约仪式),
    not as the time of a figure."""
    if _TARGET_FRAME.match(text, end):
        return False  # ``2024年的目标任务：力争…``: the year the targets after the colon are for
    if text[end:end + 1] == "的":
        # ``今年的研发投入预计超过2.5亿元``: the period of the indicator it qualifies, unless
        # that is a target, a plan or a base (``全年的目标``, ``去年的基数``)
        after = _PHRASE_AFTER.match(text, end + 1).group(0)
        hit = find_indicator(after) if after else None
        return hit is None or hit[1] > 2 or has_vocab("period_modifier_nouns", after)
    if text[end:end + 2] in ("目标", "任务") or _AMOUNT_TARGET.match(text, end):
        return True  # ``全年目标`` / ``完成全年530亿元目标任务的74.8%``: the target's year
    if text[end:end + 2] == "计划":
        # ``完成全年计划的85%`` / ``2022年计划投资``: the plan's time (a written year before a
        # plan frames no later sentence); ``今年计划实施重点项目56个``: this year's figure
        return not (text[end - 2:end] in _THIS_YEAR_WORDS and text[end + 2:end + 3] not in ("的", "任", "目", ""))
    if _EVENT_MODIFIER.match(text, end):
        return True  # ``去年底投产的两条生产线``: the time of an event that qualifies a noun
    m = _PHRASE_AFTER.match(text[end:end + 14])
    return bool(m) and any(m.group(0).endswith(w) for w in vocab()["event_nouns"])


_SAME_PERIOD = re.compile(r"[ \t　“]*(?:同期|同一时期)[，,]")  # a paragraph opening on the period before
_THIS_YEAR_WORDS = ("今年", "本年", "明年")
_AMOUNT_TARGET = re.compile(r"[\d.,]+(?:万|亿)*(?:元|美元|个|家|项|吨|人)?(?:目标|任务)")
_EVENT_MODIFIER = re.compile(r"(?:刚刚|刚|新|正式|已|先后|陆续)?(?:投产|开工|建成|竣工|签约|落户|引进|获批|成立|揭牌|挂牌|入驻|开业|落地|动工)的")
# a year that heads a list of targets (``2024年的目标任务：``, ``今年主要预期目标是：``)
_TARGET_FRAME = re.compile(r"的?(?:主要)?(?:预期)?(?:发展)?(?:目标任务|工作目标|目标|任务)[^，,。；;：:]{0,4}?(?:(?:是|为)[：:]?|[：:])")


def _founding(text: str, p: Per) -> bool:
    """``成立于2010年`` / ``于2011年1月获批设立`` / ``2010年11月升级为…``: the date of the
    zone's founding or upgrade, not the period of a figure."""
    if text[max(0, p.start - 1):p.start] == "于":
        return True
    return _founding_re().match(text, p.end) is not None


@lru_cache(maxsize=1)
def _founding_re() -> "re.Pattern[str]":
    verbs = "|".join(map(re.escape, vocab()["founding_verbs"]))
    return re.compile(rf"[，, ]*(?:正式|经国务院|经省政府)?获?(?:{verbs})")


def _comparison(text: str, p: Per) -> bool:
    """``比去年多了四成`` / ``较上年`` / ``在2024年增长9%的基础上``: the base of a
    comparison, not the period."""
    before = text[max(0, p.start - 2):p.start]
    if ends_any(before, vocab()["comparison_before"]):
        return True
    return text[p.start - 1:p.start] == "在" and _BASE_AFTER.match(text, p.end) is not None


_BASE_AFTER = re.compile(r"[^，,。；;]{0,14}?的基础上")


def _dateline(text: str, p: Per) -> bool:
    """``5月18日，科技日报记者从…获悉``: the report date, not the time of a fact; and page
    furniture: ``2025-08-28 09:15  来源: …`` / ``发布时间：2018年10月30日``."""
    after = text[p.end:p.end + 14]
    if has_cue("dateline_cues", after):
        return True
    return _on_stamp_line(text, p)


def _on_stamp_line(text: str, p: Per) -> bool:
    """A date written as a stamp (``2025-08-28 09:15``) or on a line of page furniture
    (来源/编辑/发布时间, a weekday, 总第N期)."""
    if _STAMP_AFTER.match(text, p.end):
        return True
    lo = text.rfind("\n", 0, p.start) + 1
    hi = text.find("\n", p.end)
    line = text[lo:hi if hi >= 0 else len(text)]
    # (a line that ends as a sentence is body text: ``…其中上海来源项目17个。``)
    return len(line) <= 80 and not line.rstrip().endswith(_SENTENCE_END) and has_cue("dateline_line_cues", line)


_SENTENCE_END = ("。", "！", "？", "!", "?")


_STAMP_AFTER = re.compile(r"-\d{1,2}(?!\d)|[ \t　]*\d{1,2}[:：]\d{2}")


def _governs(text: str, sent_start: int, pos: int) -> bool:
    """A period that opens its clause (``1—8月，…``) governs what follows."""
    k = pos
    while k > sent_start and text[k - 1] not in "，,：:；;。":
        k -= 1
    head = text[k:pos]
    for w in longest_first("period_lead_words"):
        head = head.replace(w, "")
    return len(head.strip(" ，,：:“”")) <= 1


_PARENTHETICAL = re.compile(r"[(（][^()（）]*[)）]")


def _park_fronted(ctx: DocContext, sent_start: int, pos: int) -> bool:
    """A period right after the park that opens its clause (``X高新区(以下简称…)前三季度
    实现…``, ``该区1—8月…``) governs what follows, as a clause-opening one does."""
    text = ctx.text
    k = pos
    while k > sent_start and text[k - 1] not in "，,：:；;。":
        k -= 1
    head = _PARENTHETICAL.sub("", text[k:pos]).strip(" ，,“”\"")
    if not head:
        return False
    if head in cues()["anaphora_park"]:
        return True
    return any(e.start == k + text[k:pos].find(head[:2]) and e.text == head for e in ctx.ents_in(k, pos, "PARK"))


def _vaguer(new: dict, old: dict) -> bool:
    return (new.get("start_month") is None and new.get("end_month") is None
            and old.get("end_month") is not None and new.get("year") == old.get("year"))


def _restates_year(new: dict, old: dict) -> bool:
    return (new.get("start_month") == 1 and new.get("end_month") == 12 and new.get("year") == old.get("year")
            and old.get("start_month") is None and old.get("end_month") is None)


def _explicit_year_since(p: Per) -> Optional[dict]:
    """``2022年以来``: an explicit year keeps its year (``今年以来`` does not)."""
    m = _YEAR_SINCE.match(p.text.strip())
    if m:
        return {"year": int(m.group(1)), "start_month": None, "end_month": None}
    return None


def _period_value(p: Per) -> Optional[dict]:
    return p.p or _explicit_year_since(p)


def _multi_year_since(ctx: DocContext, p: Per) -> bool:
    """``2019年以来`` in an article of a later year: a span of several years (the
    SPEC's period has no form for it). ``2024年以来`` in a 2024 article is this year."""
    if p.p is not None:
        return False
    m = _YEAR_SINCE.match(p.text.strip())
    if not m:
        return False
    date = _doc_date(ctx)
    return bool(date) and int(m.group(1)) < int(str(date)[:4])


def _usable_period(ctx: DocContext, p: Per) -> Optional[dict]:
    """``_period_value(p)``, or None for a modifier, a dateline or the base of a
    comparison; once per period (every later figure of its sentence asks)."""
    memo = ctx._index.setdefault("usable_period", {})
    hit = memo.get(id(p))
    if hit is None or hit[0] is not p:
        text = ctx.text
        val = None if _multi_year_since(ctx, p) else _period_value(p)
        if not val or _modifier(text, p.end) or _dateline(text, p) or _comparison(text, p) or _founding(text, p):
            val = None
        elif _DAY.search(p.text) and _RELEASE_AFTER.match(text, p.end):
            val = None  # ``3月15日，X发布的2024年年度报告显示…``: the release's day dates no figure it reports
        if val and val.get("year") is not None and not _WRITTEN_YEAR.search(p.text):
            # ``全年`` / ``1—9月`` written without a year: an explicit year stated earlier in
            # the paragraph (or the article's heading) beats the publication date
            year = _written_year_before(ctx, p.start, val.get("end_month"))
            if year is not None:
                val = dict(val, year=year)
        hit = memo[id(p)] = (p, val)
    return hit[1]


_ANNUAL_OF = re.compile(r"[\u4e00-\u9fff]")  # 年度 followed by a noun: a modifier
_THIS_YEAR_SINCE = re.compile(r"(?:今年|本年)(?:以来|来)")
_NUMERIC_YEAR = re.compile(r"(?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3}")
_WRITTEN_YEAR = re.compile(_NUMERIC_YEAR.pattern + "|今年|去年|上年|前年|明年|本年|当年")


def _written_year_before(ctx: DocContext, pos: int, end_month: Optional[int] = None) -> Optional[int]:
    """The year of the last period written with a year (``2023年``, ``去年``) before
    ``pos`` in its paragraph, else the single year of the article's heading or lead.
    A period that ends before the publication month (``1—2月`` in a March article)
    has already been completed this year: the article's year does not move it back."""
    para = ctx.paragraphs[ctx.paragraph_at(pos)] if ctx.paragraphs else None
    if para is None:
        return None
    date = _doc_date(ctx)
    now = int(str(date)[:4]) if date else None
    for p in reversed(ctx.pers_in(para.start, pos)):
        if _WRITTEN_YEAR.search(p.text):
            if now is not None and _THIS_YEAR_SINCE.match(p.text.strip()):
                return now  # ``今年以来，…上半年…``: this year, though 今年以来 itself dates nothing
            val = _usable_period(ctx, p)
            if val and val.get("start_month") not in (None, 1):
                month = int(str(date)[5:7]) if date and len(str(date)) >= 7 else None
                if now is not None and val.get("year") == now and month and (val.get("end_month") or 13) <= month:
                    # ``去年投资…建设的生产线今年5月投产，1—9月…``: an event already past this
                    # year (not one ahead: ``订单排到了今年三季度``) dates what follows to this year
                    return now
                continue  # ``去年11月，X获批…``: the date of an event, not the paragraph's year
            if val and _ANNUAL_OF.match(ctx.text, p.end) and p.text.endswith("年度"):
                continue  # ``在2020年度全省…综合评价中``: the year an evaluation is of
            if val and val.get("year") is not None and (now is None or val["year"] <= now):
                return val["year"]  # a later year (``2026年整体建成``) is a target, not this figure's year
    if end_month is not None and end_month < 12 and date and len(str(date)) >= 7 and end_month < int(str(date)[5:7]):
        return None
    article = ctx.article_at(pos)
    return (_section_year(ctx, ctx.paragraph_at(pos), article) or heading_year(ctx, article)
            or _title_year(ctx, article) or _article_year_before(ctx, para.start, article))


def _section_year(ctx: DocContext, para: int, article: int) -> Optional[int]:
    """The single year of the nearest section heading above paragraph ``para`` that names
    one (``二、2024年工作规划``: the targets below it are 2024's); headings without a year
    (``（一）主要目标``) are passed over. An interview question is the heading of its answer
    (``记者：2024年，园区的发展有哪些亮点？``: the answer's figures are 2024's)."""
    for i in range(para, -1, -1):
        p = ctx.paragraphs[i]
        if p.article != article:
            return None
        head = _joined_section_head(ctx, p)
        if head is not None:
            # ``一、2017年工作回顾`` that repair joined to the paragraph under it
            years = set(_TITLE_YEAR.findall(ctx.text, p.start, head))
            if len(years) == 1:
                return int(years.pop())
            if years:
                return None
            continue
        if i == para:
            continue
        question = is_question(ctx.text, p.start, p.end)
        if not p.heading and not question:
            continue
        years = set(_TITLE_YEAR.findall(ctx.text, p.start, p.end))
        if len(years) == 1:
            return int(years.pop())
        if years or question:
            # ``2023年总结和2024年规划``: a heading over both years dates neither; an
            # interview question without a year leaves its answer to its own time
            return None
    return None


def _joined_section_head(ctx: DocContext, p) -> Optional[int]:
    """The end of a numbered section head (a display line) that opens paragraph ``p``
    though repair joined it to the text under it, else None."""
    return None if p.heading else per_document(ctx, "joined_heads", _joined_heads).get(p.start)


def _joined_heads(ctx: DocContext) -> dict[int, int]:
    """Paragraph start -> end of the numbered section head (display line) opening it."""
    rep = ctx.repair
    if rep is None:
        return {}
    starts = {p.start: p.end for p in ctx.paragraphs}
    out: dict[int, int] = {}
    for a, b in ctx.display:
        start = rep.from_raw(a)
        if start in starts and b - a < starts[start] - start and numbered_head(rep.source, b - 1):
            out.setdefault(start, rep.from_raw(b))
    return out


def _article_year_before(ctx: DocContext, pos: int, article: int) -> Optional[int]:
    """``2023年，该区…。⏎项目建设…全年新开工…``: the year of the article's lead period
    (the period that frames its first figure), for a yearless period after it."""
    busy = ctx._index.setdefault("lead_year_busy", set())
    if article in busy:
        return None  # asked while the lead itself is being read
    busy.add(article)
    try:
        lead, _ = lead_period(ctx, article)
    finally:
        busy.discard(article)
    return lead.get("year") if lead else None


def _title_year(ctx: DocContext, article: int) -> Optional[int]:
    """The single year written in an article's first heading line (``两江新区晒出2023年“成绩单”``),
    when the subtitle lines below it name other years."""
    for p in ctx.paragraphs:
        if p.article != article:
            continue
        raw = ctx.repair.source  # the title's own line: repair may have joined the subtitle to it
        a = ctx.repair.to_raw(p.start)
        b = raw.find("\n", a)
        line = raw[a:b if b >= 0 else len(raw)]
        if "。" in line or len(line) > 40:
            return None  # a sentence, not a title
        years = set(_TITLE_YEAR.findall(line))
        return int(years.pop()) if len(years) == 1 else None
    return None


def _period_in(ctx: DocContext, start: int, pos: int, governing: bool = False) -> tuple[bool, Optional[dict]]:
    """``(found, period)`` from ``[start, pos)``: the last period, cancelled by a
    later blocker word (今年以来, 截至目前). With ``governing`` only periods that
    open a clause count and blockers are ignored."""
    text = ctx.text
    found: tuple[bool, Optional[dict]] = (False, None)
    last = start
    for p in ctx.pers_in(start, pos):
        val = _usable_period(ctx, p)
        if not val:
            if _multi_year_since(ctx, p) and (not governing or _governs(text, start, p.start)):
                # ``2019年以来，…年均增长8.7%``: a span of several years, no period
                found, last = (True, None), p.end
            continue
        if governing and not (_governs(text, start, p.start) or _park_fronted(ctx, start, p.start)
                              or _TARGET_FRAME.match(text, p.end)):
            continue
        if found[1] and _restates_year(val, found[1]):
            # ``2023年，该区…全年新签约…``: 全年 names the whole of the year already given
            found, last = (True, val), p.end
            continue
        if found[1] and _vaguer(val, found[1]):
            # ``截至11月底，…今年累计``: the bare year restates the period already given
            last = p.end
            continue
        found, last = (True, val), p.end
    if governing:
        return found
    if _vocab_alternation("completion_blockers").search(text, last, max(last, pos)):  # has_vocab(…, text[last:pos])
        # ``达产后预计年产值…``: a future state, no reporting period
        return True, None
    if not _cue_alternation("period_blockers").search(text, start, max(start, pos)):  # has_cue(…, text[start:pos])
        return found
    for b in cues()["period_blockers"]:
        k = text.rfind(b, start, pos)
        if k >= 0 and k >= last - len(b):
            if _YEAR_AT_END.search(text[max(start, k - 5):k]) and b in ("以来", "年来"):
                continue
            return True, None
    return found


def _furniture_line(ctx: DocContext, s: int, e: int) -> bool:
    """A short paragraph of page furniture (``宿迁统计信息　2023年第21期…星期三　第2版``)."""
    line = ctx.text[s:e]
    return e - s <= 80 and not line.rstrip().endswith(_SENTENCE_END) and has_cue("dateline_line_cues", line)


_NOTE_LEADS = ("注：", "注:", "说明：", "说明:", "资料来源", "数据来源")  # a table's note is no lead


def lead_period(ctx: DocContext, article: int) -> tuple[Optional[dict], Optional[str]]:
    """``(period, topic key)`` of an article's lead: the period governing the
    article's first figure, when that figure is in its first body paragraph."""
    cache = ctx.__dict__.setdefault("_lead_periods", {})
    if article in cache:
        return cache[article]
    result: tuple[Optional[dict], Optional[str]] = (None, None)
    paras = [i for i, p in enumerate(ctx.paragraphs)
             if p.article == article and not p.heading and not in_table(ctx, p.start, p.end)
             and not ctx.text.startswith(_NOTE_LEADS, p.start) and not _furniture_line(ctx, p.start, p.end)]
    if paras:
        first = ctx.paragraphs[paras[0]]
        # the lead's sentences as written: a title joined to the lead frames it
        lead_sentences = split_sentences(ctx.text, [first])
        opening = _opening_day(ctx, *lead_sentences[0][:2]) if lead_sentences else None
        if not any(not _year_like(q) for q in ctx.qtys_in(first.start, first.end)):
            # a lead without a figure (a post's header, ``喜报！上半年成绩单来了``): the lead or the
            # paragraph after it opening with a dated period frames the article (``2024年上半年，X…``)
            for para in (ctx.paragraphs[i] for i in paras[:2]):
                framing = _framing_period(ctx, para)
                if framing is not None:
                    result = (framing, para.topic.key if para.topic else None)
                    break
        for s, e, _ in lead_sentences:
            figs = [q for q in ctx.qtys_in(s, e) if not _year_like(q)]
            if not figs:
                continue
            found, period = _period_in(ctx, s, figs[0].start)
            pers = [p for p in ctx.pers_in(s, figs[0].start) if _usable_period(ctx, p)]
            if not found and opening is not None:
                # ``2月26日下午，X推介会在深圳举行。……现场签约项目18个``: the day that opens
                # the lead dates the event its later sentences count
                found, period, pers = True, _usable_period(ctx, opening), [opening]
            if found and period:
                day = bool(pers) and _DAY.search(pers[-1].text) is not None
                result = (period, first.topic.key if first.topic else None)
                if day:
                    ctx._index.setdefault("day_leads", set()).add(article)
            break
        released = _released_period(ctx, *lead_sentences[0][:2])
        if released is not None:
            # ``近日，…印发《关于2023年全省开发区…考核评价结果的通报》``: the period of the data
            # the lead announces frames the article (a release's day dates nothing)
            result = (released, None)
            ctx._index.setdefault("day_leads", set()).discard(article)
        elif result[0] is None:
            # no figure in the lead: the period in the article's title (``X经开区2023年一季度
            # 经济运行简况``) frames it
            result = (_title_period(ctx, article), None)
    cache[article] = result
    return result


def _framing_period(ctx: DocContext, para) -> Optional[dict]:
    """The period, written with its year and months, that opens a line or sentence of ``para``
    and its clause (``2024年上半年，…``; a title line joined to it by repair may come first)."""
    raw = ctx.repair.source if ctx.repair is not None else ctx.text
    for per in ctx.pers_in(para.start, para.end)[:3]:
        if _DAY.search(per.text):
            continue
        if ctx.text[para.start:per.start].strip(" \t　“\""):
            # inside the paragraph: at the start of a line or sentence, opening its clause
            before = raw[:ctx.raw(per.start, per.end)[0]].rstrip(" \t　“\"")
            if ctx.text[per.end:per.end + 1] not in "，," or (before and before[-1] not in "\n。！？!?"):
                continue
        val = _usable_period(ctx, per)
        if val and val.get("year") is not None and val.get("start_month") is not None:
            return val
    return None


_DAY_CLAUSE = re.compile(r"(?:上午|下午|晚间|晚上|早上|晚)?[，,]")


def _opening_day(ctx: DocContext, s: int, e: int):
    """The day date that opens a clause of the lead's first sentence (``2月26日下午，``;
    the title and byline lines before it may be joined to it), if any."""
    for p in ctx.pers_in(s, e):
        if _DAY.search(p.text) and _DAY_CLAUSE.match(ctx.text, p.end) and _usable_period(ctx, p):
            return p
    return None


_RELEASE = re.compile(r"(?:公布|发布|印发|通报|揭晓|公示)了?[^。；，,：:]{0,14}?$")
_RELEASED_DATA = re.compile(r"[^。；]{0,40}?(?:结果|指标|数据|名单|排名|排行|成绩单|通报|榜单)")


def _released_period(ctx: DocContext, s: int, e: int) -> Optional[dict]:
    """The period right after a release verb in the lead's first sentence ``[s, e)``, when
    what is released is data (结果/指标/名单…): ``发布2025年前三季度区县主要经济指标``."""
    for p in ctx.pers_in(s, e):
        if _DAY.search(p.text):
            continue  # the day of the release, not the period of its data
        if _RELEASE.search(ctx.text, max(s, p.start - 16), p.start) and _RELEASED_DATA.match(ctx.text, p.end, e):
            val = _period_value(p)
            if val and val.get("year") is not None:
                return val
    return None


def _title_period(ctx: DocContext, article: int) -> Optional[dict]:
    """The period of the article's title line (a heading before its first body paragraph)."""
    for i, p in enumerate(ctx.paragraphs):
        if p.article != article or _furniture_line(ctx, p.start, p.end):
            continue  # (a web page's menu line ``首页 > 政务公开 > 通知公告`` titles nothing)
        lo, hi = p.start, p.end
        block = 0
        if ctx.repair is not None and i == 0:
            raw = ctx.repair.source
            if has_cue("dateline_line_cues", raw.split("\n", 1)[0]):
                block = title_block(raw)  # (a page that opens with its menu or date line)
        if not p.heading and block:
            # a web page's menu, title and date lines that repair joined to the lead: the
            # title block of the raw text
            hi = min(hi, ctx.repair.from_raw(block))
        elif not p.heading:
            # a title that layout repair joined to the lead: the first sentence, cut at the
            # end of the display line, ends no sentence
            first = ctx.sentences_of(i)
            if not first or ctx.text[first[0][1] - 1] in "。！？!?":
                return None
            lo, hi = first[0][0], first[0][1]
        for per in ctx.pers_in(lo, hi):
            if _DAY.search(per.text) or _on_stamp_line(ctx.text, per):
                continue  # a page header's date (``2023年11月29日　星期三``) titles nothing
            val = _period_value(per)
            if val and val.get("year") is not None and val.get("start_month") is not None:
                return val
        if not p.heading:
            return None
    return None


_RELEASE_AFTER = re.compile(r"(?:[上下]午|晚间?|早间?)?[，,]?[^，,。；;]{0,24}?(?:发布|公布|披露|出炉|印发)的?[^，,。；;]{0,24}?(?:报告|年报|半年报|季报|公报|快报|数据|通报|榜单|名单)")
_DAY = re.compile(r"\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,3}[日号]")


def _year_like(q) -> bool:
    return q.q.get("unit") == "other:年" and (q.q.get("value") or 0) > 1900


def sentence_period(ctx: DocContext, pos: int, sent_start: int) -> bool:
    """Whether the figure's own sentence states its period (rule 1 below)."""
    return _period_in(ctx, sent_start, pos)[0]


def period_for(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """The period of a figure (see the rule above)."""
    if _PRESENT_BEFORE.search(ctx.text, max(sent_start, pos - 6), pos):
        return None  # ``从最初的800多人增加到现在的6300多人``: the figure now, no period (SPEC 10)
    found, period = _period_in(ctx, sent_start, pos)
    if found:
        report = (_report_period(ctx, pos, sent_start)
                  if period and _cue_alternation("report_year_words").search(ctx.text, sent_start, pos) else None)
        if report is not None:
            return report  # ``公司全年实现…`` in a 2023年年度报告: the report's year
        if period and period.get("year") is None and period.get("end_month") is not None:
            # ``截至2022年10月底…；预计全年…``: a yearless period takes the year of its context
            year = _context_year(ctx, pos, sent_start)
            if year is not None:
                period = dict(period, year=year)
        return _with_heading_year(ctx, pos, period)
    report = _report_period(ctx, pos, sent_start)
    if report is not None:
        return report
    event = _event_period(ctx, pos, sent_start)
    if event is not None:
        return event
    that_year = _that_year(ctx, pos, sent_start)
    if that_year is not None:
        return that_year
    # rules 2-4 depend on the paragraph and the sentence only, not on ``pos``
    para = ctx.paragraph_at(pos)
    memo = ctx._index.setdefault("carried_period", {})
    key = (para, sent_start)
    if key not in memo:
        memo[key] = _with_heading_year(ctx, pos, _carried_period(ctx, pos, sent_start))
    return memo[key]


def _report_period(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """``报告期内，公司实现营业收入…``: the period of the report the article reads, named in
    it (``2023年年度报告``: the year; ``半年度报告``: 1-6); ``截至报告期末``: cumulative to
    the report's end (``report_*`` in ``patterns/relations.json``)."""
    text = ctx.text
    c = cues()
    cue = rx.search(c["report_period_cue_re"], text, sent_start, pos)
    if cue is None:
        return None
    named = ctx._index.get("report_named")
    if named is None:
        m = rx.search(c["report_named_re"], text)
        named = ctx._index["report_named"] = (int(m.group(1)), m.group(0)[len(m.group(1)) + 1:]) if m else False
    if not named:
        return None
    year, kind = named
    start, end = c["report_kinds"].get(kind, [None, None])
    words = c["report_year_words"]
    if cue.group(0) in words:
        if start is not None or end is not None:
            return None  # a half-year or quarterly report's 全年 is the year ahead, not the report's
        start, end = words[cue.group(0)]
        return {"year": year, "start_month": start, "end_month": end}
    if cue.group(0).startswith(("截至", "截止")) and cue.group(0).endswith("末"):
        return {"year": year, "start_month": 1, "end_month": end or 12}
    return {"year": year, "start_month": start, "end_month": end}


_THAT_YEAR = re.compile(r"当年(?!度)")
_PRESENT_BEFORE = re.compile(r"(?:现在|目前|如今|眼下)的?(?:[约近超逾]|超过)?$")


def _that_year(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """``2022年5月，一期投产。当年我们就做到了约90亿元的产值``: 当年 (that year) before a
    figure dates it by the year of the last period written with a year in its paragraph
    before it, the whole year (not that period's months)."""
    text = ctx.text
    if _THAT_YEAR.search(text, sent_start, pos) is None:
        return None
    para = ctx.paragraphs[ctx.paragraph_at(pos)] if ctx.paragraphs else None
    lo = para.start if para is not None else 0
    for p in reversed(ctx.pers_in(lo, sent_start)):
        val = _usable_period(ctx, p)  # not the base of a comparison (``比2005年增长…``)
        if val and val.get("year") is not None and _NUMERIC_YEAR.search(p.text):
            return {"year": val["year"], "start_month": None, "end_month": None}
    return None


_EVENT_AFTER = re.compile(r"[\d.]*[个家项][^，,。；;]{0,16}?(?:集中|现场)(?:签约|开工|开复工|竣工|投产)")


def _event_period(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """``本次集中开工项目共52个`` / ``当天现场签约项目29个``: a figure of the event the article
    reports (an event word before it in its clause) is dated by the event's month: the
    last day date of the article before it, else the publication date's month."""
    text = ctx.text
    if (_event_re().search(text, sent_start, pos) is None and _EVENT_AFTER.match(text, pos, pos + 32) is None
            and not _event_stage(ctx, pos, sent_start)):
        return None  # (``9个…项目集中签约``: the event's verb may follow the count it counts)
    if _vocab_alternation("completion_blockers").search(text, sent_start, pos) or _rank_frame(text, sent_start, pos):
        return None  # what the projects will do once built; a ranking's year
    date = _doc_date(ctx)
    if not date:
        return None
    year, month = int(str(date)[:4]), int(str(date)[5:7])
    article = ctx.article_at(pos)
    for p in reversed(ctx.pers_in(0, sent_start)):
        if ctx.article_at(p.start) != article:
            break
        if _DAY.search(p.text) and p.p and p.p.get("start_month") and p.p.get("start_month") == p.p.get("end_month"):
            month = p.p["start_month"]
            break
    return {"year": year, "start_month": month, "end_month": month}


def _event_stage(ctx: DocContext, pos: int, sent_start: int) -> bool:
    """``滨州经开区开工项目11个，总投资103亿元``: in an article leading with a single-day
    event (``集中开工`` in its first four paragraphs), projects at the event's stage with no
    qualifier of their own (``event_stage_re``: not 新签约, 累计, 已) in a paragraph that
    dates nothing before them are the event's."""
    c = cues()
    if rx.search(c["event_stage_re"], ctx.text, sent_start, pos) is None:
        return False
    para = ctx.paragraphs[ctx.paragraph_at(pos)] if ctx.paragraphs else None
    if para is not None and ctx.pers_in(para.start, pos) and not ctx.ents_in(sent_start, pos, "PARK"):
        # ``去年，…共签约项目52个；开工项目46个``: a sentence going on with the subject of a
        # dated one before it in the paragraph keeps that date (one naming its park starts anew)
        return False
    article = ctx.article_at(pos)
    events = ctx._index.get("event_articles")
    if events is None:
        # the event the article leads with: named in its first four paragraphs (title, lead)
        lead = {}
        for i, p in enumerate(ctx.paragraphs):
            lead.setdefault(p.article, []).append(i)
        events = ctx._index["event_articles"] = {
            a for a, idx in lead.items()
            if any(rx.search(c["event_article_re"], ctx.text, ctx.paragraphs[i].start, ctx.paragraphs[i].end) for i in idx[:4])}
    return article in events


@lru_cache(maxsize=1)
def _event_re() -> "re.Pattern[str]":
    return re.compile(cues()["event_figure_re"])


def _rank_frame(text: str, s: int, pos: int) -> bool:
    return _cue_alternation("rank_frame_words").search(text, s, pos) is not None


def _carried_period(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """Rules 2-4: the period carried to a figure whose own sentence states none."""
    text = ctx.text
    para = ctx.paragraph_at(pos)
    article = ctx.paragraphs[para].article
    lead, key = lead_period(ctx, article)
    topic = ctx.paragraphs[para].topic
    lead_applies = lead is not None and (key is None or (topic is not None and topic.key == key))
    if lead is not None and not lead_applies and ctx.paragraphs[-1].article == 0:
        # one article: its lead frames every park it covers, not what someone says
        p_start = ctx.paragraphs[para].start
        lead_applies = ctx.text.count("“", p_start, pos) <= ctx.text.count("”", p_start, pos)
    if lead_applies and article in ctx._index.get("day_leads", ()) and not _cue_alternation("event_cue_words").search(text, sent_start, ctx.sentence_at(sent_start)[1]):
        # ``8月27日上午，…封关运作``: an event's day dates the event's own figures
        # (此次/现场/集中签约…), not the zone's standing facts (规划面积…); the
        # paragraph's own period carries instead
        lead_applies = False
    full_start = _full_sentence_start(text, ctx.paragraphs[para].start, sent_start)
    for s, e, _ in reversed(ctx.sentences_of(para)):
        if s >= sent_start:
            continue
        found, period = _sentence_period(ctx, s, e)
        if s < full_start and lead_applies:
            # a period fronted in an earlier full sentence is local to it when the
            # article has a frame period of its own: the frame comes back, unless the
            # period is the whole of the frame's year (``2023年，…。全年全区实现…。其中，…``)
            if found and period and lead and _restates_year(period, lead):
                return period
            if found or _governing_blocker(ctx, s, e):
                break
            continue
        if found:
            return _enclosing_period(ctx, para, s, period) or period
        if _governing_blocker(ctx, s, e):
            # ``截至目前，…。``: a sentence opened by a present-time frame ends the carry-over
            return None
    first = ctx.sentences_of(para)
    if para > 0 and first and _SAME_PERIOD.match(text, first[0][0]) and ctx.paragraphs[para - 1].article == article:
        # ``同期，全市…。高新区工业总产值约占全市的6.2%``: the period of the paragraph before
        prev = ctx.sentences_of(para - 1)
        if prev:
            s, e, _ = prev[-1]
            found, period = _sentence_period(ctx, s, e)
            if found:
                return period
            return _carried_period(ctx, max(s, e - 1), s)
    if para > 0 and first and ctx.paragraphs[para - 1].article == article and (
            _LIST_ITEM.match(text, ctx.paragraphs[para].start)
            or text[ctx.paragraphs[para - 1].start:ctx.paragraphs[para - 1].end].rstrip().endswith(_LIST_INTRO_ENDS)):
        # ``这个增速——⏎● 比全国高3.6个百分点``: a list item (or a paragraph a colon or a dash
        # introduces) goes on with the paragraph before it and keeps its period
        prev = ctx.sentences_of(para - 1)
        for s, e, _ in reversed(prev):  # the last period stated in that paragraph
            found, period = _sentence_period(ctx, s, e)
            if found:
                return period
        if prev:
            s, e, _ = prev[0]
            return _carried_period(ctx, max(s, e - 1), s)
    section = _section_year(ctx, para, article)
    if section is not None and (lead is None or lead.get("year") != section):
        # ``二、2024年工作规划``: below a section heading of another year the lead's period
        # does not reach; the section's year does
        return {"year": section, "start_month": None, "end_month": None}
    return lead if lead_applies else None


_LIST_ITEM = re.compile(r"[ \u3000]*[●■◆▪•▶►◇○◎]")
_LIST_INTRO_ENDS = ("：", ":", "——")


def _enclosing_period(ctx: DocContext, para: int, s: int, period: Optional[dict]) -> Optional[dict]:
    """``前三季度，园区实现…；三季度单季完成…。园区完成…``: a narrower period fronted after a ；
    is local to its clause: a later sentence takes the full sentence's wider opening period."""
    if not period or period.get("start_month") is None:
        return None
    full = _full_sentence_start(ctx.text, ctx.paragraphs[para].start, s)
    for s2, e2, _ in ctx.sentences_of(para):
        if s2 >= s:
            break
        if s2 < full:
            continue
        found, wide = _sentence_period(ctx, s2, e2)
        if (found and wide and wide.get("year") == period.get("year") and wide.get("start_month") is not None
                and wide["start_month"] <= period["start_month"] and period["end_month"] <= wide["end_month"]
                and wide != period):
            return wide
    return None


def _sentence_period(ctx: DocContext, s: int, e: int) -> tuple[bool, Optional[dict]]:
    """``_period_in(ctx, s, e, governing=True)`` of a whole sentence, memoized per
    document (every later figure of the paragraph asks again)."""
    return per_document(ctx, "sentence_period", _period_in, s, e, True)


def _full_sentence_start(text: str, para_start: int, pos: int) -> int:
    """Start of the full sentence (ended by 。！？, not by ；) containing ``pos``."""
    return after_last(text, "。！？!?", para_start, pos)


def _governing_blocker(ctx: DocContext, s: int, e: int) -> bool:
    return per_document(ctx, "governing_blocker", _find_governing_blocker, s, e)  # per sentence


def _find_governing_blocker(ctx: DocContext, s: int, e: int) -> bool:
    text = ctx.text
    for b in vocab()["governing_blockers"]:
        k = text.find(b, s, e)
        if k >= 0 and _governs(text, s, k):
            return True
    return False


def _context_year(ctx: DocContext, pos: int, sent_start: int) -> Optional[int]:
    """The explicit year of the period governing the context of ``pos``."""
    para = ctx.paragraph_at(pos)
    memo = ctx._index.setdefault("context_year", {})  # depends on the paragraph and sentence only
    key = (para, sent_start)
    if key not in memo:
        k = _full_sentence_start(ctx.text, ctx.paragraphs[para].start, sent_start)
        found, period = _period_in(ctx, k, sent_start, governing=True)
        memo[key] = period.get("year") if found and period else None
    return memo[key]


def _with_heading_year(ctx: DocContext, pos: int, period: Optional[dict]) -> Optional[dict]:
    """Without a document date, a yearless period (``10月18日``) takes the one year
    printed in its article's heading (``2024年XX高新区招商大会举行``)."""
    if not period or period.get("year") is not None:
        return period
    date = _doc_date(ctx)
    if date:
        return period
    year = heading_year(ctx, ctx.article_at(pos))
    return dict(period, year=year) if year is not None else period


_UNSET = object()


def _doc_date(ctx: DocContext) -> Optional[str]:
    """The document's date (``YYYY-MM-DD`` or None), read once per document (extension
    lookups are slow)."""
    date = ctx._index.get("doc_date", _UNSET)
    if date is _UNSET:
        date = ctx._index["doc_date"] = ctx.doc._.date
    return date


def heading_year(ctx: DocContext, article: int) -> Optional[int]:
    """The single explicit year in the heading lines that open an article."""
    cache = ctx.__dict__.setdefault("_heading_years", {})
    if article in cache:
        return cache[article]
    years: set[int] = set()
    for p in ctx.paragraphs:
        if p.article != article:
            continue
        line = ctx.text[p.start:p.end]
        if not p.heading:
            # a heading the layout joined to its byline (``…交流会举行科技日报讯（…）``)
            k = min([i for i in (line.find(m) for m in cues()["byline_markers"]) if i >= 0] or [-1])
            line = line[:k] if k > 0 else ""
        for m in _HEADING_YEAR.finditer(line):
            years.add(int(m.group(1)))
        if not p.heading:
            break
    result = years.pop() if len(years) == 1 else None
    cache[article] = result
    return result


_EVALUATION_YEAR = re.compile(r"(?P<range>(?:19|20)\d{2}(?:年度?)?[至到—\-～~])?((?:19|20)\d{2})年度?[^。；;！？]{0,40}?(?:考核评价|综合评价|考评|考核|评价|评估|排名|排行|榜单)(?:结果)?")


def evaluation_period(ctx: DocContext, article: int) -> Optional[dict]:
    """The period of the evaluation an article announces in its first paragraphs
    (``公布2024年国家级经开区综合发展水平考核评价结果``, ``对2021年度…考评结果进行公示``):
    the period of the ranks it reports; a part of the year written right after the year is
    part of it (``2025年一季度全市产业园区综合考评``: the first quarter of 2025)."""
    cache = ctx.__dict__.setdefault("_evaluation_periods", {})
    if article not in cache:
        period = None
        paras = [p for p in ctx.paragraphs if p.article == article][:6]
        for p in paras:
            m = _EVALUATION_YEAR.search(ctx.text, p.start, p.end)
            if m is not None:
                # ``2021至2022年…考评``: a round of several years has no single year
                if not m.group("range"):
                    year = int(m.group(2))
                    period = {"year": year, "start_month": None, "end_month": None}
                    part = next((x for x in ctx.pers_in(m.start(2), m.end()) if x.start <= m.end(2) + 1), None)
                    val = _period_value(part) if part is not None else None
                    if val and val.get("year") in (None, year) and val.get("start_month") is not None:
                        period = dict(period, start_month=val["start_month"], end_month=val["end_month"])
                break
        cache[article] = period
    return cache[article]

