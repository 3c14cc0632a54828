"""The fast ``char`` segmenter is the default everywhere; pkuseg only on request."""
from __future__ import annotations

import inspect
import re
from pathlib import Path

import zone_ie
from zone_ie import batch, pipeline
from zone_ie.cli import build_parser

ROOT = Path(__file__).resolve().parents[1]


def test_cli_extract_defaults_to_char():
    args = build_parser().parse_args(["extract", "x.txt"])
    assert args.segmenter == "char"


def test_cli_eval_and_show_default_to_char():
    parser = build_parser()
    assert parser.parse_args(["eval", "--gold", "g.jsonl", "d"]).segmenter == "char"
    assert parser.parse_args(["show", "x.txt"]).segmenter == "char"


def test_library_defaults_to_char():
    assert inspect.signature(pipeline.load).parameters["segmenter"].default == "char"
    assert inspect.signature(pipeline.extract).parameters["segmenter"].default == "char"
    assert inspect.signature(batch.run_extract).parameters["segmenter"].default == "char"
    assert zone_ie.load().tokenizer.segmenter == "char"


def test_dask_defaults_to_char():
    import zone_ie.dask as zd

    for fn in (zd.worker_nlp, zd.extract_partition, zd.extract_bag):
        assert inspect.signature(fn).parameters["segmenter"].default == "char"


def test_makefile_segmenter_is_char():
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^SEGMENTER \?= char$", text, re.M)


def test_extract_imports_no_optional_heavy_module(tmp_path):
    """Start-up: ``zone-ie extract`` on simplified text imports neither cn2an (single digits
    are read directly), OpenCC (only for traditional text), pkuseg nor Dask."""
    import json
    import subprocess
    import sys

    src = tmp_path / "tiny.txt"
    src.write_text("甲乙高新区今年1—6月完成固定资产投资12亿元，同比增长5.5%。\n", encoding="utf-8")
    code = (
        "import sys, json; from zone_ie.cli import main; "
        f"rc = main(['extract', {str(src)!r}, '-q', '-o', {str(tmp_path / 'out.jsonl')!r}]); "
        "print(json.dumps([rc, sorted(m for m in sys.modules if m.split('.')[0] in "
        "('cn2an', 'opencc', 'spacy_pkuseg', 'dask', 'distributed'))]))"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    rc, heavy = json.loads(done.stdout.strip().splitlines()[-1])
    assert rc == 0 and heavy == []
    facts = json.loads((tmp_path / "out.jsonl").read_text(encoding="utf-8"))["facts"]
    assert any(f["type"] == "metric" for f in facts)


def test_single_chinese_digits_read_as_cn2an_reads_them():
    import cn2an

    from zone_ie.numerals import _DIGIT_VALUES, cn_to_number

    for ch, value in _DIGIT_VALUES.items():
        assert cn_to_number(ch) == value == float(cn2an.cn2an(ch, "normal"))
