"""What a number measures, as a noun phrase: 社会消费品零售总额 in 全年社会消费品零售总额实现1298.6亿元, 企业 in
35家企业, 营业收入同比增长 in 营业收入同比下降3.2%. Never a verb, a particle or a placeholder: a number
whose quantity cannot be named has no variable (None), and is no statistic.
"""

from __future__ import annotations

import re

from kg.nlp.quantities import Quantity
from kg.nlp.segment import Token

# Verbs and adverbs between what is measured and its number: 零售总额实现|1298.6亿元, 面积达|28%.
_LINK = re.compile(
    r"(?:(?:已经|已|共|总共|共计|合计|累计|总计|约|近|大约|达到|达|高达|超过|超|突破|实现|完成|为|是|有|共有|仅有|"
    r"只有|仅|逾|计|约为|分别为|分别|均|在|至|到|也|还|都|则|(?<!收盘)报|收于)+)$"
)
# A comparison before a change: 比上年末|增加50.7万人, 较去年同期|下降.
_COMPARED = re.compile(r"(?:比|较|与)(?:上年|去年|上月|上季度|前年|上一年|同期|年初|上年同期|去年同期)[^，。；]*$")
NOUNISH = ("n", "vn", "nz", "j", "an", "l", "b", "ng", "zg", "eng")
# Where a phrase stops: punctuation, prepositions, conjunctions, pronouns, adverbs, numbers, times, places,
# names, particles (的 ends a phrase read backwards: the measured noun stands after it).
_STOPS = ("x", "p", "c", "r", "d", "m", "q", "t", "u", "f", "ns", "nr", "nt", "s", "y", "e", "o", "w")
_WHOLE = ("全国", "全省", "全市", "全区", "全县", "全年", "全校", "其中", "目前", "当前", "此外", "同时")
_CLAUSE_END = "，。；：、,;:！？（）()【】"
# Units that count acts: 刷脸结算14万余笔, 激活5万余次: the verb before the number is what is counted.
_DISTANCE = re.compile(r"(?:距离|距|离)[^，。；]{1,15}$")
_PAREN = re.compile(r"（[^（）]{0,30}）|\([^()]{0,30}\)")
# Measure words that count things: 35家企业, 8所学校, 5棵树.
_COUNT_UNITS = frozenset("家个所辆套件项座栋条张株头只批场份支款艘架间处双本册章棵部枚块根箱袋瓶盒桶包层节班篇首幅台户")
_ACT_UNITS = ("笔", "次", "人次", "例", "起", "宗", "单", "年", "个月", "周", "天", "小时", "分钟")


def variable(text: str, tokens: tuple[Token, ...], q: Quantity, names: tuple[str, ...] = ()) -> str | None:
    """The measured quantity of q in a sentence (text, its tokens with offsets into text); names are the
    subject's names, which are no part of what is measured.

    >>> from kg.nlp.quantities import find
    >>> text = "全年社会消费品零售总额实现1298.6亿元"
    >>> words = [("全年", "m"), ("社会", "n"), ("消费品", "n"), ("零售总额", "n"), ("实现", "v"), ("1298.6", "m")]
    >>> variable(text, _tokens(words + [("亿元", "m")]), find(text)[0])
    '社会消费品零售总额'
    """
    if q.unit in ("人", "名") and (toll := _TOLL.match(text, q.end)) is not None:
        return _TOLLS[toll.group(1)]  # 共有21人在骚乱中死亡: the number of dead
    distance = _DISTANCE.search(_clause(text, q.begin))
    if distance and q.unit in ("公里", "千米", "米"):
        # 距离某地5公里: the distance from that place (距离人口约9.2万的某市: from the town the 的 ends with)
        lead = re.match(r"距离|距|离", distance.group(0)).group(0)
        return lead + distance.group(0).rsplit("的", 1)[-1] if "的" in distance.group(0) else distance.group(0)
    before = _before(text, tokens, q, names)
    if (share := _SHARE_OF.search(_clause(text, q.begin))) and q.unit == "%":
        # 占总供水量的11.4%: the share of the whole (the caller adds whose); 某产业占全市的38%: that part's
        return before + "占" + share.group(1) + "比例"
    if not before and q.unit in _DIMENSIONS and (dim := _DIMENSION.search(_clause(text, q.begin))):
        return _DIMENSIONS[q.unit][dim.group(1)]  # 长达34米, 重达60吨: 长度, 重量
    if q.unit in ("人", "名") and not measure_noun(before) and (acted := _acted(tokens, q.end)):
        return acted + "人数"  # 4.8万人紧急转移安置, 3人前往报仇: the number of people who did it
    if q.change:
        return (before + ("同比" if "同比" in _clause(text, q.begin) else "") + q.change) if before else None
    after = _after(text, tokens, q.end)
    if after and before.endswith(("公司", "集团", "银行")):
        return after  # 持有的某某有限公司100%股权: the body is whose, the share is what is measured
    if after and not before and q.unit == "%":
        return after + "比例"  # 95%的事故都与人员失误有关: the share of accidents
    if after and (not before or q.unit not in ("元", "%", "‰") and not measure_noun(before)):
        return _count_of(after, q.unit)  # 35家企业: the number of what follows (企业数)
    if before:
        return before
    return _count_of(after, q.unit) if after else None


