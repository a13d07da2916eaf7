package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"La Corée du Nord aurait envoyé des milliers de soldats pour soutenir l'armée russe.", "fr"},
		{"North Korea has sent thousands of soldiers to support the Russian army, officials said.", "en"},
		{"Nordkorea hat nach Angaben aus Seoul tausende Soldaten nach Russland geschickt.", "de"},
		{"La Corea del Nord ha inviato migliaia di soldati per sostenere l'esercito russo.", "it"},
		{"", "und"},
		{"Северная Корея направила тысячи солдат в Россию, сообщили в Сеуле.", "ru"},
		{"北朝鮮はロシアに数千人の兵士を派遣した。", "ja"},
		{"Corea del Norte ha enviado miles de soldados a Rusia, según Seúl.", "es"},
		{"A Coreia do Norte enviou milhares de soldados para a Rússia, segundo Seul.", "pt"},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestStopwordsAgreeWithLingua: where function words decide, they must
// agree with lingua-go.
func TestStopwordsAgreeWithLingua(t *testing.T) {
	for _, text := range []string{
		"Les services de renseignement sud-coréens indiquent qu'un premier groupe de soldats a été déployé dans la région, selon l'AFP, qui cite des sources.",
		"The prefect warned that up to 5,000 people could have to leave their homes if the river keeps rising, officials said on Friday.",
		"Die Regierung hat am Freitag mitgeteilt, dass die Zahl der Soldaten in der Region nicht bekannt ist und auch nicht veröffentlicht wird.",
		"Il governo ha detto che il numero dei soldati nella regione non è noto e che non sono state fornite cifre per la stampa.",
	} {
		sw, li := byStopwords(text), Lingua(text)
		if sw == "" {
			t.Errorf("function words undecided on %q", text)
		} else if sw != li {
			t.Errorf("function words say %s, lingua-go %s on %q", sw, li, text)
		}
	}
}

func BenchmarkLingua(b *testing.B) {
	text := "Les services de renseignement indiquent qu'un premier groupe de soldats a été déployé dans la région. "
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Lingua(text)
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
