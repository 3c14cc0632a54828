"""Project and located_in grammar on invented sentences (no seed text)."""
from __future__ import annotations

import pytest

from factkit import facts


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


# --- customers, investors, sub-parks (invented sentences) --------------------------
def located(nlp, text: str) -> set[tuple[str, str]]:
    return {(f["company"], f["park"]) for f in facts(nlp, text, "located_in")}


def test_customers_named_as_objects_of_supply_are_not_located_in(nlp):
    text = ("鹿鸣高新区企业青杉电子有限公司今年扩产，产品主要供应华为、海尔等整机厂商。"
            "鹿鸣高新区企业柏川精工有限公司的产品已进入比亚迪、宁德时代的供应链。"
            "鹿鸣高新区的云帆机电有限公司为中联重科、柳工等主机厂提供液压件。")
    assert located(nlp, text) == {
        ("青杉电子有限公司", "鹿鸣高新区"), ("柏川精工有限公司", "鹿鸣高新区"), ("云帆机电有限公司", "鹿鸣高新区")}


def test_investors_are_not_located_in(nlp):
    text = "鹿鸣高新区企业星衍科技有限公司去年完成A轮融资，投资方包括青萍资本和远山创投。"
    assert located(nlp, text) == {("星衍科技有限公司", "鹿鸣高新区")}


def test_company_in_a_sub_park_is_located_in_the_zone_too(nlp):
    text = ("鹿鸣经济开发区今年产值增长。"
            "位于开发区北部的青檀智造产业园，目前已集聚企业40家。园区龙头企业柏川精工有限公司正在扩产。")
    assert located(nlp, text) == {("柏川精工有限公司", "青檀智造产业园"), ("柏川精工有限公司", "鹿鸣经济开发区")}


def test_sub_park_named_after_its_district(nlp):
    text = "雁汀新区智能网联产业园开园。该产业园位于雁汀新区核心区。首批入驻企业中，星衍科技有限公司租用办公面积3000平方米。"
    assert located(nlp, text) == {("星衍科技有限公司", "雁汀新区智能网联产业园"), ("星衍科技有限公司", "雁汀新区")}


def test_park_is_the_home_of_a_company(nlp):
    text = "云岫科技城今年新增企业300家。位于科技城南部的云岫未来产业园，是星衍科技有限公司的“大本营”。"
    assert ("星衍科技有限公司", "云岫未来产业园") in located(nlp, text)
    assert ("星衍科技有限公司", "云岫科技城") in located(nlp, text)


def test_respectively_pairs_companies_sums_and_projects(nlp):
    text = ("鹿鸣经开区举行签约仪式。同日签约的还有云帆机电、博雅精密和远航新材3家企业，"
            "分别投资5亿元、3亿元和2亿元，建设伺服电机、精密轴承和碳纤维复材项目。")
    ps = {p["name"]: (p["company"], p["investment"]["value"], p["park"]) for p in facts(nlp, text, "project")}
    assert ps == {
        "伺服电机项目": ("云帆机电", 5e8, "鹿鸣经开区"),
        "精密轴承项目": ("博雅精密", 3e8, "鹿鸣经开区"),
        "碳纤维复材项目": ("远航新材", 2e8, "鹿鸣经开区"),
    }
    assert {c for c, _ in located(nlp, text)} == {"云帆机电", "博雅精密", "远航新材"}


def test_follow_up_sentence_gives_the_investment(nlp):
    text = ("在鹿鸣生物医药产业园，青杉药业有限公司的细胞治疗产业化基地已进入设备调试阶段。"
            "该基地总投资9亿元，预计明年投产。")
    (p,) = facts(nlp, text, "project")
    assert p["investment"]["value"] == pytest.approx(9e8)


