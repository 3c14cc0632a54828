"""Document context for the relation extractors.

Reads a processed Doc into plain character-level records (entities,
quantities, periods, sentences, paragraphs) and decides, for every paragraph,
which article it belongs to and which park it is about. Everything works on
``doc.text`` offsets, so results do not depend on the segmenter.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from operator import attrgetter, itemgetter
from typing import Any, Callable, Iterable, Optional, Sequence

from spacy.tokens import Doc

from ..extensions import span_values
from ..repair import RepairedText, table_rows
from ..resources import load_json
from .. import rx
from ..rx import char_class


# what follows a park-like name that is a project's name: ``…产业园项目``, ``…产业园二期工程``,
# or an item of a project list (``X产业园三期、Y产业园等重点项目``), a phase allowed first
# ``X产业园及网红直播创意园项目``: a park-like name joined to another into one project's name
_JOINED_PROJECT = r"[及和与][^，,。；;：:、\n]{2,30}?(?:项目|工程)(?=[，,。；;：:\n]|$)"
JOINED_PROJECT_AFTER = re.compile(_JOINED_PROJECT)
PROJECT_NAME_AFTER = re.compile(
    r"(?:[（(]?[一二三四五六七八九十\d]{1,2}期[）)]?)?"
    r"(?:项目|工程|(?:[、和及与][^，,。；;：:\n]{0,60}?)?等[^，,。；;、\n]{0,4}?(?:项目|工程)"
    rf"|{_JOINED_PROJECT})")


@lru_cache(maxsize=None)
def cues() -> dict[str, Any]:
    """Cue words from ``patterns/relations.json``."""
    return dict(load_json("relations.json"))


@lru_cache(maxsize=None)
def longest_first(*keys: str) -> tuple[str, ...]:
    """The cue words of ``keys`` (concatenated), longest first, sorted once."""
    return tuple(sorted((w for k in keys for w in cues()[k]), key=len, reverse=True))


@lru_cache(maxsize=256)
def longest_first_of(words: tuple[str, ...]) -> tuple[str, ...]:
    """``words`` sorted longest first (stable), once per word list."""
    return tuple(sorted(words, key=len, reverse=True))


@lru_cache(maxsize=None)
def clause_ends() -> frozenset[str]:
    """Characters that end a clause for figures (``、`` separates list items, not clauses)."""
    return frozenset(cues()["clause_end"]) - {"、"}


_START = attrgetter("start")
_FIRST = itemgetter(0)


@lru_cache(maxsize=1024)
def _alternation(words: tuple[str, ...]) -> "re.Pattern[str]":
    """One pattern matching any of ``words`` (longest first)."""
    if not words:
        return re.compile("(?!)")
    return re.compile("|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def has_any(words: Iterable[str], text: str) -> bool:
    """``any(w in text for w in words)``, as one regex search."""
    return _alternation(tuple(words)).search(text) is not None


@lru_cache(maxsize=None)
def _cue_alternation(key: str) -> "re.Pattern[str]":
    return _alternation(tuple(cues()[key]))


def first_status(key: str, text: str) -> Optional[str]:
    """The stage named by the earliest of the ``(word, stage)`` pairs ``cues()[key]`` found
    in ``text`` (ties: the pair listed first), else None."""
    hits = [(text.find(w), st) for w, st in cues()[key] if w in text]
    return min(hits)[1] if hits else None


def has_cue(key: str, text: str) -> bool:
    """``has_any(cues()[key], text)``, its pattern found by the list's name."""
    return _cue_alternation(key).search(text) is not None


def last_cue(key: str, text: str, start: int, end: int) -> Optional[int]:
    """Where the last of ``cues()[key]`` in ``text[start:end]`` starts, else None."""
    found = None
    for m in _cue_alternation(key).finditer(text, start, end):
        found = m.start()
    return found


def before_first(text: str, chars: str, pos: int, end: int) -> int:
    """Where a walk forward from ``pos`` over characters not in ``chars`` stops: at the
    first of ``chars`` in ``[pos, end)``, else ``end`` (``pos`` if ``pos >= end``)."""
    if pos >= end:
        return pos
    m = char_class(chars).search(text, pos, end)
    return m.start() if m else end


