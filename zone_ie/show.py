"""One processed document as a self-contained HTML page (``zone-ie show``).

``render(doc)`` shows the *repaired* text with PARK and COMPANY mentions
highlighted in displaCy's entity style (our own colours), quantities and
periods underlined with their parsed value in a tooltip, and below it a table
of the facts. Every fact row links to ``#ev-N``, the fact's evidence span in the
text (raw offsets mapped to the repaired text), which ``:target`` highlights.

The page has inline CSS only: no script, no font or image, no network. All text
goes through :func:`html.escape`. Overlapping spans (an entity inside an
evidence span, two evidence spans sharing characters) are rendered over
character boundaries and nest properly; a span that has to be cut in two to
nest keeps its ``id`` on the first piece and its ``ev-N`` class on every piece.

In a notebook ``zone_ie.render(doc)`` displays itself (the returned string has
``_repr_html_``); ``render(doc, page=False)`` gives the fragment alone.
"""
from __future__ import annotations

import argparse
import html
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional, Union

from spacy.tokens import Doc

ENTITY_COLORS = {"PARK": "#b2e5c6", "COMPANY": "#c3d6fa"}
DEFAULT_ENTITY_COLOR = "#e2e2e2"
_EVIDENCE_SNIPPET = 36

# Nesting preference when two spans start together and end together: lower is outer.
_RANK = {"evidence": 0, "entity": 1, "period": 2, "quantity": 3}


class HTMLString(str):
    """A ``str`` that Jupyter displays as HTML."""

    def _repr_html_(self) -> str:
        return str(self)


# ---------------------------------------------------------------- formatting


def _num(x: Optional[float]) -> str:
    if x is None:
        return "?"
    if float(x).is_integer() and abs(x) < 1e15:
        return f"{int(x):,}"
    return f"{x:,.6g}"


def format_quantity(q: Any) -> str:
    """``"over 50,000,000 CNY"``, ``"3.8–4.2 m"``, ``"5,200 count (台)"``."""
    if q is None:
        return ""
    if hasattr(q, "model_dump"):
        q = q.model_dump()
    if q.get("value") is not None or (q.get("low") is None and q.get("high") is None):
        num = _num(q.get("value"))
    else:
        num = f"{_num(q.get('low'))}–{_num(q.get('high'))}"
    qual = {"over": "over ", "under": "under ", "approx": "≈ "}.get(q.get("qualifier") or "", "")
    out = f"{qual}{num} {q.get('unit') or ''}".strip()
    if q.get("classifier"):
        out += f" ({q['classifier']})"
    return out


def format_period(p: Any) -> str:
    """``"2025"``, ``"2025 · months 1–3"``, ``"year ? · month 6"``; ``""`` when empty."""
    if p is None:
        return ""
    if hasattr(p, "model_dump"):
        p = p.model_dump()
    year, sm, em = p.get("year"), p.get("start_month"), p.get("end_month")
    if year is None and sm is None and em is None:
        return ""
    y = str(year) if year is not None else "year ?"
    if sm is None and em is None:
        return y
    if sm == em:
        return f"{y} · month {sm}"
    return f"{y} · months {sm if sm is not None else '?'}–{em if em is not None else '?'}"


def _pct(x: Optional[float]) -> str:
    if x is None:
        return ""
    return f"{'+' if x > 0 else ''}{_num(x)} %"


# ---------------------------------------------------------------- text markup


@dataclass
class _Span:
    start: int
    end: int
    kind: str  # evidence | entity | quantity | period
    order: int
    label: str = ""
    title: str = ""
    fact: Optional[int] = None
    pieces: int = 0
    opened_at: int = 0

    @property
    def rank(self) -> int:
        return _RANK[self.kind]


@dataclass
class _Markup:
    html: str
    split_evidence: set[int] = field(default_factory=set)


def _text_html(s: str) -> str:
    return html.escape(s.replace("\r", "")).replace("\n", "<br>")


