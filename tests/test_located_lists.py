"""located_in on lists, hosting verbs and nested zones (issue 14.1/14.2), on sentences
written for these tests in the forms real park news uses."""
from __future__ import annotations

import pytest

from factkit import facts, metrics
from zone_ie.pipeline import make_doc


def pairs(nlp, text: str) -> set[tuple[str, str]]:
    return {(f["company"], f["park"]) for f in facts(nlp, text, "located_in")}


@pytest.mark.parametrize("verb", ["已入驻", "集聚了", "先后引进了", "吸引了"])
def test_hosting_verb_links_every_listed_company(nlp, verb):
    text = f"青禾高新区加快发展。青禾智造产业园面积约580亩，目前{verb}星海重工、蓝天电子、澄江精密等一批企业。"
    got = pairs(nlp, text)
    for co in ("星海重工", "蓝天电子", "澄江精密"):
        assert (co, "青禾智造产业园") in got
        assert (co, "青禾高新区") in got  # a sub-park of the paragraph's zone


def test_list_cue_covers_the_list(nlp):
    text = "以星海重工、蓝天电子、澄江精密为代表的龙头企业落户青禾高新区。"
    got = pairs(nlp, text)
    assert {(c, "青禾高新区") for c in ("星海重工", "蓝天电子", "澄江精密")} <= got


def test_customers_in_a_list_stay_out(nlp):
    text = "青禾高新区的星海重工股份有限公司产值增长12%，产品供应蓝天电子、澄江精密等客户。"
    got = pairs(nlp, text)
    assert ("星海重工股份有限公司", "青禾高新区") in got
    assert not any(c in ("蓝天电子", "澄江精密") for c, _ in got)


def test_partner_after_a_hosting_verb_is_not_hosted(nlp):
    text = "青禾高新区与星海重工股份有限公司签约。"
    assert pairs(nlp, text) == set()


def test_zone_inside_a_zone_is_walked_transitively(nlp):
    text = "临川综合保税区位于临川空港物流园区内。综保区跨境电商产业园已入驻星海物流、蓝天供应链等企业。"
    got = pairs(nlp, text)
    assert ("星海物流", "临川综合保税区") in got and ("星海物流", "临川空港物流园区") in got


def test_whole_zone_word_is_the_zone_not_the_sub_park(nlp):
    # 全区 names a zone (…区), never the sub-park (…园) the previous paragraph was about
    text = (
        "青禾高新区前三季度经济运行平稳。\n"
        "青禾电子信息产业园规划面积10平方公里，集聚了星海电子等企业。\n"
        "前三季度，全区实现营业收入1012.8亿元，同比增长8.4%。"
    )
    (m,) = [m for m in metrics(nlp, text) if m["yoy_pct"] == 8.4]
    assert m["subject"] == "青禾高新区"


@pytest.mark.parametrize("text,bad", [
    ("很多人关心经开区的发展。", "很多人关心经开区"),
    ("届时综保区将建成投用。", "届时综保区"),
    ("说起高新区，大家都很熟悉。", "说起高新区"),
])
def test_park_names_never_start_with_debris(nlp, text, bad):
    doc = nlp(make_doc(nlp, text))
    assert bad not in {e.text for e in doc.ents}


def test_place_names_keep_words_that_look_like_boundaries(nlp):
    doc = nlp(make_doc(nlp, "青禾未来产业科创园和让胡路工业园区都在发展。"))
    assert {"青禾未来产业科创园", "让胡路工业园区"} <= {e.text for e in doc.ents}


@pytest.mark.parametrize("text,company", [
    ("东恒新能源年产5万吨导电材料项目总投资12亿元。", "东恒新能源"),
    ("宏达精工年产5万台电机项目开工建设。", "宏达精工"),
    ("玖龙纸业二期项目投产。", "玖龙纸业"),
])
def test_brand_opening_a_project_name_is_a_company(nlp, text, company):
    doc = nlp(make_doc(nlp, text))
    assert (company, "COMPANY") in {(e.text, e.label_) for e in doc.ents}
    (p,) = [f.model_dump(mode="json") for f in doc._.facts if f.type == "project"]
    assert p["company"] == company


@pytest.mark.parametrize("text", [
    "计划年产5万台电机项目开工。",
    "预计可年产5万台电机项目建成。",
    "新建年产20万吨电解液项目。",
])
def test_verbs_and_products_before_a_capacity_are_not_companies(nlp, text):
    doc = nlp(make_doc(nlp, text))
    assert not any(e.label_ == "COMPANY" for e in doc.ents)


