// Package dedupe recognises articles already seen. Exact duplicates share
// the hash of their normalised text: Unicode NFC, case folded, quotes and
// apostrophes unified, spacing collapsed; digits are kept, since a changed
// figure is news.
package dedupe

import (
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"unicode"

	"golang.org/x/text/unicode/norm"
)

// Normalize returns the form of text that exact-duplicate detection compares.
func Normalize(text string) string {
	text = norm.NFC.String(text)
	var b strings.Builder
	b.Grow(len(text))
	space, afterQuote := false, false
	for _, r := range text {
		switch r {
		case '’', '‘', '`', '´':
			r = '\''
		case '«', '»', '“', '”', '„':
			r = '"'
		case '–', '—':
			r = '-'
		}
		if unicode.IsSpace(r) {
			space = b.Len() > 0 && !afterQuote
			continue
		}
		// spacing around quotes is typography (« grave » vs "grave")
		afterQuote = r == '"'
		if space && r != '"' {
			b.WriteByte(' ')
			space = false
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}

// Hash returns the hex SHA-256 of the normalised text.
func Hash(text string) string {
	sum := sha256.Sum256([]byte(Normalize(text)))
	return hex.EncodeToString(sum[:])
}

// ID is the article id derived from the text hash: short, stable across
// runs and stores, so re-ingesting gives the same ids.
func ID(hash string) string {
	if len(hash) < 12 {
		return hash
	}
	return hash[:12]
}
