// Package dedupe recognises articles already seen. Exact duplicates share
// the hash of their normalised text: Unicode NFC, case folded, quotes and
// apostrophes unified, spacing collapsed; digits are kept, since a changed
// figure is news.
package dedupe

import (
	"crypto/sha256"
	"encoding/hex"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form of text that exact-duplicate detection compares.
func Normalize(text string) string {
	return string(appendNormal(make([]byte, 0, len(text)), text))
}

// appendNormal appends the normal form of text to b. ASCII, most of news
// text even in French, takes a byte at a time; the rest a rune at a time.
func appendNormal(b []byte, text string) []byte {
	text = norm.NFC.String(text)
	space, afterQuote := false, false
	for i := 0; i < len(text); {
		r, n := rune(text[i]), 1
		if r >= utf8.RuneSelf {
			r, n = utf8.DecodeRuneInString(text[i:])
		}
		i += n
		switch r {
		case '’', '‘', '`', '´':
			r = '\''
		case '«', '»', '“', '”', '„':
			r = '"'
		case '–', '—':
			r = '-'
		}
		if r < utf8.RuneSelf {
			if r == ' ' || '\t' <= r && r <= '\r' {
				space = len(b) > 0 && !afterQuote
				continue
			}
		} else if unicode.IsSpace(r) {
			space = len(b) > 0 && !afterQuote
			continue
		}
		// spacing around quotes is typography (« grave » vs "grave")
		afterQuote = r == '"'
		if space && r != '"' {
			b = append(b, ' ')
		}
		space = false
		switch {
		case 'A' <= r && r <= 'Z':
			b = append(b, byte(r+'a'-'A'))
		case r < utf8.RuneSelf:
			b = append(b, byte(r))
		default:
			b = utf8.AppendRune(b, unicode.ToLower(r))
		}
	}
	return b
}

// Hash returns the hex SHA-256 of the normalised text.
func Hash(text string) string {
	sum := sha256.Sum256(appendNormal(make([]byte, 0, len(text)), text))
	return hex.EncodeToString(sum[:])
}

// InputHash identifies an article by its input, before any cleaning: the
// hex SHA-256 of the URL it was read from (when it has one) and of its raw
// text, normalised as Normalize does. Cleaning depends on what a store has
// learned (recurring lines, furniture), so an identity taken from the
// clean text would move between runs and the same input would be stored
// twice; one taken from the input never moves.
func InputHash(url string, lines []string) string {
	h := sha256.New()
	if url != "" {
		h.Write([]byte("url "))
		h.Write([]byte(url))
		h.Write([]byte{'\n'})
	}
	var b []byte
	for i, l := range lines {
		if i > 0 {
			b = append(b, '\n')
		}
		b = append(b, l...)
	}
	h.Write(appendNormal(make([]byte, 0, len(b)), string(b)))
	return hex.EncodeToString(h.Sum(nil))
}

// ID is the article id derived from a hash (of the input, InputHash): short, stable across
// runs and stores, so re-ingesting gives the same ids.
func ID(hash string) string {
	if len(hash) < 12 {
		return hash
	}
	return hash[:12]
}
