package series_test

import (
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/dossier-news/dossier/internal/series/seriesgen"
)

// BenchmarkIndex: adding the labelled set's articles to the series and
// rebuilding the touched ones, as relating does per chunk.
func BenchmarkIndex(b *testing.B) {
	docs, _ := seriesgen.Generate(seriesgen.Stories)
	var in []series.Doc
	for _, d := range docs {
		a := ingest.Analyse(extract.Text(filepath.Join(labelled, "docs", d.Name), d.Text), clean.Options{})
		in = append(in, series.Doc{Article: a, Story: d.Name[11:14], Date: d.Date})
	}
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix := series.NewIndex()
		for k, d := range in {
			ix.Add(d)
			if k%32 == 31 {
				ix.Take()
			}
		}
		ix.Take()
	}
	b.ReportMetric(float64(b.Elapsed().Microseconds())/float64(b.N*len(in)), "µs/article")
}
