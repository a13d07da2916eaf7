package postgres

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/dossier-news/dossier"
)

var _ dossier.Store = (*Store)(nil)

// rebind turns the "?" placeholders of the SQL shared in spirit with the
// SQLite store into PostgreSQL's $1, $2...
func rebind(q string) string {
	if !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	inStr := false
	for i := 0; i < len(q); i++ {
		c := q[i]
		switch {
		case c == '\'':
			inStr = !inStr
		case c == '?' && !inStr:
			n++
			b.WriteString("$" + strconv.Itoa(n))
			continue
		}
		b.WriteByte(c)
	}
	return b.String()
}

func (s *Store) query(ctx context.Context, q string, args ...any) (*rows, error) {
	return s.pool.Query(ctx, rebind(q), args...)
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Put stores a and its analysis in one transaction.
func (s *Store) Put(ctx context.Context, a *dossier.Article) (string, bool, error) {
	res, err := s.Write(ctx, dossier.Batch{Articles: []*dossier.Article{a}})
	if err != nil {
		return "", false, err
	}
	return res[0].ID, res[0].Dup, res[0].Err
}

// errArticle marks the failure of one article in a batch written without
// savepoints: PostgreSQL aborts the transaction, and the batch is written
// again with a savepoint around each article.
type errArticle struct{ err error }

func (e errArticle) Error() string { return e.err.Error() }

// Write stores a batch in one transaction, each article atomic (see
// dossier.Store). As in the SQLite store, savepoints are taken only when
// a first attempt without them met a failing article.
func (s *Store) Write(ctx context.Context, b dossier.Batch) ([]dossier.PutResult, error) {
	out, err := s.write(ctx, b, false)
	var ae errArticle
	if errors.As(err, &ae) {
		out, err = s.write(ctx, b, true)
	}
	if err != nil {
		return nil, fmt.Errorf("store: %w", err)
	}
	return out, nil
}

func (s *Store) write(ctx context.Context, b dossier.Batch, isolate bool) ([]dossier.PutResult, error) {
	tx, err := s.pool.Begin(ctx)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback(context.WithoutCancel(ctx))
	w := &writer{tx: tx, seen: &s.entitySeen}
	failed := map[string]bool{}
	out := make([]dossier.PutResult, 0, len(b.Articles)+len(b.Analysed))
	one := func(a *dossier.Article, f func() (dossier.PutResult, error)) error {
		if isolate {
			if _, err := tx.Exec(ctx, "SAVEPOINT article"); err != nil {
				return err
			}
		}
		mark := len(w.written)
		r, err := f()
		switch {
		case err != nil && !isolate:
			return errArticle{err}
		case err != nil:
			w.written = w.written[:mark]
			if _, rerr := tx.Exec(ctx, "ROLLBACK TO SAVEPOINT article"); rerr != nil {
				return rerr
			}
			r = dossier.PutResult{Err: fmt.Errorf("store %s: %w", a.Input, err)}
			failed[a.ID] = true
		}
		out = append(out, r)
		if isolate {
			if _, err := tx.Exec(ctx, "RELEASE SAVEPOINT article"); err != nil {
				return err
			}
		}
		return nil
	}
	for _, a := range b.Articles {
		err := one(a, func() (dossier.PutResult, error) {
			id, dup, err := w.put(ctx, a)
			if err != nil || !dup {
				return dossier.PutResult{ID: id}, err
			}
			if _, err := tx.Exec(ctx, `INSERT INTO sightings (article_id, input, outlet, date) VALUES ($1,$2,$3,$4) ON CONFLICT DO NOTHING`,
				id, a.Input, a.Outlet, a.Date); err != nil {
				return dossier.PutResult{}, fmt.Errorf("sighting: %w", err)
			}
			if a.ID != "" && a.ID != id {
				if _, err := tx.Exec(ctx, `INSERT INTO input_sightings (input_id, article_id) VALUES ($1,$2) ON CONFLICT DO NOTHING`, a.ID, id); err != nil {
					return dossier.PutResult{}, fmt.Errorf("sighting: %w", err)
				}
			}
			return dossier.PutResult{ID: id, Dup: true}, nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, a := range b.Analysed {
		if err := one(a, func() (dossier.PutResult, error) { return dossier.PutResult{ID: a.ID}, w.analysed(ctx, a) }); err != nil {
			return nil, err
		}
	}
	all := b.All()
	for i, r := range out {
		if r.Err == nil {
			delete(failed, r.ID)
			delete(failed, all[i].ID)
		}
	}
	if err := writeRelated(ctx, tx, b, failed); err != nil {
		return nil, err
	}
	if err := writeSeries(ctx, tx, b, failed); err != nil {
		return nil, err
	}
	if err := tx.Commit(ctx); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	for _, id := range w.written {
		s.entitySeen.Store(id, true)
	}
	return out, nil
}

// writeRelated writes a batch's lines, copies, stories and state, leaving
// out what belongs to the failed articles. Statements go in pgx batches:
// one round trip for many rows.
func writeRelated(ctx context.Context, tx *tx, b dossier.Batch, failed map[string]bool) error {
	var q batch
	// in key order: workers writing the same lines at once then lock
	// them in one order, and do not deadlock
	var lines [][2]int64
	for doc, keys := range b.Lines {
		for _, k := range keys {
			lines = append(lines, [2]int64{int64(k), int64(doc)})
		}
	}
	slices.SortFunc(lines, func(x, y [2]int64) int { return cmp.Or(cmp.Compare(x[0], y[0]), cmp.Compare(x[1], y[1])) })
	for _, l := range lines {
		q.Queue("INSERT INTO line_docs (line, doc) VALUES ($1, $2) ON CONFLICT DO NOTHING", l[0], l[1])
	}
	for _, l := range b.Copies {
		if failed[l.Article] || failed[l.Original] {
			continue
		}
		q.Queue(`INSERT INTO copies (article_id, original, relation, score) VALUES ($1,$2,$3,$4)
			ON CONFLICT (article_id, original) DO UPDATE SET relation = excluded.relation, score = excluded.score`, l.Article, l.Original, string(l.Relation), l.Score)
	}
	for _, a := range b.Stories {
		if failed[a.Article] {
			continue
		}
		q.Queue("INSERT INTO stories (id, title) VALUES ($1,$2) ON CONFLICT (id) DO NOTHING", a.Story, a.Title)
		q.Queue(`INSERT INTO story_articles (article_id, story_id, score) VALUES ($1,$2,$3)
			ON CONFLICT (article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score`, a.Article, a.Story, a.Score)
	}
	// in key order, for the same reason as lines
	sites := make([]string, 0, len(b.Furniture))
	for site := range b.Furniture {
		sites = append(sites, site)
	}
	slices.Sort(sites)
	for _, site := range sites {
		q.Queue(`INSERT INTO furniture_spans (site, state) VALUES ($1,$2)
			ON CONFLICT (site) DO UPDATE SET state = excluded.state`, site, b.Furniture[site])
	}
	if err := sendBatch(ctx, tx, &q, "relations"); err != nil {
		return err
	}
	return writeState(ctx, tx, b, failed)
}

func sendBatch(ctx context.Context, tx *tx, q *batch, what string) error {
	if err := tx.SendBatch(ctx, q); err != nil {
		return fmt.Errorf("%s: %w", what, err)
	}
	return nil
}

// writer writes the articles of one transaction.
type writer struct {
	tx      *tx
	seen    interface{ Load(any) (any, bool) }
	written []string // entities written in this transaction, remembered once it commits
}

// Texts above longText are also indexed as windows (as in the SQLite
// store); the article's own vector holds its first longIndexed bytes,
// PostgreSQL's tsvector being limited to 1 MB.
const (
	longText    = 64 << 10
	windowSize  = 4 << 10
	longIndexed = 256 << 10
)

func (w *writer) put(ctx context.Context, a *dossier.Article) (string, bool, error) {
	var existing string
	err := w.tx.QueryRow(ctx, "SELECT id FROM articles WHERE text_hash = $1", a.TextHash).Scan(&existing)
	if err == nil {
		return existing, true, nil
	}
	if !isNoRows(err) {
		return "", false, err
	}
	if a.IngestedAt.IsZero() {
		a.IngestedAt = time.Now().UTC()
	}
	tags := a.Tags
	if tags == nil {
		tags = []string{}
	}
	long := len(a.Text) > longText
	indexed := a.Text
	if len(indexed) > longIndexed {
		indexed = cutAt(indexed, longIndexed)
	}
	var rid int64
	// ON CONFLICT on the text: a worker storing the same text at the same
	// time makes this one a duplicate, not a failure
	err = w.tx.QueryRow(ctx, `INSERT INTO articles (id, text_hash, input, title, site, outlet, author, date, lang, url, source_url, tags, text,
			paragraphs, sentences, removed, ingested_at, analysed, limited, long, tsv)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14,$15,$16,$17,$18,$19,$20,
			setweight(to_tsvector('dossier', $4), 'A') || setweight(to_tsvector('dossier', $21::text), 'D'))
		ON CONFLICT (text_hash) DO NOTHING RETURNING rid`,
		a.ID, a.TextHash, a.Input, a.Title, a.Site, a.Outlet, a.Author, a.Date, a.Lang, a.URL, a.SourceURL,
		jsonOf(tags), a.Text, jsonOf(a.Paragraphs), jsonOf(a.Sentences), jsonOf(a.Removed), a.IngestedAt.Format(time.RFC3339Nano), !a.Deferred,
		a.Limited, long, indexed).Scan(&rid)
	if isNoRows(err) {
		if err := w.tx.QueryRow(ctx, "SELECT id FROM articles WHERE text_hash = $1", a.TextHash).Scan(&existing); err != nil {
			return "", false, err
		}
		return existing, true, nil
	}
	if err != nil {
		return "", false, err
	}
	if long {
		var q batch
		for i, win := range windows(a.Text) {
			q.Queue("INSERT INTO snippet_windows (rid, n, text, tsv) VALUES ($1, $2, $3, to_tsvector('dossier', $3))", rid, i, win)
		}
		if err := sendBatch(ctx, w.tx, &q, "snippet windows"); err != nil {
			return "", false, err
		}
	}
	if err := w.analysis(ctx, a); err != nil {
		return "", false, err
	}
	return a.ID, false, nil
}

// analysis writes an article's figures, entities, mentions and citations.
func (w *writer) analysis(ctx context.Context, a *dossier.Article) error {
	var q batch
	for i, f := range a.Figures {
		f.Doc = a.ID
		q.Queue(`INSERT INTO figures (article_id, seq, thing, gloss, source, modality, body, subject_id, source_id) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9)`,
			a.ID, i, f.Thing, f.Gloss, f.Source, string(f.Modality), jsonOf(f), f.SubjectID, f.SourceID)
	}
	for _, e := range a.Entities {
		if _, ok := w.seen.Load(e.ID); ok {
			continue
		}
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		q.Queue(`INSERT INTO entities (id, type, name, name_fr, aliases, iso, qid, country) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT (id) DO NOTHING`,
			e.ID, string(e.Type), e.Name, e.NameFr, jsonOf(aliases), e.ISO, e.QID, e.Country)
		w.written = append(w.written, e.ID)
	}
	for _, m := range a.Mentions {
		q.Queue(`INSERT INTO mentions (article_id, start_at, end_at, entity_id, text, type, form, role) VALUES ($1,$2,$3,$4,$5,$6,$7,$8) ON CONFLICT DO NOTHING`,
			a.ID, m.Start, m.End, m.Entity, m.Text, string(m.Type), string(m.Form), m.Role)
	}
	for i, c := range a.Citations {
		q.Queue(`INSERT INTO citations (article_id, seq, entity_id, name, kind, text) VALUES ($1,$2,$3,$4,$5,$6)`,
			a.ID, i, c.Entity, c.Name, string(c.Kind), c.Text)
	}
	return sendBatch(ctx, w.tx, &q, "analysis")
}

// analysed replaces the analysis of a stored article whose analysis was
// deferred, and marks it done.
func (w *writer) analysed(ctx context.Context, a *dossier.Article) error {
	tag, err := w.tx.Exec(ctx, "UPDATE articles SET analysed = true, limited = $1 WHERE id = $2", a.Limited, a.ID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() != 1 {
		return fmt.Errorf("article %s: %w", a.ID, dossier.ErrNotFound)
	}
	for _, table := range []string{"figures", "mentions", "citations"} {
		if _, err := w.tx.Exec(ctx, "DELETE FROM "+table+" WHERE article_id = $1", a.ID); err != nil {
			return err
		}
	}
	return w.analysis(ctx, a)
}
