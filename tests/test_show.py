"""``zone_ie.show`` / ``zone_ie.render``: the HTML page of one document (``zone-ie show``)."""
from __future__ import annotations

import argparse
import json
from html.parser import HTMLParser
from pathlib import Path
from typing import Optional

import pytest

import zone_ie
from zone_ie.io import read_text_file
from zone_ie.models import MetricFact
from zone_ie.pipeline import make_doc
from zone_ie.show import add_show_parser, render, write_html

ROOT = Path(__file__).parent.parent
SEED = ROOT / "seeds" / "docs" / "000_290d4a61dcac0ea7.txt"
VOID = {"br", "meta", "hr", "img", "input", "link", "wbr"}


# ---------------------------------------------------------------- a tiny DOM


class El:
    def __init__(self, tag: str, attrs: dict[str, Optional[str]], parent: Optional["El"]) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list = []

    @property
    def classes(self) -> set[str]:
        return set((self.attrs.get("class") or "").split())

    def iter(self):
        yield self
        for c in self.children:
            if isinstance(c, El):
                yield from c.iter()

    def text(self, labels: bool = False) -> str:
        """Text content; ``<br>`` is a newline, entity labels left out unless ``labels``."""
        out = []
        for c in self.children:
            if isinstance(c, str):
                out.append(c)
            elif c.tag == "br":
                out.append("\n")
            elif c.tag in ("style", "script"):
                continue
            elif labels or "entity-label" not in c.classes:
                out.append(c.text(labels))
        return "".join(out)


class Tree(HTMLParser):
    def __init__(self, page: str) -> None:
        super().__init__(convert_charrefs=True)
        self.root = El("#root", {}, None)
        self.cur = self.root
        self.feed(page)
        self.close()
        assert self.cur is self.root, f"unclosed <{self.cur.tag}>"

    def handle_starttag(self, tag, attrs):
        el = El(tag, dict(attrs), self.cur)
        self.cur.children.append(el)
        if tag not in VOID:
            self.cur = el

    def handle_startendtag(self, tag, attrs):
        self.cur.children.append(El(tag, dict(attrs), self.cur))

    def handle_endtag(self, tag):
        if tag in VOID:
            return
        assert self.cur.tag == tag, f"</{tag}> closes <{self.cur.tag}>"
        self.cur = self.cur.parent

    def handle_data(self, data):
        self.cur.children.append(data)

    def all(self, tag: Optional[str] = None, cls: Optional[str] = None) -> list[El]:
        return [el for el in self.root.iter()
                if (tag is None or el.tag == tag) and (cls is None or cls in el.classes)]

    def by_id(self) -> dict[str, El]:
        ids: dict[str, El] = {}
        for el in self.root.iter():
            if "id" in el.attrs:
                assert el.attrs["id"] not in ids, f"duplicate id {el.attrs['id']}"
                ids[el.attrs["id"]] = el
        return ids


# ---------------------------------------------------------------- fixtures



@pytest.fixture(scope="module")
def seed(nlp):
    doc = nlp(make_doc(nlp, read_text_file(SEED), SEED.stem, "2025-04-20"))
    page = render(doc)
    return doc, page, Tree(page)


def evidence_text(doc, fact) -> str:
    rep = doc._.repair
    return rep.text[rep.from_raw(fact.evidence[0]) : rep.from_raw(fact.evidence[1])]


# ---------------------------------------------------------------- the seed page


def test_seed_has_facts_entities_and_quantities(seed) -> None:
    doc, _, _ = seed
    assert len(doc._.facts) >= 10 and len(doc.ents) >= 10 and len(doc.spans["quantities"]) >= 10


def test_text_panel_is_the_repaired_text(seed) -> None:
    doc, _, tree = seed
    (panel,) = [el for el in tree.all("div") if el.attrs.get("id") == "text"]
    assert panel.text() == doc.text.replace("\r", "")


