package lang

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Function words that, counted over a sample, tell these languages apart
// in news text at once; whatlanggo decides when the count is not clear.
// A word common to several languages counts for each; words that are
// frequent in one and mean something else in another (Polish "do",
// "na", Turkish "de", "da") are left out.
var stopwords = map[string][]string{
	"fr": {"le", "la", "les", "des", "du", "un", "une", "et", "est", "dans", "pour", "que", "qui", "sur", "au", "aux", "avec", "pas", "par", "plus", "ont", "été", "sont", "selon", "cette", "ses", "leur", "mais", "entre", "aussi", "elle", "il", "ils", "nous", "de", "à", "en", "a", "l'", "d'", "qu'", "n'", "s'", "c'", "ne", "se", "sa", "son", "ces", "où"},
	"en": {"the", "and", "of", "to", "in", "is", "was", "were", "that", "for", "on", "with", "as", "by", "at", "from", "have", "has", "had", "said", "which", "their", "its", "this", "be", "been", "are", "not", "but", "they", "he", "she", "would", "will", "an"},
	"de": {"der", "die", "das", "und", "ist", "nicht", "mit", "den", "dem", "ein", "eine", "auf", "für", "sich", "auch", "von", "zu", "im", "wurde", "nach", "bei", "aus", "sind", "hat", "wie", "oder"},
	"it": {"il", "di", "che", "della", "dei", "delle", "per", "con", "non", "una", "sono", "nel", "nella", "gli", "anche", "più", "dal", "alla", "è", "ha", "stato", "loro", "questo", "come", "lo", "la", "le", "a", "un", "in", "del", "e", "i", "da", "al", "ma", "si"},
	"es": {"el", "los", "las", "del", "y", "que", "en", "por", "con", "para", "una", "es", "se", "su", "sus", "al", "como", "más", "pero", "fue", "han", "este", "esta", "lo", "ha", "la", "de", "a", "un", "no"},
	"pt": {"os", "as", "do", "da", "dos", "das", "que", "em", "para", "com", "não", "uma", "um", "foi", "pelo", "pela", "mais", "seu", "sua", "ao", "também", "são", "está", "ele", "eles", "a", "o", "e", "de", "no", "na", "se", "por", "como"},
	"pl": {"w", "z", "się", "nie", "że", "jest", "od", "przez", "jak", "ale", "za", "dla", "oraz", "który", "która", "które", "czy", "już", "są", "był", "była", "został", "ze", "we", "także", "po", "tym", "jego", "ich", "roku"},
	"tr": {"ve", "bir", "bu", "için", "ile", "olarak", "çok", "daha", "gibi", "ama", "ancak", "göre", "olan", "sonra", "kadar", "ise", "değil", "var", "yok", "şu", "her", "olduğunu", "etti", "ki"},
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
	// counts: every function word; own: those of one language only
	// (Spanish, Italian and Portuguese share many, "que", "con", "una").
	counts, own := map[string]int{}, map[string]int{}
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
		ls := stopIndex[lw]
		for _, l := range ls {
			counts[l]++
		}
		if len(ls) == 1 {
			own[ls[0]]++
		}
		if l := letterCue(lw); l != "" {
			counts[l]++
		}
	}
	if other > latin {
		return "" // another script
	}
	best, second, bl := top(counts)
	if best >= 6 && best >= 3*second && best*8 >= words {
		return bl
	}
	if ob, os, ol := top(own); ob >= 6 && ob >= 3*os && best*8 >= words {
		return ol
	}
	// A headline has few words: two clues and none for another language.
	if words < 12 && best >= 2 && second == 0 {
		return bl
	}
	return ""
}

// letterCue returns the language that, among the supported ones, alone
// writes a letter of word: Polish ł ą ę ś ź ż ć ń, Turkish ı ş ğ, German
// ß ä, Spanish ñ, Portuguese ã õ.
func letterCue(word string) string {
	for _, r := range word {
		switch r {
		case 'ł', 'ą', 'ę', 'ś', 'ź', 'ż', 'ć', 'ń':
			return "pl"
		case 'ı', 'ş', 'ğ':
			return "tr"
		case 'ß', 'ä':
			return "de"
		case 'ñ':
			return "es"
		case 'ã', 'õ':
			return "pt"
		}
	}
	return ""
}

// top returns the highest and second highest counts and the language with
// the highest (the smallest code on a tie, so that map order never decides).
func top(counts map[string]int) (best, second int, lang string) {
	for l, c := range counts {
		switch {
		case c > best || c == best && c > 0 && l < lang:
			second, best, lang = best, c, l
		case c > second:
			second = c
		}
	}
	return best, second, lang
}
