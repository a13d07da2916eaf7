package postgres

import (
	"context"
	"encoding/json"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

const summaryCols = "a.id, a.input, a.title, a.site, a.outlet, a.author, a.date, a.lang, a.source_url, a.tags, (SELECT count(*) FROM figures f WHERE f.article_id = a.id), NOT a.analysed, a.date_low, a.date_high, a.date_reason"

func scanSummary(sc interface{ Scan(...any) error }, extra ...any) (dossier.Summary, error) {
	var m dossier.Summary
	var tags string
	dest := append([]any{&m.ID, &m.Input, &m.Title, &m.Site, &m.Outlet, &m.Author, &m.Date, &m.Lang, &m.SourceURL, &tags, &m.Figures, &m.Deferred,
		&m.DateLow, &m.DateHigh, &m.DateReason}, extra...)
	if err := sc.Scan(dest...); err != nil {
		return m, err
	}
	m.DateEstimated = m.DateLow != ""
	_ = json.Unmarshal([]byte(tags), &m.Tags)
	return m, nil
}

// Article returns one article by id or unique id prefix.
func (s *Store) Article(ctx context.Context, id string) (*dossier.Article, error) {
	id = strings.TrimSpace(id)
	if id == "" {
		return nil, fmt.Errorf("article %q: %w", id, dossier.ErrNotFound)
	}
	out, err := s.articles(ctx, `WHERE id >= ? AND id < ? ORDER BY id LIMIT 2`, id, id+"\uffff")
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	switch len(out) {
	case 0:
		return nil, fmt.Errorf("article %s: %w", id, dossier.ErrNotFound)
	case 2:
		if out[0].ID != id {
			return nil, fmt.Errorf("article %s: id prefix is ambiguous", id)
		}
	}
	a := out[0]
	if a.Figures, err = s.Figures(ctx, dossier.FigureFilter{Article: a.ID}); err != nil {
		return nil, err
	}
	if a.Mentions, err = s.mentions(ctx, a.ID); err != nil {
		return nil, err
	}
	if a.Citations, err = s.citations(ctx, a.ID); err != nil {
		return nil, err
	}
	return a, nil
}

const articleCols = "id, text_hash, input, title, site, outlet, author, date, lang, url, source_url, tags, text, paragraphs, sentences, removed, ingested_at, analysed, date_low, date_high, date_reason, limited"

func (s *Store) articles(ctx context.Context, where string, args ...any) ([]*dossier.Article, error) {
	rows, err := s.query(ctx, "SELECT "+articleCols+" FROM articles "+where, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*dossier.Article
	for rows.Next() {
		a := &dossier.Article{}
		var tags, paras, sents, removed, at string
		var analysed bool
		if err := rows.Scan(&a.ID, &a.TextHash, &a.Input, &a.Title, &a.Site, &a.Outlet, &a.Author, &a.Date, &a.Lang, &a.URL, &a.SourceURL,
			&tags, &a.Text, &paras, &sents, &removed, &at, &analysed, &a.DateLow, &a.DateHigh, &a.DateReason, &a.Limited); err != nil {
			return nil, err
		}
		a.DateEstimated = a.DateLow != ""
		_ = json.Unmarshal([]byte(tags), &a.Tags)
		_ = json.Unmarshal([]byte(paras), &a.Paragraphs)
		_ = json.Unmarshal([]byte(sents), &a.Sentences)
		_ = json.Unmarshal([]byte(removed), &a.Removed)
		a.IngestedAt, _ = time.Parse(time.RFC3339Nano, at)
		a.Deferred = !analysed
		out = append(out, a)
	}
	return out, rows.Err()
}

// Pending returns articles whose analysis was deferred, in the order they
// were stored, or in queue order up to the horizon (RelateUpTo).
func (s *Store) Pending(ctx context.Context, after string, limit int) ([]*dossier.Article, int, error) {
	h := s.horizon.Load()
	if h < 0 {
		var n int
		if err := s.pool.QueryRow(ctx, "SELECT count(*) FROM articles WHERE NOT analysed").Scan(&n); err != nil {
			return nil, 0, fmt.Errorf("pending: %w", err)
		}
		out, err := s.articles(ctx, `WHERE NOT analysed AND rid > coalesce((SELECT rid FROM articles WHERE id = ?), 0)
			ORDER BY rid LIMIT ?`, after, limit)
		if err != nil {
			return nil, 0, fmt.Errorf("pending: %w", err)
		}
		return out, n, nil
	}
	// an article stored by a worker whose queue position is not recorded
	// yet waits: its document was not acknowledged, it comes again
	const ready = `FROM articles a JOIN queue_order q ON q.article_id = a.id WHERE NOT a.analysed AND q.seq <= `
	var n int
	if err := s.pool.QueryRow(ctx, "SELECT count(*) "+ready+"$1", h).Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("pending: %w", err)
	}
	rows, err := s.pool.Query(ctx, `SELECT a.id `+ready+`$1
		AND (q.seq, a.rid) > (
			coalesce((SELECT q2.seq FROM queue_order q2 WHERE q2.article_id = $2), -1),
			coalesce((SELECT a2.rid FROM articles a2 WHERE a2.id = $2), 0))
		ORDER BY q.seq, a.rid LIMIT $3`, h, after, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("pending: %w", err)
	}
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, 0, err
		}
		ids = append(ids, id)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("pending: %w", err)
	}
	arts, err := s.articles(ctx, "WHERE id = ANY(?)", nonNil(ids))
	if err != nil {
		return nil, 0, fmt.Errorf("pending: %w", err)
	}
	by := make(map[string]*dossier.Article, len(arts))
	for _, a := range arts {
		by[a.ID] = a
	}
	out := make([]*dossier.Article, 0, len(ids))
	for _, id := range ids {
		if a := by[id]; a != nil {
			out = append(out, a)
		}
	}
	return out, n, nil
}

