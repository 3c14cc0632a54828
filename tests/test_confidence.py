"""The metric-confidence filter (``zone_fact_filter``, ``zone_ie.confidence``) on
sentences written for it, and the training script's fit."""
from __future__ import annotations

from pathlib import Path

import pytest

import zone_ie
from factkit import load_script
from zone_ie.confidence import FEATURES_VERSION, FactScorer, record_inputs
from zone_ie.pipeline import load, make_doc

ROOT = Path(__file__).resolve().parents[1]

# one park figure stated plainly, then figures the rules read but are unlikely right:
# a forecast capacity of a product list far from the subject, a visit frequency
TEXT = (
    "2024年1—6月，青禾高新区实现规上工业总产值126.4亿元，同比增长9.2%。\n"
    "园区持续优化营商环境，组建服务专班，为企业解决难题。围绕主导产业，园区谋划了一批延链补链项目，"
    "建成后将具备800台伺服电机、2万台水泵、1.5万套控制柜的年产能。各服务专班每月走访企业不少于1次。"
)


def metric_values(doc) -> set:
    return {(f.value.value if f.value else f.yoy_pct) for f in doc._.facts if f.type == "metric"}


def test_filter_keeps_the_plain_park_figure_and_drops_unlikely_ones(nlp, rules_nlp) -> None:
    kept = nlp(make_doc(nlp, TEXT, date="2024-07-10"))
    every = rules_nlp(make_doc(rules_nlp, TEXT, date="2024-07-10"))
    assert 1.264e10 in metric_values(kept)
    dropped = metric_values(every) - metric_values(kept)
    assert {800.0, 20000.0, 15000.0} <= metric_values(every)  # the rules read the capacities
    assert {800.0, 20000.0, 15000.0} <= dropped               # the filter finds them unlikely


def test_every_kept_fact_has_its_confidence(nlp) -> None:
    doc = nlp(make_doc(nlp, TEXT, date="2024-07-10"))
    th = nlp.get_pipe("zone_fact_filter").threshold
    assert len(doc._.fact_confidence) == len(doc._.facts) > 0
    for fact, p in zip(doc._.facts, doc._.fact_confidence):
        if fact.type == "metric":
            assert th <= p <= 1.0
        else:
            assert p is None


def test_threshold_zero_scores_but_keeps_everything(rules_nlp) -> None:
    doc = rules_nlp(make_doc(rules_nlp, TEXT, date="2024-07-10"))
    scores = [p for p in doc._.fact_confidence if p is not None]
    assert scores and min(scores) < 0.2  # something the shipped threshold would drop is kept


def test_the_record_path_scores_like_the_pipeline(rules_nlp) -> None:
    """Training reads SPEC records; the component reads Docs: the same probabilities."""
    raw = (ROOT / "seeds" / "docs").glob("*.txt")
    path = sorted(raw)[0]
    text = path.read_text(encoding="utf8")
    doc = rules_nlp(make_doc(rules_nlp, text, doc_id=path.stem))
    record = zone_ie.extract(text, doc_id=path.stem, nlp=rules_nlp).to_json_dict()
    scorer = rules_nlp.get_pipe("zone_fact_filter").scorer
    rep, ents, clusters = record_inputs(record, text)
    assert scorer.score(record["facts"], rep, ents, clusters) == doc._.fact_confidence


def test_a_model_of_another_feature_version_is_refused() -> None:
    with pytest.raises(ValueError, match="retrain"):
        FactScorer({"features_version": FEATURES_VERSION + 1, "metric": {}})


def test_the_model_travels_with_the_pipeline(tmp_path, nlp) -> None:
    nlp.get_pipe("zone_fact_filter").to_disk(tmp_path / "f")
    other = load(segmenter="char")
    pipe = other.get_pipe("zone_fact_filter")
    pipe.scorer.weights.clear()
    pipe.from_disk(tmp_path / "f")
    assert pipe.scorer.weights == nlp.get_pipe("zone_fact_filter").scorer.weights != {}
    restored = pipe.from_bytes(nlp.get_pipe("zone_fact_filter").to_bytes())
    assert restored.scorer.threshold == nlp.get_pipe("zone_fact_filter").scorer.threshold


def _trainer():
    return load_script("benchmarks/train_confidence.py", "train_confidence")


def test_fit_is_deterministic_and_learns_the_sign() -> None:
    T = _trainer()
    rows = [({"ind=other": 1.0}, 0)] * 30 + [({"ind=other": 1.0}, 1)] * 5 \
        + [({"ind=gdp": 1.0}, 1)] * 30 + [({"ind=gdp": 1.0}, 0)] * 5
    w1, b1 = T.fit(rows, l2=1.0)
    w2, b2 = T.fit(list(rows), l2=1.0)
    assert (w1, b1) == (w2, b2)
    assert w1["ind=other"] < 0 < w1["ind=gdp"]
    scorer = T._scorer({}, w1, b1)
    assert scorer.probability({"ind=gdp": 1.0}) > 0.7 > 0.3 > scorer.probability({"ind=other": 1.0})


def test_threshold_weighs_each_set_once() -> None:
    """A small set that loses by filtering counts as much as a big one that gains."""
    T = _trainer()
    scorer = T._scorer({}, {"x": -3.0}, 0.0)   # p(x) ~ 0.05, p(no x) = 0.5
    big = ([({"x": 1.0}, 0)] * 100 + [({}, 1)] * 100, 100)   # filtering x helps
    small = ([({"x": 1.0}, 1)] * 10, 10)                     # filtering x loses everything
    assert T.best_threshold(scorer, [big]) > 0.047  # just above p(x): drops x
    assert T.best_threshold(scorer, [big, small]) == 0.0
