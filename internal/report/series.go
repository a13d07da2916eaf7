package report

import (
	"context"
	"encoding/csv"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/chart"
	"github.com/dossier-news/dossier/internal/query"
)

// Series is one series of the story with its chart.
type Series struct {
	dossier.Series
	Latest    string        `json:"latest"`
	Projected string        `json:"projected"`
	Chart     template.HTML `json:"-"`
	Rows      []ClaimRow    `json:"-"`
}

// ClaimRow is a claim as the report's table shows it.
type ClaimRow struct {
	dossier.Claim
	Anchor string
	Value  string
	Relay  bool
	Link   string
}

func loadSeries(ctx context.Context, s dossier.Store, v *query.StoryView) ([]Series, error) {
	l, err := query.StorySeries(ctx, s, v.ID)
	if err != nil {
		return nil, err
	}
	out := make([]Series, 0, len(l))
	for i := range l {
		x := &l[i]
		se := Series{Series: *x, Latest: query.SeriesLatest(x.Summary), Projected: query.SeriesProjections(x.Summary), Chart: template.HTML(query.Timeline(x))}
		ids := map[string]bool{}
		for _, c := range x.Claims {
			ids[c.ID] = true
		}
		relays := map[string][]dossier.Claim{}
		for _, c := range x.Claims {
			if c.RelayOf != "" && ids[c.RelayOf] {
				relays[c.RelayOf] = append(relays[c.RelayOf], c)
			}
		}
		row := func(c dossier.Claim, relay bool) ClaimRow {
			return ClaimRow{Claim: c, Anchor: query.Anchor(c.ID), Value: chart.ValueText(c.Value, c.Low, c.High, c.Bound), Relay: relay}
		}
		for _, c := range x.Claims {
			if c.RelayOf != "" && ids[c.RelayOf] {
				continue
			}
			se.Rows = append(se.Rows, row(c, false))
			for _, r := range relays[c.ID] {
				se.Rows = append(se.Rows, row(r, true))
			}
		}
		out = append(out, se)
	}
	return out, nil
}

func writeSeriesMarkdown(w io.Writer, r *Report) {
	if len(r.Series) == 0 {
		return
	}
	fmt.Fprintf(w, "## Series\n\n")
	for _, s := range r.Series {
		sm := s.Summary
		fmt.Fprintf(w, "### %s\n\n`%s` · as of %s%s · latest %s · projected %s · %d independent sources, %d outlets, %d claims\n\n",
			md(s.Title), s.ID, map[bool]string{true: "about "}[sm.AsOfEstimated], dash(sm.AsOf), s.Latest, s.Projected, sm.Sources, sm.Outlets, sm.Claims)
		fmt.Fprintf(w, "| Date | Value | Modality | Source | Outlet | Relation | Evidence |\n|---|---|---|---|---|---|---|\n")
		for _, c := range s.Rows {
			d := dash(c.Date)
			if c.DateEstimated {
				d = "~" + d
			}
			if c.Relay {
				d = "└ " + d
			}
			ev := md(strings.Join(strings.Fields(c.Sentence), " "))
			if u := r.Link(c.Article); strings.HasPrefix(u, "http") {
				ev += " [article](" + mdURL(u) + ")"
			} else {
				ev += " `" + c.Article + "`"
			}
			fmt.Fprintf(w, "| %s | %s | %s | %s | %s | %s | %s |\n", d, md(c.Value), c.Modality, md(dash(c.Source)), md(dash(c.Outlet)), dash(string(c.Relation)), ev)
		}
		if len(s.Contradictions) > 0 {
			fmt.Fprintf(w, "\nContradictions:\n\n")
			for _, x := range s.Contradictions {
				fmt.Fprintf(w, "- %s (`%s` against `%s`)\n", md(x.Reason), x.A, x.B)
			}
		}
		fmt.Fprintln(w)
	}
}

// writeSeriesCSV writes the claims of the series and returns the figures
// they are, by key.
func writeSeriesCSV(cw *csv.Writer, r *Report) map[string]bool {
	done := map[string]bool{}
	for _, s := range r.Series {
		for _, c := range s.Claims {
			done[figKey(c.Article, c.Start, c.End, c.Field)] = true
			cw.Write([]string{s.ID, s.Title, c.ID, c.Article, c.Input, c.Outlet, c.Date, strconv.FormatBool(c.DateEstimated), c.Text, num(c.Value), num(c.Low), num(c.High),
				string(c.Bound), s.Thing, s.Unit, string(c.Modality), c.Source, string(c.Relation), c.RelayOf, c.Sentence, r.Link(c.Article)})
		}
	}
	return done
}