def test_list_of_projects_does_not_take_the_group_total(nlp):
    text = ("鹿鸣科技城集中开工项目12个，总投资90亿元，星衍科技有限公司卫星载荷总装基地、"
            "柏川精工有限公司精密减速器中试项目等均在其列。此次开工的卫星载荷总装基地投资16亿元。")
    ps = {p["company"]: p for p in facts(nlp, text, "project")}
    assert set(ps) == {"星衍科技有限公司", "柏川精工有限公司"}
    assert not any("均在其列" in p["name"] or "以下简称" in p["name"] for p in ps.values())
    assert ps["星衍科技有限公司"]["investment"]["value"] == pytest.approx(1.6e9)
    assert ps["柏川精工有限公司"]["investment"] is None


def test_project_in_a_sub_park_named_before_it(nlp):
    text = "6月8日，位于鹿鸣高新区的青檀光伏产业园内，星衍光能有限公司8GW N型电池片生产线首片下线。"
    (p,) = facts(nlp, text, "project")
    assert p["name"].endswith("8GW N型电池片生产线") and p["park"] == "青檀光伏产业园"
    assert located(nlp, text) == {("星衍光能有限公司", "青檀光伏产业园"), ("星衍光能有限公司", "鹿鸣高新区")}


def test_bare_sub_park_word_points_to_the_named_sub_park(nlp):
    text = ("鹿鸣高新区东部的青檀光电产业园集聚企业50家。"
            "8月，园区龙头企业星衍光电有限公司在产业园南区投资10亿元建设的星衍光电二期封装项目开工。")
    (p,) = facts(nlp, text, "project")
    assert p["park"] == "青檀光电产业园"


def test_here_after_naming_a_sub_park(nlp):
    text = ("鹿鸣高新区加快转型。记者走进鹿鸣高新区另一大园区——青檀储能产业园。"
            "在这里，星衍储能有限公司年产4GWh储能电池项目已经投产。")
    (p,) = facts(nlp, text, "project")
    assert p["park"] == "青檀储能产业园"
    assert located(nlp, text) == {("星衍储能有限公司", "青檀储能产业园"), ("星衍储能有限公司", "鹿鸣高新区")}


def test_name_with_a_counted_annual_output_is_a_project(nlp):
    text = "苇塘高新区招商提速。沐辰光学有限公司计划投资6亿元，在区内建设年产800万只车载镜头生产基地，预计明年投产。"
    (p,) = facts(nlp, text, "project")
    assert p["name"] == "年产800万只车载镜头生产基地"
    assert p["company"] == "沐辰光学有限公司" and p["investment"]["value"] == pytest.approx(6e8)
    assert p["capacity"][0]["value"] == pytest.approx(8e6)


def test_total_investment_of_an_annual_output_project(nlp):
    text = "苇塘高新区加快发展。9月，总投资7亿元的年产40万片陶瓷基板项目开工。"
    (p,) = facts(nlp, text, "project")
    assert p["name"] == "年产40万片陶瓷基板项目" and p["investment"]["value"] == pytest.approx(7e8)


def test_name_introduced_by_the_sum_invested_in_it(nlp):
    text = "朔禾牧业有限公司（简称朔禾牧业）在苇塘高新区投资4亿元建设的3万头肉羊繁育基地项目正在加紧施工。"
    (p,) = facts(nlp, text, "project")
    assert p["name"] == "3万头肉羊繁育基地项目" and p["company"] == "朔禾牧业有限公司"
    assert p["investment"]["value"] == pytest.approx(4e8) and p["status"] == "under_construction"


def test_project_started_with_a_foreign_currency_sum(nlp):
    text = "位于苇塘高新区的澜德传动（苇塘）有限公司，今年在这里投资1.2亿欧元启动第四车间改造项目。"
    (p,) = facts(nlp, text, "project")
    assert p["name"] == "第四车间改造项目" and p["company"] == "澜德传动（苇塘）有限公司"
    assert p["investment"]["value"] == pytest.approx(1.2) and p["investment"]["unit"] == "other:亿欧元"


