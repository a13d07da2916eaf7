package main

import (
	"fmt"
	"time"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/spf13/cobra"
)

func (a *app) analyseCmd() *cobra.Command {
	var quiet, recompute bool
	c := &cobra.Command{
		Use:     "analyse",
		Aliases: []string{"analyze"},
		Short:   `Run the deferred analysis of articles stored with "ingest --defer": entities, figures, copies, stories`,
		Long: `Run the analysis that "dossier ingest --defer" left for later: entities and
citations, figures, copies and translations, and stories, for every stored article
still waiting for it. Each chunk of articles is written in one transaction, so an
interrupted run loses nothing done and the next run picks up the rest.

Figure series are kept up to date as articles are analysed; --series builds them all
again from the stored articles (and estimates again the dates of undated ones), as
analyse does by itself on a store made before series were kept.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			bar := a.newProgress("analyse", "articles", quiet)
			start := time.Now()
			sum, err := ingest.New(s, ingest.Options{}).AnalysePending(cmd.Context(), func(e ingest.Event) {
				switch {
				case e.Err != nil:
					bar.clear()
					fmt.Fprintln(a.stderr, "error:", escape(e.Err.Error()))
				case !quiet:
					fmt.Fprintf(a.stdout, "analysed  %s  %s\n", e.ID, escape(e.Input))
				}
			}, bar.update())
			bar.finish()
			if err != nil {
				return err
			}
			fmt.Fprintf(a.stderr, "analysed %d, failed %d in %s\n", sum.Analysed, sum.Failed, time.Since(start).Round(time.Millisecond))
			p := ingest.New(s, ingest.Options{})
			if !recompute {
				if recompute, err = p.NeedsSeries(cmd.Context()); err != nil {
					return err
				}
			}
			if recompute {
				n, err := p.RecomputeSeries(cmd.Context())
				if err != nil {
					return err
				}
				fmt.Fprintf(a.stderr, "series: %d recomputed\n", n)
			}
			if sum.Failed > 0 {
				return errReported
			}
			return nil
		},
	}
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors and the summary")
	c.Flags().BoolVar(&recompute, "series", false, "build every figure series again from the stored articles")
	return c
}
