package query

import (
	"context"
	"fmt"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/dedupe"
	"github.com/dossier-news/dossier/internal/entity"
)

// CopyGroups returns every group of copies in the store: each original
// (earliest article, or an outside source) with its copies, exact
// duplicates read from other inputs included.
func CopyGroups(ctx context.Context, s dossier.Store) ([]dossier.CopyGroup, error) {
	links, sightings, err := s.Copies(ctx)
	if err != nil {
		return nil, err
	}
	list, err := s.List(ctx, dossier.ListFilter{})
	if err != nil {
		return nil, err
	}
	info := make(map[string]dossier.Summary, len(list))
	for _, m := range list {
		info[m.ID] = m
	}
	return groups(links, sightings, info), nil
}

// maxClosure bounds how many articles CopyGroupsOf reads to close the
// groups it was asked about: past it the groups are those reached.
const maxClosure = 5000

// CopyGroupsOf returns the groups of copies the articles ids belong to,
// reading only the links that reach them (a story's, an article's): the
// same groups CopyGroups has for them, except that a group around an
// outside source lists only the copies among the articles reached.
func CopyGroupsOf(ctx context.Context, s dossier.Store, ids []string) ([]dossier.CopyGroup, error) {
	groups, _, err := copyGroupsOf(ctx, s, ids)
	return groups, err
}

// copyGroupsOf also returns the summaries it read: those of ids and of
// the articles their groups reach.
func copyGroupsOf(ctx context.Context, s dossier.Store, ids []string) ([]dossier.CopyGroup, map[string]dossier.Summary, error) {
	info := map[string]dossier.Summary{}
	known := map[string]bool{}
	var links []dossier.CopyLink
	var sightings []dossier.Sighting
	seenLink := map[[2]string]bool{}
	frontier := ids
	for len(frontier) > 0 && len(info) < maxClosure {
		sums, err := s.Summaries(ctx, frontier)
		if err != nil {
			return nil, nil, err
		}
		for _, id := range frontier {
			known[id] = true
		}
		var articles []string
		for _, m := range sums {
			info[m.ID] = m
			articles = append(articles, m.ID)
		}
		ls, vs, err := s.CopiesOf(ctx, articles)
		if err != nil {
			return nil, nil, err
		}
		sightings = append(sightings, vs...)
		frontier = nil
		for _, l := range ls {
			if k := [2]string{l.Article, l.Original}; !seenLink[k] {
				seenLink[k] = true
				links = append(links, l)
			}
			for _, id := range []string{l.Article, l.Original} {
				if !known[id] {
					known[id] = true
					frontier = append(frontier, id)
				}
			}
		}
	}
	all := groups(links, sightings, info)
	want := map[string]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []dossier.CopyGroup
	for _, g := range all {
		if want[g.Original] || anyMember(g, want) {
			out = append(out, g)
		}
	}
	return out, info, nil
}

func groups(links []dossier.CopyLink, sightings []dossier.Sighting, info map[string]dossier.Summary) []dossier.CopyGroup {
	groups := dedupe.Groups(links, info)
	if l, err := entity.Default(); err == nil {
		for i, g := range groups {
			if e, ok := l.Entity(g.Original); ok && g.External {
				groups[i].OriginalTitle = e.Name // "outlet:bloomberg" reads "Bloomberg"
			}
		}
	}
	// exact duplicates read from other inputs join their article's group
	for _, v := range sightings {
		if info[v.Article].Input == v.Input {
			continue // the same input read again
		}
		m := dossier.CopyMember{ID: v.Article, Relation: dossier.RelIdentical, Score: 1, Input: v.Input, Outlet: v.Outlet, Date: v.Date}
		placed := false
		for i := range groups {
			if !groups[i].External && (groups[i].Original == v.Article || HasMember(groups[i], v.Article)) {
				groups[i].Copies = append(groups[i].Copies, m)
				placed = true
				break
			}
		}
		if !placed {
			groups = append(groups, dossier.CopyGroup{Original: v.Article, OriginalTitle: info[v.Article].Title, Copies: []dossier.CopyMember{m}})
		}
	}
	return groups
}

// HasMember tells whether id is one of g's copies.
func HasMember(g dossier.CopyGroup, id string) bool {
	for _, m := range g.Copies {
		if m.ID == id {
			return true
		}
	}
	return false
}

func anyMember(g dossier.CopyGroup, ids map[string]bool) bool {
	for _, m := range g.Copies {
		if ids[m.ID] {
			return true
		}
	}
	return false
}

// GroupsOf keeps the groups id is the original or a copy of.
func GroupsOf(groups []dossier.CopyGroup, id string) []dossier.CopyGroup {
	var keep []dossier.CopyGroup
	for _, g := range groups {
		if g.Original == id || HasMember(g, id) {
			keep = append(keep, g)
		}
	}
	return keep
}

// ArticleCopies returns the groups of one article (by id or prefix).
func ArticleCopies(ctx context.Context, s dossier.Store, id string) (*dossier.Article, []dossier.CopyGroup, error) {
	art, err := s.Article(ctx, id)
	if err != nil {
		return nil, nil, err
	}
	gs, err := CopyGroupsOf(ctx, s, []string{art.ID})
	if err != nil {
		return nil, nil, fmt.Errorf("copies of %s: %w", art.ID, err)
	}
	return art, GroupsOf(gs, art.ID), nil
}
