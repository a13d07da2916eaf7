package ingest

import (
	"context"
	"database/sql"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// TestUpgradeLegacyState: a store whose state an earlier version saved
// (opaque values loaded whole at start) is upgraded to the state read by
// key on the next ingest, and the articles ingested then find their
// copies and stories among the old ones as in a store that never changed.
func TestUpgradeLegacyState(t *testing.T) {
	ctx := context.Background()
	files, err := filepath.Glob("../../testdata/stories/docs/2024-07-*-s13-*.txt")
	if err != nil || len(files) < 6 {
		t.Fatalf("labelled story s13: %d files, %v", len(files), err)
	}
	first, later := files[:3], files[3:]
	ingestInto := func(path string, args []string) {
		t.Helper()
		s, err := sqlite.Open(ctx, path)
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		if _, err := New(s, Options{}).Run(ctx, args, nil, func(e Event) {
			if e.Err != nil {
				t.Errorf("%s: %v", e.Input, e.Err)
			}
		}, nil); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	want, old := filepath.Join(dir, "want.db"), filepath.Join(dir, "old.db")
	ingestInto(want, files)
	ingestInto(old, first)
	// turn old.db's state into what an earlier version saved
	db, err := sql.Open("sqlite", "file:"+old)
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range []string{
		`INSERT INTO legacy_state (kind, key, value) SELECT 'profile', i.id, c.data FROM copy_profiles c JOIN state_ids i ON i.ref = c.ref`,
		`INSERT INTO legacy_state (kind, key, value) SELECT 'story', i.id, p.data FROM story_profiles p JOIN state_ids i ON i.ref = p.ref`,
		`INSERT INTO legacy_state (kind, key, value) SELECT 'df', term, CAST(df AS TEXT) FROM term_counts`,
		`INSERT INTO legacy_state (kind, key, value) SELECT 'df', char(0) || 'docs', CAST(docs AS TEXT) FROM state_counters`,
		`DELETE FROM copy_profiles`, `DELETE FROM postings`, `DELETE FROM story_profiles`, `DELETE FROM term_counts`, `DELETE FROM state_ids`,
		`UPDATE state_counters SET posting_seq = 0, story_saved = 0, docs = 0`,
	} {
		if _, err := db.Exec(q); err != nil {
			t.Fatalf("%s: %v", q, err)
		}
	}
	db.Close()
	ingestInto(old, later)
	results := func(path string) string {
		s, err := sqlite.OpenWith(ctx, path, sqlite.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		sts, _ := s.Stories(ctx)
		links, _, _ := s.Copies(ctx)
		b, _ := json.Marshal(struct {
			S []dossier.Story
			C []dossier.CopyLink
		}{sts, links})
		return string(b)
	}
	if got, w := results(old), results(want); got != w || len(w) < 100 {
		t.Errorf("after the upgrade:\n%.600s\nin a store that never changed:\n%.600s", got, w)
	}
	db, _ = sql.Open("sqlite", "file:"+old)
	defer db.Close()
	var n int
	if err := db.QueryRow("SELECT count(*) FROM legacy_state").Scan(&n); err != nil || n != 0 {
		t.Errorf("%d rows of the old state left (%v)", n, err)
	}
}