def test_project_park_is_the_sub_park_its_company_is_in(nlp):
    text = ("记者走进位于苇塘高新区的苇塘智算产业园。"
            "沐辰算力科技有限公司是产业园引进的首个智算中心运营商。6月，总投资9亿元的沐辰算力中心二期项目开工。")
    (p,) = facts(nlp, text, "project")
    assert p["park"] == "苇塘智算产业园"


def test_paragraph_opening_with_a_sub_park_is_about_it(nlp):
    text = ("走进苇塘高新区的低空装备产业园，机器轰鸣。\n"
            "低空装备产业园是苇塘高新区规划建设的园中园。其中，沐辰航空科技有限公司年产500架无人机项目已投产。")
    (p,) = facts(nlp, text, "project")
    assert p["park"] == "低空装备产业园"
    assert located(nlp, text) == {("沐辰航空科技有限公司", "低空装备产业园"), ("沐辰航空科技有限公司", "苇塘高新区")}


def test_park_then_is_does_not_make_a_containment(nlp):
    text = "低空装备产业园是苇塘高新区规划建设的园中园。沐辰航空科技有限公司落户苇塘高新区。"
    assert located(nlp, text) == {("沐辰航空科技有限公司", "苇塘高新区")}


def test_different_phases_are_different_projects(nlp):
    text = ("苇塘高新区企业沐辰新能科技有限公司一期3GW电池组件项目已经投产。"
            "沐辰新能科技有限公司一期项目不远处，青屿风电装备项目正在建设。"
            "为确保沐辰新能科技有限公司二期20GW硅片项目开工，苇塘高新区主动服务。")
    names = sorted(p["name"] for p in facts(nlp, text, "project"))
    assert len([n for n in names if "沐辰" in n or "期" in n]) == 2
    assert any("一期3GW" in n for n in names) and any("二期20GW" in n for n in names)


def test_bare_phase_mention_joins_the_named_phase(nlp):
    text = ("记者走进苇塘高新区。在这里，沐辰新能科技有限公司（以下简称沐辰新能）一期3GW电池组件项目已经投产。"
            "沐辰新能一期项目不远处，青屿风电装备项目正在建设。")
    names = [p["name"] for p in facts(nlp, text, "project") if "一期" in p["name"]]
    assert names == ["一期3GW电池组件项目"]


def test_park_like_items_of_a_project_list_host_nothing(nlp):
    from factkit import facts
    text = ("松岭高新区加快发展。白石钛合金航空新材料产业园、青禾液体动力制造产业基地等重大项目加快建设。")
    projects = {p["name"]: p["park"] for p in facts(nlp, text, "project")}
    # both items are projects of the zone; neither hosts the other (nor itself)
    assert projects == {"白石钛合金航空新材料产业园": "松岭高新区", "青禾液体动力制造产业基地": "松岭高新区"}
    assert not [f for f in facts(nlp, text, "located_in") if f["park"] == "白石钛合金航空新材料产业园"]


def test_completion_figure_after_its_project_sentence_is_scoped_by_it(nlp):
    from factkit import facts
    text = ("松岭高新区加快项目建设。青禾生物制药股份有限公司原料药及成品药建设项目2月开工，总投资28亿元。"
            "项目达产后年产值可达20亿元以上。")
    ms = [m for m in facts(nlp, text, "metric") if m["value"] and m["value"]["value"] == 2e9]
    assert len(ms) == 1 and ms[0]["scope"] and ms[0]["scope"].endswith("原料药及成品药建设项目")


def test_conjunction_inside_a_project_name_keeps_the_name_whole(nlp):
    from factkit import facts
    text = "松岭高新区加快项目建设。青禾生物制药股份有限公司原料药及成品药建设项目2月开工，总投资28亿元。"
    (p,) = facts(nlp, text, "project")
    assert p["name"].endswith("原料药及成品药建设项目") and p["company"] == "青禾生物制药股份有限公司"
    assert p["investment"]["value"] == 2.8e9


