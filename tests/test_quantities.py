"""Quantity normalizer (SPEC 5): parse_quantity and the find_quantities scanner."""
from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factkit import load_script
from zone_ie.models import Quantity
from zone_ie.quantities import QuantityMatch, find_quantities, parse_quantity

ROOT = Path(__file__).resolve().parent.parent


def q(value=None, unit="", qualifier=None, classifier=None, low=None, high=None) -> dict:
    return dict(value=value, low=low, high=high, unit=unit, qualifier=qualifier, classifier=classifier)


def assert_quantity(got: Quantity | None, want: dict | None) -> None:
    if want is None:
        assert got is None
        return
    assert got is not None
    d = got.model_dump()
    assert d["unit"] == want["unit"]
    assert d["qualifier"] == want["qualifier"]
    assert d["classifier"] == want["classifier"]
    for k in ("value", "low", "high"):
        if want[k] is None:
            assert d[k] is None, k
        else:
            assert d[k] == pytest.approx(want[k], rel=1e-9, abs=1e-9), k


CASES = [
    # money, Chinese numerals, scaling
    ("两亿元", q(2e8, "CNY")),
    ("百亿元", q(1e10, "CNY")),
    ("313.6亿元", q(3.136e10, "CNY")),
    ("8449万元", q(8.449e7, "CNY")),
    ("2.3万亿元", q(2.3e12, "CNY")),
    ("一千二百万元", q(1.2e7, "CNY")),
    ("三点五亿元", q(3.5e8, "CNY")),
    ("1,267.66亿元", q(1.26766e11, "CNY")),
    ("5亿元人民币", q(5e8, "CNY")),
    ("5个亿", q(5e8, "CNY")),
    ("1.5亿美元", q(1.5e8, "USD")),
    # percent, pp, x, shares and fractions
    ("16.4%", q(16.4, "%")),
    ("７．２个百分点", q(7.2, "pp")),
    ("70倍", q(70, "x")),
    ("1/3", q(33.33, "%")),
    ("五分之一", q(20, "%")),
    ("三分之二", q(66.67, "%")),
    ("三成", q(30, "%")),
    ("百分之五十", q(50, "%")),
    ("-3.5%", q(-3.5, "%")),
    # counts keep their classifier
    ("158家", q(158, "count", classifier="家")),
    ("3万台", q(3e4, "count", classifier="台")),
    ("两台", q(2, "count", classifier="台")),
    ("14颗", q(14, "count", classifier="颗")),
    ("1.2万人次", q(1.2e4, "count", classifier="人次")),
    ("80 个亿元以上", q(80, "count", classifier="个")),
    # physical units
    ("12万吨", q(1.2e5, "t")),
    ("500千克", q(0.5, "t")),
    ("80万千瓦", q(8e8, "W")),
    ("1.5GW", q(1.5e9, "W")),
    ("300MW", q(3e8, "W")),
    ("4800度", q(4.8e6, "Wh")),
    ("1.2亿千瓦时", q(1.2e11, "Wh")),
    ("6公里", q(6000, "m")),
    ("3平方公里", q(3e6, "m2")),
    ("3万平方米", q(3e4, "m2")),
    ("2679亩", q(2679, "mu")),
    ("400千克/平方米", q(400, "kg/m2")),
    # rank
    ("第一", q(1, "rank")),
    ("第27位", q(27, "rank")),
    ("第3名", q(3, "rank")),
    ("首位", q(1, "rank")),
    ("前70强", q(70, "rank")),
    ("提升98位", q(98, "rank")),
    # other: the number as written
    ("1.2万吨/年", q(1.2, "other:万吨/年")),
    ("2060人/平方公里", q(2060, "other:人/平方公里")),
    ("1143.62公顷", q(1143.62, "other:公顷")),  # not in the SPEC's unit list: kept as written
    ("1.2万公顷", q(1.2, "other:万公顷")),
    ("9个月", q(9, "other:个月")),
    ("500千伏", q(500, "other:千伏")),
    ("1.5天/星", q(1.5, "other:天/星")),
    # bare numbers
    ("十四", q(14, "")),
    ("百亿", q(1e10, "")),
    ("1.2万", q(1.2e4, "")),
]


