package server

import (
	"context"
	"encoding/base64"
	"errors"
	"fmt"
	"io"
	"net/http"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/query"
)

// Page is the body of every list the API answers.
type Page[T any] struct {
	Items []T    `json:"items"`
	Next  string `json:"next"` // the cursor of the next page, "" after the last
}

const defaultLimit, maxLimit = 50, 500

func limitOf(r *http.Request) (int, error) {
	v := r.URL.Query().Get("limit")
	if v == "" {
		return defaultLimit, nil
	}
	n, err := strconv.Atoi(v)
	if err != nil || n < 1 || n > maxLimit {
		return 0, &badRequest{fmt.Sprintf("limit %q: want a number from 1 to %d", v, maxLimit)}
	}
	return n, nil
}

// offsetPage cuts one page out of a list computed whole; its cursor is
// the position of the next item.
func offsetPage[T any](r *http.Request, all []T) (Page[T], error) {
	limit, err := limitOf(r)
	if err != nil {
		return Page[T]{}, err
	}
	start := 0
	if c := r.URL.Query().Get("cursor"); c != "" {
		b, err := base64.RawURLEncoding.DecodeString(c)
		n, err2 := strconv.Atoi(strings.TrimPrefix(string(b), "o\x00"))
		if err != nil || err2 != nil || !strings.HasPrefix(string(b), "o\x00") || n < 0 {
			return Page[T]{}, &badRequest{"invalid cursor"}
		}
		start = min(n, len(all))
	}
	end := min(start+limit, len(all))
	p := Page[T]{Items: all[start:end]}
	if p.Items == nil {
		p.Items = []T{}
	}
	if end < len(all) {
		p.Next = base64.RawURLEncoding.EncodeToString([]byte("o\x00" + strconv.Itoa(end)))
	}
	return p, nil
}

func (srv *Server) answer(w http.ResponseWriter, r *http.Request, v any, err error) {
	if err != nil {
		srv.apiError(w, r, status(err), err)
		return
	}
	srv.writeJSON(w, r, http.StatusOK, v)
}

func (srv *Server) apiStories(w http.ResponseWriter, r *http.Request) {
	sts, err := srv.store.Stories(r.Context())
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	p, err := offsetPage(r, sts)
	srv.answer(w, r, p, err)
}

// StoryAPI is one story as the API gives it.
type StoryAPI struct {
	*query.StoryView
	Series []dossier.Series `json:"series"`
}

func (srv *Server) apiStory(w http.ResponseWriter, r *http.Request) {
	v, err := query.Story(r.Context(), srv.store, r.PathValue("id"))
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	series, err := srv.storySeries(r.Context(), v)
	srv.answer(w, r, StoryAPI{StoryView: v, Series: series}, err)
}

// articleQuery reads the filters of article lists and searches.
func articleQuery(r *http.Request) (dossier.ArticleQuery, error) {
	q := r.URL.Query()
	limit, err := limitOf(r)
	if err != nil {
		return dossier.ArticleQuery{}, err
	}
	aq := dossier.ArticleQuery{Query: strings.TrimSpace(q.Get("q")), Lang: q.Get("lang"), Outlet: q.Get("outlet"), From: q.Get("from"), To: q.Get("to"), After: q.Get("cursor"), Limit: limit}
	for _, d := range []string{aq.From, aq.To} {
		if d != "" && !validDate(d) {
			return aq, &badRequest{fmt.Sprintf("date %q: want YYYY, YYYY-MM or YYYY-MM-DD", d)}
		}
	}
	return aq, nil
}

func validDate(d string) bool {
	for i, c := range d {
		if (i == 4 || i == 7) && c != '-' || (i != 4 && i != 7) && (c < '0' || c > '9') {
			return false
		}
	}
	return len(d) == 4 || len(d) == 7 || len(d) == 10
}

// ArticleItem is an article in a list: its summary, and the snippet of a search.
type ArticleItem struct {
	dossier.Summary
	Snippet string  `json:"snippet,omitempty"`
	Rank    float64 `json:"rank,omitempty"`
}

func (srv *Server) apiArticles(w http.ResponseWriter, r *http.Request) {
	aq, err := articleQuery(r)
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	hits, next, err := srv.store.Articles(r.Context(), aq)
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	p := Page[ArticleItem]{Items: make([]ArticleItem, len(hits)), Next: next}
	for i, h := range hits {
		p.Items[i] = ArticleItem{Summary: h.Summary, Snippet: snippetText(h.Snippet), Rank: h.Rank}
	}
	srv.answer(w, r, p, nil)
}

// ArticleAPI is one article with the groups of copies it is in.
type ArticleAPI struct {
	*dossier.Article
	Copies []dossier.CopyGroup `json:"copies"`
}

func (srv *Server) apiArticle(w http.ResponseWriter, r *http.Request) {
	art, groups, err := query.ArticleCopies(r.Context(), srv.store, r.PathValue("id"))
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	srv.answer(w, r, ArticleAPI{Article: nonNilArticle(art), Copies: nonNil(groups)}, nil)
}

func nonNilArticle(a *dossier.Article) *dossier.Article {
	if a.Removed == nil {
		a.Removed = []dossier.Removed{}
	}
	if a.Figures == nil {
		a.Figures = []dossier.Figure{}
	}
	if a.Tags == nil {
		a.Tags = []string{}
	}
	return a
}

