"""Facts -> triples in the public vocabularies of MODEL.md. Reads facts only; never parses Chinese."""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import PurePath

from rdflib import RDF as _RDF
from rdflib import RDFS as _RDFS
from rdflib import XSD as _XSD
from rdflib import Literal, URIRef
from rdflib.namespace import ORG as _ORG
from rdflib.namespace import PROV as _PROV
from rdflib.namespace import SKOS as _SKOS

from kg.extract.facts import (
    Authored,
    Contained,
    Entity,
    EventFact,
    Evidence,
    Fact,
    Mentioned,
    OccupationHeld,
    PostHeld,
    Statistic,
)
from kg.models import Article
from kg.nlp.decimals import plain_text
from kg.rdf.iris import Minter
from kg.rdf.vocab import KG as _KG
from kg.rdf.vocab import NIF as _NIF
from kg.rdf.vocab import SCHEMA as _SCHEMA
from kg.rdf.vocab import Fixed

# Each term built once (see Fixed): the mapping names a term for every triple it writes.
RDF, RDFS, XSD, ORG, PROV, SKOS = map(Fixed, (_RDF, _RDFS, _XSD, _ORG, _PROV, _SKOS))
KG, NIF, SCHEMA = map(Fixed, (_KG, _NIF, _SCHEMA))

Triple = tuple

_CLASSES = {"person": SCHEMA.Person, "org": ORG.Organization, "place": SCHEMA.Place}
_HOLDS = {None: ORG.holds, "former": KG.formerlyHeld, "nominated": KG.nominatedTo, "acting": KG.actingIn}
_STATUS = {s: Literal(s or "current") for s in _HOLDS}  # a membership's kg:status


@dataclass
class Mapped:
    """An article's triples: its own, and each fact's, so that a bad fact can be set aside whole."""

    article: URIRef
    own: list[Triple] = field(default_factory=list)
    facts: list[tuple[Fact, list[Triple]]] = field(default_factory=list)

    def triples(self) -> list[Triple]:
        """Every triple of the article's graph, each once, in a stable order."""
        return list(dict.fromkeys([*self.own, *(t for _, ts in self.facts for t in ts)]))


def zh(text: str) -> Literal:
    return Literal(text, lang="zh")


@functools.lru_cache(maxsize=1 << 16)
def _label(text: str) -> Literal:
    """A name, role or label: they recur in article after article, so each literal is built once.
    (Headlines and sentences are each an article's own, and go through zh.)"""
    return zh(text)


def map_article(article: Article, facts: list[Fact], mint: Minter) -> Mapped:
    """The triples of one article: the article itself, then one group per fact."""
    a = mint.article(article.id)
    out = Mapped(a)
    headline = article.headline or (article.text.split("\n", 1)[0][:40] if article.text else article.id)
    out.own += [(a, RDF.type, SCHEMA.NewsArticle), (a, SCHEMA.headline, zh(headline))]
    out.own.append((a, SCHEMA.identifier, Literal(article.id)))
    published = Literal(article.date.isoformat(), datatype=XSD.date) if article.date else None
    if published is not None:
        out.own.append((a, SCHEMA.datePublished, published))
    if article.meta.source:  # the newspaper or site that published it (a record's source, a page's masthead)
        publisher = Entity("org", article.meta.source)
        out.own += list(_entity(publisher, mint))
        out.own.append((a, SCHEMA.publisher, _iri(publisher, mint)))
    source = mint.source(PurePath(article.path).name)
    out.own += [(a, SCHEMA.isPartOf, source), (source, RDF.type, KG.Source)]
    out.own += [(a, RDF.type, NIF.Context), (a, NIF.isString, Literal(article.text))]
    for fact in facts:
        out.facts.append((fact, list(_fact(fact, a, mint, published))))
    return out