def after_last(text: str, chars: str, lo: int, pos: int) -> int:
    """Where a walk back from ``pos`` over characters not in ``chars`` stops: just
    after the last of ``chars`` in ``[lo, pos)``, else ``lo`` (``pos`` if ``pos <= lo``)."""
    if pos <= lo:
        return pos
    k = max([text.rfind(c, lo, pos) for c in chars])
    return k + 1 if k >= 0 else lo


def ends_any(text: str, words: Iterable[str]) -> bool:
    """``any(text.endswith(w) for w in words)``."""
    return text.endswith(tuple(words))


def starts_any(text: str, words: Iterable[str]) -> bool:
    """``any(text.startswith(w) for w in words)``."""
    return text.startswith(tuple(words))


@dataclass(frozen=True)
class Ent:
    """A PARK or COMPANY mention; ``key`` identifies its cluster."""

    start: int
    end: int
    label: str
    text: str
    key: str


@dataclass(frozen=True)
class Qty:
    """A quantity mention with its parsed SPEC quantity (a dict)."""

    start: int
    end: int
    text: str
    q: dict


@dataclass(frozen=True)
class Per:
    """A period mention with its parsed SPEC period (a dict or None)."""

    start: int
    end: int
    text: str
    p: Optional[dict]


@dataclass
class Paragraph:
    """A paragraph (one logical line of the repaired text)."""

    start: int
    end: int
    article: int = 0
    topic: Optional[Ent] = None
    heading: bool = False


