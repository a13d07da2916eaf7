package ingest

import (
	"context"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"math"
	"runtime"
	"sort"
	"strconv"
	"sync"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dates"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/dossier-news/dossier/internal/story"
	"github.com/zeebo/xxh3"
)

// Relater finds, in memory, the copies of articles as they arrive and the
// stories they belong to. Ingest runs one ahead of the store's writer;
// the bench times it alone. It is not safe for concurrent use.
type Relater struct {
	det *dedupe.Detector
	clu *story.Clusterer
	// exact maps the hash of each known article's signature to its id: an
	// article with the clean text of a known one (another input of the
	// same text) is not related, the store records it as a sighting
	exact map[uint64]string
	dfSeq int // key of the next saved frequency increment
	// series of figures; the dates of related articles (stated, or
	// estimated) and the original each copy goes back to
	ser      *series.Index
	dates    map[string]string
	copyRoot map[string]string
}

// NewRelater returns an empty relater; zero params mean the defaults.
func NewRelater(params story.Params) *Relater {
	if params.Threshold <= 0 {
		params = story.DefaultParams
	}
	return &Relater{
		det:   dedupe.NewDetector(dedupe.DefaultThresholds),
		clu:   story.New(params, func(d story.Doc) string { return "s" + d.ID[:min(10, len(d.ID))] }),
		exact: map[uint64]string{},
		ser:   series.NewIndex(), dates: map[string]string{}, copyRoot: map[string]string{},
	}
}

// Stories is the number of stories so far.
func (r *Relater) Stories() int { return len(r.clu.Stories()) }

// loadState restores copy detection and story clustering from the store.
func (r *runner) loadState(ctx context.Context) error {
	r.rel = NewRelater(r.p.opt.Story)
	if r.deferred {
		return nil // nothing is related: the saved state is not needed
	}
	return r.rel.Load(ctx, r.p.store)
}

// decodeAll decodes values on all cores: a large store holds a profile
// for every article, and decoding them is most of loading.
func decodeAll[T any](values map[string][]byte, decode func([]byte) (T, error)) ([]T, error) {
	keys := make([]string, 0, len(values))
	for k := range values {
		keys = append(keys, k)
	}
	out := make([]T, len(keys))
	errs := make([]error, len(keys))
	var wg sync.WaitGroup
	workers := runtime.GOMAXPROCS(0)
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := w; i < len(keys); i += workers {
				var err error
				if out[i], err = decode(values[keys[i]]); err != nil {
					errs[i] = fmt.Errorf("%s: %w", keys[i], err)
				}
			}
		}()
	}
	wg.Wait()
	return out, errors.Join(errs...)
}

// Load restores the relater from what the store saved, compacting the
// saved term frequencies when they have piled up.
func (r *Relater) Load(ctx context.Context, store dossier.Store) error {
	profiles, err := store.LoadState(ctx, "profile")
	if err != nil {
		return err
	}
	ps, err := decodeAll(profiles, dedupe.DecodeProfile)
	if err != nil {
		return fmt.Errorf("load profile %w", err)
	}
	// Candidate lists keep their latest entries: restore them oldest
	// first, so that "latest" still means recent after a reload.
	sort.Slice(ps, func(i, j int) bool {
		if ps[i].Date != ps[j].Date {
			return ps[i].Date < ps[j].Date
		}
		return ps[i].ID < ps[j].ID
	})
	r.det.Grow(len(ps))
	for _, p := range ps {
		r.det.Load(p)
		r.exact[sigKey(p.Sig)] = p.ID
		if p.Date != "" {
			r.dates[p.ID] = p.Date
		}
	}
	if err := r.loadSeries(ctx, store); err != nil {
		return err
	}
	stories, err := store.LoadState(ctx, "story")
	if err != nil {
		return err
	}
	var states []*story.State
	for k, v := range stories {
		var s story.State
		if err := json.Unmarshal(v, &s); err != nil {
			return fmt.Errorf("load story %s: %w", k, err)
		}
		states = append(states, &s)
	}
	sort.Slice(states, func(i, j int) bool {
		if states[i].Last != states[j].Last {
			return states[i].Last < states[j].Last
		}
		return states[i].ID < states[j].ID
	})
	r.clu.Load(states, nil, 0)
	return r.loadFrequencies(ctx, store)
}

// Term frequencies are saved as increments, one row a chunk (kind
// "dfdelta", keys in order), not as a row a term: a chunk of real articles
// changes thousands of terms (measured: 1.5 s of 13 s writing 10,000
// articles a row a term). Loading adds the increments up; past maxDeltas
// of them they are compacted into one.
const maxDeltas = 64

type dfDelta struct {
	Docs int            `json:"docs"`
	DF   map[string]int `json:"df"`
}

func deltaKey(seq int) string { return fmt.Sprintf("%012d", seq) }

