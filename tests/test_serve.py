"""kg serve over a real socket on 127.0.0.1: every route, status code and content type; a real browser."""

from __future__ import annotations

import json
import shutil
import urllib.error
import urllib.parse
import urllib.request

import pytest

from tests.conftest import serve, stop

CHENGDU_COMMITTEE = "https://example.org/kg/org/成都市委"
JINJIANG = "https://example.org/kg/place/四川省/成都市/锦江区"


@pytest.fixture(scope="module")
def server(seed_graph):
    """kg serve on the seed graph, a 200-row limit and a timeout no query of these tests comes near."""
    base, proc = serve(
        ["--data", str(seed_graph), "--timeout", "120", "--max-rows", "200"], seed_graph.parent / "a.log"
    )
    yield base
    stop(proc)


@pytest.fixture(scope="module")
def impatient(seed_graph):
    """kg serve with a one-second timeout and one worker, for a query that never ends on any machine."""
    args = ["--data", str(seed_graph), "--timeout", "1", "--workers", "1"]
    base, proc = serve(args, seed_graph.parent / "b.log")
    yield base
    stop(proc)


def fetch(base, path, *, params=None, accept=None, method="GET", data=None, content_type=None):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, data=data, method=method)
    if accept:
        req.add_header("Accept", accept)
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=20) as r:
            return r.status, r.headers.get("Content-Type", ""), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, e.headers.get("Content-Type", ""), e.read().decode("utf-8")


SELECT = "PREFIX schema: <https://schema.org/> SELECT ?n WHERE { ?x a schema:Event ; schema:name ?n } ORDER BY ?n"
CONSTRUCT = "CONSTRUCT { ?r a <http://www.w3.org/ns/org#Role> } WHERE { ?r a <http://www.w3.org/ns/org#Role> }"

NEGOTIATION = [
    (SELECT, None, "application/sparql-results+json"),
    (SELECT, "application/sparql-results+json", "application/sparql-results+json"),
    (SELECT, "application/sparql-results+xml", "application/sparql-results+xml"),
    (SELECT, "text/csv", "text/csv"),
    (SELECT, "text/tab-separated-values", "text/tab-separated-values"),
    (SELECT, "text/html", "text/html"),
    ("ASK { ?s ?p ?o }", "application/sparql-results+json", "application/sparql-results+json"),
    ("ASK { ?s ?p ?o }", "application/sparql-results+xml", "application/sparql-results+xml"),
    (CONSTRUCT, None, "text/turtle"),
    (CONSTRUCT, "text/turtle", "text/turtle"),
    (CONSTRUCT, "application/n-triples", "application/n-triples"),
    (CONSTRUCT, "application/ld+json", "application/ld+json"),
    ("DESCRIBE <" + CHENGDU_COMMITTEE + ">", "text/turtle", "text/turtle"),
]


@pytest.mark.parametrize("query,accept,media", NEGOTIATION, ids=[f"{q[:9]}-{a}" for q, a, _ in NEGOTIATION])
def test_serve_sparql_get_negotiates(server, query, accept, media):
    status, ctype, body = fetch(server, "/sparql", params={"query": query}, accept=accept)
    assert status == 200, body
    assert ctype.startswith(media)
    assert body


def test_serve_sparql_post_form_and_direct(server):
    form = urllib.parse.urlencode({"query": SELECT}).encode()
    status, ctype, body = fetch(
        server,
        "/sparql",
        method="POST",
        data=form,
        content_type="application/x-www-form-urlencoded",
        accept="application/sparql-results+json",
    )
    assert status == 200 and "锦江区建设国际一流商圈暨成渝双城核心商圈指数发布会" in body
    status, _, body2 = fetch(
        server,
        "/sparql",
        method="POST",
        data=SELECT.encode(),
        content_type="application/sparql-query",
        accept="application/sparql-results+json",
    )
    assert status == 200 and json.loads(body2) == json.loads(body)


