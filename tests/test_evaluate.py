"""Tests for zone_ie.evaluate (SPEC 9) and zone_ie.report."""
from __future__ import annotations

import copy
import html
import json
import random
from pathlib import Path
from typing import Any, Optional

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reference_scorer import reference_score
from zone_ie.evaluate import PARTS, evaluate, lcs_len, norm_name
from zone_ie.models import DocResult
from zone_ie.report import read_texts, render_html, render_table

ROOT = Path(__file__).resolve().parent.parent
GOLD_PATH = ROOT / "seeds" / "gold.jsonl"
GOLD = [json.loads(line) for line in GOLD_PATH.read_text(encoding="utf-8").splitlines() if line]

PARK = "包头稀土高新区"
ANDE = "包头市安德稀耐新材料有限公司"
CLUSTERS = [
    {"label": "PARK", "canonical": PARK, "names": [PARK, "稀土高新区"]},
    {"label": "PARK", "canonical": "希望工业园区", "names": ["希望工业园区"]},
    {"label": "COMPANY", "canonical": ANDE, "names": [ANDE, "安德公司"]},
    {"label": "COMPANY", "canonical": "卧龙集团", "names": ["卧龙集团", "卧龙"]},
]


def doc(facts=(), entities=(), clusters=None, doc_id="d1") -> dict:
    return {
        "doc_id": doc_id,
        "date": None,
        "entities": list(entities),
        "clusters": CLUSTERS if clusters is None else list(clusters),
        "facts": list(facts),
    }


def qty(value=None, unit="CNY", low=None, high=None) -> dict:
    return {"value": value, "low": low, "high": high, "unit": unit, "qualifier": None, "classifier": None}


def metric(**kw) -> dict:
    base = {
        "type": "metric",
        "subject": PARK,
        "indicator": "industrial_output",
        "indicator_text": "工业总产值",
        "scope": None,
        "period": {"year": 2022, "start_month": 1, "end_month": 8},
        "value": qty(100e8),
        "yoy_pct": None,
        "share_pct": None,
        "evidence": [0, 10],
    }
    base.update(kw)
    return base


def project(**kw) -> dict:
    base = {
        "type": "project",
        "name": "年产1.5万吨高性能稀土永磁材料智能制造项目",
        "company": ANDE,
        "park": PARK,
        "investment": None,
        "capacity": [],
        "status": None,
        "evidence": None,
    }
    base.update(kw)
    return base


def counts(gold_facts, pred_facts, part: str, **kw) -> tuple[int, int, int]:
    s = evaluate([doc(gold_facts, **kw)], [doc(pred_facts, **kw)]).parts[part]
    return s.tp, s.fp, s.fn


# ---------------------------------------------------------------- norm_name


@pytest.mark.parametrize(
    "raw,expected",
    [
        ("阿拉\n\n善高新区", "阿拉善高新区"),
        ("卧龙包头永磁 电\n\n机产业园", "卧龙包头永磁电机产业园"),
        ("卧龙电驱（包头）永磁电机有限公司", "卧龙电驱(包头)永磁电机有限公司"),
        ("ＡＢＣ１２．５％", "ABC12.5%"),
        ("德州\u3000经开区\t", "德州经开区"),
        (None, ""),
    ],
)
def test_norm_name(raw: Optional[str], expected: str) -> None:
    assert norm_name(raw) == expected


# ---------------------------------------------------------------- alias / located_in


def test_located_in_resolves_aliases_through_gold_clusters() -> None:
    gold = [{"type": "located_in", "company": ANDE, "park": PARK}]
    assert counts(gold, [{"type": "located_in", "company": "安德公司", "park": "稀土高新区"}], "located_in") == (1, 0, 0)
    assert counts(gold, [{"type": "located_in", "company": "卧龙", "park": PARK}], "located_in") == (0, 1, 1)
    assert counts(gold, [{"type": "located_in", "company": ANDE, "park": "希望工业园区"}], "located_in") == (0, 1, 1)


