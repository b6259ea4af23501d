CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS documents (
    id TEXT PRIMARY KEY,
    source TEXT NOT NULL,
    content_hash TEXT NOT NULL,
    language TEXT NOT NULL,
    title TEXT,
    published TEXT,
    url TEXT,
    text TEXT NOT NULL,
    analysis TEXT NOT NULL,
    ingested_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS events (
    id TEXT PRIMARY KEY, date TEXT, type TEXT, plover TEXT, title TEXT, place TEXT, chair TEXT,
    participants TEXT NOT NULL, bridge_points TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS event_documents (
    event_id TEXT NOT NULL, document_id TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (event_id, document_id)
);
CREATE INDEX IF NOT EXISTS event_documents_by_document ON event_documents (document_id);
CREATE TABLE IF NOT EXISTS people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, aliases TEXT NOT NULL,
    documents TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS person_titles (
    person_id TEXT NOT NULL, title TEXT NOT NULL, place TEXT, as_of TEXT, documents TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS claims (
    id TEXT PRIMARY KEY, event_id TEXT NOT NULL, indicator TEXT NOT NULL, value REAL NOT NULL,
    unit TEXT NOT NULL, qualifier TEXT NOT NULL, period TEXT, scope TEXT NOT NULL,
    status TEXT NOT NULL, target INTEGER NOT NULL, independent_sources INTEGER NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS claim_mentions (
    claim_id TEXT NOT NULL, document_id TEXT NOT NULL, quote TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL,
    qualifier TEXT NOT NULL, figure TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS tasks (
    event_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL, documents TEXT NOT NULL,
    PRIMARY KEY (event_id, n)
);
CREATE TABLE IF NOT EXISTS relations (
    partner TEXT NOT NULL, level TEXT NOT NULL, year INTEGER, event_id TEXT, documents TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS copies (
    document_id TEXT PRIMARY KEY, original_id TEXT NOT NULL
);
-- Read paths of the web workspace: an event's claims and their mentions, a person's titles.
CREATE INDEX IF NOT EXISTS claims_by_event ON claims (event_id, position);
CREATE INDEX IF NOT EXISTS claims_by_indicator ON claims (indicator);
CREATE INDEX IF NOT EXISTS claim_mentions_by_claim ON claim_mentions (claim_id, position);
CREATE INDEX IF NOT EXISTS claim_mentions_by_document ON claim_mentions (document_id);
CREATE INDEX IF NOT EXISTS person_titles_by_person ON person_titles (person_id, position);
CREATE INDEX IF NOT EXISTS relations_by_event ON relations (event_id);
CREATE INDEX IF NOT EXISTS events_by_date ON events (date);
-- Full-text search (attache.store.search): unicode61 drops diacritics ("hoang" finds "Hoàng");
-- the indexed text has đ folded to d beforehand, which unicode61 does not do.
CREATE VIRTUAL TABLE IF NOT EXISTS search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
);
