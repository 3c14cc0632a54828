"""Metric facts (SPEC 4, 7, 10): every reported figure with subject, indicator,
scope, period, value, year-on-year change and share.

A sentence is read clause by clause. A figure whose clause names an indicator
(or a subject) opens a metric; a bare change (``同比增长17%``) or share
(``占…的41.6%``) joins the metric opened before it in the same sentence;
``分别`` spreads a list of figures over a list of scopes.
"""
from __future__ import annotations

from typing import Optional

from ..models import MetricFact, Period, Quantity
from .context import DocContext, Ent, Qty, cues
from .indicators import find_indicator, strip_words, vocab
from .subjects import period_for, subject_for

ROLE_VALUE, ROLE_YOY, ROLE_SHARE = "value", "yoy", "share"


def metric_facts(ctx: DocContext) -> list[MetricFact]:
    """All metric facts of the document, in text order."""
    out: list[MetricFact] = []
    for s, e, _ in ctx.sentences:
        out.extend(_sentence_metrics(ctx, s, e))
    return out


def _clause_start(text: str, start: int, pos: int) -> int:
    ends = set(cues()["clause_end"]) - {"、"}
    i = pos
    while i > start and text[i - 1] not in ends:
        i -= 1
    return i


def _clause_end(text: str, pos: int, end: int) -> int:
    ends = set(cues()["clause_end"]) - {"、"}
    i = pos
    while i < end and text[i] not in ends:
        i += 1
    return i


def _skip(ctx: DocContext, q: Qty, s: int, e: int) -> bool:
    """Figures that are not metrics: inside names, years, project names, dates."""
    text = ctx.text
    if ctx.ent_at(q.start) is not None:
        return True
    if any(p.start <= q.start < p.end or q.start <= p.start < q.end for p in ctx.pers):
        return True
    unit = q.q.get("unit", "")
    if unit == "other:年" and (q.q.get("value") or 0) > 1900:
        return True
    tail = text[q.end:_clause_end(text, q.end, e)]
    for suf in cues()["project_suffixes"]:
        k = tail.find(suf)
        if 0 <= k and "，" not in tail[:k] and ("年产" in text[max(s, q.start - 3):q.start] or unit in ("W", "t")):
            return True
    if unit == "rank" and not any(w in text[max(s, q.start - 12):q.start] for w in ("位", "居", "列", "排", "名")):
        return True
    return False


def _role(pre: str, q: Qty) -> str:
    """Whether a figure is a change, a share or a plain value, from the words before it."""
    unit = q.q.get("unit")
    if unit != "%":
        return ROLE_VALUE
    c = cues()
    window = pre[-14:]
    if any(w in window for w in c["share_cues"]) or any(w in window for w in c["share_target_cues"]):
        return ROLE_SHARE
    if any(w in window for w in c["yoy_cues"]):
        return ROLE_YOY
    return ROLE_VALUE


def _signed_yoy(pre: str, value: float) -> float:
    window = pre[-8:]
    return -abs(value) if any(w in window for w in cues()["yoy_negative"]) else value


def _phrase(ctx: DocContext, start: int, end: int) -> str:
    """The indicator words between ``start`` and a figure at ``end``."""
    text = ctx.text
    # drop names, anaphora and periods in front
    cut = start
    for ent in ctx.ents_in(start, end):
        cut = max(cut, ent.end)
    for p in ctx.pers:
        if start <= p.start and p.end <= end:
            cut = max(cut, p.end)
    phrase = text[cut:end]
    for a in sorted(cues()["anaphora_park"] + cues()["anaphora_company"], key=len, reverse=True):
        if phrase.startswith(a):
            phrase = phrase[len(a):]
            break
    return strip_words(phrase.strip(), vocab()["value_verbs"] + vocab()["scope_strip"])


def _before_share(phrase: str) -> str:
    """The part of a share phrase before its 占 (the numerator's words)."""
    k = phrase.find("占")
    return phrase[:k] if k >= 0 else phrase