def test_unknown_names_match_identical_strings_only() -> None:
    gold = [{"type": "located_in", "company": "北方股份", "park": PARK}]
    assert counts(gold, [{"type": "located_in", "company": "北方 股份", "park": PARK}], "located_in") == (1, 0, 0)
    assert counts(gold, [{"type": "located_in", "company": "北方重汽", "park": PARK}], "located_in") == (0, 1, 1)


def test_alias_fact() -> None:
    gold = [{"type": "alias", "label": "COMPANY", "name": ANDE, "alias": "安德公司"}]
    same_cluster = {"type": "alias", "label": "COMPANY", "name": "安德公司", "alias": "安德 公司"}
    assert counts(gold, [same_cluster], "alias") == (1, 0, 0)
    wrong_alias = {"type": "alias", "label": "COMPANY", "name": ANDE, "alias": "安德"}
    assert counts(gold, [wrong_alias], "alias") == (0, 1, 1)
    wrong_label = {"type": "alias", "label": "PARK", "name": ANDE, "alias": "安德公司"}
    assert counts(gold, [wrong_label], "alias") == (0, 1, 1)


# ---------------------------------------------------------------- metric


def test_metric_subject_through_alias_and_company_subject() -> None:
    assert counts([metric()], [metric(subject="稀土高新区")], "metric") == (1, 0, 0)
    assert counts([metric(subject=ANDE)], [metric(subject="安德公司")], "metric") == (1, 0, 0)
    assert counts([metric()], [metric(subject="希望工业园区")], "metric") == (0, 1, 1)
    assert counts([metric()], [metric(indicator="gdp")], "metric") == (0, 1, 1)


@pytest.mark.parametrize(
    "period",
    [
        {"year": 2021, "start_month": 1, "end_month": 8},
        {"year": 2022, "start_month": 1, "end_month": 9},
        {"year": 2022, "start_month": 2, "end_month": 8},
        {"year": None, "start_month": 1, "end_month": 8},
        None,
    ],
)
def test_period_mismatch_is_strict_miss_relaxed_hit(period) -> None:
    assert counts([metric()], [metric(period=period)], "metric") == (0, 1, 1)
    assert counts([metric()], [metric(period=period)], "metric_relaxed") == (1, 0, 0)


def test_null_period_equals_all_null_period() -> None:
    empty = {"year": None, "start_month": None, "end_month": None}
    assert counts([metric(period=None)], [metric(period=empty)], "metric") == (1, 0, 0)
    assert counts([metric(period=empty)], [metric(period=None)], "metric") == (1, 0, 0)


@pytest.mark.parametrize(
    "factor,ok",
    [(1.004, True), (0.996, True), (1.005, True), (0.995, True), (1.0051, False), (1.006, False), (0.994, False)],
)
def test_value_relative_tolerance(factor: float, ok: bool) -> None:
    expected = (1, 0, 0) if ok else (0, 1, 1)
    assert counts([metric()], [metric(value=qty(100e8 * factor))], "metric") == expected
    assert counts([metric()], [metric(value=qty(100e8 * factor))], "metric_relaxed") == expected


def test_value_unit_and_range() -> None:
    assert counts([metric()], [metric(value=qty(100e8, unit="USD"))], "metric") == (0, 1, 1)
    gold = metric(value=qty(None, "kg/m2", low=500, high=1000))
    assert counts([gold], [metric(value=qty(None, "kg/m2", low=501, high=1003))], "metric") == (1, 0, 0)
    assert counts([gold], [metric(value=qty(None, "kg/m2", low=500, high=1010))], "metric") == (0, 1, 1)
    assert counts([gold], [metric(value=qty(1000, "kg/m2"))], "metric") == (0, 1, 1)


@pytest.mark.parametrize("field", ["yoy_pct", "share_pct"])
@pytest.mark.parametrize("pred,ok", [(16.44, True), (16.36, True), (16.45, True), (16.46, False), (16.34, False)])
def test_percentage_absolute_tolerance(field: str, pred: float, ok: bool) -> None:
    gold = metric(value=None, **{field: 16.4})
    expected = (1, 0, 0) if ok else (0, 1, 1)
    assert counts([gold], [metric(value=None, **{field: pred})], "metric") == expected


