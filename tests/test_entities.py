"""Entity ruler: PARK / COMPANY grammar, short names, clusters, held-out and seed F1.

Sentences below are written for these tests (not taken from the seeds); the
names in them are not in ``patterns/``, so they exercise the grammar.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from zone_ie.components.entity_ruler import ZoneEntityRuler, trie_pattern
from zone_ie.repair import repair
from zone_ie.pipeline import make_doc

ROOT = Path(__file__).resolve().parent.parent


def park_names(ruler: ZoneEntityRuler, text: str) -> list[str]:
    """The PARK mentions the ruler finds in ``text``, as written, left to right."""
    return [text[m.start:m.end] for m in ruler.match(text) if m.label == "PARK"]


@pytest.fixture(scope="module")
def ruler() -> ZoneEntityRuler:
    return ZoneEntityRuler(None)


def ents(ruler: ZoneEntityRuler, text: str) -> list[tuple[str, str]]:
    return [(text[m.start : m.end], m.label) for m in ruler.match(text)]


def ids(ruler: ZoneEntityRuler, text: str) -> dict[str, str]:
    return {text[m.start : m.end]: m.id for m in ruler.match(text)}


def f1(pred: set, gold: set) -> float:
    tp = len(pred & gold)
    if not tp:
        return 0.0
    p, r = tp / len(pred), tp / len(gold)
    return 2 * p * r / (p + r)


# --- suffix grammar and place prefixes -----------------------------------
@pytest.mark.parametrize(
    "text, name",
    [
        ("近日，浙江省桐庐经济开发区召开招商大会。", "浙江省桐庐经济开发区"),
        ("记者从四川彭山高新区了解到，园区产值增长。", "四川彭山高新区"),
        ("他们正加速推进安徽宁国经济开发区建设。", "安徽宁国经济开发区"),
        ("探访福建漳浦台商投资区的新厂房。", "福建漳浦台商投资区"),
    ],
)
def test_suffix_grammar_with_place_prefix(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert (name, "PARK") in ents(ruler, text)


def test_bracketed_city_belongs_to_park(ruler: ZoneEntityRuler) -> None:
    text = "双方共同打造了宜昌（上海）离岸创新园和黄冈（深圳）科创园。"
    assert ents(ruler, text) == [("宜昌（上海）离岸创新园", "PARK"), ("黄冈（深圳）科创园", "PARK")]


def test_digits_are_not_name_characters(ruler: ZoneEntityRuler) -> None:
    assert ents(ruler, "2025桐乡经济开发区招商推介会举行") == [("桐乡经济开发区", "PARK")]


def test_sub_park_is_a_separate_mention(ruler: ZoneEntityRuler) -> None:
    text = "在江苏泗阳经济开发区绿色食品产业园内，新厂房已经封顶。"
    assert ents(ruler, text) == [("江苏泗阳经济开发区", "PARK"), ("绿色食品产业园", "PARK")]


def test_theme_park_keeps_its_conjunction(ruler: ZoneEntityRuler) -> None:
    text = "园区正全力打造新材料及精细化工产业园。"
    assert ents(ruler, text) == [("新材料及精细化工产业园", "PARK")]


def test_boundary_after_cue_words(ruler: ZoneEntityRuler) -> None:
    text = "公司总部位于江西鹰潭高新区，产品销往全国。"
    assert ents(ruler, text) == [("江西鹰潭高新区", "PARK")]


# --- legal forms -----------------------------------------------------------
def test_legal_forms(ruler: ZoneEntityRuler) -> None:
    text = "杭州云栖微纳科技有限公司与浙江禾源精工股份有限公司签署了合作协议。"
    found = ents(ruler, text)
    assert ("杭州云栖微纳科技有限公司", "COMPANY") in found
    assert ("浙江禾源精工股份有限公司", "COMPANY") in found


def test_bracketed_place_inside_company_name(ruler: ZoneEntityRuler) -> None:
    text = "目前，禾丰智控（常州）有限公司已经投产。"
    assert ents(ruler, text) == [("禾丰智控（常州）有限公司", "COMPANY")]


def test_research_institute_company_is_company(ruler: ZoneEntityRuler) -> None:
    text = "授牌单位为江淮智能制造研究院有限公司。"
    assert ents(ruler, text) == [("江淮智能制造研究院有限公司", "COMPANY")]


# --- aliases and short names ----------------------------------------------------
def test_alias_declaration_and_later_use(ruler: ZoneEntityRuler) -> None:
    text = "浙江禾源精工股份有限公司（以下简称“禾源精工”）落户园区。禾源精工计划明年投产。"
    found = ents(ruler, text)
    assert found.count(("禾源精工", "COMPANY")) == 2
    key = ids(ruler, text)
    assert key["禾源精工"] == key["浙江禾源精工股份有限公司"]


def test_short_name_from_legal_form_stripping(ruler: ZoneEntityRuler) -> None:
    text = "湖州明宇新材料科技有限公司年产5万吨项目开工。明宇新材料的负责人说，企业明宇将扩大产能。"
    found = ents(ruler, text)
    assert ("明宇新材料", "COMPANY") in found
    key = ids(ruler, text)
    assert key["明宇新材料"] == key["湖州明宇新材料科技有限公司"]


def test_park_variants_share_a_cluster(ruler: ZoneEntityRuler) -> None:
    text = "浙江省桐庐经济开发区今年新签项目20个。桐庐经开区还设立了产业基金。"
    key = ids(ruler, text)
    assert key["桐庐经开区"] == key["浙江省桐庐经济开发区"] == "浙江省桐庐经济开发区"


@pytest.mark.parametrize("full,short", [
    ("青州经济开发区", "青州开发区"),
    ("灵宝市产业集聚区", "灵宝集聚区"),
    ("湘阴县工业园区", "湘阴工业园"),
])
def test_a_park_s_short_forms_without_its_kind_or_its_county_word_share_its_cluster(
        ruler: ZoneEntityRuler, full: str, short: str) -> None:
    """``青州开发区`` is the 经济开发区's short form; ``灵宝集聚区`` / ``湘阴工业园`` drop the
    county-level place's 市/县 and the 产业/工业 of the kind."""
    key = ids(ruler, f"{full}今年新签项目20个。{short}还设立了产业基金。")
    assert key[short] == key[full]


def test_abbreviated_park_name(ruler: ZoneEntityRuler) -> None:
    text = "温州海外人才创业园挂牌。目前，海创园已入驻企业30家。"
    assert ("海创园", "PARK") in ents(ruler, text)
    key = ids(ruler, text)
    assert key["海创园"] == key["温州海外人才创业园"]


def test_company_list_context(ruler: ZoneEntityRuler) -> None:
    text = "园区培育了以青禾制药、蓝湾生物、锦程电气为代表的产业集群，围绕明溪、翠峰等企业开展服务。"
    found = {n for n, label in ents(ruler, text) if label == "COMPANY"}
    assert {"青禾制药", "蓝湾生物", "锦程电气", "明溪", "翠峰"} <= found


def test_industry_list_is_not_a_company_list(ruler: ZoneEntityRuler) -> None:
    text = "园区延伸磁性材料、储氢材料、抛光材料等产业链。"
    assert ents(ruler, text) == []


# --- negatives -----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "该高新区今年实现产值增长。",
        "国家级高新区的数量继续增加。",
        "管委会与浙江工业大学签订协议。",
        "市政府对经开区发展提出新要求。",
        "长三角智能制造研究院揭牌。",
        "规划建设第二个铸造产业园。",
        "公司又将浙江嘉兴分公司的产能转移过来。",
        "全球知名电气公司都在使用这种材料。",
        "杭州市和宁波市的企业代表参加了会议。",
        "努力建成创新驱动发展示范区。",
    ],
)
def test_not_entities(ruler: ZoneEntityRuler, text: str) -> None:
    assert ents(ruler, text) == []


def test_government_body_is_cut_from_park(ruler: ZoneEntityRuler) -> None:
    text = "安徽宁国经济开发区管委会副主任介绍。"
    assert ents(ruler, text) == [("安徽宁国经济开发区", "PARK")]


# --- serialization -----------------------------------------------------------------
def test_to_bytes_roundtrip(ruler: ZoneEntityRuler) -> None:
    text = "浙江禾源精工股份有限公司落户安徽宁国经济开发区。"
    other = ZoneEntityRuler(None, patterns_file=None, use_grammar=True)
    other.grammar = {}
    other.from_bytes(ruler.to_bytes())
    assert other.match(text) == ruler.match(text)


def test_to_disk_roundtrip(ruler: ZoneEntityRuler, tmp_path: Path) -> None:
    ruler.to_disk(tmp_path / "ruler")
    other = ZoneEntityRuler(None).from_disk(tmp_path / "ruler")
    text = "位于江西鹰潭高新区的青禾制药有限公司"
    assert other.match(text) == ruler.match(text)


# --- scores --------------------------------------------------------------------------
def test_heldout_mention_f1(ruler: ZoneEntityRuler) -> None:
    pred: set = set()
    gold: set = set()
    for i, line in enumerate(open(ROOT / "tests/data/heldout_entities.jsonl", encoding="utf-8")):
        d = json.loads(line)
        pred |= {(i, m.start, m.end, m.label) for m in ruler.match(d["text"])}
        gold |= {(i, e["start"], e["end"], e["label"]) for e in d["entities"]}
    assert len(gold) >= 40
    assert f1(pred, gold) >= 0.85


def test_seed_mention_f1(ruler: ZoneEntityRuler) -> None:
    pred: set = set()
    gold: set = set()
    for line in open(ROOT / "seeds/gold.jsonl", encoding="utf-8"):
        g = json.loads(line)
        did = g["doc_id"]
        raw = open(ROOT / f"seeds/docs/{did}.txt", encoding="utf-8", newline="").read()
        rep = repair(raw)
        ms, _ = ruler.match_with_aliases(rep.text)
        pred |= {(did, *rep.span_to_raw(m.start, m.end), m.label) for m in ms}
        gold |= {(did, e["start"], e["end"], e["label"]) for e in g["entities"]}
    assert f1(pred, gold) >= 0.92




_WORDS = st.lists(st.text(alphabet="园区高新.*(a", min_size=1, max_size=5), min_size=1, max_size=12)


@settings(max_examples=200, deadline=None)
@given(_WORDS, st.text(alphabet="园区高新.*(ab", max_size=30))
def test_trie_pattern_equals_longest_first_alternation(words, text) -> None:
    import regex

    trie = regex.compile(trie_pattern(words))
    alt = regex.compile("|".join(regex.escape(w) for w in sorted(set(words), key=len, reverse=True)))
    assert [m.span() for m in trie.finditer(text)] == [m.span() for m in alt.finditer(text)]


# --- left edges, lists, sub-parks (invented sentences) ---------------------------
@pytest.mark.parametrize(
    "text, name",
    [
        ("上半年青屿综保区进出口额增长两成。", "青屿综保区"),
        ("数字产业产值占梧川高新区总量的三成。", "梧川高新区"),
        ("新厂选址鹭汀经开区东区，明年开工。", None),
    ],
)
def test_time_words_and_verbs_end_a_left_edge(ruler: ZoneEntityRuler, text: str, name) -> None:
    parks = [n for n, label in ents(ruler, text) if label == "PARK"]
    assert parks == ([name] if name else ["鹭汀经开区"])


