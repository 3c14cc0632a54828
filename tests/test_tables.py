"""Statistics tables (relations/tables.py): rows under a header line are figures of the
park the title names, dated by the header's period; the prose under the table restates
some rows and takes their missing numbers instead of repeating them."""
from __future__ import annotations

from factkit import metrics
from zone_ie.repair import repair, table_rows

TABLE = (
    "青禾经开区1—10月主要经济指标\n"
    "指　　标　　　　　　单位　　　1—10月　　同比±%　　全市同比±%\n"
    "规模以上工业总产值　　亿元　　　612.47　　　13.8　　　　11.4\n"
    "固定资产投资　　　　—　　　　　—　　　　10.3　　　　 8.6\n"
    "　其中：工业投资　　—　　　　　—　　　　18.9　　　　 —\n"
    "一般公共预算收入　　亿元　　　 19.76　　　 9.1　　　　 —\n"
    "实际使用外资　　　　万美元　　10850　　　 23.6　　　　 —\n"
)
PROSE = "\n今年以来，青禾经开区工业生产保持较快增长。1—10月，全区规模以上工业总产值612.47亿元，同比增长13.8%，占全市的13.2%。\n"


def test_repair_keeps_a_tables_rows_and_column_gaps() -> None:
    rep = repair(TABLE + PROSE)
    assert "规模以上工业总产值　　亿元　　　612.47　　　13.8　　　　11.4\n固定资产投资" in rep.text
    rows = table_rows(TABLE + PROSE)
    assert len(rows) == 6  # the header and five rows; the prose is no table
    for s, e in rows:
        assert "\n" not in (TABLE + PROSE)[s:e]



def test_table_rows_give_metrics(nlp) -> None:
    got = {m["indicator_text"]: m for m in metrics(nlp, TABLE + PROSE, "2023-11-29")}
    assert got["一般公共预算收入"]["value"]["value"] == 1976000000.0
    assert got["一般公共预算收入"]["yoy_pct"] == 9.1
    assert got["一般公共预算收入"]["period"] == {"year": 2023, "start_month": 1, "end_month": 10}
    assert got["实际使用外资"]["value"] == {"value": 108500000.0, "low": None, "high": None, "unit": "USD",
                                       "qualifier": None, "classifier": None}
    assert got["工业投资"]["yoy_pct"] == 18.9 and got["工业投资"]["value"] is None
    # the comparison column of the city (全市同比) is no figure of the park
    assert not any(m["yoy_pct"] in (11.4, 8.6) for m in got.values())
    assert {m["subject"] for m in got.values()} == {"青禾经开区"}


def test_prose_restating_a_row_is_one_fact(nlp) -> None:
    got = [m for m in metrics(nlp, TABLE + PROSE, "2023-11-29") if m["indicator"] == "industrial_output_above_scale"]
    assert len(got) == 1
    assert (got[0]["value"]["value"], got[0]["yoy_pct"], got[0]["share_pct"]) == (61247000000.0, 13.8, 13.2)


RANKING = (
    "全省开发区综合考评结果出炉\n\n"
    "记者日前获悉，《关于2022年度全省开发区综合考评结果的通报》印发，青禾经济开发区以92.8分位列全省第2位。\n\n"
    "现将综合排名前4位的开发区名单摘录如下：\n\n"
    "排名 | 开发区 | 得分 | 较上年位次变化\n"
    "1 | 澄江经济开发区 | 93.6 | 上升2位\n"
    "2 | 青禾经济开发区 | 92.8 | 上升3位\n"
    "3 | 蓝田高新技术产业开发区 | 90.4 | 持平\n"
    "4 | 云岭经济开发区 | 89.7 | 下降2位\n\n"
    "从通报看，全省开发区主要指标好于预期。\n"
)


