package series

import (
	"fmt"
	"math"
	"sort"
	"strconv"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dates"
	"github.com/zeebo/xxh3"
)

// SameDate is how far apart two claims may be and still be "at about the
// same date": within it, disjoint counts from independent sources
// contradict each other; beyond it, a different count is news.
const SameDate = 7 * 24 * time.Hour

// ID is the stable id of the series of a key in a scope.
func ID(k Key) string {
	return fmt.Sprintf("q%010x", xxh3.HashString(k.String()+"|"+k.Scope)>>24)
}

// Build makes the series of one key from its claims: it orders them in
// time, gives each its relation to the claims before it, and summarises.
// The claims' relations are recomputed: a claim arriving late (an older
// article) changes those after it.
func Build(k Key, claims []dossier.Claim) dossier.Series {
	cs := append([]dossier.Claim(nil), claims...)
	Order(cs)
	s := dossier.Series{ID: ID(k), Title: k.Title(), Subject: k.Subject, Thing: k.Concept, Event: k.Event, Place: k.Place,
		Unit: k.Unit, Scope: k.Scope, Contradictions: []dossier.Contradiction{}}
	s.SubjectName = k.SubjectName
	superseded := relate(cs, k, &s.Contradictions)
	s.Claims = cs
	s.Summary = summarise(cs, superseded)
	seen := map[string]bool{}
	for _, c := range cs {
		if c.Story != "" && !seen[c.Story] {
			seen[c.Story] = true
			s.Stories = append(s.Stories, c.Story)
		}
	}
	sort.Strings(s.Stories)
	return s
}

// Order sorts claims in time: by date (the middle of an estimated or
// coarse date), undated last, then by article and place in the text.
func Order(cs []dossier.Claim) {
	mid := make(map[string]int64, len(cs))
	for _, c := range cs {
		if _, ok := mid[c.Date]; !ok {
			if t, ok := dates.Mid(c.Date); ok {
				mid[c.Date] = t.Unix()
			} else {
				mid[c.Date] = math.MaxInt64
			}
		}
	}
	sort.SliceStable(cs, func(i, j int) bool {
		a, b := cs[i], cs[j]
		if mid[a.Date] != mid[b.Date] {
			return mid[a.Date] < mid[b.Date]
		}
		if a.Article != b.Article {
			return a.Article < b.Article
		}
		if (a.Field == "title") != (b.Field == "title") {
			return a.Field == "title"
		}
		return a.Start < b.Start
	})
}

// interval is what a claim's words allow.
func interval(c dossier.Claim) (lo, hi float64) {
	lo, hi = 0, math.Inf(1)
	v := c.Value
	switch c.Bound {
	case dossier.BoundExact:
		if v != nil {
			return *v, *v
		}
	case dossier.BoundAbout:
		if v != nil {
			return *v * 0.9, *v * 1.1
		}
	case dossier.BoundAtLeast, dossier.BoundMoreThan:
		if v != nil {
			return *v, hi
		}
	case dossier.BoundAtMost, dossier.BoundLessThan:
		if v != nil {
			return 0, *v
		}
	}
	if c.Low != nil {
		lo = *c.Low
	}
	if c.High != nil {
		hi = *c.High
	}
	if c.Low == nil && c.High == nil && v != nil {
		return *v, *v
	}
	return lo, hi
}

// point is the one number that stands for a claim.
func point(c dossier.Claim) float64 {
	if c.Value != nil {
		return *c.Value
	}
	lo, hi := interval(c)
	if math.IsInf(hi, 1) {
		return lo
	}
	return (lo + hi) / 2
}

// agrees: c's interval holds o's number, or o's bounded interval holds
// c's. An open bound ("au moins 135") does not vouch for a later, larger
// count: that one updates it.
func agrees(o, c dossier.Claim) bool {
	lo, hi := interval(c)
	if p := point(o); p >= lo && p <= hi {
		return true
	}
	olo, ohi := interval(o)
	p := point(c)
	return !math.IsInf(ohi, 1) && p >= olo && p <= ohi
}

func sameNumbers(a, b dossier.Claim) bool {
	if a.Value != nil || b.Value != nil {
		return a.Value != nil && b.Value != nil && *a.Value == *b.Value
	}
	return eq(a.Low, b.Low) && eq(a.High, b.High)
}

func eq(a, b *float64) bool { return a == nil && b == nil || a != nil && b != nil && *a == *b }

// Projection reports whether a modality is a projection: possible,
// planned or expected figures project, they never contradict facts.
func Projection(m dossier.Modality) bool {
	return m == dossier.ModalityPossible || m == dossier.ModalityPlanned || m == dossier.ModalityExpected
}

// committed claims are stated as fact or estimate.
func committed(c dossier.Claim) bool {
	return c.Modality == dossier.ModalityFact || c.Modality == dossier.ModalityEstimate
}

