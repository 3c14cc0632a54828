"""Who and when a figure is about: subject and period, carried over from the
governing sentence, paragraph or article when the sentence does not say."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Optional

from .context import DocContext, Ent, Per, _cue_alternation, split_sentences, after_last, cues, ends_any, has_any, has_cue, longest_first, longest_first_of, per_document, resolve_anaphor
from .indicators import _vocab_alternation, has_vocab, vocab

_OBJECT_MARKERS = "与和向对为及跟同给把被、"
# fixed patterns, compiled at import rather than on first use
_YEAR_SINCE = re.compile(r"^(?:自|从)?((?:19|20)\d\d)年(?:以来|来)$")
_YEAR_AT_END = re.compile(r"(?:19|20)\d\d年$")
_HEADING_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?![\d.%])")
_TITLE_YEAR = re.compile(r"(?<![\d.])((?:19|20)\d\d)(?=年)")


def _candidates(ctx: DocContext, start: int, ents: list[Ent]) -> list[Ent]:
    """The mentions of ``ents`` (those after ``start``) that can be a sentence's
    subject: not inside brackets, not list members (``A、B等``), not objects of a
    preposition."""
    text = ctx.text
    out = []
    for ent in ents:
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
    return not head.endswith(_object_verbs())


@lru_cache(maxsize=1)
def _object_verbs() -> tuple[str, ...]:
    return tuple(cues()["object_verbs"])


def _chain_head(ctx: DocContext, ents: list[Ent], first: Ent) -> Ent:
    """The last of adjacent mentions (``园区A公司B`` -> B)."""
    head = first
    for ent in ents:
        if ent.start > head.start and ent.start - head.end <= 0:
            head = ent
    return head


def explicit_subject(ctx: DocContext, start: int, pos: int) -> Optional[Ent]:
    """The subject named in ``[start, pos)``: an anaphor before any name gives
    the park (or company) it refers to, else the first (chain of) mention(s).
    A name inside a modifier (``入驻X的Y``, ``位于X东部的Y``) or a locative
    frame (``在X内，Y…``) gives way to the head name after it.

    Memoized per document: earlier sentences are asked again for every figure
    of a later one (the context does not change once built)."""
    return per_document(ctx, "explicit_subject", _explicit_subject, start, pos)


def _explicit_subject(ctx: DocContext, start: int, pos: int) -> Optional[Ent]:
    ents = ctx.ents_in(start, pos)  # ents[i:i + n] for an i fixed by start
    # the candidates depend on the names only, not on pos: figures after the same
    # names share the answer (or, when there is no candidate, ask for an anaphor)
    named = ctx._index.setdefault("named_subject", {})
    key = (start, len(ents))
    if key in named:
        subject = named[key]
        return _subject_before(ctx, start, pos, []) if subject is _NO_CANDIDATES else subject
    cands = _candidates(ctx, start, ents)
    if cands:
        cands = _drop_speakers(ctx, _drop_locatives(ctx, cands))
    if not cands:
        named[key] = _NO_CANDIDATES
        return _subject_before(ctx, start, pos, [])
    named[key] = subject = _workplace_frame(ctx, cands) or _subject_before(ctx, start, cands[0].start, cands)
    return subject


_NO_CANDIDATES = object()  # a ``named_subject`` memo entry: no candidate name, ask per figure


def _subject_before(ctx: DocContext, start: int, first_pos: int, cands: list[Ent]) -> Optional[Ent]:
    """The subject from an anaphor in ``[start, first_pos)`` (before the first
    candidate name), else from the candidates."""
    text = ctx.text
    head_text = text[start:first_pos]
    found: list[tuple[int, int, Optional[Ent]]] = []   # (position, end, referent)
    for a in longest_first("anaphora_park") if has_cue("anaphora_park", head_text) else ():
        k = head_text.find(a)
        if k >= 0 and (k == 0 or not _part_of_name(ctx, start + k)):
            found.append((start + k, start + k + len(a), None))
            break
    demo = _park_demonstrative(ctx, start, first_pos)
    if demo is not None:
        found.append(demo)
    comp = _company_anaphor(ctx, start, first_pos)
    if comp is not None:
        found.append(comp)
    if found:
        k, end, ref = min(found, key=lambda f: (f[0], -f[1]))
        if ref is None:
            described = _described_company(ctx, end, cands)
            if described is not None:
                return described
            ref = resolve_anaphor(ctx, text[k:end], k)
        head = _modified_head(ctx, end, cands)
        return head or ref
    if not cands:
        return None
    head = _chain_head(ctx, cands, cands[0])
    return _modified_head(ctx, head.end, cands) or head


def _described_company(ctx: DocContext, end: int, cands: list[Ent]) -> Optional[Ent]:
    """``园区企业X公司…`` / ``园区上市龙头企业的业绩预告，X公司…``: a park anaphor that
    describes a kind of firm is the firm's descriptor, not the subject; the company
    named after it is."""
    if not cands or not _descriptor_re().match(ctx.text, end):
        return None
    return next((c for c in cands if c.label == "COMPANY" and c.start >= end), None)


@lru_cache(maxsize=1)
def _descriptor_re() -> "re.Pattern[str]":
    return re.compile(vocab()["anaphor_descriptor_re"])


def _workplace_frame(ctx: DocContext, cands: list[Ent]) -> Optional[Ent]:
    """``在X公司的生产车间里，…560台单晶炉正在运转``: the company whose workshop frames
    the sentence is what its figures describe."""
    text = ctx.text
    for ent in reversed(cands):
        if ent.label == "COMPANY" and text[ent.start - 1:ent.start] == "在" and _workplace_frame_re().match(text, ent.end):
            return ent
    return None


@lru_cache(maxsize=1)
def _workplace_frame_re() -> "re.Pattern[str]":
    return re.compile(vocab()["workplace_frame_re"])


@lru_cache(maxsize=8)
def _modifier_gap_re(gap: int) -> "re.Pattern[str]":
    """At most ``gap`` characters of one phrase, then 的 (``X[东部]的Y``)."""
    return re.compile(r"[^，,。；;：:、“”]{0,%d}的" % gap)


def _modified_head(ctx: DocContext, end: int, cands: list[Ent]) -> Optional[Ent]:
    """``X[东部]的Y`` with Y a name: Y is the head the figures are about."""
    text = ctx.text
    gap = vocab()["modifier_max_gap"]
    head = None
    for ent in cands:
        if ent.start < end:
            continue
        between = text[end:ent.start]
        if _modifier_gap_re(gap).fullmatch(between):
            head, end = ent, ent.end
            continue
        break
    return head


_SPEECH_HEAD = re.compile(r"[^，,。；;“”]{0,12}")


def _drop_speakers(ctx: DocContext, cands: list[Ent]) -> list[Ent]:
    """``X有关负责人表示，…``: the speaker's organisation is not the subject of what is said."""
    text = ctx.text
    v = vocab()
    out = []
    for ent in cands:
        m = _SPEECH_HEAD.match(text[ent.end:ent.end + 12])
        head = m.group(0) if m else ""
        if has_vocab("speaker_titles", head) and ends_any(head, v["speech_verbs"]):
            continue
        out.append(ent)
    return out


