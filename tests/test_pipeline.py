"""The pipeline end to end: raw offsets, both segmenters, serialization."""
from __future__ import annotations

import json
import warnings
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
import spacy

import zone_ie
from zone_ie.align import ensure_boundaries, exact_span
from zone_ie.io import iter_records, read_text_file
from zone_ie.models import DocResult
from zone_ie.setup_model import ModelMissingError, require_model

ROOT = Path(__file__).parent.parent
SEED_DIR = ROOT / "seeds" / "docs"
SEEDS = sorted(SEED_DIR.glob("*.txt"))


@pytest.fixture(scope="session")
def nlp_char(nlp):
    return nlp  # the shared char pipeline (conftest.py)


@pytest.fixture(scope="session")
def nlp_pkuseg():
    return zone_ie.load(segmenter="pkuseg")


def results(nlp) -> dict[str, DocResult]:
    return {p.stem: zone_ie.extract(read_text_file(p), doc_id=p.stem, nlp=nlp) for p in SEEDS}


@pytest.fixture(scope="session")
def char_results(nlp_char):
    return results(nlp_char)


@pytest.fixture(scope="session")
def pkuseg_results(nlp_pkuseg):
    return results(nlp_pkuseg)


def test_pipeline_components_in_order(nlp_char) -> None:
    assert nlp_char.pipe_names == ["zone_normalizer", "zone_entity_ruler", "zone_relations", "zone_fact_filter"]
    assert nlp_char.tokenizer.segmenter == "char"


def test_doc_is_repaired_and_knows_raw_text(nlp_char) -> None:
    raw = "今年第\n\n一季度，阿拉\n\n善高新区固定资产投资同比增长 16.4%。"
    doc = nlp_char(raw)
    assert doc.text == "今年第一季度，阿拉善高新区固定资产投资同比增长16.4%。"
    assert doc._.raw_text == raw
    ents = [e for e in doc.ents if e.label_ == "PARK"]
    assert [e.text for e in ents] == ["阿拉善高新区"]
    s, e = ents[0]._.raw_offsets
    assert raw[s:e] == "阿拉\n\n善高新区"


@pytest.mark.parametrize("seg", ["char", "pkuseg"])
def test_every_entity_text_is_the_raw_slice(seg, char_results, pkuseg_results) -> None:
    res = char_results if seg == "char" else pkuseg_results
    total = 0
    for doc_id, r in res.items():
        raw = read_text_file(SEED_DIR / f"{doc_id}.txt")
        for ent in r.entities:
            assert ent.text == raw[ent.start : ent.end]
            total += 1
        for f in r.facts:
            if f.evidence is not None:
                s, e = f.evidence
                assert 0 <= s <= e <= len(raw)
    assert total > 100


def test_results_do_not_depend_on_the_segmenter(char_results, pkuseg_results) -> None:
    for doc_id in char_results:
        assert char_results[doc_id].to_json_dict() == pkuseg_results[doc_id].to_json_dict(), doc_id


def test_pkuseg_tokens_are_split_to_fit_spans(nlp_pkuseg) -> None:
    doc = nlp_pkuseg.make_doc("卧龙电气驱动集团股份有限公司年产1.5万吨高性能材料")
    start = doc.text.index("万吨")
    span = exact_span(doc, start, start + 2, "Q")
    assert span is not None and span.text == "万吨"
    assert "".join(t.text_with_ws for t in doc) == doc.text


def test_ensure_boundaries_is_noop_on_existing_edges(nlp_char) -> None:
    doc = nlp_char.make_doc("高新区企业")
    before = [t.text for t in doc]
    ensure_boundaries(doc, [0, 1, 2, 5])
    assert [t.text for t in doc] == before


def test_pipeline_survives_to_disk_and_spacy_load(tmp_path, nlp_char) -> None:
    nlp_char.to_disk(tmp_path / "pipe")
    loaded = spacy.load(tmp_path / "pipe")
    assert loaded.pipe_names == nlp_char.pipe_names
    for p in SEEDS:
        raw = read_text_file(p)
        a = zone_ie.extract(raw, doc_id=p.stem, nlp=nlp_char).to_json_dict()
        b = zone_ie.extract(raw, doc_id=p.stem, nlp=loaded).to_json_dict()
        assert a == b


def test_pkuseg_pipeline_survives_to_bytes(nlp_pkuseg) -> None:
    data = nlp_pkuseg.to_bytes()
    clone = zone_ie.load(segmenter="char").from_bytes(data)
    assert clone.tokenizer.segmenter == "pkuseg"
    raw = read_text_file(SEEDS[0])
    assert zone_ie.extract(raw, nlp=clone) == zone_ie.extract(raw, nlp=nlp_pkuseg)


def test_result_is_spec_jsonl(char_results) -> None:
    for r in char_results.values():
        line = r.to_jsonl()
        obj = json.loads(line)
        assert set(obj) == {"doc_id", "date", "entities", "clusters", "facts"}
        assert DocResult.model_validate(obj) == r
        for c in obj["clusters"]:
            assert c["canonical"] in c["names"]


