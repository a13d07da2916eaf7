package ingest_test

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/bench"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// TestDroppedLineCounts: a run whose line counts are dropped many times
// (the bound set to 200 lines, chunks of 2) stores and cleans every
// article as a run that keeps them all: the counts dropped are read again
// from the store, which has the same, and the pipeline's barrier (the
// writer let finish before the drop) neither blocks nor loses a batch.
// (On this corpus the rules find the furniture even without the counts,
// so the test guards the run's outcome more than the counts' exactness.)
func TestDroppedLineCounts(t *testing.T) {
	ctx := context.Background()
	in := filepath.Join(t.TempDir(), "in")
	if _, err := bench.WriteCorpus(in, 300); err != nil {
		t.Fatal(err)
	}
	// and pages of one site sharing their furniture, which only the
	// line counts find
	var b strings.Builder
	towns := []string{"Blois", "Tours", "Saumur", "Gien", "Nevers", "Angers", "Nantes", "Orléans"}
	for i := 0; i < 120; i++ {
		town := towns[i%len(towns)]
		rec, _ := json.Marshal(map[string]string{"site": "La Gazette", "title": fmt.Sprintf("Conseil de %s, séance %d", town, i),
			"text": fmt.Sprintf("Édition Loir-et-Cher\n\nLe conseil municipal de %s a voté le %d mars un budget de %d euros pour l'école %d, après un débat de %d heures entre la majorité et l'opposition.\n\nRubrique vie locale\n\nGazette du Centre, vos communes",
				town, 1+i%28, 1000+i*37, i, 1+i%5)})
		b.Write(append(rec, '\n'))
	}
	if err := os.WriteFile(filepath.Join(in, "gazette.jsonl"), []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	texts := func(bound int) (map[string]string, ingest.Summary) {
		defer ingest.SetMaxCountedLines(bound)()
		s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		out := map[string]string{}
		var ids []string
		sum, err := ingest.New(s, ingest.Options{ChunkSize: 2, Defer: true}).Run(ctx, []string{in}, nil, func(e ingest.Event) {
			if e.ID != "" && !e.Dup {
				ids = append(ids, e.ID)
			}
		}, nil)
		if err != nil {
			t.Fatal(err)
		}
		for _, id := range ids {
			a, err := s.Article(ctx, id)
			if err != nil {
				t.Fatal(err)
			}
			out[id] = a.Text + fmt.Sprint(len(a.Removed))
		}
		return out, sum
	}
	want, wantSum := texts(1 << 30)
	got, gotSum := texts(200)
	if gotSum != wantSum {
		t.Errorf("summary %+v, want %+v", gotSum, wantSum)
	}
	diff := 0
	for id, w := range want {
		if got[id] != w {
			diff++
		}
	}
	if diff > 0 || len(got) != len(want) {
		t.Errorf("%d of %d articles cleaned differently (%d stored, want %d)", diff, len(want), len(got), len(want))
	}
}
