"""The ``zone-ie kb`` commands: build, parks, series, page."""
from __future__ import annotations

import argparse
import csv
import sys
import unicodedata
from pathlib import Path
from typing import Any, Callable, Optional, Sequence, TextIO

from ..show import _num, format_period

PARK_COLUMNS = ("park_id", "park", "level", "province", "city", "parent", "documents", "facts", "conflicts")
SERIES_COLUMNS = ("indicator", "scope", "period", "value", "unit", "yoy_pct", "share_pct", "documents",
                  "conflict", "sources")


def add_kb_parser(subparsers: Any) -> argparse.ArgumentParser:
    """Register ``zone-ie kb`` and its subcommands on the CLI's subparsers."""
    kb = subparsers.add_parser("kb", help="a park knowledge base across the documents of a fact store")
    sub = kb.add_subparsers(dest="kb_command", required=True)

    def common(p: argparse.ArgumentParser) -> None:
        p.add_argument("--db", default="facts.sqlite", help="the SQLite fact store (default facts.sqlite)")

    p = sub.add_parser("build", help="link parks and companies, merge figures, flag conflicts (incremental)")
    common(p)
    p.add_argument("--full", action="store_true", help="re-read every document instead of new ones only")
    p.add_argument("--texts", nargs="+", metavar="INPUT",
                   help="read evidence texts from these .txt / .jsonl inputs (default: each document's "
                        "recorded source; a text is used only if its hash matches the stored one)")
    p.set_defaults(func=cmd_build)
    p = sub.add_parser("parks", help="a table of the park records")
    common(p)
    p.add_argument("--csv", action="store_true", help="CSV on stdout")
    p.set_defaults(func=cmd_parks)
    p = sub.add_parser("series", help="a park's figures over time")
    common(p)
    p.add_argument("park", metavar="PARK", help="park id or any of its names")
    p.add_argument("indicator", metavar="INDICATOR", nargs="?", help="only this indicator id (SPEC 7)")
    p.add_argument("--csv", action="store_true", help="CSV on stdout")
    p.set_defaults(func=cmd_series)
    p = sub.add_parser("page", help="one self-contained HTML page for a park")
    common(p)
    p.add_argument("park", metavar="PARK", help="park id or any of its names")
    p.add_argument("-o", "--output", default=None, help="output HTML (default: PARK_ID.html)")
    p.set_defaults(func=cmd_page)
    return kb


def _open(args: argparse.Namespace) -> Any:
    from . import KnowledgeBase

    if not Path(args.db).exists():
        print(f"error: {args.db}: no such fact store (run zone-ie extract --db first)", file=sys.stderr)
        return None
    return KnowledgeBase(args.db)


def cmd_build(args: argparse.Namespace) -> int:
    kb = _open(args)
    if kb is None:
        return 1
    texts = None
    if args.texts:
        from ..io import Record, iter_records

        texts = {r.doc_id: r.text for r in iter_records(args.texts) if isinstance(r, Record)}
    with kb:
        stats = kb.build(full=args.full, texts=texts)
    print(stats.line(), file=sys.stderr)
    return 0


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def write_table(rows: Sequence[Sequence[Any]], headers: Sequence[str], out: TextIO, as_csv: bool) -> None:
    """Rows as CSV or as a plain aligned text table."""
    cells = [["" if v is None else str(v) for v in r] for r in rows]
    if as_csv:
        w = csv.writer(out, lineterminator="\n")
        w.writerow(headers)
        w.writerows(cells)
        return
    widths = [max([_width(h)] + [_width(r[i]) for r in cells]) for i, h in enumerate(headers)]
    for r in [list(headers)] + cells:
        out.write("  ".join(c + " " * (w - _width(c)) for c, w in zip(r, widths)).rstrip() + "\n")


def park_rows(kb: Any) -> list[list[Any]]:
    return [[p["park_id"], p["name"], p["level"], p["province"], p["city"], p["parent_id"], p["n_docs"],
             p["n_facts"], p["n_conflicts"]] for p in kb.parks()]


def cmd_parks(args: argparse.Namespace) -> int:
    kb = _open(args)
    if kb is None:
        return 1
    with kb:
        write_table(park_rows(kb), PARK_COLUMNS, sys.stdout, args.csv)
    return 0


def _find(kb: Any, query: str) -> Optional[dict[str, Any]]:
    hits = kb.find_parks(query)
    p = hits[0] if hits else None
    if len(hits) > 1:
        print(f"note: {len(hits)} parks are named {query!r}; showing {p['park_id']} ({p['name']}); others: "
              + ", ".join(h["park_id"] for h in hits[1:]), file=sys.stderr)
    if p is None and not kb.parks():
        print("error: the knowledge base is empty: run zone-ie kb build first", file=sys.stderr)
    elif p is None:
        print(f"error: no park record for {query!r} (see zone-ie kb parks)", file=sys.stderr)
    return p


def series_rows(series: list[dict[str, Any]], pretty: bool = False) -> list[list[Any]]:
    """Table rows of :meth:`KnowledgeBase.series` (``pretty``: numbers with thousands separators)."""
    fmt = _num if pretty else (lambda x: x)
    out = []
    for m in series:
        period = format_period({"year": m["period_year"], "start_month": m["period_start_month"],
                                "end_month": m["period_end_month"]})
        value = fmt(m["value"]) if m["value"] is not None else (
            f"{fmt(m['value_low'])}–{fmt(m['value_high'])}" if m["value_low"] is not None else None)
        conflict = ("across documents" if m["conflict_across_docs"] else "within a document") if m["conflict"] else ""
        srcs = " ".join(f"{s['doc_id']}#{s['fact_idx']}" for s in m["sources"])
        out.append([m["indicator"], m["scope"] or (m["indicator_text"] if m["indicator"] == "other" else ""),
                    period, value, m["unit"], m["yoy_pct"], m["share_pct"], m["n_docs"], conflict, srcs])
    return out


def _park_view(args: argparse.Namespace, view: Callable[[Any, dict[str, Any]], Any]) -> Optional[tuple[dict[str, Any], Any]]:
    """Open the knowledge base, find ``args.park`` and return ``(park, view(kb, park))``;
    None (the reason already said) when either fails."""
    kb = _open(args)
    if kb is None:
        return None
    with kb:
        p = _find(kb, args.park)
        return None if p is None else (p, view(kb, p))


def cmd_series(args: argparse.Namespace) -> int:
    got = _park_view(args, lambda kb, p: series_rows(kb.series(p["park_id"], args.indicator), pretty=not args.csv))
    if got is None:
        return 1
    p, rows = got
    if not args.csv:
        print(f"{p['name']} ({p['park_id']}, {p['level']})")
    write_table(rows, SERIES_COLUMNS, sys.stdout, args.csv)
    return 0


def cmd_page(args: argparse.Namespace) -> int:
    from .page import render_park

    got = _park_view(args, lambda kb, p: render_park(kb, p["park_id"]))
    if got is None:
        return 1
    p, html = got
    out = Path(args.output or f"{p['park_id']}.html")
    out.write_text(html, encoding="utf-8")
    print(f"wrote {out}", file=sys.stderr)
    return 0
