"""Who a figure is about: the subject named in its clause, the speaker of a quote or
an interview answer, else the subject carried over from the paragraph (its topic park).
When a figure is (its period) lives in :mod:`zone_ie.relations.periods_of`."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from typing import Optional

import regex

from .. import rx
from .context import DocContext, Ent, after_last, cues, ends_any, has_any, has_cue, is_sub_park, longest_first, longest_first_of, per_document, resolve_anaphor, tail_of_kind, _typed_anaphora
from .indicators import _vocab_alternation, has_vocab, vocab, vocab_tuple

_OBJECT_MARKERS = "与和向对为及跟同给把被、占比较"  # (占X的56.5%, 比X高: a share's or a comparison's base)


_BRACKET_OPEN = re.compile(r"[（(][^（()）]{0,7}$")


def _candidates(ctx: DocContext, start: int, ents: list[Ent]) -> list[Ent]:
    """The mentions of ``ents`` (those after ``start``) that can be a sentence's
    subject: not inside brackets, not list members (``A、B等``), not objects of a
    preposition."""
    text = ctx.text
    out = []
    for ent in ents:
        before = text[max(start, ent.start - 1):ent.start]
        after = text[ent.end:ent.end + 1]
        if before and before in "（(" or _BRACKET_OPEN.search(text, max(start, ent.start - 8), ent.start):
            continue  # ``X区（不含Y经开区）…``: a name inside brackets qualifies what is before them
        if after in ("等", "、") or (before and before in _OBJECT_MARKERS):
            continue
        if not _clause_initial(ctx, ent, start):
            continue
        if ent.label == "COMPANY" and _trade_partner(text, ent):
            continue
        out.append(ent)
    return out


def _trade_partner(text: str, ent: Ent) -> bool:
    """``主要客户包括A、B、C``: a firm named as a customer, supplier or partner (a
    ``located_negative`` cue before it in its sentence) is not what the sentence is about."""
    lo = after_last(text, "。！？!?\n，,；;", max(0, ent.start - 24), ent.start)
    return _partner_list_re().search(text, lo, ent.start) is not None


@lru_cache(maxsize=1)
def _partner_list_re() -> "re.Pattern[str]":
    """A partner word introducing a list that runs to the end of the window (``客户包括A、``)."""
    words = "|".join(map(re.escape, longest_first("located_negative")))
    return re.compile(rf"(?:{words})(?:主要)?(?:包括|包含|涵盖|有|为|是|如|：|:)[^，,；;。]*$")


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
        if k >= 0 and (k == 0 or not _part_of_name(ctx, start + k)) and not tail_of_kind(text, start + k, a):
            found.append((start + k, start + k + len(a), None))
            break
    demo = _park_demonstrative(ctx, start, first_pos)
    if demo is not None:
        found.append(demo)
    comp = _company_anaphor(ctx, start, first_pos)
    if comp is not None:
        found.append(comp)
    if cands:  # ``园区内，欣旺达上半年营收…``: a park word framing the place gives way to the name after it
        found = [f for f in found if not _locative_frame(text, f[0], first_pos)]
    if found:
        k, end, ref = min(found, key=lambda f: (f[0], -f[1]))
        if ref is None:
            described = _described_company(ctx, end, cands)
            if described is not None:
                return described
            ref = resolve_anaphor(ctx, text[k:end], k)
        head = _modified_head(ctx, end, cands)
        if head is None and (ref is None or ref.label == "PARK") and _LOCATIVE_BEFORE.search(text, max(start, k - 4), k):
            # ``在高新区创业中心注册时，X公司只有5名员工``: the zone is where, the company is who
            head = next((c for c in cands if c.label == "COMPANY" and c.start >= end), None)
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
_LOCATIVE_BEFORE = re.compile(r"(?:在|于|位于|落户|入驻|进驻)$")


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


def _locative_frame(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a clause-opening locative frame (``园区内，``): a few words, a
    place word (``locative_after``), a comma."""
    return (2 <= end - start <= 10 and text[end - 1:end] in ("，", ",")
            and text[end - 2:end - 1] in vocab()["locative_after"]
            and not any(c in "，,。；;" for c in text[start:end - 1]))


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
    r"[ “”\"‘’「」]*(?:(?:目前|如今|现在|当前|截至目前|近年来|今年以来|去年以来|此外|同时|另外|其中"
    # a date or period: ``2014年6月，公司…``, ``今年1—5月，公司…``, ``前三季度，公司…``
    r"|(?:19|20)\d\d年(?:\d{1,2}月份?)?(?:\d{1,2}日)?|(?:今年|去年)?\d{1,2}(?:[—–-]\d{1,2})?月份?(?:\d{1,2}日)?"
    r"|(?:今年|去年)?前[一二三四五六七八九十\d]+个?月|今年|去年"
    r"|(?:今年|去年)?(?:上半年|下半年|前三季度|[一二三四]季度)|全年"
    # a reporting frame before the clause: ``财务数据显示，…`` / ``据介绍，…`` / ``公告显示，…``
    r"|(?:财务数据|数据|公告|年报|财报|半年报|季报|统计|资料|招股说明书(?:（申报稿）)?)显示|据(?:介绍|了解|悉|统计|公告)|记者(?:了解到|获悉)"
    r"|报告期内|报告期|截至报告期末"
    # a viewpoint frame: ``从单品看，…`` / ``分产品来看，…``
    r"|(?:从|分)[\u4e00-\u9fff]{1,6}?(?:来看|看)"
    r")[，,]?)*"
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
    if hit is None:  # ``这家生产电驱壳体的企业``: a described firm (``company_anaphora_re``)
        m = rx.search(cues()["company_anaphora_re"], text, start, end)
        if m is not None and ctx.ent_at(m.start()) is None:
            hit = (m.start(), m.end())
    # the bare words can only open the clause at its quote lead (``min(…, end)``)
    if hit is None:
        hit = _bare_company(text, start, end)
    issuer = per_document(ctx, "issuer", _issuer, ctx.article_at(start))
    if issuer is not None:
        if hit is None:
            lead = _BARE_LEAD.match(text, start, end).end()
            w = next((w for w in cues()["issuer_words"] if text.startswith(w, lead)), None)
            hit = (lead, lead + len(w)) if w is not None and ctx.ent_at(lead) is None else None
        if hit is not None and text[hit[0]:hit[1]] in cues()["issuer_words"]:
            return (hit[0], hit[1], issuer)  # a listed firm's own report: 公司 is the firm
    if hit is None:
        return None
    ref = last_company(ctx, hit[0])
    if ref is not None and ctx.paragraph_at(ref.start) != ctx.paragraph_at(hit[0]):
        ref = _dominant_company(ctx, hit[0], ref) or ref
    return (hit[0], hit[1], ref) if ref is not None else None


