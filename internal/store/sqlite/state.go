package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier"
)

// The state relating keeps, read by key (migration 009). Reads go through
// the read pool: relating reads only keys whose last writes are committed
// (see internal/ingest, stateCache), and a read must not wait for the
// writer's transaction in progress.

// stateChunks runs f on chunks of at most 500 items: SQLite limits the
// parameters of one statement.
func stateChunks[T any](items []T, f func(chunk []T) error) error {
	for start := 0; start < len(items); start += 500 {
		if err := f(items[start:min(start+500, len(items))]); err != nil {
			return err
		}
	}
	return nil
}

func placeholders(n int) string { return "?" + strings.Repeat(",?", n-1) }

// Postings returns the latest limit ids filed under each key, oldest first.
func (s *Store) Postings(ctx context.Context, keys []dossier.PostingKey, limit int) (map[dossier.PostingKey][]string, error) {
	out := make(map[dossier.PostingKey][]string, len(keys))
	if limit <= 0 || len(keys) == 0 {
		return out, nil
	}
	conn, err := s.rd.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("postings: %w", err)
	}
	defer conn.Close()
	// one indexed range read a key, newest first, on one connection in
	// one read transaction: most keys have no or one posting
	tx, err := conn.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("postings: %w", err)
	}
	defer tx.Rollback()
	st, err := tx.PrepareContext(ctx, `SELECT i.id FROM postings p JOIN state_ids i ON i.ref = p.ref
		WHERE p.kind = ? AND p.hash = ? ORDER BY p.seq DESC LIMIT ?`)
	if err != nil {
		return nil, fmt.Errorf("postings: %w", err)
	}
	defer st.Close()
	for _, k := range keys {
		if _, done := out[k]; done {
			continue
		}
		rows, err := st.QueryContext(ctx, int(k.Kind), int64(k.Hash), limit)
		if err != nil {
			return nil, fmt.Errorf("postings: %w", err)
		}
		var ids []string
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				rows.Close()
				return nil, err
			}
			ids = append(ids, id)
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("postings: %w", err)
		}
		if len(ids) == 0 {
			continue
		}
		for i, j := 0, len(ids)-1; i < j; i, j = i+1, j-1 {
			ids[i], ids[j] = ids[j], ids[i]
		}
		out[k] = ids
	}
	return out, nil
}

