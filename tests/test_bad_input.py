"""Bad input never stops a batch and never loses the good documents."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zone_ie.cli import main
from zone_ie.io import InputError, Record, check_text, iter_records
from zone_ie.quantities import find_quantities, parse_quantity
from zone_ie.repair import repair

PARKS = ["甲乙高新区", "丙丁经济开发区", "戊己综合保税区", "庚辛产业园区", "壬癸新区"]


def good_text(i: int) -> str:
    return (f"{PARKS[i % 5]}今年1—{1 + i % 11}月规模以上工业总产值{10 + i}亿元，同比增长{i % 13}.5%。\n"
            f"{PARKS[(i + 1) % 5]}企业{'甲乙丙丁'[i % 4]}{'子丑寅卯'[i % 4]}科技有限公司落户，总投资{i + 2}亿元。\n")


# one file per bad-input class: (file name, bytes, expected reason prefix)
BAD_FILES = [
    ("gbk.txt", "甲乙高新区今年完成投资5亿元。".encode("gbk"), "not valid UTF-8"),
    ("truncated.txt", "甲乙高新区".encode("utf-8")[:-1], "not valid UTF-8"),
    ("utf16.txt", "甲乙高新区今年完成投资5亿元。".encode("utf-16"), "binary content (NUL bytes"),
    ("empty.txt", b"", "empty document"),
    ("blank.txt", b" \r\n\t\n\xe3\x80\x80\n", "empty document"),
    ("nul.txt", "甲乙高新区\x00\x00\x01今年".encode("utf-8"), "binary content (NUL bytes)"),
    ("png.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "binary content (NUL bytes"),
    ("english.txt", b"The Alxa high-tech zone grew 16.4% in the first quarter.\n", "no Chinese text"),
    ("huge.txt", ("甲乙高新区今年完成投资5亿元。" * 400).encode("utf-8"), "too long"),
]
# bad records inside one JSONL file: (line, expected reason prefix)
BAD_LINES = [
    ("{not json", "bad JSONL record"),
    (json.dumps({"doc_id": "nt", "date": "2024-01-01"}), "bad JSONL record"),
    (json.dumps({"doc_id": "ns", "text": 42}), "bad JSONL record"),
    (json.dumps({"doc_id": "je", "text": ""}), "empty document"),
    (json.dumps({"doc_id": "jn", "text": "甲乙\u0000高新区"}), "binary content"),
    ('{"doc_id": "js", "text": "\\ud800甲乙高新区"}', "invalid Unicode"),
    (json.dumps({"doc_id": "jl", "text": "甲" * 5000}), "too long"),
]
TRADITIONAL = "甲乙高新區今年1—3月完成固定資產投資12億元，同比增長16.4%。企業丙丁科技有限公司落戶園區。\n"


@pytest.fixture(scope="module")
def mixed_dir(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("mixed")
    for i in range(100):
        (src / f"good{i:03d}.txt").write_text(good_text(i), encoding="utf-8")
    for name, data, _ in BAD_FILES:
        (src / name).write_bytes(data)
    (src / "traditional.txt").write_text(TRADITIONAL, encoding="utf-8")
    (src / "records.jsonl").write_text(
        "\n".join([json.dumps({"doc_id": "jgood", "text": good_text(7)}, ensure_ascii=False)]
                  + [line for line, _ in BAD_LINES]) + "\n", encoding="utf-8")
    (src / "ignored.pdf").write_bytes(b"%PDF-1.4\x00\x00")  # not a .txt/.jsonl: not an input
    return src


def test_mixed_directory_keeps_every_good_document(mixed_dir, tmp_path, capsys) -> None:
    out, db = tmp_path / "out.jsonl", tmp_path / "facts.sqlite"
    code = main(["extract", str(mixed_dir), "-o", str(out), "--db", str(db), "--segmenter", "char",
                 "--max-chars", "3000", "-q"])
    assert code == 1
    docs = {json.loads(l)["doc_id"]: json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()}
    assert set(docs) == {f"good{i:03d}" for i in range(100)} | {"traditional", "jgood"}
    assert all(docs[f"good{i:03d}"]["facts"] for i in range(100))

    errors = [json.loads(l) for l in (tmp_path / "out.errors.jsonl").read_text(encoding="utf-8").splitlines()]
    by_id = {e["doc_id"]: e["reason"] for e in errors}
    assert len(errors) == len(by_id) == len(BAD_FILES) + len(BAD_LINES)  # one record per bad input
    for name, _, reason in BAD_FILES:
        assert by_id[name[:-4]].startswith(reason), (name, by_id[name[:-4]])
    for (line, reason), e in zip(BAD_LINES, [e for e in errors if e["source"].startswith(str(mixed_dir / "records.jsonl"))]):
        assert e["reason"].startswith(reason), (line, e)

    con = sqlite3.connect(db)
    assert con.execute("SELECT COUNT(*) FROM documents WHERE status = 'ok'").fetchone()[0] == 102
    assert dict(con.execute("SELECT doc_id, reason FROM errors").fetchall()) == by_id
    assert con.execute("SELECT COUNT(*) FROM documents WHERE status = 'error'").fetchone()[0] == len(by_id)

    err = capsys.readouterr().err
    assert "102 documents extracted, 16 failed" in err
    assert "not valid UTF-8" in err and "empty document" in err  # the summary by reason


def test_traditional_characters_are_processed_like_any_text(tmp_path) -> None:
    (tmp_path / "t.txt").write_text(TRADITIONAL, encoding="utf-8")
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(tmp_path / "t.txt"), "-o", str(out), "--segmenter", "char", "-q"]) == 0
    (doc,) = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    for e in doc["entities"]:
        assert TRADITIONAL[e["start"] : e["end"]] == e["text"]


def test_long_files_are_refused_without_being_read(tmp_path, monkeypatch) -> None:
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 50_000)
    import builtins

    reads = []
    real_open = builtins.open

    class Spy:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            self.f.__enter__()
            return self

        def __exit__(self, *a):
            return self.f.__exit__(*a)

        def fileno(self):
            return self.f.fileno()

        def read(self, *a):
            data = self.f.read(*a)
            reads.append(len(data))
            return data

    monkeypatch.setattr(builtins, "open", lambda *a, **k: Spy(real_open(*a, **k)))
    (err,) = list(iter_records([big], max_chars=1000))
    assert isinstance(err, InputError) and err.reason.startswith("too long")
    assert sum(reads) == 0


def test_check_text_classes() -> None:
    assert check_text("") == "empty document"
    assert check_text(" \n\u3000") == "empty document"
    assert check_text("甲\x00") == "binary content (NUL bytes)"
    assert check_text("abc 123") == "no Chinese text"
    assert check_text("甲乙高新區") is None
    assert check_text("甲" * 11, max_chars=10).startswith("too long")
    assert check_text("\udc80甲").startswith("invalid Unicode")


def test_oversized_jsonl_line_is_skipped_unread(tmp_path) -> None:
    p = tmp_path / "x.jsonl"
    p.write_text(json.dumps({"doc_id": "big", "text": "甲" * 100_000}, ensure_ascii=True) + "\n"
                 + json.dumps({"doc_id": "ok", "text": "甲乙高新区"}) + "\n", encoding="utf-8")
    out = list(iter_records([p], max_chars=1000))
    assert isinstance(out[0], InputError) and out[0].reason.startswith("too long")
    assert isinstance(out[1], Record) and out[1].doc_id == "ok"


# --- fuzzing the pure helpers on hostile text ------------------------------------------

HOSTILE = st.text(
    alphabet=st.one_of(
        st.sampled_from(list("零一二三四五六七八九十百千万亿两半余多超近约第个家吨元米亩%％．.,，、—-~～\n\r\t \u3000"
                             "０１２３４５６７８９()（）年月季度同比增长下降占比重")),
        st.sampled_from(["\x00", "\x0b", "\x1b", "\ufeff", "\u200b", "\u2028", "\ufffd", "𠀀", "é", "Ａ"]),
        st.characters(exclude_categories=("Cs",)),
    ),
    max_size=80,
)


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_repair_never_raises_and_maps_every_character(text: str) -> None:
    rep = repair(text)
    assert rep.raw == text
    assert rep.text == "".join(text[b : b + n] for _, b, n in rep.runs)
    prev = -1
    for i, ch in enumerate(rep.text):
        j = rep.to_raw(i)
        assert prev < j < len(text) and text[j] == ch
        prev = j
    s, e = rep.span_to_raw(0, len(rep.text))
    assert 0 <= s <= e <= len(text)


@settings(max_examples=300, deadline=None)
@given(HOSTILE)
def test_quantity_parser_never_raises_and_offsets_are_valid(text: str) -> None:
    q = parse_quantity(text)
    assert q is None or q.unit is not None
    last = 0
    for m in find_quantities(text):
        assert last <= m.start < m.end <= len(text)
        assert text[m.start : m.end] == m.text
        last = m.end


def test_the_library_refuses_invalid_unicode_in_plain_words(nlp) -> None:
    """``extract`` / ``make_doc`` on a string with a lone surrogate (a ``\\ud800`` JSON escape)
    raise a ValueError that names the problem and where it is, not spaCy's UnicodeEncodeError."""
    from zone_ie.pipeline import make_doc

    with pytest.raises(ValueError, match=r"not valid Unicode: a lone surrogate \(U\+D800\) at character 12"):
        make_doc(nlp, "青禾高新区产值增长8%。\ud800坏")


@pytest.mark.parametrize("value,words", [(None, "got NoneType"), (123, "got int"), (b"abc", "decode bytes as UTF-8")])
def test_the_library_refuses_a_text_that_is_no_string_in_plain_words(nlp, value, words) -> None:
    from zone_ie.pipeline import make_doc

    with pytest.raises(TypeError, match=words):
        make_doc(nlp, value)
