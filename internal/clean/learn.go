package clean

import (
	"encoding/binary"
	"errors"
	"math"
	"slices"
)

// Span learning keeps, per site, the pages each word span was last seen
// in and the day of each, and weighs a page by its age: a menu seen on
// every page stays furniture, the carousel of one day's headlines is
// furniture that day and fades after, and a phrase two articles shared a
// month ago counts for nothing.
const (
	// SpanHalfLife is the age, in days, at which a page's sighting of a
	// span counts half.
	SpanHalfLife = 3.0
	// spanDocs is how many pages a span remembers: the threshold is two
	// other pages, so four leave room for the page itself and one more.
	spanDocs = 4
	// MaxSiteSpans bounds the spans remembered per site. Past it the spans
	// seen in one page only, then the stalest, are forgotten: furniture
	// recurs, so it is seen again before it matters.
	MaxSiteSpans = 1 << 14
	// spanHorizon: a span last seen this many days before the site's
	// latest page weighs less than 1/64 and is forgotten.
	spanHorizon = int32(6 * SpanHalfLife)
)

// spanSeen is one span's recent pages.
type spanSeen struct {
	docs [spanDocs]uint32 // folded page keys: a clash costs one page's count on one span
	days [spanDocs]int32
	n    uint8
}

// spanTable is an open-addressing hash table of spans (linear probing,
// key 0 for an empty slot), at most half full: every word of every page
// is looked up and most are added, and a Go map of these values cost
// more than the rest of cleaning.
type spanTable struct {
	keys []uint64
	vals []spanSeen
	n    int
}

func newSpanTable(size int) spanTable {
	c := 64
	for c < 2*size {
		c <<= 1
	}
	return spanTable{keys: make([]uint64, c), vals: make([]spanSeen, c)}
}

func tableKey(k uint64) uint64 {
	if k == 0 {
		return 1 // 0 marks an empty slot
	}
	return k
}

// slot is where k is, or would go.
func (t *spanTable) slot(k uint64) int {
	mask := len(t.keys) - 1
	i := int((k * 0x9e3779b97f4a7c15) >> 32 & uint64(mask))
	for t.keys[i] != 0 && t.keys[i] != k {
		i = (i + 1) & mask
	}
	return i
}

func (t *spanTable) get(k uint64) (*spanSeen, bool) {
	i := t.slot(tableKey(k))
	return &t.vals[i], t.keys[i] != 0
}

// put returns the entry of k, added empty if new; the table must have
// room (n < len/2).
func (t *spanTable) put(k uint64) *spanSeen {
	k = tableKey(k)
	i := t.slot(k)
	if t.keys[i] == 0 {
		t.keys[i] = k
		t.n++
	}
	return &t.vals[i]
}

// SiteSpans is the span furniture state of one site. It is not safe for
// concurrent use while it is added to; Recurring may be called from many
// goroutines once adding is done.
type SiteSpans struct {
	t     spanTable
	today int32 // the latest day a page of the site was added on
}

// NewSiteSpans returns an empty state.
func NewSiteSpans() *SiteSpans { return &SiteSpans{t: newSpanTable(1024)} }

// Len is the number of spans remembered.
func (s *SiteSpans) Len() int { return s.t.n }

// each calls f for each span and its entry.
func (s *SiteSpans) each(f func(k uint64, e *spanSeen)) {
	for i, k := range s.t.keys {
		if k != 0 {
			f(k, &s.t.vals[i])
		}
	}
}

// rebuild makes a table sized for n more spans holding the entries keep
// says to keep.
func (s *SiteSpans) rebuild(more int, keep func(k uint64, e *spanSeen) bool) {
	t := newSpanTable(min(s.t.n+more, MaxSiteSpans+more))
	s.each(func(k uint64, e *spanSeen) {
		if keep(k, e) {
			*t.put(k) = *e
		}
	})
	s.t = t
}

// Today is the latest day (days since 1970-01-01) a page was added on.
func (s *SiteSpans) Today() int32 { return s.today }

// Add records that page doc (SpanKeys), of day day, has these spans. A
// day of 0 means unknown: the site's latest day.
func (s *SiteSpans) Add(doc uint64, day int32, keys []uint64) {
	if day == 0 {
		day = s.today
	}
	if day > s.today {
		s.today = day
	}
	if s.t.n+len(keys) > MaxSiteSpans {
		s.forget(MaxSiteSpans / 2)
	}
	if 2*(s.t.n+len(keys)) > len(s.t.keys) {
		s.rebuild(s.t.n+len(keys), func(uint64, *spanSeen) bool { return true }) // doubling: rebuilds stay linear
	}
	doc32 := fold32(doc)
	for _, k := range keys {
		e := s.t.put(k)
		i := slices.Index(e.docs[:e.n], doc32)
		switch {
		case i >= 0:
			e.days[i] = max(e.days[i], day)
		case int(e.n) < spanDocs:
			e.docs[e.n], e.days[e.n] = doc32, day
			e.n++
		default:
			old := 0
			for j := 1; j < spanDocs; j++ {
				if e.days[j] < e.days[old] {
					old = j
				}
			}
			if e.days[old] > day {
				continue // older than all it remembers
			}
			e.docs[old], e.days[old] = doc32, day
		}
	}
}

func fold32(k uint64) uint32 { return uint32(k ^ k>>32) }

// weights[age] is what a sighting age days old counts.
var weights = func() (w [spanHorizon + 1]float64) {
	for age := range w {
		w[age] = math.Exp2(-float64(age) / SpanHalfLife)
	}
	return w
}()

