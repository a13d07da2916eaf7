package main

import (
	"context"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/queue"
	"github.com/dossier-news/dossier/internal/work"
	"github.com/spf13/cobra"
)

// publish is "dossier ingest --queue": read the inputs, queue their
// documents, return.
func (a *app) publish(cmd *cobra.Command, queueURL string, opt ingest.Options, quiet bool, args []string) error {
	ctx := cmd.Context()
	q, err := queue.Open(ctx, queueURL, queue.Options{})
	if err != nil {
		return err
	}
	defer q.Close()
	p := ingest.New(nil, opt)
	start := time.Now()
	queued, failed := 0, 0
	var perr error
	report := func(e ingest.Event) {
		switch {
		case e.Err != nil:
			failed++
			fmt.Fprintln(a.stderr, "error:", escape(e.Err.Error()))
		case e.Skipped != "":
			fmt.Fprintf(a.stderr, "skipped: %s: %s\n", escape(e.Input), escape(e.Skipped))
		}
	}
	skipped := p.Documents(ctx, args, a.stdin, report, func(d extract.Doc, err error) bool {
		if err != nil {
			report(ingest.Event{Err: err})
			return true
		}
		id := ingest.InputID(d)
		if perr = q.Publish(ctx, d, id); perr != nil {
			return false
		}
		queued++
		if !quiet {
			fmt.Fprintf(a.stdout, "queued    %s  %s\n", id, escape(d.Input))
		}
		return true
	})
	if perr != nil {
		return perr
	}
	fmt.Fprintf(a.stderr, "queued %d, failed %d in %s on stream %s\n", queued, failed, time.Since(start).Round(time.Millisecond), q.Stream())
	if n := skippedTotal(skipped); n > 0 {
		fmt.Fprintf(a.stderr, "skipped %d WARC records that are not articles\n", n)
	}
	if failed > 0 {
		return errReported
	}
	return nil
}

func skippedTotal(s extract.WARCSkipped) int {
	n := 0
	for _, v := range s {
		n += v
	}
	return n
}

func (a *app) workerCmd() *cobra.Command {
	var opt work.Options
	var qopt queue.Options
	var queueURL string
	var failed, quiet bool
	c := &cobra.Command{
		Use:   "worker",
		Short: "Take documents off the queue, store and relate them (many workers may share one PostgreSQL store)",
		Long: `Take the documents "dossier ingest --queue" published off the NATS JetStream stream,
store them in the store (--db, a postgres:// URL for many workers), and acknowledge each
once it is committed. Any number of workers, on any machines, may share a queue and a
store: a document is stored once whoever takes it, a worker that dies loses nothing (its
documents are delivered again), and relating (copies, stories, series) runs in one
worker at a time. A document failing every try (--tries) is parked with its error:
--failed lists them.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if queueURL == "" {
				return fmt.Errorf("worker: no queue (--queue nats://host:4222 or $DOSSIER_QUEUE)")
			}
			ctx := cmd.Context()
			q, err := queue.Open(ctx, queueURL, qopt)
			if err != nil {
				return err
			}
			defer q.Close()
			if failed {
				return a.listFailed(ctx, q)
			}
			s, err := a.open(ctx)
			if err != nil {
				return err
			}
			defer s.Close()
			if l, ok := s.(work.Relating); ok {
				opt.Lock = l
			}
			opt.Report = func(e ingest.Event) {
				switch {
				case e.Err != nil:
					fmt.Fprintln(a.stderr, "error:", escape(e.Err.Error()))
				case quiet:
				case e.Dup:
					fmt.Fprintf(a.stdout, "duplicate %s  %s (already stored)\n", e.ID, escape(e.Input))
				case e.ID != "":
					fmt.Fprintf(a.stdout, "stored    %s  %s\n", e.ID, escape(e.Input))
				}
			}
			start := time.Now()
			sum, err := work.Run(ctx, q, s, opt)
			fmt.Fprintf(a.stderr, "stored %d, duplicates %d, related %d, retried %d, parked %d in %s\n",
				sum.Stored, sum.Duplicates, sum.Related, sum.Failed-sum.Parked, sum.Parked, time.Since(start).Round(time.Millisecond))
			return err
		},
	}
	c.Flags().StringVar(&queueURL, "queue", os.Getenv("DOSSIER_QUEUE"), "NATS server of the queue, nats://host:4222[?stream=NAME] ($DOSSIER_QUEUE)")
	c.Flags().IntVar(&opt.Concurrency, "concurrency", 1, "documents batches stored at once by this worker")
	c.Flags().IntVar(&opt.Batch, "batch", 32, "documents stored in one commit")
	c.Flags().DurationVar(&opt.Idle, "exit-when-idle", 0, "exit once the queue has been empty, and nothing left to relate, this long (0: run until interrupted)")
	c.Flags().IntVar(&qopt.MaxTries, "tries", 5, "deliveries of a failing document before it is parked")
	c.Flags().BoolVar(&failed, "failed", false, "list the parked documents and exit")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors and the summary")
	a.addFormat(c, "table, json, jsonl (with --failed)")
	return c
}

func (a *app) listFailed(ctx context.Context, q *queue.Queue) error {
	if err := a.checkFormat("table", "json", "jsonl"); err != nil {
		return err
	}
	parked, err := q.ListFailed(ctx)
	if err != nil {
		return fmt.Errorf("failed documents: %w", err)
	}
	if a.format != "table" {
		return emit(a.stdout, a.format, parked)
	}
	if len(parked) == 0 {
		fmt.Fprintln(a.stdout, "no parked documents")
		return nil
	}
	fmt.Fprintf(a.stdout, "%-20s  %5s  %-40s  %s\n", "PARKED", "TRIES", "INPUT", "ERROR")
	for _, p := range parked {
		fmt.Fprintf(a.stdout, "%-20s  %5d  %-40s  %s\n", p.Parked.UTC().Format(time.DateTime), p.Tries, escape(p.Input), escape(strings.TrimSpace(p.Error)))
	}
	return nil
}
