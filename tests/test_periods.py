"""Period normalizer (SPEC 6): parse_period and the find_periods scanner."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zone_ie.models import Period
from zone_ie.periods import PeriodMatch, find_periods, parse_period

ROOT = Path(__file__).resolve().parent.parent
Y = 2023


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    """These tests check the period rules; the confidence filter that may drop a figure
    afterwards is tested in test_confidence.py."""
    return rules_nlp


def p(year, start=None, end=None) -> tuple:
    return (year, start, end)


def as_tuple(period: Period | None) -> tuple | None:
    return None if period is None else (period.year, period.start_month, period.end_month)


CASES = [
    # years
    ("2022年", p(2022)),
    ("2022年度", p(2022)),
    ("２０２２年", p(2022)),
    ("二〇二二年", p(2022)),
    ("2023 年", p(2023)),
    # month ranges, any dash or 至
    ("2022年1-8月", p(2022, 1, 8)),
    ("2022年1—8月", p(2022, 1, 8)),
    ("2022年1–8月份", p(2022, 1, 8)),
    ("1—9月", p(Y, 1, 9)),
    ("1至9月", p(Y, 1, 9)),
    ("1～10月", p(Y, 1, 10)),
    ("1月至8月", p(Y, 1, 8)),
    ("１—８月", p(Y, 1, 8)),
    ("前5个月", p(Y, 1, 5)),
    ("前两个月", p(Y, 1, 2)),
    # quarters and halves
    ("今年第一季度", p(Y, 1, 3)),
    ("一季度", p(Y, 1, 3)),
    ("第一季度", p(Y, 1, 3)),
    ("二季度", p(Y, 4, 6)),
    ("第三季度", p(Y, 7, 9)),
    ("四季度", p(Y, 10, 12)),
    ("一至三季度", p(Y, 1, 9)),
    ("上半年", p(Y, 1, 6)),
    ("下半年", p(Y, 7, 12)),
    ("前三季度", p(Y, 1, 9)),
    ("全年", p(Y, 1, 12)),
    ("2022年全年", p(2022, 1, 12)),
    ("去年上半年", p(Y - 1, 1, 6)),
    # cumulative statistics
    ("截至10月底", p(Y, 1, 10)),
    ("截至2022年10月底", p(2022, 1, 10)),
    ("截至9月末", p(Y, 1, 9)),
    ("截至三季度末", p(Y, 1, 9)),
    # 到/至 opening a clause is a cut-off like 截至; inside a range it is not
    ("到2020年9月", p(2020, 1, 9)),
    ("到9月底", p(Y, 1, 9)),
    ("，至6月底", p(Y, 1, 6)),
    ("1到5月", p(Y, 1, 5)),
    ("从1月到5月", p(Y, 1, 5)),
    ("到2025年", p(2025)),
    # single month and day
    ("今年6月份", p(Y, 6, 6)),
    ("今年 6 月份", p(Y, 6, 6)),
    ("2000年8月", p(2000, 8, 8)),
    ("十月", p(Y, 10, 10)),
    ("2月3日", p(Y, 2, 2)),
    ("5月上旬", p(Y, 5, 5)),
    ("今年4月份以来", p(Y, 4, None)),
    # relative years
    ("今年", p(Y)),
    ("去年", p(Y - 1)),
    ("前年", p(Y - 2)),
    ("上年度", p(Y - 1)),
    ("去年四季度", p(Y - 1, 10, 12)),
    # no period
    ("截至目前", None),
    ("近年来", None),
    ("今年以来", None),
    ("去年同期", None),
    ("2022-2024年", None),
    ("", None),
    ("园区", None),
]


@pytest.mark.parametrize("text,want", CASES)
def test_parse_period(text: str, want: tuple | None) -> None:
    assert as_tuple(parse_period(text, ref_year=Y)) == want


@pytest.mark.parametrize("text,want", [
    ("今年第一季度", p(None, 1, 3)),
    ("1—8月", p(None, 1, 8)),
    ("截至10月底", p(None, 1, 10)),
    ("2022年", p(2022)),
    ("今年", None),
    ("去年", None),
])
def test_without_reference_year(text: str, want: tuple | None) -> None:
    assert as_tuple(parse_period(text)) == want


@given(st.text(), st.one_of(st.none(), st.integers(min_value=1900, max_value=2100)))
@settings(max_examples=300, deadline=None)
def test_never_raises(text: str, ref_year: int | None) -> None:
    result = parse_period(text, ref_year=ref_year)
    assert result is None or isinstance(result, Period)
    for m in find_periods(text, ref_year):
        assert text[m.start:m.end] == m.text


PERIODISH = "0123456789一二三四五六七八九十〇今去前年月日份度季上下半全截至底末以来-—～ 　"


@given(st.text(alphabet=PERIODISH, max_size=25))
@settings(max_examples=500, deadline=None)
def test_never_raises_on_period_soup(text: str) -> None:
    result = parse_period(text, ref_year=2023)
    if result is not None and result.start_month is not None:
        assert 1 <= result.start_month <= 12
        assert result.end_month is None or result.start_month <= result.end_month <= 12


TEXT = ("今年第一季度，园区投资增长16.4%；2022年1—8月，产值313.6亿元。截至目前已签约8家，"
        "5月19日集中开工，近年来持续增长，较去年同期提高，全年目标完成82%。")


def test_scanner() -> None:
    found = [(m.text, as_tuple(m.period)) for m in find_periods(TEXT, ref_year=Y)]
    assert found == [
        ("今年第一季度", p(Y, 1, 3)),
        ("2022年1—8月", p(2022, 1, 8)),
        ("截至目前", None),
        ("5月19日", p(Y, 5, 5)),
        ("近年来", None),
        ("去年同期", None),
        ("全年", p(Y, 1, 12)),
    ]


def test_scanner_offsets_and_order() -> None:
    docs = [x.read_text(encoding="utf-8") for x in sorted((ROOT / "seeds" / "docs").glob("*.txt"))]
    for text in [TEXT, *docs]:
        matches = find_periods(text, ref_year=Y)
        assert matches
        for m in matches:
            assert isinstance(m, PeriodMatch)
            assert text[m.start:m.end] == m.text
        for a, b in zip(matches, matches[1:]):
            assert a.end <= b.start


@pytest.mark.parametrize("text", ["9个月", "一个月内", "12个月", "每月", "年产12万吨", "2024新一代", "10年来"])
def test_scanner_skips_durations(text: str) -> None:
    assert find_periods(text, ref_year=Y) == []


def test_benchmark_accuracy() -> None:
    spec = importlib.util.spec_from_file_location("bench_quantities", ROOT / "benchmarks" / "quantities.py")
    bench = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(bench)
    rows = bench.load("periods.jsonl")
    assert len(rows) >= 60
    hits = sum(bench.period_equal(r["expected"], bench.zone_period(r)) for r in rows)
    assert hits / len(rows) >= 0.98


@pytest.mark.parametrize("text,want", [
    ("截至2021年末", p(2021, 1, 12)),      # a year-end figure covers the year (SPEC 6 v1.1)
    ("2022年底", p(2022, 1, 12)),
    ("截至去年底", p(Y - 1, 1, 12)),
    ("今年年底", p(Y, 1, 12)),
    ("去年年末", p(Y - 1, 1, 12)),
    ("2022上半年", p(2022, 1, 6)),         # a year glued to the half
    ("2024一季度", p(2024, 1, 3)),
    ("头5个月", p(Y, 1, 5)),
    ("首季", p(Y, 1, 3)),                  # the first quarter (``首季开门红``)
    ("三季度末", p(Y, 1, 9)),              # a quarter's end is cumulative, as 截至10月底 and 年末 are
    ("今年首季度", p(Y, 1, 3)),
    ("前两个月", p(Y, 1, 2)),
])
def test_real_text_periods(text: str, want: tuple | None) -> None:
    assert as_tuple(parse_period(text, ref_year=Y)) == want


@pytest.mark.parametrize("text", ["龙头企业", "2022100吨", "码头5个泊位", "首届展会", "首期工程"])
def test_not_periods(text: str) -> None:
    assert parse_period(text, ref_year=Y) is None


def test_since_an_earlier_year_is_a_span_not_that_year(nlp):
    from zone_ie import extract
    text = "2019年以来，青枫新区规上工业总产值年均增长8.7%。2024年以来，青枫新区新签约项目12个。"
    facts = [f.model_dump() for f in extract(text, doc_id="x", date="2024-06-01", nlp=nlp).facts if f.type == "metric"]
    by = {f["yoy_pct"] or f["value"]["value"]: f for f in facts}
    assert by[8.7]["period"] is None          # several years: no SPEC period
    assert by[12.0]["period"]["year"] == 2024  # the article's own year: this year so far


def test_yearless_period_takes_the_year_of_the_articles_lead(nlp):
    from zone_ie import extract
    text = ("记者日前从松岭经济技术开发区获悉，2023年，松岭经开区新签约亿元以上项目81个。\n\n"
            "项目建设同样提速。全年新开工亿元以上项目59个，完成投资180.5亿元。\n")
    facts = [f.model_dump() for f in extract(text, doc_id="x", date="2024-02-20", nlp=nlp).facts if f.type == "metric"]
    (m,) = [f for f in facts if f["value"] and f["value"]["value"] == 59]
    assert m["period"]["year"] == 2023  # the review's year, not the publication year


def test_lead_in_the_publication_year_leaves_history_years_alone(nlp):
    from zone_ie import extract
    text = ("今年1—9月，松岭综保区实现进出口总额623.8亿元。\n\n"
            "回望历史，2023年松岭综保区进出口额达到770.4亿元。\n\n"
            "前三季度，区内跨境电商进出口额46.2亿元。\n")
    facts = [f.model_dump() for f in extract(text, doc_id="x", date="2024-10-28", nlp=nlp).facts if f.type == "metric"]
    (m,) = [f for f in facts if f["value"] and f["value"]["value"] == 4.62e9]
    assert m["period"] == {"year": 2024, "start_month": 1, "end_month": 9}


def test_figures_of_the_reported_event_take_the_events_month(nlp):
    from zone_ie import extract
    text = ("3月13日，松岭经开区举行一季度重大项目集中开工活动。\n\n"
            "记者从活动现场获悉，本次集中开工项目共52个，总投资213.8亿元。"
            "此次综合排名全国第6位。项目全部达产后年产值可达400亿元。\n")
    facts = [f.model_dump() for f in extract(text, doc_id="x", date="2025-03-14", nlp=nlp).facts if f.type == "metric"]
    by = {(f["value"] or {}).get("value"): f for f in facts}
    assert by[52.0]["period"] == {"year": 2025, "start_month": 3, "end_month": 3}
    assert by[2.138e10]["period"] == {"year": 2025, "start_month": 3, "end_month": 3}
    assert by[4e10]["period"] is None  # once built: no reporting period
    assert by[6.0]["period"] != {"year": 2025, "start_month": 3, "end_month": 3}  # a ranking's year, not the event's


def test_a_target_year_does_not_date_a_reported_figure(nlp):
    from zone_ie import extract
    text = ("松岭综保区二期将于2026年整体建成。1—8月，已有23家企业完成入区注册。\n")
    facts = [f.model_dump() for f in extract(text, doc_id="x", date="2025-08-28", nlp=nlp).facts if f.type == "metric"]
    (m,) = [f for f in facts if f["value"] and f["value"]["value"] == 23]
    assert m["period"] == {"year": 2025, "start_month": 1, "end_month": 8}


# an unwrapped government report: each paragraph on one long line, section headings apart
REPORT = (
    "青禾高新区2023年工作总结和2024年工作规划\n\n"
    "一、2023年工作总结\n\n"
    "2023年，青禾高新区坚持产业立区、科创强区，统筹推进招商引资、项目建设和科技创新，主要经济指标好于预期，"
    "全年完成一般公共预算收入24.6亿元，同比增长8.7%，外贸进出口总额78.4亿元，增长5.2%。\n\n"
    "（一）创新动能加速集聚。净增高新技术企业62家，总数达到248家，占全市的26.3%；有效发明专利达到241件，增长19.3%，"
    "全区高新技术产业产值占规上工业产值的比重达到61.2%，高于全市4.5个百分点。\n\n"
    "二、2024年工作规划\n\n"
    "2024年，青禾高新区将对照市委提出的目标要求，在发展速度、发展质量和贡献份额上全面争先，提升在全省高新区中的位次。\n\n"
    "（一）主要预期目标。实际利用外资达到1亿美元；规模工业应税销售力争增长12%以上；有效发明专利总数达到280件，"
    "比上年增加39件，新增入选省级重点人才项目10个，全年新开工10亿元以上项目5个。\n"
)


def test_a_section_heading_year_dates_its_section(nlp):
    from factkit import metrics

    ms = metrics(nlp, REPORT, "2024-02-01")
    def per_of(value):
        m = next(m for m in ms if m["value"] and m["value"]["value"] == value)
        return (m["period"] or {}).get("year")
    assert per_of(24.6e8) == 2023
    assert per_of(241) == 2023
    assert per_of(1e8) == 2024      # below 二、2024年工作规划: the plan's year, not the lead's
    assert per_of(280) == 2024


def test_a_section_head_under_a_source_line_still_dates_its_section(nlp):
    # the title, a 来源 line and the first section head stand above the first long
    # paragraph; the head is a line of its own, so its year dates the section below it
    from factkit import metrics

    text = ("澄川经济开发区2022年工作总结和2023年工作思路\n\n来源：区管委会办公室　　发布时间：2023-01-12\n\n"
            "一、2022年工作总结\n\n"
            "过去一年，澄川经济开发区坚持项目为王，统筹推进招商引资和项目建设，主要经济指标保持平稳增长，"
            "园区综合实力在全省开发区考评中继续保持前列。\n\n"
            "（一）经济运行稳中有进。全年完成规上工业总产值316.2亿元，同比增长9.1%；完成固定资产投资58.4亿元，增长6.7%。\n")
    ms = metrics(nlp, text, "2023-01-12")
    per = {m["value"]["value"]: m["period"] for m in ms if m["value"]}
    assert per[316.2e8] == {"year": 2022, "start_month": 1, "end_month": 12}
    assert per[58.4e8] == {"year": 2022, "start_month": 1, "end_month": 12}


def test_a_strip_word_does_not_cut_a_noun_open(nlp):
    from factkit import metrics

    ms = metrics(nlp, REPORT, "2024-02-01")
    m = next(m for m in ms if m["value"] and m["value"]["value"] == 280)
    assert m["indicator"] == "patents" and (m["scope"] or "有效").startswith("有效")


def test_a_bare_year_in_the_title_dates_a_year_end_review(nlp):
    # published in February: 全年 is the year the title reviews, not the publication year
    from factkit import metrics

    text = ("2025，青禾新区交出这样一份成绩单\n\n"
            "青禾新区发布　2026-02-05 08:30\n\n"
            "01｜产业项目：大项目挑大梁\n\n"
            "一是项目数量多。全年青禾新区实施省市重点产业项目162个，完成投资286.5亿元，其中亿元以上项目118个，占全市亿元以上产业项目的41%。\n")
    ms = metrics(nlp, text, "2026-02-05")
    m = next(m for m in ms if m["value"] and m["value"]["value"] == 286.5e8)
    assert as_tuple_dict(m["period"]) == (2025, 1, 12)


def as_tuple_dict(period: dict | None) -> tuple | None:
    return None if period is None else (period["year"], period["start_month"], period["end_month"])


def test_a_rank_of_this_evaluation_takes_its_year(nlp):
    from factkit import metrics

    text = ("商务部日前公布2024年国家级经开区综合发展水平考核评价结果。\n"
            "青禾经开区在2020年度“国考”中由第73位跃升至第36位，此次排名第41位，位次略有回落。\n"
            "2022年首次挺进全国30强的澄江经开区，此次位列第24位，较上年前进5位。")
    ranks = {m["value"]["value"]: m for m in metrics(nlp, text, "2025-01-10") if m["value"] and m["value"]["unit"] == "rank"}
    assert ranks[41.0]["period"]["year"] == 2024
    assert ranks[24.0]["period"]["year"] == 2024


def test_a_year_right_before_a_figure_dates_it(nlp):
    from factkit import metrics

    text = "今年1—9月，青禾综保区进出口增长12%。全区外贸进出口额由2020年的不足200亿元跃升至2022年的713.3亿元。"
    by = {m["value"]["value"]: m for m in metrics(nlp, text, "2024-10-20") if m["value"]}
    assert by[200e8]["period"]["year"] == 2020 and by[200e8]["period"]["start_month"] is None
    assert by[713.3e8]["period"]["year"] == 2022


@pytest.mark.parametrize("text,year", [
    ("青禾高新区企业星海新能源有限公司发展迅速。2022年5月，星海新能源一期投产。当年公司就实现产值约90亿元。", 2022),
    ("2010年，青禾高新区地区生产总值达到328亿元，主要指标均比2005年增长3倍以上。当年，青禾高新区集聚企业227家。", 2010),
])
def test_that_year_is_the_whole_year_last_written_before_it(nlp, text, year):
    """当年 dates a figure by the year written last before it in its paragraph (not a
    comparison's base year), the whole year, not that date's month."""
    from factkit import metrics

    got = [m["period"] for m in metrics(nlp, text, "2024-01-08") if m["value"] and m["value"]["value"] in (9e9, 227.0)]
    assert got == [{"year": year, "start_month": None, "end_month": None}]


def test_a_count_of_projects_at_the_event_takes_the_events_month(nlp):
    """``9个…项目集中签约``: the event's verb after the count dates it by the event day,
    even when that day is the dateline's."""
    from factkit import metrics

    text = ("推介会现场签约79.5亿元\n青禾日报讯（全媒体记者 李晨）11月30日下午，青禾高新区生物医药产业推介会在青禾举行。"
            "会上，9个生物医药及大健康项目集中签约，协议总投资79.5亿元。")
    got = [m["period"] for m in metrics(nlp, text, "2023-12-02") if m["value"] and m["value"]["value"] == 9.0]
    assert got == [{"year": 2023, "start_month": 11, "end_month": 11}]


@pytest.mark.parametrize("text,want", [
    ("年末全区实有各类市场主体4.72万户", (2023, 1, 12)),   # a bare year-end opening a clause
    ("年底，园区规上企业达到316家", (2023, 1, 12)),
])
def test_a_bare_year_end_opening_a_clause_is_the_context_years_end(nlp, text: str, want: tuple) -> None:
    from factkit import metrics

    doc = "青禾高新区2023年统计公报\n\n2023年，青禾高新区经济运行平稳。\n\n" + text + "。\n"
    (m,) = metrics(nlp, doc, "2024-04-16")
    assert as_tuple_dict(m["period"]) == want


@pytest.mark.parametrize("text", ["力争年底前建成投产", "预计年底建成"])
def test_a_year_end_deadline_inside_a_clause_is_no_period(text: str) -> None:
    assert [m.text for m in find_periods(text, ref_year=Y) if "年" in m.text] == []


def test_the_whole_of_the_lead_year_carries_to_the_next_full_sentence(nlp):
    """``2023年，…。全年全区实现…。其中，第一产业…``: 全年 is the lead year's whole, so the
    sentences after it keep 1–12 (a period of another extent stays local to its sentence)."""
    from factkit import metrics

    text = ("2023年，青禾高新区经济运行总体平稳，新签约项目81个。\n\n"
            "初步核算，全年全区实现地区生产总值403.2亿元，增长6.6%。其中，第二产业增加值219.6亿元，增长8.2%。"
            "上半年，规上工业增加值增长9%。全区规上工业企业实现营业收入512亿元。\n")
    ms = metrics(nlp, text, "2024-04-16")
    by = {m["value"]["value"] if m["value"] else m["yoy_pct"]: as_tuple_dict(m["period"]) for m in ms}
    assert by[219.6e8] == (2023, 1, 12)
    assert by[9.0] == (2023, 1, 6)
    assert by[512e8] == (2023, None, None)  # the half-year is local to its sentence


@pytest.mark.parametrize("clause", ["园区聚集了1.5万家企业", "园区集聚规上工业企业312家", "目前，园区高新技术企业68家"])
def test_what_a_park_gathers_now_takes_no_carried_period(nlp, clause: str) -> None:
    from factkit import metrics

    text = "2023年，青禾高新区实现营业收入512亿元。" + clause + "。\n"
    ms = metrics(nlp, text, "2024-02-20")
    (m,) = [m for m in ms if m["value"] and m["value"]["unit"] == "count"]
    assert m["period"] is None


def test_a_stock_in_a_sentence_set_in_a_past_year_keeps_that_year(nlp):
    from factkit import metrics

    text = "2010年，青禾高新区实现工业增加值51亿元。当年，青禾高新区集聚企业227家，实现产值684.9亿元；装备产业集聚企业335家。\n"
    ms = metrics(nlp, text, "2024-02-20")
    counts = [m for m in ms if m["value"] and m["value"]["unit"] == "count"]
    assert counts and all(m["period"] == {"year": 2010, "start_month": None, "end_month": None} for m in counts)


@pytest.mark.parametrize("clause,dated", [
    ("园区总建筑面积约150万平方米", False),      # floor space is a standing fact
    ("年内新增标准厂房5万平方米", True),         # built within the year
])
def test_floor_space_takes_no_carried_period(nlp, clause: str, dated: bool) -> None:
    from factkit import metrics

    text = "2023年，青禾高新区实现营业收入512亿元。" + clause + "。\n"
    (m,) = [m for m in metrics(nlp, text, "2024-02-20") if m["value"] and m["value"]["unit"] == "m2"]
    assert (m["period"] is not None) == dated


@pytest.mark.parametrize("report, period", [
    ("2023年年度报告", (2023, None, None)),
    ("2024年半年度报告", (2024, 1, 6)),
    ("2024年第三季度报告", (2024, 1, 9)),
    ("2023年度环境、社会及治理（ESG）报告", (2023, None, None)),
    ("2023年社会责任报告", (2023, None, None)),
])
def test_the_report_period_is_the_period_of_the_report_the_article_reads(nlp, report, period):
    """``报告期内，公司实现营业收入…``: the period of the report named in the article."""
    from factkit import metrics

    text = f"星海化工股份有限公司日前披露{report}。报告期内，公司实现营业收入53.5亿元。"
    (m,) = metrics(nlp, text, "2024-10-28")
    p = m["period"]
    assert (p["year"], p["start_month"], p["end_month"]) == period


def test_the_report_periods_end_is_cumulative(nlp):
    from factkit import metrics

    text = "星海化工股份有限公司日前披露2023年年度报告。截至报告期末，公司拥有有效授权发明专利312项。"
    (m,) = metrics(nlp, text, "2024-04-23")
    assert m["period"] == {"year": 2023, "start_month": 1, "end_month": 12}


def test_projects_at_the_stage_of_the_articles_event_are_the_events(nlp):
    """An article leading with a single-day event (``2月24日…集中开工``): each park's
    ``开工项目N个，总投资M亿元`` is that event's figure, dated by its day (SPEC 10)."""
    from factkit import metrics

    text = ("2月24日上午，全市重大项目集中开工活动举行。\n"
            "从各园区看，青禾经济技术开发区开工项目11个，总投资103亿元，今年计划完成投资48.3亿元；"
            "蓝田高新技术产业开发区开工项目8个，总投资61.4亿元。")
    ms = {(m["subject"], (m["value"] or {}).get("value")): m["period"] for m in metrics(nlp, text, "2020-02-25")}
    day = {"year": 2020, "start_month": 2, "end_month": 2}
    assert ms[("青禾经济技术开发区", 11.0)] == day
    assert ms[("蓝田高新技术产业开发区", 8.0)] == day


def test_a_dated_paragraph_keeps_its_date_for_projects_at_the_events_stage(nlp):
    """``去年，…共签约项目52个；开工项目46个``: the sentence goes on with a dated subject."""
    from factkit import metrics

    text = ("3月8日，青禾经开区重大项目集中开工。\n"
            "去年，青禾经开区共签约项目52个，合同投资额357亿元；开工项目46个，建成投产43个。")
    ms = {(m["value"] or {}).get("value"): m["period"] for m in metrics(nlp, text, "2023-03-09")}
    assert ms[46.0] == {"year": 2022, "start_month": None, "end_month": None}


def test_a_dated_period_opening_the_paragraph_after_a_figureless_title_block_frames_the_article(rules_nlp):
    """A post's title block without a figure (``喜报！上半年成绩单来了``), then a paragraph
    opening with ``2024年上半年，…`` and no figure: that period dates the figures below it."""
    from factkit import metrics
    text = ("青禾经开区发布\n\n喜报！上半年成绩单来了\n\n"
            "2024年上半年，青禾经开区坚持项目为王，主要经济指标稳中有进。\n\n"
            "【工业经济】\n\n规上工业总产值完成186.4亿元，同比增长9.2%\n\n"
            "【项目建设】\n\n固定资产投资完成61.7亿元，同比增长14.8%\n")
    got = [(m["period"] or {}) for m in metrics(rules_nlp, text, "2024-08-12")]
    assert got and all((p.get("year"), p.get("start_month"), p.get("end_month")) == (2024, 1, 6) for p in got)


def test_a_target_years_period_does_not_date_the_figures_after_it(rules_nlp):
    """``占全年400亿元目标的73%；规模以上工业增加值同比增长8.6%``: 全年 names the target's year,
    not the period of the figures that follow in the sentence."""
    from factkit import metrics
    text = ("青禾高新区经济运行分析\n\n今年以来，青禾高新区稳中有进。1—9月，高新区实现工业总产值291.8亿元，同比增长11.2%，"
            "占全年400亿元目标的73%；规模以上工业增加值同比增长8.6%。")
    (m,) = [m for m in metrics(rules_nlp, text, "2025-10-28") if m["yoy_pct"] == 8.6]
    assert (m["period"]["year"], m["period"]["start_month"], m["period"]["end_month"]) == (2025, 1, 9)


OVERVIEW = (
    "青禾高新区2025年前三季度经济运行分析\n\n"
    "今年以来，青禾高新技术产业开发区（以下简称“高新区”）统筹推进装备园、轻纺园两个园区建设，经济总体稳中有进。\n\n"
    "一、总体运行情况\n\n"
    "1—9月，高新区实现营业收入396.4亿元，同比增长9.7%；规模以上工业增加值同比增长8.6%，比上半年回落1.3个百分点。\n\n"
    "同期，青禾全市规模以上工业增加值增长6.5%。高新区工业总产值约占全市规上工业总产值的6.2%，较上年同期提高0.4个百分点；"
    "高新技术企业达到112家，占全市的31.5%。\n\n"
    "二、分园区运行情况\n\n"
    "装备园是高新区工业的主引擎。前三季度，园区实现工业产值198.6亿元，同比增长13.4%；三季度单季完成产值71.2亿元，"
    "环比增长6.8%。园区内源盛光电、奇瑞汽车等骨干企业满负荷生产。园区完成固定资产投资41.3亿元，同比增长26.9%。\n"
)


def _periods_by_figure(rules_nlp) -> dict:
    from factkit import metrics
    return {m["share_pct"] or m["yoy_pct"] or (m["value"] or {}).get("value"):
            (m["period"] or {}).get("start_month", None) and (m["period"]["year"], m["period"]["start_month"], m["period"]["end_month"])
            for m in metrics(rules_nlp, OVERVIEW, "2025-10-28")}


def test_a_numbered_section_head_and_a_tongqi_paragraph_keep_the_period(rules_nlp):
    """``一、总体运行情况`` is a heading even above the first long paragraph (so ``1—9月，`` opens
    its clause), and a paragraph opening with ``同期，`` takes the period of the paragraph before."""
    got = _periods_by_figure(rules_nlp)
    for k in (8.6, 6.2, 31.5):  # (31.5: the share of the 112 高新技术企业)
        assert got[k] == (2025, 1, 9)


def test_a_narrower_period_after_a_semicolon_is_local_to_its_clause(rules_nlp):
    """``前三季度，园区实现…；三季度单季完成…。园区完成固定资产投资…``: the later sentence takes the
    full sentence's opening period, not the quarter fronted after its ；."""
    got = _periods_by_figure(rules_nlp)
    assert got[26.9] == (2025, 1, 9) and got[7120000000.0] == (2025, 7, 9)


@pytest.mark.parametrize("text, date, year", [
    # an event already past this year dates the yearless period after it to this year
    ("青禾果业有限公司去年投资2.8亿元建设的果汁生产线今年5月投产，1—9月加工等外果6.3万吨。", "2024-10-16", 2024),
    # an event ahead of the publication (订单排到了今年三季度) does not; 去年 stays the year
    ("青禾航空产业园去年营业收入增长21.7%。“去年我们的订单排到了今年三季度。”园区全年新签约项目9个。", "2024-01-16", 2023),
])
def test_an_event_date_this_year_dates_a_later_yearless_period(nlp, text: str, date: str, year: int) -> None:
    from factkit import metrics
    found = [m for m in metrics(nlp, text, date=date) if m["value"] and m["value"]["value"] in (63000.0, 9.0)]
    assert found and all(m["period"]["year"] == year for m in found)


@pytest.mark.parametrize("text, periods", [
    ("1月、2月青禾综保区进出口值分别为8.91亿元和10.53亿元。",
     [(2024, 1, 1), (2024, 2, 2)]),
    ("青禾高新区7月、8月和9月分别完成工业投资6.1亿元、6.9亿元和7.8亿元。",
     [(2024, 7, 7), (2024, 8, 8), (2024, 9, 9)]),
])
def test_a_list_of_months_dates_a_respective_list_of_values_in_order(nlp, text: str, periods: list) -> None:
    """``1月、2月X进出口值分别为a和b``: a list of months before 分别 dates the values in order,
    like a list of years."""
    from factkit import metrics
    found = [m for m in metrics(nlp, text, date="2024-10-19") if m["value"] and m["value"]["unit"] == "CNY"]
    assert [(m["period"]["year"], m["period"]["start_month"], m["period"]["end_month"]) for m in found] == periods


def test_a_short_body_sentence_with_a_byline_word_keeps_its_period(nlp):
    """``今年1—8月，…其中上海来源项目17个。``: a short paragraph that ends as a sentence is body
    text, though it holds a word of a byline (来源, 编辑); its period dates its figures."""
    from zone_ie.pipeline import make_doc
    text = "广德经济开发区成立于2009年。\n\n今年1—8月，广德经济开发区新签约项目23个，其中上海来源项目17个。"
    doc = nlp(make_doc(nlp, text, date="2019-09-06"))
    got = {(f.value.value, f.period.start_month if f.period else None) for f in doc._.facts if f.type == "metric"}
    assert (23.0, 1) in got


def test_list_items_keep_the_period_of_the_paragraph_that_introduces_them(nlp):
    """``前三季度，X…同比增长8.4%。这个增速——⏎● 比全国高3.6个百分点``: a list item goes on with the
    paragraph before it and keeps its period."""
    from zone_ie.pipeline import make_doc
    text = ("广德经济开发区经济运行稳中向好\n\n"
            "2023年，广德经济开发区实现地区生产总值201.5亿元，增长7.1%。\n\n"
            "前三季度，广德经济开发区实现地区生产总值164.3亿元，同比增长8.4%。这个增速——\n\n"
            "● 比全省高3.0个百分点\n\n"
            "● 在全省开发区中居第2位\n")
    doc = nlp(make_doc(nlp, text, date="2024-10-28"))
    got = {f.value.value: f.period for f in doc._.facts if f.type == "metric" and f.value}
    assert got[3.0] is not None and (got[3.0].start_month, got[3.0].end_month) == (1, 9)
    assert got[2.0] is not None and (got[2.0].start_month, got[2.0].end_month) == (1, 9)


@pytest.mark.parametrize("text,year", [
    ("“十二五”末", 2015), ("“十四五”末", 2025), ("十三五期末", 2020), ("十一五末", 2010),
])
def test_the_end_of_a_five_year_plan_is_its_last_year(text, year):
    from zone_ie.periods import find_periods
    (p,) = find_periods(text, 2021)
    assert (p.period.year, p.period.start_month, p.period.end_month) == (year, None, None)


def test_a_from_to_pair_dated_at_both_ends_dates_the_pairs_after_it(nlp):
    """``由“十二五”末的78.8亿元增加到2020年的147.58亿元…；营业收入由74.02亿元增至115.35亿元``: the
    undated pairs after a pair dated at both ends take its two years."""
    from zone_ie.pipeline import make_doc
    text = ("“十三五”期间，广德经济开发区工业总产值由“十二五”末的78.8亿元增加到2020年的147.58亿元，"
            "年均增长13.37%；营业收入由74.02亿元增至115.35亿元，年均增长9.28%。")
    doc = nlp(make_doc(nlp, text, date="2021-06-18"))
    got = {f.value.value: (f.period.year if f.period else None) for f in doc._.facts if f.type == "metric" and f.value}
    assert got[7.88e9] == 2015 and got[7.402e9] == 2015 and got[1.1535e10] == 2020


@pytest.mark.parametrize("frame", ["“十四五”期间，", "五年间，", "十四五期间，"])
def test_a_span_of_several_years_dates_no_figure(nlp, frame):
    """``“十四五”期间新区生产总值年均增长7.8%`` / ``五年间累计新增…``: a plan period or a span of
    years is no period of the figure (nor does the article's year take its place)."""
    from zone_ie.pipeline import make_doc
    text = "2025年，广德经济开发区实现营业收入512亿元。\n\n" + frame + "广德经济开发区累计新增科技型中小企业4126家。"
    doc = nlp(make_doc(nlp, text, date="2025-12-20"))
    (m,) = [f for f in doc._.facts if f.type == "metric" and f.value and f.value.value == 4126.0]
    assert m.period is None