_SHARE_OF = re.compile(r"占([\u4e00-\u9fff]{2,12})的$")
_LENGTHS = {"长": "长度", "宽": "宽度", "高": "高度", "深": "深度", "厚": "厚度"}
_WEIGHTS = {"重": "重量"}
_DIMENSIONS = {
    **dict.fromkeys(("米", "厘米", "毫米", "公里", "千米"), _LENGTHS),
    **dict.fromkeys(("吨", "公斤", "千克", "克", "斤"), _WEIGHTS),
}
# A dimension written as one character and a linking verb, at the clause's start: 长达34米, 重约60吨.
_DIMENSION = re.compile(r"^(?:全|总|身|高|约)?([长宽高深厚重])(?:达|约|有|为|近|逾|超过)*$")


def _acted(tokens: tuple[Token, ...], pos: int) -> str:
    """The verbs right after a count of people, up to the clause's end or 了: 4.8万人|紧急转移安置，,
    100人参加了会议 -> 参加; not a relative clause (近百名来自各地的网友), nor a noun (5人小组)."""
    words: list[str] = []
    following = None
    for t in tokens:
        if t.end <= pos:
            continue
        if t.begin < pos:
            return ""  # jieba's word runs on past the unit (3人民币)
        if t.flag.startswith("v") or (t.flag in ("a", "ad", "d") and not words and t.word not in _NOT_ACTS):
            words.append(t.word)
            continue
        following = t
        break
    if following is not None and not (following.flag == "x" or following.word in ("了", "过")):
        return ""  # 近百名来自社会各界的网友: a relative clause, the noun comes later
    phrase = "".join(words)
    return phrase if 2 <= len(phrase) <= 8 and words and not phrase.startswith(_NOT_ACTS) else ""


# Words after a count of people that say nothing they did: 3人以上, 5人左右, 100人是, 20人都.
_NOT_ACTS = ("是", "有", "都", "也", "还", "又", "就", "才", "将", "已", "为", "在", "被", "次")


_TOLLS = {
    "死亡": "死亡人数",
    "遇难": "死亡人数",
    "身亡": "死亡人数",
    "丧生": "死亡人数",
    "受伤": "受伤人数",
    "失踪": "失踪人数",
}
_TOLL = re.compile(r"[^，。；\d]{0,6}?(死亡|遇难|身亡|丧生|受伤|失踪)(?![率者])")


def _count_of(noun: str, unit: str | None) -> str:
    """What a count measures: 游客 counted in 名 is 游客人数, 企业 counted in 家 is 企业数; a noun that names a
    quantity already (刷脸终端 in 台 is counted, 面积 is not) or a length of time is left as it is."""
    if measure_noun(noun) or unit in _ACT_UNITS or unit is None:
        return noun
    if unit in ("人", "名", "位"):
        return noun + "人数"
    if unit in _COUNT_UNITS:
        return noun + "数"
    return noun


def _clause(text: str, end: int) -> str:
    """The clause before end; a parenthesis (鞋款总额（426×32.8）为…) does not end it, and reads as spaces."""
    masked = _PAREN.sub(lambda m: "\u3000" * len(m.group(0)), text[:end])
    start = max((masked.rfind(c) for c in _CLAUSE_END), default=-1) + 1
    return masked[start:end]


def _before(text: str, tokens: tuple[Token, ...], q: Quantity, names: tuple[str, ...]) -> str:
    clause = _clause(text, q.begin)
    start = q.begin - len(clause)
    if q.change:  # 营业收入同比下降3.2%: what changed stands before the change word and the comparison
        clause = re.sub(r"(?:同比|环比)?(?:[\u4e00-\u9fff]{1,2})了?(?:约|近|逾|超过)?$", "", clause)
        clause = _COMPARED.sub("", clause).removesuffix("同比").removesuffix("环比")
    clause = re.sub(r"(?:占|超过|相当于)[^，。；的]{0,12}的$", "", clause)  # 激活率超过全省人口的|66%
    # 某总量从2006年的|93吨, 水面宽度也由22日的|5米多
    clause = re.sub(r"(?:从|由)(?:\d{1,4}[年月日号]|去年|上年|前年|今年|年初|年底|月初|期初)*的?$", "", clause)
    clause = _LINK.sub("", clause.rstrip("\u3000"))
    end = start + len(clause)
    words: list[str] = []
    for t in reversed([t for t in tokens if start <= t.begin and t.end <= end]):
        if clause[t.begin - start] == "\u3000":
            continue  # inside a parenthesis
        if t.word in _WHOLE or t.flag.startswith(_STOPS) and not _ACRONYM.fullmatch(t.word):
            break
        if not words and t.flag.startswith("v") and not t.flag.startswith("vn") and not _measure_verb(t.word):
            if q.unit not in _ACT_UNITS and not measure_noun(t.word):  # 激活|率 (jieba: 率/v)
                break  # 来自, 按: a verb alone measures nothing
        words.append(t.word)
    words.reverse()
    phrase = "".join(words)
    for name in names:
        if name and phrase.startswith(name):
            phrase = phrase[len(name) :]
    phrase = re.sub(r"^(?:距离|距)(?=..)", "", phrase)  # 距离|人口约9.2万的某市: the town's population
    acts = (q.unit in _ACT_UNITS or measure_noun(phrase)) and len(phrase) >= 2
    return phrase if len(phrase) >= 2 and (acts or _has_noun(tokens, start, end, phrase)) else ""


