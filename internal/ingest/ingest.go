package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/fetch"
	"github.com/dossier-news/dossier/internal/figure"
	"github.com/dossier-news/dossier/internal/lang"
	"github.com/dossier-news/dossier/internal/sentence"
	"github.com/dossier-news/dossier/internal/story"
)

// Options tune a Pipeline.
type Options struct {
	MaxSize      int64         // largest input accepted, bytes
	Timeout      time.Duration // per URL
	AllowPrivate bool          // allow URLs on private and loopback addresses
	Workers      int           // processing goroutines; 0 means GOMAXPROCS
	ChunkSize    int           // documents cleaned together; 0 means 256
	// Defer stores articles prepared (clean, language, sentences) but not
	// analysed: AnalysePending finds their entities, figures, copies and
	// stories later.
	Defer bool
	// Story overrides the story clustering parameters (zero: the defaults).
	Story story.Params
	// MaxAnalysis is the most clean text, in bytes, that analysis covers;
	// 0 means DefaultMaxAnalysis.
	MaxAnalysis int
	// StateLimit bounds each part of relating's working set (profiles,
	// stories, claims) read from the store; 0 means the defaults. Past it
	// the working set is emptied and read again by key.
	StateLimit int
}

// DefaultMaxAnalysis bounds the clean text analysed per article: 2 MB is
// several hundred times a long news article, so only dumps, logs and
// hostile inputs reach it. Past it the article is stored and searchable
// whole, and its figures and entities are those of its first 2 MB.
const DefaultMaxAnalysis = 2 << 20

// Event reports what happened to one document or input.
type Event struct {
	Input string
	ID    string
	Title string
	Dup   bool // already stored, as ID
	Err   error
	// Skipped says why an input was left out without failing (a folder
	// reached again through a symbolic link).
	Skipped string
}

// Summary counts a run.
type Summary struct {
	Ingested   int
	Duplicates int
	Failed     int
	Analysed   int // stored articles whose deferred analysis was done
	Bytes      int64
	// Skipped counts the records that are not articles (a WARC file's
	// requests, metadata, images...); SkippedWhy gives the count of each
	// reason, most frequent first ("request record 12, not HTML or text 3").
	Skipped    int
	SkippedWhy string
}

// Pipeline ingests inputs into a store.
type Pipeline struct {
	store   dossier.Store
	opt     Options
	fetcher *fetch.Fetcher
}

// New returns a Pipeline writing to s.
func New(s dossier.Store, opt Options) *Pipeline {
	if opt.MaxSize == 0 {
		opt.MaxSize = 32 << 20
	}
	if opt.Timeout == 0 {
		opt.Timeout = 20 * time.Second
	}
	if opt.Workers == 0 {
		opt.Workers = runtime.GOMAXPROCS(0)
	}
	if opt.ChunkSize == 0 {
		opt.ChunkSize = 256
	}
	if opt.MaxAnalysis <= 0 {
		opt.MaxAnalysis = DefaultMaxAnalysis
	}
	return &Pipeline{store: s, opt: opt, fetcher: fetch.New(opt.Timeout, opt.MaxSize, opt.AllowPrivate)}
}

// Run ingests args (paths, folders, globs, URLs, "-" for stdin). Each
// document's outcome goes to report; progress, when set, is told how many
// records were read (the total is -1: a stream's is not known ahead).
func (p *Pipeline) Run(ctx context.Context, args []string, stdin io.Reader, report func(Event), progress func(done, total int)) (Summary, error) {
	return p.run(ctx, args, stdin, report, progress, nil)
}

// Read runs the pure stages over args and hands each article to emit
// instead of storing it: "dossier figures FILE..." reads this way. Lines
// recurring across the inputs still count as boilerplate.
func (p *Pipeline) Read(ctx context.Context, args []string, stdin io.Reader, report func(Event), emit func(*dossier.Article)) (Summary, error) {
	return p.run(ctx, args, stdin, report, nil, emit)
}

