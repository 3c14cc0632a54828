"""Who is who across documents: park and company records (knowledge base).

Two steps. :func:`analyze_document` reads one stored document's clusters (it
depends on that document alone, so ``kb build`` caches it per document): each
PARK cluster gets its gazetteer zone (:meth:`Gazetteer.link`), its identity keys
and its place; each COMPANY cluster its legal-form-stripped cores.
:func:`resolve` then joins the clusters of all documents into records with a
union-find over key nodes; it is a pure function of the set of mentions, so
an incremental build and a full rebuild give the same records and ids.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..clusters import company_core, core_shorts
from ..names import norm_name
from ..resources import load_json
from .gazetteer import LOCAL_LEVEL, Gazetteer, Place, clean_name, name_form, short_hash


@dataclass
class Mention:
    """One cluster of one document, ready to be linked."""

    doc_id: str
    idx: int
    label: str
    canonical: str
    names: list[str]
    keys: list[str]
    province: str = ""
    city: str = ""
    place_src: str = ""  # "name" (its own place prefix) | "doc" (the document's home place) | ""
    zone_id: Optional[str] = None
    inside: list[int] = field(default_factory=list)  # PARK clusters whose name the text puts right before it

    @property
    def place(self) -> Place:
        return (self.province, self.city)


@dataclass
class Record:
    """One real-world park or company."""

    id: str
    label: str
    name: str
    names: list[str]
    level: str = ""
    province: str = ""
    city: str = ""
    zone_id: Optional[str] = None
    parent_id: Optional[str] = None
    members: list[tuple[str, int]] = field(default_factory=list)  # (doc_id, cluster idx)


def local_key(g: Gazetteer, name: str) -> str:
    """Identity key of a park name: place-stripped key, else the name form."""
    return g.key(name) or name_form(name)


def _legal_forms() -> list[str]:
    return list(load_json("grammar.json")["company_legal_forms"])


def analyze_document(
    g: Gazetteer, doc_id: str, clusters: list[tuple[int, str, str, list[str]]],
    entities: Iterable[tuple[int, int, str, str]] = (),
) -> list[Mention]:
    """Mentions of one document from its clusters ``(idx, label, canonical, names)``;
    ``entities`` ``(start, end, label, text)`` tell which park name the text nests a
    sub-park's name in (``X高新区`` directly followed by ``Y产业园``)."""
    legal = _legal_forms()
    out: list[Mention] = []
    context: list[Place] = []
    for idx, label, canonical, names in clusters:  # the places the document names
        for n in names:
            p = g.place(n)
            if p[0] or p[1]:
                context.append(p)
    parks: list[Mention] = []
    for idx, label, canonical, names in clusters:
        canonical = clean_name(canonical)
        names = list(dict.fromkeys(x for x in (clean_name(n) for n in [canonical, *names]) if x))
        if label == "PARK":
            own = _own_place(g, names)
            zid = g.link(names, own, context)
            m = Mention(doc_id, idx, label, canonical, names,
                        sorted({local_key(g, n) for n in names} - {""}))
            if zid is not None:
                z = g.zones[zid]
                m.zone_id, m.province, m.city, m.place_src = zid, z.province, z.city, "zone"
            elif own[0] or own[1]:
                m.province, m.city, m.place_src = own[0], own[1], "name"
            parks.append(m)
        else:
            keys = {company_core(n, g.places, legal) for n in names}
            m = Mention(doc_id, idx, label, canonical, names, sorted(k for k in keys if len(k) >= 2))
        out.append(m)
    _nesting(parks, entities)
    home = _home_place(parks)
    for m in parks:
        if not m.place_src and home is not None:
            m.province, m.city, m.place_src = home[0], home[1], "doc"
    return out


def _nesting(parks: list[Mention], entities: Iterable[tuple[int, int, str, str]]) -> None:
    """``inside`` of each park: the park whose mention ends where one of its mentions starts."""
    of_name: dict[str, Mention] = {}
    for m in parks:
        for n in m.names:
            of_name.setdefault(n, m)
    prev: Optional[tuple[int, Mention]] = None
    for start, end, label, text in sorted(entities):
        if label != "PARK":
            continue
        m = of_name.get(norm_name(text))
        if m is None:
            continue
        if prev is not None and prev[0] == start and prev[1] is not m and prev[1].idx not in m.inside:
            m.inside.append(prev[1].idx)
        prev = (end, m)