def test_product_right_after_a_known_name_is_no_company(nlp):
    text = "星海科技股份有限公司（以下简称“星海”）扩产。园区累计签约星海单晶炉二期等项目。"
    doc = nlp(make_doc(nlp, text))
    assert {e.text for e in doc.ents if e.label_ == "COMPANY"} == {"星海科技股份有限公司", "星海"}


def test_park_like_project_name_hosts_nothing(nlp):
    text = "青禾高新区举行签约仪式。星海智造产业园项目由星海重工股份有限公司实施，总投资30亿元。"
    (p,) = [f for f in facts(nlp, text, "project") if "星海智造" in f["name"]]
    assert p["park"] != "星海智造产业园"


def test_item_paragraphs_headed_by_a_project_name(nlp):
    text = (
        "青禾经开区一季度重大项目集中开工。部分重点项目如下：\n\n"
        "——星海精密压缩机产业园项目。由星海精密制造有限公司投资建设，总投资50亿元，选址城北园区，建设压缩机生产基地。\n\n"
        "——蓝天线控底盘产业化项目。蓝天汽车安全系统股份有限公司总投资15.6亿元，达产后可年产线控制动系统150万套。\n\n"
        "■产业项目：链上发力\n\n同一天开工的产业项目中，青禾经开区还有多个项目。"
    )
    got = {f["name"]: f for f in facts(nlp, text, "project")}
    a = got["星海精密压缩机产业园项目"]
    assert a["company"] == "星海精密制造有限公司" and a["investment"]["value"] == 5e9
    b = got["蓝天线控底盘产业化项目"]
    assert b["company"] == "蓝天汽车安全系统股份有限公司" and b["park"] == "青禾经开区"
    assert b["investment"]["value"] == 1.56e9
    assert "产业项目" not in got  # a section heading, not a project


def test_customer_inside_another_clause_is_not_located(nlp):
    text = ("青禾高新区企业星海智能装备有限公司今年订单饱满。"
            "“我们的客户大多不在本地。”他介绍，蓝天饮料集团有限公司的成品库都用上了星海的系统。")
    got = pairs(nlp, text)
    assert ("星海智能装备有限公司", "青禾高新区") in got
    assert not any(c == "蓝天饮料集团有限公司" for c, _ in got)


def test_list_cue_links_to_the_park_the_sentence_names(nlp):
    text = "青禾市加快发展。青禾经开区形成了以星海电器、蓝天重工、澄江机床为代表的企业梯队。"
    got = pairs(nlp, text)
    assert {(c, "青禾经开区") for c in ("星海电器", "蓝天重工", "澄江机床")} <= got


def test_example_member_does_not_carry_to_the_next_sentence(nlp):
    text = ("青禾高新区前三季度经济运行平稳。钛材产业88家规上企业完成产值207亿元，其中星海钛业集团有限公司完成产值151亿元。"
            "汽车产业29家规上企业完成产值149.6亿元。")
    ms = {(m["value"] or {}).get("value"): m for m in metrics(nlp, text)}
    assert ms[1.496e10]["subject"] == "青禾高新区"


@pytest.mark.parametrize("text,company", [
    ("滨江新区港务有限公司今年吞吐量增长10%。", "滨江新区港务有限公司"),
    ("青禾高新区投资发展集团有限公司成立。", "青禾高新区投资发展集团有限公司"),
])
def test_park_platform_company_is_one_company(nlp, text, company):
    doc = nlp(make_doc(nlp, text))
    assert [(e.text, e.label_) for e in doc.ents] == [(company, "COMPANY")]


def test_park_before_a_branded_company_stays_apposition(nlp):
    doc = nlp(make_doc(nlp, "青禾高新区星海重工股份有限公司产值增长。"))
    assert [(e.text, e.label_) for e in doc.ents] == [("青禾高新区", "PARK"), ("星海重工股份有限公司", "COMPANY")]


@pytest.mark.parametrize("text", ["在2023年度省级开发区考评中，青禾经开区排名第一。", "2023年度青禾高新区产值增长。"])
def test_year_suffix_opens_no_park_name(nlp, text):
    doc = nlp(make_doc(nlp, text))
    assert not any(e.text.startswith("度") for e in doc.ents)


@pytest.mark.parametrize("text,park", [
    ("在青禾高新区智造产业园，星海光电科技有限公司8.5代线满产运行。", "智造产业园"),
    ("在青禾高新区，星海光电科技有限公司与蓝天集团签约。", "青禾高新区"),
])
def test_locative_frame_places_the_company_opening_the_next_clause(nlp, text, park):
    got = pairs(nlp, text)
    assert ("星海光电科技有限公司", park) in got
    assert not any(c == "蓝天集团" for c, _ in got)  # the partner stays out


