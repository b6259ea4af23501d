"""SQLite persistence.

Documents keep their full analysis (JSON) in the same row, so a document is
never stored without its analysis; batches of documents go in one
transaction each (WAL mode: readers keep reading while a batch is written).
The knowledge base is derived data, replaced as a whole in one transaction;
a `knowledge_stale` flag, set with every batch and cleared with every
rebuild, tells an interrupted ingest's rerun that a rebuild is still owed.
The schema is versioned (`PRAGMA user_version`); a database written by an
older attache is upgraded in place on open by the scripts in `migrations/`.
"""
from __future__ import annotations

import fcntl
import functools
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib import resources
from pathlib import Path

import orjson

from ..link.assemble import Member, draft_event
from ..link.copies import Candidate, anchors
from ..link.events import LinkFeatures, link_features
from ..model import (Analysis, ClaimMention, Event, EventDraft, EventRelation, EventTask, KnowledgeBase, Person,
                     ReconciledClaim, TitleRecord)
from .search import index_documents, index_knowledge, unindex_documents, unindex_knowledge

BUSY_TIMEOUT_S = 30
PAGE_SIZE = 16384
"""Bytes per database page for new databases (SQLite's default is 4,096)."""


class StoreError(Exception):
    """The database cannot be opened, is not an attache database, or is busy."""


def migrations() -> list[str]:
    """The schema's scripts in order; script n takes a database from version n-1 to n."""
    folder = resources.files(__package__).joinpath("migrations")
    names = sorted(f.name for f in folder.iterdir() if f.name.endswith(".sql"))
    return [folder.joinpath(name).read_text(encoding="utf-8") for name in names]


@dataclass(frozen=True, slots=True)
class DocumentRow:
    """One document ready to store: its analysis and link features already serialised.

    Made by `document_row` where the document was analysed (a worker
    process), so the single writer only writes.
    """
    id: str
    content_hash: str
    values: tuple


def document_row(analysis: Analysis) -> DocumentRow:
    doc = analysis.document
    return DocumentRow(doc.id, analysis.content_hash, (
        doc.id, doc.source, analysis.content_hash, doc.language, doc.title, doc.published, doc.url, doc.text,
        _j(analysis), _j(link_features(analysis).to_list()), _j(draft_event([analysis]))))


@dataclass(slots=True)
class StoredDocument:
    id: str
    source: str
    language: str
    title: str | None
    published: str | None
    url: str | None
    text: str
    event: str | None
    captions: list[str]
    copy_of: str | None = None


