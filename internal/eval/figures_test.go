package eval

import (
	"testing"

	"github.com/dossier-news/dossier"
)

func f64(v float64) *float64 { return &v }
func str(s string) *string   { return &s }

// TestMatchesGrader follows grade-figures' rules.
func TestMatchesGrader(t *testing.T) {
	gold := func(thing Alts, unit *string) GoldFigure {
		return GoldFigure{Doc: "a.txt", Value: f64(40e6), Low: f64(40e6), High: f64(40e6), Bound: "exact", Thing: thing, Unit: unit}
	}
	tests := []struct {
		name string
		p    dossier.Figure
		g    GoldFigure
		want bool
	}{
		{"thing agrees", dossier.Figure{Doc: "x/a.txt", Value: f64(40e6), Thing: "soldats"}, gold(Alts{"soldat"}, nil), true},
		{"gloss agrees", dossier.Figure{Doc: "a.txt", Value: f64(40e6), Thing: "militaire", Gloss: "soldier"}, gold(Alts{"soldier"}, nil), true},
		{"thing differs, unit alias agrees", dossier.Figure{Doc: "a.txt", Value: f64(40e6), Unit: "€"}, gold(Alts{"dégâts", "euro"}, str("EUR")), true},
		{"unit differs", dossier.Figure{Doc: "a.txt", Value: f64(40e6), Unit: "USD"}, gold(nil, str("EUR")), false},
		{"no unit predicted", dossier.Figure{Doc: "a.txt", Value: f64(40e6), Thing: "x"}, gold(nil, str("EUR")), false},
		{"other document", dossier.Figure{Doc: "b.txt", Value: f64(40e6), Unit: "EUR"}, gold(nil, str("EUR")), false},
		{"other value", dossier.Figure{Doc: "a.txt", Value: f64(4e6), Unit: "EUR"}, gold(nil, str("EUR")), false},
		{"pct is percent", dossier.Figure{Doc: "a.txt", Value: f64(40e6), Unit: "pct"}, gold(nil, str("%")), true},
		{"neither thing nor unit in gold", dossier.Figure{Doc: "a.txt", Value: f64(40e6)}, gold(nil, nil), true},
	}
	for _, tt := range tests {
		if got := Matches(tt.p, tt.g); got != tt.want {
			t.Errorf("%s: Matches = %v, want %v", tt.name, got, tt.want)
		}
	}
}

func TestFiguresScores(t *testing.T) {
	gold := []GoldFigure{
		{Doc: "fr.txt", Value: f64(3), Bound: "exact", Thing: Alts{"mort"}, Modality: Alts{"fact"}, Source: Alts{"police"}, Subject: Alts{"Kaboul"}},
		{Doc: "fr.txt", Value: f64(5), Bound: "about", Thing: Alts{"blessé"}, Modality: Alts{"estimate", "fact"}},
	}
	preds := []dossier.Figure{
		{Doc: "fr.txt", Value: f64(3), Bound: "exact", Thing: "mort", Modality: "fact", Source: "la police de Kaboul", Subject: "Kaboul"},
		{Doc: "fr.txt", Value: f64(5), Bound: "exact", Thing: "blessé", Modality: "fact"},
		{Doc: "fr.txt", Value: f64(9), Thing: "maison"},
	}
	r := Figures(gold, preds)
	if r.Matched != 2 || r.Bound != 0.5 || r.Modality != 1 || r.Source != 1 || r.Subject != 1 || r.NSubject != 1 {
		t.Errorf("report %+v", r)
	}
	by := ByLanguage(gold, preds, func(string) string { return "fr" })
	if len(by) != 1 || by["fr"].Matched != 2 {
		t.Errorf("by language %+v", by)
	}
}