def test_number_on_one_side_only() -> None:
    gold = metric(value=None, yoy_pct=16.4)
    extra_share = metric(value=None, yoy_pct=16.4, share_pct=41.6)
    assert counts([gold], [extra_share], "metric") == (0, 1, 1)
    assert counts([gold], [extra_share], "metric_relaxed") == (1, 0, 0)
    missing_yoy = metric(value=None, yoy_pct=None, share_pct=41.6)
    assert counts([metric(value=None, yoy_pct=16.4, share_pct=41.6)], [missing_yoy], "metric") == (0, 1, 1)
    extra_value = metric(value=qty(5), yoy_pct=16.4)
    assert counts([gold], [extra_value], "metric") == (0, 1, 1)


def test_relaxed_needs_one_agreeing_number() -> None:
    gold = metric(value=qty(100e8), yoy_pct=10.0)
    assert counts([gold], [metric(value=qty(50e8), yoy_pct=10.0, period=None)], "metric_relaxed") == (1, 0, 0)
    assert counts([gold], [metric(value=qty(50e8), yoy_pct=11.0)], "metric_relaxed") == (0, 1, 1)
    assert counts([gold], [metric(value=None, yoy_pct=None, share_pct=10.0)], "metric_relaxed") == (0, 1, 1)
    assert counts([gold], [metric(subject=ANDE)], "metric_relaxed") == (0, 1, 1)


@pytest.mark.parametrize(
    "gold_scope,pred_scope,ok",
    [
        ("工业", "工业", True),
        ("工业", "工业领域", True),
        ("生物医药产业", "生物 医药", True),
        ("工业", "第二产业", False),
        ("工业", None, False),
        ("工业", "", False),
        (None, "第二产业", True),
        (None, None, True),
    ],
)
def test_scope(gold_scope, pred_scope, ok: bool) -> None:
    expected = (1, 0, 0) if ok else (0, 1, 1)
    assert counts([metric(scope=gold_scope)], [metric(scope=pred_scope)], "metric") == expected


# ---------------------------------------------------------------- project


def test_lcs_len() -> None:
    assert lcs_len("ABCBDAB", "BDCABA") == 4
    assert lcs_len("", "abc") == 0


@pytest.mark.parametrize(
    "pred_name,ok",
    [
        ("年产1.5万吨高性能稀土永磁材料智能制造项目", True),
        ("高性能稀土永磁材料智能制造项目", True),  # contained in gold
        ("包头年产1.5万吨高性能稀土永磁材料智能制造项目一期", True),  # contains gold
        ("稀土永磁电机智能制造基地", False),
        ("年产2万吨稀土抛光粉生产线", False),
        ("", False),
    ],
)
def test_project_name_containment(pred_name: str, ok: bool) -> None:
    expected = (1, 0, 0) if ok else (0, 1, 1)
    assert counts([project()], [project(name=pred_name)], "project") == expected


def test_project_name_lcs() -> None:
    gold = project(name="稀土永磁材料智能制造项目")
    pred = project(name="稀土永磁电机智能制造基地")
    assert lcs_len(norm_name(gold["name"]), norm_name(pred["name"])) == 8  # 8 / 12 = 0.67
    assert counts([gold], [pred], "project") == (1, 0, 0)


@pytest.mark.parametrize(
    "gold_name,pred_name,ok",
    [
        ("ABCDEFGHIJ", "ABCDEFWXYZ", True),  # 6 / 10 = 0.6
        ("ABCDEFGHIJ", "ABCDEVWXYZ", False),  # 5 / 10 = 0.5
        ("ABCDEFGHIJKL", "ABCDEFGuvwxy", False),  # 7 / 12 = 0.58
        ("ABCDEFGHIJKLMNOPQR", "ABCDEFGHIJKuvwxyzz", True),  # 11 / 18 = 0.61
        ("ABCDEFGHIJ", "ABCDEFGHIJKLMNO", True),  # containment, 10 / 15 but contained
        ("ABCDEFGHIJ", "ABCDEFxxxxxxxxxxxxxxxxx", False),  # 6 / 23
    ],
)
def test_project_name_lcs_boundary(gold_name: str, pred_name: str, ok: bool) -> None:
    gold = project(name=gold_name, company=None, park=None)
    pred = project(name=pred_name, company=None, park=None)
    assert counts([gold], [pred], "project") == ((1, 0, 0) if ok else (0, 1, 1))


