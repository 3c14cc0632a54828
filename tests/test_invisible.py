"""Invisible characters (zero-width, BOM, bidi controls, soft hyphen, other format and
control characters) are layout noise: deleted in the repaired view, offsets exact."""
from __future__ import annotations

import sys
import unicodedata

import pytest

import zone_ie
from zone_ie.repair import INVISIBLE, has_invisible, repair

CLEAN = ("今年上半年，宁波杭州湾新区实现规上工业总产值1650亿元，同比增长8.3%。"
         "区内企业宁波恒远新材料有限公司投资建设年产5万吨新材料项目。")
NOISY = (CLEAN.replace("杭州湾", "杭州\u200b湾").replace("总产值", "总\u00ad产\u2060值")
         .replace("恒远", "恒\u200d远").replace("新材料项目", "新材料\u202a项目\u202c")
         .replace("上半年", "上\ufeff半\u200e年"))


@pytest.mark.parametrize("ch", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\u200e", "\u200f",
                                "\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067",
                                "\u2068", "\u2069", "\u00ad", "\x07", "\x1b", "\x85", "\U000e0041"])
def test_invisible_character_is_deleted_with_exact_offsets(ch: str) -> None:
    raw = f"产{ch}值，阿拉{ch}\n\n善高新区"
    rep = repair(raw)
    assert rep.text == "产值，阿拉善高新区"
    assert [raw[rep.to_raw(i)] for i in range(len(rep.text))] == list(rep.text)
    s, e = rep.span_to_raw(0, 2)
    assert raw[s:e] == f"产{ch}值"


def test_tabs_newlines_and_returns_are_not_invisible() -> None:
    assert not has_invisible("a\tb\nc\r\n")
    assert repair("增长。\r\n\t近日").text == "增长。\r\n\t近日"


def test_invisible_class_is_every_format_and_control_character() -> None:
    for cp in range(sys.maxunicode + 1):
        if 0xD800 <= cp <= 0xDFFF:
            continue
        ch = chr(cp)
        cat = unicodedata.category(ch)
        expected = cat in ("Cf", "Cc") and ch not in "\t\n\r"
        matched = INVISIBLE.match(ch) is not None
        if expected:
            assert matched and has_invisible(ch), hex(cp)
        elif matched:
            assert cat == "Cn", hex(cp)  # assigned in a newer Unicode than this Python's
        else:
            assert not has_invisible(ch), hex(cp)


def test_names_and_indicators_broken_by_invisible_characters(nlp) -> None:
    clean = zone_ie.extract(CLEAN, date="2024-07-20", nlp=nlp)
    noisy = zone_ie.extract(NOISY, date="2024-07-20", nlp=nlp)
    assert sorted(f.type for f in clean.facts) == ["located_in", "metric", "project"]
    assert [f.model_dump(exclude={"evidence"}) for f in noisy.facts] == \
        [f.model_dump(exclude={"evidence"}) for f in clean.facts]
    assert noisy.clusters == clean.clusters
    assert [e.label for e in noisy.entities] == [e.label for e in clean.entities]
    for e in noisy.entities:
        assert NOISY[e.start : e.end] == e.text
    assert any("\u200b" in e.text for e in noisy.entities)
    for f in noisy.facts:
        assert f.evidence is not None and 0 <= f.evidence[0] < f.evidence[1] <= len(NOISY)
