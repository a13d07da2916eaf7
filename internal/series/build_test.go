package series

import (
	"testing"

	"github.com/dossier-news/dossier"
)

func cl(id, article, origin, date string, v float64, b dossier.Bound, m dossier.Modality) dossier.Claim {
	return dossier.Claim{ID: id, Article: article, Origin: origin, Date: date, Value: &v, Bound: b, Modality: m}
}

func TestRelations(t *testing.T) {
	f, e, p := dossier.ModalityFact, dossier.ModalityEstimate, dossier.ModalityPossible
	x, about, atLeast := dossier.BoundExact, dossier.BoundAbout, dossier.BoundAtLeast
	tests := []struct {
		name   string
		event  string
		claims []dossier.Claim
		want   []dossier.ClaimRelation
	}{
		{"a relay of the same report", "send", []dossier.Claim{
			cl("a", "A", "outlet:reuters", "2024-11-01", 1000, x, f), cl("b", "B", "outlet:reuters", "2024-11-02", 1000, x, f)},
			[]dossier.ClaimRelation{"", dossier.ClaimRelays}},
		{"another source agrees", "send", []dossier.Claim{
			cl("a", "A", "org:a", "2024-11-01", 1000, x, f), cl("b", "B", "org:b", "2024-11-02", 1050, about, f)},
			[]dossier.ClaimRelation{"", dossier.ClaimAgrees}},
		{"growth updates, the same source revises down", "casualties", []dossier.Claim{
			cl("a", "A", "org:a", "2024-11-01", 100, x, f), cl("b", "B", "org:b", "2024-11-03", 150, x, f), cl("c", "C", "org:a", "2024-11-04", 90, x, f)},
			[]dossier.ClaimRelation{"", dossier.ClaimUpdates, dossier.ClaimRevises}},
		{"disjoint the same day contradicts", "casualties", []dossier.Claim{
			cl("a", "A", "org:a", "2024-11-01", 100, x, f), cl("b", "B", "org:b", "2024-11-01", 300, x, e)},
			[]dossier.ClaimRelation{"", dossier.ClaimContradicts}},
		{"a lower count days later from another contradicts", "casualties", []dossier.Claim{
			cl("a", "A", "org:a", "2024-11-01", 300, x, f), cl("b", "B", "org:b", "2024-11-03", 100, x, f)},
			[]dossier.ClaimRelation{"", dossier.ClaimContradicts}},
		{"a projection never contradicts", "send", []dossier.Claim{
			cl("a", "A", "org:a", "2024-11-01", 1000, x, f), cl("b", "B", "org:b", "2024-11-01", 100000, dossier.BoundAtMost, p)},
			[]dossier.ClaimRelation{"", dossier.ClaimProjects}},
		{"an open bound is updated by a larger count", "casualties", []dossier.Claim{
			cl("a", "A", "org:a", "2024-11-01", 135, atLeast, f), cl("b", "B", "outlet:reuters", "2024-11-04", 190, x, f)},
			[]dossier.ClaimRelation{"", dossier.ClaimUpdates}},
		{"far apart, larger: an update", "send", []dossier.Claim{
			cl("a", "A", "org:a", "2024-10-01", 1500, x, f), cl("b", "B", "org:b", "2024-11-20", 10000, dossier.BoundMoreThan, f)},
			[]dossier.ClaimRelation{"", dossier.ClaimUpdates}},
	}
	for _, tt := range tests {
		s := Build(Key{Concept: "soldier", Event: tt.event}, tt.claims)
		for i, c := range s.Claims {
			if c.Relation != tt.want[i] {
				t.Errorf("%s: claim %s is %q, want %q", tt.name, c.ID, c.Relation, tt.want[i])
			}
		}
		if tt.want[len(tt.want)-1] == dossier.ClaimContradicts && len(s.Contradictions) != 1 {
			t.Errorf("%s: contradictions %+v", tt.name, s.Contradictions)
		}
	}
}

func TestSummary(t *testing.T) {
	f := dossier.ModalityFact
	s := Build(Key{Concept: "soldier", Event: "send"}, []dossier.Claim{
		cl("a", "A", "org:a", "2024-10-01", 1500, dossier.BoundExact, f),
		cl("b", "B", "org:b", "2024-11-20", 10000, dossier.BoundMoreThan, f),
		cl("c", "C", "org:c", "2024-11-21", 11000, dossier.BoundAbout, f),
		cl("d", "D", "org:b", "2024-11-22", 100000, dossier.BoundAtMost, dossier.ModalityPossible),
		cl("e", "E", "org:c", "2024-11-23", 11000, dossier.BoundAbout, f),
	})
	sm := s.Summary
	if sm.Low == nil || *sm.Low != 10000 || *sm.High != 11000 || *sm.Best != 10000 || *sm.ProjectionHigh != 100000 || sm.Sources != 3 || sm.AsOf != "2024-11-23" {
		t.Errorf("summary %+v (low %v high %v best %v)", sm, *sm.Low, *sm.High, *sm.Best)
	}
}
