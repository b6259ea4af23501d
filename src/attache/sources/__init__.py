"""Sources: files, folders and glob patterns in; `RawDocument`s and `SourceProblem`s out.

Every unreadable input becomes one `SourceProblem` naming the file and the
reason, and the batch goes on: a bad file must never stop an ingest.
"""
from __future__ import annotations

import glob
import json
import os
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..model import Media, RawDocument
from .dates import normalise_date
from .reading import Unreadable, decode, read_bytes

__all__ = ["SourceProblem", "iter_sources", "normalise_date"]

DEFAULT_MAX_BYTES = 20 * 2**20
_FORMATS = {".txt": "text", ".html": "html", ".htm": "html", ".json": "json", ".jsonl": "jsonl"}
_GLOB_MAGIC = re.compile(r"[*?[]")
_HTML_START = ("<!doctype html", "<html")
_HTML_OPEN = re.compile(r"<(?:html|body)\b", re.IGNORECASE)
_HTML_CLOSE = re.compile(r"</(?:html|body)\s*>", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class SourceProblem:
    """A file (or one record of it) that was skipped, or a warning about one that still came through."""
    path: str
    reason: str
    skipped: bool = True


@dataclass(frozen=True, slots=True)
class _Entry:
    path: Path
    id: str
    explicit: bool
    """Named on the command line: an unknown extension is then a problem, not silently ignored."""


def iter_sources(paths: Iterable[str], *, max_bytes: int = DEFAULT_MAX_BYTES) -> Iterator[RawDocument | SourceProblem]:
    for arg in paths:
        for entry in _expand(str(arg)):
            if isinstance(entry, SourceProblem):
                yield entry
            else:
                yield from _read_entry(entry, max_bytes)


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
    if fmt == "jsonl":
        yield from _jsonl(text, entry.id, source, shown)
    elif fmt == "json":
        yield from _json(text, entry.id, source, shown)
    else:
        media: Media = "html" if fmt == "html" or _sniff_html(text) else "text"
        yield from _checked(RawDocument(id=entry.id, source=source, content=text, media=media), shown)


def _sniff_html(text: str) -> bool:
    return text.lstrip()[:20].lower().startswith(_HTML_START)


def _checked(doc: RawDocument, shown: str) -> Iterator[RawDocument | SourceProblem]:
    """The document, preceded by a warning when its HTML stops before the closing tags."""
    if doc.media == "html" and _HTML_OPEN.search(doc.content, 0, 4096) and not _HTML_CLOSE.search(doc.content):
        yield SourceProblem(shown, "HTML looks truncated (no closing </body> or </html>); extracted what is there",
                            skipped=False)
    yield doc


def _jsonl(text: str, file_id: str, source: str, shown: str) -> Iterator[RawDocument | SourceProblem]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield SourceProblem(shown, f"line {n}: not valid JSON ({exc.msg})")
            continue
        yield from _record(record, f"{file_id}#{n}", source, shown, f"line {n}")


def _json(text: str, file_id: str, source: str, shown: str) -> Iterator[RawDocument | SourceProblem]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        yield SourceProblem(shown, f"not valid JSON ({exc.msg} at line {exc.lineno})")
        return
    if isinstance(data, list):
        for n, record in enumerate(data, 1):
            yield from _record(record, f"{file_id}#{n}", source, shown, f"item {n}")
    else:
        yield from _record(data, file_id, source, shown, "document")


def _record(record: Any, fallback_id: str, source: str, shown: str,
            where: str) -> Iterator[RawDocument | SourceProblem]:
    if not isinstance(record, dict):
        yield SourceProblem(shown, f"{where}: not a JSON object")
        return
    html, text = _string(record.get("html")), _string(record.get("text"))
    if not (html or text):
        yield SourceProblem(shown, f"{where}: no 'text' or 'html' field")
        return
    url = _string(record.get("url"))
    rid = record.get("id")
    media: Media = "html" if html or _sniff_html(text or "") else "text"
    doc = RawDocument(
        id=str(rid) if rid not in (None, "") else url or fallback_id,
        source=url or source,
        content=html or text or "",
        media=media,
        published=normalise_date(record.get("published")),
        url=url,
        title=_string(record.get("title")),
    )
    yield from _checked(doc, f"{shown} ({where})")


def _string(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None
