"""Batch extraction: streaming, chunking of long documents, order, failures, n_process."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path

import pytest

from zone_ie.batch import BatchExtractor, Outcome, merge_clusters, merge_results, run_extract, split_chunks
from zone_ie.cli import main
from zone_ie.io import InputError, Record, iter_records, read_text_file
from zone_ie.models import Cluster, DocResult
from zone_ie.pipeline import load

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds" / "docs").glob("*.txt"))


@pytest.fixture(scope="module")
def nlp():
    return load(segmenter="char")


def seed_records() -> list[Record]:
    return [r for r in iter_records([ROOT / "seeds" / "docs"]) if isinstance(r, Record)]


def plain(nlp, rec: Record) -> DocResult:
    from zone_ie.pipeline import make_doc
    from zone_ie.result import doc_result

    return doc_result(nlp(make_doc(nlp, rec.text, rec.doc_id, rec.date)), doc_id=rec.doc_id, date=rec.date)


def check_offsets(text: str, r: DocResult) -> None:
    for e in r.entities:
        assert text[e.start : e.end] == e.text
    for f in r.facts:
        if f.evidence is not None:
            assert 0 <= f.evidence[0] < f.evidence[1] <= len(text)


# --- chunking --------------------------------------------------------------------


def test_split_chunks_covers_text_and_prefers_paragraph_breaks() -> None:
    para = "甲乙高新区今年一季度完成固定资产投资12亿元，同比增长5%。\n"
    text = para * 200
    spans = split_chunks(text, 1000)
    assert spans[0][0] == 0 and spans[-1][1] == len(text)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:]))
    assert all(0 < e - s <= 1000 for s, e in spans)
    # every cut falls right after a paragraph break
    assert all(text[e - 1] == "\n" for s, e in spans[:-1])
    assert len(spans) <= 2 * len(text) / 1000 + 1


def test_split_chunks_without_breaks_cuts_at_the_limit() -> None:
    text = "字" * 2500
    assert split_chunks(text, 1000) == [(0, 1000), (1000, 2000), (2000, 2500)]
    assert split_chunks(text, None) == [(0, 2500)]
    assert split_chunks("", 10) == [(0, 0)]


def test_merge_clusters_unions_shared_names() -> None:
    a = [Cluster(label="PARK", canonical="德州经济开发区", names=["德州经开区", "德州经济开发区"])]
    b = [Cluster(label="PARK", canonical="德州经开区", names=["德州经开区", "天衢新区"]),
         Cluster(label="COMPANY", canonical="天衢新区", names=["天衢新区"])]
    merged = merge_clusters([a, b])
    parks = [c for c in merged if c.label == "PARK"]
    assert len(parks) == 1 and set(parks[0].names) == {"德州经开区", "德州经济开发区", "天衢新区"}
    assert parks[0].canonical == "德州经济开发区"
    assert [c.label for c in merged].count("COMPANY") == 1  # labels never merge


def test_chunked_document_keeps_raw_offsets(nlp) -> None:
    recs = seed_records()[:3]
    text = "".join(r.text.rstrip("\n") + "。\n" for r in recs)
    rec = Record("long", text, "2024-05-01", "mem")
    (whole,) = BatchExtractor(nlp, chunk_chars=None).run([rec])
    (chunked,) = BatchExtractor(nlp, chunk_chars=6000).run([rec])
    assert chunked.ok and chunked.n_chunks > 2
    check_offsets(text, chunked.result)
    # each chunk is extracted like a document of its own, then shifted back
    spans = split_chunks(text, 6000)
    expected = merge_results("long", "2024-05-01",
                             [(s, plain(nlp, Record("x", text[s:e], "2024-05-01"))) for s, e in spans])
    assert chunked.result == expected
    # and most of what the whole document gives survives the cuts
    whole_ents = {(e.start, e.end, e.label) for e in whole.result.entities}
    chunk_ents = {(e.start, e.end, e.label) for e in chunked.result.entities}
    assert len(whole_ents & chunk_ents) >= 0.9 * len(whole_ents)
    assert chunked.result.doc_id == "long" and chunked.result.date == "2024-05-01"


# --- the extractor ---------------------------------------------------------------


def test_outcomes_follow_input_order_with_errors_in_place(nlp) -> None:
    recs = seed_records()
    items = [recs[0], InputError("bad", "bad.txt", "not valid UTF-8"), recs[1],
             Record("empty", "  \n", None, "e.txt"), Record("latin", "hello world", None, "l.txt"), recs[2]]
    out = list(BatchExtractor(nlp).run(items))
    assert [o.doc_id for o in out] == [recs[0].doc_id, "bad", recs[1].doc_id, "empty", "latin", recs[2].doc_id]
    assert [o.ok for o in out] == [True, False, True, False, False, True]
    assert out[3].error == "empty document" and out[4].error == "no Chinese text"
    for o, r in zip([out[0], out[2], out[5]], recs):
        assert o.result == plain(nlp, r)
        assert len(o.sha256) == 64 and o.n_chars == len(r.text)


@pytest.mark.parametrize("n_process", [1, 2])
def test_a_component_crash_fails_one_document_only(nlp, monkeypatch, n_process) -> None:
    recs = seed_records()
    boom = Record("boom", "爆炸高新区今年完成投资5亿元。", None, "boom.txt")
    relations = nlp.get_pipe("zone_relations")
    original = type(relations).__call__

    def flaky(self, doc):
        if "爆炸" in doc.text:
            raise RuntimeError("component exploded")
        return original(self, doc)

    monkeypatch.setattr(type(relations), "__call__", flaky)
    out = list(BatchExtractor(nlp, batch_size=2, n_process=n_process).run([recs[0], boom, recs[1]]))
    assert [o.doc_id for o in out] == [recs[0].doc_id, "boom", recs[1].doc_id]
    assert out[0].ok and out[2].ok and not out[1].ok
    assert "RuntimeError: component exploded" in out[1].error
    assert nlp.default_error_handler.__name__ != "_drop_failed"  # restored


def test_two_processes_give_the_same_results(nlp) -> None:
    recs = seed_records() * 2
    recs = [Record(f"{r.doc_id}-{i}", r.text, r.date, r.source) for i, r in enumerate(recs)]
    dated = Record("dated", "今年一季度，甲乙高新区完成固定资产投资12亿元，同比增长5%。", "2024-04-02", "d")
    items = recs[:3] + [InputError("x", "x.txt", "file not found"), dated] + recs[3:]
    names, tokenizer = list(nlp.pipe_names), nlp.tokenizer
    one = [o.to_dict() for o in BatchExtractor(nlp, n_process=1, batch_size=2).run(items)]
    two = [o.to_dict() for o in BatchExtractor(nlp, n_process=2, batch_size=2).run(items)]
    assert one == two
    assert nlp.pipe_names == names and nlp.tokenizer is tokenizer  # the pipeline is left as it was
    from srsly import msgpack

    for reg in (msgpack.msgpack_encoders, msgpack.msgpack_decoders):  # the frozen hook lookups are undone
        assert "get_all" not in vars(reg) and "numpy" in reg.get_all()
    assert len(one) == 12 and sum(o["status"] == "ok" for o in one) == 11
    (metric,) = [f for f in two[4]["result"]["facts"] if f["type"] == "metric"]
    assert two[4]["result"]["date"] == "2024-04-02" and metric["period"]["year"] == 2024  # the date reached the worker


def test_outcome_dict_round_trip(nlp) -> None:
    (o,) = BatchExtractor(nlp).run(seed_records()[:1])
    d = json.loads(json.dumps(o.to_dict(), ensure_ascii=False))
    assert Outcome.from_dict(d) == o


# --- the command -----------------------------------------------------------------


def test_extract_reads_globs_and_stdin_jsonl(tmp_path, monkeypatch, capsys) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(SEEDS[0], src / "a.txt")
    shutil.copy(SEEDS[1], src / "sub" / "b.txt")
    (src / "notes.md").write_text("不是输入", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src / "**" / "*.txt"), "-o", str(out), "--segmenter", "char", "-q"]) == 0
    assert [json.loads(l)["doc_id"] for l in out.read_text(encoding="utf-8").splitlines()] == ["a", "b"]

    lines = [json.dumps({"doc_id": "s1", "text": "今年一季度，甲乙高新区企业丙丁科技有限公司投产。", "date": "2024-04-02"},
                        ensure_ascii=False), "{not json", ""]
    stdin = io.TextIOWrapper(io.BytesIO("\n".join(lines).encode("utf-8")), encoding="utf-8", newline="")
    stdout = io.StringIO()
    summary = run_extract(["-"], nlp=load("char"), stdin=stdin, stdout=stdout, progress=False,
                          stderr=io.StringIO())
    docs = [json.loads(l) for l in stdout.getvalue().splitlines()]
    assert [d["doc_id"] for d in docs] == ["s1"] and docs[0]["date"] == "2024-04-02"
    assert summary.ok == 1 and summary.failed == 1


def test_progress_bar_only_on_a_tty(tmp_path, nlp) -> None:
    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    for stream, quiet, shown in ((Tty(), False, True), (Tty(), True, False), (io.StringIO(), False, False)):
        run_extract([str(SEEDS[0])], nlp=nlp, output=str(tmp_path / "o.jsonl"), progress=not quiet,
                    stderr=stream)
        assert ("doc/s" in stream.getvalue() or "doc]" in stream.getvalue()) == shown, (quiet, stream.getvalue())


def test_extract_summary_and_errors_file_next_to_output(tmp_path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(SEEDS[0], src / "good.txt")
    (src / "empty.txt").write_bytes(b"")
    out = tmp_path / "res" / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--segmenter", "char"]) == 1
    errors = [json.loads(l) for l in (tmp_path / "res" / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert errors == [{"doc_id": "empty", "source": str(src / "empty.txt"), "reason": "empty document",
                       "severity": "error"}]
    err = capsys.readouterr().err
    assert "1 documents extracted, 1 failed" in err and "empty document" in err
    # nothing failed -> status 0
    assert main(["extract", str(src / "good.txt"), "-o", str(out), "--segmenter", "char"]) == 0


def test_max_chars_is_an_error_and_chunk_chars_cuts(tmp_path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    text = read_text_file(SEEDS[0])
    (src / "doc.txt").write_text(text, encoding="utf-8", newline="")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(src), "-o", str(out), "--segmenter", "char", "--max-chars", "100", "-q"]) == 1
    (err,) = [json.loads(l) for l in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    assert err["reason"].startswith("too long")
    assert main(["extract", str(src), "-o", str(out), "--segmenter", "char", "--chunk-chars", "1500", "-q"]) == 0
    (r,) = [DocResult.model_validate_json(l) for l in out.read_text(encoding="utf-8").splitlines()]
    check_offsets(text, r)
    assert r.entities
