"""Lists of names that share figures (issue 14.3): the names listed before ``分别`` /
``分列`` that take the figures after it one by one (``A、B规模工业增加值分别增长x、y``), ranked
lists (``前十名依次为A、B…``, ``A、B、C分列前三``), and the year of the evaluation that dates the
ranks an article reports. Used by :mod:`.metrics`; word lists in ``patterns/relations.json``
(``ranked_list_re``, ``ranked_names_re``) and ``patterns/indicators.json`` (``respective_markers``,
``list_name_separators``)."""
from __future__ import annotations

import re

from .. import rx
from ..models import MetricFact, Period, Quantity
from ..numerals import to_number
from .context import DocContext, Ent, cues
from .indicators import vocab
from .periods_of import evaluation_period, period_for

NAME_LIST_TAIL = re.compile(r"\s*(?:\d+[家个](?:企业|公司)?)?(?:的?[^，,。；;、：:\d\s“”]{1,14})?[，,]?\s*")


def ranked_list_metrics(ctx: DocContext) -> list[MetricFact]:
    """``综合排名前十位的开发区依次为：A、B、C…``: the parks (or firms) listed after a top-N
    frame take ranks 1, 2, 3… in their order (at most N of them)."""
    text = ctx.text
    out: list[MetricFact] = []
    if "依次" not in text and "分别" not in text and "前" not in text:
        return out
    found: list[tuple[int, int, int, list[Ent]]] = []  # (frame start, sentence start, end, parks)
    for m in rx.compiled(cues()["ranked_list_re"]).finditer(text):
        n = to_number(m.group("n"))
        s, e, _ = ctx.sentence_at(m.start())
        names = [x for x in ctx.ents_in(m.end(), e) if x.label in ("PARK", "COMPANY")]
        listed = names[:1]
        for a, b in zip(names, names[1:]):
            if text[a.end:b.start] not in ("、", "和", "及", "，", ","):
                break
            listed.append(b)
        if not n or len(listed) < 2 or len(listed) > n or text[m.end():listed[0].start].strip():
            continue
        found.append((m.start(), s, e, listed))
    for m in rx.compiled(cues()["ranked_names_re"]).finditer(text):
        # ``A、B、C分列前三`` / ``A、B和C位列前三``: the names before the frame, in order
        n = to_number(m.group("n"))
        s, e, _ = ctx.sentence_at(m.start())
        listed = name_list(ctx, s, m.start())
        if n and 2 <= len(listed) == n and not text[listed[-1].end:m.start()].strip():
            found.append((m.start(), s, e, listed))
    for at, s, e, listed in found:
        period = period_for(ctx, at, s)
        ev = ctx.raw(s, e)
        for k, ent in enumerate(listed, 1):
            f = MetricFact(subject=ent.text, indicator="other", indicator_text=vocab()["rank_indicator_text"],
                           period=Period(**period) if period else None, evidence=ev,
                           value=Quantity(value=float(k), unit="rank"))
            out.append(f)
    return out


def lead_names(ctx: DocContext, s: int, e: int) -> list[Ent]:
    """The names listed right before the sentence's first rank frame (``A、B、C分列前三，
    得分分别为…``): a later ``分别`` list of as many figures pairs with them."""
    m = rx.compiled(cues()["ranked_names_re"]).search(ctx.text, s, e)
    if m is None:
        return []
    names = name_list(ctx, s, m.start())
    return names if len(names) > 1 and not ctx.text[names[-1].end:m.start()].strip() else []


def respective_at(text: str, start: int, end: int) -> int:
    """Where a respective marker (``分别``, ``分列``) stands in ``[start, end)``, else -1."""
    for w in vocab()["respective_markers"]:
        k = text.find(w, start, end)
        if k >= 0:
            return k
    return -1


def name_list(ctx: DocContext, start: int, end: int) -> list[Ent]:
    """The names listed right before ``分别`` (``A、B和C``), in order."""
    if end < 0:
        return []
    text = ctx.text
    ents = ctx.ents_in(start, end)
    if not ents or not NAME_LIST_TAIL.fullmatch(text[ents[-1].end:end]):
        return []
    out = [ents[-1]]
    for ent in reversed(ents[:-1]):
        if text[ent.end:out[0].start] in vocab()["list_name_separators"]:
            out.insert(0, ent)
        else:
            break
    return out


def date_ranks(ctx: DocContext, metrics: list[MetricFact]) -> None:
    """A rank or a score with no period of its own is of the evaluation the article
    announces (``公布2024年…考核评价结果…此次综合排名全国第6位``, ``以96.42分位居全省第一``: 2024)."""
    for m in metrics:
        if m.period is None and m.value is not None and m.value.unit in ("rank", "other:分") and m.evidence is not None:
            pos = ctx.repair.from_raw(m.evidence[0]) if ctx.repair is not None else m.evidence[0]
            period = evaluation_period(ctx, ctx.article_at(pos))
            if period is not None:
                m.period = Period(**period)