@pytest.mark.parametrize("text,want", CASES)
def test_parse_quantity(text: str, want: dict) -> None:
    assert_quantity(parse_quantity(text), want)


RANGES = [
    ("30万—100万元", q(None, "CNY", low=3e5, high=1e6)),
    ("3.8-4.2米", q(None, "m", low=3.8, high=4.2)),
    ("500-1000千克/平方米", q(None, "kg/m2", low=500, high=1000)),
    ("1-2亿元", q(None, "CNY", low=1e8, high=2e8)),
    ("3至5亿元", q(None, "CNY", low=3e8, high=5e8)),
    ("800万元到1200万元", q(None, "CNY", low=8e6, high=1.2e7)),
    ("20%～30%", q(None, "%", low=20, high=30)),
    ("2–3GW", q(None, "W", low=2e9, high=3e9)),
    ("2—3年", q(None, "other:年", low=2, high=3)),
    ("３．８－４．２米", q(None, "m", low=3.8, high=4.2)),
]


@pytest.mark.parametrize("text,want", RANGES)
def test_ranges(text: str, want: dict) -> None:
    assert_quantity(parse_quantity(text), want)


QUALIFIED = [
    ("超两亿元", q(2e8, "CNY", "over")),
    ("超过300亿元", q(3e10, "CNY", "over")),
    ("逾百亿元", q(1e10, "CNY", "over")),
    ("6000余台", q(6000, "count", "over", "台")),
    ("200多颗", q(200, "count", "over", "颗")),
    ("50%以上", q(50, "%", "over")),
    ("不少于1次", q(1, "count", "over", "次")),
    ("5000余万元", q(5e7, "CNY", "over")),
    ("近百亿元", q(1e10, "CNY", "under")),
    ("不到3000万元", q(3e7, "CNY", "under")),
    ("不足1亿元", q(1e8, "CNY", "under")),
    ("不超过80%", q(80, "%", "under")),
    ("15个工作日以下", q(15, "other:个工作日", "under")),
    ("约500亿元", q(5e10, "CNY", "approx")),
    ("大约1.8万亿元", q(1.8e12, "CNY", "approx")),
    ("1000万元左右", q(1e7, "CNY", "approx")),
    ("100万元上下", q(1e6, "CNY", "approx")),
    ("两个多月", q(2, "other:个月", "over")),
]


@pytest.mark.parametrize("text,want", QUALIFIED)
def test_qualifiers(text: str, want: dict) -> None:
    assert_quantity(parse_quantity(text), want)


FULLWIDTH = [
    ("１２．５％", q(12.5, "%")),
    ("３０亿元", q(3e9, "CNY")),
    ("５２００台", q(5200, "count", classifier="台")),
    ("１．５ＧＷ", q(1.5e9, "W")),
    ("１／３", q(33.33, "%")),
]


@pytest.mark.parametrize("text,want", FULLWIDTH)
def test_fullwidth(text: str, want: dict) -> None:
    assert_quantity(parse_quantity(text), want)


SPACED = [
    ("4800 度电", q(4.8e6, "Wh")),
    ("16.4 %", q(16.4, "%")),
    ("7.2 个百分点", q(7.2, "pp")),
    ("5200 台", q(5200, "count", classifier="台")),
    ("3 万台", q(3e4, "count", classifier="台")),
    ("500-1000 千克/平方米", q(None, "kg/m2", low=500, high=1000)),
    ("2 亿元", q(2e8, "CNY")),
]


@pytest.mark.parametrize("text,want", SPACED)
def test_spaces(text: str, want: dict) -> None:
    assert_quantity(parse_quantity(text), want)


NOT_QUANTITIES = ["2022年", "２０２２年", "2022年度", "5月19日", "TR100AT", "5H机型", "千亿级",
                  "数十家", "十四五", "1+1+N", "二期", "第二产业", "", "   ", "abc"]


@pytest.mark.parametrize("text", NOT_QUANTITIES)
def test_not_quantities(text: str) -> None:
    assert parse_quantity(text) is None


