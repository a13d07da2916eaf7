package main

import (
	"fmt"
	"io"
	"os"
	"time"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/schollz/progressbar/v3"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

func (a *app) ingestCmd() *cobra.Command {
	var opt ingest.Options
	var maxMB int64
	var quiet bool
	var queueURL string
	c := &cobra.Command{
		Use:   "ingest ARTICLES...",
		Short: "Read, clean and store articles: files, folders, globs, '-' for stdin, http(s) URLs",
		Long: `Read, clean and store articles. Inputs are text files, HTML pages, RSS/Atom feeds,
JSON Lines files (one article a line with url, title, text or html, date, site, lang),
WARC files (.warc, .warc.gz: each HTML or text response is an article), folders (read
recursively), globs, '-' for stdin, and http(s) URLs. Any charset is read (HTTP
Content-Type, byte order mark, <meta charset>, XML declaration, else detection).

Each bad input gets one line on stderr naming it and the reason; the others go on,
and the exit status is 1 if any failed. Re-ingesting an article stores nothing new.

By default each article is analysed as it is stored: entities, figures, copies and
stories. With --defer articles are only cleaned, split into sentences and stored
(searchable at once), which is several times faster; "dossier analyse" then runs
the analysis of everything deferred.

With --queue nats://host:4222 (or $DOSSIER_QUEUE) the documents read are published
as work on a NATS JetStream stream and the command returns at once; "dossier worker"
processes store them (see README, "Running on PostgreSQL and NATS").`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.MaxSize = maxMB << 20
			if queueURL != "" {
				return a.publish(cmd, queueURL, opt, quiet, args)
			}
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			p := ingest.New(s, opt)
			bar := a.newProgress("ingest", "records", quiet)
			start := time.Now()
			sum, err := p.Run(cmd.Context(), args, a.stdin, func(e ingest.Event) {
				switch {
				case e.Err != nil:
					bar.clear()
					fmt.Fprintln(a.stderr, "error:", escape(e.Err.Error()))
				case e.Skipped != "":
					bar.clear()
					fmt.Fprintf(a.stderr, "skipped: %s: %s\n", escape(e.Input), escape(e.Skipped))
				case e.Dup && !quiet:
					fmt.Fprintf(a.stdout, "duplicate %s  %s (already stored)\n", e.ID, escape(e.Input))
				case !quiet:
					fmt.Fprintf(a.stdout, "stored    %s  %s\n", e.ID, escape(e.Input))
				}
			}, bar.update())
			bar.finish()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "ingested %d, duplicates %d, failed %d in %s\n", sum.Ingested, sum.Duplicates, sum.Failed, time.Since(start).Round(time.Millisecond))
			if sum.Skipped > 0 {
				fmt.Fprintf(a.stderr, "skipped %d WARC records that are not articles (%s)\n", sum.Skipped, sum.SkippedWhy)
			}
			if opt.Defer && sum.Ingested > 0 {
				fmt.Fprintln(a.stderr, `analysis deferred: run "dossier analyse" for entities, figures, copies and stories`)
			}
			if sum.Failed > 0 {
				return errReported
			}
			return nil
		},
	}
	c.Flags().Int64Var(&maxMB, "max-size", 32, "largest input accepted, in MB; for JSON Lines and WARC files, largest record (the file has no limit)")
	c.Flags().DurationVar(&opt.Timeout, "timeout", 20*time.Second, "timeout per URL")
	c.Flags().BoolVar(&opt.AllowPrivate, "allow-private", false, "allow URLs on private, loopback and link-local addresses")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors and the summary")
	c.Flags().StringVar(&queueURL, "queue", os.Getenv("DOSSIER_QUEUE"), `publish the documents as work for "dossier worker" on this NATS server ($DOSSIER_QUEUE)`)
	c.Flags().BoolVar(&opt.Defer, "defer", false, `store articles clean and searchable now, analyse them later with "dossier analyse"`)
	return c
}

// progress is a progress bar on stderr when it is a terminal; a nil
// *progress shows nothing.
type progress struct {
	f          *os.File
	what, unit string
	bar        *progressbar.ProgressBar
}

// terminal returns stderr when it is a terminal, else nil: progress
// lines are for people watching, not for logs.
func (a *app) terminal() io.Writer {
	if f, ok := a.errFile.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		return f
	}
	return nil
}

func (a *app) newProgress(what, unit string, quiet bool) *progress {
	f, ok := a.errFile.(*os.File)
	if !ok || quiet || !term.IsTerminal(int(f.Fd())) {
		return nil
	}
	return &progress{f: f, what: what, unit: unit}
}

// update is the callback for the pipeline (nil when nothing is shown).
func (p *progress) update() func(done, total int) {
	if p == nil {
		return nil
	}
	return func(done, total int) {
		if p.bar == nil {
			p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(p.f), progressbar.OptionSetDescription(p.what),
				progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString(p.unit),
				progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
		}
		p.bar.Set(done)
	}
}

// clear makes room for a line of output.
func (p *progress) clear() {
	if p != nil && p.bar != nil {
		p.bar.Clear()
	}
}

func (p *progress) finish() {
	if p != nil && p.bar != nil {
		p.bar.Finish()
	}
}
