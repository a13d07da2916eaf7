package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/query"
	"github.com/spf13/cobra"
)

func (a *app) entitiesCmd() *cobra.Command {
	var f dossier.EntityFilter
	c := &cobra.Command{
		Use:   "entities",
		Short: "Entities (people, organisations, places, countries, outlets) with mention counts and aliases",
		Long: `List the entities mentioned in stored articles, most mentioned first, with the spellings
seen (the first four in the table, and how many more). Places are cities, regions, streets and
sites, linked to their country; --type place lists them. --format jsonl gives per entity id,
name, name_fr, type, aliases, seen, mentions (count) and articles (ids).`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			switch f.Type {
			case "", dossier.EntityPerson, dossier.EntityOrganisation, dossier.EntityPlace, dossier.EntityCountry, dossier.EntityOutlet:
			default:
				return fmt.Errorf("unknown --type %q (want person, organisation, place, country or outlet)", f.Type)
			}
			s, err := a.storeFor(cmd, "table", "json", "jsonl")
			if err != nil {
				return err
			}
			defer s.Close()
			if f.Article != "" {
				art, err := s.Article(cmd.Context(), f.Article)
				if err != nil {
					return err
				}
				f.Article = art.ID
			}
			es, err := s.Entities(cmd.Context(), f)
			if err != nil {
				return err
			}
			if a.format != "table" {
				return emit(a.stdout, a.format, es)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tTYPE\tNAME\tMENTIONS\tARTICLES\tSEEN AS")
			for _, e := range es {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%d\t%d\t%s\n", e.ID, e.Type, e.Name, e.Mentions, len(e.Articles), truncate(cut(e.Seen, 4, ", "), 80))
			}
			return tw.Flush()
		},
	}
	a.addFormat(c, "table|json|jsonl")
	c.Flags().StringVar((*string)(&f.Type), "type", "", "only this type: person, organisation, place, country, outlet")
	c.Flags().StringVar(&f.Article, "article", "", "only the entities of this article (id or prefix)")
	return c
}

// cut joins the first n items and says how many more there are:
// "a, b, c … and 1,870 more".
func cut(items []string, n int, sep string) string {
	if len(items) <= n {
		return strings.Join(items, sep)
	}
	return strings.Join(items[:n], sep) + " … and " + thousands(len(items)-n) + " more"
}

// thousands writes n with comma separators: 1870 is "1,870".
func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (a *app) entityCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "entity NAME",
		Short: "One entity: aliases, spellings seen, articles, and the figures it is subject or source of",
		Long: `Show one entity, found by id ("country:KP"), by any of its names in French or English
("Corée du Nord", "North Korea", "nord-coréens", "l'OTAN", "Moscou"/"Moscow" the city), or by
any spelling the stored articles use ("Castaner"), case and accents folded ("kharkiv",
"elysee"). Long lists are cut with a count; --format json gives them all.`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			name := joinArgs(args)
			s, err := a.storeFor(cmd, "table", "json")
			if err != nil {
				return err
			}
			defer s.Close()
			v, err := query.Entity(cmd.Context(), s, name)
			if err != nil {
				return err
			}
			e, figs := &v.EntitySummary, v.Figures
			if a.format == "json" {
				return emit(a.stdout, "jsonl", []any{v})
			}
			fmt.Fprintf(a.stdout, "id:       %s\ntype:     %s\nname:     %s (fr: %s)\n", e.ID, e.Type, e.Name, e.NameFr)
			if e.ISO != "" {
				fmt.Fprintf(a.stdout, "iso:      %s\n", e.ISO)
			}
			if e.Country != "" {
				fmt.Fprintf(a.stdout, "country:  %s\n", e.Country)
			}
			if e.QID != "" {
				fmt.Fprintf(a.stdout, "wikidata: %s\n", e.QID)
			}
			fmt.Fprintf(a.stdout, "aliases:  %s\nseen as:  %s\nmentions: %d in %d articles: %s\n", cut(e.Aliases, 20, ", "), cut(e.Seen, 20, ", "),
				e.Mentions, len(e.Articles), cut(e.Articles, 12, " "))
			if len(e.Roles) > 0 {
				fmt.Fprintf(a.stdout, "roles:    %s\n", cut(e.Roles, 10, "; "))
			}
			if len(v.Others) > 0 {
				fmt.Fprintf(a.stdout, "also:     %s (other entities of that name)\n", cut(v.Others, 10, ", "))
			}
			if len(figs) > 0 {
				fmt.Fprintf(a.stdout, "\nFigures it is subject or source of (%d):\n", len(figs))
				for _, f := range figs {
					role := "subject"
					if f.SourceID == e.ID {
						role = "source"
					}
					fmt.Fprintf(a.stdout, "  %s  %-7s [[%s]]  %s\n", f.Doc, role, f.Text, describe(f))
				}
			}
			return nil
		},
	}
	a.addFormat(c, "table|json")
	return c
}