def _fact(f: Fact, a: URIRef, mint: Minter, published: Literal | None):
    if isinstance(f, Mentioned):
        yield from _entity(f.entity, mint)
        yield a, SCHEMA.mentions, mint.entity(f.entity.kind, f.entity.name, f.entity.path)
        return
    sentence = mint.sentence(f.evidence.article, f.evidence.begin, f.evidence.end)
    if isinstance(f, Authored):
        yield from _entity(f.person, mint)
        yield a, SCHEMA.author, _iri(f.person, mint)
    elif isinstance(f, PostHeld):
        yield from _post(f, mint, sentence)
    elif isinstance(f, OccupationHeld):
        yield from _occupation(f, mint, sentence)
    elif isinstance(f, Contained):
        yield from _contained(f, mint, sentence)
        if f.gazetteer is not None:
            return  # the gazetteer is the link's source; the sentence only names one of the areas
    elif isinstance(f, EventFact):
        yield from _event(f, mint, sentence, a, published)
    elif isinstance(f, Statistic):
        yield from _observation(f, mint, sentence, published)
    if not isinstance(f, Authored):
        yield from _sentence(f.evidence, sentence, a)


def _post(f: PostHeld, mint: Minter, sentence: URIRef):
    """The holding (org:Membership) with this sentence as its evidence, and, when the organization is
    known, the post it is a holding of (shared by every holder, so it carries no evidence)."""
    person, role = _iri(f.person, mint), mint.role(f.role)
    m = mint.membership(f.person.name, f.org.name if f.org else None, f.role)
    yield from _entity(f.person, mint)
    yield m, RDF.type, ORG.Membership
    yield m, ORG.member, person
    yield m, ORG.role, role
    yield m, KG.status, _STATUS.get(f.status, _STATUS[None])
    yield m, PROV.wasDerivedFrom, sentence
    yield role, RDF.type, ORG.Role
    yield role, SKOS.prefLabel, _label(f.role)
    if f.org is None:
        return
    post, org = mint.post(f.org.name, f.role), _iri(f.org, mint)
    yield from _entity(f.org, mint)
    yield m, ORG.organization, org
    yield m, KG.post, post
    yield person, _HOLDS.get(f.status, ORG.holds), post
    yield post, RDF.type, ORG.Post
    yield post, ORG.postIn, org
    yield post, ORG.role, role
    yield post, RDFS.label, _label(f.org.name + f.role)


def _occupation(f: OccupationHeld, mint: Minter, sentence: URIRef):
    """person schema:hasOccupation an Occupation (one node per name), the link as an rdf:Statement with
    the sentence that says so (MODEL.md: occupations keep their evidence on a node of their own)."""
    yield from _entity(f.person, mint)
    person, occ = _iri(f.person, mint), mint.occupation(f.occupation)
    st = mint.statement(person, SCHEMA.hasOccupation, occ)
    yield person, SCHEMA.hasOccupation, occ
    yield occ, RDF.type, SCHEMA.Occupation
    yield occ, SCHEMA.name, _label(f.occupation)
    yield st, RDF.type, RDF.Statement
    yield st, RDF.subject, person
    yield st, RDF.predicate, SCHEMA.hasOccupation
    yield st, RDF.object, occ
    yield st, PROV.wasDerivedFrom, sentence


def _contained(f: Contained, mint: Minter, sentence: URIRef):
    """child -> parent, and the link as an rdf:Statement whose source is the sentence or the gazetteer."""
    yield from _entity(f.child, mint)
    yield from _entity(f.parent, mint)
    link = SCHEMA.containedInPlace if f.child.kind == "place" else ORG.subOrganizationOf
    child, parent = _iri(f.child, mint), _iri(f.parent, mint)
    st = mint.statement(child, link, parent)
    yield child, link, parent
    yield st, RDF.type, RDF.Statement
    yield st, RDF.subject, child
    yield st, RDF.predicate, link
    yield st, RDF.object, parent
    if f.gazetteer is None:
        yield st, PROV.wasDerivedFrom, sentence
        return
    source = mint.gazetteer(f.gazetteer.name, f.gazetteer.version)
    yield st, PROV.wasDerivedFrom, source
    yield source, RDF.type, PROV.Entity
    yield source, SCHEMA.name, _label(f.gazetteer.name)
    yield source, SCHEMA.version, Literal(f.gazetteer.version)


