"""The park knowledge base: identity across documents, merged figures, conflicts, CLI, page."""
from __future__ import annotations

import csv
import io
import json
import shutil
from html.parser import HTMLParser
from pathlib import Path

import pytest

from zone_ie.batch import run_extract
from zone_ie.cli import main
from zone_ie.kb import KnowledgeBase
from zone_ie.kb.gazetteer import Gazetteer, default_gazetteer, name_form
from zone_ie.kb.identity import Mention, resolve_parks
from zone_ie.kb.metrics import Figure, merge_figures

# Short test documents in our own words. The same parks under different names:
# a national high-tech zone by its full name with a declared alias (kb01), its
# short name (kb02, kb03), another zone by its brand name (kb04) and short name
# (kb05), and a local park with a declared alias, its full name with a place prefix
# (kb06), without one (kb07) and with a variant suffix (kb08). kb03 plants a
# conflicting GDP figure; kb02 and kb07 repeat figures of kb01 and kb06.
DOCS = [
    {"doc_id": "kb01", "date": "2024-07-20", "text":
        "合肥国家高新技术产业开发区（以下简称“合肥高新区”）2024年上半年实现地区生产总值820亿元，同比增长6.5%。"
        "园区企业安徽明远智能科技有限公司新建的年产10万台工业机器人项目已经投产。"},
    {"doc_id": "kb02", "date": "2024-07-25", "text":
        "今年上半年，合肥高新区地区生产总值820亿元，同比增长6.5%，规上工业增加值同比增长9.1%。"
        "明远智能科技有限公司落户合肥高新区集成电路产业园。合肥高新区集成电路产业园上半年新增企业35家。"},
    {"doc_id": "kb03", "date": "2024-08-02", "text": "2024年1-6月，合肥高新区地区生产总值达到850亿元。"},
    {"doc_id": "kb04", "date": "2024-07-30", "text":
        "武汉东湖新技术开发区（光谷）上半年规模以上工业增加值同比增长12.3%。光谷企业湖北星辰光电股份有限公司扩建生产线。"},
    {"doc_id": "kb05", "date": "2024-08-05", "text": "2024年上半年，东湖高新区规模以上工业增加值同比增长12.3%。"},
    {"doc_id": "kb06", "date": "2024-03-01", "text":
        "芜湖市翠湖生态产业园（以下简称“翠湖园”）2023年实现营业收入120亿元，同比增长8%。"},
    {"doc_id": "kb07", "date": "2024-03-09", "text": "2023年，翠湖生态产业园营业收入120.3亿元，入驻企业达到210家。"},
    {"doc_id": "kb08", "date": "2024-04-11", "text":
        "芜湖翠湖生态产业园区（下称“翠湖园”）2023年营业收入同比增长8%。"},
]
HEFEI, WUHAN = "合肥高新技术产业开发区", "武汉东湖新技术开发区"  # gazetteer official names


def _write(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory, nlp) -> Path:
    """A fact store of the test corpus (extracted once) with its knowledge base built."""
    root = tmp_path_factory.mktemp("kb")
    db = root / "facts.sqlite"
    run_extract([str(_write(root / "docs.jsonl", DOCS))], nlp=nlp, db=str(db), progress=False)
    with KnowledgeBase(db) as kb:
        kb.build()
    return db


@pytest.fixture()
def kb(built: Path):
    with KnowledgeBase(built) as k:
        yield k


def _zone_id(name: str) -> str:
    g = default_gazetteer()
    return next(z.id for z in g.zones.values() if z.name == name)


def test_parks_one_record_per_real_park(kb: KnowledgeBase) -> None:
    parks = {p["park_id"]: p for p in kb.parks()}
    n_clusters = kb.conn.execute("SELECT COUNT(*) FROM clusters WHERE label = 'PARK'").fetchone()[0]
    assert n_clusters >= 9  # every document names at least one park; kb02 two
    hefei, wuhan = parks[_zone_id(HEFEI)], parks[_zone_id(WUHAN)]
    assert hefei["n_docs"] == 3 and hefei["level"] == "national high-tech zone"
    assert (hefei["province"], hefei["city"]) == ("安徽省", "合肥市")
    assert {"合肥高新区", "合肥国家高新技术产业开发区"} <= set(hefei["names"])
    assert wuhan["n_docs"] == 2 and "光谷" in wuhan["names"] and "东湖高新区" in wuhan["names"]
    local = [p for p in parks.values() if p["level"] == "local" and p["parent_id"] is None]
    assert len(local) == 1, local  # the 翠湖 park, under three names
    cuihu = local[0]
    assert cuihu["n_docs"] == 3 and cuihu["park_id"].startswith("L")
    assert (cuihu["province"], cuihu["city"]) == ("安徽省", "芜湖市")
    assert "翠湖园" in cuihu["names"]
    subs = [p for p in parks.values() if p["parent_id"] == hefei["park_id"]]
    assert [p["name"] for p in subs] == ["集成电路产业园"]  # nested in the text: 合肥高新区集成电路产业园
    assert len(parks) == 4
    for name in ("合肥高新区", "合肥国家高新技术产业开发区", HEFEI):  # any name finds the one record
        assert [p["park_id"] for p in kb.find_parks(name)] == [hefei["park_id"]]
    assert kb.park("光谷")["park_id"] == wuhan["park_id"] and kb.park("翠湖园")["park_id"] == cuihu["park_id"]
    assert kb.find_parks("没有这个园区") == []


