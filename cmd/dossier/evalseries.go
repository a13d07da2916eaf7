package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/eval"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/spf13/cobra"
)

func (a *app) evalSeriesCmd() *cobra.Command {
	var verbose, stage bool
	var minScore float64
	c := &cobra.Command{
		Use:   "series GOLD",
		Short: "Score figure series against a labelled set",
		Long: `Ingest the documents of a labelled set (GOLD's docs/ folder) into a temporary store and
score its figure series: claim-to-series assignment (BCubed precision, recall, F1), each
relation's precision and recall, and the share of series whose independent-source count is
exact. GOLD is JSONL (see testdata/series/gold.jsonl, and internal/series/seriesgen which writes
it). --stage scores the series stage alone, given each document's story and original from the
gold, as the Go test does; by default the whole pipeline runs, copies and stories included.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			gold, err := eval.ReadSeriesGold(f, args[0])
			f.Close()
			if err != nil {
				return err
			}
			docs := filepath.Join(filepath.Dir(args[0]), "docs")
			var pred []dossier.Series
			if stage {
				pred, err = stageSeries(gold, docs)
			} else {
				pred, err = storedSeries(cmd, gold, docs)
			}
			if err != nil {
				return err
			}
			r := eval.Series(gold, pred)
			r.Print(a.stdout, verbose)
			low := min(r.BCubed.F1, r.SourcesRate())
			for _, m := range r.Relations {
				low = min(low, m.P, m.R)
			}
			if low < minScore {
				return fmt.Errorf("below the bar: the lowest score is %.3f (min %.2f)", low, minScore)
			}
			return nil
		},
	}
	c.Flags().BoolVarP(&verbose, "verbose", "v", false, "list the errors")
	c.Flags().BoolVar(&stage, "stage", false, "score the series stage alone, given the gold's stories and originals")
	c.Flags().Float64Var(&minScore, "min", 0, "exit 1 when an F1, a relation's precision or recall, or the exact-sources share is below this")
	return c
}

// docLines are the gold's documents in order, with their story and original.
func docLines(gold []eval.GoldSeries) []eval.GoldSeries {
	var out []eval.GoldSeries
	for _, g := range gold {
		if g.Date != "" && g.Doc != "" {
			out = append(out, g)
		}
	}
	return out
}

func stageSeries(gold []eval.GoldSeries, docs string) ([]dossier.Series, error) {
	ix := series.NewIndex()
	ids := map[string]string{}
	for _, g := range docLines(gold) {
		in := filepath.Join(docs, g.Doc)
		b, err := os.ReadFile(in)
		if err != nil {
			return nil, err
		}
		art := ingest.Analyse(extract.Text(in, string(b)), clean.Options{})
		ids[g.Doc] = art.ID
		date := art.Date
		if date == "" {
			date = g.Date
		}
		ix.Add(series.Doc{Article: art, Story: g.Series, Date: date, DateEstimated: art.Date == "", CopyOf: ids[g.Original]})
	}
	return ix.All(), nil
}

func storedSeries(cmd *cobra.Command, gold []eval.GoldSeries, docs string) ([]dossier.Series, error) {
	ctx := cmd.Context()
	tmp, err := os.MkdirTemp("", "dossier-eval-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	s, err := sqlite.Open(ctx, filepath.Join(tmp, "eval.db"))
	if err != nil {
		return nil, err
	}
	defer s.Close()
	var files []string
	for _, g := range docLines(gold) {
		files = append(files, filepath.Join(docs, g.Doc))
	}
	if _, err := ingest.New(s, ingest.Options{}).Run(ctx, files, nil, func(ingest.Event) {}, nil); err != nil {
		return nil, err
	}
	return s.Series(ctx, dossier.SeriesFilter{WithClaims: true})
}
