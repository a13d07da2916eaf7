package ingest

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

func TestDateInPath(t *testing.T) {
	tests := map[string]string{
		"https://x.example/2025/03/14/crue-loire":  "2025-03-14",
		"corpus/riverpost-2025-03-15-loire.txt":    "2025-03-15",
		"https://x.example/news/20240229-story":    "2024-02-29",
		"https://x.example/story-12345678901.html": "",
		"000_3dadf36ded547629.txt":                 "",
		"https://x.example/2025/13/40/x":           "",
	}
	for in, want := range tests {
		if got := dateInPath(in); got != want {
			t.Errorf("dateInPath(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestIncrementalMatchesOneRun ingests the labelled set in one run and in
// two runs into another store, one document a chunk so that the saved term
// frequencies pile up past their compaction, and wants the same stories
// and copies from both.
func TestIncrementalMatchesOneRun(t *testing.T) {
	ctx := context.Background()
	files, err := filepath.Glob("../../testdata/stories/docs/*.txt")
	if err != nil || len(files) < 100 {
		t.Fatalf("labelled set: %d files, %v", len(files), err)
	}
	open := func() dossier.Store {
		s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	run := func(s dossier.Store, args []string) {
		t.Helper()
		sum, err := New(s, Options{ChunkSize: 1}).Run(ctx, args, nil, func(e Event) {
			if e.Err != nil {
				t.Errorf("%s: %v", e.Input, e.Err)
			}
		}, nil)
		if err != nil || sum.Ingested == 0 {
			t.Fatalf("run: %+v, %v", sum, err)
		}
	}
	one, two := open(), open()
	run(one, files)
	half := len(files) / 2
	run(two, files[:half])
	first, _ := two.LoadState(ctx, "dfdelta")
	if len(first) <= maxDeltas {
		t.Fatalf("%d frequency increments after the first run: too few to test compaction", len(first))
	}
	// frequencies as stores made before increments held them: a row a term
	if _, err := two.Write(ctx, dossier.Batch{State: map[string]map[string][]byte{"df": {"\x00docs": []byte("0"), "zzzunused": []byte("0")}}}); err != nil {
		t.Fatal(err)
	}
	run(two, files[half:])
	if legacy, _ := two.LoadState(ctx, "df"); len(legacy) != 0 {
		t.Errorf("row-a-term frequencies left after loading: %q", legacy)
	}
	after, _ := two.LoadState(ctx, "dfdelta")
	for k := range first {
		if _, ok := after[k]; ok {
			t.Errorf("increment %s of the first run is still there: not compacted", k)
			break
		}
	}
	s1, _ := one.Stories(ctx)
	s2, _ := two.Stories(ctx)
	if len(s1) == 0 || fmt.Sprint(s1) != fmt.Sprint(s2) {
		t.Errorf("stories differ:\none run  %d %.300v\ntwo runs %d %.300v", len(s1), s1, len(s2), s2)
	}
	c1, _, _ := one.Copies(ctx)
	c2, _, _ := two.Copies(ctx)
	if len(c1) == 0 || fmt.Sprint(c1) != fmt.Sprint(c2) {
		t.Errorf("copies differ:\none run  %.300v\ntwo runs %.300v", c1, c2)
	}
}

// failingStore is a store whose writes fail as a whole, as a full disk would.
type failingStore struct{ dossier.Store }

func (failingStore) Write(context.Context, dossier.Batch) ([]dossier.PutResult, error) {
	return nil, errors.New("disk full")
}

// TestWriteFailureStopsTheRun: when the store cannot write a chunk, the
// run ends with that error (the command exits non-zero) and nothing of the
// chunk is reported as stored.
func TestWriteFailureStopsTheRun(t *testing.T) {
	ctx := context.Background()
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	files, _ := filepath.Glob("../../testdata/stories/docs/*.txt")
	stored := 0
	sum, err := New(failingStore{s}, Options{ChunkSize: 8}).Run(ctx, files[:20], nil, func(e Event) {
		if e.Err == nil {
			stored++
		}
	}, nil)
	if err == nil || !strings.Contains(err.Error(), "disk full") {
		t.Errorf("run error = %v, want the store's", err)
	}
	if stored != 0 || sum.Ingested != 0 {
		t.Errorf("%d reported stored (summary %+v) though nothing was written", stored, sum)
	}
	if got, _ := s.List(ctx, dossier.ListFilter{}); len(got) != 0 {
		t.Errorf("%d articles in the store", len(got))
	}
}
