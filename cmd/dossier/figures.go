package main

import (
	"encoding/csv"
	"fmt"
	"path/filepath"
	"strconv"
	"text/tabwriter"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/query"
	"github.com/spf13/cobra"
)

func (a *app) figuresCmd() *cobra.Command {
	var f dossier.FigureFilter
	c := &cobra.Command{
		Use:   "figures [FILE...]",
		Short: "Quantity claims: from files straight (nothing stored), or from the store",
		Long: `With files (or folders, globs, URLs, '-'), extract their figures straight, storing nothing;
"doc" is then the input path. Without, list the stored figures, filtered by --article,
--thing (lemma or English gloss prefix), --source (substring) and --min-modality
(denied < unconfirmed < possible < expected < planned < estimate < fact).

Each figure has doc, text, start, end, sentence, value, low, high, bound, thing, gloss,
unit, kind, subject, event, place, modality, source and time.`,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.checkFormat("table", "json", "jsonl", "csv"); err != nil {
				return err
			}
			var figs []dossier.Figure
			if len(args) > 0 {
				all, failed, err := a.readFigures(cmd, args)
				if err != nil {
					return err
				}
				for _, fig := range all {
					if f.Match(fig) {
						figs = append(figs, fig)
					}
				}
				if err := a.writeFigures(figs); err != nil {
					return err
				}
				if failed > 0 {
					return errReported
				}
				return nil
			}
			s, err := a.openRead(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			figs, err = query.Figures(cmd.Context(), s, f)
			if err != nil {
				return err
			}
			return a.writeFigures(figs)
		},
	}
	a.addFormat(c, "table|json|jsonl|csv")
	c.Flags().StringVar(&f.Article, "article", "", "only the figures of this article (id or prefix)")
	c.Flags().StringVar(&f.Thing, "thing", "", "only figures counting this (French lemma or English gloss, prefix)")
	c.Flags().StringVar(&f.Source, "source", "", "only figures attributed to this source (substring)")
	c.Flags().StringVar((*string)(&f.MinModality), "min-modality", "", "only figures at least this committed (e.g. possible, fact)")
	return c
}

func (a *app) writeFigures(figs []dossier.Figure) error {
	switch a.format {
	case "json", "jsonl":
		return emit(a.stdout, a.format, figs)
	case "csv":
		w := csv.NewWriter(a.stdout)
		w.Write([]string{"doc", "text", "start", "end", "value", "low", "high", "bound", "thing", "gloss", "unit", "kind", "subject", "event", "place", "modality", "source", "time", "sentence"})
		for _, f := range figs {
			w.Write([]string{f.Doc, f.Text, strconv.Itoa(f.Start), strconv.Itoa(f.End), num(f.Value), num(f.Low), num(f.High), string(f.Bound), f.Thing, f.Gloss,
				f.Unit, string(f.Kind), f.Subject, f.Event, f.Place, string(f.Modality), f.Source, f.Time, f.Sentence})
		}
		w.Flush()
		return w.Error()
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DOC\tTEXT\tVALUE\tBOUND\tTHING/UNIT\tMODALITY\tSOURCE")
	for _, f := range figs {
		what := f.Thing
		switch {
		case what == "":
			what = f.Unit
		case f.Unit != "" && f.Unit != f.Thing:
			what += " " + f.Unit // "deficit CAD", "Français %"
		}
		v := num(f.Value)
		if f.Bound == dossier.BoundVague || f.Bound == dossier.BoundRange {
			v = num(f.Low) + ".." + num(f.High)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\t%s\n", truncate(f.Doc, 14), truncate(f.Text, 40), v, f.Bound, what, f.Modality, dash(truncate(f.Source, 30)))
	}
	return tw.Flush()
}

func num(p *float64) string {
	if p == nil {
		return ""
	}
	return strconv.FormatFloat(*p, 'f', -1, 64)
}

// readFigures extracts the figures of inputs without storing them; doc is
// the input. Bad inputs are reported on stderr and counted.
func (a *app) readFigures(cmd *cobra.Command, inputs []string) ([]dossier.Figure, int, error) {
	figs, _, failed, err := a.readFiguresLang(cmd, inputs)
	return figs, failed, err
}

// readFiguresLang is readFigures that also tells each input's language
// (by base name), for scores per language.
func (a *app) readFiguresLang(cmd *cobra.Command, inputs []string) ([]dossier.Figure, map[string]string, int, error) {
	var figs []dossier.Figure
	langs := map[string]string{}
	failed := 0
	_, err := ingest.New(nil, ingest.Options{}).Read(cmd.Context(), inputs, a.stdin, func(e ingest.Event) {
		if e.Err != nil {
			failed++
			fmt.Fprintln(a.stderr, "error:", escape(e.Err.Error()))
		} else if e.Skipped != "" {
			fmt.Fprintf(a.stderr, "skipped: %s: %s\n", escape(e.Input), escape(e.Skipped))
		}
	}, func(art *dossier.Article) {
		headlineOfShortInput(art)
		langs[filepath.Base(art.Input)] = art.Lang
		for _, fig := range art.Figures {
			fig.Doc = art.Input
			figs = append(figs, fig)
		}
	})
	return figs, langs, failed, err
}

// headlineOfShortInput: in a text of a line or two, cleaning takes the
// first line for a site banner; for reading figures straight it is the
// headline, and its figures count.
func headlineOfShortInput(art *dossier.Article) {
	if art.Title != "" || art.Text == "" || len(art.Removed) != 1 || len(art.Paragraphs) > 2 {
		return
	}
	if r := art.Removed[0]; r.Line == 1 && r.Label == dossier.LabelSite {
		art.Title = r.Text
		ingest.Enrich(art)
	}
}