def _event(f: EventFact, mint: Minter, sentence: URIRef, a: URIRef, published: Literal | None):
    e = mint.event(f.name, f.date)
    yield e, RDF.type, SCHEMA.Event
    yield e, SCHEMA.name, _label(f.name)
    if f.kind:
        yield e, SCHEMA.additionalType, _label(f.kind)
    for ev in f.more_evidence:
        where = mint.sentence(ev.article, ev.begin, ev.end)
        yield e, PROV.wasDerivedFrom, where
        yield from _sentence(ev, where, a)
    for c in f.casualties:  # an incident's casualties: observations about it, each from its own sentence
        ev = c.evidence
        o = mint.observation(ev.article, ev.begin, f.name, c.variable, str(c.value), c.unit)
        where = mint.sentence(ev.article, ev.begin, ev.end)
        yield from _measured(o, e, c.variable, c.value, c.unit, c.approximate, published, where)
        if where != sentence:
            yield from _sentence(ev, where, a)
    yield e, PROV.wasDerivedFrom, sentence
    if f.date:
        yield e, SCHEMA.startDate, _date(f.date)
    for link, entities in (
        (SCHEMA.location, (f.location,) if f.location else ()),
        (SCHEMA.organizer, f.organizers),
        (SCHEMA.attendee, f.attendees),
    ):
        for x in entities:
            yield from _entity(x, mint)
            yield e, link, _iri(x, mint)
    for subject in f.subjects:
        yield e, KG.released, _label(subject)


def _observation(f: Statistic, mint: Minter, sentence: URIRef, published: Literal | None):
    o = mint.observation(f.evidence.article, f.evidence.begin, f.about.name, f.variable, str(f.value), f.unit or "")
    yield from _entity(f.about, mint)
    yield from _measured(o, _iri(f.about, mint), f.variable, f.value, f.unit, f.approximate, published, sentence)
    if f.upper is not None:
        yield o, SCHEMA.maxValue, Literal(_decimal(f.upper), datatype=XSD.decimal)
    if f.period:
        yield o, SCHEMA.observationPeriod, Literal(f.period)


def _measured(o, about, variable, value, unit, approximate, published, sentence):
    """The triples every observation has: a statistic's and an incident's casualty count alike."""
    yield o, RDF.type, SCHEMA.Observation
    yield o, SCHEMA.observationAbout, about
    yield o, SCHEMA.variableMeasured, _label(variable)
    yield o, SCHEMA.value, Literal(_decimal(value), datatype=XSD.decimal)
    if unit:
        yield o, SCHEMA.unitText, Literal(unit)
    if approximate:
        yield o, KG.approximate, Literal(True)
    if published is not None:
        # The article's date on the observation too: statistics over time are read without going
        # through the sentence and the article, three lookups each in a store.
        yield o, KG.reportedOn, published
    yield o, PROV.wasDerivedFrom, sentence


def _sentence(ev: Evidence, sentence: URIRef, a: URIRef):
    yield sentence, RDF.type, NIF.Sentence
    yield sentence, NIF.anchorOf, zh(ev.text)
    yield sentence, NIF.beginIndex, Literal(ev.begin, datatype=XSD.integer)
    yield sentence, NIF.endIndex, Literal(ev.end, datatype=XSD.integer)
    yield sentence, NIF.referenceContext, a


def _entity(e: Entity, mint: Minter):
    iri = _iri(e, mint)
    yield iri, RDF.type, _CLASSES[e.kind]
    if e.level is not None:
        yield iri, RDF.type, SCHEMA.AdministrativeArea
    yield iri, SCHEMA.name, _label(e.name)
    for alias in e.aliases:
        if alias != e.name:
            yield iri, SCHEMA.alternateName, _label(alias)


def _iri(e: Entity, mint: Minter) -> URIRef:
    return mint.entity(e.kind, e.name, e.path)


def _decimal(value) -> str:
    """The canonical xsd:decimal form of XSD 1.1, as Oxigraph stores it: 139, 1298.6 (never 139.0)."""
    return plain_text(format(value, "f"))


def _date(value: str) -> Literal:
    """2023-12-26 is an xsd:date, 2023-10 an xsd:gYearMonth, 2023 an xsd:gYear."""
    kind = {10: XSD.date, 7: XSD.gYearMonth, 4: XSD.gYear}.get(len(value), XSD.string)
    return Literal(value, datatype=kind)
