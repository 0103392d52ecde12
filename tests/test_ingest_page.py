"""The seed page (成都日报, OCR text) comes out as exactly six articles with their own headlines."""

from __future__ import annotations

import pytest

from kg.ingest.layout import read_items

# (index, how the text opens, headlines, reporters, dateline, continued_from)
SEED_ARTICLES = [
    (
        0,
        "“元旦正好有朋友从国外回来",
        ("商贸+科创“双核共兴”之势渐起", "锦江区探索中心城区高质量发展路径"),
        (),
        None,
        None,
    ),
    (
        1,
        "12月26日，四川医保公共服务新闻发布会",
        ("上线统一的医保信息平台、构建医保公共服务体系……", "全省近半数群众用医保码就医购药"),
        ("杨升涛",),
        None,
        None,
    ),
    (
        2,
        "本报讯（成都日报锦观新闻记者李世芳）昨日，成都市党建引领小区治理",
        ("点“靓”美丽家园 持续提升居民幸福感", "成都市党建引领小区治理三年攻坚行动现场推进会暨第三次专题调度会召开"),
        ("李世芳",),
        "本报讯",
        None,
    ),
    (
        3,
        "本报讯（成都日报锦观新闻记者刘泰山）12月26日",
        ("2023天府金融指数发布：成都农村金融子指数连续七年居全国首位",),
        ("刘泰山",),
        "本报讯",
        None,
    ),
    (
        4,
        "推动产业链向上下游",
        ("打造具有国际竞争力和区域带动力的现代化都市圈", "共同为服务国家战略全局和全省发展大局多作贡献"),
        (),
        None,
        "01",
    ),
    (5, "一要共同营造高水平法治化营商环境", ("强化协同联动", "全面提升行政效能、司法效率、社会效益"), (), None, "01"),
]


def test_ingest_seed_has_six_articles(seed_articles):
    assert len(seed_articles) == 6


@pytest.mark.parametrize(
    "index,opening,headlines,authors,dateline,continued",
    SEED_ARTICLES,
    ids=[f"article{r[0] + 1}" for r in SEED_ARTICLES],
)
def test_ingest_seed_article(seed_articles, index, opening, headlines, authors, dateline, continued):
    a = seed_articles[index]
    assert a.text.startswith(opening)
    assert a.headlines == headlines
    assert a.authors == authors
    assert a.dateline == dateline
    assert a.continued_from == continued


def test_ingest_feature_keeps_its_lead_and_section_heads(seed_articles):
    """The 锦江区 feature's lead in the narrow column and its two section heads belong to it."""
    a = seed_articles[0]
    assert "元旦将至，整个春熙路时尚商圈换上了“新装”" in a.text
    subheads = [p.text for p in a.paragraphs if p.kind == "subhead"]
    assert subheads == ["提势能 春熙路商贸优势持续增强", "强动能 白鹭湾科创迸发全新活力"]
    assert a.credits == ("锦江区供图",)
    assert "供图" not in a.text


def test_ingest_byline_at_end_is_a_byline_paragraph(seed_articles):
    """成都日报锦观新闻记者 杨升涛, printed after the 医保 report, credits its reporter."""
    a = seed_articles[1]
    assert a.paragraphs[-1].kind == "byline"
    assert a.paragraphs[-1].text == "成都日报锦观新闻记者 杨升涛"
    assert a.bylines[0].role == "记者" and a.bylines[0].org == "成都日报锦观新闻"
    assert [p.text for p in a.paragraphs if p.kind == "subhead"] == [
        "50多项业务线上办理",
        "医保移动支付便捷群众就医",
        "上线8000余台医保“刷脸终端”",
    ]


def test_ingest_orphan_headline_is_not_an_article(seed_articles):
    """点“靓”美丽家园 持续提升居民幸福感 is a headline line: no article starts with it."""
    assert not any(a.text.startswith("点“靓”") for a in seed_articles)


def test_ingest_word_cut_by_wrap_is_not_a_headline(seed_articles):
    """中国人民大学财政金融学院教 / 授、国家金融研究院… is one sentence, not a headline and a paragraph."""
    assert "中国人民大学财政金融学院教授、国家金融研究院院长助理" in seed_articles[3].text


def test_ingest_continuation_marker_is_stripped(seed_articles):
    assert not any("紧接" in a.text for a in seed_articles)