def test_park_named_items_of_a_project_list_are_hosted_by_the_zone(nlp):
    # ``X产业园三期、Y产业园等重点项目``: the park-like items are projects of the zone the
    # sentence names; neither hosts the other
    from zone_ie import extract
    text = "青禾经开区今年将加快推进青禾大数据产业园三期、川西装备制造产业园等重点项目建设。"
    r = extract(text, doc_id="x", date="2022-03-08", nlp=nlp)
    got = {(f.name, f.park) for f in r.facts if f.type == "project"}
    assert got == {("青禾大数据产业园三期", "青禾经开区"), ("川西装备制造产业园", "青禾经开区")}


@pytest.mark.parametrize("text, name", [
    ("青禾钛业有限公司签约建设20万吨/年钛白粉后处理项目，总投资6.3亿元。", "20万吨/年钛白粉后处理项目"),
    ("青禾树脂有限公司投资2亿元建设水性环保树脂生产项目。", "水性环保树脂生产项目"),
])
def test_company_followed_by_builder_verbs_builds_the_named_project(nlp, text, name):
    from zone_ie import extract
    r = extract(text, doc_id="x", date="2018-09-20", nlp=nlp)
    got = [(f.name, f.company) for f in r.facts if f.type == "project"]
    assert got == [(name, text[:text.index("有限公司") + 4])]


def test_projects_counted_again_are_no_new_project(nlp):
    from zone_ie import extract
    text = ("青禾钛业有限公司（以下简称“青禾钛业”）签约建设钛白粉后处理项目，总投资6.3亿元。"
            "青禾钛业、金星化工两个项目投产后，产业链将进一步向高端延伸。")
    r = extract(text, doc_id="x", date="2018-09-20", nlp=nlp)
    assert [f.name for f in r.facts if f.type == "project"] == ["钛白粉后处理项目"]


def test_projects_listed_with_their_bracketed_costs(nlp):
    text = "青禾高新区开工项目3个:远帆液晶显示模组扩建项目(3亿元)、石桥可降解环保日用品项目(0.82亿元)、嘉禾机械配件项目(0.6亿元)。"
    got = {f["name"]: (f["park"], f["investment"]["value"]) for f in facts(nlp, text, "project")}
    assert got == {
        "远帆液晶显示模组扩建项目": ("青禾高新区", 300000000.0),
        "石桥可降解环保日用品项目": ("青禾高新区", 82000000.0),
        "嘉禾机械配件项目": ("青禾高新区", 60000000.0),
    }


ENUMERATED = (
    "12月5日，青禾经济开发区重点项目集中签约活动举行。青禾经开区目前布局有低碳生态园、新材料产业园和特色轻工产业园三个专业园区。\n\n"
    "本次集中签约的4个项目分别是：\n"
    "1.山西晋瑞硅材料科技有限公司年产2万吨高纯石英砂提纯项目，总投资6.2亿元，落户新材料产业园；\n"
    "2.深圳市鑫源储能科技有限公司年产1.5GWh储能电池系统集成项目，总投资16.5亿元，落户低碳生态园；\n"
    "3.吕梁恒泰新能源有限公司200兆瓦分布式光伏及配套储能项目，总投资8.5亿元；\n"
    "4.杭州谷丰家居有限公司年产30万套定制家具智能制造项目，总投资2.8亿元，落户特色轻工产业园。\n"
    "青禾经开区管委会表示，将为每个项目配备专班。"
)


def test_each_enumerated_item_keeps_its_own_sub_park(nlp):
    got = {f["company"]: f["park"] for f in facts(nlp, ENUMERATED, "project", "2024-12-06")}
    assert got["山西晋瑞硅材料科技有限公司"] == "新材料产业园"
    assert got["深圳市鑫源储能科技有限公司"] == "低碳生态园"  # named by the counted list of parts
    assert got["吕梁恒泰新能源有限公司"] in ("青禾经济开发区", "青禾经开区")  # no sub-park of its own
    assert got["杭州谷丰家居有限公司"] == "特色轻工产业园"  # 家居: 居 is no boundary inside a word


