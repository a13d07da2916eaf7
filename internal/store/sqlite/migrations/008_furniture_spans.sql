-- The furniture learned per site: the word spans recurring across a
-- site's pages, with the pages and days they were seen on (an opaque
-- value, internal/clean's SiteSpans). One row per site, read when ingest
-- first meets the site and rewritten with each batch that touched it.
CREATE TABLE furniture_spans (
	site  TEXT PRIMARY KEY,
	state BLOB NOT NULL
);
