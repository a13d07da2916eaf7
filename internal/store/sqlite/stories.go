package sqlite

import (
	"context"
	"fmt"
	"sort"
	"strings"

	"github.com/dossier-news/dossier"
)

// Copies returns all copy links and sightings.
func (s *Store) Copies(ctx context.Context) ([]dossier.CopyLink, []dossier.Sighting, error) {
	links := []dossier.CopyLink{}
	rows, err := s.rd.QueryContext(ctx, "SELECT article_id, original, relation, score FROM copies ORDER BY article_id, original")
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
	sights := []dossier.Sighting{}
	rows, err = s.rd.QueryContext(ctx, "SELECT article_id, input, outlet, date FROM sightings ORDER BY article_id, input")
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

// Stories returns the stories with their articles in time order, largest first.
func (s *Store) Stories(ctx context.Context) ([]dossier.Story, error) {
	return s.stories(ctx, "")
}

// Story returns one story by id or unique id prefix.
func (s *Store) Story(ctx context.Context, id string) (*dossier.Story, error) {
	id = strings.TrimSpace(id)
	var ids []string
	if id != "" {
		rows, err := s.rd.QueryContext(ctx, "SELECT id FROM stories WHERE id >= ? AND id < ? ORDER BY id LIMIT 2", id, id+"\uffff")
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
		rows.Close()
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

// stories reads all stories, or the one with id only.
func (s *Store) stories(ctx context.Context, only string) ([]dossier.Story, error) {
	where, ewhere := "", ""
	var args []any
	if only != "" {
		where, ewhere, args = "WHERE st.id = ?", "WHERE sa.story_id = ?", []any{only}
	}
	rows, err := s.rd.QueryContext(ctx, `SELECT st.id, st.title, a.id, a.outlet, a.lang, a.date
		FROM stories st JOIN story_articles sa ON sa.story_id = st.id JOIN articles a ON a.id = sa.article_id
		`+where+` ORDER BY st.id, a.date, a.id`, args...)
	if err != nil {
		return nil, fmt.Errorf("stories: %w", err)
	}
	defer rows.Close()
	by := map[string]*dossier.Story{}
	var order []string
	for rows.Next() {
		var id, title, aid, outlet, lang, date string
		if err := rows.Scan(&id, &title, &aid, &outlet, &lang, &date); err != nil {
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
	if err := rows.Err(); err != nil {
		return nil, err
	}
	// main entities: most mentioned across the story's articles
	ents, err := s.rd.QueryContext(ctx, `SELECT sa.story_id, m.entity_id, count(*) AS n FROM mentions m JOIN story_articles sa ON sa.article_id = m.article_id
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
