package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/pagegen"
)

// TestShowFlatPageFurniture ingests generated whole-page captures, some
// flattened into one line, and wants "dossier show" of a flat page to
// list the menu it cut with the reason (a furniture span), and the clean
// text to have paragraphs.
func TestShowFlatPageFurniture(t *testing.T) {
	dir := t.TempDir()
	db, file := filepath.Join(dir, "d.db"), filepath.Join(dir, "pages.jsonl")
	var b strings.Builder
	var flat []pagegen.Page
	for _, p := range pagegen.Generate(3, pagegen.Options{Outlets: 2, Days: 1, PerDay: 9}) {
		line, _ := json.Marshal(map[string]string{"url": p.URL, "title": p.Title, "date": p.Date, "text": p.Text})
		b.Write(line)
		b.WriteByte('\n')
		if p.Flat && !p.Repeat && p.Origin == p.URL && strings.Count(p.Body, "\n\n") >= 4 {
			flat = append(flat, p)
		}
	}
	if len(flat) == 0 {
		t.Fatal("the generated set has no flat page")
	}
	if err := os.WriteFile(file, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := cli(t, db, "", "ingest", file); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	list, _, _ := cli(t, db, "", "list", "--format", "jsonl", "--limit", "1000")
	// a flat page stored as itself (a copy stored first makes it a sighting)
	id := ""
	for _, p := range flat {
		for _, l := range strings.Split(strings.TrimSpace(list), "\n") {
			var s dossier.Summary
			json.Unmarshal([]byte(l), &s)
			if s.Input == p.URL && id == "" {
				id = s.ID
			}
		}
	}
	if id == "" {
		t.Fatalf("no flat page listed:\n%s", list)
	}
	out, _, err := cli(t, db, "", "show", id)
	if err != nil {
		t.Fatal(err)
	}
	menu := false
	for _, l := range strings.Split(out, "\n") {
		if strings.Contains(l, "furniture span") && strings.Contains(l, "Accueil ") && strings.Contains(l, "Se connecter") {
			menu = true
		}
	}
	if !menu {
		t.Errorf("show of a flat page does not list its menu as a furniture span:\n%s", out)
	}
	var a dossier.Article
	js, _, _ := cli(t, db, "", "show", id, "--format", "json")
	if err := json.Unmarshal([]byte(js), &a); err != nil || len(a.Paragraphs) < 3 {
		t.Errorf("flat page: %d paragraphs (%v), want its paragraphs back", len(a.Paragraphs), err)
	}
}