@pytest.mark.parametrize("anaphor", ["该企业", "该公司", "公司"])
def test_a_company_anaphor_builds_the_project(nlp, anaphor):
    text = f"盘锦澄江新材料有限公司是青禾新区培育起来的本土龙头。{anaphor}此次追加投资42亿元建设高端聚烯烃二期项目，规划年产高端聚烯烃40万吨。"
    [p] = facts(nlp, text, "project", "2024-01-01")
    assert p["company"] in ("盘锦澄江新材料有限公司", "澄江新材料")
    assert p["investment"]["value"] == 42e8


@pytest.mark.parametrize(
    "text,want",
    [
        # each clause names its own investor and sum
        ("临川高新区签约项目亮点纷呈。青禾半导体有限公司将投资22亿元建设年产36万片碳化硅衬底项目，"
         "明川智造科技有限公司将投资12亿元建设智能终端研发生产基地。",
         {"年产36万片碳化硅衬底项目": 2.2e9, "智能终端研发生产基地": 1.2e9}),
        # a list of projects, each introduced by its own sum
        ("临川高新区上半年新开工一批项目。总投资35亿元的青禾风电装备基地、投资12亿元的年产8000万颗传感器项目相继开工。",
         {"青禾风电装备基地": 3.5e9, "年产8000万颗传感器项目": 1.2e9}),
        # the sum after the name, in the clause that follows, still belongs to it
        ("临川高新区再添新动能。明川新材料有限公司年产2万吨锂电池铜箔项目签约落地，总投资18亿元。",
         {"明川新材料有限公司年产2万吨锂电池铜箔项目": 1.8e9}),
    ],
)
def test_each_project_takes_the_sum_invested_in_it(nlp, text, want):
    got = {p["name"]: (p["investment"] or {}).get("value") for p in facts(nlp, text, "project")}
    assert got == want


@pytest.mark.parametrize("tail", ["今年相继开工", "均已投产", "正式签约"])
def test_items_named_in_full_keep_their_names_before_a_predicate(nlp, tail):
    text = f"临川高新区企业扩产提速。青禾生物年产5万台电机项目、明川制药年产2万吨原料药项目{tail}，总投资分别为3.2亿元和1.5亿元。"
    ps = {p["name"]: p for p in facts(nlp, text, "project")}
    assert set(ps) == {"青禾生物年产5万台电机项目", "明川制药年产2万吨原料药项目"}
    assert ps["明川制药年产2万吨原料药项目"]["company"] == "明川制药"


def test_a_park_opening_a_list_item_is_the_items_park_not_part_of_the_name(nlp):
    text = "临川市一季度招商到位资金5亿元。其中，长兴工业园华远新材年产3万吨改性塑料、瑞丰科技精密轴承等5个项目到位资金2.1亿元；东岭工业园青禾光电年产1万套镜头模组等3个项目到位资金0.8亿元。"
    ps = {p["name"]: p for p in facts(nlp, text, "project")}
    assert ps["华远新材年产3万吨改性塑料"]["park"] == "长兴工业园"
    assert ps["华远新材年产3万吨改性塑料"]["company"] == "华远新材"
    assert ps["瑞丰科技精密轴承"]["park"] == "长兴工业园"
    assert ps["青禾光电年产1万套镜头模组"]["park"] == "东岭工业园"
    assert not any(n.startswith(("长兴", "东岭")) for n in ps)


def test_a_sub_park_in_another_firm_s_clause_hosts_only_that_firm_s_project(nlp):
    text = ("青禾经开区举行集中签约。签约现场，华远电子有限公司投资12亿元建设高多层印制电路板项目，"
            "宏拓新能源有限公司投资20亿元，在开发区新能源材料产业园建设年产5万吨正极材料项目，"
            "锐芯科技有限公司则将投资8.5亿元建设车规级功率模块封测基地。")
    got = {p["name"]: p["park"] for p in facts(nlp, text, "project")}
    assert got == {"高多层印制电路板项目": "青禾经开区", "年产5万吨正极材料项目": "新能源材料产业园",
                   "车规级功率模块封测基地": "青禾经开区"}


