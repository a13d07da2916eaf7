// Package sqlite is the embedded dossier.Store: one SQLite file through the
// pure-Go modernc.org/sqlite driver, FTS5 for search, migrations embedded.
package sqlite

import (
	"context"
	"database/sql"
	"embed"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"

	"github.com/dossier-news/dossier"
	_ "modernc.org/sqlite" // registers the "sqlite" driver
)

//go:embed migrations/*.sql
var migrations embed.FS

// Store is a dossier.Store in one SQLite file.
type Store struct {
	db *sql.DB // the one writer connection
	// rd serves reads from a pool of read-only connections: in WAL mode
	// they read the last commit while an ingest writes through db. For
	// ":memory:" (one database per connection) it is db itself.
	rd   *sql.DB
	lock *writeLock // held by a writing store for as long as it is open
	// entities already written by this process: the upsert is skipped for
	// them (an entity's record does not change between articles)
	entitySeen sync.Map
}

var _ dossier.Store = (*Store)(nil)

// Open opens (creating if needed) the database at path for writing and
// migrates it.
func Open(ctx context.Context, path string) (*Store, error) {
	return OpenWith(ctx, path, Options{})
}

// OpenWith opens the database at path. A writing store is created if
// needed, migrated, and holds the store's write lock until Close (see
// writeLock); a read-only one must exist and takes no lock.
func OpenWith(ctx context.Context, path string, o Options) (*Store, error) {
	if o.ReadOnly && path != ":memory:" {
		return openRead(ctx, path)
	}
	var lock *writeLock
	if path != ":memory:" {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
		var err error
		if lock, err = lockStore(ctx, path, o.Wait); err != nil {
			return nil, err
		}
	}
	db, err := sql.Open("sqlite", dsn(path, writeParams))
	if err != nil {
		lock.release()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	// One writing connection: SQLite has one writer, and ":memory:" is per connection.
	db.SetMaxOpenConns(1)
	s := &Store{db: db, rd: db, lock: lock}
	if err := s.migrate(ctx, path); err != nil {
		db.Close()
		lock.release()
		if errors.Is(err, ErrNewerSchema) {
			return nil, err
		}
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if path != ":memory:" {
		rd, err := sql.Open("sqlite", dsn(path, "_pragma=busy_timeout(10000)&_pragma=query_only(1)&_pragma=cache_size(-16384)&_pragma=temp_store(memory)"))
		if err != nil {
			db.Close()
			lock.release()
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
		n := max(4, runtime.NumCPU())
		rd.SetMaxOpenConns(n)
		rd.SetMaxIdleConns(n)
		s.rd = rd
	}
	return s, nil
}

func migrationNames() ([]string, error) {
	names, err := fs.Glob(migrations, "migrations/*.sql")
	sort.Strings(names)
	return names, err
}

func (s *Store) migrate(ctx context.Context, path string) error {
	version, known, err := s.versions(ctx)
	if err != nil {
		return err
	}
	if version > known {
		return newerSchema(path, version, known)
	}
	names, err := migrationNames()
	if err != nil {
		return err
	}
	for i, name := range names {
		if i < version {
			continue
		}
		b, err := migrations.ReadFile(name)
		if err != nil {
			return err
		}
		tx, err := s.db.BeginTx(ctx, nil)
		if err != nil {
			return err
		}
		if _, err := tx.ExecContext(ctx, string(b)); err != nil {
			tx.Rollback()
			return fmt.Errorf("migration %s: %w", name, err)
		}
		if _, err := tx.ExecContext(ctx, fmt.Sprintf("PRAGMA user_version = %d", i+1)); err != nil {
			tx.Rollback()
			return err
		}
		if err := tx.Commit(); err != nil {
			return err
		}
	}
	return nil
}

// Close closes the database and lets the next writer in.
func (s *Store) Close() error {
	if s.rd != s.db {
		s.rd.Close()
	}
	err := s.db.Close()
	if lerr := s.lock.release(); err == nil {
		err = lerr
	}
	return err
}

func jsonOf(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// Put stores a and its figures in one transaction.
func (s *Store) Put(ctx context.Context, a *dossier.Article) (string, bool, error) {
	res, err := s.Write(ctx, dossier.Batch{Articles: []*dossier.Article{a}})
	if err != nil {
		return "", false, err
	}
	return res[0].ID, res[0].Dup, res[0].Err
}

// errArticle marks a failure of one article in a batch written without
// savepoints: the batch is written again with one savepoint per article.
type errArticle struct{ err error }

func (e errArticle) Error() string { return e.err.Error() }

// Write stores a batch in one transaction. It first writes every article
// straight in; only if one of them fails is the batch written again with a
// savepoint around each article, so that the failed one is rolled back
// alone. Savepoints cost about a fifth of the writing time, and failures
// are rare. One commit for many articles is what makes ingest fast on SQLite.
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
	tx, err := s.db.BeginTx(ctx, nil)
	if err != nil {
		return nil, err
	}
	defer tx.Rollback()
	st, err := prepare(ctx, tx)
	if err != nil {
		return nil, err
	}
	st.seen = &s.entitySeen
	defer st.close()
	failed := map[string]bool{}
	out := make([]dossier.PutResult, 0, len(b.Articles)+len(b.Analysed))
	// one writes one article with f, inside a savepoint when isolating
	one := func(a *dossier.Article, f func() (dossier.PutResult, error)) error {
		if isolate {
			if _, err := tx.ExecContext(ctx, "SAVEPOINT article"); err != nil {
				return err
			}
		}
		mark := len(st.written)
		r, err := f()
		switch {
		case err != nil && !isolate:
			return errArticle{err}
		case err != nil:
			st.written = st.written[:mark] // rolled back with the article
			if _, rerr := tx.ExecContext(ctx, "ROLLBACK TO article"); rerr != nil {
				return rerr
			}
			r = dossier.PutResult{Err: fmt.Errorf("store %s: %w", a.Input, err)}
			failed[a.ID] = true
		}
		out = append(out, r)
		if isolate {
			if _, err := tx.ExecContext(ctx, "RELEASE article"); err != nil {
				return err
			}
		}
		return nil
	}
	for _, a := range b.Articles {
		err := one(a, func() (dossier.PutResult, error) {
			id, dup, err := st.put(ctx, a)
			if err != nil || !dup {
				return dossier.PutResult{ID: id}, err
			}
			if _, err := st.sighting.ExecContext(ctx, id, a.Input, a.Outlet, a.Date); err != nil {
				return dossier.PutResult{}, fmt.Errorf("sighting: %w", err)
			}
			return dossier.PutResult{ID: id, Dup: true}, nil
		})
		if err != nil {
			return nil, err
		}
	}
	for _, a := range b.Analysed {
		if err := one(a, func() (dossier.PutResult, error) { return dossier.PutResult{ID: a.ID}, st.analysed(ctx, tx, a) }); err != nil {
			return nil, err
		}
	}
	all := b.All()
	for i, r := range out {
		if r.Err == nil { // another article of the batch with a failed one's id was stored
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
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("commit: %w", err)
	}
	for _, id := range st.written {
		s.entitySeen.Store(id, true)
	}
	return out, nil
}

// writeRelated writes a batch's lines, copies, stories and state, leaving
// out what belongs to the failed articles.
func writeRelated(ctx context.Context, tx *sql.Tx, b dossier.Batch, failed map[string]bool) error {
	exec := func(q string, each func(st *sql.Stmt) error) error {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		return each(st)
	}
	if len(b.Lines) > 0 {
		err := exec("INSERT OR IGNORE INTO line_docs(line, doc) VALUES (?, ?)", func(st *sql.Stmt) error {
			for doc, keys := range b.Lines {
				for _, k := range keys {
					if _, err := st.ExecContext(ctx, int64(k), int64(doc)); err != nil {
						return fmt.Errorf("lines: %w", err)
					}
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	if len(b.Copies) > 0 {
		err := exec(`INSERT INTO copies (article_id, original, relation, score) VALUES (?,?,?,?)
			ON CONFLICT(article_id, original) DO UPDATE SET relation = excluded.relation, score = excluded.score`, func(st *sql.Stmt) error {
			for _, l := range b.Copies {
				if failed[l.Article] || failed[l.Original] {
					continue
				}
				if _, err := st.ExecContext(ctx, l.Article, l.Original, l.Relation, l.Score); err != nil {
					return fmt.Errorf("copies: %w", err)
				}
			}
			return nil
		})
		if err != nil {
			return err
		}
	}
	for _, a := range b.Stories {
		if failed[a.Article] {
			continue
		}
		if _, err := tx.ExecContext(ctx, "INSERT INTO stories (id, title) VALUES (?,?) ON CONFLICT(id) DO NOTHING", a.Story, a.Title); err != nil {
			return fmt.Errorf("stories: %w", err)
		}
		if _, err := tx.ExecContext(ctx, `INSERT INTO story_articles (article_id, story_id, score) VALUES (?,?,?)
			ON CONFLICT(article_id) DO UPDATE SET story_id = excluded.story_id, score = excluded.score`, a.Article, a.Story, a.Score); err != nil {
			return fmt.Errorf("stories: %w", err)
		}
	}
	return writeState(ctx, tx, b, failed)
}

// stmts are the statements of Write, prepared once a transaction.
type stmts struct {
	dup, article, fts, figure, mention, citation, entity, sighting *sql.Stmt
	window, windowFTS                                              *sql.Stmt
	seen                                                           *sync.Map // the store's entitySeen
	written                                                        []string  // entities written in this transaction, remembered once it commits
}

func prepare(ctx context.Context, tx *sql.Tx) (*stmts, error) {
	var st stmts
	var err error
	for _, p := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&st.dup, "SELECT id FROM articles WHERE text_hash = ?"},
		{&st.article, `INSERT INTO articles (id, text_hash, input, title, site, outlet, author, date, lang, url, source_url, tags, text, paragraphs, sentences, removed, ingested_at, analysed, limited, long)
			VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`},
		{&st.window, "INSERT INTO snippet_windows (rowid, text) VALUES (?,?)"},
		{&st.windowFTS, "INSERT INTO snippet_fts (rowid, text) VALUES (?,?)"},
		{&st.fts, "INSERT INTO articles_fts(rowid, title, text) VALUES (?,?,?)"},
		{&st.figure, "INSERT INTO figures (article_id, seq, thing, gloss, source, modality, body, subject_id, source_id) VALUES (?,?,?,?,?,?,?,?,?)"},
		{&st.mention, "INSERT OR IGNORE INTO mentions (article_id, start_at, end_at, entity_id, text, type, form, role) VALUES (?,?,?,?,?,?,?,?)"},
		{&st.citation, "INSERT INTO citations (article_id, seq, entity_id, name, kind, text) VALUES (?,?,?,?,?,?)"},
		{&st.entity, `INSERT INTO entities (id, type, name, name_fr, aliases, iso, qid, country) VALUES (?,?,?,?,?,?,?,?)
			ON CONFLICT(id) DO NOTHING`},
		{&st.sighting, "INSERT OR IGNORE INTO sightings (article_id, input, outlet, date) VALUES (?,?,?,?)"},
	} {
		if *p.dst, err = tx.PrepareContext(ctx, p.q); err != nil {
			st.close()
			return nil, err
		}
	}
	return &st, nil
}

func (st *stmts) close() {
	for _, s := range []*sql.Stmt{st.dup, st.article, st.fts, st.figure, st.mention, st.citation, st.entity, st.sighting, st.window, st.windowFTS} {
		if s != nil {
			s.Close()
		}
	}
}

func (st *stmts) put(ctx context.Context, a *dossier.Article) (string, bool, error) {
	var existing string
	err := st.dup.QueryRowContext(ctx, a.TextHash).Scan(&existing)
	if err == nil {
		return existing, true, nil
	}
	if !errors.Is(err, sql.ErrNoRows) {
		return "", false, err
	}
	if a.IngestedAt.IsZero() {
		a.IngestedAt = time.Now().UTC()
	}
	tags := a.Tags
	if tags == nil {
		tags = []string{}
	}
	res, err := st.article.ExecContext(ctx, a.ID, a.TextHash, a.Input, a.Title, a.Site, a.Outlet, a.Author, a.Date, a.Lang, a.URL, a.SourceURL,
		jsonOf(tags), a.Text, jsonOf(a.Paragraphs), jsonOf(a.Sentences), jsonOf(a.Removed), a.IngestedAt.Format(time.RFC3339Nano), !a.Deferred,
		a.Limited, len(a.Text) > longText)
	if err != nil {
		return "", false, err
	}
	rowid, err := res.LastInsertId()
	if err != nil {
		return "", false, err
	}
	if _, err := st.fts.ExecContext(ctx, rowid, a.Title, a.Text); err != nil {
		return "", false, fmt.Errorf("index: %w", err)
	}
	if len(a.Text) > longText {
		for i, w := range windows(a.Text) {
			if _, err := st.window.ExecContext(ctx, rowid<<windowBits+int64(i), w); err != nil {
				return "", false, fmt.Errorf("snippet window: %w", err)
			}
			if _, err := st.windowFTS.ExecContext(ctx, rowid<<windowBits+int64(i), w); err != nil {
				return "", false, fmt.Errorf("snippet index: %w", err)
			}
		}
	}
	if err := st.analysis(ctx, a); err != nil {
		return "", false, err
	}
	return a.ID, false, nil
}

// analysis writes an article's figures, entities, mentions and citations.
func (st *stmts) analysis(ctx context.Context, a *dossier.Article) error {
	for i, f := range a.Figures {
		f.Doc = a.ID
		if _, err := st.figure.ExecContext(ctx, a.ID, i, f.Thing, f.Gloss, f.Source, f.Modality, jsonOf(f), f.SubjectID, f.SourceID); err != nil {
			return fmt.Errorf("figure %d: %w", i, err)
		}
	}
	for _, e := range a.Entities {
		if _, ok := st.seen.Load(e.ID); ok {
			continue
		}
		aliases := e.Aliases
		if aliases == nil {
			aliases = []string{}
		}
		if _, err := st.entity.ExecContext(ctx, e.ID, e.Type, e.Name, e.NameFr, jsonOf(aliases), e.ISO, e.QID, e.Country); err != nil {
			return fmt.Errorf("entity %s: %w", e.ID, err)
		}
		st.written = append(st.written, e.ID)
	}
	for _, m := range a.Mentions {
		if _, err := st.mention.ExecContext(ctx, a.ID, m.Start, m.End, m.Entity, m.Text, m.Type, m.Form, m.Role); err != nil {
			return fmt.Errorf("mention: %w", err)
		}
	}
	for i, c := range a.Citations {
		if _, err := st.citation.ExecContext(ctx, a.ID, i, c.Entity, c.Name, c.Kind, c.Text); err != nil {
			return fmt.Errorf("citation: %w", err)
		}
	}
	return nil
}

// analysed replaces the analysis of a stored article whose analysis was
// deferred, and marks it done.
func (st *stmts) analysed(ctx context.Context, tx *sql.Tx, a *dossier.Article) error {
	res, err := tx.ExecContext(ctx, "UPDATE articles SET analysed = 1, limited = ? WHERE id = ?", a.Limited, a.ID)
	if err != nil {
		return err
	}
	if n, err := res.RowsAffected(); err != nil || n != 1 {
		return fmt.Errorf("article %s: %w", a.ID, dossier.ErrNotFound)
	}
	for _, table := range []string{"figures", "mentions", "citations"} {
		if _, err := tx.ExecContext(ctx, "DELETE FROM "+table+" WHERE article_id = ?", a.ID); err != nil {
			return err
		}
	}
	return st.analysis(ctx, a)
}

const summaryCols = "a.id, a.input, a.title, a.site, a.outlet, a.author, a.date, a.lang, a.source_url, a.tags, (SELECT count(*) FROM figures f WHERE f.article_id = a.id), a.analysed = 0, a.date_low, a.date_high, a.date_reason"

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
	figs, err := s.Figures(ctx, dossier.FigureFilter{Article: a.ID})
	if err != nil {
		return nil, err
	}
	a.Figures = figs
	if a.Mentions, err = s.mentions(ctx, a.ID); err != nil {
		return nil, err
	}
	if a.Citations, err = s.citations(ctx, a.ID); err != nil {
		return nil, err
	}
	return a, nil
}

const articleCols = "id, text_hash, input, title, site, outlet, author, date, lang, url, source_url, tags, text, paragraphs, sentences, removed, ingested_at, analysed, date_low, date_high, date_reason, limited"

// articles reads whole article rows (without their analysis).
func (s *Store) articles(ctx context.Context, where string, args ...any) ([]*dossier.Article, error) {
	rows, err := s.rd.QueryContext(ctx, "SELECT "+articleCols+" FROM articles "+where, args...)
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
// were stored: relating them in that order is what ingest would have done.
func (s *Store) Pending(ctx context.Context, after string, limit int) ([]*dossier.Article, int, error) {
	var n int
	if err := s.db.QueryRowContext(ctx, "SELECT count(*) FROM articles WHERE analysed = 0").Scan(&n); err != nil {
		return nil, 0, fmt.Errorf("pending: %w", err)
	}
	out, err := s.articles(ctx, `WHERE analysed = 0 AND rowid > coalesce((SELECT rowid FROM articles WHERE id = ?), 0)
		ORDER BY rowid LIMIT ?`, after, limit)
	if err != nil {
		return nil, 0, fmt.Errorf("pending: %w", err)
	}
	return out, n, nil
}

func (s *Store) mentions(ctx context.Context, id string) ([]dossier.Mention, error) {
	rows, err := s.rd.QueryContext(ctx, "SELECT start_at, end_at, entity_id, text, type, form, role FROM mentions WHERE article_id = ? ORDER BY start_at", id)
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
	rows, err := s.rd.QueryContext(ctx, "SELECT entity_id, name, kind, text FROM citations WHERE article_id = ? ORDER BY seq", id)
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

// Entities lists the entities mentioned in the store (or in one article),
// most mentioned first.
func (s *Store) Entities(ctx context.Context, f dossier.EntityFilter) ([]dossier.EntitySummary, error) {
	q := `SELECT e.id, e.type, e.name, e.name_fr, e.aliases, e.iso, e.qid, e.country, count(*), group_concat(DISTINCT m.article_id),
		(SELECT group_concat(t, char(31)) FROM (SELECT DISTINCT text AS t FROM mentions WHERE entity_id = e.id ORDER BY t)), NULL
		FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE 1=1`
	var args []any
	if f.Type != "" {
		q += " AND e.type = ?"
		args = append(args, f.Type)
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
	es, err := s.entitySummaries(ctx, `SELECT e.id, e.type, e.name, e.name_fr, e.aliases, e.iso, e.qid, e.country, count(m.article_id), group_concat(DISTINCT m.article_id),
		(SELECT group_concat(t, char(31)) FROM (SELECT DISTINCT text AS t FROM mentions WHERE entity_id = e.id ORDER BY t)),
		(SELECT group_concat(r, char(31)) FROM (SELECT DISTINCT role AS r FROM mentions WHERE entity_id = e.id AND role != '' ORDER BY r))
		FROM entities e LEFT JOIN mentions m ON e.id = m.entity_id WHERE e.id = ? GROUP BY e.id`, id)
	if err != nil {
		return nil, err
	}
	if len(es) == 0 {
		return nil, fmt.Errorf("entity %s: %w", id, dossier.ErrNotFound)
	}
	return &es[0], nil
}

func (s *Store) entitySummaries(ctx context.Context, q string, args ...any) ([]dossier.EntitySummary, error) {
	rows, err := s.rd.QueryContext(ctx, q, args...)
	if err != nil {
		return nil, fmt.Errorf("entities: %w", err)
	}
	defer rows.Close()
	out := []dossier.EntitySummary{}
	for rows.Next() {
		var e dossier.EntitySummary
		var aliases string
		var arts, seen, roles sql.NullString
		if err := rows.Scan(&e.ID, &e.Type, &e.Name, &e.NameFr, &aliases, &e.ISO, &e.QID, &e.Country, &e.Mentions, &arts, &seen, &roles); err != nil {
			return nil, err
		}
		if roles.String != "" {
			e.Roles = splitList(roles.String, "\x1f")
		}
		_ = json.Unmarshal([]byte(aliases), &e.Aliases)
		e.Articles = splitList(arts.String, ",")
		e.Seen = splitList(seen.String, "\x1f")
		out = append(out, e)
	}
	return out, rows.Err()
}

func splitList(s, sep string) []string {
	if s == "" {
		return []string{}
	}
	l := strings.Split(s, sep)
	sort.Strings(l)
	return l
}

// List returns article summaries in date then id order.
func (s *Store) List(ctx context.Context, f dossier.ListFilter) ([]dossier.Summary, error) {
	q := "SELECT " + summaryCols + " FROM articles a WHERE 1=1"
	var args []any
	if f.Lang != "" {
		q += " AND a.lang = ?"
		args = append(args, f.Lang)
	}
	if f.Outlet != "" {
		q += " AND (a.outlet = ? COLLATE NOCASE OR a.site = ? COLLATE NOCASE)"
		args = append(args, f.Outlet, f.Outlet)
	}
	q += " ORDER BY a.date, a.id"
	if f.Limit > 0 {
		q += " LIMIT " + strconv.Itoa(f.Limit)
	}
	rows, err := s.rd.QueryContext(ctx, q, args...)
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

// elisions are French articles and pronouns glued with an apostrophe;
// "l'armée" searches for "armée".
var elisions = map[string]bool{"l": true, "d": true, "j": true, "qu": true, "n": true, "s": true, "c": true, "m": true, "t": true, "jusqu": true, "lorsqu": true, "puisqu": true}

// ftsQuery turns what a user types into an FTS5 query: words are ANDed,
// French elisions dropped, "quoted phrases" kept, a trailing * a prefix.
func ftsQuery(q string) string {
	all, _ := ftsQueries(q)
	return all
}

// ftsQueries returns the FTS5 query of what a user types (ftsQuery) and
// the query matching any one of its words or phrases.
func ftsQueries(q string) (all, anyTerm string) {
	var parts []string
	for _, phrase := range splitPhrases(q) {
		var words []string
		for _, w := range strings.FieldsFunc(phrase.text, func(r rune) bool {
			return !(unicode.IsLetter(r) || unicode.IsDigit(r) || r == '*' || r == '-')
		}) {
			w = strings.Trim(w, "-")
			prefix := strings.HasSuffix(w, "*")
			w = strings.Trim(w, "*")
			if w == "" || elisions[strings.ToLower(w)] {
				continue
			}
			t := `"` + w + `"`
			if prefix {
				t += "*"
			}
			words = append(words, t)
		}
		if len(words) == 0 {
			continue
		}
		if phrase.quoted {
			parts = append(parts, strings.Join(words, " + "))
		} else {
			parts = append(parts, words...)
		}
	}
	return strings.Join(parts, " AND "), strings.Join(parts, " OR ")
}

type phrase struct {
	text   string
	quoted bool
}

func splitPhrases(q string) []phrase {
	var out []phrase
	for i, p := range strings.Split(q, `"`) {
		if strings.TrimSpace(p) != "" {
			out = append(out, phrase{p, i%2 == 1})
		}
	}
	return out
}

// Search runs a full-text query over titles and texts. The snippet of a
// long article comes from its windows (see longSnippet).
func (s *Store) Search(ctx context.Context, query string, limit int) ([]dossier.Hit, error) {
	fq, anyTerm := ftsQueries(query)
	if fq == "" {
		return nil, fmt.Errorf("search %q: no words to search for", query)
	}
	if limit <= 0 {
		limit = 20
	}
	rows, err := s.rd.QueryContext(ctx, `SELECT `+summaryCols+`, a.rowid, a.long,
		CASE WHEN a.long THEN '' ELSE snippet(articles_fts, 1, '[', ']', '…', 16) END, bm25(articles_fts, 5.0, 1.0)
		FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid
		WHERE articles_fts MATCH ? ORDER BY bm25(articles_fts, 5.0, 1.0) LIMIT ?`, fq, limit)
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	out := []dossier.Hit{}
	var long []int // hits whose snippet is taken from windows
	var rowids []int64
	for rows.Next() {
		var h dossier.Hit
		var rowid int64
		var isLong bool
		m, err := scanSummary(rows, &rowid, &isLong, &h.Snippet, &h.Rank)
		if err != nil {
			rows.Close()
			return nil, err
		}
		h.Summary = m
		if isLong {
			long = append(long, len(out))
		}
		rowids = append(rowids, rowid)
		out = append(out, h)
	}
	err = rows.Err()
	rows.Close() // before the snippet queries: the store may have one connection
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	for _, i := range long {
		if out[i].Snippet, err = s.longSnippet(ctx, rowids[i], fq, anyTerm); err != nil {
			return nil, fmt.Errorf("search %q: %w", query, err)
		}
	}
	return out, nil
}

// Figures returns stored figures in article then text order.
func (s *Store) Figures(ctx context.Context, f dossier.FigureFilter) ([]dossier.Figure, error) {
	q := "SELECT body FROM figures WHERE 1=1"
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
	// (LIKE folds only ASCII case, so it cannot be the last word)
	if f.Thing != "" && isASCII(f.Thing) {
		q += ` AND (thing LIKE ? ESCAPE '\' OR gloss LIKE ? ESCAPE '\')`
		args = append(args, likeEscape(f.Thing)+"%", likeEscape(f.Thing)+"%")
	}
	if f.Source != "" && isASCII(f.Source) {
		q += ` AND source LIKE ? ESCAPE '\'`
		args = append(args, "%"+likeEscape(f.Source)+"%")
	}
	q += " ORDER BY article_id, seq"
	rows, err := s.rd.QueryContext(ctx, q, args...)
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
		if !f.Match(fig) {
			continue
		}
		out = append(out, fig)
	}
	return out, rows.Err()
}

// LineDocs returns up to dossier.MaxLineDocs documents per line.
func (s *Store) LineDocs(ctx context.Context, keys []dossier.LineKey) (map[dossier.LineKey][]dossier.DocKey, error) {
	out := make(map[dossier.LineKey][]dossier.DocKey, len(keys))
	for start := 0; start < len(keys); start += 500 {
		chunk := keys[start:min(start+500, len(keys))]
		args := make([]any, len(chunk))
		for i, k := range chunk {
			args[i] = int64(k)
		}
		rows, err := s.db.QueryContext(ctx, `SELECT line, doc FROM (
			SELECT line, doc, row_number() OVER (PARTITION BY line) AS n FROM line_docs
			WHERE line IN (?`+strings.Repeat(",?", len(chunk)-1)+`)) WHERE n <= `+strconv.Itoa(dossier.MaxLineDocs), args...)
		if err != nil {
			return nil, fmt.Errorf("line docs: %w", err)
		}
		for rows.Next() {
			var k, d int64
			if err := rows.Scan(&k, &d); err != nil {
				rows.Close()
				return nil, err
			}
			out[dossier.LineKey(k)] = append(out[dossier.LineKey(k)], dossier.DocKey(d))
		}
		rows.Close()
	}
	return out, nil
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= 0x80 {
			return false
		}
	}
	return true
}

var likeEscaper = strings.NewReplacer(`\`, `\\`, `%`, `\%`, `_`, `\_`)

// likeEscape makes s match itself in a LIKE pattern.
func likeEscape(s string) string { return likeEscaper.Replace(s) }