// loadFrequencies restores the term frequencies, from increments and from
// the row-a-term form that stores made before increments hold ("df").
func (r *Relater) loadFrequencies(ctx context.Context, store dossier.Store) error {
	legacy, err := store.LoadState(ctx, "df")
	if err != nil {
		return err
	}
	df, docs := map[string]int{}, 0
	for k, v := range legacy {
		n, _ := strconv.Atoi(string(v))
		if k == "\x00docs" {
			docs = n
			continue
		}
		df[k] = n
	}
	r.clu.Load(nil, df, docs)
	deltas, err := store.LoadState(ctx, "dfdelta")
	if err != nil {
		return err
	}
	for k, v := range deltas {
		var d dfDelta
		if err := json.Unmarshal(v, &d); err != nil {
			return fmt.Errorf("load frequencies %s: %w", k, err)
		}
		r.clu.Load(nil, d.DF, d.Docs)
		if n, _ := strconv.Atoi(k); n >= r.dfSeq {
			r.dfSeq = n + 1
		}
	}
	if len(deltas) <= maxDeltas && len(legacy) == 0 {
		return nil
	}
	// compact: one row with everything, the others deleted, in one commit
	all, n := r.clu.Frequencies()
	b, err := json.Marshal(dfDelta{Docs: n, DF: all})
	if err != nil {
		return err
	}
	state := map[string]map[string][]byte{"dfdelta": {deltaKey(r.dfSeq): b}, "df": {}}
	for k := range deltas {
		state["dfdelta"][k] = nil
	}
	for k := range legacy {
		state["df"][k] = nil
	}
	r.dfSeq++
	_, err = store.Write(ctx, dossier.Batch{State: state})
	return err
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
	saved := map[string][]byte{}
	for i, a := range arts {
		if a.Deferred || r.det.Has(a.ID) {
			continue
		}
		p := profiles[i]
		k := sigKey(p.Sig)
		if _, ok := r.exact[k]; ok {
			continue
		}
		r.exact[k] = a.ID
		found := r.det.Add(p)
		w.Copies = append(w.Copies, found...)
		d := story.Doc{ID: a.ID, Title: a.Title, Text: a.Text, Lang: a.Lang, Date: a.Date}
		for _, m := range a.Mentions {
			d.Entities = append(d.Entities, m.Entity)
		}
		for _, n := range p.Numbers {
			if n >= 10 { // small numbers are everywhere
				d.Figures = append(d.Figures, strconv.FormatFloat(n, 'f', -1, 64))
			}
		}
		// a copy belongs to its original's story
		id, score := "", 1.0
		for _, l := range found {
			if l.Relation != dossier.RelCites {
				if sid := r.det.StoryOf(l.Original); sid != "" && r.clu.Join(d, sid) {
					id = sid
					break
				}
			}
		}
		if id == "" {
			id, score, _ = r.clu.Assign(d)
		}
		r.det.SetStory(a.ID, id)
		p.Story = id
		w.Dates = append(w.Dates, r.addSeries(a, id, found)...)
		pb, err := p.MarshalBinary()
		if err != nil {
			return w, err
		}
		saved[a.ID] = pb
		st, _ := r.clu.Story(id)
		w.Stories = append(w.Stories, dossier.StoryAssignment{Article: a.ID, Story: id, Title: st.Title, Score: math.Round(score*1000) / 1000})
	}
	if len(saved) == 0 {
		return w, nil // nothing related: the state is unchanged
	}
	df, docs, touched := r.clu.TakeDirty()
	delta, err := json.Marshal(dfDelta{Docs: docs, DF: df})
	if err != nil {
		return w, err
	}
	key := deltaKey(r.dfSeq)
	r.dfSeq++
	storyState := map[string][]byte{}
	for _, s := range touched {
		sb, err := json.Marshal(s)
		if err != nil {
			return w, err
		}
		storyState[s.ID] = sb
	}
	w.State = map[string]map[string][]byte{"profile": saved, "dfdelta": {key: delta}, "story": storyState}
	w.Series = r.ser.Take()
	return w, nil
}

// loadSeries restores the figure series from the store.
func (r *Relater) loadSeries(ctx context.Context, store dossier.Store) error {
	all, err := store.Series(ctx, dossier.SeriesFilter{WithClaims: true})
	if err != nil {
		return err
	}
	for _, s := range all {
		r.ser.Load(s)
		for _, c := range s.Claims {
			if c.CopyOf != "" {
				r.copyRoot[c.Article] = c.CopyOf
			}
			if c.Date != "" && !c.DateEstimated && r.dates[c.Article] == "" {
				r.dates[c.Article] = c.Date
			}
		}
	}
	return nil
}

// addSeries puts an article's claims in their series, with its date
// estimated when it has none, and returns the estimate to store.
func (r *Relater) addSeries(a *dossier.Article, story string, found []dossier.CopyLink) []dossier.DateEstimate {
	var related []dates.Related
	var stored []dossier.CopyLink
	for _, l := range found {
		if !r.det.Has(l.Original) {
			continue // an outside original ("cites Bloomberg") is no article to fold under
		}
		stored = append(stored, l)
		if d := r.dates[l.Original]; d != "" {
			related = append(related, dates.Related{Date: d, After: true, Why: string(l.Relation) + " " + l.Original})
		}
	}
	root := ""
	if l, ok := bestOriginal(stored); ok {
		root = l.Original
		if rr := r.copyRoot[l.Original]; rr != "" {
			root = rr
		}
	}
	if root != "" {
		r.copyRoot[a.ID] = root
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
	if a.Date != "" { // stated dates only: an estimate does not date another
		r.dates[a.ID] = a.Date
	}
	r.ser.Add(d)
	return out
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
