package ingest

import (
	"context"
	"encoding/json"
	"path/filepath"
	"sort"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

func seriesJSON(t *testing.T, s dossier.Store) []string {
	t.Helper()
	all, err := s.Series(context.Background(), dossier.SeriesFilter{WithClaims: true})
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	for _, v := range all {
		b, _ := json.Marshal(v)
		out = append(out, string(b))
	}
	sort.Strings(out)
	return out
}

// Series kept up as articles arrive, over two runs (the second loads the
// first's series), are those built again from the stored articles by
// "dossier analyse --series".
func TestSeriesIncrementalMatchesRecompute(t *testing.T) {
	ctx := context.Background()
	files, err := filepath.Glob("../../testdata/series/docs/*.txt")
	if err != nil || len(files) < 100 {
		t.Fatalf("labelled set: %d files, %v", len(files), err)
	}
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "a.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	p := New(s, Options{})
	for _, part := range [][]string{files[:len(files)/2], files[len(files)/2:]} {
		if _, err := p.Run(ctx, part, nil, func(Event) {}, nil); err != nil {
			t.Fatal(err)
		}
	}
	inc := seriesJSON(t, s)
	if len(inc) < 24 {
		t.Fatalf("%d series", len(inc))
	}
	if _, err := p.RecomputeSeries(ctx); err != nil {
		t.Fatal(err)
	}
	re := seriesJSON(t, s)
	if len(re) != len(inc) {
		t.Fatalf("%d series incrementally, %d recomputed", len(inc), len(re))
	}
	for i := range inc {
		if inc[i] != re[i] {
			k := 0
			for k < len(inc[i]) && k < len(re[i]) && inc[i][k] == re[i][k] {
				k++
			}
			t.Errorf("series differ at byte %d:\nincremental …%s\nrecomputed  …%s", k, inc[i][max(0, k-300):min(k+200, len(inc[i]))], re[i][max(0, k-300):min(k+200, len(re[i]))])
			break
		}
	}
}
