package main

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"
)

// Stored text comes from anywhere, and a terminal obeys the control
// characters it is sent: an article with ESC ] 0 ; ... BEL retitles the
// reader's window, ESC [ 2 J clears it. Everything dossier prints goes
// through escapeControl: the C0 controls but newline and tab, DEL and the
// C1 controls are written as \u00XX (which JSON reads as the same
// character), so output shows what is stored without a terminal acting on
// it. Fields printed inside a line (names, titles, error messages) go
// through escape, which also writes newline and tab as \n and \t, so that
// one record stays one line.

// isControl: C0, DEL and C1.
func isControl(r rune) bool { return r < 0x20 || 0x7f <= r && r <= 0x9f }

// escapeControl escapes the control characters of s but newline and tab,
// and the bytes that are not UTF-8 (as \xNN).
func escapeControl(s string) string { return escapeWith(s, false) }

// escape escapes every control character of s: one field, one line.
func escape(s string) string { return escapeWith(s, true) }

func escapeWith(s string, layout bool) string {
	clean := true
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && (layout || c != '\n' && c != '\t') || c == 0x7f || c >= 0x80 {
			clean = false
			break
		}
	}
	if clean {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + 16)
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n == 1:
			fmt.Fprintf(&b, `\x%02x`, s[i])
		case r == '\n' && layout:
			b.WriteString(`\n`)
		case r == '\t' && layout:
			b.WriteString(`\t`)
		case r == '\n' || r == '\t' || !isControl(r):
			b.WriteString(s[i : i+n])
		default:
			fmt.Fprintf(&b, `\u%04x`, r)
		}
		i += n
	}
	return b.String()
}

// escapingWriter passes what is written through escapeControl. Each
// Write is escaped on its own: fmt, tabwriter and the JSON encoder write
// whole records, never a character in two pieces.
type escapingWriter struct{ w io.Writer }

func (e escapingWriter) Write(p []byte) (int, error) {
	s := escapeControl(string(p))
	if _, err := io.WriteString(e.w, s); err != nil {
		return 0, err
	}
	return len(p), nil
}
