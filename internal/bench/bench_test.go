package bench

import (
	"bytes"
	"context"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

func TestRun(t *testing.T) {
	ctx := context.Background()
	r, err := Run(ctx, 300, t.TempDir(), func(path string) (dossier.Store, error) {
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
	for _, want := range []string{"clean", "relate", "ingest --defer", "analyse", "peak memory"} {
		if !strings.Contains(b.String(), want) {
			t.Errorf("report lacks %q:\n%s", want, b.String())
		}
	}
}
