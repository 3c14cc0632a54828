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

This module holds the component (compilation, the order of the sources, serialization);
its jobs are mixins, one module each: left edges and park names :mod:`.park_grammar`,
company names from legal forms :mod:`.company_grammar`, brand names in company lists
:mod:`.company_lists`, sub-parks of a zone's enumeration :mod:`.sub_park_lists`, short
names, aliases and cluster keys :mod:`.name_clusters`; the string helpers (``Match``,
literal-word matching, overlaps) are :mod:`.ruler_text`.
"""
from __future__ import annotations

import re
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
    MEMO_SIZE, Places, load_county_names, load_place_names, trie_pattern,
    words_by_length,
)
from ..resources import iter_jsonl, load_json
from .company_grammar import CompanyGrammar
from .company_lists import CompanyListGrammar
from .name_clusters import Alias, NameClusters
from .park_grammar import ParkGrammar
from .sub_park_lists import SubParkListGrammar
from .ruler_text import (  # noqa: F401  (re-exported: tests and callers import some from here)
    _NOT_BUSINESS_HEADS, Match, _PhraseIndex, _add_non_overlapping,
    _literals, _lookahead, _non_overlapping, _unanchored,
)

DEFAULT_PATTERNS = "entity_patterns.jsonl"
COMPANY_PATTERNS = "companies.jsonl"



@Language.factory(
    "zone_entity_ruler",
    default_config={"patterns_file": None, "use_grammar": True, "max_prefix": 16},
)
def make_entity_ruler(
    nlp: Language, name: str, patterns_file: Optional[str], use_grammar: bool, max_prefix: int
) -> "ZoneEntityRuler":
    return ZoneEntityRuler(nlp, name, patterns_file=patterns_file, use_grammar=use_grammar, max_prefix=max_prefix)




class ZoneEntityRuler(ParkGrammar, CompanyGrammar, CompanyListGrammar, SubParkListGrammar, NameClusters):
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
        self._weak_repeat_min = int(g.get("weak_park_repeat_min", 1000))
        self._park_direction_heads = tuple(g.get("park_direction_heads", ()))
        # weak zone words that name a part of the zone written right before them (X高新区Y高科园)
        self._after_zone_suffixes = tuple(g.get("after_zone_suffixes", []))
        self._zone_part_suffixes = frozenset(g.get("zone_part_suffixes", []))
        self._bare_zone_words = frozenset(g["park_suffixes"])  # a name cut down to one names no park
        self._invested_brand = regex.compile(g.get("project_invested_brand_re", r"(?!)"))
        self._category_ends = frozenset(g.get("category_end_chars", ""))
        # zone words that end with a weak one but need no place (台商投资区)
        self._strong_suffixes = frozenset(g.get("standalone_park_suffixes", []))
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
        self._kind_adjectives = frozenset(g.get("park_kind_adjectives", []))
        self._class_tail = regex.compile(g.get("park_class_tail_re", r"(?!)"))
        self._org_prefix_tails = tuple(g.get("park_org_prefix_tails", ""))
        self._place_level_tails = frozenset(g.get("place_level_tails", ""))
        self._init_sub_park_lists(g)
        self._bilateral = tuple(sorted(g.get("bilateral_heads", []), key=len, reverse=True))
        self._partners = frozenset(g.get("partner_abbreviations", ""))
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
        self._business_tails = tuple(self._business) + self._industry  # what a firm's name may end in
        # the industry words by length, longest first: the first word of
        # ``self._industry`` that a string ends (starts) with is its longest one
        self._industry_by_len = words_by_length(self._industry)
        self._industry_heads_by_len = words_by_length(w for w in self._industry if w not in _NOT_BUSINESS_HEADS)
        self._short_stop = set(g.get("company_short_stopwords", []))
        self._generic_brands = set(g.get("company_generic_brands", []))
        self._partner_heads = tuple(g.get("company_partner_heads", []))
        self._generic_brand_heads = tuple(sorted((w for w in self._generic_brands if len(w) >= 2), key=len, reverse=True))
        self._industry_set = frozenset(self._industry)
        self._sector_tails = tuple(g.get("company_sector_item_tails", []))
        self._list_predicates = tuple(g.get("list_predicate_heads", []))
        self._right_edges = tuple(sorted(g.get("name_right_edges", []), key=len, reverse=True))
        self._project_tail = regex.compile(g.get("project_tails_re", r"(?!)"))
        countries = sorted(g.get("country_names", []), key=len, reverse=True)
        self._country_brand = regex.compile(
            "(?<![中欧亚南北东西英法德日韩美])(?:" + ("|".join(map(regex.escape, countries)) or "(?!)") + r")(?P<brand>\p{Han}{2,4}?)"
        ) if countries else None
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
        self._predicate_re = regex.compile(g.get("company_predicate_re", r"(?!)"))
        self._investor_re = regex.compile(g.get("company_investor_re", r"(?!)"))
        self._builder_re = regex.compile(g["company_builder_re"]) if g.get("company_builder_re") else None
        self._subject_report = regex.compile(g.get("company_subject_report_re", r"(?!)"))
        self._subject_head = regex.compile(g.get("company_subject_head_re", r"(?!)"))
        self._site_tail = regex.compile(g.get("company_site_tail_re", r"(?!)"))
        self._workplace_tail = regex.compile(g.get("company_workplace_tail_re", r"(?!)"))
        self._workplace_head = regex.compile(g.get("company_workplace_head_re", r"(?!)"))
        self._site_head = regex.compile(g.get("company_site_head_re", r"(?!)"))
        self._facility_words = tuple(g.get("zone_facility_words", []))
        self._site_words = frozenset(g.get("company_site_words", []))
        self._staff_re = regex.compile(g.get("company_staff_re", r"(?!)"))
        self._anaphor_next_re = regex.compile(g.get("company_anaphor_next_re", r"(?!)"))
        self._capacity_before = regex.compile(g.get("product_after_capacity_re", r"(?!)"))
        self._investor_not = tuple(g.get("company_investor_not", []))
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
        self._zone_area = tuple(g.get("zone_area_suffixes", []))
        cues = "|".join(regex.escape(c) for c in sorted(g["alias_cues"], key=len, reverse=True))
        # a zone's declared short name in brackets, ending where a part named after it starts
        self._alias_paren = regex.compile(rf"[（(](?:{cues})[^（）()。，,；;]{{1,24}}[）)]$")
        self._alias_re = regex.compile(
            rf"\s*[（(，,]\s*(?:{cues})[:：]?\s*[“\"「‘]?(?P<alias>(?:[{chars}&&[^（）()]]|[（(][{chars}&&[^（）()]]{{1,6}}[）)]){{2,20}}?)[”\"」’]?\s*(?=[）)，,。；;])",
            regex.V1,
        )
        self._alias_inline_re = regex.compile(r"(?:又称|也称|亦称|又名|简称)[“\"「]?")
        self._memoize()

    # pure functions of one short string (names, prefixes, list items) that recur
    # within and across documents: memoized per instance, rebuilt after unpickling
    _MEMOIZED = (
        "_prefix_edge", "_park_suffix_of", "_local_place", "_abbreviation_core", "_company_core",
        "_company_shorts", "_park_key", "_ends_with_boundary", "_brand_shape", "_plausible_brand",
        "_list_head_cut", "_clean_item", "_park_node", "_sector_item",
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
        rep = doc._.repair
        matches, aliases = self.match_with_aliases(rep.text)  # == doc.text, cheaper
        data = doc.user_data.setdefault("zone_ie", {})
        matches = _within_display_lines(rep, matches, self._bare_zone_words, data)
        data["aliases"] = [list(a) for a in aliases]
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
        found = self._with_district(text, found)
        found = self._longer_short_forms(text, found)
        found = _add_non_overlapping(found, self._brand_place_parks(text))
        found = [m for m in found if not self._not_after.match(text[m.end : m.end + 2])]
        found = [_without_adverb(text, m) for m in found if not _byline(text, m)]
        found = self._without_direction(text, found)
        aliases = aliases + self._definitions(text, found, aliases)
        return self._with_cluster_ids(text, found, aliases), aliases

    def _without_direction(self, text: str, found: list[Match]) -> list[Match]:
        """``大城经开区北部的…``, ``北部现代制造业工业园``: a direction before a park's name that the
        text also writes without it is where the park lies, not part of its name."""
        heads = self._park_direction_heads
        if not heads:
            return found
        out = []
        for m in found:
            name = text[m.start:m.end]
            if m.label == "PARK" and name.startswith(heads):
                rest = name[2:]
                # (not a bare zone word after it: ``南部经济开发区`` is 南部县's zone)
                if len(rest) >= 4 and rest not in self._park_suffix_set and text.count(rest) > text.count(name):
                    m = Match(m.start + 2, m.end, m.label, m.id)
            out.append(m)
        return out

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


_ADVERB_TAILS = frozenset("则也还均都又亦")


def _without_adverb(text: str, m: Match) -> Match:
    """``博联电子则`` -> ``博联电子``: an adverb right after a firm's brand (``则``, ``也``…) that a
    list or frame took in is no part of its name."""
    if m.label == "COMPANY" and m.end - m.start >= 4 and text[m.end - 1] in _ADVERB_TAILS:
        return Match(m.start, m.end - 1, m.label, m.id)
    return m


_BYLINE = regex.compile(r"记者|通讯员|摄(?!影|像)")


def _byline(text: str, m: Match) -> bool:
    """``本报记者　孙铭阳　摄`` read into a firm's name (a photo credit, often run into the next
    column of a PDF page): no company."""
    return m.label == "COMPANY" and _BYLINE.search(text, m.start, m.end) is not None


_TITLE_END = re.compile("记者|通讯员|本报讯|日报讯")  # a byline: the title block ends before it
_BLANK_LINE = re.compile(r"\n[ \t\u3000]*\n")


_LAYOUT_LINE = re.compile(r"^(?=[^\n]*(?:公报|日报|晚报|统计局|报社|星期[一二三四五六日]|第\d+版))[^\n]*\S[ 　]{3,}\S[^\n]*\n(?=[ \t　]*\n)"
                          r"|^[ 　]*[—-]+ ?\d{1,3} ?[—-]+[ 　]*\n(?=[ \t　]*\n)", re.M)


def _within_display_lines(rep: Any, matches: list[Match], bare: frozenset[str], data: dict) -> list[Match]:
    """A park's or company's name never runs across the end of a title line (``…首批企业满负荷生产`` /
    ``华企云谷淮海工业智造园二期年底前开工``: repair joins a title's lines, which end without
    punctuation): a mention that does starts after it when the document writes that name on
    its own elsewhere, and takes that mention's cluster. Only the title block above a byline
    counts (a PDF's broken lines in the body are no display lines), and, above the first
    paragraph of an unwrapped text, a blank line: it surely ends a line (``新闻稿`` / ``百睿芙集团…``),
    so the name after it stands even if not written elsewhere. The display lines found
    are kept in ``data["display"]`` for the relation extractor, which needs them too."""
    from ..relations.headlines import display_spans  # it reads the relations' cue words
    from ..repair import body_start

    if not matches:
        return matches
    raw = rep.source
    byline = _TITLE_END.search(raw, 0, 400)
    ends: set[int] = set()
    if byline is not None:  # only a title block set above its byline is surely display lines
        data["display"] = found = [list(sp) for sp in display_spans(raw)]  # plain lists, like the rest of user_data
        ends.update(b for _, b in found if b <= byline.start())
    body = body_start(raw)
    sure: set[int] = set()
    if body < len(raw):
        # above the first paragraph of an unwrapped text, a blank line surely ends a line
        # (``新闻稿`` over the title): only a narrow column wraps a name across one
        sure = {rep.from_raw(m.start()) for m in _BLANK_LINE.finditer(raw, 0, body)}
    # a blank line under a page's running header or footer (``X市统计公报　　　　X市统计局``,
    # ``— 13 —``): a masthead line spread by wide gaps is layout, never the first half of a name
    sure |= {rep.from_raw(m.end()) for m in _LAYOUT_LINE.finditer(raw)}
    if not ends and not sure:
        return matches
    breaks = sorted({rep.from_raw(b) for b in ends} | sure)
    text = rep.text
    out = []
    ids = None
    for m in matches:
        k = next((b for b in breaks if m.start < b < m.end), None) if m.label in ("PARK", "COMPANY") else None
        if k is None:
            out.append(m)
            continue
        certain = k in sure
        while k < m.end and text[k].isspace():
            k += 1
        if m.end - k < 2:
            continue
        if ids is None:
            ids = {text[x.start:x.end]: x.id for x in matches}
        name = text[k:m.end]
        if name in bare or (name not in ids and not certain):
            # only a name the document also writes on its own is cut out (a PDF's title may
            # wrap inside a name: ``中国（江苏）自由`` / ``贸易试验区连云港片区``)
            out.append(m)
            continue
        out.append(Match(k, m.end, m.label, ids.get(name, m.id)))
    return out

