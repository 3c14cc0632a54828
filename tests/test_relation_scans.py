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
    """The definition: passes over the words longest first until nothing changes; a
    noun that begins with a strippable word (``有效…``, ``新型…``) is never cut open at the start."""
    kept = tuple(V["strip_keep_heads"] + V["scope_new_nouns"])
    changed = True
    while changed and phrase:
        changed = False
        for w in sorted(words, key=len, reverse=True):
            if phrase.endswith(w):
                phrase, changed = phrase[: -len(w)], True
            elif both and phrase.startswith(w) and not phrase.startswith(kept):
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


# --- the second round of fast paths -------------------------------------------------------

from collections import Counter  # noqa: E402

from zone_ie.models import LocatedInFact, MetricFact, ProjectFact, Quantity  # noqa: E402
from zone_ie.names import project_names_match  # noqa: E402
from zone_ie.extensions import span_values  # noqa: E402
from zone_ie.relations import context as C  # noqa: E402
from zone_ie.relations import dedupe as D  # noqa: E402
from zone_ie.relations import indicators as I  # noqa: E402
from zone_ie.relations import metrics as M  # noqa: E402
from zone_ie.relations import project_merge as PM  # noqa: E402
from zone_ie.relations import project_names as PN  # noqa: E402
from zone_ie.relations import projects as P  # noqa: E402
from zone_ie.relations import topics as T  # noqa: E402

walk_texts = st.lists(st.sampled_from(list("，,：:。；、 aB1高新区项目建设的在") + ["\n", "𠀀"]), max_size=40).map("".join)


@settings(max_examples=400, deadline=None)
@given(walk_texts, st.integers(-2, 42), st.integers(-2, 42))
def test_after_last_is_the_backward_walk(text, lo, pos):
    lo, pos = max(0, min(lo, len(text))), max(0, min(pos, len(text)))
    i = pos
    while i > lo and text[i - 1] not in "，,：:":
        i -= 1
    assert C.after_last(text, "，,：:", lo, pos) == i


@settings(max_examples=300, deadline=None)
@given(walk_texts, st.lists(st.tuples(st.integers(0, 40), st.integers(1, 4)), max_size=6))
def test_clause_bounds_equal_one_figure_at_a_time(text, raw):
    s, e = 0, len(text)
    qtys = sorted((Qty(a, min(a + n, e), "", {}) for a, n in raw if a < e), key=lambda q: q.start)
    expected = [(M._clause_start(text, s, q.start), M._clause_end(text, q.end, e)) for q in qtys]
    assert M._clause_bounds(text, s, e, qtys) == expected


@settings(max_examples=300, deadline=None)
@given(walk_texts, st.integers(-45, 45), st.integers(-45, 45))
def test_last_stops_read_bounds_like_rfind(text, lo, hi):
    found = {w: text.rfind(w, lo, hi) for w in C.longest_first("project_left_stops")}
    assert PN._last_stops(text, lo, hi) == {w: k for w, k in found.items() if k >= 0}


@settings(max_examples=300, deadline=None)
@given(walk_texts, st.integers(0, 40), st.integers(0, 40))
def test_clause_edge_is_the_name_walk(text, s, end):
    s, end = min(s, len(text)), min(end, len(text))
    i = end
    while i > s and end - i < PN._MAX_NAME and (text[i - 1] not in PN.NAME_BREAK or PN._ascii_space(text, i - 1)):
        i -= 1
    assert PN._clause_edge(text, s, end) == i


names = st.lists(st.sampled_from(list("甲乙丙丁年产万吨项目一期（）( ) ")), max_size=12).map("".join)


@settings(max_examples=500, deadline=None)
@given(names, names)
def test_names_match_is_project_names_match(a, b):
    assert PM._names_match(a, b) == project_names_match(a, b)


def test_cue_tests_by_key_equal_has_any():
    texts = ["园区企业同比增长", "该高新区", "据介绍，截至目前", "", "总投资10亿元"]
    for key, words in C.cues().items():
        if isinstance(words, list) and all(isinstance(w, str) for w in words):
            for t in texts + words[:3]:
                assert C.has_cue(key, t) == has_any(words, t), key
    for key, words in I.vocab().items():
        if isinstance(words, list) and all(isinstance(w, str) for w in words):
            for t in texts + words[:3]:
                assert I.has_vocab(key, t) == has_any(words, t), key


