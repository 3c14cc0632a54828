"""Layout repair: seed phenomena and offset-map properties."""
from __future__ import annotations

import string
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zone_ie.io import read_text_file
from zone_ie.repair import RepairedText, repair

SEEDS = sorted((Path(__file__).parent.parent / "seeds" / "docs").glob("*.txt"))


def check_map(rep: RepairedText) -> None:
    m = rep.index_map()
    assert len(m) == len(rep.text)
    assert all(a < b for a, b in zip(m, m[1:])), "map must be strictly monotonic"
    assert all(rep.text[i] == rep.raw[j] for i, j in enumerate(m)), "kept chars equal raw chars"
    for i in range(0, len(m), 7):
        assert rep.to_raw(i) == m[i]


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("今年第\n\n一季度，阿拉\n\n善高新区固定资产", "今年第一季度，阿拉善高新区固定资产"),
        ("占阿拉善\n\n盟 总 量 的 41.6% ，贡 献 率 达\n\n32.5%", "占阿拉善盟总量的41.6%，贡献率达32.5%"),
        ("荷载高达 500-\n1000 千克/平方米", "荷载高达500-1000千克/平方米"),
        ("从从““企业找服务企业找服务””到到““服务找企业服务找企业””",
         "从“企业找服务”到“服务找企业”"),
        ("打造优质营商环境打造优质营商环境\n\n", "打造优质营商环境\n\n"),
        ("卧龙电气驱动集团\n\n股份有限公司", "卧龙电气驱动集团股份有限公司"),
        ("圆满实现“开门红”。\n\n这一态势", "圆满实现“开门红”。\n\n这一态势"),
        ("推动作用。 赵小丽 刘宁\n 近日，在包头", "推动作用。赵小丽刘宁\n 近日，在包头"),
        # a space between two runs of three or more ideographs separates phrases (kept);
        # letter-spacing spaces single characters (removed)
        ("### 拓宽应用领域 集聚高端创新资源\n\n据2022年统计", "### 拓宽应用领域 集聚高端创新资源\n\n据2022年统计"),
        ("◎本报记者 张景阳\n\n5月19日", "◎本报记者 张景阳\n\n5月19日"),
        ("◎记者 张景阳\n\n5月19日", "◎记者张景阳\n\n5月19日"),
        ("Hello\nworld and more", "Hello\nworld and more"),
        ("增长 7.2个百分点", "增长7.2个百分点"),
        ("", ""),
    ],
)
def test_seed_phenomena(raw: str, expected: str) -> None:
    rep = repair(raw)
    assert rep.text == expected
    check_map(rep)


def test_broken_name_maps_to_raw_span_with_break() -> None:
    raw = "值得一提的是，阿拉\n\n善高新区制造业"
    rep = repair(raw)
    i = rep.text.index("阿拉善高新区")
    s, e = rep.span_to_raw(i, i + len("阿拉善高新区"))
    assert raw[s:e] == "阿拉\n\n善高新区"
    assert rep.from_raw(s) == i


def test_repeated_word_inside_sentence_is_not_a_doubled_heading() -> None:
    raw = "强力实施龙头企业培育、规模以上企业培育、规模以上企业育强等三大工程。"
    assert repair(raw).text == raw


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.stem)
def test_seed_documents_map_back_and_are_stable(path: Path) -> None:
    raw = read_text_file(path)
    rep = repair(raw)
    check_map(rep)
    assert len(rep.text) < len(raw)
    assert repair(rep.text).text == rep.text


# --- properties -------------------------------------------------------------

HAN = st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5)
ANY_TEXT = st.text(
    alphabet=st.one_of(
        HAN, st.sampled_from(list("，。、；：“”（）！？…—-%. \n\n\n\u3000\t") + list(string.digits)),
        st.characters(blacklist_categories=("Cs",)),
    ),
    max_size=200,
)


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_map_is_monotonic_and_exact_on_any_text(raw: str) -> None:
    check_map(repair(raw))


@settings(max_examples=300, deadline=None)
@given(ANY_TEXT)
def test_repair_is_idempotent(raw: str) -> None:
    once = repair(raw).text
    assert repair(once).text == once


# clean text: paragraphs of sentences ending in sentence-final punctuation
SENTENCE = st.builds(
    lambda body, digits, end: body + digits + end,
    st.text(alphabet=HAN, min_size=2, max_size=30),
    st.from_regex(r"(\A\Z|\A[1-9][0-9]{0,3}(\.[0-9]{1,2})?%?\Z)"),
    st.sampled_from(["。", "！", "？", "，然后说。"]),
)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map("".join)
CLEAN = st.lists(PARAGRAPH, min_size=1, max_size=4).map("\n\n".join)


@settings(max_examples=300, deadline=None)
@given(CLEAN)
def test_clean_text_is_unchanged(clean: str) -> None:
    rep = repair(clean)
    assert rep.text == clean
    assert rep.runs == ((0, 0, len(clean)),)


