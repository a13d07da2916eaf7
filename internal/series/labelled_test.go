package series_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/eval"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/dossier-news/dossier/internal/series/seriesgen"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

const labelled = "../../testdata/series"

// The committed set is the generator's output.
func TestLabelledSetIsGenerated(t *testing.T) {
	docs, gold := seriesgen.Generate(seriesgen.Stories)
	for _, d := range docs {
		b, err := os.ReadFile(filepath.Join(labelled, "docs", d.Name))
		if err != nil || !bytes.Equal(b, []byte(d.Text)) {
			t.Fatalf("%s differs from the generator: run go run ./internal/series/seriesgen/cmd testdata/series", d.Name)
		}
	}
	if b, err := os.ReadFile(filepath.Join(labelled, "gold.jsonl")); err != nil || !bytes.Equal(b, seriesgen.JSONL(gold)) {
		t.Fatalf("gold.jsonl differs from the generator: run go run ./internal/series/seriesgen/cmd testdata/series")
	}
}

// The series stage on the labelled set, given each article's story and
// original (what the copy and story stages give it; their own quality is
// measured by "dossier eval stories"): claim-to-series assignment, each
// relation and the independent-source counts against their bars.
func TestLabelledSeries(t *testing.T) {
	docs, _ := seriesgen.Generate(seriesgen.Stories)
	ix := series.NewIndex()
	ids := map[string]string{}
	for _, d := range docs {
		in := filepath.Join(labelled, "docs", d.Name)
		a := ingest.Analyse(extract.Text(in, d.Text), clean.Options{})
		ids[d.Name] = a.ID
		date := a.Date
		if date == "" {
			date = d.Date // the stage is given the date; estimating it is measured apart
		}
		ix.Add(series.Doc{Article: a, Story: d.Name[11:14], Date: date, DateEstimated: !d.Dated, CopyOf: ids[d.Copy]})
	}
	pred := ix.All()
	f, err := os.Open(filepath.Join(labelled, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadSeriesGold(f, "gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	check(t, eval.Series(gold, pred))
}

// End to end through the store, as a user runs it ("dossier eval series"):
// copies and stories found by their stages, held to the same bars.
func TestLabelledSeriesStored(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "t.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := ingest.New(s, ingest.Options{}).Run(ctx, []string{filepath.Join(labelled, "docs")}, nil, func(ingest.Event) {}, nil); err != nil {
		t.Fatal(err)
	}
	pred, err := s.Series(ctx, dossier.SeriesFilter{WithClaims: true})
	if err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(filepath.Join(labelled, "gold.jsonl"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	gold, err := eval.ReadSeriesGold(f, "gold.jsonl")
	if err != nil {
		t.Fatal(err)
	}
	check(t, eval.Series(gold, pred))
}

func check(t *testing.T, r eval.SeriesReport) {
	t.Helper()
	var b bytes.Buffer
	r.Print(&b, true)
	t.Log("\n" + b.String())
	if r.BCubed.F1 < 0.9 {
		t.Errorf("assignment BCubed F1 %.3f < 0.9", r.BCubed.F1)
	}
	for rel, m := range r.Relations {
		if m.P < 0.9 || m.R < 0.9 {
			t.Errorf("relation %s: precision %.3f recall %.3f, want >= 0.9", rel, m.P, m.R)
		}
	}
	if r.SourcesRate() < 0.9 {
		t.Errorf("sources exact in %.3f of series < 0.9", r.SourcesRate())
	}
}
