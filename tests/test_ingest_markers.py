"""Bylines, datelines, photo credits and continuation markers, by general rules."""

from __future__ import annotations

import pytest

from kg.ingest.layout import headline_like, terminal
from kg.ingest.markers import (
    byline_line,
    closing_byline,
    dateline_outlet,
    parse_byline,
    parse_lead,
    split_credit,
    strip_jump,
)

BYLINES = [
    ("成都日报锦观新闻记者 杨升涛", [("记者", "杨升涛", "成都日报锦观新闻")], "paper-brand-reporter"),
    ("本报记者 张三 李四", [("记者", "张三", None), ("记者", "李四", None)], "two-reporters"),
    ("记者 王五 通讯员 赵六", [("记者", "王五", None), ("通讯员", "赵六", None)], "reporter-and-correspondent"),
]


@pytest.mark.parametrize("line,people", [b[:2] for b in BYLINES], ids=[b[2] for b in BYLINES])
def test_markers_byline_line(line, people):
    assert [(b.role, b.name, b.org) for b in byline_line(line)] == people


@pytest.mark.parametrize(
    "line", ["省医保局相关负责人介绍了近年来", "记者提问。", "回答记者提问"], ids=["sentence", "sentence-end", "phrase"]
)
def test_markers_not_a_byline(line):
    assert byline_line(line) is None


LEADS = [
    ("本报讯（成都日报锦观新闻记者 李世芳） 昨日，成都市", "本报讯", ["李世芳"], None, "benbao-paren"),
    (
        "南都讯　记者刘凡　周昌和　任笑一　继推出日票后，深圳",
        "南都讯",
        ["刘凡", "周昌和", "任笑一"],
        None,
        "bare-names",
    ),
    ("新华社北京12月26日电（记者 张三） 今天", "新华社北京12月26日电", ["张三"], None, "agency"),
    ("紧接01版 推动产业链向上下游、左右", None, [], "01", "continued"),
    ("据国际文传电讯社报道，秋明州", None, [], None, "agency-name-is-not-a-dateline"),
    (
        "本报讯 （记者／王立新　实习生／李红　通讯员／张强）昨日，",
        "本报讯",
        ["王立新", "李红", "张强"],
        None,
        "slash-after-each-role",
    ),
    ("本报讯 （记者　王立新　整理）昨日，", "本报讯", ["王立新"], None, "整理-is-no-name"),
    (
        "本报北京3月5日电 记者王立新、李红报道：国务院今天",
        "本报北京3月5日电",
        ["王立新", "李红"],
        None,
        "names-then-报道",
    ),
    ("南都讯 记者王立新 通讯员李红 昨日，市交通局", "南都讯", ["王立新", "李红"], None, "bare-two-roles"),
    ("中新网杭州６月１９日电（记者 王立新）国务院", "中新网杭州６月１９日电", ["王立新"], None, "full-width-date"),
    ("某某网某县6月13日消息（记者王立新 通讯员李红）昨日", "某某网某县6月13日消息", ["王立新", "李红"], None, "消息"),
    ("某某新闻网成都6月1日讯（记者 王立新）昨日", "某某新闻网成都6月1日讯", ["王立新"], None, "网-讯"),
]


@pytest.mark.parametrize(
    "dateline,outlet",
    [
        ("新华社北京12月26日电", "新华社"),
        ("某某网某县6月13日消息", "某某网"),
        ("南都讯", "南都"),
        ("本报讯", None),
        ("新华０８网上海６月６日电", "新华08网"),
        ("据新华社电", "新华社"),  # 据 credits the outlet, it is no part of its name (blind sample 14)
    ],
)
def test_markers_outlet_of_a_dateline(dateline, outlet):
    """The outlet a dateline names is the reporters' employer: 南都讯 names 南都 with no 报 or 网."""
    assert dateline_outlet(dateline) == outlet


@pytest.mark.parametrize("raw,dateline,names,continued", [x[:4] for x in LEADS], ids=[x[4] for x in LEADS])
def test_markers_lead(raw, dateline, names, continued):
    lead = parse_lead(raw)
    assert lead.dateline == dateline
    assert [b.name for b in lead.bylines] == names
    assert lead.continued_from == continued


def test_markers_roles_of_a_bare_byline():
    """南都讯 记者X 通讯员Y: each name keeps the role written before it."""
    lead = parse_lead("南都讯 记者王立新 通讯员李红 昨日，市交通局发布了方案。")
    assert [(b.role, b.name) for b in lead.bylines] == [("记者", "王立新"), ("通讯员", "李红")]


