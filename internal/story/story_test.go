package story

import (
	"fmt"
	"testing"
)

func TestAssign(t *testing.T) {
	c := New(DefaultParams, func(d Doc) string { return "s-" + d.ID })
	docs := []Doc{
		{ID: "1", Lang: "fr", Date: "2024-11-04", Title: "La Corée du Nord envoie des soldats en Russie", Text: "La Corée du Nord a envoyé 10 000 soldats en Russie, dans la région de Koursk.",
			Entities: []string{"country:KP", "country:RU", "place:kursk"}, Figures: []string{"10000"}},
		{ID: "2", Lang: "en", Date: "2024-11-05", Title: "North Korea sends troops to Russia", Text: "North Korea sent 10,000 troops to Russia, in the Kursk region.",
			Entities: []string{"country:KP", "country:RU", "place:kursk"}, Figures: []string{"10000"}},
		{ID: "3", Lang: "fr", Date: "2024-11-05", Title: "Crue de la Loire", Text: "La Loire a atteint 6,2 mètres à Orléans, 2 000 habitants évacués.",
			Entities: []string{"place:loire", "place:orleans"}, Figures: []string{"2000"}},
		{ID: "4", Lang: "fr", Date: "2025-06-01", Title: "La Corée du Nord envoie des soldats en Russie", Text: "La Corée du Nord a envoyé 10 000 soldats en Russie.",
			Entities: []string{"country:KP", "country:RU"}, Figures: []string{"10000"}},
	}
	var got []string
	for _, d := range docs {
		id, _, _ := c.Assign(d)
		got = append(got, id)
	}
	want := []string{"s-1", "s-1", "s-3", "s-4"} // the last is months later: a new story
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("stories = %v, want %v", got, want)
	}
	df, docsN, touched := c.TakeDirty()
	if docsN != 4 || len(df) == 0 || len(touched) != 3 {
		t.Errorf("TakeDirty = %d terms, %d docs, %d stories", len(df), docsN, len(touched))
	}
	// a clusterer restored from saved state continues where it stopped
	c2 := New(DefaultParams, func(d Doc) string { return "s-" + d.ID })
	c2.Load(c.Stories(), df, docsN)
	if id, _, _ := c2.Assign(Doc{ID: "5", Date: "2024-11-06", Title: "Pyongyang's troops in Kursk", Text: "North Korean troops, 10,000 of them, are in Kursk.",
		Entities: []string{"country:KP", "place:kursk", "country:RU"}, Figures: []string{"10000"}}); id != "s-1" {
		t.Errorf("after Load, story %s, want s-1", id)
	}
	// increments: the next TakeDirty has only what came since
	if df2, n2, _ := c2.TakeDirty(); n2 != 1 || df2["kursk"] != 1 {
		t.Errorf("second TakeDirty = %v, %d docs; want the one document since", df2, n2)
	}
	if all, n := c2.Frequencies(); n != 5 || all["kursk"] != df["kursk"]+1 {
		t.Errorf("Frequencies = %d docs, kursk %d", n, all["kursk"])
	}
}

func BenchmarkAssign(b *testing.B) {
	c := New(DefaultParams, func(d Doc) string { return d.ID })
	i := 0
	for b.Loop() {
		i++
		c.Assign(Doc{ID: fmt.Sprint(i), Date: "2024-11-04", Title: fmt.Sprintf("Story %d about %d things", i%500, i%97),
			Text: fmt.Sprintf("Text number %d mentions place %d and figure %d.", i, i%300, i%1000), Entities: []string{fmt.Sprintf("e:%d", i%300)}, Figures: []string{fmt.Sprint(i % 1000)}})
	}
}

func TestHeaviest(t *testing.T) {
	v := map[string]float64{}
	for i := 0; i < 200; i++ {
		v[fmt.Sprintf("t%03d", i)] = float64(i % 50)
	}
	// 49 is the heaviest weight, held by t049, t099, t149, t199: ties by term
	want := []string{"t049", "t099", "t149", "t199", "t048", "t098"}
	if got := heaviest(v, 6); fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("heaviest of many = %v, want %v", got, want)
	}
	small := map[string]float64{"a": 1, "b": 3, "c": 2}
	if got := heaviest(small, 10); fmt.Sprint(got) != "[b c a]" {
		t.Errorf("heaviest of few = %v", got)
	}
}
