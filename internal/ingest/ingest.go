package ingest

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/url"
	"regexp"
	"runtime"
	"slices"
	"sort"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
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
	r := &runner{p: p, report: report, emit: emit, counter: clean.NewCounter(), loaded: map[uint64]bool{}, inflight: map[uint64]bool{}, glued: map[string][]string{}, deferred: p.opt.Defer,
		spanSites: map[string]bool{}, sites: map[string]*siteSpans{}, parked: map[string]parkedSite{}}
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
			if r.emit == nil && r.counter.Len() > maxCountedLines {
				r.dropCounts()
			}
			if r.emit == nil && c.gen != r.gen.Load() {
				if err = r.rekey(ctx, &c); err != nil {
					break
				}
			}
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
	// spanSites are the sites whose furniture was looked up in the store
	// (owned by the reading goroutine); sites the furniture state of the
	// sites in memory and parked the encoded state of those put aside to
	// bound memory (both owned by process).
	spanSites map[string]bool
	sites     map[string]*siteSpans
	parked    map[string]parkedSite
	parkedLen int // bytes in parked
	chunks    int // processed, the clock of sites' use
	// reload: sites dropped from parked, to be read from the store again
	// when they come back (process adds, the reading goroutine takes)
	reloadMu sync.Mutex
	reload   []string
	// gen counts the times the counter was dropped (maxCountedLines): the
	// reader clears loaded when it changes, and a chunk keyed before is
	// keyed again from the store, which holds every count dropped
	gen       atomic.Uint32
	loadedGen uint32 // the gen loaded is of (the reader's)
	// inflight: ids (InputID) read in this run and not yet written (or
	// failed). Once written the store answers for them, so the map holds
	// the few chunks in the pipeline, not every input of the run.
	inflightMu sync.Mutex
	inflight   map[uint64]bool
	// glued: the sites (at most gluedSites) the run has read writing
	// each word with an inner capital glued, for cleaning's corpus
	// evidence; owned by the cleaning goroutine
	glued map[string][]string
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
	spans    map[string][]byte // furniture state of the sites the batch touched
	analysed bool              // arts are stored articles whose deferred analysis is done
	dups     []Event           // inputs already stored, reported after the batch
	// flushed, when set, is no batch: it is closed once every batch
	// before it is written (or the run failed)
	flushed chan struct{}
}

// write is a batch for the store, and the duplicates to report after it.
type write struct {
	dossier.Batch
	dups []Event
	// flushed, when set, is closed once everything before is written
	flushed chan struct{}
}

// maxCountedLines bounds the line recurrence counts a run keeps in memory
// (a few hundred bytes a line): past it the writer is let finish, the
// counts are dropped, and lines seen again are counted from the store,
// which has the same counts. A variable for the tests.
var maxCountedLines = 500_000

// dropCounts waits until everything processed is written, then drops the
// in-memory line counts: the store answers for them from then on.
func (r *runner) dropCounts() {
	done := make(chan struct{})
	r.batches <- batch{flushed: done}
	<-done
	r.counter = clean.NewCounter()
	r.gen.Add(1)
}

// rekey loads from the store the documents of every line of a chunk keyed
// before the counts were dropped (its known lines were only those new at
// the time).
func (r *runner) rekey(ctx context.Context, c *chunk) error {
	var all []dossier.LineKey
	for _, ks := range c.lineKeys {
		for _, k := range ks {
			all = append(all, dossier.LineKey(k))
		}
	}
	c.gen = r.gen.Load()
	if len(all) == 0 {
		return nil
	}
	var err error
	c.known, err = r.p.store.LineDocs(ctx, all)
	return err
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
	gen      uint32                               // runner.gen when keyed
	// furniture spans of each document (site "" when not learned) and the
	// stored state of the sites met for the first time
	sites     []string
	spanDocs  []uint64
	spanDays  []int32
	spanKeys  [][]uint64
	spanState map[string][]byte
	dups      []Event // documents already stored, left out of docs
	err       error
}

