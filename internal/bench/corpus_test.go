package bench

import (
	"path/filepath"
	"strings"
	"testing"
)

func TestCorpus(t *testing.T) {
	docs := Corpus(2000, 1)
	if len(docs) != 2000 {
		t.Fatalf("%d docs, want 2000", len(docs))
	}
	var size int
	words := map[string]int{}
	dated := 0
	for _, d := range docs {
		text := Text(d)
		size += len(text)
		for _, w := range strings.Fields(text) {
			words[strings.ToLower(strings.Trim(w, ".,:"))]++
		}
		if name := filepath.Base(d.Input); len(name) > 10 && name[4] == '-' && name[7] == '-' {
			dated++
		}
	}
	if mean := size / len(docs); mean < 2500 || mean > 4000 {
		t.Errorf("mean size %d bytes, want about the seeds' 3 KB", mean)
	}
	if dated != len(docs) {
		t.Errorf("%d of %d file names start with a date", dated, len(docs))
	}
	if len(words) < 10000 {
		t.Errorf("vocabulary of %d words, want a realistic one (over 10,000)", len(words))
	}
	again := Corpus(2000, 1)
	if Text(again[1234]) != Text(docs[1234]) {
		t.Error("the corpus is not the same for the same seed")
	}
}
