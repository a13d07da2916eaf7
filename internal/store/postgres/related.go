package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/series"
)

// Copies returns all copy links and sightings.
func (s *Store) Copies(ctx context.Context) ([]dossier.CopyLink, []dossier.Sighting, error) {
	return s.copies(ctx, "", "")
}

func (s *Store) copies(ctx context.Context, linkWhere, sightWhere string, args ...any) ([]dossier.CopyLink, []dossier.Sighting, error) {
	links := []dossier.CopyLink{}
	rows, err := s.pool.Query(ctx, "SELECT article_id, original, relation, score FROM copies "+linkWhere+" ORDER BY article_id, original", args...)
	if err != nil {
		return nil, nil, fmt.Errorf("copies: %w", err)
	}
	for rows.Next() {
		var l dossier.CopyLink
		if err := rows.Scan(&l.Article, &l.Original, &l.Relation, &l.Score); err != nil {
			rows.Close()
			return nil, nil, err
		}
		links = append(links, l)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, nil, fmt.Errorf("copies: %w", err)
	}
	sights := []dossier.Sighting{}
	rows, err = s.pool.Query(ctx, "SELECT article_id, input, outlet, date FROM sightings "+sightWhere+" ORDER BY article_id, input", args...)
	if err != nil {
		return nil, nil, fmt.Errorf("sightings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var v dossier.Sighting
		if err := rows.Scan(&v.Article, &v.Input, &v.Outlet, &v.Date); err != nil {
			return nil, nil, err
		}
		sights = append(sights, v)
	}
	return links, sights, rows.Err()
}

// CopiesOf returns the copy links touching ids and the sightings of ids.
func (s *Store) CopiesOf(ctx context.Context, ids []string) ([]dossier.CopyLink, []dossier.Sighting, error) {
	if ids == nil {
		ids = []string{}
	}
	return s.copies(ctx, "WHERE article_id = ANY($1) OR original = ANY($1)", "WHERE article_id = ANY($1)", ids)
}

// Stories returns the stories with their articles in time order, largest first.
func (s *Store) Stories(ctx context.Context) ([]dossier.Story, error) {
	return s.stories(ctx, "")
}

// Story returns one story by id or unique id prefix.
func (s *Store) Story(ctx context.Context, id string) (*dossier.Story, error) {
	id = strings.TrimSpace(id)
	var ids []string
	if id != "" {
		rows, err := s.pool.Query(ctx, "SELECT id FROM stories WHERE id >= $1 AND id < $2 ORDER BY id LIMIT 2", id, id+"\uffff")
		if err != nil {
			return nil, fmt.Errorf("story %s: %w", id, err)
		}
		for rows.Next() {
			var x string
			if err := rows.Scan(&x); err != nil {
				rows.Close()
				return nil, err
			}
			ids = append(ids, x)
		}
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("story %s: %w", id, err)
		}
	}
	if len(ids) == 0 {
		return nil, fmt.Errorf("story %s: %w", id, dossier.ErrNotFound)
	}
	if len(ids) == 2 && ids[0] != id {
		return nil, fmt.Errorf("story %s: id prefix is ambiguous", id)
	}
	sts, err := s.stories(ctx, ids[0])
	if err != nil {
		return nil, err
	}
	if len(sts) == 0 {
		return nil, fmt.Errorf("story %s: %w", id, dossier.ErrNotFound)
	}
	return &sts[0], nil
}