class Store:
    def __init__(self, path: str | Path, *, create: bool = True):
        self.path = Path(path)
        if not create and not self.path.exists():
            raise StoreError(f"no database at {self.path} (run 'attache ingest' first)")
        try:
            self.db = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            if not self.db.execute("PRAGMA page_count").fetchone()[0]:
                # Only a new file takes it. A stored document (text, analysis, features, draft) is about 20 KB:
                # 4 KB pages spread it over a chain of overflow pages, and storing cost a third more CPU.
                self.db.execute(f"PRAGMA page_size={PAGE_SIZE}")
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path} is not a usable attache database: {exc}") from exc

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        self.db.close()

    def _migrate(self) -> None:
        version = self.db.execute("PRAGMA user_version").fetchone()[0]
        scripts = migrations()
        if version == 0 and self.db.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
            raise StoreError(f"{self.path} is an SQLite file but not an attache database")
        if version > len(scripts):
            raise StoreError(f"{self.path} was written by a newer attache (schema {version}, "
                             f"this one knows {len(scripts)})")
        for number, script in enumerate(scripts[version:], start=version + 1):
            # executescript commits first: the script and its version bump are one transaction of their own
            self.db.executescript(f"BEGIN IMMEDIATE;\n{script}\nPRAGMA user_version = {number};\nCOMMIT;")

    @contextmanager
    def writing(self) -> Iterator[None]:
        """Hold the database for one writer: a second ingest is refused with a clear message.

        An OS file lock (released by the kernel even when the process is killed)
        rather than a row in the database, which a killed ingest would leave behind.
        """
        lock_path = f"{self.path}.lock"
        with open(lock_path, "a+") as lock:
            try:
                fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                lock.seek(0)
                holder = lock.read().strip() or "another process"
                raise StoreError(f"{self.path} is being written by another ingest ({holder}); "
                                 "run again when it has finished") from None
            lock.seek(0)
            lock.truncate()
            lock.write(f"pid {os.getpid()}")
            lock.flush()
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    # --- documents ---

    def content_hash(self, doc_id: str) -> str | None:
        row = self.db.execute("SELECT content_hash FROM documents WHERE id=?", (doc_id,)).fetchone()
        return row[0] if row else None

    def put(self, analyses: Iterable[Analysis]) -> None:
        """Store a batch of documents with their analyses in one transaction, replacing older analyses."""
        self.put_rows([document_row(a) for a in analyses])

    def put_rows(self, rows: Iterable[DocumentRow]) -> None:
        now = datetime.now(timezone.utc).isoformat(timespec="seconds")
        rows = list(rows)
        ids = _j([r.id for r in rows])
        with self.transaction() as db:
            unindex_documents(db, ids)
            db.executemany("INSERT OR REPLACE INTO documents (id, source, content_hash, language, title, published,"
                           " url, text, analysis, features, draft, ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                           [r.values + (now,) for r in rows])
            index_documents(db, ids)
            db.execute("INSERT OR REPLACE INTO meta VALUES ('knowledge_stale', '1')")

    def knowledge_stale(self) -> bool:
        row = self.db.execute("SELECT value FROM meta WHERE key='knowledge_stale'").fetchone()
        return row is not None and row[0] == "1"

    def corpus(self) -> StoredCorpus:
        """The stored documents as the linking passes read them (`attache.knowledge.link_corpus`)."""
        return StoredCorpus(self.db)

    def documents(self) -> list[StoredDocument]:
        rows = self.db.execute(
            "SELECT d.id, d.source, d.language, d.title, d.published, d.url, d.text, e.event_id,"
            " json_extract(d.analysis, '$.document.captions'), c.original_id"
            " FROM documents d LEFT JOIN event_documents e ON e.document_id = d.id"
            " LEFT JOIN copies c ON c.document_id = d.id ORDER BY d.id")
        return [StoredDocument(*row[:8], captions=orjson.loads(row[8] or "[]"), copy_of=row[9]) for row in rows]

    def count(self, table: str) -> int:
        if table not in {"documents", "events", "claims", "people"}:
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def conflicts(self) -> int:
        return self.db.execute("SELECT count(*) FROM claims WHERE status='conflicting'").fetchone()[0]

    # --- knowledge base ---

    def replace_knowledge(self, kb: KnowledgeBase) -> None:
        with self.replacing_knowledge() as writer:
            writer.add_people(kb.people)
            writer.add_events(kb.events, kb.claims, kb.tasks, kb.copies)
            writer.add_relations(kb.relations)

    @contextmanager
    def replacing_knowledge(self) -> Iterator[KnowledgeWriter]:
        """Replace the knowledge base part by part, in one transaction: readers see the old one until it ends.

        Linking writes each batch of events as it is built, so a large
        knowledge base is never held whole in memory.
        """
        with self.transaction() as db:
            writer = KnowledgeWriter(db)
            yield writer
            # Also when nothing was added: an empty knowledge base replaces the old one all the same.
            writer.remove_old()
            db.execute("INSERT OR REPLACE INTO meta VALUES ('knowledge_stale', '0')")

    def knowledge(self) -> KnowledgeBase:
        db = self.db
        members: dict[str, list[str]] = {}
        for event_id, doc_id in db.execute(
                "SELECT event_id, document_id FROM event_documents ORDER BY event_id, position"):
            members.setdefault(event_id, []).append(doc_id)
        events = [Event(id=r[0], date=r[1], type=r[2], plover=r[3], title=r[4], place=r[5], chair=r[6],
                        participants=orjson.loads(r[7]), bridge_points=orjson.loads(r[8]),
                        documents=members.get(r[0], []))
                  for r in db.execute("SELECT * FROM events ORDER BY position")]
        titles: dict[str, list[TitleRecord]] = {}
        for r in db.execute("SELECT person_id, title, place, as_of, documents, until FROM person_titles"
                            " ORDER BY person_id, position"):
            titles.setdefault(r[0], []).append(TitleRecord(r[1], r[2], r[3], orjson.loads(r[4]), r[5]))
        people = [Person(id=r[0], name=r[1], role=r[2], aliases=orjson.loads(r[3]),
                         documents=orjson.loads(r[4]), titles=titles.get(r[0], []))
                  for r in db.execute("SELECT * FROM people ORDER BY position")]
        mentions: dict[str, list[ClaimMention]] = {}
        for r in db.execute("SELECT * FROM claim_mentions ORDER BY claim_id, position"):
            mentions.setdefault(r[0], []).append(ClaimMention(*r[1:9]))
        claims = [ReconciledClaim(id=r[0], event=r[1], indicator=r[2], value=r[3], unit=r[4], qualifier=r[5],
                                  period=r[6], scope=r[7], status=r[8], target=bool(r[9]),
                                  independent_sources=r[10], mentions=mentions.get(r[0], []))
                  for r in db.execute("SELECT id, event_id, indicator, value, unit, qualifier, period, scope, status,"
                                      " target, independent_sources FROM claims ORDER BY position")]
        tasks = [EventTask(r[0], r[1], r[2], orjson.loads(r[3]))
                 for r in db.execute("SELECT * FROM tasks ORDER BY event_id, n")]
        relations = [EventRelation(r[0], r[1], r[2], r[3], orjson.loads(r[4]))
                     for r in db.execute("SELECT * FROM relations ORDER BY position")]
        copies = dict(db.execute("SELECT document_id, original_id FROM copies"))
        return KnowledgeBase(copies=copies, events=events, people=people, claims=claims, tasks=tasks,
                             relations=relations)


class KnowledgeWriter:
    """Adds to the knowledge base being written (see `Store.replacing_knowledge`), indexing what it adds.

    Positions keep the order things were added in, across calls; one
    `executemany` per table and call: a statement per row costs as much as
    the writing itself.
    """

    def __init__(self, db: sqlite3.Connection):
        self.db = db
        self.people = 0
        self.events = 0
        self.claims = 0
        self.relations = 0
        self._old_removed = False

    def remove_old(self) -> None:
        """Delete the knowledge base being replaced, once: at the first write rather than when the transaction
        opens, so that it runs while linking's first step is still busy in other processes."""
        if not self._old_removed:
            for table in ("events", "event_documents", "people", "person_titles", "claims",
                          "claim_mentions", "tasks", "relations", "copies"):
                self.db.execute(f"DELETE FROM {table}")
            unindex_knowledge(self.db)
            self._old_removed = True

    def add_people(self, people: list[Person]) -> None:
        self.remove_old()
        db = self.db
        after = self._last_rowid("people")
        db.executemany("INSERT INTO people VALUES (?,?,?,?,?,?)",
                       [(p.id, p.name, p.role, _j(p.aliases), _j(p.documents), i)
                        for i, p in enumerate(people, self.people)])
        db.executemany("INSERT INTO person_titles (person_id, title, place, as_of, documents, position, until)"
                       " VALUES (?,?,?,?,?,?,?)",
                       [(p.id, t.title, t.place, t.as_of, _j(t.documents), j, t.until)
                        for p in people for j, t in enumerate(p.titles)])
        self.people += len(people)
        index_knowledge(db, "person", after=after)

    def add_events(self, events: list[Event], claims: list[ReconciledClaim], tasks: list[EventTask],
                   copies: dict[str, str]) -> None:
        self.remove_old()
        db = self.db
        after_event, after_claim = self._last_rowid("events"), self._last_rowid("claims")
        db.executemany("INSERT INTO events VALUES (?,?,?,?,?,?,?,?,?,?)",
                       [(e.id, e.date, e.type, e.plover, e.title, e.place, e.chair, _j(e.participants),
                         _j(e.bridge_points), i) for i, e in enumerate(events, self.events)])
        db.executemany("INSERT INTO event_documents VALUES (?,?,?)",
                       [(e.id, d, j) for e in events for j, d in enumerate(e.documents)])
        db.executemany("INSERT INTO claims (id, event_id, indicator, value, unit, qualifier, period, scope,"
                       " status, target, independent_sources, position) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                       [(c.id, c.event, c.indicator, c.value, c.unit, c.qualifier, c.period, c.scope,
                         c.status, int(c.target), c.independent_sources, i)
                        for i, c in enumerate(claims, self.claims)])
        db.executemany("INSERT INTO claim_mentions VALUES (?,?,?,?,?,?,?,?,?,?)",
                       [(c.id, m.document, m.quote, m.start, m.end, m.value, m.unit, m.qualifier, m.figure, j)
                        for c in claims for j, m in enumerate(c.mentions)])
        db.executemany("INSERT INTO copies VALUES (?,?)", list(copies.items()))
        db.executemany("INSERT INTO tasks VALUES (?,?,?,?)",
                       [(t.event, t.n, t.text, _j(t.documents)) for t in tasks])
        self.events += len(events)
        self.claims += len(claims)
        index_knowledge(db, "event", after=after_event)
        index_knowledge(db, "claim", after=after_claim)

    def add_relations(self, relations: list[EventRelation]) -> None:
        self.remove_old()
        self.db.executemany("INSERT INTO relations VALUES (?,?,?,?,?,?)",
                            [(r.partner, r.level, r.year, r.event, _j(r.documents), i)
                             for i, r in enumerate(relations, self.relations)])
        self.relations += len(relations)

    def _last_rowid(self, table: str) -> int:
        return self.db.execute(f"SELECT coalesce(max(rowid), 0) FROM {table}").fetchone()[0]


