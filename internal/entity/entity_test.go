package entity

import (
	"bytes"
	"os"
	"testing"

	"github.com/dossier-news/dossier"
)

func TestFind(t *testing.T) {
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		text string
		want map[string]string // mention text -> entity
	}{
		{"Pyongyang et Moscou, selon l’AFP.", map[string]string{"Pyongyang": "country:KP", "Moscou": "country:RU", "AFP": "outlet:afp"}},
		{"un soldat, us and them", map[string]string{}},
		{"The UN and the US met in Kyiv.", map[string]string{"UN": "org:un", "US": "country:US", "Kyiv": "place:kyiv"}},
		{"Les soldats nord-coréens et le leader Kim Jong-Un.", map[string]string{"nord-coréens": "country:KP", "Kim Jong-Un": "person:kim-jong-un"}},
		{"rapporte le Temps Financier.", map[string]string{"Temps Financier": "outlet:ft"}},
		{"Selon le ministre Jean Dupont, Dupont a raison.", map[string]string{"Jean Dupont": "person:jean-dupont", "Dupont": "person:jean-dupont"}},
		{"Malgré tout, Les Échos n'y sont pas.", map[string]string{}},
	}
	for _, tt := range tests {
		ms, _ := l.Find(tt.text)
		got := map[string]string{}
		for _, m := range ms {
			got[m.Text] = m.Entity
			if tt.text[m.Start:m.End] != m.Text {
				t.Errorf("%q: span %d..%d is %q, not %q", tt.text, m.Start, m.End, tt.text[m.Start:m.End], m.Text)
			}
		}
		for k, v := range tt.want {
			if got[k] != v {
				t.Errorf("%q: %q -> %q, want %q (all: %v)", tt.text, k, got[k], v, got)
			}
		}
		for k := range got {
			if _, ok := tt.want[k]; !ok {
				t.Errorf("%q: unexpected mention %q (%s)", tt.text, k, got[k])
			}
		}
	}
}

func TestCitations(t *testing.T) {
	l, _ := Default()
	text := "Selon Bloomberg, les troupes arrivent, relayé par le magazine Géo. Un chiffre (AFP) et Reuters reported more."
	ms, _ := l.Find(text)
	cs := l.Citations(text, ms, "https://www.adnkronos.com/x/y")
	want := []struct{ entity, kind string }{{"outlet:bloomberg", "cites"}, {"outlet:geo", "relays"}, {"outlet:afp", "cites"}, {"outlet:reuters", "cites"}, {"outlet:adnkronos", "source"}}
	if len(cs) != len(want) {
		t.Fatalf("Citations = %+v", cs)
	}
	for i, w := range want {
		if cs[i].Entity != w.entity || string(cs[i].Kind) != w.kind {
			t.Errorf("citation %d = %+v, want %v", i, cs[i], w)
		}
	}
}

func TestSlug(t *testing.T) {
	for in, want := range map[string]string{"Kim Jong-Un": "kim-jong-un", "Kim Jong Un": "kim-jong-un", "Sergueï Lavrov": "serguei-lavrov", "  ": ""} {
		if got := Slug(in); got != want {
			t.Errorf("Slug(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestEveryCountryHasNames(t *testing.T) {
	l, _ := Default()
	n := 0
	for _, e := range l.Entities() {
		if e.Type == dossier.EntityCountry {
			n++
			if e.Name == "" || e.NameFr == "" || e.ISO == "" {
				t.Errorf("country %s lacks names: %+v", e.ID, e)
			}
		}
	}
	if n < 190 {
		t.Errorf("%d countries, want the ~200 of the generated data", n)
	}
}

func BenchmarkFind(b *testing.B) {
	l, _ := Default()
	text := "Le président ukrainien Volodymyr Zelensky a dénoncé une alliance croissante entre la Russie et la Corée du Nord, affirmant que des troupes nord-coréennes renforcent l’armée russe, selon l’AFP. Des experts de l’ONU ont confirmé l’utilisation d’un missile contre Kharkiv. "
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		l.Find(text)
	}
}

func TestKey(t *testing.T) {
	tests := map[string]string{
		"plain":      "plain",
		"Kim":        "kim",
		"Jong-un":    "jong un",
		"U.S.":       "u.s",
		"Corée":      "coree",
		"l’Armée":    "l'armee",
		"NORD-CORÉE": "nord coree",
		"2024.":      "2024",
	}
	for in, want := range tests {
		if got := key(in); got != want {
			t.Errorf("key(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestPackedData: the embedded gzipped data are the JSON files of the
// repository ("go generate ./internal/entity" packs them again).
func TestPackedData(t *testing.T) {
	for _, name := range []string{"countries.json", "curated.json"} {
		want, err := os.ReadFile("data/" + name)
		if err != nil {
			t.Fatal(err)
		}
		got, err := readPacked("data/" + name + ".gz")
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("data/%s.gz is stale: run go generate ./internal/entity", name)
		}
	}
}

// BenchmarkLoad: building the linker from the embedded data (countries,
// curated entities, the gazetteer), once per process.
func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := load(); err != nil {
			b.Fatal(err)
		}
	}
}