@pytest.mark.parametrize(
    "text,people",
    [
        ("昨日，市交通局发布了新的公交线路调整方案。（记者 王立新 李红）", [("记者", "王立新"), ("记者", "李红")]),
        ("昨日，市交通局发布了方案。（记者王立新 通讯员李红）", [("记者", "王立新"), ("通讯员", "李红")]),
        ("昨日，市交通局发布了方案（详见附表）", []),
        ("都会产生不小冲击。（中国台湾网　刘立伟）", [("记者", "刘立伟")]),
        ("都会产生不小冲击。（中国台湾网刘立伟）", [("记者", "刘立伟")]),
        ("都会产生不小冲击。（人民网北京频道）", []),
    ],
    ids=["two-reporters", "two-roles", "no-role-no-byline", "outlet-and-name", "outlet-and-name-cleaned", "a-channel"],
)
def test_markers_closing_byline(text, people):
    """…方案。（记者 张三）: a byline in brackets at the end of an article."""
    assert [(b.role, b.name) for b in closing_byline(text)] == people


def test_markers_photo_credit_at_line_end():
    """2000家。 锦江区供图: the credit follows a finished sentence after a space."""
    assert split_credit("2000家。 锦江区供图") == ("2000家。", "锦江区供图")
    assert split_credit("他拍摄了一组照片。") == ("他拍摄了一组照片。", None)


def test_markers_jump_line_removed():
    assert strip_jump("全力推进任务落地。（下转02版）") == "全力推进任务落地。"


HEADLINE_LIKE = [
    ("锦江区探索中心城区高质量发展路径", True, "headline"),
    ("2023天府金融指数发布：", True, "headline-ending-in-colon"),
    ("上线统一的医保信息平台、构建医保公共服务体系……", True, "kicker-with-ellipsis"),
    ("元旦将至，整个春熙路", False, "comma"),
    ("这一北一南两个点是", False, "ends-on-function-word"),
    ("时尚商圈换上了“新", False, "open-quote"),
    ("“满减”“返现”……春熙路", False, "inner-ellipsis"),
]


@pytest.mark.parametrize("line,expected", [h[:2] for h in HEADLINE_LIKE], ids=[h[2] for h in HEADLINE_LIKE])
def test_layout_headline_like(line, expected):
    assert headline_like(line) is expected


@pytest.mark.parametrize(
    "line,expected",
    [("已经有些迫不及待了。", True), ("享受‘买买买’的乐趣！”", True), ("纷纷来锦江开", False), ("2000家。", True)],
)
def test_layout_terminal(line, expected):
    assert terminal(line) is expected


def test_markers_byline_with_its_spaces_gone_keeps_each_role():
    """（记者　刘某某　通讯员　胡某　孔某）cleaned to 记者刘某某通讯员胡某、孔某: what stands before 通讯员 is the
    reporter's name, not the correspondents' organization."""
    people = parse_byline("记者王立新通讯员李红、孔明")
    assert [(b.role, b.name, b.org) for b in people] == [
        ("记者", "王立新", None),
        ("通讯员", "李红", None),
        ("通讯员", "孔明", None),
    ]


@pytest.mark.parametrize(
    "raw,dateline,people",
    [
        (
            "【深圳商报讯】（记者　肖立礼　实习生　林立琪）记者昨天了解到",
            "深圳商报讯",
            [("记者", "肖立礼", None), ("实习生", "林立琪", None)],
        ),
        ("（搜狐体育　陶立　４月２２日广州报道）４月２１日，比赛开始", None, [("记者", "陶立", "搜狐体育")]),
        (
            "时报讯(记者杨正飞肖汉民实习生余春平)4月8日晚",
            "时报讯",
            [("记者", "杨正飞肖汉民", None), ("实习生", "余春平", None)],
        ),
        (
            "（记者华立、杜明通讯员周海英）：7月23号凌晨5点30多分，某县某镇发生",
            None,
            [("记者", "华立", None), ("记者", "杜明", None), ("通讯员", "周海英", None)],
        ),
        ("（新华社记者 张立）今天上午", None, [("记者", "张立", "新华社")]),
        ("（北京市委书记张立）说", None, []),
    ],
    ids=[
        "dateline-in-brackets",
        "site-report-credit",
        "names-run-together",
        "bracketed-byline-no-dateline",
        "bracketed-outlet-byline",
        "bracketed-official-is-no-byline",
    ],
)
def test_markers_leads_real_sites_print(raw, dateline, people):
    """【某某商报讯】, （某某体育　某某　4月22日广州报道） and names printed with no space between them (kg.nlp
    parts those: two names of three characters each)."""
    lead = parse_lead(raw)
    assert lead.dateline == dateline
    assert [(b.role, b.name, b.org) for b in lead.bylines] == people
