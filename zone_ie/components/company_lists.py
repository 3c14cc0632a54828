"""Company names in list positions (``以A、B为代表``, ``A、B等企业``, ``投资方包括A和B``,
``东恒新能源年产5万吨…项目``): the part of the entity ruler's grammar that reads brand
names from the lists and frames around them. A mixin of :class:`ZoneEntityRuler`: it uses
the ruler's compiled patterns and word lists (``self._closer``, ``self._role_list`` …)."""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

import regex

from ..clusters import word_at, word_before
from ..numerals import to_number
from .ruler_text import (
    _BRAND_CHARS, _CLAUSE_END, _LIST_CUE, _LIST_TAIL, Match, _add_non_overlapping, _literal_spans, _taken, _without_phase,
)


_HAN_PAIR = regex.compile(r"\p{Han}{2}")
_UNIT_NOT = set("一二两三四五六七八九十百千万亿几多数余个家期批类种项座条台套等和及与的后续同新")
_SECTOR_LIST = regex.compile(r"(?:领域|行业|板块|赛道)(?:的|[\d一二三四五六七八九十百多余]+(?:家|个))")
_SITE_TAIL = regex.compile(r"(?<=\p{Han}{2})\p{Han}{2}(?:基地|工厂|分公司)$")


# the words of a clause after a point, up to the first project suffix
_CLAUSE_TAIL = regex.compile(r"[^，,。；;：:、\n]{0,30}?(?:项目|基地|工厂|生产线)")