@dataclass
class DocContext:
    """Character-level view of a Doc shared by the fact extractors."""

    doc: Doc
    text: str
    ents: list[Ent]
    qtys: list[Qty]
    pers: list[Per]
    paragraphs: list[Paragraph] = field(default_factory=list)
    sentences: list[tuple[int, int, int]] = field(default_factory=list)  # start, end, paragraph
    repair: Optional[RepairedText] = None
    display: Optional[list[tuple[int, int]]] = None  # raw spans of display lines (headlines)
    furniture: list[tuple[int, int]] = field(default_factory=list)  # raw spans of page furniture lines
    _index: dict = field(default_factory=dict, repr=False, compare=False)

    # --- offsets -------------------------------------------------------
    def raw(self, start: int, end: int) -> tuple[int, int]:
        """Raw-text offsets of a repaired-text span."""
        if self.repair is None:
            self.repair = self.doc._.repair
        memo = self._index.get("raw")
        if memo is None or memo[0] is not self.repair:
            memo = self._index["raw"] = (self.repair, {})
        key = (start, end)
        hit = memo[1].get(key)
        if hit is None:
            hit = memo[1][key] = self.repair.span_to_raw(start, end)
        return hit

    def _starts(self, name: str, items: list, key: Any) -> list[int]:
        """Sorted start offsets of ``items``, rebuilt only when the list changes."""
        hit = self._index.get(name)
        if hit is None or hit[0] is not items or hit[1] != len(items):
            hit = self._index[name] = (items, len(items), [key(x) for x in items])
        return hit[2]

    def paragraph_at(self, pos: int) -> int:
        paras = self.paragraphs
        hit = self._index.get("paragraphs")  # _starts, inlined: this runs for every figure and name
        if hit is None or hit[0] is not paras or hit[1] != len(paras):
            hit = self._index["paragraphs"] = (paras, len(paras), [p.start for p in paras])
        i = bisect_right(hit[2], pos) - 1
        return i if i > 0 else 0

    def sentence_at(self, pos: int) -> tuple[int, int, int]:
        starts = self._starts("sentences", self.sentences, _FIRST)
        return self.sentences[max(0, bisect_right(starts, pos) - 1)]

    def ents_in(self, start: int, end: int, label: Optional[str] = None) -> list[Ent]:
        """Mentions inside ``[start, end)`` (mentions are sorted and never overlap)."""
        ents = self.ents
        hit = self._index.get("ents")  # _starts, inlined
        if hit is None or hit[0] is not ents or hit[1] != len(ents):
            hit = self._index["ents"] = (ents, len(ents), [e.start for e in ents])
        starts = hit[2]
        found = ents[bisect_left(starts, start):bisect_left(starts, end)]  # start <= e.start < end
        if label is None:
            return [e for e in found if e.end <= end]
        return [e for e in found if e.end <= end and e.label == label]

    def ents_of(self, para: int) -> list[Ent]:
        """``ents_in`` of paragraph ``para``, looked up once per paragraph."""
        paras = self.paragraphs
        hit = self._index.get("para_ents")
        ents = self.ents
        if hit is None or hit[0] is not paras or hit[1] != len(paras) or hit[2] is not ents or hit[3] != len(ents):
            hit = self._index["para_ents"] = (paras, len(paras), ents, len(ents), {})
        memo = hit[4]
        if para not in memo:
            p = paras[para]
            memo[para] = self.ents_in(p.start, p.end)
        return memo[para]

    def ents_by_sentence(self) -> list[list[Ent]]:
        """``ents_in(s, e)`` of every sentence, in one pass over the mentions
        (sentences are sorted and disjoint; a mention across two is in neither)."""
        sents, ents = self.sentences, self.ents
        hit = self._index.get("sentence_ents")
        if hit is None or hit[0] is not sents or hit[1] != len(sents) or hit[2] is not ents or hit[3] != len(ents):
            starts = self._starts("sentences", sents, _FIRST)
            groups: list[list[Ent]] = [[] for _ in sents]
            for e in ents:
                i = bisect_right(starts, e.start) - 1
                if i >= 0 and e.end <= sents[i][1]:
                    groups[i].append(e)
            hit = self._index["sentence_ents"] = (sents, len(sents), ents, len(ents), groups)
        return hit[4]

    def qtys_in(self, start: int, end: int) -> list[Qty]:
        """Quantities inside ``[start, end)``, in text order."""
        return _within(self.qtys, self._starts("qtys", self.qtys, _START), start, end)

    def sentences_of(self, para: int) -> list[tuple[int, int, int]]:
        """The sentences of paragraph ``para``, in text order."""
        sents = self.sentences
        hit = self._index.get("by_paragraph")
        if hit is None or hit[0] is not sents or hit[1] != len(sents):
            groups: dict[int, list[tuple[int, int, int]]] = {}
            for sent in sents:
                groups.setdefault(sent[2], []).append(sent)
            hit = self._index["by_paragraph"] = (sents, len(sents), groups)
        return hit[2].get(para, [])

    def qtys_starting(self, start: int, end: int) -> list[Qty]:
        """Quantities that start inside ``[start, end)``, in text order."""
        starts = self._starts("qtys", self.qtys, _START)
        return self.qtys[bisect_left(starts, start):bisect_left(starts, end)]

    def pers_in(self, start: int, end: int) -> list[Per]:
        """Periods inside ``[start, end)``, in text order."""
        return _within(self.pers, self._starts("pers", self.pers, _START), start, end)

    def period_overlaps(self, start: int, end: int) -> bool:
        """Whether a period overlaps ``[start, end)`` or contains ``start``: a period
        starts in ``[start, max(end, start + 1))`` or covers ``start``."""
        pers = self.pers
        starts = self._starts("pers", pers, _START)
        i = bisect_left(starts, start)
        if i < len(starts) and starts[i] < max(end, start + 1):
            return True
        hit = self._index.get("pers_cover")
        if hit is None or hit[0] is not pers or hit[1] != len(pers):
            cover = bytearray(max([len(self.text)] + [p.end for p in pers]) + 1)
            for p in pers:
                if p.end > p.start:
                    cover[p.start:p.end] = b"\x01" * (p.end - p.start)
            hit = self._index["pers_cover"] = (pers, len(pers), cover)
        return 0 <= start < len(hit[2]) and hit[2][start] == 1

    def ent_at(self, pos: int) -> Optional[Ent]:
        ents = self.ents
        hit = self._index.get("ents")  # _starts, inlined
        if hit is None or hit[0] is not ents or hit[1] != len(ents):
            hit = self._index["ents"] = (ents, len(ents), [e.start for e in ents])
        i = bisect_right(hit[2], pos) - 1
        if i >= 0 and ents[i].start <= pos < ents[i].end:
            return ents[i]
        return None

    def topic_at(self, pos: int) -> Optional[Ent]:
        """The park the paragraph containing ``pos`` is about."""
        if not self.paragraphs:
            return None
        return self.paragraphs[self.paragraph_at(pos)].topic

    def article_at(self, pos: int) -> int:
        if not self.paragraphs:
            return 0
        return self.paragraphs[self.paragraph_at(pos)].article

    def parks_before(self, pos: int, article: int) -> list[Ent]:
        """The park mentions of ``article`` that end at or before ``pos``, in text order."""
        ents = self.ents
        hit = self._index.get("article_parks")
        if hit is None or hit[0] is not ents or hit[1] != len(ents):
            groups: dict[int, tuple[list[int], list[Ent]]] = {}
            for e in ents:
                if e.label == "PARK":
                    ends, parks = groups.setdefault(self.article_at(e.start), ([], []))
                    ends.append(e.end)  # ascending: mentions are sorted and never overlap
                    parks.append(e)
            hit = self._index["article_parks"] = (ents, len(ents), groups)
        ends, parks = hit[2].get(article, ((), ()))
        return parks[:bisect_right(ends, pos)]  # type: ignore[index]


