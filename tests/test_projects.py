"""Project and located_in grammar on invented sentences (no seed text)."""
from __future__ import annotations

import pytest

from zone_ie.pipeline import load, make_doc


@pytest.fixture(scope="module")
def nlp():
    return load(segmenter="char")


def facts(nlp, text: str, kind: str) -> list[dict]:
    doc = nlp(make_doc(nlp, text))
    return [f.model_dump(mode="json") for f in doc._.facts if f.type == kind]


def test_list_items_are_projects_with_their_company_and_status(nlp):
    text = "临川高新区召开推进会。今年以来，临川高新区重点实施了青禾生物二期、东岳机械技改、明川制药等8个项目。"
    ps = {p["name"]: p for p in facts(nlp, text, "project")}
    assert set(ps) == {"青禾生物二期", "东岳机械技改", "明川制药"}
    assert all(p["status"] == "under_construction" and p["park"] == "临川高新区" for p in ps.values())
    assert ps["明川制药"]["company"] == "明川制药"


def test_he_splits_a_list_only_before_a_company(nlp):
    text = "临川高新区实施了防风固沙和光伏治理一体化工程、青禾光电有限公司扩建和明川制药有限公司技改等项目。"
    names = {p["name"] for p in facts(nlp, text, "project")}
    assert names == {"防风固沙和光伏治理一体化工程", "青禾光电有限公司扩建", "明川制药有限公司技改"}


def test_shared_suffix_list(nlp):
    text = "临川高新区加快服务。正在推进青禾生物、明川制药项目搬迁升级。"
    names = {p["name"] for p in facts(nlp, text, "project")}
    assert names == {"青禾生物项目搬迁升级", "明川制药项目搬迁升级"}


def test_group_counts_are_not_projects(nlp):
    text = "临川高新区今年签约46个工业项目，其中一批高端装备项目已开工。"
    assert facts(nlp, text, "project") == []


def test_company_phase_with_capacity(nlp):
    text = "临川高新区企业青禾新能源股份有限公司光伏组件三期10GW全面达产。"
    (p,) = facts(nlp, text, "project")
    assert p["name"] == "青禾新能源股份有限公司光伏组件三期"
    assert p["capacity"] == [{"value": 1e10, "low": None, "high": None, "unit": "W", "qualifier": None, "classifier": None}]
    assert p["status"] == "in_production"


def test_repeated_project_mentions_merge(nlp):
    text = ("临川高新区企业青禾新材料有限公司年产3万吨高纯硅材料项目开工。"
            "青禾新材料年产3万吨高纯硅材料项目计划总投资20亿元。")
    (p,) = facts(nlp, text, "project")
    assert p["investment"]["value"] == pytest.approx(2e9)


def test_standalone_works_need_a_construction_verb(nlp):
    text = "临川高新区完成了滨江路雨污分流改造工程。临川高新区重视水利工程领域。"
    names = [p["name"] for p in facts(nlp, text, "project")]
    assert names == ["滨江路雨污分流改造工程"]


def test_suffix_inside_a_company_name_is_not_a_project(nlp):
    text = "临川高新区企业明川工程软件股份有限公司完成改制。"
    assert facts(nlp, text, "project") == []


def test_partner_is_not_located_in(nlp):
    text = "临川高新区企业东岳机械股份有限公司与青禾钢铁达成了年产5万吨钢棒生产线项目。"
    pairs = {(f["company"], f["park"]) for f in facts(nlp, text, "located_in")}
    assert ("东岳机械股份有限公司", "临川高新区") in pairs
    assert not any(c == "青禾钢铁" for c, _ in pairs)
    (p,) = facts(nlp, text, "project")
    assert p["company"] == "东岳机械股份有限公司"


def test_supplier_of_a_listed_firm_is_not_located_in(nlp):
    text = "临川高新区企业发展迅速。120家企业成长为明川电网等知名企业的稳定供货商。"
    assert all(f["company"] != "明川电网" for f in facts(nlp, text, "located_in"))


def test_located_in_names_one_cluster_once(nlp):
    text = "东岳机械股份有限公司（以下简称东岳机械）落户临川高新区。东岳机械扎根临川高新区多年。"
    pairs = [(f["company"], f["park"]) for f in facts(nlp, text, "located_in")]
    assert len(pairs) == 1