// apart returns how far b's date is after a's (negative: before), and
// whether both are known. Coarse dates ("2024-11") are apart only beyond
// their span.
func apart(a, b dossier.Claim) (time.Duration, bool) {
	alo, ahi, ok1 := dates.Span(a.Date)
	blo, bhi, ok2 := dates.Span(b.Date)
	if !ok1 || !ok2 {
		return 0, false
	}
	switch {
	case blo.After(ahi):
		return blo.Sub(ahi), true
	case alo.After(bhi):
		return -alo.Sub(bhi), true
	}
	return 0, true
}

// relate gives each claim (in time order) its relation and returns the
// claims that later ones superseded.
func relate(cs []dossier.Claim, k Key, contradictions *[]dossier.Contradiction) map[int]bool {
	superseded := map[int]bool{}
	current := map[string]int{} // origin -> its latest committed-or-reported claim
	var origins []string        // in order of first claim, for determinism
	index := make(map[string]int, len(cs))
	grows := cumulative[k.Event]
	// the latest earlier claim of each origin, article and original with
	// given numbers: where the same report was seen, found in one look-up
	// rather than a scan back over the series, which made a long series
	// quadratic
	var seen reports
	for i := range cs {
		if i > 0 {
			seen.add(cs[i-1], i-1)
		}
		c := &cs[i]
		c.Relation, c.RelayOf, c.Ref = "", "", ""
		index[c.ID] = i
		// the same report again: a copy of an earlier article, or the same
		// origin with the same number
		relay := seen.latest(*c)
		if relay >= 0 {
			root := cs[relay]
			if root.RelayOf != "" {
				root = cs[index[root.RelayOf]]
			}
			c.Relation, c.RelayOf = dossier.ClaimRelays, root.ID
			c.Origin = root.Origin
			continue
		}
		if Projection(c.Modality) {
			c.Relation = dossier.ClaimProjects
			continue
		}
		if c.Modality == dossier.ModalityDenied {
			continue
		}
		if j, ok := current[c.Origin]; ok {
			p := cs[j]
			c.Ref = p.ID
			if c.Increment || point(*c) > point(p) {
				c.Relation = dossier.ClaimUpdates
			} else {
				c.Relation = dossier.ClaimRevises
			}
			if !c.Increment {
				superseded[j] = true
			}
			current[c.Origin] = i
			continue
		}
		var others []int
		for _, o := range origins {
			if j := current[o]; o != c.Origin && !superseded[j] {
				others = append(others, j)
			}
		}
		if _, ok := current[c.Origin]; !ok {
			origins = append(origins, c.Origin)
		}
		current[c.Origin] = i
		if len(others) == 0 {
			continue // the first report of the quantity
		}
		latest := others[len(others)-1]
		for _, j := range others {
			if dj, ok := apart(cs[latest], cs[j]); ok && dj > 0 {
				latest = j
			}
		}
		if c.Increment {
			c.Relation, c.Ref = dossier.ClaimUpdates, cs[latest].ID
			continue
		}
		agree := -1
		for _, j := range others {
			if agrees(cs[j], *c) && !cs[j].Increment {
				agree = j
			}
		}
		if agree >= 0 {
			c.Relation, c.Ref = dossier.ClaimAgrees, cs[agree].ID
			continue
		}
		// disjoint from every current count of the others: growth, or a
		// contradiction with the nearest in time
		near, nearD := -1, time.Duration(math.MaxInt64)
		for _, j := range others {
			if cs[j].Increment {
				continue
			}
			d, ok := apart(cs[j], *c)
			if !ok {
				d = 0
			}
			if d < 0 {
				d = -d
			}
			if d <= nearD {
				near, nearD = j, d
			}
		}
		if near < 0 {
			c.Relation, c.Ref = dossier.ClaimUpdates, cs[latest].ID
			continue
		}
		q := cs[near]
		d, known := apart(q, *c)
		growth := grows && d > 0 && point(*c) > point(q)
		if known && committed(q) && committed(*c) && d <= SameDate && d >= -SameDate && !growth {
			c.Relation, c.Ref = dossier.ClaimContradicts, q.ID
			*contradictions = append(*contradictions, dossier.Contradiction{A: q.ID, B: c.ID, Reason: reason(q, *c, d)})
			continue
		}
		c.Relation, c.Ref = dossier.ClaimUpdates, q.ID
		superseded[near] = true
	}
	return superseded
}

// reports index claims by what makes a later claim the same report: its
// origin, article or original, with its numbers and whether it projects.
type reports struct {
	byOrigin, byArticle, byCopyOf map[string]int
}

// numbersKey is equal for two claims exactly when sameNumbers holds.
func numbersKey(c dossier.Claim) string {
	f := func(v *float64) string {
		if v == nil {
			return "-"
		}
		return strconv.FormatUint(math.Float64bits(*v), 36)
	}
	proj := "f"
	if Projection(c.Modality) {
		proj = "p"
	}
	if c.Value != nil {
		return proj + "v" + f(c.Value)
	}
	return proj + "r" + f(c.Low) + "," + f(c.High)
}

