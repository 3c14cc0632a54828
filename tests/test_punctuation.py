"""Half-width sentence stops read as 。 in a view of the raw text (zone_ie.punctuation)."""
from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from factkit import metrics
from zone_ie.punctuation import sentence_stop_view


@pytest.fixture(scope="module")
def nlp(rules_nlp):
    return rules_nlp


@pytest.mark.parametrize("text, view", [
    ("合计进出口6.2亿元.3月份,区内新增企业9家.", "合计进出口6.2亿元。3月份,区内新增企业9家。"),
    ("同比增长19.4%.从贸易方式看", "同比增长19.4%。从贸易方式看"),
    ("网址www.gov.cn,电话0754.88886666", None),
    ("No.1产品于2024.03.21发布", None),
    ("没有句点的文本", None),
])
def test_only_sentence_stops_become_full_width(text: str, view) -> None:
    assert sentence_stop_view(text) == view


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="园区增长6.2亿元%”.a1 \n", max_size=40))
def test_the_view_is_exactly_as_long_and_changes_only_dots(text: str) -> None:
    view = sentence_stop_view(text)
    if view is not None:
        assert len(view) == len(text)
        assert all(a == b or (a == "." and b == "。") for a, b in zip(text, view))


def test_a_half_width_stop_ends_the_sentence_before_a_month(nlp) -> None:
    """``…合计进出口6.2亿元.3月份,区内新增注册企业9家``: the web page's ``.`` ends the
    sentence, so 3月份 dates the figures after it, not 1-3月 before it."""
    text = "今年1-3月,青禾综保区累计进出口31.9亿元,同比增长19.4%.3月份,区内新增注册企业9家,其中外商投资企业2家."
    found = {m["value"]["value"]: m for m in metrics(nlp, text, date="2024-04-19") if m["value"]}
    assert found[9.0]["period"] == {"year": 2024, "start_month": 3, "end_month": 3}
    e = found[9.0]["evidence"]
    assert text[e[0]:e[1]].startswith("区内新增注册企业9家")
