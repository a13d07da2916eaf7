package bench

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/dossier-news/dossier/internal/story"
)

func TestRun(t *testing.T) {
	ctx := context.Background()
	r, err := Run(ctx, 300, 2, t.TempDir(), func(path string) (dossier.Store, error) {
		return sqlite.Open(ctx, path)
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	stored := r.Summary.Ingested
	if stored == 0 || r.Summary.Failed != 0 || stored+r.Summary.Duplicates != 300 {
		t.Errorf("summary = %+v, want 300 articles stored or duplicates", r.Summary)
	}
	if r.Analyse.Docs != stored {
		t.Errorf("analysed %d after --defer, want the %d stored by a plain ingest", r.Analyse.Docs, stored)
	}
	for _, s := range append(r.Stages, r.Ingest, r.Deferred, r.Analyse) {
		if d, _ := s.PerSecond(); d <= 0 {
			t.Errorf("stage %s: %v articles/s", s.Name, d)
		}
	}
	var b bytes.Buffer
	r.Write(&b)
	if len(r.Deferred.Runs) != 2 || r.Deferred.Duration != max(r.Deferred.Runs[0], r.Deferred.Runs[1]) {
		t.Errorf("two runs: %v, median %v (of two, the second in order)", r.Deferred.Runs, r.Deferred.Duration)
	}
	for _, want := range []string{"clean", "relate", "ingest --defer", "analyse", "peak memory", "over 2 runs"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}

// TestRelateOutOfOrder relates generated articles in the order they were
// generated, their dates shuffled, with every story naming the same few
// actors and more stories than an entity brings as candidates: stories
// must still come out about one per generated story.
func TestRelateOutOfOrder(t *testing.T) {
	if testing.Short() {
		t.Skip("relates 3,000 articles")
	}
	docs := Corpus(3000, 2)
	c := clean.NewCounter()
	for _, d := range docs {
		c.Add(clean.Keys(d))
	}
	var arts []*dossier.Article
	for _, d := range docs {
		k, _ := clean.Keys(d)
		if a := ingest.Analyse(d, clean.Options{Recurring: c.Others(k)}); a.Text != "" {
			arts = append(arts, a)
		}
	}
	stories := func(arts []*dossier.Article) int {
		rel := ingest.NewRelater(story.Params{})
		for i := 0; i < len(arts); i += 256 {
			j := min(i+256, len(arts))
			profiles := make([]dedupe.Profile, j-i)
			for k, a := range arts[i:j] {
				profiles[k] = dedupe.ProfileOf(a)
			}
			if _, err := rel.Relate(arts[i:j], profiles, false); err != nil {
				t.Fatal(err)
			}
		}
		return rel.Stories()
	}
	topics := 3000 / 25
	if got := stories(arts); got > topics*5/4 {
		t.Errorf("%d generated stories, %d found out of date order; want at most %d", topics, got, topics*5/4)
	}
}
