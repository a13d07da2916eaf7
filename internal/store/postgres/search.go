package postgres

import (
	"context"
	"encoding/base64"
	"fmt"
	"strconv"
	"strings"
	"unicode"

	"github.com/dossier-news/dossier"
)

// elisions are French articles and pronouns glued with an apostrophe;
// "l'armée" searches for "armée" (as in the SQLite store).
var elisions = map[string]bool{"l": true, "d": true, "j": true, "qu": true, "n": true, "s": true, "c": true, "m": true, "t": true, "jusqu": true, "lorsqu": true, "puisqu": true}

// tsQuery is a query as SQL over the "dossier" text search
// configuration, with its arguments numbered from first.
type tsQuery struct {
	all, any string // every term, any term
	args     []any
}

// parseQuery turns what a user types into a tsquery expression: words
// are ANDed, "quoted phrases" kept, a trailing * a prefix, French
// elisions dropped. Each word goes through the configuration's own
// parser (phraseto_tsquery), so "10.000" or "Saint-Denis" are split as
// in the texts.
func parseQuery(q string, first int) (tsQuery, bool) {
	var parts []string
	var args []any
	arg := func(v string) string {
		args = append(args, v)
		return "$" + strconv.Itoa(first+len(args)-1)
	}
	for i, p := range strings.Split(q, `"`) {
		quoted := i%2 == 1
		var words []string
		for _, w := range strings.FieldsFunc(p, func(r rune) bool { return unicode.IsSpace(r) || r == '\'' || r == '’' }) {
			w = strings.TrimFunc(w, func(r rune) bool { return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*') })
			prefix := strings.HasSuffix(w, "*")
			w = strings.TrimRight(w, "*")
			if !strings.ContainsFunc(w, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) || elisions[strings.ToLower(w)] {
				continue
			}
			if prefix && !quoted {
				// the lexemes of the word, the last one a prefix
				parts = append(parts, "(SELECT CASE WHEN q::text = '' THEN q ELSE to_tsquery('dossier', q::text || ':*') END FROM phraseto_tsquery('dossier', "+arg(w)+") q)")
				continue
			}
			words = append(words, w)
		}
		if len(words) == 0 {
			continue
		}
		if quoted {
			parts = append(parts, "phraseto_tsquery('dossier', "+arg(strings.Join(words, " "))+")")
		} else {
			for _, w := range words {
				parts = append(parts, "phraseto_tsquery('dossier', "+arg(w)+")")
			}
		}
	}
	if len(parts) == 0 {
		return tsQuery{}, false
	}
	return tsQuery{all: "(" + strings.Join(parts, " && ") + ")", any: "(" + strings.Join(parts, " || ") + ")", args: args}, true
}

// headline options: a snippet of about 16 words around the matches.
func headline(start, stop string) string {
	return fmt.Sprintf(`StartSel="%s", StopSel="%s", MaxWords=20, MinWords=10, ShortWord=0, MaxFragments=1, FragmentDelimiter="…"`, start, stop)
}

// Search runs a full-text query over titles and texts.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]dossier.Hit, error) {
	hits, _, err := s.search(ctx, query, nil, nil, limit, 0, "[", "]")
	return hits, err
}

// search ranks the matches of query (with the extra conditions, whose
// arguments follow the query's), then reads the page's rows and snippets.
func (s *Store) search(ctx context.Context, query string, where []string, args []any, limit, offset int, start, stop string) ([]dossier.Hit, bool, error) {
	tq, ok := parseQuery(query, 1)
	if !ok {
		return nil, false, fmt.Errorf("search %q: no words to search for", query)
	}
	if limit <= 0 {
		limit = 20
	}
	all := append(append([]any{}, tq.args...), args...)
	cond := ""
	if len(where) > 0 {
		cond = " AND " + strings.Join(where, " AND ")
	}
	n := len(all)
	all = append(all, limit+1, offset, headline(start, stop))
	// a long article matches through its vector (its first longIndexed
	// bytes) or one of its windows
	rows, err := s.pool.Query(ctx, renumber(`WITH q AS (SELECT `+tq.all+` AS q),
		top AS (SELECT a.rid, ts_rank_cd(a.tsv, q.q) AS r FROM articles a, q
			WHERE (a.tsv @@ q.q OR (a.long AND EXISTS (SELECT 1 FROM snippet_windows w WHERE w.rid = a.rid AND w.tsv @@ q.q)))`+cond+`
			ORDER BY r DESC, a.rid LIMIT $`+strconv.Itoa(n+1)+` OFFSET $`+strconv.Itoa(n+2)+`)
		SELECT `+summaryCols+`, a.rid, a.long, CASE WHEN a.long THEN '' ELSE ts_headline('dossier', a.text, q.q, $`+strconv.Itoa(n+3)+`) END, top.r
		FROM top JOIN articles a ON a.rid = top.rid, q ORDER BY top.r DESC, a.rid`, len(tq.args)), all...)
	if err != nil {
		return nil, false, fmt.Errorf("search %q: %w", query, err)
	}
	out := []dossier.Hit{}
	var long []int
	var rids []int64
	for rows.Next() {
		var h dossier.Hit
		var rid int64
		var isLong bool
		var r float64
		m, err := scanSummary(rows, &rid, &isLong, &h.Snippet, &r)
		if err != nil {
			rows.Close()
			return nil, false, err
		}
		h.Summary = m
		h.Rank = -r // lower is better, as bm25's in the SQLite store
		if isLong {
			long = append(long, len(out))
		}
		rids = append(rids, rid)
		out = append(out, h)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, false, fmt.Errorf("search %q: %w", query, err)
	}
	more := len(out) > limit
	if more {
		out = out[:limit]
	}
	for _, i := range long {
		if i >= len(out) {
			break
		}
		if out[i].Snippet, err = s.longSnippet(ctx, rids[i], tq, start, stop); err != nil {
			return nil, false, fmt.Errorf("search %q: %w", query, err)
		}
	}
	return out, more, nil
}

// renumber leaves the query's own placeholders ($1..$n) as they are: the
// extra conditions were written with "?" and are numbered after them.
func renumber(q string, n int) string {
	var b strings.Builder
	for i := 0; i < len(q); i++ {
		if q[i] == '?' {
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(q[i])
	}
	return b.String()
}

// longSnippet is the snippet of a long article from its first window
// matching the whole query, else one matching any term, else its opening.
func (s *Store) longSnippet(ctx context.Context, rid int64, tq tsQuery, start, stop string) (string, error) {
	for _, q := range []string{tq.all, tq.any} {
		args := append(append([]any{}, tq.args...), rid, headline(start, stop))
		n := len(tq.args)
		var snip string
		err := s.pool.QueryRow(ctx, `WITH q AS (SELECT `+q+` AS q)
			SELECT ts_headline('dossier', w.text, q.q, $`+strconv.Itoa(n+2)+`) FROM snippet_windows w, q
			WHERE w.rid = $`+strconv.Itoa(n+1)+` AND w.tsv @@ q.q ORDER BY w.n LIMIT 1`, args...).Scan(&snip)
		if err == nil {
			return snip, nil
		}
		if !isNoRows(err) {
			return "", fmt.Errorf("snippet: %w", err)
		}
	}
	var text string
	err := s.pool.QueryRow(ctx, "SELECT left(text, 200) FROM snippet_windows WHERE rid = $1 AND n = 0", rid).Scan(&text)
	if err != nil && !isNoRows(err) {
		return "", fmt.Errorf("snippet: %w", err)
	}
	return text + "…", nil
}

// Cursors are opaque to callers (as in the SQLite store): for a listing
// the (date, id) of the last article returned, for a search the offset
// of the next hit.
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
		where, args = append(where, "(lower(a.outlet) = lower(?) OR lower(a.site) = lower(?))"), append(args, q.Outlet, q.Outlet)
	}
	// dates compare at the precision of the less precise of the two
	if q.From != "" {
		where = append(where, "a.date <> '' AND left(a.date, least(length(a.date), length(?))) >= left(?, least(length(a.date), length(?)))")
		args = append(args, q.From, q.From, q.From)
	}
	if q.To != "" {
		where = append(where, "a.date <> '' AND left(a.date, least(length(a.date), length(?))) <= left(?, least(length(a.date), length(?)))")
		args = append(args, q.To, q.To, q.To)
	}
	var kind string
	var parts []string
	if q.After != "" {
		var err error
		if kind, parts, err = parseCursor(q.After); err != nil {
			return nil, "", err
		}
	}
	if q.Query == "" {
		if kind == "d" && len(parts) == 2 {
			where, args = append(where, "(a.date, a.id) > (?, ?)"), append(args, parts[0], parts[1])
		} else if q.After != "" {
			return nil, "", ErrCursor
		}
		cond := ""
		if len(where) > 0 {
			cond = " AND " + strings.Join(where, " AND ")
		}
		rows, err := s.query(ctx, "SELECT "+summaryCols+" FROM articles a WHERE true"+cond+" ORDER BY a.date, a.id LIMIT ?", append(args, limit+1)...)
		if err != nil {
			return nil, "", fmt.Errorf("articles: %w", err)
		}
		defer rows.Close()
		out := []dossier.Hit{}
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
		return out, next, nil
	}
	offset := 0
	if q.After != "" {
		n, err := strconv.Atoi(parts[0])
		if kind != "o" || err != nil || n < 0 {
			return nil, "", ErrCursor
		}
		offset = n
	}
	out, more, err := s.search(ctx, q.Query, where, args, limit, offset, "\x02", "\x03")
	if err != nil {
		return nil, "", err
	}
	next := ""
	if more {
		next = offsetCursor(offset + limit)
	}
	return out, next, nil
}
