"""The search index: names and aliases of people, organizations, places, events and articles' headlines,
in SQLite beside the store, for search by prefix and substring and for the browse pages.

The index is built from the graph by the saved queries in queries/index/ and kept in one SQLite file
(``STORE/kg-search.sqlite``), rebuilt with the store: ``kg build --store`` and ``kg remove`` rebuild it
after their last transaction, and a reader that finds it missing or older than the store (its
``version`` differs from the store's revision) rebuilds it before answering. A new index is written
to a temporary file and moved over the old one, so a reader sees the old index or the new, whole.

Substrings of three characters or more are found through FTS5's trigram tokenizer, which answers
``LIKE``-style substring queries from its index; shorter ones (most Chinese surnames and many
names are one or two characters) through a table of every one- and two-character piece of every
name, with an index. Results are ranked: the exact name first, then by how many articles mention
the thing, then names that begin with the text before those that only contain it.
"""

from __future__ import annotations

import os
import sqlite3
import tempfile
import threading
from contextlib import closing
from dataclasses import dataclass
from pathlib import Path

from kg.paths import file_mode
from kg.query.saved import data_dir

INDEX = "kg-search.sqlite"
QUERIES = data_dir("queries") / "index"
SCHEMA = "https://schema.org/"
# The kinds a reader looks for, by the class the graph gives them (the first that applies wins).
KINDS = {
    SCHEMA + "Person": "person",
    "http://www.w3.org/ns/org#Organization": "organization",
    SCHEMA + "AdministrativeArea": "place",
    SCHEMA + "Place": "place",
    SCHEMA + "Event": "event",
    SCHEMA + "NewsArticle": "article",
}
KIND_ORDER = ("person", "organization", "place", "event", "article")
SORTS = ("mentions", "name", "date")
_SHORT = 3  # texts shorter than a trigram are looked up in the table of pieces

_TABLES = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE items(id INTEGER PRIMARY KEY, iri TEXT NOT NULL UNIQUE, kind TEXT NOT NULL, name TEXT NOT NULL,
                   mentions INTEGER NOT NULL, date TEXT NOT NULL, detail TEXT NOT NULL);
CREATE INDEX items_by_mentions ON items(kind, mentions DESC, name, iri);
CREATE INDEX items_by_name ON items(kind, name, iri);
CREATE INDEX items_by_date ON items(kind, date DESC, name, iri);
CREATE TABLE names(id INTEGER PRIMARY KEY, item INTEGER NOT NULL, name TEXT NOT NULL);
CREATE INDEX names_by_name ON names(name, item);
CREATE VIRTUAL TABLE names_text USING fts5(name, content='names', content_rowid='id', tokenize='trigram');
CREATE TABLE pieces(piece TEXT NOT NULL, name INTEGER NOT NULL, PRIMARY KEY(piece, name)) WITHOUT ROWID;
CREATE TABLE quarantine(article TEXT NOT NULL, rank INTEGER NOT NULL, fact TEXT NOT NULL, sentence TEXT NOT NULL,
                        message TEXT NOT NULL);
CREATE INDEX quarantine_by_article ON quarantine(article, rank);
"""


@dataclass(frozen=True)
class Hit:
    """One thing found: what it is, its name, the name that matched when it is another (an alias), how
    many articles mention it, its date and a word about it."""

    iri: str
    kind: str
    name: str
    matched: str
    mentions: int
    date: str
    detail: str

    def json(self) -> dict:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass(frozen=True)
class Page:
    total: int
    hits: list[Hit]


@dataclass(frozen=True)
class Flagged:
    """A fact of an article that a shape quarantined: what it said, its sentence and the shape's message."""

    fact: str
    sentence: str
    message: str


