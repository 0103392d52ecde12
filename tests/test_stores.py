"""The Oxigraph store: build into it, again (nothing changes), remove articles, export, validate, and kill a build."""

from __future__ import annotations

import subprocess
import sys
import time

import pytest

from kg.cli import cli
from kg.store.oxigraph import LocalStore
from tests.conftest import ROOT, exited_while_waiting

SEEDS = ROOT / "seeds"
SEED_PAGE = SEEDS / "000_a519de1940e34702.txt"


def build(runner, store_dir, *inputs):
    result = runner.invoke(cli, ["build", *map(str, inputs), "--date", "2023-12-27", "--store", str(store_dir)])
    assert result.exit_code == 0, result.output
    return result


def export(runner, store_dir, tmp_path, name="out.nq"):
    out = tmp_path / name
    result = runner.invoke(cli, ["export", "--store", str(store_dir), "-o", str(out)])
    assert result.exit_code == 0, result.output
    return out.read_bytes()


def test_stores_build_then_export_equals_the_file_build(runner, tmp_path):
    build(runner, tmp_path / "st", SEEDS)
    direct = tmp_path / "direct.nq"
    assert runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "-o", str(direct)]).exit_code == 0
    assert export(runner, tmp_path / "st", tmp_path) == direct.read_bytes()


def test_stores_adding_the_same_folder_twice_changes_nothing(runner, tmp_path):
    build(runner, tmp_path / "st", SEEDS)
    first = export(runner, tmp_path / "st", tmp_path, "a.nq")
    build(runner, tmp_path / "st", SEEDS)
    assert export(runner, tmp_path / "st", tmp_path, "b.nq") == first


def test_stores_remove_retracts_the_article_and_entities_only_it_mentions(runner, tmp_path):
    """Page article 06 alone names 余辉 and 成都高新区管委会: removing it removes them; 成都市 stays."""
    build(runner, tmp_path / "st", SEEDS)
    result = runner.invoke(cli, ["remove", "000_a519de1940e34702-06", "--store", str(tmp_path / "st")])
    assert result.exit_code == 0 and "removed 1 of 1" in result.output
    text = export(runner, tmp_path / "st", tmp_path).decode("utf-8")
    assert "000_a519de1940e34702-06" not in text
    assert '"余辉"@zh' not in text and "成都高新区管委会" not in text
    assert '"成都市"@zh' in text


def test_stores_remove_unknown_article_says_so(runner, tmp_path):
    build(runner, tmp_path / "st", SEEDS)
    result = runner.invoke(cli, ["remove", "no-such-article", "--store", str(tmp_path / "st")])
    assert "removed 0 of 1" in result.output and "no article no-such-article" in result.output


def test_stores_query_validate_and_serve_accept_the_store(runner, tmp_path):
    build(runner, tmp_path / "st", SEEDS)
    result = runner.invoke(cli, ["query", "holders-of-role", "-p", "role=记者", "--store", str(tmp_path / "st")])
    assert result.exit_code == 0 and "杨升涛" in result.output
    result = runner.invoke(cli, ["validate", "--store", str(tmp_path / "st")])
    assert result.exit_code == 0 and result.output.splitlines()[-1].startswith("conforms")


def test_stores_validate_finds_a_bad_triple_in_the_union_and_per_graph(runner, tmp_path):
    """kg validate --store checks the store's union (each triple once); --per-graph names the graph."""
    import pyoxigraph as ox

    build(runner, tmp_path / "st", SEEDS)
    raw = ox.Store(str(tmp_path / "st"))
    g = ox.NamedNode("https://example.org/kg/article/000_a519de1940e34702-06")
    bad = (ox.NamedNode("https://example.org/kg/person/某人"), ox.NamedNode("https://schema.org/name"), ox.Literal("x"))
    person = ox.NamedNode("https://schema.org/Person")
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
    for graph in (g, ox.DefaultGraph()):
        raw.extend([ox.Quad(*bad, graph), ox.Quad(bad[0], rdf_type, person, graph)])
    del raw
    result = runner.invoke(cli, ["validate", "--store", str(tmp_path / "st")])
    assert result.exit_code == 1 and "exactly one name tagged @zh" in result.output
    result = runner.invoke(cli, ["validate", "--store", str(tmp_path / "st"), "--per-graph", "--format", "json"])
    assert result.exit_code == 1 and g.value in result.output