def test_project_company_and_park_by_cluster() -> None:
    assert counts([project()], [project(company="安德公司", park="稀土高新区")], "project") == (1, 0, 0)
    assert counts([project()], [project(company="卧龙集团")], "project") == (0, 1, 1)
    assert counts([project()], [project(company=None)], "project") == (0, 1, 1)
    assert counts([project()], [project(park="希望工业园区")], "project") == (0, 1, 1)
    # only checked where gold gives them
    assert counts([project(company=None, park=None)], [project(company="卧龙", park="希望工业园区")], "project") == (1, 0, 0)


def test_project_investment_tolerance() -> None:
    gold = project(investment=qty(10e8))
    assert counts([gold], [project(investment=qty(10.04e8))], "project") == (1, 0, 0)
    assert counts([gold], [project(investment=qty(10.06e8))], "project") == (0, 1, 1)
    assert counts([gold], [project(investment=None)], "project") == (0, 1, 1)
    assert counts([gold], [project(investment=qty(10e8, unit="USD"))], "project") == (0, 1, 1)
    # a predicted investment is not checked when gold has none
    assert counts([project()], [project(investment=qty(3e8))], "project") == (1, 0, 0)


# ---------------------------------------------------------------- matching


def test_one_to_one_matching() -> None:
    assert counts([metric()], [metric(), metric()], "metric") == (1, 1, 0)
    assert counts([metric(), metric()], [metric()], "metric") == (1, 0, 1)
    loc = {"type": "located_in", "company": ANDE, "park": PARK}
    assert counts([loc], [loc, {**loc, "company": "安德公司"}], "located_in") == (1, 1, 0)


def test_maximal_matching_independent_of_order() -> None:
    # gold g1 (yoy 10) and g2 (yoy 10, share 5); p1 agrees with both, p2 only with g2.
    g1 = metric(value=None, yoy_pct=10.0)
    g2 = metric(value=None, yoy_pct=10.0, share_pct=5.0)
    p1 = metric(value=None, yoy_pct=10.0, share_pct=5.0)
    p2 = metric(value=None, yoy_pct=20.0, share_pct=5.0)
    # every order of gold and predictions finds both pairs (a greedy pass in gold order
    # would give g2 the prediction p1 and leave g1 unmatched)
    for gold in ([g1, g2], [g2, g1]):
        for pred in ([p1, p2], [p2, p1]):
            assert counts(gold, pred, "metric_relaxed") == (2, 0, 0)
    r = evaluate([doc([g2, g1])], [doc([p1, p2])])
    d = r.details["d1"]["metric_relaxed"]
    assert sorted(map(id, (g for g, _ in d.matched))) == sorted([id(g1), id(g2)])
    assert (g1, p1) in d.matched and (g2, p2) in d.matched and not d.missed and not d.spurious


def test_maximal_matching_long_augmenting_path() -> None:
    # a chain g_k matches p_k and p_{k+1}; gold order reversed so each new gold must push
    # the earlier ones along: only a full augmenting path finds all n pairs
    n = 6
    golds = [metric(value=None, yoy_pct=float(k), share_pct=float(k + 1)) for k in range(n)]
    preds = [metric(value=None, yoy_pct=float(k), share_pct=float(k)) for k in range(n + 1)]
    assert counts(golds, preds, "metric_relaxed") == (n, 1, 0)
    assert counts(golds[::-1], preds[::-1], "metric_relaxed") == (n, 1, 0)


def test_fact_types_scored_separately() -> None:
    loc = {"type": "located_in", "company": ANDE, "park": PARK}
    r = evaluate([doc([metric(), loc])], [doc([loc])])
    assert (r.parts["located_in"].tp, r.parts["metric"].fn, r.parts["metric"].fp) == (1, 1, 0)
    assert (r.parts["overall"].tp, r.parts["overall"].fp, r.parts["overall"].fn) == (1, 0, 1)


