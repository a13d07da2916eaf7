package series_test

import (
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/dates"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/series/seriesgen"
)

// Dated articles of the labelled set with their date hidden: the range
// estimated from the text and the dates of their originals must hold the
// true date in >= 90% of them and be at most 14 days wide in >= 70%.
func TestDateEstimates(t *testing.T) {
	docs, _ := seriesgen.Generate(seriesgen.Stories)
	date := map[string]string{}
	for _, d := range docs {
		date[d.Name] = d.Date
	}
	n, holds, narrow := 0, 0, 0
	for _, d := range docs {
		a := ingest.Prepare(extract.Text(d.Name, d.Text), clean.Options{})
		var rel []dates.Related
		if d.Copy != "" {
			rel = append(rel, dates.Related{Date: date[d.Copy], After: true, Why: "translated " + d.Copy})
		}
		n++
		e, ok := dates.Guess(a.Title, a.Text, a.Lang, rel, time.Time{})
		if !ok {
			continue
		}
		if e.Holds(d.Date) {
			holds++
		} else {
			t.Logf("%s: %s..%s misses %s (%s)", d.Name, e.Low, e.High, d.Date, e.Reason)
		}
		if e.Width() <= 14 {
			narrow++
		}
	}
	t.Logf("%d articles: range holds the date in %d (%.2f), at most 14 days wide in %d (%.2f)", n, holds, float64(holds)/float64(n), narrow, float64(narrow)/float64(n))
	if float64(holds) < 0.9*float64(n) || float64(narrow) < 0.7*float64(n) {
		t.Errorf("date estimates below the bars (holds >= 0.90, narrow >= 0.70)")
	}
}
