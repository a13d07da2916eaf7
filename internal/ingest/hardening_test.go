package ingest

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/clean"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/store/sqlite"
)

// longArticle repeats the labelled set's texts into one article of about
// n bytes, with a word only its end states.
func longArticle(t testing.TB, n int) string {
	files, _ := filepath.Glob("../../testdata/stories/docs/*.txt")
	if len(files) == 0 {
		t.Fatal("no labelled set")
	}
	var sb strings.Builder
	sb.WriteString("A very long report\n\n")
	for i := 0; sb.Len() < n; i++ {
		b, err := os.ReadFile(files[i%len(files)])
		if err != nil {
			t.Fatal(err)
		}
		sb.WriteString(strings.Join(strings.Split(string(b), "\n")[1:], "\n"))
		sb.WriteString("\n\n")
	}
	sb.WriteString("The closing paragraph names Zorglubville, where 40,000 tonnes of grain were counted.\n")
	return sb.String()
}

func openStore(t testing.TB) *sqlite.Store {
	t.Helper()
	s, err := sqlite.Open(context.Background(), filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// TestAnalysisLimit: an article above the analysis limit is stored whole
// and searchable to its end, its figures and entities are those of the
// analysed part, and the store keeps why.
func TestAnalysisLimit(t *testing.T) {
	ctx := context.Background()
	path := filepath.Join(t.TempDir(), "long.txt")
	if err := os.WriteFile(path, []byte(longArticle(t, 200<<10)), 0o644); err != nil {
		t.Fatal(err)
	}
	for _, deferred := range []bool{false, true} {
		s := openStore(t)
		const limit = 32 << 10
		p := New(s, Options{MaxAnalysis: limit, Defer: deferred})
		sum, err := p.Run(ctx, []string{path}, nil, func(e Event) {
			if e.Err != nil {
				t.Errorf("%s: %v", e.Input, e.Err)
			}
		}, nil)
		if err != nil || sum.Ingested != 1 {
			t.Fatalf("run: %+v, %v", sum, err)
		}
		if deferred {
			if sum, err := p.AnalysePending(ctx, func(Event) {}, nil); err != nil || sum.Analysed != 1 {
				t.Fatalf("analyse: %+v, %v", sum, err)
			}
		}
		hits, err := s.Search(ctx, "Zorglubville", 5)
		if err != nil || len(hits) != 1 {
			t.Fatalf("search the end of the long article: %v, %v", hits, err)
		}
		a, err := s.Article(ctx, hits[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(a.Limited, "analysis limited to the first") || a.Deferred {
			t.Errorf("defer %v: limited = %q, deferred %v", deferred, a.Limited, a.Deferred)
		}
		if len(a.Figures) == 0 {
			t.Errorf("defer %v: no figures in the analysed part", deferred)
		}
		for _, f := range a.Figures {
			if f.End > limit {
				t.Errorf("defer %v: figure %q at %d, past the limit", deferred, f.Text, f.Start)
			}
		}
		for _, m := range a.Mentions {
			if m.End > limit {
				t.Errorf("defer %v: mention %q at %d, past the limit", deferred, m.Text, m.Start)
			}
		}
	}
}

// failAnalysis fails to write the analysis of one article, as a constraint
// or a full page would.
type failAnalysis struct {
	*sqlite.Store
	id string
}

func (f failAnalysis) Write(ctx context.Context, b dossier.Batch) ([]dossier.PutResult, error) {
	bad := -1
	for i, a := range b.Analysed {
		if a.ID == f.id && a.Limited == "" {
			bad = i
		}
	}
	if bad < 0 {
		return f.Store.Write(ctx, b)
	}
	rest := b
	rest.Analysed = append(append([]*dossier.Article(nil), b.Analysed[:bad]...), b.Analysed[bad+1:]...)
	res, err := f.Store.Write(ctx, rest)
	if err != nil {
		return nil, err
	}
	at := len(b.Articles) + bad
	res = append(res[:at], append([]dossier.PutResult{{Err: errors.New("figure 3: constraint failed")}}, res[at:]...)...)
	return res, nil
}

// TestAnalyseSkipsFailedArticle: an article whose analysis cannot be
// written is reported, marked with the reason and no longer pending, and
// the others are analysed; the next run has nothing left to do.
func TestAnalyseSkipsFailedArticle(t *testing.T) {
	ctx := context.Background()
	s := openStore(t)
	files, _ := filepath.Glob("../../testdata/stories/docs/*.txt")
	files = files[:12]
	in, err := New(s, Options{Defer: true}).Run(ctx, files, nil, func(Event) {}, nil)
	if err != nil || in.Ingested < 8 {
		t.Fatalf("ingest --defer: %+v, %v", in, err)
	}
	pending, _, err := s.Pending(ctx, "", 100)
	if err != nil {
		t.Fatal(err)
	}
	bad := pending[5].ID
	var failed []string
	sum, err := New(failAnalysis{s, bad}, Options{ChunkSize: 4}).AnalysePending(ctx, func(e Event) {
		if e.Err != nil {
			failed = append(failed, e.Input)
		}
	}, nil)
	if err != nil {
		t.Fatal(err)
	}
	if sum.Failed != 1 || sum.Analysed != in.Ingested-1 || len(failed) != 1 {
		t.Errorf("analyse: %+v, failed %v; want 1 failed, the others analysed", sum, failed)
	}
	if _, n, _ := s.Pending(ctx, "", 1); n != 0 {
		t.Errorf("%d still pending after the run: the next one would start again on them", n)
	}
	a, err := s.Article(ctx, bad)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(a.Limited, "analysis failed: ") || !strings.Contains(a.Limited, "constraint failed") {
		t.Errorf("failed article: limited = %q, want the reason", a.Limited)
	}
	if sum, err := New(s, Options{}).AnalysePending(ctx, func(Event) {}, nil); err != nil || sum != (Summary{}) {
		t.Errorf("second analyse: %+v, %v; want nothing to do", sum, err)
	}
}

// TestEnrichPanicIsContained: a stage that panics on an article leaves it
// unanalysed with the reason, instead of ending the run.
func TestEnrichPanicIsContained(t *testing.T) {
	a := &dossier.Article{ID: "x", Text: "Some text.", Sentences: []dossier.Span{{Start: 0, End: 40}}} // a span past the text
	EnrichLimited(a, DefaultMaxAnalysis)
	if a.Deferred || !strings.HasPrefix(a.Limited, "analysis failed: ") {
		t.Errorf("limited = %q, deferred %v", a.Limited, a.Deferred)
	}
}

// TestJSONLHugeLine: a JSON Lines file with a 3 MB article (above the analysis limit) beside a small
// one stores both, the large one with its analysis limited, in one run.
// (The 50 MB line of the hardening record is run by the soak script, see
// docs/HARDENING.md; extract's TestJSONLLongLine covers lines past any
// line-reading limit.)
func TestJSONLHugeLine(t *testing.T) {
	if testing.Short() {
		t.Skip("50 MB article")
	}
	ctx := context.Background()
	long := longArticle(t, 3<<20)
	var sb strings.Builder
	sb.WriteString(`{"title":"Huge","text":`)
	sb.Write(jsonString(long))
	sb.WriteString("}\n")
	sb.WriteString(`{"title":"Small","text":"Floods in Quimperlevin: the river rose by 2 metres on Tuesday, officials said."}` + "\n")
	path := filepath.Join(t.TempDir(), "big.jsonl")
	if err := os.WriteFile(path, []byte(sb.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s := openStore(t)
	sum, err := New(s, Options{}).Run(ctx, []string{path}, nil, func(e Event) {
		if e.Err != nil {
			t.Errorf("%s: %v", e.Input, e.Err)
		}
	}, nil)
	if err != nil || sum.Ingested != 2 {
		t.Fatalf("run: %+v, %v", sum, err)
	}
	for q, limited := range map[string]bool{"Quimperlevin": false, "Zorglubville": true} {
		hits, err := s.Search(ctx, q, 5)
		if err != nil || len(hits) != 1 {
			t.Fatalf("search %q: %v, %v", q, hits, err)
		}
		a, err := s.Article(ctx, hits[0].ID)
		if err != nil {
			t.Fatal(err)
		}
		if (a.Limited != "") != limited {
			t.Errorf("%s: limited %q", a.Title, a.Limited)
		}
	}
}

func jsonString(s string) []byte {
	b, _ := json.Marshal(s)
	return b
}

// TestWritersMeet: two runs into one store at once, each with its own
// open of the store as two processes would, give the same copies and
// stories as the same runs one after the other: the second writer waits
// for the first (and says so), then relates against what it left.
func TestWritersMeet(t *testing.T) {
	ctx := context.Background()
	files, _ := filepath.Glob("../../testdata/stories/docs/*.txt")
	var even, odd []string // the two runs share stories and copies
	for i, f := range files {
		if i%2 == 0 {
			even = append(even, f)
		} else {
			odd = append(odd, f)
		}
	}
	ingestInto := func(path string, files []string, wait func(string), opened chan<- bool) error {
		s, err := sqlite.OpenWith(ctx, path, sqlite.Options{Wait: wait})
		if opened != nil {
			opened <- err == nil
		}
		if err != nil {
			return err
		}
		defer s.Close()
		_, err = New(s, Options{ChunkSize: 16}).Run(ctx, files, nil, func(Event) {}, nil)
		return err
	}
	seq := filepath.Join(t.TempDir(), "seq.db")
	for _, part := range [][]string{even, odd} {
		if err := ingestInto(seq, part, nil, nil); err != nil {
			t.Fatal(err)
		}
	}

	both := filepath.Join(t.TempDir(), "both.db")
	opened := make(chan bool, 1)
	waited := make(chan string, 1)
	errs := make(chan error, 2)
	go func() { errs <- ingestInto(both, even, nil, opened) }()
	if !<-opened {
		t.Fatal(<-errs)
	}
	go func() {
		errs <- ingestInto(both, odd, func(msg string) { waited <- msg }, nil)
	}()
	for range 2 {
		if err := <-errs; err != nil {
			t.Fatal(err)
		}
	}
	select {
	case msg := <-waited:
		if !strings.Contains(msg, "waiting") {
			t.Errorf("wait message %q", msg)
		}
	default:
		t.Error("the second writer did not wait for the first")
	}

	read := func(path string) (string, string) {
		s, err := sqlite.OpenWith(ctx, path, sqlite.Options{ReadOnly: true})
		if err != nil {
			t.Fatal(err)
		}
		defer s.Close()
		st, _ := s.Stories(ctx)
		cp, _, _ := s.Copies(ctx)
		return fmt.Sprint(st), fmt.Sprint(cp)
	}
	s1, c1 := read(seq)
	s2, c2 := read(both)
	if s1 != s2 {
		t.Errorf("stories differ:\none after the other %.300v\nat once             %.300v", s1, s2)
	}
	if c1 != c2 {
		t.Errorf("copies differ:\none after the other %.300v\nat once             %.300v", c1, c2)
	}
}

// FuzzJSONRecord: whatever a JSON Lines record holds, what is prepared
// for the store has no control characters and valid offsets.
func FuzzJSONRecord(f *testing.F) {
	f.Add([]byte(`{"title":"T\u0000\u001b]0;x\u0007","text":"Floods\u0000 in Nantes: 2 metres.\u009b\nMore text here.","site":"S\u0085","tags":["a\u0000"]}`))
	f.Add([]byte(`{"html":"<p>\u001b[2J Un paragraphe de texte.</p>","author":"A\r\nB"}`))
	f.Fuzz(func(t *testing.T, b []byte) {
		docs, _ := extract.JSONL("f.jsonl", b)
		for _, d := range docs {
			a := Prepare(d, clean.Options{})
			for name, v := range map[string]string{"title": a.Title, "site": a.Site, "author": a.Author, "date": a.Date, "text": a.Text, "url": a.URL, "lang": a.Lang} {
				if hasControl(strings.ReplaceAll(v, "\n", " ")) {
					t.Fatalf("%s %q has control characters", name, v)
				}
			}
			for _, tag := range a.Tags {
				if hasControl(tag) {
					t.Fatalf("tag %q has control characters", tag)
				}
			}
			for _, s := range a.Sentences {
				if s.Start < 0 || s.End > len(a.Text) || s.Start > s.End {
					t.Fatalf("sentence %v outside the text (%d bytes)", s, len(a.Text))
				}
			}
		}
	})
}
