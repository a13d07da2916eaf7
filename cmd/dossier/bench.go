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
	var n, runs, scale, step int
	var keep, generate, profiles string
	c := &cobra.Command{
		Use:   "bench",
		Short: "Generate a synthetic noisy corpus and report articles/s, MB/s and peak memory per stage and for ingest",
		Long: `Generate N noisy French and English articles (banners, boilerplate, copies, updated
copies), time each pipeline stage on one goroutine (per-core throughput), then ingest
the files end to end into a fresh SQLite store and report articles/s, MB/s and peak memory.
The --db flag is not used: the store is created in a temporary folder (or --dir).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
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
	c.Flags().StringVar(&generate, "generate", "", "only write the generated corpus to this folder (to time or profile ingest on it)")
	c.Flags().IntVar(&scale, "scale", 0, "ingest this many generated articles into one store in steps (--step), each step and a one-file ingest after it by a new process, and print the table of time, memory and size per step")
	c.Flags().IntVar(&step, "step", 100000, "articles a step of --scale")
	c.Flags().StringVar(&profiles, "profiles", "", "with --scale: write a CPU profile of each step's ingest and one-file ingest into this folder")
	return c
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