def test_a_ranking_table_gives_each_row_its_park_rank_score_and_change(rules_nlp) -> None:
    ms = metrics(rules_nlp, RANKING, "2023-09-15")
    by = {(m["subject"], m["indicator_text"]): m for m in ms}
    assert by[("澄江经济开发区", "排名")]["value"] == {**by[("澄江经济开发区", "排名")]["value"], "value": 1.0, "unit": "rank"}
    assert by[("蓝田高新技术产业开发区", "得分")]["value"]["value"] == 90.4
    assert by[("蓝田高新技术产业开发区", "得分")]["value"]["unit"] == "other:分"
    assert by[("云岭经济开发区", "较上年位次变化下降")]["value"]["value"] == 2.0
    assert not any(s == "蓝田高新技术产业开发区" and t.startswith("较上年") for s, t in by)  # 持平: no change
    assert by[("云岭经济开发区", "排名")]["period"]["year"] == 2022  # the evaluation's year


SPACED_RANKING = (
    "2023年度全省产业园考核结果公布\n\n"
    "本报讯 省工信厅日前公布2023年度产业园考核结果，前四位如下：\n\n"
    "排名  园区名称                    所在地市  综合得分\n"
    "1     青禾（澄江）产业转移工业园  澄江      95.31\n"
    "2     蓝田产业转移工业园          蓝田      93.08\n"
    "3     云岭（青禾）产业转移工业园  青禾      91.77\n"
    "4     澄江（蓝田）产业转移工业园  蓝田      90.02\n\n"
    "从全省看，参评园区主要指标稳中有进。\n"
)


def test_a_space_aligned_ranking_table_keeps_every_score_with_the_shipped_filter(nlp) -> None:
    """A table row's figures are named by the table's header, not by prose cues: the
    confidence filter, which reads prose cues, does not judge them."""
    ms = metrics(nlp, SPACED_RANKING, "2024-07-12")
    scores = {m["subject"]: m["value"]["value"] for m in ms if m["indicator_text"] == "综合得分"}
    assert scores == {"青禾（澄江）产业转移工业园": 95.31, "蓝田产业转移工业园": 93.08,
                      "云岭（青禾）产业转移工业园": 91.77, "澄江（蓝田）产业转移工业园": 90.02}
    ranks = {m["subject"]: m["value"]["value"] for m in ms if m["indicator_text"] == "排名"}
    assert ranks["云岭（青禾）产业转移工业园"] == 3.0


QUARTER_RANKING = (
    "澄江市工信局关于2024年三季度全市产业园区综合考评情况的通报\n\n"
    "按照考评办法，市园区办对全市4个产业园区三季度发展情况进行了综合考评，结果如下：\n\n"
    "排名　园区　综合得分\n"
    "1　青禾经济开发区　91.3\n"
    "2　蓝田高新区　88.6\n"
    "3　云岭产业园区　84.2\n"
    "4　澄江工业园区　79.5\n\n"
    "青禾经济开发区连续三个季度位居第一。\n"
)


def test_a_table_set_apart_by_single_spaces_gives_each_row_its_rank_and_score(rules_nlp) -> None:
    # a web page's table copied as text: one ideographic space between cells; the
    # ranks are of the evaluation the title announces, a quarter of 2024
    ms = metrics(rules_nlp, QUARTER_RANKING, "2024-10-28")
    by = {(m["subject"], m["indicator_text"]): m for m in ms}
    assert by[("蓝田高新区", "综合得分")]["value"]["value"] == 88.6
    assert by[("云岭产业园区", "排名")]["value"]["value"] == 3.0
    assert by[("云岭产业园区", "排名")]["period"] == {"year": 2024, "start_month": 7, "end_month": 9}


DATED_RANK_COLUMNS = (
    "我省国家级经开区考核结果公布\n\n"
    "本报讯 商务部近日公布2023年国家级经济技术开发区综合发展水平考核评价结果。\n\n"
    "表 我省国家级经开区2023年综合排名情况\n"
    "经开区 2023年排名 上年排名 位次变化\n"
    "广德经开区 35 41 +6\n"
    "宁国经开区 88 80 -8\n"
    "(注:排名来源于商务部公布结果)\n"
)


