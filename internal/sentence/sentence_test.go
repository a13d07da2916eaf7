package sentence

import (
	"testing"
	"unicode/utf8"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		text string
		want []string
	}{
		{"M. Dupont est arrivé. Il a parlé.", []string{"M. Dupont est arrivé.", "Il a parlé."}},
		{"Mr. Smith said 12.000 troops left. Then he went home!", []string{"Mr. Smith said 12.000 troops left.", "Then he went home!"}},
		{"Fr. Jenco was freed on Friday. Rev. Weir was freed before.", []string{"Fr. Jenco was freed on Friday.", "Rev. Weir was freed before."}},
		{"Le 3 nov. 2024, Kiev a réagi. Un soldat sur 2.5 millions.", []string{"Le 3 nov. 2024, Kiev a réagi.", "Un soldat sur 2.5 millions."}},
		{"En 52 av. J.-C. César gagna. La suite est connue.", []string{"En 52 av. J.-C. César gagna.", "La suite est connue."}},
		{"« C'est grave. » Il le dit. Voilà…", []string{"« C'est grave. »", "Il le dit.", "Voilà…"}},
		{"Titre\n\nPremier paragraphe. Deuxième phrase.", []string{"Titre", "Premier paragraphe.", "Deuxième phrase."}},
		{"Kim J. Un a parlé. U.S. officials agreed.", []string{"Kim J. Un a parlé.", "U.S. officials agreed."}},
		{"Selon l'AFP. le chiffre est faux.", []string{"Selon l'AFP. le chiffre est faux."}},
		{"", nil},
	}
	for _, tt := range tests {
		var got []string
		for _, s := range Split(tt.text) {
			got = append(got, tt.text[s.Start:s.End])
		}
		if len(got) != len(tt.want) {
			t.Errorf("Split(%q) = %q, want %q", tt.text, got, tt.want)
			continue
		}
		for i := range got {
			if got[i] != tt.want[i] {
				t.Errorf("Split(%q)[%d] = %q, want %q", tt.text, i, got[i], tt.want[i])
			}
		}
	}
}

func FuzzSplit(f *testing.F) {
	f.Add("M. Dupont est arrivé. Il a parlé.\n\nUn autre. 12.000 soldats.")
	f.Add("…»”. .\n\n\n")
	f.Fuzz(func(t *testing.T, s string) {
		prev := 0
		for _, sp := range Split(s) {
			if sp.Start < prev || sp.End <= sp.Start || sp.End > len(s) {
				t.Fatalf("bad span %v after %d in %q", sp, prev, s)
			}
			if utf8.ValidString(s) && !utf8.ValidString(s[sp.Start:sp.End]) {
				t.Fatalf("span %v cuts a rune in %q", sp, s)
			}
			prev = sp.End
		}
	})
}

func BenchmarkSplit(b *testing.B) {
	text := "M. Dupont a déclaré vendredi que 12.000 soldats avaient été envoyés. Selon l'AFP, le chiffre est contesté! "
	for i := 0; i < 6; i++ {
		text += text
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Split(text)
	}
}