def test_ingest_ids_are_deterministic(seed_articles):
    from kg.ingest import read_articles
    from tests.conftest import SEED

    again = read_articles([SEED])
    assert [a.id for a in again] == [a.id for a in seed_articles]
    assert [a.text for a in again] == [a.text for a in seed_articles]
    assert seed_articles[0].id == "000_a519de1940e34702-01"


def test_ingest_offsets_point_into_the_source(seed_articles):
    from tests.conftest import SEED

    source = SEED.read_text("utf-8")
    for a in seed_articles:
        assert len(a.offsets) == len(a.text)
        for i, c in enumerate(a.text):
            if c not in "\n“”‘’，：（）—…":
                assert source[a.offsets[i]] == c, (a.id, i, c)
    i = seed_articles[0].text.index("锦江区社会消费品零售总额")
    begin, end = seed_articles[0].source_span(i, i + 12)
    assert source[begin:end] == "锦 江 区 社 会 消 费 品 零 售 总 额"


# Layouts of other pages, written for these tests: (page text, expected (opening, headlines) per article).
PAGES = [
    pytest.param(
        "标题在正文之前\n\n第一段正文，说明了情况。\n\n第二段正文。\n",
        [("第一段正文", ("标题在正文之前",))],
        id="headline-first-single-article",
    ),
    pytest.param(
        "本报讯（记者 王一） 昨日，某市召开会议，部署全年工作。\n\n"
        "本报讯（记者 张二） 昨日，某县举行招聘会，三百家企业参加。\n\n"
        "某县举行招聘会\n\n某市召开会议部署全年工作\n",
        [("本报讯（记者王一）", ("某市召开会议部署全年工作",)), ("本报讯（记者张二）", ("某县举行招聘会",))],
        id="headlines-after-bodies-by-content",
    ),
]


@pytest.mark.parametrize("page,expected", PAGES)
def test_ingest_page_layouts(tmp_path, page, expected):
    from kg.ingest import read_articles

    path = tmp_path / "page.txt"
    path.write_text(page, "utf-8")
    got = read_articles([path])
    assert [(a.text[: len(o)], a.headlines) for a, (o, _) in zip(got, expected, strict=True)] == expected
    assert len(got) == len(expected)


@pytest.mark.parametrize(
    "stem,first_line,headlines,date",
    [
        ("某市某区某大厦发生1起火灾事故", "2014年1月2日14时左右", ("某市某区某大厦发生1起火灾事故",), "2014-01-02"),
        ("某县突发疑似食物中毒事件", "2013年11月25日 星期一", ("某县突发疑似食物中毒事件",), "2013-11-25"),
        ("page-0001", "2014年1月2日", (), "2014-01-02"),
    ],
    ids=["hour-of-day", "weekday", "file-name-no-title"],
)
def test_ingest_file_named_by_its_title(tmp_path, stem, first_line, headlines, date):
    """A news archive saves an article as 标题.txt whose first line is only its date (and hour, or weekday):
    the line dates the article, and the file name is its headline (read for the locale: 市政府 of 某市)."""
    from kg.ingest import read_articles

    path = tmp_path / f"{stem}.txt"
    path.write_text(f"{first_line}\n2014年1月2日14时许，城关区一座大厦第30层发生火灾。\n", "utf-8")
    (got,) = read_articles([path])
    assert got.headlines == headlines
    assert str(got.date) == date
    assert got.text.startswith("2014年1月2日14时许")


def test_ingest_a_date_printed_once_dates_every_article_of_the_file(tmp_path):
    """A file of several reports under one date line (2009年1月25日, then 本报讯 … 本报讯 …): each report
    has that date, not only the first."""
    from kg.ingest import read_articles

    path = tmp_path / "reports.txt"
    path.write_text(
        "2009年1月25日\n\n本报讯（记者 王一） 昨日，某市召开会议，部署全年工作。\n\n"
        "本报讯（记者 张二） 昨日，某县举行招聘会，三百家企业参加。\n",
        "utf-8",
    )
    got = read_articles([path])
    assert len(got) == 2 and {str(a.date) for a in got} == {"2009-01-25"}


def test_ingest_layout_kinds_of_seed_lines():
    from tests.conftest import SEED

    kinds = {i.first_line: i.kind for i in read_items(SEED.read_text("utf-8"))}
    assert kinds[329] == "byline"
    assert kinds[147] == "headline"
    assert kinds[8] == "body"  # 春熙路时尚商圈位于成都市中 opens a paragraph