// Docs ingests documents already read, as Run ingests what it reads:
// "dossier watch" reads feeds and pages itself and stores the new items.
func (p *Pipeline) Docs(ctx context.Context, name string, docs []extract.Doc, report func(Event)) (Summary, error) {
	if len(docs) == 0 {
		return Summary{}, nil
	}
	return p.runSources(ctx, []source{{name: name, docs: docs}}, nil, nil, nil, report, nil, nil)
}

// Fetcher is the pipeline's HTTP client (robots.txt, address checks).
func (p *Pipeline) Fetcher() *fetch.Fetcher { return p.fetcher }

func (p *Pipeline) run(ctx context.Context, args []string, stdin io.Reader, report func(Event), progress func(done, total int), emit func(*dossier.Article)) (Summary, error) {
	srcs, errs, notes := expand(args)
	return p.runSources(ctx, srcs, errs, notes, stdin, report, progress, emit)
}

func (p *Pipeline) runSources(ctx context.Context, srcs []source, errs []error, notes []notice, stdin io.Reader, report func(Event), progress func(done, total int), emit func(*dossier.Article)) (Summary, error) {
	r := &runner{p: p, report: report, emit: emit, counter: clean.NewCounter(), loaded: map[uint64]bool{}, inputs: map[uint64]bool{}, deferred: p.opt.Defer}
	if emit == nil {
		// Storing runs beside analysis: chunk N is written while N+1 is cleaned.
		r.batches = make(chan batch, 1)
		r.stored = make(chan error, 1)
		go r.store(ctx)
	}
	for _, err := range errs {
		r.fail(Event{Err: err})
	}
	for _, n := range notes {
		r.report(Event{Input: n.name, Skipped: n.reason})
	}
	// Reading runs a few chunks ahead of cleaning, with the store's
	// look-up of the lines it has seen: that look-up waits for the
	// writer's transaction in progress, and must not hold cleaning up.
	chunks := make(chan chunk, 4)
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	skipped := extract.WARCSkipped{}
	go func() {
		defer close(chunks)
		var c chunk
		records := 0
		// a chunk goes on when it is full, whatever input its records
		// came from: one large file does not make one large chunk
		send := func() bool {
			c.done = records
			c.err = r.keys(readCtx, &c)
			select {
			case chunks <- c:
			case <-readCtx.Done():
				return false
			}
			if c.err != nil {
				return false
			}
			c = chunk{}
			return true
		}
		for _, src := range srcs {
			ok := true
			p.stream(readCtx, src, stdin, skipped, func(d extract.Doc, err error) bool {
				records++
				if err != nil {
					r.fail(Event{Input: src.name, Err: err})
					return readCtx.Err() == nil
				}
				c.docs = append(c.docs, dropControl(d)) // before the line keys: as cleaning sees them
				if len(c.docs) >= p.opt.ChunkSize {
					ok = send()
				}
				return ok && readCtx.Err() == nil
			})
			if !ok || readCtx.Err() != nil {
				return
			}
		}
		send()
	}()
	var err error
	for c := range chunks {
		if err = ctx.Err(); err != nil {
			break
		}
		if err = c.err; err != nil {
			break
		}
		for _, d := range c.docs {
			for _, l := range d.Lines {
				r.sum.Bytes += int64(len(l)) + 1
			}
		}
		if len(c.docs)+len(c.dups) > 0 {
			if err = r.process(c); err != nil {
				break
			}
		}
		if progress != nil {
			progress(c.done, -1)
		}
	}
	stopReading()
	for range chunks { // let the reader finish
	}
	for _, n := range skipped {
		r.sum.Skipped += n
	}
	r.sum.SkippedWhy = skippedReasons(skipped)
	if r.batches != nil {
		close(r.batches)
		if serr := <-r.stored; err == nil {
			err = serr
		}
	}
	return r.sum, err
}

