"""Official zones and places for park identity (knowledge base).

:class:`Gazetteer` indexes the national zones of ``patterns/gazetteer`` by
every name form (official name, short names, brand names), compared through
:func:`name_form`: SPEC ``norm_name`` plus the zone-suffix equivalences the
entity ruler uses (``经济技术开发区`` = ``经开区``, :data:`PARK_SUFFIX_CANON`), and
by the place-stripped :func:`~zone_ie.clusters.park_key`. It also reads the
province and city that a name's place prefix names (gazetteer provinces and
cities, ``patterns/places.json``).
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from ..clusters import PARK_SUFFIX_CANON, Places, _strip_admin, load_place_names, park_key
from ..names import norm_name
from ..resources import gazetteer_rows, load_json

LEVELS = {
    "national_hitech_zones": "national high-tech zone",
    "national_etdz": "national ETDZ",
    "national_new_areas": "national new area",
    "pilot_ftz": "pilot free trade zone",
    "comprehensive_bonded_zones": "comprehensive bonded zone",
}
LOCAL_LEVEL = "local"

Place = tuple[str, str]  # (province, city); "" when unknown


def short_hash(*parts: str, n: int = 10) -> str:
    """A stable hex digest of ``parts`` (ids that a rebuild reproduces)."""
    return hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:n]


def clean_name(name: str) -> str:
    """``norm_name`` without an unbalanced bracket at either end (``(X经济技术开发区`` from a cut mention)."""
    n = norm_name(name).strip()
    while n and n[0] in "(（" and not any(c in n for c in ")）"):
        n = n[1:]
    while n and n[0] in ")）":
        n = n[1:]
    while n and n[-1] in "(（":
        n = n[:-1]
    return n


@lru_cache(maxsize=1 << 14)
def name_form(name: str) -> str:
    """``norm_name`` with ``（）`` as ``()`` and the zone suffix unified (``经济开发区`` -> ``经开区``)."""
    n = norm_name(name).replace("（", "(").replace("）", ")")
    for long, canon in PARK_SUFFIX_CANON:
        if n.endswith(long):
            return n[: -len(long)] + canon
    return n


@dataclass
class Zone:
    """One official zone (a gazetteer row)."""

    id: str
    name: str
    kind: str
    province: str
    cities: list[str]
    short_names: list[str]
    approved: str = ""
    names: list[str] = field(default_factory=list)

    @property
    def level(self) -> str:
        return LEVELS.get(self.kind, self.kind)

    @property
    def city(self) -> str:
        return self.cities[0] if len(self.cities) == 1 else ""


class Gazetteer:
    """The official zones, indexed by name form and place-stripped key, and the place lists."""

    def __init__(self, rows: Optional[Iterable[dict[str, str]]] = None) -> None:
        self.places = Places(load_place_names())
        grammar = load_json("grammar.json")
        self.suffixes = tuple(sorted(grammar["park_suffixes"], key=len, reverse=True))
        self.generic_heads = frozenset(grammar.get("park_generic_heads", []))
        self.zones: dict[str, Zone] = {}
        self.by_form: dict[str, set[str]] = {}
        self.by_key: dict[str, set[str]] = {}
        self.place_of_name: dict[str, Place] = {}
        # places.json names that also open a zone suffix (高新 of 高新技术产业园区): not a place at a name's start
        self.suffix_heads = frozenset(p for p in load_json("places.json").get("places", []) if any(
            s.startswith(p) and len(s) > len(p) for s in self.suffixes))
        for row in rows if rows is not None else gazetteer_rows():
            self._add_row(row)
        self.extra_places = frozenset(  # places.json: cities and counties without a national zone
            x for x in load_json("places.json").get("places", []) if x not in self.place_of_name)

    def _add_row(self, row: dict[str, str]) -> None:
        name = row["name"].strip()
        cities = [c.strip() for c in row.get("city", "").split("|") if c.strip()]
        shorts = [s.strip() for s in row.get("short_names", "").split("|") if s.strip()]
        zid = "Z" + short_hash(name)
        zone = Zone(zid, name, row.get("kind", ""), row.get("province", "").strip(), cities, shorts,
                    (row.get("approved") or "").strip(), [name] + shorts)
        self.zones[zid] = zone
        for n in zone.names:
            self.by_form.setdefault(name_form(n), set()).add(zid)
            k = self.key(n)
            if k:
                self.by_key.setdefault(k, set()).add(zid)
        prov = zone.province
        if prov:
            for p in (prov, _strip_admin(prov)):
                self.place_of_name.setdefault(p, (prov, ""))
        for c in cities:
            if c.endswith("新区"):
                continue
            for p in (c, _strip_admin(c)):
                if p not in self.place_of_name or not self.place_of_name[p][1]:
                    self.place_of_name[p] = (prov if len(cities) == 1 or prov else "", c)

    # --- names -------------------------------------------------------------

    def suffix_of(self, name: str) -> str:
        """The longest zone suffix ``name`` ends with, or ``""``."""
        return next((s for s in self.suffixes if name.endswith(s)), "")

    def key(self, name: str) -> str:
        """Place-stripped, suffix-unified key (:func:`park_key`), or ``""`` when only a
        suffix (or a single character before it) would be left."""
        if norm_name(name).startswith(tuple(self.suffix_heads)):
            return ""  # 高新技术产业园区: the "place" is the suffix's own first word
        k = park_key(norm_name(name), self.places)
        canon = next((c for _, c in PARK_SUFFIX_CANON if k.endswith(c)), "") or self.suffix_of(k)
        core = k[: len(k) - len(canon)]
        if len(core) < 2 or core in self.generic_heads:
            return ""  # 国家农高区: nothing that names one park is left
        return k

    def place(self, name: str) -> Place:
        """(province, city) read from the place names that open ``name``."""
        prov = city = extra = ""
        pos = 0
        n = norm_name(name)
        for s, e in self.places.spans(n):
            if s != pos and not (s == pos + 1 and n[pos] in "(（"):
                break
            pos = e + (1 if e < len(n) and n[e] in ")）" else 0)
            p = self.place_of_name.get(n[s:e]) or self.place_of_name.get(_strip_admin(n[s:e]))
            if p is None:
                if (not extra and n[s:e] in self.extra_places and n[s:e] not in self.suffix_heads
                        and n[e:e + 1] not in ("(", "（")):
                    extra = n[s:e]  # 周口 (not 中国 in 中国(X)…)
                continue
            if p[1]:
                if not city:
                    city = p[1]
                    prov = prov or p[0]
            elif not prov:
                prov = p[0]
        return prov, city or extra

    # --- linking -----------------------------------------------------------

    def compatible(self, zone: Zone, place: Place) -> bool:
        """Whether ``place`` (possibly partial) can be where ``zone`` lies."""
        prov, city = place
        if city in self.extra_places:
            city = ""  # a county or a city the gazetteer does not place: no evidence either way
        if prov and zone.province and prov != zone.province:
            return False
        if city and zone.cities and city not in zone.cities:
            return False
        return True

    def link(self, names: Iterable[str], own: Place, context: Iterable[Place]) -> Optional[str]:
        """The zone id that a cluster with ``names`` names, or None.

        Exact name forms first (also with leading places dropped one by one), then the
        place-stripped key; the cluster's own place prefix must agree, and the places
        of the document's other mentions (``context``) break ties.
        """
        names = [n for n in dict.fromkeys(names) if n]
        votes: dict[str, int] = {}
        for n in names:
            for zid in self._exact(n):
                votes[zid] = votes.get(zid, 0) + 1
        cands = {z for z in votes if self.compatible(self.zones[z], own)}
        if not cands:
            for n in names:
                k = self.key(n)
                for zid in self.by_key.get(k, ()) if k else ():
                    if self.compatible(self.zones[zid], own) and self.compatible(self.zones[zid], self.place(n)):
                        votes[zid] = votes.get(zid, 0) + 1
                        cands.add(zid)
            ctx = [p for p in context if p[0] or p[1]]
            if not own[0] and not own[1] and ctx:  # no prefix: a context place must fit
                cands = {z for z in cands if any(self._near(self.zones[z], p) for p in ctx)}
        if len(cands) > 1:
            ctx = list(context)
            near = {z for z in cands if any(self._near(self.zones[z], p) for p in ctx)}
            cands = near or cands
        if not cands:
            return None
        best = sorted(cands, key=lambda z: (-votes.get(z, 0), self.zones[z].name))
        if len(best) > 1 and votes.get(best[0]) == votes.get(best[1]):
            return None  # a true tie: not linked rather than guessed
        return best[0]

    def _near(self, zone: Zone, place: Place) -> bool:
        prov, city = place
        if city in self.extra_places:
            city = ""
        if city:
            return city in zone.cities
        return bool(prov) and prov == zone.province

    def _exact(self, name: str) -> set[str]:
        form = name_form(name)
        found = self.by_form.get(form)
        if found:
            return found
        n = norm_name(name)
        pos = 0
        for s, e in self.places.spans(n):  # <province><city>X高新区 -> <city>X高新区 -> X高新区
            if s != pos or len(n) - e < 3:
                break
            pos = e
            found = self.by_form.get(name_form(n[e:]))
            if found:
                return found
        return set()


@lru_cache(maxsize=1)
def default_gazetteer() -> Gazetteer:
    """The gazetteer of the installed patterns (built once)."""
    return Gazetteer()