han = st.lists(st.sampled_from(list("高新区产业园同比增长ab，\n\r") + ["𠀀", "\ud800"]), max_size=60).map("".join)


@settings(max_examples=300, deadline=None)
@given(han)
def test_paragraph_bigrams_count_like_the_strings(text):
    paras = C.split_paragraphs(text)
    coded = T._ParagraphBigrams(text, paras)
    for i, p in enumerate(paras):
        want = Counter((ord(a) << 16) | ord(b) for a, b in (pair for pair in T._bigram_list(text[p.start:p.end])))
        assert coded.counts([i]) == want
    assert coded.counts(list(range(len(paras)))) == sum(
        (coded.counts([i]) for i in range(len(paras))), Counter())


def _metric(subject, value, ev):
    return MetricFact(subject=subject, indicator="gdp", value=Quantity(value=value, unit="CNY"), evidence=ev)


def _plain_dedupe(facts: list) -> list:
    """The definition of dedupe: the first fact of each key, in order."""
    plain, seen = [], set()
    for f in facts:
        k = D.fact_key(f)
        if k not in seen:
            seen.add(k)
            plain.append(f)
    return plain


def test_dedupe_keeps_the_first_of_each_fact():
    facts = [
        _metric("A", 1.0, (0, 1)), _metric("A", 1.0, (5, 6)), _metric("A", -0.0, (1, 2)),
        _metric("A", 0.0, (2, 3)), _metric("B", 1.0, (3, 4)),
        LocatedInFact(company="X", park="A", evidence=(0, 1)), LocatedInFact(company="X", park="A", evidence=(9, 9)),
        ProjectFact(name="P", company="X"), ProjectFact(name="P", company="X", status="signed"),
        ProjectFact(name="P", company="X"),
    ]
    plain = _plain_dedupe(facts)
    assert D.dedupe(facts) == plain
    assert len(plain) == 7


def _seed_docs(nlp):
    from pathlib import Path

    from zone_ie.io import read_text_file

    root = Path(__file__).resolve().parents[1] / "seeds" / "docs"
    return [nlp(read_text_file(p)) for p in sorted(root.glob("*.txt"))]


def test_document_indexes_equal_range_lookups(nlp):
    for doc in _seed_docs(nlp):
        ctx = C.build_context(doc)
        by_sentence = ctx.ents_by_sentence()
        for i, (s, e, _) in enumerate(ctx.sentences):
            assert by_sentence[i] == ctx.ents_in(s, e)
        for i, p in enumerate(ctx.paragraphs):
            assert ctx.ents_of(i) == ctx.ents_in(p.start, p.end)
            assert ctx.ents_in(p.start, p.end, "PARK") == [x for x in ctx.ents_of(i) if x.label == "PARK"]
        articles = {p.article for p in ctx.paragraphs}
        for pos in range(0, len(ctx.text) + 1, 7):
            for art in articles:
                plain = [x for x in ctx.ents if x.label == "PARK" and x.end <= pos and ctx.article_at(x.start) == art]
                assert ctx.parks_before(pos, art) == plain
        assert any(ctx.parks_before(len(ctx.text), art) for art in articles)
        for group, attr in (("quantities", "quantity"), ("periods", "period")):
            public = [(sp.start_char, sp.end_char, getattr(sp._, attr)) for sp in doc.spans[group]]
            assert span_values(doc, group, attr) == public


def test_memoized_subjects_and_periods_equal_fresh_ones(nlp):
    # per-document memos (subjects, carried subjects and periods) answer as a context
    # that has answered nothing before
    from zone_ie.relations.periods_of import period_for
    from zone_ie.relations.subjects import _explicit_subject, explicit_subject, subject_for

    for doc in _seed_docs(nlp)[:3]:
        ctx = C.build_context(doc)
        for s, e, _ in ctx.sentences:
            for q in ctx.qtys_in(s, e):
                assert explicit_subject(ctx, s, q.start) == _explicit_subject(C.build_context(doc), s, q.start)
                assert subject_for(ctx, q.start, s) == subject_for(C.build_context(doc), q.start, s)
                assert period_for(ctx, q.start, s) == period_for(C.build_context(doc), q.start, s)