// weight is what a sighting on day seen counts on day at.
func weight(at, seen int32) float64 {
	switch age := at - seen; {
	case age <= 0:
		return 1
	case age > spanHorizon:
		return 0
	default:
		return weights[age]
	}
}

// Recurring returns the function Options.RecurringSpan wants for page doc
// of day day: the decayed count of the other pages each span was seen in,
// rounded down.
func (s *SiteSpans) Recurring(doc uint64, day int32) func(uint64) int {
	if day == 0 {
		day = s.today
	}
	doc32 := fold32(doc)
	return func(k uint64) int {
		e, ok := s.t.get(k)
		if !ok || e.n < 2 && e.docs[0] == doc32 {
			return 0
		}
		w := 0.0
		for i := 0; i < int(e.n); i++ {
			if e.docs[i] != doc32 {
				w += weight(day, e.days[i])
			}
		}
		return int(w + 1e-9)
	}
}

// forget drops spans until at most keep remain: first those past the
// horizon, then the ones seen in one page, stalest first, then the
// stalest of the others. Ages are counted in a histogram, not sorted: it
// runs once per MaxSiteSpans/2 spans added, and a sort there cost as much
// as the rest of span learning.
func (s *SiteSpans) forget(keep int) {
	// by age in days (0..spanHorizon), the spans seen in one page and in more
	var once, more [spanHorizon + 1]int
	newest := func(e *spanSeen) int32 { return slices.Max(e.days[:e.n]) }
	age := func(e *spanSeen) int32 { return max(0, s.today-newest(e)) }
	live := 0
	s.each(func(_ uint64, e *spanSeen) {
		if a := age(e); a <= spanHorizon {
			if e.n > 1 {
				more[a]++
			} else {
				once[a]++
			}
			live++
		}
	})
	// the oldest age kept of each kind, and how many of that age go:
	// past it all go
	cutOnce, cutMore := spanHorizon, spanHorizon
	dropOnce, dropMore := 0, 0
	excess := live - keep
	for a := spanHorizon; a >= 0 && excess > 0; a-- {
		n := min(once[a], excess)
		cutOnce, dropOnce, excess = a, n, excess-n
	}
	for a := spanHorizon; a >= 0 && excess > 0; a-- {
		n := min(more[a], excess)
		cutMore, dropMore, excess = a, n, excess-n
	}
	s.rebuild(0, func(_ uint64, e *spanSeen) bool {
		a := age(e)
		cut, drop := cutOnce, &dropOnce
		if e.n > 1 {
			cut, drop = cutMore, &dropMore
		}
		switch {
		case a > spanHorizon || a > cut:
			return false
		case a == cut && *drop > 0:
			*drop--
			return false
		}
		return true
	})
}

// Marshal encodes what is worth keeping across runs: the spans seen in
// two pages or more (furniture, or on its way to be), within the horizon,
// in key order so that the same state has the same bytes.
func (s *SiteSpans) Marshal() []byte { return s.marshal(2) }

// MarshalAll encodes the whole state, the spans seen once too: a state
// put aside for a while and taken back is then the same.
func (s *SiteSpans) MarshalAll() []byte { return s.marshal(1) }

func (s *SiteSpans) marshal(minPages uint8) []byte {
	keys := make([]uint64, 0, s.t.n/8)
	s.each(func(k uint64, e *spanSeen) {
		if e.n >= minPages && slices.Max(e.days[:e.n]) >= s.today-spanHorizon {
			keys = append(keys, k)
		}
	})
	slices.Sort(keys)
	b := make([]byte, 0, 16+len(keys)*(8+1+spanDocs*12))
	b = append(b, 2) // version
	b = binary.AppendVarint(b, int64(s.today))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		e, _ := s.t.get(k)
		b = binary.LittleEndian.AppendUint64(b, k)
		b = append(b, e.n)
		for i := 0; i < int(e.n); i++ {
			b = binary.LittleEndian.AppendUint32(b, e.docs[i])
			b = binary.AppendVarint(b, int64(s.today-e.days[i]))
		}
	}
	return b
}

var errSpanState = errors.New("furniture span state: malformed")

// UnmarshalSiteSpans decodes what Marshal wrote.
func UnmarshalSiteSpans(b []byte) (*SiteSpans, error) {
	s := NewSiteSpans()
	if len(b) == 0 || b[0] != 2 {
		return nil, errSpanState
	}
	b = b[1:]
	today, n := binary.Varint(b)
	if n <= 0 {
		return nil, errSpanState
	}
	b = b[n:]
	s.today = int32(today)
	count, n := binary.Uvarint(b)
	if n <= 0 || count > MaxSiteSpans*2 {
		return nil, errSpanState
	}
	b = b[n:]
	s.t = newSpanTable(int(count) + 1024)
	for ; count > 0; count-- {
		if len(b) < 9 {
			return nil, errSpanState
		}
		k := binary.LittleEndian.Uint64(b)
		e := spanSeen{n: b[8]}
		b = b[9:]
		if e.n > spanDocs {
			return nil, errSpanState
		}
		for i := 0; i < int(e.n); i++ {
			if len(b) < 4 {
				return nil, errSpanState
			}
			e.docs[i] = binary.LittleEndian.Uint32(b)
			age, n := binary.Varint(b[4:])
			if n <= 0 {
				return nil, errSpanState
			}
			e.days[i] = s.today - int32(age)
			b = b[4+n:]
		}
		*s.t.put(k) = e
	}
	if len(b) != 0 {
		return nil, errSpanState
	}
	return s, nil
}
