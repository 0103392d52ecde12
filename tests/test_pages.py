"""The pages a reader finds things with, through kg serve on 127.0.0.1 over the seed store: search (HTML
and JSON), the lists by kind, article pages with the evidence marked, event pages, an entity's
articles, result cells as links; and the same in Chromium, on a phone's width too."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import urllib.parse

import pytest

from tests.conftest import ROOT, serve, stop
from tests.test_serve import fetch

KG = [sys.executable, "-m", "kg"]
ARTICLE = "https://example.org/kg/article/000_a519de1940e34702-02"
EVENT = "https://example.org/kg/event/四川医保公共服务新闻发布会/2023-12-26"
PERSON = "https://example.org/kg/person/邓顺涛"
HTML = "text/html"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    folder = tmp_path_factory.mktemp("pages")
    store = folder / "store"
    build = [*KG, "build", str(ROOT / "seeds"), "--date", "2023-12-27", "--quiet", "--store", str(store)]
    subprocess.run(build, check=True, capture_output=True)
    base, proc = serve(["--store", str(store), "--timeout", "120"], folder / "serve.log")
    yield base
    stop(proc)


def link(iri: str, page: str = "/entity") -> str:
    return page + "?iri=" + urllib.parse.quote(iri, safe="")


def test_pages_every_page_has_the_search_box_and_the_lists(site):
    for path in (
        "/",
        "/browse/person",
        link(ARTICLE, "/article"),
        link(PERSON),
        "/search?q=" + urllib.parse.quote("王"),
    ):
        status, _, body = fetch(site, path, accept=HTML)
        assert status == 200, path
        assert 'action="/search"' in body and 'name="q"' in body
        assert all(f'href="/browse/{k}"' in body for k in ("person", "organization", "place", "event", "article"))


def test_pages_home_links_the_lists_with_counts(site):
    _, _, body = fetch(site, "/", accept=HTML)
    counts = dict(re.findall(r'<a href="/browse/(\w+)">[^<]+ <strong>(\d+)</strong>', body))
    assert set(counts) == {"person", "organization", "place", "event", "article"}
    assert counts["article"] == "6" and counts["event"] == "6" and int(counts["person"]) >= 15


@pytest.mark.parametrize("how", [{"accept": "application/json"}, {"params": {"format": "json"}}])
def test_pages_search_answers_json(site, how):
    params = {"q": "邓", **how.get("params", {})}
    status, media, body = fetch(site, "/search", params=params, accept=how.get("accept", HTML))
    assert status == 200 and media.startswith("application/json")
    found = json.loads(body)
    names = [h["name"] for h in found["hits"]]
    assert {"邓顺涛", "邓涛"} <= set(names) and found["total"] == len(names)
    assert all(h["url"].startswith("/entity?iri=") for h in found["hits"] if h["kind"] != "article")


def test_pages_search_html_lists_links_with_what_each_is(site):
    status, _, body = fetch(site, "/search", params={"q": "医保局"}, accept=HTML)
    assert status == 200
    assert '<a href="/entity?iri=' in body and "四川省医疗保障局" in body and "又名 四川省医保局" in body
    assert "机构" in body and "篇文章提及" in body


@pytest.mark.parametrize(
    "params,status",
    [
        ({"q": "王", "type": "people"}, 400),
        ({"q": "王", "page": "0"}, 400),
        ({"q": "王", "page": "1²"}, 400),  # str.isdigit() says yes, int() says no
        ({"q": "王", "page": "١"}, 400),
        ({"q": "王" * 201}, 400),
        ({"q": "ab\x00"}, 400),
    ],
)
def test_pages_search_bad_requests_say_why(site, params, status):
    code, _, body = fetch(site, "/search", params=params, accept=HTML)
    assert code == status and 'class="error"' in body
    code, media, body = fetch(site, "/search", params=params, accept="application/json")
    assert code == status and "error" in json.loads(body)


def test_pages_browse_pages_and_sorts(site):
    _, _, first = fetch(site, "/browse/organization", params={"sort": "name"}, accept=HTML)
    _, _, second = fetch(site, "/browse/organization", params={"sort": "name", "page": "2"}, accept=HTML)
    names = lambda body: re.findall(r'<li><a href="/entity\?iri=[^"]+">([^<]+)</a>', body)  # noqa: E731
    assert len(names(first)) == 20 and names(second) and not set(names(first)) & set(names(second))
    assert names(first) + names(second) == sorted(names(first) + names(second))
    assert 'rel="next"' in first and 'rel="prev"' in second
    status, _, _ = fetch(site, "/browse/people", accept=HTML)
    assert status == 404
    status, _, _ = fetch(site, "/browse/person", params={"sort": "size"}, accept=HTML)
    assert status == 400


def test_pages_article_shows_its_card_marked_text_facts_and_links(site):
    status, _, body = fetch(site, "/article", params={"iri": ARTICLE}, accept=HTML)
    assert status == 200
    assert "<h1>上线统一的医保信息平台" in body and "2023-12-27" in body and "作者" in body and "杨升涛" in body
    # The sentence that says 邓顺涛 is 副局长 is marked, and his name in it links to his page.
    mark = re.search(r'<mark id="s(\d+)"[^>]*>(.*?)</mark>', body[body.index("副局长") - 400 :], re.S)
    assert mark and "副局长" in mark.group(2) and link(PERSON).replace("?", "?") in mark.group(2).replace("&amp;", "&")
    assert f'href="#s{mark.group(1)}"' in body  # the fact list points back at its sentence
    assert "从本文读出的事实" in body


def test_pages_entity_links_the_sentence_in_its_article(site):
    _, _, body = fetch(site, "/entity", params={"iri": PERSON}, accept=HTML)
    anchors = re.findall(r'href="(/article\?iri=[^"#]+#s\d+)"', body)
    assert anchors
    status, _, article = fetch(site, anchors[0].split("#")[0], accept=HTML)
    assert status == 200 and f'id="{anchors[0].split("#")[1]}"' in article


def test_pages_event_page_has_date_place_and_evidence(site):
    status, _, body = fetch(site, "/entity", params={"iri": EVENT}, accept=HTML)
    assert status == 200
    assert "<dt>日期</dt>" in body and "2023-12-26" in body and "报道原句" in body
    assert re.search(r"<dt>(地点|主办|参加)</dt>", body)


def test_pages_entity_lists_its_articles_paged(site):
    _, _, body = fetch(site, "/entity", params={"iri": "https://example.org/kg/place/四川省/成都市"}, accept=HTML)
    assert "提及的文章" in body and body.count('<li><a href="/article?iri=') >= 2
    status, _, _ = fetch(site, "/entity", params={"iri": PERSON, "page": "x"}, accept=HTML)
    assert status == 400


def test_pages_an_article_iri_on_the_entity_route_shows_the_article(site):
    _, _, body = fetch(site, "/entity", params={"iri": ARTICLE}, accept=HTML)
    assert "从本文读出的事实" in body


def test_pages_result_cells_link_to_their_things(site):
    status, _, body = fetch(site, "/queries/holders-of-role", params={"role": "副局长"}, accept=HTML)
    assert status == 200
    assert re.search(r'<td><a href="/entity\?iri=[^"]+">邓顺涛</a></td>', body)


def test_pages_unknown_article_404(site):
    status, _, body = fetch(site, "/article", params={"iri": "https://example.org/kg/article/none"}, accept=HTML)
    assert status == 404 and "没有这篇文章" in body


CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CHROMEDRIVER = shutil.which("chromedriver")
needs_browser = pytest.mark.skipif(
    not (CHROMIUM and CHROMEDRIVER), reason="needs Debian's chromium and chromium-driver (.ci/run installs them)"
)


@pytest.fixture(scope="module")
def browser():
    from selenium import webdriver

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1200,900"):
        options.add_argument(arg)
    driver = webdriver.Chrome(service=webdriver.ChromeService(executable_path=CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


def _wait(driver):
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, 30)


@needs_browser
def test_browser_search_then_person_then_the_sentence_in_its_article_then_back(site, browser):
    """The README's promise: type part of a name, reach the sentence that says which post they hold."""
    from selenium.webdriver.common.by import By

    wait = _wait(browser)
    browser.get(site + "/")
    box = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "header input[name=q]"))
    box.send_keys("顺涛")
    browser.find_element(By.CSS_SELECTOR, "header form button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ul.hits a"))[0].click()
    wait.until(lambda d: d.find_element(By.TAG_NAME, "h1").text == "邓顺涛")
    person_page = browser.current_url
    browser.find_element(By.CSS_SELECTOR, "blockquote a").click()
    wait.until(lambda d: "/article?iri=" in d.current_url and d.find_elements(By.CSS_SELECTOR, "mark"))
    target = browser.current_url.split("#", 1)[1]
    marked = browser.find_element(By.ID, target)
    assert marked.tag_name == "mark" and "副局长" in marked.text and "邓顺涛" in marked.text
    browser.back()
    wait.until(lambda d: d.current_url == person_page and d.find_element(By.TAG_NAME, "h1").text == "邓顺涛")


