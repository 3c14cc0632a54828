"""Metric rules (SPEC 4, 6, 7, 10) on invented sentences: period carry-over,
anaphora, list scopes, shares, sub-lists, noise figures."""
from __future__ import annotations

import pytest

from factkit import facts, metrics
from zone_ie.pipeline import make_doc


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """These tests check the metric rules; the confidence filter that may drop a figure
    afterwards is tested in test_confidence.py."""
    return rules_nlp


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


# ---------------------------------------------------------------- rules added for unseen articles
# Every sentence below is invented (places 青禾, 蓝溪, 松岭, 白沙; firms 远帆, 澄川, 青禾芯源 …).

def by_value(ms):
    out = {}
    for m in ms:
        key = m["value"]["value"] if m["value"] else (m["yoy_pct"] if m["yoy_pct"] is not None else m["share_pct"])
        out[key] = m
    return out


def test_company_anaphor_is_subject_of_its_own_output(nlp):
    text = ("青禾高新区大力招商。远帆精密机械有限公司去年落户青禾高新区，"
            "该公司负责人说，项目建成投产后，可实现年产值约3.5亿元。")
    (m,) = [m for m in metrics(nlp, text) if m["indicator"] == "output_value"]
    assert m["subject"] == "远帆精密机械有限公司"
    assert m["period"] is None  # 建成投产后: a future state, no reporting period


def test_quoted_speech_is_about_the_speakers_company(nlp):
    text = ("蓝溪经济开发区企业澄川电子有限公司运转正常。"
            "“我们的研发人员已经超过200人，今年订单比去年多了三成。”澄川电子有限公司总经理李岩说。")
    ms = metrics(nlp, text)
    assert ms and all(m["subject"] == "澄川电子有限公司" for m in ms)
    yoy = [m for m in ms if m["yoy_pct"] is not None]
    assert yoy and yoy[0]["yoy_pct"] == pytest.approx(30.0) and yoy[0]["value"] is None


def test_comparison_base_is_not_the_period(nlp):
    doc = nlp(make_doc(nlp, "今年，蓝溪经济开发区澄川电子有限公司出口额比去年增长20%。", date="2024-05-01"))
    (m,) = [f.model_dump(mode="json") for f in doc._.facts if f.type == "metric"]
    assert per(m) == (2024, None, None)


def test_name_in_modifier_gives_way_to_head(nlp):
    text = ("松岭高新区发展提速。位于高新区南部的松岭智造产业园，目前已集聚企业45家。"
            "入驻松岭高新区的青禾芯源科技有限公司营业收入同比增长21%。")
    ms = by_value(metrics(nlp, text))
    assert ms[45.0]["subject"] == "松岭智造产业园"
    assert ms[21.0]["subject"] == "青禾芯源科技有限公司"


def test_locative_park_is_not_subject(nlp):
    text = "3月2日，在白沙经开区内，远帆精密机械有限公司新生产线投产。全部达产后年产值预计超过8亿元。"
    (m,) = metrics(nlp, text)
    assert m["subject"] == "远帆精密机械有限公司" and m["period"] is None


def test_speaker_organisation_is_not_subject_and_bare_kind_word_is(nlp):
    text = ("白沙新区云谷产业园开园。\n"
            "白沙新区有关负责人表示，到2026年，产业园力争集聚企业150家以上。")
    (m,) = metrics(nlp, text)
    assert m["subject"] == "白沙新区云谷产业园" and per(m) == (2026, None, None)


def test_demonstrative_park_anaphor(nlp):
    text = "青禾未来产业园开工。该产业园位于青禾新区核心区，规划面积2.4平方公里。"
    (m,) = metrics(nlp, text)
    assert m["subject"] == "青禾未来产业园" and m["indicator"] == "land_area"


def test_ranking_is_other_and_field_size_is_not_a_figure(nlp):
    text = "上半年，蓝溪综合保税区进出口总额增长18%，增速在全省9个综合保税区中排名第三，高新技术企业数量位居全市首位。"
    ms = metrics(nlp, text)
    ranks = [m for m in ms if m["value"] and m["value"]["unit"] == "rank"]
    assert len(ranks) == 2 and all(m["indicator"] == "other" for m in ranks)
    assert not any(m["value"] and m["value"]["value"] == 9.0 for m in ms)


def test_change_after_adjunct_joins_open_metric(nlp):
    text = "一季度，松岭经济开发区外贸进出口总额31.2亿元，受海外需求偏弱影响同比下降4.1%。"
    (m,) = metrics(nlp, text)
    assert m["indicator"] == "foreign_trade" and m["yoy_pct"] == pytest.approx(-4.1)


def test_ratio_on_indicator_is_other(nlp):
    """A rate built on an indicator is other (R&D intensity is the exception: the share of
    R&D spending, ``test_rnd_intensity_is_the_share_of_rnd_spending``)."""
    (m,) = metrics(nlp, "明年，青禾科技城主营业务收入利润率提升至4.5%。")
    assert m["indicator"] == "other"


def test_embedded_scope_of_industrial_investment(nlp):
    (m,) = metrics(nlp, "前三季度，松岭高新区工业投资同比增长9.9%。")
    assert m["indicator"] == "fixed_asset_investment" and m["scope"] == "工业"


def test_threshold_restatement_is_dropped_but_lone_threshold_kept(nlp):
    ms = metrics(nlp, "去年，白沙经开区规上工业总产值205.3亿元，首次跨上200亿元台阶。")
    assert [m["value"]["value"] for m in ms] == [pytest.approx(2.053e10)]
    ms = metrics(nlp, "今年，白沙经开区工业总产值有望突破500亿元大关。")
    assert len(ms) == 1


def test_voltage_is_not_a_figure(nlp):
    assert metrics(nlp, "青禾高新区配套建设的110千伏变电站投运。") == []


def test_specific_period_not_overridden_by_bare_year(nlp):
    doc = nlp(make_doc(nlp, "截至8月底，青禾科技城今年累计新增企业820家。", date="2024-09-10"))
    (m,) = [f.model_dump(mode="json") for f in doc._.facts if f.type == "metric"]
    assert per(m) == (2024, 1, 8)


def test_event_modifier_period_is_not_the_period(nlp):
    doc = nlp(make_doc(nlp, "5月9日，蓝溪经济开发区举行二季度重点项目集中签约仪式，现场签约项目7个。", date="2024-05-10"))
    (m,) = [f.model_dump(mode="json") for f in doc._.facts if f.type == "metric"]
    assert per(m) == (2024, 5, 5)


def test_total_and_change_restate_previous_count(nlp):
    ms = by_value(metrics(nlp, "去年，松岭经开区新增高新技术企业17家，总数达到96家；累计注册企业510家，较年初新增44家。"))
    assert ms[96.0]["indicator"] == "enterprise_count" and "高新技术企业" in ms[96.0]["scope"]
    assert ms[44.0]["indicator"] == "enterprise_count"


def test_respectively_spreads_shares_over_listed_counts(nlp):
    text = "松岭经济开发区累计培育专精特新“小巨人”企业6家、省级专精特新中小企业41家，分别占全市总数的35%和27.5%。"
    ms = by_value(metrics(nlp, text))
    assert ms[6.0]["share_pct"] == pytest.approx(35.0)
    assert ms[41.0]["share_pct"] == pytest.approx(27.5)
    assert len(ms) == 2


def test_respectively_spreads_subjects(nlp):
    text = "青禾新区数字港开园。远帆软件有限公司、澄川智算有限公司分别租用办公面积6000平方米和4200平方米。"
    ms = by_value(metrics(nlp, text))
    assert ms[6000.0]["subject"] == "远帆软件有限公司"
    assert ms[4200.0]["subject"] == "澄川智算有限公司" and ms[4200.0]["indicator"] == "other"  # rented floor space, not land (DECISIONS, fourth round)


def test_single_project_investment_is_not_a_metric_but_group_is(nlp):
    text = ("青禾高新区远帆精密机械有限公司投资8亿元建设的年产2万台减速器项目开工，建成后可年产减速器2万台。"
            "该基地总投资9亿元。园区在建重点项目13个，总投资71亿元。")
    ms = by_value(metrics(nlp, text))
    assert 8e8 not in ms and 9e8 not in ms and 20000.0 not in ms
    assert ms[7.1e9]["indicator"] == "project_investment"


def test_listed_names_count_is_not_a_figure(nlp):
    text = "同日签约的还有远帆精密、澄川电子和青禾芯源3家企业，分别投资2.5亿元、1.8亿元和1.2亿元。"
    assert metrics(nlp, "蓝溪经开区举行签约会。" + text) == []


def test_fraction_of_group_is_share(nlp):
    text = "青禾科创园目前入驻企业71家，其中近四分之一为高校院所孵化企业。"
    ms = metrics(nlp, text)
    sh = [m for m in ms if m["share_pct"] is not None]
    assert len(sh) == 1 and sh[0]["share_pct"] == pytest.approx(25.0) and sh[0]["indicator"] == "enterprise_count"


def test_form_with_scope_inside_and_investment_inherits_scope(nlp):
    ms = by_value(metrics(nlp, "今年以来，蓝溪高新区新签约智能制造项目12个，协议总投资54亿元。"))
    assert ms[12.0]["indicator"] == "signed_projects" and "智能制造" in ms[12.0]["scope"]
    assert ms[5.4e9]["indicator"] == "signed_investment" and "智能制造" in ms[5.4e9]["scope"]


def test_plan_investment_after_project_count(nlp):
    ms = by_value(metrics(nlp, "今年，白沙经开区重点推进亿元以上项目28个，计划完成投资63亿元。"))
    assert ms[6.3e9]["indicator"] == "project_investment"


def test_group_of_firms_scope_carries_to_next_figure(nlp):
    text = "1—6月，松岭经济技术开发区区内纺织企业营业收入同比下降4.4%，利润总额下降9.1%。"
    ms = by_value(metrics(nlp, text))
    assert ms[-9.1]["indicator"] == "net_profit" and "纺织企业" in ms[-9.1]["scope"]


# ---------------------------------------------------------------- rules added for the seed error classes


def _by_value(ms):
    return {(m["value"] or {}).get("value") if m["value"] else m["yoy_pct"]: m for m in ms}


def test_fronted_period_is_local_to_its_sentence_when_the_article_has_a_frame(nlp):
    text = ("本报讯 记者获悉，2024年，青禾高新区入选企业达120家。\n"
            "2023年，入选企业平均营业收入为5000万元。另有36家企业属于新材料领域。")
    ms = _by_value(metrics(nlp, text))
    assert per(ms[5e7]) == (2023, None, None)
    assert per(ms[36.0]) == (2024, None, None)
    assert ms[36.0]["indicator"] == "enterprise_count" and ms[36.0]["scope"] == "新材料领域"


def test_present_time_sentence_ends_carry_over(nlp):
    text = "2023年，青禾高新区出台扶持办法。截至目前，青禾高新区累计引进人才500人。青禾高新区已入驻企业120家。"
    ms = _by_value(metrics(nlp, text))
    assert per(ms[120.0]) == (None, None, None)


def test_whole_year_takes_the_year_of_its_sentence(nlp):
    text = "截至2023年10月底，青禾高新区已竣工项目12个；预计全年竣工项目30个。"
    ms = _by_value(metrics(nlp, text))
    assert per(ms[12.0]) == (2023, 1, 10)
    assert per(ms[30.0]) == (2023, 1, 12)


def test_heading_year_dates_a_yearless_period(nlp):
    text = ("2024青禾高新区招商大会举行\n"
            "科技日报讯（记者甲乙）10月9日，青禾高新区招商推介举行，共有32个项目签约。")
    ms = _by_value(metrics(nlp, text))
    assert ms[32.0]["indicator"] == "signed_projects"
    assert per(ms[32.0]) == (2024, 10, 10)


def test_enterprise_count_scoped_by_its_predicate(nlp):
    text = "青禾高新区有45家企业属于高端装备领域，28家企业拥有与主导产品有关的发明专利，12家企业在关键零部件领域实现突破。"
    ms = _by_value(metrics(nlp, text))
    assert {m["indicator"] for m in ms.values()} == {"enterprise_count"}
    assert ms[45.0]["scope"] == "高端装备领域"
    assert ms[28.0]["scope"] == "发明专利"
    assert ms[12.0]["scope"] == "关键零部件领域"


def test_signed_n_projects_with_total_investment(nlp):
    ms = _by_value(metrics(nlp, "今年以来，青禾高新区完成签约12个项目，总投资额8.6亿元。"))
    assert ms[12.0]["indicator"] == "signed_projects"
    assert ms[8.6e8]["indicator"] == "signed_investment"
    assert ms[8.6e8]["subject"] == "青禾高新区"


def test_examples_between_verb_and_noun(nlp):
    ms = _by_value(metrics(nlp, "截至目前，青禾高新区累计签约星海重工二期、明川光伏组件等项目26个。"))
    assert ms[26.0]["indicator"] == "signed_projects"


def test_examples_before_counted_noun(nlp):
    ms = _by_value(metrics(nlp, "青禾高新区建有明川材料中心、星海专利服务站等46个省级研发机构。"))
    assert ms[46.0]["indicator"] == "rnd_platforms"


def test_administrative_counts_specs_and_slogans_are_not_figures(nlp):
    text = ("青禾高新区举办8期专题培训班，组织专题讲座6场，89名干部参加。"
            "青禾高新区出台12条支持政策。星海重工股份有限公司新款矿车自重为30吨。"
            "青禾高新区全力推进“百企入园、千亿产值”行动。50余家新材料企业代表参加推介会。")
    assert metrics(nlp, text) == []


def test_rate_named_after_the_figure_is_a_change(nlp):
    (m,) = metrics(nlp, "落户青禾高新区后，星海重工股份有限公司的销售收入以每年25%的速度递增。")
    assert m["indicator"] == "operating_revenue"
    assert m["yoy_pct"] == pytest.approx(25.0) and m["value"] is None


def test_doubling_is_a_hundred_percent_and_discourse_marker_is_not_scope(nlp):
    (m,) = metrics(nlp, "青禾高新区特别是光伏产业产值预计实现120亿元，较去年实现翻番。")
    assert m["indicator"] == "output_value" and m["scope"] == "光伏产业"
    assert m["yoy_pct"] == pytest.approx(100.0)


def test_firms_contacted_are_not_enterprise_counts(nlp):
    (m,) = metrics(nlp, "青禾高新区外出招商15次，对接企业40余家。")[1:]
    assert m["indicator"] == "other"


def test_relative_clause_scopes_a_count(nlp):
    (m,) = metrics(nlp, "青禾高新区为新获批的5家博士后科研工作站授牌。")
    assert m["indicator"] == "rnd_platforms" and "获批" in (m["scope"] or "")


def test_firms_settling_in_a_park_count_for_the_park(nlp):
    text = "星海重工股份有限公司计划投资20亿元。全国排名前十的光伏企业已有4家落户青禾高新区。"
    ms = _by_value(metrics(nlp, text))
    assert ms[4.0]["subject"] == "青禾高新区" and ms[4.0]["indicator"] == "enterprise_count"


def test_workshop_frame_names_the_company(nlp):
    text = "青禾高新区一派繁忙，在星海重工股份有限公司宽敞的生产车间里，300台机床正在运转。"
    ms = _by_value(metrics(nlp, text))
    assert ms[300.0]["subject"] == "星海重工股份有限公司"


def test_domestic_funds_are_the_subjects_own(nlp):
    (m,) = metrics(nlp, "青禾高新区引进国内到位资金12亿元，同比增长8%。")
    assert m["indicator"] == "funds_in_place" and m["value"]["value"] == pytest.approx(1.2e9)
    assert m["yoy_pct"] == pytest.approx(8.0)


def test_planned_completion_of_investment_is_project_investment(nlp):
    ms = _by_value(metrics(nlp, "今年，青禾高新区实施亿元以上项目40个，计划完成投资96亿元。"))
    assert ms[9.6e9]["indicator"] == "project_investment"


def test_sector_frame_scopes_money_and_counts(nlp):
    text = "上半年，临川经济技术开发区发展提速。\n在高端装备领域，临川经济技术开发区重点实施了东岳机械二期等6个项目，已完成投资4亿元。"
    ms = {m["indicator"]: m for m in metrics(nlp, text)}
    assert ms["completed_investment"]["scope"] == "高端装备"
    assert ms["major_projects"]["value"]["value"] == 6 and ms["major_projects"]["scope"] == "高端装备"


def test_activity_frame_does_not_scope(nlp):
    text = "在基础设施建设方面，临川经济技术开发区完成投资4亿元。"
    (m,) = metrics(nlp, text)
    assert m["scope"] is None


def test_value_verb_inside_an_indicator_form_is_not_stripped(nlp):
    from factkit import facts

    text = "截至6月底，枫渚高新区共有高新技术企业210家，有效发明专利拥有量达到3120件。"
    got = {(f["indicator"], f["indicator_text"], f["value"]["value"]) for f in facts(nlp, text, "metric")}
    assert ("patents", "有效发明专利", 3120.0) in got


# ---------------------------------------------------------------- issue 14: area subjects, thresholds
# (sentences written for these tests, in the forms real roundups use)


def test_area_figures_are_not_the_parks(nlp):
    text = (
        "前三季度，青禾高新区规上工业增加值增长10.2%，全市规上工业增加值增长7.7%。"
        "同期，临川全市地区生产总值达到3014.5亿元，增长6.1%。湖南全省增长8.1%。"
        "长沙县同期固定资产投资增长11.3%。我国光伏组件产量增长30%。"
    )
    ms = metrics(nlp, text)
    assert [(m["subject"], m["yoy_pct"]) for m in ms] == [("青禾高新区", 10.2)]


@pytest.mark.parametrize("area", [
    "“十四五”期间全市累计引进外资48亿美元。",            # a plan period before the area
    "推介会期间，全市共签约项目37个。",                    # an event's span before the area
    "推介会期间南充共签约项目37个。",                      # a bare city, then 共签约
    "上半年，莒县规上工业营业收入增长24.1%。",             # a county of one character
    "曹县同期固定资产投资增长11.3%。",
])
def test_an_area_after_a_time_frame_or_of_one_character_is_not_the_park(nlp, area):
    text = "青禾经开区上半年签约项目5个，园区负责人表示，" + area
    ms = metrics(nlp, text, "2024-07-10")
    assert [(m["subject"], (m["value"] or {}).get("value")) for m in ms] == [("青禾经开区", 5.0)]


def test_a_park_after_an_events_span_keeps_its_figures(nlp):
    text = "推介会期间，青禾经开区共签约项目12个，总投资50亿元。"
    ms = metrics(nlp, text, "2024-07-10")
    assert {m["subject"] for m in ms} == {"青禾经开区"} and len(ms) == 2


@pytest.mark.parametrize("group", [
    "2022年全年，全省综保区进出口1292.6亿元。",
    "从全省看，1—10月，浙江12个综合保税区合计进出口1186.4亿元。",
    "前三季度，湖南省国家级和省级开发区实现规上工业增加值4120亿元。",
    "2023年全省各化工园区实现营业收入约4800亿元。",
])
def test_an_areas_group_of_zones_is_not_the_park(nlp, group):
    text = "青禾综合保税区1—10月进出口41.2亿元，同比增长18.6%。" + group
    ms = metrics(nlp, text, "2023-11-15")
    assert [(m["subject"], m["value"]["value"]) for m in ms if m["value"]] == [("青禾综合保税区", 4120000000.0)]


@pytest.mark.parametrize("text", [
    "青禾高新区营业收入增长15%，对全区营业收入增长的贡献率达到21.3%。",
    "青禾高新区规上工业增加值增长9.6%，对全市工业增长的贡献度为38%。",
])
def test_a_contribution_to_growth_is_no_growth_rate(rules_nlp, text):
    ms = metrics(rules_nlp, text, "2023-11-15")
    contribution = [m for m in ms if m["value"] and m["value"]["unit"] == "%"]
    assert len(contribution) == 1 and contribution[0]["indicator"] == "other" and contribution[0]["yoy_pct"] is None
    assert sorted(m["yoy_pct"] for m in ms if m["yoy_pct"] is not None) in ([15.0], [9.6])


def test_area_in_a_share_or_comparison_base_keeps_the_park(nlp):
    text = "青禾高新区实现产值520亿元，占全市的31%，增速高于全省平均水平2.1个百分点。"
    ms = metrics(nlp, text)
    assert {m["subject"] for m in ms} == {"青禾高新区"}
    assert any(m["share_pct"] == 31.0 for m in ms)
    assert any((m["value"] or {}).get("value") == 2.1 for m in ms)


def test_park_named_after_the_area_takes_the_figure(nlp):
    text = "全市规上工业增加值增长7.7%，其中青禾高新区增长12.4%。"
    ms = metrics(nlp, text)
    assert [(m["subject"], m["yoy_pct"]) for m in ms] == [("青禾高新区", 12.4)]


def test_market_is_not_a_city(nlp):
    # 市场 starts with 市 but names no area
    text = "青禾高新区市场主体达到5000户。"
    assert [(m["value"] or {}).get("value") for m in metrics(nlp, text)] == [5000.0]


@pytest.mark.parametrize("text", [
    "临川高新区投资5亿元以上的项目23个。",
    "临川高新区营收在1亿元至10亿元之间的企业有37家。",
    "临川高新区主营业务收入过10亿元的工业企业达到14家。",
    "临川高新区培育十亿元级企业5家。",
    "临川高新区投资10亿元以上的有4个。",
])
def test_class_bounds_are_not_values(nlp, text):
    # the money figure bounds a class of projects or firms; only counts may remain
    ms = metrics(nlp, text)
    assert all((m["value"] or {}).get("unit") != "CNY" for m in ms)


