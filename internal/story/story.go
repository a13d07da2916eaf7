// Package story groups articles into stories as they arrive, in the manner
// of Miranda et al. 2018 (Multilingual Clustering of Streaming News): each
// new article joins the best-matching story or starts a new one. The match
// combines TF-IDF similarity of title and body, shared entities, shared
// figures, and closeness in time (a decay over days). Entities and figures
// survive translation, so French and English articles on the same events
// meet in one story.
package story

import (
	"maps"
	"math"
	"sort"
	"strings"
	"time"
	"unicode"

	"github.com/dossier-news/dossier"
)

// Doc is what clustering needs of an article.
type Doc struct {
	ID       string
	Title    string
	Text     string
	Lang     string
	Date     string   // ISO date, possibly partial or empty
	Entities []string // entity ids mentioned (repeats count)
	Figures  []string // figure keys: "soldier|10000"
}

// Params weigh the evidence; see docs/DESIGN.md for how they were measured.
type Params struct {
	Threshold  float64 // join a story at this score or above
	WText      float64 // TF-IDF cosine
	WEntities  float64 // shared entities
	WFigures   float64 // shared figures
	DecayDays  float64 // time decay constant
	MaxTerms   int     // terms kept in a story centroid
	WindowDays float64 // stories idle longer than this are not candidates
}

// DefaultParams are the measured defaults.
var DefaultParams = Params{Threshold: 0.35, WText: 0.5, WEntities: 0.4, WFigures: 0.3, DecayDays: 10, MaxTerms: 200, WindowDays: 45}

// State is a story's summary, kept between runs.
type State struct {
	ID       string             `json:"id"`
	Title    string             `json:"title"`
	N        int                `json:"n"`
	Terms    map[string]float64 `json:"terms"`    // summed TF-IDF weights
	Entities map[string]float64 `json:"entities"` // mention counts
	Figures  map[string]float64 `json:"figures"`  // articles stating each figure
	Last     string             `json:"last"`     // latest article date
	First    string             `json:"first"`

	norm float64 // of Terms, computed on first use after a change: a story is scored far more often than it changes
}

// termsNorm returns the Euclidean norm of s.Terms.
func (s *State) termsNorm() float64 {
	if s.norm == 0 {
		var sum float64
		for _, w := range s.Terms {
			sum += w * w
		}
		s.norm = math.Sqrt(sum)
	}
	return s.norm
}

// Clusterer assigns documents to stories. It is not safe for concurrent use.
type Clusterer struct {
	P       Params
	stories []*State
	byID    map[string]*State
	df      map[string]int // document frequency of terms
	docs    int
	byEnt   map[string][]*State
	byTerm  map[string][]*State // stories by the most distinctive terms of their articles
	nextID  func(d Doc) string
	added   map[string]int  // document frequencies added since TakeDirty
	addedN  int             // documents added since TakeDirty
	touched map[string]bool // stories changed since TakeDirty
	// src fills the clusterer with the state it lacks (see Source); nil
	// when everything is in memory. posted are the candidate lists'
	// entries filed since TakePostings.
	src    Source
	posted []dossier.Posting
	// with a source: whether the document count was read, and the
	// latest stories (read once, then those touched), oldest first
	docsKnown, recentLoaded bool
	recentIDs               []string
}

// New returns a Clusterer; nextID names new stories (from their first article).
func New(p Params, nextID func(Doc) string) *Clusterer {
	return &Clusterer{P: p, byID: map[string]*State{}, df: map[string]int{}, byEnt: map[string][]*State{}, byTerm: map[string][]*State{}, nextID: nextID,
		added: map[string]int{}, touched: map[string]bool{}}
}

// Load restores stories and term frequencies saved from earlier runs.
// Frequencies add up: Load may be called with each saved increment.
func (c *Clusterer) Load(states []*State, df map[string]int, docs int) {
	for t, n := range df {
		c.df[t] += n
	}
	c.docs += docs
	for _, s := range states {
		c.add(s)
	}
}

func (c *Clusterer) add(s *State) {
	c.stories = append(c.stories, s)
	c.byID[s.ID] = s
	for e := range s.Entities {
		c.fileEntity(e, s)
	}
	c.indexTerms(s, heaviest(s.Terms, keyTerms))
}

// keyTerms is how many of an article's heaviest terms index its story.
const keyTerms = 10

// indexTerms files s under the heaviest terms of v. Entities alone find
// the right story only while the stories sharing an entity are few or
// the right one is among the latest; with articles arriving out of date
// order, and actors common to hundreds of stories, its distinctive words
// (a place, a name the gazetteer lacks) still find it.
func (c *Clusterer) indexTerms(s *State, terms []string) {
	for _, t := range terms {
		if l := c.byTerm[t]; len(l) == 0 || l[len(l)-1] != s {
			c.byTerm[t] = trimList(append(l, s))
			c.posted = append(c.posted, dossier.Posting{Key: TermKey(t), ID: s.ID})
		}
	}
}