def _open(sp: _Span, prefix: str) -> str:
    e = html.escape
    first = sp.pieces == 0
    sp.pieces += 1
    cont = "" if first else " cont"
    if sp.kind == "evidence":
        ident = f' id="{prefix}ev-{sp.fact}"' if first else ""
        return (f'<span class="evidence {prefix}ev-{sp.fact}{cont}"{ident} '
                f'data-fact="{sp.fact}" title="{e(sp.title)}">')
    if sp.kind == "entity":
        lab = re.sub(r"[^A-Za-z0-9_-]", "_", sp.label)
        return f'<mark class="entity ent-{lab}{cont}" data-label="{e(sp.label)}">'
    return f'<span class="{sp.kind}{cont}" title="{e(sp.title)}">'


def _close(sp: _Span, final: bool) -> str:
    if sp.kind == "entity":
        label = f'<span class="entity-label">{html.escape(sp.label)}</span>' if final else ""
        return f"{label}</mark>"
    return "</span>"


def _markup(text: str, spans: list[_Span], prefix: str) -> _Markup:
    """Nested markup for possibly overlapping ``spans`` over ``text``."""
    n = len(text)
    starts: dict[int, list[_Span]] = {}
    empties: dict[int, list[_Span]] = {}
    bounds = {0, n}
    for sp in spans:
        sp.start, sp.end = max(0, min(sp.start, n)), max(0, min(sp.end, n))
        sp.pieces = 0
        if sp.end <= sp.start:
            empties.setdefault(sp.start, []).append(sp)
        else:
            starts.setdefault(sp.start, []).append(sp)
        bounds.update((sp.start, sp.end))
    out: list[str] = []
    stack: list[_Span] = []
    split: set[int] = set()
    pos = 0
    for p in sorted(bounds):
        out.append(_text_html(text[pos:p]))
        pos = p
        reopen: list[_Span] = []
        closing = [i for i, sp in enumerate(stack) if sp.end == p]
        if closing:
            i = closing[0]
            for sp in reversed(stack[i:]):
                out.append(_close(sp, final=sp.end == p))
                if sp.end > p:
                    reopen.append(sp)
                    if sp.kind == "entity":  # this piece goes on: no right padding
                        out[sp.opened_at] = out[sp.opened_at].replace('class="entity ', 'class="entity cut ')
                    if sp.kind == "evidence":
                        split.add(sp.fact)  # type: ignore[arg-type]
            del stack[i:]
        for sp in empties.get(p, []):
            out.append(_open(sp, prefix) + _close(sp, final=True))
        for sp in sorted(reopen + starts.get(p, []), key=lambda s: (-s.end, s.rank, s.order)):
            sp.opened_at = len(out)
            out.append(_open(sp, prefix))
            stack.append(sp)
    return _Markup("".join(out), split)


def _doc_spans(doc: Doc, facts: list[Any]) -> list[_Span]:
    rep = doc._.repair
    spans: list[_Span] = []
    k = 0
    for i, fact in enumerate(facts, 1):
        ev = getattr(fact, "evidence", None)
        if not ev:
            continue
        s, e = rep.from_raw(ev[0]), rep.from_raw(ev[1])
        spans.append(_Span(s, e, "evidence", k, fact=i, title=f"fact {i}: {fact.type}"))
        k += 1
    for ent in doc.ents:
        spans.append(_Span(ent.start_char, ent.end_char, "entity", k, label=ent.label_))
        k += 1
    for sp in doc.spans.get("quantities", []):
        spans.append(_Span(sp.start_char, sp.end_char, "quantity", k,
                           title=format_quantity(sp._.quantity) or "quantity"))
        k += 1
    for sp in doc.spans.get("periods", []):
        spans.append(_Span(sp.start_char, sp.end_char, "period", k,
                           title="period: " + (format_period(sp._.period) or "unresolved")))
        k += 1
    return spans


# ---------------------------------------------------------------- fact table


