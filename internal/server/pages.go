package server

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"html/template"
	"net/http"
	"net/url"
	"sort"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/chart"
	"github.com/dossier-news/dossier/internal/query"
)

var funcs = template.FuncMap{
	"dash": func(s string) string {
		if s == "" {
			return "-"
		}
		return s
	},
	"join":     strings.Join,
	"headline": query.Headline,
	"value": func(f dossier.Figure) string {
		return chart.ValueText(f.Value, f.Low, f.High, f.Bound)
	},
	"pathid": url.PathEscape,
	"short": func(s string) string {
		if len(s) > 12 {
			return s[:12]
		}
		return s
	},
	"inc": func(i int) int { return i + 1 },
}

// render writes page name with data, or an error page if it fails.
func (srv *Server) render(w http.ResponseWriter, r *http.Request, name string, data map[string]any) {
	var buf bytes.Buffer
	if err := srv.pages[name].Execute(&buf, data); err != nil {
		srv.pageError(w, r, http.StatusInternalServerError, err)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Write(buf.Bytes())
}

func (srv *Server) pageError(w http.ResponseWriter, r *http.Request, code int, err error) {
	if code >= 500 {
		srv.logf("%s %s: %v", r.Method, r.URL, err)
	}
	var buf bytes.Buffer
	if t := srv.pages["error"]; t != nil {
		t.Execute(&buf, map[string]any{"Title": http.StatusText(code), "Status": code, "Message": err.Error()})
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(code)
	w.Write(buf.Bytes())
}

func (srv *Server) failPage(w http.ResponseWriter, r *http.Request, err error) {
	srv.pageError(w, r, status(err), err)
}

// StoryRow is one story on the stories page.
type StoryRow struct {
	dossier.Story
	Spark    template.HTML
	Entities []dossier.Entity
}

func pick(named map[string]dossier.Entity, ids []string) []dossier.Entity {
	out := make([]dossier.Entity, 0, len(ids))
	for _, id := range ids {
		out = append(out, named[id])
	}
	return out
}

func (srv *Server) storiesPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	sts, err := srv.store.Stories(ctx)
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	p, err := offsetPage(r, sts)
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	var ids []string
	for _, st := range p.Items {
		ids = append(ids, st.Articles...)
	}
	sums, err := srv.store.Summaries(ctx, ids)
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	by := map[string]dossier.Summary{}
	for _, m := range sums {
		by[m.ID] = m
	}
	var eids []string
	for _, st := range p.Items {
		eids = append(eids, st.Entities...)
	}
	named := map[string]dossier.Entity{}
	for _, e := range srv.entityNames(ctx, eids) {
		named[e.ID] = e
	}
	rows := make([]StoryRow, 0, len(p.Items))
	for _, st := range p.Items {
		var pts []chart.Point
		for _, id := range st.Articles {
			pts = append(pts, chart.Point{Date: by[id].Date, Outlet: by[id].Outlet, N: 1})
		}
		rows = append(rows, StoryRow{Story: st, Spark: template.HTML(chart.Sparkline(fmt.Sprintf("coverage of %q: %d articles", st.Title, len(st.Articles)), pts)), Entities: pick(named, st.Entities)})
	}
	srv.render(w, r, "stories", map[string]any{"Title": "Stories", "Stories": rows, "Next": p.Next})
}

// entityNames names entities by id for a page, in one read.
func (srv *Server) entityNames(ctx context.Context, ids []string) []dossier.Entity {
	recs, _ := srv.store.EntityRecords(ctx, ids)
	out := make([]dossier.Entity, 0, len(ids))
	for _, id := range ids {
		e, ok := recs[id]
		if !ok {
			e = dossier.Entity{ID: id, Name: id}
		}
		out = append(out, e)
	}
	return out
}

// coverage draws who covered a story when, copies included.
func coverage(v *query.StoryView) template.HTML {
	var pts []chart.Point
	for _, it := range v.Items {
		pts = append(pts, chart.Point{Date: it.Date, Outlet: it.Outlet, N: 1})
		for _, c := range it.Copies {
			pts = append(pts, chart.Point{Date: c.Date, Outlet: c.Outlet, N: 1})
		}
	}
	return template.HTML(chart.Coverage(fmt.Sprintf("Coverage of %q per day by outlet", v.Title), pts))
}

func (srv *Server) storyPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v, err := query.Story(ctx, srv.store, r.PathValue("id"))
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	series, err := srv.storySeries(ctx, v)
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	srv.render(w, r, "story", map[string]any{"Title": v.Title, "Story": v, "Coverage": coverage(v), "Series": seriesRows(series), "Entities": srv.entityNames(ctx, v.Entities)})
}

func (srv *Server) articlePage(w http.ResponseWriter, r *http.Request) {
	art, groups, err := query.ArticleCopies(r.Context(), srv.store, r.PathValue("id"))
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	srv.render(w, r, "article", map[string]any{"Title": query.Headline(art.Summarize()), "Article": art, "Body": articleHTML(art),
		"Provenance": provenance(art.Citations), "Copies": groups})
}

func (srv *Server) entityPage(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	v, err := query.Entity(ctx, srv.store, r.PathValue("id"))
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	ids := v.Articles
	if len(ids) > 200 {
		ids = ids[:200]
	}
	sums, err := srv.store.Summaries(ctx, ids)
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	sort.SliceStable(sums, func(i, j int) bool { return sums[i].Date > sums[j].Date })
	srv.render(w, r, "entity", map[string]any{"Title": v.Name, "Entity": v, "Articles": sums, "More": len(v.Articles) - len(ids)})
}

func (srv *Server) searchPage(w http.ResponseWriter, r *http.Request) {
	aq, err := articleQuery(r)
	if err != nil {
		srv.failPage(w, r, err)
		return
	}
	data := map[string]any{"Title": "Search", "Q": aq}
	if aq.Query != "" || aq.Lang != "" || aq.Outlet != "" || aq.From != "" || aq.To != "" {
		hits, next, err := srv.store.Articles(r.Context(), aq)
		var bad *badRequest
		if err != nil && (status(err) != http.StatusBadRequest || errors.As(err, &bad)) {
			srv.failPage(w, r, err)
			return
		}
		if err != nil {
			data["Error"] = err.Error()
		}
		type row struct {
			dossier.Hit
			Snippet template.HTML
		}
		var rows []row
		for _, h := range hits {
			rows = append(rows, row{Hit: h, Snippet: snippetHTML(h.Snippet)})
		}
		data["Hits"] = rows
		if next != "" {
			q := r.URL.Query()
			q.Set("cursor", next)
			data["Next"] = "/search?" + q.Encode()
		}
		data["Searched"] = true
	}
	srv.render(w, r, "search", data)
}
