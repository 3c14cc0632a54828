"""``zone_entity_ruler``: PARK and COMPANY mentions from patterns and name grammar.

Two sources, both matched on characters so boundaries do not depend on the
segmenter:

* phrase patterns (``patterns/entity_patterns.jsonl``, spaCy span-ruler style
  ``{"label", "pattern", "id"}``): official zone names and their short forms;
* grammar (``patterns/grammar.json``): a zone suffix or a company legal form,
  extended to the left over name characters and cut at boundary words,
  earlier names and punctuation.

Matches are made token-aligned (tokens are split where needed) and written to
``doc.ents``; ``span.ent_id_`` carries the pattern id (the official name) when
there is one. Patterns are serialized with the pipeline.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterable, Optional

import regex
import srsly
from spacy.language import Language
from spacy.tokens import Doc
from spacy.util import filter_spans

from ..align import ensure_boundaries
from ..resources import iter_jsonl, load_json

DEFAULT_PATTERNS = "entity_patterns.jsonl"


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

    start = property(lambda self: self[0])
    end = property(lambda self: self[1])
    label = property(lambda self: self[2])
    id = property(lambda self: self[3])


class ZoneEntityRuler:
    """Find PARK and COMPANY mentions; see the module docstring."""

    def __init__(
        self,
        nlp: Language,
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
        if patterns_file:
            self.add_patterns(srsly.read_jsonl(patterns_file))
        else:
            self.add_patterns(iter_jsonl(DEFAULT_PATTERNS))

    # --- patterns -------------------------------------------------------
    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        self.patterns.extend(dict(p) for p in patterns)
        self._compile()

    def _compile(self) -> None:
        self._by_text: dict[str, dict[str, Any]] = {}
        for p in self.patterns:
            self._by_text.setdefault(p["pattern"], p)
        names = sorted(self._by_text, key=len, reverse=True)
        self._phrase_re = regex.compile("|".join(map(regex.escape, names))) if names else None
        g = self.grammar
        chars = g["name_chars"]
        self._park_suffix_re = _alternation(g["park_suffixes"])
        self._legal_re = _alternation(g["company_legal_forms"])
        self._name_char = regex.compile(f"[{chars}]")
        self._boundary_words = sorted(g["left_boundaries"], key=len, reverse=True)
        self._generic_heads = tuple(g["park_generic_heads"])
        self._not_company_heads = tuple(g["not_company_heads"])
        self._not_company = set(g["not_company_names"])
        cues = "|".join(regex.escape(c) for c in sorted(g["alias_cues"], key=len, reverse=True))
        self._alias_re = regex.compile(
            rf"\s*[（(，,]\s*(?:{cues})[:：]?\s*[“\"「‘]?(?P<alias>[{chars}&&[^（）()]]{{2,20}}?)[”\"」’]?\s*(?=[）)，,。；;])",
            regex.V1,
        )

    # --- matching -------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        matches, aliases = self.match_with_aliases(doc.text)
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
        """All non-overlapping mentions in ``text``, longest first, left to right."""
        found: list[Match] = []
        if self._phrase_re is not None:
            for m in self._phrase_re.finditer(text):
                p = self._by_text[m.group()]
                if p.get("needs_context"):
                    continue  # accepted later when a same-id name is present
                found.append(Match(m.start(), m.end(), p["label"], p.get("id", "")))
        ids = {m.id for m in found}
        if self._phrase_re is not None:
            for m in self._phrase_re.finditer(text):
                p = self._by_text[m.group()]
                if p.get("needs_context") and p.get("id") in ids:
                    found.append(Match(m.start(), m.end(), p["label"], p.get("id", "")))
        if self.use_grammar:
            found.extend(self._grammar_parks(text, found))
            found.extend(self._grammar_companies(text, found))
        return _non_overlapping(found)

    def match_with_aliases(self, text: str) -> tuple[list[Match], list[tuple[int, int, int, int, str]]]:
        """Mentions plus declared aliases ``(name_start, name_end, alias_start, alias_end, label)``.

        A declared alias (``X（以下简称“Y”）``) becomes a mention wherever it
        occurs, with the id of the name it abbreviates.
        """
        found = self.match(text)
        aliases: list[tuple[int, int, int, int, str]] = []
        extra: dict[str, Match] = {}
        for m in found:
            a = self._alias_re.match(text, m.end)
            if not a:
                continue
            alias = a.group("alias")
            if len(alias) < 2 or alias == text[m.start : m.end]:
                continue
            key = m.id or norm_key(text[m.start : m.end])
            aliases.append((m.start, m.end, a.start("alias"), a.end("alias"), m.label))
            extra.setdefault(alias, Match(0, 0, m.label, key))
        if not extra:
            return found, aliases
        alias_re = _alternation(extra)
        more = [
            Match(x.start(), x.end(), extra[x.group()].label, extra[x.group()].id)
            for x in alias_re.finditer(text)
        ]
        # an alias mention replaces a grammar match it overlaps only when longer
        return _non_overlapping(found + more), aliases

    def _left_edge(self, text: str, end_of_prefix: int, taken: list[Match]) -> int:
        """Leftmost start of a name whose suffix begins at ``end_of_prefix``."""
        i = end_of_prefix
        limit = max(0, end_of_prefix - self.max_prefix)
        for m in taken:  # never extend into an earlier name
            if m.end <= end_of_prefix and m.end > limit:
                limit = m.end
        while i > limit and self._name_char.match(text, i - 1):
            i -= 1
        prefix = text[i:end_of_prefix]
        cut = 0
        for w in self._boundary_words:
            k = prefix.rfind(w)
            if k >= 0 and k + len(w) > cut:
                cut = k + len(w)
        return i + cut

    def _grammar_parks(self, text: str, taken: list[Match]) -> list[Match]:
        out: list[Match] = []
        for m in self._park_suffix_re.finditer(text):
            start = self._left_edge(text, m.start(), taken + out)
            prefix = text[start : m.start()]
            if len(prefix) < int(self.grammar["park_needs_prefix_len"]):
                continue
            if prefix.startswith(self._generic_heads):
                continue
            out.append(Match(start, m.end(), "PARK"))
        return out

    def _grammar_companies(self, text: str, taken: list[Match]) -> list[Match]:
        out: list[Match] = []
        for m in self._legal_re.finditer(text):
            start = self._left_edge(text, m.start(), taken + out)
            name = text[start : m.end()]
            prefix = text[start : m.start()]
            if len(prefix) < int(self.grammar["company_short_heads_min"]):
                continue
            if name in self._not_company or any(h in prefix for h in self._not_company_heads):
                continue
            out.append(Match(start, m.end(), "COMPANY"))
        return out

    # --- serialization (like spaCy's SpanRuler) ---------------------------
    def to_bytes(self, *, exclude: Iterable[str] = tuple()) -> bytes:
        return srsly.msgpack_dumps({"patterns": self.patterns, "grammar": self.grammar})

    def from_bytes(self, data: bytes, *, exclude: Iterable[str] = tuple()) -> "ZoneEntityRuler":
        d = srsly.msgpack_loads(data)
        self.patterns, self.grammar = list(d["patterns"]), dict(d["grammar"])
        self._compile()
        return self

    def to_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        srsly.write_jsonl(path / "patterns.jsonl", self.patterns)
        srsly.write_json(path / "grammar.json", self.grammar)

    def from_disk(self, path: str | Path, *, exclude: Iterable[str] = tuple()) -> "ZoneEntityRuler":
        path = Path(path)
        self.patterns = list(srsly.read_jsonl(path / "patterns.jsonl"))
        self.grammar = dict(srsly.read_json(path / "grammar.json"))
        self._compile()
        return self


def norm_key(name: str) -> str:
    """Cluster key of a name without a pattern id: ``norm_name`` of SPEC 3."""
    from ..names import norm_name

    return norm_name(name)


def _alternation(words: Iterable[str]) -> "regex.Pattern[str]":
    return regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)))


def _non_overlapping(matches: list[Match]) -> list[Match]:
    """Longest match wins; ties go to the earlier one; pattern ids preferred."""
    ranked = sorted(matches, key=lambda m: (-(m.end - m.start), m.id == "", m.start))
    chosen: list[Match] = []
    occupied: list[tuple[int, int]] = []
    for m in ranked:
        if any(m.start < e and s < m.end for s, e in occupied):
            continue
        chosen.append(m)
        occupied.append((m.start, m.end))
    return sorted(chosen)
