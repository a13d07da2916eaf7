package ingest

import (
	"context"
	"fmt"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dates"
	"github.com/dossier-news/dossier/internal/series"
)

// RecomputeSeries builds every figure series again from the stored
// articles, with their stories and copies, estimating again the dates of
// undated articles, and replaces the stored series in one commit. It is
// what "dossier analyse --series" runs, and what analyse runs by itself on
// a store that has figures but no series yet (one made before them).
// It returns the number of series.
func (p *Pipeline) RecomputeSeries(ctx context.Context) (int, error) {
	sts, err := p.store.Stories(ctx)
	if err != nil {
		return 0, err
	}
	storyOf := map[string]string{}
	for _, st := range sts {
		for _, id := range st.Articles {
			storyOf[id] = st.ID
		}
	}
	links, _, err := p.store.Copies(ctx)
	if err != nil {
		return 0, err
	}
	list, err := p.store.List(ctx, dossier.ListFilter{})
	if err != nil {
		return 0, err
	}
	dateOf := map[string]string{}
	for _, m := range list {
		if m.Date != "" {
			dateOf[m.ID] = m.Date
		}
	}
	stored := make(map[string]bool, len(list))
	for _, m := range list {
		stored[m.ID] = true
	}
	// an outside original ("cites Bloomberg") is no article to fold under
	originals := map[string][]dossier.CopyLink{}
	for _, l := range links {
		if stored[l.Original] {
			originals[l.Article] = append(originals[l.Article], l)
		}
	}
	root := func(id string) string {
		seen := map[string]bool{}
		r := ""
		for cur := id; !seen[cur]; {
			seen[cur] = true
			l, ok := bestOriginal(originals[cur])
			if !ok {
				break
			}
			r, cur = l.Original, l.Original
		}
		return r
	}
	ix := series.NewIndex()
	var b dossier.Batch
	// dated articles first: an undated one is dated by the reports it
	// repeats, as when it arrives after them
	var undated []*dossier.Article
	for pass := 0; pass < 2; pass++ {
		todo := undated
		if pass == 0 {
			todo = nil
			for _, m := range list {
				if m.Deferred || m.Figures == 0 && m.Date != "" {
					continue
				}
				a, err := p.store.Article(ctx, m.ID)
				if err != nil {
					return 0, fmt.Errorf("series: %w", err)
				}
				// the entity records are kept apart from the article
				ents, err := p.store.Entities(ctx, dossier.EntityFilter{Article: a.ID})
				if err != nil {
					return 0, fmt.Errorf("series: %w", err)
				}
				for _, e := range ents {
					a.Entities = append(a.Entities, e.Entity)
				}
				if a.Date == "" {
					undated = append(undated, a)
					continue
				}
				todo = append(todo, a)
			}
		}
		for _, a := range todo {
			d := series.Doc{Article: a, Story: storyOf[a.ID], Date: a.Date, CopyOf: root(a.ID)}
			if a.Date == "" {
				var related []dates.Related
				for _, l := range originals[a.ID] {
					if od := dateOf[l.Original]; od != "" {
						related = append(related, dates.Related{Date: od, After: true, Why: string(l.Relation) + " " + l.Original})
					}
				}
				related = append(related, ix.Reports(d)...)
				read := a.IngestedAt
				if read.IsZero() {
					read = time.Now().UTC()
				}
				if e, ok := dates.Guess(a.Title, a.Text, a.Lang, related, read); ok {
					d.Date, d.DateEstimated = e.Date(), true
					b.Dates = append(b.Dates, dossier.DateEstimate{Article: a.ID, Low: e.Low, High: e.High, Reason: e.Reason})
				}
			}
			ix.Add(d)
		}
	}
	old, err := p.store.Series(ctx, dossier.SeriesFilter{})
	if err != nil {
		return 0, err
	}
	for _, s := range old {
		b.Series = append(b.Series, dossier.SeriesUpdate{Series: dossier.Series{ID: s.ID}, Delete: true})
	}
	b.Series = append(b.Series, ix.Take()...)
	if _, err := p.store.Write(ctx, b); err != nil {
		return 0, err
	}
	return ix.Len(), nil
}

// NeedsSeries reports whether a store has analysed figures but no series:
// one made before series were kept.
func (p *Pipeline) NeedsSeries(ctx context.Context) (bool, error) {
	s, err := p.store.Series(ctx, dossier.SeriesFilter{Limit: 1})
	if err != nil || len(s) > 0 {
		return false, err
	}
	figs, err := p.store.Figures(ctx, dossier.FigureFilter{})
	return len(figs) > 0, err
}

// bestOriginal is the link an article's claims fold under: the highest
// score, then the smallest id (incremental and recomputed series agree).
func bestOriginal(links []dossier.CopyLink) (dossier.CopyLink, bool) {
	var best dossier.CopyLink
	ok := false
	for _, l := range links {
		if !ok || l.Score > best.Score || l.Score == best.Score && l.Original < best.Original {
			best, ok = l, true
		}
	}
	return best, ok
}