func nonNil[T any](l []T) []T {
	if l == nil {
		return []T{}
	}
	return l
}

func (srv *Server) apiFigures(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := dossier.FigureFilter{Article: q.Get("article"), Entity: q.Get("entity"), Thing: q.Get("thing"), Source: q.Get("source"), MinModality: dossier.Modality(q.Get("min_modality"))}
	if f.MinModality != "" && !knownModality(f.MinModality) {
		srv.answer(w, r, nil, &badRequest{fmt.Sprintf("min_modality %q: want fact, estimate, planned, expected, possible, unconfirmed or denied", f.MinModality)})
		return
	}
	if f.Entity != "" {
		id, err := query.EntityID(f.Entity)
		if err != nil {
			srv.answer(w, r, nil, err)
			return
		}
		f.Entity = id
	}
	figs, err := query.Figures(r.Context(), srv.store, f)
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	p, err := offsetPage(r, figs)
	srv.answer(w, r, p, err)
}

func knownModality(m dossier.Modality) bool {
	switch m {
	case dossier.ModalityFact, dossier.ModalityEstimate, dossier.ModalityPossible, dossier.ModalityPlanned, dossier.ModalityExpected, dossier.ModalityUnconfirmed, dossier.ModalityDenied:
		return true
	}
	return false
}

func (srv *Server) apiEntities(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	f := dossier.EntityFilter{Type: dossier.EntityType(q.Get("type"))}
	switch f.Type {
	case "", dossier.EntityPerson, dossier.EntityOrganisation, dossier.EntityPlace, dossier.EntityCountry, dossier.EntityOutlet:
	default:
		srv.answer(w, r, nil, &badRequest{fmt.Sprintf("type %q: want person, organisation, place, country or outlet", f.Type)})
		return
	}
	if a := q.Get("article"); a != "" {
		art, err := srv.store.Article(r.Context(), a)
		if err != nil {
			srv.answer(w, r, nil, err)
			return
		}
		f.Article = art.ID
	}
	es, err := srv.store.Entities(r.Context(), f)
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	p, err := offsetPage(r, es)
	srv.answer(w, r, p, err)
}

func (srv *Server) apiEntity(w http.ResponseWriter, r *http.Request) {
	v, err := query.Entity(r.Context(), srv.store, r.PathValue("id"))
	srv.answer(w, r, v, err)
}

func (srv *Server) apiCopies(w http.ResponseWriter, r *http.Request) {
	var groups []dossier.CopyGroup
	var err error
	if a := r.URL.Query().Get("article"); a != "" {
		_, groups, err = query.ArticleCopies(r.Context(), srv.store, a)
	} else {
		groups, err = query.CopyGroups(r.Context(), srv.store)
	}
	if err != nil {
		srv.answer(w, r, nil, err)
		return
	}
	p, err := offsetPage(r, groups)
	srv.answer(w, r, p, err)
}

// IngestResult is what POST /api/v1/articles answers.
type IngestResult struct {
	Ingested   int            `json:"ingested"`
	Duplicates int            `json:"duplicates"`
	Failed     int            `json:"failed"`
	Articles   []IngestedItem `json:"articles"`
	Errors     []string       `json:"errors"`
}

// IngestedItem is one document of the body and what became of it.
type IngestedItem struct {
	ID  string `json:"id"`
	Dup bool   `json:"duplicate"`
}

// maxBody caps what one POST may send.
const maxBody = 32 << 20

func (srv *Server) apiIngest(w http.ResponseWriter, r *http.Request) {
	if srv.opt.Token == "" {
		srv.apiError(w, r, http.StatusForbidden, errors.New("read-only: start the server with --token to ingest"))
		return
	}
	if !srv.bearer(r) {
		w.Header().Set("WWW-Authenticate", `Bearer realm="dossier"`)
		srv.apiError(w, r, http.StatusUnauthorized, errors.New("ingesting needs the token: Authorization: Bearer TOKEN"))
		return
	}
	res, err := srv.ingestBody(r.Context(), http.MaxBytesReader(w, r.Body, maxBody))
	if err != nil {
		srv.apiError(w, r, http.StatusInternalServerError, err)
		return
	}
	code := http.StatusOK
	if res.Ingested > 0 {
		code = http.StatusCreated
	}
	if res.Failed > 0 && res.Ingested == 0 && res.Duplicates == 0 {
		code = http.StatusUnprocessableEntity
	}
	srv.writeJSON(w, r, code, res)
}

// ingestBody runs the pipeline over a body of text, HTML, a feed or JSON
// Lines (told apart by their content, as for stdin).
func (srv *Server) ingestBody(ctx context.Context, body io.Reader) (IngestResult, error) {
	srv.ingest.Lock()
	defer srv.ingest.Unlock()
	res := IngestResult{Articles: []IngestedItem{}, Errors: []string{}}
	sum, err := ingest.New(srv.store, ingest.Options{MaxSize: maxBody}).Run(ctx, []string{"-"}, body, func(e ingest.Event) {
		if e.Err != nil {
			res.Errors = append(res.Errors, e.Err.Error())
			return
		}
		res.Articles = append(res.Articles, IngestedItem{ID: e.ID, Dup: e.Dup})
	}, nil)
	res.Ingested, res.Duplicates, res.Failed = sum.Ingested, sum.Duplicates, sum.Failed
	return res, err
}
