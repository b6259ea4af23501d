"""Streamed inputs: JSONL (files, .gz, standard input) and WARC (.warc, .warc.gz).

These may be far larger than memory (a CC-NEWS WARC is about 1 GB), so they
are read one record at a time; the size cap applies to each record, not to
the file.
"""
from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from contextlib import nullcontext
from typing import BinaryIO

from fastwarc.warc import ArchiveIterator, WarcRecord, WarcRecordType

from ..model import RawDocument
from .dates import normalise_date
from .problems import SourceProblem
from .reading import Unreadable, decode, megabytes
from .records import checked, from_record

_SKIP_CHUNK = 1 << 16
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})


def jsonl_file(stream: BinaryIO, file_id: str, source: str, shown: str, max_bytes: int, *,
               compressed: bool) -> Iterator[RawDocument | SourceProblem]:
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") if compressed else nullcontext(stream) as lines:
            yield from jsonl_stream(lines, file_id, source, shown, max_bytes, compressed=compressed)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        yield SourceProblem(shown, f"corrupt gzip ({exc})")
    except OSError as exc:
        yield SourceProblem(shown, f"cannot read file ({exc.strerror or exc})")


def jsonl_stream(stream: BinaryIO, file_id: str, source: str, shown: str, max_bytes: int, *,
                 compressed: bool = False) -> Iterator[RawDocument | SourceProblem]:
    """One document per JSON line; a bad line is one problem and the stream goes on."""
    seen_bytes = seen_record = False
    for n, line in _lines(stream, max_bytes):
        seen_bytes = True
        if line is None:
            seen_record = True
            limit = megabytes(max_bytes)
            yield SourceProblem(shown, f"line {n}: decompressed size exceeds the {limit} limit (gzip bomb?)"
                                if compressed else f"line {n}: record too large (> {limit} limit)")
            continue
        if not line.strip():
            continue
        seen_record = True
        yield from _jsonl_line(line, n, file_id, source, shown)
    if not seen_record:
        yield SourceProblem(shown, "empty file (only whitespace)" if seen_bytes else "empty file")


def _lines(stream: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None]]:
    """Numbered lines, None for one longer than `max_bytes` (skipped without holding it in memory)."""
    n = 0
    while line := stream.readline(max_bytes + 1):
        n += 1
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := stream.readline(_SKIP_CHUNK)) and not rest.endswith(b"\n"):
                pass
            yield n, None
        else:
            yield n, line


def _jsonl_line(line: bytes, n: int, file_id: str, source: str, shown: str) -> Iterator[RawDocument | SourceProblem]:
    try:
        text, warning = decode(line)
    except Unreadable as exc:
        yield SourceProblem(shown, f"line {n}: {exc}")
        return
    if warning:
        yield SourceProblem(shown, f"line {n}: {warning}", skipped=False)
    try:
        record = json.loads(text)
    except json.JSONDecodeError as exc:
        yield SourceProblem(shown, f"line {n}: not valid JSON ({exc.msg})")
        return
    yield from from_record(record, f"{file_id}#{n}", source, shown, f"line {n}")


def warc_file(stream: BinaryIO, shown: str, max_bytes: int) -> Iterator[RawDocument | SourceProblem]:
    """HTML pages of the WARC's HTTP responses; other records (requests, images, metadata) are not reports."""
    try:
        # .warc.gz is recognised by its content. Payloads sent gzip- or chunk-encoded are decoded; the size
        # cap is checked again after decoding.
        for record in ArchiveIterator(stream, record_types=WarcRecordType.response, parse_http=True,
                                      auto_decode="all"):
            yield from _warc_page(record, shown, max_bytes)
    except OSError as exc:  # fastwarc reports unparseable or truncated archives as OSError
        yield SourceProblem(shown, f"corrupt WARC ({exc})")


def _warc_page(record: WarcRecord, shown: str, max_bytes: int) -> Iterator[RawDocument | SourceProblem]:
    http = record.http_headers
    status = http.status_code if http is not None else None
    if status is None or not 200 <= status < 300:
        return  # redirects, error pages and cut-off HTTP headers carry no report
    if (http.get("Content-Type") or "").split(";")[0].strip().lower() not in _HTML_TYPES:
        return
    rid = (record.headers.get("WARC-Record-ID") or "").strip("<>")
    uri = record.headers.get("WARC-Target-URI") or None
    where = f"{shown} ({uri or rid})"
    if record.content_length > max_bytes:
        yield SourceProblem(where, f"record too large ({megabytes(record.content_length)} > "
                                   f"{megabytes(max_bytes)} limit)")
        return
    try:
        text, warning = _page_text(record.reader.read(max_bytes + 1), record.http_charset, max_bytes)
    except Unreadable as exc:
        yield SourceProblem(where, str(exc))
        return
    if warning:
        yield SourceProblem(where, warning, skipped=False)
    if not text.strip():
        yield SourceProblem(where, "empty page")
        return
    yield from checked(RawDocument(id=rid or where, source=uri or shown, content=text, media="html",
                                   published=normalise_date(record.headers.get("WARC-Date")), url=uri), where)


def _page_text(data: bytes, charset: str | None, max_bytes: int) -> tuple[str, str | None]:
    if len(data) > max_bytes:  # the payload was compressed on the wire and expands past the cap
        raise Unreadable(f"record too large (> {megabytes(max_bytes)} limit)")
    if charset:
        try:
            return data.decode(charset), None
        except (LookupError, UnicodeDecodeError):
            pass  # a wrong or unknown label: fall back to detection, as browsers do
    return decode(data)
