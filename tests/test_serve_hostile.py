"""kg serve against hostile and careless clients, over a real socket on 127.0.0.1: federation refused
with a listener that proves nothing was fetched, bodies too big or not UTF-8, queries nested too deep,
clients too slow, answers kept and revalidated by ETag, and a schema-driven fuzz of the saved queries."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

import pytest

from tests.conftest import ROOT, serve, stop


class Listener:
    """A TCP listener on 127.0.0.1 that records every connection made to it."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(16)
        self.port = self.sock.getsockname()[1]
        self.received: list[bytes] = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            conn.settimeout(5)
            try:
                self.received.append(conn.recv(4096) or b"(connected)")
            except OSError:
                self.received.append(b"(connected)")
            conn.close()

    def close(self):
        self.sock.close()


@pytest.fixture
def listener():
    found = Listener()
    yield found
    found.close()


@pytest.fixture(scope="module")
def server(seed_graph):
    """kg serve on the seed graph, with a one-second read timeout for slow clients."""
    base, proc = serve(["--data", str(seed_graph), "--read-timeout", "1"], seed_graph.parent / "serve.log")
    yield base
    stop(proc)


def fetch(base, path, *, params=None, data=None, content_type=None, headers=None, method=None):
    url = base + path + ("?" + urllib.parse.urlencode(params) if params else "")
    req = urllib.request.Request(url, data=data, method=method, headers=headers or {})
    if content_type:
        req.add_header("Content-Type", content_type)
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            return r.status, dict(r.headers), r.read().decode("utf-8")
    except urllib.error.HTTPError as e:
        return e.code, dict(e.headers), e.read().decode("utf-8", "replace")


def federated(port: int) -> list[str]:
    """SERVICE in the forms a client could write it: plain, lower case, SILENT, a variable, an escape."""
    iri = f"<http://127.0.0.1:{port}/sparql>"
    return [
        f"SELECT * WHERE {{ SERVICE {iri} {{ ?s ?p ?o }} }}",
        f"select * where {{ service silent {iri} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ BIND({iri} AS ?e) SERVICE ?e {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE {iri} {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ ?a ?b ?c .SERVICE{iri}{{ ?s ?p ?o }} }}",
    ]


@pytest.mark.parametrize("form", range(5))
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_hostile_service_is_refused_before_any_connection(server, listener, form, method):
    query = federated(listener.port)[form]
    if method == "GET":
        status, _, body = fetch(server, "/sparql", params={"query": query})
    else:
        status, _, body = fetch(server, "/sparql", data=query.encode(), content_type="application/sparql-query")
    assert status == 400 and "SERVICE is refused" in body
    assert listener.received == []


@pytest.mark.parametrize(
    "pattern",
    ["SELECT * FROM <{iri}> WHERE {{ ?s ?p ?o }}", "SELECT * FROM NAMED <{iri}> WHERE {{ GRAPH ?g {{ ?s ?p ?o }} }}"],
)
def test_hostile_from_an_outside_graph_fetches_nothing(server, listener, runner, seed_graph, pattern):
    """rdflib loads a FROM graph the dataset lacks from the web by default; kg turns that off."""
    from kg.cli import cli

    query = pattern.format(iri=f"http://127.0.0.1:{listener.port}/g.ttl") + " LIMIT 1"
    assert fetch(server, "/sparql", params={"query": query})[0] == 200
    assert runner.invoke(cli, ["sparql", query, "--data", str(seed_graph)]).exit_code == 0
    assert listener.received == []


@pytest.mark.parametrize("form", range(5))
def test_hostile_cli_refuses_service_in_one_line(runner, seed_graph, listener, form):
    from kg.cli import cli

    result = runner.invoke(cli, ["sparql", federated(listener.port)[form], "--data", str(seed_graph)])
    assert result.exit_code == 2 and "SERVICE is refused" in result.output
    assert "Traceback" not in result.output and listener.received == []


