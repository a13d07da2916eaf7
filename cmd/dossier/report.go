package main

import (
	"fmt"
	"io"
	"os"
	"slices"

	"github.com/dossier-news/dossier/internal/report"
	"github.com/spf13/cobra"
)

func (a *app) reportCmd() *cobra.Command {
	var format, out string
	c := &cobra.Command{
		Use:   "report STORY",
		Short: "One story's record as a file: html (self-contained), md, csv (the claims) or json",
		Long: `Write one story's record (id or unique prefix, as "dossier stories" lists them).

html is one self-contained file (inline CSS and SVG, no script) with the story's summary,
coverage chart, series charts and tables, copies, and every claim's evidence and link;
md the same as Markdown; csv the claims, one a row; json everything.`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if !slices.Contains(report.Formats, format) {
				return fmt.Errorf("unknown --format %q (want one of %v)", format, report.Formats)
			}
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			r, err := report.Load(cmd.Context(), s, args[0])
			if err != nil {
				return err
			}
			var w io.Writer = a.stdout
			if out != "" && out != "-" {
				f, err := os.Create(out)
				if err != nil {
					return fmt.Errorf("report: %w", err)
				}
				defer f.Close()
				w = f
			}
			if err := report.Write(w, format, r); err != nil {
				return fmt.Errorf("report: %w", err)
			}
			if f, ok := w.(*os.File); ok && f != os.Stdout {
				if err := f.Close(); err != nil {
					return fmt.Errorf("report: %w", err)
				}
				fmt.Fprintf(a.stderr, "wrote %s (%s)\n", out, format)
			}
			return nil
		},
	}
	c.Flags().StringVar(&format, "format", "html", "html, md, csv or json")
	c.Flags().StringVarP(&out, "output", "o", "", "write to this file (default: stdout)")
	return c
}