@given(st.text())
@settings(max_examples=300, deadline=None)
def test_never_raises(text: str) -> None:
    result = parse_quantity(text)
    assert result is None or isinstance(result, Quantity)
    for m in find_quantities(text):
        assert text[m.start:m.end] == m.text


NUMERIC = "0123456789.,一二两三四五六七八九十百千万亿零元%％个家台吨度米亩第位名强年月日/-—～至约近超余多以上下左右分之成倍 　ＧＷ"


@given(st.text(alphabet=NUMERIC, max_size=30))
@settings(max_examples=500, deadline=None)
def test_never_raises_on_number_soup(text: str) -> None:
    parse_quantity(text)
    matches = find_quantities(text)
    for a, b in zip(matches, matches[1:]):
        assert a.end <= b.start


def _seed_texts() -> list[str]:
    return [p.read_text(encoding="utf-8").replace("\n", "") for p in sorted((ROOT / "seeds" / "docs").glob("*.txt"))]


SENTENCE = ("今年第一季度，阿拉善高新区固定资产投资同比增长 16.4%，占全盟总量的 41.6%，"
            "拉动全盟增长 7.2个百分点，总量位居该盟第一。2022年，园区5月19日引进TR100AT项目，"
            "5H机型年产 3 万台，投资超两亿元，荷载 500-1000 千克/平方米。")


def test_scanner_finds_the_sentence_quantities() -> None:
    found = [(m.text, m.quantity.unit, m.quantity.value) for m in find_quantities(SENTENCE)]
    assert found == [
        ("16.4%", "%", 16.4),
        ("41.6%", "%", 41.6),
        ("7.2个百分点", "pp", 7.2),
        ("第一", "rank", 1.0),
        ("3 万台", "count", 30000.0),
        ("超两亿元", "CNY", 2e8),
        ("500-1000 千克/平方米", "kg/m2", None),
    ]


def test_scanner_offsets_and_order() -> None:
    for text in [SENTENCE, *_seed_texts()]:
        matches = find_quantities(text)
        assert matches
        for m in matches:
            assert isinstance(m, QuantityMatch)
            assert text[m.start:m.end] == m.text
            assert m.text == m.text.strip()
        for a, b in zip(matches, matches[1:]):
            assert a.end <= b.start


@pytest.mark.parametrize("text", [
    "2022年园区", "截至2023年底", "5月19日开工", "10月16日", "TR100AT无人驾驶矿车", "5H机型", "5G基站",
    "“2+2+N”产业", "1:1配套补贴", "千亿级产业集群", "数十种产品", "第二产业", "第三家平台", "十四五期间",
    "二期项目", "一次性给予", "进一步", "千方百计", "朱雀三号", "宋家壕2号线", "2022-2024年",
])
def test_scanner_skips_non_quantities(text: str) -> None:
    assert find_quantities(text) == []


def test_scanner_bare_numbers_only_with_scale() -> None:
    found = [m.text for m in find_quantities("预计年产值达4亿，共有2024人参与，编号2024。")]
    assert found == ["4亿", "2024人"]


def test_scanner_does_not_stop_at_newlines() -> None:
    found = [m.text for m in find_quantities("投资\n5亿元")]
    assert found == ["5亿元"]
    assert [m.text for m in find_quantities("5\n亿元")] == []


def test_scanner_speed() -> None:
    text = "".join(_seed_texts()) * 3
    t0 = time.perf_counter()
    find_quantities(text)
    rate = len(text) / (time.perf_counter() - t0)
    assert rate > 50_000, f"{rate:,.0f} chars/s"


def _bench():
    return load_script("benchmarks/quantities.py", "bench_quantities")


def test_benchmark_accuracy() -> None:
    bench = _bench()
    rows = bench.load("quantities.jsonl")
    assert len(rows) >= 300
    hits = sum(bench.quantity_equal(r["expected"], bench.zone_quantity(r)) for r in rows)
    assert hits / len(rows) >= 0.98


@pytest.mark.parametrize(
    "text, value, classifier, qualifier",
    [("市场主体近万家", 10000, "家", "under"), ("带动就业万余人", 10000, "人", "over"), ("超万人参加", 10000, "人", "over")],
)
def test_bare_wan_with_qualifier_is_a_number(text, value, classifier, qualifier) -> None:
    q = parse_quantity(text)
    assert q is not None and q.value == value and q.classifier == classifier and q.qualifier == qualifier


