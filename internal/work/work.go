package work

import (
	"context"
	"errors"
	"fmt"
	"sync"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/queue"
)

// Relating is what a store shared by many workers offers to relate as
// one process would: a lock that makes relating one process at a time (a
// PostgreSQL advisory lock; TryRelate returns ok false when another
// process holds it), and the queue position of each article, by which
// pending articles are related in publication order and only up to the
// queue's acknowledgement floor (SetQueueOrder, RelateUpTo).
type Relating interface {
	TryRelate(ctx context.Context) (release func(), ok bool, err error)
	SetQueueOrder(ctx context.Context, order map[string]int64) error
	RelateUpTo(seq int64)
}

// Options tune Run.
type Options struct {
	Concurrency int // goroutines taking documents (default 1)
	Batch       int // documents stored together (default 32)
	// Idle, when set, ends Run once the queue has been empty and nothing
	// left to relate for this long; zero runs until ctx ends.
	Idle   time.Duration
	Ingest ingest.Options
	// Report is told each document's outcome and each relating pass.
	Report func(ingest.Event)
	// Lock serialises relating across processes; nil relates without one
	// (one process).
	Lock Relating
}

// Summary counts a worker's run.
type Summary struct {
	Stored, Duplicates, Failed, Parked, Related int
}

// Run works until ctx ends (or the queue stays idle for opt.Idle). Each
// document is first stored clean and searchable, analysis deferred, and
// acknowledged once that commit is done: a worker killed at any point
// loses nothing, its unacknowledged documents are delivered again, and
// the articles it stored wait as pending rows. Relating then analyses
// the pending articles in the order they were stored, in the one process
// that holds the relate lock.
func Run(ctx context.Context, q *queue.Queue, s dossier.Store, opt Options) (Summary, error) {
	if opt.Concurrency <= 0 {
		opt.Concurrency = 1
	}
	if opt.Batch <= 0 {
		opt.Batch = 32
	}
	if opt.Report == nil {
		opt.Report = func(ingest.Event) {}
	}
	w := &worker{q: q, s: s, opt: opt, kick: make(chan struct{}, 1)}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	errs := make(chan error, opt.Concurrency+1)
	idle := make([]chan bool, opt.Concurrency)
	for i := range opt.Concurrency {
		idle[i] = make(chan bool, 1)
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := w.take(ctx, idle[i]); err != nil && ctx.Err() == nil {
				errs <- err
				cancel()
			}
		}()
	}
	relateDone := make(chan error, 1)
	go func() { relateDone <- w.relateLoop(ctx) }()
	var err error
	if opt.Idle > 0 {
		err = w.untilIdle(ctx, idle)
		cancel()
	} else {
		<-ctx.Done()
	}
	wg.Wait()
	if rerr := <-relateDone; err == nil && rerr != nil && !errors.Is(rerr, context.Canceled) {
		err = rerr
	}
	select {
	case e := <-errs:
		if err == nil {
			err = e
		}
	default:
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.sum, err
}

type worker struct {
	q    *queue.Queue
	s    dossier.Store
	opt  Options
	kick chan struct{} // something was stored: relate
	mu   sync.Mutex
	sum  Summary
	// relating tells untilIdle a pass is running or articles wait
	relating, waiting bool
}

func (w *worker) count(f func(*Summary)) {
	w.mu.Lock()
	f(&w.sum)
	w.mu.Unlock()
}

// untilIdle returns once every taker found the queue empty and nothing
// waits to be related, for opt.Idle.
func (w *worker) untilIdle(ctx context.Context, idle []chan bool) error {
	empty := make([]bool, len(idle))
	since := time.Time{}
	tick := time.NewTicker(100 * time.Millisecond)
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-tick.C:
		}
		for i, c := range idle {
			select {
			case empty[i] = <-c:
			default:
			}
		}
		all := true
		for _, e := range empty {
			all = all && e
		}
		w.mu.Lock()
		busy := w.relating || w.waiting
		w.mu.Unlock()
		if all && !busy {
			if n, err := w.q.Pending(ctx); err == nil && n == 0 {
				if _, p, err := w.s.Pending(ctx, "", 1); err == nil && p == 0 {
					if since.IsZero() {
						since = time.Now()
					}
					if time.Since(since) >= w.opt.Idle {
						return nil
					}
					continue
				}
			}
		}
		since = time.Time{}
	}
}

// take fetches batches of documents and stores them until ctx ends.
func (w *worker) take(ctx context.Context, idle chan bool) error {
	fails := 0
	for ctx.Err() == nil {
		jobs, err := w.q.Fetch(ctx, w.opt.Batch, time.Second)
		if err != nil {
			// the server restarting: the client reconnects, try again
			fails++
			if err := sleep(ctx, backoff(fails)); err != nil {
				return nil
			}
			continue
		}
		fails = 0
		select {
		case idle <- len(jobs) == 0:
		default:
			<-idle
			idle <- len(jobs) == 0
		}
		if len(jobs) == 0 {
			continue
		}
		if err := w.store(ctx, jobs); err != nil {
			return err
		}
	}
	return nil
}

