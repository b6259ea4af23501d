"""The command line as a user meets it: ingest, export, brief, errors."""
import csv
import gzip
import io
import json
import re
import subprocess
import sys

import pytest

from conftest import EXAMPLES

REPORT_EN = """Ministers review farm exports

On the morning of March 3, 2026, in Hanoi, Prime Minister Tran Quoc Vinh chaired a conference on farm exports.
Also attending was Deputy Prime Minister Le Thi Mai Anh.
In 2025, farm exports reached nearly 62 billion USD, an increase of 12.4% compared to 2024.
"""
REPORT_FR = """Le matin du 3 mars 2026, à Hanoï, le Premier ministre Tran Quoc Vinh a présidé une conférence sur les exportations agricoles.
En 2025, les exportations agricoles ont atteint près de 62 milliards de dollars.
"""


def attache(*args: str, cwd=None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "attache", *args], capture_output=True, text=True, cwd=cwd,
                          timeout=300)


@pytest.fixture
def corpus(tmp_path):
    folder = tmp_path / "reports"
    (folder / "sub").mkdir(parents=True)
    (folder / "farm-en.txt").write_text(REPORT_EN, encoding="utf-8")
    with gzip.open(folder / "sub" / "farm-fr.txt.gz", "wt", encoding="utf-8") as f:
        f.write(REPORT_FR)
    return folder


@pytest.mark.parametrize("command", [[], ["ingest"], ["export"], ["brief"]])
def test_help_everywhere(command):
    result = attache(*command, "--help")
    assert result.returncode == 0
    assert "Usage:" in result.stdout


def test_ingest_twice_is_a_no_op_and_a_change_replaces(corpus, tmp_path):
    db = str(tmp_path / "kb.db")
    first = attache("ingest", str(corpus), "--db", db)
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("documents: 2 added, 0 updated, 0 unchanged, 0 failed")
    # How long each half took goes to stderr, so that stdout stays the same from run to run.
    assert re.fullmatch(r"time: \d+\.\d s reading, analysing and storing \([\d,]+ documents/s\), \d+\.\d s linking",
                        first.stderr.strip())
    again = attache("ingest", str(corpus), "--db", db)
    assert "0 added, 0 updated, 2 unchanged" in again.stdout
    (corpus / "farm-en.txt").write_text(REPORT_EN.replace("nearly 62", "over 63"), encoding="utf-8")
    changed = attache("ingest", str(corpus), "--db", db)
    assert "0 added, 1 updated, 1 unchanged" in changed.stdout
    data = json.loads(attache("export", "--db", db).stdout)
    assert sorted(d["id"] for d in data["documents"]) == ["farm-en.txt", "sub/farm-fr.txt.gz"]
    assert "over 63" in next(d["text"] for d in data["documents"] if d["id"] == "farm-en.txt")


def test_default_database_is_attache_db_in_the_working_folder(corpus, tmp_path):
    assert attache("ingest", str(corpus), cwd=tmp_path).returncode == 0
    assert (tmp_path / "attache.db").is_file()


def test_glob_arguments_are_expanded(corpus, tmp_path):
    result = attache("ingest", str(corpus / "*.txt"), "--db", str(tmp_path / "g.db"))
    assert "1 added" in result.stdout


def test_export_json_is_the_schema(corpus, tmp_path):
    db = str(tmp_path / "kb.db")
    attache("ingest", str(corpus), "--db", db)
    out = tmp_path / "export.json"
    assert attache("export", "--db", db, "-o", str(out)).returncode == 0
    data = json.loads(out.read_text(encoding="utf-8"))
    assert data["schema"] == "attache.export/1"
    assert set(data) >= {"documents", "events", "people", "claims", "tasks", "relations"}
    for claim in data["claims"]:
        for m in claim["mentions"]:
            text = next(d["text"] for d in data["documents"] if d["id"] == m["document"])
            assert text[m["start"]:m["end"]] == m["quote"]


