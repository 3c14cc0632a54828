"""Sub-parks named in the enumeration of a zone's parts (``实行“一区多园”管理模式，…包括
金沙园一期、金沙园二期、金古东区、北区和绿色循环经济园``; ``下辖A片区、B片区和C园``): the part of
the entity ruler's grammar that reads short sub-park names, which carry no place and no
full zone suffix, from the list that introduces them (or that a count of parks closes:
``布局有A、B和C三个专业园区``, ``A、B和C三个园区上半年…``), then finds them again in the text.
A mixin of :class:`ZoneEntityRuler`; the frame and item patterns are
``patterns/grammar.json`` (``sub_park_list_re``, ``sub_park_list_counted_re``,
``sub_park_list_opening_re``, ``sub_park_item_re``)."""
from __future__ import annotations

import regex

from .ruler_text import Match, _add_non_overlapping, _literal_spans, _without_phase


class SubParkListGrammar:
    """Sub-park names read from a zone's enumeration of its parts (see the module docstring)."""

    def _init_sub_park_lists(self, g: dict) -> None:
        self._sub_lists = [regex.compile(g.get(k, r"(?!)")) for k in ("sub_park_list_re", "sub_park_list_counted_re", "sub_park_list_opening_re")]
        self._sub_item = regex.compile(g.get("sub_park_item_re", r"(?!)"))
        self._sub_not = frozenset(g.get("sub_park_not_names", []))
        self._sub_min_literal = int(g.get("sub_park_literal_min_len", 3))

    def _sub_park_lists(self, text: str, found: list[Match]) -> list[Match]:
        """``found`` plus every mention of the sub-parks listed in the text's enumerations."""
        # (the third pattern, a list that only opens its clause, counts when it adds at most
        # one name to parks already found: ``A产业园、B产业园、火炬园三个园区…``)
        frames = [(i, m) for i, pattern in enumerate(self._sub_lists) for m in pattern.finditer(text)]
        if not frames:
            return found
        listed: list[Match] = []  # the items where the list names them
        names: set[str] = set()   # names to find again in the whole text
        known = {text[f.start:f.end] for f in found if f.label == "PARK"}
        for i, m in frames:
            rest, at = m.group("rest"), m.start("rest")
            items = self._sub_items(rest, known)
            if len(items) < 2:
                continue
            if i == 2 and sum(item not in known for _, item in items) > 1:
                continue
            for k, item in items:
                listed.append(Match(at + k, at + k + len(item), "PARK"))
                for name in {item, _without_phase(item)}:
                    if len(name) >= self._sub_min_literal:
                        names.add(name)
        if not listed:
            return found
        more = list(listed)
        more += [Match(s, e, "PARK") for s, e, _ in _literal_spans(names, text)]
        return _add_non_overlapping(found, more)

    def _sub_items(self, rest: str, known: frozenset[str] | set[str] = frozenset()) -> list[tuple[int, str]]:
        """``(offset, item)`` of the list at the start of ``rest`` when every item is a
        sub-park name (``金沙园一期``, ``北区``, ``绿色循环经济园``) or a park already
        found (``known``); else ``[]``."""
        out: list[tuple[int, str]] = []
        pos = 0
        if "、" not in rest:
            # ``分为东门片区和渠黎片区``: two items joined by a conjunction alone
            parts = self._split_conj(rest)
            if len(parts) == 2 and all(self._sub_item.fullmatch(x) and x not in self._sub_not for x in parts):
                return [(0, parts[0]), (rest.find(parts[1], len(parts[0])), parts[1])]
        for chunk in regex.split(r"(、)", rest):
            if chunk == "、":
                pos += 1
                continue
            parts = self._split_conj(chunk) if "、" in rest else [chunk]
            k = pos
            for part in parts:
                k = rest.find(part, k)
                if part in known:
                    out.append((k, part))
                    k += len(part)
                    continue
                if not self._sub_item.fullmatch(part) or part in self._sub_not or _without_phase(part) in self._sub_not:
                    return []
                out.append((k, part))
                k += len(part)
            pos += len(chunk)
        return out
