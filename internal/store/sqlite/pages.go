package sqlite

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier"
)

// inChunks runs f over ids in chunks small enough for SQLite's limit on
// bound parameters, with the placeholders of the chunk.
func inChunks(ids []string, f func(chunk []any, marks string) error) error {
	for start := 0; start < len(ids); start += 400 {
		chunk := ids[start:min(start+400, len(ids))]
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		if err := f(args, "?"+strings.Repeat(",?", len(chunk)-1)); err != nil {
			return err
		}
	}
	return nil
}

// Summaries returns the summaries of ids in their order, with their Lead.
func (s *Store) Summaries(ctx context.Context, ids []string) ([]dossier.Summary, error) {
	by := make(map[string]dossier.Summary, len(ids))
	err := inChunks(ids, func(args []any, marks string) error {
		rows, err := s.rd.QueryContext(ctx, "SELECT "+summaryCols+", substr(a.text, 1, 300) FROM articles a WHERE a.id IN ("+marks+")", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var lead string
			m, err := scanSummary(rows, &lead)
			if err != nil {
				return err
			}
			m.Lead = lead
			by[m.ID] = m
		}
		return rows.Err()
	})
	if err != nil {
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

// CopiesOf returns the copy links touching ids and the sightings of ids.
func (s *Store) CopiesOf(ctx context.Context, ids []string) ([]dossier.CopyLink, []dossier.Sighting, error) {
	links := []dossier.CopyLink{}
	sights := []dossier.Sighting{}
	seen := map[[2]string]bool{}
	err := inChunks(ids, func(args []any, marks string) error {
		rows, err := s.rd.QueryContext(ctx, "SELECT article_id, original, relation, score FROM copies WHERE article_id IN ("+marks+") OR original IN ("+marks+")", append(args, args...)...)
		if err != nil {
			return err
		}
		for rows.Next() {
			var l dossier.CopyLink
			if err := rows.Scan(&l.Article, &l.Original, &l.Relation, &l.Score); err != nil {
				rows.Close()
				return err
			}
			if k := [2]string{l.Article, l.Original}; !seen[k] {
				seen[k] = true
				links = append(links, l)
			}
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return err
		}
		rows, err = s.rd.QueryContext(ctx, "SELECT article_id, input, outlet, date FROM sightings WHERE article_id IN ("+marks+")", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var v dossier.Sighting
			if err := rows.Scan(&v.Article, &v.Input, &v.Outlet, &v.Date); err != nil {
				return err
			}
			sights = append(sights, v)
		}
		return rows.Err()
	})
	if err != nil {
		return nil, nil, fmt.Errorf("copies: %w", err)
	}
	return links, sights, nil
}

// A cursor is opaque to callers: for a listing the (date, id) of the last
// article returned, for a search the offset of the next hit (ranks are
// not unique, so a search pages by position).
func listCursor(date, id string) string {
	return base64.RawURLEncoding.EncodeToString([]byte("d\x00" + date + "\x00" + id))
}

func offsetCursor(n int) string {
	return base64.RawURLEncoding.EncodeToString([]byte("o\x00" + strconv.Itoa(n)))
}

// ErrCursor is returned for a cursor no page gave.
var ErrCursor = fmt.Errorf("invalid cursor")

func parseCursor(c string) (kind string, parts []string, err error) {
	b, err := base64.RawURLEncoding.DecodeString(c)
	if err != nil {
		return "", nil, ErrCursor
	}
	p := strings.Split(string(b), "\x00")
	if len(p) < 2 {
		return "", nil, ErrCursor
	}
	return p[0], p[1:], nil
}

// Articles returns one page of summaries or search hits.
func (s *Store) Articles(ctx context.Context, q dossier.ArticleQuery) ([]dossier.Hit, string, error) {
	limit := q.Limit
	if limit <= 0 {
		limit = 50
	}
	var where []string
	var args []any
	if q.Lang != "" {
		where, args = append(where, "a.lang = ?"), append(args, q.Lang)
	}
	if q.Outlet != "" {
		where, args = append(where, "(a.outlet = ? COLLATE NOCASE OR a.site = ? COLLATE NOCASE)"), append(args, q.Outlet, q.Outlet)
	}
	// dates compare at the precision of the less precise of the two:
	// an article dated "2024-11" is within From "2024-11-20"
	if q.From != "" {
		where = append(where, "a.date != '' AND substr(a.date, 1, min(length(a.date), length(?))) >= substr(?, 1, min(length(a.date), length(?)))")
		args = append(args, q.From, q.From, q.From)
	}
	if q.To != "" {
		where = append(where, "a.date != '' AND substr(a.date, 1, min(length(a.date), length(?))) <= substr(?, 1, min(length(a.date), length(?)))")
		args = append(args, q.To, q.To, q.To)
	}
	cond := func() string {
		if len(where) == 0 {
			return ""
		}
		return " AND " + strings.Join(where, " AND ")
	}
	var kind string
	var parts []string
	if q.After != "" {
		var err error
		if kind, parts, err = parseCursor(q.After); err != nil {
			return nil, "", err
		}
	}
	var out []dossier.Hit
	if q.Query == "" {
		if kind == "d" && len(parts) == 2 {
			where, args = append(where, "(a.date, a.id) > (?, ?)"), append(args, parts[0], parts[1])
		} else if q.After != "" {
			return nil, "", ErrCursor
		}
		rows, err := s.rd.QueryContext(ctx, "SELECT "+summaryCols+" FROM articles a WHERE 1=1"+cond()+" ORDER BY a.date, a.id LIMIT ?", append(args, limit+1)...)
		if err != nil {
			return nil, "", fmt.Errorf("articles: %w", err)
		}
		defer rows.Close()
		for rows.Next() {
			m, err := scanSummary(rows)
			if err != nil {
				return nil, "", err
			}
			out = append(out, dossier.Hit{Summary: m})
		}
		if err := rows.Err(); err != nil {
			return nil, "", err
		}
		next := ""
		if len(out) > limit {
			out = out[:limit]
			next = listCursor(out[limit-1].Date, out[limit-1].ID)
		}
		return nonNil(out), next, nil
	}
	fq := ftsQuery(q.Query)
	if fq == "" {
		return nil, "", fmt.Errorf("search %q: no words to search for", q.Query)
	}
	offset := 0
	if q.After != "" {
		n, err := strconv.Atoi(parts[0])
		if kind != "o" || err != nil || n < 0 {
			return nil, "", ErrCursor
		}
		offset = n
	}
	// rank first, then read the page's rows and snippets: SQLite computes
	// every result column of every match before sorting, and snippets and
	// figure counts are the dear part
	from := "articles_fts" // without filters the ranking needs no article row
	if len(where) > 0 {
		from = "articles_fts CROSS JOIN articles a ON a.rowid = articles_fts.rowid"
	}
	rows, err := s.rd.QueryContext(ctx, `WITH top AS (
			SELECT articles_fts.rowid AS rid, bm25(articles_fts, 5.0, 1.0) AS r
			FROM `+from+`
			WHERE articles_fts MATCH ?`+cond()+` ORDER BY r LIMIT ? OFFSET ?)
		SELECT `+summaryCols+`, snippet(articles_fts, 1, char(2), char(3), '…', 16), top.r
		FROM top JOIN articles_fts ON articles_fts.rowid = top.rid JOIN articles a ON a.rowid = top.rid
		WHERE articles_fts MATCH ? ORDER BY top.r, a.rowid`, append(append([]any{fq}, args...), limit+1, offset, fq)...)
	if err != nil {
		return nil, "", fmt.Errorf("search %q: %w", q.Query, err)
	}
	defer rows.Close()
	for rows.Next() {
		var h dossier.Hit
		m, err := scanSummary(rows, &h.Snippet, &h.Rank)
		if err != nil {
			return nil, "", err
		}
		h.Summary = m
		out = append(out, h)
	}
	if err := rows.Err(); err != nil {
		return nil, "", err
	}
	next := ""
	if len(out) > limit {
		out = out[:limit]
		next = offsetCursor(offset + limit)
	}
	return nonNil(out), next, nil
}

func nonNil(h []dossier.Hit) []dossier.Hit {
	if h == nil {
		return []dossier.Hit{}
	}
	return h
}

// EntityRecords returns the stored records of ids.
func (s *Store) EntityRecords(ctx context.Context, ids []string) (map[string]dossier.Entity, error) {
	out := make(map[string]dossier.Entity, len(ids))
	err := inChunks(ids, func(args []any, marks string) error {
		rows, err := s.rd.QueryContext(ctx, "SELECT id, type, name, name_fr, aliases, iso, qid, country FROM entities WHERE id IN ("+marks+")", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var e dossier.Entity
			var aliases string
			if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.NameFr, &aliases, &e.ISO, &e.QID, &e.Country); err != nil {
				return err
			}
			_ = json.Unmarshal([]byte(aliases), &e.Aliases)
			out[e.ID] = e
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	return out, nil
}
