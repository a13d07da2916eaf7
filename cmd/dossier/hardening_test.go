package main

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	_ "modernc.org/sqlite"
)

func TestEscape(t *testing.T) {
	tests := []struct{ in, field, output string }{
		{"plain é text", "plain é text", "plain é text"},
		{"a\x1b]0;pwned\x07b", `a\u001b]0;pwned\u0007b`, `a\u001b]0;pwned\u0007b`},
		{"x\x1b[2Jy", `x\u001b[2Jy`, `x\u001b[2Jy`},
		{"csi\u009b31m", `csi\u009b31m`, `csi\u009b31m`},
		{"del\x7f nul\x00", `del\u007f nul\u0000`, `del\u007f nul\u0000`},
		{"two\nlines\tand tab", `two\nlines\tand tab`, "two\nlines\tand tab"},
		{"bad \xff byte", `bad \xff byte`, `bad \xff byte`},
	}
	for _, tt := range tests {
		if got := escape(tt.in); got != tt.field {
			t.Errorf("escape(%q) = %q, want %q", tt.in, got, tt.field)
		}
		if got := escapeControl(tt.in); got != tt.output {
			t.Errorf("escapeControl(%q) = %q, want %q", tt.in, got, tt.output)
		}
	}
}

// hasRawControl: a control character a terminal would act on.
func hasRawControl(s string) bool {
	for _, r := range s {
		if r != '\n' && r != '\t' && isControl(r) {
			return true
		}
	}
	return false
}

