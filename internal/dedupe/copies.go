package dedupe

import (
	"math"
	"net/url"
	"sort"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/zeebo/xxh3"
)

// Profile is what copy detection keeps of an article: its MinHash
// signature and what survives translation (numbers, entities, date, links).
type Profile struct {
	ID        string    `json:"id"`
	Lang      string    `json:"lang"`
	Date      string    `json:"date"`
	URL       string    `json:"url"`
	SourceURL string    `json:"source_url"`
	Sig       Signature `json:"sig"`
	Numbers   []float64 `json:"numbers"`  // figure values
	Entities  []string  `json:"entities"` // entity ids, each once
	Cites     []string  `json:"cites"`    // cited outlet ids and names
	Figures   []string  `json:"figures"`  // figure keys "thing|value"
	// Reports pair an outlet named in a figure's sentence with the
	// figure (what is counted and the value): "outlet:bloomberg|soldier|100000".
	// Two articles with the same pair relay the same report.
	Reports []string `json:"reports"`
	Story   string   `json:"story,omitempty"` // the story it was put in
	// Root is the stored original its copy chain goes back to, if any:
	// the series of a copy's figures are those of the original's.
	Root string `json:"root,omitempty"`
}

// ProfileOf builds the profile of an article.
func ProfileOf(a *dossier.Article) Profile {
	p := Profile{ID: a.ID, Lang: a.Lang, Date: a.Date, URL: a.URL, SourceURL: a.SourceURL, Sig: MinHash(a.Text)}
	nums := map[float64]bool{}
	for _, f := range a.Figures {
		v := f.Value
		if v == nil {
			v = f.Low
		}
		// the body's numbers: headlines repeat them and rewrites reuse headlines
		if f.Field == "" && v != nil && !nums[*v] {
			nums[*v] = true
			p.Numbers = append(p.Numbers, *v)
		}
		p.Figures = append(p.Figures, FigureKey(f))
	}
	sort.Float64s(p.Numbers)
	ents := map[string]bool{}
	for _, m := range a.Mentions {
		if !ents[m.Entity] {
			ents[m.Entity] = true
			p.Entities = append(p.Entities, m.Entity)
		}
	}
	sort.Strings(p.Entities)
	for _, c := range a.Citations {
		if c.Kind != "source" {
			name := c.Entity
			if name == "" {
				name = c.Name
			}
			p.Cites = append(p.Cites, name)
		}
	}
	// Each figure is looked up in the sentences, and each sentence in the
	// outlet mentions, by binary search: a long article has thousands of
	// each, and a loop over all of them per figure made profiles quadratic
	// in the article's size.
	var outlets []dossier.Mention
	for _, m := range a.Mentions {
		if m.Type == dossier.EntityOutlet {
			outlets = append(outlets, m)
		}
	}
	sort.SliceStable(outlets, func(i, j int) bool { return outlets[i].Start < outlets[j].Start })
	sents := a.Sentences
	if !sort.SliceIsSorted(sents, func(i, j int) bool { return sents[i].Start < sents[j].Start }) {
		sents = append([]dossier.Span(nil), sents...)
		sort.SliceStable(sents, func(i, j int) bool { return sents[i].Start < sents[j].Start })
	}
	seen := map[string]bool{}
	for _, f := range a.Figures {
		v := f.Value
		if v == nil {
			v = f.Low
		}
		if f.Field != "" || v == nil || *v < 10 || len(outlets) == 0 {
			continue // small numbers are everywhere
		}
		// the sentences starting at or before the figure; sentences do not
		// overlap, so only the last of them can hold it
		i := sort.Search(len(sents), func(i int) bool { return sents[i].Start > f.Start }) - 1
		if i < 0 || f.Start >= sents[i].End {
			continue
		}
		s := sents[i]
		for j := sort.Search(len(outlets), func(j int) bool { return outlets[j].Start >= s.Start }); j < len(outlets) && outlets[j].Start < s.End; j++ {
			if m := outlets[j]; m.End <= s.End {
				r := m.Entity + "|" + FigureKey(f)
				if !seen[r] {
					seen[r] = true
					p.Reports = append(p.Reports, r)
				}
			}
		}
	}
	return p
}

