-- Read paths of the web workspace: an event's claims and their mentions, a person's titles.
CREATE INDEX claims_by_event ON claims (event_id, position);
CREATE INDEX claims_by_indicator ON claims (indicator);
CREATE INDEX claim_mentions_by_claim ON claim_mentions (claim_id, position);
CREATE INDEX claim_mentions_by_document ON claim_mentions (document_id);
CREATE INDEX person_titles_by_person ON person_titles (person_id, position);
CREATE INDEX relations_by_event ON relations (event_id);
CREATE INDEX events_by_date ON events (date);
-- Full-text search (attache.store.search): unicode61 drops diacritics ("hoang" finds "Hoàng");
-- the indexed text has đ folded to d beforehand, which unicode61 does not do.
CREATE VIRTUAL TABLE search_index USING fts5(
    kind UNINDEXED, ref UNINDEXED, title, body, tokenize = 'unicode61 remove_diacritics 2'
);
INSERT OR REPLACE INTO meta VALUES ('knowledge_stale', '1');