def test_repeated_figures_merge_and_planted_conflict_is_flagged(kb: KnowledgeBase) -> None:
    gdp = kb.series(_zone_id(HEFEI), "gdp")
    assert len(gdp) == 2
    same, other = sorted(gdp, key=lambda m: m["value"])
    assert same["value"] == pytest.approx(8.2e10) and same["yoy_pct"] == pytest.approx(6.5)
    assert same["n_docs"] == 2 and {s["doc_id"] for s in same["sources"]} == {"kb01", "kb02"}
    assert other["value"] == pytest.approx(8.5e10) and [s["doc_id"] for s in other["sources"]] == ["kb03"]
    assert same["conflict"] == other["conflict"] == 1 and same["conflict_across_docs"] == 1
    assert same["key_id"] == other["key_id"]
    for s in same["sources"] + other["sources"]:  # every source keeps its evidence text
        assert "地区生产总值" in s["text"]
    wuhan = kb.series(_zone_id(WUHAN))
    assert len(wuhan) == 1 and wuhan[0]["n_docs"] == 2 and wuhan[0]["conflict"] == 0
    cuihu = next(p for p in kb.parks() if p["level"] == "local" and p["parent_id"] is None)
    revenue = kb.series(cuihu["park_id"], "operating_revenue")
    assert len(revenue) == 1  # 120 and 120.3 (0.25 % apart) and a yoy-only report are one figure
    assert revenue[0]["n_docs"] == 3 and revenue[0]["conflict"] == 0
    assert revenue[0]["value"] == pytest.approx(1.2e10) and revenue[0]["yoy_pct"] == pytest.approx(8.0)
    parks = {p["park_id"]: p for p in kb.parks()}
    assert parks[_zone_id(HEFEI)]["n_conflicts"] == 1 and parks[cuihu["park_id"]]["n_conflicts"] == 0


def test_companies_across_documents(kb: KnowledgeBase) -> None:
    hefei = kb.companies_of(_zone_id(HEFEI))
    assert len(hefei) == 1  # 安徽明远智能科技有限公司 (kb01) = 明远智能科技有限公司 (kb02)
    assert {s["doc_id"] for s in hefei[0]["sources"]} == {"kb01", "kb02"}  # one record, two documents
    assert hefei[0]["name"] == "安徽明远智能科技有限公司"
    n = kb.conn.execute("SELECT COUNT(DISTINCT company_id) FROM kb_company_mentions").fetchone()[0]
    m = kb.conn.execute("SELECT COUNT(*) FROM clusters WHERE label = 'COMPANY'").fetchone()[0]
    assert m == 3 and n == 2
    record = next(c for c in kb.companies() if c["company_id"] == hefei[0]["company_id"])
    # kb02 settles it in the zone's 集成电路产业园: in the part and the zone (SPEC 10)
    circuit = next(p for p in kb.parks() if p["level"] == "local" and p["name"] == "集成电路产业园")
    assert record["n_docs"] == 2 and sorted(record["parks"]) == sorted([_zone_id(HEFEI), circuit["park_id"]])
    assert "明远智能科技有限公司" in record["names"]
    projects = kb.projects_of(_zone_id(HEFEI))
    assert any("机器人" in p["name"] for p in projects)


