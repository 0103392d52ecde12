"""Each cleaning rule, with the line of the seed page (or of real news) that motivates it."""

from __future__ import annotations

import pytest

from kg.ingest.clean import Text, clean, join_lines

BODY_RULES = [
    ("锦 江 区 社 会 消 费 品 零 售 总 额 实 现", "锦江区社会消费品零售总额实现", "justified-spacing"),
    ("12 月 26 日，四川医保公共服务新", "12月26日，四川医保公共服务新", "spaced-date"),
    ("务 4.38 亿 笔 ，结 算 报 销 医 保 费 用", "务4.38亿笔，结算报销医保费用", "spaced-number-and-unit"),
    ("IFS 国际金融中心等商业地标", "IFS国际金融中心等商业地标", "latin-before-han"),
    ("OFF-WHITE 等一批全球顶级的时", "OFF-WHITE等一批全球顶级的时", "latin-word-kept"),
    ("Hello   world", "Hello world", "latin-spaces-collapse-not-vanish"),
    ("投资原因,山东海天", "投资原因，山东海天", "ascii-comma-between-han"),
    ("拉动消费,共同点", "拉动消费，共同点", "ascii-comma-after-han"),
    ("深圳地铁将设ＶＩＰ头等车厢，２０１２年", "深圳地铁将设VIP头等车厢，2012年", "fullwidth-latin-and-digits"),
    ("所(IMI)牵头编制", "所（IMI）牵头编制", "ascii-parentheses"),
    ('他说"好的"然后', "他说“好的”然后", "straight-double-quotes"),
    ("「刷脸终端」", "“刷脸终端”", "corner-brackets"),
    ("未来3—5年，建成1,000万", "未来3—5年，建成1,000万", "digit-comma-kept"),
    ("等等...然后", "等等……然后", "three-dots"),
    ("南都讯　记者刘凡", "南都讯记者刘凡", "ideographic-space"),
    ("报销本报讯（记者赵明　文静）市人社局", "报销本报讯（记者赵明、文静）市人社局", "space-parting-byline-names"),
    ("（记者 张立 李文 报道）", "（记者张立、李文报道）", "byline-names-before-a-verb"),
    ("记者 张立 在现场说 明天", "记者张立在现场说明天", "one-name-then-prose"),
]


@pytest.mark.parametrize("raw,cleaned", [r[:2] for r in BODY_RULES], ids=[r[2] for r in BODY_RULES])
def test_clean_body_rule(raw, cleaned):
    assert str(clean(Text.of(raw, 0))) == cleaned


HEADLINE_RULES = [
    ("点“靓”美丽家园 持续提升居民幸福感", "点“靓”美丽家园 持续提升居民幸福感", "phrase-space-kept"),
    (
        "深圳地铁将设立ＶＩＰ头等车厢　买双倍票可享坐票",
        "深圳地铁将设立VIP头等车厢 买双倍票可享坐票",
        "ideographic-phrase-space",
    ),
    ("强 化 协 同 联 动", "强化协同联动", "justified-headline"),
]


@pytest.mark.parametrize("raw,cleaned", [r[:2] for r in HEADLINE_RULES], ids=[r[2] for r in HEADLINE_RULES])
def test_clean_headline_rule(raw, cleaned):
    assert str(clean(Text.of(raw, 0), keep_phrase_spaces=True)) == cleaned


JOINS = [
    (
        ["春熙路时尚商圈位于成都市中", "心，是最为外地人熟知的一张金名"],
        "春熙路时尚商圈位于成都市中心，是最为外地人熟知的一张金名",
        "han-han",
    ),
    (["以微信、支付宝和合作银行", "APP为辅助渠道"], "以微信、支付宝和合作银行APP为辅助渠道", "han-latin"),
    (["the annual", "report"], "the annual report", "latin-latin-gets-a-space"),
]


@pytest.mark.parametrize("lines,joined", [r[:2] for r in JOINS], ids=[r[2] for r in JOINS])
def test_clean_join_wrapped_lines(lines, joined):
    parts, pos = [], 0
    for line in lines:
        parts.append(Text.of(line, pos))
        pos += len(line) + 1
    assert str(clean(join_lines(parts))) == joined


def test_clean_keeps_source_offsets():
    out = clean(Text.of("锦 江 区", 100))
    assert str(out) == "锦江区"
    assert out.offs == [100, 102, 104]


FAST_PATH_LINES = [
    "全年实现地区生产总值2.5万亿元，增长5.2%。",  # a decimal point is no ... : nothing to change
    "OFF-WHITE等一批全球顶级的时尚品牌",  # one hyphen is no --
    "锦江区社会消费品零售总额实现",
    *[r[0] for r in BODY_RULES],
]


@pytest.mark.parametrize("line", FAST_PATH_LINES)
def test_clean_lines_with_nothing_to_change_come_out_as_the_full_rules_give(line, monkeypatch):
    """clean() returns a line untouched when it has none of the characters its rules change; the
    result must be what running every rule gives."""
    import re

    import kg.ingest.clean as mod

    for keep in (False, True):
        fast = clean(Text.of(line, 5), keep)
        monkeypatch.setattr(mod, "_TOUCHED", re.compile(r"(?s)."))
        full = clean(Text.of(line, 5), keep)
        monkeypatch.undo()
        assert (fast.chars, fast.offs) == (full.chars, full.offs)


@pytest.mark.parametrize(
    "raw,cleaned",
    [
        # The garbled text is the date 2月18日, then a comma: the name after it is whole.
        ("拍下该瓶可乐。?＃翟拢保溉眨?某某饮料有限公司市场部主任", "拍下该瓶可乐。□某某饮料有限公司市场部主任"),
        # The garbled text swallowed 爱 of a company's name: what follows is its tail.
        ("持不同观点。?Ｎ耙滴野?我家集团副总裁", "持不同观点。□□我家集团副总裁"),
        ("警方说。?Ｇ故痔永胂殖。?但警方称", "警方说。□但警方称"),
    ],
    ids=["swallowed-punctuation", "swallowed-han", "whole-sentence"],
)
def test_clean_garbled_stretch_becomes_an_illegible_mark(raw, cleaned):
    """Sogou records decoded one byte out of step (GBK from its second byte): an ASCII ? for the lost
    byte, characters a full-width sign opens, and a ? where the text is in step again. The stretch is one
    □, two when it swallowed a Chinese character, and each mark keeps a source offset."""
    text = clean(Text.of(raw, 0))
    assert str(text) == cleaned
    assert len(text.chars) == len(text.offs) and text.offs == sorted(text.offs)