def _within(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by start) that lie inside ``[start, end)``."""
    return [x for x in items[bisect_left(starts, start):bisect_right(starts, end)] if x.end <= end]


def per_document(ctx: DocContext, table: str, fn: Callable[..., Any], *args: Any) -> Any:
    """``fn(ctx, *args)``, computed once per document: the answer is kept in the
    context's ``table`` under ``args`` (a context does not change once built)."""
    memo = ctx._index.setdefault(table, {})
    if args not in memo:
        memo[args] = fn(ctx, *args)
    return memo[args]


def build_context(doc: Doc, repair: Optional[RepairedText] = None) -> DocContext:
    """Collect mentions, split sentences and paragraphs, assign articles and topics
    (``repair``: the doc's ``doc._.repair`` when the caller has it)."""
    rep = repair or doc._.repair
    text = rep.text  # == doc.text, without iterating tokens
    ents = []
    for e in doc.ents:
        label = e.label_
        if label in ("PARK", "COMPANY"):
            s, t = e.start_char, e.end_char
            name = text[s:t]  # == e.text, without joining its tokens
            ents.append(Ent(s, t, label, name, e.id_ or name))
    ents = _clean_names(ents)
    qtys = []
    for s, t, q in span_values(doc, "quantities", "quantity"):
        if q:
            qtys.append(Qty(s, t, text[s:t], dict(q)))
    pers = [Per(s, t, text[s:t], p) for s, t, p in span_values(doc, "periods", "period")]
    qtys = _without_base_brackets(text, qtys)
    ctx = DocContext(doc, text, ents, sorted(qtys, key=lambda q: q.start), sorted(pers, key=lambda p: p.start))
    ctx.repair = rep
    ctx.paragraphs = split_paragraphs(text)
    from .furniture import furniture_spans  # it reads this module's cue words
    spans = furniture_spans(rep.source)
    if spans:
        rows = table_rows(rep.source)  # a menu's | bars are also a table's: rows state facts
        ctx.furniture = [sp for sp in spans if not any(a <= sp[0] < b for a, b in rows)]
    furniture = [(rep.from_raw(a), rep.from_raw(b)) for a, b in ctx.furniture]
    if furniture:
        # page furniture states no figure and no period (its mentions stay: they still
        # tell which park the page is about)
        inside = lambda a: any(s <= a < e for s, e in furniture)  # noqa: E731
        ctx.qtys = [q for q in ctx.qtys if not inside(q.start)]
        ctx.pers = [p for p in ctx.pers if not inside(p.start)]
    from .headlines import display_spans  # it reads this module's cue words
    # a display line (title block before a byline, marker line, section head) ends its
    # sentence even when repair joined it to the paragraph after it
    known = doc.user_data.get("zone_ie", {}).get("display")  # found by the entity ruler already
    ctx.display = known if known is not None else display_spans(rep.source)  # raw spans, read again by headlines
    breaks = sorted({rep.from_raw(b) for _, b in ctx.display})
    ctx.sentences = split_sentences(text, ctx.paragraphs, breaks)
    assign_articles(ctx)
    from .topics import assign_topics  # it reads this module's mentions and cue words
    assign_topics(ctx)
    return ctx


ALIAS_WORDS = "以下简称|以下称|下称|简称"
# a declared short name in brackets (``（以下简称“X”）``), after a company or a zone's name
ALIAS_BRACKET = rf"[（(](?:{ALIAS_WORDS})[^）)]*[）)]"


