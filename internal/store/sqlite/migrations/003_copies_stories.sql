CREATE TABLE copies (
	article_id TEXT NOT NULL,
	original   TEXT NOT NULL, -- an article id or an outside source
	relation   TEXT NOT NULL,
	score      REAL NOT NULL,
	PRIMARY KEY (article_id, original)
);
CREATE INDEX copies_original ON copies(original);

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
	score      REAL NOT NULL
);
CREATE INDEX story_articles_story ON story_articles(story_id);

CREATE TABLE stories (
	id    TEXT PRIMARY KEY,
	title TEXT NOT NULL
);

CREATE TABLE state (
	kind  TEXT NOT NULL,
	key   TEXT NOT NULL,
	value BLOB NOT NULL,
	PRIMARY KEY (kind, key)
) WITHOUT ROWID;
