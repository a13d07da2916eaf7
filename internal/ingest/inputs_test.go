package ingest

import (
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/dossier-news/dossier"
	"github.com/dossier-news/dossier/internal/extract"
	"github.com/dossier-news/dossier/internal/store/sqlite"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/simplifiedchinese"
	"golang.org/x/text/encoding/unicode"
)

var encodedCases = []struct {
	label string
	enc   encoding.Encoding
	text  string
}{
	{"windows-1252", charmap.Windows1252, "Le café coûte 5 € à Noël : l’élève « Œdipe » déçoit, señor Müller."},
	{"iso-8859-1", charmap.ISO8859_1, "Le café coûte cinq francs à Noël : l'élève « Dédé » déçoit, señor Müller."},
	{"iso-8859-15", charmap.ISO8859_15, "Le café coûte 5 € à Noël : l'élève « Œdipe » déçoit, Šárka et Ÿvette."},
	{"utf-16le", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM), "Le café coûte 5 € à Noël, 東京都は月曜日、防災計画を発表した。"},
	{"shift_jis", japanese.ShiftJIS, "東京都は月曜日、新しい防災計画を発表した。住民およそ三千人が避難訓練に参加し、消防庁の職員が指導にあたった。"},
	{"gb18030", simplifiedchinese.GB18030, "国家统计局周一公布的数据显示，上半年国内生产总值同比增长百分之五，消费对经济增长的贡献率明显提高。"},
}

func encodedPage(text, meta string) string {
	p := strings.Repeat("<p>"+text+" "+text+"</p>\n", 5)
	return "<!DOCTYPE html><html><head>" + meta + "<title>Article</title></head><body><article>" + p + "</article></body></html>"
}

func docsText(docs []extract.Doc) string {
	var all []string
	for _, d := range docs {
		all = append(all, d.Lines...)
	}
	return strings.Join(all, "\n")
}

// TestReadCharsets reads pages and text files in other charsets than
// UTF-8 from files and from URLs, declared in the page, by HTTP or not at
// all, and wants every character back.
func TestReadCharsets(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	pages := map[string][]byte{}
	headers := map[string]string{}
	p := New(nil, Options{AllowPrivate: true})
	for _, c := range encodedCases {
		meta := `<meta charset="` + c.label + `">`
		if strings.HasPrefix(c.label, "utf-16") {
			meta = ""
		}
		page, err := c.enc.NewEncoder().Bytes([]byte(encodedPage(c.text, meta)))
		if err != nil {
			t.Fatal(err)
		}
		bare, err := c.enc.NewEncoder().Bytes([]byte(encodedPage(c.text, "")))
		if err != nil {
			t.Fatal(err)
		}
		pages["/meta/"+c.label] = page
		headers["/meta/"+c.label] = "text/html"
		pages["/http/"+c.label] = bare
		headers["/http/"+c.label] = "text/html; charset=" + c.label
		file := filepath.Join(dir, c.label+".html")
		if err := os.WriteFile(file, page, 0o644); err != nil {
			t.Fatal(err)
		}
		txt, err := c.enc.NewEncoder().Bytes([]byte("Un titre\n\n" + c.text + "\n"))
		if err != nil {
			t.Fatal(err)
		}
		txtFile := filepath.Join(dir, c.label+".txt")
		if err := os.WriteFile(txtFile, txt, 0o644); err != nil {
			t.Fatal(err)
		}
		for _, name := range []string{file, txtFile} {
			if c.label == "iso-8859-15" && name == txtFile {
				continue // undeclared ISO-8859-15 cannot be told from windows-1252
			}
			docs, errs := p.read(ctx, source{name: name}, nil)
			if got := docsText(docs); len(errs) > 0 || !strings.Contains(got, c.text) {
				t.Errorf("%s: %q, %v", filepath.Base(name), got, errs)
			}
		}
	}
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		b, ok := pages[r.URL.Path]
		if !ok {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", headers[r.URL.Path])
		w.Write(b)
	}))
	defer srv.Close()
	for _, c := range encodedCases {
		for _, how := range []string{"meta", "http"} {
			u := srv.URL + "/" + how + "/" + c.label
			docs, errs := p.read(ctx, source{name: u, url: true}, nil)
			if got := docsText(docs); len(errs) > 0 || !strings.Contains(got, c.text) {
				t.Errorf("%s: %q, %v", u, got, errs)
			}
		}
	}
}

