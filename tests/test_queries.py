"""Saved queries: headers, typed parameters, hostile values, every query on the seed graph, same rows on every engine."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.cli import cli
from kg.query import saved
from kg.store import memory, open_store

# Each saved query with parameters for the seed graph and rows it must return (a subset, by column).
EXPECTED = {
    "posts-of-person": ({"person": "邓涛"}, {("成都市委组织部", "部长"), ("小区治理工作专班", "组长")}),
    "people-in-organization": (
        {"organization": "成都市委"},
        {("邓涛", "成都市委组织部", "部长"), ("陈麟", "成都市委政法委", "书记")},
    ),
    "organization-hierarchy": ({"organization": "成都市委组织部"}, {("above", "成都市委")}),
    "places-within": ({"place": "锦江区"}, {("府河小区", "锦江区"), ("春熙路时尚商圈", "锦江区")}),
    "events-between": (
        {"from": "2023-12-01", "to": "2023-12-31"},
        {("2023-12-12", "锦江区建设国际一流商圈暨成渝双城核心商圈指数发布会")},
    ),
    "event-participants": (
        {"event": "四川省金融学会2023年第四期交子讲堂"},
        {("organizer", "中国人民大学"), ("released", "2023天府金融指数")},
    ),
    "statistics-about": (
        {"entity": "锦江区"},
        {("2023-12-27", "2023-01/2023-11", "社会消费品零售总额", "129860000000", "元")},
    ),
    "articles-mentioning": ({"entity": "省医保局"}, {("000_a519de1940e34702-02",)}),
    "evidence-for": ({"entity": "四川省医疗保障局"}, {("post", "四川省医疗保障局副局长")}),
    "co-mentioned": ({"entity": "锦江区", "min_articles": "2"}, {("成都市", "2")}),
    "aliases": ({"name": "省医保局"}, {("四川省医疗保障局", "省医保局", "organization")}),
    "counts-by-type": ({}, {("post", "17"), ("article", "6"), ("event", "6"), ("statistic", "26")}),
    "counts-by-article": ({"date": "2023-12-27"}, {("000_a519de1940e34702-03",)}),
    "holders-of-role": ({"role": "记者"}, {("杨升涛", "成都日报"), ("李世芳", "成都日报"), ("刘泰山", "成都日报")}),
    "entity-card": (
        {"entity": "https://example.org/kg/org/成都市委"},
        {("http://www.w3.org/1999/02/22-rdf-syntax-ns#type",)},
    ),
}


@pytest.fixture(scope="module")
def engines(seed_graph):
    return {"rdflib": memory.from_files([seed_graph]), "oxigraph": memory.oxigraph_from_files([seed_graph])}


def test_queries_catalogue_has_at_least_twelve_documented_queries():
    found = saved.catalogue()
    assert len(found) >= 12
    for q in found.values():
        assert q.title and q.description and q.example.startswith(f"kg query {q.name}")


def test_queries_every_saved_query_has_an_expected_answer():
    assert set(saved.catalogue()) == set(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_queries_each_saved_query_answers_on_the_seed_graph(engines, name):
    """Every query returns rows on the seed graph: a term the model does not define would return none."""
    params, wanted = EXPECTED[name]
    result = engines["rdflib"].query(saved.get(name).render(params))
    rows = {tuple(c.value if c else "" for c in row) for row in result.rows}
    assert rows, name
    for want in wanted:
        assert any(row[: len(want)] == want for row in rows), (want, sorted(rows)[:5])


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_queries_same_rows_on_rdflib_and_oxigraph(engines, name):
    """Regression for Oxigraph issue 1919: a fact asserted in several named graphs comes back once per
    graph when the default graph is their union; saved queries must give the same rows on every store."""
    params, _ = EXPECTED[name]
    text = saved.get(name).render(params)
    assert engines["rdflib"].query(text).rows == engines["oxigraph"].query(text).rows


def test_queries_oxigraph_union_view_duplicates_rows_but_kg_union_does_not(engines):
    """Oxigraph's own union view repeats a triple once per graph that states it (the upstream behaviour);
    kg reads the default graph it keeps as the union, where 成都市's name is once, as in rdflib."""
    text = (
        "SELECT ?n WHERE { ?x a <https://schema.org/Place> ; <https://schema.org/name> ?n . FILTER(?n = '成都市'@zh) }"
    )
    raw = engines["oxigraph"].store.query(text, use_default_graph_as_union=True)
    assert len(list(raw)) > 1
    assert len(engines["oxigraph"].query(text).rows) == len(engines["rdflib"].query(text).rows) == 1