@needs_browser
def test_browser_browse_pages_forward_and_back(site, browser):
    from selenium.webdriver.common.by import By

    wait = _wait(browser)
    browser.get(site + "/")
    wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "ul.counts a[href='/browse/organization']")).click()
    first = [a.text for a in wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ul.hits a"))]
    browser.find_element(By.CSS_SELECTOR, "a[rel=next]").click()
    wait.until(lambda d: "page=2" in d.current_url)
    second = [a.text for a in browser.find_elements(By.CSS_SELECTOR, "ul.hits a")]
    assert len(first) == 20 and second and not set(first) & set(second)
    browser.find_element(By.CSS_SELECTOR, "a[rel=prev]").click()
    wait.until(lambda d: [a.text for a in d.find_elements(By.CSS_SELECTOR, "ul.hits a")] == first)


@needs_browser
def test_browser_event_page(site, browser):
    from selenium.webdriver.common.by import By

    wait = _wait(browser)
    browser.get(site + "/browse/event?sort=date")
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, "ul.hits a"))[0].click()
    dl = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "dl.event"))
    assert "日期" in dl.text
    assert browser.find_elements(By.CSS_SELECTOR, "blockquote a[href*='/article?iri=']")


@needs_browser
def test_browser_phone_width_fits_and_labels_are_legible(site, browser):
    """At 390 px nothing scrolls sideways, and the picture's labels are at least 11 px on screen."""
    from selenium.webdriver.common.by import By

    browser.set_window_size(390, 844)
    try:
        for path in (
            "/",
            "/search?q=成都",
            "/browse/organization",
            link(ARTICLE, "/article"),
            link(PERSON),
            link(EVENT),
        ):
            browser.get(site + path)
            _wait(browser).until(lambda d: d.find_element(By.TAG_NAME, "h1"))
            width = browser.execute_script("return document.documentElement.scrollWidth")
            inner = browser.execute_script("return window.innerWidth")
            assert width <= inner, path
        size = browser.execute_script(
            "const t = document.querySelector('figure svg text'); return t.getBoundingClientRect().height"
        )
        assert size >= 11
    finally:
        browser.set_window_size(1200, 900)