def test_counts_of_firms_are_not_class_bounds(nlp):
    text = "临川高新区集聚了60余家企业。临川高新区完成投资超10亿元，项目进展顺利。"
    got = {((m["value"] or {}).get("value"), (m["value"] or {}).get("unit")) for m in metrics(nlp, text)}
    assert (60.0, "count") in got and (1e9, "CNY") in got


# ---------------------------------------------------------------- issue 14.4: when


def test_explicit_year_in_the_paragraph_beats_the_publication_date(nlp):
    ms = by_value(metrics(nlp, "2023年，青禾高新区实现产值520亿元。星海重工股份有限公司全年销售汽车25.3万辆。", date="2024-01-31"))
    assert per(ms[5.2e10]) == (2023, None, None)
    assert per(ms[253000.0]) == (2023, 1, 12)


@pytest.mark.parametrize("text", [
    "2023年，青禾高新区全年新签约亿元以上项目81个。",
    "去年，青禾高新区成功升级为国家级经开区，全年实现规上工业总产值320亿元。",
    "2023年，青禾高新区坚持项目为王，全年新开工亿元以上项目59个。",
])
def test_whole_year_after_a_bare_year_is_the_whole_of_that_year(nlp, text):
    # SPEC 6: 全年 is {Y, 1, 12}; a bare year before it names which year
    (m,) = metrics(nlp, text, date="2024-02-20")
    assert per(m) == (2023, 1, 12)


@pytest.mark.parametrize("opening", ["青禾高新区成立于2010年，", "青禾高新区于2010年11月升级为国家级高新区，", "2011年1月获批设立以来，"])
def test_founding_dates_are_no_period(nlp, opening):
    ms = metrics(nlp, opening + "青禾高新区规划面积200平方公里。")
    assert [per(m) for m in ms if m["indicator"] == "land_area"] == [(None, None, None)]


@pytest.mark.parametrize("frame", ["近五年", "如今", "现有"])
def test_multi_year_and_present_frames_stop_the_carried_period(nlp, frame):
    text = f"今年上半年，青禾高新区规上工业总产值418.3亿元。{frame}，园区培育专精特新企业27家。"
    ms = {(m["value"] or {}).get("value"): m for m in metrics(nlp, text)}
    assert per(ms[4.183e10]) == (None, 1, 6)
    assert per(ms[27.0]) == (None, None, None)


# ---------------------------------------------------------------- issue 14.3: scope


@pytest.mark.parametrize("text,scope", [
    ("青禾高新区规上工业增加值增长9.1%，高于全市平均水平2.1个百分点。", "全市"),
    ("青禾高新区规上工业增加值增速高于临川全省平均水平1.5个百分点。", "临川全省"),
    ("青禾高新区研发投入增长12%，快于全国0.8个百分点。", "全国"),
])
def test_comparison_base_is_the_scope(nlp, text, scope):
    (m,) = [m for m in metrics(nlp, text) if (m["value"] or {}).get("unit") == "pp"]
    assert m["scope"] == scope


@pytest.mark.parametrize("text,scope", [
    ("星海钛业股份有限公司钛材产量5.8万吨。", "钛材"),
    ("星海新材股份有限公司负极材料销量21.6万吨，同比增长53%。", "负极材料"),
    ("星海机器人股份有限公司一季度焊接机器人出货超过2600台。", "焊接机器人"),
])
def test_product_before_a_measure_noun_is_the_scope(nlp, text, scope):
    (m,) = metrics(nlp, text)
    assert m["indicator"] == "other" and m["scope"] == scope


def test_capacity_product_before_the_form(nlp):
    (m,) = metrics(nlp, "青禾高新区TDI年产能达到15万吨。")
    assert m["indicator"] == "production_capacity" and m["scope"] == "TDI"


def test_firms_counted_with_hu(nlp):
    (m,) = [m for m in metrics(nlp, "青禾经开区规上企业82户。")]
    assert m["indicator"] == "enterprise_count" and m["scope"] == "规上企业"


def test_no_metric_without_indicator_words_or_with_punctuation_scope(nlp):
    for m in metrics(nlp, "青禾高新区实现产值100亿元；比上年同期增加3家。年产能达3000吨。"):
        assert m["indicator_text"] and any("\u4e00" <= c <= "\u9fff" for c in m["indicator_text"])
        assert m["scope"] is None or any("\u4e00" <= c <= "\u9fff" or c.isalpha() for c in m["scope"])


def test_area_carries_to_the_sentences_that_name_nobody(nlp):
    text = (
        "青禾高新区上半年规上工业增加值增长12.1%。\n"
        "同期，临川全市地区生产总值1436.4亿元，增长8%。其中，机械装备产业增长18.1%，材料化工产业增长18.7%。"
        "青禾高新区工业投资增长9.5%。"
    )
    got = sorted(m["yoy_pct"] for m in metrics(nlp, text))
    assert got == [9.5, 12.1]


@pytest.mark.parametrize("area", ["郸城县", "周口市", "昌吉回族自治州", "德阳全市"])
def test_places_without_a_national_zone_are_areas(nlp, area):
    text = f"一季度，青禾农高区规上工业增加值增长9.6%。同期，{area}地区生产总值增长5.1%。"
    assert [m["yoy_pct"] for m in metrics(nlp, text)] == [9.6]


def test_demonstrative_area_of_the_park_is_not_an_area(nlp):
    # 该盟 in 拉动该盟…增长 is the base of the park's contribution, not a subject
    text = "一季度，青禾高新区固定资产投资增长25%，拉动该盟固定资产投资增长7.2个百分点。"
    assert {(m["value"] or {}).get("unit") for m in metrics(nlp, text)} >= {"pp"}


def test_respective_investments_of_listed_projects_are_project_facts(nlp):
    text = "青禾高新区的星海导电材料项目、蓝天无人机总装项目和澄江冷链物流港二期项目总投资分别为12亿元、8.5亿元和6.2亿元。"
    assert metrics(nlp, text) == []


def test_ternary_battery_is_not_three_yuan(nlp):
    text = "星海新能源股份有限公司全部建成后年产20GWh三元锂电池。"
    assert all((m["value"] or {}).get("value") != 3.0 for m in metrics(nlp, text))


def test_company_profile_bare_company_after_a_frame_word(nlp):
    text = ("青禾高新区企业星海智能装备有限公司成立于2012年。"
            "目前，公司累计拥有授权专利126项，员工680余人。")
    ms = metrics(nlp, text)
    assert {m["subject"] for m in ms if m["indicator"] in ("patents", "employees")} == {"星海智能装备有限公司"}


@pytest.mark.parametrize("lead", ["2023年6月，", "今年1—5月，", "前三季度，", "去年上半年，", "2022年10月18日，"])
def test_company_profile_bare_company_after_a_date(nlp, lead):
    text = ("青禾高新区企业星海智能装备有限公司成立于2012年，主要生产工业机器人。"
            f"{lead}公司实现营业收入12.6亿元，同比增长18.5%。")
    ms = [m for m in metrics(nlp, text, "2023-11-20") if m["indicator"] == "operating_revenue"]
    assert [m["subject"] for m in ms] == ["星海智能装备有限公司"]


def test_a_later_clause_opened_by_a_bare_company_word_is_the_firm(nlp):
    text = ("青禾高新区企业星海智能装备有限公司成立于2012年，主要生产工业机器人。"
            "二期厂房于2023年4月正式投产，公司年产能由此提升至5万台。")
    ms = [m for m in metrics(nlp, text, "2023-11-20") if m["indicator"] == "production_capacity"]
    assert [m["subject"] for m in ms] == ["星海智能装备有限公司"]


@pytest.mark.parametrize("lead", ["", "目前，", "此外，", "2023年6月，", "今年1—5月，", "前三季度，", "据介绍，",
                                  "财务数据显示，", "报告期内，", "截至报告期末，", "“"])
def test_a_later_clause_opens_with_a_bare_company_word_after_any_lead(lead):
    """The later-clause scan looks only after a comma or a lead word's last character
    (``subjects._LEAD_LAST``): every kind of lead must still be seen."""
    from zone_ie.relations.subjects import _bare_company

    text = f"二期厂房正式投产，{lead}公司年产能提升至5万台。"
    k = text.index("公司")
    assert _bare_company(text, 0, len(text)) == (k, k + 2)


def test_a_generic_company_word_in_a_later_clause_is_no_anaphor(nlp):
    text = ("青禾高新区引进了星海智能装备有限公司。"
            "主任说：我想说，企业的事就是高新区的事。去年我们帮企业解决用地、融资问题130多个。")
    assert all(m["subject"] != "星海智能装备有限公司" for m in metrics(nlp, text, "2023-11-20"))


def test_what_a_project_yields_once_built_is_its_builders(nlp):
    text = ("青禾高新区今年开工项目18个。星海新材料有限公司年产8万吨正极材料项目落户青禾高新区，总投资12亿元。\n"
            "项目分两期建设，一期计划年底投产。全部达产后，预计年产值46亿元，可带动就业600人。")
    got = {m["indicator"]: m["subject"] for m in metrics(nlp, text, "2023-05-10")}
    assert got["output_value"] == "星海新材料有限公司"


def test_what_a_group_of_projects_yields_stays_the_parks(nlp):
    text = ("星海新材料有限公司年产8万吨正极材料项目当天开工。\n"
            "青禾高新区集中签约项目7个，协议总投资21亿元。签约项目全部投产后，预计新增年产值35亿元。")
    got = [m["subject"] for m in metrics(nlp, text, "2023-05-10") if m["indicator"] == "output_value"]
    assert got == ["青禾高新区"]


def test_an_interview_question_dates_its_answer(nlp):
    text = ("“让先进制造在园区扎根”\n——访青禾经济开发区管委会主任王立新\n\n青禾日报记者 孙雅\n\n"
            "新年伊始，记者专访了青禾经济开发区（以下简称“青禾经开区”）管委会主任王立新。\n\n"
            "记者：2024年，青禾经开区的发展有哪些亮点？\n\n"
            "王立新：全年我们完成规上工业总产值176.8亿元，同比增长9.3%；上半年实现工业投资7.3亿元，增长40%。\n\n"
            "记者：园区目前是怎样的布局？\n\n"
            "王立新：目前园区规上工业企业达到53家。")
    ms = {m["indicator"]: m for m in metrics(nlp, text, "2025-02-10")}
    assert per(ms["industrial_output_above_scale"]) == (2024, 1, 12)
    assert per(ms["fixed_asset_investment"]) == (2024, 1, 6)
    assert ms["enterprise_count"]["period"] is None or per(ms["enterprise_count"])[0] != 2024


def test_the_number_of_points_a_plan_makes_is_no_count(nlp):
    text = "青禾经开区今年重点抓四件事：一是筑牢制造业主阵地，全年力争新增规上企业30家；二是扩大开放。"
    assert [m["value"]["value"] for m in metrics(nlp, text, "2025-02-10") if m["value"]] == [30.0]


def test_customers_in_a_quote_are_not_what_the_next_figure_is_about(rules_nlp):
    text = ("青禾经开区企业星海钢板有限公司（以下简称星海钢板）去年营业收入128亿元。\n"
            "“我们的产品约七成供给新能源汽车，主要客户包括广州的蓝天汽车、长沙的澄江汽车。”"
            "公司销售总监介绍，去年公司对新能源汽车客户的供货量同比增长了六成多。")
    got = [m["subject"] for m in metrics(rules_nlp, text, "2024-06-20") if m["yoy_pct"] == 60.0]
    assert got and not any(g.endswith("汽车") for g in got)


def test_taxable_sales_are_operating_revenue(nlp):
    text = "2023年，青禾高新区规模工业应税销售412.8亿元，增长11.3%。"
    (m,) = [m for m in metrics(nlp, text, "2024-02-01") if m["value"]]
    assert (m["indicator"], m["value"]["value"], m["yoy_pct"]) == ("operating_revenue", 41280000000.0, 11.3)


@pytest.mark.parametrize("text", [
    "青禾开发区将围绕电子信息、智能装备两条产业链开展精准招商。",
    "青禾产业园区力争到2025年形成石化、冶金、绿色新能源电池3个千亿级主导产业集群。",
    "青禾经开区的评价体系有亩产效益、对外开放、创新驱动、产业集聚四大类。",
])
def test_the_size_of_a_list_of_words_is_no_count(rules_nlp, text):
    assert metrics(rules_nlp, text, "2023-05-10") == []


@pytest.mark.parametrize("text,value", [
    ("去年青禾高新区新增省技术创新中心3家、省重点实验室2家。", 2.0),
    ("青禾高新区招商项目和技改项目各3个。", 3.0),
])
def test_counts_beside_a_list_keep_their_own_figures(rules_nlp, text, value):
    assert value in [m["value"]["value"] for m in metrics(rules_nlp, text, "2023-05-10") if m["value"]]


def test_a_multiple_of_a_base_year_long_past_is_no_yearly_growth(rules_nlp):
    ms = metrics(rules_nlp, "青禾高新区营业收入比2015年增长3倍。青禾高新区税收增长1.8倍。", "2023-05-10")
    got = {(m["indicator"], (m["value"] or {}).get("value"), m["yoy_pct"]) for m in ms}
    assert ("operating_revenue", 3.0, None) in got and ("tax_revenue", None, 180.0) in got


def test_from_then_to_now_gives_both_figures_the_indicator_and_now_no_period(rules_nlp):
    text = ("青禾经开区举办招聘会。作为园区LED封装企业的代表，星海光电有限公司员工已从投产初期的200余人"
            "增加到目前的680人。园区企业数量由2019年的21家增至去年的67家。")
    ms = metrics(rules_nlp, text, "2024-03-01")
    staff = {m["value"]["value"]: m for m in ms if m["indicator"] == "employees"}
    assert set(staff) == {200.0, 680.0}
    assert {m["subject"] for m in staff.values()} == {"星海光电有限公司"}  # the 作为 frame only describes it
    assert staff[680.0]["period"] is None
    assert {m["value"]["value"] for m in ms if m["indicator"] == "enterprise_count"} == {21.0, 67.0}


def test_projects_named_then_signed_are_signed_projects(rules_nlp):
    text = "青禾高新区举行推介会，9个生物医药及大健康项目集中签约，协议总投资79.5亿元；30个项目集中开工。"
    ms = {m["value"]["value"]: m for m in metrics(rules_nlp, text, "2023-12-01") if m["value"]}
    assert (ms[9.0]["indicator"], ms[9.0]["scope"]) == ("signed_projects", "生物医药及大健康项目")
    assert ms[30.0]["indicator"] == "other"  # projects started are no signed projects


def test_generic_zone_word_declared_as_short_name_stays_an_anaphor(nlp):
    text = "青禾工业园区（以下简称“园区”）实现地区生产总值3686亿元。园区完成固定资产投资592.9亿元。"
    doc = nlp(make_doc(nlp, text))
    assert [e.text for e in doc.ents] == ["青禾工业园区"]
    assert {f.subject for f in doc._.facts if f.type == "metric"} == {"青禾工业园区"}


def test_web_byline_date_is_no_period(nlp):
    text = ("青禾综保区正式封关运作\n2025-08-28 09:15  来源: 青禾日报  编辑: 李明\n\n"
            "8月27日上午，青禾综合保税区（以下简称“青禾综保区”）正式封关运作，首批14台机器人入区。"
            "青禾综保区规划面积1.13平方公里。")
    ms = {(m["value"] or {}).get("value"): m for m in metrics(nlp, text)}
    assert per(ms[1130000.0]) == (None, None, None)  # a standing fact: not the event's day
    assert per(ms[14.0])[1:] == (8, 8)                # the event's own figure


def test_company_name_starts_after_an_open_bracket(nlp):
    doc = nlp(make_doc(nlp, "星海智能（浙江星海智能装备有限公司的简称）最早做货架。"))
    assert "浙江星海智能装备有限公司" in {e.text for e in doc.ents}
    assert not any("（" in e.text for e in doc.ents)


@pytest.mark.parametrize("text,yoy", [
    ("青禾高新区汽车制造业增加值增长2.5倍。", 250.0),
    ("青禾高新区出口额同比增长1.2倍。", 120.0),
])
def test_growth_by_times_is_a_change_in_percent(nlp, text, yoy):
    (m,) = metrics(nlp, text)
    assert m["yoy_pct"] == yoy and m["value"] is None


def test_rate_growing_times_stays_a_ratio(nlp):
    (m,) = metrics(nlp, "青禾经开区新一代信息技术产业产值增长速度增加了70倍。")
    assert m["yoy_pct"] is None and m["value"]["unit"] == "x"


@pytest.mark.parametrize("verb", ["回落", "下降", "下拉", "收窄"])
def test_falling_percentage_points_are_negative(nlp, verb):
    text = f"青禾高新区规上工业总产值增长14.2%，增幅比上半年{verb}1.1个百分点。"
    (m,) = [m for m in metrics(nlp, text) if (m["value"] or {}).get("unit") == "pp"]
    assert m["value"]["value"] == -1.1


def test_respective_comparison_list_in_percentage_points(nlp):
    text = "前三季度，青禾高新区地区生产总值增长12.1%，增速分别高于全国、全省、全市8.2个、8.0个和7.5个百分点。"
    got = sorted((m["scope"], m["value"]["value"]) for m in metrics(nlp, text) if (m["value"] or {}).get("unit") == "pp")
    assert got == [("全国", 8.2), ("全市", 7.5), ("全省", 8.0)]


@pytest.mark.parametrize("text,indicator", [
    ("青禾经开区规模工业总产值完成520亿元。", "industrial_output_above_scale"),
    ("青禾经开区工业技改投资增长21%。", "fixed_asset_investment"),
    ("青禾高新区新登记市场主体3200户。", "enterprise_count"),
    ("青禾高新区省外到位产业资金86亿元。", "funds_in_place"),
])
def test_indicator_forms_of_real_bulletins(nlp, text, indicator):
    (m,) = metrics(nlp, text)
    assert m["indicator"] == indicator


def test_area_figure_is_land_area(nlp):
    (m,) = metrics(nlp, "青禾农高区已建成高标准农田8万亩。")
    assert m["indicator"] == "land_area" and "高标准农田" in m["scope"]


def test_page_furniture_gives_no_facts(nlp):
    text = ("首页 | 要闻 | 园区 | 开放 | 视频\n当前位置: 首页 > 园区\n"
            "青禾综保区前三季度进出口增长12%\n2025-10-28 09:15  来源: 青禾日报\n\n"
            "青禾综合保税区（以下简称“青禾综保区”）前三季度实现进出口总额230亿元。\n\n"
            "相关阅读\n· 青禾综保区开放35周年 2023-01-29\n· 青禾综保区新增企业12家 2024-06-17\n\n"
            "版权所有 © 2025 青禾日报社 | 青ICP备05008826号")
    ms = metrics(nlp, text)
    got = {((m["value"] or {}).get("value"), m["yoy_pct"]) for m in ms}
    # the lead only: nothing from the lists, and the headline is in the title block above the
    # first sentence, whose figures give no fact (DECISIONS, fourteenth round)
    assert got == {(2.3e10, None)}


def test_furniture_lines_are_read_in_the_raw_text():
    from zone_ie.relations.furniture import furniture_spans
    raw = "首页 | 要闻 | 园区\n青禾综保区正式封关运作\n相关阅读\n· 青禾综保区开放35周年 2023-01-29\n正文。"
    got = [raw[a:b].strip() for a, b in furniture_spans(raw)]
    assert got == ["首页 | 要闻 | 园区", "相关阅读", "· 青禾综保区开放35周年 2023-01-29"]


def test_park_anaphor_before_an_area_base_is_no_area(nlp):
    text = ("青禾经济技术开发区加快发展。\n"
            "李明：2024年，经开区以全市约4%的土地，实现规上工业总产值1,532.11亿元，同比增长5.8%。")
    ms = {(m["value"] or {}).get("value"): m for m in metrics(nlp, text)}
    assert ms[1.53211e11]["subject"] == "青禾经济技术开发区" and ms[1.53211e11]["yoy_pct"] == 5.8


@pytest.mark.parametrize("text,scope", [
    ("青禾高新区新引进项目19个。", "新引进项目"),
    ("青禾高新区拥有国家级科技企业孵化器4个。", "国家级科技企业孵化器"),
    ("青禾高新区引进博士、硕士人才96名。", "博士、硕士人才"),
])
def test_a_count_is_scoped_by_what_it_counts(nlp, text, scope):
    (m,) = metrics(nlp, text)
    assert m["scope"] and (m["scope"] in scope or scope in m["scope"])  # SPEC 9 scope matching


def test_known_money_indicator_keeps_no_scope(nlp):
    (m,) = metrics(nlp, "青禾高新区规上工业增加值增长9.5%。")
    assert m["scope"] is None


def test_completion_figures_are_scoped_by_their_project(nlp):
    text = "星海生物股份有限公司在青禾农高区建设的年产15万吨聚乳酸项目，投产后可实现年产值42亿元。"
    (m,) = [m for m in metrics(nlp, text) if m["indicator"] == "output_value"]
    assert m["scope"] == "年产15万吨聚乳酸项目"


