"""Every input form (page, article, Markdown, folder, JSON Lines, encodings) and every bad input."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from kg.errors import InputError
from kg.ingest import read_articles

ARTICLE = (
    "某市召开经济工作会议\n\n本报讯（记者 王一） 昨日，某市召开经济工作会议，部署明年工作。\n会议指出，要稳中求进。\n"
)


def write(path, text, encoding="utf-8"):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return path


ENCODINGS = [
    ("utf-8", "utf-8"),
    ("utf-8-sig", "utf-8-bom"),
    ("gb18030", "gb18030"),
    ("gbk", "gbk"),
    ("utf-16", "utf-16-bom"),
]


@pytest.mark.parametrize("encoding", [e[0] for e in ENCODINGS], ids=[e[1] for e in ENCODINGS])
def test_sources_encodings(tmp_path, encoding):
    (a,) = read_articles([write(tmp_path / "a.txt", ARTICLE, encoding)])
    assert a.headlines == ("某市召开经济工作会议",)
    assert a.text.startswith("本报讯（记者王一）昨日，某市召开经济工作会议")
    assert a.authors == ("王一",)


def test_sources_single_article_id_is_the_stem(tmp_path):
    (a,) = read_articles([write(tmp_path / "meeting.txt", ARTICLE)])
    assert a.id == "meeting"


def test_sources_markdown(tmp_path):
    md = "# 某县举行招聘会\n\n三百家**企业**参加，提供[岗位](http://example.com)五千个。\n\n## 现场\n\n求职者排起长队。\n"
    (a,) = read_articles([write(tmp_path / "a.md", md)])
    assert a.headlines == ("某县举行招聘会",)
    assert [p.kind for p in a.paragraphs] == ["body", "subhead", "body"]
    assert a.paragraphs[0].text == "三百家企业参加，提供岗位五千个。"
    source = (tmp_path / "a.md").read_text("utf-8")
    assert all(source[a.offsets[i]] == c for i, c in enumerate(a.text) if c != "\n")


def test_sources_folder_recursive_sorted(tmp_path):
    write(tmp_path / "b" / "z.txt", ARTICLE)
    write(tmp_path / "a.md", "# 标题一\n\n正文一句。\n")
    write(tmp_path / "b" / "notes.csv", "a,b\n")  # not an input kind: ignored in folders
    got = read_articles([tmp_path])
    assert [a.id for a in got] == ["a", "z"]


def test_sources_jsonl(tmp_path):
    lines = [
        {"id": "x1", "headline": "标题一", "text": "第一段。\n第二段。", "date": "2023-12-27", "source": "某报"},
        {"title": "标题二", "content": "只有一段。", "url": "http://example.com/2"},
    ]
    path = write(tmp_path / "a.jsonl", "\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n")
    one, two = read_articles([path], date=dt.date(2024, 1, 1))
    assert (one.id, one.headline, len(one.paragraphs), one.date, one.meta.source) == (
        "x1",
        "标题一",
        2,
        dt.date(2023, 12, 27),
        "某报",
    )
    assert (two.id, two.headline, two.date, two.meta.url, two.line) == (
        "a-L2",
        "标题二",
        dt.date(2024, 1, 1),
        "http://example.com/2",
        2,
    )


def test_sources_sidecar_metadata_and_date_fallback(tmp_path):
    path = write(tmp_path / "p.txt", ARTICLE)
    write(tmp_path / "p.meta.toml", 'source = "某报"\nlocale = "四川省成都市"\n')
    (a,) = read_articles([path], date=dt.date(2023, 12, 27))
    assert (a.meta.source, a.meta.locale, a.date) == ("某报", "四川省成都市", dt.date(2023, 12, 27))
    write(tmp_path / "p.meta.toml", 'source = "某报"\ndate = 2020-01-02\n')
    (a,) = read_articles([path], date=dt.date(2023, 12, 27))
    assert a.date == dt.date(2020, 1, 2)


def test_sources_date_line_gives_the_date(tmp_path):
    """2008年04月05日 09:12 on a line of its own is the article's date, not its text."""
    (a,) = read_articles([write(tmp_path / "a.txt", "2008年04月05日 09:12\n昨天下午，一辆客车与农用车相撞。\n")])
    assert a.date == dt.date(2008, 4, 5)
    assert a.text == "昨天下午，一辆客车与农用车相撞。"


BAD_FILES = [
    (b"", "empty file", "empty"),
    (b"  \n\n", "empty file", "blank"),
    (bytes(range(256)) * 8, "binary data", "binary"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + b"\x00" * 64, "binary data", "png"),
]