// FigureKey names a figure across languages: the English gloss (or the
// lemma, or the unit) and the number.
func FigureKey(f dossier.Figure) string {
	what := f.Gloss
	if what == "" {
		what = f.Thing
	}
	if what == "" {
		what = f.Unit
	}
	v := f.Value
	if v == nil {
		v = f.Low
	}
	n := ""
	if v != nil {
		n = formatFloat(*v)
	}
	return what + "|" + n
}

func formatFloat(v float64) string { return strconv.FormatFloat(v, 'f', -1, 64) }

// Thresholds of copy detection, measured on the labelled set (see docs/DESIGN.md).
type Thresholds struct {
	Near       float64 // estimated Jaccard for a near-duplicate or an update
	Numbers    float64 // Jaccard of figure values for a translation
	MinNumbers int     // shared values needed for a translation
	Entities   float64 // Jaccard of entities for a translation
	Days       float64 // time window for a translation
}

// DefaultThresholds are the measured defaults.
var DefaultThresholds = Thresholds{Near: 0.35, Numbers: 0.7, MinNumbers: 2, Entities: 0.3, Days: 3}

// maxPosting bounds the candidates one number or report brings: the
// latest ones, since copies and translations follow their original within
// days. It keeps the cost of an article constant as the corpus grows.
const maxPosting = 50

// Detector finds the copies among articles as they arrive. What it knows
// of earlier articles (profiles, and the candidate lists they are filed
// in) is a working set: whoever keeps the state between runs fills it
// with what an article needs before Add (Missing, LoadPostings,
// LoadProfile) and may Reset it between batches, so its memory does not
// grow with the store. It is not safe for concurrent use.
type Detector struct {
	T        Thresholds
	profiles map[string]*Profile
	// lists are the candidate lists known: all the store's latest
	// postings of the key (at least the bound Add reads), then those
	// filed since. A key absent is one never looked up.
	lists map[dossier.PostingKey][]string
	filed []dossier.Posting // since TakePostings
	// seen stamps the candidates compared by the current query
	seen map[string]uint32
	gen  uint32
}

// NewDetector returns an empty detector.
func NewDetector(t Thresholds) *Detector {
	return &Detector{T: t, profiles: map[string]*Profile{}, lists: map[dossier.PostingKey][]string{}, seen: map[string]uint32{}}
}

func normURL(s string) string {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return ""
	}
	return strings.TrimPrefix(strings.ToLower(u.Hostname()), "www.") + strings.TrimSuffix(u.EscapedPath(), "/")
}

// Keys are the candidate lists a profile is filed in and looks in: its
// LSH band buckets, its figure values, its cited reports and its URL; the
// source URL it looks up is last. Each list kind is read up to its bound.
func Keys(p Profile) (bands, numbers, reports []dossier.PostingKey, url, source dossier.PostingKey) {
	for _, k := range p.Sig.BandKeys() {
		bands = append(bands, dossier.PostingKey{Kind: dossier.PostBand, Hash: k})
	}
	for _, n := range p.Numbers {
		numbers = append(numbers, numberKey(n))
	}
	for _, r := range p.Reports {
		reports = append(reports, dossier.PostingKey{Kind: dossier.PostReport, Hash: xxh3.HashString(r)})
	}
	return bands, numbers, reports, urlKey(p.URL), urlKey(p.SourceURL)
}

// Bounds of the candidate lists by kind: how many of the latest entries
// Add reads (see MaxBucket and maxPosting).
func Bound(k dossier.PostingKind) int {
	switch k {
	case dossier.PostBand:
		return MaxBucket
	case dossier.PostURL:
		return 1
	}
	return maxPosting
}

func numberKey(n float64) dossier.PostingKey {
	return dossier.PostingKey{Kind: dossier.PostNumber, Hash: math.Float64bits(n)}
}

func urlKey(u string) dossier.PostingKey {
	n := normURL(u)
	if n == "" {
		return dossier.PostingKey{}
	}
	return dossier.PostingKey{Kind: dossier.PostURL, Hash: xxh3.HashString(n)}
}

// Missing returns the keys p needs that the detector has never looked up.
func (d *Detector) Missing(p Profile) []dossier.PostingKey {
	bands, numbers, reports, u, src := Keys(p)
	var out []dossier.PostingKey
	for _, ks := range [][]dossier.PostingKey{bands, numbers, reports, {u, src}} {
		for _, k := range ks {
			if _, ok := d.lists[k]; !ok && k.Kind != 0 {
				out = append(out, k)
			}
		}
	}
	return out
}

