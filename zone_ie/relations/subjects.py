"""Who and when a figure is about: subject and period, carried over from the
governing sentence, paragraph or article when the sentence does not say."""
from __future__ import annotations

import re
from typing import Optional

from .context import DocContext, Ent, Per, cues, resolve_anaphor

_OBJECT_MARKERS = "与和向对为及跟同给把被、"


def _candidates(ctx: DocContext, start: int, end: int) -> list[Ent]:
    """Mentions that can be a sentence's subject: not inside brackets, not list
    members (``A、B等``), not objects of a preposition."""
    text = ctx.text
    out = []
    for ent in ctx.ents_in(start, end):
        before = text[max(start, ent.start - 1):ent.start]
        after = text[ent.end:ent.end + 1]
        if before and before in "（(":
            continue
        if after in ("等", "、") or (before and before in _OBJECT_MARKERS):
            continue
        if not _clause_initial(ctx, ent, start):
            continue
        out.append(ent)
    return out


def _clause_initial(ctx: DocContext, ent: Ent, start: int) -> bool:
    """False for a mention in object position: right after a verb of acting on
    something (``重点实施了X项目``, ``带领X考察团``); such a mention is not the
    subject of the figures that follow."""
    text = ctx.text
    head = text[max(start, ent.start - 6):ent.start]
    return not any(head.endswith(v) for v in cues()["object_verbs"])


def _chain_head(ctx: DocContext, ents: list[Ent], first: Ent) -> Ent:
    """The last of adjacent mentions (``园区A公司B`` -> B)."""
    head = first
    for ent in ents:
        if ent.start > head.start and ent.start - head.end <= 0:
            head = ent
    return head


def explicit_subject(ctx: DocContext, start: int, pos: int) -> Optional[Ent]:
    """The subject named in ``[start, pos)``: an anaphor before any name gives
    the topic park, else the first (chain of) mention(s)."""
    text = ctx.text
    cands = _candidates(ctx, start, pos)
    first_pos = cands[0].start if cands else pos
    head_text = text[start:first_pos]
    for a in sorted(cues()["anaphora_park"], key=len, reverse=True):
        k = head_text.find(a)
        if k >= 0 and (k == 0 or not _part_of_name(ctx, start + k)):
            return resolve_anaphor(ctx, a, start + k)
    if not cands:
        return None
    return _chain_head(ctx, cands, cands[0])


def _part_of_name(ctx: DocContext, pos: int) -> bool:
    return ctx.ent_at(pos) is not None


def subject_for(ctx: DocContext, pos: int, sent_start: int) -> Optional[Ent]:
    """The subject of a figure at ``pos`` in the sentence starting at ``sent_start``."""
    subj = explicit_subject(ctx, sent_start, pos)
    if subj is not None:
        return subj
    para = ctx.paragraph_at(pos)
    for s, e, p in reversed(ctx.sentences):
        if p != para or s >= sent_start:
            continue
        subj = explicit_subject(ctx, s, e)
        if subj is not None:
            return subj
    return ctx.topic_at(pos)


# ---------------------------------------------------------------- periods
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
#   4. else no period. A dateline (``5月18日，记者从…获悉``) is never a period,
#      and blockers in earlier sentences do not cancel a carried period.


def _modifier(text: str, end: int) -> bool:
    """A period used as a modifier (全年的, 全年目标), not as the time of a figure."""
    return text[end:end + 1] == "的" or text[end:end + 2] in ("目标", "任务", "计划")


def _dateline(text: str, p: Per) -> bool:
    """``5月18日，科技日报记者从…获悉``: the report date, not the time of a fact."""
    after = text[p.end:p.end + 14]
    return any(w in after for w in cues()["dateline_cues"])


def _governs(text: str, sent_start: int, pos: int) -> bool:
    """A period that opens its clause (``1—8月，…``) governs what follows."""
    k = pos
    while k > sent_start and text[k - 1] not in "，,：:；;。":
        k -= 1
    head = text[k:pos]
    for w in sorted(cues()["period_lead_words"], key=len, reverse=True):
        head = head.replace(w, "")
    return len(head.strip(" ，,：:“”")) <= 1


def _explicit_year_since(p: Per) -> Optional[dict]:
    """``2022年以来``: an explicit year keeps its year (``今年以来`` does not)."""
    m = re.match(r"^(?:自|从)?((?:19|20)\d\d)年(?:以来|来)$", p.text.strip())
    if m:
        return {"year": int(m.group(1)), "start_month": None, "end_month": None}
    return None


def _period_value(p: Per) -> Optional[dict]:
    return p.p or _explicit_year_since(p)


def _period_in(ctx: DocContext, start: int, pos: int, governing: bool = False) -> tuple[bool, Optional[dict]]:
    """``(found, period)`` from ``[start, pos)``: the last period, cancelled by a
    later blocker word (今年以来, 截至目前). With ``governing`` only periods that
    open a clause count and blockers are ignored."""
    text = ctx.text
    found: tuple[bool, Optional[dict]] = (False, None)
    last = start
    for p in ctx.pers:
        if not (start <= p.start and p.end <= pos):
            continue
        val = _period_value(p)
        if not val or _modifier(text, p.end) or _dateline(text, p):
            continue
        if governing and not _governs(text, start, p.start):
            continue
        found, last = (True, val), p.end
    if governing:
        return found
    for b in cues()["period_blockers"]:
        k = text.rfind(b, start, pos)
        if k >= 0 and k >= last - len(b):
            if re.search(r"(?:19|20)\d\d年$", text[max(start, k - 5):k]) and b in ("以来", "年来"):
                continue
            return True, None
    return found


def lead_period(ctx: DocContext, article: int) -> tuple[Optional[dict], Optional[str]]:
    """``(period, topic key)`` of an article's lead: the period governing the
    article's first figure, when that figure is in its first body paragraph."""
    cache = ctx.__dict__.setdefault("_lead_periods", {})
    if article in cache:
        return cache[article]
    result: tuple[Optional[dict], Optional[str]] = (None, None)
    paras = [i for i, p in enumerate(ctx.paragraphs) if p.article == article and not p.heading]
    if paras:
        first = ctx.paragraphs[paras[0]]
        for s, e, pi in ctx.sentences:
            if pi != paras[0]:
                continue
            figs = [q for q in ctx.qtys if s <= q.start and q.end <= e and not _year_like(q)]
            if not figs:
                continue
            found, period = _period_in(ctx, s, figs[0].start)
            if found and period:
                result = (period, first.topic.key if first.topic else None)
            break
    cache[article] = result
    return result


def _year_like(q) -> bool:
    return q.q.get("unit") == "other:年" and (q.q.get("value") or 0) > 1900


def period_for(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """The period of a figure (see the rule above)."""
    found, period = _period_in(ctx, sent_start, pos)
    if found:
        return period
    para = ctx.paragraph_at(pos)
    for s, e, p in reversed(ctx.sentences):
        if s >= sent_start or p != para:
            continue
        found, period = _period_in(ctx, s, e, governing=True)
        if found:
            return period
    article = ctx.paragraphs[para].article
    lead, key = lead_period(ctx, article)
    topic = ctx.paragraphs[para].topic
    if lead is not None and (key is None or (topic is not None and topic.key == key)):
        return lead
    return None