func (s *Store) mentions(ctx context.Context, id string) ([]dossier.Mention, error) {
	rows, err := s.query(ctx, "SELECT start_at, end_at, entity_id, text, type, form, role FROM mentions WHERE article_id = ? ORDER BY start_at", id)
	if err != nil {
		return nil, fmt.Errorf("mentions %s: %w", id, err)
	}
	defer rows.Close()
	out := []dossier.Mention{}
	for rows.Next() {
		var m dossier.Mention
		if err := rows.Scan(&m.Start, &m.End, &m.Entity, &m.Text, &m.Type, &m.Form, &m.Role); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *Store) citations(ctx context.Context, id string) ([]dossier.Citation, error) {
	rows, err := s.query(ctx, "SELECT entity_id, name, kind, text FROM citations WHERE article_id = ? ORDER BY seq", id)
	if err != nil {
		return nil, fmt.Errorf("citations %s: %w", id, err)
	}
	defer rows.Close()
	out := []dossier.Citation{}
	for rows.Next() {
		var c dossier.Citation
		if err := rows.Scan(&c.Entity, &c.Name, &c.Kind, &c.Text); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

const entityCols = `e.id, e.type, e.name, e.name_fr, e.aliases, e.iso, e.qid, e.country, count(m.article_id), string_agg(DISTINCT m.article_id, ','),
		(SELECT string_agg(DISTINCT text, chr(31)) FROM mentions WHERE entity_id = e.id),
		(SELECT string_agg(DISTINCT role, chr(31)) FROM mentions WHERE entity_id = e.id AND role <> '')`

// Entities lists the entities mentioned, most mentioned first.
func (s *Store) Entities(ctx context.Context, f dossier.EntityFilter) ([]dossier.EntitySummary, error) {
	q := `SELECT ` + entityCols + ` FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE true`
	var args []any
	if f.Type != "" {
		q += " AND e.type = ?"
		args = append(args, string(f.Type))
	}
	if f.Article != "" {
		q += " AND m.article_id = ?"
		args = append(args, f.Article)
	}
	q += " GROUP BY e.id ORDER BY count(*) DESC, e.id"
	return s.entitySummaries(ctx, q, args...)
}

// Entity returns one entity with its use, or ErrNotFound.
func (s *Store) Entity(ctx context.Context, id string) (*dossier.EntitySummary, error) {
	es, err := s.entitySummaries(ctx, `SELECT `+entityCols+` FROM entities e LEFT JOIN mentions m ON e.id = m.entity_id WHERE e.id = ? GROUP BY e.id`, id)
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, fmt.Errorf("entity %s: %w", id, dossier.ErrNotFound)
	}
	return &es[0], nil
}

func (s *Store) entitySummaries(ctx context.Context, q string, args ...any) ([]dossier.EntitySummary, error) {
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	out := []dossier.EntitySummary{}
	for rows.Next() {
		var e dossier.EntitySummary
		var aliases string
		var arts, seen, roles *string
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.NameFr, &aliases, &e.ISO, &e.QID, &e.Country, &e.Mentions, &arts, &seen, &roles); err != nil {
			return nil, err
		}
		if roles != nil && *roles != "" {
			e.Roles = splitList(roles, "\x1f")
		}
		_ = json.Unmarshal([]byte(aliases), &e.Aliases)
		e.Articles = splitList(arts, ",")
		e.Seen = splitList(seen, "\x1f")
		out = append(out, e)
	}
	return out, rows.Err()
}

func splitList(s *string, sep string) []string {
	if s == nil || *s == "" {
		return []string{}
	}
	l := strings.Split(*s, sep)
	sort.Strings(l)
	return l
}

// List returns article summaries in date then id order.
func (s *Store) List(ctx context.Context, f dossier.ListFilter) ([]dossier.Summary, error) {
	q := "SELECT " + summaryCols + " FROM articles a WHERE true"
	var args []any
	if f.Lang != "" {
		q += " AND a.lang = ?"
		args = append(args, f.Lang)
	}
	if f.Outlet != "" {
		q += " AND (lower(a.outlet) = lower(?) OR lower(a.site) = lower(?))"
		args = append(args, f.Outlet, f.Outlet)
	}
	q += " ORDER BY a.date, a.id"
	if f.Limit > 0 {
		q += " LIMIT " + strconv.Itoa(f.Limit)
	}
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("list: %w", err)
	}
	defer rows.Close()
	out := []dossier.Summary{}
	for rows.Next() {
		m, err := scanSummary(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

// Figures returns stored figures in article then text order.
func (s *Store) Figures(ctx context.Context, f dossier.FigureFilter) ([]dossier.Figure, error) {
	q := "SELECT body FROM figures WHERE true"
	var args []any
	if f.Article != "" {
		q += " AND article_id = ?"
		args = append(args, f.Article)
	}
	if f.Entity != "" {
		q += " AND (subject_id = ? OR source_id = ?)"
		args = append(args, f.Entity, f.Entity)
	}
	// an indexed pre-selection; f.Match below is what the filter means
	if f.Thing != "" {
		q += ` AND (lower(thing) LIKE ? OR lower(gloss) LIKE ?)`
		args = append(args, likeEscape(strings.ToLower(f.Thing))+"%", likeEscape(strings.ToLower(f.Thing))+"%")
	}
	q += " ORDER BY article_id, seq"
	rows, err := s.query(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("figures: %w", err)
	}
	defer rows.Close()
	out := []dossier.Figure{}
	for rows.Next() {
		var body string
		if err := rows.Scan(&body); err != nil {
			return nil, err
		}
		var fig dossier.Figure
		if err := json.Unmarshal([]byte(body), &fig); err != nil {
			return nil, fmt.Errorf("figures: %w", err)
		}
		if f.Match(fig) {
			out = append(out, fig)
		}
	}
	return out, rows.Err()
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

func likeEscape(s string) string { return likeEscaper.Replace(s) }

// LineDocs returns up to dossier.MaxLineDocs documents per line.
func (s *Store) LineDocs(ctx context.Context, keys []dossier.LineKey) (map[dossier.LineKey][]dossier.DocKey, error) {
	out := make(map[dossier.LineKey][]dossier.DocKey, len(keys))
	if len(keys) == 0 {
		return out, nil
	}
	ks := make([]int64, len(keys))
	for i, k := range keys {
		ks[i] = int64(k)
	}
	rows, err := s.pool.Query(ctx, `SELECT line, doc FROM (
		SELECT line, doc, row_number() OVER (PARTITION BY line) AS n FROM line_docs WHERE line = ANY($1)) t
		WHERE n <= `+strconv.Itoa(dossier.MaxLineDocs), ks)
	if err != nil {
		return nil, fmt.Errorf("line docs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var k, d int64
		if err := rows.Scan(&k, &d); err != nil {
			return nil, err
		}
		out[dossier.LineKey(k)] = append(out[dossier.LineKey(k)], dossier.DocKey(d))
	}
	return out, rows.Err()
}

// windows cuts text into pieces of about windowSize bytes, at a space
// when there is one near the cut, always at a character boundary.
func windows(text string) []string {
	var out []string
	for len(text) > 0 {
		if len(text) <= windowSize {
			out = append(out, text)
			break
		}
		cut := windowSize
		if sp := strings.LastIndexAny(text[windowSize/2:windowSize], " \n\t"); sp >= 0 {
			cut = windowSize/2 + sp + 1
		} else {
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		out = append(out, text[:cut])
		text = text[cut:]
	}
	return out
}

// cutAt returns the start of s of at most n bytes, at a character boundary.
func cutAt(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Sighted returns, for each of these input ids found an exact copy of a
// stored article, that article's id.
func (s *Store) Sighted(ctx context.Context, inputIDs []string) (map[string]string, error) {
	out := map[string]string{}
	if len(inputIDs) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, "SELECT input_id, article_id FROM input_sightings WHERE input_id = ANY($1)", inputIDs)
	if err != nil {
		return nil, fmt.Errorf("input sightings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var in, art string
		if err := rows.Scan(&in, &art); err != nil {
			return nil, err
		}
		out[in] = art
	}
	return out, rows.Err()
}

// Furniture returns the stored furniture span state of the sites.
func (s *Store) Furniture(ctx context.Context, sites []string) (map[string][]byte, error) {
	out := map[string][]byte{}
	if len(sites) == 0 {
		return out, nil
	}
	rows, err := s.pool.Query(ctx, "SELECT site, state FROM furniture_spans WHERE site = ANY($1)", sites)
	if err != nil {
		return nil, fmt.Errorf("furniture: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var site string
		var state []byte
		if err := rows.Scan(&site, &state); err != nil {
			return nil, err
		}
		out[site] = state
	}
	return out, rows.Err()
}
