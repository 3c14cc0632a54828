"""Scopes of metric facts settled beyond the clause (SPEC 4: the scope says of what):
a paragraph's sector frame (``在生物医药领域，…``), a count's or an ``other`` figure's
own noun, a ranking's name, a sector inheriting the indicator of the figure before it,
key-project counts, and figures a project will reach once built, scoped by that project."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..models import MetricFact
from .context import DocContext
from .indicators import has_vocab, strip_words, vocab

_WORDY = re.compile(r"[\u4e00-\u9fffA-Za-z]")


def settle_scopes(ctx: DocContext, found: list[MetricFact], para: int, before: list[MetricFact]) -> list[MetricFact]:
    """The metrics of one sentence (``found``, in paragraph ``para``) with their scopes
    settled beyond the clause, less those that name nothing (``before``: the document's
    metrics so far, for sector inheritance)."""
    frame = _sector_frame(ctx, para)
    for m in found:
        if frame and m.scope is None and m.value is not None and m.value.unit in ("CNY", "count"):
            m.scope = frame
        _key_projects(ctx, m)
        if m.scope is not None and (not _WORDY.search(m.scope) or not strip_words(m.scope, _scope_words("scope_frame_words"))):
            m.scope = None  # (``本次签约项目12个``: a frame word is no scope; the count's noun is)
        if m.scope is None and m.indicator_text and (
                m.indicator == "other" or (m.value is not None and m.value.unit == "count")):
            # a count scopes what it counts (``新引进项目19个`` -> 新引进项目), an ``other`` figure
            # what it measures (SPEC 4: the scope says of what)
            counted = _strip_value_words(m.indicator_text.strip("“”\"'：:；;，,。 "))
            m.scope = counted if counted and _WORDY.search(counted) else None
    for prev, m in zip(found, found[1:]):
        if (m.scope is None and m.indicator in vocab()["project_sum_ids"] and prev.scope
                and prev.subject == m.subject and prev.value is not None and prev.value.unit == "count"
                and (prev.indicator in vocab()["project_count_ids"]
                     or prev.scope.endswith(_scope_words("project_count_nouns")))):
            # ``新签约亿元以上项目14个，协议投资额96.3亿元``: the group's sum has the group's scope
            m.scope = prev.scope
    # a figure whose indicator words are only punctuation (``。``, ``；``) says
    # nothing an analyst can cite: no metric
    kept: list[MetricFact] = []
    for m in found:
        if (m.value is not None and m.value.unit == "other:分"
                and not _WORDY.search((m.indicator_text or "").replace("以", ""))):
            # ``X园以96.42分位居全省第一``: the score of the evaluation the sentence reports
            m.indicator_text, m.scope = vocab()["score_indicator_text"], None
        if m.value is not None and m.value.unit == "rank" and not (m.indicator_text and _WORDY.search(m.indicator_text)):
            # ``青枫高新区位列第53位``: a place in a ranking is a figure of its own, named
            # by the ranking word even when the sentence names no measure
            m.indicator_text, m.scope = vocab()["rank_indicator_text"], None
        if m.indicator != "other" or (m.indicator_text and _WORDY.search(m.indicator_text)):
            _inherit_sector(m, before + kept, para, ctx)
            if m.scope is not None:
                m.scope = tidy_scope(m.scope, m.indicator_text)
            kept.append(m)
    return kept


_CLAUSE_MARK = re.compile(r"[，,；;。：:！？]")


@lru_cache(maxsize=None)
def _scope_words(key: str) -> tuple[str, ...]:
    return tuple(sorted(vocab()[key], key=len, reverse=True))


def _tidy_fast(scope: str) -> bool:
    """Whether ``scope`` is already a clean noun phrase: no clause mark, quote, debris head,
    cut verb or sum tail, and not the tail of a noun that 新 begins."""
    return (len(scope) >= 2 and _tidy_needed_re().search(scope) is None and not scope.startswith(_scope_words("scope_debris_heads"))
            and not scope.endswith(_scope_words("scope_sum_tails")) and not scope.startswith(_scope_words("scope_sum_tails"))
            and not scope.startswith(_NEW_TAILS()))


@lru_cache(maxsize=1)
def _tidy_needed_re() -> "re.Pattern[str]":
    return re.compile("[，,；;。：:！？“”\"'‘’「」]|" + "|".join(map(re.escape, _scope_words("scope_cut_verbs"))))


@lru_cache(maxsize=1)
def _NEW_TAILS() -> tuple[str, ...]:
    """The words 新 begins, without it (``一代``, ``能源``): a scope starting so lost its 新."""
    return tuple(w[1:] for w in vocab()["scope_new_nouns"])


@lru_cache(maxsize=1)
def _scope_cut_re() -> "re.Pattern[str]":
    """The last verb of ``scope_cut_verbs`` in a scope (greedy lead: the rightmost one)."""
    return re.compile(".*(?:" + "|".join(map(re.escape, _scope_words("scope_cut_verbs"))) + ")")


def tidy_scope(scope: str, indicator_text: Optional[str] = None) -> Optional[str]:
    """A scope as a noun phrase (``patterns/indicators.json`` ``_scope_tidy_doc``), or
    None when nothing wordy is left."""
    if _tidy_fast(scope):
        return scope  # nothing to tidy (most scopes)
    v = vocab()
    marks = list(_CLAUSE_MARK.finditer(scope))
    if marks:
        scope = scope[marks[-1].end():]  # ``、超10亿元的13家；`` -> nothing; ``…；A`` -> A
    scope = strip_words(scope, v["scope_sum_tails"]).lstrip("“”\"'‘’「」")
    heads = _scope_words("scope_debris_heads")
    while scope.startswith(heads):
        w = next(w for w in heads if scope.startswith(w))
        if len(scope) <= len(w) + 1:
            break
        scope = scope[len(w):]
    cut = _scope_cut_re().search(scope)
    if cut is not None:
        rest = scope[cut.end():]
        if len(rest) >= 2 and _WORDY.search(rest):
            scope = rest
    if indicator_text and not scope.startswith("新") and ("新" + scope[:2]) in v["scope_new_nouns"] and ("新" + scope) in indicator_text:
        scope = "新" + scope  # ``新一代电子信息``: 新 begins the noun, it is not the verb 新增
    return scope if len(scope) >= 2 and _WORDY.search(scope) else None


def _inherit_sector(m: MetricFact, before: list[MetricFact], para: int, ctx: DocContext) -> None:
    """``…总产值264.7亿元。其中，A产业增长6.6%``: a sector named alone after a figure of an
    indicator (same subject, same paragraph) is that indicator's figure for the sector."""
    v = vocab()
    text = (m.indicator_text or "").strip()
    if m.indicator != "other" or not text.endswith(tuple(v["sector_suffixes"])) or m.value is not None and m.value.unit not in ("CNY", "%"):
        return
    for prev in reversed(before[-6:]):
        if ctx.paragraph_at(ctx.repair.from_raw(prev.evidence[0])) != para or prev.subject != m.subject:
            return
        if prev.indicator in v["inheritable_ids"]:
            m.indicator, m.scope = prev.indicator.replace("_above_scale", ""), _strip_value_words(text) or m.scope
            return


