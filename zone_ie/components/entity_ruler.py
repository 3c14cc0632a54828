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
"""
from __future__ import annotations

import re
from bisect import bisect_right, insort
from operator import itemgetter
from pathlib import Path
from typing import Any, Iterable, Optional

import regex
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from .. import rx
from ..align import ensure_boundaries
from ..clusters import Places, company_core, company_shorts, load_place_names, park_key
from ..resources import iter_jsonl, load_json

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


class Match(tuple):
    """``(start, end, label, id)`` in repaired-text characters."""

    __slots__ = ()

    def __new__(cls, start: int, end: int, label: str, id_: str = "") -> "Match":
        return super().__new__(cls, (start, end, label, id_))

    # itemgetter properties run in C (a lambda per access showed in profiles)
    start = property(itemgetter(0))
    end = property(itemgetter(1))
    label = property(itemgetter(2))
    id = property(itemgetter(3))


class ZoneEntityRuler:
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
        # the stdlib engine runs a literal trie ~3x faster than ``regex``
        self._phrase_re = re.compile(trie_pattern(names)) if names else None
        g = self.grammar
        chars = g["name_chars"]
        self._P = Places(self.places)
        self._park_suffix_re = _literals(g["park_suffixes"])
        self._park_suffixes = tuple(sorted(g["park_suffixes"], key=len, reverse=True))
        self._weak_suffixes = tuple(g.get("weak_park_suffixes", []))
        self._district_suffixes = tuple(g.get("district_park_suffixes", []))
        self._sub_park_suffixes = tuple(g.get("sub_park_suffixes", []))
        self._legal_forms = list(g["company_legal_forms"])
        self._legal_re = _literals(self._legal_forms)
        self._strong_legal = tuple(sorted(g.get("strong_legal_forms", []), key=len, reverse=True))
        self._name_char = regex.compile(f"[{chars}]")
        self._name_char_memo: dict[str, bool] = {}
        self._boundary_re = _alternation(g["left_boundaries"])
        self._left_strip = regex.compile(g.get("left_strip_re", r"^[0-9]+"))
        self._left_cut = regex.compile(g.get("left_cut_re", r"(?!)"))
        self._brand_place = regex.compile(g.get("park_brand_place_re", r"(?!)"))
        self._not_after = regex.compile(g.get("not_after_name_re", r"(?!)"))
        self._generic_heads = tuple(g["park_generic_heads"])
        self._not_company_heads = tuple(g["not_company_heads"])
        self._not_company_tail = regex.compile(g.get("not_company_tail_re", r"(?!)"))
        self._not_company = set(g["not_company_names"])
        self._definition_lead = regex.compile(g.get("definition_lead_re", r"(?!)"))
        self._definition_gap = regex.compile(g.get("definition_gap_re", r"(?!)"))
        self._definition_tail = regex.compile(g.get("definition_tail_re", r"(?!)"))
        self._business = list(g.get("company_business_words", []))
        self._industry = tuple(sorted(g.get("company_industry_words", []), key=len, reverse=True))
        # the industry words by length, longest first: the first word of
        # ``self._industry`` that a string ends (starts) with is its longest one
        self._industry_by_len = _by_length(self._industry)
        self._industry_heads_by_len = _by_length(w for w in self._industry if w not in _NOT_BUSINESS_HEADS)
        self._short_stop = set(g.get("company_short_stopwords", []))
        self._generic_brands = set(g.get("company_generic_brands", []))
        self._project_tail = regex.compile(g.get("project_tails_re", r"(?!)"))
        self._closer = regex.compile(g.get("list_company_closers_re", r"(?!)"))
        self._context_re = regex.compile(g.get("company_context_re", r"(?!)"))
        self._context_right = regex.compile(g.get("company_context_right_re", r"(?!)"))
        self._conj = tuple(g.get("conj_boundaries", []))
        self._org_tail = set(g.get("org_tail_chars", ""))
        self._strong_closer = regex.compile(g.get("list_company_strong_closers_re", r"(?!)"))
        self._glue_before = tuple(g.get("company_glue_before", []))
        self._role_list = regex.compile(g.get("company_role_list_re", r"(?!)"))
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

    # --- spaCy component --------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        matches, aliases = self.match_with_aliases(doc._.repair.text)  # == doc.text, cheaper
        doc.user_data.setdefault("zone_ie", {})["aliases"] = [list(a) for a in aliases]
        ensure_boundaries(doc, [o for m in matches for o in (m.start, m.end)])
        spans = []
        for m in matches:
            span = doc.char_span(m.start, m.end, label=m.label, span_id=m.id)
            if span is not None:
                spans.append(span)
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
        base = _non_overlapping(phrases + parks)
        companies = self._grammar_companies(text, [m for m in base if m.label == "PARK"])
        found = _non_overlapping(base + companies)
        found, aliases = self._aliases(text, found)
        found = self._short_names(text, found)
        found = self._list_companies(text, found)
        found = self._extend_parks(text, found, cut_from)
        found = self._merge_adjacent_parks(text, found)
        found = _non_overlapping(found + self._brand_place_parks(text))
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
                while start < m.end() - 2 and self._boundary_re.match(text, start):
                    start += 1
                out.append(Match(start, place.end(), "PARK"))
        return out

    def _phrase_matches(self, text: str) -> list[Match]:
        found: list[Match] = []
        if self._phrase_re is None:
            return found
        hits = [(m, self._by_text[m.group()]) for m in self._phrase_re.finditer(text)]
        ids = {p.get("id") for _, p in hits if not p.get("needs_context")}
        for m, p in hits:
            if p.get("needs_context") and p.get("id") not in ids:
                continue  # a brand name needs another name of the same zone
            if p["label"] == "COMPANY" and text.endswith(self._glue_before, 0, m.start()) and self._name_char.match(text, m.end()):
                continue  # ``…有限公司高通量``: names never abut; this is the next word
            found.append(Match(m.start(), m.end(), p["label"], p.get("id", "")))
        return found

    # --- left edges -------------------------------------------------------
    def _is_name_char(self, ch: str) -> bool:
        """``self._name_char`` on one character, memoized per character."""
        known = self._name_char_memo.get(ch)
        if known is None:
            known = self._name_char_memo[ch] = self._name_char.match(ch) is not None
        return known

    def _left_edge(self, text: str, end_of_prefix: int, taken_ends: list[int]) -> tuple[int, int]:
        """``(start, uncut_start)`` of a name whose suffix begins at ``end_of_prefix``.

        ``uncut_start`` is where the name would start without the place cut;
        ``taken_ends`` are the sorted end offsets of the names found so far.
        """
        i = end_of_prefix
        limit = max(0, end_of_prefix - self.max_prefix)
        k = bisect_right(taken_ends, end_of_prefix)
        if k and taken_ends[k - 1] > limit:  # never extend into an earlier name
            limit = taken_ends[k - 1]
        is_name_char = self._is_name_char
        while i > limit and is_name_char(text[i - 1]):
            i -= 1
        prefix = text[i:end_of_prefix]
        places = self._P.spans(prefix)
        cut = 0
        for b in self._boundary_re.finditer(prefix, overlapped=True):
            if any(s < b.end() and b.start() < e for s, e in places):
                continue  # 和林格尔, 和田市: a boundary char inside a place
            if b.end() > cut:
                cut = b.end()
        for k, ch in enumerate(prefix[:-1]):  # 研究所与X: a conjunction after an organisation
            if ch in self._conj and k > 0 and prefix[k - 1] in self._org_tail and k + 1 > cut:
                if not any(s <= k < e for s, e in places):
                    cut = k + 1
        legal = self._legal_re.search(prefix)
        if legal is not None:
            # 甲有限公司扩建和乙…: a conjunction after an earlier company name and its words
            for k in range(legal.end(), len(prefix) - 1):
                if prefix[k] in self._conj and k + 1 > cut and not any(s <= k < e for s, e in places):
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
        rest = prefix[cut:]
        lead = self._left_strip.match(rest)
        if lead:
            cut += lead.end()
        start = i + cut
        head = text[start:end_of_prefix]
        first = self._P.first(head)
        while first and first[0] > 0 and head[first[0] - 1] in "（(":
            first = self._P.first(head, first[1])  # 甬飞电驱（宁波）…: a bracketed place is inside the name
        if first and first[0] > 0:
            return start + first[0], start
        return start, start

    # --- parks ------------------------------------------------------------
    def _grammar_parks(self, text: str, taken: list[Match]) -> tuple[list[Match], dict[tuple[int, int], int]]:
        out: list[Match] = []
        cut_from: dict[tuple[int, int], int] = {}
        ends = sorted(t.end for t in taken)  # of taken + out, kept sorted
        for m in self._park_suffix_re.finditer(text):
            start, uncut = self._left_edge(text, m.start(), ends)
            prefix = text[start : m.start()]
            suffix = m.group()
            has_place = self._P.first(prefix) is not None
            if not has_place and suffix == "新区" and len(prefix) > 2:
                start, prefix = m.start() - 2, prefix[-2:]  # X新区 names are two characters
            if len(prefix) < int(self.grammar["park_needs_prefix_len"]):
                continue
            if prefix.startswith(self._generic_heads) or rx.match(r"第?[\d一二三四五六七八九十两几多]+(?:大|个|家|座|批)", prefix):
                continue
            if suffix in self._ftz_area and not has_place:
                # ``中国（X）自由贸易试验区Y片区``: an area named right after its free-trade zone
                ftz = next((t for t in taken + out if t.end == start and text.endswith(self._ftz, t.start, t.end)), None)
                if ftz is not None and len(prefix) >= 2:
                    out = [o for o in out if o is not ftz]
                    out.append(Match(ftz.start, m.end(), "PARK"))
                    insort(ends, m.end())
                    continue
            if suffix.endswith(self._weak_suffixes) and not has_place:
                continue
            if self._P.is_place(prefix) and suffix in ("新区",):
                pass
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
                and self._P.first(text[m.start : m.end]) == (0, self._P.first(text[m.start : m.end])[1])  # type: ignore[index]
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
        for m in self._legal_re.finditer(text):
            if any(t.start <= m.start() < t.end for t in taken):
                continue
            start, _ = self._left_edge(text, m.start(), ends)
            name = text[start : m.end()]
            prefix = text[start : m.start()]
            if len(prefix) < int(self.grammar["company_short_heads_min"]):
                continue
            if name in self._not_company or self._not_company_tail.search(prefix):
                continue
            strong = name.endswith(self._strong_legal)
            if not strong and any(h in prefix for h in self._not_company_heads):
                continue
            if strong and any(prefix.startswith(h) for h in self._not_company_heads):
                continue
            if self._P.is_place(prefix) or self._P.is_place(rx.sub(r"[（(].*?[)）]", "", prefix)):
                continue  # 浙江嘉兴分公司: a branch named only by its place
            if prefix in self._generic_brands:
                continue
            out.append(Match(start, m.end(), "COMPANY"))
        return out

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
                nxt = [x for x in found if b and x.start == b.end() and x.label == m.label]
                if not nxt:
                    continue
                s, e = nxt[0].start, nxt[0].end
                alias = text[s:e]
            if len(alias) < 2 or alias == text[m.start : m.end]:
                continue
            aliases.append((m.start, m.end, s, e, m.label))
            extra.setdefault(alias, m.label)
        if not extra:
            return found, aliases
        more = [Match(x.start(), x.end(), extra[x.group()]) for x in _literals(extra).finditer(text)]
        return _non_overlapping(found + more), aliases

    def _short_names(self, text: str, found: list[Match]) -> list[Match]:
        """Legal-form stripped company cores and place-stripped / abbreviated park names."""
        shorts: dict[str, str] = {}
        seen: set[tuple[str, str]] = set()
        local = self._local_places(text, found)
        for m in found:
            name = text[m.start : m.end]
            if (m.label, name) in seen:
                continue  # a repeated mention adds nothing new (setdefault below)
            seen.add((m.label, name))
            if m.label == "COMPANY":
                cands = company_shorts(self._strip_local(name, local), self._P, self._legal_forms, self._business)
                if not name.endswith(tuple(self._legal_forms)):
                    cands = [name] + cands  # an alias or known name is itself a short name
                for s in cands:
                    if len(s) >= 2 and s not in self._short_stop and not self._P.is_place(s):
                        shorts.setdefault(s, "COMPANY")
            else:
                core = self._P.strip_leading(name, keep_core=True, min_core=4)
                if core != name and len(core) >= 4 and not core.startswith(self._generic_heads):
                    if not any(core == suf for suf in self._park_suffixes):
                        shorts.setdefault(core, "PARK")
                for ab in self._abbreviations(text, name):
                    shorts.setdefault(ab, "PARK")
        if not shorts:
            return found
        more: list[Match] = []
        starts = {m.start for m in found}
        for x in _literals(shorts).finditer(text):
            s, e = x.start(), x.end()
            if shorts[x.group()] == "COMPANY":
                if e - s == 2 and not self._clear_left(text, s):
                    continue  # 软件和信息: a two-character short name inside a word
                e = self._extend_business(text, e, starts)
            more.append(Match(s, e, shorts[x.group()]))
        return _non_overlapping(found + more)

    def _local_places(self, text: str, found: list[Match]) -> list[str]:
        """Place names of this document that no list knows, longest first.

        The two or three characters before a zone suffix (``X高新区``, ``X新区``;
        not an industry park's theme such as ``氢能产业园``) and a bracketed
        two-or-three-character head before a company's legal form
        (``Y（X）有限公司``) name a place.
        """
        out: set[str] = set()
        for m in found:
            name = text[m.start : m.end]
            if m.label == "PARK":
                suffix = next((x for x in self._park_suffixes if name.endswith(x)), "")
                head = name[: len(name) - len(suffix)]
                if suffix and suffix not in self._sub_park_suffixes and 2 <= len(head) <= 3 and rx.fullmatch(r"\p{Han}+", head):
                    if self._P.first(head) is None and not head.startswith(self._generic_heads):
                        out.add(head)
            else:
                b = rx.search(r"[（(](\p{Han}{2,3})[)）]\p{Han}", name)
                if b and self._P.first(b.group(1)) is None and b.group(1) not in self._legal_forms and b.group(1) not in self._business:
                    out.add(b.group(1))
        return sorted(out, key=len, reverse=True)

    def _strip_local(self, name: str, local: list[str]) -> str:
        """``榆畈康瑞生物制药有限公司`` -> ``康瑞生物制药有限公司`` when 榆畈 is a local place."""
        for p in local:
            name = name.replace(f"（{p}）", "").replace(f"({p})", "")
        for p in local:
            if name.startswith(p) and len(company_core(name[len(p):], self._P, self._legal_forms)) >= 4:
                return name[len(p):]
        return name

    def _clear_left(self, text: str, s: int) -> bool:
        """Whether a name may start at ``s``: after punctuation or a boundary word."""
        if s == 0 or not self._name_char.match(text, s - 1):
            return True
        before = text[max(0, s - 6) : s]
        return any(before.endswith(b.group()) for b in self._boundary_re.finditer(before, overlapped=True))

    def _abbreviations(self, text: str, name: str) -> list[str]:
        """Three-character abbreviations of a park name used in the text (``留创园``)."""
        core = self._P.strip_leading(name, keep_core=True, min_core=3)
        suffix = next((x for x in self._park_suffixes if core.endswith(x)), "")
        if len(core) < 6 or len(core) - len(suffix) < 2:
            return []
        out = []
        for m in rx.finditer(regex.escape(core[0]) + r"\p{Han}" + regex.escape(core[-1]), text):
            ab = m.group()
            if ab in core or ab[1] not in core[1:-1] or ab in self._park_suffixes:
                continue
            k = core.index(ab[1], 1)
            if 0 < k < len(core) - 1:
                out.append(ab)
        return out

    def _extend_business(self, text: str, end: int, starts: Iterable[int] = ()) -> int:
        """``创维`` + ``智能``: a brand followed by business words that end the name."""
        stops = set(starts)
        e = end
        for _ in range(2):
            w = _word_at(self._industry_heads_by_len, text, e)
            if w is None:
                break
            e += len(w)
        while e > end:
            if e >= len(text) or not self._is_name_char(text[e]) or e in stops or self._boundary_re.match(text, e):
                return e
            w = _word_before(self._industry_by_len, text, end, e)
            e = e - len(w) if w else end
        return end

    def _list_companies(self, text: str, found: list[Match]) -> list[Match]:
        """Brand names in lists: ``以A、B、C为代表的``, ``A、B等企业``, ``A二期、B等项目``."""
        known = {text[m.start : m.end] for m in found if m.label == "COMPANY"}
        new: dict[str, str] = {}
        for clause in rx.finditer(r"[^，。；：,;:！？!?\n“”「」《》（）()]+", text):
            c = clause.group()
            if "、" not in c and not rx.search(r"等(?:[\d一二三四五六七八九十百多余]+家)?(?:上市公司|企业|公司)", c):
                continue
            items = c.split("、")
            last = items[-1]
            close = None
            for k in range(1, len(last) + 1):
                if self._closer.match(last[k:]) or self._project_tail.match(last[k:]) and last[k:].startswith(("项目", "工程")):
                    close = k
                    break
            strong = close is not None and bool(self._strong_closer.match(last[close:]))
            if close is not None:
                items[-1] = last[:close]
            first = items[0]
            cut = 0
            for b in self._boundary_re.finditer(first, overlapped=True):
                if b.end() > cut and b.end() < len(first):
                    cut = b.end()
            items[0] = first[cut:]
            if close is not None:  # ``A、B和C3家企业``: a conjunction joins the last two items
                items = [part for it in items for part in self._split_conj(it)]
            cleaned = [self._project_tail.sub("", rx.sub(r"[一二三四五六七八九十\d]+期$", "", it)) for it in items]
            cleaned = [rx.sub(r"[一二三四五六七八九十\d]+期$", "", it) for it in cleaned]
            votes = [self._brand_like(it, known) for it in cleaned]
            bare_project = close is not None and last[close:].startswith("项目")
            if (close is None or bare_project) and sum(votes) < len(votes):
                continue  # ``建设A、B和C项目`` lists products unless every item is a company
            ok = sum(votes) * 2 >= len(votes) or (strong and all(2 <= len(it) <= 5 for it in cleaned))
            if not ok:
                continue
            for it, v in zip(cleaned, votes):
                if (v or strong or 2 <= len(it) <= 4) and self._plausible_brand(it):
                    new.setdefault(it, "COMPANY")
        for x in self._role_list.finditer(text):  # 投资方包括A和B: every item is a firm
            items = [p for it in x.group("rest").split("、") for p in self._split_conj(it)]
            items[-1] = rx.sub(r"等.*$", "", items[-1])
            if all(self._plausible_brand(it) and 2 <= len(it) <= 8 for it in items):
                for it in items:
                    new.setdefault(it, "COMPANY")
        for x in self._context_re.finditer(text, overlapped=True):  # 与X达成, 引进X…项目
            rest = x.group("rest")
            for k in range(3, min(8, len(rest)) + 1):
                if self._brand_like(rest[:k], known) and self._context_right.match(rest[k:]):
                    new.setdefault(rest[:k], "COMPANY")
                    break
        if not new:
            return found
        more = []
        starts = {m.start for m in found}
        for x in _literals(new).finditer(text):
            if len(x.group()) == 2 and not self._clear_left(text, x.start()):
                continue
            more.append(Match(x.start(), self._extend_business(text, x.end(), starts), "COMPANY"))
        return _non_overlapping(found + more)

    def _split_conj(self, item: str) -> list[str]:
        """``A和B`` -> ``[A, B]`` when both sides are two characters or more."""
        for k, ch in enumerate(item):
            if ch in self._item_conj and k >= 2 and len(item) - k - 1 >= 2:
                return [item[:k]] + self._split_conj(item[k + 1 :])
        return [item]

    def _brand_like(self, item: str, known: set[str]) -> bool:
        """``利乐包装``: a non-generic brand of 2-4 characters plus an industry word."""
        if item in known:
            return True
        if not 3 <= len(item) <= 8:
            return False
        w = _word_before(self._industry_by_len, item, 0, len(item))
        if w is not None:
            brand = item[: -len(w)]
            return 2 <= len(brand) <= 4 and self._plausible_brand(brand) and not brand.endswith(self._industry)
        return False

    def _plausible_brand(self, s: str) -> bool:
        if not 2 <= len(s) <= 8 or not rx.fullmatch(r"[\p{Han}A-Za-z]+", s):
            return False
        if s in self._generic_brands or s in self._short_stop or self._P.is_place(s):
            return False
        if any(s.startswith(g) for g in self._generic_heads) or s.endswith(self._park_suffixes):
            return False
        return not any(h in s for h in self._not_company_heads)

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

        # park_key / company_core are pure functions of the name: once per name
        park_keys: dict[str, str] = {}
        cores: dict[str, str] = {}

        def pkey(name: str) -> str:
            k = park_keys.get(name)
            if k is None:
                k = park_keys[name] = park_key(name, self._P)
            return k

        names = [text[m.start : m.end] for m in found]
        node: list[str] = []
        owner: dict[str, str] = {}
        for m, name in zip(found, names):
            if m.label == "PARK":
                n = "P:" + pkey(name)
                if m.id:
                    union("P:" + pkey(m.id), n)
                    union("G:" + m.id, n)
            else:
                core = cores.get(name)
                if core is None:
                    core = cores[name] = company_core(name, self._P, self._legal_forms)
                n = "C:" + core
            node.append(n)
            find(n)
        # full legal names first, then longer short names, claim the short forms they yield
        order = sorted(
            (i for i, m in enumerate(found) if m.label == "COMPANY"),
            key=lambda i: (not names[i].endswith(tuple(self._legal_forms)), -len(names[i]), found[i].start),
        )
        done: set[tuple[str, str]] = set()
        for i in order:
            if (names[i], node[i]) in done:
                continue  # the same shorts for the same node: setdefault would change nothing
            done.add((names[i], node[i]))
            for s in company_shorts(self._strip_local(names[i], local), self._P, self._legal_forms, self._business):
                owner.setdefault(s, node[i])
        for m, n in zip(found, node):  # short names join the first full name they abbreviate
            if m.label == "COMPANY" and n[2:] in owner and owner[n[2:]] != n:
                union(owner[n[2:]], n)
        parks = sorted({nm for m, nm in zip(found, names) if m.label == "PARK"}, key=len, reverse=True)
        for m, n, nm in zip(found, node, names):  # 留创园 joins 西宁留学人员创业园
            if m.label == "PARK" and len(nm) == 3:
                full = next((f for f in parks if nm in self._abbreviations(nm, f)), None)
                if full is not None:
                    union("P:" + pkey(full), n)
        for ns, ne, as_, ae, label in aliases:
            a = [n for m, n in zip(found, node) if (m.start, m.end) == (ns, ne)]
            alias = text[as_:ae]
            b = [n for m, n, nm in zip(found, node, names) if nm == alias and m.label == label]
            if a and b:
                union(a[0], b[0])
        best: dict[str, str] = {}
        for n, name in zip(node, names):
            r = find(n)
            cur = best.get(r)
            if cur is None or len(name) > len(cur):
                best[r] = name
        return [Match(m.start, m.end, m.label, best[find(n)]) for m, n in zip(found, node)]

    # --- serialization (like spaCy's SpanRuler) ---------------------------
    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps({"patterns": self.patterns, "grammar": self.grammar, "places": self.places})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "ZoneEntityRuler":
        d = srsly.msgpack_loads(data)
        self.patterns, self.grammar = list(d["patterns"]), dict(d["grammar"])
        self.places = list(d.get("places") or load_place_names())
        self._compile()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)
        srsly.write_json(path / "grammar.json", self.grammar)
        srsly.write_json(path / "places.json", {"places": self.places})

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "ZoneEntityRuler":
        path = Path(path)
        self.patterns = list(srsly.read_jsonl(path / "patterns.jsonl"))
        self.grammar = dict(srsly.read_json(path / "grammar.json"))
        places = path / "places.json"
        self.places = list(srsly.read_json(places)["places"]) if places.exists() else load_place_names()
        self._compile()
        return self


def norm_key(name: str) -> str:
    """Cluster key of a name without a pattern id: ``norm_name`` of SPEC 3."""
    from ..names import norm_name

    return norm_name(name)


_NOT_BUSINESS_HEADS = ("集团", "股份", "控股")  # legal-form words, never a business word after a brand

ByLength = tuple[tuple[int, frozenset[str]], ...]


def _by_length(words: Iterable[str]) -> ByLength:
    """``words`` grouped by length, longest first, for :func:`_word_at` / :func:`_word_before`."""
    groups: dict[int, set[str]] = {}
    for w in words:
        groups.setdefault(len(w), set()).add(w)
    return tuple((n, frozenset(ws)) for n, ws in sorted(groups.items(), reverse=True))


def _word_at(by_len: ByLength, text: str, i: int) -> Optional[str]:
    """The longest word that ``text`` has at ``i`` (``text.startswith(w, i)``), or None."""
    for n, ws in by_len:
        if n == 0:
            return "" if i <= len(text) else None
        w = text[i : i + n]
        if len(w) == n and w in ws:
            return w
    return None


def _word_before(by_len: ByLength, text: str, start: int, end: int) -> Optional[str]:
    """The longest word that ``text[start:end]`` ends with (``text.endswith(w, start, end)``), or None."""
    for n, ws in by_len:
        if n == 0:
            return "" if start <= end and start <= len(text) else None
        if end - start >= n:
            w = text[end - n : end]
            if w in ws:
                return w
    return None


def _literals(words: Iterable[str]) -> "re.Pattern[str]":
    """The same matches as :func:`_alternation` (longest word first), for plain
    ``search``/``finditer``: a stdlib trie, several times faster than ``regex``."""
    ws = set(words)
    return re.compile(trie_pattern(ws) if ws and "" not in ws else _alternation_source(ws))


def _alternation_source(ws: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True)) if ws else r"(?!)"


def _alternation(words: Iterable[str]) -> "regex.Pattern[str]":
    ws = sorted(set(words), key=len, reverse=True)
    return regex.compile("|".join(regex.escape(w) for w in ws) if ws else r"(?!)")


def _non_overlapping(matches: list[Match]) -> list[Match]:
    """Longest match wins; ties go to the earlier one; pattern ids preferred."""
    if not matches:
        return []
    ranked = sorted(matches, key=lambda m: (-(m[1] - m[0]), m[3] == "", m[0]))
    chosen: list[Match] = []
    occupied = bytearray(max(m[1] for m in matches))  # 1 = character taken
    for m in ranked:
        s, e = m[0], m[1]
        if s < e and occupied.find(1, s, e) >= 0:
            continue
        chosen.append(m)
        occupied[s:e] = b"\x01" * (e - s)
    return sorted(chosen)


def trie_pattern(words: Iterable[str]) -> str:
    """One regex for many literal words, factored as a character trie.

    Equivalent to a longest-first alternation of the words, but the regex engine
    tries one branch per character instead of every word at every position.
    """
    trie: dict = {}
    for w in words:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts, singles, optional = [], [], "" in node
        for ch in sorted(k for k in node if k):
            rest = build(node[ch])
            if rest:
                alts.append(re.escape(ch) + rest)
            else:
                singles.append(re.escape(ch))
        if singles:
            alts.append(singles[0] if len(singles) == 1 else "[" + "".join(singles) + "]")
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if optional else body

    return build(trie)
