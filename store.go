package dossier

import "context"

// Store keeps articles and what was extracted from them. Implementations
// must pass the contract suite in internal/store/storetest.
type Store interface {
	// Put stores a in one transaction. When an article with the same
	// TextHash is already stored it stores nothing and returns that
	// article's id with dup true.
	Put(ctx context.Context, a *Article) (id string, dup bool, err error)
	// Write stores a batch in one commit. Each article is atomic: a failed
	// article leaves nothing behind (nor the links, story assignment and
	// state keyed by its id) and the others are stored. A duplicate (same
	// TextHash as a stored article) is recorded as a sighting of that
	// article. Results are in the order of b.Articles, then b.Analysed.
	// An error means the whole batch failed and nothing of it was stored.
	Write(ctx context.Context, b Batch) ([]PutResult, error)
	// Pending returns up to limit articles whose analysis was deferred, in
	// the order they were stored, starting after the article with id after
	// ("" for the first), and how many are pending in all.
	Pending(ctx context.Context, after string, limit int) ([]*Article, int, error)
	// Article returns the article with this id (or a unique id prefix).
	Article(ctx context.Context, id string) (*Article, error)
	// List returns summaries in date then id order.
	List(ctx context.Context, f ListFilter) ([]Summary, error)
	// Search runs a full-text query and returns hits with snippets.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// Figures returns stored figures matching f.
	Figures(ctx context.Context, f FigureFilter) ([]Figure, error)
	// LineDocs tells, for each line key, the content keys of (up to
	// MaxLineDocs) documents the line was seen in. Lines recurring across
	// different documents are boilerplate. Write records them (Batch.Lines).
	LineDocs(ctx context.Context, keys []uint64) (map[uint64][]uint64, error)
	// Entities lists entities with their use; Entity returns one by id.
	Entities(ctx context.Context, f EntityFilter) ([]EntitySummary, error)
	Entity(ctx context.Context, id string) (*EntitySummary, error)
	// Copies returns the links between copies and the exact duplicates
	// seen; Stories the stories with their articles (both written by Write).
	Copies(ctx context.Context) ([]CopyLink, []Sighting, error)
	Stories(ctx context.Context) ([]Story, error)
	// LoadState returns the incremental state of copy detection and story
	// clustering of one kind, as opaque values by key (written by Write).
	LoadState(ctx context.Context, kind string) (map[string][]byte, error)
	// Series returns the figure series matching f, most claimed first
	// (written by Write); OneSeries one series by id or unique id prefix,
	// with its claims in time order.
	Series(ctx context.Context, f SeriesFilter) ([]Series, error)
	OneSeries(ctx context.Context, id string) (*Series, error)
	Close() error
}

// Batch is what one step of ingest writes at once: new articles, the
// lines each document has (by content key, for boilerplate recurrence),
// and what relating the articles found, with the state to resume from.
type Batch struct {
	Articles []*Article
	// Analysed are stored articles whose deferred analysis is done: their
	// figures, mentions and citations replace what was stored, and they
	// are no longer pending. Their results follow those of Articles.
	Analysed []*Article
	Lines    map[uint64][]uint64
	Copies   []CopyLink
	Stories  []StoryAssignment
	// Series are the figure series the batch's articles touched; Dates
	// the estimated dates of undated articles (stored or in the batch).
	Series []SeriesUpdate
	Dates  []DateEstimate
	// State holds opaque values by kind, then key; a nil value deletes
	// the key. A key that is an article's id belongs to that article.
	State map[string]map[string][]byte
}

// All returns the batch's articles in the order of Write's results:
// Articles, then Analysed.
func (b Batch) All() []*Article {
	return append(append(make([]*Article, 0, len(b.Articles)+len(b.Analysed)), b.Articles...), b.Analysed...)
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
	MinModality Modality
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
