"""The number parser: every form real news prints a figure in, and what is not a figure."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.nlp import quantities

# (text, value, unit, approximate, upper bound)
FORMS = [
    ("建筑面积2，000平方米", "2000", "平方米", False, None),  # a full-width thousands separator
    ("共接待游客12,500人次", "12500", "人次", False, None),
    ("销量达1.2万辆", "12000", "辆", False, None),
    ("三千余人参加了活动", "3000", "人", True, None),
    ("百分之十五的居民表示满意", "15", "%", False, None),
    ("约5成市民支持", "50", "%", True, None),
    ("八成以上的受访者", "80", "%", False, None),
    ("每套售价10—15万元", "100000", "元", False, "150000"),  # the multiplier of the upper bound is the range's
    ("月薪1.2万-1.5万元", "12000", "元", False, "15000"),
    ("近百名学生出现症状", "100", "名", True, None),
    ("上百人围观", "100", "人", True, None),
    ("一千万元", "10000000", "元", False, None),
    ("两万人", "20000", "人", False, None),
    ("成交１２３４套", "1234", "套", False, None),  # full-width digits
    ("利润同比下降3.2%", "-3.2", "%", False, None),  # a decrease is a negative change
    ("比上年提高2个百分点", "2", "个百分点", False, None),
]


@pytest.mark.parametrize("text,value,unit,approx,upper", FORMS, ids=[f[0] for f in FORMS])
def test_numbers_every_printed_form(text, value, unit, approx, upper):
    (q,) = quantities.find(text)
    assert (q.value, q.unit, q.approximate) == (Decimal(value), unit, approx)
    assert q.upper == (Decimal(upper) if upper else None)


@pytest.mark.parametrize(
    "text,change",
    [("同比增长12.5%", "增长"), ("利润同比下降3.2%", "增长"), ("人数减少300人", "增加"), ("新增就业3000人", None)],
)
def test_numbers_a_change_is_named_by_its_rise(text, change):
    """下降 is a negative 增长, 减少 a negative 增加; 新增 counts what is new and is no change."""
    (q,) = quantities.find(text)
    assert q.change == change
    assert (q.value < 0) == (text.find("下降") >= 0 or text.find("减少") >= 0)


NOT_FIGURES = [
    "他今年35岁",  # an age
    "联系电话87654321",  # a phone number: no unit
    "２０１２年５月",  # a date
    "5-10月",  # a month range
    "1、加强管理",  # list numbering
    "千万不要",  # 千万 as an adverb
    "十分重要",  # 十分 as an adverb
    "老百姓",
    "3成立了",  # 成 opening a word is no tenth
    "A380客机",  # part of a model's name
    "三人一组",  # a counting word, not a reported figure
]


@pytest.mark.parametrize("text", NOT_FIGURES)
def test_numbers_what_is_not_a_figure(text):
    assert quantities.find(text) == []


@given(st.integers(min_value=1000, max_value=10**12))
def test_numbers_thousands_separators_read_back(n):
    for sep in (",", "，"):
        (q,) = quantities.find(f"共{n:,}元".replace(",", sep))
        assert q.value == n


@given(st.integers(min_value=1, max_value=9999), st.sampled_from(["万", "亿"]))
def test_numbers_multipliers_scale(n, mult):
    (q,) = quantities.find(f"投资{n}{mult}元")
    assert q.value == n * (10**4 if mult == "万" else 10**8)


@given(st.integers(min_value=1, max_value=9999))
def test_numbers_positions_are_the_texts(n):
    text = f"今年共有{n}家企业"
    (q,) = quantities.find(text)
    assert text[q.begin : q.end] == q.text and q.value == n


@pytest.mark.parametrize(
    "text,value,unit",
    [
        ("他代课23年", "23", "年"),
        ("全场默哀3分钟", "3", "分钟"),
        ("每天往返2小时", "2", "小时"),
        ("坚持了20多天", "20", "天"),
    ],
)
def test_numbers_lengths_of_time_are_figures(text, value, unit):
    (q,) = quantities.find(text)
    assert (q.value, q.unit) == (Decimal(value), unit)


@pytest.mark.parametrize(
    "text", ["2012年", "建党91周年", "5年前", "3年来", "1个月后", "7个月大的婴儿", "24小时不间断运行"]
)
def test_numbers_the_calendar_and_ages_are_no_lengths_of_time(text):
    assert quantities.find(text) == []


def test_numbers_people_counted_before_the_number():
    """60岁以上老年人已经达到1.78亿: a count of people, with no unit printed."""
    (q,) = quantities.find("我国60岁以上老年人已经达到1.78亿")
    assert (q.value, q.unit) == (Decimal(178000000), "人")
