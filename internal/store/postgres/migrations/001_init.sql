-- The schema of the SQLite store as of its migration 007, in PostgreSQL
-- terms. Full-text search: a text search configuration "dossier" that
-- splits like the parser's default, folds case and drops accents
-- (unaccent) and does not stem, as SQLite's unicode61 with
-- remove_diacritics does; French elisions are split off by the parser
-- ("l'armée" is "l" and "armee") and dropped from queries.
CREATE EXTENSION IF NOT EXISTS unaccent SCHEMA public;
CREATE TEXT SEARCH CONFIGURATION dossier (COPY = pg_catalog.simple);
ALTER TEXT SEARCH CONFIGURATION dossier
	ALTER MAPPING FOR asciiword, word, numword, asciihword, hword, numhword, hword_asciipart, hword_part, hword_numpart
	WITH public.unaccent, pg_catalog.simple;

CREATE TABLE articles (
	rid         BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
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
	ingested_at TEXT NOT NULL,
	analysed    BOOLEAN NOT NULL DEFAULT true,
	date_low    TEXT NOT NULL DEFAULT '',
	date_high   TEXT NOT NULL DEFAULT '',
	date_reason TEXT NOT NULL DEFAULT '',
	limited     TEXT NOT NULL DEFAULT '',
	long        BOOLEAN NOT NULL DEFAULT false,
	-- title weighted A, text D; a long text is indexed on its first
	-- longIndexed bytes here and in full through its windows
	tsv         tsvector NOT NULL
);
CREATE INDEX articles_tsv ON articles USING gin (tsv);
CREATE INDEX articles_date ON articles (date, id);
CREATE INDEX articles_lang_date ON articles (lang, date, id);
CREATE INDEX articles_outlet_date ON articles (lower(outlet), date, id);
CREATE INDEX articles_site ON articles (lower(site));
CREATE INDEX articles_pending ON articles (rid) WHERE NOT analysed;
CREATE INDEX articles_input ON articles (input);

-- Windows of long texts (as in the SQLite store): snippets and matches
-- past what the article's own vector holds.
CREATE TABLE snippet_windows (
	rid  BIGINT NOT NULL REFERENCES articles (rid) ON DELETE CASCADE,
	n    INTEGER NOT NULL,
	text TEXT NOT NULL,
	tsv  tsvector NOT NULL,
	PRIMARY KEY (rid, n)
);
CREATE INDEX snippet_windows_tsv ON snippet_windows USING gin (tsv);

CREATE TABLE figures (
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	thing      TEXT NOT NULL,
	gloss      TEXT NOT NULL,
	source     TEXT NOT NULL,
	modality   TEXT NOT NULL,
	body       TEXT NOT NULL, -- JSON of dossier.Figure
	subject_id TEXT NOT NULL DEFAULT '',
	source_id  TEXT NOT NULL DEFAULT '',
	PRIMARY KEY (article_id, seq)
);
CREATE INDEX figures_thing ON figures (thing text_pattern_ops);
CREATE INDEX figures_subject ON figures (subject_id);
CREATE INDEX figures_source ON figures (source_id);

CREATE TABLE line_docs (
	line BIGINT NOT NULL,
	doc  BIGINT NOT NULL,
	PRIMARY KEY (line, doc)
);

CREATE TABLE entities (
	id      TEXT PRIMARY KEY,
	type    TEXT NOT NULL,
	name    TEXT NOT NULL,
	name_fr TEXT NOT NULL,
	aliases TEXT NOT NULL, -- JSON array
	iso     TEXT NOT NULL,
	qid     TEXT NOT NULL,
	country TEXT NOT NULL
);

CREATE TABLE mentions (
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	start_at   INTEGER NOT NULL,
	end_at     INTEGER NOT NULL,
	entity_id  TEXT NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	form       TEXT NOT NULL,
	PRIMARY KEY (article_id, start_at)
);
CREATE INDEX mentions_entity ON mentions (entity_id);

CREATE TABLE citations (
	article_id TEXT NOT NULL REFERENCES articles (id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	entity_id  TEXT NOT NULL,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	text       TEXT NOT NULL,
	PRIMARY KEY (article_id, seq)
);

CREATE TABLE copies (
	article_id TEXT NOT NULL,
	original   TEXT NOT NULL,
	relation   TEXT NOT NULL,
	score      DOUBLE PRECISION NOT NULL,
	PRIMARY KEY (article_id, original)
);
CREATE INDEX copies_original ON copies (original);

CREATE TABLE sightings (
	article_id TEXT NOT NULL,
	input      TEXT NOT NULL,
	outlet     TEXT NOT NULL,
	date       TEXT NOT NULL,
	PRIMARY KEY (article_id, input)
);

CREATE TABLE story_articles (
	article_id TEXT PRIMARY KEY,
	story_id   TEXT NOT NULL,
	score      DOUBLE PRECISION NOT NULL
);
CREATE INDEX story_articles_story ON story_articles (story_id);

CREATE TABLE stories (
	id    TEXT PRIMARY KEY,
	title TEXT NOT NULL
);

CREATE TABLE series (
	id      TEXT PRIMARY KEY,
	title   TEXT NOT NULL,
	subject TEXT NOT NULL,
	thing   TEXT NOT NULL,
	event   TEXT NOT NULL,
	claims  INTEGER NOT NULL,
	as_of   TEXT NOT NULL,
	body    TEXT NOT NULL
);
CREATE INDEX series_subject ON series (subject);
CREATE INDEX series_thing ON series (thing);

CREATE TABLE claims (
	id         TEXT PRIMARY KEY,
	series_id  TEXT NOT NULL,
	article_id TEXT NOT NULL,
	body       TEXT NOT NULL
);
CREATE INDEX claims_series ON claims (series_id);
CREATE INDEX claims_article ON claims (article_id);