# ---------------------------------------------------------------- entities / clusters


def test_entities_exact_offsets() -> None:
    e = {"start": 10, "end": 16, "label": "PARK", "text": "阿拉善高新区"}
    ok = evaluate([doc(entities=[e])], [doc(entities=[e, e])]).parts["entities"]
    assert (ok.tp, ok.fp, ok.fn) == (1, 0, 0)
    for bad in ({**e, "end": 15}, {**e, "start": 9}, {**e, "label": "COMPANY"}):
        s = evaluate([doc(entities=[e])], [doc(entities=[bad])]).parts["entities"]
        assert (s.tp, s.fp, s.fn) == (0, 1, 1)


def _cluster_counts(pred_clusters: list[dict]) -> tuple[int, int, int]:
    s = evaluate([doc()], [doc(clusters=pred_clusters)]).parts["clusters"]
    return s.tp, s.fp, s.fn


def test_clusters_scoring() -> None:
    assert _cluster_counts(CLUSTERS) == (4, 0, 0)
    # found through an alias name only, with an extra unknown name: tp, no fp
    one = {"label": "COMPANY", "canonical": "安德公司", "names": ["安德 公司", "安德"]}
    assert _cluster_counts([one]) == (1, 0, 3)
    # a cluster with only unknown names is one false positive
    unknown = {"label": "COMPANY", "canonical": "北方股份", "names": ["北方股份", "北方重汽"]}
    assert _cluster_counts([one, unknown]) == (1, 1, 3)
    # identical spurious clusters count once; a differently named one counts again
    other = {"label": "COMPANY", "canonical": "华电", "names": ["华电"]}
    assert _cluster_counts([one, unknown, dict(unknown), other]) == (1, 2, 3)
    # a known name under the wrong label does not count
    wrong = {"label": "PARK", "canonical": "安德公司", "names": ["安德公司"]}
    assert _cluster_counts([wrong]) == (0, 1, 4)
    # a merged cluster finds both gold clusters; a split one finds its cluster once
    merged = {"label": "PARK", "canonical": PARK, "names": ["稀土高新区", "希望工业园区"]}
    split = [{"label": "COMPANY", "canonical": "卧龙", "names": ["卧龙"]},
             {"label": "COMPANY", "canonical": "卧龙集团", "names": ["卧龙集团"]}]
    assert _cluster_counts([merged, *split]) == (3, 0, 1)


# ---------------------------------------------------------------- documents and totals


def test_gold_against_itself_is_perfect() -> None:
    result = evaluate(GOLD_PATH, GOLD_PATH)
    assert result.warnings == []
    for part in PARTS:
        s = result.parts[part]
        assert (s.p, s.r, s.f1, s.fp, s.fn) == (1.0, 1.0, 1.0, 0, 0), part
        assert s.tp > 0
    assert result.parts["overall"].tp == sum(result.parts[p].tp for p in ("alias", "located_in", "metric", "project"))


def test_missing_document_is_all_false_negatives() -> None:
    preds = [d for d in GOLD if d["doc_id"] != GOLD[0]["doc_id"]]
    result = evaluate(GOLD, preds)
    missing = result.per_doc[GOLD[0]["doc_id"]]
    for part in PARTS:
        assert missing[part].tp == 0 and missing[part].fp == 0
        assert result.parts[part].fn == missing[part].fn
    assert missing["metric"].fn == sum(f["type"] == "metric" for f in GOLD[0]["facts"])
    assert missing["entities"].fn == len(GOLD[0]["entities"])
    assert any(GOLD[0]["doc_id"] in w for w in result.warnings)


def test_prediction_for_unknown_document_is_ignored() -> None:
    extra = copy.deepcopy(GOLD[0])
    extra["doc_id"] = "not_in_gold"
    result = evaluate(GOLD, GOLD + [extra])
    assert result.parts["overall"].fp == 0
    assert "not_in_gold" not in result.per_doc
    assert any("not_in_gold" in w for w in result.warnings)


