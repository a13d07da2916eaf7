package work

import (
	"context"
	"fmt"
	"io"
	"sync"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/queue"
	"github.com/dossier-news/dossier/internal/store/postgres"
)

// BenchRun is one measured run of N workers.
type BenchRun struct {
	Workers  int
	Articles int
	Publish  time.Duration // queueing every document
	Stored   time.Duration // from the workers' start to the last document acknowledged
	Total    time.Duration // to everything related
}

// Bench publishes docs on a fresh stream and runs n workers (each with a
// queue connection and a store of its own, as n processes would) on a
// fresh schema of the database at dsn, timing storing and relating.
func Bench(ctx context.Context, dsn, queueURL string, docs []extract.Doc, n int, progress io.Writer) (BenchRun, error) {
	r := BenchRun{Workers: n, Articles: len(docs)}
	db, drop, err := postgres.NewSchema(ctx, dsn, "dossier_bench_")
	if err != nil {
		return r, fmt.Errorf("bench schema: %w", err)
	}
	defer drop()
	qurl := queueURL
	if qurl == "" {
		qurl = "nats://127.0.0.1:4222"
	}
	sep := "?"
	for i := range len(qurl) {
		if qurl[i] == '?' {
			sep = "&"
		}
	}
	qurl += fmt.Sprintf("%sstream=DOSSIER_BENCH_%d_%d", sep, n, time.Now().UnixNano())
	pub, err := queue.Open(ctx, qurl, queue.Options{})
	if err != nil {
		return r, err
	}
	defer func() { pub.Delete(context.WithoutCancel(ctx)); pub.Close() }()
	start := time.Now()
	for _, d := range docs {
		if err := pub.Publish(ctx, d, ingest.InputID(d)); err != nil {
			return r, err
		}
	}
	r.Publish = time.Since(start)
	const idle = 500 * time.Millisecond
	start = time.Now()
	var stored time.Time
	var mu sync.Mutex
	var wg sync.WaitGroup
	errs := make(chan error, n)
	done := make(chan struct{})
	go func() { // when the queue is drained: everything stored
		for {
			select {
			case <-done:
				return
			case <-time.After(50 * time.Millisecond):
			}
			if m, err := pub.Pending(ctx); err == nil && m == 0 {
				mu.Lock()
				if stored.IsZero() {
					stored = time.Now()
				}
				mu.Unlock()
				return
			}
		}
	}()
	for range n {
		q, err := queue.Open(ctx, qurl, queue.Options{})
		if err != nil {
			return r, err
		}
		s, err := postgres.Open(ctx, db)
		if err != nil {
			q.Close()
			return r, err
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer q.Close()
			defer s.Close()
			_, err := Run(ctx, q, s, Options{Concurrency: 1, Batch: 64, Idle: idle, Lock: s, Report: func(e ingest.Event) {
				if e.Err != nil && progress != nil {
					fmt.Fprintln(progress, "bench worker:", e.Err)
				}
			}})
			if err != nil {
				errs <- err
			}
		}()
	}
	wg.Wait()
	close(done)
	r.Total = time.Since(start) - idle
	mu.Lock()
	if !stored.IsZero() {
		r.Stored = stored.Sub(start)
	}
	mu.Unlock()
	select {
	case err := <-errs:
		return r, err
	default:
	}
	return r, nil
}
