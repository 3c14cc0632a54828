"""zone_relations: metric, located_in and project facts on hand-written sentences,
plus seed-level regression floors."""
from __future__ import annotations

from pathlib import Path

import pytest

from factkit import facts
from zone_ie.pipeline import make_doc

ROOT = Path(__file__).resolve().parents[1]


def test_metric_value_yoy_share_and_period(nlp):
    text = "2023年1—6月，临川高新区规模以上工业增加值达52.3亿元，同比增长8.1%，占全市的比重为36.5%。"
    (m,) = facts(nlp, text, "metric")
    assert m["subject"] == "临川高新区"
    assert m["indicator"] == "industrial_value_added_above_scale"
    assert m["period"] == {"year": 2023, "start_month": 1, "end_month": 6}
    assert m["value"]["value"] == pytest.approx(5.23e9) and m["value"]["unit"] == "CNY"
    assert m["yoy_pct"] == pytest.approx(8.1)
    assert m["share_pct"] == pytest.approx(36.5)


def test_decline_is_negative(nlp):
    (m,) = facts(nlp, "临川高新区进出口总额同比下降4.5%。", "metric")
    assert m["indicator"] == "foreign_trade" and m["yoy_pct"] == pytest.approx(-4.5)


def test_respectively_distributes_over_scopes(nlp):
    text = "临川高新区加快发展。其中，纺织业、汽车制造业投资额分别同比增长12.4%和30.2%。"
    ms = facts(nlp, text, "metric")
    got = {(m["scope"], m["yoy_pct"]) for m in ms}
    assert got == {("纺织业", 12.4), ("汽车制造业", 30.2)}
    assert all(m["indicator"] == "fixed_asset_investment" for m in ms)


def test_governing_period_and_anaphora_carry_over(nlp):
    text = "临川高新区召开大会。\n上半年，该高新区经济运行平稳。固定资产投资同比增长6.2%；税收收入3.1亿元。"
    ms = facts(nlp, text, "metric")
    assert {m["indicator"] for m in ms} == {"fixed_asset_investment", "tax_revenue"}
    for m in ms:
        assert m["subject"] == "临川高新区"
        assert m["period"] == {"year": None, "start_month": 1, "end_month": 6}


def test_counts_are_metrics(nlp):
    ms = facts(nlp, "临川高新区拥有研发平台86家、发明专利540项。", "metric")
    got = {(m["indicator"], m["value"]["value"]) for m in ms}
    assert got == {("rnd_platforms", 86.0), ("patents", 540.0)}


def test_located_in_cues_and_customer_negative(nlp):
    text = "东岳机械股份有限公司落户临川高新区，其客户星海重工股份有限公司也在积极合作。"
    pairs = {(f["company"], f["park"]) for f in facts(nlp, text, "located_in")}
    assert ("东岳机械股份有限公司", "临川高新区") in pairs
    assert not any("星海重工" in c for c, _ in pairs)


def test_located_in_apposition(nlp):
    pairs = {(f["company"], f["park"]) for f in facts(nlp, "临川高新区企业东岳机械股份有限公司加大研发。", "located_in")}
    assert pairs == {("东岳机械股份有限公司", "临川高新区")}


def test_project_with_investment_capacity_status(nlp):
    text = "东岳机械股份有限公司在临川高新区建设年产5万吨特种钢材项目，总投资20亿元，目前已开工。"
    (p,) = facts(nlp, text, "project")
    assert p["name"] == "年产5万吨特种钢材项目"
    assert p["company"] == "东岳机械股份有限公司" and p["park"] == "临川高新区"
    assert p["investment"]["value"] == pytest.approx(2e9)
    assert [q["value"] for q in p["capacity"]] == [50000.0]
    assert p["status"] == "under_construction"


def test_article_boundary_does_not_leak_park(nlp):
    text = (
        "临川高新区：创新引领发展\n\n◎本报记者李明\n\n今年一季度，临川高新区营业收入达80亿元。\n\n"
        "桐庐经济开发区：项目建设提速\n\n◎本报记者王强\n\n园区新增发明专利320项。"
    )
    ms = {m["value"]["value"]: m["subject"] for m in facts(nlp, text, "metric")}
    assert ms[8e9] == "临川高新区"
    assert ms[320.0] == "桐庐经济开发区"


def test_repeated_paragraph_is_deduplicated(nlp):
    para = "临川高新区税收收入3.1亿元。\n"
    assert len(facts(nlp, para + para, "metric")) == 1


