"""``zone_entity_ruler``: PARK and COMPANY mentions from patterns and name grammar.

Everything is matched on characters, so boundaries do not depend on the
segmenter. Sources, in order:

* phrase patterns (``patterns/entity_patterns.jsonl``, spaCy span-ruler style
  ``{"label", "pattern", "id"}``): official zone names and their short forms;
  ``patterns/companies.jsonl``: short names of well-known firms;
* grammar (``patterns/grammar.json``): a zone suffix or a company legal form,
  extended to the left over name characters; the left edge is cut after the
  last boundary (cue) word, leading digits/dates are dropped, and a place name
  (``patterns/places.json`` + gazetteer provinces/cities) starts the name;
* document-level short names: declared aliases (``X（以下简称“Y”）``, ``X又称Y``),
  legal-form stripped cores of full names (``宁波甬飞科技发展有限公司`` ->
  ``甬飞科技`` / ``甬飞``), place-stripped park names and char-subsequence
  abbreviations (``西宁留学人员创业园`` -> ``留创园``), and brand names in
  company-list contexts (``以A、B为代表``, ``A、B等企业``). A short name found
  once is a mention wherever it occurs in the document.

Every mention gets a cluster key in ``span.id_`` (the fullest name of its
cluster, see :mod:`zone_ie.clusters`). Patterns and grammar are serialized with
the pipeline.

This module holds the component, the park and company grammar and the short
names; brand names in company lists are :mod:`.company_lists` (a mixin), the
string helpers (``Match``, literal-word matching, overlaps) :mod:`.ruler_text`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right, insort
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable, Optional

import numpy as np
import regex
import srsly
from spacy.attrs import ENT_ID, ENT_IOB, ENT_KB_ID, ENT_TYPE
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from ..align import ensure_boundaries
from .. import rx
from ..clusters import (
    MEMO_SIZE, Places, company_core, core_shorts, load_county_names, load_place_names, park_key, trie_pattern, word_at, word_before,
    words_by_length,
)
from ..resources import iter_jsonl, load_json
from .company_lists import CompanyListGrammar
from .sub_park_lists import SubParkListGrammar
from .ruler_text import (  # noqa: F401  (re-exported: tests and callers import some from here)
    _BRACKETED, _BRACKETED_HEAD, _COUNTED, _COUNTED_INSIDE, _HAN_RUN, _NOT_BUSINESS_HEADS, Match, _PhraseIndex, _add_non_overlapping,
    _han_between, _literal_spans, _literals, _lookahead, _non_overlapping, _starts_with_place, _unanchored,
)

DEFAULT_PATTERNS = "entity_patterns.jsonl"
COMPANY_PATTERNS = "companies.jsonl"

Alias = tuple[int, int, int, int, str]


@Language.factory(
    "zone_entity_ruler",
    default_config={"patterns_file": None, "use_grammar": True, "max_prefix": 16},
)
def make_entity_ruler(
    nlp: Language, name: str, patterns_file: Optional[str], use_grammar: bool, max_prefix: int
) -> "ZoneEntityRuler":
    return ZoneEntityRuler(nlp, name, patterns_file=patterns_file, use_grammar=use_grammar, max_prefix=max_prefix)


_LEADING_BRACKETED = regex.compile(r"[（(][^（()）]{1,8}[)）]")


class ZoneEntityRuler(CompanyListGrammar, SubParkListGrammar):
    """Find PARK and COMPANY mentions; see the module docstring."""

    def __init__(
        self,
        nlp: Optional[Language] = None,
        name: str = "zone_entity_ruler",
        *,
        patterns_file: Optional[str] = None,
        use_grammar: bool = True,
        max_prefix: int = 16,
    ) -> None:
        self.name = name
        self.use_grammar = use_grammar
        self.max_prefix = max_prefix
        self.patterns: list[dict[str, Any]] = []
        self.grammar: dict[str, Any] = dict(load_json("grammar.json"))
        self.places: list[str] = load_place_names()
        self.counties: list[str] = load_county_names()
        if patterns_file:
            self.patterns.extend(dict(p) for p in srsly.read_jsonl(patterns_file))
        else:
            self.patterns.extend(iter_jsonl(DEFAULT_PATTERNS))
            self.patterns.extend(iter_jsonl(COMPANY_PATTERNS))
        self._compile()

    # --- patterns -------------------------------------------------------
    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add ``{"label", "pattern"[, "id", "needs_context"]}`` phrase patterns."""
        self.patterns.extend(dict(p) for p in patterns)
        self._compile()

    def _compile(self) -> None:
        self._by_text: dict[str, dict[str, Any]] = {}
        for p in self.patterns:
            self._by_text.setdefault(p["pattern"], p)
        names = sorted(self._by_text, key=len, reverse=True)
        self._phrase_index = _PhraseIndex.build(names)
        # the stdlib trie (~3x faster than ``regex``) finds the same, for word lists the index cannot take
        self._phrase_re = re.compile(trie_pattern(names)) if names and self._phrase_index is None else None
        g = self.grammar
        chars = g["name_chars"]
        self._P = Places(self.places)
        self._P._chain()  # compiled with the pipeline, not inside the first document that needs it
        # places and counties: where a park's name may start (not a company's: 大丰集团 is a brand)
        self._PK = Places(self.places + self.counties) if self.counties else self._P
        self._park_suffix_re = _literals(g["park_suffixes"])
        self._park_suffixes = tuple(sorted(g["park_suffixes"], key=len, reverse=True))
        self._park_suffix_set = frozenset(self._park_suffixes)
        self._park_suffixes_by_len = words_by_length(self._park_suffixes)
        self._weak_suffixes = tuple(g.get("weak_park_suffixes", []))
        self._city_place_suffixes = tuple(g.get("city_place_suffixes", []))
        self._group_suffixes = frozenset(g.get("zone_group_suffixes", []))
        self._group_prefix = re.compile(g.get("zone_group_prefix_re", r"(?!)"))
        self._direction_areas = tuple(sorted(g.get("direction_area_prefixes", []), key=len, reverse=True))
        self._direction_suffixes = frozenset(g.get("direction_area_suffixes", []))
        self._district_suffixes = tuple(g.get("district_park_suffixes", []))
        self._sub_park_suffixes = tuple(g.get("sub_park_suffixes", []))
        self._legal_forms = list(g["company_legal_forms"])
        self._legal_re = _literals(self._legal_forms)
        self._legal_tuple = tuple(self._legal_forms)
        self._strong_legal = tuple(sorted(g.get("strong_legal_forms", []), key=len, reverse=True))
        self._name_char = regex.compile(f"[{chars}]")
        self._name_run = regex.compile(f"[{chars}]*")  # a run of name characters
        self._name_char_memo: dict[str, bool] = {}
        self._boundary_at = _lookahead(g["left_boundaries"])
        exempt = g.get("left_boundary_exempt", [])
        self._boundary_exempt = re.compile("|".join(map(re.escape, sorted(exempt, key=len, reverse=True)))) if exempt else None
        self._boundaries_by_len = words_by_length(g["left_boundaries"])
        self._left_strip = regex.compile(g.get("left_strip_re", r"^[0-9]+"))
        self._left_cut = regex.compile(g.get("left_cut_re", r"(?!)"))
        self._brand_place = regex.compile(g.get("park_brand_place_re", r"(?!)"))
        self._not_after = regex.compile(g.get("not_after_name_re", r"(?!)"))
        self._generic_heads = tuple(g["park_generic_heads"])
        self._class_tail = regex.compile(g.get("park_class_tail_re", r"(?!)"))
        self._init_sub_park_lists(g)
        self._bilateral = tuple(sorted(g.get("bilateral_heads", []), key=len, reverse=True))
        self._brand_suffixes = frozenset(g.get("brand_park_suffixes", []))
        self._bilateral_bracket = regex.compile(
            "(?:" + "|".join(map(regex.escape, self._bilateral or ("(?!)",))) + r")[（(](?P<place>[^（）()]{2,6})[)）]")
        self._level_heads = tuple(sorted(g.get("park_level_heads", []), key=len, reverse=True))
        self._not_company_heads = tuple(g["not_company_heads"])
        self._not_company_head_re = _literals(self._not_company_heads)
        self._not_company_tail = regex.compile(g.get("not_company_tail_re", r"(?!)"))
        self._not_company = set(g["not_company_names"])
        self._definition_lead = regex.compile(g.get("definition_lead_re", r"(?!)"))
        self._definition_gap = regex.compile(g.get("definition_gap_re", r"(?!)"))
        self._definition_tail = regex.compile(g.get("definition_tail_re", r"(?!)"))
        self._business = list(g.get("company_business_words", []))
        self._industry = tuple(sorted(g.get("company_industry_words", []), key=len, reverse=True))
        # the industry words by length, longest first: the first word of
        # ``self._industry`` that a string ends (starts) with is its longest one
        self._industry_by_len = words_by_length(self._industry)
        self._industry_heads_by_len = words_by_length(w for w in self._industry if w not in _NOT_BUSINESS_HEADS)
        self._short_stop = set(g.get("company_short_stopwords", []))
        self._generic_brands = set(g.get("company_generic_brands", []))
        self._project_tail = regex.compile(g.get("project_tails_re", r"(?!)"))
        self._closer = regex.compile(g.get("list_company_closers_re", r"(?!)"))
        self._closer_search = _unanchored(self._closer)
        self._context_re = regex.compile(g.get("company_context_re", r"(?!)"))
        self._project_prefix = re.compile(g.get("project_prefix_re", r"(?!)"))
        self._project_prefix_not = tuple(g.get("project_prefix_not", []))
        self._platform_words = tuple(sorted(g.get("platform_business_words", []), key=len, reverse=True))
        self._context_right = regex.compile(g.get("company_context_right_re", r"(?!)"))
        self._descriptor_re = regex.compile(g.get("company_descriptor_re", r"(?!)"))
        self._descriptor_right = regex.compile(g.get("company_descriptor_right_re", r"(?!)"))
        self._stock_code_re = regex.compile(g.get("company_stock_code_re", r"(?!)"))
        self._conj = rx.char_class("".join(sorted({c for c in g.get("conj_boundaries", []) if len(c) == 1})))
        self._org_tail = set(g.get("org_tail_chars", ""))
        self._short_not = regex.compile(g.get("short_name_not_re", r"(?!)"))
        self._strong_closer = regex.compile(g.get("list_company_strong_closers_re", r"(?!)"))
        self._glue_before = tuple(g.get("company_glue_before", []))
        self._role_list = regex.compile(g.get("company_role_list_re", r"(?!)"))
        self._counted_list = regex.compile(g.get("counted_list_re", r"(?!)"))
        self._item_conj = set(g.get("list_item_conj", ""))
        self._leading_cut = set(g.get("leading_cut_chars", ""))
        self._ftz = tuple(g.get("ftz_suffixes", []))
        self._ftz_area = tuple(g.get("ftz_area_suffixes", []))
        cues = "|".join(regex.escape(c) for c in sorted(g["alias_cues"], key=len, reverse=True))
        self._alias_re = regex.compile(
            rf"\s*[（(，,]\s*(?:{cues})[:：]?\s*[“\"「‘]?(?P<alias>[{chars}&&[^（）()]]{{2,20}}?)[”\"」’]?\s*(?=[）)，,。；;])",
            regex.V1,
        )
        self._alias_inline_re = regex.compile(r"(?:又称|也称|亦称|又名|简称)[“\"「]?")
        self._memoize()

    # pure functions of one short string (names, prefixes, list items) that recur
    # within and across documents: memoized per instance, rebuilt after unpickling
    _MEMOIZED = (
        "_prefix_edge", "_park_suffix_of", "_local_place", "_abbreviation_core", "_company_core",
        "_company_shorts", "_park_key", "_ends_with_boundary", "_brand_shape", "_plausible_brand",
        "_list_head_cut", "_clean_item",
    )

    def _memoize(self) -> None:
        for name in self._MEMOIZED:
            setattr(self, name, lru_cache(maxsize=MEMO_SIZE)(getattr(type(self), name).__get__(self)))

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k not in self._MEMOIZED}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self._memoize()

    # --- spaCy component --------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        matches, aliases = self.match_with_aliases(doc._.repair.text)  # == doc.text, cheaper
        doc.user_data.setdefault("zone_ie", {})["aliases"] = [list(a) for a in aliases]
        spans = [doc.char_span(m.start, m.end, label=m.label, span_id=m.id) for m in matches]
        if any(sp is None for sp in spans):
            # An edge may fall inside a token (pkuseg): split, then redo the spans.
            # (When every span exists, no edge is inside a token: the split is a no-op.)
            ensure_boundaries(doc, [o for m in matches for o in (m.start, m.end)])
            spans = [doc.char_span(m.start, m.end, label=m.label, span_id=m.id) for m in matches]
        spans = [sp for sp in spans if sp is not None]
        if all(a.end <= b.start for a, b in zip(spans, spans[1:])) and all(sp.start < sp.end for sp in spans):
            _set_entities(doc, spans)  # the mentions do not overlap: what filter_spans would keep
        else:
            doc.ents = filter_spans(spans)
        return doc

    def match(self, text: str) -> list[Match]:
        """All non-overlapping mentions in ``text`` with cluster keys, left to right."""
        return self.match_with_aliases(text)[0]

    # --- the whole document -------------------------------------------------
    def match_with_aliases(self, text: str) -> tuple[list[Match], list[Alias]]:
        """Mentions plus declared aliases ``(name_start, name_end, alias_start, alias_end, label)``.

        Each mention's ``id`` is its cluster key: the fullest name of the
        real-world park or company it refers to in this document.
        """
        phrases = self._phrase_matches(text)
        if not self.use_grammar:
            found = _non_overlapping(phrases)
            return self._with_cluster_ids(text, found, []), []
        parks, cut_from = self._grammar_parks(text, phrases)
        base = _add_non_overlapping(phrases, parks)
        companies = self._grammar_companies(text, [m for m in base if m.label == "PARK"])
        found = _add_non_overlapping(base, companies)
        found, aliases = self._aliases(text, found)
        found = self._short_names(text, found)
        found = self._list_companies(text, found)
        found = self._sub_park_lists(text, found)
        found = self._extend_parks(text, found, cut_from)
        found = self._merge_adjacent_parks(text, found)
        found = _add_non_overlapping(found, self._brand_place_parks(text))
        found = [m for m in found if not self._not_after.match(text[m.end : m.end + 2])]
        aliases = aliases + self._definitions(text, found, aliases)
        return self._with_cluster_ids(text, found, aliases), aliases

    def _definitions(self, text: str, found: list[Match], declared: list[Alias]) -> list[Alias]:
        """``所说的A是B`` / ``A即B`` / ``A是B的简称``: A is declared a short name of B."""
        out: list[Alias] = []
        seen = {(a[2], a[3]) for a in declared}
        for a, b in zip(found, found[1:]):
            if a.label != b.label or len(text[a.start : a.end]) >= len(text[b.start : b.end]):
                continue
            gap = text[a.end : b.start]
            before = text[max(0, a.start - 6) : a.start]
            after = text[b.end : b.end + 4]
            lead = self._definition_lead.search(before) and self._definition_gap.fullmatch(gap)
            tail = self._definition_gap.fullmatch(gap) and self._definition_tail.match(after)
            if (lead or tail) and (a.start, a.end) not in seen:
                out.append((b.start, b.end, a.start, a.end, a.label))
        return out

    def _brand_place_parks(self, text: str) -> list[Match]:
        """``X谷·太原``: a platform brand followed by the place of one of its sites."""
        out = []
        for m in self._brand_place.finditer(text):
            place = self._P._one.match(text, m.end())
            if place:
                start = m.start()
                while start < m.end() - 2 and self._boundary_at.match(text, start):
                    start += 1
                out.append(Match(start, place.end(), "PARK"))
        return out

    def _phrase_matches(self, text: str) -> list[Match]:
        found: list[Match] = []
        if not self._by_text:
            return found
        by_text = self._by_text
        hits = [(s, e, by_text[text[s:e]]) for s, e in self._phrase_spans(text)]
        ids = {p.get("id") for _, _, p in hits if not p.get("needs_context")}
        for s, e, p in hits:
            if p.get("needs_context") and p.get("id") not in ids:
                continue  # a brand name needs another name of the same zone
            if p["label"] == "COMPANY" and text.endswith(self._glue_before, 0, s) and self._name_char.match(text, e):
                continue  # ``…有限公司高通量``: names never abut; this is the next word
            found.append(Match(s, e, p["label"], p.get("id", "")))
        return found

    def _phrase_spans(self, text: str) -> list[tuple[int, int]]:
        """The spans of the patterns in ``text``: left to right, the longest pattern."""
        index = self._phrase_index
        if index is None:
            return [m.span() for m in self._phrase_re.finditer(text)]  # type: ignore[union-attr]
        return index.spans(text)

    # --- left edges -------------------------------------------------------
    def _is_name_char(self, ch: str) -> bool:
        """``self._name_char`` on one character, memoized per character."""
        known = self._name_char_memo.get(ch)
        if known is None:
            known = self._name_char_memo[ch] = self._name_char.match(ch) is not None
        return known

    def _left_edge(self, text: str, end_of_prefix: int, taken_ends: list[int], park: bool = False) -> tuple[int, int, bool]:
        """``(start, uncut_start, has_place)`` of a name whose suffix begins at ``end_of_prefix``
        (``park``: a park's name, which a county may also start).

        ``uncut_start`` is where the name would start without the place cut;
        ``has_place``: whether ``text[start:end_of_prefix]`` holds a place name;
        ``taken_ends`` are the sorted end offsets of the names found so far.
        """
        i = end_of_prefix
        limit = max(0, end_of_prefix - self.max_prefix)
        k = bisect_right(taken_ends, end_of_prefix)
        if k and taken_ends[k - 1] > limit:  # never extend into an earlier name
            limit = taken_ends[k - 1]
        if i > limit:  # back over the name characters ending at ``i``, down to ``limit``
            i -= self._name_run.match(text[limit:i][::-1]).end()
        cut, place, has_place = self._prefix_edge(text[i:end_of_prefix], park)
        start = i + cut
        return start + place, start, has_place

    def _prefix_edge(self, prefix: str, park: bool = False) -> tuple[int, int, bool]:
        """``(cut, place, has_place)``: the name starts ``cut`` characters into the run
        of name characters ``prefix``, and ``place`` more characters on when a place
        name inside it starts the name (0 if none); ``has_place``: whether a place
        is in ``prefix[cut:]`` (then also in ``prefix[cut + place:]``)."""
        P = self._PK if park else self._P
        places = P.spans(prefix)
        cut = 0
        words = [m.span() for m in self._boundary_exempt.finditer(prefix)] if self._boundary_exempt else ()
        for b in self._boundary_at.finditer(prefix):
            s, e = b.span(1)
            if e > cut and not any(ps < e and s < pe for ps, pe in places) and not any(ws <= s and e <= we for ws, we in words):
                cut = e  # (和林格尔, 和田市, 家居: a boundary inside a place or a name word does not count)
        conj = self._conj
        # 研究所与X: a conjunction after an organisation (cut only grows: look at k >= cut)
        for c in conj.finditer(prefix, max(1, cut), len(prefix) - 1):
            k = c.start()
            if prefix[k - 1] in self._org_tail and not any(s <= k < e for s, e in places):
                cut = k + 1
        legal = self._legal_re.search(prefix)
        if legal is not None:
            # 甲有限公司扩建和乙…: a conjunction after an earlier company name and its words
            for c in conj.finditer(prefix, max(legal.end(), cut), len(prefix) - 1):
                k = c.start()
                if not any(s <= k < e for s, e in places):
                    cut = k + 1
        for d in self._left_cut.finditer(prefix):
            cut = max(cut, d.end())
        # ``与X高新区`` / ``——访X综保区``: a conjunction or 访 opening the run is never part of a name
        if (
            cut < len(prefix) - 2
            and prefix[cut] in self._leading_cut
            and not any(s <= cut < e for s, e in places)
        ):
            cut += 1
        if cut and self._bilateral:
            # ``中德（嘉兴）中小企业合作区``: a two-country head with its bracketed place opens the
            # name, whatever boundary words follow it
            for b in self._bilateral_bracket.finditer(prefix, 0, cut):
                if P.is_place(b.group("place")):
                    cut = b.start()
                    break
        rest = prefix[cut:]
        lead = self._left_strip.match(rest)
        if lead:
            cut += lead.end()
        chain = self._places_from(prefix, places, cut, P)
        for s, _ in chain:  # 甬飞电驱（宁波）…: a bracketed place is inside the name
            if s == cut or prefix[s - 1] not in "（(":
                head = next((h for h in self._bilateral if prefix.endswith(h, cut, s)), None)
                if head is not None:  # ``中新南宁国际物流园``: the two countries open the name
                    return cut, s - len(head) - cut, True
                return cut, s - cut, True
        return cut, 0, bool(chain)

    def _places_from(self, s: str, spans: list[tuple[int, int]], cut: int, P: Places) -> list[tuple[int, int]]:
        """The spans of ``P.spans(s[cut:])``, in ``s``, given ``spans == P.spans(s)``: the
        same places from ``cut`` on, unless one runs across ``cut``."""
        j = bisect_left(spans, (cut,))  # the first place starting at or after ``cut``
        if j and spans[j - 1][1] > cut:
            return [(a + cut, b + cut) for a, b in P.spans(s[cut:])]
        return spans[j:]

    # --- parks ------------------------------------------------------------
    def _grammar_parks(self, text: str, taken: list[Match]) -> tuple[list[Match], dict[tuple[int, int], int]]:
        out: list[Match] = []
        cut_from: dict[tuple[int, int], int] = {}
        ends = sorted(t.end for t in taken)  # of taken + out, kept sorted
        min_prefix = int(self.grammar["park_needs_prefix_len"])
        for m in self._park_suffix_re.finditer(text):
            start, uncut, has_place = self._left_edge(text, m.start(), ends, park=True)
            if text.startswith("度", start) and text[start - 1 : start] == "年":
                start += 1  # ``2023年度省级开发区考评``: 度 closes the year, it opens no name
            lead = _LEADING_BRACKETED.match(text, start, m.start())
            if lead is not None:
                start = lead.end()  # ``(同期声)X经济开发区``: a bracketed label before the name
            run = text[uncut : m.start()]
            k = max(run.rfind("（"), run.rfind("("))
            if k >= 0 and "）" not in run[k:] and ")" not in run[k:]:
                # ``A软件园（B高新技术产业园）``: a name never holds an unclosed bracket; a
                # place right after it starts the name
                start = uncut + k + 1
            prefix = text[start : m.start()]
            bare = next((w for w in self._park_suffixes if prefix.startswith(w)), None) if prefix.startswith(self._park_suffixes) else None
            if bare is not None and len(prefix) - len(bare) >= 2:
                # ``在开发区特种纸产业园``: a bare zone word (the zone said again) before a sub-park
                start, prefix = start + len(bare), prefix[len(bare):]
            level = next((w for w in self._level_heads if prefix.startswith(w)), None) if prefix.startswith(self._level_heads) else None
            if level is not None and len(prefix) - len(level) >= 2:
                start, prefix = start + len(level), prefix[len(level):]  # ``国家级青禾经开区``
            suffix = m.group()
            if self._class_tail.search(prefix):
                continue  # ``省级开发区``, ``国家级新区``, ``五星级开发区``: a class of zones, not a zone
            if suffix in self._group_suffixes and self._group_prefix.search(prefix):
                continue  # ``黑龙江省开发区``, ``吕梁市各开发区``, ``三市开发区``: a group of zones, not a zone
            if not has_place and suffix == "新区" and len(prefix) > 2:
                start, prefix = m.start() - 2, prefix[-2:]  # X新区 names are two characters
            if suffix == "新区" and prefix and (prefix.endswith(self._park_suffixes) or (
                    prefix[-1] in self._leading_cut and (len(prefix) < 3 or prefix[:-1].endswith(self._park_suffixes)))):
                continue  # ``高新区与新区`` / ``区与新区``: a zone word and a conjunction are no name of a 新区
            if len(prefix) < min_prefix:
                continue
            if prefix.startswith(self._generic_heads) or _COUNTED.match(prefix) or _COUNTED_INSIDE.search(prefix):
                continue  # ``五大园区``, ``杭州四个国家级经开区``: a count of zones, not a name
            if suffix in self._ftz_area:
                # ``中国（X）自由贸易试验区Y片区``: an area named right after its free-trade zone
                ftz = next((t for t in taken + out if t.end == start and text.endswith(self._ftz, t.start, t.end)), None)
                if ftz is not None and len(prefix) >= 2:
                    out = [o for o in out if o is not ftz]
                    out.append(Match(ftz.start, m.end(), "PARK"))
                    insort(ends, m.end())
                    continue
            if has_place and suffix.endswith(self._city_place_suffixes) and self._PK is not self._P:
                has_place = self._prefix_edge(prefix, False)[2]  # ``花山片区``: a county's area, not a zone
            if suffix.endswith(self._weak_suffixes) and not has_place:
                direction = next((d for d in self._direction_areas if prefix.endswith(d)), None)
                if direction is None or suffix not in self._direction_suffixes:
                    continue
                # ``选址城北片区``: a sub-area named by its direction (城北, 江北, 东部…)
                start = m.start() - len(direction)
            out.append(Match(start, m.end(), "PARK"))
            insort(ends, m.end())
            if uncut < start:
                cut_from[(start, m.end())] = uncut
        return out, cut_from

    def _extend_parks(self, text: str, found: list[Match], cut_from: dict[tuple[int, int], int]) -> list[Match]:
        """Give back a cut-off head that is a company of the document (``甬飞宁波…产业园``)."""
        brands = {text[m.start : m.end] for m in found if m.label == "COMPANY" and m.end - m.start <= 6}
        out = []
        for m in found:
            uncut = cut_from.get((m.start, m.end))
            if m.label == "PARK" and uncut is not None:
                head = text[uncut : m.start]
                for b in sorted(brands, key=len, reverse=True):
                    if head.endswith(b):
                        m = Match(m.start - len(b), m.end, "PARK", m.id)
                        break
            out.append(m)
        return _non_overlapping(out)

    def _merge_adjacent_parks(self, text: str, found: list[Match]) -> list[Match]:
        """``山西转型综改示范区晋中开发区``: a zone followed directly by a place-headed zone is one name."""
        out: list[Match] = []
        for m in found:
            if (
                out
                and m.label == "PARK"
                and out[-1].label == "PARK"
                and out[-1].end == m.start
                and text[out[-1].start : out[-1].end].endswith(self._weak_suffixes)
                and _starts_with_place(self._P.first(text[m.start : m.end]))
            ):
                out[-1] = Match(out[-1].start, m.end, "PARK", out[-1].id)
                continue
            if (
                out
                and m.label == "PARK"
                and out[-1].label == "PARK"
                and out[-1].end == m.start
                and next((x for x in self._park_suffixes if text.endswith(x, out[-1].start, out[-1].end)), "") in self._district_suffixes
                and text[m.start : m.end].endswith(self._sub_park_suffixes)
                and self._P.first(text[m.start : m.end]) is None
            ):  # ``X新区数字经济产业园``: a sub-park named with its district, like a place prefix
                out[-1] = Match(out[-1].start, m.end, "PARK")
                continue
            out.append(m)
        return out

    # --- companies ----------------------------------------------------------
    def _grammar_companies(self, text: str, taken: list[Match]) -> list[Match]:
        out: list[Match] = []
        ends = sorted(t.end for t in taken)
        # taken spans by start, and the furthest end among each start and those before
        spans = sorted((t.start, t.end) for t in taken)
        starts = [s for s, _ in spans]
        reach = [e for _, e in spans]
        for k in range(1, len(reach)):
            reach[k] = max(reach[k], reach[k - 1])
        park_at_end = {t.end: t.start for t in taken if t.label == "PARK"}
        for m in self._legal_re.finditer(text):
            k = bisect_right(starts, m.start())
            if k and reach[k - 1] > m.start():
                continue  # inside a taken name
            start, _, _ = self._left_edge(text, m.start(), ends)
            for pe in range(max(0, m.start() - 12), m.start()):
                if pe in park_at_end and self._platform_core(text[pe:m.start()]):
                    start = park_at_end[pe]  # ``滨江新区港务有限公司``: the park's platform company
                    break
            start = self._after_open_bracket(text, start, m.start())
            start = self._before_bracketed_form(text, start, m.start(), ends)
            if text[start] in "（(":
                continue  # ``（集团）有限公司`` alone is debris, no name
            name = text[start : m.end()]
            prefix = text[start : m.start()]
            if len(prefix) < int(self.grammar["company_short_heads_min"]):
                continue
            if name in self._not_company or self._not_company_tail.search(prefix):
                continue
            strong = name.endswith(self._strong_legal)
            if not strong and self._not_company_head_re.search(prefix):
                continue
            if strong and prefix.startswith(self._not_company_heads):
                continue
            if self._P.is_place(prefix) or self._is_place_unbracketed(prefix):
                continue  # 浙江嘉兴分公司: a branch named only by its place
            if prefix in self._generic_brands:
                continue
            out.append(Match(start, m.end(), "COMPANY"))
        return out

    def _before_bracketed_form(self, text: str, start: int, legal: int, ends: list[int]) -> int:
        """``北京X投资（集团）有限公司``: a name never opens with a closed bracket. When the
        left edge stops right before one, the word there (a boundary word such as
        投资) belongs to the name, which starts where the edge before that word is."""
        if start >= legal or text[start] not in "（(" or not _LEADING_BRACKETED.match(text, start, legal):
            return start
        word = word_before(self._boundaries_by_len, text, max(0, start - 6), start)
        if not word:
            return start
        earlier, _, _ = self._left_edge(text, start - len(word), ends)
        return earlier if start - len(word) - earlier >= 2 else start

    def _platform_core(self, core: str) -> bool:
        """``港务`` / ``投资发展``: a core made only of generic business words."""
        if not core:
            return False
        i = 0
        while i < len(core):
            w = next((w for w in self._platform_words if core.startswith(w, i)), None)
            if w is None:
                return False
            i += len(w)
        return True

    def _after_open_bracket(self, text: str, start: int, legal: int) -> int:
        """``世仓智能（浙江世仓…有限公司的简称）``: a bracket opened before a legal form and
        not closed before it starts the name (a short name before it is another mention;
        a closed bracket, ``甬飞电驱（宁波）有限公司``, stays inside the name)."""
        k = max(text.rfind("（", start, legal), text.rfind("(", start, legal))
        if k < 0 or text.find("）", k, legal) >= 0 or text.find(")", k, legal) >= 0:
            return start
        return k + 1

    def _is_place_unbracketed(self, prefix: str) -> bool:
        """Whether ``prefix`` without its brackets is a place (浙江（嘉兴）); a prefix
        without an opening bracket stays the same, and is no place here."""
        return ("（" in prefix or "(" in prefix) and self._P.is_place(_BRACKETED.sub("", prefix))

    def _aliases(self, text: str, found: list[Match]) -> tuple[list[Match], list[Alias]]:
        aliases: list[Alias] = []
        extra: dict[str, str] = {}
        for m in found:
            a = self._alias_re.match(text, m.end)
            if a:
                alias = a.group("alias")
                s, e = a.start("alias"), a.end("alias")
            else:
                b = self._alias_inline_re.match(text, m.end)
                if b is None:
                    continue
                nxt = [x for x in found if x.start == b.end() and x.label == m.label]
                if not nxt:
                    continue
                s, e = nxt[0].start, nxt[0].end
                alias = text[s:e]
            if len(alias) < 2 or alias == text[m.start : m.end]:
                continue
            if m.label == "PARK" and ((alias in self._park_suffix_set and alias not in self._brand_suffixes)
                                      or alias in _GENERIC_PARK_WORDS
                                      or alias.startswith(self._generic_heads)):
                continue  # ``（以下简称“园区”）``: a bare zone word stays an anaphor (SPEC 2)
            aliases.append((m.start, m.end, s, e, m.label))
            extra.setdefault(alias, m.label)
        if not extra:
            return found, aliases
        more = [Match(s, e, extra[w]) for s, e, w in _literal_spans(extra, text)]
        return _add_non_overlapping(found, more), aliases

    def _short_names(self, text: str, found: list[Match]) -> list[Match]:
        """Legal-form stripped company cores and place-stripped / abbreviated park names."""
        shorts: dict[str, str] = {}
        rests: dict[str, str] = {}  # company short name -> the rest of the longest name it starts
        seen: set[tuple[str, str]] = set()
        local = self._local_places(text, found)
        for m in found:
            name = text[m.start : m.end]
            if (m.label, name) in seen:
                continue  # a repeated mention adds nothing new (setdefault below)
            seen.add((m.label, name))
            if m.label == "COMPANY":
                cands = self._company_shorts(self._strip_local(name, local))
                if not name.endswith(self._legal_tuple):
                    cands = [name] + cands  # an alias or known name is itself a short name
                for s in cands:
                    if (len(s) >= 2 and s not in self._short_stop and not self._P.is_place(s)
                            and not self._short_not.match(s)):  # 中国第二重型… -> not ``第二``
                        shorts.setdefault(s, "COMPANY")
                        longer = max((c for c in cands if c.startswith(s) and len(c) > len(s)), key=len, default=None)
                        if longer is not None and len(longer) - len(s) > len(rests.get(s, "")):
                            rests[s] = longer[len(s):]  # 楚澴 of 楚澴新材料: the words its name goes on with
            else:
                core = self._P.strip_leading(name, keep_core=True, min_core=4)
                if core != name and len(core) >= 4 and not core.startswith(self._generic_heads):
                    if not any(suf.endswith(core) for suf in self._park_suffixes):  # not ``技术产业开发区``
                        shorts.setdefault(core, "PARK")
                for ab in self._abbreviations(text, name):
                    shorts.setdefault(ab, "PARK")
        if not shorts:
            return found
        more: list[Match] = []
        starts = {m.start for m in found}
        for s, e, w in _literal_spans(shorts, text):
            if shorts[w] == "COMPANY":
                if e - s == 2 and not self._clear_left(text, s):
                    continue  # 软件和信息: a two-character short name inside a word
                grown = self._extend_business(text, e, starts)
                e = grown if grown > e else e + _abbreviated(text, e, rests.get(w, ""))
            more.append(Match(s, e, shorts[w]))
        return _add_non_overlapping(found, more)

    def _local_places(self, text: str, found: list[Match]) -> list[str]:
        """Place names of this document that no list knows, longest first.

        The two or three characters before a zone suffix (``X高新区``, ``X新区``;
        not an industry park's theme such as ``氢能产业园``) and a bracketed
        two-or-three-character head before a company's legal form
        (``Y（X）有限公司``) name a place.
        """
        out: set[str] = set()
        local_place = self._local_place
        for m in found:
            place = local_place(m.label, text[m.start : m.end])
            if place is not None:
                out.add(place)
        return sorted(out, key=len, reverse=True)

    def _local_place(self, label: str, name: str) -> Optional[str]:
        """The local place that a mention names (see :meth:`_local_places`), or None."""
        if label == "PARK":
            suffix = self._park_suffix_of(name)
            head = name[: len(name) - len(suffix)]
            if suffix and suffix not in self._sub_park_suffixes and 2 <= len(head) <= 3 and _HAN_RUN.fullmatch(head):
                if self._P.first(head) is None and not head.startswith(self._generic_heads):
                    return head
            return None
        if "（" not in name and "(" not in name:
            return None  # the pattern below needs an opening bracket
        b = _BRACKETED_HEAD.search(name)
        if b and self._P.first(b.group(1)) is None and b.group(1) not in self._legal_forms and b.group(1) not in self._business:
            return b.group(1)
        return None

    def _park_suffix_of(self, name: str) -> str:
        """The longest zone suffix that ``name`` ends with, or ``""``."""
        return word_before(self._park_suffixes_by_len, name, 0, len(name)) or ""

    def _company_core(self, name: str) -> str:
        return company_core(name, self._P, self._legal_forms)

    def _company_shorts(self, name: str) -> list[str]:
        """:func:`~zone_ie.clusters.company_shorts` of ``name`` (shared: do not modify the list)."""
        return core_shorts(self._company_core(name), self._business)

    def _park_key(self, name: str) -> str:
        return park_key(name, self._P)

    def _park_node(self, name: str) -> str:
        """A park's cluster node: its key and the last place of the places that open it
        (``P:现代产业园@芜湖``), so that two places' parks of one name stay apart."""
        place = self._last_leading_place(name)
        return "P:" + self._park_key(name) + ("@" + place if place else "")

    def _last_leading_place(self, name: str) -> Optional[str]:
        """The last of the places that open ``name`` (``马鞍山`` of 宿州马鞍山现代产业园区;
        a bracketed place counts: 中国（江苏）…), or None."""
        i, last = 0, None
        limit = len(name) - len(self._park_suffix_of(name) or "")  # 高新 of 高新区 is no place here
        for s, e in self._P.spans(name):
            if e > limit:
                break
            if s == i or (s == i + 1 and name[i] in "（("):
                last, i = name[s:e], e
                if name[i:i + 1] in "）)":
                    i += 1
            else:
                break
        return last

    def _strip_local(self, name: str, local: list[str]) -> str:
        """``榆畈康瑞生物制药有限公司`` -> ``康瑞生物制药有限公司`` when 榆畈 is a local place."""
        if "（" in name or "(" in name:  # a removal never makes a bracket
            for p in local:
                name = name.replace(f"（{p}）", "").replace(f"({p})", "")
        for p in local:
            if name.startswith(p) and len(self._company_core(name[len(p):])) >= 4:
                return name[len(p):]
        return name

    def _clear_left(self, text: str, s: int) -> bool:
        """Whether a name may start at ``s``: after punctuation or a boundary word."""
        if s == 0 or not self._is_name_char(text[s - 1]):
            return True
        return self._ends_with_boundary(text[max(0, s - 6) : s])

    def _ends_with_boundary(self, before: str) -> bool:
        """Whether one of the boundary words found in ``before`` ends it."""
        return word_before(self._boundaries_by_len, before, 0, len(before)) is not None

    def _abbreviation_core(self, name: str) -> str:
        """The place-stripped park name that :meth:`_abbreviations` abbreviates, or ``""``."""
        core = self._P.strip_leading(name, keep_core=True, min_core=3)
        suffix = self._park_suffix_of(core)
        if len(core) < 6 or len(core) - len(suffix) < 2:
            return ""
        return core

    def _abbreviations(self, text: str, name: str) -> list[str]:
        """Three-character abbreviations of a park name used in the text (``留创园``)."""
        core = self._abbreviation_core(name)
        if not core:
            return []
        out = []
        for ab in _han_between(core[0], core[-1], text):
            if ab in core or ab[1] not in core[1:-1] or ab in self._park_suffixes:
                continue
            if ab[-1] in "区县市州" and (core.startswith(ab[:-1]) or self._P.is_place(ab[:-1])):
                continue  # ``衢江区`` of 衢江经济开发区: the district named like the zone, not the zone
            k = core.index(ab[1], 1)
            if 0 < k < len(core) - 1:
                out.append(ab)
        return out

    def _extend_business(self, text: str, end: int, starts: Iterable[int] = ()) -> int:
        """``创维`` + ``智能``: a brand followed by business words that end the name."""
        stops = starts if isinstance(starts, (set, frozenset)) else set(starts)
        e = end
        for _ in range(2):
            w = word_at(self._industry_heads_by_len, text, e)
            if w is None:
                break
            e += len(w)
        while e > end:
            if e >= len(text) or not self._is_name_char(text[e]) or e in stops or self._boundary_at.match(text, e):
                return e
            w = word_before(self._industry_by_len, text, end, e)
            e = e - len(w) if w else end
        return end

    # --- clusters -----------------------------------------------------------
    def _with_cluster_ids(self, text: str, found: list[Match], aliases: list[Alias]) -> list[Match]:
        """Set every mention's id to its cluster key (the fullest name of the cluster)."""
        parent: dict[str, str] = {}
        local = self._local_places(text, found)

        def find(x: str) -> str:
            parent.setdefault(x, x)
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a: str, b: str) -> None:
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[rb] = ra

        names = [text[m.start : m.end] for m in found]
        node: list[str] = []
        owner: dict[str, str] = {}
        for m, name in zip(found, names):
            if m.label == "PARK":
                n = self._park_node(name)
                if m.id:
                    union(self._park_node(m.id), n)
                    union("G:" + m.id, n)
            else:
                n = "C:" + self._company_core(name)
            node.append(n)
            find(n)
        # full legal names first, then longer short names, claim the short forms they yield
        legal = self._legal_tuple
        order = sorted(
            (i for i, m in enumerate(found) if m.label == "COMPANY"),
            key=lambda i: (not names[i].endswith(legal), -len(names[i]), found[i].start),
        )
        done: set[tuple[str, str]] = set()
        for i in order:
            if (names[i], node[i]) in done:
                continue  # the same shorts for the same node: setdefault would change nothing
            done.add((names[i], node[i]))
            for s in self._company_shorts(self._strip_local(names[i], local)):
                owner.setdefault(s, node[i])
        for m, n in zip(found, node):  # short names join the first full name they abbreviate
            if m.label == "COMPANY" and n[2:] in owner and owner[n[2:]] != n:
                union(owner[n[2:]], n)
        for m, n, nm in zip(found, node, names):
            # ``中国（X）自由贸易试验区Y片区`` / ``X自贸试验区Y片区`` / ``Y片区``: one area of the zone
            if m.label == "PARK" and nm.endswith(self._ftz_area):
                k = max(nm.rfind(f) + len(f) if nm.rfind(f) >= 0 else -1 for f in self._ftz)
                if 0 < k < len(nm) - 2:
                    union(self._park_node(nm[k:]), n)
        parks = sorted({nm for m, nm in zip(found, names) if m.label == "PARK"}, key=len, reverse=True)
        for m, n, nm in zip(found, node, names):  # 留创园 joins 西宁留学人员创业园
            if m.label == "PARK" and len(nm) == 3:
                full = next((f for f in parks if nm in self._abbreviations(nm, f)), None)
                if full is not None:
                    union(self._park_node(full), n)
        if aliases:  # the node of the first mention at a span, and of the first with a name and label
            at: dict[tuple[int, int], str] = {}
            named: dict[tuple[str, str], str] = {}
            for m, n, nm in zip(found, node, names):
                at.setdefault((m.start, m.end), n)
                named.setdefault((nm, m.label), n)
            for ns, ne, as_, ae, label in aliases:
                a, b = at.get((ns, ne)), named.get((text[as_:ae], label))
                if a is not None and b is not None:
                    union(a, b)
        # a park named without a place joins the one placed park of its name (界首高新区 and
        # 安徽阜阳界首高新技术产业开发区), never one of two (亳州芜湖… and 宿州马鞍山现代产业园区)
        placed: dict[str, set[str]] = {}
        for n in node:
            if n.startswith("P:") and "@" in n:
                core, _, at = n.partition("@")
                placed.setdefault(core, set()).add(find(n))
        for n in node:
            if n.startswith("P:") and "@" not in n and len(placed.get(n, ())) == 1:
                union(next(iter(placed[n])), n)
        root = {n: find(n) for n in dict.fromkeys(node)}  # the unions are done: roots are final
        best: dict[str, str] = {}
        for n, name in zip(node, names):
            r = root[n]
            cur = best.get(r)
            if cur is None or len(name) > len(cur):
                best[r] = name
        return [Match(m.start, m.end, m.label, best[root[n]]) for m, n in zip(found, node)]

    # --- serialization (like spaCy's SpanRuler) ---------------------------
    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps({"patterns": self.patterns, "grammar": self.grammar, "places": self.places,
                                    "counties": self.counties})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "ZoneEntityRuler":
        d = srsly.msgpack_loads(data)
        self.patterns, self.grammar = list(d["patterns"]), dict(d["grammar"])
        self.places = list(d.get("places") or load_place_names())
        self.counties = list(d.get("counties") or load_county_names())
        self._compile()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)
        srsly.write_json(path / "grammar.json", self.grammar)
        srsly.write_json(path / "places.json", {"places": self.places})
        srsly.write_json(path / "counties.json", {"places": self.counties})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "ZoneEntityRuler":
        path = Path(path)
        self.patterns = list(srsly.read_jsonl(path / "patterns.jsonl"))
        self.grammar = dict(srsly.read_json(path / "grammar.json"))
        places = path / "places.json"
        self.places = list(srsly.read_json(places)["places"]) if places.exists() else load_place_names()
        counties = path / "counties.json"
        self.counties = list(srsly.read_json(counties)["places"]) if counties.exists() else load_county_names()
        self._compile()
        return self


