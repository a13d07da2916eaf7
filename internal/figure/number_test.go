package figure

import (
	"fmt"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
)

// numCase is one number expression in a sentence and what it must read as.
type numCase struct {
	text      string
	value     float64 // -1: vague, no value
	low, high float64 // checked when non-zero
	bound     dossier.Bound
	what      string // thing lemma or unit; "" means: not a figure
}

// frWords spells n in French words, the way the parser must read them
// (written independently of the parser: generation, not parsing).
func frWords(n int) string {
	units := []string{"zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "treize", "quatorze", "quinze", "seize"}
	tens := map[int]string{20: "vingt", 30: "trente", 40: "quarante", 50: "cinquante", 60: "soixante"}
	switch {
	case n <= 16:
		return units[n]
	case n < 20:
		return "dix-" + units[n-10]
	case n < 70:
		t, u := n/10*10, n%10
		switch u {
		case 0:
			return tens[t]
		case 1:
			return tens[t] + " et un"
		}
		return tens[t] + "-" + units[u]
	case n < 80:
		if n == 71 {
			return "soixante et onze"
		}
		return "soixante-" + frWords(n-60)
	case n == 80:
		return "quatre-vingts"
	case n < 100:
		return "quatre-vingt-" + frWords(n-80)
	case n < 1000:
		h, r := n/100, n%100
		s := "cent"
		if h > 1 {
			s = units[h] + " cent"
			if r == 0 {
				s += "s"
			}
		}
		if r > 0 {
			s += " " + frWords(r)
		}
		return s
	default:
		t, r := n/1000, n%1000
		s := "mille"
		if t > 1 {
			s = frWords(t) + " mille"
		}
		if r > 0 {
			s += " " + frWords(r)
		}
		return s
	}
}

// enWords spells n in English words.
func enWords(n int) string {
	units := []string{"zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
		"thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"}
	tens := []string{"", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"}
	switch {
	case n < 20:
		return units[n]
	case n < 100:
		if n%10 == 0 {
			return tens[n/10]
		}
		return tens[n/10] + "-" + units[n%10]
	case n < 1000:
		s := units[n/100] + " hundred"
		if n%100 > 0 {
			s += " and " + enWords(n%100)
		}
		return s
	default:
		s := enWords(n/1000) + " thousand"
		if n%1000 > 0 {
			s += " " + enWords(n%1000)
		}
		return s
	}
}

func numberCases() []numCase {
	var cs []numCase
	// digits, grouped every way news writes them
	for _, v := range []int{7, 42, 350, 1500, 2000, 12000, 100000, 250000, 1500000} {
		groups := func(sep string) string {
			s := fmt.Sprint(v)
			var parts []string
			for len(s) > 3 {
				parts = append([]string{s[len(s)-3:]}, parts...)
				s = s[:len(s)-3]
			}
			return strings.Join(append([]string{s}, parts...), sep)
		}
		for _, sep := range []string{" ", "\u00a0", "\u202f", "."} {
			cs = append(cs, numCase{"Au total, " + groups(sep) + " soldats sont arrivés.", float64(v), 0, 0, "exact", "soldat"})
		}
		cs = append(cs, numCase{"In all, " + groups(",") + " soldiers arrived.", float64(v), 0, 0, "exact", "soldier"})
	}
	// words, French and English, 2 to 99 and beyond
	for n := 2; n < 100; n++ {
		cs = append(cs, numCase{"Au total, " + frWords(n) + " personnes ont été évacuées.", float64(n), 0, 0, "exact", "personne"})
		cs = append(cs, numCase{"In all, " + enWords(n) + " people were evacuated.", float64(n), 0, 0, "exact", "people"})
	}
	for _, n := range []int{100, 200, 300, 350, 999, 1000, 2500, 3000, 12000, 90000} {
		cs = append(cs, numCase{"Au total, " + frWords(n) + " personnes ont été évacuées.", float64(n), 0, 0, "exact", "personne"})
		cs = append(cs, numCase{"In all, " + enWords(n) + " people were evacuated.", float64(n), 0, 0, "exact", "people"})
	}
	cs = append(cs,
		// decimals and scales
		numCase{"La facture atteint 1,5 million d'euros.", 1.5e6, 0, 0, "exact", "EUR"},
		numCase{"Les dégâts sont estimés à 2,3 millions d’euros.", 2.3e6, 0, 0, "exact", "EUR"},
		numCase{"The fund holds 2.5 billion dollars.", 2.5e9, 0, 0, "exact", "USD"},
		numCase{"The fund holds $2.5 billion.", 2.5e9, 0, 0, "exact", "USD"},
		numCase{"Le plan coûte 3 milliards d'euros.", 3e9, 0, 0, "exact", "EUR"},
		numCase{"Il a reçu €30 millions.", 30e6, 0, 0, "exact", "EUR"},
		numCase{"About 1.2 million people fled.", 1.2e6, 0, 0, "about", "people"},
		numCase{"Un million de personnes ont fui.", 1e6, 0, 0, "exact", "personne"},
		numCase{"A million people fled the city.", 1e6, 0, 0, "exact", "people"},
		numCase{"The city spent £4.5 million on repairs.", 4.5e6, 0, 0, "exact", "GBP"},
		numCase{"Kiev a reçu 40 millions de dollars.", 40e6, 0, 0, "exact", "USD"},
		numCase{"Le pays compte 1.234,5 tonnes de stocks.", 1234.5, 0, 0, "exact", "stock"},
		numCase{"Le taux est de 2,5 %.", 2.5, 0, 0, "exact", "%"},
		numCase{"Unemployment rose to 4.2 percent.", 4.2, 0, 0, "exact", "%"},
		numCase{"Le chômage a baissé de 3 pour cent.", 3, 0, 0, "exact", "%"},
		numCase{"La participation atteint 67%.", 67, 0, 0, "exact", "%"},
		// vague amounts
		numCase{"Des centaines de soldats sont morts.", -1, 100, 999, "vague", "soldat"},
		numCase{"Des milliers de personnes ont manifesté.", -1, 1000, 9999, "vague", "personne"},
		numCase{"Plusieurs dizaines de milliers de soldats sont mobilisés.", -1, 20000, 99999, "vague", "soldat"},
		numCase{"Des dizaines de milliers de soldats sont mobilisés.", -1, 10000, 99999, "vague", "soldat"},
		numCase{"Quelques centaines de manifestants se sont réunis.", -1, 200, 999, "vague", "manifestant"},
		numCase{"Des dizaines de drones ont été abattus.", -1, 10, 99, "vague", "drone"},
		numCase{"Des millions de munitions ont été livrées.", -1, 1e6, 0, "vague", "munition"},
		numCase{"Hundreds of soldiers were killed.", -1, 100, 999, "vague", "soldier"},
		numCase{"Thousands of people marched in the capital.", -1, 1000, 9999, "vague", "people"},
		numCase{"Tens of thousands of troops are massed on the border.", -1, 10000, 99999, "vague", "troop"},
		numCase{"Dozens of drones were shot down.", -1, 24, 99, "vague", "drone"},
		numCase{"Millions of shells have been fired.", -1, 1e6, 0, "vague", "shell"},
		numCase{"Hundreds of thousands of people fled.", -1, 100000, 999999, "vague", "people"},
		numCase{"Les soldats se comptent par milliers.", -1, 1000, 9999, "vague", "soldat"},
		// about-nouns
		numCase{"Une dizaine de blessés ont été soignés.", 10, 0, 0, "about", "blessé"},
		numCase{"Une vingtaine de chars ont été détruits.", 20, 0, 0, "about", "char"},
		numCase{"Une cinquantaine d’obusiers ont été livrés.", 50, 0, 0, "about", "obusier"},
		numCase{"Une centaine de migrants sont arrivés.", 100, 0, 0, "about", "migrant"},
		numCase{"Un millier de soldats ont été déployés.", 1000, 0, 0, "about", "soldat"},
		numCase{"A dozen drones were launched overnight.", 12, 0, 0, "about", "drone"},
		// bounds
		numCase{"Plus de 10.000 soldats ont été envoyés.", 10000, 10000, 0, "more_than", "soldat"},
		numCase{"Moins de 500 soldats sont restés.", 500, 0, 500, "less_than", "soldat"},
		numCase{"Au moins 3 000 soldats ont été envoyés.", 3000, 3000, 0, "at_least", "soldat"},
		numCase{"Il pourrait envoyer jusqu’à 12.000 soldats.", 12000, 0, 12000, "at_most", "soldat"},
		numCase{"Il pourrait envoyer jusqu'à 12.000 soldats.", 12000, 0, 12000, "at_most", "soldat"},
		numCase{"Près de 2 000 personnes ont été évacuées.", 2000, 0, 0, "about", "personne"},
		numCase{"Environ 11 000 soldats ont été envoyés.", 11000, 0, 0, "about", "soldat"},
		numCase{"Quelque 500 soldats ont été envoyés.", 500, 0, 0, "about", "soldat"},
		numCase{"Pas moins de 40 navires ont été saisis.", 40, 40, 0, "at_least", "navire"},
		numCase{"Au plus 20 avions ont décollé.", 20, 0, 20, "at_most", "avion"},
		numCase{"More than 2,000 people were evacuated.", 2000, 2000, 0, "more_than", "people"},
		numCase{"At least 3,000 troops were sent.", 3000, 3000, 0, "at_least", "troop"},
		numCase{"Up to 100,000 troops could be sent.", 100000, 0, 100000, "at_most", "troop"},
		numCase{"About 11,000 soldiers were sent.", 11000, 0, 0, "about", "soldier"},
		numCase{"Nearly 500 homes were flooded.", 500, 0, 0, "about", "home"},
		numCase{"Fewer than 300 residents stayed.", 300, 0, 300, "less_than", "resident"},
		numCase{"Over 40 tanks were destroyed.", 40, 40, 0, "more_than", "tank"},
		numCase{"Almost 90 drones were launched.", 90, 0, 0, "about", "drone"},
		numCase{"No fewer than 12 ships were seized.", 12, 12, 0, "at_least", "ship"},
		numCase{"As many as 5,000 people could leave.", 5000, 0, 5000, "at_most", "people"},
		numCase{"Roughly 70 villages were hit.", 70, 0, 0, "about", "village"},
		numCase{"Il y a 3 000 soldats au moins sur place.", 3000, 3000, 0, "at_least", "soldat"},
		numCase{"They sent 200 soldiers or more.", 200, 200, 0, "at_least", "soldier"},
		// ranges
		numCase{"Entre 10 000 et 12 000 soldats ont été envoyés.", 10000, 10000, 12000, "range", "soldat"},
		numCase{"Between 3 and 5 days of rain are expected.", 3, 3, 5, "range", "day"},
		numCase{"De 200 à 300 morts sont à déplorer.", 200, 200, 300, "range", "mort"},
		numCase{"They lost 10 to 12 tanks.", 10, 10, 12, "range", "tank"},
		numCase{"La pluie durera 3 ou 4 jours.", 3, 3, 4, "range", "day"},
		numCase{"Entre 1 et 2 millions de personnes ont fui.", 1e6, 1e6, 2e6, "range", "personne"},
		// measures and durations
		numCase{"Des obusiers de 170 mm ont été livrés.", 170, 0, 0, "exact", "mm"},
		numCase{"La Loire a atteint 6,2 mètres.", 6.2, 0, 0, "exact", "m"},
		numCase{"Le convoi a parcouru 120 km.", 120, 0, 0, "exact", "km"},
		numCase{"Ils ont livré 300 tonnes de blé.", 300, 0, 0, "exact", "blé"},
		numCase{"La guerre dure depuis près de trois ans.", 3, 0, 0, "about", "year"},
		numCase{"The siege lasted 18 months.", 18, 0, 0, "exact", "month"},
		numCase{"Les combats ont duré 48 heures.", 48, 0, 0, "exact", "hour"},
		numCase{"Rainfall reached 120 mm on Sunday.", 120, 0, 0, "exact", "mm"},
		numCase{"The river rose 2.5 metres overnight.", 2.5, 0, 0, "exact", "m"},
		numCase{"Il a été condamné à dix ans de prison.", 10, 0, 0, "exact", "year"},
		// not figures
		numCase{"En 2023, la situation a changé.", 0, 0, 0, "", ""},
		numCase{"Le 25 mars, les frappes ont cessé.", 0, 0, 0, "", ""},
		numCase{"On March 25, the strikes stopped.", 0, 0, 0, "", ""},
		numCase{"Depuis le 1er janvier, rien n'a changé.", 0, 0, 0, "", ""},
		numCase{"La réunion a commencé à 14h30.", 0, 0, 0, "", ""},
		numCase{"Le sommet s'ouvre à 15 heures.", 0, 0, 0, "", ""},
		numCase{"The meeting starts at 10:30.", 0, 0, 0, "", ""},
		numCase{"C'est le troisième hiver de guerre.", 0, 0, 0, "", ""},
		numCase{"Le 3e régiment a été engagé.", 0, 0, 0, "", ""},
		numCase{"Des obusiers M1989 ont été vus.", 0, 0, 0, "", ""},
		numCase{"Le sommet du G20 a eu lieu au Brésil.", 0, 0, 0, "", ""},
		numCase{"Kiev attend des F-16 depuis longtemps.", 0, 0, 0, "", ""},
		numCase{"Le COVID-19 a tout changé.", 0, 0, 0, "", ""},
		numCase{"Appelez le 01 23 45 67 89 pour en savoir plus.", 0, 0, 0, "", ""},
		numCase{"Le décret n° 5 a été publié.", 0, 0, 0, "", ""},
		numCase{"L'article 12 du traité est clair.", 0, 0, 0, "", ""},
		numCase{"Les deux pays ont signé un accord.", 0, 0, 0, "", ""},
		numCase{"The two leaders met in Geneva.", 0, 0, 0, "", ""},
		numCase{"Un soldat a été blessé.", 0, 0, 0, "", ""},
		numCase{"One of them spoke to reporters.", 0, 0, 0, "", ""},
		numCase{"In 2025, the war entered a new phase.", 0, 0, 0, "", ""},
		numCase{"Des Su-27 ont survolé la zone.", 0, 0, 0, "", ""},
		numCase{"La guerre a commencé en février 2022.", 0, 0, 0, "", ""},
		numCase{"Il est né le 3 novembre 1961.", 0, 0, 0, "", ""},
		numCase{"The 21st century began in 2001.", 0, 0, 0, "", ""},
		numCase{"La page 3 du rapport le dit.", 0, 0, 0, "", ""},
		numCase{"Le pacte signé en 2023 prévoit une assistance.", 0, 0, 0, "", ""},
	)
	return cs
}

func TestNumberExpressions(t *testing.T) {
	cases := numberCases()
	if len(cases) < 300 {
		t.Fatalf("only %d cases; the table must hold at least 300", len(cases))
	}
	for _, c := range cases {
		figs := Extract(c.text, nil, Context{})
		if c.what == "" {
			if len(figs) != 0 {
				t.Errorf("%q: got figure %q, want none", c.text, figs[0].Text)
			}
			continue
		}
		if len(figs) != 1 {
			var got []string
			for _, f := range figs {
				got = append(got, f.Text)
			}
			t.Errorf("%q: got %d figures %q, want 1", c.text, len(figs), got)
			continue
		}
		f := figs[0]
		what := f.Thing
		if what == "" {
			what = f.Unit
		}
		if what != c.what || f.Bound != c.bound {
			t.Errorf("%q: got %s %s, want %s %s", c.text, f.Bound, what, c.bound, c.what)
		}
		if c.value >= 0 && (f.Value == nil || *f.Value != c.value) {
			t.Errorf("%q: value %v, want %v", c.text, deref(f.Value), c.value)
		}
		if c.low != 0 && (f.Low == nil || *f.Low != c.low) {
			t.Errorf("%q: low %v, want %v", c.text, deref(f.Low), c.low)
		}
		if c.high != 0 && (f.High == nil || *f.High != c.high) {
			t.Errorf("%q: high %v, want %v", c.text, deref(f.High), c.high)
		}
	}
}

func deref(p *float64) any {
	if p == nil {
		return nil
	}
	return *p
}