HOSTILE = ['x" } UNION { ?s ?p ?o } #', "邓涛'@zh } ", "\\", '"""', "a\nb", "<http://evil/>"]


@pytest.mark.parametrize("value", HOSTILE)
def test_queries_hostile_values_are_just_strange_literals(engines, value):
    text = saved.get("posts-of-person").render({"person": value})
    for engine in engines.values():
        assert engine.query(text).rows == []


@pytest.mark.parametrize(
    "name,values,message",
    [
        ("posts-of-person", {}, "missing parameter 'person'"),
        ("posts-of-person", {"who": "x"}, "unknown parameter 'who'"),
        ("events-between", {"from": "2023-02-30"}, "not a date"),
        ("co-mentioned", {"entity": "x", "min_articles": "two"}, "not an integer"),
        ("entity-card", {"entity": "not an iri"}, "not an IRI"),
        ("entity-card", {"entity": "http://x/> . ?s ?p ?o . <y"}, "not an IRI"),
    ],
)
def test_queries_bad_parameters_are_refused(name, values, message):
    with pytest.raises(saved.QueryError, match=message):
        saved.get(name).render(values)


def test_queries_header_must_declare_every_variable(tmp_path):
    (tmp_path / "q.rq").write_text("#+ title: t\n#+ description: d\nSELECT * WHERE { ?s ?p $o }\n", encoding="utf-8")
    with pytest.raises(saved.QueryError, match="declares"):
        saved.catalogue(tmp_path)


def test_queries_substitution_leaves_comments_strings_and_iris_alone():
    from rdflib import Literal

    text = 'SELECT * WHERE { ?s <http://x/$v> "$v" ; ?p $v } # $v'
    assert saved.substitute(text, {"v": Literal(1)}) == 'SELECT * WHERE { ?s <http://x/$v> "$v" ; ?p 1 } # $v'


def test_queries_integer_parameters_are_valid_in_limit(engines):
    """An integer is written as SPARQL's INTEGER token, so `LIMIT $n` parses on every engine."""
    from rdflib import XSD, Literal

    text = saved.substitute("SELECT ?s WHERE { ?s ?p ?o } LIMIT $n", {"n": Literal(2, datatype=XSD.integer)})
    assert len(engines["rdflib"].query(text).rows) == len(engines["oxigraph"].query(text).rows) == 2


def test_queries_counts_by_article_of_another_day_is_empty(engines):
    text = saved.get("counts-by-article").render({"date": "2023-12-28"})
    assert engines["oxigraph"].query(text).rows == engines["rdflib"].query(text).rows == []


def test_queries_cli_list_show_and_run(runner, seed_graph):
    assert "posts-of-person\t" in runner.invoke(cli, ["query", "list"]).output
    assert "#+ title:" in runner.invoke(cli, ["query", "show", "aliases"]).output
    result = runner.invoke(
        cli, ["query", "aliases", "-p", "name=省医保局", "--data", str(seed_graph), "--format", "json"]
    )
    assert result.exit_code == 0, result.output
    body = json.loads(result.output)
    assert body["head"]["vars"] == ["canonical", "alias", "kind"]
    assert body["results"]["bindings"][0]["canonical"] == {
        "type": "literal",
        "value": "四川省医疗保障局",
        "xml:lang": "zh",
    }


