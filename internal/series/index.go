package series

import (
	"encoding/json"
	"sort"

	"github.com/dossier-news/dossier"
	"github.com/zeebo/xxh3"
)

// Index keeps the series of a coverage in memory as articles arrive: an
// article's claims go to the series of their keys, and only the series an
// article touched are rebuilt and written. It is not safe for concurrent use.
type Index struct {
	groups    map[string]*group   // by key
	byArticle map[string][]string // article id -> keys of its claims
	dirty     map[string]bool
	topics    map[string][]string // story, subject, concept, unit -> keys
}

type group struct {
	key     Key
	claims  map[string]dossier.Claim // by claim id, as added (relations not set)
	written map[string]uint64        // claim id -> hash of the claim as last written
	removed []string
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{groups: map[string]*group{}, byArticle: map[string][]string{}, dirty: map[string]bool{}, topics: map[string][]string{}}
}

// Len is the number of series.
func (ix *Index) Len() int { return len(ix.groups) }

// KeyOf is the key a stored series was built from.
func KeyOf(s dossier.Series) Key {
	return Key{Subject: s.Subject, SubjectName: s.SubjectName, Concept: s.Thing, Event: s.Event, Place: s.Place, Unit: s.Unit, Scope: s.Scope}
}

// Load puts back a stored series (with its claims).
func (ix *Index) Load(s dossier.Series) {
	k := KeyOf(s)
	g := ix.group(k)
	for _, c := range s.Claims {
		g.written[c.ID] = hashClaim(c)
		c.Relation, c.RelayOf, c.Ref = "", "", ""
		g.claims[c.ID] = c
		ix.byArticle[c.Article] = appendOnce(ix.byArticle[c.Article], k.String())
	}
}

func (ix *Index) group(k Key) *group {
	ks := k.String()
	g := ix.groups[ks]
	if g == nil {
		g = &group{key: k, claims: map[string]dossier.Claim{}, written: map[string]uint64{}}
		ix.groups[ks] = g
		ix.topics[topic(k)] = append(ix.topics[topic(k)], ks)
	} else if g.key.SubjectName == "" && k.SubjectName != "" {
		g.key.SubjectName = k.SubjectName
	}
	return g
}

// Add puts a document's claims in their series, replacing what the
// article had before (an analysed article may have new figures).
func (ix *Index) Add(d Doc) {
	id := d.Article.ID
	for _, ks := range ix.byArticle[id] {
		g := ix.groups[ks]
		for cid, c := range g.claims {
			if c.Article == id {
				delete(g.claims, cid)
				ix.dirty[ks] = true
			}
		}
	}
	delete(ix.byArticle, id)
	for _, it := range Claims(d) {
		if it.Key.Event == "" && it.Key.Subject != "" {
			// "4 750 soldiers are now in Syria": no verb, the quantity the
			// coverage already follows for this actor and thing
			it.Key = ix.withEvent(it.Key)
		}
		g := ix.group(it.Key)
		ks := it.Key.String()
		g.claims[it.Claim.ID] = it.Claim
		ix.dirty[ks] = true
		ix.byArticle[id] = appendOnce(ix.byArticle[id], ks)
	}
}

// Take returns the updates of the series touched since the last Take:
// each rebuilt, with only its changed claims, and the series emptied for
// deletion.
func (ix *Index) Take() []dossier.SeriesUpdate {
	keys := make([]string, 0, len(ix.dirty))
	for ks := range ix.dirty {
		keys = append(keys, ks)
	}
	sort.Strings(keys)
	var out []dossier.SeriesUpdate
	for _, ks := range keys {
		g := ix.groups[ks]
		var removed []string
		for cid := range g.written {
			if _, ok := g.claims[cid]; !ok {
				removed = append(removed, cid)
				delete(g.written, cid)
			}
		}
		sort.Strings(removed)
		if len(g.claims) == 0 {
			out = append(out, dossier.SeriesUpdate{Series: dossier.Series{ID: ID(g.key)}, Removed: removed, Delete: true})
			delete(ix.groups, ks)
			continue
		}
		claims := make([]dossier.Claim, 0, len(g.claims))
		for _, c := range g.claims {
			claims = append(claims, c)
		}
		s := Build(g.key, claims)
		changed := s.Claims[:0:0]
		for _, c := range s.Claims {
			h := hashClaim(c)
			if g.written[c.ID] != h {
				changed = append(changed, c)
				g.written[c.ID] = h
			}
		}
		s.Claims = changed
		out = append(out, dossier.SeriesUpdate{Series: s, Removed: removed})
	}
	ix.dirty = map[string]bool{}
	return out
}

// All builds every series, for a recomputation or a test.
func (ix *Index) All() []dossier.Series {
	keys := make([]string, 0, len(ix.groups))
	for ks := range ix.groups {
		keys = append(keys, ks)
	}
	sort.Strings(keys)
	out := make([]dossier.Series, 0, len(keys))
	for _, ks := range keys {
		g := ix.groups[ks]
		claims := make([]dossier.Claim, 0, len(g.claims))
		for _, c := range g.claims {
			claims = append(claims, c)
		}
		out = append(out, Build(g.key, claims))
	}
	return out
}

func hashClaim(c dossier.Claim) uint64 {
	b, _ := json.Marshal(c)
	return xxh3.Hash(b)
}

func appendOnce(l []string, s string) []string {
	for _, x := range l {
		if x == s {
			return l
		}
	}
	return append(l, s)
}

// withEvent returns the key of the largest series of the same story,
// subject, concept and unit that has an event, or k.
func (ix *Index) withEvent(k Key) Key {
	best, n := k, 0
	for _, ks := range ix.topics[topic(k)] {
		g := ix.groups[ks]
		if g == nil {
			continue
		}
		o := g.key
		if o.Event != "" && o.Scope == k.Scope && o.Subject == k.Subject && o.Concept == k.Concept && o.Unit == k.Unit && len(g.claims) > n {
			best, n = o, len(g.claims)
		}
	}
	return best
}

func topic(k Key) string { return k.Scope + "|" + k.Subject + "|" + k.Concept + "|" + k.Unit }
