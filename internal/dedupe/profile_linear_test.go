package dedupe

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
)

// manyFigures is an article of n sentences, each stating a figure beside
// an outlet named in it.
func manyFigures(n int) *dossier.Article {
	var sb strings.Builder
	a := &dossier.Article{ID: "a", Lang: "en"}
	for i := 0; i < n; i++ {
		start := sb.Len()
		fmt.Fprintf(&sb, "Reuters says %d soldiers were sent. ", 100+i%50)
		v := float64(100 + i%50)
		a.Sentences = append(a.Sentences, dossier.Span{Start: start, End: sb.Len() - 1})
		a.Mentions = append(a.Mentions, dossier.Mention{Start: start, End: start + 7, Entity: "outlet:reuters", Type: dossier.EntityOutlet})
		a.Figures = append(a.Figures, dossier.Figure{Start: start + 13, End: start + 16, Value: &v, Thing: "soldier"})
	}
	a.Text = sb.String()
	return a
}

// TestProfileReports: the reports of a figure are the outlets named in
// its sentence.
func TestProfileReports(t *testing.T) {
	a := manyFigures(3)
	a.Mentions = append(a.Mentions, dossier.Mention{Start: a.Sentences[1].Start + 2, End: a.Sentences[1].Start + 6, Entity: "outlet:afp", Type: dossier.EntityOutlet})
	a.Mentions = append(a.Mentions, dossier.Mention{Start: a.Sentences[2].Start, End: a.Sentences[2].Start + 4, Entity: "person:x", Type: dossier.EntityPerson})
	got := ProfileOf(a).Reports
	want := []string{"outlet:reuters|soldier|100", "outlet:reuters|soldier|101", "outlet:afp|soldier|101", "outlet:reuters|soldier|102"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reports = %v, want %v", got, want)
	}
}

// TestProfileLinear: building a profile is linear in the article's size
// (it was figures × sentences). Eight times the sentences must cost well
// under sixty-four times as much: the ratio, not a duration, is checked.
func TestProfileLinear(t *testing.T) {
	cost := func(n int) time.Duration {
		a := manyFigures(n)
		best := time.Duration(1 << 62)
		for range 5 {
			start := time.Now()
			ProfileOf(a)
			best = min(best, time.Since(start))
		}
		return best
	}
	small, large := cost(2000), cost(16000)
	if ratio := float64(large) / float64(small); ratio > 24 {
		t.Errorf("8x the article cost %.1fx (%v, then %v): not linear", ratio, small, large)
	}
}