def test_title_year_dates_whole_year_figures_when_subtitles_name_other_years(nlp):
    text = ("青禾新区晒出2023年“成绩单”\n地区生产总值增长6.2%　新兴产业产值比2019年翻一番\n\n本报记者 李明\n\n"
            "1月31日，记者从青禾新区获悉，青禾新区经济稳中向好。\n\n"
            "星海汽车股份有限公司全年销售汽车255.3万辆，同比增长8.8%。")
    doc = nlp(make_doc(nlp, text, date="2024-01-31"))
    (m,) = [f.model_dump(mode="json") for f in doc._.facts if f.type == "metric" and f.value and f.value.value == 2553000.0]
    assert per(m) == (2023, 1, 12)


def test_area_is_a_standing_fact_without_a_carried_period(nlp):
    text = "一季度，青禾高新区规上工业增加值增长9.1%。青禾高新区辖区面积101.3平方公里。"
    ms = {m["indicator"]: m for m in metrics(nlp, text)}
    assert per(ms["industrial_value_added_above_scale"])[1:] == (1, 3)
    assert ms["land_area"]["period"] is None


@pytest.mark.parametrize("text,indicator", [
    ("青禾经开区规上企业产值增长8.2%。", "industrial_output_above_scale"),
    ("青禾综保区总建筑面积约6万平方米。", "other"),   # floor space is not land (DECISIONS, fourth round: 49 of 52 labelled facts)
    ("青禾经开区家居产业园新建标房20万平方米。", "other"),
    ("青禾综保区今年在区内新建2.2万平方米的保税仓。", "other"),
    ("青禾开发区改造沥青路面13.3万平方米。", "other"),
    ("青禾产业园签约招商面积13.2万平方米。", "other"),
    ("青禾经开区规划面积25.6平方公里。", "land_area"),
    ("青禾经开区亩均税收达到35万元。", "other"),          # a ratio per mu, not the tax revenue
    ("青禾经开区单位工业增加值能耗下降5%。", "other"),
])
def test_ratios_and_building_areas_are_other(nlp, text, indicator):
    (m,) = metrics(nlp, text)
    assert m["indicator"] == indicator


def test_sectors_after_an_indicator_figure_inherit_it(nlp):
    text = ("上半年，青禾高新区主导产业产值264.7亿元，同比增长5.6%。"
            "其中，稀贵金属新材料产业增长6.6%，生物医药产业增长1.3%。")
    got = {(m["indicator"], m["scope"], m["yoy_pct"]) for m in metrics(nlp, text) if m["yoy_pct"] in (6.6, 1.3)}
    assert got == {("output_value", "稀贵金属新材料产业", 6.6), ("output_value", "生物医药产业", 1.3)}


def test_base_year_of_a_growth_is_no_period(nlp):
    doc = nlp(make_doc(nlp, "2025年，青禾经开区规上工业增加值286亿元，在2024年增长9%的基础上再增长7.4%。", date="2026-02-12"))
    (m,) = [f.model_dump(mode="json") for f in doc._.facts if f.type == "metric" and f.yoy_pct == 7.4]
    assert per(m) == (2025, None, None)


def test_difference_from_earlier_date_counts_what_the_count_before_counts(nlp):
    ms = by_value(metrics(nlp, "去年，松岭经开区规上工业企业82户，比上年增加6户；新签约亿元以上项目39个，比上年多出17个。"))
    assert ms[82.0]["indicator"] == "enterprise_count"
    assert ms[6.0]["indicator"] == "other" and ms[6.0]["scope"] == "规上工业企业"
    assert ms[17.0]["indicator"] == "other" and "亿元以上项目" in ms[17.0]["scope"]


def test_bare_place_in_a_ranking_is_a_rank_figure(nlp):
    ms = by_value(metrics(nlp, "在2022年全国国家级高新区综合排名中，松岭高新区位列第53位。"))
    assert ms[53.0]["value"]["unit"] == "rank"
    assert ms[53.0]["subject"] == "松岭高新区"
    assert per(ms[53.0]) == (2022, None, None)


def test_park_anaphor_describing_a_firm_gives_the_firm_as_subject(nlp):
    text = ("松岭高新区加快发展。生物医药领域，园区企业青禾生物技术股份有限公司上半年实现营业收入17.7亿元。"
            "翻看园区上市龙头企业的业绩预告，白鹭重工股份有限公司预计上半年实现净利润6.5亿元。"
            "园区企业营收增长12%。")
    ms = by_value(metrics(nlp, text))
    assert ms[1.77e9]["subject"] == "青禾生物技术股份有限公司"
    assert ms[6.5e8]["subject"] == "白鹭重工股份有限公司"
    assert [m for m in metrics(nlp, text) if m["yoy_pct"] == 12.0][0]["subject"] == "松岭高新区"


def test_locative_frame_over_a_chain_of_parks_gives_the_company(nlp):
    ms = metrics(nlp, "在松岭新区白石高新技术产业园，青禾光电科技有限公司二期产线满产运行，全年产值超过200亿元。")
    (m,) = [m for m in ms if m["value"] and m["value"]["value"] == 2e10]
    assert m["subject"] == "青禾光电科技有限公司"
    (p,) = metrics(nlp, "在松岭高新区，规上工业产值增长12%。")
    assert p["subject"] == "松岭高新区"


def test_rate_built_on_an_indicator_and_new_indicator_forms(nlp):
    text = ("松岭高新区主营业务收入利润率达到10.1%，高价值发明专利拥有量590件；"
            "实现工业开票销售902.4亿元，增长21.7%；新签约招商引资项目32个。")
    ms = by_value(metrics(nlp, text))
    assert ms[10.1]["indicator"] == "other" and ms[10.1]["value"]["unit"] == "%"
    assert ms[590.0]["indicator"] == "patents"
    assert ms[9.024e10]["indicator"] == "operating_revenue" and ms[9.024e10]["yoy_pct"] == 21.7
    assert ms[32.0]["indicator"] == "signed_projects"
    assert ms[32.0]["scope"] != "签"  # no lone character left over as a scope


def test_count_of_zones_is_not_a_figure_of_the_park(nlp):
    text = ("松岭经开区加快发展。商务部对全国229家国家级经开区的产业基础进行评价，本省22家国家级经开区参评。"
            "松岭经开区拥有园区企业120家。")
    ms = by_value(metrics(nlp, text))
    assert 229.0 not in ms and 22.0 not in ms
    assert ms[120.0]["indicator"] == "enterprise_count"


def test_projects_counted_at_a_stage_scope_the_count_and_its_investment(nlp):
    ms = by_value(metrics(nlp, "松岭综保区4个项目集中开工，总投资43.3亿元。"))
    assert ms[4.0]["scope"] == "集中开工项目"  # one name before a count: that name's count
    assert ms[4.33e9]["indicator"] == "project_investment" and ms[4.33e9]["scope"] == "集中开工项目"
    ms = by_value(metrics(nlp, "今年松岭开发区有19个产业项目在建，总投资65.2亿元。"))
    assert ms[6.52e9]["scope"] == "在建产业项目"
    # a list of names before a count: the count is the list's size, not a figure
    assert not metrics(nlp, "松岭高新区引进星海重工、蓝天电子和澄江精密3家企业。")


def test_percentages_after_an_areas_whole_are_shares_of_the_noun_after_them(nlp):
    text = "松岭经开区以不到全市3.5%的土地面积，贡献了全市31%的实际使用外资、17%的外贸进出口和13%的新增市场主体。"
    ms = {m["share_pct"]: m for m in metrics(nlp, text)}
    assert ms[3.5]["indicator"] == "land_area" and ms[3.5]["value"] is None
    assert ms[31.0]["indicator"] == "foreign_investment"
    assert ms[17.0]["indicator"] == "foreign_trade"  # each item names its own measure
    assert ms[13.0]["indicator"] == "enterprise_count"
    assert not metrics(nlp, "全市规上工业增加值增长7.5%。")  # the area's own change is no share


def test_period_after_the_park_that_opens_the_clause_carries_to_the_next_sentences(nlp):
    # ``X高新区(以下简称…)前三季度实现…。分行业看,…``: the period written right after the
    # clause's park governs the sentence and carries on, even in a day-dated article
    text = ("11月5日,青禾市发布2025年前三季度区县主要经济指标。\n"
            "青禾高新技术产业开发区(以下简称\"青禾高新区\")前三季度实现地区生产总值656.7亿元,同比增长7.8%。"
            "分行业看,规模以上工业营业收入777.5亿元,同比增长17.3%;规模以上服务业营业收入117.8亿元,增长4.5%。")
    ms = by_value(metrics(nlp, text, date="2025-11-06"))
    assert per(ms[6.567e10]) == (2025, 1, 9)
    assert per(ms[7.775e10]) == (2025, 1, 9)
    assert per(ms[1.178e10]) == (2025, 1, 9)


@pytest.mark.parametrize("opening", ["该区上半年", "园区1—6月", "青禾经开区上半年"])
def test_period_after_a_park_word_governs(nlp, opening):
    text = (f"{opening}完成外贸进出口112.4亿元,增长16.5%。其中出口87.9亿元,增长22.3%。")
    ms = by_value(metrics(nlp, "青禾经开区位于青禾市东部。\n" + text, date="2024-07-20"))
    assert per(ms[8.79e9]) == (2024, 1, 6)


def test_paragraph_that_says_whole_zone_stays_with_the_zone_before_a_sub_park(nlp):
    # a paragraph naming no park but pointing at 全区 is the zone's, even when the next
    # paragraph names a sub-park with the same words (电子信息…)
    text = ("青禾高新区2024年1—9月经济运行简况\n"
            "1—9月，青禾高新区规模以上工业增加值同比增长9.1%，高于全市平均水平1.4个百分点。\n"
            "分行业看，电子信息产业完成产值186.5亿元，增长12.4%，占全区规上工业总产值的36.9%；电子元件制造业增长21.6%。\n"
            "分园区看，电子信息产业园集聚了电子信息整机企业和电子元件配套企业，电子信息产业园实现产值96.2亿元，增长15.1%。")
    ms = by_value(metrics(nlp, text, date="2024-10-30"))
    assert ms[1.865e10]["subject"] == "青禾高新区"
    assert ms[1.865e10]["share_pct"] == 36.9
    assert ms[9.62e9]["subject"] == "电子信息产业园"


def test_this_year_since_gives_this_year_to_a_yearless_half(nlp):
    # ``…2017年度考核中位列第7位…。今年以来，…上半年新签约…``: 今年以来 says which year
    text = ("青禾高新区在全省2017年度开发区综合考核中位列第7位。今年以来，该区开展招商引资突破年活动，"
            "上半年新签约工业项目24个、总投资64.6亿元。")
    ms = by_value(metrics(nlp, text, date="2018-09-20"))
    assert per(ms[24.0]) == (2018, 1, 6)


def test_months_already_past_in_the_publication_year_are_that_year(nlp):
    # a March article reviewing last year: ``1—2月`` is this year's, not the review's year
    text = ("青禾经开区2021年规上工业总产值达到1060亿元，同比增长23.2%。\n"
            "新年开局，经开区延续增长势头。1—2月，全区完成规上工业产值158.6亿元，同比增长14.2%。")
    ms = by_value(metrics(nlp, text, date="2022-03-08"))
    assert per(ms[1.06e11])[0] == 2021
    assert per(ms[1.586e10]) == (2022, 1, 2)


def test_subject_is_never_a_park_named_after_the_figures_sentence(nlp):
    text = ("青禾经开区2023年实现地区生产总值412.6亿元，同比增长9.8%。\n"
            "会议明确了2024年的目标任务：力争地区生产总值增长10%以上，规上工业总产值突破1,400亿元。"
            "该区将全力推进新能源材料产业园等重点载体建设。")
    ms = by_value(metrics(nlp, text, date="2024-01-26"))
    assert ms[1.4e11]["subject"] == "青禾经开区"


def test_quote_spoken_before_its_speaker_is_the_speakers_park(nlp):
    text = ("青禾高新区前三季度实现地区生产总值486.3亿元。\n"
            "位于高新区西区的青禾集成电路科创园内，青禾芯联微电子有限公司前三季度实现营业收入58.7亿元。\n"
            "“四季度我们将紧盯重点项目建设，力争全年地区生产总值超过650亿元。”青禾高新区管委会主任赵明远说。")
    ms = by_value(metrics(nlp, text, date="2023-10-28"))
    assert ms[6.5e10]["subject"] == "青禾高新区"


def test_after_a_roundup_of_sub_parks_the_zone_comes_back(nlp):
    text = ("青禾经济技术开发区（以下简称青禾经开区）上半年实现地区生产总值318.6亿元，同比增长14.3%。\n"
            "园区板块各展所长。青禾综合保税区上半年实现进出口26.4亿元，同比增长18.9%；"
            "新能源产业园完成规上工业产值186.3亿元，增长71.5%。\n"
            "创新动能加速集聚。截至6月底，全区有效高新技术企业268家，上半年新增省级专精特新中小企业12家。")
    ms = by_value(metrics(nlp, text, date="2024-07-26"))
    assert ms[2.64e9]["subject"] == "青禾综合保税区"
    zone = ("青禾经开区", "青禾经济技术开发区")  # one cluster
    assert ms[268.0]["subject"] in zone
    assert ms[12.0]["subject"] in zone


@pytest.mark.parametrize("group", ["全市12家省级以上开发区", "全省8个综合保税区", "全市各开发区", "4家国家级开发区"])
def test_figures_of_a_group_of_zones_are_no_parks(nlp, group):
    # the zone word after a count or a quantifier names a group of zones, not the park
    text = ("青禾高新区增速明显快于全市平均水平。\n"
            f"据市商务局统计，前三季度，{group}实现规模以上工业营业收入6218.4亿元，同比增长21.6%；"
            "完成固定资产投资同比增长8.9%。")
    doc = make_doc(nlp, text, date="2025-11-06")
    values = [(m.value.value if m.value else None, m.yoy_pct) for m in nlp(doc)._.facts if m.type == "metric"]
    assert values == []


@pytest.mark.parametrize("text, value, share", [
    ("上半年，青禾经开区实现地区生产总值318.6亿元，同比增长14.3%，增幅居全市第一，比一季度提高1.9个百分点，占全市比重达12.3%。", 3.186e10, 12.3),
    ("前三季度，青禾高新区实现地区生产总值656.7亿元,同比增长7.8%,高于全市2.4个百分点,总量约占全市的15.9%。", 6.567e10, 15.9),
    ("一季度，青禾综保区实现进出口总额77.5亿元，增速居全省综保区第二位，总额占全市外贸的比重为13.3%。", 7.75e9, 13.3),
])
def test_share_after_a_rank_or_a_difference_is_of_the_sentences_value(nlp, text, value, share):
    ms = metrics(nlp, text, date="2024-10-20")
    main = next(m for m in ms if (m["value"] or {}).get("value") == value)
    assert main["share_pct"] == share
    assert all(m["share_pct"] is None for m in ms if m is not main)


def test_respective_changes_pair_with_values_before_a_semicolon(nlp):
    # ``…1060亿元，首次跨过千亿元门槛；…315亿元，同比分别增长23.2%和16.8%``: the crossed
    # threshold restates the figure, and 分别 reaches back over the ；
    text = ("青禾经开区位于青禾市北部。2021年该区规模工业总产值达到1060亿元，首次跨过千亿元门槛；"
            "规模工业增加值315亿元，同比分别增长23.2%和16.8%。")
    ms = metrics(nlp, text, date="2022-03-08")
    got = sorted(((m["value"] or {}).get("value"), m["yoy_pct"]) for m in ms)
    assert got == [(3.15e10, 16.8), (1.06e11, 23.2)]


@pytest.mark.parametrize("frame", ["会议明确了2024年的目标任务：", "2024年主要预期目标是：", "2024年工作目标："])
def test_year_heading_a_list_of_targets_dates_them(nlp, frame):
    text = ("2023年，青禾经开区实现地区生产总值412.6亿元。"
            f"{frame}力争地区生产总值增长10%以上，规上工业总产值突破1,400亿元；高新技术企业新增10家以上。")
    facts = metrics(nlp, text, date="2024-01-26")
    ms = {(m["value"] or {}).get("value"): m for m in facts}
    gdp = next(m for m in facts if m["yoy_pct"] == 10.0)
    assert per(ms[4.126e10]) == (2023, None, None)
    assert per(gdp) == (2024, None, None) and gdp["indicator"] == "gdp"
    assert gdp["indicator_text"] == "地区生产总值"  # 力争 is no part of the indicator
    assert per(ms[1.4e11]) == (2024, None, None)
    assert per(ms[10.0]) == (2024, None, None)


@pytest.mark.parametrize("scope, indicator_text, expected", [
    ("、超10亿元的13家；", None, None),                     # punctuation and figures: nothing to cite
    ("区内新能源领域拥有高新技术企业", None, "高新技术企业"),  # cut after the verb that brings the noun
    ("一代电子信息、新能源、新材料三大主导产业合计", "新一代电子信息、新能源、新材料三大主导产业合计完成产值", "新一代电子信息、新能源、新材料三大主导产业"),
    ("我们已签约生物医药项目", None, "已签约生物医药项目"),
    ("中", None, None),
    ("规上工业企业", None, "规上工业企业"),
])
def test_scope_is_a_tidy_noun_phrase(scope, indicator_text, expected):
    from zone_ie.relations.scopes import tidy_scope
    assert tidy_scope(scope, indicator_text) == expected


def test_the_lead_of_a_one_article_roundup_frames_every_park_it_covers(nlp):
    text = ("5月18日，省领导小组公布2020年度全省开发区综合考评结果，青禾经开区跻身国家级开发区前三位。\n"
            "上饶经开区营业收入首次突破千亿元，达1026.8亿元，同比增长24.5%。\n"
            "“今年我们还将新增规上企业30家以上。”上饶经开区负责人说。")
    ms = by_value(metrics(nlp, text, date="2021-05-20"))
    assert per(ms[1.0268e11])[0] == 2020


def test_a_year_of_an_evaluation_is_no_frame_for_later_months(nlp):
    # ``在2020年度全省…综合评价中…。截至3月底，…``: a 2021 article's March is 2021's
    text = ("在省商务厅发布的2020年度全省产业园区综合评价中，青禾高新区位列全省第3位。"
            "截至3月底，全区有效期内高新技术企业达486家；一季度新增规模以上工业企业18家。")
    ms = by_value(metrics(nlp, text, date="2021-04-26"))
    assert per(ms[486.0]) == (2021, 1, 3)
    assert per(ms[18.0]) == (2021, 1, 3)


@pytest.mark.parametrize("text, value", [
    ("青禾经开区营业收入首次突破千亿元，达1026.8亿元，同比增长24.5%。", 1.0268e11),
    ("青禾高新区规上工业总产值跨过500亿元门槛，达到528.3亿元。", 5.283e10),
])
def test_a_crossed_threshold_then_the_figure_is_one_fact(nlp, text, value):
    doc = make_doc(nlp, text, date="2021-05-20")
    values = [(m.value.value if m.value else None) for m in nlp(doc)._.facts if m.type == "metric"]
    assert values == [value]


@pytest.mark.parametrize("text", [
    "青禾经开区企业获评国家级专精特新“小巨人”一次性奖励100万元；研发投入增量部分按10%给予补助，单户最高200万元。",
    "全省开发区中，国家级开发区有14个，省级开发区有36个。",
    "今年56岁的陈立军是青禾经开区的老员工。",
])
def test_policy_scales_zone_counts_and_ages_are_no_figures(nlp, text):
    doc = make_doc(nlp, text, date="2024-07-24")
    assert [f for f in nlp(doc)._.facts if f.type == "metric"] == []


def test_money_a_policy_actually_paid_is_a_figure(nlp):
    doc = make_doc(nlp, "青禾经开区去年为企业兑现奖补资金486万元。", date="2024-07-24")
    assert [m.value.value for m in nlp(doc)._.facts if m.type == "metric"] == [4.86e6]


def test_a_named_park_having_n_things_is_its_figure(nlp):
    doc = make_doc(nlp, "此次大会期间，青禾高新区共有58个项目签约。", date="2024-10-20")
    assert [m.value.value for m in nlp(doc)._.facts if m.type == "metric"] == [58.0]


def test_a_title_joined_to_the_lead_names_no_subject_of_its_sentence(nlp):
    # layout repair joins a title block ending without punctuation to the paragraph after
    # it; the title still ends its sentence: the company it names is not the subject
    text = ("“一片铝箔，要做到让全球客户离不开”\n——访湖南青禾电子材料股份有限公司董事长邹立新\n\n本报记者　曹　敏\n\n"
            "编者按：2021年，青禾高新区完成规模工业总产值937.4亿元，同比增长9.4%，新增高新技术企业44家。"
            "在这份成绩单背后，一批制造企业功不可没。\n")
    ms = by_value(metrics(nlp, text, date="2022-03-16"))
    assert ms[9.374e10]["subject"] == "青禾高新区"
    assert ms[44.0]["subject"] == "青禾高新区"


def test_answers_of_an_interview_with_a_company_head_are_the_companys(nlp):
    text = ("“一片铝箔，要做到让全球客户离不开”\n——访湖南青禾电子材料股份有限公司董事长邹立新\n\n本报记者　曹　敏\n\n"
            "编者按：2021年，青禾高新区完成规模工业总产值937.4亿元。\n\n"
            "记者：先请您介绍一下去年的经营情况。\n\n"
            "邹立新：去年是我们成立以来增长最快的一年。全年实现营业收入9.82亿元，同比增长31.6%；"
            "净利润1.06亿元，第一次突破1亿元。\n")
    ms = metrics(nlp, text, date="2022-03-16")
    by_value = {(m["value"] or {}).get("value"): m for m in ms}
    assert by_value[9.374e10]["subject"] == "青禾高新区"
    assert by_value[9.82e8]["subject"] == "湖南青禾电子材料股份有限公司"
    assert by_value[1.06e8]["subject"] == "湖南青禾电子材料股份有限公司"
    assert 1e8 not in by_value  # the crossed threshold restates the profit


