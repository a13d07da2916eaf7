package story

import (
	"encoding/json"
	"sort"

	"github.com/dossier-news/dossier"
	"github.com/zeebo/xxh3"
)

// Source fills a clusterer with the state an article needs that it does
// not hold: whoever keeps the state between runs (ingest, from the store)
// reads it by key and gives it back through LoadTerms, LoadStories,
// LoadList and LoadRecent. With a source the clusterer's memory is a
// working set, which Reset empties; without one it holds everything.
type Source interface {
	// Terms loads the frequencies of terms never looked up.
	Terms(c *Clusterer, terms []string)
	// Lists loads the candidate lists of entities and terms never looked
	// up, and the stories in them.
	Lists(c *Clusterer, ents, terms []string)
	// Stories loads stories not in memory.
	Stories(c *Clusterer, ids []string)
	// Recent loads the latest n stories (LoadRecent), once.
	Recent(c *Clusterer, n int)
}

// MaxCandidates is how many of the latest stories of an entity's or a
// term's list are candidates.
const MaxCandidates = maxCandidates

// maxRecent bounds the stories an article that names no entity is
// compared with when the state is read by key: the latest ones.
const maxRecent = 500

// SetSource makes the clusterer read what it lacks from src.
func (c *Clusterer) SetSource(src Source) { c.src = src }

// EntityKey and TermKey are the keys of the candidate lists of stories.
func EntityKey(e string) dossier.PostingKey {
	return dossier.PostingKey{Kind: dossier.PostStoryEntity, Hash: xxh3.HashString(e)}
}

// TermKey: see EntityKey.
func TermKey(t string) dossier.PostingKey {
	return dossier.PostingKey{Kind: dossier.PostStoryTerm, Hash: xxh3.HashString(t)}
}

// Terms returns the terms of a document, each once: what its vector needs
// the frequencies of.
func Terms(d Doc) []string {
	tf := terms(d)
	out := make([]string, 0, len(tf))
	for t := range tf {
		out = append(out, t)
	}
	return out
}

// KeyTerms returns the distinctive terms a document would look up and
// be filed under, by the frequencies known now (they move a little as
// documents are counted: Assign looks up any it lacks then).
func (c *Clusterer) KeyTerms(d Doc) []string {
	return heaviest(c.vector(terms(d)), keyTerms)
}

// Len is the number of stories in memory.
func (c *Clusterer) Len() int { return len(c.byID) }

// Reset empties the working set; what is needed is loaded again by key.
// Changes not yet taken (TakeDirty, TakePostings) are dropped: take them
// first.
func (c *Clusterer) Reset() {
	c.stories, c.byID, c.df, c.byEnt, c.byTerm = nil, map[string]*State{}, map[string]int{}, map[string][]*State{}, map[string][]*State{}
	c.docs, c.docsKnown, c.recentLoaded, c.recentIDs = 0, false, false, nil
}

// LoadTerms sets the frequencies of terms looked up, 0 for those df
// lacks, and the number of documents counted, the first time.
func (c *Clusterer) LoadTerms(terms []string, df map[string]int, docs int) {
	for _, t := range terms {
		if _, ok := c.df[t]; !ok {
			c.df[t] = df[t]
		}
	}
	if !c.docsKnown {
		c.docs, c.docsKnown = c.docs+docs, true
	}
}

// LoadStories adds stories read from the state, not filing them in any
// list (LoadList does).
func (c *Clusterer) LoadStories(states []*State) {
	for _, s := range states {
		if _, ok := c.byID[s.ID]; !ok {
			c.byID[s.ID] = s
		}
	}
}

// LoadList sets the candidate list of an entity (or a term, when term is
// true) never looked up: the ids of its stories, oldest first, loaded
// before with LoadStories.
func (c *Clusterer) LoadList(key string, term bool, ids []string) {
	m := c.byEnt
	if term {
		m = c.byTerm
	}
	if _, ok := m[key]; ok {
		return
	}
	l := make([]*State, 0, len(ids))
	for _, id := range ids {
		if s, ok := c.byID[id]; ok {
			l = append(l, s)
		}
	}
	m[key] = l
}

// LoadRecent sets the latest stories, oldest first.
func (c *Clusterer) LoadRecent(ids []string) {
	c.recentIDs, c.recentLoaded = append(ids, c.recentIDs...), true
}