def test_a_rank_column_headed_by_a_year_or_the_year_before_dates_its_ranks(rules_nlp) -> None:
    # a table whose cells single ASCII spaces set apart; ``2023年排名`` is 2023's rank,
    # ``上年排名`` the rank of the year before the table's
    ms = metrics(rules_nlp, DATED_RANK_COLUMNS, "2024-01-18")
    got = {(m["subject"], m["value"]["value"], (m["period"] or {}).get("year")) for m in ms
           if m["value"] and m["value"]["unit"] == "rank"}
    assert ("广德经开区", 35.0, 2023) in got
    assert ("广德经开区", 41.0, 2022) in got
    assert ("宁国经开区", 80.0, 2022) in got


def test_a_letter_spaced_headline_is_no_table() -> None:
    raw = "青 禾 经 开 区 前 11 月\n规 上 工 业 总 产 值 增 长 14.2%\n\n本报讯 青禾经开区前11月规上工业总产值增长14.2%。\n"
    assert table_rows(raw) == ()


PIPED_INDICATORS = (
    "青禾高新区2021年1—7月主要经济指标完成情况\n\n"
    "指标名称 | 单位 | 1—7月 | 同比增长%\n"
    "一、公共财政总收入 | 万元 | 40950 | 2.1\n"
    "  其中:税收收入 | 万元 | 35586 | 3.6\n"
    "二、固定资产投资 | 亿元 | 21.1 | 4.9\n"
    "  其中:工业投资 | 亿元 | 6.8 | 100.1\n"
    "三、进出口总额 | 万美元 | 2864 | 27.5\n\n"
    "简要说明：1—7月，我区主要经济指标总体保持稳定增长。\n"
)


def test_a_piped_indicator_table_gives_one_metric_per_row(rules_nlp) -> None:
    # a web page's table of main indicators with bars: the outline number (一、) and 其中
    # are no part of a row's name; a form naming its sector carries it as scope, as in prose
    ms = metrics(rules_nlp, PIPED_INDICATORS, "2021-08-16")
    by = {m["indicator_text"]: m for m in ms}
    assert by["固定资产投资"]["value"]["value"] == 21.1e8
    assert by["固定资产投资"]["period"] == {"year": 2021, "start_month": 1, "end_month": 7}
    assert by["工业投资"]["scope"] == "工业" and by["工业投资"]["yoy_pct"] == 100.1
    assert by["进出口总额"]["value"] == {**by["进出口总额"]["value"], "value": 28.64e6, "unit": "USD"}
    assert all(m["subject"] == "青禾高新区" for m in ms)


def test_a_table_comparing_years_is_no_indicator_table(rules_nlp) -> None:
    # a listed firm's key figures by year (项目｜2023年｜2022年｜增减) are not the park's
    text = ("青禾科技股份有限公司位于青禾经济开发区。\n\n一、主要会计数据和财务指标\n单位：万元\n\n"
            "项目｜2023年｜2022年｜本年比上年增减（%）\n营业收入｜486,215.37｜613,548.92｜-20.75\n"
            "研发投入合计｜24,108.55｜23,561.19｜2.32\n")
    ms = metrics(rules_nlp, text, "2024-04-20")
    assert not any(m["subject"] == "青禾经济开发区" for m in ms)


def test_repair_keeps_the_rows_of_a_piped_table() -> None:
    text = repair(RANKING).text
    assert "\n2 | 青禾经济开发区 | 92.8 | 上升3位\n3 | " in text
    assert "如下：\n\n排名 | 开发区" in text


def test_a_navigation_bar_is_no_table() -> None:
    raw = "首页 | 园区概况 | 新闻中心 | 招商引资\n您当前的位置:首页 > 新闻中心\n\n青禾经开区召开会议。"
    assert table_rows(raw) == ()


