"""Scale-out on Dask: the same outcomes as the in-process batch, on a real local cluster."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import dask.bag as db
import pytest
from distributed import Client, LocalCluster

import zone_ie.dask as zd
from zone_ie.batch import BatchExtractor
from zone_ie.io import iter_records
from zone_ie.pipeline import load
from zone_ie.store import Store

ROOT = Path(__file__).parent.parent


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("corpus")
    for p in sorted((ROOT / "seeds" / "docs").glob("*.txt")):
        shutil.copy(p, src / p.name)
    (src / "bad.txt").write_bytes(b"\xff\xfe\x00")
    (src / "english.txt").write_text("no Chinese here", encoding="utf-8")
    (src / "more.jsonl").write_text(
        json.dumps({"doc_id": "j1", "text": "今年一季度，甲乙高新区企业丙丁科技有限公司投产。", "date": "2024-04-02"},
                   ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    return src


@pytest.fixture(scope="module")
def expected(corpus) -> dict:
    ex = BatchExtractor(load(segmenter="char"))
    return {o.doc_id: o.to_dict() for o in ex.run(iter_records([corpus]))}


@pytest.fixture(scope="module")
def client():

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        with Client(cluster) as c:
            yield c


def test_local_cluster_gives_the_batch_outcomes(client, corpus, expected) -> None:
    bag = zd.read_files([str(corpus)], files_per_partition=2)
    assert bag.npartitions == 4  # 8 files
    out = zd.extract_bag(bag, segmenter="char").compute()
    got = {o["doc_id"]: o for o in out}
    assert got == expected
    assert sum(o["status"] == "ok" for o in out) == 6 and len(out) == 9
    # both worker processes worked, and each loaded the pipeline once
    loaded = client.run(lambda: list(zd._NLP))
    assert len(loaded) == 2 and all(v == ["char"] for v in loaded.values())


def test_spec_results_errors_and_store(client, corpus, expected, tmp_path) -> None:
    out = zd.extract_bag(zd.read_files([str(corpus)], files_per_partition=3), segmenter="char")
    spec = zd.spec_results(out).compute()
    assert sorted(d["doc_id"] for d in spec) == sorted(k for k, v in expected.items() if v["status"] == "ok")
    errs = zd.errors(out).compute()
    assert {e["doc_id"] for e in errs} == {k for k, v in expected.items() if v["status"] == "error"}
    counts = zd.write_store(out, str(tmp_path / "facts.sqlite"), partitions_at_once=2)
    assert counts == {"ok": 6, "error": 3}
    with Store(tmp_path / "facts.sqlite") as s:
        assert {r.doc_id: r.to_json_dict() for r in s.results()} == {d["doc_id"]: d for d in spec}


def test_jsonl_bag_and_plain_dicts_on_the_processes_scheduler(corpus, expected) -> None:
    # no distributed client: the multiprocessing scheduler, also for real
    recs = [{"doc_id": "a", "text": "今年一季度，甲乙高新区企业丙丁科技有限公司投产。"}, {"doc_id": "b"}, {"text": "x"}]
    bag = db.from_sequence(recs, npartitions=2)
    out = zd.extract_bag(bag, segmenter="char").compute(scheduler="processes", num_workers=2)
    assert [o["status"] for o in out] == ["ok", "error", "error"]
    assert out[0]["result"]["entities"]
    lines = zd.read_jsonl(str(corpus / "more.jsonl"))
    out = zd.extract_bag(lines, segmenter="char").compute(scheduler="processes", num_workers=2)
    assert out[0]["result"] == expected["j1"]["result"] and out[1]["status"] == "error"
