"""Extractors, one rule a test, each with the sentence that motivates it."""

from __future__ import annotations

from decimal import Decimal

import pytest

from kg.extract import EXTRACTORS, Authored, Contained, EventFact, PostHeld, Statistic, extract
from kg.models import Byline
from tests.conftest import make_article

CHENGDU = "四川省成都市"


def facts_of(text, kind, **kw):
    kw.setdefault("locale", CHENGDU)
    kw.setdefault("date", "2023-12-27")
    return [f for f in extract(make_article(text, **kw)) if isinstance(f, kind)]


def posts(text, **kw):
    return {(f.person.name, f.role, f.org.name) for f in facts_of(text, PostHeld, **kw)}


def test_extract_extractors_are_listed_in_one_tuple():
    assert len(EXTRACTORS) == len(set(EXTRACTORS)) >= 6


def test_extract_four_posts_from_one_chain_with_the_organization_carried():
    """市委常委、组织部部长、社治委主任、小区治理工作专班组长X is four posts; 组织部 is 成都市委's."""
    text = "市委常委、组织部部长、社治委主任、小区治理工作专班组长张某涛出席会议。"
    assert posts(text) == {
        ("张某涛", "常委", "成都市委"),
        ("张某涛", "部长", "成都市委组织部"),
        ("张某涛", "主任", "成都市委社治委"),
        ("张某涛", "组长", "小区治理工作专班"),
    }


def test_extract_post_as_of_article_date_and_status():
    """A post carries the article's date; 原 makes it a former post."""
    (f,) = facts_of("原市委书记李某华出席。", PostHeld)
    assert (f.org.name, f.role, f.status, str(f.as_of)) == ("成都市委", "书记", "former", "2023-12-27")


def test_extract_company_post_before_a_speech_verb():
    """山东某某智能工程有限公司副总经理X表示."""
    assert posts("山东某某智能工程有限公司副总经理马某峰表示，看中这里的营商环境。") == {
        ("马某峰", "副总经理", "山东某某智能工程有限公司")
    }


def test_extract_city_government_from_a_bare_mayor():
    """市长X with no organization written is the mayor of the article's city."""
    assert posts("市长王某平强调，要抓好落实。") == {("王某平", "市长", "成都市人民政府")}


def test_extract_bare_type_word_refers_to_the_last_organization_so_named():
    """某某基金会理事长甲……基金会高级顾问乙: 基金会 is the one just named."""
    text = "中华仁爱救助基金会理事长许某璐到会讲话。基金会高级顾问朱某忠出席。"
    assert ("朱某忠", "高级顾问", "中华仁爱救助基金会") in posts(text)


def test_extract_byline_reporter_holds_reporter_post_at_the_paper():
    """Reporters in bylines hold 记者 at the newspaper and wrote the article."""
    a = make_article(
        "本报讯（某某日报记者张某）昨日，某会召开。", source="某某日报", bylines=(Byline("记者", "张某", "某某日报"),)
    )
    found = extract(a)
    assert any(isinstance(f, Authored) and f.person.name == "张某" for f in found)
    assert any(isinstance(f, PostHeld) and (f.role, f.org.name) == ("记者", "某某日报") for f in found)


def test_extract_closing_name_in_brackets_is_the_reporter():
    """…共涉及12条线路。（王立新）: the name that closes an article is its reporter's. The record's source
    is where it was published, not said to be the reporter's employer: 记者 with no organization."""
    a = make_article("昨日，市交通局发布了新的公交线路调整方案，共涉及12条线路。（王立新）", source="某某晚报")
    found = extract(a)
    assert any(isinstance(f, Authored) and f.person.name == "王立新" for f in found)
    assert any(isinstance(f, PostHeld) and (f.person.name, f.role, f.org) == ("王立新", "记者", None) for f in found)


