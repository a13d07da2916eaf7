package figure

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

type tokKind uint8

const (
	tWord  tokKind = iota
	tNum           // digits, with inner separators: 12.000 1,5
	tAlnum         // letters and digits mixed: M1989, G20, 3e, 14h30
	tPunct
)

type token struct {
	text       string
	lower      string
	start, end int // byte offsets in the article text
	kind       tokKind
	spaceAfter string // the spacing up to the next token
}

func isApos(r rune) bool { return r == '\'' || r == '’' }

// tokenize splits s (starting at offset base of the text) into tokens.
// French elisions are split after the apostrophe: "d’obusiers" is "d’"
// and "obusiers"; hyphenated words stay whole.
func tokenize(s string, base int) []token {
	toks := make([]token, 0, len(s)/5+1) // about a token for five bytes of news text
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if unicode.IsSpace(r) {
			i += n
			continue
		}
		start := i
		kind := tPunct
		// ".08", ",25": a decimal with no whole part, after a space
		if (r == '.' || r == ',') && i+1 < len(s) && isDigitByte(s[i+1]) && (i == 0 || s[i-1] == ' ') {
			i++
			r, n = utf8.DecodeRuneInString(s[i:])
		}
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			hasL, hasD := false, false
			for i < len(s) {
				r, n := utf8.DecodeRuneInString(s[i:])
				switch {
				case unicode.IsLetter(r):
					// "$13.6M", "50mph", "256GB", "10k": a scale or unit glued
					// to digits is its own token; "14h30", "3e", "1er" stay whole
					if hasD && !hasL && gluedSuffixAt(s, i) {
						goto done
					}
					hasL = true
				case unicode.IsDigit(r):
					// "USD1,700", "RM79", "EUR5": a currency code glued to digits
					if hasL && !hasD && currencyPrefix[s[start:i]] != "" {
						goto done
					}
					hasD = true
				case (r == '.' || r == ',') && hasD && !hasL && i+n < len(s) && isDigitByte(s[i+n]):
					// decimal or thousands separator inside a number
				case isApos(r) && hasD && !hasL && threeDigitsAt(s, i+n):
					// Swiss thousands: "50'000", "1’250’000"
				case r == '-' && i+n < len(s) && !hasD:
					r2, _ := utf8.DecodeRuneInString(s[i+n:])
					if !unicode.IsLetter(r2) {
						goto done
					}
				case isApos(r) && hasL && !hasD:
					i += n // keep the apostrophe with the elided word
					goto done
				default:
					goto done
				}
				i += n
			}
		done:
			switch {
			case hasD && hasL:
				kind = tAlnum
			case hasD:
				kind = tNum
			default:
				kind = tWord
			}
		default:
			i += n
		}
		t := token{text: s[start:i], start: base + start, end: base + i, kind: kind}
		t.lower = strings.ToLower(t.text)
		toks = append(toks, t)
	}
	for k := range toks {
		if k+1 < len(toks) {
			toks[k].spaceAfter = s[toks[k].end-base : toks[k+1].start-base]
		}
	}
	return toks
}

func isDigitByte(b byte) bool { return b >= '0' && b <= '9' }

// threeDigitsAt: exactly three digits start at s[i] (a thousands group).
func threeDigitsAt(s string, i int) bool {
	if i+3 > len(s) || !isDigitByte(s[i]) || !isDigitByte(s[i+1]) || !isDigitByte(s[i+2]) {
		return false
	}
	return i+3 == len(s) || !isDigitByte(s[i+3])
}

// gluedSuffixAt: the run of letters at s[i] is a scale or unit written
// against its number, and ends the word.
func gluedSuffixAt(s string, i int) bool {
	j := i
	for j < len(s) {
		r, n := utf8.DecodeRuneInString(s[j:])
		if !unicode.IsLetter(r) {
			if unicode.IsDigit(r) {
				return false
			}
			break
		}
		j += n
	}
	return gluedSuffixes[strings.ToLower(s[i:j])]
}

// bare drops a trailing elision apostrophe: "d’" is "d", "jusqu'" is "jusqu".
func bare(w string) string {
	w = strings.TrimSuffix(w, "'")
	return strings.TrimSuffix(w, "’")
}
