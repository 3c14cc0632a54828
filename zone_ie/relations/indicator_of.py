"""Which words name a figure's indicator and scope (SPEC 4, 7): the words before a figure
(without names, periods, anaphora and value verbs), the longest indicator form in them
or right after the figure, the scope in front of the form, a count's noun, a predicate's
scope (``企业中有研发机构的达…``), a sub-list inheriting its parent's indicator, a share's
base (``占全市外贸的``). Word lists: ``patterns/indicators.json``."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..models import MetricFact
from ..periods import find_periods
from .context import DocContext, Ent, Qty, cues, ends_any, has_any, has_cue, longest_first, longest_first_of, starts_any
from .indicators import find_indicator, has_vocab, strip_words, vocab, vocab_tuple
from .scopes import _WORDY, _strip_value_words
from .labels import after_marks

_LIST_SEP = re.compile("[、，,。；;！？!?]")
_PRODUCT_END = re.compile("[的、，,。；;：:）)“”\"]")
_COUNT_HEAD = re.compile(r"^[\d.]+[个家项所]")
_CONJ = re.compile("[和及与、]")
_CAPACITY_ITEM_END = re.compile("[、，,的]")


def _phrase(ctx: DocContext, start: int, end: int) -> str:
    """The indicator words between ``start`` and a figure at ``end``."""
    text = ctx.text
    # drop names, anaphora and periods in front
    cut = start
    keep = ""
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
            pre = text[cut:p.start]
            # ``规上工业企业全年研发经费支出``: a group of firms or a sector before a time word
            # is the scope of the indicator after it
            keep = pre if len(pre) >= 2 and ends_any(pre, _group_nouns()) and _NO_MARK.fullmatch(pre) else ""
            cut = p.end
    phrase = text[cut:end]
    if keep and find_indicator(phrase) is not None:
        phrase = keep + phrase
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


_NO_MARK = re.compile(r"[^，,。；;：:、（）()“”的家\s\d]+")  # no clause mark, modifier or count


@lru_cache(maxsize=1)
def _group_nouns() -> tuple[str, ...]:
    """Nouns that end a group of firms or a sector (``规上工业企业``, ``新能源产业``)."""
    v = vocab()
    return tuple(sorted({*v["enterprise_nouns"], *v["sector_suffixes"]}, key=len, reverse=True))


@lru_cache(maxsize=1)
def _comparison_words() -> tuple[str, ...]:
    return tuple(sorted(vocab()["comparison_before"], key=len, reverse=True))


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


def _people(phrase: str, after: str) -> Optional[str]:
    """The people a count of persons counts when a ``people_nouns`` word ends the words before
    it (``技能工人260名``) or opens the words after it (``30名博士``), else None."""
    nouns = vocab_tuple("people_nouns")
    if has_vocab("people_not_verbs", phrase) or after.lstrip("余多").startswith(vocab_tuple("people_scene_after")):
        return None  # ``输送技术工人620名`` (people sent to others), ``30多名工人正在焊接`` (a scene)
    core = strip_words(phrase, vocab()["value_verbs"] + vocab()["count_lead_words"]) or phrase
    if core.endswith(nouns):
        return core
    return next((w for w in longest_first_of(nouns) if after.startswith(w)), None)


_SIGNED_WITH = re.compile(r"(?:企业|公司|客商)?(?:集中|现场|正式|成功|分别)?(?:签约|签订|签署)(?:了)?(?:投资协议|合作协议|投资合同|项目合同|框架协议|协议)?")


def _before_share(phrase: str) -> str:
    """The part of a share phrase before its 占 (the numerator's words)."""
    k = phrase.find("占")
    return phrase[:k] if k >= 0 else phrase


def _indicator(phrase: str, after: str, q: Qty, raw_pre: str = "") -> tuple[str, Optional[str], Optional[str]]:
    """``(indicator id, indicator_text, scope)`` for a figure."""
    v = vocab()
    if starts_any(phrase, v["other_prefixes"]) or has_vocab("contribution_words", phrase):
        return "other", phrase, None  # ``…增长的贡献率``: a contribution, not the indicator
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
    if unit == "count" and cls in ("人", "名") and not find_indicator(phrase):
        people = _people(phrase, after)
        if people is not None:  # ``引进各类人才2000人`` / ``计划引进30名博士``: people the subject employs
            return "employees", people, people
    if unit == "count" and cls in _FIRM_CLASSIFIERS and phrase.endswith(("与", "同")):
        m = _SIGNED_WITH.match(after)
        if m is not None:  # ``与12家企业集中签约``: the firms the park signed with, one project each
            return "signed_projects", m.group(0).lstrip("企业公司"), None
        return "other", phrase + after[:8], None  # ``与30家企业开展对接``: firms it worked with, not its firms
    if unit == "count" and cls in _FIRM_CLASSIFIERS and not find_indicator(phrase):
        pred = _predicate_scope(after)
        if pred is not None:
            return "enterprise_count", pred[0], pred[1]
    if unit == "count" and cls in _FIRM_CLASSIFIERS and phrase.startswith(vocab_tuple("activity_verbs")):
        # ``对接企业70余家`` / ``走访企业30家``: firms the subject worked with, not its firms
        return "other", phrase, None
    if unit == "count" and cls in _FIRM_CLASSIFIERS:
        core = _COUNT_TAIL.sub("", phrase) if phrase else phrase
        if core and (ends_any(core, nouns) or core.endswith("业")):
            # (``规模以上工业企业总数达到612家``: the number of the firms is their count)
            return "enterprise_count", phrase, strip_words(core, v["value_verbs"]) or None
        tail = _LIST_SEP.split(after)[0]
        if not ends_any(tail, nouns) and not strip_words(phrase, v["value_verbs"] + v["count_lead_words"]):
            # ``188家规上工业企业实现产值…``: the firms counted, then their own figure (not
            # ``已带动69家上下游企业实现…``: firms the subject acts on)
            tail = _noun_before_predicate(tail)
        if ends_any(tail, nouns) and len(tail) <= 14 and not find_indicator(phrase):
            core = strip_words(tail, ["与", "和", "的", "相关的公司"] + nouns) or None
            return "enterprise_count", tail, core
    cap = _capacity_list(after, q)
    if cap is not None and not find_indicator(phrase):
        return cap
    if unit == "count" and cls in v["project_classifiers"] and not find_indicator(phrase):
        tail = _LIST_SEP.split(after)[0]
        signed = _project_noun_then_form(tail)
        if signed is not None:  # ``9个生物医药及大健康项目集中签约``: projects named, then signed
            return signed
        staged = _staged_noun(tail) if find_indicator(tail) is None else None
        if staged is not None:  # ``4个项目集中开工``: a count of projects at a stage
            return "other", staged, staged
        noun = _noun_before_predicate(tail)
        if noun != tail and len(noun) <= 14 and ends_any(noun, v["project_count_nouns"]):
            # ``47个亿元以上在建项目完成投资…``: the projects counted, then their own figure
            hit = find_indicator(noun) or find_indicator(_stage_re().sub("", noun))
            if hit is not None and hit[0] in v["project_count_ids"]:
                return hit[0], noun, noun  # (``亿元以上在建项目``: a stage inside the form)
            return "other", noun, noun
    hit = find_indicator(phrase)
    if hit is not None and rejects_unit(hit[0], unit):
        # ``规上企业完成产值207.4亿元``: the longest form cannot have the figure's unit; a form
        # after it can (the words before it are then its scope)
        later = find_indicator(phrase[hit[2]:])
        if later is not None and not rejects_unit(later[0], unit):
            hit = (later[0], later[1] + hit[2], later[2] + hit[2])
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
        if ratio and unit == "%" and ratio in v["ratio_as_share"].get(ind, ()):
            # ``研发投入强度3.5%``: the indicator's share (the figure's role: :func:`share_ratio`)
            return ind, phrase[: j + len(ratio)], None
        if ratio:
            # ``研发投入强度`` / ``专利拥有量``: a ratio built on the indicator, not the indicator
            return "other", phrase[: j + len(ratio)], None
        scope = strip_words(phrase[:i], _scope_value_words()) or None
        if scope is not None and len(scope) < 2:
            scope = None  # a lone character left by stripping (签约… -> 签) names nothing
        if scope is not None and scope in v["place_word_scopes"]:
            scope = None  # ``区内加工贸易…``: a place word before the form, the form's own scope instead
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
        hit = find_indicator(after) if not after.startswith(("、", "，", ",", "；", ";")) else None
        if hit is not None and hit[1] <= 6:  # (after 、 the form is the next item's: ``A项目9个、总投资…``)
            scope = after[: hit[1]] or None
            if scope is None and raw_pre.endswith("的") and 0 < len(phrase) <= v["modifier_scope_max"]:
                # ``新获批的4家博士后科研工作站``: the relative clause says which
                scope = strip_words(phrase, v["value_verbs"] + ["的"]) or None
            return hit[0], after[: hit[2]], scope
    if after.startswith(_NEXT_ITEM):
        after = ""  # (``其中A 9个、B 7个``: what follows 、 is the next item, not this figure's words)
    return "other", phrase or after or None, None


_NEXT_ITEM = ("、", "，", ",", "；", ";", "。")


def rejects_unit(indicator: str, unit: Optional[str]) -> bool:
    """Whether a figure of ``indicator`` cannot have ``unit`` (``indicator_unit_rejects``:
    money indicators are amounts, counts are counts, land is an area, capacity no amount)."""
    return unit in _unit_rejects().get(indicator, ())


@lru_cache(maxsize=1)
def _unit_rejects() -> dict[str, frozenset[str]]:
    out: dict[str, frozenset[str]] = {}
    for group in cues().get("indicator_unit_rejects", []):
        for ind in group["indicators"]:
            out[ind] = out.get(ind, frozenset()) | frozenset(group["units"])
    return out


@lru_cache(maxsize=1)
def _threshold_re() -> "re.Pattern[str]":
    return re.compile(vocab()["project_threshold_re"])


def _threshold_class(ind: tuple[str, Optional[str], Optional[str]], q: Qty) -> tuple[str, Optional[str], Optional[str]]:
    """``新引进亿元以上项目15个`` / ``新开工超5亿元项目6个``: a count of projects bounded by an
    investment is ``major_projects`` (SPEC 7), unless they are signed (``project_signed_words``)."""
    text = ind[1] or ""
    if (ind[0] in ("signed_projects", "other") and q.q.get("unit") == "count" and "项目" in text
            and _threshold_re().search(text) and not any(w in text for w in vocab()["project_signed_words"])):
        return "major_projects", ind[1], ind[2]
    return ind


def _noun_before_predicate(tail: str) -> str:
    """``规上工业企业实现产值293.6亿元`` -> ``规上工业企业``: the noun a count counts, cut
    before the predicate of the clause (a value verb) or a figure."""
    m = _predicate_re().search(tail)
    return tail[: m.start()] if m is not None else tail


@lru_cache(maxsize=1)
def _stage_re() -> "re.Pattern[str]":
    return re.compile("|".join(map(re.escape, sorted(vocab()["project_stage_verbs"], key=len, reverse=True))))


@lru_cache(maxsize=1)
def _predicate_re() -> "re.Pattern[str]":
    verbs = "|".join(map(re.escape, sorted(vocab()["value_verbs"], key=len, reverse=True)))
    return re.compile(rf"(?:{verbs}|\d)")


_FIRM_CLASSIFIERS = frozenset({"家", "户"})  # 规上企业82户 counts firms as 企业…家 does
# ``企业总数612家`` / ``外商投资企业新设数量15家``: the firms' number; ``规上工业企业由120家…``:
# the from-to marker before the first figure
_COUNT_TAIL = re.compile(r"(?:(?:新设|新增|新注册|注册)?(?:总数|数量|总量|个数|家数|户数)|由|从)$")


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
            # ``亩均税收`` / ``人均产值``: an intensity per mu or per head is no total of the
            # indicator it divides (every labelled set: 43 of 45 such figures are ``other``)
            intensity = w in vocab()["intensity_qualifiers"]
            return ("other" if intensity else ind[0]), ind[1], w
    if ind[0] in ("industrial_output", "industrial_output_above_scale") and _sector_scope(ind[2]):
        # ``医药工业产值96亿元``: the output of one industry is output_value of that industry
        # (SPEC 7; the park's whole 工业产值 keeps industrial_output)
        return "output_value", ind[1], ind[2]
    if ind[0] == "other" and not ind[2] and ind[1]:
        text = ind[1]
        for noun in _measure_nouns():
            if text.endswith(noun) and len(text) > len(noun):
                product = strip_words(text[: -len(noun)], vocab()["value_verbs"] + vocab()["scope_strip"] + ["的", "我们的", "公司"])
                if product and _WORDY.search(product):
                    return ind[0], ind[1], product
                break
    return ind


def _sector_scope(scope: Optional[str]) -> bool:
    """Whether a scope names an industry (``医药``, ``农产品加``, ``新材料产业``), not a group
    of firms (``…企业``), the park itself (``该园``), a class (``规模以上…``) or debris (``力争``)."""
    v = vocab()
    return bool(scope and len(scope) >= 2 and _WORDY.search(scope) and scope not in v["not_sector_scopes"]
                and not scope.endswith(tuple(v["not_sector_scope_tails"]))
                and not scope.startswith(tuple(v["not_sector_scope_heads"])))


@lru_cache(maxsize=1)
def _compare_first() -> frozenset[str]:
    """First characters of the comparison verbs (a cheap test before the pattern)."""
    return frozenset(w[0] for w in vocab()["comparison_verbs"])


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


def _denominator(phrase: str) -> bool:
    """The words of a share that name only the whole (``在总投资额中``, ``全年目标任务的``)."""
    if not phrase:
        return True
    if phrase.startswith("在") and phrase.endswith("中"):
        return True
    p = strip_words(phrase, vocab()["value_verbs"] + ["的"])
    return not p or has_cue("share_target_cues", phrase)


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
    if phrase:
        rest = strip_words(phrase, v["inherit_words"] + v["value_verbs"] + v["period_part_words"] + ["同比", "的"])
        return ind if rest else (open_m.indicator, phrase, open_m.scope)
    # ``进出口86.4亿元…；其中三季度单季完成33.9亿元``: no words but a period and a verb, the
    # same indicator for a part of the period
    words = pre.strip("，,；; ")
    periods = find_periods(words)
    part_words = v["period_part_words"] + v["value_verbs"]
    if (len(periods) != 1 or strip_words(_without_periods(words, periods), part_words)
            or strip_words(_without_periods((ind[1] or "").strip("。；;，,、.！!？? ")), part_words)
            or (open_m.indicator in v["total_investment_ids"] and has_vocab("progress_verbs", words))):
        # (``全年有38个学生创新团队…``: the words after the figure name it; ``总投资20亿元，1—9月
        # 已完成11.2亿元``: progress on a total is no total)
        return ind
    return open_m.indicator, words, open_m.scope


def _without_periods(phrase: str, found: Optional[list] = None) -> str:
    """``phrase`` with its period expressions (``found``, else found here) cut out
    (``其中三季度单季完成`` -> ``其中单季完成``)."""
    for p in reversed(found if found is not None else find_periods(phrase)):
        phrase = phrase[:p.start] + phrase[p.end:]
    return phrase


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


def _project_noun_then_form(tail: str):
    """``生物医药及大健康项目集中签约``: the projects a count names, then a short stage that is
    an indicator form (``集中签约`` -> signed_projects): ``(id, text, scope)``, the named
    projects as scope; else None."""
    for n in vocab()["project_count_nouns"]:
        j = tail.find(n)
        if j < 0 or len(tail) - j - len(n) > 4:
            continue
        hit = find_indicator(tail[j + len(n):])
        if hit is not None and hit[0] in vocab()["project_count_ids"]:
            return hit[0], tail, tail[:j + len(n)]
    return None


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
    stated = ind[0] == "fixed_asset_investment" and has_vocab("fixed_asset_words", ind[1] or "")
    # (``新开工亿元以上项目11个，完成固定资产投资36.8亿元``: the area's investment, named in full)
    if (ind[0] in ("project_investment", "fixed_asset_investment") or bare) and not ind[2] and parent_noun and not stated:
        new_id = "signed_investment" if parent.indicator == "signed_projects" else "project_investment"
        return (new_id, ind[1], parent_noun)
    if ind[0] == "completed_investment" and not ind[2] and parent_noun and parent_noun not in vocab()["project_count_nouns"]:
        # ``在建亿元以上项目27个，完成投资38.6亿元``: what the projects just counted have invested
        return (ind[0], ind[1], parent_noun)
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


_FROM_TO_FILLER = re.compile(
    r"(?:(?:(?:19|20)\d{2}年|去年|今年|上年|前年)(?:底|末)?的?|(?:现在|目前|如今|当前|眼下|今天)的?|的)")


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


def share_ratio(ind: tuple[str, Optional[str], Optional[str]], q: Qty) -> bool:
    """Whether a percentage is the share that names the indicator's ratio (``研发投入强度3.5%``)."""
    text = ind[1] or ""
    return q.q.get("unit") == "%" and any(text.endswith(r) for r in vocab()["ratio_as_share"].get(ind[0], ()))