def test_bare_wan_without_qualifier_is_not_a_number() -> None:
    assert all(m.text != "万人" for m in find_quantities("每万人拥有发明专利"))


# SPEC 5 v1.1 and issue 14.7: forms seen in real articles (sentences written for these tests)
REAL_TEXT_FORMS = [
    ("1 745家", q(1745, "count", classifier="家")),           # thousands separator as a space (PDF text)
    ("2 306.8亿元", q(2.3068e11, "CNY")),
    ("12,345.6万元", q(1.23456e8, "CNY")),
    ("过百亿元", q(1e10, "CNY", "over")),
    ("突破500亿元", q(5e10, "CNY", "over")),
    ("亿元以上", q(1e8, "CNY", "over")),                       # a bare magnitude bounding a class
    ("千万元以下", q(1e7, "CNY", "under")),
    ("50万元(含)至80万元", q(None, "CNY", low=5e5, high=8e5)),
    ("30万元（含）以上", q(3e5, "CNY", "over")),
    ("存栏生猪1200头", q(1200, "count", classifier="头")),
    ("造船8艘", q(8, "count", classifier="艘")),
    ("年产啤酒10万升", q(10, "other:万升")),
    ("220kV", q(220, "other:kV")),
    ("日供气30万标方", q(30, "other:万标方")),
]


@pytest.mark.parametrize("text,want", REAL_TEXT_FORMS)
def test_real_text_forms(text: str, want: dict) -> None:
    assert_quantity(parse_quantity(text), want)


@pytest.mark.parametrize("text", ["经过3年", "排名升至第5", "股东大会", "提升3位"])
def test_verbs_are_not_qualifiers_or_units(text: str) -> None:
    got = parse_quantity(text)
    assert got is None or (got.qualifier is None and got.unit in ("count", "rank", "other:年"))


def test_space_between_separate_numbers_is_not_a_separator() -> None:
    # only groups of exactly three digits continue a number
    assert [m.text for m in find_quantities("第3版 2023年5月有45 家")] == ["45 家"]
    assert [m.text for m in find_quantities("共12 3456家")] != ["12 3456家"]


@pytest.mark.parametrize("text,want", [
    ("产值刚过亿元", q(1e8, "CNY", "over")),
    ("营收超亿元", q(1e8, "CNY", "over")),
    ("投资近亿元", q(1e8, "CNY", "under")),
])
def test_bare_magnitude_after_a_qualifier(text: str, want: dict) -> None:
    assert_quantity(parse_quantity(text), want)


def test_last_unit_of_a_list_applies_to_every_item() -> None:
    from zone_ie.quantities import scan_quantities
    got = [(q["value"], q["unit"]) for _, _, q in scan_quantities("高于全国、全省8.2个、8.0个和7.5个百分点")]
    assert got == [(8.2, "pp"), (8.0, "pp"), (7.5, "pp")]
    got = [(q["value"], q["unit"]) for _, _, q in scan_quantities("分别增长12.5、8.3和6.1%")]
    assert got == [(12.5, "%"), (8.3, "%"), (6.1, "%")]
    # counts with 个 before a percentage are counts, not percentages
    got = [(q["value"], q["unit"]) for _, _, q in scan_quantities("新增企业3个、项目5个和20%")]
    assert got == [(3.0, "count"), (5.0, "count"), (20.0, "%")]


def test_regular_chinese_numerals_read_as_cn2an_reads_them():
    """zone_ie reads regular Chinese numerals itself (cn2an's import costs ~0.2 s);
    every form it accepts must give what cn2an's normal mode gives."""
    import random

    import cn2an

    from zone_ie.numerals import _read_regular

    rnd = random.Random(7)
    numbers = [rnd.randint(0, 10 ** rnd.randint(1, 13)) for _ in range(2000)] + [0, 10, 12, 100, 1005, 10 ** 8]
    forms = [cn2an.an2cn(str(n), "low") for n in numbers]
    forms += ["二〇二二", "十二", "一十二", "三点零五", "两万", "两亿零五百万", "一千万零三", "九点九九"]
    for form in forms:
        ours = _read_regular(form)
        assert ours is not None, form
        assert ours == float(cn2an.cn2an(form, "normal")), form
    for irregular in ("一万二", "三百五", "两三", "千五"):
        assert _read_regular(irregular) is None  # left to cn2an or refused


