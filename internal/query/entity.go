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
// ("Corée du Nord", "Pyongyang", "nord-coréens"), else the id a person of
// that name would have.
func EntityID(name string) (string, error) {
	name = strings.TrimSpace(name)
	if strings.Contains(name, ":") {
		return name, nil
	}
	l, err := entity.Default()
	if err != nil {
		return "", err
	}
	ms, _ := l.Find(name)
	if r, size := utf8.DecodeRuneInString(name); len(ms) == 0 && size > 0 {
		ms, _ = l.Find(string(unicode.ToUpper(r)) + name[size:]) // "corée du nord", "état-major ukrainien"
	}
	if len(ms) == 0 {
		return "person:" + entity.Slug(name), nil
	}
	return ms[0].Entity, nil
}

// EntityView is an entity with the figures it is subject or source of.
type EntityView struct {
	dossier.EntitySummary
	Figures []dossier.Figure `json:"figures"`
}

// ErrNoEntity says no stored article mentions the entity asked for.
type ErrNoEntity struct{ Name, ID string }

func (e *ErrNoEntity) Error() string {
	return fmt.Sprintf("no stored article mentions %q (looked up as %s)", e.Name, e.ID)
}

// Is makes an ErrNoEntity a dossier.ErrNotFound.
func (e *ErrNoEntity) Is(target error) bool { return target == dossier.ErrNotFound }

// Entity finds an entity by id or name, with its figures.
func Entity(ctx context.Context, s dossier.Store, name string) (*EntityView, error) {
	id, err := EntityID(name)
	if err != nil {
		return nil, err
	}
	e, err := s.Entity(ctx, id)
	if errors.Is(err, dossier.ErrNotFound) {
		return nil, &ErrNoEntity{Name: name, ID: id}
	}
	if err != nil {
		return nil, err
	}
	figs, err := s.Figures(ctx, dossier.FigureFilter{Entity: e.ID})
	if err != nil {
		return nil, err
	}
	return &EntityView{EntitySummary: *e, Figures: figs}, nil
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