def _issuer(ctx: DocContext, article: int) -> Optional[Ent]:
    """The listed firm whose own report or announcement the article is (``证券简称：X``, or
    its name on a line over ``…年度报告摘要`` / ``…公告`` or on that line itself, among the first
    lines), else None."""
    c = cues()
    start = next((p.start for p in ctx.paragraphs if p.article == article), 0)
    head = ctx.text[start:start + 300]
    m = rx.search(c["issuer_short_re"], head)
    if m is not None:
        e = ctx.ent_at(start + m.end())
        if e is not None and e.label == "COMPANY":
            return e
    raw = ctx.repair.source if ctx.repair is not None else ctx.text
    a = ctx.raw(start, start + 1)[0]
    lines = raw[a:a + 300].split("\n")[:6]
    pos = a
    for i, line in enumerate(lines):
        nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
        # the name over the title line, or the title line itself (``X股份有限公司 2023 年年度报告``)
        if line.strip() and (rx.search(c["issuer_title_re"], nxt) is not None
                             or rx.search(c["issuer_title_re"], line.strip()) is not None):
            rep = ctx.repair
            lo, hi = (rep.from_raw(pos), rep.from_raw(pos + len(line))) if rep is not None else (pos, pos + len(line))
            firms = [e for e in ctx.ents_in(lo, hi) if e.label == "COMPANY"]
            if firms:
                return firms[0]
        pos += len(line) + 1
    return None


# the last characters a clause's lead (:data:`_BARE_LEAD`) can end with, or a comma
_LEAD_LAST = frozenset("，,“”\"‘’「」 前今在来外时中年月份日度示绍悉计告到内期末")