@pytest.mark.parametrize(
    "text,dateline,source,employer",
    [
        # 本报讯: this paper, the record's source.
        ("本报讯 昨日，市交通局发布了新的公交线路调整方案。（王立新）", "本报讯", "某某晚报", "某某晚报"),
        # A portal's record of another outlet's report: the dateline's outlet employs the reporter.
        ("某都讯 昨日，市交通局发布了新的公交线路调整方案。（王立新）", "某都讯", "某门户网", "某都"),
        # （来源：…） credits the report to an outlet.
        ("昨日，市交通局发布了新的公交线路调整方案（来源：华夏时报）。（王立新）", None, "某门户网", "华夏时报"),
    ],
)
def test_extract_reporter_employer_is_what_the_article_says(text, dateline, source, employer):
    from dataclasses import replace

    a = replace(make_article(text, source=source), dateline=dateline)
    found = [f for f in extract(a) if isinstance(f, PostHeld) and f.person.name == "王立新"]
    assert [f.org.name if f.org else None for f in found] == [employer]


def test_extract_bracketed_words_that_are_no_name_credit_nobody():
    """（详见附表）, （完）: brackets at the end that hold no name."""
    found = extract(make_article("市交通局发布了新的公交线路调整方案（详见附表）", source="某某晚报"))
    assert not any(isinstance(f, Authored) for f in found)


def test_extract_byline_names_get_no_post_from_a_chain_through_the_byline():
    """（记者／王立新　实习生／李红　通讯员／张强）: 李红 is 实习生, not the 通讯员 written after her name."""
    a = make_article(
        "（记者／王立新　实习生／李红　通讯员／张强）昨日，市交通局发布了方案。",
        bylines=(Byline("记者", "王立新"), Byline("实习生", "李红"), Byline("通讯员", "张强")),
    )
    held = {(f.person.name, f.role) for f in extract(a) if isinstance(f, PostHeld)}
    assert held == {("王立新", "记者"), ("李红", "实习生"), ("张强", "通讯员")}


def containment(text, **kw):
    return {(f.child.name, f.parent.name) for f in facts_of(text, Contained, **kw) if f.source != "gazetteer"}


CONTAINMENT = [
    ("青山湾科技生态园作为青山软件园的核心起步区也随之亮相。", ("青山湾科技生态园", "青山软件园")),
    ("1-11月，春熙路时尚商圈所在的锦江区社会消费品零售总额实现1298.6亿元。", ("春熙路时尚商圈", "锦江区")),
    ("春熙路时尚商圈位于成都市中心，是一张金名片。", ("春熙路时尚商圈", "成都市")),
    ("春熙路时尚商圈不仅有太古里、IFS国际金融中心等商业地标。", ("太古里", "春熙路时尚商圈")),
    ("会前，与会人员现场观摩了双流区龙桥十八街区、武侯区铁佛小区。", ("铁佛小区", "武侯区")),
    ("市委常委、组织部部长张某涛出席。", ("成都市委组织部", "成都市委")),
]


@pytest.mark.parametrize("text,pair", CONTAINMENT, ids=[c[1][0] for c in CONTAINMENT])
def test_extract_containment_rules(text, pair):
    assert pair in containment(text)


def test_extract_topic_lies_where_the_sentence_says():
    """科创某某湾，得名于……，地处锦江区三环路外侧: the topic before the first comma lies in 锦江区."""
    text = "“商贸春熙路、科创白鹭湾”中的科创白鹭湾，得名于白鹭湾国家城市湿地公园，地处锦江区三环路外侧。"
    assert ("白鹭湾", "锦江区") in containment(text)


def test_extract_gazetteer_chain_once_per_article():
    found = [(f.child.name, f.parent.name) for f in facts_of("锦江区发布。锦江区再发布。", Contained)]
    assert sorted(found) == [("成都市", "四川省"), ("锦江区", "成都市")]


