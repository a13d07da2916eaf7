package main

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/bench"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/postgres"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/dossier-news/dossier/internal/work"
	"github.com/spf13/cobra"
)

func (a *app) benchCmd() *cobra.Command {
	var n, runs, scale, step int
	var keep, generate, profiles, queueURL string
	var workers []int
	c := &cobra.Command{
		Use:   "bench",
		Short: "Generate a synthetic noisy corpus and report articles/s, MB/s and peak memory per stage and for ingest",
		Long: `Generate N noisy French and English articles (banners, boilerplate, copies, updated
copies), time each pipeline stage on one goroutine (per-core throughput), then ingest
the files end to end into a fresh SQLite store and report articles/s, MB/s and peak memory.
The --db flag is not used: the store is created in a temporary folder (or --dir).

With --workers 1,2,4 and --db postgres://... the same corpus is published on a NATS
JetStream stream (--queue, $DOSSIER_QUEUE, default nats://127.0.0.1:4222) and stored
and related by that many workers on a fresh schema of the database, each count in
turn, next to one process ingesting it into SQLite.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(workers) > 0 {
				return a.benchWorkers(cmd, n, workers, queueURL)
			}
			if scale > 0 {
				return a.benchScale(cmd, scale, step, keep, profiles)
			}
			if generate != "" {
				n, err := bench.WriteCorpus(generate, n)
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stderr, "wrote %d articles to %s\n", n, generate)
				return nil
			}
			dir := keep
			if dir == "" {
				tmp, err := os.MkdirTemp("", "dossier-bench-")
				if err != nil {
					return err
				}
				defer os.RemoveAll(tmp)
				dir = tmp
			}
			r, err := bench.Run(cmd.Context(), n, runs, dir, func(path string) (dossier.Store, error) {
				return sqlite.Open(cmd.Context(), path)
			}, a.terminal())
			if err != nil {
				return err
			}
			r.Write(a.stdout)
			return nil
		},
	}
	c.Flags().IntVarP(&n, "articles", "n", 10000, "how many articles to generate")
	c.Flags().IntVarP(&runs, "runs", "r", 1, "end-to-end runs, each into new stores: the median is reported, with the range")
	c.Flags().StringVar(&keep, "dir", "", "keep the generated corpus and store in this folder")
	c.Flags().IntSliceVar(&workers, "workers", nil, "worker counts to time on PostgreSQL and NATS (with --db postgres://...), e.g. 1,2,4")
	c.Flags().StringVar(&queueURL, "queue", os.Getenv("DOSSIER_QUEUE"), "NATS server for --workers ($DOSSIER_QUEUE; default nats://127.0.0.1:4222)")
	c.Flags().StringVar(&generate, "generate", "", "only write the generated corpus to this folder (to time or profile ingest on it)")
	c.Flags().IntVar(&scale, "scale", 0, "ingest this many generated articles into one store in steps (--step), each step and a one-file ingest after it by a new process, and print the table of time, memory and size per step")
	c.Flags().IntVar(&step, "step", 100000, "articles a step of --scale")
	c.Flags().StringVar(&profiles, "profiles", "", "with --scale: write a CPU profile of each step's ingest and one-file ingest into this folder")
	return c
}

// benchWorkers times n generated articles stored and related by each
// count of workers on PostgreSQL, next to one process on SQLite.
func (a *app) benchWorkers(cmd *cobra.Command, n int, workers []int, queueURL string) error {
	ctx := cmd.Context()
	if !postgres.IsURL(a.db) {
		return fmt.Errorf("bench --workers: --db must be a postgres:// URL (or $DOSSIER_DB)")
	}
	docs := bench.Corpus(n, 1)
	tmp, err := os.MkdirTemp("", "dossier-bench-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	lite, err := sqlite.Open(ctx, filepath.Join(tmp, "bench.db"))
	if err != nil {
		return err
	}
	start := time.Now()
	_, err = ingest.New(lite, ingest.Options{}).Docs(ctx, "bench", docs, func(ingest.Event) {})
	liteTime := time.Since(start)
	lite.Close()
	if err != nil {
		return err
	}
	rate := func(d time.Duration) string {
		if d <= 0 {
			return "-"
		}
		return fmt.Sprintf("%.0f", float64(len(docs))/d.Seconds())
	}
	fmt.Fprintf(a.stdout, "%d generated articles, GOMAXPROCS %d\n", len(docs), runtime.GOMAXPROCS(0))
	fmt.Fprintf(a.stdout, "%-26s  %10s  %12s  %12s  %12s\n", "RUN", "PUBLISH", "STORED/S", "RELATED/S", "TOTAL")
	fmt.Fprintf(a.stdout, "%-26s  %10s  %12s  %12s  %12s\n", "SQLite, one process", "-", "-", rate(liteTime), liteTime.Round(time.Millisecond))
	for _, w := range workers {
		r, err := work.Bench(ctx, a.db, queueURL, docs, w, a.stderr)
		if err != nil {
			return fmt.Errorf("bench %d workers: %w", w, err)
		}
		fmt.Fprintf(a.stdout, "%-26s  %10s  %12s  %12s  %12s\n", fmt.Sprintf("PostgreSQL, %d worker(s)", w), r.Publish.Round(time.Millisecond),
			rate(r.Stored), rate(r.Total), r.Total.Round(time.Millisecond))
	}
	return nil
}

// benchScale runs "bench --scale": each step is "dossier ingest" by this
// same binary in a new process.
func (a *app) benchScale(cmd *cobra.Command, n, step int, keep, profiles string) error {
	exe, err := os.Executable()
	if err != nil {
		return err
	}
	dir := keep
	if dir == "" {
		tmp, err := os.MkdirTemp("", "dossier-scale-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		dir = tmp
	}
	if profiles != "" {
		if err := os.MkdirAll(profiles, 0o755); err != nil {
			return err
		}
	}
	steps, err := bench.Scale(cmd.Context(), bench.ScaleConfig{N: n, Step: step, Dir: dir, ProfileDir: profiles, Progress: a.stderr, Exe: exe})
	bench.WriteScale(a.stdout, steps)
	return err
}