// runner is one run of the pipeline.
type runner struct {
	p       *Pipeline
	report  func(Event)
	emit    func(*dossier.Article)
	counter *clean.Counter
	loaded  map[uint64]bool // line keys whose stored documents are in counter
	inputs  map[uint64]bool // ids (InputID) looked up in the store or read in this run
	// deferred: articles are stored unanalysed (Options.Defer), so nothing
	// is related in this run
	deferred bool
	batches  chan batch
	stored   chan error

	mu  sync.Mutex // guards sum and report, shared with the storing goroutine
	sum Summary

	// owned by the storing goroutine: copy detection and story clustering
	rel *Relater
}

type batch struct {
	arts     []*dossier.Article
	profiles []dedupe.Profile // of arts, built beside the analysis
	lines    map[dossier.DocKey][]dossier.LineKey
	analysed bool    // arts are stored articles whose deferred analysis is done
	dups     []Event // inputs already stored, reported after the batch
}

// write is a batch for the store, and the duplicates to report after it.
type write struct {
	dossier.Batch
	dups []Event
	// flushed, when set, is closed once everything before is written
	flushed chan struct{}
}

func (r *runner) fail(e Event) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.sum.Failed++
	r.report(e)
}

// process cleans and analyses a chunk, then hands it to the store.
// chunk is a run of documents read together, with their recurrence keys.
type chunk struct {
	docs     []extract.Doc
	done     int // records read so far
	docKeys  []uint64
	lineKeys [][]uint64
	known    map[dossier.LineKey][]dossier.DocKey // documents the store has seen each new line in
	dups     []Event                              // documents already stored, left out of docs
	err      error
}

// keys computes the chunk's line keys and looks up, in the store, the
// documents it has seen the lines never looked up before in. It runs in
// the reading goroutine, which owns r.loaded.
func (r *runner) keys(ctx context.Context, c *chunk) error {
	if err := r.knownInputs(ctx, c); err != nil {
		return err
	}
	c.docKeys = make([]uint64, len(c.docs))
	c.lineKeys = make([][]uint64, len(c.docs))
	var fresh []dossier.LineKey
	for i, d := range c.docs {
		c.docKeys[i], c.lineKeys[i] = clean.Keys(d)
		for _, k := range c.lineKeys[i] {
			if !r.loaded[k] {
				r.loaded[k] = true
				fresh = append(fresh, dossier.LineKey(k))
			}
		}
	}
	if r.emit != nil || len(fresh) == 0 {
		return nil
	}
	var err error
	c.known, err = r.p.store.LineDocs(ctx, fresh)
	return err
}

// knownInputs moves out of the chunk the documents whose input was
// already stored, in this run or an earlier one: their id comes from the
// input alone (InputID), so this is known before cleaning, and cleaning
// the same input again (against what the store has learned since) could
// give another text that would be stored a second time.
func (r *runner) knownInputs(ctx context.Context, c *chunk) error {
	if r.emit != nil {
		return nil // nothing is stored: every reading is reported
	}
	kept := c.docs[:0]
	for _, d := range c.docs {
		id := InputID(d)
		k, err := strconv.ParseUint(id, 16, 64)
		if err != nil {
			kept = append(kept, d)
			continue
		}
		dup := r.inputs[k]
		if !dup {
			switch a, err := r.p.store.Article(ctx, id); {
			case err == nil:
				dup = a.ID == id
			case !errors.Is(err, dossier.ErrNotFound):
				return err
			}
			r.inputs[k] = true
		}
		if dup {
			c.dups = append(c.dups, Event{Input: d.Input, ID: id, Title: d.Title, Dup: true})
			continue
		}
		kept = append(kept, d)
	}
	c.docs = kept
	return nil
}

// InputID is the id of the article read from d: from its input (URL and
// raw text), never from the clean text, which depends on the store.
func InputID(d extract.Doc) string {
	return dedupe.ID(dedupe.InputHash(strings.TrimSpace(d.URL), d.Lines))
}