def test_extract_a_distance_from_a_place_is_not_containment():
    """震中位于某市东北69公里的某镇: near the city, not in it."""
    assert ("青山镇", "景洪市") not in containment("当地官员说，震中地点位于景洪市东北69公里的青山镇。")
    assert ("当地官员说", "景洪市") not in containment("当地官员说，震中地点位于景洪市东北69公里的青山镇。")


def test_extract_two_districts_lie_in_each_other_only_as_the_gazetteer_says():
    """A sentence that seems to put a prefecture inside one of its cities is not believed."""
    found = containment("西双版纳傣族自治州，位于景洪市以北。", locale="云南省")
    assert ("西双版纳傣族自治州", "景洪市") not in found


def test_extract_road_does_not_lie_in_the_district_written_before_it():
    """地处锦江区三环路外侧: roads run through districts; 三环路 is not inside 锦江区."""
    assert ("三环路", "锦江区") not in containment("某园地处锦江区三环路外侧。")


def events(text, **kw):
    return facts_of(text, EventFact, **kw)


def test_extract_event_with_relative_date():
    """昨日，…推进会暨第三次专题调度会召开: one event (暨 joins), dated the day before publication."""
    (e,) = events("昨日，成都市某某三年攻坚行动现场推进会暨第三次专题调度会召开，会议进行专题调度。")
    assert (e.name, e.date) == ("成都市某某三年攻坚行动现场推进会暨第三次专题调度会", "2023-12-26")


def test_extract_event_organizers_and_release():
    """由甲和乙联合主办的…讲堂上，“某某指数”正式发布."""
    text = "12月26日，在由中国人民大学和四川省金融学会联合主办的四川省金融学会2023年第四期某某讲堂上，“2023某某指数”正式发布。"
    (e,) = events(text)
    assert e.date == "2023-12-26"
    assert [o.name for o in e.organizers] == ["中国人民大学", "四川省金融学会"]
    assert e.subjects == ("2023某某指数",)


def test_extract_event_location_and_month():
    """今年3月份全省某某推广现场会; 某某新闻发布会在成都举行."""
    (e,) = events("今年3月份全省医保码推广现场会之后，各地推进。")
    assert (e.name, e.date) == ("全省医保码推广现场会", "2023-03")
    (e,) = events("12月26日，四川某某公共服务新闻发布会在成都举行。")
    assert e.location.name == "成都市"


def test_extract_event_attendees_from_titled_list():
    """甲，乙出席会议: the chain of titled people before 出席 attends the event named before."""
    text = "昨日，某某工作推进会召开。市委常委、组织部部长张某涛，市委常委、政法委书记陈某出席会议。"
    (e,) = events(text)
    assert [a.name for a in e.attendees] == ["张某涛", "陈某"]


@pytest.mark.parametrize("text", ["有关负责同志参加会议。", "会议要求，要提高站位。", "尽快召开新闻发布会。"])
def test_extract_bare_meetings_are_not_events(text):
    assert events(text) == []


def stats(text, **kw):
    return [(f.about.name, f.value, f.unit, f.period, f.approximate) for f in facts_of(text, Statistic, **kw)]


def test_extract_statistic_with_period_and_district():
    """1-11月，…锦江区社会消费品零售总额实现1298.6亿元: about 锦江区, period 2023-01/2023-11."""
    text = "1-11月，春熙路时尚商圈所在的锦江区社会消费品零售总额实现1298.6亿元，总量位列成都市第一。"
    assert stats(text) == [("锦江区", Decimal("129860000000"), "元", "2023-01/2023-11", False)]


def test_extract_statistic_about_the_province_for_whole_province():
    """全省8600余万参保群众: about the article's province, approximate."""
    assert stats("有效服务全省8600余万参保群众。")[0][:3] == ("四川省", Decimal("86000000"), "人")