@pytest.mark.parametrize(
    "kwargs,status",
    [
        ({"params": {"query": "SELECT * WHERE { ?s ?p }"}}, 400),
        ({}, 400),
        ({"params": {"update": "INSERT DATA { <a> <b> <c> }"}}, 403),
        ({"method": "POST", "data": b"INSERT DATA { <a> <b> <c> }", "content_type": "application/sparql-update"}, 403),
        ({"method": "POST", "data": b"update=DROP%20ALL", "content_type": "application/x-www-form-urlencoded"}, 403),
        ({"method": "PUT", "data": b"<a> <b> <c> .", "content_type": "text/turtle"}, 405),
        ({"method": "DELETE"}, 405),
        ({"method": "POST", "data": b"x", "content_type": "text/plain"}, 415),
        ({"params": {"query": SELECT}, "accept": "image/png"}, 406),
    ],
)
def test_serve_sparql_refusals(server, kwargs, status):
    got, ctype, body = fetch(server, "/sparql", **kwargs)
    assert got == status, body
    assert ctype.startswith("text/plain") and body.strip()


def test_serve_graph_store_writes_are_refused(server):
    assert fetch(server, "/data", method="PUT", data=b"<a> <b> <c> .", content_type="text/turtle")[0] == 405


def test_serve_timeout_answers_504_and_the_server_lives_on(impatient):
    """The seed graph's triples cubed: no machine finishes it in a second, and none needs a second for ASK
    once the stopped worker is replaced."""
    heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
    status, _, body = fetch(impatient, "/sparql", params={"query": heavy})
    assert status == 504 and "stopped" in body
    assert fetch(impatient, "/sparql", params={"query": "ASK { ?s ?p ?o }"})[0] == 200


def test_serve_result_size_limit_answers_422(server):
    status, _, body = fetch(server, "/sparql", params={"query": "SELECT * WHERE { ?s ?p ?o }"})
    assert status == 422 and "limit of 200" in body


def test_serve_catalogue_and_openapi(server):
    status, ctype, body = fetch(server, "/queries")
    rows = json.loads(body)
    assert status == 200 and ctype.startswith("application/json")
    assert {"posts-of-person", "aliases"} <= {r["name"] for r in rows}
    status, _, body = fetch(server, "/openapi.json")
    spec = json.loads(body)
    assert spec["openapi"].startswith("3.")
    param = spec["paths"]["/queries/events-between"]["get"]["parameters"][0]
    assert param["schema"] == {"type": "string", "format": "date", "default": "2023-01-01"}


@pytest.mark.parametrize(
    "accept,media", [(None, "application/sparql-results+json"), ("text/csv", "text/csv"), ("text/html", "text/html")]
)
def test_serve_saved_query(server, accept, media):
    status, ctype, body = fetch(server, "/queries/aliases", params={"name": "省医保局"}, accept=accept)
    assert status == 200 and ctype.startswith(media) and "四川省医疗保障局" in body


@pytest.mark.parametrize(
    "params,status",
    [({}, 422), ({"name": ""}, 422), ({"name": "x", "other": "y"}, 422)],
)
def test_serve_saved_query_bad_parameters_422(server, params, status):
    assert fetch(server, "/queries/aliases", params=params)[0] == status


def test_serve_saved_query_typed_parameters_422(server):
    assert fetch(server, "/queries/events-between", params={"from": "去年"})[0] == 422
    assert fetch(server, "/queries/co-mentioned", params={"entity": "x", "min_articles": "many"})[0] == 422


@pytest.mark.parametrize(
    "params,hint",
    [
        ({}, "kg query aliases -p name=省医保局"),  # the query's own example until values are given
        ({"name": "市委 宣传部"}, "kg query aliases -p &#39;name=市委 宣传部&#39;"),
    ],
)
def test_serve_query_page_command_line_hint_has_the_users_values(server, params, hint):
    status, _, body = fetch(server, "/queries/aliases", params=params, accept="text/html")
    assert status == 200 and f"<code>{hint}</code>" in body


def test_serve_a_browser_gets_its_failed_query_back_on_a_page(server):
    """A syntax error in the browser: a Chinese page with the reason and the typed query kept, not bare
    text that loses it. An API client still gets the plain reason."""
    typed = "SELECT ?名 WHERE { ?s ?p }"
    status, ctype, body = fetch(server, "/sparql", params={"query": typed}, accept="text/html")
    assert status == 400 and ctype.startswith("text/html")
    assert "查询没有结果" in body and "?名 WHERE { ?s ?p }</textarea>" in body
    status, ctype, body = fetch(server, "/sparql", params={"query": typed})
    assert status == 400 and ctype.startswith("text/plain") and "syntax error" in body


