package main

import (
	"fmt"
	"text/tabwriter"

	"github.com/dossier-news/dossier"
	"github.com/spf13/cobra"
)

func (a *app) listCmd() *cobra.Command {
	var f dossier.ListFilter
	c := &cobra.Command{
		Use:   "list",
		Short: "List stored articles: id, date, outlet, language, title",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.storeFor(cmd, "table", "json", "jsonl")
			if err != nil {
				return err
			}
			defer s.Close()
			l, err := s.List(cmd.Context(), f)
			if err != nil {
				return err
			}
			if a.format != "table" {
				return emit(a.stdout, a.format, l)
			}
			tw := tabwriter.NewWriter(a.stdout, 0, 4, 2, ' ', 0)
			fmt.Fprintln(tw, "ID\tDATE\tOUTLET\tLANG\tFIGURES\tTITLE")
			for _, m := range l {
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", m.ID, articleDate(m), dash(truncate(m.Outlet, 24)), m.Lang, m.Figures, truncate(m.Title, 70))
			}
			return tw.Flush()
		},
	}
	a.addFormat(c, "table|json|jsonl")
	c.Flags().StringVar(&f.Lang, "lang", "", "only articles in this language (ISO 639-1)")
	c.Flags().StringVar(&f.Outlet, "outlet", "", "only articles of this outlet")
	c.Flags().IntVar(&f.Limit, "limit", 0, "at most this many articles")
	return c
}

// dash and truncate shape the fields of tables: both escape them, so
// that a field with a newline or a tab does not break its row.
func dash(s string) string {
	if s == "" {
		return "-"
	}
	return escape(s)
}

func truncate(s string, n int) string {
	s = escape(s)
	r := []rune(s)
	if len(r) <= n {
		return s
	}
	return string(r[:n-1]) + "…"
}

// articleDate is the stated date, or an estimated one marked "~" with its
// range: "~2024-11-01..2024-11-14".
func articleDate(m dossier.Summary) string {
	if m.Date == "" && m.DateEstimated {
		if m.DateLow == m.DateHigh {
			return "~" + m.DateLow
		}
		return "~" + m.DateLow + ".." + m.DateHigh
	}
	return dash(m.Date)
}