_LOCATIVE_OPEN = re.compile(r"(?:^|(?<=[，,。；;：:\n]))在[^，,。；;：:“”\d]*$")


def _drop_locatives(ctx: DocContext, cands: list[Ent]) -> list[Ent]:
    """``在X内，Y…`` / ``位于X的Y内，Z…`` / ``在X，Y公司…``: a park named as the place of a
    clause is not its subject when another name follows in the sentence (nor is a name
    modifying it)."""
    text = ctx.text
    drop = set()
    for i, ent in enumerate(cands):
        nxt = text[ent.end:ent.end + 2]
        first = i
        if nxt[:1] in "，," and i + 1 < len(cands) and cands[i + 1].label == "COMPANY":
            # ``在X产业园，Y公司…`` / ``在A新区B产业园，Y公司…``: a clause-opening 在 frame
            # (over the park names it strings together) places the company after it
            m = _LOCATIVE_OPEN.search(text, max(0, ent.start - 16), ent.start)
            if m is not None:
                while first > 0 and cands[first - 1].start > m.start() and cands[first - 1].label == "PARK":
                    first -= 1
        framed = (nxt[:1] in vocab()["locative_after"] and nxt[1:2] in "，,") or first < i or (
            nxt[:1] in "，," and text[ent.start - 1:ent.start] == "在"
            and i + 1 < len(cands) and cands[i + 1].label == "COMPANY")
        if ent.label == "PARK" and framed and i + 1 < len(cands):
            drop.update(range(first, i))
            drop.add(i)
            j = i
            while j > 0 and _modifier_gap_re(vocab()["modifier_max_gap"]).fullmatch(text[cands[j - 1].end:cands[j].start]):
                j -= 1
                drop.add(j)
    if not drop:
        return cands
    return [e for i, e in enumerate(cands) if i not in drop]


def _park_demonstrative(ctx: DocContext, start: int, end: int):
    """``该产业园`` / ``这个科技城``: the last park before it whose name ends so."""
    text = ctx.text
    v = vocab()
    # where each clause opens, past its quotes (never past ``end``); skipped when
    # no park word starts at ``start`` nor right after a break or quote in ``(start, end]``
    if start < end and not text.startswith(_park_suffixes(), start):
        marks = _park_leads(ctx)
        skip = bisect_left(marks, start) == bisect_right(marks, end)
    else:
        skip = False
    leads = () if skip else [_QUOTES.match(text, start, end).end()] + [m.end() for m in _LEAD_BREAK.finditer(text, start, end)]
    firsts = _first_chars(_park_suffixes()) if leads else None
    for lead in leads:
        if firsts is not None and text[lead:lead + 1] not in firsts:
            continue  # no park word opens this clause
        for suf in v["park_suffixes"]:
            # a bare kind word opening a clause (``科创园目前入驻企业93家``)
            if text.startswith(suf, lead) and ctx.ent_at(lead) is None and suf not in cues()["anaphora_park"]:
                prior = _prior_parks(ctx, lead, suf)
                if prior:
                    return (lead, lead + len(suf), prior[-1])
                break
    demonstratives = v["park_demonstratives"] if _vocab_alternation("park_demonstratives").search(text, start, max(start, end)) else ()
    for d in demonstratives:
        k = text.find(d, start, end)
        while k >= 0:
            for suf in v["park_suffixes"]:
                if text.startswith(suf, k + len(d)) and ctx.ent_at(k) is None:
                    word = d + suf
                    if word in cues()["anaphora_park"]:
                        return None
                    prior = _prior_parks(ctx, k, suf)
                    if prior:
                        return (k, k + len(word), prior[-1])
                    return None
            k = text.find(d, k + 1, end)
    return None


