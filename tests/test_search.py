"""The search index beside a store: built with the store, found by prefix and substring, ranked by
mentions; kg search; rebuilt by kg remove and by a reader that finds it stale."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys

import pytest

from kg.query import search
from kg.rdf.iris import Minter
from tests.conftest import ROOT

KG = [sys.executable, "-m", "kg"]
SEED_ARTICLE = "000_a519de1940e34702-02"


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    """The seed page built into an Oxigraph store, which writes the index beside it."""
    folder = tmp_path_factory.mktemp("search") / "store"
    build = [*KG, "build", str(ROOT / "seeds"), "--date", "2023-12-27", "--quiet", "--store", str(folder)]
    subprocess.run(build, check=True, capture_output=True)
    return folder


@pytest.fixture(scope="module")
def index(store):
    found = search.Index(store / search.INDEX)
    yield found
    found.close()


class Engine:
    """An engine whose graph is empty: the index holds only what a test gives it."""

    def query(self, text):
        from kg.store.engine import Result

        return Result("select", rows=[])


def kg_search(*args):
    done = subprocess.run([*KG, "search", *args], capture_output=True, text=True)
    return done.returncode, done.stdout, done.stderr


def test_search_index_is_built_beside_the_store_with_its_revision(store, index):
    assert (store / search.INDEX).is_file()
    assert index.version == "store:" + (store / "kg-revision").read_text().strip()
    counts = index.counts()
    assert counts["person"] >= 15 and counts["article"] == 6 and counts["event"] == 6


@pytest.mark.parametrize(
    "text,kind,first",
    [
        ("王勇", None, "王勇"),  # the exact name first
        ("勇", "person", "戴志勇"),  # one character: from the table of pieces (ties: by name)
        ("医疗保障", "organization", "四川省医疗保障局"),  # a substring in the middle, through the trigrams
        ("省医保局", "organization", "四川省医疗保障局"),  # an other name (alias) finds the thing
        ("成都", "place", "成都市"),  # an alias that is the exact text ranks first
    ],
)
def test_search_finds_by_prefix_substring_and_alias(index, text, kind, first):
    page = index.search(text, kind=kind)
    assert page.total >= 1 and page.hits[0].name == first
    assert all(text.casefold() in (h.name + h.matched).casefold() or h.matched for h in page.hits)


def test_search_ranks_by_mentions_after_the_exact_name(index):
    hits = index.search("成都").hits
    assert hits[0].name == "成都市"  # its alias is the text itself
    rest = [h for h in hits[1:] if h.kind != "article"]
    assert [h.mentions for h in rest] == sorted((h.mentions for h in rest), reverse=True)


@pytest.mark.parametrize("text", ["", "   ", "不存在的名字", '"', "a%_", "AND OR NEAR"])
def test_search_odd_texts_find_nothing_and_fail_nothing(index, text):
    page = index.search(text)
    assert page.total == 0 and page.hits == []


def test_browse_pages_and_sorts(index):
    total = index.counts()["organization"]
    first, second = index.browse("organization", "name", 20, 0), index.browse("organization", "name", 20, 20)
    names = [h.name for h in first.hits + second.hits]
    assert first.total == total and len(names) == total and names == sorted(names)
    by_mentions = [h.mentions for h in index.browse("place", "mentions", 50).hits]
    assert by_mentions == sorted(by_mentions, reverse=True)
    dates = [h.date for h in index.browse("event", "date", 50).hits if h.date]
    assert dates == sorted(dates, reverse=True)


def test_kg_search_prints_a_table_and_json(store):
    code, out, _ = kg_search("医保局", "--store", str(store), "--type", "organization")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split("\t") == list(["kind", "name", "matched", "mentions", "date", "detail", "iri"])
    assert lines[1].split("\t")[1] == "四川省医疗保障局"
    code, out, _ = kg_search("王勇", "--store", str(store), "--json")
    hit = json.loads(out.splitlines()[0])
    assert hit["name"] == "王勇" and hit["kind"] == "person" and "新闻发言人" in hit["detail"]


def test_kg_search_on_files_builds_its_index_on_the_fly(seed_graph):
    code, out, _ = kg_search("锦江", "--data", str(seed_graph), "--type", "place")
    assert code == 0 and "锦江区" in out


@pytest.mark.parametrize("args", [["王", "--type", "people"], ["", "--data", "x.ttl"], ["王"]])
def test_kg_search_bad_arguments_exit_2(args, tmp_path):
    code, _, err = kg_search(*args)
    assert code == 2 and "Traceback" not in err


def test_remove_rebuilds_the_index_and_keeps_other_articles_quarantine(tmp_path):
    """kg remove takes the article's things out of the index; a stale index is rebuilt by its reader."""
    folder = tmp_path / "store"
    subprocess.run(
        [*KG, "build", str(ROOT / "seeds"), "--date", "2023-12-27", "--quiet", "--store", str(folder)],
        check=True,
        capture_output=True,
    )
    before = search.Index(folder / search.INDEX)
    assert before.search("邓顺涛").total == 1
    before.close()
    subprocess.run([*KG, "remove", SEED_ARTICLE, "--store", str(folder)], check=True, capture_output=True)
    after = search.Index(folder / search.INDEX)
    assert after.search("邓顺涛").total == 0
    assert str(Minter("https://example.org/kg/").article(SEED_ARTICLE)) not in {
        h.iri for h in after.browse("article", "name", 50).hits
    }
    after.close()
    # An index of another layout (or an older store's) is rebuilt by the reader, not trusted.
    with sqlite3.connect(folder / search.INDEX) as db:
        db.execute("UPDATE meta SET value = 'store:old' WHERE key = 'version'")
    code, out, _ = kg_search("成都", "--store", str(folder))
    assert code == 0 and "成都市" in out
    assert search.Index(folder / search.INDEX).version != "store:old"