// TestReingestIdempotent ingests an article, then articles that share one
// of its lines (so that cleaning learns that line is furniture and the
// article's clean text would change), then the article again, in several
// orders and in one run or several: the second reading stores nothing and
// is a duplicate of the first, with the same id.
func TestReingestIdempotent(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	furniture := "Ce que prévoit le budget municipal"
	body := func(i int, topic string) string {
		return fmt.Sprintf("%s numéro %d\n\nLe conseil municipal de la ville %d a voté mardi le budget consacré à %s, après un long débat entre la majorité et l'opposition sur les priorités de l'année.\n\n%s\n\nLe maire a promis que les travaux commenceraient avant l'été et que les habitants seraient consultés sur chaque étape du chantier.\n",
			strings.ToUpper(topic[:1])+topic[1:], i, i, topic, furniture)
	}
	a := filepath.Join(dir, "a.txt")
	if err := os.WriteFile(a, []byte(body(0, "la piscine")), 0o644); err != nil {
		t.Fatal(err)
	}
	var recs []string
	for i := 1; i <= 6; i++ {
		b, _ := json.Marshal(map[string]string{"title": fmt.Sprintf("Article %d", i), "text": body(i, fmt.Sprintf("la route %d", i)), "url": fmt.Sprintf("https://x.example/%d", i)})
		recs = append(recs, string(b))
	}
	b := filepath.Join(dir, "b.jsonl")
	if err := os.WriteFile(b, []byte(strings.Join(recs, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	names := map[string]string{"A": a, "B": b}
	for _, order := range [][]string{{"A", "B", "A"}, {"A", "B", "B", "A"}} {
		for _, oneRun := range []bool{false, true} {
			s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
			if err != nil {
				t.Fatal(err)
			}
			ids := map[string]string{} // input -> id when first stored
			check := func(e Event) {
				if e.Err != nil {
					t.Errorf("%s: %v", e.Input, e.Err)
					return
				}
				first, ok := ids[e.Input]
				switch {
				case !ok && e.Dup:
					t.Errorf("%v: %s first seen as a duplicate of %s", order, e.Input, e.ID)
				case !ok:
					ids[e.Input] = e.ID
				case !e.Dup:
					t.Errorf("%v (one run %v): %s stored again as %s (first %s)", order, oneRun, e.Input, e.ID, first)
				case e.ID != first:
					t.Errorf("%v: %s duplicate of %s, stored as %s", order, e.Input, e.ID, first)
				}
			}
			var args []string
			for _, o := range order {
				args = append(args, names[o])
			}
			runs := [][]string{args}
			if !oneRun {
				runs = nil
				for _, a := range args {
					runs = append(runs, []string{a})
				}
			}
			for _, r := range runs {
				if _, err := New(s, Options{ChunkSize: 2}).Run(ctx, r, nil, check, nil); err != nil {
					t.Fatal(err)
				}
			}
			list, err := s.List(ctx, dossier.ListFilter{})
			if err != nil {
				t.Fatal(err)
			}
			if len(list) != 7 {
				t.Errorf("%v (one run %v): %d articles stored, want 7", order, oneRun, len(list))
			}
			s.Close()
		}
	}
}

// TestStreamWARCAndChunks ingests a gzipped WARC file written here and a
// JSON Lines file of many records: the WARC's articles are stored with
// their URL and crawl time and its other records counted; the JSON Lines
// records go to the pipeline in chunks of ChunkSize, not one chunk a file.
func TestStreamWARCAndChunks(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	para := strings.Repeat("<p>La préfecture du Loiret a évacué 2 000 habitants dimanche soir, à cause de la crue de la Loire, et ouvert trois gymnases.</p>", 3)
	rec := func(typ, uri, ctype string, block string) string {
		return fmt.Sprintf("WARC/1.0\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\nWARC-Date: 2025-03-14T10:00:00Z\r\nContent-Type: %s\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n", typ, uri, ctype, len(block), block)
	}
	page := "<html><body><article>" + para + "</article></body></html>"
	var gz strings.Builder
	for _, r := range []string{
		rec("request", "https://a.example/crue", "application/http; msgtype=request", "GET /crue HTTP/1.1\r\n\r\n"),
		rec("response", "https://a.example/crue", "application/http; msgtype=response", fmt.Sprintf("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: %d\r\n\r\n%s", len(page), page)),
		rec("metadata", "https://a.example/crue", "application/warc-fields", "via: x\r\n"),
	} {
		var b strings.Builder
		zw := gzip.NewWriter(&b)
		zw.Write([]byte(r))
		zw.Close()
		gz.WriteString(b.String())
	}
	warcFile := filepath.Join(dir, "crawl.warc.gz")
	if err := os.WriteFile(warcFile, []byte(gz.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	var lines []string
	for i := 0; i < 25; i++ {
		lines = append(lines, fmt.Sprintf(`{"url": "https://b.example/%d", "lang": "fr", "text": "Titre %d\n\nLe conseil municipal a voté le budget numéro %d mardi soir, après un long débat entre les élus."}`, i, i, i))
	}
	jsonl := filepath.Join(dir, "many.jsonl")
	if err := os.WriteFile(jsonl, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var progress []int
	sum, err := New(s, Options{ChunkSize: 4}).Run(ctx, []string{warcFile, jsonl}, nil, func(e Event) {
		if e.Err != nil {
			t.Errorf("%s: %v", e.Input, e.Err)
		}
	}, func(done, total int) { progress = append(progress, done) })
	if err != nil {
		t.Fatal(err)
	}
	if sum.Ingested != 26 || sum.Skipped != 2 || sum.SkippedWhy != "metadata record 1, request record 1" {
		t.Errorf("summary %+v", sum)
	}
	// 26 articles in chunks of 4 and the end: 7 or more reports, rising
	if len(progress) < 7 || progress[len(progress)-1] != 26 {
		t.Errorf("progress %v", progress)
	}
	list, err := s.List(ctx, dossier.ListFilter{})
	if err != nil {
		t.Fatal(err)
	}
	for _, l := range list {
		if l.Input != "https://a.example/crue" {
			continue
		}
		a, err := s.Article(ctx, l.ID)
		if err != nil || a.URL != "https://a.example/crue" || !a.IngestedAt.Equal(time.Date(2025, 3, 14, 10, 0, 0, 0, time.UTC)) || !strings.Contains(a.Text, "2 000 habitants") {
			t.Errorf("WARC article = %+v, %v", a, err)
		}
		return
	}
	t.Errorf("WARC article not stored: %+v", list)
}

// TestSpecialFiles: a named pipe beside good files is one error line and
// is never opened (opening it for reading would wait for a writer
// forever); the good files are stored. Symbolic links to files and
// folders are followed, a link loop is said and skipped.
func TestSpecialFiles(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	write := func(p, title string) {
		t.Helper()
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		text := title + "\n\nLe conseil municipal a voté mardi soir le budget de " + title + ", après un long débat entre la majorité et l'opposition.\n"
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	good1, good2 := filepath.Join(dir, "good1.txt"), filepath.Join(dir, "good2.txt")
	write(good1, "La piscine")
	write(good2, "La route")
	fifo := filepath.Join(dir, "fifo")
	if err := mkfifo(fifo); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
	// a folder reached through a link, with a link back up to itself and a
	// link to a file elsewhere
	real := filepath.Join(t.TempDir(), "real")
	write(filepath.Join(real, "inner.txt"), "Le pont")
	outside := filepath.Join(t.TempDir(), "outside.txt")
	write(outside, "La gare")
	if err := os.Symlink(real, filepath.Join(real, "loop")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(outside, filepath.Join(real, "linked.txt")); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(filepath.Join(dir, "nowhere"), filepath.Join(real, "broken.txt")); err != nil {
		t.Fatal(err)
	}
	linkToDir := filepath.Join(dir, "folder-link")
	if err := os.Symlink(real, linkToDir); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var errs, skipped []string
	done := make(chan Summary)
	go func() {
		sum, err := New(s, Options{}).Run(ctx, []string{good1, fifo, good2, linkToDir}, nil, func(e Event) {
			if e.Err != nil {
				errs = append(errs, e.Err.Error())
			}
			if e.Skipped != "" {
				skipped = append(skipped, e.Input+": "+e.Skipped)
			}
		}, nil)
		if err != nil {
			t.Error(err)
		}
		done <- sum
	}()
	var sum Summary
	select {
	case sum = <-done:
	case <-time.After(60 * time.Second):
		// unblock the reader so that the test ends, and fail
		if w, err := os.OpenFile(fifo, os.O_WRONLY, 0); err == nil {
			w.Close()
		}
		t.Fatal("the run hangs on a named pipe")
	}
	if sum.Ingested != 4 || sum.Failed != 2 { // good1, good2, inner, linked
		t.Errorf("summary %+v, errors %q", sum, errs)
	}
	var fifoErr, brokenErr bool
	for _, e := range errs {
		fifoErr = fifoErr || strings.Contains(e, "fifo: not a regular file or a folder (a named pipe)")
		brokenErr = brokenErr || strings.Contains(e, "broken.txt: broken symbolic link")
	}
	if !fifoErr || !brokenErr {
		t.Errorf("errors %q", errs)
	}
	if len(skipped) != 1 || !strings.Contains(skipped[0], "loop") {
		t.Errorf("skipped %q", skipped)
	}
}

// TestPathID: where folders have no inode (Windows), a link loop is still
// found, by the resolved path.
func TestPathID(t *testing.T) {
	dir := t.TempDir()
	real := filepath.Join(dir, "real")
	if err := os.MkdirAll(filepath.Join(real, "sub"), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.Symlink(real, filepath.Join(real, "sub", "up")); err != nil {
		t.Skipf("symlink: %v", err)
	}
	a, ok1 := pathID(real)
	b, ok2 := pathID(filepath.Join(real, "sub", "up"))
	c, ok3 := pathID(filepath.Join(real, "sub"))
	if !ok1 || !ok2 || !ok3 || a != b || a == c {
		t.Errorf("real %v, loop %v, sub %v: want real == loop != sub", a, b, c)
	}
}

// TestSameInputTwiceInARun: an input read again in the same run is a
// duplicate whether the first reading is still in the pipeline (one large
// chunk) or already written (chunks of one, which the writer commits and
// lets go of): the run keeps only the ids in flight, the store answers for
// the others.
func TestSameInputTwiceInARun(t *testing.T) {
	ctx := context.Background()
	dir := t.TempDir()
	for i, town := range []string{"Blois", "Tours", "Saumur", "Gien"} {
		text := fmt.Sprintf("Le pont de %s\n\nLe conseil municipal de %s a voté mardi %d millions d'euros pour refaire le pont, après un long débat.\n", town, town, 3+i)
		if err := os.WriteFile(filepath.Join(dir, town+".txt"), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, chunk := range []int{1, 256} {
		s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
		if err != nil {
			t.Fatal(err)
		}
		sum, err := New(s, Options{ChunkSize: chunk}).Run(ctx, []string{dir, dir}, nil, func(Event) {}, nil)
		s.Close()
		if err != nil || sum.Ingested != 4 || sum.Duplicates != 4 || sum.Failed != 0 {
			t.Errorf("chunks of %d: %+v, %v; want 4 ingested and 4 duplicates", chunk, sum, err)
		}
	}
}

// TestGluedWithCorpusEvidence: a word with an inner capital that another
// site writes glued too is a name, kept whole even where the page writes
// its parts apart; a glued form only one site writes is still split.
func TestGluedWithCorpusEvidence(t *testing.T) {
	ctx := context.Background()
	recs := []map[string]string{
		{"site": "Site A", "title": "Les graphiques", "text": "Selon DataWrapper, les data des communes montrent un wrapper trop lent pour les rédactions locales, qui attendent une mise à jour depuis des mois."},
		{"site": "Site B", "title": "Un outil", "text": "Le graphique de cet article vient de DataWrapper, un outil que beaucoup de rédactions utilisent pour leurs cartes et leurs courbes."},
		{"site": "Site C", "title": "Des troupes", "text": "BloombergLa Corée du Nord a envoyé des troupes en Russie, selon les services de renseignement de Séoul, qui parlent de plusieurs milliers de soldats."},
	}
	var b strings.Builder
	for _, r := range recs {
		line, _ := json.Marshal(r)
		b.Write(append(line, '\n'))
	}
	path := filepath.Join(t.TempDir(), "glued.jsonl")
	if err := os.WriteFile(path, []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	s, err := sqlite.Open(ctx, filepath.Join(t.TempDir(), "d.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer s.Close()
	var ids []string
	if _, err := New(s, Options{}).Run(ctx, []string{path}, nil, func(e Event) {
		if e.ID != "" {
			ids = append(ids, e.ID)
		}
	}, nil); err != nil {
		t.Fatal(err)
	}
	var all []string
	for _, id := range ids {
		a, err := s.Article(ctx, id)
		if err != nil {
			t.Fatal(err)
		}
		all = append(all, a.Text)
	}
	text := strings.Join(all, "\n")
	if !strings.Contains(text, "Selon DataWrapper,") || strings.Contains(text, "Data Wrapper") {
		t.Errorf("DataWrapper, written glued by two sites, was split:\n%s", text)
	}
	if !strings.Contains(text, "Bloomberg La Corée") {
		t.Errorf("BloombergLa, glued by one site only, was not split:\n%s", text)
	}
}
