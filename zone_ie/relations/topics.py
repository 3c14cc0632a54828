"""Topics (issue 14.2): which park each paragraph of an article is about. A paragraph's own
main park (named most, document-wide counts breaking ties) is its topic, else the article's
running topic; a sub-park named in passing (the last item of a paragraph about the zone,
an enumerated item, after the first sentence) does not hold the paragraphs after it; a
paragraph that names no park and reads like the paragraphs of another topic (bigram
cosine) joins that topic; a typed anaphor (``该经开区``) moves the topic to a park of its kind.
Called by :func:`.context.build_context`."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from operator import add, mul
from typing import Optional

import numpy as np

from .. import rx
from ..clusters import place_name_set
from .context import JOINED_PROJECT_AFTER, DocContext, Ent, Paragraph, anaphor_kind, anaphora_in, cues, is_sub_park


def _main_park(ents: list[Ent], weight: Optional[Counter] = None) -> Optional[Ent]:
    """The park named most often (document-wide counts break ties), first on ties."""
    parks = [e for e in ents if e.label == "PARK"]
    if not parks:
        return None
    first = parks[0].key
    if all(e.key == first for e in parks):
        return parks[0]  # one park: nothing to weigh
    counts = Counter(e.key for e in parks)
    weight = weight or Counter()
    score = {k: (weight[k], counts[k]) for k in counts}
    best = max(score.values())
    return next(e for e in parks if score[e.key] == best)


def assign_topics(ctx: DocContext) -> None:
    """Each paragraph's topic park: its own main park, else the article's running
    topic (an article that names no park keeps the previous one)."""
    by_article: dict[int, list[int]] = {}
    for i, p in enumerate(ctx.paragraphs):
        by_article.setdefault(p.article, []).append(i)
    previous: Optional[Ent] = None
    weight = Counter(e.key for e in ctx.ents if e.label == "PARK")
    text = ctx.text
    for _, indices in sorted(by_article.items()):
        # a park-like name joined to another into a project's name (``X产业园及Y创意园项目``) is no topic
        article_ents = [e for i in indices for e in ctx.ents_of(i)
                        if e.label != "PARK" or not JOINED_PROJECT_AFTER.match(text, e.end)]
        main = current = _main_park(article_ents, weight) or previous
        several = False  # the paragraph before named several parks (a roundup of sub-parks)
        for i in indices:
            p = ctx.paragraphs[i]
            mine = _without_locative_modifiers(
                ctx, [e for e in ctx.ents_of(i) if e.label != "PARK" or not JOINED_PROJECT_AFTER.match(text, e.end)])
            own = _main_park(mine, weight)
            if own is not None and not _anaphor_holds(ctx, p, current, own, mine):
                current = own
            else:
                if several and main is not None:
                    current = main  # after ``园区板块：A…；B…`` the article's zone comes back
                current = _anaphor_topic(ctx, p, current, article_ents) or current
            several = len({e.key for e in mine if e.label == "PARK"}) > 1
            passing = own is not None and main is not None and own.key != main.key and is_sub_park(own)
            if passing and _last_item(ctx, i, own):
                # ``…；B产业园新入驻企业9家。``: a sub-park named as the last item of a paragraph
                # about the zone is not what the paragraph is about (its own clause names it)
                current = main
            p.topic = current
            if passing and (_after_first_sentence(ctx, i, own) or _only_placing(ctx, i, own)):
                current = main  # a sub-park not opening its paragraph (or only placing a firm) holds no later one
            elif (own is not None and main is not None and own.key != main.key
                    and _list_item_re().match(ctx.text, p.start, p.end)):
                current = main  # ``2.X公司…项目，落户Y产业园；``: an enumerated item's park is its own
        previous = current
    _cohesion_topics(ctx)


def _without_locative_modifiers(ctx: DocContext, ents: list[Ent]) -> list[Ent]:
    """``走进位于X经开区的Y智造园``: a zone named only to place another park (``位于X的Y``)
    is the setting, not what the paragraph is about, and a park named as a companion or
    a yardstick (``与X新区等一起``, ``仅次于X``) is no topic either; they weigh nothing."""
    text = ctx.text
    parks = [e for e in ents if e.label == "PARK"]
    if not parks:
        return ents
    starts = {e.start for e in parks}
    drop = set()
    c = cues()
    for e in parks:
        if _among_places(text, e):
            drop.add(e.key)  # ``承接北京、天津、雄安新区及廊坊市的产业转移``: a park listed among places is one of them
            continue
        before = text[max(0, e.start - 4):e.start]
        if not before or before[-1] not in _BEFORE_LAST:
            continue  # no frame word can end right before the name
        if rx.search(c["topic_yardstick_before_re"], before) or (
                rx.search(c["topic_companion_before_re"], before) and rx.match(c["topic_companion_after_re"], text[e.end:e.end + 12])):
            drop.add(e.key)  # ``与南沙新区等一起进入…``, ``仅次于X新区``: a companion or a yardstick
            continue
        if not _LOCATIVE_BEFORE.search(before):
            continue
        m = _MODIFIER_AFTER.match(text, e.end)
        if m is not None and m.end() in starts and ctx.ent_at(m.end()).key != e.key:
            drop.add(e.key)
    if not drop:
        return ents
    # a park the paragraph also names plainly stays
    plain = {e.key for e in parks if e.key in drop and not _background(ctx, e)}
    return [e for e in ents if e.key not in drop or e.key in plain]


_PLACE_JOIN = "、和及与"


def _among_places(text: str, e: Ent) -> bool:
    """Whether the park ``e`` is an item of a list whose neighbours are places
    (``北京、天津、雄安新区及廊坊市``)."""
    places = place_name_set()
    before, after = text[max(0, e.start - 5):e.start], text[e.end:e.end + 6]
    left = before[-1:] in tuple(_PLACE_JOIN) and any(before[:-1].endswith(p) for p in _place_tails(before[:-1], places))
    right = after[:1] in tuple(_PLACE_JOIN) and any(after[1:].startswith(p) for p in _place_heads(after[1:], places))
    return left and right


def _place_tails(s: str, places: frozenset) -> list[str]:
    return [s[-n:] for n in (2, 3, 4) if len(s) >= n and (s[-n:] in places or (s[-n:-1] in places and s[-1] in "市省县"))]


def _place_heads(s: str, places: frozenset) -> list[str]:
    return [s[:n] for n in (2, 3, 4) if len(s) >= n and (s[:n] in places or (s[:n - 1] in places and s[n - 1] in "市省县"))]


def _background(ctx: DocContext, e: Ent) -> bool:
    text = ctx.text
    if _among_places(text, e):
        return True
    c = cues()
    before = text[max(0, e.start - 4):e.start]
    if rx.search(c["topic_yardstick_before_re"], before) or (
            rx.search(c["topic_companion_before_re"], before) and rx.match(c["topic_companion_after_re"], text[e.end:e.end + 12])):
        return True
    m = _MODIFIER_AFTER.match(text, e.end)
    return bool(_LOCATIVE_BEFORE.search(before) and m is not None and ctx.ent_at(m.end()) is not None
                and ctx.ent_at(m.end()).label == "PARK" and ctx.ent_at(m.end()).key != e.key)


_LOCATIVE_BEFORE = re.compile("(?:位于|地处|坐落于|坐落在)$")
# the last characters of the frames before a background park (locative, yardstick, companion)
_BEFORE_LAST = frozenset("于处在过越先后及超标与同和跟")
_MODIFIER_AFTER = re.compile("(?:[东西南北中]部|[东西南北]侧|核心区|内)?的")


_NOT_HAN = re.compile("[^\u4e00-\u9fff]+")


def _bigram_list(text: str) -> list[str]:
    """The pairs of adjacent CJK ideographs of ``text`` (other characters skipped)."""
    han = _NOT_HAN.sub("", text)
    return list(map(add, han, han[1:]))


def _cosine(a: Counter, b: Counter, b_squares: Optional[int] = None) -> float:
    """Cosine of two count vectors; ``b_squares`` is ``b``'s sum of squares when known."""
    if not a or not b:
        return 0.0
    dot = sum([a[k] * b[k] for k in a.keys() & b.keys()])  # integer counts: exact in any order
    if b_squares is None:
        b_squares = _squares(b)
    return dot / ((_squares(a) * b_squares) ** 0.5)


