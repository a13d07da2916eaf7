package sqlite

import (
	"context"
	"database/sql"
	"path/filepath"
	"strconv"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/bench"
	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/storetest"
)

func TestContract(t *testing.T) {
	storetest.Run(t, func(t *testing.T) dossier.Store {
		s, err := Open(context.Background(), filepath.Join(t.TempDir(), "d.db"))
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { s.Close() })
		return s
	})
}

func TestReopen(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "d.db")
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	s.Put(ctx, &dossier.Article{ID: "abc", TextHash: "h", Text: "x"})
	s.Close()
	s, err = Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	if _, err := s.Article(ctx, "abc"); err != nil {
		t.Errorf("after reopen: %v", err)
	}
}

func TestFTSQuery(t *testing.T) {
	tests := []struct{ in, want string }{
		{"l'armée", `"armée"`},
		{"jusqu’à 100", `"à" AND "100"`},
		{`"armée russe" Koursk`, `"armée" + "russe" AND "Koursk"`},
		{"ukrain*", `"ukrain"*`},
		{"nord-coréens", `"nord-coréens"`},
	}
	for _, tt := range tests {
		if got := ftsQuery(tt.in); got != tt.want {
			t.Errorf("ftsQuery(%q) = %s, want %s", tt.in, got, tt.want)
		}
	}
}

func BenchmarkPut(b *testing.B) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "d.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	text := "La Corée du Nord a déjà envoyé plus de 10.000 de ses soldats dans la région de Koursk, selon Séoul. "
	for i := 0; i < 4; i++ {
		text += text
	}
	b.SetBytes(int64(len(text)))
	i := 0
	for b.Loop() {
		i++
		id := strconv.Itoa(i)
		if _, _, err := s.Put(ctx, &dossier.Article{ID: id, TextHash: id, Text: text, Title: "t"}); err != nil {
			b.Fatal(err)
		}
	}
}

// TestMigrateKeepsState opens a store made by the first three migrations,
// with saved state and an article, and checks that migrating keeps both.
func TestMigrateKeepsState(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "old.db")
	db, err := sql.Open("sqlite", "file:"+path)
	if err != nil {
		t.Fatal(err)
	}
	for i, name := range []string{"001_init.sql", "002_entities.sql", "003_copies_stories.sql"} {
		b, err := migrations.ReadFile("migrations/" + name)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := db.Exec(string(b)); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if _, err := db.Exec("PRAGMA user_version = " + strconv.Itoa(i+1)); err != nil {
			t.Fatal(err)
		}
	}
	if _, err := db.Exec(`INSERT INTO state (kind, key, value) VALUES ('profile', 'abc', x'0102'), ('df', 'mot', '3');
		INSERT INTO articles (id, text_hash, input, title, site, outlet, author, date, lang, url, source_url, tags, text, paragraphs, sentences, removed, ingested_at)
		VALUES ('abc', 'h', 'a.txt', 'T', '', '', '', '', 'fr', '', '', '[]', 'texte', '[]', '[]', '[]', '')`); err != nil {
		t.Fatal(err)
	}
	db.Close()
	s, err := Open(ctx, path)
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var v []byte
	if err := s.db.QueryRowContext(ctx, "SELECT value FROM legacy_state WHERE kind = 'profile' AND key = 'abc'").Scan(&v); err != nil || string(v) != "\x01\x02" {
		t.Errorf("profile state after migration = %q, %v", v, err)
	}
	if a, err := s.Article(ctx, "abc"); err != nil || a.Deferred {
		t.Errorf("old article after migration = %+v, %v (an old article is analysed)", a, err)
	}
	if _, n, err := s.Pending(ctx, "", 10); err != nil || n != 0 {
		t.Errorf("pending after migration = %d, %v", n, err)
	}
}

// BenchmarkWrite writes chunks of 256 (as ingest does) and 1,024 prepared
// articles of the bench corpus (3 KB on average, analysis deferred), as
// "ingest --defer" does: the ceiling of storage, one writer, whatever the
// cores.
func BenchmarkWrite(b *testing.B) {
	for _, size := range []int{256, 1024} {
		b.Run(strconv.Itoa(size), func(b *testing.B) { benchmarkWrite(b, size) })
	}
}

func benchmarkWrite(b *testing.B, chunk int) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(b.TempDir(), "d.db"))
	if err != nil {
		b.Fatal(err)
	}
	defer s.Close()
	var arts []*dossier.Article
	var size int64
	for _, d := range bench.Corpus(chunk, 1) {
		if a := ingest.Prepare(d, clean.Options{}); a.Text != "" {
			a.Deferred = true
			arts = append(arts, a)
			size += int64(len(a.Text))
		}
	}
	b.SetBytes(size)
	n := 0
	for b.Loop() {
		batch := make([]*dossier.Article, len(arts))
		for i, a := range arts {
			c := *a
			n++
			c.ID, c.TextHash = strconv.Itoa(n), strconv.Itoa(n)
			batch[i] = &c
		}
		if _, err := s.Write(ctx, dossier.Batch{Articles: batch}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "articles/s")
}

// TestReadWhileWriting: readers answer from the pool while a writer
// commits batches, each read seeing a whole commit.
func TestReadWhileWriting(t *testing.T) {
	ctx := context.Background()
	s, err := Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	done := make(chan error, 1)
	go func() {
		for b := 0; b < 20; b++ {
			var arts []*dossier.Article
			for i := 0; i < 10; i++ {
				id := strconv.Itoa(b*10 + i)
				arts = append(arts, &dossier.Article{ID: "w" + id, TextHash: "h" + id, Text: "texte " + id, Date: "2024-11-01"})
			}
			if _, err := s.Write(ctx, dossier.Batch{Articles: arts}); err != nil {
				done <- err
				return
			}
		}
		done <- nil
	}()
	reads := 0
	for finished := false; !finished; {
		select {
		case err := <-done:
			if err != nil {
				t.Fatal(err)
			}
			finished = true
		default:
		}
		hits, _, err := s.Articles(ctx, dossier.ArticleQuery{Limit: 1000})
		if err != nil {
			t.Fatalf("read while writing: %v", err)
		}
		if len(hits)%10 != 0 {
			t.Fatalf("a read saw %d articles: part of a commit", len(hits))
		}
		reads++
	}
	if hits, _, _ := s.Articles(ctx, dossier.ArticleQuery{Limit: 1000}); len(hits) != 200 {
		t.Errorf("after writing: %d articles, want 200", len(hits))
	}
	t.Logf("%d reads while writing", reads)
}
