-- Each document's compact link features (attache.link.events.LinkFeatures), computed where it is analysed:
-- relinking reads these instead of every full analysis. NULL for documents stored before: computed on read.
ALTER TABLE documents ADD COLUMN features TEXT;
