"""One park as a self-contained HTML page (``zone-ie kb page``).

Identity (official zone, level, place, names, parent and sub-parks), conflicts,
an inline-SVG chart per indicator (values over periods, and year-on-year growth
when reported), the figures, the companies and projects, and at the bottom the
evidence text of every fact. Every chart point and every table row links to
its evidence (``#ev-N``), which ``:target`` highlights. Inline CSS only: no
script, font or image, no network; all text through :func:`html.escape`.
"""
from __future__ import annotations

import html
import math
from typing import Any, Optional

from ..show import DEFAULT_ENTITY_COLOR, ENTITY_COLORS, HTMLString, _num, _pct

_W, _PAD_L, _PAD_R = 680, 64, 16
_H_VALUE, _H_YOY = 170, 90

CSS = """
body{margin:1.2em;background:#f6f8fa;font-family:system-ui,-apple-system,"Segoe UI","Noto Sans CJK SC",
"PingFang SC","Microsoft YaHei",sans-serif;color:#24292f}html{scroll-behavior:smooth}
.kb{max-width:1100px;margin:0 auto;background:#fff;border:1px solid #d0d7de;border-radius:6px;padding:1em 1.4em}
.kb h1{font-size:1.45em;margin:.2em 0}
.kb h2{font-size:1.15em;margin:1.3em 0 .4em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
.kb h3{font-size:1em;margin:1em 0 .3em}
.kb .meta{color:#57606a;font-size:.9em}
.kb .badge{display:inline-block;padding:.05em .5em;border-radius:.35em;background:PARK_COLOR;font-size:.85em;margin-right:.4em}
.kb .badge.local{background:DEFAULT_COLOR}
.kb dl{display:grid;grid-template-columns:9em 1fr;gap:.2em .8em;margin:.6em 0;font-size:.92em}
.kb dt{color:#57606a}.kb dd{margin:0}
.kb table{border-collapse:collapse;width:100%;font-size:.88em;margin:.3em 0 .8em}
.kb th{background:#f6f8fa;text-align:left}
.kb th,.kb td{border:1px solid #d0d7de;padding:3px 6px;vertical-align:top}
.kb td.n{text-align:right;white-space:nowrap}
.kb tr.conflict td{background:#fff0f0}
.kb .flag{color:#cf222e;font-weight:bold;white-space:nowrap}
.kb a{color:#0550ae;text-decoration:none}.kb a:hover{text-decoration:underline}
.kb .chart{display:block;margin:.2em 0 .2em;max-width:100%;height:auto}
.kb .chart text{font-size:11px;fill:#57606a;font-family:inherit}.kb .chart text.panel{font-weight:bold;fill:#24292f}
.kb .chart .axis{stroke:#d0d7de}.kb .chart .grid{stroke:#eaeef2}
.kb .chart .line{fill:none;stroke:#0969da;stroke-width:1.5}
.kb .chart .yoy{fill:none;stroke:#e8590c;stroke-width:1.5}
.kb .chart circle{fill:#0969da;stroke:#fff;stroke-width:1.5}
.kb .chart circle.yoy{fill:#e8590c}
.kb .chart circle.conflict{fill:#cf222e;stroke:#cf222e;stroke-width:3;stroke-opacity:.35}
.kb .chart a:hover circle{stroke:#24292f}
.kb .evidence{padding:.35em .6em;margin:.3em 0;border-left:3px solid #d0d7de;background:#fbfbfb;
font-size:.92em;scroll-margin-top:30vh}
.kb .evidence:target{background:#ffe066;border-left-color:#f59f00}
.kb .evidence.conflict{border-left-color:#cf222e}
.kb .src{font-family:ui-monospace,monospace;font-size:.85em;color:#57606a}
.kb .legend{font-size:.85em;color:#57606a}
.kb .swatch{display:inline-block;width:.8em;height:.8em;border-radius:50%;vertical-align:middle;margin:0 .25em 0 .8em}
""".replace("PARK_COLOR", ENTITY_COLORS["PARK"]).replace("DEFAULT_COLOR", DEFAULT_ENTITY_COLOR)