_LEAD_BREAK = re.compile("[，,：:][ “”\"‘’]*")
_QUOTES = re.compile("[ “”\"‘’]*")


def _park_leads(ctx: DocContext) -> list[int]:
    """Positions right after a clause break or quote where a park word starts
    (park_suffixes), once per document: the only clause leads of
    ``_park_demonstrative`` after ``start`` a park word can open."""
    hit = ctx._index.get("park_leads")
    if hit is None:
        hit = ctx._index["park_leads"] = [m.end() for m in _park_lead_re().finditer(ctx.text)]
    return hit


@lru_cache(maxsize=1)
def _park_suffixes() -> tuple[str, ...]:
    return tuple(vocab()["park_suffixes"])


@lru_cache(maxsize=1)
def _park_lead_re() -> "re.Pattern[str]":
    suffixes = vocab()["park_suffixes"]
    if "" in suffixes:
        return re.compile("[%s](?=)" % re.escape(_LEAD_CHARS))  # every position after a break
    alt = "|".join(re.escape(w) for w in suffixes) or "(?!)"
    return re.compile("[%s](?=%s)" % (re.escape(_LEAD_CHARS), alt))


_LEAD_CHARS = "，,：: “”\"‘’"  # the characters _LEAD_BREAK and _QUOTES match


@lru_cache(maxsize=64)
def _first_chars(words: tuple[str, ...]) -> Optional[frozenset[str]]:
    """The first characters of ``words`` (a word list's quick prefilter); None
    when an empty word makes every position a match."""
    return None if "" in words else frozenset(w[0] for w in words)


def _prior_parks(ctx: DocContext, pos: int, suf: str) -> list[Ent]:
    return [e for e in ctx.parks_before(pos, ctx.article_at(pos)) if e.text.endswith(suf)]


# quotes and frame words that may open a clause before a bare 公司 (``目前，公司累计…``)
_BARE_LEAD = re.compile(
    r"[ “”\"‘’「」]*(?:(?:目前|如今|现在|当前|截至目前|近年来|今年以来|去年以来|此外|同时|另外|其中|(?:19|20)\d\d年|今年|去年"
    r"|上半年|前三季度|一季度|全年)[，,]?)*"
)


def _company_anaphor(ctx: DocContext, start: int, end: int):
    """``该公司`` / ``这家企业`` (or a bare ``公司…`` opening the sentence): the last
    company named before it in the article that is not a partner or object."""
    text = ctx.text
    v = vocab()
    hit = None
    words = longest_first_of(tuple(v["company_anaphora"])) if has_vocab("company_anaphora", text[start:end]) else ()
    for w in words:
        k = text.find(w, start, end)
        if k >= 0 and ctx.ent_at(k) is None and (hit is None or k < hit[0]):
            hit = (k, k + len(w))
    # the bare words can only open the clause at its quote lead (``min(…, end)``)
    if hit is None and (start >= end or text.startswith(_bare_anaphora(), min(_BARE_LEAD.match(text, start).end(), end))):
        lead = _BARE_LEAD.match(text, start, end).end()
        for w in v["company_bare_anaphora"]:
            if text.startswith(w, lead) and any(text.startswith(n, lead + len(w)) for n in v["company_bare_next"]):
                hit = (lead, lead + len(w))
                break
    if hit is None:
        return None
    ref = last_company(ctx, hit[0])
    return (hit[0], hit[1], ref) if ref is not None else None


@lru_cache(maxsize=1)
def _bare_anaphora() -> tuple[str, ...]:
    return tuple(vocab()["company_bare_anaphora"])


def last_company(ctx: DocContext, pos: int) -> Optional[Ent]:
    """The last company named before ``pos`` in the same article, not as an object."""
    text = ctx.text
    art = ctx.article_at(pos)
    for ent in reversed(ctx.ents):
        if ent.end > pos or ent.label != "COMPANY":
            continue
        if ctx.article_at(ent.start) != art:
            break
        before = text[max(0, ent.start - 1):ent.start]
        after = text[ent.end:ent.end + 1]
        if (before and before in _OBJECT_MARKERS) or after in ("等", "、"):
            continue
        return ent
    return None


def quote_speaker(ctx: DocContext, pos: int) -> Optional[Ent]:
    """A figure inside quoted speech is about the speaker's company:
    ``“我们的订单…。”X公司负责人说`` / ``X公司董事长说：“…”``."""
    text = ctx.text
    para = ctx.paragraphs[ctx.paragraph_at(pos)]
    o = text.rfind("“", para.start, pos)
    if o < 0 or text.find("”", o, pos) >= 0:
        return None
    c = text.find("”", pos, para.end)
    if c < 0:
        return None
    verbs = vocab()["speech_verbs"]
    tail_end = c + 1
    while tail_end < para.end and text[tail_end] not in "。；;“":
        tail_end += 1
    for ent in ctx.ents_in(c + 1, tail_end, "COMPANY"):
        if has_any(verbs, text[ent.end:tail_end]) and ent.start - c <= 3:
            return ent
    lead = text[max(para.start, o - 24):o]
    if ends_any(lead.rstrip("：:，,"), verbs):
        ents = ctx.ents_in(max(para.start, o - 24), o, "COMPANY")
        if ents:
            return ents[-1]
    return None


