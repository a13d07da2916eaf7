package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestReadmeFiguresExample: the README's money-and-ranges example is what
// "dossier figures" prints on testdata/figures/readme, line for line.
func TestReadmeFiguresExample(t *testing.T) {
	readme, err := os.ReadFile("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	db := filepath.Join(t.TempDir(), "d.db")
	// the README runs it from that folder
	t.Chdir("../../testdata/figures/readme")
	out, stderr, err := cli(t, db, "", "figures", "ontario.txt", "budget.txt")
	if err != nil {
		t.Fatalf("figures: %v\n%s", err, stderr)
	}
	for _, l := range strings.Split(strings.TrimSpace(out), "\n") {
		if !strings.Contains(squash(string(readme)), squash(l)) {
			t.Errorf("README lacks the line %q", l)
		}
	}
}

func squash(s string) string { return strings.Join(strings.Fields(s), " ") }
