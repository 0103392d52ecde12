"""Shapes and kg validate: one failing graph per constraint, malformed input, the seed graph conforms."""

from __future__ import annotations

import json

import pytest

from kg.cli import cli

PREFIXES = """@prefix schema: <https://schema.org/> . @prefix org: <http://www.w3.org/ns/org#> .
@prefix prov: <http://www.w3.org/ns/prov#> . @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> . @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix kg: <https://w3id.org/kg-news/ns#> . @prefix : <https://example.org/kg/> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
"""
# A small graph that conforms, one triple a line: an article, its evidence sentence, a person holding
# a post in an organization (the holding is the membership :m, with its sentence), two places (the
# link stated by the sentence and drawn from the gazetteer :gz), an event and a statistic.
GOOD = """
:a a schema:NewsArticle .
:a schema:headline "标题"@zh .
:a schema:datePublished "2023-12-27"^^xsd:date .
:s a nif:Sentence .
:s nif:anchorOf "某局局长张三介绍。"@zh .
:s nif:beginIndex "0"^^xsd:integer .
:s nif:endIndex "9"^^xsd:integer .
:s nif:referenceContext :a .
:p a schema:Person .
:p schema:name "张三"@zh .
:p org:holds :post .
:o a org:Organization .
:o schema:name "某局"@zh .
:r a org:Role .
:r skos:prefLabel "局长"@zh .
:post a org:Post .
:post org:postIn :o .
:post org:role :r .
:post rdfs:label "某局局长"@zh .
:m a org:Membership .
:m org:member :p .
:m org:organization :o .
:m org:role :r .
:m kg:post :post .
:m kg:status "current" .
:m prov:wasDerivedFrom :s .
:p schema:hasOccupation :occ .
:occ a schema:Occupation .
:occ schema:name "律师"@zh .
:st3 a rdf:Statement .
:st3 rdf:subject :p .
:st3 rdf:predicate schema:hasOccupation .
:st3 rdf:object :occ .
:st3 prov:wasDerivedFrom :s .
:x a schema:Place .
:x schema:name "某区"@zh .
:y a schema:Place .
:y schema:name "某市"@zh .
:x schema:containedInPlace :y .
:st a rdf:Statement .
:st rdf:subject :x .
:st rdf:predicate schema:containedInPlace .
:st rdf:object :y .
:st prov:wasDerivedFrom :s .
:st prov:wasDerivedFrom :gz .
:gz a prov:Entity .
:gz schema:name "jionlp 行政区划数据"@zh .
:gz schema:version "1.5.31" .
:e a schema:Event .
:e schema:name "某某推进会"@zh .
:e schema:startDate "2023-12"^^xsd:gYearMonth .
:e prov:wasDerivedFrom :s .
:obs a schema:Observation .
:obs schema:observationAbout :x .
:obs schema:variableMeasured "零售总额"@zh .
:obs schema:value "1298.6"^^xsd:decimal .
:obs schema:unitText "亿元" .
:obs schema:observationPeriod "2023-01/2023-11" .
:obs prov:wasDerivedFrom :s .
"""