// LoadPostings sets what the store has filed under a key never looked up
// (its latest entries, oldest first; nil for none). The ids' profiles must
// be loaded before Add reads the list.
func (d *Detector) LoadPostings(k dossier.PostingKey, ids []string) {
	if _, ok := d.lists[k]; !ok {
		d.lists[k] = ids
	}
}

// LoadProfile adds an already related article's profile, without looking
// for its copies or filing it anywhere.
func (d *Detector) LoadProfile(p Profile) {
	if _, ok := d.profiles[p.ID]; !ok {
		q := p
		d.profiles[p.ID] = &q
	}
}

// Profile returns the profile of a known article.
func (d *Detector) Profile(id string) (*Profile, bool) {
	p, ok := d.profiles[id]
	return p, ok
}

// Len is the number of profiles known.
func (d *Detector) Len() int { return len(d.profiles) }

// Reset forgets everything: what is needed is loaded again by key.
func (d *Detector) Reset() {
	d.profiles, d.lists, d.seen, d.filed = map[string]*Profile{}, map[dossier.PostingKey][]string{}, map[string]uint32{}, nil
}

// TakePostings returns the postings filed since the last call, in order.
func (d *Detector) TakePostings() []dossier.Posting {
	out := d.filed
	d.filed = nil
	return out
}

// file appends id to a list; lists are trimmed past twice their bound,
// of which Add reads the latest.
func (d *Detector) file(k dossier.PostingKey, id string) {
	if k.Kind == 0 {
		return
	}
	l := append(d.lists[k], id)
	if b := Bound(k.Kind); len(l) > 2*b {
		l = append([]string(nil), l[len(l)-b:]...)
	}
	d.lists[k] = l
	d.filed = append(d.filed, dossier.Posting{Key: k, ID: id})
}

// latest returns the latest entries of a list within its bound.
func (d *Detector) latest(k dossier.PostingKey) []string {
	l := d.lists[k]
	if b := Bound(k.Kind); len(l) > b {
		l = l[len(l)-b:]
	}
	return l
}

func setOf[T comparable](a []T) map[T]bool {
	set := make(map[T]bool, len(a))
	for _, x := range a {
		set[x] = true
	}
	return set
}

// jaccardWith returns the Jaccard index of a set and a list taken as a
// set, and how many items they share.
func jaccardWith[T comparable](set map[T]bool, b []T) (float64, int) {
	shared := 0
	for _, x := range b {
		if set[x] {
			shared++
		}
	}
	union := len(set) + len(b) - shared
	if union == 0 {
		return 0, 0
	}
	return float64(shared) / float64(union), shared
}

// subset: every value of a is in b.
func subset(a, b []float64) bool {
	in := make(map[float64]bool, len(b))
	for _, x := range b {
		in[x] = true
	}
	for _, x := range a {
		if !in[x] {
			return false
		}
	}
	return true
}

func daysApart(a, b string) (float64, bool) {
	ta, ok1 := parseDay(a)
	tb, ok2 := parseDay(b)
	if !ok1 || !ok2 {
		return 0, false
	}
	return math.Abs(ta.Sub(tb).Hours()) / 24, true
}

func parseDay(s string) (time.Time, bool) {
	if len(s) < 10 {
		return time.Time{}, false
	}
	t, err := time.Parse("2006-01-02", s[:10])
	return t, err == nil
}

