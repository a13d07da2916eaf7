package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/sharedtest"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata/golden")

const goldenDir = "../../testdata/golden"

// golden compares got with the golden file name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join(goldenDir, name)
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test ./cmd/dossier -run %s -update to create it)", err, t.Name())
	}
	if got != string(want) {
		t.Errorf("%s differs from the golden file (go test ./cmd/dossier -run %s -update rewrites it; review the diff):\n%s", path, t.Name(), firstDiff(string(want), got))
	}
}

// firstDiff shows the first differing line, with its neighbours.
func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(w), len(g)); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q", i+1, wl, gl)
		}
	}
	return "(same lines, different ending)"
}

// mustCLI runs a command that must succeed.
func mustCLI(t *testing.T, db string, args ...string) string {
	t.Helper()
	out, stderr, err := cli(t, db, "", args...)
	if err != nil {
		t.Fatalf("dossier %s: %v\n%s", strings.Join(args, " "), err, stderr)
	}
	return out
}

// ids reads the "id" of each line of a JSONL listing.
func ids(t *testing.T, jsonl string) []string {
	t.Helper()
	var out []string
	for _, l := range strings.Split(strings.TrimSpace(jsonl), "\n") {
		if l == "" {
			continue
		}
		var m struct{ ID string }
		if err := json.Unmarshal([]byte(l), &m); err != nil || m.ID == "" {
			t.Fatalf("line %q: no id (%v)", l, err)
		}
		out = append(out, m.ID)
	}
	return out
}

// cliOutputs ingests inputs into a new store and returns what list, show
// (each article), copies, stories, story (each story), entities and figures
// print, by golden file name. Nothing in them depends on the time or the
// machine: the store path is never printed, inputs are as given.
func cliOutputs(t *testing.T, inputs ...string) map[string]string {
	t.Helper()
	db := filepath.Join(t.TempDir(), "d.db")
	if _, stderr, err := cli(t, db, "", append([]string{"ingest"}, inputs...)...); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out := map[string]string{}
	for _, c := range []string{"list", "copies", "stories", "entities", "figures"} {
		out[c+".txt"] = mustCLI(t, db, c)
	}
	for _, id := range ids(t, mustCLI(t, db, "list", "--format", "jsonl")) {
		out["show-"+id+".txt"] = mustCLI(t, db, "show", id)
	}
	for _, id := range ids(t, mustCLI(t, db, "stories", "--format", "jsonl")) {
		out["story-"+id+".txt"] = mustCLI(t, db, "story", id)
	}
	return out
}

// TestGoldenExamples: the CLI's output on the example corpus is the golden
// one, command by command (testdata/golden/examples; -update rewrites it).
func TestGoldenExamples(t *testing.T) {
	out := cliOutputs(t, "../../examples/corpus")
	if len(out) < 5+8+4 {
		t.Errorf("%d outputs, want list, copies, stories, entities, figures, 8 articles and 4 stories", len(out))
	}
	names := make([]string, 0, len(out))
	for name := range out {
		names = append(names, name)
	}
	slices.Sort(names)
	for _, name := range names {
		golden(t, filepath.Join("examples", name), out[name])
	}
	// an article or story that is no longer produced (its id changed)
	files, err := filepath.Glob(filepath.Join(goldenDir, "examples", "*.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if _, ok := out[filepath.Base(f)]; ok {
			continue
		}
		if *update {
			if err := os.Remove(f); err != nil {
				t.Fatal(err)
			}
		} else {
			t.Errorf("%s: no longer produced", f)
		}
	}
}

// TestGoldenEvals: the full reports of the three evaluators on the gold
// sets in testdata, errors included, are the golden ones.
func TestGoldenEvals(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	for _, c := range []struct{ name, kind, gold string }{
		{"figures", "figures", "../../testdata/figures/gold.jsonl"},
		{"entities", "entities", "../../testdata/entities/gold.txt"},
		{"stories", "stories", "../../testdata/stories/gold.jsonl"},
	} {
		golden(t, filepath.Join("eval", c.name+".txt"), mustCLI(t, db, "eval", c.kind, c.gold, "-v"))
	}
}

// TestGoldenSeeds: the same outputs on the shared seeds. The seeds' text
// must not be copied into the repository, so the golden file holds a
// SHA-256 and a line count per output instead of the output.
func TestGoldenSeeds(t *testing.T) {
	dir := sharedtest.Dir(t)
	seeds := filepath.Join(dir, "seeds")
	out := cliOutputs(t, seeds)
	files, _ := filepath.Glob(filepath.Join(seeds, "*.txt"))
	fig, _, err := cli(t, filepath.Join(t.TempDir(), "x.db"), "", append([]string{"figures", "--format", "jsonl"}, files...)...)
	if err != nil {
		t.Fatal(err)
	}
	out["figures-files.jsonl"] = fig
	names := make([]string, 0, len(out))
	for name := range out {
		names = append(names, name)
	}
	slices.Sort(names)
	var b bytes.Buffer
	for _, name := range names {
		s := strings.ReplaceAll(out[name], dir, "$SHARED")
		fmt.Fprintf(&b, "%x %5d %s\n", sha256.Sum256([]byte(s)), strings.Count(s, "\n"), name)
	}
	golden(t, "seeds.sha256", b.String())
}