def _bare_company(text: str, start: int, end: int) -> Optional[tuple[int, int]]:
    """A bare ``公司``/``企业`` opening the sentence at ``start``, or a bare ``公司`` opening
    one of its later clauses before ``end`` (``…二期正式投产，公司年产能提升至200万吨``;
    a later clause's ``企业的事`` is generic: ``company_bare_clause_*``), after its lead words."""
    v = vocab()
    if start >= end or text.startswith(_bare_anaphora(), min(_BARE_LEAD.match(text, start).end(), end)):
        lead = _BARE_LEAD.match(text, start, end).end()
        for w in v["company_bare_anaphora"]:
            if text.startswith(w, lead) and (any(text.startswith(n, lead + len(w)) for n in v["company_bare_next"])
                                             or _product_list().match(text, lead + len(w), end)):
                return (lead, lead + len(w))
    best: Optional[tuple[int, int]] = None
    for w in v["company_bare_clause_anaphora"]:
        k = text.find(w, start + 1, end)
        while k >= 0 and (best is None or k < best[0]):
            if text[k - 1] not in _LEAD_LAST:
                k = text.find(w, k + 1, end)  # ``有限公司``: not after a comma or a lead word
                continue
            c = max(text.rfind("，", start, k), text.rfind(",", start, k))
            if (c >= start and _BARE_LEAD.match(text, c + 1, k).end() == k
                    and _vocab_alternation("company_bare_clause_next").match(text, k + len(w))):
                best = (k, k + len(w))
                break
            k = text.find(w, k + 1, end)
    return best


@lru_cache(maxsize=1)
def _product_list() -> "regex.Pattern[str]":
    """``company_bare_product_list_re``: a list of products and their measure after a bare 公司."""
    return regex.compile(vocab()["company_bare_product_list_re"])


def _dominant_company(ctx: DocContext, pos: int, ref: Ent) -> Optional[Ent]:
    """In an article about one firm (its cluster named twice or more, twice as often as
    any other), a bare ``公司`` opening a paragraph of its own is that firm, not a
    subsidiary or partner named once in a paragraph before (``…武汉X有限公司，公司持股70%``)."""
    art = ctx.article_at(pos)
    counts: dict[str, list[Ent]] = {}
    for ent in ctx.ents:
        if ent.label == "COMPANY" and ent.start < pos and ctx.article_at(ent.start) == art:
            counts.setdefault(ent.key, []).append(ent)
    ranked = sorted(counts.values(), key=len, reverse=True)
    if not ranked or ranked[0][-1].key == ref.key:
        return None
    top, second = len(ranked[0]), len(ranked[1]) if len(ranked) > 1 else 0
    return ranked[0][-1] if top >= 2 and top >= 2 * max(second, 1) else None


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
        if _trade_partner(text, ent):
            continue  # ``主要客户包括A、B、C``: a customer or supplier is not who 公司 is
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
    after = text[c + 1:tail_end]
    if after.startswith(_bare_anaphora()) and has_any(verbs, after) and has_vocab("speaker_titles", after):
        # ``“…我们…。”公司创始人周某说``: the speaker of the company the article is about
        return last_company(ctx, o)
    lead = text[max(para.start, o - 24):o]
    if ends_any(lead.rstrip("：:，,"), verbs):
        ents = ctx.ents_in(max(para.start, o - 24), o, "COMPANY")
        if ents:
            return ents[-1]
    # ``王建军说，“我们…”`` / ``“…我们…”王建军说``: a person the article introduced as a
    # company's manager (``X公司总经理王建军``) speaks for that company
    people = _spokespeople(ctx)
    if people:
        for window in (text[c + 1:tail_end], lead):
            for name, company in people.items():
                k = window.find(name)
                if k >= 0 and has_any(verbs, window[k + len(name):k + len(name) + 8]):
                    return company
    return None


_PERSON_AFTER_TITLE = re.compile(r"[\u4e00-\u9fff]{2,3}(?=[说表介告透坦在站指称])")


def _spokespeople(ctx: DocContext) -> dict[str, Ent]:
    """``person name -> company`` for the people introduced as a company's officer
    (``乌鲁木齐亚士总经理王建军``): a title right after the company, then the name."""
    hit = ctx._index.get("spokespeople")
    if hit is None:
        hit = {}
        text = ctx.text
        titles = longest_first_of(tuple(vocab()["speaker_titles"]))
        for ent in ctx.ents:
            if ent.label != "COMPANY":
                continue
            title = next((t for t in titles if text.startswith(t, ent.end)), None)
            if title is None:
                continue
            m = _PERSON_AFTER_TITLE.match(text, ent.end + len(title))
            if m is not None and ctx.ent_at(m.start()) is None:
                hit.setdefault(m.group(), ent)
        ctx._index["spokespeople"] = hit
    return hit


