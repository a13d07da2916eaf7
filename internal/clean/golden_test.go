package clean

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/sharedtest"
	"github.com/zeebo/xxh3"
)

var update = flag.Bool("update", false, "rewrite the golden files under testdata")

// TestGoldenCorpus cleans the example corpus as one batch (lines recurring
// across its articles count, as in ingest) and compares every article's
// clean text, metadata and removed lines with testdata/corpus.golden.
func TestGoldenCorpus(t *testing.T) {
	docs := corpusDocs(t, filepath.Join("..", "..", "examples", "corpus"))
	checkGolden(t, filepath.Join("testdata", "corpus.golden"), dump(docs, false))
}

// TestGoldenSeeds does the same for the shared seeds. The seeds' texts
// stay out of the repository: the golden keeps hashes of texts, and the
// labels, reasons and line numbers of what was removed.
func TestGoldenSeeds(t *testing.T) {
	_, lines := sharedtest.Seeds(t)
	var docs []extract.Doc
	for name, ls := range lines {
		docs = append(docs, extract.Text(name, strings.Join(ls, "\n")))
	}
	checkGolden(t, filepath.Join("testdata", "seeds.golden"), dump(docs, true))
}

func corpusDocs(t *testing.T, dir string) []extract.Doc {
	t.Helper()
	var docs []extract.Doc
	err := filepath.WalkDir(dir, func(path string, e os.DirEntry, err error) error {
		if err != nil || e.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, path)
		ds, errs := extract.Parse(filepath.ToSlash(rel), extract.Detect(path, b), "", "", b)
		for _, err := range errs {
			t.Errorf("%s: %v", rel, err)
		}
		docs = append(docs, ds...)
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	return docs
}

// dump cleans docs as one batch and writes what cleaning made of each, in
// input order; hashed replaces texts by their hashes.
func dump(docs []extract.Doc, hashed bool) string {
	sort.SliceStable(docs, func(i, j int) bool { return docs[i].Input < docs[j].Input })
	c := NewCounter()
	for _, d := range docs {
		c.Add(Keys(d))
	}
	txt := func(s string) string {
		if hashed && s != "" {
			return fmt.Sprintf("#%016x", xxh3.HashString(s))
		}
		return s
	}
	var b strings.Builder
	for _, d := range docs {
		k, _ := Keys(d)
		r := Clean(d, Options{Recurring: c.Others(k)})
		fmt.Fprintf(&b, "=== %s\n", d.Input)
		fmt.Fprintf(&b, "title: %s\nsite: %s\nauthor: %s\ndate: %s\nsource: %s\ntags: %s\n",
			txt(r.Title), txt(r.Site), txt(r.Author), r.Date, txt(r.SourceURL), txt(strings.Join(r.Tags, " | ")))
		for _, rm := range r.Removed {
			fmt.Fprintf(&b, "removed %d %s (%s): %s\n", rm.Line, rm.Label, rm.Reason, txt(strings.TrimSpace(rm.Text)))
		}
		for _, p := range r.Paragraphs {
			kind := "p"
			if p.Heading {
				kind = "h"
			}
			fmt.Fprintf(&b, "%s %s\n", kind, txt(r.Text[p.Start:p.End]))
		}
	}
	return b.String()
}

func checkGolden(t *testing.T, path, got string) {
	t.Helper()
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
		t.Fatalf("%v (run go test -run Golden -update to write it)", err)
	}
	if got == string(want) {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(string(want), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Fatalf("%s differs at line %d:\n got: %s\nwant: %s\n(run go test -run Golden -update if the change is intended)", path, i+1, g, w)
		}
	}
}
