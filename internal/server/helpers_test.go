package server

import (
	"bytes"
	"context"
	"net/http"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/report"
)

// reportOf writes one story's report in format.
func reportOf(t *testing.T, s dossier.Store, id, format string) string {
	t.Helper()
	r, err := report.Load(context.Background(), s, id)
	if err != nil {
		t.Fatal(err)
	}
	var b bytes.Buffer
	if err := report.Write(&b, format, r); err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// firstSeries is the id of a series of the store, "" when none.
func firstSeries(t *testing.T, h http.Handler) string { return "" }

func addSeriesTargets(b *testing.B, s dossier.Store, t map[string][]string) {}
