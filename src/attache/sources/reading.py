"""Bytes in, text out: size caps, gzip with a decompression cap, encoding fallbacks."""
from __future__ import annotations

import gzip
import os
import zlib
from typing import BinaryIO

from charset_normalizer import from_bytes

_CHUNK = 1 << 16
_BOM = b"\xef\xbb\xbf"
# Web pages labelled with any of these are cp1252 in practice (WHATWG treats them alike).
_LATIN1_FAMILY = frozenset({"cp1252", "latin_1", "iso8859_1", "iso8859_15", "ascii"})
_SNIFF = 8192
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13, 27))


class Unreadable(Exception):
    """A file that yields no document; the message is the reason shown to the user."""


def megabytes(n: int) -> str:
    return f"{n / 2**20:.1f} MB"


def read_bytes(stream: BinaryIO, max_bytes: int, *, compressed: bool) -> bytes:
    """A seekable stream's bytes, gunzipped when `compressed`; never reads more than `max_bytes` + 1."""
    size = stream.seek(0, os.SEEK_END)
    stream.seek(0)
    if size > max_bytes:
        raise Unreadable(f"file too large ({megabytes(size)} > {megabytes(max_bytes)} limit)")
    if size == 0:
        raise Unreadable("empty file")
    if compressed:
        data = _gunzip(stream, max_bytes)
        if not data:
            raise Unreadable("empty file (after decompression)")
        return data
    # Asking for the size seen, not the cap: read(n) allocates n bytes first, 20 MB for every small report.
    data = stream.read(size + 1)
    if len(data) != size:  # it changed while we looked, or an unbuffered read came back short: on to the end
        while len(data) <= max_bytes and (more := stream.read(max_bytes + 1 - len(data))):
            data += more
        if len(data) > max_bytes:
            raise Unreadable(f"file too large (> {megabytes(max_bytes)} limit)")
    return data


def _gunzip(stream: BinaryIO, max_bytes: int) -> bytes:
    # Streamed with a cap: a tiny archive may expand to gigabytes (gzip bomb).
    chunks: list[bytes] = []
    total = 0
    try:
        with gzip.GzipFile(fileobj=stream, mode="rb") as f:
            while chunk := f.read(_CHUNK):
                total += len(chunk)
                if total > max_bytes:
                    raise Unreadable(f"decompressed size exceeds the {megabytes(max_bytes)} limit (gzip bomb?)")
                chunks.append(chunk)
    except (OSError, EOFError, zlib.error) as exc:
        raise Unreadable(f"corrupt gzip ({exc})") from None
    return b"".join(chunks)


def decode(data: bytes) -> tuple[str, str | None]:
    """Text and an optional warning; raises Unreadable for binary or undecodable data."""
    if data.startswith(_BOM):
        data = data[len(_BOM):]
    if b"\x00" in data[:_SNIFF] or _looks_binary(data[:_SNIFF]):
        raise Unreadable("binary file (not text)")
    try:
        return data.decode("utf-8"), None
    except UnicodeDecodeError:
        pass
    matches = list(from_bytes(data))
    if not matches or matches[0].encoding is None:
        raise Unreadable("not valid UTF-8 and no plausible encoding found")
    best = matches[0]
    # Short texts often fit several single-byte code pages equally well: the Western one is then the likeliest.
    western = next((m for m in matches if m.encoding in _LATIN1_FAMILY and m.percent_chaos <= best.percent_chaos
                    and m.percent_coherence >= best.percent_coherence), None)
    encoding = "cp1252" if western or best.encoding in _LATIN1_FAMILY else best.encoding
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError:
        text, encoding = str(best), best.encoding
    return text, f"not valid UTF-8, decoded as {encoding}"


def _looks_binary(sample: bytes) -> bool:
    """Control bytes other than whitespace are rare in text of any encoding."""
    if not sample:
        return False
    controls = len(sample) - len(sample.translate(None, _CONTROLS))
    return controls / len(sample) > 0.02