// store writes one batch, analysis deferred, and acknowledges its jobs
// once committed; a document that failed is retried later or parked.
func (w *worker) store(ctx context.Context, jobs []*queue.Job) error {
	opt := w.opt.Ingest
	opt.Defer = true
	docs := make([]extract.Doc, len(jobs))
	byInput := map[string][]*queue.Job{}
	for i, j := range jobs {
		docs[i] = j.Doc
		byInput[j.Doc.Input] = append(byInput[j.Doc.Input], j)
	}
	failed := map[*queue.Job]error{}
	var events []ingest.Event
	_, err := ingest.New(w.s, opt).Docs(ctx, "queue", docs, func(e ingest.Event) {
		events = append(events, e)
		if e.Err != nil {
			for _, j := range byInput[e.Input] {
				failed[j] = e.Err
			}
		}
	})
	if err != nil {
		// the whole batch (the store down, a restart): every job again,
		// after its backoff; what was committed is found stored then
		if ctx.Err() != nil {
			return nil
		}
		w.opt.Report(ingest.Event{Input: "queue", Err: fmt.Errorf("batch of %d documents: %w (retried)", len(jobs), err)})
		for _, j := range jobs {
			if perr := w.q.Failed(ctx, j, err); perr != nil {
				w.opt.Report(ingest.Event{Input: j.Doc.Input, Err: perr})
			}
		}
		return sleep(ctx, time.Second)
	}
	for _, e := range events {
		if e.Err == nil {
			w.opt.Report(e)
		}
	}
	// the queue position of each article stored or found stored, before
	// the acknowledgement: relating waits for it
	if w.opt.Lock != nil {
		order := map[string]int64{}
		for _, e := range events {
			if e.Err == nil && e.ID != "" {
				for _, j := range byInput[e.Input] {
					if n, ok := order[e.ID]; !ok || j.Seq < n {
						order[e.ID] = j.Seq
					}
				}
			}
		}
		if err := w.opt.Lock.SetQueueOrder(ctx, order); err != nil {
			w.opt.Report(ingest.Event{Input: "queue", Err: fmt.Errorf("batch of %d documents: %w (retried)", len(jobs), err)})
			for _, j := range jobs {
				_ = w.q.Failed(ctx, j, err)
			}
			return sleep(ctx, time.Second)
		}
	}
	for _, j := range jobs {
		if err, bad := failed[j]; bad {
			if j.Tries >= w.q.MaxTries() {
				w.opt.Report(ingest.Event{Input: j.Doc.Input, Err: fmt.Errorf("parked after %d tries: %w", j.Tries, err)})
				w.count(func(s *Summary) { s.Parked++ })
			} else {
				w.opt.Report(ingest.Event{Input: j.Doc.Input, Err: fmt.Errorf("%w (try %d of %d, retried)", err, j.Tries, w.q.MaxTries())})
			}
			if perr := w.q.Failed(ctx, j, err); perr != nil {
				return perr
			}
			w.count(func(s *Summary) { s.Failed++ })
			continue
		}
		if err := w.q.Done(ctx, j); err != nil {
			// not acknowledged: delivered again, and found stored then
			w.opt.Report(ingest.Event{Input: j.Doc.Input, Err: fmt.Errorf("acknowledge: %w", err)})
		}
	}
	for _, e := range events {
		w.count(func(s *Summary) {
			switch {
			case e.Err != nil:
			case e.Dup:
				s.Duplicates++
			case e.ID != "":
				s.Stored++
			}
		})
	}
	w.mu.Lock()
	w.waiting = true
	w.mu.Unlock()
	select {
	case w.kick <- struct{}{}:
	default:
	}
	return nil
}

// relateLoop relates pending articles whenever something was stored (and
// every few seconds: another worker may have stored and found the lock
// taken), while it can take the relate lock.
func (w *worker) relateLoop(ctx context.Context) error {
	tick := time.NewTicker(2 * time.Second)
	defer tick.Stop()
	fails := 0
	for {
		select {
		case <-ctx.Done():
			return nil
		case <-w.kick:
		case <-tick.C:
		}
		w.mu.Lock()
		w.relating = true
		w.mu.Unlock()
		err := w.relate(ctx)
		w.mu.Lock()
		w.relating = false
		if err == nil {
			w.waiting = false
		}
		w.mu.Unlock()
		if err != nil {
			if ctx.Err() != nil {
				return nil
			}
			fails++
			w.opt.Report(ingest.Event{Input: "relate", Err: fmt.Errorf("%w (retried)", err)})
			if err := sleep(ctx, backoff(fails)); err != nil {
				return nil
			}
			select {
			case w.kick <- struct{}{}:
			default:
			}
			continue
		}
		fails = 0
	}
}

// relate analyses and relates what is pending, holding the relate lock,
// until nothing is: an article stored while this process held the lock
// (by a worker that found it taken) is seen by the check after release.
func (w *worker) relate(ctx context.Context) error {
	for {
		if w.opt.Lock != nil {
			floor, err := w.q.AckFloor(ctx)
			if err != nil {
				return err
			}
			w.opt.Lock.RelateUpTo(floor)
		}
		if _, n, err := w.s.Pending(ctx, "", 1); err != nil || n == 0 {
			return err
		}
		release := func() {}
		if w.opt.Lock != nil {
			rel, ok, err := w.opt.Lock.TryRelate(ctx)
			if err != nil {
				return err
			}
			if !ok {
				return nil // the holder will see these articles
			}
			release = rel
		}
		opt := w.opt.Ingest
		opt.Defer = false
		sum, err := ingest.New(w.s, opt).AnalysePending(ctx, func(e ingest.Event) {
			if e.Err != nil {
				w.opt.Report(e)
			}
		}, nil)
		release()
		if err != nil {
			return err
		}
		w.count(func(s *Summary) { s.Related += sum.Analysed })
	}
}

func backoff(n int) time.Duration {
	d := 250 * time.Millisecond << min(n, 6)
	return min(d, 10*time.Second)
}

func sleep(ctx context.Context, d time.Duration) error {
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-time.After(d):
		return nil
	}
}