def _part_of_name(ctx: DocContext, pos: int) -> bool:
    return ctx.ent_at(pos) is not None


def subject_for(ctx: DocContext, pos: int, sent_start: int) -> Optional[Ent]:
    """The subject of a figure at ``pos`` in the sentence starting at ``sent_start``."""
    subj = explicit_subject(ctx, sent_start, pos)
    if subj is not None:
        return subj
    subj = quote_speaker(ctx, pos)
    if subj is not None:
        return subj
    # depends on the paragraph and sentence only
    return per_document(ctx, "carried_subject", _carried_subject, ctx.paragraph_at(pos), sent_start)


def _carried_subject(ctx: DocContext, para: int, sent_start: int) -> Optional[Ent]:
    """The subject of an earlier sentence of paragraph ``para``, else its topic."""
    for s, e, _ in reversed(ctx.sentences_of(para)):
        if s >= sent_start:
            continue
        subj = explicit_subject(ctx, s, e)
        if subj is not None and _example_member(ctx.text, s, subj):
            continue  # ``…，其中宝钛集团…。``: an example inside a group carries to nothing after it
        if subj is not None:
            return subj
    if not ctx.paragraphs:
        return None
    company = _interviewee_company(ctx, para)
    if company is not None:
        return company
    return _topic_named_before(ctx, para, sent_start)


_ANSWER = re.compile(r"\s*(?!记者|问|主持人)[\u4e00-\u9fff]{1,6}[：:]")
_VISIT = re.compile(r"访")


def _interviewee_company(ctx: DocContext, para: int) -> Optional[Ent]:
    """In an interview whose title visits a company (``——访X公司董事长Y``), an answer
    paragraph (``Y：…``, ``答：…``) speaks for that company: its figures with no subject
    of their own are the company's."""
    p = ctx.paragraphs[para]
    if not _ANSWER.match(ctx.text, p.start, min(p.end, p.start + 8)):
        return None
    hit = ctx._index.get("interviewee")
    if hit is None:
        hit = None
        for q in ctx.paragraphs[:4]:
            for m in _VISIT.finditer(ctx.text, q.start, q.end):
                co = next(iter(ctx.ents_in(m.end(), min(q.end, m.end() + 60), "COMPANY")), None)
                if co is not None and co.start - m.end() <= 2:
                    hit = co
                    break
            if hit is not None:
                break
        ctx._index["interviewee"] = hit or False
    return hit or None


def _topic_named_before(ctx: DocContext, para: int, sent_start: int) -> Optional[Ent]:
    """Paragraph ``para``'s topic, unless the paragraph names that park only after the
    sentence at ``sent_start`` (``会议明确了2024年的目标：…。…全力推进X产业园…``):
    a subject never comes from a name written after the figure's sentence; the topic
    of the paragraph before (same article) holds until then."""
    p = ctx.paragraphs[para]
    topic = p.topic
    if topic is None:
        return None
    own = [e.start for e in ctx.ents_of(para) if e.key == topic.key]
    if not own or min(own) < ctx.sentence_at(sent_start)[1]:
        return topic
    if ctx.text[p.start:p.end].lstrip().startswith(("“", "\"", "「")):
        return topic  # a quote whose speaker is named after it (“…。”X高新区管委会主任…)
    if para > 0 and ctx.paragraphs[para - 1].article == p.article:
        return ctx.paragraphs[para - 1].topic
    return None


def _example_member(text: str, s: int, subj: Ent) -> bool:
    """A company named as one member of a group just counted (``其中X…``, ``如X…``)."""
    if subj.label != "COMPANY":
        return False
    head = text[max(s, subj.start - 4):subj.start].rstrip("，, ")
    return head.endswith(_EXAMPLE_MARKERS)


_EXAMPLE_MARKERS = ("其中", "如", "比如", "例如", "像", "以")


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
#   4. else no period. A dateline (``5月18日，记者从…获悉``) is never a period.
#   Refinements: when the article has a lead period, a period fronted in an
#   earlier *full* sentence (ended by 。, not ；) of the paragraph is local to it
#   and the lead comes back; an intervening sentence opened by a present-time
#   frame (``截至目前，…``) ends the carry-over; a yearless period (``全年``) takes
#   the explicit year of a governing period earlier in its full sentence; without
#   a document date, a still yearless period takes the single year printed in
#   the article's heading (``2024XX高新区…交流会举行``).


_PHRASE_AFTER = re.compile(r"[^，,。；;：:\d]{0,14}")


def _modifier(text: str, end: int) -> bool:
    """A period used as a modifier (全年的, 全年目标, 一季度重点项目集中签约仪式),
    not as the time of a figure."""
    if _TARGET_FRAME.match(text, end):
        return False  # ``2024年的目标任务：力争…``: the year the targets after the colon are for
    if text[end:end + 1] == "的" or text[end:end + 2] in ("目标", "任务", "计划"):
        return True
    m = _PHRASE_AFTER.match(text[end:end + 14])
    return bool(m) and any(m.group(0).endswith(w) for w in vocab()["event_nouns"])


