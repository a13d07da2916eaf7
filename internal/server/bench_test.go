package server

import (
	"context"
	"math/rand/v2"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/bench"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// benchStore is the store the page benchmarks read: the one named by
// $DOSSIER_SERVE_BENCH_DB (a store built with "dossier bench --generate"
// and "dossier ingest"), else one of $DOSSIER_SERVE_BENCH_N (default
// 2,000) generated articles, built once and kept under the system's temp
// folder for the next runs (a 100,000-article store takes most of an hour
// to build on a shared machine; remove the folder to rebuild it).
var benchStore = sync.OnceValues(func() (dossier.Store, error) {
	ctx := context.Background()
	if p := os.Getenv("DOSSIER_SERVE_BENCH_DB"); p != "" {
		return sqlite.Open(ctx, p)
	}
	n := 2000
	if v, err := strconv.Atoi(os.Getenv("DOSSIER_SERVE_BENCH_N")); err == nil && v > 0 {
		n = v
	}
	dir := filepath.Join(os.TempDir(), "dossier-serve-bench-"+strconv.Itoa(n))
	db, done := filepath.Join(dir, "d.db"), filepath.Join(dir, "complete")
	if _, err := os.Stat(done); err == nil {
		return sqlite.Open(ctx, db)
	}
	// an unfinished build (an interrupted run) is started again
	if err := os.RemoveAll(dir); err != nil {
		return nil, err
	}
	if _, err := bench.WriteCorpus(filepath.Join(dir, "corpus"), n); err != nil {
		return nil, err
	}
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		return nil, err
	}
	if _, err := ingest.New(s, ingest.Options{}).Run(ctx, []string{filepath.Join(dir, "corpus")}, nil, func(ingest.Event) {}, nil); err != nil {
		return s, err
	}
	if err := os.RemoveAll(filepath.Join(dir, "corpus")); err != nil {
		return s, err
	}
	return s, os.WriteFile(done, nil, 0o644)
})

// targets are the requests benchmarked, a few of each kind drawn from the store.
func targets(b *testing.B, s dossier.Store) map[string][]string {
	ctx := context.Background()
	r := rand.New(rand.NewPCG(1, 2))
	sts, err := s.Stories(ctx)
	if err != nil || len(sts) == 0 {
		b.Fatalf("stories: %v", err)
	}
	hits, _, err := s.Articles(ctx, dossier.ArticleQuery{Limit: 5000})
	if err != nil || len(hits) == 0 {
		b.Fatalf("articles: %v", err)
	}
	t := map[string][]string{}
	for i := 0; i < 20; i++ {
		st := sts[r.IntN(len(sts))].ID
		if i == 0 {
			st = sts[0].ID // the largest
		}
		a := hits[r.IntN(len(hits))]
		t["story page"] = append(t["story page"], "/stories/"+st)
		t["story API"] = append(t["story API"], "/api/v1/stories/"+st)
		t["article page"] = append(t["article page"], "/articles/"+a.ID)
		t["article API"] = append(t["article API"], "/api/v1/articles/"+a.ID)
		art, err := s.Article(ctx, a.ID)
		if err != nil || len(art.Text) < 40 {
			continue
		}
		// a word of the article, and two
		words := wordsOf(art.Text)
		q := words[r.IntN(len(words))]
		if len(words) > 3 && i%2 == 0 {
			q += " " + words[r.IntN(len(words))]
		}
		t["search page"] = append(t["search page"], "/search?q="+url.QueryEscape(q))
		t["search API"] = append(t["search API"], "/api/v1/articles?q="+url.QueryEscape(q))
	}
	addSeriesTargets(b, s, t)
	return t
}

func wordsOf(text string) []string {
	var out []string
	w := ""
	for _, r := range text + " " {
		if r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' {
			w += string(r)
			continue
		}
		if len(w) >= 5 {
			out = append(out, w)
		}
		w = ""
	}
	if len(out) == 0 {
		out = []string{"the"}
	}
	return out
}

// BenchmarkPages serves each kind of page and API call from the store and
// reports the 50th and 99th percentile of the time per request.
//
//	go test ./internal/server -run '^$' -bench Pages -benchtime 200x
//	DOSSIER_SERVE_BENCH_DB=/tmp/bench.db go test ./internal/server -run '^$' -bench Pages -benchtime 200x
func BenchmarkPages(b *testing.B) {
	s, err := benchStore()
	if err != nil {
		b.Fatal(err)
	}
	srv, err := New(s, Options{})
	if err != nil {
		b.Fatal(err)
	}
	ts := targets(b, s)
	// a query of stop words only ("jusqu") is refused as having no words
	// to search for: not a page to time
	for _, kind := range []string{"search page", "search API"} {
		var ok []string
		for _, p := range ts[kind] {
			w := httptest.NewRecorder()
			if srv.ServeHTTP(w, httptest.NewRequest("GET", p, nil)); w.Code == http.StatusOK {
				ok = append(ok, p)
			}
		}
		ts[kind] = ok
	}
	kinds := make([]string, 0, len(ts))
	for k := range ts {
		kinds = append(kinds, k)
	}
	sort.Strings(kinds)
	for _, kind := range kinds {
		paths := ts[kind]
		if len(paths) == 0 {
			continue
		}
		b.Run(kind, func(b *testing.B) {
			times := make([]time.Duration, 0, b.N)
			for i := 0; b.Loop(); i++ {
				req := httptest.NewRequest("GET", paths[i%len(paths)], nil)
				w := httptest.NewRecorder()
				start := time.Now()
				srv.ServeHTTP(w, req)
				times = append(times, time.Since(start))
				if w.Code != http.StatusOK {
					b.Fatalf("GET %s = %d: %.300s", req.URL, w.Code, w.Body)
				}
			}
			sort.Slice(times, func(i, j int) bool { return times[i] < times[j] })
			q := func(p float64) float64 {
				return float64(times[min(len(times)-1, int(p*float64(len(times))))].Microseconds()) / 1000
			}
			b.ReportMetric(q(0.50), "p50-ms")
			b.ReportMetric(q(0.99), "p99-ms")
			b.ReportMetric(0, "ns/op")
		})
	}
	b.Logf("store of %d articles", countArticles(s))
}

func countArticles(s dossier.Store) int {
	n := 0
	after := ""
	for {
		hits, next, err := s.Articles(context.Background(), dossier.ArticleQuery{Limit: 500, After: after})
		if err != nil {
			return n
		}
		n += len(hits)
		if next == "" {
			return n
		}
		after = next
	}
}