def _own_place(g: Gazetteer, names: list[str]) -> Place:
    """The most specific place that one of the names opens with."""
    best: Place = ("", "")
    for n in sorted(names, key=len, reverse=True):
        p = g.place(n)
        if p[1] and not best[1]:
            best = (p[0] or best[0], p[1])
        elif p[0] and not best[0]:
            best = (p[0], best[1])
    return best


def _home_place(parks: list[Mention]) -> Optional[Place]:
    """The city (or province) most of the document's placed parks lie in."""
    counts = Counter(m.place for m in parks if m.place_src and (m.province or m.city))
    if not counts:
        return None
    return sorted(counts.items(), key=lambda kv: -kv[1])[0][0]


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.zone: dict[str, str] = {}

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        za, zb = self.zone.get(ra), self.zone.get(rb)
        if za and zb and za != zb:
            return  # two official zones never merge
        if ra > rb:
            ra, rb = rb, ra
        self.parent[rb] = ra
        if za or zb:
            self.zone[ra] = za or zb  # type: ignore[assignment]


def _node(key: str, place: Place) -> str:
    return f"K\x1f{key}\x1f{place[0]}\x1f{place[1]}"


def resolve_parks(g: Gazetteer, mentions: Iterable[Mention]) -> tuple[list[Record], dict[tuple[str, int], str]]:
    """Park records and the record id of every PARK mention ``(doc_id, idx)``."""
    ms = sorted((m for m in mentions if m.label == "PARK"), key=lambda m: (m.doc_id, m.idx))
    uf = _UnionFind()
    groups: dict[str, dict[Place, str]] = {}  # key -> place -> node

    def member(m: Mention) -> str:
        return f"M\x1f{m.doc_id}\x1f{m.idx}"

    for m in ms:  # official zones: the zone node, and its names' keys at the zone's place
        if m.zone_id:
            zn = "Z\x1f" + m.zone_id
            uf.find(zn)
            uf.zone[uf.find(zn)] = m.zone_id
            uf.union(zn, member(m))
            for k in m.keys:
                node = groups.setdefault(k, {}).setdefault(m.place, _node(k, m.place))
                uf.union(zn, node)
    rank = {"name": 0, "doc": 1, "": 2}
    local = sorted((m for m in ms if not m.zone_id),
                   key=lambda m: (not m.city, not m.province, rank.get(m.place_src, 2), m.doc_id, m.idx))
    for m in local:
        for k in m.keys:
            uf.union(member(m), _attach(groups.setdefault(k, {}), k, m.place))
    owner: dict[tuple[str, int], str] = {}
    comps: dict[str, list[Mention]] = {}
    for m in ms:
        comps.setdefault(uf.find(member(m)), []).append(m)
    nodes_of: dict[str, list[str]] = {}
    for k, by_place in groups.items():
        for node in by_place.values():
            nodes_of.setdefault(uf.find(node), []).append(node)
    records: list[Record] = []
    for root, members in comps.items():
        zid = uf.zone.get(root)
        if zid:
            z = g.zones[zid]
            rec = Record(zid, "PARK", z.name, [], z.level, z.province, z.city, zid)
        else:
            anchor = min(nodes_of.get(root) or [member(members[0])])
            placed = Counter(m.place for m in members if m.place_src == "name")  # not the doc's home place
            prov, city = (sorted(placed.items(), key=lambda kv: (-kv[1], kv[0]))[0][0]
                          if placed else ("", ""))
            rec = Record("L" + short_hash(anchor), "PARK", _best_name(members), [], LOCAL_LEVEL, prov, city)
        rec.names = sorted({n for m in members for n in m.names}, key=lambda n: (-len(n), n))
        rec.members = [(m.doc_id, m.idx) for m in members]
        for m in members:
            owner[(m.doc_id, m.idx)] = rec.id
        records.append(rec)
    records.sort(key=lambda r: r.id)
    return records, owner


def _attach(by_place: dict[Place, str], key: str, place: Place) -> str:
    """The group node of ``key`` a mention at ``place`` joins (a new one if none fits)."""
    prov, city = place
    if place in by_place:
        return by_place[place]
    if city:
        fits = [p for p in by_place if p[1] == city and (not p[0] or not prov or p[0] == prov)]
    elif prov:
        fits = [p for p in by_place if p[0] == prov]
    else:
        fits = list(by_place)
    if len(fits) == 1 and (city == "" or fits[0][1] == city):
        return by_place[fits[0]]
    return by_place.setdefault(place, _node(key, place))


