// Package lang detects the language of an article's text: function-word
// counts decide the clear cases, lingua-go (restricted to the languages
// news in this field comes in, in low-accuracy mode) the others.
package lang

import (
	"strings"
	"sync"

	"github.com/pemistahl/lingua-go"
)

// Languages dossier tells apart. Text in another language is labelled with
// the nearest of these or "und" when no guess is confident.
var Languages = []lingua.Language{
	lingua.English, lingua.French, lingua.German, lingua.Italian, lingua.Spanish, lingua.Portuguese,
	lingua.Dutch, lingua.Russian, lingua.Ukrainian, lingua.Polish, lingua.Arabic, lingua.Chinese,
	lingua.Japanese, lingua.Korean, lingua.Turkish,
}

var (
	once     sync.Once
	detector lingua.LanguageDetector
)

func get() lingua.LanguageDetector {
	once.Do(func() {
		detector = lingua.NewLanguageDetectorBuilder().FromLanguages(Languages...).WithLowAccuracyMode().Build()
	})
	return detector
}

// sampleBytes: the first few hundred words decide; longer samples cost
// time and do not change the answer for a single-language article.
const sampleBytes = 1200

// Detect returns the ISO 639-1 code of the language of text, or "und".
// Clear cases are decided by counting function words (microseconds);
// the rest by lingua-go on a sample (about a millisecond).
func Detect(text string) string {
	if l := byStopwords(text); l != "" {
		return l
	}
	return Lingua(text)
}

// Lingua detects with lingua-go alone.
func Lingua(text string) string {
	if len(text) > sampleBytes {
		cut := strings.LastIndexByte(text[:sampleBytes], ' ')
		if cut > 0 {
			text = text[:cut]
		}
	}
	if strings.TrimSpace(text) == "" {
		return "und"
	}
	l, ok := get().DetectLanguageOf(text)
	if !ok {
		return "und"
	}
	return strings.ToLower(l.IsoCode639_1().String())
}
