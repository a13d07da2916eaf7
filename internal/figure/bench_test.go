package figure

import (
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/sentence"
)

const benchText = `La Corée du Nord a déjà envoyé plus de 10.000 de ses soldats dans la région de Koursk, selon les renseignements sud-coréens. Les observateurs s'interrogent sur les conséquences diplomatiques de cette décision, annoncée sans préavis.

North Korea could send up to 100,000 troops, Bloomberg reported on Friday. Several lawmakers demanded explanations from the government, which declined to comment immediately.

Les assureurs estiment les dégâts à 40 millions d'euros. Au moins 600 maisons ont été inondées, d'après un recensement des communes.`

func BenchmarkExtract(b *testing.B) {
	text := strings.Repeat(benchText+"\n\n", 4)
	sents := sentence.Split(text)
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Extract(text, sents, Context{Date: "2024-11-22"})
	}
}

func FuzzExtract(f *testing.F) {
	f.Add(benchText)
	f.Add("entre 10 et 12 000 soldats, jusqu’à 1,5 million d'euros; des milliers; 14h30; M1989; G20; 25 mars 2024.")
	f.Fuzz(func(t *testing.T, s string) {
		for _, fig := range Extract(s, sentence.Split(s), Context{Date: "2024-11-22", Title: "Titre: 3 000 soldats"}) {
			if fig.Field == "" && (fig.Start < 0 || fig.End > len(s) || fig.Start >= fig.End || s[fig.Start:fig.End] != fig.Text) {
				t.Fatalf("figure %q at %d..%d does not match the text", fig.Text, fig.Start, fig.End)
			}
		}
	})
}