_PROJECT_OWN_IDS = frozenset({"land_area", "employees"})


def _of_park_after(ctx: DocContext, a: int, e: int) -> bool:
    """Whether a figure in ``[a, e)`` qualifies a park named after it (``…5000亩的X产业园``)."""
    q = next((q for q in ctx.qtys_in(a, e)), None)
    if q is None or not ctx.text.startswith("的", q.end):
        return False
    return any(p.start - q.end <= 12 for p in ctx.ents_in(q.end, min(e, q.end + 14), "PARK"))


def scope_project_figures(ctx: DocContext, metrics: list[MetricFact], projects: list) -> list[MetricFact]:
    """``X项目…建成后可实现年产值21亿元``: a figure of the sentence that names a project,
    stated as what the project will do once built (a completion frame before it), is
    scoped by that project (SPEC 4: the scope says of what)."""
    if not projects:
        return metrics
    text = ctx.text
    spans = [(ctx.repair.from_raw(p.evidence[0]), ctx.repair.from_raw(p.evidence[1]), p.name) for p in projects]
    builder = {p.name: p.company for p in projects if p.company}
    parks = {e.text for e in ctx.ents if e.label == "PARK"}
    for m in metrics:
        if m.scope is not None and not (m.indicator in _PROJECT_OWN_IDS and (
                m.scope in vocab()["value_verbs"] or m.scope == m.indicator_text)):
            continue  # (``可安排就业300人``: a verb, or the indicator's own word, as the scope names nothing)
        a = ctx.repair.from_raw(m.evidence[0])
        s, e, _ = ctx.sentence_at(a)
        own = m.indicator in _PROJECT_OWN_IDS  # ``X项目占地1334亩，可安排就业300人``: the project's own
        forecast = has_vocab("completion_blockers", text[s:a + 12]) or has_vocab("project_forecast_words", text[s:a + 12])
        if not own and not forecast:
            continue
        named = [name for ps, pe, name in spans if ps <= a < pe]
        if own and not named and not forecast:
            continue  # (the land or staff of a project only in the sentence naming it, or in a
            # forecast after it: ``X项目…。项目达产后…，新增就业岗位800个``)
        if own and _of_park_after(ctx, ctx.repair.from_raw(m.evidence[0]), e):
            continue  # ``在占地5000亩的小麦精深加工产业园``: the area of the park it qualifies
        if not named:
            # ``X项目…。该项目建成后年产值…``: the project the paragraph named last before it
            para = ctx.paragraphs[ctx.paragraph_at(a)] if ctx.paragraphs else None
            before = [(pe, name) for ps, pe, name in spans if para is not None and para.start <= ps and pe <= a]
            named = [max(before)[1]] if before else []
        if len(named) == 1:
            m.scope = named[0]
            if m.subject in parks and builder.get(named[0]):
                m.subject = builder[named[0]]  # the project's figure is its builder's (SPEC 10)
    return metrics


