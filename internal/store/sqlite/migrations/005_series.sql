-- Figure series: one quantity across articles, its claims in time order
-- with their relations, and its summary (claims are put in time order
-- when read). A claim is one figure of one
-- article (id "ARTICLE#INDEX") and belongs to one series.
CREATE TABLE series (
	id      TEXT PRIMARY KEY,
	title   TEXT NOT NULL,
	subject TEXT NOT NULL,
	thing   TEXT NOT NULL,
	event   TEXT NOT NULL,
	claims  INTEGER NOT NULL,
	as_of   TEXT NOT NULL,
	body    TEXT NOT NULL -- JSON of dossier.Series without its claims
);
CREATE INDEX series_subject ON series(subject);
CREATE INDEX series_thing ON series(thing);

CREATE TABLE claims (
	id         TEXT PRIMARY KEY,
	series_id  TEXT NOT NULL,
	article_id TEXT NOT NULL,
	body       TEXT NOT NULL     -- JSON of dossier.Claim
);
CREATE INDEX claims_series ON claims(series_id);
CREATE INDEX claims_article ON claims(article_id);

-- Estimated dates of undated articles: the range and why.
ALTER TABLE articles ADD COLUMN date_low TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN date_high TEXT NOT NULL DEFAULT '';
ALTER TABLE articles ADD COLUMN date_reason TEXT NOT NULL DEFAULT '';
