package series

import (
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dates"
	"github.com/zeebo/xxh3"
)

// Coverage is how close in time two claims of one quantity, in different
// stories, must be to be one series: story clustering splits a coverage
// into several stories more often than a quantity is counted twice
// within a fortnight (measured on the example corpus, whose flood story
// comes out as five stories).
const Coverage = 14 // days

// StoryGap is how far apart in time two claims of one story may be and
// still be one series.
const StoryGap = 60 // days

// Index keeps the series of a coverage in memory as articles arrive: an
// article's claims go to the group of their key, and only the groups an
// article touched are rebuilt and written. A group's claims make one
// series per coverage: claims of one story, or within Coverage days of
// each other, are one series. It is not safe for concurrent use.
type Index struct {
	groups    map[string]*group   // by key
	byArticle map[string][]string // article id -> keys of its claims
	dirty     map[string]bool
	topics    map[string][]string // subject, concept, unit -> keys
	loaded    map[dossier.SeriesTopic]bool
}

type group struct {
	key     Key
	claims  map[string]dossier.Claim     // by claim id, as added (relations not set)
	stories map[string]int               // claims by story
	written map[string]map[string]uint64 // series id -> claim id -> hash of the claim as last written
}

// NewIndex returns an empty index.
func NewIndex() *Index {
	return &Index{groups: map[string]*group{}, byArticle: map[string][]string{}, dirty: map[string]bool{}, topics: map[string][]string{}}
}

// Len is the number of series.
func (ix *Index) Len() int {
	n := 0
	for _, g := range ix.groups {
		n += len(components(g.claims))
	}
	return n
}

// KeyOf is the key a stored series was built from.
func KeyOf(s dossier.Series) Key {
	return Key{Subject: s.Subject, SubjectName: s.SubjectName, Concept: s.Thing, Event: s.Event, Place: s.Place, Unit: s.Unit}
}

// Load puts back a stored series (with its claims).
func (ix *Index) Load(s dossier.Series) {
	k := KeyOf(s)
	g := ix.group(k)
	w := g.written[s.ID]
	if w == nil {
		w = map[string]uint64{}
		g.written[s.ID] = w
	}
	for _, c := range s.Claims {
		w[c.ID] = hashClaim(c)
		c.Relation, c.RelayOf, c.Ref = "", "", ""
		g.add(c)
		ix.byArticle[c.Article] = appendOnce(ix.byArticle[c.Article], k.String())
	}
}

func (g *group) add(c dossier.Claim) {
	if old, ok := g.claims[c.ID]; ok {
		g.stories[old.Story]--
	}
	g.claims[c.ID] = c
	g.stories[c.Story]++
}

func (g *group) remove(id string) {
	if old, ok := g.claims[id]; ok {
		g.stories[old.Story]--
		delete(g.claims, id)
	}
}

func (ix *Index) group(k Key) *group {
	ks := k.String()
	g := ix.groups[ks]
	if g == nil {
		g = &group{key: k, claims: map[string]dossier.Claim{}, stories: map[string]int{}, written: map[string]map[string]uint64{}}
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
				g.remove(cid)
				ix.dirty[ks] = true
			}
		}
	}
	delete(ix.byArticle, id)
	for _, it := range Claims(d) {
		if it.Key.Event == "" && it.Key.Subject != "" {
			// "4 750 soldiers are now in Syria": no verb, the quantity the
			// story already follows for this actor and thing
			it.Key = ix.withEvent(it.Key, it.Claim.Story)
		}
		g := ix.group(it.Key)
		ks := it.Key.String()
		g.add(it.Claim)
		ix.dirty[ks] = true
		ix.byArticle[id] = appendOnce(ix.byArticle[id], ks)
	}
}

// components splits a group's claims into series: one story, or within
// Coverage days of each other, is one series. They come in a stable
// order with their claims.
func components(claims map[string]dossier.Claim) [][]dossier.Claim {
	cs := make([]dossier.Claim, 0, len(claims))
	for _, c := range claims {
		cs = append(cs, c)
	}
	sort.Slice(cs, func(i, j int) bool { return cs[i].ID < cs[j].ID })
	parent := make([]int, len(cs))
	for i := range parent {
		parent[i] = i
	}
	find := func(i int) int {
		for parent[i] != i {
			parent[i] = parent[parent[i]]
			i = parent[i]
		}
		return i
	}
	union := func(a, b int) { parent[find(a)] = find(b) }
	type dated struct {
		day int64
		i   int
	}
	var ds []dated
	byStory := map[string][]dated{}
	undated := map[string][]int{}
	for i, c := range cs {
		story := c.Story
		if story == "" {
			story = "article:" + c.Article
		}
		if t, ok := dates.Mid(c.Date); ok {
			d := dated{t.Unix() / 86400, i}
			ds = append(ds, d)
			byStory[story] = append(byStory[story], d)
		} else {
			undated[story] = append(undated[story], i)
		}
	}
	byDay := func(l []dated) {
		sort.Slice(l, func(a, b int) bool { return l[a].day < l[b].day || l[a].day == l[b].day && l[a].i < l[b].i })
	}
	byDay(ds)
	for k := 1; k < len(ds); k++ {
		if ds[k].day-ds[k-1].day <= Coverage {
			union(ds[k].i, ds[k-1].i)
		}
	}
	// within a story, a longer gap: a story followed for weeks is one
	// coverage, one clustered over months is likely two
	for story, l := range byStory {
		byDay(l)
		for k := 1; k < len(l); k++ {
			if l[k].day-l[k-1].day <= StoryGap {
				union(l[k].i, l[k-1].i)
			}
		}
		for _, i := range undated[story] {
			union(i, l[0].i)
		}
		delete(undated, story)
	}
	for _, l := range undated {
		for _, i := range l[1:] {
			union(i, l[0])
		}
	}
	by := map[int][]dossier.Claim{}
	var roots []int
	for i := range cs {
		r := find(i)
		if _, ok := by[r]; !ok {
			roots = append(roots, r)
		}
		by[r] = append(by[r], cs[i])
	}
	out := make([][]dossier.Claim, 0, len(roots))
	for _, r := range roots {
		out = append(out, by[r])
	}
	return out
}

