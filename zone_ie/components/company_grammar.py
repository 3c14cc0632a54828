"""Company names from the legal-form grammar (``patterns/grammar.json``): a legal form
(``有限公司``, ``集团``…) extended to the left over name characters, bracketed places and
forms (``（集团）``, ``（中国）``), and business words that extend a short name
(``甬飞`` + ``科技``). A mixin of :class:`ZoneEntityRuler`."""
from __future__ import annotations

from typing import Iterable, Optional

from ..clusters import word_at, word_before
from .ruler_text import _BRACKETED, _LEADING_BRACKETED, _NOT_BUSINESS_HEADS, Match, _taken


class CompanyGrammar:
    """Company names from legal forms (see the module docstring)."""

    # --- companies ----------------------------------------------------------
    def _grammar_companies(self, text: str, taken: list[Match]) -> list[Match]:
        out: list[Match] = []
        ends = sorted(t.end for t in taken)
        inside = _taken(taken)
        park_at_end = {t.end: t.start for t in taken if t.label == "PARK"}
        for m in self._legal_re.finditer(text):
            if inside(m.start(), m.start() + 1):
                continue  # inside a taken name
            start, _, _ = self._left_edge(text, m.start(), ends)
            own = None  # where the words of a park's platform company start after the park's name
            for pe in range(max(0, m.start() - 12), m.start()):
                if pe in park_at_end and self._platform_core(text[pe:m.start()]):
                    start = park_at_end[pe]  # ``滨江新区港务有限公司``: the park's platform company
                    own = pe
                    break
            start = self._after_partner(text, start, m.start())
            start = self._after_open_bracket(text, start, m.start())
            start = self._before_bracketed_form(text, start, m.start(), ends)
            start = self._before_generic_core(text, start, m.start(), ends)
            start = self._past_straddling_boundary(text, start, m.start())
            if text[start] in "（(":
                continue  # ``（集团）有限公司`` alone is debris, no name
            name = text[start : m.end()]
            prefix = text[start : m.start()]
            if len(prefix) < int(self.grammar["company_short_heads_min"]):
                continue
            if name in self._not_company or self._not_company_tail.search(prefix):
                continue
            strong = name.endswith(self._strong_legal)
            # (the park's own name may end in a head word: ``X保税物流中心运营公司``)
            if not strong and self._not_company_head_re.search(prefix if own is None else text[own:m.start()]):
                continue
            if strong and prefix.startswith(self._not_company_heads):
                continue
            if self._P.is_place(prefix) and not name.endswith(self._branch_forms):
                # ``达能食品湖北有限公司``: a regional firm written brand + business + province,
                # unbracketed; the name goes on left of the place
                earlier = self._regional_head(text, start, ends)
                if earlier is not None:
                    out.append(Match(earlier, m.end(), "COMPANY"))
                continue
            if self._P.is_place(prefix) or self._is_place_unbracketed(prefix):
                continue  # 浙江嘉兴分公司: a branch named only by its place
            if prefix in self._generic_brands:
                continue
            out.append(Match(start, m.end(), "COMPANY"))
        return out

    _branch_forms = ("分公司", "支公司", "分厂")

    def _past_straddling_boundary(self, text: str, start: int, legal: int) -> int:
        """``其中山东X有限公司``: a name never starts inside a boundary word (其中) that the
        character before it opens; it starts right after that word."""
        for n, words in self._boundaries_by_len:
            if n < 2:
                break
            for j in range(1, n):
                if start - j >= 0 and text[start - j:start - j + n] in words and start - j + n < legal - 1:
                    return start - j + n
        return start

    def _regional_head(self, text: str, place: int, ends: list[int]) -> Optional[int]:
        """Where a regional firm's name starts when its place stands right before the legal
        form (``达能食品|湖北|有限公司``): the name characters left of the place, a brand and
        a business word (at least four, no boundary word, no place alone), else None."""
        earlier, _, _ = self._left_edge(text, place, ends)
        head = text[earlier:place]
        if len(head) < 4 or self._P.is_place(head) or not head.endswith(self._business_tails):
            return None
        return earlier

    def _after_partner(self, text: str, start: int, legal: int) -> int:
        """``青禾县人民政府与瑞禾科技有限公司签约``: a place or a government joined by 与 before a
        firm's name is its partner, not part of the name."""
        k = text.rfind("与", start, legal)
        if k <= start:
            return start
        head = text[start:k]
        if self._P.is_place(head) or head.endswith(self._partner_heads):
            return k + 1
        return start

    def _before_bracketed_form(self, text: str, start: int, legal: int, ends: list[int]) -> int:
        """``北京X投资（集团）有限公司``: a name never opens with a closed bracket. When the
        left edge stops right before one, the word there (a boundary word such as
        投资) belongs to the name, which starts where the edge before that word is."""
        if start >= legal or text[start] not in "（(" or not _LEADING_BRACKETED.match(text, start, legal):
            return start
        return self._over_boundary_word(text, start, ends)

    def _before_generic_core(self, text: str, start: int, legal: int, ends: list[int]) -> int:
        """``乐山高新投资发展（集团）有限公司``: a name is never only generic business words
        (``发展（集团）``). When the left edge leaves only those, the boundary word before
        them (投资) and the words before it belong to the name."""
        core = _BRACKETED.sub("", text[start:legal])
        if not core or not self._platform_core(core) or start < 3:
            return start
        return self._over_boundary_word(text, start, ends, generic_only=True)

    def _over_boundary_word(self, text: str, start: int, ends: list[int], generic_only: bool = False) -> int:
        """Where a name starts that the left edge cut right after a boundary word (投资):
        the word and the name characters before it belong to the name (at least two of
        them, else ``start`` stands); ``generic_only``: only when the word is a generic
        business word itself."""
        word = word_before(self._boundaries_by_len, text, max(0, start - 6), start)
        if not word or (generic_only and not self._platform_core(word)):
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
            if self._name_ends_at(text, e, stops):
                return e
            w = word_before(self._industry_by_len, text, end, e)
            e = e - len(w) if w else end
        if text.startswith(_NOT_BUSINESS_HEADS, end) and self._name_ends_at(text, end + 2, stops):
            return end + 2  # ``山推股份亩均税收…``, ``国药控股、…``: a short name with its share-company word
        return end

    def _name_ends_at(self, text: str, e: int, stops: set) -> bool:
        """Whether a name may end at ``e``: the text ends, a non-name character, another
        name, a boundary word or a word that follows names (``name_right_edges``)."""
        return (e >= len(text) or not self._is_name_char(text[e]) or e in stops or bool(self._boundary_at.match(text, e))
                or text.startswith(self._right_edges, e))