def test_projects_going_to_a_park_together_are_all_hosted_there(nlp):
    text = ("青禾市新材料项目集中签约。华远电子有限公司年产500吨高纯铟项目总投资6.8亿元，"
            "宏拓新能源有限公司年产3万吨再生铝项目总投资5.6亿元，两个项目均落户青禾有色金属产业园。")
    got = {p["name"]: p["park"] for p in facts(nlp, text, "project")}
    assert set(got.values()) == {"青禾有色金属产业园"}


def test_links_to_other_articles_give_no_located_in_or_project(nlp):
    text = ("青禾经开区上半年经济运行平稳，规上工业产值增长8%。\n\n"
            "上一篇:湖南星沙精密机械有限公司入驻青禾经开区\n"
            "下一篇:华远电子有限公司年产10万台电机项目在青禾经开区开工\n"
            "相关阅读\n青禾经开区举行招商推介会 2024-05-01")
    assert facts(nlp, text, "located_in") == [] and facts(nlp, text, "project") == []


def test_a_table_with_bars_is_no_menu(nlp):
    text = ("青禾经开区2023年签约项目一览：\n"
            "序号 | 项目名称 | 投资主体 | 总投资（亿元）\n"
            "1 | 年产10万台电机项目 | 华远电子有限公司 | 12.5\n"
            "2 | 年产5万吨树脂项目 | 蓝天化工有限公司 | 8.2\n")
    assert {p["name"] for p in facts(nlp, text, "project")} >= {"年产10万台电机项目", "年产5万吨树脂项目"}


@pytest.mark.parametrize("text, name", [
    ("青禾工业园区加快招商。科裕电子项目总投资1.2亿元，已于3月投产。", "科裕电子项目"),
    ("青禾经开区今年实施白沙新能源汽车项目，总投资201.6亿元。", "白沙新能源汽车项目"),
])
def test_a_project_named_with_its_own_investment_is_a_project(nlp, text, name):
    assert name in {p["name"] for p in facts(nlp, text, "project")}


@pytest.mark.parametrize("text", ["青禾经开区重点项目总投资56亿元。", "全区产业项目计划总投资120亿元。"])
def test_a_kind_of_project_with_a_sum_is_no_project(nlp, text):
    assert facts(nlp, text, "project") == []


@pytest.mark.parametrize("text, company", [
    ("青禾高新区新签约一批项目。美国恒力新能源汽车电池包系统生产项目总投资5.5亿元。", "美国恒力"),
    ("青禾经开区引进日本东研汽车零部件基地项目。", "日本东研"),
])
def test_a_country_and_a_brand_opening_a_project_name_are_a_foreign_firm(nlp, text, company):
    (p,) = facts(nlp, text, "project")
    assert p["company"] == company


def test_a_country_in_prose_is_no_firm(nlp):
    text = "青禾综保区对美国市场出口增长两成，日本客户订单增加。"
    assert facts(nlp, text, "located_in") == [] and facts(nlp, text, "project") == []


def test_a_zone_opening_the_sentence_as_a_locative_hosts_the_listed_projects(nlp):
    text = ("白沙工业园区上半年产值增长10%，白沙工业园区新增企业5家。"
            "东岭工业园区醴陵陶瓷产业基地内，鑫陶环保、华星化工填料等企业扩能项目稳步推进。")
    assert {p["park"] for p in facts(nlp, text, "project")} == {"醴陵陶瓷产业基地"}