def test_evidence_is_raw_offsets(nlp):
    raw = "临川高\n\n新区税收收入3.1亿元。"
    doc = nlp(make_doc(nlp, raw))
    (m,) = [f for f in doc._.facts if f.type == "metric"]
    s, e = m.evidence
    assert "3.1亿元" in raw[s:e]


# Regression floors on the seeds (measured: see the issue report); raise them as the pipeline improves.
FLOORS = {"metric": 0.75, "located_in": 0.90, "alias": 0.99, "project": 0.81, "overall": 0.80}


@pytest.mark.parametrize("segmenter", ["char"])
def test_seed_floors(segmenter):
    from zone_ie.cli import predict_records
    from zone_ie.evaluate import evaluate, load_jsonl
    from zone_ie.io import iter_records

    gold = load_jsonl(str(ROOT / "seeds" / "gold.jsonl"))
    records = [r for r in iter_records([str(ROOT / "seeds" / "docs")]) if hasattr(r, "text")]
    scores = evaluate(gold, predict_records(records, segmenter)).to_json()
    for part, floor in FLOORS.items():
        assert scores[part]["f1"] >= floor, (part, scores[part])


def test_interleaved_column_goes_to_the_article_it_continues(nlp):
    """A park-less paragraph printed between two articles joins the one whose
    vocabulary it shares (here the water-works article that follows it)."""
    text = (
        "◎本报记者 甲乙\n"
        "青禾高新区聚焦商业航天，火箭总装、卫星制造企业加速集聚，发射服务订单持续增长。\n"
        "青禾高新区出台航天产业支持政策，火箭企业和卫星企业享受发射保险补贴。\n"
        "管网建设已全线贯通，明川水务项目新增园区工业供水能力，引水管线和中水管线同步铺设。\n"
        "◎本报记者 丙丁\n"
        "今年以来，白沙经济技术开发区推进供水管网和中水管线建设，园区工业供水能力和管线铺设里程提升。\n"
    )
    doc = nlp(make_doc(nlp, text))
    from zone_ie.relations.context import build_context

    ctx = build_context(doc)
    para = next(p for p in ctx.paragraphs if doc.text[p.start:p.end].startswith("管网"))
    assert para.topic is not None and para.topic.text == "白沙经济技术开发区"


@pytest.mark.parametrize(
    "sentence",
    [
        "岑溪湾澜舟机械有限公司主要承接青杼重工股份有限公司的设备保税维修业务。",
        "岑溪湾澜舟机械有限公司产品将主要供给青杼重工股份有限公司、枫渚钢铁股份有限公司等企业。",
        "岑溪湾澜舟机械有限公司产品出口海外，并与枫渚钢铁股份有限公司、青杼重工股份有限公司保持长期合作。",
        "岑溪湾澜舟机械有限公司扩建完成。此外，由青杼重工股份有限公司参与投资的澜舟机械二期项目也已完成备案。",
    ],
)
def test_customers_investors_and_listed_partners_are_not_located(nlp, sentence):
    pairs = {(f["company"], f["park"]) for f in facts(nlp, "岑溪湾高新区加快发展。" + sentence, "located_in")}
    assert ("岑溪湾澜舟机械有限公司", "岑溪湾高新区") in pairs
    assert not any("青杼重工" in c or "枫渚钢铁" in c for c, _ in pairs)


def test_park_anaphor_takes_the_park_named_last(nlp):
    text = (
        "岑溪湾高新区加快发展。与光储产业园相隔不远的岑溪湾康养产业园发展迅速。"
        "园内企业岑溪湾澜舟生物制药有限公司新药获批。"
        "岑溪湾青杼数据科技有限公司是产业园引进的首个数据中心运营商。"
    )
    pairs = {(f["company"], f["park"]) for f in facts(nlp, text, "located_in")}
    assert ("岑溪湾澜舟生物制药有限公司", "岑溪湾康养产业园") in pairs
    assert ("岑溪湾澜舟生物制药有限公司", "光储产业园") not in pairs
    assert ("岑溪湾青杼数据科技有限公司", "岑溪湾康养产业园") in pairs


def test_interview_questions_do_not_start_articles(nlp):
    from zone_ie.relations.context import build_context
    text = ("打造生物医药协同样板——访青禾临港经济技术开发区管委会主任刘振东\n"
            "记者：园区更名引起广泛关注，请您先介绍一下建设成效。\n"
            "刘主任：目前园区已吸引60家医药企业入驻。\n"
            "记者：从经济指标看，去年的表现如何？\n"
            "刘主任：2023年，我区规模以上工业总产值完成586.3亿元。\n")
    ctx = build_context(nlp(text))
    assert {p.article for p in ctx.paragraphs} == {0}


