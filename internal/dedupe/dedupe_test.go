package dedupe

import (
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"testing"
)

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

func TestProfileBinary(t *testing.T) {
	p := Profile{ID: "abc", Lang: "fr", Date: "2024-11-01", URL: "https://x.example/a", SourceURL: "", Story: "s1",
		Sig: MinHash("un texte assez long pour une signature de plusieurs mots"), Numbers: []float64{12, 10000, 1.5},
		Entities: []string{"country:KP", "country:RU"}, Figures: []string{"soldier|10000"}, Reports: []string{"outlet:afp|soldier|10000"}}
	b, _ := p.MarshalBinary()
	got, err := DecodeProfile(b)
	if err != nil || fmt.Sprint(got) != fmt.Sprint(p) {
		t.Errorf("binary round trip = %+v, %v\nwant %+v", got, err, p)
	}
	j, _ := json.Marshal(p) // as stores saved them before
	if got, err := DecodeProfile(j); err != nil || fmt.Sprint(got) != fmt.Sprint(p) {
		t.Errorf("JSON profile decoded as %+v, %v", got, err)
	}
	for _, bad := range [][]byte{nil, {}, {2}, b[:len(b)-1], append(append([]byte{}, b...), 0)} {
		if _, err := DecodeProfile(bad); err == nil {
			t.Errorf("DecodeProfile(%d bytes) gave no error", len(bad))
		}
	}
	if len(b) >= len(j)*3/4 {
		t.Errorf("binary %d bytes, JSON %d: not compact", len(b), len(j))
	}
}

// TestDecodeProfileDamaged: a damaged saved profile is an error, never a
// panic or a huge allocation, and what decodes encodes back the same.
func TestDecodeProfileDamaged(t *testing.T) {
	b, _ := Profile{ID: "x", Numbers: []float64{1}, Entities: []string{"e"}, Reports: []string{"r"}}.MarshalBinary()
	r := rand.New(rand.NewPCG(1, 2))
	check := func(data []byte) {
		p, err := DecodeProfile(data)
		if err != nil || len(data) == 0 || data[0] == '{' {
			return
		}
		again, _ := p.MarshalBinary()
		if q, err := DecodeProfile(again); err != nil || fmt.Sprint(q) != fmt.Sprint(p) {
			t.Errorf("re-encoded profile decodes to %+v, %v", q, err)
		}
	}
	for i := range b { // every byte changed, and cut there
		for _, v := range []byte{0, 1, 2, 127, 128, 255} {
			c := append([]byte{}, b...)
			c[i] = v
			check(c)
		}
		check(b[:i])
	}
	for range 20000 { // noise behind a version byte
		c := make([]byte, r.IntN(1200))
		for j := range c {
			c[j] = byte(r.Uint32())
		}
		if len(c) > 0 {
			c[0] = profileVersion
		}
		check(c)
	}
}
