package sqlite

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/series"
)

// writeSeries writes a batch's series updates and estimated dates,
// leaving out what belongs to the failed articles.
func writeSeries(ctx context.Context, tx *sql.Tx, b dossier.Batch, failed map[string]bool) error {
	for _, d := range b.Dates {
		if failed[d.Article] {
			continue
		}
		if _, err := tx.ExecContext(ctx, "UPDATE articles SET date_low = ?, date_high = ?, date_reason = ? WHERE id = ?",
			d.Low, d.High, d.Reason, d.Article); err != nil {
			return fmt.Errorf("date of %s: %w", d.Article, err)
		}
	}
	if len(b.Series) == 0 {
		return nil
	}
	upSeries, err := tx.PrepareContext(ctx, `INSERT INTO series (id, title, subject, thing, event, claims, as_of, body) VALUES (?,?,?,?,?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET title = excluded.title, subject = excluded.subject, thing = excluded.thing, event = excluded.event,
		claims = excluded.claims, as_of = excluded.as_of, body = excluded.body`)
	if err != nil {
		return err
	}
	defer upSeries.Close()
	upClaim, err := tx.PrepareContext(ctx, `INSERT INTO claims (id, series_id, article_id, body) VALUES (?,?,?,?)
		ON CONFLICT(id) DO UPDATE SET series_id = excluded.series_id, article_id = excluded.article_id, body = excluded.body`)
	if err != nil {
		return err
	}
	defer upClaim.Close()
	delClaim, err := tx.PrepareContext(ctx, "DELETE FROM claims WHERE id = ? AND series_id = ?")
	if err != nil {
		return err
	}
	defer delClaim.Close()
	for _, u := range b.Series {
		s := u.Series
		if u.Delete {
			if _, err := tx.ExecContext(ctx, "DELETE FROM series WHERE id = ?", s.ID); err != nil {
				return fmt.Errorf("series %s: %w", s.ID, err)
			}
			if _, err := tx.ExecContext(ctx, "DELETE FROM claims WHERE series_id = ?", s.ID); err != nil {
				return fmt.Errorf("series %s: %w", s.ID, err)
			}
			continue
		}
		for _, id := range u.Removed {
			if _, err := delClaim.ExecContext(ctx, id, s.ID); err != nil {
				return fmt.Errorf("series %s: %w", s.ID, err)
			}
		}
		for _, c := range s.Claims {
			if failed[c.Article] {
				continue
			}
			if _, err := upClaim.ExecContext(ctx, c.ID, s.ID, c.Article, jsonOf(c)); err != nil {
				return fmt.Errorf("series %s claim %s: %w", s.ID, c.ID, err)
			}
		}
		body := s
		body.Claims = nil
		if _, err := upSeries.ExecContext(ctx, s.ID, s.Title, s.Subject, s.Thing, s.Event, s.Summary.Claims, s.Summary.AsOf, jsonOf(body)); err != nil {
			return fmt.Errorf("series %s: %w", s.ID, err)
		}
	}
	return nil
}

// Series returns the series matching f, most claimed first.
func (s *Store) Series(ctx context.Context, f dossier.SeriesFilter) ([]dossier.Series, error) {
	var where []string
	var args []any
	if f.Story != "" {
		// driven from the story's articles (indexed), not from every series
		where = append(where, `s.id IN (SELECT c.series_id FROM story_articles sa CROSS JOIN claims c ON c.article_id = sa.article_id
			WHERE sa.story_id >= ? AND sa.story_id < ?)`)
		args = append(args, f.Story, f.Story+"\uffff")
	}
	if f.Entity != "" {
		where = append(where, "s.subject = ?")
		args = append(args, f.Entity)
	}
	if f.Thing != "" {
		where = append(where, "s.thing = ?")
		args = append(args, strings.ToLower(f.Thing))
	}
	if f.MinClaims > 0 {
		where = append(where, "s.claims >= ?")
		args = append(args, f.MinClaims)
	}
	q := "SELECT s.body FROM series s"
	if len(where) > 0 {
		q += " WHERE " + strings.Join(where, " AND ")
	}
	q += " ORDER BY s.claims DESC, s.id"
	if f.Limit > 0 {
		q += fmt.Sprintf(" LIMIT %d", f.Limit)
	}
	out, err := s.seriesRows(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("series: %w", err)
	}
	if f.WithClaims {
		if err := s.seriesClaims(ctx, out, len(where) == 0 && f.Limit == 0); err != nil {
			return nil, fmt.Errorf("series: %w", err)
		}
	}
	return out, nil
}

// OneSeries returns one series by id or unique id prefix, with its claims.
func (s *Store) OneSeries(ctx context.Context, id string) (*dossier.Series, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil, fmt.Errorf("series %q: %w", id, dossier.ErrNotFound)
	}
	out, err := s.seriesRows(ctx, "SELECT body FROM series WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", id, id+"\uffff")
	if err != nil {
		return nil, fmt.Errorf("series %s: %w", id, err)
	}
	switch {
	case len(out) == 0:
		return nil, fmt.Errorf("series %s: %w", id, dossier.ErrNotFound)
	case len(out) == 2 && out[0].ID != id:
		return nil, fmt.Errorf("series %s: id prefix is ambiguous", id)
	}
	if err := s.seriesClaims(ctx, out[:1], false); err != nil {
		return nil, fmt.Errorf("series %s: %w", id, err)
	}
	return &out[0], nil
}

func (s *Store) seriesRows(ctx context.Context, q string, args ...any) ([]dossier.Series, error) {
	rows, err := s.rd.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	out := []dossier.Series{}
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		var v dossier.Series
		if err := json.Unmarshal([]byte(body), &v); err != nil {
			return nil, err
		}
		if v.Contradictions == nil {
			v.Contradictions = []dossier.Contradiction{}
		}
		out = append(out, v)
	}
	return out, rows.Err()
}

// seriesClaims fills in the claims of the series, in time order: all the
// claims in one scan when all series are asked for, else series by series.
func (s *Store) seriesClaims(ctx context.Context, out []dossier.Series, all bool) error {
	by := make(map[string]*dossier.Series, len(out))
	for i := range out {
		out[i].Claims = []dossier.Claim{}
		by[out[i].ID] = &out[i]
	}
	scan := func(rows *sql.Rows) error {
		defer rows.Close()
		for rows.Next() {
			var sid, body string
			if err := rows.Scan(&sid, &body); err != nil {
				return err
			}
			var c dossier.Claim
			if err := json.Unmarshal([]byte(body), &c); err != nil {
				return err
			}
			if v := by[sid]; v != nil {
				v.Claims = append(v.Claims, c)
			}
		}
		return rows.Err()
	}
	if all {
		rows, err := s.rd.QueryContext(ctx, "SELECT series_id, body FROM claims")
		if err != nil {
			return err
		}
		if err := scan(rows); err != nil {
			return err
		}
	} else {
		for i := range out {
			rows, err := s.rd.QueryContext(ctx, "SELECT series_id, body FROM claims WHERE series_id = ?", out[i].ID)
			if err != nil {
				return err
			}
			if err := scan(rows); err != nil {
				return err
			}
		}
	}
	for i := range out {
		series.Order(out[i].Claims)
	}
	return nil
}
