package series_test

import (
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/dossier-news/dossier/internal/sharedtest"
)

// seedSeries builds the series of the five seeds, as one story.
func seedSeries(t *testing.T) ([]dossier.Series, map[string]string) {
	dir := filepath.Join(sharedtest.Dir(t), "seeds")
	files, _ := filepath.Glob(filepath.Join(dir, "*.txt"))
	sort.Strings(files)
	ix := series.NewIndex()
	names := map[string]string{} // article id -> seed number
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := ingest.Analyse(extract.Text(f, string(b)), clean.Options{})
		names[a.ID] = filepath.Base(f)[:3]
		ix.Add(series.Doc{Article: a, Story: "s1", Date: a.Date})
	}
	return ix.All(), names
}

func TestSeedsSeries(t *testing.T) {
	all, names := seedSeries(t)
	for _, s := range all {
		t.Logf("%s %s [%s|%s|%s|%s] sources %d", s.ID, s.Title, s.Subject, s.Thing, s.Event, s.Scope, s.Summary.Sources)
		for _, c := range s.Claims {
			t.Logf("    %s %-28q %-10s %-8s %-12s %-10s %s %s", names[c.Article], c.Text, c.Bound, c.Modality, c.Relation, c.Origin, c.RelayOf, c.Ref)
		}
	}
	_ = strings.Contains
}
