package server

import (
	"bytes"
	"context"
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

// firstSeries is the id of the most claimed series of the store.
func firstSeries(t *testing.T, srv *Server) string {
	t.Helper()
	l, err := srv.store.Series(context.Background(), dossier.SeriesFilter{Limit: 1})
	if err != nil || len(l) == 0 {
		t.Fatalf("series: %v, %v", l, err)
	}
	return l[0].ID
}

func addSeriesTargets(b *testing.B, s dossier.Store, t map[string][]string) {
	l, err := s.Series(context.Background(), dossier.SeriesFilter{Limit: 200})
	if err != nil {
		b.Fatal(err)
	}
	for i, v := range l {
		if i%10 == 0 || i < 5 {
			t["series page"] = append(t["series page"], "/series/"+v.ID)
			t["series API"] = append(t["series API"], "/api/v1/series/"+v.ID)
		}
	}
}

// articleID is the id of the first article of an outlet.
func articleID(t *testing.T, s dossier.Store, outlet string) string {
	t.Helper()
	l, err := s.List(context.Background(), dossier.ListFilter{Outlet: outlet, Limit: 1})
	if err != nil || len(l) == 0 {
		t.Fatalf("no article of %s: %v", outlet, err)
	}
	return l[0].ID
}
