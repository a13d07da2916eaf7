package main

import (
	"fmt"
	"strings"

	"github.com/spf13/cobra"
)

func (a *app) searchCmd() *cobra.Command {
	var limit int
	c := &cobra.Command{
		Use:   "search QUERY",
		Short: "Full-text search with snippets (accents and French elisions ignored: \"l'armée\" finds \"armee\")",
		Long: `Full-text search over titles and texts. Words are ANDed; "quoted words" are a phrase;
a trailing * matches a prefix (ukrain*). Accents and case are ignored, and French elisions
are dropped, so "l'armée" finds "armée" and "armee".`,
		Args: cobra.MinimumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.storeFor(cmd, "table", "json", "jsonl")
			if err != nil {
				return err
			}
			defer s.Close()
			q := joinArgs(args)
			hits, err := s.Search(cmd.Context(), q, limit)
			if err != nil {
				return err
			}
			if a.format != "table" {
				return emit(a.stdout, a.format, hits)
			}
			for _, h := range hits {
				fmt.Fprintf(a.stdout, "%s  %s  %s  %s\n    %s\n", h.ID, dash(h.Date), dash(h.Outlet), h.Title, strings.Join(strings.Fields(h.Snippet), " "))
			}
			if len(hits) == 0 {
				fmt.Fprintf(a.stderr, "no article matches %q\n", q)
			}
			return nil
		},
	}
	a.addFormat(c, "table|json|jsonl")
	c.Flags().IntVar(&limit, "limit", 20, "at most this many hits")
	return c
}

func joinArgs(args []string) string {
	q := ""
	for i, s := range args {
		if i > 0 {
			q += " "
		}
		q += s
	}
	return q
}
