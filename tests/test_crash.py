"""Kill -9 an ingest at random moments: the database stays whole and a rerun completes the set exactly."""
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
from corpus import generate  # noqa: E402

DOCUMENTS = 1200
KILLS = 20


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    folder = tmp_path_factory.mktemp("crash-corpus")
    for doc in generate(DOCUMENTS, seed=11):
        (folder / doc.id).write_text(doc.content, encoding="utf-8")
    return folder


def whole(db) -> int:
    """Documents stored, after checking the file and that no document lacks its analysis."""
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rows = con.execute("SELECT id, text, analysis FROM documents").fetchall()
    finally:
        con.close()
    for doc_id, text, analysis in rows:
        assert json.loads(analysis)["document"]["id"] == doc_id
        assert json.loads(analysis)["document"]["text"] == text
    return len(rows)


def test_killed_ingests_leave_only_whole_documents_and_a_rerun_completes(corpus, tmp_path):
    db = tmp_path / "kb.db"
    command = [sys.executable, "-m", "attache", "ingest", str(corpus), "--db", str(db)]
    rng = random.Random(5)
    stored = []
    for _ in range(KILLS):
        process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.3, 3.0))
        os.kill(process.pid, signal.SIGKILL)
        process.wait()
        stored.append(whole(db) if db.exists() else 0)
    assert stored == sorted(stored), "a killed ingest lost documents an earlier one had stored"
    final = subprocess.run(command, capture_output=True, text=True, timeout=600)
    assert final.returncode == 0, final.stderr
    assert whole(db) == DOCUMENTS
    con = sqlite3.connect(db)
    assert con.execute("SELECT value FROM meta WHERE key='knowledge_stale'").fetchone() == ("0",)
    linked = con.execute("SELECT count(DISTINCT document_id) FROM event_documents").fetchone()[0]
    assert linked == DOCUMENTS
