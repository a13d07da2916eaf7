package report

import (
	"context"
	"encoding/csv"
	"io"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/query"
)

// Series is one series of the story with its chart.
type Series struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func loadSeries(ctx context.Context, s dossier.Store, v *query.StoryView) ([]Series, error) {
	return []Series{}, nil
}

func writeSeriesMarkdown(w io.Writer, r *Report) {}

func writeSeriesCSV(cw *csv.Writer, r *Report) map[string]bool { return map[string]bool{} }
