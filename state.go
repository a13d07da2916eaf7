package dossier

import "context"

// The state relating keeps between runs is read by key, as the articles
// in hand need it: candidate lists (postings) filed under hashed keys,
// copy profiles by article, story profiles by story, term counts by term
// and series by topic. Nothing is loaded whole, so a process starts at
// once and its memory does not grow with the store (see docs/DESIGN.md,
// "State read by key").

// DocKey is the content key of a document (what the cleaner counts a
// line's recurrence in); LineKey the key of one of its lines or spans.
type (
	DocKey  uint64
	LineKey uint64
)

// PostingKind is what a candidate list is filed by.
type PostingKind uint8

const (
	// PostBand: articles whose MinHash signature falls in one LSH band
	// bucket (the key is the band's hash).
	PostBand PostingKind = 1 + iota
	// PostNumber: articles stating a figure value.
	PostNumber
	// PostReport: articles naming an outlet beside a figure.
	PostReport
	// PostURL: the article at a (normalised) URL.
	PostURL
	// PostStoryEntity: stories whose articles name an entity.
	PostStoryEntity
	// PostStoryTerm: stories one of whose articles has a term among its
	// most distinctive ones.
	PostStoryTerm
)

// PostingKey names one candidate list: its kind and the 64-bit hash of
// what it is filed by (a collision only adds a candidate, which the
// detectors check against its profile).
type PostingKey struct {
	Kind PostingKind
	Hash uint64
}

// Posting files an article (or a story, for the story kinds) under a key.
type Posting struct {
	Key PostingKey
	ID  string
}

// PostingIndex reads candidate lists.
type PostingIndex interface {
	// Postings returns, for each key that has any, the ids of its latest
	// limit postings, oldest first, in the order they were filed (Write
	// order, and within a batch the order of Batch.Postings). An id
	// filed twice under a key is there twice.
	Postings(ctx context.Context, keys []PostingKey, limit int) (map[PostingKey][]string, error)
}

// CopyProfile is what copy detection keeps of a related article: its
// profile, encoded by internal/dedupe and opaque to the store, and the
// hash of its MinHash signature, by which articles of the same clean text
// are found.
type CopyProfile struct {
	Article   string
	Signature uint64
	Data      []byte
}

// CopyState is the state of copy detection.
type CopyState interface {
	PostingIndex
	// CopyProfiles returns the saved profiles of the articles with these
	// ids that have one (those related, not deferred ones).
	CopyProfiles(ctx context.Context, ids []string) (map[string]CopyProfile, error)
	// SameText returns, for each signature hash that a saved profile has,
	// the article first saved with it.
	SameText(ctx context.Context, signatures []uint64) (map[uint64]string, error)
}

// StoryProfile is what story clustering keeps of a story, encoded by
// internal/story and opaque to the store.
type StoryProfile struct {
	Story string
	Data  []byte
}

// TermCounts are document frequencies: in a Batch the increments it adds
// (Docs documents more, DF[t] more documents with term t), from
// StoryState.TermCounts the totals of the terms asked for.
type TermCounts struct {
	Docs int
	DF   map[string]int
}

// StoryState is the state of story clustering.
type StoryState interface {
	PostingIndex
	// StoryProfiles returns the saved profiles of the stories with these ids.
	StoryProfiles(ctx context.Context, ids []string) (map[string]StoryProfile, error)
	// RecentStories returns the ids of the (up to limit) stories whose
	// profile was saved last, the latest last: the candidates of an
	// article that names no entity.
	RecentStories(ctx context.Context, limit int) ([]string, error)
	// TermCounts returns the number of documents counted and the
	// frequencies of these terms (those never counted are left out).
	TermCounts(ctx context.Context, terms []string) (TermCounts, error)
}

// SeriesTopic is what a series counts, whatever its event: the subject
// entity, the thing counted and the unit. Series assignment needs all the
// series of a topic an article's claims have.
type SeriesTopic struct {
	Subject, Thing, Unit string
}

// SeriesState is the state of series assignment.
type SeriesState interface {
	// SeriesOfTopics returns the stored series of these topics, with
	// their claims.
	SeriesOfTopics(ctx context.Context, topics []SeriesTopic) ([]Series, error)
	// SeriesOfArticles returns the stored series that have a claim of one
	// of these articles, with their claims.
	SeriesOfArticles(ctx context.Context, ids []string) ([]Series, error)
}
