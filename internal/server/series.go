package server

import (
	"context"
	"net/http"

	"github.com/dossier-news/dossier/internal/query"
)

// SeriesSummary is a series as a story lists it.
type SeriesSummary struct {
	ID    string `json:"id"`
	Title string `json:"title"`
}

func (srv *Server) seriesRoutes(m *http.ServeMux) {}

func (srv *Server) storySeries(ctx context.Context, v *query.StoryView) ([]SeriesSummary, error) {
	return []SeriesSummary{}, nil
}
