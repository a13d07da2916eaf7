package dossier

import (
	"errors"
	"time"
)

// Article is one cleaned news article as dossier stores it.
type Article struct {
	ID     string `json:"id"`
	Input  string `json:"input"`
	Title  string `json:"title"`
	Site   string `json:"site"`
	Author string `json:"author"`
	Date   string `json:"date"` // as precise as stated: "2024", "2024-11" or "2024-11-22"
	// An undated article's date is estimated (internal/dates): the range
	// it lies in and the evidence; Date stays empty.
	DateEstimated bool     `json:"date_estimated,omitempty"`
	DateLow       string   `json:"date_low,omitempty"`
	DateHigh      string   `json:"date_high,omitempty"`
	DateReason    string   `json:"date_reason,omitempty"`
	Lang          string   `json:"lang"`
	URL           string   `json:"url,omitempty"`
	SourceURL     string   `json:"source_url"`
	Tags          []string `json:"tags"`

	// Outlet is who published the article: the site banner, the feed, the
	// metadata, or else the host of its URL.
	Outlet string `json:"outlet"`

	Text       string      `json:"text"`
	Paragraphs []Paragraph `json:"paragraphs"`
	Sentences  []Span      `json:"sentences"`
	Removed    []Removed   `json:"removed"`
	Figures    []Figure    `json:"figures"`
	Mentions   []Mention   `json:"mentions"`
	Citations  []Citation  `json:"citations"`
	// Entities are the records of the entities Mentions link to, for the
	// store to keep; they are not part of the article's JSON.
	Entities []Entity `json:"-"`

	// TextHash identifies the normalised text; two articles with the same
	// hash are exact duplicates.
	TextHash   string    `json:"text_hash"`
	IngestedAt time.Time `json:"ingested_at"`

	// Deferred is true while the article's analysis (entities, figures,
	// copies, stories) waits to be run: "dossier ingest --defer" stores
	// articles clean but unanalysed, "dossier analyse" completes them.
	Deferred bool `json:"deferred,omitempty"`
	// Limited says why the analysis did not cover the whole article (a
	// text above the analysis limit, or an analysis that failed); empty
	// when it did. The article is stored and searchable either way.
	Limited string `json:"limited,omitempty"`
}

// Paragraph is a block of the clean text; headings are paragraphs too.
type Paragraph struct {
	Start   int  `json:"start"`
	End     int  `json:"end"`
	Heading bool `json:"heading,omitempty"`
}

// Span is a half-open byte range [Start, End) of an article's clean text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// Removed is a line that cleaning dropped from the text, with why.
type Removed struct {
	Line   int    `json:"line"`   // 1-based line of the input text; 0 when unknown
	Text   string `json:"text"`   // the line as it was
	Label  Label  `json:"label"`  // site, nav, title, byline, tags, caption, source, date, boilerplate
	Reason string `json:"reason"` // a sentence a user can check
}

// Label says what a line of an input is, as cleaning sees it.
type Label string

// Line labels given by cleaning.
const (
	LabelBody        Label = "body"
	LabelHeading     Label = "heading"
	LabelTitle       Label = "title"
	LabelSite        Label = "site"
	LabelNav         Label = "nav"
	LabelByline      Label = "byline"
	LabelTags        Label = "tags"
	LabelCaption     Label = "caption"
	LabelSource      Label = "source"
	LabelBoilerplate Label = "boilerplate"
)

// Summary is what listing articles shows.
type Summary struct {
	ID        string   `json:"id"`
	Input     string   `json:"input"`
	Title     string   `json:"title"`
	Site      string   `json:"site"`
	Outlet    string   `json:"outlet"`
	Author    string   `json:"author"`
	Date      string   `json:"date"`
	Lang      string   `json:"lang"`
	SourceURL string   `json:"source_url"`
	Tags      []string `json:"tags"`
	Figures   int      `json:"figures"`
	Deferred  bool     `json:"deferred,omitempty"` // analysis pending ("dossier analyse")
	// DateEstimated, DateLow, DateHigh, DateReason: as in Article.
	DateEstimated bool   `json:"date_estimated,omitempty"`
	DateLow       string `json:"date_low,omitempty"`
	DateHigh      string `json:"date_high,omitempty"`
	DateReason    string `json:"date_reason,omitempty"`
	// Lead is the start of the clean text (filled by Store.Summaries),
	// to name an article without a title; not part of the listing JSON.
	Lead string `json:"-"`
}

// Summarize returns the listing view of a.
func (a *Article) Summarize() Summary {
	return Summary{ID: a.ID, Input: a.Input, Title: a.Title, Site: a.Site, Outlet: a.Outlet,
		Author: a.Author, Date: a.Date, Lang: a.Lang, SourceURL: a.SourceURL, Tags: a.Tags, Figures: len(a.Figures), Deferred: a.Deferred,
		DateEstimated: a.DateEstimated, DateLow: a.DateLow, DateHigh: a.DateHigh, DateReason: a.DateReason}
}

// ErrNotFound is returned by a Store when no record has the asked id.
var ErrNotFound = errors.New("not found")

// DateEstimate is the estimated date of an undated article, for the store
// to record (Batch.Dates).
type DateEstimate struct {
	Article string `json:"article"`
	Low     string `json:"date_low"`
	High    string `json:"date_high"`
	Reason  string `json:"date_reason"`
}