# a year that heads a list of targets (``2024年的目标任务：``, ``今年主要预期目标是：``)
_TARGET_FRAME = re.compile(r"的?(?:主要)?(?:预期)?(?:发展)?(?:目标任务|工作目标|目标|任务)[^，,。；;：:]{0,4}?(?:是|为)?[：:]")


def _founding(text: str, p: Per) -> bool:
    """``成立于2010年`` / ``于2011年1月获批设立`` / ``2010年11月升级为…``: the date of the
    zone's founding or upgrade, not the period of a figure."""
    if text[max(0, p.start - 1):p.start] == "于":
        return True
    return _founding_re().match(text, p.end) is not None


@lru_cache(maxsize=1)
def _founding_re() -> "re.Pattern[str]":
    verbs = "|".join(map(re.escape, vocab()["founding_verbs"]))
    return re.compile(rf"[，, ]*(?:正式|经国务院|经省政府)?获?(?:{verbs})")


def _comparison(text: str, p: Per) -> bool:
    """``比去年多了四成`` / ``较上年`` / ``在2024年增长9%的基础上``: the base of a
    comparison, not the period."""
    before = text[max(0, p.start - 2):p.start]
    if ends_any(before, vocab()["comparison_before"]):
        return True
    return text[p.start - 1:p.start] == "在" and _BASE_AFTER.match(text, p.end) is not None


_BASE_AFTER = re.compile(r"[^，,。；;]{0,14}?的基础上")


def _dateline(text: str, p: Per) -> bool:
    """``5月18日，科技日报记者从…获悉``: the report date, not the time of a fact; and page
    furniture: ``2025-08-28 09:15  来源: …`` / ``发布时间：2018年10月30日``."""
    after = text[p.end:p.end + 14]
    if has_cue("dateline_cues", after) or _STAMP_AFTER.match(text, p.end):
        return True
    lo = text.rfind("\n", 0, p.start) + 1
    hi = text.find("\n", p.end)
    line = text[lo:hi if hi >= 0 else len(text)]
    return len(line) <= 80 and has_cue("dateline_line_cues", line)


_STAMP_AFTER = re.compile(r"-\d{1,2}(?!\d)|[ \t　]*\d{1,2}[:：]\d{2}")


def _governs(text: str, sent_start: int, pos: int) -> bool:
    """A period that opens its clause (``1—8月，…``) governs what follows."""
    k = pos
    while k > sent_start and text[k - 1] not in "，,：:；;。":
        k -= 1
    head = text[k:pos]
    for w in longest_first("period_lead_words"):
        head = head.replace(w, "")
    return len(head.strip(" ，,：:“”")) <= 1


_PARENTHETICAL = re.compile(r"[(（][^()（）]*[)）]")


def _park_fronted(ctx: DocContext, sent_start: int, pos: int) -> bool:
    """A period right after the park that opens its clause (``X高新区(以下简称…)前三季度
    实现…``, ``该区1—8月…``) governs what follows, as a clause-opening one does."""
    text = ctx.text
    k = pos
    while k > sent_start and text[k - 1] not in "，,：:；;。":
        k -= 1
    head = _PARENTHETICAL.sub("", text[k:pos]).strip(" ，,“”\"")
    if not head:
        return False
    if head in cues()["anaphora_park"]:
        return True
    return any(e.start == k + text[k:pos].find(head[:2]) and e.text == head for e in ctx.ents_in(k, pos, "PARK"))


def _vaguer(new: dict, old: dict) -> bool:
    return (new.get("start_month") is None and new.get("end_month") is None
            and old.get("end_month") is not None and new.get("year") == old.get("year"))


def _restates_year(new: dict, old: dict) -> bool:
    return (new.get("start_month") == 1 and new.get("end_month") == 12 and new.get("year") == old.get("year")
            and old.get("start_month") is None and old.get("end_month") is None)


def _explicit_year_since(p: Per) -> Optional[dict]:
    """``2022年以来``: an explicit year keeps its year (``今年以来`` does not)."""
    m = _YEAR_SINCE.match(p.text.strip())
    if m:
        return {"year": int(m.group(1)), "start_month": None, "end_month": None}
    return None


def _period_value(p: Per) -> Optional[dict]:
    return p.p or _explicit_year_since(p)


def _multi_year_since(ctx: DocContext, p: Per) -> bool:
    """``2019年以来`` in an article of a later year: a span of several years (the
    SPEC's period has no form for it). ``2024年以来`` in a 2024 article is this year."""
    if p.p is not None:
        return False
    m = _YEAR_SINCE.match(p.text.strip())
    if not m:
        return False
    date = _doc_date(ctx)
    return bool(date) and int(m.group(1)) < int(str(date)[:4])


def _usable_period(ctx: DocContext, p: Per) -> Optional[dict]:
    """``_period_value(p)``, or None for a modifier, a dateline or the base of a
    comparison; once per period (every later figure of its sentence asks)."""
    memo = ctx._index.setdefault("usable_period", {})
    hit = memo.get(id(p))
    if hit is None or hit[0] is not p:
        text = ctx.text
        val = None if _multi_year_since(ctx, p) else _period_value(p)
        if not val or _modifier(text, p.end) or _dateline(text, p) or _comparison(text, p) or _founding(text, p):
            val = None
        if val and val.get("year") is not None and not _WRITTEN_YEAR.search(p.text):
            # ``全年`` / ``1—9月`` written without a year: an explicit year stated earlier in
            # the paragraph (or the article's heading) beats the publication date
            year = _written_year_before(ctx, p.start, val.get("end_month"))
            if year is not None:
                val = dict(val, year=year)
        hit = memo[id(p)] = (p, val)
    return hit[1]