// CopyProfiles returns the saved profiles of these articles.
func (s *Store) CopyProfiles(ctx context.Context, ids []string) (map[string]dossier.CopyProfile, error) {
	out := make(map[string]dossier.CopyProfile, len(ids))
	err := stateChunks(ids, func(chunk []string) error {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.rd.QueryContext(ctx, `SELECT i.id, c.signature, c.data FROM state_ids i JOIN copy_profiles c ON c.ref = i.ref
			WHERE i.id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p dossier.CopyProfile
			var sig int64
			if err := rows.Scan(&p.Article, &sig, &p.Data); err != nil {
				return err
			}
			p.Signature = uint64(sig)
			out[p.Article] = p
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("copy profiles: %w", err)
	}
	return out, nil
}

// SameText returns the article first saved with each signature hash.
func (s *Store) SameText(ctx context.Context, signatures []uint64) (map[uint64]string, error) {
	out := make(map[uint64]string, len(signatures))
	err := stateChunks(signatures, func(chunk []uint64) error {
		args := make([]any, len(chunk))
		for i, v := range chunk {
			args[i] = int64(v)
		}
		rows, err := s.rd.QueryContext(ctx, `SELECT c.signature, i.id FROM copy_profiles c JOIN state_ids i ON i.ref = c.ref
			WHERE c.signature IN (`+placeholders(len(chunk))+`) ORDER BY c.ref`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var sig int64
			var id string
			if err := rows.Scan(&sig, &id); err != nil {
				return err
			}
			if _, ok := out[uint64(sig)]; !ok {
				out[uint64(sig)] = id
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("same text: %w", err)
	}
	return out, nil
}

// StoryProfiles returns the saved profiles of these stories.
func (s *Store) StoryProfiles(ctx context.Context, ids []string) (map[string]dossier.StoryProfile, error) {
	out := make(map[string]dossier.StoryProfile, len(ids))
	err := stateChunks(ids, func(chunk []string) error {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.rd.QueryContext(ctx, `SELECT i.id, p.data FROM state_ids i JOIN story_profiles p ON p.ref = i.ref
			WHERE i.id IN (`+placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var p dossier.StoryProfile
			if err := rows.Scan(&p.Story, &p.Data); err != nil {
				return err
			}
			out[p.Story] = p
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("story profiles: %w", err)
	}
	return out, nil
}

// RecentStories returns the stories saved last, the latest last.
func (s *Store) RecentStories(ctx context.Context, limit int) ([]string, error) {
	rows, err := s.rd.QueryContext(ctx, `SELECT i.id FROM story_profiles p JOIN state_ids i ON i.ref = p.ref
		ORDER BY p.saved DESC, p.ref DESC LIMIT ?`, limit)
	if err != nil {
		return nil, fmt.Errorf("recent stories: %w", err)
	}
	defer rows.Close()
	var ids []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, err
		}
		ids = append(ids, id)
	}
	for i, j := 0, len(ids)-1; i < j; i, j = i+1, j-1 {
		ids[i], ids[j] = ids[j], ids[i]
	}
	return ids, rows.Err()
}

// TermCounts returns the document count and these terms' frequencies.
func (s *Store) TermCounts(ctx context.Context, terms []string) (dossier.TermCounts, error) {
	out := dossier.TermCounts{DF: make(map[string]int, len(terms))}
	if err := s.rd.QueryRowContext(ctx, "SELECT docs FROM state_counters").Scan(&out.Docs); err != nil {
		return out, fmt.Errorf("term counts: %w", err)
	}
	err := stateChunks(terms, func(chunk []string) error {
		args := make([]any, len(chunk))
		for i, t := range chunk {
			args[i] = t
		}
		rows, err := s.rd.QueryContext(ctx, "SELECT term, df FROM term_counts WHERE term IN ("+placeholders(len(chunk))+")", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var t string
			var n int
			if err := rows.Scan(&t, &n); err != nil {
				return err
			}
			out.DF[t] = n
		}
		return rows.Err()
	})
	if err != nil {
		return out, fmt.Errorf("term counts: %w", err)
	}
	return out, nil
}

// SeriesOfTopics returns the series of these topics with their claims.
func (s *Store) SeriesOfTopics(ctx context.Context, topics []dossier.SeriesTopic) ([]dossier.Series, error) {
	var out []dossier.Series
	seen := map[string]bool{}
	for _, t := range topics {
		// subject and thing are indexed; the unit is in the body
		found, err := s.seriesRows(ctx, "SELECT body FROM series WHERE subject = ? AND thing = ? ORDER BY id", t.Subject, t.Thing)
		if err != nil {
			return nil, fmt.Errorf("series of topics: %w", err)
		}
		for _, v := range found {
			if v.Unit == t.Unit && !seen[v.ID] {
				seen[v.ID] = true
				out = append(out, v)
			}
		}
	}
	if err := s.seriesClaims(ctx, out, false); err != nil {
		return nil, fmt.Errorf("series of topics: %w", err)
	}
	return out, nil
}

// SeriesOfArticles returns the series with a claim of these articles.
func (s *Store) SeriesOfArticles(ctx context.Context, ids []string) ([]dossier.Series, error) {
	var sids []string
	seen := map[string]bool{}
	err := stateChunks(ids, func(chunk []string) error {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		rows, err := s.rd.QueryContext(ctx, "SELECT DISTINCT series_id FROM claims WHERE article_id IN ("+placeholders(len(chunk))+")", args...)
		if err != nil {
			return err
		}
		defer rows.Close()
		for rows.Next() {
			var id string
			if err := rows.Scan(&id); err != nil {
				return err
			}
			if !seen[id] {
				seen[id] = true
				sids = append(sids, id)
			}
		}
		return rows.Err()
	})
	if err != nil {
		return nil, fmt.Errorf("series of articles: %w", err)
	}
	var out []dossier.Series
	err = stateChunks(sids, func(chunk []string) error {
		args := make([]any, len(chunk))
		for i, id := range chunk {
			args[i] = id
		}
		got, err := s.seriesRows(ctx, "SELECT body FROM series WHERE id IN ("+placeholders(len(chunk))+") ORDER BY id", args...)
		out = append(out, got...)
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("series of articles: %w", err)
	}
	if err := s.seriesClaims(ctx, out, false); err != nil {
		return nil, fmt.Errorf("series of articles: %w", err)
	}
	return out, nil
}

// stateWriter writes a batch's state in its transaction.
type stateWriter struct {
	tx             *sql.Tx
	refs           map[string]int64
	getRef, newRef *sql.Stmt
}

// ref returns the state id of an article or story, made on first use.
func (w *stateWriter) ref(ctx context.Context, id string) (int64, error) {
	if r, ok := w.refs[id]; ok {
		return r, nil
	}
	var r int64
	err := w.getRef.QueryRowContext(ctx, id).Scan(&r)
	if errors.Is(err, sql.ErrNoRows) {
		err = w.newRef.QueryRowContext(ctx, id).Scan(&r)
	}
	if err != nil {
		return 0, err
	}
	w.refs[id] = r
	return r, nil
}

// writeState writes a batch's profiles, postings, story profiles and term
// counts, leaving out the profiles and postings of failed articles.
func writeState(ctx context.Context, tx *sql.Tx, b dossier.Batch, failed map[string]bool) error {
	if len(b.Profiles)+len(b.Postings)+len(b.StoryProfiles)+len(b.Terms.DF) == 0 && b.Terms.Docs == 0 {
		return nil
	}
	w := &stateWriter{tx: tx, refs: map[string]int64{}}
	var err error
	if w.getRef, err = tx.PrepareContext(ctx, "SELECT ref FROM state_ids WHERE id = ?"); err != nil {
		return err
	}
	defer w.getRef.Close()
	if w.newRef, err = tx.PrepareContext(ctx, "INSERT INTO state_ids (id) VALUES (?) RETURNING ref"); err != nil {
		return err
	}
	defer w.newRef.Close()
	var seq, saved int64
	if err := tx.QueryRowContext(ctx, "SELECT posting_seq, story_saved FROM state_counters").Scan(&seq, &saved); err != nil {
		return fmt.Errorf("state counters: %w", err)
	}
	saved++
	exec := func(q string, each func(st *sql.Stmt) error) error {
		st, err := tx.PrepareContext(ctx, q)
		if err != nil {
			return err
		}
		defer st.Close()
		return each(st)
	}
	err = exec("INSERT INTO copy_profiles (ref, signature, data) VALUES (?,?,?) ON CONFLICT(ref) DO UPDATE SET signature = excluded.signature, data = excluded.data", func(st *sql.Stmt) error {
		for _, p := range b.Profiles {
			if failed[p.Article] {
				continue
			}
			r, err := w.ref(ctx, p.Article)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(ctx, r, int64(p.Signature), p.Data); err != nil {
				return fmt.Errorf("copy profile %s: %w", p.Article, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = exec("INSERT INTO postings (kind, hash, seq, ref) VALUES (?,?,?,?)", func(st *sql.Stmt) error {
		for _, p := range b.Postings {
			if failed[p.ID] {
				continue
			}
			r, err := w.ref(ctx, p.ID)
			if err != nil {
				return err
			}
			seq++
			if _, err := st.ExecContext(ctx, int(p.Key.Kind), int64(p.Key.Hash), seq, r); err != nil {
				return fmt.Errorf("posting: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = exec("INSERT INTO story_profiles (ref, saved, data) VALUES (?,?,?) ON CONFLICT(ref) DO UPDATE SET saved = excluded.saved, data = excluded.data", func(st *sql.Stmt) error {
		for _, p := range b.StoryProfiles {
			r, err := w.ref(ctx, p.Story)
			if err != nil {
				return err
			}
			if _, err := st.ExecContext(ctx, r, saved, p.Data); err != nil {
				return fmt.Errorf("story profile %s: %w", p.Story, err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	err = exec("INSERT INTO term_counts (term, df) VALUES (?,?) ON CONFLICT(term) DO UPDATE SET df = df + excluded.df", func(st *sql.Stmt) error {
		for t, n := range b.Terms.DF {
			if _, err := st.ExecContext(ctx, t, n); err != nil {
				return fmt.Errorf("term counts: %w", err)
			}
		}
		return nil
	})
	if err != nil {
		return err
	}
	_, err = tx.ExecContext(ctx, "UPDATE state_counters SET posting_seq = ?, story_saved = ?, docs = docs + ?", seq, saved, b.Terms.Docs)
	return err
}

// LegacyState returns the values of one kind of the state stores kept
// before it was read by key (table legacy_state since migration 009):
// ingest rebuilds the keyed state from them once, then DropLegacyState.
func (s *Store) LegacyState(ctx context.Context, kind string) (map[string][]byte, error) {
	rows, err := s.db.QueryContext(ctx, "SELECT key, value FROM legacy_state WHERE kind = ?", kind)
	if err != nil {
		return nil, fmt.Errorf("legacy state %s: %w", kind, err)
	}
	defer rows.Close()
	out := map[string][]byte{}
	for rows.Next() {
		var k string
		var v []byte
		if err := rows.Scan(&k, &v); err != nil {
			return nil, err
		}
		out[k] = v
	}
	return out, rows.Err()
}

// DropLegacyState deletes what LegacyState returns.
func (s *Store) DropLegacyState(ctx context.Context) error {
	if _, err := s.db.ExecContext(ctx, "DELETE FROM legacy_state"); err != nil {
		return fmt.Errorf("legacy state: %w", err)
	}
	return nil
}
