"""Property-based tests (hypothesis): any bytes given to ingest give articles or one clean InputError;
no parameter value changes a saved query's structure; the query guard is not fooled by escapes."""

from __future__ import annotations

import codecs

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib import Literal, URIRef, Variable
from rdflib.plugins.sparql import prepareQuery
from rdflib.plugins.sparql.parserutils import CompValue

from kg.errors import InputError
from kg.ingest import read_articles
from kg.query import guard, saved

SETTINGS = settings(
    max_examples=30, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)

# Bytes as real inputs come: noise, text in the encodings kg reads, JSON-ish lines, with or without a BOM.
_TEXT = st.text(alphabet=st.characters(codec="utf-8"), max_size=400)
INPUT_BYTES = st.one_of(
    st.binary(max_size=600),
    _TEXT.map(lambda t: t.encode("utf-8")),
    _TEXT.map(lambda t: t.encode("gb18030")),
    _TEXT.map(lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le")),
    st.lists(
        st.sampled_from(['{"headline": "某市", "text": "会议召开。"}', "{", "[]", '{"text": 1}', "", "某市召开会议。"]),
        max_size=6,
    ).map(lambda lines: "\n".join(lines).encode("utf-8")),
)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".jsonl"])
@SETTINGS
@given(data=INPUT_BYTES)
def test_properties_any_bytes_give_articles_or_one_input_error(tmp_path, suffix, data):
    path = tmp_path / f"input{suffix}"
    path.write_bytes(data)
    try:
        articles = read_articles([path])
    except InputError as e:
        assert str(e).startswith(str(path)) and "\n" not in str(e)
        return
    assert articles and all(a.paragraphs and a.text for a in articles)


def _skeleton(node):
    """A parsed query with every literal's value and every IRI blanked: its structure."""
    if isinstance(node, Literal):
        return "LITERAL"
    if isinstance(node, URIRef):
        return "IRI"
    if isinstance(node, Variable):
        return f"?{node}"
    if isinstance(node, CompValue):
        return (node.name, tuple(sorted((k, _skeleton(v)) for k, v in node.items())))
    if isinstance(node, dict):
        return tuple(sorted((str(k), _skeleton(v)) for k, v in node.items()))
    if isinstance(node, (set, frozenset)):
        return tuple(sorted(map(str, map(_skeleton, node))))
    if isinstance(node, (list, tuple)):
        return tuple(_skeleton(x) for x in node)
    return repr(node)


def _terms(node, found):
    """Every literal and IRI in a parsed query."""
    if isinstance(node, (Literal, URIRef)):
        found.add(node)
    elif isinstance(node, (CompValue, dict)):
        for v in node.values():
            _terms(v, found)
    elif isinstance(node, (list, tuple, set, frozenset)):
        for v in node:
            _terms(v, found)
    return found


_LITERAL_PARAMS = [(q, p) for q in saved.catalogue().values() for p in q.params if p.type == "literal"]
_HOSTILE = st.one_of(
    st.text(min_size=1, max_size=60).filter(str.strip),
    st.sampled_from(
        ['x" } UNION { ?s ?p ?o } #', "x' . ?s ?p ?o", '"""', "\\", "} ; DROP ALL", "\\u0022 } #", "$entity"]
    ),
)


@pytest.mark.parametrize("query,param", _LITERAL_PARAMS, ids=[f"{q.name}-{p.name}" for q, p in _LITERAL_PARAMS])
@SETTINGS
@given(value=_HOSTILE)
def test_properties_no_parameter_value_changes_a_query_structure(query, param, value):
    """The query with any value parses to the same structure as with a plain example, and holds the
    value as one literal, whole; or the value is refused, as one holding \\u escapes is (rdflib reads
    them before parsing, even inside a string)."""
    values = {p.name: p.example for p in query.params}
    plain = prepareQuery(query.render(values)).algebra
    values[param.name] = value
    try:
        text = query.render(values)
    except saved.QueryError:
        assert guard.ESCAPE.search(value)
        return
    bound = prepareQuery(text).algebra
    assert _skeleton(bound) == _skeleton(plain)
    assert Literal(value.strip(), lang="zh") in _terms(bound, set())


@SETTINGS
@given(
    prefix=st.sampled_from(["", "  ", "# note\n", "?x ?y ?z .", "FILTER(1 < 2)"]),
    escaped=st.sets(st.integers(0, 6), min_size=1),
    form=st.sampled_from(["\\u{:04X}", "\\U{:04x}", "\\u{:08X}", "\\U{:08x}"]),
)
def test_properties_the_guard_sees_service_through_escapes(prefix, escaped, form):
    """SERVICE with any of its letters written as an escape, in any form rdflib reads (either letter,
    four or eight digits), is still SERVICE to the guard, as it is to rdflib."""
    word = "".join(form.format(ord(c)) if k in escaped else c for k, c in enumerate("SERVICE"))
    query = f"SELECT * WHERE {{ {prefix} {word} <http://127.0.0.1:9/> {{ ?s ?p ?o }} }}"
    with pytest.raises(guard.QueryRefused, match="SERVICE is refused"):
        guard.check(query)


@pytest.mark.parametrize(
    "query",
    [
        'SELECT * WHERE { ?s ?p "SERVICE <http://x/> {}" }',
        "SELECT * WHERE { ?s <http://e.org/SERVICE> ?o }",
        "SELECT ?service WHERE { ?service ?p ?o } # SERVICE <http://x/>",
        "PREFIX service: <http://e.org/> SELECT * WHERE { ?s service:x ?o }",
    ],
)
def test_properties_the_guard_lets_the_word_pass_where_it_is_no_keyword(query):
    guard.check(query)
