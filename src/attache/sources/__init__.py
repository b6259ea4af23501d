"""Sources: files, folders, globs and `-` (JSONL on standard input) in; `RawDocument`s and `SourceProblem`s out.

One-document files (.txt, .html, .json) are read whole under the size cap;
JSONL and WARC are streamed record by record (`streams.py`), so any input
size fits in memory. Everything is a generator: nothing is read ahead.

Every unreadable input becomes one `SourceProblem` naming the file and the
reason, and the batch goes on: a bad file must never stop an ingest.
"""
from __future__ import annotations

import glob
import json
import os
import re
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from ..model import Media, RawDocument
from .dates import normalise_date
from .problems import SourceProblem
from .reading import Unreadable, decode, read_bytes
from .records import checked, from_record, sniff_html
from .streams import jsonl_file, jsonl_stream, warc_file

__all__ = ["STDIN", "SourceProblem", "count_documents", "iter_sources", "normalise_date"]

DEFAULT_MAX_BYTES = 20 * 2**20
STDIN = "-"
_FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl", ".warc": "warc"}
_ONE_DOCUMENT_FORMATS = frozenset({"text", "html"})
_GLOB_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True, slots=True)
class _Entry:
    path: Path
    id: str
    explicit: bool
    """Named on the command line: an unknown extension is then a problem, not silently ignored."""


def iter_sources(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | SourceProblem]:
    for arg in paths:
        if arg == STDIN:
            yield from _stdin(max_bytes)
            continue
        for entry in _expand(str(arg)):
            if isinstance(entry, SourceProblem):
                yield entry
            else:
                yield from _read_entry(entry, max_bytes)


def count_documents(paths: Iterable[str]) -> int | None:
    """How many documents (or skipped files) `iter_sources` will yield, when every input holds one document.

    None when any input is a stream (JSONL, WARC, JSON, standard input): counting
    its records would mean reading it twice.
    """
    total = 0
    for arg in paths:
        if arg == STDIN:
            return None
        for entry in _expand(str(arg)):
            if isinstance(entry, _Entry) and _format(entry.path) not in _ONE_DOCUMENT_FORMATS:
                return None
            total += 1
    return total


def _format(path: Path) -> str | None:
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _FORMATS.get(os.path.splitext(name)[1])


def _expand(arg: str) -> Iterator[_Entry | SourceProblem]:
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield _Entry(path, path.name, explicit=True)
    elif _GLOB_MAGIC.search(arg):
        yield from _expand_glob(arg)
    else:
        yield SourceProblem(arg, "no such file or directory")


def _expand_glob(pattern: str) -> Iterator[_Entry | SourceProblem]:
    matches = sorted(glob.glob(pattern, recursive=True))
    if not matches:
        yield SourceProblem(pattern, "no file matches this pattern")
        return
    # Ids are relative to the pattern's fixed prefix, as for a folder argument.
    root = _glob_root(pattern)
    for match in matches:
        path = Path(match)
        if path.is_dir():
            yield from _walk(path)
        elif path.is_file() and _format(path):
            yield _Entry(path, _relative_id(path, root), explicit=False)


def _glob_root(pattern: str) -> Path:
    fixed = []
    for part in Path(pattern).parts:
        if _GLOB_MAGIC.search(part):
            break
        fixed.append(part)
    return Path(*fixed)


def _relative_id(path: Path, root: Path) -> str:
    try:
        return path.relative_to(root).as_posix()
    except ValueError:
        return path.name


def _walk(folder: Path) -> Iterator[_Entry]:
    for dirpath, dirnames, filenames in os.walk(folder):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            path = Path(dirpath, name)
            if not name.startswith(".") and _format(path):
                yield _Entry(path, path.relative_to(folder).as_posix(), explicit=False)


def _read_entry(entry: _Entry, max_bytes: int) -> Iterator[RawDocument | SourceProblem]:
    shown = str(entry.path)
    fmt = _format(entry.path)
    if fmt is None:
        yield SourceProblem(shown, f"unsupported file type {entry.path.suffix or '(no extension)'!r}")
        return
    if fmt == "jsonl":
        yield from jsonl_file(entry.path, entry.id, shown, max_bytes)
        return
    if fmt == "warc":
        yield from warc_file(entry.path, shown, max_bytes)
        return
    try:
        text, warning = decode(read_bytes(entry.path, max_bytes))
    except Unreadable as exc:
        yield SourceProblem(shown, str(exc))
        return
    except OSError as exc:
        yield SourceProblem(shown, f"cannot read file ({exc.strerror or exc})")
        return
    if warning:
        yield SourceProblem(shown, warning, skipped=False)
    if not text.strip():
        yield SourceProblem(shown, "empty file (only whitespace)")
        return
    source = str(entry.path.resolve())
    if fmt == "json":
        yield from _json(text, entry.id, source, shown)
    else:
        media: Media = "html" if fmt == "html" or sniff_html(text) else "text"
        yield from checked(RawDocument(id=entry.id, source=source, content=text, media=media), shown)


def _stdin(max_bytes: int) -> Iterator[RawDocument | SourceProblem]:
    # Only JSONL can be framed on a pipe: one document per line, ids "stdin#N".
    yield from jsonl_stream(sys.stdin.buffer, "stdin", "<stdin>", "<stdin>", max_bytes)


def _json(text: str, file_id: str, source: str, shown: str) -> Iterator[RawDocument | SourceProblem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield SourceProblem(shown, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    if isinstance(data, list):
        for n, record in enumerate(data, 1):
            yield from from_record(record, f"{file_id}#{n}", source, shown, f"item {n}")
    else:
        yield from from_record(data, file_id, source, shown, "document")