// heaviest returns the n terms of v with the largest weights.
func heaviest(v map[string]float64, n int) []string {
	type tw struct {
		t string
		w float64
	}
	before := func(a, b tw) bool { return a.w > b.w || a.w == b.w && a.t < b.t }
	if n*8 >= len(v) { // a sort is as cheap
		all := make([]tw, 0, len(v))
		for t, w := range v {
			all = append(all, tw{t, w})
		}
		sort.Slice(all, func(i, j int) bool { return before(all[i], all[j]) })
		out := make([]string, 0, n)
		for _, x := range all[:min(n, len(all))] {
			out = append(out, x.t)
		}
		return out
	}
	// a few of many: keep the best n seen so far, in order
	best := make([]tw, 0, n+1)
	for t, w := range v {
		x := tw{t, w}
		if len(best) == n && !before(x, best[n-1]) {
			continue
		}
		i := sort.Search(len(best), func(i int) bool { return before(x, best[i]) })
		best = append(best, tw{})
		copy(best[i+1:], best[i:])
		best[i] = x
		if len(best) > n {
			best = best[:n]
		}
	}
	out := make([]string, len(best))
	for i, x := range best {
		out[i] = x.t
	}
	return out
}

// stop: function words of French and English, not evidence of a topic.
var stop = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`le la les de des du un une et est dans pour que qui sur au aux avec pas par plus ont été sont selon
	cette ses leur mais entre aussi elle il ils nous ne se sa son ces où a à en l d qu n s c y the and of to in is was were that for on
	with as by at from have has had said which their its this be been are not but they he she would will an it or after over than more
	also about into who could can may up out two three new one year years time there all some other what when what were`) {
		stop[w] = true
	}
}

// terms are the lower-case words of title (counted twice) and text.
func terms(d Doc) map[string]float64 {
	tf := map[string]float64{}
	count := func(s string, w float64) {
		for _, t := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
			if len(t) < 3 || stop[t] {
				continue
			}
			tf[t] += w
		}
	}
	count(d.Title, 2)
	count(d.Text, 1)
	return tf
}

// vector weighs terms by TF-IDF and normalises.
func (c *Clusterer) vector(tf map[string]float64) map[string]float64 {
	v := make(map[string]float64, len(tf))
	var norm float64
	for t, f := range tf {
		idf := math.Log(float64(c.docs+1)/float64(c.df[t]+1)) + 1 // smoothed: terms in every document still count a little
		w := (1 + math.Log(f)) * idf
		v[t] = w
		norm += w * w
	}
	norm = math.Sqrt(norm)
	if norm > 0 {
		for t := range v {
			v[t] /= norm
		}
	}
	return v
}

func cosine(v map[string]float64, s *State) float64 {
	norm := s.termsNorm()
	if norm == 0 {
		return 0
	}
	var dot float64
	for t, w := range v {
		dot += w * s.Terms[t]
	}
	return dot / norm
}

// overlap: the share of the article's items the story has, each weighted
// by how often the article names it and how central it is to the story.
func overlap(items map[string]float64, story map[string]float64, n int) float64 {
	if len(items) == 0 || n == 0 {
		return 0
	}
	var s, total float64
	for it, k := range items {
		total += k
		if w := story[it]; w > 0 {
			s += k * math.Min(1, w/float64(n))
		}
	}
	return s / total
}

func parseDate(s string) (time.Time, bool) {
	for _, l := range []string{"2006-01-02", "2006-01", "2006"} {
		if len(s) >= len(l) {
			if t, err := time.Parse(l, s[:len(l)]); err == nil {
				return t, true
			}
		}
	}
	return time.Time{}, false
}

// Score is the match of a document with a story.
func (c *Clusterer) Score(v map[string]float64, ents, figs map[string]float64, date string, s *State) float64 {
	score := c.P.WText*cosine(v, s) + c.P.WEntities*overlap(ents, s.Entities, s.N) + c.P.WFigures*overlap(figs, s.Figures, s.N)
	if a, ok := parseDate(date); ok {
		if b, ok := parseDate(s.Last); ok {
			days := math.Abs(a.Sub(b).Hours()) / 24
			score *= math.Exp(-days / c.P.DecayDays)
		}
	}
	return score
}

// Join puts d in a known story (the story of the article it copies).
func (c *Clusterer) Join(d Doc, id string) bool {
	c.needStories([]string{id})
	s, ok := c.byID[id]
	if !ok {
		return false
	}
	v := c.count(d)
	key := heaviest(v, keyTerms)
	c.needLists(d.Entities, key)
	c.merge(s, d, v, key)
	return true
}

func (c *Clusterer) count(d Doc) map[string]float64 {
	tf := terms(d)
	c.needTerms(tf)
	c.docs++
	c.addedN++
	for t := range tf {
		c.df[t]++
		c.added[t]++
	}
	return c.vector(tf)
}

