"""kg build and the RDF mapping: named graphs, evidence, identity, formats, determinism, quarantine."""

from __future__ import annotations

import datetime as dt
import subprocess
import sys

import pytest
from rdflib import RDF, Graph, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import ORG, PROV

import kg
from kg.cli import cli
from kg.extract.facts import Entity, Evidence, PostHeld
from kg.pipeline import run
from kg.rdf.vocab import KG, NIF, SCHEMA
from kg.store import files
from tests.conftest import ROOT

SEEDS = ROOT / "seeds"
DATE = dt.date(2023, 12, 27)
BASE = "https://example.org/kg/"


@pytest.fixture(scope="module")
def seed():
    return run([SEEDS], date=DATE)


def test_build_api_returns_a_dataset_with_one_graph_per_article():
    data = kg.build([SEEDS], date=DATE)
    names = {str(g.identifier) for g in data.graphs() if len(g)}
    assert names == {f"{BASE}article/000_a519de1940e34702-0{i}" for i in range(1, 7)}


def test_build_seed_conforms_and_quarantines_nothing(seed):
    assert seed.quarantined == []
    assert seed.facts["post"] == 20


def test_build_every_fact_has_its_sentence_in_the_article_text(seed):
    data = files.union(seed.dataset)
    texts = {a: str(t) for a, _, t in data.triples((None, NIF.isString, None))}
    for _node, sentence in data.subject_objects(PROV.wasDerivedFrom):
        if (sentence, RDF.type, PROV.Entity) in data:  # a link the gazetteer gives: its data and version
            assert data.value(sentence, SCHEMA.name) and data.value(sentence, SCHEMA.version)
            continue
        article = data.value(sentence, NIF.referenceContext)
        begin, end = int(data.value(sentence, NIF.beginIndex)), int(data.value(sentence, NIF.endIndex))
        assert texts[article][begin:end] == str(data.value(sentence, NIF.anchorOf))


def test_build_observations_carry_their_article_date(seed):
    """锦江区's retail sales, read in an article of 2023-12-27, are reported on that day: the date sits on
    the observation (kg:reportedOn), the same as its article's schema:datePublished."""
    data = files.union(seed.dataset)
    observations = set(data.subjects(RDF.type, SCHEMA.Observation))
    assert observations
    for o in observations:
        article = data.value(data.value(o, PROV.wasDerivedFrom), NIF.referenceContext)
        assert data.value(o, KG.reportedOn) == data.value(article, SCHEMA.datePublished) is not None


def test_build_observations_of_an_undated_article_have_no_date():
    data = files.union(run([SEEDS]).dataset)
    assert not list(data.triples((None, SCHEMA.datePublished, None)))
    assert not list(data.triples((None, KG.reportedOn, None)))


def test_build_one_iri_per_entity_with_all_aliases(seed):
    """省医保局 = 省医疗保障局 = 四川省医疗保障局: one organization, its other names as alternateName."""
    data = files.union(seed.dataset)
    (org,) = [s for s, _, o in data.triples((None, SCHEMA.name, None)) if str(o) == "四川省医疗保障局"]
    aliases = {str(o) for o in data.objects(org, SCHEMA.alternateName)}
    assert {"省医保局", "省医疗保障局"} <= aliases
    assert (org, RDF.type, ORG.Organization) in data


def test_build_post_per_organization_and_role(seed):
    """市委常委 held by two people is one post node in 成都市委 with role 常委."""
    data = files.union(seed.dataset)
    post = URIRef(f"{BASE}post/成都市委/常委")
    assert len(set(data.subjects(ORG.holds, post))) == 2
    assert data.value(post, ORG.postIn) == URIRef(f"{BASE}org/成都市委")


def test_build_administrative_areas_by_their_chain(seed):
    data = files.union(seed.dataset)
    area = URIRef(f"{BASE}place/四川省/成都市/锦江区")
    assert (area, RDF.type, SCHEMA.AdministrativeArea) in data
    assert data.value(area, SCHEMA.containedInPlace) == URIRef(f"{BASE}place/四川省/成都市")


def by_value(graph: Graph) -> Graph:
    """rdflib's Turtle writer prints the decimal 16 as 16.0: compare literals by value."""
    from rdflib import Literal

    out = Graph()
    for s, p, o in graph:
        if isinstance(o, Literal) and o.datatype == URIRef("http://www.w3.org/2001/XMLSchema#decimal"):
            o = Literal(str(o.toPython().normalize()), datatype=o.datatype)
        out.add((s, p, o))
    return out


def test_build_turtle_round_trip(seed, tmp_path):
    out = tmp_path / "seed.ttl"
    files.write(seed.dataset, out, "turtle")
    back = Graph().parse(out, format="turtle")
    assert isomorphic(by_value(back), by_value(files.union(seed.dataset)))


@pytest.mark.parametrize("suffix", [".trig", ".nq", ".nt", ".jsonld", ".ttl"])
def test_build_writes_every_format_by_extension(runner, tmp_path, suffix):
    out = tmp_path / f"seed{suffix}"
    result = runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "-o", str(out)])
    assert result.exit_code == 0, result.output
    assert files.read([out])  # readable back