def _without_base_brackets(text: str, qtys: list[Qty]) -> list[Qty]:
    """Drop a figure alone in brackets after the base of a share or comparison
    (``占全市规上工业总产值（1784.4亿元）的28.2%``, ``高于全市（11.4%）3.9个百分点``): the
    base's own value, no fact (``base_bracket_re``)."""
    out = []
    for q in qtys:
        if (q.start > 0 and text[q.start - 1] in "（(" and text[q.end:q.end + 1] in ("）", ")")
                and rx.search(cues()["base_bracket_re"], text[max(0, q.start - 26):q.start - 1])):
            continue
        out.append(q)
    return out


def split_paragraphs(text: str) -> list[Paragraph]:
    """Non-empty lines of the repaired text."""
    out, pos = [], 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.strip():
            out.append(Paragraph(pos, end))
        pos = end + 1
    return out


@lru_cache(maxsize=None)
def _sentence_end_re() -> "re.Pattern[str]":
    """One sentence-ending character (``patterns/relations.json`` ``sentence_end``)."""
    return char_class("".join(sorted(set(cues()["sentence_end"]))))


def split_sentences(text: str, paragraphs: list[Paragraph], breaks: Sequence[int] = ()) -> list[tuple[int, int, int]]:
    """Sentences ``(start, end, paragraph index)``; a sentence never crosses a paragraph
    nor one of ``breaks`` (sorted offsets where a display line ends)."""
    ends = _sentence_end_re()
    out = []
    for i, p in enumerate(paragraphs):
        s = p.start
        cuts = [m.start() + 1 for m in ends.finditer(text, p.start, p.end)]
        if breaks:
            inside = breaks[bisect_left(breaks, p.start + 1):bisect_left(breaks, p.end)]
            if inside:
                cuts = sorted(set(cuts) | set(inside))
        for j in cuts:
            if j > s:
                out.append((s, j, i))
            s = j
        if p.end > s:
            out.append((s, p.end, i))
    return out


def _is_heading(line: str) -> bool:
    """A short line without sentence punctuation (a title or a caption)."""
    line = line.strip()
    if not line or len(line) > cues()["heading_max_len"]:
        return False
    return _SENTENCE_PUNCT.search(line) is None


_SENTENCE_PUNCT = re.compile("[。，,；;：:！？]")


def _is_byline(line: str) -> bool:
    head = line.strip()[:30]
    if _QUESTION.match(head):
        return False  # ``记者：园区更名…？`` asks a question of an interview, it signs nothing
    return has_cue("byline_markers", head) and ("◎" in head or "报讯" in head or "记者" in head[:6])


# (``记者（安顺日报）：…？``: a press-conference question names the reporter's outlet)
_OUTLET = r"(?:[（(][^（()）\n]{1,20}[)）])?"
_QUESTION = re.compile(r"(?:本报)?记者" + _OUTLET + r"\s*[：:]")
_ASKED = re.compile(r"\s*(?:(?:本报)?记者" + _OUTLET + r"|问|主持人|Q)\s*[：:]")


def is_question(text: str, start: int, end: int) -> bool:
    """Whether the paragraph ``[start, end)`` is an interviewer's question (``记者：…``, ``问：…``)."""
    return _ASKED.match(text, start, min(end, start + 12)) is not None


def assign_articles(ctx: DocContext) -> None:
    """Number articles: a byline (◎本报记者…, …报讯) starts a new one, together
    with the heading lines printed right before it."""
    paras = ctx.paragraphs
    starts = set()
    for i, p in enumerate(paras):
        line = ctx.text[p.start:p.end]
        p.heading = _is_heading(line)
        if _is_byline(line) or "报讯" in line[:80]:
            j = i
            while j > 0 and paras[j - 1].heading:
                j -= 1
            starts.add(j)
    article = 0
    for i, p in enumerate(paras):
        if i in starts and i > 0:
            article += 1
        p.article = article


def table_spans(ctx: DocContext) -> list[tuple[int, int]]:
    """``(start, end)`` in the repaired text of the lines of statistics tables: the rows
    layout repair found and kept (:func:`zone_ie.repair.table_rows`, memoized), mapped."""
    hit = ctx._index.get("table_spans")
    if hit is None:
        rep = ctx.repair if ctx.repair is not None else ctx.doc._.repair
        hit = ctx._index["table_spans"] = [(rep.from_raw(a), rep.from_raw(b)) for a, b in table_rows(rep.source)]
    return hit


