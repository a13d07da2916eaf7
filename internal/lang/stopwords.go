package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Function words that, counted over a sample, tell these languages apart
// in news text at once; lingua-go decides when the count is not clear.
var stopwords = map[string][]string{
	"fr": {"le", "la", "les", "des", "du", "un", "une", "et", "est", "dans", "pour", "que", "qui", "sur", "au", "aux", "avec", "pas", "par", "plus", "ont", "été", "sont", "selon", "cette", "ses", "leur", "mais", "entre", "aussi", "elle", "il", "ils", "nous", "de", "à", "en", "a", "l'", "d'", "qu'", "n'", "s'", "c'", "ne", "se", "sa", "son", "ces", "où"},
	"en": {"the", "and", "of", "to", "in", "is", "was", "were", "that", "for", "on", "with", "as", "by", "at", "from", "have", "has", "had", "said", "which", "their", "its", "this", "be", "been", "are", "not", "but", "they", "he", "she", "would", "will", "an"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "auf", "für", "sich", "auch", "von", "zu", "im", "wurde", "nach", "bei", "aus", "sind", "hat", "wie", "oder"},
	"it": {"il", "di", "che", "della", "dei", "delle", "per", "con", "non", "una", "sono", "nel", "nella", "gli", "anche", "più", "dal", "alla", "è", "ha", "stato", "loro", "questo", "come", "lo"},
	"es": {"el", "los", "las", "del", "y", "que", "en", "por", "con", "para", "una", "es", "se", "su", "sus", "al", "como", "más", "pero", "fue", "han", "este", "esta", "lo", "ha"},
	"pt": {"os", "as", "do", "da", "dos", "das", "que", "em", "para", "com", "não", "uma", "um", "foi", "pelo", "pela", "mais", "seu", "sua", "ao", "também", "são", "está", "ele", "eles"},
	"nl": {"de", "het", "een", "en", "van", "dat", "niet", "is", "op", "te", "met", "voor", "zijn", "werd", "aan", "bij", "ook", "door", "naar", "maar", "hij", "zij", "wordt", "heeft"},
}

var stopIndex = func() map[string][]string {
	m := map[string][]string{}
	for l, ws := range stopwords {
		for _, w := range ws {
			m[w] = append(m[w], l)
		}
	}
	return m
}()

// byStopwords returns the language whose function words dominate the
// sample, or "" when the evidence is not clear.
func byStopwords(text string) string {
	counts := map[string]int{}
	words, latin, other := 0, 0, 0
	for len(text) > 0 && words < 200 {
		i := strings.IndexFunc(text, unicode.IsLetter)
		if i < 0 {
			break
		}
		text = text[i:]
		j := strings.IndexFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && r != '’' && r != '\'' })
		if j < 0 {
			j = len(text)
		}
		w := text[:j]
		text = text[j:]
		words++
		r, _ := utf8.DecodeRuneInString(w)
		if r < 0x250 {
			latin++
		} else {
			other++
		}
		lw := strings.ToLower(strings.ReplaceAll(w, "’", "'"))
		if k := strings.IndexByte(lw, '\''); k > 0 {
			lw = lw[:k+1] // "l’armée": count the elided article
		}
		for _, l := range stopIndex[lw] {
			counts[l]++
		}
	}
	if other > latin {
		return "" // another script: lingua-go decides
	}
	best, second, bl := 0, 0, ""
	for l, c := range counts {
		switch {
		case c > best:
			best, second, bl = c, best, l
		case c > second:
			second = c
		}
	}
	if best >= 6 && best >= 3*second && best*8 >= words {
		return bl
	}
	return ""
}