func (s *Store) stories(ctx context.Context, only string) ([]dossier.Story, error) {
	where, ewhere := "", ""
	var args []any
	if only != "" {
		where, ewhere, args = "WHERE st.id = $1", "WHERE sa.story_id = $1", []any{only}
	}
	rows, err := s.pool.Query(ctx, `SELECT st.id, st.title, a.id, a.outlet, a.lang, a.date
		FROM stories st JOIN story_articles sa ON sa.story_id = st.id JOIN articles a ON a.id = sa.article_id
		`+where+` ORDER BY st.id, a.date, a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	by := map[string]*dossier.Story{}
	var order []string
	for rows.Next() {
		var id, title, aid, outlet, lang, date string
		if err := rows.Scan(&id, &title, &aid, &outlet, &lang, &date); err != nil {
			rows.Close()
			return nil, err
		}
		st := by[id]
		if st == nil {
			st = &dossier.Story{ID: id, Title: title, Outlets: []string{}, Languages: []string{}, Entities: []string{}}
			by[id] = st
			order = append(order, id)
		}
		st.Articles = append(st.Articles, aid)
		if outlet != "" && !contains(st.Outlets, outlet) {
			st.Outlets = append(st.Outlets, outlet)
		}
		if lang != "" && !contains(st.Languages, lang) {
			st.Languages = append(st.Languages, lang)
		}
		if date != "" && (st.Start == "" || date < st.Start) {
			st.Start = date
		}
		if date > st.End {
			st.End = date
		}
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	ents, err := s.pool.Query(ctx, `SELECT sa.story_id, m.entity_id, count(*) AS n FROM mentions m JOIN story_articles sa ON sa.article_id = m.article_id
		`+ewhere+` GROUP BY sa.story_id, m.entity_id ORDER BY sa.story_id, n DESC, m.entity_id`, args...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	defer ents.Close()
	for ents.Next() {
		var sid, eid string
		var n int
		if err := ents.Scan(&sid, &eid, &n); err != nil {
			return nil, err
		}
		if st := by[sid]; st != nil && len(st.Entities) < 5 {
			st.Entities = append(st.Entities, eid)
		}
	}
	out := make([]dossier.Story, 0, len(order))
	for _, id := range order {
		sort.Strings(by[id].Outlets)
		sort.Strings(by[id].Languages)
		out = append(out, *by[id])
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].Articles) > len(out[j].Articles) })
	return out, ents.Err()
}

func contains(l []string, s string) bool {
	for _, x := range l {
		if x == s {
			return true
		}
	}
	return false
}

// Summaries returns the summaries of ids in their order, with their Lead.
func (s *Store) Summaries(ctx context.Context, ids []string) ([]dossier.Summary, error) {
	if ids == nil {
		ids = []string{}
	}
	rows, err := s.pool.Query(ctx, "SELECT "+summaryCols+", left(a.text, 300) FROM articles a WHERE a.id = ANY($1)", ids)
	if err != nil {
		return nil, fmt.Errorf("summaries: %w", err)
	}
	defer rows.Close()
	by := make(map[string]dossier.Summary, len(ids))
	for rows.Next() {
		var lead string
		m, err := scanSummary(rows, &lead)
		if err != nil {
			return nil, err
		}
		m.Lead = lead
		by[m.ID] = m
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("summaries: %w", err)
	}
	out := make([]dossier.Summary, 0, len(ids))
	for _, id := range ids {
		if m, ok := by[id]; ok {
			out = append(out, m)
		}
	}
	return out, nil
}

// EntityRecords returns the stored records of ids.
func (s *Store) EntityRecords(ctx context.Context, ids []string) (map[string]dossier.Entity, error) {
	if ids == nil {
		ids = []string{}
	}
	rows, err := s.pool.Query(ctx, "SELECT id, type, name, name_fr, aliases, iso, qid, country FROM entities WHERE id = ANY($1)", ids)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	out := make(map[string]dossier.Entity, len(ids))
	for rows.Next() {
		var e dossier.Entity
		var aliases string
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.NameFr, &aliases, &e.ISO, &e.QID, &e.Country); err != nil {
			return nil, err
		}
		_ = json.Unmarshal([]byte(aliases), &e.Aliases)
		out[e.ID] = e
	}
	return out, rows.Err()
}

// writeSeries writes a batch's series updates and estimated dates.
func writeSeries(ctx context.Context, tx *tx, b dossier.Batch, failed map[string]bool) error {
	var q batch
	for _, d := range b.Dates {
		if failed[d.Article] {
			continue
		}
		q.Queue("UPDATE articles SET date_low = $1, date_high = $2, date_reason = $3 WHERE id = $4", d.Low, d.High, d.Reason, d.Article)
	}
	for _, u := range b.Series {
		v := u.Series
		if u.Delete {
			q.Queue("DELETE FROM series WHERE id = $1", v.ID)
			q.Queue("DELETE FROM claims WHERE series_id = $1", v.ID)
			continue
		}
		for _, id := range u.Removed {
			q.Queue("DELETE FROM claims WHERE id = $1 AND series_id = $2", id, v.ID)
		}
		for _, c := range v.Claims {
			if failed[c.Article] {
				continue
			}
			q.Queue(`INSERT INTO claims (id, series_id, article_id, body) VALUES ($1,$2,$3,$4)
				ON CONFLICT (id) DO UPDATE SET series_id = excluded.series_id, article_id = excluded.article_id, body = excluded.body`, c.ID, v.ID, c.Article, jsonOf(c))
		}
		body := v
		body.Claims = nil
		q.Queue(`INSERT INTO series (id, title, subject, thing, event, claims, as_of, body) VALUES ($1,$2,$3,$4,$5,$6,$7,$8)
			ON CONFLICT (id) DO UPDATE SET title = excluded.title, subject = excluded.subject, thing = excluded.thing, event = excluded.event,
			claims = excluded.claims, as_of = excluded.as_of, body = excluded.body`, v.ID, v.Title, v.Subject, v.Thing, v.Event, v.Summary.Claims, v.Summary.AsOf, jsonOf(body))
	}
	return sendBatch(ctx, tx, &q, "series")
}

// Series returns the series matching f, most claimed first.
func (s *Store) Series(ctx context.Context, f dossier.SeriesFilter) ([]dossier.Series, error) {
	var where []string
	var args []any
	if f.Story != "" {
		where = append(where, `s.id IN (SELECT c.series_id FROM story_articles sa JOIN claims c ON c.article_id = sa.article_id
			WHERE sa.story_id >= ? AND sa.story_id < ?)`)
		args = append(args, f.Story, f.Story+"\uffff")
	}
	if f.Entity != "" {
		where, args = append(where, "s.subject = ?"), append(args, f.Entity)
	}
	if f.Thing != "" {
		where, args = append(where, "s.thing = ?"), append(args, strings.ToLower(f.Thing))
	}
	if f.MinClaims > 0 {
		where, args = append(where, "s.claims >= ?"), append(args, f.MinClaims)
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
		if err := s.seriesClaims(ctx, out); err != nil {
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
	if err := s.seriesClaims(ctx, out[:1]); err != nil {
		return nil, fmt.Errorf("series %s: %w", id, err)
	}
	return &out[0], nil
}

func (s *Store) seriesRows(ctx context.Context, q string, args ...any) ([]dossier.Series, error) {
	rows, err := s.query(ctx, q, args...)
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

// seriesClaims fills in the claims of the series, in time order, in one query.
func (s *Store) seriesClaims(ctx context.Context, out []dossier.Series) error {
	by := make(map[string]*dossier.Series, len(out))
	ids := make([]string, 0, len(out))
	for i := range out {
		out[i].Claims = []dossier.Claim{}
		by[out[i].ID] = &out[i]
		ids = append(ids, out[i].ID)
	}
	rows, err := s.pool.Query(ctx, "SELECT series_id, body FROM claims WHERE series_id = ANY($1)", ids)
	if err != nil {
		return err
	}
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
	if err := rows.Err(); err != nil {
		return err
	}
	for i := range out {
		series.Order(out[i].Claims)
	}
	return nil
}
