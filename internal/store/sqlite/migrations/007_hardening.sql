-- Why an article's analysis did not cover all of it (above the analysis
-- limit, or failed); empty when it did.
ALTER TABLE articles ADD COLUMN limited TEXT NOT NULL DEFAULT '';

-- Search snippets of long articles come from windows of their text, each
-- a few KB and indexed apart: FTS5's snippet() reads and scores the whole
-- text of a hit, which took minutes on an article of a few MB. An article
-- has windows when long is 1; a window's rowid is the article's rowid
-- times 2^20 plus its number.
ALTER TABLE articles ADD COLUMN long INTEGER NOT NULL DEFAULT 0;
CREATE TABLE snippet_windows (
	rowid INTEGER PRIMARY KEY,
	text  TEXT NOT NULL
);
CREATE VIRTUAL TABLE snippet_fts USING fts5(
	text,
	content='snippet_windows', content_rowid='rowid',
	tokenize="unicode61 remove_diacritics 2 tokenchars '-'"
);