@pytest.mark.parametrize("lead", [
    "近日，省政府办公厅印发《关于2023年全省开发区高质量发展综合考核评价结果的通报》，全省184个开发区的成绩单揭晓。",
    "5月18日，省领导小组公布2023年度全省开发区综合考评结果。",
])
def test_the_period_of_released_data_frames_the_article(nlp, lead):
    text = lead + "\n青禾经开区综合排名全省第6位，比上年前进11位；税收收入突破20亿元。"
    ms = metrics(nlp, text, date="2024-07-24")
    assert ms and all(per(m)[0] == 2023 for m in ms)


def test_a_title_period_frames_a_bulletin_whose_lead_has_no_figure(nlp):
    text = ("青禾经济技术开发区2023年一季度经济运行简况\n\n"
            "本报记者 林晓\n\n"
            "今年以来,青禾经济技术开发区(以下简称\"青禾经开区\")坚持\"工业强区、项目为王\"不动摇,全力打好稳进提质攻坚战,"
            "一季度经济运行实现\"开门稳、开门好\"。现将主要情况简报如下。\n\n"
            "一、工业生产加快回升\n\n"
            "分产业看，新材料产业实现产值86.3亿元，增长15.8%。\n")
    ms = by_value(metrics(nlp, text, date="2023-04-24"))
    assert per(ms[8.63e9]) == (2023, 1, 3)


def test_parks_listed_after_a_top_n_frame_take_ranks_in_order(nlp):
    text = ("2023年全省开发区高质量发展综合考核中，综合排名前十位的开发区依次为：青禾经开区、青禾高新区、"
            "临川经开区、白沙高新区。")
    doc = make_doc(nlp, text, date="2024-07-24")
    ranks = {m.subject: m.value.value for m in nlp(doc)._.facts if m.type == "metric" and m.value and m.value.unit == "rank"}
    assert ranks == {"青禾经开区": 1, "青禾高新区": 2, "临川经开区": 3, "白沙高新区": 4}


def test_a_list_longer_than_its_top_n_takes_no_ranks(nlp):
    text = "排名前两位的开发区依次为：青禾经开区、青禾高新区、临川经开区。"
    doc = make_doc(nlp, text, date="2024-07-24")
    ranked = [(m.subject, m.value.value) for m in nlp(doc)._.facts if m.type == "metric" and m.value]
    assert ("青禾高新区", 2.0) not in ranked and not any(s == "临川经开区" for s, _ in ranked)


@pytest.mark.parametrize("phrase, indicator", [
    ("新签约亿元以上项目", "signed_projects"),
    ("新引进亿元以上项目", "major_projects"),  # introduced is no signing (tenth round: 25 of 31 labelled)
    ("新落位项目", "signed_projects"),
    ("新开工亿元以上项目", "major_projects"),
])
def test_signing_verbs_decide_a_project_count_above_its_size_class(nlp, phrase, indicator):
    doc = make_doc(nlp, f"一季度，青禾经开区{phrase}6个。", date="2024-04-20")
    (m,) = [f for f in nlp(doc)._.facts if f.type == "metric"]
    assert m.indicator == indicator


def test_whole_zone_anaphor_is_the_zone_not_its_industrial_park(nlp):
    # 全区 after a paragraph about a 工业园区 of the zone: the zone's own figures
    text = ("青禾经济技术开发区召开2025年工作会议。\n"
            "远帆工业园区是全区装备制造的主阵地。截至去年底，全区规上工业企业达到132户，"
            "高新技术企业87户。远帆工业园区全年实现规上工业总产值124.5亿元。")
    got = by_value(metrics(nlp, text, "2025-02-17"))
    assert got[132]["subject"] == "青禾经济技术开发区"
    assert got[87]["subject"] == "青禾经济技术开发区"
    assert got[12450000000]["subject"] == "远帆工业园区"


def test_speech_reported_after_a_company_speaker_is_the_company(nlp):
    # a park named inside the quote before does not become the subject of what the
    # company's manager then reports about 公司
    text = ("“我们落户青禾经开区时间不长。”远帆电梯有限公司总经理王明在发言中说，"
            "公司去年通过高新技术企业认定，全年电梯整机销量1260台。")
    got = by_value(metrics(nlp, text, "2025-02-17"))
    assert got[1260]["subject"] == "远帆电梯有限公司"


@pytest.mark.parametrize("text", [
    "青禾经开区驻区企业负责人、各部门干部职工300余人到会。",
    "今年青禾经开区要聚焦招商引资、营商环境、科技创新和产业培育四件大事。",
])
def test_attendance_and_counted_tasks_are_no_figures(nlp, text):
    assert metrics(nlp, text, "2025-02-17") == []


def test_a_sub_park_named_in_passing_holds_no_later_paragraph(nlp):
    # the zone's own report: 园区 in the next section is the zone again, not the
    # industrial park named as the last item of the paragraph before
    text = ("青禾高新区上半年经济运行情况\n\n"
            "上半年，青禾高新区完成规上工业总产值283.46亿元，同比增长6.8%。\n\n"
            "重点企业支撑有力。远帆能源有限公司上半年实现产值31.2亿元；石桥产业园新入驻企业9家。\n\n"
            "上半年，园区完成固定资产投资38.65亿元，同比增长3.1%。")
    got = by_value(metrics(nlp, text, "2025-07-24"))
    assert got[9]["subject"] == "石桥产业园"
    assert got[3865000000]["subject"] == "青禾高新区"


def test_a_sub_park_opening_its_paragraph_holds_the_next_one(nlp):
    text = ("青禾高新区一区多园各展所长。\n\n"
            "石桥产业园是高新区体量最大的园区，今年以来新引进项目12个。\n\n"
            "园区规上企业62家，其中产值超10亿元的企业5家。")
    got = by_value(metrics(nlp, text, "2025-07-24"))
    assert got[62]["subject"] == "石桥产业园"


def test_named_parks_before_respectively_each_take_their_figure(nlp):
    # an indicator between the names and 分别; a second 分别 / 分列 list pairs with the same names
    text = "一季度，远帆经开区、青禾高新区规模工业增加值分别增长12.1%、10.8%，分列第2、第4位。"
    got = metrics(nlp, text, "2018-04-26")
    pairs = sorted((m["subject"], m["indicator"], m["yoy_pct"], (m["value"] or {}).get("value")) for m in got)
    assert pairs == [
        ("远帆经开区", "industrial_value_added_above_scale", 12.1, None),
        ("远帆经开区", "other", None, 2.0),
        ("青禾高新区", "industrial_value_added_above_scale", 10.8, None),
        ("青禾高新区", "other", None, 4.0),
    ]


def test_a_second_respective_list_pairs_with_the_names(nlp):
    text = "2025年，远帆新区、青禾新区、石桥新区分别实现生产总值187.3亿元、126.9亿元和162.4亿元，分别增长5.1%、4.2%和6.3%。"
    got = {m["subject"]: (m["value"]["value"], m["yoy_pct"]) for m in metrics(nlp, text, "2026-01-20")}
    assert got == {"远帆新区": (18730000000.0, 5.1), "青禾新区": (12690000000.0, 4.2), "石桥新区": (16240000000.0, 6.3)}


@pytest.mark.parametrize("text", [
    "省级一类开发区中，远帆经济开发区、青禾高新技术产业园区、石桥经济开发区位列前三。",
    "远帆经济开发区、青禾高新技术产业园区、石桥经济开发区分列全省前三名。",
])
def test_parks_listed_before_a_top_n_frame_take_ranks_in_order(nlp, text):
    got = [(m["subject"], m["value"]["value"]) for m in metrics(nlp, text, "2023-05-10")]
    assert got == [("远帆经济开发区", 1.0), ("青禾高新技术产业园区", 2.0), ("石桥经济开发区", 3.0)]


def test_one_park_in_a_top_n_frame_has_no_rank_list(rules_nlp):
    """``X营收居全省前三``: one park in a top-N frame is in the top N (rank N, as the labelled
    sets write ``跻身全国前50``), not ranks 1..N as a list of parks before the frame is."""
    got = [(m["subject"], m["value"]["value"], m["value"]["unit"]) for m in metrics(rules_nlp, "青禾经开区营收居全省前三。", "2023-05-10")]
    assert got == [("青禾经开区", 3.0, "rank")]


@pytest.mark.parametrize("header", [
    "青禾统计信息　　　　　　2023年第21期（总第356期）\n青禾市统计局编　　2023年11月29日　星期三　　第2版\n注：全区数据为快报数；“—”为暂无数据。",
    "青禾日报　2023年11月29日　农历十月十七　第3版",
])
def test_a_page_headers_date_frames_no_figure(nlp, header):
    # the issue date of a bulletin or newspaper page is no period of the report's figures
    text = (header + "\n\n今年以来，青禾经济技术开发区工业生产保持较快增长。1—10月，全区规模以上工业总产值"
            "612.47亿元。规上工业开票销售收入增长19.6%。")
    got = {m["yoy_pct"] or m["value"]["value"]: m["period"] for m in metrics(nlp, text, "2023-11-29")}
    assert got[19.6] == {"year": 2023, "start_month": 1, "end_month": 10}


@pytest.mark.parametrize("text", [
    "远帆高新区综合排名第1位，所在的青禾市地区生产总值387.6亿元，增长11%。",
    "远帆高新区上半年产值增长8%，青禾市同期规上工业增加值增长6%。",
])
def test_a_city_unknown_to_the_place_list_heading_a_clause_is_an_area(nlp, text):
    got = metrics(nlp, text, "2022-05-06")
    assert all(m["subject"] == "远帆高新区" for m in got)
    assert not any(m["yoy_pct"] in (11.0, 6.0) for m in got)


@pytest.mark.parametrize("text", [
    "青禾综合保税区2018年挂牌。2018年当年综保区进出口仅15亿元。",
    "青禾综合保税区上半年进出口增长12%，争取年内综保区进出口突破300亿元。",
    "青禾经济技术开发区前三季度增长较快。我们预计经开区全年规上工业总产值可突破730亿元。",
])
def test_a_time_word_before_a_zone_anaphor_is_not_part_of_a_name(nlp, text):
    subjects = {m["subject"] for m in metrics(nlp, text, "2023-07-26")}
    assert subjects <= {"青禾综合保税区", "青禾经济技术开发区"} and subjects


def test_a_quote_attributed_to_the_company_by_a_bare_title_is_the_companys(nlp):
    text = ("在青禾高新区的孵化大楼里，远帆视光科技有限公司的研发人员正在调试样机。"
            "“2022年我们刚进来时只租了一间工位，今年上半年销售额已经做到4200万元。”公司创始人周子航说。")
    got = by_value(metrics(nlp, text, "2025-08-06"))
    assert got[42000000]["subject"] == "远帆视光科技有限公司"


def test_a_zone_in_a_locative_frame_gives_way_to_the_company_after_it(nlp):
    text = "青禾高新区成立30年。2011年在高新区创业中心注册时，远帆生物制药有限公司只有5名员工。"
    got = by_value(metrics(nlp, text, "2018-09-27"))
    assert got[5]["subject"] == "远帆生物制药有限公司"


def test_a_share_of_an_areas_total_takes_its_indicator_from_the_base(nlp):
    text = "上半年，青禾综保区进出口增长12%。青禾综保区占全市外贸的46.5%，约占全省外贸的11.6%。"
    shares = sorted((m["indicator"], m["share_pct"]) for m in metrics(nlp, text, "2023-07-26") if m["share_pct"])
    assert shares == [("foreign_trade", 11.6), ("foreign_trade", 46.5)]


@pytest.mark.parametrize("text", [
    "远帆经开区产值增长8%，青禾高新区产值增长6%。",
    "一季度，远帆经济开发区列第8位，青禾经济开发区列第11位。",
])
def test_a_zone_opening_a_later_clause_is_the_subject_of_its_figures(nlp, text):
    got = [m["subject"] for m in metrics(nlp, text, "2023-05-10")]
    assert got[0].startswith("远帆") and got[1].startswith("青禾")


@pytest.mark.parametrize("text", [
    "远帆经开区、青禾高新区两个国家级园区合计实现技工贸总收入547.2亿元。",
    "远帆经济开发区列省级二类第8位。",
    "青禾高新区开工项目包括远帆液晶显示模组扩建项目(3亿元)、石桥环保日用品项目(0.82亿元)。",
])
def test_sums_over_names_class_labels_and_bracketed_project_costs_are_no_park_figures(nlp, text):
    got = metrics(nlp, text, "2022-01-25")
    assert not any((m["value"] or {}).get("value") in (54720000000.0, 2.0, 300000000.0, 82000000.0) for m in got)


@pytest.mark.parametrize("text, scope", [
    ("青禾经开区技改投资63.7亿元，增长12%。", "技改"),
    ("青禾经开区工业技改投资41.2亿元，增长35.6%。", "工业技改"),
    ("青禾经开区工业开票销售902.4亿元，增长21.7%。", "工业"),
    ("青禾综保区进出口增长8%，其中一般贸易占比超过六成。", "一般贸易"),
])
def test_a_sub_indicator_names_its_scope(nlp, text, scope):
    assert scope in {m["scope"] for m in metrics(nlp, text, "2023-07-26")}


def test_the_day_a_report_is_released_dates_none_of_its_figures(nlp):
    text = ("远帆科技股份有限公司位于青禾经开区。3月15日，远帆科技股份有限公司发布的2024年年度报告显示，"
            "公司全年实现营业收入52.29亿元，同比增长19.10%；归属于上市公司股东的净利润8.38亿元，同比增长15.97%。")
    got = {m["indicator"]: m["period"] for m in metrics(nlp, text, "2025-04-10")}
    assert got["net_profit"]["year"] == 2024 and got["net_profit"]["start_month"] != 3


def test_a_person_introduced_as_a_companys_manager_speaks_for_it_later(nlp):
    text = ("青禾高新区的远帆涂料有限公司新基地投产。“老厂房设备用了快十年。”远帆涂料有限公司总经理王建军站在新车间里说。"
            "“上半年我们实现产值1.86亿元，同比增长62.4%。”王建军说。")
    got = by_value(metrics(nlp, text, "2023-09-12"))
    assert got[186000000]["subject"] == "远帆涂料有限公司"


def test_a_projects_expected_figures_are_its_builders(nlp):
    text = ("青禾经开区新项目密集落地。远帆丝绸科技有限公司年产300吨真丝生产线在青禾经开区开工，"
            "项目全面达产后，年产值2.4亿元，实现税收1100万元。")
    got = by_value(metrics(nlp, text, "2021-02-20"))
    assert got[240000000]["subject"] == "远帆丝绸科技有限公司"
    assert got[240000000]["scope"] == "远帆丝绸科技有限公司年产300吨真丝生产线"


@pytest.mark.parametrize("text, indicator", [
    ("青禾经开区标准化厂房三期工程总建筑面积12万平方米。", "other"),
    ("青禾经开区已建成标准化厂房9.6万平方米。", "other"),
    ("青禾经开区占地面积5000亩。", "land_area"),
    ("青禾经开区一季度实现技工贸总收入382.4亿元。", "operating_revenue"),
    ("青禾经开区合同总投资86亿元。", "signed_investment"),
    ("青禾经开区引进外资1.2亿美元。", "foreign_investment"),
])
def test_floor_space_and_more_indicator_forms(nlp, text, indicator):
    assert [m["indicator"] for m in metrics(nlp, text, "2024-01-01")] == [indicator]


@pytest.mark.parametrize("text", [
    "五年间，青禾经开区国家高新技术企业由21家增至67家。",
    "青禾经开区规上工业企业由2020年的21家增加到2025年的67家。",
])
def test_a_from_to_frame_gives_both_figures_the_indicator(nlp, text):
    got = [(m["indicator"], m["value"]["value"]) for m in metrics(nlp, text, "2025-11-20")]
    assert got == [("enterprise_count", 21.0), ("enterprise_count", 67.0)]


def test_a_growth_verb_before_a_count_is_no_part_of_its_indicator(nlp):
    got = metrics(nlp, "青禾经开区绿色食品加工企业增至36家。", "2025-02-25")
    assert [(m["indicator"], m["scope"]) for m in got] == [("enterprise_count", "绿色食品加工企业")]


def test_an_events_time_qualifying_a_noun_frames_no_later_figure(nlp):
    text = ("青禾高新区一季度生物医药产业完成产值21.7亿元。“去年底投产的两条原料药生产线一季度满负荷运行。”"
            "园区一家药企负责人说。远帆经开区一季度新增规模工业企业5家。")
    got = by_value(metrics(nlp, text, "2018-04-26"))
    assert got[5]["period"] == {"year": 2018, "start_month": 1, "end_month": 3}


def test_ranks_are_of_the_evaluation_the_article_announces(nlp):
    text = ("近日，商务部公布2024年国家级经济技术开发区综合发展水平考核评价结果。\n\n"
            "青禾经济技术开发区此次综合排名全国第6位，较上年提升9位。")
    got = [m for m in metrics(nlp, text, "2025-01-09") if m["value"] and m["value"]["unit"] == "rank"]
    assert got and all(m["period"] == {"year": 2024, "start_month": None, "end_month": None} for m in got)


def test_a_round_of_several_years_dates_no_rank(nlp):
    text = ("省政府印发《关于2021至2022年全省开发区高质量发展考评情况的通报》。\n\n"
            "青禾经济开发区在省级二类开发区中排名第一。")
    got = [m for m in metrics(nlp, text, "2023-05-10") if m["value"] and m["value"]["unit"] == "rank"]
    assert got and all(m["period"] is None for m in got)


def test_a_paper_named_byline_closes_the_title_block(nlp):
    # ``X日报全媒体记者 A B 发自Z``: the lines above it are display lines, whose figures the body
    # restates (the title's 18 projects are the lead's, told once)
    text = ("青禾赴深招商 18个项目签约56.8亿元\n先进电子器件项目分赴六大园区落地\n\n"
            "青禾日报全媒体记者 王明 李华 发自深圳\n\n"
            "2月26日下午，青禾经开区先进电子器件产业招商推介会在深圳举行，现场签约项目18个，总投资56.8亿元。")
    got = [m for m in metrics(nlp, text, "2024-02-27") if m["value"] and m["value"]["value"] == 18.0]
    assert len(got) == 1


def test_a_bare_company_after_a_reporting_frame_is_the_company(nlp):
    text = ("青禾光材（688001）发布公告称，公司拟在青禾经开区投资建设光学材料基地项目。\n\n"
            "财务数据显示，2023年公司实现营业收入5.11亿元，同比增长10.64%。")
    [m] = [m for m in metrics(nlp, text, "2024-12-06") if m["indicator"] == "operating_revenue"]
    assert m["subject"] == "青禾光材"


def test_a_districts_figures_are_not_the_parks(nlp):
    # a county or district with its unit heading the clause (patterns/counties.json) is an area
    text = "青禾科技园位于河北鹿泉经济开发区。目前园区入驻企业86家。鹿泉区电子信息类企业720家，吴江区实现进出口1200亿元。"
    values = {m["value"]["value"] for m in metrics(nlp, text, "2024-03-01") if m["value"]}
    assert 86 in values
    assert 720 not in values and 1200e8 not in values


@pytest.mark.parametrize("years", ["2021年至2023年", "2021—2023年", "2021年、2022年和2023年"])
def test_a_respective_list_after_a_range_of_years_is_a_series_over_those_years(nlp, years):
    """``Y1年至Y3年，X分别实现营业收入a、b和c；净利润分别为x、y和z``: one indicator, each value
    dated by its year, even where a paragraph before set another year."""
    text = (
        "2024年，青禾精工股份有限公司登陆科创板。\n"
        f"招股书显示，{years}，青禾精工股份有限公司分别实现营业收入2.18亿元、3.05亿元和4.47亿元，"
        "年均复合增长率43.2%；同期净利润分别为0.36亿元、0.52亿元和0.81亿元。"
    )
    got = {m["value"]["value"]: (m["indicator"], per(m)) for m in metrics(nlp, text, date="2024-05-10")
           if m["value"] and m["indicator"] in ("operating_revenue", "net_profit")}
    assert got == {
        218000000.0: ("operating_revenue", (2021, None, None)),
        305000000.0: ("operating_revenue", (2022, None, None)),
        447000000.0: ("operating_revenue", (2023, None, None)),
        36000000.0: ("net_profit", (2021, None, None)),
        52000000.0: ("net_profit", (2022, None, None)),
        81000000.0: ("net_profit", (2023, None, None)),
    }


def test_a_values_list_without_years_is_not_read_as_a_series(nlp):
    """``工业投资、服务业投资分别完成a、b``: the list before 分别 names what each value is; no
    value takes the first one's indicator."""
    text = "今年1—9月，青禾高新区工业投资、服务业投资分别完成61.2亿元、47.3亿元。"
    got = [m for m in metrics(nlp, text, date="2024-10-20") if m["value"] and m["value"]["value"] == 4.73e9]
    assert all(m["indicator"] != "fixed_asset_investment" for m in got)


