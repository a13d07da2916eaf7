package server

import (
	"context"
	"fmt"
	"html/template"
	"net/http"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/chart"
	"github.com/dossier-news/dossier/internal/query"
)

func (srv *Server) seriesRoutes(m *http.ServeMux) {
	m.HandleFunc("GET /series/{id}", srv.seriesPage)
	m.HandleFunc("GET /api/v1/series", srv.apiSeriesList)
	m.HandleFunc("GET /api/v1/series/{id}", srv.apiSeries)
}

// storySeries returns the series of a story, claims included.
func (srv *Server) storySeries(ctx context.Context, v *query.StoryView) ([]dossier.Series, error) {
	l, err := query.StorySeries(ctx, srv.store, v.ID)
	return nonNil(l), err
}

// SeriesRow is a series as a story page lists it.
type SeriesRow struct {
	dossier.Series
	Latest, Projected string
}

func seriesRows(l []dossier.Series) []SeriesRow {
	out := make([]SeriesRow, 0, len(l))
	for _, v := range l {
		out = append(out, SeriesRow{Series: v, Latest: query.SeriesLatest(v.Summary), Projected: query.SeriesProjections(v.Summary)})
	}
	return out
}

func (srv *Server) apiSeriesList(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := dossier.SeriesFilter{Story: q.Get("story"), Thing: q.Get("thing")}
	if e := q.Get("entity"); e != "" {
		id, err := query.EntityID(e)
		if err != nil {
			srv.answer(w, r, nil, err)
			return
		}
		f.Entity = id
	}
	if v := q.Get("min_claims"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil || n < 0 {
			srv.answer(w, r, nil, &badRequest{fmt.Sprintf("min_claims %q: want a number", v)})
			return
		}
		f.MinClaims = n
	}
	f.WithClaims = q.Get("claims") == "true"
	l, err := srv.store.Series(r.Context(), f)
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	p, err := offsetPage(r, l)
	srv.answer(w, r, p, err)
}

func (srv *Server) apiSeries(w http.ResponseWriter, r *http.Request) {
	v, err := srv.store.OneSeries(r.Context(), r.PathValue("id"))
	srv.answer(w, r, v, err)
}

// ClaimRow is one claim in a series' table; relays follow their report.
type ClaimRow struct {
	dossier.Claim
	Anchor  string
	Relay   bool
	Value   string
	Link    string // the article page, at the figure
	Against []string
}

func claimRows(v *dossier.Series) []ClaimRow {
	against := map[string][]string{}
	for _, x := range v.Contradictions {
		against[x.A] = append(against[x.A], x.B)
		against[x.B] = append(against[x.B], x.A)
	}
	relays := map[string][]dossier.Claim{}
	for _, c := range v.Claims {
		if c.RelayOf != "" {
			relays[c.RelayOf] = append(relays[c.RelayOf], c)
		}
	}
	ids := map[string]bool{}
	for _, c := range v.Claims {
		ids[c.ID] = true
	}
	row := func(c dossier.Claim, relay bool) ClaimRow {
		link := "/articles/" + c.Article
		if _, fig, ok := strings.Cut(c.ID, "#"); ok {
			link += "#fig-" + fig
		}
		return ClaimRow{Claim: c, Anchor: query.Anchor(c.ID), Relay: relay, Value: chart.ValueText(c.Value, c.Low, c.High, c.Bound), Link: link, Against: against[c.ID]}
	}
	var out []ClaimRow
	for _, c := range v.Claims {
		if c.RelayOf != "" && ids[c.RelayOf] {
			continue
		}
		out = append(out, row(c, false))
		for _, r := range relays[c.ID] {
			out = append(out, row(r, true))
		}
	}
	return out
}

func (srv *Server) seriesPage(w http.ResponseWriter, r *http.Request) {
	v, err := srv.store.OneSeries(r.Context(), r.PathValue("id"))
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	srv.render(w, r, "series", map[string]any{"Title": v.Title, "Series": v, "Row": seriesRows([]dossier.Series{*v})[0],
		"Chart": template.HTML(query.Timeline(v)), "Claims": claimRows(v), "ByID": claimsByID(v)})
}

func claimsByID(v *dossier.Series) map[string]dossier.Claim {
	by := make(map[string]dossier.Claim, len(v.Claims))
	for _, c := range v.Claims {
		by[c.ID] = c
	}
	return by
}