_ANNUAL_OF = re.compile(r"[\u4e00-\u9fff]")  # 年度 followed by a noun: a modifier
_THIS_YEAR_SINCE = re.compile(r"(?:今年|本年)(?:以来|来)")
_WRITTEN_YEAR = re.compile(r"(?:19|20)\d\d|[一二][〇零一二三四五六七八九]{3}|今年|去年|上年|前年|明年|本年|当年")


def _written_year_before(ctx: DocContext, pos: int, end_month: Optional[int] = None) -> Optional[int]:
    """The year of the last period written with a year (``2023年``, ``去年``) before
    ``pos`` in its paragraph, else the single year of the article's heading or lead.
    A period that ends before the publication month (``1—2月`` in a March article)
    has already been completed this year: the article's year does not move it back."""
    para = ctx.paragraphs[ctx.paragraph_at(pos)] if ctx.paragraphs else None
    if para is None:
        return None
    date = _doc_date(ctx)
    now = int(str(date)[:4]) if date else None
    for p in reversed(ctx.pers_in(para.start, pos)):
        if _WRITTEN_YEAR.search(p.text):
            if now is not None and _THIS_YEAR_SINCE.match(p.text.strip()):
                return now  # ``今年以来，…上半年…``: this year, though 今年以来 itself dates nothing
            val = _usable_period(ctx, p)
            if val and val.get("start_month") not in (None, 1):
                continue  # ``去年11月，X获批…``: the date of an event, not the paragraph's year
            if val and _ANNUAL_OF.match(ctx.text, p.end) and p.text.endswith("年度"):
                continue  # ``在2020年度全省…综合评价中``: the year an evaluation is of
            if val and val.get("year") is not None and (now is None or val["year"] <= now):
                return val["year"]  # a later year (``2026年整体建成``) is a target, not this figure's year
    if end_month is not None and end_month < 12 and date and len(str(date)) >= 7 and end_month < int(str(date)[5:7]):
        return None
    article = ctx.article_at(pos)
    return heading_year(ctx, article) or _title_year(ctx, article) or _article_year_before(ctx, para.start, article)


def _article_year_before(ctx: DocContext, pos: int, article: int) -> Optional[int]:
    """``2023年，该区…。⏎项目建设…全年新开工…``: the year of the article's lead period
    (the period that frames its first figure), for a yearless period after it."""
    busy = ctx._index.setdefault("lead_year_busy", set())
    if article in busy:
        return None  # asked while the lead itself is being read
    busy.add(article)
    try:
        lead, _ = lead_period(ctx, article)
    finally:
        busy.discard(article)
    return lead.get("year") if lead else None


def _title_year(ctx: DocContext, article: int) -> Optional[int]:
    """The single year written in an article's first heading line (``两江新区晒出2023年“成绩单”``),
    when the subtitle lines below it name other years."""
    for p in ctx.paragraphs:
        if p.article != article:
            continue
        raw = ctx.repair.source  # the title's own line: repair may have joined the subtitle to it
        a = ctx.repair.to_raw(p.start)
        b = raw.find("\n", a)
        line = raw[a:b if b >= 0 else len(raw)]
        if "。" in line or len(line) > 40:
            return None  # a sentence, not a title
        years = set(_TITLE_YEAR.findall(line))
        return int(years.pop()) if len(years) == 1 else None
    return None


def _period_in(ctx: DocContext, start: int, pos: int, governing: bool = False) -> tuple[bool, Optional[dict]]:
    """``(found, period)`` from ``[start, pos)``: the last period, cancelled by a
    later blocker word (今年以来, 截至目前). With ``governing`` only periods that
    open a clause count and blockers are ignored."""
    text = ctx.text
    found: tuple[bool, Optional[dict]] = (False, None)
    last = start
    for p in ctx.pers_in(start, pos):
        val = _usable_period(ctx, p)
        if not val:
            if _multi_year_since(ctx, p) and (not governing or _governs(text, start, p.start)):
                # ``2019年以来，…年均增长8.7%``: a span of several years, no period
                found, last = (True, None), p.end
            continue
        if governing and not (_governs(text, start, p.start) or _park_fronted(ctx, start, p.start)
                              or _TARGET_FRAME.match(text, p.end)):
            continue
        if found[1] and _restates_year(val, found[1]):
            # ``2023年，该区…全年新签约…``: 全年 names the whole of the year already given
            found, last = (True, val), p.end
            continue
        if found[1] and _vaguer(val, found[1]):
            # ``截至11月底，…今年累计``: the bare year restates the period already given
            last = p.end
            continue
        found, last = (True, val), p.end
    if governing:
        return found
    if _vocab_alternation("completion_blockers").search(text, last, max(last, pos)):  # has_vocab(…, text[last:pos])
        # ``达产后预计年产值…``: a future state, no reporting period
        return True, None
    if not _cue_alternation("period_blockers").search(text, start, max(start, pos)):  # has_cue(…, text[start:pos])
        return found
    for b in cues()["period_blockers"]:
        k = text.rfind(b, start, pos)
        if k >= 0 and k >= last - len(b):
            if _YEAR_AT_END.search(text[max(start, k - 5):k]) and b in ("以来", "年来"):
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
        # the lead's sentences as written: a title joined to the lead frames it
        for s, e, _ in split_sentences(ctx.text, [first]):
            figs = [q for q in ctx.qtys_in(s, e) if not _year_like(q)]
            if not figs:
                continue
            found, period = _period_in(ctx, s, figs[0].start)
            pers = [p for p in ctx.pers_in(s, figs[0].start) if _usable_period(ctx, p)]
            if found and period:
                day = bool(pers) and _DAY.search(pers[-1].text) is not None
                result = (period, first.topic.key if first.topic else None)
                if day:
                    ctx._index.setdefault("day_leads", set()).add(article)
            break
        released = _released_period(ctx, first)
        if released is not None:
            # ``近日，…印发《关于2023年全省开发区…考核评价结果的通报》``: the period of the data
            # the lead announces frames the article (a release's day dates nothing)
            result = (released, None)
            ctx._index.setdefault("day_leads", set()).discard(article)
        elif result[0] is None:
            # no figure in the lead: the period in the article's title (``X经开区2023年一季度
            # 经济运行简况``) frames it
            result = (_title_period(ctx, article), None)
    cache[article] = result
    return result