def test_ids_stable_across_rebuilds_and_incremental_equals_full(built: Path, tmp_path: Path, nlp) -> None:
    db = tmp_path / "copy.sqlite"
    shutil.copy(built, db)
    with KnowledgeBase(built) as kb:
        before = kb.dump()
    with KnowledgeBase(db) as kb:
        kb.build(full=True)
        assert kb.dump() == before  # a rebuild from scratch: same records, ids, figures
    # incremental: a store that first had half the documents, then all of them
    inc = tmp_path / "inc.sqlite"
    run_extract([str(_write(tmp_path / "a.jsonl", DOCS[::2]))], nlp=nlp, db=str(inc), progress=False)
    with KnowledgeBase(inc) as kb:
        first = kb.build()
        assert first.read == 4
    run_extract([str(_write(tmp_path / "b.jsonl", DOCS[1::2]))], nlp=nlp, db=str(inc), progress=False)
    with KnowledgeBase(inc) as kb:
        second = kb.build()
        assert second.read == 4 and second.documents == 8
        assert kb.dump(("kb_parks", "kb_park_mentions", "kb_companies", "park_metrics")) == {
            t: before[t] for t in ("kb_parks", "kb_park_mentions", "kb_companies", "park_metrics")}
        assert kb.build().read == 0  # nothing new


def test_name_forms_and_gazetteer_links() -> None:
    g = default_gazetteer()
    assert name_form("合肥国家高新技术产业开发区") == name_form("合肥高新区") == "合肥高新区"
    assert name_form("潍坊经济开发区") == name_form("潍坊经开区")
    assert g.zones[g.link(["湖北武汉东湖高新区"], g.place("湖北武汉东湖高新区"), [])].name == WUHAN
    assert g.place("安徽省合肥市翠湖生态产业园") == ("安徽省", "合肥市")
    assert g.link(["翠湖生态产业园"], ("", ""), []) is None


def test_place_breaks_ties_between_same_named_local_parks() -> None:
    g = Gazetteer()

    def m(doc: str, name: str, prov: str, city: str, src: str) -> Mention:
        return Mention(doc, 0, "PARK", name, [name], [name], prov, city, src)

    mentions = [m("a", "新材料产业园", "安徽省", "芜湖市", "name"), m("b", "新材料产业园", "湖北省", "宜昌市", "name"),
                m("c", "新材料产业园", "安徽省", "芜湖市", "doc"), m("d", "新材料产业园", "", "", "")]
    records, owner = resolve_parks(g, mentions)
    assert owner[("a", 0)] == owner[("c", 0)] != owner[("b", 0)]
    assert owner[("d", 0)] not in (owner[("a", 0)], owner[("b", 0)])  # no place: ambiguous, kept apart
    assert len(records) == 3
    again, owner2 = resolve_parks(g, list(reversed(mentions)))
    assert owner2 == owner  # ids do not depend on the order of documents


def test_conflict_rule_uses_spec_tolerances() -> None:
    def f(doc: str, value=None, yoy=None, unit="CNY") -> Figure:
        return Figure("P", doc, 0, "gdp", "地区生产总值", None, 2024, 1, 6, value, None, None,
                      unit if value is not None else None, None, yoy)

    rows = merge_figures([f("a", 100.0, 5.0), f("b", 100.4), f("c", None, 5.04), f("d", 101.0)])
    assert [len(r.figures) for r in rows] == [3, 1]
    assert all(r.conflict and r.across_documents for r in rows)
    rows = merge_figures([f("a", 100.0), f("b", None, 7.0)])
    assert len(rows) == 1 and not rows[0].conflict
    rows = merge_figures([f("a", 100.0, 5.0), f("a", 100.0, 6.0)])
    assert len(rows) == 2 and rows[0].conflict and not rows[0].across_documents


