package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/spf13/cobra"
)

func (a *app) showCmd() *cobra.Command {
	c := &cobra.Command{
		Use:   "show ID",
		Short: "Show one article: metadata, clean text with headings and figures marked, what was removed and why",
		Args:  cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.checkFormat("table", "json", "jsonl"); err != nil {
				return err
			}
			s, err := a.open(cmd.Context())
			if err != nil {
				return err
			}
			defer s.Close()
			art, err := s.Article(cmd.Context(), args[0])
			if err != nil {
				return err
			}
			if art.Removed == nil {
				art.Removed = []dossier.Removed{}
			}
			if art.Figures == nil {
				art.Figures = []dossier.Figure{}
			}
			switch a.format {
			case "json":
				enc := json.NewEncoder(a.stdout)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(art)
			case "jsonl":
				enc := json.NewEncoder(a.stdout)
				enc.SetEscapeHTML(false)
				return enc.Encode(art)
			}
			writeArticle(a.stdout, art)
			return nil
		},
	}
	a.addFormat(c, "table|json|jsonl")
	return c
}

// writeArticle prints an article for reading: headings as "## ", figures
// in [[double brackets]] with their reading after the paragraph.
func writeArticle(w io.Writer, art *dossier.Article) {
	fmt.Fprintf(w, "id:      %s\ninput:   %s\ntitle:   %s\noutlet:  %s\n", art.ID, art.Input, art.Title, dash(art.Outlet))
	fmt.Fprintf(w, "site:    %s\nauthor:  %s\ndate:    %s\nlang:    %s\n", dash(art.Site), dash(art.Author), dash(art.Date), art.Lang)
	if art.SourceURL != "" {
		fmt.Fprintf(w, "source:  %s\n", art.SourceURL)
	}
	if len(art.Tags) > 0 {
		fmt.Fprintf(w, "tags:    %s\n", strings.Join(art.Tags, ", "))
	}
	fmt.Fprintln(w)
	for _, p := range art.Paragraphs {
		text := markFigures(art.Text, p, art.Figures)
		if p.Heading {
			fmt.Fprintf(w, "## %s\n\n", text)
		} else {
			fmt.Fprintf(w, "%s\n\n", text)
		}
	}
	if len(art.Figures) > 0 {
		fmt.Fprintf(w, "Figures (%d):\n", len(art.Figures))
		for _, f := range art.Figures {
			fmt.Fprintf(w, "  [[%s]]  %s\n", f.Text, describe(f))
		}
		fmt.Fprintln(w)
	}
	if len(art.Removed) > 0 {
		fmt.Fprintf(w, "Removed (%d lines):\n", len(art.Removed))
		for _, r := range art.Removed {
			fmt.Fprintf(w, "  line %-3d %-11s %-40s %q\n", r.Line, r.Label, r.Reason, strings.TrimSpace(r.Text))
		}
	}
}

func markFigures(text string, p dossier.Paragraph, figs []dossier.Figure) string {
	var b strings.Builder
	at := p.Start
	for _, f := range figs {
		if f.Field != "" || f.Start < at || f.End > p.End {
			continue
		}
		b.WriteString(text[at:f.Start])
		b.WriteString("[[" + text[f.Start:f.End] + "]]")
		at = f.End
	}
	b.WriteString(text[at:p.End])
	return b.String()
}

// describe says what a figure reads as, in one line.
func describe(f dossier.Figure) string {
	var parts []string
	num := func(p *float64) string {
		if p == nil {
			return "?"
		}
		return fmt.Sprintf("%g", *p)
	}
	switch f.Bound {
	case dossier.BoundExact:
		parts = append(parts, num(f.Value))
	default:
		parts = append(parts, fmt.Sprintf("%s %s..%s", f.Bound, num(f.Low), num(f.High)))
	}
	if f.Thing != "" {
		parts = append(parts, f.Thing)
	}
	if f.Unit != "" {
		parts = append(parts, f.Unit)
	}
	parts = append(parts, f.Modality)
	for _, kv := range [][2]string{{"subject", f.Subject}, {"event", f.Event}, {"place", f.Place}, {"source", f.Source}, {"time", f.Time}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, "  ")
}
