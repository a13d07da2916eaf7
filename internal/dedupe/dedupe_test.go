package dedupe

import "testing"

func TestHash(t *testing.T) {
	same := [][2]string{
		{"L’armée  russe a envoyé\n12 000 soldats.", "l'armée russe a envoyé 12 000 soldats."},
		{"« Grave »", "\"grave\""},
	}
	for _, p := range same {
		if Hash(p[0]) != Hash(p[1]) {
			t.Errorf("Hash(%q) != Hash(%q)", p[0], p[1])
		}
	}
	if Hash("12 morts") == Hash("15 morts") {
		t.Error("changed figure hashed the same")
	}
	if got := ID(Hash("x")); len(got) != 12 {
		t.Errorf("ID length %d", len(got))
	}
}

func BenchmarkHash(b *testing.B) {
	text := "La Corée du Nord a déjà envoyé plus de 10.000 de ses soldats dans la région de Koursk. "
	for i := 0; i < 5; i++ {
		text += text
	}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Hash(text)
	}
}