class _Evidence:
    """Numbers the evidence of every fact shown, once per (document, fact)."""

    def __init__(self) -> None:
        self.items: dict[tuple[str, int], dict[str, Any]] = {}

    def anchor(self, doc_id: str, fact_idx: int, text: Optional[str], label: str, conflict: bool = False) -> str:
        key = (doc_id, fact_idx)
        item = self.items.get(key)
        if item is None:
            item = self.items[key] = {"n": len(self.items) + 1, "doc_id": doc_id, "fact_idx": fact_idx,
                                      "text": text, "labels": [], "conflict": False}
        if label not in item["labels"]:
            item["labels"].append(label)
        item["conflict"] = item["conflict"] or conflict
        return f"ev-{item['n']}"

    def link(self, doc_id: str, fact_idx: int, text: Optional[str], label: str, conflict: bool = False) -> str:
        a = self.anchor(doc_id, fact_idx, text, label, conflict)
        return f'<a href="#{a}" class="src">{html.escape(doc_id)}#{fact_idx}</a>'

    def html(self) -> str:
        e = html.escape
        out = []
        for it in sorted(self.items.values(), key=lambda i: i["n"]):
            text = e(it["text"]) if it["text"] else "<i>text not available (the source file could not be read)</i>"
            cls = "evidence conflict" if it["conflict"] else "evidence"
            out.append(f'<div class="{cls}" id="ev-{it["n"]}"><span class="src">[{it["n"]}] {e(it["doc_id"])} '
                       f'fact {it["fact_idx"]} · {e(", ".join(it["labels"]))}</span><br>{text}</div>')
        return "".join(out)


def _period_key(m: dict[str, Any]) -> tuple:
    y, s, e = m["period_year"], m["period_start_month"], m["period_end_month"]
    return (y is None, y or 0, e or 13, s or 0)


def _period(m: dict[str, Any]) -> str:
    y, s, e = m["period_year"], m["period_start_month"], m["period_end_month"]
    if y is None and s is None and e is None:
        return "no period"
    if s is None and e is None:
        return str(y)
    months = f"{s}月" if s == e else f"{s or '?'}–{e or '?'}月"
    return f"{y if y is not None else '?'} {months}"


def _value(m: dict[str, Any]) -> str:
    if m["value"] is not None:
        v = _num(m["value"])
    elif m["value_low"] is not None or m["value_high"] is not None:
        v = f"{_num(m['value_low'])}–{_num(m['value_high'])}"
    else:
        return ""
    qual = {"over": "> ", "under": "< ", "approx": "≈ "}.get(m["qualifier"] or "", "")
    return f"{qual}{v} {m['unit'] or ''}".strip()


def _ticks(lo: float, hi: float, n: int = 4) -> list[float]:
    """Round tick values covering ``[lo, hi]`` (steps of 1, 2, 2.5 or 5 times a power of ten)."""
    span = hi - lo
    if span <= 0:
        return [lo]
    raw = span / n
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.floor(lo / step + 1e-9) * step
    return [first + i * step for i in range(math.ceil((hi - first) / step - 1e-9) + 1)]


def _short(x: float) -> str:
    """``1.5万亿``, ``742亿``, ``3.5万``, ``12.5``."""
    for div, suf in ((1e12, "万亿"), (1e8, "亿"), (1e4, "万")):
        if abs(x) >= div:
            return f"{x / div:.4g}{suf}"
    return f"{x:.4g}"


