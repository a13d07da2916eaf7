package eval

import (
	"math"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
)

func near(a, b float64) bool { return math.Abs(a-b) < 1e-9 }

func TestPRF(t *testing.T) {
	tests := []struct {
		tp, pred, gold int
		p, r, f        float64
	}{
		{2, 4, 5, 0.5, 0.4, 2 * 0.5 * 0.4 / 0.9},
		{3, 3, 3, 1, 1, 1},
		{0, 0, 0, 0, 0, 0}, // nothing predicted, nothing to find: no division by zero
		{0, 2, 0, 0, 0, 0},
		{0, 0, 4, 0, 0, 0},
		{1, 1, 4, 1, 0.25, 0.4},
	}
	for _, tt := range tests {
		p, r, f := prf(tt.tp, tt.pred, tt.gold)
		if !near(p, tt.p) || !near(r, tt.r) || !near(f, tt.f) {
			t.Errorf("prf(%d, %d, %d) = %.4f %.4f %.4f, want %.4f %.4f %.4f", tt.tp, tt.pred, tt.gold, p, r, f, tt.p, tt.r, tt.f)
		}
	}
}

func TestReadEntityGold(t *testing.T) {
	gold, err := ReadEntityGold(strings.NewReader("# a comment\n\n[Paris|place:paris] et [Lyon|place:lyon].\n"), "g.txt")
	if err != nil {
		t.Fatal(err)
	}
	if len(gold) != 1 || gold[0].Line != 3 || gold[0].Text != "Paris et Lyon." {
		t.Fatalf("got %+v", gold)
	}
	want := []dossier.Mention{{Start: 0, End: 5, Text: "Paris", Entity: "place:paris"}, {Start: 9, End: 13, Text: "Lyon", Entity: "place:lyon"}}
	for i, m := range gold[0].Mentions {
		if m != want[i] {
			t.Errorf("mention %d = %+v, want %+v", i, m, want[i])
		}
	}
	for _, bad := range []string{"[Paris|place:paris", "[Paris] et Lyon"} {
		if _, err := ReadEntityGold(strings.NewReader(bad), "bad.txt"); err == nil || !strings.Contains(err.Error(), "bad.txt:1") {
			t.Errorf("%q: error %v, want one naming bad.txt:1", bad, err)
		}
	}
}

// TestEntities: 2 gold mentions; 3 predicted, of which 2 have the right
// span and 1 the right entity. By hand: detection P 2/3, R 2/2, F1 0.8;
// linking P 1/3, R 1/2, F1 2·(1/3)(1/2)/(1/3+1/2) = 0.4. Lyon is typed an
// organisation where the gold's "place:" says a place: type accuracy 1/2.
func TestEntities(t *testing.T) {
	gold := []GoldSentence{{Line: 1, Text: "Paris et Lyon.", Mentions: []dossier.Mention{
		{Start: 0, End: 5, Text: "Paris", Entity: "place:paris"},
		{Start: 9, End: 13, Text: "Lyon", Entity: "place:lyon"},
	}}}
	r := Entities(gold, func(string) []dossier.Mention {
		return []dossier.Mention{
			{Start: 0, End: 5, Text: "Paris", Entity: "place:paris", Type: dossier.EntityPlace},
			{Start: 9, End: 13, Text: "Lyon", Entity: "org:olympique-lyonnais", Type: dossier.EntityOrganisation},
			{Start: 6, End: 8, Text: "et", Entity: "org:et", Type: dossier.EntityOrganisation},
		}
	})
	if r.Gold != 2 || r.Predicted != 3 || r.SpanMatched != 2 || r.LinkMatched != 1 {
		t.Errorf("counts gold %d predicted %d spans %d links %d, want 2 3 2 1", r.Gold, r.Predicted, r.SpanMatched, r.LinkMatched)
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"detection P", r.DetectP, 2.0 / 3}, {"detection R", r.DetectR, 1}, {"detection F1", r.DetectF1, 0.8},
		{"linking P", r.LinkP, 1.0 / 3}, {"linking R", r.LinkR, 0.5}, {"linking F1", r.LinkF1, 0.4},
		{"type accuracy", r.TypeAccuracy, 0.5},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
		}
	}
	if len(r.Errors) != 3 {
		t.Errorf("errors %q, want the wrong type, the wrong link and the extra", r.Errors)
	}
}

func ptr[T any](v T) *T { return &v }