def _own_firm(ctx: DocContext, sent_start: int, pos: int) -> Optional[Ent]:
    """``孙立鹏：……2023年，我们公司实现营业收入18.6亿元`` / ``本公司在职员工2,146人``: a figure
    after a first-person firm word (``我们公司``, ``我公司``, ``本公司``) with no name between
    them is the speaker's company (the interviewee who answers, or the speaker of the quote),
    else the last company the article named, not a park named before."""
    text = ctx.text
    ends = [text.rfind(w, sent_start, pos) + len(w) for w in vocab_tuple("own_firm_words")
            if text.find(w, sent_start, pos) >= 0]
    if not ends or ctx.ents_in(max(ends), pos):
        return None
    return (_interviewee_company(ctx, ctx.paragraph_at(pos)) or quote_speaker(ctx, pos)
            or last_company(ctx, sent_start))  # ``本公司在职员工2,146人``: the firm the text is about


def _part_of_name(ctx: DocContext, pos: int) -> bool:
    return ctx.ent_at(pos) is not None


_CLAUSE_BREAK = re.compile("[，,；;：:]")


_OWN_FIGURE = re.compile(r"(?:全年|今年|去年|上半年|前三季度|一季度|\d{4}年)?(?:实现|完成)?(?:营业收入|营收|产值|销售收入|销售额|净利润|利润|税收|纳税|出口额?|研发投入)")


_INNER_LEAD = re.compile(r"(?:区内|园区内|园内|片区内)[，,]?")


def _named_clause_start(ctx: DocContext, sent_start: int, pos: int) -> int:
    """The start of the last clause in ``[sent_start, pos)`` that opens (after time words)
    with a zone's name, else ``sent_start``. Not a sub-park's (``…，X产业园入驻企业23家`` is
    often an item of the zone's figures) nor a company's (a firm opening a clause is often
    an example of the zone's figure before it)."""
    text = ctx.text
    breaks = [m.end() for m in _CLAUSE_BREAK.finditer(text, sent_start, pos)]
    for i, k in enumerate(reversed(breaks)):
        lead = _BARE_LEAD.match(text, k, pos).end()
        ent = ctx.ent_at(lead)
        if ent is not None and ent.start == lead and ent.label == "PARK" and ent.end <= pos and (
                not is_sub_park(ent) or i == 0):
            # (a sub-park counts only when it opens the figure's own clause: ``…，X产业园产值
            # 突破100亿元``)
            return k
        inner = _INNER_LEAD.match(text, lead, pos) if i <= 1 else None
        if inner is not None:
            part = ctx.ent_at(inner.end())
            if part is not None and part.start == inner.end() and part.label == "PARK" and part.end <= pos:
                # ``…：区内航空物流园区完成货邮处理量5.1万吨，同比增长11.6%``: a part of the zone,
                # named after 区内 at the head of the figure's clause (or the one before), reports
                # its own figure
                return inner.end()
        if (i == 0 and ent is not None and ent.start == lead and ent.label == "COMPANY" and ent.end <= pos
                and _OWN_FIGURE.match(text, ent.end, pos)):
            # ``…，金辉锂业全年营业收入176亿元``: a firm opening the figure's own clause, then
            # only time words before the figure's words, reports its own figure
            return k
    return sent_start


def spoken_for(ctx: DocContext, sent_start: int, pos: int) -> Optional[Ent]:
    """``X公司总经理Y在发言中说，公司去年…``: speech reported right after a company's
    speaker (title, speech verb, comma) and opened by ``公司``/``我们`` is that company's,
    whatever the sentence named before (a park inside an earlier quote)."""
    text = ctx.text
    v = vocab()
    for ent in reversed(ctx.ents_in(sent_start, pos, "COMPANY")):
        m = _SPEECH_HEAD.match(text, ent.end, min(ent.end + 12, pos))
        head = m.group(0) if m else ""
        if not (has_vocab("speaker_titles", head) and ends_any(head, v["speech_verbs"])):
            continue
        k = ent.end + len(head)
        if (k < pos and text[k] in "，,：:" and text.startswith(tuple(v["spoken_for_openers"]), k + 1)
                and not ctx.ents_in(k, pos)):
            return ent
    return None


