package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/eval"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/spf13/cobra"
)

func (a *app) evalCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "eval",
		Short: "Score extractors against gold files: precision, recall, F1 and per-field accuracy",
	}
	var verbose bool
	var minF1, minField float64
	figures := &cobra.Command{
		Use:   "figures GOLD [FILES...]",
		Short: "Score figure extraction against a gold JSONL file (the format of shared/gold/seeds-figures.jsonl)",
		Long: `Score figure extraction against a gold JSONL file. FILES are the articles; without them,
each gold "doc" is looked for beside the gold file and in its docs/ folder.
Prints precision, recall, F1, the accuracy of bound, modality and source over the matches,
and with -v the misses, the extra figures and the field errors.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			gold, err := eval.ReadGold(f, args[0])
			f.Close()
			if err != nil {
				return err
			}
			files := args[1:]
			if len(files) == 0 {
				files = goldDocs(args[0], gold)
			}
			var preds []dossier.Figure
			var failed int
			_, err = ingest.New(nil, ingest.Options{}).Read(cmd.Context(), files, a.stdin, func(e ingest.Event) {
				if e.Err != nil {
					failed++
					fmt.Fprintln(a.stderr, "error:", e.Err)
				}
			}, func(art *dossier.Article) {
				for _, fig := range art.Figures {
					fig.Doc = art.Input
					preds = append(preds, fig)
				}
			})
			if err != nil {
				return err
			}
			r := eval.Figures(gold, preds)
			r.Write(a.stdout, verbose)
			if r.F1 < minF1 || min(r.Bound, r.Modality, r.Source) < minField {
				return fmt.Errorf("below the bar: f1 %.3f (min %.2f), fields min %.3f (min %.2f)", r.F1, minF1, min(r.Bound, r.Modality, r.Source), minField)
			}
			if failed > 0 {
				return errReported
			}
			return nil
		},
	}
	figures.Flags().BoolVarP(&verbose, "verbose", "v", false, "list misses, extras and field errors")
	figures.Flags().Float64Var(&minF1, "min-f1", 0, "exit 1 when F1 is below this")
	figures.Flags().Float64Var(&minField, "min-field", 0, "exit 1 when bound, modality or source accuracy is below this")
	c.AddCommand(figures)
	var minEntityF1 float64
	entities := &cobra.Command{
		Use:   "entities GOLD",
		Short: "Score entity mention detection and linking against a gold file in the bracket format",
		Long: `Score entity mention detection and linking. GOLD has one sentence a line, each mention
written [words|entity-id], e.g. "[Pyongyang|country:KP] et [Moscou|country:RU]" (see
testdata/entities/gold.txt). Prints precision, recall and F1 of spans and of links.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			defer f.Close()
			gold, err := eval.ReadEntityGold(f, args[0])
			if err != nil {
				return err
			}
			l, err := entity.Default()
			if err != nil {
				return err
			}
			r := eval.Entities(gold, func(s string) []dossier.Mention {
				ms, _ := l.Find(s)
				return ms
			})
			r.Write(a.stdout, verbose)
			if min(r.DetectF1, r.LinkF1) < minEntityF1 {
				return fmt.Errorf("below the bar: detection f1 %.3f, linking f1 %.3f (min %.2f)", r.DetectF1, r.LinkF1, minEntityF1)
			}
			return nil
		},
	}
	entities.Flags().BoolVarP(&verbose, "verbose", "v", false, "list misses, extras and wrong links")
	entities.Flags().Float64Var(&minEntityF1, "min-f1", 0, "exit 1 when detection or linking F1 is below this")
	c.AddCommand(entities)
	return c
}

// goldDocs finds the documents a gold file names, beside it or in docs/.
func goldDocs(goldPath string, gold []eval.GoldFigure) []string {
	dir := filepath.Dir(goldPath)
	seen := map[string]bool{}
	var out []string
	for _, g := range gold {
		if seen[g.Doc] {
			continue
		}
		seen[g.Doc] = true
		for _, p := range []string{filepath.Join(dir, g.Doc), filepath.Join(dir, "docs", g.Doc), filepath.Join(dir, "..", "seeds", g.Doc)} {
			if _, err := os.Stat(p); err == nil {
				out = append(out, p)
				break
			}
		}
	}
	sort.Strings(out)
	return out
}