// process cleans and analyses a chunk, then hands it to the store.
func (r *runner) process(c chunk) error {

	// Recurrence: what the store has seen plus what this run has read.
	docs, docKeys, lineKeys := c.docs, c.docKeys, c.lineKeys
	for k, ds := range c.known {
		for _, d := range ds {
			r.counter.Add(uint64(d), []uint64{uint64(k)})
		}
	}
	for i := range docs {
		// only what the counter recorded needs storing: past its cap a
		// line is known boilerplate
		lineKeys[i] = r.counter.Add(docKeys[i], lineKeys[i])
	}
	arts := make([]*dossier.Article, len(docs))
	profiles := make([]dedupe.Profile, len(docs))
	deferred := r.deferred && r.emit == nil
	r.parallel(len(docs), func(i int) {
		opt := clean.Options{Recurring: r.counter.Others(docKeys[i])}
		if deferred {
			arts[i] = Prepare(docs[i], opt)
			arts[i].Deferred = true
			return
		}
		arts[i] = Prepare(docs[i], opt)
		if arts[i].Text != "" {
			EnrichLimited(arts[i], r.p.opt.MaxAnalysis)
		}
		if r.emit == nil && arts[i].Text != "" {
			profiles[i] = dedupe.ProfileOf(arts[i])
		}
	})
	// duplicates are reported by the writer, in their order after what
	// was read before them
	b := batch{lines: map[dossier.DocKey][]dossier.LineKey{}, dups: c.dups}
	for i, a := range arts {
		if a.Text == "" {
			r.fail(Event{Input: a.Input, Err: &extract.InputError{Input: a.Input, Err: extract.ErrNoText}})
			continue
		}
		if r.emit != nil {
			r.sum.Ingested++
			r.emit(a)
			continue
		}
		b.arts = append(b.arts, a)
		b.profiles = append(b.profiles, profiles[i])
		if len(lineKeys[i]) > 0 {
			for _, k := range lineKeys[i] {
				b.lines[dossier.DocKey(docKeys[i])] = append(b.lines[dossier.DocKey(docKeys[i])], dossier.LineKey(k))
			}
		}
	}
	if r.emit != nil || len(b.arts)+len(b.dups) == 0 {
		return nil
	}
	r.batches <- b // the storing goroutine drains the channel even after an error
	return nil
}

// parallel runs f(0..n-1) on the pipeline's workers.
func (r *runner) parallel(n int, f func(i int)) {
	var wg sync.WaitGroup
	next := make(chan int)
	for w := 0; w < r.p.opt.Workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				f(i)
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
}

// AnalysePending runs the deferred analysis of stored articles (entities,
// figures, copies, stories), in chunks, and writes each chunk with what
// relating it found. progress, when set, is told how many are done out of
// how many were pending.
func (p *Pipeline) AnalysePending(ctx context.Context, report func(Event), progress func(done, total int)) (Summary, error) {
	// nothing pending: done, without loading the state of a large store
	if _, n, err := p.store.Pending(ctx, "", 1); err != nil || n == 0 {
		return Summary{}, err
	}
	r := &runner{p: p, report: report}
	r.batches = make(chan batch, 1)
	r.stored = make(chan error, 1)
	go r.store(ctx)
	// Pending articles are read a few chunks ahead, as files are by Run:
	// reading waits for the writer's transaction in progress.
	type pending struct {
		arts  []*dossier.Article
		total int
		err   error
	}
	chunks := make(chan pending, 4)
	readCtx, stopReading := context.WithCancel(ctx)
	defer stopReading()
	go func() {
		defer close(chunks)
		after := ""
		for readCtx.Err() == nil {
			arts, n, err := p.store.Pending(readCtx, after, p.opt.ChunkSize)
			if err == nil && len(arts) == 0 {
				return
			}
			select {
			case chunks <- pending{arts, n, err}:
			case <-readCtx.Done():
				return
			}
			if err != nil {
				return
			}
			after = arts[len(arts)-1].ID
		}
	}()
	var err error
	total, done := -1, 0
	for c := range chunks {
		if err = ctx.Err(); err != nil {
			break
		}
		if err = c.err; err != nil {
			break
		}
		arts := c.arts
		if total < 0 {
			total = c.total
		}
		profiles := make([]dedupe.Profile, len(arts))
		r.parallel(len(arts), func(i int) {
			EnrichLimited(arts[i], p.opt.MaxAnalysis)
			profiles[i] = dedupe.ProfileOf(arts[i])
		})
		r.batches <- batch{arts: arts, profiles: profiles, analysed: true}
		done += len(arts)
		if progress != nil {
			progress(min(done, total), total)
		}
	}
	stopReading()
	for range chunks { // let the reader finish
	}
	close(r.batches)
	if serr := <-r.stored; err == nil {
		err = serr
	}
	return r.sum, err
}