def _fact_cells(fact: Any) -> tuple[str, str, str, str, str, str]:
    """(subject/company/park, indicator, period, value, yoy, share) as escaped HTML."""
    e = html.escape
    t = fact.type
    if t == "metric":
        ind = e(fact.indicator)
        if fact.indicator_text:
            ind += f'<div class="sub">{e(fact.indicator_text)}</div>'
        if fact.scope:
            ind += f'<div class="sub">scope: {e(fact.scope)}</div>'
        return (e(fact.subject), ind, e(format_period(fact.period)),
                e(format_quantity(fact.value)), e(_pct(fact.yoy_pct)), e(_pct(fact.share_pct)))
    if t == "located_in":
        who = f'{e(fact.company)}<div class="sub">in {e(fact.park)}</div>'
        return (who, "", "", "", "", "")
    if t == "alias":
        who = f'{e(fact.name)}<div class="sub">{e(fact.label)} alias: {e(fact.alias)}</div>'
        return (who, "", "", "", "", "")
    if t == "project":
        who = e(fact.name)
        for key in ("company", "park"):
            if getattr(fact, key):
                who += f'<div class="sub">{key}: {e(getattr(fact, key))}</div>'
        vals = []
        if fact.investment:
            vals.append("investment " + format_quantity(fact.investment))
        vals += ["capacity " + format_quantity(q) for q in fact.capacity]
        status = f"status: {fact.status}" if fact.status else ""
        return (who, e(status), "", "<br>".join(e(v) for v in vals), "", "")
    return (e(str(fact)), "", "", "", "", "")


_CELL_CLASSES = ("who", "ind", "num", "num", "num", "num")


def _facts_table(doc: Doc, facts: list[Any], prefix: str) -> str:
    e = html.escape
    rep = doc._.repair
    head = ("#", "type", "subject / company / park", "indicator", "period", "value", "yoy", "share",
            "evidence")
    rows = []
    for i, fact in enumerate(facts, 1):
        cells = _fact_cells(fact)
        ev = getattr(fact, "evidence", None)
        if ev:
            quote = rep.written[rep.from_raw(ev[0]) : rep.from_raw(ev[1])].replace("\n", " ")
            if len(quote) > _EVIDENCE_SNIPPET:
                quote = quote[:_EVIDENCE_SNIPPET] + "…"
            href = f"#{prefix}ev-{i}"
            num = f'<a href="{href}">{i}</a>'
            evc = (f'<a class="ev-link" href="{href}">{e(quote)}</a>'
                   f'<div class="sub">raw [{ev[0]}, {ev[1]})</div>')
        else:
            num, evc = str(i), '<span class="sub">no evidence</span>'
        tds = "".join(f'<td class="{k}">{c}</td>' for k, c in zip(_CELL_CLASSES, cells))
        rows.append(f'<tr id="{prefix}fact-{i}" class="fact fact-{e(fact.type)}">'
                    f'<td class="n">{num}</td><td><span class="type">{e(fact.type)}</span></td>'
                    f'{tds}<td class="ev">{evc}</td></tr>')
    if not rows:
        return '<p class="none">No facts.</p>'
    ths = "".join(f"<th>{e(h)}</th>" for h in head)
    return f'<table class="facts"><thead><tr>{ths}</tr></thead><tbody>{"".join(rows)}</tbody></table>'


# ---------------------------------------------------------------- page


def _css(split_facts: Iterable[int], prefix: str) -> str:
    ents = "".join(f".zone-ie mark.ent-{lab}{{background:{c}}}" for lab, c in ENTITY_COLORS.items())
    # Evidence cut into pieces: highlight all pieces when the first one is the target.
    pieces = "".join(
        f".zone-ie:has(#{prefix}ev-{n}:target) .{prefix}ev-{n}{{background:#ffe066;"
        f"box-shadow:0 0 0 2px #f59f00}}"
        for n in sorted(split_facts)
    )
    return _BASE_CSS + ents + pieces


