"""Traditional characters: a simplified view with an exact map back to the raw text."""
from __future__ import annotations

from pathlib import Path

import opencc
import pytest
from spacy.tokens import Doc

import zone_ie
from zone_ie import convert
from zone_ie.io import read_text_file
from zone_ie.repair import RepairedText, repair
from zone_ie.resources import load_json

SEEDS = sorted((Path(__file__).parent.parent / "seeds" / "docs").glob("*.txt"))
S2T = opencc.OpenCC("s2t")
T2S = opencc.OpenCC("t2s")
EXAMPLE = ("合肥高新區前三季度實現規上工業總產值1523億元，同比增長6.1%。"
           "園區內企業合肥晶合集成電路股份有限公司投資建設新項目。")


def _check_offsets(raw: str, result) -> None:
    for e in result.entities:
        assert 0 <= e.start < e.end <= len(raw)
        assert raw[e.start : e.end] == e.text
    for f in result.facts:
        if f.evidence is not None:
            assert 0 <= f.evidence[0] <= f.evidence[1] <= len(raw)


def _names(result) -> list[str]:
    out = []
    for f in result.facts:
        for field in ("name", "alias", "company", "park", "subject"):
            v = getattr(f, field, None)
            if v:
                out.append(v)
    return out


def test_issue_example_gives_the_facts_of_its_simplified_version(nlp) -> None:
    trad = zone_ie.extract(EXAMPLE, date="2024-10-20", nlp=nlp)
    simp = zone_ie.extract(T2S.convert(EXAMPLE), date="2024-10-20", nlp=nlp)
    types = sorted(f.type for f in trad.facts)
    assert types == ["located_in", "metric", "project"]
    assert sorted(f.type for f in simp.facts) == types
    assert [(e.label, e.text) for e in trad.entities] == [("PARK", "合肥高新區"), ("COMPANY", "合肥晶合集成電路股份有限公司")]
    _check_offsets(EXAMPLE, trad)
    # facts and clusters name the park and the company as written
    loc = next(f for f in trad.facts if f.type == "located_in")
    assert (loc.company, loc.park) == ("合肥晶合集成電路股份有限公司", "合肥高新區")
    metric = next(f for f in trad.facts if f.type == "metric")
    assert metric.subject == "合肥高新區" and metric.indicator_text == "規上工業總產值"
    assert metric.value is not None and metric.value.value == pytest.approx(1523e8) and metric.yoy_pct == 6.1
    assert {c.canonical for c in trad.clusters} == {"合肥高新區", "合肥晶合集成電路股份有限公司"}
    # the same facts as the simplified text once converted back
    t = [T2S.convert(f.model_dump_json()) for f in trad.facts]
    assert t == [f.model_dump_json() for f in simp.facts]


def test_simplified_text_has_no_view() -> None:
    text = "合肥高新区前三季度实现规上工业总产值1523亿元。"
    assert not convert.has_traditional(text)
    assert convert.simplified_view(text) is None
    assert repair(text).view is None


def test_view_is_as_long_as_the_raw_text_and_repair_keeps_raw_offsets() -> None:
    raw = "合肥高新\n\n區前三季度實 現 規上工業總產值"
    view = convert.simplified_view(raw)
    assert view is not None and len(view) == len(raw)
    rep = repair(raw, view)
    assert rep.text == "合肥高新区前三季度实现规上工业总产值"
    assert rep.written == "合肥高新區前三季度實現規上工業總產值"
    for i in range(len(rep.text)):
        j = rep.to_raw(i)
        assert rep.written[i] == raw[j] and rep.text[i] == view[j]
    s, e = rep.span_to_raw(0, 5)
    assert raw[s:e] == "合肥高新\n\n區"
    again = RepairedText.from_runs(raw, rep.runs, rep.view)
    assert (again.text, again.written) == (rep.text, rep.written)


def test_view_survives_doc_serialization(nlp) -> None:
    doc = nlp.make_doc(EXAMPLE)  # what nlp.pipe(n_process=N) sends between processes
    back = Doc(nlp.vocab).from_bytes(doc.to_bytes())
    rep = back._.repair
    assert rep.raw == EXAMPLE and rep.text == doc.text and rep.written == EXAMPLE


def test_conversion_can_be_switched_off() -> None:
    nlp = zone_ie.load(**{"nlp.tokenizer.convert_traditional": False})
    doc = nlp(EXAMPLE)
    assert doc.text == EXAMPLE and doc._.repair.view is None


def test_as_written_maps_normalized_names_character_by_character() -> None:
    raw = "園區內企業（合肥）晶合集成電路股份有限公司"
    rep = repair(raw, convert.simplified_view(raw))
    assert convert.as_written("晶合集成电路", rep) == "晶合集成電路"
    # not in the text (half-width brackets): each character takes its raw form
    assert convert.as_written("(合肥)晶合集成电路", rep) == "(合肥)晶合集成電路"


def test_character_table_is_what_opencc_gives() -> None:
    assert load_json(convert.DATA)["chars"] == convert.build_table()


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name[:3])
def test_traditional_seed_gives_the_simplified_facts(nlp, path: Path) -> None:
    simp_raw = read_text_file(path)
    trad_raw = S2T.convert(simp_raw)
    assert len(trad_raw) == len(simp_raw)
    simp = zone_ie.extract(simp_raw, date="2024-06-30", nlp=nlp)
    trad = zone_ie.extract(trad_raw, date="2024-06-30", nlp=nlp)
    _check_offsets(trad_raw, trad)
    assert sorted(f.type for f in trad.facts) == sorted(f.type for f in simp.facts)
    assert len(trad.entities) == len(simp.entities)
    assert [(e.start, e.end) for e in trad.entities] == [(e.start, e.end) for e in simp.entities]
    # names as written: every fact name is in the traditional text, not only its simplified form
    written = trad_raw.replace("\n", "").replace(" ", "")
    assert all(T2S.convert(n) != n or n in written for n in _names(trad))


def test_show_page_prints_the_text_as_written(nlp) -> None:
    from zone_ie.show import render

    page = render(nlp(EXAMPLE))
    assert "合肥高新區" in page and "規上工業總產值" in page
    assert "合肥高新区" not in page


def test_benchmark_conversion_keeps_gold_offsets() -> None:
    """benchmarks/traditional.py: s2t keeps every seed's length, so gold offsets stay and the
    converted entity texts are what s2t makes of the simplified ones."""
    import json
    import sys

    sys.path.insert(0, str(Path(__file__).parent.parent / "benchmarks"))
    import traditional

    gold = [json.loads(l) for l in (Path(__file__).parent.parent / "seeds" / "gold.jsonl").read_text(
        encoding="utf-8").splitlines() if l.strip()]
    texts = {p.name[:-4]: read_text_file(p) for p in SEEDS}
    same = total = 0
    for g in gold:
        simp = texts[g["doc_id"]]
        trad = traditional.s2t_same_length(simp)
        assert len(trad) == len(simp)
        tg = traditional.convert_gold(g, simp, trad)
        for e, te in zip(g["entities"], tg["entities"]):
            assert (te["start"], te["end"]) == (e["start"], e["end"])
            assert trad[te["start"] : te["end"]] == te["text"]
            total += 1
            same += te["text"] == S2T.convert(e["text"])
    assert total > 100 and same / total > 0.95
