package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"
)

// Snippets of long articles. FTS5's snippet() tokenizes and scores the
// whole text of every hit: an article of 4 MB cost a minute a query. Texts
// above longText are also indexed as windows of about windowSize bytes,
// and a long hit's snippet is that of its first matching window, so a
// snippet costs the same whatever the article's size.
const (
	longText   = 64 << 10
	windowSize = 4 << 10
	windowBits = 20 // a window's rowid: the article's rowid << windowBits + its number
)

// windows cuts text into pieces of about windowSize bytes, at a space
// when there is one near the cut, always at a character boundary.
func windows(text string) []string {
	var out []string
	for len(text) > 0 {
		if len(text) <= windowSize {
			out = append(out, text)
			break
		}
		cut := windowSize
		if sp := strings.LastIndexAny(text[windowSize/2:windowSize], " \n\t"); sp >= 0 {
			cut = windowSize/2 + sp + 1
		} else {
			for cut > 0 && !utf8.RuneStart(text[cut]) {
				cut--
			}
		}
		out = append(out, text[:cut])
		text = text[cut:]
	}
	if len(out) > 1<<windowBits {
		out = out[:1<<windowBits] // never reached under the input size limit
	}
	return out
}

// longSnippet is the snippet of a long article (by rowid) for the query
// fq: from its first window matching the whole query, else one matching
// any of its terms (they may be in different windows), else its opening.
func (s *Store) longSnippet(ctx context.Context, rowid int64, fq, anyTerm string) (string, error) {
	lo, hi := rowid<<windowBits, (rowid+1)<<windowBits-1
	for _, q := range []string{fq, anyTerm} {
		if q == "" {
			continue
		}
		var snip string
		err := s.rd.QueryRowContext(ctx, `SELECT snippet(snippet_fts, 0, '[', ']', '…', 16) FROM snippet_fts
			WHERE snippet_fts MATCH ? AND rowid BETWEEN ? AND ? ORDER BY rowid LIMIT 1`, q, lo, hi).Scan(&snip)
		if err == nil {
			return snip, nil
		}
		if !errors.Is(err, sql.ErrNoRows) {
			return "", fmt.Errorf("snippet: %w", err)
		}
	}
	var text string
	err := s.rd.QueryRowContext(ctx, "SELECT substr(text, 1, 200) FROM snippet_windows WHERE rowid = ?", lo).Scan(&text)
	if err != nil && !errors.Is(err, sql.ErrNoRows) {
		return "", fmt.Errorf("snippet: %w", err)
	}
	return text + "…", nil
}
