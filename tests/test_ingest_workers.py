"""Analysing in a process pool gives exactly what analysing in-process gives."""
import hashlib
import json
import subprocess
import sys

from attache.cli import ingest
from attache.cli.ingest import CHUNK_SIZE
from attache.store import Store
from conftest import EXAMPLES, ROOT

TRILINGUAL = ROOT / "examples" / "trilingual"


def attache(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "attache", *args], capture_output=True, text=True, timeout=300)


def exported(tmp_path, workers: int, *inputs) -> tuple[str, dict]:
    db = tmp_path / f"kb-{workers}.db"
    done = attache("ingest", *map(str, inputs), "--db", str(db), "--workers", str(workers))
    assert done.returncode == 0, done.stderr
    data = json.loads(attache("export", "--db", str(db)).stdout)
    return done.stdout, {key: data[key] for key in ("documents", "events", "claims")}


def test_two_workers_export_what_one_worker_exports(tmp_path):
    # Both folders together make more than one chunk of work, so the pool really runs.
    one = exported(tmp_path, 1, EXAMPLES, TRILINGUAL)
    two = exported(tmp_path, 2, EXAMPLES, TRILINGUAL)
    assert one == two
    assert len(one[1]["documents"]) > CHUNK_SIZE and one[1]["events"] and one[1]["claims"]


def test_summary_counts_stay_exact_with_repeated_ids_in_flight(tmp_path):
    report = (EXAMPLES / sorted(p.name for p in EXAMPLES.iterdir())[0]).read_text(encoding="utf-8")
    lines = [{"id": f"doc-{n % 12}", "text": f"{report}\nEdition {n // 12}."} for n in range(30)]
    lines += [{"id": "doc-0", "text": f"{report}\nEdition 2."}, {"id": "broken"}]
    source = tmp_path / "many.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    one, two = (attache("ingest", str(source), "--db", str(tmp_path / f"{w}.db"), "--workers", str(w))
                for w in (1, 2))
    assert one.stdout == two.stdout
    assert one.stdout.startswith("documents: 12 added, 0 updated, 1 unchanged, 1 failed")


def test_counts_stay_exact_when_copies_of_an_id_straddle_stored_batches(tmp_path, monkeypatch):
    monkeypatch.setattr(ingest, "BATCH_SIZE", 3)
    report = (EXAMPLES / sorted(p.name for p in EXAMPLES.iterdir())[0]).read_text(encoding="utf-8")
    # Five ids, each seen eight times; every ten documents each id's text changes.
    lines = [{"id": f"doc-{n % 5}", "text": f"{report}\nEdition {n // 10}."} for n in range(40)]
    source = tmp_path / "editions.jsonl"
    source.write_text("\n".join(json.dumps(line) for line in lines), encoding="utf-8")
    summaries = []
    for workers in (1, 2):
        with Store(tmp_path / f"{workers}.db") as store:
            summaries.append(ingest.ingest_paths(store, [str(source)], max_bytes=10**6, workers=workers).line())
            stored = dict(store.db.execute("SELECT id, content_hash FROM documents"))
        last_edition = hashlib.sha256(f"{report}\nEdition 3.".encode()).hexdigest()
        assert stored == {f"doc-{i}": last_edition for i in range(5)}
    assert summaries[0] == summaries[1]
    # Each id: added once, then updated by each of three later editions; its other four copies repeat one.
    assert summaries[0].startswith("documents: 5 added, 15 updated, 20 unchanged, 0 failed")
