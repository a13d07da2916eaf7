package main

import (
	"fmt"
	"time"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/spf13/cobra"
)

func (a *app) analyseCmd() *cobra.Command {
	var quiet bool
	c := &cobra.Command{
		Use:     "analyse",
		Aliases: []string{"analyze"},
		Short:   `Run the deferred analysis of articles stored with "ingest --defer": entities, figures, copies, stories`,
		Long: `Run the analysis that "dossier ingest --defer" left for later: entities and
citations, figures, copies and translations, and stories, for every stored article
still waiting for it. Each chunk of articles is written in one transaction, so an
interrupted run loses nothing done and the next run picks up the rest.`,
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
			if sum.Failed > 0 {
				return errReported
			}
			return nil
		},
	}
	c.Flags().BoolVarP(&quiet, "quiet", "q", false, "print only errors and the summary")
	return c
}
