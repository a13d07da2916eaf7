package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"La Corée du Nord aurait envoyé des milliers de soldats pour soutenir l'armée russe.", "fr"},
		{"North Korea has sent thousands of soldiers to support the Russian army, officials said.", "en"},
		{"Nordkorea hat nach Angaben aus Seoul tausende Soldaten nach Russland geschickt.", "de"},
		{"La Corea del Nord ha inviato migliaia di soldati per sostenere l'esercito russo.", "it"},
		{"", "und"},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

func BenchmarkDetect(b *testing.B) {
	text := "Les services de renseignement indiquent qu'un premier groupe de soldats a été déployé dans la région. "
	for i := 0; i < 4; i++ {
		text += text
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Detect(text)
	}
}
