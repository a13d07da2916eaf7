package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
)

// TestFiguresShortInput: one sentence, or a headline and a sentence, on
// stdin are read for their figures like an article.
func TestFiguresShortInput(t *testing.T) {
	tests := []struct {
		in   string
		want []string // the figures' texts
	}{
		{"Selon la police, 3 000 personnes ont manifesté samedi à Paris.\n", []string{"3 000 personnes"}},
		{"North Korea could send up to 100,000 troops, Bloomberg reported.", []string{"up to 100,000 troops"}},
		{"Un séisme fait 5 morts\nLes secours ont compté 8 blessés.\n", []string{"5 morts", "8 blessés"}},
		{"Un séisme fait 5 morts\n\nLes secours ont compté 8 blessés.\n", []string{"5 morts", "8 blessés"}},
	}
	for _, tt := range tests {
		out, stderr, err := cli(t, filepath.Join(t.TempDir(), "d.db"), tt.in, "figures", "--format", "jsonl", "-")
		if err != nil {
			t.Fatalf("figures %q: %v\n%s", tt.in, err, stderr)
		}
		var got []string
		for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
			if l == "" {
				continue
			}
			var f dossier.Figure
			if err := json.Unmarshal([]byte(l), &f); err != nil {
				t.Fatalf("%q: %v", l, err)
			}
			got = append(got, f.Text)
		}
		if strings.Join(got, "|") != strings.Join(tt.want, "|") {
			t.Errorf("figures %q = %q, want %q", tt.in, got, tt.want)
		}
	}
}