// TestStories: gold stories {a b} and {c d}; predicted {a b c} and {d}.
//
// Pairwise: gold pairs ab, cd; predicted ab, ac, bc; right ab.
// P 1/3, R 1/2, F1 0.4.
// BCubed per document (precision, recall): a (2/3, 1), b (2/3, 1),
// c (1/3, 1/2), d (1, 1/2): P 2/3, R 3/4, F1 2·(2/3)(3/4)/(2/3+3/4) = 12/17.
//
// Copies: gold b near-duplicate of a, d translation of c. Predicted b
// near-duplicate of a (right), d identical to c (right original, wrong
// relation: right for "any", wrong for its relation), c cites a (not a
// copy). Any: P 2/3, R 2/2. near-duplicate 1/1/1; translated 0 (missed);
// identical and cites 0 (predicted, not in gold).
func TestStories(t *testing.T) {
	gold := []GoldStoryDoc{
		{Doc: "a", Story: "S1"},
		{Doc: "b", Story: "S1", Original: ptr("a"), Relation: ptr(string(dossier.RelNear))},
		{Doc: "c", Story: "S2"},
		{Doc: "d", Story: "S2", Original: ptr("c"), Relation: ptr(string(dossier.RelTranslated))},
	}
	story := map[string]string{"a": "X", "b": "X", "c": "X", "d": "Y"}
	copies := map[string]PredCopy{
		"b": {Original: "a", Relation: string(dossier.RelNear)},
		"d": {Original: "c", Relation: string(dossier.RelIdentical)},
		"c": {Original: "a", Relation: string(dossier.RelCites)},
	}
	r := Stories(gold, story, copies)
	if r.Docs != 4 || r.Stories != 2 {
		t.Errorf("docs %d stories %d, want 4 2", r.Docs, r.Stories)
	}
	check := func(name string, got, want PRF) {
		t.Helper()
		if !near(got.P, want.P) || !near(got.R, want.R) || !near(got.F1, want.F1) {
			t.Errorf("%s = %.4f %.4f %.4f, want %.4f %.4f %.4f", name, got.P, got.R, got.F1, want.P, want.R, want.F1)
		}
	}
	check("pairwise", r.Pairwise, PRF{1.0 / 3, 0.5, 0.4})
	check("bcubed", r.BCubed, PRF{2.0 / 3, 0.75, 12.0 / 17})
	check("copies", r.Copies, PRF{2.0 / 3, 1, 0.8})
	check("near-duplicate", r.Relations[string(dossier.RelNear)], PRF{1, 1, 1})
	check("translated", r.Relations[string(dossier.RelTranslated)], PRF{0, 0, 0})
	check("identical", r.Relations[string(dossier.RelIdentical)], PRF{0, 0, 0})
	check("cites", r.Relations[string(dossier.RelCites)], PRF{0, 0, 0})
	if len(r.Relations) != 4 {
		t.Errorf("relations %v, want 4", r.Relations)
	}
}

// TestStoriesPerfect: the same partition under other names scores 1, and
// every document alone scores BCubed precision 1 and recall by hand.
func TestStoriesPerfect(t *testing.T) {
	gold := []GoldStoryDoc{{Doc: "a", Story: "S1"}, {Doc: "b", Story: "S1"}, {Doc: "c", Story: "S2"}}
	r := Stories(gold, map[string]string{"a": "1", "b": "1", "c": "2"}, nil)
	if r.Pairwise != (PRF{1, 1, 1}) || r.BCubed != (PRF{1, 1, 1}) {
		t.Errorf("same partition: pairwise %+v bcubed %+v, want all 1", r.Pairwise, r.BCubed)
	}
	// singletons: recall a 1/2, b 1/2, c 1 -> 2/3; F1 2·1·(2/3)/(5/3) = 0.8
	r = Stories(gold, map[string]string{"a": "1", "b": "2", "c": "3"}, nil)
	if !near(r.BCubed.P, 1) || !near(r.BCubed.R, 2.0/3) || !near(r.BCubed.F1, 0.8) {
		t.Errorf("singletons: bcubed %+v, want 1, 2/3, 0.8", r.BCubed)
	}
	if r.Pairwise.P != 0 || r.Pairwise.R != 0 {
		t.Errorf("singletons: pairwise %+v, want 0 (no predicted pair)", r.Pairwise)
	}
}