func (r *reports) add(c dossier.Claim, i int) {
	if r.byOrigin == nil {
		r.byOrigin, r.byArticle, r.byCopyOf = map[string]int{}, map[string]int{}, map[string]int{}
	}
	n := "\x00" + numbersKey(c)
	r.byOrigin[c.Origin+n] = i
	r.byArticle[c.Article+n] = i
	if c.CopyOf != "" {
		r.byCopyOf[c.CopyOf+n] = i
	}
}

// latest returns the latest claim added that c repeats, or -1.
func (r *reports) latest(c dossier.Claim) int {
	best := -1
	if r.byOrigin == nil {
		return best
	}
	n := "\x00" + numbersKey(c)
	if j, ok := r.byOrigin[c.Origin+n]; ok {
		best = j
	}
	if c.CopyOf != "" {
		for _, m := range []map[string]int{r.byArticle, r.byCopyOf} {
			if j, ok := m[c.CopyOf+n]; ok && j > best {
				best = j
			}
		}
	}
	return best
}

func reason(a, b dossier.Claim, d time.Duration) string {
	when := "the same day"
	if days := int(d.Hours() / 24); days != 0 {
		when = fmt.Sprintf("%d days apart", abs(days))
	}
	return fmt.Sprintf("%s says %s (%s), %s says %s (%s), %s: independent sources, disjoint numbers, not explained by growth",
		who(a), a.Text, a.Modality, who(b), b.Text, b.Modality, when)
}

func who(c dossier.Claim) string {
	if c.Source != "" {
		return c.Source
	}
	if c.Outlet != "" {
		return c.Outlet
	}
	return c.Article
}

// summarise: as of the latest date, the low, best and high of the current
// committed claims of independent sources (relays, projections,
// increments and superseded claims left out), the range of projections,
// the number of independent sources and of outlets.
func summarise(cs []dossier.Claim, superseded map[int]bool) dossier.SeriesSummary {
	var s dossier.SeriesSummary
	s.Claims = len(cs)
	origins, outlets := map[string]bool{}, map[string]bool{}
	var points, vague []float64
	var latest time.Time
	for i, c := range cs {
		origins[c.Origin] = true
		if c.Outlet != "" {
			outlets[c.Outlet] = true
		}
		if t, ok := dates.Mid(c.Date); ok && !t.Before(latest) {
			latest, s.AsOf, s.AsOfEstimated = t, c.Date, c.DateEstimated
		}
		if Projection(c.Modality) {
			lo, hi := interval(c)
			if c.Value != nil {
				lo, hi = *c.Value, *c.Value
			}
			if math.IsInf(hi, 1) {
				hi = lo
			}
			s.ProjectionLow = minp(s.ProjectionLow, lo)
			s.ProjectionHigh = maxp(s.ProjectionHigh, hi)
			continue
		}
		if c.Relation == dossier.ClaimRelays || c.Increment || superseded[i] || c.Modality == dossier.ModalityDenied || c.Modality == dossier.ModalityUnconfirmed {
			continue
		}
		lo, hi := interval(c)
		if c.Value != nil && (c.Bound == dossier.BoundAbout || c.Bound == dossier.BoundAtMost || c.Bound == dossier.BoundLessThan) {
			hi = *c.Value
			if c.Bound == dossier.BoundAbout {
				lo = *c.Value
			}
		}
		if math.IsInf(hi, 1) {
			hi = lo
		}
		if lo > 0 || c.Bound != dossier.BoundAtMost && c.Bound != dossier.BoundLessThan {
			s.Low = minp(s.Low, lo)
		}
		s.High = maxp(s.High, hi)
		if c.Value != nil {
			points = append(points, *c.Value)
		} else {
			vague = append(vague, point(c))
		}
	}
	// best: a number a source gave, the middle one (the lower of two);
	// only vague amounts ("des milliers"): the middle of theirs
	if len(points) == 0 {
		points = vague
	}
	if len(points) > 0 {
		sort.Float64s(points)
		m := points[(len(points)-1)/2]
		s.Best = &m
	}
	s.Sources, s.Outlets = len(origins), len(outlets)
	return s
}

func minp(p *float64, v float64) *float64 {
	if p == nil || v < *p {
		return &v
	}
	return p
}

func maxp(p *float64, v float64) *float64 {
	if p == nil || v > *p {
		return &v
	}
	return p
}

// Number formats a number the way reports print it: 100,000.
func Number(v float64) string {
	s := strconv.FormatFloat(math.Abs(v), 'f', -1, 64)
	intPart, frac := s, ""
	for i := range s {
		if s[i] == '.' {
			intPart, frac = s[:i], s[i:]
			break
		}
	}
	var b []byte
	for i := range intPart {
		if i > 0 && (len(intPart)-i)%3 == 0 {
			b = append(b, ',')
		}
		b = append(b, intPart[i])
	}
	if v < 0 {
		return "-" + string(b) + frac
	}
	return string(b) + frac
}