// keys computes the chunk's line keys and looks up, in the store, the
// documents it has seen the lines never looked up before in. It runs in
// the reading goroutine, which owns r.loaded.
func (r *runner) keys(ctx context.Context, c *chunk) error {
	if err := r.knownInputs(ctx, c); err != nil {
		return err
	}
	if g := r.gen.Load(); g != r.loadedGen {
		clear(r.loaded)
		r.loadedGen = g
	}
	c.gen = r.loadedGen
	c.docKeys = make([]uint64, len(c.docs))
	c.lineKeys = make([][]uint64, len(c.docs))
	c.sites = make([]string, len(c.docs))
	c.spanDocs = make([]uint64, len(c.docs))
	c.spanDays = make([]int32, len(c.docs))
	c.spanKeys = make([][]uint64, len(c.docs))
	var fresh []dossier.LineKey
	var newSites []string
	r.reloadMu.Lock()
	for _, site := range r.reload {
		delete(r.spanSites, site)
	}
	r.reload = r.reload[:0]
	r.reloadMu.Unlock()
	for i, d := range c.docs {
		c.docKeys[i], c.lineKeys[i] = clean.Keys(d)
		for _, k := range c.lineKeys[i] {
			if !r.loaded[k] {
				r.loaded[k] = true
				fresh = append(fresh, dossier.LineKey(k))
			}
		}
		if c.sites[i] = clean.SpanSite(d); c.sites[i] != "" {
			c.spanDocs[i], c.spanKeys[i] = clean.SpanKeys(d)
			c.spanDays[i] = clean.SpanDay(d)
			if !r.spanSites[c.sites[i]] {
				r.spanSites[c.sites[i]] = true
				newSites = append(newSites, c.sites[i])
			}
		}
	}
	if r.emit != nil {
		return nil
	}
	var err error
	if len(newSites) > 0 {
		if c.spanState, err = r.p.store.Furniture(ctx, newSites); err != nil {
			return err
		}
	}
	if len(fresh) == 0 {
		return nil
	}
	c.known, err = r.p.store.LineDocs(ctx, fresh)
	return err
}

// siteSpans is the furniture state of one site in memory, and the chunk
// it was last used in.
type siteSpans struct {
	*clean.SiteSpans
	used int
}

// maxSitesInMemory bounds the sites whose furniture state is held
// decoded: past it the least recently used are parked, encoded (about a
// tenth of the memory), until a page of theirs comes again.
var maxSitesInMemory = 32 // a variable for the tests

// maxParked bounds the bytes of parked states: past it the least recently
// used are dropped and read again from the store, which has them (their
// last batch may still be on its way: a few chunks of learning can be
// lost for such a site).
var maxParked = 64 << 20

type parkedSite struct {
	state []byte
	used  int
}

// learnSpans adds the chunk's spans to their sites' state, and returns
// each document's state (nil when its site is not known).
func (r *runner) learnSpans(c chunk) []*clean.SiteSpans {
	r.chunks++
	out := make([]*clean.SiteSpans, len(c.docs))
	for i, site := range c.sites {
		if site == "" {
			continue
		}
		st := r.sites[site]
		if st == nil {
			p, ok := r.parked[site]
			b := p.state
			if !ok {
				b, ok = c.spanState[site]
			}
			var ss *clean.SiteSpans
			if ok {
				ss, _ = clean.UnmarshalSiteSpans(b) // a state that does not decode is learned again
			}
			if ss == nil {
				ss = clean.NewSiteSpans()
			}
			r.parkedLen -= len(p.state)
			delete(r.parked, site)
			st = &siteSpans{SiteSpans: ss}
			r.sites[site] = st
		}
		st.used = r.chunks
		st.Add(c.spanDocs[i], c.spanDays[i], c.spanKeys[i])
		out[i] = st.SiteSpans
	}
	return out
}

// touched encodes the state of the sites of this chunk, for the store,
// then parks the least recently used sites past maxSitesInMemory.
func (r *runner) touched() map[string][]byte {
	out := map[string][]byte{}
	for site, st := range r.sites {
		if st.used == r.chunks {
			out[site] = st.Marshal()
		}
	}
	for len(r.sites) > maxSitesInMemory {
		oldest := ""
		for site, st := range r.sites {
			if oldest == "" || st.used < r.sites[oldest].used || st.used == r.sites[oldest].used && site < oldest {
				oldest = site
			}
		}
		if r.sites[oldest].used == r.chunks {
			break // all in use by this chunk
		}
		b := r.sites[oldest].MarshalAll() // taken back as it was
		r.parked[oldest] = parkedSite{b, r.sites[oldest].used}
		r.parkedLen += len(b)
		delete(r.sites, oldest)
	}
	var dropped []string
	for r.parkedLen > maxParked {
		oldest := ""
		for site, p := range r.parked {
			if oldest == "" || p.used < r.parked[oldest].used || p.used == r.parked[oldest].used && site < oldest {
				oldest = site
			}
		}
		r.parkedLen -= len(r.parked[oldest].state)
		delete(r.parked, oldest)
		dropped = append(dropped, oldest)
	}
	if len(dropped) > 0 {
		r.reloadMu.Lock()
		r.reload = append(r.reload, dropped...)
		r.reloadMu.Unlock()
	}
	return out
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
	// inputs whose article was an exact copy of one stored: no article
	// has their id, the sighting remembers it
	ids := make([]string, len(c.docs))
	var ask []string
	for i, d := range c.docs {
		ids[i] = InputID(d)
		if k, err := strconv.ParseUint(ids[i], 16, 64); err == nil {
			r.inflightMu.Lock()
			inflight := r.inflight[k]
			r.inflightMu.Unlock()
			if !inflight {
				ask = append(ask, ids[i])
			}
		}
	}
	var sighted map[string]string
	if len(ask) > 0 {
		var err error
		if sighted, err = r.p.store.Sighted(ctx, ask); err != nil {
			return err
		}
	}
	kept := c.docs[:0]
	for i, d := range c.docs {
		id := ids[i]
		k, err := strconv.ParseUint(id, 16, 64)
		if err != nil {
			kept = append(kept, d)
			continue
		}
		r.inflightMu.Lock()
		dup := r.inflight[k]
		r.inflightMu.Unlock()
		shown := id
		if !dup {
			if orig, ok := sighted[id]; ok {
				dup, shown = true, orig
			} else {
				// not in flight: not read yet, or written (the writer lets go
				// of an id after its commit), which the store answers
				switch a, err := r.p.store.Article(ctx, id); {
				case err == nil:
					dup = a.ID == id
				case !errors.Is(err, dossier.ErrNotFound):
					return err
				}
			}
		}
		if !dup {
			r.inflightMu.Lock()
			r.inflight[k] = true
			r.inflightMu.Unlock()
		}
		if dup {
			c.dups = append(c.dups, Event{Input: d.Input, ID: shown, Title: d.Title, Dup: true})
			continue
		}
		kept = append(kept, d)
	}
	c.docs = kept
	return nil
}