def test_later_from_to_pairs_of_a_sentence_compare_the_years_of_the_first(nlp):
    text = ("“十四五”以来，青禾经开区营业收入由2020年的1398.2亿元增至2024年的1862.5亿元，年均增长7.4%；"
            "规上工业总产值由1356.7亿元增至1790.4亿元，年均增长7.2%。")
    got = {m["value"]["value"]: per(m) for m in metrics(nlp, text, date="2025-12-18") if m["value"]}
    assert got[135670000000.0] == (2020, None, None)
    assert got[179040000000.0] == (2024, None, None)
    assert got[186250000000.0] == (2024, None, None)


def test_the_day_that_opens_the_lead_dates_the_event_it_counts_in_later_sentences(nlp):
    """Title, byline, then ``3月12日下午，X推介会在苏州举行。…现场签约项目14个``: the event's
    figures in later paragraphs (each park's share of the signing) take the day's month."""
    text = (
        "青禾赴苏招商 14个项目签约62.5亿元\n\n本报记者 林一 发自苏州\n\n"
        "3月12日下午，青禾市智能装备产业招商推介会在苏州举行。来自长三角的90余家企业负责人参会，"
        "现场签约项目14个，总投资62.5亿元。\n\n"
        "青禾经开区签约项目6个，总投资28.4亿元，数量和金额均列各园区第一。\n\n"
        "柳溪高新区签约项目4个，总投资15.2亿元。"
    )
    got = {m["value"]["value"]: per(m) for m in metrics(nlp, text, date="2024-03-13") if m["value"]}
    assert got[6.0] == (2024, 3, 3)
    assert got[2.84e9] == (2024, 3, 3)
    assert got[1.52e9] == (2024, 3, 3)


def test_a_sub_park_opening_the_figures_own_clause_is_its_subject(nlp):
    """``A经开区提出，到2030年规上工业总产值突破600亿元，…，B产业园产值突破100亿元``: the
    sub-park's own figure, not the zone's."""
    text = ("青禾经开区建设青禾光伏玻璃产业园。\n"
            "青禾经开区提出，到2030年规模以上工业总产值突破600亿元，规上工业企业达到180家，"
            "光伏玻璃产业园产值突破100亿元。")
    got = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, date="2025-11-20") if m["value"]}
    assert got[6e10] == "青禾经开区"
    assert got[1e10] in ("光伏玻璃产业园", "青禾光伏玻璃产业园")


def test_a_park_in_brackets_after_an_area_does_not_make_the_area_s_figure_the_park_s(nlp):
    text = "青禾经开区加快发展。江宁区（不含青禾经开区）去年实现地区生产总值2239.58亿元，增长7.3%。"
    assert metrics(nlp, text, date="2024-02-01") == []


@pytest.mark.parametrize("sentence,indicator", [
    ("青禾经开区规模以上工业企业总数达到612家。", "enterprise_count"),
    ("青禾经开区区内上市企业总数达到12家。", "enterprise_count"),
    ("青禾经开区全年实施重点产业项目52个。", "major_projects"),
    ("青禾经开区上半年实施重点工程项目47个。", "major_projects"),
    ("青禾经开区实到外资2.5亿美元。", "foreign_investment"),
    ("青禾经开区实现经营（销售）收入620.4亿元，同比增长18.5%。", "operating_revenue"),
    ("青禾经开区招商引资到位市外资金70亿元。", "funds_in_place"),
    ("青禾经开区9月当月完成规上工业总产值28.46亿元，同比增长10.3%。", "industrial_output_above_scale"),
])
def test_more_forms_of_the_indicators(nlp, sentence, indicator):
    """总数 after the firms counted; 重点产业/工程项目; 实到外资; 经营（销售）收入; 到位市外资金; a
    time word (当月) before 规上工业总产值 is no industry scope."""
    (m,) = [m for m in metrics(nlp, sentence, date="2024-10-20") if m["value"]]
    assert m["indicator"] == indicator


def test_rnd_intensity_is_the_share_of_rnd_spending(nlp):
    """``研发投入强度3.5%``: rnd_expenditure with share 3.5 (not another indicator's value)."""
    (m,) = metrics(nlp, "青禾高新区研发经费投入强度达到3.5%。", date="2024-10-20")
    assert (m["indicator"], m["share_pct"], m["value"]) == ("rnd_expenditure", 3.5, None)


def test_a_from_to_pair_of_shares_is_two_shares_not_a_share_and_a_change(nlp):
    text = "青禾经开区研发投入强度由2020年的2.1%提高到2024年的3.4%。"
    got = sorted((m["share_pct"], m["yoy_pct"], per(m)) for m in metrics(nlp, text, date="2025-12-18"))
    assert got == [(2.1, None, (2020, None, None)), (3.4, None, (2024, None, None))]


def test_the_value_added_of_a_high_tech_industry_is_industrial_value_added(nlp):
    """``高新技术产业增加值`` is industrial (industrial_value_added); ``第二产业增加值`` stays gdp."""
    ms = metrics(nlp, "青禾高新区高新技术产业增加值增长12.1%，第二产业增加值增长8.3%。", date="2024-10-20")
    assert {m["yoy_pct"]: m["indicator"] for m in ms} == {12.1: "industrial_value_added", 8.3: "gdp"}


def test_this_year_before_a_plan_verb_dates_the_planned_figure(nlp):
    """``今年计划实施重点项目56个``: this year's figure; ``完成全年计划的85%``: the plan's time
    is only the base of the share."""
    ms = metrics(nlp, "青禾经开区加快建设。全区今年计划实施重点项目56个。", date="2025-02-17")
    assert [(m["value"]["value"], per(m)) for m in ms] == [(56.0, (2025, None, None))]


def test_investment_after_a_count_of_named_projects_is_theirs(nlp):
    """``在建亿元以上项目27个，完成投资38.6亿元`` / ``签约精细化工及化工新材料项目9个，协议投资41.8亿元``:
    the sum is of the projects just counted, which name its scope."""
    text = ("青禾经开区全区在建亿元以上项目27个，完成投资38.6亿元。"
            "青禾经开区签约精细化工及化工新材料项目9个，协议投资41.8亿元。")
    got = {m["value"]["value"]: (m["indicator"], m["scope"]) for m in metrics(nlp, text, date="2024-05-01")}
    assert got[3.86e9] == ("completed_investment", "在建亿元以上项目")
    assert got[9.0] == ("signed_projects", "精细化工及化工新材料")
    assert got[4.18e9] == ("signed_investment", "精细化工及化工新材料")


def test_what_a_counted_group_of_projects_will_yield_is_scoped_by_it(nlp):
    text = "青禾经开区集中开工项目12个，总投资58亿元，预计投产后年产值57亿元。"
    got = {m["value"]["value"]: m["scope"] for m in metrics(nlp, text, date="2024-05-01")}
    assert got[5.7e9] == "集中开工项目"


def test_after_a_breakdown_of_projects_the_yield_is_not_the_last_item_s(nlp):
    text = "9个项目中，10亿元以上项目4个，制造业项目7个，全部达产后预计年产值可达160亿元左右。"
    got = [m for m in metrics(nlp, "青禾经开区举行签约仪式。" + text, date="2024-05-01")
           if m["value"] and m["value"]["value"] == 1.6e10]
    assert all(m["scope"] != "制造业项目" for m in got)


@pytest.mark.parametrize("clause,noun", [("12个项目计划开工", "计划开工项目"), ("12个项目集中开竣工", "集中开竣工项目")])
def test_a_count_of_projects_at_a_stage_scopes_their_investment(nlp, clause, noun):
    text = f"青禾高新区加快建设。下半年青禾高新区{clause}，总投资86亿元。"
    got = {m["value"]["value"]: m["scope"] for m in metrics(nlp, text, date="2024-04-20") if m["value"]}
    assert got[12.0] == noun and got[8.6e9] == noun


def test_a_count_of_projects_after_a_firm_s_sentence_is_the_park_s(nlp):
    text = ("青禾高新区加快建设。青禾太阳能有限公司年产5GW电池片项目已投产，营业收入增长12%。"
            "下半年还有12个项目计划开工，总投资86亿元。")
    got = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, date="2024-04-20") if m["value"]}
    assert got[12.0] == "青禾高新区" and got[8.6e9] == "青禾高新区"


@pytest.mark.parametrize("closer", ["等5个项目", "等5个重点项目"])
def test_the_sum_of_a_counted_group_opened_by_a_firm_is_the_park_s(nlp, closer):
    # the firm names one item of the group; the group's count and funds belong to the park
    text = (f"青禾试验区一季度到位资金2.28亿元。其中，长兴工业园华远新材料有限公司年产3万吨改性塑料、瑞丰科技精密轴承"
            f"{closer}到位资金1.1亿元。")
    got = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, date="2024-04-20") if m["value"]}
    assert got[1.1e8] == "长兴工业园"
    assert "华远新材料有限公司" not in got.values()


def test_a_count_of_firms_after_a_firm_s_sentence_is_the_park_s(nlp):
    text = ("青禾高新区加快建设。青禾新能源有限公司年产5GW电池片项目已投产。"
            "力争新能源产业链企业达到40家。")
    got = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, date="2024-04-20") if m["value"]}
    assert got[40.0] == "青禾高新区"


def test_what_the_park_has_now_takes_no_carried_period(nlp):
    """SPEC 6 (no time stated -> null): ``园区已集聚…企业32家`` after a paragraph framed by 1—7月;
    the flow of the same paragraph keeps the frame."""
    text = ("1—7月，青禾综合保税区进出口增长12%，新增企业5家。"
            "青禾综合保税区已集聚电子信息、新能源材料等加工制造企业32家。")
    got = {m["value"]["value"]: per(m) for m in metrics(nlp, text, date="2024-08-29") if m["value"]}
    assert got[5.0] == (2024, 1, 7)
    assert got[32.0] == (None, None, None)


def test_a_breakdown_of_signed_projects_counts_and_sums_each_kind(nlp):
    """``此次签约的13个项目中，A项目9个、总投资x，B项目4个、总投资y``: each kind is a count of
    signed projects with its sum (an indicator after 、 is the next item's, not the count's)."""
    text = ("青禾经开区举行签约仪式。此次签约的13个项目中，先进制造业项目9个、总投资121.5亿元，"
            "现代服务业项目4个、总投资16.5亿元。")
    got = {m["value"]["value"]: (m["indicator"], m["scope"]) for m in metrics(nlp, text, date="2022-01-30")}
    assert got[9.0] == ("signed_projects", "先进制造业项目")
    assert got[1.215e10] == ("signed_investment", "先进制造业项目")
    assert got[4.0] == ("signed_projects", "现代服务业项目")


@pytest.mark.parametrize("comparison, value", [("高于全市7个百分点", 7.0), ("列全市第3位", 3.0),
                                               ("增速较一季度加快2.5个百分点", 2.5)])
def test_a_comparison_after_a_figure_has_that_figure_s_scope(nlp, comparison, value):
    text = f"上半年，青禾高新区规上工业企业实现利润总额11.6亿元，同比增长6.3%，{comparison}。"
    got = [m for m in metrics(nlp, text, date="2022-07-20") if m["value"] and m["value"]["value"] == value]
    assert got and got[0]["scope"] == "规上工业企业"


@pytest.mark.parametrize("text, scope", [
    ("2023年，青禾高新区规上工业企业全年研发经费支出14.6亿元，增长18.9%。", "规上工业企业"),
    ("青禾高新区新能源产业上半年实现产值31.2亿元，增长1.6倍。", "新能源产业"),
])
def test_a_group_before_a_time_word_is_the_scope_of_the_indicator_after_it(nlp, text, scope):
    got = [m for m in metrics(nlp, text, date="2024-01-20") if m["value"]]
    assert got and got[0]["scope"] == scope


def test_a_customer_before_a_time_word_is_no_scope_when_no_indicator_follows(nlp):
    text = "“外省的一家手表盖板企业去年从我们这里采购了近200万片镜面毛坯。”青禾高新区企业天通银厦负责人说。"
    assert not any("手表盖板企业" in (m["scope"] or "") for m in metrics(nlp, text, date="2024-01-20"))


@pytest.mark.parametrize("opening, scope", [("新能源产业在光伏电池片项目集中放量带动下，", "新能源产业"),
                                            ("其中，化工行业受原料价格下跌影响，", "化工行业")])
def test_a_sector_opening_the_sentence_before_a_circumstance_scopes_the_next_clause(nlp, opening, scope):
    text = f"一季度，青禾经开区工业稳步增长。{opening}实现产值31.2亿元，同比下降8.2%。"
    got = [m for m in metrics(nlp, text, date="2024-04-20") if m["value"]]
    assert got and got[0]["scope"] == scope


@pytest.mark.parametrize("clause, period", [
    ("青禾高新区今年的研发投入预计超过2.5亿元", {"year": 2024, "start_month": None, "end_month": None}),
    ("青禾高新区今年的目标是营业收入突破30亿元", {"year": 2024, "start_month": None, "end_month": None}),
])
def test_a_this_year_qualifying_an_indicator_dates_its_figure(nlp, clause, period):
    text = f"上半年，青禾高新区营业收入增长12%。{clause}。"
    got = [m for m in metrics(nlp, text, date="2024-07-10") if m["value"] and m["value"]["unit"] == "CNY"]
    assert got and got[0]["period"] == period


def test_figures_before_the_article_first_names_its_zone_are_not_the_zone_s(nlp):
    text = ("2025年1—8月全市规模以上工业运行情况\n\n1—8月，全市规模以上工业增加值同比增长8.3%。\n\n"
            "三、分重点产业看，锂电及新材料产业增加值增长17.3%；食品饮料产业增长6.2%。\n\n"
            "五、分园区看，青禾经济技术开发区规上工业增加值增长8.9%。")
    got = [m["yoy_pct"] for m in metrics(nlp, text, date="2025-09-22")]
    assert got == [8.9]


@pytest.mark.parametrize("text, counts", [
    ("青禾经开区有规上工业企业120家，其中产值超百亿元的4家、超10亿元的13家。",
     {120.0: "规上工业企业", 4.0: "产值超百亿元的", 13.0: "超10亿元的"}),
    ("青禾高新区单体产值过50亿元的企业10家、过百亿元的4家。",
     {10.0: "单体产值过50亿元的企业", 4.0: "过百亿元的"}),
])
def test_a_threshold_before_an_elided_noun_bounds_a_class_of_the_group_counted(nlp, text, counts):
    got = metrics(nlp, text, date="2025-03-01")
    assert {m["value"]["value"]: m["scope"] for m in got} == counts
    assert {m["indicator"] for m in got} == {"enterprise_count"}


@pytest.mark.parametrize("end", ["。", "；", "！"])
def test_firms_counted_before_their_noun_at_a_sentence_end_are_an_enterprise_count(nlp, end):
    text = f"青禾高新区已集聚了华远电子、蓝天光电等60余家上下游企业{end}"
    (m,) = metrics(nlp, text, date="2025-03-01")
    assert m["indicator"] == "enterprise_count" and m["value"]["value"] == 60.0


def test_zones_listed_after_a_colon_with_their_areas_are_the_subjects_of_their_areas(nlp):
    text = "青禾自贸试验区实施范围119.77平方公里，涵盖三个片区：洛阳片区73.17平方公里，开封片区19.94平方公里。"
    got = {m["value"]["value"]: (m["subject"], m["indicator"]) for m in metrics(nlp, text, date="2025-03-01")}
    assert got[73170000.0] == ("洛阳片区", "land_area") and got[19940000.0] == ("开封片区", "land_area")


RANKING_PAGE = (
    "近日，省里印发《关于2020年度全省开发区综合考评结果的通报》。青禾经济开发区以92.8分位列全省第2位。\n\n"
    "排名 | 开发区 | 得分 | 较上年位次变化\n"
    "1 | 白沙经济开发区 | 93.6 | 上升2位\n"
    "2 | 青禾经济开发区 | 92.8 | 上升3位\n"
    "3 | 东岭经济开发区 | 84.1 | 持平\n"
    "4 | 石桥经济开发区 | 83.6 | 下降1位\n\n"
    "从通报看，前3名开发区的得分均在84分以上，平均分比上年提高2.6分。"
)


def test_a_table_row_is_not_dropped_as_a_display_line_the_prose_restates(nlp):
    got = {(m["subject"], m["value"]["value"]) for m in metrics(nlp, RANKING_PAGE, date="2021-09-15")
           if m["value"] and m["indicator_text"] == "得分"}
    assert {("东岭经济开发区", 84.1), ("石桥经济开发区", 83.6)} <= got


def test_a_score_in_the_prose_is_dated_by_the_evaluation_and_named_as_one(rules_nlp):
    text = "近日，省里公布2023年度省产业园考核评价结果。青禾产业转移工业园以96.42分位居全省第一，比上年前移2位。"
    got = [m for m in metrics(rules_nlp, text, date="2024-07-12") if m["value"] and m["value"]["unit"] == "other:分"]
    assert [(m["indicator_text"], m["period"]["year"]) for m in got] == [("得分", 2023)]


@pytest.mark.parametrize("clause, value", [("占地1334亩", 1334.0), ("可安排就业约300人", 300.0),
                                           ("预计年产值6亿元", 6e8)])
def test_a_projects_land_staff_and_forecast_are_scoped_by_the_project(rules_nlp, clause, value):
    text = f"青禾经开区加快项目建设。华远电子有限公司年产10万台电机项目总投资12亿元，{clause}。"
    got = [m for m in metrics(rules_nlp, text, date="2024-05-01") if m["value"] and m["value"]["value"] == value]
    assert got and got[0]["scope"] == "华远电子有限公司年产10万台电机项目"


def test_the_area_of_a_park_a_figure_qualifies_is_not_a_projects(rules_nlp):
    text = "华远电子有限公司年产10万台电机项目落户青禾经开区，在占地5000亩的白沙新材料产业园建设。"
    got = [m for m in metrics(rules_nlp, text, date="2024-05-01") if m["value"] and m["value"]["value"] == 5000.0]
    assert got and got[0]["scope"] != "华远电子有限公司年产10万台电机项目"


def test_an_administered_test_zone_and_its_bare_kind_word(nlp):
    text = "柴达木循环经济试验区一季度完成招商引资到位资金2.28亿元。3月份，试验区规上工业增加值同比增长9.6%。"
    got = {(m["subject"], m["indicator"]) for m in metrics(nlp, text, date="2022-04-20")}
    assert got == {("柴达木循环经济试验区", "funds_in_place"), ("柴达木循环经济试验区", "industrial_value_added_above_scale")}


def test_a_counted_kind_of_zone_is_no_anaphor(nlp):
    text = ("同期，青禾自贸试验区三个片区合计实现进出口总额1076.4亿元。从全国看，2022年21个自贸试验区进出口总额达7.5万亿元，"
            "增长14.5%；实际使用外资超过2200亿元，占全国的18.1%。")
    assert not any(m["indicator"] == "foreign_investment" for m in metrics(nlp, text, date="2023-03-01"))


@pytest.mark.parametrize("clause, value, indicator", [
    ("一期13,000平方米仓库已投入使用", 13000.0, "other"),
    ("2021年建成69.72万平方米", 697200.0, "other"),
    ("新建12万平方米标准厂房", 120000.0, "other"),
    ("规划面积12平方公里", 12000000.0, "land_area"),
    ("建成区面积达12平方公里", 12000000.0, "land_area"),
])
def test_floor_space_built_or_named_after_the_figure_is_no_land(rules_nlp, clause, value, indicator):
    text = f"青禾综保区加快建设，{clause}。"
    got = [m for m in metrics(rules_nlp, text, date="2022-03-01") if m["value"] and m["value"]["value"] == value]
    assert got and got[0]["indicator"] == indicator


@pytest.mark.parametrize("text, value", [("青禾经开区商事主体超过1.8万家。", 18000.0), ("青禾高新区新增市场主体2300户。", 2300.0),
                                         ("青禾高新区净增经营主体4151户。", 4151.0)])
def test_market_entities_are_a_count_of_firms(nlp, text, value):
    (m,) = metrics(nlp, text, date="2022-03-01")
    assert m["indicator"] == "enterprise_count" and m["value"]["value"] == value and "主体" in m["scope"]


@pytest.mark.parametrize("sentence", ["上半年新疆外贸进出口总值1496.2亿元，增长65.2%。", "太仓已累计引进德资企业560余家。"])
def test_a_bare_place_heading_a_clause_with_a_figures_words_is_an_area(nlp, sentence):
    text = f"青禾综保区上半年进出口增长12%。{sentence}"
    got = metrics(nlp, text, date="2024-07-20")
    assert [m["yoy_pct"] for m in got] == [12.0]


def test_a_place_a_park_of_the_document_is_named_from_is_that_park(rules_nlp):
    text = "昆山开发区加快发展。昆山累计引进外资企业2600余家。"
    got = [m for m in metrics(rules_nlp, text, date="2024-07-20") if m["value"] and m["value"]["value"] == 2600.0]
    assert got and got[0]["subject"] == "昆山开发区"


def test_a_park_word_framing_the_place_gives_way_to_the_firm_after_it(nlp):
    """``园区内，A公司…营收``: the park is where, the firm is whose figure it is."""
    from factkit import metrics

    ms = metrics(nlp, "青禾产业园加快发展储能产业。园区内，岭川储能上半年营收4.8亿元。", "2024-07-20")
    (m,) = [m for m in ms if m["value"] and m["value"]["value"] == 4.8e8]
    assert m["subject"] == "岭川储能"


def test_without_a_firm_after_it_the_framing_park_word_is_the_subject(nlp):
    from factkit import metrics

    ms = metrics(nlp, "青禾产业园加快发展储能产业。园区内，规上工业营收48亿元。", "2024-07-20")
    (m,) = [m for m in ms if m["value"] and m["value"]["value"] == 4.8e9]
    assert m["subject"] == "青禾产业园"