_BASE_CSS = """
.zone-ie{font-family:system-ui,"Noto Sans CJK SC","Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;
color:#1f2328;max-width:1100px;margin:0 auto}
.zone-ie h1{font-size:1.4em;margin:.2em 0}
.zone-ie h2{font-size:1.15em;margin:1.2em 0 .4em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
.zone-ie .meta{color:#57606a;font-size:.9em}
.zone-ie .legend{font-size:.85em;margin:.5em 0;line-height:2.2}
.zone-ie .legend>span{margin-right:1.2em}
.zone-ie .text{line-height:2.5;font-size:1.02em;padding:.6em 1em;border:1px solid #d0d7de;
border-radius:6px;background:#fff}
.zone-ie mark.entity{background:DEFAULT_COLOR;color:inherit;padding:.2em .35em;margin:0 .1em;
line-height:1;border-radius:.35em;box-decoration-break:clone;-webkit-box-decoration-break:clone}
.zone-ie mark.entity.cont{margin-left:0;padding-left:0;border-top-left-radius:0;border-bottom-left-radius:0}
.zone-ie mark.entity.cut{margin-right:0;padding-right:0;border-top-right-radius:0;border-bottom-right-radius:0}
.zone-ie .entity-label{font-size:.62em;font-weight:bold;line-height:1;border-radius:.35em;
vertical-align:middle;margin-left:.4em;text-transform:uppercase;color:#24292f;font-family:system-ui,sans-serif}
.zone-ie .quantity{border-bottom:2px solid #e8590c;cursor:help}
.zone-ie .period{border-bottom:2px dashed #7048e8;cursor:help}
.zone-ie .evidence{background:#fbf6df;border-radius:2px;scroll-margin-top:40vh}
.zone-ie .evidence:target,.zone-ie .evidence:target .evidence{background:#ffe066;box-shadow:0 0 0 2px #f59f00}
.zone-ie table.facts{border-collapse:collapse;width:100%;font-size:.88em}
.zone-ie table.facts th{background:#f6f8fa;text-align:left;position:sticky;top:0}
.zone-ie table.facts th,.zone-ie table.facts td{border:1px solid #d0d7de;padding:3px 6px;vertical-align:top}
.zone-ie table.facts td.n{text-align:right}
.zone-ie table.facts tr:target{background:#fff3bf}
.zone-ie .sub{color:#57606a;font-size:.85em}
.zone-ie .type{font-family:ui-monospace,monospace;font-size:.9em;padding:0 .3em;border-radius:3px;background:#eaeef2}
.zone-ie tr.fact-metric .type{background:#ffe8cc}.zone-ie tr.fact-located_in .type{background:#d3f9d8}
.zone-ie tr.fact-alias .type{background:#e5dbff}.zone-ie tr.fact-project .type{background:#d0ebff}
.zone-ie a{color:#0550ae;text-decoration:none}.zone-ie a:hover{text-decoration:underline}
.zone-ie td.ev{min-width:14em}
.zone-ie td.who{min-width:8em}
.zone-ie td.who,.zone-ie td.ind,.zone-ie td.ev{overflow-wrap:break-word}
.zone-ie td.num,.zone-ie td.n,.zone-ie .type{white-space:nowrap}
.zone-ie .swatch{display:inline-block;padding:0 .4em;border-radius:.35em}
""".replace("DEFAULT_COLOR", DEFAULT_ENTITY_COLOR)

_PAGE_CSS = "body{margin:1.2em;background:#f6f8fa}html{scroll-behavior:smooth}"


def render(doc: Doc, *, title: Optional[str] = None, page: bool = True, id_prefix: str = "") -> str:
    """HTML for a Doc processed by the zone_ie pipeline.

    ``page=True``: a complete self-contained page; ``page=False``: a ``<div>``
    fragment (with its ``<style>``) for notebooks or embedding. ``id_prefix``
    is put before every ``id`` (``ev-N``, ``fact-N``) when several documents
    share one page.
    """
    e = html.escape
    prefix = re.sub(r"[^A-Za-z0-9_-]", "_", id_prefix)
    facts = list(doc._.facts or [])
    markup = _markup(doc._.repair.written, _doc_spans(doc, facts), prefix)  # as written (traditional stays)
    doc_id = doc._.doc_id
    title = title or doc_id or "zone_ie document"
    labels: dict[str, int] = {}
    for ent in doc.ents:
        labels[ent.label_] = labels.get(ent.label_, 0) + 1
    n_q, n_p = len(doc.spans.get("quantities", [])), len(doc.spans.get("periods", []))
    meta = [f"doc_id {doc_id}" if doc_id else None, f"date {doc._.date}" if doc._.date else None,
            ", ".join(f"{n} {lab}" for lab, n in labels.items()) or "no entities",
            f"{n_q} quantities", f"{n_p} periods", f"{len(facts)} facts"]
    legend = "".join(
        f'<span><mark class="entity ent-{lab}">{lab.lower()}<span class="entity-label">{lab}</span>'
        "</mark></span>" for lab in ENTITY_COLORS
    ) + ('<span><span class="quantity">quantity</span></span>'
         '<span><span class="period">period</span></span>'
         '<span><span class="swatch" style="background:#fbf6df">evidence</span>'
         ' <span class="swatch" style="background:#ffe066">selected evidence</span></span>'
         '<span>hover a figure for its parsed value · click a fact to see its evidence</span>')
    body = (
        f'<div class="zone-ie"><style>{_css(markup.split_evidence, prefix)}</style>'
        f"<h1>{e(title)}</h1>"
        f'<div class="meta">{e(" · ".join(m for m in meta if m))} · '
        f'<a href="#{prefix}facts">facts ↓</a></div>'
        f'<div class="legend">{legend}</div>'
        f'<div class="text" id="{prefix}text">{markup.html}</div>'
        f'<h2 id="{prefix}facts">Facts ({len(facts)})</h2>'
        f"{_facts_table(doc, facts, prefix)}</div>"
    )
    if not page:
        return HTMLString(body)
    return HTMLString(
        "<!DOCTYPE html>\n"
        f'<html lang="zh"><head><meta charset="utf-8"><title>{e(title)}</title>'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<style>{_PAGE_CSS}</style></head>\n<body>\n{body}\n</body></html>\n"
    )


