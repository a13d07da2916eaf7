package main

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/entity"
	"github.com/dossier-news/dossier/internal/eval"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"github.com/dossier-news/dossier/internal/story"
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
			preds, langs, failed, err := a.readFiguresLang(cmd, files)
			if err != nil {
				return err
			}
			r := eval.Figures(gold, preds)
			if verbose {
				r.Write(a.stdout, true)
			}
			// per language, as grade-figures gives them on each language's documents
			byLang := eval.ByLanguage(gold, preds, func(doc string) string { return langs[doc] })
			if len(byLang) > 1 {
				keys := make([]string, 0, len(byLang))
				for l := range byLang {
					keys = append(keys, l)
				}
				sort.Strings(keys)
				for _, l := range keys {
					name := l
					if name == "" {
						name = "unknown"
					}
					fmt.Fprintf(a.stdout, "== %s\n", name)
					byLang[l].WriteScores(a.stdout)
				}
				fmt.Fprintln(a.stdout, "== all")
			}
			r.WriteScores(a.stdout)
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
	var minStoryF1 float64
	var sweep bool
	stories := &cobra.Command{
		Use:   "stories GOLD",
		Short: "Score copy detection and story clustering against a labelled set",
		Long: `Ingest the documents of a labelled set (GOLD's docs/ folder) into a temporary store and
score story clustering (pairwise and BCubed precision, recall, F1) and copy detection
(precision and recall per relation). GOLD is JSONL with doc, story, original and relation
per document (see testdata/stories/gold.jsonl).`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			f, err := os.Open(args[0])
			if err != nil {
				return err
			}
			gold, err := eval.ReadStoryGold(f, args[0])
			f.Close()
			if err != nil {
				return err
			}
			if sweep {
				fmt.Fprintln(a.stdout, "threshold  pairwise-f1  bcubed-f1  stories")
				for _, th := range []float64{0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.5} {
					p := story.DefaultParams
					p.Threshold = th
					r, err := scoreStories(cmd, gold, filepath.Join(filepath.Dir(args[0]), "docs"), p)
					if err != nil {
						return err
					}
					fmt.Fprintf(a.stdout, "%9.2f  %11.3f  %9.3f  %7d\n", th, r.Pairwise.F1, r.BCubed.F1, r.Stories)
				}
				return nil
			}
			r, err := scoreStories(cmd, gold, filepath.Join(filepath.Dir(args[0]), "docs"), story.DefaultParams)
			if err != nil {
				return err
			}
			r.Write(a.stdout, verbose)
			if low := min(r.Pairwise.F1, r.BCubed.F1, r.Copies.P, r.Copies.R); low < minStoryF1 {
				return fmt.Errorf("below the bar: the lowest score is %.3f (min %.2f)", low, minStoryF1)
			}
			return nil
		},
	}
	stories.Flags().BoolVarP(&verbose, "verbose", "v", false, "list the errors")
	stories.Flags().BoolVar(&sweep, "sweep", false, "score story clustering at a range of thresholds, to measure the default by")
	stories.Flags().Float64Var(&minStoryF1, "min", 0, "exit 1 when pairwise or BCubed F1, or copy precision or recall, is below this")
	c.AddCommand(stories)
	c.AddCommand(a.evalSeriesCmd())
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

// scoreStories ingests the labelled documents into a temporary store and
// compares its stories and copies with the gold.
func scoreStories(cmd *cobra.Command, gold []eval.GoldStoryDoc, docs string, params story.Params) (eval.StoryReport, error) {
	ctx := cmd.Context()
	tmp, err := os.MkdirTemp("", "dossier-eval-")
	if err != nil {
		return eval.StoryReport{}, err
	}
	defer os.RemoveAll(tmp)
	s, err := sqlite.Open(ctx, filepath.Join(tmp, "eval.db"))
	if err != nil {
		return eval.StoryReport{}, err
	}
	defer s.Close()
	var files []string
	for _, g := range gold {
		files = append(files, filepath.Join(docs, g.Doc))
	}
	if _, err := ingest.New(s, ingest.Options{Story: params}).Run(ctx, files, nil, func(ingest.Event) {}, nil); err != nil {
		return eval.StoryReport{}, err
	}
	list, err := s.List(ctx, dossier.ListFilter{})
	if err != nil {
		return eval.StoryReport{}, err
	}
	docOf := map[string]string{}
	for _, m := range list {
		docOf[m.ID] = filepath.Base(m.Input)
	}
	sts, err := s.Stories(ctx)
	if err != nil {
		return eval.StoryReport{}, err
	}
	storyOf := map[string]string{}
	storyOfID := map[string]string{}
	for _, st := range sts {
		for _, id := range st.Articles {
			storyOf[docOf[id]] = st.ID
			storyOfID[id] = st.ID
		}
	}
	links, sightings, err := s.Copies(ctx)
	if err != nil {
		return eval.StoryReport{}, err
	}
	copies := map[string]eval.PredCopy{}
	best := map[string]float64{}
	for _, l := range links {
		orig, internal := docOf[l.Original]
		if !internal {
			orig = l.Original
		}
		d := docOf[l.Article]
		// a document's main relation: textual copies first, then
		// translations, then citations; a stored original beats an outside one
		score := l.Score + map[dossier.Relation]float64{dossier.RelNear: 6, dossier.RelUpdated: 6, dossier.RelTranslated: 4, dossier.RelCites: 2}[l.Relation]
		if internal {
			score++
		}
		if score > best[d] {
			best[d] = score
			copies[d] = eval.PredCopy{Original: orig, Relation: string(l.Relation)}
		}
	}
	for _, v := range sightings {
		d := filepath.Base(v.Input)
		if d == docOf[v.Article] {
			continue
		}
		copies[d] = eval.PredCopy{Original: docOf[v.Article], Relation: string(dossier.RelIdentical)}
		storyOf[d] = storyOfID[v.Article]
	}
	r := eval.Stories(gold, storyOf, copies)
	// similarity of the pairs the gold names, to measure the thresholds by
	idOf := map[string]string{}
	for id, d := range docOf {
		idOf[d] = id
	}
	sigs := map[string]dedupe.Signature{}
	sig := func(doc string) (dedupe.Signature, bool) {
		if s, ok := sigs[doc]; ok {
			return s, true
		}
		id, ok := idOf[doc]
		if !ok {
			return dedupe.Signature{}, false
		}
		art, err := s.Article(ctx, id)
		if err != nil {
			return dedupe.Signature{}, false
		}
		sigs[doc] = dedupe.MinHash(art.Text)
		return sigs[doc], true
	}
	r.Similarity = map[string][]float64{}
	byStory := map[string][]eval.GoldStoryDoc{}
	for _, g := range gold {
		byStory[g.Story] = append(byStory[g.Story], g)
	}
	for _, g := range gold {
		if g.Relation == nil {
			continue
		}
		if a, ok := sig(g.Doc); ok {
			if b, ok := sig(*g.Original); ok {
				r.Similarity[*g.Relation] = append(r.Similarity[*g.Relation], a.Similarity(b))
			}
		}
	}
	for _, docs := range byStory {
		for i, x := range docs {
			for _, y := range docs[i+1:] {
				if x.Relation != nil || y.Relation != nil {
					continue // only pairs that are not copies of each other
				}
				if a, ok := sig(x.Doc); ok {
					if b, ok := sig(y.Doc); ok {
						r.Similarity["same story, not a copy"] = append(r.Similarity["same story, not a copy"], a.Similarity(b))
					}
				}
			}
		}
	}
	return r, nil
}