PROJECTS = (
    "青禾经开区2024年8月份招商引资工作月报\n\n"
    "8月份，青禾经开区全月新签约项目3个，协议总投资18.7亿元。\n\n"
    "项目名称 | 投资方 | 总投资(亿元) | 进展\n"
    "年产10万吨高档润滑油项目 | 澄江润滑科技有限公司 | 6.5 | 签约\n"
    "原料药及制剂生产基地项目 | 蓝田制药有限公司 | 5.2 | 开工\n"
    "微型光纤放大器产业化基地项目 | 云岭光讯科技有限公司 | 8.0 | 在谈，协议起草中\n"
    "合计 | — | 19.7 | —\n\n"
    "青禾经开区投资促进局表示，9月份将继续跟进在谈项目。\n"
)


def test_a_project_table_gives_each_row_its_investor_investment_and_stage(rules_nlp) -> None:
    from factkit import facts

    got = {f["name"]: f for f in facts(rules_nlp, PROJECTS, "project", "2024-09-19")}
    row = got["年产10万吨高档润滑油项目"]
    assert row["company"] == "澄江润滑科技有限公司"
    assert row["investment"]["value"] == 6.5e8 and row["investment"]["unit"] == "CNY"
    assert row["status"] == "signed"
    assert row["capacity"][0]["value"] == 1e5
    assert got["原料药及制剂生产基地项目"]["status"] == "under_construction"
    assert got["微型光纤放大器产业化基地项目"]["status"] == "planned"
    assert all(f["park"] == "青禾经开区" for f in got.values())
    assert "合计" not in got  # a total row names no project


SERIES = (
    "青禾科技冲刺创业板\n\n"
    "6月16日，湖北青禾科技股份有限公司（以下简称“青禾科技”）首次公开发行股票的申请已获受理。"
    "招股说明书显示，青禾科技住所位于云岭高新区，前身为2009年设立的青禾金属材料有限公司，2020年整体变更为股份有限公司。\n\n"
    "截至招股说明书签署日，公司拥有1家控股子公司：武汉青禾新能源有限公司，公司持股70%，主要从事铜箔基材的研发和销售。\n\n"
    "报告期内，公司经营业绩保持较快增长：\n\n"
    "年度 | 营业收入（万元） | 归母净利润（万元）\n"
    "2021年 | 91,204.53 | 10,487.12\n"
    "2022年 | 114,692.08 | 13,825.39\n\n"
    "青禾科技表示，募集资金将用于扩产。\n"
)


def test_a_year_table_gives_the_introduced_firm_its_yearly_figures(rules_nlp) -> None:
    ms = metrics(rules_nlp, SERIES, "2023-06-20")
    rows = {(m["indicator"], m["period"]["year"]): m for m in ms if m["period"] and m["value"] and m["value"]["value"] > 1e7}
    assert rows[("operating_revenue", 2022)]["value"]["value"] == 1146920800.0
    assert rows[("net_profit", 2021)]["value"]["value"] == 104871200.0
    # 公司 opening its own paragraph is the article's firm, not the subsidiary named once before
    assert {m["subject"] for m in rows.values()} == {"青禾科技"}


PARK_COLUMNS = (
    "澄江市2023年国民经济和社会发展统计公报\n\n"
    "十三、开发区\n  全市三个开发区（青禾经济开发区、蓝田高新区、云岭综合保税区）主要经济指标见表13。\n\n"
    "表13  2023年开发区主要经济指标\n"
    "指标名称 青禾经济开发区 蓝田高新区 云岭综合保税区 合计 占全市比重\n"
    "一般公共预算收入（亿元） 60.5 52.3 28.6 141.4 65.9\n"
    "  比上年增长（%） 9.6 7.8 -3.2 6.7 —\n"
    "规上工业总产值（亿元） 1603.9 1186.4 1472.5 4262.8 82.6\n"
    "  其中：高新技术产业产值 742.6 628.3 351.7 1722.6 76.1\n"
    "规上工业企业（家） 437 352 118 907 67.4\n"
    "注：本表数据为快报数。\n"
)


