package postgres

import (
	"context"
	"fmt"
)

// SetQueueOrder records the queue position of stored articles (by id).
// Recording it again is harmless: a redelivered document's article gets
// the same position.
func (s *Store) SetQueueOrder(ctx context.Context, order map[string]int64) error {
	if len(order) == 0 {
		return nil
	}
	ids := make([]string, 0, len(order))
	seqs := make([]int64, 0, len(order))
	for id, n := range order {
		ids, seqs = append(ids, id), append(seqs, n)
	}
	if _, err := s.pool.Exec(ctx, `INSERT INTO queue_order (article_id, seq) SELECT * FROM unnest($1::text[], $2::bigint[])
		ON CONFLICT (article_id) DO UPDATE SET seq = least(queue_order.seq, excluded.seq)`, ids, seqs); err != nil {
		return fmt.Errorf("queue order: %w", err)
	}
	return nil
}

// RelateUpTo makes Pending return, from now on, only the articles whose
// queue position is at most seq, in queue order (deferred articles that
// came through no queue are left to "dossier analyse"): every document up to the queue's acknowledgement floor
// is stored, so relating them in that order is what one process reading
// the inputs in publication order would have done. A negative seq goes
// back to storing order.
func (s *Store) RelateUpTo(seq int64) { s.horizon.Store(seq) }