def build(
    engine, path: Path, version: str, quarantine: dict[str, list[Flagged]] | None = None, replaced=(), force=True
) -> None:
    """Write the index of the graph ``engine`` answers for to ``path``, replacing any index there.

    ``quarantine`` lists the quarantined facts of the articles just written; the old index's lists are
    kept for the articles the graph still holds, but for those ``replaced`` (written again or removed).
    A reader's rebuild (``force=False``) leaves alone an index another process wrote for this version
    meanwhile: the build's own, which holds its quarantine."""
    path = Path(path)
    rows = {name: engine.query((QUERIES / f"{name}.rq").read_text("utf-8")).rows for name in _QUERY_NAMES}
    items = _items(rows)
    kept = _old_quarantine(path, {iri for iri, kind, *_ in items if kind == "article"} - set(replaced))
    fd, tmp = tempfile.mkstemp(prefix=".kg-search-", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        with sqlite3.connect(tmp) as db:
            db.executescript(_TABLES)
            _fill(db, items, rows["aliases"], {**kept, **(quarantine or {})}, version)
        db.close()
        os.chmod(tmp, file_mode())
        if force or _version_at(path) != version:
            os.replace(tmp, path)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


_QUERY_NAMES = ("items", "aliases", "mentions", "details")


def _items(rows) -> list[tuple[str, str, str, int, str, str]]:
    """(iri, kind, name, mentions, date, detail) of everything a reader may look for, in IRI order."""
    found: dict[str, dict] = {}
    for item, kind, name, date in rows["items"]:
        entry = found.setdefault(item.value, {"kinds": set(), "names": set(), "dates": set()})
        entry["kinds"].add(KINDS[kind.value])
        entry["names"].add(name.value)
        if date is not None:
            entry["dates"].add(date.value)
    mentions = {r[0].value: (int(r[1].value), r[2].value if r[2] else "") for r in rows["mentions"]}
    details: dict[str, set[str]] = {}
    for item, detail in rows["details"]:
        if detail is not None:
            details.setdefault(item.value, set()).add(detail.value)
    out = []
    for iri in sorted(found):
        entry = found[iri]
        kind = min(entry["kinds"], key=KIND_ORDER.index)
        count, last = mentions.get(iri, (0, ""))
        date = max(entry["dates"]) if entry["dates"] else last
        out.append((iri, kind, min(entry["names"]), count, date, "、".join(sorted(details.get(iri, ()))[:3])))
    return out


def _fill(db, items, aliases, quarantine: dict[str, list[Flagged]], version: str) -> None:
    db.execute("INSERT INTO meta VALUES ('version', ?)", (version,))
    ids = {}
    for n, row in enumerate(items, 1):
        ids[row[0]] = n
        db.execute("INSERT INTO items VALUES (?, ?, ?, ?, ?, ?, ?)", (n, *row))
    names = {(ids[iri], name) for iri, _, name, *_ in items}
    names |= {(ids[a.value], b.value) for a, b in aliases if a.value in ids and b is not None}
    for rowid, (item, name) in enumerate(sorted(names), 1):
        db.execute("INSERT INTO names VALUES (?, ?, ?)", (rowid, item, name))
        folded = name.casefold()
        pieces = {folded[k : k + w] for w in (1, 2) for k in range(len(folded) - w + 1)}
        db.executemany("INSERT INTO pieces VALUES (?, ?)", [(p, rowid) for p in sorted(pieces)])
    db.execute("INSERT INTO names_text(names_text) VALUES ('rebuild')")
    for article in sorted(quarantine):
        for rank, flagged in enumerate(quarantine[article]):
            db.execute(
                "INSERT INTO quarantine VALUES (?, ?, ?, ?, ?)",
                (article, rank, flagged.fact, flagged.sentence, flagged.message),
            )


def _old_quarantine(path: Path, articles: set[str]) -> dict[str, list[Flagged]]:
    if not path.exists() or not articles:
        return {}
    out: dict[str, list[Flagged]] = {}
    try:
        with closing(_connect(path)) as db:
            for article, fact, sentence, message in db.execute(
                "SELECT article, fact, sentence, message FROM quarantine ORDER BY article, rank"
            ):
                if article in articles:
                    out.setdefault(article, []).append(Flagged(fact, sentence, message))
    except sqlite3.DatabaseError:  # an index of another layout: its lists are lost with it
        return {}
    return out


def _version_at(path: Path) -> str | None:
    try:
        index = Index(path)
    except StaleIndex:
        return None
    try:
        return index.version
    finally:
        index.close()


def _connect(path: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


class Index:
    """A built index, read: search, browse, counts and an article's quarantine. Safe across threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self.lock = threading.Lock()
        try:
            self.db = _connect(self.path)
        except sqlite3.Error:
            raise StaleIndex(f"{path}: no search index there") from None
        try:
            self.version = self._all("SELECT value FROM meta WHERE key = 'version'")[0][0]
        except (sqlite3.Error, IndexError):
            self.db.close()
            raise StaleIndex(f"{path}: not a search index of this kg") from None

    def _all(self, sql: str, args=()) -> list[tuple]:
        with self.lock:
            return self.db.execute(sql, args).fetchall()

    def close(self) -> None:
        with self.lock:
            self.db.close()

    def search(self, text: str, kind: str | None = None, limit: int = 20, offset: int = 0) -> Page:
        """The things whose name or alias contains ``text`` (case folded), best first. Control characters
        and lone surrogates (which no name holds, and which SQLite's parsers stop at) are dropped."""
        text = " ".join(printable(text).split())
        if not text:
            return Page(0, [])
        folded = text.casefold()
        if len(folded) < _SHORT:
            names = "SELECT name AS id FROM pieces WHERE piece = :text"
        else:
            names = "SELECT rowid AS id FROM names_text WHERE names_text MATCH :phrase"
        kinds = "AND i.kind = :kind" if kind else ""
        sql = f"""
            WITH matched AS (
              SELECT n.item AS item, CASE WHEN n.name = o.name THEN '' ELSE n.name END AS alias,
                     CASE WHEN lower(n.name) = :text THEN 0
                          WHEN substr(lower(n.name), 1, length(:text)) = :text THEN 1 ELSE 2 END AS how
              FROM ({names}) AS m JOIN names AS n ON n.id = m.id JOIN items AS o ON o.id = n.item),
            best AS (SELECT item, MIN(how) AS how, MIN(alias) AS alias FROM matched GROUP BY item)
            SELECT i.iri, i.kind, i.name, b.alias, i.mentions, i.date, i.detail, COUNT(*) OVER () AS total
            FROM best AS b JOIN items AS i ON i.id = b.item
            WHERE 1 {kinds}
            ORDER BY b.how = 0 DESC, i.mentions DESC, b.how, i.name, i.iri
            LIMIT :limit OFFSET :offset"""
        args = {"text": folded, "phrase": '"' + folded.replace('"', '""') + '"', "kind": kind}
        rows = self._all(sql, {**args, "limit": limit, "offset": offset})
        if not rows and offset:
            total = self._all(f"SELECT COUNT(*) FROM ({sql.replace('LIMIT :limit OFFSET :offset', '')})", args)
            return Page(total[0][0], [])
        return Page(rows[0][7] if rows else 0, [_hit(r) for r in rows])

    def browse(self, kind: str, sort: str = "mentions", limit: int = 50, offset: int = 0) -> Page:
        """One page of the things of a kind, by mentions (most first), name, or date (latest first)."""
        order = {
            "mentions": "mentions DESC, name, iri",
            "name": "name, iri",
            "date": "date = '' , date DESC, name, iri",
        }[sort]
        rows = self._all(
            f"SELECT iri, kind, name, '', mentions, date, detail FROM items WHERE kind = ? "
            f"ORDER BY {order} LIMIT ? OFFSET ?",
            (kind, limit, offset),
        )
        total = self._all("SELECT COUNT(*) FROM items WHERE kind = ?", (kind,))[0][0]
        return Page(total, [_hit(r) for r in rows])

    def item(self, iri: str) -> Hit | None:
        rows = self._all("SELECT iri, kind, name, '', mentions, date, detail FROM items WHERE iri = ?", (iri,))
        return _hit(rows[0]) if rows else None

    def resolve(self, names) -> dict[str, tuple[str, str]]:
        """The things these exact names (or other names) stand for: name -> (kind, IRI) for a name of
        one thing, (\"\", \"\") for a name several things share."""
        out: dict[str, tuple[str, str]] = {}
        for name in sorted(set(names)):
            rows = self._all(
                "SELECT DISTINCT i.kind, i.iri FROM names AS n JOIN items AS i ON i.id = n.item "
                "WHERE n.name = ? LIMIT 2",
                (name,),
            )
            if rows:
                out[name] = rows[0] if len(rows) == 1 else ("", "")
        return out

    def kinds_and_names(self, iris) -> dict[str, tuple[str, str]]:
        """IRI -> (kind, name) for the IRIs the index holds."""
        wanted, out = sorted(set(iris)), {}
        for k in range(0, len(wanted), 500):
            chunk = wanted[k : k + 500]
            marks = ", ".join("?" * len(chunk))
            for iri, kind, name in self._all(f"SELECT iri, kind, name FROM items WHERE iri IN ({marks})", chunk):
                out[iri] = (kind, name)
        return out

    def counts(self) -> dict[str, int]:
        return dict(self._all("SELECT kind, COUNT(*) FROM items GROUP BY kind"))

    def quarantine(self, article: str) -> list[Flagged]:
        rows = self._all("SELECT fact, sentence, message FROM quarantine WHERE article = ? ORDER BY rank", (article,))
        return [Flagged(*r) for r in rows]


def printable(text: str) -> str:
    """The text without control characters and lone surrogates."""
    text = text.encode("utf-8", "ignore").decode("utf-8")  # lone surrogates (a command line's bad bytes)
    return "".join(c for c in text if c.isprintable() or c.isspace())


class StaleIndex(Exception):
    """No index there, or one that is not this kg's."""


def _hit(row) -> Hit:
    return Hit(*row[:7])


class Keeper:
    """The index of one graph, rebuilt when the graph changed: its ``version`` (a store's revision) is
    not the index's. A graph whose version is unknown (a SPARQL server) is indexed once."""

    def __init__(self, path: Path | tuple[Path, ...], engine_factory, version):
        # Where an index may be found, the last one where it is written: beside the store, then a
        # temporary folder for a store kg may not write to.
        self.places = tuple(Path(p) for p in path) if isinstance(path, tuple) else (Path(path),)
        self.engine_factory = engine_factory
        self.version = version
        self.index: Index | None = None
        self.lock = threading.Lock()

    def current(self) -> Index:
        """The index of the graph as it is now. An index replaced here is not closed: requests may still
        be reading it, and its connection closes when the last of them lets go of it."""
        with self.lock:
            wanted = self.version() or "unversioned"
            if self.index is not None and self.index.version == wanted:
                return self.index
            for place in self.places:
                try:
                    index = Index(place)
                except StaleIndex:
                    continue
                if index.version == wanted or wanted == "unversioned":
                    self.index = index
                    return index
                index.close()
            build(self.engine_factory(), self.places[-1], wanted, force=False)
            self.index = Index(self.places[-1])
            return self.index


def place_for(store_path: str | None) -> tuple[Path, ...]:
    """Where the index of a graph is looked for, the last place being where a reader writes it: beside
    a store on disk (kg build writes it there); in a temporary folder that goes when the process ends
    for files loaded in memory, a SPARQL server, or a store kg may not write to."""
    if store_path and "://" not in store_path:
        beside = Path(store_path) / INDEX
        if os.access(store_path, os.W_OK):
            return (beside,)
        return (beside, _temporary())
    return (_temporary(),)


def _temporary() -> Path:
    import atexit
    import shutil

    folder = tempfile.mkdtemp(prefix="kg-search-")
    atexit.register(shutil.rmtree, folder, True)
    return Path(folder) / INDEX