def chart(points: list[dict[str, Any]], ev: _Evidence, label: str) -> str:
    """An inline SVG: values (and yoy %) over periods; each point links to its evidence."""
    periods = sorted({(_period_key(m), _period(m)) for m in points})
    xs = {p[1]: _PAD_L + (i + 0.5) * (_W - _PAD_L - _PAD_R) / len(periods) for i, p in enumerate(periods)}
    has_yoy = any(m["yoy_pct"] is not None for m in points)
    values = [m["value"] for m in points if m["value"] is not None]
    height = 6 + (_H_VALUE if values else 0) + (_H_YOY if has_yoy else 0) + 30
    e = html.escape
    parts = [f'<svg class="chart" role="img" aria-label="{e(label)}" width="{_W}" height="{height}" '
             f'viewBox="0 0 {_W} {height}" xmlns="http://www.w3.org/2000/svg">']
    top = 6
    for kind, attr, h in (("value", "value", _H_VALUE), ("yoy", "yoy_pct", _H_YOY)):
        pts = [m for m in points if m[attr] is not None]
        if not pts:
            continue
        vals = [m[attr] for m in pts]
        lo, hi = min(vals + ([0.0] if kind == "yoy" else [])), max(vals)
        if kind == "value":
            lo = min(0.0, lo)

        ticks = _ticks(lo, hi, 4 if kind == "value" else 2)
        lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
        span = (hi - lo) or 1.0

        def y(v: float) -> float:
            return top + 24 + (h - 36) * (1 - (v - lo) / span)

        for t in ticks:
            parts.append(f'<line class="grid" x1="{_PAD_L}" x2="{_W - _PAD_R}" y1="{y(t):.1f}" y2="{y(t):.1f}"/>'
                         f'<text x="{_PAD_L - 6}" y="{y(t) + 4:.1f}" text-anchor="end">'
                         f'{e(_short(t) + ("%" if kind == "yoy" else ""))}</text>')
        title = "value" if kind == "value" else "yoy %"
        parts.append(f'<text x="{_PAD_L - 6}" y="{top + 12}" text-anchor="end" class="panel">{title}</text>')
        line = [m for m in sorted(pts, key=_period_key) if not m["conflict"] and _period(m) != "no period"]
        if len(line) > 1:
            d = " ".join(f"{xs[_period(m)]:.1f},{y(m[attr]):.1f}" for m in line)
            parts.append(f'<polyline class="{"line" if kind == "value" else "yoy"}" points="{d}"/>')
        for m in pts:
            src = m["sources"][0]
            a = ev.anchor(src["doc_id"], src["fact_idx"], src["text"], label, bool(m["conflict"]))
            cls = "conflict" if m["conflict"] else ("yoy" if kind == "yoy" else "")
            shown = _value(m) if kind == "value" else _pct(m["yoy_pct"])
            tip = f"{_period(m)}: {shown} · {len(m['sources'])} source(s)" + (" · CONFLICT" if m["conflict"] else "")
            parts.append(f'<a href="#{a}"><circle class="{cls}" cx="{xs[_period(m)]:.1f}" cy="{y(m[attr]):.1f}" '
                         f'r="5"><title>{e(tip)}</title></circle></a>')
        top += h
    parts.append(f'<line class="axis" x1="{_PAD_L}" x2="{_W - _PAD_R}" y1="{top + 2}" y2="{top + 2}"/>')
    for key, p in periods:
        parts.append(f'<text x="{xs[p]:.1f}" y="{top + 18}" text-anchor="middle">{e(p)}</text>')
    parts.append("</svg>")
    return "".join(parts)


def _figures_table(rows: list[dict[str, Any]], ev: _Evidence, label: str) -> str:
    e = html.escape
    out = ['<table><tr><th>period</th><th>value</th><th>yoy</th><th>share</th><th>documents</th>'
           '<th>sources (evidence)</th><th></th></tr>']
    for m in sorted(rows, key=_period_key):
        links = " ".join(ev.link(s["doc_id"], s["fact_idx"], s["text"], label, bool(m["conflict"]))
                         for s in m["sources"])
        flag = ('<span class="flag">⚠ conflict</span>' if m["conflict"] else "")
        out.append(f'<tr class="{"conflict" if m["conflict"] else ""}"><td>{e(_period(m))}</td>'
                   f'<td class="n">{e(_value(m))}</td><td class="n">{e(_pct(m["yoy_pct"]))}</td>'
                   f'<td class="n">{e(_share(m["share_pct"]))}</td><td class="n">{m["n_docs"]}</td>'
                   f"<td>{links}</td><td>{flag}</td></tr>")
    out.append("</table>")
    return "".join(out)


def _share(x: Optional[float]) -> str:
    return "" if x is None else f"{_num(x)} %"


def _group_label(m: dict[str, Any]) -> str:
    scope = m["scope"] or (m["indicator_text"] if m["indicator"] == "other" else "")
    return m["indicator"] + (f" · {scope}" if scope else "") + (f" ({m['unit']})" if m["unit"] else "")