def test_extract_statistic_not_about_the_items_it_counts():
    """重点园区甲已签约入驻乙、丙等35家企业: about 甲, not 丙."""
    text = "截至目前，重点园区青山湾科技生态园已签约入驻海雄科技、深圳英明拓等35家企业。"
    assert stats(text)[0][0] == "青山湾科技生态园"


def test_extract_targets_are_not_statistics():
    """力争到2025年实现总产值2000亿元: a target, not an observation."""
    assert stats("锦江软件园力争到2025年实现总产值2000亿元。") == []


def test_extract_ranking():
    """成都市总指数得分排名第6名."""
    found = stats("报告显示，成都市总指数得分排名第6名。")
    assert found == [("成都市", Decimal(6), "名", None, False)]


def test_extract_ranking_names_the_index_the_paragraph_released():
    """“2023某某指数”正式发布。报告显示，成都市总指数得分排名第6名: the rank is in that index."""
    (f,) = facts_of("“2023某某指数”正式发布。报告显示，成都市总指数得分排名第6名。", Statistic)
    assert f.variable == "2023某某指数总指数得分排名"


def test_extract_evidence_is_the_sentence_in_the_article_text():
    a = make_article("开头一句。\n市长王某平强调，要抓好落实。", locale=CHENGDU)
    for f in extract(a):
        assert a.text[f.evidence.begin : f.evidence.end] == f.evidence.text


def test_extract_an_occupation_in_no_organization_is_not_a_post():
    """律师 with no firm named is what the person does (schema:hasOccupation), not a post; with the firm
    before it, it is a post there. (MODEL.md: occupations.)"""
    from tests.conftest import make_article

    alone = extract(make_article("知名律师张明表示，此案仍有疑点。"))
    assert [(f.person.name, f.occupation) for f in alone if f.type == "occupation"] == [("张明", "律师")]
    assert not [f for f in alone if f.type == "post"]
    firm = extract(make_article("某某律师事务所律师张明表示，此案仍有疑点。"))
    assert [(f.person.name, f.role, f.org.name) for f in firm if f.type == "post"] == [
        ("张明", "律师", "某某律师事务所")
    ]


def test_extract_a_photo_credit_naming_a_reporter_is_a_post_at_the_outlet(tmp_path):
    """…再现国产相机生产的全过程。　新华社记者某某摄: the credit stays in the text, a sentence of its own,
    and says the photographer is a reporter of 新华社; he wrote no part of the article."""
    import json

    from kg.ingest import read_articles

    path = tmp_path / "a.jsonl"
    text = "一条老装配线在博物馆内重启，再现国产相机生产的全过程。　新华社记者王立新摄\n第二段内容在这里。"
    path.write_text(json.dumps({"id": "a", "date": "2012-06-01", "headline": "标题", "text": text}, ensure_ascii=False))
    found = extract(read_articles([path])[0])
    posts = [f for f in found if isinstance(f, PostHeld)]
    assert [(f.person.name, f.role, f.org.name, f.evidence.text) for f in posts] == [
        ("王立新", "记者", "新华社", "新华社记者王立新摄")
    ]
    assert not [f for f in found if isinstance(f, Authored)]


