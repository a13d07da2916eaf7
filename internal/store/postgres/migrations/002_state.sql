-- State read by key, as in the SQLite store's migration 008: candidate
-- lists (postings), copy and story profiles, term counts, each read for
-- the keys the articles in hand need.
CREATE TABLE state_ids (
	ref BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
	id  TEXT NOT NULL UNIQUE
);
CREATE TABLE postings (
	kind SMALLINT NOT NULL,
	hash BIGINT NOT NULL,
	seq  BIGINT NOT NULL,
	ref  BIGINT NOT NULL,
	PRIMARY KEY (kind, hash, seq)
);
CREATE TABLE copy_profiles (
	ref       BIGINT PRIMARY KEY,
	signature BIGINT NOT NULL,
	data      BYTEA NOT NULL
);
CREATE INDEX copy_profiles_signature ON copy_profiles (signature);
CREATE TABLE story_profiles (
	ref   BIGINT PRIMARY KEY,
	saved BIGINT NOT NULL,
	data  BYTEA NOT NULL
);
CREATE INDEX story_profiles_saved ON story_profiles (saved);
CREATE TABLE term_counts (
	term TEXT PRIMARY KEY,
	df   INTEGER NOT NULL
);
CREATE TABLE state_counters (
	one         INTEGER PRIMARY KEY CHECK (one = 1),
	posting_seq BIGINT NOT NULL,
	story_saved BIGINT NOT NULL,
	docs        BIGINT NOT NULL
);
INSERT INTO state_counters (one, posting_seq, story_saved, docs) VALUES (1, 0, 0, 0);