// Assign puts d in the best-matching story, or a new one, and returns the
// story id, the score of the match and whether the story is new.
func (c *Clusterer) Assign(d Doc) (string, float64, bool) {
	v := c.count(d)
	ents := map[string]float64{}
	for _, e := range d.Entities {
		ents[e]++
	}
	figs := map[string]float64{}
	for _, f := range d.Figures {
		figs[f] = 1
	}
	// candidates: stories sharing an entity (the latest of them: "France"
	// is in thousands of stories, the latest ones are those an article
	// can still join, and the bound keeps the cost of an article flat as
	// the corpus grows) or a key term, or the latest when the article
	// names no entity
	cands := map[*State]bool{}
	key := heaviest(v, keyTerms) // the article's most distinctive terms
	c.needLists(d.Entities, key)
	for e := range ents {
		ss := c.byEnt[e]
		if len(ss) > maxCandidates {
			ss = ss[len(ss)-maxCandidates:]
		}
		for _, s := range ss {
			cands[s] = true
		}
	}
	for _, t := range key {
		ss := c.byTerm[t]
		if len(ss) > maxCandidates {
			ss = ss[len(ss)-maxCandidates:]
		}
		for _, s := range ss {
			cands[s] = true
		}
	}
	if len(ents) == 0 {
		for _, s := range c.recent() {
			cands[s] = true
		}
	}
	var best *State
	bestScore := 0.0
	at, dated := parseDate(d.Date)
	for s := range cands {
		if dated {
			if last, ok := parseDate(s.Last); ok && math.Abs(at.Sub(last).Hours())/24 > c.P.WindowDays {
				continue
			}
		}
		if sc := c.Score(v, ents, figs, d.Date, s); sc > bestScore || sc == bestScore && best != nil && s.ID < best.ID {
			best, bestScore = s, sc
		}
	}
	created := false
	if best == nil || bestScore < c.P.Threshold {
		best = &State{ID: c.nextID(d), Title: d.Title, Terms: map[string]float64{}, Entities: map[string]float64{}, Figures: map[string]float64{}, First: d.Date, Last: d.Date}
		c.add(best)
		created = true
	}
	c.merge(best, d, v, key)
	return best.ID, bestScore, created
}

func (c *Clusterer) merge(s *State, d Doc, v map[string]float64, key []string) {
	c.touched[s.ID] = true
	if c.src != nil {
		c.recentIDs = append(c.recentIDs, s.ID)
	}
	s.N++
	s.norm = 0
	for t, w := range v {
		s.Terms[t] += w
	}
	if len(s.Terms) > c.P.MaxTerms {
		s.Terms = top(s.Terms, c.P.MaxTerms)
	}
	c.indexTerms(s, key)
	seen := map[string]bool{}
	for _, e := range d.Entities {
		if !seen[e] {
			seen[e] = true
			if s.Entities[e] == 0 {
				c.fileEntity(e, s)
			}
			s.Entities[e]++
		}
	}
	for _, f := range d.Figures {
		s.Figures[f]++
	}
	// a story's summary stays bounded: the most shared figures and
	// entities are its evidence (pruned in bulk, so the cost is amortised)
	if len(s.Figures) > 2*maxItems {
		s.Figures = top(s.Figures, maxItems)
	}
	if len(s.Entities) > 2*maxItems {
		s.Entities = top(s.Entities, maxItems)
	}
	if d.Date != "" && (s.Last == "" || d.Date > s.Last) {
		s.Last = d.Date
	}
	if d.Date != "" && (s.First == "" || d.Date < s.First) {
		s.First = d.Date
	}
	if s.Title == "" {
		s.Title = d.Title
	}
}

// Stories returns the states, for saving.
func (c *Clusterer) Stories() []*State { return c.stories }

// Story returns one state.
func (c *Clusterer) Story(id string) (*State, bool) {
	s, ok := c.byID[id]
	return s, ok
}

// TakeDirty returns what changed since the last call, for saving: the
// document frequencies and the number of documents added (increments, to
// be given back to Load with the others), and the stories changed.
func (c *Clusterer) TakeDirty() (df map[string]int, docs int, stories []*State) {
	for id := range c.touched {
		stories = append(stories, c.byID[id])
	}
	sort.Slice(stories, func(i, j int) bool { return stories[i].ID < stories[j].ID })
	df, docs = c.added, c.addedN
	c.added, c.addedN, c.touched = map[string]int{}, 0, map[string]bool{}
	return df, docs, stories
}

// Frequencies returns all document frequencies and the document count.
func (c *Clusterer) Frequencies() (df map[string]int, docs int) {
	return maps.Clone(c.df), c.docs
}

const maxItems = 300

// maxCandidates bounds the stories one entity brings as candidates.
const maxCandidates = 100

// top keeps the n heaviest entries of m.
func top(m map[string]float64, n int) map[string]float64 {
	out := make(map[string]float64, n)
	for _, k := range heaviest(m, n) {
		out[k] = m[k]
	}
	return out
}