def _squares(counts: Counter) -> int:
    values = list(counts.values())
    return sum(map(mul, values, values))


class _ParagraphBigrams:
    """The :func:`_bigram_list` pairs of every paragraph at once, each pair coded as
    one integer (both ideographs are below U+10000, so the code is one-to-one):
    counting ints skips building a two-character string per pair."""

    def __init__(self, text: str, paragraphs: list[Paragraph]) -> None:
        chars = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
        han = np.flatnonzero((chars >= 0x4E00) & (chars <= 0x9FFF))
        # every ideograph lies in a paragraph (a line holding one is not blank)
        para = np.searchsorted(np.array([p.start for p in paragraphs]), han, side="right") - 1
        same = para[:-1] == para[1:]  # a pair never spans two paragraphs
        self.codes = ((chars[han[:-1]].astype(np.int64) << 16) | chars[han[1:]])[same]
        # the pairs come in text order: paragraph i's are codes[bounds[i]:bounds[i + 1]]
        self.bounds = np.searchsorted(para[:-1][same], np.arange(len(paragraphs) + 1)).tolist()

    def counts(self, paras: list[int]) -> Counter:
        """Counts of the coded pairs of paragraphs ``paras``."""
        b = self.bounds
        return Counter(np.concatenate([self.codes[b[i]:b[i + 1]] for i in paras] or [self.codes[:0]]).tolist())