class CompanyListGrammar:
    """Brand names read from company lists and frames (see the module docstring)."""

    def _list_companies(self, text: str, found: list[Match]) -> list[Match]:
        """Brand names in lists: ``以A、B、C为代表的``, ``A、B等企业``, ``A二期、B等项目``."""
        known = {text[m.start : m.end] for m in found if m.label == "COMPANY"}
        new: dict[str, str] = {}
        for c in self._list_clauses(text):
            k = c.find("分别")
            if k > 0:
                c = c[:k]  # ``A、B有限公司入库税收分别为x、y``: the names stand before 分别
                if "、" not in c:
                    continue
            items = c.split("、")
            last = items[-1]
            close = self._list_close(last)
            if close is None and len(items) > 2:
                # ``A、B等企业制曲、生产、包装同步推进``: the list ends at its closer, before
                # the later list of the clause
                for i in range(1, len(items) - 1):
                    k = self._list_close(items[i])
                    if k is not None and self._strong_closer.match(items[i][k:]):
                        items, last, close = items[: i + 1], items[i], k
                        break
            if close is None:
                items[-1] = self._before_predicate(items[-1], known)
            if close is None and not self._all_items_brand_like(items, known):
                continue  # the check below, lazily: most lists without a closer stop here
            if _SECTOR_LIST.search(last):
                continue  # ``A、B、C等领域的32家企业``: a list of sectors, not of firms
            strong = close is not None and bool(self._strong_closer.match(last[close:]))
            if close is not None:
                items[-1] = last[:close]
            items[0] = items[0][self._list_head_cut(items[0]) :]
            if close is not None:  # ``A、B和C3家企业``: a conjunction joins the last two items
                items = [part for it in items for part in self._split_conj(it)]
            cleaned = [self._without_site(self._clean_item(it)) for it in items]
            if strong and any(self._sector_item(it) for it in cleaned):
                strong = False  # ``光伏、风电等新能源企业``: the items are sectors, not firms
            bare_project = close is not None and last[close:].startswith("项目")
            projects = close is not None and "项目" in last[close:close + 6]
            like = self._brand_like if projects else self._firm_item
            if (close is None or bare_project) and not all(like(it, known) for it in cleaned):
                continue  # ``建设A、B和C项目`` lists products unless every item is a company
            votes = [like(it, known) for it in cleaned]
            # ``A、B、C等一批企业``: a strong closer says every item is a firm; an item longer
            # than a short brand must look like a firm name itself or stay short of a clause
            ok = sum(votes) * 2 >= len(votes) or (strong and all(2 <= len(it) <= 5 or v or len(it) <= 10 for it, v in zip(cleaned, votes)))
            if not ok:
                continue
            for it, v in zip(cleaned, votes):
                if (v or strong or 2 <= len(it) <= 4) and self._plausible_brand(it):
                    new.setdefault(it, "COMPANY")
        for x in self._role_list.finditer(text):  # 投资方包括A和B: every item is a firm
            items = [p[p.rfind("的") + 1:] for it in x.group("rest").split("、") for p in self._split_conj(it)]
            items[-1] = _LIST_TAIL.sub("", items[-1])
            if all(self._plausible_brand(it) and 2 <= len(it) <= 8 for it in items):
                for it in items:
                    new.setdefault(it, "COMPANY")
        for x in self._counted_list.finditer(text):  # 企业5家，分别是A、B…: as many firms as counted
            items = [p for it in x.group("rest").split("、") for p in self._split_conj(it)]
            items = [_SITE_TAIL.sub("", self._clean_item(it)) for it in items]  # 海油工程珠海基地 -> 海油工程
            if len(items) == to_number(x.group("n")) and all(
                    (self._plausible_brand(it) and 2 <= len(it) <= 12) or it.endswith(self._legal_tuple) for it in items):
                for it in items:  # (a full legal name among them is found by the name grammar)
                    if not it.endswith(self._legal_tuple):
                        new.setdefault(it, "COMPANY")
        for x in self._context_re.finditer(text, overlapped=True):  # 与X达成, 引进X…项目
            rest = x.group("rest")
            for k in range(3, min(8, len(rest)) + 1):
                if "的" in rest[:k]:
                    break  # ``与已落地的风电整机项目``: a clause with 的 describes a project, it names no firm
                if self._brand_like(rest[:k], known) and self._context_right.match(rest[k:]):
                    new.setdefault(rest[:k], "COMPANY")
                    break
        for x in self._descriptor_re.finditer(text, overlapped=True):  # 龙头企业X实现…, 科创板公司X发布…
            rest = x.group("rest")
            ends_clause = text[x.end():x.end() + 1] in _CLAUSE_MARKS
            for k in range(min(8, len(rest)), 1, -1):  # the longest brand the right context allows
                if k == len(rest) and ends_clause and self._brand_shape(rest) and self._plausible_brand(rest):
                    new.setdefault(rest, "COMPANY")  # ``台资企业可成科技，…``: a firm-shaped name ends the clause
                    break
                if self._descriptor_right.match(rest[k:]) and self._plausible_brand(rest[:k]) and (
                        self._brand_like(rest[:k], known) or self._brand_shape(rest[:k])):
                    new.setdefault(rest[:k], "COMPANY")
                    break
        for x in self._predicate_re.finditer(text):  # A、B是园区最早的一批“老住户” / X是园区的龙头企业
            items = [self._clean_item(it) for it in x.group("rest").split("、")]
            start, _, _ = self._left_edge(text, x.end("rest"), sorted(m.end for m in found if m.label != "COMPANY"))
            first = text[start:x.end("rest")].split("、")[0]
            items[0] = first[self._list_head_cut(first):]
            if all(2 <= len(it) <= 8 and self._plausible_brand(it) for it in items):
                for it in items:
                    new.setdefault(it, "COMPANY")
        for x in self._stock_code_re.finditer(text):  # X（688093）: a listed firm's short name and code
            # a short form of the firm found before (世华 of 世华科技) does not stop the name
            _, brand, _ = self._brand_ending_at(text, x.start("code"), sorted(m.end for m in found if m.label != "COMPANY"))
            if 2 <= len(brand) <= 8 and self._plausible_brand(brand):
                new.setdefault(brand, "COMPANY")
        self._investor_companies(text, found, known, new)
        self._staff_companies(text, found, known, new)
        self._anaphor_companies(text, found, known, new)
        self._project_prefix_companies(text, found, known, new)
        self._country_brand_companies(text, found, known, new)
        self._builder_companies(text, found, known, new)
        self._subject_companies(text, found, known, new)
        self._site_companies(text, found, known, new)
        self._workplace_companies(text, found, known, new)
        self._enumerated_companies(text, found, known, new)
        names = known | new.keys()
        new = {w: label for w, label in new.items() if not self._extends_name(w, names - {w})}
        if not new:
            return found
        more = []
        starts = {m.start for m in found}
        for s, e, w in _literal_spans(new, text):
            if len(w) == 2 and not self._clear_left(text, s):
                continue
            more.append(Match(s, self._extend_business(text, e, starts), "COMPANY"))
        return _add_non_overlapping(found, more)

    def _brand_ending_at(self, text: str, k: int, ends: list[int]) -> tuple[int, str, bool]:
        """``(start, brand, has_place)`` of the words a frame at ``k`` follows: the left
        edge of the name characters ending at ``k`` (:meth:`_left_edge`), then the brand
        after the last boundary word among them."""
        start, _, has_place = self._left_edge(text, k, ends)
        brand = text[start:k]
        return start, brand[self._list_head_cut(brand):], has_place

    def _investor_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``长信科技投资32亿元的高端显示器件项目``: the brand opening a clause before an
        investment that builds a named project is its investor (``company_investor_re``)."""
        if "投资" not in text and "出资" not in text:
            return
        ends = sorted(m.end for m in found)
        for x in self._investor_re.finditer(text):
            k = x.start()
            if any(f.start < k <= f.end for f in found):
                continue  # a name already found invests (its company, or a park)
            start, brand, has_place = self._brand_ending_at(text, k, ends)
            if start in ends or (start > 0 and text[start - 1] not in "，,。；;：:！？!?\n、“\"》 \u3000"):
                continue  # not the opening of its clause
            if brand in known or not 2 <= len(brand) <= 8 or not self._plausible_brand(brand):
                continue
            if any(w in brand for w in self._investor_not) or brand.endswith(self._project_prefix_not):
                continue  # ``全区投资…``, ``项目总投资…``: a frame, not an investor
            if self._brand_shape(brand) or (3 <= len(brand) <= 6 and not has_place) or self._place_brand(brand):
                new.setdefault(brand, "COMPANY")  # (``湖北科达利投资10亿元的…项目``: a place and a brand)

    def _staff_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``芯映光电的招聘人员`` / ``星海精工董事长``: a firm-shaped brand right before its
        staff or officers (``company_staff_re``) is a company."""
        ends = sorted(m.end for m in found)
        for x in self._staff_re.finditer(text):
            k = x.start()
            if k < 3 or word_before(self._industry_by_len, text, max(0, k - 5), k) is None:
                continue  # no industry word ends the words before: no firm-shaped brand
            if any(f.start < k <= f.end for f in found):
                continue  # after a name already found (its staff)
            _, brand, _ = self._brand_ending_at(text, k, ends)
            if brand not in known and self._brand_shape(brand):
                new.setdefault(brand, "COMPANY")

    def _anaphor_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``同样尝到甜头的还有益宏电子。该公司…``: a firm-shaped brand ending the clause
        right before a sentence that refers to it as a firm (``company_anaphor_next_re``)
        is a company."""
        if "该" not in text and "这家" not in text:
            return
        ends = sorted(m.end for m in found)
        for x in self._anaphor_next_re.finditer(text):
            k = x.start()
            if any(f.start < k <= f.end for f in found):
                continue  # the name before is already found
            start, brand, _ = self._brand_ending_at(text, k, ends)
            lead = text[k - len(brand) - 1:k - len(brand)] if k - len(brand) > 0 else ""
            if lead in ("等", "的"):
                continue  # ``购置…等海洋工程装备。该公司``: a category after 等 / 的, not a name
            if brand not in known and self._brand_shape(brand):
                new.setdefault(brand, "COMPANY")

    def _project_prefix_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``东恒新能源年产5万吨导电材料项目`` / ``玖龙纸业二期项目``: the brand opening a
        project name before its capacity or phase marker is a company (SPEC 10)."""
        if "项目" not in text and "基地" not in text and "线" not in text and "工程" not in text:
            return
        ends = sorted(m.end for m in found)
        park_ends = {m[1] for m in found if m[2] == "PARK"}
        for m in self._project_prefix.finditer(text):
            k = m.start()
            if any(f.start < k <= f.end for f in found):
                continue  # the marker follows a name already found (its company or park)
            start, _, has_place = self._left_edge(text, k, ends)
            if start in ends and start not in park_ends:
                continue  # ``A公司单晶炉二期``: words right after a firm's name are its product
                # (after a park's name they are the firm in it: ``B工业园宏远新材年产…``)
            brand = text[start:k]
            if brand in known or not 2 <= len(brand) <= 8 or not self._plausible_brand(brand):
                continue
            if brand.endswith(self._project_prefix_not) or brand.startswith(self._project_prefix_not):
                continue  # a verb or a frame word before the capacity, not a brand
            if self._capacity_before.search(text, max(0, start - 12), start):
                continue  # ``40万吨有机硅一期``: the words after a capacity are its product, not a firm
            if brand.endswith(self._facility_words) and (start in park_ends or _facility_only(brand, self._facility_words)):
                continue  # ``X高新区标准厂房三期`` / ``标准厂房四期``: a zone's facility, not a firm
            if self._brand_shape(brand) or (2 <= len(brand) <= 4 and not has_place) or self._place_brand(brand):
                new.setdefault(brand, "COMPANY")
        # ``总投资10.3亿元的盛泉新材料项目``: a firm-shaped name (a brand, then industry words)
        # between an investment's 的 and 项目 is the investor (patterns: project_invested_brand_re)
        for m in self._invested_brand.finditer(text):
            brand = m.group("brand")
            if brand not in known and self._brand_shape(brand) and not any(
                    f.start < m.end("brand") and m.start("brand") < f.end for f in found):
                new.setdefault(brand, "COMPANY")

    def _builder_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``项目由蓝天化工投资建设``: a firm-shaped brand (brand + industry word) after 由 and
        before a builder's verb builds the project (``company_builder_re``)."""
        if "由" not in text or self._builder_re is None:
            return
        for x in self._builder_re.finditer(text):
            brand = x.group("brand")
            if any(f.start <= x.start("brand") < f.end for f in found):
                continue
            if brand not in known and self._brand_shape(brand) and not self._P.is_place(brand):
                new.setdefault(brand, "COMPANY")

    def _subject_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``新誉风机实现产值3.6亿元`` / ``福润食品、华杰建材分别实现产值…``: firm-shaped
        names opening a clause before a firm's own report are companies
        (``company_subject_re``); every item must look like a firm."""
        taken = _taken(found)
        for x in _clause_heads(text, self._subject_report, self._subject_head, _LAST_CLAUSE_MARK):
            if taken(x.start("rest"), x.end("rest")):
                continue
            items = [p for it in x.group("rest").split("、") for p in self._split_conj(it)]
            if all(it in known or (self._plain_name(it) and (self._brand_shape(it) or self._place_brand(it)))
                   for it in items):
                for it in items:
                    new.setdefault(it, "COMPANY")

    def _site_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``吉利西安基地上半年整车产量…``: a brand, then a place, then 基地/工厂 opening a
        clause (``company_site_re``): the brand is the firm whose site the place names."""
        taken = _taken(found)
        for x in _clause_heads(text, self._site_tail, self._site_head, _LAST_CLAUSE_OR_LIST_MARK):
            rest = x.group("rest")
            if taken(x.start("rest"), x.end("rest")):
                continue
            for k in range(2, len(rest) - 1):
                brand, place = rest[:k], rest[k:]
                if not self._P.is_place(place) or self._P.is_place(brand):
                    continue
                if brand in known or (self._plain_name(brand) and self._plausible_brand(brand) and (
                        self._brand_shape(brand) or len(brand) <= 4)):
                    new.setdefault(brand, "COMPANY")
                break

    def _workplace_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``河套面业的新厂房里，…``: a brand owning a workplace at the head of a clause
        (``company_workplace_*``) is a firm."""
        if "的" not in text:
            return
        taken = _taken(found)
        for x in _clause_heads(text, self._workplace_tail, self._workplace_head, _LAST_CLAUSE_OR_LIST_MARK):
            brand = x.group("rest")
            if taken(x.start("rest"), x.end("rest")) or self._P.is_place(brand):
                continue
            # (a firm-shaped brand only: ``偌大的厂房里``, ``一间租来的厂房`` name no firm)
            if brand in known or (self._plain_name(brand) and self._plausible_brand(brand) and self._brand_shape(brand)):
                new.setdefault(brand, "COMPANY")

    def _enumerated_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``1. 重庆X精密合金股份有限公司⏎2. 重庆Y智能装备有限公司⏎…⏎5. 蒲吕新材料``: a numbered
        list, one name a line, whose items are mostly firms' legal names; an item that is only
        a firm-shaped name (a brand, then industry words) is a firm too."""
        if "\n" not in text:
            return
        firms = {(m.start, m.end) for m in found if m.label == "COMPANY"}
        run: list[tuple[int, int]] = []  # (start, end) of the item names of the current run
        for line in [*_ITEM_LINE.finditer(text), None]:
            if line is not None and (not run or text.count("\n", run[-1][1], line.start()) <= 1):
                run.append(line.span("item"))
                continue
            if len(run) >= 3 and 2 * sum(1 for r in run if r in firms) >= len(run):
                for a, b in run:
                    item = text[a:b]
                    if (a, b) not in firms and item not in known and self._brand_shape(item):
                        new.setdefault(item, "COMPANY")
            run = [line.span("item")] if line is not None else []

    def _plain_name(self, item: str) -> bool:
        """No boundary word (力争, 全省…) inside, no generic head (高端…) in front: the clause
        opens with the name itself."""
        return (not any(b.end(1) < len(item) for b in self._boundary_at.finditer(item))
                and not item.startswith(self._generic_brand_heads))

    def _country_brand_companies(self, text: str, found: list[Match], known: set[str], new: dict[str, str]) -> None:
        """``美国恒力新能源汽车电池包系统生产项目``: a country, then a brand of two to four
        characters that an industry word follows, opening a project name, is a foreign firm
        (the country kept in its name, as the article writes it)."""
        if self._country_brand is None or "项目" not in text and "基地" not in text:
            return
        for m in self._country_brand.finditer(text):
            k = m.end("brand")
            if any(f.start <= m.start() < f.end for f in found):
                continue
            if word_at(self._industry_by_len, text, k) is None:
                continue  # no industry word after the brand: no firm's project
            if _CLAUSE_TAIL.match(text, k) is None:
                continue  # the words after it are no project's name
            brand = m.group("brand")
            if self._plausible_brand(brand) and not self._sector_item(brand) and not self._P.is_place(brand):
                new.setdefault(m.group(0), "COMPANY")

    def _place_brand(self, brand: str) -> bool:
        """``曲靖融合`` / ``扬州晶澳``: a place, then a brand of two or three characters that
        is no place, sector or industry word (the firm's local unit, named before its
        project)."""
        if not 4 <= len(brand) <= 6:
            return False
        rest = self._P.strip_leading(brand, keep_core=False)
        place = self._P.first(brand)
        if place is None or place != (0, len(brand) - len(rest)):
            return False  # no place first, or two places (``在兰州甘肃中科…项目现场``)
        return (2 <= len(rest) <= 3 and self._plausible_brand(rest) and rest not in self._site_words
                and not self._sector_item(rest) and not self._P.is_place(rest))

    def _list_clauses(self, text: str) -> list[str]:
        """The clauses (runs between punctuation, :data:`_CLAUSE_END`) of ``text``
        that hold a ``、`` or an ``等企业`` cue, left to right."""
        cue = _LIST_CUE
        n = len(text)
        out: list[str] = []
        pos = 0
        comma = text.find("、")
        m = cue.search(text)
        cue_at = m.start() if m else -1
        backwards = ""
        while True:
            if 0 <= comma < pos:
                comma = text.find("、", pos)
            if 0 <= cue_at < pos:
                m = cue.search(text, pos)
                cue_at = m.start() if m else -1
            at = min(comma, cue_at) if comma >= 0 and cue_at >= 0 else max(comma, cue_at)
            if at < 0:
                return out
            m = _CLAUSE_END.search(text, at)
            end = m.start() if m else n
            backwards = backwards or text[::-1]
            m = _CLAUSE_END.search(backwards, n - at)
            out.append(text[n - m.start() if m else 0 : end])
            pos = end

    def _all_items_brand_like(self, items: list[str], known: set[str]) -> bool:
        """Whether every item of a list without a closer, cleaned (the first one
        after its head cut), is brand-like; the later items first, stopping early."""
        for it in items[1:]:
            if not self._firm_item(self._clean_item(it), known):
                return False
        head = items[0]
        return self._firm_item(self._clean_item(head[self._list_head_cut(head) :]), known)

    def _before_predicate(self, last: str, known: set[str]) -> str:
        """The last item of a list without a closer, up to a predicate or a figure's word that
        follows a brand-shaped name (``国电库车发电均实现增长`` -> ``国电库车发电``, ``徐工矿山机械
        产值增长`` -> ``徐工矿山机械``) or up to a firm's full name found before, else as it is."""
        for k in range(min(8, len(last) - 1), 2, -1):
            if (last.startswith(self._list_predicates, k) or last.startswith(self._right_edges, k)) and self._firm_item(last[:k], known):
                return last[:k]
        name = max((k for k in known if last.startswith(k)), key=len, default="")
        return name if len(name) > 8 else last  # ``…、A有限公司入库税收分别为…``: the firm's full name

    def _list_close(self, last: str) -> Optional[int]:
        """Where the closer of a list (``等企业``, ``为代表``, ``项目``) starts in its last item."""
        if self._closer_search is None:
            for k in range(1, len(last) + 1):
                if self._closer.match(last[k:]) or self._project_tail.match(last[k:]) and last[k:].startswith(("项目", "工程")):
                    return k
            return None
        m = self._closer_search.search(last, 1) if last else None
        close = m.start() if m else None
        for tail in ("项目", "工程"):
            k = last.find(tail, 1)
            while 0 <= k and (close is None or k < close):
                if self._project_tail.match(last[k:]):
                    close = k
                    break
                k = last.find(tail, k + 1)
        return close

    def _list_head_cut(self, first: str) -> int:
        """Where the first item of a list starts: after its last boundary word."""
        cut = 0
        for b in self._boundary_at.finditer(first):
            if cut < b.end(1) < len(first):
                cut = b.end(1)
        return cut

    def _clean_item(self, item: str) -> str:
        """A list item without a phase (``二期``) or project tail, nor the words that
        modify it (``长沙的比亚迪``: a firm's name never holds 的)."""
        item = item[item.rfind("的") + 1:]
        return _without_phase(self._project_tail.sub("", _without_phase(item)))

    def _split_conj(self, item: str) -> list[str]:
        """``A和B`` -> ``[A, B]`` when both sides are two characters or more."""
        for k, ch in enumerate(item):
            if ch in self._item_conj and k >= 2 and len(item) - k - 1 >= 2:
                return [item[:k]] + self._split_conj(item[k + 1 :])
        return [item]

    def _brand_like(self, item: str, known: set[str]) -> bool:
        """``利乐包装``: a non-generic brand of 2-4 characters plus an industry word."""
        return item in known or self._brand_shape(item)

    def _firm_item(self, item: str, known: set[str]) -> bool:
        """An item of a list of firms (not of projects): brand-like, or a firm of the
        document followed by the two characters of one of its units (``上汽大众``,
        ``北汽福田`` after ``上汽``, ``北汽``; in a list of projects they name a product:
        ``星海单晶炉二期``)."""
        return self._brand_like(item, known) or (
            4 <= len(item) <= 8 and self._unit_of_known(item, known) and self._plausible_brand(item))

    def _unit_of_known(self, item: str, known: set[str]) -> bool:
        """``上汽大众``: a firm of the document and two characters naming one of its units
        (not a count, a phase or a product: ``通威两家``, ``晶科二期``, ``海辰储能锂电``)."""
        unit = next((item[len(k):] for k in known if len(k) >= 2 and item.startswith(k) and len(item) - len(k) == 2), None)
        return (unit is not None and _HAN_PAIR.fullmatch(unit) is not None and unit not in self._industry_set
                and unit not in self._generic_brands and not any(c in _UNIT_NOT for c in unit))

    def _brand_shape(self, item: str) -> bool:
        """:meth:`_brand_like` without the document's known names: a brand of two to
        four characters, then one or two industry words."""
        if not 3 <= len(item) <= 8:
            return False
        brand, n = self._peel_industry(item)  # ``宏源石油装备``: a brand, then two industry words
        return n > 0 and 2 <= len(brand) <= 4 and self._plausible_brand(brand) and not brand.endswith(self._industry)

    def _without_site(self, item: str) -> str:
        """``宁德时代厦门基地`` -> ``宁德时代``: a firm's site named by a place is the firm
        (``南汽新能源整车基地`` stays: 整车 is no place)."""
        m = _SITE_TAIL.search(item)
        return item[: m.start()] if m is not None and self._P.is_place(item[m.start() : m.start() + 2]) else item

    def _sector_item(self, item: str) -> bool:
        """``光伏`` / ``电子信息产业`` / ``风电塔筒``: a list item that names a sector, an
        industry or a product of one, not a firm."""
        return (item in self._generic_brands or item in self._industry_set
                or (item.endswith(self._sector_tails) and not self._brand_shape(item))
                or any(item[:k] in self._generic_brands for k in range(2, min(5, len(item) - 1))))

    def _plausible_brand(self, s: str) -> bool:
        if not 2 <= len(s) <= 8 or not _BRAND_CHARS.fullmatch(s):
            return False
        if s in self._generic_brands or s in self._short_stop or self._P.is_place(s):
            return False
        if s.startswith(self._generic_heads) or s.endswith(self._park_suffixes):
            return False
        return self._not_company_head_re.search(self._without_industry(s)) is None

    def _extends_name(self, item: str, names: Iterable[str]) -> bool:
        """``日盛达光伏玻璃`` after ``日盛达`` (or ``摩登新能源汽车`` after ``北汽摩登``): a firm of
        the document, or the end of its name, then two industry words (its line of business,
        not another firm; one word, as in ``世华科技`` after ``世华``, is its full name)."""
        head, n = self._peel_industry(item)  # the brand before the two words
        return n == 2 and len(head) >= 2 and any(name.endswith(head) for name in names)

    def _without_industry(self, s: str) -> str:
        """``鑫达汽车零部件`` -> ``鑫达``: the name without the one or two industry words that
        end it (an industry word may contain a head word: 零部件 is no 部)."""
        return self._peel_industry(s)[0]

    def _peel_industry(self, s: str) -> tuple[str, int]:
        """``(head, n)``: ``s`` without the one or two industry words that end it (never the
        whole of it), and how many there were."""
        n = 0
        while n < 2:
            w = word_before(self._industry_by_len, s, 0, len(s))
            if w is None or len(w) >= len(s):
                break
            s, n = s[: -len(w)], n + 1
        return s, n


