package work_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/queue"
	"github.com/dossier-news/dossier/internal/store/postgres"
	"github.com/dossier-news/dossier/internal/store/postgres/pgtest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/dossier-news/dossier/internal/work"
)

// relations is what relating gave a store, in a form two stores compare
// in: stories as sets of articles, copy links, series as sets of claims.
type relations struct {
	Articles, Stories, Copies, Series []string
}

func relationsOf(t *testing.T, s dossier.Store) relations {
	t.Helper()
	ctx := context.Background()
	var r relations
	list, err := s.List(ctx, dossier.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	links, sights, err := s.Copies(ctx)
	if err != nil {
		t.Fatal(err)
	}
	// Exact duplicates (one clean text from several inputs) are one
	// article and its sightings: which input is the article is the one
	// stored first, which a failure can change (docs/DESIGN.md). They
	// are named by their inputs, not by the id of the one stored.
	inputs := map[string][]string{}
	for _, a := range list {
		inputs[a.ID] = append(inputs[a.ID], a.Input)
	}
	for _, v := range sights {
		inputs[v.Article] = append(inputs[v.Article], v.Input)
	}
	name := func(id string) string {
		in := inputs[id]
		if len(in) < 2 {
			return id
		}
		sort.Strings(in)
		return "[" + strings.Join(in, "|") + "]"
	}
	for _, a := range list {
		r.Articles = append(r.Articles, name(a.ID))
	}
	stories, err := s.Stories(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, st := range stories {
		var ids []string
		for _, id := range st.Articles {
			ids = append(ids, name(id))
		}
		sort.Strings(ids)
		r.Stories = append(r.Stories, strings.Join(ids, ","))
	}
	for _, l := range links {
		r.Copies = append(r.Copies, fmt.Sprintf("%s<-%s %s", name(l.Original), name(l.Article), l.Relation))
	}
	series, err := s.Series(ctx, dossier.SeriesFilter{WithClaims: true})
	if err != nil {
		t.Fatal(err)
	}
	for _, v := range series {
		var claims []string
		for _, c := range v.Claims {
			id, n, _ := strings.Cut(c.ID, "#")
			claims = append(claims, name(id)+"#"+n)
		}
		sort.Strings(claims)
		r.Series = append(r.Series, strings.Join(claims, ","))
	}
	for _, l := range [][]string{r.Articles, r.Stories, r.Copies, r.Series} {
		sort.Strings(l)
	}
	return r
}

func diff(name string, want, got []string) string {
	w, g := map[string]bool{}, map[string]bool{}
	for _, x := range want {
		w[x] = true
	}
	for _, x := range got {
		g[x] = true
	}
	var out []string
	for _, x := range want {
		if !g[x] {
			out = append(out, "  missing "+name+" "+x)
		}
	}
	for _, x := range got {
		if !w[x] {
			out = append(out, "  extra   "+name+" "+x)
		}
	}
	if len(want) != len(got) && len(out) == 0 {
		out = append(out, fmt.Sprintf("  %d %s, want %d", len(got), name, len(want)))
	}
	return strings.Join(out, "\n")
}

func compare(t *testing.T, what string, want, got relations) {
	t.Helper()
	var d []string
	for _, p := range []struct {
		name      string
		want, got []string
	}{{"article", want.Articles, got.Articles}, {"story", want.Stories, got.Stories}, {"copy", want.Copies, got.Copies}, {"series", want.Series, got.Series}} {
		if s := diff(p.name, p.want, p.got); s != "" {
			d = append(d, s)
		}
	}
	if len(d) > 0 {
		t.Errorf("%s differs from one process on SQLite:\n%s", what, strings.Join(d, "\n"))
	}
}

// publish queues what ingest would read from inputs.
func publish(t *testing.T, q *queue.Queue, inputs ...string) int {
	t.Helper()
	ctx := context.Background()
	n := 0
	ingest.New(nil, ingest.Options{}).Documents(ctx, inputs, nil, func(e ingest.Event) { t.Fatalf("reading: %+v", e) }, func(d extract.Doc, err error) bool {
		if err != nil {
			t.Fatalf("reading: %v", err)
		}
		if err := q.Publish(ctx, d, ingest.InputID(d)); err != nil {
			t.Fatal(err)
		}
		n++
		return true
	})
	return n
}

func openQueue(t *testing.T, url string, opt queue.Options) *queue.Queue {
	t.Helper()
	q, err := queue.Open(context.Background(), url, opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(q.Close)
	return q
}

func openStore(ctx context.Context, url string) (*postgres.Store, error) {
	return postgres.Open(ctx, url)
}

func openPG(t *testing.T, url string) *postgres.Store {
	t.Helper()
	s, err := postgres.Open(context.Background(), url)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// runWorkers runs n workers, each with a queue connection and a store of
// its own as separate processes would, until the queue is drained.
func runWorkers(t *testing.T, n int, qurl, dburl string, opt queue.Options) work.Summary {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Minute)
	defer cancel()
	var wg sync.WaitGroup
	var mu sync.Mutex
	var total work.Summary
	for range n {
		q := openQueue(t, qurl, opt)
		s := openPG(t, dburl)
		wg.Add(1)
		go func() {
			defer wg.Done()
			sum, err := work.Run(ctx, q, s, work.Options{Batch: 8, Idle: 1500 * time.Millisecond, Lock: s,
				Report: func(e ingest.Event) {
					if e.Err != nil {
						t.Errorf("worker: %v", e.Err)
					}
				}})
			if err != nil {
				t.Errorf("worker: %v", err)
			}
			mu.Lock()
			total.Stored += sum.Stored
			total.Duplicates += sum.Duplicates
			total.Related += sum.Related
			total.Parked += sum.Parked
			mu.Unlock()
		}()
	}
	wg.Wait()
	return total
}

func labelled(t *testing.T, set string) string {
	dir := filepath.Join("..", "..", "testdata", set, "docs")
	if _, err := os.Stat(dir); err != nil {
		t.Fatalf("labelled set %s: %v", set, err)
	}
	return dir
}

// One process ingesting into SQLite, then 1 and 4 workers sharing a
// PostgreSQL store: the same articles, stories, copies and series.
func TestWorkersRelateAsOneProcess(t *testing.T) {
	for _, set := range []string{"stories", "series"} {
		t.Run(set, func(t *testing.T) {
			dir := labelled(t, set)
			lite, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "one.db"))
			if err != nil {
				t.Fatal(err)
			}
			defer lite.Close()
			if _, err := ingest.New(lite, ingest.Options{}).Run(context.Background(), []string{dir}, nil, func(ingest.Event) {}, nil); err != nil {
				t.Fatal(err)
			}
			want := relationsOf(t, lite)
			if len(want.Stories) < 5 || len(want.Copies) < 5 {
				t.Fatalf("the labelled set gave %d stories and %d copy links: nothing to compare", len(want.Stories), len(want.Copies))
			}
			for _, n := range []int{1, 4} {
				t.Run(fmt.Sprintf("%d workers", n), func(t *testing.T) {
					qurl, dburl := queue.TestURL(t, queue.Options{}), pgtest.URL(t)
					published := publish(t, openQueue(t, qurl, queue.Options{}), dir)
					sum := runWorkers(t, n, qurl, dburl, queue.Options{})
					if sum.Stored+sum.Duplicates != published {
						t.Errorf("stored %d and %d duplicates of %d published", sum.Stored, sum.Duplicates, published)
					}
					compare(t, fmt.Sprintf("%d workers on PostgreSQL", n), want, relationsOf(t, openPG(t, dburl)))
				})
			}
		})
	}
}