def test_export_jsonl_and_csv(corpus, tmp_path):
    db = str(tmp_path / "kb.db")
    attache("ingest", str(corpus), "--db", db)
    lines = attache("export", "--db", db, "--format", "jsonl").stdout.splitlines()
    kinds = {json.loads(line)["kind"] for line in lines}
    assert {"document", "event"} <= kinds
    rows = list(csv.reader(io.StringIO(attache("export", "--db", db, "--format", "csv").stdout)))
    assert rows[0][:4] == ["event", "event_date", "claim", "indicator"]


def test_csv_cells_cannot_run_as_spreadsheet_formulas():
    from attache.report.export import _safe_cell
    assert _safe_cell("=HYPERLINK(\"x\")") == "'=HYPERLINK(\"x\")"
    assert _safe_cell("@SUM(A1)") == "'@SUM(A1)"
    assert _safe_cell("plain") == "plain"
    assert _safe_cell(-5) == -5


def test_brief_markdown_and_standalone_html(corpus, tmp_path):
    db = str(tmp_path / "kb.db")
    attache("ingest", str(corpus), "--db", db)
    md = attache("brief", "--db", db)
    assert md.returncode == 0, md.stderr
    assert "## Sources" in md.stdout and "(fr)" in md.stdout
    html = attache("brief", "--db", db, "--format", "html").stdout
    assert html.startswith("<!DOCTYPE html>")
    assert "<link" not in html and "<script" not in html and "src=" not in html


def test_brief_for_an_unknown_event_is_one_clear_error(corpus, tmp_path):
    db = str(tmp_path / "kb.db")
    attache("ingest", str(corpus), "--db", db)
    result = attache("brief", "--db", db, "--event", "E-nope")
    assert result.returncode != 0
    assert result.stderr.strip().splitlines() == ["attache: error: no event 'E-nope' (see 'attache export' for the event ids)"]


def test_export_without_a_database_is_one_clear_error(tmp_path):
    result = attache("export", "--db", str(tmp_path / "missing.db"))
    assert result.returncode == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "missing.db" in result.stderr and "Traceback" not in result.stderr


def test_not_a_database_is_one_clear_error(tmp_path):
    bogus = tmp_path / "notes.db"
    bogus.write_text("just some notes\n" * 100)
    result = attache("export", "--db", str(bogus))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "notes.db" in result.stderr


def test_bad_files_are_named_and_skipped_while_the_rest_goes_in(corpus, tmp_path):
    bad = corpus / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "latin1.txt").write_bytes("Le ministre a visité Hué en été, à 8 h.".encode("cp1252"))
    (bad / "truncated.html").write_text("<html><body><article><p>" + "Farm exports grew again this year. " * 20)
    with open(bad / "huge.txt", "wb") as f:
        f.truncate(50 * 2**20)
    result = attache("ingest", str(corpus), "--db", str(tmp_path / "kb.db"))
    assert result.returncode == 0
    lines = result.stderr.strip().splitlines()
    for name in ("empty.txt", "binary.txt", "latin1.txt", "truncated.html", "huge.txt"):
        assert len([line for line in lines if name in line]) == 1, (name, lines)
    assert "Traceback" not in result.stderr
    assert "farm-en.txt" in attache("export", "--db", str(tmp_path / "kb.db")).stdout


def test_nothing_ingested_exits_1(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    result = attache("ingest", str(tmp_path / "empty.txt"), "--db", str(tmp_path / "kb.db"))
    assert result.returncode == 1
    assert "empty.txt" in result.stderr


def test_missing_path_is_reported(tmp_path):
    result = attache("ingest", str(tmp_path / "nowhere"), "--db", str(tmp_path / "kb.db"))
    assert result.returncode == 1
    assert "nowhere" in result.stderr


def test_example_corpus_runs_end_to_end(tmp_path):
    db = str(tmp_path / "kb.db")
    result = attache("ingest", str(EXAMPLES), "--db", db)
    assert result.returncode == 0, result.stderr
    assert "5 added" in result.stdout
