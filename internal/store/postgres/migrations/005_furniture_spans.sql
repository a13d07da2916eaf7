-- The furniture learned per site and the inputs found exact copies of a
-- stored article (the SQLite store's migration 010).
CREATE TABLE furniture_spans (
	site  TEXT PRIMARY KEY,
	state BYTEA NOT NULL
);

CREATE TABLE input_sightings (
	input_id   TEXT PRIMARY KEY,
	article_id TEXT NOT NULL
);