_CLAUSE_MARKS = "。；;，,：:！？!?\n"
# the last clause mark before a position (searched backwards: ``regex.REVERSE``), with and
# without the list comma
_LAST_CLAUSE_MARK = regex.compile("[" + regex.escape(_CLAUSE_MARKS) + "]", flags=regex.REVERSE)
_LAST_CLAUSE_OR_LIST_MARK = regex.compile("[" + regex.escape(_CLAUSE_MARKS + "、") + "]", flags=regex.REVERSE)


def _clause_heads(text: str, tail_re: "regex.Pattern[str]", head_re: "regex.Pattern[str]",
                  marks: "regex.Pattern[str]") -> Iterator["regex.Match[str]"]:
    """Matches of ``head_re`` over the whole clause (back to the last of ``marks``) before
    each match of ``tail_re`` (the rare tail word is found first, then the clause it ends is
    tested: far cheaper than trying the head at every position)."""
    last_mark = marks.search
    for t in tail_re.finditer(text):
        lo = max(0, t.start() - 65)
        m = last_mark(text, lo, t.start())
        if m is None and lo > 0:
            continue  # a clause longer than any head
        h = head_re.fullmatch(text, m.end() if m is not None else 0, t.start())
        if h is not None:
            yield h


# one enumerated name alone on its line: ``5. 蒲吕新材料``, ``（三）X有限公司``
_ITEM_LINE = regex.compile(r"(?m)^[ \t\u3000]*(?:\d{1,2}[.．、]|[（(]\d{1,2}[)）]|[①-⑳])[ \t\u3000]*(?P<item>[^\s，,。；;：:、]{2,30}?)[ \t\u3000]*$")


def _facility_only(brand: str, facilities: tuple[str, ...]) -> bool:
    """Whether ``brand`` is a facility word with at most a two-character qualifier
    (``标准厂房``, ``人才公寓``-like words), no firm's name."""
    word = next((f for f in facilities if brand.endswith(f)), "")
    return len(brand) - len(word) <= 2
