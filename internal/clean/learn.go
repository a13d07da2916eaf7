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
	MaxSiteSpans = 1 << 15
	// spanHorizon: a span last seen this many days before the site's
	// latest page weighs less than 1/64 and is forgotten.
	spanHorizon = int32(6 * SpanHalfLife)
)

// spanSeen is one span's recent pages.
type spanSeen struct {
	docs [spanDocs]uint64
	days [spanDocs]int32
	n    uint8
}

// SiteSpans is the span furniture state of one site. It is not safe for
// concurrent use while it is added to; Recurring may be called from many
// goroutines once adding is done.
type SiteSpans struct {
	m     map[uint64]spanSeen
	today int32 // the latest day a page of the site was added on
}

// NewSiteSpans returns an empty state.
func NewSiteSpans() *SiteSpans { return &SiteSpans{m: map[uint64]spanSeen{}} }

// Len is the number of spans remembered.
func (s *SiteSpans) Len() int { return len(s.m) }

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
	for _, k := range keys {
		e := s.m[k]
		i := slices.Index(e.docs[:e.n], doc)
		switch {
		case i >= 0:
			e.days[i] = max(e.days[i], day)
		case int(e.n) < spanDocs:
			e.docs[e.n], e.days[e.n] = doc, day
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
			e.docs[old], e.days[old] = doc, day
		}
		s.m[k] = e
	}
	if len(s.m) > MaxSiteSpans {
		s.forget(MaxSiteSpans / 2)
	}
}

// weight is what a sighting on day seen counts on day at.
func weight(at, seen int32) float64 {
	if seen >= at {
		return 1
	}
	return math.Exp2(-float64(at-seen) / SpanHalfLife)
}

// Recurring returns the function Options.RecurringSpan wants for page doc
// of day day: the decayed count of the other pages each span was seen in,
// rounded down.
func (s *SiteSpans) Recurring(doc uint64, day int32) func(uint64) int {
	if day == 0 {
		day = s.today
	}
	return func(k uint64) int {
		e, ok := s.m[k]
		if !ok || e.n < 2 && e.docs[0] == doc {
			return 0
		}
		w := 0.0
		for i := 0; i < int(e.n); i++ {
			if e.docs[i] != doc {
				w += weight(day, e.days[i])
			}
		}
		return int(w + 1e-9)
	}
}

// forget drops spans until at most keep remain: first those past the
// horizon, then the ones seen in one page, stalest first, then the
// stalest of the others. It costs a sort of the spans, once per
// MaxSiteSpans/2 added, so adding stays linear.
func (s *SiteSpans) forget(keep int) {
	type cand struct {
		k      uint64
		n      uint8
		newest int32
	}
	cs := make([]cand, 0, len(s.m))
	for k, e := range s.m {
		newest := slices.Max(e.days[:e.n])
		if newest < s.today-spanHorizon {
			delete(s.m, k)
			continue
		}
		cs = append(cs, cand{k, e.n, newest})
	}
	if len(cs) <= keep {
		return
	}
	slices.SortFunc(cs, func(a, b cand) int {
		if (a.n > 1) != (b.n > 1) {
			if a.n > 1 {
				return 1
			}
			return -1
		}
		if a.newest != b.newest {
			return int(a.newest - b.newest)
		}
		switch {
		case a.k < b.k:
			return -1
		case a.k > b.k:
			return 1
		}
		return 0
	})
	for _, c := range cs[:len(cs)-keep] {
		delete(s.m, c.k)
	}
}

// Marshal encodes what is worth keeping across runs: the spans seen in
// two pages or more (furniture, or on its way to be), within the horizon,
// in key order so that the same state has the same bytes.
func (s *SiteSpans) Marshal() []byte {
	keys := make([]uint64, 0, len(s.m)/8)
	for k, e := range s.m {
		if e.n >= 2 && slices.Max(e.days[:e.n]) >= s.today-spanHorizon {
			keys = append(keys, k)
		}
	}
	slices.Sort(keys)
	b := make([]byte, 0, 16+len(keys)*(8+1+spanDocs*12))
	b = append(b, 1) // version
	b = binary.AppendVarint(b, int64(s.today))
	b = binary.AppendUvarint(b, uint64(len(keys)))
	for _, k := range keys {
		e := s.m[k]
		b = binary.LittleEndian.AppendUint64(b, k)
		b = append(b, e.n)
		for i := 0; i < int(e.n); i++ {
			b = binary.LittleEndian.AppendUint64(b, e.docs[i])
			b = binary.AppendVarint(b, int64(s.today-e.days[i]))
		}
	}
	return b
}

var errSpanState = errors.New("furniture span state: malformed")

// UnmarshalSiteSpans decodes what Marshal wrote.
func UnmarshalSiteSpans(b []byte) (*SiteSpans, error) {
	s := NewSiteSpans()
	if len(b) == 0 || b[0] != 1 {
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
			if len(b) < 8 {
				return nil, errSpanState
			}
			e.docs[i] = binary.LittleEndian.Uint64(b)
			age, n := binary.Varint(b[8:])
			if n <= 0 {
				return nil, errSpanState
			}
			e.days[i] = s.today - int32(age)
			b = b[8+n:]
		}
		s.m[k] = e
	}
	if len(b) != 0 {
		return nil, errSpanState
	}
	return s, nil
}