def _best_name(members: list[Mention]) -> str:
    """The canonical name most clusters give (then the longest)."""
    counts = Counter(m.canonical for m in members)
    return sorted(counts.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


def resolve_companies(mentions: Iterable[Mention]) -> tuple[list[Record], dict[tuple[str, int], str]]:
    """Company records (joined through shared legal-form-stripped cores) and mention owners."""
    ms = sorted((m for m in mentions if m.label == "COMPANY"), key=lambda m: (m.doc_id, m.idx))
    uf = _UnionFind()
    for m in ms:
        node = f"M\x1f{m.doc_id}\x1f{m.idx}"
        uf.find(node)
        for k in m.keys:
            uf.union(node, "K\x1f" + k)
    legal = tuple(_legal_forms())
    business = list(load_json("grammar.json").get("company_business_words", []))
    claims: dict[str, set[str]] = {}  # a short form -> the full legal names' components that yield it
    for m in ms:
        if any(n.endswith(legal) for n in m.names):
            root = uf.find(f"M\x1f{m.doc_id}\x1f{m.idx}")
            for k in m.keys:
                for short in core_shorts(k, business)[1:]:
                    if len(short) >= 2:
                        claims.setdefault(short, set()).add(root)
    for m in ms:  # a short name joins the one full name it abbreviates (X智能 -> X智能科技有限公司)
        if not any(n.endswith(legal) for n in m.names):
            for k in m.keys:
                owners = {uf.find(r) for r in claims.get(k, ())}
                if len(owners) == 1:
                    uf.union(f"M\x1f{m.doc_id}\x1f{m.idx}", next(iter(owners)))
    comps: dict[str, list[Mention]] = {}
    for m in ms:
        comps.setdefault(uf.find(f"M\x1f{m.doc_id}\x1f{m.idx}"), []).append(m)
    records: list[Record] = []
    owner: dict[tuple[str, int], str] = {}
    for members in comps.values():
        keys = sorted({k for m in members for k in m.keys}) or [members[0].canonical]
        names = sorted({n for m in members for n in m.names}, key=lambda n: (-len(n), n))
        full = [m.canonical for m in members if m.canonical.endswith(legal)]
        name = Counter(full).most_common(1)[0][0] if full else _best_name(members)
        rec = Record("C" + short_hash(keys[0]), "COMPANY", name, names,
                     members=[(m.doc_id, m.idx) for m in members])
        for m in members:
            owner[(m.doc_id, m.idx)] = rec.id
        records.append(rec)
    records.sort(key=lambda r: r.id)
    return records, owner


def assign_parents(g: Gazetteer, records: list[Record], evidence: Iterable[tuple[str, str]]) -> None:
    """Set ``parent_id`` of sub-parks from ``(child, parent)`` evidence pairs (located_in
    facts between parks) and from nested names (``X高新区Y产业园`` lies in ``X高新区``)."""
    by_id = {r.id: r for r in records}
    form_owner: dict[str, set[str]] = {}
    for r in records:
        for n in r.names:
            form_owner.setdefault(name_form(n), set()).add(r.id)
    votes: dict[str, Counter] = {}
    for child, parent in evidence:  # an official zone lies only in another official zone
        if child != parent and child in by_id and parent in by_id and (
                not by_id[child].zone_id or by_id[parent].zone_id):
            votes.setdefault(child, Counter())[parent] += 1
    for r in records:
        if r.zone_id:
            continue
        for n in r.names:
            for i in range(len(n) - 2, 1, -1):  # the longest park-named prefix
                head = n[:i]
                if not g.suffix_of(head):
                    continue
                owners = form_owner.get(name_form(head), set()) | {z for z in g._exact(head) if z in by_id}
                owners.discard(r.id)
                if len(owners) == 1:
                    votes.setdefault(r.id, Counter())[next(iter(owners))] += 1
                    break
    for child in sorted(votes):
        for parent, _ in sorted(votes[child].items(), key=lambda kv: (-kv[1], kv[0])):
            if not _is_ancestor(by_id, child, parent):
                by_id[child].parent_id = parent
                break


def _is_ancestor(by_id: dict[str, Record], a: str, b: str) -> bool:
    """Whether ``a`` is ``b`` or an ancestor of ``b``."""
    seen: set[str] = set()
    cur: Optional[str] = b
    while cur is not None and cur not in seen:
        if cur == a:
            return True
        seen.add(cur)
        cur = by_id[cur].parent_id if cur in by_id else None
    return False