@needs_browser
def test_browser_error_page_keeps_the_typed_query(site, browser):
    from selenium.webdriver.common.by import By

    wait = _wait(browser)
    browser.get(site + "/")
    area = wait.until(lambda d: d.find_element(By.CSS_SELECTOR, "#sparql-form textarea"))
    area.clear()
    typed = "SELECT ?x WHERE { ?x ?y }  # 少了宾语"
    area.send_keys(typed)
    browser.find_element(By.CSS_SELECTOR, "#sparql-form button").click()
    wait.until(lambda d: d.find_elements(By.CSS_SELECTOR, ".error"))
    assert browser.find_element(By.CSS_SELECTOR, "textarea").get_attribute("value") == typed
    assert browser.find_element(By.TAG_NAME, "html").get_attribute("lang") == "zh"


def test_pages_an_attendees_events_link_to_the_event_page(site):
    """邓涛 attends a meeting of the seed: the event is a link on his page and in his picture."""
    _, _, body = fetch(site, "/entity", params={"iri": "https://example.org/kg/person/邓涛"}, accept=HTML)
    events = body[body.index("<h2>相关活动</h2>") :]
    assert re.search(r'<a href="/entity\?iri=https%3A%2F%2Fexample.org%2Fkg%2Fevent%2F[^"]+">[^<]+</a>', events)
    assert ">参加</text>" in body


@pytest.mark.parametrize("path", ["/browse/person", "/entity?iri=" + urllib.parse.quote(PERSON, safe="")])
def test_pages_a_page_number_that_is_not_ascii_digits_is_400(site, path):
    status, _, _ = fetch(site, path + ("&" if "?" in path else "?") + "page=%C2%B2", accept=HTML)
    assert status == 400


def test_pages_the_entity_page_title_is_its_name(site):
    _, _, body = fetch(site, "/entity", params={"iri": PERSON}, accept=HTML)
    assert re.search(r"<title>邓顺涛 · kg</title>", body)


def test_pages_a_literal_that_spells_an_iri_is_not_shown_as_its_thing(site):
    query = "SELECT ?p (STR(?p) AS ?s) WHERE { ?p a <https://schema.org/Person> } ORDER BY ?p LIMIT 1"
    _, _, body = fetch(site, "/sparql", params={"query": query}, accept=HTML)
    iri_cell, text_cell = re.findall(r"<td>(.*?)</td>", body)[:2]
    assert "<a " in iri_cell and "<a " not in text_cell and text_cell.startswith("https://")
