package work_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/queue"
	"github.com/dossier-news/dossier/internal/store/postgres/pgtest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/dossier-news/dossier/internal/work"
)

// TestMain lets the test binary be a worker process of its own (the
// SIGKILL test runs it): DOSSIER_TEST_WORKER_QUEUE and _DB name its queue
// and store.
func TestMain(m *testing.M) {
	if q := os.Getenv("DOSSIER_TEST_WORKER_QUEUE"); q != "" {
		os.Exit(helperWorker(q, os.Getenv("DOSSIER_TEST_WORKER_DB")))
	}
	os.Exit(m.Run())
}

func helperWorker(qurl, dburl string) int {
	ctx := context.Background()
	q, err := queue.Open(ctx, qurl, queue.Options{AckWait: 3 * time.Second})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	s, err := openStore(ctx, dburl)
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 2
	}
	_, err = work.Run(ctx, q, s, work.Options{Batch: 4, Lock: s, Report: func(e ingest.Event) {
		if e.Err == nil && e.ID != "" {
			fmt.Println("stored", e.ID)
		}
	}})
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		return 1
	}
	return 0
}

// oneProcess is what one process on SQLite makes of dir.
func oneProcess(t *testing.T, dir string) relations {
	lite, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "one.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer lite.Close()
	if _, err := ingest.New(lite, ingest.Options{}).Run(context.Background(), []string{dir}, nil, func(ingest.Event) {}, nil); err != nil {
		t.Fatal(err)
	}
	return relationsOf(t, lite)
}

// A worker killed with SIGKILL in the middle of its work: its documents
// are delivered again to the next worker, and the store ends as one
// process would have left it, nothing lost or stored twice.
func TestWorkerKilled(t *testing.T) {
	dir := labelled(t, "stories")
	want := oneProcess(t, dir)
	// a short acknowledgement wait: the killed worker's deliveries come back soon
	opt := queue.Options{AckWait: 3 * time.Second}
	qurl, dburl := queue.TestURL(t, opt), pgtest.URL(t)
	published := publish(t, openQueue(t, qurl, opt), dir)
	cmd := exec.Command(os.Args[0], "-test.run=^$")
	cmd.Env = append(os.Environ(), "DOSSIER_TEST_WORKER_QUEUE="+qurl, "DOSSIER_TEST_WORKER_DB="+dburl)
	out, err := cmd.StdoutPipe()
	if err != nil {
		t.Fatal(err)
	}
	cmd.Stderr = os.Stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(out)
	stored := 0
	for sc.Scan() {
		if strings.HasPrefix(sc.Text(), "stored ") {
			stored++
		}
		if stored == 10 { // mid-way: some batches committed, others in hand
			break
		}
	}
	if err := cmd.Process.Kill(); err != nil { // SIGKILL
		t.Fatal(err)
	}
	cmd.Wait()
	if stored < 10 {
		t.Fatalf("the worker stored %d documents before it was killed, want 10", stored)
	}
	sum := runWorkers(t, 1, qurl, dburl, opt)
	if stored+sum.Stored+sum.Duplicates < published {
		t.Errorf("killed worker stored %d, the next one %d (and %d duplicates), of %d published", stored, sum.Stored, sum.Duplicates, published)
	}
	compare(t, "after a killed worker", want, relationsOf(t, openPG(t, dburl)))
}

// A document that fails on every try is parked with its error after
// MaxTries deliveries, listed by ListFailed, and holds nothing up.
func TestPoisonParked(t *testing.T) {
	opt := queue.Options{MaxTries: 3, Backoff: []time.Duration{100 * time.Millisecond}}
	qurl, dburl := queue.TestURL(t, opt), pgtest.URL(t)
	q := openQueue(t, qurl, opt)
	ctx := context.Background()
	good := extract.Text("good.txt", "Titre\n\nLes pompiers du Loiret sont intervenus plus de 300 fois depuis le début de la crue, selon le service départemental.\n")
	bad := extract.Doc{Input: "poison.html", Format: extract.FormatHTML} // no lines: no article text, on every try
	for _, d := range []extract.Doc{bad, good} {
		if err := q.Publish(ctx, d, ingest.InputID(d)); err != nil {
			t.Fatal(err)
		}
	}
	s := openPG(t, dburl)
	var errs []string
	runCtx, cancel := context.WithTimeout(ctx, time.Minute)
	defer cancel()
	sum, err := work.Run(runCtx, q, s, work.Options{Idle: time.Second, Lock: s, Report: func(e ingest.Event) {
		if e.Err != nil {
			errs = append(errs, e.Err.Error())
		}
	}})
	if err != nil {
		t.Fatal(err)
	}
	if sum.Stored != 1 || sum.Parked != 1 {
		t.Errorf("stored %d, parked %d; want 1 and 1 (errors %q)", sum.Stored, sum.Parked, errs)
	}
	parked, err := q.ListFailed(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if len(parked) != 1 || parked[0].Input != "poison.html" || parked[0].Tries != 3 || parked[0].Error == "" {
		t.Fatalf("parked = %+v", parked)
	}
	if n, err := q.Pending(ctx); err != nil || n != 0 {
		t.Errorf("%d documents left in the queue (%v)", n, err)
	}
}
