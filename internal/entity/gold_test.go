package entity

import (
	"os"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/eval"
)

// TestGold scores the linker on testdata/entities/gold.txt: places,
// streets, sites, metonyms, roles, parties, in French and English. Bars:
// detection and linking F1 0.95, type accuracy 0.95.
func TestGold(t *testing.T) {
	const path = "../../testdata/entities/gold.txt"
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	gold, err := eval.ReadEntityGold(f, path)
	f.Close()
	if err != nil {
		t.Fatal(err)
	}
	l, err := Default()
	if err != nil {
		t.Fatal(err)
	}
	r := eval.Entities(gold, func(s string) []dossier.Mention {
		ms, _ := l.Find(s)
		return ms
	})
	var b strings.Builder
	r.Write(&b, true)
	t.Logf("\n%s", b.String())
	types := map[dossier.EntityType]int{}
	for _, g := range gold {
		for _, m := range g.Mentions {
			types[eval.GoldType(m.Entity)]++
		}
	}
	t.Logf("gold mentions by type: %v", types)
	if types[dossier.EntityPlace] < 100 || types[dossier.EntityOrganisation] < 60 {
		t.Errorf("gold has %d places and %d organisations, want at least 100 and 60", types[dossier.EntityPlace], types[dossier.EntityOrganisation])
	}
	if r.DetectF1 < 0.95 || r.LinkF1 < 0.95 || r.LinkP < 0.95 || r.LinkR < 0.95 {
		t.Errorf("detection F1 %.3f, linking P %.3f R %.3f F1 %.3f, want at least 0.95", r.DetectF1, r.LinkP, r.LinkR, r.LinkF1)
	}
	if r.TypeAccuracy < 0.95 {
		t.Errorf("type accuracy %.3f, want at least 0.95", r.TypeAccuracy)
	}
}

// TestRoles: titles and roles are kept on the person's mention, not in
// the name.
func TestRoles(t *testing.T) {
	l, _ := Default()
	tests := []struct{ text, name, role string }{
		{"Le ministre de l’Intérieur Christophe Castaner a annoncé des renforts.", "Christophe Castaner", "ministre de l’Intérieur"},
		{"Interior Minister Christophe Castaner announced reinforcements.", "Christophe Castaner", "Interior Minister"},
		{"Christophe Castaner, ministre de l’Intérieur, a été entendu.", "Christophe Castaner", "ministre de l’Intérieur"},
		{"L’inspecteur d’armes ukrainien Khrystyna Kimachuk a mené l’enquête.", "Khrystyna Kimachuk", "inspecteur d’armes ukrainien"},
		{"Russian Deputy Foreign Minister Andrey Rudenko confirmed the visit.", "Andrey Rudenko", "Russian Deputy Foreign Minister"},
		{"Le président du RN, Jordan Bardella, a répondu.", "Jordan Bardella", ""},
		{"Selon Jean Dupont, rien ne change.", "Jean Dupont", ""},
		{"Kremlin spokesman Dmitry Peskov denied it.", "Dmitry Peskov", "Kremlin spokesman"},
		{"National Rally leader Jordan Bardella replied.", "Jordan Bardella", "National Rally leader"},
		{"Ce matin, Dmitry Peskov, the Kremlin spokesman, denied it.", "Dmitry Peskov", "Kremlin spokesman"},
		{"Hier, Jean Dupont, l’ancien ministre de la Justice, a parlé.", "Jean Dupont", "ancien ministre de la Justice"},
	}
	for _, tt := range tests {
		ms, _ := l.Find(tt.text)
		found := false
		for _, m := range ms {
			if m.Text == tt.name {
				found = true
				if m.Role != tt.role {
					t.Errorf("%q: role of %s = %q, want %q", tt.text, tt.name, m.Role, tt.role)
				}
			}
			if m.Type == dossier.EntityPerson && strings.Contains(m.Text, "Intérieur") {
				t.Errorf("%q: the role is glued to the name: %q", tt.text, m.Text)
			}
		}
		if !found {
			t.Errorf("%q: no mention %q in %+v", tt.text, tt.name, ms)
		}
	}
}

