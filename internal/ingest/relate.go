package ingest

import (
	"context"
	"encoding/binary"
	"math"
	"strconv"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dates"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/dossier-news/dossier/internal/story"
	"github.com/zeebo/xxh3"
)

// Relater finds the copies of articles as they arrive and the stories and
// series they belong to. Ingest runs one ahead of the store's writer; the
// bench times it alone. It is not safe for concurrent use.
//
// What it knows of earlier articles is a working set read by key from the
// store (State) as each batch needs it: the candidate lists, copy
// profiles, stories, term counts and series of the batch's articles. The
// working set is emptied (Reset) when it grows past its bounds, once the
// writer has committed all that was related, so memory does not grow with
// the store and a process starts without loading anything.
type Relater struct {
	det *dedupe.Detector
	clu *story.Clusterer
	ser *series.Index
	// exact maps the hash of each known article's signature to its id
	// ("" for a hash looked up and not found): an article with the clean
	// text of a known one (another input of the same text) is not
	// related, the store records it as a sighting
	exact map[uint64]string
	state State // nil: everything is in memory
	ctx   context.Context
	err   error // of a read by key the clusterer asked for
	// bounds of the working set (see Big)
	MaxProfiles, MaxStories, MaxClaims int
}

// State is the relating state a store keeps.
type State interface {
	dossier.CopyState
	dossier.StoryState
	dossier.SeriesState
}

// Default bounds of the working set: some 300 MB at most (a profile is
// about 1.5 KB in memory, a story some 20 KB).
const (
	maxProfiles = 100_000
	maxStories  = 5_000
	maxClaims   = 200_000
)

// NewRelater returns an empty relater holding everything in memory; zero
// params mean the defaults.
func NewRelater(params story.Params) *Relater {
	if params.Threshold <= 0 {
		params = story.DefaultParams
	}
	return &Relater{
		det:         dedupe.NewDetector(dedupe.DefaultThresholds),
		clu:         story.New(params, func(d story.Doc) string { return "s" + d.ID[:min(10, len(d.ID))] }),
		exact:       map[uint64]string{},
		ser:         series.NewIndex(),
		ctx:         context.Background(),
		MaxProfiles: maxProfiles, MaxStories: maxStories, MaxClaims: maxClaims,
	}
}

// NewStateRelater returns a relater that reads what it needs from st.
func NewStateRelater(ctx context.Context, params story.Params, st State) *Relater {
	r := NewRelater(params)
	r.state, r.ctx = st, ctx
	r.clu.SetSource(storySource{r})
	return r
}

// Stories is the number of stories in memory.
func (r *Relater) Stories() int { return r.clu.Len() }

// Big tells whether the working set is past its bounds: the caller lets
// the writer commit what was related, then calls Reset. A relater without
// a state is never big (it would forget).
func (r *Relater) Big() bool {
	return r.state != nil && (r.det.Len() > r.MaxProfiles || r.clu.Len() > r.MaxStories || r.ser.Claims() > r.MaxClaims || len(r.exact) > 4*r.MaxProfiles)
}

// Reset empties the working set. Everything related must be committed.
func (r *Relater) Reset() {
	r.det.Reset()
	r.clu.Reset()
	r.ser.Reset()
	r.exact = map[uint64]string{}
}

// loadState makes the relater of a run: nothing is read before a batch
// needs it.
func (r *runner) loadState(ctx context.Context) error {
	if r.deferred {
		r.rel = NewRelater(r.p.opt.Story) // nothing is related
		return nil
	}
	if ls, ok := r.p.store.(legacyState); ok {
		if err := upgradeState(ctx, r.p.store, ls); err != nil {
			return err
		}
	}
	r.rel = NewStateRelater(ctx, r.p.opt.Story, r.p.store)
	if r.p.opt.StateLimit > 0 {
		r.rel.MaxProfiles, r.rel.MaxStories, r.rel.MaxClaims = r.p.opt.StateLimit, r.p.opt.StateLimit, r.p.opt.StateLimit
	}
	return nil
}

