package clean

import (
	"strings"
	"unicode"
)

// camelWords are names written with an inner capital; they are not glued words.
var camelWords = map[string]bool{
	"whatsapp": true, "youtube": true, "linkedin": true, "paypal": true, "tiktok": true, "javascript": true,
	"powerpoint": true, "blackrock": true, "deepseek": true, "deepmind": true, "github": true, "fedex": true,
	"mastercard": true, "biontech": true, "astrazeneca": true, "macbook": true, "harpercollins": true,
	"playstation": true, "softbank": true, "dreamworks": true, "exxonmobil": true, "glaxosmithkline": true,
	"arcelormittal": true, "blackberry": true, "openai": true, "mcdonald": true, "mcdonald's": true,
	"iphone": true, "ipad": true, "facebook": true, "wikileaks": true, "easyjet": true, "airbnb": true,
	"bnpparibas": true, "leboncoin": true, "telegram": true, "pyongyang": true, "lafarge": true,
	"mcdonalds": true, "wordpress": true, "photoshop": true, "safeguard": true, "gazprom": true,
	"rosatom": true, "bundeswehr": true, "nordstream": true, "starlink": true, "spacex": true,
	"netflix": true, "microsoft": true, "nvidia": true, "huawei": true, "xiaomi": true,
	"eurostat": true, "interpol": true, "europol": true, "frontex": true, "unicef": true,
	"unesco": true, "francetvinfo": true, "franceinfo": true, "lci": true, "bfmtv": true,
	"cnews": true, "tf1": true, "theguardian": true, "nytimes": true, "washingtonpost": true,
}

// Unglue splits words that scraping glued together where the evidence is
// clear: a lower-case run followed by a capitalised word ("BloombergLa",
// "uneGuerreRussie"), and a closing quote glued to the next word
// ("»se", "”rapporte"). Names with inner capitals (WhatsApp) are kept.
func Unglue(s string) string {
	if !needsUnglue(s) {
		return s
	}
	words := strings.Split(s, " ")
	for i, w := range words {
		if strings.Contains(w, "://") || strings.HasPrefix(strings.ToLower(w), "www.") || strings.Contains(w, "@") {
			continue
		}
		words[i] = unglueWord(w)
	}
	return strings.Join(words, " ")
}

func needsUnglue(s string) bool {
	prev := rune(0)
	for _, r := range s {
		if unicode.IsUpper(r) && unicode.IsLower(prev) {
			return true
		}
		if unicode.IsLetter(r) && (prev == '»' || prev == '”') {
			return true
		}
		prev = r
	}
	return false
}

func unglueWord(w string) string {
	if camelWords[strings.ToLower(strings.Trim(w, ".,;:!?()«»“”\"'’"))] {
		return w
	}
	rs := []rune(w)
	var b strings.Builder
	runStart := 0 // start of the current lower-case run of letters
	for i, r := range rs {
		if i > 0 {
			prev := rs[i-1]
			switch {
			case (prev == '»' || prev == '”') && unicode.IsLetter(r):
				b.WriteByte(' ')
				runStart = i
			case unicode.IsUpper(r) && unicode.IsLower(prev) && i+1 < len(rs) && unicode.IsLower(rs[i+1]) && i-runStart > 2:
				// "Mc" and "i" in "McKinsey" and "iPhone" are too short to be words.
				b.WriteByte(' ')
				runStart = i
			case !unicode.IsLetter(r):
				runStart = i + 1
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}