@pytest.mark.parametrize("data,message", [b[:2] for b in BAD_FILES], ids=[b[2] for b in BAD_FILES])
def test_sources_bad_file(tmp_path, data, message):
    path = write(tmp_path / "bad.txt", data)
    with pytest.raises(InputError) as e:
        read_articles([path])
    assert str(e.value).startswith(f"{path}: ") and message in str(e.value)


BAD_RECORDS = [
    ('{"headline": "标题", "text": "正文。"}\n{"headline": "标题"\n', 2, "not valid JSON", "bad-json"),
    ('["a list"]\n', 1, "must be an object", "not-object"),
    ('{"headline": "标题"}\n', 1, "no 'text'", "no-text"),
    ('{"text": "正文。"}\n', 1, "no 'headline'", "no-headline"),
    ('{"headline": "标题", "text": "正文。", "date": "yesterday"}\n', 1, "not a date", "bad-date"),
]


@pytest.mark.parametrize("data,line,message", [b[:3] for b in BAD_RECORDS], ids=[b[3] for b in BAD_RECORDS])
def test_sources_bad_jsonl_record(tmp_path, data, line, message):
    path = write(tmp_path / "bad.jsonl", data)
    with pytest.raises(InputError) as e:
        read_articles([path])
    assert str(e.value).startswith(f"{path}:{line}: ") and message in str(e.value)


def test_sources_missing_path(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        read_articles([tmp_path / "nope.txt"])


def test_sources_folder_without_text(tmp_path):
    write(tmp_path / "x.csv", "a,b\n")
    with pytest.raises(InputError, match="no text files"):
        read_articles([tmp_path])


def test_sources_bad_file_in_folder_is_reported_and_skipped(tmp_path):
    write(tmp_path / "a.txt", ARTICLE)
    write(tmp_path / "b.txt", bytes(range(256)) * 8)
    write(tmp_path / "c.jsonl", '{"headline": "标题", "text": "正文。"}\nnot json\n')
    problems = []
    got = read_articles([tmp_path], report=problems.append)
    assert [a.id for a in got] == ["a", "c-L1"]
    assert [(p.path.endswith(name), p.line) for p, name in zip(problems, ["b.txt", "c.jsonl"], strict=True)] == [
        (True, None),
        (True, 2),
    ]


def test_sources_bad_sidecar_names_file_and_line(tmp_path):
    path = write(tmp_path / "p.txt", ARTICLE)
    write(tmp_path / "p.meta.toml", 'source = "某报"\nlocale = \n')
    with pytest.raises(InputError) as e:
        read_articles([path])
    assert str(e.value).startswith(f"{tmp_path / 'p.meta.toml'}:2: ")


def test_sources_same_id_different_text_is_an_error(tmp_path):
    write(tmp_path / "a" / "x.txt", ARTICLE)
    write(tmp_path / "b" / "x.txt", "另一篇文章。\n")
    with pytest.raises(InputError, match="also used by"):
        read_articles([tmp_path])


def test_sources_same_file_twice_is_read_once(tmp_path):
    path = write(tmp_path / "a.txt", ARTICLE)
    assert len(read_articles([path, path, tmp_path])) == 1


EMPTY_RECORDS = (
    '{"headline": "标题", "text": "正文。"}\n{"headline": "空", "text": ""}\n{"headline": "空白", "text": "  \\n "}\n'
)


@pytest.mark.parametrize("in_folder", [False, True], ids=["named", "in-folder"])
def test_sources_empty_records_are_skipped_with_a_warning_each_everywhere(tmp_path, in_folder):
    """53 of 300 Sogou records have an empty content: skipped, one line each, whether the file was named
    or found in a folder (the file named stopped the build before)."""
    path = write(tmp_path / "news.jsonl", EMPTY_RECORDS)
    said = []
    found = read_articles([tmp_path if in_folder else path], report=said.append)
    assert [a.headline for a in found] == ["标题"]
    assert [(e.line, e.message) for e in said] == [(2, "record has no text"), (3, "record has no text")]


def test_sources_fields_are_mapped_to_a_file_s_own_keys(tmp_path):
    """--field id=docno --field date=date_from_url --field text=content: a dump's own field names."""
    path = write(
        tmp_path / "dump.jsonl",
        '{"docno": "d-7", "date_from_url": "2012-07-06", "title": "某市召开会议", "content": "某市今天召开会议。"}\n',
    )
    (a,) = read_articles([path], fields={"id": "docno", "date": "date_from_url", "text": "content"})
    assert (a.id, a.date.isoformat(), a.headline, a.text) == ("d-7", "2012-07-06", "某市召开会议", "某市今天召开会议。")
    with pytest.raises(InputError, match=r"no 'text' field \('body'; map another key with --field\)"):
        read_articles([path], fields={"text": "body"})
