// Command gen writes the labelled set of figure series:
// go run ./internal/series/seriesgen/cmd testdata/series
package main

import (
	"fmt"
	"os"
	"path/filepath"

	"github.com/dossier-news/dossier/internal/series/seriesgen"
)

func main() {
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: gen DIR")
		os.Exit(2)
	}
	docs, gold := seriesgen.Generate(seriesgen.Stories)
	dir := os.Args[1]
	if err := os.MkdirAll(filepath.Join(dir, "docs"), 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for _, d := range docs {
		if err := os.WriteFile(filepath.Join(dir, "docs", d.Name), []byte(d.Text), 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	}
	if err := os.WriteFile(filepath.Join(dir, "gold.jsonl"), seriesgen.JSONL(gold), 0o644); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
