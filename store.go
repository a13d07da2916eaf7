package dossier

import (
	"context"
	"strings"
)

// Store keeps articles and what was extracted from them. Implementations
// must pass the contract suite in internal/store/storetest. It is split by
// who uses it: ingest writes through Writer, the CLI, server and reports
// read through Reader, and the cleaner, copy detection, story clustering
// and series keep their state through LineState, CopyState, StoryState
// and SeriesState, each read by key so that a process starts at once and
// holds only what the articles in hand need, whatever the store's size.
type Store interface {
	Writer
	Reader
	LineState
	CopyState
	StoryState
	SeriesState
	Close() error
}

// Writer is what ingest and analyse store with.
type Writer interface {
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
}

// Reader is what the CLI, the server and reports read.
type Reader interface {
	// Article returns the article with this id (or a unique id prefix).
	Article(ctx context.Context, id string) (*Article, error)
	// List returns summaries in date then id order.
	List(ctx context.Context, f ListFilter) ([]Summary, error)
	// Search runs a full-text query and returns hits with snippets.
	Search(ctx context.Context, query string, limit int) ([]Hit, error)
	// Figures returns stored figures matching f.
	Figures(ctx context.Context, f FigureFilter) ([]Figure, error)
	// Entities lists entities with their use; Entity returns one by id.
	Entities(ctx context.Context, f EntityFilter) ([]EntitySummary, error)
	Entity(ctx context.Context, id string) (*EntitySummary, error)
	// EntityRecords returns the records (names, type) of the entities
	// with these ids that are stored, without their use: what a page
	// needs to name them.
	EntityRecords(ctx context.Context, ids []string) (map[string]Entity, error)
	// Copies returns the links between copies and the exact duplicates
	// seen; Stories the stories with their articles (both written by Write).
	Copies(ctx context.Context) ([]CopyLink, []Sighting, error)
	Stories(ctx context.Context) ([]Story, error)
	// Story returns one story (by id or unique id prefix) with its
	// articles in time order; Summaries the summaries of the given
	// articles in one read, in the order of ids (unknown ids are left
	// out). Together they load a story without one query per article.
	Story(ctx context.Context, id string) (*Story, error)
	Summaries(ctx context.Context, ids []string) ([]Summary, error)
	// CopiesOf returns the copy links touching any of ids (as copy or
	// original) and the sightings of ids: the copies of one story or
	// article without reading the whole corpus's.
	CopiesOf(ctx context.Context, ids []string) ([]CopyLink, []Sighting, error)
	// Articles returns one page of summaries matching q (a full-text
	// query when q.Query is set, hits then carry a snippet and are in
	// rank order, the matches in a snippet between "\x02" and "\x03";
	// else in date then id order) and the cursor of the next page (""
	// after the last).
	Articles(ctx context.Context, q ArticleQuery) ([]Hit, string, error)
	// Series returns the figure series matching f, most claimed first
	// (written by Write); OneSeries one series by id or unique id prefix,
	// with its claims in time order.
	Series(ctx context.Context, f SeriesFilter) ([]Series, error)
	OneSeries(ctx context.Context, id string) (*Series, error)
}

// LineState is the cleaner's memory of lines across documents.
type LineState interface {
	// LineDocs tells, for each line key, the content keys of (up to
	// MaxLineDocs) documents the line was seen in. Lines recurring across
	// different documents are boilerplate. Write records them (Batch.Lines).
	LineDocs(ctx context.Context, keys []LineKey) (map[LineKey][]DocKey, error)
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
	Lines    map[DocKey][]LineKey
	Copies   []CopyLink
	Stories  []StoryAssignment
	// Series are the figure series the batch's articles touched; Dates
	// the estimated dates of undated articles (stored or in the batch).
	Series []SeriesUpdate
	Dates  []DateEstimate
	// The state relating resumes from (see CopyState and StoryState):
	// the copy profiles of the articles related, the postings filed (in
	// this order, after all stored ones), the stories changed and the
	// term counts added. What names a failed article is left out.
	Profiles      []CopyProfile
	Postings      []Posting
	StoryProfiles []StoryProfile
	Terms         TermCounts
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

// ArticleQuery narrows Articles. Empty fields match everything.
type ArticleQuery struct {
	Query    string // full-text query, as for Search
	Lang     string
	Outlet   string // outlet or site, any case
	From, To string // dates, inclusive, compared as stated ("2024-11" is within From "2024-11")
	After    string // the cursor a previous page returned
	Limit    int    // at most this many (default 50)
}

// FigureFilter narrows Figures. Empty fields match everything.
type FigureFilter struct {
	Article     string
	Entity      string // subject or source entity id
	Thing       string // prefix of the lemma or of the English gloss, any case
	Source      string // substring of the source, any case
	MinModality Modality
}

// Match applies the filter's figure fields (Thing, Source, MinModality) to
// one figure: the one definition of what they mean, used by stores after
// their indexed pre-selection and for figures read straight from files.
func (f FigureFilter) Match(fig Figure) bool {
	if f.Thing != "" && !hasPrefixFold(fig.Thing, f.Thing) && !hasPrefixFold(fig.Gloss, f.Thing) {
		return false
	}
	if f.Source != "" && !strings.Contains(strings.ToLower(fig.Source), strings.ToLower(f.Source)) {
		return false
	}
	return ModalityAtLeast(fig.Modality, f.MinModality)
}

func hasPrefixFold(s, prefix string) bool {
	return len(s) >= len(prefix) && strings.EqualFold(s[:len(prefix)], prefix)
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
