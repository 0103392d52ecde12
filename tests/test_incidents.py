"""Incidents: kind, date, place and casualties of the accident, fire, earthquake, poisoning or attack an
article reports; and what is no incident. Sentences from the project's own blind samples of CEC news."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract import incidents, statistics
from kg.nlp import incidents as reader
from tests.conftest import make_article


def _incident(text, headline, date):
    facts = list(incidents.extract(make_article(text, headlines=(headline,), date=date)))
    assert len(facts) <= 1, facts
    return facts[0] if facts else None


def _counts(fact):
    return {c.variable: c.value for c in fact.casualties}


def test_incidents_a_road_accident_with_its_day_and_place():
    f = _incident(
        "11日晚，南昌市坛子口立交三层发生一起交通事故，一名酒驾男子开车发生交通事故。",
        "南昌一男子酒驾引发交通事故",
        "2014-03-13",
    )
    assert (f.kind, f.date) == ("交通事故", "2014-03-11")
    assert f.location is not None and f.location.name in ("坛子口立交", "南昌市")


def test_incidents_the_day_nearest_before_the_trigger():
    """记者19日获悉，18日下午…中毒: the day of the poisoning, not the day the reporter learnt of it."""
    f = _incident(
        "记者19日从萍乡市委宣传部证实，18日下午16时，萍乡市湘东区老关镇某花炮厂30多名职工出现食物中毒迹象。",
        "江西萍乡现30多人食物中毒现象",
        "2014-03-19",
    )
    assert (f.kind, f.date) == ("中毒", "2014-03-18")


def test_incidents_a_day_in_chinese_numerals():
    f = _incident("北京市西单购物中心十四日凌晨发生火灾，所幸未有人员伤亡。", "北京西单购物中心发生火灾", "2009-06-14")
    assert (f.kind, f.date, f.location.name) == ("火灾", "2009-06-14", "西单购物中心")
    assert _counts(f) == {"死亡人数": 0, "受伤人数": 0}  # 未有人员伤亡


def test_incidents_a_day_earlier_in_the_paragraph():
    """3月2日是…节日。…惨剧发生了。上午10时许…发生了…爆炸袭击: the paragraph's day dates it."""
    f = _incident(
        "3月2日是一个重要的节日。然而惨剧发生了。上午10时许，两地同时发生了13起自杀性爆炸袭击，共造成271人丧生，600多人受伤。",
        "伊拉克清真寺连环爆炸",
        "2004-03-03",
    )
    assert (f.kind, f.date, f.location.name) == ("袭击", "2004-03-02", "伊拉克")  # the headline's country
    assert _counts(f) == {"死亡人数": 271, "受伤人数": 600}


def test_incidents_bombs_called_an_attack_in_the_paragraph_are_an_attack():
    f = _incident(
        "当地时间7月11日傍晚，印度西部城市孟买发生7起连环爆炸事件，已经造成了至少200人死亡。印度政府宣布连环爆炸事件是恐怖袭击事件。",
        "印度孟买发生列车连环爆炸",
        "2006-07-12",
    )
    assert (f.kind, f.location.name, f.date) == ("袭击", "孟买", "2006-07-11")


def test_incidents_the_weather_and_a_cause_give_way_to_what_happened():
    """暴雨天某厂起火: a fire, not a flood; 充电器爆炸引发大火: a fire."""
    assert reader.kind_of(reader.triggers("暴雨天东莞一纸厂起火"), "暴雨天东莞一纸厂起火") == "火灾"
    assert reader.kind_of(reader.triggers("手机充电器爆炸引发大火"), "手机充电器爆炸引发大火") == "火灾"


@pytest.mark.parametrize(
    "headline,text",
    [
        ("某市开展消防演练", "昨日，某市举行高层建筑火灾扑救演练。"),  # a drill
        ("专家谈防灾", "专家提醒市民排查火灾隐患，预防火灾发生。"),  # prevention
        ("中国地震局启动预案", "中国地震局新闻发言人12日下午通报了有关情况。"),  # a body named after a kind
        ("某市召开安全生产会议", "会议要求各单位认真做好安全工作。"),  # no incident word at all
    ],
)
def test_incidents_what_is_no_incident(headline, text):
    assert _incident(text, headline, "2014-03-13") is None


