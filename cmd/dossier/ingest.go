package main

import (
	"fmt"
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
	c := &cobra.Command{
		Use:   "ingest ARTICLES...",
		Short: "Read, clean and store articles: files, folders, globs, '-' for stdin, http(s) URLs",
		Long: `Read, clean and store articles. Inputs are text files, HTML pages, RSS/Atom feeds and
JSON Lines files (one article a line with url, title, text or html, date, site, lang),
folders (read recursively), globs, '-' for stdin, and http(s) URLs.

Each bad input gets one line on stderr naming it and the reason; the others go on,
and the exit status is 1 if any failed. Re-ingesting an article stores nothing new.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.MaxSize = maxMB << 20
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			p := ingest.New(s, opt)
			var bar *progressbar.ProgressBar
			var progress func(done, total int)
			if f, ok := a.stderr.(*os.File); ok && term.IsTerminal(int(f.Fd())) && !quiet {
				progress = func(done, total int) {
					if bar == nil {
						bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(f), progressbar.OptionSetDescription("ingest"),
							progressbar.OptionShowCount(), progressbar.OptionShowIts(), progressbar.OptionSetItsString("inputs"),
							progressbar.OptionThrottle(100*time.Millisecond), progressbar.OptionClearOnFinish())
					}
					bar.Set(done)
				}
			}
			start := time.Now()
			sum, err := p.Run(cmd.Context(), args, a.stdin, func(e ingest.Event) {
				switch {
				case e.Err != nil:
					if bar != nil {
						bar.Clear()
					}
					fmt.Fprintln(a.stderr, "error:", e.Err)
				case e.Dup && !quiet:
					fmt.Fprintf(a.stdout, "duplicate %s  %s (already stored)\n", e.ID, e.Input)
				case !quiet:
					fmt.Fprintf(a.stdout, "stored    %s  %s\n", e.ID, e.Input)
				}
			}, progress)
			if bar != nil {
				bar.Finish()
			}
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "ingested %d, duplicates %d, failed %d in %s\n", sum.Ingested, sum.Duplicates, sum.Failed, time.Since(start).Round(time.Millisecond))
			if sum.Failed > 0 {
				return errReported
			}
			return nil
		},
	}
	c.Flags().Int64Var(&maxMB, "max-size", 32, "largest input accepted, in MB")
	c.Flags().DurationVar(&opt.Timeout, "timeout", 20*time.Second, "timeout per URL")
	c.Flags().BoolVar(&opt.AllowPrivate, "allow-private", false, "allow URLs on private, loopback and link-local addresses")
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors and the summary")
	return c
}
