package query

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/entity"
)

// EntityID resolves what a user typed to an entity id: an id as is
// ("country:KP"), else any of an entity's names in French or English
// ("Corée du Nord", "Pyongyang", "nord-coréens"), case and accents
// folded, else the id a person of that name would have.
func EntityID(name string) (string, error) {
	ids, err := entityCandidates(name, false)
	if err != nil {
		return "", err
	}
	return ids[0], nil
}

// entityCandidates: the ids name may mean, most likely first; the last is
// the id a person of that name would have. A figure filter wants what the
// name stands for in a text ("Pyongyang" for North Korea), a lookup the
// entity that has the name (the city) first: named says which.
func entityCandidates(name string, named bool) ([]string, error) {
	name = strings.TrimSpace(name)
	if strings.Contains(name, ":") {
		return []string{name}, nil
	}
	l, err := entity.Default()
	if err != nil {
		return nil, err
	}
	var ids []string
	ms, _ := l.Find(name)
	if r, size := utf8.DecodeRuneInString(name); len(ms) == 0 && size > 0 {
		ms, _ = l.Find(string(unicode.ToUpper(r)) + name[size:]) // "corée du nord", "état-major ukrainien"
	}
	if len(ms) > 0 {
		ids = append(ids, ms[0].Entity)
	}
	var byName []string
	for _, e := range l.Lookup(name) {
		byName = append(byName, e.ID)
	}
	if named {
		ids = append(byName, ids...)
	} else {
		ids = append(ids, byName...)
	}
	return append(ids, "person:"+entity.Slug(name)), nil
}

// EntityView is an entity with the figures it is subject or source of.
type EntityView struct {
	dossier.EntitySummary
	Figures []dossier.Figure `json:"figures"`
	// Others are the other stored entities that go by the same name
	// ("Paris" the city and "Paris" for France's government).
	Others []string `json:"others,omitempty"`
}

// ErrNoEntity says no stored article mentions the entity asked for.
type ErrNoEntity struct{ Name, ID string }

func (e *ErrNoEntity) Error() string {
	return fmt.Sprintf("no stored article mentions %q (looked up as %s, and among the names and spellings seen)", e.Name, e.ID)
}

// Is makes an ErrNoEntity a dossier.ErrNotFound.
func (e *ErrNoEntity) Is(target error) bool { return target == dossier.ErrNotFound }

// Entity finds an entity by id, by any of its names, or by any spelling
// the stored articles were seen using ("Castaner" for Christophe
// Castaner), case and accents folded; with its figures.
func Entity(ctx context.Context, s dossier.Store, name string) (*EntityView, error) {
	ids, err := entityCandidates(name, true)
	if err != nil {
		return nil, err
	}
	var found *dossier.EntitySummary
	var others []string
	for _, id := range ids {
		e, err := s.Entity(ctx, id)
		if errors.Is(err, dossier.ErrNotFound) || err == nil && e.Mentions == 0 {
			continue
		}
		if err != nil {
			return nil, err
		}
		if found == nil {
			found = e
		} else if e.ID != found.ID && !contains(others, e.ID) {
			others = append(others, e.ID)
		}
	}
	if found == nil && !strings.Contains(name, ":") {
		// the spellings seen in the store, most mentioned entity first
		es, err := s.Entities(ctx, dossier.EntityFilter{})
		if err != nil {
			return nil, err
		}
		k := entity.Fold(name)
		for i := range es {
			if !seenAs(&es[i], k) {
				continue
			}
			if found == nil {
				if found, err = s.Entity(ctx, es[i].ID); err != nil {
					return nil, err
				}
			} else {
				others = append(others, es[i].ID)
			}
		}
	}
	if found == nil {
		return nil, &ErrNoEntity{Name: name, ID: ids[0]}
	}
	figs, err := s.Figures(ctx, dossier.FigureFilter{Entity: found.ID})
	if err != nil {
		return nil, err
	}
	return &EntityView{EntitySummary: *found, Figures: figs, Others: others}, nil
}

// seenAs: the entity has k (folded) as its name, an alias or a spelling
// seen in the texts.
func seenAs(e *dossier.EntitySummary, k string) bool {
	if k == "" {
		return false
	}
	for _, group := range [][]string{{e.Name, e.NameFr}, e.Aliases, e.Seen} {
		for _, n := range group {
			if entity.Fold(n) == k {
				return true
			}
		}
	}
	return false
}

func contains(xs []string, x string) bool {
	for _, y := range xs {
		if y == x {
			return true
		}
	}
	return false
}

// Figures returns stored figures matching f, resolving f.Article (an id
// or prefix) first.
func Figures(ctx context.Context, s dossier.Store, f dossier.FigureFilter) ([]dossier.Figure, error) {
	if f.Article != "" {
		art, err := s.Article(ctx, f.Article)
		if err != nil {
			return nil, err
		}
		f.Article = art.ID
	}
	return s.Figures(ctx, f)
}
