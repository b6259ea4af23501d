-- What relinking reads instead of every full analysis, computed where each document is analysed:
-- its link features (attache.link.events.LinkFeatures) and the draft of the event it would make
-- alone (attache.model.EventDraft). NULL for documents stored before: computed on read.
ALTER TABLE documents ADD COLUMN features TEXT;
ALTER TABLE documents ADD COLUMN draft TEXT;
