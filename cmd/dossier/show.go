package main

import (
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"sort"
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
			s, err := a.storeFor(cmd, "table", "json", "jsonl")
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
// in [[double brackets]], entity mentions in ⟨angle brackets⟩, and the
// readings of figures, provenance, entities and removed lines after the text.
func writeArticle(w io.Writer, art *dossier.Article) {
	fmt.Fprintf(w, "id:      %s\ninput:   %s\ntitle:   %s\noutlet:  %s\n", art.ID, art.Input, art.Title, dash(art.Outlet))
	fmt.Fprintf(w, "site:    %s\nauthor:  %s\ndate:    %s\nlang:    %s\n", dash(art.Site), dash(art.Author), articleDate(art.Summarize()), art.Lang)
	if art.DateEstimated {
		fmt.Fprintf(w, "         (estimated: %s)\n", art.DateReason)
	}
	if art.SourceURL != "" {
		fmt.Fprintf(w, "source:  %s\n", art.SourceURL)
	}
	if len(art.Tags) > 0 {
		fmt.Fprintf(w, "tags:    %s\n", strings.Join(art.Tags, ", "))
	}
	if art.Limited != "" {
		fmt.Fprintf(w, "limited: %s\n", art.Limited)
	}
	if art.Deferred {
		fmt.Fprintln(w, `analysis deferred: run "dossier analyse" for its entities, figures, copies and story`)
	}
	fmt.Fprintln(w)
	for _, p := range art.Paragraphs {
		text := mark(art.Text, p, art.Figures, art.Mentions)
		if p.Heading {
			fmt.Fprintf(w, "## %s\n\n", text)
		} else {
			fmt.Fprintf(w, "%s\n\n", text)
		}
	}
	if len(art.Citations) > 0 {
		fmt.Fprintf(w, "Provenance: %s\n", provenance(art.Citations))
		for _, c := range art.Citations {
			fmt.Fprintf(w, "  %-7s %-24s %q\n", c.Kind, c.Name, c.Text)
		}
		fmt.Fprintln(w)
	}
	if len(art.Mentions) > 0 {
		fmt.Fprintf(w, "Entities (%d mentions): %s\n\n", len(art.Mentions), entityList(art.Mentions))
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

// mark writes paragraph p with its figures and entity mentions marked;
// where they overlap, the figure wins.
func mark(text string, p dossier.Paragraph, figs []dossier.Figure, ms []dossier.Mention) string {
	type span struct {
		start, end  int
		open, close string
		prio        int
	}
	var spans []span
	for _, f := range figs {
		if f.Field == "" && f.Start >= p.Start && f.End <= p.End {
			spans = append(spans, span{f.Start, f.End, "[[", "]]", 0})
		}
	}
	for _, m := range ms {
		if m.Start >= p.Start && m.End <= p.End {
			spans = append(spans, span{m.Start, m.End, "⟨", "⟩", 1})
		}
	}
	sort.Slice(spans, func(i, j int) bool {
		if spans[i].start != spans[j].start {
			return spans[i].start < spans[j].start
		}
		return spans[i].prio < spans[j].prio
	})
	var b strings.Builder
	at := p.Start
	for _, s := range spans {
		if s.start < at {
			continue // overlaps what is already marked
		}
		b.WriteString(text[at:s.start])
		b.WriteString(s.open + text[s.start:s.end] + s.close)
		at = s.end
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
	parts = append(parts, string(f.Modality))
	for _, kv := range [][2]string{{"subject", f.Subject}, {"event", f.Event}, {"place", f.Place}, {"source", f.Source}, {"time", f.Time}} {
		if kv[1] != "" {
			parts = append(parts, kv[0]+"="+kv[1])
		}
	}
	return strings.Join(parts, "  ")
}

// provenance reads the chain from the first source to this article:
// "Bloomberg → Géo (relays) → this article".
func provenance(cs []dossier.Citation) string {
	var origin, cites, relays []string
	for _, c := range cs {
		switch c.Kind {
		case "source":
			origin = append(origin, c.Name+" (source link)")
		case "relays":
			relays = append(relays, c.Name)
		default:
			cites = append(cites, c.Name)
		}
	}
	chain := append(origin, cites...)
	chain = append(chain, relays...)
	return strings.Join(append(chain, "this article"), " → ")
}

// entityList: each entity once with how often and how it was named.
func entityList(ms []dossier.Mention) string {
	type agg struct {
		n     int
		forms []string
	}
	by := map[string]*agg{}
	var order []string
	for _, m := range ms {
		g, ok := by[m.Entity]
		if !ok {
			g = &agg{}
			by[m.Entity] = g
			order = append(order, m.Entity)
		}
		g.n++
		if !slices.Contains(g.forms, m.Text) {
			g.forms = append(g.forms, m.Text)
		}
	}
	var parts []string
	for _, id := range order {
		parts = append(parts, fmt.Sprintf("%s ×%d (%s)", id, by[id].n, strings.Join(by[id].forms, ", ")))
	}
	return strings.Join(parts, "; ")
}