_CLAUSE_OPEN = "，,。；;：:“”\n"
_HELPED = re.compile(r"(?:帮助?|给|为|替|协助)(?P<who>我们|我公司|其|该企业|该公司)")


def _helped_firm(ctx: DocContext, sent_start: int, pos: int) -> Optional[Ent]:
    """``园区帮我们协调了20亩用地`` / ``南昌高新区为其提供了3.2万平方米的标准厂房``: what a park
    does for a firm named by a pronoun is the firm's figure: the speaker's company for 我们, the
    firm referred to for 其/该企业."""
    text = ctx.text
    helped = ctx._index.get("helped")
    if helped is None:  # where the document has the frame at all, once
        helped = ctx._index["helped"] = [m.start() for m in _HELPED.finditer(text)]
    if not helped:
        return None
    k = bisect_left(helped, sent_start)
    if k == len(helped) or helped[k] >= pos:
        return None
    cs = after_last(text, "，,。；;：:！？!?\n", sent_start, pos)
    m = _HELPED.search(text, cs, pos)
    if m is None:
        return None
    if m.group("who") in ("我们", "我公司"):
        return quote_speaker(ctx, pos)
    company = last_company(ctx, m.start())
    if company is None or ctx.paragraph_at(pos) - ctx.paragraph_at(company.start) > 1:
        return None
    return company


def _clause_anaphor(ctx: DocContext, sent_start: int, pos: int) -> Optional[Ent]:
    """``…局长罗志刚告诉记者，“今年1—9月，产业园新签约…”``: a zone word of a kind (``新区``,
    ``经开区``; or a bare kind word, ``产业园``, ``片区``) opening the figure's own clause (or the
    nearest earlier clause, when the clauses between name nothing) is the park of that kind
    it refers to, not a park or speaker named in an earlier clause of the sentence."""
    kinds = _clause_starts(ctx)
    k = bisect_left(kinds, pos) - 1  # clause starts a zone word opens, before pos, latest first
    while k >= 0 and kinds[k] > sent_start:
        cs = kinds[k]
        if ctx.ents_in(cs, pos):
            return None  # a clause after it names someone (a word opening an earlier clause
        ref = per_document(ctx, "kind_word_park", _kind_word_park, cs)  # carries to the
        if ref is not None:  # clauses after it that name nothing: ``产业园新签约…，协议总投资…``)
            return ref
        k -= 1  # the clause before: a word opening it carries to the clauses after it that
        # name nothing (``产业园新签约…，协议总投资…``)
    return None


def _clause_starts(ctx: DocContext) -> list[int]:
    """The positions right after a clause mark (:data:`_CLAUSE_OPEN`) that a zone word
    opens (:func:`_kind_word_re`), ascending, once per document."""
    hit = ctx._index.get("kind_clause_starts")
    if hit is None:
        text = ctx.text
        hit = ctx._index["kind_clause_starts"] = [  # (zone words are rarer than clause marks)
            m.start() for m in _kind_word_re().finditer(text) if m.start() and text[m.start() - 1] in _CLAUSE_OPEN]
    return hit


@lru_cache(maxsize=1)
def _kind_word_re() -> "re.Pattern[str]":
    """Typed zone anaphors and bare park kind words, longest first (anchored by ``match``)."""
    words = set(_typed_anaphora()[0]) | set(vocab()["park_suffixes"])
    return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))))


_GENERIC_OPENER = re.compile(r"(?!内|里|中|的|帮|为|给|对|与|和)")  # not a place frame, a modifier or a helper


def _kind_word_park(ctx: DocContext, cs: int) -> Optional[Ent]:
    """The park a zone word opening the clause at ``cs`` refers to (see :func:`_clause_anaphor`)."""
    text = ctx.text
    m = _kind_word_re().match(text, cs)
    if m is None:
        return None
    word = m.group()
    if word in _typed_anaphora()[0]:
        if tail_of_kind(text, cs, word):
            return None
        ref = resolve_anaphor(ctx, word, cs)
        return ref if ref is not None and ref.label == "PARK" else None
    if word in cues()["anaphora_park"]:
        # ``扎铝二期…项目建成，园区全年实现规上工业产值…``: the generic zone word is the
        # paragraph's park, not the firm of the clause before
        if not _GENERIC_OPENER.match(ctx.text, cs + len(word)):
            return None
        # (the park last named in its sentence: ``名酒工业园区内，A、B等企业…，园区白酒产值…``)
        s_start = after_last(ctx.text, "。！？!?\n", max(0, cs - 300), cs)
        named = ctx.ents_in(s_start, cs, "PARK")
        ref = named[-1] if named else resolve_anaphor(ctx, word, cs)
        return ref if ref is not None and ref.label == "PARK" else None
    # a bare kind word (``产业园``, ``片区``): the last park of the article named so
    prior = _prior_parks(ctx, cs, word)
    return prior[-1] if prior else None