# (name, triples to add, the line of GOOD to take out, the English message expected)
BROKEN = [
    ("person-two-names", ':p schema:name "张三丰"@zh .', "", "exactly one name tagged @zh"),
    ("person-untagged-name", ':p schema:name "张三" .', ':p schema:name "张三"@zh .', "exactly one name tagged @zh"),
    ("org-no-name", "", ':o schema:name "某局"@zh .', "An organization needs exactly one full name"),
    ("org-sub-of-place", ":o org:subOrganizationOf :x .", "", "must point to an org:Organization"),
    (
        "org-cycle",
        ':o2 a org:Organization . :o2 schema:name "某处"@zh . :o2 org:subOrganizationOf :o . '
        ":o org:subOrganizationOf :o2 .",
        "",
        "(a cycle)",
    ),
    ("place-in-itself", ":y schema:containedInPlace :x .", "", "containment cycle"),
    ("place-in-person", ":x schema:containedInPlace :p .", "", "must point to a schema:Place"),
    ("post-in-person", ":post org:postIn :p .", "", "exactly one org:postIn pointing to an org:Organization"),
    ("post-no-role", "", ":post org:role :r .", "exactly one org:role"),
    ("post-no-holder", "", ":p org:holds :post .", "must be held"),
    ("membership-no-member", "", ":m org:member :p .", "exactly one org:member"),
    ("membership-member-org", ":m org:member :o .", "", "exactly one org:member pointing to a schema:Person"),
    ("membership-no-role", "", ":m org:role :r .", "exactly one org:role pointing to an org:Role"),
    (
        "membership-two-orgs",
        ':o3 a org:Organization . :o3 schema:name "另一局"@zh . :m org:organization :o3 .',
        "",
        "at most one org:organization",
    ),
    ("membership-post-is-role", ":m kg:post :r .", ":m kg:post :post .", "at most one kg:post, an org:Post"),
    (
        "membership-bad-status",
        ':m kg:status "retired" .',
        ':m kg:status "current" .',
        "current, former, acting or nominated",
    ),
    ("membership-no-evidence", "", ":m prov:wasDerivedFrom :s .", "A membership needs its evidence"),
    (
        "membership-evidence-is-article",
        ":m prov:wasDerivedFrom :a .",
        ":m prov:wasDerivedFrom :s .",
        "A membership needs its evidence",
    ),
    (
        "membership-evidence-outside-articles",
        ":s2 a nif:Sentence . :m prov:wasDerivedFrom :s2 .",
        ":m prov:wasDerivedFrom :s .",
        "An evidence sentence must point to its article",
    ),
    ("containment-no-statement", "", ":st rdf:subject :x .", "link needs an rdf:Statement with its source"),
    (
        "containment-statement-no-source",
        "",
        ":st prov:wasDerivedFrom :s .\n:st prov:wasDerivedFrom :gz .",
        "A statement needs its source",
    ),
    (
        "statement-bad-predicate",
        ":st rdf:predicate schema:location .",
        "",
        "org:subOrganizationOf or schema:hasOccupation",
    ),
    ("statement-source-person", ":st prov:wasDerivedFrom :p .", "", "a nif:Sentence or a gazetteer"),
    ("occupation-no-statement", "", ":st3 rdf:object :occ .", "An occupation needs an rdf:Statement"),
    ("occupation-no-name", "", ':occ schema:name "律师"@zh .', "An occupation needs exactly one name"),
    ("gazetteer-no-version", "", ':gz schema:version "1.5.31" .', "exactly one schema:version"),
    ("role-no-label", "", ':r skos:prefLabel "局长"@zh .', "exactly one skos:prefLabel"),
    ("article-no-headline", "", ':a schema:headline "标题"@zh .', "needs a headline"),
    ("article-date-not-date", ':a schema:datePublished "2023-12" .', "", "an xsd:date"),
    (
        "sentence-begin-after-end",
        ':s nif:beginIndex "20"^^xsd:integer .',
        ':s nif:beginIndex "0"^^xsd:integer .',
        "less than nif:endIndex",
    ),
    (
        "sentence-negative",
        ':s nif:beginIndex "-1"^^xsd:integer .',
        ':s nif:beginIndex "0"^^xsd:integer .',
        "non-negative integer",
    ),
    ("sentence-no-article", "", ":s nif:referenceContext :a .", "must point to its article"),
    ("event-two-names", ':e schema:name "另一个会"@zh .', "", "An event needs exactly one name"),
    (
        "event-bad-date",
        ':e schema:startDate "去年" .',
        ':e schema:startDate "2023-12"^^xsd:gYearMonth .',
        "xsd:date, xsd:gYearMonth or xsd:gYear",
    ),
    ("event-attendee-place", ":e schema:attendee :x .", "", "schema:attendee must point to a schema:Person"),
    ("event-no-evidence", "", ":e prov:wasDerivedFrom :s .", "An event needs its evidence"),
    ("observation-no-about", "", ":obs schema:observationAbout :x .", "exactly one schema:observationAbout"),
    ("observation-value-string", ':obs schema:value "很多" .', "", "an xsd:decimal"),
    (
        "observation-bad-period",
        ':obs schema:observationPeriod "今年" .',
        ':obs schema:observationPeriod "2023-01/2023-11" .',
        "must be ISO 8601",
    ),
    ("observation-no-evidence", "", ":obs prov:wasDerivedFrom :s .", "An observation needs its evidence"),
    ("org-alternate-name-plain", ':o schema:alternateName "某某局" .', "", "alternate name must be a language-tagged"),
    ("article-author-org", ":a schema:author :o .", "", "schema:author must point to a schema:Person"),
    ("article-mentions-literal", ':a schema:mentions "张三" .', "", "schema:mentions must point to an IRI"),
    ("post-no-label", "", ':post rdfs:label "某局局长"@zh .', "A post needs one label"),
    ("event-organizer-place", ":e schema:organizer :x .", "", "must be an organization or a person"),
    ("event-location-person", ":e schema:location :p .", "", "schema:location must point to a schema:Place"),
    ("sentence-no-anchor", "", ':s nif:anchorOf "某局局长张三介绍。"@zh .', "exactly one nif:anchorOf"),
    ("sentence-no-end", "", ':s nif:endIndex "9"^^xsd:integer .', "nif:endIndex must be a non-negative"),
    ("observation-no-variable", "", ':obs schema:variableMeasured "零售总额"@zh .', "exactly one variableMeasured"),
    ("observation-unit-number", ":obs schema:unitText 5 .", "", "at most one unitText"),
    ("observation-approximate-text", ':obs kg:approximate "是" .', "", "kg:approximate must be an xsd:boolean"),
    ("observation-reported-not-date", ':obs kg:reportedOn "2023年12月" .', "", "kg:reportedOn is at most one xsd:date"),
]


