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

// TestStateByKeyMatchesOneRun ingests the labelled sets (stories, series)
// into one store in one run with the working set in memory all along, and
// into others: in two runs, and in one run whose working set is emptied
// after every chunk of 8 so that everything is read back by key from the
// store. The stories, copies, series and estimated dates must be the same.
func TestStateByKeyMatchesOneRun(t *testing.T) {
	ctx := context.Background()
	var files []string
	for _, set := range []string{"stories", "series"} {
		got, err := filepath.Glob("../../testdata/" + set + "/docs/*.txt")
		if err != nil || len(got) < 20 {
			t.Fatalf("labelled set %s: %d files, %v", set, len(got), err)
		}
		files = append(files, got...)
	}
	open := func() dossier.Store {
		s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	}
	run := func(s dossier.Store, opt Options, args []string) {
		t.Helper()
		sum, err := New(s, opt).Run(ctx, args, nil, func(e Event) {
			if e.Err != nil {
				t.Errorf("%s: %v", e.Input, e.Err)
			}
		}, nil)
		if err != nil || sum.Ingested == 0 {
			t.Fatalf("run: %+v, %v", sum, err)
		}
	}
	// what a store holds that relating decides
	results := func(s dossier.Store) string {
		sts, _ := s.Stories(ctx)
		links, _, _ := s.Copies(ctx)
		ser, _ := s.Series(ctx, dossier.SeriesFilter{WithClaims: true})
		list, _ := s.List(ctx, dossier.ListFilter{})
		var b strings.Builder
		fmt.Fprintf(&b, "stories %v\ncopies %v\n", sts, links)
		for _, v := range ser {
			fmt.Fprintf(&b, "series %s %s %d:", v.ID, v.Title, len(v.Claims))
			for _, c := range v.Claims {
				fmt.Fprintf(&b, " %s/%s/%s", c.ID, c.Relation, c.Date)
			}
			b.WriteString("\n")
		}
		for _, m := range list {
			fmt.Fprintf(&b, "date %s %s %v\n", m.ID, m.Date, m.DateEstimated)
		}
		return b.String()
	}
	one := open()
	run(one, Options{ChunkSize: 8}, files)
	want := results(one)
	if !strings.Contains(want, "series ") || !strings.Contains(want, "copies [{") {
		t.Fatalf("the labelled sets gave no series or no copies: %.500s", want)
	}
	two := open()
	half := len(files) / 2
	run(two, Options{ChunkSize: 8}, files[:half])
	run(two, Options{ChunkSize: 8}, files[half:])
	reread := open()
	run(reread, Options{ChunkSize: 8, StateLimit: 1}, files)
	for name, s := range map[string]dossier.Store{"two runs": two, "read back by key after each chunk": reread} {
		if got := results(s); got != want {
			t.Errorf("%s: results differ from one run:\n%s", name, firstDiff(want, got))
		}
	}
}

// firstDiff shows the first line two texts differ at.
func firstDiff(a, b string) string {
	la, lb := strings.Split(a, "\n"), strings.Split(b, "\n")
	for i := 0; i < len(la) && i < len(lb); i++ {
		if la[i] != lb[i] {
			return fmt.Sprintf("line %d:\nwant %.400s\ngot  %.400s", i, la[i], lb[i])
		}
	}
	return fmt.Sprintf("%d lines, want %d", len(lb), len(la))
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