def test_a_table_whose_columns_are_parks_gives_each_park_its_figures(rules_nlp) -> None:
    # a bulletin comparing its zones: one column per park (single spaces between cells); a
    # growth row adds each park's change to the row above, a 其中 row keeps its unit; the
    # total and the city-share columns are no park's
    ms = metrics(rules_nlp, PARK_COLUMNS, "2024-03-20")
    by = {(m["subject"], m["indicator"], m["scope"]): m for m in ms}
    rev = by[("蓝田高新区", "public_budget_revenue", None)]
    assert rev["value"]["value"] == 52.3e8 and rev["yoy_pct"] == 7.8
    assert rev["period"] == {"year": 2023, "start_month": None, "end_month": None}
    assert by[("云岭综合保税区", "public_budget_revenue", None)]["yoy_pct"] == -3.2
    assert by[("青禾经济开发区", "output_value", "高新技术产业")]["value"]["value"] == 742.6e8
    assert by[("蓝田高新区", "enterprise_count", "规上工业企业")]["value"]["value"] == 352
    assert not any(m["value"] and m["value"]["value"] in (141.4e8, 4262.8e8, 907) for m in ms)


CATEGORIES = (
    "青禾经济开发区2021年度工业企业“亩均效益”综合评价情况通报\n\n"
    "    一、总体情况\n"
    "    本次纳入评价的工业企业共410家，按综合得分评定A、B、C、D四类。\n\n"
    "    二、分类结果\n"
    "    类别    企业数（家）   占比      亩均税收（万元/亩）   亩均营收（万元/亩）\n"
    "    A类        41         10.0%          86.4                 1302\n"
    "    B类       180        43.9%          38.7                  655\n"
    "    合计      410         100%          30.8                  527\n"
    "    注：合计栏为全部参评企业平均值。\n"
)


def test_a_table_of_classes_gives_each_class_its_count_share_and_figures(rules_nlp) -> None:
    # rows are classes of the park's firms: a count column (with the share right after it)
    # gives each class an enterprise count; other columns are the class's figures; dated by
    # the evaluation the title announces (2021年度…评价)
    ms = metrics(rules_nlp, CATEGORIES, "2022-05-26")
    counts = {m["scope"]: m for m in ms if m["indicator"] == "enterprise_count"}
    assert counts["B类"]["value"]["value"] == 180 and counts["B类"]["share_pct"] == 43.9
    assert counts["B类"]["period"] == {"year": 2021, "start_month": None, "end_month": None}
    tax = {m["scope"]: m for m in ms if m["indicator_text"] == "亩均税收"}
    assert tax["A类"]["value"] == {**tax["A类"]["value"], "value": 86.4, "unit": "other:万元/亩"}
    assert tax["A类"]["indicator"] == "other" and tax["A类"]["subject"] == "青禾经济开发区"
    assert tax[None]["value"]["value"] == 30.8  # the total row: the park's own average


MONTH_GRID = (
    "广德经济开发区用电量稳步回升\n\n"
    "本报讯 2024年，广德经济开发区工业用电量保持增长，下半年增势明显。\n\n"
    "2024年广德经济开发区分月工业用电量（单位：亿千瓦时）\n"
    "1月 0.61　2月 0.43　3月 0.66\n"
    "4月 0.68　5月 0.70　6月 0.71\n\n"
    "从企业看，用电大户集中在装备制造行业。\n"
)

CITY_MONTH_GRID = (
    "广德市用电量稳步回升\n\n"
    "本报讯 2024年，全市工业用电量保持增长。\n\n"
    "2024年全市分月工业用电量（单位：亿千瓦时）\n"
    "1月 3.61　2月 2.43　3月 3.66\n"
)


