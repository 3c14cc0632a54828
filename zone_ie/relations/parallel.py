"""Parallel rows (issue 14.3): clause groups that repeat the frame of the one before
with a new scope and the indicator words left out.

``高端装备类签约项目28个，协议投资118.5亿元；新能源类16个，84.2亿元；新材料类11个，47.6亿元``:
after the first row names its indicators, each later row states only its scope and its
figures, in the same order and units. The k-th figure of such a row takes the indicator
of the k-th figure of the row before (whose own indicators may have come the same way).
Row ends and the words a row's scope may end with are data (``parallel_row_ends``,
``parallel_scope_suffixes``, ``parallel_scope_max`` in ``patterns/indicators.json``)."""
from __future__ import annotations

from typing import Optional, Sequence

from ..models import MetricFact
from .context import DocContext, Qty, after_last
from .indicators import find_indicator, strip_words, vocab
from .scopes import _WORDY

Indicator = tuple[str, Optional[str], Optional[str]]


def row_before(ctx: DocContext, prior: Sequence[MetricFact], s: int) -> list[MetricFact]:
    """The metrics of the clause group that ends with ``；`` right before ``s``, in order."""
    text = ctx.text
    if s == 0 or text[s - 1] not in vocab()["parallel_row_ends"]:
        return []
    a, b = ctx.raw(after_last(text, "。！？!?\n" + vocab()["parallel_row_ends"], 0, s - 1), s)
    out: list[MetricFact] = []
    for m in reversed(prior):
        if m.evidence[0] < a:
            break
        if m.evidence[0] < b:
            out.append(m)
    out.reverse()
    return out


def parallel_indicator(ctx: DocContext, template: list[MetricFact], made: list[MetricFact],
                       q: Qty, start: int) -> Optional[Indicator]:
    """The indicator of figure ``q`` read as the next figure of a parallel row:
    ``template`` is the row before, ``made`` the metrics of this row so far and
    ``start`` where the words before ``q`` begin (after the figure before, or the row start)."""
    text = ctx.text
    pers = ctx.pers_in(start, q.start)
    words = text[start:q.start]
    for p in reversed(pers):  # the period words are the row's own, not its indicator
        words = words[: p.start - start] + words[p.end - start:]
    noun = strip_words(words.strip("，,、 \n"), vocab()["value_verbs"])
    if pers and not noun and template[0].indicator != "other" and template[0].value is not None \
            and template[0].value.unit == q.q.get("unit") and (not made or made[-1].indicator == template[0].indicator):
        # ``一季度进出口14.2亿元；二季度19.6亿元，上半年累计33.8亿元``: a row led by its own
        # period repeats the first figure of the row before
        like = template[0]
        return like.indicator, _without_scope(like), like.scope
    k = len(made)
    if k >= len(template):
        return None
    like = template[k]
    unit = q.q.get("unit")
    if like.indicator == "other" or like.value is None or like.value.unit != unit:
        return None
    if k == 0:
        # the row opens with its scope alone (``新能源类``), where the row before had one too
        if not like.scope or not (2 <= len(noun) <= vocab()["parallel_scope_max"]) or not _WORDY.search(noun):
            return None
        if find_indicator(noun) is not None or any(c.isdigit() for c in noun):
            return None
        if not noun.endswith(tuple(vocab()["parallel_scope_suffixes"])):
            return None  # ``集中开工项目30个``: a noun of its own (what is counted), not a class of the row before
        return like.indicator, _without_scope(like), noun
    if noun or made[-1].scope is None:
        return None  # a later figure with words of its own names its own indicator
    return like.indicator, _without_scope(like), made[-1].scope


def _without_scope(m: MetricFact) -> Optional[str]:
    """``高端装备类签约项目`` -> ``签约项目``: the indicator words without the row's own scope."""
    text = m.indicator_text
    if text and m.scope and text.startswith(m.scope) and len(text) > len(m.scope):
        return text[len(m.scope):]
    return text
