"""Human-readable views of an :class:`~zone_ie.evaluate.EvalResult`.

``render_table`` gives a plain-text score table, ``print_table`` the same with
rich, and ``render_html`` a self-contained page (inline CSS, no scripts, no
network) listing, per document, the missed gold facts next to the spurious
predicted ones with their evidence text.
"""
from __future__ import annotations

import html
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from .evaluate import PARTS, DocsInput, EvalResult, Score, as_docs

_HEADER = ("part", "P", "R", "F1", "tp", "fp", "fn")
_DETAIL_PARTS = ("alias", "located_in", "metric", "project", "entities", "clusters")
_EVIDENCE_MAX = 400


def _row(part: str, s: Score) -> tuple[str, ...]:
    return (part, f"{s.p:.3f}", f"{s.r:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.fp), str(s.fn))


def render_table(result: EvalResult) -> str:
    """Plain-text table of P / R / F1 / tp / fp / fn per part, columns aligned."""
    rows = [_HEADER] + [_row(part, result.parts[part]) for part in PARTS]
    widths = [max(len(r[i]) for r in rows) for i in range(len(_HEADER))]

    def fmt(r: tuple[str, ...]) -> str:
        cells = [r[0].ljust(widths[0])] + [c.rjust(w) for c, w in zip(r[1:], widths[1:])]
        return "  ".join(cells)

    lines = [fmt(rows[0]), "  ".join("-" * w for w in widths)]
    lines += [fmt(r) for r in rows[1:]]
    return "\n".join(lines)


def print_table(result: EvalResult, console: Any = None) -> None:
    """Print the score table with rich when it is installed, else as plain text."""
    try:
        from rich.console import Console
        from rich.table import Table
    except ImportError:  # pragma: no cover - rich is a dependency
        print(render_table(result))
        return
    table = Table(title="zone_ie evaluation")
    for i, name in enumerate(_HEADER):
        table.add_column(name, justify="left" if i == 0 else "right")
    for part in PARTS:
        table.add_row(*_row(part, result.parts[part]), style="bold" if part == "overall" else None)
    (console or Console()).print(table)


def read_texts(docs: Union[str, Path]) -> dict[str, str]:
    """Raw texts by doc_id of the documents at ``docs`` (files or a directory; SPEC 1)."""
    from .io import Record, iter_records

    return {r.doc_id: r.text for r in iter_records([docs]) if isinstance(r, Record)}


# ---------------------------------------------------------------- fact formatting


def _num(x: Optional[float]) -> str:
    return "?" if x is None else f"{x:g}"


def _qty(q: Optional[dict]) -> str:
    if not q:
        return "-"
    if q.get("value") is not None or (q.get("low") is None and q.get("high") is None):
        num = _num(q.get("value"))
    else:
        num = f"{_num(q.get('low'))}–{_num(q.get('high'))}"
    extra = "".join(f" {q[k]}" for k in ("qualifier", "classifier") if q.get(k))
    return f"{num} {q.get('unit', '')}{extra}"


def _period(p: Optional[dict]) -> str:
    if not p or all(p.get(k) is None for k in ("year", "start_month", "end_month")):
        return "-"
    year = p.get("year") or "Y?"
    if p.get("start_month") is None and p.get("end_month") is None:
        return str(year)
    return f"{year}/{p.get('start_month') or '?'}–{p.get('end_month') or '?'}"


def _fields(part: str, item: dict) -> list[tuple[str, str]]:
    """(field, value) pairs that describe one fact, entity or cluster compactly."""
    g = item.get
    if part == "alias":
        return [("label", g("label")), ("name", g("name")), ("alias", g("alias"))]
    if part == "located_in":
        return [("company", g("company")), ("park", g("park"))]
    if part in ("metric", "metric_relaxed"):
        out = [
            ("subject", g("subject")),
            ("indicator", f"{g('indicator')} ({g('indicator_text') or ''})"),
            ("period", _period(g("period"))),
        ]
        if g("scope"):
            out.append(("scope", g("scope")))
        if g("value"):
            out.append(("value", _qty(g("value"))))
        for k in ("yoy_pct", "share_pct"):
            if g(k) is not None:
                out.append((k, _num(g(k))))
        return out
    if part == "project":
        out = [("name", g("name")), ("company", g("company")), ("park", g("park"))]
        if g("investment"):
            out.append(("investment", _qty(g("investment"))))
        if g("capacity"):
            out.append(("capacity", "; ".join(_qty(q) for q in g("capacity"))))
        if g("status"):
            out.append(("status", g("status")))
        return out
    if part == "entities":
        return [("span", f"[{g('start')}, {g('end')})"), ("label", g("label")), ("text", g("text"))]
    if part == "clusters":
        names = ", ".join(g("names") or [])
        return [("label", g("label")), ("canonical", g("canonical")), ("names", names)]
    return [(k, str(v)) for k, v in item.items()]


def _snippet(part: str, item: dict, text: Optional[str]) -> str:
    if text is None:
        return ""
    e = html.escape
    if part == "entities":
        start, end = item.get("start"), item.get("end")
        if not isinstance(start, int) or not isinstance(end, int):
            return ""
        left, mid, right = text[max(0, start - 20) : start], text[start:end], text[end : end + 20]
        return f'<div class="ev">…{e(left)}<mark>{e(mid)}</mark>{e(right)}…</div>'
    ev = item.get("evidence")
    if not ev or len(ev) != 2 or not all(isinstance(x, int) for x in ev):
        return ""
    quote = text[ev[0] : ev[1]]
    if len(quote) > _EVIDENCE_MAX:
        quote = quote[:_EVIDENCE_MAX] + "…"
    return f'<div class="ev"><span class="off">[{ev[0]}, {ev[1]})</span> {e(quote)}</div>'


def _item_html(part: str, item: dict, text: Optional[str]) -> str:
    e = html.escape
    fields = "".join(
        f'<span class="f"><b>{e(k)}</b> {e("∅" if v is None else str(v))}</span>'
        for k, v in _fields(part, item)
    )
    return f'<li><div class="fields">{fields}</div>{_snippet(part, item, text)}</li>'


def _score_table(rows: Iterable[tuple[str, Score]]) -> str:
    head = "".join(f"<th>{html.escape(h)}</th>" for h in _HEADER)
    body = "".join(
        "<tr" + (' class="overall"' if part == "overall" else "") + ">"
        + "".join(f"<td>{html.escape(c)}</td>" for c in _row(part, s))
        + "</tr>"
        for part, s in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


_CSS = """
body{font-family:system-ui,"Noto Sans CJK SC","PingFang SC",sans-serif;margin:1.5em;color:#222}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #ccc;padding:2px 8px;text-align:right}
th:first-child,td:first-child{text-align:left}
tr.overall{font-weight:bold;background:#f3f3f3}
section.doc{border-top:2px solid #444;margin-top:2em}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:1em}
.pair>div{min-width:0}
h4{margin:.3em 0}
.missed h4{color:#a40000}.spurious h4{color:#8a5a00}
ul{list-style:none;padding:0;margin:0}
li{border:1px solid #ddd;border-radius:4px;margin:4px 0;padding:4px 6px;font-size:90%}
.missed li{background:#fff4f4}.spurious li{background:#fffaf0}
.f{margin-right:.8em}.f b{color:#555;font-weight:600}
.ev{color:#444;background:#f6f6f6;margin-top:3px;padding:2px 4px;white-space:pre-wrap}
.off{color:#999;font-size:85%}
mark{background:#ffe066}
.warn{color:#a40000}
"""


def render_html(
    result: EvalResult,
    gold_docs: Optional[DocsInput] = None,
    texts: Optional[dict[str, str]] = None,
) -> str:
    """A self-contained HTML page: scores, then missed vs. spurious items per document."""
    e = html.escape
    texts = texts or {}
    order = [d["doc_id"] for d in as_docs(gold_docs)] if gold_docs is not None else []
    order = [d for d in order if d in result.details] or list(result.details)
    out = [
        "<!DOCTYPE html>",
        '<html lang="zh"><head><meta charset="utf-8">',
        "<title>zone_ie evaluation</title>",
        f"<style>{_CSS}</style></head><body>",
        "<h1>zone_ie evaluation</h1>",
        _score_table((part, result.parts[part]) for part in PARTS),
    ]
    if result.warnings:
        items = "".join(f"<li>{e(w)}</li>" for w in result.warnings)
        out.append(f'<ul class="warn">{items}</ul>')
    out.append("<h2>Per document (F1)</h2><table><thead><tr><th>doc_id</th>")
    out.append("".join(f"<th>{e(p)}</th>" for p in PARTS) + "</tr></thead><tbody>")
    for doc_id in order:
        cells = "".join(f"<td>{result.per_doc[doc_id][p].f1:.3f}</td>" for p in PARTS)
        out.append(f'<tr><td><a href="#{e(doc_id)}">{e(doc_id)}</a></td>{cells}</tr>')
    out.append("</tbody></table>")
    for doc_id in order:
        text = texts.get(doc_id)
        out.append(f'<section class="doc" id="{e(doc_id)}"><h2>{e(doc_id)}</h2>')
        out.append(_score_table((p, result.per_doc[doc_id][p]) for p in PARTS))
        for part in _DETAIL_PARTS:
            d = result.details[doc_id][part]
            if not d.missed and not d.spurious:
                continue
            out.append(f"<h3>{e(part)} — missed {len(d.missed)}, spurious {len(d.spurious)}</h3>")
            out.append('<div class="pair">')
            for cls, title, items in (
                ("missed", "missed (gold)", d.missed),
                ("spurious", "spurious (predicted)", d.spurious),
            ):
                lis = "".join(_item_html(part, it, text) for it in items)
                out.append(f'<div class="{cls}"><h4>{title}</h4><ul>{lis}</ul></div>')
            out.append("</div>")
        out.append("</section>")
    out.append("</body></html>")
    return "\n".join(out)
