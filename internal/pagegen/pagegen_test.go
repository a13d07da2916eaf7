package pagegen

import (
	"reflect"
	"strings"
	"testing"
)

// TestGenerate: the same seed makes the same set, and the set has the
// shape its users count on (flat and lined pages, repeats, updates,
// copies, cited reports, truth free of furniture).
func TestGenerate(t *testing.T) {
	a, b := Generate(1, DefaultOptions), Generate(1, DefaultOptions)
	if !reflect.DeepEqual(a, b) {
		t.Fatal("the same seed made two sets")
	}
	count := map[string]int{}
	for i, p := range a {
		if p.Flat {
			count["flat"]++
			if strings.Contains(p.Text, "\n") {
				t.Errorf("%s: flat page with line breaks", p.URL)
			}
		}
		if p.Repeat {
			count["repeat"]++
		}
		if p.Update {
			count["update"]++
		}
		if p.Origin != p.URL {
			count["copy"]++
		}
		if p.Cites != "" {
			count["cites"]++
		}
		if !strings.Contains(p.Text, strings.SplitN(p.Body, "\n", 2)[0]) || strings.Contains(p.Body, "Lire aussi") || strings.Contains(p.Body, "Accueil") {
			t.Errorf("%s: the truth is not the page's article alone", p.URL)
		}
		for _, q := range a[i+1:] {
			if Relation(p, q) != Relation(q, p) {
				t.Errorf("Relation is not symmetric for %s, %s", p.URL, q.URL)
			}
		}
	}
	for _, k := range []string{"flat", "repeat", "update", "copy", "cites"} {
		if count[k] == 0 {
			t.Errorf("no %s page in the set: %v", k, count)
		}
	}
}
