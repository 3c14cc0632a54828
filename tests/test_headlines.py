"""Display lines (titles, subtitles, section heads) repeat body figures: the body's
statement is the fact (zone_ie/relations/headlines.py). Sentences written for these tests."""
from __future__ import annotations

from factkit import metrics
from zone_ie.relations.headlines import display_spans


def _numbers(ms):
    return sorted((m["value"] or {}).get("value") or m["yoy_pct"] for m in ms)


def test_title_figure_restated_in_body_is_one_fact(nlp):
    text = (
        "青枫经开区一季度外贸进出口增长18.5%\n"
        "新签约项目12个\n\n"
        "本报记者 林晓\n\n"
        "记者从青枫经济技术开发区（以下简称青枫经开区）获悉，一季度，青枫经开区外贸进出口总额"
        "46.2亿元，同比增长18.5%。\n"
    )
    ms = metrics(nlp, text)
    trade = [m for m in ms if m["indicator"] == "foreign_trade"]
    assert len(trade) == 1
    raw_ev = text[trade[0]["evidence"][0]:trade[0]["evidence"][1]]
    assert "46.2亿元" in raw_ev  # the body sentence, not the title
    # the title's other figure is stated nowhere else, but a title block above the first
    # sentence gives no fact (the gold of 24 labelled sets labels none: DECISIONS, fourteenth round)
    assert not any(m["value"] and m["value"]["value"] == 12 for m in ms)


def test_section_head_repeat_is_dropped_but_body_kept(nlp):
    text = (
        "青枫经开区持续发力。\n\n"
        "■投资：工业投资增长两成以上\n\n"
        "一季度，青枫经开区工业投资同比增长21.4%，占全区固定资产投资的比重为62.3%。\n\n"
        "【外贸】进出口额增长9.7%\n\n"
        "青枫经开区一季度进出口额同比增长9.7%。\n"
    )
    ms = metrics(nlp, text)
    yoys = [m["yoy_pct"] for m in ms if m["yoy_pct"] is not None]
    assert yoys.count(9.7) == 1
    assert 21.4 in yoys
    ev = [m for m in ms if m["yoy_pct"] == 9.7][0]["evidence"]
    assert text[ev[0]:ev[1]].startswith("青枫经开区一季度")


def test_display_spans_walk_back_from_byline_to_sentence_end():
    raw = (
        "上一条消息的正文到此结束。\n"
        "白石高新区上半年营收\n增长12%\n"
        "◎本报记者 张三\n"
        "正文第一句。\n"
        "## 小标题没有句号\n"
        "■ 这一行有句号。\n"
    )
    spans = [raw[s:e] for s, e in display_spans(raw)]
    assert spans == ["白石高新区上半年营收", "增长12%", "## 小标题没有句号"]


def test_display_lines_are_found_in_traditional_characters_too(nlp):
    text = (
        "青楓經開區一季度外貿進出口增長18.5%\n\n"
        "本報記者 林曉\n\n"
        "一季度，青楓經開區外貿進出口總額46.2億元，同比增長18.5%。\n"
    )
    trade = [m for m in metrics(nlp, text) if m["indicator"] == "foreign_trade"]
    assert len(trade) == 1 and "46.2億元" in text[trade[0]["evidence"][0]:trade[0]["evidence"][1]]


_WEB_BODY = ("青枫市统计局发布前三季度全市主要经济指标，全市实现地区生产总值4433.7亿元，同比增长5.4%，"
             "开发区主阵地作用进一步凸显，多项指标增速快于全市平均水平。")


def test_rounded_section_head_of_a_web_page_is_a_repeat(nlp):
    # unwrapped web text: ``园区:GDP占全市近16%`` heads the paragraph that states 15.9%;
    # ``增长六成以上`` heads the one that states 63.2%
    text = (
        f"{_WEB_BODY}\n\n"
        "青枫高新区:GDP占全市近16%\n\n"
        "青枫高新区前三季度实现地区生产总值705.6亿元,同比增长7.8%,总量约占全市的15.9%。\n\n"
        "临港园区:工业营收增长六成以上\n\n"
        "青枫临港园区前三季度规上工业营业收入同比增长63.2%,固定资产投资增长15.4%。\n"
    )
    ms = metrics(nlp, text)
    shares = [m["share_pct"] for m in ms if m["share_pct"] is not None]
    assert 16.0 not in shares and 15.9 in shares
    yoys = [m["yoy_pct"] for m in ms if m["yoy_pct"] is not None]
    assert 60.0 not in yoys and 63.2 in yoys


def test_section_head_figure_stated_nowhere_else_stays(nlp):
    text = (
        f"{_WEB_BODY}\n\n"
        "青枫高新区:新签约项目58个\n\n"
        "青枫高新区前三季度实现地区生产总值705.6亿元,同比增长7.8%。\n"
    )
    ms = metrics(nlp, text)
    assert any(m["value"] and m["value"]["value"] == 58 for m in ms)


def test_a_title_figure_above_the_first_sentence_is_never_a_fact(nlp) -> None:
    """``青禾经开区二季度26个重大项目集中开工投产 两个百亿级电池项目全面提速``: the title block
    (lines without clause punctuation, closed by a blank line) frames or rounds what the body
    states; its figures are dropped even when the body does not repeat the same number."""
    from factkit import metrics
    text = ("青禾经开区二季度26个重大项目集中开工投产 两个百亿级电池项目全面提速\n\n"
            "青禾日报讯（记者 王敏）6月28日，青禾经济技术开发区二季度重大项目集中开工活动举行，"
            "本次开工投产项目共25个，总投资186亿元。\n")
    values = sorted(m["value"]["value"] for m in metrics(nlp, text, date="2024-06-29") if m["value"])
    assert values == [25.0, 18600000000.0]


def test_a_wrapped_pdf_text_has_no_title_block(nlp) -> None:
    """A PDF text whose first line already holds a comma starts mid-paragraph: blank lines
    between its wrapped lines close no title block, and its first figures stay."""
    from factkit import metrics
    text = " 本报讯 近日获悉，今年第\n\n一季度，青禾高新区固定资产\n\n投资同比增长 16.4%，占全盟的 41.6%。\n"
    assert any(m["yoy_pct"] == 16.4 for m in metrics(nlp, text, date="2024-04-20"))


def test_a_web_page_s_menu_title_and_date_lines_are_one_title_block(rules_nlp):
    """``首页 > 新闻中心 > 园区动态`` / the title / ``发布时间：…`` one blank line apart, then the
    body: the title's figures are the title block's (never facts), not the body's."""
    text = ("首页 > 新闻中心 > 园区动态\n\n青禾经开区冬季招商推介会举行 12个项目现场签约 总投资86亿元\n\n"
            "发布时间：2023-12-20 10:12  来源：青禾县融媒体中心\n\n"
            "12月19日，青禾经开区冬季招商推介会举行。活动现场，12个项目集中签约，总投资86亿元，涵盖新材料等领域。")
    got = metrics(rules_nlp, text, "2023-12-20")
    assert got and all(f["evidence"][0] > text.index("12月19日") for f in got)