def in_table(ctx: DocContext, s: int, e: int) -> bool:
    """Whether ``[s, e)`` lies inside the lines of a table."""
    tables = table_spans(ctx)
    if not tables:
        return False
    k = bisect_left(tables, (s + 1,)) - 1
    return k >= 0 and tables[k][0] <= s and e <= tables[k][1] + 1


def is_sub_park(ent: Ent) -> bool:
    """A park inside a zone by its name (``…产业园``, ``…科创园``, a short ``数字经济园``), not a zone itself."""
    if ent.label != "PARK":
        return False
    if ent.text.endswith(_sub_park_suffixes()):
        return True
    tail, zone_words = _sub_park_bare_tail()
    return bool(tail) and ent.text.endswith(tail) and not ent.text.endswith(zone_words)


@lru_cache(maxsize=1)
def _sub_park_suffixes() -> tuple[str, ...]:
    return tuple(cues().get("sub_park_suffixes", []))


@lru_cache(maxsize=1)
def _sub_park_bare_tail() -> tuple[str, tuple[str, ...]]:
    """The bare sub-park tail (``园``) and the grammar's zone words that end with it."""
    from ..resources import load_json

    tail = cues().get("sub_park_bare_tail", "")
    g = load_json("grammar.json")
    words = {w for k in ("park_suffixes", "after_zone_suffixes", "weak_park_suffixes") for w in g.get(k, ())}
    return tail, tuple(sorted((w for w in words if tail and w.endswith(tail) and w != tail), key=len, reverse=True))


def _clean_names(ents: list[Ent]) -> list[Ent]:
    """A mention glued to a leading word (``与X高新区``) takes the name of the
    shorter mention it ends with, when the document has that name on its own."""
    key_of: dict[str, str] = {}
    for e in ents:
        key_of.setdefault(e.text, e.key)
    out = []
    for e in ents:
        best = e
        size = len(e.text)
        for k in range(max(4, size - 2), size):  # the shortest such name wins
            n = e.text[size - k:]
            if n in key_of:
                best = Ent(e.end - k, e.end, e.label, n, key_of[n])
                break
        out.append(best)
    return out


def anaphor_kind(word: str) -> Optional[list[str]]:
    """Name endings a typed anaphor (``该经开区``) can refer to; None for generic ones (园区)."""
    kind = _kind_endings(word)
    return None if kind is None else list(kind)


@lru_cache(maxsize=1024)
def _kind_endings(word: str) -> Optional[tuple[str, ...]]:
    kinds = cues().get("anaphora_kinds", {})
    for k in sorted(kinds, key=len, reverse=True):
        if word.endswith(k):
            return tuple(kinds[k])
    return None


def _parks_ending(ctx: DocContext, endings: tuple[str, ...]) -> list[tuple[Ent, int]]:
    """``(park, article)`` for the park mentions whose name ends with one of ``endings``."""
    key = ("parks_ending", endings)
    hit = ctx._index.get(key)
    if hit is None or hit[0] is not ctx.ents or hit[1] != len(ctx.ents):
        parks = [(e, ctx.article_at(e.start)) for e in ctx.ents if e.label == "PARK" and e.text.endswith(endings)]
        hit = ctx._index[key] = (ctx.ents, len(ctx.ents), parks)
    return hit[2]


def resolve_anaphor(ctx: DocContext, word: str, pos: int) -> Optional[Ent]:
    """The park a bare zone word at ``pos`` refers to: the paragraph topic when it
    is of the right kind (``经开区`` -> a …经济技术开发区), else the park of that
    kind named most often in the article, then in the document; generic words
    (园区, 该区) give the topic.

    Memoized per document (every figure after the anaphor asks again; the
    topics do not change once the context is built)."""
    return per_document(ctx, "anaphor", _resolve_anaphor, word, pos)


def _kind_excludes(word: str) -> tuple[str, ...]:
    return tuple(cues().get("anaphora_kind_excludes", {}).get(word, ()))