def _key_projects(ctx: DocContext, m: MetricFact) -> None:
    """``重点实施了A、B等10个项目``: a project count under a key-project verb is major_projects."""
    if m.indicator != "other" or m.value is None or m.value.unit != "count" or m.evidence is None:
        return
    rep = ctx.repair or ctx.doc._.repair  # evidence is raw: read the clause back in repaired text
    clause = rep.text[rep.from_raw(m.evidence[0]):rep.from_raw(m.evidence[1])]
    if has_vocab("project_count_tails", clause) and has_vocab("key_project_cues", clause):
        m.indicator = "major_projects"


def _sector_frame(ctx: DocContext, para: int) -> Optional[str]:
    """``在生物医药领域，…``: a paragraph opened by a sector frame is about that sector,
    which scopes its money and count figures that name no scope of their own."""
    if not ctx.paragraphs:
        return None
    p = ctx.paragraphs[para]
    m = _sector_frame_re().match(ctx.text, p.start, p.end)
    return m.group("sector") if m else None


@lru_cache(maxsize=1)
def _sector_frame_re() -> "re.Pattern[str]":
    return re.compile(vocab()["sector_frame_re"])


def _strip_value_words(phrase: str) -> str:
    """``strip_words(phrase, value_verbs + scope_strip)``, memoized (phrases recur)."""
    return strip_words(phrase, _value_scope_words())


@lru_cache(maxsize=1)
def _value_scope_words() -> tuple[str, ...]:
    """``vocab()["value_verbs"] + vocab()["scope_strip"]``, built once."""
    return tuple(vocab()["value_verbs"] + vocab()["scope_strip"])
