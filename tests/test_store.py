"""The SQLite fact store: contents, idempotency, --resume after a crash or Ctrl-C."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from zone_ie.batch import KILL_ENV, BatchExtractor, run_extract
from zone_ie.cli import main
from zone_ie.models import DocResult
from zone_ie.pipeline import load
from zone_ie.store import Store, fact_row

ROOT = Path(__file__).parent.parent
SEEDS = sorted((ROOT / "seeds" / "docs").glob("*.txt"))

PARKS = ["甲乙高新区", "丙丁经济开发区", "戊己综合保税区", "庚辛产业园区"]
TEMPLATE = (
    "{park}今年1—{m}月完成固定资产投资{v}亿元，同比增长{g}%。"
    "{park}企业{co}科技有限公司年产{c}万吨新材料项目投产。\n"
)

EXAMPLE_SQL = """
SELECT f.subject_canonical AS park, d.date, f.period_year, f.period_start_month, f.period_end_month,
       f.value / 1e8 AS value_yi_yuan, f.yoy_pct, f.doc_id
FROM facts AS f JOIN documents AS d USING (doc_id)
WHERE f.type = 'metric' AND f.indicator = 'fixed_asset_investment' AND f.subject_label = 'PARK'
ORDER BY park, f.period_year, f.period_end_month
"""


def small_corpus(dirpath: Path, n: int) -> Path:
    dirpath.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        text = TEMPLATE.format(park=PARKS[i % 4], m=2 + i % 10, v=i + 1, g=(i % 9) + 0.5, co="甲乙丙丁"[i % 4] * 2,
                               c=i % 7 + 1)
        (dirpath / f"doc{i:03d}.txt").write_text(text, encoding="utf-8")
    return dirpath


@pytest.fixture(scope="module")
def nlp():
    return load(segmenter="char")


def dump(path: Path) -> dict:
    with Store(path) as s:
        return s.dump()


def test_store_tables_hold_the_spec_result(tmp_path, nlp) -> None:
    db = tmp_path / "facts.sqlite"
    out = tmp_path / "out.jsonl"
    run_extract([str(ROOT / "seeds" / "docs")], nlp=nlp, output=str(out), db=str(db), progress=False)
    jsonl = {r.doc_id: r for r in map(DocResult.model_validate_json, out.read_text(encoding="utf-8").splitlines())}
    with Store(db) as s:
        stored = {r.doc_id: r for r in s.results()}
        assert stored == jsonl  # the store loses nothing of the SPEC result
        counts = s.counts()
    assert counts["documents"] == 5 and counts["errors"] == 0
    assert counts["facts"] == sum(len(r.facts) for r in jsonl.values())
    con = sqlite3.connect(db)
    # key columns agree with the JSON column
    for type_, subject, indicator, yoy, value, js in con.execute(
        "SELECT type, subject, indicator, yoy_pct, value, json FROM facts"
    ):
        f = json.loads(js)
        assert f["type"] == type_
        if type_ == "metric":
            assert (f["subject"], f["indicator"], f.get("yoy_pct")) == (subject, indicator, yoy)
            assert (f["value"] or {}).get("value") == value
    sha, status = con.execute("SELECT sha256, status FROM documents WHERE doc_id = '000_290d4a61dcac0ea7'").fetchone()
    import hashlib

    raw = SEEDS[0].read_bytes()
    assert sha == hashlib.sha256(raw.removeprefix(b"\xef\xbb\xbf")).hexdigest() and status == "ok"


def test_example_query_fixed_asset_investment_per_park(tmp_path, nlp) -> None:
    src = small_corpus(tmp_path / "in", 8)
    db = tmp_path / "facts.sqlite"
    run_extract([str(src)], nlp=nlp, db=str(db), progress=False)
    rows = sqlite3.connect(db).execute(EXAMPLE_SQL).fetchall()
    assert {r[0] for r in rows} == set(PARKS)
    got = {(r[7], r[6]) for r in rows}
    assert ("doc000", 0.5) in got and ("doc005", 5.5) in got


def test_fact_row_resolves_names_through_clusters() -> None:
    from zone_ie.models import Cluster

    clusters = [Cluster(label="PARK", canonical="德州经济开发区", names=["德州经开区", "德州经济开发区"])]
    row = fact_row({"type": "metric", "subject": "德州经开区", "indicator": "gdp", "yoy_pct": 3.0,
                    "period": {"year": 2024, "start_month": 1, "end_month": 6},
                    "value": {"value": 5e8, "unit": "CNY"}, "evidence": [3, 9]}, clusters)
    assert row["subject_canonical"] == "德州经济开发区" and row["subject_label"] == "PARK"
    assert (row["period_year"], row["period_end_month"], row["value"], row["unit"]) == (2024, 6, 5e8, "CNY")
    assert (row["evidence_start"], row["evidence_end"]) == (3, 9)
    row = fact_row({"type": "project", "name": "X项目", "company": "甲公司", "park": "德州经开区",
                    "investment": {"value": 1e9, "unit": "CNY"}, "capacity": [], "status": "signed"}, clusters)
    assert (row["park_canonical"], row["value"], row["status"], row["name"]) == ("德州经济开发区", 1e9, "signed", "X项目")


def test_rerunning_adds_nothing_twice_and_updates_changed_documents(tmp_path, nlp) -> None:
    src = small_corpus(tmp_path / "in", 6)
    (src / "bad.txt").write_bytes(b"\xff\xfe")
    db = tmp_path / "facts.sqlite"
    for _ in range(2):
        run_extract([str(src)], nlp=nlp, db=str(db), progress=False)
    first = dump(db)
    run_extract([str(src)], nlp=nlp, db=str(db), progress=False)
    assert dump(db) == first
    assert len(first["documents"]) == 7 and len(first["errors"]) == 1
    # an edited article is refused without --replace: its stored rows stay, an error says why
    (src / "doc001.txt").write_text("甲乙高新区今年完成工业总产值99亿元。", encoding="utf-8")
    summary = run_extract([str(src)], nlp=nlp, db=str(db), resume=True, progress=False)
    assert summary.skipped == 5 and summary.ok == 0 and summary.failed == 2
    refused = dump(db)
    assert refused["facts"] == first["facts"] and refused["documents"] == first["documents"]
    (row,) = [e for e in refused["errors"] if e[0] == "doc001"]
    assert "stored with other content" in row[2] and "--replace" in row[2] and row[3] == "error"
    # with --replace it replaces its rows; --resume re-extracts it because its hash changed
    summary = run_extract([str(src)], nlp=nlp, db=str(db), resume=True, replace=True, progress=False)
    assert summary.skipped == 5 and summary.ok == 1
    after = dump(db)
    assert not [e for e in after["errors"] if e[0] == "doc001"]
    assert len(after["documents"]) == 7
    assert [f for f in after["facts"] if f[0] == "doc001"] != [f for f in first["facts"] if f[0] == "doc001"]
    assert [f for f in after["facts"] if f[0] == "doc002"] == [f for f in first["facts"] if f[0] == "doc002"]


def _cli(args: list[str], env: dict) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "zone_ie.cli", *args], env=env, capture_output=True, text=True,
                          timeout=300)


def test_killed_run_resumed_gives_the_same_database(tmp_path) -> None:
    src = small_corpus(tmp_path / "in", 40)
    (src / "broken.txt").write_bytes(b"\x00\x01binary")
    env = dict(os.environ)
    env.pop(KILL_ENV, None)
    common = [str(src), "--segmenter", "char", "--batch-size", "4", "-q"]

    ref_db, ref_out = tmp_path / "ref.sqlite", tmp_path / "ref.jsonl"
    done = _cli(["extract", *common, "--db", str(ref_db), "-o", str(ref_out)], env)
    assert done.returncode == 1, done.stderr  # broken.txt failed

    db, out = tmp_path / "run.sqlite", tmp_path / "run.jsonl"
    killed = _cli(["extract", *common, "--db", str(db), "-o", str(out)], {**env, KILL_ENV: "23"})
    assert killed.returncode == -signal.SIGKILL
    partial = dump(db)
    assert 0 < len(partial["documents"]) < 41  # committed batches survived, the open one did not

    resumed = _cli(["extract", *common, "--db", str(db), "-o", str(out), "--resume"], env)
    assert resumed.returncode == 1, resumed.stderr
    assert "skipped (already stored)" in resumed.stderr
    assert dump(db) == dump(ref_db)
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(set(lines)) == 40
    assert sorted(lines) == sorted(ref_out.read_text(encoding="utf-8").splitlines())
    errors = (tmp_path / "run.errors.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(errors) == 1 and "broken" in errors[0]


def test_ctrl_c_keeps_finished_documents_and_resume_completes(tmp_path, nlp, monkeypatch) -> None:
    src = small_corpus(tmp_path / "in", 12)
    ref = tmp_path / "ref.sqlite"
    run_extract([str(src)], nlp=nlp, db=str(ref), progress=False)

    db = tmp_path / "run.sqlite"
    real_run = BatchExtractor.run

    def interrupted(self, items):
        for i, o in enumerate(real_run(self, items)):
            if i == 7:
                raise KeyboardInterrupt
            yield o

    monkeypatch.setattr(BatchExtractor, "run", interrupted)
    summary = run_extract([str(src)], nlp=nlp, db=str(db), progress=False)
    assert summary.interrupted and summary.ok == 7
    assert len(dump(db)["documents"]) == 7
    monkeypatch.setattr(BatchExtractor, "run", real_run)
    summary = run_extract([str(src)], nlp=nlp, db=str(db), resume=True, progress=False)
    assert summary.skipped == 7 and summary.ok == 5
    assert dump(db) == dump(ref)


def test_resume_from_jsonl_alone_cuts_a_torn_line(tmp_path, nlp) -> None:
    src = small_corpus(tmp_path / "in", 5)
    out = tmp_path / "out.jsonl"
    run_extract([str(src)], nlp=nlp, output=str(out), progress=False)
    full = out.read_text(encoding="utf-8").splitlines()
    torn = "\n".join(full[:2]) + "\n" + full[2][:30]
    out.write_text(torn, encoding="utf-8")
    summary = run_extract([str(src)], nlp=nlp, output=str(out), resume=True, progress=False)
    assert summary.skipped == 2 and summary.ok == 3
    assert out.read_text(encoding="utf-8").splitlines() == full


def test_resume_needs_somewhere_to_resume_from(capsys) -> None:
    assert main(["extract", str(SEEDS[0]), "--resume", "--segmenter", "char"]) == 2
    assert "--resume needs" in capsys.readouterr().err
