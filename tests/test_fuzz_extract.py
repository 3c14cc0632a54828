"""Fuzz ``zone_ie.extract``: mixed scripts, invisible characters and layout noise never
raise, and every offset points into the raw text."""
from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import zone_ie
from zone_ie.io import strip_bom

SIMPLIFIED = ["高新区", "经济开发区", "产业园", "实现", "规上工业总产值", "亿元", "同比增长", "企业", "有限公司",
              "投资建设", "项目", "前三季度", "今年", "园区内", "，", "。", "%", "个百分点", "合肥", "苏州",
              "—", "至", "占全市", "分别", "和", "倍", "以上", "比重"]  # (ranges of growth and share)
TRADITIONAL = ["高新區", "經濟開發區", "產業園", "實現", "規上工業總產值", "億元", "同比增長", "企業", "有限公司",
               "投資建設", "項目", "前三季度", "園區內", "臺灣", "發展", "乾淨"]
DIGITS = ["1523", "6.1", "0", "12.5", "三", "十四", "两百", "１２３", "４．５"]
FULL_WIDTH = ["（", "）", "％", "：", "、", "“", "”", "－", "～", "Ａ", "ｂ"]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f", "\u202a", "\u202e",
             "\u2066", "\u2069", "\u00ad", "\x07", "\x0c", "\x85", "\U000e0041"]
NOISE = ["\n", "\n\n", "\n\n\n\n", " ", "  ", "\u3000", "\t", "\r\n", "-\n", "# ", "◎"]

piece = st.one_of(
    st.sampled_from(SIMPLIFIED), st.sampled_from(TRADITIONAL), st.sampled_from(DIGITS),
    st.sampled_from(FULL_WIDTH), st.sampled_from(INVISIBLE), st.sampled_from(NOISE),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=4),
)
doubled = piece.map(lambda p: p + p)  # a run printed twice (bold headings)
texts = st.lists(st.one_of(piece, piece, piece, doubled), max_size=40).map("".join)
texts = st.one_of(texts, texts.map(lambda t: "\ufeff" + t))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=texts)
def test_extract_never_raises_and_offsets_are_raw(nlp, text: str) -> None:
    result = zone_ie.extract(text, date="2024-06-30", nlp=nlp)
    text = strip_bom(text)  # SPEC 1: offsets count from after a leading BOM
    n = len(text)
    for e in result.entities:
        assert 0 <= e.start < e.end <= n
        assert text[e.start : e.end] == e.text
    for f in result.facts:
        if f.evidence is not None:
            assert 0 <= f.evidence[0] <= f.evidence[1] <= n
    doc = nlp(text)
    rep = doc._.repair
    assert rep.raw == text and len(rep.written) == len(rep.text) == len(doc.text)
    for i in range(len(rep.text)):
        j = rep.to_raw(i)
        assert rep.written[i] == text[j]


def test_fuzz_pieces_cover_traditional_and_invisible() -> None:
    from zone_ie.convert import has_traditional
    from zone_ie.repair import has_invisible

    assert all(has_invisible(c) for c in INVISIBLE)
    assert sum(has_traditional(t) for t in TRADITIONAL) >= 12
