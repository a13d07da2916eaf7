package storetest

import (
	"context"
	"errors"
	"testing"

	"github.com/dossier-news/dossier"
)

func claim(article string, n int, date string, value float64, rel dossier.ClaimRelation) dossier.Claim {
	return dossier.Claim{ID: article + "#" + string(rune('0'+n)), Article: article, Input: article + ".txt", Date: date, Text: "soldats",
		Value: ptr(value), Bound: dossier.BoundExact, Modality: dossier.ModalityFact, Relation: rel, Start: n}
}

// seriesBehaviours: series written incrementally by Write, listed with their
// filters, read one by id or prefix with claims in time order; estimated
// dates kept with the article.
var seriesBehaviours = []behaviour{
	{"Series", testSeries},
	{"SeriesOfAFailedArticle", testSeriesOfAFailedArticle},
}

func testSeries(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	a, b := article("aaa111", "h1", "A", "1 500 soldats."), article("bbb222", "h2", "B", "10 000 soldats.")
	b.Date = ""
	kp := dossier.Series{ID: "q1", Title: "North Korea — soldiers sent", Subject: "country:KP", Thing: "soldier", Event: "send",
		Claims:  []dossier.Claim{claim("aaa111", 0, "2024-10-18", 1500, ""), claim("bbb222", 0, "2024-11-05", 10000, dossier.ClaimUpdates)},
		Summary: dossier.SeriesSummary{Claims: 2, Sources: 2, AsOf: "2024-11-05"}}
	other := dossier.Series{ID: "q2", Title: "munitions", Thing: "munition", Claims: []dossier.Claim{claim("aaa111", 1, "2024-10-18", 5, "")},
		Summary: dossier.SeriesSummary{Claims: 1}}
	write(t, s, dossier.Batch{Articles: []*dossier.Article{a, b},
		Stories: []dossier.StoryAssignment{{Article: "aaa111", Story: "s1", Title: "A"}, {Article: "bbb222", Story: "s1", Title: "A"}},
		Series:  []dossier.SeriesUpdate{{Series: kp}, {Series: other}},
		Dates:   []dossier.DateEstimate{{Article: "bbb222", Low: "2024-11-05", High: "2024-11-18", Reason: "latest date in the text"}}})
	all, err := s.Series(ctx, dossier.SeriesFilter{})
	if err != nil || len(all) != 2 || all[0].ID != "q1" {
		t.Fatalf("Series = %+v, %v; want q1 (most claimed) first", all, err)
	}
	for _, f := range []struct {
		f    dossier.SeriesFilter
		want int
	}{{dossier.SeriesFilter{Story: "s1"}, 2}, {dossier.SeriesFilter{Story: "s9"}, 0}, {dossier.SeriesFilter{Entity: "country:KP"}, 1},
		{dossier.SeriesFilter{Thing: "munition"}, 1}, {dossier.SeriesFilter{MinClaims: 2}, 1}, {dossier.SeriesFilter{Limit: 1}, 1}} {
		got, err := s.Series(ctx, f.f)
		if err != nil || len(got) != f.want {
			t.Errorf("Series(%+v) = %d series, %v; want %d", f.f, len(got), err, f.want)
		}
	}
	one, err := s.OneSeries(ctx, "q1")
	if err != nil || len(one.Claims) != 2 || one.Claims[0].Article != "aaa111" || one.Claims[1].Relation != dossier.ClaimUpdates {
		t.Fatalf("OneSeries = %+v, %v", one, err)
	}
	if _, err := s.OneSeries(ctx, "q"); err == nil {
		t.Errorf("an ambiguous prefix found a series")
	}
	if _, err := s.OneSeries(ctx, "zz"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("missing series error = %v, want ErrNotFound", err)
	}
	// incremental: one claim changes, one leaves, a series goes
	kp.Claims = []dossier.Claim{claim("bbb222", 0, "2024-11-05", 10000, dossier.ClaimAgrees)}
	kp.Summary.Claims = 1
	write(t, s, dossier.Batch{Series: []dossier.SeriesUpdate{{Series: kp, Removed: []string{"aaa111#0"}}, {Series: dossier.Series{ID: "q2"}, Delete: true}}})
	one, err = s.OneSeries(ctx, "q1")
	if err != nil || len(one.Claims) != 1 || one.Claims[0].Relation != dossier.ClaimAgrees {
		t.Errorf("after the update OneSeries = %+v, %v", one, err)
	}
	if _, err := s.OneSeries(ctx, "q2"); !errors.Is(err, dossier.ErrNotFound) {
		t.Errorf("deleted series: %v, want ErrNotFound", err)
	}
	got, err := s.Article(ctx, "bbb222")
	if err != nil || !got.DateEstimated || got.DateLow != "2024-11-05" || got.DateHigh != "2024-11-18" || got.DateReason == "" {
		t.Errorf("estimated date not kept: %+v, %v", got, err)
	}
	l, err := s.List(ctx, dossier.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range l {
		if m.ID == "bbb222" && !m.DateEstimated || m.ID == "aaa111" && m.DateEstimated {
			t.Errorf("List: %s estimated %v", m.ID, m.DateEstimated)
		}
	}
}

func testSeriesOfAFailedArticle(t *testing.T, s dossier.Store) {
	ctx := context.Background()
	good, bad := article("aaa111", "h1", "A", "x"), article("bbb222", "h1", "B", "y") // same hash: a duplicate, not a failure
	bad.ID, bad.TextHash = "aaa111", "h2"                                             // same id, other text: fails
	res := write(t, s, dossier.Batch{Articles: []*dossier.Article{good, bad},
		Series: []dossier.SeriesUpdate{{Series: dossier.Series{ID: "q1", Claims: []dossier.Claim{claim("aaa111", 0, "2024-10-18", 1, "")}, Summary: dossier.SeriesSummary{Claims: 1}}}}})
	if res[0].Err != nil || res[1].Err == nil {
		t.Fatalf("results %+v: want the second to fail", res)
	}
	one, err := s.OneSeries(ctx, "q1")
	if err != nil || len(one.Claims) != 1 {
		t.Errorf("the stored article's claim: %+v, %v", one, err)
	}
}