// Relate finds the copies of new articles (with their profiles, in the
// same order) and their stories, and returns the batch to write: the
// articles (as Analysed when analysed is true) with what relating found
// and the state the next run starts from. An article already related, or
// deferred, is left alone: the store records a duplicate as a sighting.
func (r *Relater) Relate(arts []*dossier.Article, profiles []dedupe.Profile, analysed bool) (dossier.Batch, error) {
	w := dossier.Batch{Articles: arts}
	if analysed {
		w = dossier.Batch{Analysed: arts}
	}
	docs := make([]story.Doc, len(arts))
	for i, a := range arts {
		docs[i] = storyDoc(a, profiles[i])
	}
	if err := r.prefetch(arts, profiles, docs, analysed); err != nil {
		return w, err
	}
	for i, a := range arts {
		if a.Deferred {
			continue
		}
		if _, known := r.det.Profile(a.ID); known {
			continue
		}
		p := profiles[i]
		k := sigKey(p.Sig)
		if r.exact[k] != "" {
			continue
		}
		r.exact[k] = a.ID
		found := r.det.Add(p)
		w.Copies = append(w.Copies, found...)
		d := docs[i]
		// a copy belongs to its original's story
		id, score := "", 1.0
		for _, l := range found {
			if l.Relation != dossier.RelCites {
				if o, ok := r.det.Profile(l.Original); ok && o.Story != "" && r.clu.Join(d, o.Story) {
					id = o.Story
					break
				}
			}
		}
		if id == "" {
			id, score, _ = r.clu.Assign(d)
		}
		if r.err != nil {
			return w, r.err
		}
		stored, _ := r.det.Profile(a.ID)
		stored.Story = id
		var est []dossier.DateEstimate
		est, stored.Root = r.addSeries(a, id, found)
		w.Dates = append(w.Dates, est...)
		pb, err := stored.MarshalBinary()
		if err != nil {
			return w, err
		}
		w.Profiles = append(w.Profiles, dossier.CopyProfile{Article: a.ID, Signature: k, Data: pb})
		st, _ := r.clu.Story(id)
		w.Stories = append(w.Stories, dossier.StoryAssignment{Article: a.ID, Story: id, Title: st.Title, Score: math.Round(score*1000) / 1000})
	}
	if len(w.Profiles) == 0 {
		return w, nil // nothing related: the state is unchanged
	}
	df, n, touched := r.clu.TakeDirty()
	w.Terms = dossier.TermCounts{Docs: n, DF: df}
	for _, s := range touched {
		sb, err := s.Encode()
		if err != nil {
			return w, err
		}
		w.StoryProfiles = append(w.StoryProfiles, dossier.StoryProfile{Story: s.ID, Data: sb})
	}
	w.Postings = append(r.det.TakePostings(), r.clu.TakePostings()...)
	w.Series = r.ser.Take()
	return w, nil
}

// storyDoc is what clustering needs of an article.
func storyDoc(a *dossier.Article, p dedupe.Profile) story.Doc {
	d := story.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Lang: a.Lang, Date: a.Date}
	for _, m := range a.Mentions {
		d.Entities = append(d.Entities, m.Entity)
	}
	for _, n := range p.Numbers {
		if n >= 10 { // small numbers are everywhere
			d.Figures = append(d.Figures, strconv.FormatFloat(n, 'f', -1, 64))
		}
	}
	return d
}

// addSeries puts an article's claims in their series, with its date
// estimated when it has none, and returns the estimate to store.
func (r *Relater) addSeries(a *dossier.Article, story string, found []dossier.CopyLink) ([]dossier.DateEstimate, string) {
	var related []dates.Related
	var stored []dossier.CopyLink
	for _, l := range found {
		o, ok := r.det.Profile(l.Original)
		if !ok {
			continue // an outside original ("cites Bloomberg") is no article to fold under
		}
		stored = append(stored, l)
		if o.Date != "" { // stated dates only: an estimate does not date another
			related = append(related, dates.Related{Date: o.Date, After: true, Why: string(l.Relation) + " " + l.Original})
		}
	}
	root := ""
	if l, ok := bestOriginal(stored); ok {
		root = l.Original
		if o, _ := r.det.Profile(l.Original); o.Root != "" {
			root = o.Root
		}
	}
	d := series.Doc{Article: a, Story: story, Date: a.Date, CopyOf: root}
	var out []dossier.DateEstimate
	if a.Date == "" {
		related = append(related, r.ser.Reports(d)...)
		if e, ok := dates.Guess(a.Title, a.Text, a.Lang, related, readAt(a)); ok {
			a.DateEstimated, a.DateLow, a.DateHigh, a.DateReason = true, e.Low, e.High, e.Reason
			d.Date, d.DateEstimated = e.Date(), true
			out = append(out, dossier.DateEstimate{Article: a.ID, Low: e.Low, High: e.High, Reason: e.Reason})
		}
	}
	r.ser.Add(d)
	return out, root
}

// readAt is when the article was read: it was published before.
func readAt(a *dossier.Article) time.Time {
	if !a.IngestedAt.IsZero() {
		return a.IngestedAt
	}
	return time.Now().UTC()
}

// sigKey hashes a MinHash signature: equal clean texts have equal ones.
func sigKey(s dedupe.Signature) uint64 {
	b := make([]byte, 0, 8*len(s))
	for _, v := range s {
		b = binary.LittleEndian.AppendUint64(b, v)
	}
	return xxh3.Hash(b)
}