def test_a_firms_site_named_after_it_scopes_its_figure(nlp):
    from factkit import metrics

    text = "岭川储能科技有限公司（以下简称岭川储能）落户青禾产业园。岭川储能德阳储能电池基地上半年营收4.8亿元。"
    ms = metrics(nlp, text, "2024-07-20")
    (m,) = [m for m in ms if m["value"] and m["value"]["value"] == 4.8e8]
    assert (m["subject"], m["scope"]) == ("岭川储能", "德阳储能电池基地")


@pytest.mark.parametrize("text,scope", [
    ("1—6月，青禾经开区新签约亿元以上项目27个，协议总投资218.5亿元。", "签约亿元以上项目"),
    ("今年以来，青禾经开区集中开工项目12个，总投资56.8亿元。", "集中开工项目"),
])
def test_the_sum_of_a_group_of_projects_takes_the_groups_scope(nlp, text: str, scope: str) -> None:
    from factkit import metrics

    ms = metrics(nlp, text, "2024-07-20")
    (m,) = [m for m in ms if m["value"] and m["value"]["unit"] == "CNY"]
    assert scope in m["scope"]


def test_a_sum_of_another_subject_keeps_no_group_scope(nlp):
    from factkit import metrics

    text = "1—6月，青禾经开区新签约亿元以上项目27个；岭川高新区协议总投资218.5亿元。"
    ms = metrics(nlp, text, "2024-07-20")
    (m,) = [m for m in ms if m["value"] and m["value"]["unit"] == "CNY"]
    assert (m["subject"], m["scope"]) == ("岭川高新区", None)


def test_a_kind_word_opening_the_figures_clause_beats_a_name_in_an_earlier_clause(nlp):
    """``X经开区局长Y告诉记者，“今年1—9月，产业园新签约…，协议总投资…”``: the bare 产业园 is the
    sub-park named before, for its clause and the clause after it that names nothing."""
    from factkit import metrics

    text = ("青禾经开区规划建设了新能源电池产业园。“一个龙头带来一串配套，”经开区投资促进局局长告诉记者，"
            "“今年1—9月，产业园新签约配套项目14个，协议总投资186.4亿元。”")
    ms = metrics(nlp, text, "2024-10-20")
    assert {m["subject"] for m in ms if m["value"]} == {"新能源电池产业园"}


def test_a_kind_word_with_no_park_of_its_kind_gives_way(nlp):
    from factkit import metrics

    text = "青禾经开区投资促进局局长告诉记者，“今年1—9月，产业园新签约配套项目14个。”"
    ms = metrics(nlp, text, "2024-10-20")
    assert {m["subject"] for m in ms if m["value"]} == {"青禾经开区"}


@pytest.mark.parametrize("text,indicator,value", [
    ("2023年，青禾高新区188家规上工业企业实现产值293.6亿元，同比增长8%。", "enterprise_count", 188),
    ("去年，区内17家规上医药企业实现产值61.3亿元。", "enterprise_count", 17),
    ("今年以来，青禾高新区47个亿元以上在建项目完成投资18.9亿元。", "major_projects", 47),
    ("今年以来，青禾高新区32个市重大项目完成投资180.56亿元。", "major_projects", 32),
])
def test_a_count_before_its_noun_counts_the_noun_not_the_clause(nlp, text: str, indicator: str, value: int) -> None:
    """``188家规上工业企业实现产值…``: the firms (or projects) counted end before the
    predicate of their own figure."""
    from factkit import metrics

    ms = metrics(nlp, "青禾高新区加快发展。" + text, "2024-02-20")
    (m,) = [m for m in ms if m["value"] and m["value"]["unit"] == "count"]
    assert (m["indicator"], m["value"]["value"]) == (indicator, value)
    assert "实现" not in m["indicator_text"] and "完成" not in m["indicator_text"]


def test_firms_a_subject_acts_on_are_not_its_firms(nlp):
    from factkit import metrics

    ms = metrics(nlp, "据统计，岭川储能已带动69家上下游企业实现年产值超300亿元。", "2024-02-20")
    assert all(m["indicator"] != "enterprise_count" for m in ms)


@pytest.mark.parametrize("clause,indicator", [
    ("新引进亿元以上项目15个", "major_projects"),
    ("新开工超5亿元项目6个", "major_projects"),
    ("新开工亿元以上产业项目6个", "major_projects"),
    ("新签约亿元以上项目14个", "signed_projects"),   # signed stays signed
    ("拟推进500万元以上增资扩产项目30个", "other"),    # not an investment class of SPEC 7
])
def test_a_count_of_projects_bounded_by_an_investment_is_major(nlp, clause: str, indicator: str) -> None:
    from factkit import metrics

    ms = metrics(nlp, "今年以来，青禾高新区" + clause + "。", "2024-07-20")
    (m,) = [m for m in ms if m["value"] and m["value"]["unit"] == "count"]
    assert m["indicator"] == indicator


@pytest.mark.parametrize("clause,indicator", [
    ("上缴税金4100万元", "tax_revenue"),
    ("实到市外内资10.53亿元", "funds_in_place"),
    ("引进省外资金15.4亿元", "funds_in_place"),
    ("全口径招商引资完成17.3亿元", "funds_in_place"),
])
def test_variants_of_tax_and_funds_in_place(nlp, clause: str, indicator: str) -> None:
    from factkit import metrics

    (m,) = metrics(nlp, "今年以来，青禾高新区" + clause + "。", "2024-07-20")
    assert m["indicator"] == indicator


def test_a_generic_zone_word_opening_its_clause_is_the_park_not_the_firm_before(nlp):
    """``A二期…项目建成，园区全年实现规上工业产值…``: 园区 is the paragraph's park."""
    from factkit import metrics

    text = "——青禾工业园区新材料产业实现突破。岭川铝业二期年产35万吨项目建成，园区全年实现规上工业产值198.4亿元，增长14.3%。"
    (m,) = [m for m in metrics(nlp, text, "2025-01-20") if m["value"]]
    assert m["subject"] == "青禾工业园区"


def test_a_generic_zone_word_takes_the_park_named_earlier_in_its_sentence(nlp):
    from factkit import metrics

    text = ("青禾经开区上半年实现产值520亿元。名酒工业园区内，岭川、瑞禾等企业生产同步推进，"
            "园区白酒产值完成203.4亿元。")
    (m,) = [m for m in metrics(nlp, text, "2024-07-20") if m["value"] and m["value"]["value"] == 203.4e8]
    assert m["subject"] == "名酒工业园区"


@pytest.mark.parametrize("text,subject", [
    ("岭川电子有限公司落户青禾高新区。青禾高新区为其提供了3.2万平方米的标准厂房。", "岭川电子有限公司"),
    ("岭川电子有限公司总经理王明说：“我们准备再上一条生产线。园区帮我们协调了20亩用地。”", "岭川电子有限公司"),
])
def test_what_a_park_does_for_a_firm_named_by_a_pronoun_is_the_firms(nlp, text: str, subject: str) -> None:
    from factkit import metrics

    (m,) = [m for m in metrics(nlp, "青禾高新区加快发展。" + text, "2024-07-20") if m["value"]]
    assert m["subject"] == subject


def test_what_a_park_does_for_firms_in_general_stays_the_parks(nlp):
    from factkit import metrics

    (m,) = [m for m in metrics(nlp, "今年以来，青禾高新区已为企业兑现奖补资金1.2亿元。", "2024-07-20") if m["value"]]
    assert m["subject"] == "青禾高新区"
    # (a count of problems solved is no land area: ``indicator_unit_rejects`` drops it)
    assert not [m for m in metrics(nlp, "今年以来，青禾高新区已为企业协调解决用地、用电等问题127个。", "2024-07-20")
                if m["indicator"] == "land_area"]


def test_a_firm_opening_the_figures_own_clause_reports_its_own_figure(nlp):
    """``…占全区比重超过六成，金辉锂业全年营业收入176亿元``: the firm opens the figure's clause;
    the 全区 of an earlier clause's share base is not its subject."""
    from factkit import metrics

    text = ("2023年，青禾经开区规上工业增加值212.4亿元，增长17.5%。其中锂电产业营收占全区比重超过六成，"
            "岭川锂业全年营业收入176亿元，成为区内首家营收超百亿元的工业企业。")
    (m,) = [m for m in metrics(nlp, text, "2024-02-01") if m["value"] and m["value"]["value"] == 176e8]
    assert m["subject"] == "岭川锂业"


@pytest.mark.parametrize("clause,noun", [
    ("活动现场签约项目12个", "签约项目"),
    ("力争新签约项目20个", "签约项目"),
    ("我们新引进项目30个", "引进项目"),
])
def test_frame_words_before_a_counted_noun_are_no_scope(nlp, clause: str, noun: str) -> None:
    """``活动现场签约项目12个``: the scope is the noun counted, not the frame before it."""
    from factkit import metrics

    (m,) = [m for m in metrics(nlp, "今年以来，青禾高新区" + clause + "。", "2024-07-20") if m["value"]]
    assert m["scope"] and noun in m["scope"]  # (not the frame alone: ``活动现场`` / ``我们``)


def test_staff_a_project_will_add_in_the_sentence_after_it_is_scoped_by_the_project(nlp):
    from factkit import metrics

    text = "青禾高新区引进年产2000万平方米电极箔项目，总投资12.6亿元。项目达产后可实现年产值20亿元，新增就业岗位800个。"
    (m,) = [m for m in metrics(nlp, text, "2024-07-20") if m["indicator"] == "employees"]
    assert m["scope"] == "年产2000万平方米电极箔项目"


def test_staff_of_a_park_after_a_project_sentence_is_not_the_projects(nlp):
    from factkit import metrics

    text = "青禾高新区引进年产2000万平方米电极箔项目，总投资12.6亿元。园区现有从业人员3.2万人。"
    (m,) = [m for m in metrics(nlp, text, "2024-07-20") if m["indicator"] == "employees"]
    assert m["scope"] != "年产2000万平方米电极箔项目"


@pytest.mark.parametrize("text, bad", [
    ("青禾高新区新材料产业88家规上企业完成产值207.4亿元。", ("enterprise_count", "CNY")),   # a count in 元
    ("青禾经开区内，星海化工有限公司年产5万吨电子级双氧水项目投资9.6亿元。", ("production_capacity", "CNY")),
    ("星海电子有限公司落户青禾高新区，公司每年拿出营业收入的5%以上投入研发。", ("operating_revenue", "%")),
    ("青禾经开区今年为企业协调解决用地、用电、用工等问题127个。", ("land_area", "count")),
])
def test_a_figure_in_a_unit_its_indicator_cannot_have_is_dropped(nlp, text, bad):
    """SPEC 7: money indicators are amounts, counts are counts, land is an area and
    capacity is no amount; a figure read with the wrong unit is a misread."""
    ms = metrics(nlp, text, "2024-07-10")
    assert not any((m["indicator"], (m["value"] or {}).get("unit")) == bad for m in ms), ms


def test_a_figure_in_a_unit_its_indicator_has_is_kept(nlp):
    text = "青禾高新区新材料产业规上企业88家，完成产值207.4亿元，星海化工有限公司年产能5万吨。"
    ms = metrics(nlp, text, "2024-07-10")
    got = {(m["indicator"], (m["value"] or {}).get("unit")) for m in ms}
    assert {("enterprise_count", "count"), ("output_value", "CNY")} <= got, got


def test_the_counted_firms_own_figure_takes_the_sectors_scope(nlp):
    """``新材料产业88家规上企业完成产值207.4亿元``: the longest form (规上企业) cannot hold an
    amount; the form after it (产值) does, scoped by the sector the count was of."""
    text = "青禾高新区前三季度经济运行平稳。新材料产业88家规上企业完成产值207.4亿元，同比增长13.9%。"
    ms = {(m["indicator"], (m["value"] or {}).get("unit")): m for m in metrics(nlp, text, "2024-10-20")}
    assert ms[("enterprise_count", "count")]["value"]["value"] == 88.0
    out = ms[("output_value", "CNY")]
    assert out["value"]["value"] == 20740000000.0 and out["scope"] == "新材料产业" and out["yoy_pct"] == 13.9


def test_a_zone_named_only_to_place_a_park_is_not_the_topic(nlp):
    """``走进位于X经济开发区的Y产业园``: the zone is the setting of the paragraph, the park
    it places is what the paragraph (and the next one, naming no park) is about."""
    text = ("9月10日，走进位于青禾经济开发区的星海科创产业园，一期标准厂房刚刚完成外立面施工。\n"
            "这座产业园于2022年7月开工，截至8月底已签约入驻企业67家。")
    (m,) = [m for m in metrics(nlp, text, "2024-09-20") if (m["value"] or {}).get("value") == 67.0]
    assert m["subject"] == "星海科创产业园"


@pytest.mark.parametrize("bracket", ["(1784.4亿元)", "（1784.4亿元）"])
def test_a_share_base_with_its_own_value_in_brackets_keeps_the_share(nlp, bracket):
    """``占全市规上工业总产值（1784.4亿元）的28.2%``: the bracket states the base's value, no
    fact; the share reads past it."""
    text = f"1—8月，青禾经开区规上工业总产值完成503.7亿元，同比增长24.6%，占全市规上工业总产值{bracket}的28.2%。"
    ms = metrics(nlp, text, "2023-09-20")
    assert [((m["value"] or {}).get("value"), m["yoy_pct"], m["share_pct"]) for m in ms] == [(50370000000.0, 24.6, 28.2)]


def test_a_comparison_base_with_its_own_rate_in_brackets_gives_the_difference(nlp):
    """``高于全市（11.4%）3.9个百分点``: the city's rate is no fact of the park; the difference is."""
    text = "1—8月，青禾经开区规上工业增加值同比增长15.3%，高于全市（11.4%）3.9个百分点。"
    ms = metrics(nlp, text, "2023-09-20")
    assert not any((m["value"] or {}).get("value") == 11.4 for m in ms)
    assert any((m["value"] or {}).get("unit") == "pp" and m["value"]["value"] == 3.9 for m in ms)


def test_a_share_of_the_county_after_a_verb_names_no_area(nlp):
    """``贡献了全县七成以上的税收``: the park's share of the county, not a place ``贡献了``
    heading the clause; the next sentence (``园区…``) stays the park's."""
    text = ("前三季度，青禾县地区生产总值增长6.8%。\n"
            "青禾经济开发区是全县经济的主引擎。\n"
            "这个面积仅占全县约3%的园区，前三季度实现营业收入386.5亿元，贡献了全县七成以上的税收。"
            "园区规上工业企业达到158家，规上工业产值占全县的81.4%。")
    ms = metrics(nlp, text, "2023-10-20")
    got = {((m["value"] or {}).get("value"), m["share_pct"]) for m in ms if m["subject"] == "青禾经济开发区"}
    assert {(158.0, None), (None, 81.4)} <= got, got


@pytest.mark.parametrize("mention", [
    "新区经济总量迈上2000亿元台阶，与蓝田新区等一起进入“2000亿俱乐部”。",
    "新区经济总量迈上2000亿元台阶，仅次于蓝田新区。",
])
def test_a_park_named_as_a_companion_or_yardstick_takes_no_later_figures(nlp, mention):
    """``与X新区等一起…`` / ``仅次于X新区``: the other 新区 is a companion or a yardstick of
    the paragraph, not its topic; the 新区 of the next paragraph is still the article's."""
    text = ("前三季度，青禾新区实现地区生产总值1641.3亿元，增长8.4%。\n" + mention + "\n"
            "前三季度，新区规上工业总产值3428.6亿元，增长9.7%。")
    ms = metrics(nlp, text, "2023-10-30")
    (m,) = [m for m in ms if (m["value"] or {}).get("value") == 342860000000.0]
    assert m["subject"] == "青禾新区"


def test_a_sub_park_that_only_places_a_firm_holds_no_later_paragraph(nlp):
    """``位于综保区维修产业园的X公司…``: the paragraph is about the firm; the next paragraph's
    ``区内`` is the zone the article is about."""
    text = ("前三季度，青禾综合保税区进出口54.6亿元，同比增长35.9%。青禾综合保税区新增企业12家。\n"
            "位于综保区维修产业园的星海航空维修技术有限公司是保税维修的主力。\n"
            "跨境电商方面，蓝田跨境供应链有限公司今年在区内新建保税仓，完成网购保税进口货值1.9亿元。")
    got = {(f["company"], f["park"]) for f in facts(nlp, text, "located_in")}
    assert ("蓝田跨境供应链有限公司", "青禾综合保税区") in got
    assert ("蓝田跨境供应链有限公司", "维修产业园") not in got


def test_a_bare_company_before_its_product_list_after_a_viewpoint_frame_is_the_articles_firm(nlp):
    """``从单品看，2023年公司辛醇、烧碱销量分别为…``: a viewpoint frame and a year lead the
    clause; the bare 公司 before a list of products is the firm the article is about, not
    its parent group named once (``由X集团间接控股``) nor the park it is in."""
    text = ("4月22日晚间，星海化工披露2023年年度报告。星海化工全年营业收入253.58亿元。\n"
            "作为总部位于青禾高新区的老牌化工企业，星海化工由蓝田集团有限公司间接控股。\n"
            "从单品看，2023年公司辛醇、烧碱销量分别为45.89万吨和66.24万吨。")
    ms = [m for m in metrics(nlp, text, "2024-04-23") if (m["value"] or {}).get("unit") == "t"]
    assert [m["subject"] for m in ms] == ["星海化工", "星海化工"]


@pytest.mark.parametrize("declared, kept", [("全市（新区）", True), ("全市", False)])
def test_a_city_declared_one_with_its_new_area_reports_the_new_areas_figures(nlp, declared, kept):
    """``舟山市统计局发布全市（新区）主要经济指标``: the bracket declares the city and the 新区
    one area, so 全市's figures are the 新区's; without it they stay the city's."""
    text = (f"青禾市统计局发布前三季度{declared}主要经济指标。前三季度青禾新区实现地区生产总值1641.3亿元。"
            "前三季度，全市规模以上工业增加值同比增长13.5%。")
    ms = metrics(nlp, text, "2023-10-28")
    assert any(m["yoy_pct"] == 13.5 and m["subject"] == "青禾新区" for m in ms) is kept


def test_a_part_named_after_qu_nei_reports_its_own_figure(nlp):
    """``…主要指标实现全面飘红：区内航空物流园区完成货邮处理量5.1万吨，同比增长11.6%``: the
    part named after 区内 opens the figure's clause; its change stays with it."""
    text = ("货机起落间 临空产业加速聚链\n——榆林临空经济区上半年经济运行综述\n\n青禾日报记者 王立\n\n"
            "7月21日，记者从青禾区临空经济发展局获悉，今年上半年，榆林临空经济区主要经济指标实现“全面飘红”："
            "区内星海物流园区完成货邮处理量5.1万吨，同比增长11.6%。")
    (m,) = metrics(nlp, text, "2025-07-21")
    assert (m["subject"], m["yoy_pct"]) == ("星海物流园区", 11.6)


@pytest.mark.parametrize("zone, word", [("廊坊临空经济区", "临空经济区"), ("黄河三角洲农业高新技术产业示范区", "农高区")])
def test_a_bare_kind_word_refers_to_the_zone_of_its_kind(nlp, zone, word):
    """``临空经济区今年计划实施亿元以上产业项目40个``: the bare kind word is the zone of that
    kind, not a sub-park named last (``宸信无人机科技产业园``)."""
    text = (f"2月29日，星海无人机科技产业园二期在{zone}开工，总投资8.6亿元，建成后可年产各类无人机3000架。"
            f"{word}今年计划实施亿元以上产业项目40个。")
    (m,) = [m for m in metrics(nlp, text, "2024-03-01") if (m["value"] or {}).get("value") == 40.0]
    assert m["subject"] == zone


def test_a_provinces_counted_zones_with_their_short_name_are_a_group(nlp):
    """``我省5个综合保税区（以下简称综保区）合计实现进出口…``: a province's counted zones, their
    declared short name after them, are a group; no zone named later takes the sum."""
    text = ("2025年1—12月，我省5个综合保税区（以下简称综保区）合计实现进出口613.3亿元，同比增长9.9%。"
            "青禾综合保税区进出口163.8亿元。")
    ms = metrics(nlp, text, "2026-01-22")
    assert [(m["value"] or {}).get("value") for m in ms] == [16380000000.0]


def test_facts_name_a_park_by_its_name_not_its_kind_word(nlp):
    """A park cluster holding a bare kind word (``自贸片区``, said more often than the name) is
    named in facts by its own most frequent name (SPEC 2: the bare word is no name)."""
    text = ("中国（青禾）自由贸易试验区蓝田片区（以下简称“自贸片区”）挂牌五年。截至2022年底，自贸片区累计新增注册企业48815家。"
            "2022年，自贸片区实现外贸进出口3842.6亿元。自贸片区实际使用外资12.7亿美元。")
    ms = metrics(nlp, text, "2023-04-20")
    assert {m["subject"] for m in ms} == {"中国（青禾）自由贸易试验区蓝田片区"}


def test_a_growth_of_nothing_named_is_no_figure(nlp):
    """``两大行业产值同比分别增长140.9%和116.7%`` read without its pairs leaves ``和116.7%``: a
    change whose words name nothing that grew is dropped, not reported as ``other``."""
    text = "青禾高新区今年以来运行平稳，年均增长9.5%。"
    assert not [m for m in metrics(nlp, text, "2024-05-01") if m["indicator"] == "other" and m["yoy_pct"] == 9.5]