_RELEASE = re.compile(r"(?:公布|发布|印发|通报|揭晓|公示)了?[^。；，,：:]{0,14}?$")
_RELEASED_DATA = re.compile(r"[^。；]{0,40}?(?:结果|指标|数据|名单|排名|排行|成绩单|通报|榜单)")


def _released_period(ctx: DocContext, para) -> Optional[dict]:
    """The period right after a release verb in the lead's first sentence, when what is
    released is data (结果/指标/名单…): ``发布2025年前三季度区县主要经济指标``."""
    s, e, _ = split_sentences(ctx.text, [para])[0]
    for p in ctx.pers_in(s, e):
        if _DAY.search(p.text):
            continue  # the day of the release, not the period of its data
        if _RELEASE.search(ctx.text, max(s, p.start - 16), p.start) and _RELEASED_DATA.match(ctx.text, p.end, e):
            val = _period_value(p)
            if val and val.get("year") is not None:
                return val
    return None


def _title_period(ctx: DocContext, article: int) -> Optional[dict]:
    """The period of the article's title line (a heading before its first body paragraph)."""
    for i, p in enumerate(ctx.paragraphs):
        if p.article != article:
            continue
        lo, hi = p.start, p.end
        if not p.heading:
            # a title that layout repair joined to the lead: the first sentence, cut at the
            # end of the display line, ends no sentence
            first = ctx.sentences_of(i)
            if not first or ctx.text[first[0][1] - 1] in "。！？!?":
                return None
            lo, hi = first[0][0], first[0][1]
        for per in ctx.pers_in(lo, hi):
            val = _period_value(per)
            if val and val.get("year") is not None and val.get("start_month") is not None:
                return val
        if not p.heading:
            return None
    return None


_DAY = re.compile(r"\d{1,2}\s*[日号]|[一二三四五六七八九十]{1,3}[日号]")


def _year_like(q) -> bool:
    return q.q.get("unit") == "other:年" and (q.q.get("value") or 0) > 1900


def sentence_period(ctx: DocContext, pos: int, sent_start: int) -> bool:
    """Whether the figure's own sentence states its period (rule 1 below)."""
    return _period_in(ctx, sent_start, pos)[0]


