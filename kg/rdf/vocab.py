"""The vocabularies of the graph: schema.org, NIF and kg's own terms, each a closed DefinedNamespace."""

from __future__ import annotations

from rdflib.namespace import DefinedNamespace, Namespace
from rdflib.term import URIRef

# The version of the data model (docs/model.md) the mapping writes. A store records it when it is
# built; a store built with another version is refused, not read wrongly. 1: kg 0.1 (evidence on the
# shared post node); 2: a membership per holding, containment as statements with their source.
MODEL_VERSION = 2


class Fixed:
    """A namespace whose terms are built once: rdflib builds (and checks) a new URIRef on every
    attribute access of a DefinedNamespace, tens of thousands of times in a build's mapping.

    >>> terms = Fixed(SCHEMA)
    >>> terms.name == SCHEMA.name, "name" in vars(terms)
    (True, True)
    """

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)  # a name the namespace lacks fails here, as there
        setattr(self, name, term)
        return term


class SCHEMA(DefinedNamespace):
    """The schema.org terms kg writes (https://schema.org/); a typo fails at import, not in a query."""

    _fail = True
    _NS = Namespace("https://schema.org/")

    AdministrativeArea: URIRef
    Event: URIRef
    NewsArticle: URIRef
    Observation: URIRef
    Occupation: URIRef
    Person: URIRef
    Place: URIRef
    about: URIRef
    additionalType: URIRef
    alternateName: URIRef
    attendee: URIRef
    author: URIRef
    containedInPlace: URIRef
    datePublished: URIRef
    hasOccupation: URIRef
    headline: URIRef
    identifier: URIRef
    isPartOf: URIRef
    location: URIRef
    maxValue: URIRef
    mentions: URIRef
    name: URIRef
    observationAbout: URIRef
    observationPeriod: URIRef
    organizer: URIRef
    publisher: URIRef
    startDate: URIRef
    unitText: URIRef
    value: URIRef
    variableMeasured: URIRef
    version: URIRef


class NIF(DefinedNamespace):
    """NLP Interchange Format core: the sentence a fact was read from."""

    _fail = True
    _NS = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")

    Context: URIRef
    Sentence: URIRef
    anchorOf: URIRef
    beginIndex: URIRef
    endIndex: URIRef
    isString: URIRef
    referenceContext: URIRef


class KG(DefinedNamespace):
    """kg's own terms, for what no public vocabulary covers (documented in docs/model.md)."""

    _fail = True
    _NS = Namespace("https://w3id.org/kg-news/ns#")

    approximate: URIRef  # an Observation's value is approximate (余, 多, 近, 约): xsd:boolean
    reportedOn: URIRef  # an Observation -> the date of the article that reports it: xsd:date
    formerlyHeld: URIRef  # person -> org:Post held before (原, 前, 曾任)
    nominatedTo: URIRef  # person -> org:Post the person is nominated to (拟任, 拟提名)
    actingIn: URIRef  # person -> org:Post held in an acting capacity (代)
    post: URIRef  # org:Membership -> the org:Post it is a holding of (MODEL.md)
    status: URIRef  # org:Membership -> "current", "former", "acting" or "nominated"
    modelVersion: URIRef  # a store's own graph -> the version of this model it was built with: xsd:integer
    released: URIRef  # Event -> what it released or where it was signed, as text
    Source: URIRef  # the page or file an article was read from
    acrossGraphs: URIRef  # on a SHACL shape: check it on the union of all named graphs, not graph by graph