// gluedSites and gluedForms bound the run's memory of glued words: two
// other sites are evidence enough, and past gluedForms words new ones
// are not remembered.
const (
	gluedSites = 3
	gluedForms = 200_000
)

// sawGlued records the glued words of d under its site (its Site, else
// its URL's host) and returns the site; a document of no known site is
// no evidence.
func (r *runner) sawGlued(d extract.Doc) string {
	site := strings.ToLower(strings.TrimSpace(d.Site))
	if site == "" {
		if u, err := url.Parse(d.URL); err == nil {
			site = strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.")
		}
	}
	if site == "" {
		return ""
	}
	for _, w := range clean.GluedForms(d.Lines) {
		ss, ok := r.glued[w]
		if !ok && len(r.glued) >= gluedForms || len(ss) >= gluedSites || slices.Contains(ss, site) {
			continue
		}
		r.glued[w] = append(ss, site)
	}
	return site
}

// gluedElsewhere is cleaning's corpus evidence for a document of site:
// how many other sites the run has read writing a word glued.
func (r *runner) gluedElsewhere(site string) func(string) int {
	return func(w string) int {
		n := 0
		for _, s := range r.glued[w] {
			if s != site {
				n++
			}
		}
		return n
	}
}

// landed lets go of the ids of articles written or failed: the store
// knows the first, and the second are read again as a new run would.
func (r *runner) landed(arts []*dossier.Article) {
	r.inflightMu.Lock()
	defer r.inflightMu.Unlock()
	for _, a := range arts {
		if k, err := strconv.ParseUint(a.ID, 16, 64); err == nil {
			delete(r.inflight, k)
		}
	}
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
	spans := r.learnSpans(c)
	sites := make([]string, len(docs))
	for i, d := range docs {
		sites[i] = r.sawGlued(d)
	}
	arts := make([]*dossier.Article, len(docs))
	profiles := make([]dedupe.Profile, len(docs))
	deferred := r.deferred && r.emit == nil
	r.parallel(len(docs), func(i int) {
		opt := clean.Options{Recurring: r.counter.Others(docKeys[i]), GluedElsewhere: r.gluedElsewhere(sites[i])}
		if spans[i] != nil && spanLearning {
			opt.RecurringSpan = spans[i].Recurring(c.spanDocs[i], c.spanDays[i])
		}
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
	if r.emit == nil {
		b.spans = r.touched()
	}
	for i, a := range arts {
		if a.Text == "" {
			r.landed([]*dossier.Article{a})
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
	if r.emit != nil || len(b.arts)+len(b.dups)+len(b.spans) == 0 {
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
		if b.flushed != nil {
			if err != nil {
				close(b.flushed)
			} else {
				writes <- write{flushed: b.flushed}
			}
			continue
		}
		if err != nil {
			continue // drain
		}
		var w dossier.Batch
		if w, err = r.rel.Relate(b.arts, b.profiles, b.analysed); err == nil {
			w.Lines = b.lines
			w.Furniture = b.spans
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
		if len(b.Articles)+len(b.Analysed)+len(b.Lines)+len(b.Profiles)+len(b.Postings)+len(b.StoryProfiles)+len(b.Furniture) > 0 {
			res, err = r.p.store.Write(ctx, b)
		}
		if err != nil {
			drain(writes)
			return err
		}
		r.landed(b.Articles)
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

// spanLearning turns furniture span learning on; the labelled set's test
// turns it off to show the set needs it.
var spanLearning = true