// Add looks for what p copies among the articles seen so far, records p,
// and returns the links found: near-duplicates and updates by MinHash,
// translations by shared numbers and entities, citations by source links
// and shared cited reports.
func (d *Detector) Add(p Profile) []dossier.CopyLink {
	var links []dossier.CopyLink
	linked := map[string]bool{}
	bands, numbers, reports, _, srcKey := Keys(p)
	for _, m := range d.query(p.Sig, bands) {
		q := d.profiles[m.ID]
		// an update states a value its original did not; a partial copy
		// that drops a paragraph (and its numbers) is still a near-duplicate
		rel := dossier.RelNear
		if !subset(p.Numbers, q.Numbers) && !subset(q.Numbers, p.Numbers) {
			rel = dossier.RelUpdated
		}
		links = append(links, dossier.CopyLink{Article: p.ID, Original: q.ID, Relation: rel, Score: round2(m.Similarity)})
		linked[q.ID] = true
	}
	// translations: another language, the same numbers and names, close in
	// time. Candidates are counted by the values they share first: the
	// Jaccard index of the values is at most shared/len(p.Numbers), so
	// most candidates are dropped before their profile is looked at.
	shared := map[string]int{}
	for _, k := range numbers {
		// the latest: translations follow their original closely
		for _, id := range d.latest(k) {
			shared[id]++
		}
	}
	need := d.T.Numbers * float64(len(p.Numbers))
	cands := make([]string, 0, len(shared))
	for id, n := range shared {
		if _, known := d.profiles[id]; float64(n) >= need && !linked[id] && known {
			cands = append(cands, id)
		}
	}
	sort.Strings(cands)
	var pEnts map[string]bool
	var pNumSet map[float64]bool
	for _, id := range cands {
		q := d.profiles[id]
		if q.Lang == p.Lang || q.Lang == "" || p.Lang == "" {
			continue
		}
		if days, ok := daysApart(p.Date, q.Date); ok && days > d.T.Days {
			continue
		}
		if pNumSet == nil { // once, not per candidate
			pNumSet, pEnts = setOf(p.Numbers), setOf(p.Entities)
		}
		nj, shared := jaccardWith(pNumSet, q.Numbers)
		ej, _ := jaccardWith(pEnts, q.Entities)
		if len(p.Entities)+len(q.Entities) == 0 {
			ej = 1 // nothing named on either side: the numbers decide
		}
		// names translate less faithfully than numbers: three shared
		// numbers make up for entities that did not link
		// one shared number is enough when the names agree strongly
		manyNames := len(p.Entities) >= 3 && len(q.Entities) >= 3 && ej >= 2*d.T.Entities
		if nj >= d.T.Numbers && (shared >= d.T.MinNumbers && (ej >= d.T.Entities || shared >= 3) || shared >= 1 && manyNames) {
			links = append(links, dossier.CopyLink{Article: p.ID, Original: id, Relation: dossier.RelTranslated, Score: round2((nj + ej) / 2)})
			linked[id] = true
		}
	}
	// a source link: to a stored article, or to the outside original
	if srcKey.Kind != 0 {
		ids := d.latest(srcKey)
		if ok := len(ids) > 0; ok && !linked[ids[0]] {
			links = append(links, dossier.CopyLink{Article: p.ID, Original: ids[0], Relation: dossier.RelCites, Score: 1})
			linked[ids[0]] = true
		} else if !ok {
			links = append(links, dossier.CopyLink{Article: p.ID, Original: p.SourceURL, Relation: dossier.RelCites, Score: 1})
		}
	}
	// the same cited report: both name an outlet beside a figure they share
	for i, r := range p.Reports {
		outlet, _, _ := strings.Cut(r, "|")
		for _, id := range d.latest(reports[i]) {
			if id == p.ID {
				continue
			}
			for _, who := range []string{p.ID, id} {
				key := who + "→" + outlet
				if !linked[key] {
					linked[key] = true
					links = append(links, dossier.CopyLink{Article: who, Original: outlet, Relation: dossier.RelCites, Score: 1})
				}
			}
		}
	}
	q := p
	d.profiles[p.ID] = &q
	for _, f := range Filing(p) {
		d.file(f.Key, p.ID)
	}
	return links
}

// Filing returns the postings Add files a profile under, in order: its
// band buckets, values, reports and URL.
func Filing(p Profile) []dossier.Posting {
	bands, numbers, reports, u, _ := Keys(p)
	out := make([]dossier.Posting, 0, len(bands)+len(numbers)+len(reports)+1)
	for _, ks := range [][]dossier.PostingKey{bands, numbers, reports, {u}} {
		for _, k := range ks {
			if k.Kind != 0 {
				out = append(out, dossier.Posting{Key: k, ID: p.ID})
			}
		}
	}
	return out
}