def render_park(kb: Any, park_id: str, title: Optional[str] = None) -> str:
    """The page of one park record of ``kb`` (a :class:`~zone_ie.kb.KnowledgeBase`)."""
    e = html.escape
    parks = {p["park_id"]: p for p in kb.parks()}
    p = parks[park_id]
    ev = _Evidence()
    series = kb.series(park_id)
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for m in series:
        scope = m["scope"] or (m["indicator_text"] if m["indicator"] == "other" else "")
        groups.setdefault((m["indicator"], scope or "", m["unit"] or ""), []).append(m)
    # figures without a value (yoy only) join the group of their indicator and scope that has values
    for key in [k for k in groups if k[2] == ""]:
        target = next((k for k in groups if k[:2] == key[:2] and k[2]), None)
        if target is not None:
            groups[target].extend(groups.pop(key))
    conflicts = [m for m in series if m["conflict"]]
    level_cls = "badge local" if p["level"] == "local" else "badge"
    parent = parks.get(p["parent_id"] or "")
    subs = [q for q in parks.values() if q["parent_id"] == park_id]
    place = " · ".join(x for x in (p["province"], p["city"]) if x) or "unknown"
    ident = [("id", e(park_id)), ("level", e(p["level"])), ("place", e(place))]
    if p["zone_name"]:
        ident.append(("official zone", e(p["zone_name"]) + (f" (approved {e(p['approved'])})" if p["approved"] else "")))
    ident.append(("names in the documents", e("、".join(p["names"]))))
    if parent:
        ident.append(("lies in", e(parent["name"]) + f' <span class="src">{e(parent["park_id"])}</span>'))
    if subs:
        ident.append(("sub-parks", e("、".join(q["name"] for q in subs))))
    ident.append(("documents", f'{p["n_docs"]} · {p["n_facts"]} facts · {p["n_conflicts"]} figures in conflict'))
    body = [f'<div class="kb"><h1>{e(p["name"])}</h1>',
            f'<div class="meta"><span class="{level_cls}">{e(p["level"])}</span>{e(place)} · '
            f'<a href="#figures">figures ↓</a> · <a href="#companies">companies ↓</a> · '
            f'<a href="#evidence">evidence ↓</a></div>',
            "<dl>" + "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in ident) + "</dl>"]
    body.append(f'<h2 id="conflicts">Conflicts ({len({m["key_id"] for m in conflicts})})</h2>')
    if conflicts:
        body.append('<p class="legend">Two or more reports of one indicator, scope and period that differ beyond the '
                    "SPEC tolerance (value 0.5 %, percentages 0.05): kept side by side, never averaged.</p>")
        by_key: dict[str, list[dict[str, Any]]] = {}
        for m in conflicts:
            by_key.setdefault(m["key_id"], []).append(m)
        for rows in by_key.values():
            label = _group_label(rows[0])
            where = "across documents" if rows[0]["conflict_across_docs"] else "within one document"
            body.append(f"<h3>{e(label)} · {e(_period(rows[0]))} <span class=\"flag\">⚠ {where}</span></h3>")
            body.append(_figures_table(rows, ev, label))
    else:
        body.append("<p>None: every repeated figure agrees within the SPEC tolerance.</p>")
    body.append(f'<h2 id="figures">Figures ({len(series)} over {len(groups)} indicators)</h2>'
                '<p class="legend">Click a point or a source for its evidence text.'
                '<span class="swatch" style="background:#0969da"></span>value'
                '<span class="swatch" style="background:#e8590c"></span>yoy %'
                '<span class="swatch" style="background:#cf222e"></span>conflict</p>')
    order = sorted(groups.items(), key=lambda kv: (  # named indicators first, longest series first
        kv[0][0] == "other", -len({_period(m) for m in kv[1]}), -len(kv[1]), kv[0]))
    for key, rows in order:
        label = _group_label(rows[0]) if rows[0]["unit"] else _group_label(rows[-1])
        body.append(f"<h3>{e(label)}</h3>")
        body.append(chart(rows, ev, label))
        body.append(_figures_table(rows, ev, label))
    companies = kb.companies_of(park_id)
    body.append(f'<h2 id="companies">Companies ({len(companies)})</h2>')
    if companies:
        body.append("<table><tr><th>company</th><th>id</th><th>sources (evidence)</th></tr>")
        for c in companies:
            links = " ".join(ev.link(s["doc_id"], s["fact_idx"], s["text"], "located in") for s in c["sources"])
            body.append(f'<tr><td>{e(c["name"])}</td><td class="src">{e(c["company_id"])}</td><td>{links}</td></tr>')
        body.append("</table>")
    projects = kb.projects_of(park_id)
    body.append(f'<h2 id="projects">Projects ({len(projects)})</h2>')
    if projects:
        body.append("<table><tr><th>project</th><th>company</th><th>status</th><th>investment</th><th>source</th></tr>")
        for pr in projects:
            inv = f"{_num(pr['investment'])} {pr['unit'] or ''}" if pr["investment"] is not None else ""
            body.append(f'<tr><td>{e(pr["name"] or "")}</td><td>{e(pr["company"] or "")}</td>'
                        f'<td>{e(pr["status"] or "")}</td><td class="n">{e(inv)}</td>'
                        f'<td>{ev.link(pr["doc_id"], pr["fact_idx"], pr["text"], "project")}</td></tr>')
        body.append("</table>")
    body.append(f'<h2 id="evidence">Evidence ({len(ev.items)})</h2>{ev.html()}</div>')
    title = title or f"{p['name']} · zone_ie knowledge base"
    return HTMLString(
        "<!DOCTYPE html>\n"
        f'<html lang="zh"><head><meta charset="utf-8"><title>{e(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{CSS}</style></head>\n<body>\n{''.join(body)}\n</body></html>\n"
    )


__all__ = ["render_park", "chart"]