@pytest.mark.parametrize("closer", ["等一批企业", "等企业", "等行业龙头"])
def test_strong_closer_takes_unseen_names_of_any_shape(nlp, closer):
    # a place-prefixed name, a three-character brand and a six-character name with a
    # business word: under a closer that says "firms", every item is a firm
    text = f"青禾高新区加快发展。园区已入驻香港明润、倍力豪、上川康美科技{closer}。"
    got = pairs(nlp, text)
    for co in ("香港明润", "倍力豪", "上川康美科技"):
        assert (co, "青禾高新区") in got


def test_sub_park_paragraph_in_a_one_zone_article_is_in_that_zone(nlp):
    # the paragraph is about the sub-park itself (its topic), the article about one zone:
    # the firms that settled in the sub-park are in the zone too (SPEC 10)
    from zone_ie import extract
    text = ("青禾台商投资区位于青禾湾南岸，今年上半年实现规上工业产值286.4亿元。\n"
            "青禾新兴产业园区面积约900亩，已入驻香港德润、倍斯豪、上润康美科技等一批企业。")
    r = extract(text, doc_id="x", date="2024-07-20", nlp=nlp)
    pairs = {(f.company, f.park) for f in r.facts if f.type == "located_in"}
    for co in ("香港德润", "倍斯豪", "上润康美科技"):
        assert (co, "青禾新兴产业园区") in pairs
        assert (co, "青禾台商投资区") in pairs


def test_firms_named_after_a_count_of_the_parks_firms_are_its_firms(nlp):
    # ``新增…企业5家，分别是A、B…``: as many names as counted, each a firm of the park
    from zone_ie import extract
    text = ("去年，青禾经开区新增产值百亿级企业1家，就是三一海工；新增10亿级企业5家，"
            "分别是海油工程珠海基地、景旺电子、龙华石油、崇达电路和宏昌电子。")
    r = extract(text, doc_id="x", date="2024-02-20", nlp=nlp)
    located = {f.company for f in r.facts if f.type == "located_in" and f.park == "青禾经开区"}
    assert located == {"三一海工", "海油工程", "景旺电子", "龙华石油", "崇达电路", "宏昌电子"}


def test_a_list_longer_than_its_count_names_no_firms(nlp):
    from zone_ie import extract
    text = "青禾经开区新增规上企业2家，分别是电子信息、生物医药和新材料领域。"
    r = extract(text, doc_id="x", date="2024-02-20", nlp=nlp)
    assert [e.text for e in r.entities if e.label == "COMPANY"] == []


def test_a_sub_park_named_as_the_last_item_hosts_nothing_before_it(nlp):
    text = ("青禾高新区上半年经济运行情况\n\n上半年，青禾高新区完成规上工业总产值283.46亿元。\n\n"
            "重点企业支撑有力。远帆能源有限公司上半年实现产值31.2亿元；石桥产业园新入驻企业9家。")
    got = pairs(nlp, text)
    assert ("远帆能源有限公司", "石桥产业园") not in got
    assert ("远帆能源有限公司", "青禾高新区") in got


def test_a_sub_park_the_paragraph_points_back_to_hosts_its_firms(nlp):
    text = ("青禾农高区一季度项目建设提速。\n\n"
            "在远帆科技股份有限公司（以下简称远帆科技）年产12万吨聚酯项目厂区，施工人员正在调试设备。\n\n"
            "远帆科技是国内乳酸龙头企业。依托远帆科技的链主优势，农高区规划建设生物可降解新材料产业园，"
            "远帆科技两个项目均布局于此。")
    assert ("远帆科技", "生物可降解新材料产业园") in pairs(nlp, text)


def test_a_park_opening_with_another_place_is_not_inside_the_paragraphs_zone(nlp):
    text = "远帆经开区排名第2。宿州芜湖现代产业园区内，济人药业、华茂服装等企业产值稳步增长。"
    got = pairs(nlp, text)
    assert ("济人药业", "宿州芜湖现代产业园区") in got
    assert ("济人药业", "远帆经开区") not in got