def test_every_entity_is_a_mark_with_its_label_and_exact_text(seed) -> None:
    doc, _, tree = seed
    panel_marks = [m for m in tree.all("mark", "entity") if _inside(m, "text")]
    assert not [m for m in panel_marks if "cont" in m.classes]  # no entity cut in pieces here
    got = []
    for m in panel_marks:
        labels = [c for c in m.children if isinstance(c, El) and "entity-label" in c.classes]
        assert len(labels) == 1 and labels[0].text() == m.attrs["data-label"]
        got.append((m.text(), m.attrs["data-label"]))
    assert got == [(e.text, e.label_) for e in doc.ents]
    assert {"PARK", "COMPANY"} <= {lab for _, lab in got}


def _inside(el: El, ident: str) -> bool:
    while el is not None:
        if el.attrs.get("id") == ident:
            return True
        el = el.parent
    return False


def test_quantities_and_periods_are_marked_with_their_parsed_value(seed) -> None:
    doc, _, tree = seed
    qty = {el.text(): el.attrs["title"] for el in tree.all("span", "quantity") if _inside(el, "text")}
    assert qty["16.4%"] == "16.4 %"
    assert qty["41.6%"] == "41.6 %"
    assert qty["7.2个百分点"] == "7.2 pp"
    assert qty["80万千瓦"] == "800,000,000 W"
    assert qty["超5000万元"] == "over 50,000,000 CNY"
    assert qty["3.8-4.2米"] == "3.8–4.2 m"
    spans = [el.text() for el in tree.all("span", "quantity") if _inside(el, "text")]
    assert spans == [s.text for s in doc.spans["quantities"]]
    per = {el.text(): el.attrs["title"] for el in tree.all("span", "period") if _inside(el, "text")}
    assert per["今年第一季度"] == "period: 2025 · months 1–3"
    assert per["2025年"] == "period: 2025"


def test_one_row_per_fact_linking_to_its_highlighted_evidence(seed) -> None:
    doc, _, tree = seed
    ids = tree.by_id()
    (table,) = tree.all("table", "facts")
    rows = [r for r in table.iter() if r.tag == "tr" and "fact" in r.classes]
    facts = list(doc._.facts)
    assert len(rows) == len(facts)
    for i, (row, fact) in enumerate(zip(rows, facts), 1):
        assert row.attrs["id"] == f"fact-{i}"
        cells = [c for c in row.children if isinstance(c, El) and c.tag == "td"]
        assert cells[1].text() == fact.type
        hrefs = {a.attrs["href"] for a in row.iter() if a.tag == "a"}
        assert hrefs == {f"#ev-{i}"}
        target = ids[f"ev-{i}"]
        assert "evidence" in target.classes and _inside(target, "text")
        assert target.text() == evidence_text(doc, fact)
    metric = next(r for r, f in zip(rows, facts) if f.type == "metric" and f.yoy_pct == 16.4)
    row_text = metric.text()
    assert "阿拉善高新区" in row_text and "fixed_asset_investment" in row_text
    assert "+16.4 %" in row_text and "+41.6 %" in row_text and "2025 · months 1–3" in row_text


def test_target_css_highlights_evidence(seed) -> None:
    _, page, _ = seed
    assert ".evidence:target" in page


def test_page_is_self_contained(seed) -> None:
    _, page, tree = seed
    assert "http://" not in page and "https://" not in page and "//" not in page.replace("://", "")
    for el in tree.root.iter():
        assert el.tag not in ("script", "link", "img", "iframe")
        assert "src" not in el.attrs
        href = el.attrs.get("href")
        assert href is None or href.startswith("#")


# ---------------------------------------------------------------- edge cases


def test_markup_in_the_text_is_escaped(nlp) -> None:
    raw = '甲乙高新区<script>alert("x")</script>企业&丙丁科技有限公司投产。\n第二段<b>粗</b>'
    doc = nlp(make_doc(nlp, raw, "<x>", None))
    page = render(doc)
    tree = Tree(page)
    assert not tree.all("script") and not tree.all("b")
    assert "&lt;script&gt;" in page and "&lt;x&gt;" in page
    (panel,) = [el for el in tree.all("div") if el.attrs.get("id") == "text"]
    assert panel.text() == doc.text
    assert tree.all("title")[0].text() == "<x>"