def test_press_conference_questions_naming_the_outlet_do_not_start_articles(nlp):
    """``记者（青禾日报）：…？``: a press-conference question names the reporter's outlet; it
    asks the question of the same briefing, it starts no article, and the answer after it
    (``我们新签约项目38个``) stays the briefing zone's."""
    from zone_ie.relations.context import build_context
    text = ("青禾经济技术开发区专场新闻发布会实录\n\n"
            "主持人：请青禾经济技术开发区介绍有关情况。\n\n"
            "刘振东：今年前三季度，经开区规上工业总产值增长11.2%。\n\n"
            "记者（青禾日报）：新材料产业园的项目进展如何？\n\n"
            "王敏：新材料产业园今年已入驻企业12家。\n\n"
            "记者（青禾广播电视台）：今年经开区招商引资的成绩怎么样？\n\n"
            "刘振东：今年1—11月，我们新签约项目38个，合同投资额86.7亿元。\n\n"
            "记者（人民网）：食品产业园有什么打算？\n\n"
            "王敏：我们会在食品产业园再建设标准厂房约8万平方米。\n")
    ctx = build_context(nlp(make_doc(nlp, text, date="2025-12-05")))
    assert {p.article for p in ctx.paragraphs} == {0}
    found = {m["value"]["value"]: m["subject"] for m in facts(nlp, text, "metric", date="2025-12-05") if m["value"]}
    assert found.get(38.0) == "青禾经济技术开发区"


PARK_OPERATOR_INTERVIEW = (
    "“把企业留下来”\n——访青禾综合保税区运营公司总经理周立航\n\n"
    "青禾综合保税区是全省首个综合保税区，2016年通过国家验收，主要为区域内外贸企业提供保税仓储、"
    "国际分拨和出口退税服务，目前已有入区企业91家。\n\n"
    "记者：去年综保区的业务情况怎么样？\n\n"
    "周立航：2021年全年监管货值28.6亿元，比2020年增长61.2%，其中出口18.9亿元。"
    "今年我们园区力争监管货值突破40亿元。\n"
)

FIRM_INTERVIEW = (
    "“订单排到了明年”\n——访澄江精密机械有限公司总经理周立航\n\n"
    "澄江精密机械有限公司位于青禾经济开发区，主要生产数控机床主轴和精密传动部件，产品销往全国20多个省份。\n\n"
    "记者：去年公司的经营情况怎么样？\n\n"
    "周立航：2021年全年营业收入6.8亿元，比2020年增长21.5%。今年我们园区新引进配套企业5家。\n"
)


def test_an_interview_with_a_parks_operating_company_speaks_for_the_park(rules_nlp) -> None:
    """``——访X保税物流中心运营公司总经理``: the park's own operator answers for the park; with a
    firm's manager the answers are the firm's, except what 我们园区 says of the park."""
    from factkit import metrics

    ms = {m["value"]["value"]: m["subject"] for m in metrics(rules_nlp, PARK_OPERATOR_INTERVIEW, "2022-02-18") if m["value"]}
    assert ms[28.6e8] == "青禾综合保税区"
    assert ms[18.9e8] == "青禾综合保税区"
    assert ms[40e8] == "青禾综合保税区"
    ms = {m["value"]["value"]: m["subject"] for m in metrics(rules_nlp, FIRM_INTERVIEW, "2022-02-18") if m["value"]}
    assert ms[6.8e8] == "澄江精密机械有限公司"
    assert ms[5] == "青禾经济开发区"


@pytest.mark.parametrize("sentence", [
    "另外，区内零部件企业远帆汽车电子有限公司上半年产值同比增长23%。",
    "与此同时，园区内新材料企业远帆汽车电子有限公司新上两条产线。",
    "此外，开发区内的龙头物流企业远帆汽车电子有限公司新建仓库2万平方米。",
])
def test_a_firm_called_one_of_the_zone_s_firms_of_a_trade_is_located(nlp, sentence):
    """``区内零部件企业X`` / ``园区内新材料企业X``: 区内 + the firm's trade + 企业 places the firm
    in the park the article is about, as ``区内企业X`` does."""
    text = "青禾开发区上半年经济运行平稳。" + sentence
    got = {(f["company"], f["park"]) for f in facts(nlp, text, "located_in", "2024-07-20")}
    assert ("远帆汽车电子有限公司", "青禾开发区") in got
