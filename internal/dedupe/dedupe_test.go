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

// TestHashStable: ids are hashes stored in every store, so the same text
// must hash the same in every version.
func TestHashStable(t *testing.T) {
	tests := map[string]string{
		"La Corée du Nord a envoyé « plus de 10 000 » soldats,\tselon Séoul — qui `craint’ davantage.\n\nNEW  line\u00a0x \u0085y": "5f509f0eba8f72694849b00f9465591f099a099cca515ae8db48e2b8bac71d44",
		"":          "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
		"  A  ":     "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
		"« x »":     "ba2df4903a2c14e86dc3bcca58911b44ac1d2514b7227bf6eb08cfb978f55a1b",
		"e\u0301té": "bd010c64132bf5cae8aea89f6762515727dcf68a5dd1de813c87f50a16c4513c",
	}
	for in, want := range tests {
		if got := Hash(in); got != want {
			t.Errorf("Hash(%q) = %s, want %s: stored ids would no longer match", in, got, want)
		}
	}
}