def subject_for(ctx: DocContext, pos: int, sent_start: int) -> Optional[Ent]:
    """The subject of a figure at ``pos`` in the sentence starting at ``sent_start``."""
    subj = spoken_for(ctx, sent_start, pos)
    if subj is not None:
        return subj
    subj = _helped_firm(ctx, sent_start, pos)
    if subj is not None:
        return subj
    subj = _own_firm(ctx, sent_start, pos)
    if subj is not None:
        return subj
    subj = _clause_anaphor(ctx, sent_start, pos)
    if subj is not None:
        return subj
    k = _named_clause_start(ctx, sent_start, pos)
    if k > sent_start:
        # ``A经开区产值增长8%，B高新区产值增长6%``: a name opening the figure's clause (or
        # an earlier clause of the sentence after the first) is its subject
        subj = explicit_subject(ctx, k, pos)
        if subj is not None:
            return subj
    role = _role_frame_end(ctx.text, sent_start, pos)
    if role is not None:
        # ``作为园区LED封装企业的代表，芯映光电员工…``: the 作为 frame describes the subject
        # named after it; a park word inside the frame is not who the figure is about
        subj = explicit_subject(ctx, role, pos)
        if subj is not None:
            return subj
    subj = explicit_subject(ctx, sent_start, pos)
    if subj is not None:
        return subj
    subj = quote_speaker(ctx, pos)
    if subj is not None:
        return subj
    subj = _project_builder(ctx, pos, sent_start)
    if subj is not None:
        return subj
    if per_document(ctx, "area_report", _area_report, ctx.article_at(pos)):
        # a government's report: a full sentence (to its 。) naming no park is about the area
        para = ctx.paragraphs[ctx.paragraph_at(pos)]
        full = after_last(ctx.text, "。！？!?", para.start, sent_start)
        if not any(e.label in ("PARK", "COMPANY") for e in ctx.ents_in(full, sent_start)):
            return None
    # depends on the paragraph and sentence only
    return per_document(ctx, "carried_subject", _carried_subject, ctx.paragraph_at(pos), sent_start)


def _area_report(ctx: DocContext, article: int) -> bool:
    """Whether the article is a government's own report on its area (``政府工作报告`` in its
    first lines), unless the body reporting is a park's (``X新区第七届人民代表大会``)."""
    start = next((p.start for p in ctx.paragraphs if p.article == article), 0)
    head = ctx.text[start:start + 80]
    if rx.search(cues()["area_report_title_re"], head) is None:
        return False
    # ``浦东新区第七届人民代表大会…政府工作报告``: a park's own body reports on the park
    return not any(rx.match(cues()["area_report_body_re"], ctx.text, e.end) is not None
                   for e in ctx.ents_in(start, start + 80, "PARK"))


def _project_builder(ctx: DocContext, pos: int, sent_start: int) -> Optional[Ent]:
    """``…建设年产10万吨电解液项目。全部达产后，预计年产值138亿元``: a figure of what a
    project yields once built (``project_outcome_cues`` before it in its sentence, which
    names no subject and no group of projects) is the company building it: the last
    company named, not as an object, in this paragraph or the one before."""
    text = ctx.text
    head = text[sent_start:pos]
    if not has_vocab("project_outcome_cues", head) or has_vocab("group_markers", head) or has_vocab(
            "project_group_heads", head):
        return None
    company = last_company(ctx, sent_start)
    if company is None or ctx.paragraph_at(pos) - ctx.paragraph_at(company.start) > 1:
        return None
    return company


_ROLE_FRAME = re.compile(r"[ “”\"]*作为[^，,。；;]{2,30}[，,]")