def test_serve_pages_are_in_chinese(server):
    """Query titles, parameter labels, column headings and type names as a Chinese reader reads them."""
    _, _, home = fetch(server, "/", accept="text/html")
    assert "某人担任的职务" in home and "Posts held by a person" not in home
    _, _, page = fetch(server, "/queries/posts-of-person", params={"person": "邓涛"}, accept="text/html")
    assert "<h1>某人担任的职务</h1>" in page and ">人名</label>" in page
    assert "<th>机构</th><th>职务</th><th>状态</th>" in page
    _, _, entity = fetch(server, "/entity", params={"iri": CHENGDU_COMMITTEE}, accept="text/html")
    assert "机构" in entity and "Organization" not in entity.split("<code>")[0]


def test_serve_unknown_query_404(server):
    assert fetch(server, "/queries/nope")[0] == 404


def test_serve_hostile_parameter_is_a_literal(server):
    status, _, body = fetch(server, "/queries/aliases", params={"name": 'x" } UNION { ?s ?p ?o } #'})
    assert status == 200 and json.loads(body)["results"]["bindings"] == []


def test_serve_home_page(server):
    status, ctype, body = fetch(server, "/", accept="text/html")
    assert status == 200 and ctype.startswith("text/html")
    assert 'name="viewport"' in body and "/queries/posts-of-person" in body and "<form" in body


def test_serve_entity_page_with_facts_links_and_picture(server):
    status, ctype, body = fetch(server, "/entity", params={"iri": CHENGDU_COMMITTEE}, accept="text/html")
    assert status == 200 and ctype.startswith("text/html")
    assert "<h1>成都市委</h1>" in body and "市委" in body  # the alias
    assert "<svg" in body and "<script" not in body
    assert (
        "/entity?iri=https%3A%2F%2Fexample.org%2Fkg%2Forg%2F%E6%88%90%E9%83%BD%E5%B8%82%E5%A7%94%E7%BB%84%E7%BB%87%E9%83%A8"
        in body
    )
    assert "出席会议" in body  # an evidence sentence


def test_serve_entity_page_shows_each_fact_with_its_own_evidence(server):
    """锦江区 lies in 成都市 (by the gazetteer: no sentence of the page says so), holds three places, each
    stated by a sentence, and has one statistic read from one sentence. A fact without a node of its own
    or without another entity once took every sentence, or every entity, of the store along: 195 lines
    on the seed, minutes on a large store."""
    status, _, body = fetch(server, "/entity", params={"iri": JINJIANG}, accept="text/html")
    assert status == 200
    assert body.count('<li class="fact">') == 5
    # the number the Chinese way, the exact value on hover, under what it measures
    assert '<span title="129860000000元">社会消费品零售总额 1298.6亿元（2023-01/2023-11）</span>' in body
    assert "<strong>社会消费品零售总额</strong>" in body
    assert body.count("<blockquote>") == 4 and "社会消费品零售总额实现" in body
    assert body.count("据行政区划数据") == 1
    assert "出席会议" not in body


def test_serve_entity_picture_has_edge_labels_a_legend_and_a_bounded_width(server):
    status, _, body = fetch(server, "/entity", params={"iri": JINJIANG}, accept="text/html")
    picture = body[body.index("<svg") : body.index("</svg>")]
    assert status == 200 and 'style="max-width:420px"' in picture
    assert '<text class="edge"' in picture and ">位于</text>" in picture and ">下辖</text>" in picture
    assert picture.count("<rect ") == 2  # a legend row for each kind of edge drawn: 位于 and 下辖


def test_serve_entity_page_a_reporter_has_her_own_byline_only(server):
    """Regression: three reporters of the same paper hold the same post node, and 李世芳's page showed
    the other two's bylines as her evidence. Her holding is her own, with her own sentence."""
    status, _, body = fetch(
        server, "/entity", params={"iri": "https://example.org/kg/person/李世芳"}, accept="text/html"
    )
    assert status == 200
    assert body.count("<blockquote>") == 1 and "记者李世芳" in body
    assert "杨升涛" not in body and "刘泰山" not in body
    assert "现任" in body