// scopes name the series of a group: by their first story (or
// article); two series of one story (told months apart) add their first
// claim's id.
func scopes(comps [][]dossier.Claim) []string {
	out := make([]string, len(comps))
	first := make([]string, len(comps))
	n := map[string]int{}
	for i, cs := range comps {
		for _, c := range cs {
			v := c.Story
			if v == "" {
				v = c.Article
			}
			if out[i] == "" || v < out[i] {
				out[i] = v
			}
			if first[i] == "" || c.ID < first[i] {
				first[i] = c.ID
			}
		}
		n[out[i]]++
	}
	for i := range out {
		if n[out[i]] > 1 {
			out[i] += "/" + first[i]
		}
	}
	return out
}

// Take returns the updates of the series touched since the last Take:
// each rebuilt, with only its changed claims, and the series that are no
// more for deletion.
func (ix *Index) Take() []dossier.SeriesUpdate {
	keys := make([]string, 0, len(ix.dirty))
	for ks := range ix.dirty {
		keys = append(keys, ks)
	}
	sort.Strings(keys)
	var out []dossier.SeriesUpdate
	for _, ks := range keys {
		g := ix.groups[ks]
		now := map[string]bool{}
		comps := components(g.claims)
		sc := scopes(comps)
		for ci, cs := range comps {
			k := g.key
			k.Scope = sc[ci]
			s := Build(k, cs)
			now[s.ID] = true
			w := g.written[s.ID]
			if w == nil {
				w = map[string]uint64{}
				g.written[s.ID] = w
			}
			in := make(map[string]bool, len(s.Claims))
			changed := s.Claims[:0:0]
			for _, c := range s.Claims {
				in[c.ID] = true
				h := hashClaim(c)
				if w[c.ID] != h {
					changed = append(changed, c)
					w[c.ID] = h
				}
			}
			var removed []string
			for cid := range w {
				if !in[cid] {
					removed = append(removed, cid)
					delete(w, cid)
				}
			}
			sort.Strings(removed)
			s.Claims = changed
			out = append(out, dossier.SeriesUpdate{Series: s, Removed: removed})
		}
		var gone []string
		for id := range g.written {
			if !now[id] {
				gone = append(gone, id)
			}
		}
		sort.Strings(gone)
		for _, id := range gone {
			out = append(out, dossier.SeriesUpdate{Series: dossier.Series{ID: id}, Delete: true})
			delete(g.written, id)
		}
		if len(g.claims) == 0 {
			delete(ix.groups, ks)
		}
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
	var out []dossier.Series
	for _, ks := range keys {
		g := ix.groups[ks]
		comps := components(g.claims)
		sc := scopes(comps)
		for ci, cs := range comps {
			k := g.key
			k.Scope = sc[ci]
			out = append(out, Build(k, cs))
		}
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

// withEvent returns the key of the series of the same subject, concept
// and unit that has an event and the most claims in the claim's story,
// or k when there is none.
func (ix *Index) withEvent(k Key, story string) Key {
	best, n := k, 0
	for _, ks := range ix.topics[topic(k)] {
		g := ix.groups[ks]
		if g == nil || g.key.Event == "" {
			continue
		}
		if m := g.stories[story]; m > n {
			best, n = g.key, m
		}
	}
	return best
}

func topic(k Key) string { return fmt.Sprint(k.Subject, "|", k.Concept, "|", k.Unit) }

// Reports returns the dates of the stated-date articles whose reports a
// document's claims repeat (the same number from the same named source:
// "selon Bloomberg", not the article's own words), to date an undated
// document by.
func (ix *Index) Reports(d Doc) []dates.Related {
	var out []dates.Related
	seen := map[string]bool{}
	for _, it := range Claims(d) {
		c := it.Claim
		if strings.HasPrefix(c.Origin, "article:") {
			continue
		}
		g := ix.groups[it.Key.String()]
		if g == nil {
			continue
		}
		for _, o := range g.claims {
			if o.Article == c.Article || o.DateEstimated || o.Date == "" || o.Origin != c.Origin || !sameNumbers(o, c) || seen[o.Article] {
				continue
			}
			seen[o.Article] = true
			out = append(out, dates.Related{Date: o.Date, Near: true, Why: fmt.Sprintf("repeats %q from %s, as %s does", c.Text, originName(c), o.Article)})
		}
	}
	sort.Slice(out, func(i, j int) bool {
		return out[i].Date < out[j].Date || out[i].Date == out[j].Date && out[i].Why < out[j].Why
	})
	return out
}

// originName is how a reason names a claim's origin: the source's words,
// else the origin without its kind.
func originName(c dossier.Claim) string {
	if c.Source != "" {
		return c.Source
	}
	if i := strings.IndexByte(c.Origin, ':'); i >= 0 {
		return c.Origin[i+1:]
	}
	return c.Origin
}