@pytest.mark.parametrize(
    "text,name",
    [
        ("这是本次华星财智中国峰会的主题。", "华星财智中国峰会"),  # a determiner opens no name
        ("这个活动叫华星财智中国峰会。", "华星财智中国峰会"),  # nor a verb
        ("6月19日，《2012年度“某某爱心城市”公益活动新闻发布会》在京举行。", "2012年度“某某爱心城市”公益活动新闻发布会"),
        ("主办方2012年度“某某爱心城市”公益活动新闻发布会在京召开。", "主办方2012年度“某某爱心城市”公益活动新闻发布会"),
        (
            "该报发起的“给孩子送双运动鞋”公益行动已送出两千双鞋。",
            "“给孩子送双运动鞋”公益行动",
        ),  # a quoted name and its head
        ("“依法护绿，打造绿城”的大型法规宣传活动昨日举行。", "“依法护绿，打造绿城”大型法规宣传活动"),  # without the 的
        ("袁某某市长主持召开了事故现场会。", "事故现场会"),  # jieba's 事故现场|会
        (
            "“白领某某”【春夏秋冬】四季会系列活动在上海举行。",
            "“白领某某”【春夏秋冬】四季会系列活动",
        ),  # the longest head
        ("2005年亚太城市市长峰会在某市举行。", "2005年亚太城市市长峰会"),  # a year is part of a name
    ],
)
def test_extract_event_names(text, name):
    assert [e.name for e in events(text)] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "对方只好宣布会议推迟。",  # a fragment: 只好宣布 is no name
        "公司召开内部会议研究此事。",  # a generic word before the head
        "专家讲座吸引了很多市民。",
        "活动首站在“思某-焦点公益基金”发展中心举行。",  # the 展 of 发展 is no head
        "该公司在“财智-公益盛典”环节发言。",  # nor the 节 of 环节
        "本次评选以水环保领域的优秀项目为载体来进行人物评选。",  # a kind of selection (blind sample 14)
        "发帖内容必须符合本论坛的规定。",  # 本论坛 refers back (blind sample 15)
    ],
)
def test_extract_what_is_no_named_event(text):
    assert events(text) == []


@pytest.mark.parametrize(
    "text,name,date",
    [
        ("欧债危机的影响仍在持续。", "欧债危机", None),  # a crisis named by a proper name (blind sample 8)
        ("此前的胡拉镇事件造成百余人死亡。", "胡拉镇事件", None),  # an affair named by its place (blind sample 8)
        ("张明华案昨日在上海开庭。", "张明华案", None),  # a case named by a person; its hearing does not date it
        ("合肥市少女毁容案引发关注。", "合肥市少女毁容案", None),  # a case and its crime (blind sample 11)
        ("据悉，索尼海外学生交流计划已经举办了三年。", "索尼海外学生交流计划", None),  # a programme (blind 13)
        ("2009中国慈善导航行动第一季于2009年8月正式启动。", "2009中国慈善导航行动", "2009-08"),  # launched (16)
        ("今年两会期间，代表们提出了议案。", "两会", "2012"),  # an event by itself, dated by 今年 (blind 10)
        ("也遭遇了国际金融危机影响下经济下行的巨大压力。", "国际金融危机", None),  # the world's (blind 17)
        ("党的十六大以来，国家宏观调控成效显著。", "党的十六大", None),  # a congress by its number (17)
    ],
)
def test_extract_named_programmes_crises_and_cases(text, name, date):
    (e,) = events(text, date="2012-06-01")
    assert (e.name, e.date) == (name, date)


@pytest.mark.parametrize(
    "text",
    [
        "西班牙深陷银行业危机。",  # the crisis is the verb's object, its name holds no proper name (blind 5)
        "湖北十堰调研春苗营养计划的落实情况。",  # nor the programme after a place and its verb (blind 8)
        "中国计划2020年实现这一目标。",  # a country plans: 计划 is the verb
        "安利公益基金会计划明年扩大规模。",  # a body plans (blind sample 8)
        "这起事故造成安全事件。",  # 安全事件 is a common noun (blind sample 7)
        "公司制定了新的工作计划。",  # no proper name before the head
        "昆明火车站爆炸事件发生后。",  # an incident is read as one, not as a named event
        "日本乳业出现召回事件。",  # an affair holds no verb: 出现 takes it as its object (blind sample 17)
        "犯罪嫌疑人陈某被抓获归案。",  # 归案 and 方案 are words of their own (blind samples 5, 15)
        "审议通过了上市公司重大资产交易方案。",
        "他当选全国十大杰出青年。",  # 十大 is the top ten, no congress
    ],
)
def test_extract_what_is_no_named_programme(text):
    assert [e.name for e in events(text) if e.kind is None] == []  # an incident is no named event