def test_micro_average_over_documents() -> None:
    d1 = doc([metric()], doc_id="a")
    d2 = doc([metric(), metric(indicator="gdp")], doc_id="b")
    p2 = doc([metric(), metric(indicator="exports"), metric(indicator="tax_revenue")], doc_id="b")
    result = evaluate([d1, d2], [doc(doc_id="a"), p2])
    s = result.parts["metric"]
    assert (s.tp, s.fp, s.fn) == (1, 2, 2)
    assert s.p == pytest.approx(1 / 3) and s.r == pytest.approx(1 / 3) and s.f1 == pytest.approx(1 / 3)
    assert result.per_doc["a"]["metric"].fn == 1


def test_zero_division_is_zero() -> None:
    s = evaluate([doc()], [doc()]).parts["alias"]
    assert (s.p, s.r, s.f1, s.tp, s.fp, s.fn) == (0.0, 0.0, 0.0, 0, 0, 0)


def test_to_json_shape() -> None:
    out = evaluate(GOLD, GOLD[1:]).to_json()
    assert list(out) == [
        "entities", "clusters", "alias", "located_in", "metric", "metric_relaxed", "project", "overall"
    ]
    for scores in out.values():
        assert set(scores) == {"p", "r", "f1", "tp", "fp", "fn"}
    json.dumps(out)


def test_accepts_paths_and_models(tmp_path: Path) -> None:
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("\n".join(json.dumps(d, ensure_ascii=False) for d in GOLD[:2]) + "\n\n", encoding="utf-8")
    from_path = evaluate(str(GOLD_PATH), pred_path).to_json()
    from_models = evaluate(GOLD, [DocResult.model_validate(d) for d in GOLD[:2]]).to_json()
    assert from_path == from_models
    assert from_path["overall"]["fp"] == 0 and from_path["overall"]["fn"] > 0


# ---------------------------------------------------------------- report


def test_render_table() -> None:
    table = render_table(evaluate(GOLD, GOLD[1:]))
    lines = table.splitlines()
    assert len(lines) == 2 + len(PARTS)
    assert len({len(line) for line in lines}) == 1  # aligned
    assert lines[-1].startswith("overall")


def test_render_html_escapes_and_shows_evidence() -> None:
    text = "<b>园区</b> 包头稀土高新区工业总产值增长 & 更多"
    gold = doc([metric(evidence=[0, 12])], doc_id="x")
    pred = doc([metric(subject="<script>", evidence=None)], doc_id="x")
    page = render_html(evaluate([gold], [pred]), [gold], {"x": text})
    assert page.startswith("<!DOCTYPE html>")
    assert "<script>" not in page and "&lt;script&gt;" in page
    assert "&lt;b&gt;园区&lt;/b&gt;" in page
    assert "missed (gold)" in page and "spurious (predicted)" in page
    assert "http" not in page


def test_render_html_on_seeds() -> None:
    texts = read_texts(ROOT / "seeds" / "docs")
    assert set(texts) == {d["doc_id"] for d in GOLD}
    page = render_html(evaluate(GOLD, GOLD[:1]), GOLD_PATH, texts)
    assert all(f'id="{d["doc_id"]}"' in page for d in GOLD)
    # a missed gold fact of the unpredicted second document shows its evidence text
    fact = GOLD[1]["facts"][0]
    quote = texts[GOLD[1]["doc_id"]][fact["evidence"][0] : fact["evidence"][1]]
    assert quote and html.escape(quote) in page


# ---------------------------------------------------------------- cross-check


_UNKNOWN = ["北方股份", "华电集团", "某某科技有限公司", "天衢新区", "中关村"]


def _spaced(rng: random.Random, s: str) -> str:
    """Same name after norm_name: insert whitespace or make characters full-width."""
    if not s:
        return s
    i = rng.randrange(len(s) + 1)
    s = s[:i] + rng.choice([" ", "\n\n", "\u3000"]) + s[i:]
    return "".join(chr(ord(c) + 0xFEE0) if 0x21 <= ord(c) <= 0x7E and rng.random() < 0.5 else c for c in s)


