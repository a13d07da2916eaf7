package dedupe

import (
	"fmt"
	"reflect"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
)

// manyFigures is an article of n sentences, each stating a figure beside
// an outlet named in it.
func manyFigures(n int) *dossier.Article {
	var sb strings.Builder
	a := &dossier.Article{ID: "a", Lang: "en"}
	for i := 0; i < n; i++ {
		start := sb.Len()
		fmt.Fprintf(&sb, "Reuters says %d soldiers were sent. ", 100+i%50)
		v := float64(100 + i%50)
		a.Sentences = append(a.Sentences, dossier.Span{Start: start, End: sb.Len() - 1})
		a.Mentions = append(a.Mentions, dossier.Mention{Start: start, End: start + 7, Entity: "outlet:reuters", Type: dossier.EntityOutlet})
		a.Figures = append(a.Figures, dossier.Figure{Start: start + 13, End: start + 16, Value: &v, Thing: "soldier"})
	}
	a.Text = sb.String()
	return a
}

// TestProfileReports: the reports of a figure are the outlets named in
// its sentence.
func TestProfileReports(t *testing.T) {
	a := manyFigures(3)
	a.Mentions = append(a.Mentions, dossier.Mention{Start: a.Sentences[1].Start + 2, End: a.Sentences[1].Start + 6, Entity: "outlet:afp", Type: dossier.EntityOutlet})
	a.Mentions = append(a.Mentions, dossier.Mention{Start: a.Sentences[2].Start, End: a.Sentences[2].Start + 4, Entity: "person:x", Type: dossier.EntityPerson})
	got := ProfileOf(a).Reports
	want := []string{"outlet:reuters|soldier|100", "outlet:reuters|soldier|101", "outlet:afp|soldier|101", "outlet:reuters|soldier|102"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("reports = %v, want %v", got, want)
	}
}

// BenchmarkProfileOf: building a profile is linear in the article's size
// (it was figures × sentences): ns/op of the 16000-sentence article stays
// near eight times that of the 2000-sentence one. A benchmark, not a timed
// test: the ratio of two timings is not reliable on a loaded machine.
func BenchmarkProfileOf(b *testing.B) {
	for _, n := range []int{2000, 16000} {
		a := manyFigures(n)
		b.Run(fmt.Sprint(n), func(b *testing.B) {
			b.SetBytes(int64(len(a.Text)))
			for b.Loop() {
				ProfileOf(a)
			}
		})
	}
}

// FuzzDecodeProfile: a damaged saved profile is an error, never a panic
// nor a huge allocation, and a decoded one encodes back to the same bytes.
func FuzzDecodeProfile(f *testing.F) {
	v := 12.5
	p := ProfileOf(&dossier.Article{ID: "a1", Lang: "fr", Date: "2024-07-08", Text: "La Loire monte de 2 mètres.",
		Figures: []dossier.Figure{{Value: &v, Thing: "mètre"}}, Mentions: []dossier.Mention{{Entity: "place:loire"}}})
	b, _ := p.MarshalBinary()
	f.Add(b)
	f.Add([]byte(`{"id":"x","sig":[1,2]}`))
	f.Add([]byte{profileVersion, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := DecodeProfile(b)
		if err != nil || len(b) == 0 || b[0] != profileVersion {
			return
		}
		again, err := p.MarshalBinary()
		if err != nil || string(again) != string(b) {
			t.Fatalf("decoded %x, encoded back %x", b, again)
		}
	})
}