def test_extract_event_place_and_organizers_from_the_next_sentence():
    """某某论坛昨日开幕。论坛在成都举行，由某某协会主办。: the next sentence says where and who."""
    (e,) = events("昨日，第三届西部金融论坛开幕。论坛在成都举行，由四川省金融学会主办。")
    assert e.location is not None and e.location.name == "成都市"
    assert [o.name for o in e.organizers] == ["四川省金融学会"]
    assert len(e.more_evidence) == 1 and e.more_evidence[0].text.startswith("论坛在成都举行")


@pytest.mark.parametrize(
    "text,name,date",
    [
        (
            "今天是2008年世界艾滋病日，世界艾滋病日的主题是…",
            "2008年世界艾滋病日",
            "2008",
        ),  # a named day, dated by its name
        ("国际劳动节期间，全国安全生产月活动同时启动。", "国际劳动节", None),
    ],
)
def test_extract_named_days_weeks_and_months(text, name, date):
    found = {e.name: e.date for e in events(text)}
    assert name in found and found[name] == date
    assert "世界艾滋病日" not in found  # named again without its year: the same day


@pytest.mark.parametrize("text", ["全国各地都在过节。", "中国首席代表张某某昨日抵达。", "安理会召开紧急会议。"])
def test_extract_what_is_no_named_day_or_meeting(text):
    assert events(text) == []


@pytest.mark.parametrize(
    "text,post",
    [
        # A minister abroad holds the title in the country's government, as a head of state does.
        ("认为俄罗斯外长拉夫罗夫对此进行的反驳没有说服力。", ("拉夫罗夫", "外长", "俄罗斯政府")),
        # The day after the name (12日表示) dates what the holder did; it does not end the reading.
        ("美国国务卿希拉里12日表示，美国怀疑此事。", ("希拉里", "国务卿", "美国政府")),
        # The country in one character (俄) is written nowhere as the organization: no mention at -1.
        ("俄外长拉夫罗夫13日表示反对。", ("拉夫罗夫", "外长", "俄罗斯政府")),
        ("俄总统顾问张明13日表示反对。", ("张明", "总统顾问", "俄罗斯政府")),
    ],
)
def test_extract_titles_of_state_abroad(text, post):
    assert post in posts(text, date="2012-06-14", locale=None)


def test_extract_an_event_looked_back_at_is_named_from_after_the_verb_and_not_dated_by_it():
    """回应…听证会的疑问: the verb is no part of the name, and the sentence's date is the answer's."""
    found = facts_of("6月13日，某委在其网站公开回应居民阶梯电价听证会的相关疑问。", EventFact, date="2012-06-14")
    assert [(e.name, e.date) for e in found] == [("居民阶梯电价听证会", None)]


@pytest.mark.parametrize(
    "text,post",
    [
        # A transliterated name that no surname opens and jieba has never counted, between a title and a
        # verb of saying.
        ("美国国务院发言人纽兰表示，美国坚持此前的立场。", ("纽兰", "发言人", "美国国务院")),
    ],
)
def test_extract_a_speaker_named_between_title_and_verb(text, post):
    assert post in posts(text, date="2012-06-14", locale=None)


@pytest.mark.parametrize("text", ["某市政府发言人对此表示欢迎。", "某局局长昨天说，工作已经完成。"])
def test_extract_no_speaker_from_a_word_between_title_and_verb(text):
    assert not {p for p in posts(text, date="2012-06-14", locale=None) if p[0] in ("对此", "昨天")}


@pytest.mark.parametrize(
    "text,post",
    [
        # A photo credit: a name and 摄, the outlet in the source line after it.
        ("某市某区发生一起事故。\n张晓明　摄　图片来源：某某晚报", ("张晓明", "记者", "某某晚报")),
    ],
)
def test_extract_a_bare_photo_credit_names_a_reporter(text, post):
    assert post in posts(text, date="2012-06-14", locale=None)