@pytest.mark.parametrize("text", [
    "三家龙头企业产值增长两成，拉动经开区产值增长3.9个百分点。",
    "一批新项目撬动开发区有效投资。",
    "这组数据高于高新区平均水平。",
    "新项目将惠及综保区内企业。",
])
def test_a_verb_before_a_bare_zone_word_makes_no_park(ruler: ZoneEntityRuler, text: str) -> None:
    """``拉动经开区…``: a verb, then the zone word referring back; no name ``拉动经开区``."""
    assert park_names(ruler, text) == []


def test_a_ceremony_word_ends_the_left_edge_of_a_brand_park(ruler: ZoneEntityRuler) -> None:
    text = "去年8月，星海集团在鹭汀镇奠基星海U谷·鹭汀科技智汇产业园。"
    assert "星海U谷·鹭汀科技智汇产业园" in park_names(ruler, text)


@pytest.mark.parametrize("text, name", [
    ("北京星海投资（集团）有限公司在梧川高新区建设产业园。", "北京星海投资（集团）有限公司"),
    ("项目由鹭汀投资(集团)股份有限公司承建。", "鹭汀投资(集团)股份有限公司"),
])
def test_a_bracketed_group_form_stays_inside_the_company_name(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    companies = [n for n, label in ents(ruler, text) if label == "COMPANY"]
    assert companies == [name]


def test_a_bracketed_form_alone_is_no_company(ruler: ZoneEntityRuler) -> None:
    assert [n for n, label in ents(ruler, "该项目由投资（集团）有限公司承建。") if label == "COMPANY"] == []


def test_company_list_closed_by_a_count_and_joined_by_he(ruler: ZoneEntityRuler) -> None:
    text = "同日签约的还有云帆机电、博雅精密和远航新材3家企业。"
    found = [n for n, label in ents(ruler, text) if label == "COMPANY"]
    assert found == ["云帆机电", "博雅精密", "远航新材"]


def test_company_list_closed_by_a_trade_category(ruler: ZoneEntityRuler) -> None:
    text = "北溟动力、苍梧电控等主机厂纷纷追加订单。"
    found = [n for n, label in ents(ruler, text) if label == "COMPANY"]
    assert found == ["北溟动力", "苍梧电控"]


def test_investor_list_names_firms(ruler: ZoneEntityRuler) -> None:
    text = "该公司去年完成A轮融资，投资方包括青萍资本和远山创投。"
    found = [n for n, label in ents(ruler, text) if label == "COMPANY"]
    assert found == ["青萍资本", "远山创投"]


@pytest.mark.parametrize("text, firms", [
    ("1.高端精细化学品：代表企业有华岳精化、东科助剂、辽抚特种蜡等，年产值合计约78亿元。",
     ["华岳精化", "东科助剂", "辽抚特种蜡"]),
    ("园区龙头企业包括青萍电子和远山材料。", ["青萍电子", "远山材料"]),
    ("目前入驻企业主要有北溟动力、苍梧电控等。", ["北溟动力", "苍梧电控"]),
])
def test_a_list_after_a_firm_role_word_names_firms(ruler: ZoneEntityRuler, text: str, firms: list) -> None:
    """``代表企业有A、B、C等``: a role word of firms (代表企业, 龙头企业, 入驻企业…) and 有/包括
    open a list of firms, even when it closes with a bare 等."""
    assert [n for n, label in ents(ruler, text) if label == "COMPANY"] == firms


@pytest.mark.parametrize(
    "text",
    [
        "创新楼为人工智能、医药健康等科技企业预留了实验空间。",
        "三家企业将分别建设生物降解材料、精密铸件和储能电池项目。",
    ],
)
def test_industry_and_product_lists_are_not_companies(ruler: ZoneEntityRuler, text: str) -> None:
    assert [n for n, label in ents(ruler, text) if label == "COMPANY"] == []


def test_sub_park_named_with_its_new_district_is_one_name(ruler: ZoneEntityRuler) -> None:
    text = "雁汀新区智能网联产业园正式开园，云杉高新区光电产业园同日揭牌。"
    assert ents(ruler, text) == [("雁汀新区智能网联产业园", "PARK"), ("云杉高新区", "PARK"), ("光电产业园", "PARK")]


def test_known_short_name_glued_to_a_legal_form_is_not_a_mention(ruler: ZoneEntityRuler) -> None:
    text = "青杉基因科技有限公司高通量测序项目开工。"
    assert ents(ruler, text) == [("青杉基因科技有限公司", "COMPANY")]


@pytest.mark.parametrize("declared", ["（以下简称青禾（澄江）园）", "（以下简称“青禾（澄江）园”）", "(下称青禾(澄江)园)"])
def test_a_declared_alias_may_hold_a_bracketed_place(ruler: ZoneEntityRuler, declared: str) -> None:
    alias = declared[declared.index("称") + 1:-1].strip("“”")
    text = f"青禾（澄江）产业转移工业园{declared}排名全省第一。2023年，{alias}实现产值120亿元。"
    assert [n for n, label in ents(ruler, text)] == ["青禾（澄江）产业转移工业园", alias, alias]
    assert len(set(ids(ruler, text).values())) == 1


def test_a_declared_short_name_joins_the_firm_it_was_declared_for(ruler: ZoneEntityRuler) -> None:
    text = ("走进石家庄星海科技股份有限公司（以下简称星海科技）总部。"
            "星海科技在山西设立的山西星海锂电科技有限公司（以下简称山西星海）去年投产，山西星海纳税居全区第一。")
    key = ids(ruler, text)
    assert key["星海科技"] == key["石家庄星海科技股份有限公司"]
    assert key["山西星海"] == key["山西星海锂电科技有限公司"] != key["星海科技"]


@pytest.mark.parametrize("text,name", [
    ("主要客户包括广州的星海汽车、长沙的蓝天电池，还有几家合资品牌。", "星海汽车"),
    ("3M材料技术（太仓）有限公司落户太仓高新区。", "3M材料技术（太仓）有限公司"),
    ("2023年度青禾科技有限公司获评省级绿色工厂。", "青禾科技有限公司"),
    ("园区由临沧高新投资发展（集团）有限公司负责建设和运营。", "临沧高新投资发展（集团）有限公司"),
])
def test_a_company_name_keeps_its_edges(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    """No 的 or debris at the left edge (长沙的X, 年度X), a digit-led brand (3M) kept whole,
    and a name never reduced to generic business words (发展（集团）有限公司)."""
    assert (name, "COMPANY") in ents(ruler, text)


@pytest.mark.parametrize("text,name", [
    ("温州滨海产业集聚区管委会发布数据。", "温州滨海产业集聚区"),
    ("郸城县产业集聚区实现产值100亿元。", "郸城县产业集聚区"),
    ("福清青禾投资区前三季度规上工业产值增长8.6%。", "福清青禾投资区"),
    ("项目落户德阳—阿坝生态经济产业园区。", "德阳—阿坝生态经济产业园区"),
    ("中国—印度尼西亚经贸创新发展示范园区用地1700亩。", "中国—印度尼西亚经贸创新发展示范园区"),
])
def test_more_kinds_of_administered_zones(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    """产业集聚区 / 投资区 / 示范园区 with a place, and two places (or 中国 and a partner
    country) joined by a dash naming one cooperation park."""
    assert park_names(ruler, text) == [name]


def test_a_subtitle_dash_is_no_cooperation_park(ruler: ZoneEntityRuler) -> None:
    assert park_names(ruler, "——访青禾高新区管委会主任王立新") == ["青禾高新区"]


@pytest.mark.parametrize("text,name", [
    ("隔壁展位，澄江光电的招聘人员忙着回答问题。", "澄江光电"),
    ("星海精工董事长王某表示，公司订单饱满。", "星海精工"),
    ("作为园区的代表企业，蓝禾新材员工已增加到680人。", "蓝禾新材"),
])
def test_a_firm_shaped_brand_before_its_staff_is_a_company(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(ruler, text)


@pytest.mark.parametrize("text", ["园区管委会负责人表示，明年将扩大招商。", "新能源汽车产业的研发人员增加。"])
def test_staff_of_no_firm_name_no_company(ruler: ZoneEntityRuler, text: str) -> None:
    assert [n for n, label in ents(ruler, text) if label == "COMPANY"] == []


def test_definition_declares_an_alias() -> None:
    import zone_ie

    nlp = zone_ie.load(segmenter="char")
    doc = nlp("明川电子有限公司发展迅速。明川电子是明川电子有限公司的简称。")
    assert [(f.name, f.alias) for f in doc._.facts if f.type == "alias"] == [("明川电子有限公司", "明川电子")]
    doc = nlp("明川电子有限公司发展迅速。明川电子有限公司和青禾光学合作。")
    assert [f for f in doc._.facts if f.type == "alias"] == []


@pytest.mark.parametrize(
    ("text", "parks"),
    [
        ("——枫渚经开区与岑溪湾高新区年度观察", ["枫渚经开区", "岑溪湾高新区"]),
        ("地处城东的枫渚经济技术开发区和岑溪湾高新技术产业开发区，", ["枫渚经济技术开发区", "岑溪湾高新技术产业开发区"]),
        ("与光储产业园一路之隔的是企业总部。", ["光储产业园"]),
        ("——访枫渚综合保税区管理委员会主任", ["枫渚综合保税区"]),
        ("位于新区内岚汀综合保税区的企业", ["岚汀综合保税区"]),
    ],
)
def test_conjunction_or_locative_before_a_park_is_not_part_of_it(ruler: ZoneEntityRuler, text: str, parks: list[str]) -> None:
    assert [n for n, label in ents(ruler, text) if label == "PARK"] == parks


def test_free_trade_zone_area_is_one_park_with_its_declared_alias(ruler: ZoneEntityRuler) -> None:
    text = "中国（岑阳）自由贸易试验区枫港片区（以下简称“枫港片区”）成立三年，枫港片区新设企业增长。"
    full = "中国（岑阳）自由贸易试验区枫港片区"
    assert ents(ruler, text) == [(full, "PARK"), ("枫港片区", "PARK"), ("枫港片区", "PARK")]
    assert set(ids(ruler, text).values()) == {full}


def test_short_name_drops_a_document_place_prefix(ruler: ZoneEntityRuler) -> None:
    text = (
        "岑溪湾高新区内，岑溪湾澜舟生物制药有限公司新药获批，澜舟生物年内投产。"
        "同在园内的青杼数联（岑溪湾）信息技术有限公司营收增长，青杼数联表示将扩产。"
    )
    got = ids(ruler, text)
    assert got["澜舟生物"] == "岑溪湾澜舟生物制药有限公司"
    assert got["青杼数联"] == "青杼数联（岑溪湾）信息技术有限公司"


def test_industry_park_theme_is_not_a_place_prefix(ruler: ZoneEntityRuler) -> None:
    text = "氢能产业园内，氢能澜舟科技有限公司投产，澜舟科技表示满意。"
    assert "澜舟科技" not in ids(ruler, text)


def test_weak_zone_before_a_zone_named_without_a_place_does_not_crash(nlp) -> None:
    # found by fuzzing: a ``…示范区`` right before a zone whose name holds no known place
    # made the adjacent-park merge index ``None`` (TypeError, the document was lost)
    text = "高新技术开发区综合改革示范区雄安综保区厦门象屿综合保税区无锡综保区"
    ruler = nlp.get_pipe("zone_entity_ruler")
    names = [text[m.start:m.end] for m in ruler.match(text)]
    assert "雄安综保区" in names and "厦门象屿综合保税区" in names


# --- equivalences behind the fast paths ---------------------------------------
@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="园区高新.*(a", max_size=5), min_size=0, max_size=12), st.text(alphabet="园区高新.*(ab", max_size=30))
def test_lookahead_finds_the_longest_word_at_each_position(words, text) -> None:
    import regex

    from zone_ie.components.entity_ruler import _lookahead

    ws = sorted(set(words), key=len, reverse=True)
    alt = regex.compile("|".join(regex.escape(w) for w in ws) if ws else r"(?!)")
    got = [m.span(1) for m in _lookahead(words).finditer(text)]
    assert got == [m.span() for m in alt.finditer(text, overlapped=True)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="园区高新a", min_size=1, max_size=4), max_size=8), st.text(alphabet="园区高新ab", max_size=12), st.integers(-1, 14))