def test_incidents_an_old_incident_is_history_not_news():
    f = _incident("2008年5月12日，四川汶川发生8级地震，造成大量人员伤亡。", "震后重建见闻", "2012-05-12")
    assert f is None


@pytest.mark.parametrize(
    "text,variable,value",
    [
        ("事故造成3人死亡、12人受伤，另有2人失踪。", "死亡人数", 3),
        ("事故造成3人死亡、12人受伤，另有2人失踪。", "失踪人数", 2),
        ("一名女子被烧死。", "死亡人数", 1),
        ("已有近百名学生被送到医院急救。", "受伤人数", 100),
        ("手机充电器爆炸致2死2伤。", "受伤人数", 2),
        ("火灾现场无人员被困。", "被困人数", 0),
    ],
)
def test_incidents_casualties(text, variable, value):
    counts = {c.variable: c.value for c in reader.casualties([(0, text)])}
    assert counts[variable] == Decimal(value)


def test_incidents_nine_deaths_and_one_life_is_no_count():
    assert reader.casualties([(0, "他九死一生，终于脱险。")]) == []


def test_incidents_casualties_are_no_second_statistic():
    """造成3人死亡 is the incident's; the statistics extractor leaves it alone, and keeps the rest."""
    a = make_article(
        "昨日，某县境内两车相撞，造成3人死亡。当日共有200多名群众参加救援。",
        headlines=("某县发生交通事故",),
        date="2014-03-13",
    )
    assert {(s.value, s.unit) for s in statistics.extract(a)} <= {(Decimal(200), "名")}
    (f,) = incidents.extract(a)
    assert _counts(f) == {"死亡人数": 3}
    assert f.casualties[0].evidence.text == "昨日，某县境内两车相撞，造成3人死亡。"


def test_incidents_a_day_noted_in_brackets():
    """今（19）日凌晨: the day in brackets."""
    f = _incident("今（19）日凌晨5时许，某区凤溪大道与温泉大道交叉口发生了交通事故。", "某地一货车侧翻", "2014-03-19")
    assert (f.kind, f.date) == ("交通事故", "2014-03-19")


def test_incidents_general_figures_report_no_incident():
    """平均每天因事故死亡3300人: a rate over many accidents, not one accident."""
    assert _incident("从汽车发明到现在，平均每天因事故死亡3300人左右。", "视频征集入围短片", "2012-07-13") is None
    assert reader.casualties([(0, "平均每天因事故死亡3300人左右。")]) == []


def test_incidents_a_place_inside_a_body_is_the_place_when_no_other_is_named():
    """7月21日某某石油有限公司济南分公司发生漏油事件: where the company lies."""
    f = _incident(
        "7月21日某某石油有限公司济南分公司发生漏油事件后，河道出现大面积油污。",
        "石油公司操作不当致污水泄漏",
        "2012-07-24",
    )
    assert (f.kind, f.date, f.location.name) == ("泄漏", "2012-07-21", "济南市")


def test_incidents_a_place_inside_a_reporting_body_is_not_the_place():
    """根据美国地质勘探局消息，哥伦比亚东北部…发生5.4级地震: not an earthquake in the United States."""
    f = _incident(
        "根据美国地质勘探局地震信息网消息，哥伦比亚东北部当地时间7日15时37分发生5.4级地震。",
        "哥伦比亚东北部发生5.4级地震",
        "2014-02-08",
    )
    assert (f.kind, f.location.name, f.date) == ("地震", "哥伦比亚", "2014-02-07")
    assert {c.variable: (c.value, c.unit) for c in f.casualties}["震级"] == (Decimal("5.4"), "级")


def test_incidents_a_headline_that_reports_one_the_lead_tells_in_other_words():
    """某地卡车失控撞死8人 / 5日下午…刹车突然失灵…: reported by the headline, dated by the lead."""
    f = _incident(
        "据当地居民透露，5日下午2时30分许，一辆卡车从南阳独山森林公园内朝山下行驶。卡车刹车突然失灵，冲进人群。",
        "河南南阳风景区内卡车失控撞死8人",
        "2007-04-06",
    )
    assert (f.kind, f.date) == ("交通事故", "2007-04-05")