def test_stores_export_of_a_missing_store_exits_2(runner, tmp_path):
    result = runner.invoke(cli, ["export", "--store", str(tmp_path / "none"), "-o", str(tmp_path / "x.nq")])
    assert result.exit_code == 2 and "no store there" in result.output


def test_stores_a_killed_build_leaves_whole_articles_only(tmp_path):
    """Kill a build of many pages half-way: every graph in the store is an article's whole graph."""
    pages = tmp_path / "pages"
    pages.mkdir()
    text = SEED_PAGE.read_text("utf-8")
    for k in range(80):
        (pages / f"p{k:02d}.txt").write_text(text, "utf-8")
        (pages / f"p{k:02d}.meta.toml").write_text('locale = "四川省成都市"\n', "utf-8")
    store_dir = tmp_path / "st"
    cmd = [sys.executable, "-m", "kg", "build", "--date", "2023-12-27", "--store"]
    proc = subprocess.Popen([*cmd, str(store_dir), str(pages)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        _wait_for_articles(store_dir, proc)  # the build is writing, and stopped: kill it there
    finally:
        proc.kill()  # SIGKILL (a stopped process dies of it too), nothing if the build already ended
        proc.wait()
    # The reference: one page built whole, in a store of its own.
    one = tmp_path / "one"
    one.mkdir()
    (one / "p00.txt").write_text(text, "utf-8")
    (one / "p00.meta.toml").write_text('locale = "四川省成都市"\n', "utf-8")
    subprocess.run([*cmd, str(tmp_path / "ref"), str(one)], check=True, stdout=subprocess.DEVNULL)
    reference = _graphs(LocalStore(tmp_path / "ref", read_only=True))
    found = _graphs(LocalStore(store_dir, read_only=True))
    assert 0 < len(found) < 480, "the kill should fall in the middle of the build"
    for name, triples in found.items():
        page, number = name.rsplit("/article/", 1)[-1].split("-")
        want = {tuple(_rename(x, "p00", page) for x in t) for t in reference[name.replace(page + "-", "p00-")]}
        assert triples == want, f"{name} is not a whole article"
    assert _default_graph(store_dir) == _union(store_dir), "the union went out of step with the graphs"


def _wait_for_articles(store_dir, proc, deadline: float = 600.0) -> None:
    """Until the store being built holds an article graph, then return with the build stopped (SIGSTOP),
    for the caller's SIGKILL to land wherever it stopped. Each check is made while the build is stopped,
    so a slow check on a loaded machine cannot let the build run to its end unseen; between checks the
    build runs for as long as the wait on its exit lasts. The deadline only bounds a build that hangs."""
    import signal

    import pyoxigraph as ox

    from kg.store import model

    end = time.monotonic() + deadline
    while time.monotonic() < end:
        proc.send_signal(signal.SIGSTOP)
        if _holds_an_article(store_dir, ox, model.META):
            return
        proc.send_signal(signal.SIGCONT)
        if exited_while_waiting(proc, 0.05):
            break
    raise AssertionError("the build wrote no article before it ended or the deadline passed")


def _holds_an_article(store_dir, ox, meta) -> bool:
    """Whether a read-only open of the store sees an article graph; False while the store or its column
    families do not exist yet."""
    try:
        graphs = ox.Store.read_only(str(store_dir)).named_graphs()
    except (OSError, RuntimeError):
        return False
    return any(g.value != str(meta) for g in graphs)


def _default_graph(store_dir) -> set:
    import pyoxigraph as ox

    st = ox.Store.read_only(str(store_dir))
    return {(q.subject, q.predicate, q.object) for q in st.quads_for_pattern(None, None, None, ox.DefaultGraph())}


def _union(store_dir) -> set:
    import pyoxigraph as ox

    from kg.store import model

    st = ox.Store.read_only(str(store_dir))
    meta = ox.NamedNode(str(model.META))  # the store's own record, in no article
    return {(q.subject, q.predicate, q.object) for q in st if q.graph_name not in (ox.DefaultGraph(), meta)}


def test_stores_default_graph_is_the_union_after_build_remove_and_rebuild(runner, tmp_path):
    """Queries read the default graph: it must hold exactly the triples some article graph states."""
    st = tmp_path / "st"
    build(runner, st, SEEDS)
    full = _union(st)
    assert _default_graph(st) == full
    assert runner.invoke(cli, ["remove", "000_a519de1940e34702-06", "--store", str(st)]).exit_code == 0
    assert _default_graph(st) == _union(st) < full
    build(runner, st, SEEDS)
    assert _default_graph(st) == _union(st) == full


OLD_STORE_COMMANDS = [
    ["query", "counts-by-type", "--store"],
    ["sparql", "ASK { ?s ?p ?o }", "--store"],
    ["serve", "--port", "1", "--store"],
    ["build", str(SEED_PAGE), "--date", "2023-12-27", "--store"],
    ["export", "-o", "-", "--store"],
    ["validate", "--store"],
    ["remove", "x", "--store"],
]


@pytest.mark.parametrize("stamp", ["none", "1"], ids=["kg-0.1-no-record", "model-1"])
@pytest.mark.parametrize("args", OLD_STORE_COMMANDS, ids=[a[0] for a in OLD_STORE_COMMANDS])
def test_stores_a_store_of_an_older_model_is_refused_in_one_line(runner, tmp_path, stamp, args):
    """A store built before the membership model (posts' evidence on the shared post node) would answer
    posts-of-person with other holders' sentences: every command refuses it, exit 2, one line."""
    import pyoxigraph as ox

    from kg.store import model

    folder = tmp_path / "st"
    raw = ox.Store(str(folder))
    g = ox.NamedNode("https://example.org/kg/article/a")
    raw.add(ox.Quad(ox.NamedNode("https://example.org/x"), ox.NamedNode("https://schema.org/name"), ox.Literal("x"), g))
    if stamp != "none":
        raw.update(
            f"INSERT DATA {{ GRAPH {model.META.n3()} {{ {model.META.n3()} <{model.KG.modelVersion}> {stamp} }} }}"
        )
    raw.flush()
    del raw
    result = runner.invoke(cli, [*args, str(folder)])
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "data model 1" in lines[0] and "build the store again" in lines[0], result.output


def test_stores_a_new_store_records_its_model_and_keeps_it_out_of_exports(runner, tmp_path):
    from kg.store import model

    build(runner, tmp_path / "st", SEED_PAGE)
    st = LocalStore(tmp_path / "st", read_only=True)
    assert str(model.META) not in st.graphs() and len(st.graphs()) == 6
    assert model.check(st) is False  # this model's store: nothing to stamp, nothing to refuse
    assert str(model.META).encode() not in export(runner, tmp_path / "st", tmp_path)


def _graphs(st: LocalStore) -> dict:
    out: dict = {}
    for s, p, o, g in st.dataset().quads((None, None, None, None)):
        out.setdefault(str(getattr(g, "identifier", g)), set()).add((s, p, o))
    return out


def _rename(term, old, new):
    """The same triple for another copy of the page: IRIs and the article's identifier name the copy."""
    from rdflib import Literal, URIRef

    if isinstance(term, URIRef):
        return URIRef(str(term).replace(old, new))
    if isinstance(term, Literal) and str(term).startswith(old + "-"):
        return Literal(str(term).replace(old, new, 1), lang=term.language, datatype=term.datatype)
    return term


def test_stores_jobs_give_the_same_bytes(runner, tmp_path):
    """--jobs 2 extracts in two processes; the graph is byte-identical to --jobs 1."""
    pages = tmp_path / "pages"
    pages.mkdir()
    for k in range(3):
        (pages / f"p{k}.txt").write_text(SEED_PAGE.read_text("utf-8"), "utf-8")
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"j{jobs}.nq"
        result = runner.invoke(cli, ["build", str(pages), "--date", "2023-12-27", "-o", str(out), "--jobs", jobs])
        assert result.exit_code == 0, result.output
        outs.append(out.read_bytes())
    assert outs[0] == outs[1] and outs[0]


def test_stores_progress_is_silent_off_a_terminal(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "-o", str(tmp_path / "x.nq")])
    assert result.exit_code == 0 and "articles," not in result.output


def test_stores_progress_line_counts_articles(monkeypatch, capsys):
    from kg.cli.progress import Progress

    monkeypatch.setattr("sys.stderr.isatty", lambda: True, raising=False)
    with Progress(every=0) as bar:
        bar.enabled = True
        bar.update(3, 6)
        bar.update(6, 6)
    err = capsys.readouterr().err
    assert "6/6 articles" in err and "/s" in err


def test_stores_build_reports_a_cycle_across_articles_already_in_the_store(runner, tmp_path, monkeypatch):
    """One run says 甲 lies in 乙, a later one says 乙 lies in 甲: the store build finds the cycle."""
    import kg.pipeline as pipeline
    from kg.extract.facts import Contained, Entity, Evidence

    real = pipeline.extract
    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("甲地的消息。\n", "utf-8")
    second.write_text("乙地的消息。\n", "utf-8")

    def with_link(article):
        child, parent = ("甲", "乙") if article.id == "a" else ("乙", "甲")
        ev = Evidence(article.id, 0, 5, article.text[:5])
        return [
            *real(article),
            Contained(evidence=ev, child=Entity("place", child), parent=Entity("place", parent), source="text"),
        ]

    monkeypatch.setattr(pipeline, "extract", with_link)
    assert runner.invoke(cli, ["build", str(first), "--store", str(tmp_path / "st")]).exit_code == 0
    result = runner.invoke(cli, ["build", str(second), "--store", str(tmp_path / "st")])
    assert result.exit_code == 0
    assert "containment cycle" in result.output and "quarantined\t2" in result.output
    assert "甲" in result.output and "乙" in result.output, "nodes on the cycle are named (read with describe)"


def test_stores_writer_keeps_order_and_hands_back_a_failed_write():
    """Store writes run in a thread of their own: in the order given, and a failure is not lost."""
    import pytest

    from kg.errors import InputError
    from kg.store.writer import Writer

    class Target:
        def __init__(self):
            self.done = []

        def put(self, graph, triples):
            if graph == "bad":
                raise InputError("store", "PUT of bad answered 500")
            self.done.append(graph)

    good = Target()
    writer = Writer(good)
    for k in range(200):
        writer.put(f"g{k}", [])
    writer.close()
    assert good.done == [f"g{k}" for k in range(200)]

    failing = Target()
    writer = Writer(failing)
    writer.put("a", [])
    writer.put("bad", [])
    with pytest.raises(InputError, match="answered 500"):
        writer.close()
    writer.stop()  # again: nothing


def test_stores_writer_groups_what_queued_up_into_one_transaction_in_order():
    """A writer hands the articles that queued up while it wrote to put_many, in the order given."""
    import threading

    from kg.store.writer import Writer

    queued = threading.Event()

    class Target:
        def __init__(self):
            self.calls = []

        def put_many(self, items):
            assert queued.wait(timeout=120)  # the writer waits here until every put has queued up
            self.calls.append([g for g, _ in items])

    target = Target()
    writer = Writer(target, group=8)
    for k in range(50):  # fewer than the queue's depth (64): no put blocks
        writer.put(f"g{k}", [])
    queued.set()
    writer.close()
    assert [g for call in target.calls for g in call] == [f"g{k}" for k in range(50)]
    assert max(len(call) for call in target.calls) <= 8 and len(target.calls) < 50


def test_stores_one_transaction_may_replace_an_article_it_wrote_itself(tmp_path):
    """The same article twice in one put_many: the second replaces the first, in its graph and the union."""
    from rdflib import Literal, URIRef

    st = LocalStore(tmp_path / "st")
    g, s, p = URIRef("https://example.org/kg/article/a"), URIRef("https://example.org/kg/x"), URIRef("urn:p")
    st.put_many([(g, [(s, p, Literal("old"))]), (g, [(s, p, Literal("new"))])])
    import pyoxigraph as ox

    union = {(q.subject.value, q.object.value) for q in st.ox.quads_for_pattern(None, None, None, ox.DefaultGraph())}
    named = {(q.subject.value, q.object.value) for q in st.ox.quads_for_pattern(None, None, None, ox.NamedNode(g))}
    assert union == named == {(str(s), "new")}