def graph(add: str, remove: str) -> str:
    lines = GOOD.strip().splitlines()
    for line in remove.splitlines():  # one line or several
        assert line in lines, line
        lines.remove(line)
    return PREFIXES + "\n".join(lines) + "\n" + add + "\n"


def test_validate_the_small_graph_conforms(runner, tmp_path):
    path = tmp_path / "good.ttl"
    path.write_text(graph("", ""), encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert result.output.splitlines()[-1].startswith("conforms: 0 violations")


@pytest.mark.parametrize("name,add,remove,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_validate_each_constraint_fails_with_its_message(runner, tmp_path, name, add, remove, message):
    path = tmp_path / f"{name}.ttl"
    path.write_text(graph(add, remove), encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 1, result.output
    assert message in result.output
    assert "does not conform" in result.output.splitlines()[-1]


def test_validate_messages_are_in_chinese_and_english(runner, tmp_path):
    path = tmp_path / "bad.ttl"
    path.write_text(graph(':p schema:name "张三丰"@zh .', ""), encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path), "--format", "json"])
    (row,) = [r for r in json.loads(result.output) if r["shape"] == "PersonShape"]
    assert row["message"] == "人物必须有且只有一个中文名称（@zh） / A person needs exactly one name tagged @zh"
    assert row["label"] in ("张三", "张三丰") and row["focus"] == "https://example.org/kg/p"


def test_validate_turtle_report_is_a_shacl_report(runner, tmp_path):
    from rdflib import Graph, Namespace

    path = tmp_path / "bad.ttl"
    path.write_text(graph(':obs schema:value "很多" .', ""), encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path), "--format", "turtle"])
    assert result.exit_code == 1
    sh = Namespace("http://www.w3.org/ns/shacl#")
    report = Graph().parse(data=result.output, format="turtle")
    assert len(list(report.subjects(None, sh.ValidationResult))) >= 1


def test_validate_missing_date_is_only_a_warning(runner, tmp_path):
    path = tmp_path / "nodate.ttl"
    path.write_text(graph("", ':a schema:datePublished "2023-12-27"^^xsd:date .'), encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 0, result.output
    assert "[Warning]" in result.output


@pytest.mark.parametrize(
    "name,content,needle",
    [
        ("broken.ttl", "@prefix : <https://example.org/> .\n:a :b :c .\n:a :b \n", "broken.ttl"),
        ("broken.nt", "<https://example.org/a> <https://example.org/b> .\n", "broken.nt"),
        ("broken.trig", "<https://example.org/g> { <https://example.org/a> <b> \n", "broken.trig"),
        ("data.csv", "a,b\n", "unknown RDF format"),
    ],
)
def test_validate_unusable_input_exits_2_naming_the_file(runner, tmp_path, name, content, needle):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2, result.output
    assert needle in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_validate_syntax_error_names_the_line(runner, tmp_path):
    path = tmp_path / "broken.ttl"
    path.write_text("@prefix : <https://example.org/> .\n:a :b :c .\n:a :b :c :d .\n", encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(path)])
    assert result.exit_code == 2
    assert f"{path}:3:" in result.output


def test_validate_missing_file_exits_2(runner, tmp_path):
    result = runner.invoke(cli, ["validate", str(tmp_path / "nope.ttl")])
    assert result.exit_code == 2 and "no such file" in result.output


def test_validate_a_folder_and_several_formats(runner, tmp_path):
    from rdflib import Graph

    good = Graph().parse(data=graph("", ""), format="turtle")
    (tmp_path / "d").mkdir()
    good.serialize(tmp_path / "d" / "a.nt", format="nt", encoding="utf-8")
    good.serialize(tmp_path / "d" / "b.jsonld", format="json-ld")
    good.serialize(tmp_path / "d" / "c.rdf", format="xml")
    result = runner.invoke(cli, ["validate", str(tmp_path / "d")])
    assert result.exit_code == 0, result.output


