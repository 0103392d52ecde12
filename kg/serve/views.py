"""The pages a reader finds things with: search, the lists by kind, an article with its evidence
marked, and what an entity page adds for events and for the articles that mention it."""

from __future__ import annotations

import asyncio
import re
from urllib.parse import quote

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response

from kg.query import saved, search
from kg.serve import negotiate
from kg.serve.present import KIND_ZH, SECTION_ZH, article_link, entity_link, fact_line, marked

PAGE = 20  # things per page of search results, lists and an entity's articles
SORT_ZH = {"mentions": "提及次数", "name": "名称", "date": "日期"}


def page_number(request: Request) -> int | None:
    """?page=N, 1 to 100,000 in ASCII digits (str.isdigit also takes ² and ١); None when it is not."""
    raw = request.query_params.get("page", "1")
    return int(raw) if re.fullmatch(r"[0-9]{1,6}", raw) and 0 < int(raw) <= 100_000 else None


def _wants_json(request: Request) -> bool:
    if request.query_params.get("format") == "json":
        return True
    return negotiate.choose(request.headers.get("accept"), "select") != ("html", negotiate.HTML)


def _pages(total: int, page: int) -> dict:
    last = max(1, -(-total // PAGE))
    return {"page": page, "last": last, "total": total}


async def search_page(site, request: Request) -> Response:
    """GET /search?q=…&type=…&page=…: the things whose names contain the text, best first."""
    text = request.query_params.get("q", "").strip()
    kind = request.query_params.get("type") or None
    page = page_number(request)
    problem = None
    if kind is not None and kind not in search.KIND_ORDER:
        problem = f"没有这个类别：{kind}（可选：{'、'.join(search.KIND_ORDER)}）"
    elif page is None:
        problem = "页码应为正整数"
    elif len(text) > 200:
        problem = "搜索词太长（最多 200 字）"
    elif search.printable(text) != text:
        problem = "搜索词含有控制字符"
    if problem is not None:
        if _wants_json(request):
            return JSONResponse({"error": problem, "status": 400}, status_code=400)
        context = {"q": text, "kind": kind, "hits": [], "pages": None, "kinds": KIND_ZH}
        return site.html("search.html", status=400, error=problem, **context)
    index = await site.index()
    found = await run_in_threadpool(index.search, text, kind, PAGE, (page - 1) * PAGE) if text else None
    if _wants_json(request):
        hits = _json_hits(found.hits) if found else []
        return JSONResponse({"q": text, "type": kind, "page": page, "total": found.total if found else 0, "hits": hits})
    return site.html(
        "search.html",
        q=text,
        kind=kind,
        error=None,
        hits=[_row(h) for h in found.hits] if found else [],
        pages=_pages(found.total, page) if found else None,
        kinds=KIND_ZH,
    )


async def browse_page(site, request: Request) -> Response:
    """GET /browse/{kind}?sort=…&page=…: the things of one kind, paged and sorted."""
    kind = request.path_params["kind"]
    sort = request.query_params.get("sort", "mentions")
    page = page_number(request)
    if kind not in search.KIND_ORDER:
        message = f"可浏览的类别：{'、'.join(KIND_ZH.values())}"
        return site.html("error.html", status=404, title="没有这个类别", message=message)
    if sort not in search.SORTS or page is None:
        message = f"排序可选：{'、'.join(search.SORTS)}；页码应为正整数"
        return site.html("error.html", status=400, title="参数有误", message=message)
    index = await site.index()
    found = await run_in_threadpool(index.browse, kind, sort, PAGE, (page - 1) * PAGE)
    if _wants_json(request):
        hits = _json_hits(found.hits)
        return JSONResponse({"type": kind, "sort": sort, "page": page, "total": found.total, "hits": hits})
    return site.html(
        "browse.html",
        kind=kind,
        title=KIND_ZH[kind],
        sort=sort,
        sorts=SORT_ZH,
        hits=[_row(h) for h in found.hits],
        pages=_pages(found.total, page),
        kinds=KIND_ZH,
    )


def _link(kind: str, iri: str) -> str:
    return article_link(iri) if kind == "article" else entity_link(iri)


def _json_hits(hits: list[search.Hit]) -> list[dict]:
    return [dict(h.json(), url=_link(h.kind, h.iri)) for h in hits]


def _row(hit: search.Hit) -> dict:
    return {**hit.json(), "url": _link(hit.kind, hit.iri), "kind_zh": KIND_ZH[hit.kind]}


async def article_page(site, request: Request) -> Response:
    """GET /article?iri=…: headline, date, source and authors, the text with every fact's sentence
    marked and its entities linked, the list of facts, and the facts the shapes quarantined."""
    iri = request.query_params.get("iri", "")
    try:
        texts = [site.pages[name].render({"article": iri}) for name in ("article", "article-facts", "article-mentions")]
    except saved.QueryError as e:
        return site.html("error.html", status=422, title="参数有误", message=str(e))
    card, facts, mentions = await asyncio.gather(*(site.run(t) for t in texts))
    if not card.rows:
        return site.html("error.html", status=404, title="没有这篇文章", message=f"图中没有 {iri}")
    headline, date, ident, source, text = (c.value if c else "" for c in card.rows[0][:5])
    authors = sorted({(r[5].value, r[6].value if r[6] else r[5].value) for r in card.rows if r[5]})
    publisher = next(((r[7].value, r[8].value) for r in card.rows if r[7] and r[8]), None)
    names = {r[1].value: entity_link(r[0].value) for r in mentions.rows}
    spans: dict[tuple[int, int], list[dict]] = {}
    listed = []
    for begin, end, kind, label, ent, ent_name, other, other_name, value, unit, status in facts.rows:
        fact = {
            "kind": SECTION_ZH.get(kind.value, kind.value),
            "says": fact_line(
                kind.value, label.value if label else "", *(c.value if c else None for c in (value, unit, status))
            ),
            "entity": ent.value,
            "entity_name": ent_name.value if ent_name else ent.value,
            "other": other.value if other else None,
            "other_name": other_name.value if other_name else (other.value if other else None),
            "begin": int(begin.value),
        }
        spans.setdefault((int(begin.value), int(end.value)), []).append(fact)
        listed.append(fact)
        for name, target in ((fact["entity_name"], fact["entity"]), (fact["other_name"], fact["other"])):
            if name and target:
                names.setdefault(name, entity_link(target))
    index = await site.index()
    flagged = await run_in_threadpool(index.quarantine, iri)
    return site.html(
        "article.html",
        iri=iri,
        headline=headline,
        date=date,
        ident=ident,
        source=source.rsplit("/", 1)[-1],
        authors=authors,
        publisher=publisher,
        pieces=marked(text, spans, names),
        facts=listed,
        flagged=flagged,
    )


async def event_part(site, iri: str) -> dict | None:
    """What an event page adds: its date, kind, place, organizers, attendees, what it released and
    the sentences that report it (None for an entity that is not an event)."""
    result = await site.run(site.pages["event"].render({"event": iri}))
    if not result.rows:
        return None
    part: dict[str, list] = {}
    for section, label, other, other_name, article, begin in result.rows:
        if section.value == "evidence":
            item = {"sentence": label.value, "url": article_link(article.value, int(begin.value))}
        elif other is not None:
            item = {"name": other_name.value if other_name else other.value, "url": entity_link(other.value)}
        else:
            item = {"name": label.value}
        part.setdefault(section.value, []).append(item)
    return {"sections": part, "names": SECTION_ZH}


async def entity_articles(site, iri: str, page: int) -> dict:
    """One page of the articles that mention the entity, latest first (how many there are: the index's
    count, which counts the same articles)."""
    index = await site.index()
    hit = await run_in_threadpool(index.item, iri)
    total = hit.mentions if hit else 0
    text = site.pages["entity-articles"].render({"entity": iri}) + f"\nLIMIT {PAGE} OFFSET {(page - 1) * PAGE}"
    result = await site.run(text)
    rows = [
        {"url": article_link(r[0].value), "headline": r[1].value, "date": r[2].value if r[2] else ""}
        for r in result.rows
    ]
    return {"rows": rows, "pages": _pages(total, page)}


async def home_counts(site) -> list[dict]:
    index = await site.index()
    counts = await run_in_threadpool(index.counts)
    return [
        {"kind": k, "name": KIND_ZH[k], "count": counts.get(k, 0), "url": f"/browse/{k}"} for k in search.KIND_ORDER
    ]


async def cell_links(site, result) -> dict[tuple[str, str], tuple[str, str]]:
    """Where the cells of a result table link: a name of one thing to its page, a name several things
    share to the search for it, an IRI of a thing to its page under its name.
    ((cell type, value) -> (url, text))"""
    if result.kind != "select":
        return {}
    cells = {c for row in result.rows for c in row if c is not None}
    names = {c.value for c in cells if c.type == "literal" and 0 < len(c.value) <= 40}
    iris = {c.value for c in cells if c.type == "uri"}
    index = await site.index()
    found = await run_in_threadpool(index.resolve, names) if len(names) <= 2000 else {}
    links = {}
    for name, (kind, iri) in found.items():
        links["literal", name] = (_link(kind, iri), name) if iri else ("/search?q=" + quote(name), name)
    known = await run_in_threadpool(index.kinds_and_names, iris)
    for iri in iris:
        kind, name = known.get(iri, ("", iri))
        links["uri", iri] = (_link(kind, iri), name)
    return links