_WHOLE_ZONE = re.compile("全区|该区|本区")


@lru_cache(maxsize=1)
def _list_item_re() -> "re.Pattern[str]":
    """An enumerated item's opening (``1.``, ``（2）``, ``③``, a bullet): ``list_item_re``."""
    return re.compile(cues()["list_item_re"])


def _after_first_sentence(ctx: DocContext, para: int, park: Ent) -> bool:
    """Whether ``park`` is first named after the first sentence of paragraph ``para``."""
    sents = ctx.sentences_of(para)
    return bool(sents) and all(e.start >= sents[0][1] for e in ctx.ents_of(para) if e.key == park.key)


def _only_placing(ctx: DocContext, para: int, park: Ent) -> bool:
    """``位于综保区维修产业园的X公司…``: every mention of ``park`` in the paragraph only
    places what follows it (``位于…的``); the paragraph is about that, not the park."""
    text = ctx.text
    mine = [e for e in ctx.ents_of(para) if e.key == park.key]
    return bool(mine) and all(
        _LOCATIVE_BEFORE.search(text, max(0, e.start - 6), e.start) is not None or _LOCATIVE_ZONE_WORD.search(text, max(0, e.start - 8), e.start) is not None
        for e in mine) and all(_MODIFIER_AFTER.match(text, e.end) is not None for e in mine)


_LOCATIVE_ZONE_WORD = re.compile("(?:位于|地处|坐落于|坐落在)[^，,。；;]{1,5}$")


def _last_item(ctx: DocContext, para: int, park: Ent) -> bool:
    """``park`` first named in the last sentence of a paragraph of several sentences,
    with nothing after it pointing back (``…均布局于此``)."""
    sents = ctx.sentences_of(para)
    if len(sents) < 2:
        return False
    mine = [e for e in ctx.ents_of(para) if e.key == park.key]
    if not mine or mine[0].start < sents[-1][0]:
        return False
    return _HERE.search(ctx.text, mine[0].end, ctx.paragraphs[para].end) is None


_HERE = re.compile("[于在]此|这里|该园|此地|园内|园区内")