def test_validate_custom_shapes(runner, tmp_path):
    shapes = tmp_path / "s.ttl"
    shapes.write_text(
        "@prefix sh: <http://www.w3.org/ns/shacl#> . @prefix schema: <https://schema.org/> .\n"
        "[] a sh:NodeShape ; sh:targetClass schema:Person ; sh:property [ sh:path schema:email ; sh:minCount 1 ;"
        ' sh:message "no email"@en ] .\n',
        encoding="utf-8",
    )
    data = tmp_path / "g.ttl"
    data.write_text(graph("", ""), encoding="utf-8")
    result = runner.invoke(cli, ["validate", str(data), "--shapes", str(shapes)])
    assert result.exit_code == 1 and "no email" in result.output


def _mapped(turtle: str):
    """A Mapped article from Turtle: each subject's triples one fact, so quarantine names the subject."""
    from rdflib import Graph, URIRef

    from kg.rdf.mapping import Mapped

    g = Graph().parse(data=PREFIXES + turtle, format="turtle")
    by_subject: dict = {}
    for t in sorted(g):
        by_subject.setdefault(str(t[0]), []).append(t)
    return Mapped(URIRef("https://example.org/kg/a"), facts=sorted(by_subject.items()))


@pytest.mark.parametrize("name,add,remove,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_validate_a_batch_checks_each_article_as_if_alone(name, add, remove, message):
    """The build checks 32 articles in one pyshacl run; the broken article between two good ones that
    share its IRIs must come out as when checked alone (a naive union would let the good articles'
    triples satisfy, or break, the broken one's constraints)."""
    from kg.validate import Validator

    v = Validator()
    batch = [_mapped(GOOD), _mapped(graph(add, remove)), _mapped(GOOD)]
    assert v.check_many(batch) == [v.check(m) for m in batch]


def test_validate_a_batch_does_not_borrow_types_from_other_articles():
    """:o is a place in the first article and an organization in the second: the post in :o is still
    quarantined in the first, though the union of the two would type :o as both."""
    from kg.validate import Validator

    place = graph(":o a schema:Place .", ":o a org:Organization .")
    first, second = Validator().check_many([_mapped(place), _mapped(GOOD)])
    assert [q.fact for q in first] == ["https://example.org/kg/m", "https://example.org/kg/post"]
    assert "org:organization, an org:Organization" in first[0].results[0].message
    assert "org:postIn pointing to an org:Organization" in first[1].results[0].message
    assert first[1].results[0].focus == "https://example.org/kg/post" and second == []


def _report_rows(report) -> set:
    from rdflib import Namespace

    sh = Namespace("http://www.w3.org/ns/shacl#")
    rows = set()
    for r in report.subjects(sh.resultSeverity, None):
        rows.add(
            tuple(
                str(report.value(r, p))
                for p in (sh.focusNode, sh.resultPath, sh.value, sh.resultSeverity, sh.sourceConstraintComponent)
            )
            + (frozenset(map(str, report.objects(r, sh.resultMessage))),)
        )
    return rows


@pytest.mark.parametrize("name,add,remove,message", BROKEN, ids=[b[0] for b in BROKEN])
def test_validate_flattened_shapes_give_what_pyshacl_gives_on_the_shapes_as_written(name, add, remove, message):
    """kg hands pyshacl its property shapes with their node shape's targets (far faster, same meaning):
    every broken graph must give the same results as plain pyshacl.validate on shapes/kg.ttl."""
    from pyshacl import validate as plain
    from rdflib import Graph

    from kg.validate import shacl

    data = Graph().parse(data=PREFIXES + graph(add, remove), format="turtle")
    shapes = shacl.shapes_graph()
    _, want, _ = plain(data, shacl_graph=shapes, inference="none", allow_infos=True, allow_warnings=True)
    got = _report_rows(shacl.validate(data, shapes).graph)
    assert got == _report_rows(want)
    assert got, "each broken graph breaks something"


def test_validate_report_names_a_node_with_two_names_alike_in_every_process(tmp_path):
    """Regression: a node with two names was named by whichever rdflib returned first, which changed with
    Python's hash seed, so the same file gave two reports."""
    import os
    import subprocess
    import sys

    bad = tmp_path / "bad.ttl"
    bad.write_text(
        '@prefix schema: <https://schema.org/> .\n<https://example.org/kg/person/x> a schema:Person ; schema:name "乙"@zh, "甲"@zh .\n',
        encoding="utf-8",
    )
    reports = {
        subprocess.run(
            [sys.executable, "-m", "kg", "validate", str(bad)],
            capture_output=True,
            text=True,
            env=os.environ | {"PYTHONHASHSEED": str(seed)},
        ).stdout
        for seed in (1, 2, 3, 4)
    }
    assert len(reports) == 1 and "[Violation] 乙 " in reports.pop()  # the first name in code-point order