// store relates and writes batches until the channel closes, then
// reports on stored. Relating (copy detection and story clustering, in
// memory) runs in its own goroutine ahead of the writer, so that batch N+1
// is related while batch N is written; each batch is written with what
// relating found and the state to resume from in one commit.
func (r *runner) store(ctx context.Context) {
	err := r.loadState(ctx)
	writes := make(chan write, 1)
	written := make(chan error, 1)
	go func() {
		written <- r.write(ctx, writes)
	}()
	for b := range r.batches {
		if err != nil {
			continue // drain
		}
		var w dossier.Batch
		if w, err = r.rel.Relate(b.arts, b.profiles, b.analysed); err == nil {
			w.Lines = b.lines
			writes <- write{Batch: w, dups: b.dups}
		}
		if err == nil && r.rel.Big() {
			// the working set is read again by key: only once all that
			// was related is committed, or a read would miss it
			done := make(chan struct{})
			writes <- write{flushed: done}
			<-done
			r.rel.Reset()
		}
	}
	close(writes)
	if werr := <-written; err == nil {
		err = werr
	}
	r.stored <- err
}

// write stores batches and reports each article's outcome.
func (r *runner) write(ctx context.Context, writes <-chan write) error {
	for wb := range writes {
		if wb.flushed != nil {
			close(wb.flushed)
			continue
		}
		b := wb.Batch
		if err := ctx.Err(); err != nil {
			drain(writes)
			return err
		}
		var res []dossier.PutResult
		var err error
		if len(b.Articles)+len(b.Analysed)+len(b.Lines)+len(b.Profiles)+len(b.Postings)+len(b.StoryProfiles) > 0 {
			res, err = r.p.store.Write(ctx, b)
		}
		if err != nil {
			drain(writes)
			return err
		}
		all := b.All()
		if err := r.markFailed(ctx, all[len(b.Articles):], res[len(b.Articles):]); err != nil {
			drain(writes)
			return err
		}
		r.mu.Lock()
		for i, pr := range res {
			a := all[i]
			switch {
			case pr.Err != nil:
				r.sum.Failed++
				r.report(Event{Input: a.Input, Err: pr.Err})
			case i >= len(b.Articles):
				r.sum.Analysed++
				r.report(Event{Input: a.Input, ID: pr.ID, Title: a.Title})
			case pr.Dup:
				r.sum.Duplicates++
				r.report(Event{Input: a.Input, ID: pr.ID, Title: a.Title, Dup: true})
			default:
				r.sum.Ingested++
				r.report(Event{Input: a.Input, ID: pr.ID, Title: a.Title})
			}
		}
		for _, e := range wb.dups {
			r.sum.Duplicates++
			r.report(e)
		}
		r.mu.Unlock()
	}
	return nil
}

// drain empties writes after a failure, releasing whoever waits for a flush.
func drain(writes <-chan write) {
	for wb := range writes {
		if wb.flushed != nil {
			close(wb.flushed)
		}
	}
}