def _indicator(phrase: str, after: str, q: Qty) -> tuple[str, Optional[str], Optional[str]]:
    """``(indicator id, indicator_text, scope)`` for a figure."""
    hit = find_indicator(phrase)
    if hit is not None:
        ind, i, j = hit
        scope = strip_words(phrase[:i], vocab()["scope_strip"] + vocab()["value_verbs"]) or None
        return ind, phrase[: j] or None, scope
    if q.q.get("unit") == "count":
        nouns = vocab()["enterprise_nouns"]
        if q.q.get("classifier") == "家" and (any(after.startswith(n) for n in nouns) or any(phrase.endswith(n) for n in nouns)):
            return "enterprise_count", phrase or after[:2], None
        hit = find_indicator(after)
        if hit is not None and hit[1] <= 6:
            return hit[0], after[: hit[2]], after[: hit[1]] or None
    return "other", phrase or after or None, None


def _new(subject: Ent, ind: tuple[str, Optional[str], Optional[str]], period: Optional[dict], ev: tuple[int, int]) -> MetricFact:
    return MetricFact(
        subject=subject.text,
        indicator=ind[0],
        indicator_text=ind[1],
        scope=ind[2],
        period=Period(**period) if period else None,
        evidence=ev,
    )


def _set(m: MetricFact, role: str, q: Qty, pre: str) -> bool:
    """Put figure ``q`` into ``m`` in ``role``; False when that slot is taken."""
    if role == ROLE_YOY:
        if m.yoy_pct is not None:
            return False
        m.yoy_pct = _signed_yoy(pre, float(q.q["value"]))
    elif role == ROLE_SHARE:
        if m.share_pct is not None:
            return False
        m.share_pct = float(q.q["value"])
    else:
        if m.value is not None:
            return False
        m.value = Quantity(**q.q)
    return True


def _sentence_metrics(ctx: DocContext, s: int, e: int) -> list[MetricFact]:
    text = ctx.text
    qtys = [q for q in ctx.qtys if s <= q.start and q.end <= e and not _skip(ctx, q, s, e)]
    out: list[MetricFact] = []
    open_m: Optional[MetricFact] = None
    prev_end = s
    distribute: list[str] = []
    for q in qtys:
        cs = _clause_start(text, s, q.start)
        ce = _clause_end(text, q.end, e)
        start = max(cs, prev_end)
        pre = text[start:q.start]
        role = _role(text[cs:q.start], q)
        phrase = _phrase(ctx, start, q.start)
        if role == ROLE_SHARE:
            phrase = _before_share(phrase)
        if role == ROLE_YOY:
            phrase = _strip_yoy(phrase)
        after = text[q.end:ce]
        subject = subject_for(ctx, q.start, s)
        if subject is None:
            prev_end = q.end
            continue
        ev = ctx.raw(cs, ce)
        if "分别" in text[cs:q.start] and open_m is not None and distribute:
            scope = distribute.pop(0)
            m = open_m.model_copy(deep=True)
            m.scope, m.value, m.yoy_pct, m.share_pct, m.evidence = scope, None, None, None, ev
            _set(m, role, q, pre)
            out.append(m)
            prev_end = q.end
            continue
        attach = role != ROLE_VALUE and open_m is not None and not phrase and open_m.subject == subject.text
        if attach and _set(open_m, role, q, pre):
            prev_end = q.end
            continue
        ind = _indicator(phrase, after, q)
        m = _new(subject, ind, period_for(ctx, q.start, s), ev)
        _set(m, role, q, pre)
        if "分别" in text[cs:q.start] and m.scope:
            items = [x for x in _split_list(m.scope) if x]
            if len(items) > 1:
                m.scope = items[0]
                distribute = items[1:]
        out.append(m)
        open_m = m
        prev_end = q.end
    return out


def _strip_yoy(phrase: str) -> str:
    for w in sorted(cues()["yoy_cues"], key=len, reverse=True):
        k = phrase.find(w)
        if k >= 0:
            phrase = phrase[:k]
    return strip_words(phrase, vocab()["value_verbs"] + vocab()["scope_strip"] + ["同比", "较上年", "较上年度", "比上年"])


def _split_list(scope: str) -> list[str]:
    for sep in ("、", "和", "及"):
        scope = scope.replace(sep, "|")
    return [x.strip() for x in scope.split("|")]
