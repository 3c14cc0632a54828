"""Metric facts (SPEC 4, 7, 10): every reported figure with subject, indicator,
scope, period, value, year-on-year change and share.

A sentence is read clause by clause. A figure whose clause names an indicator
(or a subject) opens a metric; a bare change (``同比增长17%``) or share
(``占…的41.6%``) joins the metric opened before it in the same sentence;
``分别`` spreads a list of figures over a list of scopes.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Optional, Sequence

from ..models import MetricFact, Period, Quantity
from .context import DocContext, Ent, Qty, in_table, table_spans, after_last, before_first, char_class, clause_ends, ends_any, has_any, has_cue, longest_first, longest_first_of, starts_any
from .indicators import find_indicator, has_vocab, strip_words, vocab, vocab_tuple
from .areas import area_subject
from .figures import _among_frame, _anecdote, _noise, _project_list_before, _skip
from .scopes import _WORDY, _strip_value_words, settle_scopes
from .periods_of import period_for, sentence_period
from .name_lists import date_ranks, lead_names, name_list, ranked_list_metrics, respective_at
from .labels import after_marks, label_frame
from .parallel import parallel_indicator, row_before
from .tables import merge_table_metrics, table_metrics
from .subjects import subject_for

ROLE_VALUE, ROLE_YOY, ROLE_SHARE = "value", "yoy", "share"


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
        keys = {e.text: e.key for e in ctx.ents}
        out = merge_table_metrics(table_metrics(ctx), out, keys)
    # a figure whose quantity has no number (``从26.62平方公里到163.41平方公里`` read as a
    # bare unit) states nothing an analyst could cite
    return [m for m in out if _has_number(m)]


def _has_number(m: MetricFact) -> bool:
    v = m.value
    return (v is not None and (v.value is not None or v.low is not None or v.high is not None)) or (
        m.yoy_pct is not None or m.share_pct is not None)


# fixed patterns, compiled at import rather than looked up (or compiled) in ``re``'s cache per call
_LIST_SEP = re.compile("[、，,]")
_PRODUCT_END = re.compile("[的、，,。；;：:）)“”\"]")
_COUNT_HEAD = re.compile(r"^[\d.]+[个家项所]")
_CONJ = re.compile("[和及与、]")
_CAPACITY_ITEM_END = re.compile("[、，,的]")
_SHORT_GAP = re.compile(r"[^，,。；;\d]{0,3}")


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


def _role(pre: str, q: Qty) -> str:
    """Whether a figure is a change, a share or a plain value, from the words before it."""
    unit = q.q.get("unit")
    if unit == "x" and _GROWTH_BY.search(pre[-4:]) and not _RATE_WORDS.search(pre[-10:]):
        return ROLE_YOY  # ``增长1.8倍``: a change of 180 % (``是…的2.5倍`` stays a ratio)
    if unit != "%":
        return ROLE_VALUE
    window = pre[-14:]
    if has_cue("share_cues", window) or has_cue("share_target_cues", window):
        return ROLE_SHARE
    if has_cue("yoy_cues", window) or has_vocab("yoy_extra_cues", window):
        return ROLE_YOY
    return ROLE_VALUE


_RATE_WORDS = re.compile(r"速度|增速|增幅|速率")  # ``增长速度增加了70倍``: the rate itself, a ratio
_GROWTH_BY = re.compile(r"(?:增长|增加|提高|提升|上升|扩大|增)了?(?:近|约|超过?|逾)?$")


def _rate_after(after: str) -> bool:
    """``以平均每年38%的速度递增``: a growth rate named after the figure."""
    return bool(_rate_after_re().match(after))


@lru_cache(maxsize=1)
def _rate_after_re() -> "re.Pattern[str]":
    return re.compile(r"^的?(?:%s)" % "|".join(vocab()["rate_after"]))


def _signed_yoy(pre: str, value: float) -> float:
    window = pre[-8:]
    return -abs(value) if has_cue("yoy_negative", window) else value


def _phrase(ctx: DocContext, start: int, end: int) -> str:
    """The indicator words between ``start`` and a figure at ``end``."""
    text = ctx.text
    # drop names, anaphora and periods in front
    cut = start
    for ent in ctx.ents_in(start, end):
        if ent.end > cut:
            cut = ent.end
    for p in ctx.pers_in(start, end):
        before = text[max(start, p.start - 2):p.start]
        base = next((w for w in _comparison_words() if before.endswith(w)), None)
        if base is not None and p.start - len(base) > cut:
            # ``出口额比去年增长20%``: the base of a comparison ends the indicator words
            end = p.start - len(base)
            break
        if before.endswith(("由", "从")) and p.start - 1 > cut:
            end = p.start - 1  # ``规上工业企业由2020年的62家…``: the words before the from-frame
            break
        if p.end > cut:
            cut = p.end
    phrase = text[cut:end]
    anaphora = longest_first("anaphora_park", "anaphora_company")
    if phrase.startswith(anaphora):
        for a in anaphora:
            if phrase.startswith(a):
                phrase = phrase[len(a):]
                break
    v = vocab()
    if has_vocab("completion_blockers", phrase):
        for w in longest_first_of(tuple(v["completion_blockers"])):
            k = phrase.find(w)
            if k >= 0:
                phrase = phrase[k + len(w):]
    phrase = _lstrip_words(phrase.strip(), v["phrase_strip"])
    stripped = _strip_value_words(phrase)
    hit = find_indicator(phrase)
    k = phrase.find(stripped) if stripped else -1
    cut_into = hit is not None and k >= 0 and (hit[1] < k < hit[2] or hit[1] < k + len(stripped) < hit[2])
    if hit is not None and (cut_into or (find_indicator(stripped) or ("",))[0] != hit[0]):
        # stripping cut into the indicator (``完成签约`` -> 签, ``已完成投资`` -> 投资):
        # strip only the words around its form
        ind, i, j = hit
        return _strip_value_words(phrase[:i]) + phrase[i:j] + _strip_value_words(phrase[j:])
    return stripped


@lru_cache(maxsize=1)
def _comparison_words() -> tuple[str, ...]:
    return tuple(sorted(vocab()["comparison_before"], key=len, reverse=True))


@lru_cache(maxsize=4096)
@lru_cache(maxsize=1)
def _scope_value_words() -> tuple[str, ...]:
    """``vocab()["scope_strip"] + vocab()["value_verbs"]`` (this order), built once."""
    return tuple(vocab()["scope_strip"] + vocab()["value_verbs"])


def _lstrip_words(phrase: str, words: list[str]) -> str:
    changed = True
    prefixes = tuple(words)
    while changed and phrase and phrase.startswith(prefixes):
        changed = False
        for w in words:
            if phrase.startswith(w):
                phrase, changed = phrase[len(w):], True
    return phrase


def _before_share(phrase: str) -> str:
    """The part of a share phrase before its 占 (the numerator's words)."""
    k = phrase.find("占")
    return phrase[:k] if k >= 0 else phrase


def _indicator(phrase: str, after: str, q: Qty, raw_pre: str = "") -> tuple[str, Optional[str], Optional[str]]:
    """``(indicator id, indicator_text, scope)`` for a figure."""
    v = vocab()
    if starts_any(phrase, v["other_prefixes"]):
        return "other", phrase, None
    unit, cls = q.q.get("unit"), q.q.get("classifier")
    listed = _listed_verb_noun(raw_pre) if unit == "count" else None
    if listed is not None:
        return listed
    if unit == "count" and phrase.endswith(v["example_marker"]):
        # ``A、B等146个省级研发机构``: the words before 等 are examples, the noun after the count is counted
        phrase = ""
    if unit == "rank":
        # SPEC 10: a ranking is ``other`` whatever it ranks
        return "other", phrase or None, None
    nouns = v["enterprise_nouns"]
    if unit == "count" and cls in _FIRM_CLASSIFIERS and not find_indicator(phrase):
        pred = _predicate_scope(after)
        if pred is not None:
            return "enterprise_count", pred[0], pred[1]
    if unit == "count" and cls in _FIRM_CLASSIFIERS and phrase.startswith(vocab_tuple("activity_verbs")):
        # ``对接企业70余家`` / ``走访企业30家``: firms the subject worked with, not its firms
        return "other", phrase, None
    if unit == "count" and cls in _FIRM_CLASSIFIERS:
        if phrase and (ends_any(phrase, nouns) or phrase.endswith("业")):
            return "enterprise_count", phrase, strip_words(phrase, v["value_verbs"]) or None
        tail = _LIST_SEP.split(after)[0]
        if ends_any(tail, nouns) and len(tail) <= 14 and not find_indicator(phrase):
            core = strip_words(tail, ["与", "和", "的", "相关的公司"] + nouns) or None
            return "enterprise_count", tail, core
    cap = _capacity_list(after, q)
    if cap is not None and not find_indicator(phrase):
        return cap
    if unit == "count" and cls in v["project_classifiers"] and not find_indicator(phrase):
        tail = _LIST_SEP.split(after)[0]
        staged = _staged_noun(tail) if find_indicator(tail) is None else None
        if staged is not None:  # ``4个项目集中开工``: a count of projects at a stage
            return "other", staged, staged
    hit = find_indicator(phrase)
    if hit is not None and hit[0] in v["project_count_ids"] and unit == "count" and cls not in v["project_classifiers"]:
        return "other", phrase or after or None, None
    if hit is None and after.startswith("的"):
        h = find_indicator(after)
        if h is not None and h[1] <= 3:
            return h[0], after[1:h[2]], None
    if hit is not None and hit[0] == "production_capacity":
        product = _PRODUCT_END.split(after)[0]
        if product and len(product) <= 14 and _WORDY.search(product):
            return hit[0], phrase[hit[1]:hit[2]], product
        before = strip_words(phrase[:hit[1]], _scope_value_words())
        if before:  # ``TDI年产能达到15万吨``: the product before the form
            return hit[0], phrase[hit[1]:hit[2]], before
    if hit is not None:
        ind, i, j = hit
        rest = phrase[j:]
        ratios = v["ratio_suffixes"]
        ratio = next((r for r in ratios if rest.startswith(r)), None) if starts_any(rest, ratios) else None
        if ratio is None and unit == "%" and 0 < len(rest) <= 4 and rest.endswith(tuple(v["ratio_ends"])):
            ratio = rest  # ``主营业务收入利润率10.1%``: a rate built on the indicator
        if (ratio and unit == "count" and ratio in v["count_stocks"] and not phrase.startswith("每")
                and float(q.q.get("value") or 0).is_integer()):
            ratio = None  # ``发明专利拥有量590件``: a count of what is owned, not a ratio
        if ratio:
            # ``研发投入强度`` / ``专利拥有量``: a ratio built on the indicator, not the indicator
            return "other", phrase[: j + len(ratio)], None
        scope = strip_words(phrase[:i], _scope_value_words()) or None
        if scope is not None and len(scope) < 2:
            scope = None  # a lone character left by stripping (签约… -> 签) names nothing
        scope = scope or v["form_scopes"].get(phrase[i:j])
        nouns = v["split_form_nouns"]
        noun = next((n for n in nouns if rest.endswith(n)), None) if ends_any(rest, nouns) else None
        if noun and len(rest) - len(noun) <= v["split_form_max"] and not scope:
            # ``新签约光电项目17个``: the words between the form and its noun are the scope
            return ind, phrase, rest[: -len(noun)] or None
        return ind, phrase[: j] or None, scope
    if q.q.get("unit") == "count":
        nouns = vocab()["enterprise_nouns"]
        if q.q.get("classifier") == "家" and (starts_any(after, nouns) or ends_any(phrase, nouns)):
            return "enterprise_count", phrase or after[:2], None
        hit = find_indicator(after)
        if hit is not None and hit[1] <= 6:
            scope = after[: hit[1]] or None
            if scope is None and raw_pre.endswith("的") and 0 < len(phrase) <= v["modifier_scope_max"]:
                # ``新获批的4家博士后科研工作站``: the relative clause says which
                scope = strip_words(phrase, v["value_verbs"] + ["的"]) or None
            return hit[0], after[: hit[2]], scope
    return "other", phrase or after or None, None


_FIRM_CLASSIFIERS = frozenset({"家", "户"})  # 规上企业82户 counts firms as 企业…家 does


def _listed_verb_noun(raw_pre: str):
    """``累计签约A、B、C等项目134个``: the verb before the examples and the noun after
    等 name the indicator (签约 + 项目 -> signed_projects)."""
    v = vocab()
    k = raw_pre.rfind(v["example_marker"])
    if k <= 0:
        return None
    noun = raw_pre[k + 1:]
    if noun not in v["project_count_nouns"] + v["enterprise_nouns"]:
        return None
    first = _LIST_SEP.split(raw_pre[:k])[0]
    found = [(first.find(w), -len(w), w) for w in v["list_verbs"] if w in first]
    verb = min(found)[2] if found else None
    hit = find_indicator(verb + noun) if verb else None
    return (hit[0], verb + noun, None) if hit else None


def _predicate_scope(after: str) -> Optional[tuple[str, str]]:
    """``280家企业在产业链关键领域实现…`` / ``251家企业属于工业“六基”领域`` /
    ``201家企业拥有…的I类知识产权``: a count of firms described by a predicate is
    scoped by what the predicate says they are, have or do: ``(predicate, scope)``."""
    v = vocab()
    noun = next((n for n in v["enterprise_nouns"] if after.startswith(n)), None)
    if noun is None:
        return None
    pred = after[len(noun):].rstrip("。；;，,")
    verb = next((w for w in sorted(v["enterprise_predicates"], key=len, reverse=True) if pred.startswith(w)), None)
    if verb is None:
        return None
    obj = pred[len(verb):]
    if verb == v["locative_predicate"]:
        # ``在X实现Y``: the field X
        k = min([i for i in (obj.find(w) for w in v["enterprise_predicates"]) if i > 0] or [-1])
        obj = obj[:k] if k > 0 else ""
    else:
        obj = obj[obj.rfind("的") + 1:]
        k = obj.rfind("等")
        if k >= 0:
            obj = _COUNT_HEAD.sub("", obj[k + 1:])
        obj = _CONJ.split(obj)[0]
    obj = obj.strip()
    if len(obj) < 2:
        return None
    return pred, obj


def _capacity_list(after: str, q: Qty):
    """``具备5200台A、3万台B、1.5GW C的年产能``: each figure is a capacity of its product."""
    frames = vocab()["capacity_frames"]
    if not has_any(frames, after):
        return None  # no frame anywhere in ``after``
    for f in frames:
        k = after.find(f)
        if k > 0:
            product = _CAPACITY_ITEM_END.split(after)[0].strip()
            if product:
                return "production_capacity", f.lstrip("的"), product
    return None


def _qualified(ind, phrase: str):
    """``平均营业收入`` / ``人均…``: the qualifier is the scope the gold keeps; in a
    comparison (``高于全市平均水平``) the area compared with is the scope; a product
    before a measure noun (``钛材产量``, ``负极材料销量``) scopes it."""
    m = _comparison_base_re().search(phrase) if phrase and not _compare_first().isdisjoint(phrase) else None
    if m is not None:
        return ind[0], ind[1], m.group("area")
    for w in vocab()["scope_qualifiers"]:
        if w in phrase:
            return ind[0], ind[1], w
    if ind[0] == "other" and not ind[2] and ind[1]:
        text = ind[1]
        for noun in _measure_nouns():
            if text.endswith(noun) and len(text) > len(noun):
                product = strip_words(text[: -len(noun)], vocab()["value_verbs"] + vocab()["scope_strip"] + ["的", "我们的", "公司"])
                if product and _WORDY.search(product):
                    return ind[0], ind[1], product
                break
    return ind


@lru_cache(maxsize=1)
def _compare_first() -> frozenset[str]:
    """First characters of the comparison verbs (a cheap test before the pattern)."""
    return frozenset(w[0] for w in vocab()["comparison_verbs"])


_AREA_WORD = re.compile(r"全[市省区县州盟国]|[\u4e00-\u9fff]{2}[市省县](?![场区])")
_SHARE_LIST_ITEM = re.compile(r"的[^，,。；;\d]{1,14}[、和及与]")


@lru_cache(maxsize=1)
def _share_frame_re() -> "re.Pattern[str]":
    return re.compile(vocab()["share_frame_re"])


@lru_cache(maxsize=1)
def _difference_re() -> "re.Pattern[str]":
    return re.compile(vocab()["difference_re"])


@lru_cache(maxsize=1)
def _comparison_base_re() -> "re.Pattern[str]":
    verbs = "|".join(map(re.escape, vocab()["comparison_verbs"]))
    return re.compile(f"(?:{verbs}){vocab()['comparison_base_re']}")


@lru_cache(maxsize=1)
def _measure_nouns() -> tuple[str, ...]:
    return tuple(sorted(vocab()["measure_nouns"], key=len, reverse=True))


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
        v = float(q.q["value"])
        m.yoy_pct = _signed_yoy(pre, v * 100 if q.q.get("unit") == "x" else v)
    elif role == ROLE_SHARE:
        if m.share_pct is not None:
            return False
        m.share_pct = float(q.q["value"])
    else:
        if m.value is not None:
            return False
        fields = q.q
        if fields.get("unit") == "pp" and fields.get("value") is not None:
            # ``增幅比上半年回落1.1个百分点`` / ``下拉…``: a fall in percentage points is negative
            fields = dict(fields, value=_signed_yoy(pre, float(fields["value"])))
        m.value = Quantity(**fields)
    return True


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


def _denominator(phrase: str) -> bool:
    """The words of a share that name only the whole (``在总投资额中``, ``全年目标任务的``)."""
    if not phrase:
        return True
    if phrase.startswith("在") and phrase.endswith("中"):
        return True
    p = strip_words(phrase, vocab()["value_verbs"] + ["的"])
    return not p or has_cue("share_target_cues", phrase)


def _money(q: Qty, text: str, cs: int, ce: int) -> Qty:
    """A bare ``4亿`` / ``百万`` in a money context is yuan."""
    if q.q.get("unit") == "" and (q.q.get("value") or 0) >= 1e4:
        if has_vocab("money_nouns", text[cs:ce]):
            return Qty(q.start, q.end, q.text, dict(q.q, unit="CNY"))
    return q


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
    listed: list[str] = []
    parent: Optional[MetricFact] = None   # last count metric of the sentence
    parent_noun: Optional[str] = None
    parent_end = s
    frame: Optional[str] = None
    spread: list[MetricFact] = []
    subjects_list: list[Ent] = []
    list_metric: Optional[MetricFact] = None
    sentence_names = lead_names(ctx, s, e)  # the last name list a 分别 paired with figures
    named: list[MetricFact] = []    # the metrics made for it, in its order
    share_framed = False  # the figure before was a share of an area's total (``全市31%的A、17%的B``)
    crossed_cs: Optional[int] = None  # clause start of a crossed threshold just skipped
    template: Optional[list[MetricFact]] = None  # the metrics of the row before (parallel rows)
    for q, cs, ce in kept:
        if _noise(ctx, q, s, e, cs, ce):
            prev_end = q.end
            continue
        among = _among_frame(text, q, ce, e)
        if among:
            frame = among
            prev_end = q.end
            continue
        q = _money(q, text, cs, ce)
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
                m = open_m.model_copy(deep=True)
                m.scope, m.value, m.yoy_pct, m.share_pct = "、".join(listed), None, None, float(q.q["value"])
                m.evidence = ctx.raw(cs, ce)
                out.append(m)
                prev_end = q.end
                continue
            if _denominator(phrase) or _denominator(_before_share(pre)):
                phrase = ""
        if role == ROLE_YOY:
            phrase = _strip_yoy(phrase)
        after = text[q.end:ce]
        if open_m is not None and (_milestone(phrase, after) or _crossed_restates(open_m, q, phrase)):
            prev_end = q.end  # ``净利润1.06亿元，第一次突破1亿元``: the threshold the figure crossed
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
        if role != ROLE_VALUE and respective and open_m is not None and not distribute:
            # ``A 9家、B 64家，分别占全市总数的45%和38.1%``: one change or share per listed figure
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
                m = list_metric.model_copy(deep=True)
                m.subject, m.value, m.yoy_pct, m.share_pct, m.evidence = name.text, None, None, None, ev
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
        if respective and open_m is not None and distribute:
            scope = distribute.pop(0)
            m = open_m.model_copy(deep=True)
            m.scope, m.value, m.yoy_pct, m.share_pct, m.evidence = scope, None, None, None, ev
            _set(m, role, q, pre)
            out.append(m)
            prev_end = q.end
            continue
        target = open_m
        if role == ROLE_SHARE and open_m is not None and _comparison_figure(open_m):
            # ``…318.6亿元，增长14.3%，增幅居全市第一，比一季度提高1.9个百分点，占全市比重达12.3%``:
            # the share is of the sentence's value, not of the rank or the difference between
            target = next((m for m in reversed(out) if m.subject == subject.text and not _comparison_figure(m)
                           and m.evidence[0] >= ctx.raw(s, s + 1)[0]), open_m)
        attach = (role != ROLE_VALUE and target is not None and target.subject == subject.text
                  and fraction_of is None and not framed and _adjunct(phrase))
        if attach and _set(target, role, q, pre):
            prev_end = q.end
            continue
        if (role == ROLE_VALUE and label is None and not respective and q.q.get("unit") != "rank"
                and target is not None and target.subject == subject.text
                and target.value is None and target.yoy_pct is not None and _value_after_change(text[prev_end:q.start])):
            # ``进出口总额增长15%以上、突破440亿元``: the level the changed figure reaches
            _set(target, role, q, pre)
            target.evidence = (target.evidence[0], max(target.evidence[1], ev[1]))
            prev_end = q.end
            continue
        ind = _indicator(phrase, after, q, head)
        if fraction_of is not None and ends_any(fraction_of, vocab()["enterprise_nouns"]):
            ind = ("enterprise_count", fraction_of, fraction_of)
        if role != ROLE_VALUE and not phrase and open_m is None:
            ind = _head_indicator(ctx, s, cs, q) or ind
        if role == ROLE_SHARE and not phrase and (open_m is None or open_m.share_pct is not None) and ind[0] == "other":
            ind = _share_base_indicator(pre) or ind  # ``X占全市外贸的46.5%``: the park's share of 外贸
        ind = _inherit(ind, phrase, after, q, parent, parent_noun, text[parent_end:q.start])
        if open_m is not None and open_m.subject == subject.text and _from_to(text, cs, open_m, pre):
            # ``由21家增至67家``: the later figure is the earlier one's indicator
            ind = (open_m.indicator, open_m.indicator_text, open_m.scope)
        ind = _qualified(ind, phrase)
        if ind[0] == "other" and q.q.get("unit") in vocab()["area_units"] and ind[1] and find_indicator(ind[1]) is None:
            # ``高标准农田8万亩``: an area figure is the land area of what the phrase names
            scope = strip_words(ind[1], _scope_value_words())
            ind = ("land_area", ind[1], scope if scope and _WORDY.search(scope) else ind[2])
        if ind[0] == "land_area" and has_vocab("floor_area_words", (ind[1] or "") + pre):
            ind = ("other", ind[1], ind[2])  # ``总建筑面积12万平方米``, ``标准化厂房9.6万平方米``: floor space, not land
        ind = _restated(ind, phrase, q, open_m, subject, pre)
        if ind[0] == "other" and role == ROLE_VALUE:
            if template is None:
                template = row_before(ctx, prior, s)
            if template:
                # ``…签约项目28个，协议投资118.5亿元；新能源类16个，84.2亿元``: the row before's frame
                ind = parallel_indicator(ctx, template, out, q, start) or ind
        host = _host_park(ctx, q, ce) if ind[0] == "enterprise_count" else None
        if host is not None:
            subject = host
        if frame and not ind[2]:
            ind = (ind[0], ind[1], frame)
        if _single_project(ctx, ind, phrase, text[cs:ce], subject, parent):
            prev_end = q.end
            continue
        if ind[0] == "production_capacity" and ind[1] == "年产" and any(
                w in text[s:q.start] for w in vocab()["completion_blockers"]):
            # ``建成后可年产…``: a project's design capacity (a project fact)
            prev_end = q.end
            continue
        if (not ind[2] and open_m is not None and open_m.subject == subject.text and open_m.scope
                and ends_any(open_m.scope, vocab()["enterprise_nouns"]) and ind[0] != "other"):
            # ``区内A类企业营业收入…，利润总额…``: the group of firms carries to the next figure
            ind = (ind[0], ind[1], open_m.scope)
        period = period_for(ctx, q.start, s)
        if period is not None and ind[0] == "land_area" and not sentence_period(ctx, q.start, s):
            period = None  # an area is a standing fact: only a period of its own sentence dates it
        m = _new(subject, ind, period, ev)
        _set(m, role, q, pre)
        k = bisect_left(starts, q.end)  # the next kept figure, if any
        nxt = starts[k] if k < len(starts) else e
        if m.yoy_pct is None and has_vocab("doubling_words", text[q.end:nxt]):
            # ``…450亿元，较去年实现翻番``: doubling is a 100 % change
            m.yoy_pct = 100.0
        if subjects_list:
            list_metric = m
            named.append(m)
        if respective and m.scope:
            n = 1 + sum(1 for r in qtys if r.start > q.start and r.end <= ce)
            items = _split_list(m.scope, n)
            if len(items) > 1:
                m.scope = items[0]
                distribute = items[1:]
                listed = items
        out.append(m)
        open_m = m
        listing = parent is not None and has_cue("list_frame_cues", text[parent_end:q.start])
        if q.q.get("unit") == "count" and not listing:
            parent, parent_end = m, q.end
            parent_noun = _count_noun(phrase, after)
        prev_end = q.end
    return out


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


def _comparison_figure(m: MetricFact) -> bool:
    """A rank or a difference in points (``居全市第一``, ``提高1.9个百分点``)."""
    return m.value is not None and m.value.unit in ("rank", "pp")


def _slot_free(m: MetricFact, role: str) -> bool:
    return (m.yoy_pct is None) if role == ROLE_YOY else (m.share_pct is None)


def _fraction_share(text: str, q: Qty, ce: int) -> Optional[str]:
    """``近三分之一为高校院所孵化企业``: a fraction of a group is a share of it; the
    words after the copula name the part."""
    v = vocab()
    if q.q.get("unit") != "%" or not has_any(v["fraction_marks"], q.text):
        return None
    after = text[q.end:ce]
    for c in v["fraction_copulas"]:
        if after.startswith(c):
            return after[len(c):].rstrip("。；;")
    return None


def _restated(ind, phrase: str, q: Qty, open_m: Optional[MetricFact], subject: Ent, pre: str = ""):
    """``新增X企业23家，总数达到118家`` / ``累计注册企业426家，较年初新增58家``: a total or
    new entrants with no noun of their own count what the figure before counts;
    ``规上企业82户，比上年增加6户``: a difference from an earlier date is an ``other``
    figure scoped by what the figure before counts."""
    if ind[0] != "other" or open_m is None or open_m.subject != subject.text or open_m.value is None:
        return ind
    if open_m.value.unit != q.q.get("unit") or open_m.value.classifier != q.q.get("classifier"):
        return ind
    if _difference_re().search(pre):
        counted = open_m.scope if open_m.scope and len(open_m.scope) > 1 else open_m.indicator_text
        return "other", pre.strip("，,；; "), counted
    v = vocab()
    rest = strip_words(phrase, v["inherit_words"] + v["value_verbs"] + ["同比", "的"])
    if rest or not phrase:
        return ind
    return open_m.indicator, phrase, open_m.scope


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


def _milestone(phrase: str, after: str) -> bool:
    """``…312.4亿元，首次跨上300亿元台阶``: a threshold restating the figure just
    given (no indicator of its own), not a new figure."""
    return any(after.lstrip("的").startswith(w) for w in vocab()["milestone_nouns"]) and find_indicator(phrase) is None


_CROSSING_VERBS = "突破|跨过|跨越|迈上|站上|首破|跨上|越过"
_CROSSED = re.compile(rf"(?:{_CROSSING_VERBS})$")
_CROSSED_HEAD = re.compile(_CROSSING_VERBS)


@lru_cache(maxsize=1)
def _stated_after_re() -> "re.Pattern[str]":
    """``(门槛)，达…``: the figure stated after a crossed threshold (milestone words first)."""
    milestones = "|".join(map(re.escape, vocab()["milestone_nouns"]))
    return re.compile(rf"(?:的?(?:{milestones}))?[，,]\s*(?:达到|达|为|至|实现)")


def _crossed_restates(m: MetricFact, q: Qty, phrase: str) -> bool:
    """A crossed threshold (``突破1亿元``) right after a figure of the same unit at least as
    large, with no indicator of its own, restates that figure."""
    v = q.q.get("value")
    return (_CROSSED_HEAD.match(q.text) is not None and m.value is not None and m.value.value is not None
            and v is not None and m.value.unit == q.q.get("unit") and m.value.value >= v
            and find_indicator(phrase) is None)


def _crossed_then_stated(text: str, q: Qty, qtys: list[Qty], e: int) -> bool:
    """``突破千亿元，达1026.8亿元``: a crossed threshold followed by the figure itself
    (same unit) in the next clause."""
    if not (_CROSSED.search(text, max(0, q.start - 4), q.start) or _CROSSED_HEAD.match(q.text)):
        return False
    m = _stated_after_re().match(text, q.end, e)
    if m is None:
        return False
    nxt = next((r for r in qtys if r.start >= m.end()), None)
    return nxt is not None and nxt.start - m.end() <= 2 and nxt.q.get("unit") == q.q.get("unit")


def _value_after_change(gap: str) -> bool:
    """``…增长15%以上、突破440亿元`` / ``同比增长10%，达到300亿元``: only a list or clause
    mark and value verbs in ``gap``, the words between a change and the figure after it."""
    words = gap.strip()
    if not words or words[0] not in "、，,":
        return False
    return not strip_words(words[1:].strip(), vocab()["value_verbs"] + vocab()["label_value_words"])


def _adjunct(phrase: str) -> bool:
    """Words before a bare change or share that name no new indicator
    (``受海外需求偏弱影响同比下降3.6%``): the figure belongs to the open metric."""
    v = vocab()
    if not phrase or phrase in v["adjunct_alone"]:
        return True  # ``可比增长5.5%`` (``可`` stripped as a value verb): a bare comparison
    if len(phrase) > v["attach_max_len"] or find_indicator(phrase) is not None:
        return False
    return has_vocab("adjunct_markers", phrase)


def _count_noun(phrase: str, after: str) -> Optional[str]:
    """What a count counts: ``实施新材料项目36个`` / ``引进40个沿海项目`` -> …项目."""
    nouns = vocab()["project_count_nouns"]
    p = _strip_value_words(phrase)
    if any(p.endswith(n) for n in nouns):
        return p
    k = min([i for i in (after.find("、"), after.find("，")) if i >= 0] or [len(after)])
    a = after[:k]
    if any(a.endswith(n) for n in nouns) and len(a) <= 12:
        return a
    return _staged_noun(a)


def _staged_noun(a: str) -> Optional[str]:
    """``项目集中开工`` / ``产业项目在建``: the stage the projects are in names them
    (集中开工项目, 在建产业项目)."""
    for n in vocab()["project_count_nouns"]:
        j = a.find(n)
        stage = a[j + len(n):] if j >= 0 else ""
        if stage and stage in vocab()["project_stage_verbs"] and j <= 8:
            return stage + a[:j + len(n)]
    return None


def _inherit(ind, phrase, after, q, parent, parent_noun, between):
    """List members and totals take their indicator from the count they detail:
    ``新签约项目76个，其中工业项目46个`` -> signed_projects (scope 工业项目);
    ``实施X项目36个，总投资98.8亿元`` -> project_investment of X项目
    (signed_investment when the count is of signed projects)."""
    if parent is None:
        return ind
    if ind[0] == "other" and q.q.get("unit") == "count" and has_cue("list_frame_cues", between):
        if parent.indicator != "other":
            return (parent.indicator, ind[1], ind[1] or ind[2])
    bare = ind[0] == "other" and (ind[1] or "").endswith(vocab()["investment_word"]) and q.q.get("unit") == "CNY"
    if (ind[0] in ("project_investment", "fixed_asset_investment") or bare) and not ind[2] and parent_noun:
        new_id = "signed_investment" if parent.indicator == "signed_projects" else "project_investment"
        return (new_id, ind[1], parent_noun)
    if ind[0] == "signed_investment" and not ind[2] and parent.indicator == "signed_projects" and parent.scope:
        # ``新签约光电项目17个，协议总投资86亿元``: the investment of the projects just counted
        return (ind[0], ind[1], parent.scope)
    return ind


_SHARE_BASE = re.compile(r"占(?:全市|全省|全区|全县|全州|全国|全疆|全自治区|[^，,。；;的]{1,4}?(?:市|省|县|州))(?P<base>[^，,。；;]{1,8}?)(?:总[量额值数])?的?(?:比重)?(?:为|达|达到)?[约近超逾]?$")


def _from_to(text: str, cs: int, open_m: MetricFact, pre: str) -> bool:
    """Whether ``pre`` (the words before a figure) closes a ``由A…增至`` frame whose A is
    ``open_m``'s figure in the same clause."""
    v = vocab()
    body = _FROM_TO_FILLER.sub("", pre)
    if body not in v["from_to_verbs"]:
        return False
    return any(w in text[cs:cs + 40] for w in v["from_to_open"])


_FROM_TO_FILLER = re.compile(r"(?:(?:19|20)\d{2}年(?:底|末)?的?|的)")


def _share_base_indicator(pre: str):
    """``占全市外贸的``: the indicator a share of an area's total is of, named in its base."""
    m = _SHARE_BASE.search(pre)
    if m is None:
        return None
    hit = find_indicator(m.group("base"))
    if hit is None:
        return None
    return hit[0], m.group("base"), None


def _head_indicator(ctx: DocContext, s: int, cs: int, q: Qty):
    """A bare change (``增长幅度达到100%``) whose indicator was named earlier in the sentence."""
    head = ctx.text[s:cs]
    hit = find_indicator(head)
    if hit is None:
        return None
    ind, i, j = hit
    k = after_marks(head, max(head.rfind(c, 0, i) for c in "，,：:") + 1, i)  # no bullet (``■ ``)
    keep = [w for w in vocab()["scope_strip"] if w != "新"]
    scope = strip_words(head[k:i], keep + vocab()["value_verbs"]) or None
    return ind, head[k:j], scope


def _strip_yoy(phrase: str) -> str:
    for w in longest_first("yoy_cues"):
        k = phrase.find(w)
        if k >= 0:
            phrase = phrase[:k]
    return strip_words(phrase, vocab()["value_verbs"] + vocab()["scope_strip"] + ["同比", "较上年", "较上年度", "比上年"])


def _split_list(scope: str, n: int = 0) -> list[str]:
    """The members of a ``分别`` list. Official names contain 和/及
    (化学原料和化学制品制造业), so split on 、 and only split on 和/及 too when
    that is what makes the members as many as the figures (``n``)."""
    items = [x.strip() for x in scope.split("、") if x.strip()]
    if n and len(items) != n:
        alt = scope
        for sep in ("和", "及", "与"):
            alt = alt.replace(sep, "、")
        alt_items = [x.strip() for x in alt.split("、") if x.strip()]
        if len(alt_items) == n:
            return alt_items
    return items
