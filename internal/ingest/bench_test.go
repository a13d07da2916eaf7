package ingest_test

import (
	"context"
	"os"
	"path/filepath"
	"testing"

	"github.com/dossier-news/dossier/internal/bench"
	"github.com/dossier-news/dossier/internal/ingest"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// BenchmarkIngest ingests 1,000 generated text files into a new SQLite store.
func BenchmarkIngest(b *testing.B) {
	dir := b.TempDir()
	var size int64
	for i, d := range bench.Corpus(1000, 7) {
		t := bench.Text(d)
		size += int64(len(t))
		os.WriteFile(filepath.Join(dir, filepath.Base(d.Input)+string(rune('a'+i%3))), []byte(t), 0o644)
	}
	b.SetBytes(size)
	ctx := context.Background()
	for b.Loop() {
		s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "d.db"))
		if err != nil {
			b.Fatal(err)
		}
		if _, err := ingest.New(s, ingest.Options{}).Run(ctx, []string{dir}, nil, func(ingest.Event) {}, nil); err != nil {
			b.Fatal(err)
		}
		s.Close()
	}
}
