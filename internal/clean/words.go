package clean

import (
	"strings"
	"unicode"
)

// Characters of scripts written without spaces between words, per word on
// average: Chinese words are one or two characters, Japanese ones two or
// three with kana; Thai, Lao, Khmer and Myanmar words four or more
// (vowel and tone marks are characters of their own).
const (
	hanPerWord  = 2.0
	thaiPerWord = 4.0
)

// wordCount counts the words of s so that line-length rules hold in every
// script: a space-separated field is a word, and a run of a script written
// without spaces counts as the words it holds on average, so a Japanese
// paragraph is as long as its English translation, not one "word".
func wordCount(s string) int {
	n := 0
	for f := range strings.FieldsSeq(s) {
		n += fieldWords(f)
	}
	return n
}

func fieldCount(s string) int {
	n := 0
	for range strings.FieldsSeq(s) {
		n++
	}
	return n
}

func fieldWords(f string) int {
	ascii := true
	for i := 0; i < len(f); i++ {
		if f[i] >= 0x80 {
			ascii = false
			break
		}
	}
	if ascii {
		return 1
	}
	var dense float64
	other := false
	for _, r := range f {
		switch {
		case r < 0x2e80: // below the CJK blocks: only Thai and its neighbours are unspaced
			if r >= 0x0e00 && r <= 0x0eff || r >= 0x1000 && r <= 0x109f || r >= 0x1780 && r <= 0x17ff {
				dense += 1 / thaiPerWord
			} else if unicode.IsLetter(r) || unicode.IsDigit(r) {
				other = true
			}
		case unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) || unicode.Is(unicode.Katakana, r) || r == 'ー':
			dense += 1 / hanPerWord
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			other = true // Hangul is written with spaces; full-width Latin is a word
		}
	}
	if dense == 0 {
		return 1
	}
	w := int(dense + 0.5)
	if other {
		w++
	}
	return max(1, w)
}