// TestHostileTextIsEscapedAndDropped: control characters in an input are
// not stored (cleaning drops them), and what is printed of stored text
// has none, whatever the command and format.
func TestHostileTextIsEscapedAndDropped(t *testing.T) {
	dir := t.TempDir()
	db := filepath.Join(dir, "d.db")
	in := filepath.Join(dir, "evil.jsonl")
	rec := map[string]any{
		"title":  "Evil\x1b]0;pwned\x07 title\x00 with NUL",
		"site":   "Evil\u009b2J Post",
		"author": "A\x1b[2J. Uthor",
		"text":   "Floods in Nantes\x1b[31m: the Loire rose by 2 metres on Tuesday\x00, officials said.\nA second\u0085 paragraph with\x7f more words about the river Loire.",
	}
	b, _ := json.Marshal(rec)
	if err := os.WriteFile(in, append(b, '\n'), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, stderr, err := cli(t, db, "", "ingest", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	out, _, err := cli(t, db, "", "list", "--format", "jsonl")
	if err != nil {
		t.Fatal(err)
	}
	var m dossier.Summary
	if err := json.Unmarshal([]byte(out), &m); err != nil {
		t.Fatal(err)
	}
	js, _, err := cli(t, db, "", "show", m.ID, "--format", "json")
	if err != nil {
		t.Fatal(err)
	}
	var a dossier.Article
	if err := json.Unmarshal([]byte(js), &a); err != nil {
		t.Fatal(err)
	}
	for name, v := range map[string]string{"title": a.Title, "site": a.Site, "author": a.Author, "text": a.Text} {
		if hasRawControl(v) {
			t.Errorf("stored %s has control characters: %q", name, v)
		}
	}
	if !strings.Contains(a.Text, "Loire rose by 2 metres") {
		t.Errorf("text lost its words: %q", a.Text)
	}
	for _, args := range [][]string{{"list"}, {"show", m.ID}, {"search", "Loire"}, {"stories"}, {"copies"}, {"entities"}, {"figures"}} {
		stdout, stderr, err := cli(t, db, "", args...)
		if err != nil {
			t.Errorf("%v: %v\n%s", args, err, stderr)
		}
		if hasRawControl(stdout) || hasRawControl(stderr) {
			t.Errorf("%v prints raw control characters:\n%q", args, stdout)
		}
	}
}

// TestControlInStoredTextIsEscaped: text stored with control characters
// (by an older dossier, or written by hand) is printed escaped.
func TestControlInStoredTextIsEscaped(t *testing.T) {
	db := filepath.Join(t.TempDir(), "d.db")
	in := filepath.Join(t.TempDir(), "a.txt")
	os.WriteFile(in, []byte("Title of it\n\nFloods in Nantes: the Loire rose by 2 metres on Tuesday, officials said.\n"), 0o644)
	if _, stderr, err := cli(t, db, "", "ingest", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	raw, err := sql.Open("sqlite", db)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := raw.Exec("UPDATE articles SET title = 'T\x1b]0;pwned\x07\nx', outlet = 'O\u009b2J'"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	out, _, _ := cli(t, db, "", "list", "--format", "jsonl")
	var m dossier.Summary
	json.Unmarshal([]byte(out), &m)
	for _, args := range [][]string{{"list"}, {"show", m.ID}, {"search", "Loire"}, {"list", "--format", "json"}} {
		stdout, _, err := cli(t, db, "", args...)
		if err != nil {
			t.Fatal(err)
		}
		if hasRawControl(stdout) {
			t.Errorf("%v prints raw control characters:\n%q", args, stdout)
		}
		if !strings.Contains(stdout, `\u001b]0;pwned\u0007`) {
			t.Errorf("%v does not show the escaped title:\n%s", args, stdout)
		}
	}
	// the JSON stays JSON, with the same title
	out, _, _ = cli(t, db, "", "list", "--format", "json")
	var l []dossier.Summary
	if err := json.Unmarshal([]byte(out), &l); err != nil || len(l) != 1 || l[0].Title != "T\x1b]0;pwned\x07\nx" {
		t.Errorf("list json: %v, %+v", err, l)
	}
}

// TestNewlineInFileName: the error line of a file whose name has a
// newline is one line.
func TestNewlineInFileName(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad\nname.txt")
	if err := os.WriteFile(bad, nil, 0o644); err != nil {
		t.Skip("no newline in file names here")
	}
	_, stderr, err := cli(t, filepath.Join(dir, "d.db"), "", "ingest", bad)
	if !errors.Is(err, errReported) {
		t.Fatalf("err = %v", err)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	if len(lines) != 2 || !strings.Contains(lines[0], `bad\nname.txt`) || !strings.Contains(lines[0], "empty") {
		t.Errorf("stderr:\n%s\nwant one error line naming the file, then the summary", stderr)
	}
}

// TestDBPathAsGiven: the store's file is the path given, with the
// characters URIs give a meaning to.
func TestDBPathAsGiven(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "a.txt")
	os.WriteFile(in, []byte("Title of it\n\nFloods in Nantes: the Loire rose by 2 metres on Tuesday, officials said.\n"), 0o644)
	names := []string{"news#2024.db", "news#2025.db", "what?.db", "a%20b.db", "mode=ro&x.db"}
	for _, name := range names {
		if _, stderr, err := cli(t, filepath.Join(dir, name), "", "ingest", in); err != nil {
			t.Fatalf("ingest into %q: %v\n%s", name, err, stderr)
		}
	}
	for _, name := range names {
		if _, err := os.Stat(filepath.Join(dir, name)); err != nil {
			t.Errorf("%q: %v", name, err)
		}
	}
	for _, wrong := range []string{"news", "what", "a b.db"} {
		if _, err := os.Stat(filepath.Join(dir, wrong)); err == nil {
			t.Errorf("a file %q was made", wrong)
		}
	}
}

// TestReadCommandsOnMissingReadOnlyAndNewerStores: a read command on a
// missing store says so and creates nothing; a read-only store can be
// listed; a store from a newer dossier gets one clear line, from every
// command.
func TestReadCommandsOnMissingReadOnlyAndNewerStores(t *testing.T) {
	dir := t.TempDir()
	missing := filepath.Join(dir, "typo.db")
	for _, args := range [][]string{{"list"}, {"search", "x"}, {"show", "abc"}, {"stories"}, {"figures"}} {
		_, _, err := cli(t, missing, "", args...)
		if err == nil || !strings.Contains(err.Error(), "does not exist") {
			t.Errorf("%v on a missing store: %v", args, err)
		}
	}
	if ents, _ := os.ReadDir(dir); len(ents) != 0 {
		t.Errorf("read commands made %v", ents)
	}

	db := filepath.Join(dir, "ro", "d.db")
	in := filepath.Join(dir, "a.txt")
	os.WriteFile(in, []byte("Title of it\n\nFloods in Nantes: the Loire rose by 2 metres on Tuesday, officials said.\n"), 0o644)
	if _, stderr, err := cli(t, db, "", "ingest", in); err != nil {
		t.Fatalf("ingest: %v\n%s", err, stderr)
	}
	if err := os.Chmod(db, 0o444); err != nil {
		t.Fatal(err)
	}
	os.Chmod(filepath.Dir(db), 0o555)
	t.Cleanup(func() { os.Chmod(filepath.Dir(db), 0o755) })
	if out, stderr, err := cli(t, db, "", "list"); err != nil || !strings.Contains(out, "Title of it") {
		t.Errorf("list of a read-only store: %v\n%s%s", err, out, stderr)
	}
	os.Chmod(filepath.Dir(db), 0o755)

	newer := filepath.Join(dir, "newer.db")
	if _, _, err := cli(t, newer, "", "ingest", in); err != nil {
		t.Fatal(err)
	}
	raw, _ := sql.Open("sqlite", newer)
	if _, err := raw.ExecContext(context.Background(), "PRAGMA user_version = 999"); err != nil {
		t.Fatal(err)
	}
	raw.Close()
	for _, args := range [][]string{{"list"}, {"ingest", in}, {"analyse"}} {
		_, _, err := cli(t, newer, "", args...)
		if err == nil || !strings.Contains(err.Error(), "made by a newer dossier") || strings.Count(err.Error(), "\n") > 0 {
			t.Errorf("%v on a newer store: %v", args, err)
		}
	}
}
