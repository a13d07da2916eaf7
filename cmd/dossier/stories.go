package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/query"
	"github.com/spf13/cobra"
)

func (a *app) copiesCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "copies [ID]",
		Short: "Groups of copies: the original (earliest) and each copy with its relation",
		Long: `Groups of copies. Each group has its original (the earliest article, or an outside source
named by a source: link or a cited report) and its copies, each with how it relates:
identical (the same clean text read from another input), near-duplicate (lightly reworded,
same figures), updated (nearly the same text, changed figures), translated (another
language, same numbers, names and dates), cites (names the original as its source).
With ID, only the group of that article. --format jsonl gives per group original and
copies (each with id and relation).`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.storeFor(cmd, "table", "json", "jsonl")
			if err != nil {
				return err
			}
			defer s.Close()
			var groups []dossier.CopyGroup
			if len(args) == 1 {
				_, groups, err = query.ArticleCopies(cmd.Context(), s, args[0])
			} else {
				groups, err = query.CopyGroups(cmd.Context(), s)
			}
			if err != nil {
				return err
			}
			if a.format != "table" {
				return emit(a.stdout, a.format, groups)
			}
			for _, g := range groups {
				if g.External {
					fmt.Fprintf(a.stdout, "%s  (outside source%s)\n", g.Original, map[bool]string{true: ": " + g.OriginalTitle}[g.OriginalTitle != ""])
				} else {
					fmt.Fprintf(a.stdout, "%s  %s\n", g.Original, g.OriginalTitle)
				}
				for _, m := range g.Copies {
					fmt.Fprintf(a.stdout, "  └ %-14s %-12s %.2f  %s  %s\n", m.Relation, m.ID, m.Score, dash(m.Date), truncate(dash(m.Outlet)+"  "+m.Input, 70))
				}
			}
			if len(groups) == 0 {
				fmt.Fprintln(a.stderr, "no copies found")
			}
			return nil
		},
	}
	a.addFormat(c, "table|json|jsonl")
	return c
}

func (a *app) storiesCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "stories",
		Short: "Stories: title, date span, article and outlet counts, languages, main entities",
		Long: `Stories, largest first. --format jsonl gives per story id, title, articles (ids), outlets,
languages, start, end and entities (main entities, most mentioned first).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.storeFor(cmd, "table", "json", "jsonl")
			if err != nil {
				return err
			}
			defer s.Close()
			sts, err := s.Stories(cmd.Context())
			if err != nil {
				return err
			}
			if a.format != "table" {
				return emit(a.stdout, a.format, sts)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tSTART\tEND\tARTICLES\tOUTLETS\tLANGS\tTITLE\tENTITIES")
			for _, st := range sts {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\t%s\t%s\n", st.ID, dash(st.Start), dash(st.End), len(st.Articles), len(st.Outlets),
					strings.Join(st.Languages, ","), truncate(st.Title, 50), truncate(strings.Join(st.Entities, ", "), 50))
			}
			return tw.Flush()
		},
	}
	a.addFormat(c, "table|json|jsonl")
	return c
}

func (a *app) storyCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "story ID",
		Short: "One story: its articles in time order, with copies folded under their original",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.storeFor(cmd, "table", "json")
			if err != nil {
				return err
			}
			defer s.Close()
			v, err := query.Story(cmd.Context(), s, args[0])
			if err != nil {
				return err
			}
			if a.format == "json" {
				// every group of the store, as this command always gave
				groups, err := query.CopyGroups(cmd.Context(), s)
				if err != nil {
					return err
				}
				return emit(a.stdout, "jsonl", []any{struct {
					dossier.Story
					Copies []dossier.CopyGroup `json:"copies"`
				}{v.Story, groups}})
			}
			st := v.Story
			fmt.Fprintf(a.stdout, "story:     %s\ntitle:     %s\ndates:     %s .. %s\noutlets:   %s\nlanguages: %s\nentities:  %s\n\n",
				st.ID, st.Title, dash(st.Start), dash(st.End), strings.Join(st.Outlets, ", "), strings.Join(st.Languages, ", "), strings.Join(st.Entities, ", "))
			for _, it := range v.Items {
				fmt.Fprintf(a.stdout, "%s  %-10s  %-20s %s  %s\n", it.ID, dash(it.Date), truncate(dash(it.Outlet), 20), it.Lang, truncate(query.Headline(it.Summary), 60))
				for _, c := range it.Copies {
					fmt.Fprintf(a.stdout, "    └ %-14s %s  %s  %s  %s\n", c.Relation, c.ID, dash(c.Date), truncate(dash(c.Outlet), 20), c.Lang)
				}
			}
			ser, err := s.Series(cmd.Context(), dossier.SeriesFilter{Story: st.ID})
			if err != nil {
				return err
			}
			if len(ser) > 0 {
				fmt.Fprintf(a.stdout, "\nSeries (%d, dossier series ID):\n", len(ser))
				for _, v := range ser {
					fmt.Fprintf(a.stdout, "  %s  %-3d claims  %-12s latest %-28s %s\n", v.ID, v.Summary.Claims, when(v.Summary.AsOf, v.Summary.AsOfEstimated), latest(v.Summary), truncate(v.Title, 50))
				}
			}
			return nil
		},
	}
	a.addFormat(c, "table|json")
	return c
}
