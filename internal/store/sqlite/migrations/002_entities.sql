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
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	start_at   INTEGER NOT NULL,
	end_at     INTEGER NOT NULL,
	entity_id  TEXT NOT NULL,
	text       TEXT NOT NULL,
	type       TEXT NOT NULL,
	form       TEXT NOT NULL,
	PRIMARY KEY (article_id, start_at)
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE citations (
	article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
	seq        INTEGER NOT NULL,
	entity_id  TEXT NOT NULL,
	name       TEXT NOT NULL,
	kind       TEXT NOT NULL,
	text       TEXT NOT NULL,
	PRIMARY KEY (article_id, seq)
);

ALTER TABLE figures ADD COLUMN subject_id TEXT NOT NULL DEFAULT '';
ALTER TABLE figures ADD COLUMN source_id TEXT NOT NULL DEFAULT '';
CREATE INDEX figures_subject ON figures(subject_id);
CREATE INDEX figures_source ON figures(source_id);