// query returns the known articles sharing a band bucket with s whose
// estimated similarity is at least min, most similar first: only the
// latest MaxBucket of a bucket are compared.
func (d *Detector) query(s Signature, bands []dossier.PostingKey) []Match {
	d.gen++
	if d.gen == 0 { // wrapped: clear the old stamps
		clear(d.seen)
		d.gen = 1
	}
	if len(d.seen) > 1<<16 {
		clear(d.seen) // stamps of articles long gone
	}
	var out []Match
	for _, k := range bands {
		for _, id := range d.latest(k) {
			if d.seen[id] == d.gen {
				continue
			}
			d.seen[id] = d.gen
			q, ok := d.profiles[id]
			if !ok {
				continue
			}
			if sim := s.Similarity(q.Sig); sim >= d.T.Near {
				out = append(out, Match{id, sim})
			}
		}
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Similarity != out[j].Similarity {
			return out[i].Similarity > out[j].Similarity
		}
		return out[i].ID < out[j].ID
	})
	return out
}

func round2(v float64) float64 { return math.Round(v*100) / 100 }

// Groups turns links into copy groups: articles linked to each other form
// one group whose original is the earliest (by date, then id); links to an
// outside source form a group under that source.
func Groups(links []dossier.CopyLink, info map[string]dossier.Summary) []dossier.CopyGroup {
	parent := map[string]string{}
	var find func(string) string
	find = func(x string) string {
		if parent[x] == "" || parent[x] == x {
			parent[x] = x
			return x
		}
		parent[x] = find(parent[x])
		return parent[x]
	}
	rel := map[string]dossier.CopyLink{} // strongest link of each article within its group
	external := map[string][]dossier.CopyLink{}
	for _, l := range links {
		if _, ok := info[l.Original]; !ok {
			external[l.Original] = append(external[l.Original], l)
			continue
		}
		a, b := find(l.Article), find(l.Original)
		if a != b {
			parent[a] = b
		}
		if old, ok := rel[l.Article]; !ok || l.Score > old.Score {
			rel[l.Article] = l
		}
		if old, ok := rel[l.Original]; !ok || l.Score > old.Score {
			rel[l.Original] = dossier.CopyLink{Article: l.Original, Original: l.Article, Relation: l.Relation, Score: l.Score}
		}
	}
	members := map[string][]string{}
	for id := range parent {
		r := find(id)
		members[r] = append(members[r], id)
	}
	earlier := func(a, b string) bool {
		da, db := info[a].Date, info[b].Date
		if da != db && da != "" && db != "" {
			return da < db
		}
		if (da == "") != (db == "") {
			return da != ""
		}
		return a < b
	}
	direct := map[[2]string]dossier.CopyLink{}
	for _, l := range links {
		direct[[2]string{l.Article, l.Original}] = l
		direct[[2]string{l.Original, l.Article}] = l
	}
	var out []dossier.CopyGroup
	for _, ms := range members {
		sort.Slice(ms, func(i, j int) bool { return earlier(ms[i], ms[j]) })
		g := dossier.CopyGroup{Original: ms[0], OriginalTitle: info[ms[0]].Title}
		for _, id := range ms[1:] {
			l, ok := direct[[2]string{id, ms[0]}] // its relation to the original, where linked directly
			if !ok {
				l = rel[id]
			}
			s := info[id]
			g.Copies = append(g.Copies, dossier.CopyMember{ID: id, Relation: l.Relation, Score: l.Score, Input: s.Input, Outlet: s.Outlet, Date: s.Date})
		}
		out = append(out, g)
	}
	for orig, ls := range external {
		g := dossier.CopyGroup{Original: orig, External: true}
		seen := map[string]bool{}
		for _, l := range ls {
			if seen[l.Article] {
				continue
			}
			seen[l.Article] = true
			s := info[l.Article]
			g.Copies = append(g.Copies, dossier.CopyMember{ID: l.Article, Relation: l.Relation, Score: l.Score, Input: s.Input, Outlet: s.Outlet, Date: s.Date})
		}
		sort.Slice(g.Copies, func(i, j int) bool { return earlier(g.Copies[i].ID, g.Copies[j].ID) })
		out = append(out, g)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].External != out[j].External {
			return !out[i].External
		}
		return out[i].Original < out[j].Original
	})
	return out
}

// SetStory records the story of an article already added.
func (d *Detector) SetStory(id, story string) {
	if p, ok := d.profiles[id]; ok {
		p.Story = story
	}
}

// StoryOf returns the story of an added article.
func (d *Detector) StoryOf(id string) string {
	if p, ok := d.profiles[id]; ok {
		return p.Story
	}
	return ""
}

// Has tells whether an article with this id was added or loaded.
func (d *Detector) Has(id string) bool {
	_, ok := d.profiles[id]
	return ok
}