@pytest.mark.parametrize(
    "fmt,start", [("table", "canonical"), ("csv", "canonical,alias,kind"), ("tsv", "?canonical\t?alias")]
)
def test_queries_cli_formats(runner, seed_graph, fmt, start):
    result = runner.invoke(cli, ["query", "aliases", "-p", "name=省医保局", "--data", str(seed_graph), "--format", fmt])
    assert result.exit_code == 0 and result.output.startswith(start)


@pytest.mark.parametrize(
    "args,message",
    [
        (["query", "nope"], "no saved query 'nope'"),
        (["query", "aliases"], "missing parameter 'name'"),
        (["query", "aliases", "-p", "name"], "write NAME=VALUE"),
        (["sparql", "SELECT * WHERE { ?s ?p }"], "SPARQL syntax error"),
        (["sparql", "SELECT * WHERE { ?s ?p ?o }", "--store", "/nonexistent"], "no store there"),
        (["sparql", "SELECT * WHERE { ?s ?p ?o }"], "give --data FILE... or --store DIR"),
    ],
)
def test_queries_cli_errors_exit_2(runner, seed_graph, args, message):
    if "--store" not in args and args[-1] != "SELECT * WHERE { ?s ?p ?o }":
        args = [*args, "--data", str(seed_graph)]
    result = runner.invoke(cli, args)
    assert result.exit_code == 2, result.output
    assert message in result.output and "Traceback" not in result.output


def test_queries_sparql_from_a_file_and_construct(runner, seed_graph, tmp_path):
    q = tmp_path / "q.rq"
    q.write_text(
        "CONSTRUCT { ?x a ?t } WHERE { ?x a ?t . FILTER(?t = <http://www.w3.org/ns/org#Role>) }", encoding="utf-8"
    )
    result = runner.invoke(cli, ["sparql", str(q), "--data", str(seed_graph), "--format", "ntriples"])
    assert result.exit_code == 0 and "<http://www.w3.org/ns/org#Role> ." in result.output


def test_queries_ask(runner, seed_graph):
    result = runner.invoke(cli, ["sparql", "ASK { ?x a <https://schema.org/Event> }", "--data", str(seed_graph)])
    assert result.output == "true\n"


def test_queries_oxigraph_store_on_disk(tmp_path, seed_graph):
    import pyoxigraph as ox

    from kg.store import files, model

    folder = tmp_path / "store"
    st = ox.Store(str(folder))
    st.load(files.serialize(files.read([seed_graph]), "nquads"), format=ox.RdfFormat.N_QUADS)
    stamp = " ".join(f"{s.n3()} {p.n3()} {o.n3()} ." for s, p, o in model.triples())
    st.update(f"INSERT DATA {{ GRAPH {model.META.n3()} {{ {stamp} }} }}")
    del st
    engine = open_store(Path(folder))
    assert engine.query(saved.get("counts-by-type").render({})).rows


def test_queries_counts_by_article_pages_through_a_day(engines):
    """The seed's six articles of 2023-12-27, two at a time: pages follow each other without overlap."""
    pages = []
    for offset in ("0", "2", "4"):
        text = saved.get("counts-by-article").render({"date": "2023-12-27", "limit": "2", "offset": offset})
        rows = engines["oxigraph"].query(text).rows
        assert rows == engines["rdflib"].query(text).rows and len(rows) == 2
        pages += [r[0].value for r in rows]
    assert pages == sorted(pages) and len(set(pages)) == 6


# Articles naming a place: three on one day, two the day before, two with no date. Identifiers are out
# of order, so that ties on a date are broken by them; one article also names a second place of the
# same name, and must still come once.
MENTIONS = [
    ("k", "2024-01-02"),
    ("b", "2024-01-02"),
    ("q", "2024-01-02"),
    ("a", "2024-01-01"),
    ("z", "2024-01-01"),
    ("m", None),
    ("c", None),
]