def test_a_park_name_joined_into_a_projects_name_hosts_no_later_items(nlp):
    text = ("青禾高新区集中签约6个项目，总投资52亿元。具体包括：\n\n"
            "——白沙生态家清产业园及网红直播创意园项目，总投资20亿元，规划年产洗护用品20万吨。\n\n"
            "——美东汇成家用医疗器械研产销基地项目，总投资20亿元，达产后年产医疗器械300万台。")
    ps = {p["name"]: p for p in facts(nlp, text, "project")}
    assert "美东汇成家用医疗器械研产销基地项目" in ps  # an item's bullet opens no name
    assert ps["美东汇成家用医疗器械研产销基地项目"]["park"] != "白沙生态家清产业园"


@pytest.mark.parametrize("text", ["青禾高新区签约年产5万吨树脂项目，项目由蓝天化工投资，总投资8亿元。",
                                  "青禾高新区年产5万吨树脂项目由蓝天化工投资建设，总投资8亿元。"])
def test_a_firm_shaped_brand_after_you_builds_the_project(nlp, text):
    (p,) = facts(nlp, text, "project")
    assert p["company"] == "蓝天化工"


def test_a_zone_after_you_builds_no_firm(nlp):
    text = "青禾高新区标准厂房三期项目由园区投资建设，总投资3亿元。"
    assert all(p["company"] is None for p in facts(nlp, text, "project"))


def test_a_firm_whose_name_opens_the_park_a_project_builds_is_its_company(nlp):
    """``吉运通商贸物流园项目`` after ``A、吉运通等企业``: the firm-named park is a park, and the
    firm whose name opens it builds the project."""
    text = ("岭川农机、瑞禾物流等6户企业实现税收均超过1000万元。"
            "青禾经开区商贸物流产业加快发展，瑞禾物流商贸物流园项目总投资4.2亿元。")
    (p,) = facts(nlp, text, "project")
    assert (p["company"], p["park"]) == ("瑞禾物流", "青禾经开区")


def test_a_production_line_is_a_project(nlp):
    """Issue 14.5: ``…产线`` names a project like ``…生产线`` and ``…基地``."""
    text = "青禾高新区内，星海微电子有限公司投资3.2亿元建设的车规级芯片封测产线今年6月投产。"
    (p,) = facts(nlp, text, "project")
    assert p["name"].endswith("芯片封测产线") and p["company"] == "星海微电子有限公司"
    assert p["investment"]["value"] == 320000000.0


def test_a_line_in_a_capacity_phrase_is_no_project(nlp):
    """``建成后将形成年产800台加工中心和自动化产线的能力``: what the plant can make, not a project."""
    text = "星海机床有限公司二期工程总投资6000万欧元，落户青禾经开区，建成后将形成年产800台五轴加工中心和自动化产线的能力。"
    assert not [p for p in facts(nlp, text, "project") if p["name"].endswith("产线")]


def test_a_firm_named_between_an_investment_and_its_project_builds_it(nlp):
    """``总投资10.3亿元的盛泉新材料项目``: the firm-shaped name (brand + industry words) between
    the investment's 的 and 项目 is the project's company; the project keeps its name."""
    text = "青禾化工产业园内，总投资10.3亿元的星泉新材料项目正加紧设备安装。"
    (p,) = facts(nlp, text, "project")
    assert (p["name"], p["company"], p["investment"]["value"]) == ("星泉新材料项目", "星泉新材料", 1030000000.0)


def test_a_firms_projects_in_general_are_no_project(nlp):
    """``星泉新材料项目进展顺利``: a company + 项目 with no investment of its own names no project."""
    text = "青禾化工产业园内，星泉新材料有限公司项目进展顺利。"
    assert facts(nlp, text, "project") == []


@pytest.mark.parametrize("lead", ["公司", "该公司", "企业"])
def test_a_project_name_does_not_open_with_the_company_anaphor(nlp, lead):
    """``东营鲁垦米业有限公司…。公司年产10万吨稻米加工项目总投资3.2亿元``: 公司 points back
    at the firm; the project's name starts after it."""
    text = f"星海米业有限公司落户青禾农高区。{lead}年产10万吨稻米加工项目总投资3.2亿元，今年开工。"
    names = [p["name"] for p in facts(nlp, text, "project")]
    assert names == ["年产10万吨稻米加工项目"], names


