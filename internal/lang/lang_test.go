package lang

import "testing"

func TestDetect(t *testing.T) {
	tests := []struct{ text, want string }{
		{"La Corée du Nord aurait envoyé des milliers de soldats pour soutenir l'armée russe.", "fr"},
		{"North Korea has sent thousands of soldiers to support the Russian army, officials said.", "en"},
		{"Nordkorea hat nach Angaben aus Seoul tausende Soldaten nach Russland geschickt.", "de"},
		{"La Corea del Nord ha inviato migliaia di soldati per sostenere l'esercito russo.", "it"},
		{"", "und"},
		{"2026-03-12 14:05 — 1 234,5", "und"},
		{"Северная Корея направила тысячи солдат в Россию, сообщили в Сеуле.", "ru"},
		{"Північна Корея направила тисячі солдатів до Росії, повідомили в Сеулі.", "uk"},
		{"北朝鮮はロシアに数千人の兵士を派遣した。", "ja"},
		{"朝鲜向俄罗斯派遣了数千名士兵，首尔方面称。", "zh"},
		{"北约秘书长表示，NATO将加强东翼防御。", "zh"},
		{"북한이 러시아에 수천 명의 병력을 보냈다고 서울이 밝혔다.", "ko"},
		{"أرسلت كوريا الشمالية آلاف الجنود إلى روسيا بحسب سيول.", "ar"},
		{"Corea del Norte ha enviado miles de soldados a Rusia, según Seúl.", "es"},
		{"A Coreia do Norte enviou milhares de soldados para a Rússia, segundo Seul.", "pt"},
	}
	for _, tt := range tests {
		if got := Detect(tt.text); got != tt.want {
			t.Errorf("Detect(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestStopwordsAgreeWithWhatlang: where function words decide, they must
// agree with the trigram profiles.
func TestStopwordsAgreeWithWhatlang(t *testing.T) {
	for _, text := range []string{
		"Les services de renseignement sud-coréens indiquent qu'un premier groupe de soldats a été déployé dans la région, selon l'AFP, qui cite des sources.",
		"The prefect warned that up to 5,000 people could have to leave their homes if the river keeps rising, officials said on Friday.",
		"Die Regierung hat am Freitag mitgeteilt, dass die Zahl der Soldaten in der Region nicht bekannt ist und auch nicht veröffentlicht wird.",
		"Il governo ha detto che il numero dei soldati nella regione non è noto e che non sono state fornite cifre per la stampa.",
	} {
		sw, wl := byStopwords(text), Whatlang(text)
		if sw == "" {
			t.Errorf("function words undecided on %q", text)
		} else if sw != wl {
			t.Errorf("function words say %s, whatlanggo %s on %q", sw, wl, text)
		}
	}
}
