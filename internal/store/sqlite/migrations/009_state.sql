-- State read by key (docs/DESIGN.md, "State read by key"): relating reads
-- the candidate lists, profiles and term counts the articles in hand need,
-- instead of loading the whole "state" table at start.
--
-- state_ids gives each article or story filed in the state a small
-- integer, so that the many rows naming them stay small.
CREATE TABLE state_ids (
	ref INTEGER PRIMARY KEY,
	id  TEXT NOT NULL UNIQUE
);
-- Candidate lists: the ids filed under (kind, hash), in filing order (seq).
CREATE TABLE postings (
	kind INTEGER NOT NULL,
	hash INTEGER NOT NULL,
	seq  INTEGER NOT NULL,
	ref  INTEGER NOT NULL,
	PRIMARY KEY (kind, hash, seq)
) WITHOUT ROWID;
CREATE TABLE copy_profiles (
	ref       INTEGER PRIMARY KEY, -- state_ids.ref of the article
	signature INTEGER NOT NULL,
	data      BLOB NOT NULL
);
CREATE INDEX copy_profiles_signature ON copy_profiles(signature);
CREATE TABLE story_profiles (
	ref   INTEGER PRIMARY KEY, -- state_ids.ref of the story
	saved INTEGER NOT NULL,    -- when last saved, in writes
	data  BLOB NOT NULL
);
CREATE INDEX story_profiles_saved ON story_profiles(saved);
CREATE TABLE term_counts (
	term TEXT PRIMARY KEY,
	df   INTEGER NOT NULL
) WITHOUT ROWID;
-- One row: the counters of the state.
CREATE TABLE state_counters (
	one         INTEGER PRIMARY KEY CHECK (one = 1),
	posting_seq INTEGER NOT NULL,
	story_saved INTEGER NOT NULL,
	docs        INTEGER NOT NULL
);
INSERT INTO state_counters (one, posting_seq, story_saved, docs) VALUES (1, 0, 0, 0);
-- The state before keyed reads (opaque values by kind and key) is left
-- for "dossier analyse --relate" to rebuild from; nothing writes it now.
ALTER TABLE state RENAME TO legacy_state;
