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
from typing import BinaryIO

from ..model import Media, RawDocument
from .dates import normalise_date
from .problems import SourceProblem
from .reading import Unreadable, decode, read_bytes
from .records import checked, from_record, sniff_html
from .streams import jsonl_file, jsonl_stream, warc_file

__all__ = ["DEFAULT_MAX_BYTES", "STDIN", "FileRef", "SourceProblem", "count_documents", "iter_sources",
           "normalise_date", "read_file", "walked"]

DEFAULT_MAX_BYTES = 20 * 2**20
STDIN = "-"
_FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl", ".warc": "warc"}
_ONE_DOCUMENT_FORMATS = frozenset({"text", "html"})
_GLOB_MAGIC = re.compile(r"[*?[]")


@dataclass(frozen=True, slots=True)
class _Entry:
    # Plain strings, not Path objects: a folder of ten thousand reports spent more time in pathlib than reading.
    path: str
    id: str
    source: str
    """The file's absolute path, links resolved, as documents record it."""
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
            if isinstance(entry, _Entry) and _format(os.path.basename(entry.path)) not in _ONE_DOCUMENT_FORMATS:
                return None
            total += 1
    return total


def walked(name: str) -> bool:
    """Whether a folder's walk takes this file: not hidden, and in a format we read."""
    return not name.startswith(".") and _format(name) is not None


def _format(name: str) -> str | None:
    name = name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    return _FORMATS.get(os.path.splitext(name)[1])


def _expand(arg: str) -> Iterator[_Entry | SourceProblem]:
    path = Path(arg)
    if path.is_dir():
        yield from _walk(path)
    elif path.is_file():
        yield _entry(path, path.name, explicit=True)
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
        elif path.is_file() and _format(path.name):
            yield _entry(path, _relative_id(path, root), explicit=False)


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


def _entry(path: Path, doc_id: str, *, explicit: bool) -> _Entry:
    return _Entry(str(path), doc_id, str(path.resolve()), explicit)


def _walk(folder: Path) -> Iterator[_Entry]:
    top = str(folder)
    # The folder is resolved once, not each file: resolving walks every component of the path with a system call.
    real_top = os.path.realpath(top)
    for dirpath, dirnames, filenames in os.walk(top):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        prefix = os.path.relpath(dirpath, top).replace(os.sep, "/")
        prefix = "" if prefix == "." else prefix + "/"
        for name in sorted(filenames):
            if walked(name):
                source = f"{real_top}/{prefix}{name}"
                if os.path.islink(os.path.join(dirpath, name)):
                    source = os.path.realpath(source)
                yield _Entry(os.path.join(dirpath, name), prefix + name, source, explicit=False)


def _read_entry(entry: _Entry, max_bytes: int) -> Iterator[RawDocument | SourceProblem]:
    shown = entry.path
    try:
        stream = open(entry.path, "rb")
    except OSError as exc:
        yield SourceProblem(shown, f"cannot read file ({exc.strerror or exc})")
        return
    with stream:
        yield from read_file(stream, FileRef(os.path.basename(entry.path), entry.id, entry.source, shown), max_bytes)


@dataclass(frozen=True, slots=True)
class FileRef:
    """One input file, wherever it lives: a local path or a URI Spark read."""
    name: str
    """File name; its extension decides the format."""
    id: str
    """Document id (or prefix of its records' ids): the path relative to the folder given."""
    source: str
    shown: str
    """How problems name the file."""


def read_file(stream: BinaryIO, ref: FileRef,
              max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | SourceProblem]:
    """The documents of one file open as a seekable binary stream.

    The one reader of file contents: local ingest and the Spark job (bytes from
    `binaryFiles`) both come through here, so both make the same documents.
    """
    fmt = _format(ref.name)
    if fmt is None:
        yield SourceProblem(ref.shown, f"unsupported file type {os.path.splitext(ref.name)[1] or '(no extension)'!r}")
        return
    compressed = ref.name.lower().endswith(".gz")
    if fmt == "jsonl":
        yield from jsonl_file(stream, ref.id, ref.source, ref.shown, max_bytes, compressed=compressed)
        return
    if fmt == "warc":
        yield from warc_file(stream, ref.shown, max_bytes)
        return
    try:
        text, warning = decode(read_bytes(stream, max_bytes, compressed=compressed))
    except Unreadable as exc:
        yield SourceProblem(ref.shown, str(exc))
        return
    except OSError as exc:
        yield SourceProblem(ref.shown, f"cannot read file ({exc.strerror or exc})")
        return
    if warning:
        yield SourceProblem(ref.shown, warning, skipped=False)
    if not text.strip():
        yield SourceProblem(ref.shown, "empty file (only whitespace)")
        return
    if fmt == "json":
        yield from _json(text, ref.id, ref.source, ref.shown)
    else:
        media: Media = "html" if fmt == "html" or sniff_html(text) else "text"
        yield from checked(RawDocument(id=ref.id, source=ref.source, content=text, media=media), ref.shown)


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
