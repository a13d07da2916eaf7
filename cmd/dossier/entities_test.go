package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestEntityLookup: "dossier entity" finds an entity by any of its names
// or spellings seen, case and accents folded, and cuts long lists in the
// table (json gives them all).
func TestEntityLookup(t *testing.T) {
	dir := t.TempDir()
	topics := []string{"les transports", "la police", "les écoles", "les hôpitaux", "les prisons", "les pompiers", "les douanes",
		"les routes", "les gares", "les ports", "les frontières", "les tribunaux", "les stades", "les marchés", "les musées"}
	for i, topic := range topics {
		text := fmt.Sprintf("Note %d sur %s\n\nLe ministre de l’Intérieur Christophe Castaner a présenté à Paris un plan pour %s, le numéro %d de la série. "+
			"Castaner a ensuite rencontré le maire de Kharkiv, puis a évoqué des frappes sur Kharkov. Moscou a annoncé une réponse, selon des sources à Moscou.\n", i, topic, topic, i*37+11)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("a%02d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	db := filepath.Join(t.TempDir(), "d.db")
	if _, stderr, err := cli(t, db, "", "ingest", dir); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	for _, tt := range []struct{ name, id string }{
		{"Castaner", "person:christophe-castaner"},
		{"castaner", "person:christophe-castaner"},
		{"Christophe Castaner", "person:christophe-castaner"},
		{"KHARKIV", "place:kharkiv"},
		{"Kharkov", "place:kharkiv"},
		{"Moscou", "place:moscow"},
		{"moscow", "place:moscow"},
		{"country:RU", "country:RU"},
		{"Russie", "country:RU"},
	} {
		out, stderr, err := cli(t, db, "", "entity", tt.name)
		if err != nil {
			t.Errorf("entity %s: %v %s", tt.name, err, stderr)
			continue
		}
		if !strings.HasPrefix(out, "id:       "+tt.id+"\n") {
			t.Errorf("entity %s:\n%s\nwant id %s", tt.name, out, tt.id)
		}
	}
	out, _, err := cli(t, db, "", "entity", "Castaner")
	if err != nil || !strings.Contains(out, "roles:    ministre de l’Intérieur\n") {
		t.Errorf("entity Castaner keeps no role: %v\n%s", err, out)
	}
	out, _, err = cli(t, db, "", "entity", "Paris")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "mentions: 15 in 15 articles: ") || !strings.Contains(out, "… and 3 more") || !strings.Contains(out, "country:  FR") {
		t.Errorf("entity Paris table should cut 15 articles to 12 and a count, and name the country:\n%s", out)
	}
	out, _, err = cli(t, db, "", "entity", "Paris", "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var v struct {
		ID       string   `json:"id"`
		Articles []string `json:"articles"`
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatal(err)
	}
	if v.ID != "place:paris" || len(v.Articles) != 15 {
		t.Errorf("entity Paris json: id %s, %d articles, want place:paris and all 15", v.ID, len(v.Articles))
	}
	if _, _, err := cli(t, db, "", "entity", "Atlantide"); err == nil || !strings.Contains(err.Error(), "Atlantide") {
		t.Errorf("entity Atlantide: %v, want an error naming it", err)
	}
}