_GENERIC_PARK_WORDS = frozenset({"园区", "本区", "全区", "该区", "区内", "片区", "新区", "开发区", "保税区", "综保区"})


def _abbreviated(text: str, e: int, rest: str) -> int:
    """How many characters after ``e`` abbreviate ``rest``, the words a company's name
    goes on with after its short form (``楚澴`` + ``新材`` of 新材料, ``兴化湾`` + ``精机`` of
    精密机械): at least two, the first of ``rest`` first, each next one later in ``rest``."""
    if len(rest) < 2 or not text.startswith(rest[0], e):
        return 0
    n, k = 1, 1
    while e + n < len(text) and n < len(rest):
        j = rest.find(text[e + n], k)
        if j < 0:
            break
        n, k = n + 1, j + 1
    return n if n >= 2 else 0


def norm_key(name: str) -> str:
    """Cluster key of a name without a pattern id: ``norm_name`` of SPEC 3."""
    from ..names import norm_name

    return norm_name(name)


_KEPT_ATTRS = [ENT_KB_ID, ENT_ID]


def _set_entities(doc: Doc, spans: list[Span]) -> None:
    """``doc.ents = spans`` for spans sorted by start, disjoint and non-empty.

    The setter (``Doc.set_ents``) looks every token up in a Python set; for such
    spans its result is four token columns: B then I with the span's type and kb
    id inside a span (and its id, if any), O with no type outside (kb and ent ids
    kept). Spans without a label are ignored, as the setter ignores them.
    """
    spans = [sp for sp in spans if sp.label > 0]
    if not len(doc):
        doc.ents = spans
        return
    # Doc.from_array costs per token and column: read and write only the columns needed
    kept = doc.to_array(_KEPT_ATTRS)  # kb and ent ids, kept outside the spans
    n = len(doc)
    iob = np.full(n, 2, dtype=np.uint64)  # O
    typ = np.zeros(n, dtype=np.uint64)
    kb, ent_id = kept[:, 0].copy(), kept[:, 1].copy()
    if spans:
        starts = np.array([sp.start for sp in spans], dtype=np.int64)
        lengths = np.array([sp.end for sp in spans], dtype=np.int64) - starts
        inside = np.arange(lengths.sum()) + np.repeat(starts - (np.cumsum(lengths) - lengths), lengths)
        iob[inside] = 1  # I
        iob[starts] = 3  # B
        typ[inside] = np.repeat(np.array([sp.label for sp in spans], dtype=np.uint64), lengths)
        kb[inside] = np.repeat(np.array([sp.kb_id for sp in spans], dtype=np.uint64), lengths)
        ids = np.repeat(np.array([sp.id for sp in spans], dtype=np.uint64), lengths)
        ent_id[inside[ids != 0]] = ids[ids != 0]  # a span without an id keeps the tokens' ids
    attrs, cols = [ENT_IOB, ENT_TYPE], [iob, typ]
    for attr, new, old in ((ENT_KB_ID, kb, kept[:, 0]), (ENT_ID, ent_id, kept[:, 1])):
        if not np.array_equal(new, old):  # an unchanged column need not be written
            attrs.append(attr)
            cols.append(new)
    doc.from_array(attrs, np.stack(cols, axis=1))