def test_incidents_the_headlines_street_is_more_precise_than_the_leads_city():
    f = _incident("14日上午，上海市一幢老式洋房突发火灾。", "上海永嘉路老式洋房突发火灾", "2014-04-15")
    assert (f.kind, f.location.name) == ("火灾", "永嘉路")


def test_incidents_a_day_after_the_report_is_last_months():
    """30日凌晨 in a report of the 2nd: the 30th of the month before, not the 28th."""
    f = _incident("30日凌晨，某县境内发生一起交通事故，造成2人死亡。", "某县发生交通事故", "2014-04-02")
    assert (f.kind, f.date) == ("交通事故", "2014-03-30")


def test_incidents_today_in_a_dispatch_is_the_dispatchs_day():
    """某网济南12月8日电 … 今天中午, printed on the 9th: the 8th."""
    f = _incident(
        "中新网济南12月8日电（某甲）今天中午，济青高速潍坊段发生数十辆车相撞事故，导致1人死亡，5人受伤。",
        "济青高速潍坊段百余辆车因大雪相撞致1人死亡",
        "2011-12-09",
    )
    assert (f.kind, f.date, f.location.name) == ("交通事故", "2011-12-08", "济青高速")


@pytest.mark.parametrize(
    ("text", "headline", "date", "want"),
    [
        (  # the day the police disclosed it is not the day; the next sentence tells it again with its day
            "新华网内蒙古频道9月3日电（某甲）据内蒙古赤峰市公安局3日披露，赤峰市日前发生一起面包车与大货车相撞事故，"
            "造成3人死亡2人受伤。据了解，8月31日下午16：45分左右，在S206线喀喇沁旗牛家营子段发生一起特大交通事故。",
            "赤峰市境内发生一起特大交通事故致3死2伤",
            "2007-09-04",
            ("2007-08-31", "S206线"),
        ),
        (  # the dispatch's day is not the day: 4月14日 is
            "中新网4月15日电据中国消防在线消息，4月14日，京珠高速郑州往焦作方向28公里处，发生一起19车连撞事故，造成50余人被困。",
            "京珠高速郑州往焦作方向19辆车连环相撞",
            "2008-04-16",
            ("2008-04-14", "京珠高速"),
        ),
        (  # a numbered highway
            "昨日清晨7时许，新312国道锡沪路段发生一起交通事故，一辆卡车与一辆面包车发生追尾，事故共造成车内1人死亡。",
            "两车追尾当场1死7伤",
            "2008-06-07",
            ("2008-06-06", "新312国道"),
        ),
        (  # a street, found by its 东街
            "本报讯（记者某甲）前天下午2点多，西城区南横东街某研究院前，一辆由东向西行驶的轿车失控冲向路边，撞坏路边的4辆轿车。",
            "失控轿车连撞路边四车",
            "2011-10-18",
            ("2011-10-16", "南横东街"),
        ),
    ],
)
def test_incidents_the_days_and_places_of_road_accidents(text, headline, date, want):
    f = _incident(text, headline, date)
    assert (f.kind, f.date, f.location.name) == ("交通事故", *want)


def test_incidents_the_scene_after_zai_over_the_ends_of_a_route():
    """在某区某镇附近，一辆上饶鄱阳开往浙江衢州的客车…相撞: the scene, not where the bus came from or went."""
    f = _incident(
        "昨日上午，在景德镇昌江区鱼山镇附近，一辆上饶鄱阳开往浙江衢州的客车与一辆景德镇开往乐平的客车相撞，5人当场死亡。",
        "江西景德镇客车相撞致5人死亡20余人受伤",
        "2008-05-07",
    )
    assert f.location.name in ("昌江区", "鱼山镇")


def test_incidents_a_place_in_brackets_is_a_gloss():
    """合（合肥）宁（南京）高速公路上: the headline's 合肥, not the 南京 of a gloss."""
    f = _incident(
        "新华网合肥10月8日电（记者某甲）8日凌晨，合（合肥）宁（南京）高速公路上一辆货车与一辆大客车相撞，这起事故已造成5人死亡。",
        "合肥高速两车相撞5人死亡18人受伤",
        "2007-10-08",
    )
    assert f.location.name == "合肥市"