def test_doc_facts_are_typed(nlp_char) -> None:
    doc = nlp_char(read_text_file(SEEDS[1]))
    assert doc._.facts, "the seed declares aliases"
    assert all(isinstance(f, zone_ie.AliasFact | zone_ie.MetricFact | zone_ie.LocatedInFact | zone_ie.ProjectFact)
               for f in doc._.facts)


def test_missing_model_says_how_to_install(tmp_path, monkeypatch) -> None:
    with pytest.raises(ModelMissingError, match="zone-ie setup"):
        require_model(tmp_path)
    monkeypatch.setenv("ZONE_IE_CACHE", str(tmp_path))
    with pytest.raises(ModelMissingError):
        zone_ie.load(segmenter="pkuseg")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        nlp = zone_ie.load(segmenter="auto")
    assert nlp.tokenizer.segmenter == "char"
    assert any("zone-ie setup" in str(w.message) for w in caught)


def test_bom_is_dropped_before_offsets(nlp_char) -> None:
    raw = "包头稀土高新区企业"
    a = zone_ie.extract("\ufeff" + raw, nlp=nlp_char)
    b = zone_ie.extract(raw, nlp=nlp_char)
    assert a.entities == b.entities and a.entities[0].start == 0


def test_jsonl_input_records(tmp_path) -> None:
    src = tmp_path / "in.jsonl"
    src.write_text(
        json.dumps({"doc_id": "a", "text": "甲高新区", "date": "2023-05-01"}, ensure_ascii=False) + "\n"
        + "not json\n"
        + json.dumps({"text": "乙"}) + "\n",
        encoding="utf-8",
    )
    recs = list(iter_records([src]))
    assert recs[0].doc_id == "a" and recs[0].date == "2023-05-01"
    assert type(recs[1]).__name__ == "InputError" and "bad JSONL" in recs[1].reason
    assert recs[2].doc_id == "in:3"


def test_spans_survive_later_token_splits(nlp_pkuseg) -> None:
    """A component that splits tokens must not shift spans set by an earlier one."""
    doc = nlp_pkuseg.make_doc("今年1-8月，临川高新区完成投资134个项目，总投资51.5亿元。")
    q = exact_span(doc, doc.text.index("51.5亿元"), doc.text.index("51.5亿元") + 6, "Q")
    doc.spans["quantities"] = [q]
    for i in range(1, len(doc.text)):
        ensure_boundaries(doc, [i])
    (span,) = doc.spans["quantities"]
    assert span.text == "51.5亿元" and span.label_ == "Q"


@pytest.mark.parametrize("group", ["quantities", "periods"])
def test_normalizer_spans_match_their_characters(group, nlp_pkuseg) -> None:
    doc = nlp_pkuseg(read_text_file(SEEDS[4]))
    assert len(doc.spans[group]) > 5
    for span in doc.spans[group]:
        assert span.text == doc.text[span.start_char : span.end_char]


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab中园 \n\t\u3000")), max_size=30))
def test_char_segmentation_equals_spacy_words_and_spaces(text: str) -> None:
    from spacy import util

    from zone_ie.tokenizer import char_words_and_spaces

    words, spaces = util.get_words_and_spaces([c for c in text if not c.isspace()], text)
    assert char_words_and_spaces(text) == (list(words), list(spaces))


def test_span_values_read_back_through_the_public_accessors(nlp) -> None:
    # the normalizer writes span values straight into spaCy's user_data key and the
    # relation extractor reads them there: both must agree with ``span._``
    from zone_ie.periods import parse_period
    from zone_ie.quantities import parse_quantity

    doc = nlp("2023年1—6月，临川高新区规上工业增加值52.3亿元，同比增长8.1%。")
    quantities = {s.text: s._.quantity for s in doc.spans["quantities"]}
    assert quantities["52.3亿元"] == parse_quantity("52.3亿元").model_dump()
    assert quantities["8.1%"]["value"] == 8.1 and quantities["8.1%"]["unit"] == "%"
    (period,) = doc.spans["periods"]
    assert period._.period == parse_period(period.text).model_dump()
    (m,) = [f for f in doc._.facts if f.type == "metric"]
    assert m.value.value == 5.23e9 and m.yoy_pct == 8.1


def test_char_tokenizer_creates_common_lexemes_at_load() -> None:
    # the first documents do not pay for creating their characters' lexemes, and
    # a preloaded lexeme is the one a later Doc would have created (same attributes)
    from spacy.tokens import Doc

    from zone_ie.tokenizer import ZoneTokenizer, common_characters

    chars = common_characters()
    assert len(chars) > 3755 and {"园", "区", "，", "。", "“", "%", "A"} <= set(chars)
    vocab = spacy.blank("zh").vocab
    assert not any(c in vocab.strings for c in "高新区产业园")
    tok = ZoneTokenizer(vocab, segmenter="char")
    assert all(c in vocab.strings for c in "高新区产业园，。")
    fresh = spacy.blank("zh").vocab
    text = "高新区A公司产值12.5亿元，同比增长16.4%。"
    doc, plain = tok(text), Doc(fresh, words=list(text))
    assert [t.text for t in doc] == [t.text for t in plain]
    assert [(t.is_alpha, t.like_num, t.is_punct, t.shape_) for t in doc] == [
        (t.is_alpha, t.like_num, t.is_punct, t.shape_) for t in plain]
