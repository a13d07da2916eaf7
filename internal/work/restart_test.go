//go:build linux

package work_test

import (
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/queue"
	"github.com/dossier-news/dossier/internal/store/postgres/pgtest"
	"github.com/dossier-news/dossier/internal/work"
)

// The restart tests restart the machine's shared PostgreSQL or NATS
// server for a second or two: they run where DOSSIER_FAULT_TESTS=1
// (.ci/run sets it), and leave the server running.
func faultTests(t *testing.T) {
	if os.Getenv("DOSSIER_FAULT_TESTS") != "1" {
		t.Skip("restarts the shared PostgreSQL or NATS server: set DOSSIER_FAULT_TESTS=1 (.ci/run does)")
	}
}

// during runs two workers over the stories set and calls restart once
// they have stored some documents; the store must end as one process
// would have left it.
func during(t *testing.T, restart func(t *testing.T)) {
	dir := labelled(t, "stories")
	want := oneProcess(t, dir)
	opt := queue.Options{AckWait: 5 * time.Second, MaxTries: 20}
	qurl, dburl := queue.TestURL(t, opt), pgtest.URL(t)
	publish(t, openQueue(t, qurl, opt), dir)
	ctx, cancel := context.WithTimeout(context.Background(), 4*time.Minute)
	defer cancel()
	var stored atomic.Int64
	restarted := make(chan struct{})
	var once sync.Once
	var wg sync.WaitGroup
	for range 2 {
		q, s := openQueue(t, qurl, opt), openPG(t, dburl)
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := work.Run(ctx, q, s, work.Options{Batch: 4, Idle: 3 * time.Second, Lock: s, Report: func(e ingest.Event) {
				if e.Err == nil && e.ID != "" && stored.Add(1) == 20 {
					once.Do(func() { go func() { restart(t); close(restarted) }() })
				}
			}})
			if err != nil {
				t.Errorf("worker: %v", err)
			}
		}()
	}
	wg.Wait()
	select {
	case <-restarted:
	case <-time.After(time.Minute):
		t.Fatal("the restart did not finish")
	}
	if stored.Load() < 20 {
		t.Fatalf("only %d documents stored: the restart never happened", stored.Load())
	}
	compare(t, "after a restart", want, relationsOf(t, openPG(t, dburl)))
}

func run(t *testing.T, name string, args ...string) {
	out, err := exec.Command(name, args...).CombinedOutput()
	if err != nil {
		t.Errorf("%s %s: %v\n%s", name, strings.Join(args, " "), err, out)
	}
}

// PostgreSQL restarted while workers write: they retry with backoff and finish.
func TestPostgresRestart(t *testing.T) {
	faultTests(t)
	during(t, func(t *testing.T) {
		versions, _ := filepath.Glob("/etc/postgresql/*")
		if len(versions) == 0 {
			t.Error("no /etc/postgresql/VERSION: cannot restart PostgreSQL")
			return
		}
		run(t, "pg_ctlcluster", "--skip-systemctl-redirect", filepath.Base(versions[0]), "main", "restart")
	})
}

// natsServerPID finds the running nats-server by its executable.
func natsServerPID() int {
	ds, _ := os.ReadDir("/proc")
	for _, d := range ds {
		var pid int
		if _, err := fmt.Sscan(d.Name(), &pid); err != nil {
			continue
		}
		if exe, err := os.Readlink(filepath.Join("/proc", d.Name(), "exe")); err == nil && exe == "/usr/sbin/nats-server" {
			return pid
		}
	}
	return 0
}

// NATS restarted while workers take work: the stream survives on file
// storage, the workers reconnect and finish.
func TestNATSRestart(t *testing.T) {
	faultTests(t)
	during(t, func(t *testing.T) {
		pid := natsServerPID()
		if pid == 0 {
			t.Error("no /usr/sbin/nats-server running: cannot restart NATS")
			return
		}
		if err := syscall.Kill(pid, syscall.SIGTERM); err != nil {
			t.Error(err)
		}
		for i := 0; i < 100 && natsServerPID() != 0; i++ {
			time.Sleep(100 * time.Millisecond)
		}
		run(t, "start-stop-daemon", "--start", "--oknodo", "--background", "--exec", "/usr/sbin/nats-server", "--",
			"-a", "127.0.0.1", "-p", "4222", "-js", "-sd", "/var/lib/nats-server", "-l", "/var/log/nats-server.log")
	})
}