// TestPlaces: places are linked to their country and across languages;
// capitals are their country when they act and the city where things
// happen.
func TestPlaces(t *testing.T) {
	l, _ := Default()
	tests := []struct {
		text, mention, want string
	}{
		{"Moscou a annoncé des sanctions.", "Moscou", "country:RU"},
		{"Washington said it would respond.", "Washington", "country:US"},
		{"Des explosions à Moscou.", "Moscou", "place:moscow"},
		{"Explosions in Moscow.", "Moscow", "place:moscow"},
		{"Il s’est rendu à Bruxelles.", "Bruxelles", "place:brussels"},
		{"Les frappes sur Kiev continuent.", "Kiev", "place:kyiv"},
		{"Des aides à Kiev ont été promises.", "Kiev", "country:UA"},
		{"Le maire de Londres a parlé.", "Londres", "place:london"},
		{"Sirens sounded in Kharkiv.", "Kharkiv", "place:kharkiv"},
		{"Les inondations à Lyon.", "Lyon", "place:lyon"},
		{"La Bavière vote.", "Bavière", "place:bavaria"},
		{"Bavaria votes.", "Bavaria", "place:bavaria"},
		{"Selon la Fédération française de l’assurance, c’est grave.", "Fédération française de l’assurance", "org:federation-francaise-de-l-assurance"},
		{"Un rassemblement rue de Rivoli.", "rue de Rivoli", "place:rue-de-rivoli"},
		{"Talks at Downing Street.", "Downing Street", "place:downing-street"},
		{"La ministre Florence Parly est à Toulon.", "Florence Parly", "person:florence-parly"},
		{"Le député Jordan Bardella parle.", "Jordan Bardella", "person:jordan-bardella"},
		{"Anne Hidalgo inaugure la piste. Selon Anne Hidalgo, elle sera prête.", "Anne Hidalgo", "person:anne-hidalgo"},
		{"Protesters Fill Parliament Square As Vote Nears", "Parliament Square", "place:parliament-square"},
		{"Protesters Fill Parliament Square As Vote Nears", "Fill Parliament Square", ""},
		{"L’Union européenne de répartir les migrants.", "Union européenne", "org:eu"},
		{"Un incendie près de la gare de Lyon.", "gare de Lyon", "place:gare-de-lyon"},
		{"Le ministre de l’Économie Bruno Le Maire est à Bercy.", "Bruno Le Maire", "person:bruno-le-maire"},
	}
	for _, tt := range tests {
		ms, _ := l.Find(tt.text)
		got := ""
		for _, m := range ms {
			if m.Text == tt.mention {
				got = m.Entity
			}
		}
		if got != tt.want {
			t.Errorf("%q: %q -> %q, want %q (all %+v)", tt.text, tt.mention, got, tt.want, ms)
		}
	}
	if ms, _ := l.Find("Anne Hidalgo inaugure la piste. Selon Anne Hidalgo, elle sera prête. Hier Jean Dupont a parlé."); len(ms) != 3 {
		t.Errorf("a name at a sentence start the article names again, and one after a capitalised adverb: %+v", ms)
	}
	for id, country := range map[string]string{"place:moscow": "RU", "place:lyon": "FR", "place:bavaria": "DE", "place:kharkiv": "UA", "place:washington-d-c": "US"} {
		e, ok := l.Entity(id)
		if !ok || e.Country != country {
			t.Errorf("%s: %+v, want a place of %s", id, e, country)
		}
	}
	if e, _ := l.Entity("place:moscow"); e == nil || e.NameFr != "Moscou" || e.Name != "Moscow" {
		t.Errorf("place:moscow names = %+v, want Moscow / Moscou", e)
	}
}