def period_for(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """The period of a figure (see the rule above)."""
    found, period = _period_in(ctx, sent_start, pos)
    if found:
        if period and period.get("year") is None and period.get("end_month") is not None:
            # ``截至2022年10月底…；预计全年…``: a yearless period takes the year of its context
            year = _context_year(ctx, pos, sent_start)
            if year is not None:
                period = dict(period, year=year)
        return _with_heading_year(ctx, pos, period)
    event = _event_period(ctx, pos, sent_start)
    if event is not None:
        return event
    # rules 2-4 depend on the paragraph and the sentence only, not on ``pos``
    para = ctx.paragraph_at(pos)
    memo = ctx._index.setdefault("carried_period", {})
    key = (para, sent_start)
    if key not in memo:
        memo[key] = _with_heading_year(ctx, pos, _carried_period(ctx, pos, sent_start))
    return memo[key]


def _event_period(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """``本次集中开工项目共52个`` / ``当天现场签约项目29个``: a figure of the event the article
    reports (an event word before it in its clause) is dated by the event's month: the
    last day date of the article before it, else the publication date's month."""
    text = ctx.text
    if _event_re().search(text, sent_start, pos) is None:
        return None
    if _vocab_alternation("completion_blockers").search(text, sent_start, pos) or _rank_frame(text, sent_start, pos):
        return None  # what the projects will do once built; a ranking's year
    date = _doc_date(ctx)
    if not date:
        return None
    year, month = int(str(date)[:4]), int(str(date)[5:7])
    article = ctx.article_at(pos)
    for p in reversed(ctx.pers_in(0, sent_start)):
        if ctx.article_at(p.start) != article:
            break
        if _DAY.search(p.text) and p.p and p.p.get("start_month") and p.p.get("start_month") == p.p.get("end_month"):
            month = p.p["start_month"]
            break
    return {"year": year, "start_month": month, "end_month": month}


@lru_cache(maxsize=1)
def _event_re() -> "re.Pattern[str]":
    return re.compile(cues()["event_figure_re"])


def _rank_frame(text: str, s: int, pos: int) -> bool:
    return _cue_alternation("rank_frame_words").search(text, s, pos) is not None


def _carried_period(ctx: DocContext, pos: int, sent_start: int) -> Optional[dict]:
    """Rules 2-4: the period carried to a figure whose own sentence states none."""
    text = ctx.text
    para = ctx.paragraph_at(pos)
    article = ctx.paragraphs[para].article
    lead, key = lead_period(ctx, article)
    topic = ctx.paragraphs[para].topic
    lead_applies = lead is not None and (key is None or (topic is not None and topic.key == key))
    if lead is not None and not lead_applies and ctx.paragraphs[-1].article == 0:
        # one article: its lead frames every park it covers, not what someone says
        p_start = ctx.paragraphs[para].start
        lead_applies = ctx.text.count("“", p_start, pos) <= ctx.text.count("”", p_start, pos)
    if lead_applies and article in ctx._index.get("day_leads", ()) and not _cue_alternation("event_cue_words").search(text, sent_start, ctx.sentence_at(sent_start)[1]):
        # ``8月27日上午，…封关运作``: an event's day dates the event's own figures
        # (此次/现场/集中签约…), not the zone's standing facts (规划面积…); the
        # paragraph's own period carries instead
        lead_applies = False
    full_start = _full_sentence_start(text, ctx.paragraphs[para].start, sent_start)
    for s, e, _ in reversed(ctx.sentences_of(para)):
        if s >= sent_start:
            continue
        if s < full_start and lead_applies:
            # a period fronted in an earlier full sentence is local to it when the
            # article has a frame period of its own: the frame comes back
            break
        found, period = _sentence_period(ctx, s, e)
        if found:
            return period
        if _governing_blocker(ctx, s, e):
            # ``截至目前，…。``: a sentence opened by a present-time frame ends the carry-over
            return None
    return lead if lead_applies else None


def _sentence_period(ctx: DocContext, s: int, e: int) -> tuple[bool, Optional[dict]]:
    """``_period_in(ctx, s, e, governing=True)`` of a whole sentence, memoized per
    document (every later figure of the paragraph asks again)."""
    return per_document(ctx, "sentence_period", _period_in, s, e, True)


def _full_sentence_start(text: str, para_start: int, pos: int) -> int:
    """Start of the full sentence (ended by 。！？, not by ；) containing ``pos``."""
    return after_last(text, "。！？!?", para_start, pos)


def _governing_blocker(ctx: DocContext, s: int, e: int) -> bool:
    return per_document(ctx, "governing_blocker", _find_governing_blocker, s, e)  # per sentence


def _find_governing_blocker(ctx: DocContext, s: int, e: int) -> bool:
    text = ctx.text
    for b in vocab()["governing_blockers"]:
        k = text.find(b, s, e)
        if k >= 0 and _governs(text, s, k):
            return True
    return False


def _context_year(ctx: DocContext, pos: int, sent_start: int) -> Optional[int]:
    """The explicit year of the period governing the context of ``pos``."""
    para = ctx.paragraph_at(pos)
    memo = ctx._index.setdefault("context_year", {})  # depends on the paragraph and sentence only
    key = (para, sent_start)
    if key not in memo:
        k = _full_sentence_start(ctx.text, ctx.paragraphs[para].start, sent_start)
        found, period = _period_in(ctx, k, sent_start, governing=True)
        memo[key] = period.get("year") if found and period else None
    return memo[key]


def _with_heading_year(ctx: DocContext, pos: int, period: Optional[dict]) -> Optional[dict]:
    """Without a document date, a yearless period (``10月18日``) takes the one year
    printed in its article's heading (``2024年XX高新区招商大会举行``)."""
    if not period or period.get("year") is not None:
        return period
    date = _doc_date(ctx)
    if date:
        return period
    year = heading_year(ctx, ctx.article_at(pos))
    return dict(period, year=year) if year is not None else period


_UNSET = object()


def _doc_date(ctx: DocContext) -> Optional[str]:
    """The document's date (``YYYY-MM-DD`` or None), read once per document (extension
    lookups are slow)."""
    date = ctx._index.get("doc_date", _UNSET)
    if date is _UNSET:
        date = ctx._index["doc_date"] = ctx.doc._.date
    return date


def heading_year(ctx: DocContext, article: int) -> Optional[int]:
    """The single explicit year in the heading lines that open an article."""
    cache = ctx.__dict__.setdefault("_heading_years", {})
    if article in cache:
        return cache[article]
    years: set[int] = set()
    for p in ctx.paragraphs:
        if p.article != article:
            continue
        line = ctx.text[p.start:p.end]
        if not p.heading:
            # a heading the layout joined to its byline (``…交流会举行科技日报讯（…）``)
            k = min([i for i in (line.find(m) for m in cues()["byline_markers"]) if i >= 0] or [-1])
            line = line[:k] if k > 0 else ""
        for m in _HEADING_YEAR.finditer(line):
            years.add(int(m.group(1)))
        if not p.heading:
            break
    result = years.pop() if len(years) == 1 else None
    cache[article] = result
    return result
