"""Label frames of bulletins (issue 14.3): ``指标：数值`` lines, with bullets or list
numbers, half- or full-width colons; sentences written for these tests."""
from __future__ import annotations

import pytest

from factkit import metrics


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


BULLETIN = (
    "2025年1—9月云岭高新区主要经济指标\n\n"
    "前三季度，云岭高新区主要经济指标运行情况如下：\n"
    "■ 地区生产总值：完成88.4亿元，同比增长7.2%。\n"
    "● 规模以上工业总产值:实现215.6亿元,同比增长11.3%。\n"
    "一、一般公共预算收入：6.3亿元，增长4.8%。\n"
    "2. 外贸进出口总额：累计完成41.9亿元。\n"
    "◆ 规上工业增加值：同比增长9.6%。\n"
)


def _by_indicator(ms):
    return {m["indicator"]: m for m in ms}


def test_label_names_the_figure_after_the_colon(nlp):
    ms = _by_indicator(metrics(nlp, BULLETIN, "2025-10-20"))
    assert ms["gdp"]["value"]["value"] == pytest.approx(88.4e8)
    assert ms["gdp"]["yoy_pct"] == pytest.approx(7.2)
    assert ms["industrial_output_above_scale"]["value"]["value"] == pytest.approx(215.6e8)
    assert ms["public_budget_revenue"]["value"]["value"] == pytest.approx(6.3e8)
    assert ms["public_budget_revenue"]["yoy_pct"] == pytest.approx(4.8)
    assert ms["foreign_trade"]["value"]["value"] == pytest.approx(41.9e8)
    assert all(m["subject"] == "云岭高新区" for m in ms.values())
    assert ms["gdp"]["period"] == {"year": 2025, "start_month": 1, "end_month": 9}


def test_bullets_and_numbers_are_not_indicator_words(nlp):
    ms = metrics(nlp, BULLETIN, "2025-10-20")
    for m in ms:
        assert not m["indicator_text"].startswith(("■", "●", "◆", "一、", "2.")), m["indicator_text"]
    ms = _by_indicator(ms)
    assert ms["industrial_value_added_above_scale"]["yoy_pct"] == pytest.approx(9.6)


def test_a_colon_before_an_indicator_of_its_own_is_no_label(nlp):
    # the clause after the colon names its indicator: the words before the colon are not it
    text = "7月15日，记者从云岭高新区获悉：上半年，云岭高新区完成规上工业总产值132亿元。"
    [m] = metrics(nlp, text, "2025-07-16")
    assert m["indicator"] == "industrial_output_above_scale"
    assert m["indicator_text"] == "规上工业总产值"



def test_price_basis_of_a_growth_joins_the_figure_before(nlp):
    # 同口径 / 可比 / 按现价计算 / 剔除…因素后 say how the growth was measured, not what grew
    text = ("2024年，云岭高新区完成一般公共预算收入18.6亿元，同口径增长6.4%；实现营业收入905亿元，"
            "可比增长5.1%；税收收入9.7亿元，剔除留抵退税因素后增长3.9%；规上工业总产值612亿元，按现价计算增长8.8%。")
    ms = _by_indicator(metrics(nlp, text, "2025-01-20"))
    assert ms["public_budget_revenue"]["yoy_pct"] == pytest.approx(6.4)
    assert ms["operating_revenue"]["yoy_pct"] == pytest.approx(5.1)
    assert ms["tax_revenue"]["yoy_pct"] == pytest.approx(3.9)
    assert ms["industrial_output_above_scale"]["yoy_pct"] == pytest.approx(8.8)
    assert "other" not in ms  # no change left standing alone


def test_a_policy_rate_is_still_no_figure(nlp):
    # ``按…给予`` offers a rate to firms: no figure of the park (the price-basis words do not undo it)
    text = "云岭高新区对新落户企业按设备投资额的10%给予补助，单户最高500万元。"
    assert metrics(nlp, text, "2025-01-20") == []


def test_a_level_after_a_change_is_the_same_figure(nlp):
    # a target stated as a change and the level it reaches: one figure with both numbers
    text = "2026年，云岭综保区力争实现货物进出口总额增长12%以上、突破260亿元，规上工业总产值同比增长9%，达到180亿元。"
    ms = _by_indicator(metrics(nlp, text, "2026-01-10"))
    assert ms["foreign_trade"]["yoy_pct"] == pytest.approx(12)
    assert ms["foreign_trade"]["value"]["value"] == pytest.approx(260e8)
    assert ms["industrial_output_above_scale"]["value"]["value"] == pytest.approx(180e8)
    assert len(ms) == 2