def test_the_quarantine_is_kept_in_the_index_by_article(tmp_path):
    """A fact a shape rejects is listed with its article in the index (the article page shows it)."""
    from kg.query.search import Flagged

    path = tmp_path / search.INDEX
    flagged = {"https://example.org/kg/article/a": [Flagged('{"type": "post"}', "某句。", "职务缺少名称")]}
    search.build(Engine(), path, "v1", flagged)
    index = search.Index(path)
    assert index.quarantine("https://example.org/kg/article/a") == flagged["https://example.org/kg/article/a"]
    assert index.quarantine("https://example.org/kg/article/b") == []


def test_a_replaced_index_stays_readable_for_requests_that_hold_it(store, tmp_path):
    """The store changes while a request reads the old index: the new one is built beside, and the old
    one is not closed under the request (closing it there crashed the server under load)."""
    from kg.store import open_store

    version = ["v1"]
    keeper = search.Keeper(tmp_path / search.INDEX, lambda: open_store(store), lambda: version[0])
    old = keeper.current()
    version[0] = "v2"
    new = keeper.current()
    assert new is not old and new.version == "v2"
    assert old.search("王勇").total == 1 and new.search("王勇").total == 1


def test_a_readers_rebuild_leaves_the_builds_own_index_alone(tmp_path):
    """kg build wrote the index for this version (with its quarantine); a reader that raced it and
    rebuilt for the same version does not replace it."""
    from kg.query.search import Flagged

    path = tmp_path / search.INDEX
    kept = {"https://example.org/kg/article/a": [Flagged("{}", "某句。", "某条消息")]}
    search.build(Engine(), path, "v1", kept)
    search.build(Engine(), path, "v1", force=False)  # the reader's
    assert search.Index(path).quarantine("https://example.org/kg/article/a") == kept["https://example.org/kg/article/a"]
    search.build(Engine(), path, "v2", force=False)  # a newer version is written
    assert search.Index(path).version == "v2"


@pytest.mark.parametrize("text", ["ab\x00", "\x00\x00\x00", "王\ud800勇", "\x1b[31m"])
def test_search_drops_control_characters_and_lone_surrogates(index, text):
    index.search(text)  # no sqlite3.OperationalError (FTS5's parser stops at NUL)


def test_a_store_kg_may_not_write_to_is_read_through_its_own_index_first(store):
    places = search.place_for(str(store))
    assert places[0] == store / search.INDEX
