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

// On the seeds: one series holds the soldiers sent by North Korea from
// the four articles that report them (100,000 possible from 000 and 003
// as one source; 12,000 planned and 1,500 from South Korean intelligence;
// more than 10,000; about 11,000; at least 3,000 more); the 4,000
// casualties are in a series of their own, and so are 001's hundreds.
func TestSeedsSeries(t *testing.T) {
	all, names := seedSeries(t)
	find := func(seed string, value float64, text string) (dossier.Series, dossier.Claim, bool) {
		for _, s := range all {
			for _, c := range s.Claims {
				if names[c.Article] == seed && (c.Value != nil && *c.Value == value || c.Value == nil && c.High != nil && *c.High == value) && strings.Contains(c.Text, text) {
					return s, c, true
				}
			}
		}
		return dossier.Series{}, dossier.Claim{}, false
	}
	sent, c100, ok := find("000", 100000, "jusqu")
	if !ok {
		t.Fatal("000's 100,000 soldiers are in no series")
	}
	for _, w := range []struct {
		seed  string
		value float64
		text  string
	}{{"003", 100000, "100.000"}, {"002", 12000, "12.000"}, {"002", 1500, "1.500"}, {"003", 10000, "10.000"}, {"004", 11000, "11 000"}, {"004", 3000, "3 000"}} {
		s, _, ok := find(w.seed, w.value, w.text)
		if !ok || s.ID != sent.ID {
			t.Errorf("%s %s: in series %q, want %q (%s)", w.seed, w.text, s.Title, sent.Title, sent.ID)
		}
	}
	// 000 and 003 relay one report: the 100,000 counts once
	origins := map[string]bool{}
	for _, c := range sent.Claims {
		if c.Value != nil && *c.Value == 100000 {
			origins[c.Origin] = true
		}
	}
	if len(origins) != 1 || c100.Origin != "outlet:bloomberg" {
		t.Errorf("100,000 from %v, want one source, Bloomberg (000's claim: %s)", origins, c100.Origin)
	}
	_, c3000, _ := find("004", 3000, "3 000")
	if !c3000.Increment {
		t.Errorf("004's 3,000 are more soldiers: want an increment")
	}
	cas, _, ok := find("004", 4000, "4 000")
	if !ok || cas.ID == sent.ID || cas.Event != "casualties" {
		t.Errorf("004's 4,000 casualties: series %q (event %s), want one of casualties apart from %q", cas.Title, cas.Event, sent.Title)
	}
	vol, _, ok := find("001", 999, "centaines")
	if !ok || vol.ID == sent.ID || vol.ID == cas.ID {
		t.Errorf("001's hundreds: series %q, want their own", vol.Title)
	}
	for _, s := range all {
		t.Logf("%s %s [%s|%s|%s|%s] sources %d", s.ID, s.Title, s.Subject, s.Thing, s.Event, s.Scope, s.Summary.Sources)
		for _, c := range s.Claims {
			t.Logf("    %s %-28q %-10s %-8s %-12s %-10s %s %s", names[c.Article], c.Text, c.Bound, c.Modality, c.Relation, c.Origin, c.RelayOf, c.Ref)
		}
	}
}
