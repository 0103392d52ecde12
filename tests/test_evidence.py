"""Evidence belongs to its fact: every membership's sentences name its member, every stated link's
sentence names both ends. Regression for the shared post node, whose evidence mixed every holder's
sentences (李世芳's 记者 post carried two other reporters' bylines)."""

from __future__ import annotations

import datetime as dt
import re
import sys

import pytest
from rdflib import RDF, Graph
from rdflib.namespace import ORG, PROV, SKOS

from kg.pipeline import run
from kg.rdf.vocab import NIF, SCHEMA
from kg.store import files
from tests.conftest import ROOT, SHARED

SAMPLES = ["corpus.toml", "corpus-blind.toml", "corpus-blind2.toml", "corpus-blind3.toml"]


def _names(g: Graph, node) -> set[str]:
    return {str(n) for p in (SCHEMA.name, SCHEMA.alternateName) for n in g.objects(node, p)}


def _said_of(sentence: str, names: set[str], roles: set[str]) -> bool:
    """The sentence names the person, or calls them by surname and title (王局长, 李部长) as the article
    resolved them."""
    if any(n in sentence for n in names):
        return True
    surnames = {n[:1] for n in names if len(n) >= 2} | {n[:2] for n in names if len(n) >= 4}
    return any(re.search(re.escape(s) + r".{0,2}" + re.escape(r), sentence) for s in surnames for r in roles)


def membership_misfits(g: Graph) -> list[tuple[str, str]]:
    """(member, sentence) for each membership sentence that does not name its member."""
    out = []
    for m in g.subjects(RDF.type, ORG.Membership):
        person = g.value(m, ORG.member)
        names = _names(g, person)
        roles = {str(r) for role in g.objects(m, ORG.role) for r in g.objects(role, SKOS.prefLabel)}
        for s in g.objects(m, PROV.wasDerivedFrom):
            text = str(g.value(s, NIF.anchorOf))
            if not _said_of(text, names, roles):
                out.append((min(names), text))
    return out


def statement_misfits(g: Graph) -> list[tuple[str, str, str]]:
    """(child, parent, sentence) for each sentence-sourced link whose sentence does not name both ends.

    A unit's name holds its parent's: 成都市委社治委 is named by 社治委 in 市委常委、组织部部长、社治委主任."""
    out = []
    for st in g.subjects(RDF.type, RDF.Statement):
        child, parent = g.value(st, RDF.subject), g.value(st, RDF.object)
        for s in g.objects(st, PROV.wasDerivedFrom):
            if (s, RDF.type, NIF.Sentence) not in g:
                continue  # the gazetteer's link: no sentence to name them
            text = str(g.value(s, NIF.anchorOf))
            parents = _names(g, parent)
            # A unit named in a title chain by its own part (社治委 after 市委常委、: 成都市委社治委)
            units = {c[len(p) :] for c in _names(g, child) for p in parents if c.startswith(p) and len(c) > len(p)}
            if not (_named(text, _names(g, child) | units) and _named(text, parents)):
                out.append((min(_names(g, child)), min(_names(g, parent)), text))
    return out


def _named(text: str, names: set[str]) -> bool:
    return any(n in text for n in names)


@pytest.fixture(scope="module")
def seed_union():
    return files.union(run([ROOT / "seeds"], date=dt.date(2023, 12, 27)).dataset)


def test_evidence_seed_memberships_name_their_member(seed_union):
    assert list(seed_union.subjects(RDF.type, ORG.Membership))
    assert membership_misfits(seed_union) == []


def test_evidence_seed_statements_name_both_ends(seed_union):
    assert list(seed_union.subjects(RDF.type, RDF.Statement))
    assert statement_misfits(seed_union) == []


def test_evidence_seed_reporter_holds_her_post_by_her_own_byline(seed_union):
    """李世芳, 杨升涛 and 刘泰山 hold the same post (成都日报记者); each holding has its own sentence."""
    for name in ("李世芳", "杨升涛", "刘泰山"):
        person = next(seed_union.subjects(SCHEMA.name, next(o for o in seed_union.objects() if str(o) == name)))
        holdings = list(seed_union.subjects(ORG.member, person))
        sentences = {
            str(seed_union.value(s, NIF.anchorOf)) for m in holdings for s in seed_union.objects(m, PROV.wasDerivedFrom)
        }
        assert len(sentences) == 1 and name in sentences.pop()


@pytest.mark.parametrize(
    ("text", "names", "roles", "said"),
    [
        ("省医疗保障局副局长邓顺涛介绍", {"邓顺涛"}, {"副局长"}, True),
        ("王局长对此展开解答。", {"王勇"}, {"局长"}, True),
        ("成都日报锦观新闻记者 杨升涛", {"李世芳"}, {"记者"}, False),  # another reporter's byline
    ],
)
def test_evidence_the_check_itself(text, names, roles, said):
    assert _said_of(text, names, roles) is said


@pytest.mark.skipif(not (SHARED / "corpus").is_dir(), reason="needs ../shared/corpus")
@pytest.mark.parametrize("gold", SAMPLES)
def test_evidence_corpus_sample_memberships_and_statements(tmp_path, gold):
    sys.path.insert(0, str(ROOT / "bench"))
    from corpus_sample import build

    sample = build(tmp_path / "sample", ROOT / "tests" / "gold" / gold)
    g = files.union(run([sample]).dataset)
    assert list(g.subjects(RDF.type, ORG.Membership))
    assert membership_misfits(g) == []
    assert statement_misfits(g) == []
