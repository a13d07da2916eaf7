CREATE TABLE articles (
	rowid       INTEGER PRIMARY KEY,
	id          TEXT NOT NULL UNIQUE,
	text_hash   TEXT NOT NULL UNIQUE,
	input       TEXT NOT NULL,
	title       TEXT NOT NULL,
	site        TEXT NOT NULL,
	outlet      TEXT NOT NULL,
	author      TEXT NOT NULL,
	date        TEXT NOT NULL,
	lang        TEXT NOT NULL,
	url         TEXT NOT NULL,
	source_url  TEXT NOT NULL,
	tags        TEXT NOT NULL,  -- JSON array
	text        TEXT NOT NULL,
	paragraphs  TEXT NOT NULL,  -- JSON
	sentences   TEXT NOT NULL,  -- JSON
	removed     TEXT NOT NULL,  -- JSON
	ingested_at TEXT NOT NULL
);
CREATE INDEX articles_date ON articles(date, id);

CREATE VIRTUAL TABLE articles_fts USING fts5(
	title, text,
	content='articles', content_rowid='rowid',
	tokenize="unicode61 remove_diacritics 2 tokenchars '-'"
);

CREATE TABLE figures (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	thing      TEXT NOT NULL,
	gloss      TEXT NOT NULL,
	source     TEXT NOT NULL,
	modality   TEXT NOT NULL,
	body       TEXT NOT NULL, -- JSON of dossier.Figure
	PRIMARY KEY (article_id, seq)
);
CREATE INDEX figures_thing ON figures(thing);

-- line_docs: which documents (by content key) a short line was seen in;
-- recurring lines are boilerplate.
CREATE TABLE line_docs (
	line INTEGER NOT NULL,
	doc  INTEGER NOT NULL,
	PRIMARY KEY (line, doc)
) WITHOUT ROWID;
