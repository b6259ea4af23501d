"""Sources: every format, ids, and one problem line per bad input while the batch goes on."""
from __future__ import annotations

import gzip
import io
import json
from pathlib import Path

import pytest

from attache.model import RawDocument
from attache.sources import SourceProblem, iter_sources
from attache.sources.reading import Unreadable, read_bytes

REPORT = "The district council of Amberley approved a new bus line to the hospital on Tuesday.\n"
PAGE = ("<!DOCTYPE html><html><head><title>Bus line approved</title></head><body><article>"
        f"<p>{REPORT}</p></article></body></html>")


def run(*paths, **kw) -> tuple[list[RawDocument], list[SourceProblem]]:
    items = list(iter_sources([str(p) for p in paths], **kw))
    return ([x for x in items if isinstance(x, RawDocument)], [x for x in items if isinstance(x, SourceProblem)])


def write(path: Path, data: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8")
    path.write_bytes(gzip.compress(data) if path.suffix == ".gz" else data)
    return path


def test_every_format_in_a_folder(tmp_path):
    write(tmp_path / "a.txt", REPORT)
    write(tmp_path / "sub" / "b.html", PAGE)
    write(tmp_path / "sub" / "c.htm", PAGE)
    write(tmp_path / "d.json", json.dumps({"text": REPORT, "id": "rec-1", "published": "2024-05-02T10:00:00Z"}))
    write(tmp_path / "e.json", json.dumps([{"text": REPORT}, {"html": PAGE, "url": "https://x.example/2"}]))
    write(tmp_path / "f.jsonl", "\n".join(json.dumps(r) for r in [
        {"text": REPORT, "id": 7, "title": "Bus", "published": "02/05/2024"},
        {"html": PAGE, "url": "https://x.example/1"},
        {"text": REPORT}]) + "\n")
    write(tmp_path / "g.html.gz", PAGE)
    write(tmp_path / "h.jsonl.gz", json.dumps({"text": REPORT}) + "\n")
    write(tmp_path / "i.txt.gz", REPORT)
    write(tmp_path / ".hidden.txt", REPORT)
    write(tmp_path / ".cache" / "j.txt", REPORT)
    write(tmp_path / "notes.md", REPORT)
    docs, problems = run(tmp_path)
    assert problems == []
    by_id = {d.id: d for d in docs}
    assert list(by_id) == ["a.txt", "rec-1", "e.json#1", "https://x.example/2", "7", "https://x.example/1",
                           "f.jsonl#3", "g.html.gz", "h.jsonl.gz#1", "i.txt.gz", "sub/b.html", "sub/c.htm"]
    assert by_id["a.txt"].media == "text" and by_id["a.txt"].content == REPORT
    assert by_id["a.txt"].source == str((tmp_path / "a.txt").resolve())
    assert by_id["sub/b.html"].media == "html" and by_id["g.html.gz"].media == "html"
    assert by_id["rec-1"].published == "2024-05-02"
    assert by_id["7"].published == "2024-05-02" and by_id["7"].title == "Bus"
    assert by_id["https://x.example/1"].media == "html"
    assert by_id["https://x.example/1"].source == by_id["https://x.example/1"].url == "https://x.example/1"
    assert by_id["f.jsonl#3"].source == str((tmp_path / "f.jsonl").resolve())


def test_sources_name_the_real_file_behind_links(tmp_path):
    write(tmp_path / "real" / "a.txt", REPORT)
    write(tmp_path / "elsewhere" / "b.txt", REPORT)
    (tmp_path / "real" / "b.txt").symlink_to(tmp_path / "elsewhere" / "b.txt")
    (tmp_path / "alias").symlink_to(tmp_path / "real")
    docs, problems = run(tmp_path / "alias")
    assert problems == []
    assert {d.id: d.source for d in docs} == {"a.txt": str((tmp_path / "real" / "a.txt").resolve()),
                                              "b.txt": str((tmp_path / "elsewhere" / "b.txt").resolve())}


def test_txt_holding_html_is_html(tmp_path):
    docs, _ = run(write(tmp_path / "page.txt", "\n  " + PAGE))
    assert docs[0].media == "html"


def test_file_and_glob_arguments(tmp_path):
    write(tmp_path / "one.txt", REPORT)
    write(tmp_path / "two.txt", REPORT)
    write(tmp_path / "deep" / "three.txt", REPORT)
    write(tmp_path / "skip.md", REPORT)
    docs, problems = run(tmp_path / "one.txt")
    assert [d.id for d in docs] == ["one.txt"] and not problems
    docs, problems = run(f"{tmp_path}/*.txt")
    assert [d.id for d in docs] == ["one.txt", "two.txt"] and not problems
    docs, _ = run(f"{tmp_path}/**/*.txt")
    assert [d.id for d in docs] == ["deep/three.txt", "one.txt", "two.txt"]
    docs, problems = run(f"{tmp_path}/*.csv")
    assert not docs and len(problems) == 1 and "no file matches" in problems[0].reason


def test_missing_path_is_a_problem_not_an_exception(tmp_path):
    write(tmp_path / "ok.txt", REPORT)
    docs, problems = run(tmp_path / "absent.txt", tmp_path / "ok.txt")
    assert [d.id for d in docs] == ["ok.txt"]
    assert [(Path(p.path).name, p.reason, p.skipped) for p in problems] == [
        ("absent.txt", "no such file or directory", True)]


def test_bad_inputs_each_give_one_problem_and_the_batch_goes_on(tmp_path):
    write(tmp_path / "01_empty.txt", b"")
    write(tmp_path / "02_binary.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    write(tmp_path / "03_latin.txt", "Le conseil régional a voté le budget de l'école à Noël.\n".encode("cp1252"))
    write(tmp_path / "04_truncated.html", PAGE[: PAGE.index("</p>")])
    (tmp_path / "05_corrupt.txt.gz").write_bytes(b"\x1f\x8b\x08\x00" + b"not really gzip at all" * 3)
    write(tmp_path / "06_lines.jsonl", "\n".join([json.dumps({"text": REPORT}), "{not json",
                                                  json.dumps({"title": "no body"}), json.dumps({"text": REPORT})]))
    write(tmp_path / "07_whitespace.txt", "   \n\n  ")
    write(tmp_path / "08_bad.json", "[1, 2")
    write(tmp_path / "09_bom.txt", b"\xef\xbb\xbf" + REPORT.encode())
    write(tmp_path / "10_ok.html", PAGE)
    unknown = write(tmp_path / "11_table.csv", "a,b\n")
    docs, problems = run(tmp_path, unknown)
    assert [d.id for d in docs] == ["03_latin.txt", "04_truncated.html", "06_lines.jsonl#1", "06_lines.jsonl#4",
                                    "09_bom.txt", "10_ok.html"]
    reasons = {(Path(p.path.split(" (")[0]).name, p.skipped): p.reason for p in problems}
    assert len(problems) == 10 and len(reasons) == 9  # one per bad file, one per bad line of the jsonl
    assert reasons[("01_empty.txt", True)] == "empty file"
    assert reasons[("02_binary.txt", True)] == "binary file (not text)"
    assert reasons[("03_latin.txt", False)] == "not valid UTF-8, decoded as cp1252"
    assert "truncated" in reasons[("04_truncated.html", False)]
    assert reasons[("05_corrupt.txt.gz", True)].startswith("corrupt gzip")
    line_reasons = sorted(p.reason for p in problems if "06_lines" in p.path)
    assert line_reasons == ["line 2: not valid JSON (Expecting property name enclosed in double quotes)",
                            "line 3: no 'text' or 'html' field"]
    assert "empty" in reasons[("07_whitespace.txt", True)]
    assert reasons[("08_bad.json", True)].startswith("not valid JSON")
    assert reasons[("11_table.csv", True)] == "unsupported file type '.csv'"
    latin = next(d for d in docs if d.id == "03_latin.txt")
    assert "régional" in latin.content and "Noël" in latin.content
    assert next(d for d in docs if d.id == "09_bom.txt").content == REPORT


def test_a_50_mb_file_is_refused_without_reading_it(tmp_path):
    big = tmp_path / "huge.txt"
    with big.open("wb") as f:
        f.truncate(50 * 2**20)  # sparse: costs no disk and would take long to read
    write(tmp_path / "small.txt", REPORT)
    docs, problems = run(tmp_path)
    assert [d.id for d in docs] == ["small.txt"]
    assert [(Path(p.path).name, p.reason) for p in problems] == [
        ("huge.txt", "file too large (50.0 MB > 20.0 MB limit)")]


def test_gzip_bomb_is_capped(tmp_path):
    bomb = tmp_path / "bomb.jsonl.gz"
    bomb.write_bytes(gzip.compress(b" " * (3 * 2**20)))
    assert bomb.stat().st_size < 2**16
    write(tmp_path / "ok.txt", REPORT)
    docs, problems = run(tmp_path, max_bytes=2**20)
    assert [d.id for d in docs] == ["ok.txt"]
    assert len(problems) == 1 and problems[0].path.endswith("bomb.jsonl.gz")
    assert "decompressed size exceeds the 1.0 MB limit" in problems[0].reason


class _Growing(io.BytesIO):
    """A file that another process appends to between our size check and our read."""

    def __init__(self, seen: bytes, grown: bytes):
        super().__init__(grown)
        self.seen = len(seen)

    def seek(self, offset: int, whence: int = 0) -> int:
        position = super().seek(offset, whence)
        return self.seen if whence == io.SEEK_END else position


class _ShortReads(io.BytesIO):
    """A stream that returns at most a few bytes per read, as an unbuffered read may on some file systems."""

    def read(self, size: int | None = -1) -> bytes:
        return super().read(min(size if size is not None and size >= 0 else 7, 7))


def test_a_file_that_grows_while_read_is_read_whole_or_refused_past_the_limit():
    assert read_bytes(_Growing(b"12345", b"1234567890"), 100, compressed=False) == b"1234567890"
    with pytest.raises(Unreadable, match="file too large"):
        read_bytes(_Growing(b"12345", b"x" * 101), 100, compressed=False)


def test_short_reads_still_give_the_whole_file():
    assert read_bytes(_ShortReads(REPORT.encode()), 10_000, compressed=False) == REPORT.encode()
