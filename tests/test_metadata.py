"""Bad metadata, plain-words errors and duplicate doc_ids (JSONL errors file and store)."""
from __future__ import annotations

import json
import re
import sqlite3
import warnings
from pathlib import Path

import pytest

import zone_ie
from zone_ie.batch import run_extract
from zone_ie.cli import build_parser, main
from zone_ie.io import Record, check_date, iter_records
from zone_ie.store import Store

TEXT_A = "甲乙高新区今年1—6月完成固定资产投资12亿元，同比增长5.5%。"
TEXT_B = "丙丁经济开发区今年1—6月完成固定资产投资30亿元，同比增长8.5%。"
# what a reason must never show: Python's own words
INTERNALS = re.compile(r"'text'|'date'|'doc_id'|list indices|KeyError|TypeError|AttributeError|object is not|NoneType")


def _jsonl(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n"
                            for r in rows), encoding="utf-8")
    return path


def _lines(path: Path) -> list[dict]:
    return [json.loads(l) for l in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("value", ["not-a-date", "2024-13-45", "2024-02-30", "2024/01/05", "", 20240105,
                                   ["2024-01-05"], True])
def test_invalid_dates_are_dropped_with_a_warning(value) -> None:
    date, warning = check_date(value)
    assert date is None
    assert warning is not None and warning.startswith('field "date"')
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        assert json.dumps(value) in warning  # names the value as given


def test_valid_dates_pass() -> None:
    assert check_date("2024-02-29") == ("2024-02-29", None)
    assert check_date(None) == (None, None)


def test_bad_dates_are_never_stored_and_warnings_reach_errors_file_and_table(tmp_path, nlp) -> None:
    src = _jsonl(tmp_path / "feed.jsonl", [
        {"doc_id": "j1", "text": TEXT_A, "date": "2024-07-01"},
        {"doc_id": "j4", "text": TEXT_A, "date": "not-a-date"},
        {"doc_id": "j5", "text": TEXT_B, "date": "2024-13-45"},
        {"doc_id": "j6", "text": TEXT_B, "date": 20240701},
    ])
    out, db = tmp_path / "out.jsonl", tmp_path / "facts.sqlite"
    summary = run_extract([str(src)], nlp=nlp, output=str(out), db=str(db), progress=False)
    assert (summary.ok, summary.failed, summary.warned) == (4, 0, 3)
    dates = {r["doc_id"]: r["date"] for r in _lines(out)}
    assert dates == {"j1": "2024-07-01", "j4": None, "j5": None, "j6": None}
    errors = {e["doc_id"]: e for e in _lines(tmp_path / "out.errors.jsonl")}
    assert set(errors) == {"j4", "j5", "j6"}
    assert all(e["severity"] == "warning" for e in errors.values())
    assert '"not-a-date"' in errors["j4"]["reason"] and '"2024-13-45"' in errors["j5"]["reason"]
    assert "20240701" in errors["j6"]["reason"] and 'field "date"' in errors["j6"]["reason"]
    con = sqlite3.connect(db)
    assert dict(con.execute("SELECT doc_id, date FROM documents")) == dates
    rows = con.execute("SELECT doc_id, reason, severity FROM errors ORDER BY doc_id").fetchall()
    assert [(d, s) for d, _, s in rows] == [("j4", "warning"), ("j5", "warning"), ("j6", "warning")]
    assert [r for _, r, _ in rows] == [errors[d]["reason"] for d in ("j4", "j5", "j6")]
    # warnings do not hide facts: the document was processed
    assert con.execute("SELECT COUNT(*) FROM facts WHERE doc_id = 'j4'").fetchone()[0] > 0


def test_library_drops_an_invalid_date_with_a_warning(nlp) -> None:
    with pytest.warns(UserWarning, match='field "date"'):
        result = zone_ie.extract(TEXT_A, date="2024-13-45", nlp=nlp)
    assert result.date is None
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert zone_ie.extract(TEXT_A, date="2024-07-01", nlp=nlp).date == "2024-07-01"


def test_bad_records_get_plain_word_errors(tmp_path) -> None:
    src = _jsonl(tmp_path / "bad.jsonl", [
        [1, 2, 3],
        "\"just a string\"",
        "42",
        {"doc_id": "nt", "date": "2024-01-01"},
        {"doc_id": "ns", "text": 42},
        {"doc_id": "nl", "text": ["a", "b"]},
        {"doc_id": {"x": 1}, "text": TEXT_A},
        "{not json",
    ])
    recs = list(iter_records([str(src)]))
    reasons = [r.reason for r in recs]
    assert all(not isinstance(r, Record) for r in recs)
    assert reasons == [
        "bad JSONL record: record is not a JSON object (found an array)",
        "bad JSONL record: record is not a JSON object (found a string)",
        "bad JSONL record: record is not a JSON object (found a number)",
        'bad JSONL record: missing field "text"',
        'bad JSONL record: field "text" is not a string (found a number)',
        'bad JSONL record: field "text" is not a string (found an array)',
        'bad JSONL record: field "doc_id" is not a string (found an object)',
        "bad JSONL record: not valid JSON (Expecting property name enclosed in double quotes at column 2)",
    ]
    assert not any(INTERNALS.search(r) for r in reasons)


def test_dask_records_get_plain_word_errors() -> None:
    from zone_ie.dask import _parse_line, _to_item

    assert _to_item({"doc_id": "a"}).reason == 'bad record: missing field "text"'
    assert _to_item({"doc_id": "a", "text": 3}).reason == 'bad record: field "text" is not a string (found a number)'
    assert _to_item([1]).reason == "bad record: record is not a JSON object (found an array)"
    rec = _to_item({"doc_id": "a", "text": TEXT_A, "date": "2024-13-45"})
    assert isinstance(rec, Record) and rec.date is None and 'field "date"' in rec.warnings[0]
    assert "record is not a JSON object" in _parse_line("[1]")["reason"]
    assert not any(INTERNALS.search(_to_item(x).reason) for x in ({"doc_id": "a"}, [1], {"doc_id": "a", "text": 3}))


def test_duplicate_doc_id_in_one_run_keeps_the_first(tmp_path, nlp) -> None:
    src = _jsonl(tmp_path / "feed.jsonl", [
        {"doc_id": "a1", "text": TEXT_A},
        {"doc_id": "a1", "text": TEXT_B},  # other content: an error, never a replacement
        {"doc_id": "a1", "text": TEXT_A},  # the same document again: skipped quietly
        {"doc_id": "a2", "text": TEXT_B},
    ])
    out, db = tmp_path / "out.jsonl", tmp_path / "facts.sqlite"
    summary = run_extract([str(src)], nlp=nlp, output=str(out), db=str(db), progress=False)
    assert (summary.ok, summary.failed, summary.repeated) == (2, 1, 1)
    results = _lines(out)
    assert [r["doc_id"] for r in results] == ["a1", "a2"]
    a1 = results[0]
    assert any(e["text"] == "甲乙高新区" for e in a1["entities"])
    (err,) = _lines(tmp_path / "out.errors.jsonl")
    assert err["doc_id"] == "a1" and err["source"].endswith(":2") and err["severity"] == "error"
    assert err["reason"].startswith("duplicate doc_id a1: first kept")
    with Store(db) as s:
        stored = {r.doc_id: r for r in s.results()}
        assert stored["a1"].to_json_dict() == a1
        assert s.conn.execute("SELECT reason FROM errors WHERE doc_id = 'a1'").fetchone()[0] == err["reason"]


def test_changed_document_against_the_store_needs_replace(tmp_path) -> None:
    db = tmp_path / "facts.sqlite"
    doc = tmp_path / "in" / "x1.txt"
    doc.parent.mkdir()
    doc.write_text(TEXT_A, encoding="utf-8")
    base = ["extract", str(doc.parent), "--db", str(db), "-q"]
    assert main(base) == 0
    with Store(db) as s:
        first = s.dump()
    assert main(base) == 0  # identical content: idempotent, no error
    with Store(db) as s:
        assert s.dump() == first
    doc.write_text(TEXT_B, encoding="utf-8")
    assert main(base) == 1  # other content under the same doc_id: refused
    with Store(db) as s:
        refused = s.dump()
    assert refused["facts"] == first["facts"] and refused["documents"] == first["documents"]
    (row,) = refused["errors"]
    assert row[0] == "x1" and "stored with other content" in row[2] and "--replace" in row[2]
    assert main(base + ["--replace"]) == 0
    with Store(db) as s:
        replaced = s.dump()
        (res,) = list(s.results())
    assert replaced["errors"] == [] and replaced["facts"] != first["facts"]
    assert [e.text for e in res.entities] == ["丙丁经济开发区"]


def test_replace_flag_is_on_extract() -> None:
    assert build_parser().parse_args(["extract", "x", "--replace"]).replace is True
    assert build_parser().parse_args(["extract", "x"]).replace is False


def test_old_store_gets_the_severity_column(tmp_path) -> None:
    db = tmp_path / "old.sqlite"
    con = sqlite3.connect(db)
    con.execute("CREATE TABLE errors (doc_id TEXT NOT NULL, source TEXT NOT NULL, reason TEXT NOT NULL, "
                "PRIMARY KEY (doc_id, source))")
    con.execute("INSERT INTO errors VALUES ('old', 'old.txt', 'empty document')")
    con.commit()
    con.close()
    with Store(db) as s:
        cols = [r[1] for r in s.conn.execute("PRAGMA table_info(errors)")]
        assert "severity" in cols
        assert s.conn.execute("SELECT severity FROM errors WHERE doc_id = 'old'").fetchone() == ("error",)
        s._error("new", "new.jsonl:1", 'field "date" is not a valid YYYY-MM-DD date: "x"', "warning")
    with Store(db) as s:  # opening again changes nothing
        rows = s.conn.execute("SELECT doc_id, severity FROM errors ORDER BY doc_id").fetchall()
    assert rows == [("new", "warning"), ("old", "error")]


def test_lone_surrogates_in_metadata_and_file_names_never_stop_the_run(tmp_path, nlp) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "feed.jsonl").write_text(
        '{"doc_id": "a\\ud800b", "text": "%s"}\n{"doc_id": "ok", "text": "%s", "date": "2024-1\\ud800"}\n'
        % (TEXT_A, TEXT_B), encoding="utf-8")
    with open(bytes(src) + b"/na\xffme.txt", "wb") as f:  # a file name that is not UTF-8
        f.write(TEXT_A.encode("utf-8"))
    out, db = tmp_path / "out.jsonl", tmp_path / "facts.sqlite"
    summary = run_extract([str(src)], nlp=nlp, output=str(out), db=str(db), progress=False)
    assert (summary.ok, summary.failed, summary.warned) == (2, 1, 1)
    errors = _lines(tmp_path / "out.errors.jsonl")
    assert errors[0]["reason"] == 'bad JSONL record: field "doc_id" is not valid Unicode (lone surrogate)'
    assert errors[1]["severity"] == "warning" and "\\ud800" in errors[1]["reason"]
    assert sorted(r["doc_id"] for r in _lines(out)) == ["na\\udcffme", "ok"]
    with Store(db) as s:
        assert s.counts()["documents"] == 3


def test_dask_errors_carry_warnings_with_severity() -> None:
    import dask.bag as db

    import zone_ie.dask as zd

    outcomes = db.from_sequence([
        {"doc_id": "w", "source": "s:1", "status": "ok", "warnings": ['field "date" is not a valid YYYY-MM-DD date: "x"']},
        {"doc_id": "e", "source": "s:2", "status": "error", "error": "empty document", "warnings": []},
        {"doc_id": "k", "source": "s:3", "status": "ok", "warnings": []},
    ])
    assert zd.errors(outcomes).compute(scheduler="sync") == [
        {"doc_id": "w", "source": "s:1", "reason": 'field "date" is not a valid YYYY-MM-DD date: "x"',
         "severity": "warning"},
        {"doc_id": "e", "source": "s:2", "reason": "empty document", "severity": "error"},
    ]
