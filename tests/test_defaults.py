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
