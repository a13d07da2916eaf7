package main

import (
	"encoding/json"
	"os"
	"path/filepath"

	"github.com/dossier-news/dossier/internal/series/seriesgen"
)

func main() {
	docs, gold := seriesgen.Generate(24)
	dir := os.Args[1]
	os.MkdirAll(filepath.Join(dir, "docs"), 0o755)
	for _, d := range docs {
		os.WriteFile(filepath.Join(dir, "docs", d.Name), []byte(d.Text), 0o644)
	}
	f, _ := os.Create(filepath.Join(dir, "gold.jsonl"))
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, g := range gold {
		enc.Encode(g)
	}
	f.Close()
}
