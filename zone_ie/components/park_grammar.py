"""Park names from the zone-suffix grammar (``patterns/grammar.json``): a zone suffix
(``高新区``, ``经济技术开发区``, ``产业园``…) extended to the left over name characters, cut
after the last boundary word, a place (or a county, for parks) starting the name; and the
left edges that company names share. A mixin of :class:`ZoneEntityRuler`: it uses the
ruler's compiled patterns and word lists."""
from __future__ import annotations

import re

from bisect import bisect_left, bisect_right, insort

from ..clusters import Places, county_name_set, word_before
from .ruler_text import _COUNTED, _COUNTED_INSIDE, _LEADING_BRACKETED, Match, _literal_spans, _non_overlapping, _starts_with_place


_DISTRICT_AFTER = re.compile(r"·(?P<stem>[\u4e00-\u9fff]{1,3}?)[区县]")


class ParkGrammar:
    """Left edges of names and park names from the suffix grammar (see the module docstring)."""

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
        if k and i == taken_ends[k - 1] and i < end_of_prefix - 1 and text[i] in "内里":
            i += 1  # ``电气科技产业园内鹰城智能电气有限公司``: 内 after a name places what follows
        cut, place, has_place = self._prefix_edge(text[i:end_of_prefix], park)
        start = i + cut
        while start < end_of_prefix - 1 and text[start] == "的" and place == 0:
            start += 1  # ``重点引进的亚东药业项目``: a name never starts with the particle 的
        return start + place, start, has_place

    def _written_alone(self, text: str, name: str) -> int:
        """How often ``name`` is written not as the head of a longer zone word (``盈科智谷`` in
        ``盈科智谷产业园`` does not count)."""
        n, k = 0, text.find(name)
        while k >= 0:
            if not text.startswith(self._park_suffixes, k + len(name)):
                n += 1
            k = text.find(name, k + len(name))
        return n

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
        # 研究所与X: a conjunction after an organisation (cut only grows: look at k >= cut);
        # for a park also after a whole place with its level (``昆明市及X经开区``)
        for c in conj.finditer(prefix, max(1, cut), len(prefix) - 1):
            k = c.start()
            if (prefix[k - 1] in self._org_tail or (not park and len(prefix) - k > 4 and self._firm_shaped(prefix[cut:k]))
                    or (park and prefix[k - 1] in self._place_level_tails and any(pe == k for _, pe in places))) and not any(
                    s <= k < e for s, e in places):
                cut = k + 1  # (``…、凯威智能科技和百优特生物科技有限公司``: a firm-shaped name, then 和)
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
                if head is None:  # ``沪苏大丰产业联动集聚区``: the partners' one-character names
                    head = next((prefix[s - n:s] for n in (3, 2) if s - n >= cut
                                 and all(ch in self._partners for ch in prefix[s - n:s])), None)
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
        after_zone: set[str] = set()  # parts named right after their zone, found again in the text
        ends = sorted(t.end for t in taken)  # of taken + out, kept sorted
        min_prefix = int(self.grammar["park_needs_prefix_len"])
        for m in self._park_suffix_re.finditer(text):
            start, uncut, has_place = self._left_edge(text, m.start(), ends, park=True)
            if text.startswith("度", start) and text[start - 1 : start] == "年":
                start += 1  # ``2023年度省级开发区考评``: 度 closes the year, it opens no name
            lead = _LEADING_BRACKETED.match(text, start, m.start())
            if lead is not None:
                start = lead.end()  # ``(同期声)X经济开发区``: a bracketed label before the name
            start = self._dash_pair_start(text, start)
            run = text[uncut : m.start()]
            k = max(run.rfind("（"), run.rfind("("))
            if k >= 0 and "）" not in run[k:] and ")" not in run[k:]:
                # ``A软件园（B高新技术产业园）``: a name never holds an unclosed bracket; a
                # place right after it starts the name
                start = uncut + k + 1
            prefix = text[start : m.start()]
            close = max(prefix.rfind("）"), prefix.rfind(")"))
            if close >= 0 and "（" not in prefix[:close] and "(" not in prefix[:close]:
                # ``各县（市、区）和开发区``: a name never holds a bracket it did not open
                start, prefix = start + close + 1, prefix[close + 1:]
            bare = next((w for w in self._park_suffixes if prefix.startswith(w)), None) if prefix.startswith(self._park_suffixes) else None
            if bare is not None and len(prefix) - len(bare) >= 2:
                # ``在开发区特种纸产业园``: a bare zone word (the zone said again) before a sub-park
                start, prefix = start + len(bare), prefix[len(bare):]
            level = next((w for w in self._level_heads if prefix.startswith(w)), None) if prefix.startswith(self._level_heads) else None
            if level is not None and len(prefix) - len(level) >= 2:
                start, prefix = start + len(level), prefix[len(level):]  # ``国家级青禾经开区``
            suffix = m.group()
            if prefix.endswith(self._org_prefix_tails):
                continue  # ``省商务厅开发区处``: an office named after its organisation, no park
            if self._class_tail.search(prefix):
                continue  # ``省级开发区``, ``国家级新区``, ``五星级开发区``: a class of zones, not a zone
            if suffix in self._group_suffixes and self._group_prefix.search(prefix):
                continue  # ``黑龙江省开发区``, ``吕梁市各开发区``, ``三市开发区``: a group of zones, not a zone
            if not has_place and suffix == "新区" and len(prefix) > 2:
                start, prefix = m.start() - 2, prefix[-2:]  # X新区 names are two characters
            if suffix == "新区" and prefix and (prefix.endswith(self._park_suffixes) or (
                    prefix[-1] in self._leading_cut and (len(prefix) < 3 or prefix[:-1].endswith(self._park_suffixes)))):
                continue  # ``高新区与新区`` / ``区与新区``: a zone word and a conjunction are no name of a 新区
            if not prefix and suffix in self._zone_part_suffixes:
                # ``X经开区综合保税区``: a bonded zone named by the zone right before it
                zone = next((t for t in (*taken, *out) if t.end == start and t.label == "PARK"), None)
                if zone is not None:
                    out = [o for o in out if o is not zone]
                    out.append(Match(zone.start, m.end(), "PARK"))
                    insort(ends, m.end())
                    continue
            if len(prefix) >= 2 and self._conj.match(prefix[-1]) and (prefix[-2] in self._category_ends or (len(prefix) >= 4 and not self._PK.spans(prefix))):
                # ``全市各县区和开发区``, ``主要目标和开发区``: a zone word after a conjunction that
                # closes a category or a placeless phrase names no zone (``太和经开区``,
                # ``安徽太和经济开发区``, ``研和工业园区``: a name's 和)
                continue
            if len(prefix) < min_prefix:
                continue
            if prefix in self._kind_adjectives:
                continue  # ``打造绿色化工园区``: an adjective and a zone word name a kind of zone
            if prefix.startswith(self._generic_heads) or _COUNTED.match(prefix) or _COUNTED_INSIDE.search(prefix):
                continue  # ``五大园区``, ``杭州四个国家级经开区``: a count of zones, not a name
            if suffix in self._ftz_area:
                # ``中国（X）自由贸易试验区Y片区``: an area named right after its free-trade zone
                # (the area's name may hold a place its cut started at: ``…试验区川南临港片区``)
                ftz = next((t for t in taken + out if t.end in (start, uncut) and text.endswith(self._ftz, t.start, t.end)), None)
                if ftz is not None and len(prefix) >= 2:
                    out = [o for o in out if o is not ftz]
                    out.append(Match(ftz.start, m.end(), "PARK"))
                    insort(ends, m.end())
                    continue
            if suffix in self._zone_area and len(prefix) >= 2:
                # ``上海漕河泾新兴技术开发区海宁分区``: a zone's area in another place, named right
                # after the zone: one park
                zone = next((t for t in taken + out if t.end in (start, uncut) and t.label == "PARK"), None)
                if zone is not None:
                    out = [o for o in out if o is not zone]
                    out.append(Match(zone.start, m.end(), "PARK"))
                    insort(ends, m.end())
                    continue
            if has_place and suffix.endswith(self._city_place_suffixes) and self._PK is not self._P:
                has_place = self._prefix_edge(prefix, False)[2]  # ``花山片区``: a county's area, not a zone
            if suffix.endswith(self._weak_suffixes) and suffix not in self._strong_suffixes and not has_place:
                # (``台商投资区`` is a zone word of its own, though it ends with the weak 投资区)
                direction = next((d for d in self._direction_areas if prefix.endswith(d)), None)
                if direction is not None and suffix in self._direction_suffixes:
                    # ``选址城北片区``: a sub-area named by its direction (城北, 江北, 东部…)
                    start = m.start() - len(direction)
                elif (len(prefix) >= 2 and suffix.endswith(self._after_zone_suffixes)
                      and self._after_zone(text, start, (*taken, *out))):
                    # ``株洲高新区董家塅高科园``, ``X经开区（以下简称“Y”）中和片区``: a part named right
                    # after its zone (found again below)
                    after_zone.add(text[start:m.end()])
                elif not (2 <= len(prefix) <= 4 and not suffix.endswith(self._city_place_suffixes)
                          and self._written_alone(text, text[start:m.end()]) >= self._weak_repeat_min):
                    # (``榆神工业区`` written again and again: the text's own zone, though no place names it;
                    # not a 片区, which is also any district of a city)
                    continue
            out.append(Match(start, m.end(), "PARK"))
            insort(ends, m.end())
            if uncut < start:
                cut_from[(start, m.end())] = uncut
        if after_zone:
            have = {(o.start, o.end) for o in out}
            spans = [(t.start, t.end) for t in (*taken, *out)]
            for a, b, _ in _literal_spans(after_zone, text):
                if (a, b) not in have and not any(x < b and a < y for x, y in spans):
                    out.append(Match(a, b, "PARK"))
            out.sort(key=lambda o: o.start)
        return out, cut_from

    def _after_zone(self, text: str, start: int, found: tuple[Match, ...]) -> bool:
        """Whether a park ends at ``start``, or right before the bracketed short name
        declared for it that ends at ``start`` (``A（以下简称“a”）``)."""
        ends = {t.end for t in found if t.label == "PARK"}
        if start in ends:
            return True
        if not text.startswith(("）", ")"), start - 1):
            return False
        paren = self._alias_paren.search(text, max(0, start - 30), start)
        return paren is not None and paren.start() in ends

    def _firm_shaped(self, run: str) -> bool:
        """``凯威智能科技``: a brand of two or more characters and industry words, ten at most."""
        if not 4 <= len(run) <= 10:
            return False
        w = word_before(self._industry_by_len, run, 0, len(run))
        return w is not None and len(run) - len(w) >= 2 and run[:2] not in self._generic_brands

    def _dash_pair_start(self, text: str, start: int) -> int:
        """``德阳—阿坝生态经济产业园区``, ``江阴—靖江工业园区``, ``中国—印度尼西亚…示范园区``: two
        places (or 中国 and a partner country) joined by a dash name one cooperation park;
        the first place, before the dash, opens the name."""
        if start < 3 or text[start - 1] not in "—–－-" or text[start - 2] in "—–－-":
            return start  # (``——访X高新区``: a double dash leads a subtitle)
        for n in (4, 3, 2):
            head = text[start - 1 - n:start - 1]
            if len(head) == n and (head == "中国" or self._PK.is_place(head)):
                return start - 1 - n
        return start

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

    def _longer_short_forms(self, text: str, found: list[Match]) -> list[Match]:
        """``川南临港片区`` after ``中国（四川）自由贸易试验区川南临港片区``: a short park mention
        preceded by the characters that make it a longer tail of a fuller name of the
        document takes them (a prefix cut as a place or debris, ``川南``, belongs to it)."""
        parks = {text[m.start:m.end] for m in found if m.label == "PARK"}
        fuller = {n: [p for p in parks if len(p) > len(n) + 1 and p.endswith(n)] for n in parks}
        if not any(fuller.values()):
            return found
        out: list[Match] = []
        for m in found:
            longer = fuller.get(text[m.start:m.end]) if m.label == "PARK" else None
            if longer:
                start = m.start
                floor = out[-1].end if out else 0
                edge = word_before(self._boundaries_by_len, text, floor, m.start)
                if edge is not None:
                    floor = m.start  # ``其中航空经开区``: a boundary word ends right before the name
                for k in range(1, 7):
                    a = m.start - k
                    if a < floor or not "\u4e00" <= text[a] <= "\u9fff":
                        break
                    tail = text[a:m.end]
                    if any(p.endswith(tail) and len(p) > len(tail) for p in longer):
                        start = a
                if start != m.start:
                    m = Match(start, m.end, "PARK", m.id)
            out.append(m)
        return out

    def _with_district(self, text: str, found: list[Match]) -> list[Match]:
        """``黄石经济技术开发区·铁山区``, ``荆门高新区·掇刀区``: a zone joined by ``·`` to the
        district it is run together with is one name (the district's short form is a county
        of ``patterns/counties.json``)."""
        if "·" not in text:
            return found
        out: list[Match] = []
        starts = {m.start for m in found}
        for m in found:
            if m.label == "PARK" and text.startswith("·", m.end):
                d = _DISTRICT_AFTER.match(text, m.end)
                if d is not None and d.group("stem") in county_name_set() and d.end() not in starts and not any(
                        o.start < d.end() and m.end < o.end for o in found if o is not m):
                    m = Match(m.start, d.end(), "PARK", m.id)
            out.append(m)
        return out

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
