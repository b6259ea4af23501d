-- The first schema: documents with their analyses and the derived knowledge base.
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE documents (
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
CREATE TABLE events (
    id TEXT PRIMARY KEY, date TEXT, type TEXT, plover TEXT, title TEXT, place TEXT, chair TEXT,
    participants TEXT NOT NULL, bridge_points TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE event_documents (
    event_id TEXT NOT NULL, document_id TEXT NOT NULL, position INTEGER NOT NULL,
    PRIMARY KEY (event_id, document_id)
);
CREATE INDEX event_documents_by_document ON event_documents (document_id);
CREATE TABLE people (
    id TEXT PRIMARY KEY, name TEXT NOT NULL, role TEXT NOT NULL, aliases TEXT NOT NULL,
    documents TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE person_titles (
    person_id TEXT NOT NULL, title TEXT NOT NULL, place TEXT, as_of TEXT, documents TEXT NOT NULL,
    position INTEGER NOT NULL
);
CREATE TABLE claims (
    id TEXT PRIMARY KEY, event_id TEXT NOT NULL, indicator TEXT NOT NULL, value REAL NOT NULL,
    unit TEXT NOT NULL, qualifier TEXT NOT NULL, period TEXT, scope TEXT NOT NULL,
    status TEXT NOT NULL, target INTEGER NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE claim_mentions (
    claim_id TEXT NOT NULL, document_id TEXT NOT NULL, quote TEXT NOT NULL,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, value REAL NOT NULL, unit TEXT NOT NULL,
    qualifier TEXT NOT NULL, figure TEXT NOT NULL, position INTEGER NOT NULL
);
CREATE TABLE tasks (
    event_id TEXT NOT NULL, n INTEGER NOT NULL, text TEXT NOT NULL, documents TEXT NOT NULL,
    PRIMARY KEY (event_id, n)
);
CREATE TABLE relations (
    partner TEXT NOT NULL, level TEXT NOT NULL, year INTEGER, event_id TEXT, documents TEXT NOT NULL,
    position INTEGER NOT NULL
);