// TakePostings returns the entries filed in candidate lists since the
// last call, in order.
func (c *Clusterer) TakePostings() []dossier.Posting {
	out := c.posted
	c.posted = nil
	return out
}

func (c *Clusterer) needTerms(tf map[string]float64) {
	if c.src == nil {
		return
	}
	var missing []string
	for t := range tf {
		if _, ok := c.df[t]; !ok {
			missing = append(missing, t)
		}
	}
	if len(missing) > 0 || !c.docsKnown {
		c.src.Terms(c, missing)
	}
}

func (c *Clusterer) needLists(ents, terms []string) {
	if c.src == nil {
		return
	}
	var me, mt []string
	seen := map[string]bool{}
	for _, e := range ents {
		if _, ok := c.byEnt[e]; !ok && !seen[e] {
			seen[e] = true
			me = append(me, e)
		}
	}
	for _, t := range terms {
		if _, ok := c.byTerm[t]; !ok {
			mt = append(mt, t)
		}
	}
	if len(me)+len(mt) > 0 {
		c.src.Lists(c, me, mt)
	}
	// what the state has nothing under is known to be empty
	for _, e := range me {
		if _, ok := c.byEnt[e]; !ok {
			c.byEnt[e] = nil
		}
	}
	for _, t := range mt {
		if _, ok := c.byTerm[t]; !ok {
			c.byTerm[t] = nil
		}
	}
}

func (c *Clusterer) needStories(ids []string) {
	if c.src == nil {
		return
	}
	var missing []string
	for _, id := range ids {
		if _, ok := c.byID[id]; !ok {
			missing = append(missing, id)
		}
	}
	if len(missing) > 0 {
		c.src.Stories(c, missing)
	}
}

// fileEntity files s under an entity.
func (c *Clusterer) fileEntity(e string, s *State) {
	c.byEnt[e] = trimList(append(c.byEnt[e], s))
	c.posted = append(c.posted, dossier.Posting{Key: EntityKey(e), ID: s.ID})
}

// trimList keeps a candidate list within twice the bound Assign reads the
// latest of.
func trimList(l []*State) []*State {
	if len(l) > 2*maxCandidates {
		return append([]*State(nil), l[len(l)-maxCandidates:]...)
	}
	return l
}

// recent returns the stories an article naming no entity is compared
// with: all of them in memory, or the latest maxRecent with a source.
func (c *Clusterer) recent() []*State {
	if c.src == nil {
		return c.stories
	}
	if !c.recentLoaded {
		c.src.Recent(c, maxRecent)
		c.recentLoaded = true
	}
	c.needStories(c.recentIDs)
	seen := map[string]bool{}
	var out []*State
	for i := len(c.recentIDs) - 1; i >= 0 && len(out) < maxRecent; i-- {
		id := c.recentIDs[i]
		if s, ok := c.byID[id]; ok && !seen[id] {
			seen[id] = true
			out = append(out, s)
		}
	}
	if len(c.recentIDs) > 4*maxRecent {
		ids := make([]string, len(out))
		for i, s := range out {
			ids[len(out)-1-i] = s.ID
		}
		c.recentIDs = ids
	}
	return out
}

// Filing returns the postings a story saved by an earlier version is
// filed under, as Load filed it: its entities, and the heaviest terms of
// its centroid.
func Filing(s *State) []dossier.Posting {
	ents := make([]string, 0, len(s.Entities))
	for e := range s.Entities {
		ents = append(ents, e)
	}
	sort.Strings(ents)
	var out []dossier.Posting
	for _, e := range ents {
		out = append(out, dossier.Posting{Key: EntityKey(e), ID: s.ID})
	}
	for _, t := range heaviest(s.Terms, keyTerms) {
		out = append(out, dossier.Posting{Key: TermKey(t), ID: s.ID})
	}
	return out
}

// Encode is the saved form of a story's state.
func (s *State) Encode() ([]byte, error) { return json.Marshal(s) }

// DecodeState reads what Encode wrote.
func DecodeState(b []byte) (*State, error) {
	var s State
	if err := json.Unmarshal(b, &s); err != nil {
		return nil, err
	}
	return &s, nil
}
