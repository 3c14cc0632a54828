"""Independent brute-force scorer for SPEC section 9, used to cross-check evaluate().

Written from the SPEC text and the decisions listed in ``zone_ie.evaluate``'s
docstring, sharing no code with it: names resolve to the frozen set of the
gold cluster's normalized names, every gold x predicted pair is tested into a
full boolean matrix, and matching then walks the matrix. It returns only
counts: ``{doc_id: {part: (tp, fp, fn)}}`` and the micro totals.
"""
from __future__ import annotations

import re
from typing import Optional

_FULLWIDTH = {c: c - 0xFEE0 for c in range(0xFF01, 0xFF5F)}
_WS = re.compile(r"\s+")

Counts = tuple[int, int, int]


def ref_norm(s: Optional[str]) -> str:
    return _WS.sub("", (s or "").translate(_FULLWIDTH))


def _close_rel(a: float, b: float) -> bool:
    # |pred - gold| <= 0.5 % of |gold|, plus the same float slack as the scorer
    return abs(a - b) <= abs(b) * 5 / 1000 + 1e-9 * max(1.0, abs(b))


def _close_abs(a: float, b: float) -> bool:
    return abs(a - b) <= 5 / 100 + 1e-9 * max(1.0, abs(b))


def _same_number(gold: Optional[float], pred: Optional[float], close) -> Optional[bool]:
    """None: neither gives it; True/False: agreement (False if only one gives it)."""
    if gold is None and pred is None:
        return None
    if gold is None or pred is None:
        return False
    return close(pred, gold)


def _qty_numbers(q: Optional[dict]) -> Optional[tuple]:
    if not q:
        return None
    nums = (q.get("value"), q.get("low"), q.get("high"))
    if nums == (None, None, None):
        return None
    return (q.get("unit"),) + nums


def _same_qty(gold: Optional[dict], pred: Optional[dict]) -> Optional[bool]:
    g, p = _qty_numbers(gold), _qty_numbers(pred)
    if g is None and p is None:
        return None
    if g is None or p is None or g[0] != p[0]:
        return False
    return all(_same_number(x, y, _close_rel) is not False for x, y in zip(g[1:], p[1:]))


def _lcs(a: str, b: str) -> int:
    table = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) - 1, -1, -1):
        for j in range(len(b) - 1, -1, -1):
            if a[i] == b[j]:
                table[i][j] = table[i + 1][j + 1] + 1
            else:
                table[i][j] = max(table[i + 1][j], table[i][j + 1])
    return table[0][0]


class _Doc:
    def __init__(self, gold: dict):
        self.lookup: dict[str, dict[str, frozenset]] = {"PARK": {}, "COMPANY": {}}
        self.gold_ids: list[tuple[str, frozenset]] = []
        for c in gold.get("clusters", []):
            names = frozenset(
                ref_norm(n) for n in [c["canonical"]] + list(c["names"]) if ref_norm(n)
            )
            self.gold_ids.append((c["label"], names))
            for n in names:
                if n not in self.lookup[c["label"]]:
                    self.lookup[c["label"]][n] = names

    def ident(self, name: Optional[str], labels: list[str]) -> tuple:
        n = ref_norm(name)
        for label in labels:
            if n in self.lookup.get(label, {}):
                return ("known", label, self.lookup[label][n])
        return ("unknown", n)

    # ---- fact predicates
    def alias(self, g: dict, p: dict) -> bool:
        gl = [g["label"]] if g.get("label") else ["PARK", "COMPANY"]
        pl = [p["label"]] if p.get("label") else ["PARK", "COMPANY"]
        return (
            self.ident(g["name"], gl) == self.ident(p["name"], pl)
            and ref_norm(g["alias"]) == ref_norm(p["alias"])
        )

    def located_in(self, g: dict, p: dict) -> bool:
        return self.ident(g["company"], ["COMPANY"]) == self.ident(
            p["company"], ["COMPANY"]
        ) and self.ident(g["park"], ["PARK"]) == self.ident(p["park"], ["PARK"])

    def _base(self, g: dict, p: dict) -> bool:
        subj = ["PARK", "COMPANY"]
        return g["indicator"] == p["indicator"] and self.ident(
            g["subject"], subj
        ) == self.ident(p["subject"], subj)

    def _checks(self, g: dict, p: dict) -> list[Optional[bool]]:
        return [
            _same_qty(g.get("value"), p.get("value")),
            _same_number(g.get("yoy_pct"), p.get("yoy_pct"), _close_abs),
            _same_number(g.get("share_pct"), p.get("share_pct"), _close_abs),
        ]

    def metric(self, g: dict, p: dict) -> bool:
        if not self._base(g, p):
            return False
        empty = {"year": None, "start_month": None, "end_month": None}
        gp = {**empty, **(g.get("period") or {})}
        pp = {**empty, **(p.get("period") or {})}
        if any(gp[k] != pp[k] for k in empty):
            return False
        if False in self._checks(g, p):
            return False
        gs, ps = ref_norm(g.get("scope")), ref_norm(p.get("scope"))
        if gs == "":
            return True
        return ps != "" and (gs == ps or ps.find(gs) >= 0 or gs.find(ps) >= 0)

    def metric_relaxed(self, g: dict, p: dict) -> bool:
        return self._base(g, p) and True in self._checks(g, p)

    def project(self, g: dict, p: dict) -> bool:
        a, b = ref_norm(g.get("name")), ref_norm(p.get("name"))
        if not a or not b:
            return False
        if not (a in b or b in a or 5 * _lcs(a, b) >= 3 * max(len(a), len(b))):
            return False
        if g.get("company") and self.ident(g["company"], ["COMPANY"]) != self.ident(
            p.get("company"), ["COMPANY"]
        ):
            return False
        if g.get("park") and self.ident(g["park"], ["PARK"]) != self.ident(
            p.get("park"), ["PARK"]
        ):
            return False
        if _qty_numbers(g.get("investment")) is None:
            return True
        return _same_qty(g["investment"], p.get("investment")) is True