def test_build_is_deterministic_across_processes(tmp_path):
    """Same input, two processes, different hash seeds: byte-identical sorted N-Quads and TriG."""
    outs = []
    for seed_value in ("1", "2"):
        for suffix in (".nq", ".trig"):
            out = tmp_path / f"run{seed_value}{suffix}"
            subprocess.run(
                [sys.executable, "-m", "kg", "build", str(SEEDS), "--date", "2023-12-27", "-o", str(out)],
                check=True,
                env={"PYTHONHASHSEED": seed_value, "PATH": ""},
                capture_output=True,
            )
            outs.append(out.read_bytes())
    assert outs[0] == outs[2] and outs[1] == outs[3]
    lines = outs[0].decode("utf-8").splitlines()
    assert lines == sorted(lines)


def test_build_does_not_depend_on_what_the_process_built_before(runner, tmp_path):
    """Regression: analyses were cached by article id and text alone, so the seed built without a date
    and then with one (one process: the Python API, a test run) kept the undated events' IRIs."""
    fresh = tmp_path / "fresh.nq"
    subprocess.run(
        [sys.executable, "-m", "kg", "build", str(SEEDS), "--date", "2023-12-27", "-o", str(fresh)],
        check=True,
        capture_output=True,
    )
    assert runner.invoke(cli, ["build", str(SEEDS), "--quiet", "-o", str(tmp_path / "undated.nq")]).exit_code == 0
    second = tmp_path / "second.nq"
    assert runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "-o", str(second)]).exit_code == 0
    assert second.read_bytes() == fresh.read_bytes()


def test_build_summary_without_output(runner):
    result = runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27"])
    assert result.exit_code == 0, result.output
    rows = dict(line.split("\t") for line in result.output.splitlines())
    assert rows["articles"] == "6" and rows["facts: post"] == "20" and rows["quarantined"] == "0"


def test_build_to_standard_output(runner):
    result = runner.invoke(cli, ["build", str(SEEDS), "--date", "2023-12-27", "-o", "-", "--format", "nquads"])
    assert result.exit_code == 0
    assert result.output.count("\n") > 500 and result.output.startswith("<")


def test_build_unknown_extension_exits_2(runner, tmp_path):
    result = runner.invoke(cli, ["build", str(SEEDS), "-o", str(tmp_path / "out.csv")])
    assert result.exit_code == 2 and "unknown RDF format" in result.output


def test_build_failed_write_leaves_nothing_behind(runner, tmp_path, monkeypatch):
    def broken(data, fmt):
        raise OSError("disk full")

    out = tmp_path / "seed.trig"
    monkeypatch.setattr(files, "serialize", broken)
    with pytest.raises(OSError):
        files.write(kg.build([SEEDS], date=DATE), out, "trig")
    assert list(tmp_path.iterdir()) == []


def test_build_quarantines_a_fact_that_violates_a_shape(runner, tmp_path, monkeypatch):
    """A post placed in a place, not an organization, is kept out of the graph and listed with its sentence."""
    import kg.pipeline as pipeline

    real = pipeline.extract

    def with_bad_fact(article):
        facts = real(article)
        ev = Evidence(article.id, 0, 4, article.text[:4])
        bad = PostHeld(evidence=ev, person=Entity("person", "某人"), role="局长", org=Entity("place", "某地"))
        return [*facts, bad]

    monkeypatch.setattr(pipeline, "extract", with_bad_fact)
    out = tmp_path / "seed.trig"
    result = runner.invoke(
        cli, ["build", str(SEEDS / "000_a519de1940e34702.txt"), "--date", "2023-12-27", "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    report = (tmp_path / "seed.trig.quarantine.json").read_text("utf-8")
    assert "org:postIn pointing to an org:Organization" in report and '"person": "某人"' in report
    assert "某人" not in out.read_text("utf-8")


def test_build_cross_article_cycle_is_reported(tmp_path):
    """Containment cycles only show across articles: the cross pass finds them."""
    from rdflib import Dataset, Literal

    from kg.validate import Validator

    data = Dataset()
    a, b = URIRef(f"{BASE}place/甲"), URIRef(f"{BASE}place/乙")
    for name, (child, parent) in {"g1": (a, b), "g2": (b, a)}.items():
        g = data.graph(URIRef(f"{BASE}article/{name}"))
        for node, label in ((a, "甲"), (b, "乙")):
            g.add((node, RDF.type, SCHEMA.Place))
            g.add((node, SCHEMA.name, Literal(label, lang="zh")))
        g.add((child, SCHEMA.containedInPlace, parent))
    found = Validator().cross_check(data)
    assert found and all("cycle" in q.results[0].message for q in found)


def test_build_and_validate_as_installed_commands(tmp_path):
    """The smoke run: the installed kg builds the seed and validates what it wrote."""
    kg_bin = ROOT / ".venv" / "bin" / "kg"
    exe = [str(kg_bin)] if kg_bin.exists() else [sys.executable, "-m", "kg"]
    out = tmp_path / "seed.trig"
    subprocess.run([*exe, "build", str(SEEDS), "--date", "2023-12-27", "-o", str(out)], check=True)
    done = subprocess.run([*exe, "validate", str(out)], capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.splitlines()[-1].startswith("conforms: 0 violations")
