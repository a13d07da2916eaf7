package query

import (
	"context"
	"fmt"
	"strings"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/chart"
	"github.com/dossier-news/dossier/internal/series"
)

func snum(p *float64) string {
	if p == nil {
		return "-"
	}
	return series.Number(*p)
}

// SeriesLatest reads a summary's latest range: "10,000..11,000 (best 10,500)".
func SeriesLatest(s dossier.SeriesSummary) string {
	if s.Best == nil {
		return "-"
	}
	if s.Low != nil && s.High != nil && *s.Low != *s.High {
		return fmt.Sprintf("%s..%s (best %s)", snum(s.Low), snum(s.High), snum(s.Best))
	}
	return snum(s.Best)
}

// SeriesProjections reads the range of a summary's projections.
func SeriesProjections(s dossier.SeriesSummary) string {
	if s.ProjectionLow == nil || s.ProjectionHigh == nil {
		return "-"
	}
	if *s.ProjectionLow == *s.ProjectionHigh {
		return "up to " + snum(s.ProjectionHigh)
	}
	return snum(s.ProjectionLow) + ".." + snum(s.ProjectionHigh)
}

// StorySeries returns the series of a story (its id), most claimed first,
// with their claims.
func StorySeries(ctx context.Context, s dossier.Store, storyID string) ([]dossier.Series, error) {
	l, err := s.Series(ctx, dossier.SeriesFilter{Story: storyID, WithClaims: true})
	if err != nil {
		return nil, err
	}
	// the story filter may match ids by prefix; keep this story's
	out := l[:0]
	for _, v := range l {
		if inStory(v, storyID) {
			out = append(out, v)
		}
	}
	return out, nil
}

func inStory(v dossier.Series, id string) bool {
	for _, c := range v.Claims {
		if c.Story == id {
			return true
		}
	}
	for _, st := range v.Stories {
		if st == id {
			return true
		}
	}
	return len(v.Claims) == 0
}

// Anchor is a claim's id as an HTML id and URL fragment ("#" is neither).
func Anchor(claimID string) string {
	return "claim-" + strings.NewReplacer("#", "-", " ", "-").Replace(claimID)
}

// Marks are a series' claims as timeline marks: contradictions from the
// series' pairs, relays joined to what they relay.
func Marks(v *dossier.Series) []chart.Mark {
	contra := map[string][]string{}
	for _, x := range v.Contradictions {
		contra[x.A] = append(contra[x.A], strings.TrimPrefix(Anchor(x.B), "claim-"))
		contra[x.B] = append(contra[x.B], strings.TrimPrefix(Anchor(x.A), "claim-"))
	}
	out := make([]chart.Mark, 0, len(v.Claims))
	for _, c := range v.Claims {
		m := chart.Mark{ID: strings.TrimPrefix(Anchor(c.ID), "claim-"), Date: c.Date, Estimated: c.DateEstimated, Value: c.Value, Low: c.Low, High: c.High,
			Bound: c.Bound, Modality: c.Modality, Source: firstOf(c.Origin, c.Source), Outlet: c.Outlet, Text: c.Text, Contradicts: contra[c.ID]}
		if c.RelayOf != "" {
			m.RelayOf = strings.TrimPrefix(Anchor(c.RelayOf), "claim-")
		}
		out = append(out, m)
	}
	return out
}

func firstOf(s ...string) string {
	for _, x := range s {
		if x != "" {
			return x
		}
	}
	return ""
}

// Timeline draws a series' chart.
func Timeline(v *dossier.Series) string {
	return chart.Timeline(v.Title, Marks(v))
}