# --- the third round: project, located_in and final-step fast paths ----------------------

from zone_ie.relations import located as L  # noqa: E402
from zone_ie.relations.context import Ent  # noqa: E402

park_texts = st.sampled_from(["甲", "甲乙", "甲乙丙", "乙", "甲乙产业园", "甲产业园", "丙"])
mentions = st.lists(st.tuples(st.integers(0, 2), park_texts, st.sampled_from(["PARK", "PARK", "COMPANY"]),
                              st.sampled_from(["k1", "k2", None])), max_size=10)


def _ents(raw) -> list[Ent]:
    """Sorted, non-overlapping mentions (key None: the text is the key)."""
    out, pos = [], 0
    for gap, text, label, key in raw:
        pos += gap
        out.append(Ent(pos, pos + len(text), label, text, key or text))
        pos += len(text)
    return out


@settings(max_examples=300, deadline=None)
@given(mentions)
def test_zone_ending_at_is_the_scan_of_all_mentions(raw):
    ents = _ents(raw)
    text = "的" * ((ents[-1].end if ents else 0) + 2)  # no containment anaphor: mentions only
    ctx = DocContext(None, text, ents, [], [])  # type: ignore[arg-type]
    for pos in range(len(text) + 1):
        plain = next((a for a in ents if a.label == "PARK" and a.end == pos), None)
        assert L._zone_ending_at(ctx, pos) is plain


@settings(max_examples=500, deadline=None)
@given(names, names)
def test_shared_characters_are_the_counter_intersection(a, b):
    assert PM._shared(Counter(a), Counter(b)) == sum((Counter(a) & Counter(b)).values())


def _plain_canonical_names(pairs):
    """The definition: Counter per cluster, most frequent mention, longer on ties."""
    counts: dict[str, Counter] = {}
    key_of: dict[str, str] = {}
    for text, key in pairs:
        key = key_of.setdefault(text, key or text)
        counts.setdefault(key, Counter())[text] += 1
    best = {k: max(c, key=lambda t: (c[t], len(t))) for k, c in counts.items()}
    return {text: best[key] for text, key in key_of.items()}


name_pairs = st.lists(st.tuples(st.sampled_from(["A", "AB", "B", "BA", "C"]), st.sampled_from(["", "k", "A", "B"])), max_size=12)


@settings(max_examples=500, deadline=None)
@given(name_pairs)
def test_canonical_names_match_the_counter_definition(pairs):
    got, plain = D.canonical_names(pairs), _plain_canonical_names(pairs)
    assert list(got.items()) == list(plain.items())


facts = st.lists(st.one_of(
    st.builds(lambda s, v: _metric(s, v, (0, 1)), st.sampled_from("AB"), st.sampled_from([0.0, -0.0, 1.0])),
    st.builds(lambda c, p: LocatedInFact(company=c, park=p, evidence=(0, 1)), st.sampled_from("XY"), st.sampled_from("AB")),
    st.builds(lambda n, s: ProjectFact(name=n, company="X", status=s), st.sampled_from("PQ"), st.sampled_from([None, "signed"])),
), max_size=12)


@settings(max_examples=300, deadline=None)
@given(facts, st.lists(st.integers(0, 11), max_size=4))
def test_dedupe_is_the_plain_key_loop(fs, again):
    fs = fs + [fs[i] for i in again if i < len(fs)]  # the same fact object twice, too
    assert [id(f) for f in D.dedupe(fs)] == [id(f) for f in _plain_dedupe(fs)]


def test_sentence_prechecks_skip_only_empty_work(nlp):
    # a sentence without a project word finds no respective, listed or suffix-named
    # project; a list with no place to cut has one item at most
    for doc in _seed_docs(nlp):
        ctx = C.build_context(doc)
        for s, e, _ in ctx.sentences:
            if not P._name_words().search(ctx.text, s, e):
                assert P._respective_projects(ctx, s, e) == []
                assert P._list_projects(ctx, s, e) == []
                assert PN.find_names(ctx, s, e) == []
            for hi in range(s, e + 1, 3):
                if not P._list_cuts().search(ctx.text, s, hi):
                    assert len(P._split_items(ctx, s, hi)) <= 1