// markFailed records, for each stored article whose analysis could not be
// written, that its analysis failed and why, with no analysis: it is no
// longer pending, so that "dossier analyse" does not start again on it at
// every run. The failure is still reported as one.
func (r *runner) markFailed(ctx context.Context, arts []*dossier.Article, res []dossier.PutResult) error {
	var marks []*dossier.Article
	var idx []int // of marks in res
	for i, pr := range res {
		if pr.Err == nil {
			continue
		}
		m := *arts[i]
		m.Figures, m.Mentions, m.Citations, m.Entities = nil, nil, nil, nil
		m.Deferred = false
		m.Limited = "analysis failed: " + pr.Err.Error()
		marks = append(marks, &m)
		idx = append(idx, i)
	}
	if len(marks) == 0 {
		return nil
	}
	mres, err := r.p.store.Write(ctx, dossier.Batch{Analysed: marks})
	if err != nil {
		return fmt.Errorf("mark failed analyses: %w", err)
	}
	for i, pr := range mres {
		if pr.Err != nil {
			res[idx[i]].Err = fmt.Errorf("%w; marking it failed: %v", res[idx[i]].Err, pr.Err)
		}
	}
	return nil
}

// Analyse runs all the pure stages on one document: Prepare, then Enrich.
func Analyse(d extract.Doc, opt clean.Options) *dossier.Article {
	a := Prepare(d, opt)
	if a.Text != "" {
		Enrich(a)
	}
	return a
}

// Prepare runs the stages that make an article storable and searchable:
// clean, language, sentences, hash and id, outlet and date.
func Prepare(d extract.Doc, opt clean.Options) *dossier.Article {
	d = dropControl(d)
	r := clean.Clean(d, opt)
	a := &dossier.Article{
		Input: d.Input, Title: r.Title, Site: r.Site, Author: r.Author, Date: r.Date, URL: d.URL,
		SourceURL: r.SourceURL, Tags: r.Tags, Text: r.Text, Paragraphs: r.Paragraphs, Removed: r.Removed,
		// an archived page entered the corpus when it was crawled
		IngestedAt: d.Fetched,
	}
	if a.Text == "" {
		return a
	}
	a.Lang = d.Lang
	if a.Lang == "" || len(a.Lang) > 3 {
		a.Lang = lang.Detect(a.Text)
	}
	a.Sentences = sentence.Split(a.Text)
	// The id comes from the input, which never changes, and not from the
	// clean text, which depends on what the store has learned: re-reading
	// an input finds its article whatever was ingested in between. The
	// text hash still makes an exact copy from another input a sighting.
	a.TextHash = dedupe.Hash(a.Text)
	a.ID = InputID(d)
	a.Outlet = outlet(a, d)
	if a.Date == "" {
		a.Date = dateInPath(d.URL)
	}
	if a.Date == "" {
		a.Date = dateInPath(d.Input)
	}
	return a
}

// Enrich runs the analysis stages on a prepared article: figures, then
// entities, which link the figures' subjects, sources and places. It
// covers at most DefaultMaxAnalysis bytes of text.
func Enrich(a *dossier.Article) { EnrichLimited(a, DefaultMaxAnalysis) }

// EnrichLimited is Enrich over at most max bytes of the text: the
// sentences that end within them. Beyond them an article gets no figures
// nor entities, and a.Limited says so. A stage that panics on an article
// leaves it unanalysed with the reason in a.Limited, instead of ending the
// run: one hostile article must not stop a batch, nor be retried forever.
func EnrichLimited(a *dossier.Article, max int) {
	a.Figures, a.Mentions, a.Citations, a.Entities = nil, nil, nil, nil
	a.Limited = ""
	a.Deferred = false
	defer func() {
		if v := recover(); v != nil {
			a.Figures, a.Mentions, a.Citations, a.Entities = nil, nil, nil, nil
			a.Limited = fmt.Sprintf("analysis failed: %v", v)
		}
	}()
	text, sents := a.Text, a.Sentences
	if max > 0 && len(text) > max {
		n := sort.Search(len(sents), func(i int) bool { return sents[i].End > max })
		sents = sents[:n]
		cut := 0
		if n > 0 {
			cut = sents[n-1].End
		}
		text = text[:cut]
		a.Limited = fmt.Sprintf("analysis limited to the first %s of %s of text (the limit is %s): figures and entities past it are not found",
			sizeOf(cut), sizeOf(len(a.Text)), sizeOf(max))
	}
	a.Figures = figure.Extract(text, sents, figure.Context{Doc: a.ID, Date: a.Date, Title: a.Title, Lang: a.Lang})
	linkEntities(a, text)
}