@pytest.mark.parametrize("text", ["产值均保持两位数增长", "外贸实现三位数增长", "我们算过一笔账"])
def test_digit_counts_and_idioms_are_no_quantities(text):
    """``两位数增长`` is double-digit growth, ``算一笔账`` an idiom: no number is stated."""
    from zone_ie.quantities import scan_quantities

    assert scan_quantities(text) == [] and list(find_quantities(text)) == []


@pytest.mark.parametrize("text, want", [
    ("在全省23家省级开发区中综合得分91.74分", [(91.74, "other:分")]),
    ("得分分别为93.8分、91.2分和89.5分", [(93.8, "other:分"), (91.2, "other:分"), (89.5, "other:分")]),
    ("青禾经济开发区（552.19分）", [(552.19, "other:分")]),
    ("十分重要", []),
    ("12时30分举行", []),
    ("每件节约5分钱", []),
    ("3分公司", []),
    ("全程不到20分钟", [(20.0, "other:分钟")]),
])
def test_scores_are_points_written_in_digits(text: str, want: list) -> None:
    from zone_ie.quantities import find_quantities
    got = [(q.quantity.value, q.quantity.unit) for q in find_quantities(text) if q.quantity.unit != "count"]
    assert got == want


@pytest.mark.parametrize("text, value", [("六点八亿", 6.8e8), ("一点五万亿", 1.5e12), ("二点零五万", 20500.0)])
def test_a_decimal_chinese_numeral_with_a_magnitude_reads_natively(text: str, value: float) -> None:
    """``六点八亿``: a decimal Chinese numeral followed by 万/亿/万亿 is read without cn2an (which
    rejects it, and whose import costs a fresh process about 0.4 s)."""
    import subprocess
    import sys
    code = ("import sys; from zone_ie.numerals import cn_to_number; "
            f"print(cn_to_number({text!r}), 'cn2an' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout.split()
    assert float(out[0]) == pytest.approx(value)
    assert out[1] == "False"


@pytest.mark.parametrize("text", ["比上年后移6位", "较上年下移3位", "排名上移2位", "较上年进位5名"])
def test_every_verb_of_a_rank_move_gives_a_rank(text: str) -> None:
    """``后移6位`` / ``下移3位`` move a rank as ``后退`` / ``前移`` do: the number is a rank, not
    a count of 位."""
    (q,) = [q for q in find_quantities(text)]
    assert q.quantity.unit == "rank"


@pytest.mark.parametrize("text,value", [("继续稳居全国前三十。", 30.0), ("首次进入全国综合排名前100。", 100.0)])
def test_a_bare_qian_n_after_a_rank_verb_is_a_rank(text: str, value: float) -> None:
    """``稳居全国前三十`` / ``进入综合排名前100``: a top-N place with no 名/位/强 after it."""
    assert [(q.quantity.value, q.quantity.unit) for q in find_quantities(text)] == [(value, "rank")]


@pytest.mark.parametrize("text", ["前三季度增长5%。", "今年前5个月。", "距离前100。", "A、B、C三个项目位列前三，"])
def test_a_bare_qian_n_without_a_rank_verb_or_after_a_list_is_no_rank(text: str) -> None:
    assert all(q.quantity.unit != "rank" for q in find_quantities(text))


@pytest.mark.parametrize("text,value", [("青禾经开区是湖南省第六家千亿园区。", 6.0), ("远帆高新区成为全省第4个国家高新区。", 4.0)])
def test_an_ordinal_after_a_copula_is_a_rank(text: str, value: float) -> None:
    """``X是湖南省第六家千亿园区``: the subject's place in the order of a class, a rank."""
    assert [(q.quantity.value, q.quantity.unit) for q in find_quantities(text) if q.quantity.unit == "rank"] == [(value, "rank")]
