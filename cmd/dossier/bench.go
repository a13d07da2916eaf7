package main

import (
	"fmt"
	"os"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/bench"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/spf13/cobra"
)

func (a *app) benchCmd() *cobra.Command {
	var n, runs int
	var keep, generate string
	c := &cobra.Command{
		Use:   "bench",
		Short: "Generate a synthetic noisy corpus and report articles/s, MB/s and peak memory per stage and for ingest",
		Long: `Generate N noisy French and English articles (banners, boilerplate, copies, updated
copies), time each pipeline stage on one goroutine (per-core throughput), then ingest
the files end to end into a fresh SQLite store and report articles/s, MB/s and peak memory.
The --db flag is not used: the store is created in a temporary folder (or --dir).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
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
	c.Flags().StringVar(&generate, "generate", "", "only write the generated corpus to this folder (to time or profile ingest on it)")
	return c
}