def test_incidents_a_kind_of_place_in_the_headline_is_no_place():
    """北京幼儿园校餐致…中毒: 幼儿园 is a kind of place; the lead's village is the place."""
    f = _incident(
        "昨日下午，北京市昌平区回龙观镇西半壁店村一幼儿园，近50名儿童因食用未煮熟的扁豆而中毒入院。",
        "北京幼儿园校餐致近50名儿童中毒",
        "2007-09-07",
    )
    assert f.location.name != "幼儿园"


@pytest.mark.parametrize(
    ("text", "headline", "date", "want", "places"),
    [
        pytest.param(  # 当天 is the day the report names; the dateline's city filed the report
            "新华网伊斯兰堡10月19日电(记者某甲)巴基斯坦电视台19日报道，当天凌晨在南部港口城市卡拉奇，刚刚回国的前总理"
            "所乘坐的车辆附近发生自杀式爆炸袭击，造成至少110人死亡，200多人受伤。",
            "巴基斯坦发生自杀式爆炸袭击百多人死亡",
            "2007-10-19",
            ("袭击", "2007-10-19"),
            ("卡拉奇",),
            id="same-day-and-not-the-dateline-city",
        ),
        pytest.param(  # a time of day alone dates it to the day of the report
            "现代快报快讯：南京兴隆大街现场有爆炸声。记者在现场，听到前后三声爆炸，火还在烧。"
            "11时26分，建邺区兴隆大街80号一民房失火，消防部门接警后，立即调集3个消防中队赶赴现场。",
            "南京兴隆大街发生火灾现场有爆炸声",
            "2014-01-15",
            ("火灾", "2014-01-15"),
            ("兴隆大街",),
            id="an-hour-with-no-day",
        ),
        pytest.param(  # 截至21日上午 is when a count stood; symptoms on the 20th retell the poisoning
            "新华网哈尔滨3月21日电（记者某甲）记者从黑龙江省鸡西市教育局了解到，截至21日上午，鸡西市3所小学共有21名学生"
            "因出现呕吐、腹泻等疑似食物中毒症状去医院就诊。\n据了解，这21名学生都是在食用了一家配餐公司供应的盒饭后，"
            "于20日下午陆续出现轻微呕吐或腹泻等症状。",
            "黑龙江鸡西市20多名小学生疑似食物中毒",
            "2009-03-21",
            ("中毒", "2009-03-20"),
            ("鸡西市",),
            id="as-of-a-day-and-symptoms",
        ),
        pytest.param(  # a route's ends are no place; the next sentence tells it with one
            "一辆从贵州开往广东的小车与一辆大客车迎面相撞，造成十人当场死亡。\n"
            "今日凌晨，广西柳州市鹿寨县寨沙镇发生特大交通事故，造成十人当场死亡，二人受重伤。",
            "广西柳州两车相撞致10人死亡2人重伤",
            "2008-03-27",
            ("交通事故", "2008-03-27"),
            ("寨沙镇", "鹿寨县"),
            id="route-ends-and-the-next-sentence",
        ),
        pytest.param(  # 当日 with no day is the report's; 风景区 alone is a kind of place
            "当日，云南石林风景区至昆明的高速公路上连续发生6起交通事故，共有21辆汽车相撞。",
            "昆石高速21车连环相撞",
            "2006-08-30",
            ("交通事故", "2006-08-30"),
            ("石林风景区", "石林彝族自治县", "云南省", "昆明市"),
            id="same-day-with-no-day",
        ),
    ],
)
def test_incidents_days_and_places_cec_blind_samples_1_to_4(text, headline, date, want, places):
    """CEC blind samples 1, 2 and 4 (no longer blind)."""
    f = _incident(text, headline, date)
    assert (f.kind, f.date) == want
    assert f.location is not None and f.location.name in places, f.location


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("丹凤县武关中学发生食物中毒事件，54名学生用餐后感觉身体不适，其中一半学生出现呕吐症状。", 54),
        ("地震目前已造成该共和国12人死亡，当地医院已接收伤员105人。", 105),
    ],
)
def test_incidents_people_taken_ill_and_the_wounded_counted(text, value):
    """CEC blind sample 4 (no longer blind): 受伤人数 from those taken ill and from 伤员N人."""
    assert {c.variable: c.value for c in reader.casualties([(0, text)])}["受伤人数"] == value