def test_serve_entity_page_unknown_404(server):
    assert fetch(server, "/entity", params={"iri": "https://example.org/kg/person/nobody"})[0] == 404


def test_serve_concurrent_readers(server):
    from concurrent.futures import ThreadPoolExecutor

    def one(_):
        return fetch(server, "/queries/counts-by-type")[0]

    with ThreadPoolExecutor(max_workers=8) as pool:
        assert set(pool.map(one, range(16))) == {200}


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")


@pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="needs Debian's chromium and chromium-driver (.ci/run installs them)"
)
def test_serve_browser_runs_a_saved_query_and_follows_an_entity_link(server):
    """Headless Chromium: home page, a saved query run from its form, then a link to an entity page."""
    from selenium import webdriver
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=420,900"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    wait = WebDriverWait(driver, 30)
    try:
        driver.get(server + "/")
        wait.until(lambda d: "新闻知识图谱" in d.page_source)
        driver.find_element(By.CSS_SELECTOR, "a[href='/queries/people-in-organization']").click()
        field = wait.until(lambda d: d.find_element(By.ID, "p-organization"))
        field.clear()
        field.send_keys("成都市委")
        driver.find_element(By.CSS_SELECTOR, "#query-form button").click()
        wait.until(lambda d: "邓涛" in d.page_source and d.find_elements(By.CSS_SELECTOR, "main table td"))
        # The home page's SPARQL form lists people; a person's link leads to the entity page.
        driver.get(server + "/")
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "#sparql-form button"))[0].click()
        wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "main table a"))[0].click()
        wait.until(lambda d: "/entity?iri=" in d.current_url and d.find_elements(By.TAG_NAME, "svg"))
        assert driver.find_element(By.TAG_NAME, "h1").text and "职务" in driver.page_source
    finally:
        driver.quit()


def test_serve_statistics_are_grouped_by_what_they_measure_in_period_order():
    """A big entity's statistics: one group per measured quantity, each in the order of its periods."""
    from kg.serve.present import entity_facts as _facts
    from kg.store.engine import Cell

    def row(variable, value, period):
        lit = lambda v: Cell("literal", v) if v else None  # noqa: E731
        return (
            lit("statistics"),
            lit(variable),
            None,
            None,
            lit("某报"),
            lit("某句。"),
            lit(value),
            lit("元"),
            lit(period),
            None,
            None,
            None,
            None,
        )

    rows = [row("零售总额", "120000000", "2023"), row("人口", "8000", "2022"), row("零售总额", "98000000", "2021")]
    sections, _ = _facts(rows)
    assert [(s["variable"], s["period"], s["label"]) for s in sections["statistics"]] == [
        ("人口", "2022", "人口 8000元（2022）"),
        ("零售总额", "2021", "零售总额 9800万元（2021）"),
        ("零售总额", "2023", "零售总额 1.2亿元（2023）"),
    ]


@pytest.mark.parametrize(
    "path,params,status",
    [
        ("/sparql", {"query": "SELECT * WHERE { ?s ?p }"}, 400),
        ("/sparql", {"update": "DROP ALL"}, 403),
        ("/queries/posts-of-person", {"person": ""}, 422),
        ("/queries/no-such-query", {}, 404),
    ],
)
def test_serve_an_api_client_that_asks_for_json_gets_its_error_as_json(server, path, params, status):
    got, ctype, body = fetch(server, path, params=params, accept="application/sparql-results+json")
    assert got == status and ctype.startswith("application/json")
    found = json.loads(body)
    assert found["status"] == status and found["error"]


def test_serve_a_neighbour_without_a_name_is_drawn_once():
    """Two facts linking the same unnamed entity in one section: one edge in the picture, not two."""
    from kg.serve.present import entity_facts
    from kg.store.engine import Cell

    def row(sentence):
        cell = lambda v: Cell("literal", v)  # noqa: E731
        other = Cell("uri", "https://example.org/kg/place/x")
        return (
            cell("within"),
            None,
            other,
            None,
            cell("某报"),
            cell(sentence),
            None,
            None,
            None,
            None,
            None,
            None,
            None,
        )

    _, neighbours = entity_facts([row("某句。"), row("另一句。")])
    assert neighbours == [("https://example.org/kg/place/x", "https://example.org/kg/place/x", "within")]
