"""Full-text search over documents, events, people and claims (SQLite FTS5).

The index (`search_index`, migration 003) is derived data: documents are
indexed in the transaction that stores them, the knowledge base's rows in the
transaction that replaces it, so it never disagrees with what the pages show. Matching ignores diacritics:
unicode61 with `remove_diacritics 2` folds "Hoàng" to "hoang", and we fold
"đ" to "d" ourselves (unicode61 treats đ as a letter of its own), both in
the indexed text and in queries.
"""
from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache

from ..model import Span
from ..text import fold

KINDS = ("document", "event", "person", "claim")
_KIND_SHIFT = 40
_WORD = re.compile(r"[^\W_]+")
_PREFIX_MIN = 3
"""A shorter last word is matched whole: a one- or two-letter prefix would expand to most of the vocabulary."""


def fold_dd(text: str | None) -> str:
    # Two str.replace calls, not str.translate, which looks up every character: on whole documents
    # that was most of the indexing time.
    return (text or "").replace("đ", "d").replace("Đ", "D")


def rebuild_index(db: sqlite3.Connection) -> None:
    """Refill the whole index from the tables; runs inside the caller's transaction.

    Each row's rowid carries its kind in the bits above `_KIND_SHIFT`, so that
    filtering and counting by kind read the index only, never the stored rows
    (reading them for every match made common words ten times slower).
    """
    _prepare(db)
    db.execute("DELETE FROM search_index")
    db.execute(_INDEX_DOCUMENTS, (_kind_base("document"),))
    rebuild_knowledge_index(db)


_INDEX_DOCUMENTS = ("INSERT INTO search_index (rowid, kind, ref, title, body)"
                    " SELECT ? + rowid, 'document', id, fold_dd(title), fold_dd(text) FROM documents")


def unindex_documents(db: sqlite3.Connection, ids_json: str) -> None:
    """Before documents (a JSON list of ids) are replaced: their index rows go, since replacing changes rowids."""
    db.execute("DELETE FROM search_index WHERE rowid IN (SELECT ? + rowid FROM documents"
               " WHERE id IN (SELECT value FROM json_each(?)))", (_kind_base("document"), ids_json))


def index_documents(db: sqlite3.Connection, ids_json: str) -> None:
    """Index documents just stored, in the transaction that stores them: their text is never indexed twice."""
    _prepare(db)
    db.execute(_INDEX_DOCUMENTS + " WHERE id IN (SELECT value FROM json_each(?))",
               (_kind_base("document"), ids_json))


def rebuild_knowledge_index(db: sqlite3.Connection) -> None:
    """Refill the events, people and claims of the index (documents stay)."""
    unindex_knowledge(db)
    for kind in KNOWLEDGE_KINDS:
        index_knowledge(db, kind, after=0)


KNOWLEDGE_KINDS = ("event", "person", "claim")
_INDEX_KNOWLEDGE = {
    "event": "INSERT INTO search_index (rowid, kind, ref, title, body)"
             " SELECT ? + rowid, 'event', id, fold_dd(title),"
             " fold_dd(coalesce(type, '') || ' ' || coalesce(place, '') || ' ' || coalesce(date, '') || ' ' || bridge_points)"
             " FROM events WHERE rowid > ?",
    "person": "INSERT INTO search_index (rowid, kind, ref, title, body)"
              " SELECT ? + p.rowid, 'person', p.id, fold_dd(p.name || ' ' || p.aliases),"
              " fold_dd((SELECT group_concat(t.title || ' ' || coalesce(t.place, ''), ' ')"
              "          FROM person_titles t WHERE t.person_id = p.id)) FROM people p WHERE p.rowid > ?",
    "claim": "INSERT INTO search_index (rowid, kind, ref, title, body)"
             " SELECT ? + c.rowid, 'claim', c.id, replace(c.indicator, '_', ' ') || ' ' || fold_dd(c.scope)"
             " || ' ' || coalesce(c.period, ''),"
             " fold_dd((SELECT group_concat(m.quote, ' ') FROM claim_mentions m WHERE m.claim_id = c.id))"
             " FROM claims c WHERE c.rowid > ?",
}
"""How each kind of knowledge row is indexed; `kind` names the table (events, people, claims) by its row kind."""


def unindex_knowledge(db: sqlite3.Connection) -> None:
    """Before the knowledge base is replaced: every event, person and claim leaves the index."""
    db.execute("DELETE FROM search_index WHERE rowid >= ?", (_kind_base("event"),))


def index_knowledge(db: sqlite3.Connection, kind: str, *, after: int) -> None:
    """Index the rows of one kind (event, person, claim) stored after rowid `after`, in the transaction that
    stores them: a knowledge base written part by part is indexed part by part."""
    _prepare(db)
    db.execute(_INDEX_KNOWLEDGE[kind], (_kind_base(kind), after))