@pytest.mark.parametrize("closer", ["等9家电子信息企业", "等4家世界500强企业", "等一批本土知名企业", "等多家行业龙头"])
def test_counted_and_described_closers_name_the_listed_firms(nlp, closer):
    text = f"两年来，青禾高新区引进了澄江精密、蓝天电子、禾丰光电{closer}。"
    got = pairs(nlp, text)
    assert {(c, "青禾高新区") for c in ("澄江精密", "蓝天电子", "禾丰光电")} <= got


@pytest.mark.parametrize("closer", ["等多家落后产能企业", "等20家高污染企业", "等12家高耗能企业"])
def test_firms_shut_down_by_class_are_sectors_not_names(nlp, closer):
    text = f"今年，青禾高新区关停砖瓦、石灰、铸造{closer}。"
    assert pairs(nlp, text) == set()


def test_a_firm_site_in_a_list_is_the_firm(nlp):
    text = "青禾高新区集聚了澄江精密、蓝天电子宁波基地、禾丰光电等60余家上下游企业。"
    got = pairs(nlp, text)
    assert ("蓝天电子", "青禾高新区") in got
    assert not any(c.endswith("基地") for c, _ in got)


def test_a_sub_park_is_in_the_zone_its_article_is_about(nlp):
    # the article names two zones; its headline's zone, named most, holds the sub-park
    text = ("青禾台商投资区26个台资项目签约\n"
            "2月19日，青禾台商投资区举办台资招商大会，26个台资项目集中签约。\n"
            "台商精密机械产业园面积约580亩，目前已入驻澄江机械、蓝天机械等台资企业。\n"
            "青禾台商投资区成立于2010年，青禾国家高新技术产业开发区主园区也在区内。")
    got = pairs(nlp, text)
    assert ("澄江机械", "台商精密机械产业园") in got
    assert ("澄江机械", "青禾台商投资区") in got


def test_a_park_named_with_its_own_place_is_not_a_sub_park_of_the_article_zone(nlp):
    text = ("青禾国际铁路港2024年发展观察\n"
            "青禾国际铁路港去年开行班列1200列，青禾国际铁路港口岸功能不断完善。\n"
            "在城市另一头，中新澄江国际物流园同样忙碌，2024年新引进京东、顺丰等物流项目9个。\n"
            "与之相邻的青禾综合保税区，去年完成进出口额512.7亿元。")
    got = pairs(nlp, text)
    assert not any(p == "青禾国际铁路港" and c in ("京东", "顺丰") for c, p in got)


@pytest.mark.parametrize("lead", ["区内已集聚了", "园区先后引进了", "目前，园区内已入驻"])
def test_a_park_anaphor_before_a_hosting_verb_hosts_the_list(nlp, lead):
    text = ("青禾高新区上半年经济运行情况发布会举行。\n\n"
            f"发布人：光伏是我们着力打造的产业链之一。{lead}澄江太阳能、蓝天光伏、禾丰新能等上下游企业，上半年光伏产业产值46.3亿元。")
    got = pairs(nlp, text)
    assert {(c, "青禾高新区") for c in ("澄江太阳能", "蓝天光伏", "禾丰新能")} <= got


def test_customers_after_a_supply_verb_are_not_hosted(nlp):
    text = "青禾高新区的澄江光伏今年产销两旺，产品已批量供货蓝天能源集团、禾丰电力等上下游企业。"
    got = pairs(nlp, text)
    assert ("蓝天能源集团", "青禾高新区") not in got


def test_firms_said_to_be_the_parks_own_are_companies_of_the_park(nlp):
    text = "青禾高新区成立于1992年，目前区内企业超过3000家。澄江化工是园区的龙头企业，去年营收26亿元。"
    assert ("澄江化工", "青禾高新区") in pairs(nlp, text)


@pytest.mark.parametrize("tail", ["以及120余家配套供应商", "订单饱满"])
def test_words_after_a_closed_list_say_nothing_of_whom_it_serves(nlp, tail):
    text = f"青禾高新区发布前三季度数据。电子信息产业园集聚了星海重工、蓝天电子、澄江精密等整机企业{tail}。"
    got = pairs(nlp, text)
    assert {(c, "电子信息产业园") for c in ("星海重工", "蓝天电子", "澄江精密")} <= got


@pytest.mark.parametrize("text", [
    "青禾高新区企业成长迅速，262家企业成为星海电网等知名企业的稳定供货商。",
    "青禾高新区的园区企业所需材料大多从山东的星海材料有限公司等企业采购。",
])
def test_a_closed_list_that_goes_on_as_an_object_stays_out(nlp, text):
    assert not any(c.startswith("星海") for c, _ in pairs(nlp, text))