@pytest.fixture(scope="module")
def mentions_engines(tmp_path_factory):
    lines = [
        "@prefix schema: <https://schema.org/> .",
        "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .",
        "<http://x/place> a schema:Place ; schema:name '某市'@zh ; schema:alternateName '某地'@zh .",
        "<http://x/other> a schema:Place ; schema:name '某地'@zh .",
        "<http://x/k> schema:mentions <http://x/other> .",
    ]
    for ident, date in MENTIONS:
        lines.append(
            f"<http://x/{ident}> a schema:NewsArticle ; schema:identifier '{ident}' ; "
            f"schema:headline '{ident}'@zh ; schema:mentions <http://x/place> ."
        )
        if date:
            lines.append(f"<http://x/{ident}> schema:datePublished '{date}'^^xsd:date .")
    path = tmp_path_factory.mktemp("m") / "mentions.ttl"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return {"rdflib": memory.from_files([path]), "oxigraph": memory.oxigraph_from_files([path])}


@pytest.mark.parametrize("limit", ["1", "2", "3", "7", "10"])
@pytest.mark.parametrize("offset", ["0", "1", "2", "3", "4", "5", "6", "7"])
def test_queries_articles_mentioning_pages_are_slices_of_one_order(mentions_engines, limit, offset):
    """Articles come "the newest first, a page at a time". The page is chosen on dates first, then on
    identifiers from the page's oldest date on; every page must still be exactly its slice of one order
    (newest date first, undated last, then identifier) on every engine, across ties and undated articles."""
    order = sorted(MENTIONS, key=lambda m: m[0])
    order = sorted(order, key=lambda m: m[1] or "", reverse=True)  # stable: identifier order within a date
    want = [m[0] for m in order][int(offset) : int(offset) + int(limit)]
    text = saved.get("articles-mentioning").render({"entity": "某地", "limit": limit, "offset": offset})
    for engine in mentions_engines.values():
        assert [row[0].value for row in engine.query(text).rows] == want


@pytest.mark.parametrize(
    "iri",
    [
        "https://example.org/kg/place/四川省/成都市/锦江区",
        "https://example.org/kg/org/成都市委",
        "https://example.org/kg/person/邓涛",
        "https://example.org/kg/org/四川省医疗保障局",
    ],
)
def test_queries_entity_page_same_rows_on_rdflib_and_oxigraph(engines, iri):
    """kg serve's entity page reads the store's engine or rdflib's: the same facts, each with its own
    evidence, on both (a statistic's value is a column, as the engines write a decimal's text apart)."""
    pages = saved.catalogue(saved.QUERIES / "pages")
    for name in ("entity", "entity-facts"):
        text = pages[name].render({"entity": iri})
        rows = engines["oxigraph"].query(text).rows
        assert rows and rows == engines["rdflib"].query(text).rows


@pytest.mark.parametrize("name", sorted(saved.catalogue()))
def test_queries_each_saved_query_speaks_chinese_on_the_pages(engines, name):
    """A title, a description, a label for each parameter and a heading for each column, in Chinese, for
    the pages; the English stays for the command line and OpenAPI."""
    q = saved.get(name)
    assert q.title_zh and q.description_zh
    assert all(q.label(p.name) != p.name for p in q.params)
    result = engines["oxigraph"].query(q.render({p.name: p.example for p in q.params}))
    assert result.vars and all(q.heading(v) != v for v in result.vars), [v for v in result.vars if q.heading(v) == v]


def test_queries_counts_by_article_counts_holdings(engines):
    """Regression: posts were counted as org:Post nodes derived from the article's sentences, which model 2
    no longer writes (the evidence is on each holding, org:Membership), so every article counted 0."""
    text = saved.get("counts-by-article").render({"date": "2023-12-27"})
    for engine in ("oxigraph", "rdflib"):
        posts = {row[0].value[-2:]: int(row[2].value) for row in engines[engine].query(text).rows}
        assert posts["03"] == 8 and posts["04"] == 3 and posts["05"] == 0, engine
