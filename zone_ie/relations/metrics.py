"""Metric facts (SPEC 4, 7, 10): every reported figure with subject, indicator,
scope, period, value, year-on-year change and share.

A sentence is read clause by clause. A figure whose clause names an indicator
(or a subject) opens a metric; a bare change (``同比增长17%``) or share
(``占…的41.6%``) joins the metric opened before it in the same sentence;
``分别`` spreads a list of figures over a list of scopes.

This module walks the sentences and their figures; which words name a figure's
indicator and scope is :mod:`.indicator_of`, what kind of figure a number is (value,
change, share) and which slot it fills :mod:`.figure_roles`.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Optional, Sequence

from ..models import MetricFact, Period
from .context import DocContext, Ent, Qty, in_table, table_spans, after_last, before_first, char_class, clause_ends, cues, ends_any, has_cue, starts_any
from .indicators import find_indicator, has_vocab, strip_words, vocab, vocab_tuple
from .areas import area_subject
from .figures import _among_frame, _anecdote, _noise, _project_list_before, _skip, firm_sum_scope
from .scopes import _WORDY, settle_scopes
from .periods_of import evaluation_period, period_for, sentence_period
from .series_periods import date_series, years_before
from .name_lists import date_ranks, lead_names, name_list, ranked_list_metrics, respective_at
from .labels import label_frame
from .parallel import parallel_indicator, row_before
from .category_tables import category_table_metrics
from .month_grids import month_grid_metrics
from .park_column_tables import park_column_table_metrics
from .ranking_tables import ranking_table_metrics
from .series_tables import series_table_metrics
from .tables import merge_table_metrics, table_metrics
from .subjects import subject_for
from .figure_roles import (
    ROLE_SHARE, ROLE_VALUE, ROLE_YOY, _adjunct, _comparison_figure, _converted, _crossed_restates, _target_amount, _crossed_then_stated,
    _fraction_share, _milestone, _money, _rate_after, _role, _set, _signed_yoy, _slot_free, _value_after_change,
)
from .indicator_of import (
    _before_share, _count_noun, _denominator, _from_to, _head_indicator, _indicator, _inherit, _phrase, _qualified, _restated, _scope_value_words, _share_base_indicator, _split_list, _strip_yoy, _threshold_class,
    rejects_unit,
    share_ratio,
)


def metric_facts(ctx: DocContext) -> list[MetricFact]:
    """All metric facts of the document, in text order."""
    out: list[MetricFact] = []
    starts = [q.start for q in ctx.qtys]
    tables = table_spans(ctx)
    for s, e, para in ctx.sentences:
        i = bisect_left(starts, s)
        if i == len(starts) or starts[i] > e:
            continue  # no figure in the sentence (``qtys_in`` is empty)
        if tables and in_table(ctx, s, e):
            continue  # a table row is read by ``table_metrics``
        found = _sentence_metrics(ctx, s, e, out)
        if not found:
            continue
        out.extend(settle_scopes(ctx, found, para, out))
    out.extend(ranked_list_metrics(ctx))
    date_ranks(ctx, out)
    if tables:
        keys = _text_keys(ctx)
        out = merge_table_metrics(table_metrics(ctx) + ranking_table_metrics(ctx) + series_table_metrics(ctx)
                                  + park_column_table_metrics(ctx) + category_table_metrics(ctx) + month_grid_metrics(ctx),
                                  out, keys)
    date_series(ctx, out)
    # a figure whose quantity has no number (``从26.62平方公里到163.41平方公里`` read as a
    # bare unit) states nothing an analyst could cite
    # a figure in a unit its indicator cannot have (``88家规上企业…207.4亿元`` as a count) is a
    # misread, but a difference in points beside an indicator is a comparison (SPEC 10: ``other``)
    as_other, empty = _final_filter_words()
    kept = []
    for m in out:
        if not _has_number(m):
            continue
        if (m.indicator == "other" and m.value is None and m.share_pct is None
                and (len((m.indicator_text or "").strip()) < 2 or m.indicator_text in empty)):
            continue  # ``…和增长18.3%``: a change of nothing named
        if m.value is not None and rejects_unit(m.indicator, m.value.unit):
            if m.value.unit not in as_other:
                continue
            m.indicator = "other"
        kept.append(m)
    return kept


@lru_cache(maxsize=1)
def _final_filter_words() -> tuple[frozenset[str], frozenset[str]]:
    """``indicator_unit_as_other`` and ``other_growth_frame_words``, read once."""
    c = cues()
    return frozenset(c.get("indicator_unit_as_other", ())), frozenset(c.get("other_growth_frame_words", ()))


def _has_number(m: MetricFact) -> bool:
    v = m.value
    return (v is not None and (v.value is not None or v.low is not None or v.high is not None)) or (
        m.yoy_pct is not None or m.share_pct is not None)


# fixed patterns, compiled at import rather than looked up (or compiled) in ``re``'s cache per call
_SHORT_GAP = re.compile(r"[^，,。；;\d]{0,3}")
_CLAUSE_MARK = re.compile(r"[，,。；;]")


def _clause_start(text: str, start: int, pos: int) -> int:
    """Just after the last clause end in ``[start, pos)`` (``start`` if none)."""
    return after_last(text, _clause_chars(), start, pos)


def _clause_end(text: str, pos: int, end: int) -> int:
    """The first clause end in ``[pos, end)`` (``end`` if none)."""
    return before_first(text, _clause_chars(), pos, end)


@lru_cache(maxsize=1)
def _clause_chars() -> str:
    return "".join(sorted(clause_ends()))


def _clause_bounds(text: str, s: int, e: int, qtys: list[Qty]) -> list[tuple[int, int]]:
    """``(_clause_start(text, s, q.start), _clause_end(text, q.end, e))`` of each figure
    of the sentence ``[s, e)``, from one scan for its clause ends."""
    marks = [m.start() for m in char_class(_clause_chars()).finditer(text, s, e)]
    out = []
    for q in qtys:
        if q.start <= s:
            cs = q.start
        else:
            i = bisect_left(marks, q.start)  # marks before the figure
            cs = marks[i - 1] + 1 if i else s
        if q.end >= e:
            ce = q.end
        else:
            j = bisect_left(marks, q.end)  # the first mark at or after its end
            ce = marks[j] if j < len(marks) else e
        out.append((cs, ce))
    return out


_AREA_WORD = re.compile(r"全[市省区县州盟国]|[\u4e00-\u9fff]{2}[市省县](?![场区])")


_VALUE_JOIN = re.compile(r"\s*[、和及与]\s*")


_SHARE_LIST_ITEM = re.compile(r"的[^，,。；;\d]{1,14}[、和及与]")


@lru_cache(maxsize=1)
def _share_frame_re() -> "re.Pattern[str]":
    return re.compile(vocab()["share_frame_re"])


def _new(subject: Ent, ind: tuple[str, Optional[str], Optional[str]], period: Optional[dict], ev: tuple[int, int]) -> MetricFact:
    return MetricFact(
        subject=subject.text,
        indicator=ind[0],
        indicator_text=ind[1],
        scope=ind[2],
        period=Period(**period) if period else None,
        evidence=ev,
    )


@lru_cache(maxsize=1)
def _settle_re() -> "re.Pattern[str]":
    return re.compile(r"[^，,。；;]{0,8}?(?:%s)" % "|".join(vocab()["settle_verbs"]))


def _host_park(ctx: DocContext, q: Qty, ce: int) -> Optional[Ent]:
    """``…企业已有6家落户X高新区``: firms settling in a park are counted for that park."""
    m = _settle_re().match(ctx.text[q.end:ce])
    if m is None:
        return None
    k = q.end + m.end()
    ents = ctx.ents_in(k, ce, "PARK")
    # the park right after the verb (a place prefix the name leaves out may come between)
    return ents[0] if ents and _SHORT_GAP.fullmatch(ctx.text[k:ents[0].start]) else None


def _sized_park(ctx: DocContext, q: Qty) -> Optional[Ent]:
    """``规划建设了6.92平方公里的新能源电池产业园`` / ``占地5000亩的X产业园``: an area written
    as the modifier of a park's name (the figure, 的, the park) is that park's."""
    text = ctx.text
    if not text.startswith("的", q.end):
        return None
    ent = ctx.ent_at(q.end + 1)
    return ent if ent is not None and ent.label == "PARK" and ent.start == q.end + 1 else None


@lru_cache(maxsize=1)
def _site_re() -> "re.Pattern[str]":
    tails = "|".join(map(re.escape, sorted(vocab()["company_site_tails"], key=len, reverse=True)))
    return re.compile(rf"[\u4e00-\u9fff]{{2,14}}?(?:{tails})")


def _site_after(ctx: DocContext, subject: Ent, cs: int, pos: int) -> Optional[str]:
    """``欣旺达德阳储能电池基地上半年营收…``: the firm's site named right after its name in
    the figure's clause (``company_site_tails``), the figure's scope."""
    own = [e for e in ctx.ents_in(cs, pos) if e.key == subject.key]
    if not own:
        return None
    m = _site_re().match(ctx.text, own[-1].end, pos)
    return m.group() if m is not None else None


def _sentence_metrics(ctx: DocContext, s: int, e: int, prior: Sequence[MetricFact] = ()) -> list[MetricFact]:
    """The metrics of the sentence ``[s, e)``; ``prior``: the document's metrics so far
    (a ``分别`` list may pair its figures with values of the clauses before its ；)."""
    text = ctx.text
    qtys = ctx.qtys_in(s, e)
    if not qtys or _anecdote(text[s:e]):
        return []
    kept = [(q, cs, ce) for q, (cs, ce) in zip(qtys, _clause_bounds(text, s, e, qtys)) if not _skip(ctx, q, s, e, ce)]
    qtys = [q for q, _, _ in kept]
    starts = [q.start for q in qtys]  # ascending, as the figures
    out: list[MetricFact] = []
    open_m: Optional[MetricFact] = None
    prev_end = s
    distribute: list[str] = []
    ind_spread: list[tuple[str, str, Optional[str]]] = []  # the next indicators of a 分别 list
    listed: list[str] = []
    parent: Optional[MetricFact] = None   # last count metric of the sentence
    parent_noun: Optional[str] = None
    parent_end = s
    frame: Optional[str] = None
    frame_ind: Optional[str] = None  # the indicator form of an among-frame's group (``签约的13个项目中``)
    spread: list[MetricFact] = []
    subjects_list: list[Ent] = []
    list_metric: Optional[MetricFact] = None
    sentence_names = lead_names(ctx, s, e)  # the last name list a 分别 paired with figures
    named: list[MetricFact] = []    # the metrics made for it, in its order
    share_framed = False  # the figure before was a share of an area's total (``全市31%的A、17%的B``)
    crossed_cs: Optional[int] = None  # clause start of a crossed threshold just skipped
    template: Optional[list[MetricFact]] = None  # the metrics of the row before (parallel rows)
    sequential_ids: set[int] = set()  # ids of the sentence's changes against the period before (环比)
    for q, cs, ce in kept:
        if _noise(ctx, q, s, e, cs, ce):
            prev_end = q.end
            continue
        among = _among_frame(text, q, ce, e)
        if among:
            frame = among
            hit = find_indicator(text[cs:q.start])
            # ``此次签约的13个项目中，A项目9个、…``: the group's form names its items' counts
            frame_ind = hit[0] if hit is not None and hit[0] in vocab()["project_count_ids"] else None
            prev_end = q.end
            continue
        q = _money(q, text, cs, ce)
        if (q.q.get("unit") == "count" and q.q.get("classifier") in ("位", "名") and open_m is not None
                and open_m.value is not None and open_m.value.unit == "rank" and text[prev_end:q.start] in ("和", "、", "及")
                and any(w in (open_m.indicator_text or "") for w in cues()["ranking_up_words"] + cues()["ranking_down_words"])):
            # ``分别前移8位和5位``: the next item of a list of rank moves is a rank move too
            q = Qty(q.start, q.end, q.text, dict(q.q, unit="rank", classifier=None))
        if q.q.get("unit") == "":
            # a bare 4万 outside a money context: unit unknown (``4万升``), not a figure
            prev_end = q.end
            continue
        if crossed_cs is not None:
            cs, crossed_cs = crossed_cs, None  # the figure after a crossed threshold has its words
        start = max(cs, prev_end)
        pre = text[start:q.start]
        head = text[cs:q.start]  # the clause before the figure
        marker = respective_at(text, cs, q.start)
        respective = marker >= 0
        if respective and _project_list_before(text, s, marker):
            # ``A项目、B项目总投资分别为12亿元、8.5亿元``: each figure is one project's (a project fact)
            prev_end = q.end
            continue
        role = _role(head, q)
        if role == ROLE_VALUE and q.q.get("unit") == "%" and _rate_after(text[q.end:ce]):
            role = ROLE_YOY
        sequential = role == ROLE_YOY and q.q.get("unit") == "%" and has_vocab("sequential_change_words", pre)
        if sequential:
            # ``三季度产值环比下降4.6%``: a change against the quarter before, a figure of its own
            role = ROLE_VALUE
            q = Qty(q.start, q.end, q.text, dict(q.q, value=_signed_yoy(pre, float(q.q["value"]))))
        phrase = _phrase(ctx, start, q.start)
        label = label_frame(ctx, s, cs, q.start, prev_end) if role == ROLE_VALUE else None
        if label is not None:
            # ``■ 地区生产总值：完成61.8亿元``: the figure of the label before the colon
            cs = label[0]
            phrase = _phrase(ctx, cs, label[1])
        fraction_of = _fraction_share(text, q, ce)
        if fraction_of is not None and role == ROLE_VALUE:
            role, phrase = ROLE_SHARE, fraction_of
        framed = role == ROLE_VALUE and q.q.get("unit") == "%" and (
            _share_frame_re().search(head) is not None
            or (share_framed and _SHARE_LIST_ITEM.fullmatch(pre) is not None))
        if framed:
            # ``贡献了全市31%的实际使用外资、17%的外贸进出口`` / ``以不到全市3.5%的土地面积``:
            # a share of the area's total, of what the words after it name
            role, phrase = ROLE_SHARE, ""
        share_framed = framed
        if role == ROLE_SHARE:
            phrase = _before_share(phrase)
            summed = has_cue("sum_cues", phrase)
            if summed and listed and open_m is not None:
                m = _next_member(open_m, ctx.raw(cs, ce), scope="、".join(listed))
                m.share_pct = float(q.q["value"])
                out.append(m)
                prev_end = q.end
                continue
            if _denominator(phrase) or _denominator(_before_share(pre)):
                phrase = ""
        if role == ROLE_YOY:
            phrase = _strip_yoy(phrase)
        after = text[q.end:ce]
        if open_m is not None and (_milestone(phrase, after) or _crossed_restates(open_m, q, phrase) or _converted(pre)):
            prev_end = q.end  # ``净利润1.06亿元，第一次突破1亿元``: the threshold the figure crossed
            continue
        if (role == ROLE_VALUE and open_m is not None and open_m.value is not None and q.q.get("unit") == open_m.value.unit
                and _target_amount(head, text[q.end:ce])):
            # ``…396.4亿元，完成全年530亿元目标任务的74.8%``: the year's target of the figure before;
            # the share after it stays the figure's
            year = open_m.period.year if open_m.period is not None else None
            m = _next_member(open_m, ctx.raw(cs, ce), scope=None,
                             period=Period(year=year, start_month=1, end_month=12) if year is not None else None)
            _set(m, role, q, pre)
            out.append(m)
            prev_end = q.end
            continue
        if role == ROLE_VALUE and _crossed_then_stated(text, q, qtys, e):
            crossed_cs = cs  # ``营业收入首次突破千亿元，达1026.8亿元``: the threshold, then the figure
            continue
        subject = subject_for(ctx, q.start, s)
        base_only = framed and len(_AREA_WORD.findall(head)) == 1  # 全市 is only the share's base
        if subject is None or (not base_only and area_subject(ctx, q.start, s) and _host_park(ctx, q, ce) is None):
            # no subject, or a city's / province's / group's figure (``全市…增长7.7%``)
            prev_end = q.end
            continue
        ev = ctx.raw(cs, ce)
        if spread and role != ROLE_VALUE and respective:
            _set(spread.pop(0), role, q, pre)
            prev_end = q.end
            continue
        if role != ROLE_VALUE and respective and len(named) > 1 and not subjects_list and not distribute:
            n = 1 + sum(1 for r in qtys if r.start > q.start and r.end <= ce)
            if n == len(named) and all(_slot_free(m, role) for m in named):
                # ``A、B和C分别实现产值x、y和z，分别增长a、b和c``: the second list pairs with the names too
                _set(named[0], role, q, pre)
                spread = named[1:]
                prev_end = q.end
                continue
        if (role != ROLE_VALUE and respective and open_m is not None and not distribute
                and find_indicator(text[cs:marker]) is None):
            # ``A 9家、B 64家，分别占全市总数的45%和38.1%``: one change or share per listed figure
            # (not when the clause names its own indicator: ``陶瓷、绿色食品两大主导产业产值分别增长…``)
            n = 1 + sum(1 for r in qtys if r.start > q.start and r.end <= ce)
            targets = [m for m in [*_same_full_sentence(ctx, prior, s), *out]
                       if m.value is not None and m.subject == subject.text][-n:]
            if n > 1 and len(targets) == n and all(_slot_free(m, role) for m in targets):
                _set(targets[0], role, q, pre)
                spread = targets[1:]
                prev_end = q.end
                continue
        if subjects_list:
            # later members of a ``A、B分别…`` list: the first member's metric, or
            # nothing when the first figure was not a metric
            name = subjects_list.pop(0)
            if list_metric is not None:
                m = _next_member(list_metric, ev, subject=name.text)
                _set(m, role, q, pre)
                out.append(m)
                named.append(m)
            prev_end = q.end
            continue
        list_metric = None
        if respective:
            names = name_list(ctx, s, marker)
            n = 1 + sum(1 for r in qtys if r.start > q.start and r.end <= ce)
            if len(names) != n and len(sentence_names) == n:
                names = sentence_names  # ``A、B分别增长x、y，分列第2、第4位``: the names listed before
            if len(names) > 1 and len(names) == n:
                # ``A公司、B公司分别租用8000平方米和5500平方米``: one subject per figure
                subject, subjects_list = names[0], names[1:]
                sentence_names, named = names, []
        if respective and open_m is not None and ind_spread and open_m.subject == subject.text:
            # ``规上工业增加值和固定资产投资分别增长12%和9%``: the next indicator of the list
            ind_id, ind_text, ind_scope = ind_spread.pop(0)
            m = _next_member(open_m, ev, indicator=ind_id, indicator_text=ind_text, scope=ind_scope)
            _set(m, role, q, pre)
            out.append(m)
            open_m = m
            prev_end = q.end
            continue
        if respective and open_m is not None and distribute:
            m = _next_member(open_m, ev, scope=distribute.pop(0))
            _set(m, role, q, pre)
            out.append(m)
            prev_end = q.end
            continue
        # ``由21家增至67家`` / ``由2020年的2.1%提高到2024年的3.4%``: the later figure of a
        # from-to pair in the clause of the earlier one
        from_to = open_m is not None and same_subject(ctx, open_m.subject, subject) and _from_to(text, cs, open_m, pre)
        if from_to:
            # the same kind as the earlier one (a level, not a change)
            if open_m.value is None and open_m.share_pct is not None:
                role = ROLE_SHARE
            elif open_m.value is not None and role == ROLE_YOY:
                role = ROLE_VALUE
        target = open_m
        if role in (ROLE_YOY, ROLE_SHARE) and id(open_m) in sequential_ids:
            # ``三季度完成33.9亿元，环比增长18.1%，同比增长51.3%``: the year-on-year change is
            # the figure's, not the change against the quarter before
            target = next((m for m in reversed(out) if m.value is not None and m.value.unit != "%"
                           and id(m) not in sequential_ids), open_m)
        elif role == ROLE_SHARE and open_m is not None and _comparison_figure(open_m):
            # ``…318.6亿元，增长14.3%，增幅居全市第一，比一季度提高1.9个百分点，占全市比重达12.3%``:
            # the share is of the sentence's value, not of the rank or the difference between
            target = next((m for m in reversed(out) if same_subject(ctx, m.subject, subject) and not _comparison_figure(m)
                           and m.evidence[0] >= ctx.raw(s, s + 1)[0]), open_m)
        attach = (role != ROLE_VALUE and target is not None and same_subject(ctx, target.subject, subject)
                  and fraction_of is None and not framed and _adjunct(phrase))
        if attach and _set(target, role, q, pre):
            prev_end = q.end
            continue
        if (role == ROLE_VALUE and label is None and not respective and q.q.get("unit") != "rank"
                and target is not None and same_subject(ctx, target.subject, subject)
                and target.value is None and target.yoy_pct is not None and _value_after_change(text[prev_end:q.start])):
            # ``进出口总额增长15%以上、突破440亿元``: the level the changed figure reaches
            _set(target, role, q, pre)
            target.evidence = (target.evidence[0], max(target.evidence[1], ev[1]))
            prev_end = q.end
            continue
        if (respective and role == ROLE_VALUE and open_m is not None and same_subject(ctx, open_m.subject, subject)
                and open_m.value is not None and open_m.value.unit == q.q.get("unit") and _VALUE_JOIN.fullmatch(pre)
                and years_before(ctx, q.start)):
            # ``2020年至2022年，X分别实现营业收入3.38亿元、4.16亿元和4.52亿元``: a list of
            # values under one indicator (dated by :mod:`.series_periods`)
            m = _next_member(open_m, ev)
            _set(m, role, q, pre)
            out.append(m)
            open_m = m
            prev_end = q.end
            continue
        ind = _threshold_class(_indicator(phrase, after, q, head), q)
        if (ind[2] and ind[0] != "enterprise_count" and open_m is not None and open_m.indicator == "enterprise_count"
                and open_m.scope and same_subject(ctx, open_m.subject, subject)
                and ends_any(ind[2], vocab()["enterprise_nouns"]) and not _CLAUSE_MARK.search(text, prev_end, q.start)):
            # ``新材料产业88家规上企业完成产值207.4亿元``: the counted firms' own figure is the
            # sector's, the scope of their count
            ind = (ind[0], ind[1], open_m.scope)
        if fraction_of is not None and ends_any(fraction_of, vocab()["enterprise_nouns"]):
            ind = ("enterprise_count", fraction_of, fraction_of)
        if role != ROLE_VALUE and not phrase and open_m is None:
            ind = _head_indicator(ctx, s, cs, q) or ind
        if role == ROLE_SHARE and not phrase and (open_m is None or open_m.share_pct is not None) and ind[0] == "other":
            ind = _share_base_indicator(pre) or ind  # ``X占全市外贸的46.5%``: the park's share of 外贸
        ind = _inherit(ind, phrase, after, q, parent, parent_noun, text[parent_end:q.start])
        if (not ind[2] and parent_noun and parent_noun not in vocab()["project_count_nouns"]
                and has_vocab("project_outcome_cues", text[s:q.start]) and text.count("项目", s, q.start) == 1):
            # ``集中开工项目12个，总投资58亿元，预计投产后年产值57亿元``: what the projects just
            # counted will yield (not after a breakdown: ``9个项目中，…制造业项目7个，全部达产后…``)
            ind = (ind[0], ind[1], parent_noun)
        if from_to:
            # ``由21家增至67家``: the later figure is the earlier one's indicator
            ind = (open_m.indicator, open_m.indicator_text, open_m.scope)
        ind = _qualified(ind, phrase)
        if sequential:
            ind = ("other", ind[1], ind[2])
        if subject.label == "PARK" and (firms := firm_sum_scope(ctx, cs, q.start)) is not None:
            ind = (ind[0], ind[1], firms)  # ``A、B两家企业合计完成产值…``: the park's figure, of those firms
        if (q.q.get("unit") == "count" and text[q.start - 1:q.start] == "的" and parent is not None
                and parent.indicator != "other"):
            cls = _elided_class(ctx, start, q)
            if cls is not None:
                # ``规上工业企业120家，其中产值超百亿元的4家、超10亿元的13家``: a count of the
                # class a threshold bounds, its noun left out: the counted group's indicator
                ind = (parent.indicator, parent.indicator_text, cls)
        if (ind[0] == "other" and q.q.get("unit") in vocab_tuple("area_units") and not (ind[1] or "").strip("。；;，, ")
                and (park := ctx.ent_at(q.start - 1)) is not None and park.label == "PARK"):
            # ``涵盖三个片区：郑州片区73.17平方公里，开封片区19.94平方公里``: a zone's own area
            ind = ("land_area", None, None)
        elif ind[0] == "other" and q.q.get("unit") in vocab_tuple("area_units") and ind[1] and find_indicator(ind[1]) is None:
            # ``高标准农田8万亩``: an area figure is the land area of what the phrase names
            scope = strip_words(ind[1], _scope_value_words())
            ind = ("land_area", ind[1], scope if scope and _WORDY.search(scope) else ind[2])
        if ind[0] == "land_area" and (
                has_vocab("floor_area_words", (ind[1] or "") + pre + (after[:8] if after.startswith("的") else after[:4]))
                or ((ind[1] or "").endswith(_BUILD_VERBS) and "公里" not in q.text and "亩" not in q.text)):
            # ``总建筑面积12万平方米``, ``标准化厂房9.6万平方米``, ``1.3万平方米仓库``, ``建成69.72万平方米``:
            # floor space, not land
            ind = ("other", ind[1], ind[2])
        earlier = open_m
        if earlier is None and starts_any(text[cs:q.start], vocab()["part_openers"]):
            # ``…进出口86.4亿元；其中三季度单季完成33.9亿元``: a part of the figure before the ；
            earlier = next((m for m in reversed(_same_full_sentence(ctx, prior, s)) if m.value is not None), None)
        ind = _restated(ind, phrase, q, earlier, subject, pre)
        if role == ROLE_VALUE and share_ratio(ind, q):
            role = ROLE_SHARE  # ``研发投入强度达到3.5%``: R&D spending's share
        if ind[0] == "other" and role == ROLE_VALUE:
            if template is None:
                template = row_before(ctx, prior, s)
            if template:
                # ``…签约项目28个，协议投资118.5亿元；新能源类16个，84.2亿元``: the row before's frame
                ind = parallel_indicator(ctx, template, out, q, start) or ind
        host = _host_park(ctx, q, ce) if ind[0] == "enterprise_count" else None
        if host is None and q.q.get("unit") in vocab_tuple("area_units"):
            host = _sized_park(ctx, q)
        if host is not None:
            subject = host
        if frame_ind and ind[0] == "other" and q.q.get("unit") == "count" and ends_any(ind[1] or "", vocab()["project_count_nouns"]):
            ind = (frame_ind, ind[1], ind[1])
        if not ind[2] and cs > s and role != ROLE_SHARE:
            topic = _sector_topic_re().fullmatch(text, s, cs)
            if topic is not None:
                # ``新能源产业在A项目带动下，实现产值31.2亿元``: the sector the sentence opens with
                ind = (ind[0], ind[1], topic.group("sector"))
        if frame and not ind[2]:
            ind = (ind[0], ind[1], frame)
        if not ind[2] and subject.label == "COMPANY":
            site = _site_after(ctx, subject, cs, q.start)
            if site:
                ind = (ind[0], ind[1], site)
        if _single_project(ctx, ind, phrase, text[cs:ce], subject, parent) or _uncounted_total(ctx, ind, q, s, parent):
            prev_end = q.end
            continue
        if ind[0] == "production_capacity" and ind[1] == "年产" and any(
                w in text[s:q.start] for w in vocab()["completion_blockers"]):
            # ``建成后可年产…``: a project's design capacity (a project fact)
            prev_end = q.end
            continue
        if (not ind[2] and open_m is not None and same_subject(ctx, open_m.subject, subject) and open_m.scope
                and ends_any(open_m.scope, vocab()["enterprise_nouns"]) and ind[0] != "other"):
            # ``区内A类企业营业收入…，利润总额…``: the group of firms carries to the next figure
            ind = (ind[0], ind[1], open_m.scope)
        if subject.label == "COMPANY" and (_project_group(ind, q) or ind[0] == "enterprise_count"):
            own = [e for e in ctx.ents_in(s, q.start) if e.key == subject.key]
            if not own:
                # ``…潞安太阳能…。下半年还有12个项目计划开工，总投资86亿元``: a count (or the sum) of a
                # group of projects, or a count of firms, is the park's, not the firm an earlier
                # sentence was about
                topic = ctx.topic_at(q.start)
                if topic is not None and topic.label == "PARK":
                    subject = topic
            elif (g := _COUNTED_GROUP.search(text, own[-1].end, min(ce, q.end + 8))) is not None and g.start() < q.start:
                # ``B工业园A公司年产…等3个项目到位资金0.1亿元``: the firm opens one item of a
                # counted group; the group's figure is the park's the sentence names
                parks = [e for e in ctx.ents_in(s, q.start) if e.label == "PARK"]
                topic = parks[-1] if parks else ctx.topic_at(q.start)
                if topic is not None and topic.label == "PARK":
                    subject = topic
        period = _dated_figure(ctx, cs, q) or period_for(ctx, q.start, s)
        if q.q.get("unit") == "rank" and has_vocab("current_evaluation_cues", text[cs:q.start]):
            # ``此次排名第41位``: the rank in the evaluation the article announces, not in an
            # earlier one its sentence recalls (``在2020年度“国考”中由第73位跃升至第36位``)
            period = evaluation_period(ctx, ctx.article_at(q.start)) or period
        if (period is not None and (ind[0] == "land_area" or q.q.get("unit") in vocab_tuple("area_units"))
                and not sentence_period(ctx, q.start, s) and not _WITHIN_YEAR.search(text, cs, q.start)):
            period = None  # an area (land, floor space) is a standing fact: only a period of its own sentence dates it
        elif (period is not None and ind[0] in _STOCK_IDS and has_vocab("stock_cues", text[cs:q.start])
                and not sentence_period(ctx, q.start, s) and _dated_figure(ctx, cs, q) is None
                and not has_vocab("stock_then_words", text[after_last(text, "。！？!?\n", max(0, s - 200), s):q.start])):
            # ``园区已集聚…企业32家`` / ``现有高新技术企业68家``: what the park has now, no period of its own
            period = None
        if from_to and open_m is not None:
            period = _from_to_periods(ctx, q.start, open_m, period)
        m = _new(subject, ind, period, ev)
        _set(m, role, q, pre)
        if (m.indicator == "other" and q.q.get("unit") in ("pp", "rank") and open_m is not None
                and open_m.scope and open_m.subject == m.subject):
            # ``规模以下工业增加值增长11.5%，高于全市7个百分点，列全市首位``: a comparison is
            # about the figure before it, so it has that figure's scope
            m.scope = open_m.scope
        k = bisect_left(starts, q.end)  # the next kept figure, if any
        nxt = starts[k] if k < len(starts) else e
        if m.yoy_pct is None and has_vocab("doubling_words", text[q.end:nxt]):
            # ``…450亿元，较去年实现翻番``: doubling is a 100 % change
            m.yoy_pct = 100.0
        if subjects_list:
            list_metric = m
            named.append(m)
        if respective and not subjects_list and q.q.get("unit") not in ("rank", "pp"):
            # (a rank or a difference in points is ``other`` whatever it ranks: SPEC 10)
            spread_inds = _indicator_list(ctx, cs, marker, 1 + sum(1 for r in qtys if r.start > q.start and r.end <= ce))
            if spread_inds:
                m.indicator, m.indicator_text, m.scope = spread_inds[0]
                ind_spread = spread_inds[1:]
        if respective and m.scope and not ind_spread:
            n = 1 + sum(1 for r in qtys if r.start > q.start and r.end <= ce)
            items = _split_list(m.scope, n)
            if len(items) > 1:
                m.scope = items[0]
                distribute = items[1:]
                listed = items
        out.append(m)
        open_m = m
        if sequential:
            sequential_ids.add(id(m))
        listing = parent is not None and has_cue("list_frame_cues", text[parent_end:q.start])
        if q.q.get("unit") == "count" and not listing:
            parent, parent_end = m, q.end
            parent_noun = _count_noun(phrase, after)
        prev_end = q.end
    return out


def _next_member(m: MetricFact, ev: tuple[int, int], **fields) -> MetricFact:
    """A copy of ``m`` for the next figure of its list or frame (a ``分别`` list, a target of
    the year): its numbers cleared, its evidence ``ev``, ``fields`` (subject, scope…) set."""
    out = m.model_copy(deep=True, update=fields)
    out.value, out.yoy_pct, out.share_pct, out.evidence = None, None, None, ev
    return out


def _from_to_periods(ctx: DocContext, pos: int, earlier: MetricFact, period: Optional[dict]) -> Optional[dict]:
    """``由2020年的186.4亿元增长到2025年的312亿元；入驻企业由1020家增加到1460家``: a from-to
    pair dated at both ends (two years) dates the undated pairs after it in its paragraph the
    same way: the earlier figure (``earlier``, set here) and the later one (returned)."""
    memo = ctx._index.setdefault("from_to_periods", {})
    para = ctx.paragraph_at(pos)
    if (earlier.period is not None and period and earlier.period.year and period.get("year")
            and earlier.period.year != period["year"]):
        memo[para] = (earlier.period.model_copy(), dict(period))
    elif earlier.period is None and not period and para in memo:
        a, b = memo[para]
        earlier.period = a.model_copy()
        return dict(b)
    return period


def _indicator_list(ctx: DocContext, cs: int, marker: int, n: int) -> list[tuple[str, str, Optional[str]]]:
    """``规上工业增加值、固定资产投资和进出口总额分别增长…``: the ``(indicator, words, scope)`` of
    each member of a list of indicators right before ``分别`` (after the last name of the
    clause), when the list has as many members as the figures after it (``n``) and each
    member names an indicator of its own; else ``[]``."""
    if n < 2 or marker <= cs:
        return []
    text = ctx.text
    named = ctx.ents_in(cs, marker)
    lo = max(cs, named[-1].end) if named else cs
    for p in ctx.pers_in(lo, marker):
        lo = max(lo, p.end)
    words = text[lo:marker].strip("，,、 的")
    for w in vocab_tuple("respective_list_tails"):
        if words.endswith(w):
            words = words[: -len(w)]
            break
    items = _split_list(words, n)
    if len(items) != n:
        return []
    out: list[tuple[str, str, Optional[str]]] = []
    for item in items:
        item = strip_words(item, vocab()["value_verbs"]) or item
        hit = find_indicator(item)
        if hit is None:
            return []
        scope = item[:hit[1]] or None
        if scope is None:
            scope = vocab()["form_scopes"].get(item[hit[1]:hit[2]])
        out.append((hit[0], item, scope))
    if len({o[0] for o in out}) < 2:
        return []  # one indicator for every member: a list of scopes (distributed below)
    return out


def _elided_class(ctx: DocContext, start: int, q: Qty) -> Optional[str]:
    """``产值超百亿元的`` before the count ``q`` (its noun left out): the words of a class a
    money threshold bounds, from ``start`` (past 其中 and list marks), else None."""
    text = ctx.text
    words = _CLASS_LEAD.sub("", text[start:q.start])
    if len(words) < 3 or not any(r.q.get("unit") in ("CNY", "USD") for r in ctx.qtys_in(start, q.start)):
        return None
    return words


_CLASS_LEAD = re.compile(r"^[，,、；;\s]*(?:其中|包括|含)?[，,：:\s]*")


@lru_cache(maxsize=1)
def _sector_topic_re() -> "re.Pattern[str]":
    return re.compile(vocab()["sector_topic_re"])


_BUILD_VERBS = ("建成", "新建", "在建", "竣工", "建设", "续建", "开工建设")
_COUNTED_GROUP = re.compile(r"等[0-9一二两三四五六七八九十几百]+[个家批](?:重点|重大)?(?:项目|工程|企业)")


def _project_group(ind: tuple[str, Optional[str], Optional[str]], q: Qty) -> bool:
    """Whether a figure counts a group of projects or sums their investment."""
    if ind[0] in vocab()["project_count_ids"]:
        return True
    scope = ind[2] or ""
    return scope.endswith(tuple(vocab()["project_count_nouns"])) and (
        q.q.get("unit") == "count" or ind[0] in ("project_investment", "signed_investment", "completed_investment",
                                                 "funds_in_place"))


_WITHIN_YEAR = re.compile(r"年内|年底前|年末前|今年")  # ``年内新增标准厂房5万平方米``: built within the year
_STOCK_IDS = frozenset({"enterprise_count", "production_capacity", "patents", "rnd_platforms"})
_DATED_GAP = re.compile(r"的?(?:不足|约|近|超过?|逾|仅|达)?")


def _dated_figure(ctx: DocContext, cs: int, q: Qty) -> Optional[dict]:
    """``由2020年的不足200亿元跃升至2022年的713.3亿元``: a year right before a figure (only
    ``的`` and a qualifier between) dates that figure, whatever frames the paragraph."""
    pers = ctx.pers_in(cs, q.start)
    if not pers:
        return None
    p = pers[-1]
    if p.p is None or p.p.get("year") is None or not _DATED_GAP.fullmatch(ctx.text, p.end, q.start):
        return None
    return dict(p.p)


def _same_full_sentence(ctx: DocContext, prior: Sequence[MetricFact], s: int) -> list[MetricFact]:
    """The metrics of ``prior`` from the clauses before ``s`` that end with ；, in the
    same full sentence (``…1060亿元，…；规模工业增加值315亿元，同比分别增长…``)."""
    if not prior or s == 0 or ctx.text[s - 1] not in "；;":
        return []
    start = ctx.raw(after_last(ctx.text, "。！？!?\n", 0, s), s)[0]
    out = []
    for m in reversed(prior):
        if m.evidence[0] < start:
            break
        out.insert(0, m)
    return out


def same_subject(ctx: DocContext, name: str, ent: Ent) -> bool:
    """Whether a metric's subject ``name`` is mention ``ent``'s entity: the same text, or a
    name of the same cluster (``鑫澜电子`` after ``江西鑫澜电子科技有限公司``)."""
    return name == ent.text or _text_keys(ctx).get(name, name) == ent.key


def _text_keys(ctx: DocContext) -> dict[str, str]:
    """Mention text -> cluster key, once per document."""
    keys = ctx._index.get("text_keys")
    if keys is None:
        keys = ctx._index["text_keys"] = {e.text: e.key for e in ctx.ents}
    return keys


def _uncounted_total(ctx: DocContext, ind, q, sent_start: int, parent) -> bool:
    """A total investment of projects (``group_total_ids``) is a park's statistic only for a
    group its sentence counts before it (``新开工项目37个，总投资552亿元``); without a count
    (``——A区：X公司Y项目，总投资12.6亿元``) it is one project's, a project fact."""
    if ind[0] not in vocab()["group_total_ids"] or parent is not None:
        return False
    return not any(c.q.get("unit") == "count" and c.q.get("classifier") in ("个", "项")
                   for c in ctx.qtys_in(sent_start, q.start))


def _single_project(ctx: DocContext, ind, phrase: str, clause: str, subject: Ent, parent) -> bool:
    """The investment of one project (``X公司投资12亿元建设的…项目``, ``该基地总投资18亿元``)
    is a project fact, not a statistic of the park; a group (``这些项目``, ``N个项目，总投资``) is."""
    v = vocab()
    if ind[0] not in v["single_project_ids"] or v["investment_word"] not in (ind[1] or phrase or ""):
        return False
    if parent is not None or any(g in clause for g in v["group_markers"]):
        return False
    if subject.label == "COMPANY":
        return True
    return any(n in phrase for n in v["single_project_nouns"]) or "建设的" in clause