def write_html(doc: Doc, path: Union[str, Path], **kwargs: Any) -> Path:
    """Write ``render(doc, **kwargs)`` to ``path`` (UTF-8)."""
    path = Path(path)
    path.write_text(render(doc, **kwargs), encoding="utf-8")
    return path


# ---------------------------------------------------------------- command line


def add_show_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``zone-ie show`` on the CLI's subparsers."""
    p = subparsers.add_parser(
        "show", help="render one document as an HTML page (entities, quantities, facts, evidence)")
    p.add_argument("doc", metavar="DOC", help="a .txt file, or a .jsonl file (with --doc-id)")
    p.add_argument("--doc-id", help="which record of a .jsonl file (default: its only record)")
    p.add_argument("-o", "--output",
                   help="output HTML, '-' for stdout (default: DOC's stem + .html, in the current directory)")
    p.add_argument("--segmenter", choices=("char", "pkuseg", "auto"), default="char",
                   help="word segmenter (default char; pkuseg only on request; auto: pkuseg when installed)")
    p.add_argument("--date", help="document date YYYY-MM-DD (resolves 今年, 去年)")
    p.add_argument("--title", help="page title (default: the doc_id)")
    p.set_defaults(func=cmd_show)
    return p


def _pick_record(args: argparse.Namespace) -> Any:
    from .io import InputError, Record, iter_records

    path = Path(args.doc)
    if path.is_dir():
        return f"{path}: is a directory; give one .txt or .jsonl file"
    records = list(iter_records([path]))
    if path.suffix == ".jsonl":
        good = [r for r in records if isinstance(r, Record)]
        if args.doc_id is not None:
            found = [r for r in good if r.doc_id == args.doc_id]
            if found:
                return found[0]
            bad = [r for r in records if isinstance(r, InputError)]
            if bad and not good:
                return f"{bad[0].source}: {bad[0].reason}"
            return f"{path}: no record with doc_id {args.doc_id!r}"
        if len(good) == 1:
            return good[0]
        if not good:
            bad = [r for r in records if isinstance(r, InputError)]
            return f"{bad[0].source}: {bad[0].reason}" if bad else f"{path}: no records"
        return f"{path}: {len(good)} records; choose one with --doc-id"
    rec = records[0]
    if isinstance(rec, InputError):
        return f"{rec.source}: {rec.reason}"
    return rec


def cmd_show(args: argparse.Namespace) -> int:
    from .pipeline import load, make_doc

    rec = _pick_record(args)
    if isinstance(rec, str):
        print(f"error: {rec}", file=sys.stderr)
        return 1
    nlp = load(segmenter=args.segmenter)
    date = args.date or rec.date
    doc = nlp(make_doc(nlp, rec.text, rec.doc_id, date))
    page = render(doc, title=getattr(args, "title", None))
    if args.output == "-":
        sys.stdout.write(page)
        return 0
    if args.output:
        out = Path(args.output)
    else:
        stem = Path(args.doc).stem if Path(args.doc).suffix != ".jsonl" else rec.doc_id
        out = Path(re.sub(r"[^\w.-]", "_", stem) + ".html")
    out.write_text(page, encoding="utf-8")
    n = len(doc._.facts or [])
    print(f"wrote {out} ({len(doc.ents)} entities, {n} facts)", file=sys.stderr)
    return 0