def _cohesion_topics(ctx: DocContext) -> None:
    """A paragraph that names no park, on a page whose columns interleave several
    articles, may continue the article that comes *after* it. Between the park
    before it and the park after it (when they differ), it takes the one whose
    paragraphs share more vocabulary with it (character bigrams, TextTiling-style)."""
    paras = ctx.paragraphs
    if not paras or paras[-1].article == 0:
        return  # one article: nothing interleaves
    ents = [ctx.ents_of(i) for i in range(len(paras))]
    own = [any(e.label == "PARK" for e in x) for x in ents]
    if not any(own):
        return
    vocab: dict[str, tuple[Counter, int]] = {}  # topic key -> (bigram counts, sum of squares)
    about: dict[str, list[int]] = {}  # topic key -> the paragraphs that name a park
    for i, (q, has) in enumerate(zip(paras, own)):
        if has and q.topic is not None:
            about.setdefault(q.topic.key, []).append(i)
    bigrams: list[_ParagraphBigrams] = []  # built on first use

    def counts(indices: list[int]) -> Counter:
        if not bigrams:
            bigrams.append(_ParagraphBigrams(ctx.text, paras))
        return bigrams[0].counts(indices)

    def vocabulary(key: str) -> tuple[Counter, int]:
        """Bigram counts of the paragraphs that name a park and are about ``key``
        (built on first use: their topics never change here)."""
        if key not in vocab:
            found = counts(about.get(key, []))
            vocab[key] = (found, _squares(found))
        return vocab[key]

    seen: dict[str, set[str]] = {}  # topic key -> companies named in its paragraphs so far
    for i, p in enumerate(paras):
        companies = {e.key for e in ents[i] if e.label == "COMPANY"}
        continues = False
        if p.topic is not None:
            known = seen.setdefault(p.topic.key, set())
            continues = bool(companies & known)
            known |= companies
        if own[i] or p.topic is None or continues:
            continue  # a firm already met under this topic keeps the paragraph there
        if _WHOLE_ZONE.search(ctx.text, p.start, p.end) and not is_sub_park(p.topic):
            continue  # ``占全区…``: the paragraph points back at its zone as a whole
        nxt = next((q for q, has in zip(paras[i + 1:i + 3], own[i + 1:i + 3]) if has), None)
        if nxt is None or nxt.topic is None or nxt.topic.key == p.topic.key:
            continue
        if nxt.topic.key[:2] == p.topic.key[:2]:
            continue  # same place: a sub-park of the same zone, not another article
        words = counts([i])
        here = _cosine(words, *vocabulary(p.topic.key))
        there = _cosine(words, *vocabulary(nxt.topic.key))
        if there > here * 1.2:
            p.topic = nxt.topic


def _anaphor_holds(ctx: DocContext, p: Paragraph, current: Optional[Ent], own: Ent, mine: list[Ent]) -> bool:
    """``集聚区管委会…说。集聚区与上海X工业区结对共建…经X工业区推荐…``: a paragraph that
    refers to the running topic by its kind word in a sentence before the one naming another
    park, as often as it names that park, stays about the running topic."""
    if current is None or current.key == own.key or current.label != "PARK":
        return False
    first = min(e.start for e in mine if e.key == own.key)
    n_own = sum(1 for e in mine if e.key == own.key)
    if any(e.key == current.key for e in mine):
        return False  # the paragraph names both: counting decides
    refs = [pos for pos, word in anaphora_in(ctx, p.start, p.end)
            if any(current.text.endswith(k) for k in anaphor_kind(word) or ())
            and not any(own.text.endswith(k) for k in anaphor_kind(word) or ())]
    # (an earlier sentence: ``农高区规划建设…的X产业园`` in one clause names the new park's home)
    sent_start = ctx.sentence_at(first)[0]
    return bool(refs) and refs[0] < sent_start and len(refs) >= n_own


def _anaphor_topic(ctx: DocContext, p: Paragraph, current: Optional[Ent], article_ents: list[Ent]) -> Optional[Ent]:
    """A paragraph that names no park but says ``经开区`` is about the article's
    park of that kind when the running topic is of another kind."""
    for pos, word in anaphora_in(ctx, p.start, p.end):
        kind = anaphor_kind(word) or []
        fits = lambda e: e.label == "PARK" and any(e.text.endswith(k) for k in kind)  # noqa: E731
        if current is not None and fits(current):
            return current
        pool = [e for e in article_ents if fits(e)] or [e for e in ctx.ents if fits(e)]
        if pool:
            counts = Counter(e.key for e in pool)
            best = max(counts.values())
            return next(e for e in pool if counts[e.key] == best)
    return None
