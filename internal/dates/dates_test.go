package dates

import (
	"testing"
	"time"
)

func TestGuess(t *testing.T) {
	read := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	tests := []struct {
		name, text, lang string
		related          []Related
		low, high        string // "" when nothing dates the text
	}{
		{"weekday, day, month, year", "Les renseignements ont indiqué vendredi 18 octobre 2024 que...", "fr", nil, "2024-10-18", "2024-10-31"},
		{"english", "Reuters reported on Wednesday, November 6, 2024, citing officials.", "en", nil, "2024-11-06", "2024-11-19"},
		{"latest of several", "Le 3 mars 2024, puis le 10 mars 2024, les troupes sont arrivées.", "fr", nil, "2024-03-10", "2024-03-23"},
		{"a coming date bounds it", "Le 1er mars 2024, un accord a été signé ; le sommet est prévu le 5 mars 2024.", "fr", nil, "2024-03-01", "2024-03-05"},
		{"a bare day takes a related year", "Depuis le 25 mars, le cessez-le-feu tient.", "fr", []Related{{Date: "2025-02-01", Near: true, Why: "x"}}, "2025-03-25", "2025-04-07"},
		{"a bare day alone dates nothing", "Depuis le 25 mars, le cessez-le-feu tient. Un pacte signé en 2023.", "fr", nil, "", ""},
		{"a year alone dates nothing", "La guerre dure depuis 2022.", "fr", nil, "", ""},
		{"iso", "Mis à jour 2024-05-02 à 10h.", "fr", nil, "2024-05-02", "2024-05-15"},
		{"copy of a dated original", "Texte sans date.", "fr", []Related{{Date: "2024-11-04", After: true, Why: "translated a"}}, "2024-11-04", "2024-11-10"},
		{"copy and text", "Lundi 4 novembre 2024, le ministère a parlé.", "fr", []Related{{Date: "2024-11-05", After: true, Why: "translated a"}}, "2024-11-05", "2024-11-11"},
		{"a weekday finds the year from the text's", "Signé en 2023. Vendredi 18 octobre, les troupes sont parties.", "fr", nil, "2024-10-18", "2024-10-31"},
		{"may is a verb", "Officials may 5 more days.", "en", nil, "", ""},
		{"after the reading is ahead", "The vote is on March 3, 2027.", "en", nil, "", ""},
		{"the report it repeats", "Bloomberg dit 100 000.", "fr", []Related{{Date: "2024-11-10", Near: true, Why: "repeats"}}, "2024-10-28", "2024-11-23"},
	}
	for _, tt := range tests {
		e, ok := Guess("", tt.text, tt.lang, tt.related, read)
		if tt.low == "" {
			if ok {
				t.Errorf("%s: got %s..%s (%s), want no estimate", tt.name, e.Low, e.High, e.Reason)
			}
			continue
		}
		if !ok || e.Low != tt.low || e.High != tt.high || e.Reason == "" {
			t.Errorf("%s: got %s..%s %v (%s), want %s..%s", tt.name, e.Low, e.High, ok, e.Reason, tt.low, tt.high)
		}
	}
}

func TestSpanAndEstimate(t *testing.T) {
	for in, want := range map[string][2]string{"2024-11-05": {"2024-11-05", "2024-11-05"}, "2024-11": {"2024-11-01", "2024-11-30"}, "2024": {"2024-01-01", "2024-12-31"}} {
		lo, hi, ok := Span(in)
		if !ok || lo.Format(Day) != want[0] || hi.Format(Day) != want[1] {
			t.Errorf("Span(%q) = %s..%s %v, want %v", in, lo.Format(Day), hi.Format(Day), ok, want)
		}
	}
	if _, _, ok := Span("vendredi"); ok {
		t.Errorf("Span of words")
	}
	e := Estimate{Low: "2024-11-01", High: "2024-11-14"}
	if e.Width() != 14 || e.Date() != "2024-11-07" || !e.Holds("2024-11-14") || e.Holds("2024-11-15") || !e.Holds("2024-11") {
		t.Errorf("estimate %+v: width %d, date %s", e, e.Width(), e.Date())
	}
}