def _resolve_anaphor(ctx: DocContext, word: str, pos: int) -> Optional[Ent]:
    topic = ctx.topic_at(pos)
    kind = _kind_endings(word)
    if kind is None:
        return topic
    article = ctx.article_at(pos)
    fitting = _parks_ending(ctx, kind)
    if not fitting and word in cues().get("anaphora_strict", ()):
        return None  # ``4大片区``, ``老城片区``: no 片区 is named, so the word points to none
    excludes = _kind_excludes(word)
    if excludes:  # 全区 is the zone, not its 工业园区, when the article names the zone
        zones = [(e, art) for e, art in fitting if not e.text.endswith(excludes)]
        if any(art == article for _, art in zones):
            fitting = zones
        else:
            excludes = ()
    if topic is not None and topic.label == "PARK" and topic.text.endswith(kind) and not (
            excludes and topic.text.endswith(excludes)):
        return topic
    in_article = [e for e, art in fitting if art == article]
    for pool in ([e for e in in_article if e.start < pos], in_article, [e for e, _ in fitting]):
        if pool:
            counts = Counter(e.key for e in pool)
            best = max(counts.values())
            return next(e for e in pool if counts[e.key] == best)
    return topic


@lru_cache(maxsize=None)
def _typed_anaphora() -> tuple[tuple[str, ...], "re.Pattern[str]"]:
    """Typed zone anaphors longest first, and a pattern for the characters they start with."""
    words = tuple(sorted((w for w in cues()["anaphora_park"] if w and anaphor_kind(w)), key=len, reverse=True))
    firsts = "".join(sorted({w[0] for w in words}))
    return words, char_class(firsts)


def _group_before(text: str, i: int) -> bool:
    """Whether the zone word at ``i`` follows a count or a quantifier of zones
    (``12家省级以上``, ``4家国家级``, ``全部``, ``各``)."""
    return _group_re().search(text[max(0, i - 12):i]) is not None


def zone_group_head() -> str:
    """Pattern source of what makes a zone word a group of zones: a count or a quantifier,
    then qualifiers (``12家省级以上``, ``4家国家级``, ``全部``, ``各``)."""
    quals = "|".join(map(re.escape, longest_first("zone_count_qualifiers")))
    return rf"(?:全[省市区县州])?(?:(?:\d+|[一二三四五六七八九十两几]+)[家个所大]|全部|所有|各|诸)(?:{quals})*"


@lru_cache(maxsize=1)
def _group_re() -> "re.Pattern[str]":
    return re.compile(zone_group_head() + "$")


def tail_of_kind(text: str, pos: int, word: str) -> bool:
    """``21个自贸试验区``: the anaphor ``word`` at ``pos`` ends a longer zone word (a kind of
    zone, counted or named), so it points back to nothing."""
    end = pos + len(word)
    return any(text.startswith(w, end - len(w)) for w in _longer_kinds(word))


@lru_cache(maxsize=None)
def _longer_kinds(word: str) -> tuple[str, ...]:
    """The zone words of the entity grammar (``patterns/grammar.json``) that end with ``word``."""
    from ..resources import load_json

    return tuple(w for w in load_json("grammar.json")["park_suffixes"] if len(w) > len(word) and w.endswith(word))


def anaphora_in(ctx: DocContext, start: int, end: int) -> list[tuple[int, str]]:
    """Typed zone anaphors (``经开区``, ``该高新区``) in ``[start, end)`` that are not part of a name."""
    text = ctx.text
    out = []
    words, first = _typed_anaphora()
    i = start
    while i < end:
        m = first.search(text, i, end)  # the next place an anaphor can start
        if m is None:
            break
        i = m.start()
        for w in words:
            if text.startswith(w, i) and i + len(w) <= end and ctx.ent_at(i) is None and ctx.ent_at(i + len(w) - 1) is None:
                if _group_before(text, i) or tail_of_kind(text, i, w):
                    i += len(w) - 1
                    break  # ``12家省级以上开发区``, ``全部开发区``: a group of zones, not one
                out.append((i, w))
                i += len(w) - 1
                break
        i += 1
    return out


def outside_furniture(ctx: DocContext, facts: list) -> list:
    """``facts`` less those whose evidence starts on a line of page furniture
    (``下一篇:X公司…项目在Y经开区开工``: a link to another article states nothing here)."""
    spans = ctx.furniture
    if not spans:
        return facts
    starts = [a for a, _ in spans]
    out = []
    for f in facts:
        a = f.evidence[0] if f.evidence else -1
        k = bisect_right(starts, a) - 1
        if not (k >= 0 and a < spans[k][1]):
            out.append(f)
    return out