def test_a_countys_own_industrial_park_is_not_a_sub_park_of_the_citys_zone(nlp):
    text = ("青禾日报　2023年11月14日\n\n石嘴山高新区推动高质量发展\n◎本报记者 李晨\n"
            "今年以来，石嘴山高新技术产业开发区（以下简称“石嘴山高新区”）完成规上工业总产值213.5亿元。\n"
            "平罗工业园区围绕现代化工主导产业，持续做强特种合金板块。星海冶金、蓝天循环等龙头企业带动上下游配套企业集聚。")
    got = pairs(nlp, text)
    assert ("星海冶金", "平罗工业园区") in got
    assert not any(p.startswith("石嘴山") for c, p in got if c == "星海冶金")


def test_firms_a_count_names_at_the_parks_event_are_its_firms(nlp):
    text = ("青禾经开区星海科技园项目集中开工暨签约仪式举行。此次集中开工的7家企业中，3家为电子信息类企业，"
            "分别是青禾方圆计量技术有限公司、青禾华行供热有限公司、青禾云诗科技有限公司。")
    got = pairs(nlp, text)
    for co in ("青禾方圆计量技术有限公司", "青禾华行供热有限公司", "青禾云诗科技有限公司"):
        assert any(c == co for c, _ in got)


def test_a_sub_park_built_in_a_zone_is_inside_it(nlp):
    text = ("蓝田高新区上半年实现规上工业产值120亿元，蓝田高新区增长8%。\n"
            "2021年，澄江在青禾经济开发区新增规划21.3平方公里，建设绿色新能源电池产业园。"
            "星海新材料有限公司在绿色新能源电池产业园建设的年产30万吨负极材料项目今年投产。")
    got = pairs(nlp, text)
    assert ("星海新材料有限公司", "绿色新能源电池产业园") in got
    assert ("星海新材料有限公司", "青禾经济开发区") in got


@pytest.mark.parametrize("text", [
    "青禾综合保税区进出口增长12%。位于综保区内的唐立特纺织品有限公司产量增长两成。",
    "青禾综合保税区进出口增长12%。区内的唐立特纺织品有限公司产量增长两成。",
    "青禾综合保税区内的唐立特纺织品有限公司产量增长两成。",
    "青禾综合保税区内企业唐立特纺织品有限公司产量增长两成。",
])
def test_a_firm_inside_the_park_or_its_anaphor_is_located_there(nlp, text):
    """``<park>内的Y`` / ``位于综保区内的Y`` / ``区内的Y``: 内 places the firm in the park."""
    assert pairs(nlp, text) == {("唐立特纺织品有限公司", "青禾综合保税区")}