def test_longest_suffix_is_the_first_of_the_words_longest_first(words, s, max_len) -> None:
    # company_core / core_shorts: the longest legal form or business word leaving a head of len(s) - max_len
    from zone_ie.clusters import word_before, words_by_length

    first = next((w for w in sorted(words, key=len, reverse=True) if s.endswith(w) and len(w) <= max_len), None)
    assert word_before(words_by_length(words), s, max(0, len(s) - max_len), len(s)) == first


_PLACE_TEXT = st.lists(st.sampled_from(["宁波", "宁波市", "北仑区", "内蒙古", "自治区", "和林格尔", "（", "宁", "波", "研究所与", "园区", "12", "宁海", "海宁"]), max_size=6).map("".join)


@settings(max_examples=300, deadline=None)
@given(_PLACE_TEXT)
def test_prefix_edge_places_are_those_of_the_cut_prefix(ruler: ZoneEntityRuler, prefix: str) -> None:
    for P, park in ((ruler._P, False), (ruler._PK, True)):  # places; places and counties
        places = P.spans(prefix)
        for cut in range(len(prefix) + 1):
            want = [(a + cut, b + cut) for a, b in P.spans(prefix[cut:])]
            assert ruler._places_from(prefix, places, cut, P) == want
        cut, place, has_place = ruler._prefix_edge(prefix, park)
        assert has_place == (P.first(prefix[cut:]) is not None) == (P.first(prefix[cut + place :]) is not None)


def test_ordinal_is_never_a_derived_short_name(nlp):
    text = "中国第三精密机械集团有限公司落户松岭经开区。分产业看，第三产业增加值634.8亿元。"
    doc = nlp(text)
    # the legal-form stripped core ``第三`` would name the company inside 第三产业
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == ["中国第三精密机械集团有限公司"]


def test_direction_named_area_of_a_zone_is_a_park(nlp):
    text = ("松岭经开区集中开工项目52个。\n\n——青禾精密产业园项目。由安徽青禾精密制造有限公司投资建设，"
            "总投资50亿元，选址城北片区。")
    doc = nlp(text)
    parks = [e.text for e in doc.ents if e.label_ == "PARK"]
    assert "城北片区" in parks
    # a weak suffix after a common word still names nothing
    assert not [e for e in nlp("项目覆盖重点片区和产业片区。").ents]


@pytest.mark.parametrize("text", ["增速居杭州四个国家级经开区首位。", "青禾三个产业园区共引进项目46个。", "全市两家省级高新区合计实现营收。"])
def test_a_count_of_zones_is_no_park_name(ruler: ZoneEntityRuler, text: str) -> None:
    assert [m for m in ruler.match(text) if m.label == "PARK"] == []


def test_ftz_area_is_one_park_with_its_short_forms(ruler: ZoneEntityRuler) -> None:
    # ``中国（X）自由贸易试验区Y片区`` is one PARK even when Y is a place; ``Y片区`` and
    # ``X自贸试验区Y片区`` name the same area
    text = "中国（江苏）自由贸易试验区连云港片区实现进出口。连云港片区新设企业。江苏自贸试验区连云港片区新设企业。"
    found = [(text[m.start:m.end], m.id) for m in ruler.match(text) if m.label == "PARK"]
    assert [n for n, _ in found] == ["中国（江苏）自由贸易试验区连云港片区", "连云港片区", "江苏自贸试验区连云港片区"]
    assert {i for _, i in found} == {"中国（江苏）自由贸易试验区连云港片区"}