def test_incidents_the_last_one_rescued_is_no_count():
    """最后一名伤员终于被成功救出: an ordinal, not one wounded."""
    assert reader.casualties([(0, "半个小时后，最后一名伤员终于被成功救出。")]) == []


def test_incidents_a_stabbing_is_an_attack():
    """小强在混乱中被对方一刀捅死…这是6月7日凌晨发生在中山市小榄镇的一桩血案 (blind sample 15)."""
    f = _incident(
        "小强还在混乱中被对方一刀捅死。记者昨日获悉，这是6月7日凌晨发生在中山市小榄镇的一桩血案。",
        "男子嫖娼起纠纷挨打　老乡帮寻仇认错门被捅死",
        "2012-06-10",
    )
    assert (f.kind, f.date) == ("袭击", "2012-06-07")


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("印度尼西亚官员表示，爪哇省当天早些时候发生里氏6.2级地震。据报道，震中位于日惹西南25公里处。", "日惹"),
        ("新疆哈密地区发生5.1级地震。震中位于山区，海拔约4000米，人烟稀少。", "哈密市"),  # 山区 is no name
    ],
)
def test_incidents_a_quake_is_where_its_epicentre_lies(text, place):
    """震中位于某地…: the epicentre, named in a later sentence (CEC blind sample 4)."""
    f = _incident(text, "地震", "2006-05-27")
    assert (f.kind, f.location.name) == ("地震", place)


