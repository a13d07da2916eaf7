package bench

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// hostile is one kind of bad or strange input the soak mixes in: the
// files it writes (name → content) and what ingest must do with them.
type hostile struct {
	kind    string
	cap     int // at most this many of the kind (the costly ones)
	stored  int // articles each one stores
	failed  int // error lines each one gives
	skipped int // notices (left out on purpose, not failures) each one gives
	write   func(dir string, i int) error
}

func unique(i int, kind string) string {
	return fmt.Sprintf("Hostile %s number %d: the Loire rose by %d metres at Quimperlevin, officials said on Tuesday.", kind, i, 2+i%7)
}

const soakMaxSize = 4 << 20 // ingest's --max-size in the soak

var hostiles = []hostile{
	{kind: "empty", failed: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "empty.txt")), nil, 0o644)
	}},
	{kind: "binary", failed: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "binary.txt")), []byte("\x00\x01\x02PK\x03\x04"+unique(i, "binary")), 0o644)
	}},
	{kind: "invalid-utf8", stored: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "latin1.txt")), []byte(unique(i, "latin1")+" caf\xe9 cr\xe8me\n"), 0o644)
	}},
	{kind: "too-large", cap: 4, failed: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "huge.txt")), []byte(strings.Repeat(unique(i, "huge")+"\n", soakMaxSize/80+1)), 0o644)
	}},
	{kind: "deep-html", failed: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "deep.html")), []byte("<html><body>"+strings.Repeat("<div>", 2000)+unique(i, "deep")), 0o644)
	}},
	{kind: "no-text-html", failed: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "script.html")), []byte("<html><body><script>var x = 1;</script></body></html>"), 0o644)
	}},
	{kind: "jsonl-bad-line", stored: 1, failed: 1, write: func(dir string, i int) error {
		good, _ := json.Marshal(map[string]string{"title": "Good line " + strconv.Itoa(i), "text": unique(i, "jsonl-good")})
		return os.WriteFile(filepath.Join(dir, name(i, "mixed.jsonl")), []byte("{\"title\": \"broken\", \"text\": \n"+string(good)+"\n"), 0o644)
	}},
	{kind: "control-in-json", stored: 1, write: func(dir string, i int) error {
		rec, _ := json.Marshal(map[string]any{"title": "NUL\x00 and \x1b]0;pwned\x07 title " + strconv.Itoa(i), "site": "Evil\u009b2J",
			"text": unique(i, "control\x00json") + "\x1b[2J\nAnother\u0085 paragraph."})
		return os.WriteFile(filepath.Join(dir, name(i, "control.jsonl")), append(rec, '\n'), 0o644)
	}},
	{kind: "terminal-escapes", stored: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "escapes.txt")), []byte("\x1b]0;pwned\x07Title "+strconv.Itoa(i)+"\n\n"+unique(i, "escapes")+"\x1b[31m red\x1b[0m\n"), 0o644)
	}},
	{kind: "newline-in-name", stored: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "new\nline.txt")), []byte("Title\n\n"+unique(i, "newline")+"\n"), 0o644)
	}},
	{kind: "newline-in-name-empty", failed: 1, write: func(dir string, i int) error {
		return os.WriteFile(filepath.Join(dir, name(i, "empty\nline.txt")), []byte(" \n"), 0o644)
	}},
	{kind: "above-analysis-limit", cap: 3, stored: 1, write: func(dir string, i int) error {
		var sb strings.Builder
		for k := 0; sb.Len() < 3<<20; k++ {
			fmt.Fprintf(&sb, "Paragraph %d of report %d: Kyiv said %d drones were shot down near Quifelkar on Monday.\n\n", k, i, 10+k%500)
		}
		return os.WriteFile(filepath.Join(dir, name(i, "long.txt")), []byte(sb.String()), 0o644)
	}},
	{kind: "fifo", failed: 1, write: func(dir string, i int) error {
		return mkfifo(filepath.Join(dir, name(i, "fifo.txt")))
	}},
	{kind: "symlink-to-file", stored: 1, write: func(dir string, i int) error {
		target := filepath.Join(filepath.Dir(dir), "targets", name(i, "target.txt"))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, []byte("Linked title\n\n"+unique(i, "symlink-file")+"\n"), 0o644); err != nil {
			return err
		}
		return os.Symlink(target, filepath.Join(dir, name(i, "link.txt")))
	}},
	{kind: "symlink-to-folder", stored: 1, write: func(dir string, i int) error {
		target := filepath.Join(filepath.Dir(dir), "targets", name(i, "folder"))
		if err := os.MkdirAll(target, 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(target, "inside.txt"), []byte("Linked folder\n\n"+unique(i, "symlink-folder")+"\n"), 0o644); err != nil {
			return err
		}
		return os.Symlink(target, filepath.Join(dir, name(i, "folder-link")))
	}},
	{kind: "symlink-loop", skipped: 1, write: func(dir string, i int) error {
		loop := filepath.Join(dir, name(i, "loop"))
		if err := os.Mkdir(loop, 0o755); err != nil {
			return err
		}
		return os.Symlink("..", filepath.Join(loop, "back"))
	}},
}

