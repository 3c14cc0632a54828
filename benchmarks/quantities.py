"""Benchmark the quantity and period normalizers against JioNLP and cn2an.

    .venv/bin/python benchmarks/quantities.py [--verbose]

Reads the hand-labelled expressions in ``benchmarks/data/quantities.jsonl`` and
``benchmarks/data/periods.jsonl``, scores each system on the subset it claims
to handle (JioNLP ``parse_money`` on money, ``parse_time`` on periods, cn2an on
plain numerals), prints one table and writes it to
``benchmarks/results/quantities.md``. JioNLP and cn2an are optional: a missing
one shows as "n/a".
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import time
import warnings
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Iterable, Optional

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from zone_ie.numerals import to_halfwidth  # noqa: E402
from zone_ie.periods import parse_period  # noqa: E402
from zone_ie.quantities import find_quantities, parse_quantity  # noqa: E402

DATA = ROOT / "benchmarks" / "data"
RESULTS = ROOT / "benchmarks" / "results" / "quantities.md"
NUMBER_KEYS = ("value", "low", "high")


# --- data and scoring ---------------------------------------------------------


def load(name: str) -> list[dict[str, Any]]:
    """Rows of one JSONL file under ``benchmarks/data``."""
    with open(DATA / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def _close(g: Optional[float], p: Optional[float]) -> bool:
    if g is None or p is None:
        return g is None and p is None
    return abs(p - g) <= max(1e-6 * abs(g), 0.005)


def quantity_equal(gold: Optional[dict], pred: Optional[dict], strict: bool = True) -> bool:
    """Numbers and unit agree; ``strict`` also compares qualifier and classifier."""
    if gold is None or pred is None:
        return gold is None and pred is None
    if gold["unit"] != pred.get("unit"):
        return False
    if not all(_close(gold.get(k), pred.get(k)) for k in NUMBER_KEYS):
        return False
    if strict:
        return all(gold.get(k) == pred.get(k) for k in ("qualifier", "classifier"))
    return True


def value_equal(gold: Optional[dict], pred: Optional[dict]) -> bool:
    """Only the numbers agree (for a bare numeral parser)."""
    if gold is None or pred is None:
        return gold is None and pred is None
    return all(_close(gold.get(k), pred.get(k)) for k in NUMBER_KEYS)


def period_equal(gold: Optional[dict], pred: Optional[dict]) -> bool:
    """All three fields agree; an all-null period equals None."""
    def key(p: Optional[dict]) -> tuple:
        p = p or {}
        return (p.get("year"), p.get("start_month"), p.get("end_month"))
    return key(gold) == key(pred)


# --- systems ------------------------------------------------------------------


def zone_quantity(row: dict) -> Optional[dict]:
    q = parse_quantity(row["text"])
    return None if q is None else q.model_dump()


def zone_period(row: dict) -> Optional[dict]:
    p = parse_period(row["text"], ref_year=row.get("ref_year"))
    return None if p is None else p.model_dump()


_JIO_CASES = {"元": "CNY", "美元": "USD"}
_JIO_BLUR = {"blur+": "over", "blur-": "under", "blur": "approx"}


def jio_money(row: dict) -> Optional[dict]:
    """``jionlp.parse_money`` mapped to a Quantity dict."""
    import jionlp

    try:
        res = jionlp.parse_money(row["text"].replace(" ", ""))
    except Exception:  # noqa: BLE001 - a parse failure is a miss
        return None
    if not res or "num" not in res:
        return None
    unit = _JIO_CASES.get(res.get("case", ""), "other:" + str(res.get("case")))
    num = res["num"]
    out: dict[str, Any] = {"value": None, "low": None, "high": None, "unit": unit,
                           "qualifier": None, "classifier": None}
    if isinstance(num, list):
        out["low"], out["high"] = float(num[0]), float(num[1])
    else:
        out["value"] = float(num)
        out["qualifier"] = _JIO_BLUR.get(res.get("definition", ""))
    return out


def jio_period(row: dict) -> Optional[dict]:
    """``jionlp.parse_time`` span mapped to a Period dict (same reference year)."""
    import jionlp

    ref = row.get("ref_year")
    base = {"year": ref or 2000, "month": 12, "day": 31}
    text = row["text"].replace(" ", "")
    try:
        res = jionlp.parse_time(text, time_base=base)
    except Exception:  # noqa: BLE001
        return None
    if not res or res.get("type") not in ("time_point", "time_span"):
        return None
    start_s, end_s = res["time"]
    try:
        start = datetime.strptime(start_s, "%Y-%m-%d %H:%M:%S")
        end = None if end_s == "inf" else datetime.strptime(end_s, "%Y-%m-%d %H:%M:%S")
    except (TypeError, ValueError):
        return None
    # without a reference year, only a year written in the text counts
    written = str(start.year) in to_halfwidth(text) or "〇" in text
    year: Optional[int] = start.year if (ref is not None or written) else None
    if end is None:
        return None if start.month == 1 else {"year": year, "start_month": start.month, "end_month": None}
    if end.year != start.year:
        return None
    if (start.month, start.day, end.month, end.day) == (1, 1, 12, 31) and "全年" not in text:
        return None if year is None else {"year": year, "start_month": None, "end_month": None}
    return {"year": year, "start_month": start.month, "end_month": end.month}


def cn2an_number(row: dict) -> Optional[dict]:
    """``cn2an.cn2an`` (smart mode), else ``cn2an.transform``, as a bare number."""
    import cn2an

    warnings.filterwarnings("ignore", module="cn2an")
    text = row["text"]
    try:
        value = float(cn2an.cn2an(text, "smart"))
    except Exception:  # noqa: BLE001
        try:
            value = float(cn2an.transform(text, "cn2an"))
        except Exception:  # noqa: BLE001
            return None
    return {"value": value, "low": None, "high": None, "unit": ""}


# --- running --------------------------------------------------------------------


def available(module: str) -> bool:
    try:
        __import__(module)
        return True
    except ImportError:
        return False


def run(system: Callable[[dict], Optional[dict]], rows: list[dict], equal: Callable,
        key: str = "expected", repeat: int = 3) -> tuple[float, float, list[tuple[dict, Any]]]:
    """(accuracy, expressions per second, misses) of ``system`` on ``rows``."""
    if not rows:
        return float("nan"), float("nan"), []
    preds = [system(r) for r in rows]  # warm-up, and the predictions scored
    best = math.inf
    for _ in range(repeat):
        t0 = time.perf_counter()
        for r in rows:
            system(r)
        best = min(best, time.perf_counter() - t0)
    misses = [(r, p) for r, p in zip(rows, preds) if not equal(r[key], p)]
    return 1 - len(misses) / len(rows), len(rows) / best, misses


def tagged(rows: Iterable[dict], tag: str) -> list[dict]:
    return [r for r in rows if tag in r.get("tags", [])]


def scanner_speed() -> float:
    """find_quantities throughput (characters per second) on the seed articles."""
    docs = sorted((ROOT / "seeds" / "docs").glob("*.txt"))
    text = "".join(p.read_text(encoding="utf-8") for p in docs).replace("\n", "") * 3
    if not text:
        return float("nan")
    t0 = time.perf_counter()
    find_quantities(text)
    return len(text) / (time.perf_counter() - t0)


def _pct(x: Optional[float]) -> str:
    return "n/a" if x is None or x != x else f"{100 * x:.1f} %"


def _rate(x: Optional[float]) -> str:
    return "n/a" if x is None or x != x else f"{x:,.0f}"


def benchmark(verbose: bool = False) -> str:
    """Run everything; return the markdown table."""
    qrows, prows = load("quantities.jsonl"), load("periods.jsonl")
    # parse_money reads a money string, not a sentence: leave out rows with context words
    money = [r for r in tagged(qrows, "money") if "context" not in r["tags"]]
    numerals = tagged(qrows, "numeral")
    has_jio, has_cn2an = available("jionlp"), available("cn2an")
    lines = [
        "| subset | n | zone_ie | JioNLP | cn2an | zone_ie expr/s | JioNLP expr/s | cn2an expr/s |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    all_q = run(zone_quantity, qrows, quantity_equal)
    lines.append(f"| quantities, all (strict) | {len(qrows)} | {_pct(all_q[0])} | – | – | {_rate(all_q[1])} | – | – |")
    z_m = run(zone_quantity, money, quantity_equal)
    z_mv = run(zone_quantity, money, lambda g, p: quantity_equal(g, p, strict=False))
    j_m = run(jio_money, money, quantity_equal) if has_jio else (None, None, [])
    j_mv = run(jio_money, money, lambda g, p: quantity_equal(g, p, strict=False)) if has_jio else (None, None, [])
    lines.append(f"| money (parse_money), strict | {len(money)} | {_pct(z_m[0])} | {_pct(j_m[0])} | – | {_rate(z_m[1])} | {_rate(j_m[1])} | – |")
    lines.append(f"| money (parse_money), value+unit | {len(money)} | {_pct(z_mv[0])} | {_pct(j_mv[0])} | – | {_rate(z_mv[1])} | {_rate(j_mv[1])} | – |")
    z_n = run(zone_quantity, numerals, value_equal)
    c_n = run(cn2an_number, numerals, value_equal) if has_cn2an else (None, None, [])
    lines.append(f"| plain numerals (cn2an), value | {len(numerals)} | {_pct(z_n[0])} | – | {_pct(c_n[0])} | {_rate(z_n[1])} | – | {_rate(c_n[1])} |")
    z_p = run(zone_period, prows, period_equal)
    lines.append(f"| periods, all | {len(prows)} | {_pct(z_p[0])} | – | – | {_rate(z_p[1])} | – | – |")
    # parse_time reads a time string, not a sentence: same rule as for money
    pbare = [r for r in prows if "context" not in r["tags"]]
    z_pb = run(zone_period, pbare, period_equal)
    j_p = run(jio_period, pbare, period_equal) if has_jio else (None, None, [])
    lines.append(f"| periods (parse_time) | {len(pbare)} | {_pct(z_pb[0])} | {_pct(j_p[0])} | – | {_rate(z_pb[1])} | {_rate(j_p[1])} | – |")
    # the blind sets: written from the SPEC by someone who never read the parser
    hq, hp = load("heldout_quantities.jsonl"), load("heldout_periods.jsonl")
    for row in hq:
        row.setdefault("tags", [])
    for row in hp:
        row.setdefault("tags", [])
    z_hq = run(zone_quantity, hq, quantity_equal)
    j_hq = run(jio_money, [r for r in hq if (r["expected"] or {}).get("unit") == "CNY"], quantity_equal) if has_jio else (None, None, [])
    z_hqm = run(zone_quantity, [r for r in hq if (r["expected"] or {}).get("unit") == "CNY"], quantity_equal)
    z_hp = run(zone_period, hp, period_equal)
    j_hp = run(jio_period, hp, period_equal) if has_jio else (None, None, [])
    n_money = sum(1 for r in hq if (r["expected"] or {}).get("unit") == "CNY")
    lines.append(f"| blind held-out quantities, all (strict) | {len(hq)} | {_pct(z_hq[0])} | – | – | {_rate(z_hq[1])} | – | – |")
    lines.append(f"| blind held-out money (CNY rows), strict | {n_money} | {_pct(z_hqm[0])} | {_pct(j_hq[0])} | – | {_rate(z_hqm[1])} | {_rate(j_hq[1])} | – |")
    lines.append(f"| blind held-out periods | {len(hp)} | {_pct(z_hp[0])} | {_pct(j_hp[0])} | – | {_rate(z_hp[1])} | {_rate(j_hp[1])} | – |")
    lines.append("")
    lines.append("The blind rows come from `benchmarks/data/heldout_*.jsonl`, labelled from the SPEC without "
                 "reading the parser; their money and period texts carry context words, which JioNLP's "
                 "parsers were not built for, so its numbers there are a lower bound.")
    lines.append("")
    lines.append(f"Scanner: `find_quantities` reads {_rate(scanner_speed())} characters/s of seed article text.")
    if verbose:
        for name, res in (("quantities", all_q), ("periods", z_p), ("jionlp money", j_m),
                          ("jionlp periods", j_p), ("cn2an", c_n)):
            for row, pred in res[2]:
                print(f"MISS {name}: {row['text']!r} expected={row['expected']} got={pred}", file=sys.stderr)
    return "\n".join(lines)


def main(argv: Optional[list[str]] = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--verbose", action="store_true", help="list every miss on stderr")
    args = ap.parse_args(argv)
    table = benchmark(verbose=args.verbose)
    print(table)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    header = ("# Quantity and period normalizer benchmark\n\n"
              "Generated by `benchmarks/quantities.py` from the hand-labelled expressions in "
              "`benchmarks/data/`. Strict = value/low/high, unit, qualifier and classifier all agree; "
              "JioNLP's `blur+`/`blur-`/`blur` map to over/under/approx.\n\n")
    RESULTS.write_text(header + table + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
