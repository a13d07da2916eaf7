package dossier

import "context"

// Store keeps articles and what was extracted from them. Implementations
// must pass the contract suite in internal/store/storetest.
type Store interface {
	// Put stores a in one transaction. When an article with the same
	// TextHash is already stored it stores nothing and returns that
	// article's id with dup true.
	Put(ctx context.Context, a *Article) (id string, dup bool, err error)
	// PutMany stores several articles, each one atomically (a failed
	// article leaves nothing behind and the others are stored), in as few
	// commits as the backend likes. Results are in the order of arts.
	PutMany(ctx context.Context, arts []*Article) []PutResult
	// Article returns the article with this id (or a unique id prefix).
	Article(ctx context.Context, id string) (*Article, error)
	// List returns summaries in date then id order.
	List(ctx context.Context, f ListFilter) ([]Summary, error)
	// Search runs a full-text query and returns hits with snippets.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// Figures returns stored figures matching f.
	Figures(ctx context.Context, f FigureFilter) ([]Figure, error)
	// LineDocs tells, for each line key, the content keys of (up to
	// MaxLineDocs) documents the line was seen in; AddLines records them.
	// Lines recurring across different documents are boilerplate.
	LineDocs(ctx context.Context, keys []uint64) (map[uint64][]uint64, error)
	AddLines(ctx context.Context, lines map[uint64][]uint64) error
	// Entities lists entities with their use; Entity returns one by id.
	Entities(ctx context.Context, f EntityFilter) ([]EntitySummary, error)
	Entity(ctx context.Context, id string) (*EntitySummary, error)
	// Copies: links between copies, exact duplicates seen, and the
	// story of each article.
	PutCopies(ctx context.Context, links []CopyLink, sightings []Sighting) error
	Copies(ctx context.Context) ([]CopyLink, []Sighting, error)
	PutStories(ctx context.Context, as []StoryAssignment) error
	Stories(ctx context.Context) ([]Story, error)
	// SaveState and LoadState keep the incremental state of copy detection
	// and story clustering between runs, as opaque values by kind and key.
	SaveState(ctx context.Context, kind string, values map[string][]byte) error
	LoadState(ctx context.Context, kind string) (map[string][]byte, error)
	Close() error
}

// PutResult is the outcome of storing one article.
type PutResult struct {
	ID  string
	Dup bool
	Err error
}

// ListFilter narrows List.
type ListFilter struct {
	Lang   string
	Outlet string
	Limit  int
}

// FigureFilter narrows Figures. Empty fields match everything.
type FigureFilter struct {
	Article     string
	Entity      string // subject or source entity id
	Thing       string
	Source      string
	MinModality string
}

// Hit is one search result.
type Hit struct {
	Summary
	Snippet string  `json:"snippet"`
	Rank    float64 `json:"rank"`
}

// MaxLineDocs caps what LineDocs returns per line: past a few documents a
// line is boilerplate whatever the exact count.
const MaxLineDocs = 16