def _prepare(db: sqlite3.Connection) -> None:
    db.create_function("fold_dd", 1, fold_dd, deterministic=True)


def _kind_base(kind: str) -> int:
    return (KINDS.index(kind) + 1) << _KIND_SHIFT


def index_is_stale(db: sqlite3.Connection) -> bool:
    """True for a database filled before the index existed (or never indexed)."""
    base = _kind_base("document")
    indexed = db.execute("SELECT count(*) FROM search_index WHERE rowid BETWEEN ? AND ?",
                         (base, base + (1 << _KIND_SHIFT) - 1)).fetchone()[0]
    stored = db.execute("SELECT count(*) FROM documents").fetchone()[0]
    return indexed != stored


def query_terms(query: str) -> list[str]:
    """The words of a user query, folded the way the index is (no diacritics, đ -> d, lower case)."""
    return _WORD.findall(fold(query))


def match_expression(terms: list[str]) -> str:
    """An FTS5 expression that cannot be a syntax error: every word quoted, all required, the last a prefix."""
    quoted = [f'"{t}"' for t in terms]
    if terms and len(terms[-1]) >= _PREFIX_MIN:
        quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(slots=True)
class Hit:
    kind: str
    ref: str
    score: float


@dataclass(slots=True)
class SearchResult:
    query: str
    terms: list[str]
    hits: list[Hit]
    counts: dict[str, int]


def search(db: sqlite3.Connection, query: str, *, kind: str | None = None, limit: int = 20,
           offset: int = 0) -> SearchResult:
    if kind is not None and kind not in KINDS:
        raise ValueError(f"unknown kind {kind!r} (choose from {', '.join(KINDS)})")
    terms = query_terms(query)
    if not terms:
        return SearchResult(query, terms, [], {})
    expression = match_expression(terms)
    counts = {KINDS[k - 1]: n for k, n in db.execute(
        "SELECT rowid >> ?, count(*) FROM search_index WHERE search_index MATCH ? GROUP BY 1",
        (_KIND_SHIFT, expression))}
    where, params = "search_index MATCH ?", [expression]
    if kind:
        where += " AND rowid BETWEEN ? AND ?"
        params += [_kind_base(kind), _kind_base(kind) + (1 << _KIND_SHIFT) - 1]
    # Rank on rowids alone, then read kind and ref of the few kept: titles (names, headlines,
    # indicators) weigh more than bodies; kind and ref are not indexed.
    rows = db.execute(
        "SELECT s.kind, s.ref, r.score FROM (SELECT rowid AS id, bm25(search_index, 0, 0, 4.0, 1.0) AS score"
        f" FROM search_index WHERE {where} ORDER BY score LIMIT ? OFFSET ?) r"
        " JOIN search_index s ON s.rowid = r.id ORDER BY r.score", [*params, limit, offset])
    return SearchResult(query, terms, [Hit(*row) for row in rows], counts)


class _FoldTable(dict[int, str]):
    """str.translate table folding one character to one character (so offsets survive), filled lazily."""

    def __missing__(self, code: int) -> str:
        char = chr(code)
        folded = fold(char) if not char.isspace() else " "
        self[code] = value = folded if len(folded) == 1 else char.lower()[:1] or char
        return value


@cache
def _fold_table() -> _FoldTable:
    return _FoldTable()


def find_terms(text: str, terms: list[str]) -> list[Span]:
    """Where the query words (and words they begin) occur in the original text, diacritics ignored."""
    if not terms or not text:
        return []
    folded = text.translate(_fold_table())
    pattern = re.compile(r"(?<![^\W_])(?:" + "|".join(re.escape(t) for t in sorted(terms, key=len, reverse=True))
                         + r")[^\W_]*")
    return [Span(m.start(), m.end()) for m in pattern.finditer(folded)]


def snippet(text: str, terms: list[str], *, width: int = 240) -> tuple[str, list[Span]]:
    """A window of `text` around its first match, and the matches inside it (offsets into the window)."""
    spans = find_terms(text, terms)
    if not spans:
        return _clip(text, 0, width), []
    first = spans[0].start
    start = max(0, first - width // 3)
    start = text.rfind(" ", 0, start) + 1 if start else 0
    window = _clip(text, start, width)
    end = start + len(window)
    return window, [Span(s.start - start, s.end - start) for s in spans if s.start >= start and s.end <= end]


def _clip(text: str, start: int, width: int) -> str:
    end = start + width
    if end >= len(text):
        return text[start:]
    cut = text.rfind(" ", start, end)
    return text[start:cut if cut > start else end]
