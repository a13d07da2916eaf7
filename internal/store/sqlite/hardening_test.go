package sqlite

import (
	"context"
	"fmt"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/bench"
	"github.com/dossier-news/dossier/internal/dedupe"
)

// longText returns about n bytes of generated article text, with
// "Zorglubville" only near its end.
func longArticleText(n int) string {
	var sb strings.Builder
	for i := 0; sb.Len() < n; i++ {
		for _, d := range bench.Corpus(64, uint64(i)) {
			sb.WriteString(strings.Join(d.Lines[2:], "\n"))
			sb.WriteString("\n")
		}
	}
	sb.WriteString("At the very end, Zorglubville counted 300 boats.\n")
	return sb.String()
}

func putText(t testing.TB, s *Store, title, text string) string {
	h := dedupe.Hash(text)
	a := &dossier.Article{ID: dedupe.ID(h), TextHash: h, Title: title, Text: text, Input: title}
	if _, _, err := s.Put(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a.ID
}

func tempStore(t testing.TB) *Store {
	s, err := Open(context.Background(), filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestWindows(t *testing.T) {
	text := strings.Repeat("été naïf ", 3000) + strings.Repeat("x", 9000) + " fin"
	ws := windows(text)
	if strings.Join(ws, "") != text {
		t.Fatal("windows do not make up the text")
	}
	for i, w := range ws {
		if len(w) > windowSize || !utf8.ValidString(w) {
			t.Errorf("window %d: %d bytes, valid %v", i, len(w), utf8.ValidString(w))
		}
	}
}

// TestLongArticleSnippet: the snippet of a long article shows the words
// searched for, from the window they are in, wherever it is.
func TestLongArticleSnippet(t *testing.T) {
	ctx := context.Background()
	s := tempStore(t)
	long := putText(t, s, "Long", longArticleText(1<<20))
	short := putText(t, s, "Short", "Floods in Quimperlevin: the river rose by 2 metres, and Zorglubville too.")
	for _, tt := range []struct{ q, want string }{
		{"Zorglubville", "[Zorglubville]"},
		{"Zorglubville boats", "[boats]"},
		{`"counted 300 boats"`, "[counted 300 boats]"},
		{"Quimperlevin", "[Quimperlevin]"},
	} {
		hits, err := s.Search(ctx, tt.q, 10)
		if err != nil || len(hits) == 0 {
			t.Fatalf("search %q: %v, %v", tt.q, hits, err)
		}
		for _, h := range hits {
			if h.ID != long && h.ID != short {
				t.Errorf("search %q: hit %s", tt.q, h.ID)
			}
			if !strings.Contains(h.Snippet, tt.want) || len(h.Snippet) > 1000 {
				t.Errorf("search %q: snippet of %s is %q, want %q in it", tt.q, h.Title, h.Snippet, tt.want)
			}
		}
	}
}

// BenchmarkSearchSnippet times one search hitting one long article, with
// its snippet from windows ("windows") and, for comparison, with FTS5's
// snippet() of the whole text ("whole-text").
func BenchmarkSearchSnippet(b *testing.B) {
	ctx := context.Background()
	for _, size := range []int{64 << 10, 1 << 20, 4 << 20} {
		s := tempStore(b)
		putText(b, s, "Long", longArticleText(size))
		b.Run(fmt.Sprintf("windows/%dKB", size>>10), func(b *testing.B) {
			for b.Loop() {
				if hits, err := s.Search(ctx, "army", 5); err != nil || len(hits) != 1 || !strings.Contains(hits[0].Snippet, "[") {
					b.Fatalf("%v %v", hits, err)
				}
			}
		})
		if size > 1<<20 && testing.Short() {
			continue
		}
		b.Run(fmt.Sprintf("whole-text/%dKB", size>>10), func(b *testing.B) {
			for b.Loop() {
				var snip string
				if err := s.db.QueryRowContext(ctx, `SELECT snippet(articles_fts, 1, '[', ']', '…', 16) FROM articles_fts WHERE articles_fts MATCH ?`, `"army"`).Scan(&snip); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// FuzzSearchQuery: whatever a user types, search gives hits or says there
// are no words to search for, never an SQL or FTS5 error.
func FuzzSearchQuery(f *testing.F) {
	s := tempStore(f)
	putText(f, s, "Crue", "La Loire est montée de 2 mètres à Nantes, l'armée évacue 3 000 habitants.")
	for _, q := range []string{"loire", `"l'armée" évacue`, "ukrain*", `a"b"c`, "NEAR(a b)", "x OR y", "-", "*", `"`, "a AND", "col:term", "^start", "x\x00y", "été*-*"} {
		f.Add(q)
	}
	f.Fuzz(func(t *testing.T, q string) {
		_, err := s.Search(context.Background(), q, 5)
		if err != nil && !strings.Contains(err.Error(), "no words to search for") {
			t.Fatalf("search %q: %v", q, err)
		}
	})
}
