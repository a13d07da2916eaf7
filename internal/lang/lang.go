package lang

import (
	"strings"
	"unicode"

	"github.com/RadhiFadlillah/whatlanggo"
)

// Languages dossier tells apart, as ISO 639-1 codes. Text in another
// language is labelled with the nearest of these, or "und" when it has no
// letters.
var Languages = []string{
	"en", "fr", "de", "it", "es", "pt", "nl", "ru", "uk", "pl", "ar", "zh", "ja", "ko", "tr",
}

// whatlangCodes maps whatlanggo's languages to the supported codes.
var whatlangCodes = map[whatlanggo.Lang]string{
	whatlanggo.Eng: "en", whatlanggo.Fra: "fr", whatlanggo.Deu: "de", whatlanggo.Ita: "it",
	whatlanggo.Spa: "es", whatlanggo.Por: "pt", whatlanggo.Nld: "nl", whatlanggo.Rus: "ru",
	whatlanggo.Ukr: "uk", whatlanggo.Pol: "pl", whatlanggo.Arb: "ar", whatlanggo.Cmn: "zh",
	whatlanggo.Jpn: "ja", whatlanggo.Kor: "ko", whatlanggo.Tur: "tr",
}

// whitelist keeps whatlanggo's answer among the supported languages: left
// to its 84, it labels short French text Catalan or Occitan.
var whitelist = func() whatlanggo.Options {
	w := map[whatlanggo.Lang]bool{}
	for l := range whatlangCodes {
		w[l] = true
	}
	return whatlanggo.Options{Whitelist: w}
}()

// sampleBytes: the first few hundred words decide; longer samples cost
// time and do not change the answer for a single-language article.
const sampleBytes = 1200

// Detect returns the ISO 639-1 code of the language of text (one of
// Languages), or "und" when text has no letters.
func Detect(text string) string {
	text = sample(text)
	switch l := byScript(text); l {
	case "latin":
		if l := byStopwords(text); l != "" {
			return l
		}
		return Whatlang(text)
	case "cyrl":
		return cyrillic(text)
	default:
		return l
	}
}

// Whatlang detects with whatlanggo alone, among the supported languages.
func Whatlang(text string) string {
	text = sample(text)
	info := whatlanggo.DetectWithOptions(text, whitelist)
	if c, ok := whatlangCodes[info.Lang]; ok {
		return c
	}
	return "und"
}

func sample(text string) string {
	if len(text) <= sampleBytes {
		return text
	}
	// Cut at a space near the end; Chinese and Japanese have none, and the
	// last space may be far back in a quoted Latin-script sentence, so
	// otherwise at a rune boundary.
	if cut := strings.LastIndexByte(text[:sampleBytes], ' '); cut > sampleBytes-40 {
		return text[:cut]
	}
	cut := sampleBytes
	for cut > 0 && text[cut]&0xC0 == 0x80 {
		cut--
	}
	return text[:cut]
}

// byScript returns the language the writing system alone decides, "latin"
// or "cyrl" when the letters are mostly Latin or Cyrillic, or "und" when
// there are no letters.
func byScript(text string) string {
	var latin, cyrl, arabic, han, kana, hangul, other int
	for _, r := range text {
		switch {
		case r < 0x80:
			if r|0x20 >= 'a' && r|0x20 <= 'z' {
				latin++
			}
		case !unicode.IsLetter(r):
		case unicode.Is(unicode.Latin, r):
			latin++
		case unicode.Is(unicode.Cyrillic, r):
			cyrl++
		case unicode.Is(unicode.Arabic, r):
			arabic++
		case unicode.Is(unicode.Hangul, r):
			hangul++
		case unicode.Is(unicode.Hiragana, r), unicode.Is(unicode.Katakana, r):
			kana++
		case unicode.Is(unicode.Han, r):
			han++
		default:
			other++
		}
	}
	// Latin letters inside other scripts (names, acronyms, URLs) count for
	// less: a Chinese sentence quoting "NATO" is still Chinese.
	cjk := han + kana + hangul
	best, name := latin, "latin"
	for _, c := range []struct {
		n    int
		name string
	}{{cyrl * 2, "cyrl"}, {arabic * 2, "ar"}, {cjk * 4, "cjk"}} {
		if c.n > best {
			best, name = c.n, c.name
		}
	}
	switch {
	case best == 0:
		return "und"
	case name != "cjk":
		return name
	case hangul*2 >= cjk:
		return "ko"
	// Japanese mixes kana into Han; a few kana (a quoted brand name) in
	// Chinese do not make it Japanese.
	case kana*10 >= cjk:
		return "ja"
	default:
		return "zh"
	}
}

// cyrillic tells Russian from Ukrainian by the letters only one of them
// writes (і ї є ґ against ы э ъ ё); whatlanggo decides when neither shows.
func cyrillic(text string) string {
	uk, ru := 0, 0
	for _, r := range strings.ToLower(text) {
		switch r {
		case 'і', 'ї', 'є', 'ґ':
			uk++
		case 'ы', 'э', 'ъ', 'ё':
			ru++
		}
	}
	switch {
	case uk > 2*ru:
		return "uk"
	case ru > 2*uk:
		return "ru"
	}
	if l := Whatlang(text); l == "uk" {
		return l
	}
	return "ru"
}