// TestFigures: 3 gold figures, 3 predicted. g1 and g2 are found (by value
// and thing), g3 is missed, p3 is extra: P 2/3, R 2/3, F1 2/3. Over the 2
// matches: bound right for g1 only (1/2); modality checked on g1 only,
// right (1/1); source checked on g1 only, wrong (0/1).
func TestFigures(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	gold := []GoldFigure{
		{Doc: "a.txt", Mention: "2 000 habitants", Value: f(2000), Bound: dossier.BoundMoreThan, Thing: Alts{"habitants"}, Modality: Alts{"fact"}, Source: Alts{"la préfecture"}},
		{Doc: "a.txt", Mention: "300 interventions", Value: f(300), Bound: dossier.BoundAbout, Thing: Alts{"interventions"}},
		{Doc: "a.txt", Mention: "12 communes", Value: f(12), Thing: Alts{"communes"}},
	}
	preds := []dossier.Figure{
		{Doc: "corpus/a.txt", Value: f(2000), Bound: dossier.BoundMoreThan, Thing: "habitants", Modality: "fact", Source: "le maire"},
		{Doc: "a.txt", Value: f(300), Bound: dossier.BoundExact, Thing: "interventions"},
		{Doc: "a.txt", Value: f(12), Thing: "écoles"},
	}
	r := Figures(gold, preds)
	if r.Gold != 3 || r.Predicted != 3 || r.Matched != 2 || len(r.Misses) != 1 || len(r.Extras) != 1 {
		t.Fatalf("gold %d predicted %d matched %d misses %d extras %d, want 3 3 2 1 1", r.Gold, r.Predicted, r.Matched, len(r.Misses), len(r.Extras))
	}
	for _, c := range []struct {
		name      string
		got, want float64
	}{
		{"precision", r.Precision, 2.0 / 3}, {"recall", r.Recall, 2.0 / 3}, {"F1", r.F1, 2.0 / 3},
		{"bound", r.Bound, 0.5}, {"modality", r.Modality, 1}, {"source", r.Source, 0},
	} {
		if !near(c.got, c.want) {
			t.Errorf("%s = %.4f, want %.4f", c.name, c.got, c.want)
		}
	}
	if r.NBound != 2 || r.NModality != 1 || r.NSrc != 1 {
		t.Errorf("fields checked: bound %d modality %d source %d, want 2 1 1", r.NBound, r.NModality, r.NSrc)
	}
	if r.Misses[0].Mention != "12 communes" {
		t.Errorf("missed %q, want 12 communes", r.Misses[0].Mention)
	}
}

// TestMatches: the number must agree (exactly, or by overlap for vague and
// ranged gold), the document by base name, and the thing by words.
func TestMatches(t *testing.T) {
	f := func(v float64) *float64 { return &v }
	tests := []struct {
		name string
		p    dossier.Figure
		g    GoldFigure
		want bool
	}{
		{"same", dossier.Figure{Doc: "x/a.txt", Value: f(5), Thing: "morts"}, GoldFigure{Doc: "a.txt", Value: f(5), Thing: Alts{"morts"}}, true},
		{"other doc", dossier.Figure{Doc: "b.txt", Value: f(5), Thing: "morts"}, GoldFigure{Doc: "a.txt", Value: f(5), Thing: Alts{"morts"}}, false},
		{"other value", dossier.Figure{Doc: "a.txt", Value: f(6), Thing: "morts"}, GoldFigure{Doc: "a.txt", Value: f(5), Thing: Alts{"morts"}}, false},
		{"other thing", dossier.Figure{Doc: "a.txt", Value: f(5), Thing: "blessés"}, GoldFigure{Doc: "a.txt", Value: f(5), Thing: Alts{"morts"}}, false},
		{"range overlaps vague", dossier.Figure{Doc: "a.txt", Low: f(100), High: f(200), Thing: "morts"}, GoldFigure{Doc: "a.txt", Bound: dossier.BoundVague, Low: f(150), Thing: Alts{"morts"}}, true},
		{"range misses vague", dossier.Figure{Doc: "a.txt", Low: f(100), High: f(120), Thing: "morts"}, GoldFigure{Doc: "a.txt", Bound: dossier.BoundVague, Low: f(150), Thing: Alts{"morts"}}, false},
	}
	for _, tt := range tests {
		if got := Matches(tt.p, tt.g); got != tt.want {
			t.Errorf("%s: Matches = %v, want %v", tt.name, got, tt.want)
		}
	}
}
