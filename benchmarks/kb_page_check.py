"""Render a ``zone-ie kb page`` in headless Chromium, check it, save a screenshot.

    python benchmarks/kb_page_check.py                      # the demo corpus, docs/kb_page.png
    python benchmarks/kb_page_check.py --db facts.sqlite --park PARK --png out.png

Without ``--db`` the demo corpus ``benchmarks/data/kb_demo/docs.jsonl`` (nine
short reports about one park, written for this check, with one planted
conflict) is extracted into a temporary store and its knowledge base built.
Chromium (``apt-get install chromium``) loads the page from a file with the
network switched off; the script reads back the DOM Chromium rendered
(``--dump-dom``) and checks that it has a chart per indicator with points, that
conflicting points are marked, and that every ``#ev-N`` link (chart points and
table sources) resolves to an evidence element; then it saves a screenshot.
Exit status 1 when a check fails or Chromium is missing.
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "benchmarks" / "data" / "kb_demo" / "docs.jsonl"
BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


class PageDom(HTMLParser):
    """What the checks need from a page: ids, internal links, charts and their points."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.charts = 0
        self.points = 0
        self.conflict_points = 0
        self.point_links: list[str] = []
        self.external: list[str] = []
        self._in_svg_link: str | None = None

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if a.get("id"):
            self.ids.add(a["id"])
        href = a.get("href") or a.get("xlink:href")
        if tag == "a" and href:
            self.links.append(href)
            self._in_svg_link = href
        if tag == "svg":
            self.charts += 1
        if tag == "circle":
            self.points += 1
            if "conflict" in (a.get("class") or ""):
                self.conflict_points += 1
            if self._in_svg_link:
                self.point_links.append(self._in_svg_link)
        for k in ("src", "href"):
            v = a.get(k) or ""
            if v.startswith(("http:", "https:", "//")) and tag != "svg":
                self.external.append(v)

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self._in_svg_link = None


def find_browser() -> str | None:
    return next((shutil.which(b) for b in BROWSERS if shutil.which(b)), None)


def check(dom: PageDom) -> list[str]:
    """Problems found in a rendered page (empty: all good)."""
    problems = []
    if dom.charts < 1:
        problems.append("no chart")
    if dom.points < 1 or len(dom.point_links) != dom.points:
        problems.append(f"{dom.points} chart points, {len(dom.point_links)} of them linked")
    internal = [h for h in dom.links if h.startswith("#")]
    missing = sorted({h for h in internal if h[1:] not in dom.ids})
    if missing:
        problems.append(f"links without a target: {missing[:5]}")
    if not any(h.startswith("#ev-") for h in internal):
        problems.append("no evidence links")
    if dom.external:
        problems.append(f"external resources: {dom.external[:3]}")
    return problems


def build_demo(tmp: Path) -> Path:
    from zone_ie.batch import run_extract
    from zone_ie.kb import KnowledgeBase

    db = tmp / "facts.sqlite"
    run_extract([str(DEMO)], segmenter="char", db=str(db), progress=False)
    with KnowledgeBase(db) as kb:
        print(kb.build().line(), file=sys.stderr)
    return db


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--db", help="a fact store with a built knowledge base (default: the demo corpus)")
    ap.add_argument("--park", help="park id or name (default: the park named by the most documents)")
    ap.add_argument("--png", default=str(ROOT / "docs" / "kb_page.png"), help="screenshot path")
    ap.add_argument("--html", help="also keep the page here")
    ap.add_argument("--size", default="1200,2200", help="window size W,H for the screenshot")
    args = ap.parse_args(argv)
    browser = find_browser()
    if browser is None:
        print("error: no Chromium found (apt-get install -y chromium)", file=sys.stderr)
        return 1
    from zone_ie.kb import KnowledgeBase
    from zone_ie.kb.page import render_park

    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        db = Path(args.db) if args.db else build_demo(tmp)
        with KnowledgeBase(db) as kb:
            park = kb.park(args.park) if args.park else next(iter(kb.parks()), None)
            if park is None:
                print(f"error: no park {args.park!r}", file=sys.stderr)
                return 1
            page = tmp / "park.html"
            page.write_text(render_park(kb, park["park_id"]), encoding="utf-8")
        if args.html:
            shutil.copy(page, args.html)
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
                 "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>"]  # no network
        url = page.as_uri()
        dom_html = subprocess.run([browser, *flags, "--dump-dom", url], capture_output=True, text=True,
                                  timeout=120).stdout
        dom = PageDom()
        dom.feed(dom_html)
        problems = check(dom)
        print(f"rendered DOM: {dom.charts} charts, {dom.points} points ({dom.conflict_points} in conflict), "
              f"{sum(h.startswith('#ev-') for h in dom.links)} evidence links, {len(dom.ids)} anchors",
              file=sys.stderr)
        Path(args.png).parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([browser, *flags, f"--screenshot={Path(args.png).resolve()}", f"--window-size={args.size}",
                        url], capture_output=True, timeout=120)
    if not Path(args.png).exists():
        problems.append("no screenshot written")
    for p in problems:
        print(f"FAIL: {p}", file=sys.stderr)
    if not problems:
        print(f"ok: wrote {args.png}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
