"""What kind of figure a number is in its metric (SPEC 5, 10): a value, a change
(``同比增长17%``, ``增长1.8倍`` = 180 %) or a share (``占…的41.6%``); the slot it fills in
the metric opened before it; milestones and crossed thresholds that restate a figure
(``首次突破1亿元``); a level stated after its change (``增长15%、突破440亿元``)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional

from ..models import MetricFact, Quantity
from .context import Qty, has_any, has_cue
from .indicators import find_indicator, has_vocab, strip_words, vocab


ROLE_VALUE, ROLE_YOY, ROLE_SHARE = "value", "yoy", "share"


def _role(pre: str, q: Qty) -> str:
    """Whether a figure is a change, a share or a plain value, from the words before it."""
    unit = q.q.get("unit")
    if unit == "x" and _GROWTH_BY.search(pre[-4:]) and not _RATE_WORDS.search(pre[-10:]):
        if _BASE_YEAR.search(pre[-16:]):
            return ROLE_VALUE  # ``比2005年增长3倍以上``: a multiple of a base year long past, no yearly change
        return ROLE_YOY  # ``增长1.8倍``: a change of 180 % (``是…的2.5倍`` stays a ratio)
    if unit != "%":
        return ROLE_VALUE
    if ")" in pre or "）" in pre:
        pre = _BRACKETED.sub("", pre)  # ``占全市规上工业总产值（1784.4亿元）的``: the base's value aside
    window = pre[-14:]
    if has_vocab("contribution_words", window[-8:]):
        return ROLE_VALUE  # ``对全区营业收入增长的贡献率达到21.3%``: a contribution, not a growth
    if has_cue("share_cues", window) or has_cue("share_target_cues", window):
        return ROLE_SHARE
    if has_cue("yoy_cues", window) or has_vocab("yoy_extra_cues", window):
        return ROLE_YOY
    return ROLE_VALUE


_BRACKETED = re.compile(r"[（(][^（）()]{0,24}[）)]")
_RATE_WORDS = re.compile(r"速度|增速|增幅|速率")  # ``增长速度增加了70倍``: the rate itself, a ratio
_BASE_YEAR = re.compile(r"[比较](?:19|20)\d\d年")  # ``比2005年增长3倍``: a base year, not last year


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


def _set(m: MetricFact, role: str, q: Qty, pre: str) -> bool:
    """Put figure ``q`` into ``m`` in ``role``; False when that slot is taken."""
    if role in (ROLE_YOY, ROLE_SHARE) and q.q.get("value") is None:
        return True  # ``增长25%—30%``: a range of growth or share has no field; it is left out
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


def _money(q: Qty, text: str, cs: int, ce: int) -> Qty:
    """A bare ``4亿`` / ``百万`` in a money context is yuan."""
    if q.q.get("unit") == "" and (q.q.get("value") or 0) >= 1e4:
        if has_vocab("money_nouns", text[cs:ce]):
            return Qty(q.start, q.end, q.text, dict(q.q, unit="CNY"))
    return q


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


def _milestone(phrase: str, after: str) -> bool:
    """``…312.4亿元，首次跨上300亿元台阶``: a threshold restating the figure just
    given (no indicator of its own), not a new figure."""
    return any(after.lstrip("的").startswith(w) for w in vocab()["milestone_nouns"]) and find_indicator(phrase) is None


def _converted(head: str) -> bool:
    """``4.12亿元，折合约6050万美元``: the figure just given, restated in another
    currency or unit (``conversion_head_re``); ``head``: the words since the figure before."""
    return _conversion_re().match(head) is not None


@lru_cache(maxsize=1)
def _conversion_re() -> "re.Pattern[str]":
    return re.compile(vocab()["conversion_head_re"])


def _target_amount(head: str, after: str) -> bool:
    """``完成全年530亿元目标任务的74.8%``: the amount is the year's target of the figure before
    it, not a figure of its own (``head``: the words before it in its clause)."""
    c = _target_res()
    return c[0].match(after) is not None or (c[1].search(head) is not None and c[2].match(after) is not None)


@lru_cache(maxsize=1)
def _target_res() -> tuple["re.Pattern[str]", ...]:
    v = vocab()
    return tuple(re.compile(v[k]) for k in ("target_amount_after_re", "target_amount_head_re", "target_amount_head_after_re"))


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
