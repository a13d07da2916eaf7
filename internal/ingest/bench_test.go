package ingest_test

import (
	"bufio"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
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

// BenchmarkStreamJSONL ingests (--defer: cleaned, split and stored) one
// JSON Lines file of short generated records, a million by default
// (DOSSIER_BENCH_RECORDS to change), and reports the process's peak
// resident memory: the file is read record by record and goes to the
// store in chunks, so the peak must not grow with the file. It fails
// above 500 MB. Run it alone (it takes minutes):
//
//	go test -run '^$' -bench StreamJSONL -benchtime 1x ./internal/ingest
func BenchmarkStreamJSONL(b *testing.B) {
	n := 1_000_000
	if s := os.Getenv("DOSSIER_BENCH_RECORDS"); s != "" {
		if v, err := strconv.Atoi(s); err == nil && v > 0 {
			n = v
		}
	}
	path := filepath.Join(b.TempDir(), "many.jsonl")
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	w := bufio.NewWriter(f)
	towns := []string{"Orléans", "Blois", "Tours", "Saumur", "Nantes", "Nevers", "Gien", "Angers"}
	for i := 0; i < n; i++ {
		town := towns[i%len(towns)]
		fmt.Fprintf(w, `{"url":"https://news.example/%d","lang":"fr","title":"%s : conseil %d","text":"Le conseil municipal de %s a voté le %d mars un budget de %d euros pour la rénovation de l'école %d, après un débat de %d heures."}`+"\n",
			i, town, i, town, 1+i%28, 1000+i*37%900000, i%97, 1+i%5)
	}
	if err := w.Flush(); err != nil {
		b.Fatal(err)
	}
	f.Close()
	st, _ := os.Stat(path)
	b.SetBytes(st.Size())
	ctx := context.Background()
	for b.Loop() {
		s, err := sqlite.Open(ctx, filepath.Join(b.TempDir(), "d.db"))
		if err != nil {
			b.Fatal(err)
		}
		sum, err := ingest.New(s, ingest.Options{Defer: true}).Run(ctx, []string{path}, nil, func(ingest.Event) {}, nil)
		if err != nil {
			b.Fatal(err)
		}
		s.Close()
		if sum.Ingested != n {
			b.Fatalf("ingested %d of %d: %+v", sum.Ingested, n, sum)
		}
	}
	if peak, ok := peakMB(); ok {
		b.ReportMetric(peak, "peak-RSS-MB")
		b.ReportMetric(float64(n)/b.Elapsed().Seconds(), "records/s")
		if peak > 500 {
			b.Errorf("peak RSS %.0f MB for %d records, want < 500 MB", peak, n)
		}
	}
}
