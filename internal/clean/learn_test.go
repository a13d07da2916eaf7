package clean

import (
	"bytes"
	"testing"
)

func TestSiteSpans(t *testing.T) {
	s := NewSiteSpans()
	const day = 20000
	carousel := []uint64{1, 2, 3}
	for doc := uint64(10); doc < 14; doc++ {
		s.Add(doc, day, append([]uint64{doc * 100}, carousel...))
	}
	s.Add(10, day, []uint64{1, 1000}) // a repeat capture of page 10
	tests := []struct {
		name     string
		doc      uint64
		day      int32
		key      uint64
		want     int
		wantMore bool
	}{
		{"the day's carousel, that day", 10, day, 1, 3, false},
		{"a page's own body", 10, day, 1000, 0, false},
		{"a body span, from another page", 11, day, 1000, 1, false},
		{"the carousel a day later", 99, day + 1, 2, 3, false},
		{"the carousel ten days later", 99, day + 10, 2, 0, false},
		{"unknown span", 10, day, 7, 0, false},
	}
	for _, tc := range tests {
		if got := s.Recurring(tc.doc, tc.day)(tc.key); got != tc.want {
			t.Errorf("%s: Recurring = %d, want %d", tc.name, got, tc.want)
		}
	}
	// the state survives a round trip, and only what recurs is kept
	b := s.Marshal()
	r, err := UnmarshalSiteSpans(b)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(r.Marshal(), b) || r.Len() != len(carousel) {
		t.Errorf("round trip: %d spans (want %d recurring), same bytes %v", r.Len(), len(carousel), bytes.Equal(r.Marshal(), b))
	}
	if got := r.Recurring(10, day)(1); got != 3 {
		t.Errorf("after the round trip: Recurring = %d, want 3", got)
	}
	for _, bad := range [][]byte{nil, {1}, b[:len(b)-1], append(append([]byte{}, b...), 0)} {
		if _, err := UnmarshalSiteSpans(bad); err == nil {
			t.Errorf("UnmarshalSiteSpans(%d bytes) did not fail", len(bad))
		}
	}
	// memory is bounded: pages of unique spans do not grow the state
	// past its cap, and the recurring spans outlive the forgetting
	for doc := uint64(1000); doc < 1400; doc++ {
		keys := make([]uint64, 1000)
		for i := range keys {
			keys[i] = doc<<20 | uint64(i)
		}
		s.Add(doc, day, append(keys, carousel...))
	}
	if s.Len() > MaxSiteSpans {
		t.Errorf("%d spans remembered, the cap is %d", s.Len(), MaxSiteSpans)
	}
	if got := s.Recurring(1, day)(1); got < 2 {
		t.Errorf("carousel forgotten: Recurring = %d", got)
	}
}

func TestPageURL(t *testing.T) {
	same := []string{
		"https://www.example.fr/politique/article/2025/03/11/x_123.html",
		"http://example.fr/politique/article/2025/03/11/x_123.html?utm_source=twitter&xtor=RSS-1#comments",
		"https://WWW.Example.fr/politique/article/2025/03/11/x_123.html/",
	}
	for _, u := range same[1:] {
		if pageURL(u) != pageURL(same[0]) {
			t.Errorf("pageURL(%q) = %q, want %q", u, pageURL(u), pageURL(same[0]))
		}
	}
	if pageURL("https://example.fr/article?id=1") == pageURL("https://example.fr/article?id=2") {
		t.Error("pages told apart by their query are one page")
	}
}