def _rename(rng: random.Random, name: Optional[str], gold: dict, label: Optional[str]) -> Optional[str]:
    clusters = [c for c in gold["clusters"] if label is None or c["label"] == label]
    roll = rng.random()
    mine = [c for c in clusters if name is not None and norm_name(name) in {norm_name(n) for n in c["names"]}]
    if roll < 0.35 and mine:
        return rng.choice(mine[0]["names"])  # alias of the same cluster
    if roll < 0.55 and clusters:
        return rng.choice(rng.choice(clusters)["names"])
    if roll < 0.7:
        return rng.choice(_UNKNOWN)
    if roll < 0.8:
        return None
    return _spaced(rng, name or "")


def _num(rng: random.Random, x: Optional[float], rel: bool) -> Optional[float]:
    roll = rng.random()
    if roll < 0.15:
        return None
    if x is None:
        return round(rng.uniform(0, 100), 1) if roll < 0.4 else None
    sign = rng.choice([-1, 1])
    if rel:  # 0.5 % relative tolerance, keep clear of the edge
        d = rng.uniform(0.0001, 0.0045) if roll < 0.7 else rng.uniform(0.0055, 0.5)
        return x * (1 + sign * d)
    d = rng.uniform(0.001, 0.045) if roll < 0.7 else rng.uniform(0.055, 5)
    return x + sign * d


def _quantity(rng: random.Random, q: Optional[dict]) -> Optional[dict]:
    roll = rng.random()
    if roll < 0.15:
        return None
    if q is None:
        return qty(rng.choice([1e8, 5.0, 158.0]), rng.choice(["CNY", "count"])) if roll < 0.3 else None
    q = dict(q)
    if roll < 0.3:
        q["unit"] = rng.choice(["CNY", "count", "%", "W"])
    for k in ("value", "low", "high"):
        if q[k] is not None or rng.random() < 0.1:
            q[k] = _num(rng, q[k], rel=True)
    return q


def _perturb_fact(rng: random.Random, f: dict, gold: dict) -> dict:
    f = copy.deepcopy(f)
    t = f["type"]
    field = rng.choice({
        "alias": ["name", "alias", "label"],
        "located_in": ["company", "park"],
        "metric": ["subject", "indicator", "period", "value", "yoy_pct", "share_pct", "scope"],
        "project": ["name", "company", "park", "investment"],
    }[t])
    if t == "alias" and field == "name":
        f["name"] = _rename(rng, f["name"], gold, f["label"]) or ""
    elif t == "alias" and field == "alias":
        f["alias"] = rng.choice([_spaced(rng, f["alias"]), f["alias"][:-1], rng.choice(_UNKNOWN)])
    elif field == "label":
        f["label"] = rng.choice(["PARK", "COMPANY", None])
    elif field in ("company", "park", "subject"):
        label = {"company": "COMPANY", "park": "PARK", "subject": None}[field]
        new = _rename(rng, f.get(field), gold, label)
        f[field] = new if (new is not None or t == "project") else rng.choice(_UNKNOWN)
    elif field == "indicator":
        f["indicator"] = rng.choice(["gdp", "other", "fixed_asset_investment", f["indicator"]])
    elif field == "period":
        p = dict(f["period"] or {"year": None, "start_month": None, "end_month": None})
        k = rng.choice(["year", "start_month", "end_month", "null", "empty"])
        if k == "null":
            f["period"] = None
        elif k == "empty":
            f["period"] = {"year": None, "start_month": None, "end_month": None}
        else:
            p[k] = rng.choice([None, 2022, 1, 3, (p[k] or 0) + 1])
            f["period"] = p
    elif field in ("value", "investment"):
        f[field] = _quantity(rng, f.get(field))
    elif field in ("yoy_pct", "share_pct"):
        f[field] = _num(rng, f.get(field), rel=False)
    elif field == "scope":
        s = f.get("scope") or ""
        f["scope"] = rng.choice([None, "", s + "领域", s[1:], s[:-1], _spaced(rng, s), "第二产业", "工业"])
    elif t == "project" and field == "name":
        n = f["name"]
        cut = rng.randrange(1, max(2, len(n)))
        f["name"] = rng.choice([n[:cut], n[cut:], n[:cut] + "二期" + n[cut:], n[::-1], _spaced(rng, n), "某某项目"])
    return f