def _maximum_counts(gold: list, pred: list, pred_fn) -> Counts:
    """Size of a maximum matching by breadth-first augmenting paths (independent of the scorer's DFS)."""
    matrix = [[pred_fn(g, p) for p in pred] for g in gold]
    match_of_pred: dict[int, int] = {}
    match_of_gold: dict[int, int] = {}
    for start in range(len(gold)):
        parent: dict[tuple, tuple] = {("g", start): None}
        queue = [("g", start)]
        end = None
        while queue and end is None:
            kind, i = queue.pop(0)
            if kind == "g":
                for j, ok in enumerate(matrix[i]):
                    if ok and ("p", j) not in parent:
                        parent[("p", j)] = (kind, i)
                        if j not in match_of_pred:
                            end = ("p", j)
                            break
                        queue.append(("p", j))
            else:
                nxt = ("g", match_of_pred[i])
                if nxt not in parent:
                    parent[nxt] = (kind, i)
                    queue.append(nxt)
        node = end
        while node is not None:
            g_node = parent[node]
            match_of_pred[node[1]] = g_node[1]
            match_of_gold[g_node[1]] = node[1]
            node = parent[g_node]
    tp = len(match_of_pred)
    return tp, len(pred) - tp, len(gold) - tp


def _doc_counts(gold: dict, pred: dict) -> dict[str, Counts]:
    doc = _Doc(gold)
    out: dict[str, Counts] = {}

    ge = {(e["start"], e["end"], e["label"]) for e in gold.get("entities", [])}
    pe = {(e["start"], e["end"], e["label"]) for e in pred.get("entities", [])}
    out["entities"] = (len(ge & pe), len(pe - ge), len(ge - pe))

    found = set()
    spurious = set()
    for c in pred.get("clusters", []):
        names = {ref_norm(n) for n in [c.get("canonical")] + list(c.get("names", []))}
        names.discard("")
        hit = False
        for k, (label, gnames) in enumerate(doc.gold_ids):
            # a name hits cluster k only if k is the one the lookup resolves it to
            if label == c["label"] and any(doc.lookup[label].get(n) is gnames for n in names):
                found.add(k)
                hit = True
        if not hit:
            spurious.add((c["label"], frozenset(names)))
    out["clusters"] = (len(found), len(spurious), len(doc.gold_ids) - len(found))

    for part, ftype in [
        ("alias", "alias"),
        ("located_in", "located_in"),
        ("metric", "metric"),
        ("metric_relaxed", "metric"),
        ("project", "project"),
    ]:
        g = [f for f in gold.get("facts", []) if f["type"] == ftype]
        p = [f for f in pred.get("facts", []) if f["type"] == ftype]
        out[part] = _maximum_counts(g, p, getattr(doc, part))

    out["overall"] = tuple(
        sum(out[part][i] for part in ("alias", "located_in", "metric", "project"))
        for i in range(3)
    )
    return out


def reference_score(gold_docs: list[dict], pred_docs: list[dict]) -> dict:
    """``{"per_doc": {doc_id: {part: (tp, fp, fn)}}, "total": {part: (tp, fp, fn)}}``."""
    preds: dict[str, dict] = {}
    for d in pred_docs:
        preds.setdefault(d["doc_id"], d)
    per_doc = {g["doc_id"]: _doc_counts(g, preds.get(g["doc_id"], {})) for g in gold_docs}
    parts = next(iter(per_doc.values())).keys() if per_doc else []
    total = {
        part: tuple(sum(c[part][i] for c in per_doc.values()) for i in range(3)) for part in parts
    }
    return {"per_doc": per_doc, "total": total}
