package main

import (
	"context"
	"fmt"
	"time"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/watch"
	"github.com/spf13/cobra"
)

func (a *app) watchCmd() *cobra.Command {
	var opt ingest.Options
	var wopt watch.Options
	var maxMB int64
	c := &cobra.Command{
		Use:   "watch FEED_OR_PAGE_URL...",
		Short: "Follow live feeds and pages: poll them and store each new article",
		Long: `Poll RSS/Atom feeds and pages every --every, and store each new article as
"dossier ingest" does, with one line for each. Requests are conditional (ETag,
Last-Modified), respect robots.txt, wait --delay between two requests to one host,
and back off (doubling the wait, up to 6 hours) while a URL fails. When a feed item
gives only a summary, its page is fetched for the full article. Ctrl-C stops.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opt.MaxSize = maxMB << 20
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			p := ingest.New(s, opt)
			logf := func(format string, args ...any) {
				fmt.Fprintln(a.stderr, time.Now().Format("15:04:05"), escape(fmt.Sprintf(format, args...)))
			}
			var total ingest.Summary
			store := func(ctx context.Context, name string, docs []extract.Doc) error {
				sum, err := p.Docs(ctx, name, docs, func(e ingest.Event) {
					switch {
					case e.Err != nil:
						logf("error: %s", escape(e.Err.Error()))
					case !e.Dup && e.Skipped == "":
						fmt.Fprintf(a.stdout, "%s new %s  %s  %s\n", time.Now().Format("15:04:05"), e.ID, escape(e.Input), escape(e.Title))
					}
				})
				total.Ingested += sum.Ingested
				total.Duplicates += sum.Duplicates
				total.Failed += sum.Failed
				if ctx.Err() != nil {
					return nil // stopping: not an error of the URL
				}
				return err
			}
			logf("watching %d URL(s) every %s; Ctrl-C stops", len(args), wopt.Every)
			err = watch.New(p.Fetcher(), wopt, store, logf).Run(cmd.Context(), args)
			fmt.Fprintf(a.stderr, "stopped: ingested %d, duplicates %d, failed %d\n", total.Ingested, total.Duplicates, total.Failed)
			return err
		},
	}
	c.Flags().DurationVar(&wopt.Every, "every", 15*time.Minute, "time between two polls of a URL")
	c.Flags().DurationVar(&wopt.HostDelay, "delay", 2*time.Second, "time between two requests to one host")
	c.Flags().Int64Var(&maxMB, "max-size", 32, "largest response accepted, in MB")
	c.Flags().DurationVar(&opt.Timeout, "timeout", 20*time.Second, "timeout per request")
	c.Flags().BoolVar(&opt.AllowPrivate, "allow-private", false, "allow URLs on private, loopback, link-local and other special-use addresses")
	return c
}
