package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"sort"
	"strings"
	"testing"
	"unicode"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/pagegen"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// TestWholePages ingests the generated whole-page captures (internal/pagegen)
// in small chunks, as a crawl arrives, and measures against the
// generator's truth: the words of each article kept and the furniture
// left (token precision and recall), the copy links per relation
// (pairs of pages), the repeat captures found the same, and a second
// ingest of the same file storing nothing.
func TestWholePages(t *testing.T) {
	wholePages(t, t.Errorf)
	// without span learning the set fails its bars: it tests it
	spanLearning = false
	defer func() { spanLearning = true }()
	failed := false
	t.Run("without spans", func(t *testing.T) {
		wholePages(t, func(format string, args ...any) { failed = true; t.Logf("(expected) "+format, args...) })
	})
	if !failed {
		t.Errorf("the set passes without span learning: it does not test it")
	}
}

func wholePages(t *testing.T, fail func(format string, args ...any)) {
	ctx := context.Background()
	pages := pagegen.Generate(1, pagegen.DefaultOptions)
	dir := t.TempDir()
	file := filepath.Join(dir, "pages.jsonl")
	var b strings.Builder
	for _, p := range pages {
		line, _ := json.Marshal(map[string]string{"url": p.URL, "title": p.Title, "date": p.Date, "text": p.Text})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(ctx, filepath.Join(dir, "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	dupOf := map[string][]string{} // by URL, the ids of inputs found already stored
	run := func() Summary {
		sum, err := New(s, Options{ChunkSize: 24}).Run(ctx, []string{file}, nil, func(e Event) {
			if e.Err != nil {
				t.Errorf("%s: %v", e.Input, e.Err)
			}
			if e.Dup {
				dupOf[e.Input] = append(dupOf[e.Input], e.ID)
			}
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		return sum
	}
	sum := run()
	// each page's article: its own, or the one it was a copy of
	docs, errs := extract.JSONL(file, []byte(b.String()))
	if len(errs) > 0 || len(docs) != len(pages) {
		t.Fatalf("reading back: %d docs, %v", len(docs), errs)
	}
	ids := make([]string, len(pages))
	texts := map[string]string{}
	for i, d := range docs {
		id := InputID(d)
		a, err := s.Article(ctx, id)
		switch {
		case err == nil && a.ID == id:
		case err == nil || errors.Is(err, dossier.ErrNotFound):
			if q := dupOf[d.Input]; len(q) > 0 {
				id, dupOf[d.Input] = q[0], q[1:]
				a, err = s.Article(ctx, id)
			}
		}
		if err != nil {
			t.Fatalf("%s: no article: %v", d.Input, err)
		}
		ids[i] = id
		texts[id] = a.Text
	}

	// body words kept, furniture left
	var prec, rec [2]float64
	var n [2]int
	for i, p := range pages {
		pp, rr := tokenPR(p.Body, texts[ids[i]])
		k := 0
		if p.Flat {
			k = 1
		}
		prec[k] += pp
		rec[k] += rr
		n[k]++
	}
	for k, name := range []string{"lines", "flat"} {
		p, r := prec[k]/float64(n[k]), rec[k]/float64(n[k])
		t.Logf("%s pages (%d): body kept %.3f, furniture left %.3f, token F1 %.3f", name, n[k], r, 1-p, 2*p*r/(p+r))
		if r < 0.95 || 1-p > 0.05 {
			fail("%s pages: body kept %.3f (want >= 0.95), furniture left %.3f (want <= 0.05)", name, r, 1-p)
		}
	}

	// flat pages have paragraphs again
	paras, truthParas, flat := 0, 0, 0
	for i, p := range pages {
		if p.Flat {
			flat++
			paras += strings.Count(strings.TrimSpace(texts[ids[i]]), "\n\n") + 1
			truthParas += strings.Count(p.Body, "\n\n") + 1
		}
	}
	t.Logf("flat pages: %.1f paragraphs each (the articles have %.1f)", float64(paras)/float64(flat), float64(truthParas)/float64(flat))
	if 2*paras < truthParas {
		fail("flat pages: %d paragraphs for %d in the articles (want at least half)", paras, truthParas)
	}

	// copy links, as relations between pages
	links, _, err := s.Copies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	rel := map[[2]string]string{}
	external := map[string][]string{}
	norm := func(r dossier.Relation) string {
		switch r {
		case dossier.RelNear, dossier.RelIdentical:
			return "same"
		}
		return string(r)
	}
	for _, l := range links {
		if _, err := s.Article(ctx, l.Original); err != nil {
			external[l.Original] = append(external[l.Original], l.Article)
			continue
		}
		rel[[2]string{l.Article, l.Original}] = norm(l.Relation)
		rel[[2]string{l.Original, l.Article}] = norm(l.Relation)
	}
	for src, arts := range external {
		for _, a := range arts {
			for _, b := range arts {
				if a != b && rel[[2]string{a, b}] == "" {
					rel[[2]string{a, b}] = "cites"
				}
			}
		}
		_ = src
	}
	type pr struct{ tp, pred, truth int }
	score := map[string]*pr{"same": {}, "updated": {}, "cites": {}}
	repeats, repeatsSame := 0, 0
	var wrong []string
	for i := range pages {
		for j := i + 1; j < len(pages); j++ {
			want := pagegen.Relation(pages[i], pages[j])
			got := rel[[2]string{ids[i], ids[j]}]
			if ids[i] == ids[j] {
				got = "same"
			}
			if pages[i].URL == pages[j].URL && pages[i].Version == pages[j].Version {
				repeats++
				if got == "same" {
					repeatsSame++
				}
			}
			if s := score[want]; s != nil {
				s.truth++
				if got == want {
					s.tp++
				}
			}
			if s := score[got]; s != nil {
				s.pred++
			} else if got != "" {
				score[got] = &pr{pred: 1}
			}
			if got != want && len(wrong) < 8 {
				wrong = append(wrong, "  "+pages[i].URL+" ~ "+pages[j].URL+": got "+strOr(got)+", want "+strOr(want))
			}
		}
	}
	names := make([]string, 0, len(score))
	for k := range score {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		s := score[k]
		p, r := ratio(s.tp, s.pred), ratio(s.tp, s.truth)
		t.Logf("copies %-8s precision %.3f recall %.3f (%d predicted, %d true pairs)", k, p, r, s.pred, s.truth)
		if p < 0.97 || r < 0.95 {
			fail("copies %s: precision %.3f (want >= 0.97), recall %.3f (want >= 0.95)", k, p, r)
		}
	}
	if len(wrong) > 0 {
		t.Logf("some wrong pairs:\n%s", strings.Join(wrong, "\n"))
	}
	rs := ratio(repeatsSame, repeats)
	t.Logf("repeat captures of an unchanged article found the same: %.3f (%d pairs)", rs, repeats)
	if repeats == 0 || rs < 0.95 {
		fail("repeat captures the same in %.3f (want >= 0.95)", rs)
	}

	// a second ingest of the same file stores nothing
	again := run()
	t.Logf("first ingest: %d stored, %d duplicates; second: %d stored, %d duplicates", sum.Ingested, sum.Duplicates, again.Ingested, again.Duplicates)
	if again.Ingested != 0 || again.Duplicates != len(pages) {
		fail("re-ingest stored %d articles (want 0) and found %d duplicates (want %d)", again.Ingested, again.Duplicates, len(pages))
	}
}

// TestSpanStateParked: with one site held decoded at a time, the others
// parked encoded, then dropped and read back from the store, pages clean
// as with all sites in memory.
func TestSpanStateParked(t *testing.T) {
	ctx := context.Background()
	pages := pagegen.Generate(4, pagegen.Options{Outlets: 5, Days: 1, PerDay: 6})
	file := filepath.Join(t.TempDir(), "pages.jsonl")
	var b strings.Builder
	for _, p := range pages {
		line, _ := json.Marshal(map[string]string{"url": p.URL, "title": p.Title, "date": p.Date, "text": p.Text})
		b.Write(line)
		b.WriteByte('\n')
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	texts := func() map[string]string {
		s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := New(s, Options{ChunkSize: 3}).Run(ctx, []string{file}, nil, func(e Event) {
			if e.Err != nil {
				t.Errorf("%s: %v", e.Input, e.Err)
			}
		}, nil); err != nil {
			t.Fatal(err)
		}
		hits, _, err := s.Articles(ctx, dossier.ArticleQuery{Limit: 1000})
		if err != nil {
			t.Fatal(err)
		}
		out := map[string]string{}
		for _, h := range hits {
			a, err := s.Article(ctx, h.ID)
			if err != nil {
				t.Fatal(err)
			}
			out[a.ID] = a.Text
		}
		return out
	}
	want := texts()
	defer func(n int) { maxSitesInMemory = n }(maxSitesInMemory)
	maxSitesInMemory = 1
	got := texts()
	if len(got) != len(want) {
		t.Fatalf("%d articles parked, %d not", len(got), len(want))
	}
	for id, w := range want {
		if got[id] != w {
			t.Errorf("%s: parking changed the clean text", id)
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

func strOr(s string) string {
	if s == "" {
		return "none"
	}
	return s
}

// tokenPR is the token precision and recall of pred against truth
// (multisets of case-folded words).
func tokenPR(truth, pred string) (p, r float64) {
	words := func(s string) []string {
		var out []string
		for f := range strings.FieldsSeq(s) {
			if w := strings.ToLower(strings.TrimFunc(f, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })); w != "" {
				out = append(out, w)
			}
		}
		return out
	}
	want := map[string]int{}
	tw := words(truth)
	for _, w := range tw {
		want[w]++
	}
	pw := words(pred)
	tp := 0
	for _, w := range pw {
		if want[w] > 0 {
			want[w]--
			tp++
		}
	}
	if len(pw) == 0 || len(tw) == 0 {
		return 0, 0
	}
	return float64(tp) / float64(len(pw)), float64(tp) / float64(len(tw))
}

// BenchmarkIngestWholePages ingests the generated whole pages into a new
// store, span learning off then on: what furniture learning adds to an
// ingest, all stages counted.
func BenchmarkIngestWholePages(b *testing.B) {
	ctx := context.Background()
	pages := pagegen.Generate(2, pagegen.DefaultOptions)
	file := filepath.Join(b.TempDir(), "pages.jsonl")
	var sb strings.Builder
	for _, p := range pages {
		line, _ := json.Marshal(map[string]string{"url": p.URL, "title": p.Title, "date": p.Date, "text": p.Text})
		sb.Write(line)
		sb.WriteByte('\n')
	}
	if err := os.WriteFile(file, []byte(sb.String()), 0o644); err != nil {
		b.Fatal(err)
	}
	for _, on := range []bool{false, true} {
		b.Run(fmt.Sprintf("spans=%v", on), func(b *testing.B) {
			spanLearning = on
			defer func() { spanLearning = true }()
			for b.Loop() {
				s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "d.db"))
				if err != nil {
					b.Fatal(err)
				}
				if _, err := New(s, Options{}).Run(ctx, []string{file}, nil, func(Event) {}, nil); err != nil {
					b.Fatal(err)
				}
				s.Close()
			}
			b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(pages)), "µs/article")
		})
	}
}
