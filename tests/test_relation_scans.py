"""The relation extractor's fast scans agree with their plain definitions.

The speed work on ``zone_relations`` replaced word-list loops by indexed and
compiled scans; each must give exactly what the obvious loop gives, on the real
vocabularies and on adversarial word lists (overlapping words, empty words).
"""
from __future__ import annotations

from bisect import insort

from hypothesis import given, settings
from hypothesis import strategies as st

from zone_ie.relations.context import DocContext, Per, Qty, ends_any, has_any, starts_any
from zone_ie.relations.indicators import _forms, find_indicator, strip_words, vocab

V = vocab()
FORMS = [f for f, _ in _forms()]
WORD_LISTS = [
    V["value_verbs"] + V["scope_strip"],
    V["value_verbs"] + ["的"],
    ["与", "和", "的", "相关的公司"] + V["enterprise_nouns"],
    ["a", "ab", "b", "ba", "abc", "c", "a"],  # overlapping, repeated
]
PIECES = FORMS + [w for ws in WORD_LISTS for w in ws] + list("的和与了在年亿元中业ab") + [""]
phrases = st.lists(st.sampled_from(PIECES), max_size=6).map("".join)


def plain_find_indicator(phrase: str):
    """The definition: the longest form, the rightmost occurrence on ties."""
    best = None
    for form, ind in _forms():
        if best is not None and len(form) < best[2] - best[1]:
            break
        i = phrase.rfind(form)
        if i >= 0 and (best is None or i > best[1]):
            best = (ind, i, i + len(form))
    return best


def plain_strip_words(phrase: str, words: list[str], both: bool) -> str:
    """The definition: passes over the words longest first until nothing changes."""
    changed = True
    while changed and phrase:
        changed = False
        for w in sorted(words, key=len, reverse=True):
            if phrase.endswith(w):
                phrase, changed = phrase[: -len(w)], True
            elif both and phrase.startswith(w):
                phrase, changed = phrase[len(w):], True
    return phrase


@settings(max_examples=600, deadline=None)
@given(phrases)
def test_find_indicator_is_the_longest_rightmost_form(phrase):
    assert find_indicator(phrase) == plain_find_indicator(phrase)


@settings(max_examples=600, deadline=None)
@given(phrases, st.sampled_from(range(len(WORD_LISTS))), st.booleans())
def test_strip_words_matches_the_plain_loop(phrase, k, both):
    words = WORD_LISTS[k]
    assert strip_words(phrase, words, both) == plain_strip_words(phrase, words, both)


def test_strip_words_examples():
    assert strip_words("实现营业收入", V["value_verbs"]) == "营业收入"
    assert strip_words("abcab", ["ab", "c"]) == ""
    assert strip_words("xab", ["ab", "b"], both=False) == "x"
    assert strip_words("anything", ["", "x"]) == ""  # an empty word strips everything, as the loop does


words_lists = st.lists(st.sampled_from(["高新区", "新区", "区", "园", "同比", "增长", "", "(", "|", "a.b"]), max_size=5)
texts = st.lists(st.sampled_from(["高新", "区", "新区", "园区", "同比增长", "(", "|", "a.b", "axb", "x"]), max_size=6).map("".join)


@settings(max_examples=500, deadline=None)
@given(words_lists, texts)
def test_word_list_tests_match_any(words, text):
    assert has_any(words, text) == any(w in text for w in words)
    assert ends_any(text, words) == any(text.endswith(w) for w in words)
    assert starts_any(text, words) == any(text.startswith(w) for w in words)


spans = st.lists(st.tuples(st.integers(0, 60), st.integers(1, 12)), max_size=25)


def _ctx(qspans, pspans) -> DocContext:
    qtys: list = []
    for s, n in qspans:
        insort(qtys, Qty(s, s + n, "x" * n, {}), key=lambda q: q.start)
    pers: list = []
    for s, n in pspans:
        insort(pers, Per(s, s + n, "x" * n, None), key=lambda p: p.start)
    return DocContext(None, "x" * 80, [], qtys, pers)  # type: ignore[arg-type]


@settings(max_examples=400, deadline=None)
@given(spans, spans, st.integers(0, 75), st.integers(0, 75))
def test_range_lookups_match_filters(qspans, pspans, a, b):
    ctx = _ctx(qspans, pspans)
    start, end = min(a, b), max(a, b)
    assert ctx.qtys_in(start, end) == [q for q in ctx.qtys if start <= q.start and q.end <= end]
    assert ctx.pers_in(start, end) == [p for p in ctx.pers if start <= p.start and p.end <= end]
    assert ctx.qtys_starting(start, end) == [q for q in ctx.qtys if start <= q.start < end]
    for q in ctx.qtys:
        expected = any(p.start <= q.start < p.end or q.start <= p.start < q.end for p in ctx.pers)
        assert ctx.period_overlaps(q.start, q.end) == expected


def test_sentences_of_groups_by_paragraph():
    ctx = _ctx([], [])
    ctx.sentences = [(0, 5, 0), (5, 9, 0), (10, 20, 1), (21, 30, 3)]
    assert ctx.sentences_of(0) == [(0, 5, 0), (5, 9, 0)]
    assert ctx.sentences_of(1) == [(10, 20, 1)]
    assert ctx.sentences_of(2) == []
    ctx.sentences = ctx.sentences + [(31, 35, 3)]  # a new list is indexed anew
    assert ctx.sentences_of(3) == [(21, 30, 3), (31, 35, 3)]


clause_texts = st.lists(st.sampled_from(list("，,：:、。增长亿元x")), max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(clause_texts, st.integers(0, 32), st.integers(0, 32))
def test_clause_bounds_match_the_character_walk(text, a, b):
    from zone_ie.relations.context import clause_ends
    from zone_ie.relations.metrics import _clause_end, _clause_start

    ends = clause_ends()
    i = b
    while i > a and text[i - 1:i] and text[i - 1] not in ends:
        i -= 1
    if b <= len(text):
        assert _clause_start(text, a, b) == i
    j = a
    while j < b and j < len(text) and text[j] not in ends:
        j += 1
    if b <= len(text):
        assert _clause_end(text, a, b) == j