@pytest.mark.parametrize(
    ("text", "headline", "date", "want", "places"),
    [
        pytest.param(  # the day told first, then what followed (自19日起…不适); 在某部门获悉 is the report's day
            "记者21日在鸡西市委宣传部获悉，18日，鸡西市鸡冠区西郊乡团结村村民参加一村民家办婚宴后，自19日起到20日陆续"
            "有16人出现不适症状，其中3人经抢救无效死亡。根据临床表现，初步诊断为代谢性酸中毒。",
            "村民家办婚宴食物中毒撂倒16人",
            "2014-01-22",
            ("中毒", "2014-01-18"),
            ("团结村",),
            id="the-first-day-told",
        ),
        pytest.param(  # the lead's day when a later paragraph names it 事故
            "本报讯（记者某甲）昨天凌晨5点半，工人体育场北路，一辆三菱跑车撞到路中央的护栏后，四轮朝天翻倒在路上。"
            "车内两名女子，一人无碍，一人面部受伤。\n事故导致10余米长的一段隔离护栏被撞倒。",
            "跑车撞护栏四轮朝天",
            "2007-10-30",
            ("交通事故", "2007-10-29"),
            ("工人体育场北路",),
            id="the-leads-day",
        ),
        pytest.param(  # 11月17日，某网接到网友报料称，今日中午: the day it was told
            "据新民网信息：11月17日，新民网接到网友报料称，今日中午位于上海亭枫公路3168号的某某箱包公司中，有70多名员工"
            "食物中毒被送往医院治疗。",
            "上海一家公司70多名员工食物中毒",
            "2008-11-18",
            ("中毒", "2008-11-17"),
            ("上海市", "亭枫公路"),
            id="today-of-the-day-told",
        ),
        pytest.param(  # an incident named by its day
            "国际在线消息（记者某甲）：中国云南省昆明市“3·01”严重暴力恐怖事件发生后，意大利驻华大使4日在接受采访时，"
            "对该事件表达了强烈的谴责。",
            "意大利驻华大使强烈谴责昆明暴力恐怖袭击事件",
            "2014-03-04",
            ("袭击", "2014-03-01"),
            ("昆明市",),
            id="named-by-its-day",
        ),
        pytest.param(  # the district a road passes is no part of the road's name
            "本报讯（记者某甲）前天凌晨3点左右，通州区通燕高速出京方向宋庄出口处，一辆面包车在超车时侧翻，导致车上两人受伤。",
            "面包车超车侧翻伤两人",
            "2011-10-18",
            ("交通事故", "2011-10-16"),
            ("通燕高速",),
            id="a-road-not-its-district",
        ),
        pytest.param(  # 澳门 is one area, the region: the headline's place
            "新华网9月8日信息：（记者某甲）澳门特区政府卫生局8日表示，目前累计有141人在本地自助餐厅进食后出现食物中毒症状。",
            "澳门141人食物中毒与进食问题生蚝有关",
            "2008-09-09",
            ("中毒", "2008-09-08"),
            ("澳门特别行政区",),
            id="a-region-named-once",
        ),
        # CEC blind sample 6
        pytest.param(  # 2月21日信息 is the report's day; 前日 counts from it
            "南方都市报2月21日信息：（记者某甲）前日下午，湛江市徐闻县下桥镇糖厂小学发生一起严重食物中毒事件，共有45名"
            "学生送到医院救治。",
            "广东湛江21名小学生疑因食用不洁食物中毒",
            "2008-02-21",
            ("中毒", "2008-02-19"),
            ("糖厂小学", "下桥镇", "徐闻县"),
            id="a-dispatch-of-information",
        ),
        pytest.param(  # the day at the fire's scene is not the fire's; a village cut short is completed
            "本报讯据北京市公安局官方微博最新消息，昨日凌晨2时许，警方在小武基村火灾现场又找到一名遇难群众。截至目前，"
            "火灾已造成12人死亡。11月19日20时30分许，北京市朝阳区小武基村一库房着火。",
            "北京库房火灾中12人亡",
            "2013-11-21",
            ("火灾", "2013-11-19"),
            ("小武基村",),
            id="the-scene-and-the-fire",
        ),
        pytest.param(  # 日前 in the lead; the day, then the sentence that tells the crash
            "日前，兰坪白族普米族自治县石登乡境内三山矿区发生一起道路交通事故，造成1人当场死亡。\n据悉，16日23时10分，"
            "驾驶员易某驾驶轻型普通货车，从石登乡大竹箐村委会驶往灰山矿山。车行至自用公路时，车辆翻下320米边坡。",
            "怒江兰坪发生一起交通事故",
            "2014-04-19",
            ("交通事故", "2014-04-16"),
            ("石登乡", "三山矿区"),
            id="a-day-then-the-telling",
        ),
        pytest.param(  # a span of hours over two days began on the first; 7月26号 is a day
            "本报讯3月27日晚上10点至3月28日凌晨2点，鄂尔多斯市达拉特旗树林召镇210国道35公里周边村庄一村民家蔬菜大棚突发"
            "大火，14家村民家草垛起火。",
            "草垛夜间连连失火",
            "2014-03-31",
            ("火灾", "2014-03-27"),
            ("210国道", "树林召镇", "达拉特旗"),
            id="the-start-of-a-span",
        ),
        pytest.param(
            "某报记者某甲报道：7月26号中午，渭南市民沈老先生家人和亲戚21人，在渭南市某餐饮有限责任公司用过寿餐后，下午"
            "有6人出现疑似中毒症状被送院治疗。",
            "渭南发生一起疑似食物中毒事件",
            "2008-07-27",
            ("中毒", "2008-07-26"),
            ("渭南市",),
            id="a-day-written-hao",
        ),
    ],
)
def test_incidents_days_and_places_cec_blind_samples_5_and_6(text, headline, date, want, places):
    """CEC blind samples 5 and 6 (no longer blind)."""
    f = _incident(text, headline, date)
    assert (f.kind, f.date) == want
    assert f.location is not None and f.location.name in places, f.location


def test_incidents_no_one_hurt_is_zero_dead_and_zero_hurt():
    """大火没有造成人员伤亡 (CEC blind sample 5): both counts are 0."""
    counts = {
        c.variable: c.value for c in reader.casualties([(0, "据了解，过火面积约1000平方米，大火没有造成人员伤亡。")])
    }
    assert counts == {"死亡人数": 0, "受伤人数": 0}


def test_incidents_a_storms_attack_makes_no_landslide_an_attack():
    """遭遇暴雨袭击，导致了多处山体滑坡 (blind sample 16): only bombs a paragraph calls an attack are one."""
    f = _incident(
        "在这一场天灾中，同村的五保户就被压在了倒塌的房屋下，失去了生命。6月9日晚11时许，湘潭县排头乡遭遇暴雨袭击，"
        "3小时内的降雨量达179.5毫米，导致了多处山体滑坡。",
        "家中遭遇泥石流7旬老太半夜砸门救出家人",
        "2012-06-12",
    )
    assert f.kind == "地质灾害"
