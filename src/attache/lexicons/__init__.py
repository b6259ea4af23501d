"""Lexicons are data files: `<lang>/<name>.toml` or `.tsv`, `common/` for all languages.

Adding a language or an indicator is a data change; code only reads these.
"""
from __future__ import annotations

import csv
import io
import tomllib
from functools import cache
from importlib import resources
from typing import Any


def _read(lang: str, filename: str) -> str | None:
    path = resources.files(__package__).joinpath(lang, filename)
    return path.read_text(encoding="utf-8") if path.is_file() else None


@cache
def toml(lang: str, name: str) -> dict[str, Any]:
    """`lexicons/<lang>/<name>.toml` as a dict; {} when the language lacks it."""
    raw = _read(lang, f"{name}.toml")
    return tomllib.loads(raw) if raw is not None else {}


@cache
def tsv(lang: str, name: str) -> tuple[dict[str, str], ...]:
    """`lexicons/<lang>/<name>.tsv` as rows keyed by the header; lines starting with # are comments."""
    raw = _read(lang, f"{name}.tsv")
    if raw is None:
        return ()
    lines = [line for line in raw.splitlines() if line.strip() and not line.startswith("#")]
    return tuple(csv.DictReader(io.StringIO("\n".join(lines)), delimiter="\t"))
