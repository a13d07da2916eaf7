package main

import (
	"encoding/csv"
	"fmt"
	"io"
	"strconv"
	"strings"
	"text/tabwriter"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/query"
	"github.com/dossier-news/dossier/internal/series"
	"github.com/spf13/cobra"
)

func (a *app) seriesCmd() *cobra.Command {
	var f dossier.SeriesFilter
	var entityName string
	c := &cobra.Command{
		Use:   "series [ID]",
		Short: "Figure series: one quantity across articles, in time order, with relations and a low/best/high summary",
		Long: `Without ID, the quantities the coverage reports, most claimed first: title, claims,
independent sources, outlets, the latest low/best/high and the range of projections.
With ID (or a unique prefix), that series in time order: date (~ when estimated), value,
bound, modality, source, outlet and relation; relays folded under the report they repeat;
then its contradictions with both sides' evidence.

--format jsonl gives per series id, title, subject, thing, event, unit, claims (each with
article, input, outlet, date, date_estimated, text, value, low, high, bound, modality,
source, source_id, relation, relay_of), summary (as_of, low, best, high, projection_low,
projection_high, sources, outlets) and contradictions.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.storeFor(cmd, "table", "json", "jsonl", "csv")
			if err != nil {
				return err
			}
			defer s.Close()
			var list []dossier.Series
			if len(args) == 1 {
				one, err := s.OneSeries(cmd.Context(), args[0])
				if err != nil {
					return err
				}
				list = []dossier.Series{*one}
			} else {
				if entityName != "" {
					if f.Entity, err = query.EntityID(entityName); err != nil {
						return err
					}
				}
				f.WithClaims = a.format == "json" || a.format == "jsonl" || a.format == "csv"
				if list, err = s.Series(cmd.Context(), f); err != nil {
					return err
				}
			}
			switch a.format {
			case "json", "jsonl":
				return emit(a.stdout, a.format, list)
			case "csv":
				return seriesCSV(a.stdout, list)
			}
			if len(args) == 1 {
				return printSeries(a.stdout, list[0])
			}
			return seriesTable(a.stdout, list)
		},
	}
	a.addFormat(c, "table|json|jsonl|csv")
	c.Flags().StringVar(&f.Story, "story", "", "only the series of this story (id or prefix)")
	c.Flags().StringVar(&entityName, "entity", "", "only the series whose subject is this entity (a name in French or English, or an id)")
	c.Flags().StringVar(&f.Thing, "thing", "", "only the series counting this concept (soldier, people, home, ...)")
	c.Flags().IntVar(&f.MinClaims, "min-claims", 0, "only the series with at least this many claims")
	c.Flags().IntVar(&f.Limit, "limit", 0, "at most this many series")
	return c
}

// entityID resolves a name as "dossier entity" does.
func snum(p *float64) string {
	if p == nil {
		return "-"
	}
	return series.Number(*p)
}

func latest(s dossier.SeriesSummary) string { return query.SeriesLatest(s) }

func projections(s dossier.SeriesSummary) string { return query.SeriesProjections(s) }

func seriesTable(w io.Writer, list []dossier.Series) error {
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tCLAIMS\tSOURCES\tOUTLETS\tAS OF\tLATEST\tPROJECTED\tTITLE")
	for _, s := range list {
		fmt.Fprintf(tw, "%s\t%d\t%d\t%d\t%s\t%s\t%s\t%s\n", s.ID, s.Summary.Claims, s.Summary.Sources, s.Summary.Outlets,
			when(s.Summary.AsOf, s.Summary.AsOfEstimated), latest(s.Summary), projections(s.Summary), truncate(s.Title, 60))
	}
	return tw.Flush()
}

// when marks an estimated date: "~2024-11-08".
func when(date string, estimated bool) string {
	if date == "" {
		return "-"
	}
	if estimated {
		return "~" + date
	}
	return date
}

func value(c dossier.Claim) string {
	switch {
	case c.Value != nil:
		return series.Number(*c.Value)
	case c.Low != nil && c.High != nil:
		return series.Number(*c.Low) + ".." + series.Number(*c.High)
	case c.Low != nil:
		return ">=" + series.Number(*c.Low)
	case c.High != nil:
		return "<=" + series.Number(*c.High)
	}
	return "-"
}

func printSeries(w io.Writer, s dossier.Series) error {
	sm := s.Summary
	fmt.Fprintf(w, "series:   %s\ntitle:    %s\nsubject:  %s\nthing:    %s\nevent:    %s\n", s.ID, s.Title, dash(s.Subject), dash(s.Thing), dash(s.Event))
	if s.Unit != "" {
		fmt.Fprintf(w, "unit:     %s\n", s.Unit)
	}
	fmt.Fprintf(w, "as of:    %s\nlatest:   low %s  best %s  high %s\nprojected: %s\nsources:  %d independent (relays folded), %d outlets, %d claims\n\n",
		when(sm.AsOf, sm.AsOfEstimated), snum(sm.Low), snum(sm.Best), snum(sm.High), projections(sm), sm.Sources, sm.Outlets, sm.Claims)
	relays := map[string][]dossier.Claim{}
	for _, c := range s.Claims {
		if c.RelayOf != "" {
			relays[c.RelayOf] = append(relays[c.RelayOf], c)
		}
	}
	tw := tabwriter.NewWriter(w, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "DATE\tVALUE\tBOUND\tMODALITY\tSOURCE\tOUTLET\tRELATION\tARTICLE\tWORDS")
	row := func(prefix string, c dossier.Claim) {
		rel := string(c.Relation)
		if c.Increment {
			rel = strings.TrimSpace(rel + " (more)")
		}
		fmt.Fprintf(tw, "%s%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n", prefix, when(c.Date, c.DateEstimated), value(c), c.Bound, c.Modality,
			truncate(dash(c.Source), 32), truncate(dash(c.Outlet), 18), dash(rel), c.Article, truncate(c.Text, 40))
	}
	for _, c := range s.Claims {
		if c.RelayOf != "" {
			continue
		}
		row("", c)
		for _, r := range relays[c.ID] {
			row("  └ ", r)
		}
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if len(s.Contradictions) > 0 {
		fmt.Fprintf(w, "\nContradictions (%d):\n", len(s.Contradictions))
		by := map[string]dossier.Claim{}
		for _, c := range s.Claims {
			by[c.ID] = c
		}
		for _, x := range s.Contradictions {
			fmt.Fprintf(w, "  %s\n", x.Reason)
			for _, id := range []string{x.A, x.B} {
				c := by[id]
				fmt.Fprintf(w, "    %s  %s  %q\n", id, c.Input, truncate(c.Sentence, 140))
			}
		}
	}
	return nil
}

func seriesCSV(w io.Writer, list []dossier.Series) error {
	cw := csv.NewWriter(w)
	_ = cw.Write([]string{"series", "title", "claim", "article", "input", "outlet", "date", "date_estimated", "text", "value", "low", "high",
		"bound", "modality", "source", "source_id", "relation", "relay_of"})
	f := func(p *float64) string {
		if p == nil {
			return ""
		}
		return strconv.FormatFloat(*p, 'f', -1, 64)
	}
	for _, s := range list {
		for _, c := range s.Claims {
			_ = cw.Write([]string{s.ID, s.Title, c.ID, c.Article, c.Input, c.Outlet, c.Date, strconv.FormatBool(c.DateEstimated), c.Text,
				f(c.Value), f(c.Low), f(c.High), string(c.Bound), string(c.Modality), c.Source, c.SourceID, string(c.Relation), c.RelayOf})
		}
	}
	cw.Flush()
	return cw.Error()
}