class StoredCorpus:
    """Reads for relinking, each as little as it needs: features; then people, timing and relations; then the
    drafts of one-document events and the members of the others.

    The analyses are cut down in SQLite (json_remove) before Python parses
    them: sentence and paragraph offsets are most of their size and none of
    the linking passes reads them.
    """

    _LEAN = ("json_remove(analysis, '$.document.sentences', '$.document.paragraphs', '$.document.credits',"
             " '$.document.warnings', '$.years')")

    def __init__(self, db: sqlite3.Connection):
        self.db = db

    def features(self) -> Iterable[LinkFeatures]:
        return _Rereadable(self._features)

    def _features(self) -> Iterator[LinkFeatures]:
        for features, analysis in self.db.execute(
                "SELECT features, CASE WHEN features IS NULL THEN analysis END FROM documents ORDER BY id"):
            if features is None:
                yield link_features(Analysis.from_dict(orjson.loads(analysis)))
            else:
                yield LinkFeatures.from_list(orjson.loads(features))

    def outlines(self) -> Iterator[Analysis]:
        # One json_extract of three paths: SQLite parses the analysis once per call, and it is most of the row.
        for doc_id, source, language, published, content_hash, parts in self.db.execute(
                "SELECT id, source, language, published, content_hash,"
                " json_extract(analysis, '$.timing', '$.people', '$.relations') FROM documents ORDER BY id"):
            timing, people, relations = orjson.loads(parts)
            yield Analysis.from_dict({
                "document": {"id": doc_id, "source": source, "text": "", "language": language, "published": published},
                "content_hash": content_hash, "timing": timing, "people": people, "relations": relations})

    def members(self, ids: list[str]) -> Iterator[Member]:
        # A document stored with its draft is read as that draft and a few columns; its analysis only for the
        # anchors, when they are needed (a translation among the members).
        for doc_id, language, title, published, text, setting_title, draft, analysis in self.db.execute(
                "SELECT id, language, title, published, text, json_extract(analysis, '$.setting.title'), draft,"
                f" CASE WHEN draft IS NULL THEN {self._LEAN} END FROM documents"
                " WHERE id IN (SELECT value FROM json_each(?))", (_j(ids),)):
            if draft is None:
                yield Member.of(Analysis.from_dict(orjson.loads(analysis)))
            else:
                yield Member(EventDraft.from_dict(orjson.loads(draft)),
                             Candidate(doc_id, language, published, text, functools.partial(self._anchors, doc_id)),
                             title, setting_title)

    def _anchors(self, doc_id: str) -> list[str]:
        (analysis,) = self.db.execute(f"SELECT {self._LEAN} FROM documents WHERE id=?", (doc_id,)).fetchone()
        return anchors(Analysis.from_dict(orjson.loads(analysis)))

    def drafts(self, ids: list[str]) -> dict[str, EventDraft]:
        return {doc_id: EventDraft.from_dict(orjson.loads(raw)) for doc_id, raw in self.db.execute(
            "SELECT id, draft FROM documents WHERE draft IS NOT NULL AND id IN (SELECT value FROM json_each(?))",
            (_j(ids),))}


class _Rereadable:
    """An iterable that runs its query again on each iteration (grouping reads the features twice)."""

    def __init__(self, read: Callable[[], Iterator[LinkFeatures]]):
        self.read = read

    def __iter__(self) -> Iterator[LinkFeatures]:
        return self.read()


def _j(value: object) -> str:
    """JSON text (UTF-8, unescaped): orjson writes dataclasses directly, several times faster than
    `json.dumps(to_dict())`, which mattered as every document's analysis, features and draft are written."""
    return orjson.dumps(value).decode()