def _after(text: str, tokens: tuple[Token, ...], pos: int) -> str:
    """The noun phrase after a count's unit, up to the clause's end: 35家企业 -> 企业; 近百名来自各地的网友 ->
    网友 (a phrase that opens with a verb is a relative clause: its noun stands after 的); 19所贫困受捐学校 ->
    贫困受捐学校; 16所学校的相关资料 -> 学校 (a noun before 的 is what is counted)."""
    words: list[Token] = []
    relative = False
    for t in tokens:
        if (
            t.begin < pos < t.end
            and t.flag.startswith(("n", "m"))
            and _is_han(text[pos])
            and text[pos] not in "为是在有和与及的了"
        ):
            t = Token(text[pos : t.end], "n", pos, t.end)  # 21|个市: jieba's word runs on past the unit
        if t.begin < pos:
            continue
        if t.word in _CLAUSE_END:
            break
        noun_seen = any(w.flag.startswith(NOUNISH) for w in words)
        if t.word == "的":
            if noun_seen and not relative:
                break
            words, relative = [], False
            continue
        if (
            not words
            and (t.flag.startswith("v") and not t.flag.startswith("vn") or t.word in ("在", "从", "由", "被"))
            and "的" in _rest_of_clause(text, t.begin)
        ):
            relative = True  # 来自…的网友, 在戈壁上散步的骆驼 (but 参保群众: a verb and its noun)
        if relative:
            words.append(t)
            continue
        if t.flag.startswith(("x", "p", "c", "r", "d", "m", "u")) and t.word not in "“”":
            break
        if t.flag.startswith("v") and not t.flag.startswith("vn") and noun_seen:
            break  # 200多家住户|参加: the verb after the noun ends it
        words.append(t)
    if relative:
        return ""
    while words and not (words[-1].flag.startswith(NOUNISH) and any(_is_han(c) for c in words[-1].word)):
        words.pop()
    phrase = "".join(w.word for w in words).strip("“”")
    if len(phrase) == 1 and _is_han(phrase):  # 21个市: a count of cities (17.5公里处: a place, no count)
        return phrase if phrase not in "处外内里上下前后左右旁间仍均都也还就才又再已未不没将被" else ""
    return phrase if len(phrase) >= 2 else ""


def _rest_of_clause(text: str, pos: int) -> str:
    end = min((i for c in _CLAUSE_END if (i := text.find(c, pos)) >= 0), default=len(text))
    return text[pos:end]


def measure_noun(phrase: str) -> bool:
    """A phrase that names a quantity itself (面积, 总额, 人数, 比例): what the number measures."""
    return phrase.endswith(
        (
            "额",
            "量",
            "数",
            "率",
            "积",
            "值",
            "比例",
            "收入",
            "支出",
            "规模",
            "价",
            "费",
            "款",
            "重",
            "度",
            "长",
            "宽",
            "高",
            "产值",
            "人口",
        )
    )


def _measure_verb(word: str) -> bool:
    """Verbs that, written before a number, name a quantity themselves (收入, 投资 …)."""
    return word in (
        "收入",
        "支出",
        "投资",
        "消费",
        "出口",
        "进口",
        "成交",
        "销售",
        "捐款",
        "结余",
        "募集",
        "损失",
        "植树",
        "受灾",
        "增长",
        "减少",
        "死亡",
        "受伤",
        "占地",
        "耗资",
        "融资",
        "贷款",
        "花费",
        "排放",
        "收受",
        "受贿",
        "贪污",
        "挪用",
        "赔偿",
        "缴纳",
        "存款",
        "收盘",
        "开盘",
    )


def _has_noun(tokens: tuple[Token, ...], start: int, end: int, phrase: str) -> bool:
    inside = [t for t in tokens if start <= t.begin and t.end <= end and t.word in phrase]
    return any(t.flag.startswith(NOUNISH) or _measure_verb(t.word) or _ACRONYM.fullmatch(t.word) for t in inside)


# An acronym in capitals (GDP, CPI) is a noun, though jieba tags it as a foreign word.
_ACRONYM = re.compile(r"[A-Z]{2,5}")


def _is_han(c: str) -> bool:
    return "\u4e00" <= c <= "\u9fff"


def _tokens(pairs) -> tuple[Token, ...]:
    """Tokens from (word, flag) pairs, with offsets, for examples."""
    out, pos = [], 0
    for word, flag in pairs:
        out.append(Token(word, flag, pos, pos + len(word)))
        pos += len(word)
    return tuple(out)