def test_cli_parks_series_and_page(built: Path, tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    assert main(["kb", "build", "--db", str(built)]) == 0
    capsys.readouterr()
    assert main(["kb", "parks", "--db", str(built), "--csv"]) == 0
    rows = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(rows) == 4 and set(rows[0]) >= {"park", "level", "province", "documents", "facts", "conflicts"}
    hefei = next(r for r in rows if r["park"] == HEFEI)
    assert (hefei["documents"], hefei["conflicts"]) == ("3", "1")
    assert main(["kb", "series", "--db", str(built), "合肥高新区", "gdp", "--csv"]) == 0
    series = list(csv.DictReader(io.StringIO(capsys.readouterr().out)))
    assert len(series) == 2 and all(r["conflict"] == "across documents" for r in series)
    assert main(["kb", "series", "--db", str(built), "没有这个园区"]) == 1
    out = tmp_path / "park.html"
    assert main(["kb", "page", "--db", str(built), "光谷", "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.hrefs: list[str] = []
        self.svgs = 0
        self.points = 0
        self.conflict_points = 0
        self.external = 0

    def handle_starttag(self, tag: str, attrs: list) -> None:
        a = dict(attrs)
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.hrefs.append(a["href"])
        if tag == "svg":
            self.svgs += 1
        if tag == "circle":
            self.points += 1
            self.conflict_points += "conflict" in (a.get("class") or "")
        for k in ("src", "href"):
            if (a.get(k) or "").startswith(("http:", "https:", "//")):
                self.external += 1


def test_page_charts_and_evidence_links(kb: KnowledgeBase) -> None:
    from zone_ie.kb.page import render_park

    html = render_park(kb, _zone_id(HEFEI))
    p = _Links()
    p.feed(html)
    assert p.external == 0 and "<script" not in html  # self-contained
    assert p.svgs >= 2  # a chart per indicator (gdp, industrial value added)
    # the two disagreeing GDP rows: two value points and the yoy point of the 820 row
    assert p.points >= 4 and p.conflict_points == 3
    internal = [h for h in p.hrefs if h.startswith("#")]
    assert internal and all(h[1:] in p.ids for h in internal)  # every link resolves to an anchor
    evidence = [i for i in p.ids if i.startswith("ev-")]
    assert len(evidence) >= 4
    assert "合肥高新区" in html and "850" in html and "安徽省" in html


def test_evidence_text_only_from_the_very_text(tmp_path: Path) -> None:
    from zone_ie.batch import content_sha256
    from zone_ie.kb.texts import TextSource

    text = "2023年，翠湖生态产业园营业收入120亿元。"
    doc = tmp_path / "a.txt"
    doc.write_text(text, encoding="utf-8")
    jsonl = _write(tmp_path / "b.jsonl", [{"doc_id": "x", "text": "别的文字"}, {"doc_id": "y", "text": text}])
    src = TextSource()
    sha = content_sha256(text)
    assert src.get("a", str(doc), sha) == text
    assert src.get("y", f"{jsonl}:2", sha) == text
    assert src.get("x", f"{jsonl}:1", sha) is None  # another text at that line: no snippet
    assert src.get("z", str(tmp_path / "gone.txt"), sha) is None
    assert TextSource({"q": text}).get("q", "", sha) == text


def test_cli_without_a_store(tmp_path: Path, capsys: pytest.CaptureFixture) -> None:
    missing = str(tmp_path / "none.sqlite")
    assert main(["kb", "build", "--db", missing]) == 1
    assert "no such fact store" in capsys.readouterr().err
    assert not Path(missing).exists()


def test_changed_and_removed_documents_update_the_records(built: Path, tmp_path: Path, nlp) -> None:
    db = tmp_path / "changed.sqlite"
    shutil.copy(built, db)
    fixed = dict(DOCS[2], text=DOCS[2]["text"].replace("850亿元", "820亿元"))  # kb03 corrected
    # a corrected article replaces the stored one only on request (--replace)
    run_extract([str(_write(tmp_path / "fixed.jsonl", [fixed]))], nlp=nlp, db=str(db), progress=False, replace=True)
    with KnowledgeBase(db) as kb:
        stats = kb.build()
        assert stats.read == 1 and stats.conflicts == 0
        gdp = kb.series(_zone_id(HEFEI), "gdp")
        assert len(gdp) == 1 and gdp[0]["n_docs"] == 3 and gdp[0]["conflict"] == 0
        kb.store._delete("kb05")
        kb.conn.execute("DELETE FROM documents WHERE doc_id = 'kb05'")
        stats = kb.build()
        assert stats.removed == 1 and stats.read == 0 and stats.documents == 7
        wuhan = next(p for p in kb.parks() if p["park_id"] == _zone_id(WUHAN))
        assert wuhan["n_docs"] == 1 and "东湖高新区" not in wuhan["names"]


def test_build_reads_evidence_texts_from_given_inputs(tmp_path: Path, nlp, capsys: pytest.CaptureFixture) -> None:
    db = tmp_path / "stdin.sqlite"
    stream = io.StringIO("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in DOCS[:3]))
    run_extract(["-"], nlp=nlp, db=str(db), stdin=stream, progress=False)
    assert main(["kb", "build", "--db", str(db)]) == 0
    with KnowledgeBase(db) as kb:  # the source was stdin: no text to cut evidence from
        assert all(s["text"] is None for m in kb.series(_zone_id(HEFEI)) for s in m["sources"])
    texts = _write(tmp_path / "texts.jsonl", DOCS[:3])
    assert main(["kb", "build", "--db", str(db), "--full", "--texts", str(texts)]) == 0
    with KnowledgeBase(db) as kb:
        sources = [s for m in kb.series(_zone_id(HEFEI)) for s in m["sources"]]
        by_id = {d["doc_id"]: d["text"] for d in DOCS}
        assert sources and all(s["text"] and s["text"] in by_id[s["doc_id"]] for s in sources)