def test_a_month_grid_gives_each_month_of_the_caption_year_its_figure(rules_nlp) -> None:
    # ``N月 figure`` cells under a caption naming the park, the year, the indicator and the unit
    ms = metrics(rules_nlp, MONTH_GRID, "2025-01-10")
    got = {((m["period"] or {}).get("start_month"), (m["period"] or {}).get("end_month"), m["value"]["value"])
           for m in ms if m["subject"] == "广德经济开发区" and m["indicator_text"] == "工业用电量"
           and (m["period"] or {}).get("year") == 2024}
    assert (2, 2, 0.43e11) in got
    assert (6, 6, 0.71e11) in got
    assert len(got) == 6


def test_a_month_grid_of_a_city_gives_no_park_figures(rules_nlp) -> None:
    ms = metrics(rules_nlp, CITY_MONTH_GRID, "2025-01-10")
    assert not [m for m in ms if (m["value"] or {}).get("value") in (3.61e11, 2.43e11, 3.66e11)]


SHARE_COLUMN = (
    "广德经济开发区前三季度经济运行稳中有进。\n\n"
    "附表：广德经济开发区2024年1—9月主要经济指标\n\n"
    "指标名称　　　　　　　　单位　　　1—9月　　同比增长(%)　占全市比重(%)\n"
    "规模以上工业总产值　　　亿元　　　846.3　　9.8　　　　　22.8\n"
    "主营业务收入　　　　　　亿元　　　812.8　　8.4　　　　　24.1\n"
    "利润总额　　　　　　　　亿元　　　72.3　　 10.4　　　　 35.2\n\n"
    "注：表中数据为快报数。\n"
)


def test_a_share_column_gives_each_row_its_share_of_the_whole(rules_nlp) -> None:
    # ``占全市比重(%)``, set apart from the change column by one ideographic space in the header
    ms = metrics(rules_nlp, SHARE_COLUMN, "2024-10-30")
    got = {(m["value"]["value"], m["yoy_pct"], m["share_pct"]) for m in ms if m["value"]}
    assert (8.128e10, 8.4, 24.1) in got
    assert (7.23e9, 10.4, 35.2) in got


UNITS_UNDER_HEADER = (
    "2021年度全省开发区综合发展水平评价结果\n\n"
    "序号  开发区名称              所在市    综合得分  营业收入\n"
    "                                                （亿元）\n"
    "1     青禾经济开发区          远帆市    91.62     1286.4\n"
    "2     翠峰经济开发区          远帆市    89.75     842.7\n"
)


def test_a_units_line_under_a_header_stays_in_the_table() -> None:
    """``营业收入`` over ``（亿元）``: the line of units belongs to the table, and so does the
    header line above it (layout repair keeps its column gaps)."""
    rows = table_rows(UNITS_UNDER_HEADER)
    header = UNITS_UNDER_HEADER.index("序号")
    assert any(a == header for a, _ in rows)
    assert "序号  开发区名称" in repair(UNITS_UNDER_HEADER).text


def test_a_ranking_table_s_level_column_is_read_in_the_unit_its_header_names(rules_nlp) -> None:
    """``营业收入（亿元）`` (the unit on the line under the header, or in the header cell): each
    row's revenue in 元, besides its score."""
    for text in (UNITS_UNDER_HEADER, UNITS_UNDER_HEADER.replace("营业收入\n", "营业收入（亿元）\n").replace(
            "                                                （亿元）\n", "")):
        got = {(m["subject"], m["indicator"]): m["value"]["value"] for m in metrics(rules_nlp, text, "2022-04-15")}
        assert got[("青禾经济开发区", "operating_revenue")] == 128640000000.0
        assert got[("翠峰经济开发区", "other")] == 89.75
