"""The prefiltered scanners (``_SCAN_RE``) find exactly what the plain patterns find,
from every start position, on random text built from the grammar's own words and on real articles."""
import json
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from zone_ie import periods as P, quantities as Q
from zone_ie.io import read_text_file
from zone_ie.numerals import to_halfwidth
from zone_ie.repair import repair

ROOT = Path(__file__).resolve().parent.parent
UNITS = [f for f in Q._FORMS] + list(Q._CLASSIFIERS) + list(Q._QUAL)
WORDS = UNITS + ["第", "前", "榜首", "首位", "百分之", "分之", "季度", "上半年", "截至", "今年", "去年", "以来",
                 "月份", "年度", "上旬", "日", "号", "个", "同比", "增长", "提升", "下降", "/", "-", "−", "—", "~", "至", "到",
                 "约", "近", "最近", "签约", "不", "亿元", "万", "万余", "多", "余", ".", ",", "%", "2024", "1—8", "19", "20"]
CHARS = "0123456789零〇一二两三四五六七八九十百千万亿点第前榜首 \t\u00a0\n，。、；()（）年月日号季度半上下全截止今本当去前明同期近超约逾余多个元米吨人家位名强AaZz_.:/-−"
WORDS += P._NONE.replace("?", "").split("|") + ["近几年", "近些年", "年初", "截止到", "以来", "至今", "度末", "底", "末",
          "个月", "两个", "前两", "前三季度", "下半年", "全年", "一季度", "1-3", "十二", "二〇二三", "2023年"]
WORDS += Q._DATA["rank_verbs"] + list(Q._DATA["denominators"]) + list(Q._DATA["range_dashes"]) + list(Q._DATA["rank_context"])
WORDS += [w for ws in Q._DATA["qualifiers"]["suffix"].values() for w in ws]
WORDS += [w for ws in Q._DATA["qualifiers"]["prefix"].values() for w in ws]
arabic = st.one_of(st.integers(0, 3000).map(str), st.floats(0, 1000, allow_nan=False).map(lambda f: f"{f:.2f}"),
                   st.sampled_from(["1,234", "12,345.6", "0", "3", "2023", "1.5"]))
chinese = st.text(alphabet="零〇一二两三四五六七八九十百千万亿点", min_size=1, max_size=4)
blank = st.sampled_from(["", "", " ", "\t", "\u00a0", "  "])
word = st.sampled_from(WORDS)
piece = st.one_of(arabic, chinese, word, word, word, blank, st.text(alphabet=CHARS, min_size=1, max_size=3),
                  st.characters(min_codepoint=0x20, max_codepoint=0x9fff))
texts = st.lists(piece, max_size=30).map("".join)


def same_everywhere(plain, scan, t):
    for pos in range(len(t) + 1):
        a, b = plain.search(t, pos), scan.search(t, pos)
        if a is None or b is None:
            assert a is b, (t, pos, a, b)
            # plain found nothing from pos: nothing later either
            if a is None:
                return
        else:
            assert a.span() == b.span() and a.groupdict() == b.groupdict(), (t, pos, a, b)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts)
def test_quantity_scan_random(t):
    same_everywhere(Q.QUANTITY_RE, Q._SCAN_RE, t)


@settings(max_examples=400, deadline=None, suppress_health_check=list(HealthCheck))
@given(texts)
def test_period_scan_random(t):
    same_everywhere(P.PERIOD_RE, P._SCAN_RE, t)


def corpus():
    for p in sorted((ROOT / "seeds/docs").glob("*.txt")):
        yield read_text_file(p)
    for line in open(ROOT / "benchmarks/data/heldout_docs.jsonl", encoding="utf-8"):
        yield json.loads(line)["text"]


def test_real_texts_every_position():
    for raw in corpus():
        for t in (to_halfwidth(raw), to_halfwidth(repair(raw).text)):
            same_everywhere(Q.QUANTITY_RE, Q._SCAN_RE, t)
            same_everywhere(P.PERIOD_RE, P._SCAN_RE, t)