@pytest.mark.parametrize("text, names", [
    ("福州软件园（福州高新技术产业园）新增企业87家。", ["福州软件园", "福州高新技术产业园"]),
    ("青禾经开区（青禾综合保税区）实现产值。", ["青禾经开区", "青禾综合保税区"]),
    ("甬飞电驱（宁波）新能源产业园开工。", ["甬飞电驱（宁波）新能源产业园"]),  # a closed bracket stays inside
])
def test_a_park_name_never_holds_an_unclosed_bracket(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert park_names(ruler, text) == names


def test_a_verb_before_a_zone_word_opens_no_park_name(ruler: ZoneEntityRuler) -> None:
    text = "要持续深化开发区改革，推动开发区高质量发展。"
    assert [m for m in ruler.match(text) if m.label == "PARK"] == []


def test_a_district_named_like_the_zone_is_no_abbreviation(ruler: ZoneEntityRuler) -> None:
    # 衢江区 is the district 衢江经济开发区 lies in; 留创园 still abbreviates 留学人员创业园
    text = "浙江衢江经济开发区一季度产值增长15.6%。放眼全区，一季度衢江区固定资产投资增长10.6%。"
    assert park_names(ruler, text) == ["浙江衢江经济开发区"]


def test_a_bracketed_label_before_a_name_is_not_part_of_it(ruler: ZoneEntityRuler) -> None:
    text = "(同期声)衢江经济开发区党工委书记：一季度我们开发区新增规上工业企业十一家。"
    assert park_names(ruler, text) == ["衢江经济开发区"]


def test_a_bare_zone_word_before_a_sub_park_is_not_part_of_its_name(ruler: ZoneEntityRuler) -> None:
    text = "在开发区特种纸产业园，青禾特种纸业有限公司年产五万吨特种纸项目加快建设。"
    assert park_names(ruler, text) == ["特种纸产业园"]


@pytest.mark.parametrize("text", [
    "今年以来，已有基因检测、人工智能、智能终端等领域的32家企业入驻研创园孵化载体。",
    "另有年产3000吨茉莉花茶饮料项目开工建设。",
])
def test_sectors_and_verbs_in_list_positions_are_no_firms(ruler: ZoneEntityRuler, text: str) -> None:
    assert [m for m in ruler.match(text) if m.label == "COMPANY"] == []


@pytest.mark.parametrize("text", [
    "去年营收规模居省级开发区前两位，增速位列省级开发区第3。",
    "全省共有首批国家级高新区和五星级开发区、千亿级产业园区。",
    "综合得分列国家级开发区第5位。",
    "该县建成全省首家省级农机产业园。",
    "“十四五”期间新区生产总值年均增长7.8%，增速居新区首位。",
    "国家级新区的生产总值增长5%。",
    "力争全年开发区营收增长10%。",
    "青禾海关驻综保区办事处共监管货物2万吨。",
])
def test_a_class_of_zones_or_a_word_before_a_zone_word_is_no_park(ruler: ZoneEntityRuler, text: str) -> None:
    # a level (省级, 国家级, 五星级, 千亿级) or a verb/time word (居, 列, 期间, 力争, 驻)
    # before the zone word: the kind of zone, not a named one
    assert park_names(ruler, text) == []


@pytest.mark.parametrize("text, names", [
    ("确保青禾经开区跻身全国百强。", ["青禾经开区"]),
    ("全省开发区（含远帆综合保税区）进出口增长8%。", ["远帆综合保税区"]),
    ("国家级青禾经开区召开年度工作会议。", ["青禾经开区"]),
])
def test_a_verb_before_a_named_zone_is_cut(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert park_names(ruler, text) == names


def test_a_piece_of_a_zone_kind_word_is_no_short_name(ruler: ZoneEntityRuler) -> None:
    # 高新 is also a place name; stripping it from 青禾高新技术产业开发区 must not leave
    # 技术产业开发区 as the park's short name
    text = "青禾高新技术产业开发区成立于2003年，是全省唯一的省级高新技术产业开发区。"
    assert park_names(ruler, text) == ["青禾高新技术产业开发区"]


@pytest.mark.parametrize("text, names", [
    ("远帆高新区实行“一区多园”管理模式，包括青禾园一期、青禾园二期、东湾东区、北区和绿色循环经济园。"
     "青禾园去年实现规上工业产值78.6亿元。",
     ["远帆高新区", "青禾园一期", "青禾园二期", "东湾东区", "北区", "绿色循环经济园", "青禾园"]),
    ("远帆经开区下设三个片区，分别为临河片区、石桥片区和白沙片区。石桥片区新增企业12家。",
     ["远帆经开区", "临河片区", "石桥片区", "白沙片区", "石桥片区"]),
])
def test_sub_parks_named_in_a_zone_enumeration_are_parks(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert park_names(ruler, text) == names


@pytest.mark.parametrize("text", [
    "园区配套有学校、医院、公园和商业街。",
    "一区多园，包括科研、生产和生活配套。",
])
def test_an_enumeration_of_other_things_names_no_sub_park(ruler: ZoneEntityRuler, text: str) -> None:
    assert [m for m in ruler.match(text) if m.label == "PARK"] == []


def test_parks_of_two_places_with_the_same_long_kind_are_two_clusters(ruler: ZoneEntityRuler) -> None:
    # 高新 is also a place name: stripping it must not leave both with the key 技术产业园
    text = "前三名依次为远帆高新技术产业园区、青禾高新技术产业园区和石桥经济开发区。"
    ids = [m.id for m in ruler.match(text) if m.label == "PARK"]
    assert len(set(ids)) == 3


@pytest.mark.parametrize("text, names", [
    ("中国眼谷已共建联合研究院38家，温州国际云软件谷集聚企业3046家。", ["中国眼谷", "温州国际云软件谷"]),
    ("2024年南宁国际铁路港完成货物吞吐量1036万吨。", ["南宁国际铁路港"]),
    ("武汉光谷、成都芯谷相继发布新政。", ["武汉光谷", "成都芯谷"]),
    ("经济出现低谷，山谷里的村子通了路。", []),
])
def test_valleys_and_inland_ports_with_a_place_are_parks(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert park_names(ruler, text) == names


@pytest.mark.parametrize("text, names", [
    ("中新南宁国际物流园仓储面积达到68万平方米。", ["中新南宁国际物流园"]),
    ("中德（嘉兴）中小企业合作区新落户项目12个。", ["中德（嘉兴）中小企业合作区"]),
])
def test_a_two_country_head_opens_the_park_name(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert park_names(ruler, text) == names


def test_a_zone_declared_by_its_valley_brand_keeps_the_alias(ruler: ZoneEntityRuler) -> None:
    text = "推介会亮相武汉东湖高新区（以下简称光谷），研发在光谷，生产在咸宁。"
    _, aliases = ruler.match_with_aliases(text)
    assert [text[a[2]:a[3]] for a in aliases] == ["光谷"]


@pytest.mark.parametrize("text, same, apart", [
    # one name, two places: two parks
    ("排名第5的宿州马鞍山现代产业园区增长31.6%。亳州芜湖现代产业园区内，济人药业等企业产值稳步增长。",
     [], [("宿州马鞍山现代产业园区", "亳州芜湖现代产业园区")]),
    # a province before the place, or no place known: one park
    ("湖南湘潭高新区产值增长。湘潭高新区新增企业5家。", [("湖南湘潭高新区", "湘潭高新区")], []),
    ("江阴国家高新区新增企业。江阴高新区产值增长。", [("江阴国家高新区", "江阴高新区")], []),
])
def test_parks_of_one_name_are_one_cluster_only_in_one_place(ruler: ZoneEntityRuler, text, same, apart) -> None:
    ids = {text[m.start:m.end]: m.id for m in ruler.match(text) if m.label == "PARK"}
    for a, b in same:
        assert ids[a] == ids[b]
    for a, b in apart:
        assert ids[a] != ids[b]


@pytest.mark.parametrize(
    "text,name",
    [
        ("这几年企业的成长离不开长兴经济技术开发区的服务。", "长兴经济技术开发区"),
        ("2021年公司整体搬入嵊州高新园区。", "嵊州高新园区"),
        ("一期基地落子泗洪经开区，二期仍在规划。", "泗洪经开区"),
        ("园区动态\n\n宁海经济开发区召开一季度经济运行分析会。", "宁海经济开发区"),
    ],
)
def test_a_county_starts_a_park_name(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    # county-level places (patterns/counties.json) end the words before a park's name
    assert park_names(ruler, text) == [name]


def test_a_firm_named_after_a_county_is_still_a_firm(ruler: ZoneEntityRuler) -> None:
    text = "大丰集团与嘉禾精工分别在园区投资建设新项目，沧州凤台化工股份有限公司也在其中。"
    got = ents(ruler, text)
    assert ("大丰集团", "COMPANY") in got
    assert ("沧州凤台化工股份有限公司", "COMPANY") in got


def test_a_county_area_is_no_zone(ruler: ZoneEntityRuler) -> None:
    # X片区 after a county names an area of that county, not a zone
    assert park_names(ruler, "龙游片区和象山片区的农房改造已经完成。") == []


@pytest.mark.parametrize(
    "text,subs",
    [
        ("青禾经开区目前布局有低碳生态园、新材料产业园和特色轻工产业园三个专业园区。", ["低碳生态园", "新材料产业园", "特色轻工产业园"]),
        ("青禾经开区下设东门片区和渠黎片区两个片区。", ["东门片区", "渠黎片区"]),
        ("青禾经济区按“一区两片”布局，分为东门片区和渠黎片区。", ["东门片区", "渠黎片区"]),
    ],
)
def test_counted_enumerations_name_sub_parks(ruler: ZoneEntityRuler, text: str, subs: list[str]) -> None:
    assert [n for n in park_names(ruler, text) if n in subs] == subs


def test_a_count_of_functional_areas_is_no_park_list(ruler: ZoneEntityRuler) -> None:
    # 生产、生活和生态 are kinds of areas, not names: no item is a sub-park name
    assert park_names(ruler, "青禾经开区包括生产、生活和生态三个功能区。") == ["青禾经开区"]


def test_a_boundary_inside_a_name_word_does_not_cut(ruler: ZoneEntityRuler) -> None:
    got = ents(ruler, "杭州谷丰家居有限公司与青禾高新区签约，青禾高新区产值居全省第一。")
    assert ("杭州谷丰家居有限公司", "COMPANY") in got
    assert ("青禾高新区", "PARK") in got


@pytest.mark.parametrize("code", ["（688001）", "(600519.SH)", "（股票代码：300750）"])
def test_a_stock_code_names_a_listed_firm(ruler: ZoneEntityRuler, code: str) -> None:
    got = ents(ruler, f"科创板公司青禾光材{code}发布公告称，公司拟投资10亿元。")
    assert ("青禾光材", "COMPANY") in got
    assert ("科创板公司", "COMPANY") not in got  # a descriptor, not a name


@pytest.mark.parametrize("frame", ["龙头企业{}实现应税销售36.8亿元。", "骨干企业{}今年营收增长20%。", "链主企业{}投资建设二期项目。"])
def test_a_descriptor_noun_before_a_brand_names_a_firm(ruler: ZoneEntityRuler, frame: str) -> None:
    assert ("澄江机电", "COMPANY") in ents(ruler, frame.format("澄江机电"))


@pytest.mark.parametrize(
    "text,name",
    [
        ("澄江光电投资12亿元的显示模组项目已进入试生产阶段。", "澄江光电"),
        ("今年以来，蓝禾精工总投资8.5亿元的二期项目加快建设。", "蓝禾精工"),
        ("青云马力投资3亿元建设年产20万台电机生产线。", "青云马力"),
        ("园区新增工业项目15个；北辰汇通计划投资6亿元的智能仓储中心年底投用。", "北辰汇通"),
    ],
)
def test_the_opening_of_a_clause_that_invests_in_a_project_is_its_investor(
        ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert (name, "COMPANY") in ents(ruler, text)


@pytest.mark.parametrize(
    "text",
    [
        "全区总投资100亿元的20个项目集中开工。",
        "今年计划投资20亿元的项目有10个。",
        "园区累计投资30亿元建设基础设施工程。",
        "新开工项目投资50亿元的产业基地开工。",
        "固定资产投资12亿元的技改项目完成备案。",
    ],
)
def test_an_investment_frame_without_a_brand_names_no_firm(ruler: ZoneEntityRuler, text: str) -> None:
    assert [n for n, label in ents(ruler, text) if label == "COMPANY"] == []


def test_a_descriptor_noun_alone_names_nothing(ruler: ZoneEntityRuler) -> None:
    assert ents(ruler, "区内重点企业在今年实现增长，龙头企业的带动作用明显。") == []


@pytest.mark.parametrize(
    "text,name,label",
    [
        ("澄江集团则与青禾新区签订了α-烯烃项目框架协议。", "青禾新区", "PARK"),
        ("首批入驻企业中既有澄江物流、蓝天电子等平台型企业。", "澄江物流", "COMPANY"),
        ("其自主研制的掘进机已交付澄江隧道工程集团有限公司。", "澄江隧道工程集团有限公司", "COMPANY"),
        ("公司产品已批量供货澄江能源集团。", "澄江能源集团", "COMPANY"),
    ],
)
def test_adverbs_conjunctions_and_supply_verbs_end_a_left_edge(ruler: ZoneEntityRuler, text: str, name: str, label: str) -> None:
    assert (name, label) in ents(ruler, text)


def test_a_wholly_owned_subsidiary_is_no_name(ruler: ZoneEntityRuler) -> None:
    assert all(n != "全资子公司" for n, _ in ents(ruler, "青禾新能源是澄江时代的全资子公司，2021年注册成立。"))


@pytest.mark.parametrize("text", ["上半年，黑龙江省开发区实现规上工业总产值3186.5亿元。", "同期，吕梁市各开发区累计签约项目318个。",
                                  "齐齐哈尔三市开发区规上工业总产值占比61.3%。"])
def test_a_group_of_zones_is_no_park(ruler: ZoneEntityRuler, text: str) -> None:
    assert park_names(ruler, text) == []


def test_a_city_zone_with_its_full_suffix_is_a_park(ruler: ZoneEntityRuler) -> None:
    assert park_names(ruler, "宣城市经济开发区今年产值增长。") == ["宣城市经济开发区"]


@pytest.mark.parametrize(
    "text,parks",
    [
        ("三年结硕果 六松现代产业园迎来新跨越", ["六松现代产业园"]),          # a space between phrases of a headline
        ("记者：请问青禾高新区下一步有什么打算？", ["青禾高新区"]),
        ("园区建有省级生物医药工业园。", ["生物医药工业园"]),
        ("除医药健康产业园外，园区还在建设其他园区。", ["医药健康产业园"]),
        ("推动高新区与新区融合发展。", []),
        ("问天科技园今天揭牌。", ["问天科技园"]),
    ],
)
def test_more_left_edges(ruler: ZoneEntityRuler, text: str, parks: list[str]) -> None:
    assert park_names(ruler, text) == parks


def test_letter_spacing_is_still_removed() -> None:
    assert repair("占阿拉善盟 总 量 的 41.6%").text == "占阿拉善盟总量的41.6%"


@pytest.mark.parametrize(
    "full,mention",
    [("湖北澄澴新材料股份有限公司", "澄澴新材"), ("福建青禾湾精密机械有限公司", "青禾湾精机"), ("澄联集成电路有限公司", "澄联集成")],
)
def test_a_short_form_that_abbreviates_the_rest_of_the_name_is_one_mention(ruler: ZoneEntityRuler, full: str, mention: str) -> None:
    text = f"{full}成立于2005年。{mention}今年营收增长20%，{mention}拟投资5亿元。"
    got = [n for n, label in ents(ruler, text) if label == "COMPANY"]
    assert got.count(mention) == 2


def test_a_short_form_followed_by_other_words_is_not_extended(ruler: ZoneEntityRuler) -> None:
    text = "澄联集成电路有限公司成立于2005年。澄联新建厂房两栋。"
    assert ("澄联新建", "COMPANY") not in ents(ruler, text)


def test_a_short_area_name_joins_the_one_longer_area_it_ends(ruler: ZoneEntityRuler) -> None:
    text = "中国（四川）自由贸易试验区青禾临港片区今年新设企业1862家。青禾临港片区管委会表示，临港片区将继续扩大开放。"
    parks = [(text[m.start:m.end], m.id) for m in ruler.match(text) if m.label == "PARK"]
    assert parks[0][0] == "中国（四川）自由贸易试验区青禾临港片区"  # the area's own place does not cut it off its zone
    assert {i for _, i in parks} == {parks[0][0]}  # every later short mention is the same area


def test_a_call_to_look_is_no_name(ruler: ZoneEntityRuler) -> None:
    assert park_names(ruler, "一起来看新区的年度答卷——") == []


@pytest.mark.parametrize("text,names", [
    ("鹏远机床、汉江电工等老牌企业迁入新厂区后订单大增。", ["鹏远机床", "汉江电工"]),
    ("岭南、泰和等物流企业已在保税仓库开展业务。", ["岭南", "泰和"]),
    ("青梅坊、云岭佳酿、竹溪等3家酒企完成整合。", ["青梅坊", "云岭佳酿", "竹溪"]),
    ("金辉光电、瑞祥包材、华盛精机3家上市公司落户园区。", ["金辉光电", "瑞祥包材", "华盛精机"]),
    ("以嘉禾、远帆新能、博雅科技为代表的链主企业满负荷生产。", ["嘉禾", "远帆新能", "博雅科技"]),
])
def test_a_list_closed_by_a_typed_firm_noun_names_firms(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    """``A、B等老牌企业`` / ``等3家酒企`` / ``A、B、C3家上市公司`` / ``以A、B为代表的链主企业``:
    a firm noun with any modifier closes a list of firms."""
    assert [t for t, label in ents(ruler, text) if label == "COMPANY"] == names


@pytest.mark.parametrize("text", [
    "园区储能柜、光伏组件等装备制造企业订单饱满。",
    "风电、氢能等新能源企业加快集聚。",
    "生物医药、电子信息等产业企业超过200家。",
])
def test_a_list_of_sectors_or_their_products_before_a_typed_firm_noun_names_no_firm(ruler: ZoneEntityRuler, text: str) -> None:
    assert [t for t, label in ents(ruler, text) if label == "COMPANY"] == []


def test_a_firm_list_ends_at_its_closer_before_a_later_list_of_the_clause(ruler: ZoneEntityRuler) -> None:
    text = "园区内，云台、青川、石门古等企业酿造、灌装、包装同步推进。"
    assert [t for t, label in ents(ruler, text) if label == "COMPANY"] == ["云台", "青川", "石门古"]


def test_a_list_of_firm_shaped_names_ends_at_its_predicate(ruler: ZoneEntityRuler) -> None:
    """``A、B、C均实现增长``: no closer, but every item is a brand plus an industry word."""
    text = "分企业看，江岸炼化、北山化肥、兴隆热电均实现增长。"
    assert [t for t, label in ents(ruler, text) if label == "COMPANY"] == ["江岸炼化", "北山化肥", "兴隆热电"]


@pytest.mark.parametrize("text,name", [
    ("其中山东雅丝发制品有限公司对非洲市场出口额增长26%。", "山东雅丝发制品有限公司"),
    ("其中山西远帆新材料有限公司完成产值3亿元。", "山西远帆新材料有限公司"),
])
def test_a_firm_s_name_never_starts_inside_qi_zhong(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    """``其中山东X有限公司``: 中山 is a place, but 其中 is a word the name cannot start inside."""
    assert [t for t, label in ents(ruler, text) if label == "COMPANY"] == [name]


@pytest.mark.parametrize("text", [
    "对完成股改、辅导备案、申报受理等关键节点的企业分别给予最高50万元奖励。",
    "园区集聚了芯片设计、封装测试、材料设备等领域的企业120余家。",
    "对实施技术改造、数字化转型等方面的企业给予补助。",
])
def test_a_list_closed_by_a_category_of_firms_names_no_firm(ruler: ZoneEntityRuler, text: str) -> None:
    """``A、B等关键节点的企业`` / ``A、B等领域的企业``: the items are stages, fields or kinds of
    work the firms have in common, not the firms' names (``A、B等行业龙头`` still lists firms)."""
    assert [t for t, label in ents(ruler, text) if label == "COMPANY"] == []
    assert ("中国北车", "COMPANY") in ents(ruler, "玖龙纸业、中国北车、华锐风电等行业龙头均落户区内。")


@pytest.mark.parametrize("text", [
    "报告期内，收入增长主要系公司对国内头部客户的配套量增加。",
    "全年产量4.1万吨，其中约62%供应公司内部电芯生产。",
    "管委会将帮助公司解决用工难题，并引导公司加大研发投入。",
])
def test_a_verb_or_a_causal_word_before_gong_si_makes_no_company(ruler: ZoneEntityRuler, text: str) -> None:
    """``主要系公司…`` / ``供应公司内部…``: 公司 here is the reporting firm, the words before it a
    verb or 系 (is due to), not a firm's name."""
    assert [t for t, label in ents(ruler, text) if label == "COMPANY"] == []


@pytest.mark.parametrize("text,name", [
    ("远帆机电是分区引进的第一家上海企业。", "远帆机电"),
    ("青禾精工是基地首批投产的骨干企业之一。", "青禾精工"),
    ("瀚川电子是保税区内规模最大的加工贸易企业。", "瀚川电子"),
])
def test_a_short_name_said_to_be_a_zone_s_firm_is_a_company(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    """``X是分区引进的第一家…企业``: a name predicated as one of a zone's firms (分区, 基地,
    保税区 … as well as 园区, 开发区) is a company."""
    assert (name, "COMPANY") in ents(ruler, text)


@pytest.mark.parametrize("text,name", [
    ("临澧工业集中区一季度实现技工贸总收入41.2亿元。", "临澧工业集中区"),
    ("株洲田心高科园新引进项目6个。", "株洲田心高科园"),
    ("钦州出口加工区进出口额增长12%。", "钦州出口加工区"),
    ("芜湖保税物流中心（B型）一季度进出口8.6亿元。", "芜湖保税物流中心（B型）"),
    ("东兴边境经济合作区新增外贸企业15家。", "东兴边境经济合作区"),
    ("宁波石化基地炼化一体化项目开工。", "宁波石化基地"),
    ("昆山花桥化学工业区安全评级为A级。", "昆山花桥化学工业区"),
    ("石嘴山化工园区规上企业达到48家。", "石嘴山化工园区"),
    ("潍坊高端装备产业港首批企业入驻。", "潍坊高端装备产业港"),
])
def test_more_kinds_of_zone_words_name_parks(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    """集中区, 高科园, 出口加工区, 保税物流中心（B型）, 边境经济合作区, 石化基地, 化学工业区,
    化工园区, 产业港: zone words of real zones (the weak ones with a place before them)."""
    assert name in park_names(ruler, text)


@pytest.mark.parametrize("text", [
    "全力打造绿色化工园区和智慧园区。",
    "争创国家生态工业园区。",
    "推进低碳产业园建设标准。",
])
def test_an_adjective_before_a_bare_zone_word_names_a_kind_of_zone(ruler: ZoneEntityRuler, text: str) -> None:
    assert park_names(ruler, text) == []


def companies(ruler: ZoneEntityRuler, text: str) -> list[str]:
    return [t for t, label in ents(ruler, text) if label == "COMPANY"]


def test_a_short_name_after_a_date_goes_on_with_its_business_word_before_a_figure(ruler: ZoneEntityRuler) -> None:
    text = "青禾岭创电子科技股份有限公司（以下简称岭创）成立于2010年。2024年岭创科技净利润降至2394万元。"
    assert companies(ruler, text)[-1] == "岭创科技"


@pytest.mark.parametrize("text,name", [
    ("鲁岳工程机械股份有限公司（以下简称鲁岳）成立于1980年。鲁岳股份亩均税收达到68.4万元。", "鲁岳股份"),
    ("青禾推土机股份有限公司（以下简称青推）成立于1980年。青推控股营业收入增长9%。", "青推控股"),
])
def test_a_short_name_with_its_share_company_word_before_a_figure(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert name in companies(ruler, text)


def test_a_firm_of_the_document_and_a_unit_name_in_a_list_is_one_firm(ruler: ZoneEntityRuler) -> None:
    """``上汽大众``-like: a known firm and the two characters of its unit, in a list before 分别."""
    text = ("青禾汽车集团有限公司（以下简称青汽）在园区布局整车项目。"
            "青汽岚图、东岭三菱汽车有限公司入库税收分别为18.6亿元、11.2亿元。")
    assert companies(ruler, text)[-2:] == ["青汽岚图", "东岭三菱汽车有限公司"]


@pytest.mark.parametrize("text", [
    "青汽两家企业入库税收分别为18.6亿元、11.2亿元。",
    "隔膜和铜箔分别从江西、福建的工厂运来。",
])
def test_a_count_or_a_product_list_before_respectively_is_no_firm(ruler: ZoneEntityRuler, text: str) -> None:
    assert companies(ruler, text) == []


def test_a_sector_word_is_never_a_short_name_of_a_firm(ruler: ZoneEntityRuler) -> None:
    text = "中国化工集团在园区投资建厂。到2025年化工新材料产值占比提高到35%，化工企业达到60家。"
    assert companies(ruler, text) == ["中国化工集团"]


def test_a_place_and_a_short_brand_before_a_project_capacity_is_a_firm(ruler: ZoneEntityRuler) -> None:
    """``曲靖融合年产20万吨…项目``: the firm's local unit, a place and its brand."""
    assert companies(ruler, "曲靖岭创年产20万吨磷酸铁项目进入设备安装阶段。") == ["曲靖岭创"]


@pytest.mark.parametrize("text", [
    "重大项目集中开工活动在兰州甘肃岭创年产10万吨负极材料项目现场举行。",  # two places: a venue first
    "湖南长沙年产5万吨电机项目开工。",  # places only
    "园区新建年产5万吨电解液项目。",
])
def test_no_place_brand_firm_without_exactly_one_place_and_a_brand(ruler: ZoneEntityRuler, text: str) -> None:
    assert not any(c.startswith(("兰州", "湖南", "园区")) for c in companies(ruler, text))


def test_a_list_of_firm_shaped_names_ends_at_a_copula(ruler: ZoneEntityRuler) -> None:
    assert companies(ruler, "生物医药方面，青岭生物、瑞禾药业、东岳制药是骨干企业。") == ["青岭生物", "瑞禾药业", "东岳制药"]


def test_a_counted_list_may_end_with_a_firm_shaped_name_and_a_full_name_joined_by_he(ruler: ZoneEntityRuler) -> None:
    """``新入统企业3家，分别为A、B和C有限公司``: 和 after a firm-shaped name ends that name; the
    full legal name after it is a firm of its own."""
    text = "园区新入统企业3家，分别为青岭家居、瑞禾智能科技和东岳生物科技有限公司。"
    assert companies(ruler, text) == ["青岭家居", "瑞禾智能科技", "东岳生物科技有限公司"]


@pytest.mark.parametrize("text,parks", [
    ("举行集中开工暨青禾精密科技产业园开园仪式。", ["青禾精密科技产业园"]),
    ("规划5平方公里新能源产业园。", ["新能源产业园"]),
    ("营业收入超千亿元开发区达到5家。", []),
    ("考评结果出炉开发区排名前移。", []),
    ("老牌经开区焕发新活力。", []),
])
def test_event_joiners_measures_verbs_and_descriptors_are_no_part_of_a_zone_name(ruler: ZoneEntityRuler, text: str, parks: list) -> None:
    assert park_names(ruler, text) == parks


@pytest.mark.parametrize("text", ["园区引进龙头上市公司3家、跨国公司2家。", "由项目公司负责建设运营。"])
def test_a_kind_of_firm_is_no_firm_name(ruler: ZoneEntityRuler, text: str) -> None:
    assert companies(ruler, text) == []


def _company_ids(ruler: ZoneEntityRuler, text: str) -> dict[str, str]:
    return {text[m.start:m.end]: m.id for m in ruler.match(text) if m.label == "COMPANY"}


def test_a_brand_with_a_bare_gongsi_joins_the_one_full_name_it_opens(ruler: ZoneEntityRuler) -> None:
    text = "位于青禾经开区的安徽恒拓汽车部件有限公司新能源底盘项目投产。恒拓公司总经理介绍，明年将启动二期建设。"
    ids = _company_ids(ruler, text)
    assert ids["恒拓公司"] == ids["安徽恒拓汽车部件有限公司"]



@pytest.mark.parametrize("text, names", [
    ("青禾经开区下辖金沙园和尼葛园。尼葛园去年实现产值50亿元。", ["青禾经开区", "金沙园", "尼葛园", "尼葛园"]),
    ("青禾高新区下辖金沙园、尼葛园、北区三个园区。", ["青禾高新区", "金沙园", "尼葛园", "北区"]),
    ("青禾高新区下设办公室和财政局。", ["青禾高新区"]),
])
def test_the_parts_a_zone_administers_are_sub_parks(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert park_names(ruler, text) == names


@pytest.mark.parametrize("text, names", [
    ("株洲高新区董家塅高科园完成产值。董家塅高科园一季度完成规模工业产值46.3亿元。",
     ["株洲高新区", "董家塅高科园", "董家塅高科园"]),
    ("金昌经开区化工产业集中区规上工业增加值增长35.6%。", ["金昌经开区", "化工产业集中区"]),
    ("董家塅高科园一季度完成规模工业产值46.3亿元。", []),
    ("青禾产业园区白沙片区新增企业12家。", ["青禾产业园区"]),
])
def test_a_weak_zone_word_right_after_its_zone_names_a_part_of_it(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert park_names(ruler, text) == names


@pytest.mark.parametrize("text,names", [
    ("园区税收超千万元的企业有：岭川铸造、瑞禾电气、东岳冷链等5户企业。", ["岭川铸造", "瑞禾电气", "东岳冷链"]),
    ("开发区新增规上企业3户，分别是青岭家居、瑞禾智能和东岳纸业。", ["青岭家居", "瑞禾智能", "东岳纸业"]),
])
def test_hu_counts_firms_as_jia_does(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    """``等5户企业`` / ``规上企业3户，分别是…``: 户 is a classifier of firms in government text."""
    assert companies(ruler, text) == names


@pytest.mark.parametrize("text,name", [
    ("开发区引进岭川石油装备年产300台压裂设备项目。", "岭川石油装备"),
    ("园区签约瑞禾汽车零部件年产20万套制动盘项目。", "瑞禾汽车零部件"),
])
def test_a_brand_and_two_industry_words_before_a_capacity_is_a_firm(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert companies(ruler, text) == [name]


@pytest.mark.parametrize("text", [
    "园区新建年产5万吨新能源汽车零部件项目。",  # sector words only
    "园区新建年产2万吨航空航天装备项目。",
])
def test_stacked_sector_words_before_a_capacity_are_no_firm(ruler: ZoneEntityRuler, text: str) -> None:
    assert companies(ruler, text) == []


@pytest.mark.parametrize("text,names", [
    ("规上工业企业共11户。岭川风机实现产值3.6亿元，同比下降6.2%。", ["岭川风机"]),
    ("其中，东岳食品、瑞禾建材、青岭农机分别实现产值2.9亿元、2.1亿元和1.6亿元。", ["东岳食品", "瑞禾建材", "青岭农机"]),
    ("企业方面，白城鑫岭全年完成营业收入5亿元。", ["白城鑫岭"]),
])
def test_firm_shaped_names_opening_a_firms_report_are_firms(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert companies(ruler, text) == names


@pytest.mark.parametrize("text", [
    "光伏产业实现产值30亿元。新能源汽车实现产值12亿元，装备制造实现产值8亿元。",
    "全市规上工业实现产值5亿元，其中电子信息实现产值2亿元。",
    "白城风电实现产值3亿元。",  # a place and a sector
])
def test_sectors_opening_a_report_are_no_firms(ruler: ZoneEntityRuler, text: str) -> None:
    assert companies(ruler, text) == []


@pytest.mark.parametrize("text,names", [
    ("岭川软件总部基地总投资18亿元。", ["岭川软件"]),
    ("瑞禾中国总部项目开工。", ["瑞禾"]),
])
def test_a_brand_before_a_headquarters_project_is_a_firm(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert companies(ruler, text) == names


def test_a_headquarters_economy_is_no_firm(ruler: ZoneEntityRuler) -> None:
    assert companies(ruler, "园区大力发展总部经济，建设总部基地项目。") == []


def test_a_known_firm_and_two_industry_words_is_that_firms_line_not_a_new_firm(ruler: ZoneEntityRuler) -> None:
    """``日盛达光伏玻璃二期项目`` after ``A、日盛达等企业``: the firm of the list, then its line of
    business; the project's firm stays the short name."""
    text = "区内已集聚了岭川太阳能、瑞禾等上下游企业。瑞禾光伏玻璃二期项目开工。"
    assert companies(ruler, text) == ["岭川太阳能", "瑞禾", "瑞禾"]


def test_a_known_firm_and_one_industry_word_is_its_full_name(ruler: ZoneEntityRuler) -> None:
    text = "瑞禾科技（688093）今年营收增长。瑞禾科技年产5万吨胶带项目开工。"
    assert "瑞禾科技" in companies(ruler, text)


def test_yi_you_opens_a_list_of_firms(ruler: ZoneEntityRuler) -> None:
    assert companies(ruler, "园区已有岭川、瑞禾等5家企业。") == ["岭川", "瑞禾"]


def test_a_list_closed_by_these_firms_is_a_list_of_firms(ruler: ZoneEntityRuler) -> None:
    text = "岭川制药、瑞禾药业、东岳钢模这些老牌企业，研发投入强度都在4%以上。"
    assert companies(ruler, text) == ["岭川制药", "瑞禾药业", "东岳钢模"]


@pytest.mark.parametrize("text,names", [
    ("其中，岭川医疗去年产值1.35亿元，是园区首家产值过亿元的企业。", ["岭川医疗"]),
    ("其中，瑞禾光电亩均税收达到68.4万元。", ["瑞禾光电"]),
    ("东岳制药今年上半年研发投入就达到1.3亿元。", ["东岳制药"]),
])
def test_a_firm_shaped_name_before_its_own_figure_needs_no_verb(ruler: ZoneEntityRuler, text: str, names: list) -> None:
    assert companies(ruler, text) == names


@pytest.mark.parametrize("text", [
    "力争全年医药营收增长10%。",       # a verb and a time word before a sector
    "约占全省医药产值的三成。",
    "高端焊接电源产值增长12%。",      # a generic head
])
def test_words_before_a_sector_figure_are_no_firm(ruler: ZoneEntityRuler, text: str) -> None:
    assert companies(ruler, text) == []


@pytest.mark.parametrize("text,name", [
    ("汽车产业加速发展，岭川西安基地上半年整车产量同比增长三成。", "岭川"),
    ("瑞禾科技宿迁基地投资从15亿元追加到100亿元。", "瑞禾科技"),
])
def test_a_brand_before_a_place_and_its_site_is_a_firm(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert companies(ruler, text) == [name]


@pytest.mark.parametrize("text", ["园区加快建设四川德阳基地。", "其中，中国西部基地产值增长。", "成都生产基地项目开工。"])
def test_places_before_a_site_are_no_firm(ruler: ZoneEntityRuler, text: str) -> None:
    assert companies(ruler, text) == []


@pytest.mark.parametrize("text,name", [
    ("园区内最大的台资企业岭川科技，10年间7次增资。", "岭川科技"),        # a firm-shaped name ends the clause
    ("园区企业瑞禾机械主要生产三轮汽车和装载机。", "瑞禾机械"),
    ("其中重点企业东岳科技贡献突出。", "东岳科技"),
    ("开发区引进的港资企业岭川精密模具追加投资650万美元。", "岭川精密模具"),
    ("隧道装备产业园内的瑞禾重工把生产线全部改为光伏供电。", "瑞禾重工"),
])
def test_a_kind_of_firm_before_a_firm_shaped_name_names_a_firm(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert name in companies(ruler, text)


@pytest.mark.parametrize("text", ["园区企业实现产值30亿元。", "区内企业主要生产汽车零部件。", "园区内的标准厂房实现满租。"])
def test_a_kind_of_firm_before_no_name_names_no_firm(ruler: ZoneEntityRuler, text: str) -> None:
    assert companies(ruler, text) == []


@pytest.mark.parametrize("text,name", [
    ("总投资16亿元的扩能项目已由岭川科技启动建设。", "岭川科技"),
    ("湖北瑞禾利投资10亿元的动力电池精密结构件项目进入试生产。", "湖北瑞禾利"),  # a place and a brand
])
def test_builders_and_place_brand_investors_are_firms(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert companies(ruler, text) == [name]


def test_two_places_investing_are_no_firm(ruler: ZoneEntityRuler) -> None:
    assert companies(ruler, "湖南长沙投资10亿元的动力电池项目进入试生产。") == []


def test_a_short_park_form_takes_the_characters_of_a_fuller_names_tail(ruler: ZoneEntityRuler) -> None:
    """``川南临港片区`` after the full 片区 name: the region word before 临港片区 belongs to the
    short form, since the full name ends with both."""
    text = "中国（四川）自由贸易试验区川南临港片区挂牌以来，川南临港片区累计新设企业超过3.4万家。"
    assert "川南临港片区" in [text[m.start:m.end] for m in ruler.match(text) if m.label == "PARK"]


def test_a_boundary_word_before_a_short_park_form_stays_out(ruler: ZoneEntityRuler) -> None:
    text = "青禾航空经济技术开发区（以下简称“航空经开区”）成立于2010年。其中航空经开区贡献了四成。"
    parks = [text[m.start:m.end] for m in ruler.match(text) if m.label == "PARK"]
    assert "中航空经开区" not in parks and "航空经开区" in parks


@pytest.mark.parametrize("text", ["今年前4个月，乌昌海关综保区进出口110.6亿元。", "进出口额较去年同期综保区增长15%。"])
def test_a_customs_office_or_a_period_word_is_no_part_of_a_zone_name(ruler: ZoneEntityRuler, text: str) -> None:
    assert [m for m in ruler.match(text) if m.label == "PARK"] == []


def test_zhizaoyuan_is_a_park_kind(ruler: ZoneEntityRuler) -> None:
    text = "走进位于青禾经济开发区的岭川云谷淮海工业智造园，一期最后一栋厂房已封顶。"
    assert "岭川云谷淮海工业智造园" in [text[m.start:m.end] for m in ruler.match(text) if m.label == "PARK"]


def test_an_adverb_after_a_firm_is_no_part_of_its_name() -> None:
    from zone_ie.components.entity_ruler import _without_adverb
    from zone_ie.components.ruler_text import Match

    text = "岭川电子则新上了一条生产线。"
    m = _without_adverb(text, Match(0, 5, "COMPANY"))
    assert text[m.start:m.end] == "岭川电子"
    assert _without_adverb(text, Match(0, 4, "PARK")) == Match(0, 4, "PARK")


@pytest.mark.parametrize("text", [
    "（图）岭川食品有限公司生产车间内，工人正在分拣包装鹿肉制品。\u3000本报记者\u3000王明宇\u3000摄\n\n年产500吨鹿茸精深加工项目签约\n本报讯（记者\u3000李婷）\n3月3日，青禾县与瑞禾公司签约。",
    "宝骏基地总装车间。记者 王明 摄有限公司",
])
def test_a_photo_credit_is_no_firm(nlp, text: str) -> None:
    """``本报记者　孙铭阳　摄`` before a headline ``年产500吨…项目签约``: a byline, not a brand."""
    doc = nlp(make_doc(nlp, text))
    assert not any("摄" in e.text or "记者" in e.text for e in doc.ents if e.label_ == "COMPANY")


@pytest.mark.parametrize("text,name", [
    ("3月3日，西丰县与瑞禾科技有限公司签约。", "瑞禾科技有限公司"),
    ("青禾县人民政府与岭川生物科技有限公司举行签约仪式。", "岭川生物科技有限公司"),
    ("青禾经开区管委会与东岳新材料有限公司签约。", "东岳新材料有限公司"),
])
def test_a_place_or_government_joined_by_yu_is_the_firms_partner(ruler: ZoneEntityRuler, text: str, name: str) -> None:
    assert name in companies(ruler, text)


def test_a_park_name_holds_no_bracket_it_did_not_open(nlp):
    """``居全市各县（市、区）和开发区第1位``: the closing bracket ends a list of areas; no park
    starts inside it (a bracket the name opens, ``甬飞电驱（宁波）产业园``, stays)."""
    doc = nlp("承德高新区规上工业增加值增长9.6%，居全市各县（市、区）和开发区第1位。甬飞电驱（宁波）产业园开工。")
    assert [(e.text, e.label_) for e in doc.ents] == [("承德高新区", "PARK"), ("甬飞电驱（宁波）产业园", "PARK")]


def test_a_chemical_zone_is_a_park_and_its_kind_word_refers_to_it(nlp):
    """``X化工区`` names a zone (a place opens it, or it follows its zone); a bare ``化工区``
    later refers to it, like ``经开区`` to an 经济技术开发区."""
    from factkit import metrics

    text = ("青禾经济开发区澄江精细化工区（以下简称“青禾精细化工区”）通过省级认定。"
            "截至8月底，化工区已建成投产工业企业17家。")
    doc = nlp(text)
    assert ("澄江精细化工区", "PARK") in [(e.text, e.label_) for e in doc.ents]
    (m,) = [m for m in metrics(nlp, text, "2020-09-10") if (m["value"] or {}).get("value") == 17.0]
    assert m["subject"] in ("澄江精细化工区", "青禾精细化工区")


@pytest.mark.parametrize("text", [
    "增速居全市各县区和开发区首位。",
    "增速居全市工业和开发区前列。",
    "县域开发区的分量同样不容小觑。",
    "进出口总额仅相当于全省首位综保区的三分之一。",
    "明年新区将力争地区生产总值增长8%。",
    "当天高新区还举行了项目签约仪式。",
    "下一步农高区将扩大示范面积。",
])
def test_groups_classes_and_time_words_name_no_zone(nlp, text):
    """A bare zone word after a category and a conjunction (``县区和开发区``), a class of
    zones (``县域开发区``, ``首位综保区``) or a time word (``明年新区``) names no park."""
    assert [e.text for e in nlp(text).ents if e.label_ == "PARK"] == []


@pytest.mark.parametrize("name", ["太和经开区", "玉溪研和工业园区"])
def test_a_places_conjunction_character_stays_in_the_name(nlp, name):
    assert [e.text for e in nlp(f"{name}今年新签约项目12个。").ents] == [name]


def test_a_park_name_does_not_run_across_a_title_line(nlp):
    """Repair joins a title's lines (they end without punctuation): ``…首批企业满负荷生产`` /
    ``星海云谷智造园二期年底前开工`` gives no park ``满负荷生产星海云谷智造园`` when the text
    names ``星海云谷智造园`` on its own."""
    text = ("一期主体全面完工 首批企业满负荷生产\n星海云谷智造园二期年底前开工\n\n青禾日报记者 王立\n\n"
            "9月10日，走进位于萧县经济开发区的星海云谷智造园，一期厂房已经完工。")
    parks = [e.text for e in nlp(text).ents if e.label_ == "PARK"]
    assert parks.count("星海云谷智造园") == 2 and not any(p.startswith("满负荷") for p in parks)


def test_a_wrapped_title_keeps_its_park_name(nlp):
    """A PDF's title may wrap inside a name (``中国（江苏）自由`` / ``贸易试验区连云港片区``):
    no shorter name the text does not use on its own is cut out of it."""
    text = ("四年试验田结出开放硕果\n——中国（江苏）自由\n\n贸易试验区连云港片区\n\n2023年发展回眸\n\n本报记者 孙晓岚\n\n"
            "新年伊始，连云港港东联港区的集装箱码头依旧繁忙。")
    parks = [e.text for e in nlp(text).ents if e.label_ == "PARK"]
    assert not any(p.startswith("贸易试验区") for p in parks)


def test_a_zone_run_together_with_its_district_is_one_name(nlp):
    """``黄石经济技术开发区·铁山区``: a zone joined by ``·`` to the district it is run together
    with (a county's short form) is one park name; a park before ``·`` and a word that is no
    district stays as it is."""
    doc = nlp("签约仪式在青禾经济技术开发区·铁山区举行。青禾高新区·创新大道项目开工。")
    assert [e.text for e in doc.ents if e.label_ == "PARK"] == ["青禾经济技术开发区·铁山区", "青禾高新区"]


@pytest.mark.parametrize("text", [
    "我们不排座次，而是要让开发区比质量、比效益。",  # a verb before a bare zone word
    "省商务厅开发区处负责人介绍了今年考核的变化。",  # an office named after its organisation
    "市工信局开发区科的同志一同调研。",
    "高新技术企业达到60家以上，冲刺国家高新区。",  # a verb before a class of zones
    "会议明确了明年的工作重点和开发区的任务。",  # a placeless phrase, a conjunction, a zone word
])
def test_no_park_from_words_before_a_bare_zone_word(nlp, text):
    assert [e.text for e in nlp(text).ents if e.label_ == "PARK"] == []


def test_a_park_starts_after_a_place_and_its_conjunction(nlp):
    """``青州市及青州经济技术开发区``: a conjunction right after a whole place (with its level)
    joins two names; a place's own 和 (``太和``) and a name's 和 stay in the name."""
    doc = nlp("青州市及青州经济技术开发区有关负责人出席。安徽太和经济开发区、太和经开区和研和工业园区参会。")
    assert [e.text for e in doc.ents if e.label_ == "PARK"] == [
        "青州经济技术开发区", "安徽太和经济开发区", "太和经开区", "研和工业园区"]


def test_a_company_name_does_not_run_across_a_blank_line_above_the_body(nlp):
    """In an unwrapped web text, a blank line above the first paragraph ends a line (a label
    such as ``新闻稿`` over the title): no company ``新闻稿青岚集团``."""
    body = ("中国青州，2024年5月16日——全球领先的精细化工企业青岚集团今日宣布，其位于青州经济技术开发区的"
            "新材料工厂正式投产，总投资6500万美元，占地约8.6万平方米，首批聘用员工260名。")
    text = "新闻稿\n\n青岚集团青州新材料工厂正式投产\n\n" + body + "\n\n" + body
    companies = {e.text for e in nlp(text).ents if e.label_ == "COMPANY"}
    assert "青岚集团" in companies and not any(c.startswith("新闻稿") for c in companies)


def test_sub_parks_a_zone_builds_are_named_by_their_list(ruler: ZoneEntityRuler) -> None:
    """``统筹推进A园、B园和C园三个园区建设``: the parts a zone develops, closed by their count."""
    text = "青禾高新区按照一区多园的布局，统筹推进装备制造园、科教轻纺园和数字经济园三个园区建设。"
    assert [n for n, label in ents(ruler, text) if label == "PARK"][1:] == ["装备制造园", "科教轻纺园", "数字经济园"]


def test_a_name_does_not_run_across_a_page_header_and_a_blank_line(rules_nlp) -> None:
    """An OCR'd page: a running header spread by wide gaps (``X市统计公报　　　　X市统计局``),
    then a blank line: the name under it starts on its own line."""
    from zone_ie.pipeline import make_doc
    text = ("台安经济开发区全年实现规模以上工业总产值76.3亿元,\n比上年增长4.6%;固定资产投资比上年下降3.2%。\n\n"
            "　　　　　　— 13 —\n\n"
            "青禾市2024年国民经济和社会发展统计公报　　　　　　　　青禾市统计局\n\n"
            "青禾菱镁新材料产业园全年规模以上菱镁企业实现营业收入\n278.6亿元,比上年增长3.0%。\n")
    doc = rules_nlp(make_doc(rules_nlp, text, date="2025-04-20"))
    assert "青禾菱镁新材料产业园" in [e.text for e in doc.ents if e.label_ == "PARK"]


@pytest.mark.parametrize("text, parks", [
    ("文昌国际航天城前三季度完成固定资产投资同比增长50.1%。", ["文昌国际航天城"]),
    ("琼海国际医疗旅游先行区接待医疗旅游26.23万人次。", ["琼海国际医疗旅游先行区"]),
])
def test_a_place_before_hangtiancheng_or_xianxingqu_names_a_zone(ruler: ZoneEntityRuler, text: str, parks: list) -> None:
    assert [n for n, label in ents(ruler, text) if label == "PARK"] == parks


def test_a_place_and_a_verb_are_no_firm(ruler: ZoneEntityRuler) -> None:
    """``前三季度，洋浦完成税收…``: a place short name and 完成 are no company name."""
    text = "记者从园区获悉，前三季度，洋浦完成税收195.36亿元，同比增长20.7%。"
    assert [n for n, label in ents(ruler, text) if label == "COMPANY"] == []


@pytest.mark.parametrize("text, firms", [
    ("在青禾硬质小麦产业园，远帆面业的新厂房里，年产30万吨专用粉生产线正在调试。", ["远帆面业"]),
    ("南昌高新区内，偌大的厂房里，机器轰鸣。一间租来的厂房里，他们开始创业。", []),
])
def test_a_firm_shaped_brand_owning_a_workshop_is_a_firm(rules_nlp, text: str, firms: list) -> None:
    """``X面业的新厂房里，…``: a firm-shaped brand owning a factory, workshop or line at a clause
    head is a firm; an adjective or a counted noun before 的厂房 is none."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2023-05-10"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == firms


def test_a_weak_zone_word_written_again_and_again_names_the_texts_zone(ruler: ZoneEntityRuler) -> None:
    """``榆神工业区`` (no place names it) written three times is the article's zone; once is not
    enough, and a head of a longer zone word (``盈澜智谷产业园``) does not count."""
    text = "记者走进青澜工业区。青澜工业区地处能源基地，青澜工业区工业总产值140亿元。"
    assert [n for n, label in ents(ruler, text) if label == "PARK"] == ["青澜工业区"] * 3
    assert [n for n, label in ents(ruler, "记者走进青澜工业区。") if label == "PARK"] == []
    text = "盈澜智谷产业园开园。盈澜智谷产业园入驻企业12家，盈澜智谷产业园产值5亿元。"
    assert "盈澜智谷" not in [n for n, label in ents(ruler, text) if label == "PARK"]
    text = "空港新城片区建设提速。空港新城片区新开工项目9个，空港新城片区产值5亿元。"
    assert [n for n, label in ents(ruler, text) if label == "PARK"] == []  # a 片区 is also a city's district


def test_a_direction_before_a_park_written_without_it_elsewhere_is_no_part_of_its_name(ruler: ZoneEntityRuler) -> None:
    """``北部现代制造业工业园`` in a text that also writes ``现代制造业工业园``: the direction says where
    it lies; ``南部经济开发区`` (南部县's zone) keeps its place."""
    text = "青禾经开区北部现代制造业工业园已建成。现代制造业工业园入驻企业12家。"
    assert [n for n, label in ents(ruler, text) if label == "PARK"][-2:] == ["现代制造业工业园", "现代制造业工业园"]
    text = "南部经济开发区新签约项目8个。经济开发区建设提速，南部经济开发区产值增长9%。"
    assert "南部经济开发区" in [n for n, label in ents(ruler, text) if label == "PARK"]


@pytest.mark.parametrize("text, firms", [
    ("同样尝到甜头的还有益宏电子。该公司一季度出口2.3亿元。", ["益宏电子"]),
    ("记者走进恒锐新材，这家成立刚满五年的企业今年营收有望突破3亿元。", ["恒锐新材"]),
    ("企业拟购置大型施工船等海洋工程装备。该公司计划明年完成交付。", []),
])
def test_a_firm_shaped_name_before_its_company_anaphor_is_a_firm(rules_nlp, text: str, firms: list) -> None:
    """``还有益宏电子。该公司…``: a firm-shaped brand ending the clause right before a
    sentence that calls it 该公司 / 这家…企业 is a firm; a category after 等 is none."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2024-04-20"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == firms


@pytest.mark.parametrize("text", [
    "2019年，廊坊工厂实现产值8.7亿元，同比增长12.6%。",
    "今年上半年，常州基地完成营业收入12亿元。",
])
def test_a_place_and_a_site_word_name_no_firm(rules_nlp, text: str) -> None:
    """``廊坊工厂实现产值…``: a place followed only by a site word (工厂, 基地) is a firm's
    plant, not a firm of its own."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2020-06-18"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == []


@pytest.mark.parametrize("text", [
    "全年新增跨国公司地区总部23家、各类首店208家。",
    "今年新增企业32家，新增科技公司5家。",
])
def test_a_time_word_and_new_before_a_generic_firm_word_name_no_firm(rules_nlp, text: str) -> None:
    """``全年新增跨国公司…``: 全年 and 新增 are left boundaries; the generic firm word after
    them (跨国公司, 科技公司) names no firm."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2026-01-23"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == []


def test_a_list_opening_its_clause_closed_by_a_count_of_parks_names_sub_parks(rules_nlp) -> None:
    """``A产业园、B产业园、星火园三个园区上半年分别…``: a list opening its clause that a count of
    parks closes names sub-parks; a short item (星火园) is one, and is found again later."""
    from zone_ie.pipeline import make_doc
    text = ("青禾智能装备产业园、生物医药产业园、星火园三个园区上半年分别完成产值16.2亿元、8.7亿元和3.5亿元。"
            "星火园新入驻科技型中小企业11家。")
    doc = rules_nlp(make_doc(rules_nlp, text, date="2023-07-28"))
    assert [e.text for e in doc.ents if e.label_ == "PARK"] == [
        "青禾智能装备产业园", "生物医药产业园", "星火园", "星火园"]


def test_a_towns_industrial_block_is_one_zone_name(rules_nlp) -> None:
    """``X镇工业区块…``: 工业区块 (a county zone's block in Zhejiang usage) ends the name; the
    zone is not cut before 块."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, "仙居县青溪镇工业区块1—9月完成规上工业产值38.2亿元，同比增长11.3%。", date="2025-10-22"))
    assert [e.text for e in doc.ents if e.label_ == "PARK"] == ["仙居县青溪镇工业区块"]


@pytest.mark.parametrize("text, names", [
    ("青禾电子产业园内华锐智能电气有限公司新建的2条生产线5月投产。", [("青禾电子产业园", "PARK"), ("华锐智能电气有限公司", "COMPANY")]),
    ("项目总投资5.2亿元，落户南通外向型农业综合开发区。", [("南通外向型农业综合开发区", "PARK")]),
])
def test_in_after_a_park_and_a_boundary_inside_a_word_do_not_cut_names(rules_nlp, text: str, names: list) -> None:
    """``X产业园内Y有限公司``: 内 right after a park places the firm and is no part of its
    name; ``外向型`` holds the boundary word 向 inside a word, which does not cut the zone."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2025-06-20"))
    assert [(e.text, e.label_) for e in doc.ents] == names


@pytest.mark.parametrize("text, firms", [
    ("我们重点引进的恒瑞药业项目，投产后可形成年产6亿支液体制剂的能力。", ["恒瑞药业"]),
    ("两个涉海装备项目将与已落地的风电整机项目形成配套。", []),
])
def test_a_firm_after_an_introducing_verb_and_de_starts_after_de(rules_nlp, text: str, firms: list) -> None:
    """``引进的X项目``: the firm's name starts after 的; ``与已落地的风电整机项目`` describes a
    project, it names no firm."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2025-12-05"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == firms


def test_an_abbreviated_short_name_ends_before_a_staff_title(rules_nlp) -> None:
    """``青禾新材技术总监…``: the short form of 青禾新材料科技有限公司 ends before 技术总监; the
    abbreviation does not take 技 of 技术 as 科技."""
    from zone_ie.pipeline import make_doc
    text = "园区内河南青禾新材料科技有限公司的中试车间正在调试。“去年卖了1.1亿元。”青禾新材技术总监罗文彬说。"
    doc = rules_nlp(make_doc(rules_nlp, text, date="2023-04-18"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == ["河南青禾新材料科技有限公司", "青禾新材"]


@pytest.mark.parametrize("text, firms", [
    ("花山片区40万吨有机硅一期、90万吨阳极炭素二期等项目稳定运行。", []),
    ("东恒新能源年产5万吨导电材料项目开工。", ["东恒新能源"]),
])
def test_the_product_after_a_capacity_is_no_firm(rules_nlp, text: str, firms: list) -> None:
    """``40万吨有机硅一期``: the words right after a capacity name its product, not a firm
    (a firm's name before the capacity still opens the project: ``东恒新能源年产5万吨…``)."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2024-03-01"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == firms


@pytest.mark.parametrize("text, names", [
    # a 集聚区 is a zone word; two partners' one-character names open a co-built park's name
    ("浙皖广德产业联动集聚区上半年新签约项目17个。", [("浙皖广德产业联动集聚区", "PARK")]),
    ("深汕鹅埠产业园今年引进企业12家。", [("深汕鹅埠产业园", "PARK")]),
    # 但 / 已经有 before a name are no part of it
    ("园区不靠海，但青禾保税物流中心可以成为企业的出海口。", [("青禾保税物流中心", "PARK")]),
    ("目前已经有澄江化工集团等近10家央企在这里开展业务。", [("澄江化工集团", "COMPANY")]),
    # a park's operating company named by the park and 运营公司 is one company
    ("青禾保税物流中心运营公司总经理周立航介绍了情况。", [("青禾保税物流中心运营公司", "COMPANY")]),
])
def test_cluster_zones_partner_heads_boundaries_and_park_operators(rules_nlp, text: str, names: list) -> None:
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2025-07-09"))
    assert [(e.text, e.label_) for e in doc.ents] == names


@pytest.mark.parametrize("text, firms", [
    ("青禾高新区下阶段将重点推进标准厂房四期、蓝田产业园配套基础设施等在建项目。", []),
    ("协议中的投资金额均为计划数，不代表公司对未来业绩的预测。", []),
    ("青禾新材二期项目、宏远精工年产5万台电机项目相继开工。", ["青禾新材", "宏远精工"]),
])
def test_a_facility_or_a_verb_phrase_is_no_firm(rules_nlp, text: str, firms: list) -> None:
    """``标准厂房四期``: a facility word with a short qualifier before a phase names a zone's
    facility, not a firm; ``不代表公司`` is a verb phrase before 公司; a brand before a phase
    or a capacity still names its firm."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2021-08-16"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == firms


def test_a_firm_shaped_item_of_a_numbered_list_of_firms_is_a_firm(rules_nlp) -> None:
    """One name a line after a list number: when most items are firms' legal names, an item
    that is only a brand and industry words (``蒲吕新材料``) is a firm; a list of other things
    (``1. 标准厂房``) names none."""
    from zone_ie.pipeline import make_doc
    text = ("近日，工业和信息化部公示了第五批专精特新“小巨人”企业名单，青禾高新区共有4家企业上榜，入选数量占全区新增总数的八成，创历年新高。\n\n"
            "本次入选的4家企业分别是：\n1. 重庆青禾精密合金股份有限公司\n2. 重庆蓝田智能装备有限公司\n"
            "3. 蓝禾新材料\n4. 华兴智控(重庆)有限公司\n\n下一步工作：\n1. 标准厂房\n2. 人才公寓\n3. 园区道路\n")
    doc = rules_nlp(make_doc(rules_nlp, text, date="2023-07-28"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == [
        "重庆青禾精密合金股份有限公司", "重庆蓝田智能装备有限公司", "蓝禾新材料", "华兴智控(重庆)有限公司"]


@pytest.mark.parametrize("text", [
    "本次投资尚需提交公司股东大会审议。",
    "请各园区及时告知公司所在街道。",
    "管委会要求企业加快建设进度。",
])
def test_a_verb_before_gongsi_names_no_firm(rules_nlp, text: str) -> None:
    """``提交公司``, ``告知公司``: a verb whose object is 公司 is no firm's name."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2024-03-19"))
    assert [e.text for e in doc.ents if e.label_ == "COMPANY"] == []


@pytest.mark.parametrize("text,park", [
    ("7月22日，湖北省人民政府正式批复广德经济开发区扩区调区。", "广德经济开发区"),
    ("省政府批复宁国经济技术开发区调整区位。", "宁国经济技术开发区"),
    ("过去广德开发区只有5平方公里。", "广德开发区"),
    ("丰岛精密算得上西永综保区的“老住户”。", "西永综保区"),
    ("这家企业堪称宁国经济技术开发区的龙头。", "宁国经济技术开发区"),
    ("企业的成长离不开青口汽车工业园区的支持。", "青口汽车工业园区"),
])
def test_an_approval_verb_or_a_time_word_is_no_part_of_a_park_name(rules_nlp, text: str, park: str) -> None:
    """``…人民政府正式批复X经济开发区`` / ``过去X开发区`` / ``X算得上Y综保区的…``: the verb of an
    approval, a word of time and a copula of praise before a zone's name are left
    boundaries, not its place prefix."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2020-07-30"))
    assert [e.text for e in doc.ents if e.label_ == "PARK"] == [park]


def test_a_time_word_before_a_bare_zone_word_names_no_park(rules_nlp) -> None:
    """``过去开发区只有5平方公里``: a bare kind word after a time word is no park of its own."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, "广德经济开发区扩区。过去开发区只有5平方公里多一点。", date="2020-07-30"))
    assert [e.text for e in doc.ents if e.label_ == "PARK"] == ["广德经济开发区"]


@pytest.mark.parametrize("text,parks", [
    ("项目以副产碳四为原料，补齐开发区丁二烯下游链条。", []),
    ("全力做好空港综合保税区申报准备工作。", ["空港综合保税区"]),
    ("与会人员观摩广德经济开发区重点项目。", ["广德经济开发区"]),
    ("全国参评经开区共217家。", []),
])
def test_a_verb_taking_a_zone_as_its_object_is_no_part_of_its_name(rules_nlp, text: str, parks: list) -> None:
    """``补齐开发区…链条`` / ``做好X综合保税区申报``: a verb before a zone word is a left boundary;
    a bare kind word after it names no park."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2024-03-12"))
    assert [e.text for e in doc.ents if e.label_ == "PARK"] == parks


@pytest.mark.parametrize("text,firm", [
    ("吴店工业园内，中兴食巴度粉科技湖北有限公司依托当地小麦资源开发挂面。", "中兴食巴度粉科技湖北有限公司"),
    ("华润雪花啤酒安徽有限公司年产啤酒60万千升。", "华润雪花啤酒安徽有限公司"),
    ("达能食品湖北有限公司入驻广德经济开发区。", "达能食品湖北有限公司"),
])
def test_a_regional_firm_with_its_province_before_the_legal_form_is_one_firm(rules_nlp, text: str, firm: str) -> None:
    """``达能食品湖北有限公司``: brand + business word + a province right before the legal form,
    unbracketed, is one regional firm (a place alone before the form names none)."""
    from zone_ie.pipeline import make_doc
    doc = rules_nlp(make_doc(rules_nlp, text, date="2020-07-30"))
    assert firm in [e.text for e in doc.ents if e.label_ == "COMPANY"]


def test_a_zones_area_in_another_place_is_one_park_with_its_short_names(nlp) -> None:
    """``X开发区海宁分区``: a zone's area (分区, 分园) named right after the zone is one park; its
    declared short name and its place-only name (``海宁分区``) are the same park, and a bare
    ``分区`` refers to it."""
    from zone_ie.pipeline import make_doc
    text = ("2009年9月，上海漕河泾新兴技术开发区海宁分区（以下简称漕河泾海宁分区）正式成立。"
            "漕河泾开发区本部规划面积14.28平方公里。建区十年来，分区累计完成固定资产投资491亿元。"
            "今年上半年，海宁分区实现规上工业总产值128.6亿元。")
    doc = nlp(make_doc(nlp, text, date="2019-09-06"))
    parks = [e.text for e in doc.ents if e.label_ == "PARK"]
    assert "上海漕河泾新兴技术开发区海宁分区" in parks and "上海漕河泾新兴技术开发区" not in parks
    subjects = {f.subject for f in doc._.facts if f.type == "metric" and f.indicator != "land_area"}
    assert subjects == {"上海漕河泾新兴技术开发区海宁分区"}