def test_a_figure_with_words_of_its_own_after_a_change_stays_apart(nlp):
    text = "今年一季度，云岭综保区进出口总额同比增长12%，其中出口额达到65亿元。"
    ms = _by_indicator(metrics(nlp, text, "2026-04-10"))
    assert ms["foreign_trade"]["value"] is None
    assert ms["exports"]["value"]["value"] == pytest.approx(65e8)


def test_ranks_after_changes_stay_ranks(nlp):
    text = "一季度，云岭高新区、松溪经开区规上工业增加值分别增长11.4%、9.2%，分列全市园区第1、第3位。"
    ms = metrics(nlp, text, "2026-04-20")
    ranks = sorted((m["subject"], m["value"]["value"]) for m in ms if m["value"] and m["value"]["unit"] == "rank")
    assert ranks == [("云岭高新区", 1.0), ("松溪经开区", 3.0)]
    assert all(m["yoy_pct"] is None for m in ms if m["value"] and m["value"]["unit"] == "rank")


def test_parallel_rows_take_the_indicators_of_the_row_before(nlp):
    text = ("1—9月，云岭新区新签约项目120个。分产业看，高端装备类签约项目28个，协议投资118.5亿元；"
            "新能源类16个，84.2亿元；新材料类11个，47.6亿元。")
    ms = metrics(nlp, text, "2025-10-15")
    rows = {(m["scope"], m["indicator"]): m for m in ms}
    assert rows[("新能源类", "signed_projects")]["value"]["value"] == 16
    assert rows[("新能源类", "signed_investment")]["value"]["value"] == pytest.approx(84.2e8)
    assert rows[("新材料类", "signed_investment")]["value"]["value"] == pytest.approx(47.6e8)
    assert rows[("新材料类", "signed_projects")]["indicator_text"] == "签约项目"


def test_a_row_that_names_its_own_noun_is_not_parallel(nlp):
    # 开工项目 are not a class of the signed projects before: no signed_* figure for them
    text = "今年以来，云岭新区签约项目42个，协议投资215亿元；集中开工项目30个，总投资96亿元。"
    ms = metrics(nlp, text, "2025-10-15")
    assert not [m for m in ms if m["indicator"].startswith("signed") and m["value"]["value"] in (30, 96e8)]


def test_rows_led_by_their_own_period_repeat_the_first_figure(nlp):
    text = ("今年前三季度，云岭综保区实现进出口54.6亿元，同比增长35.9%。"
            "一季度进出口14.2亿元，增长22.6%；二季度19.6亿元，增长37.1%，上半年累计33.8亿元，增长30.4%。")
    ms = metrics(nlp, text, "2024-10-26")
    got = {(m["period"]["start_month"], m["period"]["end_month"]): m for m in ms if m["indicator"] == "foreign_trade"}
    assert got[(4, 6)]["value"]["value"] == pytest.approx(19.6e8)
    assert got[(4, 6)]["yoy_pct"] == pytest.approx(37.1)
    assert got[(1, 6)]["value"]["value"] == pytest.approx(33.8e8)
    assert not [m for m in ms if m["indicator"] == "other"]


def test_a_headline_figure_repeated_in_the_lead_is_one_fact(nlp):
    text = ("前三季度云岭综保区进出口54.6亿元\n\n"
            "本报讯 今年前三季度，云岭综合保税区（以下简称“云岭综保区”）实现进出口54.6亿元，同比增长35.9%。")
    ms = [m for m in metrics(nlp, text, "2024-10-26") if m["indicator"] == "foreign_trade"]
    assert len(ms) == 1


def test_an_intensity_per_mu_or_head_is_no_total(nlp):
    text = "2023年，云岭经开区亩均规上工业税收达到23.67万元/亩，人均产值达到150万元，规上工业税收完成8.6亿元。"
    ms = metrics(nlp, text, "2024-03-01")
    by_value = {m["value"]["value"]: m for m in ms if m["value"]}
    assert by_value[23.67]["indicator"] == "other"
    assert by_value[1.5e6]["indicator"] == "other"
    assert by_value[8.6e8]["indicator"] == "tax_revenue"


def test_an_industrys_output_is_output_value_not_the_parks(nlp):
    text = ("2023年，云岭经开区实现工业总产值520亿元，其中医药工业产值96亿元，农产品加工业产值31亿元；"
            "规模以上工业企业工业总产值316亿元，增长8.7%。该园工业产值增长9%。")
    ms = metrics(nlp, text, "2024-02-01")
    by_value = {m["value"]["value"]: m for m in ms if m["value"]}
    assert by_value[520e8]["indicator"] == "industrial_output"
    assert by_value[96e8]["indicator"] == "output_value"
    assert by_value[31e8]["indicator"] == "output_value"
    assert by_value[316e8]["indicator"] != "output_value"  # a class of firms, not an industry
