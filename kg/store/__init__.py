"""store: where graphs live and how they are asked.

Owns RDF files in and out (files), the engine interface every reader gets back (engine: Result,
Cell, SparqlError), rdflib and Oxigraph over files in memory (memory), the Oxigraph store on disk
that builds write and its engine (oxigraph), a SPARQL 1.1 server as a store (remote) and the
build's writer thread (writer).

May import: kg.rdf (the vocabulary, for prefixes), kg.nlp.decimals, kg.errors, kg.paths. Nothing above.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from kg.errors import InputError
from kg.store import files, model
from kg.store.engine import SparqlError
from kg.store.oxigraph import LocalStore, OxigraphBackend, revision
from kg.store.remote import Remote, is_remote


def open_target(location, read_only: bool = False):
    """A store to write by where it is: a folder (Oxigraph on disk) or an http(s) URL (a SPARQL server).

    A store of another model version is refused (InputError); an empty one is stamped with this one."""
    if not is_remote(str(location)):
        return LocalStore(Path(location), read_only=read_only)
    target = Remote(str(location))
    try:
        empty = model.check(target)
    except (model.OutdatedStore, SparqlError) as e:
        raise InputError(str(location), str(e)) from None
    if empty and not read_only:
        target.put(model.META, model.triples())
    return target


def open_store(path) -> OxigraphBackend | Remote:
    """A store to read: an Oxigraph store on disk (made by kg build --store), opened read-only; or a
    SPARQL server's URL."""
    import pyoxigraph as ox

    if is_remote(str(path)):
        backend = Remote(str(path))
    elif not Path(path).is_dir():
        raise SparqlError(f"{path}: no store there")
    else:
        try:
            backend = OxigraphBackend(ox.Store.read_only(str(path)))
        except OSError as e:
            raise SparqlError(f"{path}: cannot open the store: {e}") from None
    try:
        model.check(backend)
    except model.OutdatedStore as e:
        raise SparqlError(f"{path}: {e}") from None
    return backend


def version_of(location) -> Callable[[], str | None]:
    """How to ask a store for its version: an Oxigraph folder's revision token, which each build's
    transaction renews; None for a SPARQL server, which other clients may change unseen."""
    if is_remote(str(location)):
        return lambda: None
    folder = Path(location)
    return lambda: "store:" + revision(folder)


def files_version(paths: list[Path]) -> Callable[[], str]:
    """The version of RDF files loaded once (kg serve --data): their names, sizes and times now."""
    import hashlib

    digest = hashlib.sha256()
    for f in files.rdf_files(paths):
        stat = f.stat()
        digest.update(f"{f.resolve()}\x00{stat.st_size}\x00{stat.st_mtime_ns}\n".encode())
    token = "files:" + digest.hexdigest()[:32]
    return lambda: token
