package figure

import (
	"math"
	"testing"

	"github.com/dossier-news/dossier"
)

// TestReadingNumbers checks how numbers, units, money, ranges and
// non-figures are read, one sentence a case, in the sentence's language.
func TestReadingNumbers(t *testing.T) {
	type want struct {
		value, low, high float64 // NaN: not checked
		bound            dossier.Bound
		unit             string
		kind             dossier.Kind
	}
	nan := math.NaN()
	cases := []struct {
		lang, text string
		want       []want // nil: no figure
	}{
		{"fr", "La banque a versé 50'000 francs suisses.", []want{{50000, nan, nan, "exact", "CHF", "money"}}},
		{"fr", "Le loyer atteint 2’150 francs par mois à Genève.", []want{{2150, nan, nan, "exact", "CHF", "money"}}},
		{"en", "The group will spend 1.356 billion dollars.", []want{{1.356e9, nan, nan, "exact", "USD", "money"}}},
		{"en", "Revenue reached $13.6M.", []want{{13.6e6, nan, nan, "exact", "USD", "money"}}},
		{"en", "The phone has 256GB of storage.", []want{{256, nan, nan, "exact", "GB", "measure"}}},
		{"en", "Gusts reached 50mph overnight.", []want{{50, nan, nan, "exact", "mph", "measure"}}},
		{"en", "The firm hired 10k engineers.", []want{{10000, nan, nan, "exact", "", "count"}}},
		{"fr", "Le déficit atteint 1,2 Md€.", []want{{1.2e9, nan, nan, "exact", "EUR", "money"}}},
		{"en", "Exports fell 800 mln dlrs.", []want{{800e6, nan, nan, "exact", "USD", "money"}}},
		{"en", "Exports rose to 7.05 billion stg.", []want{{7.05e9, nan, nan, "exact", "GBP", "money"}}},
		{"en", "Prices rose 33 pct.", []want{{33, nan, nan, "exact", "%", "percent"}}},
		{"en", "Sales rose 18 per cent.", []want{{18, nan, nan, "exact", "%", "percent"}}},
		{"en", "It raised US$5 million and C$3 million.", []want{{5e6, nan, nan, "exact", "USD", "money"}, {3e6, nan, nan, "exact", "CAD", "money"}}},
		{"en", "It was priced at USD1,700 a tonne.", []want{{1700, nan, nan, "exact", "USD", "money"}}},
		{"en", "The meal cost RM79.", []want{{79, nan, nan, "exact", "MYR", "money"}}},
		{"en", "The fine was Fr. 20 million in total.", []want{{20e6, nan, nan, "exact", "CHF", "money"}}},
		{"en", "Ottawa said the deficit was 2 billion dlrs.", []want{{2e9, nan, nan, "exact", "CAD", "money"}}},
		{"fr", "La moitié des Français sont contre.", []want{{50, nan, nan, "exact", "%", "percent"}}},
		{"fr", "Le tiers des électeurs hésitent.", []want{{100.0 / 3, nan, nan, "exact", "%", "percent"}}},
		{"fr", "Les trois quarts des retraités sont contre.", []want{{75, nan, nan, "exact", "%", "percent"}}},
		{"fr", "Un Français sur deux est contre.", []want{{50, nan, nan, "exact", "%", "percent"}}},
		{"en", "A third of the staff work abroad.", []want{{100.0 / 3, nan, nan, "exact", "%", "percent"}}},
		{"en", "Half the shareholders voted no.", []want{{50, nan, nan, "exact", "%", "percent"}}},
		{"en", "About 1/2 of the county lost power.", []want{{50, nan, nan, "about", "%", "percent"}}},
		{"en", "Shares fell -1.3% on Monday.", []want{{-1.3, nan, nan, "exact", "%", "percent"}}},
		{"fr", "Il a fait moins cinq degrés à Lyon.", []want{{-5, nan, nan, "exact", "°C", "measure"}}},
		{"en", "The 6.1-inch screen is new.", []want{{6.1, nan, nan, "exact", "in", "measure"}}},
		{"en", "It has a 2.4-liter engine.", []want{{2.4, nan, nan, "exact", "l", "measure"}}},
		{"en", "A 50-year-old man was hurt.", []want{{50, nan, nan, "exact", "year", "measure"}}},
		{"en", "Analysts see 4 hundred million users.", []want{{4e8, nan, nan, "exact", "", "count"}}},
		{"en", "Shares traded from $5 to $7.", []want{{nan, 5, 7, "range", "USD", "money"}}},
		{"en", "Between 5% and 6% of staff will go.", []want{{nan, 5, 6, "range", "%", "percent"}}},
		{"en", "Winds of 15-22 miles per hour were recorded.", []want{{nan, 15, 22, "range", "mph", "measure"}}},
		{"fr", "Il a fallu de 7 000 à 15 000 tonnes de sel.", []want{{nan, 7000, 15000, "range", "t", "measure"}}},
		{"fr", "Les prix sont de deux fois et demie à quatre fois plus élevés.", []want{{nan, 2.5, 4, "range", "ratio", "measure"}}},
		{"en", "The rate was cut to 8.75 pct from 9.25 pct.", []want{{8.75, nan, nan, "exact", "%", "percent"}, {9.25, nan, nan, "exact", "%", "percent"}}},
		{"fr", "Le cortège comptait dix contre un selon les syndicats.", []want{{10, nan, nan, "exact", "ratio", "measure"}}},
		{"fr", "Le colis est deux fois plus lourd.", []want{{2, nan, nan, "exact", "ratio", "measure"}}},
		{"en", "Three times as many people came.", []want{{3, nan, nan, "exact", "ratio", "measure"}}},
		{"fr", "Il y a un million et demi de possibilités.", []want{{1.5e6, nan, nan, "exact", "", "count"}}},
		{"en", "Half a million people marched.", []want{{5e5, nan, nan, "exact", "", "count"}}},
		{"en", "The 787 Dreamliner flew again.", nil},
		{"en", "The iPhone 11 sold well.", nil},
		{"en", "The briefing started at 9:35 PM.", nil},
		{"fr", "Le train de 16H15 a été supprimé.", nil},
		{"en", "A year ago the plant was closed.", nil},
		{"en", "He paid $30 an hour.", []want{{30, nan, nan, "exact", "USD", "money"}}},
		{"en", "The Boeing 747-400 is larger.", nil},
		{"fr", "L'usine a ouvert il y a 40 ans.", nil},
	}
	for _, c := range cases {
		figs := Extract(c.text, nil, Context{Lang: c.lang})
		if len(figs) != len(c.want) {
			var got []string
			for _, f := range figs {
				got = append(got, f.Text)
			}
			t.Errorf("%q: got %d figures %q, want %d", c.text, len(figs), got, len(c.want))
			continue
		}
		for k, w := range c.want {
			f := figs[k]
			if f.Bound != w.bound || f.Unit != w.unit || f.Kind != w.kind {
				t.Errorf("%q: got %s %q %s, want %s %q %s", c.text, f.Bound, f.Unit, f.Kind, w.bound, w.unit, w.kind)
			}
			for _, v := range []struct {
				name      string
				got       *float64
				wantValue float64
			}{{"value", f.Value, w.value}, {"low", f.Low, w.low}, {"high", f.High, w.high}} {
				if !math.IsNaN(v.wantValue) && (v.got == nil || !near(*v.got, v.wantValue)) {
					t.Errorf("%q: %s %v, want %v", c.text, v.name, deref(v.got), v.wantValue)
				}
			}
		}
	}
}
