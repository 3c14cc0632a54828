"""Metric rules (SPEC 4, 6, 7, 10) on invented sentences: period carry-over,
anaphora, list scopes, shares, sub-lists, noise figures."""
from __future__ import annotations

import pytest

from zone_ie.pipeline import load, make_doc


@pytest.fixture(scope="module")
def nlp():
    return load(segmenter="char")


def metrics(nlp, text: str) -> list[dict]:
    doc = nlp(make_doc(nlp, text))
    return [f.model_dump(mode="json") for f in doc._.facts if f.type == "metric"]


def per(m: dict):
    p = m["period"] or {}
    return (p.get("year"), p.get("start_month"), p.get("end_month"))


def test_lead_period_carries_through_article_but_not_to_other_park(nlp):
    text = (
        "本报讯近日获悉，今年上半年，临川高新区工业投资同比增长12.5%。\n"
        "按行业分类，纺织业投资额同比增长8.2%。\n"
        "近日，在桐庐经济开发区，星海重工股份有限公司拥有专利35项。"
    )
    ms = {m["yoy_pct"] or m["value"]["value"]: m for m in metrics(nlp, text)}
    assert per(ms[12.5]) == (None, 1, 6)
    assert per(ms[8.2]) == (None, 1, 6)
    assert per(ms[35.0]) == (None, None, None)


def test_mid_paragraph_period_does_not_cross_paragraphs(nlp):
    text = (
        "临川高新区加快发展。\n"
        "截至10月底，临川高新区完成工业投资55亿元。实施新材料项目36个，总投资98.8亿元。\n"
        "临川高新区盘活闲置土地1200亩。"
    )
    ms = {m["value"]["value"]: m for m in metrics(nlp, text)}
    assert per(ms[36.0]) == (None, 1, 10)
    assert per(ms[9.88e9]) == (None, 1, 10)
    assert per(ms[1200.0]) == (None, None, None)


def test_dateline_and_blockers_give_no_period(nlp):
    text = "5月12日，记者从临川高新区获悉，截至目前，该高新区已培育高新技术企业320家。至此，临川高新区拥有研发平台41家。"
    for m in metrics(nlp, text):
        assert per(m) == (None, None, None)


def test_typed_anaphor_refers_to_park_of_that_kind(nlp):
    text = (
        "临川经济技术开发区召开大会，临川留学人员创业园介绍了情况。\n"
        "临川留学人员创业园新签约入园企业8家。\n"
        "1—8月，经开区经济运行平稳。其中：固定资产投资累计完成26.5亿元，同比增长3.5%。"
    )
    ms = {m["indicator"]: m for m in metrics(nlp, text)}
    fai = ms["fixed_asset_investment"]
    assert fai["subject"] == "临川经济技术开发区"
    assert per(fai) == (None, 1, 8)
    assert fai["yoy_pct"] == pytest.approx(3.5)


def test_respectively_keeps_official_names_with_he(nlp):
    text = "临川高新区加快发展。其中纺织和服装制造业、燃气及水的供应业投资额同比分别增长10.5%和22.4%，两个行业合计占工业投资额比重达到61.2%。"
    ms = metrics(nlp, text)
    got = {(m["scope"], m["yoy_pct"], m["share_pct"]) for m in ms}
    assert ("纺织和服装制造业", 10.5, None) in got
    assert ("燃气及水的供应业", 22.4, None) in got
    assert ("纺织和服装制造业、燃气及水的供应业", None, 61.2) in got
    assert all(m["indicator"] == "fixed_asset_investment" for m in ms)
    assert not any(m["value"] and m["value"]["value"] == 2.0 for m in ms)


def test_share_of_whole_attaches_to_preceding_metric(nlp):
    text = "临川高新区第二产业的投资额同比增长18.2%，在总投资额中占比达到97.1%。"
    (m,) = metrics(nlp, text)
    assert m["scope"] == "第二产业" and m["yoy_pct"] == pytest.approx(18.2) and m["share_pct"] == pytest.approx(97.1)


def test_target_share_attaches(nlp):
    text = "临川高新区亿元以上项目41个，完成全年目标任务的82%。"
    (m,) = metrics(nlp, text)
    assert m["indicator"] == "major_projects" and m["share_pct"] == pytest.approx(82.0)


def test_bare_growth_takes_indicator_from_sentence_head(nlp):
    text = "临川高新区建设提速。新材料领域投资与去年同期相比增长明显，增长幅度达到45%。"
    (m,) = metrics(nlp, text)
    assert m["indicator"] == "fixed_asset_investment" and m["yoy_pct"] == pytest.approx(45.0)
    assert "新材料" in m["scope"]


def test_pull_in_points_is_other(nlp):
    (m,) = metrics(nlp, "临川高新区拉动全市固定资产投资增长3.1个百分点。")
    assert m["indicator"] == "other" and m["value"]["unit"] == "pp"


def test_sublist_inherits_parent_indicator_and_investment_scope(nlp):
    text = "临川高新区新签约项目52个，总投资额80.5亿元，其中工业项目31个、服务业项目21个。"
    ms = metrics(nlp, text)
    by = {m["value"]["value"]: m for m in ms}
    assert by[31.0]["indicator"] == "signed_projects" and "工业" in by[31.0]["scope"]
    assert by[21.0]["indicator"] == "signed_projects"
    assert by[8.05e9]["indicator"] == "signed_investment"


def test_among_frame_sets_scope(nlp):
    text = "临川高新区实施重大项目60个；60个重大项目中，亿元以上项目25个。"
    ms = {m["value"]["value"]: m for m in metrics(nlp, text)}
    assert 25.0 in ms and "重大项目" in (ms[25.0]["scope"] or "")


def test_capacity_list_after_figures(nlp):
    text = "临川电机产业园具备800台伺服电机、2万台水泵的年产能。"
    ms = metrics(nlp, text)
    got = {(m["indicator"], m["scope"], m["value"]["value"]) for m in ms}
    assert got == {("production_capacity", "伺服电机", 800.0), ("production_capacity", "水泵", 20000.0)}


def test_noise_figures_are_dropped(nlp):
    text = (
        "临川高新区坚持“三个一”机制，形成一套工作方案，近300名嘉宾参加大会。"
        "某材料企业在试验中良品率下降15%，年损失超2000万元。"
    )
    assert metrics(nlp, text) == []


def test_average_qualifier_is_scope(nlp):
    text = "2022年，临川高新区入选企业的平均营业收入为6500万元。"
    (m,) = metrics(nlp, text)
    assert m["indicator"] == "operating_revenue" and m["scope"] == "平均"


def test_company_in_object_position_is_not_subject(nlp):
    text = "今年上半年，临川经济技术开发区重点实施了星海重工股份有限公司扩建等项目，已完成投资3亿元。"
    (m,) = metrics(nlp, text)
    assert m["subject"] == "临川经济技术开发区"
