package postgres

import (
	"context"
	"fmt"

	"github.com/dossier-news/dossier"
)

// The state relating keeps, read by key (migration 002).

// Postings returns the latest limit ids filed under each key, oldest first.
func (s *Store) Postings(ctx context.Context, keys []dossier.PostingKey, limit int) (map[dossier.PostingKey][]string, error) {
	out := make(map[dossier.PostingKey][]string, len(keys))
	if limit <= 0 || len(keys) == 0 {
		return out, nil
	}
	kinds := make([]int64, 0, len(keys))
	hashes := make([]int64, 0, len(keys))
	seen := map[dossier.PostingKey]bool{}
	for _, k := range keys {
		if !seen[k] {
			seen[k] = true
			kinds, hashes = append(kinds, int64(k.Kind)), append(hashes, int64(k.Hash))
		}
	}
	// one indexed range read a key, newest first, in one statement
	rows, err := s.pool.Query(ctx, `SELECT k.kind, k.hash, i.id FROM unnest($1::int[], $2::bigint[]) AS k (kind, hash)
		CROSS JOIN LATERAL (SELECT p.ref, p.seq FROM postings p WHERE p.kind = k.kind AND p.hash = k.hash ORDER BY p.seq DESC LIMIT $3) p
		JOIN state_ids i ON i.ref = p.ref ORDER BY k.kind, k.hash, p.seq`, kinds, hashes, limit)
	if err != nil {
		return nil, fmt.Errorf("postings: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var kind, hash int64
		var id string
		if err := rows.Scan(&kind, &hash, &id); err != nil {
			return nil, err
		}
		k := dossier.PostingKey{Kind: dossier.PostingKind(kind), Hash: uint64(hash)}
		out[k] = append(out[k], id)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("postings: %w", err)
	}
	return out, nil
}

// CopyProfiles returns the saved profiles of these articles.
func (s *Store) CopyProfiles(ctx context.Context, ids []string) (map[string]dossier.CopyProfile, error) {
	out := make(map[string]dossier.CopyProfile, len(ids))
	rows, err := s.pool.Query(ctx, `SELECT i.id, c.signature, c.data FROM state_ids i JOIN copy_profiles c ON c.ref = i.ref WHERE i.id = ANY($1)`, nonNil(ids))
	if err != nil {
		return nil, fmt.Errorf("copy profiles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p dossier.CopyProfile
		var sig int64
		if err := rows.Scan(&p.Article, &sig, &p.Data); err != nil {
			return nil, err
		}
		p.Signature = uint64(sig)
		out[p.Article] = p
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("copy profiles: %w", err)
	}
	return out, nil
}

// SameText returns the article first saved with each signature hash.
func (s *Store) SameText(ctx context.Context, signatures []uint64) (map[uint64]string, error) {
	out := make(map[uint64]string, len(signatures))
	sigs := make([]int64, len(signatures))
	for i, v := range signatures {
		sigs[i] = int64(v)
	}
	rows, err := s.pool.Query(ctx, `SELECT DISTINCT ON (c.signature) c.signature, i.id FROM copy_profiles c JOIN state_ids i ON i.ref = c.ref
		WHERE c.signature = ANY($1) ORDER BY c.signature, c.ref`, sigs)
	if err != nil {
		return nil, fmt.Errorf("same text: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var sig int64
		var id string
		if err := rows.Scan(&sig, &id); err != nil {
			return nil, err
		}
		out[uint64(sig)] = id
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("same text: %w", err)
	}
	return out, nil
}

// StoryProfiles returns the saved profiles of these stories.
func (s *Store) StoryProfiles(ctx context.Context, ids []string) (map[string]dossier.StoryProfile, error) {
	out := make(map[string]dossier.StoryProfile, len(ids))
	rows, err := s.pool.Query(ctx, `SELECT i.id, p.data FROM state_ids i JOIN story_profiles p ON p.ref = i.ref WHERE i.id = ANY($1)`, nonNil(ids))
	if err != nil {
		return nil, fmt.Errorf("story profiles: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var p dossier.StoryProfile
		if err := rows.Scan(&p.Story, &p.Data); err != nil {
			return nil, err
		}
		out[p.Story] = p
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("story profiles: %w", err)
	}
	return out, nil
}

// RecentStories returns the stories saved last, the latest last.
func (s *Store) RecentStories(ctx context.Context, limit int) ([]string, error) {
	rows, err := s.pool.Query(ctx, `SELECT i.id FROM story_profiles p JOIN state_ids i ON i.ref = p.ref
		ORDER BY p.saved DESC, p.ref DESC LIMIT $1`, limit)
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
	if err := s.pool.QueryRow(ctx, "SELECT docs FROM state_counters").Scan(&out.Docs); err != nil {
		return out, fmt.Errorf("term counts: %w", err)
	}
	rows, err := s.pool.Query(ctx, "SELECT term, df FROM term_counts WHERE term = ANY($1)", nonNil(terms))
	if err != nil {
		return out, fmt.Errorf("term counts: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var t string
		var n int
		if err := rows.Scan(&t, &n); err != nil {
			return out, err
		}
		out.DF[t] = n
	}
	if err := rows.Err(); err != nil {
		return out, fmt.Errorf("term counts: %w", err)
	}
	return out, nil
}

// SeriesOfTopics returns the series of these topics with their claims.
func (s *Store) SeriesOfTopics(ctx context.Context, topics []dossier.SeriesTopic) ([]dossier.Series, error) {
	out := []dossier.Series{}
	seen := map[string]bool{}
	for _, t := range topics {
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
	if err := s.seriesClaims(ctx, out); err != nil {
		return nil, fmt.Errorf("series of topics: %w", err)
	}
	return out, nil
}

// SeriesOfArticles returns the series with a claim of these articles.
func (s *Store) SeriesOfArticles(ctx context.Context, ids []string) ([]dossier.Series, error) {
	out, err := s.seriesRows(ctx, "SELECT body FROM series WHERE id IN (SELECT series_id FROM claims WHERE article_id = ANY(?)) ORDER BY id", nonNil(ids))
	if err != nil {
		return nil, fmt.Errorf("series of articles: %w", err)
	}
	if err := s.seriesClaims(ctx, out); err != nil {
		return nil, fmt.Errorf("series of articles: %w", err)
	}
	return out, nil
}

func nonNil(ids []string) []string {
	if ids == nil {
		return []string{}
	}
	return ids
}

// writeState writes a batch's profiles, postings, story profiles and term
// counts, leaving out the profiles and postings of failed articles.
func writeState(ctx context.Context, t *tx, b dossier.Batch, failed map[string]bool) error {
	if len(b.Profiles)+len(b.Postings)+len(b.StoryProfiles)+len(b.Terms.DF) == 0 && b.Terms.Docs == 0 {
		return nil
	}
	var ids []string
	for _, p := range b.Profiles {
		if !failed[p.Article] {
			ids = append(ids, p.Article)
		}
	}
	for _, p := range b.Postings {
		if !failed[p.ID] {
			ids = append(ids, p.ID)
		}
	}
	for _, p := range b.StoryProfiles {
		ids = append(ids, p.Story)
	}
	refs := map[string]int64{}
	if len(ids) > 0 {
		if _, err := t.Exec(ctx, "INSERT INTO state_ids (id) SELECT DISTINCT unnest($1::text[]) ORDER BY 1 ON CONFLICT (id) DO NOTHING", ids); err != nil {
			return fmt.Errorf("state ids: %w", err)
		}
		rows, err := t.Query(ctx, "SELECT id, ref FROM state_ids WHERE id = ANY($1)", ids)
		if err != nil {
			return fmt.Errorf("state ids: %w", err)
		}
		for rows.Next() {
			var id string
			var ref int64
			if err := rows.Scan(&id, &ref); err != nil {
				rows.Close()
				return err
			}
			refs[id] = ref
		}
		if err := rows.Err(); err != nil {
			return fmt.Errorf("state ids: %w", err)
		}
	}
	var seq, saved int64
	// the counters' row lock orders the postings of concurrent writers
	if err := t.QueryRow(ctx, "SELECT posting_seq, story_saved FROM state_counters FOR UPDATE").Scan(&seq, &saved); err != nil {
		return fmt.Errorf("state counters: %w", err)
	}
	saved++
	var q batch
	for _, p := range b.Profiles {
		if failed[p.Article] {
			continue
		}
		q.Queue(`INSERT INTO copy_profiles (ref, signature, data) VALUES ($1,$2,$3)
			ON CONFLICT (ref) DO UPDATE SET signature = excluded.signature, data = excluded.data`, refs[p.Article], int64(p.Signature), p.Data)
	}
	for _, p := range b.Postings {
		if failed[p.ID] {
			continue
		}
		seq++
		q.Queue("INSERT INTO postings (kind, hash, seq, ref) VALUES ($1,$2,$3,$4)", int64(p.Key.Kind), int64(p.Key.Hash), seq, refs[p.ID])
	}
	for _, p := range b.StoryProfiles {
		q.Queue(`INSERT INTO story_profiles (ref, saved, data) VALUES ($1,$2,$3)
			ON CONFLICT (ref) DO UPDATE SET saved = excluded.saved, data = excluded.data`, refs[p.Story], saved, p.Data)
	}
	for term, n := range b.Terms.DF {
		q.Queue("INSERT INTO term_counts (term, df) VALUES ($1,$2) ON CONFLICT (term) DO UPDATE SET df = term_counts.df + excluded.df", term, n)
	}
	q.Queue("UPDATE state_counters SET posting_seq = $1, story_saved = $2, docs = docs + $3", seq, saved, b.Terms.Docs)
	return sendBatch(ctx, t, &q, "state")
}