@pytest.mark.parametrize("text, value, scope", [
    ("青禾经开区1—2月运行良好。恒源科技、瑞达机电两家企业合计完成产值9.7亿元，同比增长18.3%。",
     970000000.0, "恒源科技、瑞达机电两家企业"),
    ("青禾综保区上半年运行平稳。星岚电子、言川电脑、金沃精密3家企业进出口合计超过50亿元，增长12%。",
     5000000000.0, "星岚电子、言川电脑、金沃精密3家企业"),
])
def test_a_sum_over_firms_is_their_parks_figure_scoped_by_the_firms(nlp, text, value, scope):
    """``A、B两家企业合计完成产值…``: firms summed are the park's figure, the firms its scope;
    the change after it belongs to the same figure (a sum over two parks is neither's)."""
    (m,) = [m for m in metrics(nlp, text, "2022-03-18") if (m["value"] or {}).get("value") == value]
    assert m["subject"].startswith("青禾") and m["scope"] == scope and m["yoy_pct"] in (18.3, 12.0)


def test_the_change_after_a_sum_over_two_parks_is_neither_parks(nlp):
    text = "远帆经开区和青禾高新区上半年运行。远帆经开区、青禾高新区两个国家级园区合计实现规上工业产值1200亿元，增长8%。"
    assert metrics(nlp, text, "2023-07-20") == []


@pytest.mark.parametrize("text", [
    "青禾经济开发区是县域经济的发动机。1—11月，石桥镇完成规上工业产值58.4亿元，增长16.3%。",
    "青禾经济开发区是县域经济的发动机。1—11月，东岭街道完成固定资产投资31.2亿元，增长8.5%。",
    "青禾经济开发区是县域经济的发动机。1—11月，红柳乡实现社会消费品零售总额2.7亿元。",
])
def test_a_town_or_sub_district_heading_a_clause_is_no_park(nlp, text):
    assert metrics(nlp, text, "2023-12-18") == []


def test_a_featured_town_is_not_a_township(nlp):
    """``小镇`` names a 特色小镇, not a town: its figures stay with the park the sentence names."""
    text = "青禾高新区梦溪小镇完成营业收入12亿元。"
    assert [(m["value"] or {}).get("value") for m in metrics(nlp, text, "2023-12-18")] == [1200000000.0]


@pytest.mark.parametrize("text", [
    "青禾经开区开展亩均效益评价。此次全县共有312家企业参评，其中规上工业企业198家。",
    "青禾经开区推进节能。2023年蒙川实施节能技术改造项目208个，节能107万吨标准煤。",
])
def test_a_county_after_a_this_time_word_or_a_place_implementing_is_an_area(nlp, text, monkeypatch):
    from zone_ie.relations import areas
    monkeypatch.setattr(areas, "place_name_set", lambda: frozenset({"蒙川"}))
    areas._area_grammar.cache_clear()
    try:
        got = metrics(nlp, text, "2023-12-18")
    finally:
        areas._area_grammar.cache_clear()
    assert not [m for m in got if (m["value"] or {}).get("value") in (312.0, 198.0, 208.0, 1070000.0)]


@pytest.mark.parametrize("text", [
    "青禾综保区8月运行。8月当月进出口4.12亿元,折合约6050万美元,同比增长38.2%。",
    "青禾综保区8月运行。8月当月进出口4.12亿元（折合6050万美元），同比增长38.2%。",
])
def test_a_figure_restated_in_another_currency_is_one_figure(nlp, text):
    ms = metrics(nlp, text, "2022-09-18")
    assert [((m["value"] or {}).get("value"), m["yoy_pct"]) for m in ms] == [(412000000.0, 38.2)]


def test_a_dated_related_article_line_is_furniture_without_a_marker():
    from zone_ie.relations.furniture import furniture_spans
    raw = "正文。\n\n相关阅读:\n· 青禾综保区上半年进出口22.37亿元 (2022-07-15)\n正文二。\n· 全省外贸进出口4552.6亿元 (2022-07-20)\n"
    got = [raw[a:b].strip() for a, b in furniture_spans(raw)]
    assert got == ["相关阅读:", "· 青禾综保区上半年进出口22.37亿元 (2022-07-15)", "· 全省外贸进出口4552.6亿元 (2022-07-20)"]


@pytest.mark.parametrize("text, actual, target, share, period", [
    ("青禾高新区前三季度运行分析。1—9月，高新区实现营业收入396.4亿元，同比增长9.7%，完成全年530亿元目标任务的74.8%。",
     39640000000.0, 53000000000.0, 74.8, (2025, 1, 12)),
    ("青禾高新区2023年运行。全年园区完成规上工业总产值486.3亿元，同比增长14.2%，完成年度目标470亿元的103.5%。",
     48630000000.0, 47000000000.0, 103.5, (2023, 1, 12)),
])
def test_a_target_amount_before_its_completion_share_is_the_years_target(nlp, text, actual, target, share, period):
    """``…396.4亿元，完成全年530亿元目标任务的74.8%``: the share is the figure's; the amount is
    the year's target of the same indicator, not a figure holding the share."""
    ms = {(m["value"] or {}).get("value"): m for m in metrics(nlp, text, "2025-10-28" if "9月" in text else "2024-01-20")}
    assert ms[actual]["share_pct"] == share
    assert ms[target]["indicator"] == ms[actual]["indicator"] and ms[target]["share_pct"] is None
    assert per(ms[target]) == period


def test_a_change_against_the_period_before_is_no_year_on_year_change(nlp):
    """``环比下降4.6%``: a quarter-on-quarter change is an ``other`` figure in %, signed."""
    text = "青禾高新区前三季度运行分析。三季度单季完成产值71.2亿元，环比增长6.8%。三季度装备园产值环比下降4.6%。"
    ms = metrics(nlp, text, "2025-10-28")
    assert all(m["yoy_pct"] is None for m in ms)
    got = {(m["indicator"], m["value"]["value"], m["value"]["unit"]) for m in ms}
    assert {("other", 6.8, "%"), ("other", -4.6, "%")} <= got


def test_a_bare_pian_qu_is_the_free_trade_area_it_names_not_a_zone_named_last(nlp):
    """``片区`` refers back to the 片区 the article names (a typed anaphor), not to the
    综保区 named in the sentence before; ``4大片区`` counts regions and refers to nothing."""
    text = ("中国（山东）自由贸易试验区青禾片区挂牌五年。青禾前湾综合保税区是片区开放的核心平台。"
            "今年上半年，片区实现外贸进出口1168.5亿元，同比增长8.6%。")
    (m,) = metrics(nlp, text, "2024-08-29")
    assert m["subject"] == "中国（山东）自由贸易试验区青禾片区"
    text = ("青禾高新区下半年工作。\n\n青禾综合保税区累计引进企业82家。\n\n"
            "记者：下半年，青禾高新区将重点抓好哪些工作？\n\n"
            "答：第一，重点盯住长三角等4大片区、11座城市，引进一批链主企业；第二，力争全年工业总产值突破340亿元。")
    got = [m for m in metrics(nlp, text, "2023-07-20") if (m["value"] or {}).get("value") == 34000000000.0]
    assert got and all(m["subject"] == "青禾高新区" for m in got)


ISSUER_REPORT = (
    "证券代码：688001　　证券简称：青禾股份　　公告编号：2024-021\n\n"
    "青禾新材料股份有限公司\n2023年年度报告摘要\n\n"
    "报告期内，公司全资子公司远帆新材料有限公司位于远帆经济开发区，年产电解液5万吨项目已投产。\n\n"
    "公司全年实现电解液销量11.8万吨，同比增长14.6%。公司前五名客户销售额30.21亿元，占年度销售总额的62.13%。"
    "累计取得授权发明专利57项，其中本年度新增11项。\n"
)


def test_bare_gongsi_in_a_listed_firms_own_report_is_the_firm(nlp):
    """In a listed firm's own report (证券简称：X / its name over …年度报告摘要), a bare 公司 opening
    a clause is the firm, not the subsidiary or the park named last; 全年 is the report's year."""
    ms = {(m["value"] or {}).get("value"): m for m in metrics(nlp, ISSUER_REPORT, "2024-04-26")}
    for v in (118000.0, 3021000000.0):
        assert ms[v]["subject"] in ("青禾股份", "青禾新材料股份有限公司")
    assert per(ms[118000.0]) == (2023, 1, 12)
    assert per(ms[11.0]) == (2023, None, None)


def test_a_firm_named_over_an_announcement_title_is_the_issuer(nlp):
    text = ISSUER_REPORT.replace("证券代码：688001　　证券简称：青禾股份　　公告编号：2024-021\n\n", "")
    ms = {(m["value"] or {}).get("value"): m for m in metrics(nlp, text, "2024-04-26")}
    assert ms[3021000000.0]["subject"] == "青禾新材料股份有限公司"


GOV_REPORT = (
    "政府工作报告（摘要）\n——2018年1月10日在青禾区第二届人民代表大会第二次会议上\n青禾区人民政府区长　林远\n\n"
    "各位代表：\n\n现在，我代表区人民政府，向大会报告工作，请予审议。\n\n"
    "一、2017年工作回顾\n\n"
    "过去的一年，全区经济稳中有进。\n\n"
    "园区主阵地作用更加突出。青禾经济技术开发区实现主营业务收入1526亿元，同比增长11.3%；新引进装备制造项目21个。\n\n"
    "项目建设多点开花。全年新开工超千万元项目72个，新签约重大项目38个。\n\n"
    "二、2018年主要目标\n\n"
    "今年经济社会发展的主要预期目标是：地区生产总值增长8%左右；一般公共预算收入增长9%。\n"
)


def test_a_government_report_gives_the_park_only_what_its_full_sentence_names(nlp):
    """In a 政府工作报告, a full sentence naming no park is about the area (72 projects, the
    targets of 地区生产总值…); a clause after ； in a full sentence naming the park stays the park's;
    a numbered section head with a year (一、2017年工作回顾) dates the section's figures."""
    ms = {(m["value"] or {}).get("value") or m["yoy_pct"]: m for m in metrics(nlp, GOV_REPORT, "2018-01-10")}
    assert not {72.0, 38.0, 8.0, 9.0} & ms.keys()
    assert ms[21.0]["subject"] == ms[152600000000.0]["subject"] == "青禾经济技术开发区"
    assert per(ms[152600000000.0]) == (2017, None, None)


@pytest.mark.parametrize("text", [
    "青禾经济开发区发展提速。负责人介绍，截至2021年底，全省共有省级开发区137家。",
    "青禾经济开发区发展提速。2021年，全省开发区实际使用外资160.4亿美元，占全省的75.1%；进出口总额2.39万亿元，占全省的81.6%。",
])
def test_an_areas_zones_and_the_clauses_after_them_are_the_areas(nlp, text):
    """``截至2021年底，全省共有省级开发区…``: a dated frame may open the area's clause, and
    the zones it has are its own; after ``全省开发区…；``, a clause naming nobody is still the area's
    (the zone word inside the area is no anaphor of the park)."""
    assert metrics(nlp, text, "2022-03-18") == []


@pytest.mark.parametrize("text", [
    "青禾经开区推进镁产业转型。力争到2025年全市镁产业产值达到300亿元。",
    "青禾综合保税区发展提速。今年以来，全区各综合保税区进出口额同比增长12.3%。",
])
def test_targets_and_groups_of_an_area_are_the_areas(nlp, text):
    """``力争到2025年全市…``: a target word may open the area's clause; ``全区各综合保税区`` is a
    group of zones, not the park."""
    assert metrics(nlp, text, "2024-03-01") == []


@pytest.mark.parametrize("text, firm, value", [
    ("东湖综合保税区一季度进出口40.2亿元。启明光电负责人介绍，这家生产车载显示模组的企业去年入区，一季度出口2.4亿元。",
     "启明光电", 240000000.0),
    ("华锐精工有限公司落户青禾经开区。这家成立不到五年的公司，今年营业收入有望突破3亿元。",
     "华锐精工有限公司", 300000000.0),
])
def test_a_firm_referred_to_by_a_description_is_the_subject(nlp, text: str, firm: str, value: float) -> None:
    """``这家生产车载显示模组的企业…出口2.4亿元``: a firm referred to by a description
    (``这家…的企业/公司``) is the last company named before, not the park."""
    found = [(m["subject"], m["value"]["value"]) for m in metrics(nlp, text, date="2024-04-20")]
    assert (firm, value) in found
    assert not any(v == value and s != firm for s, v in found)


def test_a_firms_plant_opening_a_clause_is_the_firm(nlp) -> None:
    """``廊坊工厂拥有员工540人`` / ``工厂实现产值…``: the plant of the firm the text is about
    reports the firm's staff and output, not the park's."""
    text = ("廊坊经济技术开发区一季度实际利用外资1.91亿美元，同比增长137%。\n\n"
            "2010年，瑞德液压（廊坊）有限公司把整机工厂落在了廊坊开发区。\n\n"
            "十年间，这座工厂的角色不断升级。目前，廊坊工厂拥有员工540人。"
            "2019年，工厂实现产值8.7亿元，同比增长12.6%。")
    found = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, date="2020-06-18")}
    assert found.get(540.0) == "瑞德液压（廊坊）有限公司"
    assert found.get(870000000.0) == "瑞德液压（廊坊）有限公司"


def test_a_park_word_opening_a_clause_ends_the_carried_area(nlp) -> None:
    """``全县对…企业实施关停并转。经过十余年发展，园区现有企业21家``: a generic park word
    opening a clause speaks of the park again; the county of the sentence before is not
    carried to it."""
    text = ("青川化工园区规划面积1.39平方公里。2010年前后，全县对沿江分布的33户化工企业实施关停并转。"
            "经过十余年发展，园区现有化工生产企业21家，其中规上企业18家。")
    found = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, date="2025-03-21")}
    assert found.get(21.0) == "青川化工园区"
    assert found.get(18.0) == "青川化工园区"


def test_a_bare_park_word_after_an_areas_group_of_parks_stays_the_group(nlp) -> None:
    """``全市园区完成固定资产投资…；园区实现税收收入…``: after an area's group of parks, a
    bare 园区 is that group, not the park named before."""
    text = ("青禾经开区一季度规上工业增加值增长9.1%。\n\n从全市面上看，全市园区完成固定资产投资486.2亿元，"
            "增长7.9%；园区实现税收收入124.9亿元，增长8.4%。")
    found = [m for m in metrics(nlp, text, date="2025-04-20") if m["value"] and m["value"]["value"] == 12490000000.0]
    assert found == []


def test_a_park_word_opening_a_clause_after_an_areas_office_is_the_park(nlp) -> None:
    """``记者从青川县农业农村局获悉，今年1—9月，产业园实现总产值…``: the county names the
    source; the generic park word opening the figure's clause is the park."""
    text = ("在青川县国家现代农业产业园核心区，冷藏车排队装车。记者从青川县农业农村局获悉，"
            "今年1—9月，产业园实现总产值41.6亿元，同比增长11.3%。")
    found = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, date="2024-10-16") if m["value"]}
    assert found.get(4160000000.0) == "青川县国家现代农业产业园"


def test_a_bare_park_word_after_a_counted_group_of_parks_stays_the_group(nlp) -> None:
    """``4个园区中有3个增速高于全市，园区规上工业增加值…拉动全市增长8.3个百分点``: after a
    counted group of parks, a bare 园区 is the group, not the park named before."""
    text = ("青禾经开区规上工业增加值增长9.1%。\\n\\n从结构看，4个园区中有3个增速高于全市平均水平，"
            "园区规上工业增加值拉动全市增长8.3个百分点。")
    found = [m for m in metrics(nlp, text, date="2025-11-20") if m["value"] and m["value"]["value"] == 8.3]
    assert found == []


@pytest.mark.parametrize("text, indicator, scope", [
    ("2023年，青禾高新区高新技术产业增加值增长12.3%，占规上工业增加值的68.5%。", "industrial_value_added", "高新技术产业"),
    ("2023年，青禾高新区战略性新兴产业增加值增长15.1%。", "industrial_value_added", "战略性新兴产业"),
    ("2023年，青禾经开区省外到位资金48.6亿元，增长9.2%。", "funds_in_place", "省外"),
    ("2023年，青禾经开区实际到位内资31.2亿元。", "funds_in_place", "内资"),
    ("2023年，青禾综保区区内加工贸易进出口21.4亿元。", "foreign_trade", "加工贸易"),
])
def test_an_indicator_form_naming_a_sector_or_a_source_gives_its_scope(nlp, text: str, indicator: str, scope: str) -> None:
    """``高新技术产业增加值`` / ``省外到位资金`` / ``区内加工贸易进出口``: a form that names a
    sector or a source of funds carries that as its scope (``form_scopes``); a place word
    before the form (区内) is no scope."""
    found = [m for m in metrics(nlp, text, date="2024-01-20") if m["indicator"] == indicator]
    assert found and found[0]["scope"] == scope


@pytest.mark.parametrize("text, park, value", [
    ("青禾经济技术开发区规划建设了6.92平方公里的新能源电池产业园，已入驻企业12家。", "新能源电池产业园", 6920000.0),
    ("在占地5000亩的小麦精深加工产业园里，青禾农高区正在建设三条生产线。", "小麦精深加工产业园", 5000.0),
])
def test_an_area_modifying_a_parks_name_is_that_parks(nlp, text: str, park: str, value: float) -> None:
    """``规划建设了6.92平方公里的X产业园`` / ``占地5000亩的X产业园``: an area written as the
    modifier of a park's name (figure, 的, park) is that park's, not the zone's named before."""
    found = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, date="2024-01-20") if m["value"]}
    assert found.get(value) == park


def test_the_full_zone_word_is_a_typed_anaphor_of_the_bonded_zone(nlp) -> None:
    """``综合保税区进出口总额突破16亿美元``: the full word 综合保税区, written alone, refers to the
    text's bonded zone (like 综保区), not to the 新区 that hosts it."""
    text = ("青禾新区以青禾综合保税区为平台发展外向型经济。\n\n"
            "2022年，青禾新区地区生产总值增长7.1%；综合保税区进出口总额突破16亿美元。")
    found = {m["indicator"]: m["subject"] for m in metrics(nlp, text, date="2023-01-16")}
    assert found.get("foreign_trade") == "青禾综合保税区"


@pytest.mark.parametrize("text, value, scope", [
    ("2023年，青禾经开区规模以上工业企业由120家增加到138家。", 138.0, "规模以上工业企业"),
    ("2023年，青禾综保区外商投资企业新设数量达到15家。", 15.0, "外商投资企业"),
    ("2023年，青禾新区各类企业主体数量突破2万户。", 20000.0, "各类企业主体"),
])
def test_a_count_of_firms_with_a_number_word_or_a_from_marker_is_an_enterprise_count(nlp, text: str, value: float, scope: str) -> None:
    """``X企业由120家增加到138家`` / ``外商投资企业新设数量15家`` / ``企业主体数量2万户``: the
    firms counted, with 由 or a word for their number after them, are an enterprise count."""
    found = {m["value"]["value"]: m for m in metrics(nlp, text, date="2024-01-20") if m["value"]}
    assert found[value]["indicator"] == "enterprise_count" and found[value]["scope"] == scope


def test_retail_sales_above_the_quota_is_retail_sales_with_its_scope(nlp) -> None:
    """``限额以上社会消费品零售额增长8.2%``: 社会消费品零售额 is a form of retail sales; 限额以上
    is its scope."""
    found = metrics(nlp, "2023年，青禾新区限额以上社会消费品零售额增长8.2%。", date="2024-01-20")
    assert [(m["indicator"], m["scope"], m["yoy_pct"]) for m in found] == [("retail_sales", "限额以上", 8.2)]


@pytest.mark.parametrize("kind_text, kind", [
    ("沪苏广德产业联动集聚区", "集聚区"),
    ("苏皖广德产业合作区", "合作区"),
])
def test_a_zone_kind_word_alone_refers_to_the_zone_of_that_kind(nlp, kind_text, kind):
    """``集聚区与上海澄江工业区结对共建…``: the kind word alone (集聚区, 合作区) is the text's zone
    of that kind, not the partner park named after it."""
    text = (f"{kind_text}上半年新签约项目17个，协议总投资89.3亿元。\n"
            f"2023年起，{kind}与上海澄江工业区结对共建，由澄江方面负责前端推介。截至6月底，{kind}累计完成投资26.4亿元。\n"
            f"本次开工的项目中，青禾精密传动有限公司将减速机生产线整体迁入，总投资6.8亿元。\n")
    ms = {m["value"]["value"]: m["subject"] for m in metrics(nlp, text, "2025-07-09") if m["value"]}
    assert ms[26.4e8] == kind_text


def test_a_total_investment_is_the_parks_only_for_a_counted_group(nlp):
    """``新开工项目37个，总投资552亿元``: the total of a counted group of projects is the park's;
    ``——A区：X公司Y项目，总投资12.6亿元`` is one project's investment (a project fact)."""
    text = ("2022年，青禾经济开发区新开工项目37个，总投资约552亿元。\n"
            "其余开工项目还包括：\n"
            "——澄江经开区：湖南瓷源新材料有限公司高性能电瓷绝缘子项目，总投资12.6亿元，建成后年产绝缘子3.2万吨。\n")
    got = {m["value"]["value"]: m for m in metrics(nlp, text, "2023-01-20")
           if m["indicator"] == "project_investment" and m["value"]}
    assert got[552e8]["subject"] == "青禾经济开发区"
    assert 12.6e8 not in got


