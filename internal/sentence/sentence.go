// Package sentence splits clean text into sentences with byte offsets,
// knowing French and English abbreviations ("M.", "Mr.", "nov.",
// "av. J.-C."), initials, and numbers written with points ("12.000", "2.5").
package sentence

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/dossier-news/dossier"
)

// abbreviations end with a point that does not end a sentence (lower case).
var abbreviations = map[string]bool{
	"m": true, "mm": true, "mme": true, "mmes": true, "mlle": true, "mr": true, "mrs": true, "ms": true, "dr": true,
	"pr": true, "prof": true, "st": true, "ste": true, "sr": true, "jr": true, "gen": true, "gén": true, "col": true,
	"lt": true, "sgt": true, "capt": true, "gov": true, "fr": true, "rev": true, "hon": true, "msgr": true, "sen": true, "rep": true, "mgr": true, "me": true,
	"jan": true, "janv": true, "feb": true, "fév": true, "févr": true, "mar": true, "apr": true, "avr": true,
	"jun": true, "jul": true, "juil": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true,
	"dec": true, "déc": true, "av": true, "apr.-j": true, "j.-c": true, "env": true, "cf": true, "etc": false,
	"no": true, "n°": true, "vol": true, "p": true, "pp": true, "ch": true, "art": true, "al": true, "vs": true,
	"ex": true, "fig": true, "approx": true, "inc": true, "ltd": true, "co": true, "corp": true, "bd": true,
	"av-j": true, "e.g": true, "i.e": true, "u.s": true, "u.k": true, "u.n": true, "resp": true, "min": false,
}

// Split returns the sentences of text. Paragraph breaks ("\n\n") always end
// a sentence.
func Split(text string) []dossier.Span {
	var out []dossier.Span
	start := 0
	emit := func(end int) {
		s, e := trim(text, start, end)
		if e > s {
			out = append(out, dossier.Span{Start: s, End: e})
		}
		start = end
	}
	for i := 0; i < len(text); {
		r, n := utf8.DecodeRuneInString(text[i:])
		switch {
		case r == '\n' && strings.HasPrefix(text[i+n:], "\n"):
			emit(i)
		case r == '.' || r == '!' || r == '?' || r == '…':
			j := i + n
			// closing quotes and brackets belong to the sentence
			for j < len(text) {
				c, m := utf8.DecodeRuneInString(text[j:])
				if c == '»' || c == '”' || c == '"' || c == ')' || c == '’' || c == '\'' || c == '.' || c == '!' || c == '?' {
					j += m
					continue
				}
				// French spacing before a closing guillemet: "grave. »"
				if (c == ' ' || c == '\u00a0' || c == '\u202f') && j+m < len(text) && strings.HasPrefix(text[j+m:], "»") {
					j += m
					continue
				}
				break
			}
			if boundary(text, i, j, r) {
				emit(j)
				i = j
				continue
			}
		}
		i += n
	}
	emit(len(text))
	return out
}

// boundary decides whether the punctuation at i (ending at j) ends a sentence.
func boundary(text string, i, j int, p rune) bool {
	if j >= len(text) {
		return true
	}
	next, _ := utf8.DecodeRuneInString(text[j:])
	if !unicode.IsSpace(next) {
		return false // "12.000", "2.5", "adnkronos.com", "J.-C."
	}
	k := j
	for k < len(text) {
		c, m := utf8.DecodeRuneInString(text[k:])
		if c == '\n' && k+m < len(text) && text[k+m] == '\n' {
			return true
		}
		if !unicode.IsSpace(c) {
			break
		}
		k += m
	}
	if k >= len(text) {
		return true
	}
	after, _ := utf8.DecodeRuneInString(text[k:])
	if unicode.IsLower(after) {
		return false
	}
	if p != '.' {
		return true
	}
	w := wordBefore(text, i)
	lw := strings.ToLower(w)
	if abbreviations[lw] {
		return false
	}
	// an initial: "J. Biden", "Kim J. Un"
	if utf8.RuneCountInString(w) == 1 && unicode.IsUpper([]rune(w)[0]) {
		return false
	}
	return true
}

func wordBefore(text string, i int) string {
	j := i
	for j > 0 {
		c, m := utf8.DecodeLastRuneInString(text[:j])
		if unicode.IsSpace(c) || c == '(' || c == '«' || c == '“' || c == '"' {
			break
		}
		j -= m
	}
	return text[j:i]
}

func trim(text string, s, e int) (int, int) {
	for s < e {
		r, n := utf8.DecodeRuneInString(text[s:])
		if !unicode.IsSpace(r) {
			break
		}
		s += n
	}
	for e > s {
		r, n := utf8.DecodeLastRuneInString(text[:e])
		if !unicode.IsSpace(r) {
			break
		}
		e -= n
	}
	return s, e
}
