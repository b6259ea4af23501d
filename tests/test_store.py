"""The store as a record: upgrades in place, refuses what it is not, one writer at a time, readers never blocked."""
import sqlite3
import subprocess
import sys

import pytest

from attache.extract import analyze_document
from attache import knowledge
from attache.knowledge import build_knowledge_base, link_corpus, relink
from attache.sources import iter_sources
from attache.store import Store, StoreError
from attache.store.search import search
from attache.store.sqlite import migrations

from conftest import EXAMPLES, make_analysis


def attache(*args):
    return subprocess.run([sys.executable, "-m", "attache", *args], capture_output=True, text=True, timeout=300)


def test_a_database_of_the_first_schema_is_upgraded_in_place(tmp_path):
    db = tmp_path / "old.db"
    old = sqlite3.connect(db)
    old.executescript(migrations()[0] + "\nPRAGMA user_version = 1;")
    old.execute("INSERT INTO documents VALUES ('kept.txt', '/x/kept.txt', 'h', 'en', NULL, NULL, NULL, 'Kept.', "
                "'{}', '2026-01-01T00:00:00+00:00')")
    old.execute("INSERT INTO claims VALUES ('C-1', 'E-1', 'exports', 5, 'USD', 'exactly', '2025', 'VN', 'single', "
                "0, 0)")
    old.commit()
    old.close()
    with Store(db) as store:
        assert store.db.execute("PRAGMA user_version").fetchone()[0] == len(migrations())
        assert store.content_hash("kept.txt") == "h"
        assert store.db.execute("SELECT independent_sources FROM claims").fetchone() == (1,)
        assert store.knowledge_stale()
    assert sqlite3.connect(db).execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_an_ingest_after_the_upgrade_rebuilds_the_knowledge_base(tmp_path):
    db = tmp_path / "kb.db"
    assert attache("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0
    con = sqlite3.connect(db)
    con.execute("UPDATE meta SET value='1' WHERE key='knowledge_stale'")
    con.execute("DELETE FROM events")
    con.commit()
    con.close()
    again = attache("ingest", str(EXAMPLES), "--db", str(db))
    assert "5 unchanged" in again.stdout and "events: 3" in again.stdout


def test_other_files_and_newer_schemas_are_refused(tmp_path):
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE notes (x)")
    with pytest.raises(StoreError, match="not an attache database"):
        Store(foreign)
    newer = tmp_path / "newer.db"
    sqlite3.connect(newer).execute(f"PRAGMA user_version = {len(migrations()) + 1}")
    with pytest.raises(StoreError, match="newer attache"):
        Store(newer)


def test_a_second_ingest_is_refused_while_one_writes(tmp_path):
    db = tmp_path / "kb.db"
    with Store(db) as store, store.writing():
        result = attache("ingest", str(EXAMPLES), "--db", str(db))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"attache: error: {db} is being written by another ingest (pid {__import__('os').getpid()}); "
        "run again when it has finished"]
    assert attache("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0


def test_readers_keep_reading_while_a_batch_is_being_written(tmp_path):
    db = tmp_path / "kb.db"
    assert attache("ingest", str(EXAMPLES), "--db", str(db)).returncode == 0
    with Store(db) as writer, writer.transaction() as tx:
        tx.execute("DELETE FROM documents")
        reader = attache("export", "--db", str(db), "--format", "jsonl")
        assert reader.returncode == 0, reader.stderr
        assert sum('"kind": "document"' in line for line in reader.stdout.splitlines()) == 5


def test_a_replaced_document_is_found_by_its_new_words_only(tmp_path):
    with Store(tmp_path / "s.db") as store:
        store.put([make_analysis("memo.txt", "The delegation toured a cashew processing plant.")])
        relink(store)
        assert [h.ref for h in search(store.db, "cashew", kind="document").hits] == ["memo.txt"]
        store.put([make_analysis("memo.txt", "The delegation toured a pepper drying yard.")])
        relink(store)
        assert search(store.db, "cashew", kind="document").hits == []
        assert [h.ref for h in search(store.db, "pepper", kind="document").hits] == ["memo.txt"]
        assert search(store.db, "delegation").counts["document"] == 1


def test_the_stored_corpus_links_exactly_as_the_analyses_in_memory(tmp_path):
    analyses = [analyze_document(raw) for raw in iter_sources([str(EXAMPLES)])]
    with Store(tmp_path / "s.db") as store:
        store.put(analyses)
        stored = link_corpus(store.corpus())
        # Documents stored before link features and drafts existed have none: they are made from the analysis.
        store.db.execute("UPDATE documents SET features = NULL, draft = NULL")
        upgraded = link_corpus(store.corpus())
    in_memory = build_knowledge_base(sorted(analyses, key=lambda a: a.document.id))
    assert stored == in_memory == upgraded
    assert len(in_memory.events) >= 2 and in_memory.claims


def test_relinking_tells_each_step_and_how_many_events_it_builds(tmp_path):
    steps = []
    with Store(tmp_path / "s.db") as store:
        store.put([analyze_document(raw) for raw in iter_sources([str(EXAMPLES)])])
        relink(store, lambda step, done, total: steps.append((step, done, total)))
        events = store.count("events")
    assert [s for s, _, _ in steps] == ["grouping documents into events and linking people",
                                        "building and writing events"]
    assert steps[1][1:] == (0, events)


def test_a_knowledge_base_written_batch_by_batch_is_the_one_built_in_memory(tmp_path, monkeypatch):
    # One event per batch: every event, claim and index row is written by a later call than the first.
    monkeypatch.setattr(knowledge, "EVENTS_PER_LOAD", 1)
    analyses = [analyze_document(raw) for raw in iter_sources([str(EXAMPLES)])]
    with Store(tmp_path / "s.db") as store:
        store.put(analyses)
        relink(store)
        written = store.knowledge()
        in_memory = build_knowledge_base(sorted(analyses, key=lambda a: a.document.id))
        assert written == in_memory and len(written.events) >= 3
        last = written.events[-1]
        assert last.id in {h.ref for h in search(store.db, last.title, kind="event", limit=100).hits}
        claim = written.claims[-1]
        assert claim.id in {h.ref for h in search(store.db, claim.mentions[0].quote, kind="claim", limit=100).hits}
        assert not store.knowledge_stale()
