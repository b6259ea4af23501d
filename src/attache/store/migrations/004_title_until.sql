-- Titles are time-bounded: besides the earliest date a document states one (as_of), the latest (until).
ALTER TABLE person_titles ADD COLUMN until TEXT;
INSERT OR REPLACE INTO meta VALUES ('knowledge_stale', '1');
