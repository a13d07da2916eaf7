package query

import (
	"context"

	"github.com/dossier-news/dossier"
)

// StoryView is a story assembled for reading: its articles in time order,
// each copy folded under its original when the original is in the story.
type StoryView struct {
	dossier.Story
	Items []StoryItem `json:"items"`
	// Groups are the groups of copies the story's articles belong to.
	Groups []dossier.CopyGroup `json:"groups"`
}

// StoryItem is one article of a story with the copies folded under it.
type StoryItem struct {
	dossier.Summary
	Copies []FoldedCopy `json:"copies"`
}

// FoldedCopy is a copy shown under its original.
type FoldedCopy struct {
	dossier.Summary
	Relation dossier.Relation `json:"relation"`
}

// Story loads one story (by id or unique prefix) with its articles in one
// read and its copies folded.
func Story(ctx context.Context, s dossier.Store, id string) (*StoryView, error) {
	st, err := s.Story(ctx, id)
	if err != nil {
		return nil, err
	}
	groups, info, err := copyGroupsOf(ctx, s, st.Articles)
	if err != nil {
		return nil, err
	}
	sums := make([]dossier.Summary, 0, len(st.Articles))
	for _, id := range st.Articles {
		if m, ok := info[id]; ok {
			sums = append(sums, m)
		}
	}
	return &StoryView{Story: *st, Items: Fold(st, sums, groups), Groups: groups}, nil
}

// Fold orders a story's summaries with each copy (not an exact duplicate,
// which has no article of its own) under its original, when the original
// is in the story too; a copy of an article outside the story stands alone.
func Fold(st *dossier.Story, sums []dossier.Summary, groups []dossier.CopyGroup) []StoryItem {
	copyOf := map[string]dossier.CopyMember{}
	originalOf := map[string]string{}
	for _, g := range groups {
		if g.External {
			continue
		}
		for _, m := range g.Copies {
			if m.Relation != dossier.RelIdentical {
				copyOf[m.ID] = m
				originalOf[m.ID] = g.Original
			}
		}
	}
	by := make(map[string]dossier.Summary, len(sums))
	for _, m := range sums {
		by[m.ID] = m
	}
	in := map[string]bool{}
	for _, id := range st.Articles {
		in[id] = true
	}
	var out []StoryItem
	for _, id := range st.Articles {
		if _, isCopy := copyOf[id]; isCopy && in[originalOf[id]] {
			continue // shown under its original
		}
		m, ok := by[id]
		if !ok {
			continue
		}
		it := StoryItem{Summary: m, Copies: []FoldedCopy{}}
		for _, cid := range st.Articles {
			if originalOf[cid] == id {
				if c, ok := by[cid]; ok {
					it.Copies = append(it.Copies, FoldedCopy{Summary: c, Relation: copyOf[cid].Relation})
				}
			}
		}
		out = append(out, it)
	}
	return out
}

// Headline is an article's title, or for one without its first words.
func Headline(m dossier.Summary) string {
	if m.Title != "" {
		return m.Title
	}
	return "(no title) " + m.Lead
}