func sizeOf(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%.1f KB", float64(n)/(1<<10))
	}
	return fmt.Sprintf("%d bytes", n)
}

// pathDate finds a publication date in a URL or file name
// (".../2025/03/14/...", "riverpost-2025-03-15-loire.txt").
var pathDate = regexp.MustCompile(`(?:^|[^0-9])((?:19|20)[0-9]{2})[-/_.]?(0[1-9]|1[0-2])[-/_.]?(0[1-9]|[12][0-9]|3[01])(?:[^0-9]|$)`)

func dateInPath(s string) string {
	m := pathDate.FindStringSubmatch(s)
	if m == nil {
		return ""
	}
	return m[1] + "-" + m[2] + "-" + m[3]
}

// outlet: the banner, else the feed or page metadata, else the URL's host.
func outlet(a *dossier.Article, d extract.Doc) string {
	if a.Site != "" {
		return a.Site
	}
	for _, s := range []string{d.URL, d.Input} {
		if u, err := url.Parse(s); err == nil && u.Host != "" {
			return strings.TrimPrefix(u.Hostname(), "www.")
		}
	}
	return ""
}

// linkEntities finds the article's entity mentions and citations, and
// links the figures' subject, source and place to entities.
func linkEntities(a *dossier.Article, text string) {
	l, err := entity.Default()
	if err != nil {
		return // the embedded data is checked by the entity tests
	}
	var created []*dossier.Entity
	a.Mentions, created = l.Find(text)
	a.Citations = l.Citations(text, a.Mentions, a.SourceURL)
	byID := map[string]dossier.Entity{}
	for _, e := range created {
		byID[e.ID] = *e
	}
	for _, m := range a.Mentions {
		if _, ok := byID[m.Entity]; ok {
			continue
		}
		if e, ok := l.Entity(m.Entity); ok {
			byID[m.Entity] = *e
		} else {
			byID[m.Entity] = dossier.Entity{ID: m.Entity, Type: m.Type, Name: m.Text, NameFr: m.Text, Aliases: []string{m.Text}}
		}
	}
	first := func(phrase string) string {
		if phrase == "" {
			return ""
		}
		ms, _ := l.Find(phrase)
		for _, m := range ms {
			if m.Type != dossier.EntityPerson || len(ms) == 1 {
				if _, ok := byID[m.Entity]; !ok {
					if e, ok := l.Entity(m.Entity); ok {
						byID[m.Entity] = *e
					}
				}
				return m.Entity
			}
		}
		return ""
	}
	for i := range a.Figures {
		f := &a.Figures[i]
		f.SubjectID, f.SourceID, f.PlaceID = first(f.Subject), first(f.Source), first(f.Place)
	}
	for _, e := range byID {
		a.Entities = append(a.Entities, e)
	}
	sort.Slice(a.Entities, func(i, j int) bool { return a.Entities[i].ID < a.Entities[j].ID })
}

// skippedReasons lists the counts of skipped records, most frequent first.
func skippedReasons(by map[string]int) string {
	reasons := make([]string, 0, len(by))
	for k := range by {
		reasons = append(reasons, k)
	}
	sort.Slice(reasons, func(i, j int) bool {
		if by[reasons[i]] != by[reasons[j]] {
			return by[reasons[i]] > by[reasons[j]]
		}
		return reasons[i] < reasons[j]
	})
	parts := make([]string, len(reasons))
	for i, k := range reasons {
		parts[i] = fmt.Sprintf("%s %d", k, by[k])
	}
	return strings.Join(parts, ", ")
}
