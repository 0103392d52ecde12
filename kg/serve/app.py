"""kg serve: the SPARQL Protocol, the saved queries with OpenAPI, and HTML pages, as one Starlette app."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import HTMLResponse, JSONResponse, PlainTextResponse, Response
from starlette.routing import Route

from kg import __version__
from kg.query import formats, guard, saved, search
from kg.serve import negotiate, openapi, svg, views
from kg.serve.cache import ResultCache, etag, matches
from kg.serve.hygiene import BodyLimit, guarded_protocol
from kg.serve.present import TYPE_ZH, entity_facts, entity_link
from kg.serve.runner import Busy, Limits, QueryRunner, QueryTimeout, ResultTooLarge
from kg.store.engine import Result, SparqlError

PAGES = saved.QUERIES / "pages"
_UPDATE = "application/sparql-update"


class Site:
    """What the routes share: the runner, the cache, the catalogue, the page queries and the templates."""

    def __init__(self, backend_factory, limits: Limits, version: Callable[[], str | None], index=None):
        self.version = version
        self.search = search.Keeper(index or search.place_for(None), backend_factory, version)
        self.runner = QueryRunner(backend_factory, limits, version)
        self.cache = ResultCache(limits.cache)
        self.queries = saved.catalogue()
        self.pages = {p.stem: saved.parse(p) for p in sorted(PAGES.glob("*.rq"))}
        self.templates = Environment(loader=PackageLoader("kg.serve", "templates"), autoescape=select_autoescape())
        self.templates.filters["entity_link"] = entity_link

    def html(self, template: str, status: int = 200, **context) -> HTMLResponse:
        page = self.templates.get_template(template).render(version=__version__, **context)
        return HTMLResponse(page, status_code=status)

    async def run(self, text: str) -> Result:
        """The query's result: refused (QueryRefused) before anything runs, from the cache, or run by a
        worker and then kept in the cache."""
        guard.check(text)
        version = self.version()
        found = self.cache.get(version, text)
        if found is None:
            found = await run_in_threadpool(self.runner.run, text, version)
            self.cache.put(version, text, found)
        return found

    async def index(self) -> search.Index:
        """The search index, rebuilt first when the store changed since it was built (IndexUnavailable
        when it can be neither read nor written)."""
        try:
            return await run_in_threadpool(self.search.current)
        except (OSError, sqlite3.Error, search.StaleIndex) as e:
            raise IndexUnavailable(f"the search index cannot be read or written: {e}") from None

    def tag(self, request: Request) -> str | None:
        """The ETag of a GET request's answer: the store's version and what the request asks."""
        if request.method != "GET":
            return None
        return etag(self.version(), __version__, request.url.path, request.url.query, request.headers.get("accept", ""))


def revalidated(site: Site, route: Callable):
    """A route whose answers clients may keep: 304 Not Modified when the client already holds this one
    (its ETag), and the ETag and Cache-Control on every answer that is a 200. A query the route runs
    that gives no result (a bad query, a timeout, a full pool, no index) is answered with its status
    and reason."""

    async def answer(request: Request) -> Response:
        tag = site.tag(request)
        if tag is not None and matches(request.headers.get("if-none-match"), tag):
            return Response(status_code=304, headers=_caching(tag))
        try:
            response = await route(request)
        except _FAILURES as e:
            response = _failure(e)
        response = _as_json_if_asked(request, response)
        if response.status_code == 200:
            response.headers.update(_caching(tag))
        return response

    return answer


def _as_json_if_asked(request: Request, response: Response) -> Response:
    """A refusal or failure (4xx, 5xx) in plain text, as JSON for a client that asks for JSON (an API
    client; a browser gets the HTML page, others the plain reason): {"error": reason, "status": code}."""
    if response.status_code < 400 or not response.media_type or not response.media_type.startswith("text/plain"):
        return response
    accept = (request.headers.get("accept") or "").lower()
    if "json" not in accept:
        return response
    headers = {k: v for k, v in response.headers.items() if k.lower() in ("allow", "retry-after")}
    reason = bytes(response.body).decode("utf-8").strip()
    return JSONResponse({"error": reason, "status": response.status_code}, response.status_code, headers)


def _caching(tag: str | None) -> dict[str, str]:
    """Clients may keep an answer, and must ask again (with its ETag) before using it."""
    if tag is None:
        return {"Cache-Control": "no-store"}
    return {"ETag": tag, "Cache-Control": "no-cache", "Vary": "Accept"}


def create_app(
    backend_factory: Callable[[], object],
    limits: Limits | None = None,
    version: Callable[[], str | None] = lambda: None,
    max_body: int = 1024 * 1024,
    index: Path | tuple[Path, ...] | None = None,
):
    """The ASGI app: the routes behind the request body limit. ``version`` gives the store's version
    (None: unknown, nothing is cached); ``index`` is where the search index lives (kg.query.search)."""
    site = Site(backend_factory, limits or Limits(), version, index)

    async def home(request: Request) -> Response:
        counts = await views.home_counts(site)
        return site.html("home.html", queries=list(site.queries.values()), counts=counts)

    async def sparql_endpoint(request: Request) -> Response:
        text, problem = await _protocol_query(request)
        if problem is not None:
            return problem
        return await _answer(site, request, text, title="SPARQL 查询")

    async def catalogue(request: Request) -> Response:
        rows = [
            {
                "name": q.name,
                "title": q.title,
                "description": q.description,
                "example": q.example,
                "url": f"/queries/{q.name}",
                "params": [
                    {
                        "name": p.name,
                        "type": p.type,
                        "default": p.default,
                        "example": p.example,
                        "description": p.description,
                    }
                    for p in q.params
                ],
            }
            for q in site.queries.values()
        ]
        return JSONResponse(rows)

    async def saved_query(request: Request) -> Response:
        name = request.path_params["name"]
        query = site.queries.get(name)
        if query is None:
            return PlainTextResponse(f"no saved query {name!r}\n", status_code=404)
        values = dict(request.query_params)
        wants_html = negotiate.choose(request.headers.get("accept"), "select") == ("html", negotiate.HTML)
        if wants_html and not values and any(p.default is None for p in query.params):
            return site.html("query.html", query=query, values={}, result=None, error=None)
        try:
            text = query.render(values)
        except saved.QueryError as e:
            if wants_html:
                return site.html("query.html", status=422, query=query, values=values, result=None, error=str(e))
            return PlainTextResponse(f"{e}\n", status_code=422)
        title = query.title_zh or query.title
        return await _answer(site, request, text, title=title, query=query, values=values)

    async def api(request: Request) -> Response:
        return JSONResponse(openapi.spec(site.queries, __version__))

    async def entity(request: Request) -> Response:
        iri = request.query_params.get("iri", "")
        try:
            card_query = site.pages["entity"].render({"entity": iri})
            facts_query = site.pages["entity-facts"].render({"entity": iri})
        except saved.QueryError as e:
            return PlainTextResponse(f"{e}\n", status_code=422)
        # the card and the facts at once, on two workers
        card, facts = await asyncio.gather(site.run(card_query), site.run(facts_query))
        names = [r[0].value for r in card.rows if r[0]]
        if not card.rows:
            return site.html("error.html", status=404, title="没有这个实体", message=f"图中没有 {iri}")
        aliases = sorted({r[1].value for r in card.rows if r[1]})
        local = {r[2].value.rsplit("/", 1)[-1].rsplit("#", 1)[-1] for r in card.rows if r[2]}
        if "NewsArticle" in local:  # an article has a page of its own
            return await _page(site, views.article_page)(request)
        page = views.page_number(request)
        if page is None:
            return site.html("error.html", status=400, title="参数有误", message="页码应为正整数")
        types = sorted(TYPE_ZH.get(t, t) for t in local)
        sections, neighbours = entity_facts(facts.rows)
        name = names[0] if names else iri
        picture = svg.neighbourhood(name, neighbours, entity_link)
        event, articles = await asyncio.gather(
            views.event_part(site, iri) if "Event" in local else _nothing(), views.entity_articles(site, iri, page)
        )
        return site.html(
            "entity.html",
            iri=iri,
            name=name,
            aliases=aliases,
            types=types,
            sections=sections,
            picture=picture,
            event=event,
            articles=articles,
        )

    async def refuse_write(request: Request) -> Response:
        return PlainTextResponse(
            "this endpoint is read-only: no SPARQL Update, no Graph Store writes\n",
            status_code=405,
            headers={"Allow": "GET, POST"},
        )

    routes = [
        Route("/", revalidated(site, home)),
        Route("/sparql", revalidated(site, sparql_endpoint), methods=["GET", "POST"]),
        Route("/sparql", refuse_write, methods=["PUT", "DELETE", "PATCH"]),
        Route("/queries", revalidated(site, catalogue)),
        Route("/queries/{name}", revalidated(site, saved_query)),
        Route("/openapi.json", revalidated(site, api)),
        Route("/entity", revalidated(site, entity)),
        Route("/search", revalidated(site, _page(site, views.search_page))),
        Route("/browse/{kind}", revalidated(site, _page(site, views.browse_page))),
        Route("/article", revalidated(site, _page(site, views.article_page))),
        Route("/data", refuse_write, methods=["PUT", "POST", "DELETE", "PATCH"]),
    ]
    return BodyLimit(Starlette(routes=routes), max_body)


async def _nothing() -> None:
    return None


def _page(site: Site, view: Callable):
    """A page of kg.serve.views as a route: a query that fails is an error page with its reason."""

    async def route(request: Request) -> Response:
        try:
            return await view(site, request)
        except _FAILURES as e:
            status = _failure(e).status_code
            return site.html("error.html", status=status, title="查询失败", message=str(e))

    return route


async def _protocol_query(request: Request) -> tuple[str, Response | None]:
    """The query of a SPARQL Protocol request (GET ?query=, POST form, POST sparql-query), or a 4xx."""
    if request.method == "GET":
        if "update" in request.query_params:
            return "", PlainTextResponse("SPARQL Update is not allowed: the endpoint is read-only\n", status_code=403)
        text = request.query_params.get("query")
    else:
        kind = request.headers.get("content-type", "").split(";")[0].strip().lower()
        if kind == _UPDATE:
            return "", PlainTextResponse("SPARQL Update is not allowed: the endpoint is read-only\n", status_code=403)
        if kind == "application/sparql-query":
            body = await request.body()
            try:
                text = body.decode("utf-8")
            except UnicodeDecodeError as e:
                return "", PlainTextResponse(
                    f"the query is not UTF-8: byte 0x{body[e.start]:02x} at position {e.start}\n", status_code=400
                )
        elif kind in ("application/x-www-form-urlencoded", "multipart/form-data"):
            form = await request.form()
            if "update" in form:
                return "", PlainTextResponse(
                    "SPARQL Update is not allowed: the endpoint is read-only\n", status_code=403
                )
            text = form.get("query")
        else:
            return "", PlainTextResponse(f"unsupported content type {kind or '(none)'}\n", status_code=415)
    if not text or not str(text).strip():
        return "", PlainTextResponse("no query: give ?query=... or POST one\n", status_code=400)
    return str(text), None


class IndexUnavailable(Exception):
    """The search index can be neither read nor rebuilt (a full disk, a store folder gone)."""


_FAILURES = (SparqlError, ResultTooLarge, QueryTimeout, Busy, IndexUnavailable)


def _failure(e: Exception) -> Response:
    """A query that did not give a result, as a status with its reason."""
    if isinstance(e, SparqlError):  # a bad query, or one refused (SERVICE, nesting)
        return PlainTextResponse(f"{e}\n", status_code=400)
    if isinstance(e, ResultTooLarge):
        return PlainTextResponse(f"{e}\n", status_code=422)
    if isinstance(e, QueryTimeout):
        return PlainTextResponse(f"{e}\n", status_code=504)
    return PlainTextResponse(f"{e}\n", status_code=503, headers={"Retry-After": "1"})  # Busy


async def _answer(site: Site, request: Request, text: str, title: str, query=None, values=None) -> Response:
    accept = request.headers.get("accept")
    try:
        result = await site.run(text)
    except _FAILURES as e:
        failed = _failure(e)
        if negotiate.choose(accept, "select") == ("html", negotiate.HTML):  # a browser: the page, the query kept
            page = "query.html" if query is not None else "results.html"
            context = {"query": query, "values": values or {}, "result": None, "title": title, "text": text}
            return site.html(page, status=failed.status_code, error=str(e), **context)
        return failed
    chosen = negotiate.choose(accept, result.kind)
    if chosen is None:
        return PlainTextResponse(f"cannot answer in {accept}\n", status_code=406)
    fmt, media = chosen
    if fmt == "html":
        page = "query.html" if query is not None else "results.html"
        try:
            links = await views.cell_links(site, result)
        except _FAILURES:
            links = {}  # the result without its links, rather than no result
        context = {"query": query, "values": values or {}, "result": result, "title": title, "text": text}
        return site.html(page, error=None, links=links, **context)
    body = formats.render(result, fmt)
    return Response(body, media_type=media + ("; charset=utf-8" if media.startswith("text/") else ""))


def serve(
    backend_factory,
    host: str,
    port: int,
    limits: Limits,
    version: Callable[[], str | None] = lambda: None,
    max_body: int = 1024 * 1024,
    read_timeout: float = 10.0,
    index: Path | tuple[Path, ...] | None = None,
) -> None:
    import uvicorn

    app = create_app(backend_factory, limits, version, max_body, index)
    uvicorn.run(app, host=host, port=port, log_level="warning", http=guarded_protocol(read_timeout))