@settings(max_examples=300, deadline=None)
@given(CLEAN, st.data())
def test_layout_noise_is_undone(clean: str, data: st.DataObject) -> None:
    """Break lines every few characters and letter-space some of them: repair restores the clean text."""
    out = []
    width = data.draw(st.integers(3, 15))
    spaced = data.draw(st.booleans())
    col = 0
    for i, ch in enumerate(clean):
        out.append(ch)
        col = 0 if ch == "\n" else col + 1
        nxt = clean[i + 1] if i + 1 < len(clean) else ""
        if ch in "。！？\n" or nxt in ("", "\n"):
            continue
        if col >= width:
            out.append(data.draw(st.sampled_from(["\n", "\n\n"])))
            col = 0
        elif spaced and "\u4e00" <= ch <= "\u9fa5":
            out.append(" ")
    noisy = "".join(out)
    rep = repair(noisy)
    assert rep.text == clean
    check_map(rep)


@pytest.mark.parametrize(
    "raw, expected",
    [
        ("年产5G\nW光伏组件", "年产5GW光伏组件"),
        ("采用TR10\n\n0AT车型", "采用TR100AT车型"),
        ("Hello\nworld and more", "Hello\nworld and more"),
    ],
)
def test_ascii_words_broken_inside_chinese_text(raw: str, expected: str) -> None:
    rep = repair(raw)
    assert rep.text == expected
    check_map(rep)


def test_three_or_more_newlines_are_a_block_boundary() -> None:
    raw = "建成后，年产能将达到3.3万吨，成为全球最大的\n\n\n\n临川高新区双创示范基地\n\n\n\n生产基地。"
    assert repair(raw).text == raw


_LONG = ("据园区统计，前三季度，全区实现规模以上工业营业收入512.6亿元，同比增长18.3%，占全市的比重达27.4%，"
         "比上年同期提高2.1个百分点；完成固定资产投资同比增长9.6%，高于全市平均水平3.2个百分点。")


@pytest.mark.parametrize("head", ["东湖片区:营收增长近两成", "■外贸：进出口增长两成以上", "二、投资后劲持续增强", "临江园区 工业产值破百亿"])
def test_section_head_in_unwrapped_text_stays_its_own_line(head: str) -> None:
    # unwrapped text (a web page: every line a whole paragraph): a short line that ends
    # no sentence is a section head, not a line wrapped in the middle of a paragraph
    raw = f"{_LONG}\n\n{head}\n\n{_LONG}\n"
    rep = repair(raw)
    check_map(rep)
    assert f"\n{head}\n" in rep.text  # a space between two phrases (临江园区 工业产值…) separates them


@pytest.mark.parametrize("first, second", [
    ("“青禾高新区有近80家与航天产业相关", "的公司，集聚效应很强。”"),  # an open quote, a particle next
    ("全区新签约项目46个（其中外资", "项目7个），总投资271.3亿元。"),  # an open bracket
    ("园区累计引进了高新技术企业", "和专精特新企业300余家。"),  # the next line goes on with 和
])
def test_short_line_that_goes_on_is_still_joined_in_unwrapped_text(first: str, second: str) -> None:
    raw = f"{_LONG}\n\n{first}\n\n{second}\n\n{_LONG}"
    rep = repair(raw)
    check_map(rep)
    assert first + second in rep.text


def test_short_lines_of_a_hard_wrapped_page_are_joined() -> None:
    # a narrow PDF column (every line short): no line is read as a section head
    raw = "前三季度，全区实现规\n\n模以上工业营业收入51\n\n2.6亿元，同比增长18\n\n.3%。\n"
    assert repair(raw).text.startswith("前三季度，全区实现规模以上工业营业收入512.6亿元，同比增长18.3%。")


def test_an_enumerated_item_after_a_semicolon_starts_a_paragraph() -> None:
    raw = "签约项目分别是：\n1.甲公司年产5万吨乙项目，落户丙园；\n2.丁公司戊项目，总投资3亿元；\n3.己公司庚项目。"
    text = repair(raw).text
    assert text.count("\n") == 3  # each item on its own line
    # a decimal after a wrapped line is not an item: the wrap is joined
    wrapped = repair("一季度园区规上工业产值增长\n2.5%，高于全市。").text
    assert "\n" not in wrapped


@pytest.mark.parametrize("head", ["一、公司概况", "（三）2023年工作总结", "第二章　生产基地"])
def test_numbered_section_head_above_the_first_paragraph_stays_its_own_line(head: str) -> None:
    # a title block before the first long paragraph is joined line to line; a numbered
    # section head in it is still a line of its own, apart from the title above and the text below
    raw = f"宏达科技有限公司2023年度社会责任报告\n\n发布时间：2024-03-20\n\n{head}\n\n{_LONG}\n"
    rep = repair(raw)
    check_map(rep)
    assert f"\n{head}\n" in rep.text


def test_numbered_item_that_fills_its_wrapped_line_is_joined() -> None:
    # a narrow PDF column: ``一、`` opens an item whose first line is as long as the next
    raw = "一、坚持创新驱动发展战\n\n略，加快培育新兴产业。\n"
    assert repair(raw).text.startswith("一、坚持创新驱动发展战略，加快培育新兴产业。")
