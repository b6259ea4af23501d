"""The Spark path as a user runs it: `attache spark ingest` on local[2], then `attache load`, against the local ingest.

One Spark run serves the whole module: starting the JVM costs tens of seconds.
"""
from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from conftest import ROOT

EXAMPLES = ROOT / "examples"

PAGE = ("<html><head><title>River port opens</title></head><body><article><p>On April 14, 2026, in Can Tho, the "
        "provincial chairman opened a river port that cost nearly 120 million USD, officials said.</p><p>The port "
        "will handle over 2 million tonnes of rice a year.</p></article></body></html>")
FEED = [
    {"id": "feed-1", "url": "https://news.example/fair", "published": "2026-05-02",
     "text": "On May 2, 2026, in Hue, the culture minister opened a crafts fair that drew about 40,000 visitors."},
    {"id": "feed-2", "text": "On May 3, 2026, in Hue, the crafts fair closed with sales of over 3 million USD."},
]


def attache(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "attache", *args], capture_output=True, text=True)


def warc_response(uri: str, html: str, number: int) -> bytes:
    block = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html.encode("utf-8")
    head = (f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"WARC-Date: 2026-04-15T07:00:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def java_works() -> bool:
    if shutil.which("java") is None:
        return False
    return subprocess.run(["java", "-version"], capture_output=True).returncode == 0


def make_inputs(folder: Path) -> None:
    """Our fictional reports in every format the sources read, in subfolders, with one broken file."""
    for report in (EXAMPLES / "corpus").iterdir():
        shutil.copy(report, folder / report.name)
    (folder / "trilingual").mkdir()
    for report in (EXAMPLES / "trilingual").glob("*.txt"):
        shutil.copy(report, folder / "trilingual" / report.name)
    (folder / "crawl").mkdir()
    records = [warc_response("https://news.example/port", PAGE, 1),
               warc_response("https://news.example/port-2", PAGE.replace("nearly 120", "about 118"), 2)]
    (folder / "crawl" / "april.warc.gz").write_bytes(b"".join(gzip.compress(r) for r in records))
    (folder / "feed.jsonl").write_text("".join(json.dumps(r) + "\n" for r in FEED), encoding="utf-8")
    (folder / "broken.txt").write_bytes(b"\x00\x01\x02 not a report \xff\xfe")


@dataclass
class Runs:
    inputs: Path
    out: Path
    spark: subprocess.CompletedProcess
    local_export: dict
    spark_db: Path
    first_load: subprocess.CompletedProcess
    second_load: subprocess.CompletedProcess
    spark_export: dict


def export(db: Path) -> dict:
    result = attache("export", "--db", str(db))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def runs(tmp_path_factory) -> Runs:
    pytest.importorskip("pyspark", reason="the Spark path needs pyspark (pip install 'attache[spark]')")
    pytest.importorskip("pyarrow", reason="attache load needs pyarrow (pip install 'attache[spark]')")
    if not java_works():
        pytest.skip("the Spark path needs Java (17 or later): apt-get install openjdk-17-jre-headless")
    tmp = tmp_path_factory.mktemp("spark")
    inputs = tmp / "in"
    inputs.mkdir()
    make_inputs(inputs)
    local = attache("ingest", str(inputs), "--db", str(tmp / "local.db"), "--workers", "1")
    assert local.returncode == 0, local.stderr
    spark = attache("spark", "ingest", str(inputs), "--out", str(tmp / "out"), "--master", "local[2]")
    assert spark.returncode == 0, spark.stderr
    spark_db = tmp / "spark.db"
    first = attache("load", str(tmp / "out"), "--db", str(spark_db))
    second = attache("load", str(tmp / "out"), "--db", str(spark_db))
    return Runs(inputs, tmp / "out", spark, export(tmp / "local.db"), spark_db, first, second, export(spark_db))


def test_spark_gives_the_same_documents_events_and_claims_as_the_local_ingest(runs):
    local, spark = runs.local_export, runs.spark_export
    assert [d["id"] for d in spark["documents"]] == [d["id"] for d in local["documents"]]
    assert "trilingual/a-vi.txt" in {d["id"] for d in spark["documents"]}
    assert [(e["id"], e["documents"]) for e in spark["events"]] == [(e["id"], e["documents"]) for e in local["events"]]
    assert len(local["events"]) >= 3

    def claims(data: dict) -> list:
        return [(c["indicator"], c["value"], c["status"], c["mentions"]) for c in data["claims"]]

    assert claims(spark) == claims(local) and len(local["claims"]) >= 5
    assert spark == local  # and everything else: people, tasks, relations, texts, sources


def test_the_export_written_by_the_spark_job_is_the_loaded_knowledge_base(runs):
    written = json.loads((runs.out / "export.json").read_text(encoding="utf-8"))
    assert written["tasks"]

    def in_store_order(data: dict) -> dict:
        # the store lists tasks by event and number; the driver keeps them as linking found them
        return {**data, "tasks": sorted(data["tasks"], key=lambda t: (t["event"], t["n"]))}

    assert in_store_order(written) == in_store_order(runs.spark_export)


def test_warc_pages_and_jsonl_records_go_through_spark(runs):
    documents = {d["id"]: d for d in runs.spark_export["documents"]}
    port = documents["urn:uuid:00000000-0000-0000-0000-000000000001"]
    assert port["source"] == "https://news.example/port" and "river port" in port["text"]
    assert "urn:uuid:00000000-0000-0000-0000-000000000002" in documents
    assert {"feed-1", "feed-2"} <= set(documents)


def test_a_broken_file_is_reported_by_name_and_the_rest_goes_in(runs):
    assert f"attache: error: {runs.inputs / 'broken.txt'}: binary file (not text)" in runs.spark.stderr.splitlines()
    assert "1 failed" in runs.spark.stdout
    count = len(runs.spark_export["documents"])
    assert runs.spark.stdout.startswith(f"documents: {count} analysed")
    assert "broken.txt" not in {d["id"] for d in runs.spark_export["documents"]}


def test_loading_twice_adds_nothing(runs):
    count = len(runs.spark_export["documents"])
    assert runs.first_load.returncode == 0, runs.first_load.stderr
    assert runs.first_load.stdout.startswith(f"documents: {count} added, 0 updated, 0 unchanged")
    assert runs.second_load.returncode == 0, runs.second_load.stderr
    assert runs.second_load.stdout.startswith(f"documents: 0 added, 0 updated, {count} unchanged")
    assert len(export(runs.spark_db)["documents"]) == count


def test_the_parquet_can_be_read_without_spark(runs):
    import pyarrow.dataset

    table = pyarrow.dataset.dataset(runs.out / "analyses", format="parquet").to_table(columns=["id", "language"])
    languages = dict(zip(table.column("id").to_pylist(), table.column("language").to_pylist()))
    assert languages["trilingual/a-vi.txt"] == "vi" and languages["trilingual/a-fr.txt"] == "fr"


def test_loading_a_folder_without_analyses_is_one_clear_error(tmp_path):
    pytest.importorskip("pyarrow")
    result = attache("load", str(tmp_path), "--db", str(tmp_path / "kb.db"))
    assert result.returncode == 2
    assert result.stderr.strip().splitlines() == [
        f"attache: error: {tmp_path}: no 'analyses' folder (is this the --out folder of 'attache spark ingest'?)"]


def test_without_pyspark_the_spark_command_says_what_to_install(tmp_path):
    hide_pyspark = ("import importlib.util, sys; find = importlib.util.find_spec; "
                    "importlib.util.find_spec = lambda name, *a: None if name == 'pyspark' else find(name, *a); "
                    "sys.argv = ['attache', 'spark', 'ingest', 'in', '--out', 'out']; "
                    "from attache.cli import main; main()")
    result = subprocess.run([sys.executable, "-c", hide_pyspark], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip() == "attache: error: the Spark path needs pyspark: pip install 'attache[spark]'"


def test_a_parquet_row_holds_the_whole_analysis_and_the_fields_to_query_by():
    from attache.extract import analyze_document
    from attache.model import RawDocument
    from attache.spark.job import analyse_within
    from attache.spark.layout import COLUMNS, from_json, to_row

    raw = RawDocument(id="fair.txt", source="/reports/fair.txt", media="text",
                      content="On May 2, 2026, in Hue, the culture minister opened a crafts fair.")
    row = dict(zip(COLUMNS, to_row(analyse_within(raw, 30.0))))
    analysis = analyze_document(raw)
    assert (row["id"], row["source"], row["language"], row["content_hash"]) == (
        "fair.txt", "/reports/fair.txt", analysis.document.language, analysis.content_hash)
    assert from_json(row["analysis"]).to_dict() == analysis.to_dict()
