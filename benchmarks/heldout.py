"""Blind held-out check of parse_quantity (SPEC 5) and parse_period (SPEC 6).

The labels in benchmarks/data/heldout_*.jsonl were written by hand from SPEC.md
alone, without looking at the parser or its tuning data.

Run:  .venv/bin/python benchmarks/heldout.py
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from zone_ie.periods import parse_period  # noqa: E402
from zone_ie.quantities import parse_quantity  # noqa: E402

DATA = Path(__file__).resolve().parent / "data"
REL_TOL = 0.005


def as_dict(obj):
    if obj is None:
        return None
    if isinstance(obj, dict):
        return obj
    if hasattr(obj, "model_dump"):
        return obj.model_dump()
    if hasattr(obj, "dict"):
        return obj.dict()
    return dict(vars(obj))


def num_ok(exp, got) -> bool:
    if exp is None or got is None:
        return exp is None and got is None
    if exp == 0:
        return abs(got) < 1e-9
    return abs(got - exp) <= REL_TOL * abs(exp)


def quantity_ok(exp: dict, got: dict | None) -> bool:
    if got is None:
        return False
    if got.get("unit") != exp["unit"]:
        return False
    for k in ("value", "low", "high"):
        if not num_ok(exp[k], got.get(k)):
            return False
    if got.get("qualifier") != exp["qualifier"]:
        return False
    if exp["unit"] == "count" and got.get("classifier") != exp["classifier"]:
        return False
    return True


def period_ok(exp: dict | None, got: dict | None) -> bool:
    if exp is None or got is None:
        return exp is None and got is None
    return all(exp[k] == got.get(k) for k in ("year", "start_month", "end_month"))


def load(name: str) -> list[dict]:
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def run_quantities() -> tuple[int, int, list]:
    rows = load("heldout_quantities.jsonl")
    bad = []
    for r in rows:
        try:
            got = as_dict(parse_quantity(r["text"]))
        except Exception as e:  # a crash is a mismatch, not a harness failure
            got = {"error": f"{type(e).__name__}: {e}"}
        if not quantity_ok(r["expected"], got):
            bad.append((r["text"], r["expected"], got))
    return len(rows) - len(bad), len(rows), bad


def run_periods() -> tuple[int, int, list]:
    rows = load("heldout_periods.jsonl")
    bad = []
    for r in rows:
        try:
            got = as_dict(parse_period(r["text"], ref_year=r["ref_year"]))
        except Exception as e:
            got = {"error": f"{type(e).__name__}: {e}"}
        if not period_ok(r["expected"], got):
            bad.append((f'{r["text"]} (ref_year={r["ref_year"]})', r["expected"], got))
    return len(rows) - len(bad), len(rows), bad


def show(title: str, ok: int, n: int, bad: list) -> None:
    print(f"{title}: {ok}/{n} = {ok / n:.1%}")
    for text, exp, got in bad:
        print(f"  MISMATCH {text!r}")
        print(f"     expected: {json.dumps(exp, ensure_ascii=False)}")
        print(f"     got:      {json.dumps(got, ensure_ascii=False)}")
    print()


def main() -> None:
    show("quantities", *run_quantities())
    show("periods", *run_periods())


if __name__ == "__main__":
    main()