def test_a_project_named_like_a_park_is_not_its_own_host(rules_nlp):
    """``正极材料产业园项目`` in a paragraph about that 产业园: the project's host is the zone that
    holds it, not the park-like name it carries."""
    text = ("青禾高新区新材料产业加速集聚。\n\n"
            "青禾高新区正极材料产业园位于高新区东部。正极材料产业园项目由远帆新能源投资建设，总投资35亿元，年产正极材料10万吨。")
    (p,) = [f for f in facts(rules_nlp, text, "project", "2023-05-10") if f["name"].startswith("正极材料产业园")]
    assert p["park"] == "青禾高新区"


def test_a_firm_after_an_item_marker_opens_its_project(rules_nlp):
    """``(二)安佑年产24万吨生物饲料项目``: a firm named in the text may start right after a list
    item's bracketed number, and the project is that firm's."""
    text = ("青禾工业园区集聚了远帆、滇丰、祥农等食品和饲料企业21户。\n\n重点推进项目\n\n"
            "(一)滇丰年产3万吨蔬菜精深加工项目,总投资1.2亿元;\n(二)远帆年产24万吨生物饲料项目,总投资2.8亿元,已完成主体工程;\n")
    got = {f["name"]: f["company"] for f in facts(rules_nlp, text, "project", "2021-06-10")}
    assert got.get("远帆年产24万吨生物饲料项目") == "远帆"


@pytest.mark.parametrize("text", [
    "今年青禾经开区全力推进重点项目建设，总投资128亿元。",
    "一季度，园区新签约项目总投资56.8亿元，新建工业项目投资32亿元。",
])
def test_a_name_of_kind_words_only_is_no_project(nlp, text: str) -> None:
    """``全力推进重点项目`` / ``新签约项目`` / ``新建工业项目``: words that qualify a kind of
    project name none, even with a cost after them."""
    assert facts(nlp, text, "project", date="2024-03-01") == []


def test_a_site_named_by_brand_and_place_belongs_to_the_regional_firm(nlp):
    """``青禾创能乌鲁木齐新基地`` when the text names ``青禾创能科技（乌鲁木齐）有限公司``: the site of
    that place is the regional firm's, not the parent's whose short name opens it."""
    from factkit import facts

    text = ("青禾创能科技（上海）股份有限公司（以下简称“青禾创能”）是上海证券交易所主板上市公司。"
            "2021年，公司在乌鲁木齐高新区设立青禾创能科技（乌鲁木齐）有限公司。\n\n"
            "青禾创能乌鲁木齐新基地总投资5亿元，一期已于去年投产。\n")
    (p,) = [f for f in facts(nlp, text, "project", "2023-06-01") if "新基地" in f["name"]]
    assert p["company"] == "青禾创能科技（乌鲁木齐）有限公司"


def test_a_brand_before_a_regional_centre_in_a_project_name_is_its_firm(nlp):
    """``诺和康生物科技华东研发中心项目``: a brand and its trade before a regional centre or base
    (华东研发中心, 亚太运营中心, 西南生产基地) name the firm; a product before a plain 研发中心
    (``智能终端研发中心``) names none."""
    text = ("青禾开发区上半年新签约项目46个，其中诺和康生物科技华东研发中心项目，总投资8.5亿元；"
            "瀚森智控亚太运营中心项目总投资2亿元。")
    got = {p["name"]: p["company"] for p in facts(nlp, text, "project", "2024-07-20")}
    assert got["诺和康生物科技华东研发中心项目"] == "诺和康生物科技"
    assert got["瀚森智控亚太运营中心项目"] == "瀚森智控"
    text = "远帆科技将把智能终端研发中心项目放在青禾开发区，总投资3亿元。"
    assert all(p["company"] != "智能终端" for p in facts(nlp, text, "project", "2024-07-20"))
