"""End to end on the real seed reports, scored by the shared scorer against the hand-made gold."""
import json
import subprocess
import sys

from conftest import SHARED, SEEDS, needs_shared

FLOORS = ("clusters.pair_f1=1 events.date_acc=1 documents.language_acc=1 people.f1=0.9 people.title_r=0.8 "
          "claims.f1=0.85 claims.indicator_acc=0.85 claims.qualifier_acc=0.85 claims.quotes_verbatim=1 "
          "tasks.lists_exact=1 clean.boilerplate_removed=0.95").split()


def attache(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "attache", *args], capture_output=True, text=True, timeout=300)


@needs_shared
def test_seeds_meet_every_floor(tmp_path):
    db, out = tmp_path / "seeds.db", tmp_path / "export.json"
    ingest = attache("ingest", str(SEEDS), "--db", str(db))
    assert ingest.returncode == 0, ingest.stderr
    assert "5 added" in ingest.stdout
    exported = attache("export", "--db", str(db), "--format", "json", "-o", str(out))
    assert exported.returncode == 0, exported.stderr
    score = subprocess.run([sys.executable, str(SHARED / "eval" / "score.py"), str(SHARED / "eval/gold/seeds.json"),
                            str(out), "--json", "--min", *FLOORS], capture_output=True, text=True)
    assert score.returncode == 0, score.stdout
    metrics = json.loads(score.stdout[:score.stdout.rindex("}") + 1])
    assert metrics["people.credit_leaks"] == 0


@needs_shared
def test_bylines_and_photo_credits_are_authors(tmp_path):
    db, out = tmp_path / "seeds.db", tmp_path / "export.json"
    assert attache("ingest", str(SEEDS), "--db", str(db)).returncode == 0
    assert attache("export", "--db", str(db), "-o", str(out)).returncode == 0
    people = {p["name"]: p for p in json.loads(out.read_text())["people"]}
    assert {name: people[name]["role"] for name in ("Nhat Bac", "Nhat Anh", "Hoai Nhung")} == {
        "Nhat Bac": "author", "Nhat Anh": "author", "Hoai Nhung": "author"}
    assert "Ho Chi Minh" not in people
