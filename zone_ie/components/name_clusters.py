"""Document-level names and clusters: declared aliases (``X（以下简称“Y”）``), short
forms of full names (``宁波甬飞科技发展有限公司`` -> ``甬飞科技`` / ``甬飞``, also
abbreviating the rest: ``兴化湾精机``), place-stripped and abbreviated park names
(``西宁留学人员创业园`` -> ``留创园``), and the cluster key of every mention (``span.id_``).
A mixin of :class:`ZoneEntityRuler`."""
from __future__ import annotations

import re
from typing import Callable, Optional

from ..clusters import company_core, core_shorts, park_key, word_at, word_before
from .ruler_text import (
    _BRACKETED_HEAD, _GENERIC_PARK_WORDS, _HAN_RUN, Match, _add_non_overlapping, _han_between, _literal_spans,
)

Alias = tuple[int, int, int, int, str]  # (name start, name end, alias start, alias end, label)


_LIST_MARK_BEFORE = re.compile(r"[（(][一二三四五六七八九十\d]{1,3}[)）]$")


_PLACE_BRACKET = re.compile(r"[（(](?P<place>[\u4e00-\u9fff]{2,4})[)）][\u4e00-\u9fff]{0,8}(?:有限|股份)")


class NameClusters:
    """Short names, aliases and cluster keys (see the module docstring)."""

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
                            and not self._short_not.match(s)  # 中国第二重型… -> not ``第二``
                            and (s == name or (s not in self._generic_brands and s not in self._industry_set))):
                        # (中国化工集团 -> not ``化工``: a short name is never a sector word)
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
                if grown > e:
                    e = grown
                else:
                    n = _abbreviated(text, e, rests.get(w, ""))
                    while n >= 2 and not self._name_ends_at(text, e + n, starts) and self._word_runs_on(text, e + n - 1, e + n):
                        n -= 1  # ``尼嘉新材技术总监``: the abbreviation does not end inside a word (技 of 技术)
                    e += n if n >= 2 else 0
            more.append(Match(s, e, shorts[w]))
        return _add_non_overlapping(found, more)

    def _word_runs_on(self, text: str, k: int, end: int) -> bool:
        """Whether an industry word starting at ``k`` runs on past ``end`` (``技术`` at 技)."""
        w = word_at(self._industry_heads_by_len, text, k)
        return w is not None and k + len(w) > end

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

    def _bare_firm_forms(self, found: list[Match], node: list[str], names: list[str], declared: set[str],
                         union: Callable[[str, str], None]) -> None:
        """``恒拓公司`` joins ``安徽恒拓汽车部件有限公司``: a brand with a bare 公司 names the one
        full name of the document whose core (its place left out) opens with that brand."""
        bare = [(n, nm) for m, n, nm in zip(found, node, names)
                if m.label == "COMPANY" and nm == n[2:] + "公司" and nm not in declared and 2 <= len(n) - 2 <= 4]
        if not bare:
            return
        cores: dict[str, set[str]] = {}
        for m, n, nm in zip(found, node, names):
            if m.label == "COMPANY" and nm.endswith(self._legal_tuple) and nm != n[2:] + "公司":
                core = n[2:]
                for c in {core, self._P.strip_leading(core, keep_core=False)}:
                    cores.setdefault(c, set()).add(n)
        for n, _ in bare:
            brand = n[2:]
            hits = {x for c, ns in cores.items() if c.startswith(brand) and len(c) > len(brand) for x in ns}
            if len(hits) == 1:
                union(next(iter(hits)), n)

    def _park_suffix_of(self, name: str) -> str:
        """The longest zone suffix that ``name`` ends with, or ``""``."""
        return word_before(self._park_suffixes_by_len, name, 0, len(name)) or ""

    def _company_core(self, name: str) -> str:
        return company_core(name, self._P, self._legal_forms)

    def _company_shorts(self, name: str) -> list[str]:
        """:func:`~zone_ie.clusters.company_shorts` of ``name`` (shared: do not modify the list)."""
        return core_shorts(self._company_core(name), self._business)

    def _park_key(self, name: str) -> str:
        return park_key(name, self._P, self._PK)

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
        if s >= 2 and text[s - 1] in "年月日" and text[s - 2].isdigit():
            return True  # ``2024年通合…``: a date before the name
        if text[s - 1] in ")）" and _LIST_MARK_BEFORE.search(text, max(0, s - 6), s):
            return True  # ``(二)安佑年产…``: an item marker before the name
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
                regional = _PLACE_BRACKET.search(name) if name.endswith(self._legal_tuple) else None
                if regional is not None and self._P.is_place(regional.group("place")):
                    # ``X（宁德）有限公司``: a regional firm of its own, not X股份有限公司 nor the short X
                    n += "@" + regional.group("place")
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
        declared = {text[as_:ae] for _, _, as_, ae, label in aliases if label == "COMPANY"}
        for m, n, nm in zip(found, node, names):  # short names join the first full name they abbreviate
            if m.label == "COMPANY" and n[2:] in owner and owner[n[2:]] != n and nm not in declared:
                # (a declared short name joins the name it was declared for, below: 山西尚太 of
                # 山西尚太锂电科技有限公司, not 石家庄尚太科技股份有限公司 whose core is also 尚太)
                union(owner[n[2:]], n)
        self._bare_firm_forms(found, node, names, declared, union)
        for m, n, nm in zip(found, node, names):
            # ``中国（X）自由贸易试验区Y片区`` / ``X自贸试验区Y片区`` / ``Y片区``: one area of the zone
            if m.label == "PARK" and nm.endswith(self._ftz_area):
                k = max(nm.rfind(f) + len(f) if nm.rfind(f) >= 0 else -1 for f in self._ftz)
                if 0 < k < len(nm) - 2:
                    union(self._park_node(nm[k:]), n)
        parks = sorted({nm for m, nm in zip(found, names) if m.label == "PARK"}, key=len, reverse=True)
        for m, n, nm in zip(found, node, names):
            # ``临港片区`` of ``川南临港片区``: an area named by the tail of one longer area's name
            if m.label == "PARK" and nm.endswith(self._ftz_area) and len(nm) >= 4:
                longer = {find(self._park_node(f)) for f in parks if len(f) > len(nm) and f.endswith(nm)}
                if len(longer) == 1:
                    union(next(iter(longer)), n)
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
        for m, n, nm in zip(found, node, names):
            # ``海宁分区`` of ``X开发区海宁分区`` (declared ``漕河泾海宁分区``): once the declared names
            # are joined, an area's tail joins the one cluster of the longer areas ending in it
            if m.label == "PARK" and nm.endswith(self._zone_area) and len(nm) >= 4:
                longer = {find(self._park_node(f)) for f in parks if len(f) > len(nm) and f.endswith(nm)}
                if len(longer) == 1:
                    union(next(iter(longer)), n)
        root = {n: find(n) for n in dict.fromkeys(node)}  # the unions are done: roots are final
        best: dict[str, str] = {}
        for n, name in zip(node, names):
            r = root[n]
            cur = best.get(r)
            if cur is None or len(name) > len(cur):
                best[r] = name
        return [Match(m.start, m.end, m.label, best[root[n]]) for m, n in zip(found, node)]


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
