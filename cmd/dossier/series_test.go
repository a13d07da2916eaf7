package main

import (
	"encoding/json"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
)

// The example corpus through the CLI: the evacuees are one series across
// outlets, languages and the stories the coverage was clustered into,
// with the préfecture's revision and the victims' association's
// contradiction; "series ID" folds relays under their report; "story"
// lists its series; list marks the estimated date.
func TestSeriesExampleCorpus(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	if _, stderr, err := cli(t, db, "", "ingest", "../../examples/corpus"); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := cli(t, db, "", "series", "--format", "jsonl", "--thing", "people", "--min-claims", "5")
	if err != nil {
		t.Fatal(err)
	}
	var evac *dossier.Series
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var s dossier.Series
		if err := json.Unmarshal([]byte(line), &s); err != nil {
			t.Fatalf("%v: %s", err, line)
		}
		if s.Event == "evacuate" {
			evac = &s
		}
	}
	if evac == nil {
		t.Fatalf("no series of people evacuated:\n%s", out)
	}
	rel := map[dossier.ClaimRelation]int{}
	langs := map[string]bool{}
	for _, c := range evac.Claims {
		rel[c.Relation]++
		langs[c.Lang] = true
		if c.Article == "" || c.Input == "" || c.Sentence == "" || c.End <= c.Start {
			t.Errorf("claim %s lacks its evidence: %+v", c.ID, c)
		}
	}
	if rel[dossier.ClaimRevises] == 0 || rel[dossier.ClaimContradicts] == 0 || rel[dossier.ClaimRelays] == 0 || !langs["fr"] || !langs["en"] {
		t.Errorf("evacuees: relations %v, languages %v; want a revision, a contradiction, relays, French and English", rel, langs)
	}
	if len(evac.Contradictions) != 1 || evac.Summary.Sources < 3 || evac.Summary.Best == nil {
		t.Errorf("evacuees: contradictions %+v, summary %+v", evac.Contradictions, evac.Summary)
	}
	table, _, err := cli(t, db, "", "series", evac.ID[:6])
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(table, "  └ ") || !strings.Contains(table, "Contradictions (1)") || !strings.Contains(table, "revises") {
		t.Errorf("series %s:\n%s", evac.ID, table)
	}
	stories, _, err := cli(t, db, "", "stories", "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var st dossier.Story
	if err := json.Unmarshal([]byte(strings.SplitN(stories, "\n", 2)[0]), &st); err != nil {
		t.Fatal(err)
	}
	story, _, err := cli(t, db, "", "story", st.ID)
	if err != nil || !strings.Contains(story, "Series (") {
		t.Errorf("story %s does not list its series (%v):\n%s", st.ID, err, story)
	}
	list, _, err := cli(t, db, "", "list")
	if err != nil || !strings.Contains(list, "~2025-03-") {
		t.Errorf("list marks no estimated date (%v):\n%s", err, list)
	}
	if _, _, err := cli(t, db, "", "series", "--format", "csv"); err != nil {
		t.Errorf("csv: %v", err)
	}
}

// "eval series" on the labelled set meets the bars end to end.
func TestEvalSeries(t *testing.T) {
	out, stderr, err := cli(t, filepath.Join(t.TempDir(), "d.db"), "", "eval", "series", "../../testdata/series/gold.jsonl", "--min", "0.9")
	t.Logf("\n%s", out)
	if err != nil {
		t.Fatalf("eval series: %v\n%s", err, stderr)
	}
}
