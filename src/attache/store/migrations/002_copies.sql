-- Copies of one story and, per claim, how many sources are independent of each other.
CREATE TABLE copies (
    document_id TEXT PRIMARY KEY, original_id TEXT NOT NULL
);
ALTER TABLE claims ADD COLUMN independent_sources INTEGER NOT NULL DEFAULT 1;
INSERT OR REPLACE INTO meta VALUES ('knowledge_stale', '1');
