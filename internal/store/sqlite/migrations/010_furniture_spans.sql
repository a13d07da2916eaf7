-- The furniture learned per site: the word spans recurring across a
-- site's pages, with the pages and days they were seen on (an opaque
-- value, internal/clean's SiteSpans). One row per site, read when ingest
-- first meets the site and rewritten with each batch that touched it.
CREATE TABLE furniture_spans (
	site  TEXT PRIMARY KEY,
	state BLOB NOT NULL
);

-- The input id (ingest.InputID: from the URL and raw text) of every input
-- found an exact copy of a stored article: a second ingest of the input
-- is known before it is cleaned again (which, against what the store
-- learned since, could give another text), as a stored article's is.
CREATE TABLE input_sightings (
	input_id   TEXT PRIMARY KEY,
	article_id TEXT NOT NULL
);