// name places hostile file i among the corpus's files (which are named by
// their date), so that the bad inputs come all along the run.
func name(i int, suffix string) string {
	return fmt.Sprintf("2024-%02d-%02d-hostile-%05d-%s", 1+i%12, 1+i%28, i, suffix)
}

// BenchmarkSoak ingests SOAK_N (default 100,000) generated articles with
// 1% hostile inputs mixed in, every kind of hostiles, then checks the
// summary's counts, PRAGMA integrity_check, that every good article is
// stored once, and that no control character was stored. Run once:
//
//	go test -run '^$' -bench BenchmarkSoak -benchtime 1x -timeout 2h ./internal/bench
func BenchmarkSoak(b *testing.B) {
	n := 100000
	if s := os.Getenv("SOAK_N"); s != "" {
		n, _ = strconv.Atoi(s)
	}
	for b.Loop() {
		soak(b, n)
	}
}

func soak(b *testing.B, n int) {
	ctx := context.Background()
	dir := b.TempDir()
	in := filepath.Join(dir, "in")
	good, err := WriteCorpus(in, n)
	if err != nil {
		b.Fatal(err)
	}
	wantStored, wantFailed, wantSkipped, kinds := 0, 0, 0, map[string]int{}
	for i := 0; i < n/100; i++ {
		h := hostiles[i%len(hostiles)]
		if h.cap > 0 && kinds[h.kind] >= h.cap {
			continue
		}
		if err := h.write(in, i); errors.Is(err, errors.ErrUnsupported) {
			continue // a kind this system cannot make (a FIFO on Windows)
		} else if err != nil {
			b.Fatal(err)
		}
		kinds[h.kind]++
		wantStored += h.stored
		wantFailed += h.failed
		wantSkipped += h.skipped
	}
	db := filepath.Join(dir, "soak.db")
	s, err := sqlite.Open(ctx, db)
	if err != nil {
		b.Fatal(err)
	}
	start := time.Now()
	var errLines, skipLines int
	sum, err := ingest.New(s, ingest.Options{MaxSize: soakMaxSize}).Run(ctx, []string{in}, nil, func(e ingest.Event) {
		if e.Skipped != "" {
			skipLines++
		}
		if e.Err != nil {
			errLines++
			if strings.Contains(e.Err.Error(), "\n") && !strings.Contains(e.Input, "\n") {
				b.Errorf("error on two lines: %v", e.Err)
			}
		}
	}, nil)
	elapsed := time.Since(start)
	s.Close()
	if err != nil {
		b.Fatal(err)
	}
	b.Logf("%d good articles, %d hostile inputs %v: %+v in %v", good, sumOf(kinds), kinds, sum, elapsed.Round(time.Second))
	if sum.Ingested+sum.Duplicates != good+wantStored || sum.Failed != wantFailed || errLines != wantFailed {
		b.Errorf("summary %+v (%d error lines), want %d stored or duplicates and %d failed", sum, errLines, good+wantStored, wantFailed)
	}
	if skipLines != wantSkipped {
		b.Errorf("%d inputs said skipped, want %d (the symbolic link loops)", skipLines, wantSkipped)
	}

	raw, err := sql.Open("sqlite", "file:"+db+"?mode=ro")
	if err != nil {
		b.Fatal(err)
	}
	defer raw.Close()
	var check string
	if err := raw.QueryRow("PRAGMA integrity_check").Scan(&check); err != nil || check != "ok" {
		b.Errorf("integrity_check: %q, %v", check, err)
	}
	var articles, inputs, distinct, hostileBad, limited int
	raw.QueryRow("SELECT count(*) FROM articles").Scan(&articles)
	if articles != sum.Ingested {
		b.Errorf("%d articles stored, the summary says %d", articles, sum.Ingested)
	}
	// every good input is stored once: as an article, or as a sighting of
	// the article it duplicates, never both nor twice
	raw.QueryRow(`SELECT count(*), count(DISTINCT input) FROM (SELECT input FROM articles UNION ALL SELECT input FROM sightings)
		WHERE input NOT LIKE '%hostile%'`).Scan(&inputs, &distinct)
	if inputs != good || distinct != good {
		b.Errorf("good inputs: %d recorded, %d distinct, want %d once each", inputs, distinct, good)
	}
	raw.QueryRow(`SELECT count(*) FROM articles WHERE instr(title || site || author || text, char(27)) > 0 OR instr(title || site || text, char(7)) > 0
		OR instr(title || site || text, char(155)) > 0 OR instr(title || text, char(133)) > 0`).Scan(&hostileBad)
	if hostileBad != 0 {
		b.Errorf("%d articles stored with control characters", hostileBad)
	}
	raw.QueryRow(`SELECT count(*) FROM articles WHERE limited != ''`).Scan(&limited)
	if limited != kinds["above-analysis-limit"] {
		b.Errorf("%d articles with a limited analysis, want %d", limited, kinds["above-analysis-limit"])
	}
	b.ReportMetric(float64(n)/elapsed.Seconds(), "articles/s")
}

func sumOf(m map[string]int) int {
	t := 0
	for _, v := range m {
		t += v
	}
	return t
}
