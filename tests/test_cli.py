"""The ``zone-ie`` command line."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

from zone_ie.cli import main
from zone_ie.io import read_text_file
from zone_ie.models import DocResult

ROOT = Path(__file__).parent.parent


def test_extract_writes_spec_jsonl_for_seeds(tmp_path) -> None:
    out = tmp_path / "out.jsonl"
    assert main(["extract", str(ROOT / "seeds" / "docs"), "-o", str(out), "--segmenter", "char"]) == 0
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 5
    for line in lines:
        r = DocResult.model_validate(json.loads(line))
        raw = read_text_file(ROOT / "seeds" / "docs" / f"{r.doc_id}.txt")
        assert r.entities and all(e.text == raw[e.start : e.end] for e in r.entities)


def test_extract_carries_date_and_reports_bad_files(tmp_path, capsys) -> None:
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(ROOT / "seeds" / "docs" / "000_290d4a61dcac0ea7.txt", src / "good.txt")
    (src / "bad.txt").write_bytes(b"\xff\xfe\x00broken")
    (src / "docs.jsonl").write_text(
        json.dumps({"doc_id": "j1", "text": "今年一季度，甲乙高新区企业丙丁科技有限公司投产。", "date": "2024-04-02"},
                   ensure_ascii=False) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    code = main(["extract", str(src), "-o", str(out), "--segmenter", "char"])
    assert code == 1  # something failed
    docs = {json.loads(l)["doc_id"]: json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()}
    assert set(docs) == {"good", "j1"}
    assert docs["j1"]["date"] == "2024-04-02"
    err = capsys.readouterr().err
    assert "bad.txt" in err and "UTF-8" in err