def test_hostile_cli_allow_service_does_reach_the_listener(runner, seed_graph, listener):
    """The listener does see a query that is let through: the tests above would see one too."""
    from kg.cli import cli

    result = runner.invoke(cli, ["sparql", federated(listener.port)[0], "--data", str(seed_graph), "--allow-service"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert listener.received and listener.received[0].startswith(b"POST /sparql")


def test_hostile_query_body_not_utf8_is_400_with_the_reason(server):
    status, _, body = fetch(server, "/sparql", data=b"SELECT \xff\xfe", content_type="application/sparql-query")
    assert status == 400 and "not UTF-8" in body and "0xff" in body


@pytest.mark.parametrize("opener", ["{", "("])
def test_hostile_deep_nesting_is_400_with_the_reason(server, opener):
    closer = {"{": "}", "(": ")"}[opener]
    if opener == "{":
        query = "SELECT * WHERE " + "{" * 300 + " ?s ?p ?o " + "}" * 300
    else:
        query = "SELECT * WHERE { ?s ?p ?o FILTER " + opener * 300 + "1" + closer * 300 + " }"
    status, _, body = fetch(server, "/sparql", params={"query": query})
    assert status == 400 and "nests 3" in body and "limit of 64" in body


@pytest.mark.parametrize("content_type", ["application/x-www-form-urlencoded", "application/sparql-query"])
def test_hostile_ten_megabyte_body_gets_413_not_a_reset(server, content_type):
    body = b"query=" + b"x" * (10 * 1024 * 1024)
    status, _, text = fetch(server, "/sparql", data=body, content_type=content_type)
    assert status == 413 and "limit is 1,048,576" in text


def test_hostile_chunked_body_over_the_limit_gets_413(server):
    """No Content-Length: the limit is counted as the chunks arrive."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=60) as s:
        s.sendall(b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n")
        s.sendall(b"Transfer-Encoding: chunked\r\n\r\n")
        chunk = b"x" * 65536
        for _ in range(20):
            s.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        s.sendall(b"0\r\n\r\n")
        answer = s.recv(4096)
    assert answer.startswith(b"HTTP/1.1 413")


@pytest.mark.parametrize(
    "partial",
    [b"", b"GET / HTTP/1.1\r\nHost: x\r\n", b"POST /sparql HTTP/1.1\r\nHost: x\r\nContent-Length: 10\r\n\r\nSEL"],
)
def test_hostile_slow_client_is_cut_off(server, partial):
    """A client that never finishes its request (slowloris) is disconnected after the read timeout; the
    socket's own timeout is only a generous bound on the test, not a measure of the server's."""
    host, port = server.removeprefix("http://").split(":")
    with socket.create_connection((host, int(port)), timeout=120) as s:
        s.sendall(partial)
        assert s.recv(1024) == b""
    assert fetch(server, "/queries")[0] == 200


@pytest.mark.parametrize(
    "path,params",
    [
        ("/", None),
        ("/queries/counts-by-type", None),
        ("/queries/aliases", {"name": "省医保局"}),
        ("/entity", {"iri": "https://example.org/kg/org/成都市委"}),
        ("/sparql", {"query": "ASK { ?s ?p ?o }"}),
    ],
)
def test_hostile_etag_and_304_for_pages_and_queries(server, path, params):
    status, headers, body = fetch(server, path, params=params)
    assert status == 200 and body
    tag = headers["etag"]
    assert tag.startswith('W/"') and headers["cache-control"] == "no-cache"
    status, again, body = fetch(server, path, params=params, headers={"If-None-Match": tag})
    assert status == 304 and body == "" and again["etag"] == tag
    other = fetch(server, path, params=params, headers={"If-None-Match": tag, "Accept": "text/csv"})
    assert other[0] in (200, 406)  # another representation, another tag


def test_hostile_a_build_changes_the_answers_and_their_etags(tmp_path):
    """A server on a store: the store's revision renews with every build's write, and with it the ETag,
    the cached results and the workers' snapshots."""
    from kg.store import LocalStore

    store = tmp_path / "st"
    kg = [sys.executable, "-m", "kg"]
    subprocess.run([*kg, "build", str(ROOT / "seeds"), "--store", str(store), "--date", "2023-12-27"], check=True)
    count = "SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    base, proc = serve(["--store", str(store)], tmp_path / "serve.log")
    try:
        status, headers, before = fetch(base, "/sparql", params={"query": count}, headers={"Accept": "text/csv"})
        assert status == 200
        graphs = LocalStore(store, read_only=True).graphs()
        removed = graphs[0].rsplit("/", 1)[-1]
        subprocess.run([*kg, "remove", removed, "--store", str(store)], check=True, stdout=subprocess.DEVNULL)
        status, _, _ = fetch(base, "/sparql", params={"query": count}, headers={"If-None-Match": headers["etag"]})
        assert status == 200  # the old tag no longer matches
        _, _, after = fetch(base, "/sparql", params={"query": count}, headers={"Accept": "text/csv"})
    finally:
        stop(proc)
    assert int(after.split()[-1]) == int(before.split()[-1]) - 1


def test_hostile_schemathesis_finds_no_server_error(server):
    """Every operation of /openapi.json, with values schemathesis generates from its parameters (typed,
    malformed, missing): never a 5xx. Run through schemathesis's Python API (its pytest plugin does not
    follow pytest 9)."""
    import schemathesis
    from hypothesis import HealthCheck, given, settings

    schema = schemathesis.openapi.from_url(server + "/openapi.json")
    operations = [found.ok() for found in schema.get_all_operations()]
    assert len(operations) >= 10

    for operation in operations:

        @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
        @given(case=operation.as_strategy())
        def no_server_error(case):
            response = case.call(base_url=server, timeout=120)
            assert response.status_code < 500, (case.path, case.query, response.text[:300])

        no_server_error()


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").iterdir():
        found += [int(c) for c in (task / "children").read_text().split()]
    return found


def _tcp_sockets() -> set[str]:
    """Every TCP socket of the machine, as /proc/PID/fd names them (socket:[INODE])."""
    found = set()
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if Path(table).exists():
            for line in Path(table).read_text().splitlines()[1:]:
                found.add(f"socket:[{line.split()[9]}]")
    return found


def _gone(pid: int, proc, deadline: float = 120.0) -> bool:
    """Whether a process has ended (or is a zombie nobody reaps), checked until a generous deadline."""
    import time

    from tests.conftest import exited_while_waiting

    end = time.monotonic() + deadline
    while time.monotonic() < end:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().split(")")[-1].split()[0]
        except FileNotFoundError:
            return True
        if state == "Z":
            return True
        exited_while_waiting(proc, 0.1)
    return False


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="reads /proc")
def test_hostile_a_replaced_worker_holds_no_socket_and_ends_with_the_server(seed_graph, tmp_path):
    """A worker forked while the server runs (to replace one killed by a timeout) holds none of the
    server's sockets: it would keep clients' connections open after the server closed them. And when the
    server stops, every worker ends with it, the replaced one too (it had taken the server's handler for
    SIGTERM)."""
    base, proc = serve(["--data", str(seed_graph), "--timeout", "1", "--workers", "1"], tmp_path / "serve.log")
    try:
        heavy = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
        assert fetch(base, "/sparql", params={"query": heavy})[0] == 504  # the worker is replaced
        assert fetch(base, "/sparql", params={"query": "ASK { ?s ?p ?o }"})[0] == 200
        workers = _children(proc.pid)
        assert len(workers) == 1
        held = {os.readlink(f"/proc/{workers[0]}/fd/{fd}") for fd in os.listdir(f"/proc/{workers[0]}/fd")}
        assert not held & _tcp_sockets(), held
    finally:
        stop(proc)
    assert all(_gone(pid, proc) for pid in workers)
