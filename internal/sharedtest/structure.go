package sharedtest

import (
	"encoding/json"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"testing"
	"unicode"
)

// Structure is the gold of one seed article (seeds-structure.json).
type Structure struct {
	Site      *string           `json:"site"`
	Author    *string           `json:"author"`
	Date      *string           `json:"date"`
	SourceURL *string           `json:"source_url"`
	Tags      []string          `json:"tags"`
	TitleLine *int              `json:"title_line"`
	Lines     map[string]string `json:"lines"`
}

// Seeds returns the gold structure by file name and the seed files' lines.
func Seeds(t testing.TB) (gold map[string]Structure, lines map[string][]string) {
	dir := Dir(t)
	b, err := os.ReadFile(filepath.Join(dir, "gold", "seeds-structure.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(b, &gold); err != nil {
		t.Fatal(err)
	}
	lines = map[string][]string{}
	for name := range gold {
		b, err := os.ReadFile(filepath.Join(dir, "seeds", name))
		if err != nil {
			t.Fatal(err)
		}
		lines[name] = strings.Split(string(b), "\n")
	}
	return gold, lines
}

// Cleaned is what cleaning made of one seed.
type Cleaned struct {
	Title, Site, Author, Date, SourceURL string
	Tags                                 []string
	Paragraphs                           []string // in order
	Headings                             []string
}

// Check compares a cleaned seed with its gold: every body and heading line
// kept (headings as headings), no other line kept, metadata as the gold says.
func Check(t testing.TB, name string, g Structure, lines []string, c Cleaned) {
	t.Helper()
	flat := Squash(strings.Join(c.Paragraphs, "\n"))
	paras := map[string]bool{}
	for _, p := range c.Paragraphs {
		paras[Squash(p)] = true
	}
	heads := map[string]bool{}
	for _, h := range c.Headings {
		heads[Squash(h)] = true
	}
	for ln, label := range g.Lines {
		n, _ := strconv.Atoi(ln)
		text := lines[n-1]
		if strings.HasPrefix(text, " date ") {
			text = text[len(" date 2024-11"):]
		}
		sq := Squash(text)
		switch label {
		case "body", "heading":
			if !strings.Contains(flat, sq) {
				t.Errorf("%s:%d (%s) missing from clean text: %q", name, n, label, text)
			}
			if label == "heading" && !heads[sq] {
				t.Errorf("%s:%d not marked as a heading: %q", name, n, text)
			}
		default:
			if paras[sq] || (len(strings.Fields(text)) >= 4 && strings.Contains(flat, sq)) {
				t.Errorf("%s:%d (%s) kept in clean text: %q", name, n, label, text)
			}
		}
	}
	check := func(field string, want *string, got string) {
		w := ""
		if want != nil {
			w = *want
		}
		if got != w {
			t.Errorf("%s %s = %q, want %q", name, field, got, w)
		}
	}
	check("site", g.Site, c.Site)
	check("author", g.Author, c.Author)
	check("date", g.Date, c.Date)
	check("source_url", g.SourceURL, c.SourceURL)
	if !sameSet(c.Tags, g.Tags) {
		t.Errorf("%s tags = %q, want %q", name, c.Tags, g.Tags)
	}
	if g.TitleLine != nil && Squash(c.Title) != Squash(lines[*g.TitleLine-1]) {
		t.Errorf("%s title = %q, want line %d", name, c.Title, *g.TitleLine)
	}
	if g.TitleLine == nil && c.Title != "" {
		t.Errorf("%s title = %q, want none", name, c.Title)
	}
}

func sameSet(a, b []string) bool {
	x := append([]string(nil), a...)
	y := append([]string(nil), b...)
	sort.Strings(x)
	sort.Strings(y)
	return strings.Join(x, "|") == strings.Join(y, "|")
}

// Squash drops all spacing, so that ungluing ("BloombergLa" to
// "Bloomberg La") does not count as a change of text.
func Squash(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}