def test_a_change_after_a_short_name_joins_the_figure_of_the_same_firm(nlp):
    """``X有限公司…技改项目全面达产，X短名全年营收首次突破50亿元，同比增长18.6%``: the short
    name and the full name are one firm, so the change joins the revenue."""
    text = "2024年，江西青禾电子科技有限公司技改项目全面达产，青禾电子全年营收首次突破50亿元，同比增长18.6%。"
    (m,) = [m for m in metrics(nlp, text, "2025-01-14") if m["indicator"] == "operating_revenue"]
    assert m["value"]["value"] == 50e8 and m["yoy_pct"] == 18.6


def test_an_infographic_label_names_the_figure_under_it(nlp):
    """``▶ 地区生产总值⏎43.8亿元⏎同比增长19.6%``: a WeChat post's label line and the figure
    under it are one statement; a marker heading over a dated sentence stays a heading."""
    text = ("青禾高新区一季度“成绩单”来了\n\n【数读】一季度\n\n"
            "▶ 地区生产总值\n43.8亿元\n同比增长19.6%\n\n"
            "▶ 固定资产投资\n同比增长\n36.5%\n\n"
            "■ 工业经济稳中有进\n1—3月，全区规上工业企业实现产值132.6亿元，同比增长31.4%。\n")
    ms = {m["indicator"]: m for m in metrics(nlp, text, "2021-04-21")}
    assert ms["gdp"]["value"]["value"] == 43.8e8 and ms["gdp"]["yoy_pct"] == 19.6
    assert ms["fixed_asset_investment"]["yoy_pct"] == 36.5
    (out,) = [m for m in ms.values() if m["value"] and m["value"]["value"] == 132.6e8]
    assert out["yoy_pct"] == 31.4 and out["period"] == {"year": 2021, "start_month": 1, "end_month": 3}


def test_an_area_in_hectares_is_a_land_area_as_written(nlp):
    ms = metrics(nlp, "广德经济开发区东区面积633.53公顷，西区面积约1200公顷。")
    got = {(m["indicator"], m["value"]["value"], m["value"]["unit"]) for m in ms}
    assert ("land_area", 633.53, "other:公顷") in got
    assert ("land_area", 1200.0, "other:公顷") in got


@pytest.mark.parametrize("text", [
    "广德经济开发区工业产值120亿元，同比增长25%—30%。",
    "广德经济开发区工业产值120亿元，同比增长25%至30%，好于预期。",
])
def test_a_range_of_growth_is_left_out_not_a_crash(nlp, text):
    """``同比增长25%—30%``: a growth given as a range has no field of its own (yoy_pct is one
    number); the figure keeps its value and the range is left out."""
    ms = metrics(nlp, text)
    got = [(m["indicator"], m["value"]["value"], m["yoy_pct"]) for m in ms]
    assert ("industrial_output", 1.2e10, None) in got


def test_bi_zeng_and_bi_jiang_are_changes_on_the_year_before(nlp):
    """``比增19.2%`` / ``比降3.5%`` (比上年增长 / 下降, as Fujian papers write it) are the
    figure's change; ``规上产值`` is the output of the firms above the scale."""
    ms = metrics(nlp, "2022年，广德经济开发区规上产值654.8亿元,比增19.2%;进出口总额12亿元，比降3.5%。")
    got = {(m["indicator"], m["value"]["value"], m["yoy_pct"]) for m in ms}
    assert ("industrial_output_above_scale", 6.548e10, 19.2) in got
    assert ("foreign_trade", 1.2e9, -3.5) in got


INTERVIEW = (
    "“把每一分钱都押在材料创新上”\n——访广德华锂新材料科技股份有限公司董事长孙立鹏\n\n"
    "编者按：走进广德经济开发区，一条条生产线昼夜运转。广德华锂新材料科技股份有限公司是扎根广德经济开发区的"
    "一家正极材料企业。日前，记者专访了公司董事长孙立鹏。\n\n"
    "记者：先请您介绍一下公司这几年的发展情况。\n\n"
    "孙立鹏：我们公司2016年在广德经济开发区注册成立。2023年，我们公司实现营业收入18.6亿元，同比增长23.5%；"
    "今年1—10月营业收入16.9亿元，增长11.2%。\n"
)


def test_the_interviewees_answer_speaks_for_the_firm_not_the_park_it_names(nlp):
    """``孙立鹏：我们公司…在X开发区注册成立。2023年，我们公司实现营业收入…``: in the answer of
    the firm's officer a park named as where the firm is does not carry to the figures after
    it; ``我们公司`` is the interviewee's firm."""
    ms = {m["value"]["value"]: m for m in metrics(nlp, INTERVIEW, date="2024-11-20")}
    assert ms[1.86e9]["subject"] == "广德华锂新材料科技股份有限公司"
    assert ms[1.69e9]["subject"] == "广德华锂新材料科技股份有限公司"


def test_ben_gongsi_in_a_firms_own_report_is_the_firm_not_its_park(nlp):
    """``本公司在职员工2,146人`` in a firm's own report that names its park earlier: 本公司 is
    the firm the text is about, and no part of the figure's scope."""
    text = ("黄山新曜电子材料股份有限公司（以下简称“新曜电子”“公司”或“本公司”）成立于2009年，"
            "总部位于安徽黄山高新技术产业开发区（以下简称“黄山高新区”）。黄山高新区重点发展电子信息产业。\n\n"
            "四、员工与社会\n\n截至报告期末，本公司在职员工2,146人。")
    m = next(m for m in metrics(nlp, text, date="2024-04-20") if m["value"]["value"] == 2146.0)
    assert m["subject"] == "黄山新曜电子材料股份有限公司"
    assert "本公司" not in (m["scope"] or "")


def test_a_count_of_indicators_is_no_figure_but_the_total_they_are_drawn_from_is(rules_nlp):
    """``三项指标均居全市首位``: how many of the indicators rank first is no statistic of the
    park; ``15项主要经济指标中…`` (the whole the others are counted among) stays."""
    ms = metrics(rules_nlp, "2025年一季度，广德经济开发区规上工业增加值增长12%，固定资产投资增长9%，三项指标均居全市首位。")
    assert not [m for m in ms if (m["value"] or {}).get("unit") == "count"]
    ms = metrics(rules_nlp, "2025年一季度，广德经济开发区15项主要经济指标中有9项增速高于全市平均水平。")
    assert 15.0 in {(m["value"] or {}).get("value") for m in ms}


@pytest.mark.parametrize("text,want", [
    ("一季度，广德经济开发区规上工业增加值、固定资产投资和进出口总额分别增长12%、9%和15%。",
     {("industrial_value_added_above_scale", None, 12.0), ("fixed_asset_investment", None, 9.0),
      ("foreign_trade", None, 15.0)}),
    ("一季度，广德经济开发区规上工业增加值和固定资产投资同比分别增长12%和9%。",
     {("industrial_value_added_above_scale", None, 12.0), ("fixed_asset_investment", None, 9.0)}),
    ("2024年，广德经济开发区规上工业总产值和税收收入分别为120亿元和9亿元。",
     {("industrial_output_above_scale", 1.2e10, None), ("tax_revenue", 9e8, None)}),
])
def test_respective_pairs_each_indicator_of_a_list_with_its_figure(rules_nlp, text, want):
    """``A、B和C分别增长x、y和z``: 分别 pairs each indicator of the list before it with the
    figure in the same place after it."""
    got = {(m["indicator"], (m["value"] or {}).get("value"), m["yoy_pct"]) for m in metrics(rules_nlp, text)}
    assert want <= got


def test_respective_ranks_of_a_list_of_indicators_stay_other(rules_nlp):
    """``A、B、C增速分别排在…第9位、第7位和第4位``: a rank is ``other`` whatever it ranks."""
    text = "前三季度，长春新区地区生产总值、规上工业产值、固定资产投资增速分别排在19个国家级新区的第9位、第7位和第4位。"
    ranks = [m for m in metrics(rules_nlp, text) if (m["value"] or {}).get("unit") == "rank"]
    assert ranks and all(m["indicator"] == "other" for m in ranks)


def test_firms_a_park_signs_with_are_its_signed_projects_not_its_firms(rules_nlp):
    """``与12家企业集中签约`` counts signed projects; ``与30家企业开展对接`` counts no firm of
    the park's."""
    got = {(m["indicator"], m["value"]["value"]) for m in metrics(
        rules_nlp, "11月，广德经济开发区与12家企业集中签约，协议总投资86.4亿元。", date="2023-11-20")}
    assert ("signed_projects", 12.0) in got
    got = {(m["indicator"], m["value"]["value"]) for m in metrics(
        rules_nlp, "广德经济开发区与30家企业开展对接。", date="2023-11-20")}
    assert ("enterprise_count", 30.0) not in got


@pytest.mark.parametrize("text,people", [
    ("2025年，广德经济开发区新引进各类人才2100余人，其中博士42人。", {"各类人才", "博士"}),
    ("广德晶旭新能源科技有限公司一次性招聘技能工人260名。", {"一次性招聘技能工人"}),
])
def test_a_count_of_people_the_subject_employs_is_employees(rules_nlp, text, people):
    """``引进各类人才2000人`` / ``其中博士42人`` / ``招聘技能工人260名``: a count of persons whose
    words end in a people noun is employees (not a count of firms or ``other``)."""
    got = {m["indicator_text"] for m in metrics(rules_nlp, text, date="2025-04-20") if m["indicator"] == "employees"}
    assert people <= got


def test_a_scene_of_workers_is_no_count_of_employees(rules_nlp):
    text = "广德经济开发区的项目工地上，30多名工人正在焊接钢梁。"
    assert not [m for m in metrics(rules_nlp, text, date="2025-04-20") if m["indicator"] == "employees"]


def test_mei_yi_is_a_word_not_a_figure(rules_nlp):
    """``让每一亩地都产出效益``: 每一 before a unit is a word, not a figure of one 亩."""
    text = "广德经济开发区党工委书记说：“我们的任务是让每一亩地都产出效益，每一家企业都满意。”"
    assert metrics(rules_nlp, text, date="2024-11-20") == []


def test_a_distance_to_somewhere_is_no_figure(rules_nlp):
    """``送往两公里外的陶瓷企业``: how far away something is, not a figure of the park."""
    text = "2023年，广德经济开发区的余热通过管道送往两公里外的陶瓷企业。"
    assert not [m for m in metrics(rules_nlp, text, date="2024-03-20") if (m["value"] or {}).get("unit") == "m"]


def test_the_next_item_of_a_list_of_rank_moves_is_a_rank_move(rules_nlp):
    """``分别前移8位和5位``: 5位 after 和 is a rank move as 8位 is, not a count of 5."""
    text = "漳州招商局经济技术开发区、泉州经济技术开发区分列第131位和第117位，分别前移8位和5位。"
    got = {(m["subject"], m["value"]["value"], m["value"]["unit"]) for m in metrics(rules_nlp, text, date="2023-01-20")}
    assert ("泉州经济技术开发区", 5.0, "rank") in got
    assert ("泉州经济技术开发区", 5.0, "count") not in got


def test_a_period_part_of_a_figure_keeps_its_indicator(rules_nlp):
    """``…；其中三季度单季完成33.9亿元`` / ``全年突破140亿元``: a figure with only a period and a
    verb before it is the figure before's indicator for that period."""
    text = ("今年1—9月，青禾综保区实现进出口总额86.4亿元，同比增长42.7%；其中三季度单季完成33.9亿元，同比增长51.3%。"
            "1—6月，远帆高新区完成规上工业总产值186.3亿元，增长9.2%，6月份当月完成35.1亿元。")
    ms = {m["value"]["value"]: m for m in metrics(rules_nlp, text, "2024-10-23") if m["value"]}
    part = ms[3390000000.0]
    assert part["indicator"] == "foreign_trade" and part["yoy_pct"] == 51.3
    assert (part["period"]["start_month"], part["period"]["end_month"]) == (7, 9)
    month = ms[3510000000.0]
    assert month["indicator"] == "industrial_output_above_scale"
    assert (month["period"]["start_month"], month["period"]["end_month"]) == (6, 6)
    text = "1—9月，青禾综保区实现进出口110.2亿元，同比增长15%，全年突破140亿元。"
    (target,) = [m for m in metrics(rules_nlp, text, "2024-10-23") if m["value"]["value"] == 14000000000.0]
    assert target["indicator"] == "foreign_trade" and target["value"]["qualifier"] == "over"


def test_a_period_part_does_not_take_a_figure_named_after_it_or_progress_on_a_total(rules_nlp):
    """``全年有38个创业团队入孵`` names its own count after the figure; ``总投资20亿元，1—9月已完成
    11.2亿元`` is progress on a total, not a second total."""
    text = "青禾科技园全年引进企业52家，全年有38个创业团队进入众创空间孵化。"
    got = {m["value"]["value"]: m["indicator"] for m in metrics(rules_nlp, text, "2024-12-20") if m["value"]}
    assert got.get(38.0) != "enterprise_count"
    text = "远帆高新区在建项目12个，总投资20亿元，1—9月已完成11.2亿元。"
    got = [m for m in metrics(rules_nlp, text, "2024-10-20") if m["value"] and m["value"]["value"] == 1120000000.0]
    assert all(m["indicator"] != "project_investment" for m in got)


def test_a_year_on_year_change_after_a_sequential_change_is_the_figure_s(rules_nlp):
    """``完成12亿元，环比下降3.1%，同比增长8%``: the 同比 change belongs to the 12亿元, the 环比
    change is a figure of its own."""
    text = "6月份单月，青禾高新区实现进出口12亿元，环比下降3.1%，同比增长8%。"
    ms = metrics(rules_nlp, text, "2024-07-15")
    (trade,) = [m for m in ms if m["indicator"] == "foreign_trade"]
    assert trade["yoy_pct"] == 8.0
    (seq,) = [m for m in ms if m["value"] and m["value"]["unit"] == "%"]
    assert seq["value"]["value"] == -3.1 and seq["yoy_pct"] is None


def test_a_listed_firm_named_on_its_report_s_title_line_is_what_gong_si_means(rules_nlp):
    """``X股份有限公司 2023 年年度报告`` on one line (a PDF running head), then section
    headings: ``公司…实现营业收入`` in the body is the issuer's."""
    text = ("青禾新能源科技股份有限公司 2023 年年度报告\n\n第三节 管理层讨论与分析\n\n一、经营情况讨论与分析\n\n"
            "2023 年，行业整体呈现“量增价减”的态势。报告期内，公司持续优化产品结构，"
            "实现营业收入 138.62 亿元，较上年同期增长 23.25%。")
    (m,) = [m for m in metrics(rules_nlp, text, "2024-04-26") if m["indicator"] == "operating_revenue"]
    assert m["subject"] == "青禾新能源科技股份有限公司" and m["yoy_pct"] == 23.25


def test_ju_zhi_shou_is_rank_one_only_after_a_rank_verb(rules_nlp):
    """``增速居全省综保区之首`` / ``位居粤北地区之首``: first place; ``立市之首`` without a rank verb
    is a phrase, no rank."""
    text = "1—6月，青禾综保区进出口增长28%，增速居全省综保区之首。远帆高新区研发投入强度位居全市各园区之首。"
    ranks = {m["subject"]: m["value"]["value"] for m in metrics(rules_nlp, text, "2024-07-20")
             if m["value"] and m["value"]["unit"] == "rank"}
    assert ranks == {"青禾综保区": 1.0, "远帆高新区": 1.0}
    assert not [m for m in metrics(rules_nlp, "青禾高新区始终把工业作为立区之首，引进项目12个。", "2024-07-20")
                if m["value"] and m["value"]["unit"] == "rank"]


def test_a_difference_from_last_year_end_is_a_difference(rules_nlp):
    """``比上年末净增179家`` / ``比去年底增加5家``: a difference from the end of last year, an
    ``other`` figure scoped by what the count before it counts, as ``比上年增加`` is."""
    text = ("截至2023年末，青禾高新区有效国家高新技术企业达到1260家，比上年末净增179家。"
            "远帆工业园区现有规上工业企业36家，比去年底增加5家。"
            "翠峰文创产业园从业人员达6.2万人，较2020年末增加1.4万人。")
    got = {m["value"]["value"]: (m["indicator"], m["scope"]) for m in metrics(rules_nlp, text, "2024-02-01") if m["value"]}
    assert got[179.0] == ("other", "有效国家高新技术企业")
    assert got[5.0][0] == "other" and "规上工业企业" in got[5.0][1]
    assert got[14000.0] == ("other", "从业人员")


def test_a_park_named_as_a_share_s_base_is_not_the_figure_s_subject(rules_nlp):
    """``…营业收入148.9亿元，增长9.4%，占渑池集聚区的56.5%``: the park after 占 is the base of
    the share (its short name), not a new subject; the share and the next change stay with
    the sentence's figure."""
    text = ("2020年，灵宝市产业集聚区实现营业收入263.5亿元，增长7.2%。其中，铝精深加工产业营业收入148.9亿元，"
            "增长9.4%，占灵宝集聚区的56.5%，比上年提高2.1个百分点。")
    ms = metrics(rules_nlp, text, "2021-03-20")
    (sector,) = [m for m in ms if m["value"] and m["value"]["value"] == 14890000000.0]
    assert sector["share_pct"] == 56.5 and sector["subject"] == "灵宝市产业集聚区"
    assert all(m["subject"] == "灵宝市产业集聚区" for m in ms)


def test_a_respective_list_with_its_own_indicator_makes_its_own_figures(rules_nlp):
    """``…营业收入46.7亿元；新增规上工业企业5户，陶瓷、绿色食品两大主导产业产值分别增长31.2%和
    19.5%``: the changes are the two industries' output, not the changes of the two figures
    before them."""
    text = ("一季度，青禾产业园区实现营业收入46.7亿元；新增规模以上工业企业5户，"
            "陶瓷、绿色食品两大主导产业产值分别增长31.2%和19.5%。")
    ms = metrics(rules_nlp, text, "2024-04-20")
    assert all(m["yoy_pct"] is None for m in ms if m["value"])
    got = {(m["scope"] or "")[:4]: m["yoy_pct"] for m in ms if m["indicator"] == "output_value"}
    assert got == {"陶瓷": 31.2, "绿色食品": 19.5}


def test_fixed_asset_investment_named_in_full_after_a_project_count_is_the_area_s(rules_nlp):
    """``新开工亿元以上项目11个，完成固定资产投资36.8亿元``: the park's fixed-asset investment,
    not the counted projects' total (``实施重点项目36个，总投资98.8亿元`` still is theirs)."""
    text = "今年一季度，青禾经开区又新开工亿元以上项目11个，完成固定资产投资36.8亿元、增长21.4%。"
    (fai,) = [m for m in metrics(rules_nlp, text, "2024-04-20") if m["value"] and m["value"]["unit"] == "CNY"]
    assert fai["indicator"] == "fixed_asset_investment" and fai["yoy_pct"] == 21.4
    text = "青禾高新区实施重点项目36个，总投资98.8亿元。"
    (total,) = [m for m in metrics(rules_nlp, text, "2024-04-20") if m["value"] and m["value"]["unit"] == "CNY"]
    assert total["indicator"] == "project_investment"


@pytest.mark.parametrize("phrase", ["软件和信息技术服务业收入", "新能源产品收入", "制造业收入"])
def test_a_trade_s_or_a_product_s_income_is_operating_revenue_scoped_by_it(rules_nlp, phrase):
    """``其中软件和信息技术服务业收入196亿元``: 业收入 / 产品收入 are revenue of the trade or
    product named before, as 业务收入 is."""
    text = f"2023年，青禾软件园核心产业营收286.5亿元，其中{phrase}196亿元。"
    ms = {m["value"]["value"]: m for m in metrics(rules_nlp, text, "2024-03-27") if m["value"]}
    assert ms[19600000000.0]["indicator"] == "operating_revenue"


def test_an_ordinal_without_a_copula_is_no_count(rules_nlp):
    """``第3个项目开工``: 3 orders the project, it counts nothing."""
    assert not [m for m in metrics(rules_nlp, "青禾高新区今年第3个项目开工，总投资5亿元。", "2024-05-01")
                if m["value"] and m["value"]["value"] == 3.0]


def test_the_next_list_item_is_no_figure_s_words(rules_nlp):
    """``其中A 9个、B 7个``: what follows 、 after a figure is the next item, never the first
    figure's indicator words or scope."""
    text = "一季度青禾市新签约项目16个，其中远帆经开区9个、翠峰高新区7个。"
    for m in metrics(rules_nlp, text, "2024-04-10"):
        assert not (m["indicator_text"] or "").startswith("、") and not (m["scope"] or "").startswith("、")


def test_a_web_page_title_under_a_menu_line_frames_the_bulletin(rules_nlp):
    """``首页 > 政务公开 > 通知公告`` / ``关于2025年一季度全市产业园区综合考评情况的通报`` / date
    line, joined by repair to the lead: the title's period frames the parks' undated figures."""
    text = ("首页 > 政务公开 > 通知公告\n\n青禾市工业和信息化局关于2025年一季度全市产业园区综合考评情况的通报\n\n"
            "发布时间：2025-04-28 16:02　来源：市工业和信息化局\n\n"
            "各产业园区管委会：\n\n现将有关情况通报如下。\n\n"
            "远帆高新区规上工业总产值39.2亿元，增长10.6%；新认定高新技术企业6家。\n")
    ms = [m for m in metrics(rules_nlp, text, "2025-04-28") if m["subject"] == "远帆高新区"]
    assert ms and all(m["period"] == {"year": 2025, "start_month": 1, "end_month": 3} for m in ms)