def _perturb_doc(rng: random.Random, gold: dict) -> dict:
    pred = copy.deepcopy(gold)
    ents = []
    for e in pred["entities"]:
        r = rng.random()
        if r < 0.1:
            continue
        if r < 0.2:
            e = {**e, rng.choice(["start", "end"]): e["start"] + rng.choice([-1, 1])}
        elif r < 0.25:
            e = {**e, "label": "PARK" if e["label"] == "COMPANY" else "COMPANY"}
        ents.append(e)
    ents += [{"start": s, "end": s + 4, "label": "PARK", "text": "xxxx"} for s in rng.sample(range(5000), 3)]
    rng.shuffle(ents)
    pred["entities"] = ents

    clusters = []
    for c in pred["clusters"]:
        r = rng.random()
        if r < 0.1:
            continue
        c = copy.deepcopy(c)
        if r < 0.3:
            c["names"] = [rng.choice(c["names"])]
            c["canonical"] = _spaced(rng, c["names"][0])
        elif r < 0.4:
            c["names"] = [rng.choice(_UNKNOWN)]
            c["canonical"] = c["names"][0]
        elif r < 0.5:
            c["label"] = "PARK" if c["label"] == "COMPANY" else "COMPANY"
        clusters.append(c)
    for _ in range(rng.randrange(3)):
        name = rng.choice(_UNKNOWN)
        clusters.append({"label": rng.choice(["PARK", "COMPANY"]), "canonical": name, "names": [name]})
    if len(clusters) > 1 and rng.random() < 0.5:
        a, b = rng.sample(range(len(clusters)), 2)
        clusters[a] = {**clusters[a], "names": clusters[a]["names"] + clusters[b]["names"]}
    rng.shuffle(clusters)
    pred["clusters"] = clusters

    facts = []
    for f in pred["facts"]:
        r = rng.random()
        if r < 0.12:
            continue
        if r < 0.5:
            f = _perturb_fact(rng, f, gold)
            if rng.random() < 0.3:
                f = _perturb_fact(rng, f, gold)
        facts.append(f)
        if rng.random() < 0.05:
            facts.append(copy.deepcopy(f))  # duplicate
    for _ in range(rng.randrange(6)):
        if gold["facts"]:
            facts.append(_perturb_fact(rng, rng.choice(gold["facts"]), gold))  # near-miss spurious
    if rng.random() < 0.7:
        rng.shuffle(facts)
    pred["facts"] = facts
    return pred


def _perturb(seed: int) -> list[dict]:
    rng = random.Random(seed)
    preds = [_perturb_doc(rng, d) for d in GOLD if rng.random() > 0.1]
    if rng.random() < 0.2:
        preds.append({**_perturb_doc(rng, GOLD[0]), "doc_id": "extra"})
    return preds


def _as_counts(result: Any) -> dict:
    per_doc = {
        doc_id: {part: (s.tp, s.fp, s.fn) for part, s in parts.items()}
        for doc_id, parts in result.per_doc.items()
    }
    total = {part: (s.tp, s.fp, s.fn) for part, s in result.parts.items()}
    return {"per_doc": per_doc, "total": total}


def test_perturbations_are_not_trivial() -> None:
    """The cross-check below only means something if perturbations change the scores."""
    totals = [evaluate(GOLD, _perturb(seed)).to_json() for seed in range(5)]
    for part in PARTS:
        assert any(t[part]["fp"] for t in totals), part
        assert any(t[part]["fn"] for t in totals), part
        assert all(t[part]["tp"] for t in totals), part


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(min_value=0, max_value=2**32 - 1))
def test_matches_reference_scorer(seed: int) -> None:
    preds = _perturb(seed)
    assert _as_counts(evaluate(GOLD, preds)) == reference_score(GOLD, preds)