def test_extract_no_photographer_from_a_word_before_the_credit():
    assert not posts("某市某区发生一起事故。\n资料图片 摄", date="2012-06-14", locale=None)


def test_a_parent_body_keeps_the_form_its_unit_was_printed_in():
    """国家发改委气候司: the parent 国家发展和改革委员会 keeps 国家发改委 as another name (blind sample 12)."""
    facts = extract(make_article("国家发改委气候司司长苏某表示，谈判仍在进行。"))
    parents = {f.parent.name: f.parent.aliases for f in facts if isinstance(f, Contained)}
    assert parents["国家发展和改革委员会"] == ("国家发改委",)


def test_extract_an_event_the_headline_names_and_the_body_refers_back_to():
    """2011年全国某某公益人物评选　获奖名单出炉 / 本次评选以…: the headline's name, its year, the body's sentence
    (blind sample 14)."""
    article = make_article(
        "本次评选以水环保领域的优秀项目为载体来进行人物评选，共收集了83个民间组织和个人申报的140个项目。",
        headlines=("2011年全国水环保公益人物评选　获奖名单出炉",),
    )
    (e,) = [f for f in extract(article) if isinstance(f, EventFact)]
    assert (e.name, e.date) == ("2011年全国水环保公益人物评选", "2011")
    assert e.evidence.text.startswith("本次评选")


def test_extract_a_day_that_is_a_named_day_dates_it():
    """2009年5月31日是世界卫生组织发起的第22个世界无烟日 (blind sample 14)."""
    (e,) = events("导读：2009年5月31日是世界卫生组织发起的第22个世界无烟日。")
    assert (e.name, e.date) == ("世界无烟日", "2009-05-31")


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("2008年北京奥运会开幕。", ["2008年北京奥运会"]),
        ("山东获得奥运会的举办权。", []),  # a verb before games names none (blind sample 6)
        ("高尔夫进入奥运会。", []),
    ],
)
def test_extract_games_are_named_by_a_place_or_a_year(text, names):
    assert [e.name for e in events(text)] == names


def test_events_speaking_at_a_meeting_dates_it():
    """31日下午，某某在“某某”民企座谈会上表示 (blind sample 16): said at the meeting, so it was held then."""
    from kg.extract import events

    text = "“我们要做新晋商。”31日下午，某省委书记某某在“新晋商、新形象、新境界”民企座谈会上表示。"
    (e,) = events.extract(make_article(text, date="2012-06-01"))
    assert (e.name, e.date) == ("“新晋商、新形象、新境界”民企座谈会", "2012-05-31")


@pytest.mark.parametrize(
    ("headline", "text", "want"),
    [
        pytest.param(  # blind sample 15: members named without their body, in a report on one committee's session
            "全国人大常委会组成人员：饮用水应有专管部门",
            "28日，十一届全国人大常委会第二十七次会议分组审议国务院的报告。全国人大环境与资源保护委员会副主任委员张明华说，"
            "要加强保护。李建国委员说，“我们现在还没有关于饮用水安全的法律。”",
            ("李建国", "委员", "全国人民代表大会常务委员会"),
            id="the-headlines-committee",
        ),
        pytest.param(  # two committees and a headline that names neither: no body is guessed
            "饮用水应有专管部门",
            "全国人大常委会第二十七次会议分组审议报告。全国人大环境与资源保护委员会副主任委员张明华说，要加强保护。"
            "李建国委员说，“我们现在还没有相关法律。”",
            ("李建国", "委员", None),
            id="two-committees-none-guessed",
        ),
    ],
)
def test_posts_a_member_named_without_a_body_sits_on_the_articles_committee(headline, text, want):
    from kg.extract import posts

    found = {
        (f.person.name, f.role, f.org.name if f.org else None)
        for f in posts.extract(make_article(text, headlines=(headline,), date="2012-06-29"))
    }
    assert want in found, found
