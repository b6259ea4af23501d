"""Streamed inputs: WARC (plain and gzip), JSONL larger than the per-record cap, and standard input."""
import gzip
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

from attache.sources import SourceProblem, count_documents, iter_sources

PAGE = ("<html><head><title>Farm exports</title></head><body><article><p>On March 3, 2026, in Hanoi, the minister "
        "chaired a conference on farm exports, which reached nearly 62 billion USD in 2025.</p></article>"
        "</body></html>")
REPORT = "On March 3, 2026, in Hanoi, the minister chaired a conference on farm exports."


def warc_record(kind: str, uri: str, payload: bytes, number: int, content_type: str = "text/html",
                status: str = "200 OK", http_extra: str = "") -> bytes:
    block = payload
    if kind in ("response", "request"):
        block = f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\n{http_extra}\r\n".encode() + payload
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{number:012d}>\r\n"
            f"WARC-Date: 2026-03-04T08:30:00Z\r\nWARC-Target-URI: {uri}\r\n"
            f"Content-Type: application/http; msgtype={kind}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode() + block + b"\r\n\r\n"


def write_warc(path: Path, records: list[bytes]) -> Path:
    # A .warc.gz is one gzip member per record, as crawlers write them.
    path.write_bytes(b"".join(gzip.compress(r) for r in records) if path.suffix == ".gz" else b"".join(records))
    return path


def crawl() -> list[bytes]:
    return [
        warc_record("warcinfo", "", b"software: test", 1),
        warc_record("request", "https://news.example/a", b"", 2),
        warc_record("response", "https://news.example/a", PAGE.encode(), 3),
        warc_record("response", "https://news.example/logo.png", b"\x89PNG\r\n", 4, content_type="image/png"),
        warc_record("response", "https://news.example/gone", PAGE.encode(), 5, status="404 Not Found"),
        warc_record("response", "https://news.example/b", PAGE.replace("Hanoi", "Huế").encode("utf-8"), 6,
                    content_type="application/xhtml+xml; charset=utf-8"),
        warc_record("response", "https://news.example/huge", b"<p>" + b"x" * 5000 + b"</p>", 7),
    ]


def split(items):
    items = list(items)
    docs = [i for i in items if not isinstance(i, SourceProblem)]
    return docs, [i for i in items if isinstance(i, SourceProblem)]


def test_warc_plain_and_gzip_give_the_html_responses(tmp_path):
    for name in ("crawl.warc", "crawl.warc.gz"):
        docs, problems = split(iter_sources([str(write_warc(tmp_path / name, crawl()))], max_bytes=4096))
        assert [d.url for d in docs] == ["https://news.example/a", "https://news.example/b"]
        first = docs[0]
        assert first.id == "urn:uuid:00000000-0000-0000-0000-000000000003"
        assert first.source == "https://news.example/a" and first.media == "html"
        assert first.published == "2026-03-04" and first.content == PAGE
        assert "Huế" in docs[1].content
        assert [(p.path.endswith("(https://news.example/huge)"), p.reason.startswith("record too large"))
                for p in problems] == [(True, True)]


def test_a_gzip_encoded_page_is_decoded_and_capped_after_decoding(tmp_path):
    page = PAGE.replace("</p>", " More prose." * 300 + "</p>")
    record = warc_record("response", "https://news.example/z", gzip.compress(page.encode()), 8,
                         http_extra="Content-Encoding: gzip\r\n")
    path = write_warc(tmp_path / "encoded.warc", [record])
    assert [d.content for d in iter_sources([str(path)])] == [page]
    docs, problems = split(iter_sources([str(path)], max_bytes=len(page) - 1))
    assert docs == [] and [p.reason.startswith("record too large") for p in problems] == [True]


def test_a_truncated_warc_keeps_its_whole_records_and_reports_the_rest(tmp_path):
    data = b"".join(crawl()[:3]) + crawl()[5][:200]
    docs, problems = split(iter_sources([str(write_warc(tmp_path / "cut.warc", [data]))]))
    assert [d.url for d in docs] == ["https://news.example/a"]
    assert len(problems) <= 1 and all("WARC" in p.reason for p in problems)


def test_jsonl_is_capped_per_line_not_per_file(tmp_path):
    lines = [json.dumps({"id": f"n{i}", "text": f"{REPORT} ({i})"}) for i in range(200)]
    lines.insert(100, json.dumps({"text": "y" * 3000}))
    for name in ("big.jsonl", "big.jsonl.gz"):
        path = tmp_path / name
        data = "\n".join(lines).encode()
        path.write_bytes(gzip.compress(data) if name.endswith(".gz") else data)
        assert len(data) > 10 * 2048
        docs, problems = split(iter_sources([str(path)], max_bytes=2048))
        assert [d.id for d in docs] == [f"n{i}" for i in range(200)]
        assert len(problems) == 1 and problems[0].reason.startswith("line 101: ")


def test_standard_input_is_read_as_it_arrives(monkeypatch):
    read_end, write_end = os.pipe()
    monkeypatch.setattr(sys, "stdin", os.fdopen(read_end, "r", encoding="utf-8"))
    writer = os.fdopen(write_end, "w", encoding="utf-8")
    writer.write(json.dumps({"id": "first", "text": REPORT}) + "\n")
    writer.flush()
    got: list = []
    reader = iter_sources(["-"])
    # The first document comes through while the pipe is still open: nothing waits for the end of input.
    thread = threading.Thread(target=lambda: got.append(next(reader)), daemon=True)
    thread.start()
    thread.join(60)
    assert [d.id for d in got] == ["first"]
    writer.write(json.dumps({"id": "second", "text": REPORT}) + "\n")
    writer.close()
    assert [d.id for d in reader] == ["second"]


def test_the_cli_ingests_jsonl_from_standard_input(tmp_path):
    lines = "".join(json.dumps({"url": f"https://news.example/{i}", "text": REPORT + f" Item {i}."}) + "\n"
                    for i in range(3))
    db = tmp_path / "kb.db"
    done = subprocess.run([sys.executable, "-m", "attache", "ingest", "-", "--db", str(db)], input=lines,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("documents: 3 added")


def test_documents_are_counted_ahead_only_for_one_document_files(tmp_path):
    (tmp_path / "a.txt").write_text(REPORT, encoding="utf-8")
    (tmp_path / "b.html").write_text(PAGE, encoding="utf-8")
    assert count_documents([str(tmp_path)]) == 2
    assert count_documents([str(tmp_path), "-"]) is None
    (tmp_path / "c.jsonl").write_text(json.dumps({"text": REPORT}), encoding="utf-8")
    assert count_documents([str(tmp_path)]) is None