def _role_frame_end(text: str, sent_start: int, pos: int) -> Optional[int]:
    """Where the clause after a sentence-opening ``作为…，`` frame starts (before ``pos``)."""
    m = _ROLE_FRAME.match(text, sent_start, pos)
    return m.end() if m is not None else None


def _carried_subject(ctx: DocContext, para: int, sent_start: int) -> Optional[Ent]:
    """The subject of an earlier sentence of paragraph ``para``, else its topic."""
    answering = None
    for s, e, _ in reversed(ctx.sentences_of(para)):
        if s >= sent_start:
            continue
        subj = explicit_subject(ctx, s, e)
        if subj is not None and _example_member(ctx.text, s, subj):
            continue  # ``…，其中宝钛集团…。``: an example inside a group carries to nothing after it
        if subj is not None and subj.label == "PARK":
            # ``孙立鹏：我们公司2016年在X开发区注册成立。…``: in the interviewee's answer a
            # park named as where the firm is does not carry to its figures
            answering = answering if answering is not None else (_interviewee_company(ctx, para) or False)
            if answering:
                continue
        if subj is not None:
            return subj
    if not ctx.paragraphs:
        return None
    company = _interviewee_company(ctx, para)
    if company is not None:
        if rx.search(cues()["our_park_re"], ctx.text[sent_start:ctx.sentence_at(sent_start)[1]]):
            # ``我们中心全年监管货值…`` said by the park's operating company: the park's figure
            return _topic_named_before(ctx, para, sent_start)
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
        if hit is not None and _park_platform(ctx, hit):
            hit = None  # ``——访X保税物流中心运营公司总经理``: the park's own operator speaks for the park
        ctx._index["interviewee"] = hit or False
    return hit or None


_BRACKETED_TAIL = re.compile(r"[（(][^（）()]*[)）]$")


def _park_platform(ctx: DocContext, company: Ent) -> bool:
    """Whether ``company`` is a park's own operating company: its name is a park's name
    of the text and more words (``X保税物流中心运营公司``, ``X高新区投资发展有限公司``)."""
    name = company.text
    for e in ctx.ents:
        if e.label == "PARK":
            park = _BRACKETED_TAIL.sub("", e.text)
            if len(park) >= 4 and name.startswith(park) and len(name) > len(park):
                return True
    return False


def _topic_named_before(ctx: DocContext, para: int, sent_start: int) -> Optional[Ent]:
    """Paragraph ``para``'s topic, unless the paragraph names that park only after the
    sentence at ``sent_start`` (``会议明确了2024年的目标：…。…全力推进X产业园…``):
    a subject never comes from a name written after the figure's sentence; the topic
    of the paragraph before (same article) holds until then."""
    p = ctx.paragraphs[para]
    topic = p.topic
    if topic is None:
        return None
    sent_end = ctx.sentence_at(sent_start)[1]
    own = [e.start for e in ctx.ents_of(para) if e.key == topic.key]
    if not own and _first_mention(ctx, topic) >= sent_end and not ctx.text[p.start:p.end].lstrip().startswith(("“", "\"", "「")):
        # ``1—8月全市…；分重点产业看，A产业增长6.2%。…五、分园区看，X经开区…``: the article
        # names its zone only later, so nothing before is the zone's
        return None
    if not own or min(own) < sent_end:
        return topic
    if ctx.text[p.start:p.end].lstrip().startswith(("“", "\"", "「")):
        return topic  # a quote whose speaker is named after it (“…。”X高新区管委会主任…)
    if para > 0 and ctx.paragraphs[para - 1].article == p.article:
        return ctx.paragraphs[para - 1].topic
    return None


def _first_mention(ctx: DocContext, park: Ent) -> int:
    """Where the document first names ``park``'s cluster."""
    firsts = ctx._index.get("first_mention")
    if firsts is None:
        firsts = ctx._index["first_mention"] = {}
        for e in ctx.ents:
            firsts.setdefault(e.key, e.start)
    return firsts.get(park.key, park.start)


def _example_member(text: str, s: int, subj: Ent) -> bool:
    """A company named as one member of a group just counted (``其中X…``, ``如X…``)."""
    if subj.label != "COMPANY":
        return False
    head = text[max(s, subj.start - 4):subj.start].rstrip("，, ")
    return head.endswith(_EXAMPLE_MARKERS)


_EXAMPLE_MARKERS = ("其中", "如", "比如", "例如", "像", "以")