def test_a_customer_word_before_a_firm_is_no_part_of_its_name(nlp):
    doc = nlp(make_doc(nlp, "青禾综合保税区的客户唐立特纺织品有限公司追加订单。"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == ["唐立特纺织品有限公司"]


def test_a_circular_economy_park_with_a_place_is_a_park(nlp):
    text = "在阜阳循环经济园区，皖北再生资源有限公司年处理三十万吨废旧金属项目投产。"
    assert pairs(nlp, text) == {("皖北再生资源有限公司", "阜阳循环经济园区")}


@pytest.mark.parametrize("clause", ["园区主要面向澄江电子、蓝天光电等重点企业招引配套项目",
                                    "园区重点引进澄江电子、蓝天光电等龙头企业的上下游配套企业",
                                    "园区重点招引澄江电子、蓝天光电等整机厂的配套企业"])
def test_firms_a_park_serves_or_whose_suppliers_it_seeks_are_not_located_there(nlp, clause):
    text = f"青禾高新区智能制造产业园于去年开园。{clause}，已签约项目12个。"
    got = pairs(nlp, text)
    assert not {c for c, _ in got} & {"澄江电子", "蓝天光电"}


@pytest.mark.parametrize("verb", ["落户", "入驻", "位于"])
def test_a_firm_settling_in_a_zone_s_named_part_is_in_the_part_and_the_zone(nlp, verb):
    text = f"东莞市力川新能源科技有限公司年产5GWh储能电池项目{verb}青禾高新区新能源装备产业园。"
    got = pairs(nlp, text)
    assert {("东莞市力川新能源科技有限公司", "新能源装备产业园"), ("东莞市力川新能源科技有限公司", "青禾高新区")} <= got


@pytest.mark.parametrize("text, firms", [
    ("依托江苏时代、上汽时代两大龙头，青禾高新区动力电池产业链企业已超过100家。", {"江苏时代", "上汽时代"}),
    ("京东、菜鸟等跨境电商平台相继在青禾综保区布局中心仓。", {"京东", "菜鸟"}),
])
def test_a_list_closed_by_a_count_of_leaders_or_by_platforms_names_firms(nlp, text, firms):
    assert firms <= {c for c, _ in pairs(nlp, text)}


def test_a_count_of_major_industries_names_no_firms(nlp):
    assert pairs(nlp, "青禾高新区围绕新能源、新材料两大产业发力，引进项目12个。") == set()


@pytest.mark.parametrize("text, firms", [
    ("青禾综保区跨境电商发展迅速。华远供应链管理有限公司、蓝天机械有限公司等8家企业今年新入区开展业务。",
     {"华远供应链管理有限公司", "蓝天机械有限公司"}),
    ("青禾数字贸易产业园开园，首批入驻华远物流、蓝天供应链、白沙优品等32家企业。", {"华远物流", "蓝天供应链", "白沙优品"}),
])
def test_a_trade_word_inside_a_firm_s_name_makes_no_customer(nlp, text, firms):
    assert firms <= {c for c, _ in pairs(nlp, text)}


def test_firms_whose_goods_pass_through_a_park_are_not_located_there(nlp):
    text = "南宁国际铁路港开行班列120列。华远汽车、蓝天汽车等车企的商品车从这里装车南下。"
    assert pairs(nlp, text) == set()


def test_firms_whose_products_sell_abroad_stay_in_the_park(nlp):
    text = "青禾综保区内，华远电子、蓝天光电等企业的产品远销海外。"
    assert {("华远电子", "青禾综保区"), ("蓝天光电", "青禾综保区")} <= pairs(nlp, text)


# --- containment the text states in a frame (located._stated_containment) -----------------

@pytest.mark.parametrize("text", [
    "在青禾经济技术开发区（以下简称“青禾经开区”）澄江高科园，星海生物医药有限公司的二期厂房已经封顶。",
    "在青禾高新技术产业开发区（以下简称青禾高新区）澄江产业园里，星海生物医药有限公司的二期厂房已经封顶。",
])
def test_a_part_named_after_its_zone_and_the_zones_short_name_is_inside_it(nlp, text):
    """``A（以下简称a）B``: the declared short name between a zone and its part does not
    break the adjacency that places B in A."""
    got = pairs(nlp, text)
    zone = "青禾经济技术开发区" if "经济技术" in text else "青禾高新技术产业开发区"
    assert any(c == "星海生物医药有限公司" and p == zone for c, p in got), got
    assert len({p for c, p in got if c == "星海生物医药有限公司"}) == 2


@pytest.mark.parametrize("text", [
    "青禾综合保税区于2015年经国务院批复设立，规划面积2.6平方公里，位于蓝田工业园区内。青禾综合保税区内企业星海电子有限公司今年投产。",
    "青禾综合保税区封关运行三年来，全部位于蓝田工业园区（以下简称蓝田园区）内。青禾综合保税区内企业星海电子有限公司今年投产。",
    "澄江产业转移工业园是两市共建的产业转移园，位于蓝田高新区核心区。澄江产业转移工业园内企业星海电子有限公司今年投产。",
])
def test_a_zone_opening_its_sentence_lies_where_the_sentence_places_it(nlp, text):
    """``B…（全部）位于A（内|核心区）``: a zone opening its sentence lies inside the zone
    the sentence places it in, and its firms are in both."""
    got = pairs(nlp, text)
    parks = {p for c, p in got if c == "星海电子有限公司"}
    assert len(parks) == 2 and any(p.startswith("蓝田") for p in parks), got


def test_a_zone_placed_next_to_another_is_not_inside_it(nlp):
    """``位于A东侧``: beside a zone, not in it; a zone that is no sub-park needs 内."""
    text = "青禾综合保税区规划面积2.6平方公里，位于蓝田工业园区东侧。青禾综合保税区内企业星海电子有限公司今年投产。"
    got = pairs(nlp, text)
    assert not any(p.startswith("蓝田") for c, p in got), got


def test_the_areas_a_zone_lists_are_inside_it(nlp):
    """``A涵盖B片区、C片区和D片区``: the listed areas are inside the zone that lists them."""
    text = ("青禾自贸试验区挂牌三年，涵盖宜昌片区、襄阳片区和荆门片区。"
            "宜昌片区新引进唐立特纺织品有限公司等企业。")
    got = pairs(nlp, text)
    assert ("唐立特纺织品有限公司", "宜昌片区") in got
    assert ("唐立特纺织品有限公司", "青禾自贸试验区") in got


def test_a_bonded_zone_named_with_its_zone_is_inside_it(nlp):
    """``X新区综合保税区``: a zone whose name opens with another zone's name is inside it."""
    text = "青禾新区今年增长8%。青禾新区综合保税区引进星海电子有限公司，年内投产。"
    got = pairs(nlp, text)
    assert ("星海电子有限公司", "青禾新区综合保税区") in got
    assert ("星海电子有限公司", "青禾新区") in got


def test_an_area_named_with_its_free_trade_zone_is_not_placed_in_it_by_the_name_alone(nlp):
    """Labelled sets split on ``中国（X）自由贸易试验区Y片区`` (11 links to both, 17 to the area
    only): the name alone does not place the area's firms in the free-trade zone."""
    text = ("中国（青禾）自由贸易试验区今年新设企业1.2万家。"
            "中国（青禾）自由贸易试验区澄江片区引进星海电子有限公司，年内投产。")
    got = pairs(nlp, text)
    assert ("星海电子有限公司", "中国（青禾）自由贸易试验区澄江片区") in got
    assert ("星海电子有限公司", "中国（青禾）自由贸易试验区") not in got


@pytest.mark.parametrize("text", [
    "青岚包装科技有限公司原本在青州同安工业集中区租用厂房，去年把两条生产线搬到了青禾产业园。",
    "青岚包装科技有限公司去年从青州高新区整体迁至青禾产业园。",
    "青岚包装科技有限公司此前在青州高新区落户，今年把总部迁到青禾产业园。",
])
def test_a_firm_is_located_where_it_moved_not_where_it_was(nlp, text):
    """A park named as where a firm was before a move its sentence states (原本在X…搬到了Y,
    从X迁至Y) is not where the firm is; the park after the move verb is, and the two are no
    zone and its part."""
    assert pairs(nlp, text) == {("青岚包装科技有限公司", "青禾产业园")}


def test_a_firm_placed_without_a_move_keeps_its_park(nlp):
    assert pairs(nlp, "青岚包装科技有限公司位于青州高新区，主要生产包装材料。") == {("青岚包装科技有限公司", "青州高新区")}


def test_a_firm_in_a_sub_park_named_by_its_trade_is_also_in_the_zone(rules_nlp):
    """``数字经济园`` (a zone's part, a bare 园 after its trade) lies in the zone of the article:
    a firm there is in both; a 智造园 is a park of its own."""
    text = ("青禾高新技术产业开发区前三季度经济运行分析\n\n"
            "今年以来，青禾高新技术产业开发区按照一区多园、错位发展的布局，统筹推进装备制造园、科教轻纺园和数字经济园三个园区建设。\n\n"
            "数字经济园聚焦数据中心和软件服务，园区内云算科技、北疆数智等企业订单饱满，算力中心二期加快建设。")
    got = {(f["company"], f["park"]) for f in facts(rules_nlp, text, "located_in", "2025-10-28")}
    assert {("云算科技", "数字经济园"), ("云算科技", "青禾高新技术产业开发区")} <= got


def test_a_sub_park_named_with_its_zones_own_county_is_the_zones_part(nlp):
    """``交城公铁联运物流园`` in an article about 交城经开区 (and another zone): the county in its
    name is the zone's own place, so it is the zone's part; a park named with another place
    (``中新澄江国际物流园``) stays a park of its own."""
    text = ("交城经开区2023年发展观察\n"
            "交城经开区去年规上工业总产值增长12%，交城经开区项目建设提速。\n"
            "交城公铁联运物流园同样忙碌，远帆物流、星岚仓储等物流企业9家新入驻。\n"
            "与之相邻的青禾综合保税区，去年完成进出口额512.7亿元。")
    got = pairs(nlp, text)
    assert ("远帆物流", "交城经开区") in got


def test_a_zone_listed_among_places_is_no_topic(nlp):
    """``承接北京、天津、雄安新区及廊坊市的产业转移``: a zone in a list of places is one of the places;
    firms settling in the paragraph after it are in the article's own zone."""
    text = ("青禾经开区标准厂房建设提速\n\n"
            "青禾经开区去年新建标准厂房23栋。\n\n"
            "智造港项目重点承接北京、天津、雄安新区及廊坊市的产业转移，建成后年营业额将达5.1亿元。\n\n"
            "去年以来，远帆气雾、星岚橡塑等企业相继入驻标准厂房。")
    got = pairs(nlp, text)
    assert ("远帆气雾", "青禾经开区") in got and not any(p == "雄安新区" for _, p in got)


def test_a_zone_word_right_before_a_sub_park_is_its_home(nlp):
    """``位于综保区维修产业园的X公司``: the bare zone word right before the sub-park names the zone
    holding it, so the firm is in both."""
    text = ("青禾高新区前三季度经济运行情况\n\n"
            "青禾高新区规上工业总产值增长9%。青禾武宿综合保税区（以下简称“综保区”）进出口增长12%。\n\n"
            "高新区航空产业加快集聚，位于综保区维修产业园的远帆航空维修技术有限公司，今年已完成飞机维修12架次。")
    got = pairs(nlp, text)
    assert ("远帆航空维修技术有限公司", "维修产业园") in got
    assert ("远帆航空维修技术有限公司", "青禾武宿综合保税区") in got


def test_a_paragraph_that_refers_to_its_zone_first_stays_about_it(nlp):
    """``集聚区管委会…说。集聚区与上海X工业区结对共建…经X工业区推荐落户…``: the paragraph refers to
    the article's zone by its kind word before it names the partner park, so the firms of the
    next paragraph are the zone's, not the partner's; a park named in the same clause as its
    home (``集聚区规划建设的Y产业园``) still becomes the topic."""
    from factkit import facts

    text = ("苏皖广德产业联动集聚区上半年新签约项目17个，协议总投资89.3亿元，同比增长31.5%。\n\n"
            "“现在企业是带着订单整体过来。”集聚区管委会副主任周立群说。2023年起，集聚区与上海澄江工业区结对共建，"
            "由澄江方面负责前端推介，双方对共同招引项目的税收按比例分成。截至6月底，经澄江工业区推荐落户的企业已达9家。\n\n"
            "本次开工的项目中，青禾精密传动有限公司将原工厂的减速机生产线整体迁入，总投资6.8亿元；"
            "蓝田新材料科技有限公司年产3万吨生物基材料项目总投资11.2亿元。\n")
    located = {(f["company"], f["park"]) for f in facts(nlp, text, "located_in", "2025-07-09")}
    assert ("青禾精密传动有限公司", "苏皖广德产业联动集聚区") in located
    assert not any(p == "上海澄江工业区" for _, p in located)


def test_an_information_block_registers_its_firm_in_a_park(nlp):
    """``公司名称：X（宁德）有限公司 … 注册地址：福建省宁德市Y经济技术开发区``: an announcement's
    block names a firm, then registers it at an address in a park; the regional firm is a
    firm of its own, apart from the parent whose short name is its core."""
    from factkit import facts

    text = ("江苏青禾精密科技股份有限公司（以下简称“公司”或“青禾精密”）拟投资设立全资孙公司。\n\n"
            "三、投资标的基本情况\n1、公司名称：青禾精密（宁德）有限公司\n2、注册资本：30,000万元人民币\n"
            "3、注册地址：福建省宁德市东侨经济技术开发区\n4、经营范围：电池零配件生产\n\n"
            "青禾精密今年营业收入预计增长。\n")
    located = {(f["company"], f["park"]) for f in facts(nlp, text, "located_in", "2024-03-19")}
    assert any(c == "青禾精密（宁德）有限公司" and "东侨经济技术开发区" in p for c, p in located)
    assert not any(c == "江苏青禾精密科技股份有限公司" for c, _ in located)


def test_a_locative_frame_opening_the_sentence_places_every_firm_opening_a_clause(nlp) -> None:
    """``在X工业园，A公司的生产线…；B公司的项目…。`` / ``Y工业园内，C公司…，D公司…``: the frame
    governs the whole sentence, over ``；``; each firm that opens a clause is in it."""
    from zone_ie.pipeline import make_doc
    text = ("广德经济开发区由“一区三园”组成。在南城工业园，湖北啸创汽车科技有限公司的底盘生产线正满负荷运转；"
            "隆胜四海新材料股份有限公司的改性塑料项目二期已完成主体施工。吴店工业园内，宁国食巴度粉科技有限公司"
            "开发挂面产品，襄阳维恩生物科技有限公司的生物制剂车间正在调试设备。")
    doc = nlp(make_doc(nlp, text, date="2020-07-30"))
    pairs = {(f.company, f.park) for f in doc._.facts if f.type == "located_in"}
    assert ("隆胜四海新材料股份有限公司", "南城工业园") in pairs
    assert ("宁国食巴度粉科技有限公司", "吴店工业园") in pairs
    assert ("襄阳维恩生物科技有限公司", "吴店工业园") in pairs