def test_evidence_cut_by_an_entity_keeps_id_and_all_pieces(nlp) -> None:
    raw = "今年，甲乙高新区固定资产投资同比增长16.4%。"
    doc = nlp(make_doc(nlp, raw, "cut", None))
    ent = next(e for e in doc.ents if e.text == "甲乙高新区")
    # evidence starts inside the entity and ends inside the quantity: both must still nest
    start, end = ent.start_char + 2, raw.index("16.4%") + 2
    doc._.facts = [MetricFact(subject="甲乙高新区", indicator="fixed_asset_investment",
                              yoy_pct=16.4, evidence=(start, end)),
                   # and one that ends inside the entity (cuts the entity's mark)
                   MetricFact(subject="甲乙高新区", indicator="other", evidence=(0, ent.start_char + 3))]
    tree = Tree(render(doc))
    (panel,) = [el for el in tree.all("div") if el.attrs.get("id") == "text"]
    assert panel.text() == raw
    ev2 = tree.all("span", "ev-2")
    assert ev2[0].attrs["id"] == "ev-2" and "".join(p.text() for p in ev2) == raw[: ent.start_char + 3]
    pieces = tree.all("span", "ev-1")
    assert len(pieces) >= 2 and pieces[0].attrs["id"] == "ev-1"
    assert all("id" not in p.attrs for p in pieces[1:])
    assert "".join(p.text() for p in pieces) == raw[start:end]
    marks = [m for m in tree.all("mark", "entity") if _inside(m, "text")]
    assert len(marks) >= 2 and "".join(m.text() for m in marks) == "甲乙高新区"
    assert sum(len([c for c in m.iter() if "entity-label" in c.classes]) for m in marks) == 1
    qty = [q for q in tree.all("span", "quantity") if _inside(q, "text")]
    assert "".join(q.text() for q in qty) == "16.4%"
    assert ":has(#ev-1:target) .ev-1" in render(doc)


def test_fragment_and_notebook_display(seed) -> None:
    doc, _, _ = seed
    frag = render(doc, page=False, id_prefix="d0-")
    assert not frag.lstrip().startswith("<!DOCTYPE") and "<html" not in frag
    assert frag._repr_html_() == frag
    tree = Tree(frag)
    ids = tree.by_id()
    assert "d0-ev-1" in ids and "ev-1" not in ids
    # the package attribute works on every call (the module is zone_ie.show)
    assert zone_ie.render(doc, page=False) == zone_ie.render(doc, page=False) == render(doc, page=False)


def test_write_html(seed, tmp_path) -> None:
    doc, page, _ = seed
    out = write_html(doc, tmp_path / "doc.html")
    assert out.read_text(encoding="utf-8") == page


# ---------------------------------------------------------------- zone-ie show


def _show(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="zone-ie")
    add_show_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["show", *argv])
    return args.func(args)


def test_show_txt(tmp_path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert _show([str(SEED), "--segmenter", "char", "--date", "2025-04-20"]) == 0
    page = (tmp_path / f"{SEED.stem}.html").read_text(encoding="utf-8")
    assert 'id="ev-1"' in page and "2025 · months 1–3" in page


def test_show_jsonl_record(tmp_path, capsys) -> None:
    src = tmp_path / "docs.jsonl"
    recs = [{"doc_id": "a", "text": "甲乙高新区企业丙丁科技有限公司投产。"},
            {"doc_id": "b", "text": "今年一季度，戊己高新区工业产值同比增长5%。", "date": "2024-04-02"}]
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in recs), encoding="utf-8")
    out = tmp_path / "b.html"
    assert _show([str(src), "--doc-id", "b", "-o", str(out), "--segmenter", "char"]) == 0
    page = out.read_text(encoding="utf-8")
    assert "戊己高新区" in page and "date 2024-04-02" in page and "甲乙" not in page
    assert _show([str(src), "-o", str(out), "--segmenter", "char"]) == 1
    assert "--doc-id" in capsys.readouterr().err
    assert _show([str(tmp_path / "missing.txt"), "--segmenter", "char"]) == 1
    assert "file not found" in capsys.readouterr().err


def test_show_is_a_zone_ie_command(tmp_path) -> None:
    from zone_ie.cli import main

    out = tmp_path / "doc.html"
    assert main(["show", str(SEED), "-o", str(out), "--segmenter", "char"]) == 0
    page = out.read_text(encoding="utf-8")
    assert 'class="entity' in page and "fact-1" in page
