package dedupe

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
)

const base = "La Corée du Nord a envoyé 10 000 soldats en Russie, selon les renseignements sud-coréens. Ces troupes ont été déployées dans la région de Koursk, où l'armée ukrainienne tient une partie du territoire. Le Kremlin n'a pas confirmé leur présence, tandis que l'OTAN parle d'une grave escalade."

func TestMinHash(t *testing.T) {
	a := MinHash(base)
	if s := a.Similarity(MinHash(base)); s != 1 {
		t.Errorf("same text similarity %v", s)
	}
	if s := a.Similarity(MinHash("Un texte entièrement différent, sur la météo de demain en Bretagne et les marées d'équinoxe.")); s > 0.1 {
		t.Errorf("unrelated text similarity %v", s)
	}
	reordered := strings.Join([]string{strings.SplitAfter(base, ". ")[2], strings.SplitAfter(base, ". ")[0], strings.SplitAfter(base, ". ")[1]}, " ")
	if s := a.Similarity(MinHash(reordered)); s < 0.5 {
		t.Errorf("reordered text similarity %v", s)
	}
	ix := NewIndex()
	ix.Add("a", a)
	ix.Add("z", MinHash("Rien à voir : la saison de ski commence tôt dans les Alpes cette année, disent les stations."))
	if m := ix.Query(MinHash(strings.Replace(base, "10 000", "12 000", 1)), 0.35); len(m) != 1 || m[0].ID != "a" {
		t.Errorf("Query = %+v", m)
	}
}

func prof(id, lang, date, text string, nums []float64, ents []string) Profile {
	return Profile{ID: id, Lang: lang, Date: date, Sig: MinHash(text), Numbers: nums, Entities: ents}
}

func TestDetector(t *testing.T) {
	d := NewDetector(DefaultThresholds)
	ents := []string{"country:KP", "country:RU", "place:kursk", "org:nato"}
	if l := d.Add(prof("a", "fr", "2024-11-04", base, []float64{10000}, ents)); len(l) != 0 {
		t.Errorf("first article links %+v", l)
	}
	check := func(p Profile, rel dossier.Relation, orig string) {
		t.Helper()
		ls := d.Add(p)
		for _, l := range ls {
			if l.Relation == rel && l.Original == orig {
				return
			}
		}
		t.Errorf("%s: links %+v, want %s of %s", p.ID, ls, rel, orig)
	}
	check(prof("b", "fr", "2024-11-04", base+" Les détails restent inconnus.", []float64{10000}, ents), dossier.RelNear, "a")
	check(prof("c", "fr", "2024-11-05", strings.Replace(base, "10 000", "12 000", 1), []float64{12000}, ents), dossier.RelUpdated, "a")
	check(prof("d", "en", "2024-11-05", "North Korea has sent 10,000 troops to Russia, South Korean intelligence said. The Kremlin did not confirm, NATO said.", []float64{10000}, ents), dossier.RelTranslated, "a")
	far := prof("e", "en", "2025-06-01", "North Korea has sent 10,000 troops to Russia.", []float64{10000}, ents)
	for _, l := range d.Add(far) {
		if l.Relation == dossier.RelTranslated {
			t.Errorf("translation months apart: %+v", l)
		}
	}
	src := prof("f", "fr", "", "Un autre texte qui reprend une dépêche italienne sur un tout autre sujet.", nil, nil)
	src.SourceURL = "https://www.adnkronos.com/x/y"
	check(src, dossier.RelCites, "https://www.adnkronos.com/x/y")
}

func TestGroups(t *testing.T) {
	links := []dossier.CopyLink{
		{Article: "b", Original: "a", Relation: dossier.RelNear, Score: 0.8},
		{Article: "c", Original: "b", Relation: dossier.RelUpdated, Score: 0.7},
		{Article: "d", Original: "https://x.example/o", Relation: dossier.RelCites, Score: 1},
	}
	info := map[string]dossier.Summary{"a": {ID: "a", Date: "2024-11-05"}, "b": {ID: "b", Date: "2024-11-04"}, "c": {ID: "c", Date: "2024-11-06"}, "d": {ID: "d"}}
	gs := Groups(links, info)
	if len(gs) != 2 || gs[0].Original != "b" || len(gs[0].Copies) != 2 || !gs[1].External || gs[1].Copies[0].ID != "d" {
		t.Errorf("Groups = %+v", gs)
	}
}

func BenchmarkMinHash(b *testing.B) {
	text := strings.Repeat(base+" ", 4)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		MinHash(text)
	}
}

// TestMinHashStable: signatures are saved in stores, so the same text must
// give the same signature in every version.
func TestMinHashStable(t *testing.T) {
	s := MinHash("La Corée du Nord a envoyé plus de 10 000 soldats en Russie, selon Séoul, qui craint davantage.")
	if got, want := [3]uint64{s[0], s[1], s[119]}, [3]uint64{1908350466102976785, 126356596436942975, 522899960109789494}; got != want {
		t.Errorf("signature words 0, 1, 119 = %v, want %v: stored signatures would no longer match", got, want)
	}
}
